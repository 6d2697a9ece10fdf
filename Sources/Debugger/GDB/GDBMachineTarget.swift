import A64
import Machine

/// The machine as the GDB stub sees it: each physical CPU a thread, the
/// registers in GDB's AArch64 numbering (GDBTargetDescription.swift), memory
/// by virtual address through the CPU's current regime, and `monitor`
/// commands answered by the debugger console.
public final class GDBMachineTarget: GDBTarget {
    public let debugger: MachineDebugger
    /// Runs a console command and returns its output (for `monitor`).
    public var monitorHandler: ((String) -> String)?

    /// The system registers QEMU's aarch64 stub also exposes, and the
    /// hypervisor's (CurrentEL is read from PSTATE).
    public var systemRegisterNames: [String] { Self.defaultSystemRegisters }
    public static let defaultSystemRegisters = [
        "CurrentEL", "SCTLR_EL1", "TCR_EL1", "TTBR0_EL1", "TTBR1_EL1", "MAIR_EL1", "VBAR_EL1", "ESR_EL1", "FAR_EL1",
        "ELR_EL1", "SPSR_EL1", "SCTLR_EL2", "TCR_EL2", "TTBR0_EL2", "VBAR_EL2", "ESR_EL2", "FAR_EL2", "HPFAR_EL2",
        "ELR_EL2", "SPSR_EL2", "HCR_EL2", "VTTBR_EL2", "VTCR_EL2",
    ]

    public init(debugger: MachineDebugger) { self.debugger = debugger }

    public var cpuCount: Int { debugger.board.cpus.count }

    public func readRegister(cpu: Int, number: Int) -> [UInt8]? {
        guard cpu < cpuCount else { return nil }
        let c = debugger.board.cpus[cpu]
        switch number {
        case 0...30: return bytes(c.x[number], 8)
        case GDBRegisters.sp: return bytes(c.x[Int(RegisterIndex.sp)], 8)
        case GDBRegisters.pc: return bytes(c.pc, 8)
        case GDBRegisters.cpsr: return bytes(c.pstateAsSPSR(), 4)
        case GDBRegisters.firstVector..<GDBRegisters.fpsr:
            let v = c.v[number - GDBRegisters.firstVector]
            return bytes(v.lo, 8) + bytes(v.hi, 8)
        case GDBRegisters.fpsr: return bytes(UInt64(c.fpsr), 4)
        case GDBRegisters.fpcr: return bytes(UInt64(c.fpcr), 4)
        default:
            let k = number - GDBRegisters.firstSystem
            guard k >= 0 && k < systemRegisterNames.count else { return nil }
            if k == 0 { return bytes(UInt64(c.currentEL) << 2, 8) }
            return bytes(debugger.systemRegister(c, systemRegisterNames[k]), 8)
        }
    }

    public func writeRegister(cpu: Int, number: Int, bytes b: [UInt8]) -> Bool {
        guard cpu < cpuCount else { return false }
        let c = debugger.board.cpus[cpu]
        var v: UInt64 = 0
        for (i, byte) in b.prefix(8).enumerated() { v |= UInt64(byte) << UInt64(8 * i) }
        switch number {
        case 0...30: c.x[number] = v
        case GDBRegisters.sp: c.x[Int(RegisterIndex.sp)] = v
        case GDBRegisters.pc: c.pc = v
        case GDBRegisters.cpsr: c.nzcv = UInt32(truncatingIfNeeded: v) & 0xF000_0000
        case GDBRegisters.firstVector..<GDBRegisters.fpsr:
            guard b.count == 16 else { return false }
            var hi: UInt64 = 0
            for (i, byte) in b[8..<16].enumerated() { hi |= UInt64(byte) << UInt64(8 * i) }
            c.v.base[(number - GDBRegisters.firstVector) * 2] = v
            c.v.base[(number - GDBRegisters.firstVector) * 2 + 1] = hi
        case GDBRegisters.fpsr: c.fpsr = UInt32(truncatingIfNeeded: v) & FPControlBits.fpsrWritable
        case GDBRegisters.fpcr: c.fpcr = UInt32(truncatingIfNeeded: v) & FPControlBits.fpcrWritable
        default:
            let k = number - GDBRegisters.firstSystem
            guard k > 0 && k < systemRegisterNames.count,
                  let i = SystemRegisters.index(named: systemRegisterNames[k]) else { return false }
            c.writeSystemRegister(i, v)
        }
        return true
    }

    public func readMemory(cpu: Int, address: UInt64, length: Int) -> [UInt8]? {
        guard cpu < cpuCount else { return nil }
        return debugger.read(cpu: debugger.board.cpus[cpu], address, count: length, physical: false, cached: true)
    }

    public func writeMemory(cpu: Int, address: UInt64, bytes: [UInt8]) -> Bool {
        guard cpu < cpuCount else { return false }
        return debugger.write(cpu: debugger.board.cpus[cpu], address, bytes, physical: false)
    }

    public func insertBreakpoint(_ kind: GDBBreakpointKind, address: UInt64, length: Int) -> Bool {
        switch kind {
        case .software, .hardware:
            debugger.addBreakpoint(address)
            return true
        case .writeWatch, .readWatch, .accessWatch:
            let k: MachineDebugger.WatchKind = kind == .writeWatch ? .write : kind == .readWatch ? .read : .access
            return debugger.addWatchpoint(address, length: max(1, min(length, 4096)), physical: false, kind: k) != nil
        }
    }

    public func removeBreakpoint(_ kind: GDBBreakpointKind, address: UInt64, length: Int) -> Bool {
        switch kind {
        case .software, .hardware: return debugger.removeBreakpoint(at: address)
        default: return debugger.removeWatchpoint(at: address)
        }
    }

    public func resume(stepCPU: Int?, interrupted: () -> Bool) -> (cpu: Int, stop: GDBStop) {
        let outcome = debugger.resume(stepCPU.map { .step(cpu: $0, count: 1) } ?? .continue, interrupted: interrupted)
        switch outcome {
        case .observerStop(let cpu):
            if debugger.stopDescription.hasPrefix("watchpoint"), let w = debugger.lastWatchpointAddress {
                let k: GDBBreakpointKind = debugger.lastWatchKind == .write ? .writeWatch
                    : debugger.lastWatchKind == .read ? .readWatch : .accessWatch
                return (cpu, .watchpoint(k, address: w))
            }
            return (cpu, .trap)
        case .interrupted: return (debugger.stoppedCPU, .interrupted)
        case .stopped(.guestExit(let code)): return (0, .exited(code: code))
        default: return (0, .exited(code: 1))
        }
    }

    public func monitor(_ command: String) -> String {
        monitorHandler?(command) ?? "no monitor commands\n"
    }

    func bytes(_ v: UInt64, _ n: Int) -> [UInt8] { (0..<n).map { UInt8(truncatingIfNeeded: v >> UInt64(8 * $0)) } }
}
