/// One decoded A64 instruction: what the interpreter's `switch` dispatches on.
///
/// Register operands are already resolved to indexes into `CPU.x` (see
/// `RegisterIndex`): field value 31 becomes the zero register's read slot,
/// its write sink, or the stack pointer, as the encoding says, so the execute
/// code never tests for 31. `a`, `b` and `imm` hold the per-instruction
/// parameters named in each execute function's comment.
public struct Decoded: Equatable {
    public var op: Op = .undecoded
    public var rd: UInt8 = 0      // Rd, or Rt for loads and stores
    public var rn: UInt8 = 0
    public var rm: UInt8 = 0      // Rm, or Rs (status / compare register)
    public var ra: UInt8 = 0      // Ra, or Rt2
    public var sf: Bool = false   // 64-bit operation
    public var a: UInt8 = 0
    public var b: UInt8 = 0
    public var c: UInt8 = 0
    /// Conditional operations in the interpreter's form (B.cond, CSEL,
    /// CSINC, CSINV, CSNEG, CCMN, CCMP): bit NZCV says whether condition `a`
    /// holds (InterpreterForms.swift). In the padding before `imm`.
    public var holds: UInt16 = 0
    /// Where the slot is: its byte offset in its fetch block (the decoded
    /// page or I-cache line), so that a case computes its PC from the
    /// block's address instead of the loop keeping PC per instruction. A
    /// slot keeps it for good: allocation, every reset (`clear`) and every
    /// fill write it. In the padding too. 0 in a `Decoded` not in a block.
    public var at: UInt16 = 0
    /// Unused, but a field: with no padding in the struct, a `Decoded`
    /// passed by value is its fields only. Padding bytes are left out of a
    /// copy, and LLVM carried the word they share with `holds` and `at`
    /// from one iteration of the interpreter's loop to the next, one
    /// register or spill per call site that takes `d.value`.
    var spare: UInt16 = 0
    public var imm: UInt64 = 0

    public init() {}
    public init(_ op: Op) { self.op = op }
    init(_ op: Op, at: Int) { self.op = op; self.at = UInt16(truncatingIfNeeded: at) }

    /// Allocates the decoded slots of `blocks` fetch blocks of `words`
    /// instructions each: every block's slots start `.undecoded` and are
    /// followed by a `.runEnd` slot (a stride of `words + 1`).
    static func allocateBlocks(_ blocks: Int, words: Int) -> UnsafeMutablePointer<Decoded> {
        let stride = words + 1
        let p = UnsafeMutablePointer<Decoded>.allocate(capacity: blocks * stride)
        for b in 0..<blocks {
            clear(p + b * stride, from: 0, count: words)
            (p + b * stride + words).initialize(to: Decoded(.runEnd, at: words << 2))
        }
        return p
    }

    /// Resets `count` slots of a block from its slot `first` to
    /// `.undecoded`, keeping where each one is (`at`). (Also the first
    /// initialisation: `Decoded` is a plain value.)
    static func clear(_ block: UnsafeMutablePointer<Decoded>, from first: Int, count: Int) {
        for i in first..<(first + count) { (block + i).initialize(to: Decoded(.undecoded, at: i << 2)) }
    }
}

/// Indexes into the CPU's register array. X0..X30 are 0...30.
public enum RegisterIndex {
    /// Reads as zero: nothing ever writes this slot.
    public static let zeroRead: UInt8 = 31
    /// Writes to the zero register land here and are never read.
    public static let zeroSink: UInt8 = 32
    /// The current stack pointer (SP_ELx selected by PSTATE.SPSel).
    public static let sp: UInt8 = 33
    public static let count = 34
}

/// The operations the interpreter executes, named after the ARM ARM's
/// instruction pages (C6.2). Aliases (MOV, CMP, LSL...) are not operations:
/// the disassembler prints them from the same decoded form.
public enum Op: UInt16 {
    case undecoded = 0      // slot of the decoded-instruction cache not yet filled
    /// Not an instruction: the slot after a block's last one, or the slot
    /// where the interpreter's budget runs out (patched there for one run).
    /// The interpreter ends its run here, without a compare per instruction.
    case runEnd
    case UNDEFINED          // imm = the instruction word

