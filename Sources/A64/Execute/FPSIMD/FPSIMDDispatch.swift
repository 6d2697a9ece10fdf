/// The SIMD&FP half of the interpreter: every operation from
/// `Op.firstFPSIMD` on arrives here, out of line so that the integer loop
/// stays small. The FP/SIMD enables are checked first (EC 0x07 traps).
extension CPU {
    @inline(never)
    func executeFPSIMD(_ d: Decoded, pc: UInt64) throws(CPUException) {
        if fpTrapEL != 0 { throw fpAccessTrap(fpTrapEL) }
        switch d.op {
        case .LDRV_off, .LDRV_pre, .LDRV_post, .LDRV_reg, .LDRV_lit,
             .STRV_off, .STRV_pre, .STRV_post, .STRV_reg,
             .LDPV_off, .LDPV_pre, .LDPV_post, .STPV_off, .STPV_pre, .STPV_post,
             .LDn_multiple, .STn_multiple, .LDn_single, .STn_single, .LDnR:
            try simdLoadStore(d, pc: pc)

        case .SHADD, .UHADD, .SQADD, .UQADD, .SRHADD, .URHADD, .SHSUB, .UHSUB, .SQSUB, .UQSUB,
             .CMGT, .CMHI, .CMGE, .CMHS, .CMTST, .CMEQ,
             .SSHL, .USHL, .SQSHL, .UQSHL, .SRSHL, .URSHL, .SQRSHL, .UQRSHL,
             .SMAX, .UMAX, .SMIN, .UMIN, .SABD, .UABD, .SABA, .UABA,
             .ADD_vec, .SUB_vec, .MLA, .MLS, .MUL_vec, .PMUL,
             .SMAXP, .UMAXP, .SMINP, .UMINP, .ADDP, .SQDMULH, .SQRDMULH,
             .AND_vec, .BIC_vec, .ORR_vec, .ORN_vec, .EOR_vec, .BSL, .BIT, .BIF:
            simdThreeSame(d)

        case .SADDL, .UADDL, .SADDW, .UADDW, .SSUBL, .USUBL, .SSUBW, .USUBW,
             .ADDHN, .RADDHN, .SUBHN, .RSUBHN, .SABAL, .UABAL, .SABDL, .UABDL,
             .SMLAL, .UMLAL, .SMLSL, .UMLSL, .SMULL, .UMULL, .SQDMLAL, .SQDMLSL, .SQDMULL, .PMULL:
            simdThreeDifferent(d)

        case .REV64, .REV32_vec, .REV16_vec, .SADDLP, .UADDLP, .SADALP, .UADALP, .SUQADD, .USQADD,
             .CLS_vec, .CLZ_vec, .CNT, .NOT, .RBIT_vec, .SQABS, .SQNEG, .ABS, .NEG,
             .CMGT_zero, .CMEQ_zero, .CMLT_zero, .CMGE_zero, .CMLE_zero,
             .XTN, .SQXTN, .UQXTN, .SQXTUN, .SHLL:
            simdTwoRegisterMiscInteger(d)

        case .SADDLV, .UADDLV, .SMAXV, .UMAXV, .SMINV, .UMINV, .ADDV:
            simdAcrossLanesInteger(d)

        case .DUP_element, .DUP_general, .INS_general, .INS_element, .UMOV, .SMOV,
             .TBL, .TBX, .UZP1, .UZP2, .TRN1, .TRN2, .ZIP1, .ZIP2, .EXT,
             .MOVI, .ORR_vecimm, .BIC_vecimm:
            simdMove(d)

        case .SSHR, .USHR, .SSRA, .USRA, .SRSHR, .URSHR, .SRSRA, .URSRA, .SHL, .SLI, .SRI,
             .SQSHL_imm, .UQSHL_imm, .SQSHLU,
             .SHRN, .RSHRN, .SQSHRN, .UQSHRN, .SQRSHRN, .UQRSHRN, .SQSHRUN, .SQRSHRUN, .SSHLL, .USHLL:
            simdShiftImmediate(d)

        default:
            try executeFloatingPoint(d)
        }
    }
}
