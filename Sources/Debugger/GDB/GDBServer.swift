/// How a debugging session ended; the caller decides what the machine does next.
public enum GDBSessionEnd: Equatable {
    /// `D`: GDB detached; the machine should go on running without it.
    case detached
    /// `k`: GDB asked to kill the target.
    case killed
    /// The connection closed or failed.
    case disconnected
}

/// What one packet produced: the reply payloads to send in order (several
/// for `qRcmd`: `O` output packets, then `OK`; none for `k`), and whether
/// the session ends after them.
public struct GDBReply: Equatable {
    public var packets: [[UInt8]]
    public var end: GDBSessionEnd?

    public init(_ packets: [[UInt8]], end: GDBSessionEnd? = nil) {
        self.packets = packets
        self.end = end
    }
}

/// The command side of the remote serial protocol for an all-stop,
/// multi-CPU target: one GDB thread per CPU, all stopped while GDB talks to
/// us (GDB manual, "Packets", "Stop Reply Packets", "General
/// Query Packets"). `handle(packet:interrupted:)` is pure request -> reply
/// for tests and fuzzers; `serve(_:)` adds framing, acks and the transport.
public final class GDBServer {
    /// The largest payload we accept and send (`PacketSize` in qSupported).
    public static let packetSize = 0x4000
    public let target: GDBTarget
    public let registers: GDBRegisters

    /// `Hg`: the CPU whose registers and memory view `g`/`p`/`m` use.
    public private(set) var generalCPU = 0
    /// `Hc`: the CPU `s` steps; nil for "all threads" (-1) or "any" (0).
    public private(set) var continueCPU: Int? = nil
    /// False after QStartNoAckMode ("Overview", "Packet Acknowledgment").
    public private(set) var acknowledging = true
    /// Answer to `?`; the machine is stopped when a session starts.
    public private(set) var lastStop: (cpu: Int, stop: GDBStop) = (0, .trap)

    /// Stop reasons GDB said it understands in qSupported ("Stop Reply
    /// Packets": swbreak/hwbreak "should not be sent by default").
    private var gdbReportsSWBreak = false, gdbReportsHWBreak = false
    /// Breakpoints GDB planted, to tell a breakpoint hit (swbreak/hwbreak)
    /// from another trap.
    private var softwareBreakpoints: Set<UInt64> = [], hardwareBreakpoints: Set<UInt64> = []

    /// target.xml, built once: GDB reads it in several chunks.
    private lazy var targetDocument = Array(registers.targetXML.utf8)

    private var decoder = GDBPacketDecoder(maxPayload: GDBServer.packetSize)
    private var pending: [GDBPacketDecoder.Event] = []
    private var lastSent: [UInt8] = []
    private var transport: GDBTransport?
    private var disconnected = false

    public init(target: GDBTarget) {
        self.target = target
        self.registers = GDBRegisters(systemRegisterNames: target.systemRegisterNames)
    }

    // MARK: Session

    /// Serves one GDB session on `transport` until GDB detaches or kills, or
    /// the connection closes; the caller closes the transport. The machine is
    /// stopped on entry and runs only inside `target.resume`. A server can
    /// serve one session after another: each starts with acks on and no
    /// knowledge of the previous GDB's features.
    public func serve(_ transport: GDBTransport) -> GDBSessionEnd {
        self.transport = transport
        disconnected = false
        acknowledging = true
        gdbReportsSWBreak = false
        gdbReportsHWBreak = false
        decoder = GDBPacketDecoder(maxPayload: GDBServer.packetSize)
        pending = []
        lastSent = []
        defer { self.transport = nil }
        while let event = nextEvent() {
            switch event {
            case .packet(let payload):
                if acknowledging { guard sendRaw([GDBPacket.ack]) else { return .disconnected } }
                let reply = handle(packet: payload, interrupted: pollInterrupt)
                if disconnected { return .disconnected }
                for p in reply.packets { guard sendPacket(p) else { return .disconnected } }
                if let end = reply.end { return end }
            case .tooLong:
                // Intact but unusable: a `-` would only make GDB send it again.
                if acknowledging { guard sendRaw([GDBPacket.ack]) else { return .disconnected } }
                guard sendPacket(GDBServer.error(1)) else { return .disconnected }
            case .badChecksum:
                // With acks off the transport is reliable by contract ("Packet Acknowledgment"): drop it.
                if acknowledging { guard sendRaw([GDBPacket.nack]) else { return .disconnected } }
            case .nack:
                if !lastSent.isEmpty { guard sendRaw(lastSent) else { return .disconnected } }
            case .ack, .interrupt:
                // Acks are not awaited (TCP does not lose bytes); Ctrl-C only matters while running.
                break
            }
        }
        return .disconnected
    }

