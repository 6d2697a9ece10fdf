import A64
import Machine
import Memory

/// `--explain-stale` (issue 12): every use of a translation, an instruction
/// or a data value that differs from what a fully coherent machine gives,
/// with its provenance — who filled the TLB entry or cache line and when,
/// which write made it stale, the maintenance executed since that did not
/// remove it and why not, and the smallest maintenance that would have.
///
/// What counts as stale (each compared when it is used):
/// - a TLB hit whose output differs from a walk of the tables now
///   (`CPU.checkStaleTranslation`, `checkStaleStage2`);
/// - an instruction from an I-cache line that differs from what a fetch
///   with the line's attributes reads now: the newest write for a cacheable
///   fetch, memory for a Non-cacheable one (a Non-cacheable fetch reads
///   the PoC by definition, B2.2; what the line holds after that is the
///   question);
/// - a data read (any attributes) that differs from the newest write to
///   those bytes (`CoherentShadow`): a Non-cacheable read below a line
///   dirty above the PoC, a cacheable read of a line that a Non-cacheable
///   write went around (B2.11, mismatched attributes), or dirty data an
///   invalidate discarded.
final class StaleExplainer {
    unowned let debugger: MachineDebugger
    let board: Board
    let shadow: CoherentShadow

    /// Who did something and when: the CPU, its context, the PC and the
    /// CPU's instruction number (counted from the start of the run).
    struct Context: Hashable {
        var cpu: Int
        var el: UInt8
        var vmid: UInt16
        var asid: UInt16
        var inVM: Bool
        /// In a VM, VMPIDR_EL2: which vCPU the hypervisor loaded (the MPIDR
        /// the guest reads), so that two vCPUs of one VM can be told apart.
        var vcpu: UInt64
        var pc: UInt64
    }
    struct Event {
        var context: Context
        var count: UInt64
        /// Machine-wide order of events.
        var seq: UInt64
    }

    private var instructionCount: [UInt64]
    private var seq: UInt64 = 0
    private var currentCPU = 0
    private var lastPC: [UInt64]

    // Writers of the shadow: one record per (context, attributes), with its
    // latest write.
    struct WriterKey: Hashable { var context: Context; var cacheable: Bool; var agent: Bool }
    private var writerIndex: [WriterKey: Int32] = [:]
    private var writers: [WriterKey] = []
    /// The newest write to a byte: who, and when.
    struct Write { var key: WriterKey; var event: Event }
    private func lastWrite(_ pa: UInt64) -> Write? {
        shadow.lastWrite(pa).map { w in
            let key = writers[Int(w.writer)]
            return Write(key: key, event: Event(context: key.context, count: w.count, seq: w.seq))
        }
    }

    // Fills, by what they filled.
    private struct TLBKey: Hashable {
        var cpu: Int; var kind: UInt8; var regime: UInt8; var vmid: UInt16; var asid: UInt16
        var global: Bool; var base: UInt64; var size: UInt8
    }
    /// With the PA of the leaf descriptor the walk read.
    private var tlbFills: [TLBKey: (event: Event, leaf: UInt64?)] = [:]
    private var icacheFills: [Int: (event: Event, pa: UInt64, cacheable: Bool)] = [:]
    private var lineFills: [UInt64: Event] = [:]

    /// Maintenance instructions, in order (the newest `logLimit`).
    enum Maintenance {
        case tlbi(TLBIScope)
        case ic(InstructionCacheOperation, cpu: Int?, vmid: UInt16?, linePA: UInt64?)
        case dc(DataCacheOperation, linePA: UInt64?)
    }
    private var log: [(event: Event, name: String, operand: UInt64, what: Maintenance)] = []
    private let logLimit = 1 << 16

    public private(set) var uses: [StaleUse] = []
    public private(set) var useCount = 0
    private var keys: Set<String> = []

