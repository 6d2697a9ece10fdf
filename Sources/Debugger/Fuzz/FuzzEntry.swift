import A64
import ELF
import Machine
import Memory

/// The entry points of the fuzz targets (Fuzz/, `make fuzz`) and of their
/// corpus replay (Tests/DebuggerTests/FuzzCorpusTests.swift). Each takes
/// arbitrary bytes and drives the real code the way the emulator does;
/// none may crash, whatever the bytes. Ordinary library code: the normal
/// build compiles it, only Fuzz/ links it with libFuzzer.
public enum FuzzEntry {
    public enum Target: String, CaseIterable, Sendable { case elf, semihosting, gdb, console }

    /// Runs `data` through `target` (the semihosting root is made once per process).
    public static func run(_ target: Target, _ data: [UInt8]) {
        switch target {
        case .elf: elf(data)
        case .semihosting: SemihostingFuzzEntry.run(data, root: semihostingRoot)
        case .gdb: gdb(data)
        case .console: console(data)
        }
    }

    nonisolated(unsafe) static var cachedRoot: String?
    static var semihostingRoot: String {
        if let r = cachedRoot { return r }
        let r = SemihostingFuzzEntry.makeRoot()
        cachedRoot = r
        return r
    }

    // MARK: ELF

    /// The file as `a64emu run FILE` reads it: parsed, its error message
    /// formatted, else loaded into a 16 MiB board, and its symbols looked
    /// up as the debugger does (with Swift names demangled).
    public static func elf(_ data: [UInt8]) {
        let image: ELFImage
        do {
            image = try ELFImage.parse(bytes: data, path: "fuzz.elf")
        } catch {
            _ = error.description
            return
        }
        var config = Board.Configuration()
        config.ramSize = 16 << 20
        let board = Board(config, console: ConsoleOutput(capture: true))
        do {
            let end = try GuestLoader.load(image, into: board)
            board.semihosting.setImageEnd(end)
        } catch {
            _ = error.description
        }
        let symbols = SymbolTable(images: [image])
        symbols.demangle = true
        _ = symbols.describe(image.entry)
        for (i, s) in image.symbols.prefix(256).enumerated() {
            _ = symbols.describe(s.value)
            _ = symbols.describe(s.value &+ s.size)
            _ = symbols.exactName(at: s.value)
            _ = demangleSwiftShort(s.name)
            if i < 8 { _ = symbols.address(of: s.name + "+0x10") }
        }
    }

    // MARK: The machine the debugger targets look at

    /// _start: adr x1, data; mov x2, #0
    /// loop:   bl func; cmp x2, #100; b.ne loop
    ///         mov w0, #0x18; adr x1, block; hlt #0xf000   (SYS_EXIT 0)
    ///         b .
    /// func:   add x2, x2, #1; str x2, [x1]; ret
    /// block:  .quad 0x20026, 0
    /// data:   .quad 0
    static let program: [UInt32] = [
        0x1000_0201, 0xD280_0002, 0x9400_0007, 0xF101_905F, 0x54FF_FFC1, 0x5280_0300,
        0x1000_00C1, 0xD45E_0000, 0x1400_0000, 0x9100_0442, 0xF900_0022, 0xD65F_03C0,
        0x0002_0026, 0, 0, 0, 0, 0,
    ]
    static let programBase: UInt64 = Board.MemoryMap.ramBase + 0x8_0000

    static var programImage: ELFImage {
        var bytes: [UInt8] = []
        for w in program { withUnsafeBytes(of: w.littleEndian) { bytes += $0 } }
        let b = programBase
        let segment = ELFSegment(physicalAddress: b, virtualAddress: b, data: bytes,
                                 memorySize: UInt64(bytes.count) + 0x1000, flags: 7)
        let symbols = [
            ELFSymbol(name: "_start", value: b, size: 0x24, isFunction: true),
            ELFSymbol(name: "loop", value: b + 8, size: 0, isFunction: false),
            ELFSymbol(name: "func", value: b + 0x24, size: 12, isFunction: true),
            ELFSymbol(name: "$s4Demo1VV1loiySbACyxG_AEtFZ", value: b + 0x24, size: 12, isFunction: true),
            ELFSymbol(name: "block", value: b + 0x30, size: 16, isFunction: false),
            ELFSymbol(name: "data", value: b + 0x40, size: 8, isFunction: false),
        ]
        return ELFImage(path: "tiny.elf", entry: b, segments: [segment], symbols: symbols)
    }

