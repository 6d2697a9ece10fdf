import A64

/// Turns an instruction word into text in the syntax llvm-objdump prints
/// (LLVM's AArch64InstPrinter with its preferred aliases: MOV, CMP, LSL,
/// UBFX, CSET, TLBI VAE1IS, X1...), so that a user can hold a trace or the
/// console's listing against `llvm-objdump -d` of the same ELF.
///
/// It reads the decoder's own table: `Decoder.row(for:)` picks the row and
/// `Decoder.decode` says whether the word is defined; only the formatting of
/// each row's operands lives here. A word the decoder calls UNDEFINED prints
/// as `.inst 0x...` (what the interpreter would take as UNDEFINED).
public enum Disassembler {
    /// "mnemonic\toperands" (one tab, as llvm-objdump separates them), or
    /// the mnemonic alone. `symbol` names a target address for branches and
    /// literals (llvm-objdump's ` <main+0x10>`), when given.
    public static func text(_ word: UInt32, at pc: UInt64,
                            symbol: ((UInt64) -> String?)? = nil) -> String {
        guard let row = Decoder.row(for: word), Decoder.decode(word).op != .UNDEFINED else {
            return ".inst\t" + hex(UInt64(word), minDigits: 8)
        }
        var f = InstructionFormatter(word: word, pc: pc, symbol: symbol)
        if case .simd(let form) = row.form {
            return simd(form, row, &f) ?? ".inst\t" + hex(UInt64(word), minDigits: 8)
        }
        return integer(row, &f)
    }

    /// Whether the word is an instruction the decoder accepts.
    public static func isDefined(_ word: UInt32) -> Bool {
        Decoder.decode(word).op != .UNDEFINED
    }
}

/// The fields of one word and the operand spellings llvm-objdump uses.
struct InstructionFormatter {
    let w: UInt32
    let pc: UInt64
    let symbol: ((UInt64) -> String?)?

    init(word: UInt32, pc: UInt64, symbol: ((UInt64) -> String?)?) {
        self.w = word
        self.pc = pc
        self.symbol = symbol
    }

    /// Bits hi...lo of the word.
    func bits(_ hi: UInt32, _ lo: UInt32) -> UInt32 { (w >> lo) & ((1 << (hi - lo + 1)) - 1) }
    func bit(_ n: UInt32) -> Bool { (w >> n) & 1 != 0 }

    var rd: UInt32 { bits(4, 0) }
    var rn: UInt32 { bits(9, 5) }
    var rm: UInt32 { bits(20, 16) }
    var ra: UInt32 { bits(14, 10) }
    var sf: Bool { bit(31) }

    /// A general register: X or W; 31 is the stack pointer when `sp`, else
    /// the zero register.
    func r(_ n: UInt32, _ x: Bool, sp: Bool = false) -> String {
        if n == 31 { return sp ? (x ? "sp" : "wsp") : (x ? "xzr" : "wzr") }
        return (x ? "x" : "w") + String(n)
    }
    func x(_ n: UInt32, sp: Bool = false) -> String { r(n, true, sp: sp) }

    /// A branch or literal target: "0x400010 <main+0x10>".
    func target(_ offset: UInt64) -> String {
        address(pc &+ offset)
    }
    func address(_ a: UInt64) -> String {
        var s = hex(a)
        if let symbol, let name = symbol(a) { s += " <" + name + ">" }
        return s
    }
}

/// LLVM's immediate spelling: "#0x10", "#-0x10", "#0x0".
func imm(_ v: Int64) -> String {
    v < 0 ? "#-" + hex(UInt64(0) &- UInt64(bitPattern: v)) : "#" + hex(UInt64(v))
}
func imm(_ v: UInt64) -> String { "#" + hex(v) }
func imm(_ v: UInt32) -> String { "#" + hex(UInt64(v)) }
func imm(_ v: Int) -> String { imm(Int64(v)) }

/// A decimal immediate ("#13"): LLVM prints shift amounts, bitfield
/// positions and barrier numbers this way.
func dec(_ v: UInt32) -> String { "#\(v)" }

/// "0x1f": lower-case hex without leading zeros, or `minDigits` of them.
func hex(_ v: UInt64, minDigits: Int = 1) -> String {
    let s = String(v, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, minDigits - s.count)) + s
}

/// The condition names, by their encoding (C1.2.4).
let conditionNames = ["eq", "ne", "hs", "lo", "mi", "pl", "vs", "vc",
                      "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"]