    init(debugger: MachineDebugger) {
        self.debugger = debugger
        board = debugger.board
        let n = board.cpus.count
        instructionCount = Array(repeating: 0, count: n)
        lastPC = Array(repeating: 0, count: n)
        let caches = board.shared.dataCaches
        let memory = board.shared.memory
        shadow = CoherentShadow { pa in
            caches?.coherentByte(pa) ?? UInt8(truncatingIfNeeded: (try? memory.read(pa, size: 1)) ?? 0)
        }
        if let caches {
            let lineMask = ~UInt64(caches.configuration.dcache.lineSize - 1)
            caches.lineFilledFromMemory = { [unowned self] pa in self.lineFills[pa & lineMask] = self.event(self.currentCPU) }
        }
    }

    func detach() { board.shared.dataCaches?.lineFilledFromMemory = nil }

    private static let vmpidr = SystemRegisters.index(named: "VMPIDR_EL2")!
    private func context(_ cpu: CPU) -> Context {
        let c = cpu.currentContext
        let vm = debugger.inVM(cpu)
        return Context(cpu: cpu.index, el: cpu.currentEL, vmid: c.vmid, asid: c.asid, inVM: vm,
                       vcpu: vm ? cpu.readSystemRegister(Self.vmpidr) & 0xFF_00FF_FFFF : 0, pc: lastPC[cpu.index])
    }
    private func event(_ cpu: Int) -> Event {
        Event(context: context(board.cpus[cpu]), count: instructionCount[cpu], seq: seq)
    }

    // MARK: events

    func instruction(_ cpu: CPU, _ pc: UInt64) {
        let i = cpu.index
        currentCPU = i
        lastPC[i] = pc
        instructionCount[i] &+= 1
        seq &+= 1
        checkInstruction(cpu, pc)
    }

    func dataAccessed(_ cpu: CPU, va: UInt64, pa: UInt64, size: Int, isWrite: Bool, value: UInt64, cacheable: Bool,
                      byAgent agent: Bool) {
        if isWrite {
            let key = WriterKey(context: context(cpu), cacheable: cacheable, agent: agent)
            let e = event(cpu.index)
            let w: Int32
            if let known = writerIndex[key] { w = known } else {
                w = Int32(writers.count); writers.append(key); writerIndex[key] = w
            }
            shadow.write(pa, size: size, value: value, writer: w, seq: e.seq, count: e.count)
            return
        }
        guard let fresh = shadow.value(pa, size: size), fresh != value else { return }
        staleData(cpu, va: va, pa: pa, size: size, used: value, fresh: fresh, cacheable: cacheable)
    }

    func instructionCacheFilled(_ cpu: CPU, slot: Int, pa: UInt64, cacheable: Bool) {
        icacheFills[cpu.index << 32 | slot] = (event(cpu.index), pa, cacheable)
    }

    func translationCached(_ cpu: CPU, _ e: TLBEntry) {
        let steps = e.kind == .stage2 ? cpu.describeStage2Walk(e.inputBase) : cpu.describeWalk(e.inputBase)
        tlbFills[tlbKey(cpu.index, e)] = (event(cpu.index), steps.last?.descriptorPA)
    }

    private func tlbKey(_ cpu: Int, _ e: TLBEntry) -> TLBKey {
        TLBKey(cpu: cpu, kind: e.kind.rawValue, regime: e.regime.rawValue, vmid: e.vmid, asid: e.global ? 0 : e.asid,
               global: e.global, base: e.inputBase, size: e.sizeShift)
    }

