/// The FP/SIMD enables (ARM ARM AArch64.CheckFPAdvSIMDEnabled, CheckFPEnabled64):
/// CPACR_EL1.FPEN for EL0 and EL1 outside the host, then CPTR_EL2 (FPEN
/// with HCR_EL2.E2H = 1, TFP without) for EL0, EL1 and EL2.
extension CPU {
    /// The EL an FP/SIMD instruction executed now traps to, or 0.
    func fpAccessTrapTarget() -> UInt8 {
        let el = currentEL
        let hcr = hcrEL2
        if el <= 1 && !inHost {
            let fpen = systemRegisters[SR.CPACR_EL1] >> 20 & 3
            if fpen & 1 == 0 || (fpen == 1 && el == 0) { return 1 }
        }
        if features.el2 {
            let cptr = systemRegisters[SR.CPTR_EL2]
            if hcr & HCR.E2H != 0 {
                let fpen = cptr >> 20 & 3
                if fpen & 1 == 0 || (fpen == 1 && el == 0 && hcr & HCR.TGE != 0) { return 2 }
            } else if cptr & (1 << 10) != 0 {
                return 2
            }
        }
        return 0
    }

    /// AArch64.AdvSIMDFPAccessTrap: EC 0x07 with CV = 1, COND = 0b1110
    /// (ConditionSyndrome of an AArch64 instruction); a trap meant for EL1
    /// while HCR_EL2.TGE = 1 goes to EL2 as an Uncategorized exception.
    func fpAccessTrap(_ target: UInt8) -> CPUException {
        if target == 1 && hcrEL2 & HCR.TGE != 0 {
            return .exception(ExceptionRecord(.unknown, targetEL: 2))
        }
        return .exception(ExceptionRecord(.fpAccessTrap, iss: 0x1E << 20, targetEL: target))
    }

    /// The check of an MRS or MSR of FPCR or FPSR.
    func checkFPAccess() throws(CPUException) {
        let target = fpAccessTrapTarget()
        if target != 0 { throw fpAccessTrap(target) }
    }
}