    // Data processing - immediate (C4.1.86)
    case ADR, ADRP
    case ADD_imm, ADDS_imm, SUB_imm, SUBS_imm
    case AND_imm, ORR_imm, EOR_imm, ANDS_imm
    case MOVN, MOVZ, MOVK
    case SBFM, BFM, UBFM
    case EXTR

    // Branches, exception generating and system instructions (C4.1.87)
    case B_cond, B, BL, BR, BLR, RET, CBZ, CBNZ, TBZ, TBNZ
    case SVC, HVC, SMC, BRK, HLT, ERET
    case NOP, WFE, WFI, SEV, SEVL, CLREX, DMB, DSB, ISB, SB
    case MSR_imm, MRS, MSR_reg, SYS, SYSL

    // Loads and stores (C4.1.88): one op per access and addressing form.
    // _off: base + imm (unsigned offset, unscaled, unprivileged),
    // _pre/_post: writeback, _reg: base + extended, shifted register.
    case STRB_off, STRB_pre, STRB_post, STRB_reg
    case STRH_off, STRH_pre, STRH_post, STRH_reg
    case STRW_off, STRW_pre, STRW_post, STRW_reg
    case STRX_off, STRX_pre, STRX_post, STRX_reg
    case LDRB_off, LDRB_pre, LDRB_post, LDRB_reg
    case LDRH_off, LDRH_pre, LDRH_post, LDRH_reg
    case LDRW_off, LDRW_pre, LDRW_post, LDRW_reg
    case LDRX_off, LDRX_pre, LDRX_post, LDRX_reg
    case LDRSBW_off, LDRSBW_pre, LDRSBW_post, LDRSBW_reg
    case LDRSBX_off, LDRSBX_pre, LDRSBX_post, LDRSBX_reg
    case LDRSHW_off, LDRSHW_pre, LDRSHW_post, LDRSHW_reg
    case LDRSHX_off, LDRSHX_pre, LDRSHX_post, LDRSHX_reg
    case LDRSW_off, LDRSW_pre, LDRSW_post, LDRSW_reg
    case PRFM
    case LDRW_lit, LDRX_lit, LDRSW_lit
    case STPW_off, STPW_pre, STPW_post
    case STPX_off, STPX_pre, STPX_post
    case LDPW_off, LDPW_pre, LDPW_post
    case LDPX_off, LDPX_pre, LDPX_post
    case LDPSW_off, LDPSW_pre, LDPSW_post
    case LDXR, STXR, LDXP, STXP      // a = log2(access size)
    case LDAR, STLR                  // also LDAPR, and LDLAR/STLLR (no LORegions)
    case CAS, CASP
    case LDADD, LDCLR, LDEOR, LDSET, LDSMAX, LDSMIN, LDUMAX, LDUMIN, SWP

    // Data processing - register (C4.1.89)
    case UDIV, SDIV, LSLV, LSRV, ASRV, RORV, CRC32, CRC32C
    case RBIT, REV16, REV32, REV, CLZ, CLS
    case AND_shift, BIC_shift, ORR_shift, ORN_shift, EOR_shift, EON_shift, ANDS_shift, BICS_shift
    case ADD_shift, ADDS_shift, SUB_shift, SUBS_shift
    case ADD_ext, ADDS_ext, SUB_ext, SUBS_ext
    case ADC, ADCS, SBC, SBCS
    case CCMN, CCMP                  // a = cond, b = nzcv, c = 1 for the immediate form
    case CSEL, CSINC, CSINV, CSNEG
    case MADD, MSUB, SMADDL, SMSUBL, SMULH, UMADDL, UMSUBL, UMULH

