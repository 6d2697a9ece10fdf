/// The data side of the cache model (arch-notes.md 2.2; ARM ARM B2.7,
/// D7.5): a private L1 data cache per CPU, a shared level 2 that is the
/// point of unification, and memory, the point of coherency. Write-back and
/// write-allocate.
///
/// Cacheable accesses are coherent among the CPUs as a coherence protocol
/// keeps them on hardware: a line lives in at most one L1 at a time and
/// moves, with its dirty state, to the CPU that accesses it. Non-cacheable
/// and Device accesses go to memory only: they neither see dirty lines nor
/// update cached copies, which may then be stale (B2.11, mismatched
/// attributes). Set/way operations act on one CPU's L1 or on the level 2.
/// Lines are written back only by maintenance or a capacity eviction (a
/// seeded choice), never spontaneously.
public final class DataCaches {
    public let configuration: CacheConfiguration
    let memory: PhysicalMemory
    public let l1: [CacheArray]
    public let l2: CacheArray
    /// Which CPU's L1 holds each line that some L1 holds; kept only with
    /// more than one CPU (`tracksOwners`): with one, its L1's set says.
    let owner: LineOwnerTable
    let tracksOwners: Bool
    /// Each CPU's most recently used L1 slot: checked first (its tag says
    /// whether it still holds the line). Unsafe storage: an Array written on
    /// every miss paid a uniqueness check each time.
    public let lastSlot: UnsafeMutablePointer<Int>
    /// `l1`'s arrays, unretained (`l1` keeps them alive): the miss path
    /// reaches a CPU's L1 without a retain and a release per miss.
    let l1Refs: UnsafeMutablePointer<Unmanaged<CacheArray>>
    let lineShift: UInt64
    let lineSize: Int
    /// `--explain-stale`'s provenance: called with the PA of each line
    /// brought in from memory (nil otherwise: a miss does nothing more).
    public var lineFilledFromMemory: ((UInt64) -> Void)?

    public init(configuration: CacheConfiguration, memory: PhysicalMemory, cpuCount: Int) {
        precondition(configuration.dcache.lineSize == configuration.l2.lineSize,
                     "the L1 data cache and the L2 have one line size")
        self.configuration = configuration
        self.memory = memory
        l1 = (0..<cpuCount).map { CacheArray(configuration.dcache, seed: configuration.seed &+ UInt64($0) &* 0x9E37_79B9) }
        l2 = CacheArray(configuration.l2, seed: configuration.seed ^ 0xC2B2_AE3D_27D4_EB4F)
        lineSize = configuration.dcache.lineSize
        lineShift = UInt64(configuration.dcache.lineShift)
        lastSlot = .allocate(capacity: cpuCount)
        lastSlot.initialize(repeating: 0, count: cpuCount)
        l1Refs = .allocate(capacity: cpuCount)
        for (i, c) in l1.enumerated() { (l1Refs + i).initialize(to: Unmanaged.passUnretained(c)) }
        tracksOwners = cpuCount > 1
        owner = LineOwnerTable(lines: tracksOwners ? cpuCount * configuration.dcache.sets * configuration.dcache.ways : 0)
    }

    deinit {
        lastSlot.deallocate()
        l1Refs.deallocate()
    }

    @inline(__always) func lineAddress(_ pa: UInt64) -> UInt64 { pa >> lineShift }
    @inline(__always) func ramPointer(line: UInt64) -> UnsafeMutablePointer<UInt8> {
        (memory.ram + Int((line << lineShift) - memory.ramBase)).assumingMemoryBound(to: UInt8.self)
    }

    // MARK: cacheable accesses (the coherent data view)

    /// No L1 holds `line` any more.
    @inline(__always) func forgetOwner(_ line: UInt64) {
        if tracksOwners { owner[line] = nil }
    }

    /// The L1 that holds `line` (its CPU and slot), if one does.
    @inline(__always) func holder(of line: UInt64) -> (cpu: Int, slot: Int)? {
        if !tracksOwners {
            return l1Refs[0]._withUnsafeGuaranteedRef { c in c.find(line, set: c.set(ofIndex: line)).map { (0, $0) } }
        }
        guard let cpu = owner[line] else { return nil }
        return l1Refs[cpu]._withUnsafeGuaranteedRef { c in (cpu, c.find(line, set: c.set(ofIndex: line))!) }
    }

