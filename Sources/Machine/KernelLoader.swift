#if canImport(Glibc)
import Glibc
#endif
import ELF
import Memory

/// The kinds of file `a64emu run` boots, told apart by content as QEMU's
/// `-kernel` does (hw/arm/boot.c): an ELF, a Linux arm64 Image (magic
/// "ARM\x64" at offset 56), or anything else as a raw binary.
public enum KernelKind: Equatable, CustomStringConvertible {
    case elf
    /// The Image header's text_offset (offset 8), image_size (16) and flags (24).
    case linuxImage(textOffset: UInt64, imageSize: UInt64, flags: UInt64)
    case raw

    public var description: String {
        switch self {
        case .elf: return "ELF"
        case .linuxImage: return "Linux arm64 Image"
        case .raw: return "raw binary"
        }
    }
}

/// Why a kernel or initrd cannot be booted: one line naming the file.
public struct BootError: Error, Equatable, CustomStringConvertible {
    /// The file concerned (nil for the device tree itself).
    public let path: String?
    public let reason: String

    public init(path: String?, reason: String) {
        self.path = path
        self.reason = reason
    }

    public init(_ e: ELFError) { self.init(path: e.path, reason: e.reason) }

    public var description: String {
        if let path { return "a64emu: \(path): \(reason)" }
        return "a64emu: \(reason)"
    }
}

/// Where the loader put everything, and what the boot CPU starts with.
public struct BootLayout: Equatable {
    public var kind: KernelKind
    /// The boot CPU's first PC.
    public var entry: UInt64
    /// The kernel's addresses: ELF segments from the lowest to the highest
    /// byte; an Image from its load address over max(image_size, file size);
    /// a raw binary over its file size.
    public var kernel: Range<UInt64>
    public var initrd: Range<UInt64>?
    /// The DTB's address and size; nil for an ELF that leaves no room below it.
    public var deviceTree: Range<UInt64>?
    /// The DTB's bytes (also when it was not placed).
    public var deviceTreeBlob: [UInt8]
    /// x0 at entry: the DTB's address for an Image or raw binary, 0 for an ELF.
    public var x0: UInt64
}

/// Loads a kernel as QEMU 7.2's `-kernel` does on `-M virt` (hw/arm/boot.c,
/// arm_setup_direct_kernel_boot and load_aarch64_image):
///
/// - an ELF at its linked (physical) addresses, started at e_entry with
///   x0 = 0. QEMU still writes the DTB at the base of RAM when the ELF's
///   lowest address leaves room for it: 1 MiB, the size of QEMU's tree (so
///   not for an ELF linked at RAM base + 0x80000, as the guests here are).
///   a64emu does the same, and x0 stays 0 as on QEMU.
/// - a Linux arm64 Image at RAM base + text_offset (when image_size is not
///   0; a text_offset below 4 KiB gets 2 MiB added, as QEMU keeps the first
///   4 KiB for its boot stub), otherwise at RAM base + 0x80000;
/// - a raw binary at RAM base + 0x80000.
///
/// For the last two the initrd goes at RAM base + min(RAM / 2, 128 MiB), or
/// after the kernel if that is higher, page aligned; the DTB at the next
/// 2 MiB boundary after the initrd (RAM base + min(RAM / 2, 128 MiB) without
/// one); the boot CPU starts at the load address with x0 = the DTB's
/// address and x1-x3 = 0. The flags' placement bit (3) needs nothing: RAM
/// base + text_offset is 2 MiB aligned plus text_offset either way.
public enum KernelLoader {
    public static let rawLoadOffset: UInt64 = 0x8_0000
    /// "ARM\x64" little-endian at offset 56 of an arm64 Image header.
    public static let imageMagic: UInt32 = 0x644D_5241
    static let imageMagicOffset = 56
    /// QEMU's BOOTLOADER_MAX_SIZE: an Image asking for less is moved up 2 MiB.
    static let bootStubSize: UInt64 = 4 << 10
    static let pageSize: UInt64 = 4 << 10
    static let deviceTreeAlignment: UInt64 = 2 << 20

    /// The kind of kernel `bytes` hold.
    public static func detect(_ bytes: [UInt8]) -> KernelKind {
        if bytes.count >= 4 && bytes[0..<4].elementsEqual([0x7F, 0x45, 0x4C, 0x46]) { return .elf }
        if bytes.count >= imageMagicOffset + 4 && le(bytes, imageMagicOffset, 4) == UInt64(imageMagic) {
            return .linuxImage(textOffset: le(bytes, 8, 8), imageSize: le(bytes, 16, 8), flags: le(bytes, 24, 8))
        }
        return .raw
    }

