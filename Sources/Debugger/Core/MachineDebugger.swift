import A64
import Machine
import Memory

/// The debugger's hold on a board: breakpoints, catchpoints, stepping and
/// traces, as the CPUs' observer. The console and the GDB stub both drive
/// it; it never changes what the machine does, only when it stops.
public final class MachineDebugger: CPUObserver {
    public let board: Board
    public let loop: RunLoop
    public let symbols: SymbolTable
    /// Where stop reports, trace lines and command output go.
    public var output: (String) -> Void
    /// Trace lines (`--trace`, `trace on`) go here; default: `output`.
    public var traceOutput: ((String) -> Void)?

    public struct Breakpoint {
        public let id: Int
        public let address: UInt64
        public var temporary = false
    }
    public enum Catchpoint: Equatable {
        case exception(ec: UInt64?, toEL: UInt8?)
        case eret, svc, hvc, smc, tlbi, ic, dc, stage2Fault, stale
        case systemRegister(index: Int, read: Bool, write: Bool)
    }
    public enum WatchKind: String { case write, read, access }
    /// A VA watchpoint sees every access (its page leaves the software
    /// TLB: `CPU.watchedPages`); a PA one compares the newest value between
    /// instructions (it sees a change, whoever makes it).
    public struct Watchpoint {
        public let id: Int
        public let address: UInt64
        public let length: Int
        public let physical: Bool
        public let kind: WatchKind
        var last: [UInt8]
    }
    public private(set) var breakpoints: [Breakpoint] = []
    public private(set) var catchpoints: [(id: Int, catch: Catchpoint)] = []
    public private(set) var watchpoints: [Watchpoint] = []
    private var breakAddresses: Set<UInt64> = []
    private var nextID = 1

    public struct TraceSet: OptionSet {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let insn = TraceSet(rawValue: 1)
        public static let exceptions = TraceSet(rawValue: 2)
        public static let mmu = TraceSet(rawValue: 4)
        public static let tlbi = TraceSet(rawValue: 8)
        public static let cache = TraceSet(rawValue: 16)
        public static let names: [(String, TraceSet)] = [
            ("insn", .insn), ("exceptions", .exceptions), ("mmu", .mmu), ("tlbi", .tlbi), ("cache", .cache)]
    }
    public var trace: TraceSet = []
    /// `--trace-hash`: the hash of every instruction's CPU, PC and registers.
    public var traceHash: TraceHash?
    /// `--stats`: the maintenance audit, when on.
    public var audit: MaintenanceAudit?

    /// `--explain-stale`: uses of a TLB entry, an I-cache line or a data
    /// value that differ from what a coherent machine would give, each
    /// distinct one recorded once with its provenance (`StaleExplainer`).
    var explainer: StaleExplainer?
    public var staleUses: [StaleUse] { explainer?.uses ?? [] }
    public var staleUseCount: Int { explainer?.useCount ?? 0 }
    public var explainStale: Bool {
        get { explainer != nil }
        set {
            guard newValue != (explainer != nil) else { return }
            explainer?.detach()
            explainer = newValue ? StaleExplainer(debugger: self) : nil
            for cpu in board.cpus { cpu.explainStale = newValue; cpu.flushSoftTLB() }
            if newValue { loop.observed = true }
        }
    }

    /// Why the machine last stopped, in words (the console prints it).
    public private(set) var stopDescription = ""
    public private(set) var stoppedCPU = 0
    /// The address of the watchpoint that stopped the machine last.
    public private(set) var lastWatchpointAddress: UInt64?
    public private(set) var lastWatchKind: WatchKind = .write

    // Stepping state for one resume.
    private var stepCPU: Int?
    private var stepsLeft = 0
    /// Instruction boundaries the stepped CPU reached (stepAlone's progress).
    private var stepBoundaries = 0
    private var runToEL: UInt8?
    private var finishCPU: Int?
    private var untilAddress: UInt64?
    private var resumePC: [UInt64]
    private var firstAfterResume: [Bool]
    /// Instruction trace: each CPU's registers before its last instruction.
    private var traceSnapshot: [[UInt64]]
    private var traceSnapshotValid: [Bool]
    private var traceCount: [UInt64]

