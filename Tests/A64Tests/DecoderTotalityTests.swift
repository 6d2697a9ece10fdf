import XCTest
import Foundation
@testable import A64
import Memory

/// Decoder totality (issue 11): every 32-bit word decodes to an instruction
/// or to UNDEFINED, never a trap; sampled over every value of bits [31:21]
/// (the decoder's buckets, which stratify every top-level encoding group).
/// And no word the decoder accepts is one that llvm-objdump (the toolchain's
/// disassembler, with the features a64emu advertises) calls unallocated.
final class DecoderTotalityTests: XCTestCase {
    /// `perBucket` words for each of the 2048 values of bits [31:21], the
    /// low bits from a seeded xorshift generator.
    func sample(perBucket: Int, seed: UInt64) -> [UInt32] {
        var x = seed | 1
        var words: [UInt32] = []
        words.reserveCapacity(2048 * perBucket)
        for top in 0..<UInt32(2048) {
            for _ in 0..<perBucket {
                x ^= x << 13; x ^= x >> 7; x ^= x << 17
                words.append(top << 21 | UInt32(truncatingIfNeeded: x) & 0x1F_FFFF)
            }
        }
        return words
    }

    func testEveryWordDecodesOrIsUndefined() {
        var defined = 0
        for w in sample(perBucket: 2048, seed: 0x1234_5678) {       // 4,194,304 words
            let d = Decoder.decode(w)
            if d.op != .UNDEFINED { defined += 1 } else { XCTAssertEqual(UInt32(d.imm), w) }
        }
        XCTAssertGreaterThan(defined, 100_000, "the integer instruction set is there")
    }

    func testAcceptedWordsAreAllocatedForLLVM() throws {
        guard let objdump = Self.tool("llvm-objdump"), let objcopy = Self.tool("llvm-objcopy") else {
            throw XCTSkip("llvm-objdump or llvm-objcopy not found beside swift")
        }
        let accepted = sample(perBucket: 256, seed: 0xC0FFEE).filter { Decoder.decode($0).op != .UNDEFINED }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("a64emu-decoder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bin = dir.appendingPathComponent("words.bin"), obj = dir.appendingPathComponent("words.o")
        try accepted.withUnsafeBytes { try Data($0).write(to: bin) }
        // The words as the code section of an object file, for the disassembler.
        _ = try Self.run(objcopy, ["-I", "binary", "-O", "elf64-littleaarch64",
                                   "--rename-section", ".data=.text,code,alloc,load,readonly,contents", bin.path, obj.path])
        // The features a64emu advertises (ID_AA64ISAR0/1: CRC32, LSE atomics,
        // RCpc, SB; Armv8.1 base with the v8.4 TLBI forms).
        let text = try Self.run(objdump, ["--triple=aarch64", "--mattr=+v8.4a,+crc,+lse,+rcpc,+sb", "-d", obj.path])
        var disassembled = 0
        var unknown: [String] = []
        for line in text.split(separator: "\n") where line.hasPrefix(" ") && line.contains(":") {
            disassembled += 1
            if line.contains("<unknown>") { unknown.append(String(line)) }
        }
        XCTAssertGreaterThan(accepted.count, 100_000)
        XCTAssertEqual(disassembled, accepted.count, "llvm-objdump saw every word")
        XCTAssertTrue(unknown.isEmpty, "\(unknown.count) accepted words llvm-objdump calls unallocated, e.g. \(unknown.prefix(20))")
    }

    /// The other direction, for the SIMD&FP groups (issue 9): a word that
    /// llvm-objdump decodes with only the base Armv8.0 FP and Advanced SIMD
    /// (no FP16, RDM, dot product or crypto, which a64emu does not
    /// advertise) must not be UNDEFINED here.
    func testLLVMKnownFPSIMDWordsDecode() throws {
        guard let objdump = Self.tool("llvm-objdump"), let objcopy = Self.tool("llvm-objcopy") else {
            throw XCTSkip("llvm-objdump or llvm-objcopy not found beside swift")
        }
        // Data processing SIMD&FP (op0 = x111) and SIMD&FP loads and stores
        // (op0 = x1x0 with V = 1): bits 28:25 and 26 of the sampled words.
        let words = sample(perBucket: 512, seed: 0xF9_51D).filter { w in
            (w >> 25) & 7 == 7 || ((w >> 25) & 5 == 4 && (w >> 26) & 1 == 1)
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("a64emu-decoder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let bin = dir.appendingPathComponent("words.bin"), obj = dir.appendingPathComponent("words.o")
        try words.withUnsafeBytes { try Data($0).write(to: bin) }
        _ = try Self.run(objcopy, ["-I", "binary", "-O", "elf64-littleaarch64",
                                   "--rename-section", ".data=.text,code,alloc,load,readonly,contents", bin.path, obj.path])
        let text = try Self.run(objdump, ["--triple=aarch64", "--mattr=+v8a,+fp-armv8,+neon", "-d", obj.path])
        let lines = text.split(separator: "\n").filter { $0.hasPrefix(" ") && $0.contains(":") }
        XCTAssertEqual(lines.count, words.count, "llvm-objdump saw every word")
        var known = 0
        var missing: [String] = []
        for (w, line) in zip(words, lines) where !line.contains("<unknown>") {
            known += 1
            if Decoder.decode(w).op == .UNDEFINED { missing.append(String(line)) }
        }
        XCTAssertGreaterThan(known, 50_000)
        XCTAssertTrue(missing.isEmpty, "\(missing.count) words llvm-objdump decodes are UNDEFINED here, e.g. \(missing.prefix(30))")
    }

    static func run(_ tool: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw NSError(domain: tool, code: Int(p.terminationStatus)) }
        return text
    }

    static func tool(_ name: String) -> String? {
        guard let path = ProcessInfo.processInfo.environment["PATH"] else { return nil }
        for dir in path.split(separator: ":") {
            let swift = URL(fileURLWithPath: String(dir)).appendingPathComponent("swift")
            if FileManager.default.fileExists(atPath: swift.path) {
                let tool = swift.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: tool.path) { return tool.path }
            }
        }
        return nil
    }

    /// The machine's decode memo gives the interpreter's form of what the
    /// decoder gives, for words that collide in it and words decoded again
    /// after being displaced.
    func testTheDecodeMemoGivesTheDecodersResult() {
        let shared = SharedProcessorState(memory: PhysicalMemory(ramBase: 0x4000_0000, ramSize: 1 << 20))
        let words = sample(perBucket: 8, seed: 7)
        for pass in 0..<2 {
            for w in words {
                XCTAssertEqual(shared.decode(w), Decoder.decode(w).interpreterForm, "word \(String(w, radix: 16)), pass \(pass)")
            }
        }
    }
}
