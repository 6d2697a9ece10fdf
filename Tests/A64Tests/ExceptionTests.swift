import XCTest
@testable import A64

/// D1.3 taking exceptions, D1.4 returning from them, and the traps EL2 sets:
/// vectors, ESR/ELR/SPSR/FAR, routing, illegal returns, VHE.
final class ExceptionTests: XCTestCase {
    static let vbar1: UInt64 = Harness.base + 0x800
    static let vbar2: UInt64 = Harness.base + 0x1000

    /// An EL2-capable CPU with both vector bases set, starting at `el`.
    func machine(_ code: [UInt32], el: UInt8 = 1, hcr: UInt64 = 0) -> Harness {
        let h = Harness(code, el2: true, el: el)
        h[sysreg: "VBAR_EL1"] = Self.vbar1
        h[sysreg: "VBAR_EL2"] = Self.vbar2
        h[sysreg: "HCR_EL2"] = hcr
        return h
    }

    func testSVCAtEL1GoesToTheCurrentELVector() {
        let h = machine([0xd4000841])            // svc #0x42
        h.cpu.nzcv = 0x6000_0000
        h.step(1)
        XCTAssertEqual(h.cpu.pc, Self.vbar1 + 0x200, "current EL with SP_ELx, synchronous")
        XCTAssertEqual(h[sysreg: "ESR_EL1"], 0x15 << 26 | 1 << 25 | 0x42)
        XCTAssertEqual(h[sysreg: "ELR_EL1"], Harness.base + 4, "SVC returns to the next instruction")
        XCTAssertEqual(h[sysreg: "SPSR_EL1"], 0x6000_0000 | 0x3C0 | 0b0101, "NZCV, DAIF, EL1h")
    }

    func testSVCFromEL0UsesTheLowerELVectorAndTGERoutesToEL2() {
        let h = machine([0xd4000841], el: 1)
        h.cpu.selectSP(el: 0, spSel: 0)
        h.cpu.daif = 0
        h.step(1)
        XCTAssertEqual(h.cpu.pc, Self.vbar1 + 0x400, "lower EL using AArch64")
        XCTAssertEqual(h[sysreg: "SPSR_EL1"], 0, "EL0t with nothing masked")
        XCTAssertEqual(h.cpu.currentEL, 1)
        XCTAssertEqual(h.cpu.daif, 0x3C0, "exception entry masks D, A, I, F")

        let t = machine([0xd4000841], el: 1, hcr: 1 << 27 | 1 << 34)   // TGE, E2H
        t.cpu.selectSP(el: 0, spSel: 0)
        t.step(1)
        XCTAssertEqual(t.cpu.currentEL, 2, "HCR_EL2.TGE routes EL0 exceptions to EL2")
        XCTAssertEqual(t[sysreg: "ESR_EL2"] >> 26, 0x15)
    }

    func testHVC() {
        let h = machine([0xd40000e2])            // hvc #7
        h.step(1)
        XCTAssertEqual(h.cpu.pc, Self.vbar2 + 0x400)
        XCTAssertEqual(h.cpu.currentEL, 2)
        XCTAssertEqual(h[sysreg: "ESR_EL2"], 0x16 << 26 | 1 << 25 | 7)
        XCTAssertEqual(h[sysreg: "ELR_EL2"], Harness.base + 4)

        let el0 = machine([0xd40000e2])
        el0.cpu.selectSP(el: 0, spSel: 0)
        el0.step(1)
        XCTAssertEqual(el0.cpu.currentEL, 1, "HVC at EL0 is UNDEFINED, taken to EL1")
        XCTAssertEqual(el0[sysreg: "ESR_EL1"], 1 << 25)

        let hcd = machine([0xd40000e2], hcr: 1 << 29)
        hcd.step(1)
        XCTAssertEqual(hcd.cpu.currentEL, 1, "HCR_EL2.HCD makes HVC UNDEFINED")
        XCTAssertEqual(hcd[sysreg: "ESR_EL1"] >> 26, 0)
    }

