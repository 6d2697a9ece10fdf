#if canImport(Glibc)
import Glibc
#endif

/// The host side of the guest's console: bytes from the PL011 and from
/// semihosting writes to ":tt" go to one buffered stdout stream, so their
/// order is the order the guest wrote them. Flushed at each newline when
/// stdout is a terminal, otherwise when the buffer fills and at exit.
public final class ConsoleOutput {
    private var buffer: [UInt8] = []
    private let fd: Int32
    private let lineBuffered: Bool
    /// A copy of everything written, for tests.
    public private(set) var captured: [UInt8]? = nil

    public init(fd: Int32 = 1, capture: Bool = false) {
        self.fd = fd
        lineBuffered = isatty(fd) != 0
        if capture { captured = [] }
        buffer.reserveCapacity(1 << 16)
    }

    public func write(_ byte: UInt8) {
        if captured != nil { captured!.append(byte); return }
        buffer.append(byte)
        if buffer.count >= 1 << 16 || (lineBuffered && byte == 10) { flush() }
    }

    public func write<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for b in bytes { write(b) }
    }

    public func flush() {
        var off = 0
        while off < buffer.count {
            let n = buffer[off...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            off += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    public var capturedText: String { String(decoding: captured ?? [], as: UTF8.self) }
}
