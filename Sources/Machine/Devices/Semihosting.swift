#if canImport(Glibc)
import Glibc
#endif
import A64
import Memory

public struct SemihostingConfiguration {
    /// Host files the guest may open live below this folder.
    public var root: String = "."
    /// Whether the guest may open host files for writing.
    public var writable = false
    /// SYS_GET_CMDLINE's answer: the guest's name and its arguments.
    public var commandLine = ""
    /// Where the image ends (SYS_HEAPINFO's heap starts above it).
    public var imageEnd: UInt64 = 0
    public init() {}
}

/// Arm semihosting v2 for AArch64 (Arm's "Semihosting for AArch32 and
/// AArch64", IHI 0098): `HLT #0xF000`, operation in W0, parameter (usually
/// a block of 64-bit words) in X1, result in X0.
///
/// Guest time (SYS_CLOCK, SYS_ELAPSED, SYS_TIME) is virtual, derived from
/// instructions retired, so that a run is deterministic.
public final class Semihosting {
    public enum Operation: UInt64 {
        case open = 0x01, close = 0x02, writec = 0x03, write0 = 0x04, write = 0x05
        case read = 0x06, readc = 0x07, iserror = 0x08, istty = 0x09, seek = 0x0A
        case flen = 0x0C, tmpnam = 0x0D, remove = 0x0E, rename = 0x0F, clock = 0x10
        case time = 0x11, system = 0x12, errno = 0x13, getCmdline = 0x15, heapinfo = 0x16
        case exit = 0x18, exitExtended = 0x20, elapsed = 0x30, tickfreq = 0x31
    }
    /// ADP_Stopped_ApplicationExit: the reason code of a normal exit.
    static let applicationExit: UInt64 = 0x20026
    /// Virtual time: one tick per instruction at this rate.
    static let ticksPerSecond: UInt64 = 1_000_000_000

    var configuration: SemihostingConfiguration
    let memory: PhysicalMemory
    let console: ConsoleOutput
    var lastErrno: Int32 = 0
    /// Open handles: 1, 2, 3 are ":tt" (stdin, stdout, stderr); others host fds.
    var files: [UInt64: Int32] = [:]
    var nextHandle: UInt64 = 4

    public init(configuration: SemihostingConfiguration, memory: PhysicalMemory, console: ConsoleOutput) {
        self.configuration = configuration
        self.memory = memory
        self.console = console
    }

    public func setImageEnd(_ end: UInt64) { configuration.imageEnd = end }

    /// The CPU making the current call: parameter blocks and buffers are
    /// virtual addresses of its current translation regime.
    private unowned(unsafe) var caller: CPU! = nil

    public func semihostingCall(_ cpu: CPU) throws(CPUException) {
        caller = cpu
        let op = cpu.x[0] & 0xFFFF_FFFF
        let param = cpu.x[1]
        do {
            let result = try perform(op, param, cpu)
            cpu.x[0] = result
        } catch {
            throw .bus(error)
        }
    }

    func word(_ block: UInt64, _ i: UInt64) throws(BusError) -> UInt64 {
        try caller.readMemory64(block &+ 8 * i)
    }

    static let failure = UInt64(bitPattern: -1)

