/// MRS, MSR and SYS (C5.2, C5.3): the access checks every register's
/// pseudocode starts with (minimum EL, direction, the EL1 and EL2 trap
/// controls, FEAT_VHE redirection), then the read or write through the
/// system-register table.
extension CPU {
    /// The SCTLR that controls EL0: SCTLR_EL2 when EL0 is in the EL2&0
    /// regime ({E2H, TGE} = {1, 1}), else SCTLR_EL1.
    var el0SCTLR: UInt64 { systemRegisters[inHost ? SR.SCTLR_EL2 : SR.SCTLR_EL1] }

    /// The checks of an MRS (`isRead`) or MSR of row `index`; returns the
    /// row the access reaches (a VHE redirection or alias may change it).
    func checkSystemRegisterAccess(_ index: Int, isRead: Bool, rt: UInt8) throws(CPUException) -> Int {
        let row = SystemRegisters.table[index]
        let el = currentEL
        let hcr = hcrEL2
        let e2h = hcr & HCR.E2H != 0
        // A trap to EL1 from EL0 is routed as any synchronous exception
        // (targetEL 0: EL1, or EL2 with TGE); a trap to EL2 names it.
        func trap(_ target: UInt8) -> CPUException {
            .exception(ExceptionRecord(.systemRegisterTrap,
                                       iss: ExceptionRecord.systemAccessISS(row.key, rt: rt, isRead: isRead),
                                       targetEL: target))
        }
        // FEAT_NV: at EL1 with HCR_EL2.NV = 1, the accesses that would be
        // UNDEFINED because the register is EL2's (its *_EL2, *_EL12 and
        // *_EL02 encodings, SP_EL1) trap to EL2 instead (EC 0x18), so that
        // a guest hypervisor at EL1 can be emulated.
        let nv = el == 1 && features.el2 && hcr & HCR.NV != 0
        switch row.access {
        case .readOnly where !isRead, .writeOnly where isRead: throw .undefined
        default: break
        }
        if case .alias = row.vhe {
            if nv { throw trap(2) }
            guard el == 2 && e2h else { throw .undefined }
            return SystemRegisters.vheTarget[index]
        }
        if el < row.minEL {
            if nv && row.minEL == 2 { throw trap(2) }
            throw .undefined
        }
        let guestEL = el < 2 && !inHost          // EL1, or EL0 under EL1
        switch row.trap {
        case .none: break
        case .tvm:
            if el == 1 && hcr & (isRead ? HCR.TRVM : HCR.TVM) != 0 { throw trap(2) }
        case .tid1:
            if el == 1 && hcr & HCR.TID1 != 0 { throw trap(2) }
        case .tid2:
            // TID2, or FEAT_EVT's TID4 (which does not cover CTR_EL0).
            if el == 1 && hcr & (HCR.TID2 | HCR.TID4) != 0 { throw trap(2) }
        case .tid3:
            if el == 1 && hcr & HCR.TID3 != 0 { throw trap(2) }
        case .tacr:
            if el == 1 && hcr & HCR.TACR != 0 { throw trap(2) }
        case .tlor:
            if el == 1 && hcr & HCR.TLOR != 0 { throw trap(2) }
        case .nv1:
            if el == 1 && features.el2 && hcr & (HCR.NV | HCR.NV1) == HCR.NV | HCR.NV1 { throw trap(2) }
        case .tcpac:
            if el == 1 && features.el2 && systemRegisters[SR.CPTR_EL2] & (1 << 31) != 0 { throw trap(2) }
        case .ctr:
            if el == 0 && el0SCTLR & (1 << 15) == 0 { throw trap(0) }          // UCT
            if guestEL && hcr & HCR.TID2 != 0 { throw trap(2) }
        case .daifEL0:
            if el == 0 && el0SCTLR & (1 << 9) == 0 { throw trap(0) }           // UMA
        case .physicalCounter, .virtualCounter, .counterFrequency, .physicalTimer, .virtualTimer:
            try checkTimerAccess(row.trap, isRead: isRead, trap)
        case .debugTDA:
            if el == 1 && systemRegisters[SR.MDCR_EL2] & (1 << 9) != 0 && features.el2 { throw trap(2) }
        case .debugTDOSA:
            if el == 1 && systemRegisters[SR.MDCR_EL2] & (1 << 10) != 0 && features.el2 { throw trap(2) }
        case .fpAccess:
            try checkFPAccess()
        }
        if case .spEL0 = row.kind, spSel == 0 { throw .undefined }   // C5.2.17: SP_EL0 while it is the SP
        if case .redirect(_, let alsoEL0) = row.vhe, e2h, el == 2 || (alsoEL0 && el == 0 && inHost) {
            return SystemRegisters.vheTarget[index]
        }
        return index
    }

