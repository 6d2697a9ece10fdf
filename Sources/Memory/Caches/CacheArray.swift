/// One set-associative array of cache lines holding their bytes: the
/// storage of an L1 data cache, the shared level 2, or an I-cache. Tags are
/// line addresses (address >> lineShift, plus any extra tag bits the owner
/// folds in); replacement of a full set is a seeded choice.
public final class CacheArray {
    public let geometry: CacheGeometry
    /// Per slot (set * ways + way): the tag, or `invalid`. Unsafe storage:
    /// a CPU's hit path reads it directly.
    public let tags: UnsafeMutablePointer<UInt64>
    public let dirty: UnsafeMutablePointer<Bool>
    public let data: UnsafeMutablePointer<UInt8>
    var generator: UInt64

    public static let invalid = UInt64.max

    public struct Statistics: Sendable {
        public var hits: UInt64 = 0, misses: UInt64 = 0, evictions: UInt64 = 0
        public var writeBacks: UInt64 = 0, maintenance: UInt64 = 0
        /// Lines a maintenance operation removed or cleaned (the audit of
        /// `--stats`: maintenance that found nothing to do adds nothing).
        public var maintenanceEffects: UInt64 = 0
    }
    public var statistics = Statistics()

    init(_ geometry: CacheGeometry, seed: UInt64) {
        self.geometry = geometry
        let slots = geometry.sets * geometry.ways
        tags = .allocate(capacity: slots)
        tags.initialize(repeating: Self.invalid, count: slots)
        dirty = .allocate(capacity: slots)
        dirty.initialize(repeating: false, count: slots)
        data = .allocate(capacity: slots * geometry.lineSize)
        data.initialize(repeating: 0, count: slots * geometry.lineSize)
        generator = seed | 1
    }

    deinit {
        data.deallocate()
        tags.deallocate()
        dirty.deallocate()
    }

    @inline(__always) func set(ofIndex index: UInt64) -> Int { Int(index & UInt64(geometry.sets - 1)) }

    /// The slot holding `tag` in set `set`, if any.
    @inline(__always) func find(_ tag: UInt64, set: Int) -> Int? {
        let base = set * geometry.ways
        for w in 0..<geometry.ways where tags[base + w] == tag { return base + w }
        return nil
    }

    /// A slot of `set` to fill: an invalid one, else a seeded choice (the
    /// caller writes back or drops what it held).
    @inline(__always) func victim(set: Int) -> Int {
        let base = set * geometry.ways
        for w in 0..<geometry.ways where tags[base + w] == Self.invalid { return base + w }
        generator = generator &* 6364136223846793005 &+ 1442695040888963407
        return base + Int((generator >> 33) % UInt64(geometry.ways))
    }

    @inline(__always) func bytes(_ slot: Int) -> UnsafeMutablePointer<UInt8> {
        data + slot * geometry.lineSize
    }

    /// `drop` by a maintenance operation: counted when the slot held a line.
    func dropForMaintenance(_ slot: Int) {
        if tags[slot] != Self.invalid { statistics.maintenanceEffects &+= 1 }
        drop(slot)
    }

    func drop(_ slot: Int) {
        tags[slot] = Self.invalid
        dirty[slot] = false
    }
}
