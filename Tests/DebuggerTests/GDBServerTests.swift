import XCTest
@testable import Debugger

/// A scriptable machine: registers and a 256-byte memory window per test,
/// every breakpoint and resume call recorded, `resume` answered by `onResume`.
final class FakeGDBTarget: GDBTarget {
    let cpuCount: Int
    let systemRegisterNames = ["SCTLR_EL1", "MIDR_EL1"]
    var registers: [[Int: [UInt8]]]
    let memoryBase: UInt64 = 0x1000
    var memory = [UInt8](0..<255) + [255]
    var breakpointCalls: [(insert: Bool, kind: GDBBreakpointKind, address: UInt64, length: Int)] = []
    var refuseBreakpoints = false
    var resumeCalls: [Int?] = []
    var monitorCommands: [String] = []
    var monitorOutput = "ok\n"
    var onResume: (Int?, () -> Bool) -> (cpu: Int, stop: GDBStop) = { cpu, _ in (cpu ?? 0, .trap) }

    init(cpuCount: Int = 2) {
        self.cpuCount = cpuCount
        registers = (0..<cpuCount).map { cpu in
            var r: [Int: [UInt8]] = [:]
            let sizes = GDBRegisters(systemRegisterNames: ["SCTLR_EL1", "MIDR_EL1"])
            for n in 0..<sizes.count {
                // Byte i of register n on cpu c is n + 16*c + i, distinct enough to catch mix-ups.
                r[n] = (0..<sizes.size(of: n)!).map { UInt8(truncatingIfNeeded: n + 16 * cpu + $0) }
            }
            r[69] = nil  // MIDR_EL1 unavailable
            return r
        }
    }

    func readRegister(cpu: Int, number: Int) -> [UInt8]? { registers[cpu][number] }
    func writeRegister(cpu: Int, number: Int, bytes: [UInt8]) -> Bool {
        guard registers[cpu][number] != nil else { return false }
        registers[cpu][number] = bytes
        return true
    }
    func readMemory(cpu: Int, address: UInt64, length: Int) -> [UInt8]? {
        guard address >= memoryBase, address - memoryBase <= UInt64(memory.count) else { return nil }
        let start = Int(address - memoryBase)
        guard length <= memory.count - start else { return nil }
        return Array(memory[start..<start + length])
    }
    func writeMemory(cpu: Int, address: UInt64, bytes: [UInt8]) -> Bool {
        guard address >= memoryBase, address - memoryBase <= UInt64(memory.count),
              bytes.count <= memory.count - Int(address - memoryBase) else { return false }
        let start = Int(address - memoryBase)
        memory.replaceSubrange(start..<start + bytes.count, with: bytes)
        return true
    }
    func insertBreakpoint(_ kind: GDBBreakpointKind, address: UInt64, length: Int) -> Bool {
        breakpointCalls.append((true, kind, address, length))
        return !refuseBreakpoints
    }
    func removeBreakpoint(_ kind: GDBBreakpointKind, address: UInt64, length: Int) -> Bool {
        breakpointCalls.append((false, kind, address, length))
        return !refuseBreakpoints
    }
    func resume(stepCPU: Int?, interrupted: () -> Bool) -> (cpu: Int, stop: GDBStop) {
        resumeCalls.append(stepCPU)
        return onResume(stepCPU, interrupted)
    }
    func monitor(_ command: String) -> String {
        monitorCommands.append(command)
        return monitorOutput
    }

    func setPC(cpu: Int, _ pc: UInt64) { registers[cpu][GDBRegisters.pc] = GDBServer.littleEndian(pc) }
}

final class GDBServerTests: XCTestCase {
    var target: FakeGDBTarget!
    var server: GDBServer!

    override func setUp() {
        target = FakeGDBTarget()
        server = GDBServer(target: target)
    }

    /// The single reply payload to `packet`, as text.
    @discardableResult
    func send(_ packet: String, interrupted: () -> Bool = { false }) -> String {
        let reply = server.handle(packet: Array(packet.utf8), interrupted: interrupted)
        XCTAssertEqual(reply.packets.count, 1, "one reply to \(packet)")
        XCTAssertNil(reply.end)
        return String(decoding: reply.packets.first ?? [], as: UTF8.self)
    }

    func hex(_ n: Int, count: Int, cpu: Int = 0) -> String {
        String(decoding: GDBHex.encode((0..<count).map { UInt8(truncatingIfNeeded: n + 16 * cpu + $0) }), as: UTF8.self)
    }