    func perform(_ opNumber: UInt64, _ p: UInt64, _ cpu: CPU) throws(BusError) -> UInt64 {
        guard let op = Operation(rawValue: opNumber) else {
            lastErrno = ENOSYS
            return Self.failure
        }
        switch op {
        case .writec:
            console.write(try cpu.readMemory(p, count: 1)[0])
            return 0
        case .write0:
            console.write(try cpu.readString(p))
            return 0
        case .write:
            let handle = try word(p, 0), buf = try word(p, 1), len = try word(p, 2)
            return try writeHandle(handle, buf, len)
        case .read:
            let handle = try word(p, 0), buf = try word(p, 1), len = try word(p, 2)
            return try readHandle(handle, buf, len)
        case .readc:
            console.flush()
            var b: UInt8 = 0
            return Glibc.read(0, &b, 1) == 1 ? UInt64(b) : Self.failure
        case .open:
            let name = try word(p, 0), mode = try word(p, 1), len = try word(p, 2)
            guard len < 4096 else { lastErrno = ENAMETOOLONG; return Self.failure }
            let path = String(decoding: try cpu.readMemory(name, count: Int(len)), as: UTF8.self)
            return open(path, mode: mode)
        case .close:
            let handle = try word(p, 0)
            if let fd = files.removeValue(forKey: handle) { Glibc.close(fd); return 0 }
            if (1...3).contains(handle) { return 0 }
            lastErrno = EBADF
            return Self.failure
        case .iserror:
            return Int64(bitPattern: try word(p, 0)) < 0 ? 1 : 0
        case .istty:
            let handle = try word(p, 0)
            if (1...3).contains(handle) { return 1 }
            lastErrno = files[handle] == nil ? EBADF : ENOTTY
            return 0
        case .seek:
            let handle = try word(p, 0), pos = try word(p, 1)
            guard let fd = files[handle] else { lastErrno = EBADF; return Self.failure }
            return lseek(fd, off_t(Int64(bitPattern: pos)), SEEK_SET) < 0 ? fail() : 0
        case .flen:
            let handle = try word(p, 0)
            guard let fd = files[handle] else { lastErrno = EBADF; return Self.failure }
            var st = stat()
            return fstat(fd, &st) == 0 ? UInt64(st.st_size) : fail()
        case .clock:
            // Centiseconds of (virtual) execution time.
            return cpu.instructionsRetired / (Self.ticksPerSecond / 100)
        case .time:
            return cpu.instructionsRetired / Self.ticksPerSecond
        case .elapsed:
            try cpu.writeMemory64(p, cpu.instructionsRetired)
            return 0
        case .tickfreq:
            return Self.ticksPerSecond
        case .errno:
            return UInt64(lastErrno)
        case .getCmdline:
            let buf = try word(p, 0), size = try word(p, 1)
            let bytes = Array(configuration.commandLine.utf8) + [0]
            guard UInt64(bytes.count) <= size else { lastErrno = E2BIG; return Self.failure }
            try cpu.writeMemory(buf, bytes)
            try cpu.writeMemory64(p &+ 8, UInt64(bytes.count - 1))
            return 0
        case .heapinfo:
            // Heap from the end of the image to 1 MiB below the top of RAM;
            // the stack takes that last MiB, growing down from the top.
            let block = try word(p, 0)
            let top = memory.ramBase + memory.ramSize
            let heapBase = (configuration.imageEnd + 0xFFF) & ~0xFFF
            try cpu.writeMemory64(block, heapBase)
            try cpu.writeMemory64(block + 8, top - (1 << 20))
            try cpu.writeMemory64(block + 16, top)
            try cpu.writeMemory64(block + 24, top - (1 << 20))
            return 0
        case .exit, .exitExtended:
            // AArch64: X1 points to {reason, subcode}; an application exit
            // returns the subcode as the exit status, any other reason 1.
            let reason = try word(p, 0), code = try word(p, 1)
            let status = reason == Self.applicationExit ? Int32(truncatingIfNeeded: code) : 1
            cpu.stopReason = .guestExit(status)
            return 0
        case .tmpnam, .remove, .rename, .system:
            // Refused: the guest may not name, delete or run host things.
            lastErrno = EPERM
            return Self.failure
        }
    }

    func fail() -> UInt64 { lastErrno = errno; return Self.failure }

