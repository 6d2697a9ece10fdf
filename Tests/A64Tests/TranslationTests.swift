import XCTest
@testable import A64
import Memory

/// D8 address translation driven through real instructions: a 4K stage 1
/// walk, the TLB keeping a translation after its descriptor changes, TLBI,
/// AT, faults, and the debugger's walk description.
final class TranslationTests: XCTestCase {
    static let l1 = Harness.base + 0x2_0000
    static let dataVA: UInt64 = 0x8000_0000
    static let page0 = Harness.base + 0x3_0000
    static let page1 = Harness.base + 0x3_1000

    /// EL1 with a 39-bit 4K stage 1: the first 2 MiB of RAM identity-mapped
    /// by a block (code), VA 0x8000_0000 by a page to `page0`.
    func mmuOn(_ code: [UInt32]) -> Harness {
        let h = Harness(code)
        let l2a = Self.l1 + 0x1000, l2b = Self.l1 + 0x2000, l3 = Self.l1 + 0x3000
        let normal: UInt64 = 1 << 10 | 3 << 8                       // AF, Inner Shareable, AttrIndx 0
        h.write(Self.l1 + 1 * 8, l2a | 3)                           // 0x4000_0000: table
        h.write(Self.l1 + 2 * 8, l2b | 3)                           // 0x8000_0000: table
        h.write(l2a, Harness.base | normal | 1)                     // 2 MiB block, identity
        h.write(l2b, l3 | 3)
        h.write(l3, Self.page0 | normal | 3)                        // page
        h.write(Self.page0, 0x1111)
        h.write(Self.page1, 0x2222)
        h[sysreg: "MAIR_EL1"] = 0xFF
        h[sysreg: "TCR_EL1"] = 25 | 2 << 32 | 1 << 23               // T0SZ 25, IPS 40 bits, EPD1
        h[sysreg: "TTBR0_EL1"] = Self.l1
        h[sysreg: "SCTLR_EL1"] = h[sysreg: "SCTLR_EL1"] | 1
        h[sysreg: "VBAR_EL1"] = Harness.base + 0x800
        h[1] = Self.dataVA
        return h
    }

    func testAStaleTranslationLastsUntilTLBI() {
        // ldr x0, [x1]; ldr x0, [x1]; tlbi vmalle1; ldr x0, [x1]
        let h = mmuOn([0xf9400020, 0xf9400020, 0xd508871f, 0xf9400020])
        h.step(1)
        XCTAssertEqual(h[0], 0x1111)
        XCTAssertEqual(h.cpu.tlbEntries.filter { $0.inputBase == Self.dataVA }.count, 1, "the walk was cached")
        h.write(Self.l1 + 0x3000, Self.page1 | 1 << 10 | 3 << 8 | 3)    // remap to page1, no TLBI
        h.step(1)
        XCTAssertEqual(h[0], 0x1111, "the TLB still holds the old translation")
        h.step(2)
        XCTAssertEqual(h[0], 0x2222, "after TLBI VMALLE1 the walk sees the new descriptor")
    }

    func testWalkDescriptionAndAT() {
        let h = mmuOn([0xd5087801, 0xd5387402])      // at s1e1r, x1; mrs x2, par_el1
        let steps = h.cpu.describeWalk(Self.dataVA)
        XCTAssertEqual(steps.map { $0.level }, [1, 2, 3])
        XCTAssertEqual(steps.last?.descriptorAddress, Self.l1 + 0x3000)
        XCTAssertEqual(steps.last?.descriptor, Self.page0 | 1 << 10 | 3 << 8 | 3)
        h.step(2)
        // PAR_EL1: ATTR 0xFF, PA, RES1 bit 11, NS, SH Inner Shareable, F 0.
        XCTAssertEqual(h[2], 0xFF << 56 | Self.page0 | 1 << 11 | 1 << 9 | 3 << 7)
    }

    func testTranslationFaultHasItsLevel() {
        let h = mmuOn([0xf9400020])
        h[1] = 0xC000_0000                             // L1 index 3: invalid
        h.step(1)
        XCTAssertEqual(h[sysreg: "ESR_EL1"], 0x25 << 26 | 1 << 25 | 0b000101, "translation fault, level 1")
        XCTAssertEqual(h[sysreg: "FAR_EL1"], 0xC000_0000)
        XCTAssertTrue(h.cpu.tlbEntries.allSatisfy { $0.inputBase != 0xC000_0000 }, "faults are not cached")
    }
}

