/// Which CPU's L1 data cache holds each line some L1 holds (DataCaches'
/// coherence bookkeeping): an open-addressing hash table with linear
/// probing and backward-shift deletion, sized for every L1 line at once
/// (load factor at most 1/2). A lookup or update costs a multiply and a few
/// compares; a Swift Dictionary hashes each key with SipHash, which took a
/// tenth of a cache-model run's time.
final class LineOwnerTable {
    private let keys: UnsafeMutablePointer<UInt64>
    private let owners: UnsafeMutablePointer<Int32>
    private let mask: Int
    private let shift: UInt64
    private static let empty = UInt64.max

    /// A table for at most `lines` entries at once.
    init(lines: Int) {
        var size = 16
        while size < 2 * lines { size <<= 1 }
        keys = .allocate(capacity: size)
        keys.initialize(repeating: Self.empty, count: size)
        owners = .allocate(capacity: size)
        owners.initialize(repeating: 0, count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    deinit {
        keys.deallocate()
        owners.deallocate()
    }

    /// Fibonacci hashing: the top bits of line * 2^64/phi.
    @inline(__always) private func home(_ line: UInt64) -> Int {
        Int(truncatingIfNeeded: (line &* 0x9E37_79B9_7F4A_7C15) &>> shift)
    }

    subscript(line: UInt64) -> Int? {
        get { owner(at: position(of: line)) }
        set {
            let i = position(of: line)
            if let cpu = newValue {
                setOwner(at: i, line: line, cpu: cpu)
            } else if keys[i] == line {
                remove(at: i)
            }
        }
    }

    /// Where `line` is, or the empty entry where it would go: a miss asks
    /// `owner(at:)` and then records the new owner with `setOwner(at:)`,
    /// one probe for both (nothing may change the table in between).
    @inline(__always) func position(of line: UInt64) -> Int {
        var i = home(line)
        while true {
            let k = keys[i]
            if k == line || k == Self.empty { return i }
            i = (i &+ 1) & mask
        }
    }

    @inline(__always) func owner(at position: Int) -> Int? {
        keys[position] == Self.empty ? nil : Int(owners[position])
    }

    @inline(__always) func setOwner(at position: Int, line: UInt64, cpu: Int) {
        keys[position] = line
        owners[position] = Int32(cpu)
    }

    /// Backward-shift deletion: the entries after the hole that may move
    /// into it (their home is not in the cyclic range (hole, position]) do.
    private func remove(at index: Int) {
        var hole = index
        var j = index
        while true {
            j = (j &+ 1) & mask
            let k = keys[j]
            if k == Self.empty { break }
            let h = home(k)
            let staysPut = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j)
            if staysPut { continue }
            keys[hole] = k
            owners[hole] = owners[j]
            hole = j
        }
        keys[hole] = Self.empty
    }
}
