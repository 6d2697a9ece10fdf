import XCTest
import Dispatch
import Glibc
@testable import Debugger

/// The GDB side of a socket: frames packets, collects replies with a
/// receive timeout so a broken stub fails the test instead of hanging it.
final class GDBTestClient {
    let fd: Int32
    private var decoder = GDBPacketDecoder(maxPayload: 1 << 20)
    private var events: [GDBPacketDecoder.Event] = []

    init(fd: Int32) {
        self.fd = fd
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    static func connect(port: UInt16) -> GDBTestClient? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var sa = sockaddr_in()
        sa.sin_family = sa_family_t(AF_INET)
        sa.sin_port = port.bigEndian
        sa.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        let r = withUnsafePointer(to: &sa) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return r == 0 ? GDBTestClient(fd: fd) : nil
    }

    func sendRaw(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    func send(_ payload: String) { sendRaw(GDBPacket.frame(Array(payload.utf8))) }

    /// The next event other than an ack, nil on timeout or EOF.
    func next() -> GDBPacketDecoder.Event? {
        while true {
            if let i = events.firstIndex(where: { $0 != .ack }) {
                let e = events[i]
                events.removeFirst(i + 1)
                return e
            }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { return nil }
            events += decoder.feed(buffer[..<n])
        }
    }

    /// The next packet's payload as text ("<none>" on timeout or EOF).
    func reply() -> String {
        guard case .packet(let p)? = next() else { return "<none>" }
        return String(decoding: p, as: UTF8.self)
    }

    /// Sends `payload` and returns the reply.
    func ask(_ payload: String) -> String {
        send(payload)
        return reply()
    }

    func close() { Glibc.close(fd) }
}

/// Runs `serve` on another thread; `wait()` returns how the session ended.
final class GDBBackgroundSession: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var end: GDBSessionEnd?

    init(_ body: @escaping () -> GDBSessionEnd) {
        DispatchQueue.global().async {
            self.end = body()
            self.done.signal()
        }
    }

    func wait(seconds: Int = 10) -> GDBSessionEnd? {
        done.wait(timeout: .now() + .seconds(seconds)) == .success ? end : nil
    }
}

/// A machine that runs until Ctrl-C (for at most five seconds).
func gdbRunsUntilInterrupted(_ target: FakeGDBTarget) {
    target.onResume = { _, interrupted in
        for _ in 0..<5000 {
            if interrupted() { return (1, .interrupted) }
            usleep(1000)
        }
        return (0, .trap)
    }
}

final class GDBConnectionTests: XCTestCase {
    func testEndpointParsing() throws {
        XCTAssertEqual(try GDBEndpoint.parse("tcp::1234"), GDBEndpoint(host: "127.0.0.1", port: 1234))
        XCTAssertEqual(try GDBEndpoint.parse("1234"), GDBEndpoint(host: "127.0.0.1", port: 1234))
        XCTAssertEqual(try GDBEndpoint.parse("tcp:localhost:2000"), GDBEndpoint(host: "127.0.0.1", port: 2000))
        XCTAssertEqual(try GDBEndpoint.parse("tcp:0.0.0.0:65535"), GDBEndpoint(host: "0.0.0.0", port: 65535))
        for bad in ["", "tcp:", "tcp::", "tcp::0", "tcp::65536", "tcp::-1", "tcp::+1", "tcp::12a", "udp::1234",
                    "tcp:example.com:1234", "tcp:1.2.3:1234", "unix:/tmp/s", "1234 ", " 1234", "tcp:1234", "١٢٣٤"] {
            XCTAssertThrowsError(try GDBEndpoint.parse(bad), bad) { error in
                XCTAssertTrue("\(error)".contains("expected tcp::PORT"), "\(error)")
            }
        }
    }

