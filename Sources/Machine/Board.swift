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
    }

    public struct Configuration {
        public var ramSize: UInt64 = 256 << 20
        public var cpuCount = 1
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

    public init(_ configuration: Configuration, console: ConsoleOutput = ConsoleOutput()) {
        self.configuration = configuration
        self.console = console
        let memory = PhysicalMemory(ramBase: MemoryMap.ramBase, ramSize: configuration.ramSize)
        let shared = SharedProcessorState(memory: memory)
        self.memory = memory
        self.shared = shared
        cpus = (0..<configuration.cpuCount).map { CPU(index: $0, shared: shared) }
        uart = PL011(console: console)
        memory.map(uart, at: MemoryMap.uart, size: MemoryMap.uartSize, name: "pl011")
        semihosting = Semihosting(configuration: configuration.semihosting, memory: memory, console: console)
        for cpu in cpus { cpu.host = semihosting }
    }

    public var ramRange: ClosedRange<UInt64> {
        MemoryMap.ramBase...(MemoryMap.ramBase + configuration.ramSize - 1)
    }
}
