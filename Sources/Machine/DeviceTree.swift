import CLibFDT

/// The flattened device tree (DTB) that describes the board to a kernel, as
/// QEMU's `-M virt` (hw/arm/virt.c, QEMU 7.2, `gic-version=3`) describes the
/// same devices: memory, the CPUs (enable-method "psci"), PSCI, the GICv3,
/// the generic timer, the PL011 and its clock, and /chosen. Devices a64emu
/// does not have (virtio-mmio, PCIe, fw-cfg, flash, RTC, GPIO, PMU, the ITS)
/// are not described. Built with libfdt's sequential-write functions, then
/// given QEMU's size (1 MiB, mostly free space).
///
/// Deliberate differences from QEMU 7.2's tree (tools/dtb_compare.py ignores
/// exactly these, README "Booting kernels and raw images"):
/// - every cpu node has enable-method = "psci" (QEMU leaves it out with one CPU);
/// - cpu compatible is "arm,armv8" (QEMU's `-cpu max` says "arm,cortex-a57",
///   a core whose MIDR a64emu does not report);
/// - the GIC node has no maintenance interrupt at EL2: a64emu's GICv3 has no
///   virtualization (ICH_*) interface;
/// - /chosen has no kaslr-seed or rng-seed (a64emu is deterministic).
public enum DeviceTree {
    /// Phandles, in QEMU's numbering style (0x8000 up).
    public enum Phandle {
        public static let clock: UInt32 = 0x8000
        public static let gic: UInt32 = 0x8001
        /// cpu N's phandle is firstCPU + N.
        public static let firstCPU: UInt32 = 0x8002
    }

    /// The PSCI 0.2+ function IDs a kernel calls (SMC64 where there is one),
    /// listed in the psci node for older kernels as QEMU does.
    public enum PSCIFunction {
        public static let cpuSuspend: UInt32 = 0xC400_0001
        public static let cpuOff: UInt32 = 0x8400_0002
        public static let cpuOn: UInt32 = 0xC400_0003
        public static let migrate: UInt32 = 0xC400_0005
    }

    /// The PL011's SPI (GIC binding: SPI 1 = INTID 33), as QEMU's VIRT_UART.
    public static let uartSPI: UInt32 = 1
    /// The secure EL1 physical timer's INTID (CNTPS), as QEMU's
    /// ARCH_TIMER_S_EL1_IRQ + 16; listed although a64emu has no Secure state.
    public static let secureTimerPPI = 29
    /// The APB clock the PL011 is described with (QEMU: "clk24mhz").
    public static let clockFrequency: UInt32 = 24_000_000
    /// The PL011's node path, /chosen/stdout-path.
    public static var uartPath: String { "/pl011@\(hexDigits(Board.MemoryMap.uart))" }
    /// The size of the redistributor region (room for every CPU the board allows).
    public static var redistributorRegionSize: UInt64 {
        UInt64(Board.MemoryMap.maxCPUs) * Board.MemoryMap.gicRedistributorStride
    }

    /// What /chosen says besides stdout-path.
    public struct Chosen: Equatable {
        /// /chosen/bootargs (`--append`); an empty string is left out, as QEMU does.
        public var bootargs: String?
        /// linux,initrd-start and linux,initrd-end (`--initrd`); left out when empty.
        public var initrd: Range<UInt64>?
        public init(bootargs: String? = nil, initrd: Range<UInt64>? = nil) {
            self.bootargs = bootargs
            self.initrd = initrd
        }
    }

    /// The DTB for a board with `configuration`.
    public static func build(_ configuration: Board.Configuration, chosen: Chosen = Chosen()) throws(DeviceTreeError) -> [UInt8] {
        var capacity = 16 << 10
        while true {
            do {
                return try build(configuration, chosen: chosen, capacity: capacity)
            } catch let e where e.code == -FDT_ERR_NOSPACE && capacity < 1 << 24 {
                capacity *= 2
            }
        }
    }

