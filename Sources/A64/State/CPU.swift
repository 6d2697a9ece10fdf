import Memory

/// The general-purpose registers, indexed by `RegisterIndex` values.
public struct RegisterFile {
    public let base: UnsafeMutablePointer<UInt64>
    @inline(__always) public subscript(_ i: UInt8) -> UInt64 {
        get { base[Int(i)] }
        nonmutating set { base[Int(i)] = newValue }
    }
    @inline(__always) public subscript(_ i: Int) -> UInt64 {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }
}

/// Why a CPU stopped executing before its budget ran out.
public enum StopReason: Equatable {
    /// The guest asked to stop (semihosting SYS_EXIT): its exit status.
    case guestExit(Int32)
    /// An access to a physical address where nothing is mapped.
    case busError(BusError, pc: UInt64, isFetch: Bool)
    /// Stopped from outside (a board request, Ctrl-C).
    case requested
}

/// What interrupts an instruction part-way: thrown by memory accesses and
/// caught by the interpreter loop before any architectural state of the
/// instruction has been written.
public enum CPUException: Error {
    case bus(BusError)
    /// An architectural synchronous exception, taken by the interpreter.
    case exception(ExceptionRecord)
    /// A fault of a memory access (translation, permission, alignment,
    /// External abort): the interpreter makes it a Data or Instruction Abort
    /// with the syndrome of the instruction that made the access.
    case abort(TranslationFault)
    case stop(StopReason)

    /// The UNDEFINED instruction exception.
    public static var undefined: CPUException { .exception(.undefined) }
}

/// What this PE implements beyond the fixed ImpDef choices: the options the
/// board is configured with.
public struct ProcessorFeatures: Sendable {
    /// EL2 is implemented (QEMU's virtualization=on).
    public var el2 = false
    /// TLB geometry (ImpDef.tlbEntries / tlbWays unless configured) and the
    /// seed of its eviction choices.
    public var tlbEntries = ImpDef.tlbEntries
    public var tlbWays = ImpDef.tlbWays
    public var seed: UInt64 = 0
    /// The cache hierarchy the ID registers describe (and the cache model
    /// implements when it is enabled).
    public var caches = ImpDef.caches
    public init(el2: Bool = false) { self.el2 = el2 }
}

/// Counters a user can see with --stats.
public struct CPUStatistics {
    public var exceptionsTaken: UInt64 = 0
    public var interruptsTaken: UInt64 = 0
    /// L1 data cache hits on the CPU's own hit path (the caches count the rest).
    public var l1DataFastHits: UInt64 = 0
    /// I-cache hits found by the fetch hit path (CachedAccess.fetchBlock),
    /// not counted in the I-cache's own statistics.
    public var l1InstructionFastHits: UInt64 = 0
    /// NOP, PRFM and the barriers executed (no other effect here).
    public var hintsAndBarriers: UInt64 = 0
}

/// One AArch64 processing element: registers, PSTATE, system registers, and
/// its path to memory. The interpreter is in Execute/.
public final class CPU {
    public let index: Int
    public let memory: PhysicalMemory
    let shared: SharedProcessorState
    public weak var host: CPUHost?

    // RAM fast path (no MMU yet: virtual = physical).
    @usableFromInline let ram: UnsafeMutableRawPointer
    @usableFromInline let ramBase: UInt64
    @usableFromInline let ramSize: UInt64
    @usableFromInline let writeWatch: UnsafeMutablePointer<UInt8>

    /// X0..X30, the zero register's read slot and write sink, and SP
    /// (see RegisterIndex).
    public let x: RegisterFile
    /// V0-V31, and FPCR / FPSR (only their implemented bits, FPControlBits).
    public let v: VectorRegisterFile
    public var fpcr: UInt32 = 0
    public var fpsr: UInt32 = 0
    /// Where an FP/SIMD instruction at the current EL traps (0: it does not),
    /// from CPACR_EL1 and CPTR_EL2; recomputed whenever the interpreter
    /// leaves its inner loop (see `fpAccessTrapTarget`).
    var fpTrapEL: UInt8 = 0
    public var pc: UInt64 = 0
    /// PSTATE.{N,Z,C,V} in bits 31..28, as in NZCV and SPSR.
    public var nzcv: UInt32 {
        @inline(__always) get { flags &<< 28 }
        @inline(__always) set { flags = newValue &>> 28 }
    }
    /// PSTATE.{N,Z,C,V} as kept: in bits 3..0, so that a condition is one
    /// shift of its row of the condition table by it, and an instruction
    /// that sets the flags stores them without shifting them into place.
    var flags: UInt32 = 0
    /// CPU.conditionHoldsTable, where the interpreter reaches it without a
    /// lazy-initialisation check.
    let conditionTable: UnsafeMutablePointer<UInt16>
    /// PSTATE.{D,A,I,F} in bits 9..6, as in DAIF.
    public var daif: UInt64 = 0x3C0
    public var currentEL: UInt8 = 1
    public var spSel: UInt8 = 1
    /// SP_EL0..SP_EL2 while not the current SP (the current one is x[sp]).
    public var spELx: [UInt64] = [0, 0, 0]
    public var systemRegisters: [UInt64]

