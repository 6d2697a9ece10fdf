import Glibc

/// A byte pipe to GDB. `GDBConnection` is the TCP one; tests use in-memory ones.
public protocol GDBTransport: AnyObject {
    /// Blocks until bytes arrive; nil once the peer closed or the pipe failed.
    func receive() -> [UInt8]?
    /// The bytes already waiting, [] if none, without blocking; nil once the peer closed or the pipe failed.
    func receiveAvailable() -> [UInt8]?
    /// Sends all of `bytes`; false if the pipe is gone.
    func send(_ bytes: [UInt8]) -> Bool
}

public struct GDBConnectionError: Error, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Where to listen, from QEMU's `-gdb` spellings.
public struct GDBEndpoint: Equatable {
    public var host: String
    public var port: UInt16

    public init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// "tcp::1234" and "1234" listen on 127.0.0.1 (this stub does not open a
    /// debug port to the network unasked), "tcp:HOST:1234" on HOST, an IPv4
    /// address or "localhost". Anything else, or a port outside 1-65535, is
    /// an error that says what is accepted.
    public static func parse(_ spec: String) throws -> GDBEndpoint {
        let usage = "expected tcp::PORT, tcp:HOST:PORT or PORT (HOST an IPv4 address or localhost), got \"\(spec)\""
        var host = "127.0.0.1"
        let portText: Substring
        if spec.hasPrefix("tcp:") {
            let rest = spec.dropFirst(4)
            guard let colon = rest.lastIndex(of: ":") else { throw GDBConnectionError(usage) }
            let hostText = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
            if hostText == "localhost" {
                host = "127.0.0.1"
            } else if !hostText.isEmpty {
                guard GDBEndpoint.ipv4(String(hostText)) != nil else { throw GDBConnectionError(usage) }
                host = String(hostText)
            }
        } else {
            portText = Substring(spec)
        }
        guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), let port = UInt16(portText), port != 0 else {
            throw GDBConnectionError(usage)
        }
        return GDBEndpoint(host: host, port: port)
    }

    /// The address in network byte order, nil if `text` is not a dotted IPv4 address.
    static func ipv4(_ text: String) -> in_addr? {
        var address = in_addr()
        return inet_pton(AF_INET, text, &address) == 1 ? address : nil
    }
}

/// A listening TCP socket that hands out one `GDBConnection` per accepted client.
public final class GDBListener {
    private var socketFD: Int32
    /// The bound port: the requested one, or the one the system picked for port 0.
    public let port: UInt16

    public init(endpoint: GDBEndpoint) throws {
        guard let address = GDBEndpoint.ipv4(endpoint.host) else {
            throw GDBConnectionError("not an IPv4 address: \(endpoint.host)")
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw GDBConnectionError("socket: " + GDBListener.errnoText()) }
        // So a restarted emulator can listen again while the old connection sits in TIME_WAIT.
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var sa = sockaddr_in()
        sa.sin_family = sa_family_t(AF_INET)
        sa.sin_port = endpoint.port.bigEndian
        sa.sin_addr = address
        let bound = withUnsafePointer(to: &sa) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 1) == 0 else {
            let message = "cannot listen on \(endpoint.host):\(endpoint.port): " + GDBListener.errnoText()
            _ = closeDescriptor(fd)
            throw GDBConnectionError(message)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        socketFD = fd
        port = UInt16(bigEndian: actual.sin_port)
    }

    deinit { close() }

    /// Blocks until GDB connects.
    /// A connection if a client is already waiting, else nil at once (the
    /// machine polls this while it runs, as QEMU's -gdb lets gdb attach
    /// to a running guest).
    public func acceptIfPending() throws -> GDBConnection? {
        var p = pollfd(fd: socketFD, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, 0) > 0 else { return nil }
        return try accept()
    }

    public func accept() throws -> GDBConnection {
        while true {
            let fd = Glibc.accept(socketFD, nil, nil)
            if fd >= 0 {
                // Packets are small and strictly request/reply: without this, Nagle delays every reply.
                var one: Int32 = 1
                setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                return GDBConnection(fileDescriptor: fd)
            }
            if errno != EINTR { throw GDBConnectionError("accept: " + GDBListener.errnoText()) }
        }
    }

    public func close() {
        if socketFD >= 0 {
            _ = closeDescriptor(socketFD)
            socketFD = -1
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// One GDB client on a stream socket (TCP or, in tests, a socketpair).
public final class GDBConnection: GDBTransport {
    private var fd: Int32
    /// Reused: the interrupt poll runs often while the machine runs and should not allocate.
    private var buffer = [UInt8](repeating: 0, count: 4096)

    /// Takes ownership of `fileDescriptor`.
    public init(fileDescriptor: Int32) { fd = fileDescriptor }

    deinit { close() }

    public func receive() -> [UInt8]? { read(flags: 0) }

    public func receiveAvailable() -> [UInt8]? { read(flags: Int32(MSG_DONTWAIT)) }

    private func read(flags: Int32) -> [UInt8]? {
        guard fd >= 0 else { return nil }
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, flags) }
            if n > 0 { return Array(buffer[..<n]) }
            if n == 0 { return nil }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return [] }
            return nil
        }
    }

    /// MSG_NOSIGNAL: a GDB that went away must end the session, not kill the emulator with SIGPIPE.
    public func send(_ bytes: [UInt8]) -> Bool {
        guard fd >= 0 else { return false }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }

    public func close() {
        if fd >= 0 {
            _ = closeDescriptor(fd)
            fd = -1
        }
    }
}

/// `close(2)`, named apart from the `close()` methods above.
private func closeDescriptor(_ fd: Int32) -> Int32 { Glibc.close(fd) }