    static func build(_ configuration: Board.Configuration, chosen: Chosen, capacity: Int) throws(DeviceTreeError) -> [UInt8] {
        let w = FDTWriter(capacity: capacity)
        defer { w.buffer.deallocate() }
        try w.check(fdt_create(w.buffer, Int32(capacity)), "fdt_create")
        try w.check(fdt_finish_reservemap(w.buffer), "fdt_finish_reservemap")
        try w.beginNode("")
        try w.property("compatible", string: "linux,dummy-virt")
        try w.property("model", string: "linux,dummy-virt")
        try w.property("#address-cells", cells: [2])
        try w.property("#size-cells", cells: [2])
        try w.property("interrupt-parent", cells: [Phandle.gic])

        // PSCI: HVC from EL1 (QEMU -M virt); SMC when EL2 is implemented
        // (virtualization=on), where emulated firmware answers at "EL3".
        try w.beginNode("psci")
        try w.property("compatible", strings: ["arm,psci-1.0", "arm,psci-0.2", "arm,psci"])
        try w.property("method", string: configuration.bootEL >= 2 ? "smc" : "hvc")
        try w.property("cpu_suspend", cells: [PSCIFunction.cpuSuspend])
        try w.property("cpu_off", cells: [PSCIFunction.cpuOff])
        try w.property("cpu_on", cells: [PSCIFunction.cpuOn])
        try w.property("migrate", cells: [PSCIFunction.migrate])
        try w.endNode()

        let ramBase = Board.MemoryMap.ramBase
        try w.beginNode("memory@\(hexDigits(ramBase))")
        try w.property("device_type", string: "memory")
        try w.property("reg", cells: cells64(ramBase, configuration.ramSize))
        try w.endNode()

        try w.beginNode("cpus")
        try w.property("#address-cells", cells: [1])
        try w.property("#size-cells", cells: [0])
        try w.beginNode("cpu-map")
        try w.beginNode("socket0")
        try w.beginNode("cluster0")
        for cpu in 0..<configuration.cpuCount {
            try w.beginNode("core\(cpu)")
            try w.property("cpu", cells: [Phandle.firstCPU + UInt32(cpu)])
            try w.endNode()
        }
        try w.endNode()
        try w.endNode()
        try w.endNode()
        for cpu in 0..<configuration.cpuCount {
            // Named by CPU index as QEMU names them; reg is MPIDR.Aff2..Aff0.
            try w.beginNode("cpu@\(cpu)")
            try w.property("device_type", string: "cpu")
            try w.property("compatible", string: "arm,armv8")
            try w.property("reg", cells: [UInt32(mpidrAffinity(cpu: cpu))])
            try w.property("enable-method", string: "psci")
            try w.property("phandle", cells: [Phandle.firstCPU + UInt32(cpu)])
            try w.endNode()
        }
        try w.endNode()

        try w.beginNode("intc@\(hexDigits(Board.MemoryMap.gicDistributor))")
        try w.property("compatible", string: "arm,gic-v3")
        try w.property("#interrupt-cells", cells: [3])
        try w.emptyProperty("interrupt-controller")
        try w.property("#address-cells", cells: [2])
        try w.property("#size-cells", cells: [2])
        try w.emptyProperty("ranges")
        try w.property("reg", cells: cells64(Board.MemoryMap.gicDistributor, Board.MemoryMap.gicDistributorSize)
                                    + cells64(Board.MemoryMap.gicRedistributors, redistributorRegionSize))
        try w.property("#redistributor-regions", cells: [1])
        try w.property("phandle", cells: [Phandle.gic])
        try w.endNode()

        // Secure physical, non-secure physical, virtual, hypervisor physical:
        // PPI numbers (INTID - 16), level-sensitive active high (4).
        try w.beginNode("timer")
        try w.property("compatible", strings: ["arm,armv8-timer", "arm,armv7-timer"])
        let ppis = [secureTimerPPI, Board.TimerPPI.physical, Board.TimerPPI.virtual, Board.TimerPPI.hypervisorPhysical]
        try w.property("interrupts", cells: ppis.flatMap { [GICType.ppi, UInt32($0 - 16), GICType.levelHigh] })
        try w.emptyProperty("always-on")
        try w.endNode()

        try w.beginNode("apb-pclk")
        try w.property("compatible", string: "fixed-clock")
        try w.property("#clock-cells", cells: [0])
        try w.property("clock-frequency", cells: [clockFrequency])
        try w.property("clock-output-names", string: "clk24mhz")
        try w.property("phandle", cells: [Phandle.clock])
        try w.endNode()

        try w.beginNode(String(uartPath.dropFirst()))
        try w.property("compatible", strings: ["arm,pl011", "arm,primecell"])
        try w.property("reg", cells: cells64(Board.MemoryMap.uart, Board.MemoryMap.uartSize))
        try w.property("interrupts", cells: [GICType.spi, uartSPI, GICType.levelHigh])
        try w.property("clocks", cells: [Phandle.clock, Phandle.clock])
        try w.property("clock-names", strings: ["uartclk", "apb_pclk"])
        try w.endNode()

        try w.beginNode("chosen")
        try w.property("stdout-path", string: uartPath)
        if let bootargs = chosen.bootargs, !bootargs.isEmpty {
            try w.property("bootargs", string: bootargs)
        }
        if let initrd = chosen.initrd, !initrd.isEmpty {
            // One cell, as QEMU 7.2 writes them, unless an address needs two
            // (kernels accept either length).
            let wide = initrd.upperBound > UInt64(UInt32.max)
            try w.property("linux,initrd-start", cells: wide ? cells64(initrd.lowerBound) : [UInt32(initrd.lowerBound)])
            try w.property("linux,initrd-end", cells: wide ? cells64(initrd.upperBound) : [UInt32(initrd.upperBound)])
        }
        try w.endNode()

        try w.endNode()
        try w.check(fdt_finish(w.buffer), "fdt_finish")
        // Opened into QEMU's 1 MiB, as QEMU leaves its tree (free space at
        // the end, totalsize 1 MiB): the loader's room checks then come out
        // as QEMU's, and a boot loader can edit the tree in place.
        let size = max(Int(a64emu_fdt_totalsize(w.buffer)), blobSize)
        var blob = [UInt8](repeating: 0, count: size)
        let rc = blob.withUnsafeMutableBytes { fdt_open_into(w.buffer, $0.baseAddress, Int32(size)) }
        try w.check(rc, "fdt_open_into")
        return blob
    }

