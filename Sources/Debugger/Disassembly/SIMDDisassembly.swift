import A64

/// The SIMD&FP rows of `a64Encodings` as text (llvm-objdump's syntax): the
/// Advanced SIMD data-processing groups here, the scalar floating-point
/// groups in SIMDFPDisassembly.swift and the loads and stores in
/// SIMDLoadStoreDisassembly.swift. Aliases follow the ARM ARM's "preferred
/// disassembly" conditions as LLVM applies them.
extension Disassembler {
    static func simd(_ form: SIMDForm, _ row: EncodingRow, _ f: inout InstructionFormatter) -> String? {
        let name = mnemonic(row)
        switch form {
        case .threeSame(let op, let rule):
            return threeSame(name, op, rule, &f)
        case .threeDifferent(let op, _):
            return threeDifferent(name, op, &f)
        case .twoRegisterMisc(let op, let rule):
            return twoRegisterMisc(name, op, rule, &f)
        case .acrossLanes(let op, let rule):
            let size = elementSize(rule, f)
            // The long sums (SADDLV, UADDLV) give a result twice the element size.
            let wide = op == .SADDLV || op == .UADDLV
            return "\(name)\t\(scalar(f.rd, wide ? size + 1 : size)), \(vector(f.rn, size, f.bit(30)))"
        case .pairwiseScalar(_, let rule):
            let size = elementSize(rule, f)
            return "\(name)\t\(scalar(f.rd, size)), \(vector(f.rn, size, size == 3))"
        case .indexedElement(let op, let rule):
            return indexedElement(name, op, rule, &f)
        case .shiftImmediate(_, let rule):
            return shiftImmediate(name, rule, &f)
        case .copy(let op):
            return copy(op, &f)
        case .tableLookup:
            let q = f.bit(30)
            // The table registers are whole (16B) whatever the vector length.
            let table = registerList(f.rn, count: f.bits(14, 13) + 1, "16b")
            return (f.bit(12) ? "tbx\t" : "tbl\t") + "\(vector(f.rd, 0, q)), \(table), \(vector(f.rm, 0, q))"
        case .permute:
            let size = f.bits(23, 22), q = f.bit(30)
            return "\(name)\t\(vector(f.rd, size, q)), \(vector(f.rn, size, q)), \(vector(f.rm, size, q))"
        case .extract:
            let q = f.bit(30)
            return "ext\t\(vector(f.rd, 0, q)), \(vector(f.rn, 0, q)), \(vector(f.rm, 0, q)), \(imm(f.bits(14, 11)))"
        case .modifiedImmediate:
            return modifiedImmediate(&f)
        case .loadStoreMultiple:
            return loadStoreMultiple(&f)
        case .loadStoreSingle(let replicate):
            return loadStoreSingle(replicate: replicate, &f)
        case .loadStoreRegister(let form):
            return loadStoreSIMDRegister(form, &f)
        case .loadStoreRegisterOffset:
            return loadStoreSIMDRegisterOffset(&f)
        case .loadStorePair(let form):
            return loadStoreSIMDPair(form, noAllocate: row.name.hasPrefix("STNP"), &f)
        case .loadLiteral:
            let size = f.bits(31, 30) + 2
            return "ldr\t\(scalar(f.rd, size)), " + f.target(signExtend(UInt64(f.bits(23, 5)) << 2, 21))
        case .fpFixedConversion(let op):
            return fpConversion(name, op, fixed: true, &f)
        case .fpIntegerConversion(let op):
            return fpConversion(name, op, fixed: false, &f)
        case .fpDataProcessing1(let op):
            return fpDataProcessing1(name, op, &f)
        case .fpCompare:
            return fpCompare(&f)
        case .fpImmediate:
            return "fmov\t\(scalar(f.rd, fpSize(f))), #" + fpImmediate(f.bits(20, 13))
        case .fpConditionalCompare:
            let size = fpSize(f)
            return (f.bit(4) ? "fccmpe\t" : "fccmp\t") + "\(scalar(f.rn, size)), \(scalar(f.rm, size)), "
                + "\(imm(f.bits(3, 0))), \(conditionNames[Int(f.bits(15, 12))])"
        case .fpDataProcessing2:
            let size = fpSize(f)
            return "\(name)\t\(scalar(f.rd, size)), \(scalar(f.rn, size)), \(scalar(f.rm, size))"
        case .fpConditionalSelect:
            let size = fpSize(f)
            return "fcsel\t\(scalar(f.rd, size)), \(scalar(f.rn, size)), \(scalar(f.rm, size)), "
                + conditionNames[Int(f.bits(15, 12))]
        case .fpDataProcessing3:
            let size = fpSize(f)
            return "\(name)\t\(scalar(f.rd, size)), \(scalar(f.rn, size)), \(scalar(f.rm, size)), \(scalar(f.ra, size))"
        }
    }

