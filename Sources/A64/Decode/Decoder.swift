/// Turns instruction words into `Decoded` values using `a64Encodings`.
///
/// Lookup: the rows are sorted into 2048 buckets by bits [31:21]; a word is
/// matched against the (few) rows of its bucket in table order. Decoding
/// happens once per instruction slot of the decoded-instruction cache, so this
/// need not be the fastest code in the emulator.
public enum Decoder {
    static let bucketShift: UInt32 = 21
    static let buckets: [[Int]] = {
        var b = [[Int]](repeating: [], count: 2048)
        for key in 0..<2048 {
            let keyBits = UInt32(key) << bucketShift
            for (i, row) in a64Encodings.enumerated()
            where (keyBits ^ row.value) & row.mask & 0xFFE0_0000 == 0 {
                b[key].append(i)
            }
        }
        return b
    }()

    /// The table row whose pattern matches, if any.
    public static func row(for word: UInt32) -> EncodingRow? {
        for i in buckets[Int(word >> bucketShift)] where a64Encodings[i].matches(word) {
            return a64Encodings[i]
        }
        return nil
    }

    public static func decode(_ word: UInt32) -> Decoded {
        if let row = row(for: word), let d = operands(row.form, word) { return d }
        var d = Decoded(.UNDEFINED)
        d.imm = UInt64(word)
        return d
    }
}

// MARK: field helpers

@inline(__always) func bits(_ w: UInt32, _ hi: UInt32, _ lo: UInt32) -> UInt32 {
    (w >> lo) & ((1 << (hi - lo + 1)) - 1)
}
@inline(__always) func bit(_ w: UInt32, _ n: UInt32) -> Bool { (w >> n) & 1 != 0 }

/// Sign-extends the low `width` bits of `v`.
@inline(__always) public func signExtend(_ v: UInt64, _ width: Int) -> UInt64 {
    let s = UInt64(64 - width)
    return UInt64(bitPattern: Int64(bitPattern: v << s) >> Int64(s))
}

/// Register 31 as the zero register, for a source operand.
@inline(__always) func zr(_ r: UInt32) -> UInt8 { UInt8(r) }
/// Register 31 as the zero register, for a destination.
@inline(__always) func zrDest(_ r: UInt32) -> UInt8 { r == 31 ? RegisterIndex.zeroSink : UInt8(r) }
/// Register 31 as the stack pointer (source or destination).
@inline(__always) func spReg(_ r: UInt32) -> UInt8 { r == 31 ? RegisterIndex.sp : UInt8(r) }