    /// The physical interrupt signals from the GIC to this PE (levels), set
    /// by the board through `setInterruptLines`.
    public private(set) var irqLine = false
    public private(set) var fiqLine = false

    public private(set) var instructionsRetired: UInt64 = 0
    public var stopReason: StopReason?
    /// The debugger or trace watching this CPU (CPUObserver.swift).
    public var observer: CPUObserver?
    /// Set by an observer during an instruction: `runObserved` stops
    /// before the next one.
    public var observerStopRequested = false
    /// Virtual pages (4K-aligned) whose data accesses the observer sees
    /// one by one (debugger watchpoints). Call `flushSoftTLB` after a change.
    public var watchedPages: Set<UInt64> = [] { didSet { hasWatchedPages = !watchedPages.isEmpty } }
    /// `--explain-stale`: every TLB hit is compared with the tables (the
    /// observer hears of a difference), and the software TLB is not filled
    /// so that every access reaches the TLB. Off: one test on a TLB hit.
    public var explainStale = false
    /// `watchedPages` is not empty: the one test the access slow paths make.
    var hasWatchedPages = false

    public let features: ProcessorFeatures
    /// The modelled TLB (D8.16) and, in front of it, the software TLB of
    /// the current translation context (a cache of the modelled one).
    public let tlb: TLB
    let softTLBStorage: UnsafeMutablePointer<SoftTLBEntry>
    /// A bit per software-TLB context that may hold an entry.
    var softTLBFilled: UInt8 = 0
    /// The L1 instruction cache (cache model on and CTR_EL0.DIC = 0); the
    /// decoded form of each of its lines (reset when the line is filled) is
    /// `fetchHit.decoded`.
    public let icache: InstructionCache?
    /// One line fetched without allocating (DIC = 1, or a Non-cacheable
    /// fetch that may not allocate).
    let fetchScratch: UnsafeMutableRawPointer
    let fetchScratchDecoded: UnsafeMutablePointer<Decoded>
    /// The translation of the page instructions are being fetched from
    /// (cache model on), forgotten whenever the context may have changed.
    var fetchPage: (va: UInt64, pa: UInt64, cacheable: Bool) = (1, 0, false)
    /// For that page: whether its fetches go through the I-cache, and the
    /// VMID they are tagged with (a VPIPT I-cache).
    var fetchPageViaICache = false
    var fetchPageVMID: UInt16 = 0
    /// The I-cache's hit path: its tags, VMIDs and bytes, and per set the
    /// slot that hit last (a fetch whose line is still there, under the
    /// same VMID, needs nothing else: the tags are the truth).
    struct FetchHitPath {
        /// The fetch page's VA while its fetches go through the I-cache,
        /// else 1 (never a line's base): the hit path's one page test.
        var pageVA: UInt64 = 1
        /// That page's PA - VA, and what the set index adds to a VA: the
        /// same (PIPT, VPIPT) or 0 (VIPT, indexed by the VA).
        var paDelta: UInt64 = 0
        var indexDelta: UInt64 = 0
        var tags: UnsafeMutablePointer<UInt64>
        var vmids: UnsafeMutablePointer<UInt16>
        var data: UnsafeMutablePointer<UInt8>
        var lastSlot: UnsafeMutablePointer<Int>
        var shift: UInt64
        var setMask: UInt64
        var indexByVA: Bool
        var checkVMID: Bool
        /// Decoded slots per I-cache slot: the line's words and its
        /// `.runEnd` slot.
        var stride: Int
        /// The decoded slots of each I-cache slot's line (`stride` each).
        var decoded: UnsafeMutablePointer<Decoded>
    }
    var fetchHit: FetchHitPath
    nonisolated(unsafe) static let noVMIDs = UnsafeMutablePointer<UInt16>.allocate(capacity: 1)
    nonisolated(unsafe) static let noDecoded = UnsafeMutablePointer<Decoded>.allocate(capacity: 1)
    nonisolated(unsafe) static let noLastSlot: UnsafeMutablePointer<Int> = {
        let p = UnsafeMutablePointer<Int>.allocate(capacity: 1); p.initialize(to: 0); return p
    }()
    /// This CPU's L1 data cache, for the hit path of cacheable accesses.
    struct L1HitPath {
        var tags: UnsafeMutablePointer<UInt64>
        var data: UnsafeMutablePointer<UInt8>
        var dirty: UnsafeMutablePointer<Bool>
        var shift: UInt64
        var mask: UInt64
        var slot: Int
        /// The L1's sets - 1 and ways: a line not in the last slot is
        /// looked for in its set (a set holds a line at most once).
        var setMask: UInt64
        var ways: Int
    }
    var l1Hit: L1HitPath
    /// The data caches, unretained (`shared` keeps them): an L1 miss
    /// reaches them without a retain and a release.
    var l1MissCaches: Unmanaged<DataCaches>?
    nonisolated(unsafe) static let noTags: UnsafeMutablePointer<UInt64> = {
        let p = UnsafeMutablePointer<UInt64>.allocate(capacity: 1); p.initialize(to: .max); return p
    }()
    nonisolated(unsafe) static let noData = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
    nonisolated(unsafe) static let noDirty = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
    @usableFromInline var softTLB: UnsafeMutablePointer<SoftTLBEntry>
    /// PSTATE.IL: set by an illegal exception return; the next instruction
    /// takes an Illegal Execution state exception.
    public var illegalState = false
    /// Sleeping in WFI until an interrupt (the board does not run it).
    public var waitingForInterrupt = false
    /// Powered off (PSCI CPU_OFF, or a secondary before CPU_ON).
    public var poweredOff = false
    /// Set when the CPU gave up the rest of its turn (WFE with no event).
    public var yielded = false
    public var timer = GenericTimer()
    public var statistics = CPUStatistics()
    /// Instructions retired so far in the current `run` call; the system
    /// counter reads `shared.counter` plus this.
    var executedInRun = 0
    /// The slot where the interpreter's current run ends for its budget,
    /// patched to `.runEnd` for that run (nil: none), and the instruction it
    /// held (Interpreter.swift). Fields, not locals of the loop: they are
    /// touched only where a run starts or ends.
    var runEndPatch: UnsafeMutablePointer<Decoded>? = nil
    var runEndPatchValue = Decoded()
    /// The interpreter loop's state but its slot (Interpreter.swift): the
    /// fetch block, the run, PC between runs, the budget. In the CPU object,
    /// not in locals: LLVM keeps a loop's locals in registers where it can,
    /// and these, used only by taken branches and where a block or run
    /// starts or ends, crowded out of them the slot and register file that
    /// every instruction uses.
    var loopState = InterpreterLoopState()