    /// The DTB's size (totalsize): QEMU's FDT_MAX_SIZE, the buffer virt's
    /// tree is made in and never packed from.
    public static let blobSize = 1 << 20

    /// The first cell of a GIC `interrupts` specifier, and the flags.
    enum GICType {
        static let spi: UInt32 = 0
        static let ppi: UInt32 = 1
        static let levelHigh: UInt32 = 4
    }

    /// MPIDR_EL1.Aff2..Aff0 of CPU `cpu` (CPU.mpidr without RES1 bit 31):
    /// the cpu node's reg.
    public static func mpidrAffinity(cpu: Int) -> UInt64 {
        UInt64(cpu / 16) << 8 | UInt64(cpu % 16)
    }

    static func cells64(_ values: UInt64...) -> [UInt32] {
        values.flatMap { [UInt32(truncatingIfNeeded: $0 >> 32), UInt32(truncatingIfNeeded: $0)] }
    }
}

func hexDigits(_ v: UInt64) -> String { String(v, radix: 16) }

/// A libfdt failure: the call and libfdt's own message.
public struct DeviceTreeError: Error, CustomStringConvertible, Equatable {
    /// libfdt's (negative) error code.
    public let code: Int32
    public let what: String
    public var description: String {
        "device tree: \(what): \(String(cString: fdt_strerror(code)))"
    }
}

/// libfdt's sequential-write calls on one buffer.
final class FDTWriter {
    let buffer: UnsafeMutableRawPointer

    init(capacity: Int) {
        buffer = .allocate(byteCount: capacity, alignment: 8)
    }

    func check(_ rc: Int32, _ what: @autoclosure () -> String) throws(DeviceTreeError) {
        if rc < 0 { throw DeviceTreeError(code: rc, what: what()) }
    }

    func beginNode(_ name: String) throws(DeviceTreeError) {
        try check(fdt_begin_node(buffer, name), "fdt_begin_node(\(name))")
    }

    func endNode() throws(DeviceTreeError) {
        try check(fdt_end_node(buffer), "fdt_end_node")
    }

    func property(_ name: String, bytes: [UInt8]) throws(DeviceTreeError) {
        let rc = bytes.withUnsafeBytes { fdt_property(buffer, name, $0.baseAddress, Int32($0.count)) }
        try check(rc, "fdt_property(\(name))")
    }

    func emptyProperty(_ name: String) throws(DeviceTreeError) {
        try check(fdt_property(buffer, name, nil, 0), "fdt_property(\(name))")
    }

    /// Big-endian 32-bit cells.
    func property(_ name: String, cells: [UInt32]) throws(DeviceTreeError) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(cells.count * 4)
        for c in cells { bytes += [UInt8(c >> 24), UInt8(c >> 16 & 0xFF), UInt8(c >> 8 & 0xFF), UInt8(c & 0xFF)] }
        try property(name, bytes: bytes)
    }

    func property(_ name: String, string: String) throws(DeviceTreeError) {
        try property(name, strings: [string])
    }

    /// A string list: each string NUL-terminated.
    func property(_ name: String, strings: [String]) throws(DeviceTreeError) {
        try property(name, bytes: strings.flatMap { Array($0.utf8) + [0] })
    }
}

