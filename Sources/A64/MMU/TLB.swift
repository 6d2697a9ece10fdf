/// One entry of the modelled TLB (ARM ARM D8.16): a translation that did not
/// fault, tagged as the architecture allows hardware to tag it.
public struct TLBEntry: Equatable, Sendable {
    public enum Kind: UInt8, Sendable {
        /// VA -> PA with stage 1 information (and stage 2's folded in when
        /// stage 2 was enabled): what TLBI VAE1, VMALLE1, ... remove.
        case combined
        /// IPA -> PA of stage 2 alone: what TLBI IPAS2E1 removes (also used
        /// for stage 1's table walks).
        case stage2
    }
    public var kind: Kind
    public var regime: TranslationRegime
    /// The VMID (EL1&0 when EL2 is implemented), else 0.
    public var vmid: UInt16
    /// The ASID of a non-global entry, else 0.
    public var asid: UInt16
    public var global: Bool
    /// The input address (VA, or IPA for stage-2 entries) the entry starts
    /// at, and log2 of the size it covers.
    public var inputBase: UInt64
    public var sizeShift: UInt8
    /// The level of the descriptor it came from (the last level of stage 1
    /// for combined entries).
    public var level: UInt8
    public var outputBase: UInt64
    /// For combined entries with stage 2: the IPA of `inputBase` (HPFAR_EL2
    /// on a stage-2 permission fault).
    public var ipaBase: UInt64
    public var stage1: Permissions
    public var stage2: Permissions
    /// The level of the stage 2 descriptor (a stage 2 permission fault
    /// reports it).
    public var stage2Level: UInt8
    public var attributes: MemoryAttributes

    /// log2 of the stage-1 block or page this entry came from: larger than
    /// `sizeShift` when a smaller stage 2 split a stage-1 block into several
    /// entries.  TLBI by VA matches against it: an invalidation by any
    /// address of a stage-1 block removes every entry the block gave rise to
    /// (D8.17, TLB maintenance by VA of a block; guests invalidate a huge
    /// page with one TLBI whatever the stage 2 page size is).
    public var stage1SizeShift: UInt8 = 0

    public var size: UInt64 { 1 << UInt64(sizeShift) }
    @inline(__always) func covers(_ address: UInt64) -> Bool {
        (address ^ inputBase) >> UInt64(sizeShift) == 0
    }
    /// Whether a TLBI by VA of `address` reaches this entry.
    @inline(__always) func coveredByInvalidation(of address: UInt64) -> Bool {
        (address ^ inputBase) >> UInt64(max(sizeShift, stage1SizeShift)) == 0
    }
}

/// The tag of a lookup: which entries may translate an address now.
struct TLBContext: Equatable {
    var regime: TranslationRegime
    var vmid: UInt16
    var asid: UInt16
}

/// A PE's TLB (D8.16): set-associative, tagged by regime, VMID, ASID and
/// nG. An entry leaves only when a TLBI that covers it removes it, or when
/// its set is full and a seeded choice evicts it (`ImpDef.tlbEntries`,
/// `tlbWays`). Changing a descriptor in memory changes nothing here.
public final class TLB {
    public let sets: Int
    public let ways: Int
    var slots: [TLBEntry?]
    /// A bit per entry size (log2) present, so lookups probe only those.
    var sizesPresent: UInt64 = 0
    var generator: UInt64
    /// Called when entries have left (a TLBI): the CPU drops what its
    /// software TLB derived from the TLB.
    var onRemove: (() -> Void)?
    /// Called with an entry that left on its own (a full set evicted it, or
    /// a TLBI by address removed it): the CPU drops what its software TLB
    /// derived from that entry.
    var onEvict: ((TLBEntry) -> Void)?
    /// Some entry came from a stage-1 block larger than itself (a smaller
    /// stage 2 split it): a TLBI by an address of the block reaches entries
    /// outside the sets of that address, so it looks at every set.
    var holdsSplitEntries = false
    public private(set) var evictions: UInt64 = 0

    public init(entries: Int, ways: Int, seed: UInt64) {
        self.ways = max(1, ways)
        sets = max(1, entries / max(1, ways))
        slots = Array(repeating: nil, count: sets * self.ways)
        generator = seed ^ 0x5DEE_CE66_D1CE_5EED
    }

    public var entries: [TLBEntry] { slots.compactMap { $0 } }

    @inline(__always) private func set(of address: UInt64, sizeShift: UInt8) -> Int {
        let page = address >> UInt64(sizeShift)
        let h = (page ^ UInt64(sizeShift) &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        return Int((h >> 32) % UInt64(sets))
    }

    /// The entry of `kind` that translates `address` in `context`, if any.
    func lookup(_ kind: TLBEntry.Kind, _ address: UInt64, _ context: TLBContext) -> TLBEntry? {
        var sizes = sizesPresent
        while sizes != 0 {
            let shift = UInt8(sizes.trailingZeroBitCount)
            sizes &= sizes &- 1
            let base = set(of: address, sizeShift: shift) * ways
            for w in 0..<ways {
                guard let e = slots[base + w] else { continue }
                if e.sizeShift == shift && e.kind == kind && e.covers(address) && e.regime == context.regime
                    && e.vmid == context.vmid && (e.global || e.asid == context.asid) {
                    return e
                }
            }
        }
        return nil
    }

    /// Caches a translation; a full set loses a seeded choice of its entries.
    func insert(_ entry: TLBEntry) {
        let base = set(of: entry.inputBase, sizeShift: entry.sizeShift) * ways
        var free = -1
        for w in 0..<ways {
            guard let e = slots[base + w] else { if free < 0 { free = w }; continue }
            if e.kind == entry.kind && e.regime == entry.regime && e.vmid == entry.vmid
                && e.global == entry.global && (e.global || e.asid == entry.asid)
                && e.inputBase == entry.inputBase && e.sizeShift == entry.sizeShift {
                slots[base + w] = entry     // the same translation again: refresh it
                return
            }
        }
        if free < 0 {
            generator = generator &* 6364136223846793005 &+ 1442695040888963407
            free = Int((generator >> 33) % UInt64(ways))
            if let old = slots[base + free] { evictions &+= 1; onEvict?(old) }
        }
        slots[base + free] = entry
        sizesPresent |= 1 << UInt64(entry.sizeShift)
        if entry.kind == .combined && entry.stage1SizeShift > entry.sizeShift { holdsSplitEntries = true }
    }

    /// Removes the entries `matches` selects among those that may translate
    /// `address` (a TLBI by VA or IPA: `matches` tests the address too):
    /// for each entry size present, the ways of the set that address falls
    /// in, instead of every set. Returns how many.
    @discardableResult
    func invalidate(at address: UInt64, where matches: (TLBEntry) -> Bool) -> Int {
        if holdsSplitEntries { return invalidate(where: matches) }
        var n = 0
        var sizes = sizesPresent
        while sizes != 0 {
            let shift = UInt8(sizes.trailingZeroBitCount)
            sizes &= sizes &- 1
            let base = set(of: address, sizeShift: shift) * ways
            for w in 0..<ways {
                if let e = slots[base + w], matches(e) {
                    slots[base + w] = nil
                    n += 1
                    onEvict?(e)
                }
            }
        }
        return n
    }

    /// Removes every entry `matches` selects (a TLBI); returns how many.
    @discardableResult
    func invalidate(where matches: (TLBEntry) -> Bool) -> Int {
        var n = 0
        for i in slots.indices {
            if let e = slots[i], matches(e) {
                slots[i] = nil
                n += 1
            }
        }
        if n > 0 { onRemove?() }
        return n
    }
}
