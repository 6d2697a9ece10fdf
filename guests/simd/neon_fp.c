/*
 * neon_fp - floating-point Advanced SIMD (single and double lanes; no FP16
 * arithmetic, the suite is Armv8.0).
 *
 * Part 1 (one check per instruction form): the instruction runs with
 * a = v16, b = v18 and v17 = c (the accumulator or, for the "2" forms, the
 * lower half kept), on twelve input triples drawn from a table of special
 * values (zeros, ones, pi, 0.1, the largest and smallest normals,
 * denormals, infinities, quiet and signalling NaNs with payloads, values at
 * the edges of the integer ranges), under the FPCR the case gives.  The
 * expected 16 bytes and the FPSR flags come from the same computation done
 * one lane at a time with SCALAR instructions (fpscalar checks those
 * against constants), in the lane order and with the operand order the
 * Arm ARM pseudocode gives:
 *   - pairwise forms take lanes 2i, 2i+1 of the concatenation a:b
 *   - FMAXV/FMINV/FMAXNMV/FMINNMV reduce as Reduce() does:
 *     op(op(e0, e1), op(e2, e3))
 *   - FMLA/FMLS: FPMulAdd(c, a, b) (FMLS negates a); by element: b's lane
 *   - FMULX: as FMUL but (+-0) * (+-inf) = +-2.0
 *   - FRECPS: 2 - a*b, FRSQRTS: (3 - a*b) / 2, each rounded once, with
 *     (+-0) * (+-inf) giving 2.0 and 1.5 (FPRecipStepFused, FPRSqrtStepFused)
 *   - FMAX/FMIN: a NaN operand gives what FPProcessNaNs gives (as FADD
 *     does); -0 < +0
 *   - compares: FCMEQ is quiet (IOC for a signalling NaN only), FCMGE,
 *     FCMGT, FACGE, FACGT and the compares with zero other than FCMEQ
 *     signal IOC for any NaN; the result lane is all ones or zero
 *   - FPSR is cumulative: the union of every lane's exceptions.
 * The reference runs after the vector instruction in a separate function,
 * each with FPSR cleared before and read after.
 * Part 2: FRECPE/FRSQRTE, FRECPS/FRSQRTS and FCVTXN against constants
 * (see there for how each was obtained), FMOV (vector, immediate).
 */
#include <stdint.h>
#include "printf.h"
#include "tap.h"
#include "vec.h"

enum kind { K_LANE, K_PAIR, K_ELEM, K_ACROSS, K_PAIRS, K_CVTL, K_CVTN };

enum op {
    R_FADD, R_FSUB, R_FMUL, R_FDIV, R_FMULX, R_FABD, R_FMAX, R_FMIN, R_FMAXNM, R_FMINNM,
    R_FMLA, R_FMLS, R_FRECPS, R_FRSQRTS,
    R_FCMEQ, R_FCMGE, R_FCMGT, R_FACGE, R_FACGT,
    R_FCMEQZ, R_FCMGEZ, R_FCMGTZ, R_FCMLEZ, R_FCMLTZ,
    R_FNEG, R_FABS, R_FSQRT,
    R_FRINTN, R_FRINTA, R_FRINTP, R_FRINTM, R_FRINTZ, R_FRINTX, R_FRINTI,
    R_FCVTZS, R_FCVTZU, R_FCVTNS, R_FCVTNU, R_FCVTAS, R_FCVTAU, R_FCVTMS, R_FCVTPU,
    R_SCVTF, R_UCVTF,
    R_FCVTZS_FIX, R_FCVTZU_FIX, R_SCVTF_FIX, R_UCVTF_FIX,
    R_FCVT,         /* format conversion (FCVTL, FCVTN) */
};

typedef void vfn(const v128 *a, const v128 *b, const v128 *c, v128 *r);

struct ft {
    const char *name;
    vfn *fn;
    uint8_t op, kind;
    uint8_t es;         /* lane size in bytes (of the source for FCVTL/FCVTN) */
    uint8_t n;          /* lanes of the result (of the source for the across-lane forms) */
    int8_t imm;         /* element index, or #fbits */
    int8_t part;        /* 1: the "2" form of FCVTL/FCVTN */
    uint32_t fpcr;
};

#define A_DEF(id, text, ...) \
    static void a_##id(const v128 *a, const v128 *b, const v128 *c, v128 *r) \
    { \
        __asm__ volatile("ldr q16, [%1]\n\tldr q18, [%2]\n\tldr q17, [%3]\n\t" text "\n\tstr q17, [%0]" \
                         :: "r"(r), "r"(a), "r"(b), "r"(c) : "v16", "v17", "v18", "memory"); \
    }
#define A_ROW(id, text, op, kind, es, n, imm, part, fpcr) { text, a_##id, op, kind, es, n, imm, part, fpcr },

