/*
 * neon_int - integer Advanced SIMD, each result checked against the scalar
 * model in neon_int_ref.c (compiled -mgeneral-regs-only, see neon_int.h),
 * or against constants derived by hand where the answer is a fixed pattern
 * (MOVI and friends, UMOV/SMOV).
 *
 * Part 1 (one check per instruction and arrangement): every test runs on
 * six input triples (a = Vn, b = Vm, c = the destination's old value):
 * pseudo-random vectors and vectors of edge values (0, 1, -1, the signed
 * limits, 0x55.., 0xaa..), with shift-count vectors (signed bytes around
 * +-esize, random upper bytes: only the bottom byte counts) for the
 * shift-by-register forms and mostly-small indices for TBL/TBX.  The check
 * passes when, for every triple, the 16 bytes of the result and FPSR.QC
 * (cleared before, set only by a saturation) are what the model says.
 *   - tests named after an intrinsic (vqaddq_s8...) go through
 *     <arm_neon.h>; the compiler chooses the instruction (SQADD
 *     V.16B here), the disassembly shows which.
 *   - tests named after an instruction ("sshr v17.8b, v16.8b, #5") run
 *     exactly that instruction with a = v16, b = v18 and v17 = c
 *     beforehand, and store all of v17: for the 64-bit (Q = 0) forms this
 *     also checks that bits 127:64 are cleared, for the "2" forms that the
 *     lower half is kept.
 * Part 2: TBL/TBX, DUP, INS, UMOV/SMOV, MOVI/MVNI/ORR/BIC (immediate).
 * Part 3: loads and stores: LD1-LD4/ST1-ST4 (multiple structures, single
 * structure, replicate), post-index by immediate and by register, and
 * LDR/STR/LDP/STP/LDUR/LDNP of B/H/S/D/Q registers.  The memory is
 * Device-nGnRnE (MMU off): every access is aligned to its element size,
 * the only alignment the architecture then requires.
 */
#include <arm_neon.h>
#include <stddef.h>
#include "neon_int.h"
#include "printf.h"
#include "tap.h"

typedef void vfn(const v128 *a, const v128 *b, const v128 *c, v128 *r);

enum { IN_N, IN_SH, IN_TBL };

struct vt {
    const char *name;
    vfn *fn;
    uint16_t op;
    uint8_t es, n;
    int8_t imm, part;
    uint8_t in;
};

#define STORE(r, x) do { __typeof__(x) _x = (x); __builtin_memcpy((r), &_x, sizeof _x); } while (0)
/* the operands are 16-byte aligned v128s: said so, or -mstrict-align
 * makes the compiler load them a byte at a time */
#define AL(p) __builtin_assume_aligned((const void *)(p), 16)
#define L(q, t, p) vld1##q##_##t(AL(p))

/* ---- intrinsic tests -------------------------------------------------- */
/* E(kind, intrinsic, q, t, t2, op, es, n, imm, part, in): kind says how the
 * intrinsic takes its operands (t: element type of a and b, t2: of the
 * other operand: the shift vector, the wide operand or the accumulator) */
#define DEF_1(fn, intr, q, t, t2)  { (void)b; (void)c; STORE(r, intr(L(q, t, a))); }
#define DEF_2(fn, intr, q, t, t2)  { (void)c; STORE(r, intr(L(q, t, a), L(q, t2, b))); }
#define DEF_L(fn, intr, q, t, t2)  { (void)c; STORE(r, intr(L(q, t, a), L(q, t, b))); }
#define DEF_3(fn, intr, q, t, t2)  { STORE(r, intr(L(q, t, c), L(q, t, a), L(q, t2, b))); }
#define DEF_WW(fn, intr, q, t, t2) { (void)c; STORE(r, intr(vld1q_##t2(AL(a)), L(q, t, b))); }
#define DEF_WA(fn, intr, q, t, t2) { STORE(r, intr(vld1q_##t2(AL(c)), L(q, t, a), L(q, t, b))); }
#define DEF_PA(fn, intr, q, t, t2) { (void)b; STORE(r, intr(L(q, t2, c), L(q, t, a))); }
#define E_DEF(k, intr, q, t, t2, op, es, n, imm, part, in) \
    static void f_##intr(const v128 *a, const v128 *b, const v128 *c, v128 *r) DEF_##k(f_##intr, intr, q, t, t2)
#define E_ROW(k, intr, q, t, t2, op, es, n, imm, part, in) { #intr, f_##intr, op, es, n, imm, part, in },