    /// A SYS instruction about to be performed: what it will reach, taken
    /// now (the scope depends on the EL, VMID and HCR_EL2 of this moment).
    func systemInstruction(_ cpu: CPU, pc: UInt64, index: Int, operand: UInt64) {
        let row = SystemInstructions.table[index]
        let what: Maintenance
        switch row.operation {
        case .tlbi(let op, let sh, _): what = .tlbi(cpu.tlbiScope(op, sh, operand))
        case .instructionCache(let op):
            let (c, vmid) = cpu.instructionCacheScope(op)
            what = .ic(op, cpu: c, vmid: vmid, linePA: op == .IVAU ? linePA(cpu.guestPhysicalAddress(operand)) : nil)
        case .dataCache(let op):
            let byVA = op != .ISW && op != .CSW && op != .CISW
            what = .dc(op, linePA: byVA ? linePA(cpu.guestPhysicalAddress(operand)) : nil)
        default: return
        }
        if log.count >= logLimit { log.removeFirst(logLimit / 2) }
        log.append((event(cpu.index), row.name, operand, what))
    }

    private var lineSize: UInt64 { UInt64(board.shared.dataCaches?.configuration.dcache.lineSize ?? 64) }
    private func linePA(_ pa: UInt64?) -> UInt64? { pa.map { $0 & ~(lineSize - 1) } }

    // MARK: stale uses

    func staleTranslation(_ cpu: CPU, va: UInt64, used: TLBEntry, usedPA: UInt64, freshPA: UInt64?) {
        let c = cpu.currentContext
        let stage2 = used.kind == .stage2
        let what = freshPA.map { "the tables now give PA \(hex($0))" } ?? "the tables now fault"
        let scope = used.global ? "global" : "ASID \(used.asid)"
        let page = hex(va & ~0xFFF)
        let suggestion = stage2
            ? "TLBI IPAS2E1IS for IPA \(page) (then TLBI VMALLE1IS) after the stage-2 descriptor write, or a TLBI VMALLS12E1 on cpu\(cpu.index) before VMID \(used.vmid) ran here"
            : used.regime == .el10
            ? "TLBI VAE1IS (or VAAE1IS) for VA \(page) after the table write, or a TLBI VMALLE1 on cpu\(cpu.index) before this context ran"
            : "TLBI VAE2IS for VA \(page) after the table write"
        var provenance: [String] = []
        var suggestionText = suggestion
        if let (fill, leafThen) = tlbFills[tlbKey(cpu.index, used)] {
            provenance.append("filled by \(describe(fill)) (a walk of the tables then)")
            let now = event(cpu.index).context
            // The leaf descriptor a walk reads now: another one than the
            // fill's means other tables (TTBR, VTTBR or a table descriptor
            // changed) under the same tags; the same one, that it was
            // rewritten.
            let steps = stage2 ? cpu.describeStage2Walk(va) : cpu.describeWalk(va)
            let leafNow = steps.last?.descriptorPA
            if let leafThen, let leafNow, leafThen != leafNow {
                provenance.append("the fill walked other tables (leaf descriptor at PA \(hex(leafThen)); now at PA \(hex(leafNow))) under the same tags (\(used.regime), VMID \(used.vmid), \(scope))")
                if fill.context.inVM && now.inVM && fill.context.vcpu != now.vcpu {
                    provenance.append("another vCPU of VMID \(used.vmid) (MPIDR \(hex(fill.context.vcpu))) filled it on cpu\(cpu.index); vCPU MPIDR \(hex(now.vcpu)) uses it: TLB entries are per physical CPU, not per vCPU")
                    suggestionText = "a local TLBI VMALLE1 (with DSB NSH) on cpu\(cpu.index) when a different vCPU of VMID \(used.vmid) than last time is loaded there, before it runs"
                }
            } else {
                // The descriptor written since the fill: the stage-1 leaf,
                // or for a combined entry with stage 2 the stage-2 leaf of
                // the IPA the walk gives.
                var candidates: [(String, UInt64)] = leafNow.map { [(stage2 ? "stage-2 descriptor" : "descriptor", $0)] } ?? []
                if !stage2, used.kind == .combined, let s1 = steps.last, let d = s1.descriptor, d & 1 == 1 {
                    let mask: UInt64 = (1 << UInt64(s1.blockShift)) - 1
                    let ipa = (d & 0x0000_FFFF_FFFF_F000 & ~mask) | (va & mask)
                    if let pa = cpu.describeStage2Walk(ipa).last?.descriptorPA { candidates.append(("stage-2 descriptor", pa)) }
                }
                let since = candidates.compactMap { c in lastWrite(c.1).map { (c.0, c.1, $0) } }
                    .filter { $0.2.event.seq > fill.seq }.max { $0.2.event.seq < $1.2.event.seq }
                if let (what, pa, w) = since {
                    provenance.append("made stale by the write of the \(what) at PA \(hex(pa)) by \(describeWriter(w))")
                    if !stage2 && what == "stage-2 descriptor" {
                        suggestionText = "TLBI IPAS2E1IS for the IPA, DSB ISH, then TLBI VMALLE1IS (VMID \(used.vmid)'s combined stage 1+2 entries) after the stage-2 descriptor write at \(hex(w.event.context.pc)) on cpu\(w.event.context.cpu)"
                    }
                } else {
                    provenance.append("no descriptor it came from was written since the fill: a translation register or table descriptor above changed")
                }
            }
            provenance += uncovered(since: fill, on: cpu.index, tlbi: { scope in
                scope.mismatch(used).map { self.reason($0, scope: scope, entry: used) }
            })
        }
        record(cpu, StaleUse(kind: "translation", cpu: cpu.index, el: cpu.currentEL, vmid: c.vmid, asid: c.asid,
                             pc: lastPC[cpu.index], address: va, used: usedPA, fresh: freshPA,
                             detail: "\(stage2 ? "stage-2 " : "")TLB entry \(used.regime) VMID \(used.vmid) \(scope) \(hex(used.inputBase)) -> \(hex(used.outputBase)); \(what). Smallest fix: \(suggestionText)",
                             provenance: provenance),
               key: "t\(cpu.index):\(used.kind):\(used.regime):\(used.vmid):\(used.asid):\(used.inputBase):\(used.outputBase):\(freshPA ?? 1)")
    }