    struct InterpreterLoopState {
        /// The fetch block's address (not a block base until the first
        /// lookup), its decoded slots and its instruction words.
        var va: UInt64 = 1
        var slots = UnsafeMutablePointer<Decoded>(bitPattern: 16)!
        var code = UnsafeRawPointer(bitPattern: 16)!
        /// Offsets in a block: its size - 4.
        var mask: UInt64 = 0
        /// The current run's start, moved by its taken branches, and the
        /// lowest value that leaves a block's run within the budget.
        var runPC: UInt64 = 0
        var runFloor: UInt64 = 0
        var pc: UInt64 = 0
        var executed = 0
        var budget = 0
    }

    public init(index: Int, shared: SharedProcessorState, features: ProcessorFeatures = ProcessorFeatures()) {
        self.features = features
        precondition(shared.monitors.count == index, "CPUs are created in index order")
        self.index = index
        self.shared = shared
        self.memory = shared.memory
        ram = memory.ram
        ramBase = memory.ramBase
        ramSize = memory.ramSize
        writeWatch = memory.writeWatch
        tlb = TLB(entries: features.tlbEntries, ways: features.tlbWays, seed: features.seed &+ UInt64(index))
        softTLBStorage = .allocate(capacity: SoftTLB.contexts * SoftTLB.entries)
        softTLBStorage.initialize(repeating: SoftTLBEntry.invalid, count: SoftTLB.contexts * SoftTLB.entries)
        softTLB = softTLBStorage
        let c = features.caches
        if c.enabled && !c.dic {
            let ic = InstructionCache(geometry: c.icache, policy: c.icachePolicy, seed: c.seed &+ 0x1CAC_4E &+ UInt64(index))
            icache = ic
            let last = UnsafeMutablePointer<Int>.allocate(capacity: c.icache.sets)
            for s in 0..<c.icache.sets { last[s] = s * c.icache.ways }
            fetchHit = FetchHitPath(tags: ic.tags, vmids: ic.vmids, data: ic.data, lastSlot: last,
                                    shift: UInt64(c.icache.lineShift), setMask: UInt64(c.icache.sets - 1),
                                    indexByVA: c.icachePolicy == .vipt, checkVMID: c.icachePolicy == .vpipt,
                                    stride: c.icache.lineSize / 4 + 1,
                                    decoded: Decoded.allocateBlocks(ic.slotCount, words: c.icache.lineSize / 4))
        } else {
            icache = nil
            // No I-cache: never used (fetchPageViaICache stays false).
            fetchHit = FetchHitPath(tags: Self.noTags, vmids: Self.noVMIDs, data: Self.noData, lastSlot: Self.noLastSlot,
                                    shift: 6, setMask: 0, indexByVA: false, checkVMID: false, stride: 17,
                                    decoded: Self.noDecoded)
        }
        if let caches = shared.dataCaches, index < caches.l1.count {
            let l1 = caches.l1[index]
            l1Hit = L1HitPath(tags: l1.tags, data: l1.data, dirty: l1.dirty, shift: UInt64(l1.geometry.lineShift),
                              mask: UInt64(l1.geometry.lineSize - 1), slot: 0,
                              setMask: UInt64(l1.geometry.sets - 1), ways: l1.geometry.ways)
            l1MissCaches = Unmanaged.passUnretained(caches)
        } else {
            // No cache model: never used.
            l1Hit = L1HitPath(tags: Self.noTags, data: Self.noData, dirty: Self.noDirty, shift: 6, mask: 63, slot: 0,
                              setMask: 0, ways: 1)
        }
        fetchScratch = .allocate(byteCount: 2048, alignment: 16)
        fetchScratchDecoded = Decoded.allocateBlocks(1, words: c.enabled ? c.icache.lineSize / 4 : 16)
        let storage = UnsafeMutablePointer<UInt64>.allocate(capacity: RegisterIndex.count)
        storage.initialize(repeating: 0, count: RegisterIndex.count)
        x = RegisterFile(base: storage)
        v = VectorRegisterFile.allocate()
        conditionTable = .allocate(capacity: 16)
        conditionTable.initialize(from: Self.conditionHoldsTable, count: 16)
        systemRegisters = []
        _ = shared.registerCPU(tlb: tlb, icache: icache)
        resetSystemRegisters()
        tlb.onRemove = { [unowned self] in self.flushSoftTLB() }
        tlb.onEvict = { [unowned self] in self.dropSoftTLB(derivedFrom: $0) }
    }

