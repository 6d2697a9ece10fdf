import Memory

/// The distributor's 64 KiB frame (GICD_*; IHI 0069, 12.9 "The GICD_*
/// register descriptions"). Accesses: 32-bit to every register, 8-bit to
/// GICD_IPRIORITYR (and the RAZ/WI GICD_ITARGETSR, GICD_{C,S}PENDSGIR),
/// 64-bit to GICD_IROUTER; any other size, a misaligned access or a
/// reserved offset is RAZ/WI.
extension GICv3 {
    final class DistributorFrame: MMIODevice {
        weak var gic: GICv3?

        func mmioRead(offset: UInt64, size: Int) -> UInt64 {
            guard let gic, size > 0, offset & UInt64(size - 1) == 0 else { return 0 }
            return gic.distributorRead(offset: offset, size: size)
        }

        func mmioWrite(offset: UInt64, size: Int, value: UInt64) {
            guard let gic, size > 0, offset & UInt64(size - 1) == 0 else { return }
            gic.distributorWrite(offset: offset, size: size, value: value)
        }
    }

    enum GICD {
        static let CTLR: UInt64 = 0x0000
        static let TYPER: UInt64 = 0x0004
        static let IIDR: UInt64 = 0x0008
        static let TYPER2: UInt64 = 0x000C
        static let IGROUPR: UInt64 = 0x0080
        static let ISENABLER: UInt64 = 0x0100
        static let ICENABLER: UInt64 = 0x0180
        static let ISPENDR: UInt64 = 0x0200
        static let ICPENDR: UInt64 = 0x0280
        static let ISACTIVER: UInt64 = 0x0300
        static let ICACTIVER: UInt64 = 0x0380
        static let IPRIORITYR: UInt64 = 0x0400
        static let ICFGR: UInt64 = 0x0C00
        static let IROUTER: UInt64 = 0x6000
        static let IDREGS: UInt64 = 0xFFD0
    }

    /// GICD_CTLR: ARE (bit 4) and DS (bit 6) read as one; RWP (bit 31)
    /// as zero, since every write takes effect at once.
    var distributorControlValue: UInt32 { distributorControl | 1 << 4 | 1 << 6 }

    /// GICD_TYPER: ITLinesNumber = 288 / 32 - 1, CPUNumber 0 (ARE = 1),
    /// SecurityExtn 0 (DS = 1), no MBIS/LPIS/DVIS, IDbits 15 (16-bit
    /// INTIDs), A3V 1, No1N 0 (1 of N routing is implemented), RSS 0.
    static let distributorType: UInt32 =
        UInt32(interruptCount / 32 - 1) | 0xF << 19 | 1 << 24

    func distributorRead(offset: UInt64, size: Int) -> UInt64 {
        switch size {
        case 1:
            if (GICD.IPRIORITYR..<GICD.IPRIORITYR + 0x400).contains(offset) {
                let intid = Int(offset - GICD.IPRIORITYR)
                return intid >= 32 && intid < Self.interruptCount ? UInt64(spiPriority[intid]) : 0
            }
            return 0
        case 4:
            return UInt64(distributorRead32(offset))
        case 8:
            if (GICD.IROUTER..<GICD.IROUTER + 0x2000).contains(offset) {
                let intid = Int((offset - GICD.IROUTER) / 8)
                return intid >= 32 && intid < Self.interruptCount ? spiRouter[intid] : 0
            }
            return 0
        default:
            return 0
        }
    }

    /// The 32-bit word of a bitmap register bank (one bit per INTID) at
    /// `offset` from the bank's base; SGIs, PPIs and INTIDs beyond 287
    /// read as zero.
    @inline(__always)
    func spiWordIndex(_ offsetInBank: UInt64) -> Int? {
        let w = Int(offsetInBank / 4)
        return w >= 1 && w < Self.bitmapWords ? w : nil
    }

    func distributorRead32(_ offset: UInt64) -> UInt32 {
        switch offset {
        case GICD.CTLR: return distributorControlValue
        case GICD.TYPER: return Self.distributorType
        case GICD.IIDR: return Self.implementerID
        case GICD.TYPER2: return 0
        case GICD.IGROUPR..<GICD.IGROUPR + 0x80:
            return spiWordIndex(offset - GICD.IGROUPR).map { spiGroup[$0] } ?? 0
        case GICD.ISENABLER..<GICD.ISENABLER + 0x80:
            return spiWordIndex(offset - GICD.ISENABLER).map { spiEnabled[$0] } ?? 0
        case GICD.ICENABLER..<GICD.ICENABLER + 0x80:
            return spiWordIndex(offset - GICD.ICENABLER).map { spiEnabled[$0] } ?? 0
        case GICD.ISPENDR..<GICD.ISPENDR + 0x80:
            return spiWordIndex(offset - GICD.ISPENDR).map(spiPendingView) ?? 0
        case GICD.ICPENDR..<GICD.ICPENDR + 0x80:
            return spiWordIndex(offset - GICD.ICPENDR).map(spiPendingView) ?? 0
        case GICD.ISACTIVER..<GICD.ISACTIVER + 0x80:
            return spiWordIndex(offset - GICD.ISACTIVER).map { spiActive[$0] } ?? 0
        case GICD.ICACTIVER..<GICD.ICACTIVER + 0x80:
            return spiWordIndex(offset - GICD.ICACTIVER).map { spiActive[$0] } ?? 0
        case GICD.IPRIORITYR..<GICD.IPRIORITYR + 0x400:
            let first = Int(offset - GICD.IPRIORITYR)
            guard first >= 32, first < Self.interruptCount else { return 0 }
            var v: UInt32 = 0
            for k in 0..<4 { v |= UInt32(spiPriority[first + k]) << UInt32(8 * k) }
            return v
        case GICD.ICFGR..<GICD.ICFGR + 0x100:
            let first = Int(offset - GICD.ICFGR) * 4          // 16 INTIDs per word
            guard first >= 32, first < Self.interruptCount else { return 0 }
            return Self.spreadConfig(spiEdge[first >> 5] >> UInt32(first & 16))
        case GICD.IROUTER..<GICD.IROUTER + 0x2000:
            let intid = Int((offset - GICD.IROUTER) / 8)
            guard intid >= 32, intid < Self.interruptCount else { return 0 }
            let r = spiRouter[intid]
            return UInt32(truncatingIfNeeded: offset & 4 != 0 ? r >> 32 : r)
        case GICD.IDREGS...0xFFFC:
            return Self.identification(offset: offset, pidr0: 0x92)
        default:
            // GICD_STATUSR, the SGI/PPI banks (ARE = 1), GICD_ITARGETSR,
            // GICD_IGRPMODR and GICD_NSACR (DS = 1), GICD_SGIR (ARE = 1),
            // GICD_{C,S}PENDSGIR, message-based SPI registers, reserved.
            return 0
        }
    }

