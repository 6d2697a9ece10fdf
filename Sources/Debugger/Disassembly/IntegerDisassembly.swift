import A64

/// The general-purpose rows of `a64Encodings` as text. Aliases follow the
/// ARM ARM's "preferred disassembly" conditions (the alias pages of C6.2),
/// which are also LLVM's.
extension Disassembler {
    static func integer(_ row: EncodingRow, _ f: inout InstructionFormatter) -> String {
        let sf = f.sf
        switch row.form {
        case .pcRelative(let op):
            let imm = signExtend(UInt64(f.bits(23, 5) << 2 | f.bits(30, 29)), 21)
            if op == .ADRP {
                return "adrp\t\(f.x(f.rd)), " + f.address((f.pc & ~0xFFF) &+ (imm << 12))
            }
            return "adr\t\(f.x(f.rd)), " + f.target(imm)

        case .addSubImmediate(let op, let setsFlags):
            let shifted = f.bit(22)
            var value = imm(f.bits(21, 10))
            if shifted { value += ", lsl #12" }
            let rn = f.r(f.rn, sf, sp: true)
            let isSub = op == .SUB_imm || op == .SUBS_imm
            if setsFlags {
                if f.rd == 31 { return (isSub ? "cmp\t" : "cmn\t") + "\(rn), \(value)" }
                return (isSub ? "subs\t" : "adds\t") + "\(f.r(f.rd, sf)), \(rn), \(value)"
            }
            let rd = f.r(f.rd, sf, sp: true)
            if !isSub && !shifted && f.bits(21, 10) == 0 && (f.rd == 31 || f.rn == 31) {
                return "mov\t\(rd), \(rn)"
            }
            return (isSub ? "sub\t" : "add\t") + "\(rd), \(rn), \(value)"

        case .logicalImmediate(let op, _):
            let width = sf ? 64 : 32
            let value = decodeBitMasks(n: f.bits(22, 22), imms: f.bits(15, 10),
                                       immr: f.bits(21, 16), datasize: width) ?? 0
            let rn = f.r(f.rn, sf)
            switch op {
            case .ANDS_imm:
                if f.rd == 31 { return "tst\t\(rn), \(imm(value))" }
                return "ands\t\(f.r(f.rd, sf)), \(rn), \(imm(value))"
            case .ORR_imm where f.rn == 31 && !isAnyMoveWideAlias(value, width: width):
                return "mov\t\(f.r(f.rd, sf, sp: true)), \(imm(Int64(bitPattern: signExtend(value, width))))"
            default:
                let name = op == .AND_imm ? "and" : op == .ORR_imm ? "orr" : "eor"
                return "\(name)\t\(f.r(f.rd, sf, sp: true)), \(rn), \(imm(value))"
            }

        case .moveWide(let op):
            let shift = Int(f.bits(22, 21)) * 16
            let imm16 = UInt64(f.bits(20, 5))
            let width = sf ? 64 : 32
            let rd = f.r(f.rd, sf)
            switch op {
            case .MOVZ where isMoveWideZeroAlias(imm16 << UInt64(shift), shift: shift, width: width):
                return "mov\t\(rd), \(imm(Int64(bitPattern: signExtend(imm16 << UInt64(shift), width))))"
            case .MOVN:
                let mask: UInt64 = width == 64 ? ~0 : 0xFFFF_FFFF
                let result = ~(imm16 << UInt64(shift)) & mask
                if !isAnyMoveWideZeroAlias(result, width: width)
                    && isMoveWideZeroAlias(~result & mask, shift: shift, width: width) {
                    return "mov\t\(rd), \(imm(Int64(bitPattern: signExtend(result, width))))"
                }
            default: break
            }
            let name = op == .MOVZ ? "movz" : op == .MOVN ? "movn" : "movk"
            return "\(name)\t\(rd), \(imm(imm16))" + (shift != 0 ? ", lsl #\(shift)" : "")

        case .bitfield(let op):
            return bitfield(op, &f)

        case .extract:
            let lsb = imm(f.bits(15, 10))
            if f.rn == f.rm { return "ror\t\(f.r(f.rd, sf)), \(f.r(f.rn, sf)), \(lsb)" }
            return "extr\t\(f.r(f.rd, sf)), \(f.r(f.rn, sf)), \(f.r(f.rm, sf)), \(lsb)"

        case .conditionalBranch:
            return "b.\(conditionNames[Int(f.bits(3, 0))])\t" + f.target(signExtend(UInt64(f.bits(23, 5)) << 2, 21))
        case .unconditionalImmediate(let op):
            return (op == .BL ? "bl\t" : "b\t") + f.target(signExtend(UInt64(f.bits(25, 0)) << 2, 28))
        case .branchRegister(let op):
            switch op {
            case .BR: return "br\t\(f.x(f.rn))"
            case .BLR: return "blr\t\(f.x(f.rn))"
            default: return f.rn == 30 ? "ret" : "ret\t\(f.x(f.rn))"
            }
        case .compareAndBranch(let op):
            return (op == .CBZ ? "cbz\t" : "cbnz\t") + "\(f.r(f.rd, sf)), "
                + f.target(signExtend(UInt64(f.bits(23, 5)) << 2, 21))
        case .testAndBranch(let op):
            let b = f.bits(31, 31) << 5 | f.bits(23, 19)
            return (op == .TBZ ? "tbz\t" : "tbnz\t") + "\(f.r(f.rd, f.bit(31))), \(imm(b)), "
                + f.target(signExtend(UInt64(f.bits(18, 5)) << 2, 16))
        case .exceptionGeneration(let op):
            let name = ["SVC": "svc", "HVC": "hvc", "SMC": "smc", "BRK": "brk", "HLT": "hlt"][row.name]!
            _ = op
            // LLVM prints #0 here, not #0x0 (its exception-immediate operand).
            let value = f.bits(20, 5)
            return "\(name)\t" + (value == 0 ? "#0" : imm(value))
        case .noOperands(let op):
            return barrier(op, &f)
        case .hint:
            return hint(f.bits(11, 5))
        case .pstateImmediate:
            let name: String
            switch (f.bits(18, 16), f.bits(7, 5)) {
            case (0, 5): name = "SPSel"
            case (3, 6): name = "DAIFSet"
            default: name = "DAIFClr"
            }
            return "msr\t\(name), \(imm(f.bits(11, 8)))"
        case .systemRegisterMove(let op):
            let key = SystemRegisterKey(op0: 2 + f.bits(19, 19), op1: f.bits(18, 16),
                                        crn: f.bits(15, 12), crm: f.bits(11, 8), op2: f.bits(7, 5))
            let name = systemRegisterName(key, write: op == .MSR_reg)
            return op == .MRS ? "mrs\t\(f.x(f.rd)), \(name)" : "msr\t\(name), \(f.x(f.rd))"
        case .systemInstruction(let op):
            return systemInstruction(op, &f)

        case .loadStoreImmediate(let form):
            return loadStoreImmediate(form, &f)
        case .loadStoreRegisterOffset:
            return loadStoreRegisterOffset(&f)
        case .loadLiteral:
            let target = f.target(signExtend(UInt64(f.bits(23, 5)) << 2, 21))
            switch f.bits(31, 30) {
            case 0: return "ldr\t\(f.r(f.rd, false)), \(target)"
            case 1: return "ldr\t\(f.x(f.rd)), \(target)"
            case 2: return "ldrsw\t\(f.x(f.rd)), \(target)"
            default: return "prfm\t\(prefetchOperation(f.rd)), \(target)"
            }
        case .loadStorePair(let form, let noAllocate):
            let opc = f.bits(31, 30), load = f.bit(22)
            let x = opc == 2 || opc == 1
            var name = noAllocate ? (load ? "ldnp" : "stnp") : (load ? "ldp" : "stp")
            if opc == 1 { name = "ldpsw" }
            let scale: UInt64 = opc == 2 ? 3 : 2
            let offset = Int64(bitPattern: signExtend(UInt64(f.bits(21, 15)), 7) << scale)
            let regs = "\(name)\t\(f.r(f.rd, x)), \(f.r(f.ra, x)), "
            return regs + address(f.rn, offset, form)

        case .exclusive(let op):
            return exclusive(op, &f)
        case .ordered(let op):
            let size = f.bits(31, 30)
            let base: String
            switch (op, f.bit(15)) {
            case (.STLR, true): base = "stlr"
            case (.STLR, false): base = "stllr"
            case (_, true): base = "ldar"
            default: base = "ldlar"
            }
            return "\(base)\(sizeSuffix(size))\t\(f.r(f.rd, size == 3)), [\(f.x(f.rn, sp: true))]"
        case .compareAndSwap:
            let size = f.bits(31, 30)
            let name = "cas" + (f.bit(22) ? "a" : "") + (f.bit(15) ? "l" : "") + sizeSuffix(size)
            return "\(name)\t\(f.r(f.rm, size == 3)), \(f.r(f.rd, size == 3)), [\(f.x(f.rn, sp: true))]"
        case .compareAndSwapPair:
            let x = f.bit(30)
            let name = "casp" + (f.bit(22) ? "a" : "") + (f.bit(15) ? "l" : "")
            return "\(name)\t\(f.r(f.rm, x)), \(f.r(f.rm + 1, x)), \(f.r(f.rd, x)), \(f.r(f.rd + 1, x)), [\(f.x(f.rn, sp: true))]"
        case .atomicMemory:
            return atomic(&f)

        case .dataProcessing2Source:
            let names: [UInt32: String] = [2: "udiv", 3: "sdiv", 8: "lsl", 9: "lsr", 10: "asr", 11: "ror",
                                           16: "crc32b", 17: "crc32h", 18: "crc32w", 19: "crc32x",
                                           20: "crc32cb", 21: "crc32ch", 22: "crc32cw", 23: "crc32cx"]
            let opcode = f.bits(15, 10)
            let name = names[opcode] ?? "?"
            if opcode >= 16 {
                return "\(name)\t\(f.r(f.rd, false)), \(f.r(f.rn, false)), \(f.r(f.rm, opcode & 3 == 3))"
            }
            return "\(name)\t\(f.r(f.rd, sf)), \(f.r(f.rn, sf)), \(f.r(f.rm, sf))"
        case .dataProcessing1Source:
            let opcode = f.bits(15, 10)
            let name: String
            switch opcode {
            case 0: name = "rbit"
            case 1: name = "rev16"
            case 2: name = sf ? "rev32" : "rev"
            case 3: name = "rev"
            case 4: name = "clz"
            default: name = "cls"
            }
            return "\(name)\t\(f.r(f.rd, sf)), \(f.r(f.rn, sf))"
        case .logicalShifted:
            let opc = f.bits(30, 29), n = f.bit(21)
            let shiftText = shift(f.bits(23, 22), f.bits(15, 10))
            let rm = f.r(f.rm, sf) + shiftText
            switch (opc, n) {
            case (1, false) where f.rn == 31 && shiftText.isEmpty:
                return "mov\t\(f.r(f.rd, sf)), \(rm)"
            case (1, true) where f.rn == 31:
                return "mvn\t\(f.r(f.rd, sf)), \(rm)"
            case (3, false) where f.rd == 31:
                return "tst\t\(f.r(f.rn, sf)), \(rm)"
            default:
                let name = [["and", "bic"], ["orr", "orn"], ["eor", "eon"], ["ands", "bics"]][Int(opc)][n ? 1 : 0]
                return "\(name)\t\(f.r(f.rd, sf)), \(f.r(f.rn, sf)), \(rm)"
            }
        case .addSubShifted(let op, let setsFlags):
            let isSub = op == .SUB_shift || op == .SUBS_shift
            let rm = f.r(f.rm, sf) + shift(f.bits(23, 22), f.bits(15, 10))
            if setsFlags && f.rd == 31 {
                return (isSub ? "cmp\t" : "cmn\t") + "\(f.r(f.rn, sf)), \(rm)"
            }
            if isSub && f.rn == 31 {
                return (setsFlags ? "negs\t" : "neg\t") + "\(f.r(f.rd, sf)), \(rm)"
            }
            let name = (isSub ? "sub" : "add") + (setsFlags ? "s" : "")
            return "\(name)\t\(f.r(f.rd, sf)), \(f.r(f.rn, sf)), \(rm)"
        case .addSubExtended(let op, let setsFlags):
            let isSub = op == .SUB_ext || op == .SUBS_ext
            let option = f.bits(15, 13), amount = f.bits(12, 10)
            let rmIsX = option & 3 == 3
            var ext: String
            let usesSP = f.rn == 31 || (!setsFlags && f.rd == 31)
            if usesSP && option == (sf ? 3 : 2) {
                ext = amount == 0 ? "" : ", lsl #\(amount)"
            } else {
                ext = ", " + extendNames[Int(option)] + (amount == 0 ? "" : " #\(amount)")
            }
            let rm = f.r(f.rm, sf && rmIsX) + ext
            let rn = f.r(f.rn, sf, sp: true)
            if setsFlags && f.rd == 31 { return (isSub ? "cmp\t" : "cmn\t") + "\(rn), \(rm)" }
            let name = (isSub ? "sub" : "add") + (setsFlags ? "s" : "")
            return "\(name)\t\(f.r(f.rd, sf, sp: !setsFlags)), \(rn), \(rm)"
        case .addSubCarry(let op):
            let names: [Op: String] = [.ADC: "adc", .ADCS: "adcs", .SBC: "sbc", .SBCS: "sbcs"]
            if (op == .SBC || op == .SBCS) && f.rn == 31 {
                return (op == .SBC ? "ngc\t" : "ngcs\t") + "\(f.r(f.rd, sf)), \(f.r(f.rm, sf))"
            }
            return "\(names[op]!)\t\(f.r(f.rd, sf)), \(f.r(f.rn, sf)), \(f.r(f.rm, sf))"
        case .conditionalCompare(let op, let immediate):
            let second = immediate ? imm(f.bits(20, 16)) : f.r(f.rm, sf)
            return (op == .CCMP ? "ccmp\t" : "ccmn\t")
                + "\(f.r(f.rn, sf)), \(second), \(imm(f.bits(3, 0))), \(conditionNames[Int(f.bits(15, 12))])"
        case .conditionalSelect(let op):
            let cond = f.bits(15, 12)
            let inverted = conditionNames[Int(cond ^ 1)]
            let rd = f.r(f.rd, sf), rn = f.r(f.rn, sf), rm = f.r(f.rm, sf)
            if op != .CSEL && cond & 0xE != 0xE && f.rn == f.rm {
                if f.rn == 31 && op != .CSNEG {
                    return (op == .CSINC ? "cset\t" : "csetm\t") + "\(rd), \(inverted)"
                }
                let name = op == .CSINC ? "cinc" : op == .CSINV ? "cinv" : "cneg"
                return "\(name)\t\(rd), \(rn), \(inverted)"
            }
            let name = [Op.CSEL: "csel", .CSINC: "csinc", .CSINV: "csinv", .CSNEG: "csneg"][op]!
            return "\(name)\t\(rd), \(rn), \(rm), \(conditionNames[Int(cond)])"
        case .dataProcessing3Source:
            return threeSource(&f)
        case .simd:
            return ""
        }
    }

