import Memory

/// State shared by all CPUs of a machine that is derived from memory:
/// the decoded-instruction cache (per physical page) and the exclusive
/// monitors. Both watch writes to RAM through `PhysicalMemory.writeWatch`.
///
/// Decoded instructions do not depend on the CPU, so one cache serves all.
/// This is the "cache model off" form of DESIGN.md's decode cache: decoded
/// pages are dropped when a page is written, as QEMU drops translation blocks.
public final class SharedProcessorState {
    static let watchCode: UInt8 = 1
    static let watchExclusive: UInt8 = 2
    static let slotsPerPage = Int(PhysicalMemory.pageSize / 4)

    public let memory: PhysicalMemory
    /// The system counter of the generic timer: instructions retired by all
    /// CPUs (each CPU adds its own at the end of every `run`).
    public var counter: UInt64 = 0
    private var pages: [UInt64: UnsafeMutablePointer<Decoded>] = [:]
    /// The pages looked up last, direct-mapped by page number, in front of
    /// `pages`: a fetch after an exception, ERET, TLBI or ISB looks its page
    /// up again, and hashing was a tenth of an exception-heavy run.
    static let recentPages = 64
    private let recentPA: UnsafeMutablePointer<UInt64>
    private let recentPage: UnsafeMutablePointer<UnsafeMutablePointer<Decoded>>
    /// The decoded-instruction cache's bound, in 4K pages (each holds 1024
    /// decoded slots): an emulator resource limit, not an architectural
    /// choice. 4096 pages of code is 16 MiB of guest code.
    static let decodedPageLimit = 4096
    /// How many times the bound emptied the cache (`--stats`).
    public private(set) var decodedPageFlushes: UInt64 = 0
    /// Every CPU's exclusive monitor (ARM ARM B2.9): the marked granule's
    /// physical address, or nil when in the Open Access state.
    var monitors: [UInt64?] = []

    /// Words decoded lately and the interpreter's form of their decoded
    /// form, direct-mapped by a hash of the word: `Decoder.decode` depends
    /// on the word alone, and an I-cache fill (or a page written and run
    /// again) decodes the same words over and over. A key is the word with
    /// bit 32 set (0: empty).
    static let decodeMemoSize = 4096
    private let decodeMemoKeys: UnsafeMutablePointer<UInt64>
    private let decodeMemo: UnsafeMutablePointer<Decoded>

    /// `Decoder.decode(word).interpreterForm`, from the memo when it holds
    /// the word.
    @inline(__always) func decode(_ word: UInt32) -> Decoded {
        let i = Int(truncatingIfNeeded: (word &* 0x9E37_79B1) >> 20)
        let key = UInt64(word) | 1 << 32
        if decodeMemoKeys[i] == key { return decodeMemo[i] }
        return decodeAndRemember(word, i, key)
    }

    @inline(never) private func decodeAndRemember(_ word: UInt32, _ i: Int, _ key: UInt64) -> Decoded {
        let d = Decoder.decode(word).interpreterForm
        decodeMemoKeys[i] = key
        decodeMemo[i] = d
        return d
    }

    public init(memory: PhysicalMemory) {
        self.memory = memory
        decodeMemoKeys = .allocate(capacity: Self.decodeMemoSize)
        decodeMemoKeys.initialize(repeating: 0, count: Self.decodeMemoSize)
        decodeMemo = .allocate(capacity: Self.decodeMemoSize)
        decodeMemo.initialize(repeating: Decoded(), count: Self.decodeMemoSize)
        recentPA = .allocate(capacity: Self.recentPages)
        recentPA.initialize(repeating: .max, count: Self.recentPages)
        recentPage = .allocate(capacity: Self.recentPages)
        memory.writeWatchHandler = { [unowned self] pa, size in self.observeWrite(pa, size) }
    }

    deinit {
        for p in pages.values { p.deallocate() }
        recentPA.deallocate()
        recentPage.deallocate()
        decodeMemoKeys.deallocate()
        decodeMemo.deallocate()
    }

    /// Every CPU's event register (D1.6.1, WFE/SEV).
    public var events: [Bool] = []

    /// SEV: sets the event register of every CPU.
    func sendEvent() {
        for i in events.indices { events[i] = true }
    }

    /// Every CPU's TLB, for broadcast TLB maintenance.
    public private(set) var tlbs: [TLB] = []
    /// TLB entries TLBIs have removed so far (every CPU's).
    public var tlbEntriesInvalidated: UInt64 = 0

    /// Entries and lines every maintenance instruction so far removed or
    /// cleaned: the audit's measure of what one TLBI, DC or IC did.
    public var maintenanceEffects: UInt64 {
        instructionCaches.reduce(tlbEntriesInvalidated &+ (dataCaches?.maintenanceEffects ?? 0)) { $0 &+ $1.maintenanceEffects }
    }