    /// Instructions a whole input may run: `continue` stops here at the latest.
    static let instructionBudget: UInt64 = 5_000
    /// `step N` runs N instructions whatever the budget: larger N are skipped.
    static let maxStep = 2_000

    /// A board with the tiny program loaded, under a debugger.
    static func machine(cpus: Int, caches: Bool, el2: Bool, explainStale: Bool) -> MachineDebugger {
        var config = Board.Configuration()
        config.ramSize = 4 << 20
        config.cpuCount = cpus
        config.bootEL = el2 ? 2 : 1
        config.caches.enabled = caches
        let board = Board(config, console: ConsoleOutput(capture: true))
        let image = programImage
        _ = try? GuestLoader.load(image, into: board)
        let loop = RunLoop(board: board, maxInstructions: instructionBudget)
        let symbols = SymbolTable(images: [image])
        symbols.demangle = true
        let debugger = MachineDebugger(board: board, loop: loop, symbols: symbols, output: { _ in })
        debugger.explainStale = explainStale
        return debugger
    }

    /// The CPUs hold their observer, the debugger, which holds the board:
    /// a cycle that a process with one machine never needs to break, but
    /// one machine per input would leak.
    static func release(_ debugger: MachineDebugger) {
        debugger.explainStale = false
        for cpu in debugger.board.cpus { cpu.observer = nil }
    }

    /// True for a console line the fuzz targets skip: `step N` with N over `maxStep`.
    static func tooLong(_ line: String) -> Bool {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2, ["step", "s", "stepi", "si"].contains(words[0]) else { return false }
        guard let n = Int(words[1]) else { return false }
        return n > maxStep
    }

    // MARK: Console

    /// flags byte (bit 0 caches, bit 1 --explain-stale, bit 2 two CPUs,
    /// bit 3 boot at EL2), then command lines separated by newlines, run
    /// one by one as `a64emu debug` runs a command file (at most 64).
    public static func console(_ data: [UInt8]) {
        guard let flags = data.first else { return }
        let debugger = machine(cpus: flags & 4 != 0 ? 2 : 1, caches: flags & 1 != 0,
                               el2: flags & 8 != 0, explainStale: flags & 2 != 0)
        defer { release(debugger) }
        let console = Console(debugger: debugger, output: { _ in })
        let text = String(decoding: data.dropFirst(), as: UTF8.self)
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(64) {
            let l = String(line)
            if tooLong(l) { continue }
            console.execute(l)
            _ = console.prompt
        }
        _ = console.location()
    }

    // MARK: GDB

    /// A transport that delivers the fuzzer's bytes as one read, then
    /// reports the peer gone; it has nothing pending while the machine runs.
    final class Transport: GDBTransport {
        var input: [UInt8]?
        var sent = 0
        init(_ input: [UInt8]) { self.input = input }
        func receive() -> [UInt8]? { defer { input = nil }; return input }
        func receiveAvailable() -> [UInt8]? { [] }
        func send(_ bytes: [UInt8]) -> Bool { sent += bytes.count; return true }
    }

    /// The bytes as a GDB client's stream to `a64emu run --gdb`: framing,
    /// checksums, acks, every packet handled against a two-CPU machine,
    /// `monitor` commands run by the console.
    public static func gdb(_ data: [UInt8]) {
        let debugger = machine(cpus: 2, caches: false, el2: false, explainStale: false)
        defer { release(debugger) }
        let target = GDBMachineTarget(debugger: debugger)
        var monitorText = ""
        let console = Console(debugger: debugger, output: { monitorText += $0 })
        target.monitorHandler = { command in
            monitorText = ""
            if !tooLong(command) { console.execute(command) }
            return monitorText
        }
        _ = GDBServer(target: target).serve(Transport(data))
    }
}