    /// The instruction's name from its row's ("FCVTZS_fix_gen" -> "fcvtzs");
    /// the rows that hold several instructions choose theirs from the word.
    static func mnemonic(_ row: EncodingRow) -> String {
        String(row.name.prefix { $0 != "_" }).lowercased()
    }

    // MARK: operands

    /// "8b", "16b", "4h", "8h", "2s", "4s", "1d", "2d": elements of
    /// 8 << size bits filling a 64-bit (q false) or 128-bit vector.
    static func arrangement(_ size: UInt32, _ q: Bool) -> String {
        "\((q ? 16 : 8) >> size)" + elementLetter(size)
    }
    static func elementLetter(_ size: UInt32) -> String { ["b", "h", "s", "d", "q"][Int(size)] }

    /// "v3.4s".
    static func vector(_ n: UInt32, _ size: UInt32, _ q: Bool) -> String {
        "v\(n)." + arrangement(size, q)
    }
    /// A scalar register of 8 << size bits: "b3", "h3", "s3", "d3", "q3".
    static func scalar(_ n: UInt32, _ size: UInt32) -> String { elementLetter(size) + "\(n)" }
    /// One element: "v3.s[1]".
    static func element(_ n: UInt32, _ size: UInt32, _ index: UInt32) -> String {
        "v\(n)." + elementLetter(size) + "[\(index)]"
    }
    /// "{ v31.16b, v0.16b }": consecutive registers, modulo 32.
    static func registerList(_ first: UInt32, count: UInt32, _ suffix: String) -> String {
        let names = (0..<count).map { "v\((first + $0) % 32)." + suffix }
        return "{ " + names.joined(separator: ", ") + " }"
    }

    /// The Advanced SIMD scalar groups are told from the vector ones by
    /// bit 28 (01 U 1111x against 0 Q U 0111x).
    static func isScalar(_ f: InstructionFormatter) -> Bool { f.bit(28) }

    /// The element size a row's size rule reads from the word (log2 bytes).
    static func elementSize(_ rule: SizeRule, _ f: InstructionFormatter) -> UInt32 {
        switch rule {
        case .fp: return 2 + f.bits(22, 22)
        case .fpS, .fpS4: return 2
        case .fpD: return 3
        case .fpConvert: return 1 + f.bits(22, 22)
        case .bytes: return 0
        default: return f.bits(23, 22)
        }
    }

    // MARK: Advanced SIMD data processing

    static func threeSame(_ name: String, _ op: Op, _ rule: SizeRule, _ f: inout InstructionFormatter) -> String {
        let size = elementSize(rule, f)
        if isScalar(f) {
            return "\(name)\t\(scalar(f.rd, size)), \(scalar(f.rn, size)), \(scalar(f.rm, size))"
        }
        let q = f.bit(30)
        // MOV (vector) is the preferred disassembly of ORR when Rn == Rm.
        if op == .ORR_vec && f.rn == f.rm { return "mov\t\(vector(f.rd, 0, q)), \(vector(f.rn, 0, q))" }
        return "\(name)\t\(vector(f.rd, size, q)), \(vector(f.rn, size, q)), \(vector(f.rm, size, q))"
    }

    /// Long (L), wide (W) and narrowing high-half (HN) operations; the 128-bit
    /// forms read or write the upper half of the narrow vector ("2").
    static func threeDifferent(_ name: String, _ op: Op, _ f: inout InstructionFormatter) -> String {
        let size = f.bits(23, 22)
        if isScalar(f) {
            return "\(name)\t\(scalar(f.rd, size + 1)), \(scalar(f.rn, size)), \(scalar(f.rm, size))"
        }
        let q = f.bit(30)
        let wide = { (n: UInt32) in vector(n, size + 1, true) }
        let narrow = { (n: UInt32) in vector(n, size, q) }
        let operands: String
        switch op {
        case .SADDW, .UADDW, .SSUBW, .USUBW:
            operands = "\(wide(f.rd)), \(wide(f.rn)), \(narrow(f.rm))"
        case .ADDHN, .RADDHN, .SUBHN, .RSUBHN:
            operands = "\(narrow(f.rd)), \(wide(f.rn)), \(wide(f.rm))"
        default:
            operands = "\(wide(f.rd)), \(narrow(f.rn)), \(narrow(f.rm))"
        }
        return name + (q ? "2\t" : "\t") + operands
    }