    /// The slot of `line` in `cpu`'s L1, bringing it there: from another
    /// L1 (with its dirty state), else from the L2, else from memory
    /// (allocating in the L2 as well).
    @inline(__always) func l1Slot(_ cpu: Int, _ line: UInt64) -> Int {
        unowned(unsafe) let cache = l1[cpu]
        let last = lastSlot[cpu]
        if cache.tags[last] == line { cache.statistics.hits &+= 1; return last }
        let s = l1SlotSlow(cpu, line)
        lastSlot[cpu] = s
        return s
    }

    func l1SlotSlow(_ cpu: Int, _ line: UInt64) -> Int {
        l1Refs[cpu]._withUnsafeGuaranteedRef { cache in
            if let s = cache.find(line, set: cache.set(ofIndex: line)) { cache.statistics.hits &+= 1; return s }
            return l1Miss(cache, cpu, line)
        }
    }

    /// A miss in `cpu`'s L1: the line is not in its set there (the CPU's own
    /// lookup of the set found nothing). Brings the line in as `l1Slot`
    /// does and returns its slot, which becomes the CPU's last.
    public func fillL1(cpu: Int, line: UInt64) -> Int {
        let s = l1Refs[cpu]._withUnsafeGuaranteedRef { l1Miss($0, cpu, line) }
        lastSlot[cpu] = s
        return s
    }

    /// The miss itself, in `cache` (`cpu`'s L1): a victim (a seeded
    /// choice when the set is full) is evicted, a dirty one written back to
    /// the L2; the line comes from another L1 (with its dirty state), else
    /// from the L2, which fills it from memory on a miss there.
    @inline(__always) func l1Miss(_ cache: CacheArray, _ cpu: Int, _ line: UInt64) -> Int {
        cache.statistics.misses &+= 1
        let slot = cache.victim(set: cache.set(ofIndex: line))
        let old = cache.tags[slot]
        if old != CacheArray.invalid {
            cache.statistics.evictions &+= 1
            if cache.dirty[slot] { writeBackToL2(old, from: cache.bytes(slot)); cache.statistics.writeBacks &+= 1 }
            forgetOwner(old)
            cache.drop(slot)
        }
        // One probe of the owner table both asks and, below, records. With
        // one CPU no other L1 can hold the line.
        let position = tracksOwners ? owner.position(of: line) : 0
        if tracksOwners, let other = owner.owner(at: position) {
            // Coherence: the line moves from the other CPU's L1.
            l1Refs[other]._withUnsafeGuaranteedRef { o in
                let os = o.find(line, set: o.set(ofIndex: line))!
                cache.copyLine(to: slot, from: o.bytes(os))
                cache.dirty[slot] = o.dirty[os]
                o.drop(os)
            }
        } else {
            let s2 = l2Slot(line)
            cache.copyLine(to: slot, from: l2.bytes(s2))
            cache.dirty[slot] = false
        }
        cache.setTag(slot, line)
        if tracksOwners { owner.setOwner(at: position, line: line, cpu: cpu) }
        return slot
    }

    /// The slot of `line` in the L2, filling it from memory on a miss.
    func l2Slot(_ line: UInt64) -> Int {
        let (found, slot) = l2.findOrVictim(line, set: l2.set(ofIndex: line))
        if found { l2.statistics.hits &+= 1; return slot }
        l2.statistics.misses &+= 1
        evictFromL2(slot)
        l2.copyLine(to: slot, from: ramPointer(line: line))
        l2.setTag(slot, line)
        l2.dirty[slot] = false
        lineFilledFromMemory?(line << lineShift)
        return slot
    }

    func evictFromL2(_ slot: Int) {
        let line = l2.tags[slot]
        guard line != CacheArray.invalid else { return }
        l2.statistics.evictions &+= 1
        if l2.dirty[slot] {
            CacheArray.copyLine(ramPointer(line: line), l2.bytes(slot), lineSize)
            memory.noteRAMWrite(line << lineShift, lineSize)
            l2.statistics.writeBacks &+= 1
        }
        l2.drop(slot)
    }

    func writeBackToL2(_ line: UInt64, from bytes: UnsafeMutablePointer<UInt8>) {
        let (found, slot) = l2.findOrVictim(line, set: l2.set(ofIndex: line))
        if !found {
            evictFromL2(slot)
            l2.setTag(slot, line)
        }
        l2.copyLine(to: slot, from: bytes)
        l2.dirty[slot] = true
    }

    /// A cacheable read of `size` bytes (1, 2, 4, 8) that does not cross a
    /// line, by `cpu`.
    public func read(cpu: Int, _ pa: UInt64, size: Int) -> UInt64 {
        let slot = l1Slot(cpu, lineAddress(pa))
        unowned(unsafe) let cache = l1[cpu]
        return load(cache.bytes(slot) + Int(pa & UInt64(lineSize - 1)), size)
    }

