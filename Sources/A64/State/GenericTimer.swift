/// The generic timer (ARM ARM D12): the system counter and this PE's four
/// timers — EL1 physical (CNTP), virtual (CNTV), EL2 physical (CNTHP) and
/// EL2 virtual (CNTHV, FEAT_VHE).
///
/// The system counter advances by one for every instruction any CPU retires,
/// so time is a function of the instruction stream and runs are
/// deterministic; CNTFRQ_EL0 reports ImpDef.counterFrequency.
public struct GenericTimer {
    /// Timer n's CNT*_CTL (ENABLE bit 0, IMASK bit 1; ISTATUS is computed)
    /// and CNT*_CVAL.
    var control: [UInt64] = [0, 0, 0, 0]
    var compare: [UInt64] = [0, 0, 0, 0]

    public enum Timer: Int, CaseIterable {
        case physical = 0, virtual = 1, hypervisorPhysical = 2, hypervisorVirtual = 3
    }
}

extension CPU {
    /// The system counter as this CPU sees it now (CNTPCT_EL0).
    public var physicalCount: UInt64 { shared.counter &+ UInt64(executedInRun) }

    /// The offset of the virtual count for timer n: CNTVOFF_EL2 for the
    /// virtual timer when EL2 is implemented; none for the physical ones and
    /// for the EL2 virtual timer (D12.2.2, D12.8).
    func counterOffset(_ timer: Int) -> UInt64 {
        timer == 1 && features.el2 ? systemRegisters[SR.CNTVOFF_EL2] : 0
    }

    /// CNTVCT_EL0: with {E2H, TGE} = {1, 1} the offset is zero at EL0 and
    /// EL2 (D12.2.2).
    var virtualCount: UInt64 {
        let hcr = hcrEL2
        if hcr & (HCR.E2H | HCR.TGE) == HCR.E2H | HCR.TGE && currentEL != 1 { return physicalCount }
        return physicalCount &- counterOffset(1)
    }

    /// ISTATUS: the timer is enabled and its count has reached CVAL.
    func timerCondition(_ n: Int) -> Bool {
        timer.control[n] & 1 != 0 && physicalCount &- counterOffset(n) >= timer.compare[n]
    }

    func readTimerControl(_ n: Int) -> UInt64 {
        timer.control[n] | (timerCondition(n) ? 4 : 0)
    }
    func writeTimerControl(_ n: Int, _ v: UInt64) {
        timer.control[n] = v & 3
    }
    func readTimerCompare(_ n: Int) -> UInt64 { timer.compare[n] }
    func writeTimerCompare(_ n: Int, _ v: UInt64) {
        timer.compare[n] = v
    }
    /// TVAL: the signed 32-bit distance from the count to CVAL.
    func readTimerValue(_ n: Int) -> UInt64 {
        (timer.compare[n] &- (physicalCount &- counterOffset(n))) & 0xFFFF_FFFF
    }
    func writeTimerValue(_ n: Int, _ v: UInt64) {
        let delta = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: v)))
        writeTimerCompare(n, physicalCount &- counterOffset(n) &+ delta)
    }

    /// The interrupt outputs of the four timers (bit n = timer n asserts its
    /// interrupt: condition met and not masked).
    public var timerOutputs: UInt8 {
        var out: UInt8 = 0
        for n in 0..<4 where timer.control[n] & 3 == 1 && timerCondition(n) { out |= 1 << n }
        return out
    }

    /// The system-counter value at which the next enabled, unmasked timer
    /// that is not yet firing will fire, if any: the board runs this CPU no
    /// further than that before looking again.
    public var nextTimerDeadline: UInt64? {
        var best: UInt64?
        for n in 0..<4 where timer.control[n] & 3 == 1 && !timerCondition(n) {
            let at = timer.compare[n] &+ counterOffset(n)
            if best == nil || at < best! { best = at }
        }
        return best
    }
}