    public init(board: Board, loop: RunLoop, symbols: SymbolTable, output: @escaping (String) -> Void) {
        self.board = board
        self.loop = loop
        self.symbols = symbols
        self.output = output
        let n = board.cpus.count
        resumePC = Array(repeating: 0, count: n)
        firstAfterResume = Array(repeating: false, count: n)
        traceSnapshot = Array(repeating: Array(repeating: 0, count: 34), count: n)
        traceSnapshotValid = Array(repeating: false, count: n)
        traceCount = Array(repeating: 0, count: n)
        for cpu in board.cpus { cpu.observer = self }
        loop.observed = true
    }

    // MARK: breakpoints and catchpoints

    @discardableResult
    public func addBreakpoint(_ address: UInt64, temporary: Bool = false) -> Int {
        let id = nextID
        nextID += 1
        breakpoints.append(Breakpoint(id: id, address: address, temporary: temporary))
        breakAddresses.insert(address)
        return id
    }
    @discardableResult
    public func addCatchpoint(_ c: Catchpoint) -> Int {
        let id = nextID
        nextID += 1
        catchpoints.append((id, c))
        return id
    }
    @discardableResult
    public func addWatchpoint(_ address: UInt64, length: Int, physical: Bool, kind: WatchKind = .write) -> Int? {
        guard let bytes = read(cpu: board.cpus[stoppedCPU], address, count: length, physical: physical, cached: true),
              !(physical && kind != .write) else { return nil }
        let id = nextID
        nextID += 1
        watchpoints.append(Watchpoint(id: id, address: address, length: length, physical: physical, kind: kind, last: bytes))
        updateWatchedPages()
        return id
    }

    /// The pages of the VA watchpoints, on every CPU.
    func updateWatchedPages() {
        var pages: Set<UInt64> = []
        for w in watchpoints where !w.physical {
            var p = w.address & ~0xFFF
            while p < w.address &+ UInt64(w.length) { pages.insert(p); p &+= 0x1000 }
        }
        for cpu in board.cpus {
            cpu.watchedPages = pages
            cpu.flushSoftTLB()
        }
    }
    /// Deletes one point by number, or all when nil; false if there is none.
    @discardableResult
    public func delete(_ id: Int?) -> Bool {
        let before = breakpoints.count + catchpoints.count + watchpoints.count
        if let id {
            breakpoints.removeAll { $0.id == id }
            catchpoints.removeAll { $0.id == id }
            watchpoints.removeAll { $0.id == id }
        } else {
            breakpoints = []; catchpoints = []; watchpoints = []
        }
        breakAddresses = Set(breakpoints.map(\.address))
        updateWatchedPages()
        return breakpoints.count + catchpoints.count + watchpoints.count < before
    }
    public func removeBreakpoint(at address: UInt64) -> Bool {
        let n = breakpoints.count
        breakpoints.removeAll { $0.address == address }
        breakAddresses = Set(breakpoints.map(\.address))
        return breakpoints.count < n
    }
    public func removeWatchpoint(at address: UInt64) -> Bool {
        let n = watchpoints.count
        watchpoints.removeAll { $0.address == address }
        updateWatchedPages()
        return watchpoints.count < n
    }

    // MARK: running

    public enum Resume {
        case `continue`
        case step(cpu: Int, count: Int)
        case runToEL(UInt8)
        case finish(cpu: Int)
        case until(UInt64)
    }

    /// Runs until a breakpoint, catchpoint, step end, the guest's exit or
    /// `interrupted`; sets `stopDescription` and `stoppedCPU`.
    public func resume(_ how: Resume, interrupted: () -> Bool = { false }) -> RunOutcome {
        stepCPU = nil; runToEL = nil; finishCPU = nil; untilAddress = nil
        switch how {
        case .continue: break
        case .step(let cpu, let count): stepCPU = cpu; stepsLeft = count
        case .runToEL(let el): runToEL = el
        case .finish(let cpu): finishCPU = cpu
        case .until(let a): untilAddress = a
        }
        for cpu in board.cpus {
            cpu.observerStopRequested = false
            resumePC[cpu.index] = cpu.pc
            firstAfterResume[cpu.index] = true
        }
        stopDescription = ""
        let outcome: RunOutcome
        if let s = stepCPU, !board.cpus[s].waitingForInterrupt, !board.cpus[s].poweredOff {
            // Stepping runs that CPU alone (the others wait, as under a
            // debugger's scheduler lock), so a step is one instruction.
            outcome = stepAlone(board.cpus[s], interrupted: interrupted)
        } else {
            outcome = loop.run(interruptRequested: interrupted)
        }
        switch outcome {
        case .observerStop(let cpu): stoppedCPU = cpu
        case .interrupted: stopDescription = "interrupted"
        case .stopped(.guestExit(let code)): stopDescription = "the guest exited with status \(code)"
        default: stopDescription = "the machine stopped: \(outcome)"
        }
        return outcome
    }

