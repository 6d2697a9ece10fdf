// Why a guest ELF file cannot be loaded. Every case carries the file's path, so
// that `description` is one line a user can act on:
//   a64emu: guest.elf: not an AArch64 ELF file (machine is x86-64)

public enum ELFError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file could not be opened (`reason` is strerror(errno)).
    case cannotOpen(path: String, reason: String)
    /// The file was opened but could not be read (`reason` is strerror(errno)).
    case cannotRead(path: String, reason: String)
    /// The file has no bytes at all.
    case emptyFile(path: String)
    /// e_ident[EI_MAG0..EI_MAG3] is not "\x7fELF".
    case notELF(path: String)
    /// e_ident[EI_CLASS] is not ELFCLASS64 (`found` names the class, e.g. "32-bit").
    case wrongClass(path: String, found: String)
    /// e_ident[EI_DATA] is not ELFDATA2LSB.
    case notLittleEndian(path: String)
    /// e_machine is not EM_AARCH64 (183).
    case wrongMachine(path: String, machine: UInt16)
    /// e_type is neither ET_EXEC nor ET_DYN.
    case unsupportedType(path: String, type: UInt16)
    /// A header, table or segment's file bytes extend past the end of the file.
    case truncated(path: String, what: String)
    /// Two PT_LOAD segments occupy some of the same addresses (their memsz).
    case overlappingSegments(path: String, first: UInt64, second: UInt64)
    /// A PT_LOAD segment's p_memsz is smaller than its p_filesz.
    case memorySizeBelowFileSize(path: String, address: UInt64, memorySize: UInt64, fileSize: UInt64)
    /// The file has no PT_LOAD segment.
    case noLoadableSegment(path: String)
    /// A PT_LOAD segment (physical address, memsz) lies outside every RAM range.
    case segmentOutsideMemory(path: String, address: UInt64, size: UInt64)
    /// Anything else that makes the file unreadable (bad header sizes, address
    /// wrap-around, libelf's own complaints).
    case malformed(path: String, reason: String)

    public var path: String {
        switch self {
        case .cannotOpen(let p, _), .cannotRead(let p, _), .emptyFile(let p), .notELF(let p),
             .wrongClass(let p, _), .notLittleEndian(let p), .wrongMachine(let p, _),
             .unsupportedType(let p, _), .truncated(let p, _), .overlappingSegments(let p, _, _),
             .memorySizeBelowFileSize(let p, _, _, _), .noLoadableSegment(let p),
             .segmentOutsideMemory(let p, _, _), .malformed(let p, _):
            return p
        }
    }

    /// The reason alone, without the "a64emu: path: " prefix.
    public var reason: String {
        switch self {
        case .cannotOpen(_, let r): return "cannot open file: \(r)"
        case .cannotRead(_, let r): return "cannot read file: \(r)"
        case .emptyFile: return "empty file"
        case .notELF: return "not an ELF file"
        case .wrongClass(_, let c): return "not a 64-bit ELF file (class is \(c))"
        case .notLittleEndian: return "not a little-endian ELF file"
        case .wrongMachine(_, let m): return "not an AArch64 ELF file (machine is \(elfMachineName(m)))"
        case .unsupportedType(_, let t):
            return "unsupported ELF type \(elfTypeName(t)); only executables (ET_EXEC, ET_DYN) can be loaded"
        case .truncated(_, let w): return "truncated file: \(w) extends past the end of the file"
        case .overlappingSegments(_, let a, let b):
            return "PT_LOAD segments at \(hex(a)) and \(hex(b)) overlap"
        case .memorySizeBelowFileSize(_, let a, let m, let f):
            return "PT_LOAD segment at \(hex(a)) has p_memsz \(hex(m)) smaller than p_filesz \(hex(f))"
        case .noLoadableSegment: return "no loadable (PT_LOAD) segment"
        case .segmentOutsideMemory(_, let a, let s):
            return "PT_LOAD segment at \(hex(a)) of size \(hex(s)) lies outside the emulated RAM"
        case .malformed(_, let r): return "malformed ELF file: \(r)"
        }
    }

    public var description: String { "a64emu: \(path): \(reason)" }
}

func hex(_ v: UInt64) -> String { "0x" + String(v, radix: 16) }

/// A readable name for an e_machine value (System V ABI, "Machine" table).
func elfMachineName(_ machine: UInt16) -> String {
    switch machine {
    case 0: return "none"
    case 2: return "SPARC"
    case 3: return "x86"
    case 8: return "MIPS"
    case 20: return "PowerPC"
    case 21: return "PowerPC64"
    case 22: return "S/390"
    case 40: return "32-bit Arm"
    case 43: return "SPARC V9"
    case 50: return "IA-64"
    case 62: return "x86-64"
    case 183: return "AArch64"
    case 243: return "RISC-V"
    case 247: return "BPF"
    case 258: return "LoongArch"
    default: return "unknown machine \(machine)"
    }
}

/// A readable name for an e_type value.
func elfTypeName(_ type: UInt16) -> String {
    switch type {
    case 0: return "ET_NONE"
    case 1: return "ET_REL (relocatable object)"
    case 2: return "ET_EXEC"
    case 3: return "ET_DYN"
    case 4: return "ET_CORE (core dump)"
    default: return "\(type)"
    }
}
