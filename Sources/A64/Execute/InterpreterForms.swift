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
        // Shift type LSL (ShiftType_LSL, `shift` = 00): a = 0.
        if a == 0 {
            switch op {
            case .ADD_shift: d.op = .ADD_lsl
            case .ADDS_shift: d.op = .ADDS_lsl
            case .SUB_shift: d.op = .SUB_lsl
            case .SUBS_shift: d.op = .SUBS_lsl
            case .AND_shift: d.op = .AND_lsl
            case .ANDS_shift: d.op = .ANDS_lsl
            case .ORR_shift: d.op = .ORR_lsl
            case .EOR_shift: d.op = .EOR_lsl
            default: break
            }
        }
        // Extend option LSL/UXTX (`option` = 011): a = 3, ExtendReg is
        // X[m] << amount.
        if a == 3 {
            switch op {
            case .LDRB_reg: d.op = .LDRB_lsl
            case .LDRH_reg: d.op = .LDRH_lsl
            case .LDRW_reg: d.op = .LDRW_lsl
            case .LDRX_reg: d.op = .LDRX_lsl
            case .STRB_reg: d.op = .STRB_lsl
            case .STRH_reg: d.op = .STRH_lsl
            case .STRW_reg: d.op = .STRW_lsl
            case .STRX_reg: d.op = .STRX_lsl
            default: break
            }
        }
        // UBFM and SBFM (C6.2.352, C6.2.254): DecodeBitMasks' wmask and
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
        return d
    }
}