extension Decoder {
    /// The operands of `word` for its row's form, or nil if a field value
    /// makes it UNDEFINED (reserved or unallocated per the ARM ARM).
    static func operands(_ form: Form, _ w: UInt32) -> Decoded? {
        var d = Decoded()
        let rd = bits(w, 4, 0), rn = bits(w, 9, 5), rm = bits(w, 20, 16), ra = bits(w, 14, 10)
        let sf = bit(w, 31)
        d.sf = sf
        switch form {
        case .pcRelative(let op):
            d.op = op
            d.rd = zrDest(rd)
            let imm = signExtend(UInt64(bits(w, 23, 5) << 2 | bits(w, 30, 29)), 21)
            d.imm = op == .ADRP ? imm << 12 : imm

        case .addSubImmediate(let op, let setsFlags):
            d.op = op
            d.rd = setsFlags ? zrDest(rd) : spReg(rd)
            d.rn = spReg(rn)
            d.imm = UInt64(bits(w, 21, 10)) << (bit(w, 22) ? 12 : 0)

        case .logicalImmediate(let op, let setsFlags):
            if !sf && bit(w, 22) { return nil }
            guard let imm = decodeBitMasks(n: bits(w, 22, 22), imms: bits(w, 15, 10),
                                           immr: bits(w, 21, 16), datasize: sf ? 64 : 32) else { return nil }
            d.op = op
            d.rd = setsFlags ? zrDest(rd) : spReg(rd)
            d.rn = zr(rn)
            d.imm = imm

        case .moveWide(let op):
            let hw = bits(w, 22, 21)
            if !sf && hw >= 2 { return nil }
            d.op = op
            d.rd = zrDest(rd)
            d.a = UInt8(hw * 16)
            d.imm = UInt64(bits(w, 20, 5)) << UInt64(hw * 16)

        case .bitfield(let op):
            // N must equal sf; a 32-bit form with immr or imms >= 32 is reserved.
            if bit(w, 22) != sf { return nil }
            if !sf && (bit(w, 21) || bit(w, 15)) { return nil }
            d.op = op
            d.rd = zrDest(rd)
            d.rn = zr(rn)
            d.a = UInt8(bits(w, 21, 16))   // immr (R)
            d.b = UInt8(bits(w, 15, 10))   // imms (S)

        case .extract:
            if bit(w, 22) != sf { return nil }
            if !sf && bit(w, 15) { return nil }
            d.op = .EXTR
            d.rd = zrDest(rd); d.rn = zr(rn); d.rm = zr(rm)
            d.a = UInt8(bits(w, 15, 10))   // lsb

        case .conditionalBranch:
            d.op = .B_cond
            d.a = UInt8(bits(w, 3, 0))
            d.imm = signExtend(UInt64(bits(w, 23, 5)) << 2, 21)

        case .unconditionalImmediate(let op):
            d.op = op
            d.imm = signExtend(UInt64(bits(w, 25, 0)) << 2, 28)

        case .branchRegister(let op):
            d.op = op
            d.rn = zr(rn)

        case .compareAndBranch(let op):
            d.op = op
            d.rd = zr(rd)
            d.imm = signExtend(UInt64(bits(w, 23, 5)) << 2, 21)

        case .testAndBranch(let op):
            d.op = op
            d.rd = zr(rd)
            d.a = UInt8(bits(w, 31, 31) << 5 | bits(w, 23, 19))
            d.imm = signExtend(UInt64(bits(w, 18, 5)) << 2, 16)

        case .exceptionGeneration(let op):
            d.op = op
            d.imm = UInt64(bits(w, 20, 5))

        case .noOperands(let op):
            d.op = op

        case .hint:
            // HINT space: unallocated hints execute as NOP (C6.2.126).
            switch bits(w, 11, 5) {
            case 2: d.op = .WFE
            case 3: d.op = .WFI
            case 4: d.op = .SEV
            case 5: d.op = .SEVL
            default: d.op = .NOP
            }

        case .pstateImmediate:
            guard let field = PSTATEField(op1: bits(w, 18, 16), op2: bits(w, 7, 5)) else { return nil }
            d.op = .MSR_imm
            d.a = field.rawValue
            d.b = UInt8(bits(w, 11, 8))    // CRm: the immediate
            d.c = UInt8(bits(w, 18, 16) << 3 | bits(w, 7, 5))   // op1:op2, for a trap's syndrome

        case .systemRegisterMove(let op):
            let key = SystemRegisterKey(op0: 2 + bits(w, 19, 19), op1: bits(w, 18, 16),
                                        crn: bits(w, 15, 12), crm: bits(w, 11, 8), op2: bits(w, 7, 5))
            guard let index = SystemRegisters.index(of: key) else { return nil }
            d.op = op
            d.rd = op == .MRS ? zrDest(rd) : zr(rd)
            d.b = UInt8(rd)                // Rt as encoded, for a trap's syndrome
            d.imm = UInt64(index)

        case .systemInstruction(let op):
            let key = SystemRegisterKey(op0: 1, op1: bits(w, 18, 16),
                                        crn: bits(w, 15, 12), crm: bits(w, 11, 8), op2: bits(w, 7, 5))
            guard let index = SystemInstructions.index(of: key),
                  SystemInstructions.table[index].isSYSL == (op == .SYSL) else { return nil }
            d.op = op
            d.rd = op == .SYSL ? zrDest(rd) : zr(rd)
            d.b = UInt8(rd)
            d.imm = UInt64(index)

        case .loadStoreImmediate(let form):
            let size = bits(w, 31, 30), opc = bits(w, 23, 22)
            guard let kind = LoadStoreKind.of(size: size, opc: opc) else { return nil }
            if kind == .PRFM {
                // PRFM (immediate) / PRFUM; no prefetch form has writeback.
                guard form == .unsignedOffset || form == .unscaled else { return nil }
                d.op = .PRFM
                return d
            }
            d.rd = kind.isLoad ? zrDest(rd) : zr(rd)
            d.rn = spReg(rn)
            let mode: Int
            switch form {
            case .unsignedOffset: mode = 0; d.imm = UInt64(bits(w, 21, 10)) << UInt64(size)
            case .unscaled, .unprivileged: mode = 0; d.imm = signExtend(UInt64(bits(w, 20, 12)), 9)
            case .preIndex: mode = 1; d.imm = signExtend(UInt64(bits(w, 20, 12)), 9)
            case .postIndex: mode = 2; d.imm = signExtend(UInt64(bits(w, 20, 12)), 9)
            case .signedOffset: return nil
            }
            d.op = kind.op(mode: mode)

        case .loadStoreRegisterOffset:
            let size = bits(w, 31, 30), opc = bits(w, 23, 22), option = bits(w, 15, 13)
            guard let kind = LoadStoreKind.of(size: size, opc: opc) else { return nil }
            if option & 2 == 0 { return nil }   // UXTB/UXTH/SXTB/SXTH: reserved
            if kind == .PRFM { d.op = .PRFM; return d }
            d.rd = kind.isLoad ? zrDest(rd) : zr(rd)
            d.rn = spReg(rn)
            d.rm = zr(rm)
            d.a = UInt8(option)
            d.b = bit(w, 12) ? UInt8(size) : 0
            d.op = kind.op(mode: 3)

        case .loadLiteral:
            d.imm = signExtend(UInt64(bits(w, 23, 5)) << 2, 21)
            d.rd = zrDest(rd)
            switch bits(w, 31, 30) {
            case 0: d.op = .LDRW_lit
            case 1: d.op = .LDRX_lit
            case 2: d.op = .LDRSW_lit
            default: d.op = .PRFM
            }

        case .loadStorePair(let form, let noAllocate):
            let opc = bits(w, 31, 30), load = bit(w, 22)
            let ops: [Op]
            switch (opc, load) {
            case (0, false): ops = [.STPW_off, .STPW_pre, .STPW_post]
            case (0, true): ops = [.LDPW_off, .LDPW_pre, .LDPW_post]
            case (1, true) where !noAllocate: ops = [.LDPSW_off, .LDPSW_pre, .LDPSW_post]
            case (2, false): ops = [.STPX_off, .STPX_pre, .STPX_post]
            case (2, true): ops = [.LDPX_off, .LDPX_pre, .LDPX_post]
            default: return nil
            }
            let scale: UInt64 = opc == 2 ? 3 : 2
            d.imm = signExtend(UInt64(bits(w, 21, 15)), 7) << scale
            d.rd = load ? zrDest(rd) : zr(rd)
            d.ra = load ? zrDest(ra) : zr(ra)
            d.rn = spReg(rn)
            switch form {
            case .preIndex: d.op = ops[1]
            case .postIndex: d.op = ops[2]
            default: d.op = ops[0]
            }

        case .exclusive(let op):
            d.op = op
            d.rn = spReg(rn)
            switch op {
            case .LDXR, .STXR: d.a = UInt8(bits(w, 31, 30))
            default: d.a = bit(w, 30) ? 3 : 2    // pairs: sz selects W or X
            }
            let load = op == .LDXR || op == .LDXP
            d.rd = load ? zrDest(rd) : zr(rd)
            d.ra = load ? zrDest(ra) : zr(ra)
            d.rm = zrDest(rm)                    // Ws: the status result

        case .ordered(let op):
            d.op = op
            d.a = UInt8(bits(w, 31, 30))
            d.rn = spReg(rn)
            d.rd = op == .LDAR ? zrDest(rd) : zr(rd)

        case .compareAndSwap:
            d.op = .CAS
            d.a = UInt8(bits(w, 31, 30))
            d.rn = spReg(rn)
            d.rd = zr(rd)                    // Rt: the new value
            d.rm = zr(rm)                    // Rs: compared...
            d.c = zrDest(rm)                 // ...and receives the old value

        case .compareAndSwapPair:
            if rm & 1 != 0 || rd & 1 != 0 { return nil }
            d.op = .CASP
            d.a = bit(w, 30) ? 3 : 2
            d.rn = spReg(rn)
            d.rd = UInt8(rd)                 // Rt, Rt+1 (31 = XZR handled in execute)
            d.rm = UInt8(rm)                 // Rs, Rs+1

        case .atomicMemory:
            let o3 = bit(w, 15), opc = bits(w, 14, 12)
            d.a = UInt8(bits(w, 31, 30))
            d.rn = spReg(rn)
            d.rd = zrDest(rd)                // Rt: receives the old value
            d.rm = zr(rm)                    // Rs: the operand
            if !o3 {
                d.op = [Op.LDADD, .LDCLR, .LDEOR, .LDSET, .LDSMAX, .LDSMIN, .LDUMAX, .LDUMIN][Int(opc)]
            } else if opc == 0 {
                d.op = .SWP
            } else if opc == 4 && bit(w, 23) && !bit(w, 22) && rm == 31 {
                d.op = .LDAR                 // LDAPR (FEAT_LRCPC): ordered as LDAR here
            } else {
                return nil
            }

        case .dataProcessing2Source:
            d.rd = zrDest(rd); d.rn = zr(rn); d.rm = zr(rm)
            let opcode = bits(w, 15, 10)
            switch opcode {
            case 0b000010: d.op = .UDIV
            case 0b000011: d.op = .SDIV
            case 0b001000: d.op = .LSLV
            case 0b001001: d.op = .LSRV
            case 0b001010: d.op = .ASRV
            case 0b001011: d.op = .RORV
            case 0b010000...0b010111:
                let sz = opcode & 3
                if sf != (sz == 3) { return nil }
                d.op = opcode & 4 == 0 ? .CRC32 : .CRC32C
                d.a = UInt8(sz)
            default: return nil
            }

        case .dataProcessing1Source:
            d.rd = zrDest(rd); d.rn = zr(rn)
            switch bits(w, 15, 10) {
            case 0: d.op = .RBIT
            case 1: d.op = .REV16
            case 2: d.op = sf ? .REV32 : .REV
            case 3 where sf: d.op = .REV
            case 4: d.op = .CLZ
            case 5: d.op = .CLS
            default: return nil
            }

        case .logicalShifted:
            if !sf && bit(w, 15) { return nil }
            let ops: [Op] = [.AND_shift, .BIC_shift, .ORR_shift, .ORN_shift,
                             .EOR_shift, .EON_shift, .ANDS_shift, .BICS_shift]
            d.op = ops[Int(bits(w, 30, 29) << 1 | bits(w, 21, 21))]
            d.rd = zrDest(rd); d.rn = zr(rn); d.rm = zr(rm)
            d.a = UInt8(bits(w, 23, 22))     // shift type
            d.b = UInt8(bits(w, 15, 10))     // amount

        case .addSubShifted(let op, _):
            if bits(w, 23, 22) == 3 { return nil }
            if !sf && bit(w, 15) { return nil }
            d.op = op
            d.rd = zrDest(rd); d.rn = zr(rn); d.rm = zr(rm)
            d.a = UInt8(bits(w, 23, 22))
            d.b = UInt8(bits(w, 15, 10))

        case .addSubExtended(let op, let setsFlags):
            let imm3 = bits(w, 12, 10)
            if imm3 > 4 { return nil }
            d.op = op
            d.rd = setsFlags ? zrDest(rd) : spReg(rd)
            d.rn = spReg(rn)
            d.rm = zr(rm)
            d.a = UInt8(bits(w, 15, 13))     // option
            d.b = UInt8(imm3)

        case .addSubCarry(let op):
            d.op = op
            d.rd = zrDest(rd); d.rn = zr(rn); d.rm = zr(rm)

        case .conditionalCompare(let op, let immediate):
            d.op = op
            d.rn = zr(rn)
            d.rm = zr(rm)
            d.imm = UInt64(rm)
            d.a = UInt8(bits(w, 15, 12))
            d.b = UInt8(bits(w, 3, 0))
            d.c = immediate ? 1 : 0

        case .conditionalSelect(let op):
            d.op = op
            d.rd = zrDest(rd); d.rn = zr(rn); d.rm = zr(rm)
            d.a = UInt8(bits(w, 15, 12))

        case .simd(let f):
            return simdOperands(f, w)

        case .dataProcessing3Source:
            d.rd = zrDest(rd); d.rn = zr(rn); d.rm = zr(rm); d.ra = zr(ra)
            let o0 = bit(w, 15)
            switch bits(w, 23, 21) {
            case 0: d.op = o0 ? .MSUB : .MADD
            case 1 where sf: d.op = o0 ? .SMSUBL : .SMADDL
            case 2 where sf && !o0: d.op = .SMULH
            case 5 where sf: d.op = o0 ? .UMSUBL : .UMADDL
            case 6 where sf && !o0: d.op = .UMULH
            default: return nil
            }
        }
        return d
    }
}

