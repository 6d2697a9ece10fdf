import A64
import Memory

/// The board: a machine compatible with QEMU's `-M virt` as far as the
/// devices it has go (DESIGN.md, "The platform"). It owns the physical
/// address space, the CPUs and the devices; guests see nothing else.
public final class Board {
    /// The `virt` memory map (QEMU hw/arm/virt.c, base_memmap).
    public enum MemoryMap {
        public static let ramBase: UInt64 = 0x4000_0000
        public static let uart: UInt64 = 0x0900_0000
        public static let uartSize: UInt64 = 0x1000
        /// GICv3 distributor (64 KiB) and redistributors (two 64 KiB frames,
        /// RD_base and SGI_base, per CPU), as VIRT_GIC_DIST / VIRT_GIC_REDIST.
        public static let gicDistributor: UInt64 = 0x0800_0000
        public static let gicDistributorSize: UInt64 = 0x1_0000
        public static let gicRedistributors: UInt64 = 0x080A_0000
        public static let gicRedistributorStride: UInt64 = 0x2_0000
        /// The largest CPU count whose redistributors fit QEMU's region
        /// (0x00F6_0000 bytes).
        public static let maxCPUs = 123
    }

    /// The generic timer's interrupts, as PPI INTIDs (QEMU virt's
    /// ARCH_TIMER_*_IRQ numbers plus 16).
    public enum TimerPPI {
        public static let hypervisorPhysical = 26    // CNTHP, EL2 physical
        public static let virtual = 27               // CNTV
        public static let hypervisorVirtual = 28     // CNTHV (FEAT_VHE)
        public static let physical = 30              // CNTP, EL1 physical
    }

    public struct Configuration {
        public var ramSize: UInt64 = 256 << 20
        public var cpuCount = 1
        /// The exception level the boot CPU starts at: 1 (QEMU -M virt) or
        /// 2 (QEMU -M virt,virtualization=on, EL2 implemented). PSCI is
        /// reached by HVC when it is 1 and by SMC when it is 2, as on QEMU.
        public var bootEL: UInt8 = 1
        /// Seeds every free choice the machine makes (the CPU order of each
        /// scheduling round).
        public var seed: UInt64 = 0
        /// Instructions each CPU runs before the next one gets its turn.
        public var quantum = 4096
        /// The cache model (off: coherent memory, like QEMU).
        public var caches = ImpDef.caches
        /// Each CPU's TLB: entries and ways (ImpDef's by default).
        public var tlbEntries = ImpDef.tlbEntries
        public var tlbWays = ImpDef.tlbWays
        public var semihosting = SemihostingConfiguration()
        public init() {}
    }

    public let configuration: Configuration
    public let memory: PhysicalMemory
    public let shared: SharedProcessorState
    public let cpus: [CPU]
    public let console: ConsoleOutput
    public let uart: PL011
    public let semihosting: Semihosting
    public let gic: GICv3
    public let timerInterrupts: TimerInterrupts
    public let psci: PSCI
    let host: BoardHost

    public init(_ configuration: Configuration, console: ConsoleOutput = ConsoleOutput()) {
        self.configuration = configuration
        self.console = console
        let memory = PhysicalMemory(ramBase: MemoryMap.ramBase, ramSize: configuration.ramSize)
        let shared = SharedProcessorState(memory: memory)
        self.memory = memory
        self.shared = shared
        var features = ProcessorFeatures(el2: configuration.bootEL == 2)
        features.tlbEntries = configuration.tlbEntries
        features.tlbWays = configuration.tlbWays
        features.seed = configuration.seed
        features.caches = configuration.caches
        features.caches.seed = configuration.seed
        if configuration.caches.enabled {
            shared.dataCaches = DataCaches(configuration: features.caches, memory: memory,
                                           cpuCount: configuration.cpuCount)
        }
        cpus = (0..<configuration.cpuCount).map { CPU(index: $0, shared: shared, features: features) }
        uart = PL011(console: console)
        memory.map(uart, at: MemoryMap.uart, size: MemoryMap.uartSize, name: "pl011")
        gic = GICv3(cpus: cpus)
        memory.map(gic.distributor, at: MemoryMap.gicDistributor, size: MemoryMap.gicDistributorSize,
                   name: "gicv3-distributor")
        memory.map(gic.redistributors, at: MemoryMap.gicRedistributors,
                   size: MemoryMap.gicRedistributorStride * UInt64(configuration.cpuCount),
                   name: "gicv3-redistributors")
        timerInterrupts = TimerInterrupts(gic: gic, cpuCount: configuration.cpuCount)
        semihosting = Semihosting(configuration: configuration.semihosting, memory: memory, console: console)
        psci = PSCI(cpus: cpus, conduit: configuration.bootEL == 2 ? .smc : .hvc,
                    bootEL: configuration.bootEL)
        host = BoardHost(semihosting: semihosting, psci: psci, gic: gic, timerInterrupts: timerInterrupts)
        psci.powerOnHook = { [unowned gic] cpu in gic.resetCPUInterface(cpu: cpu.index) }
        for cpu in cpus { cpu.host = host }
    }

    /// The PSCI conduit, as QEMU -M virt chooses it: SMC when EL2 is
    /// implemented (the firmware plays EL3), HVC otherwise (it plays EL2).
    public var psciConduit: FirmwareConduit { psci.conduit }

    public var ramRange: ClosedRange<UInt64> {
        MemoryMap.ramBase...(MemoryMap.ramBase + configuration.ramSize - 1)
    }
}
