#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import ELF
import Machine
import Debugger
import A64
import Memory

/// Exit statuses that are the emulator's own (the guest's exit status is
/// passed through otherwise).
enum ExitStatus {
    static let badInput: Int32 = 2
    static let instructionLimit: Int32 = 124
    static let stoppedByEmulator: Int32 = 125
    static let interrupted: Int32 = 130
}

let exitStatusHelp = """
    Exit status: the guest's own (semihosting SYS_EXIT), or
      2    bad input (unreadable or malformed ELF, a kernel or initrd that
           does not fit in RAM, bad option)
      124  the --max-insns limit was reached
      125  the emulator stopped the run (every CPU waits in WFI with
           nothing that can wake it, every CPU is off, a semihosting
           call names memory the guest cannot reach)
      130  interrupted (Ctrl-C)
    """

@main
struct A64Emu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "a64emu",
        abstract: "An AArch64 emulator whose caches and TLBs keep stale entries as the architecture allows.",
        discussion: exitStatusHelp,
        subcommands: [Run.self, Debug.self, Disasm.self, DumpDTB.self],
        defaultSubcommand: Run.self)

    /// Parses and runs, mapping usage errors to exit status 2.
    static func mainWithStatus() -> Never {
        do {
            var command = try parseAsRoot()
            try command.run()
            Glibc.exit(0)
        } catch {
            if let e = error as? ExitCode { Glibc.exit(e.rawValue) }
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Glibc.exit(0)
            }
            fputs("a64emu: \(fullMessage(for: error))\n", stderr)
            Glibc.exit(ExitStatus.badInput)
        }
    }

    static func main() { mainWithStatus() }
}

