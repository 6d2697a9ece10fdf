#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Debugger
import ELF
import A64

/// `a64emu disasm GUEST.elf [--start SYM] [--count N]`: the guest's code as
/// the interpreter decodes it, in llvm-objdump's syntax, with symbols.
/// `--words FILE` disassembles "ADDRESS WORD" lines instead (hex), which is
/// how tools/disasm_compare.py holds it against llvm-objdump.
struct Disasm: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disasm",
        abstract: "Disassemble a guest ELF's executable segments (or --words) as the decoder sees them.",
        discussion: "Exit status 0, or 2 for bad input.")

    @Argument(help: "The guest ELF.")
    var guest: String?

    @Option(name: .long, help: "Where to start: a symbol, SYMBOL+OFFSET or an address (default: each executable segment's start).")
    var start: String?

    @Option(name: .long, help: "How many instructions to print (default: to the end of the segment).")
    var count: Int?

    @Option(name: .long, help: "A file of 'ADDRESS WORD' lines (hex) to disassemble instead of an ELF; '-' for standard input.")
    var words: String?

    @Option(name: .long, help: ArgumentHelp("Disassemble N random words per decode-table row (those the decoder accepts) at address 4*i.", visibility: .hidden))
    var random: Int?

    @Option(name: .long, help: ArgumentHelp("Seed for --random.", visibility: .hidden))
    var seed: UInt64 = 1

    func validate() throws {
        if random != nil { return }
        guard (guest == nil) != (words == nil) else {
            throw ValidationError("give either a guest ELF or --words FILE")
        }
        if let count, count < 1 { throw ValidationError("--count \(count): expected a positive number") }
    }

    func run() throws {
        if let random { return disassembleRandom(perRow: random) }
        if let words { return try disassembleWords(words) }
        let image: ELFImage
        do { image = try ELFImage.load(path: guest!) } catch {
            fputs("a64emu: \(error.description)\n", stderr)
            throw ExitCode(ExitStatus.badInput)
        }
        let symbols = SymbolTable(images: [image])
        var from: UInt64? = nil
        if let start {
            guard let a = symbols.address(of: start) else {
                fputs("a64emu: --start \(start): no such symbol or address in \(guest!)\n", stderr)
                throw ExitCode(ExitStatus.badInput)
            }
            from = a
        }
        var left = count ?? Int.max
        var out = ""
        for segment in image.segments where segment.flags & 1 != 0 {
            let base = segment.virtualAddress
            let end = base + UInt64(segment.data.count)
            var a = base
            if let from {
                guard from >= base && from < end else { continue }
                a = from
            }
            a = a & ~3
            while a + 4 <= end && left > 0 {
                if let name = symbols.exactName(at: a) {
                    out += "\n\(hex16(a)) <\(name)>:\n"
                }
                let i = Int(a - base)
                let word = UInt32(segment.data[i]) | UInt32(segment.data[i + 1]) << 8
                    | UInt32(segment.data[i + 2]) << 16 | UInt32(segment.data[i + 3]) << 24
                let text = Disassembler.text(word, at: a, symbol: { symbols.describe($0) })
                out += "\(String(a, radix: 16)): \(hex8(word))\t\(text)\n"
                if out.utf8.count > 1 << 16 { fputs(out, stdout); out = "" }
                a += 4
                left -= 1
            }
        }
        fputs(out, stdout)
    }

    func disassembleWords(_ path: String) throws {
        let text: String
        if path == "-" {
            var chunks: [String] = []
            while let line = readLine(strippingNewline: false) { chunks.append(line) }
            text = chunks.joined()
        } else {
            guard let f = fopen(path, "r") else {
                fputs("a64emu: \(path): \(String(cString: strerror(errno)))\n", stderr)
                throw ExitCode(ExitStatus.badInput)
            }
            defer { fclose(f) }
            var bytes: [UInt8] = []
            var buf = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let n = fread(&buf, 1, buf.count, f)
                if n <= 0 { break }
                bytes += buf[0..<n]
            }
            text = String(decoding: bytes, as: UTF8.self)
        }
        var out = ""
        for (n, line) in text.split(separator: "\n").enumerated() {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count == 2, let a = UInt64(parts[0].replacingOccurrences(of: "0x", with: ""), radix: 16),
                  let w = UInt32(parts[1].replacingOccurrences(of: "0x", with: ""), radix: 16) else {
                fputs("a64emu: \(path):\(n + 1): expected 'ADDRESS WORD' in hex, got '\(line)'\n", stderr)
                throw ExitCode(ExitStatus.badInput)
            }
            out += "\(String(a, radix: 16)) \(hex8(w)) \(Disassembler.text(w, at: a))\n"
        }
        fputs(out, stdout)
    }
}

extension Disasm {
    /// Every row's fixed bits with random field values (SplitMix64 from
    /// --seed): the random set the disassembler is compared on, drawn from
    /// the decode table so that every encoding is covered.
    func disassembleRandom(perRow: Int) {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var out = ""
        var address: UInt64 = 0
        for row in a64Encodings {
            for _ in 0..<perRow {
                let word = row.value | (UInt32(truncatingIfNeeded: next()) & ~row.mask)
                guard Disassembler.isDefined(word) else { continue }
                out += "\(String(address, radix: 16)) \(hex8(word)) \(Disassembler.text(word, at: address))\n"
                address += 4
            }
            if out.utf8.count > 1 << 16 { fputs(out, stdout); out = "" }
        }
        fputs(out, stdout)
    }
}