    private func nextEvent() -> GDBPacketDecoder.Event? {
        while pending.isEmpty {
            guard let bytes = transport?.receive() else { return nil }
            pending += decoder.feed(bytes)
        }
        return pending.removeFirst()
    }

    /// `interrupted` for `target.resume`: takes what GDB sent meanwhile and
    /// reports a 0x03 ("Interrupts"). Anything else is kept for after
    /// the stop. A closed connection also stops the machine, so the session
    /// can end.
    private func pollInterrupt() -> Bool {
        if let transport {
            if let bytes = transport.receiveAvailable() {
                if !bytes.isEmpty { pending += decoder.feed(bytes) }
            } else {
                disconnected = true
            }
        }
        if disconnected { return true }
        if let i = pending.firstIndex(of: .interrupt) {
            pending.remove(at: i)
            return true
        }
        return false
    }

    private func sendPacket(_ payload: [UInt8]) -> Bool {
        lastSent = GDBPacket.frame(payload)
        return sendRaw(lastSent)
    }

    private func sendRaw(_ bytes: [UInt8]) -> Bool {
        guard let transport, transport.send(bytes) else {
            disconnected = true
            return false
        }
        return true
    }

    // MARK: Commands

    /// The reply to one packet payload (the bytes between `$` and `#`).
    /// Unknown packets get an empty reply, which GDB reads as "not
    /// supported" ("Packets"); malformed ones get `E01`.
    public func handle(packet: [UInt8], interrupted: () -> Bool) -> GDBReply {
        guard let command = packet.first else { return GDBReply([[]]) }
        let args = packet.dropFirst()
        switch command {
        case UInt8(ascii: "?"): return one(stopReply(lastStop))
        case UInt8(ascii: "g"): return one(readAllRegisters())
        case UInt8(ascii: "G"): return one(writeAllRegisters(args))
        case UInt8(ascii: "p"): return one(readRegister(args))
        case UInt8(ascii: "P"): return one(writeRegister(args))
        case UInt8(ascii: "m"): return one(readMemory(args))
        case UInt8(ascii: "M"): return one(writeMemory(args, binary: false))
        case UInt8(ascii: "X"): return one(writeMemory(args, binary: true))
        case UInt8(ascii: "c"): return one(resume(args, step: false, interrupted: interrupted))
        case UInt8(ascii: "s"): return one(resume(args, step: true, interrupted: interrupted))
        case UInt8(ascii: "H"): return one(setThread(args))
        case UInt8(ascii: "T"): return one(threadID(args) != nil ? GDBServer.ok : GDBServer.error(1))
        case UInt8(ascii: "Z"): return one(breakpoint(args, insert: true))
        case UInt8(ascii: "z"): return one(breakpoint(args, insert: false))
        // "Packets": `D` replies OK; `k` has no reply, GDB expects the connection to go.
        case UInt8(ascii: "D"): return GDBReply([GDBServer.ok], end: .detached)
        case UInt8(ascii: "k"): return GDBReply([], end: .killed)
        case UInt8(ascii: "q"): return query(packet)
        case UInt8(ascii: "Q"): return one(set(packet))
        case UInt8(ascii: "v"): return one(vPacket(packet, interrupted: interrupted))
        default: return one([])
        }
    }

    private func one(_ payload: [UInt8]) -> GDBReply { GDBReply([payload]) }

    static let ok = Array("OK".utf8)
    /// `E NN` ("Packets"): 01 malformed request or refused, 14 (EFAULT) memory not accessible.
    static func error(_ code: UInt8) -> [UInt8] { Array("E".utf8) + GDBHex.encode([code]) }
    static let memoryFault: UInt8 = 0x14

    // MARK: Registers ("Packets": g, G, p, P)

    /// Register bytes as hex, or `xx` per byte when the target cannot read it
    /// ("Packets", `g`: "x" digits mark an unavailable register).
    private func registerHex(_ number: Int, size: Int) -> [UInt8] {
        if let bytes = target.readRegister(cpu: generalCPU, number: number), bytes.count == size {
            return GDBHex.encode(bytes)
        }
        return [UInt8](repeating: UInt8(ascii: "x"), count: 2 * size)
    }

