import CLibDW
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The DWARF line tables of one ELF file (.debug_line), read once through
/// libdw into a sorted in-memory table: the source file and line of an
/// address (`location(of:)`, for the console and traces) and the addresses
/// of a source line (`addresses(file:line:)`, for `break FILE:LINE`).
/// Lookups are binary searches; no libdw handle outlives `init`.
public final class SourceLines {
    /// One row of the line-number matrix. `line == 0` marks code that no
    /// source line owns (compiler-generated); `end` marks the first address
    /// after a sequence, which no row covers.
    struct Row {
        var address: UInt64
        var file: UInt32
        var line: UInt32
        var isStmt: Bool
        var end: Bool
    }

    /// Every row of every line table, sorted by address; at one address the
    /// end-of-sequence rows come first and the others keep the order the
    /// line program gave them, so the last row at an address is the one
    /// that covers it.
    let rows: [Row]
    /// The source files' names as DWARF records them, directory joined to
    /// name ("/src/a64emu/guests/hypervisor/Sources/Exits.swift"); a relative
    /// name is joined to the compilation directory. `Row.file` indexes this.
    public let files: [String]

    /// Reads the line tables of the ELF file at `path`; nil if it cannot be
    /// read, is not an ELF file, or has no DWARF line table.
    public init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard let dwarf = dwarf_begin(fd, DWARF_C_READ) else { return nil }
        defer { dwarf_end(dwarf) }

        // Code ranges of the file (allocated, executable sections): line
        // sequences outside them are those of code the linker discarded,
        // which lld relocates to address 0 (or a tombstone such as ~0).
        var code: [(start: UInt64, end: UInt64)] = []
        if let elf = dwarf_getelf(dwarf) {
            var scn = elf_nextscn(elf, nil)
            while let s = scn {
                var shdr = GElf_Shdr()
                if gelf_getshdr(s, &shdr) != nil, shdr.sh_type == UInt32(SHT_PROGBITS),
                   shdr.sh_flags & UInt64(SHF_ALLOC) != 0, shdr.sh_flags & UInt64(SHF_EXECINSTR) != 0,
                   shdr.sh_size > 0 {
                    code.append((shdr.sh_addr, shdr.sh_addr &+ shdr.sh_size))
                }
                scn = elf_nextscn(elf, s)
            }
        }
        func inCode(_ a: UInt64, end: Bool) -> Bool {
            if code.isEmpty { return true }  // no section headers to judge by
            return code.contains { end ? (a > $0.start && a <= $0.end) : (a >= $0.start && a < $0.end) }
        }

