/// One CPU's L1 instruction cache (arch-notes.md 2.3; ARM ARM D8.18.2,
/// D7.5.7): lines of instruction bytes, filled from the point of
/// unification (cacheable fetches) or from memory (Non-cacheable ones),
/// kept until an IC operation or a capacity eviction removes them. What the
/// CPU executes is what a line holds, however stale.
///
/// Tags by policy: PIPT, the physical line; VIPT, the physical line in the
/// set the virtual address indexes (two virtual aliases can hold two
/// lines); VPIPT, the physical line and the VMID, and a lookup hits only
/// lines of the current VMID.
public final class InstructionCache {
    public let geometry: CacheGeometry
    public let policy: InstructionCachePolicy
    let array: CacheArray
    /// The VMID each line was allocated under (VPIPT). Unsafe storage, as
    /// the tags: a CPU's fetch hit path reads both directly.
    public let vmids: UnsafeMutablePointer<UInt16>
    let lineShift: UInt64

    public init(geometry: CacheGeometry, policy: InstructionCachePolicy, seed: UInt64) {
        self.geometry = geometry
        self.policy = policy
        array = CacheArray(geometry, seed: seed)
        vmids = .allocate(capacity: geometry.sets * geometry.ways)
        vmids.initialize(repeating: 0, count: geometry.sets * geometry.ways)
        lineShift = UInt64(geometry.lineShift)
    }

    deinit { vmids.deallocate() }

    /// Per slot: the line's tag (PA >> line shift), or CacheArray.invalid.
    public var tags: UnsafeMutablePointer<UInt64> { array.tags }
    /// The lines' bytes, slot after slot.
    public var data: UnsafeMutablePointer<UInt8> { array.data }

    public var statistics: CacheArray.Statistics { array.statistics }
    /// Lines IC instructions have removed so far.
    public var maintenanceEffects: UInt64 { array.statistics.maintenanceEffects }

    @inline(__always) func set(va: UInt64, pa: UInt64) -> Int {
        array.set(ofIndex: (policy == .vipt ? va : pa) >> lineShift)
    }

    /// The slot holding the line of `pa` (fetched at `va` under `vmid`),
    /// if any.
    public func lookup(va: UInt64, pa: UInt64, vmid: UInt16) -> Int? {
        let s = set(va: va, pa: pa)
        let slot = policy == .vpipt ? findVMID(pa >> lineShift, set: s, vmid: vmid) : array.find(pa >> lineShift, set: s)
        if slot != nil { array.statistics.hits &+= 1 } else { array.statistics.misses &+= 1 }
        return slot
    }

    private func findVMID(_ tag: UInt64, set: Int, vmid: UInt16) -> Int? {
        let base = set * geometry.ways
        for w in 0..<geometry.ways where array.tags[base + w] == tag && vmids[base + w] == vmid { return base + w }
        return nil
    }

    /// Allocates a line for `pa`; `source` writes its bytes (given the
    /// line's PA and where they go); returns its slot. The caller drops what
    /// it derived from the slot's previous line.
    public func fill(va: UInt64, pa: UInt64, vmid: UInt16, source: (_ linePA: UInt64, _ into: UnsafeMutablePointer<UInt8>) -> Void) -> Int {
        let s = set(va: va, pa: pa)
        let slot = array.victim(set: s)
        if array.tags[slot] != CacheArray.invalid { array.statistics.evictions &+= 1 }
        source((pa >> lineShift) << lineShift, array.bytes(slot))
        array.setTag(slot, pa >> lineShift)
        vmids[slot] = vmid
        return slot
    }

    @inline(__always) public func bytes(_ slot: Int) -> UnsafeMutablePointer<UInt8> { array.bytes(slot) }
    public var slotCount: Int { geometry.sets * geometry.ways }

    /// One valid line, for the debugger's `icache` view.
    public struct LineView: Equatable, Sendable {
        public var slot: Int
        public var set: Int
        public var way: Int
        public var pa: UInt64
        public var vmid: UInt16
    }

    /// Every valid line, by slot.
    public var validLines: [LineView] {
        (0..<slotCount).compactMap { slot in
            let tag = array.tags[slot]
            guard tag != CacheArray.invalid else { return nil }
            return LineView(slot: slot, set: slot / geometry.ways, way: slot % geometry.ways,
                            pa: tag << lineShift, vmid: vmids[slot])
        }
    }

    /// IC IALLU / IALLUIS: every line, or (VPIPT at EL1) those of one VMID.
    public func invalidateAll(vmid: UInt16? = nil) {
        array.statistics.maintenance &+= 1
        for slot in 0..<slotCount where vmid == nil || vmids[slot] == vmid! { array.dropForMaintenance(slot) }
    }

    /// IC IVAU: the lines of `pa` — PIPT and VPIPT in its set, VIPT only in
    /// the set `va` indexes (other aliases may survive, D8.18.2.2); VPIPT
    /// at EL1 only those of `vmid`.
    public func invalidate(va: UInt64, pa: UInt64, vmid: UInt16?) {
        array.statistics.maintenance &+= 1
        let s = set(va: va, pa: pa)
        let base = s * geometry.ways
        for w in 0..<geometry.ways where array.tags[base + w] == pa >> lineShift && (vmid == nil || vmids[base + w] == vmid!) {
            array.dropForMaintenance(base + w)
        }
    }

    /// The slots holding `pa` (the debugger's view): slot, VMID tag.
    public func lines(holding pa: UInt64) -> [(set: Int, way: Int, vmid: UInt16)] {
        var out: [(Int, Int, UInt16)] = []
        for slot in 0..<slotCount where array.tags[slot] == pa >> lineShift {
            out.append((slot / geometry.ways, slot % geometry.ways, vmids[slot]))
        }
        return out
    }
}