    static let extendNames = ["uxtb", "uxth", "uxtw", "uxtx", "sxtb", "sxth", "sxtw", "sxtx"]

    /// ", lsl #3" (LSL #0 is left out, as LLVM's printShifter does).
    static func shift(_ type: UInt32, _ amount: UInt32) -> String {
        if type == 0 && amount == 0 { return "" }
        return ", " + ["lsl", "lsr", "asr", "ror"][Int(type)] + " #\(amount)"
    }

    static func sizeSuffix(_ size: UInt32) -> String { size == 0 ? "b" : size == 1 ? "h" : "" }

    /// "[x1, #0x8]", "[x1, #0x8]!", "[x1], #0x8", "[x1]".
    static func address(_ rn: UInt32, _ offset: Int64, _ form: AddressingForm) -> String {
        let base = rn == 31 ? "sp" : "x\(rn)"
        switch form {
        case .preIndex: return "[\(base), \(imm(offset))]!"
        case .postIndex: return "[\(base)], \(imm(offset))"
        default: return offset == 0 ? "[\(base)]" : "[\(base), \(imm(offset))]"
        }
    }

    // MARK: bitfield moves (SBFM, BFM, UBFM and their aliases)

    static func bitfield(_ op: Op, _ f: inout InstructionFormatter) -> String {
        let sf = f.sf
        let size: UInt32 = sf ? 64 : 32
        let immr = f.bits(21, 16), imms = f.bits(15, 10)
        let rd = f.r(f.rd, sf), rn = f.r(f.rn, sf)
        switch op {
        case .SBFM, .UBFM:
            let signed = op == .SBFM
            if immr == 0 {
                if imms == 7 && (signed || !sf) { return (signed ? "sxtb\t" : "uxtb\t") + "\(rd), \(f.r(f.rn, false))" }
                if imms == 15 && (signed || !sf) { return (signed ? "sxth\t" : "uxth\t") + "\(rd), \(f.r(f.rn, false))" }
                if imms == 31 && signed && sf { return "sxtw\t\(rd), \(f.r(f.rn, false))" }
            }
            if imms == size - 1 { return (signed ? "asr\t" : "lsr\t") + "\(rd), \(rn), \(dec(immr))" }
            if !signed && imms + 1 == immr { return "lsl\t\(rd), \(rn), \(dec(size - 1 - imms))" }
            if imms < immr {
                return (signed ? "sbfiz\t" : "ubfiz\t") + "\(rd), \(rn), \(dec(size - immr)), \(dec(imms + 1))"
            }
            return (signed ? "sbfx\t" : "ubfx\t") + "\(rd), \(rn), \(dec(immr)), \(dec(imms - immr + 1))"
        default:
            if imms < immr {
                return "bfi\t\(rd), \(rn), \(dec(size - immr)), \(dec(imms + 1))"
            }
            return "bfxil\t\(rd), \(rn), \(dec(immr)), \(dec(imms - immr + 1))"
        }
    }

