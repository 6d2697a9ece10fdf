import XCTest
@testable import A64
import Memory

/// D8.16-D8.17: what the modelled TLB keeps and what each TLBI removes.
final class TLBTests: XCTestCase {
    func entry(_ va: UInt64, asid: UInt16 = 0, global: Bool = false, vmid: UInt16 = 0,
               kind: TLBEntry.Kind = .combined, regime: TranslationRegime = .el10, shift: UInt8 = 12) -> TLBEntry {
        TLBEntry(kind: kind, regime: regime, vmid: vmid, asid: global ? 0 : asid, global: global,
                 inputBase: va, sizeShift: shift, level: 3, outputBase: 0x4000_0000 + (va & 0xFFFFF), ipaBase: va,
                 stage1: .all, stage2: .all, stage2Level: 3, attributes: .normalWriteBack)
    }

    func testLookupIsTaggedByRegimeVMIDAndASID() {
        let tlb = TLB(entries: 64, ways: 4, seed: 1)
        tlb.insert(entry(0x1000, asid: 1))
        tlb.insert(entry(0x2000, global: true))
        tlb.insert(entry(0x20_0000, asid: 1, shift: 21))
        let ctx = TLBContext(regime: .el10, vmid: 0, asid: 1)
        XCTAssertNotNil(tlb.lookup(.combined, 0x1234, ctx))
        XCTAssertNil(tlb.lookup(.combined, 0x1234, TLBContext(regime: .el10, vmid: 0, asid: 2)), "another ASID")
        XCTAssertNil(tlb.lookup(.combined, 0x1234, TLBContext(regime: .el10, vmid: 1, asid: 1)), "another VMID")
        XCTAssertNil(tlb.lookup(.combined, 0x1234, TLBContext(regime: .el20, vmid: 0, asid: 1)), "another regime")
        XCTAssertNotNil(tlb.lookup(.combined, 0x2FFF, TLBContext(regime: .el10, vmid: 0, asid: 7)), "global: any ASID")
        XCTAssertEqual(tlb.lookup(.combined, 0x3F_FFF8, ctx)?.sizeShift, 21, "a 2 MiB block")
        XCTAssertNil(tlb.lookup(.stage2, 0x1234, ctx), "stage 2 entries are apart")
    }

    func testAFullSetEvictsASeededChoice() {
        func victims(seed: UInt64) -> [UInt64] {
            let tlb = TLB(entries: 2, ways: 2, seed: seed)    // one set of two ways
            for i in 0..<6 { tlb.insert(entry(UInt64(i) << 12, global: true)) }
            return tlb.entries.map { $0.inputBase }.sorted()
        }
        XCTAssertEqual(victims(seed: 5), victims(seed: 5), "same seed, same survivors")
        XCTAssertEqual(victims(seed: 5).count, 2)
        let all = Set((1...20).map { victims(seed: UInt64($0)) })
        XCTAssertGreaterThan(all.count, 1, "the seed chooses the victims")
    }

    /// Two CPUs sharing the processor state, both with EL2 (VMID tags).
    func cpus() -> (CPU, CPU) {
        let memory = PhysicalMemory(ramBase: 0x4000_0000, ramSize: 1 << 20)
        let shared = SharedProcessorState(memory: memory)
        let f = ProcessorFeatures(el2: true)
        let a = CPU(index: 0, shared: shared, features: f), b = CPU(index: 1, shared: shared, features: f)
        a.reset(entry: 0x4000_0000); b.reset(entry: 0x4000_0000)
        return (a, b)
    }

    func testLocalTLBIStaysOnItsCPUAndISReachesAll() {
        let (a, b) = cpus()
        for c in [a, b] { c.tlb.insert(entry(0x5000, asid: 3)) }
        a.tlbInvalidate(.VAE1, .local, 3 << 48 | 0x5)
        XCTAssertTrue(a.tlb.entries.isEmpty, "VAE1 removed CPU 0's entry")
        XCTAssertEqual(b.tlb.entries.count, 1, "CPU 1 keeps its own")
        a.tlbInvalidate(.VAE1, .inner, 3 << 48 | 0x5)
        XCTAssertTrue(b.tlb.entries.isEmpty, "VAE1IS reaches every CPU")
    }