    private func readAllRegisters() -> [UInt8] {
        var out = [UInt8]()
        for n in 0..<GDBRegisters.gPacketCount {
            out += registerHex(n, size: registers.size(of: n)!)
        }
        return out
    }

    /// `G XX...`: as many whole registers, in `g` order, as the data covers.
    private func writeAllRegisters(_ args: ArraySlice<UInt8>) -> [UInt8] {
        guard let bytes = GDBHex.decode(args) else { return GDBServer.error(1) }
        var offset = 0
        for n in 0..<GDBRegisters.gPacketCount {
            let size = registers.size(of: n)!
            guard offset + size <= bytes.count else { break }
            guard target.writeRegister(cpu: generalCPU, number: n, bytes: Array(bytes[offset..<offset + size])) else {
                return GDBServer.error(1)
            }
            offset += size
        }
        return GDBServer.ok
    }

    private func registerNumber<C: Collection>(_ text: C) -> (number: Int, size: Int)? where C.Element == UInt8 {
        guard let n = GDBHex.number(text), n < UInt64(registers.count), let size = registers.size(of: Int(n)) else { return nil }
        return (Int(n), size)
    }

    /// `p n`.
    private func readRegister(_ args: ArraySlice<UInt8>) -> [UInt8] {
        guard let (n, size) = registerNumber(args) else { return GDBServer.error(1) }
        return registerHex(n, size: size)
    }