    // MARK: MOV (wide immediate) alias conditions (C6.2.224, C6.2.225)

    static func isMoveWideZeroAlias(_ value: UInt64, shift: Int, width: Int) -> Bool {
        if width == 32 && shift > 31 { return false }
        let v = width == 32 ? value & 0xFFFF_FFFF : value
        if v == 0 && shift != 0 { return false }
        return v & ~(0xFFFF << UInt64(shift)) == 0
    }
    static func isAnyMoveWideZeroAlias(_ value: UInt64, width: Int) -> Bool {
        stride(from: 0, to: width, by: 16).contains { isMoveWideZeroAlias(value, shift: $0, width: width) }
    }
    static func isAnyMoveWideAlias(_ value: UInt64, width: Int) -> Bool {
        if isAnyMoveWideZeroAlias(value, width: width) { return true }
        let inverted = width == 32 ? ~value & 0xFFFF_FFFF : ~value
        return isAnyMoveWideZeroAlias(inverted, width: width)
    }

    // MARK: hints, barriers, system instructions

    static let hintNames: [UInt32: String] = [
        0: "nop", 1: "yield", 2: "wfe", 3: "wfi", 4: "sev", 5: "sevl", 6: "dgh", 7: "xpaclri",
        8: "pacia1716", 10: "pacib1716", 12: "autia1716", 14: "autib1716",
        16: "esb", 17: "psb\tcsync", 18: "tsb\tcsync", 19: "gcsb\tdsync", 20: "csdb", 22: "clrbhb",
        24: "paciaz", 25: "paciasp", 26: "pacibz", 27: "pacibsp",
        28: "autiaz", 29: "autiasp", 30: "autibz", 31: "autibsp",
        32: "bti", 34: "bti\tc", 36: "bti\tj", 38: "bti\tjc", 39: "pacm", 40: "chkfeat\tx16",
    ]
    static func hint(_ n: UInt32) -> String { hintNames[n] ?? "hint\t\(imm(n))" }

