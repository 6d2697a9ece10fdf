import XCTest
import CLibFDT
@testable import Machine

/// The generated DTB, read back with libfdt: the nodes QEMU's virt board
/// has for the same devices, with values that follow the configuration.
final class DeviceTreeTests: XCTestCase {
    func tree(ram: UInt64 = 256 << 20, cpus: Int = 1, el: UInt8 = 1,
              chosen: DeviceTree.Chosen = .init()) throws -> FlattenedDeviceTree {
        var config = Board.Configuration()
        config.ramSize = ram
        config.cpuCount = cpus
        config.bootEL = el
        return try FlattenedDeviceTree(DeviceTree.build(config, chosen: chosen))
    }

    func testHeaderIsValidAndQEMUSized() throws {
        let blob = try DeviceTree.build(Board.Configuration())
        XCTAssertEqual(blob.count, 1 << 20, "QEMU's virt DTB is 1 MiB (totalsize)")
        XCTAssertEqual(blob.withUnsafeBytes { fdt_check_header($0.baseAddress) }, 0)
        XCTAssertEqual(blob.withUnsafeBytes { a64emu_fdt_magic($0.baseAddress) }, FlattenedDeviceTree.magic)
        XCTAssertEqual(Array(blob.prefix(4)), [0xD0, 0x0D, 0xFE, 0xED])
        XCTAssertEqual(try FlattenedDeviceTree(blob).totalSize, 1 << 20)
    }

    func testRootAndTopLevelNodes() throws {
        let t = try tree()
        XCTAssertEqual(t.strings("compatible", of: "/"), ["linux,dummy-virt"])
        XCTAssertEqual(t.cells("#address-cells", of: "/"), [2])
        XCTAssertEqual(t.cells("#size-cells", of: "/"), [2])
        XCTAssertEqual(Set(t.subnodes(of: "/") ?? []),
                       ["psci", "memory@40000000", "cpus", "intc@8000000", "timer", "apb-pclk", "pl011@9000000", "chosen"])
    }

    func testMemoryRegIsTheRAM() throws {
        for ram: UInt64 in [16 << 20, 256 << 20, 1 << 30, 6 << 30] {
            let t = try tree(ram: ram)
            XCTAssertEqual(t.string("device_type", of: "/memory@40000000"), "memory")
            XCTAssertEqual(t.values64("reg", of: "/memory@40000000"), [0x4000_0000, ram], "RAM \(ram)")
        }
    }

    func testOneCPUNodePerCPUWithItsAffinity() throws {
        for cpus in [1, 4, 20] {
            let t = try tree(cpus: cpus)
            let nodes = (t.subnodes(of: "/cpus") ?? []).filter { $0.hasPrefix("cpu@") }
            XCTAssertEqual(nodes.count, cpus)
            XCTAssertEqual(t.subnodes(of: "/cpus/cpu-map/socket0/cluster0")?.count, cpus)
            XCTAssertEqual(t.cells("#address-cells", of: "/cpus"), [1])
            XCTAssertEqual(t.cells("#size-cells", of: "/cpus"), [0])
            for n in 0..<cpus {
                let path = "/cpus/cpu@\(n)"
                XCTAssertEqual(t.string("device_type", of: path), "cpu")
                XCTAssertEqual(t.string("enable-method", of: path), "psci")
                // reg = MPIDR & 0xFFFFFF: Aff0 = n % 16, Aff1 = n / 16.
                XCTAssertEqual(t.cells("reg", of: path), [UInt32(n / 16) << 8 | UInt32(n % 16)])
                // cpu-map's coreN points at cpu@N.
                let phandle = t.cells("phandle", of: path)
                XCTAssertNotNil(phandle)
                XCTAssertEqual(t.cells("cpu", of: "/cpus/cpu-map/socket0/cluster0/core\(n)"), phandle)
            }
        }
        XCTAssertEqual(try tree(cpus: 20).cells("reg", of: "/cpus/cpu@16"), [0x100])
    }

    func testPSCIMethodFollowsTheBootEL() throws {
        let el1 = try tree(el: 1), el2 = try tree(el: 2)
        XCTAssertEqual(el1.string("method", of: "/psci"), "hvc")
        XCTAssertEqual(el2.string("method", of: "/psci"), "smc")
        for t in [el1, el2] {
            XCTAssertEqual(t.strings("compatible", of: "/psci"), ["arm,psci-1.0", "arm,psci-0.2", "arm,psci"])
            XCTAssertEqual(t.cells("cpu_on", of: "/psci"), [0xC400_0003])
            XCTAssertEqual(t.cells("cpu_off", of: "/psci"), [0x8400_0002])
            XCTAssertEqual(t.cells("cpu_suspend", of: "/psci"), [0xC400_0001])
            XCTAssertEqual(t.cells("migrate", of: "/psci"), [0xC400_0005])
        }
    }

