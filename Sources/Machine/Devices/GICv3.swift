import A64
import Memory

/// GICv3 (Arm GIC architecture specification IHI 0069): a distributor, one
/// redistributor per CPU, and the system-register CPU interface, configured
/// as QEMU's `-M virt` GICv3 without security extensions:
///
/// - a single Security state (GICD_CTLR.DS = 1): Group 0 interrupts are
///   signalled as FIQ, Group 1 as IRQ; GICD_IGRPMODR and GICD_NSACR are
///   RAZ/WI;
/// - affinity routing always on (GICD_CTLR.ARE RAO/WI): the GICD_*R0 banks
///   for SGIs and PPIs, GICD_ITARGETSR and GICD_SGIR are RAZ/WI, SGIs and
///   PPIs are configured in each redistributor's SGI_base frame;
/// - 288 INTIDs (32 private + 256 SPIs), no LPIs, no ITS, no extended
///   ranges, no message-based SPIs;
/// - 5 bits of priority in the CPU interface (ICC_CTLR_EL1.PRIbits = 4):
///   one active-priorities register per group (ICC_AP0R0/AP1R0), minimum
///   binary points BPR0 = 2, BPR1 = 3.
///
/// Everything is synchronous: an access that changes state recomputes the
/// IRQ and FIQ lines of the CPUs it can affect before it returns (see
/// `update(cpu:)`), so RWP/UWP always read 0 and GICR_WAKER.ChildrenAsleep
/// follows ProcessorSleep at once. The register files are in
/// GICv3Distributor.swift, GICv3Redistributor.swift and
/// GICv3CPUInterface.swift.
public final class GICv3 {
    // MARK: configuration (QEMU virt)

    /// INTIDs 0-287: SGIs 0-15, PPIs 16-31, SPIs 32-287 (QEMU virt's
    /// NUM_IRQS = 256 SPIs).
    public static let interruptCount = 288
    static let bitmapWords = interruptCount / 32
    /// Implemented priority bits at the CPU interface (PRIbits + 1).
    static let priorityBits = 5
    /// The implemented bits of an 8-bit priority value at the CPU interface.
    static let priorityMask: UInt8 = 0xF8
    /// ICC_BPR0_EL1's minimum (7 - priority bits); ICC_BPR1_EL1's is one more.
    static let minimumBPR0: UInt8 = 2
    static let minimumBPR1: UInt8 = 3
    /// GICD_IIDR / GICR_IIDR: Arm (0x43B), ProductID 0, r0p0, as QEMU.
    static let implementerID: UInt32 = 0x43B
    /// The special INTID read from ICC_IAR<n>/HPPIR<n> when there is nothing.
    public static let spuriousINTID: UInt64 = 1023

    // MARK: state

    let cpus: [CPU]
    public let distributor: MMIODevice
    public let redistributors: MMIODevice

    /// GICD_CTLR.{EnableGrp1, EnableGrp0} (bits 1 and 0); ARE and DS are
    /// constant ones.
    var distributorControl: UInt32 = 0
    /// One bit per INTID, 32 per word; words 0 (SGIs and PPIs, which live
    /// in the redistributors) are unused.
    var spiGroup: [UInt32]
    var spiEnabled: [UInt32]
    /// The pending latch (edge, or set by software); a level-sensitive
    /// SPI is also pending while its line is high.
    var spiPending: [UInt32]
    var spiActive: [UInt32]
    var spiLevel: [UInt32]
    /// 1 = edge-triggered (GICD_ICFGR Int_config[1]); SPIs reset to level.
    var spiEdge: [UInt32]
    var spiPriority: [UInt8]
    var spiRouter: [UInt64]
    /// For each SPI routed with IRM = 0: the index of the CPU whose affinity
    /// matches GICD_IROUTER, or -1 (no such CPU: the SPI is not forwarded).
    var spiTarget: [Int]

    /// The SGI and PPI state of each CPU's redistributor.
    struct Redistributor {
        var group: UInt32 = 0
        var enabled: UInt32 = 0
        var pending: UInt32 = 0
        var active: UInt32 = 0
        var level: UInt32 = 0
        /// SGIs are always edge-triggered; PPIs reset to level-sensitive.
        var edge: UInt32 = 0x0000_FFFF
        /// GICR_WAKER.ProcessorSleep.
        var processorSleep = true
    }
    var redistributor: [Redistributor]
    /// GICR_IPRIORITYR<n> of CPU c, INTID i at [c * 32 + i].
    var privatePriority: [UInt8]
    /// Each CPU's affinity as GICR_TYPER[63:32] has it
    /// (Aff3.Aff2.Aff1.Aff0), from its MPIDR_EL1.
    let affinity: [UInt32]

