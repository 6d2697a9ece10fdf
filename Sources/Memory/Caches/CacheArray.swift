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
    /// Slots that hold no line. While there is none, every set is full and
    /// `victim` draws at once instead of looking for an invalid way; it is
    /// kept by `setTag` and `drop`, the only writers of `tags`.
    var invalidSlots: Int

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
        invalidSlots = slots
    }

    deinit {
        data.deallocate()
        tags.deallocate()
        dirty.deallocate()
    }

    @inline(__always) func set(ofIndex index: UInt64) -> Int { Int(index & UInt64(geometry.sets - 1)) }

    /// The slot holding `tag` in set `set`, if any.
    @inline(__always) func find(_ tag: UInt64, set: Int) -> Int? {
        Self.find(tag, in: tags, set: set, ways: geometry.ways)
    }

    /// The slot of `tag` in set `set` of `ways` ways of `tags`, if any: the
    /// lookup of every set-associative array, and of a CPU's hit path.
    /// The pointer and the bound stay in registers; four ways a step, a
    /// compare and a branch each.
    @inlinable @inline(__always)
    public static func find(_ tag: UInt64, in tags: UnsafeMutablePointer<UInt64>, set: Int, ways: Int) -> Int? {
        var slot = set &* ways
        let end = slot &+ ways
        if ways & 3 == 0 {
            while slot < end {
                if tags[slot] == tag { return slot }
                if tags[slot &+ 1] == tag { return slot &+ 1 }
                if tags[slot &+ 2] == tag { return slot &+ 2 }
                if tags[slot &+ 3] == tag { return slot &+ 3 }
                slot &+= 4
            }
            return nil
        }
        while slot < end {
            if tags[slot] == tag { return slot }
            slot &+= 1
        }
        return nil
    }

    /// A slot of `set` to fill: an invalid one, else a seeded choice (the
    /// caller writes back or drops what it held).
    @inline(__always) func victim(set: Int) -> Int {
        if invalidSlots != 0, let slot = find(Self.invalid, set: set) { return slot }
        generator = generator &* 6364136223846793005 &+ 1442695040888963407
        return set &* geometry.ways &+ Int((generator >> 33) % UInt64(geometry.ways))
    }

    /// `find` and, when the line is not there, `victim`: (true, its slot)
    /// or (false, the slot to fill).
    @inline(__always) func findOrVictim(_ tag: UInt64, set: Int) -> (found: Bool, slot: Int) {
        if let s = find(tag, set: set) { return (true, s) }
        return (false, victim(set: set))
    }

    @inline(__always) func bytes(_ slot: Int) -> UnsafeMutablePointer<UInt8> {
        data + slot * geometry.lineSize
    }

    /// Copies a whole line into `slot` from `source` (another array's line
    /// or memory): 64-byte lines as four 16-byte moves, inline, instead of
    /// a call to memcpy per fill, eviction or write-back.
    @inline(__always) func copyLine(to slot: Int, from source: UnsafeMutablePointer<UInt8>) {
        Self.copyLine(bytes(slot), source, geometry.lineSize)
    }

    @inline(__always) static func copyLine(_ destination: UnsafeMutablePointer<UInt8>,
                                           _ source: UnsafeMutablePointer<UInt8>, _ lineSize: Int) {
        guard lineSize == 64 else { destination.update(from: source, count: lineSize); return }
        let s = UnsafeRawPointer(source), d = UnsafeMutableRawPointer(destination)
        let a = s.loadUnaligned(as: SIMD16<UInt8>.self), b = s.loadUnaligned(fromByteOffset: 16, as: SIMD16<UInt8>.self)
        let c = s.loadUnaligned(fromByteOffset: 32, as: SIMD16<UInt8>.self), e = s.loadUnaligned(fromByteOffset: 48, as: SIMD16<UInt8>.self)
        d.storeBytes(of: a, as: SIMD16<UInt8>.self)
        d.storeBytes(of: b, toByteOffset: 16, as: SIMD16<UInt8>.self)
        d.storeBytes(of: c, toByteOffset: 32, as: SIMD16<UInt8>.self)
        d.storeBytes(of: e, toByteOffset: 48, as: SIMD16<UInt8>.self)
    }

    /// `drop` by a maintenance operation: counted when the slot held a line.
    func dropForMaintenance(_ slot: Int) {
        if tags[slot] != Self.invalid { statistics.maintenanceEffects &+= 1 }
        drop(slot)
    }

    func drop(_ slot: Int) {
        if tags[slot] != Self.invalid { invalidSlots &+= 1 }
        tags[slot] = Self.invalid
        dirty[slot] = false
    }

    /// Puts the line `tag` in `slot`.
    @inline(__always) func setTag(_ slot: Int, _ tag: UInt64) {
        if tags[slot] == Self.invalid { invalidSlots &-= 1 }
        tags[slot] = tag
    }
}