    // The interpreter's forms (Execute/InterpreterForms.swift): never from
    // `Decoder.decode`, given to a decoded instruction when its slot is
    // filled. The shifted-register forms above with shift type LSL
    // (a = 0; b = the amount), run without the shift-type switch.
    case ADD_lsl, ADDS_lsl, SUB_lsl, SUBS_lsl, AND_lsl, ANDS_lsl, ORR_lsl, EOR_lsl
    // The register-offset loads and stores (_reg) with extend LSL/UXTX
    // (a = 3; b = the amount): address = X[n] + (X[m] << amount).
    case LDRB_lsl, LDRH_lsl, LDRW_lsl, LDRX_lsl, STRB_lsl, STRH_lsl, STRW_lsl, STRX_lsl
    // UBFM and SBFM as their aliases UBFX, UBFIZ, SBFX, SBFIZ (imms >= immr
    // or not), with the masks and shift amounts worked out: UBFX a = immr,
    // imm = Ones(imms - immr + 1); UBFIZ imm = Ones(imms + 1), c = width -
    // immr; SBFX and SBFIZ c = 63 - imms, a = 63 - imms + immr (SBFX) or
    // width - immr (SBFIZ), imm = Ones(width).
    case UBFX, UBFIZ, SBFX, SBFIZ
    // The 64-bit (sf = 1) operations of the most frequent add and subtract
    // forms: no width test.
    case ADDX_imm, SUBX_imm, SUBSX_imm, ADDX_lsl, SUBX_lsl, SUBSX_lsl
    case ADDX_reg, SUBSX_reg         // and with LSL #0: ADD, CMP (registers)
    // ADD (extended register) with a zero-extending (UXTB...UXTX, option
    // < 4) or a sign-extending (SXTB...SXTX) ExtendReg: c = 64 - the
    // extended width; X[m] << c, shifted back by c, is the extension.
    case ADD_uxt, ADD_sxt

