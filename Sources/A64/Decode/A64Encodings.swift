/// The A64 decode table: one row per encoding, in the order of the ARM ARM's
/// encoding index (C4.1), each with the manual's encoding diagram as its bit
/// pattern (bit 31 first). Tokens: literal bits `0`/`1`, a one-bit field
/// `name`, or a field `name:width`. The decoder, the disassembler and the
/// tests all read this table; nothing else knows an encoding.
///
/// The `form` says how the row's fields become a `Decoded` value; it may still
/// reject the word (a reserved field value), which makes it UNDEFINED.
public struct EncodingRow {
    public let name: String
    public let pattern: String
    public let form: Form
    public let mask: UInt32
    public let value: UInt32
    public let fields: [(name: String, lsb: Int, width: Int)]

    init(_ name: String, _ pattern: String, _ form: Form) {
        self.name = name
        self.pattern = pattern
        self.form = form
        var mask: UInt32 = 0, value: UInt32 = 0, fields: [(String, Int, Int)] = []
        var bit = 32
        for token in pattern.split(separator: " ") {
            if token.allSatisfy({ $0 == "0" || $0 == "1" }) {
                for ch in token {
                    bit -= 1
                    mask |= 1 << UInt32(bit)
                    if ch == "1" { value |= 1 << UInt32(bit) }
                }
            } else {
                let parts = token.split(separator: ":")
                let width = parts.count > 1 ? Int(parts[1])! : 1
                bit -= width
                fields.append((String(parts[0]), bit, width))
            }
        }
        precondition(bit == 0, "encoding \(name): pattern is not 32 bits")
        self.mask = mask
        self.value = value
        self.fields = fields
    }

    public func matches(_ word: UInt32) -> Bool { word & mask == value }

    public func field(_ name: String, of word: UInt32) -> UInt32? {
        guard let f = fields.first(where: { $0.name == name }) else { return nil }
        return (word >> UInt32(f.lsb)) & ((1 << UInt32(f.width)) - 1)
    }
}

/// How a row's fields become operands (see `Decoder.operands`).
public enum Form {
    case pcRelative(Op)
    case addSubImmediate(Op, setsFlags: Bool)
    case logicalImmediate(Op, setsFlags: Bool)
    case moveWide(Op)
    case bitfield(Op)
    case extract
    case conditionalBranch
    case unconditionalImmediate(Op)
    case branchRegister(Op)
    case compareAndBranch(Op)
    case testAndBranch(Op)
    case exceptionGeneration(Op)
    case noOperands(Op)
    case hint
    case pstateImmediate
    case systemRegisterMove(Op)       // MRS, MSR (register)
    case systemInstruction(Op)        // SYS, SYSL
    case loadStoreImmediate(AddressingForm)
    case loadStoreRegisterOffset
    case loadLiteral
    case loadStorePair(AddressingForm, noAllocate: Bool)
    case exclusive(Op)
    case ordered(Op)
    case compareAndSwap
    case compareAndSwapPair
    case atomicMemory
    case dataProcessing2Source
    case dataProcessing1Source
    case logicalShifted
    case addSubShifted(Op, setsFlags: Bool)
    case addSubExtended(Op, setsFlags: Bool)
    case addSubCarry(Op)
    case conditionalCompare(Op, immediate: Bool)
    case conditionalSelect(Op)
    case dataProcessing3Source
    /// The SIMD&FP rows (FPSIMDEncodings.swift).
    case simd(SIMDForm)
}

public enum AddressingForm {
    case unsignedOffset, unscaled, unprivileged, preIndex, postIndex, signedOffset
}

public let a64Encodings: [EncodingRow] = integerEncodings + fpSIMDEncodings