    /// The data caches (nil: the cache model is off), and every CPU's
    /// I-cache, for broadcast IC maintenance.
    public var dataCaches: DataCaches?
    public private(set) var instructionCaches: [InstructionCache] = []

    func registerCPU(tlb: TLB, icache: InstructionCache?) -> Int {
        tlbs.append(tlb)
        if let icache { instructionCaches.append(icache) }
        events.append(false)
        monitors.append(nil)
        return monitors.count - 1
    }

    /// The decoded slots of the RAM page at `pagePA`, created empty (all
    /// `.undecoded`) on first use.
    ///
    /// At most `decodedPageLimit` pages are kept: the next one empties the
    /// cache first (as QEMU flushes every translation block when its code
    /// buffer is full), so that a guest executing from all of a large RAM
    /// needs bounded host memory. Safe here: only the interpreter loop of
    /// the CPU asking holds a page pointer (other CPUs are between runs),
    /// and it is replacing it with the one returned.
    func decodedPage(_ pagePA: UInt64) -> UnsafeMutablePointer<Decoded> {
        let recent = Int(truncatingIfNeeded: (pagePA >> PhysicalMemory.pageShift) & UInt64(Self.recentPages - 1))
        if recentPA[recent] == pagePA { return recentPage[recent] }
        if let p = pages[pagePA] {
            recentPA[recent] = pagePA
            recentPage[recent] = p
            return p
        }
        if pages.count >= Self.decodedPageLimit {
            for (pa, p) in pages {
                p.deallocate()
                memory.writeWatch[watchIndex(pa)] &= ~Self.watchCode
            }
            pages.removeAll(keepingCapacity: true)
            recentPA.update(repeating: .max, count: Self.recentPages)
            decodedPageFlushes &+= 1
        }
        let p = Decoded.allocateBlocks(1, words: Self.slotsPerPage)
        pages[pagePA] = p
        recentPA[recent] = pagePA
        recentPage[recent] = p
        memory.writeWatch[watchIndex(pagePA)] |= Self.watchCode
        return p
    }

    @inline(__always) func watchIndex(_ pa: UInt64) -> Int {
        Int((pa - memory.ramBase) >> PhysicalMemory.pageShift)
    }

    /// A write hit a watched page: drop decoded instructions of the pages it
    /// touched and clear the exclusive monitors whose granule it overlaps.
    func observeWrite(_ pa: UInt64, _ size: Int) {
        let ram = memory.ramBase
        var page = (pa - ram) >> PhysicalMemory.pageShift
        let last = (pa - ram + UInt64(size) - 1) >> PhysicalMemory.pageShift
        while page <= last {
            let flags = memory.writeWatch[Int(page)]
            if flags & Self.watchCode != 0 {
                let pagePA = ram + (page << PhysicalMemory.pageShift)
                if let p = pages[pagePA] {
                    // Reset in place only the slots the write covers: a CPU
                    // executing from this page keeps a valid pointer and
                    // re-decodes them lazily; the page stays watched.
                    let from = max(pa, pagePA), to = min(pa + UInt64(size), pagePA + PhysicalMemory.pageSize)
                    let first = Int((from - pagePA) >> 2), end = Int((to - pagePA + 3) >> 2)
                    Decoded.clear(p, from: first, count: end - first)
                }
            }
            page += 1
        }
        if memory.writeWatch[watchIndex(pa)] & Self.watchExclusive != 0
            || memory.writeWatch[watchIndex(pa + UInt64(size) - 1)] & Self.watchExclusive != 0 {
            clearMonitors(overlapping: pa, size)
        }
    }

    func clearMonitors(overlapping pa: UInt64, _ size: Int) {
        let g = ImpDef.exclusivesGranuleShift
        let first = pa >> g, last = (pa + UInt64(size) - 1) >> g
        for i in monitors.indices {
            if let m = monitors[i], (m >> g) >= first && (m >> g) <= last {
                monitors[i] = nil
                events[i] = true    // clearing a global monitor generates an event (D1.6.1)
            }
        }
        refreshExclusiveWatch()
    }

    func setMonitor(cpu: Int, _ pa: UInt64) {
        monitors[cpu] = (pa >> ImpDef.exclusivesGranuleShift) << ImpDef.exclusivesGranuleShift
        refreshExclusiveWatch()
    }

    func clearMonitor(cpu: Int) {
        if monitors[cpu] != nil { monitors[cpu] = nil; refreshExclusiveWatch() }
    }

    /// Recomputes the exclusive bits of the watch map (few monitors exist).
    private var exclusiveWatchedPages: [Int] = []
    private func refreshExclusiveWatch() {
        for p in exclusiveWatchedPages { memory.writeWatch[p] &= ~Self.watchExclusive }
        exclusiveWatchedPages.removeAll(keepingCapacity: true)
        for case let m? in monitors where memory.isRAM(m, 1) {
            let i = watchIndex(m)
            memory.writeWatch[i] |= Self.watchExclusive
            exclusiveWatchedPages.append(i)
        }
    }
}
