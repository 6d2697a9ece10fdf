import XCTest
@testable import Machine
import A64
import Memory

/// The GICv3 model driven directly: MMIO to the distributor and the
/// redistributors, ICC_* accesses through `read(cpu:)`/`write(cpu:)`, and
/// the IRQ/FIQ lines it drives into the CPUs.
final class GICv3Tests: XCTestCase {
    var cpus: [CPU] = []
    var gic: GICv3!

    static let sgiBase: UInt64 = 0x1_0000

    override func setUp() {
        super.setUp()
        let (cpus, gic) = Self.make(cpuCount: 4)
        self.cpus = cpus
        self.gic = gic
    }

    static func make(cpuCount: Int) -> ([CPU], GICv3) {
        let memory = PhysicalMemory(ramBase: 0x4000_0000, ramSize: 1 << 20)
        let shared = SharedProcessorState(memory: memory)
        let cpus = (0..<cpuCount).map { CPU(index: $0, shared: shared) }
        return (cpus, GICv3(cpus: cpus))
    }

    // MARK: helpers

    func gicd(_ offset: UInt64, size: Int = 4) -> UInt64 {
        gic.distributor.mmioRead(offset: offset, size: size)
    }
    func setGICD(_ offset: UInt64, _ value: UInt64, size: Int = 4) {
        gic.distributor.mmioWrite(offset: offset, size: size, value: value)
    }
    func gicr(_ cpu: Int, _ offset: UInt64, size: Int = 4) -> UInt64 {
        gic.redistributors.mmioRead(offset: UInt64(cpu) * 0x2_0000 + offset, size: size)
    }
    func setGICR(_ cpu: Int, _ offset: UInt64, _ value: UInt64, size: Int = 4) {
        gic.redistributors.mmioWrite(offset: UInt64(cpu) * 0x2_0000 + offset, size: size, value: value)
    }
    func icc(_ cpu: Int, _ r: GICCPUInterfaceRegister) -> UInt64 { gic.read(cpu: cpu, r) }
    func setICC(_ cpu: Int, _ r: GICCPUInterfaceRegister, _ v: UInt64) { gic.write(cpu: cpu, r, v) }

    /// What a kernel does at boot: both groups enabled at the distributor
    /// and at every CPU interface, priority mask wide open, redistributors
    /// awake.
    func enableEverything() {
        setGICD(0x0, 0x3)
        for c in cpus.indices {
            setGICR(c, 0x14, 0)
            setICC(c, .PMR, 0xFF)
            setICC(c, .IGRPEN0, 1)
            setICC(c, .IGRPEN1, 1)
        }
    }

    /// Configures a private interrupt (SGI or PPI) of one CPU.
    func configurePrivate(cpu: Int, _ intid: Int, group: Int = 1, priority: UInt8 = 0x80) {
        let bit = UInt64(1) << UInt64(intid)
        let groups = gicr(cpu, Self.sgiBase + 0x80)
        setGICR(cpu, Self.sgiBase + 0x80, group == 1 ? groups | bit : groups & ~bit)
        setGICR(cpu, Self.sgiBase + 0x400 + UInt64(intid), UInt64(priority), size: 1)
        setGICR(cpu, Self.sgiBase + 0x100, bit)
    }

    /// Configures an SPI: group, priority, routing, enable.
    func configureSPI(_ intid: Int, group: Int = 1, priority: UInt8 = 0x80, router: UInt64 = 0) {
        let word = UInt64(intid / 32) * 4, bit = UInt64(1) << UInt64(intid % 32)
        let groups = gicd(0x80 + word)
        setGICD(0x80 + word, group == 1 ? groups | bit : groups & ~bit)
        setGICD(0x400 + UInt64(intid), UInt64(priority), size: 1)
        setGICD(0x6000 + 8 * UInt64(intid), router, size: 8)
        setGICD(0x100 + word, bit)
    }

    func lines() -> [String] {
        cpus.map { ($0.irqLine ? "I" : "-") + ($0.fiqLine ? "F" : "-") }
    }

    // MARK: PPIs, acknowledge, end of interrupt

