/// Predecoding for the interpreter: a decoded instruction whose general
/// operation would make every execution test something its operands fixed
/// once and for all (the shift type of an ADD (shifted register), say) is
/// given an operation of its own when its slot of the decoded-instruction
/// cache is filled. The forms compute exactly what the general operations
/// compute (C6.2's pseudocode with the field's value put in); only the
/// interpreter sees them: `Decoder.decode` and the disassembler keep the
/// general operations (the data-abort syndrome names both).
extension Decoded {
    /// The form the interpreter runs.
    public var interpreterForm: Decoded {
        var d = self
        let byField = Decoded.formsByFieldIndex, wide = Decoded.forms64Index, unshifted = Decoded.formsUnshiftedIndex
        if Int(op.rawValue) < byField.count, let (field, form) = byField[Int(op.rawValue)], a == field { d.op = form }
        if sf, Int(d.op.rawValue) < wide.count, let form = wide[Int(d.op.rawValue)] { d.op = form }
        if b == 0, Int(d.op.rawValue) < unshifted.count, let form = unshifted[Int(d.op.rawValue)] { d.op = form }
        // UBFM and SBFM (the ARM ARM pages' Operation): DecodeBitMasks' wmask and
        // tmask come down to one mask and at most two shifts once immr (a)
        // and imms (b) are known. Every alias (LSL, LSR, ASR, UXTB, SXTW...)
        // is one of these four.
        if op == .UBFM || op == .SBFM {
            let width = sf ? 64 : 32, r = Int(a), s = Int(b)
            switch (op, s >= r) {
            case (.UBFM, true):                 // bits s:r down to bit 0
                d.op = .UBFX; d.imm = ones(s - r + 1)
            case (.UBFM, false):                // bits s:0 up to bit width - r
                d.op = .UBFIZ; d.imm = ones(s + 1); d.c = UInt8(width - r)
            case (_, true):                     // bit s to bit 63, then down by 63 - s + r
                d.op = .SBFX; d.c = UInt8(63 - s); d.a = UInt8(63 - s + r); d.imm = ones(width)
            default:                            // bit s to bit 63, down to bit 0, up by width - r
                d.op = .SBFIZ; d.c = UInt8(63 - s); d.a = UInt8(width - r); d.imm = ones(width)
            }
        }
        // ADD (extended register): ExtendReg's UXTB, UXTH, UXTW, UXTX/LSL
        // keep the low 8, 16, 32 or 64 bits of X[m], the SXT options
        // sign-extend them; a shift left by 64 - that width and back,
        // logical or arithmetic, does either without a switch on `option`.
        if op == .ADD_ext {
            d.op = a < 4 ? .ADD_uxt : .ADD_sxt
            d.c = 64 &- (8 &<< (a & 3))
        }
        // ConditionHolds(cond) for every NZCV value, the row of the CPU's
        // table: the condition is then one shift of this by the flags.
        switch op {
        case .B_cond, .CSEL, .CSINC, .CSINV, .CSNEG, .CCMN, .CCMP:
            d.holds = CPU.conditionHoldsTable[Int(a & 15)]
        default: break
        }
        return d
    }

    /// The forms given where field `a` of the general operation has one
    /// value: general operation: (that value, the form).
    static let formsByField: [Op: (UInt8, Op)] = [
        // Shift type LSL (ShiftType_LSL, `shift` = 00): a = 0.
        .ADD_shift: (0, .ADD_lsl), .ADDS_shift: (0, .ADDS_lsl),
        .SUB_shift: (0, .SUB_lsl), .SUBS_shift: (0, .SUBS_lsl),
        .AND_shift: (0, .AND_lsl), .ANDS_shift: (0, .ANDS_lsl),
        .ORR_shift: (0, .ORR_lsl), .EOR_shift: (0, .EOR_lsl),
        // Extend LSL/UXTX (`option` = 011): a = 3, ExtendReg is X[m] << amount.
        .LDRB_reg: (3, .LDRB_lsl), .LDRH_reg: (3, .LDRH_lsl),
        .LDRW_reg: (3, .LDRW_lsl), .LDRX_reg: (3, .LDRX_lsl),
        .STRB_reg: (3, .STRB_lsl), .STRH_reg: (3, .STRH_lsl),
        .STRW_reg: (3, .STRW_lsl), .STRX_reg: (3, .STRX_lsl),
    ]

    /// The 64-bit forms (sf = 1) of the most frequent operations.
    static let forms64: [Op: Op] = [
        .ADD_imm: .ADDX_imm, .SUB_imm: .SUBX_imm, .SUBS_imm: .SUBSX_imm,
        .ADD_lsl: .ADDX_lsl, .SUB_lsl: .SUBX_lsl, .SUBS_lsl: .SUBSX_lsl,
    ]

    /// The forms of those with shift amount 0 (`b`): the commonest ADD and
    /// CMP of two registers.
    static let formsUnshifted: [Op: Op] = [.ADDX_lsl: .ADDX_reg, .SUBSX_lsl: .SUBSX_reg]

    /// The tables indexed by the operation's raw value: a slot's fill looks
    /// them up, and hashing an `Op` twice per fill was 3% of a hypervisor
    /// run that refills its I-cache often.
    static let formsByFieldIndex: [(UInt8, Op)?] = index(formsByField)
    static let forms64Index: [Op?] = index(forms64)
    static let formsUnshiftedIndex: [Op?] = index(formsUnshifted)
    static func index<V>(_ table: [Op: V]) -> [V?] {
        var t = [V?](repeating: nil, count: Int(table.keys.map(\.rawValue).max()!) + 1)
        for (op, v) in table { t[Int(op.rawValue)] = v }
        return t
    }
}
