/// WFI/WFE traps and firmware calls: the parts of the hint and exception
/// generating instructions that look beyond the CPU.
extension CPU {
    /// WFI and WFE traps (D1.6.3): to EL1 from EL0 when SCTLR_EL1.nTWI /
    /// nTWE is 0, then to EL2 from EL0/EL1 when HCR_EL2.TWI / TWE is 1.
    /// ISS: CV = 1, COND = 0b1110, TI = 0 (WFI) or 1 (WFE).
    func checkWaitTrap(isWFE: Bool) throws(CPUException) {
        let iss = ExceptionRecord.wfxISS(isWFE: isWFE)
        if currentEL == 0 && el0SCTLR & (isWFE ? 1 << 18 : 1 << 16) == 0 {
            throw .exception(ExceptionRecord(.wfxTrap, iss: iss))
        }
        if currentEL < 2 && !inHost && hcrEL2 & (isWFE ? HCR.TWE : HCR.TWI) != 0 {
            throw .exception(ExceptionRecord(.wfxTrap, iss: iss, targetEL: 2))
        }
    }

    /// An HVC or SMC answered by the board's firmware (PSCI). A call the
    /// firmware does not recognise is UNDEFINED, as with no firmware at all.
    func firmwareCall(_ conduit: FirmwareConduit, pc: UInt64) throws(CPUException) {
        guard let host else { throw .undefined }
        self.pc = pc
        if !(try host.firmwareCall(self, conduit: conduit)) { throw .undefined }
        observer?.firmwareCalled(self, pc: pc, conduit: conduit)
    }

    // The event register and the exclusive monitor live in the state the
    // CPUs share. These are out of line: inlined, LLVM hoists the loads of
    // `shared` and its fields out of the interpreter's inner loop and keeps
    // them in its frame, reloaded for every run of instructions.

    /// SEV: sets every PE's event register.
    @inline(never) func sendEventToAll() { shared.sendEvent() }
    /// SEVL: sets this PE's event register.
    @inline(never) func setEventRegister() { shared.events[index] = true }
    /// WFE's test: clears this PE's event register and says whether it was set.
    @inline(never) func consumeEventRegister() -> Bool {
        guard shared.events[index] else { return false }
        shared.events[index] = false
        return true
    }
    /// CLREX: this PE's monitor to Open Access.
    @inline(never) func clearExclusiveMonitor() { shared.clearMonitor(cpu: index) }
}
