/// Operands of the SIMD&FP rows (`fpSIMDEncodings`): the decode half of
/// each instruction's pseudocode, including its reserved-value checks
/// (which make the word UNDEFINED). Field conventions: see `Op.firstFPSIMD`.
extension Decoder {
    static func simdOperands(_ form: SIMDForm, _ w: UInt32) -> Decoded? {
        var d = Decoded()
        let rd = bits(w, 4, 0), rn = bits(w, 9, 5), rm = bits(w, 20, 16)
        let q = bit(w, 30)
        // The Advanced SIMD scalar groups: bits 31:30 = 01 and 28:25 = 1111
        // (the loads and stores have 0 Q there and bit 25 = 0).
        let scalar = bits(w, 31, 30) == 1 && bits(w, 28, 25) == 0xF
        d.rd = UInt8(rd); d.rn = UInt8(rn); d.rm = UInt8(rm)
        d.sf = q
        if scalar { d.c = SIMDFlags.scalar }
        /// Elements of `a`-sized lanes in the operation's vector.
        func lanes(_ a: UInt8) -> UInt8 { scalar ? 1 : UInt8((q ? 16 : 8) >> Int(a)) }
        /// Half as many: the narrow side of a widening or narrowing operation.
        func halfLanes(_ a: UInt8) -> UInt8 { scalar ? 1 : UInt8(8 >> Int(a)) }

        switch form {
        case .threeSame(let op, let rule):
            guard let a = elementSize(rule, w, scalar: scalar) else { return nil }
            d.op = op; d.a = a; d.b = lanes(a)

        case .threeDifferent(let op, let rule):
            guard let a = elementSize(rule, w, scalar: scalar) else { return nil }
            d.op = op; d.a = a; d.b = halfLanes(a)
            if q && !scalar { d.c |= SIMDFlags.upper }

        case .twoRegisterMisc(let op, let rule):
            guard let a = elementSize(rule, w, scalar: scalar) else { return nil }
            d.op = op; d.a = a
            switch op {
            case .XTN, .SQXTN, .UQXTN, .SQXTUN, .SHLL, .FCVTN, .FCVTL, .FCVTXN:
                // a = the narrow elements' size; FCVTXN narrows double to single.
                if op == .FCVTXN { d.a = 2 }
                d.b = halfLanes(d.a)
                if q && !scalar { d.c |= SIMDFlags.upper }
            default:
                d.b = lanes(a)
            }

        case .acrossLanes(let op, let rule):
            guard let a = elementSize(rule, w, scalar: false) else { return nil }
            // A 64-bit vector of S elements has too few lanes (reserved).
            if a == 2 && !q { return nil }
            d.op = op; d.a = a; d.b = lanes(a)

        case .pairwiseScalar(let op, let rule):
            guard let a = elementSize(rule, w, scalar: true) else { return nil }
            d.op = op; d.a = a; d.b = 2

        case .indexedElement(let op, let rule):
            let size = bits(w, 23, 22), h = bits(w, 11, 11), l = bits(w, 21, 21), m = bits(w, 20, 20)
            let index: UInt32, a: UInt8
            switch rule {
            case .fp:
                // size 10: single (index H:L, Vm M:Rm), 11: double (index H).
                if size & 2 == 0 { return nil }
                if size == 3 {
                    if l == 1 || (!q && !scalar) { return nil }
                    index = h; a = 3
                } else {
                    index = h << 1 | l; a = 2
                }
                d.rm = UInt8(m << 4 | bits(w, 19, 16))
            default:
                // size 01: H elements, index H:L:M and Vm in V0-V15; 10: S, H:L.
                if size == 1 {
                    index = h << 2 | l << 1 | m; a = 1
                    d.rm = UInt8(bits(w, 19, 16))
                } else if size == 2 {
                    index = h << 1 | l; a = 2
                    d.rm = UInt8(m << 4 | bits(w, 19, 16))
                } else {
                    return nil
                }
            }
            d.op = op; d.a = a; d.imm = UInt64(index)
            d.c |= SIMDFlags.byElement
            switch op {
            case .SMLAL, .UMLAL, .SMLSL, .UMLSL, .SMULL, .UMULL, .SQDMLAL, .SQDMLSL, .SQDMULL:
                d.b = halfLanes(a)
                if q && !scalar { d.c |= SIMDFlags.upper }
            default:
                d.b = lanes(a)
            }

        case .shiftImmediate(let op, let rule):
            let immh = bits(w, 22, 19), immhb = bits(w, 22, 16)
            if immh == 0 { return nil }
            let e = UInt8(31 - UInt32(immh).leadingZeroBitCount)      // HighestSetBit(immh)
            let esize = UInt32(8) << e
            switch rule {
            case .rightAny, .leftAny:
                if e == 3 && !q && !scalar { return nil }
                // The scalar forms other than the saturating left shifts are D only.
                if scalar && e != 3 && !(op == .SQSHL_imm || op == .UQSHL_imm || op == .SQSHLU) { return nil }
                d.a = e; d.b = lanes(e)
                d.imm = UInt64(rule == .rightAny ? 2 * esize - immhb : immhb - esize)
            case .narrow:
                if e == 3 { return nil }
                d.a = e; d.b = halfLanes(e)
                d.imm = UInt64(2 * esize - immhb)
                if q && !scalar { d.c |= SIMDFlags.upper }
            case .long:
                if e == 3 || scalar { return nil }
                d.a = e; d.b = halfLanes(e)
                d.imm = UInt64(immhb - esize)
                if q && !scalar { d.c |= SIMDFlags.upper }
            case .fpConvert:
                // immh 001x would be half precision (FEAT_FP16), 0001 is reserved.
                if e < 2 || (e == 3 && !q && !scalar) { return nil }
                d.a = e; d.b = lanes(e)
                d.imm = UInt64(2 * esize - immhb)          // fracbits
            }
            d.op = op

        case .copy(let op):
            let imm5 = bits(w, 20, 16)
            if imm5 & 0xF == 0 { return nil }
            let size = UInt8((imm5 & 0xF).trailingZeroBitCount)
            let index = UInt64(imm5 >> (UInt32(size) + 1))
            d.op = op; d.a = size; d.imm = index
            switch op {
            case .DUP_element:
                if size == 3 && !q && !scalar { return nil }
                d.b = lanes(size)
            case .DUP_general:
                if size == 3 && !q { return nil }
                d.b = lanes(size)
                d.rn = zr(rn)
            case .SMOV:
                if size > (q ? 2 : 1) { return nil }
                d.rd = zrDest(rd)
            case .UMOV:
                if q ? size != 3 : size == 3 { return nil }
                d.rd = zrDest(rd)
            case .INS_general:
                d.rn = zr(rn)
            default:    // INS (element): imm = destination index | source index << 8
                d.imm = index | UInt64(bits(w, 14, 11) >> UInt32(size)) << 8
            }

        case .tableLookup:
            d.op = bit(w, 12) ? .TBX : .TBL
            d.a = 0; d.b = lanes(0)
            d.imm = UInt64(bits(w, 14, 13) + 1)        // table registers

        case .permute(let op):
            let size = UInt8(bits(w, 23, 22))
            if size == 3 && !q { return nil }
            d.op = op; d.a = size; d.b = lanes(size)

        case .extract:
            let index = bits(w, 14, 11)
            if !q && index >= 8 { return nil }
            d.op = .EXT; d.a = 0; d.b = lanes(0); d.imm = UInt64(index)

        case .modifiedImmediate:
            let op = bit(w, 29), cmode = bits(w, 15, 12)
            let imm8 = UInt64(bits(w, 18, 16) << 5 | bits(w, 9, 5))
            if op && cmode == 0xF && !q { return nil }
            guard let imm = advSIMDExpandImm(op: op, cmode: cmode, imm8: imm8) else { return nil }
            d.a = 3; d.b = q ? 2 : 1
            if cmode < 0xC && cmode & 1 == 1 {         // ORR, BIC: cmode 0xx1, 10x1
                d.op = op ? .BIC_vecimm : .ORR_vecimm
                d.imm = imm
            } else {
                // MOVI; MVNI is the inverted immediate; FMOV (vector) and
                // MOVI (64-bit) use the immediate as it is.
                let inverted = op && cmode < 0xE
                d.op = .MOVI
                d.imm = inverted ? ~imm : imm
            }

        case .loadStoreMultiple:
            let opcode = bits(w, 15, 12), size = UInt8(bits(w, 11, 10))
            let (rpt, selem): (UInt64, UInt64)
            switch opcode {
            case 0b0000: (rpt, selem) = (1, 4)
            case 0b0010: (rpt, selem) = (4, 1)
            case 0b0100: (rpt, selem) = (1, 3)
            case 0b0110: (rpt, selem) = (3, 1)
            case 0b0111: (rpt, selem) = (1, 1)
            case 0b1000: (rpt, selem) = (1, 2)
            case 0b1010: (rpt, selem) = (2, 1)
            default: return nil
            }
            if size == 3 && !q && selem != 1 { return nil }
            d.op = bit(w, 22) ? .LDn_multiple : .STn_multiple
            d.a = size; d.b = lanes(size)
            d.rn = spReg(rn)
            d.imm = selem | rpt << 4
            if bit(w, 23) { d.c = SIMDFlags.postIndex }

        case .loadStoreSingle(let replicate):
            let opcode = bits(w, 15, 13), s = bits(w, 12, 12), size = bits(w, 11, 10)
            let selem = UInt64((opcode & 1) << 1 | bits(w, 21, 21)) + 1
            let qb = q ? UInt32(1) : 0
            var scale = opcode >> 1
            var index: UInt32 = 0
            if replicate {
                scale = size
                d.op = .LDnR
            } else {
                switch scale {
                case 0: index = qb << 3 | s << 2 | size
                case 1:
                    if size & 1 != 0 { return nil }
                    index = qb << 2 | s << 1 | size >> 1
                case 2:
                    if size & 2 != 0 { return nil }
                    if size & 1 == 0 { index = qb << 1 | s } else {
                        if s != 0 { return nil }
                        index = qb; scale = 3
                    }
                default: return nil     // 11x with L = 0, or S = 1: unallocated
                }
                d.op = bit(w, 22) ? .LDn_single : .STn_single
            }
            d.a = UInt8(scale); d.b = lanes(UInt8(scale))
            d.rn = spReg(rn)
            d.imm = selem | UInt64(index) << 8
            if bit(w, 23) { d.c = SIMDFlags.postIndex }

        case .loadStoreRegister(let form):
            let size = bits(w, 31, 30), opc = bits(w, 23, 22)
            let scale = (opc & 2) << 1 | size
            if scale > 4 { return nil }
            let load = opc & 1 != 0
            d.a = UInt8(scale)
            d.rn = spReg(rn)
            switch form {
            case .unsignedOffset:
                d.imm = UInt64(bits(w, 21, 10)) << UInt64(scale)
                d.op = load ? .LDRV_off : .STRV_off
            case .unscaled:
                d.imm = signExtend(UInt64(bits(w, 20, 12)), 9)
                d.op = load ? .LDRV_off : .STRV_off
            case .preIndex:
                d.imm = signExtend(UInt64(bits(w, 20, 12)), 9)
                d.op = load ? .LDRV_pre : .STRV_pre
            default:
                d.imm = signExtend(UInt64(bits(w, 20, 12)), 9)
                d.op = load ? .LDRV_post : .STRV_post
            }

        case .loadStoreRegisterOffset:
            let size = bits(w, 31, 30), opc = bits(w, 23, 22), option = bits(w, 15, 13)
            let scale = (opc & 2) << 1 | size
            if scale > 4 || option & 2 == 0 { return nil }
            d.a = UInt8(scale)
            d.rn = spReg(rn)
            d.rm = zr(rm)
            d.b = UInt8(option)
            d.c = bit(w, 12) ? UInt8(scale) : 0
            d.op = opc & 1 != 0 ? .LDRV_reg : .STRV_reg

        case .loadStorePair(let form):
            let opc = bits(w, 31, 30)
            if opc == 3 { return nil }
            let scale = UInt64(opc + 2)
            let load = bit(w, 22)
            d.a = UInt8(scale)
            d.rn = spReg(rn)
            d.ra = UInt8(bits(w, 14, 10))
            d.imm = signExtend(UInt64(bits(w, 21, 15)), 7) << scale
            switch form {
            case .preIndex: d.op = load ? .LDPV_pre : .STPV_pre
            case .postIndex: d.op = load ? .LDPV_post : .STPV_post
            default: d.op = load ? .LDPV_off : .STPV_off
            }

        case .loadLiteral:
            let opc = bits(w, 31, 30)
            if opc == 3 { return nil }
            d.op = .LDRV_lit
            d.a = UInt8(opc + 2)
            d.imm = signExtend(UInt64(bits(w, 23, 5)) << 2, 21)

        case .fpIntegerConversion(let op):
            let ftype = bits(w, 23, 22), rmode = bits(w, 20, 19), sf = bit(w, 31)
            d.sf = sf
            d.c = SIMDFlags.general
            d.b = 1
            switch op {
            case .FMOV_toGeneral, .FMOV_fromGeneral:
                // W <-> S, X <-> D, and X <-> V.D[1] (rmode 01); H needs FEAT_FP16.
                switch (sf, ftype, rmode) {
                case (false, 0, 0): d.a = 2
                case (true, 1, 0): d.a = 3
                case (true, 2, 1): d.a = 3; d.imm = 1
                default: return nil
                }
                if op == .FMOV_toGeneral { d.rd = zrDest(rd) } else { d.rn = zr(rn) }
            default:
                guard ftype < 2 else { return nil }
                d.a = UInt8(ftype + 2)
                if op == .SCVTF || op == .UCVTF { d.rn = zr(rn) } else { d.rd = zrDest(rd) }
            }
            d.op = op

        case .fpFixedConversion(let op):
            let ftype = bits(w, 23, 22), scale = bits(w, 15, 10), sf = bit(w, 31)
            if ftype >= 2 || (!sf && scale < 32) { return nil }
            d.op = op; d.sf = sf
            d.c = SIMDFlags.general
            d.a = UInt8(ftype + 2); d.b = 1
            d.imm = UInt64(64 - scale)
            if op == .SCVTF || op == .UCVTF { d.rn = zr(rn) } else { d.rd = zrDest(rd) }

        case .fpDataProcessing1(let op):
            guard let a = fpType(bits(w, 23, 22)) else { return nil }
            d.op = op; d.a = a; d.b = 1; d.c = SIMDFlags.scalar
            if op == .FCVT_fp {
                guard let to = fpType(bits(w, 16, 15)), to != a else { return nil }
                d.imm = UInt64(to)
            } else if a == 1 {
                return nil          // half-precision arithmetic: FEAT_FP16
            }

        case .fpCompare:
            guard let a = fpType(bits(w, 23, 22)), a != 1 else { return nil }
            d.op = .FCMP; d.a = a; d.b = 1
            d.c = (bit(w, 4) ? SIMDFlags.signalling : 0) | (bit(w, 3) ? SIMDFlags.withZero : 0)

        case .fpImmediate:
            guard let a = fpType(bits(w, 23, 22)), a != 1 else { return nil }
            d.op = .FMOV_imm; d.a = a; d.b = 1
            d.imm = vfpExpandImm(UInt64(bits(w, 20, 13)), log2size: a)

        case .fpConditionalCompare:
            guard let a = fpType(bits(w, 23, 22)), a != 1 else { return nil }
            d.op = .FCCMP; d.a = a; d.b = 1
            d.imm = UInt64(bits(w, 15, 12) | bits(w, 3, 0) << 4)      // cond | nzcv << 4
            if bit(w, 4) { d.c = SIMDFlags.signalling }

        case .fpDataProcessing2(let op):
            guard let a = fpType(bits(w, 23, 22)), a != 1 else { return nil }
            d.op = op; d.a = a; d.b = 1; d.c = SIMDFlags.scalar

        case .fpConditionalSelect:
            guard let a = fpType(bits(w, 23, 22)), a != 1 else { return nil }
            d.op = .FCSEL; d.a = a; d.b = 1
            d.imm = UInt64(bits(w, 15, 12))

        case .fpDataProcessing3(let op):
            guard let a = fpType(bits(w, 23, 22)), a != 1 else { return nil }
            d.op = op; d.a = a; d.b = 1; d.c = SIMDFlags.scalar
            d.ra = UInt8(bits(w, 14, 10))
        }
        return d
    }

