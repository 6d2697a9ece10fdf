/// What a debugger or a trace sees of a CPU: the events it may stop at or
/// print. The CPU calls these only when `CPU.observer` is set, and only from
/// paths that are already out of line (exception entry and return, system
/// register and system instruction execution, firmware calls); the
/// per-instruction call is made only by `runObserved`, so `run` costs
/// nothing more for any of it.
public protocol CPUObserver: AnyObject {
    /// Before the instruction at `pc` (only under `runObserved`). Returning
    /// true stops the run before it executes.
    func beforeInstruction(_ cpu: CPU, pc: UInt64) -> Bool
    /// After AArch64.TakeException: the CPU is at `event.vector` in
    /// `event.toEL`, with ESR/FAR/HPFAR/ELR/SPSR of that EL written.
    func exceptionTaken(_ cpu: CPU, _ event: ExceptionEvent)
    /// An ERET at `pc` from `fromEL` returning to `target` (the CPU's
    /// PSTATE is already the restored one).
    func exceptionReturned(_ cpu: CPU, pc: UInt64, fromEL: UInt8, target: UInt64)
    /// A completed MRS or MSR of row `index` of `SystemRegisters.table`.
    func systemRegisterAccessed(_ cpu: CPU, pc: UInt64, index: Int, isRead: Bool, value: UInt64)
    /// A SYS instruction (DC, IC, TLBI, AT), row `index` of
    /// `SystemInstructions.table`, about to be performed with Xt = `operand`.
    func systemInstructionExecuted(_ cpu: CPU, pc: UInt64, index: Int, operand: UInt64)
    /// A data access to a page in `CPU.watchedPages` (only those: they are
    /// kept out of the software TLB, so each access takes the slow path),
    /// before it is performed; `value` is what a store writes.
    func memoryAccessed(_ cpu: CPU, va: UInt64, size: Int, isWrite: Bool, value: UInt64)
    /// That SYS instruction done: `effect` TLB entries and cache lines it
    /// removed or cleaned (0: it found nothing to do).
    func systemInstructionCompleted(_ cpu: CPU, pc: UInt64, index: Int, effect: Int)
    /// `--explain-stale`: a TLB entry was used whose output differs from
    /// what the translation tables give now (`freshPA` nil: they fault).
    func staleTranslation(_ cpu: CPU, va: UInt64, used: TLBEntry, usedPA: UInt64, freshPA: UInt64?)
    /// An HVC or SMC answered by the board's firmware (PSCI) rather than
    /// taken as an exception.
    func firmwareCalled(_ cpu: CPU, pc: UInt64, conduit: FirmwareConduit)

    // `--explain-stale` only (`CPU.explainStale`): what the stale-use
    // checks and their provenance need. With it on the software TLB is not
    // filled, so every data access takes the slow path that reports it.

    /// A data access to RAM at `pa`: a load after it read `value`, a store
    /// before it writes `value`; `cacheable` whether it goes through the
    /// data caches; `byAgent` for a coherent write by another agent for the
    /// CPU (semihosting, the debugger) rather than by an instruction.
    func dataAccessed(_ cpu: CPU, va: UInt64, pa: UInt64, size: Int, isWrite: Bool, value: UInt64, cacheable: Bool,
                      byAgent: Bool)
    /// An I-cache line was allocated at `slot` for the fetch of `va` (`pa`)
    /// tagged `vmid`; `cacheable` whether the fetch was (else it read memory).
    func instructionCacheFilled(_ cpu: CPU, slot: Int, va: UInt64, pa: UInt64, vmid: UInt16, cacheable: Bool)
    /// A translation table walk's result was cached in the CPU's TLB.
    func translationCached(_ cpu: CPU, _ entry: TLBEntry)
}

/// One exception entry, as `CPUObserver.exceptionTaken` reports it.
public struct ExceptionEvent: Sendable {
    public enum Kind: String, Sendable { case synchronous, irq, fiq, serror }
    public let kind: Kind
    public let fromEL: UInt8
    public let toEL: UInt8
    /// ELR_ELx: the preferred return address.
    public let preferredReturn: UInt64
    public let vector: UInt64
    /// ESR_ELx for a synchronous exception (else 0).
    public let syndrome: UInt64
}
