import Memory

/// Arm PrimeCell UART (PL011) r1p5, transmit side: bytes written to UARTDR
/// go to the console at once, so the transmit FIFO is always empty and never
/// busy. Reception is not modelled (the receive FIFO is always empty).
/// Register offsets: PL011 TRM, 3.2 "Summary of registers".
public final class PL011: MMIODevice {
    let console: ConsoleOutput
    var ibrd: UInt64 = 0, fbrd: UInt64 = 0, lcrH: UInt64 = 0
    var cr: UInt64 = 0x300, ifls: UInt64 = 0x12, imsc: UInt64 = 0

    public init(console: ConsoleOutput) { self.console = console }

    public func mmioRead(offset: UInt64, size: Int) -> UInt64 {
        switch offset {
        case 0x000: return 0                       // UARTDR: nothing received
        case 0x018: return 0x90                    // UARTFR: TXFE | RXFE
        case 0x024: return ibrd
        case 0x028: return fbrd
        case 0x02C: return lcrH
        case 0x030: return cr
        case 0x034: return ifls
        case 0x038: return imsc
        case 0x03C, 0x040: return 0                // RIS, MIS: no interrupt
        // Peripheral and PrimeCell identification registers.
        case 0xFE0: return 0x11
        case 0xFE4: return 0x10
        case 0xFE8: return 0x14
        case 0xFEC: return 0x00
        case 0xFF0: return 0x0D
        case 0xFF4: return 0xF0
        case 0xFF8: return 0x05
        case 0xFFC: return 0xB1
        default: return 0
        }
    }

    public func mmioWrite(offset: UInt64, size: Int, value: UInt64) {
        switch offset {
        case 0x000: console.write(UInt8(truncatingIfNeeded: value))
        case 0x024: ibrd = value & 0xFFFF
        case 0x028: fbrd = value & 0x3F
        case 0x02C: lcrH = value & 0xFF
        case 0x030: cr = value & 0xFFFF
        case 0x034: ifls = value & 0x3F
        case 0x038: imsc = value & 0x7FF
        default: break                             // ICR, DMACR, RSR/ECR
        }
    }
}
