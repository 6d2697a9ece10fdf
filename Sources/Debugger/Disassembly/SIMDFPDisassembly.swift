import A64

/// The scalar floating-point rows (C4.1.90: conversions, data processing,
/// compares, immediates) as text.
extension Disassembler {
    /// ftype 00 single, 01 double, 11 half, as a scalar register's size.
    static func fpSize(_ f: InstructionFormatter) -> UInt32 {
        let ftype = f.bits(23, 22)
        return ftype == 3 ? 1 : ftype + 2
    }

    /// VFPExpandImm's value of imm8 = a:b:cd:efgh, which is
    /// (-1)^a * (16 + efgh) / 16 * 2^n with n = cd + 1 (b = 0) or cd - 3
    /// (b = 1), in LLVM's "%.8f" ("1.00000000", "-0.12500000"). The smallest
    /// step, 2^-7, is exact in 8 decimals, so integers suffice.
    static func fpImmediate(_ imm8: UInt32) -> String {
        let n = imm8 & 0x40 != 0 ? Int(imm8 >> 4 & 3) - 3 : Int(imm8 >> 4 & 3) + 1
        let scaled = (UInt64(16 + (imm8 & 0xF)) * 100_000_000) >> UInt64(4 - n)   // value * 10^8
        let fraction = String(scaled % 100_000_000)
        return (imm8 & 0x80 != 0 ? "-" : "") + "\(scaled / 100_000_000)."
            + String(repeating: "0", count: 8 - fraction.count) + fraction
    }

    /// Conversions between floating point and integer or fixed point, and
    /// FMOV (general): the general register is Rn for SCVTF, UCVTF and FMOV
    /// to SIMD&FP, else Rd.
    static func fpConversion(_ name: String, _ op: Op, fixed: Bool, _ f: inout InstructionFormatter) -> String {
        let toFP = op == .SCVTF || op == .UCVTF || op == .FMOV_fromGeneral
        let general = f.r(toFP ? f.rn : f.rd, f.sf)
        var fp = scalar(toFP ? f.rd : f.rn, fpSize(f))
        // FMOV with rmode 01 moves the upper half of a 128-bit register: V.D[1].
        if (op == .FMOV_toGeneral || op == .FMOV_fromGeneral) && f.bits(20, 19) == 1 {
            fp = element(toFP ? f.rd : f.rn, 3, 1)
        }
        let operands = toFP ? "\(fp), \(general)" : "\(general), \(fp)"
        // The fixed-point forms' scale field holds 64 - fbits.
        return "\(name)\t\(operands)" + (fixed ? ", \(imm(64 - f.bits(15, 10)))" : "")
    }

    static func fpDataProcessing1(_ name: String, _ op: Op, _ f: inout InstructionFormatter) -> String {
        let size = fpSize(f)
        if op == .FCVT_fp {
            // opc (bits 16:15) is the destination's type, coded as ftype.
            let to = f.bits(16, 15)
            return "fcvt\t\(scalar(f.rd, to == 3 ? 1 : to + 2)), \(scalar(f.rn, size))"
        }
        return "\(name)\t\(scalar(f.rd, size)), \(scalar(f.rn, size))"
    }

    /// FCMP and FCMPE (E, bit 4), with a register or with zero (Z, bit 3).
    static func fpCompare(_ f: inout InstructionFormatter) -> String {
        let size = fpSize(f)
        let second = f.bit(3) ? "#0.0" : scalar(f.rm, size)
        return (f.bit(4) ? "fcmpe\t" : "fcmp\t") + "\(scalar(f.rn, size)), \(second)"
    }
}
