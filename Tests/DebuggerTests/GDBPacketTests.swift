import XCTest
@testable import Debugger

final class GDBPacketTests: XCTestCase {
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    func testChecksumIsModulo256Sum() {
        XCTAssertEqual(GDBPacket.checksum(bytes("")), 0)
        XCTAssertEqual(GDBPacket.checksum(bytes("OK")), 0x9a)
        XCTAssertEqual(GDBPacket.checksum([0xff, 0x02]), 0x01)
    }

    func testFrameKnownPackets() {
        // Checksums as GDB itself sends them.
        XCTAssertEqual(GDBPacket.frame(bytes("OK")), bytes("$OK#9a"))
        XCTAssertEqual(GDBPacket.frame(bytes("g")), bytes("$g#67"))
        XCTAssertEqual(GDBPacket.frame(bytes("vMustReplyEmpty")), bytes("$vMustReplyEmpty#3a"))
        XCTAssertEqual(GDBPacket.frame([]), bytes("$#00"))
    }

    func testEscapeAndUnescape() {
        let raw: [UInt8] = [0x7d, 0x23, 0x24, 0x2a, 0x00, 0x03, 0x41]
        let escaped = GDBPacket.escape(raw)
        XCTAssertEqual(escaped, [0x7d, 0x5d, 0x7d, 0x03, 0x7d, 0x04, 0x7d, 0x0a, 0x00, 0x03, 0x41])
        XCTAssertEqual(GDBPacket.unescape(escaped), raw)
        XCTAssertEqual(GDBPacket.unescape(bytes("abc")), bytes("abc"))
        XCTAssertNil(GDBPacket.unescape([0x41, 0x7d]), "a lone trailing escape is malformed")
    }

    func testHexHelpers() {
        XCTAssertEqual(GDBHex.encode([0x00, 0xab, 0x7f]), bytes("00ab7f"))
        XCTAssertEqual(GDBHex.decode(bytes("00AB7f")), [0x00, 0xab, 0x7f])
        XCTAssertNil(GDBHex.decode(bytes("abc")))
        XCTAssertNil(GDBHex.decode(bytes("zz")))
        XCTAssertEqual(GDBHex.number(bytes("ffffffffffffffff")), UInt64.max)
        XCTAssertEqual(GDBHex.number(bytes("00000000000000001")), 1, "leading zeros do not overflow")
        XCTAssertNil(GDBHex.number(bytes("10000000000000000")), "over 64 bits")
        XCTAssertNil(GDBHex.number(bytes("")))
        XCTAssertNil(GDBHex.number(bytes("-1")))
        XCTAssertEqual(GDBHex.string(5, width: 2), "05")
        XCTAssertEqual(GDBHex.string(0x1234, width: 2), "1234")
    }

    func decode(_ input: [UInt8], max: Int = 64) -> [GDBPacketDecoder.Event] {
        var d = GDBPacketDecoder(maxPayload: max)
        return d.feed(input)
    }

    func testDecoderPacketsAcksAndInterrupt() {
        XCTAssertEqual(decode(bytes("+$g#67-")), [.ack, .packet(bytes("g")), .nack])
        XCTAssertEqual(decode([0x03]), [.interrupt])
        XCTAssertEqual(decode(bytes("$#00")), [.packet([])])
        XCTAssertEqual(decode(bytes("$OK#9A")), [.packet(bytes("OK"))], "upper-case checksum digits")
    }

    func testDecoderKeepsEscapesAndRawControlBytesInPayload() {
        // 0x03 inside a packet is data (X packets carry raw bytes), not Ctrl-C.
        let payload: [UInt8] = bytes("X0,2:") + [0x03, 0x7d, 0x5d]
        XCTAssertEqual(decode(GDBPacket.frame(payload)), [.packet(payload)])
    }

    func testDecoderByteAtATimeMatchesWhole() {
        var d = GDBPacketDecoder(maxPayload: 64)
        var events: [GDBPacketDecoder.Event] = []
        for b in bytes("$m1000,4#8e$?#3f") { if let e = d.feed(b) { events.append(e) } }
        XCTAssertEqual(events, [.packet(bytes("m1000,4")), .packet(bytes("?"))])
    }

    func testDecoderBadChecksums() {
        XCTAssertEqual(decode(bytes("$g#68")), [.badChecksum])
        XCTAssertEqual(decode(bytes("$g#zz")), [.badChecksum])
        XCTAssertEqual(decode(bytes("$g#6z$g#67")), [.badChecksum, .packet(bytes("g"))],
                       "after a bad digit the decoder looks for the next packet")
    }

    func testDecoderSkipsGarbageAndRestartsTruncatedPackets() {
        XCTAssertEqual(decode(bytes("hello\n$g#67")), [.packet(bytes("g"))])
        XCTAssertEqual(decode(bytes("$m10$g#67")), [.packet(bytes("g"))], "a $ mid-packet starts over")
        XCTAssertEqual(decode(bytes("$g#6$?#3f")), [.badChecksum, .packet(bytes("?"))],
                       "a $ in place of a checksum digit starts the next packet")
        XCTAssertEqual(decode(bytes("$g")), [], "a truncated packet produces nothing yet")
    }

    func testDecoderTooLong() {
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: 10)
        XCTAssertEqual(decode(GDBPacket.frame(long), max: 9), [.tooLong])
        XCTAssertEqual(decode(GDBPacket.frame(long), max: 10), [.packet(long)])
        // The decoder recovers for the next packet.
        XCTAssertEqual(decode(GDBPacket.frame(long) + bytes("$g#67"), max: 4), [.tooLong, .packet(bytes("g"))])
    }
}
