import XCTest
@testable import Memory

/// The data cache model against the architecture's guarantees (ARM ARM
/// B2.7, D7.5; arch-notes.md 2.2): staleness only where it is allowed.
final class DataCachesTests: XCTestCase {
    static let base: UInt64 = 0x4000_0000

    func make(cpus: Int = 2, l1: CacheGeometry = CacheGeometry(lineSize: 16, sets: 2, ways: 2),
              l2: CacheGeometry = CacheGeometry(lineSize: 16, sets: 4, ways: 2), seed: UInt64 = 1,
              idc: Bool = false) -> (PhysicalMemory, DataCaches) {
        let memory = PhysicalMemory(ramBase: Self.base, ramSize: 1 << 20)
        var c = CacheConfiguration()
        c.enabled = true; c.dcache = l1; c.l2 = l2; c.seed = seed; c.idc = idc
        return (memory, DataCaches(configuration: c, memory: memory, cpuCount: cpus))
    }

    func testAWriteStaysAboveMemoryUntilCleaned() throws {
        let (memory, caches) = make(l1: CacheGeometry(lineSize: 64, sets: 64, ways: 4),
                                    l2: CacheGeometry(lineSize: 64, sets: 256, ways: 4))
        let a = Self.base + 0x100
        caches.write(cpu: 0, a, size: 8, value: 0x1122)
        XCTAssertEqual(try memory.read(a, size: 8), 0, "memory (PoC) still has the old data")
        XCTAssertEqual(caches.read(cpu: 1, a, size: 8), 0x1122, "the other CPU's cacheable read sees it")
        XCTAssertEqual(caches.pointOfUnificationByte(a), 0, "not at the PoU yet (IDC = 0)")
        caches.clean(a, to: .unification)
        XCTAssertEqual(caches.pointOfUnificationByte(a), 0x22)
        XCTAssertEqual(try memory.read(a, size: 8), 0, "a clean to PoU does not reach memory")
        caches.clean(a, to: .coherency)
        XCTAssertEqual(try memory.read(a, size: 8), 0x1122)
        XCTAssertEqual(caches.lines(holding: a).map { $0.dirty }, [false, false], "an L1 and the L2 hold it, clean")
    }

    func testInvalidateDiscardsAndNonCacheableWritesLeaveStaleLines() throws {
        let (memory, caches) = make(l1: CacheGeometry(lineSize: 64, sets: 64, ways: 4),
                                    l2: CacheGeometry(lineSize: 64, sets: 256, ways: 4))
        let a = Self.base + 0x200
        XCTAssertEqual(caches.read(cpu: 0, a, size: 4), 0)           // the line is cached, clean
        try memory.write(a, size: 4, value: 0x77)                     // a Non-cacheable write
        XCTAssertEqual(caches.read(cpu: 0, a, size: 4), 0, "the cached line is stale (B2.11)")
        caches.invalidate(a)
        XCTAssertEqual(caches.read(cpu: 0, a, size: 4), 0x77, "after DC IVAC the read comes from memory")
        caches.write(cpu: 1, a, size: 4, value: 0x99)
        caches.invalidate(a)
        XCTAssertEqual(caches.read(cpu: 0, a, size: 4), 0x77, "invalidation discards dirty data")
    }

    func testSetWayActsOnOneCPUsL1Only() throws {
        let (memory, caches) = make(l1: CacheGeometry(lineSize: 64, sets: 64, ways: 4),
                                    l2: CacheGeometry(lineSize: 64, sets: 256, ways: 4))
        let a = Self.base + 0x400
        caches.write(cpu: 1, a, size: 8, value: 5)
        for cpu in [0] { for s in 0..<64 { for w in 0..<4 { caches.setWay(cpu: cpu, level: 1, set: s, way: w, .cleanAndInvalidate) } } }
        for s in 0..<256 { for w in 0..<4 { caches.setWay(cpu: 0, level: 2, set: s, way: w, .cleanAndInvalidate) } }
        XCTAssertEqual(try memory.read(a, size: 8), 0, "CPU 1's dirty line survives CPU 0's set/way loop")
        for s in 0..<64 { for w in 0..<4 { caches.setWay(cpu: 1, level: 1, set: s, way: w, .cleanAndInvalidate) } }
        for s in 0..<256 { for w in 0..<4 { caches.setWay(cpu: 1, level: 2, set: s, way: w, .cleanAndInvalidate) } }
        XCTAssertEqual(try memory.read(a, size: 8), 5)
    }

