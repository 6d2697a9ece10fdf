/// The packet layer of the remote serial protocol (GDB manual, "Overview"):
/// `$payload#cs`, where cs is the modulo-256 sum of the payload bytes as two
/// hex digits; the receiver answers `+` (good) or `-` (resend) unless
/// QStartNoAckMode is in force; a lone 0x03 outside a packet is Ctrl-C
/// ("Interrupts"). Pure code: the decoder is fed bytes, so tests and
/// fuzzers need no socket.
public enum GDBPacket {
    /// The escape byte `}`: the next byte is the real one XOR 0x20 ("Overview", binary data).
    public static let escapeByte: UInt8 = 0x7d
    static let start = UInt8(ascii: "$"), end = UInt8(ascii: "#")
    static let ack = UInt8(ascii: "+"), nack = UInt8(ascii: "-")
    static let interrupt: UInt8 = 0x03

    public static func checksum<C: Collection>(_ bytes: C) -> UInt8 where C.Element == UInt8 {
        bytes.reduce(0) { $0 &+ $1 }
    }

    /// `$payload#cs`. The payload goes out as given: binary payloads must be
    /// escaped first (`escape`). Run-length encoding is optional for the stub
    /// ("Overview") and not used.
    public static func frame(_ payload: [UInt8]) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(payload.count + 4)
        out.append(start)
        out += payload
        out.append(end)
        out += GDBHex.encode([checksum(payload)])
        return out
    }

    /// True for the bytes that binary data must escape: `#` and `$` (framing),
    /// `}` (the escape itself) and `*` (run-length marker in replies) ("Overview").
    static func needsEscape(_ b: UInt8) -> Bool {
        b == end || b == start || b == escapeByte || b == UInt8(ascii: "*")
    }

    public static func escape<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        for b in bytes {
            if needsEscape(b) { out += [escapeByte, b ^ 0x20] } else { out.append(b) }
        }
        return out
    }

    /// The inverse of `escape`; nil when the data ends with a lone `}`.
    public static func unescape<C: Collection>(_ bytes: C) -> [UInt8]? where C.Element == UInt8 {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var escaped = false
        for b in bytes {
            if escaped {
                out.append(b ^ 0x20)
                escaped = false
            } else if b == escapeByte {
                escaped = true
            } else {
                out.append(b)
            }
        }
        return escaped ? nil : out
    }
}

/// Splits a byte stream from GDB into events. Never fails: garbage between
/// packets is skipped, a `$` inside a packet starts over (the earlier one was
/// truncated: `$` cannot appear unescaped in a payload), and a payload longer
/// than `maxPayload` is consumed but not stored.
public struct GDBPacketDecoder {
    public enum Event: Equatable {
        /// A payload whose checksum matched, as sent (binary data still escaped).
        case packet([UInt8])
        /// Checksum mismatch or non-hex checksum digits: answer `-`.
        case badChecksum
        /// A well-formed packet longer than the PacketSize we advertised.
        case tooLong
        case ack, nack
        case interrupt
    }

    private enum State { case idle, payload, checksumHigh, checksumLow(UInt8) }

    public let maxPayload: Int
    private var state = State.idle
    private var buffer: [UInt8] = []
    private var sum: UInt8 = 0
    private var overflowed = false

    public init(maxPayload: Int) { self.maxPayload = maxPayload }

    public mutating func feed<S: Sequence>(_ bytes: S) -> [Event] where S.Element == UInt8 {
        var events: [Event] = []
        for b in bytes { if let e = feed(b) { events.append(e) } }
        return events
    }

    public mutating func feed(_ byte: UInt8) -> Event? {
        switch state {
        case .idle:
            switch byte {
            case GDBPacket.start: startPacket()
            case GDBPacket.ack: return .ack
            case GDBPacket.nack: return .nack
            case GDBPacket.interrupt: return .interrupt
            default: break
            }
        case .payload:
            switch byte {
            case GDBPacket.end: state = .checksumHigh
            case GDBPacket.start: startPacket()
            default:
                sum &+= byte
                if buffer.count < maxPayload { buffer.append(byte) } else { overflowed = true }
            }
        case .checksumHigh, .checksumLow:
            if byte == GDBPacket.start {
                startPacket()
                return .badChecksum
            }
            guard let digit = GDBHex.digit(byte) else {
                state = .idle
                return .badChecksum
            }
            guard case .checksumLow(let high) = state else {
                state = .checksumLow(digit)
                return nil
            }
            state = .idle
            if high << 4 | digit != sum { return .badChecksum }
            if overflowed { return .tooLong }
            defer { buffer = [] }
            return .packet(buffer)
        }
        return nil
    }

    private mutating func startPacket() {
        state = .payload
        buffer.removeAll(keepingCapacity: true)
        sum = 0
        overflowed = false
    }
}

/// Hex as the protocol writes it: lower-case digits, two per byte, numbers
/// most significant digit first with no fixed width ("Overview").
public enum GDBHex {
    static let digits = Array("0123456789abcdef".utf8)

    static func digit(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }

    public static func encode<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out += [digits[Int(b >> 4)], digits[Int(b & 15)]] }
        return out
    }

    /// Pairs of hex digits to bytes; nil on an odd count or a non-hex digit.
    public static func decode<C: Collection>(_ text: C) -> [UInt8]? where C.Element == UInt8 {
        guard text.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(text.count / 2)
        var high: UInt8? = nil
        for c in text {
            guard let d = digit(c) else { return nil }
            if let h = high { out.append(h << 4 | d); high = nil } else { high = d }
        }
        return out
    }

    /// A big-endian hex number; nil when empty, not hex, or over 64 bits.
    public static func number<C: Collection>(_ text: C) -> UInt64? where C.Element == UInt8 {
        guard !text.isEmpty else { return nil }
        var value: UInt64 = 0
        for c in text {
            guard let d = digit(c), value >> 60 == 0 else { return nil }
            value = value << 4 | UInt64(d)
        }
        return value
    }

    /// `value` as minimal hex digits, at least `width` of them.
    public static func string(_ value: UInt64, width: Int = 1) -> String {
        let s = String(value, radix: 16)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