    /// The ICC_* state of one CPU interface.
    struct CPUInterface {
        var pmr: UInt8 = 0
        var bpr0: UInt8 = GICv3.minimumBPR0
        var bpr1: UInt8 = GICv3.minimumBPR1
        /// ICC_CTLR_EL1.EOImode and CBPR.
        var eoiMode = false
        var commonBPR = false
        var groupEnable: (Bool, Bool) = (false, false)
        /// ICC_AP0R0_EL1, ICC_AP1R0_EL1: bit n = a group priority n << 3 is
        /// active.
        var activePriorities: (UInt32, UInt32) = (0, 0)
        /// The lines as last driven.
        var irq = false
        var fiq = false
    }
    var cpuInterface: [CPUInterface]
    /// For SPIs routed with IRM = 1 (1 of N), per group: the lowest-index
    /// CPU whose CPU interface has that group enabled, or -1.
    var oneOfNTarget: (Int, Int) = (-1, -1)

    public init(cpus: [CPU]) {
        self.cpus = cpus
        let words = Self.bitmapWords
        spiGroup = Array(repeating: 0, count: words)
        spiEnabled = Array(repeating: 0, count: words)
        spiPending = Array(repeating: 0, count: words)
        spiActive = Array(repeating: 0, count: words)
        spiLevel = Array(repeating: 0, count: words)
        spiEdge = Array(repeating: 0, count: words)
        spiPriority = Array(repeating: 0, count: Self.interruptCount)
        spiRouter = Array(repeating: 0, count: Self.interruptCount)
        spiTarget = Array(repeating: -1, count: Self.interruptCount)
        redistributor = Array(repeating: Redistributor(), count: cpus.count)
        privatePriority = Array(repeating: 0, count: cpus.count * 32)
        affinity = cpus.map { cpu in
            UInt32(truncatingIfNeeded: cpu.mpidr & 0xFF_FFFF)
                | UInt32(truncatingIfNeeded: (cpu.mpidr >> 32) & 0xFF) << 24
        }
        cpuInterface = Array(repeating: CPUInterface(), count: cpus.count)
        let distributorFrame = DistributorFrame()
        let redistributorFrames = RedistributorFrames()
        distributor = distributorFrame
        redistributors = redistributorFrames
        distributorFrame.gic = self
        redistributorFrames.gic = self
        reset()
    }

    /// Resets the distributor, the redistributors and the CPU interfaces
    /// (line levels are kept: they belong to the devices that drive them)
    /// and drops every CPU's IRQ and FIQ line.
    public func reset() {
        distributorControl = 0
        for w in 0..<Self.bitmapWords {
            spiGroup[w] = 0; spiEnabled[w] = 0; spiPending[w] = 0
            spiActive[w] = 0; spiEdge[w] = 0
        }
        for i in 0..<Self.interruptCount {
            spiPriority[i] = 0
            spiRouter[i] = 0
        }
        for c in cpus.indices {
            let level = redistributor[c].level
            redistributor[c] = Redistributor()
            redistributor[c].level = level
            cpuInterface[c] = CPUInterface()
        }
        for i in privatePriority.indices { privatePriority[i] = 0 }
        recomputeRouting()
        updateAll()
    }

    /// Resets one CPU interface (the ICC_* state is in the PE's reset
    /// domain: QEMU resets it with the CPU, e.g. on PSCI CPU_ON). The
    /// redistributor keeps its state.
    public func resetCPUInterface(cpu: Int) {
        guard cpuInterface.indices.contains(cpu) else { return }
        cpuInterface[cpu] = CPUInterface()
        recomputeOneOfN()
        updateAll()
    }

    // MARK: interrupt lines from devices

    /// Sets the level of a PPI (INTID 16-31) of one CPU (the timers).
    /// A rising edge of an edge-triggered PPI latches it pending; a
    /// level-sensitive one is pending while the line is high.
    public func setPPI(cpu: Int, intid: Int, level: Bool) {
        guard cpus.indices.contains(cpu), (16...31).contains(intid) else { return }
        let bit = UInt32(1) << UInt32(intid)
        let old = redistributor[cpu].level & bit != 0
        guard old != level else { return }
        if level {
            redistributor[cpu].level |= bit
            if redistributor[cpu].edge & bit != 0 { redistributor[cpu].pending |= bit }
        } else {
            redistributor[cpu].level &= ~bit
        }
        update(cpu: cpu)
    }