/// The access of a load/store register instruction, from its size and opc
/// fields (C4.1.88, "Load/store register").
enum LoadStoreKind: Int {
    case STRB, STRH, STRW, STRX, LDRB, LDRH, LDRW, LDRX
    case LDRSBW, LDRSBX, LDRSHW, LDRSHX, LDRSW
    case PRFM

    static func of(size: UInt32, opc: UInt32) -> LoadStoreKind? {
        switch (size, opc) {
        case (0, 0): return .STRB
        case (0, 1): return .LDRB
        case (0, 2): return .LDRSBX
        case (0, 3): return .LDRSBW
        case (1, 0): return .STRH
        case (1, 1): return .LDRH
        case (1, 2): return .LDRSHX
        case (1, 3): return .LDRSHW
        case (2, 0): return .STRW
        case (2, 1): return .LDRW
        case (2, 2): return .LDRSW
        case (3, 0): return .STRX
        case (3, 1): return .LDRX
        case (3, 2): return .PRFM
        default: return nil
        }
    }

    var isLoad: Bool { rawValue >= LoadStoreKind.LDRB.rawValue }

    /// mode: 0 offset, 1 pre-index, 2 post-index, 3 register offset.
    func op(mode: Int) -> Op {
        Op(rawValue: Op.STRB_off.rawValue + UInt16(rawValue * 4 + mode))!
    }
}