    /// Exception entries in a row, with no instruction reached, that end a step.
    static let stepStormLimit = 64

    private func stepAlone(_ cpu: CPU, interrupted: () -> Bool) -> RunOutcome {
        var entriesWithoutInstruction = 0
        while true {
            if interrupted() { return .interrupted }
            let boundaries = stepBoundaries
            _ = cpu.runObserved(budget: 1)
            if let r = cpu.stopReason { return .stopped(r) }
            if cpu.observerStopRequested { return .observerStop(cpu: cpu.index) }
            if cpu.waitingForInterrupt || cpu.poweredOff {
                // Asleep: let the machine run until it wakes and steps.
                return loop.run(interruptRequested: interrupted)
            }
            // Each turn ran one instruction or took one exception without
            // one (a fetch abort, an interrupt). A CPU whose vector cannot be
            // fetched takes fetch aborts forever and never reaches the next
            // instruction: the step ends there rather than never.
            entriesWithoutInstruction = stepBoundaries == boundaries ? entriesWithoutInstruction + 1 : 0
            if entriesWithoutInstruction >= Self.stepStormLimit {
                stop(cpu, "step: \(Self.stepStormLimit) exceptions taken in a row without reaching an instruction (at \(hex(cpu.pc)))")
                return .observerStop(cpu: cpu.index)
            }
        }
    }

    private func stop(_ cpu: CPU, _ why: String) {
        stopDescription = why
        stoppedCPU = cpu.index
        cpu.observerStopRequested = true
    }

    // MARK: CPUObserver

    public func beforeInstruction(_ cpu: CPU, pc: UInt64) -> Bool {
        let i = cpu.index
        if traceHash != nil { traceHash!.add(cpu, pc: pc) }
        if let explainer {
            explainer.instruction(cpu, pc)
            if cpu.observerStopRequested { return true }
        }
        if trace.contains(.insn) { traceInstruction(cpu, pc) }
        var atResumePoint = false
        if firstAfterResume[i] {
            firstAfterResume[i] = false
            atResumePoint = pc == resumePC[i]
        }
        if stepCPU == i {
            stepBoundaries &+= 1
            if stepsLeft == 0 { stopDescription = "step"; stoppedCPU = i; return true }
            stepsLeft -= 1
        }
        if let el = runToEL, cpu.currentEL == el {
            stopDescription = "reached EL\(el)"; stoppedCPU = i; return true
        }
        if !atResumePoint, pc == untilAddress {
            stopDescription = "until \(describe(pc, cpu: cpu))"; stoppedCPU = i; return true
        }
        if !atResumePoint && breakAddresses.contains(pc) {
            let hit = breakpoints.first { $0.address == pc }!
            stopDescription = "breakpoint \(hit.id) at \(describe(pc, cpu: cpu))"
            stoppedCPU = i
            if hit.temporary { _ = delete(hit.id) }
            return true
        }
        if watchpoints.contains(where: \.physical) { return checkWatchpoints(cpu) }
        return false
    }

    private func checkWatchpoints(_ cpu: CPU) -> Bool {
        for (n, w) in watchpoints.enumerated() {
            // The newest value (a store sits in a data cache until cleaned).
            guard let now = read(cpu: cpu, w.address, count: w.length, physical: w.physical, cached: true), now != w.last else { continue }
            watchpoints[n].last = now
            lastWatchpointAddress = w.address
            lastWatchKind = .write
            stop(cpu, "watchpoint \(w.id): \(hex(w.address)) changed from \(hexBytes(w.last)) to \(hexBytes(now))")
            return true
        }
        return false
    }