/* the three arrangements of a two- or three-register instruction */
#define V3(A, ins, O) \
    A(ins##_2s, #ins " v17.2s, v16.2s, v18.2s", O, K_LANE, 4, 2, 0, 0, 0) \
    A(ins##_4s, #ins " v17.4s, v16.4s, v18.4s", O, K_LANE, 4, 4, 0, 0, 0) \
    A(ins##_2d, #ins " v17.2d, v16.2d, v18.2d", O, K_LANE, 8, 2, 0, 0, 0)
#define V2(A, ins, O) \
    A(ins##_2s, #ins " v17.2s, v16.2s", O, K_LANE, 4, 2, 0, 0, 0) \
    A(ins##_4s, #ins " v17.4s, v16.4s", O, K_LANE, 4, 4, 0, 0, 0) \
    A(ins##_2d, #ins " v17.2d, v16.2d", O, K_LANE, 8, 2, 0, 0, 0)
#define VZ(A, ins, O) \
    A(ins##z_2s, #ins " v17.2s, v16.2s, #0.0", O, K_LANE, 4, 2, 0, 0, 0) \
    A(ins##z_4s, #ins " v17.4s, v16.4s, #0.0", O, K_LANE, 4, 4, 0, 0, 0) \
    A(ins##z_2d, #ins " v17.2d, v16.2d, #0.0", O, K_LANE, 8, 2, 0, 0, 0)
#define VP(A, ins, O) \
    A(ins##_2s, #ins " v17.2s, v16.2s, v18.2s", O, K_PAIR, 4, 2, 0, 0, 0) \
    A(ins##_4s, #ins " v17.4s, v16.4s, v18.4s", O, K_PAIR, 4, 4, 0, 0, 0) \
    A(ins##_2d, #ins " v17.2d, v16.2d, v18.2d", O, K_PAIR, 8, 2, 0, 0, 0) \
    A(ins##_s, #ins " s17, v16.2s", O, K_PAIRS, 4, 2, 0, 0, 0) \
    A(ins##_d, #ins " d17, v16.2d", O, K_PAIRS, 8, 2, 0, 0, 0)
#define VE(A, ins, O) \
    A(ins##_2s_e1, #ins " v17.2s, v16.2s, v18.s[1]", O, K_ELEM, 4, 2, 1, 0, 0) \
    A(ins##_4s_e3, #ins " v17.4s, v16.4s, v18.s[3]", O, K_ELEM, 4, 4, 3, 0, 0) \
    A(ins##_4s_e0, #ins " v17.4s, v16.4s, v18.s[0]", O, K_ELEM, 4, 4, 0, 0, 0) \
    A(ins##_2d_e1, #ins " v17.2d, v16.2d, v18.d[1]", O, K_ELEM, 8, 2, 1, 0, 0) \
    A(ins##_s_e2, #ins " s17, s16, v18.s[2]", O, K_ELEM, 4, 1, 2, 0, 0) \
    A(ins##_d_e0, #ins " d17, d16, v18.d[0]", O, K_ELEM, 8, 1, 0, 0, 0)

#define FP_TESTS(A) \
    V3(A, fadd, R_FADD) V3(A, fsub, R_FSUB) V3(A, fmul, R_FMUL) V3(A, fdiv, R_FDIV) \
    V3(A, fmulx, R_FMULX) V3(A, fabd, R_FABD) \
    V3(A, fmax, R_FMAX) V3(A, fmin, R_FMIN) V3(A, fmaxnm, R_FMAXNM) V3(A, fminnm, R_FMINNM) \
    V3(A, fmla, R_FMLA) V3(A, fmls, R_FMLS) V3(A, frecps, R_FRECPS) V3(A, frsqrts, R_FRSQRTS) \
    V3(A, fcmeq, R_FCMEQ) V3(A, fcmge, R_FCMGE) V3(A, fcmgt, R_FCMGT) \
    V3(A, facge, R_FACGE) V3(A, facgt, R_FACGT) \
    VZ(A, fcmeq, R_FCMEQZ) VZ(A, fcmge, R_FCMGEZ) VZ(A, fcmgt, R_FCMGTZ) \
    VZ(A, fcmle, R_FCMLEZ) VZ(A, fcmlt, R_FCMLTZ) \
    V2(A, fneg, R_FNEG) V2(A, fabs, R_FABS) V2(A, fsqrt, R_FSQRT) \
    V2(A, frintn, R_FRINTN) V2(A, frinta, R_FRINTA) V2(A, frintp, R_FRINTP) V2(A, frintm, R_FRINTM) \
    V2(A, frintz, R_FRINTZ) V2(A, frintx, R_FRINTX) V2(A, frinti, R_FRINTI) \
    V2(A, fcvtzs, R_FCVTZS) V2(A, fcvtzu, R_FCVTZU) V2(A, fcvtns, R_FCVTNS) V2(A, fcvtnu, R_FCVTNU) \
    V2(A, fcvtas, R_FCVTAS) V2(A, fcvtau, R_FCVTAU) V2(A, fcvtms, R_FCVTMS) V2(A, fcvtpu, R_FCVTPU) \
    V2(A, scvtf, R_SCVTF) V2(A, ucvtf, R_UCVTF) \
    A(fcvtzs_4s_7, "fcvtzs v17.4s, v16.4s, #7", R_FCVTZS_FIX, K_LANE, 4, 4, 7, 0, 0) \
    A(fcvtzs_2s_32, "fcvtzs v17.2s, v16.2s, #32", R_FCVTZS_FIX, K_LANE, 4, 2, 32, 0, 0) \
    A(fcvtzu_2d_40, "fcvtzu v17.2d, v16.2d, #40", R_FCVTZU_FIX, K_LANE, 8, 2, 40, 0, 0) \
    A(fcvtzu_4s_1, "fcvtzu v17.4s, v16.4s, #1", R_FCVTZU_FIX, K_LANE, 4, 4, 1, 0, 0) \
    A(scvtf_4s_16, "scvtf v17.4s, v16.4s, #16", R_SCVTF_FIX, K_LANE, 4, 4, 16, 0, 0) \
    A(scvtf_2d_64, "scvtf v17.2d, v16.2d, #64", R_SCVTF_FIX, K_LANE, 8, 2, 64, 0, 0) \
    A(ucvtf_2s_1, "ucvtf v17.2s, v16.2s, #1", R_UCVTF_FIX, K_LANE, 4, 2, 1, 0, 0) \
    A(ucvtf_2d_40, "ucvtf v17.2d, v16.2d, #40", R_UCVTF_FIX, K_LANE, 8, 2, 40, 0, 0) \
    A(fcvtzs_s_7, "fcvtzs s17, s16, #7", R_FCVTZS_FIX, K_LANE, 4, 1, 7, 0, 0) \
    A(ucvtf_d_40, "ucvtf d17, d16, #40", R_UCVTF_FIX, K_LANE, 8, 1, 40, 0, 0) \
    A(fcvtzs_d, "fcvtzs d17, d16", R_FCVTZS, K_LANE, 8, 1, 0, 0, 0) \
    A(scvtf_s, "scvtf s17, s16", R_SCVTF, K_LANE, 4, 1, 0, 0, 0) \
    VP(A, faddp, R_FADD) VP(A, fmaxp, R_FMAX) VP(A, fminp, R_FMIN) \
    VP(A, fmaxnmp, R_FMAXNM) VP(A, fminnmp, R_FMINNM) \
    A(fmaxv, "fmaxv s17, v16.4s", R_FMAX, K_ACROSS, 4, 4, 0, 0, 0) \
    A(fminv, "fminv s17, v16.4s", R_FMIN, K_ACROSS, 4, 4, 0, 0, 0) \
    A(fmaxnmv, "fmaxnmv s17, v16.4s", R_FMAXNM, K_ACROSS, 4, 4, 0, 0, 0) \
    A(fminnmv, "fminnmv s17, v16.4s", R_FMINNM, K_ACROSS, 4, 4, 0, 0, 0) \
    VE(A, fmla, R_FMLA) VE(A, fmls, R_FMLS) VE(A, fmul, R_FMUL) VE(A, fmulx, R_FMULX) \
    A(fcvtl_4s, "fcvtl v17.4s, v16.4h", R_FCVT, K_CVTL, 2, 4, 0, 0, 0) \
    A(fcvtl2_4s, "fcvtl2 v17.4s, v16.8h", R_FCVT, K_CVTL, 2, 4, 0, 1, 0) \
    A(fcvtl_2d, "fcvtl v17.2d, v16.2s", R_FCVT, K_CVTL, 4, 2, 0, 0, 0) \
    A(fcvtl2_2d, "fcvtl2 v17.2d, v16.4s", R_FCVT, K_CVTL, 4, 2, 0, 1, 0) \
    A(fcvtn_4h, "fcvtn v17.4h, v16.4s", R_FCVT, K_CVTN, 4, 4, 0, 0, 0) \
    A(fcvtn2_8h, "fcvtn2 v17.8h, v16.4s", R_FCVT, K_CVTN, 4, 4, 0, 1, 0) \
    A(fcvtn_2s, "fcvtn v17.2s, v16.2d", R_FCVT, K_CVTN, 8, 2, 0, 0, 0) \
    A(fcvtn2_4s, "fcvtn2 v17.4s, v16.2d", R_FCVT, K_CVTN, 8, 2, 0, 1, 0) \
    /* the same operations under other FPCR settings */ \
    A(fadd_4s_fz, "fadd v17.4s, v16.4s, v18.4s", R_FADD, K_LANE, 4, 4, 0, 0, FPCR_FZ) \
    A(fmul_2d_fz, "fmul v17.2d, v16.2d, v18.2d", R_FMUL, K_LANE, 8, 2, 0, 0, FPCR_FZ) \
    A(fmla_4s_dn, "fmla v17.4s, v16.4s, v18.4s", R_FMLA, K_LANE, 4, 4, 0, 0, FPCR_DN) \
    A(fmaxnmp_2d_dn, "fmaxnmp v17.2d, v16.2d, v18.2d", R_FMAXNM, K_PAIR, 8, 2, 0, 0, FPCR_DN) \
    A(fdiv_2d_rm, "fdiv v17.2d, v16.2d, v18.2d", R_FDIV, K_LANE, 8, 2, 0, 0, FPCR_RMODE(RM_RM)) \
    A(fsqrt_4s_rp, "fsqrt v17.4s, v16.4s", R_FSQRT, K_LANE, 4, 4, 0, 0, FPCR_RMODE(RM_RP)) \
    A(frintx_4s_rp, "frintx v17.4s, v16.4s", R_FRINTX, K_LANE, 4, 4, 0, 0, FPCR_RMODE(RM_RP)) \
    A(frinti_2d_rm, "frinti v17.2d, v16.2d", R_FRINTI, K_LANE, 8, 2, 0, 0, FPCR_RMODE(RM_RM)) \
    A(scvtf_4s_rz, "scvtf v17.4s, v16.4s", R_SCVTF, K_LANE, 4, 4, 0, 0, FPCR_RMODE(RM_RZ)) \
    A(fcvtzs_4s_rp, "fcvtzs v17.4s, v16.4s", R_FCVTZS, K_LANE, 4, 4, 0, 0, FPCR_RMODE(RM_RP)) \
    A(fcvtn_2s_rz, "fcvtn v17.2s, v16.2d", R_FCVT, K_CVTN, 8, 2, 0, 0, FPCR_RMODE(RM_RZ)) \
    A(fcvtn2_4s_fzdn, "fcvtn2 v17.4s, v16.2d", R_FCVT, K_CVTN, 8, 2, 0, 1, FPCR_FZ | FPCR_DN) \
    A(fcvtl_2d_fz, "fcvtl v17.2d, v16.2s", R_FCVT, K_CVTL, 4, 2, 0, 0, FPCR_FZ) \
    A(fcvtn_4h_ahp, "fcvtn v17.4h, v16.4s", R_FCVT, K_CVTN, 4, 4, 0, 0, FPCR_AHP) \
    A(fcvtl2_4s_ahp, "fcvtl2 v17.4s, v16.8h", R_FCVT, K_CVTL, 2, 4, 0, 1, FPCR_AHP) \
    A(fminnmv_fz, "fminnmv s17, v16.4s", R_FMINNM, K_ACROSS, 4, 4, 0, 0, FPCR_FZ) \
    A(frecps_4s_fz, "frecps v17.4s, v16.4s, v18.4s", R_FRECPS, K_LANE, 4, 4, 0, 0, FPCR_FZ)

FP_TESTS(A_DEF)
static const struct ft tests[] = { FP_TESTS(A_ROW) };

/* ---- the scalar reference ------------------------------------------- */
static inline float f_of(uint64_t u) { union { uint32_t u; float f; } x = { .u = (uint32_t)u }; return x.f; }
static inline double d_of(uint64_t u) { union { uint64_t u; double d; } x = { .u = u }; return x.d; }
static inline uint64_t of_f(float f) { union { float f; uint32_t u; } x = { .f = f }; return x.u; }
static inline uint64_t of_d(double d) { union { double d; uint64_t u; } x = { .d = d }; return x.u; }

static int is_nan(uint64_t x, unsigned es)
{
    return es == 4 ? ((x & 0x7f800000u) == 0x7f800000u && (x & 0x7fffffu))
                   : ((x & 0x7ff0000000000000ull) == 0x7ff0000000000000ull && (x & 0xfffffffffffffull));
}
static int is_inf(uint64_t x, unsigned es)
{
    return es == 4 ? (x & 0x7fffffffu) == 0x7f800000u : (x & ~(1ull << 63)) == 0x7ff0000000000000ull;
}
static int is_zero(uint64_t x, unsigned es, uint32_t fpcr)
{
    /* with FPCR.FZ, a denormal operand counts as zero (FPUnpack) */
    uint64_t mag = es == 4 ? (x & 0x7fffffffu) : (x & ~(1ull << 63));
    uint64_t expmask = es == 4 ? 0x7f800000u : 0x7ff0000000000000ull;
    return mag == 0 || ((fpcr & FPCR_FZ) && (x & expmask) == 0);
}
static uint64_t sign_of(uint64_t x, unsigned es) { return es == 4 ? (x >> 31) & 1 : x >> 63; }

/* one scalar instruction on s or d registers */
#define S2(insn) __asm__ volatile(insn : "=w"(r) : "w"(a), "w"(b))
#define FRS(insn) do { if (es == 4) __asm__ volatile(insn " %s0, %s1" : "=w"(r) : "w"(a)); \
                       else __asm__ volatile(insn " %d0, %d1" : "=w"(r) : "w"(a)); } while (0)
#define CVTI(insn) do { if (es == 4) __asm__ volatile(insn " %w0, %s1" : "=r"(r) : "w"(a)); \
                        else __asm__ volatile(insn " %x0, %d1" : "=r"(r) : "w"(a)); } while (0)
#define CVTF(insn) do { if (es == 4) __asm__ volatile(insn " %s0, %w1" : "=w"(r) : "r"(a)); \
                        else __asm__ volatile(insn " %d0, %x1" : "=w"(r) : "r"(a)); } while (0)
/* fixed point: the immediates the table uses (single: 1..32, double: 1..64) */
#define FIXS(insn, n) case n: __asm__ volatile(insn " %w0, %s1, #" #n : "=r"(r) : "w"(a)); break
#define FIXD(insn, n) case n: __asm__ volatile(insn " %x0, %d1, #" #n : "=r"(r) : "w"(a)); break
#define FIXFS(insn, n) case n: __asm__ volatile(insn " %s0, %w1, #" #n : "=w"(r) : "r"(a)); break
#define FIXFD(insn, n) case n: __asm__ volatile(insn " %d0, %x1, #" #n : "=w"(r) : "r"(a)); break
#define CMP(cond, insn) do { \
        if (es == 4) __asm__ volatile(insn " %s1, %s2\n\tcsetm %x0, " cond : "=r"(r) : "w"(a), "w"(b) : "cc"); \
        else __asm__ volatile(insn " %d1, %d2\n\tcsetm %x0, " cond : "=r"(r) : "w"(a), "w"(b) : "cc"); \
    } while (0)
#define CMPZ(cond, insn) do { \
        if (es == 4) __asm__ volatile(insn " %s1, #0.0\n\tcsetm %x0, " cond : "=r"(r) : "w"(a) : "cc"); \
        else __asm__ volatile(insn " %d1, #0.0\n\tcsetm %x0, " cond : "=r"(r) : "w"(a) : "cc"); \
    } while (0)

static uint64_t fadd_bits(uint64_t a, uint64_t b, unsigned es)
{
    uint64_t r;
    if (es == 4) S2("fadd %s0, %s1, %s2");
    else S2("fadd %d0, %d1, %d2");
    return r;
}

/* FMAX/FMIN: NaNs as FPProcessNaNs (FADD does the same), else the larger
 * (smaller), -0 below +0; denormals flushed first under FZ */
static uint64_t fmaxmin(uint64_t a, uint64_t b, unsigned es, int max, uint32_t fpcr)
{
    if (is_nan(a, es) || is_nan(b, es))
        return fadd_bits(a, b, es);
    uint64_t r;
    if (es == 4) {
        if (max) S2("fmaxnm %s0, %s1, %s2");
        else S2("fminnm %s0, %s1, %s2");
    } else {
        if (max) S2("fmaxnm %d0, %d1, %d2");
        else S2("fminnm %d0, %d1, %d2");
    }
    (void)fpcr;
    return r;
}

/* FPRecipStepFused / FPRSqrtStepFused: 2 - a*b and (3 - a*b)/2, one rounding */
static uint64_t step_fused(uint64_t a, uint64_t b, unsigned es, int rsqrt, uint32_t fpcr)
{
    uint64_t na = a ^ (es == 4 ? 0x80000000ull : 0x8000000000000000ull);   /* FPNeg(op1) */
    if (is_nan(a, es) || is_nan(b, es))
        return fadd_bits(na, b, es);
    int inf_a = is_inf(a, es), inf_b = is_inf(b, es);
    int zero_a = is_zero(a, es, fpcr), zero_b = is_zero(b, es, fpcr);
    if ((inf_a && zero_b) || (zero_a && inf_b)) {
        /* IDC still comes from the flushed denormal: fake it with an FADD of the operands */
        if ((fpcr & FPCR_FZ) && !(inf_a && inf_b))
            (void)fadd_bits(zero_a ? a : b, zero_a ? a : b, es);
        if (es == 4)
            return rsqrt ? 0x3fc00000ull : 0x40000000ull;
        return rsqrt ? 0x3ff8000000000000ull : 0x4000000000000000ull;
    }
    if (es == 4) {
        float x = f_of(na), y = f_of(b);
        if (!rsqrt)
            return of_f(__builtin_fmaf(x, y, 2.0f));
        /* (3 - a*b)/2 = 1.5 - (a/2)*b: halve whichever operand halves exactly */
        if ((of_f(x) & 0x7f800000u) > 0x00800000u)
            return of_f(__builtin_fmaf(x * 0.5f, y, 1.5f));
        if ((of_f(y) & 0x7f800000u) > 0x00800000u)
            return of_f(__builtin_fmaf(x, y * 0.5f, 1.5f));
        return of_f(__builtin_fmaf(x, y, 3.0f) * 0.5f);
    }
    double x = d_of(na), y = d_of(b);
    if (!rsqrt)
        return of_d(__builtin_fma(x, y, 2.0));
    if ((of_d(x) & 0x7ff0000000000000ull) > 0x0010000000000000ull)
        return of_d(__builtin_fma(x * 0.5, y, 1.5));
    if ((of_d(y) & 0x7ff0000000000000ull) > 0x0010000000000000ull)
        return of_d(__builtin_fma(x, y * 0.5, 1.5));
    return of_d(__builtin_fma(x, y, 3.0) * 0.5);
}

__attribute__((noinline))
static uint64_t ref_lane(unsigned op, unsigned es, uint64_t a, uint64_t b, uint64_t c, int imm, uint32_t fpcr)
{
    uint64_t r = 0;
    uint64_t ones = es == 4 ? 0xffffffffull : ~0ull;
    switch (op) {
    case R_FADD: return fadd_bits(a, b, es);
    case R_FSUB: if (es == 4) S2("fsub %s0, %s1, %s2"); else S2("fsub %d0, %d1, %d2"); return r;
    case R_FMUL: if (es == 4) S2("fmul %s0, %s1, %s2"); else S2("fmul %d0, %d1, %d2"); return r;
    case R_FDIV: if (es == 4) S2("fdiv %s0, %s1, %s2"); else S2("fdiv %d0, %d1, %d2"); return r;
    case R_FMULX:
        if (!is_nan(a, es) && !is_nan(b, es) &&
            ((is_inf(a, es) && is_zero(b, es, fpcr)) || (is_zero(a, es, fpcr) && is_inf(b, es)))) {
            if (fpcr & FPCR_FZ)
                (void)fadd_bits(is_inf(a, es) ? b : a, 0, es);     /* IDC for a flushed denormal */
            uint64_t s = sign_of(a, es) ^ sign_of(b, es);
            return es == 4 ? (s << 31) | 0x40000000ull : (s << 63) | 0x4000000000000000ull;
        }
        if (es == 4) S2("fmul %s0, %s1, %s2"); else S2("fmul %d0, %d1, %d2");
        return r;
    case R_FABD: if (es == 4) S2("fsub %s0, %s1, %s2\n\tfabs %s0, %s0"); else S2("fsub %d0, %d1, %d2\n\tfabs %d0, %d0");
        return r;
    case R_FMAX: return fmaxmin(a, b, es, 1, fpcr);
    case R_FMIN: return fmaxmin(a, b, es, 0, fpcr);
    case R_FMAXNM: if (es == 4) S2("fmaxnm %s0, %s1, %s2"); else S2("fmaxnm %d0, %d1, %d2"); return r;
    case R_FMINNM: if (es == 4) S2("fminnm %s0, %s1, %s2"); else S2("fminnm %d0, %d1, %d2"); return r;
    case R_FMLA:
        if (es == 4) __asm__ volatile("fmadd %s0, %s1, %s2, %s3" : "=w"(r) : "w"(a), "w"(b), "w"(c));
        else __asm__ volatile("fmadd %d0, %d1, %d2, %d3" : "=w"(r) : "w"(a), "w"(b), "w"(c));
        return r;
    case R_FMLS:    /* FMLS negates the first multiplicand: c + (-a)*b, a NaN a comes out negated */
        if (es == 4) __asm__ volatile("fneg %s0, %s1\n\tfmadd %s0, %s0, %s2, %s3" : "=&w"(r) : "w"(a), "w"(b), "w"(c));
        else __asm__ volatile("fneg %d0, %d1\n\tfmadd %d0, %d0, %d2, %d3" : "=&w"(r) : "w"(a), "w"(b), "w"(c));
        return r;
    case R_FRECPS: return step_fused(a, b, es, 0, fpcr);
    case R_FRSQRTS: return step_fused(a, b, es, 1, fpcr);
    case R_FCMEQ: CMP("eq", "fcmp"); return r & ones;
    case R_FCMGE: CMP("ge", "fcmpe"); return r & ones;
    case R_FCMGT: CMP("gt", "fcmpe"); return r & ones;
    case R_FACGE: case R_FACGT:     /* compare FPAbs of both (FABS never signals) */
        a &= ones >> 1;
        b &= ones >> 1;
        if (op == R_FACGE) CMP("ge", "fcmpe"); else CMP("gt", "fcmpe");
        return r & ones;
    case R_FCMEQZ: CMPZ("eq", "fcmp"); return r & ones;
    case R_FCMGEZ: CMPZ("ge", "fcmpe"); return r & ones;
    case R_FCMGTZ: CMPZ("gt", "fcmpe"); return r & ones;
    case R_FCMLEZ: CMPZ("ls", "fcmpe"); return r & ones;
    case R_FCMLTZ: CMPZ("mi", "fcmpe"); return r & ones;
    case R_FNEG: FRS("fneg"); return r;
    case R_FABS: FRS("fabs"); return r;
    case R_FSQRT: FRS("fsqrt"); return r;
    case R_FRINTN: FRS("frintn"); return r;
    case R_FRINTA: FRS("frinta"); return r;
    case R_FRINTP: FRS("frintp"); return r;
    case R_FRINTM: FRS("frintm"); return r;
    case R_FRINTZ: FRS("frintz"); return r;
    case R_FRINTX: FRS("frintx"); return r;
    case R_FRINTI: FRS("frinti"); return r;
    case R_FCVTZS: CVTI("fcvtzs"); return r & ones;
    case R_FCVTZU: CVTI("fcvtzu"); return r & ones;
    case R_FCVTNS: CVTI("fcvtns"); return r & ones;
    case R_FCVTNU: CVTI("fcvtnu"); return r & ones;
    case R_FCVTAS: CVTI("fcvtas"); return r & ones;
    case R_FCVTAU: CVTI("fcvtau"); return r & ones;
    case R_FCVTMS: CVTI("fcvtms"); return r & ones;
    case R_FCVTPU: CVTI("fcvtpu"); return r & ones;
    case R_SCVTF: CVTF("scvtf"); return r;
    case R_UCVTF: CVTF("ucvtf"); return r;
    case R_FCVTZS_FIX:
        if (es == 4) switch (imm) { FIXS("fcvtzs", 7); FIXS("fcvtzs", 32); }
        return r & ones;
    case R_FCVTZU_FIX:
        if (es == 4) switch (imm) { FIXS("fcvtzu", 1); }
        else switch (imm) { FIXD("fcvtzu", 40); }
        return r & ones;
    case R_SCVTF_FIX:
        if (es == 4) switch (imm) { FIXFS("scvtf", 16); }
        else switch (imm) { FIXFD("scvtf", 64); }
        return r;
    case R_UCVTF_FIX:
        if (es == 4) switch (imm) { FIXFS("ucvtf", 1); }
        else switch (imm) { FIXFD("ucvtf", 40); }
        return r;
    }
    return 0;
}

/* the format conversions of FCVTL (es = source size) and FCVTN */
__attribute__((noinline))
static uint64_t ref_cvt(unsigned kind, unsigned es, uint64_t a)
{
    uint64_t r;
    if (kind == K_CVTL) {
        if (es == 2) __asm__ volatile("fcvt %s0, %h1" : "=w"(r) : "w"(a));
        else __asm__ volatile("fcvt %d0, %s1" : "=w"(r) : "w"(a));
    } else {
        if (es == 4) __asm__ volatile("fcvt %h0, %s1" : "=w"(r) : "w"(a));
        else __asm__ volatile("fcvt %s0, %d1" : "=w"(r) : "w"(a));
    }
    return r;
}

static uint64_t lane(const v128 *v, unsigned es, unsigned i)
{
    return es == 2 ? v->h[i] : es == 4 ? v->s[i] : v->d[i];
}
static void put(v128 *v, unsigned es, unsigned i, uint64_t x)
{
    if (es == 2) v->h[i] = (uint16_t)x;
    else if (es == 4) v->s[i] = (uint32_t)x;
    else v->d[i] = x;
}

/* the expected result and FPSR of test t */
static uint64_t reference(const struct ft *t, const v128 *a, const v128 *b, const v128 *c, v128 *r)
{
    unsigned es = t->es, n = t->n;
    r->d[0] = r->d[1] = 0;
    set_fpcr(t->fpcr);
    set_fpsr(0);
    switch (t->kind) {
    case K_LANE:
        for (unsigned i = 0; i < n; i++)
            put(r, es, i, ref_lane(t->op, es, lane(a, es, i), lane(b, es, i), lane(c, es, i), t->imm, t->fpcr));
        break;
    case K_ELEM:
        for (unsigned i = 0; i < n; i++)
            put(r, es, i, ref_lane(t->op, es, lane(a, es, i), lane(b, es, (unsigned)t->imm), lane(c, es, i),
                                   0, t->fpcr));
        break;
    case K_PAIR:
        for (unsigned i = 0; i < n; i++) {
            const v128 *src = i < n / 2 ? a : b;
            unsigned j = 2 * (i % (n / 2));
            put(r, es, i, ref_lane(t->op, es, lane(src, es, j), lane(src, es, j + 1), 0, 0, t->fpcr));
        }
        break;
    case K_PAIRS:
        put(r, es, 0, ref_lane(t->op, es, lane(a, es, 0), lane(a, es, 1), 0, 0, t->fpcr));
        break;
    case K_ACROSS: {
        uint64_t lo = ref_lane(t->op, es, lane(a, es, 0), lane(a, es, 1), 0, 0, t->fpcr);
        uint64_t hi = ref_lane(t->op, es, lane(a, es, 2), lane(a, es, 3), 0, 0, t->fpcr);
        put(r, es, 0, ref_lane(t->op, es, lo, hi, 0, 0, t->fpcr));
        break;
    }
    case K_CVTL:
        for (unsigned i = 0; i < n; i++)
            put(r, 2 * es, i, ref_cvt(K_CVTL, es, lane(a, es, (t->part ? n : 0) + i)));
        break;
    case K_CVTN:
        if (t->part)
            r->d[0] = c->d[0];
        for (unsigned i = 0; i < n; i++)
            put(r, es / 2, (t->part ? n : 0) + i, ref_cvt(K_CVTN, es, lane(a, es, i)));
        break;
    }
    uint64_t fpsr = get_fpsr();
    set_fpcr(0);
    return fpsr;
}

/* ---- inputs ----------------------------------------------------------- */
static const uint32_t fvals[] = {
    0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x40490fdb, 0xc0200000, 0x3dcccccd, 0x7f7fffff,
    0xff7fffff, 0x00800000, 0x00000001, 0x807fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fc01234,
    0xff800001, 0x3f000000, 0x3fc00000, 0x4f000000, 0xcf000001, 0x40200000, 0x49742400, 0x2f800000,
    0x4effffff, 0xc0400000, 0x3eaaaaab, 0x5f800000, 0x00400000, 0xc7c35000,
};
static const uint64_t dvals[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x3ff0000000000000ull, 0xbff0000000000000ull,
    0x400921fb54442d18ull, 0xc004000000000000ull, 0x3fb999999999999aull, 0x7fefffffffffffffull,
    0xffefffffffffffffull, 0x0010000000000000ull, 0x0000000000000001ull, 0x800fffffffffffffull,
    0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull, 0x7ff8000000001234ull,
    0xfff0000000000001ull, 0x3fe0000000000000ull, 0x3ff8000000000000ull, 0x43e0000000000000ull,
    0xc3e0000000000001ull, 0x4004000000000000ull, 0x412e848000000000ull, 0x3df0000000000000ull,
    0x41e0000000000000ull, 0xc008000000000000ull, 0x3fd5555555555555ull, 0x7e37e43c8800759cull,
    0x37a16c262777579cull, 0x3690000000000000ull, 0x47efffffe0000000ull, 0x380fffffe0000000ull,
};
/* half precision lanes for FCVTL: 1, -2.5, max, denormal, inf, qNaN, sNaN, 0.1, -0, 2^-14, 0x7c01 */
static const uint16_t hvals[] = {
    0x3c00, 0xc100, 0x7bff, 0x0001, 0x7c00, 0x7e00, 0x7d23, 0x2e66, 0x8000, 0x0400, 0xfc01, 0x3555,
};
#define NF (sizeof fvals / sizeof fvals[0])
#define ND (sizeof dvals / sizeof dvals[0])
#define NH (sizeof hvals / sizeof hvals[0])
#define NSETS 12

/* Sets 0-7: operand pairs (indices into fvals/dvals, which list the same
 * values in the same order up to entry 28) chosen so that the special
 * cases meet in some lane: 0*inf (FMULX, FRECPS, FRSQRTS), NaN against NaN
 * in both orders and signalling against quiet (which NaN wins), +-0
 * against -+0 (FMAX/FMIN/FMAXNM), overflowing and underflowing products,
 * denormals against infinities and each other.  Sets 8-11 walk the tables. */
static const uint8_t pairs[32][2] = {
    { 0, 12 }, { 1, 12 }, { 12, 1 }, { 13, 0 }, { 14, 15 }, { 15, 14 }, { 16, 15 }, { 15, 16 },
    { 16, 16 }, { 2, 14 }, { 14, 2 }, { 10, 12 }, { 7, 7 }, { 7, 5 }, { 8, 18 }, { 9, 17 },
    { 12, 12 }, { 13, 12 }, { 0, 1 }, { 1, 0 }, { 0, 0 }, { 2, 2 }, { 3, 2 }, { 10, 11 },
    { 11, 10 }, { 4, 6 }, { 21, 21 }, { 5, 21 }, { 22, 23 }, { 18, 18 }, { 6, 6 }, { 28, 17 },
};

static void make(v128 *v, unsigned es, unsigned set, unsigned which)
{
    static const uint8_t mul[3] = { 3, 11, 5 };
    unsigned lanes = 16 / es;
    for (unsigned i = 0; i < lanes; i++) {
        unsigned k = set * 7 + i * mul[which] + which * (1 + set);
        if (es != 2 && set < 8 && which < 2)
            k = pairs[(set * lanes + i) % 32][which];
        else if (set < 8)
            k = (set * lanes + i) * 7 + 2;
        if (es == 2) v->h[i] = hvals[k % NH];
        else if (es == 4) v->s[i] = fvals[k % NF];
        else v->d[i] = dvals[k % ND];
    }
}

static void show(const char *what, const v128 *v)
{
    printf(" %s=%016llx:%016llx", what, (unsigned long long)v->d[1], (unsigned long long)v->d[0]);
}

static void run_table(void)
{
    for (unsigned i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        const struct ft *t = &tests[i];
        unsigned bad = 0;
        for (unsigned set = 0; set < NSETS; set++) {
            v128 a, b, c, got, exp;
            make(&a, t->es, set, 0);
            make(&b, t->es, set, 1);
            make(&c, t->kind == K_CVTN ? 4 : t->es, set, 2);
            set_fpcr(t->fpcr);
            set_fpsr(0);
            t->fn(&a, &b, &c, &got);
            uint64_t fpsr = get_fpsr();
            set_fpcr(0);
            uint64_t efpsr = reference(t, &a, &b, &c, &exp);
            if (got.d[0] != exp.d[0] || got.d[1] != exp.d[1] || fpsr != efpsr) {
                if (!bad) {
                    printf("# %s, input set %u:", t->name, set);
                    show("a", &a);
                    show("b", &b);
                    show("c", &c);
                    printf("\n#  ");
                    show("got", &got);
                    show("expected", &exp);
                    printf(" FPSR 0x%llx expected 0x%llx\n", (unsigned long long)fpsr, (unsigned long long)efpsr);
                }
                bad++;
            }
        }
        check(t->name, bad, 0);
    }
}

/* ---- part 2: estimates and round-to-odd -------------------------------- */
/*
 * FRECPE/FRSQRTE (FEAT_RPRES not implemented: 8-bit estimates).  Every
 * expected value was computed by hand-translating the Arm ARM pseudocode
 * (FPRecipEstimate/RecipEstimate, FPRSqrtEstimate/RecipSqrtEstimate) into a
 * short script, then confirmed on QEMU 7.2 -cpu max.  Worked example,
 * FRECPE(1.0f): exp = 127, the top 8 fraction bits are 0, scaled = 256;
 * RecipEstimate: a = 2*256+1 = 513, b = 2^19 DIV 513 = 1022,
 * r = (1022+1) DIV 2 = 511, result fraction = r<7:0> = 0xff << 15,
 * result exponent = 253 - 127 = 126: 0x3f7f8000 (0.998046875).
 * FRSQRTE(2.0f): exp = 128 (even), scaled = 256; RecipSqrtEstimate:
 * a = ((256 >> 1) << 1 + 1) * 2 = 514, the largest b with
 * 514*(b+1)^2 < 2^28 is 722, r = 723 DIV 2 = 361 = 0x169, exponent
 * (380 - 128) DIV 2 = 126: 0x3f348000 (0.705).
 * Special cases (FPRecipEstimate): +-0 gives +-inf and DZC; +-inf gives
 * +-0; |x| < 2^-128 (single) / 2^-1024 (double) overflows: +-inf, OFC and
 * IXC; a large x whose reciprocal is below the normal range gives a
 * denormal estimate (FZ = 0).  FRSQRTE: negative non-zero and -inf give
 * the default NaN and IOC, -0 gives -inf and DZC.
 */
struct known { const char *name; uint8_t op; uint64_t in, out; uint32_t fpsr; };
enum { E_RECPE_S, E_RECPE_D, E_RSQRTE_S, E_RSQRTE_D, E_FCVTXN };
static const struct known known[] = {
    { "frecpe s 1.0", E_RECPE_S, 0x3f800000, 0x3f7f8000, 0 },
    { "frecpe s 2.0", E_RECPE_S, 0x40000000, 0x3eff8000, 0 },
    { "frecpe s 3.0", E_RECPE_S, 0x40400000, 0x3eaa8000, 0 },
    { "frecpe s -3.0", E_RECPE_S, 0xc0400000, 0xbeaa8000, 0 },
    { "frecpe s 0.1", E_RECPE_S, 0x3dcccccd, 0x41200000, 0 },
    { "frecpe s 1.5", E_RECPE_S, 0x3fc00000, 0x3f2a8000, 0 },
    { "frecpe s 1e10", E_RECPE_S, 0x501502f9, 0x2edb8000, 0 },
    { "frecpe s denormal 2^-128 (scaled up)", E_RECPE_S, 0x00200000, 0x7f7f8000, 0 },
    { "frecpe s denormal 2^-127", E_RECPE_S, 0x00400000, 0x7eff8000, 0 },
    { "frecpe s denormal 5e-39", E_RECPE_S, 0x003671f7, 0x7f168000, 0 },
    { "frecpe s 2^-129 overflows: inf", E_RECPE_S, 0x00100000, 0x7f800000, FPSR_OFC | FPSR_IXC },
    { "frecpe s 1e38: denormal estimate", E_RECPE_S, 0x7e967699, 0x006d0000, 0 },
    { "frecpe s 3e38: denormal estimate", E_RECPE_S, 0x7f61b1e6, 0x00244000, 0 },
    { "frecpe s +0 = inf, DZC", E_RECPE_S, 0x00000000, 0x7f800000, FPSR_DZC },
    { "frecpe s -0 = -inf, DZC", E_RECPE_S, 0x80000000, 0xff800000, FPSR_DZC },
    { "frecpe s -inf = -0", E_RECPE_S, 0xff800000, 0x80000000, 0 },
    { "frecpe s qNaN", E_RECPE_S, 0x7fc01234, 0x7fc01234, 0 },
    { "frecpe s sNaN = quiet, IOC", E_RECPE_S, 0x7f801234, 0x7fc01234, FPSR_IOC },
    { "frecpe d 1.0", E_RECPE_D, 0x3ff0000000000000ull, 0x3feff00000000000ull, 0 },
    { "frecpe d 3.0", E_RECPE_D, 0x4008000000000000ull, 0x3fd5500000000000ull, 0 },
    { "frecpe d -0.1", E_RECPE_D, 0xbfb999999999999aull, 0xc024000000000000ull, 0 },
    { "frecpe d 1e300", E_RECPE_D, 0x7e37e43c8800759cull, 0x01a5700000000000ull, 0 },
    { "frecpe d denormal 2^-1030 overflows", E_RECPE_D, 0x0000100000000000ull, 0x7ff0000000000000ull,
      FPSR_OFC | FPSR_IXC },
    { "frecpe d inf = 0", E_RECPE_D, 0x7ff0000000000000ull, 0, 0 },
    { "frsqrte s 1.0", E_RSQRTE_S, 0x3f800000, 0x3f7f8000, 0 },
    { "frsqrte s 2.0", E_RSQRTE_S, 0x40000000, 0x3f348000, 0 },
    { "frsqrte s 4.0", E_RSQRTE_S, 0x40800000, 0x3eff8000, 0 },
    { "frsqrte s 3.0", E_RSQRTE_S, 0x40400000, 0x3f138000, 0 },
    { "frsqrte s 0.25", E_RSQRTE_S, 0x3e800000, 0x3fff8000, 0 },
    { "frsqrte s 0.1", E_RSQRTE_S, 0x3dcccccd, 0x404a8000, 0 },
    { "frsqrte s 1e10", E_RSQRTE_S, 0x501502f9, 0x37278000, 0 },
    { "frsqrte s denormal 2^-130", E_RSQRTE_S, 0x00080000, 0x5fff8000, 0 },
    { "frsqrte s denormal 2^-149", E_RSQRTE_S, 0x00000001, 0x64b48000, 0 },
    { "frsqrte s 1e38", E_RSQRTE_S, 0x7e967699, 0x1fec0000, 0 },
    { "frsqrte s +0 = inf, DZC", E_RSQRTE_S, 0x00000000, 0x7f800000, FPSR_DZC },
    { "frsqrte s -0 = -inf, DZC", E_RSQRTE_S, 0x80000000, 0xff800000, FPSR_DZC },
    { "frsqrte s -1 = default NaN, IOC", E_RSQRTE_S, 0xbf800000, 0x7fc00000, FPSR_IOC },
    { "frsqrte s inf = 0", E_RSQRTE_S, 0x7f800000, 0x00000000, 0 },
    { "frsqrte s -inf = default NaN, IOC", E_RSQRTE_S, 0xff800000, 0x7fc00000, FPSR_IOC },
    { "frsqrte d 1.0", E_RSQRTE_D, 0x3ff0000000000000ull, 0x3feff00000000000ull, 0 },
    { "frsqrte d 2.0", E_RSQRTE_D, 0x4000000000000000ull, 0x3fe6900000000000ull, 0 },
    { "frsqrte d 3.0", E_RSQRTE_D, 0x4008000000000000ull, 0x3fe2700000000000ull, 0 },
    { "frsqrte d 0.1", E_RSQRTE_D, 0x3fb999999999999aull, 0x4009500000000000ull, 0 },
    { "frsqrte d 1e300", E_RSQRTE_D, 0x7e37e43c8800759cull, 0x20ca300000000000ull, 0 },
    { "frsqrte d denormal 2^-1060", E_RSQRTE_D, 0x0000000000004000ull, 0x610ff00000000000ull, 0 },
    /* FCVTXN: double to single rounding to odd (FPRounding_ODD): truncate,
     * and if anything was lost set the lowest mantissa bit; overflow gives
     * the largest finite value (round-to-odd never overflows to inf);
     * worked out by hand and with exact rational arithmetic, confirmed on
     * QEMU */
    { "fcvtxn 1 + 2^-30 = 1 + 2^-23 (odd)", E_FCVTXN, 0x3ff0000000400000ull, 0x3f800001, FPSR_IXC },
    { "fcvtxn 1.5 exact", E_FCVTXN, 0x3ff8000000000000ull, 0x3fc00000, 0 },
    { "fcvtxn 1 + 2^-23 + 2^-30 (already odd)", E_FCVTXN, 0x3ff0000020400000ull, 0x3f800001, FPSR_IXC },
    { "fcvtxn 1 + 2^-22 + 2^-30 = ..011", E_FCVTXN, 0x3ff0000040400000ull, 0x3f800003, FPSR_IXC },
    { "fcvtxn -(1 + 2^-30)", E_FCVTXN, 0xbff0000000400000ull, 0xbf800001, FPSR_IXC },
    { "fcvtxn 1/3", E_FCVTXN, 0x3fd5555555555555ull, 0x3eaaaaab, FPSR_IXC },
    { "fcvtxn 1e300 = max finite", E_FCVTXN, 0x7e37e43c8800759cull, 0x7f7fffff, FPSR_OFC | FPSR_IXC },
    { "fcvtxn 1e-50 = smallest denormal", E_FCVTXN, 0x358dee7a4ad4b81full, 0x00000001, FPSR_UFC | FPSR_IXC },
    { "fcvtxn 2^-140 exact denormal", E_FCVTXN, 0x3730000000000000ull, 0x00000200, 0 },
    { "fcvtxn inf", E_FCVTXN, 0xfff0000000000000ull, 0xff800000, 0 },
    { "fcvtxn qNaN payload", E_FCVTXN, 0x7ffc000020000000ull, 0x7fe00001, 0 },
};

static void estimates(void)
{
    char name[96];
    for (unsigned i = 0; i < sizeof known / sizeof known[0]; i++) {
        const struct known *k = &known[i];
        v128 in = { .d = { k->in, k->in } }, out;
        unsigned lanes_ok = 1;
        uint64_t fpsr;
        set_fpsr(0);
        /* the vector form on every lane, then the scalar form */
        switch (k->op) {
        case E_RECPE_S:
            __asm__ volatile("ldr q16, [%1]\n\tdup v16.4s, v16.s[0]\n\tfrecpe v17.4s, v16.4s\n\tstr q17, [%0]"
                             :: "r"(&out), "r"(&in) : "v16", "v17", "memory");
            lanes_ok = out.s[1] == out.s[0] && out.s[2] == out.s[0] && out.s[3] == out.s[0];
            break;
        case E_RSQRTE_S:
            __asm__ volatile("ldr q16, [%1]\n\tdup v16.4s, v16.s[0]\n\tfrsqrte v17.4s, v16.4s\n\tstr q17, [%0]"
                             :: "r"(&out), "r"(&in) : "v16", "v17", "memory");
            lanes_ok = out.s[1] == out.s[0] && out.s[2] == out.s[0] && out.s[3] == out.s[0];
            break;
        case E_RECPE_D:
            __asm__ volatile("ldr q16, [%1]\n\tfrecpe v17.2d, v16.2d\n\tstr q17, [%0]"
                             :: "r"(&out), "r"(&in) : "v16", "v17", "memory");
            lanes_ok = out.d[1] == out.d[0];
            break;
        case E_RSQRTE_D:
            __asm__ volatile("ldr q16, [%1]\n\tfrsqrte v17.2d, v16.2d\n\tstr q17, [%0]"
                             :: "r"(&out), "r"(&in) : "v16", "v17", "memory");
            lanes_ok = out.d[1] == out.d[0];
            break;
        case E_FCVTXN:
            __asm__ volatile("ldr q16, [%1]\n\tmovi v17.2d, #0xffffffffffffffff\n\t"
                             "fcvtxn v17.2s, v16.2d\n\tfcvtxn2 v17.4s, v16.2d\n\t"
                             "str q17, [%0]"
                             :: "r"(&out), "r"(&in) : "v16", "v17", "memory");
            lanes_ok = out.s[1] == out.s[0] && out.s[2] == out.s[0] && out.s[3] == out.s[0];
            break;
        }
        fpsr = get_fpsr();
        check(k->name, k->op == E_RECPE_D || k->op == E_RSQRTE_D ? out.d[0] : out.s[0], k->out);
        snprintf(name, sizeof name, "%s: every lane, FPSR", k->name);
        check(name, lanes_ok ? fpsr : ~0ull, k->fpsr);

        /* the scalar forms give the same */
        uint64_t r = 0, x = k->in;
        set_fpsr(0);
        switch (k->op) {
        case E_RECPE_S: __asm__ volatile("frecpe %s0, %s1" : "=w"(r) : "w"(x)); break;
        case E_RECPE_D: __asm__ volatile("frecpe %d0, %d1" : "=w"(r) : "w"(x)); break;
        case E_RSQRTE_S: __asm__ volatile("frsqrte %s0, %s1" : "=w"(r) : "w"(x)); break;
        case E_RSQRTE_D: __asm__ volatile("frsqrte %d0, %d1" : "=w"(r) : "w"(x)); break;
        case E_FCVTXN: __asm__ volatile("fcvtxn %s0, %d1" : "=w"(r) : "w"(x)); break;
        }
        fpsr = get_fpsr();
        snprintf(name, sizeof name, "%s (scalar form), FPSR", k->name);
        check(name, r == k->out ? fpsr : ~0ull, k->fpsr);
    }
    /* FZ: a denormal input is flushed (IDC) and then is a zero */
    uint64_t r, x = 0x00400000;
    set_fpcr(FPCR_FZ);
    set_fpsr(0);
    __asm__ volatile("frecpe %s0, %s1" : "=w"(r) : "w"(x));
    uint64_t fpsr = get_fpsr();
    set_fpcr(0);
    check("FZ: frecpe s denormal = inf", r, 0x7f800000);
    check("FZ: frecpe s denormal: FPSR IDC and DZC", fpsr, FPSR_IDC | FPSR_DZC);
    /* FZ: an estimate below the normal range is flushed to zero with UFC */
    x = 0x7e967699;
    set_fpcr(FPCR_FZ);
    set_fpsr(0);
    __asm__ volatile("frecpe %s0, %s1" : "=w"(r) : "w"(x));
    fpsr = get_fpsr();
    set_fpcr(0);
    check("FZ: frecpe s 1e38 = 0", r, 0);
    check("FZ: frecpe s 1e38: FPSR UFC", fpsr, FPSR_UFC);
    /* RM: the overflowing estimate is the largest finite value */
    x = 0x00100000;
    set_fpcr(FPCR_RMODE(RM_RM));
    set_fpsr(0);
    __asm__ volatile("frecpe %s0, %s1" : "=w"(r) : "w"(x));
    fpsr = get_fpsr();
    set_fpcr(0);
    check("RM: frecpe s 2^-129 = max finite", r, 0x7f7fffff);
    check("RM: frecpe s 2^-129: FPSR OFC IXC", fpsr, FPSR_OFC | FPSR_IXC);
    set_fpsr(0);
}

/*
 * FRECPS (2 - a*b) and FRSQRTS ((3 - a*b)/2), each rounded once
 * (FPRecipStepFused, FPRSqrtStepFused; FPNeg of the first operand, then a
 * fused multiply-add; (+-0) * (+-inf) gives exactly 2.0 / 1.5).  The
 * rounded values were computed with exact rational arithmetic (Python
 * fractions, round to nearest even), then confirmed on QEMU.  The
 * FRSQRTS(max, 1.5) cases show that the halving is part of the single
 * rounding: 3 - 1.5*max is beyond the range, its half is not.
 */
struct step { const char *name; uint8_t rsqrt, dbl; uint64_t a, b, out; uint32_t fpsr; };
static const struct step steps[] = {
    { "frecps s 1.5, 0.5 = 1.25", 0, 0, 0x3fc00000, 0x3f000000, 0x3fa00000, 0 },
    { "frecps s 3, 1/3 = 1.0 (rounded)", 0, 0, 0x40400000, 0x3eaaaaab, 0x3f800000, FPSR_IXC },
    { "frecps s max, 2 = -inf", 0, 0, 0x7f7fffff, 0x40000000, 0xff800000, FPSR_OFC | FPSR_IXC },
    { "frecps s 0, inf = 2.0", 0, 0, 0x00000000, 0x7f800000, 0x40000000, 0 },
    { "frecps s -inf, -0 = 2.0", 0, 0, 0xff800000, 0x80000000, 0x40000000, 0 },
    { "frecps s inf, 2 = -inf", 0, 0, 0x7f800000, 0x40000000, 0xff800000, 0 },
    { "frecps s sNaN, 1 = quiet (negated first operand)", 0, 0, 0x7f800123, 0x3f800000, 0xffc00123, FPSR_IOC },
    { "frsqrts s 1.5, 1.5 = 0.375", 1, 0, 0x3fc00000, 0x3fc00000, 0x3ec00000, 0 },
    { "frsqrts s max, 1.5: no overflow", 1, 0, 0x7f7fffff, 0x3fc00000, 0xff3fffff, FPSR_IXC },
    { "frsqrts s 2, 0.70710677", 1, 0, 0x40000000, 0x3f3504f3, 0x3f4afb0d, 0 },
    { "frsqrts s -0, inf = 1.5", 1, 0, 0x80000000, 0x7f800000, 0x3fc00000, 0 },
    { "frsqrts s qNaN, 1 = -qNaN (negated first operand)", 1, 0, 0x7fc00456, 0x3f800000, 0xffc00456, 0 },
    { "frecps d 1.5, 0.5 = 1.25", 0, 1, 0x3ff8000000000000ull, 0x3fe0000000000000ull, 0x3ff4000000000000ull, 0 },
    { "frecps d 3, 1/3 = 1.0 (rounded)", 0, 1, 0x4008000000000000ull, 0x3fd5555555555555ull,
      0x3ff0000000000000ull, FPSR_IXC },
    { "frsqrts d 2, 0.7071067811865476", 1, 1, 0x4000000000000000ull, 0x3fe6a09e667f3bcdull,
      0x3fe95f619980c433ull, 0 },
    { "frsqrts d max, 1.5: no overflow", 1, 1, 0x7fefffffffffffffull, 0x3ff8000000000000ull,
      0xffe7ffffffffffffull, FPSR_IXC },
    { "frsqrts d inf, 0 = 1.5", 1, 1, 0x7ff0000000000000ull, 0, 0x3ff8000000000000ull, 0 },
};

static void step_constants(void)
{
    char name[112];
    for (unsigned i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        const struct step *k = &steps[i];
        v128 a = { .d = { k->a, k->a } }, b = { .d = { k->b, k->b } }, out;
        int lanes_ok;
        set_fpsr(0);
        if (!k->dbl) {
            a.s[1] = a.s[2] = a.s[3] = a.s[0];
            b.s[1] = b.s[2] = b.s[3] = b.s[0];
            if (k->rsqrt)
                __asm__ volatile("ldr q16, [%1]\n\tldr q18, [%2]\n\tfrsqrts v17.4s, v16.4s, v18.4s\n\tstr q17, [%0]"
                                 :: "r"(&out), "r"(&a), "r"(&b) : "v16", "v17", "v18", "memory");
            else
                __asm__ volatile("ldr q16, [%1]\n\tldr q18, [%2]\n\tfrecps v17.4s, v16.4s, v18.4s\n\tstr q17, [%0]"
                                 :: "r"(&out), "r"(&a), "r"(&b) : "v16", "v17", "v18", "memory");
            lanes_ok = out.s[1] == out.s[0] && out.s[2] == out.s[0] && out.s[3] == out.s[0];
        } else {
            if (k->rsqrt)
                __asm__ volatile("ldr q16, [%1]\n\tldr q18, [%2]\n\tfrsqrts v17.2d, v16.2d, v18.2d\n\tstr q17, [%0]"
                                 :: "r"(&out), "r"(&a), "r"(&b) : "v16", "v17", "v18", "memory");
            else
                __asm__ volatile("ldr q16, [%1]\n\tldr q18, [%2]\n\tfrecps v17.2d, v16.2d, v18.2d\n\tstr q17, [%0]"
                                 :: "r"(&out), "r"(&a), "r"(&b) : "v16", "v17", "v18", "memory");
            lanes_ok = out.d[1] == out.d[0];
        }
        uint64_t fpsr = get_fpsr();
        check(k->name, k->dbl ? out.d[0] : out.s[0], k->out);
        snprintf(name, sizeof name, "%s: every lane, FPSR", k->name);
        check(name, lanes_ok ? fpsr : ~0ull, k->fpsr);
        /* the scalar form */
        uint64_t r = 0, x = k->a, y = k->b;
        set_fpsr(0);
        if (!k->dbl) {
            if (k->rsqrt) __asm__ volatile("frsqrts %s0, %s1, %s2" : "=w"(r) : "w"(x), "w"(y));
            else __asm__ volatile("frecps %s0, %s1, %s2" : "=w"(r) : "w"(x), "w"(y));
        } else {
            if (k->rsqrt) __asm__ volatile("frsqrts %d0, %d1, %d2" : "=w"(r) : "w"(x), "w"(y));
            else __asm__ volatile("frecps %d0, %d1, %d2" : "=w"(r) : "w"(x), "w"(y));
        }
        fpsr = get_fpsr();
        snprintf(name, sizeof name, "%s (scalar form), FPSR", k->name);
        check(name, r == k->out ? fpsr : ~0ull, k->fpsr);
    }
    set_fpsr(0);
}

/* FMOV (vector, immediate) */
static void fmov_imm(void)
{
    v128 out;
    __asm__ volatile("movi v17.2d, #0xffffffffffffffff\n\tfmov v17.2s, #-1.5\n\tstr q17, [%0]"
                     :: "r"(&out) : "v17", "memory");
    check("fmov v.2s, #-1.5", out.d[0], 0xbfc00000bfc00000ull);
    check("fmov v.2s: bits 127:64 cleared", out.d[1], 0);
    __asm__ volatile("fmov v17.4s, #0.125\n\tstr q17, [%0]" :: "r"(&out) : "v17", "memory");
    check("fmov v.4s, #0.125", out.d[1], 0x3e0000003e000000ull);
    __asm__ volatile("fmov v17.2d, #31.0\n\tstr q17, [%0]" :: "r"(&out) : "v17", "memory");
    check("fmov v.2d, #31.0", out.d[0] == out.d[1] ? out.d[0] : 0, 0x403f000000000000ull);
}

int main(void)
{
    set_fpcr(0);
    set_fpsr(0);
    run_table();
    estimates();
    step_constants();
    fmov_imm();
    return tap_done();
}