    /// ftype: 00 single, 01 double, 11 half (10 reserved) -> log2 bytes.
    static func fpType(_ ftype: UInt32) -> UInt8? {
        switch ftype {
        case 0: return 2
        case 1: return 3
        case 3: return 1
        default: return nil
        }
    }

    /// The element size a SIMD row's size (or sz) field selects under `rule`.
    static func elementSize(_ rule: SizeRule, _ w: UInt32, scalar: Bool) -> UInt8? {
        let size = UInt8(bits(w, 23, 22)), sz = UInt8(bits(w, 22, 22)), q = bit(w, 30)
        switch rule {
        case .bhsd: return size == 3 && !q && !scalar ? nil : size
        case .bhs: return size == 3 ? nil : size
        case .hs: return size == 1 || size == 2 ? size : nil
        case .bh: return size <= 1 ? size : nil
        case .b: return size == 0 ? 0 : nil
        case .bytes: return 0
        case .d: return size == 3 ? 3 : nil
        case .fp: return sz == 1 && !q && !scalar ? nil : 2 + sz
        case .fpS4: return sz == 0 && q ? 2 : nil
        case .fpS: return sz == 0 ? 2 : nil
        case .fpD: return sz == 1 ? 3 : nil
        case .fpConvert: return 1 + sz
        }
    }

