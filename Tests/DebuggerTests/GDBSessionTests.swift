import XCTest
@testable import Debugger

/// An in-memory pipe: `incoming` chunks are handed out one per receive call
/// (blocking or not), everything sent is appended to `sent`.
final class GDBScriptedTransport: GDBTransport {
    var incoming: [[UInt8]]
    var sent: [UInt8] = []
    /// Sends fail once this many bytes have gone out (a peer that went away).
    var sendLimit = Int.max
    /// What receiveAvailable returns when nothing is left: [] (peer quiet) or nil (peer gone).
    var closedWhenDrained = false

    init(_ chunks: [[UInt8]]) { incoming = chunks }
    convenience init(_ chunks: String...) { self.init(chunks.map { Array($0.utf8) }) }

    func receive() -> [UInt8]? { incoming.isEmpty ? nil : incoming.removeFirst() }
    func receiveAvailable() -> [UInt8]? {
        if !incoming.isEmpty { return incoming.removeFirst() }
        return closedWhenDrained ? nil : []
    }
    func send(_ bytes: [UInt8]) -> Bool {
        guard sent.count + bytes.count <= sendLimit else { return false }
        sent += bytes
        return true
    }
    var sentText: String { String(decoding: sent, as: UTF8.self) }
}

func gdbFramed(_ payload: String) -> String { String(decoding: GDBPacket.frame(Array(payload.utf8)), as: UTF8.self) }

final class GDBSessionTests: XCTestCase {
    func testSessionWithAcks() {
        let target = FakeGDBTarget()
        let transport = GDBScriptedTransport("+", gdbFramed("qSupported:swbreak+"), gdbFramed("?"), gdbFramed("m1000,2"), gdbFramed("D"))
        XCTAssertEqual(GDBServer(target: target).serve(transport), .detached)
        let supported = "PacketSize=4000;qXfer:features:read+;QStartNoAckMode+;vContSupported+;swbreak+;hwbreak+"
        XCTAssertEqual(transport.sentText,
                       "+" + gdbFramed(supported) + "+" + gdbFramed("T05thread:01;") + "+" + gdbFramed("0001") + "+" + gdbFramed("OK"))
        XCTAssertTrue(target.resumeCalls.isEmpty, "detach does not run the machine itself")
    }

    func testNoAckModeStopsAcks() {
        let transport = GDBScriptedTransport(gdbFramed("QStartNoAckMode") + "+", gdbFramed("qC"), gdbFramed("k"))
        XCTAssertEqual(GDBServer(target: FakeGDBTarget()).serve(transport), .killed)
        // The QStartNoAckMode packet itself is still acknowledged; k has no reply.
        XCTAssertEqual(transport.sentText, "+" + gdbFramed("OK") + gdbFramed("QC01"))
    }

    func testBadChecksumIsNackedAndRetransmissionServed() {
        let transport = GDBScriptedTransport("$qC#00", gdbFramed("qC"))
        XCTAssertEqual(GDBServer(target: FakeGDBTarget()).serve(transport), .disconnected)
        XCTAssertEqual(transport.sentText, "-+" + gdbFramed("QC01"))
    }

    func testBadChecksumWithoutAcksIsDropped() {
        let transport = GDBScriptedTransport(gdbFramed("QStartNoAckMode"), "$qC#00", gdbFramed("qC"))
        _ = GDBServer(target: FakeGDBTarget()).serve(transport)
        XCTAssertEqual(transport.sentText, "+" + gdbFramed("OK") + gdbFramed("QC01"))
    }

    func testNackResendsTheLastPacket() {
        let transport = GDBScriptedTransport(gdbFramed("qC"), "-", "-")
        _ = GDBServer(target: FakeGDBTarget()).serve(transport)
        XCTAssertEqual(transport.sentText, "+" + String(repeating: gdbFramed("QC01"), count: 3))
    }

    func testTooLongPacketIsAcknowledgedAndRefused() {
        let huge = "X1000,1:" + String(repeating: "a", count: GDBServer.packetSize)
        let transport = GDBScriptedTransport(gdbFramed(huge), gdbFramed("qC"))
        _ = GDBServer(target: FakeGDBTarget()).serve(transport)
        XCTAssertEqual(transport.sentText, "+" + gdbFramed("E01") + "+" + gdbFramed("QC01"))
    }

    func testInterruptWhileRunning() {
        let target = FakeGDBTarget()
        var polls = 0
        target.onResume = { _, interrupted in
            while !interrupted() { polls += 1; if polls > 1000 { return (0, .trap) } }
            return (1, .interrupted)
        }
        let transport = GDBScriptedTransport([Array(gdbFramed("c").utf8), [], [], [0x03], Array(gdbFramed("qC").utf8)])
        _ = GDBServer(target: target).serve(transport)
        XCTAssertEqual(polls, 2, "two quiet polls, then the 0x03")
        XCTAssertEqual(transport.sentText, "+" + gdbFramed("T02thread:02;") + "+" + gdbFramed("QC02"))
    }