    func testPPILevelRaisesIRQOnThatCPUOnly() {
        enableEverything()
        configurePrivate(cpu: 1, 27)
        XCTAssertEqual(lines(), ["--", "--", "--", "--"])
        gic.setPPI(cpu: 1, intid: 27, level: true)
        XCTAssertEqual(lines(), ["--", "I-", "--", "--"])
        XCTAssertTrue(gic.hasWakeUpInterrupt(cpu: 1))
        XCTAssertFalse(gic.hasWakeUpInterrupt(cpu: 0))
        // The same PPI number on another CPU is another interrupt.
        XCTAssertEqual(icc(0, .IAR1), 1023)
        gic.setPPI(cpu: 1, intid: 27, level: false)
        XCTAssertEqual(lines(), ["--", "--", "--", "--"])
        XCTAssertFalse(gic.hasWakeUpInterrupt(cpu: 1))
    }

    func testAcknowledgeLevelPPIThenEOI() {
        enableEverything()
        configurePrivate(cpu: 0, 30, priority: 0xA0)
        gic.setPPI(cpu: 0, intid: 30, level: true)
        XCTAssertEqual(icc(0, .HPPIR1), 30)
        XCTAssertEqual(icc(0, .RPR), 0xFF)
        XCTAssertEqual(icc(0, .IAR1), 30)
        // Active, and still pending because the line is high: not forwarded again.
        XCTAssertFalse(cpus[0].irqLine)
        XCTAssertEqual(icc(0, .RPR), 0xA0)
        XCTAssertEqual(icc(0, .AP1R0), 1 << (0xA0 >> 3))
        XCTAssertEqual(gicr(0, Self.sgiBase + 0x300) >> 30 & 1, 1, "GICR_ISACTIVER0")
        XCTAssertEqual(gicr(0, Self.sgiBase + 0x200) >> 30 & 1, 1, "GICR_ISPENDR0 follows the line")
        XCTAssertEqual(icc(0, .IAR1), 1023, "active and pending is not acknowledged twice")
        setICC(0, .EOIR1, 30)
        XCTAssertEqual(icc(0, .RPR), 0xFF)
        XCTAssertEqual(icc(0, .AP1R0), 0)
        XCTAssertEqual(gicr(0, Self.sgiBase + 0x300) >> 30 & 1, 0)
        XCTAssertTrue(cpus[0].irqLine, "the line is still high")
        gic.setPPI(cpu: 0, intid: 30, level: false)
        XCTAssertFalse(cpus[0].irqLine)
        XCTAssertEqual(gicr(0, Self.sgiBase + 0x200) >> 30 & 1, 0)
    }

    func testEdgeSPILatchesPendingUntilAcknowledged() {
        enableEverything()
        configureSPI(40)
        setGICD(0xC00 + 40 / 16 * 4, 2 << (2 * (40 % 16)))        // GICD_ICFGR: edge
        XCTAssertEqual(gicd(0xC00 + 40 / 16 * 4), 2 << (2 * (40 % 16)))
        gic.setSPI(intid: 40, level: true)
        gic.setSPI(intid: 40, level: false)
        XCTAssertTrue(cpus[0].irqLine, "a rising edge latches the pending state")
        XCTAssertEqual(gicd(0x204) >> 8 & 1, 1)
        XCTAssertEqual(icc(0, .IAR1), 40)
        XCTAssertEqual(gicd(0x204) >> 8 & 1, 0, "acknowledge clears the latch")
        XCTAssertEqual(gicd(0x304) >> 8 & 1, 1, "and makes it active")
        XCTAssertFalse(cpus[0].irqLine)
        setICC(0, .EOIR1, 40)
        XCTAssertEqual(gicd(0x304) >> 8 & 1, 0)
        XCTAssertFalse(cpus[0].irqLine)
        XCTAssertEqual(icc(0, .IAR1), 1023)
    }

