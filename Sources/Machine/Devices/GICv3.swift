import A64
import Memory

/// GICv3 (Arm GIC architecture specification IHI 0069): a distributor, one
/// redistributor per CPU, and the system-register CPU interface. Single
/// Security state (GICD_CTLR.DS = 1): Group 0 interrupts are signalled as
/// FIQ, Group 1 as IRQ. (Skeleton: the model is being written.)
public final class GICv3 {
    let cpus: [CPU]
    public let distributor: MMIODevice
    public let redistributors: MMIODevice

    public init(cpus: [CPU]) {
        self.cpus = cpus
        distributor = Placeholder()
        redistributors = Placeholder()
    }

    /// Sets the level of a PPI (INTID 16-31) of one CPU (the timers).
    public func setPPI(cpu: Int, intid: Int, level: Bool) {}
    /// Sets the level of an SPI (INTID 32-1019).
    public func setSPI(intid: Int, level: Bool) {}
    /// An ICC_* register read or write by `cpu`.
    public func read(cpu: Int, _ register: GICCPUInterfaceRegister) -> UInt64 { 0 }
    public func write(cpu: Int, _ register: GICCPUInterfaceRegister, _ value: UInt64) {}
    /// Whether `cpu` has a pending interrupt that would wake it from WFI
    /// (enabled, pending, forwarded by the CPU interface; PSTATE masks ignored).
    public func hasWakeUpInterrupt(cpu: Int) -> Bool { false }

    final class Placeholder: MMIODevice {
        func mmioRead(offset: UInt64, size: Int) -> UInt64 { 0 }
        func mmioWrite(offset: UInt64, size: Int, value: UInt64) {}
    }
}