nonisolated(unsafe) var interruptCount: sig_atomic_t = 0

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Boot a guest (ELF, Linux arm64 Image or raw binary) on the virt-compatible board and run it to its exit.",
        discussion: exitStatusHelp)

    @Argument(help: "The guest: an AArch64 ELF (loaded at its addresses), a Linux arm64 Image or a raw binary (told apart by content, as QEMU's -kernel); with --hyp, the ELF the hypervisor runs in its VMs.")
    var guest: String?

    @Option(name: .long, help: "Kernel command line (/chosen/bootargs of the device tree).")
    var append: String?

    @Option(name: .long, help: "Initial RAM disk: loaded after the kernel, described in /chosen.")
    var initrd: String?

    @Option(name: .long, help: "Guest RAM at 0x40000000, e.g. 256M, 1G (a multiple of 4K).")
    var memory: String = "256M"

    @Option(name: .long, help: "Exception level the boot CPU starts at: 1 (as QEMU -M virt) or 2 (as virtualization=on; PSCI over SMC).")
    var el: UInt8?

    @Option(name: [.customLong("smp"), .customLong("cpus")], help: "Number of CPUs (secondaries wait for PSCI CPU_ON).")
    var smp: Int = 1

    @Option(name: .long, help: "Seed for every free choice of the machine (the CPU interleaving).")
    var seed: UInt64 = 0

    @Option(name: .long, help: "Instructions a CPU runs before the next CPU's turn.")
    var quantum: Int = 4096

    @Option(name: .customLong("cache-model"), help: "on: caches keep stale data and instructions as the architecture allows; off (default): coherent memory, like QEMU.")
    var cacheModel: String?

    @Option(name: .customLong("icache"), help: "Each CPU's L1 I-cache, e.g. 32K,4way,64B (the default).")
    var icacheGeometry: String?

    @Option(name: .customLong("dcache"), help: "Each CPU's L1 data cache, e.g. 32K,4way,64B (the default).")
    var dcacheGeometry: String?

    @Option(name: .customLong("l2"), help: "The shared L2 (the point of unification), e.g. 256K,8way,64B (the default).")
    var l2Geometry: String?

    @Option(name: .customLong("icache-policy"), help: "pipt (default), vipt or vpipt (CTR_EL0.L1Ip).")
    var icachePolicy: String = "pipt"

    @Option(name: .long, help: "CTR_EL0.IDC: 1 = data writes need no clean to the PoU for fetches (default 0).")
    var idc: UInt8 = 0

    @Option(name: .long, help: "CTR_EL0.DIC: 1 = fetches are coherent with data, no I-cache (default 0).")
    var dic: UInt8 = 0

    @Option(name: .long, help: "FEAT_S2FWB (ID_AA64MMFR2_EL1.FWB, HCR_EL2.FWB): 1 to implement it (default 0).")
    var fwb: UInt8 = 0

    @Option(name: .customLong("icache-alloc-mmu-off"), help: "on (default): a Non-cacheable fetch (stage 1 MMU off) may allocate into the I-cache.")
    var icacheAllocMMUOff: String = "on"

    @Option(name: .customLong("tlb-entries"), help: "Entries in each CPU's TLB (default \(ImpDef.tlbEntries)).")
    var tlbEntries: Int = ImpDef.tlbEntries

    @Option(name: .customLong("tlb-ways"), help: "Ways of each CPU's TLB (default \(ImpDef.tlbWays)); a full set evicts a seeded choice.")
    var tlbWays: Int = ImpDef.tlbWays

    @Option(name: .customLong("max-insns"), help: "Stop with exit status 124 after N instructions.")
    var maxInstructions: UInt64?

    @Flag(help: "Print instructions executed, host seconds and MIPS, cache statistics and the maintenance audit (what each TLBI, DC and IC removed, per call site) on stderr at exit.")
    var stats = false

    @Option(name: .customLong("semihosting-root"), help: "Folder the guest may open host files in (default: the guest ELF's folder).")
    var semihostingRoot: String?

    @Flag(name: .customLong("semihosting-writable"), help: "Let the guest open host files below the root for writing.")
    var semihostingWritable = false

    @Option(name: .long, help: "Print events as they happen, a comma-separated list of: insn (each instruction, Tarmac-like), exceptions, mmu (translation-register writes), tlbi, cache (IC and DC), hyp (the hypervisor's own trace, with --hyp).")
    var trace: String?

    @Flag(name: .customLong("explain-stale"), help: "Report every use of a TLB entry, I-cache line or data value that differs from what a coherent machine gives (the tables now, the newest write), with who filled it, the maintenance that missed it and the one that would have removed it (slower).")
    var explainStale = false

    @Flag(name: .customLong("trace-hash"), help: "Print a hash of the full instruction trace at the end: every CPU's PC and registers before each instruction, in the order the CPUs ran (same ELF, options and --seed: same hash).")
    var traceHash = false

    @Option(name: .customLong("trace-file"), help: "Write the --trace lines to this file instead of standard error.")
    var traceFile: String?

    @Option(name: .long, help: "Let gdb (gdb-multiarch: target remote :PORT) attach on tcp::PORT (or tcp:HOST:PORT): the machine stops when it does.")
    var gdb: String?

    @Flag(name: .customLong("wait-gdb"), help: "With --gdb: wait for gdb before the first instruction (QEMU's -S).")
    var waitGDB = false

    @Argument(parsing: .postTerminator, help: "Arguments for the guest (SYS_GET_CMDLINE), after --.")
    var guestArguments: [String] = []

    @OptionGroup(title: "The mini-hypervisor")
    var hyp: HypervisorOptions

    var bootEL: UInt8 { el ?? (hyp.enabled ? 2 : 1) }
    var cacheModelOn: Bool { (cacheModel ?? (hyp.enabled ? "on" : "off")) == "on" }

    func validate() throws {
        if hyp.anyGiven && !hyp.enabled {
            throw ValidationError("hypervisor options (--vcpus, --mode, --without-fix, ...) need --hyp")
        }
        if hyp.enabled {
            guard el == nil || el == 2 else { throw ValidationError("--hyp boots the hypervisor at EL2: --el \(el!) does not go with it") }
            guard guestArguments.isEmpty else { throw ValidationError("--hyp: the guest takes no arguments after --") }
        }
        guard guest != nil || (hyp.enabled && hyp.listFixes) else {
            throw ValidationError("Missing expected argument '<guest>'")
        }
        guard parseSize(memory) != nil else {
            throw ValidationError("--memory \(memory): expected a size such as 256M or 1G, a multiple of 4K, 1M to 256G")
        }
        guard bootEL == 1 || bootEL == 2 else {
            throw ValidationError("--el \(bootEL): expected 1 or 2 (EL3 is not implemented)")
        }
        guard smp >= 1 && smp <= Board.MemoryMap.maxCPUs else {
            throw ValidationError("--smp \(smp): expected 1 to \(Board.MemoryMap.maxCPUs) CPUs")
        }
        guard tlbWays >= 1 && tlbWays <= 64 && tlbEntries >= tlbWays && tlbEntries <= 1 << 20
                && tlbEntries % tlbWays == 0 else {
            throw ValidationError("--tlb-entries \(tlbEntries) --tlb-ways \(tlbWays): expected 1 to 64 ways and a multiple of them, up to \(1 << 20) entries")
        }
        guard cacheModel == nil || cacheModel == "on" || cacheModel == "off" else {
            throw ValidationError("--cache-model \(cacheModel!): expected on or off")
        }
        guard icacheAllocMMUOff == "on" || icacheAllocMMUOff == "off" else {
            throw ValidationError("--icache-alloc-mmu-off \(icacheAllocMMUOff): expected on or off")
        }
        guard InstructionCachePolicy(rawValue: icachePolicy) != nil else {
            throw ValidationError("--icache-policy \(icachePolicy): expected pipt, vipt or vpipt")
        }
        guard idc <= 1, dic <= 1, fwb <= 1 else { throw ValidationError("--idc, --dic and --fwb take 0 or 1") }
        for (name, text) in [("--icache", icacheGeometry), ("--dcache", dcacheGeometry), ("--l2", l2Geometry)] {
            if let text, CacheGeometry(parsing: text) == nil {
                throw ValidationError("\(name) \(text): expected SIZE,NWAYway,LINEB such as 32K,4way,64B (power-of-two sets, lines of 16 to 2048 bytes)")
            }
        }
        let dline = dcacheGeometry.flatMap(CacheGeometry.init(parsing:))?.lineSize ?? ImpDef.caches.dcache.lineSize
        let l2line = l2Geometry.flatMap(CacheGeometry.init(parsing:))?.lineSize ?? ImpDef.caches.l2.lineSize
        guard dline == l2line else {
            throw ValidationError("--dcache and --l2 must have the same line size (\(dline) and \(l2line) bytes)")
        }
        if let trace {
            for word in trace.split(separator: ",") where !Run.traceNames.contains(String(word)) {
                throw ValidationError("--trace \(trace): '\(word)' is not one of \(Run.traceNames.joined(separator: ", "))")
            }
            if trace.split(separator: ",").contains("hyp") && !hyp.enabled {
                throw ValidationError("--trace hyp is the hypervisor's trace: it needs --hyp")
            }
        }
        if traceFile != nil && trace == nil { throw ValidationError("--trace-file needs --trace") }
        if waitGDB && gdb == nil { throw ValidationError("--wait-gdb needs --gdb tcp::PORT") }
        if let gdb {
            do { _ = try GDBEndpoint.parse(gdb) } catch { throw ValidationError("--gdb \(gdb): \(error)") }
        }
        guard quantum >= 1 && quantum <= 1 << 24 else {
            throw ValidationError("--quantum \(quantum): expected 1 to \(1 << 24) instructions")
        }
    }

    static let traceNames = ["insn", "exceptions", "mmu", "tlbi", "cache", "hyp"]
    var traceWords: [String] { trace.map { $0.split(separator: ",").map(String.init) } ?? [] }

    /// The board with the guest (or the hypervisor and its guest) loaded,
    /// and the ELF images whose symbols the debugger shows.
    func makeBoard() throws -> (Board, [String]) {
        var config = Board.Configuration()
        config.ramSize = parseSize(memory)!
        config.bootEL = bootEL
        config.cpuCount = smp
        config.seed = seed
        config.quantum = quantum
        config.caches.enabled = cacheModelOn
        if let g = icacheGeometry.flatMap(CacheGeometry.init(parsing:)) { config.caches.icache = g }
        if let g = dcacheGeometry.flatMap(CacheGeometry.init(parsing:)) { config.caches.dcache = g }
        if let g = l2Geometry.flatMap(CacheGeometry.init(parsing:)) { config.caches.l2 = g }
        config.caches.icachePolicy = InstructionCachePolicy(rawValue: icachePolicy)!
        config.caches.idc = idc == 1
        config.caches.dic = dic == 1
        config.caches.fwb = fwb == 1
        config.caches.allocateOnNonCacheableFetch = icacheAllocMMUOff == "on"
        config.tlbEntries = tlbEntries
        config.tlbWays = tlbWays
        let kernel: String
        if hyp.enabled {
            // The hypervisor is the kernel; it opens the guest through
            // semihosting, by a name relative to the semihosting root.
            kernel = try hyp.resolvedImage()
            var name: String? = nil
            if let guest {
                // The current folder for a relative path that stays below
                // it (the name the hypervisor prints is then the one the
                // user typed, as on QEMU), else the guest's own folder.
                let below = !guest.hasPrefix("/") && !guest.split(separator: "/").contains("..")
                let root = semihostingRoot ?? (below ? "." : directoryOf(guest))
                guard let relative = path(guest, relativeTo: root) else {
                    fputs("a64emu: \(guest): not below the semihosting root \(root)\n", stderr)
                    throw ExitCode(ExitStatus.badInput)
                }
                config.semihosting.root = root
                name = relative
            }
            config.semihosting.commandLine = (["hyp"] + hyp.words(guest: name, trace: traceWords.contains("hyp"))).joined(separator: " ")
        } else {
            kernel = guest!
            config.semihosting.root = semihostingRoot ?? directoryOf(kernel)
            config.semihosting.commandLine = ([kernel] + guestArguments).joined(separator: " ")
        }
        config.semihosting.writable = semihostingWritable
        let board = Board(config)
        do {
            let layout = try KernelLoader.load(path: kernel, initrdPath: initrd, bootargs: append, into: board)
            board.semihosting.setImageEnd(layout.kernel.upperBound)
        } catch {
            fputs("\(error.description)\n", stderr)
            throw ExitCode(ExitStatus.badInput)
        }
        // The symbols: the kernel's ELF (for --hyp the hypervisor's hyp.elf
        // beside hyp.img) and the guest's.
        var images: [String] = []
        let elf = kernel.hasSuffix(".img") ? String(kernel.dropLast(4)) + ".elf" : kernel
        images.append(elf)
        if hyp.enabled, let guest { images.append(guest) }
        return (board, images)
    }

    func run() throws {
        let (board, images) = try makeBoard()
        var debugger: MachineDebugger? = nil
        let categories = traceWords.filter { $0 != "hyp" }
        var traceSink: UnsafeMutablePointer<FILE>? = nil
        if !categories.isEmpty || gdb != nil || stats || explainStale || traceHash {
            let loop0 = RunLoop(board: board, maxInstructions: maxInstructions)
            let symbols = SymbolTable(paths: images)
            symbols.demangle = true
            symbols.splitByVM = hyp.enabled
            let d = MachineDebugger(board: board, loop: loop0, symbols: symbols,
                                    output: { fputs($0, stdout) })
            for (name, set) in MachineDebugger.TraceSet.names where categories.contains(name) { d.trace.insert(set) }
            if let traceFile {
                guard let f = fopen(traceFile, "w") else {
                    fputs("a64emu: --trace-file \(traceFile): \(String(cString: strerror(errno)))\n", stderr)
                    throw ExitCode(ExitStatus.badInput)
                }
                traceSink = f
            }
            let sink = traceSink ?? stderr
            d.traceOutput = { fputs($0, sink) }
            if stats { d.audit = MaintenanceAudit() }
            // The audit needs only the event calls; the per-instruction
            // loop is for traces and gdb.
            loop0.observed = !categories.isEmpty || gdb != nil || traceHash
            d.explainStale = explainStale
            if traceHash { d.traceHash = TraceHash() }
            debugger = d
        }
        defer { if let traceSink { fclose(traceSink) } }
        if let gdb, let debugger {
            signal(SIGINT) { _ in interruptCount += 1 }
            throw ExitCode(try serveGDB(gdb, wait: waitGDB, debugger))
        }

        signal(SIGINT) { _ in interruptCount += 1 }
        let loop = debugger?.loop ?? RunLoop(board: board, maxInstructions: maxInstructions)
        let start = monotonicSeconds()
        let outcome = loop.run { interruptCount != 0 }
        let seconds = monotonicSeconds() - start
        let cpu = board.cpus[0]
        let status: Int32
        switch outcome {
        case .stopped(.guestExit(let code)):
            if board.psci.resetRequested {
                fputs("a64emu: the guest asked for a system reset (PSCI SYSTEM_RESET); stopping\n", stderr)
            }
            status = code
        case .stopped(let reason):
            fputs("a64emu: \(describe(reason))\n", stderr)
            status = ExitStatus.stoppedByEmulator
        case .instructionLimit:
            fputs("a64emu: instruction limit reached after \(loop.instructions) instructions (pc \(hex(cpu.pc)))\n", stderr)
            status = ExitStatus.instructionLimit
        case .interrupted:
            fputs("a64emu: interrupted after \(loop.instructions) instructions (pc \(hex(cpu.pc)))\n", stderr)
            status = ExitStatus.interrupted
        case .allCPUsOff:
            fputs("a64emu: every CPU is powered off (PSCI CPU_OFF) after \(loop.instructions) instructions\n", stderr)
            status = ExitStatus.stoppedByEmulator
        case .observerStop:
            status = ExitStatus.stoppedByEmulator
        case .allCPUsWaiting:
            let pcs = board.cpus.filter { !$0.poweredOff }.map { "cpu\($0.index) pc \(hex($0.pc))" }
            fputs("a64emu: every CPU waits for an interrupt (WFI) and none can arrive, after \(loop.instructions) instructions (\(pcs.joined(separator: ", ")))\n", stderr)
            status = ExitStatus.stoppedByEmulator
        }
        if stats {
            let mips = seconds > 0 ? Double(loop.instructions) / seconds / 1e6 : 0
            fputs("a64emu: \(loop.instructions) instructions in \(fixed(seconds, 3)) s (\(fixed(mips, 1)) MIPS)\n", stderr)
            for c in board.cpus {
                fputs("a64emu: cpu\(c.index): \(c.instructionsRetired) instructions, \(c.statistics.exceptionsTaken) exceptions, \(c.statistics.interruptsTaken) interrupts\n", stderr)
            }
            if let caches = board.shared.dataCaches {
                func line(_ name: String, _ st: CacheArray.Statistics) {
                    fputs("a64emu: \(name): \(st.hits) hits, \(st.misses) misses, \(st.evictions) evictions, \(st.writeBacks) write-backs, \(st.maintenance) maintenance\n", stderr)
                }
                for c in board.cpus {
                    if let ic = c.icache {
                        var i = ic.statistics
                        i.hits &+= c.statistics.l1InstructionFastHits
                        line("cpu\(c.index) L1I", i)
                    }
                    var d = caches.l1[c.index].statistics
                    d.hits &+= c.statistics.l1DataFastHits
                    line("cpu\(c.index) L1D", d)
                }
                line("L2", caches.l2.statistics)
            }
            if let audit = debugger?.audit {
                for l in audit.report(symbols: debugger!.symbols) { fputs("a64emu: \(l)\n", stderr) }
            }
        }
        if let hash = debugger?.traceHash {
            fputs("a64emu: trace hash: \(hex16(hash.value)) over \(hash.instructions) instructions\n", stderr)
        }
        if explainStale, let debugger {
            for l in debugger.staleReport() { fputs("a64emu: \(l)\n", stderr) }
        }
        throw ExitCode(status)
    }
}