    func testLevelSPIStaysPendingWhileLineHigh() {
        enableEverything()
        configureSPI(33)
        gic.setSPI(intid: 33, level: true)
        setGICD(0x284, 1 << 1)                                     // GICD_ICPENDR1
        XCTAssertEqual(gicd(0x204) >> 1 & 1, 1)
        XCTAssertTrue(cpus[0].irqLine)
        gic.setSPI(intid: 33, level: false)
        XCTAssertFalse(cpus[0].irqLine)
        setGICD(0x204, 1 << 1)                                     // GICD_ISPENDR1: software pending
        XCTAssertTrue(cpus[0].irqLine)
        XCTAssertEqual(icc(0, .IAR1), 33)
        XCTAssertFalse(cpus[0].irqLine)
    }

    func testSpuriousWhenNothingIsPending() {
        enableEverything()
        XCTAssertEqual(icc(2, .IAR1), 1023)
        XCTAssertEqual(icc(2, .IAR0), 1023)
        XCTAssertEqual(icc(2, .HPPIR1), 1023)
        XCTAssertEqual(icc(2, .RPR), 0xFF)
        configurePrivate(cpu: 2, 20)
        gic.setPPI(cpu: 2, intid: 20, level: true)
        setGICR(2, Self.sgiBase + 0x180, 1 << 20)                   // GICR_ICENABLER0
        XCTAssertFalse(cpus[2].irqLine)
        XCTAssertEqual(icc(2, .IAR1), 1023, "disabled interrupts are not acknowledged")
    }

    // MARK: priority mask and preemption

    func testPriorityMask() {
        enableEverything()
        configurePrivate(cpu: 0, 25, priority: 0x80)
        setICC(0, .PMR, 0x80)
        gic.setPPI(cpu: 0, intid: 25, level: true)
        XCTAssertFalse(cpus[0].irqLine, "priority must be strictly higher than PMR")
        XCTAssertEqual(icc(0, .IAR1), 1023)
        XCTAssertEqual(icc(0, .HPPIR1), 25, "HPPIR ignores the priority mask")
        setICC(0, .PMR, 0x88)
        XCTAssertTrue(cpus[0].irqLine)
        setICC(0, .PMR, 0xFF)
        XCTAssertEqual(icc(0, .PMR), 0xF8, "5 priority bits")
        setICC(0, .PMR, 0)
        XCTAssertFalse(cpus[0].irqLine)
    }

    func testPreemptionByGroupPriority() {
        enableEverything()
        configurePrivate(cpu: 0, 20, priority: 0x60)
        configurePrivate(cpu: 0, 21, priority: 0x60)
        configurePrivate(cpu: 0, 22, priority: 0x40)
        gic.setPPI(cpu: 0, intid: 20, level: true)
        XCTAssertEqual(icc(0, .IAR1), 20)
        gic.setPPI(cpu: 0, intid: 21, level: true)
        XCTAssertFalse(cpus[0].irqLine, "equal priority does not preempt")
        XCTAssertEqual(icc(0, .IAR1), 1023)
        gic.setPPI(cpu: 0, intid: 22, level: true)
        XCTAssertTrue(cpus[0].irqLine, "higher priority preempts")
        XCTAssertEqual(icc(0, .IAR1), 22)
        XCTAssertEqual(icc(0, .RPR), 0x40)
        XCTAssertEqual(icc(0, .AP1R0), 1 << (0x40 >> 3) | 1 << (0x60 >> 3))
        gic.setPPI(cpu: 0, intid: 22, level: false)
        setICC(0, .EOIR1, 22)
        XCTAssertEqual(icc(0, .RPR), 0x60)
        XCTAssertFalse(cpus[0].irqLine, "back to running at 0x60: 21 still waits")
        gic.setPPI(cpu: 0, intid: 20, level: false)
        setICC(0, .EOIR1, 20)
        XCTAssertTrue(cpus[0].irqLine)
        XCTAssertEqual(icc(0, .IAR1), 21)
    }

