/// The board's side of what a CPU cannot do alone: semihosting, the
/// firmware behind HVC/SMC (PSCI) and the GIC's CPU interface. These are
/// rare events (never per instruction), so an existential costs nothing
/// on the hot path.
public protocol CPUHost: AnyObject {
    /// `HLT #imm` when `imm` is the semihosting trap number (0xF000).
    func semihostingCall(_ cpu: CPU) throws(CPUException)

    /// An HVC or SMC that reaches the board's firmware rather than an
    /// exception level of the guest (PSCI; SMC Calling Convention: function
    /// ID in W0, arguments in X1-X3, results in X0-X3). Returns false when
    /// the call is not one the firmware implements (the instruction is then
    /// UNDEFINED, as QEMU makes it).
    func firmwareCall(_ cpu: CPU, conduit: FirmwareConduit) throws(CPUException) -> Bool

    /// The GIC CPU interface system registers (ICC_*), which the board's
    /// GICv3 implements. The access checks (EL, ICC_SRE_ELx.SRE, traps) are
    /// done by the CPU before these are called.
    func readGICRegister(_ cpu: CPU, _ register: GICCPUInterfaceRegister) -> UInt64
    func writeGICRegister(_ cpu: CPU, _ register: GICCPUInterfaceRegister, _ value: UInt64)

    /// A write may have changed this CPU's timer outputs (a CNT*_CTL, CVAL,
    /// TVAL or CNTVOFF_EL2 write): the board samples `timerOutputs` again.
    func timerChanged(_ cpu: CPU)
}

/// How a firmware call was made (SMC Calling Convention conduits).
public enum FirmwareConduit: Sendable {
    case hvc, smc
}

/// The GICv3 CPU interface registers reached by MRS/MSR (GICv3 architecture
/// specification, 12.2 "AArch64 GIC system register descriptions"). The
/// system-register table maps encodings to these; `ICC_SRE_EL1/EL2` are
/// kept by the CPU itself (they only say that the system-register interface
/// is enabled, which it always is).
public enum GICCPUInterfaceRegister: UInt8, CaseIterable, Sendable {
    case PMR        // ICC_PMR_EL1     priority mask
    case IAR0       // ICC_IAR0_EL1    acknowledge, Group 0
    case EOIR0      // ICC_EOIR0_EL1   end of interrupt, Group 0
    case HPPIR0     // ICC_HPPIR0_EL1  highest priority pending, Group 0
    case BPR0       // ICC_BPR0_EL1
    case AP0R0      // ICC_AP0R0_EL1   active priorities, Group 0
    case AP1R0      // ICC_AP1R0_EL1   active priorities, Group 1
    case DIR        // ICC_DIR_EL1     deactivate (EOImode = 1)
    case RPR        // ICC_RPR_EL1     running priority
    case SGI1R      // ICC_SGI1R_EL1   generate Group 1 SGI
    case ASGI1R     // ICC_ASGI1R_EL1
    case SGI0R      // ICC_SGI0R_EL1
    case IAR1       // ICC_IAR1_EL1    acknowledge, Group 1
    case EOIR1      // ICC_EOIR1_EL1
    case HPPIR1     // ICC_HPPIR1_EL1
    case BPR1       // ICC_BPR1_EL1
    case CTLR       // ICC_CTLR_EL1
    case IGRPEN0    // ICC_IGRPEN0_EL1 Group 0 enable
    case IGRPEN1    // ICC_IGRPEN1_EL1 Group 1 enable
}