func describe(_ reason: StopReason) -> String {
    switch reason {
    case .guestExit(let code): return "guest exited with status \(code)"
    case .busError(let e, let pc, let isFetch):
        let what = isFetch ? "instruction fetch" : (e.isWrite ? "data write" : "data read")
        return "bus error: \(what) of \(e.size) bytes at unmapped physical address \(hex(e.address)) (pc \(hex(pc)))"
    case .requested: return "stopped"
    }
}

func hex(_ v: UInt64) -> String {
    let s = String(v, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 16 - s.count)) + s
}
func fixed(_ v: Double, _ digits: Int) -> String {
    var buf = [CChar](repeating: 0, count: 64)
    _ = withVaList([v]) { vsnprintf(&buf, 64, "%.\(digits)f", $0) }
    return String(cString: buf)
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func directoryOf(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let dir = String(path[..<slash])
    return dir.isEmpty ? "/" : dir
}

/// "256M", "1G", "64K", "512MiB", "1048576" -> bytes; nil if malformed or
/// not a multiple of 4 KiB in 1 MiB...256 GiB.
func parseSize(_ s: String) -> UInt64? {
    var text = s.uppercased()
    if text.hasSuffix("IB") { text.removeLast(2) } else if text.hasSuffix("B") { text.removeLast() }
    var shift: UInt64 = 0
    switch text.last {
    case "K": shift = 10
    case "M": shift = 20
    case "G": shift = 30
    default: break
    }
    if shift != 0 { text.removeLast() }
    guard let n = UInt64(text), n > 0, n <= (1 << 40) >> shift else { return nil }
    let bytes = n << shift
    guard bytes % 4096 == 0, bytes >= 1 << 20, bytes <= 256 << 30 else { return nil }
    return bytes
}