    func testBinaryPointLimitsPreemption() {
        enableEverything()
        XCTAssertEqual(icc(0, .BPR1), 3)
        setICC(0, .BPR1, 0)
        XCTAssertEqual(icc(0, .BPR1), 3, "BPR1 minimum with 5 priority bits")
        setICC(0, .BPR1, 7)                         // group priority = bit [7] only
        XCTAssertEqual(icc(0, .BPR1), 7)
        configurePrivate(cpu: 0, 20, priority: 0x60)
        configurePrivate(cpu: 0, 22, priority: 0x40)
        gic.setPPI(cpu: 0, intid: 20, level: true)
        XCTAssertEqual(icc(0, .IAR1), 20)
        XCTAssertEqual(icc(0, .RPR), 0x00, "the group priority of 0x60 with BPR1 = 7")
        gic.setPPI(cpu: 0, intid: 22, level: true)
        XCTAssertFalse(cpus[0].irqLine, "same group priority: no preemption")
        setICC(0, .EOIR1, 20)
        XCTAssertTrue(cpus[0].irqLine)
        // CBPR: BPR0 governs both groups; BPR1 reads as BPR0 + 1.
        setICC(0, .CTLR, 1)
        setICC(0, .BPR0, 4)
        XCTAssertEqual(icc(0, .BPR1), 5)
        setICC(0, .BPR1, 2)
        XCTAssertEqual(icc(0, .BPR0), 4, "BPR1 writes are ignored with CBPR")
    }

    // MARK: groups

    func testGroup0SignalsFIQ() {
        enableEverything()
        configureSPI(50, group: 0, priority: 0x10, router: 1)       // to CPU 1
        gic.setSPI(intid: 50, level: true)
        XCTAssertEqual(lines(), ["--", "-F", "--", "--"])
        XCTAssertEqual(icc(1, .HPPIR1), 1023)
        XCTAssertEqual(icc(1, .IAR1), 1023, "a Group 0 interrupt is not acknowledged by IAR1")
        XCTAssertEqual(icc(1, .HPPIR0), 50)
        XCTAssertEqual(icc(1, .IAR0), 50)
        XCTAssertEqual(icc(1, .AP0R0), 1 << (0x10 >> 3))
        XCTAssertEqual(icc(1, .AP1R0), 0)
        XCTAssertEqual(lines(), ["--", "--", "--", "--"])
        setICC(1, .EOIR1, 50)
        XCTAssertEqual(icc(1, .RPR), 0x10, "EOIR1 does not drop a Group 0 priority")
        setICC(1, .EOIR0, 50)
        XCTAssertEqual(icc(1, .RPR), 0xFF)
        XCTAssertEqual(gicd(0x304) >> 18 & 1, 0)
    }

    func testDisabledGroups() {
        enableEverything()
        configurePrivate(cpu: 0, 27)
        gic.setPPI(cpu: 0, intid: 27, level: true)
        XCTAssertTrue(cpus[0].irqLine)
        setGICD(0x0, 0x1)                                        // EnableGrp1 = 0
        XCTAssertEqual(gicd(0x0), 0x51)
        XCTAssertFalse(cpus[0].irqLine)
        XCTAssertEqual(icc(0, .IAR1), 1023)
        setGICD(0x0, 0x3)
        XCTAssertTrue(cpus[0].irqLine)
        setICC(0, .IGRPEN1, 0)
        XCTAssertFalse(cpus[0].irqLine)
        XCTAssertEqual(icc(0, .IAR1), 1023)
        XCTAssertEqual(icc(0, .HPPIR1), 1023)
        setICC(0, .IGRPEN1, 1)
        XCTAssertEqual(icc(0, .IGRPEN1), 1)
        XCTAssertTrue(cpus[0].irqLine)
    }

    func testDisabledGroupDoesNotHideTheOtherGroup() {
        enableEverything()
        configurePrivate(cpu: 0, 20, group: 0, priority: 0x10)
        configurePrivate(cpu: 0, 21, group: 1, priority: 0x80)
        gic.setPPI(cpu: 0, intid: 20, level: true)
        gic.setPPI(cpu: 0, intid: 21, level: true)
        XCTAssertEqual(lines()[0], "-F")
        setICC(0, .IGRPEN0, 0)
        XCTAssertEqual(lines()[0], "I-")
        XCTAssertEqual(icc(0, .IAR1), 21)
    }

    // MARK: SGIs

