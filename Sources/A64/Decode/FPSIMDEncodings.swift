/// The SIMD&FP rows of the A64 decode table (ARM ARM C4.1.90 "Data
/// Processing -- Scalar Floating-Point and Advanced SIMD", and the SIMD&FP
/// loads and stores of C4.1.88), in the same format as `a64Encodings`.
/// Families that differ only in U and opcode are written as data lists and
/// expanded to one row per instruction. Not implemented, so UNDEFINED (and
/// not advertised in the ID registers): FEAT_FP16 arithmetic, FEAT_RDM,
/// FEAT_DotProd, FEAT_FHM, FEAT_JSCVT, FEAT_FCMA, FEAT_FRINTTS, BFloat16
/// and the cryptographic extensions.

/// How a SIMD&FP row's fields become operands (see `Decoder.simdOperands`).
public enum SIMDForm {
    case threeSame(Op, SizeRule)
    case threeDifferent(Op, SizeRule)
    case twoRegisterMisc(Op, SizeRule)
    case acrossLanes(Op, SizeRule)
    case pairwiseScalar(Op, SizeRule)
    case indexedElement(Op, SizeRule)
    case shiftImmediate(Op, ShiftRule)
    case copy(Op)
    case tableLookup(Op)
    case permute(Op)
    case extract
    case modifiedImmediate
    case loadStoreMultiple
    case loadStoreSingle(replicate: Bool)
    case loadStoreRegister(AddressingForm)
    case loadStoreRegisterOffset
    case loadStorePair(AddressingForm)
    case loadLiteral
    case fpFixedConversion(Op)
    case fpIntegerConversion(Op)
    case fpDataProcessing1(Op)
    case fpCompare
    case fpImmediate
    case fpConditionalCompare
    case fpDataProcessing2(Op)
    case fpConditionalSelect
    case fpDataProcessing3(Op)
}

/// Which element sizes (the `size` field, or `sz` for floating point) and
/// vector lengths an instruction allows; the others are reserved.
public enum SizeRule {
    /// B, H, S, D; a 64-bit vector of D elements is reserved.
    case bhsd
    case bhs
    case hs
    case bh
    case b
    /// Bytes, the size field being part of the opcode (the logical ops).
    case bytes
    /// Scalar D only.
    case d
    /// Floating point: sz = 0 single, 1 double (a 64-bit vector of doubles
    /// is reserved).
    case fp
    /// Floating point, single only, 128-bit vector (FMAXV and friends).
    case fpS4
    /// Floating point, single only, either vector length (URECPE, URSQRTE).
    case fpS
    /// Floating point, double only (FCVTXN scalar).
    case fpD
    /// FCVTN/FCVTL: sz = 0 half<->single, 1 single<->double.
    case fpConvert
}

/// The element sizes a shift by immediate allows (from immh).
public enum ShiftRule {
    case rightAny, leftAny, narrow, long, fpConvert
}

private func simd(_ name: String, _ pattern: String, _ form: SIMDForm) -> EncodingRow {
    EncodingRow(name, pattern, .simd(form))
}