    /// The word the CPU executes from its I-cache against what a fetch
    /// with the line's attributes reads now.
    private func checkInstruction(_ cpu: CPU, _ pc: UInt64) {
        guard let ic = cpu.icache, let caches = board.shared.dataCaches, let f = cpu.currentFetch,
              f.viaICache, pc & ~0xFFF == f.va else { return }
        let line = UInt64(ic.geometry.lineSize)
        let pa = f.pa | (pc & 0xFFF)
        guard let slot = ic.lookup(va: pc & ~(line - 1), pa: pa & ~(line - 1), vmid: cpu.instructionCacheVMID) else { return }
        let bytes = ic.bytes(slot) + Int(pc & (line - 1))
        var used: UInt32 = 0
        for k in 0..<4 { used |= UInt32(bytes[k]) << UInt32(8 * k) }
        let fresh: UInt32
        if f.cacheable {
            fresh = UInt32(truncatingIfNeeded: shadow.value(pa, size: 4)
                           ?? (0..<4).reduce(0) { $0 | UInt64(caches.coherentByte(pa + UInt64($1))) << UInt64(8 * $1) })
        } else {
            fresh = UInt32(truncatingIfNeeded: (try? board.shared.memory.read(pa, size: 4)) ?? 0)
        }
        guard used != fresh else { return }
        let c = cpu.currentContext
        let lineVMID = cpu.instructionCacheVMID
        let dis = { (w: UInt32) in String(Disassembler.text(w, at: pc).map { $0 == "\t" ? " " : $0 }) }
        var provenance: [String] = []
        let lineAddress = pa & ~(line - 1)
        var fix = "DC CVAU + IC IVAU for \(hex(pc & ~(line - 1))) after writing it, or IC IALLU on cpu\(cpu.index) before running this code"
        if let fill = icacheFills[cpu.index << 32 | slot] {
            let writer = lastWrite(pa)
            provenance.append("line filled by \(describe(fill.event)) with a \(fill.cacheable ? "cacheable fetch (from the PoU)" : "Non-cacheable fetch (from memory, the PoC)")")
            if let w = writer { provenance.append("the newest instruction there was written by \(describeWriter(w))") }
            let now = event(cpu.index).context
            if let writer, writer.event.seq < fill.event.seq {
                // Filled after the write, with the old bytes: the fetch read
                // a level the write had not reached.
                provenance.append("the fill came after that write but read \(fill.cacheable ? "the PoU" : "memory"), which did not have it yet\(fill.cacheable ? "" : " (a clean to the PoU does not reach the PoC, D7.5.8; Non-cacheable fetches may allocate in the I-cache, D7.5.7)")")
                if fill.event.context.inVM && now.inVM && fill.event.context.vcpu != now.vcpu {
                    provenance.append("another vCPU of VMID \(now.vmid) (MPIDR \(hex(fill.event.context.vcpu))) filled the line on cpu\(cpu.index); vCPU MPIDR \(hex(now.vcpu)) executes it: the I-cache is per physical CPU, not per vCPU")
                    fix = "a local IC IALLU on cpu\(cpu.index) when a different vCPU of VMID \(now.vmid) than last time is loaded there, before it runs (or DC CVAC of the code, so that memory holds it too)"
                } else {
                    fix = "DC CVAC (to the PoC) of the code after writing it, then IC IVAU for \(hex(pc & ~(line - 1)))"
                }
            }
            var vpiptMissed = false
            provenance += uncovered(since: writer.map { $0.event.seq > fill.event.seq ? $0.event : fill.event } ?? fill.event,
                                    on: cpu.index, icache: { op, target, vmid, targetPA in
                if op == .IVAU, let t = targetPA, t != lineAddress { return "for the line at PA \(hex(t)), not \(hex(lineAddress))" }
                if let target, target != cpu.index { return "local to cpu\(target); the line is in cpu\(cpu.index)'s I-cache" }
                if let vmid, vmid != lineVMID {
                    vpiptMissed = true
                    return "executed at EL1 on a VPIPT I-cache, it removes VMID \(vmid)'s lines only; the line is tagged \(lineVMID == 0xFFFF ? "for EL2" : "VMID \(lineVMID)")"
                }
                return nil
            })
            if vpiptMissed {
                fix = "the same IC executed at EL2 (on a VPIPT I-cache only EL2's IC IALLU/IVAU reach every VMID's lines, D7.5.9.12)\(writer.map { " after the write at \(hex($0.event.context.pc)) on cpu\($0.event.context.cpu)" } ?? "")"
            }
        }
        record(cpu, StaleUse(kind: "instruction", cpu: cpu.index, el: cpu.currentEL, vmid: c.vmid, asid: c.asid,
                             pc: pc, address: pc, used: UInt64(used), fresh: UInt64(fresh),
                             detail: "executed \(hex8(used)) (\(dis(used))) from cpu\(cpu.index)'s I-cache line PA \(hex(pa & ~(line - 1))) tagged VMID \(lineVMID == 0xFFFF ? "none (EL2)" : String(lineVMID)), \(f.cacheable ? "the newest write there is" : "memory (a Non-cacheable fetch) holds") \(hex8(fresh)) (\(dis(fresh))). Smallest fix: \(fix)",
                             provenance: provenance),
               key: "i\(cpu.index):\(pa):\(used):\(fresh)")
    }