    func testTrappedSMCReturnsToTheSMCItself() {
        let h = machine([0xd4000063], hcr: 1 << 19)   // smc #3 with TSC
        h.step(1)
        XCTAssertEqual(h.cpu.currentEL, 2)
        XCTAssertEqual(h[sysreg: "ESR_EL2"], 0x17 << 26 | 1 << 25 | 3)
        XCTAssertEqual(h[sysreg: "ELR_EL2"], Harness.base, "preferred return: the SMC")
        let noEL3 = Harness([0xd4000063])
        noEL3[sysreg: "VBAR_EL1"] = Self.vbar1
        noEL3.step(1)
        XCTAssertEqual(noEL3[sysreg: "ESR_EL1"] >> 26, 0, "no EL3 and no firmware: UNDEFINED")
    }

    func testBRKAndUndefined() {
        let h = machine([0xd4201320, 0x0000_0000])    // brk #0x99; udf
        h.step(1)
        XCTAssertEqual(h[sysreg: "ESR_EL1"], 0x3C << 26 | 1 << 25 | 0x99)
        XCTAssertEqual(h[sysreg: "ELR_EL1"], Harness.base, "BRK returns to itself")
        h.cpu.pc = Harness.base + 4
        h.step(1)
        XCTAssertEqual(h[sysreg: "ESR_EL1"], 1 << 25)
        XCTAssertEqual(h[sysreg: "ELR_EL1"], Harness.base + 4)
    }

    func testERETToAHigherELIsIllegal() {
        let h = machine([0xd69f03e0])            // eret
        h[sysreg: "SPSR_EL1"] = 0b1001 | 0x3C0 | 0x8000_0000   // EL2h: higher than EL1
        h[sysreg: "ELR_EL1"] = Harness.base + 0x100
        h.code(at: 0x100, [0xd503201f])          // nop (never executed)
        h.step(1)
        XCTAssertEqual(h.cpu.pc, Harness.base + 0x100, "PC still comes from ELR")
        XCTAssertEqual(h.cpu.currentEL, 1, "EL unchanged")
        XCTAssertTrue(h.cpu.illegalState)
        XCTAssertEqual(h.cpu.nzcv, 0x8000_0000, "NZCV restored from SPSR")
        h.step(1)
        XCTAssertEqual(h[sysreg: "ESR_EL1"], 0x0E << 26 | 1 << 25, "Illegal Execution state")
        XCTAssertEqual(h[sysreg: "ELR_EL1"], Harness.base + 0x100)
        XCTAssertNotEqual(h[sysreg: "SPSR_EL1"] & (1 << 20), 0, "SPSR.IL records PSTATE.IL")
        XCTAssertFalse(h.cpu.illegalState)
    }

    func testERETToEL0AndToEL1UnderTGE() {
        let h = machine([0xd69f03e0])
        h[sysreg: "SPSR_EL1"] = 0                // EL0t
        h[sysreg: "ELR_EL1"] = Harness.base + 0x40
        h.step(1)
        XCTAssertEqual(h.cpu.currentEL, 0)
        XCTAssertEqual(h.cpu.pc, Harness.base + 0x40)
        XCTAssertFalse(h.cpu.illegalState)

        let t = machine([0xd69f03e0], el: 2, hcr: 1 << 27)     // TGE
        t[sysreg: "SPSR_EL2"] = 0b0101           // EL1h: illegal with TGE = 1
        t[sysreg: "ELR_EL2"] = Harness.base + 0x40
        t.step(1)
        XCTAssertEqual(t.cpu.currentEL, 2)
        XCTAssertTrue(t.cpu.illegalState)
    }

    func testTVMTrapsSCTLRWriteWithItsEncoding() {
        let h = machine([0xd5181001], hcr: 1 << 26)    // msr sctlr_el1, x1 with TVM
        h[1] = 0x1005
        let before = h[sysreg: "SCTLR_EL1"]
        h.step(1)
        XCTAssertEqual(h.cpu.currentEL, 2)
        XCTAssertEqual(h[sysreg: "SCTLR_EL1"], before, "the write did not happen")
        let esr = h[sysreg: "ESR_EL2"]
        XCTAssertEqual(esr >> 26, 0x18)
        // Op0 3, Op2 0, Op1 0, CRn 1, Rt 1, CRm 0, write.
        XCTAssertEqual(esr & 0x1FF_FFFF, 3 << 20 | 0 << 17 | 0 << 14 | 1 << 10 | 1 << 5 | 0 << 1 | 0)
        XCTAssertEqual(h[sysreg: "ELR_EL2"], Harness.base)

        let r = machine([0xd5380400], hcr: 1 << 18)    // mrs x0, id_aa64pfr0_el1 with TID3
        r.step(1)
        XCTAssertEqual(r[sysreg: "ESR_EL2"] & 0x1FF_FFFF, 3 << 20 | 4 << 1 | 1, "CRm 4, read")
    }

