/// The shape of one cache: line size, sets and ways (what CCSIDR_EL1
/// describes, ARM ARM D24.2.32).
public struct CacheGeometry: Equatable, Sendable, CustomStringConvertible {
    public var lineSize: Int
    public var sets: Int
    public var ways: Int

    public init(lineSize: Int, sets: Int, ways: Int) {
        self.lineSize = lineSize; self.sets = sets; self.ways = ways
    }

    public var size: Int { lineSize * sets * ways }
    public var lineShift: Int { lineSize.trailingZeroBitCount }
    public var description: String { "\(size / 1024)K,\(ways)way,\(lineSize)B" }

    /// Parses "64K,4way,64B" (size, associativity, line size). Line sizes
    /// 16 to 2048 bytes, powers of two; sets a power of two.
    public init?(parsing text: String) {
        let parts = text.lowercased().split(separator: ",").map(String.init)
        guard parts.count == 3 else { return nil }
        func number(_ s: String, suffix: String) -> Int? {
            guard s.hasSuffix(suffix) else { return nil }
            return Int(s.dropLast(suffix.count))
        }
        var sizeText = parts[0]
        var scale = 1
        if sizeText.hasSuffix("k") { scale = 1024; sizeText.removeLast() }
        else if sizeText.hasSuffix("m") { scale = 1 << 20; sizeText.removeLast() }
        guard let n = Int(sizeText), let ways = number(parts[1], suffix: "way"),
              let line = number(parts[2], suffix: "b") else { return nil }
        let size = n * scale
        guard ways >= 1, ways <= 1024, line >= 16, line <= 2048, line & (line - 1) == 0,
              size % (ways * line) == 0 else { return nil }
        let sets = size / (ways * line)
        guard sets >= 1, sets & (sets - 1) == 0, sets <= 1 << 15 else { return nil }
        self.init(lineSize: line, sets: sets, ways: ways)
    }

    /// CCSIDR_EL1 without FEAT_CCIDX: LineSize [2:0] = log2(bytes) - 4,
    /// Associativity [12:3] = ways - 1, NumSets [27:13] = sets - 1.
    public var ccsidr: UInt64 {
        UInt64(lineShift - 4) | UInt64(ways - 1) << 3 | UInt64(sets - 1) << 13
    }
}

/// I-cache lookup and tagging policy (CTR_EL0.L1Ip, arch-notes.md 2.3).
public enum InstructionCachePolicy: String, Sendable {
    /// Physically indexed, physically tagged (L1Ip 0b11).
    case pipt
    /// Virtually indexed, physically tagged (L1Ip 0b10): aliases when a way
    /// is larger than a page.
    case vipt
    /// VMID-aware PIPT (L1Ip 0b00, Armv8.2 until the 2023 architecture,
    /// now reserved): kept as a legacy policy to reproduce KVM's bug.
    case vpipt

    public var ctrL1Ip: UInt64 {
        switch self { case .pipt: return 0b11; case .vipt: return 0b10; case .vpipt: return 0b00 }
    }
}

/// Everything configurable about the caches; the defaults are the
/// IMPLEMENTATION DEFINED choices of the emulated machine, named here once.
public struct CacheConfiguration: Sendable {
    /// Off: memory is coherent (QEMU-like) and nothing is ever stale.
    public var enabled = false
    /// The L1 instruction cache of each CPU (IMPLEMENTATION DEFINED: 32 KiB,
    /// 4 ways, 64-byte lines).
    public var icache = CacheGeometry(lineSize: 64, sets: 128, ways: 4)
    /// The L1 data cache of each CPU (32 KiB, 4 ways, 64-byte lines).
    public var dcache = CacheGeometry(lineSize: 64, sets: 128, ways: 4)
    /// The shared unified level 2, the point of unification (256 KiB,
    /// 8 ways, 64-byte lines). Memory is the point of coherency.
    public var l2 = CacheGeometry(lineSize: 64, sets: 512, ways: 8)
    public var icachePolicy = InstructionCachePolicy.pipt
    /// CTR_EL0.IDC: data writes need no clean to the PoU for instruction
    /// fetches to see them (the L1 data cache is then at the PoU).
    public var idc = false
    /// CTR_EL0.DIC: instruction fetches are coherent with data (no I-cache
    /// invalidation needed; the I-cache is not modelled).
    public var dic = false
    /// FEAT_S2FWB advertised (ID_AA64MMFR2_EL1.FWB).
    public var fwb = false
    /// A fetch with the stage 1 MMU off (Non-cacheable or Write-Through)
    /// may allocate into the I-cache (D7.5.7; seed 003): IMPLEMENTATION
    /// DEFINED, on by default.
    public var allocateOnNonCacheableFetch = true
    /// Seeds the replacement choices.
    public var seed: UInt64 = 0

    public init() {}

    /// The line size every maintenance by VA uses: the smallest line.
    public var minimumDataLine: Int { min(dcache.lineSize, l2.lineSize) }
}
