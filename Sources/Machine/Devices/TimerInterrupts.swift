import A64

/// The wires from each CPU's generic timer outputs to its GIC PPIs (as on
/// QEMU's virt board: CNTP 30, CNTV 27, CNTHP 26, CNTHV 28). The timers are
/// inside the CPUs; the board samples their outputs whenever they can have
/// changed: after a timer register write, and when time reaches a deadline.
public final class TimerInterrupts {
    let gic: GICv3
    /// The levels last given to the GIC, per CPU (bit n: timer n).
    private var levels: [UInt8]
    static let ppis = [Board.TimerPPI.physical, Board.TimerPPI.virtual,
                       Board.TimerPPI.hypervisorPhysical, Board.TimerPPI.hypervisorVirtual]

    init(gic: GICv3, cpuCount: Int) {
        self.gic = gic
        levels = Array(repeating: 0, count: cpuCount)
    }

    /// Gives the GIC the current levels of one CPU's timer interrupts.
    public func update(_ cpu: CPU) {
        let now = cpu.timerOutputs
        let changed = now ^ levels[cpu.index]
        guard changed != 0 else { return }
        levels[cpu.index] = now
        for n in 0..<4 where changed & (1 << n) != 0 {
            gic.setPPI(cpu: cpu.index, intid: Self.ppis[n], level: now & (1 << n) != 0)
        }
    }
}