    func testSGIToTargetListAndToAllButSelf() {
        enableEverything()
        for c in cpus.indices { configurePrivate(cpu: c, 5) }
        // CPU 0 sends SGI 5 to Aff3.Aff2.Aff1 = 0.0.0, CPUs {1, 3}.
        setICC(0, .SGI1R, 5 << 24 | 0b1010)
        XCTAssertEqual(lines(), ["--", "I-", "--", "I-"])
        XCTAssertEqual(icc(3, .IAR1), 5)
        XCTAssertEqual(icc(1, .IAR1), 5)
        setICC(1, .EOIR1, 5)
        setICC(3, .EOIR1, 5)
        XCTAssertEqual(lines(), ["--", "--", "--", "--"])
        // Another cluster (Aff1 = 1) has no CPUs here.
        setICC(0, .SGI1R, 1 << 16 | 5 << 24 | 0xFFFF)
        XCTAssertEqual(lines(), ["--", "--", "--", "--"])
        // IRM = 1: every CPU but the sender.
        setICC(2, .SGI1R, 1 << 40 | 5 << 24)
        XCTAssertEqual(lines(), ["I-", "I-", "--", "I-"])
        XCTAssertEqual(gicr(2, Self.sgiBase + 0x200) & (1 << 5), 0)
        XCTAssertEqual(gicr(0, Self.sgiBase + 0x200) & (1 << 5), 1 << 5)
    }

    func testSGIGroups() {
        enableEverything()
        configurePrivate(cpu: 1, 3, group: 1)
        configurePrivate(cpu: 1, 4, group: 0)
        setICC(0, .SGI0R, 3 << 24 | 0b10)
        XCTAssertEqual(lines()[1], "--", "SGI0R does not generate a Group 1 SGI")
        setICC(0, .ASGI1R, 3 << 24 | 0b10)
        XCTAssertEqual(lines()[1], "--", "nor does ASGI1R with a single Security state")
        setICC(0, .SGI0R, 4 << 24 | 0b10)
        XCTAssertEqual(lines()[1], "-F")
        XCTAssertEqual(icc(1, .IAR0), 4)
        setICC(1, .EOIR0, 4)
        setICC(0, .SGI1R, 3 << 24 | 0b10)
        XCTAssertEqual(lines()[1], "I-")
        XCTAssertEqual(icc(1, .IAR1), 3)
        setICC(1, .EOIR1, 3)
        // With GICD_CTLR.DS = 1, SGI1R also reaches an SGI configured as
        // Group 0 (IHI 0069, "Forwarding an SGI to a target PE").
        setICC(0, .SGI1R, 4 << 24 | 0b10)
        XCTAssertEqual(lines()[1], "-F")
        XCTAssertEqual(icc(1, .IAR0), 4)
    }

    func testSGIAcrossClusters() {
        let (cpus, gic) = Self.make(cpuCount: 18)
        self.cpus = cpus
        self.gic = gic
        enableEverything()
        configurePrivate(cpu: 17, 1)
        // CPU 17 is Aff1 = 1, Aff0 = 1.
        setICC(0, .SGI1R, 1 << 16 | 1 << 24 | 0b10)
        XCTAssertTrue(cpus[17].irqLine)
        XCTAssertFalse(cpus[1].irqLine)
        XCTAssertEqual(gic.read(cpu: 17, .IAR1), 1)
    }

    // MARK: SPI routing