    /// CNTKCTL_EL1 (EL0 accesses) and CNTHCTL_EL2 (EL1 and EL0 accesses)
    /// controls of the counters and EL0 timers (D12.9, AArch64 pseudocode
    /// of CNTPCT_EL0 and CNTP_CTL_EL0). In the EL2&0 regime CNTHCTL_EL2
    /// has CNTKCTL's layout for EL0 and EL1PCTEN/EL1PTEN move to bits 10/11.
    private func checkTimerAccess(_ kind: SystemRegisterTrap, isRead: Bool,
                                  _ trap: (UInt8) -> CPUException) throws(CPUException) {
        let el = currentEL
        let e2h = hcrEL2 & HCR.E2H != 0
        if el == 0 {
            let control = systemRegisters[inHost ? SR.CNTHCTL_EL2 : SR.CNTKCTL_EL1]
            let enabled: Bool
            switch kind {
            case .physicalCounter: enabled = control & 1 != 0                 // EL0PCTEN
            case .virtualCounter: enabled = control & 2 != 0                  // EL0VCTEN
            case .counterFrequency: enabled = control & 3 != 0
            case .physicalTimer: enabled = control & (1 << 9) != 0            // EL0PTEN
            default: enabled = control & (1 << 8) != 0                        // EL0VTEN
            }
            if !enabled { throw trap(0) }
        }
        if kind == .counterFrequency && !isRead && el != (features.el2 ? 2 : 1) {
            throw .undefined                  // CNTFRQ_EL0 is writable only at the highest EL
        }
        if el < 2 && features.el2 && !inHost {
            let control = systemRegisters[SR.CNTHCTL_EL2]
            switch kind {
            case .physicalCounter:
                if control & (e2h ? 1 << 10 : 1) == 0 { throw trap(2) }         // EL1PCTEN
            case .physicalTimer:
                if control & (e2h ? 1 << 11 : 2) == 0 { throw trap(2) }         // EL1PCEN / EL1PTEN
            default: break
            }
        }
    }

    public func readSystemRegister(_ index: Int) -> UInt64 {
        let row = SystemRegisters.table[index]
        switch row.kind {
        case .stored, .constant: return systemRegisters[index]
        case .nzcv: return UInt64(nzcv)
        case .fpcr: return UInt64(fpcr)
        case .fpsr: return UInt64(fpsr)
        case .daif: return daif
        // FEAT_NV: EL1 reads CurrentEL as EL2 when HCR_EL2.NV = 1.
        case .currentEL: return UInt64(currentEL == 1 && features.el2 && hcrEL2 & HCR.NV != 0 ? 2 : currentEL) << 2
        case .spsel: return UInt64(spSel)
        case .spEL0: return spSel == 0 ? sp : spELx[0]
        case .spEL1: return currentEL == 1 && spSel == 1 ? sp : spELx[1]
        case .midr: return currentEL == 1 && features.el2 ? systemRegisters[SR.VPIDR_EL2] : ImpDef.midr
        case .mpidr: return currentEL == 1 && features.el2 ? systemRegisters[SR.VMPIDR_EL2] : mpidr
        case .physicalCount: return physicalCount
        case .virtualCount: return virtualCount
        case .timerCTL(let n): return readTimerControl(Int(n))
        case .timerCVAL(let n): return readTimerCompare(Int(n))
        case .timerTVAL(let n): return readTimerValue(Int(n))
        case .gic(let r): return host?.readGICRegister(self, r) ?? 0
        case .iccSRE(let v): return v
        case .dczid: return ImpDef.dczid | (dcZVAProhibited ? 0x10 : 0)
        case .osLockAccess: return 0
        case .isr: return interruptStatus
        case .ccsidr: return ImpDef.ccsidr(features.caches, csselr: systemRegisters[SR.CSSELR_EL1])
        }
    }