    func testSupported() {
        let reply = send("qSupported:multiprocess+;swbreak+;hwbreak+;vContSupported+")
        let features = Set(reply.split(separator: ";").map(String.init))
        XCTAssertEqual(features, ["PacketSize=4000", "qXfer:features:read+", "QStartNoAckMode+",
                                  "vContSupported+", "swbreak+", "hwbreak+"])
    }

    func testUnknownPacketsGetEmptyReplies() {
        for p in ["vMustReplyEmpty", "qTStatus", "qOffsets", "!", "vFile:open:", "Qfoo", "qCRC:0,4", "bc", "x", ""] {
            XCTAssertEqual(send(p), "", p)
        }
    }

    func testTargetXMLInChunks() throws {
        let whole = GDBRegisters(systemRegisterNames: target.systemRegisterNames).targetXML
        XCTAssertEqual(send("qXfer:features:read:target.xml:0,fffff"), "l" + whole)
        let first = send("qXfer:features:read:target.xml:0,10")
        XCTAssertEqual(first, "m" + String(whole.prefix(16)))
        var assembled = "", offset = 0
        while true {
            let part = send("qXfer:features:read:target.xml:\(String(offset, radix: 16)),100")
            assembled += part.dropFirst()
            offset += part.utf8.count - 1
            if part.hasPrefix("l") { break }
            XCTAssertTrue(part.hasPrefix("m"))
        }
        XCTAssertEqual(assembled, whole)
        XCTAssertEqual(send("qXfer:features:read:target.xml:\(String(whole.utf8.count, radix: 16)),100"), "l")
        XCTAssertEqual(send("qXfer:features:read:target.xml:ffffff,10"), "E00")
        XCTAssertEqual(send("qXfer:features:read:other.xml:0,10"), "E00")
        XCTAssertEqual(send("qXfer:features:read:target.xml:0"), "E00")
        XCTAssertEqual(send("qXfer:memory-map:read::0,10"), "")
    }

    func testQXferEscapesBinaryData() {
        let special = GDBServer(target: GDBNamedTarget(names: ["A*}B"]))
        let reply = special.handle(packet: Array("qXfer:features:read:target.xml:0,ffff".utf8), interrupted: { false })
        let payload = reply.packets[0]
        XCTAssertEqual(payload.first, UInt8(ascii: "l"))
        XCTAssertFalse(payload.contains(UInt8(ascii: "*")), "* would read as run-length encoding")
        XCTAssertEqual(GDBPacket.unescape(payload.dropFirst()).map { String(decoding: $0, as: UTF8.self) },
                       GDBRegisters(systemRegisterNames: ["A*}B"]).targetXML)
    }

    func testStopReplyAndThreads() {
        XCTAssertEqual(send("?"), "T05thread:01;")
        XCTAssertEqual(send("qfThreadInfo"), "m01,02")
        XCTAssertEqual(send("qsThreadInfo"), "l")
        XCTAssertEqual(send("qC"), "QC01")
        XCTAssertEqual(send("qAttached"), "1")
        XCTAssertEqual(send("qThreadExtraInfo,2"), String(decoding: GDBHex.encode(Array("CPU 1".utf8)), as: UTF8.self))
        XCTAssertEqual(send("qThreadExtraInfo,3"), "E01")
        XCTAssertEqual(send("T1"), "OK")
        XCTAssertEqual(send("T2"), "OK")
        XCTAssertEqual(send("T3"), "E01")
        XCTAssertEqual(send("T0"), "E01")
        XCTAssertEqual(send("T-1"), "E01")
    }

    func testSelectThreadForRegisters() {
        XCTAssertEqual(send("p0"), hex(0, count: 8, cpu: 0))
        XCTAssertEqual(send("Hg2"), "OK")
        XCTAssertEqual(send("qC"), "QC02")
        XCTAssertEqual(send("p0"), hex(0, count: 8, cpu: 1))
        XCTAssertEqual(send("Hg0"), "OK", "any thread keeps the current one")
        XCTAssertEqual(send("p0"), hex(0, count: 8, cpu: 1))
        XCTAssertEqual(send("Hg-1"), "OK")
        XCTAssertEqual(send("Hg3"), "E01")
        XCTAssertEqual(send("Hx1"), "E01")
        XCTAssertEqual(send("Hgp1.1"), "E01", "multiprocess ids are not advertised")
        XCTAssertEqual(server.generalCPU, 1)
        XCTAssertEqual(send("Hc2"), "OK")
        XCTAssertEqual(server.continueCPU, 1)
        XCTAssertEqual(send("Hc-1"), "OK")
        XCTAssertNil(server.continueCPU)
    }