    public func memoryAccessed(_ cpu: CPU, va: UInt64, size: Int, isWrite: Bool, value: UInt64) {
        for w in watchpoints where !w.physical {
            guard va < w.address &+ UInt64(w.length), w.address < va &+ UInt64(size) else { continue }
            switch w.kind {
            case .write where !isWrite, .read where isWrite: continue
            default: break
            }
            lastWatchpointAddress = w.address
            lastWatchKind = w.kind
            stop(cpu, "watchpoint \(w.id): \(isWrite ? "write" : "read") of \(size) bytes at \(hex(va))"
                 + (isWrite ? " (value \(hex(value)))" : ""))
            return
        }
    }

    public func exceptionTaken(_ cpu: CPU, _ e: ExceptionEvent) {
        // Attached only for --stats (the audit): nothing to do here.
        guard trace.contains(.exceptions) || !catchpoints.isEmpty else { return }
        let ec = Syndrome.exceptionClass(e.syndrome)
        if trace.contains(.exceptions) {
            emitTrace(cpu, "exception \(e.kind.rawValue) EL\(e.fromEL) -> EL\(e.toEL) "
                      + (e.kind == .synchronous ? Syndrome.describe(e.syndrome) + " " : "")
                      + "ELR \(hex(e.preferredReturn)) vector \(hex(e.vector))")
        }
        for (id, c) in catchpoints {
            let hit: Bool
            switch c {
            case .exception(let want, let toEL):
                hit = (want == nil || (e.kind == .synchronous && want == ec)) && (toEL == nil || toEL == e.toEL)
            case .svc: hit = e.kind == .synchronous && ec == 0x15
            case .hvc: hit = e.kind == .synchronous && ec == 0x16
            case .smc: hit = e.kind == .synchronous && ec == 0x17
            case .stage2Fault:
                // A guest's abort taken to EL2 from EL1/EL0 with stage 2 on.
                hit = e.kind == .synchronous && (ec == 0x20 || ec == 0x24) && e.toEL == 2 && e.fromEL < 2
            default: hit = false
            }
            if hit { stop(cpu, "catchpoint \(id): " + exceptionReport(cpu, e)) ; return }
        }
    }

    /// The syndrome decoded, with ELR, FAR and HPFAR of the target EL.
    public func exceptionReport(_ cpu: CPU, _ e: ExceptionEvent) -> String {
        var s = "\(e.kind.rawValue) exception from EL\(e.fromEL) to EL\(e.toEL)"
        if e.kind == .synchronous {
            s += "\n  ESR_EL\(e.toEL) \(hex(e.syndrome)): \(Syndrome.describe(e.syndrome))"
        }
        s += "\n  ELR_EL\(e.toEL) \(hex(e.preferredReturn)) \(describe(e.preferredReturn, cpu: cpu, el: e.fromEL))"
        let ec = Syndrome.exceptionClass(e.syndrome)
        if e.kind == .synchronous && [0x20, 0x21, 0x22, 0x24, 0x25].contains(ec) {
            s += "\n  FAR_EL\(e.toEL) \(hex(systemRegister(cpu, "FAR_EL\(e.toEL)")))"
            if e.toEL == 2 && (ec == 0x20 || ec == 0x24) {
                let hpfar = systemRegister(cpu, "HPFAR_EL2")
                s += "\n  HPFAR_EL2 \(hex(hpfar)) (IPA \(hex((hpfar >> 4) << 12)))"
            }
        }
        return s
    }

    public func exceptionReturned(_ cpu: CPU, pc: UInt64, fromEL: UInt8, target: UInt64) {
        if trace.contains(.exceptions) {
            emitTrace(cpu, "eret EL\(fromEL) -> EL\(cpu.currentEL) at \(hex(target)) \(describe(target, cpu: cpu))")
        }
        if finishCPU == cpu.index {
            stop(cpu, "finish: returned from EL\(fromEL) to EL\(cpu.currentEL) at \(describe(target, cpu: cpu))")
            return
        }
        for (id, c) in catchpoints where c == .eret {
            stop(cpu, "catchpoint \(id): eret at \(describe(pc, cpu: cpu)) from EL\(fromEL) to EL\(cpu.currentEL) at \(hex(target)) \(describe(target, cpu: cpu))")
            return
        }
    }