        var rows: [Row] = []
        var files: [String] = []
        var fileIndex: [String: UInt32] = [:]
        var offset: Dwarf_Off = 0
        var cu: OpaquePointer? = nil
        while true {
            var next: Dwarf_Off = 0
            var lines: OpaquePointer? = nil, table: OpaquePointer? = nil
            var count = 0, fileCount = 0
            // Every line table in .debug_line, whether or not a CU names it.
            guard dwarf_next_lines(dwarf, offset, &next, &cu, &table, &fileCount, &lines, &count) == 0 else { break }
            offset = next
            guard let lines else { continue }
            // libdw joins a file's directory to its name, but leaves the
            // result relative when the directory is (swiftc writes
            // "hypervisor/Sources"): such names are relative to the
            // compilation directory, entry 0 of the table's directories.
            var compDir = ""
            if let table {
                var dirs: UnsafePointer<UnsafePointer<CChar>?>? = nil
                var dirCount = 0
                if dwarf_getsrcdirs(table, &dirs, &dirCount) == 0, dirCount > 0, let dir = dirs?[0] {
                    compDir = String(cString: dir)
                }
            }
            // File index by libdw's name pointer (one per file entry).
            var known: [UnsafePointer<CChar>: UInt32] = [:]
            // One sequence at a time, so that a sequence the linker
            // discarded goes as a whole.
            var sequence: [Row] = []
            for i in 0..<count {
                guard let line = dwarf_onesrcline(lines, i) else { continue }
                var address: Dwarf_Addr = 0
                var number: Int32 = 0
                var stmt = false, end = false
                guard dwarf_lineaddr(line, &address) == 0, dwarf_lineno(line, &number) == 0 else { continue }
                _ = dwarf_linebeginstatement(line, &stmt)
                _ = dwarf_lineendsequence(line, &end)
                guard let source = dwarf_linesrc(line, nil, nil) else { continue }
                let index: UInt32
                if let i = known[source] {
                    index = i
                } else {
                    var name = String(cString: source)
                    if !name.hasPrefix("/"), !name.hasPrefix("<"), compDir.hasPrefix("/") {
                        name = compDir + "/" + name
                    }
                    // One slash between components (libdw joins "/" and
                    // "<compiler-generated>" as "//<compiler-generated>").
                    if name.contains("//") {
                        let parts = name.split(separator: "/", omittingEmptySubsequences: true).joined(separator: "/")
                        name = name.hasPrefix("/") ? "/" + parts : parts
                    }
                    if let i = fileIndex[name] {
                        index = i
                    } else {
                        index = UInt32(files.count)
                        files.append(name)
                        fileIndex[name] = index
                    }
                    known[source] = index
                }
                sequence.append(Row(address: address, file: index, line: UInt32(clamping: max(number, 0)),
                                    isStmt: stmt, end: end))
                if end {
                    if let first = sequence.first, inCode(first.address, end: false), inCode(address, end: true) {
                        // Rows at the end address cover nothing.
                        rows += sequence.filter { $0.end || $0.address < address }
                    }
                    sequence.removeAll(keepingCapacity: true)
                }
            }
            // A sequence without its end row (a malformed table): keep rows
            // that lie in code; they cover up to the next row.
            rows += sequence.filter { inCode($0.address, end: false) }
        }
        guard !rows.isEmpty else { return nil }

        // Stable sort: by address, end rows first at an address.
        let order = rows.indices.sorted {
            let a = rows[$0], b = rows[$1]
            if a.address != b.address { return a.address < b.address }
            if a.end != b.end { return a.end }
            return $0 < $1
        }
        self.rows = order.map { rows[$0] }
        self.files = files
    }

    /// The source file and line of the instruction at `address`: the row
    /// with the largest address <= `address` in its sequence; nil before
    /// the first row, past a sequence's end, and in code without line
    /// tables. Line 0 is DWARF's "no source line" (code the compiler made:
    /// optimized Swift has many such rows, some in "/<compiler-generated>"),
    /// which a caller may show as the file alone.
    public func location(of address: UInt64) -> (file: String, line: Int)? {
        // The number of rows with address <= `address`.
        var lo = 0, hi = rows.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if rows[mid].address <= address { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0 else { return nil }
        let row = rows[lo - 1]
        guard !row.end else { return nil }
        return (files[Int(row.file)], Int(row.line))
    }

    /// The statement addresses (is_stmt rows) of `line` in `file`, sorted,
    /// each once: where `break FILE:LINE` stops. A `file` without a slash
    /// ("Exits.swift") matches the last path component of the files' names;
    /// one with a slash matches a whole name or its trailing components
    /// ("Sources/Exits.swift"). Empty when no statement starts on that line.
    public func addresses(file: String, line: Int) -> [UInt64] {
        let byName = !file.contains("/")
        let tail = file.hasPrefix("/") ? nil : "/" + file
        var wanted = Set<UInt32>()
        for (i, f) in files.enumerated()
        where byName ? shortName(f) == file : (f == file || tail.map { f.hasSuffix($0) } == true) {
            wanted.insert(UInt32(i))
        }
        guard !wanted.isEmpty, line > 0 else { return [] }
        var result: [UInt64] = []
        for row in rows where !row.end && row.isStmt && Int(row.line) == line && wanted.contains(row.file) {
            if result.last != row.address { result.append(row.address) }
        }
        return result
    }

    /// The last path component of `file` ("Exits.swift" for
    /// "/src/a64emu/guests/hypervisor/Sources/Exits.swift").
    public func shortName(_ file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return file }
        return String(file[file.index(after: slash)...])
    }
}
