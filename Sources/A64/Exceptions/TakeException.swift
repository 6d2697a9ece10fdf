/// Taking exceptions (ARM ARM D1.3, pseudocode AArch64.TakeException) and
/// the routing rules that choose the target exception level. EL3 is not
/// implemented and all levels are AArch64, so routing depends only on
/// HCR_EL2 (TGE, IMO, FMO, AMO).
extension CPU {
    /// Vector offsets from VBAR_ELx (D1.3.2, Table D1-7).
    enum VectorKind: UInt64 {
        case synchronous = 0x000, irq = 0x080, fiq = 0x100, serror = 0x180
    }

    /// Where a synchronous exception that is not an explicit trap to EL2
    /// goes: from EL0 to EL1, or to EL2 when HCR_EL2.TGE = 1 (D1.3.3); from
    /// EL1 or EL2 to the current level.
    func synchronousExceptionTarget() -> UInt8 {
        if currentEL == 0 { return hcrEL2 & HCR.TGE != 0 ? 2 : 1 }
        return currentEL
    }

    /// AArch64.TakeException for a synchronous exception raised by the
    /// instruction at `pc`. Returns the new PC.
    func takeSynchronousException(_ e: ExceptionRecord, pc: UInt64) -> UInt64 {
        let target = e.targetEL != 0 ? max(e.targetEL, currentEL) : synchronousExceptionTarget()
        let preferred = e.returnTo == .thisInstruction ? pc : pc &+ 4
        // ESR_ELx: EC 0x00 from an instruction in AArch64 has IL = 1 too.
        systemRegisters[SR.esr(target)] = e.syndrome
        if let far = e.faultAddress { systemRegisters[SR.far(target)] = far }
        statistics.exceptionsTaken &+= 1
        return takeException(to: target, .synchronous, preferredReturn: preferred)
    }

    /// AArch64.TakeException: saves PSTATE in SPSR_ELx and the return
    /// address in ELR_ELx, moves to `target` with SP_ELx selected and every
    /// interrupt masked, and returns VBAR_ELx + the vector offset.
    func takeException(to target: UInt8, _ kind: VectorKind, preferredReturn: UInt64) -> UInt64 {
        let from = currentEL
        var offset = kind.rawValue
        if target > currentEL {
            offset &+= 0x400                     // lower EL, using AArch64
        } else if spSel == 1 {
            offset &+= 0x200                     // current EL with SP_ELx
        }
        var spsr = pstateAsSPSR()
        // FEAT_NV: with HCR_EL2.{NV, NV1} = {1, 0} an exception from EL1 to
        // EL1 reports EL2 in SPSR_EL1.M[3:2] (the guest hypervisor believes
        // it runs at EL2).
        if target == 1 && from == 1 && hcrEL2 & (HCR.NV | HCR.NV1) == HCR.NV { spsr = spsr & ~0xC | 2 << 2 }
        systemRegisters[SR.spsr(target)] = spsr
        systemRegisters[SR.elr(target)] = preferredReturn
        selectSP(el: target, spSel: 1)
        daif = 0x3C0
        illegalState = false
        let vbar = systemRegisters[SR.vbar(target)]
        let vector = (vbar & ~0x7FF) &+ offset
        if let observer {
            let k: ExceptionEvent.Kind = kind == .synchronous ? .synchronous : kind == .irq ? .irq : kind == .fiq ? .fiq : .serror
            observer.exceptionTaken(self, ExceptionEvent(
                kind: k, fromEL: from, toEL: target, preferredReturn: preferredReturn, vector: vector,
                syndrome: kind == .synchronous ? systemRegisters[SR.esr(target)] : 0))
        }
        return vector
    }

    /// GetPSRFromPSTATE for AArch64: N Z C V [31:28], IL [20], D A I F
    /// [9:6], M[4] = 0 (AArch64), M[3:0] = EL and SP selection.
    public func pstateAsSPSR() -> UInt64 {
        UInt64(nzcv) | (illegalState ? 1 << 20 : 0) | daif | UInt64(currentEL) << 2 | UInt64(spSel)
    }
}

/// HCR_EL2 fields (ARM ARM D24.2.62).
enum HCR {
    static let VM: UInt64 = 1 << 0
    static let SWIO: UInt64 = 1 << 1
    static let FMO: UInt64 = 1 << 3
    static let IMO: UInt64 = 1 << 4
    static let AMO: UInt64 = 1 << 5
    static let VF: UInt64 = 1 << 6
    static let VI: UInt64 = 1 << 7
    static let VSE: UInt64 = 1 << 8
    static let FB: UInt64 = 1 << 9
    static let DC: UInt64 = 1 << 12
    static let TWI: UInt64 = 1 << 13
    static let TWE: UInt64 = 1 << 14
    static let TID0: UInt64 = 1 << 15
    static let TID1: UInt64 = 1 << 16
    static let TID2: UInt64 = 1 << 17
    static let TID3: UInt64 = 1 << 18
    static let TSC: UInt64 = 1 << 19
    static let TIDCP: UInt64 = 1 << 20
    static let TACR: UInt64 = 1 << 21
    static let TSW: UInt64 = 1 << 22
    static let TPC: UInt64 = 1 << 23
    static let TPU: UInt64 = 1 << 24
    static let TTLB: UInt64 = 1 << 25
    static let TVM: UInt64 = 1 << 26
    static let TGE: UInt64 = 1 << 27
    static let TDZ: UInt64 = 1 << 28
    static let HCD: UInt64 = 1 << 29
    static let TRVM: UInt64 = 1 << 30
    static let RW: UInt64 = 1 << 31
    static let CD: UInt64 = 1 << 32
    static let ID: UInt64 = 1 << 33
    static let E2H: UInt64 = 1 << 34
    static let TLOR: UInt64 = 1 << 35
    static let NV: UInt64 = 1 << 42
    static let NV1: UInt64 = 1 << 43
    static let AT: UInt64 = 1 << 44
    static let FWB: UInt64 = 1 << 46
    static let TID4: UInt64 = 1 << 49
    static let TICAB: UInt64 = 1 << 50
    static let TOCU: UInt64 = 1 << 52
    static let TTLBIS: UInt64 = 1 << 54
    static let TTLBOS: UInt64 = 1 << 55
}