/// FEAT_S2FWB (D8.6.6): stage 2 forces Normal Write-Back over an MMU-off
/// stage 1, so a guest with its caches off still uses the cacheable view.
final class ForcedWriteBackTests: XCTestCase {
    func stage2Attributes(fwb: Bool, memAttr: UInt64) -> MemoryAttributes {
        var f = ProcessorFeatures(el2: true)
        f.caches.fwb = fwb
        let memory = PhysicalMemory(ramBase: Harness.base, ramSize: 1 << 20)
        let cpu = CPU(index: 0, shared: SharedProcessorState(memory: memory), features: f)
        cpu.reset(entry: Harness.base)
        let s2 = Harness.base + 0xF_0000
        cpu.writeSystemRegister(SR.VTCR_EL2, 24 | 1 << 6 | 2 << 16)
        cpu.writeSystemRegister(SR.VTTBR_EL2, s2)
        try! memory.write(s2 + 8, size: 8, value: 0x4000_0000 | 1 << 10 | 3 << 6 | memAttr << 2 | 1)
        cpu.writeSystemRegister(SR.HCR_EL2, HCR.VM | HCR.RW | HCR.FWB)
        XCTAssertEqual(cpu.systemRegisters[SR.HCR_EL2] & HCR.FWB != 0, fwb, "HCR_EL2.FWB is RES0 without FEAT_S2FWB")
        XCTAssertEqual(cpu.systemRegisters[SystemRegisters.index(named: "ID_AA64MMFR2_EL1")!] >> 40 & 0xF, fwb ? 1 : 0)
        return try! cpu.translate(Harness.data, .read, el: 1).entry.attributes
    }

    func testForcedWriteBackOverridesAnMMUOffStage1() {
        XCTAssertEqual(stage2Attributes(fwb: true, memAttr: 0b0110).mair, 0xFF, "FWB 0b110: Normal Write-Back")
        XCTAssertTrue(stage2Attributes(fwb: true, memAttr: 0b0111).isDevice, "FWB 0b111: stage 1's (Device, MMU off)")
        XCTAssertTrue(stage2Attributes(fwb: true, memAttr: 0b0001).isDevice, "FWB 0b0xx: Device")
        XCTAssertTrue(stage2Attributes(fwb: false, memAttr: 0b1111).isDevice, "without FWB, Device at stage 1 wins")
    }
}

/// FEAT_NV with HCR_EL2.{NV, NV1} = {1, 1}: the EL1&0 regime's stage 1
/// descriptors are read as EL2's (a non-VHE guest hypervisor's tables):
/// bit 54 is PXN, UXN is 0, AP[1] counts as 0; bit 60 of a table is
/// PXNTable.
final class NestedVirtualizationPermissionTests: XCTestCase {
    func permissions(hcr: UInt64, _ d: UInt64, xnTable: Bool = false) -> Permissions {
        let memory = PhysicalMemory(ramBase: Harness.base, ramSize: 1 << 20)
        let cpu = CPU(index: 0, shared: SharedProcessorState(memory: memory), features: ProcessorFeatures(el2: true))
        cpu.reset(entry: Harness.base)
        cpu.writeSystemRegister(SR.HCR_EL2, hcr | HCR.RW)
        return cpu.stage1Permissions(d, apTable: 0, xnTable: xnTable, pxnTable: false, .el10)
    }

    func testNV1ReadsEL1DescriptorsAsEL2s() {
        let el0rw: UInt64 = 1 << 6                                   // AP = 01: EL1 and EL0 read/write
        let plain = permissions(hcr: 0, el0rw | 1 << 54)           // UXN
        XCTAssertTrue(plain.contains(.el0Read))
        XCTAssertFalse(plain.contains(.el0Execute), "bit 54 is UXN")
        let nv11 = permissions(hcr: HCR.NV | HCR.NV1, el0rw | 1 << 54)
        XCTAssertFalse(nv11.contains(.el0Read), "AP[1] counts as 0: no EL0 access")
        XCTAssertFalse(nv11.contains(.privilegedExecute), "bit 54 is PXN")
        XCTAssertTrue(nv11.contains(.privilegedWrite))
        XCTAssertTrue(permissions(hcr: HCR.NV | HCR.NV1, 1 << 53).contains(.privilegedExecute),
                      "bit 53 (PXN otherwise) is RES0")
        XCTAssertFalse(permissions(hcr: HCR.NV | HCR.NV1, 0, xnTable: true).contains(.privilegedExecute),
                       "table bit 60 is PXNTable")
        XCTAssertTrue(permissions(hcr: HCR.NV, el0rw | 1 << 54).contains(.el0Read), "NV alone changes nothing")
    }
}
