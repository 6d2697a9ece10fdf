// Reads an ELF64 file with libelf (gelf_* calls), after checking by hand every
// offset and size that libelf would follow, so that no input, however
// malformed, makes libelf or Swift read outside the file's bytes.
// Field names are those of the System V ABI, "Object Files" chapter (Ehdr,
// Phdr, Shdr, Sym); AArch64 is e_machine EM_AARCH64 = 183 (ELF for the Arm
// 64-bit Architecture, AAELF64).

import CLibElf

enum ELFReader {
    // Sizes of the ELF64 structures (System V ABI): Ehdr, Phdr, Shdr, Sym.
    static let ehdrSize = 64, phdrSize = 56, shdrSize = 64, symSize = 24

    static func parse(bytes: [UInt8], path: String) throws(ELFError) -> ELFImage {
        // e_ident (the first EI_NIDENT = 16 bytes), checked before libelf sees it.
        guard !bytes.isEmpty else { throw .emptyFile(path: path) }
        let magic: [UInt8] = [0x7F, 0x45, 0x4C, 0x46] // EI_MAG0..3 = "\x7fELF"
        guard bytes.starts(with: magic.prefix(bytes.count)) else { throw .notELF(path: path) }
        guard bytes.count > Int(EI_DATA) else { throw .truncated(path: path, what: "the ELF identification") }
        switch Int32(bytes[Int(EI_CLASS)]) {
        case ELFCLASS64: break
        case ELFCLASS32: throw .wrongClass(path: path, found: "32-bit")
        case let c: throw .wrongClass(path: path, found: "invalid class \(c)")
        }
        guard Int32(bytes[Int(EI_DATA)]) == ELFDATA2LSB else { throw .notLittleEndian(path: path) }
        guard bytes.count >= ehdrSize else { throw .truncated(path: path, what: "the ELF header") }

        // libelf reads from a private copy that lives until elf_end.
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
        defer { buffer.deallocate() }
        bytes.withUnsafeBytes { buffer.copyMemory(from: $0) }

        _ = elf_version(UInt32(EV_CURRENT))
        guard let elf = elf_memory(buffer.baseAddress!.assumingMemoryBound(to: CChar.self), bytes.count) else {
            throw .malformed(path: path, reason: libelfMessage())
        }
        defer { elf_end(elf) }
        guard elf_kind(elf) == ELF_K_ELF else { throw .notELF(path: path) }

        let file = FileBounds(size: UInt64(bytes.count), path: path)
        var ehdr = GElf_Ehdr()
        guard gelf_getehdr(elf, &ehdr) != nil else { throw .malformed(path: path, reason: libelfMessage()) }
        guard ehdr.e_machine == UInt16(EM_AARCH64) else {
            throw .wrongMachine(path: path, machine: ehdr.e_machine)
        }
        // ET_EXEC, or ET_DYN (position independent) loaded at its linked addresses.
        guard ehdr.e_type == UInt16(ET_EXEC) || ehdr.e_type == UInt16(ET_DYN) else {
            throw .unsupportedType(path: path, type: ehdr.e_type)
        }

        // Section header table (e_shoff, e_shentsize, e_shnum). With more than
        // SHN_LORESERVE sections e_shnum is 0 and section 0's sh_size holds the
        // count; with more than PN_XNUM program headers e_phnum is PN_XNUM and
        // section 0's sh_info holds it. libelf quietly reports 0 sections for a
        // table outside the file, so the counts are read and checked here.
        var sectionCount = Int(ehdr.e_shnum)
        var phnum = Int(ehdr.e_phnum)
        if ehdr.e_shoff != 0 {
            guard Int(ehdr.e_shentsize) == shdrSize else {
                throw .malformed(path: path, reason: "e_shentsize is \(ehdr.e_shentsize), not \(shdrSize)")
            }
            try file.check(offset: ehdr.e_shoff, size: UInt64(shdrSize), what: "the section header table")
            let section0 = Int(ehdr.e_shoff)
            if sectionCount == 0 { sectionCount = Int(clamping: readLE(bytes, at: section0 + 32, size: 8)) }
            if phnum == Int(PN_XNUM) { phnum = Int(readLE(bytes, at: section0 + 44, size: 4)) }
            try file.check(offset: ehdr.e_shoff, count: sectionCount, entrySize: shdrSize,
                           what: "the section header table")
        } else {
            sectionCount = 0
        }
        var libelfCount = 0
        guard elf_getshdrnum(elf, &libelfCount) == 0, libelfCount == sectionCount else {
            throw .malformed(path: path, reason: "cannot read the section header table")
        }

        // Program header table (e_phoff, e_phentsize, e_phnum).
        guard phnum > 0 else { throw .noLoadableSegment(path: path) }
        guard Int(ehdr.e_phentsize) == phdrSize else {
            throw .malformed(path: path, reason: "e_phentsize is \(ehdr.e_phentsize), not \(phdrSize)")
        }
        try file.check(offset: ehdr.e_phoff, count: phnum, entrySize: phdrSize, what: "the program header table")
        guard elf_getphdrnum(elf, &libelfCount) == 0, libelfCount == phnum else {
            throw .malformed(path: path, reason: "cannot read the program header table")
        }

        var segments: [ELFSegment] = []
        for index in 0..<phnum {
            var phdr = GElf_Phdr()
            guard gelf_getphdr(elf, Int32(index), &phdr) != nil else {
                throw .malformed(path: path, reason: libelfMessage())
            }
            guard phdr.p_type == UInt32(PT_LOAD) else { continue }
            guard phdr.p_memsz >= phdr.p_filesz else {
                throw .memorySizeBelowFileSize(path: path, address: phdr.p_paddr,
                                               memorySize: phdr.p_memsz, fileSize: phdr.p_filesz)
            }
            try file.check(offset: phdr.p_offset, size: phdr.p_filesz,
                           what: "the PT_LOAD segment at \(hex(phdr.p_paddr))")
            for (address, kind) in [(phdr.p_paddr, "physical"), (phdr.p_vaddr, "virtual")]
            where address.addingReportingOverflow(phdr.p_memsz).overflow {
                throw .malformed(path: path, reason: "the PT_LOAD segment at \(kind) address \(hex(address)) "
                                 + "of size \(hex(phdr.p_memsz)) wraps past the end of the address space")
            }
            let start = Int(phdr.p_offset), end = start + Int(phdr.p_filesz)
            segments.append(ELFSegment(physicalAddress: phdr.p_paddr, virtualAddress: phdr.p_vaddr,
                                       data: Array(bytes[start..<end]), memorySize: phdr.p_memsz,
                                       flags: phdr.p_flags))
        }
        guard !segments.isEmpty else { throw .noLoadableSegment(path: path) }
        try checkOverlap(segments, path: path)

        let symbols = try readSymbols(elf, sectionCount: sectionCount, file: file)
        return ELFImage(path: path, entry: ehdr.e_entry, segments: segments, symbols: symbols)
    }