    static let barrierOptions: [UInt32: String] = [
        1: "oshld", 2: "oshst", 3: "osh", 5: "nshld", 6: "nshst", 7: "nsh",
        9: "ishld", 10: "ishst", 11: "ish", 13: "ld", 14: "st", 15: "sy",
    ]
    static func barrier(_ op: Op, _ f: inout InstructionFormatter) -> String {
        let crm = f.bits(11, 8)
        switch op {
        case .CLREX: return crm == 15 ? "clrex" : "clrex\t\(imm(crm))"
        case .ISB: return crm == 15 ? "isb" : "isb\t\(dec(crm))"
        case .SB: return "sb"
        case .ERET: return "eret"
        case .DSB where crm == 0: return "ssbb"
        case .DSB where crm == 4: return "pssbb"
        case .DSB where crm == 12: return "dfb"
        case .DSB, .DMB:
            return (op == .DSB ? "dsb\t" : "dmb\t") + (barrierOptions[crm] ?? dec(crm))
        default: return "\(op)".lowercased()
        }
    }

    /// The name LLVM prints for a system register: the ARM ARM's name when
    /// it has one, else the generic S<op0>_<op1>_C<n>_C<m>_<op2>.
    /// A read-only register written (or a write-only one read) goes by its
    /// generic name, as LLVM's printer does.
    static func systemRegisterName(_ key: SystemRegisterKey, write: Bool) -> String {
        if let i = SystemRegisters.index(of: key) {
            let row = SystemRegisters.table[i]
            switch (row.access, write) {
            case (.readOnly, true), (.writeOnly, false): return key.description
            default: return row.name
            }
        }
        return key.description
    }