    @inline(__always)
    func spiPendingView(_ w: Int) -> UInt32 {
        Self.pendingView(latch: spiPending[w], level: spiLevel[w], edge: spiEdge[w])
    }

    func distributorWrite(offset: UInt64, size: Int, value: UInt64) {
        switch size {
        case 1:
            guard (GICD.IPRIORITYR..<GICD.IPRIORITYR + 0x400).contains(offset) else { return }
            let intid = Int(offset - GICD.IPRIORITYR)
            guard intid >= 32, intid < Self.interruptCount else { return }
            spiPriority[intid] = UInt8(truncatingIfNeeded: value)
            updateAll()
        case 4:
            distributorWrite32(offset, UInt32(truncatingIfNeeded: value))
        case 8:
            guard (GICD.IROUTER..<GICD.IROUTER + 0x2000).contains(offset) else { return }
            writeRouter(intid: Int((offset - GICD.IROUTER) / 8), value)
        default:
            return
        }
    }

    /// GICD_IROUTER<n>: Aff3 [39:32], Interrupt_Routing_Mode [31],
    /// Aff2..Aff0 [23:0]; the other bits are RES0.
    func writeRouter(intid: Int, _ value: UInt64) {
        guard intid >= 32, intid < Self.interruptCount else { return }
        spiRouter[intid] = value & 0xFF_80FF_FFFF
        recomputeTarget(spi: intid)
        updateAll()
    }

    func distributorWrite32(_ offset: UInt64, _ v: UInt32) {
        switch offset {
        case GICD.CTLR:
            distributorControl = v & 3                  // EnableGrp1, EnableGrp0
        case GICD.IGROUPR..<GICD.IGROUPR + 0x80:
            guard let w = spiWordIndex(offset - GICD.IGROUPR) else { return }
            spiGroup[w] = v
        case GICD.ISENABLER..<GICD.ISENABLER + 0x80:
            guard let w = spiWordIndex(offset - GICD.ISENABLER) else { return }
            spiEnabled[w] |= v
        case GICD.ICENABLER..<GICD.ICENABLER + 0x80:
            guard let w = spiWordIndex(offset - GICD.ICENABLER) else { return }
            spiEnabled[w] &= ~v
        case GICD.ISPENDR..<GICD.ISPENDR + 0x80:
            guard let w = spiWordIndex(offset - GICD.ISPENDR) else { return }
            spiPending[w] |= v
        case GICD.ICPENDR..<GICD.ICPENDR + 0x80:
            // Clears the latch; a level-sensitive SPI whose line is high
            // stays pending.
            guard let w = spiWordIndex(offset - GICD.ICPENDR) else { return }
            spiPending[w] &= ~v
        case GICD.ISACTIVER..<GICD.ISACTIVER + 0x80:
            guard let w = spiWordIndex(offset - GICD.ISACTIVER) else { return }
            spiActive[w] |= v
        case GICD.ICACTIVER..<GICD.ICACTIVER + 0x80:
            guard let w = spiWordIndex(offset - GICD.ICACTIVER) else { return }
            spiActive[w] &= ~v
        case GICD.IPRIORITYR..<GICD.IPRIORITYR + 0x400:
            let first = Int(offset - GICD.IPRIORITYR)
            guard first >= 32, first < Self.interruptCount else { return }
            for k in 0..<4 { spiPriority[first + k] = UInt8(truncatingIfNeeded: v >> UInt32(8 * k)) }
        case GICD.ICFGR..<GICD.ICFGR + 0x100:
            let first = Int(offset - GICD.ICFGR) * 4
            guard first >= 32, first < Self.interruptCount else { return }
            let shift = UInt32(first & 16)
            let w = first >> 5
            spiEdge[w] = spiEdge[w] & ~(0xFFFF << shift) | Self.gatherConfig(v) << shift
        case GICD.IROUTER..<GICD.IROUTER + 0x2000:
            let intid = Int((offset - GICD.IROUTER) / 8)
            guard intid >= 32, intid < Self.interruptCount else { return }
            let old = spiRouter[intid]
            let new = offset & 4 != 0
                ? old & 0xFFFF_FFFF | UInt64(v) << 32
                : old & ~0xFFFF_FFFF | UInt64(v)
            writeRouter(intid: intid, new)
            return
        default:
            return                                      // RO, RAZ/WI or reserved
        }
        updateAll()
    }
}