    func testSocketpairSession() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds), 0)
        let target = FakeGDBTarget()
        target.onResume = { cpu, _ in (cpu ?? 0, .trap) }
        let connection = GDBConnection(fileDescriptor: fds[0])
        let session = GDBBackgroundSession { GDBServer(target: target).serve(connection) }
        let gdb = GDBTestClient(fd: fds[1])
        defer { gdb.close() }
        gdb.sendRaw(Array("+".utf8))
        XCTAssertTrue(gdb.ask("qSupported:swbreak+").hasPrefix("PacketSize=4000;"))
        XCTAssertEqual(gdb.ask("QStartNoAckMode"), "OK")
        XCTAssertEqual(gdb.ask("?"), "T05thread:01;")
        XCTAssertEqual(gdb.ask("m1000,4"), "00010203")
        XCTAssertEqual(gdb.ask("vCont;s:2"), "T05thread:02;")
        XCTAssertEqual(gdb.ask("qC"), "QC02")
        XCTAssertEqual(gdb.ask("D"), "OK")
        XCTAssertEqual(session.wait(), .detached)
        XCTAssertEqual(target.resumeCalls, [1])
    }

    func testLoopbackTCPSessionWithCtrlC() throws {
        let listener = try GDBListener(endpoint: GDBEndpoint(host: "127.0.0.1", port: 0))
        XCTAssertNotEqual(listener.port, 0)
        let target = FakeGDBTarget()
        gdbRunsUntilInterrupted(target)
        let session = GDBBackgroundSession {
            guard let connection = try? listener.accept() else { return .disconnected }
            return GDBServer(target: target).serve(connection)
        }
        let gdb = try XCTUnwrap(GDBTestClient.connect(port: listener.port))
        defer { gdb.close() }
        XCTAssertEqual(gdb.ask("qAttached"), "1")
        gdb.send("c")
        usleep(20_000)
        gdb.sendRaw([0x03])
        XCTAssertEqual(gdb.reply(), "T02thread:02;")
        XCTAssertEqual(gdb.ask("qC"), "QC02")
        gdb.send("k")
        XCTAssertEqual(session.wait(), .killed)
    }

    func testClientClosingWhileRunningEndsTheSession() throws {
        let listener = try GDBListener(endpoint: GDBEndpoint(host: "127.0.0.1", port: 0))
        let target = FakeGDBTarget()
        gdbRunsUntilInterrupted(target)
        let session = GDBBackgroundSession {
            guard let connection = try? listener.accept() else { return .disconnected }
            return GDBServer(target: target).serve(connection)
        }
        let gdb = try XCTUnwrap(GDBTestClient.connect(port: listener.port))
        gdb.send("c")
        usleep(20_000)
        gdb.close()
        XCTAssertEqual(session.wait(seconds: 4), .disconnected, "ends well before the machine's 5 s")
    }

    func testWritingToAClosedPeerDoesNotRaiseSIGPIPE() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds), 0)
        let target = FakeGDBTarget()
        // Far more output than the socket buffers hold, so writes hit the closed peer.
        target.monitorOutput = String(repeating: "x", count: 4 << 20)
        let connection = GDBConnection(fileDescriptor: fds[0])
        let gdb = GDBTestClient(fd: fds[1])
        gdb.send("qRcmd,78")
        gdb.close()
        // Without MSG_NOSIGNAL this would kill the test process.
        XCTAssertEqual(GDBServer(target: target).serve(connection), .disconnected)
    }

    func testEOFBeforeAnyPacket() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds), 0)
        Glibc.close(fds[1])
        XCTAssertEqual(GDBServer(target: FakeGDBTarget()).serve(GDBConnection(fileDescriptor: fds[0])), .disconnected)
    }

    func testConnectionAfterCloseReportsClosed() {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds), 0)
        defer { Glibc.close(fds[1]) }
        let connection = GDBConnection(fileDescriptor: fds[0])
        XCTAssertEqual(connection.receiveAvailable(), [], "nothing waiting yet")
        _ = Glibc.send(fds[1], "ab", 2, 0)
        XCTAssertEqual(connection.receive(), Array("ab".utf8))
        connection.close()
        XCTAssertNil(connection.receive())
        XCTAssertNil(connection.receiveAvailable())
        XCTAssertFalse(connection.send([1]))
    }

    func testPortInUseIsAnError() throws {
        let first = try GDBListener(endpoint: GDBEndpoint(host: "127.0.0.1", port: 0))
        XCTAssertThrowsError(try GDBListener(endpoint: GDBEndpoint(host: "127.0.0.1", port: first.port))) { error in
            XCTAssertTrue("\(error)".contains("cannot listen on 127.0.0.1:\(first.port)"), "\(error)")
        }
        XCTAssertThrowsError(try GDBListener(endpoint: GDBEndpoint(host: "nowhere", port: 0)))
    }
}