// Advanced SIMD three same: U, opcode, operation, allowed sizes.
private let threeSameInteger: [(String, String, String, Op, SizeRule)] = [
    ("SHADD", "0", "00000", .SHADD, .bhs), ("UHADD", "1", "00000", .UHADD, .bhs),
    ("SQADD", "0", "00001", .SQADD, .bhsd), ("UQADD", "1", "00001", .UQADD, .bhsd),
    ("SRHADD", "0", "00010", .SRHADD, .bhs), ("URHADD", "1", "00010", .URHADD, .bhs),
    ("SHSUB", "0", "00100", .SHSUB, .bhs), ("UHSUB", "1", "00100", .UHSUB, .bhs),
    ("SQSUB", "0", "00101", .SQSUB, .bhsd), ("UQSUB", "1", "00101", .UQSUB, .bhsd),
    ("CMGT", "0", "00110", .CMGT, .bhsd), ("CMHI", "1", "00110", .CMHI, .bhsd),
    ("CMGE", "0", "00111", .CMGE, .bhsd), ("CMHS", "1", "00111", .CMHS, .bhsd),
    ("SSHL", "0", "01000", .SSHL, .bhsd), ("USHL", "1", "01000", .USHL, .bhsd),
    ("SQSHL", "0", "01001", .SQSHL, .bhsd), ("UQSHL", "1", "01001", .UQSHL, .bhsd),
    ("SRSHL", "0", "01010", .SRSHL, .bhsd), ("URSHL", "1", "01010", .URSHL, .bhsd),
    ("SQRSHL", "0", "01011", .SQRSHL, .bhsd), ("UQRSHL", "1", "01011", .UQRSHL, .bhsd),
    ("SMAX", "0", "01100", .SMAX, .bhs), ("UMAX", "1", "01100", .UMAX, .bhs),
    ("SMIN", "0", "01101", .SMIN, .bhs), ("UMIN", "1", "01101", .UMIN, .bhs),
    ("SABD", "0", "01110", .SABD, .bhs), ("UABD", "1", "01110", .UABD, .bhs),
    ("SABA", "0", "01111", .SABA, .bhs), ("UABA", "1", "01111", .UABA, .bhs),
    ("ADD_vec", "0", "10000", .ADD_vec, .bhsd), ("SUB_vec", "1", "10000", .SUB_vec, .bhsd),
    ("CMTST", "0", "10001", .CMTST, .bhsd), ("CMEQ", "1", "10001", .CMEQ, .bhsd),
    ("MLA", "0", "10010", .MLA, .bhs), ("MLS", "1", "10010", .MLS, .bhs),
    ("MUL_vec", "0", "10011", .MUL_vec, .bhs), ("PMUL", "1", "10011", .PMUL, .b),
    ("SMAXP", "0", "10100", .SMAXP, .bhs), ("UMAXP", "1", "10100", .UMAXP, .bhs),
    ("SMINP", "0", "10101", .SMINP, .bhs), ("UMINP", "1", "10101", .UMINP, .bhs),
    ("SQDMULH", "0", "10110", .SQDMULH, .hs), ("SQRDMULH", "1", "10110", .SQRDMULH, .hs),
    ("ADDP", "0", "10111", .ADDP, .bhsd),
]
// The logical ops take their operation from the size field.
private let threeSameLogical: [(String, String, String, Op)] = [
    ("AND_vec", "0", "00", .AND_vec), ("BIC_vec", "0", "01", .BIC_vec),
    ("ORR_vec", "0", "10", .ORR_vec), ("ORN_vec", "0", "11", .ORN_vec),
    ("EOR_vec", "1", "00", .EOR_vec), ("BSL", "1", "01", .BSL),
    ("BIT", "1", "10", .BIT), ("BIF", "1", "11", .BIF),
]
// Floating point: U, a (size<1>), opcode.
private let threeSameFP: [(String, String, String, String, Op)] = [
    ("FMAXNM", "0", "0", "11000", .FMAXNM), ("FMLA", "0", "0", "11001", .FMLA),
    ("FADD", "0", "0", "11010", .FADD), ("FMULX", "0", "0", "11011", .FMULX),
    ("FCMEQ", "0", "0", "11100", .FCMEQ), ("FMAX", "0", "0", "11110", .FMAX),
    ("FRECPS", "0", "0", "11111", .FRECPS),
    ("FMINNM", "0", "1", "11000", .FMINNM), ("FMLS", "0", "1", "11001", .FMLS),
    ("FSUB", "0", "1", "11010", .FSUB), ("FMIN", "0", "1", "11110", .FMIN),
    ("FRSQRTS", "0", "1", "11111", .FRSQRTS),
    ("FMAXNMP", "1", "0", "11000", .FMAXNMP), ("FADDP", "1", "0", "11010", .FADDP),
    ("FMUL", "1", "0", "11011", .FMUL), ("FCMGE", "1", "0", "11100", .FCMGE),
    ("FACGE", "1", "0", "11101", .FACGE), ("FMAXP", "1", "0", "11110", .FMAXP),
    ("FDIV", "1", "0", "11111", .FDIV),
    ("FMINNMP", "1", "1", "11000", .FMINNMP), ("FABD", "1", "1", "11010", .FABD),
    ("FCMGT", "1", "1", "11100", .FCMGT), ("FACGT", "1", "1", "11101", .FACGT),
    ("FMINP", "1", "1", "11110", .FMINP),
]
// The scalar forms that exist (AdvSIMD scalar three same).
private let scalarThreeSameInteger: [(String, String, String, Op, SizeRule)] = [
    ("SQADD", "0", "00001", .SQADD, .bhsd), ("UQADD", "1", "00001", .UQADD, .bhsd),
    ("SQSUB", "0", "00101", .SQSUB, .bhsd), ("UQSUB", "1", "00101", .UQSUB, .bhsd),
    ("CMGT", "0", "00110", .CMGT, .d), ("CMHI", "1", "00110", .CMHI, .d),
    ("CMGE", "0", "00111", .CMGE, .d), ("CMHS", "1", "00111", .CMHS, .d),
    ("SSHL", "0", "01000", .SSHL, .d), ("USHL", "1", "01000", .USHL, .d),
    ("SQSHL", "0", "01001", .SQSHL, .bhsd), ("UQSHL", "1", "01001", .UQSHL, .bhsd),
    ("SRSHL", "0", "01010", .SRSHL, .d), ("URSHL", "1", "01010", .URSHL, .d),
    ("SQRSHL", "0", "01011", .SQRSHL, .bhsd), ("UQRSHL", "1", "01011", .UQRSHL, .bhsd),
    ("ADD_vec", "0", "10000", .ADD_vec, .d), ("SUB_vec", "1", "10000", .SUB_vec, .d),
    ("CMTST", "0", "10001", .CMTST, .d), ("CMEQ", "1", "10001", .CMEQ, .d),
    ("SQDMULH", "0", "10110", .SQDMULH, .hs), ("SQRDMULH", "1", "10110", .SQRDMULH, .hs),
]
private let scalarThreeSameFP: [(String, String, String, String, Op)] = [
    ("FMULX", "0", "0", "11011", .FMULX), ("FCMEQ", "0", "0", "11100", .FCMEQ),
    ("FRECPS", "0", "0", "11111", .FRECPS), ("FRSQRTS", "0", "1", "11111", .FRSQRTS),
    ("FCMGE", "1", "0", "11100", .FCMGE), ("FACGE", "1", "0", "11101", .FACGE),
    ("FABD", "1", "1", "11010", .FABD), ("FCMGT", "1", "1", "11100", .FCMGT),
    ("FACGT", "1", "1", "11101", .FACGT),
]
// Advanced SIMD three different: U, opcode.
private let threeDifferent: [(String, String, String, Op, SizeRule)] = [
    ("SADDL", "0", "0000", .SADDL, .bhs), ("UADDL", "1", "0000", .UADDL, .bhs),
    ("SADDW", "0", "0001", .SADDW, .bhs), ("UADDW", "1", "0001", .UADDW, .bhs),
    ("SSUBL", "0", "0010", .SSUBL, .bhs), ("USUBL", "1", "0010", .USUBL, .bhs),
    ("SSUBW", "0", "0011", .SSUBW, .bhs), ("USUBW", "1", "0011", .USUBW, .bhs),
    ("ADDHN", "0", "0100", .ADDHN, .bhs), ("RADDHN", "1", "0100", .RADDHN, .bhs),
    ("SABAL", "0", "0101", .SABAL, .bhs), ("UABAL", "1", "0101", .UABAL, .bhs),
    ("SUBHN", "0", "0110", .SUBHN, .bhs), ("RSUBHN", "1", "0110", .RSUBHN, .bhs),
    ("SABDL", "0", "0111", .SABDL, .bhs), ("UABDL", "1", "0111", .UABDL, .bhs),
    ("SMLAL", "0", "1000", .SMLAL, .bhs), ("UMLAL", "1", "1000", .UMLAL, .bhs),
    ("SQDMLAL", "0", "1001", .SQDMLAL, .hs),
    ("SMLSL", "0", "1010", .SMLSL, .bhs), ("UMLSL", "1", "1010", .UMLSL, .bhs),
    ("SQDMLSL", "0", "1011", .SQDMLSL, .hs),
    ("SMULL", "0", "1100", .SMULL, .bhs), ("UMULL", "1", "1100", .UMULL, .bhs),
    ("SQDMULL", "0", "1101", .SQDMULL, .hs),
    ("PMULL", "0", "1110", .PMULL, .b),
]
// Advanced SIMD two-register miscellaneous: U, opcode.
private let twoRegisterMisc: [(String, String, String, Op, SizeRule)] = [
    ("REV64", "0", "00000", .REV64, .bhs), ("REV32_vec", "1", "00000", .REV32_vec, .bh),
    ("REV16_vec", "0", "00001", .REV16_vec, .b),
    ("SADDLP", "0", "00010", .SADDLP, .bhs), ("UADDLP", "1", "00010", .UADDLP, .bhs),
    ("SUQADD", "0", "00011", .SUQADD, .bhsd), ("USQADD", "1", "00011", .USQADD, .bhsd),
    ("CLS_vec", "0", "00100", .CLS_vec, .bhs), ("CLZ_vec", "1", "00100", .CLZ_vec, .bhs),
    ("CNT", "0", "00101", .CNT, .b),
    ("SADALP", "0", "00110", .SADALP, .bhs), ("UADALP", "1", "00110", .UADALP, .bhs),
    ("SQABS", "0", "00111", .SQABS, .bhsd), ("SQNEG", "1", "00111", .SQNEG, .bhsd),
    ("CMGT_zero", "0", "01000", .CMGT_zero, .bhsd), ("CMGE_zero", "1", "01000", .CMGE_zero, .bhsd),
    ("CMEQ_zero", "0", "01001", .CMEQ_zero, .bhsd), ("CMLE_zero", "1", "01001", .CMLE_zero, .bhsd),
    ("CMLT_zero", "0", "01010", .CMLT_zero, .bhsd),
    ("ABS", "0", "01011", .ABS, .bhsd), ("NEG", "1", "01011", .NEG, .bhsd),
    ("XTN", "0", "10010", .XTN, .bhs), ("SQXTUN", "1", "10010", .SQXTUN, .bhs),
    ("SHLL", "1", "10011", .SHLL, .bhs),
    ("SQXTN", "0", "10100", .SQXTN, .bhs), ("UQXTN", "1", "10100", .UQXTN, .bhs),
]
// NOT and RBIT share U = 1, opcode 00101, told apart by size.
private let twoRegisterMiscFP: [(String, String, String, String, Op, SizeRule)] = [
    ("FCVTN", "0", "0", "10110", .FCVTN, .fpConvert), ("FCVTL", "0", "0", "10111", .FCVTL, .fpConvert),
    ("FRINTN", "0", "0", "11000", .FRINTN, .fp), ("FRINTM", "0", "0", "11001", .FRINTM, .fp),
    ("FCVTNS", "0", "0", "11010", .FCVTNS, .fp), ("FCVTMS", "0", "0", "11011", .FCVTMS, .fp),
    ("FCVTAS", "0", "0", "11100", .FCVTAS, .fp), ("SCVTF", "0", "0", "11101", .SCVTF, .fp),
    ("FCMGT_zero", "0", "1", "01100", .FCMGT_zero, .fp), ("FCMEQ_zero", "0", "1", "01101", .FCMEQ_zero, .fp),
    ("FCMLT_zero", "0", "1", "01110", .FCMLT_zero, .fp), ("FABS", "0", "1", "01111", .FABS, .fp),
    ("FRINTP", "0", "1", "11000", .FRINTP, .fp), ("FRINTZ", "0", "1", "11001", .FRINTZ, .fp),
    ("FCVTPS", "0", "1", "11010", .FCVTPS, .fp), ("FCVTZS", "0", "1", "11011", .FCVTZS, .fp),
    ("URECPE", "0", "1", "11100", .URECPE, .fpS), ("FRECPE", "0", "1", "11101", .FRECPE, .fp),
    ("FCVTXN", "1", "0", "10110", .FCVTXN, .fpD),
    ("FRINTA", "1", "0", "11000", .FRINTA, .fp), ("FRINTX", "1", "0", "11001", .FRINTX, .fp),
    ("FCVTNU", "1", "0", "11010", .FCVTNU, .fp), ("FCVTMU", "1", "0", "11011", .FCVTMU, .fp),
    ("FCVTAU", "1", "0", "11100", .FCVTAU, .fp), ("UCVTF", "1", "0", "11101", .UCVTF, .fp),
    ("FCMGE_zero", "1", "1", "01100", .FCMGE_zero, .fp), ("FCMLE_zero", "1", "1", "01101", .FCMLE_zero, .fp),
    ("FNEG", "1", "1", "01111", .FNEG, .fp),
    ("FRINTI", "1", "1", "11001", .FRINTI, .fp),
    ("FCVTPU", "1", "1", "11010", .FCVTPU, .fp), ("FCVTZU", "1", "1", "11011", .FCVTZU, .fp),
    ("URSQRTE", "1", "1", "11100", .URSQRTE, .fpS), ("FRSQRTE", "1", "1", "11101", .FRSQRTE, .fp),
    ("FSQRT", "1", "1", "11111", .FSQRT, .fp),
]
private let scalarTwoRegisterMisc: [(String, String, String, Op, SizeRule)] = [
    ("SUQADD", "0", "00011", .SUQADD, .bhsd), ("USQADD", "1", "00011", .USQADD, .bhsd),
    ("SQABS", "0", "00111", .SQABS, .bhsd), ("SQNEG", "1", "00111", .SQNEG, .bhsd),
    ("CMGT_zero", "0", "01000", .CMGT_zero, .d), ("CMGE_zero", "1", "01000", .CMGE_zero, .d),
    ("CMEQ_zero", "0", "01001", .CMEQ_zero, .d), ("CMLE_zero", "1", "01001", .CMLE_zero, .d),
    ("CMLT_zero", "0", "01010", .CMLT_zero, .d),
    ("ABS", "0", "01011", .ABS, .d), ("NEG", "1", "01011", .NEG, .d),
    ("SQXTUN", "1", "10010", .SQXTUN, .bhs),
    ("SQXTN", "0", "10100", .SQXTN, .bhs), ("UQXTN", "1", "10100", .UQXTN, .bhs),
]
private let scalarTwoRegisterMiscFP: [(String, String, String, String, Op, SizeRule)] = [
    ("FCVTNS", "0", "0", "11010", .FCVTNS, .fp), ("FCVTMS", "0", "0", "11011", .FCVTMS, .fp),
    ("FCVTAS", "0", "0", "11100", .FCVTAS, .fp), ("SCVTF", "0", "0", "11101", .SCVTF, .fp),
    ("FCMGT_zero", "0", "1", "01100", .FCMGT_zero, .fp), ("FCMEQ_zero", "0", "1", "01101", .FCMEQ_zero, .fp),
    ("FCMLT_zero", "0", "1", "01110", .FCMLT_zero, .fp),
    ("FCVTPS", "0", "1", "11010", .FCVTPS, .fp), ("FCVTZS", "0", "1", "11011", .FCVTZS, .fp),
    ("FRECPE", "0", "1", "11101", .FRECPE, .fp), ("FRECPX", "0", "1", "11111", .FRECPX, .fp),
    ("FCVTXN", "1", "0", "10110", .FCVTXN, .fpD),
    ("FCVTNU", "1", "0", "11010", .FCVTNU, .fp), ("FCVTMU", "1", "0", "11011", .FCVTMU, .fp),
    ("FCVTAU", "1", "0", "11100", .FCVTAU, .fp), ("UCVTF", "1", "0", "11101", .UCVTF, .fp),
    ("FCMGE_zero", "1", "1", "01100", .FCMGE_zero, .fp), ("FCMLE_zero", "1", "1", "01101", .FCMLE_zero, .fp),
    ("FCVTPU", "1", "1", "11010", .FCVTPU, .fp), ("FCVTZU", "1", "1", "11011", .FCVTZU, .fp),
    ("FRSQRTE", "1", "1", "11101", .FRSQRTE, .fp),
]
private let acrossLanes: [(String, String, String, Op, SizeRule)] = [
    ("SADDLV", "0", "00011", .SADDLV, .bhs), ("UADDLV", "1", "00011", .UADDLV, .bhs),
    ("SMAXV", "0", "01010", .SMAXV, .bhs), ("UMAXV", "1", "01010", .UMAXV, .bhs),
    ("SMINV", "0", "11010", .SMINV, .bhs), ("UMINV", "1", "11010", .UMINV, .bhs),
    ("ADDV", "0", "11011", .ADDV, .bhs),
]
private let acrossLanesFP: [(String, String, String, Op)] = [
    ("FMAXNMV", "0", "01100", .FMAXNMV), ("FMAXV", "0", "01111", .FMAXV),
    ("FMINNMV", "1", "01100", .FMINNMV), ("FMINV", "1", "01111", .FMINV),
]
private let pairwiseScalarFP: [(String, String, String, Op)] = [
    ("FMAXNMP", "0", "01100", .FMAXNMP), ("FADDP", "0", "01101", .FADDP),
    ("FMAXP", "0", "01111", .FMAXP), ("FMINNMP", "1", "01100", .FMINNMP), ("FMINP", "1", "01111", .FMINP),
]
// Advanced SIMD vector x indexed element: U, opcode.
private let indexedElement: [(String, String, String, Op, SizeRule)] = [
    ("SMLAL_elem", "0", "0010", .SMLAL, .hs), ("SQDMLAL_elem", "0", "0011", .SQDMLAL, .hs),
    ("SMLSL_elem", "0", "0110", .SMLSL, .hs), ("SQDMLSL_elem", "0", "0111", .SQDMLSL, .hs),
    ("MUL_elem", "0", "1000", .MUL_vec, .hs), ("SMULL_elem", "0", "1010", .SMULL, .hs),
    ("SQDMULL_elem", "0", "1011", .SQDMULL, .hs), ("SQDMULH_elem", "0", "1100", .SQDMULH, .hs),
    ("SQRDMULH_elem", "0", "1101", .SQRDMULH, .hs),
    ("MLA_elem", "1", "0000", .MLA, .hs), ("UMLAL_elem", "1", "0010", .UMLAL, .hs),
    ("MLS_elem", "1", "0100", .MLS, .hs), ("UMLSL_elem", "1", "0110", .UMLSL, .hs),
    ("UMULL_elem", "1", "1010", .UMULL, .hs),
    ("FMLA_elem", "0", "0001", .FMLA, .fp), ("FMLS_elem", "0", "0101", .FMLS, .fp),
    ("FMUL_elem", "0", "1001", .FMUL, .fp), ("FMULX_elem", "1", "1001", .FMULX, .fp),
]
private let scalarIndexedElement: Set<String> = [
    "SQDMLAL_elem", "SQDMLSL_elem", "SQDMULL_elem", "SQDMULH_elem", "SQRDMULH_elem",
    "FMLA_elem", "FMLS_elem", "FMUL_elem", "FMULX_elem",
]
// Advanced SIMD shift by immediate: U, opcode.
private let shiftImmediate: [(String, String, String, Op, ShiftRule)] = [
    ("SSHR", "0", "00000", .SSHR, .rightAny), ("USHR", "1", "00000", .USHR, .rightAny),
    ("SSRA", "0", "00010", .SSRA, .rightAny), ("USRA", "1", "00010", .USRA, .rightAny),
    ("SRSHR", "0", "00100", .SRSHR, .rightAny), ("URSHR", "1", "00100", .URSHR, .rightAny),
    ("SRSRA", "0", "00110", .SRSRA, .rightAny), ("URSRA", "1", "00110", .URSRA, .rightAny),
    ("SRI", "1", "01000", .SRI, .rightAny),
    ("SHL", "0", "01010", .SHL, .leftAny), ("SLI", "1", "01010", .SLI, .leftAny),
    ("SQSHLU", "1", "01100", .SQSHLU, .leftAny),
    ("SQSHL_imm", "0", "01110", .SQSHL_imm, .leftAny), ("UQSHL_imm", "1", "01110", .UQSHL_imm, .leftAny),
    ("SHRN", "0", "10000", .SHRN, .narrow), ("SQSHRUN", "1", "10000", .SQSHRUN, .narrow),
    ("RSHRN", "0", "10001", .RSHRN, .narrow), ("SQRSHRUN", "1", "10001", .SQRSHRUN, .narrow),
    ("SQSHRN", "0", "10010", .SQSHRN, .narrow), ("UQSHRN", "1", "10010", .UQSHRN, .narrow),
    ("SQRSHRN", "0", "10011", .SQRSHRN, .narrow), ("UQRSHRN", "1", "10011", .UQRSHRN, .narrow),
    ("SSHLL", "0", "10100", .SSHLL, .long), ("USHLL", "1", "10100", .USHLL, .long),
    ("SCVTF_fix", "0", "11100", .SCVTF, .fpConvert), ("UCVTF_fix", "1", "11100", .UCVTF, .fpConvert),
    ("FCVTZS_fix", "0", "11111", .FCVTZS, .fpConvert), ("FCVTZU_fix", "1", "11111", .FCVTZU, .fpConvert),
]
private let scalarShiftImmediate: Set<String> = [
    "SSHR", "USHR", "SSRA", "USRA", "SRSHR", "URSHR", "SRSRA", "URSRA", "SRI", "SHL", "SLI",
    "SQSHLU", "SQSHL_imm", "UQSHL_imm", "SQSHRUN", "SQRSHRUN", "SQSHRN", "UQSHRN", "SQRSHRN", "UQRSHRN",
    "SCVTF_fix", "UCVTF_fix", "FCVTZS_fix", "FCVTZU_fix",
]
private let permutes: [(String, String, Op)] = [
    ("UZP1", "001", .UZP1), ("TRN1", "010", .TRN1), ("ZIP1", "011", .ZIP1),
    ("UZP2", "101", .UZP2), ("TRN2", "110", .TRN2), ("ZIP2", "111", .ZIP2),
]
// Floating-point data-processing (2 source): opcode.
private let fpTwoSource: [(String, String, Op)] = [
    ("FMUL_scalar", "0000", .FMUL), ("FDIV_scalar", "0001", .FDIV), ("FADD_scalar", "0010", .FADD),
    ("FSUB_scalar", "0011", .FSUB), ("FMAX_scalar", "0100", .FMAX), ("FMIN_scalar", "0101", .FMIN),
    ("FMAXNM_scalar", "0110", .FMAXNM), ("FMINNM_scalar", "0111", .FMINNM), ("FNMUL_scalar", "1000", .FNMUL),
]
// Floating-point data-processing (1 source): opcode.
private let fpOneSource: [(String, String, Op)] = [
    ("FMOV_reg", "000000", .FMOV_reg), ("FABS_scalar", "000001", .FABS),
    ("FNEG_scalar", "000010", .FNEG), ("FSQRT_scalar", "000011", .FSQRT),
    ("FCVT", "0001 opc:2", .FCVT_fp),
    ("FRINTN_scalar", "001000", .FRINTN), ("FRINTP_scalar", "001001", .FRINTP),
    ("FRINTM_scalar", "001010", .FRINTM), ("FRINTZ_scalar", "001011", .FRINTZ),
    ("FRINTA_scalar", "001100", .FRINTA), ("FRINTX_scalar", "001110", .FRINTX),
    ("FRINTI_scalar", "001111", .FRINTI),
]
// Conversion between floating-point and integer: rmode, opcode.
private let fpIntegerConversions: [(String, String, String, Op)] = [
    ("FCVTNS_gen", "00", "000", .FCVTNS), ("FCVTNU_gen", "00", "001", .FCVTNU),
    ("SCVTF_gen", "00", "010", .SCVTF), ("UCVTF_gen", "00", "011", .UCVTF),
    ("FCVTAS_gen", "00", "100", .FCVTAS), ("FCVTAU_gen", "00", "101", .FCVTAU),
    ("FMOV_toGeneral", "00", "110", .FMOV_toGeneral), ("FMOV_fromGeneral", "00", "111", .FMOV_fromGeneral),
    ("FCVTPS_gen", "01", "000", .FCVTPS), ("FCVTPU_gen", "01", "001", .FCVTPU),
    ("FMOV_toGeneral_top", "01", "110", .FMOV_toGeneral), ("FMOV_fromGeneral_top", "01", "111", .FMOV_fromGeneral),
    ("FCVTMS_gen", "10", "000", .FCVTMS), ("FCVTMU_gen", "10", "001", .FCVTMU),
    ("FCVTZS_gen", "11", "000", .FCVTZS), ("FCVTZU_gen", "11", "001", .FCVTZU),
]