    func testWFITrapAndUnknownRegister() {
        let h = machine([0xd503207f], hcr: 1 << 13)     // wfi with TWI
        h.step(1)
        XCTAssertEqual(h[sysreg: "ESR_EL2"], 0x01 << 26 | 1 << 25 | 1 << 24 | 0xE << 20)
        let u = machine([0xd538ffe0])                    // mrs x0, s3_0_c15_c15_7
        u.step(1)
        XCTAssertEqual(u.cpu.currentEL, 1)
        XCTAssertEqual(u[sysreg: "ESR_EL1"], 1 << 25, "an unknown register is UNDEFINED")
        let e2 = machine([0xd53c1000])                   // mrs x0, sctlr_el2 at EL1
        e2.step(1)
        XCTAssertEqual(e2[sysreg: "ESR_EL1"] >> 26, 0, "EL2 registers are UNDEFINED at EL1")
    }

    func testVHERedirectionAndEL12Aliases() {
        let h = machine([0xd5181001, 0xd51d1001, 0xd5381000, 0xd53d1000], el: 2, hcr: 1 << 34)
        // msr sctlr_el1, x1 (-> SCTLR_EL2); msr sctlr_el12, x1; mrs x0, sctlr_el1; mrs x0, sctlr_el12
        // (C and I only: setting M would turn the EL2&0 MMU on.)
        h[1] = 0x30D0_0804
        h.step(1)
        XCTAssertEqual(h[sysreg: "SCTLR_EL2"] & 0x1004, 0x4, "SCTLR_EL1 at EL2 with E2H reaches SCTLR_EL2")
        XCTAssertEqual(h[sysreg: "SCTLR_EL1"] & 0x1004, 0)
        h[1] = 0x30D0_1004
        h.step(1)
        XCTAssertEqual(h[sysreg: "SCTLR_EL1"] & 0x1004, 0x1004, "SCTLR_EL12 reaches SCTLR_EL1")
        h.step(1)
        XCTAssertEqual(h[0] & 0x1004, 0x4)
        h.step(1)
        XCTAssertEqual(h[0] & 0x1004, 0x1004)

        let noE2H = machine([0xd51d1001], el: 2)
        noE2H.step(1)
        XCTAssertEqual(noE2H[sysreg: "ESR_EL2"] >> 26, 0, "_EL12 names are UNDEFINED without E2H")
    }

    func testVirtualIRQAndPhysicalRouting() {
        let h = machine([0xd503201f, 0xd503201f], hcr: 1 << 4 | 1 << 7)   // IMO, VI
        h.cpu.daif = 0
        h.step(1)
        XCTAssertEqual(h.cpu.pc, Self.vbar1 + 0x280, "virtual IRQ at EL1: current EL, SPx, IRQ")
        XCTAssertEqual(h[sysreg: "ELR_EL1"], Harness.base, "the interrupted instruction")

        let masked = machine([0xd503201f], hcr: 1 << 4 | 1 << 7)
        masked.step(1)
        XCTAssertEqual(masked.pcOffset, 4, "PSTATE.I masks a virtual IRQ")

        let p = machine([0xd503201f], hcr: 1 << 4)     // IMO: physical IRQ to EL2
        p.cpu.setInterruptLines(irq: true, fiq: false)
        p.step(1)
        XCTAssertEqual(p.cpu.pc, Self.vbar2 + 0x480, "taken to EL2 although PSTATE.I is set at EL1")
    }

    func testPCAndExclusiveAlignmentFaults() {
        let h = machine([0xd61f0020])            // br x1
        h[1] = Harness.base + 0x102
        h.step(2)
        XCTAssertEqual(h[sysreg: "ESR_EL1"], 0x22 << 26 | 1 << 25)
        XCTAssertEqual(h[sysreg: "FAR_EL1"], Harness.base + 0x102)
        XCTAssertEqual(h[sysreg: "ELR_EL1"], Harness.base + 0x102)

        let x = machine([0xc85f7c20])            // ldxr x0, [x1]
        x[1] = Harness.data + 4
        x.step(1)
        XCTAssertEqual(x[sysreg: "ESR_EL1"], 0x25 << 26 | 1 << 25 | 0b100001, "Data Abort, same EL, alignment")
        XCTAssertEqual(x[sysreg: "FAR_EL1"], Harness.data + 4)
    }

