/// Data and Instruction Aborts (ARM ARM D1.3.5, pseudocode
/// AArch64.DataAbort / AArch64.InstructionAbort): a TranslationFault becomes
/// an exception with its syndrome (D24.2.40, ISS encoding for an exception
/// from a Data Abort), FAR_ELx and, for stage 2, HPFAR_EL2.
extension CPU {
    func takeAbort(_ f: TranslationFault, _ d: Decoded, pc: UInt64) -> UInt64 {
        // Stage 2 faults go to EL2; the rest as synchronous exceptions
        // (EL1 from EL0 unless HCR_EL2.TGE; the current EL otherwise).
        let target: UInt8 = f.stage2 ? 2 : synchronousExceptionTarget()
        let lower = target > currentEL
        var iss = f.faultStatusCode
        if f.s1ptw { iss |= 1 << 7 }
        let ec: ExceptionClass
        if f.access == .fetch {
            ec = lower ? .instructionAbortLower : .instructionAbortSame
        } else {
            ec = lower ? .dataAbortLower : .dataAbortSame
            if f.cacheMaintenance {
                iss |= 1 << 8 | 1 << 6                          // CM, and WnR = 1 for maintenance
            } else if f.access == .write && !f.s1ptw {
                iss |= 1 << 6                                   // WnR
            }
            // ISV and the instruction syndrome: for stage 2 aborts on a
            // load or store of one general-purpose register without
            // writeback (what a hypervisor needs to emulate MMIO).
            if f.stage2 && !f.s1ptw && !f.cacheMaintenance, let syndrome = Self.instructionSyndrome(d) {
                iss |= syndrome
            }
        }
        systemRegisters[SR.esr(target)] = ExceptionRecord(ec, iss: iss).syndrome
        systemRegisters[SR.far(target)] = f.va
        if f.stage2 {
            // HPFAR_EL2.FIPA [39:4] = IPA[51:12].
            systemRegisters[SR.HPFAR_EL2] = (f.ipa >> 12) << 4
        }
        statistics.exceptionsTaken &+= 1
        return takeException(to: target, .synchronous, preferredReturn: pc)
    }

    /// ISV (24), SAS (23:22), SSE (21), SRT (20:16), SF (15), AR (14) of a
    /// single-register load or store without writeback; nil for the others
    /// (pairs, exclusives, atomics, writeback forms), whose ISV is 0.
    static func instructionSyndrome(_ d: Decoded) -> UInt32? {
        let size: UInt32, signed: Bool, sf: Bool, acquireRelease: Bool
        switch d.op {
        case .STRB_off, .STRB_reg, .STRB_lsl, .LDRB_off, .LDRB_reg, .LDRB_lsl: (size, signed, sf, acquireRelease) = (0, false, false, false)
        case .STRH_off, .STRH_reg, .STRH_lsl, .LDRH_off, .LDRH_reg, .LDRH_lsl: (size, signed, sf, acquireRelease) = (1, false, false, false)
        case .STRW_off, .STRW_reg, .STRW_lsl, .LDRW_off, .LDRW_reg, .LDRW_lsl, .LDRW_lit: (size, signed, sf, acquireRelease) = (2, false, false, false)
        case .STRX_off, .STRX_reg, .STRX_lsl, .LDRX_off, .LDRX_reg, .LDRX_lsl, .LDRX_lit: (size, signed, sf, acquireRelease) = (3, false, true, false)
        case .LDRSBW_off, .LDRSBW_reg: (size, signed, sf, acquireRelease) = (0, true, false, false)
        case .LDRSBX_off, .LDRSBX_reg: (size, signed, sf, acquireRelease) = (0, true, true, false)
        case .LDRSHW_off, .LDRSHW_reg: (size, signed, sf, acquireRelease) = (1, true, false, false)
        case .LDRSHX_off, .LDRSHX_reg: (size, signed, sf, acquireRelease) = (1, true, true, false)
        case .LDRSW_off, .LDRSW_reg, .LDRSW_lit: (size, signed, sf, acquireRelease) = (2, true, true, false)
        case .LDAR, .STLR: (size, signed, sf, acquireRelease) = (UInt32(d.a), false, d.a == 3, true)
        default: return nil
        }
        let srt = UInt32(min(d.rd, 31))
        return 1 << 24 | size << 22 | (signed ? 1 << 21 : 0) | srt << 16 | (sf ? 1 << 15 : 0) | (acquireRelease ? 1 << 14 : 0)
    }
}
