/// What a fully coherent machine would hold at each byte of RAM: the newest
/// write by any agent, whatever its attributes (cacheable, Non-cacheable,
/// Device) and whatever the caches did with it since, and who wrote it.
/// `--explain-stale` compares every data read and every instruction the
/// I-cache gives with it.
///
/// Sparse: a page exists from the first write to it after the shadow was
/// made. Until then every copy of the page (memory, any cache line) holds
/// the same bytes — copies differ only after a write — so a page is
/// created from the coherent data view and a page that does not exist has
/// nothing stale to compare.
final class CoherentShadow {
    static let pageSize = 4096
    private struct Page {
        let bytes: UnsafeMutablePointer<UInt8>
        /// The writer record of each byte's newest write (-1: none yet),
        /// and when it was made: the machine-wide sequence number and the
        /// writing CPU's instruction number.
        let writers: UnsafeMutablePointer<Int32>
        let seqs: UnsafeMutablePointer<UInt64>
        let counts: UnsafeMutablePointer<UInt64>
    }
    /// The newest write to one byte.
    struct Write { var writer: Int32; var seq: UInt64; var count: UInt64 }
    private var pages: [UInt64: Page] = [:]
    /// The byte a page starts with (the coherent data view).
    private let initial: (UInt64) -> UInt8

    init(initial: @escaping (UInt64) -> UInt8) { self.initial = initial }

    deinit {
        for p in pages.values { p.bytes.deallocate(); p.writers.deallocate(); p.seqs.deallocate(); p.counts.deallocate() }
    }

    private func page(_ pa: UInt64) -> Page {
        let base = pa & ~UInt64(Self.pageSize - 1)
        if let p = pages[base] { return p }
        let p = Page(bytes: .allocate(capacity: Self.pageSize), writers: .allocate(capacity: Self.pageSize),
                     seqs: .allocate(capacity: Self.pageSize), counts: .allocate(capacity: Self.pageSize))
        for i in 0..<Self.pageSize { p.bytes[i] = initial(base &+ UInt64(i)) }
        p.writers.initialize(repeating: -1, count: Self.pageSize)
        p.seqs.initialize(repeating: 0, count: Self.pageSize)
        p.counts.initialize(repeating: 0, count: Self.pageSize)
        pages[base] = p
        return p
    }

    /// A write of `size` bytes (little-endian) by writer record `writer`.
    func write(_ pa: UInt64, size: Int, value: UInt64, writer: Int32, seq: UInt64, count: UInt64) {
        for i in 0..<size {
            let a = pa &+ UInt64(i)
            let p = page(a)
            let o = Int(a & UInt64(Self.pageSize - 1))
            p.bytes[o] = UInt8(truncatingIfNeeded: value >> UInt64(8 * i))
            p.writers[o] = writer
            p.seqs[o] = seq
            p.counts[o] = count
        }
    }

    /// The newest value of `size` bytes, or nil when no byte of them was
    /// written since the shadow was made (they cannot be stale).
    func value(_ pa: UInt64, size: Int) -> UInt64? {
        var v: UInt64 = 0, written = false
        for i in 0..<size {
            let a = pa &+ UInt64(i)
            let base = a & ~UInt64(Self.pageSize - 1)
            let o = Int(a & UInt64(Self.pageSize - 1))
            let byte: UInt8
            if let p = pages[base] {
                byte = p.bytes[o]
                written = written || p.writers[o] >= 0
            } else {
                byte = initial(a)
            }
            v |= UInt64(byte) << UInt64(8 * i)
        }
        return written ? v : nil
    }

    /// The newest write to the byte at `pa`.
    func lastWrite(_ pa: UInt64) -> Write? {
        guard let p = pages[pa & ~UInt64(Self.pageSize - 1)] else { return nil }
        let o = Int(pa & UInt64(Self.pageSize - 1))
        return p.writers[o] >= 0 ? Write(writer: p.writers[o], seq: p.seqs[o], count: p.counts[o]) : nil
    }
}