    /// SCTLR_EL1.A set after an unaligned access filled the software TLB:
    /// the next unaligned access of that page takes the alignment fault.
    func testSettingSCTLRAAfterAnUnalignedAccessFaultsTheNextOne() {
        let h = Harness([0xf9400001, 0xd5181002, 0xf9400003], normalMemory: true)   // ldr x1, [x0]; msr sctlr_el1, x2; ldr x3, [x0]
        h[sysreg: "VBAR_EL1"] = Self.vbar1
        h.write(Harness.data, 0x1122_3344_5566_7788)
        h.write(Harness.data + 8, 0x99AA_BBCC_DDEE_FF00)
        h[0] = Harness.data + 1
        h[2] = h[sysreg: "SCTLR_EL1"] | 1 << 1                 // A
        h.step(2)
        XCTAssertEqual(h[1], 0x0011_2233_4455_6677, "A = 0: the unaligned load reads")
        h.step(1)
        XCTAssertEqual(h.cpu.pc, Self.vbar1 + 0x200, "A = 1: taken to the current EL's vector")
        XCTAssertEqual(h[sysreg: "ESR_EL1"], 0x25 << 26 | 1 << 25 | 0b100001, "Data Abort, same EL, alignment")
        XCTAssertEqual(h[sysreg: "FAR_EL1"], Harness.data + 1)
    }

    func testMIDRAndMPIDRAreVirtualisedAtEL1() {
        let h = machine([0xd5380000, 0xd53800a0])      // mrs x0, midr_el1; mrs x0, mpidr_el1
        h[sysreg: "VPIDR_EL2"] = 0x4142_4344
        h.step(1)
        XCTAssertEqual(h[0], 0x4142_4344)
        let e = machine([0xd5380000], el: 2)
        e.step(1)
        XCTAssertEqual(e[0], ImpDef.midr, "EL2 reads the real MIDR")
    }

    func testTimerConditionFollowsTheCounter() {
        let h = machine([0xd503201f, 0xd503201f, 0xd503201f])
        h[sysreg: "CNTV_CVAL_EL0"] = 2
        h[sysreg: "CNTV_CTL_EL0"] = 1
        XCTAssertEqual(h.cpu.timerOutputs, 0)
        XCTAssertEqual(h.cpu.nextTimerDeadline, 2)
        h.step(2)
        XCTAssertEqual(h.cpu.timerOutputs, 0b10, "virtual timer fires at count 2")
        XCTAssertEqual(h[sysreg: "CNTV_CTL_EL0"], 0b101, "ISTATUS")
        h[sysreg: "CNTV_CTL_EL0"] = 3
        XCTAssertEqual(h.cpu.timerOutputs, 0, "IMASK")
    }

    func testFEATEVTTraps() {
        func trapped(_ word: UInt32, hcr: UInt64) -> Bool {
            let h = machine([word], hcr: hcr)
            h.step(1)
            return h.cpu.currentEL == 2 && h[sysreg: "ESR_EL2"] >> 26 == 0x18
        }
        let iallu: UInt32 = 0xd508751f, ialluis: UInt32 = 0xd508711f
        let vmalle1is: UInt32 = 0xd508831f, vmalle1: UInt32 = 0xd508871f
        XCTAssertTrue(trapped(iallu, hcr: 1 << 52), "TOCU traps IC IALLU")
        XCTAssertFalse(trapped(ialluis, hcr: 1 << 52), "but not IC IALLUIS")
        XCTAssertTrue(trapped(ialluis, hcr: 1 << 50), "TICAB traps IC IALLUIS")
        XCTAssertFalse(trapped(iallu, hcr: 1 << 50))
        XCTAssertTrue(trapped(vmalle1is, hcr: 1 << 54), "TTLBIS traps the IS forms")
        XCTAssertFalse(trapped(vmalle1, hcr: 1 << 54), "not the local ones")
        XCTAssertFalse(trapped(vmalle1is, hcr: 1 << 55), "TTLBOS only the OS forms")
        XCTAssertTrue(trapped(0xd5390020, hcr: 1 << 49), "TID4 traps CLIDR_EL1 (mrs x0, clidr_el1)")
        XCTAssertFalse(trapped(0xd53b0020, hcr: 1 << 49), "TID4 does not trap CTR_EL0 (mrs x0, ctr_el0)")
    }
}