/* arrangements: B = 8B/16B, H = 4H/8H, S = 2S/4S, D = 1D (scalar D)/2D */
#define FB(E, k, op, sg, O, in) \
    E(k, v##op##_##sg##8, , sg##8, sg##8, O, 1, 8, 0, 0, in) \
    E(k, v##op##q_##sg##8, q, sg##8, sg##8, O, 1, 16, 0, 0, in)
#define FBHS(E, k, op, sg, O, in) FB(E, k, op, sg, O, in) \
    E(k, v##op##_##sg##16, , sg##16, sg##16, O, 2, 4, 0, 0, in) \
    E(k, v##op##q_##sg##16, q, sg##16, sg##16, O, 2, 8, 0, 0, in) \
    E(k, v##op##_##sg##32, , sg##32, sg##32, O, 4, 2, 0, 0, in) \
    E(k, v##op##q_##sg##32, q, sg##32, sg##32, O, 4, 4, 0, 0, in)
#define FBHSD(E, k, op, sg, O, in) FBHS(E, k, op, sg, O, in) \
    E(k, v##op##_##sg##64, , sg##64, sg##64, O, 8, 1, 0, 0, in) \
    E(k, v##op##q_##sg##64, q, sg##64, sg##64, O, 8, 2, 0, 0, in)
/* the 2D form but no 1D one (pairwise, permutes) */
#define FBHS_2D(E, k, op, sg, O, in) FBHS(E, k, op, sg, O, in) \
    E(k, v##op##q_##sg##64, q, sg##64, sg##64, O, 8, 2, 0, 0, in)
#define FHS(E, k, op, sg, O, in) \
    E(k, v##op##_##sg##16, , sg##16, sg##16, O, 2, 4, 0, 0, in) \
    E(k, v##op##q_##sg##16, q, sg##16, sg##16, O, 2, 8, 0, 0, in) \
    E(k, v##op##_##sg##32, , sg##32, sg##32, O, 4, 2, 0, 0, in) \
    E(k, v##op##q_##sg##32, q, sg##32, sg##32, O, 4, 4, 0, 0, in)
/* shift by register: the shift vector is signed */
#define FSHIFT(E, op, sg, O) \
    E(2, v##op##_##sg##8, , sg##8, s8, O, 1, 8, 0, 0, IN_SH) \
    E(2, v##op##q_##sg##8, q, sg##8, s8, O, 1, 16, 0, 0, IN_SH) \
    E(2, v##op##_##sg##16, , sg##16, s16, O, 2, 4, 0, 0, IN_SH) \
    E(2, v##op##q_##sg##16, q, sg##16, s16, O, 2, 8, 0, 0, IN_SH) \
    E(2, v##op##_##sg##32, , sg##32, s32, O, 4, 2, 0, 0, IN_SH) \
    E(2, v##op##q_##sg##32, q, sg##32, s32, O, 4, 4, 0, 0, IN_SH) \
    E(2, v##op##_##sg##64, , sg##64, s64, O, 8, 1, 0, 0, IN_SH) \
    E(2, v##op##q_##sg##64, q, sg##64, s64, O, 8, 2, 0, 0, IN_SH)
/* widening: the 64-bit source form and the _high (Q) one; n = result lanes */
#define FW(E, k, op, sg, O, w8, w16, w32) \
    E(k, v##op##_##sg##8, , sg##8, w8, O, 1, 8, 0, 0, IN_N) \
    E(k, v##op##_high_##sg##8, q, sg##8, w8, O, 1, 8, 0, 1, IN_N) \
    E(k, v##op##_##sg##16, , sg##16, w16, O, 2, 4, 0, 0, IN_N) \
    E(k, v##op##_high_##sg##16, q, sg##16, w16, O, 2, 4, 0, 1, IN_N) \
    E(k, v##op##_##sg##32, , sg##32, w32, O, 4, 2, 0, 0, IN_N) \
    E(k, v##op##_high_##sg##32, q, sg##32, w32, O, 4, 2, 0, 1, IN_N)
#define FWS(E, k, op, O) FW(E, k, op, s, O, s16, s32, s64)
#define FWU(E, k, op, O) FW(E, k, op, u, O, u16, u32, u64)
/* pairwise long: n = result lanes */
#define FPL(E, k, op, sg, O) \
    E(k, v##op##_##sg##8, , sg##8, sg##16, O, 1, 4, 0, 0, IN_N) \
    E(k, v##op##q_##sg##8, q, sg##8, sg##16, O, 1, 8, 0, 0, IN_N) \
    E(k, v##op##_##sg##16, , sg##16, sg##32, O, 2, 2, 0, 0, IN_N) \
    E(k, v##op##q_##sg##16, q, sg##16, sg##32, O, 2, 4, 0, 0, IN_N) \
    E(k, v##op##_##sg##32, , sg##32, sg##64, O, 4, 1, 0, 0, IN_N) \
    E(k, v##op##q_##sg##32, q, sg##32, sg##64, O, 4, 2, 0, 0, IN_N)
/* across lanes: n = source lanes (no 2S form for ADDV/SMAXV...) */
#define FACROSS(E, op, sg, O) \
    E(1, v##op##_##sg##8, , sg##8, sg##8, O, 1, 8, 0, 0, IN_N) \
    E(1, v##op##q_##sg##8, q, sg##8, sg##8, O, 1, 16, 0, 0, IN_N) \
    E(1, v##op##_##sg##16, , sg##16, sg##16, O, 2, 4, 0, 0, IN_N) \
    E(1, v##op##q_##sg##16, q, sg##16, sg##16, O, 2, 8, 0, 0, IN_N) \
    E(1, v##op##q_##sg##32, q, sg##32, sg##32, O, 4, 4, 0, 0, IN_N)

#define INTRINSIC_TESTS(E) \
    FBHSD(E, 2, add, u, O_ADD, IN_N) \
    FBHSD(E, 2, sub, u, O_SUB, IN_N) \
    FBHS(E, 2, mul, u, O_MUL, IN_N) \
    FBHS(E, 3, mla, u, O_MLA, IN_N) \
    FBHS(E, 3, mls, u, O_MLS, IN_N) \
    FBHSD(E, 2, qadd, s, O_SQADD, IN_N) \
    FBHSD(E, 2, qadd, u, O_UQADD, IN_N) \
    FBHSD(E, 2, qsub, s, O_SQSUB, IN_N) \
    FBHSD(E, 2, qsub, u, O_UQSUB, IN_N) \
    FBHS(E, 2, hadd, s, O_SHADD, IN_N) \
    FBHS(E, 2, hadd, u, O_UHADD, IN_N) \
    FBHS(E, 2, rhadd, s, O_SRHADD, IN_N) \
    FBHS(E, 2, rhadd, u, O_URHADD, IN_N) \
    FBHS(E, 2, hsub, s, O_SHSUB, IN_N) \
    FBHS(E, 2, hsub, u, O_UHSUB, IN_N) \
    FBHS(E, 2, abd, s, O_SABD, IN_N) \
    FBHS(E, 2, abd, u, O_UABD, IN_N) \
    FBHS(E, 3, aba, s, O_SABA, IN_N) \
    FBHS(E, 3, aba, u, O_UABA, IN_N) \
    FBHS(E, 2, min, s, O_SMIN, IN_N) \
    FBHS(E, 2, max, s, O_SMAX, IN_N) \
    FBHS(E, 2, min, u, O_UMIN, IN_N) \
    FBHS(E, 2, max, u, O_UMAX, IN_N) \
    FBHSD(E, 2, ceq, u, O_CMEQ, IN_N) \
    FBHSD(E, 2, cge, s, O_CMGE, IN_N) \
    FBHSD(E, 2, cgt, s, O_CMGT, IN_N) \
    FBHSD(E, 2, cgt, u, O_CMHI, IN_N) \
    FBHSD(E, 2, cge, u, O_CMHS, IN_N) \
    FBHSD(E, 2, tst, u, O_CMTST, IN_N) \
    FB(E, 2, and, u, O_AND, IN_N) \
    FB(E, 2, orr, u, O_ORR, IN_N) \
    FB(E, 2, eor, u, O_EOR, IN_N) \
    FB(E, 2, bic, u, O_BIC, IN_N) \
    FB(E, 2, orn, u, O_ORN, IN_N) \
    FB(E, 3, bsl, u, O_BSL, IN_N) \
    FSHIFT(E, shl, s, O_SSHL) \
    FSHIFT(E, shl, u, O_USHL) \
    FSHIFT(E, rshl, s, O_SRSHL) \
    FSHIFT(E, rshl, u, O_URSHL) \
    FSHIFT(E, qshl, s, O_SQSHL) \
    FSHIFT(E, qshl, u, O_UQSHL) \
    FSHIFT(E, qrshl, s, O_SQRSHL) \
    FSHIFT(E, qrshl, u, O_UQRSHL) \
    FHS(E, 2, qdmulh, s, O_SQDMULH, IN_N) \
    FHS(E, 2, qrdmulh, s, O_SQRDMULH, IN_N) \
    FBHS_2D(E, 2, padd, u, O_ADDP, IN_N) \
    FBHS(E, 2, pmax, s, O_SMAXP, IN_N) \
    FBHS(E, 2, pmin, s, O_SMINP, IN_N) \
    FBHS(E, 2, pmax, u, O_UMAXP, IN_N) \
    FBHS(E, 2, pmin, u, O_UMINP, IN_N) \
    FBHSD(E, 1, abs, s, O_ABS, IN_N) \
    FBHSD(E, 1, neg, s, O_NEG, IN_N) \
    FBHSD(E, 1, qabs, s, O_SQABS, IN_N) \
    FBHSD(E, 1, qneg, s, O_SQNEG, IN_N) \
    FBHS(E, 1, cls, s, O_CLS, IN_N) \
    FBHS(E, 1, clz, u, O_CLZ, IN_N) \
    FB(E, 1, cnt, u, O_CNT, IN_N) \
    FB(E, 1, mvn, u, O_NOT, IN_N) \
    FB(E, 1, rbit, u, O_RBIT, IN_N) \
    FB(E, 1, rev16, u, O_REV16, IN_N) \
    E(1, vrev32_u8, , u8, u8, O_REV32, 1, 8, 0, 0, IN_N) \
    E(1, vrev32q_u8, q, u8, u8, O_REV32, 1, 16, 0, 0, IN_N) \
    E(1, vrev32_u16, , u16, u16, O_REV32, 2, 4, 0, 0, IN_N) \
    E(1, vrev32q_u16, q, u16, u16, O_REV32, 2, 8, 0, 0, IN_N) \
    FBHS(E, 1, rev64, u, O_REV64, IN_N) \
    FBHSD(E, 1, ceqz, s, O_CMEQZ, IN_N) \
    FBHSD(E, 1, cgez, s, O_CMGEZ, IN_N) \
    FBHSD(E, 1, cgtz, s, O_CMGTZ, IN_N) \
    FBHSD(E, 1, clez, s, O_CMLEZ, IN_N) \
    FBHSD(E, 1, cltz, s, O_CMLTZ, IN_N) \
    FBHS_2D(E, 2, zip1, u, O_ZIP1, IN_N) \
    FBHS_2D(E, 2, zip2, u, O_ZIP2, IN_N) \
    FBHS_2D(E, 2, uzp1, u, O_UZP1, IN_N) \
    FBHS_2D(E, 2, uzp2, u, O_UZP2, IN_N) \
    FBHS_2D(E, 2, trn1, u, O_TRN1, IN_N) \
    FBHS_2D(E, 2, trn2, u, O_TRN2, IN_N) \
    FWS(E, L, addl, O_SADDL) FWU(E, L, addl, O_UADDL) \
    FWS(E, L, subl, O_SSUBL) FWU(E, L, subl, O_USUBL) \
    FWS(E, WW, addw, O_SADDW) FWU(E, WW, addw, O_UADDW) \
    FWS(E, WW, subw, O_SSUBW) FWU(E, WW, subw, O_USUBW) \
    FWS(E, L, mull, O_SMULL) FWU(E, L, mull, O_UMULL) \
    FWS(E, WA, mlal, O_SMLAL) FWU(E, WA, mlal, O_UMLAL) \
    FWS(E, WA, mlsl, O_SMLSL) FWU(E, WA, mlsl, O_UMLSL) \
    FWS(E, L, abdl, O_SABDL) FWU(E, L, abdl, O_UABDL) \
    FWS(E, WA, abal, O_SABAL) FWU(E, WA, abal, O_UABAL) \
    E(2, vqdmull_s16, , s16, s16, O_SQDMULL, 2, 4, 0, 0, IN_N) \
    E(2, vqdmull_high_s16, q, s16, s16, O_SQDMULL, 2, 4, 0, 1, IN_N) \
    E(2, vqdmull_s32, , s32, s32, O_SQDMULL, 4, 2, 0, 0, IN_N) \
    E(2, vqdmull_high_s32, q, s32, s32, O_SQDMULL, 4, 2, 0, 1, IN_N) \
    FPL(E, 1, paddl, s, O_SADDLP) FPL(E, 1, paddl, u, O_UADDLP) \
    FPL(E, PA, padal, s, O_SADALP) FPL(E, PA, padal, u, O_UADALP) \
    FACROSS(E, addv, s, O_ADDV) \
    FACROSS(E, addlv, s, O_SADDLV) \
    FACROSS(E, addlv, u, O_UADDLV) \
    FACROSS(E, maxv, s, O_SMAXV) \
    FACROSS(E, minv, s, O_SMINV) \
    FACROSS(E, maxv, u, O_UMAXV) \
    FACROSS(E, minv, u, O_UMINV)

/* the (2S, 2D) across-lane and 1D widening forms the families above skip
 * are in the instruction tests below */
INTRINSIC_TESTS(E_DEF)

/* EXT, DUP (element), DUP (general), INS (general), INS (element) */
#define EXT_DEF(fn, intr, q, t, i) \
    static void fn(const v128 *a, const v128 *b, const v128 *c, v128 *r) \
    { (void)c; STORE(r, intr(L(q, t, a), L(q, t, b), i)); }
EXT_DEF(f_ext8b_3, vext_u8, , u8, 3)
EXT_DEF(f_ext16b_1, vextq_u8, q, u8, 1)
EXT_DEF(f_ext16b_15, vextq_u8, q, u8, 15)
EXT_DEF(f_ext4h_1, vext_u16, , u16, 1)
EXT_DEF(f_ext8h_5, vextq_u16, q, u16, 5)
EXT_DEF(f_ext2s_1, vext_u32, , u32, 1)
EXT_DEF(f_ext4s_3, vextq_u32, q, u32, 3)
EXT_DEF(f_ext2d_1, vextq_u64, q, u64, 1)

#define DUPE_DEF(fn, intr, t, i) \
    static void fn(const v128 *a, const v128 *b, const v128 *c, v128 *r) \
    { (void)b; (void)c; STORE(r, intr(vld1q_##t(AL(a)), i)); }
DUPE_DEF(f_dup8b, vdup_laneq_u8, u8, 9)
DUPE_DEF(f_dup16b, vdupq_laneq_u8, u8, 13)
DUPE_DEF(f_dup4h, vdup_laneq_u16, u16, 7)
DUPE_DEF(f_dup8h, vdupq_laneq_u16, u16, 2)
DUPE_DEF(f_dup2s, vdup_laneq_u32, u32, 3)
DUPE_DEF(f_dup4s, vdupq_laneq_u32, u32, 1)
DUPE_DEF(f_dup2d, vdupq_laneq_u64, u64, 1)

/* the scalar hidden in a general-purpose register, so that the compiler
 * cannot load-and-replicate it (LD1R) instead */
#define GPR(x) ({ uint64_t _g = (x); __asm__ volatile("" : "+r"(_g)); (__typeof__(x))_g; })
#define DUPG_DEF(fn, intr, fld) \
    static void fn(const v128 *a, const v128 *b, const v128 *c, v128 *r) \
    { (void)b; (void)c; STORE(r, intr(GPR(a->fld[0]))); }
DUPG_DEF(f_dupg8b, vdup_n_u8, b)
DUPG_DEF(f_dupg16b, vdupq_n_u8, b)
DUPG_DEF(f_dupg4h, vdup_n_u16, h)
DUPG_DEF(f_dupg8h, vdupq_n_u16, h)
DUPG_DEF(f_dupg2s, vdup_n_u32, s)
DUPG_DEF(f_dupg4s, vdupq_n_u32, s)
DUPG_DEF(f_dupg2d, vdupq_n_u64, d)

#define INSG_DEF(fn, intr, t, fld, i) \
    static void fn(const v128 *a, const v128 *b, const v128 *c, v128 *r) \
    { (void)c; STORE(r, intr(GPR(a->fld[0]), vld1q_##t(AL(b)), i)); }
INSG_DEF(f_insg_b, vsetq_lane_u8, u8, b, 11)
INSG_DEF(f_insg_h, vsetq_lane_u16, u16, h, 6)
INSG_DEF(f_insg_s, vsetq_lane_u32, u32, s, 1)
INSG_DEF(f_insg_d, vsetq_lane_u64, u64, d, 1)

#define INSE_DEF(fn, intr, t, dst, src) \
    static void fn(const v128 *a, const v128 *b, const v128 *c, v128 *r) \
    { (void)c; STORE(r, intr(vld1q_##t(AL(b)), dst, vld1q_##t(AL(a)), src)); }
INSE_DEF(f_inse_b, vcopyq_laneq_u8, u8, 3, 14)
INSE_DEF(f_inse_h, vcopyq_laneq_u16, u16, 7, 0)
INSE_DEF(f_inse_s, vcopyq_laneq_u32, u32, 0, 3)
INSE_DEF(f_inse_d, vcopyq_laneq_u64, u64, 0, 1)

/* TBL/TBX with 1-4 table registers (ref_table), indices a, TBX destination b */
static uint8x16x2_t tab2(void) { uint8x16x2_t t = { { vld1q_u8(AL(ref_table[0].b)), vld1q_u8(AL(ref_table[1].b)) } }; return t; }
static uint8x16x3_t tab3(void)
{
    uint8x16x3_t t = { { vld1q_u8(AL(ref_table[0].b)), vld1q_u8(AL(ref_table[1].b)), vld1q_u8(AL(ref_table[2].b)) } };
    return t;
}
static uint8x16x4_t tab4(void)
{
    uint8x16x4_t t = { { vld1q_u8(AL(ref_table[0].b)), vld1q_u8(AL(ref_table[1].b)), vld1q_u8(AL(ref_table[2].b)),
                         vld1q_u8(AL(ref_table[3].b)) } };
    return t;
}
#define TBL_DEF(fn, expr) \
    static void fn(const v128 *a, const v128 *b, const v128 *c, v128 *r) { (void)b; (void)c; STORE(r, expr); }
TBL_DEF(f_tbl1_8b, vqtbl1_u8(vld1q_u8(AL(ref_table[0].b)), vld1_u8(AL(a))))
TBL_DEF(f_tbl1_16b, vqtbl1q_u8(vld1q_u8(AL(ref_table[0].b)), vld1q_u8(AL(a))))
TBL_DEF(f_tbl2_8b, vqtbl2_u8(tab2(), vld1_u8(AL(a))))
TBL_DEF(f_tbl2_16b, vqtbl2q_u8(tab2(), vld1q_u8(AL(a))))
TBL_DEF(f_tbl3_8b, vqtbl3_u8(tab3(), vld1_u8(AL(a))))
TBL_DEF(f_tbl3_16b, vqtbl3q_u8(tab3(), vld1q_u8(AL(a))))
TBL_DEF(f_tbl4_8b, vqtbl4_u8(tab4(), vld1_u8(AL(a))))
TBL_DEF(f_tbl4_16b, vqtbl4q_u8(tab4(), vld1q_u8(AL(a))))
TBL_DEF(f_tbx1_8b, vqtbx1_u8(vld1_u8(AL(b)), vld1q_u8(AL(ref_table[0].b)), vld1_u8(AL(a))))
TBL_DEF(f_tbx1_16b, vqtbx1q_u8(vld1q_u8(AL(b)), vld1q_u8(AL(ref_table[0].b)), vld1q_u8(AL(a))))
TBL_DEF(f_tbx2_8b, vqtbx2_u8(vld1_u8(AL(b)), tab2(), vld1_u8(AL(a))))
TBL_DEF(f_tbx2_16b, vqtbx2q_u8(vld1q_u8(AL(b)), tab2(), vld1q_u8(AL(a))))
TBL_DEF(f_tbx3_8b, vqtbx3_u8(vld1_u8(AL(b)), tab3(), vld1_u8(AL(a))))
TBL_DEF(f_tbx3_16b, vqtbx3q_u8(vld1q_u8(AL(b)), tab3(), vld1q_u8(AL(a))))
TBL_DEF(f_tbx4_8b, vqtbx4_u8(vld1_u8(AL(b)), tab4(), vld1_u8(AL(a))))
TBL_DEF(f_tbx4_16b, vqtbx4q_u8(vld1q_u8(AL(b)), tab4(), vld1q_u8(AL(a))))

/* ---- instruction tests: a = v16, b = v18, c = old v17, result = v17 ---- */
#define A_DEF(id, text, op, es, n, imm, part, in) \
    static void a_##id(const v128 *a, const v128 *b, const v128 *c, v128 *r) \
    { \
        __asm__ volatile("ldr q16, [%1]\n\tldr q18, [%2]\n\tldr q17, [%3]\n\t" text "\n\tstr q17, [%0]" \
                         :: "r"(r), "r"(a), "r"(b), "r"(c) : "v16", "v17", "v18", "memory"); \
    }
#define A_ROW(id, text, op, es, n, imm, part, in) { text, a_##id, op, es, n, imm, part, in },

/* shift right by immediate (1..esize): one immediate for the 64-bit
 * arrangements, three (1, a middle one, esize) for the 128-bit ones */
#define SHR_TESTS(A, ins, O) \
    A(ins##_8b_5, #ins " v17.8b, v16.8b, #5", O, 1, 8, 5, 0, IN_N) \
    A(ins##_16b_1, #ins " v17.16b, v16.16b, #1", O, 1, 16, 1, 0, IN_N) \
    A(ins##_16b_3, #ins " v17.16b, v16.16b, #3", O, 1, 16, 3, 0, IN_N) \
    A(ins##_16b_8, #ins " v17.16b, v16.16b, #8", O, 1, 16, 8, 0, IN_N) \
    A(ins##_4h_11, #ins " v17.4h, v16.4h, #11", O, 2, 4, 11, 0, IN_N) \
    A(ins##_8h_1, #ins " v17.8h, v16.8h, #1", O, 2, 8, 1, 0, IN_N) \
    A(ins##_8h_9, #ins " v17.8h, v16.8h, #9", O, 2, 8, 9, 0, IN_N) \
    A(ins##_8h_16, #ins " v17.8h, v16.8h, #16", O, 2, 8, 16, 0, IN_N) \
    A(ins##_2s_23, #ins " v17.2s, v16.2s, #23", O, 4, 2, 23, 0, IN_N) \
    A(ins##_4s_1, #ins " v17.4s, v16.4s, #1", O, 4, 4, 1, 0, IN_N) \
    A(ins##_4s_17, #ins " v17.4s, v16.4s, #17", O, 4, 4, 17, 0, IN_N) \
    A(ins##_4s_32, #ins " v17.4s, v16.4s, #32", O, 4, 4, 32, 0, IN_N) \
    A(ins##_2d_1, #ins " v17.2d, v16.2d, #1", O, 8, 2, 1, 0, IN_N) \
    A(ins##_2d_33, #ins " v17.2d, v16.2d, #33", O, 8, 2, 33, 0, IN_N) \
    A(ins##_2d_64, #ins " v17.2d, v16.2d, #64", O, 8, 2, 64, 0, IN_N) \
    A(ins##_d_64, #ins " d17, d16, #64", O, 8, 1, 64, 0, IN_N)
/* shift left by immediate (0..esize-1) */
#define SHL_TESTS(A, ins, O) \
    A(ins##_8b_5, #ins " v17.8b, v16.8b, #5", O, 1, 8, 5, 0, IN_N) \
    A(ins##_16b_1, #ins " v17.16b, v16.16b, #1", O, 1, 16, 1, 0, IN_N) \
    A(ins##_16b_3, #ins " v17.16b, v16.16b, #3", O, 1, 16, 3, 0, IN_N) \
    A(ins##_16b_7, #ins " v17.16b, v16.16b, #7", O, 1, 16, 7, 0, IN_N) \
    A(ins##_4h_11, #ins " v17.4h, v16.4h, #11", O, 2, 4, 11, 0, IN_N) \
    A(ins##_8h_1, #ins " v17.8h, v16.8h, #1", O, 2, 8, 1, 0, IN_N) \
    A(ins##_8h_9, #ins " v17.8h, v16.8h, #9", O, 2, 8, 9, 0, IN_N) \
    A(ins##_8h_15, #ins " v17.8h, v16.8h, #15", O, 2, 8, 15, 0, IN_N) \
    A(ins##_2s_23, #ins " v17.2s, v16.2s, #23", O, 4, 2, 23, 0, IN_N) \
    A(ins##_4s_1, #ins " v17.4s, v16.4s, #1", O, 4, 4, 1, 0, IN_N) \
    A(ins##_4s_17, #ins " v17.4s, v16.4s, #17", O, 4, 4, 17, 0, IN_N) \
    A(ins##_4s_31, #ins " v17.4s, v16.4s, #31", O, 4, 4, 31, 0, IN_N) \
    A(ins##_2d_1, #ins " v17.2d, v16.2d, #1", O, 8, 2, 1, 0, IN_N) \
    A(ins##_2d_33, #ins " v17.2d, v16.2d, #33", O, 8, 2, 33, 0, IN_N) \
    A(ins##_2d_63, #ins " v17.2d, v16.2d, #63", O, 8, 2, 63, 0, IN_N) \
    A(ins##_d_0, #ins " d17, d16, #0", O, 8, 1, 0, 0, IN_N)
/* narrowing (wide source es = 2, 4, 8), lower and "2" forms */
#define NARROW_TESTS(A, ins, O) \
    A(ins##_8b, #ins " v17.8b, v16.8h", O, 2, 8, 0, 0, IN_N) \
    A(ins##2_16b, #ins "2 v17.16b, v16.8h", O, 2, 8, 0, 1, IN_N) \
    A(ins##_4h, #ins " v17.4h, v16.4s", O, 4, 4, 0, 0, IN_N) \
    A(ins##2_8h, #ins "2 v17.8h, v16.4s", O, 4, 4, 0, 1, IN_N) \
    A(ins##_2s, #ins " v17.2s, v16.2d", O, 8, 2, 0, 0, IN_N) \
    A(ins##2_4s, #ins "2 v17.4s, v16.2d", O, 8, 2, 0, 1, IN_N)
#define NARROW_SHIFT_TESTS(A, ins, O) \
    A(ins##_8b, #ins " v17.8b, v16.8h, #3", O, 2, 8, 3, 0, IN_N) \
    A(ins##2_16b, #ins "2 v17.16b, v16.8h, #8", O, 2, 8, 8, 1, IN_N) \
    A(ins##_4h, #ins " v17.4h, v16.4s, #1", O, 4, 4, 1, 0, IN_N) \
    A(ins##2_8h, #ins "2 v17.8h, v16.4s, #13", O, 4, 4, 13, 1, IN_N) \
    A(ins##_2s, #ins " v17.2s, v16.2d, #32", O, 8, 2, 32, 0, IN_N) \
    A(ins##2_4s, #ins "2 v17.4s, v16.2d, #7", O, 8, 2, 7, 1, IN_N)
#define NARROW_HN_TESTS(A, ins, O) \
    A(ins##_8b, #ins " v17.8b, v16.8h, v18.8h", O, 2, 8, 0, 0, IN_N) \
    A(ins##2_16b, #ins "2 v17.16b, v16.8h, v18.8h", O, 2, 8, 0, 1, IN_N) \
    A(ins##_4h, #ins " v17.4h, v16.4s, v18.4s", O, 4, 4, 0, 0, IN_N) \
    A(ins##2_8h, #ins "2 v17.8h, v16.4s, v18.4s", O, 4, 4, 0, 1, IN_N) \
    A(ins##_2s, #ins " v17.2s, v16.2d, v18.2d", O, 8, 2, 0, 0, IN_N) \
    A(ins##2_4s, #ins "2 v17.4s, v16.2d, v18.2d", O, 8, 2, 0, 1, IN_N)

/* the "2" widening forms (upper halves of the sources); the _high
 * intrinsics compile to the plain forms on a loaded upper half */
#define WIDE2_TESTS(A, ins, O) \
    A(ins##2_8h, #ins "2 v17.8h, v16.16b, v18.16b", O, 1, 8, 0, 1, IN_N) \
    A(ins##2_4s, #ins "2 v17.4s, v16.8h, v18.8h", O, 2, 4, 0, 1, IN_N) \
    A(ins##2_2d, #ins "2 v17.2d, v16.4s, v18.4s", O, 4, 2, 0, 1, IN_N)
#define WIDEW2_TESTS(A, ins, O) \
    A(ins##2_8h, #ins "2 v17.8h, v16.8h, v18.16b", O, 1, 8, 0, 1, IN_N) \
    A(ins##2_4s, #ins "2 v17.4s, v16.4s, v18.8h", O, 2, 4, 0, 1, IN_N) \
    A(ins##2_2d, #ins "2 v17.2d, v16.2d, v18.4s", O, 4, 2, 0, 1, IN_N)

#define ASM_TESTS(A) \
    WIDE2_TESTS(A, saddl, O_SADDL) WIDE2_TESTS(A, uaddl, O_UADDL) \
    WIDE2_TESTS(A, ssubl, O_SSUBL) WIDE2_TESTS(A, usubl, O_USUBL) \
    WIDEW2_TESTS(A, saddw, O_SADDW) WIDEW2_TESTS(A, uaddw, O_UADDW) \
    WIDEW2_TESTS(A, ssubw, O_SSUBW) WIDEW2_TESTS(A, usubw, O_USUBW) \
    WIDE2_TESTS(A, smull, O_SMULL) WIDE2_TESTS(A, umull, O_UMULL) \
    WIDE2_TESTS(A, smlal, O_SMLAL) WIDE2_TESTS(A, umlal, O_UMLAL) \
    WIDE2_TESTS(A, smlsl, O_SMLSL) WIDE2_TESTS(A, umlsl, O_UMLSL) \
    WIDE2_TESTS(A, sabdl, O_SABDL) WIDE2_TESTS(A, uabdl, O_UABDL) \
    WIDE2_TESTS(A, sabal, O_SABAL) WIDE2_TESTS(A, uabal, O_UABAL) \
    A(sqdmull2_4s, "sqdmull2 v17.4s, v16.8h, v18.8h", O_SQDMULL, 2, 4, 0, 1, IN_N) \
    A(sqdmull2_2d, "sqdmull2 v17.2d, v16.4s, v18.4s", O_SQDMULL, 4, 2, 0, 1, IN_N) \
    SHR_TESTS(A, sshr, O_SSHR) SHR_TESTS(A, ushr, O_USHR) \
    SHR_TESTS(A, srshr, O_SRSHR) SHR_TESTS(A, urshr, O_URSHR) \
    SHR_TESTS(A, ssra, O_SSRA) SHR_TESTS(A, usra, O_USRA) \
    SHR_TESTS(A, srsra, O_SRSRA) SHR_TESTS(A, ursra, O_URSRA) \
    SHR_TESTS(A, sri, O_SRI) \
    SHL_TESTS(A, shl, O_SHL) SHL_TESTS(A, sli, O_SLI) \
    SHL_TESTS(A, sqshl, O_SQSHLI) SHL_TESTS(A, uqshl, O_UQSHLI) SHL_TESTS(A, sqshlu, O_SQSHLU) \
    A(sqshl_b_3, "sqshl b17, b16, #3", O_SQSHLI, 1, 1, 3, 0, IN_N) \
    A(uqshl_h_9, "uqshl h17, h16, #9", O_UQSHLI, 2, 1, 9, 0, IN_N) \
    A(sqshlu_s_30, "sqshlu s17, s16, #30", O_SQSHLU, 4, 1, 30, 0, IN_N) \
    NARROW_TESTS(A, xtn, O_XTN) NARROW_TESTS(A, sqxtn, O_SQXTN) \
    NARROW_TESTS(A, uqxtn, O_UQXTN) NARROW_TESTS(A, sqxtun, O_SQXTUN) \
    A(sqxtn_b, "sqxtn b17, h16", O_SQXTN, 2, 1, 0, 0, IN_N) \
    A(uqxtn_s, "uqxtn s17, d16", O_UQXTN, 8, 1, 0, 0, IN_N) \
    NARROW_SHIFT_TESTS(A, shrn, O_SHRN) NARROW_SHIFT_TESTS(A, rshrn, O_RSHRN) \
    NARROW_SHIFT_TESTS(A, sqshrn, O_SQSHRN) NARROW_SHIFT_TESTS(A, uqshrn, O_UQSHRN) \
    NARROW_SHIFT_TESTS(A, sqrshrn, O_SQRSHRN) NARROW_SHIFT_TESTS(A, uqrshrn, O_UQRSHRN) \
    NARROW_SHIFT_TESTS(A, sqshrun, O_SQSHRUN) NARROW_SHIFT_TESTS(A, sqrshrun, O_SQRSHRUN) \
    NARROW_HN_TESTS(A, addhn, O_ADDHN) NARROW_HN_TESTS(A, raddhn, O_RADDHN) \
    NARROW_HN_TESTS(A, subhn, O_SUBHN) NARROW_HN_TESTS(A, rsubhn, O_RSUBHN) \
    A(sshll_8h_3, "sshll v17.8h, v16.8b, #3", O_SSHLL, 1, 8, 3, 0, IN_N) \
    A(sshll2_8h_7, "sshll2 v17.8h, v16.16b, #7", O_SSHLL, 1, 8, 7, 1, IN_N) \
    A(ushll_4s_15, "ushll v17.4s, v16.4h, #15", O_USHLL, 2, 4, 15, 0, IN_N) \
    A(ushll2_4s_1, "ushll2 v17.4s, v16.8h, #1", O_USHLL, 2, 4, 1, 1, IN_N) \
    A(sshll_2d_31, "sshll v17.2d, v16.2s, #31", O_SSHLL, 4, 2, 31, 0, IN_N) \
    A(ushll2_2d_20, "ushll2 v17.2d, v16.4s, #20", O_USHLL, 4, 2, 20, 1, IN_N) \
    A(shll_8h, "shll v17.8h, v16.8b, #8", O_USHLL, 1, 8, 8, 0, IN_N) \
    A(shll2_8h, "shll2 v17.8h, v16.16b, #8", O_USHLL, 1, 8, 8, 1, IN_N) \
    A(shll_4s, "shll v17.4s, v16.4h, #16", O_USHLL, 2, 4, 16, 0, IN_N) \
    A(shll2_2d, "shll2 v17.2d, v16.4s, #32", O_USHLL, 4, 2, 32, 1, IN_N) \
    A(sxtl_8h, "sxtl v17.8h, v16.8b", O_SSHLL, 1, 8, 0, 0, IN_N) \
    A(sxtl2_8h, "sxtl2 v17.8h, v16.16b", O_SSHLL, 1, 8, 0, 1, IN_N) \
    A(sxtl_4s, "sxtl v17.4s, v16.4h", O_SSHLL, 2, 4, 0, 0, IN_N) \
    A(sxtl2_2d, "sxtl2 v17.2d, v16.4s", O_SSHLL, 4, 2, 0, 1, IN_N) \
    A(uxtl_8h, "uxtl v17.8h, v16.8b", O_USHLL, 1, 8, 0, 0, IN_N) \
    A(uxtl2_4s, "uxtl2 v17.4s, v16.8h", O_USHLL, 2, 4, 0, 1, IN_N) \
    A(uxtl_2d, "uxtl v17.2d, v16.2s", O_USHLL, 4, 2, 0, 0, IN_N) \
    A(uxtl2_2d, "uxtl2 v17.2d, v16.4s", O_USHLL, 4, 2, 0, 1, IN_N) \
    A(bsl_8b, "bsl v17.8b, v16.8b, v18.8b", O_BSL, 1, 8, 0, 0, IN_N) \
    A(bsl_16b, "bsl v17.16b, v16.16b, v18.16b", O_BSL, 1, 16, 0, 0, IN_N) \
    A(bit_8b, "bit v17.8b, v16.8b, v18.8b", O_BIT, 1, 8, 0, 0, IN_N) \
    A(bit_16b, "bit v17.16b, v16.16b, v18.16b", O_BIT, 1, 16, 0, 0, IN_N) \
    A(bif_8b, "bif v17.8b, v16.8b, v18.8b", O_BIF, 1, 8, 0, 0, IN_N) \
    A(bif_16b, "bif v17.16b, v16.16b, v18.16b", O_BIF, 1, 16, 0, 0, IN_N) \
    A(not_8b, "not v17.8b, v16.8b", O_NOT, 1, 8, 0, 0, IN_N) \
    A(orn_16b, "orn v17.16b, v16.16b, v18.16b", O_ORN, 1, 16, 0, 0, IN_N) \
    /* 64-bit (Q = 0) forms clear bits 127:64; scalar results clear 127:es */ \
    A(add_8b, "add v17.8b, v16.8b, v18.8b", O_ADD, 1, 8, 0, 0, IN_N) \
    A(add_d, "add d17, d16, d18", O_ADD, 8, 1, 0, 0, IN_N) \
    A(mul_4h, "mul v17.4h, v16.4h, v18.4h", O_MUL, 2, 4, 0, 0, IN_N) \
    A(mla_2s, "mla v17.2s, v16.2s, v18.2s", O_MLA, 4, 2, 0, 0, IN_N) \
    A(sqadd_2s, "sqadd v17.2s, v16.2s, v18.2s", O_SQADD, 4, 2, 0, 0, IN_N) \
    A(uqsub_b, "uqsub b17, b16, b18", O_UQSUB, 1, 1, 0, 0, IN_N) \
    A(sqadd_h, "sqadd h17, h16, h18", O_SQADD, 2, 1, 0, 0, IN_N) \
    A(cmgt_8b, "cmgt v17.8b, v16.8b, v18.8b", O_CMGT, 1, 8, 0, 0, IN_N) \
    A(cmhi_d, "cmhi d17, d16, d18", O_CMHI, 8, 1, 0, 0, IN_N) \
    A(cmtst_4h, "cmtst v17.4h, v16.4h, v18.4h", O_CMTST, 2, 4, 0, 0, IN_N) \
    A(cmle_2s, "cmle v17.2s, v16.2s, #0", O_CMLEZ, 4, 2, 0, 0, IN_N) \
    A(cmlt_d, "cmlt d17, d16, #0", O_CMLTZ, 8, 1, 0, 0, IN_N) \
    A(sshl_d, "sshl d17, d16, d18", O_SSHL, 8, 1, 0, 0, IN_SH) \
    A(uqrshl_s, "uqrshl s17, s16, s18", O_UQRSHL, 4, 1, 0, 0, IN_SH) \
    A(addp_4h, "addp v17.4h, v16.4h, v18.4h", O_ADDP, 2, 4, 0, 0, IN_N) \
    A(umaxp_8b, "umaxp v17.8b, v16.8b, v18.8b", O_UMAXP, 1, 8, 0, 0, IN_N) \
    A(zip1_8b, "zip1 v17.8b, v16.8b, v18.8b", O_ZIP1, 1, 8, 0, 0, IN_N) \
    A(uzp2_4h, "uzp2 v17.4h, v16.4h, v18.4h", O_UZP2, 2, 4, 0, 0, IN_N) \
    A(trn1_2s, "trn1 v17.2s, v16.2s, v18.2s", O_TRN1, 4, 2, 0, 0, IN_N) \
    A(ext_8b_3, "ext v17.8b, v16.8b, v18.8b, #3", O_EXT, 1, 8, 3, 0, IN_N) \
    A(ext_16b_9, "ext v17.16b, v16.16b, v18.16b, #9", O_EXT, 1, 16, 9, 0, IN_N) \
    A(abs_2s, "abs v17.2s, v16.2s", O_ABS, 4, 2, 0, 0, IN_N) \
    A(sqneg_b, "sqneg b17, b16", O_SQNEG, 1, 1, 0, 0, IN_N) \
    A(cnt_8b, "cnt v17.8b, v16.8b", O_CNT, 1, 8, 0, 0, IN_N) \
    A(rev64_4h, "rev64 v17.4h, v16.4h", O_REV64, 2, 4, 0, 0, IN_N) \
    A(cls_4h, "cls v17.4h, v16.4h", O_CLS, 2, 4, 0, 0, IN_N) \
    A(uaddlp_4h, "uaddlp v17.4h, v16.8b", O_UADDLP, 1, 4, 0, 0, IN_N) \
    A(sadalp_1d, "sadalp v17.1d, v16.2s", O_SADALP, 4, 1, 0, 0, IN_N) \
    A(dup_8b, "dup v17.8b, v16.b[15]", O_DUPE, 1, 8, 15, 0, IN_N) \
    A(dup_h, "dup h17, v16.h[5]", O_DUPE, 2, 1, 5, 0, IN_N) \
    A(addv_b, "addv b17, v16.16b", O_ADDV, 1, 16, 0, 0, IN_N) \
    A(addv_h_4h, "addv h17, v16.4h", O_ADDV, 2, 4, 0, 0, IN_N) \
    A(saddlv_h, "saddlv h17, v16.8b", O_SADDLV, 1, 8, 0, 0, IN_N) \
    A(uaddlv_d, "uaddlv d17, v16.4s", O_UADDLV, 4, 4, 0, 0, IN_N) \
    A(umaxv_s, "umaxv s17, v16.4s", O_UMAXV, 4, 4, 0, 0, IN_N) \
    A(sminv_b, "sminv b17, v16.8b", O_SMINV, 1, 8, 0, 0, IN_N) \
    A(addp_d, "addp d17, v16.2d", O_ADDV, 8, 2, 0, 0, IN_N) \
    A(smull_4s, "smull v17.4s, v16.4h, v18.4h", O_SMULL, 2, 4, 0, 0, IN_N) \
    A(sqdmull_s, "sqdmull s17, h16, h18", O_SQDMULL, 2, 1, 0, 0, IN_N)

ASM_TESTS(A_DEF)

static const struct vt tests[] = {
    INTRINSIC_TESTS(E_ROW)
    { "vext_u8 #3", f_ext8b_3, O_EXT, 1, 8, 3, 0, IN_N },
    { "vextq_u8 #1", f_ext16b_1, O_EXT, 1, 16, 1, 0, IN_N },
    { "vextq_u8 #15", f_ext16b_15, O_EXT, 1, 16, 15, 0, IN_N },
    { "vext_u16 #1", f_ext4h_1, O_EXT, 2, 4, 1, 0, IN_N },
    { "vextq_u16 #5", f_ext8h_5, O_EXT, 2, 8, 5, 0, IN_N },
    { "vext_u32 #1", f_ext2s_1, O_EXT, 4, 2, 1, 0, IN_N },
    { "vextq_u32 #3", f_ext4s_3, O_EXT, 4, 4, 3, 0, IN_N },
    { "vextq_u64 #1", f_ext2d_1, O_EXT, 8, 2, 1, 0, IN_N },
    { "vdup_laneq_u8 [9]", f_dup8b, O_DUPE, 1, 8, 9, 0, IN_N },
    { "vdupq_laneq_u8 [13]", f_dup16b, O_DUPE, 1, 16, 13, 0, IN_N },
    { "vdup_laneq_u16 [7]", f_dup4h, O_DUPE, 2, 4, 7, 0, IN_N },
    { "vdupq_laneq_u16 [2]", f_dup8h, O_DUPE, 2, 8, 2, 0, IN_N },
    { "vdup_laneq_u32 [3]", f_dup2s, O_DUPE, 4, 2, 3, 0, IN_N },
    { "vdupq_laneq_u32 [1]", f_dup4s, O_DUPE, 4, 4, 1, 0, IN_N },
    { "vdupq_laneq_u64 [1]", f_dup2d, O_DUPE, 8, 2, 1, 0, IN_N },
    { "vdup_n_u8 (DUP 8B, W)", f_dupg8b, O_DUPG, 1, 8, 0, 0, IN_N },
    { "vdupq_n_u8 (DUP 16B, W)", f_dupg16b, O_DUPG, 1, 16, 0, 0, IN_N },
    { "vdup_n_u16 (DUP 4H, W)", f_dupg4h, O_DUPG, 2, 4, 0, 0, IN_N },
    { "vdupq_n_u16 (DUP 8H, W)", f_dupg8h, O_DUPG, 2, 8, 0, 0, IN_N },
    { "vdup_n_u32 (DUP 2S, W)", f_dupg2s, O_DUPG, 4, 2, 0, 0, IN_N },
    { "vdupq_n_u32 (DUP 4S, W)", f_dupg4s, O_DUPG, 4, 4, 0, 0, IN_N },
    { "vdupq_n_u64 (DUP 2D, X)", f_dupg2d, O_DUPG, 8, 2, 0, 0, IN_N },
    { "vsetq_lane_u8 [11] (INS, W)", f_insg_b, O_INSG, 1, 16, 11, 0, IN_N },
    { "vsetq_lane_u16 [6] (INS, W)", f_insg_h, O_INSG, 2, 8, 6, 0, IN_N },
    { "vsetq_lane_u32 [1] (INS, W)", f_insg_s, O_INSG, 4, 4, 1, 0, IN_N },
    { "vsetq_lane_u64 [1] (INS, X)", f_insg_d, O_INSG, 8, 2, 1, 0, IN_N },
    { "vcopyq_laneq_u8 [3] <- [14] (INS element)", f_inse_b, O_INSE, 1, 16, 3, 14, IN_N },
    { "vcopyq_laneq_u16 [7] <- [0] (INS element)", f_inse_h, O_INSE, 2, 8, 7, 0, IN_N },
    { "vcopyq_laneq_u32 [0] <- [3] (INS element)", f_inse_s, O_INSE, 4, 4, 0, 3, IN_N },
    { "vcopyq_laneq_u64 [0] <- [1] (INS element)", f_inse_d, O_INSE, 8, 2, 0, 1, IN_N },
    { "vqtbl1_u8 (TBL 8B, 1 register)", f_tbl1_8b, O_TBL, 1, 8, 1, 0, IN_TBL },
    { "vqtbl1q_u8 (TBL 16B, 1 register)", f_tbl1_16b, O_TBL, 1, 16, 1, 0, IN_TBL },
    { "vqtbl2_u8 (TBL 8B, 2 registers)", f_tbl2_8b, O_TBL, 1, 8, 2, 0, IN_TBL },
    { "vqtbl2q_u8 (TBL 16B, 2 registers)", f_tbl2_16b, O_TBL, 1, 16, 2, 0, IN_TBL },
    { "vqtbl3_u8 (TBL 8B, 3 registers)", f_tbl3_8b, O_TBL, 1, 8, 3, 0, IN_TBL },
    { "vqtbl3q_u8 (TBL 16B, 3 registers)", f_tbl3_16b, O_TBL, 1, 16, 3, 0, IN_TBL },
    { "vqtbl4_u8 (TBL 8B, 4 registers)", f_tbl4_8b, O_TBL, 1, 8, 4, 0, IN_TBL },
    { "vqtbl4q_u8 (TBL 16B, 4 registers)", f_tbl4_16b, O_TBL, 1, 16, 4, 0, IN_TBL },
    { "vqtbx1_u8 (TBX 8B, 1 register)", f_tbx1_8b, O_TBX, 1, 8, 1, 0, IN_TBL },
    { "vqtbx1q_u8 (TBX 16B, 1 register)", f_tbx1_16b, O_TBX, 1, 16, 1, 0, IN_TBL },
    { "vqtbx2_u8 (TBX 8B, 2 registers)", f_tbx2_8b, O_TBX, 1, 8, 2, 0, IN_TBL },
    { "vqtbx2q_u8 (TBX 16B, 2 registers)", f_tbx2_16b, O_TBX, 1, 16, 2, 0, IN_TBL },
    { "vqtbx3_u8 (TBX 8B, 3 registers)", f_tbx3_8b, O_TBX, 1, 8, 3, 0, IN_TBL },
    { "vqtbx3q_u8 (TBX 16B, 3 registers)", f_tbx3_16b, O_TBX, 1, 16, 3, 0, IN_TBL },
    { "vqtbx4_u8 (TBX 8B, 4 registers)", f_tbx4_8b, O_TBX, 1, 8, 4, 0, IN_TBL },
    { "vqtbx4q_u8 (TBX 16B, 4 registers)", f_tbx4_16b, O_TBX, 1, 16, 4, 0, IN_TBL },
    ASM_TESTS(A_ROW)
};

/* ---- inputs ------------------------------------------------------------ */
#define NSETS 6
static v128 rnd[8];
static v128 edge[4][6];         /* per element size (1, 2, 4, 8 bytes) */
static v128 shifts[4][3];
static v128 tbl_idx[4];
static uint64_t seed = 0x9e3779b97f4a7c15ull;

static uint64_t next(void)
{
    seed ^= seed >> 12;
    seed ^= seed << 25;
    seed ^= seed >> 27;
    return seed * 0x2545f4914f6cdd1dull;
}

static unsigned es_index(unsigned es)
{
    return es == 1 ? 0 : es == 2 ? 1 : es == 4 ? 2 : 3;
}

static void set_lane(v128 *v, unsigned es, unsigned i, uint64_t x)
{
    switch (es) {
    case 1: v->b[i] = (uint8_t)x; break;
    case 2: v->h[i] = (uint16_t)x; break;
    case 4: v->s[i] = (uint32_t)x; break;
    default: v->d[i] = x; break;
    }
}

static void make_inputs(void)
{
    for (unsigned i = 0; i < 8; i++) {
        rnd[i].d[0] = next();
        rnd[i].d[1] = next();
    }
    for (unsigned k = 0; k < 4; k++) {
        unsigned es = 1u << k, bits = es * 8, lanes = 16 / es;
        uint64_t ones = bits == 64 ? ~0ull : (1ull << bits) - 1;
        uint64_t smax = ones >> 1, smin = smax + 1;
        uint64_t values[] = { smin, smax, ones, 0, 1, 2, smax - 1, smin + 1, ones - 1,
                              0x5555555555555555ull & ones, 0xaaaaaaaaaaaaaaaaull & ones, smax >> 1,
                              3, (smax >> 1) + 1 };
        const unsigned nv = sizeof values / sizeof values[0];
        /* lane i of edge vector e: values[(start + i * step) % nv]; lane 0
         * (the only lane of the 1D/scalar forms) of the six vectors is
         * -1, -1, 0, smax, 1, smin; vector 5 (used as both a and b) starts
         * smin, smax, -1 so that every saturating operation saturates */
        static const uint8_t start[6] = { 2, 2, 3, 1, 4, 0 }, step[6] = { 3, 5, 3, 3, 3, 1 };
        for (unsigned e = 0; e < 6; e++)
            for (unsigned i = 0; i < lanes; i++) {
                /* vector 5: the upper half repeats the lower (for the "2" forms) */
                unsigned j = e == 5 && lanes > 2 ? i % (lanes / 2) : i;
                set_lane(&edge[k][e], es, i, values[(start[e] + j * step[e]) % nv]);
            }
        /* shift counts: the signed bottom byte matters, the rest is noise */
        int counts[] = { 0, 1, -1, 2, -2, (int)bits - 1, -(int)bits + 1, (int)bits, -(int)bits,
                         (int)bits + 1, -(int)bits - 1, 3, -3, 127, -128, (int)bits / 2, -(int)bits / 2, 5 };
        const unsigned nc = sizeof counts / sizeof counts[0];
        for (unsigned s = 0; s < 3; s++)
            for (unsigned i = 0; i < lanes; i++) {
                uint64_t noise = next() & ones & ~0xffull;
                set_lane(&shifts[k][s], es, i, noise | (uint8_t)counts[(s * 7 + i) % nc]);
            }
    }
    for (unsigned t = 0; t < 4; t++) {
        ref_table[t].d[0] = next();
        ref_table[t].d[1] = next();
    }
    static const uint8_t special[16] = { 0x00, 0x0f, 0x10, 0x1f, 0x20, 0x2f, 0x30, 0x3f,
                                         0x40, 0x41, 0x7f, 0x80, 0xff, 0x05, 0x3e, 0x11 };
    for (unsigned i = 0; i < 16; i++) {
        tbl_idx[0].b[i] = (uint8_t)(next() % 72);
        tbl_idx[1].b[i] = (uint8_t)(next() % 72);
        tbl_idx[2].b[i] = special[i];
        tbl_idx[3].b[i] = special[15 - i];
    }
}

static void inputs(const struct vt *t, unsigned set, const v128 **a, const v128 **b, const v128 **c)
{
    /* the widening and narrowing groups read elements of es and 2*es: the
     * edge values of es are the interesting ones for both */
    unsigned k = es_index(t->es);
    static const struct { int8_t a, b, c; } sets[NSETS] = {
        /* >= 0: rnd[i]; < 0: edge[-1 - i] */
        { 0, 1, 2 }, { -1, -2, 3 }, { -3, -1, -2 }, { 4, -4, -3 }, { -5, 5, 6 }, { -6, -6, -4 },
    };
#define PICK(x) ((x) >= 0 ? &rnd[(x)] : &edge[k][-1 - (x)])
    *a = PICK(sets[set].a);
    *b = PICK(sets[set].b);
    *c = PICK(sets[set].c);
#undef PICK
    if (t->in == IN_SH)
        *b = &shifts[k][set % 3];
    if (t->in == IN_TBL) {
        *a = &tbl_idx[set % 4];
        *b = &rnd[set];
    }
}

static void show(const char *what, const v128 *v)
{
    printf(" %s=%016llx:%016llx", what, (unsigned long long)v->d[1], (unsigned long long)v->d[0]);
}

static void run_table(void)
{
    for (unsigned i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        const struct vt *t = &tests[i];
        unsigned bad = 0;
        for (unsigned set = 0; set < NSETS; set++) {
            const v128 *a, *b, *c;
            v128 got = { .d = { 0, 0 } }, exp;
            inputs(t, set, &a, &b, &c);
            set_fpsr(0);
            t->fn(a, b, c, &got);
            int qc = (get_fpsr() & FPSR_QC) != 0;
            ref_run(t->op, t->es, t->n, t->imm, t->part, a, b, c, &exp);
            if (!ref_same(&got, &exp, 16) || qc != ref_qc) {
                if (!bad) {
                    printf("# %s, input set %u:", t->name, set);
                    show("a", a);
                    show("b", b);
                    show("c", c);
                    printf("\n#  ");
                    show("got", &got);
                    show("expected", &exp);
                    printf(" QC %d expected %d\n", qc, ref_qc);
                }
                bad++;
            }
        }
        check(t->name, bad, 0);
    }
    set_fpsr(0);
}

/* ---- FPSR.QC is sticky ------------------------------------------------- */
static void qc_sticky(void)
{
    v128 out;
    set_fpsr(0);
    __asm__ volatile("movi v16.16b, #0x7f\n\tsqadd v17.16b, v16.16b, v16.16b\n\tstr q17, [%0]"
                     :: "r"(&out) : "v16", "v17", "memory");
    check("sqadd 0x7f + 0x7f saturates to 0x7f", out.d[0], 0x7f7f7f7f7f7f7f7full);
    check("... and sets FPSR.QC", get_fpsr(), FPSR_QC);
    __asm__ volatile("movi v16.16b, #1\n\tsqadd v17.16b, v16.16b, v16.16b\n\tstr q17, [%0]"
                     :: "r"(&out) : "v16", "v17", "memory");
    check("a later sqadd that does not saturate leaves QC set", get_fpsr(), FPSR_QC);
    set_fpsr(0);
    check("MSR FPSR clears QC", get_fpsr(), 0);
    __asm__ volatile("movi v16.8h, #0x80, lsl #8\n\tsqabs v17.8h, v16.8h\n\tstr q17, [%0]"
                     :: "r"(&out) : "v16", "v17", "memory");
    check("sqabs 0x8000 = 0x7fff", out.d[1], 0x7fff7fff7fff7fffull);
    check("... and sets QC", get_fpsr(), FPSR_QC);
    set_fpsr(0);
    __asm__ volatile("movi v16.8h, #0x80, lsl #8\n\tabs v17.8h, v16.8h\n\tstr q17, [%0]"
                     :: "r"(&out) : "v16", "v17", "memory");
    check("abs 0x8000 = 0x8000 (wraps)", out.d[1], 0x8000800080008000ull);
    check("... without QC", get_fpsr(), 0);
}

/* ---- UMOV / SMOV ---------------------------------------------------- */
static void moves(void)
{
    const v128 *v = &rnd[3];
    uint64_t r;
#define MOV_TEST(text, name, expect) \
    __asm__ volatile("ldr q16, [%1]\n\t" text : "=r"(r) : "r"(v) : "v16"); \
    check(name, r, expect)
    MOV_TEST("umov %w0, v16.b[13]", "umov w, v.b[13]", v->b[13]);
    MOV_TEST("umov %w0, v16.h[6]", "umov w, v.h[6]", v->h[6]);
    MOV_TEST("mov %w0, v16.s[3]", "umov w, v.s[3]", v->s[3]);
    MOV_TEST("mov %x0, v16.d[1]", "umov x, v.d[1]", v->d[1]);
    MOV_TEST("smov %w0, v16.b[7]", "smov w, v.b[7]", (uint32_t)(int32_t)v->sb[7]);
    MOV_TEST("smov %x0, v16.b[15]", "smov x, v.b[15]", (uint64_t)(int64_t)v->sb[15]);
    MOV_TEST("smov %w0, v16.h[1]", "smov w, v.h[1]", (uint32_t)(int32_t)v->sh[1]);
    MOV_TEST("smov %x0, v16.h[4]", "smov x, v.h[4]", (uint64_t)(int64_t)v->sh[4]);
    MOV_TEST("smov %x0, v16.s[2]", "smov x, v.s[2]", (uint64_t)(int64_t)v->ss[2]);
    /* sign bits set for sure: lanes of 0x80 / 0x8000 / 0x80000000 */
    __asm__ volatile("movi v16.16b, #0x80\n\tsmov %w0, v16.b[3]" : "=r"(r) :: "v16");
    check("smov w, b = 0x80: W result, bits 63:32 zero", r, 0xffffff80ull);
    __asm__ volatile("movi v16.16b, #0x80\n\tsmov %x0, v16.h[3]" : "=r"(r) :: "v16");
    check("smov x, h = 0x8080", r, 0xffffffffffff8080ull);
    __asm__ volatile("movi v16.16b, #0x80\n\tsmov %x0, v16.s[0]" : "=r"(r) :: "v16");
    check("smov x, s = 0x80808080", r, 0xffffffff80808080ull);
    __asm__ volatile("movi v16.16b, #0x80\n\tumov %w0, v16.h[7]" : "=r"(r) :: "v16");
    check("umov w, h = 0x8080 (zero-extended)", r, 0x8080ull);
#undef MOV_TEST
}

/* ---- MOVI / MVNI / ORR / BIC (vector, immediate) ----------------------- */
/* AdvSIMDExpandImm (Arm ARM shared pseudocode, used by MOVI/MVNI/ORR/BIC
 * (vector, immediate)): the 8-bit immediate is shifted left by 0/8/16/24
 * (LSL) or shifted with ones (MSL) into each 16- or 32-bit lane, repeated
 * in every byte (8B/16B), or, for the 64-bit forms, each of its bits
 * gives a whole byte of 0x00 or 0xff; MVNI inverts, ORR/BIC combine with
 * the destination.  The expected lane values below were worked out by
 * hand from that. */
static void immediates(void)
{
    v128 out;
#define IMM_TEST(text, lo, hi) \
    __asm__ volatile("movi v17.2d, #0xffffffffffffffff\n\tmovi v16.2d, #0\n\t" \
                     "mov v17.d[1], v16.d[0]\n\t" text "\n\tstr q17, [%0]" :: "r"(&out) : "v16", "v17", "memory"); \
    check(text " (lower 64 bits)", out.d[0], lo); \
    check(text " (upper 64 bits)", out.d[1], hi)
    /* v17 starts as 0x0000000000000000:ffffffffffffffff (upper:lower) */
    IMM_TEST("movi v17.8b, #0xa5", 0xa5a5a5a5a5a5a5a5ull, 0);
    IMM_TEST("movi v17.16b, #0x3c", 0x3c3c3c3c3c3c3c3cull, 0x3c3c3c3c3c3c3c3cull);
    IMM_TEST("movi v17.4h, #0x12", 0x0012001200120012ull, 0);
    IMM_TEST("movi v17.8h, #0x12, lsl #8", 0x1200120012001200ull, 0x1200120012001200ull);
    IMM_TEST("movi v17.2s, #0x34, lsl #8", 0x0000340000003400ull, 0);
    IMM_TEST("movi v17.4s, #0x34, lsl #16", 0x0034000000340000ull, 0x0034000000340000ull);
    IMM_TEST("movi v17.4s, #0x34, lsl #24", 0x3400000034000000ull, 0x3400000034000000ull);
    IMM_TEST("movi v17.2s, #0xab, msl #8", 0x0000abff0000abffull, 0);
    IMM_TEST("movi v17.4s, #0xab, msl #16", 0x00abffff00abffffull, 0x00abffff00abffffull);
    IMM_TEST("movi d17, #0xff0000ff00ffff00", 0xff0000ff00ffff00ull, 0);
    IMM_TEST("movi v17.2d, #0x00ff00ffff0000ff", 0x00ff00ffff0000ffull, 0x00ff00ffff0000ffull);
    IMM_TEST("mvni v17.4h, #0x12", 0xffedffedffedffedull, 0);
    IMM_TEST("mvni v17.8h, #0x12, lsl #8", 0xedffedffedffedffull, 0xedffedffedffedffull);
    IMM_TEST("mvni v17.2s, #0x56, lsl #24", 0xa9ffffffa9ffffffull, 0);
    IMM_TEST("mvni v17.4s, #0x56", 0xffffffa9ffffffa9ull, 0xffffffa9ffffffa9ull);
    IMM_TEST("mvni v17.2s, #0xab, msl #8", 0xffff5400ffff5400ull, 0);
    IMM_TEST("mvni v17.4s, #0xab, msl #16", 0xff540000ff540000ull, 0xff540000ff540000ull);
    /* ORR/BIC keep the destination's other bits */
    IMM_TEST("orr v17.4h, #0x81, lsl #8", 0xffffffffffffffffull, 0);
    IMM_TEST("orr v17.8h, #0x81", 0xffffffffffffffffull, 0x0081008100810081ull);
    IMM_TEST("orr v17.4s, #0x42, lsl #16", 0xffffffffffffffffull, 0x0042000000420000ull);
    IMM_TEST("orr v17.2s, #0x42, lsl #24", 0xffffffffffffffffull, 0);
    IMM_TEST("bic v17.4h, #0x81, lsl #8", 0x7eff7eff7eff7effull, 0);
    IMM_TEST("bic v17.8h, #0x81", 0xff7eff7eff7eff7eull, 0);
    IMM_TEST("bic v17.4s, #0xff, lsl #24", 0x00ffffff00ffffffull, 0);
    IMM_TEST("bic v17.2s, #0x0f, lsl #8", 0xfffff0fffffff0ffull, 0);
#undef IMM_TEST
}

/* ---- loads and stores -------------------------------------------------- */
/* Memory image: src (random), pre (the registers' old values), out (a
 * destination prefilled with 0x5a, with room to see stray writes). */
static uint8_t src[160] __attribute__((aligned(16)));
static uint8_t out[160] __attribute__((aligned(16)));
static v128 pre[4];

enum { K_LDM, K_STM, K_LDL, K_STL, K_LDR, K_LDS, K_STS };

typedef void ldst_fn(const void *regs, uint8_t *mem, uint64_t step, uint64_t *end, v128 *dump);

struct ldst {
    const char *name;
    ldst_fn *fn;
    uint8_t kind;
    uint8_t nregs;      /* registers (LDn/STn: n; LDR/LDP: 1 or 2) */
    uint8_t es;         /* element (or register) size in bytes */
    uint8_t lanes;      /* lanes per register; for the single-lane kinds, the lane */
    int8_t  il;         /* LDn/STn: 1 = interleaved (n >= 2), 0 = LD1/ST1 */
    uint8_t off;        /* x9 = mem + off */
    int16_t dataoff;    /* LDR/LDP/STR/STP: where the data is, from mem + off */
    uint64_t step;      /* x10 (post-index by register) */
    int16_t adv;        /* expected x9 - (mem + off) afterwards */
};

/* one test: v16-v19 = regs[0..3], x9 = mem, x10 = step, then the
 * instruction, then v16-v19 to dump[0..3] and x9 to *end */
#define LS_DEF(id, text) \
    static void l_##id(const void *regs, uint8_t *mem, uint64_t step, uint64_t *end, v128 *dump) \
    { \
        __asm__ volatile("ldr q16, [%[regs]]\n\tldr q17, [%[regs], #16]\n\t" \
                         "ldr q18, [%[regs], #32]\n\tldr q19, [%[regs], #48]\n\t" \
                         "mov x9, %[mem]\n\tmov x10, %[step]\n\t" \
                         text "\n\t" \
                         "str q16, [%[dump]]\n\tstr q17, [%[dump], #16]\n\t" \
                         "str q18, [%[dump], #32]\n\tstr q19, [%[dump], #48]\n\t" \
                         "str x9, [%[end]]" \
                         :: [regs] "r"(regs), [mem] "r"(mem), [step] "r"(step), [end] "r"(end), \
                            [dump] "r"(dump) \
                         : "x9", "x10", "v16", "v17", "v18", "v19", "memory"); \
    }
#define LS_ROW(id, text, kind, nregs, es, lanes, il, off, dataoff, step, adv) \
    { text, l_##id, kind, nregs, es, lanes, il, off, dataoff, step, adv },
#define LS_DEF10(id, text, ...) LS_DEF(id, text)

#define RL1(t) "{v16." t "}"
#define RL2(t) "{v16." t ", v17." t "}"
#define RL3(t) "{v16." t ", v17." t ", v18." t "}"
#define RL4(t) "{v16." t ", v17." t ", v18." t ", v19." t "}"

/* LD1 with 1-4 registers and LD2-LD4, every arrangement, no writeback */
#define LDM_ARR(X, ins, mn, n, RL, il, kind) \
    X(ins##_8b, mn " " RL("8b") ", [x9]", kind, n, 1, 8, il, 0, 0, 0, 0) \
    X(ins##_16b, mn " " RL("16b") ", [x9]", kind, n, 1, 16, il, 0, 0, 0, 0) \
    X(ins##_4h, mn " " RL("4h") ", [x9]", kind, n, 2, 4, il, 0, 0, 0, 0) \
    X(ins##_8h, mn " " RL("8h") ", [x9]", kind, n, 2, 8, il, 0, 0, 0, 0) \
    X(ins##_2s, mn " " RL("2s") ", [x9]", kind, n, 4, 2, il, 0, 0, 0, 0) \
    X(ins##_4s, mn " " RL("4s") ", [x9]", kind, n, 4, 4, il, 0, 0, 0, 0) \
    X(ins##_2d, mn " " RL("2d") ", [x9]", kind, n, 8, 2, il, 0, 0, 0, 0)
#define LDR_ARR(X, ins, n, RL) \
    X(ins##_8b, #ins " " RL("8b") ", [x9]", K_LDR, n, 1, 8, 0, 0, 0, 0, 0) \
    X(ins##_16b, #ins " " RL("16b") ", [x9]", K_LDR, n, 1, 16, 0, 0, 0, 0, 0) \
    X(ins##_4h, #ins " " RL("4h") ", [x9]", K_LDR, n, 2, 4, 0, 0, 0, 0, 0) \
    X(ins##_8h, #ins " " RL("8h") ", [x9]", K_LDR, n, 2, 8, 0, 0, 0, 0, 0) \
    X(ins##_2s, #ins " " RL("2s") ", [x9]", K_LDR, n, 4, 2, 0, 0, 0, 0, 0) \
    X(ins##_4s, #ins " " RL("4s") ", [x9]", K_LDR, n, 4, 4, 0, 0, 0, 0, 0) \
    X(ins##_1d, #ins " " RL("1d") ", [x9]", K_LDR, n, 8, 1, 0, 0, 0, 0, 0) \
    X(ins##_2d, #ins " " RL("2d") ", [x9]", K_LDR, n, 8, 2, 0, 0, 0, 0, 0)
#define LDST_TESTS(X) \
    LDM_ARR(X, ld1, "ld1", 1, RL1, 0, K_LDM) \
    LDM_ARR(X, ld1x2, "ld1", 2, RL2, 0, K_LDM) \
    LDM_ARR(X, ld1x3, "ld1", 3, RL3, 0, K_LDM) \
    LDM_ARR(X, ld1x4, "ld1", 4, RL4, 0, K_LDM) \
    X(ld1_1d, "ld1 " RL1("1d") ", [x9]", K_LDM, 1, 8, 1, 0, 0, 0, 0, 0) \
    X(ld1x4_1d, "ld1 " RL4("1d") ", [x9]", K_LDM, 4, 8, 1, 0, 0, 0, 0, 0) \
    LDM_ARR(X, ld2, "ld2", 2, RL2, 1, K_LDM) \
    LDM_ARR(X, ld3, "ld3", 3, RL3, 1, K_LDM) \
    LDM_ARR(X, ld4, "ld4", 4, RL4, 1, K_LDM) \
    LDM_ARR(X, st1, "st1", 1, RL1, 0, K_STM) \
    LDM_ARR(X, st1x2, "st1", 2, RL2, 0, K_STM) \
    LDM_ARR(X, st1x3, "st1", 3, RL3, 0, K_STM) \
    LDM_ARR(X, st1x4, "st1", 4, RL4, 0, K_STM) \
    X(st1x3_1d, "st1 " RL3("1d") ", [x9]", K_STM, 3, 8, 1, 0, 0, 0, 0, 0) \
    LDM_ARR(X, st2, "st2", 2, RL2, 1, K_STM) \
    LDM_ARR(X, st3, "st3", 3, RL3, 1, K_STM) \
    LDM_ARR(X, st4, "st4", 4, RL4, 1, K_STM) \
    /* post-index: immediate (= bytes transferred) and register */ \
    X(ld1_16b_pi, "ld1 " RL1("16b") ", [x9], #16", K_LDM, 1, 1, 16, 0, 0, 0, 0, 16) \
    X(ld1x4_2d_pi, "ld1 " RL4("2d") ", [x9], #64", K_LDM, 4, 8, 2, 0, 0, 0, 0, 64) \
    X(ld1x3_8b_pr, "ld1 " RL3("8b") ", [x9], x10", K_LDM, 3, 1, 8, 0, 0, 0, 40, 40) \
    X(ld2_4h_pi, "ld2 " RL2("4h") ", [x9], #16", K_LDM, 2, 2, 4, 1, 0, 0, 0, 16) \
    X(ld3_4s_pr, "ld3 " RL3("4s") ", [x9], x10", K_LDM, 3, 4, 4, 1, 0, 0, -16, -16) \
    X(ld4_8h_pi, "ld4 " RL4("8h") ", [x9], #64", K_LDM, 4, 2, 8, 1, 0, 0, 0, 64) \
    X(st1x2_4s_pi, "st1 " RL2("4s") ", [x9], #32", K_STM, 2, 4, 4, 0, 0, 0, 0, 32) \
    X(st2_2d_pr, "st2 " RL2("2d") ", [x9], x10", K_STM, 2, 8, 2, 1, 0, 0, 1000, 1000) \
    X(st3_8b_pi, "st3 " RL3("8b") ", [x9], #24", K_STM, 3, 1, 8, 1, 0, 0, 0, 24) \
    X(st4_2s_pr, "st4 " RL4("2s") ", [x9], x10", K_STM, 4, 4, 2, 1, 0, 0, 8, 8) \
    /* element-aligned but not 16-byte aligned */ \
    X(ld1_16b_odd, "ld1 " RL1("16b") ", [x9]", K_LDM, 1, 1, 16, 0, 1, 0, 0, 0) \
    X(ld1_8h_plus2, "ld1 " RL1("8h") ", [x9]", K_LDM, 1, 2, 8, 0, 2, 0, 0, 0) \
    X(ld2_4s_plus4, "ld2 " RL2("4s") ", [x9]", K_LDM, 2, 4, 4, 1, 4, 0, 0, 0) \
    X(st1_2d_plus8, "st1 " RL1("2d") ", [x9]", K_STM, 1, 8, 2, 0, 8, 0, 0, 0) \
    X(st4_16b_odd, "st4 " RL4("16b") ", [x9], #64", K_STM, 4, 1, 16, 1, 3, 0, 0, 64) \
    /* single structure: lane (the `lanes` column), other lanes kept */ \
    X(ld1_b, "ld1 {v16.b}[13], [x9]", K_LDL, 1, 1, 13, 0, 0, 0, 0, 0) \
    X(ld1_h, "ld1 {v16.h}[6], [x9]", K_LDL, 1, 2, 6, 0, 0, 0, 0, 0) \
    X(ld1_s, "ld1 {v16.s}[3], [x9]", K_LDL, 1, 4, 3, 0, 0, 0, 0, 0) \
    X(ld1_d, "ld1 {v16.d}[1], [x9]", K_LDL, 1, 8, 1, 0, 0, 0, 0, 0) \
    X(ld2_b, "ld2 {v16.b, v17.b}[0], [x9]", K_LDL, 2, 1, 0, 0, 0, 0, 0, 0) \
    X(ld2_h, "ld2 {v16.h, v17.h}[7], [x9], #4", K_LDL, 2, 2, 7, 0, 0, 0, 0, 4) \
    X(ld2_s, "ld2 {v16.s, v17.s}[1], [x9]", K_LDL, 2, 4, 1, 0, 0, 0, 0, 0) \
    X(ld2_d, "ld2 {v16.d, v17.d}[0], [x9], x10", K_LDL, 2, 8, 0, 0, 0, 0, 48, 48) \
    X(ld3_b, "ld3 {v16.b, v17.b, v18.b}[9], [x9], #3", K_LDL, 3, 1, 9, 0, 0, 0, 0, 3) \
    X(ld3_h, "ld3 {v16.h, v17.h, v18.h}[2], [x9]", K_LDL, 3, 2, 2, 0, 6, 0, 0, 0) \
    X(ld3_s, "ld3 {v16.s, v17.s, v18.s}[2], [x9], x10", K_LDL, 3, 4, 2, 0, 0, 0, 4, 4) \
    X(ld3_d, "ld3 {v16.d, v17.d, v18.d}[1], [x9]", K_LDL, 3, 8, 1, 0, 0, 0, 0, 0) \
    X(ld4_b, "ld4 {v16.b, v17.b, v18.b, v19.b}[15], [x9]", K_LDL, 4, 1, 15, 0, 5, 0, 0, 0) \
    X(ld4_h, "ld4 {v16.h, v17.h, v18.h, v19.h}[3], [x9]", K_LDL, 4, 2, 3, 0, 0, 0, 0, 0) \
    X(ld4_s, "ld4 {v16.s, v17.s, v18.s, v19.s}[0], [x9], #16", K_LDL, 4, 4, 0, 0, 0, 0, 0, 16) \
    X(ld4_d, "ld4 {v16.d, v17.d, v18.d, v19.d}[1], [x9]", K_LDL, 4, 8, 1, 0, 0, 0, 0, 0) \
    X(st1_b, "st1 {v16.b}[7], [x9]", K_STL, 1, 1, 7, 0, 3, 0, 0, 0) \
    X(st1_h, "st1 {v16.h}[5], [x9], #2", K_STL, 1, 2, 5, 0, 0, 0, 0, 2) \
    X(st1_s, "st1 {v16.s}[2], [x9]", K_STL, 1, 4, 2, 0, 0, 0, 0, 0) \
    X(st1_d, "st1 {v16.d}[1], [x9]", K_STL, 1, 8, 1, 0, 0, 0, 0, 0) \
    X(st2_b, "st2 {v16.b, v17.b}[14], [x9]", K_STL, 2, 1, 14, 0, 0, 0, 0, 0) \
    X(st2_h, "st2 {v16.h, v17.h}[1], [x9]", K_STL, 2, 2, 1, 0, 0, 0, 0, 0) \
    X(st2_s, "st2 {v16.s, v17.s}[3], [x9], x10", K_STL, 2, 4, 3, 0, 0, 0, 12, 12) \
    X(st2_d, "st2 {v16.d, v17.d}[0], [x9]", K_STL, 2, 8, 0, 0, 0, 0, 0, 0) \
    X(st3_b, "st3 {v16.b, v17.b, v18.b}[4], [x9]", K_STL, 3, 1, 4, 0, 0, 0, 0, 0) \
    X(st3_h, "st3 {v16.h, v17.h, v18.h}[6], [x9], #6", K_STL, 3, 2, 6, 0, 0, 0, 0, 6) \
    X(st3_s, "st3 {v16.s, v17.s, v18.s}[0], [x9]", K_STL, 3, 4, 0, 0, 0, 0, 0, 0) \
    X(st3_d, "st3 {v16.d, v17.d, v18.d}[1], [x9]", K_STL, 3, 8, 1, 0, 0, 0, 0, 0) \
    X(st4_b, "st4 {v16.b, v17.b, v18.b, v19.b}[10], [x9]", K_STL, 4, 1, 10, 0, 0, 0, 0, 0) \
    X(st4_h, "st4 {v16.h, v17.h, v18.h, v19.h}[0], [x9]", K_STL, 4, 2, 0, 0, 0, 0, 0, 0) \
    X(st4_s, "st4 {v16.s, v17.s, v18.s, v19.s}[1], [x9]", K_STL, 4, 4, 1, 0, 0, 0, 0, 0) \
    X(st4_d, "st4 {v16.d, v17.d, v18.d, v19.d}[0], [x9], #32", K_STL, 4, 8, 0, 0, 0, 0, 0, 32) \
    /* load and replicate, every arrangement including 1D */ \
    LDR_ARR(X, ld1r, 1, RL1) \
    LDR_ARR(X, ld2r, 2, RL2) \
    LDR_ARR(X, ld3r, 3, RL3) \
    LDR_ARR(X, ld4r, 4, RL4) \
    X(ld1r_8h_pi, "ld1r " RL1("8h") ", [x9], #2", K_LDR, 1, 2, 8, 0, 6, 0, 0, 2) \
    X(ld2r_4s_pr, "ld2r " RL2("4s") ", [x9], x10", K_LDR, 2, 4, 4, 0, 0, 0, 20, 20) \
    X(ld3r_16b_pi, "ld3r " RL3("16b") ", [x9], #3", K_LDR, 3, 1, 16, 0, 1, 0, 0, 3) \
    X(ld4r_2d_pi, "ld4r " RL4("2d") ", [x9], #32", K_LDR, 4, 8, 2, 0, 0, 0, 0, 32) \
    /* LDR/STR/LDP/STP/LDUR/STUR/LDNP/STNP (SIMD&FP): es = register size, \
     * nregs 1 or 2, dataoff = address of the data from x9 */ \
    X(ldr_b, "ldr b16, [x9, #5]", K_LDS, 1, 1, 0, 0, 0, 5, 0, 0) \
    X(ldr_h, "ldr h16, [x9, #6]", K_LDS, 1, 2, 0, 0, 0, 6, 0, 0) \
    X(ldr_s, "ldr s16, [x9, #12]", K_LDS, 1, 4, 0, 0, 0, 12, 0, 0) \
    X(ldr_d, "ldr d16, [x9, #24]", K_LDS, 1, 8, 0, 0, 0, 24, 0, 0) \
    X(ldr_q, "ldr q16, [x9, #32]", K_LDS, 1, 16, 0, 0, 0, 32, 0, 0) \
    X(ldr_q_big, "ldr q16, [x9, #4080]", K_LDS, 1, 16, 0, 0, 0, 4080, 0, 0) \
    X(ldr_b_pre, "ldr b16, [x9, #3]!", K_LDS, 1, 1, 0, 0, 0, 3, 0, 3) \
    X(ldr_h_post, "ldr h16, [x9], #-2", K_LDS, 1, 2, 0, 0, 8, 0, 0, -2) \
    X(ldr_s_pre, "ldr s16, [x9, #-4]!", K_LDS, 1, 4, 0, 0, 16, -4, 0, -4) \
    X(ldr_d_post, "ldr d16, [x9], #8", K_LDS, 1, 8, 0, 0, 0, 0, 0, 8) \
    X(ldr_q_pre, "ldr q16, [x9, #48]!", K_LDS, 1, 16, 0, 0, 0, 48, 0, 48) \
    X(ldr_q_post, "ldr q16, [x9], #-16", K_LDS, 1, 16, 0, 0, 32, 0, 0, -16) \
    X(ldr_b_reg, "ldr b16, [x9, x10]", K_LDS, 1, 1, 0, 0, 0, 37, 37, 0) \
    X(ldr_h_reg, "ldr h16, [x9, x10, lsl #1]", K_LDS, 1, 2, 0, 0, 0, 14, 7, 0) \
    X(ldr_s_sxtw, "ldr s16, [x9, w10, sxtw #2]", K_LDS, 1, 4, 0, 0, 32, -8, 0xfffffffeull, 0) \
    X(ldr_d_uxtw, "ldr d16, [x9, w10, uxtw #3]", K_LDS, 1, 8, 0, 0, 0, 40, 0xffffffff00000005ull, 0) \
    X(ldr_q_reg, "ldr q16, [x9, x10, lsl #4]", K_LDS, 1, 16, 0, 0, 0, 64, 4, 0) \
    X(ldur_s, "ldur s16, [x9, #-12]", K_LDS, 1, 4, 0, 0, 16, -12, 0, 0) \
    X(ldur_d, "ldur d16, [x9, #40]", K_LDS, 1, 8, 0, 0, 0, 40, 0, 0) \
    X(ldur_q, "ldur q16, [x9, #-16]", K_LDS, 1, 16, 0, 0, 48, -16, 0, 0) \
    X(ldp_s, "ldp s16, s17, [x9, #8]", K_LDS, 2, 4, 0, 0, 0, 8, 0, 0) \
    X(ldp_d, "ldp d16, d17, [x9, #-16]", K_LDS, 2, 8, 0, 0, 32, -16, 0, 0) \
    X(ldp_q, "ldp q16, q17, [x9, #32]", K_LDS, 2, 16, 0, 0, 0, 32, 0, 0) \
    X(ldp_s_pre, "ldp s16, s17, [x9, #4]!", K_LDS, 2, 4, 0, 0, 0, 4, 0, 4) \
    X(ldp_d_post, "ldp d16, d17, [x9], #-8", K_LDS, 2, 8, 0, 0, 16, 0, 0, -8) \
    X(ldp_q_pre, "ldp q16, q17, [x9, #-32]!", K_LDS, 2, 16, 0, 0, 64, -32, 0, -32) \
    X(ldp_q_post, "ldp q16, q17, [x9], #32", K_LDS, 2, 16, 0, 0, 0, 0, 0, 32) \
    X(ldnp_d, "ldnp d16, d17, [x9, #16]", K_LDS, 2, 8, 0, 0, 0, 16, 0, 0) \
    X(ldnp_q, "ldnp q16, q17, [x9, #64]", K_LDS, 2, 16, 0, 0, 0, 64, 0, 0) \
    X(str_b, "str b16, [x9, #9]", K_STS, 1, 1, 0, 0, 0, 9, 0, 0) \
    X(str_h, "str h16, [x9, #10]", K_STS, 1, 2, 0, 0, 0, 10, 0, 0) \
    X(str_s, "str s16, [x9, #20]", K_STS, 1, 4, 0, 0, 0, 20, 0, 0) \
    X(str_d, "str d16, [x9, #8]", K_STS, 1, 8, 0, 0, 0, 8, 0, 0) \
    X(str_q, "str q16, [x9, #16]", K_STS, 1, 16, 0, 0, 0, 16, 0, 0) \
    X(str_b_post, "str b16, [x9], #1", K_STS, 1, 1, 0, 0, 0, 0, 0, 1) \
    X(str_h_pre, "str h16, [x9, #-2]!", K_STS, 1, 2, 0, 0, 8, -2, 0, -2) \
    X(str_s_reg, "str s16, [x9, x10, lsl #2]", K_STS, 1, 4, 0, 0, 0, 12, 3, 0) \
    X(str_d_post, "str d16, [x9], #-8", K_STS, 1, 8, 0, 0, 32, 0, 0, -8) \
    X(str_q_pre, "str q16, [x9, #32]!", K_STS, 1, 16, 0, 0, 0, 32, 0, 32) \
    X(str_q_reg, "str q16, [x9, x10]", K_STS, 1, 16, 0, 0, 0, 48, 48, 0) \
    X(stur_h, "stur h16, [x9, #-6]", K_STS, 1, 2, 0, 0, 16, -6, 0, 0) \
    X(stur_q, "stur q16, [x9, #16]", K_STS, 1, 16, 0, 0, 0, 16, 0, 0) \
    X(stp_s, "stp s16, s17, [x9, #4]", K_STS, 2, 4, 0, 0, 0, 4, 0, 0) \
    X(stp_d, "stp d16, d17, [x9, #16]", K_STS, 2, 8, 0, 0, 0, 16, 0, 0) \
    X(stp_q, "stp q16, q17, [x9, #-32]", K_STS, 2, 16, 0, 0, 64, -32, 0, 0) \
    X(stp_d_pre, "stp d16, d17, [x9, #8]!", K_STS, 2, 8, 0, 0, 0, 8, 0, 8) \
    X(stp_q_post, "stp q16, q17, [x9], #-32", K_STS, 2, 16, 0, 0, 48, 0, 0, -32) \
    X(stnp_s, "stnp s16, s17, [x9, #24]", K_STS, 2, 4, 0, 0, 0, 24, 0, 0) \
    X(stnp_q, "stnp q16, q17, [x9, #32]", K_STS, 2, 16, 0, 0, 0, 32, 0, 0)

LDST_TESTS(LS_DEF10)
static const struct ldst ldst_tests[] = { LDST_TESTS(LS_ROW) };

/* src is 160 bytes but ldr q16, [x9, #4080] reaches 4 KiB further: a page */
static uint8_t big[4096 + 32] __attribute__((aligned(16)));

static void run_ldst(void)
{
    for (unsigned i = 0; i < sizeof src; i++)
        src[i] = (uint8_t)(next() >> 17);
    for (unsigned i = 0; i < 4; i++) {
        pre[i].d[0] = next();
        pre[i].d[1] = next();
    }
    for (unsigned i = 0; i < sizeof big; i++)
        big[i] = (uint8_t)(i * 7 + 1);

    for (unsigned t = 0; t < sizeof ldst_tests / sizeof ldst_tests[0]; t++) {
        const struct ldst *l = &ldst_tests[t];
        v128 dump[4], expr[4];
        uint8_t expm[sizeof out];
        uint64_t end = 0;
        int is_store = l->kind == K_STM || l->kind == K_STL || l->kind == K_STS;
        int is_big = l->fn == l_ldr_q_big;
        uint8_t *mem = (is_store ? out : is_big ? big : src) + l->off;
        for (unsigned i = 0; i < sizeof out; i++)
            out[i] = expm[i] = 0x5a;
        for (unsigned j = 0; j < 4; j++)
            expr[j] = pre[j];
        l->fn(pre, mem, l->step, &end, dump);

        const uint8_t *data = mem + l->dataoff;
        switch (l->kind) {
        case K_LDM:
            ref_ld_multi(l->nregs, l->es, l->lanes, l->il, data, expr);
            break;
        case K_STM:
            ref_st_multi(l->nregs, l->es, l->lanes, l->il, pre, expm + l->off + l->dataoff);
            break;
        case K_LDL:
            ref_ld_lane(l->nregs, l->es, l->lanes, data, expr);
            break;
        case K_STL:
            ref_st_lane(l->nregs, l->es, l->lanes, pre, expm + l->off + l->dataoff);
            break;
        case K_LDR:
            ref_ld_rep(l->nregs, l->es, l->lanes, data, expr);
            break;
        case K_LDS:         /* the register(s), zero-extended to 128 bits */
            for (unsigned j = 0; j < l->nregs; j++) {
                expr[j].d[0] = expr[j].d[1] = 0;
                for (unsigned k = 0; k < l->es; k++)
                    expr[j].b[k] = data[j * l->es + k];
            }
            break;
        case K_STS:
            for (unsigned j = 0; j < l->nregs; j++)
                for (unsigned k = 0; k < l->es; k++)
                    expm[l->off + l->dataoff + j * l->es + k] = pre[j].b[k];
            break;
        }
        int ok = ref_same(dump, expr, sizeof dump) && ref_same(out, expm, sizeof out) &&
                 end == (uint64_t)(mem + l->adv);
        if (!ok) {
            printf("# %s:", l->name);
            for (unsigned j = 0; j < 4; j++) {
                show("got", &dump[j]);
                show("exp", &expr[j]);
            }
            printf("\n#   x9 advanced by %lld (expected %d), memory %s\n",
                   (long long)(end - (uint64_t)mem), l->adv,
                   ref_same(out, expm, sizeof out) ? "as expected" : "differs");
        }
        check(l->name, ok, 1);
    }
}

/* LDR (literal) of S, D and Q registers: the literal sits in the code */
static void literals(void)
{
    v128 q;
    uint64_t d, s;
    __asm__ volatile("ldr q16, 1f\n\tldr d17, 2f\n\tldr s18, 3f\n\tb 4f\n\t"
                     ".p2align 4\n"
                     "1:\t.quad 0x0011223344556677, 0x8899aabbccddeeff\n"
                     "2:\t.quad 0xfedcba9876543210\n"
                     "3:\t.word 0x13579bdf, 0\n"
                     "4:\tstr q16, [%2]\n\tfmov %0, d17\n\tfmov %1, d18"
                     : "=r"(d), "=r"(s) : "r"(&q) : "v16", "v17", "v18", "memory");
    check("ldr q, literal (lower)", q.d[0], 0x0011223344556677ull);
    check("ldr q, literal (upper)", q.d[1], 0x8899aabbccddeeffull);
    check("ldr d, literal", d, 0xfedcba9876543210ull);
    check("ldr s, literal (zero-extended)", s, 0x13579bdfull);
}

int main(void)
{
    set_fpcr(0);
    make_inputs();
    run_table();
    qc_sticky();
    moves();
    immediates();
    run_ldst();
    literals();
    return tap_done();
}
