import XCTest
@testable import Memory

/// The physical address space: RAM, MMIO dispatch, bus errors, write watch.
final class PhysicalMemoryTests: XCTestCase {
    final class Recorder: MMIODevice {
        var writes: [(UInt64, Int, UInt64)] = []
        func mmioRead(offset: UInt64, size: Int) -> UInt64 { 0xA0 + offset }
        func mmioWrite(offset: UInt64, size: Int, value: UInt64) { writes.append((offset, size, value)) }
    }

    func testRAMIsZeroAndLittleEndian() throws {
        let m = PhysicalMemory(ramBase: 0x4000_0000, ramSize: 1 << 30)   // reserved, not touched
        XCTAssertEqual(try m.read(0x4000_0000 + (1 << 29), size: 8), 0)
        try m.write(0x4000_1000, size: 4, value: 0x1122_3344)
        XCTAssertEqual(try m.read(0x4000_1000, size: 1), 0x44)
        XCTAssertEqual(try m.read(0x4000_1002, size: 2), 0x1122)
        XCTAssertEqual(try m.readBytes(0x4000_1000, count: 4), [0x44, 0x33, 0x22, 0x11])
    }

    func testMMIOAndBusErrors() throws {
        let m = PhysicalMemory(ramBase: 0x4000_0000, ramSize: 1 << 20)
        let dev = Recorder()
        m.map(dev, at: 0x0900_0000, size: 0x1000, name: "dev")
        XCTAssertEqual(try m.read(0x0900_0018, size: 4), 0xB8)
        try m.write(0x0900_0000, size: 1, value: 0x41)
        XCTAssertEqual(dev.writes.count, 1)
        XCTAssertEqual(dev.writes[0].2, 0x41)
        XCTAssertThrowsError(try m.read(0x0800_0000, size: 4)) { e in
            XCTAssertEqual(e as? BusError, BusError(address: 0x0800_0000, size: 4, isWrite: false))
        }
        XCTAssertThrowsError(try m.write(0x4010_0000, size: 8, value: 0), "just past the end of RAM")
        XCTAssertThrowsError(try m.read(0x400F_FFFC, size: 8), "straddles the end of RAM")
    }

    func testWriteWatchCallsTheHandlerOnlyForWatchedPages() throws {
        let m = PhysicalMemory(ramBase: 0x4000_0000, ramSize: 1 << 20)
        var seen: [UInt64] = []
        m.writeWatchHandler = { pa, _ in seen.append(pa) }
        m.writeWatch[2] = 1
        try m.write(0x4000_1FFC, size: 4, value: 1)       // page 1: not watched
        try m.write(0x4000_1FFE, size: 4, value: 1)       // crosses into page 2
        try m.writeBytes(0x4000_2800, [1, 2, 3])
        XCTAssertEqual(seen, [0x4000_1FFE, 0x4000_2800])
    }
}
