/// The vocabulary of address translation (ARM ARM D8, pseudocode
/// AArch64.FullTranslate and its types): regimes, access kinds, faults,
/// memory attributes.

/// Translation regimes of a PE without EL3 (D8.1.2).
public enum TranslationRegime: UInt8, Sendable, CustomStringConvertible {
    case el10 = 0       // EL1&0, with stage 2 when EL2 enables it
    case el2 = 1        // EL2, HCR_EL2.E2H = 0
    case el20 = 2       // EL2&0, HCR_EL2.E2H = 1
    public var description: String { ["EL1&0", "EL2", "EL2&0"][Int(rawValue)] }
    /// Regimes with two VA ranges (TTBR0 and TTBR1) and ASIDs.
    var hasTwoRanges: Bool { self != .el2 }
}

/// What an access is for: permissions and fault reporting depend on it.
public enum AccessKind: UInt8, Sendable {
    case read, write, fetch
}

/// The faults of the VMSA (D8.14), each with its fault status code.
public enum FaultKind: UInt8, Sendable {
    case addressSize, translation, accessFlag, permission, alignment
    case externalAbort            // an access to a physical address with nothing behind it
    case externalAbortOnWalk      // the same, for a translation table descriptor
}

/// A fault found by translation or by the memory system, before it becomes
/// an exception: the interpreter turns it into a Data or Instruction Abort
/// with the instruction syndrome of the access that caused it.
public struct TranslationFault: Error, Equatable, Sendable {
    public var kind: FaultKind
    public var level: Int
    /// Found at stage 2 (taken to EL2, with HPFAR_EL2).
    public var stage2: Bool
    /// Found at stage 2 while walking stage 1's tables (ESR.S1PTW).
    public var s1ptw: Bool
    public var access: AccessKind
    public var va: UInt64
    /// The IPA that faulted at stage 2 (for HPFAR_EL2).
    public var ipa: UInt64
    /// Raised by a cache maintenance instruction (ESR.CM).
    public var cacheMaintenance = false

    public init(_ kind: FaultKind, level: Int, stage2: Bool = false, s1ptw: Bool = false,
                access: AccessKind, va: UInt64, ipa: UInt64 = 0) {
        self.kind = kind; self.level = level; self.stage2 = stage2; self.s1ptw = s1ptw
        self.access = access; self.va = va; self.ipa = ipa
    }

    /// DFSC/IFSC (ESR_ELx ISS[5:0], D24.2.40): 0b0000LL address size,
    /// 0b0001LL translation, 0b0010LL access flag, 0b0011LL permission,
    /// 0b010000 synchronous External abort, 0b0101LL External abort on a
    /// table walk, 0b100001 alignment.
    public var faultStatusCode: UInt32 {
        let l = UInt32(max(0, min(3, level)))
        switch kind {
        case .addressSize: return 0b00_0000 | l
        case .translation: return 0b00_0100 | l
        case .accessFlag: return 0b00_1000 | l
        case .permission: return 0b00_1100 | l
        case .alignment: return 0b10_0001
        case .externalAbort: return 0b01_0000
        case .externalAbortOnWalk: return 0b01_0100 | l
        }
    }
}

/// The memory attributes a translation gives (D8.6): the MAIR_ELx encoding
/// of the memory type and cacheability (stage 1 and stage 2 combined), and
/// the shareability (SH field encoding).
public struct MemoryAttributes: Equatable, Sendable {
    /// 0b0000dd00: Device (dd: nGnRnE, nGnRE, nGRE, GRE); otherwise Normal
    /// with Outer [7:4] and Inner [3:0] cacheability.
    public var mair: UInt8
    public var shareability: UInt8

    public init(mair: UInt8, shareability: UInt8) { self.mair = mair; self.shareability = shareability }

    public var isDevice: Bool { mair & 0xF0 == 0 }
    public static let deviceNGnRnE = MemoryAttributes(mair: 0x00, shareability: 0b10)
    /// Normal, Inner and Outer Write-Back, Read/Write-Allocate, non-transient.
    public static let normalWriteBack = MemoryAttributes(mair: 0xFF, shareability: 0b11)
}

/// Access permissions a translation grants, one bit per (EL, access).
/// Stage 1 and stage 2 are kept apart so that a permission fault can be
/// reported at the stage that refused.
public struct Permissions: OptionSet, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let el0Read = Permissions(rawValue: 1 << 0)
    public static let el0Write = Permissions(rawValue: 1 << 1)
    public static let el0Execute = Permissions(rawValue: 1 << 2)
    public static let privilegedRead = Permissions(rawValue: 1 << 3)
    public static let privilegedWrite = Permissions(rawValue: 1 << 4)
    public static let privilegedExecute = Permissions(rawValue: 1 << 5)
    public static let all = Permissions(rawValue: 0x3F)

    /// Whether `access` from `el` is allowed (EL1 and EL2 are "privileged").
    @inline(__always) func allows(_ access: AccessKind, el: UInt8) -> Bool {
        let shift: UInt8 = el == 0 ? 0 : 3
        return rawValue & (1 << (shift + access.rawValue)) != 0
    }
}