    func testGICTimerAndUART() throws {
        let t = try tree(cpus: 2)
        let gic = "/intc@8000000"
        XCTAssertEqual(t.strings("compatible", of: gic), ["arm,gic-v3"])
        XCTAssertNotNil(t.property("interrupt-controller", of: gic))
        XCTAssertEqual(t.cells("#interrupt-cells", of: gic), [3])
        XCTAssertEqual(t.cells("#redistributor-regions", of: gic), [1])
        XCTAssertEqual(t.values64("reg", of: gic), [0x0800_0000, 0x1_0000, 0x080A_0000, 0xF6_0000])
        XCTAssertEqual(t.cells("interrupt-parent", of: "/"), t.cells("phandle", of: gic))

        XCTAssertEqual(t.strings("compatible", of: "/timer"), ["arm,armv8-timer", "arm,armv7-timer"])
        // Secure, non-secure physical, virtual, hypervisor PPIs 13, 14, 11, 10.
        XCTAssertEqual(t.cells("interrupts", of: "/timer"), [1, 13, 4, 1, 14, 4, 1, 11, 4, 1, 10, 4])

        let uart = "/pl011@9000000"
        XCTAssertEqual(t.strings("compatible", of: uart), ["arm,pl011", "arm,primecell"])
        XCTAssertEqual(t.values64("reg", of: uart), [0x0900_0000, 0x1000])
        XCTAssertEqual(t.cells("interrupts", of: uart), [0, 1, 4])
        XCTAssertEqual(t.strings("clock-names", of: uart), ["uartclk", "apb_pclk"])
        let clock = try XCTUnwrap(t.cells("phandle", of: "/apb-pclk"))
        XCTAssertEqual(t.cells("clocks", of: uart), clock + clock)
        XCTAssertEqual(t.strings("compatible", of: "/apb-pclk"), ["fixed-clock"])
        XCTAssertEqual(t.cells("clock-frequency", of: "/apb-pclk"), [24_000_000])
    }

    func testChosen() throws {
        var t = try tree()
        XCTAssertEqual(t.string("stdout-path", of: "/chosen"), "/pl011@9000000")
        XCTAssertTrue(t.hasNode(t.string("stdout-path", of: "/chosen")!))
        XCTAssertNil(t.property("bootargs", of: "/chosen"))
        XCTAssertNil(t.property("linux,initrd-start", of: "/chosen"))

        t = try tree(chosen: .init(bootargs: "console=ttyAMA0 root=/dev/ram0"))
        XCTAssertEqual(t.string("bootargs", of: "/chosen"), "console=ttyAMA0 root=/dev/ram0")
        t = try tree(chosen: .init(bootargs: ""))
        XCTAssertNil(t.property("bootargs", of: "/chosen"), "an empty --append is left out, as QEMU does")

        t = try tree(chosen: .init(initrd: 0x4800_0000..<0x4800_0BB8))
        XCTAssertEqual(t.cells("linux,initrd-start", of: "/chosen"), [0x4800_0000])
        XCTAssertEqual(t.cells("linux,initrd-end", of: "/chosen"), [0x4800_0BB8])
        // Above 4 GiB the addresses take two cells.
        t = try tree(ram: 8 << 30, chosen: .init(initrd: 0x1_2000_0000..<0x1_2000_1000))
        XCTAssertEqual(t.values64("linux,initrd-start", of: "/chosen"), [0x1_2000_0000])
        XCTAssertEqual(t.values64("linux,initrd-end", of: "/chosen"), [0x1_2000_1000])
    }

    func testLargestMachineFits() throws {
        let t = try tree(ram: 256 << 30, cpus: Board.MemoryMap.maxCPUs, el: 2)
        XCTAssertEqual((t.subnodes(of: "/cpus") ?? []).filter { $0.hasPrefix("cpu@") }.count, Board.MemoryMap.maxCPUs)
        XCTAssertEqual(t.cells("reg", of: "/cpus/cpu@122"), [0x70A])
    }

    func testReaderRejectsGarbage() {
        XCTAssertThrowsError(try FlattenedDeviceTree([UInt8](repeating: 0, count: 64)))
        XCTAssertThrowsError(try FlattenedDeviceTree([0xD0, 0x0D]))
        var blob = (try? DeviceTree.build(Board.Configuration())) ?? []
        blob.removeLast(16)
        XCTAssertThrowsError(try FlattenedDeviceTree(blob), "shorter than totalsize")
    }
}