    /// No two PT_LOAD segments may share an address, physical or virtual,
    /// over their p_memsz bytes (empty segments occupy nothing).
    static func checkOverlap(_ segments: [ELFSegment], path: String) throws(ELFError) {
        for address in [\ELFSegment.physicalAddress, \ELFSegment.virtualAddress] {
            let sorted = segments.filter { $0.memorySize > 0 }.sorted { $0[keyPath: address] < $1[keyPath: address] }
            for (a, b) in zip(sorted, sorted.dropFirst())
            where b[keyPath: address] - a[keyPath: address] < a.memorySize {
                throw .overlappingSegments(path: path, first: a[keyPath: address], second: b[keyPath: address])
            }
        }
    }

    /// Symbols of every SHT_SYMTAB section (names from its sh_link string table).
    static func readSymbols(_ elf: OpaquePointer, sectionCount: Int, file: FileBounds) throws(ELFError) -> [ELFSymbol] {
        var symbols: [ELFSymbol] = []
        for index in 0..<sectionCount {
            var shdr = GElf_Shdr()
            guard let scn = elf_getscn(elf, index), gelf_getshdr(scn, &shdr) != nil,
                  shdr.sh_type == UInt32(SHT_SYMTAB) else { continue }
            try file.check(offset: shdr.sh_offset, size: shdr.sh_size, what: "the symbol table")
            // The string table named by sh_link must be a SHT_STRTAB inside the file.
            var strtab = GElf_Shdr()
            guard shdr.sh_link < UInt32(sectionCount), let strscn = elf_getscn(elf, Int(shdr.sh_link)),
                  gelf_getshdr(strscn, &strtab) != nil, strtab.sh_type == UInt32(SHT_STRTAB) else { continue }
            try file.check(offset: strtab.sh_offset, size: strtab.sh_size, what: "the symbol string table")
            guard let data = elf_getdata(scn, nil) else { continue }
            let count = data.pointee.d_size / symSize
            for i in 0..<count {
                var sym = GElf_Sym()
                guard gelf_getsym(data, Int32(clamping: i), &sym) != nil else { break }
                let type = Int32(sym.st_info & 0xF) // ELF64_ST_TYPE
                guard sym.st_name != 0, sym.st_shndx != UInt16(SHN_UNDEF),
                      type == STT_FUNC || type == STT_OBJECT || type == STT_NOTYPE,
                      let cName = elf_strptr(elf, Int(shdr.sh_link), Int(sym.st_name)) else { continue }
                let name = String(cString: cName)
                // AAELF64 mapping symbols are "$x", "$d" and "$x.<any>" /
                // "$d.<any>"; Swift's mangled names also start with "$".
                let isMapping = name == "$x" || name == "$d" || name.hasPrefix("$x.") || name.hasPrefix("$d.")
                guard !name.isEmpty, !isMapping else { continue }
                symbols.append(ELFSymbol(name: name, value: sym.st_value, size: sym.st_size,
                                         isFunction: type == STT_FUNC))
            }
        }
        return symbols
    }

    /// The little-endian integer of `size` bytes at `offset` (already bounds-checked).
    static func readLE(_ bytes: [UInt8], at offset: Int, size: Int) -> UInt64 {
        (0..<size).reversed().reduce(0) { $0 << 8 | UInt64(bytes[offset + $1]) }
    }

    static func libelfMessage() -> String {
        guard let message = elf_errmsg(-1) else { return "libelf error" }
        return "libelf: " + String(cString: message)
    }
}

/// Overflow-safe checks that a range of file offsets lies inside the file.
struct FileBounds {
    let size: UInt64
    let path: String

    func check(offset: UInt64, size length: UInt64, what: String) throws(ELFError) {
        let (end, overflow) = offset.addingReportingOverflow(length)
        guard !overflow, end <= size else { throw .truncated(path: path, what: what) }
    }

    func check(offset: UInt64, count: Int, entrySize: Int, what: String) throws(ELFError) {
        let (length, overflow) = UInt64(count).multipliedReportingOverflow(by: UInt64(entrySize))
        guard !overflow else { throw .truncated(path: path, what: what) }
        try check(offset: offset, size: length, what: what)
    }
}