    /// Where everything goes, and the DTB, without touching a board.
    /// `kernel` nil lays out an empty raw kernel (`a64emu dumpdtb` without
    /// --kernel). `initrd` is the initrd's size and path.
    public static func plan(kernel: [UInt8]?, path: String, initrd: (size: UInt64, path: String)? = nil,
                            bootargs: String? = nil,
                            configuration: Board.Configuration) throws(BootError) -> (BootLayout, ELFImage?) {
        let ramBase = Board.MemoryMap.ramBase
        let ramEnd = ramBase + configuration.ramSize
        let bytes = kernel ?? []
        let kind: KernelKind = kernel == nil ? .raw : detect(bytes)
        if kernel != nil && bytes.isEmpty { throw BootError(path: path, reason: "empty file") }

        var elf: ELFImage?
        let range: Range<UInt64>
        let entry: UInt64
        switch kind {
        case .elf:
            let image: ELFImage
            do {
                image = try ELFImage.parse(bytes: bytes, path: path)
                try checkSegments(image, fitIn: [ramBase...(ramEnd - 1)])
            } catch { throw BootError(error) }
            let used = image.segments.filter { $0.memorySize > 0 }
            let low = used.map(\.physicalAddress).min() ?? ramBase
            let high = used.map { $0.physicalAddress + $0.memorySize }.max() ?? ramBase
            elf = image
            range = low..<high
            entry = image.entry
        case .linuxImage(let textOffset, let imageSize, let flags):
            if flags & 1 != 0 {
                throw BootError(path: path, reason: "big-endian Linux Image (flags bit 0): a64emu runs little-endian kernels only")
            }
            var offset = rawLoadOffset
            if imageSize != 0 {
                offset = textOffset < bootStubSize ? textOffset + (2 << 20) : textOffset
            }
            range = try place(path: path, what: "Linux Image", at: ramBase, offset: offset,
                              size: max(imageSize, UInt64(bytes.count)), ramEnd: ramEnd)
            entry = range.lowerBound
        case .raw:
            range = try place(path: path, what: "raw binary", at: ramBase, offset: rawLoadOffset,
                              size: UInt64(bytes.count), ramEnd: ramEnd)
            entry = range.lowerBound
        }

        // The initrd: after the kernel, at least min(RAM / 2, 128 MiB) up.
        let initrdStart = alignUp(max(ramBase + min(configuration.ramSize / 2, 128 << 20), range.upperBound), pageSize)
        var initrdRange: Range<UInt64>?
        if let initrd {
            guard initrdStart < ramEnd, initrd.size <= ramEnd - initrdStart else {
                throw BootError(path: initrd.path, reason:
                    "initrd of \(initrd.size) bytes does not fit in RAM at \(hex(initrdStart)) after the kernel (RAM ends at \(hex(ramEnd)); try a larger --memory)")
            }
            initrdRange = initrdStart..<(initrdStart + initrd.size)
        }

        let blob: [UInt8]
        do {
            blob = try DeviceTree.build(configuration, chosen: .init(bootargs: bootargs, initrd: initrdRange))
        } catch { throw BootError(path: nil, reason: error.description) }
        let size = UInt64(blob.count)

        var dtb: Range<UInt64>?
        var x0: UInt64 = 0
        if kind == .elf {
            // QEMU: at the base of RAM if the ELF starts above it and the
            // DTB fits below the ELF's lowest address; x0 stays 0.
            if range.lowerBound > ramBase && size <= range.lowerBound - ramBase {
                dtb = ramBase..<(ramBase + size)
            }
        } else {
            let start = alignUp(initrdStart + (initrd?.size ?? 0), deviceTreeAlignment)
            guard start < ramEnd, size <= ramEnd - start else {
                throw BootError(path: nil, reason:
                    "not enough RAM for the device tree at \(hex(start)) after the kernel and initrd (RAM ends at \(hex(ramEnd)); try a larger --memory)")
            }
            dtb = start..<(start + size)
            x0 = start
        }
        let layout = BootLayout(kind: kind, entry: entry, kernel: range, initrd: initrdRange,
                                deviceTree: dtb, deviceTreeBlob: blob, x0: x0)
        return (layout, elf)
    }

    /// Reads the kernel at `path` (and the initrd at `initrdPath`), loads
    /// them and the DTB into the board's RAM and starts the CPUs.
    @discardableResult
    public static func load(path: String, initrdPath: String? = nil, bootargs: String? = nil,
                            into board: Board) throws(BootError) -> BootLayout {
        let (kernel, initrd) = try readFiles(kernelPath: path, initrdPath: initrdPath,
                                             ramSize: board.configuration.ramSize)
        return try load(kernel: kernel!, path: path, initrd: initrd, bootargs: bootargs, into: board)
    }

