/// ERET (C6.2.83) and the Illegal Execution state mechanism (D1.4.4,
/// pseudocode AArch64.ExceptionReturn, IllegalExceptionReturn,
/// SetPSTATEFromPSR).
extension CPU {
    /// Returns the new PC, or throws the exception ERET itself raises.
    func exceptionReturn() throws(CPUException) -> UInt64 {
        if currentEL == 0 { throw .exception(.undefined) }
        // FEAT_NV: ERET at EL1 with HCR_EL2.NV = 1 traps to EL2 (ISS 0: ERET).
        if currentEL == 1 && hcrEL2 & HCR.NV != 0 {
            throw .exception(ExceptionRecord(.eretTrap, iss: 0, targetEL: 2))
        }
        let spsr = systemRegisters[SR.spsr(currentEL)]
        let target = systemRegisters[SR.elr(currentEL)]
        let illegal = isIllegalReturn(spsr)
        // The PSTATE fields that are restored either way.
        nzcv = UInt32(truncatingIfNeeded: spsr) & 0xF000_0000
        daif = spsr & 0x3C0
        if illegal {
            // EL, SP selection and execution state stay as they are.
            illegalState = true
        } else {
            illegalState = spsr & (1 << 20) != 0
            selectSP(el: UInt8((spsr >> 2) & 3), spSel: UInt8(spsr & 1))
        }
        // The local monitor is cleared by an exception return
        // (AArch64.ExceptionReturn calls ClearExclusiveLocal).
        shared.clearMonitor(cpu: index)
        return target
    }

    /// ERET as the interpreter runs it: `exceptionReturn`, reported to the
    /// observer.
    func exceptionReturn(at pc: UInt64) throws(CPUException) -> UInt64 {
        let from = currentEL
        let target = try exceptionReturn()
        observer?.exceptionReturned(self, pc: pc, fromEL: from, target: target)
        return target
    }

    /// IllegalExceptionReturn for a return to AArch64 (D1.4.4): a return to
    /// AArch32 (not implemented), to a reserved mode, to a higher or
    /// unimplemented EL, or to EL1 while HCR_EL2.TGE = 1.
    func isIllegalReturn(_ spsr: UInt64) -> Bool {
        if spsr & 0x10 != 0 { return true }                 // M[4]: AArch32
        let m = spsr & 0xF
        if m & 2 != 0 { return true }                       // M[1] reserved
        let el = UInt8(m >> 2)
        if el > currentEL { return true }
        if el == 3 || (el == 2 && !features.el2) { return true }
        if m == 0b0001 { return true }                      // EL0 with SP_EL0 only
        if el == 1 && hcrEL2 & HCR.TGE != 0 { return true }
        return false
    }
}