    func writeHandle(_ handle: UInt64, _ buf: UInt64, _ len: UInt64) throws(BusError) -> UInt64 {
        let bytes = try caller.readMemory(buf, count: Int(min(len, 1 << 30)))
        switch handle {
        case 2: console.write(bytes); return 0
        case 3:
            console.flush()
            bytes.withUnsafeBytes { _ = Glibc.write(2, $0.baseAddress, $0.count) }
            return 0
        default:
            guard let fd = files[handle] else { lastErrno = EBADF; return len }
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 { lastErrno = errno; return len }
            return len - UInt64(n)
        }
    }

    func readHandle(_ handle: UInt64, _ buf: UInt64, _ len: UInt64) throws(BusError) -> UInt64 {
        let fd: Int32
        if handle == 1 { console.flush(); fd = 0 } else if let f = files[handle] { fd = f } else {
            lastErrno = EBADF; return len
        }
        // In chunks: the host buffer is bounded whatever length the guest
        // asks for; a short read (end of file) ends it.
        var done: UInt64 = 0
        var bytes = [UInt8](repeating: 0, count: 1 << 16)
        while done < len {
            let want = Int(min(len - done, UInt64(bytes.count)))
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, want) }
            if n < 0 { lastErrno = errno; return len - done }
            if n == 0 { break }
            try caller.writeMemory(buf &+ done, Array(bytes[0..<n]))
            done += UInt64(n)
            if n < want { break }
        }
        return len - done
    }

    /// SYS_OPEN: ":tt" is the console (mode 0-3 stdin, 4-7 stdout, 8-11
    /// stderr, as QEMU does); anything else is a host file below the
    /// semihosting root, resolved with symlinks and refused if it leaves it.
    func open(_ path: String, mode: UInt64) -> UInt64 {
        if path == ":tt" { return mode < 4 ? 1 : (mode < 8 ? 2 : 3) }
        guard mode <= 11 else { lastErrno = EINVAL; return Self.failure }
        let wantsWrite = mode >= 2    // anything but "r" and "rb"
        if wantsWrite && !configuration.writable { lastErrno = EACCES; return Self.failure }
        guard let resolved = SemihostingPath.resolve(path, root: configuration.root, creating: wantsWrite) else {
            lastErrno = EACCES
            return Self.failure
        }
        // Modes (ISO C fopen): 0-1 r, 2-3 r+, 4-5 w, 6-7 w+, 8-9 a, 10-11 a+.
        let flags: Int32
        switch mode / 2 {
        case 0: flags = O_RDONLY
        case 1: flags = O_RDWR
        case 2: flags = O_WRONLY | O_CREAT | O_TRUNC
        case 3: flags = O_RDWR | O_CREAT | O_TRUNC
        case 4: flags = O_WRONLY | O_CREAT | O_APPEND
        default: flags = O_RDWR | O_CREAT | O_APPEND
        }
        let fd = Glibc.open(resolved, flags | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if fd < 0 { return fail() }
        let handle = nextHandle
        nextHandle += 1
        files[handle] = fd
        return handle
    }
}

/// Confinement of guest file names to the semihosting root.
public enum SemihostingPath {
    /// The host path for `name`, or nil if it is absolute, has a `..`
    /// component, or resolves (through symlinks) outside `root`.
    public static func resolve(_ name: String, root: String, creating: Bool) -> String? {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\0") else { return nil }
        let parts = name.split(separator: "/", omittingEmptySubsequences: true)
        if parts.contains("..") { return nil }
        guard let rootReal = realPath(root) else { return nil }
        let joined = rootReal + "/" + parts.joined(separator: "/")
        // The file itself if it exists, else (when creating) its folder.
        let target: String
        if let real = realPath(joined) {
            target = real
        } else if creating, let dir = realPath(String(joined[..<joined.lastIndex(of: "/")!])) {
            target = dir + "/" + parts.last!
        } else {
            return nil
        }
        return target == rootReal || target.hasPrefix(rootReal + "/") ? target : nil
    }

    static func realPath(_ p: String) -> String? {
        guard let r = realpath(p, nil) else { return nil }
        defer { free(r) }
        return String(cString: r)
    }
}