    func testSPIRoutingByIROUTER() {
        enableEverything()
        configureSPI(64, router: 2)                              // Aff0 = 2: CPU 2
        gic.setSPI(intid: 64, level: true)
        XCTAssertEqual(lines(), ["--", "--", "I-", "--"])
        XCTAssertEqual(icc(0, .IAR1), 1023)
        // 32-bit write of the low half re-routes it to CPU 3.
        setGICD(0x6000 + 8 * 64, 3)
        XCTAssertEqual(gicd(0x6000 + 8 * 64, size: 8), 3)
        XCTAssertEqual(lines(), ["--", "--", "--", "I-"])
        // No CPU has affinity 0.0.1.0: the SPI stays pending, unforwarded.
        setGICD(0x6000 + 8 * 64, 1 << 8, size: 8)
        XCTAssertEqual(lines(), ["--", "--", "--", "--"])
        XCTAssertEqual(gicd(0x208) & 1, 1)
        // Aff3 is in the high half.
        setGICD(0x6000 + 8 * 64 + 4, 0xAB)
        XCTAssertEqual(gicd(0x6000 + 8 * 64, size: 8), 0xAB_0000_0100)
        // IRM = 1 (1 of N): the lowest-index CPU with the group enabled.
        setGICD(0x6000 + 8 * 64, 1 << 31, size: 8)
        XCTAssertEqual(lines(), ["I-", "--", "--", "--"])
        setICC(0, .IGRPEN1, 0)
        XCTAssertEqual(lines(), ["--", "I-", "--", "--"])
        XCTAssertEqual(icc(1, .IAR1), 64)
        XCTAssertEqual(lines(), ["--", "--", "--", "--"], "active: not forwarded to anyone else")
    }

    // MARK: EOImode

    func testSplitPriorityDropAndDeactivation() {
        enableEverything()
        setICC(0, .CTLR, 2)                                      // EOImode = 1
        XCTAssertEqual(icc(0, .CTLR) & 2, 2)
        configureSPI(35)
        setGICD(0x204, 1 << 3)
        XCTAssertEqual(icc(0, .IAR1), 35)
        setICC(0, .EOIR1, 35)
        XCTAssertEqual(icc(0, .RPR), 0xFF, "priority dropped")
        XCTAssertEqual(gicd(0x304) >> 3 & 1, 1, "still active")
        setGICD(0x204, 1 << 3)
        XCTAssertFalse(cpus[0].irqLine, "active and pending is not forwarded")
        setICC(0, .DIR, 35)
        XCTAssertEqual(gicd(0x304) >> 3 & 1, 0)
        XCTAssertTrue(cpus[0].irqLine)
        // With EOImode = 0, DIR does nothing.
        setICC(0, .CTLR, 0)
        XCTAssertEqual(icc(0, .IAR1), 35)
        setICC(0, .DIR, 35)
        XCTAssertEqual(gicd(0x304) >> 3 & 1, 1)
        setICC(0, .EOIR1, 35)
        XCTAssertEqual(gicd(0x304) >> 3 & 1, 0)
    }

    // MARK: registers

    func testDistributorIdentification() {
        XCTAssertEqual(gicd(0x0), 0x50, "ARE and DS read as one")
        setGICD(0x0, 0xFFFF_FFFF)
        XCTAssertEqual(gicd(0x0), 0x53)
        let typer = gicd(0x4)
        XCTAssertEqual(typer & 0x1F, 8, "ITLinesNumber: 288 INTIDs")
        XCTAssertEqual(typer >> 19 & 0x1F, 15, "IDbits: 16")
        XCTAssertEqual(typer >> 10 & 1, 0, "SecurityExtn")
        XCTAssertEqual(typer >> 17 & 1, 0, "no LPIs")
        XCTAssertEqual(gicd(0x8), 0x43B)
        XCTAssertEqual(gicd(0xC), 0)
        XCTAssertEqual(gicd(0xFFE8) >> 4 & 0xF, 3, "GICD_PIDR2.ArchRev")
        XCTAssertEqual(gicd(0xFFE0), 0x92)
        XCTAssertEqual(gicr(0, 0xFFE8) >> 4 & 0xF, 3, "GICR_PIDR2.ArchRev")
        XCTAssertEqual(gicr(0, 0xFFE0), 0x93)
        XCTAssertEqual(gicr(0, 0x4), 0x43B)
    }

