import A64

/// `--trace-hash`: one 64-bit hash of the whole instruction trace — before
/// each instruction, the CPU that runs it, its PC, NZCV, SP and X0-X30, in
/// the order the scheduler ran the CPUs. Two runs with the same ELF,
/// options and `--seed` must give the same hash (DESIGN.md: determinism);
/// any difference in interleaving, in a value computed or in a branch taken
/// changes it. Registers before an instruction are what the one before it
/// left, so every result is covered except the last instruction's.
public struct TraceHash {
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325
    public private(set) var instructions: UInt64 = 0

    public init() {}

    /// A 64-bit mix (the finaliser of splitmix64): every input bit reaches
    /// every output bit, so a reordering or a changed value shows.
    @inline(__always) private static func mix(_ h: UInt64, _ v: UInt64) -> UInt64 {
        var z = (h ^ v) &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func add(_ cpu: CPU, pc: UInt64) {
        var h = Self.mix(value, pc ^ UInt64(cpu.index) << 56)
        h = Self.mix(h, UInt64(cpu.nzcv) | UInt64(cpu.currentEL) << 32)
        let x = cpu.x
        for r in 0..<31 { h = Self.mix(h, x[r]) }
        h = Self.mix(h, x[Int(RegisterIndex.sp)])
        value = h
        instructions &+= 1
    }
}
