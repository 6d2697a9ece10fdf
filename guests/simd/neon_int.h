/*
 * neon_int.h - the operations neon_int.c tests and neon_int_ref.c models.
 *
 * ref_run(op, es, n, imm, part, a, b, c, r) computes into r (all 16 bytes;
 * bytes the instruction does not write are zero, or c's for the "2"
 * narrowing forms) what the instruction computes from the registers a, b
 * and c (c = the destination's old value: accumulator, insert target,
 * BSL mask), and sets ref_qc to 1 if the instruction sets FPSR.QC.
 *   es    element size in bytes: of the result for the same-width
 *         groups, of the narrow source for the widening group, of the wide
 *         source for the narrowing group
 *   n     lanes: of the result (same width, widening), of the narrow
 *         result in 64 bits (narrowing), of the source (across lanes)
 *   imm   the immediate: shift, lane, EXT element index, TBL register count
 *   part  0: the lower half (or the 64-bit form), 1: the "2" (upper) form;
 *         for INS (element) the source lane
 * Everything follows the Arm ARM pseudocode of the instruction (DDI 0487,
 * C7.2): integers are unbounded, SatQ saturates and sets QC.
 */
#ifndef A64EMU_NEON_INT_H
#define A64EMU_NEON_INT_H

#include "vec.h"

enum {
    /* same width, two sources (a = Vn, b = Vm) */
    O_ADD, O_SUB, O_MUL, O_SQADD, O_UQADD, O_SQSUB, O_UQSUB,
    O_SHADD, O_UHADD, O_SRHADD, O_URHADD, O_SHSUB, O_UHSUB,
    O_SABD, O_UABD, O_SMIN, O_SMAX, O_UMIN, O_UMAX,
    O_CMEQ, O_CMGE, O_CMGT, O_CMHI, O_CMHS, O_CMTST,
    O_AND, O_ORR, O_EOR, O_BIC, O_ORN,
    O_SSHL, O_USHL, O_SRSHL, O_URSHL, O_SQSHL, O_UQSHL, O_SQRSHL, O_UQRSHL,
    O_SQDMULH, O_SQRDMULH,
    O_ADDP, O_SMAXP, O_SMINP, O_UMAXP, O_UMINP,
    O_ZIP1, O_ZIP2, O_UZP1, O_UZP2, O_TRN1, O_TRN2, O_EXT,
    /* same width, with the destination (c) as a third source */
    O_MLA, O_MLS, O_SABA, O_UABA, O_BSL, O_BIT, O_BIF,
    /* same width, one source */
    O_ABS, O_NEG, O_SQABS, O_SQNEG, O_CLS, O_CLZ, O_CNT, O_NOT, O_RBIT,
    O_REV16, O_REV32, O_REV64,
    O_CMEQZ, O_CMGEZ, O_CMGTZ, O_CMLEZ, O_CMLTZ,
    /* shift by immediate (c = destination for the accumulating/inserting ones) */
    O_SHL, O_SSHR, O_USHR, O_SRSHR, O_URSHR, O_SSRA, O_USRA, O_SRSRA, O_URSRA,
    O_SRI, O_SLI, O_SQSHLI, O_UQSHLI, O_SQSHLU,
    /* DUP/INS */
    O_DUPE, O_DUPG, O_INSG, O_INSE,
    /* widening */
    O_SADDL, O_UADDL, O_SSUBL, O_USUBL, O_SADDW, O_UADDW, O_SSUBW, O_USUBW,
    O_SMULL, O_UMULL, O_SMLAL, O_UMLAL, O_SMLSL, O_UMLSL,
    O_SABDL, O_UABDL, O_SABAL, O_UABAL, O_SQDMULL, O_SSHLL, O_USHLL,
    O_SADDLP, O_UADDLP, O_SADALP, O_UADALP,
    /* narrowing */
    O_XTN, O_SQXTN, O_UQXTN, O_SQXTUN, O_SHRN, O_RSHRN, O_SQSHRN, O_UQSHRN,
    O_SQRSHRN, O_UQRSHRN, O_SQSHRUN, O_SQRSHRUN, O_ADDHN, O_RADDHN, O_SUBHN, O_RSUBHN,
    /* across lanes */
    O_ADDV, O_SADDLV, O_UADDLV, O_SMAXV, O_SMINV, O_UMAXV, O_UMINV,
    /* table lookup: table = ref_table[0..imm-1], indices a, TBX destination b */
    O_TBL, O_TBX,
};

extern int ref_qc;
extern v128 ref_table[4];
void ref_run(unsigned op, unsigned es, unsigned n, int imm, int part,
             const v128 *a, const v128 *b, const v128 *c, v128 *r);

/* structure loads and stores: see neon_int_ref.c */
void ref_ld_multi(unsigned nregs, unsigned es, unsigned lanes, int interleave,
                  const uint8_t *mem, v128 *regs);
void ref_st_multi(unsigned nregs, unsigned es, unsigned lanes, int interleave,
                  const v128 *regs, uint8_t *mem);
void ref_ld_lane(unsigned nregs, unsigned es, unsigned lane, const uint8_t *mem, v128 *regs);
void ref_st_lane(unsigned nregs, unsigned es, unsigned lane, const v128 *regs, uint8_t *mem);
void ref_ld_rep(unsigned nregs, unsigned es, unsigned lanes, const uint8_t *mem, v128 *regs);
int  ref_same(const void *x, const void *y, unsigned n);

#endif