    private func staleData(_ cpu: CPU, va: UInt64, pa: UInt64, size: Int, used: UInt64, fresh: UInt64, cacheable: Bool) {
        let c = cpu.currentContext
        let caches = board.shared.dataCaches
        let line = pa & ~(lineSize - 1)
        let writer = lastWrite(pa)
        var provenance: [String] = []
        if let w = writer { provenance.append("the newest value was written by \(describeWriter(w))") }
        let holders = caches?.lines(holding: pa) ?? []
        func where_(_ l: DataCaches.LineView) -> String {
            "a \(l.dirty ? "dirty" : "clean") line in \(l.cpu.map { "cpu\($0)'s L1" } ?? "the L2")"
        }
        let fix: String
        if !cacheable {
            let dirty = holders.filter { $0.dirty }
            let sctlr = debugger.systemRegister(cpu, cpu.currentEL < 2 ? "SCTLR_EL1" : "SCTLR_EL2")
            let why = sctlr & 1 == 0 ? "its MMU is off (SCTLR.M = 0: Device-nGnRnE)" : sctlr & 4 == 0 ? "its data cache is off (SCTLR.C = 0: Normal Non-cacheable)" : "the page is Non-cacheable or Device"
            if !dirty.isEmpty {
                provenance.append("the read was Non-cacheable, \(why): it reads memory, the PoC, below \(dirty.map(where_).joined(separator: " and ")) that holds the newest value, never cleaned to the PoC")
            } else if holders.isEmpty {
                provenance.append("the read was Non-cacheable, \(why) and no cache holds the newest value any more: an invalidate discarded it before it was cleaned")
            } else {
                provenance.append("the read was Non-cacheable, \(why); the newest value is in \(holders.map(where_).joined(separator: " and "))")
            }
            let by = writer.map { " after the write at \(hex($0.key.context.pc)) on cpu\($0.key.context.cpu)" } ?? ""
            fix = "DC CVAC (or CIVAC) for PA \(hex(line))\(by), before a Non-cacheable reader uses it (a hypervisor cleans a page to the PoC before mapping it into a guest whose caches are off)"
        } else {
            let mine = holders.filter { $0.cpu == cpu.index || $0.cpu == nil }
            var text = "the read was cacheable: it hit \(mine.isEmpty ? "a cached copy" : mine.map(where_).joined(separator: " and "))"
            if let fill = lineFills[line] { text += ", brought in from memory by \(describe(fill))" }
            provenance.append(text)
            if let w = writer, !w.key.cacheable {
                provenance.append("the newest write was Non-cacheable: it went to memory around the cached copy (mismatched attributes, B2.11)")
            }
            let by = writer.map { " after the Non-cacheable write at \(hex($0.key.context.pc)) on cpu\($0.key.context.cpu)" } ?? ""
            fix = "DC IVAC (or CIVAC) for PA \(hex(line))\(by), before it is read cacheably (a hypervisor cleans and invalidates the guest's memory when the guest turns its caches on)"
        }
        provenance += uncovered(since: writer?.event, on: cpu.index, dataLine: line)
        record(cpu, StaleUse(kind: "data", cpu: cpu.index, el: cpu.currentEL, vmid: c.vmid, asid: c.asid,
                             pc: lastPC[cpu.index], address: va, used: used, fresh: fresh,
                             detail: "\(cacheable ? "cacheable" : "Non-cacheable") read of \(size) bytes at PA \(hex(pa)) gave \(hex(used)), the newest write there is \(hex(fresh)). Smallest fix: \(fix)",
                             provenance: provenance),
               key: "d\(cpu.index):\(line):\(cacheable)")
    }