    static func systemInstruction(_ op: Op, _ f: inout InstructionFormatter) -> String {
        let key = SystemRegisterKey(op0: 1, op1: f.bits(18, 16), crn: f.bits(15, 12),
                                    crm: f.bits(11, 8), op2: f.bits(7, 5))
        if op == .SYSL {
            return "sysl\t\(f.x(f.rd)), #\(key.op1), c\(key.crn), c\(key.crm), #\(key.op2)"
        }
        guard let i = SystemInstructions.index(of: key) else { return "sys" }
        let row = SystemInstructions.table[i]
        let words = row.name.lowercased().split(separator: " ")
        let takesRegister: Bool
        switch row.operation {
        case .instructionCache(let ic): takesRegister = ic == .IVAU
        case .tlbi(let t, _, _): takesRegister = ![.VMALLE1, .ALLE1, .ALLE2, .VMALLS12E1].contains(t)
        default: takesRegister = true
        }
        // An operation without a register ignores Rt; LLVM leaves it out.
        if takesRegister { return "\(words[0])\t\(words[1]), \(f.x(f.rd))" }
        return "\(words[0])\t\(words[1])"
    }

    // MARK: loads and stores

    static func loadStoreKind(_ size: UInt32, _ opc: UInt32) -> (base: String, x: Bool)? {
        switch (size, opc) {
        case (0, 0): return ("strb", false)
        case (0, 1): return ("ldrb", false)
        case (0, 2): return ("ldrsb", true)
        case (0, 3): return ("ldrsb", false)
        case (1, 0): return ("strh", false)
        case (1, 1): return ("ldrh", false)
        case (1, 2): return ("ldrsh", true)
        case (1, 3): return ("ldrsh", false)
        case (2, 0): return ("str", false)
        case (2, 1): return ("ldr", false)
        case (2, 2): return ("ldrsw", true)
        case (3, 0): return ("str", true)
        case (3, 1): return ("ldr", true)
        case (3, 2): return ("prfm", true)
        default: return nil
        }
    }

