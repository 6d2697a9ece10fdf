import XCTest
@testable import A64
import Memory

/// The interpreter's runs: a run ends at the `.runEnd` slot after its block,
/// or at the slot where its budget ends, patched to `.runEnd` for that run
/// and put back after it (Interpreter.swift, CPU.runEndPatch).
final class InterpreterRunTests: XCTestCase {
    static let add1: UInt32 = 0x9100_0400            // ADD X0, X0, #1
    static let add100: UInt32 = 0x9101_9000          // ADD X0, X0, #100

    /// A loop of `adds` ADDs and a B back to the first, run with budgets that
    /// end anywhere in it: after every call, X0 and PC say exactly how many
    /// instructions retired, and the slot the budget ended at runs as the
    /// ADD it is on the next call.
    private func checkBudgets(_ caches: CacheConfiguration?, adds: Int = 40,
                              budgets: [Int] = [3, 1, 5, 41, 2, 17, 40, 1, 16, 15, 64, 7, 100, 39, 1, 1, 33],
                              file: StaticString = #filePath, line: UInt = #line) {
        // By default 40 ADDs and the B: 41 words, three 64-byte lines.
        let branch = 0x1400_0000 | (UInt32(bitPattern: Int32(-adds)) & 0x03FF_FFFF)
        let h = Harness(Array(repeating: Self.add1, count: adds) + [branch], caches: caches)
        var total = 0
        for budget in budgets {
            XCTAssertEqual(h.cpu.run(budget: budget), budget, file: file, line: line)
            XCTAssertNil(h.cpu.stopReason, file: file, line: line)
            total += budget
            let loops = total / (adds + 1), at = total % (adds + 1)
            XCTAssertEqual(h[0], UInt64(loops * adds + at), "after \(total) instructions", file: file, line: line)
            XCTAssertEqual(h.pcOffset, UInt64(at * 4), "after \(total) instructions", file: file, line: line)
            XCTAssertNil(h.cpu.runEndPatch, file: file, line: line)
        }
    }

    func testBudgetsEndingInsideAPage() { checkBudgets(nil) }

    /// A loop inside one block (3 ADDs and the B): its taken branch goes
    /// straight on while the budget left covers a run to the block's end
    /// (`runFloor`), and through the loop's head after that; budgets of
    /// more and less than a block (1,024 slots; 16 with the cache model on)
    /// end exactly where they say.
    func testBudgetsEndingInsideATightLoop() {
        let budgets = [1500, 3, 1024, 1025, 4096, 1023, 2, 5000, 1, 17, 16, 15, 333, 2049]
        checkBudgets(nil, adds: 3, budgets: budgets)
        var caches = CacheConfiguration()
        caches.enabled = true
        checkBudgets(caches, adds: 3, budgets: budgets)
    }

    func testBudgetsEndingInsideIcacheLines() {
        var caches = CacheConfiguration()
        caches.enabled = true
        checkBudgets(caches)
    }

    func testBudgetsEndingInsideFetchedLinesWithoutAnIcache() {
        var caches = CacheConfiguration()
        caches.enabled = true
        caches.dic = true                               // lines read into a scratch line
        checkBudgets(caches)
    }

    /// A store over the slot the budget ends at resets it during the run:
    /// the slot is not put back, and the next run executes the new word.
    func testStoreOverThePatchedSlotIsNotUndone() {
        let h = Harness([
            0xB900_0041,    // STR W1, [X2]     X2 = the third word
            Self.add1,
            Self.add1,      // overwritten with ADD X0, X0, #100
            0x1400_0000,    // B .
        ])
        h.cpu.pc = Harness.base + 8
        h.step(1)                                       // the third slot decoded: ADD #1
        XCTAssertEqual(h[0], 1)
        h.cpu.pc = Harness.base
        h[0] = 0
        h[1] = UInt64(Self.add100)
        h[2] = Harness.base + 8
        h.step(2)                                       // STR, ADD; the budget ends at the third slot
        XCTAssertEqual(h[0], 1)
        XCTAssertEqual(h.pcOffset, 8)
        h.step(1)
        XCTAssertEqual(h[0], 101, "the third word as stored, not the slot the run patched")
    }
}