    /// Sets the level of an SPI (INTID 32-287 here).
    public func setSPI(intid: Int, level: Bool) {
        guard intid >= 32, intid < Self.interruptCount else { return }
        let w = intid >> 5, bit = UInt32(1) << UInt32(intid & 31)
        let old = spiLevel[w] & bit != 0
        guard old != level else { return }
        if level {
            spiLevel[w] |= bit
            if spiEdge[w] & bit != 0 { spiPending[w] |= bit }
        } else {
            spiLevel[w] &= ~bit
        }
        updateAll()
    }

    /// Whether `cpu` has a pending interrupt that would wake it from WFI
    /// (enabled, pending, forwarded by the CPU interface; PSTATE masks ignored).
    public func hasWakeUpInterrupt(cpu: Int) -> Bool {
        guard cpuInterface.indices.contains(cpu) else { return false }
        return cpuInterface[cpu].irq || cpuInterface[cpu].fiq
    }

    // MARK: routing

    /// Affinity.Aff0..Aff3 of GICD_IROUTER<n>, packed as GICR_TYPER has it.
    static func packedAffinity(router: UInt64) -> UInt32 {
        UInt32(truncatingIfNeeded: router & 0xFF_FFFF) | UInt32(truncatingIfNeeded: (router >> 32) & 0xFF) << 24
    }

    /// Recomputes the SPI -> CPU cache for one SPI routed by affinity.
    func recomputeTarget(spi intid: Int) {
        let wanted = Self.packedAffinity(router: spiRouter[intid])
        var target = -1
        for c in affinity.indices where affinity[c] == wanted {
            target = c
            break
        }
        spiTarget[intid] = target
    }

    func recomputeRouting() {
        for intid in 32..<Self.interruptCount { recomputeTarget(spi: intid) }
        recomputeOneOfN()
    }

    /// 1 of N: the lowest-index CPU with the group enabled participates.
    func recomputeOneOfN() {
        var g0 = -1, g1 = -1
        for c in cpuInterface.indices {
            if g0 < 0 && cpuInterface[c].groupEnable.0 { g0 = c }
            if g1 < 0 && cpuInterface[c].groupEnable.1 { g1 = c }
        }
        oneOfNTarget = (g0, g1)
    }

    @inline(__always)
    func target(spi intid: Int, group: Int) -> Int {
        if spiRouter[intid] & (1 << 31) != 0 {
            return group == 0 ? oneOfNTarget.0 : oneOfNTarget.1
        }
        return spiTarget[intid]
    }

    // MARK: the highest priority pending interrupt of a CPU

    /// A pending interrupt as the CPU interface sees it.
    struct Candidate {
        var intid: Int
        var priority: UInt8
        var group: Int
    }

    /// The highest priority pending interrupt forwarded to `cpu`: pending,
    /// enabled, not active, its group enabled both in GICD_CTLR and in the
    /// CPU's ICC_IGRPEN<n>, and (SPIs) routed to this CPU. Ties go to the
    /// lowest INTID (an IMPLEMENTATION DEFINED choice, QEMU's).
    func highestPriorityPending(cpu c: Int) -> Candidate? {
        let g0 = distributorControl & 1 != 0 && cpuInterface[c].groupEnable.0
        let g1 = distributorControl & 2 != 0 && cpuInterface[c].groupEnable.1
        guard g0 || g1 else { return nil }
        var best: Candidate? = nil
        var bestPriority = 0x100

        let r = redistributor[c]
        var pend = (r.pending | (r.level & ~r.edge)) & r.enabled & ~r.active
        pend &= (g1 ? r.group : 0) | (g0 ? ~r.group : 0)
        while pend != 0 {
            let i = pend.trailingZeroBitCount
            pend &= pend - 1
            let p = Int(privatePriority[c * 32 + i])
            if p < bestPriority {
                bestPriority = p
                best = Candidate(intid: i, priority: UInt8(p), group: Int(r.group >> UInt32(i) & 1))
            }
        }
        for w in 1..<Self.bitmapWords {
            var pend = (spiPending[w] | (spiLevel[w] & ~spiEdge[w])) & spiEnabled[w] & ~spiActive[w]
            pend &= (g1 ? spiGroup[w] : 0) | (g0 ? ~spiGroup[w] : 0)
            while pend != 0 {
                let b = pend.trailingZeroBitCount
                pend &= pend - 1
                let intid = w << 5 | b
                let p = Int(spiPriority[intid])
                guard p < bestPriority else { continue }
                let group = Int(spiGroup[w] >> UInt32(b) & 1)
                guard target(spi: intid, group: group) == c else { continue }
                bestPriority = p
                best = Candidate(intid: intid, priority: UInt8(p), group: group)
            }
        }
        return best
    }

