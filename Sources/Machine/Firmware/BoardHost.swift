import A64

/// What the CPUs call on for the board: semihosting, the PSCI firmware and
/// the GIC's CPU interface.
final class BoardHost: CPUHost {
    let semihosting: Semihosting
    let psci: PSCI
    let gic: GICv3
    let timerInterrupts: TimerInterrupts

    init(semihosting: Semihosting, psci: PSCI, gic: GICv3, timerInterrupts: TimerInterrupts) {
        self.semihosting = semihosting
        self.psci = psci
        self.gic = gic
        self.timerInterrupts = timerInterrupts
    }

    func timerChanged(_ cpu: CPU) {
        timerInterrupts.update(cpu)
    }

    func semihostingCall(_ cpu: CPU) throws(CPUException) {
        try semihosting.semihostingCall(cpu)
    }

    func firmwareCall(_ cpu: CPU, conduit: FirmwareConduit) throws(CPUException) -> Bool {
        guard conduit == psci.conduit else { return false }
        return psci.call(cpu)
    }

    func readGICRegister(_ cpu: CPU, _ register: GICCPUInterfaceRegister) -> UInt64 {
        gic.read(cpu: cpu.index, register)
    }

    func writeGICRegister(_ cpu: CPU, _ register: GICCPUInterfaceRegister, _ value: UInt64) {
        gic.write(cpu: cpu.index, register, value)
    }
}