    deinit {
        x.base.deallocate()
        v.base.deallocate()
        conditionTable.deallocate()
        softTLBStorage.deallocate()
        if icache != nil {
            fetchHit.decoded.deallocate()
            fetchHit.lastSlot.deallocate()
        }
        fetchScratch.deallocate()
        fetchScratchDecoded.deallocate()
    }

    /// MPIDR_EL1 as QEMU's virt board assigns it with a GICv3: clusters of
    /// 16 CPUs (Aff0 = index % 16, Aff1 = index / 16), bit 31 RES1, U = 0.
    public var mpidr: UInt64 {
        0x8000_0000 | UInt64(index / 16) << 8 | UInt64(index % 16)
    }

    public var sp: UInt64 {
        get { x[Int(RegisterIndex.sp)] }
        set { x[Int(RegisterIndex.sp)] = newValue }
    }

    public func register(_ n: Int) -> UInt64 { n == 31 ? 0 : x[n] }
    public func setRegister(_ n: Int, _ v: UInt64) { if n < 31 { x[n] = v } }

    /// Resets to the state a board's boot code hands over: at `el` (EL2 only
    /// if implemented) with SP_ELx selected and every interrupt masked.
    public func reset(entry: UInt64, el: UInt8 = 1) {
        x.base.update(repeating: 0, count: RegisterIndex.count)
        v.reset()
        fpcr = 0
        fpsr = 0
        spELx = [0, 0, 0]
        pc = entry
        nzcv = 0
        daif = 0x3C0
        currentEL = el == 2 && features.el2 ? 2 : 1
        spSel = 1
        illegalState = false
        waitingForInterrupt = false
        poweredOff = false
        yielded = false
        shared.events[index] = false
        timer = GenericTimer()
        resetSystemRegisters()
        flushSoftTLB()
        selectSoftTLB()
        stopReason = nil
        shared.clearMonitor(cpu: index)
    }