    // MARK: maintenance that did not help

    /// The maintenance executed since `event` that did not remove the
    /// stale entry or line, each with why (`tlbi`, `icache` return nil for
    /// one that would have); DC by VA on `dataLine` and every set/way op.
    private func uncovered(since event: Event?, on cpu: Int, dataLine: UInt64? = nil,
                           tlbi: (TLBIScope) -> String? = { _ in nil },
                           icache: ((InstructionCacheOperation, Int?, UInt16?, UInt64?) -> String?)? = nil) -> [String] {
        let from = event?.seq ?? 0
        var lines: [String] = [], others: [String] = []
        var count = 0
        for m in log where m.event.seq >= from {
            var why: String?
            switch m.what {
            case .tlbi(let scope):
                guard dataLine == nil && icache == nil else { continue }
                if let target = scope.cpu, target != cpu { why = "local to cpu\(target); the entry is in cpu\(cpu)'s TLB" } else { why = tlbi(scope) }
            case .ic(let op, let target, let vmid, let pa):
                guard let icache else { continue }
                why = icache(op, target, vmid, pa)
            case .dc(let op, let pa):
                guard let dataLine else { continue }
                if let pa, pa != dataLine { continue }
                switch op {
                case .CVAU: why = "cleans to the PoU only; a Non-cacheable access reads the PoC"
                case .IVAC: why = "invalidates: dirty data is discarded, not written back"
                case .ISW, .CSW, .CISW: why = "by set/way: one cache level of one CPU, not the line's every copy"
                default: why = "covered the line when it ran (the copy went stale after it)"
                }
            }
            guard let why else { continue }
            count += 1
            let text = "  \(m.name) Xt=\(hex(m.operand)) by \(describe(m.event)): \(why)"
            // Those for another address say least: listed last.
            if why.hasPrefix("for ") || why.hasPrefix("it is for ") { others.append(text) } else { lines.append(text) }
        }
        if count == 0 { return ["no maintenance of this kind ran since then"] }
        let shown = Array((lines + others).prefix(6))
        return ["maintenance since then that did not remove it (\(count)):"] + shown + (count > 6 ? ["  ... and \(count - 6) more"] : [])
    }