    /// A cacheable write: the line becomes dirty in `cpu`'s L1.
    public func write(cpu: Int, _ pa: UInt64, size: Int, value: UInt64) {
        let slot = l1Slot(cpu, lineAddress(pa))
        unowned(unsafe) let cache = l1[cpu]
        store(cache.bytes(slot) + Int(pa & UInt64(lineSize - 1)), size, value)
        cache.dirty[slot] = true
    }

    @inline(__always) func load(_ p: UnsafeMutablePointer<UInt8>, _ size: Int) -> UInt64 {
        let r = UnsafeRawPointer(p)
        switch size {
        case 1: return UInt64(r.load(as: UInt8.self))
        case 2: return UInt64(r.loadUnaligned(as: UInt16.self))
        case 4: return UInt64(r.loadUnaligned(as: UInt32.self))
        default: return r.loadUnaligned(as: UInt64.self)
        }
    }

    @inline(__always) func store(_ p: UnsafeMutablePointer<UInt8>, _ size: Int, _ v: UInt64) {
        let r = UnsafeMutableRawPointer(p)
        switch size {
        case 1: r.storeBytes(of: UInt8(truncatingIfNeeded: v), as: UInt8.self)
        case 2: r.storeBytes(of: UInt16(truncatingIfNeeded: v), as: UInt16.self)
        case 4: r.storeBytes(of: UInt32(truncatingIfNeeded: v), as: UInt32.self)
        default: r.storeBytes(of: v, as: UInt64.self)
        }
    }

    // MARK: the views other agents have

    /// The newest copy of a line's byte as a cacheable observer sees it,
    /// without allocating (table walks, semihosting, the debugger).
    public func coherentByte(_ pa: UInt64) -> UInt8 {
        let line = lineAddress(pa), offset = Int(pa & UInt64(lineSize - 1))
        if let (cpu, s) = holder(of: line) { return l1[cpu].bytes(s)[offset] }
        if let s = l2.find(line, set: l2.set(ofIndex: line)) { return l2.bytes(s)[offset] }
        return ramPointer(line: line)[offset]
    }

    /// What an instruction fetch from the point of unification reads: the
    /// L2 or memory; with IDC = 1 the L1 data caches are at the PoU too.
    public func pointOfUnificationByte(_ pa: UInt64) -> UInt8 {
        if configuration.idc { return coherentByte(pa) }
        let line = lineAddress(pa), offset = Int(pa & UInt64(lineSize - 1))
        if let s = l2.find(line, set: l2.set(ofIndex: line)) { return l2.bytes(s)[offset] }
        return ramPointer(line: line)[offset]
    }

    /// `count` bytes from `pa` as instruction fetches from the point of
    /// unification read them (pointOfUnificationByte), into `dst`: one
    /// lookup per data-cache line instead of one per byte (an I-cache fill).
    public func pointOfUnificationBytes(_ pa: UInt64, _ count: Int, into dst: UnsafeMutablePointer<UInt8>) {
        if configuration.idc {
            for i in 0..<count { dst[i] = coherentByte(pa &+ UInt64(i)) }
            return
        }
        var done = 0
        while done < count {
            let a = pa &+ UInt64(done)
            let line = lineAddress(a), offset = Int(a & UInt64(lineSize - 1))
            let n = min(lineSize - offset, count - done)
            let src: UnsafeMutablePointer<UInt8>
            if let s = l2.find(line, set: l2.set(ofIndex: line)) { src = l2.bytes(s) } else { src = ramPointer(line: line) }
            (dst + done).update(from: src + offset, count: n)
            done += n
        }
    }

    /// A coherent write by an agent that is not a CPU (semihosting reading
    /// a file into guest memory): the newest copy is updated, and memory
    /// when no cache holds the line.
    public func coherentWrite(_ pa: UInt64, _ byte: UInt8) {
        let line = lineAddress(pa), offset = Int(pa & UInt64(lineSize - 1))
        if let (cpu, s) = holder(of: line) {
            let c = l1[cpu]
            c.bytes(s)[offset] = byte
            c.dirty[s] = true
            return
        }
        if let s = l2.find(line, set: l2.set(ofIndex: line)) {
            l2.bytes(s)[offset] = byte
            l2.dirty[s] = true
            return
        }
        ramPointer(line: line)[offset] = byte
        memory.noteRAMWrite(pa, 1)
    }

    // MARK: maintenance by PA (DC by VA after translation)