    func testReadAllRegisters() {
        let g = send("g")
        var expected = ""
        for n in 0..<68 { expected += hex(n, count: GDBRegisters(systemRegisterNames: []).size(of: n)!) }
        XCTAssertEqual(g, expected)
        XCTAssertEqual(g.count, 2 * (33 * 8 + 4 + 32 * 16 + 4 + 4))
    }

    func testUnavailableRegistersAreXs() {
        target.registers[0][5] = nil
        target.registers[0][34] = [1, 2, 3]  // wrong size: not trusted either
        let g = send("g")
        XCTAssertEqual(String(g.dropFirst(5 * 16).prefix(16)), String(repeating: "x", count: 16))
        XCTAssertEqual(String(g.dropFirst(33 * 16 + 8).prefix(32)), String(repeating: "x", count: 32))
        XCTAssertEqual(send("p45"), String(repeating: "x", count: 16), "MIDR_EL1 (69) is unavailable")
    }

    func testReadSingleRegisters() {
        XCTAssertEqual(send("p20"), hex(32, count: 8))          // pc
        XCTAssertEqual(send("p21"), hex(33, count: 4))          // cpsr
        XCTAssertEqual(send("p22"), hex(34, count: 16))         // v0
        XCTAssertEqual(send("p43"), hex(67, count: 4))          // fpcr
        XCTAssertEqual(send("p44"), hex(68, count: 8))          // SCTLR_EL1
        XCTAssertEqual(send("p46"), "E01")                      // past the last register
        XCTAssertEqual(send("p"), "E01")
        XCTAssertEqual(send("pzz"), "E01")
        XCTAssertEqual(send("pffffffffffffffff"), "E01")
    }

