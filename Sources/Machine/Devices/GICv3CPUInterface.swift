import A64

/// The CPU interface: the ICC_* system registers of each CPU (IHI 0069,
/// 12.2 "AArch64 GIC system register descriptions"), with a single
/// Security state. The access checks (EL, ICC_SRE_ELx, HCR_EL2 traps and
/// virtual-interface redirection) are the CPU's; this is what an access
/// that reaches the physical interface does.
extension GICv3 {
    /// ICC_CTLR_EL1: A3V [15] = 1, IDbits [13:11] = 0 (16-bit INTIDs, as
    /// GICD_TYPER.IDbits), PRIbits [10:8] = 4 (5 bits); SEIS, RSS, ExtRange
    /// and PMHE 0; EOImode [1] and CBPR [0] are writable.
    static let cpuInterfaceControlFixed: UInt64 = 1 << 15 | UInt64(priorityBits - 1) << 8

    /// An ICC_* register read by `cpu`. Write-only registers read as zero.
    public func read(cpu c: Int, _ register: GICCPUInterfaceRegister) -> UInt64 {
        guard cpuInterface.indices.contains(c) else { return 0 }
        let i = cpuInterface[c]
        switch register {
        case .PMR: return UInt64(i.pmr)
        case .IAR0: return acknowledge(cpu: c, group: 0)
        case .IAR1: return acknowledge(cpu: c, group: 1)
        case .HPPIR0: return highestPriorityPendingINTID(cpu: c, group: 0)
        case .HPPIR1: return highestPriorityPendingINTID(cpu: c, group: 1)
        case .BPR0: return UInt64(i.bpr0)
        case .BPR1:
            // With CBPR, BPR1 reads as BPR0 + 1, saturated at 7.
            return i.commonBPR ? UInt64(min(i.bpr0 + 1, 7)) : UInt64(i.bpr1)
        case .AP0R0: return UInt64(i.activePriorities.0)
        case .AP1R0: return UInt64(i.activePriorities.1)
        case .RPR: return UInt64(runningPriority(cpu: c))
        case .CTLR:
            return Self.cpuInterfaceControlFixed | (i.eoiMode ? 2 : 0) | (i.commonBPR ? 1 : 0)
        case .IGRPEN0: return i.groupEnable.0 ? 1 : 0
        case .IGRPEN1: return i.groupEnable.1 ? 1 : 0
        case .EOIR0, .EOIR1, .DIR, .SGI0R, .SGI1R, .ASGI1R: return 0
        }
    }

    /// An ICC_* register write by `cpu`. Writes to read-only registers are
    /// ignored.
    public func write(cpu c: Int, _ register: GICCPUInterfaceRegister, _ value: UInt64) {
        guard cpuInterface.indices.contains(c) else { return }
        switch register {
        case .PMR:
            cpuInterface[c].pmr = UInt8(truncatingIfNeeded: value) & Self.priorityMask
        case .BPR0:
            cpuInterface[c].bpr0 = max(UInt8(value & 7), Self.minimumBPR0)
        case .BPR1:
            guard !cpuInterface[c].commonBPR else { return }   // writes ignored with CBPR
            cpuInterface[c].bpr1 = max(UInt8(value & 7), Self.minimumBPR1)
        case .AP0R0:
            cpuInterface[c].activePriorities.0 = UInt32(truncatingIfNeeded: value)
        case .AP1R0:
            cpuInterface[c].activePriorities.1 = UInt32(truncatingIfNeeded: value)
        case .CTLR:
            cpuInterface[c].eoiMode = value & 2 != 0
            cpuInterface[c].commonBPR = value & 1 != 0
        case .IGRPEN0, .IGRPEN1:
            if register == .IGRPEN0 {
                cpuInterface[c].groupEnable.0 = value & 1 != 0
            } else {
                cpuInterface[c].groupEnable.1 = value & 1 != 0
            }
            recomputeOneOfN()
            updateAll()
            return
        case .EOIR0: endOfInterrupt(cpu: c, group: 0, value); return
        case .EOIR1: endOfInterrupt(cpu: c, group: 1, value); return
        case .DIR: deactivateInterrupt(cpu: c, value); return
        case .SGI1R: generateSGI(cpu: c, value, group1: true); return
        case .SGI0R, .ASGI1R: generateSGI(cpu: c, value, group1: false); return
        case .IAR0, .IAR1, .HPPIR0, .HPPIR1, .RPR: return
        }
        update(cpu: c)
    }

    // MARK: acknowledge