    static func loadStoreImmediate(_ form: AddressingForm, _ f: inout InstructionFormatter) -> String {
        let size = f.bits(31, 30), opc = f.bits(23, 22)
        guard let (base, x) = loadStoreKind(size, opc) else { return "?" }
        let imm9 = Int64(bitPattern: signExtend(UInt64(f.bits(20, 12)), 9))
        var name = base
        let offset: Int64
        switch form {
        case .unsignedOffset: offset = Int64(f.bits(21, 10)) << Int64(size)
        case .unscaled:
            offset = imm9
            name = base.hasPrefix("st") ? "stur" + base.dropFirst(3) : base == "prfm" ? "prfum" : "ldur" + base.dropFirst(3)
        case .unprivileged:
            offset = imm9
            name = base.hasPrefix("st") ? "sttr" + base.dropFirst(3) : "ldtr" + base.dropFirst(3)
        default: offset = imm9
        }
        let target = base == "prfm" ? prefetchOperation(f.rd) : f.r(f.rd, x)
        return "\(name)\t\(target), " + address(f.rn, offset, form)
    }

    static func loadStoreRegisterOffset(_ f: inout InstructionFormatter) -> String {
        let size = f.bits(31, 30), opc = f.bits(23, 22), option = f.bits(15, 13)
        guard let (name, x) = loadStoreKind(size, opc) else { return "?" }
        if name == "prfm" && f.rd >> 3 == 3 {
            // RPRFM (FEAT_RPRFM), a hint in PRFM's space: rprfop is
            // option<2>:option<0>:S:Rt<2:0>.
            let op = (option >> 2) << 5 | (option & 1) << 4 | f.bits(12, 12) << 3 | (f.rd & 7)
            let names: [UInt32: String] = [0: "pldkeep", 1: "pstkeep", 4: "pldstrm", 5: "pststrm"]
            return "rprfm\t\(names[op] ?? imm(op)), \(f.x(f.rm)), [\(f.x(f.rn, sp: true))]"
        }
        let target = name == "prfm" ? prefetchOperation(f.rd) : f.r(f.rd, x)
        let index = f.r(f.rm, option & 1 == 1)
        var ext = ""
        if f.bit(12) {
            ext = ", \(option == 3 ? "lsl" : extendNames[Int(option)]) #\(size)"
        } else if option != 3 {
            ext = ", " + extendNames[Int(option)]
        }
        return "\(name)\t\(target), [\(f.x(f.rn, sp: true)), \(index)\(ext)]"
    }