    static let mmuRegisters: Set<String> = ["SCTLR_EL1", "SCTLR_EL2", "TCR_EL1", "TCR_EL2", "TTBR0_EL1", "TTBR1_EL1",
                                            "TTBR0_EL2", "TTBR1_EL2", "MAIR_EL1", "MAIR_EL2", "VTTBR_EL2", "VTCR_EL2", "HCR_EL2"]

    public func systemRegisterAccessed(_ cpu: CPU, pc: UInt64, index: Int, isRead: Bool, value: UInt64) {
        guard trace.contains(.mmu) || !catchpoints.isEmpty else { return }
        let name = SystemRegisters.table[index].name
        if trace.contains(.mmu) && !isRead && Self.mmuRegisters.contains(name) {
            emitTrace(cpu, "msr \(name) = \(hex(value)) at \(describe(pc, cpu: cpu))")
        }
        for (id, c) in catchpoints {
            guard case .systemRegister(let want, let r, let w) = c, want == index, isRead ? r : w else { continue }
            stop(cpu, "catchpoint \(id): \(isRead ? "mrs" : "msr") \(name) \(isRead ? "->" : "=") \(hex(value)) at \(describe(pc, cpu: cpu))")
            return
        }
    }

    public func systemInstructionExecuted(_ cpu: CPU, pc: UInt64, index: Int, operand: UInt64) {
        explainer?.systemInstruction(cpu, pc: pc, index: index, operand: operand)
        guard !trace.isDisjoint(with: [.tlbi, .cache]) || !catchpoints.isEmpty else { return }
        let name = SystemInstructions.table[index].name
        let kind: Catchpoint = name.hasPrefix("TLBI") ? .tlbi : name.hasPrefix("IC") ? .ic : name.hasPrefix("DC") ? .dc : .eret
        if (kind == .tlbi && trace.contains(.tlbi)) || ((kind == .ic || kind == .dc) && trace.contains(.cache)) {
            emitTrace(cpu, "\(name.lowercased()), \(hex(operand)) at \(describe(pc, cpu: cpu)) (\(vmidText(cpu)))")
        }
        for (id, c) in catchpoints where c == kind {
            stop(cpu, "catchpoint \(id): \(name.lowercased()) Xt=\(hex(operand)) at \(describe(pc, cpu: cpu)) (EL\(cpu.currentEL), \(vmidText(cpu)))")
            return
        }
    }

    /// The VMID an EL1 maintenance operation would act on: the current
    /// one in a VM, VTTBR_EL2's at EL2 (D8.17 "TLB maintenance" by EL2).
    func vmidText(_ cpu: CPU) -> String {
        cpu.currentEL == 2 ? "VTTBR_EL2.VMID \(systemRegister(cpu, "VTTBR_EL2") >> 48)" : "VMID \(cpu.currentContext.vmid)"
    }

    public func staleTranslation(_ cpu: CPU, va: UInt64, used: TLBEntry, usedPA: UInt64, freshPA: UInt64?) {
        explainer?.staleTranslation(cpu, va: va, used: used, usedPA: usedPA, freshPA: freshPA)
    }

    public func dataAccessed(_ cpu: CPU, va: UInt64, pa: UInt64, size: Int, isWrite: Bool, value: UInt64,
                             cacheable: Bool, byAgent: Bool) {
        explainer?.dataAccessed(cpu, va: va, pa: pa, size: size, isWrite: isWrite, value: value, cacheable: cacheable,
                                byAgent: byAgent)
    }

    public func instructionCacheFilled(_ cpu: CPU, slot: Int, va: UInt64, pa: UInt64, vmid: UInt16, cacheable: Bool) {
        explainer?.instructionCacheFilled(cpu, slot: slot, pa: pa, cacheable: cacheable)
    }

    public func translationCached(_ cpu: CPU, _ entry: TLBEntry) {
        explainer?.translationCached(cpu, entry)
    }

    /// A new distinct stale use: `catch stale` stops at it.
    func staleUseRecorded(_ cpu: CPU, _ use: StaleUse) {
        for (id, c) in catchpoints where c == .stale {
            stop(cpu, "catchpoint \(id): stale \(use.kind) use\n  " + describeStale(use).joined(separator: "\n  "))
            return
        }
    }