    func testInterruptInTheSameChunkAsContinue() {
        let target = FakeGDBTarget()
        target.onResume = { _, interrupted in interrupted() ? (0, .interrupted) : (0, .trap) }
        let transport = GDBScriptedTransport([Array(gdbFramed("c").utf8) + [0x03]])
        _ = GDBServer(target: target).serve(transport)
        XCTAssertEqual(transport.sentText, "+" + gdbFramed("T02thread:01;"))
    }

    func testInterruptWhileStoppedIsIgnored() {
        let target = FakeGDBTarget()
        target.onResume = { _, interrupted in interrupted() ? (0, .interrupted) : (0, .trap) }
        let transport = GDBScriptedTransport([[0x03], Array(gdbFramed("c").utf8)])
        _ = GDBServer(target: target).serve(transport)
        XCTAssertEqual(transport.sentText, "+" + gdbFramed("T05thread:01;"), "a stale 0x03 does not stop the next run")
    }

    func testPacketsSentWhileRunningAreServedAfterTheStop() {
        let target = FakeGDBTarget()
        target.onResume = { _, interrupted in
            for _ in 0..<10 where interrupted() { return (0, .interrupted) }
            return (0, .trap)
        }
        let transport = GDBScriptedTransport(gdbFramed("c"), gdbFramed("qC") + "\u{03}")
        _ = GDBServer(target: target).serve(transport)
        XCTAssertEqual(transport.sentText, "+" + gdbFramed("T02thread:01;") + "+" + gdbFramed("QC01"))
    }

    func testDisconnectWhileRunningEndsTheSession() {
        let target = FakeGDBTarget()
        var polls = 0
        target.onResume = { _, interrupted in
            while !interrupted() { polls += 1; if polls > 1000 { break } }
            return (0, .interrupted)
        }
        let transport = GDBScriptedTransport(gdbFramed("c"))
        transport.closedWhenDrained = true
        XCTAssertEqual(GDBServer(target: target).serve(transport), .disconnected)
        XCTAssertEqual(polls, 0)
        XCTAssertEqual(transport.sentText, "+", "nothing is sent to a closed connection")
    }

    func testFailedSendEndsTheSession() {
        let transport = GDBScriptedTransport(gdbFramed("g"), gdbFramed("qC"))
        transport.sendLimit = 10
        XCTAssertEqual(GDBServer(target: FakeGDBTarget()).serve(transport), .disconnected)
        XCTAssertEqual(transport.sentText, "+")
    }

    func testMonitorThroughTheSession() {
        let target = FakeGDBTarget()
        target.monitorOutput = "2 CPUs\n"
        let transport = GDBScriptedTransport(gdbFramed("QStartNoAckMode"), gdbFramed("qRcmd,696e666f"))
        _ = GDBServer(target: target).serve(transport)
        XCTAssertEqual(target.monitorCommands, ["info"])
        XCTAssertEqual(transport.sentText, "+" + gdbFramed("OK") + gdbFramed("O" + "3220435055730a") + gdbFramed("OK"))
    }

    func testSecondSessionStartsAfresh() {
        let server = GDBServer(target: FakeGDBTarget())
        let first = GDBScriptedTransport(gdbFramed("QStartNoAckMode"), gdbFramed("Hg2"), "$qC")  // ends mid-packet
        XCTAssertEqual(server.serve(first), .disconnected)
        XCTAssertFalse(server.acknowledging)
        let second = GDBScriptedTransport("#" + "00", gdbFramed("qC"))
        XCTAssertEqual(server.serve(second), .disconnected)
        // Acks are back on, the half packet of the first session is gone, the selected CPU stays.
        XCTAssertEqual(second.sentText, "+" + gdbFramed("QC02"))
    }

    func testWatchpointSession() {
        let target = FakeGDBTarget()
        target.onResume = { _, _ in (1, .watchpoint(.writeWatch, address: 0x1080)) }
        let transport = GDBScriptedTransport(gdbFramed("Z2,1080,4"), gdbFramed("vCont;c"), gdbFramed("g"))
        _ = GDBServer(target: target).serve(transport)
        let events = { () -> [GDBPacketDecoder.Event] in
            var d = GDBPacketDecoder(maxPayload: GDBServer.packetSize)
            return d.feed(transport.sent).filter { $0 != .ack }
        }()
        XCTAssertEqual(events.count, 3)
        XCTAssertEqual(events[0], .packet(Array("OK".utf8)))
        XCTAssertEqual(events[1], .packet(Array("T05watch:1080;thread:02;".utf8)))
        // g now reads the stopping CPU.
        guard case .packet(let g) = events[2] else { return XCTFail() }
        XCTAssertEqual(Array(g.prefix(16)), GDBHex.encode((0..<8).map { UInt8(16 + $0) }))
    }
}