    func testDistributorRegisterAccess() {
        // IPRIORITYR: byte and word accesses see the same bytes.
        setGICD(0x400 + 40, 0x12345678)
        XCTAssertEqual(gicd(0x400 + 41, size: 1), 0x56)
        setGICD(0x400 + 43, 0xAB, size: 1)
        XCTAssertEqual(gicd(0x400 + 40), 0xAB345678)
        // The SGI/PPI banks are RAZ/WI with affinity routing.
        setGICD(0x100, 0xFFFF_FFFF)
        XCTAssertEqual(gicd(0x100), 0)
        setGICD(0x400, 0xFFFF_FFFF)
        XCTAssertEqual(gicd(0x400), 0)
        setGICD(0x80, 0xFFFF_FFFF)
        XCTAssertEqual(gicd(0x80), 0)
        // INTIDs beyond 287 do not exist.
        setGICD(0x100 + 9 * 4, 0xFFFF_FFFF)
        XCTAssertEqual(gicd(0x100 + 9 * 4), 0)
        // Set/clear enable pairs.
        setGICD(0x104, 0b1011)
        setGICD(0x184, 0b0010)
        XCTAssertEqual(gicd(0x104), 0b1001)
        XCTAssertEqual(gicd(0x184), 0b1001)
        // IGRPMODR is RAZ/WI with DS = 1.
        setGICD(0xD04, 0xFFFF_FFFF)
        XCTAssertEqual(gicd(0xD04), 0)
        // Only IPRIORITYR takes byte accesses; only IROUTER takes 64-bit ones.
        setGICD(0x104, 0xFF, size: 1)
        XCTAssertEqual(gicd(0x104), 0b1001)
        XCTAssertEqual(gicd(0x0, size: 8), 0)
        // GICD_ICFGR: SPIs default to level, only odd bits stick.
        setGICD(0xC08, 0xFFFF_FFFF)
        XCTAssertEqual(gicd(0xC08), 0xAAAA_AAAA)
        // GICD_IROUTER: RES0 bits do not stick.
        setGICD(0x6000 + 8 * 100, ~0, size: 8)
        XCTAssertEqual(gicd(0x6000 + 8 * 100, size: 8), 0xFF_80FF_FFFF)
        XCTAssertEqual(gicd(0x6000 + 8 * 100 + 4), 0xFF)
        XCTAssertEqual(gicd(0x6000 + 8 * 20, size: 8), 0, "no IROUTER for INTIDs below 32")
    }

    func testRedistributorTyperAffinityAndLast() {
        let (cpus, gic) = Self.make(cpuCount: 18)
        self.cpus = cpus
        self.gic = gic
        for c in [0, 3, 16, 17] {
            let typer = gicr(c, 0x8, size: 8)
            let mpidr = cpus[c].mpidr
            let affinity = (mpidr >> 32 & 0xFF) << 24 | mpidr & 0xFF_FFFF
            XCTAssertEqual(typer >> 32, affinity, "CPU \(c)")
            XCTAssertEqual(typer >> 8 & 0xFFFF, UInt64(c), "Processor_Number")
            XCTAssertEqual(typer >> 4 & 1, c == 17 ? 1 : 0, "Last")
            XCTAssertEqual(gicr(c, 0x8), typer & 0xFFFF_FFFF)
            XCTAssertEqual(gicr(c, 0xC), typer >> 32)
        }
        XCTAssertEqual(gicr(17, 0xC), 0x0000_0101, "CPU 17 is Aff1 = 1, Aff0 = 1")
        XCTAssertEqual(gicr(18, 0x8, size: 8), 0, "beyond the last redistributor")
    }

    func testRedistributorWaker() {
        XCTAssertEqual(gicr(1, 0x14), 0b110, "ProcessorSleep and ChildrenAsleep at reset")
        setGICR(1, 0x14, 0)
        XCTAssertEqual(gicr(1, 0x14), 0)
        XCTAssertEqual(gicr(0, 0x14), 0b110, "per CPU")
        setGICR(1, 0x14, 0b010)
        XCTAssertEqual(gicr(1, 0x14), 0b110, "ChildrenAsleep follows at once")
        setGICR(1, 0x14, 0b100)
        XCTAssertEqual(gicr(1, 0x14), 0, "ChildrenAsleep is read-only")
    }