/// The general-purpose (non-SIMD&FP) rows.
let integerEncodings: [EncodingRow] = [
    // C4.1.86 Data processing - immediate
    EncodingRow("ADR",       "0 immlo:2 10000 immhi:19 Rd:5", .pcRelative(.ADR)),
    EncodingRow("ADRP",      "1 immlo:2 10000 immhi:19 Rd:5", .pcRelative(.ADRP)),
    EncodingRow("ADD_imm",   "sf 0 0 100010 sh imm12:12 Rn:5 Rd:5", .addSubImmediate(.ADD_imm, setsFlags: false)),
    EncodingRow("ADDS_imm",  "sf 0 1 100010 sh imm12:12 Rn:5 Rd:5", .addSubImmediate(.ADDS_imm, setsFlags: true)),
    EncodingRow("SUB_imm",   "sf 1 0 100010 sh imm12:12 Rn:5 Rd:5", .addSubImmediate(.SUB_imm, setsFlags: false)),
    EncodingRow("SUBS_imm",  "sf 1 1 100010 sh imm12:12 Rn:5 Rd:5", .addSubImmediate(.SUBS_imm, setsFlags: true)),
    EncodingRow("AND_imm",   "sf 00 100100 N immr:6 imms:6 Rn:5 Rd:5", .logicalImmediate(.AND_imm, setsFlags: false)),
    EncodingRow("ORR_imm",   "sf 01 100100 N immr:6 imms:6 Rn:5 Rd:5", .logicalImmediate(.ORR_imm, setsFlags: false)),
    EncodingRow("EOR_imm",   "sf 10 100100 N immr:6 imms:6 Rn:5 Rd:5", .logicalImmediate(.EOR_imm, setsFlags: false)),
    EncodingRow("ANDS_imm",  "sf 11 100100 N immr:6 imms:6 Rn:5 Rd:5", .logicalImmediate(.ANDS_imm, setsFlags: true)),
    EncodingRow("MOVN",      "sf 00 100101 hw:2 imm16:16 Rd:5", .moveWide(.MOVN)),
    EncodingRow("MOVZ",      "sf 10 100101 hw:2 imm16:16 Rd:5", .moveWide(.MOVZ)),
    EncodingRow("MOVK",      "sf 11 100101 hw:2 imm16:16 Rd:5", .moveWide(.MOVK)),
    EncodingRow("SBFM",      "sf 00 100110 N immr:6 imms:6 Rn:5 Rd:5", .bitfield(.SBFM)),
    EncodingRow("BFM",       "sf 01 100110 N immr:6 imms:6 Rn:5 Rd:5", .bitfield(.BFM)),
    EncodingRow("UBFM",      "sf 10 100110 N immr:6 imms:6 Rn:5 Rd:5", .bitfield(.UBFM)),
    EncodingRow("EXTR",      "sf 00 100111 N 0 Rm:5 imms:6 Rn:5 Rd:5", .extract),

    // C4.1.87 Branches, exception generating and system instructions
    EncodingRow("B_cond",    "0101010 0 imm19:19 0 cond:4", .conditionalBranch),
    EncodingRow("SVC",       "11010100 000 imm16:16 000 01", .exceptionGeneration(.SVC)),
    EncodingRow("HVC",       "11010100 000 imm16:16 000 10", .exceptionGeneration(.HVC)),
    EncodingRow("SMC",       "11010100 000 imm16:16 000 11", .exceptionGeneration(.SMC)),
    EncodingRow("BRK",       "11010100 001 imm16:16 000 00", .exceptionGeneration(.BRK)),
    EncodingRow("HLT",       "11010100 010 imm16:16 000 00", .exceptionGeneration(.HLT)),
    EncodingRow("HINT",      "1101010100 0 00 011 0010 CRm:4 op2:3 11111", .hint),
    EncodingRow("CLREX",     "1101010100 0 00 011 0011 CRm:4 010 11111", .noOperands(.CLREX)),
    EncodingRow("DSB",       "1101010100 0 00 011 0011 CRm:4 100 11111", .noOperands(.DSB)),
    EncodingRow("DMB",       "1101010100 0 00 011 0011 CRm:4 101 11111", .noOperands(.DMB)),
    EncodingRow("ISB",       "1101010100 0 00 011 0011 CRm:4 110 11111", .noOperands(.ISB)),
    EncodingRow("SB",        "1101010100 0 00 011 0011 0000 111 11111", .noOperands(.SB)),
    EncodingRow("MSR_imm",   "1101010100 0 00 op1:3 0100 CRm:4 op2:3 11111", .pstateImmediate),
    EncodingRow("SYS",       "1101010100 0 01 op1:3 CRn:4 CRm:4 op2:3 Rt:5", .systemInstruction(.SYS)),
    EncodingRow("SYSL",      "1101010100 1 01 op1:3 CRn:4 CRm:4 op2:3 Rt:5", .systemInstruction(.SYSL)),
    EncodingRow("MSR_reg",   "1101010100 0 1 o0 op1:3 CRn:4 CRm:4 op2:3 Rt:5", .systemRegisterMove(.MSR_reg)),
    EncodingRow("MRS",       "1101010100 1 1 o0 op1:3 CRn:4 CRm:4 op2:3 Rt:5", .systemRegisterMove(.MRS)),
    EncodingRow("BR",        "1101011 0000 11111 000000 Rn:5 00000", .branchRegister(.BR)),
    EncodingRow("BLR",       "1101011 0001 11111 000000 Rn:5 00000", .branchRegister(.BLR)),
    EncodingRow("RET",       "1101011 0010 11111 000000 Rn:5 00000", .branchRegister(.RET)),
    EncodingRow("ERET",      "1101011 0100 11111 000000 11111 00000", .noOperands(.ERET)),
    EncodingRow("B",         "0 00101 imm26:26", .unconditionalImmediate(.B)),
    EncodingRow("BL",        "1 00101 imm26:26", .unconditionalImmediate(.BL)),
    EncodingRow("CBZ",       "sf 011010 0 imm19:19 Rt:5", .compareAndBranch(.CBZ)),
    EncodingRow("CBNZ",      "sf 011010 1 imm19:19 Rt:5", .compareAndBranch(.CBNZ)),
    EncodingRow("TBZ",       "b5 011011 0 b40:5 imm14:14 Rt:5", .testAndBranch(.TBZ)),
    EncodingRow("TBNZ",      "b5 011011 1 b40:5 imm14:14 Rt:5", .testAndBranch(.TBNZ)),

    // C4.1.88 Loads and stores
    EncodingRow("STXR",      "size:2 001000 0 0 0 Rs:5 o0 Rt2:5 Rn:5 Rt:5", .exclusive(.STXR)),
    EncodingRow("LDXR",      "size:2 001000 0 1 0 Rs:5 o0 Rt2:5 Rn:5 Rt:5", .exclusive(.LDXR)),
    EncodingRow("STXP",      "1 sz 001000 0 0 1 Rs:5 o0 Rt2:5 Rn:5 Rt:5", .exclusive(.STXP)),
    EncodingRow("LDXP",      "1 sz 001000 0 1 1 Rs:5 o0 Rt2:5 Rn:5 Rt:5", .exclusive(.LDXP)),
    EncodingRow("CASP",      "0 sz 001000 0 L 1 Rs:5 o0 11111 Rn:5 Rt:5", .compareAndSwapPair),
    EncodingRow("STLLR",     "size:2 001000 1 0 0 Rs:5 0 Rt2:5 Rn:5 Rt:5", .ordered(.STLR)),
    EncodingRow("STLR",      "size:2 001000 1 0 0 Rs:5 1 Rt2:5 Rn:5 Rt:5", .ordered(.STLR)),
    EncodingRow("LDLAR",     "size:2 001000 1 1 0 Rs:5 0 Rt2:5 Rn:5 Rt:5", .ordered(.LDAR)),
    EncodingRow("LDAR",      "size:2 001000 1 1 0 Rs:5 1 Rt2:5 Rn:5 Rt:5", .ordered(.LDAR)),
    EncodingRow("CAS",       "size:2 001000 1 L 1 Rs:5 o0 11111 Rn:5 Rt:5", .compareAndSwap),
    EncodingRow("LDR_lit",   "opc:2 011 0 00 imm19:19 Rt:5", .loadLiteral),
    EncodingRow("STNP_LDNP", "opc:2 101 0 000 L imm7:7 Rt2:5 Rn:5 Rt:5", .loadStorePair(.signedOffset, noAllocate: true)),
    EncodingRow("LDP_post",  "opc:2 101 0 001 L imm7:7 Rt2:5 Rn:5 Rt:5", .loadStorePair(.postIndex, noAllocate: false)),
    EncodingRow("LDP_off",   "opc:2 101 0 010 L imm7:7 Rt2:5 Rn:5 Rt:5", .loadStorePair(.signedOffset, noAllocate: false)),
    EncodingRow("LDP_pre",   "opc:2 101 0 011 L imm7:7 Rt2:5 Rn:5 Rt:5", .loadStorePair(.preIndex, noAllocate: false)),
    EncodingRow("LDUR",      "size:2 111 0 00 opc:2 0 imm9:9 00 Rn:5 Rt:5", .loadStoreImmediate(.unscaled)),
    EncodingRow("LDR_post",  "size:2 111 0 00 opc:2 0 imm9:9 01 Rn:5 Rt:5", .loadStoreImmediate(.postIndex)),
    EncodingRow("LDTR",      "size:2 111 0 00 opc:2 0 imm9:9 10 Rn:5 Rt:5", .loadStoreImmediate(.unprivileged)),
    EncodingRow("LDR_pre",   "size:2 111 0 00 opc:2 0 imm9:9 11 Rn:5 Rt:5", .loadStoreImmediate(.preIndex)),
    EncodingRow("ATOMIC",    "size:2 111 0 00 A R 1 Rs:5 o3 opc:3 00 Rn:5 Rt:5", .atomicMemory),
    EncodingRow("LDR_reg",   "size:2 111 0 00 opc:2 1 Rm:5 option:3 S 10 Rn:5 Rt:5", .loadStoreRegisterOffset),
    EncodingRow("LDR_uimm",  "size:2 111 0 01 opc:2 imm12:12 Rn:5 Rt:5", .loadStoreImmediate(.unsignedOffset)),

    // C4.1.89 Data processing - register
    EncodingRow("DP_2src",   "sf 0 0 11010110 Rm:5 opcode:6 Rn:5 Rd:5", .dataProcessing2Source),
    EncodingRow("DP_1src",   "sf 1 0 11010110 00000 opcode:6 Rn:5 Rd:5", .dataProcessing1Source),
    EncodingRow("LOG_shift", "sf opc:2 01010 shift:2 N Rm:5 imm6:6 Rn:5 Rd:5", .logicalShifted),
    EncodingRow("ADD_shift", "sf 0 0 01011 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5", .addSubShifted(.ADD_shift, setsFlags: false)),
    EncodingRow("ADDS_shift","sf 0 1 01011 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5", .addSubShifted(.ADDS_shift, setsFlags: true)),
    EncodingRow("SUB_shift", "sf 1 0 01011 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5", .addSubShifted(.SUB_shift, setsFlags: false)),
    EncodingRow("SUBS_shift","sf 1 1 01011 shift:2 0 Rm:5 imm6:6 Rn:5 Rd:5", .addSubShifted(.SUBS_shift, setsFlags: true)),
    EncodingRow("ADD_ext",   "sf 0 0 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5", .addSubExtended(.ADD_ext, setsFlags: false)),
    EncodingRow("ADDS_ext",  "sf 0 1 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5", .addSubExtended(.ADDS_ext, setsFlags: true)),
    EncodingRow("SUB_ext",   "sf 1 0 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5", .addSubExtended(.SUB_ext, setsFlags: false)),
    EncodingRow("SUBS_ext",  "sf 1 1 01011 00 1 Rm:5 option:3 imm3:3 Rn:5 Rd:5", .addSubExtended(.SUBS_ext, setsFlags: true)),
    EncodingRow("ADC",       "sf 0 0 11010000 Rm:5 000000 Rn:5 Rd:5", .addSubCarry(.ADC)),
    EncodingRow("ADCS",      "sf 0 1 11010000 Rm:5 000000 Rn:5 Rd:5", .addSubCarry(.ADCS)),
    EncodingRow("SBC",       "sf 1 0 11010000 Rm:5 000000 Rn:5 Rd:5", .addSubCarry(.SBC)),
    EncodingRow("SBCS",      "sf 1 1 11010000 Rm:5 000000 Rn:5 Rd:5", .addSubCarry(.SBCS)),
    EncodingRow("CCMN_reg",  "sf 0 1 11010010 Rm:5 cond:4 0 0 Rn:5 0 nzcv:4", .conditionalCompare(.CCMN, immediate: false)),
    EncodingRow("CCMP_reg",  "sf 1 1 11010010 Rm:5 cond:4 0 0 Rn:5 0 nzcv:4", .conditionalCompare(.CCMP, immediate: false)),
    EncodingRow("CCMN_imm",  "sf 0 1 11010010 imm5:5 cond:4 1 0 Rn:5 0 nzcv:4", .conditionalCompare(.CCMN, immediate: true)),
    EncodingRow("CCMP_imm",  "sf 1 1 11010010 imm5:5 cond:4 1 0 Rn:5 0 nzcv:4", .conditionalCompare(.CCMP, immediate: true)),
    EncodingRow("CSEL",      "sf 0 0 11010100 Rm:5 cond:4 0 0 Rn:5 Rd:5", .conditionalSelect(.CSEL)),
    EncodingRow("CSINC",     "sf 0 0 11010100 Rm:5 cond:4 0 1 Rn:5 Rd:5", .conditionalSelect(.CSINC)),
    EncodingRow("CSINV",     "sf 1 0 11010100 Rm:5 cond:4 0 0 Rn:5 Rd:5", .conditionalSelect(.CSINV)),
    EncodingRow("CSNEG",     "sf 1 0 11010100 Rm:5 cond:4 0 1 Rn:5 Rd:5", .conditionalSelect(.CSNEG)),
    EncodingRow("DP_3src",   "sf 00 11011 op31:3 Rm:5 o0 Ra:5 Rn:5 Rd:5", .dataProcessing3Source),
]
