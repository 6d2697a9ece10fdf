// A tiny ELF64 writer for the tests: ELF header, program headers, segment
// bytes, then .symtab, .strtab and .shstrtab with their section headers.
// Layout (System V ABI "Object Files"):
//   [Ehdr 64][Phdr 56 x n][segment data...][symtab][strtab][shstrtab][Shdr 64 x 4]

struct ELFBuilder {
    struct Segment {
        var paddr: UInt64
        var vaddr: UInt64
        var data: [UInt8]
        var memsz: UInt64
        var flags: UInt32 = 5 // PF_R | PF_X
        var type: UInt32 = 1  // PT_LOAD
    }
    struct Symbol {
        var name: String
        var value: UInt64
        var size: UInt64
        var type: UInt8 = 2   // STT_FUNC
        var shndx: UInt16 = 1 // any defined section
    }

    var elfClass: UInt8 = 2    // ELFCLASS64
    var dataEncoding: UInt8 = 1 // ELFDATA2LSB
    var type: UInt16 = 2       // ET_EXEC
    var machine: UInt16 = 183  // EM_AARCH64
    var entry: UInt64 = 0x4008_0000
    var segments: [Segment] = []
    var symbols: [Symbol] = []

    /// A small valid AArch64 executable: code with `_start` and `main`, data with .bss.
    static func sample() -> ELFBuilder {
        var b = ELFBuilder()
        b.segments = [
            Segment(paddr: 0x4008_0000, vaddr: 0x4008_0000,
                    data: [0x00, 0x00, 0x80, 0xD2, 0x20, 0x00, 0x00, 0x94, 0xC0, 0x03, 0x5F, 0xD6], // mov x0,#0; bl; ret
                    memsz: 12, flags: 5),
            Segment(paddr: 0x4009_0000, vaddr: 0x4009_0000, data: [1, 2, 3, 4, 5, 6, 7, 8],
                    memsz: 0x1000, flags: 6),
        ]
        b.symbols = [
            Symbol(name: "_start", value: 0x4008_0000, size: 0),
            Symbol(name: "main", value: 0x4008_0004, size: 8),
            Symbol(name: "counter", value: 0x4009_0000, size: 8, type: 1), // STT_OBJECT
            Symbol(name: "$x", value: 0x4008_0000, size: 0, type: 0),       // mapping symbol: skipped
            Symbol(name: "crt0.S", value: 0, size: 0, type: 4, shndx: 0xFFF1), // STT_FILE: skipped
        ]
        return b
    }

    func build() -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 64 + 56 * segments.count)
        var segmentOffsets: [UInt64] = []
        for s in segments {
            align(&out, 8)
            segmentOffsets.append(UInt64(out.count))
            out += s.data
        }
        // .strtab and .symtab (entry 0 is the null symbol).
        var strtab: [UInt8] = [0]
        var symtab = [UInt8](repeating: 0, count: 24)
        for s in symbols {
            let nameOffset = UInt32(strtab.count)
            strtab += Array(s.name.utf8) + [0]
            var e: [UInt8] = []
            put32(&e, nameOffset)               // st_name
            e.append(s.type)                    // st_info: STB_LOCAL << 4 | type
            e.append(0)                         // st_other
            put16(&e, s.shndx)                  // st_shndx
            put64(&e, s.value)                  // st_value
            put64(&e, s.size)                   // st_size
            symtab += e
        }
        let shstrtab = Array("\0.symtab\0.strtab\0.shstrtab\0".utf8)
        align(&out, 8)
        let symtabOffset = UInt64(out.count); out += symtab
        let strtabOffset = UInt64(out.count); out += strtab
        let shstrtabOffset = UInt64(out.count); out += shstrtab
        align(&out, 8)
        let shoff = UInt64(out.count)
        // Section headers: null, .symtab (link 2), .strtab, .shstrtab.
        out += [UInt8](repeating: 0, count: 64)
        out += sectionHeader(name: 1, type: 2, offset: symtabOffset, size: UInt64(symtab.count),
                             link: 2, info: 1, align: 8, entsize: 24)
        out += sectionHeader(name: 9, type: 3, offset: strtabOffset, size: UInt64(strtab.count),
                             link: 0, info: 0, align: 1, entsize: 0)
        out += sectionHeader(name: 17, type: 3, offset: shstrtabOffset, size: UInt64(shstrtab.count),
                             link: 0, info: 0, align: 1, entsize: 0)

        // Ehdr.
        var h: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, elfClass, dataEncoding, 1 /* EV_CURRENT */, 0]
        h += [UInt8](repeating: 0, count: 8)
        put16(&h, type); put16(&h, machine); put32(&h, 1)      // e_type, e_machine, e_version
        put64(&h, entry); put64(&h, 64); put64(&h, shoff)      // e_entry, e_phoff, e_shoff
        put32(&h, 0); put16(&h, 64)                            // e_flags, e_ehsize
        put16(&h, 56); put16(&h, UInt16(segments.count))       // e_phentsize, e_phnum
        put16(&h, 64); put16(&h, 4); put16(&h, 3)              // e_shentsize, e_shnum, e_shstrndx
        out.replaceSubrange(0..<64, with: h)

        // Phdrs.
        for (i, s) in segments.enumerated() {
            var p: [UInt8] = []
            put32(&p, s.type); put32(&p, s.flags)
            put64(&p, segmentOffsets[i]); put64(&p, s.vaddr); put64(&p, s.paddr)
            put64(&p, UInt64(s.data.count)); put64(&p, s.memsz); put64(&p, 0x1000)
            out.replaceSubrange((64 + 56 * i)..<(64 + 56 * (i + 1)), with: p)
        }
        return out
    }

    private func sectionHeader(name: UInt32, type: UInt32, offset: UInt64, size: UInt64,
                               link: UInt32, info: UInt32, align: UInt64, entsize: UInt64) -> [UInt8] {
        var s: [UInt8] = []
        put32(&s, name); put32(&s, type); put64(&s, 0); put64(&s, 0) // sh_name, sh_type, sh_flags, sh_addr
        put64(&s, offset); put64(&s, size); put32(&s, link); put32(&s, info)
        put64(&s, align); put64(&s, entsize)
        return s
    }
}

// Little-endian field writers and patchers.
func put16(_ b: inout [UInt8], _ v: UInt16) { for i in 0..<2 { b.append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
func put32(_ b: inout [UInt8], _ v: UInt32) { for i in 0..<4 { b.append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
func put64(_ b: inout [UInt8], _ v: UInt64) { for i in 0..<8 { b.append(UInt8(truncatingIfNeeded: v >> (8 * i))) } }
func align(_ b: inout [UInt8], _ n: Int) { while b.count % n != 0 { b.append(0) } }
func patch64(_ b: inout [UInt8], at offset: Int, _ v: UInt64) {
    for i in 0..<8 { b[offset + i] = UInt8(truncatingIfNeeded: v >> (8 * i)) }
}
func patch16(_ b: inout [UInt8], at offset: Int, _ v: UInt16) {
    for i in 0..<2 { b[offset + i] = UInt8(truncatingIfNeeded: v >> (8 * i)) }
}

/// SplitMix64: a small seeded generator, so the fuzz test is reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