    /// A 2 MiB stage-1 block over 4 KiB stage-2 pages leaves one combined
    /// entry per page; a TLBI by VA of the block's first page (one TLBI per
    /// block, as guests do) must remove them all, and a TLBI by range that
    /// touches the block too.
    func testTLBIByVAReachesEveryEntryOfAStage1Block() {
        let (a, _) = cpus()
        func fill() {
            _ = a.tlb.invalidate { _ in true }
            for page in [0x20_0000, 0x20_1000, 0x3F_F000] as [UInt64] {
                var e = entry(page, global: true)
                e.stage1SizeShift = 21
                a.tlb.insert(e)
            }
            a.tlb.insert(entry(0x40_0000, global: true))         // the next block's, a page at stage 1
        }
        fill()
        a.tlbInvalidate(.VAAE1, .local, 0x20_0000 >> 12)
        XCTAssertEqual(a.tlb.entries.map { $0.inputBase }, [0x40_0000], "every page of the block went")
        fill()
        a.tlbInvalidate(.VAAE1, .local, 0x3F_F000 >> 12)
        XCTAssertEqual(a.tlb.entries.count, 1, "by the block's last page too")
        fill()
        var plain = entry(0x20_1000, global: true)
        plain.stage1SizeShift = 12
        _ = a.tlb.invalidate { _ in true }
        a.tlb.insert(plain)
        a.tlbInvalidate(.VAAE1, .local, 0x20_0000 >> 12)
        XCTAssertEqual(a.tlb.entries.count, 1, "a stage-1 page is removed only by its own VA")
    }

    /// TLBIScope.mismatch: the first tag field that keeps an entry out of a
    /// TLBI's reach (what --explain-stale reports as "why not").
    func testScopeSaysWhyAnEntrySurvives() {
        let (a, _) = cpus()
        XCTAssertEqual(a.tlbiScope(.VMALLE1, .local, 0).cpu, 0, "a local form reaches its own CPU only")
        XCTAssertNil(a.tlbiScope(.VMALLE1, .inner, 0).cpu, "an IS form reaches every CPU")
        XCTAssertEqual(a.tlbiScope(.VMALLE1, .local, 0).mismatch(entry(0x1000, asid: 1, vmid: 5)), .vmid)
        XCTAssertNil(a.tlbiScope(.VMALLE1, .local, 0).mismatch(entry(0x1000, asid: 1)))
        XCTAssertEqual(a.tlbiScope(.VAE1, .local, 1 << 48 | 0x2).mismatch(entry(0x1000, asid: 1)), .address)
        XCTAssertEqual(a.tlbiScope(.VAE1, .local, 2 << 48 | 0x1).mismatch(entry(0x1000, asid: 1)), .asid)
        XCTAssertNil(a.tlbiScope(.VAE1, .local, 2 << 48 | 0x1).mismatch(entry(0x1000, global: true)),
                     "VAE1 removes global entries of any ASID")
        XCTAssertEqual(a.tlbiScope(.ASIDE1, .local, 0).mismatch(entry(0x1000, global: true)), .global)
        XCTAssertEqual(a.tlbiScope(.IPAS2E1, .local, 0x1).mismatch(entry(0x1000, asid: 1)), .kind,
                       "IPAS2E1 leaves the combined entry (it needs a VMALLE1 too)")
        XCTAssertEqual(a.tlbiScope(.VAE2, .local, 0x1).mismatch(entry(0x1000, asid: 1)), .regime)
        XCTAssertEqual(a.tlbiScope(.VAE1, .local, 1 << 48 | 0x1 | 0b1001 << 44).mismatch(entry(0x1000, asid: 1)), .level,
                       "a TTL hint of level 1 leaves a level 3 entry")
        XCTAssertEqual(a.tlbiScope(.RVAE1, .local, 0).mismatch(entry(0x1000, asid: 1)), .reservedOperand,
                       "a range with TG = 0 invalidates nothing")
    }