    /// Random cacheable, non-cacheable and maintenance operations on a few
    /// small caches, checked against what the architecture allows each read
    /// to return (per byte: the values a cacheable read may see, the values
    /// memory may hold, the cacheable values a write-back may still bring).
    func testRandomOperationsNeverReturnAForbiddenValue() {
        for seed: UInt64 in 1...4 {
            let (memory, caches) = make(cpus: 3, seed: seed)
            var rng = seed &* 0x9E37_79B9_7F4A_7C15
            func next(_ n: Int) -> Int {
                rng = rng &* 6364136223846793005 &+ 1442695040888963407
                return Int((rng >> 33) % UInt64(n))
            }
            let bytes = 64 * 16
            var allowedCacheable = Array(repeating: Set<UInt8>([0]), count: bytes)
            var allowedMemory = Array(repeating: Set<UInt8>([0]), count: bytes)
            var pendingWriteBack = Array(repeating: Set<UInt8>(), count: bytes)
            func lineBytes(_ b: Int) -> Range<Int> { (b & ~15)..<((b & ~15) + 16) }
            for step in 0..<25_000 {
                let b = next(bytes), pa = Self.base + UInt64(b), cpu = next(3)
                let v = UInt8(truncatingIfNeeded: step)
                switch next(9) {
                case 0, 1:
                    caches.write(cpu: cpu, pa, size: 1, value: UInt64(v))
                    allowedCacheable[b] = [v]; pendingWriteBack[b] = [v]; allowedMemory[b].insert(v)
                    // The whole line is dirty now: a write-back may also bring
                    // back the cached (possibly stale) values of its other bytes.
                    for i in lineBytes(b) where i != b {
                        pendingWriteBack[i].formUnion(allowedCacheable[i])
                        allowedMemory[i].formUnion(allowedCacheable[i])
                    }
                case 2, 3:
                    let r = UInt8(caches.read(cpu: cpu, pa, size: 1))
                    XCTAssertTrue(allowedCacheable[b].contains(r), "seed \(seed) step \(step): cacheable read \(r) of \(b), allowed \(allowedCacheable[b])")
                case 4:
                    try! memory.write(pa, size: 1, value: UInt64(v))       // Non-cacheable write
                    allowedMemory[b] = pendingWriteBack[b].union([v])
                    allowedCacheable[b].insert(v)
                case 5:
                    let r = UInt8(try! memory.read(pa, size: 1))           // Non-cacheable read
                    XCTAssertTrue(allowedMemory[b].contains(r), "seed \(seed) step \(step): memory read \(r) of \(b), allowed \(allowedMemory[b])")
                case 6:
                    caches.clean(pa, to: .coherency)
                    for i in lineBytes(b) {
                        if allowedCacheable[i].count == 1 { allowedMemory[i] = allowedCacheable[i]; pendingWriteBack[i] = [] }
                        else { allowedMemory[i].formUnion(allowedCacheable[i]) }
                    }
                case 7:
                    caches.invalidate(pa)
                    for i in lineBytes(b) { allowedCacheable[i] = allowedMemory[i]; pendingWriteBack[i] = [] }
                default:
                    caches.clean(pa, to: .unification)
                    caches.setWay(cpu: cpu, level: 1 + next(2), set: next(4), way: next(2), .clean)
                }
            }
        }
    }
}

/// The miss path's helpers: whole-line copies, the victim choice with its
/// count of invalid slots, and one CPU's caches without an owner table.
final class CacheMissPathTests: XCTestCase {
    func testCopyLineCopiesExactlyOneLine() {
        for lineSize in [16, 64, 128] {
            let a = CacheArray(CacheGeometry(lineSize: lineSize, sets: 2, ways: 2), seed: 1)
            let source = UnsafeMutablePointer<UInt8>.allocate(capacity: lineSize)
            defer { source.deallocate() }
            for i in 0..<lineSize { source[i] = UInt8(truncatingIfNeeded: i &* 37 &+ 5) }
            a.bytes(0).update(repeating: 0xEE, count: 4 * lineSize)
            a.copyLine(to: 1, from: source)
            for i in 0..<lineSize { XCTAssertEqual(a.bytes(1)[i], source[i], "\(lineSize)-byte line, byte \(i)") }
            XCTAssertEqual(a.bytes(0)[lineSize - 1], 0xEE, "the slot before is untouched")
            XCTAssertEqual(a.bytes(2)[0], 0xEE, "the slot after is untouched")
        }
    }