    // MARK: priority and preemption (CPU interface)

    /// The mask that keeps the group priority bits of a priority of
    /// `group` (GroupBits(): BPR0, or BPR1 - 1, or BPR0 for both groups
    /// when ICC_CTLR_EL1.CBPR = 1).
    @inline(__always)
    func groupPriorityMask(cpu c: Int, group: Int) -> UInt8 {
        let i = cpuInterface[c]
        let bpr = (group == 0 || i.commonBPR) ? Int(i.bpr0) : Int(i.bpr1) - 1
        return UInt8(truncatingIfNeeded: 0xFF << (bpr + 1))
    }

    /// ICC_RPR_EL1: the group priority of the highest priority active
    /// interrupt, from the active priorities registers; 0xFF when idle.
    func runningPriority(cpu c: Int) -> UInt8 {
        let active = cpuInterface[c].activePriorities.0 | cpuInterface[c].activePriorities.1
        guard active != 0 else { return 0xFF }
        return UInt8(active.trailingZeroBitCount << (8 - Self.priorityBits))
    }

    /// Whether the CPU interface signals `candidate`: its priority is
    /// higher than the priority mask and its group priority higher than
    /// the running priority (preemption).
    func canSignal(cpu c: Int, _ candidate: Candidate) -> Bool {
        guard candidate.priority < cpuInterface[c].pmr else { return false }
        let running = runningPriority(cpu: c)
        guard running != 0xFF else { return true }
        let mask = groupPriorityMask(cpu: c, group: candidate.group)
        return candidate.priority & mask < running & mask
    }

    // MARK: signalling

    /// Recomputes `cpu`'s IRQ (Group 1) and FIQ (Group 0) lines.
    func update(cpu c: Int) {
        var irq = false, fiq = false
        if let best = highestPriorityPending(cpu: c), canSignal(cpu: c, best) {
            if best.group == 0 { fiq = true } else { irq = true }
        }
        cpuInterface[c].irq = irq
        cpuInterface[c].fiq = fiq
        cpus[c].setInterruptLines(irq: irq, fiq: fiq)
    }

    /// After a change that can affect any CPU (distributor state, SPIs,
    /// routing).
    func updateAll() {
        for c in cpus.indices { update(cpu: c) }
    }

    // MARK: helpers for the register files

    /// The pending state as GICD_ISPENDR/GICR_ISPENDR0 read it: the latch,
    /// or the line of a level-sensitive interrupt.
    @inline(__always)
    static func pendingView(latch: UInt32, level: UInt32, edge: UInt32) -> UInt32 {
        latch | (level & ~edge)
    }

    /// Int_config bits (GICD_ICFGR / GICR_ICFGR): 16 interrupts, bit 2n+1 =
    /// edge-triggered, from 16 bits of an edge bitmap.
    static func spreadConfig(_ edges: UInt32) -> UInt32 {
        var v: UInt32 = 0
        for n in 0..<16 where edges >> UInt32(n) & 1 != 0 { v |= 2 << UInt32(2 * n) }
        return v
    }

    /// The inverse of `spreadConfig`: 16 edge bits from the odd bits.
    static func gatherConfig(_ value: UInt32) -> UInt32 {
        var e: UInt32 = 0
        for n in 0..<16 where value >> UInt32(2 * n + 1) & 1 != 0 { e |= 1 << UInt32(n) }
        return e
    }

    /// CoreSight identification registers at 0xFFD0-0xFFFC of the
    /// distributor and of each RD_base frame (QEMU's values: an Arm GICv3,
    /// PIDR2.ArchRev = 3; PIDR0 0x92 for the distributor, 0x93 for a
    /// redistributor).
    static func identification(offset: UInt64, pidr0: UInt32) -> UInt32 {
        switch offset {
        case 0xFFD0: return 0x44        // PIDR4
        case 0xFFE0: return pidr0       // PIDR0
        case 0xFFE4: return 0xB4        // PIDR1
        case 0xFFE8: return 0x3B        // PIDR2: ArchRev 3, JEDEC
        case 0xFFF0: return 0x0D        // CIDR0
        case 0xFFF4: return 0xF0        // CIDR1
        case 0xFFF8: return 0x05        // CIDR2
        case 0xFFFC: return 0xB1        // CIDR3
        default: return 0               // PIDR5-7, PIDR3
        }
    }
}