    public func writeSystemRegister(_ index: Int, _ value: UInt64) {
        let row = SystemRegisters.table[index]
        switch row.kind {
        case .stored(var writable):
            // HCR_EL2.FWB is RES0 unless FEAT_S2FWB is implemented.
            if index == SR.HCR_EL2 && !features.caches.fwb { writable &= ~HCR.FWB }
            systemRegisters[index] = (systemRegisters[index] & ~writable) | (value & writable)
            if index == SR.CNTVOFF_EL2 { host?.timerChanged(self) }
            if SR.translationControls.contains(index) { flushSoftTLB() }
        case .constant, .currentEL, .midr, .mpidr, .physicalCount, .virtualCount, .iccSRE, .dczid, .isr, .ccsidr:
            break       // read-only (or RAO/WI); an MSR to them was refused by the checks
        case .nzcv: nzcv = UInt32(truncatingIfNeeded: value) & 0xF000_0000
        case .fpcr: fpcr = UInt32(truncatingIfNeeded: value) & FPControlBits.fpcrWritable
        case .fpsr: fpsr = UInt32(truncatingIfNeeded: value) & FPControlBits.fpsrWritable
        case .daif: daif = value & 0x3C0
        case .spsel: selectSP(el: currentEL, spSel: UInt8(value & 1))
        case .spEL0:
            if spSel == 0 { sp = value } else { spELx[0] = value }
        case .spEL1:
            if currentEL == 1 && spSel == 1 { sp = value } else { spELx[1] = value }
        case .timerCTL(let n): writeTimerControl(Int(n), value); host?.timerChanged(self)
        case .timerCVAL(let n): writeTimerCompare(Int(n), value); host?.timerChanged(self)
        case .timerTVAL(let n): writeTimerValue(Int(n), value); host?.timerChanged(self)
        case .gic(let r): host?.writeGICRegister(self, r, value)
        case .osLockAccess:
            systemRegisters[SR.OSLSR_EL1] = (systemRegisters[SR.OSLSR_EL1] & ~2) | (value & 1) << 1
        }
    }

    /// MSR (immediate) to a PSTATE field (C5.2.x): SPSel is UNDEFINED at
    /// EL0; DAIFSet/DAIFClr at EL0 need SCTLR_EL1.UMA (else trap to EL1).
    func writePSTATEField(_ field: PSTATEField, _ imm: UInt64, op1: UInt32, op2: UInt32) throws(CPUException) {
        switch field {
        case .SPSel:
            if currentEL == 0 { throw .undefined }
            selectSP(el: currentEL, spSel: UInt8(imm & 1))
        case .DAIFSet, .DAIFClr:
            if currentEL == 0 && el0SCTLR & (1 << 9) == 0 {
                let key = SystemRegisterKey(op0: 0, op1: op1, crn: 4, crm: UInt32(imm), op2: op2)
                throw .exception(ExceptionRecord(.systemRegisterTrap,
                                                 iss: ExceptionRecord.systemAccessISS(key, rt: 31, isRead: false)))
            }
            if field == .DAIFSet { daif |= (imm & 0xF) << 6 } else { daif &= ~((imm & 0xF) << 6) }
        }
    }

    /// DC ZVA is prohibited at EL0 without SCTLR_EL1.DZE, and at EL1/EL0
    /// with HCR_EL2.TDZ (DCZID_EL0.DZP reports it).
    var dcZVAProhibited: Bool {
        (currentEL == 0 && el0SCTLR & (1 << 14) == 0) || (currentEL < 2 && !inHost && hcrEL2 & HCR.TDZ != 0)
    }