    // SIMD&FP (C4.1.90, and the SIMD&FP loads and stores of C4.1.88). Every
    // operation from here on is executed by `CPU.executeFPSIMD`. Fields:
    // rd/rn/rm/ra are V register numbers (general registers are resolved as
    // above where the instruction names one); a = log2 of the element size
    // in bytes; b = the number of elements the operation works on (1 for a
    // scalar); sf = the vector is 128 bits (Q); c = SIMDFlags; imm = a shift,
    // element index or immediate. Scalar and vector forms with the same
    // per-element meaning share an operation.
    case firstFPSIMD
    // Loads and stores: a = log2 of the register size (0 B ... 4 Q).
    case LDRV_off, LDRV_pre, LDRV_post, LDRV_reg, LDRV_lit
    case STRV_off, STRV_pre, STRV_post, STRV_reg
    case LDPV_off, LDPV_pre, LDPV_post, STPV_off, STPV_pre, STPV_post
    // LD1-LD4 / ST1-ST4: b = registers, c = SIMDFlags, imm = structure
    // elements (1-4) and, for the single-structure forms, the lane.
    case LDn_multiple, STn_multiple, LDn_single, STn_single, LDnR
    // Floating-point data processing (scalar).
    case FMOV_reg, FABS, FNEG, FSQRT, FCVT_fp
    case FRINTN, FRINTP, FRINTM, FRINTZ, FRINTA, FRINTX, FRINTI
    case FMUL, FDIV, FADD, FSUB, FMAX, FMIN, FMAXNM, FMINNM, FNMUL
    case FMADD, FMSUB, FNMADD, FNMSUB
    case FCMP, FCCMP, FCSEL, FMOV_imm, FMOV_toGeneral, FMOV_fromGeneral
    case FCVTNS, FCVTNU, FCVTPS, FCVTPU, FCVTMS, FCVTMU, FCVTZS, FCVTZU, FCVTAS, FCVTAU
    case SCVTF, UCVTF
    // Advanced SIMD three same (integer, logical, floating-point).
    case SHADD, UHADD, SQADD, UQADD, SRHADD, URHADD, SHSUB, UHSUB, SQSUB, UQSUB
    case CMGT, CMHI, CMGE, CMHS, CMTST, CMEQ
    case SSHL, USHL, SQSHL, UQSHL, SRSHL, URSHL, SQRSHL, UQRSHL
    case SMAX, UMAX, SMIN, UMIN, SABD, UABD, SABA, UABA
    case ADD_vec, SUB_vec, MLA, MLS, MUL_vec, PMUL
    case SMAXP, UMAXP, SMINP, UMINP, ADDP, SQDMULH, SQRDMULH
    case AND_vec, BIC_vec, ORR_vec, ORN_vec, EOR_vec, BSL, BIT, BIF
    case FMLA, FMLS, FMULX, FCMEQ, FCMGE, FCMGT, FACGE, FACGT, FABD, FRECPS, FRSQRTS
    case FADDP, FMAXP, FMINP, FMAXNMP, FMINNMP
    // Three different: a = the size of the narrower elements.
    case SADDL, UADDL, SADDW, UADDW, SSUBL, USUBL, SSUBW, USUBW
    case ADDHN, RADDHN, SUBHN, RSUBHN, SABAL, UABAL, SABDL, UABDL
    case SMLAL, UMLAL, SMLSL, UMLSL, SMULL, UMULL, SQDMLAL, SQDMLSL, SQDMULL, PMULL
    // Two-register miscellaneous.
    case REV64, REV32_vec, REV16_vec, SADDLP, UADDLP, SADALP, UADALP, SUQADD, USQADD
    case CLS_vec, CLZ_vec, CNT, NOT, RBIT_vec, SQABS, SQNEG, ABS, NEG
    case CMGT_zero, CMEQ_zero, CMLT_zero, CMGE_zero, CMLE_zero
    case XTN, SQXTN, UQXTN, SQXTUN, SHLL
    case FCVTN, FCVTL, FCVTXN
    case FCMGT_zero, FCMEQ_zero, FCMLT_zero, FCMGE_zero, FCMLE_zero
    case URECPE, URSQRTE, FRECPE, FRSQRTE, FRECPX
    // Across lanes.
    case SADDLV, UADDLV, SMAXV, UMAXV, SMINV, UMINV, ADDV, FMAXNMV, FMINNMV, FMAXV, FMINV
    // Copy, permute, table lookup, extract, modified immediate.
    case DUP_element, DUP_general, INS_general, INS_element, UMOV, SMOV
    case TBL, TBX, UZP1, UZP2, TRN1, TRN2, ZIP1, ZIP2, EXT
    case MOVI, ORR_vecimm, BIC_vecimm       // MVNI and FMOV (vector) are MOVI of the final value
    // Shift by immediate (imm = the shift; SCVTF, UCVTF, FCVTZS, FCVTZU
    // take their fraction bits in imm too).
    case SSHR, USHR, SSRA, USRA, SRSHR, URSHR, SRSRA, URSRA, SHL, SLI, SRI
    case SQSHL_imm, UQSHL_imm, SQSHLU
    case SHRN, RSHRN, SQSHRN, UQSHRN, SQRSHRN, UQRSHRN, SQSHRUN, SQRSHRUN, SSHLL, USHLL
}

/// `Decoded.c` of SIMD&FP operations.
public enum SIMDFlags {
    /// The "2" forms: the upper half of the narrow (source or destination) vector.
    public static let upper: UInt8 = 1
    /// The by-element forms: operand 2 is element `imm` of Vm, replicated.
    public static let byElement: UInt8 = 2
    /// A scalar form (elements = 1, results zero-extend into the register).
    public static let scalar: UInt8 = 4
    /// A conversion to or from a general-purpose register (Rd / Rn is an X or W).
    public static let general: UInt8 = 8
    /// Load/store structures with post-index writeback (imm or Rm).
    public static let postIndex: UInt8 = 16
    /// FCMP/FCCMP: signalling compare (FCMPE); FCMP: compare with zero.
    public static let signalling: UInt8 = 32
    public static let withZero: UInt8 = 64
}
