#if canImport(Glibc)
import Glibc
#endif

/// Why a physical access could not be performed. The foundation stops the run
/// on it; the MMU work turns it into a synchronous External abort.
public struct BusError: Error, Equatable {
    public let address: UInt64
    public let size: Int
    public let isWrite: Bool
    public init(address: UInt64, size: Int, isWrite: Bool) {
        self.address = address; self.size = size; self.isWrite = isWrite
    }
}

/// The physical address space below the CPUs: one RAM region and the MMIO
/// regions the board registers.
///
/// RAM is one anonymous mapping reserved up front and populated by the host
/// kernel a page at a time on first touch (MAP_NORESERVE), so a 4 GiB guest
/// costs only what it uses. The CPUs reach RAM through `ram` directly on their
/// fast path; everything else (MMIO, unmapped addresses) comes here.
public final class PhysicalMemory {
    public static let pageShift: UInt64 = 12
    public static let pageSize: UInt64 = 1 << pageShift

    public let ramBase: UInt64
    public let ramSize: UInt64
    public let ram: UnsafeMutableRawPointer
    /// One byte per RAM page: non-zero while a layer above watches writes to
    /// the page (the decoded-instruction cache, exclusive monitors). A write to
    /// such a page calls `writeWatchHandler`, which owns the bits' meaning and
    /// clears them. The CPUs test this byte inline on their store fast path.
    public let writeWatch: UnsafeMutablePointer<UInt8>
    public var writeWatchHandler: ((_ address: UInt64, _ size: Int) -> Void)?

    public private(set) var regions: [MMIORegion] = []

    public init(ramBase: UInt64, ramSize: UInt64) {
        precondition(ramSize > 0 && ramSize % PhysicalMemory.pageSize == 0)
        self.ramBase = ramBase
        self.ramSize = ramSize
        let p = mmap(nil, Int(ramSize), PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        guard let p, p != MAP_FAILED else {
            fatalError("a64emu: cannot reserve \(ramSize) bytes of guest RAM")
        }
        ram = p
        let pages = Int(ramSize >> PhysicalMemory.pageShift)
        writeWatch = .allocate(capacity: pages)
        writeWatch.initialize(repeating: 0, count: pages)
    }

    deinit {
        munmap(ram, Int(ramSize))
        writeWatch.deallocate()
    }

    public func map(_ device: MMIODevice, at base: UInt64, size: UInt64, name: String) {
        regions.append(MMIORegion(base: base, size: size, name: name, device: device))
    }

    @inline(__always)
    public func isRAM(_ pa: UInt64, _ size: Int) -> Bool {
        let off = pa &- ramBase
        return off < ramSize && ramSize - off >= UInt64(size)
    }

    public func region(containing pa: UInt64) -> MMIORegion? {
        for r in regions where pa >= r.base && pa - r.base < r.size { return r }
        return nil
    }

    // MARK: slow-path accesses (MMIO, or RAM from devices and loaders)

    public func read(_ pa: UInt64, size: Int) throws(BusError) -> UInt64 {
        if isRAM(pa, size) {
            let p = ram + Int(pa - ramBase)
            switch size {
            case 1: return UInt64(p.load(as: UInt8.self))
            case 2: return UInt64(p.loadUnaligned(as: UInt16.self))
            case 4: return UInt64(p.loadUnaligned(as: UInt32.self))
            default: return p.loadUnaligned(as: UInt64.self)
            }
        }
        if let r = region(containing: pa), pa - r.base + UInt64(size) <= r.size {
            return r.device.mmioRead(offset: pa - r.base, size: size)
        }
        throw BusError(address: pa, size: size, isWrite: false)
    }

    public func write(_ pa: UInt64, size: Int, value: UInt64) throws(BusError) {
        if isRAM(pa, size) {
            let p = ram + Int(pa - ramBase)
            switch size {
            case 1: p.storeBytes(of: UInt8(truncatingIfNeeded: value), as: UInt8.self)
            case 2: p.storeBytes(of: UInt16(truncatingIfNeeded: value), as: UInt16.self)
            case 4: p.storeBytes(of: UInt32(truncatingIfNeeded: value), as: UInt32.self)
            default: p.storeBytes(of: value, as: UInt64.self)
            }
            noteRAMWrite(pa, size)
            return
        }
        if let r = region(containing: pa), pa - r.base + UInt64(size) <= r.size {
            r.device.mmioWrite(offset: pa - r.base, size: size, value: value)
            return
        }
        throw BusError(address: pa, size: size, isWrite: true)
    }

    /// Copies host bytes into RAM (the ELF loader, semihosting SYS_READ).
    public func writeBytes(_ pa: UInt64, _ bytes: UnsafeRawBufferPointer) throws(BusError) {
        guard bytes.count > 0 else { return }
        guard isRAM(pa, bytes.count) else {
            throw BusError(address: pa, size: bytes.count, isWrite: true)
        }
        (ram + Int(pa - ramBase)).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        noteRAMWrite(pa, bytes.count)
    }

    public func writeBytes<C: Collection>(_ pa: UInt64, _ bytes: C) throws(BusError) where C.Element == UInt8 {
        guard bytes.count > 0 else { return }
        guard isRAM(pa, bytes.count) else {
            throw BusError(address: pa, size: bytes.count, isWrite: true)
        }
        let dst = UnsafeMutableRawBufferPointer(start: ram + Int(pa - ramBase), count: bytes.count)
        dst.copyBytes(from: bytes)
        noteRAMWrite(pa, bytes.count)
    }

    public func fill(_ pa: UInt64, count: Int, byte: UInt8) throws(BusError) {
        guard count > 0 else { return }
        guard isRAM(pa, count) else { throw BusError(address: pa, size: count, isWrite: true) }
        (ram + Int(pa - ramBase)).initializeMemory(as: UInt8.self, repeating: byte, count: count)
        noteRAMWrite(pa, count)
    }

    /// Reads host bytes out of RAM (semihosting SYS_WRITE, strings).
    public func readBytes(_ pa: UInt64, count: Int) throws(BusError) -> [UInt8] {
        guard count > 0 else { return [] }
        guard isRAM(pa, count) else { throw BusError(address: pa, size: count, isWrite: false) }
        return Array(UnsafeRawBufferPointer(start: ram + Int(pa - ramBase), count: count))
    }

    /// Called after every RAM write that did not come through a CPU's store
    /// fast path (which does the same check inline).
    @inline(__always)
    public func noteRAMWrite(_ pa: UInt64, _ size: Int) {
        let first = (pa - ramBase) >> PhysicalMemory.pageShift
        let last = (pa - ramBase + UInt64(size) - 1) >> PhysicalMemory.pageShift
        var page = first
        while page <= last {
            if writeWatch[Int(page)] != 0 { writeWatchHandler?(pa, size); return }
            page += 1
        }
    }
}
