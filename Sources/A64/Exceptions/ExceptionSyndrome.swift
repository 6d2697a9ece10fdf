/// Exception classes (ESR_ELx.EC, ARM ARM D24.2.40 "ESR_EL1") of the
/// exceptions this processor can generate.
public enum ExceptionClass: UInt8, Sendable {
    case unknown = 0x00                 // UNDEFINED and unknown reasons
    case wfxTrap = 0x01                 // WFI/WFE trapped
    case fpAccessTrap = 0x07            // FP/SIMD access trapped by CPACR/CPTR
    case illegalExecutionState = 0x0E
    case svc = 0x15
    case hvc = 0x16
    case smc = 0x17
    case systemRegisterTrap = 0x18      // MSR, MRS, SYS trapped
    case eretTrap = 0x1A                // ERET trapped (HCR_EL2.NV)
    case instructionAbortLower = 0x20
    case instructionAbortSame = 0x21
    case pcAlignment = 0x22
    case dataAbortLower = 0x24
    case dataAbortSame = 0x25
    case spAlignment = 0x26
    case serror = 0x2F
    case brk = 0x3C
}

/// What the preferred return address of a synchronous exception is
/// (ARM ARM D1.3.1 "Preferred exception return address").
public enum PreferredReturn: Sendable {
    /// The instruction that caused it (aborts, traps, UNDEFINED, BRK,
    /// trapped SMC).
    case thisInstruction
    /// The next instruction (SVC, HVC, SMC that are not trapped).
    case nextInstruction
}

/// A synchronous exception on its way to `takeException`: thrown by the
/// instruction that causes it, before it has changed any architectural state.
public struct ExceptionRecord: Sendable, Equatable {
    public var ec: ExceptionClass
    public var iss: UInt32
    /// The exception level it is taken to; 0 means "as routed by
    /// `synchronousExceptionTarget`" (the current EL, or EL1 from EL0, or
    /// EL2 with HCR_EL2.TGE).
    public var targetEL: UInt8
    public var returnTo: PreferredReturn
    /// The faulting virtual address for aborts and PC alignment faults
    /// (written to FAR_ELx).
    public var faultAddress: UInt64?

    public init(_ ec: ExceptionClass, iss: UInt32 = 0, targetEL: UInt8 = 0,
                returnTo: PreferredReturn = .thisInstruction, faultAddress: UInt64? = nil) {
        self.ec = ec; self.iss = iss; self.targetEL = targetEL
        self.returnTo = returnTo; self.faultAddress = faultAddress
    }

    /// The UNDEFINED instruction exception (EC 0x00, ISS 0).
    public static let undefined = ExceptionRecord(.unknown)

    /// ESR_ELx: EC [31:26], IL [25] (1: a 32-bit instruction; RES1 for the
    /// classes without an instruction length), ISS [24:0].
    public var syndrome: UInt64 {
        UInt64(ec.rawValue) << 26 | 1 << 25 | UInt64(iss & 0x1FF_FFFF)
    }

    /// ISS for a trapped MSR, MRS or SYS (EC 0x18, ARM ARM D24.2.40 "ISS
    /// encoding for an exception from MSR, MRS, or System instruction
    /// execution"): Op0 [21:20], Op2 [19:17], Op1 [16:14], CRn [13:10],
    /// Rt [9:5], CRm [4:1], Direction [0] (1 = read).
    public static func systemAccessISS(_ key: SystemRegisterKey, rt: UInt8, isRead: Bool) -> UInt32 {
        key.op0 << 20 | key.op2 << 17 | key.op1 << 14 | key.crn << 10
            | UInt32(rt & 31) << 5 | key.crm << 1 | (isRead ? 1 : 0)
    }

    /// ISS for a trapped WFI/WFE (EC 0x01): CV = 1 and COND = 0b1110 for
    /// AArch64 state, TI [1:0] = 0 for WFI, 1 for WFE.
    public static func wfxISS(isWFE: Bool) -> UInt32 {
        1 << 24 | 0xE << 20 | (isWFE ? 1 : 0)
    }
}