    /// One stale use: what was used, then its provenance.
    public func describeStale(_ u: StaleUse) -> [String] {
        let what: String
        switch u.kind {
        case "translation": what = "translation of \(u.detail.hasPrefix("stage-2") ? "IPA" : "VA") \(hex(u.address)) used PA \(hex(u.used)); "
        case "data": what = "data at VA \(hex(u.address)): "
        default: what = "instruction at \(hex(u.address)): "
        }
        return ["cpu\(u.cpu) EL\(u.el) VMID \(u.vmid) ASID \(u.asid) pc \(hex(u.pc)) \(describe(u.pc, cpu: board.cpus[u.cpu], el: u.el)): "
                + what + u.detail] + u.provenance.map { "   " + $0 }
    }

    /// The `--explain-stale` report (the console's `explain`).
    public func staleReport() -> [String] {
        if staleUses.isEmpty { return ["explain-stale: no stale use (every translation, instruction and data value used matched a coherent machine)"] }
        var lines = ["explain-stale: \(staleUseCount) stale use(s), \(staleUses.count) distinct:"]
        for (n, u) in staleUses.prefix(20).enumerated() {
            let d = describeStale(u)
            lines.append("  \(n + 1). " + d[0])
            lines += d.dropFirst().map { "    " + $0 }
        }
        if staleUses.count > 20 { lines.append("  ... and \(staleUses.count - 20) more") }
        return lines
    }

    public func systemInstructionCompleted(_ cpu: CPU, pc: UInt64, index: Int, effect: Int) {
        audit?.record(form: index, pc: pc, inVM: inVM(cpu), effect: effect)
    }

    public func firmwareCalled(_ cpu: CPU, pc: UInt64, conduit: FirmwareConduit) {
        if trace.contains(.exceptions) {
            emitTrace(cpu, "firmware call (\(conduit)) x0=\(hex(cpu.x[0])) at \(describe(pc, cpu: cpu))")
        }
        for (id, c) in catchpoints where (c == .hvc && conduit == .hvc) || (c == .smc && conduit == .smc) {
            stop(cpu, "catchpoint \(id): \(conduit) answered by the firmware (PSCI function \(hex(cpu.x[0] & 0xFFFF_FFFF)) returned \(hex(cpu.x[0]))) at \(describe(pc, cpu: cpu))")
            return
        }
    }

    // MARK: traces

    func emitTrace(_ cpu: CPU, _ line: String) {
        (traceOutput ?? output)("cpu\(cpu.index) EL\(cpu.currentEL): \(line)\n")
    }

    /// One instruction in a Tarmac-like form (Arm's trace format: `IT`
    /// lines for instructions, `R` lines for register writes, which follow
    /// the instruction that made them):
    ///   `<count> clk cpu<N> IT (<count>) <pc> <opcode> A EL<n><t|h> : <disassembly>`
    ///   `<count> clk cpu<N> R X<n> <value>`
    func traceInstruction(_ cpu: CPU, _ pc: UInt64) {
        let i = cpu.index
        let out = traceOutput ?? output
        traceCount[i] &+= 1
        let count = traceCount[i]
        var text = ""
        if traceSnapshotValid[i] {
            for r in 0..<34 where r != 31 && r != 32 {
                let now = r == 33 ? cpu.x[Int(RegisterIndex.sp)] : r == 32 ? 0 : cpu.x[r]
                if now != traceSnapshot[i][r] {
                    text += "\(count) clk cpu\(i) R \(r == 33 ? "SP" : "X\(r)") \(hex16(now))\n"
                }
            }
            if UInt64(cpu.nzcv) != traceSnapshot[i][31] {
                text += "\(count) clk cpu\(i) R CPSR \(hex16(UInt64(cpu.nzcv) | UInt64(cpu.currentEL) << 2 | UInt64(cpu.spSel)).suffix(8))\n"
            }
        }
        for r in 0..<31 { traceSnapshot[i][r] = cpu.x[r] }
        traceSnapshot[i][31] = UInt64(cpu.nzcv)
        traceSnapshot[i][33] = cpu.x[Int(RegisterIndex.sp)]
        traceSnapshotValid[i] = true
        let word = fetchWord(cpu, pc)
        let vm = inVM(cpu)
        let dis = word.map { Disassembler.text($0, at: pc, symbol: { self.symbols.describe($0, inVM: vm) }) } ?? "<no memory>"
        text += "\(count) clk cpu\(i) IT (\(count)) \(hex16(pc)) \(word.map(hex8) ?? "--------") A EL\(cpu.currentEL)\(cpu.spSel == 0 ? "t" : "h") : \(String(dis.map { $0 == "\t" ? " " : $0 }))\n"
        out(text)
    }

