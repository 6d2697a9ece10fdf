// A memory-mapped device region on the physical bus. Accesses reach it only
// on the slow path (PhysicalMemory.read/write), never the RAM fast path, so an
// existential here costs nothing per instruction.
public protocol MMIODevice: AnyObject {
    /// A read of `size` bytes (1, 2, 4 or 8) at `offset` from the region base.
    func mmioRead(offset: UInt64, size: Int) -> UInt64
    /// A write of the low `size` bytes of `value` at `offset`.
    func mmioWrite(offset: UInt64, size: Int, value: UInt64)
}

public struct MMIORegion {
    public let base: UInt64
    public let size: UInt64
    public let name: String
    public let device: MMIODevice
}
