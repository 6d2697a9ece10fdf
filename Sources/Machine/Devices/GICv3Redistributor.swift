import Memory

/// The redistributors: two 64 KiB frames per CPU, in CPU index order, RD_base
/// (control, GICR_TYPER, GICR_WAKER) and SGI_base at +0x10000 (the SGI and
/// PPI configuration) (IHI 0069, 12.11 "The GICR_* register
/// descriptions"). Accesses: 32-bit to every register, 8-bit to
/// GICR_IPRIORITYR<n>, 64-bit to GICR_TYPER; any other size, a misaligned
/// access, a reserved offset or a frame beyond the last CPU is RAZ/WI.
extension GICv3 {
    final class RedistributorFrames: MMIODevice {
        weak var gic: GICv3?

        func mmioRead(offset: UInt64, size: Int) -> UInt64 {
            guard let gic, size > 0, offset & UInt64(size - 1) == 0 else { return 0 }
            let cpu = Int(offset / Self.stride)
            guard cpu < gic.cpus.count else { return 0 }
            return gic.redistributorRead(cpu: cpu, offset: offset % Self.stride, size: size)
        }

        func mmioWrite(offset: UInt64, size: Int, value: UInt64) {
            guard let gic, size > 0, offset & UInt64(size - 1) == 0 else { return }
            let cpu = Int(offset / Self.stride)
            guard cpu < gic.cpus.count else { return }
            gic.redistributorWrite(cpu: cpu, offset: offset % Self.stride, size: size, value: value)
        }

        static let stride: UInt64 = 0x2_0000
    }

    enum GICR {
        // RD_base
        static let CTLR: UInt64 = 0x0000
        static let IIDR: UInt64 = 0x0004
        static let TYPER: UInt64 = 0x0008
        static let WAKER: UInt64 = 0x0014
        static let IDREGS: UInt64 = 0xFFD0
        // SGI_base
        static let SGI: UInt64 = 0x1_0000
        static let IGROUPR0: UInt64 = SGI + 0x0080
        static let ISENABLER0: UInt64 = SGI + 0x0100
        static let ICENABLER0: UInt64 = SGI + 0x0180
        static let ISPENDR0: UInt64 = SGI + 0x0200
        static let ICPENDR0: UInt64 = SGI + 0x0280
        static let ISACTIVER0: UInt64 = SGI + 0x0300
        static let ICACTIVER0: UInt64 = SGI + 0x0380
        static let IPRIORITYR: UInt64 = SGI + 0x0400
        static let ICFGR0: UInt64 = SGI + 0x0C00
        static let ICFGR1: UInt64 = SGI + 0x0C04
    }

    /// GICR_TYPER: Affinity_Value [63:32] (the CPU's Aff3.Aff2.Aff1.Aff0),
    /// CommonLPIAff [25:24] = 1 (as QEMU), Processor_Number [23:8] = the
    /// CPU index, Last [4] on the last redistributor; DPGS, DirectLPI,
    /// VLPIS and PLPIS 0.
    func redistributorType(cpu c: Int) -> UInt64 {
        UInt64(affinity[c]) << 32 | 1 << 24 | UInt64(c) << 8 | (c == cpus.count - 1 ? 1 << 4 : 0)
    }

    /// GICR_WAKER: ProcessorSleep [1]; ChildrenAsleep [2] follows it at once.
    func wakerValue(cpu c: Int) -> UInt32 {
        redistributor[c].processorSleep ? 0b110 : 0
    }

    func redistributorRead(cpu c: Int, offset: UInt64, size: Int) -> UInt64 {
        switch size {
        case 1:
            guard (GICR.IPRIORITYR..<GICR.IPRIORITYR + 32).contains(offset) else { return 0 }
            return UInt64(privatePriority[c * 32 + Int(offset - GICR.IPRIORITYR)])
        case 4:
            return UInt64(redistributorRead32(cpu: c, offset))
        case 8:
            return offset == GICR.TYPER ? redistributorType(cpu: c) : 0
        default:
            return 0
        }
    }