    func testWriteRegisters() {
        XCTAssertEqual(send("P20=0010000000000000"), "OK")
        XCTAssertEqual(target.registers[0][32], [0, 0x10, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(send("P21=c5030060"), "OK")
        XCTAssertEqual(target.registers[0][33], [0xc5, 0x03, 0x00, 0x60])
        XCTAssertEqual(send("P21=c50300"), "E01", "wrong size")
        XCTAssertEqual(send("P21"), "E01")
        XCTAssertEqual(send("P21=zz030060"), "E01")
        XCTAssertEqual(send("P45=0000000000000000"), "E01", "the target refuses")
        XCTAssertEqual(send("P99=00"), "E01")
    }

    func testWriteAllRegisters() {
        var data = ""
        for n in 0..<68 {
            let size = GDBRegisters(systemRegisterNames: []).size(of: n)!
            data += String(repeating: String(format2(n)), count: size)
        }
        XCTAssertEqual(send("G" + data), "OK")
        XCTAssertEqual(target.registers[0][0], [0, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(target.registers[0][33], [33, 33, 33, 33])
        XCTAssertEqual(target.registers[0][67], [67, 67, 67, 67])
        XCTAssertEqual(target.registers[1][0], (0..<8).map { UInt8(16 + $0) }, "other CPU untouched")
        // A short G writes the whole registers it covers.
        XCTAssertEqual(send("G" + "ff" + String(repeating: "ee", count: 7) + "dd"), "OK")
        XCTAssertEqual(target.registers[0][0], [0xff] + [UInt8](repeating: 0xee, count: 7))
        XCTAssertEqual(target.registers[0][1], [UInt8](repeating: 1, count: 8))
        XCTAssertEqual(send("Gzz"), "E01")
        XCTAssertEqual(send("G0"), "E01")
    }

    func format2(_ n: Int) -> String { GDBHex.string(UInt64(n), width: 2) }

    func testReadMemory() {
        XCTAssertEqual(send("m1000,4"), "00010203")
        XCTAssertEqual(send("m10fe,2"), "feff")
        XCTAssertEqual(send("m10fe,4"), "E14", "beyond the end")
        XCTAssertEqual(send("m0,4"), "E14")
        XCTAssertEqual(send("m1000,0"), "")
        XCTAssertEqual(send("m1000"), "E01")
        XCTAssertEqual(send("m,4"), "E01")
        XCTAssertEqual(send("mxyz,4"), "E01")
        XCTAssertEqual(send("m1000,4,5"), "E01")
    }

    func testHugeReadIsCutToThePacketSize() {
        target.memory = [UInt8](repeating: 0xab, count: 0x10000)
        let reply = send("m1000,ffffffffffffffff")
        XCTAssertEqual(reply.count, GDBServer.packetSize)
        XCTAssertTrue(reply.allSatisfy { $0 == "a" || $0 == "b" })
    }

    func testPartialReadIsReturned() {
        let short = GDBShortReadTarget()
        let s = GDBServer(target: short)
        XCTAssertEqual(s.handle(packet: Array("m0,10".utf8), interrupted: { false }).packets, [Array("0102".utf8)])
    }

    func testWriteMemoryHex() {
        XCTAssertEqual(send("M1004,3:aabbcc"), "OK")
        XCTAssertEqual(Array(target.memory[3...7]), [3, 0xaa, 0xbb, 0xcc, 7])
        XCTAssertEqual(send("M1004,2:aabbcc"), "E01", "length does not match the data")
        XCTAssertEqual(send("M1004,1:a"), "E01")
        XCTAssertEqual(send("M1004,1:zz"), "E01")
        XCTAssertEqual(send("M1004,1"), "E01")
        XCTAssertEqual(send("M0,1:00"), "E14")
    }

    func testWriteMemoryBinary() {
        // gdb escapes # $ } * ; other bytes, 0x03 included, go raw.
        let data: [UInt8] = [0x23, 0x24, 0x7d, 0x2a, 0x03, 0x00]
        let packet = Array("X1010,6:".utf8) + GDBPacket.escape(data)
        XCTAssertEqual(server.handle(packet: packet, interrupted: { false }).packets, [Array("OK".utf8)])
        XCTAssertEqual(Array(target.memory[0x10..<0x16]), data)
        XCTAssertEqual(send("X1010,0:"), "OK", "the X support probe")
        XCTAssertEqual(Array(target.memory[0x10..<0x16]), data)
        XCTAssertEqual(server.handle(packet: Array("X1010,1:".utf8) + [0x7d], interrupted: { false }).packets,
                       [Array("E01".utf8)], "dangling escape")
        XCTAssertEqual(send("X1010,2:a"), "E01")
    }

    func testBreakpointsAndWatchpoints() {
        XCTAssertEqual(send("Z0,1040,4"), "OK")
        XCTAssertEqual(send("Z1,1044,4"), "OK")
        XCTAssertEqual(send("Z2,2000,8"), "OK")
        XCTAssertEqual(send("Z3,2008,4"), "OK")
        XCTAssertEqual(send("Z4,2010,1"), "OK")
        XCTAssertEqual(send("z0,1040,4"), "OK")
        XCTAssertEqual(send("Z0,1050,4;X2,0a00"), "OK", "conditions are ignored")
        let calls = target.breakpointCalls
        XCTAssertEqual(calls.map(\.insert), [true, true, true, true, true, false, true])
        XCTAssertEqual(calls.map(\.kind), [.software, .hardware, .writeWatch, .readWatch, .accessWatch, .software, .software])
        XCTAssertEqual(calls.map(\.address), [0x1040, 0x1044, 0x2000, 0x2008, 0x2010, 0x1040, 0x1050])
        XCTAssertEqual(calls.map(\.length), [4, 4, 8, 4, 1, 4, 4])
        XCTAssertEqual(send("Z5,1000,4"), "", "unknown type: not supported")
        XCTAssertEqual(send("Z0,1000"), "E01")
        XCTAssertEqual(send("Z0"), "E01")
        XCTAssertEqual(send("Zq,1000,4"), "E01")
        XCTAssertEqual(send("Z0,1000,ffffffffffffffff"), "E01", "length beyond Int")
        target.refuseBreakpoints = true
        XCTAssertEqual(send("Z1,1000,4"), "E01")
        XCTAssertEqual(send("z1,1000,4"), "E01")
    }

    func testContinueAndStep() {
        target.onResume = { cpu, _ in (cpu ?? 1, .trap) }
        XCTAssertEqual(send("c"), "T05thread:02;")
        XCTAssertEqual(target.resumeCalls, [nil])
        XCTAssertEqual(server.generalCPU, 1, "the stopping CPU becomes current")
        XCTAssertEqual(send("?"), "T05thread:02;")
        XCTAssertEqual(send("s"), "T05thread:02;")
        XCTAssertEqual(target.resumeCalls, [nil, 1], "s steps the current CPU")
        XCTAssertEqual(send("Hc1"), "OK")
        XCTAssertEqual(send("s"), "T05thread:01;")
        XCTAssertEqual(target.resumeCalls.last, 0, "s steps the Hc CPU")
        XCTAssertEqual(send("c1000"), "T05thread:02;")
        XCTAssertEqual(target.registers[0][32], GDBServer.littleEndian(0x1000), "c ADDR sets the pc first")
        XCTAssertEqual(send("cxyz"), "E01")
    }

    func testVCont() {
        XCTAssertEqual(send("vCont?"), "vCont;c;C;s;S")
        target.onResume = { cpu, _ in (cpu ?? 0, .trap) }
        XCTAssertEqual(send("vCont;c"), "T05thread:01;")
        XCTAssertEqual(send("vCont;s:2"), "T05thread:02;")
        XCTAssertEqual(send("vCont;s:1;c"), "T05thread:01;")
        XCTAssertEqual(send("vCont;c:2;s:1"), "T05thread:01;")
        XCTAssertEqual(send("vCont;C05"), "T05thread:01;")
        XCTAssertEqual(send("vCont;S05:2;c"), "T05thread:02;")
        XCTAssertEqual(send("Hg2"), "OK")
        XCTAssertEqual(send("vCont;s"), "T05thread:02;", "a step for all threads steps the current one")
        XCTAssertEqual(target.resumeCalls, [nil, 1, 0, 0, nil, 1, 1])
        for bad in ["vCont;", "vCont;x", "vCont;s:3", "vCont;c;", "vCont;r1000,2000", "vCont;C", "vCont;Czz", "vCont;c05", "vCont;s:zz", "vCont"] {
            XCTAssertEqual(send(bad), bad == "vCont" ? "" : "E01", bad)
        }
        XCTAssertEqual(target.resumeCalls.count, 7, "malformed vCont never runs the machine")
    }

    func testStopReplies() {
        let stops: [(GDBStop, String)] = [
            (.trap, "T05thread:02;"),
            (.interrupted, "T02thread:02;"),
            (.watchpoint(.writeWatch, address: 0x2000), "T05watch:2000;thread:02;"),
            (.watchpoint(.readWatch, address: 0xffff_0000_0000_1000), "T05rwatch:ffff000000001000;thread:02;"),
            (.watchpoint(.accessWatch, address: 0), "T05awatch:0;thread:02;"),
            (.watchpoint(.hardware, address: 0x1000), "T05hwbreak:;thread:02;"),
            (.exited(code: 3), "W03"),
            (.exited(code: -1), "Wff"),
            (.exited(code: 256), "W00"),
        ]
        for (stop, expected) in stops {
            target.onResume = { _, _ in (1, stop) }
            XCTAssertEqual(send("c"), expected)
            XCTAssertEqual(send("?"), expected, "? repeats the last stop")
        }
    }

    func testSoftwareBreakpointStopReason() {
        let t: FakeGDBTarget = target
        target.onResume = { [unowned t] _, _ in
            t.setPC(cpu: 0, 0x1040)
            return (0, .trap)
        }
        XCTAssertEqual(send("Z0,1040,4"), "OK")
        XCTAssertEqual(send("c"), "T05thread:01;", "GDB did not ask for swbreak")
        send("qSupported:swbreak+;hwbreak+")
        XCTAssertEqual(send("c"), "T05swbreak:;thread:01;")
        XCTAssertEqual(send("s"), "T05thread:01;", "a finished step is not a breakpoint hit")
        XCTAssertEqual(send("z0,1040,4"), "OK")
        XCTAssertEqual(send("c"), "T05thread:01;")
        XCTAssertEqual(send("Z1,1040,4"), "OK")
        XCTAssertEqual(send("c"), "T05hwbreak:;thread:01;")
    }

    func testInterruptedIsPassedToTheTarget() {
        var polls = 0
        target.onResume = { _, interrupted in
            while !interrupted() { polls += 1 }
            return (0, .interrupted)
        }
        var remaining = 3
        XCTAssertEqual(send("c", interrupted: { remaining -= 1; return remaining == 0 }), "T02thread:01;")
        XCTAssertEqual(polls, 2)
    }

    func testMonitor() {
        target.monitorOutput = "line 1\nline 2\n"
        let reply = server.handle(packet: Array(("qRcmd," + String(decoding: GDBHex.encode(Array("info mem".utf8)), as: UTF8.self)).utf8),
                                  interrupted: { false })
        XCTAssertEqual(reply.packets.map { String(decoding: $0, as: UTF8.self) },
                       ["O" + String(decoding: GDBHex.encode(Array("line 1\nline 2\n".utf8)), as: UTF8.self), "OK"])
        XCTAssertEqual(target.monitorCommands, ["info mem"])
        target.monitorOutput = ""
        XCTAssertEqual(server.handle(packet: Array("qRcmd,".utf8), interrupted: { false }).packets, [Array("OK".utf8)])
        XCTAssertEqual(send("qRcmd,zz"), "E01")
        XCTAssertEqual(send("qRcmd,abc"), "E01")
    }

    func testLongMonitorOutputIsSplit() {
        target.monitorOutput = String(repeating: "0123456789", count: 2000)
        let reply = server.handle(packet: Array("qRcmd,6869".utf8), interrupted: { false })
        XCTAssertGreaterThan(reply.packets.count, 2)
        XCTAssertEqual(reply.packets.last, Array("OK".utf8))
        var text: [UInt8] = []
        for p in reply.packets.dropLast() {
            XCTAssertLessThanOrEqual(p.count, GDBServer.packetSize)
            XCTAssertEqual(p.first, UInt8(ascii: "O"))
            text += GDBHex.decode(p.dropFirst())!
        }
        XCTAssertEqual(String(decoding: text, as: UTF8.self), target.monitorOutput)
    }

    func testDetachKillAndNoAck() {
        XCTAssertTrue(server.acknowledging)
        XCTAssertEqual(send("QStartNoAckMode"), "OK")
        XCTAssertFalse(server.acknowledging)
        XCTAssertEqual(server.handle(packet: Array("D".utf8), interrupted: { false }), GDBReply([Array("OK".utf8)], end: .detached))
        XCTAssertEqual(server.handle(packet: Array("D;1".utf8), interrupted: { false }), GDBReply([Array("OK".utf8)], end: .detached))
        XCTAssertEqual(server.handle(packet: Array("k".utf8), interrupted: { false }), GDBReply([], end: .killed))
        XCTAssertTrue(target.resumeCalls.isEmpty, "detach leaves running the machine to the caller")
    }
}

/// A target whose only purpose is its system register names.
final class GDBNamedTarget: GDBTarget {
    let cpuCount = 1
    let systemRegisterNames: [String]
    init(names: [String]) { systemRegisterNames = names }
    func readRegister(cpu: Int, number: Int) -> [UInt8]? { nil }
    func writeRegister(cpu: Int, number: Int, bytes: [UInt8]) -> Bool { false }
    func readMemory(cpu: Int, address: UInt64, length: Int) -> [UInt8]? { nil }
    func writeMemory(cpu: Int, address: UInt64, bytes: [UInt8]) -> Bool { false }
    func insertBreakpoint(_ kind: GDBBreakpointKind, address: UInt64, length: Int) -> Bool { false }
    func removeBreakpoint(_ kind: GDBBreakpointKind, address: UInt64, length: Int) -> Bool { false }
    func resume(stepCPU: Int?, interrupted: () -> Bool) -> (cpu: Int, stop: GDBStop) { (0, .exited(code: 0)) }
    func monitor(_ command: String) -> String { "" }
}

/// Reads only the first two bytes of any request.
final class GDBShortReadTarget: GDBTarget {
    let cpuCount = 1
    let systemRegisterNames: [String] = []
    func readRegister(cpu: Int, number: Int) -> [UInt8]? { nil }
    func writeRegister(cpu: Int, number: Int, bytes: [UInt8]) -> Bool { false }
    func readMemory(cpu: Int, address: UInt64, length: Int) -> [UInt8]? { [1, 2] }
    func writeMemory(cpu: Int, address: UInt64, bytes: [UInt8]) -> Bool { false }
    func insertBreakpoint(_ kind: GDBBreakpointKind, address: UInt64, length: Int) -> Bool { false }
    func removeBreakpoint(_ kind: GDBBreakpointKind, address: UInt64, length: Int) -> Bool { false }
    func resume(stepCPU: Int?, interrupted: () -> Bool) -> (cpu: Int, stop: GDBStop) { (0, .exited(code: 0)) }
    func monitor(_ command: String) -> String { "" }
}