    /// `P n=r...`: the value must be exactly the register's size.
    private func writeRegister(_ args: ArraySlice<UInt8>) -> [UInt8] {
        let parts = args.split(separator: UInt8(ascii: "="), maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let (n, size) = registerNumber(parts[0]),
              let bytes = GDBHex.decode(parts[1]), bytes.count == size,
              target.writeRegister(cpu: generalCPU, number: n, bytes: bytes)
        else { return GDBServer.error(1) }
        return GDBServer.ok
    }

    // MARK: Memory ("Packets": m, M, X)

    /// `addr,length` as in m/M/X/Z; nil when malformed.
    private func addressAndLength<C: Collection>(_ text: C) -> (address: UInt64, length: UInt64)? where C.Element == UInt8 {
        let parts = text.split(separator: UInt8(ascii: ","), maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let address = GDBHex.number(parts[0]), let length = GDBHex.number(parts[1]) else { return nil }
        return (address, length)
    }

    /// `m addr,length`. A request longer than a reply can carry is cut short,
    /// and so is one the target could only partly read: GDB accepts fewer
    /// bytes than it asked for ("Packets", `m`).
    private func readMemory(_ args: ArraySlice<UInt8>) -> [UInt8] {
        guard let (address, length) = addressAndLength(args) else { return GDBServer.error(1) }
        let count = Int(min(length, UInt64(GDBServer.packetSize / 2)))
        guard let bytes = target.readMemory(cpu: generalCPU, address: address, length: count),
              !bytes.isEmpty || count == 0
        else { return GDBServer.error(GDBServer.memoryFault) }
        return GDBHex.encode(bytes.prefix(count))
    }

    /// `M addr,length:XX...` (hex) and `X addr,length:XX...` (binary, escaped
    /// with `}`). The length must match the data; `X addr,0:` is GDB probing
    /// for X support and writes nothing.
    private func writeMemory(_ args: ArraySlice<UInt8>, binary: Bool) -> [UInt8] {
        let parts = args.split(separator: UInt8(ascii: ":"), maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let (address, length) = addressAndLength(parts[0]),
              let bytes = binary ? GDBPacket.unescape(parts[1]) : GDBHex.decode(parts[1]),
              UInt64(bytes.count) == length
        else { return GDBServer.error(1) }
        if bytes.isEmpty { return GDBServer.ok }
        return target.writeMemory(cpu: generalCPU, address: address, bytes: bytes) ? GDBServer.ok : GDBServer.error(GDBServer.memoryFault)
    }

    // MARK: Breakpoints ("Packets": Z0-Z4, z0-z4)

    /// `Z type,addr,kind[;cond...]`. Conditions and commands are not
    /// advertised, so GDB evaluates them itself; anything after `;` is ignored.
    private func breakpoint(_ args: ArraySlice<UInt8>, insert: Bool) -> [UInt8] {
        let spec = args.split(separator: UInt8(ascii: ";"), maxSplits: 1, omittingEmptySubsequences: false)[0]
        let parts = spec.split(separator: UInt8(ascii: ","), maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let type = GDBHex.number(parts[0]) else { return GDBServer.error(1) }
        // An unknown type gets the empty "not supported" reply ("Packets", Z).
        guard type <= 4, let kind = GDBBreakpointKind(rawValue: Int(type)) else { return [] }
        guard let (address, length) = addressAndLength(parts[1]), length <= UInt64(Int.max) else { return GDBServer.error(1) }
        let done = insert
            ? target.insertBreakpoint(kind, address: address, length: Int(length))
            : target.removeBreakpoint(kind, address: address, length: Int(length))
        guard done else { return GDBServer.error(1) }
        switch (kind, insert) {
        case (.software, true): softwareBreakpoints.insert(address)
        case (.software, false): softwareBreakpoints.remove(address)
        case (.hardware, true): hardwareBreakpoints.insert(address)
        case (.hardware, false): hardwareBreakpoints.remove(address)
        default: break
        }
        return GDBServer.ok
    }

    // MARK: Threads ("Packets": H, T; "General Query Packets": qfThreadInfo, qC)

    enum ThreadSelector: Equatable { case all, any, cpu(Int) }

    /// A thread-id ("Overview", thread-id syntax): `-1` all, `0` any,
    /// else hex cpu+1. The multiprocess `pPID.TID` form is not advertised.
    func threadSelector<C: Collection>(_ text: C) -> ThreadSelector? where C.Element == UInt8 {
        if text.elementsEqual("-1".utf8) { return .all }
        guard let id = GDBHex.number(text) else { return nil }
        if id == 0 { return .any }
        guard id <= UInt64(target.cpuCount) else { return nil }
        return .cpu(Int(id) - 1)
    }

    /// A specific existing thread's CPU, for `T` and qThreadExtraInfo.
    private func threadID<C: Collection>(_ text: C) -> Int? where C.Element == UInt8 {
        if case .cpu(let cpu)? = threadSelector(text) { return cpu }
        return nil
    }

    static func threadString(_ cpu: Int) -> String { GDBHex.string(UInt64(cpu + 1), width: 2) }

    /// `Hg tid` / `Hc tid`. "All" and "any" leave Hg on its CPU (registers
    /// need one CPU); for Hc they mean no particular CPU.
    private func setThread(_ args: ArraySlice<UInt8>) -> [UInt8] {
        guard let op = args.first, let selector = threadSelector(args.dropFirst()) else { return GDBServer.error(1) }
        switch (op, selector) {
        case (UInt8(ascii: "g"), .cpu(let cpu)): generalCPU = cpu
        case (UInt8(ascii: "g"), _): break
        case (UInt8(ascii: "c"), .cpu(let cpu)): continueCPU = cpu
        case (UInt8(ascii: "c"), _): continueCPU = nil
        default: return GDBServer.error(1)
        }
        return GDBServer.ok
    }

    // MARK: Running ("Packets": c, s, vCont; "Stop Reply Packets")

    /// `c [addr]` / `s [addr]`: an address means resume there (the pc of
    /// the CPU that runs first). `s` steps the Hc CPU, or the Hg one.
    private func resume(_ args: ArraySlice<UInt8>, step: Bool, interrupted: () -> Bool) -> [UInt8] {
        let cpu = continueCPU ?? generalCPU
        if !args.isEmpty {
            guard let address = GDBHex.number(args),
                  target.writeRegister(cpu: cpu, number: GDBRegisters.pc, bytes: GDBServer.littleEndian(address))
            else { return GDBServer.error(1) }
        }
        return run(stepCPU: step ? cpu : nil, interrupted: interrupted)
    }

    private func run(stepCPU: Int?, interrupted: () -> Bool) -> [UInt8] {
        let (cpu, stop) = target.resume(stepCPU: stepCPU, interrupted: interrupted)
        lastStop = (cpu, stop)
        // After a stop GDB takes the reported thread as current; keep Hg/Hc
        // in step with it, as QEMU does.
        generalCPU = cpu
        continueCPU = cpu
        var reply = stopReply(lastStop)
        if stepCPU == nil, stop == .trap, let pc = target.readRegister(cpu: cpu, number: GDBRegisters.pc), pc.count == 8 {
            let address = GDBServer.uint64(pc)
            if gdbReportsSWBreak && softwareBreakpoints.contains(address) {
                reply = stopReply(lastStop, reason: "swbreak:;")
            } else if gdbReportsHWBreak && hardwareBreakpoints.contains(address) {
                reply = stopReply(lastStop, reason: "hwbreak:;")
            }
        }
        return reply
    }

    /// `T05thread:01;` (SIGTRAP), with `watch:ADDR;` / `rwatch:` / `awatch:`
    /// for watchpoints; `T02` (SIGINT) for Ctrl-C; `W` + exit code.
    func stopReply(_ stop: (cpu: Int, stop: GDBStop), reason: String = "") -> [UInt8] {
        let thread = "thread:" + GDBServer.threadString(stop.cpu) + ";"
        switch stop.stop {
        case .trap:
            return Array(("T05" + reason + thread).utf8)
        case .interrupted:
            return Array(("T02" + thread).utf8)
        case .exited(let code):
            return Array(("W" + GDBHex.string(UInt64(UInt8(truncatingIfNeeded: code)), width: 2)).utf8)
        case .watchpoint(let kind, let address):
            let name: String
            switch kind {
            case .writeWatch: name = "watch"
            case .readWatch: name = "rwatch"
            case .accessWatch: name = "awatch"
            case .software: return Array(("T05swbreak:;" + thread).utf8)
            case .hardware: return Array(("T05hwbreak:;" + thread).utf8)
            }
            return Array(("T05" + name + ":" + GDBHex.string(address) + ";" + thread).utf8)
        }
    }

    /// `vCont;action[:tid]...`. The machine steps one CPU or runs them all:
    /// a step action (`s`/`S`) for a thread steps that CPU, one without a
    /// thread steps the current CPU, otherwise everything continues. Signals
    /// in `C`/`S` are ignored: a bare machine has none to deliver.
    private func vCont(_ actions: ArraySlice<UInt8>, interrupted: () -> Bool) -> [UInt8] {
        var stepCPU: Int? = nil
        let list = actions.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false)
        guard !list.isEmpty else { return GDBServer.error(1) }
        for action in list {
            let parts = action.split(separator: UInt8(ascii: ":"), maxSplits: 1, omittingEmptySubsequences: false)
            guard let letter = parts[0].first else { return GDBServer.error(1) }
            let signal = parts[0].dropFirst()
            var selector = ThreadSelector.all
            if parts.count == 2 {
                guard let s = threadSelector(parts[1]) else { return GDBServer.error(1) }
                selector = s
            }
            switch letter {
            case UInt8(ascii: "c"), UInt8(ascii: "s"):
                guard signal.isEmpty else { return GDBServer.error(1) }
            case UInt8(ascii: "C"), UInt8(ascii: "S"):
                guard signal.count == 2, GDBHex.decode(signal) != nil else { return GDBServer.error(1) }
            default:
                return GDBServer.error(1)
            }
            if (letter == UInt8(ascii: "s") || letter == UInt8(ascii: "S")) && stepCPU == nil {
                if case .cpu(let cpu) = selector { stepCPU = cpu } else { stepCPU = generalCPU }
            }
        }
        return run(stepCPU: stepCPU, interrupted: interrupted)
    }

    private func vPacket(_ packet: [UInt8], interrupted: () -> Bool) -> [UInt8] {
        if packet.elementsEqual("vCont?".utf8) {
            // GDB only uses vCont when both c and C are listed ("Packets", vCont?).
            return Array("vCont;c;C;s;S".utf8)
        }
        if packet.starts(with: "vCont;".utf8) {
            return vCont(packet.dropFirst(6), interrupted: interrupted)
        }
        // vMustReplyEmpty and every other v packet: not supported.
        return []
    }

    // MARK: Queries ("General Query Packets")

    private func query(_ packet: [UInt8]) -> GDBReply {
        let nameEnd = packet.firstIndex { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ",") } ?? packet.endIndex
        let name = String(decoding: packet[..<nameEnd], as: UTF8.self)
        let rest = nameEnd < packet.endIndex ? packet[(nameEnd + 1)...] : []
        let comma = nameEnd < packet.endIndex && packet[nameEnd] == UInt8(ascii: ",")
        switch name {
        case "qSupported":
            return one(supported(rest))
        case "qXfer":
            return one(transferFeatures(rest))
        case "qfThreadInfo":
            return one(Array(("m" + (0..<target.cpuCount).map(GDBServer.threadString).joined(separator: ",")).utf8))
        case "qsThreadInfo":
            return one(Array("l".utf8))
        case "qC":
            return one(Array(("QC" + GDBServer.threadString(generalCPU)).utf8))
        case "qAttached":
            // 1: we attached to an existing machine, so quitting GDB detaches rather than kills.
            return one(Array("1".utf8))
        case "qThreadExtraInfo":
            guard comma, let cpu = threadID(rest) else { return one(GDBServer.error(1)) }
            return one(GDBHex.encode(Array("CPU \(cpu)".utf8)))
        case "qRcmd":
            return comma ? monitor(rest) : one(GDBServer.error(1))
        default:
            return one([])
        }
    }

    /// qSupported: note which stop reasons GDB accepts, and list ours.
    private func supported(_ gdbFeatures: ArraySlice<UInt8>) -> [UInt8] {
        for feature in gdbFeatures.split(separator: UInt8(ascii: ";")) {
            if feature.elementsEqual("swbreak+".utf8) { gdbReportsSWBreak = true }
            if feature.elementsEqual("hwbreak+".utf8) { gdbReportsHWBreak = true }
        }
        return Array(("PacketSize=" + GDBHex.string(UInt64(GDBServer.packetSize))
            + ";qXfer:features:read+;QStartNoAckMode+;vContSupported+;swbreak+;hwbreak+").utf8)
    }

    /// `qXfer:features:read:annex:offset,length` -> `m` + data (more follows)
    /// or `l` + data (last), binary-escaped. Only annex target.xml exists.
    private func transferFeatures(_ rest: ArraySlice<UInt8>) -> [UInt8] {
        let prefix = "features:read:target.xml:".utf8
        guard rest.starts(with: prefix) else {
            // E00: "the request was malformed, or annex was invalid" ("qXfer read").
            return rest.starts(with: "features:read:".utf8) ? GDBServer.error(0) : []
        }
        guard let (offset, length) = addressAndLength(rest.dropFirst(prefix.count)) else { return GDBServer.error(0) }
        let document = targetDocument
        guard offset <= UInt64(document.count) else { return GDBServer.error(0) }
        // Take bytes while their escaped form fits both GDB's length and our packet size.
        let budget = Int(min(length, UInt64(GDBServer.packetSize - 1)))
        var end = Int(offset), used = 0
        while end < document.count {
            let cost = GDBPacket.needsEscape(document[end]) ? 2 : 1
            guard used + cost <= budget else { break }
            used += cost
            end += 1
        }
        let marker = UInt8(ascii: end == document.count ? "l" : "m")
        return [marker] + GDBPacket.escape(document[Int(offset)..<end])
    }

    /// `qRcmd,HEX` (monitor): output as `O` + hex console packets, then `OK`
    /// ("General Query Packets", qRcmd).
    private func monitor(_ hexCommand: ArraySlice<UInt8>) -> GDBReply {
        guard let bytes = GDBHex.decode(hexCommand) else { return one(GDBServer.error(1)) }
        let output = Array(target.monitor(String(decoding: bytes, as: UTF8.self)).utf8)
        var packets: [[UInt8]] = []
        let chunk = (GDBServer.packetSize - 1) / 2
        var start = 0
        while start < output.count {
            let end = min(start + chunk, output.count)
            packets.append([UInt8(ascii: "O")] + GDBHex.encode(output[start..<end]))
            start = end
        }
        packets.append(GDBServer.ok)
        return GDBReply(packets)
    }

    // MARK: Settings

    /// `QStartNoAckMode`: the packet itself was acknowledged before it was
    /// handled, GDB acknowledges our OK, then acks stop both ways ("Packet
    /// Acknowledgment").
    private func set(_ packet: [UInt8]) -> [UInt8] {
        guard packet.elementsEqual("QStartNoAckMode".utf8) else { return [] }
        acknowledging = false
        return GDBServer.ok
    }

    // MARK: Helpers

    static func littleEndian(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }

    static func uint64(_ bytes: [UInt8]) -> UInt64 {
        bytes.prefix(8).enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) }
    }
}