    // MARK: views the console and the stub share

    /// Whether `cpu` at `el` (default: its current EL) runs in a VM: EL1 or
    /// EL0 with HCR_EL2.VM set (which image's symbols apply under --hyp).
    public func inVM(_ cpu: CPU, el: UInt8? = nil) -> Bool {
        (el ?? cpu.currentEL) < 2 && cpu.readSystemRegister(Self.hcrEL2) & 1 != 0
    }
    static let hcrEL2 = SystemRegisters.index(named: "HCR_EL2")!

    /// "<symbol+off>" for an address as `cpu` at `el` sees it (default: the
    /// stopped CPU, at its EL).
    public func describe(_ address: UInt64, cpu: CPU? = nil, el: UInt8? = nil) -> String {
        let c = cpu ?? board.cpus[stoppedCPU]
        if let s = symbols.describe(address, inVM: inVM(c, el: el)) { return "<\(s)>" }
        return ""
    }

    public func systemRegister(_ cpu: CPU, _ name: String) -> UInt64 {
        if name == "CurrentEL" { return UInt64(cpu.currentEL) << 2 }
        guard let i = SystemRegisters.index(named: name) else { return 0 }
        return cpu.readSystemRegister(i)
    }

    /// The word at `pc` as memory holds it (the debugger's view; the
    /// I-cache may hold another, see the `icache` command).
    public func fetchWord(_ cpu: CPU, _ pc: UInt64) -> UInt32? {
        guard let b = read(cpu: cpu, pc, count: 4, physical: false) else { return nil }
        return UInt32(b[0]) | UInt32(b[1]) << 8 | UInt32(b[2]) << 16 | UInt32(b[3]) << 24
    }

    /// Bytes at a virtual (through `cpu`'s current regime) or physical
    /// address; `cached`: what a cacheable access would read (the newest
    /// copy in any data cache), else memory at the PoC.
    public func read(cpu: CPU, _ address: UInt64, count: Int, physical: Bool, cached: Bool = false) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        var a = address
        while out.count < count {
            guard let pa = physical ? a : cpu.inspectTranslate(a) else { return nil }
            let n = min(count - out.count, Int(4096 - (a & 4095)))
            if cached, let caches = board.shared.dataCaches, board.shared.memory.isRAM(pa, n) {
                for k in 0..<n { out.append(caches.coherentByte(pa + UInt64(k))) }
            } else {
                guard let bytes = try? board.shared.memory.readBytes(pa, count: n) else { return nil }
                out += bytes
            }
            a &+= UInt64(n)
        }
        return out
    }

    /// Writes through to memory and every cached copy (a debugger's poke
    /// is coherent; it is not a guest store).
    public func write(cpu: CPU, _ address: UInt64, _ bytes: [UInt8], physical: Bool) -> Bool {
        for (k, b) in bytes.enumerated() {
            guard let pa = physical ? address &+ UInt64(k) : cpu.inspectTranslate(address &+ UInt64(k)) else { return false }
            if let caches = board.shared.dataCaches, board.shared.memory.isRAM(pa, 1) {
                caches.coherentWrite(pa, b)
            } else if (try? board.shared.memory.writeBytes(pa, [b])) == nil {
                return false
            }
        }
        return true
    }
}

public func hex16(_ v: UInt64) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: max(0, 16 - s.count)) + s
}
public func hex8(_ w: UInt32) -> String {
    let s = String(w, radix: 16)
    return String(repeating: "0", count: max(0, 8 - s.count)) + s
}
func hexBytes(_ b: [UInt8]) -> String {
    "0x" + b.reversed().map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
}