    func testVictimTakesAnInvalidWayAndDrawsOnlyWhenNoneIsLeft() {
        let a = CacheArray(CacheGeometry(lineSize: 16, sets: 2, ways: 2), seed: 3)
        XCTAssertEqual(a.invalidSlots, 4)
        XCTAssertEqual(a.victim(set: 1), 2, "an empty set: its first way, nothing drawn")
        for slot in 0..<4 { a.setTag(slot, UInt64(slot) << 1 | 1) }
        XCTAssertEqual(a.invalidSlots, 0)
        a.setTag(1, 99)                                     // a valid slot taking another line
        XCTAssertEqual(a.invalidSlots, 0)
        a.drop(3)
        a.drop(3)                                           // dropping an invalid slot counts once
        XCTAssertEqual(a.invalidSlots, 1)
        let before = a.generator
        XCTAssertEqual(a.victim(set: 1), 3, "set 1's invalid way")
        XCTAssertEqual(a.generator, before, "no choice drawn while a way is invalid")
        let full = a.victim(set: 0)
        XCTAssertNotEqual(a.generator, before, "a full set draws")
        XCTAssertTrue((0..<2).contains(full))
        a.setTag(3, 7)
        XCTAssertEqual(a.invalidSlots, 0)
        XCTAssertEqual(a.findOrVictim(7, set: 1).found, true)
        XCTAssertEqual(a.findOrVictim(7, set: 1).slot, 3)
        XCTAssertEqual(a.findOrVictim(8, set: 1).found, false)
    }

    func testOneCPUSeesItsL1WithoutAnOwnerTable() throws {
        let (memory, caches) = make(cpus: 1)
        XCTAssertFalse(caches.tracksOwners)
        let a = Self.base + 0x48
        caches.write(cpu: 0, a, size: 4, value: 0xCAFE_F00D)
        XCTAssertEqual(caches.coherentByte(a), 0x0D, "the coherent view finds the L1's line")
        caches.coherentWrite(a + 1, 0x11)
        XCTAssertEqual(caches.read(cpu: 0, a, size: 4), 0xCAFE_110D, "and writes it there")
        XCTAssertEqual(try memory.read(a, size: 4), 0)
        caches.clean(a, to: .coherency)
        XCTAssertEqual(try memory.read(a, size: 4), 0xCAFE_110D)
        try memory.write(a, size: 4, value: 0x5555)          // Non-cacheable: the L1 copy is now stale
        XCTAssertEqual(caches.read(cpu: 0, a, size: 4), 0xCAFE_110D)
        caches.invalidate(a)
        XCTAssertEqual(caches.lines(holding: a), [], "no level holds it")
        // The miss entry the CPU uses: the line comes from memory into the
        // slot it returns, which becomes the CPU's last.
        let line = a >> 4
        let slot = caches.fillL1(cpu: 0, line: line)
        XCTAssertEqual(caches.l1[0].tags[slot], line)
        XCTAssertEqual(caches.lastSlot[0], slot)
        XCTAssertEqual(caches.l1[0].bytes(slot)[8], 0x55)
        XCTAssertEqual(caches.l1[0].statistics.misses, 2, "the first write's and fillL1's")
    }

    func make(cpus: Int) -> (PhysicalMemory, DataCaches) {
        let memory = PhysicalMemory(ramBase: Self.base, ramSize: 1 << 20)
        var c = CacheConfiguration()
        c.enabled = true; c.seed = 1
        c.dcache = CacheGeometry(lineSize: 16, sets: 2, ways: 2); c.l2 = CacheGeometry(lineSize: 16, sets: 4, ways: 2)
        return (memory, DataCaches(configuration: c, memory: memory, cpuCount: cpus))
    }
    static let base: UInt64 = 0x4000_0000
}

/// LineOwnerTable against a Dictionary, through seeded random inserts,
/// updates and removals that keep it full enough to wrap and to shift.
final class LineOwnerTableTests: XCTestCase {
    func testAgreesWithADictionary() {
        let table = LineOwnerTable(lines: 64)
        var reference: [UInt64: Int] = [:]
        var x: UInt64 = 0x1234_5678_9ABC_DEF1
        for step in 0..<200_000 {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17
            // Lines from a small range, so that keys collide and recur.
            let line = (x >> 8) % 200
            if x & 3 == 0 || reference.count >= 64 {
                table[line] = nil; reference[line] = nil
            } else {
                let cpu = Int(x >> 40) % 8
                table[line] = cpu; reference[line] = cpu
            }
            if step % 997 == 0 {
                for probe in UInt64(0)..<200 { XCTAssertEqual(table[probe], reference[probe], "line \(probe) at step \(step)") }
            }
        }
        for probe in UInt64(0)..<200 { XCTAssertEqual(table[probe], reference[probe]) }
        XCTAssertGreaterThan(reference.count, 10)
    }
}
