import XCTest
import Foundation
@testable import Debugger
@testable import Machine

/// The fuzz corpus (Fuzz/Corpus/<target>/, kept by `make fuzz`) replayed
/// without libFuzzer: every file through the same FuzzEntry the fuzz
/// targets call. A file that crashed once stays here as a regression test:
/// a trap fails the whole test run.
final class FuzzCorpusTests: XCTestCase {
    static let fuzz = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    /// Fuzz/Corpus/<target> (minimised by `make fuzz`) and Fuzz/Regressions/<target>
    /// (inputs that once crashed, never merged away).
    func files(_ target: FuzzEntry.Target, in folder: String) throws -> [URL] {
        let dir = Self.fuzz.appendingPathComponent(folder).appendingPathComponent(target.rawValue)
        if folder == "Regressions" && !FileManager.default.fileExists(atPath: dir.path) { return [] }
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    func replay(_ target: FuzzEntry.Target, minimum: Int) throws {
        let corpus = try files(target, in: "Corpus")
        XCTAssertGreaterThanOrEqual(corpus.count, minimum, "Fuzz/Corpus/\(target.rawValue) holds too few inputs")
        let inputs = corpus + (try files(target, in: "Regressions"))
        let verbose = ProcessInfo.processInfo.environment["FUZZ_REPLAY_VERBOSE"] != nil
        for url in inputs {
            if verbose { FileHandle.standardError.write(Data("replay \(target.rawValue)/\(url.lastPathComponent)\n".utf8)) }
            FuzzEntry.run(target, Array(try Data(contentsOf: url)))
        }
    }

    /// The semihosting roots are made below a fresh /tmp folder each: remove it.
    static func removeRoot(_ root: String) {
        try? FileManager.default.removeItem(at: URL(fileURLWithPath: root).deletingLastPathComponent())
    }

    override class func tearDown() {
        if let root = FuzzEntry.cachedRoot { removeRoot(root) }
        FuzzEntry.cachedRoot = nil
        super.tearDown()
    }

    func testELFCorpus() throws { try replay(.elf, minimum: 10) }
    func testSemihostingCorpus() throws { try replay(.semihosting, minimum: 10) }
    func testGDBCorpus() throws { try replay(.gdb, minimum: 10) }
    func testConsoleCorpus() throws { try replay(.console, minimum: 10) }

    /// Crashes the fuzzers found, each fixed (their inputs are in Fuzz/Regressions).
    func testFixedCrashes() {
        // A step into a CPU whose vector cannot be fetched (fetch abort after
        // fetch abort, no instruction reached) ended never: console and GDB.
        var debugger = FuzzEntry.machine(cpus: 1, caches: true, el2: false, explainStale: false)
        var text = ""
        let console = Console(debugger: debugger, output: { text += $0 })
        console.execute("set pc = 0x10")
        console.execute("step")
        XCTAssertTrue(text.contains("exceptions taken in a row without reaching an instruction"), text)
        // icache cpu -1 indexed the CPU array with -1.
        text = ""
        console.execute("icache cpu -1")
        XCTAssertTrue(text.hasPrefix("usage: icache"), text)
        // dcache of a PA outside RAM read host memory beside the guest's RAM.
        text = ""
        console.execute("dcache 0x0 phys")
        XCTAssertTrue(text.contains("not RAM"), text)
        text = ""
        console.execute("dcache 0xffffffffffffffff phys")
        XCTAssertTrue(text.contains("not RAM"), text)
        FuzzEntry.release(debugger)

        debugger = FuzzEntry.machine(cpus: 2, caches: false, el2: false, explainStale: false)
        let server = GDBServer(target: GDBMachineTarget(debugger: debugger))
        let pc = Array("P20=1000000000000000".utf8)
        XCTAssertEqual(server.handle(packet: pc, interrupted: { false }).packets, [Array("OK".utf8)])
        let reply = server.handle(packet: Array("s".utf8), interrupted: { false })
        XCTAssertEqual(reply.packets.map { String(decoding: $0, as: UTF8.self) }, ["T05thread:01;"])
        FuzzEntry.release(debugger)

        // An odd PC at the start of a run (1 to 0xFFD) read a decoded
        // instruction through no page instead of taking a PC alignment fault.
        debugger = FuzzEntry.machine(cpus: 1, caches: false, el2: false, explainStale: false)
        let cpu = debugger.board.cpus[0]
        for odd: UInt64 in [1, 5, 0xFFD, 0x4008_0001] {
            cpu.pc = odd
            _ = cpu.run(budget: 1)
            XCTAssertEqual(debugger.systemRegister(cpu, "ESR_EL1") >> 26, 0x22, "PC alignment fault at \(odd)")
            XCTAssertEqual(debugger.systemRegister(cpu, "ELR_EL1"), odd)
            XCTAssertEqual(debugger.systemRegister(cpu, "FAR_EL1"), odd)
        }
        FuzzEntry.release(debugger)

        // demangleSwift hands the runtime a NUL-terminated name (the runtime
        // ran strlen past the end of a bare buffer; seen under ASan only).
        XCTAssertEqual(demangleSwiftShort("$s4Demo1VV1loiySbACyxG_AEtFZ"), demangleSwiftShort(String("$s4Demo1VV1loiySbACyxG_AEtFZxx".dropLast(2))))
    }

    /// The entries really drive their parsers: a seed reaches the machine.
    func testEntriesReachTheirParsers() throws {
        // Semihosting: SYS_OPEN ":tt" (param at +8: name, mode, len) then SYS_WRITE0 "hi\n" (at +36).
        var data: [UInt8] = [0, 2, 0x01, 8, 0, 0x04, 36, 0]
        func quad(_ v: UInt64) { for i in 0..<8 { data.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) } }
        quad(SemihostingFuzzEntry.base + 32); quad(4); quad(3)
        data += Array(":tt\0hi\n\0".utf8)
        XCTAssertEqual(data.count, 40)
        let root = SemihostingFuzzEntry.makeRoot()
        defer { Self.removeRoot(root) }
        XCTAssertEqual(SemihostingFuzzEntry.run(data, root: root), 2)
        XCTAssertNotNil(SemihostingPath.resolve("in.txt", root: root, creating: false))
        XCTAssertNil(SemihostingPath.resolve("link.txt", root: root, creating: false))

        // Console: the tiny program runs to its SYS_EXIT under `continue`.
        let debugger = FuzzEntry.machine(cpus: 1, caches: false, el2: false, explainStale: false)
        var text = ""
        let console = Console(debugger: debugger, output: { text += $0 })
        console.execute("break func")
        console.execute("continue")
        XCTAssertTrue(text.contains("stopped: breakpoint"), text)
        console.execute("delete")
        console.execute("continue")
        XCTAssertTrue(text.contains("the guest exited with status 0"), text)
        XCTAssertTrue(FuzzEntry.tooLong("step 100000"))
        XCTAssertFalse(FuzzEntry.tooLong("step 10"))
    }
}
