/// MRS, MSR and SYS (C5.2, C5.3): reads and writes through the system
/// register table. EL-based access checks and traps come with the
/// exception-level work.
extension CPU {
    public func readSystemRegister(_ index: Int) -> UInt64 {
        let row = SystemRegisters.table[index]
        switch row.kind {
        case .stored, .constant: return systemRegisters[index]
        case .nzcv: return UInt64(nzcv)
        case .daif: return daif
        case .currentEL: return UInt64(currentEL) << 2
        case .spsel: return UInt64(spSel)
        case .spEL0: return spSel == 0 ? sp : spELx[0]
        case .mpidr: return mpidr
        case .counter: return instructionsRetired
        }
    }

    public func writeSystemRegister(_ index: Int, _ value: UInt64) {
        let row = SystemRegisters.table[index]
        switch row.kind {
        case .stored(let writable):
            systemRegisters[index] = (systemRegisters[index] & ~writable) | (value & writable)
        case .constant, .currentEL, .mpidr, .counter:
            break   // read-only: writes are ignored until traps exist
        case .nzcv: nzcv = UInt32(truncatingIfNeeded: value) & 0xF000_0000
        case .daif: daif = value & 0x3C0
        case .spsel: selectSP(el: currentEL, spSel: UInt8(value & 1))
        case .spEL0:
            if spSel == 0 { sp = value } else { spELx[0] = value }
        }
    }

    func writePSTATEField(_ field: PSTATEField, _ imm: UInt64) {
        switch field {
        case .SPSel: selectSP(el: currentEL, spSel: UInt8(imm & 1))
        case .DAIFSet: daif |= (imm & 0xF) << 6
        case .DAIFClr: daif &= ~((imm & 0xF) << 6)
        }
    }

    func systemInstruction(_ kind: SystemInstructionKind, _ operand: UInt64) throws(CPUException) {
        switch kind {
        case .dcZVA:
            // DC ZVA: zero the DCZID_EL0-sized block containing the address.
            let size = ImpDef.dczvaBlockSize
            let base = operand & ~(size - 1)
            var a = base
            while a < base &+ size { try write64(a, 0); a &+= 8 }
        case .dataCacheMaintenance, .instructionCacheMaintenance, .tlbInvalidate:
            break   // no cache or TLB model yet: nothing is ever stale
        }
    }
}