    func resetSystemRegisters() {
        systemRegisters = SystemRegisters.table.map { $0.reset }
        systemRegisters[SR.ID_AA64PFR0_EL1] = ImpDef.idAA64PFR0(el2: features.el2)
        systemRegisters[SR.VMPIDR_EL2] = mpidr
        systemRegisters[SR.CTR_EL0] = ImpDef.ctr(features.caches)
        systemRegisters[SR.CLIDR_EL1] = ImpDef.clidr(features.caches)
        systemRegisters[SR.ID_AA64MMFR2_EL1] = ImpDef.idAA64MMFR2(features.caches, el2: features.el2)
    }

    /// HCR_EL2, or 0 when EL2 is not implemented (its controls then have no
    /// effect).
    @inline(__always) var hcrEL2: UInt64 {
        features.el2 ? systemRegisters[SR.HCR_EL2] : 0
    }
    /// {E2H, TGE} = {1, 1}: EL0 runs in the EL2&0 regime ("ELIsInHost").
    var inHost: Bool { hcrEL2 & (HCR.E2H | HCR.TGE) == HCR.E2H | HCR.TGE }

    // MARK: PSTATE helpers

    /// ConditionHolds (ARM ARM J1, shared/functions/system), as a table:
    /// bit NZCV of entry `cond` says whether the condition holds.
    @inline(__always) func conditionHolds(_ cond: UInt8) -> Bool {
        (conditionTable[Int(cond & 15)] &>> UInt16(flags)) & 1 != 0
    }

    /// ConditionHolds for an instruction whose row of the table its decoded
    /// form holds (`Decoded.holds`).
    @inline(__always) func conditionHolds(mask: UInt16) -> Bool {
        (UInt32(mask) &>> flags) & 1 != 0
    }

    /// The table `conditionHolds` reads, built from `conditionHoldsSlow`.
    static let conditionHoldsTable: [UInt16] = (0..<16).map { cond in
        (0..<16).reduce(UInt16(0)) { mask, f in
            conditionHoldsSlow(UInt8(cond), nzcv: UInt32(f) << 28) ? mask | 1 << UInt16(f) : mask
        }
    }

    /// ConditionHolds, evaluated.
    static func conditionHoldsSlow(_ cond: UInt8, nzcv: UInt32) -> Bool {
        let f = nzcv >> 28
        let n = f & 8 != 0, z = f & 4 != 0, c = f & 2 != 0, v = f & 1 != 0
        var result: Bool
        switch cond >> 1 {
        case 0: result = z
        case 1: result = c
        case 2: result = n
        case 3: result = v
        case 4: result = c && !z
        case 5: result = n == v
        case 6: result = n == v && !z
        default: result = true
        }
        if cond & 1 != 0 && cond != 15 { result = !result }
        return result
    }

    /// Switches the current stack pointer, keeping the banked copies.
    func selectSP(el: UInt8, spSel newSel: UInt8) {
        let oldSlot = spSel == 0 ? 0 : Int(currentEL)
        spELx[oldSlot] = sp
        spSel = newSel
        currentEL = el
        sp = spELx[newSel == 0 ? 0 : Int(el)]
    }

    /// The GIC drives the IRQ and FIQ signals (Group 1 -> IRQ, Group 0 ->
    /// FIQ with a single Security state). The interpreter looks at them
    /// between turns and after every instruction that can unmask or raise an
    /// interrupt (MSR, ERET, WFI): those end its inner loop.
    public func setInterruptLines(irq: Bool, fiq: Bool) {
        irqLine = irq
        fiqLine = fiq
    }

    func retire(_ n: Int) { instructionsRetired &+= UInt64(n) }
}
