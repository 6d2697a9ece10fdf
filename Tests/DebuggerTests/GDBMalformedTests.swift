import XCTest
@testable import Debugger

/// Hostile input: every reply must be a well-formed packet, errors must be
/// errors, and nothing may trap.
final class GDBMalformedTests: XCTestCase {
    func testMalformedPacketsGetErrorsOrEmptyReplies() {
        let target = FakeGDBTarget()
        let server = GDBServer(target: target)
        let cases: [(String, String)] = [
            ("g0", expectedG(server)),  // trailing junk on g is ignored, as gdbserver does
            ("Gxyz", "E01"), ("G123", "E01"),
            ("p-1", "E01"), ("p1ffffffffffffffff", "E01"), ("P=", "E01"), ("P0=", "E01"), ("P0=00=00", "E01"),
            ("m", "E01"), ("m,", "E01"), ("m1000,", "E01"), ("m-1,4", "E01"), ("m10000000000000000,1", "E01"),
            ("M", "E01"), ("M1000,1:", "E01"), ("M1000,ffffffffffffffff:00", "E01"), ("M1000,1:0g", "E01"),
            ("X", "E01"), ("X1000", "E01"), ("X1000,2:a", "E01"), ("X,:", "E01"),
            ("Z", "E01"), ("Z0,", "E01"), ("Z0,,", "E01"), ("Z0,1000,", "E01"), ("z9", "E01"),
            ("Zffffffffffffffffff,0,0", "E01"), ("Z;", "E01"),
            ("H", "E01"), ("Hg", "E01"), ("Hgffffffffffffffff", "E01"), ("Hg-2", "E01"),
            ("T", "E01"), ("Tzz", "E01"),
            ("qThreadExtraInfo", "E01"), ("qThreadExtraInfo,", "E01"), ("qRcmd", "E01"), ("qRcmd:6869", "E01"), ("qThreadExtraInfo:1", "E01"),
            ("qXfer:features:read:target.xml:", "E00"), ("qXfer:features:read:target.xml:1,", "E00"),
            ("qXfer:features:read:target.xml:-1,1", "E00"), ("qXfer", ""), ("qXfer:", ""),
            ("q", ""), ("Q", ""), ("v", ""), ("vCont;s:-2", "E01"), ("vCont;:1", "E01"),
            ("c-1", "E01"), ("s10000000000000000", "E01"),
        ]
        for (packet, expected) in cases {
            let reply = server.handle(packet: Array(packet.utf8), interrupted: { false })
            XCTAssertEqual(reply.packets.map { String(decoding: $0, as: UTF8.self) }, [expected], packet)
            XCTAssertNil(reply.end, packet)
        }
        XCTAssertTrue(target.resumeCalls.isEmpty, "malformed resumes never run the machine")
        XCTAssertTrue(target.breakpointCalls.isEmpty)
        XCTAssertEqual(target.memory, [UInt8](0..<255) + [255], "malformed writes change nothing")
    }

    func expectedG(_ server: GDBServer) -> String {
        String(decoding: server.handle(packet: Array("g".utf8), interrupted: { false }).packets[0], as: UTF8.self)
    }

    func testBinaryGarbageInPacketPayloads() {
        let server = GDBServer(target: FakeGDBTarget())
        var rng = GDBSplitMix(seed: 1)
        for _ in 0..<5000 {
            let length = Int(rng.next() % 40)
            var packet = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            // Start most packets with a real command letter so the argument parsers are reached.
            if !packet.isEmpty, rng.next() % 4 != 0 {
                packet[0] = Array("gGpPmMXcsHTZzDkqQv?".utf8)[Int(rng.next() % 19)]
            }
            if packet.first == UInt8(ascii: "c") || packet.first == UInt8(ascii: "s") || packet.first == UInt8(ascii: "v") {
                continue  // would run the fake machine; covered by the vCont and c/s tests
            }
            let reply = server.handle(packet: packet, interrupted: { false })
            for p in reply.packets {
                XCTAssertLessThanOrEqual(p.count, GDBServer.packetSize)
                XCTAssertFalse(p.contains(GDBPacket.start) || p.contains(GDBPacket.end), "unescaped framing byte in a reply")
            }
        }
    }

    func testRandomByteStreamsThroughTheSession() {
        var rng = GDBSplitMix(seed: 2)
        let alphabet = Array("$#+-}*:,;=0123456789abcdefgmMXpPqQvZzHT\u{03}".utf8)
        for round in 0..<300 {
            var chunks: [[UInt8]] = []
            for _ in 0..<(1 + rng.next() % 8) {
                var chunk: [UInt8] = []
                for _ in 0..<(rng.next() % 64) {
                    chunk.append(rng.next() % 3 == 0 ? UInt8(truncatingIfNeeded: rng.next()) : alphabet[Int(rng.next() % UInt64(alphabet.count))])
                }
                // Some well-formed packets with random payloads, so commands get parsed too.
                if rng.next() % 2 == 0 {
                    let payload = Array(chunk.prefix(20)).filter { !GDBPacket.needsEscape($0) && $0 != 0x03 }
                    chunk += GDBPacket.frame(payload.first == UInt8(ascii: "k") ? [] : payload)
                }
                chunks.append(chunk)
            }
            let target = FakeGDBTarget()
            target.onResume = { _, interrupted in (0, interrupted() ? .interrupted : .trap) }
            let transport = GDBScriptedTransport(chunks)
            transport.closedWhenDrained = round % 2 == 0
            _ = GDBServer(target: target).serve(transport)
            // What the stub sent must decode as nothing but acks, nacks and intact packets.
            var decoder = GDBPacketDecoder(maxPayload: GDBServer.packetSize)
            for event in decoder.feed(transport.sent) {
                switch event {
                case .packet, .ack, .nack: break
                default: XCTFail("round \(round): stub sent \(event)")
                }
            }
        }
    }
}

/// A small deterministic generator, so a failing round can be replayed.
struct GDBSplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
