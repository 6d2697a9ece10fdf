import A64
import Memory

/// How a run ended.
public enum RunOutcome: Equatable {
    case stopped(StopReason)
    case instructionLimit
    case interrupted
}

/// Runs the board's CPUs until the guest exits, something stops them, the
/// instruction limit is reached, or `interruptRequested` is set (Ctrl-C).
/// Time is sliced into quanta of instructions; with one CPU the quantum only
/// bounds how late an interrupt request is seen.
public final class RunLoop {
    public let board: Board
    public var maxInstructions: UInt64?
    public static let quantum = 1 << 20
    public private(set) var instructions: UInt64 = 0

    public init(board: Board, maxInstructions: UInt64? = nil) {
        self.board = board
        self.maxInstructions = maxInstructions
    }

    public func run(interruptRequested: () -> Bool = { false }) -> RunOutcome {
        defer { board.console.flush() }
        let cpu = board.cpus[0]
        while true {
            if interruptRequested() { return .interrupted }
            var budget = RunLoop.quantum
            if let limit = maxInstructions {
                if instructions >= limit { return .instructionLimit }
                budget = Int(min(UInt64(budget), limit - instructions))
            }
            instructions += UInt64(cpu.run(budget: budget))
            if let reason = cpu.stopReason { return .stopped(reason) }
        }
    }
}
