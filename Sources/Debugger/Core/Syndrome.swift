import A64

/// ESR_ELx in words: the exception class (ARM ARM D24.2.40 "ESR_EL1",
/// field EC) and the ISS fields a hypervisor developer reads first.
public enum Syndrome {
    /// The classes this processor raises (A64's `ExceptionClass`), in words.
    static let classNames: [ExceptionClass: String] = [
        .unknown: "Unknown reason (UNDEFINED)", .wfxTrap: "WFI/WFE trapped", .fpAccessTrap: "SIMD/FP access trapped",
        .illegalExecutionState: "Illegal Execution state", .svc: "SVC", .hvc: "HVC", .smc: "SMC",
        .systemRegisterTrap: "MSR/MRS/SYS trapped", .eretTrap: "ERET trapped",
        .instructionAbortLower: "Instruction Abort from a lower EL", .instructionAbortSame: "Instruction Abort (same EL)",
        .pcAlignment: "PC alignment fault", .dataAbortLower: "Data Abort from a lower EL",
        .dataAbortSame: "Data Abort (same EL)", .spAlignment: "SP alignment fault", .serror: "SError", .brk: "BRK",
    ]

    /// The short names `catch exception NAME` accepts.
    public static let catchNames: [String: ExceptionClass] = [
        "unknown": .unknown, "undefined": .unknown, "wfx": .wfxTrap, "fp": .fpAccessTrap,
        "illegal": .illegalExecutionState, "svc": .svc, "hvc": .hvc, "smc": .smc, "sysreg": .systemRegisterTrap,
        "eret": .eretTrap, "iabt-lower": .instructionAbortLower, "iabt": .instructionAbortSame,
        "pc-align": .pcAlignment, "dabt-lower": .dataAbortLower, "dabt": .dataAbortSame,
        "sp-align": .spAlignment, "serror": .serror, "brk": .brk,
    ]

    public static func exceptionClass(_ esr: UInt64) -> UInt64 { (esr >> 26) & 0x3F }

    public static func className(_ ec: UInt64) -> String {
        ExceptionClass(rawValue: UInt8(ec)).flatMap { classNames[$0] } ?? "EC " + hex(ec)
    }

    /// "EC 0x24 Data Abort from a lower EL: write, 8 bytes, X1, Translation fault level 3".
    public static func describe(_ esr: UInt64) -> String {
        let ec = exceptionClass(esr)
        let iss = esr & 0x1FF_FFFF
        var s = "EC \(hex(ec)) \(className(ec))"
        switch ec {
        case 0x15, 0x16, 0x17, 0x3C:
            s += ": imm16 \(hex(iss & 0xFFFF))"
        case 0x18:
            let op0 = (iss >> 20) & 3, op2 = (iss >> 17) & 7, op1 = (iss >> 14) & 7
            let crn = (iss >> 10) & 15, rt = (iss >> 5) & 31, crm = (iss >> 1) & 15, read = iss & 1 == 1
            let key = SystemRegisterKey(op0: UInt32(op0), op1: UInt32(op1), crn: UInt32(crn), crm: UInt32(crm), op2: UInt32(op2))
            let name: String
            if op0 == 1, let i = SystemInstructions.index(of: key) {
                name = SystemInstructions.table[i].name
            } else if let i = SystemRegisters.index(of: key) {
                name = SystemRegisters.table[i].name
            } else {
                name = key.description
            }
            s += op0 == 1 ? ": \(name), X\(rt)" : read ? ": MRS X\(rt), \(name)" : ": MSR \(name), X\(rt)"
        case 0x20, 0x21, 0x24, 0x25:
            let isData = ec >= 0x24
            if isData && iss & (1 << 24) != 0 {
                let size = 1 << ((iss >> 22) & 3), srt = (iss >> 16) & 31
                s += ": \(iss & (1 << 6) != 0 ? "write" : "read"), \(size) bytes, X\(srt)"
            } else if isData {
                s += ": \(iss & (1 << 6) != 0 ? "write" : "read") (no instruction syndrome)"
            }
            if iss & (1 << 7) != 0 { s += ", stage 1 table walk" }
            s += ", " + faultStatus(iss & 0x3F)
        case 0x01:
            s += iss & 1 == 1 ? ": WFE" : ": WFI"
        default:
            if iss != 0 { s += ": ISS \(hex(iss))" }
        }
        return s
    }

    /// DFSC/IFSC (ISS[5:0]) in words.
    public static func faultStatus(_ fsc: UInt64) -> String {
        let level = Int(fsc & 3)
        switch fsc >> 2 {
        case 0: return "Address size fault level \(level)"
        case 1: return "Translation fault level \(level)"
        case 2: return "Access flag fault level \(level)"
        case 3: return "Permission fault level \(level)"
        default:
            switch fsc {
            case 0x10: return "Synchronous External abort"
            case 0x21: return "Alignment fault"
            case 0x30: return "TLB conflict abort"
            default: return "FSC \(hex(fsc))"
            }
        }
    }
}