    func testHCRFBBroadcastsEL1LocalForms() {
        let (a, b) = cpus()
        b.tlb.insert(entry(0x5000, global: true))
        a.writeSystemRegister(SR.HCR_EL2, HCR.FB | HCR.RW)
        a.tlbInvalidate(.VMALLE1, .local, 0)
        XCTAssertTrue(b.tlb.entries.isEmpty)
    }

    func testWhatEachTLBIRemoves() {
        let (a, _) = cpus()
        func fill() {
            _ = a.tlb.invalidate { _ in true }
            a.tlb.insert(entry(0x1000, asid: 1))
            a.tlb.insert(entry(0x1000, asid: 2))
            a.tlb.insert(entry(0x2000, global: true))
            a.tlb.insert(entry(0x3000, asid: 1, vmid: 5))
            a.tlb.insert(entry(0x8000, kind: .stage2))
            a.tlb.insert(entry(0x9000, regime: .el2))
        }
        func left() -> Int { a.tlb.entries.count }
        fill(); a.tlbInvalidate(.ASIDE1, .local, 1 << 48)
        XCTAssertEqual(left(), 5, "ASIDE1: the non-global entry of ASID 1 in VMID 0")
        fill(); a.tlbInvalidate(.VAAE1, .local, 0x1)
        XCTAssertEqual(left(), 4, "VAAE1: both ASIDs at that VA")
        fill(); a.tlbInvalidate(.VMALLE1, .local, 0)
        XCTAssertEqual(left(), 3, "VMALLE1: stage 1 of VMID 0 only (not VMID 5, stage 2, or EL2)")
        fill(); a.tlbInvalidate(.IPAS2E1, .local, 0x8)
        XCTAssertEqual(left(), 5, "IPAS2E1: the stage 2 entry only")
        XCTAssertTrue(a.tlb.entries.allSatisfy { $0.kind == .combined })
        fill(); a.tlbInvalidate(.VMALLS12E1, .local, 0)
        XCTAssertEqual(left(), 2, "VMALLS12E1: stage 1 and 2 of VMID 0")
        fill(); a.tlbInvalidate(.ALLE1, .local, 0)
        XCTAssertEqual(left(), 1, "ALLE1: all of EL1&0")
        fill(); a.tlbInvalidate(.ALLE2, .local, 0)
        XCTAssertEqual(left(), 5)
        fill(); a.tlbInvalidate(.VAE1, .local, 2 << 48 | 0x2)
        XCTAssertEqual(left(), 5, "VAE1 removes a global entry at the VA whatever the ASID")
        // Range: 2 pages of 4K from 0x1000 (TG 01, SCALE 0, NUM 0: 2 pages).
        fill(); a.tlbInvalidate(.RVAAE1, .local, 1 << 46 | 0x1)
        XCTAssertEqual(left(), 3, "RVAAE1 over 0x1000-0x2FFF")
        // TTL hint of level 2: the level 3 entries stay.
        fill(); a.tlbInvalidate(.VAAE1, .local, 0b0110 << 44 | 0x1)
        XCTAssertEqual(left(), 6, "a TTL hint of another level removes nothing")
    }