    private func reason(_ m: TLBIScope.Mismatch, scope: TLBIScope, entry e: TLBEntry) -> String {
        switch m {
        case .reservedOperand: return "its operand is reserved (range TG = 0): it invalidates nothing"
        case .regime: return "it acts on the \(scope.describedRegimes.map(\.description).joined(separator: ", ")) regime; the entry is \(e.regime)"
        case .kind: return scope.describedKind == .stage2 ? "it removes stage-2 entries only; this combined stage 1+2 entry needs a TLBI VMALLE1 (or VAE1) too" : "it removes stage 1 entries only"
        case .vmid: return "it acts on VMID \(scope.describedVMID ?? 0); the entry has VMID \(e.vmid)"
        case .global: return "it removes non-global entries only; the entry is global"
        case .asid: return "it acts on ASID \(scope.describedASID ?? 0); the entry has ASID \(e.asid)"
        case .address: return "it is for \(scope.describedAddress.map { "0x" + $0 } ?? "another address"); the entry translates \(hex(e.inputBase))"
        case .level: return "its TTL hint says level \(scope.describedLevel ?? 0); the entry is level \(e.level)"
        }
    }

    // MARK: report

    private func record(_ cpu: CPU, _ use: StaleUse, key: String) {
        useCount += 1
        guard keys.insert(key).inserted else { return }
        uses.append(use)
        debugger.staleUseRecorded(cpu, use)
    }

    func describe(_ e: Event) -> String {
        let c = e.context
        let sym = debugger.symbols.describe(c.pc, inVM: c.inVM).map { " <\($0)>" } ?? ""
        return "cpu\(c.cpu) EL\(c.el)\(c.inVM ? " VMID \(c.vmid) vCPU MPIDR \(hex(c.vcpu))" : "") at pc \(hex(c.pc))\(sym), instruction \(e.count) of cpu\(c.cpu)"
    }

    private func describeWriter(_ w: Write) -> String {
        let how = w.key.agent ? "an agent (semihosting or the debugger) for" : w.key.cacheable ? "a cacheable store by" : "a Non-cacheable store by"
        return "\(how) \(describe(w.event))"
    }
}

/// One distinct stale use, as `--explain-stale` reports it.
public struct StaleUse {
    public let kind: String          // "translation", "instruction" or "data"
    public let cpu: Int
    public let el: UInt8
    public let vmid: UInt16
    public let asid: UInt16
    public let pc: UInt64
    public let address: UInt64
    public let used: UInt64
    public let fresh: UInt64?
    public let detail: String
    /// Fill, the write that made it stale, the maintenance that missed it.
    public let provenance: [String]
}