    /// The layout and DTB that `load` would produce, from the files alone
    /// (`a64emu dumpdtb`); without a kernel, as for an empty raw binary.
    public static func plan(kernelPath: String?, initrdPath: String? = nil, bootargs: String? = nil,
                            configuration: Board.Configuration) throws(BootError) -> BootLayout {
        let (kernel, initrd) = try readFiles(kernelPath: kernelPath, initrdPath: initrdPath,
                                             ramSize: configuration.ramSize)
        return try plan(kernel: kernel, path: kernelPath ?? "", initrd: initrd.map { (UInt64($0.0.count), $0.1) },
                        bootargs: bootargs, configuration: configuration).0
    }

    static func readFiles(kernelPath: String?, initrdPath: String?,
                          ramSize: UInt64) throws(BootError) -> ([UInt8]?, ([UInt8], String)?) {
        var kernel: [UInt8]?
        if let kernelPath {
            // A non-ELF file larger than RAM cannot fit: refused before reading it all.
            kernel = try readFile(kernelPath, refuseAbove: ramSize) { header in
                detect(header) == .elf ? nil : "does not fit in \(ramSize >> 20) MiB of RAM (try a larger --memory)"
            }
        }
        var initrd: ([UInt8], String)?
        if let initrdPath {
            let bytes = try readFile(initrdPath, refuseAbove: ramSize) { _ in
                "does not fit in \(ramSize >> 20) MiB of RAM (try a larger --memory)"
            }
            initrd = (bytes, initrdPath)
        }
        return (kernel, initrd)
    }

    /// Loads a kernel held in memory (`path` names it in errors).
    @discardableResult
    public static func load(kernel: [UInt8], path: String, initrd: ([UInt8], String)? = nil,
                            bootargs: String? = nil, into board: Board) throws(BootError) -> BootLayout {
        let (layout, elf) = try plan(kernel: kernel, path: path,
                                     initrd: initrd.map { (UInt64($0.0.count), $0.1) },
                                     bootargs: bootargs, configuration: board.configuration)
        if let elf {
            do { try GuestLoader.load(elf, into: board) } catch { throw BootError(error) }
        } else {
            try write(kernel, at: layout.kernel.lowerBound, board, path)
            GuestLoader.start(board, entry: layout.entry)
        }
        if let initrd, let range = layout.initrd {
            try write(initrd.0, at: range.lowerBound, board, initrd.1)
        }
        if let dtb = layout.deviceTree {
            try write(layout.deviceTreeBlob, at: dtb.lowerBound, board, nil)
        }
        let boot = board.cpus[0]
        boot.setRegister(0, layout.x0)
        for n in 1...3 { boot.setRegister(n, 0) }
        return layout
    }

    static func write(_ bytes: [UInt8], at address: UInt64, _ board: Board, _ path: String?) throws(BootError) {
        do { try board.memory.writeBytes(address, bytes) } catch {
            throw BootError(path: path, reason: "\(bytes.count) bytes at \(hex(address)) lie outside the emulated RAM")
        }
    }

    static func place(path: String, what: String, at ramBase: UInt64, offset: UInt64, size: UInt64,
                      ramEnd: UInt64) throws(BootError) -> Range<UInt64> {
        let (start, overflow) = ramBase.addingReportingOverflow(offset)   // text_offset is the file's word
        guard !overflow, start < ramEnd, size <= ramEnd - start else {
            throw BootError(path: path, reason:
                "\(what) of \(size) bytes at \(hex(start)) does not fit in RAM (RAM ends at \(hex(ramEnd)); try a larger --memory)")
        }
        return start..<(start + size)
    }

    /// The whole file. When it holds more than `limit` bytes, `refuse`
    /// sees its first 64 and may return a reason to refuse it unread.
    static func readFile(_ path: String, refuseAbove limit: UInt64,
                         _ refuse: ([UInt8]) -> String?) throws(BootError) -> [UInt8] {
        func failure(_ what: String) -> BootError {
            BootError(path: path, reason: "\(what): \(String(cString: strerror(errno)))")
        }
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw failure("cannot open file") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw failure("cannot read file") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw BootError(path: path, reason: "is a directory") }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var refused = false
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw failure("cannot read file")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            // st_size says it up front for a regular file; a pipe is caught as it grows.
            let size = max(UInt64(max(st.st_size, 0)), UInt64(bytes.count))
            if !refused && size > limit && bytes.count >= min(64, Int(size)) {
                refused = true
                if let reason = refuse(Array(bytes.prefix(64))) {
                    throw BootError(path: path, reason: "file of \(size) bytes " + reason)
                }
            }
        }
        return bytes
    }

    static func le(_ b: [UInt8], _ offset: Int, _ size: Int) -> UInt64 {
        (0..<size).reversed().reduce(0) { $0 << 8 | UInt64(b[offset + $1]) }
    }

    static func alignUp(_ v: UInt64, _ alignment: UInt64) -> UInt64 {
        (v + alignment - 1) & ~(alignment - 1)
    }

    static func hex(_ v: UInt64) -> String { "0x" + String(v, radix: 16) }
}