    /// An eviction drops from the software TLB only the pages of the
    /// evicted entry (every context); a block or a stage-2 entry empties it.
    func testEvictionDropsOnlyTheEvictedEntrysSoftTLBPages() {
        let (a, _) = cpus()
        func fill(_ context: Int, _ va: UInt64) {
            let slot = a.softTLBStorage + context * SoftTLB.entries + Int((va >> 12) & SoftTLB.indexMask)
            slot.pointee = SoftTLBEntry(readTag: va, writeTag: va | SoftTLB.cachedFlag, delta: 0, normal: true)
            a.softTLBFilled |= 1 << UInt8(context)
        }
        func held(_ context: Int, _ va: UInt64) -> Bool {
            let slot = a.softTLBStorage + context * SoftTLB.entries + Int((va >> 12) & SoftTLB.indexMask)
            return slot.pointee.readTag == va
        }
        a.flushSoftTLB()
        fill(1, 0x5000); fill(0, 0x5000); fill(4, 0x6000); fill(1, 0x10_5000)   // 0x10_5000: same index as 0x5000
        a.dropSoftTLB(derivedFrom: entry(0x5000, asid: 3))
        XCTAssertFalse(held(1, 0x5000), "the evicted page")
        XCTAssertFalse(held(0, 0x5000), "the evicted page, in another context")
        XCTAssertTrue(held(4, 0x6000), "another page stays")
        XCTAssertTrue(held(1, 0x10_5000), "another page at the same index stays")
        a.dropSoftTLB(derivedFrom: entry(0x4000, shift: 14))                   // 16K: pages 0x4000-0x7FFF
        XCTAssertFalse(held(4, 0x6000), "a page inside a 16K entry")
        XCTAssertTrue(held(1, 0x10_5000))
        a.dropSoftTLB(derivedFrom: entry(0x20_0000, shift: 21))                // a 2 MiB block: everything
        XCTAssertFalse(held(1, 0x10_5000), "a block empties the software TLB")
        fill(1, 0x7000)
        a.dropSoftTLB(derivedFrom: entry(0x9000, kind: .stage2))
        XCTAssertFalse(held(1, 0x7000), "a stage-2 entry empties the software TLB")
    }

    /// The TLB reports the entry it evicts.
    func testAnEvictionReportsItsEntry() {
        let tlb = TLB(entries: 1, ways: 1, seed: 3)
        var evicted: [UInt64] = []
        tlb.onEvict = { evicted.append($0.inputBase) }
        tlb.insert(entry(0x1000, global: true))
        XCTAssertEqual(evicted, [])
        tlb.insert(entry(0x2000, global: true))
        XCTAssertEqual(evicted, [0x1000])
    }

    /// A TLBI by address looks only at the sets the address falls in: it
    /// removes what a scan of every set removes (pages, blocks, split
    /// entries of a stage-1 block), and reports each entry it removes.
    func testInvalidationByAddressRemovesWhatAFullScanRemoves() {
        func build() -> TLB {
            let tlb = TLB(entries: 256, ways: 4, seed: 9)
            for i in 0..<300 {
                let va = UInt64((i &* 7919) % 512) << 12
                tlb.insert(entry(va, asid: UInt16(i % 3)))
            }
            for i in 0..<8 { tlb.insert(entry(UInt64(i) << 21, asid: 1, shift: 21)) }
            return tlb
        }
        for address: UInt64 in [0x0, 0x3000, 0x1F_F000, 0x20_1000, 0xE5_0000, 0x1234_5000] {
            for asid: UInt16 in [0, 1, 2] {
                let scope = { (e: TLBEntry) in (e.global || e.asid == asid) && e.coveredByInvalidation(of: address) }
                let scanned = build(), bySet = build()
                var reported = 0
                bySet.onEvict = { XCTAssertTrue(scope($0)); reported += 1 }
                let a = scanned.invalidate(where: scope), b = bySet.invalidate(at: address, where: scope)
                XCTAssertEqual(a, b, "address \(address), ASID \(asid)")
                XCTAssertEqual(reported, b)
                XCTAssertEqual(scanned.entries, bySet.entries)
            }
        }
        // An entry split from a stage-1 block: a TLBI by another address of
        // the block reaches it (D8.17), outside the sets of that address.
        let tlb = TLB(entries: 256, ways: 4, seed: 9)
        var split = entry(0x40_5000, asid: 1)
        split.stage1SizeShift = 21
        tlb.insert(split)
        XCTAssertEqual(tlb.invalidate(at: 0x40_0000, where: { $0.coveredByInvalidation(of: 0x40_0000) }), 1)
        XCTAssertTrue(tlb.entries.isEmpty)
    }
}
