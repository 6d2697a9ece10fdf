#if canImport(Glibc)
import Glibc
#endif
import A64
import Memory

/// The entry point of the semihosting fuzz target (Fuzz/, `make fuzz`) and
/// of its corpus replay (Tests/DebuggerTests/FuzzCorpusTests.swift): guest
/// bytes through the same calls a guest's `HLT #0xF000` makes.
///
/// Input: `flags, n, n x (op, offset low, offset high), ...`; all of it is
/// also the guest memory at `SemihostingFuzzEntry.base`, so each call's
/// parameter block (X1 = base + offset) and everything it points to (file
/// names, buffers, further blocks) are fuzzer bytes. flags bit 0: the root
/// is writable; bit 1: the cache model is on (guest memory read through
/// the data caches).
///
/// Left out, because they would block on or write to the host's terminal:
/// SYS_READC, SYS_READ from handle 1 (stdin) and SYS_WRITE to handle 3
/// (stderr). Host files live in `root` (see `makeRoot`), restored after
/// every input.
public enum SemihostingFuzzEntry {
    public static let base: UInt64 = Board.MemoryMap.ramBase + 0x10_0000
    static let fixture = "fixture contents\n"

    /// A fresh root folder (below $TMPDIR, else /tmp): in.txt, sub/in.txt,
    /// and escapes out of it (a symlinked file and a symlinked folder
    /// pointing outside). The caller removes its parent folder.
    public static func makeRoot() -> String {
        let tmp = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((tmp + "/a64emu-fuzz-root-XXXXXX").utf8CString)
        guard let p = mkdtemp(&template) else { fatalError("mkdtemp: \(String(cString: strerror(errno)))") }
        let outside = String(cString: p)
        let root = outside + "/root"
        mkdir(root, 0o755)
        mkdir(root + "/sub", 0o755)
        writeFile(outside + "/secret.txt", "secret\n")
        symlink(outside + "/secret.txt", root + "/link.txt")
        symlink(outside, root + "/escape")
        restore(root)
        return root
    }

    static let kept: Set<String> = ["in.txt", "sub", "link.txt", "escape"]

    /// Undoes what a guest may have done below `root`: files it created
    /// (only in root and sub/: SYS_OPEN creates no folders) and the
    /// contents of the fixture files it truncated or appended to.
    static func restore(_ root: String) {
        for (dir, keep) in [(root, kept), (root + "/sub", ["in.txt"] as Set<String>)] {
            guard let d = opendir(dir) else { continue }
            var extra: [String] = []
            while let e = readdir(d) {
                let name = withUnsafeBytes(of: e.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
                if name != "." && name != ".." && !keep.contains(name) { extra.append(name) }
            }
            closedir(d)
            for name in extra { unlink(dir + "/" + name) }
        }
        writeFile(root + "/in.txt", fixture)
        writeFile(root + "/sub/in.txt", fixture)
    }

    static func writeFile(_ path: String, _ text: String) {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        _ = Array(text.utf8).withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        Glibc.close(fd)
    }

    /// Runs one input; returns the number of calls made (for tests).
    @discardableResult
    public static func run(_ data: [UInt8], root: String) -> Int {
        guard data.count >= 2 else { return 0 }
        var config = Board.Configuration()
        config.ramSize = 4 << 20
        config.caches.enabled = data[0] & 2 != 0
        config.semihosting.root = root
        config.semihosting.writable = data[0] & 1 != 0
        config.semihosting.commandLine = "guest.elf --flag argument"
        config.semihosting.imageEnd = base
        let board = Board(config, console: ConsoleOutput(capture: true))
        let cpu = board.cpus[0]
        let sh = board.semihosting
        defer {
            for fd in sh.files.values { Glibc.close(fd) }
            sh.files = [:]
            restore(root)
        }
        try? board.memory.writeBytes(base, Array(data.prefix(1 << 16)))
        let count = min(Int(data[1]), (data.count - 2) / 3, 32)
        var calls = 0
        for i in 0..<count {
            let r = 2 + 3 * i
            let op = UInt64(data[r])
            let param = base + (UInt64(data[r + 1]) | UInt64(data[r + 2]) << 8)
            let handle = try? cpu.readMemory64(param)
            if op == Semihosting.Operation.readc.rawValue
                || (op == Semihosting.Operation.read.rawValue && handle == 1)
                || (op == Semihosting.Operation.write.rawValue && handle == 3) { continue }
            if op == Semihosting.Operation.open.rawValue,
               let name = try? cpu.readMemory64(param), let len = try? cpu.readMemory64(param &+ 16), len < 4096,
               let bytes = try? cpu.readMemory(name, count: Int(len)) {
                // The resolver alone as well, both ways.
                let path = String(decoding: bytes, as: UTF8.self)
                _ = SemihostingPath.resolve(path, root: root, creating: false)
                _ = SemihostingPath.resolve(path, root: root, creating: true)
            }
            cpu.x[0] = op
            cpu.x[1] = param
            _ = try? sh.semihostingCall(cpu)
            calls += 1
        }
        return calls
    }
}
