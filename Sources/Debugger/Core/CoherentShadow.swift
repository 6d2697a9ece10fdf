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
        /// The writer record of each byte's newest write (-1: none yet).
        let writers: UnsafeMutablePointer<Int32>
    }
    private var pages: [UInt64: Page] = [:]
    /// The byte a page starts with (the coherent data view).
    private let initial: (UInt64) -> UInt8

    init(initial: @escaping (UInt64) -> UInt8) { self.initial = initial }

    deinit {
        for p in pages.values { p.bytes.deallocate(); p.writers.deallocate() }
    }

    private func page(_ pa: UInt64) -> Page {
        let base = pa & ~UInt64(Self.pageSize - 1)
        if let p = pages[base] { return p }
        let p = Page(bytes: .allocate(capacity: Self.pageSize), writers: .allocate(capacity: Self.pageSize))
        for i in 0..<Self.pageSize { p.bytes[i] = initial(base &+ UInt64(i)) }
        p.writers.initialize(repeating: -1, count: Self.pageSize)
        pages[base] = p
        return p
    }

    /// A write of `size` bytes (little-endian) by writer record `writer`.
    func write(_ pa: UInt64, size: Int, value: UInt64, writer: Int32) {
        for i in 0..<size {
            let a = pa &+ UInt64(i)
            let p = page(a)
            let o = Int(a & UInt64(Self.pageSize - 1))
            p.bytes[o] = UInt8(truncatingIfNeeded: value >> UInt64(8 * i))
            p.writers[o] = writer
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

    /// The writer record of the newest write to the byte at `pa`.
    func writer(_ pa: UInt64) -> Int32? {
        guard let p = pages[pa & ~UInt64(Self.pageSize - 1)] else { return nil }
        let w = p.writers[Int(pa & UInt64(Self.pageSize - 1))]
        return w >= 0 ? w : nil
    }
}