    static func twoRegisterMisc(_ name: String, _ op: Op, _ rule: SizeRule, _ f: inout InstructionFormatter) -> String {
        let size = elementSize(rule, f)
        let q = f.bit(30)
        if isScalar(f) {
            switch op {
            case .SQXTN, .UQXTN, .SQXTUN:
                return "\(name)\t\(scalar(f.rd, size)), \(scalar(f.rn, size + 1))"
            case .FCVTXN:
                return "\(name)\t\(scalar(f.rd, 2)), \(scalar(f.rn, 3))"
            default:
                return "\(name)\t\(scalar(f.rd, size)), \(scalar(f.rn, size))" + zeroOperand(op)
            }
        }
        switch op {
        case .NOT:
            // MVN is NOT's preferred disassembly (always).
            return "mvn\t\(vector(f.rd, 0, q)), \(vector(f.rn, 0, q))"
        case .XTN, .SQXTN, .UQXTN, .SQXTUN, .FCVTN, .FCVTXN:
            // Narrowing: the size is the narrow elements' (FCVTXN: double to single).
            let narrow = op == .FCVTXN ? 2 : size
            return name + (q ? "2\t" : "\t") + "\(vector(f.rd, narrow, q)), \(vector(f.rn, narrow + 1, true))"
        case .FCVTL:
            return name + (q ? "2\t" : "\t") + "\(vector(f.rd, size + 1, true)), \(vector(f.rn, size, q))"
        case .SHLL:
            return name + (q ? "2\t" : "\t") + "\(vector(f.rd, size + 1, true)), \(vector(f.rn, size, q)), \(dec(8 << size))"
        case .SADDLP, .UADDLP, .SADALP, .UADALP:
            return "\(name)\t\(vector(f.rd, size + 1, q)), \(vector(f.rn, size, q))"
        default:
            return "\(name)\t\(vector(f.rd, size, q)), \(vector(f.rn, size, q))" + zeroOperand(op)
        }
    }

    /// The compares against zero name their zero: "#0", or "#0.0" for floating point.
    static func zeroOperand(_ op: Op) -> String {
        switch op {
        case .CMGT_zero, .CMGE_zero, .CMEQ_zero, .CMLE_zero, .CMLT_zero: return ", #0"
        case .FCMGT_zero, .FCMGE_zero, .FCMEQ_zero, .FCMLE_zero, .FCMLT_zero: return ", #0.0"
        default: return ""
        }
    }

    static func indexedElement(_ name: String, _ op: Op, _ rule: SizeRule, _ f: inout InstructionFormatter) -> String {
        let size = f.bits(23, 22), h = f.bits(11, 11), l = f.bits(21, 21), m = f.bits(20, 20)
        // The index is H:L:M for H elements (Vm in V0-V15), H:L for S, H for
        // D; the floating-point rows code single as size 10 and double as 11.
        let element: (size: UInt32, index: UInt32, rm: UInt32)
        switch (rule, size) {
        case (.fp, 3): element = (3, h, f.rm)
        case (_, 1): element = (1, h << 2 | l << 1 | m, f.bits(19, 16))
        default: element = (2, h << 1 | l, f.rm)
        }
        let e = element.size
        let by = self.element(element.rm, e, element.index)
        let long: Bool
        switch op {
        case .SMLAL, .UMLAL, .SMLSL, .UMLSL, .SMULL, .UMULL, .SQDMLAL, .SQDMLSL, .SQDMULL: long = true
        default: long = false
        }
        if isScalar(f) {
            return "\(name)\t\(scalar(f.rd, long ? e + 1 : e)), \(scalar(f.rn, e)), \(by)"
        }
        let q = f.bit(30)
        if long {
            return name + (q ? "2\t" : "\t") + "\(vector(f.rd, e + 1, true)), \(vector(f.rn, e, q)), \(by)"
        }
        return "\(name)\t\(vector(f.rd, e, q)), \(vector(f.rn, e, q)), \(by)"
    }

    /// The shift (or fraction bits) is coded against the element size,
    /// which is immh's highest set bit: right shifts as 2 * esize - immh:immb,
    /// left shifts as immh:immb - esize.
    static func shiftImmediate(_ name: String, _ rule: ShiftRule, _ f: inout InstructionFormatter) -> String {
        let immh = f.bits(22, 19), immhb = f.bits(22, 16)
        let size = UInt32(31 - immh.leadingZeroBitCount)        // HighestSetBit(immh)
        let esize: UInt32 = 8 << size
        let q = f.bit(30), isScalar = isScalar(f)
        switch rule {
        case .narrow:
            let amount = imm(2 * esize - immhb)
            if isScalar { return "\(name)\t\(scalar(f.rd, size)), \(scalar(f.rn, size + 1)), \(amount)" }
            return name + (q ? "2\t" : "\t") + "\(vector(f.rd, size, q)), \(vector(f.rn, size + 1, true)), \(amount)"
        case .long:
            // The ARM ARM prefers SXTL/UXTL for a shift of 0, but LLVM's
            // printer does not use those aliases (llvm-objdump: "sshll ..., #0x0").
            return name + (q ? "2\t" : "\t") + "\(vector(f.rd, size + 1, true)), \(vector(f.rn, size, q)), \(imm(immhb - esize))"
        default:
            let amount = imm(rule == .leftAny ? immhb - esize : 2 * esize - immhb)
            if isScalar { return "\(name)\t\(scalar(f.rd, size)), \(scalar(f.rn, size)), \(amount)" }
            return "\(name)\t\(vector(f.rd, size, q)), \(vector(f.rn, size, q)), \(amount)"
        }
    }

