import A64
import Memory

/// How a run ended.
public enum RunOutcome: Equatable {
    case stopped(StopReason)
    case instructionLimit
    case interrupted
    /// Every CPU is powered off (PSCI CPU_OFF) and none can wake.
    case allCPUsOff
    /// Every CPU that is on waits for an interrupt (WFI) and none is pending
    /// or can become pending (no timer is armed).
    case allCPUsWaiting
    /// A CPU's observer (the debugger) stopped it: `observerStopRequested`.
    case observerStop(cpu: Int)
}

/// Runs the board's CPUs until the guest exits, something stops them, the
/// instruction limit is reached, or `interruptRequested` is set (Ctrl-C).
///
/// CPUs are interleaved deterministically: time goes in rounds; in each round
/// every CPU that can run gets one turn of `quantum` instructions, in an
/// order drawn from the seeded generator. A CPU's turn ends early when it
/// sleeps (WFI), powers off or yields (WFE), and is cut where one of its
/// timers fires so that the interrupt is taken at the right count.
public final class RunLoop {
    public let board: Board
    public var maxInstructions: UInt64?
    public private(set) var instructions: UInt64 = 0
    /// Run the CPUs with `runObserved` (a debugger or a trace is attached).
    public var observed = false
    private var generator: SeededGenerator

    /// The turn with one CPU. It bounds how late a Ctrl-C is seen and how
    /// late an interrupt made pending by the CPU's own MMIO store (a GIC
    /// register write) is taken: interrupts are looked at between turns and
    /// after MSR, ERET and WFI, not after every store.
    static let singleCPUTurn = 1 << 16

    public init(board: Board, maxInstructions: UInt64? = nil) {
        self.board = board
        self.maxInstructions = maxInstructions
        generator = SeededGenerator(seed: board.configuration.seed)
    }

    public func run(interruptRequested: () -> Bool = { false }) -> RunOutcome {
        defer { board.console.flush() }
        let cpus = board.cpus
        let turn = cpus.count == 1 ? max(board.configuration.quantum, Self.singleCPUTurn) : board.configuration.quantum
        while true {
            if interruptRequested() { return .interrupted }
            var anyRan = false
            for i in generator.permutation(cpus.count) {
                let cpu = cpus[i]
                if cpu.poweredOff { continue }
                updateTimers(cpu)
                if cpu.waitingForInterrupt {
                    guard cpu.hasWakeUpEvent else { continue }
                    cpu.waitingForInterrupt = false
                }
                anyRan = true
                var left = turn
                while left > 0 {
                    if let limit = maxInstructions {
                        if instructions >= limit { return .instructionLimit }
                        left = Int(min(UInt64(left), limit - instructions))
                    }
                    var slice = left
                    if let deadline = cpu.nextTimerDeadline {
                        let now = board.shared.counter
                        slice = deadline <= now ? 1 : Int(min(UInt64(slice), deadline - now))
                    }
                    let n = observed ? cpu.runObserved(budget: slice) : cpu.run(budget: slice)
                    instructions += UInt64(n)
                    left -= n
                    if let reason = cpu.stopReason { return .stopped(reason) }
                    if observed && cpu.observerStopRequested { return .observerStop(cpu: cpu.index) }
                    updateTimers(cpu)
                    if cpu.waitingForInterrupt || cpu.poweredOff || cpu.yielded {
                        cpu.yielded = false
                        break
                    }
                    if n == 0 { break }
                }
            }
            if !anyRan {
                if cpus.allSatisfy({ $0.poweredOff }) { return .allCPUsOff }
                // Every CPU sleeps: let time pass to the first timer that fires.
                let deadlines = cpus.filter { !$0.poweredOff }.compactMap { $0.nextTimerDeadline }
                guard let next = deadlines.min() else { return .allCPUsWaiting }
                if next > board.shared.counter { board.shared.counter = next }
            }
        }
    }

    private func updateTimers(_ cpu: CPU) { board.timerInterrupts.update(cpu) }
}