public let fpSIMDEncodings: [EncodingRow] = {
    var rows: [EncodingRow] = []
    // C4.1.88 SIMD&FP loads and stores.
    rows += [
        simd("LDn_STn_multiple", "0 Q 0011000 L 000000 opcode:4 size:2 Rn:5 Rt:5", .loadStoreMultiple),
        simd("LDn_STn_multiple_post", "0 Q 0011001 L 0 Rm:5 opcode:4 size:2 Rn:5 Rt:5", .loadStoreMultiple),
        // LDnR first: the single-structure rows below also match its words.
        simd("LDnR", "0 Q 0011010 1 R 00000 11 o 0 size:2 Rn:5 Rt:5", .loadStoreSingle(replicate: true)),
        simd("LDnR_post", "0 Q 0011011 1 R Rm:5 11 o 0 size:2 Rn:5 Rt:5", .loadStoreSingle(replicate: true)),
        simd("LDn_STn_single", "0 Q 0011010 L R 00000 opcode:3 S size:2 Rn:5 Rt:5", .loadStoreSingle(replicate: false)),
        simd("LDn_STn_single_post", "0 Q 0011011 L R Rm:5 opcode:3 S size:2 Rn:5 Rt:5", .loadStoreSingle(replicate: false)),
        simd("LDR_lit_fpsimd", "opc:2 011 1 00 imm19:19 Rt:5", .loadLiteral),
        simd("STNP_LDNP_fpsimd", "opc:2 101 1 000 L imm7:7 Rt2:5 Rn:5 Rt:5", .loadStorePair(.signedOffset)),
        simd("LDP_post_fpsimd", "opc:2 101 1 001 L imm7:7 Rt2:5 Rn:5 Rt:5", .loadStorePair(.postIndex)),
        simd("LDP_off_fpsimd", "opc:2 101 1 010 L imm7:7 Rt2:5 Rn:5 Rt:5", .loadStorePair(.signedOffset)),
        simd("LDP_pre_fpsimd", "opc:2 101 1 011 L imm7:7 Rt2:5 Rn:5 Rt:5", .loadStorePair(.preIndex)),
        simd("LDUR_fpsimd", "size:2 111 1 00 opc:2 0 imm9:9 00 Rn:5 Rt:5", .loadStoreRegister(.unscaled)),
        simd("LDR_post_fpsimd", "size:2 111 1 00 opc:2 0 imm9:9 01 Rn:5 Rt:5", .loadStoreRegister(.postIndex)),
        simd("LDR_pre_fpsimd", "size:2 111 1 00 opc:2 0 imm9:9 11 Rn:5 Rt:5", .loadStoreRegister(.preIndex)),
        simd("LDR_reg_fpsimd", "size:2 111 1 00 opc:2 1 Rm:5 option:3 S 10 Rn:5 Rt:5", .loadStoreRegisterOffset),
        simd("LDR_uimm_fpsimd", "size:2 111 1 01 opc:2 imm12:12 Rn:5 Rt:5", .loadStoreRegister(.unsignedOffset)),
    ]
    // Advanced SIMD scalar groups (bits 31:30 = 01, bit 28 = 1).
    rows.append(simd("DUP_element_scalar", "01 0 11110000 imm5:5 0 0000 1 Rn:5 Rd:5", .copy(.DUP_element)))
    for (n, u, o, op, rule) in scalarThreeSameInteger {
        rows.append(simd(n + "_scalar", "01 \(u) 11110 size:2 1 Rm:5 \(o) 1 Rn:5 Rd:5", .threeSame(op, rule)))
    }
    for (n, u, a, o, op) in scalarThreeSameFP {
        rows.append(simd(n + "_scalar", "01 \(u) 11110 \(a) sz 1 Rm:5 \(o) 1 Rn:5 Rd:5", .threeSame(op, .fp)))
    }
    for (n, o, op) in [("SQDMLAL", "1001", Op.SQDMLAL), ("SQDMLSL", "1011", .SQDMLSL), ("SQDMULL", "1101", .SQDMULL)] {
        rows.append(simd(n + "_scalar", "01 0 11110 size:2 1 Rm:5 \(o) 00 Rn:5 Rd:5", .threeDifferent(op, .hs)))
    }
    for (n, u, o, op, rule) in scalarTwoRegisterMisc {
        rows.append(simd(n + "_scalar", "01 \(u) 11110 size:2 10000 \(o) 10 Rn:5 Rd:5", .twoRegisterMisc(op, rule)))
    }
    for (n, u, a, o, op, rule) in scalarTwoRegisterMiscFP {
        rows.append(simd(n + "_scalar", "01 \(u) 11110 \(a) sz 10000 \(o) 10 Rn:5 Rd:5", .twoRegisterMisc(op, rule)))
    }
    rows.append(simd("ADDP_scalar", "01 0 11110 size:2 11000 11011 10 Rn:5 Rd:5", .pairwiseScalar(.ADDP, .d)))
    for (n, a, o, op) in pairwiseScalarFP {
        rows.append(simd(n + "_scalar", "01 1 11110 \(a) sz 11000 \(o) 10 Rn:5 Rd:5", .pairwiseScalar(op, .fp)))
    }
    for (n, u, o, op, rule) in shiftImmediate where scalarShiftImmediate.contains(n) {
        rows.append(simd(n + "_scalar", "01 \(u) 111110 immh:4 immb:3 \(o) 1 Rn:5 Rd:5", .shiftImmediate(op, rule)))
    }
    for (n, u, o, op, rule) in indexedElement where scalarIndexedElement.contains(n) {
        rows.append(simd(n + "_scalar", "01 \(u) 11111 size:2 L M Rm:4 \(o) H 0 Rn:5 Rd:5", .indexedElement(op, rule)))
    }
    // Advanced SIMD vector groups (bit 31 = 0).
    rows.append(simd("TBL_TBX", "0 Q 001110 00 0 Rm:5 0 len:2 op 00 Rn:5 Rd:5", .tableLookup(.TBL)))
    for (n, o, op) in permutes {
        rows.append(simd(n, "0 Q 001110 size:2 0 Rm:5 0 \(o) 10 Rn:5 Rd:5", .permute(op)))
    }
    rows.append(simd("EXT", "0 Q 101110 00 0 Rm:5 0 imm4:4 0 Rn:5 Rd:5", .extract))
    rows += [
        simd("DUP_element", "0 Q 0 01110000 imm5:5 0 0000 1 Rn:5 Rd:5", .copy(.DUP_element)),
        simd("DUP_general", "0 Q 0 01110000 imm5:5 0 0001 1 Rn:5 Rd:5", .copy(.DUP_general)),
        simd("SMOV", "0 Q 0 01110000 imm5:5 0 0101 1 Rn:5 Rd:5", .copy(.SMOV)),
        simd("UMOV", "0 Q 0 01110000 imm5:5 0 0111 1 Rn:5 Rd:5", .copy(.UMOV)),
        simd("INS_general", "0 1 0 01110000 imm5:5 0 0011 1 Rn:5 Rd:5", .copy(.INS_general)),
        simd("INS_element", "0 1 1 01110000 imm5:5 0 imm4:4 1 Rn:5 Rd:5", .copy(.INS_element)),
    ]
    for (n, u, o, op, rule) in twoRegisterMisc {
        rows.append(simd(n, "0 Q \(u) 01110 size:2 10000 \(o) 10 Rn:5 Rd:5", .twoRegisterMisc(op, rule)))
    }
    rows.append(simd("NOT", "0 Q 1 01110 00 10000 00101 10 Rn:5 Rd:5", .twoRegisterMisc(.NOT, .bytes)))
    rows.append(simd("RBIT_vec", "0 Q 1 01110 01 10000 00101 10 Rn:5 Rd:5", .twoRegisterMisc(.RBIT_vec, .bytes)))
    for (n, u, a, o, op, rule) in twoRegisterMiscFP {
        rows.append(simd(n + "_vec", "0 Q \(u) 01110 \(a) sz 10000 \(o) 10 Rn:5 Rd:5", .twoRegisterMisc(op, rule)))
    }
    for (n, u, o, op, rule) in acrossLanes {
        rows.append(simd(n, "0 Q \(u) 01110 size:2 11000 \(o) 10 Rn:5 Rd:5", .acrossLanes(op, rule)))
    }
    for (n, a, o, op) in acrossLanesFP {
        rows.append(simd(n, "0 Q 1 01110 \(a) sz 11000 \(o) 10 Rn:5 Rd:5", .acrossLanes(op, .fpS4)))
    }
    for (n, u, o, op, rule) in threeDifferent {
        rows.append(simd(n, "0 Q \(u) 01110 size:2 1 Rm:5 \(o) 00 Rn:5 Rd:5", .threeDifferent(op, rule)))
    }
    for (n, u, o, op, rule) in threeSameInteger {
        rows.append(simd(n, "0 Q \(u) 01110 size:2 1 Rm:5 \(o) 1 Rn:5 Rd:5", .threeSame(op, rule)))
    }
    for (n, u, s, op) in threeSameLogical {
        rows.append(simd(n, "0 Q \(u) 01110 \(s) 1 Rm:5 00011 1 Rn:5 Rd:5", .threeSame(op, .bytes)))
    }
    for (n, u, a, o, op) in threeSameFP {
        rows.append(simd(n + "_vec", "0 Q \(u) 01110 \(a) sz 1 Rm:5 \(o) 1 Rn:5 Rd:5", .threeSame(op, .fp)))
    }
    rows.append(simd("MOVI_MVNI_ORR_BIC_FMOV", "0 Q op 0111100000 a b c cmode:4 0 1 d e f g h Rd:5", .modifiedImmediate))
    for (n, u, o, op, rule) in shiftImmediate {
        rows.append(simd(n, "0 Q \(u) 011110 immh:4 immb:3 \(o) 1 Rn:5 Rd:5", .shiftImmediate(op, rule)))
    }
    for (n, u, o, op, rule) in indexedElement {
        rows.append(simd(n, "0 Q \(u) 01111 size:2 L M Rm:4 \(o) H 0 Rn:5 Rd:5", .indexedElement(op, rule)))
    }
    // Scalar floating point (bits 31:24 = x0x11110 / x0x11111; M = S = 0).
    for (n, r, o, op) in fpIntegerConversions {
        rows.append(simd(n, "sf 0 0 11110 ftype:2 1 \(r) \(o) 000000 Rn:5 Rd:5", .fpIntegerConversion(op)))
    }
    for (n, r, o, op) in [("FCVTZS_fix_gen", "11", "000", Op.FCVTZS), ("FCVTZU_fix_gen", "11", "001", .FCVTZU),
                          ("SCVTF_fix_gen", "00", "010", .SCVTF), ("UCVTF_fix_gen", "00", "011", .UCVTF)] {
        rows.append(simd(n, "sf 0 0 11110 ftype:2 0 \(r) \(o) scale:6 Rn:5 Rd:5", .fpFixedConversion(op)))
    }
    for (n, o, op) in fpOneSource {
        rows.append(simd(n, "0 0 0 11110 ftype:2 1 \(o) 10000 Rn:5 Rd:5", .fpDataProcessing1(op)))
    }
    rows.append(simd("FCMP", "0 0 0 11110 ftype:2 1 Rm:5 00 1000 Rn:5 E Z 000", .fpCompare))
    rows.append(simd("FMOV_imm", "0 0 0 11110 ftype:2 1 imm8:8 100 00000 Rd:5", .fpImmediate))
    rows.append(simd("FCCMP", "0 0 0 11110 ftype:2 1 Rm:5 cond:4 01 Rn:5 E nzcv:4", .fpConditionalCompare))
    for (n, o, op) in fpTwoSource {
        rows.append(simd(n, "0 0 0 11110 ftype:2 1 Rm:5 \(o) 10 Rn:5 Rd:5", .fpDataProcessing2(op)))
    }
    rows.append(simd("FCSEL", "0 0 0 11110 ftype:2 1 Rm:5 cond:4 11 Rn:5 Rd:5", .fpConditionalSelect))
    for (n, o, op) in [("FMADD", "0 Rm:5 0", Op.FMADD), ("FMSUB", "0 Rm:5 1", .FMSUB),
                       ("FNMADD", "1 Rm:5 0", .FNMADD), ("FNMSUB", "1 Rm:5 1", .FNMSUB)] {
        rows.append(simd(n, "0 0 0 11111 ftype:2 \(o) Ra:5 Rn:5 Rd:5", .fpDataProcessing3(op)))
    }
    return rows
}()