    func testRedistributorConfiguration() {
        XCTAssertEqual(gicr(0, Self.sgiBase + 0xC00), 0xAAAA_AAAA, "SGIs are edge-triggered")
        setGICR(0, Self.sgiBase + 0xC00, 0)
        XCTAssertEqual(gicr(0, Self.sgiBase + 0xC00), 0xAAAA_AAAA, "ICFGR0 is read-only")
        XCTAssertEqual(gicr(0, Self.sgiBase + 0xC04), 0, "PPIs reset to level")
        // An edge-triggered PPI latches its pending state.
        enableEverything()
        configurePrivate(cpu: 0, 23)
        setGICR(0, Self.sgiBase + 0xC04, 2 << (2 * 7))
        XCTAssertEqual(gicr(0, Self.sgiBase + 0xC04), 2 << (2 * 7))
        gic.setPPI(cpu: 0, intid: 23, level: true)
        gic.setPPI(cpu: 0, intid: 23, level: false)
        XCTAssertTrue(cpus[0].irqLine)
        // Priorities: word and byte views.
        setGICR(0, Self.sgiBase + 0x404, 0x11223344)
        XCTAssertEqual(gicr(0, Self.sgiBase + 0x406, size: 1), 0x22)
        XCTAssertEqual(gicr(1, Self.sgiBase + 0x404), 0, "per CPU")
        XCTAssertEqual(gicr(0, Self.sgiBase + 0xD00), 0, "IGRPMODR0 RAZ/WI")
    }

    func testCPUInterfaceControl() {
        let ctlr = icc(0, .CTLR)
        XCTAssertEqual(ctlr >> 8 & 7, 4, "PRIbits: 5 bits")
        XCTAssertEqual(ctlr >> 11 & 7, 0, "IDbits: 16 bits")
        XCTAssertEqual(ctlr >> 15 & 1, 1, "A3V")
        XCTAssertEqual(ctlr & 3, 0)
        setICC(0, .CTLR, ~0)
        XCTAssertEqual(icc(0, .CTLR), ctlr | 3, "only EOImode and CBPR are writable")
        XCTAssertEqual(icc(0, .BPR0), 2)
        setICC(0, .BPR0, 0)
        XCTAssertEqual(icc(0, .BPR0), 2, "BPR0 minimum with 5 priority bits")
    }

    func testActivePrioritiesRegisterRestoresRunningPriority() {
        enableEverything()
        setICC(0, .AP1R0, 1 << 4)                                // something active at 0x20
        XCTAssertEqual(icc(0, .RPR), 0x20)
        configurePrivate(cpu: 0, 24, priority: 0x30)
        gic.setPPI(cpu: 0, intid: 24, level: true)
        XCTAssertFalse(cpus[0].irqLine)
        setICC(0, .AP1R0, 0)
        XCTAssertTrue(cpus[0].irqLine)
    }

    func testCPUInterfaceResetDropsTheLineAndActivePriorities() {
        enableEverything()
        configurePrivate(cpu: 2, 26)
        gic.setPPI(cpu: 2, intid: 26, level: true)
        XCTAssertEqual(icc(2, .IAR1), 26)
        XCTAssertEqual(icc(2, .RPR), 0x80)
        gic.resetCPUInterface(cpu: 2)
        XCTAssertEqual(icc(2, .RPR), 0xFF)
        XCTAssertEqual(icc(2, .IGRPEN1), 0)
        XCTAssertEqual(icc(2, .PMR), 0)
        XCTAssertEqual(gicr(2, Self.sgiBase + 0x300) >> 26 & 1, 1, "the redistributor keeps its state")
        setICC(2, .PMR, 0xFF)
        setICC(2, .IGRPEN1, 1)
        XCTAssertFalse(cpus[2].irqLine, "still active")
    }

    func testSameINTIDAndPriorityTieGoesToLowestINTID() {
        enableEverything()
        configureSPI(45, priority: 0x50)
        configurePrivate(cpu: 0, 29, priority: 0x50)
        configureSPI(44, priority: 0x50)
        setGICD(0x204, 1 << 13 | 1 << 12)
        gic.setPPI(cpu: 0, intid: 29, level: true)
        XCTAssertEqual(icc(0, .HPPIR1), 29)
        configureSPI(44, priority: 0x48)
        XCTAssertEqual(icc(0, .HPPIR1), 44, "a higher priority wins over a lower INTID")
    }
}