    /// DUP, SMOV, UMOV, INS: imm5's lowest set bit gives the element size,
    /// the bits above it the index.
    static func copy(_ op: Op, _ f: inout InstructionFormatter) -> String {
        let imm5 = f.bits(20, 16)
        let size = UInt32((imm5 & 0xF).trailingZeroBitCount)
        let index = imm5 >> (size + 1)
        let q = f.bit(30)
        let source = element(f.rn, size, index)
        switch op {
        case .DUP_element:
            // MOV (scalar) is always the preferred disassembly of DUP (element, scalar).
            if isScalar(f) { return "mov\t\(scalar(f.rd, size)), \(source)" }
            return "dup\t\(vector(f.rd, size, q)), \(source)"
        case .DUP_general:
            return "dup\t\(vector(f.rd, size, q)), \(f.r(f.rn, size == 3))"
        case .SMOV:
            return "smov\t\(f.r(f.rd, q)), \(source)"
        case .UMOV:
            // MOV (to general) is preferred for 32- and 64-bit elements.
            return (size >= 2 ? "mov\t" : "umov\t") + "\(f.r(f.rd, size == 3)), \(source)"
        case .INS_general:
            // MOV (from general) is always INS (general)'s preferred disassembly.
            return "mov\t\(element(f.rd, size, index)), \(f.r(f.rn, size == 3))"
        default:
            // MOV (element) likewise for INS (element); its source index is imm4 >> size.
            return "mov\t\(element(f.rd, size, index)), \(element(f.rn, size, f.bits(14, 11) >> size))"
        }
    }

    /// MOVI, MVNI, ORR, BIC (vector, immediate) and FMOV (vector, immediate),
    /// told apart by op and cmode (C4.1.90 "Advanced SIMD modified immediate").
    static func modifiedImmediate(_ f: inout InstructionFormatter) -> String {
        let op = f.bit(29), cmode = f.bits(15, 12), q = f.bit(30)
        let imm8 = f.bits(18, 16) << 5 | f.bits(9, 5)
        let rd = f.rd
        switch cmode {
        case 0b1110 where op:
            // MOVI (64-bit): each bit of imm8 a byte of ones. LLVM prints
            // it with "%#016llx", so zero has no "0x" and the width counts it.
            var value: UInt64 = 0
            for i in 0..<8 where imm8 >> UInt32(i) & 1 != 0 { value |= 0xFF << UInt64(8 * i) }
            let digits = String(value, radix: 16)
            let text = value == 0 ? String(repeating: "0", count: 16)
                : "0x" + String(repeating: "0", count: max(0, 14 - digits.count)) + digits
            return "movi\t" + (q ? vector(rd, 3, true) : scalar(rd, 3)) + ", #" + text
        case 0b1110:
            return "movi\t\(vector(rd, 0, q)), \(imm(imm8))"
        case 0b1111:
            // FMOV (vector, immediate): single, or double when op is set.
            return "fmov\t\(vector(rd, op ? 3 : 2, q)), #" + fpImmediate(imm8)
        case 0b1100, 0b1101:
            // MOVI, MVNI shifting ones in ("msl").
            return (op ? "mvni\t" : "movi\t") + "\(vector(rd, 2, q)), \(imm(imm8)), msl #\(cmode & 1 == 0 ? 8 : 16)"
        default:
            // cmode 0xxx: 32-bit elements, shifted by 0-24; 10xx: 16-bit, by 0 or 8.
            // An odd cmode is ORR or BIC, an even one MOVI or MVNI.
            let halves = cmode & 0b1000 != 0
            let amount = 8 * (cmode >> 1 & (halves ? 1 : 3))
            let name = cmode & 1 == 1 ? (op ? "bic" : "orr") : (op ? "mvni" : "movi")
            return "\(name)\t\(vector(rd, halves ? 1 : 2, q)), \(imm(imm8))" + (amount == 0 ? "" : ", lsl #\(amount)")
        }
    }
}