/// A DTB read back with libfdt (tests, `a64emu dumpdtb`).
public struct FlattenedDeviceTree {
    public let bytes: [UInt8]

    /// Checks the header (magic 0xd00dfeed, version, sizes within `bytes`).
    public init(_ bytes: [UInt8]) throws(DeviceTreeError) {
        self.bytes = bytes
        let rc: Int32 = bytes.withUnsafeBytes { raw in
            guard raw.count >= 40 else { return -FDT_ERR_TRUNCATED }
            let rc = fdt_check_header(raw.baseAddress)
            if rc != 0 { return rc }
            return Int(a64emu_fdt_totalsize(raw.baseAddress)) <= raw.count ? 0 : -FDT_ERR_TRUNCATED
        }
        if rc != 0 { throw DeviceTreeError(code: rc, what: "fdt_check_header") }
    }

    public static let magic: UInt32 = 0xD00D_FEED

    public var totalSize: Int { bytes.withUnsafeBytes { Int(a64emu_fdt_totalsize($0.baseAddress)) } }

    /// Whether a node with this path ("/cpus/cpu@0") exists.
    public func hasNode(_ path: String) -> Bool {
        bytes.withUnsafeBytes { fdt_path_offset($0.baseAddress, path) >= 0 }
    }

    /// The names of the node's direct subnodes, in order; nil if there is no such node.
    public func subnodes(of path: String) -> [String]? {
        bytes.withUnsafeBytes { raw -> [String]? in
            let fdt = raw.baseAddress
            let parent = fdt_path_offset(fdt, path)
            guard parent >= 0 else { return nil }
            var names: [String] = []
            var node = fdt_first_subnode(fdt, parent)
            while node >= 0 {
                if let name = fdt_get_name(fdt, node, nil) { names.append(String(cString: name)) }
                node = fdt_next_subnode(fdt, node)
            }
            return names
        }
    }

    /// The names of the node's properties, in order.
    public func propertyNames(of path: String) -> [String]? {
        bytes.withUnsafeBytes { raw -> [String]? in
            let fdt = raw.baseAddress
            let node = fdt_path_offset(fdt, path)
            guard node >= 0 else { return nil }
            var names: [String] = []
            var offset = fdt_first_property_offset(fdt, node)
            while offset >= 0 {
                var name: UnsafePointer<CChar>?
                if fdt_getprop_by_offset(fdt, offset, &name, nil) != nil, let name {
                    names.append(String(cString: name))
                }
                offset = fdt_next_property_offset(fdt, offset)
            }
            return names
        }
    }

    /// A property's raw value; nil if the node or the property is missing.
    public func property(_ name: String, of path: String) -> [UInt8]? {
        bytes.withUnsafeBytes { raw -> [UInt8]? in
            let fdt = raw.baseAddress
            let node = fdt_path_offset(fdt, path)
            guard node >= 0 else { return nil }
            var length: Int32 = 0
            guard let value = fdt_getprop(fdt, node, name, &length), length >= 0 else { return nil }
            return Array(UnsafeRawBufferPointer(start: value, count: Int(length)))
        }
    }

    /// A string-list property.
    public func strings(_ name: String, of path: String) -> [String]? {
        guard let value = property(name, of: path), value.last == 0 else { return nil }
        return value.dropLast().split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A string property (the first string of a list).
    public func string(_ name: String, of path: String) -> String? { strings(name, of: path)?.first }

    /// A property as big-endian 32-bit cells.
    public func cells(_ name: String, of path: String) -> [UInt32]? {
        guard let value = property(name, of: path), value.count % 4 == 0 else { return nil }
        return stride(from: 0, to: value.count, by: 4).map { (i: Int) -> UInt32 in
            value[i..<(i + 4)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        }
    }

    /// A property of two-cell (64-bit) values.
    public func values64(_ name: String, of path: String) -> [UInt64]? {
        guard let c = cells(name, of: path), c.count % 2 == 0 else { return nil }
        return stride(from: 0, to: c.count, by: 2).map { UInt64(c[$0]) << 32 | UInt64(c[$0 + 1]) }
    }
}
