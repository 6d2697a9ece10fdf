/// The AT instructions (ARM ARM C5.5, D8.15, pseudocode AArch64.AT): a
/// translation as a given EL would make it, the result in PAR_EL1 (PA and
/// attributes, or the fault) instead of an exception.
extension CPU {
    func addressTranslate(_ op: ATOperation, _ va: UInt64) throws(CPUException) {
        let el: UInt8, access: AccessKind, bothStages: Bool
        switch op {
        case .S1E1R: (el, access, bothStages) = (1, .read, false)
        case .S1E1W: (el, access, bothStages) = (1, .write, false)
        case .S1E0R: (el, access, bothStages) = (0, .read, false)
        case .S1E0W: (el, access, bothStages) = (0, .write, false)
        case .S1E2R: (el, access, bothStages) = (2, .read, false)
        case .S1E2W: (el, access, bothStages) = (2, .write, false)
        case .S12E1R: (el, access, bothStages) = (1, .read, true)
        case .S12E1W: (el, access, bothStages) = (1, .write, true)
        case .S12E0R: (el, access, bothStages) = (0, .read, true)
        case .S12E0W: (el, access, bothStages) = (0, .write, true)
        }
        do {
            let (pa, attributes) = try atTranslate(va, access, el: el, bothStages: bothStages)
            // PAR_EL1, success: ATTR [63:56], PA [47:12], RES1 [11], NS [9]
            // (a Non-secure translation), SH [8:7], F [0] = 0.
            systemRegisters[SR.PAR_EL1] = UInt64(attributes.mair) << 56 | (pa & 0x0000_FFFF_FFFF_F000)
                | 1 << 11 | 1 << 9 | UInt64(attributes.shareability) << 7
        } catch {
            // A stage 2 fault on stage 1's walk of an AT S1E0/S1E1 is taken
            // as an exception to EL2 (D8.15.2); everything else is reported.
            if error.stage2 && error.s1ptw && !bothStages && el < 2 {
                throw .abort(error)
            }
            // PAR_EL1, fault: RES1 [11], S [9] (stage 2), PTW [8], FST [6:1], F [0] = 1.
            systemRegisters[SR.PAR_EL1] = 1 << 11 | (error.stage2 ? 1 << 9 : 0) | (error.s1ptw ? 1 << 8 : 0)
                | UInt64(error.faultStatusCode) << 1 | 1
        }
    }

    /// The translation an AT makes: the same walk, with the permissions of
    /// `el`, through stage 2 only for the S12 forms (an S1 form's result is
    /// the IPA). A stage-1-only result is not cached as a combined entry.
    func atTranslate(_ va: UInt64, _ access: AccessKind, el: UInt8, bothStages: Bool) throws(TranslationFault) -> (UInt64, MemoryAttributes) {
        let regime = regime(forEL: el)
        let s2 = stage2Enabled(regime)
        if bothStages || !s2 {
            let (pa, entry) = try translate(va, access, el: el)
            return (pa, entry.attributes)
        }
        if !stage1Enabled(regime) {
            let flat = TLBEntry(kind: .combined, regime: regime, vmid: 0, asid: 0, global: true, inputBase: va & ~0xFFF,
                                sizeShift: 12, level: 0, outputBase: va & ~0xFFF, ipaBase: va & ~0xFFF,
                                stage1: .all, stage2: .all, stage2Level: 0,
                                attributes: hcrEL2 & HCR.DC != 0 ? .normalWriteBack : .deviceNGnRnE)
            return (va, flat.attributes)
        }
        let address = stripTag(va, regime, access)
        let entry = try walk(address, va: va, access, regime, tlbContext(regime), stage1Only: true)
        if !entry.stage1.allows(access, el: el) {
            throw TranslationFault(.permission, level: Int(entry.level), access: access, va: va)
        }
        return (entry.outputBase | (address & (entry.size &- 1)), entry.attributes)
    }
}
