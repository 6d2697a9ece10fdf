// A guest program as the loader and the debugger need it: entry point, the
// PT_LOAD segments to copy into RAM, and the symbols. Read by `ELFReader.swift`.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One PT_LOAD program header (ELF64 Phdr) with its file bytes.
public struct ELFSegment: Equatable, Sendable {
    /// p_paddr: where the loader places the segment in the physical address space.
    public let physicalAddress: UInt64
    /// p_vaddr: the address the program was linked to run at.
    public let virtualAddress: UInt64
    /// The p_filesz bytes at p_offset in the file.
    public let data: [UInt8]
    /// p_memsz (>= p_filesz): the bytes past `data` are zero (.bss).
    public let memorySize: UInt64
    /// p_flags: PF_X = 1, PF_W = 2, PF_R = 4.
    public let flags: UInt32

    public init(physicalAddress: UInt64, virtualAddress: UInt64, data: [UInt8], memorySize: UInt64, flags: UInt32) {
        self.physicalAddress = physicalAddress
        self.virtualAddress = virtualAddress
        self.data = data
        self.memorySize = memorySize
        self.flags = flags
    }
}

/// One named symbol from a SHT_SYMTAB section (ELF64 Sym).
public struct ELFSymbol: Equatable, Sendable {
    public let name: String
    /// st_value: the symbol's (virtual) address in an executable.
    public let value: UInt64
    /// st_size (0 for an assembly label without `.size`).
    public let size: UInt64
    /// ELF64_ST_TYPE(st_info) == STT_FUNC.
    public let isFunction: Bool

    public init(name: String, value: UInt64, size: UInt64, isFunction: Bool) {
        self.name = name
        self.value = value
        self.size = size
        self.isFunction = isFunction
    }
}

public struct ELFImage: Sendable {
    public let path: String
    /// e_entry.
    public let entry: UInt64
    /// The PT_LOAD segments, in program-header order.
    public let segments: [ELFSegment]
    /// Defined function, object and untyped symbols, sorted by value then name
    /// (section, file and AArch64 mapping symbols `$x`/`$d` are left out).
    public let symbols: [ELFSymbol]
    /// coverEnd[i] = the largest value + size among symbols[0...i], so that a
    /// lookup can stop walking back once no earlier symbol can cover an address.
    private let coverEnd: [UInt64]

    public init(path: String, entry: UInt64, segments: [ELFSegment], symbols: [ELFSymbol]) {
        self.path = path
        self.entry = entry
        self.segments = segments
        let sorted = symbols.sorted { ($0.value, $0.name) < ($1.value, $1.name) }
        self.symbols = sorted
        var ends: [UInt64] = []
        ends.reserveCapacity(sorted.count)
        var maxEnd: UInt64 = 0
        for s in sorted {
            let (end, overflow) = s.value.addingReportingOverflow(s.size)
            maxEnd = max(maxEnd, overflow ? .max : end)
            ends.append(maxEnd)
        }
        self.coverEnd = ends
    }

    /// Reads and parses the file at `path`.
    public static func load(path: String) throws(ELFError) -> ELFImage {
        try parse(bytes: readFile(path), path: path)
    }

    /// Parses an ELF file held in memory; `path` names it in errors.
    public static func parse(bytes: [UInt8], path: String) throws(ELFError) -> ELFImage {
        try ELFReader.parse(bytes: bytes, path: path)
    }

    /// The first symbol called `name` (by address order), if any.
    public func symbol(named name: String) -> ELFSymbol? {
        symbols.first { $0.name == name }
    }

    /// The symbol that contains `address` (value <= address < value + size),
    /// the innermost one if several do, and the offset into it. An address
    /// that no sized symbol contains is attributed to the nearest symbol
    /// below it only if that one has size 0 (an assembly label).
    public func symbolize(_ address: UInt64) -> (name: String, offset: UInt64)? {
        // The last symbol whose value is <= address (binary search).
        var lo = 0, hi = symbols.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if symbols[mid].value <= address { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let nearest = symbols[lo - 1]
        var i = lo - 1
        while i >= 0 && coverEnd[i] > address {
            let s = symbols[i]
            if s.size > 0 && address - s.value < s.size {
                return (s.name, address - s.value)
            }
            i -= 1
        }
        if nearest.size == 0 { return (nearest.name, address - nearest.value) }
        return nil
    }
}

/// Checks that every PT_LOAD segment, from its physical address over p_memsz
/// bytes, lies inside one of `ranges` (the machine's RAM).
public func checkSegments(_ image: ELFImage, fitIn ranges: [ClosedRange<UInt64>]) throws(ELFError) {
    for s in image.segments where s.memorySize > 0 {
        let (last, overflow) = s.physicalAddress.addingReportingOverflow(s.memorySize - 1)
        let fits = !overflow && ranges.contains { $0.contains(s.physicalAddress) && $0.contains(last) }
        if !fits {
            throw .segmentOutsideMemory(path: image.path, address: s.physicalAddress, size: s.memorySize)
        }
    }
}

/// The whole file, with errno's explanation when it cannot be read.
private func readFile(_ path: String) throws(ELFError) -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 {
            if errno == EINTR { continue }
            throw .cannotRead(path: path, reason: String(cString: strerror(errno)))
        }
        if n == 0 { break }
        bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
}