    /// AdvSIMDExpandImm (C7 shared pseudocode): the 64-bit immediate of
    /// MOVI, MVNI, ORR, BIC and FMOV (vector).
    static func advSIMDExpandImm(op: Bool, cmode: UInt32, imm8: UInt64) -> UInt64? {
        func rep32(_ v: UInt64) -> UInt64 { v | v << 32 }
        func rep16(_ v: UInt64) -> UInt64 { v | v << 16 | v << 32 | v << 48 }
        switch cmode >> 1 {
        case 0: return rep32(imm8)
        case 1: return rep32(imm8 << 8)
        case 2: return rep32(imm8 << 16)
        case 3: return rep32(imm8 << 24)
        case 4: return rep16(imm8)
        case 5: return rep16(imm8 << 8)
        case 6:
            return cmode & 1 == 0 ? rep32(imm8 << 8 | 0xFF) : rep32(imm8 << 16 | 0xFFFF)
        default:
            if cmode & 1 == 0 {
                if !op { return imm8 &* 0x0101_0101_0101_0101 }
                var v: UInt64 = 0
                for i in 0..<8 where imm8 >> UInt64(i) & 1 != 0 { v |= 0xFF << UInt64(8 * i) }
                return v
            }
            if !op {
                // FMOV (vector, single): imm8 as a single, replicated.
                return rep32(vfpExpandImm(imm8, log2size: 2))
            }
            return vfpExpandImm(imm8, log2size: 3)
        }
    }

    /// VFPExpandImm: the 8-bit floating-point immediate a:b:cdefgh as a half,
    /// single or double (sign a, exponent NOT(b):Replicate(b):cd, fraction efgh).
    static func vfpExpandImm(_ imm8: UInt64, log2size: UInt8) -> UInt64 {
        let e: UInt64 = log2size == 1 ? 5 : log2size == 2 ? 8 : 11
        let f: UInt64 = log2size == 1 ? 10 : log2size == 2 ? 23 : 52
        let sign = imm8 >> 7
        let b = imm8 >> 6 & 1
        let exp = (b ^ 1) << (e - 1) | (b == 1 ? ((1 << (e - 3)) - 1) << 2 : 0) | (imm8 >> 4 & 3)
        let frac = (imm8 & 0xF) << (f - 4)
        return sign << (e + f) | exp << f | frac
    }
}