    /// The checks of a SYS instruction (C5.3 per-instruction pseudocode).
    func checkSystemInstruction(_ row: SystemInstructionRow, rt: UInt8) throws(CPUException) {
        let el = currentEL
        let hcr = hcrEL2
        func trap(_ target: UInt8) -> CPUException {
            .exception(ExceptionRecord(.systemRegisterTrap,
                                       iss: ExceptionRecord.systemAccessISS(row.key, rt: rt, isRead: false),
                                       targetEL: target))
        }
        if el == 0 {
            switch row.el0 {
            case .never: throw .undefined
            case .uci: if el0SCTLR & (1 << 26) == 0 { throw trap(0) }
            case .dze: if el0SCTLR & (1 << 14) == 0 { throw trap(0) }
            }
        } else if el < row.minEL {
            // FEAT_NV: EL2's TLBI and AT forms trap from EL1 with HCR_EL2.NV.
            if el == 1 && row.minEL == 2 && features.el2 && hcr & HCR.NV != 0 { throw trap(2) }
            throw .undefined
        }
        guard el < 2 && !inHost else { return }
        let tge = hcr & HCR.TGE != 0
        switch row.trap {
        case .none: break
        case .tpu:
            // FEAT_EVT: TOCU traps IC IVAU, IC IALLU and DC CVAU; TICAB
            // traps IC IALLUIS (D24.2.62).
            if hcr & HCR.TPU != 0 { throw trap(2) }
            if case .instructionCache(.IALLUIS) = row.operation {
                if hcr & HCR.TICAB != 0 { throw trap(2) }
            } else if hcr & HCR.TOCU != 0 { throw trap(2) }
        case .tpc: if hcr & HCR.TPC != 0 { throw trap(2) }
        case .tdz: if hcr & HCR.TDZ != 0 { throw trap(2) }
        case .at: if el == 1 && hcr & HCR.AT != 0 { throw trap(2) }       // FEAT_NV: HCR_EL2.AT
        case .tsw: if hcr & HCR.TSW != 0 && !tge { throw trap(2) }
        case .ttlb:
            if hcr & HCR.TTLB != 0 && !tge { throw trap(2) }
            // FEAT_EVT: TTLBIS / TTLBOS trap only the IS / OS forms.
            if case .tlbi(_, let sh, _) = row.operation, !tge {
                if sh == .inner && hcr & HCR.TTLBIS != 0 { throw trap(2) }
                if sh == .outer && hcr & HCR.TTLBOS != 0 { throw trap(2) }
            }
        }
    }

    func systemInstruction(_ operation: SystemOperation, _ operand: UInt64) throws(CPUException) {
        switch operation {
        case .dcZVA:
            // DC ZVA (C5.3.x): zero the DCZID_EL0-sized block containing the
            // address, as stores (translated, write permission); Device memory
            // gives an Alignment fault.
            let size = ImpDef.dczvaBlockSize
            let base = operand & ~(size - 1)
            if try translateData(base, .write).entry.attributes.isDevice {
                throw alignmentFault(operand, .write)
            }
            if dataCacheZeroBlock(base, size) { return }
            var a = base
            while a < base &+ size { try write64(a, 0); a &+= 8 }
        case .dataCache(let op):
            // By VA: translated as a read, without permission faults except
            // DC IVAC, which needs write permission (D7.5.9.5).
            let pa = op.byVA ? try maintenanceTranslate(operand, needsWrite: op == .IVAC) : nil
            if op.byVA && pa == nil { return }
            dataCacheMaintenance(op, pa: pa, operand: operand)
        case .instructionCache(let op):
            let pa = op == .IVAU ? try maintenanceTranslate(operand, needsWrite: false) : nil
            if op == .IVAU && pa == nil { return }
            instructionCacheMaintenance(op, va: operand, pa: pa)
        case .tlbi(let op, let shareability, _):
            tlbInvalidate(op, shareability, operand)
        case .at(let op):
            try addressTranslate(op, operand)
        }
    }

    /// The translation of a cache maintenance instruction by VA: faults
    /// other than permission faults are reported with ESR.CM = 1.
    /// Returns the PA (nil: a permission fault the operation ignores, or no
    /// RAM behind it).
    func maintenanceTranslate(_ va: UInt64, needsWrite: Bool) throws(CPUException) -> UInt64? {
        do {
            let pa = try translate(va, needsWrite ? .write : .read, el: currentEL).pa
            return memory.isRAM(pa, 1) ? pa : nil
        } catch {
            // Permission faults are not reported for these (D7.5.9.5); the
            // operation then does nothing here.
            if error.kind == .permission && !needsWrite { return nil }
            var f = error
            f.cacheMaintenance = true
            throw .abort(f)
        }
    }
}
