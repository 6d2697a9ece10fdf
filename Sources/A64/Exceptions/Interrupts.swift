/// Asynchronous exceptions: physical IRQ and FIQ from the GIC, and the
/// virtual IRQ, FIQ and SError that HCR_EL2.VI/VF/VSE assert (ARM ARM D1.3.6
/// "Asynchronous exception routing", D1.3.7 "masking"; pseudocode
/// AArch64.TakePhysicalIRQException and friends).
extension CPU {
    /// Takes the highest-priority interrupt that is pending and not masked,
    /// if any, and returns the new PC. Called between instructions.
    func takePendingInterrupt(pc: UInt64) -> UInt64? {
        let hcr = hcrEL2
        let el2 = features.el2
        let tge = el2 && hcr & HCR.TGE != 0
        // Physical interrupts go to EL2 when HCR_EL2.{IMO,FMO} or TGE say
        // so, otherwise to EL1.
        if fiqLine, let target = physicalTarget(routedToEL2: el2 && (tge || hcr & HCR.FMO != 0), mask: 0x40) {
            return takeException(to: target, .fiq, preferredReturn: pc)
        }
        if irqLine, let target = physicalTarget(routedToEL2: el2 && (tge || hcr & HCR.IMO != 0), mask: 0x80) {
            return takeException(to: target, .irq, preferredReturn: pc)
        }
        // Virtual interrupts exist at EL1 and EL0 when their routing bit is
        // set and TGE is not; PSTATE masks them.
        if el2 && !tge && currentEL < 2 {
            if hcr & (HCR.AMO | HCR.VSE) == HCR.AMO | HCR.VSE && daif & 0x100 == 0 {
                // The SError's syndrome is IMPLEMENTATION DEFINED without
                // FEAT_RAS (VSESR_EL2): ISS 0. Taking it clears HCR_EL2.VSE.
                systemRegisters[SR.HCR_EL2] = hcr & ~HCR.VSE
                systemRegisters[SR.esr(1)] = ExceptionRecord(.serror).syndrome
                return takeException(to: 1, .serror, preferredReturn: pc)
            }
            if hcr & (HCR.FMO | HCR.VF) == HCR.FMO | HCR.VF && daif & 0x40 == 0 {
                return takeException(to: 1, .fiq, preferredReturn: pc)
            }
            if hcr & (HCR.IMO | HCR.VI) == HCR.IMO | HCR.VI && daif & 0x80 == 0 {
                return takeException(to: 1, .irq, preferredReturn: pc)
            }
        }
        return nil
    }

    /// The EL a physical interrupt is taken to now, or nil when it is masked:
    /// an interrupt for a lower EL than the current one is not taken; one for
    /// the current EL is masked by PSTATE.I/F; one for a higher EL is not
    /// (D1.3.7, Table D1-15 with SCR_EL3 absent).
    private func physicalTarget(routedToEL2: Bool, mask: UInt64) -> UInt8? {
        let target: UInt8 = routedToEL2 ? 2 : 1
        if target < currentEL { return nil }
        if target == currentEL && daif & mask != 0 { return nil }
        return target
    }

    /// ISR_EL1 (D24.2): at EL1/EL0 under a hypervisor that routes a class
    /// to EL2 (HCR_EL2.IMO/FMO/AMO), the virtual one's state; otherwise the
    /// physical signal's.
    var interruptStatus: UInt64 {
        let hcr = hcrEL2
        let guest = features.el2 && currentEL < 2 && hcr & HCR.TGE == 0
        var v: UInt64 = 0
        if guest && hcr & HCR.IMO != 0 { if hcr & HCR.VI != 0 { v |= 0x80 } } else if irqLine { v |= 0x80 }
        if guest && hcr & HCR.FMO != 0 { if hcr & HCR.VF != 0 { v |= 0x40 } } else if fiqLine { v |= 0x40 }
        if guest && hcr & HCR.AMO != 0 && hcr & HCR.VSE != 0 { v |= 0x100 }
        return v
    }

    /// Whether an interrupt is pending that wakes the CPU from WFI: any
    /// physical signal, or a virtual one while it can be taken (D1.6.2, WFI
    /// wake-up events ignore PSTATE masks).
    public var hasWakeUpEvent: Bool {
        if irqLine || fiqLine { return true }
        let hcr = hcrEL2
        guard features.el2, hcr & HCR.TGE == 0, currentEL < 2 else { return false }
        return hcr & (HCR.IMO | HCR.VI) == HCR.IMO | HCR.VI
            || hcr & (HCR.FMO | HCR.VF) == HCR.FMO | HCR.VF
            || hcr & (HCR.AMO | HCR.VSE) == HCR.AMO | HCR.VSE
    }
}