    public enum Point: Sendable { case unification, coherency }

    /// Clean to the PoU or PoC: dirty data moves down to that point; the
    /// copies stay, clean. Reaches every CPU's L1 (the shareability domain
    /// of these PoU/PoC operations is the whole machine).
    public func clean(_ pa: UInt64, to point: Point) {
        let line = lineAddress(pa)
        if let (cpu, s) = holder(of: line) {
            let c = l1[cpu]
            c.statistics.maintenance &+= 1
            if c.dirty[s] {
                writeBackToL2(line, from: c.bytes(s)); c.dirty[s] = false
                c.statistics.writeBacks &+= 1; c.statistics.maintenanceEffects &+= 1
            }
        }
        if point == .coherency, let s = l2.find(line, set: l2.set(ofIndex: line)) {
            l2.statistics.maintenance &+= 1
            if l2.dirty[s] {
                ramPointer(line: line).update(from: l2.bytes(s), count: lineSize)
                memory.noteRAMWrite(line << lineShift, lineSize)
                l2.dirty[s] = false
                l2.statistics.writeBacks &+= 1
                l2.statistics.maintenanceEffects &+= 1
            }
        }
    }

    /// Invalidate to the PoC: every cached copy is discarded, dirty or not.
    public func invalidate(_ pa: UInt64) {
        let line = lineAddress(pa)
        if let (cpu, s) = holder(of: line) {
            let c = l1[cpu]
            c.dropForMaintenance(s)
            c.statistics.maintenance &+= 1
            forgetOwner(line)
        }
        if let s = l2.find(line, set: l2.set(ofIndex: line)) { l2.dropForMaintenance(s); l2.statistics.maintenance &+= 1 }
    }

    public func cleanAndInvalidate(_ pa: UInt64) {
        clean(pa, to: .coherency)
        invalidate(pa)
    }

    // MARK: maintenance by set/way (local to one CPU's L1, or the L2)

    public enum SetWayOperation: Sendable { case clean, invalidate, cleanAndInvalidate }

    /// DC CSW/ISW/CISW on `level` (1: `cpu`'s L1 data cache, 2: the L2).
    /// Set and way outside the geometry do nothing.
    public func setWay(cpu: Int, level: Int, set: Int, way: Int, _ op: SetWayOperation) {
        let cache = level == 1 ? l1[cpu] : l2
        guard set < cache.geometry.sets, way < cache.geometry.ways else { return }
        let slot = set * cache.geometry.ways + way
        let line = cache.tags[slot]
        cache.statistics.maintenance &+= 1
        guard line != CacheArray.invalid else { return }
        if op != .clean || cache.dirty[slot] { cache.statistics.maintenanceEffects &+= 1 }
        if op != .invalidate && cache.dirty[slot] {
            if level == 1 {
                writeBackToL2(line, from: cache.bytes(slot))
            } else {
                ramPointer(line: line).update(from: cache.bytes(slot), count: lineSize)
                memory.noteRAMWrite(line << lineShift, lineSize)
            }
            cache.dirty[slot] = false
            cache.statistics.writeBacks &+= 1
        }
        if op != .clean {
            if level == 1 { forgetOwner(line) }
            cache.drop(slot)
        }
    }

    // MARK: the debugger's view

    /// Lines maintenance has removed or cleaned so far, in every level.
    public var maintenanceEffects: UInt64 {
        l1.reduce(l2.statistics.maintenanceEffects) { $0 &+ $1.statistics.maintenanceEffects }
    }

    public struct LineView: Equatable, Sendable {
        public var cpu: Int?          // nil: the shared L2
        public var level: Int
        public var set: Int
        public var way: Int
        public var dirty: Bool
        /// The line's bytes differ from memory's.
        public var differsFromMemory: Bool
    }

    /// Every data cache line that holds `pa`.
    public func lines(holding pa: UInt64) -> [LineView] {
        let line = lineAddress(pa)
        var out: [LineView] = []
        func view(_ c: CacheArray, _ cpu: Int?, _ level: Int) {
            let set = c.set(ofIndex: line)
            guard let s = c.find(line, set: set) else { return }
            let differs = memcmp(c.bytes(s), ramPointer(line: line), lineSize) != 0
            out.append(LineView(cpu: cpu, level: level, set: set, way: s - set * c.geometry.ways,
                                dirty: c.dirty[s], differsFromMemory: differs))
        }
        for (i, c) in l1.enumerated() { view(c, i, 1) }
        view(l2, nil, 2)
        return out
    }
}

#if canImport(Glibc)
import Glibc
#endif