    /// PRFM's <prfop>: PLD/PLI/PST, L1-L3, KEEP/STRM, else the number.
    static func prefetchOperation(_ rt: UInt32) -> String {
        let type = rt >> 3, target = (rt >> 1) & 3, policy = rt & 1
        guard type < 3 else { return imm(rt) }
        return ["pld", "pli", "pst"][Int(type)] + ["l1", "l2", "l3", "slc"][Int(target)] + (policy == 0 ? "keep" : "strm")
    }

    static func exclusive(_ op: Op, _ f: inout InstructionFormatter) -> String {
        let ordered = f.bit(15)
        let base = f.x(f.rn, sp: true)
        switch op {
        case .LDXR, .STXR:
            let size = f.bits(31, 30)
            let name = (op == .LDXR ? (ordered ? "ldaxr" : "ldxr") : (ordered ? "stlxr" : "stxr")) + sizeSuffix(size)
            if op == .LDXR { return "\(name)\t\(f.r(f.rd, size == 3)), [\(base)]" }
            return "\(name)\t\(f.r(f.rm, false)), \(f.r(f.rd, size == 3)), [\(base)]"
        default:
            let x = f.bit(30)
            if op == .LDXP {
                return (ordered ? "ldaxp\t" : "ldxp\t") + "\(f.r(f.rd, x)), \(f.r(f.ra, x)), [\(base)]"
            }
            return (ordered ? "stlxp\t" : "stxp\t") + "\(f.r(f.rm, false)), \(f.r(f.rd, x)), \(f.r(f.ra, x)), [\(base)]"
        }
    }

    static func atomic(_ f: inout InstructionFormatter) -> String {
        let size = f.bits(31, 30), acquire = f.bit(23), release = f.bit(22)
        let o3 = f.bit(15), opc = f.bits(14, 12)
        let x = size == 3
        let base = f.x(f.rn, sp: true)
        if o3 && opc == 4 { return "ldapr\(sizeSuffix(size))\t\(f.r(f.rd, x)), [\(base)]" }
        let ordering = (acquire ? "a" : "") + (release ? "l" : "")
        let op = o3 ? "swp" : ["add", "clr", "eor", "set", "smax", "smin", "umax", "umin"][Int(opc)]
        if !o3 && !acquire && f.rd == 31 {
            return "st\(op)\(release ? "l" : "")\(sizeSuffix(size))\t\(f.r(f.rm, x)), [\(base)]"
        }
        let name = (o3 ? "swp" : "ld" + op) + ordering + sizeSuffix(size)
        return "\(name)\t\(f.r(f.rm, x)), \(f.r(f.rd, x)), [\(base)]"
    }

    static func threeSource(_ f: inout InstructionFormatter) -> String {
        let sf = f.sf
        let op31 = f.bits(23, 21), o0 = f.bit(15)
        let rd = f.x(f.rd), rdW = f.r(f.rd, sf), noAcc = f.ra == 31
        switch op31 {
        case 0:
            if noAcc { return (o0 ? "mneg\t" : "mul\t") + "\(rdW), \(f.r(f.rn, sf)), \(f.r(f.rm, sf))" }
            return (o0 ? "msub\t" : "madd\t") + "\(rdW), \(f.r(f.rn, sf)), \(f.r(f.rm, sf)), \(f.r(f.ra, sf))"
        case 2: return "smulh\t\(rd), \(f.x(f.rn)), \(f.x(f.rm))"
        case 6: return "umulh\t\(rd), \(f.x(f.rn)), \(f.x(f.rm))"
        default:
            let u = op31 == 5
            let w = "\(f.r(f.rn, false)), \(f.r(f.rm, false))"
            if noAcc { return (u ? "u" : "s") + (o0 ? "mnegl\t" : "mull\t") + "\(rd), \(w)" }
            return (u ? "u" : "s") + (o0 ? "msubl\t" : "maddl\t") + "\(rd), \(w), \(f.x(f.ra))"
        }
    }
}