    /// ICC_IAR<n>_EL1 read: the highest priority pending interrupt, if it
    /// is of group `n` and the CPU interface signals it (priority mask,
    /// preemption), becomes active (and no longer pending, unless it is
    /// level-sensitive with its line still high); its group priority is
    /// marked in ICC_AP<n>R0. Otherwise the spurious INTID 1023.
    func acknowledge(cpu c: Int, group: Int) -> UInt64 {
        guard let hppi = highestPriorityPending(cpu: c), hppi.group == group,
              canSignal(cpu: c, hppi) else { return Self.spuriousINTID }
        let gp = hppi.priority & groupPriorityMask(cpu: c, group: group)
        let bit = UInt32(1) << UInt32(gp >> (8 - Self.priorityBits))
        if group == 0 {
            cpuInterface[c].activePriorities.0 |= bit
        } else {
            cpuInterface[c].activePriorities.1 |= bit
        }
        let intid = hppi.intid
        if intid < 32 {
            let b = UInt32(1) << UInt32(intid)
            redistributor[c].active |= b
            redistributor[c].pending &= ~b
        } else {
            let w = intid >> 5, b = UInt32(1) << UInt32(intid & 31)
            spiActive[w] |= b
            spiPending[w] &= ~b
        }
        update(cpu: c)
        return UInt64(intid)
    }

    /// ICC_HPPIR<n>_EL1: the highest priority pending interrupt's INTID if
    /// it is of group `n` (whatever the priority mask and running
    /// priority), else 1023.
    func highestPriorityPendingINTID(cpu c: Int, group: Int) -> UInt64 {
        guard let hppi = highestPriorityPending(cpu: c), hppi.group == group else {
            return Self.spuriousINTID
        }
        return UInt64(hppi.intid)
    }

    // MARK: end of interrupt

    /// ICC_EOIR<n>_EL1 write: priority drop (the highest active priority,
    /// if it is of group `n`), and deactivation of the INTID written when
    /// ICC_CTLR_EL1.EOImode = 0. INTIDs 1020-1023 and INTIDs that do not
    /// exist are ignored.
    func endOfInterrupt(cpu c: Int, group: Int, _ value: UInt64) {
        let intid = Int(value & 0xFF_FFFF)
        guard intid < Self.interruptCount else { return }
        let (ap0, ap1) = cpuInterface[c].activePriorities
        guard ap0 | ap1 != 0 else { return }
        // The group of the highest priority active interrupt (Group 0 on a tie).
        let activeGroup = ap0.trailingZeroBitCount <= ap1.trailingZeroBitCount ? 0 : 1
        guard activeGroup == group else { return }
        if group == 0 {
            cpuInterface[c].activePriorities.0 = ap0 & (ap0 - 1)
        } else {
            cpuInterface[c].activePriorities.1 = ap1 & (ap1 - 1)
        }
        if !cpuInterface[c].eoiMode {
            deactivate(cpu: c, intid: intid)
        }
        update(cpu: c)
    }

    /// ICC_DIR_EL1 write: deactivates the INTID written, when
    /// ICC_CTLR_EL1.EOImode = 1 (otherwise UNPREDICTABLE; ignored).
    func deactivateInterrupt(cpu c: Int, _ value: UInt64) {
        let intid = Int(value & 0xFF_FFFF)
        guard intid < Self.interruptCount, cpuInterface[c].eoiMode else { return }
        deactivate(cpu: c, intid: intid)
        update(cpu: c)
    }

    /// Clears the active state: an SGI or PPI in `cpu`'s redistributor, an
    /// SPI in the distributor (and re-evaluates every CPU, since the SPI
    /// may be routed to another one).
    func deactivate(cpu c: Int, intid: Int) {
        if intid < 32 {
            redistributor[c].active &= ~(UInt32(1) << UInt32(intid))
        } else {
            spiActive[intid >> 5] &= ~(UInt32(1) << UInt32(intid & 31))
            updateAll()
        }
    }

    // MARK: SGIs

    /// ICC_SGI1R_EL1 (`group1`), ICC_SGI0R_EL1 and ICC_ASGI1R_EL1 writes:
    /// INTID [27:24], IRM [40] (every CPU but the writer), else the CPUs
    /// Aff3 [55:48] . Aff2 [39:32] . Aff1 [23:16] . n for each bit n of
    /// TargetList [15:0] (RS [47:44] is RES0, since ICC_CTLR_EL1.RSS = 0,
    /// and ignored). With GICD_CTLR.DS = 1 (IHI 0069, "Forwarding an SGI to
    /// a target PE"), an SGI from ICC_SGI1R_EL1 is forwarded whether the
    /// target configures it as Group 1 or Group 0; one from ICC_SGI0R_EL1
    /// or ICC_ASGI1R_EL1 only if the target configures it as Group 0.
    func generateSGI(cpu c: Int, _ value: UInt64, group1: Bool) {
        let intid = UInt32(value >> 24 & 0xF)
        let bit = UInt32(1) << intid
        let allButSelf = value >> 40 & 1 != 0
        let cluster = UInt32(value >> 48 & 0xFF) << 16 | UInt32(value >> 32 & 0xFF) << 8
            | UInt32(value >> 16 & 0xFF)
        let targetList = UInt32(value & 0xFFFF)
        for t in cpus.indices {
            if allButSelf {
                guard t != c else { continue }
            } else {
                let a = affinity[t]
                guard a >> 8 == cluster, a & 0xF0 == 0,
                      targetList >> (a & 0xF) & 1 != 0 else { continue }
            }
            guard group1 || redistributor[t].group & bit == 0 else { continue }
            redistributor[t].pending |= bit
            update(cpu: t)
        }
    }
}