    func redistributorRead32(cpu c: Int, _ offset: UInt64) -> UInt32 {
        let r = redistributor[c]
        switch offset {
        case GICR.CTLR: return 0                        // no LPIs, DPG*, UWP/RWP 0
        case GICR.IIDR: return Self.implementerID
        case GICR.TYPER: return UInt32(truncatingIfNeeded: redistributorType(cpu: c))
        case GICR.TYPER + 4: return UInt32(truncatingIfNeeded: redistributorType(cpu: c) >> 32)
        case GICR.WAKER: return wakerValue(cpu: c)
        case GICR.IDREGS...0xFFFC: return Self.identification(offset: offset, pidr0: 0x93)
        case GICR.IGROUPR0: return r.group
        case GICR.ISENABLER0, GICR.ICENABLER0: return r.enabled
        case GICR.ISPENDR0, GICR.ICPENDR0:
            return Self.pendingView(latch: r.pending, level: r.level, edge: r.edge)
        case GICR.ISACTIVER0, GICR.ICACTIVER0: return r.active
        case GICR.IPRIORITYR..<GICR.IPRIORITYR + 32:
            let first = c * 32 + Int(offset - GICR.IPRIORITYR)
            var v: UInt32 = 0
            for k in 0..<4 { v |= UInt32(privatePriority[first + k]) << UInt32(8 * k) }
            return v
        case GICR.ICFGR0: return Self.spreadConfig(r.edge & 0xFFFF)
        case GICR.ICFGR1: return Self.spreadConfig(r.edge >> 16)
        default:
            // GICR_STATUSR, GICR_PROPBASER/PENDBASER (no LPIs),
            // GICR_IGRPMODR0 and GICR_NSACR (DS = 1), reserved.
            return 0
        }
    }

    func redistributorWrite(cpu c: Int, offset: UInt64, size: Int, value: UInt64) {
        switch size {
        case 1:
            guard (GICR.IPRIORITYR..<GICR.IPRIORITYR + 32).contains(offset) else { return }
            privatePriority[c * 32 + Int(offset - GICR.IPRIORITYR)] = UInt8(truncatingIfNeeded: value)
            update(cpu: c)
        case 4:
            redistributorWrite32(cpu: c, offset, UInt32(truncatingIfNeeded: value))
        default:
            return                                      // GICR_TYPER is RO
        }
    }

    func redistributorWrite32(cpu c: Int, _ offset: UInt64, _ v: UInt32) {
        switch offset {
        case GICR.WAKER:
            redistributor[c].processorSleep = v & 0b10 != 0
            return
        case GICR.IGROUPR0: redistributor[c].group = v
        case GICR.ISENABLER0: redistributor[c].enabled |= v
        case GICR.ICENABLER0: redistributor[c].enabled &= ~v
        case GICR.ISPENDR0: redistributor[c].pending |= v
        case GICR.ICPENDR0: redistributor[c].pending &= ~v
        case GICR.ISACTIVER0: redistributor[c].active |= v
        case GICR.ICACTIVER0: redistributor[c].active &= ~v
        case GICR.IPRIORITYR..<GICR.IPRIORITYR + 32:
            let first = c * 32 + Int(offset - GICR.IPRIORITYR)
            for k in 0..<4 { privatePriority[first + k] = UInt8(truncatingIfNeeded: v >> UInt32(8 * k)) }
        case GICR.ICFGR1:
            // PPIs: Int_config is programmable (as QEMU). ICFGR0 (SGIs,
            // always edge) is read-only.
            redistributor[c].edge = redistributor[c].edge & 0xFFFF | Self.gatherConfig(v) << 16
        default:
            return                                      // RO, RAZ/WI or reserved
        }
        update(cpu: c)
    }
}
