/*
 * fpscalar - scalar floating point (double, single, half conversions).
 *
 * Every expected value is an exact bit pattern that IEEE 754-2008 and the
 * Arm ARM (DDI 0487, the FP pseudocode in "Shared pseudocode: floating
 * point": FPAdd, FPMulAdd, FPRoundBase, FPToFixed, FPConvert, FPProcessNaN)
 * determine; the comment beside a case gives the reasoning when it is not
 * obvious.  All of them were then confirmed on QEMU (-cpu max).
 *
 * Part 1 runs one instruction per case in inline assembly (so the compiler
 * can neither fold nor move it), with FPCR set as the case says and FPSR
 * cleared before, and checks the result and the FPSR afterwards: two
 * checks per case ("<case>" and "<case>: FPSR").
 *   rules used throughout (FPCR.AH = 0, no FP exception trapped):
 *   - a NaN operand: a signalling NaN is made quiet (top fraction bit set,
 *     rest of the payload kept) and raises IOC; with two or three operands
 *     the first signalling NaN wins, else the first quiet NaN
 *     (FPProcessNaNs/FPProcessNaNs3: operand order is n, m and for the
 *     fused multiply-adds a (the addend) first, then n, m); FPCR.DN = 1
 *     returns the default NaN (0x7ff8000000000000 / 0x7fc00000) instead.
 *   - invalid operations (0*inf, inf-inf, 0/0, sqrt(-x)) give the default
 *     NaN and IOC; x/0 gives a signed infinity and DZC.
 *   - overflow gives inf or the largest finite number as the rounding mode
 *     says, with OFC and IXC; underflow (UFC) is signalled when the result
 *     is tiny BEFORE rounding and inexact (FPRoundBase, AH = 0).
 *   - FPCR.FZ = 1: denormal single/double inputs are flushed to zero with
 *     IDC; tiny results become zero with UFC and no IXC.
 *   - FNEG, FABS, FMOV never look at NaNs, denormals or FPCR.
 *   - FCVTZS/FCVTZU and the other float-to-int conversions saturate: out
 *     of range (or after rounding out of range) gives the nearest
 *     representable integer and IOC without IXC; NaN gives 0 and IOC;
 *     an in-range inexact result gives IXC.
 * Part 2 checks FPSR accumulation and FPCR read-back, part 3 scalar moves
 * and selects (and that a scalar result clears the rest of the vector
 * register), part 4 the same operations written as C (operators and
 * __builtin_* functions, compiled to FADD, FMADD, FSQRT, FRINT*, FMINNM,
 * SCVTF, FCVTZS...), on values the compiler cannot see.
 */
#include <stdint.h>
#include "printf.h"
#include "tap.h"
#include "vec.h"

enum op {
    D_FADD, D_FSUB, D_FMUL, D_FDIV, D_FNMUL, D_FMAX, D_FMIN, D_FMAXNM, D_FMINNM,
    D_FSQRT, D_FABS, D_FNEG, D_FRINTN, D_FRINTP, D_FRINTM, D_FRINTZ, D_FRINTA, D_FRINTX, D_FRINTI,
    D_FMADD, D_FMSUB, D_FNMADD, D_FNMSUB,
    S_FADD, S_FSUB, S_FMUL, S_FDIV, S_FSQRT, S_FMADD, S_FMAX, S_FMINNM, S_FRINTA, S_FRINTM,
    CVT_S_D, CVT_D_S, CVT_H_S, CVT_S_H, CVT_H_D, CVT_D_H,
    ZS_W_D, ZU_W_D, ZS_X_D, ZU_X_D, ZS_W_S, ZS_X_S,
    NS_W_D, AS_W_D, MS_W_D, PS_W_D, NU_W_D, AU_W_D, MU_W_D, PU_W_D,
    ZS_W_D_FBITS4, ZU_X_D_FBITS32,
    SCVTF_D_W, SCVTF_D_X, UCVTF_D_X, UCVTF_D_W, SCVTF_S_X, SCVTF_S_W, UCVTF_S_W,
    SCVTF_D_W_FBITS8, UCVTF_S_W_FBITS16, SCVTF_D_X_FBITS64,
    FCMP_D, FCMPE_D, FCMP_D_ZERO, FCMP_S, FCMPE_S,
};

struct fcase {
    const char *name;
    uint8_t op;
    uint32_t fpcr;
    uint64_t a, b, c;       /* operands (n, m, a for the multiply-adds) */
    uint64_t r;             /* expected result (integer, NZCV or bits, zero-extended) */
    uint32_t fpsr;          /* expected FPSR */
};

/* doubles */
#define D1      0x3ff0000000000000ull   /* 1.0 */
#define DM1     0xbff0000000000000ull   /* -1.0 */
#define D2      0x4000000000000000ull
#define DM2     0xc000000000000000ull
#define D3      0x4008000000000000ull
#define DM3     0xc008000000000000ull
#define D4      0x4010000000000000ull
#define D10     0x4024000000000000ull
#define D0_1    0x3fb999999999999aull   /* 0.1 */
#define DM0_1   0xbfb999999999999aull
#define D0_2    0x3fc999999999999aull
#define D0_4    0x3fd999999999999aull
#define DM0_4   0xbfd999999999999aull
#define D0_5    0x3fe0000000000000ull
#define DM0_5   0xbfe0000000000000ull
#define D1_5    0x3ff8000000000000ull
#define D2_5    0x4004000000000000ull
#define DM2_5   0xc004000000000000ull
#define D2_7    0x400599999999999aull
#define D3_5    0x400c000000000000ull
#define D1E308  0x7fe1ccf385ebc8a0ull
#define DM1E308 0xffe1ccf385ebc8a0ull
#define DP0     0x0000000000000000ull
#define DN0     0x8000000000000000ull
#define DINF    0x7ff0000000000000ull
#define DNINF   0xfff0000000000000ull
#define DMAX    0x7fefffffffffffffull
#define DNMAX   0xffefffffffffffffull
#define DDNAN   0x7ff8000000000000ull   /* the default NaN */
#define DQNAN_A 0x7ff8000000000123ull   /* quiet NaNs with payloads */
#define DQNAN_B 0xfff8000000000789ull
#define DSNAN_A 0x7ff0000000000123ull   /* signalling NaNs with payloads */
#define DSNAN_B 0x7ff0000000000456ull
#define DSNAN_C 0xfff0000000000789ull
#define DDEN1   0x0000000000000001ull   /* 2^-1074, the smallest denormal */
#define DTINY   0x3c30000000000000ull   /* 2^-60 */
#define DMTINY  0xbc30000000000000ull
/* singles */
#define F1      0x3f800000ull
#define F2      0x40000000ull
#define F10     0x41200000ull
#define FM1     0xbf800000ull
#define F0_1    0x3dcccccdull
#define F2_5    0x40200000ull
#define FM2_5   0xc0200000ull
#define FINF    0x7f800000ull
#define FNINF   0xff800000ull
#define FDNAN   0x7fc00000ull
#define FDEN1   0x00000001ull           /* 2^-149 */

#define IOC FPSR_IOC
#define DZC FPSR_DZC
#define OFC FPSR_OFC
#define UFC FPSR_UFC
#define IXC FPSR_IXC
#define IDC FPSR_IDC
#define RP  FPCR_RMODE(RM_RP)
#define RM  FPCR_RMODE(RM_RM)
#define RZ  FPCR_RMODE(RM_RZ)
#define FZ  FPCR_FZ
#define DN  FPCR_DN
#define AHP FPCR_AHP

/* NZCV values as MRS NZCV reads them */
#define NZCV_LT 0x80000000ull           /* N */
#define NZCV_EQ 0x60000000ull           /* Z C */
#define NZCV_GT 0x20000000ull           /* C */
#define NZCV_UN 0x30000000ull           /* C V */

static const struct fcase cases[] = {
    /* ---- double arithmetic ------------------------------------------ */
    { "fadd 1.5 + 2.25 = 3.75", D_FADD, 0, D1_5, 0x4002000000000000ull, 0, 0x400e000000000000ull, 0 },
    { "fadd 0.1 + 0.2 = 0.30000000000000004", D_FADD, 0, D0_1, D0_2, 0, 0x3fd3333333333334ull, IXC },
    { "fadd 1 + 2^-1074 = 1 (inexact)", D_FADD, 0, D1, DDEN1, 0, D1, IXC },
    { "fadd -0 + -0 = -0", D_FADD, 0, DN0, DN0, 0, DN0, 0 },
    { "fadd +0 + -0 = +0", D_FADD, 0, DP0, DN0, 0, DP0, 0 },
    { "fsub 1 - 3 = -2", D_FSUB, 0, D1, D3, 0, DM2, 0 },
    { "fsub inf - inf = default NaN", D_FSUB, 0, DINF, DINF, 0, DDNAN, IOC },
    { "fsub 1 - 1 = +0", D_FSUB, 0, D1, D1, 0, DP0, 0 },
    { "fmul 1e308 * 10 = inf", D_FMUL, 0, D1E308, D10, 0, DINF, OFC | IXC },
    { "fmul 0 * inf = default NaN", D_FMUL, 0, DP0, DINF, 0, DDNAN, IOC },
    { "fmul -0 * 3 = -0", D_FMUL, 0, DN0, D3, 0, DN0, 0 },
    /* 2^-1000 * 2^-40 = 2^-1040 = 2^34 * 2^-1074: an exact denormal, no UFC */
    { "fmul 2^-1000 * 2^-40 = denormal 2^-1040 (exact)", D_FMUL, 0, 0x0170000000000000ull, 0x3d70000000000000ull, 0,
      0x0000000400000000ull, 0 },
    /* * (1 + 2^-52): 2^-1040 + 2^-1092 rounds to 2^-1040: tiny and inexact */
    { "fmul tiny inexact: UFC and IXC", D_FMUL, 0, 0x0170000000000000ull, 0x3d70000000000001ull, 0,
      0x0000000400000000ull, UFC | IXC },
    /* x*y = 2^-1022 * (1 - 0.73*2^-54): below the smallest normal before
     * rounding, 2^-1022 after; Arm detects tininess before rounding, so
     * UFC is set (with after-rounding detection it would not be). */
    { "fmul rounds up to 2^-1022: tiny before rounding, UFC", D_FMUL, 0, 0x2006a09e667f3bccull, 0x1ff6a09e667f3bcdull, 0,
      0x0010000000000000ull, UFC | IXC },
    { "fdiv 1 / 3", D_FDIV, 0, D1, D3, 0, 0x3fd5555555555555ull, IXC },
    { "fdiv 6 / 3 = 2 (exact)", D_FDIV, 0, 0x4018000000000000ull, D3, 0, D2, 0 },
    { "fdiv 1 / 0 = inf", D_FDIV, 0, D1, DP0, 0, DINF, DZC },
    { "fdiv -1 / 0 = -inf", D_FDIV, 0, DM1, DP0, 0, DNINF, DZC },
    { "fdiv 1 / -0 = -inf", D_FDIV, 0, D1, DN0, 0, DNINF, DZC },
    { "fdiv 0 / 0 = default NaN", D_FDIV, 0, DP0, DP0, 0, DDNAN, IOC },
    { "fdiv inf / inf = default NaN", D_FDIV, 0, DINF, DNINF, 0, DDNAN, IOC },
    { "fdiv 1 / inf = +0", D_FDIV, 0, D1, DINF, 0, DP0, 0 },
    { "fdiv inf / 0 = inf, no DZC", D_FDIV, 0, DINF, DP0, 0, DINF, 0 },
    { "fnmul 2 * 3 = -6", D_FNMUL, 0, D2, D3, 0, 0xc018000000000000ull, 0 },
    /* FNMUL is FPNeg(FPMul()): a NaN result has its sign flipped too */
    { "fnmul qNaN * 3 = the NaN negated", D_FNMUL, 0, DQNAN_A, D3, 0, 0xfff8000000000123ull, 0 },
    { "fsqrt 2", D_FSQRT, 0, D2, 0, 0, 0x3ff6a09e667f3bcdull, IXC },
    { "fsqrt 4 = 2 (exact)", D_FSQRT, 0, D4, 0, 0, D2, 0 },
    { "fsqrt -1 = default NaN", D_FSQRT, 0, DM1, 0, 0, DDNAN, IOC },
    { "fsqrt -0 = -0", D_FSQRT, 0, DN0, 0, 0, DN0, 0 },
    { "fsqrt inf = inf", D_FSQRT, 0, DINF, 0, 0, DINF, 0 },
    { "fsqrt 2^-1074 = 2^-537", D_FSQRT, 0, DDEN1, 0, 0, 0x1e60000000000000ull, 0 },
    { "fsqrt sNaN = quiet NaN", D_FSQRT, 0, DSNAN_A, 0, 0, 0x7ff8000000000123ull, IOC },
    { "fabs -0 = +0", D_FABS, 0, DN0, 0, 0, DP0, 0 },
    { "fabs -inf = inf", D_FABS, 0, DNINF, 0, 0, DINF, 0 },
    { "fabs sNaN: sign cleared, stays signalling, no IOC", D_FABS, 0, DSNAN_C, 0, 0, 0x7ff0000000000789ull, 0 },
    { "fneg +0 = -0", D_FNEG, 0, DP0, 0, 0, DN0, 0 },
    { "fneg sNaN: sign flipped, no IOC", D_FNEG, 0, DSNAN_A, 0, 0, 0xfff0000000000123ull, 0 },
    { "fneg with DN: NaN payload kept", D_FNEG, DN, DQNAN_A, 0, 0, 0xfff8000000000123ull, 0 },
    { "fneg with FZ: denormal not flushed", D_FNEG, FZ, DDEN1, 0, 0, 0x8000000000000001ull, 0 },
    /* fused multiply-add: 0.1 (= 3602879701896397 * 2^-55) * 10 = 1 + 2^-54
     * exactly, so the fused results are exact where a separate multiply
     * would have rounded 1 + 2^-54 to 1. */
    { "fmadd 0.1*10 + -1 = 2^-54 (fused)", D_FMADD, 0, D0_1, D10, DM1, 0x3c90000000000000ull, 0 },
    { "fmsub 1 - 0.1*10 = -2^-54", D_FMSUB, 0, D0_1, D10, D1, 0xbc90000000000000ull, 0 },
    { "fnmadd -1 - 0.1*10 = -2 (rounded)", D_FNMADD, 0, D0_1, D10, D1, DM2, IXC },
    { "fnmsub 0.1*10 - 1 = 2^-54", D_FNMSUB, 0, D0_1, D10, D1, 0x3c90000000000000ull, 0 },
    { "fmadd 0*inf + qNaN = default NaN", D_FMADD, 0, DP0, DINF, DQNAN_A, DDNAN, IOC },
    { "fmadd qNaN*1 + qNaN: the addend's NaN", D_FMADD, 0, DQNAN_B, D1, DQNAN_A, DQNAN_A, 0 },
    { "fmadd sNaN*1 + qNaN: the sNaN, quiet", D_FMADD, 0, DSNAN_B, D1, DQNAN_A, 0x7ff8000000000456ull, IOC },
    { "fmadd 1*qNaN + 1: the multiplicand's NaN", D_FMADD, 0, D1, DQNAN_B, D1, DQNAN_B, 0 },
    { "fmadd inf*2 + -inf = default NaN", D_FMADD, 0, DINF, D2, DNINF, DDNAN, IOC },
    /* FMSUB, FNMADD, FNMSUB negate an operand (FPNeg) before FPMulAdd, so a
     * NaN taken from a negated operand has its sign flipped */
    { "fmsub 1 - qNaN*1: n negated", D_FMSUB, 0, DQNAN_A, D1, D1, 0xfff8000000000123ull, 0 },
    { "fnmadd -qNaN - 1*1: a negated", D_FNMADD, 0, D1, D1, DQNAN_A, 0xfff8000000000123ull, 0 },
    { "fnmsub 1*1 - (-qNaN): a negated", D_FNMSUB, 0, D1, D1, DQNAN_B, 0x7ff8000000000789ull, 0 },
    { "fnmsub 1*sNaN - 1: m not negated, quiet", D_FNMSUB, 0, D1, DSNAN_B, D1, 0x7ff8000000000456ull, IOC },
    /* FMAX/FMIN: NaN in, NaN out; -0 < +0 */
    { "fmax 1, 2 = 2", D_FMAX, 0, D1, D2, 0, D2, 0 },
    { "fmax -0, +0 = +0", D_FMAX, 0, DN0, DP0, 0, DP0, 0 },
    { "fmin +0, -0 = -0", D_FMIN, 0, DP0, DN0, 0, DN0, 0 },
    { "fmax 1, qNaN = qNaN", D_FMAX, 0, D1, DQNAN_A, 0, DQNAN_A, 0 },
    { "fmin qNaN, 1 = qNaN", D_FMIN, 0, DQNAN_B, D1, 0, DQNAN_B, 0 },
    { "fmax sNaN, 1 = quiet sNaN", D_FMAX, 0, DSNAN_A, D1, 0, 0x7ff8000000000123ull, IOC },
    { "fmax inf, -inf = inf", D_FMAX, 0, DINF, DNINF, 0, DINF, 0 },
    /* FMAXNM/FMINNM: one quiet NaN and a number give the number */
    { "fmaxnm 1, qNaN = 1", D_FMAXNM, 0, D1, DQNAN_A, 0, D1, 0 },
    { "fminnm qNaN, -2 = -2", D_FMINNM, 0, DQNAN_A, DM2, 0, DM2, 0 },
    { "fmaxnm -inf, qNaN = -inf", D_FMAXNM, 0, DNINF, DQNAN_B, 0, DNINF, 0 },
    { "fmaxnm sNaN, 1 = quiet sNaN", D_FMAXNM, 0, DSNAN_A, D1, 0, 0x7ff8000000000123ull, IOC },
    { "fmaxnm qNaN, qNaN = the first", D_FMAXNM, 0, DQNAN_B, DQNAN_A, 0, DQNAN_B, 0 },
    { "fminnm -0, +0 = -0", D_FMINNM, 0, DN0, DP0, 0, DN0, 0 },
    { "fmaxnm -0, +0 = +0", D_FMAXNM, 0, DN0, DP0, 0, DP0, 0 },
    /* ---- single arithmetic ------------------------------------------ */
    { "fadd.s 1 + 2 = 3", S_FADD, 0, F1, F2, 0, 0x40400000ull, 0 },
    { "fadd.s 0.1 + 1 (inexact)", S_FADD, 0, F0_1, F1, 0, 0x3f8ccccdull, IXC },
    { "fsub.s inf - inf", S_FSUB, 0, FINF, FINF, 0, FDNAN, IOC },
    { "fmul.s 1e30 * 1e10 = inf", S_FMUL, 0, 0x7149f2caull, 0x501502f9ull, 0, FINF, OFC | IXC },
    { "fdiv.s 1 / 3", S_FDIV, 0, F1, 0x40400000ull, 0, 0x3eaaaaabull, IXC },
    { "fdiv.s 1 / -0 = -inf", S_FDIV, 0, F1, 0x80000000ull, 0, FNINF, DZC },
    { "fsqrt.s 2", S_FSQRT, 0, F2, 0, 0, 0x3fb504f3ull, IXC },
    { "fsqrt.s -2 = default NaN", S_FSQRT, 0, 0xc0000000ull, 0, 0, FDNAN, IOC },
    /* 0.1f = 13421773 * 2^-27; * 10 = 1 + 2^-26 exactly */
    { "fmadd.s 0.1*10 + -1 = 2^-26 (fused)", S_FMADD, 0, F0_1, F10, FM1, 0x32800000ull, 0 },
    { "fmax.s qNaN, 1 = qNaN", S_FMAX, 0, 0x7fc00123ull, F1, 0, 0x7fc00123ull, 0 },
    { "fminnm.s 1, qNaN = 1", S_FMINNM, 0, F1, 0x7fc00123ull, 0, F1, 0 },
    { "frinta.s 2.5 = 3", S_FRINTA, 0, F2_5, 0, 0, 0x40400000ull, 0 },
    { "frintm.s -2.5 = -3", S_FRINTM, 0, FM2_5, 0, 0, 0xc0400000ull, 0 },
    /* ---- round to integral (FRINTN/P/M/Z/A: no IXC; FRINTX: IXC) ----- */
    { "frintn 2.5 = 2", D_FRINTN, 0, D2_5, 0, 0, D2, 0 },
    { "frintn 3.5 = 4", D_FRINTN, 0, D3_5, 0, 0, D4, 0 },
    { "frintn -2.5 = -2", D_FRINTN, 0, DM2_5, 0, 0, DM2, 0 },
    { "frintn -0.4 = -0", D_FRINTN, 0, DM0_4, 0, 0, DN0, 0 },
    { "frinta 2.5 = 3", D_FRINTA, 0, D2_5, 0, 0, D3, 0 },
    { "frinta -2.5 = -3", D_FRINTA, 0, DM2_5, 0, 0, DM3, 0 },
    { "frinta 0.5 = 1", D_FRINTA, 0, D0_5, 0, 0, D1, 0 },
    { "frinta -0.4 = -0", D_FRINTA, 0, DM0_4, 0, 0, DN0, 0 },
    { "frintp 2.5 = 3", D_FRINTP, 0, D2_5, 0, 0, D3, 0 },
    { "frintp -2.5 = -2", D_FRINTP, 0, DM2_5, 0, 0, DM2, 0 },
    { "frintp -0.4 = -0", D_FRINTP, 0, DM0_4, 0, 0, DN0, 0 },
    { "frintm 2.5 = 2", D_FRINTM, 0, D2_5, 0, 0, D2, 0 },
    { "frintm -2.5 = -3", D_FRINTM, 0, DM2_5, 0, 0, DM3, 0 },
    { "frintm -0.4 = -1", D_FRINTM, 0, DM0_4, 0, 0, DM1, 0 },
    { "frintm 0.4 = +0", D_FRINTM, 0, D0_4, 0, 0, DP0, 0 },
    { "frintz 2.5 = 2", D_FRINTZ, 0, D2_5, 0, 0, D2, 0 },
    { "frintz -2.5 = -2", D_FRINTZ, 0, DM2_5, 0, 0, DM2, 0 },
    { "frintz -0.4 = -0", D_FRINTZ, 0, DM0_4, 0, 0, DN0, 0 },
    { "frintz 2^52+1 unchanged", D_FRINTZ, 0, 0x4330000000000001ull, 0, 0, 0x4330000000000001ull, 0 },
    { "frintz inf = inf", D_FRINTZ, 0, DNINF, 0, 0, DNINF, 0 },
    { "frintx 2.5 = 2, IXC", D_FRINTX, 0, D2_5, 0, 0, D2, IXC },
    { "frintx 2 = 2, exact", D_FRINTX, 0, D2, 0, 0, D2, 0 },
    { "frintx -0.4 = -0, IXC", D_FRINTX, 0, DM0_4, 0, 0, DN0, IXC },
    { "frintx sNaN = quiet", D_FRINTX, 0, DSNAN_A, 0, 0, 0x7ff8000000000123ull, IOC },
    { "frinti 2.5 = 2, no IXC", D_FRINTI, 0, D2_5, 0, 0, D2, 0 },
    { "frinti 3.5 = 4", D_FRINTI, 0, D3_5, 0, 0, D4, 0 },
    /* ---- rounding mode (FPCR.RMode) --------------------------------- */
    { "RN: fadd 1 + 2^-60 = 1", D_FADD, 0, D1, DTINY, 0, D1, IXC },
    { "RP: fadd 1 + 2^-60 = 1 + 2^-52", D_FADD, RP, D1, DTINY, 0, 0x3ff0000000000001ull, IXC },
    { "RM: fadd 1 + 2^-60 = 1", D_FADD, RM, D1, DTINY, 0, D1, IXC },
    { "RZ: fadd 1 + 2^-60 = 1", D_FADD, RZ, D1, DTINY, 0, D1, IXC },
    { "RN: fadd -1 - 2^-60 = -1", D_FADD, 0, DM1, DMTINY, 0, DM1, IXC },
    { "RP: fadd -1 - 2^-60 = -1", D_FADD, RP, DM1, DMTINY, 0, DM1, IXC },
    { "RM: fadd -1 - 2^-60 = -1 - 2^-52", D_FADD, RM, DM1, DMTINY, 0, 0xbff0000000000001ull, IXC },
    { "RZ: fadd -1 - 2^-60 = -1", D_FADD, RZ, DM1, DMTINY, 0, DM1, IXC },
    { "RM: fsub 1 - 1 = -0", D_FSUB, RM, D1, D1, 0, DN0, 0 },
    { "RP: fsub 1 - 1 = +0", D_FSUB, RP, D1, D1, 0, DP0, 0 },
    { "RP: fdiv 1 / 3 rounds up", D_FDIV, RP, D1, D3, 0, 0x3fd5555555555556ull, IXC },
    { "RZ: fdiv 1 / 3", D_FDIV, RZ, D1, D3, 0, 0x3fd5555555555555ull, IXC },
    { "RM: fsqrt 2 rounds down", D_FSQRT, RM, D2, 0, 0, 0x3ff6a09e667f3bccull, IXC },
    { "RP: fmul 1e308 * 10 = inf", D_FMUL, RP, D1E308, D10, 0, DINF, OFC | IXC },
    { "RM: fmul 1e308 * 10 = max", D_FMUL, RM, D1E308, D10, 0, DMAX, OFC | IXC },
    { "RZ: fmul 1e308 * 10 = max", D_FMUL, RZ, D1E308, D10, 0, DMAX, OFC | IXC },
    { "RM: fmul -1e308 * 10 = -inf", D_FMUL, RM, DM1E308, D10, 0, DNINF, OFC | IXC },
    { "RP: fmul -1e308 * 10 = -max", D_FMUL, RP, DM1E308, D10, 0, DNMAX, OFC | IXC },
    { "RZ: fmul -1e308 * 10 = -max", D_FMUL, RZ, DM1E308, D10, 0, DNMAX, OFC | IXC },
    { "RN: fcvt s, d 0.1", CVT_S_D, 0, D0_1, 0, 0, 0x3dcccccdull, IXC },
    { "RP: fcvt s, d 0.1", CVT_S_D, RP, D0_1, 0, 0, 0x3dcccccdull, IXC },
    { "RM: fcvt s, d 0.1", CVT_S_D, RM, D0_1, 0, 0, 0x3dccccccull, IXC },
    { "RZ: fcvt s, d 0.1", CVT_S_D, RZ, D0_1, 0, 0, 0x3dccccccull, IXC },
    { "RP: fcvt s, d -0.1", CVT_S_D, RP, DM0_1, 0, 0, 0xbdccccccull, IXC },
    { "RM: fcvt s, d -0.1", CVT_S_D, RM, DM0_1, 0, 0, 0xbdcccccdull, IXC },
    { "RN: scvtf d, x 2^53+1 = 2^53", SCVTF_D_X, 0, 0x0020000000000001ull, 0, 0, 0x4340000000000000ull, IXC },
    { "RP: scvtf d, x 2^53+1 = 2^53+2", SCVTF_D_X, RP, 0x0020000000000001ull, 0, 0, 0x4340000000000001ull, IXC },
    { "RM: scvtf d, x -(2^53+1) = -(2^53+2)", SCVTF_D_X, RM, (uint64_t)-0x0020000000000001ll, 0, 0,
      0xc340000000000001ull, IXC },
    { "RZ: scvtf d, x 2^53+1 = 2^53", SCVTF_D_X, RZ, 0x0020000000000001ull, 0, 0, 0x4340000000000000ull, IXC },
    { "RP: frintx 2.5 = 3", D_FRINTX, RP, D2_5, 0, 0, D3, IXC },
    { "RM: frintx 2.5 = 2", D_FRINTX, RM, D2_5, 0, 0, D2, IXC },
    { "RZ: frintx -2.5 = -2", D_FRINTX, RZ, DM2_5, 0, 0, DM2, IXC },
    { "RM: frinti -2.5 = -3", D_FRINTI, RM, DM2_5, 0, 0, DM3, 0 },
    { "RP: frinti -2.5 = -2", D_FRINTI, RP, DM2_5, 0, 0, DM2, 0 },
    { "RP: fcvtzs 2.7 = 2 (always toward zero)", ZS_W_D, RP, D2_7, 0, 0, 2, IXC },
    { "RM: fcvtns 2.5 = 2 (always to nearest)", NS_W_D, RM, D2_5, 0, 0, 2, IXC },
    { "RP: frintn 2.5 = 2 (always to nearest)", D_FRINTN, RP, D2_5, 0, 0, D2, 0 },
    { "RZ: fcvt h, s 1 + 2^-11 + 2^-23 = 1", CVT_H_S, RZ, 0x3f801001ull, 0, 0, 0x3c00, IXC },
    { "RP: fcvt h, s 1 + 2^-23 = 1 + 2^-10", CVT_H_S, RP, 0x3f800001ull, 0, 0, 0x3c01, IXC },
    /* ---- conversions: int -> FP ------------------------------------- */
    { "scvtf d, w -7", SCVTF_D_W, 0, (uint32_t)-7, 0, 0, 0xc01c000000000000ull, 0 },
    { "ucvtf d, x 2^64-1 = 2^64", UCVTF_D_X, 0, ~0ull, 0, 0, 0x43f0000000000000ull, IXC },
    { "ucvtf d, w 2^32-1 (exact)", UCVTF_D_W, 0, 0xffffffffull, 0, 0, 0x41efffffffe00000ull, 0 },
    { "scvtf s, x 2^24+1 = 2^24 (ties to even)", SCVTF_S_X, 0, 0x1000001ull, 0, 0, 0x4b800000ull, IXC },
    { "scvtf s, x 2^24+3 = 2^24+4 (ties to even)", SCVTF_S_X, 0, 0x1000003ull, 0, 0, 0x4b800002ull, IXC },
    { "scvtf s, w -1", SCVTF_S_W, 0, 0xffffffffull, 0, 0, 0xbf800000ull, 0 },
    { "ucvtf s, w 2^31+1 = 2^31", UCVTF_S_W, 0, 0x80000001ull, 0, 0, 0x4f000000ull, IXC },
    { "scvtf d, w, #8: 384 = 1.5", SCVTF_D_W_FBITS8, 0, 384, 0, 0, D1_5, 0 },
    { "ucvtf s, w, #16: 2^32-1 = 65536", UCVTF_S_W_FBITS16, 0, 0xffffffffull, 0, 0, 0x47800000ull, IXC },
    { "scvtf d, x, #64: -1 = -2^-64", SCVTF_D_X_FBITS64, 0, ~0ull, 0, 0, 0xbbf0000000000000ull, 0 },
    /* ---- conversions: FP -> int (W results are zero-extended) ------- */
    { "fcvtzs w, d 3.99 = 3", ZS_W_D, 0, 0x400feb851eb851ecull, 0, 0, 3, IXC },
    { "fcvtzs w, d -3.99 = -3", ZS_W_D, 0, 0xc00feb851eb851ecull, 0, 0, 0xfffffffdull, IXC },
    { "fcvtzs w, d 1e10 saturates", ZS_W_D, 0, 0x4202a05f20000000ull, 0, 0, 0x7fffffffull, IOC },
    { "fcvtzs w, d -1e10 saturates", ZS_W_D, 0, 0xc202a05f20000000ull, 0, 0, 0x80000000ull, IOC },
    { "fcvtzs w, d NaN = 0", ZS_W_D, 0, DQNAN_A, 0, 0, 0, IOC },
    { "fcvtzs w, d inf saturates", ZS_W_D, 0, DINF, 0, 0, 0x7fffffffull, IOC },
    { "fcvtzs w, d 2147483647.5 = 2^31-1, IXC only", ZS_W_D, 0, 0x41dfffffffe00000ull, 0, 0, 0x7fffffffull, IXC },
    { "fcvtzs w, d 2147483648.5 saturates, IOC only", ZS_W_D, 0, 0x41e0000000100000ull, 0, 0, 0x7fffffffull, IOC },
    { "fcvtzs w, d -2147483648.75 = -2^31, IXC", ZS_W_D, 0, 0xc1e0000000180000ull, 0, 0, 0x80000000ull, IXC },
    { "fcvtzu w, d -1 = 0, IOC", ZU_W_D, 0, DM1, 0, 0, 0, IOC },
    { "fcvtzu w, d -0.5 = 0, IXC (in range after truncation)", ZU_W_D, 0, DM0_5, 0, 0, 0, IXC },
    { "fcvtzu w, d 4294967295.9 = 2^32-1", ZU_W_D, 0, 0x41effffffffccccdull, 0, 0, 0xffffffffull, IXC },
    { "fcvtzu w, d 2^32 saturates", ZU_W_D, 0, 0x41f0000000000000ull, 0, 0, 0xffffffffull, IOC },
    { "fcvtzs x, d 9.3e18 saturates", ZS_X_D, 0, 0x43e02207973f6440ull, 0, 0, 0x7fffffffffffffffull, IOC },
    { "fcvtzs x, d -inf saturates", ZS_X_D, 0, DNINF, 0, 0, 0x8000000000000000ull, IOC },
    { "fcvtzs x, d -2^63 (exact)", ZS_X_D, 0, 0xc3e0000000000000ull, 0, 0, 0x8000000000000000ull, 0 },
    { "fcvtzu x, d 2^64 saturates", ZU_X_D, 0, 0x43f0000000000000ull, 0, 0, ~0ull, IOC },
    { "fcvtzu x, d 2^63 (exact)", ZU_X_D, 0, 0x43e0000000000000ull, 0, 0, 0x8000000000000000ull, 0 },
    { "fcvtzs w, s 2^31 saturates", ZS_W_S, 0, 0x4f000000ull, 0, 0, 0x7fffffffull, IOC },
    { "fcvtzs w, s -2^31 (exact)", ZS_W_S, 0, 0xcf000000ull, 0, 0, 0x80000000ull, 0 },
    { "fcvtzs w, s NaN = 0", ZS_W_S, 0, FDNAN, 0, 0, 0, IOC },
    { "fcvtzs x, s -1.5 = -1", ZS_X_S, 0, 0xbfc00000ull, 0, 0, ~0ull, IXC },
    { "fcvtns w, d 2.5 = 2", NS_W_D, 0, D2_5, 0, 0, 2, IXC },
    { "fcvtns w, d -2.5 = -2", NS_W_D, 0, DM2_5, 0, 0, 0xfffffffeull, IXC },
    { "fcvtas w, d 2.5 = 3", AS_W_D, 0, D2_5, 0, 0, 3, IXC },
    { "fcvtas w, d -2.5 = -3", AS_W_D, 0, DM2_5, 0, 0, 0xfffffffdull, IXC },
    { "fcvtms w, d 2.5 = 2", MS_W_D, 0, D2_5, 0, 0, 2, IXC },
    { "fcvtms w, d -2.5 = -3", MS_W_D, 0, DM2_5, 0, 0, 0xfffffffdull, IXC },
    { "fcvtps w, d 2.5 = 3", PS_W_D, 0, D2_5, 0, 0, 3, IXC },
    { "fcvtps w, d -2.5 = -2", PS_W_D, 0, DM2_5, 0, 0, 0xfffffffeull, IXC },
    { "fcvtnu w, d 3.5 = 4", NU_W_D, 0, D3_5, 0, 0, 4, IXC },
    { "fcvtau w, d 2.5 = 3", AU_W_D, 0, D2_5, 0, 0, 3, IXC },
    { "fcvtmu w, d -0.5 = 0: rounds to -1, IOC", MU_W_D, 0, DM0_5, 0, 0, 0, IOC },
    { "fcvtpu w, d -0.5 = 0: rounds to -0, IXC", PU_W_D, 0, DM0_5, 0, 0, 0, IXC },
    { "fcvtzs w, d, #4: 2.75 = 44", ZS_W_D_FBITS4, 0, 0x4006000000000000ull, 0, 0, 44, 0 },
    { "fcvtzs w, d, #4: -2.75 = -44", ZS_W_D_FBITS4, 0, 0xc006000000000000ull, 0, 0, 0xffffffd4ull, 0 },
    { "fcvtzs w, d, #4: 2^27 saturates", ZS_W_D_FBITS4, 0, 0x41a0000000000000ull, 0, 0, 0x7fffffffull, IOC },
    { "fcvtzu x, d, #32: 1.5 = 0x180000000", ZU_X_D_FBITS32, 0, D1_5, 0, 0, 0x180000000ull, 0 },
    /* ---- conversions between FP formats ----------------------------- */
    { "fcvt s, d 1e300 = inf", CVT_S_D, 0, 0x7e37e43c8800759cull, 0, 0, FINF, OFC | IXC },
    { "fcvt s, d 2^-140 = denormal (exact)", CVT_S_D, 0, 0x3730000000000000ull, 0, 0, 0x200, 0 },
    { "fcvt s, d 1e-40 = denormal (inexact)", CVT_S_D, 0, 0x37a16c262777579cull, 0, 0, 0x000116c2ull, UFC | IXC },
    /* the top 23 payload bits of a double NaN become the single's payload */
    { "fcvt s, d qNaN: payload truncated", CVT_S_D, 0, 0x7ffc000020000000ull, 0, 0, 0x7fe00001ull, 0 },
    { "fcvt s, d sNaN: quiet, payload", CVT_S_D, 0, 0x7ff4000020000000ull, 0, 0, 0x7fe00001ull, IOC },
    { "fcvt s, d -qNaN keeps the sign", CVT_S_D, 0, 0xfff8000000000001ull, 0, 0, 0xffc00000ull, 0 },
    { "fcvt d, s 0.1f (exact)", CVT_D_S, 0, F0_1, 0, 0, 0x3fb99999a0000000ull, 0 },
    { "fcvt d, s denormal 2^-149 (exact)", CVT_D_S, 0, FDEN1, 0, 0, 0x36a0000000000000ull, 0 },
    { "fcvt d, s sNaN: quiet, payload << 29", CVT_D_S, 0, 0x7f800001ull, 0, 0, 0x7ff8000020000000ull, IOC },
    /* ---- half precision (FCVT to/from H; IEEE format, AHP = 0) ------ */
    { "fcvt h, s 1.0", CVT_H_S, 0, F1, 0, 0, 0x3c00, 0 },
    { "fcvt h, s 65504 = max", CVT_H_S, 0, 0x477fe000ull, 0, 0, 0x7bff, 0 },
    /* 65520 is halfway between 65504 (odd mantissa) and 2^16: ties to even
     * goes up and overflows */
    { "fcvt h, s 65520 = inf", CVT_H_S, 0, 0x477ff000ull, 0, 0, 0x7c00, OFC | IXC },
    { "fcvt h, s 1e-8 = 0", CVT_H_S, 0, 0x322bcc77ull, 0, 0, 0x0000, UFC | IXC },
    { "fcvt h, s 2^-24 = smallest denormal", CVT_H_S, 0, 0x33800000ull, 0, 0, 0x0001, 0 },
    { "fcvt h, s 2^-25 = 0 (tie to even)", CVT_H_S, 0, 0x33000000ull, 0, 0, 0x0000, UFC | IXC },
    { "fcvt h, s 1.5*2^-25 = 2^-24", CVT_H_S, 0, 0x33400000ull, 0, 0, 0x0001, UFC | IXC },
    { "fcvt h, s 0.1", CVT_H_S, 0, F0_1, 0, 0, 0x2e66, IXC },
    { "fcvt h, s -2.5", CVT_H_S, 0, FM2_5, 0, 0, 0xc100, 0 },
    { "fcvt h, s -inf", CVT_H_S, 0, FNINF, 0, 0, 0xfc00, 0 },
    { "fcvt h, s sNaN: quiet", CVT_H_S, 0, 0x7f800001ull, 0, 0, 0x7e00, IOC },
    { "fcvt h, s qNaN: top payload bits", CVT_H_S, 0, 0x7fc02000ull, 0, 0, 0x7e01, 0 },
    { "fcvt h, d 1/3", CVT_H_D, 0, 0x3fd5555555555555ull, 0, 0, 0x3555, IXC },
    /* 1 + 2^-11 + 2^-40: just above the midpoint of 1 and 1 + 2^-10; one
     * rounding gives 1 + 2^-10 (going through single would round twice
     * and give 1.0) */
    { "fcvt h, d rounds once", CVT_H_D, 0, 0x3ff0020000001000ull, 0, 0, 0x3c01, IXC },
    { "fcvt s, h 65504", CVT_S_H, 0, 0x7bff, 0, 0, 0x477fe000ull, 0 },
    { "fcvt s, h denormal 2^-24", CVT_S_H, 0, 0x0001, 0, 0, 0x33800000ull, 0 },
    { "fcvt s, h inf", CVT_S_H, 0, 0x7c00, 0, 0, FINF, 0 },
    { "fcvt s, h -0", CVT_S_H, 0, 0x8000, 0, 0, 0x80000000ull, 0 },
    { "fcvt s, h -sNaN: quiet, payload << 13", CVT_S_H, 0, 0xfc01, 0, 0, 0xffc02000ull, IOC },
    { "fcvt s, h 1/3", CVT_S_H, 0, 0x3555, 0, 0, 0x3eaaa000ull, 0 },
    { "fcvt d, h 1 + 2^-10", CVT_D_H, 0, 0x3c01, 0, 0, 0x3ff0040000000000ull, 0 },
    { "fcvt d, h denormal 2^-15", CVT_D_H, 0, 0x0200, 0, 0, 0x3f00000000000000ull, 0 },
    /* AHP = 1: exponent 31 is an ordinary exponent, no inf or NaN; max
     * 131008; out of range, inf and NaN raise IOC (not OFC) and give
     * the largest value or zero (FPRoundBase, FPConvert) */
    { "AHP: fcvt h, s 65536 = 0x7c00", CVT_H_S, AHP, 0x47800000ull, 0, 0, 0x7c00, 0 },
    { "AHP: fcvt h, s 131008 = 0x7fff", CVT_H_S, AHP, 0x47ffe000ull, 0, 0, 0x7fff, 0 },
    { "AHP: fcvt h, s 131072 saturates, IOC", CVT_H_S, AHP, 0x48000000ull, 0, 0, 0x7fff, IOC },
    { "AHP: fcvt h, s -1e6 saturates, IOC", CVT_H_S, AHP, 0xc9742400ull, 0, 0, 0xffff, IOC },
    /* 131040 is halfway between 131008 and 2^17: rounds up, out of range */
    { "AHP: fcvt h, s 131040 saturates, IOC, no IXC", CVT_H_S, AHP, 0x47fff000ull, 0, 0, 0x7fff, IOC },
    { "AHP: fcvt h, s inf = max, IOC", CVT_H_S, AHP, FINF, 0, 0, 0x7fff, IOC },
    { "AHP: fcvt h, s -qNaN = -0, IOC", CVT_H_S, AHP, 0xffc00000ull, 0, 0, 0x8000, IOC },
    { "AHP: fcvt h, s qNaN = +0, IOC", CVT_H_S, AHP, 0x7fc00123ull, 0, 0, 0x0000, IOC },
    { "AHP: fcvt h, s 1.0", CVT_H_S, AHP, F1, 0, 0, 0x3c00, 0 },
    { "AHP: fcvt h, d 131008", CVT_H_D, AHP, 0x40fffc0000000000ull, 0, 0, 0x7fff, 0 },
    { "AHP: fcvt s, h 0x7c00 = 65536", CVT_S_H, AHP, 0x7c00, 0, 0, 0x47800000ull, 0 },
    { "AHP: fcvt s, h 0x7fff = 131008", CVT_S_H, AHP, 0x7fff, 0, 0, 0x47ffe000ull, 0 },
    { "AHP: fcvt s, h 0xfc00 = -65536", CVT_S_H, AHP, 0xfc00, 0, 0, 0xc7800000ull, 0 },
    { "AHP: fcvt d, h 0x7e00 = 98304", CVT_D_H, AHP, 0x7e00, 0, 0, 0x40f8000000000000ull, 0 },
    /* ---- comparisons (result = NZCV) -------------------------------- */
    { "fcmp 1, 2: less", FCMP_D, 0, D1, D2, 0, NZCV_LT, 0 },
    { "fcmp 2, 1: greater", FCMP_D, 0, D2, D1, 0, NZCV_GT, 0 },
    { "fcmp 1, 1: equal", FCMP_D, 0, D1, D1, 0, NZCV_EQ, 0 },
    { "fcmp -0, +0: equal", FCMP_D, 0, DN0, DP0, 0, NZCV_EQ, 0 },
    { "fcmp inf, max: greater", FCMP_D, 0, DINF, DMAX, 0, NZCV_GT, 0 },
    { "fcmp 1, qNaN: unordered, no IOC", FCMP_D, 0, D1, DQNAN_A, 0, NZCV_UN, 0 },
    { "fcmpe 1, qNaN: unordered, IOC", FCMPE_D, 0, D1, DQNAN_A, 0, NZCV_UN, IOC },
    { "fcmp sNaN, 1: unordered, IOC", FCMP_D, 0, DSNAN_A, D1, 0, NZCV_UN, IOC },
    { "fcmpe 1, 2: less", FCMPE_D, 0, D1, D2, 0, NZCV_LT, 0 },
    { "fcmp -0, #0.0: equal", FCMP_D_ZERO, 0, DN0, 0, 0, NZCV_EQ, 0 },
    { "fcmp -1, #0.0: less", FCMP_D_ZERO, 0, DM1, 0, 0, NZCV_LT, 0 },
    { "fcmp qNaN, #0.0: unordered", FCMP_D_ZERO, 0, DQNAN_B, 0, 0, NZCV_UN, 0 },
    { "fcmp s: 1, 2: less", FCMP_S, 0, F1, F2, 0, NZCV_LT, 0 },
    { "fcmp s: qNaN, 1: unordered", FCMP_S, 0, FDNAN, F1, 0, NZCV_UN, 0 },
    { "fcmpe s: qNaN, 1: unordered, IOC", FCMPE_S, 0, FDNAN, F1, 0, NZCV_UN, IOC },
    /* ---- flush to zero (FPCR.FZ) ------------------------------------ */
    { "FZ: fadd 2^-1074 + 1 = 1, IDC only", D_FADD, FZ, DDEN1, D1, 0, D1, IDC },
    { "FZ: fmul 2^-1023 * 2^100 = 0, IDC", D_FMUL, FZ, 0x0008000000000000ull, 0x4630000000000000ull, 0, DP0, IDC },
    { "no FZ: fmul 2^-1023 * 2^100 = 2^-923", D_FMUL, 0, 0x0008000000000000ull, 0x4630000000000000ull, 0,
      0x0640000000000000ull, 0 },
    { "FZ: fmul 2^-1000 * 2^-40 = +0, UFC", D_FMUL, FZ, 0x0170000000000000ull, 0x3d70000000000000ull, 0, DP0, UFC },
    { "FZ: fmul -2^-1000 * 2^-40 = -0, UFC", D_FMUL, FZ, 0x8170000000000000ull, 0x3d70000000000000ull, 0, DN0, UFC },
    { "FZ: fcmp 2^-1074, 0: equal, IDC", FCMP_D, FZ, DDEN1, DP0, 0, NZCV_EQ, IDC },
    { "no FZ: fcmp 2^-1074, 0: greater", FCMP_D, 0, DDEN1, DP0, 0, NZCV_GT, 0 },
    { "FZ: fmax 2^-1074, 0 = +0, IDC", D_FMAX, FZ, DDEN1, DP0, 0, DP0, IDC },
    { "FZ: fsqrt 2^-1074 = +0, IDC", D_FSQRT, FZ, DDEN1, 0, 0, DP0, IDC },
    { "FZ: fcvtzs w, d 2^-1074 = 0, IDC", ZS_W_D, FZ, DDEN1, 0, 0, 0, IDC },
    { "no FZ: fcvtzs w, d 2^-1074 = 0, IXC", ZS_W_D, 0, DDEN1, 0, 0, 0, IXC },
    { "FZ: fcvt s, d 2^-140 = 0, UFC", CVT_S_D, FZ, 0x3730000000000000ull, 0, 0, 0, UFC },
    { "FZ: fcvt d, s 2^-149 = 0, IDC", CVT_D_S, FZ, FDEN1, 0, 0, DP0, IDC },
    { "FZ: fadd.s 2^-149 + 1 = 1, IDC", S_FADD, FZ, FDEN1, F1, 0, F1, IDC },
    { "FZ: fmul.s 2^-100 * 2^-40 = 0, UFC", S_FMUL, FZ, 0x0d800000ull, 0x2b800000ull, 0, 0, UFC },
    /* FZ governs single and double only: half-precision conversion
     * inputs and outputs are governed by FZ16 (0 here) */
    { "FZ: fcvt s, h denormal not flushed", CVT_S_H, FZ, 0x0001, 0, 0, 0x33800000ull, 0 },
    { "FZ: fcvt h, s 2^-24 = half denormal", CVT_H_S, FZ, 0x33800000ull, 0, 0, 0x0001, 0 },
    { "FZ: fcvt h, s 2^-149 (single denormal) flushed, IDC", CVT_H_S, FZ, FDEN1, 0, 0, 0x0000, IDC },
    /* ---- NaN propagation (DN = 0) and default NaN (DN = 1) ---------- */
    { "fadd qNaN + 1 = the qNaN", D_FADD, 0, DQNAN_A, D1, 0, DQNAN_A, 0 },
    { "fadd 1 + sNaN = quiet sNaN", D_FADD, 0, D1, DSNAN_B, 0, 0x7ff8000000000456ull, IOC },
    { "fadd qNaN + sNaN = the sNaN, quiet", D_FADD, 0, DQNAN_A, DSNAN_B, 0, 0x7ff8000000000456ull, IOC },
    { "fadd qNaN_a + qNaN_b = qNaN_a", D_FADD, 0, DQNAN_A, DQNAN_B, 0, DQNAN_A, 0 },
    { "fadd -qNaN_b + qNaN_a = -qNaN_b", D_FADD, 0, DQNAN_B, DQNAN_A, 0, DQNAN_B, 0 },
    { "fadd sNaN_b + -sNaN_c = quiet sNaN_b", D_FADD, 0, DSNAN_B, DSNAN_C, 0, 0x7ff8000000000456ull, IOC },
    { "fsub -sNaN_c - 1 = quiet -sNaN_c", D_FSUB, 0, DSNAN_C, D1, 0, 0xfff8000000000789ull, IOC },
    { "fdiv 1 / -qNaN = -qNaN", D_FDIV, 0, D1, DQNAN_B, 0, DQNAN_B, 0 },
    { "fadd.s sNaN + 1 = quiet", S_FADD, 0, 0x7f800001ull, F1, 0, 0x7fc00001ull, IOC },
    { "fadd.s qNaN + -sNaN = quiet -sNaN", S_FADD, 0, 0x7fc00123ull, 0xff800456ull, 0, 0xffc00456ull, IOC },
    { "DN: fadd qNaN + 1 = default NaN", D_FADD, DN, DQNAN_A, D1, 0, DDNAN, 0 },
    { "DN: fadd 1 + sNaN = default NaN, IOC", D_FADD, DN, D1, DSNAN_B, 0, DDNAN, IOC },
    { "DN: fmul -qNaN * 1 = +default NaN", D_FMUL, DN, DQNAN_B, D1, 0, DDNAN, 0 },
    { "DN: fsqrt qNaN = default NaN", D_FSQRT, DN, DQNAN_A, 0, 0, DDNAN, 0 },
    { "DN: fmax qNaN, 1 = default NaN", D_FMAX, DN, DQNAN_A, D1, 0, DDNAN, 0 },
    { "DN: fmaxnm sNaN, 1 = default NaN, IOC", D_FMAXNM, DN, DSNAN_A, D1, 0, DDNAN, IOC },
    { "DN: fmadd qNaN*1 + 1 = default NaN", D_FMADD, DN, DQNAN_A, D1, D1, DDNAN, 0 },
    { "DN: frintx qNaN = default NaN", D_FRINTX, DN, DQNAN_B, 0, 0, DDNAN, 0 },
    { "DN: fadd.s qNaN + 1 = default NaN", S_FADD, DN, 0x7fc00123ull, F1, 0, FDNAN, 0 },
    { "DN: fcvt d, s sNaN = default NaN, IOC", CVT_D_S, DN, 0x7f800001ull, 0, 0, DDNAN, IOC },
    { "DN: fcvt s, d qNaN = default NaN", CVT_S_D, DN, 0x7ffc000020000000ull, 0, 0, FDNAN, 0 },
    { "DN: fcvt s, h sNaN = default NaN, IOC", CVT_S_H, DN, 0x7c01, 0, 0, FDNAN, IOC },
    { "DN: fcvt h, s qNaN = default NaN", CVT_H_S, DN, 0xffc02000ull, 0, 0, 0x7e00, 0 },
    { "DN: fabs -qNaN keeps the payload", D_FABS, DN, DQNAN_B, 0, 0, 0x7ff8000000000789ull, 0 },
};

/* One case: its instruction between MSR FPSR, XZR and MRS FPSR. */
static uint64_t run(const struct fcase *t, uint64_t *fpsr)
{
    uint64_t a = t->a, b = t->b, c = t->c, r = 0;
#define F3(insn) __asm__ volatile(insn : "=w"(r) : "w"(a), "w"(b), "w"(c))
#define FR(insn) __asm__ volatile(insn : "=r"(r) : "w"(a))
#define RF(insn) __asm__ volatile(insn : "=w"(r) : "r"(a))
#define CMP(insn) __asm__ volatile(insn "\n\tmrs %0, nzcv" : "=r"(r) : "w"(a), "w"(b) : "cc")
    set_fpcr(t->fpcr);
    set_fpsr(0);
    switch (t->op) {
    case D_FADD:    F3("fadd %d0, %d1, %d2"); break;
    case D_FSUB:    F3("fsub %d0, %d1, %d2"); break;
    case D_FMUL:    F3("fmul %d0, %d1, %d2"); break;
    case D_FDIV:    F3("fdiv %d0, %d1, %d2"); break;
    case D_FNMUL:   F3("fnmul %d0, %d1, %d2"); break;
    case D_FMAX:    F3("fmax %d0, %d1, %d2"); break;
    case D_FMIN:    F3("fmin %d0, %d1, %d2"); break;
    case D_FMAXNM:  F3("fmaxnm %d0, %d1, %d2"); break;
    case D_FMINNM:  F3("fminnm %d0, %d1, %d2"); break;
    case D_FSQRT:   F3("fsqrt %d0, %d1"); break;
    case D_FABS:    F3("fabs %d0, %d1"); break;
    case D_FNEG:    F3("fneg %d0, %d1"); break;
    case D_FRINTN:  F3("frintn %d0, %d1"); break;
    case D_FRINTP:  F3("frintp %d0, %d1"); break;
    case D_FRINTM:  F3("frintm %d0, %d1"); break;
    case D_FRINTZ:  F3("frintz %d0, %d1"); break;
    case D_FRINTA:  F3("frinta %d0, %d1"); break;
    case D_FRINTX:  F3("frintx %d0, %d1"); break;
    case D_FRINTI:  F3("frinti %d0, %d1"); break;
    case D_FMADD:   F3("fmadd %d0, %d1, %d2, %d3"); break;
    case D_FMSUB:   F3("fmsub %d0, %d1, %d2, %d3"); break;
    case D_FNMADD:  F3("fnmadd %d0, %d1, %d2, %d3"); break;
    case D_FNMSUB:  F3("fnmsub %d0, %d1, %d2, %d3"); break;
    case S_FADD:    F3("fadd %s0, %s1, %s2"); break;
    case S_FSUB:    F3("fsub %s0, %s1, %s2"); break;
    case S_FMUL:    F3("fmul %s0, %s1, %s2"); break;
    case S_FDIV:    F3("fdiv %s0, %s1, %s2"); break;
    case S_FSQRT:   F3("fsqrt %s0, %s1"); break;
    case S_FMADD:   F3("fmadd %s0, %s1, %s2, %s3"); break;
    case S_FMAX:    F3("fmax %s0, %s1, %s2"); break;
    case S_FMINNM:  F3("fminnm %s0, %s1, %s2"); break;
    case S_FRINTA:  F3("frinta %s0, %s1"); break;
    case S_FRINTM:  F3("frintm %s0, %s1"); break;
    case CVT_S_D:   F3("fcvt %s0, %d1"); break;
    case CVT_D_S:   F3("fcvt %d0, %s1"); break;
    case CVT_H_S:   F3("fcvt %h0, %s1"); break;
    case CVT_S_H:   F3("fcvt %s0, %h1"); break;
    case CVT_H_D:   F3("fcvt %h0, %d1"); break;
    case CVT_D_H:   F3("fcvt %d0, %h1"); break;
    case ZS_W_D:    FR("fcvtzs %w0, %d1"); break;
    case ZU_W_D:    FR("fcvtzu %w0, %d1"); break;
    case ZS_X_D:    FR("fcvtzs %x0, %d1"); break;
    case ZU_X_D:    FR("fcvtzu %x0, %d1"); break;
    case ZS_W_S:    FR("fcvtzs %w0, %s1"); break;
    case ZS_X_S:    FR("fcvtzs %x0, %s1"); break;
    case NS_W_D:    FR("fcvtns %w0, %d1"); break;
    case AS_W_D:    FR("fcvtas %w0, %d1"); break;
    case MS_W_D:    FR("fcvtms %w0, %d1"); break;
    case PS_W_D:    FR("fcvtps %w0, %d1"); break;
    case NU_W_D:    FR("fcvtnu %w0, %d1"); break;
    case AU_W_D:    FR("fcvtau %w0, %d1"); break;
    case MU_W_D:    FR("fcvtmu %w0, %d1"); break;
    case PU_W_D:    FR("fcvtpu %w0, %d1"); break;
    case ZS_W_D_FBITS4:  FR("fcvtzs %w0, %d1, #4"); break;
    case ZU_X_D_FBITS32: FR("fcvtzu %x0, %d1, #32"); break;
    case SCVTF_D_W: RF("scvtf %d0, %w1"); break;
    case SCVTF_D_X: RF("scvtf %d0, %x1"); break;
    case UCVTF_D_X: RF("ucvtf %d0, %x1"); break;
    case UCVTF_D_W: RF("ucvtf %d0, %w1"); break;
    case SCVTF_S_X: RF("scvtf %s0, %x1"); break;
    case SCVTF_S_W: RF("scvtf %s0, %w1"); break;
    case UCVTF_S_W: RF("ucvtf %s0, %w1"); break;
    case SCVTF_D_W_FBITS8:  RF("scvtf %d0, %w1, #8"); break;
    case UCVTF_S_W_FBITS16: RF("ucvtf %s0, %w1, #16"); break;
    case SCVTF_D_X_FBITS64: RF("scvtf %d0, %x1, #64"); break;
    case FCMP_D:      CMP("fcmp %d1, %d2"); break;
    case FCMPE_D:     CMP("fcmpe %d1, %d2"); break;
    case FCMP_D_ZERO: CMP("fcmp %d1, #0.0"); break;
    case FCMP_S:      CMP("fcmp %s1, %s2"); break;
    case FCMPE_S:     CMP("fcmpe %s1, %s2"); break;
    default:
        printf("Bail out! bad op %u\n", t->op);
        return 0;
    }
    *fpsr = get_fpsr();
    set_fpcr(0);
    return r;
#undef F3
#undef FR
#undef RF
#undef CMP
}

static void part1(void)
{
    char name[128];
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        uint64_t fpsr = 0;
        uint64_t r = run(&cases[i], &fpsr);
        check(cases[i].name, r, cases[i].r);
        snprintf(name, sizeof name, "%s: FPSR", cases[i].name);
        check(name, fpsr, cases[i].fpsr);
    }
}

/* ---- part 2: FPSR accumulates, FPCR reads back ---------------------- */
static void part2(void)
{
    uint64_t one = D1, three = D3, zero = DP0, r;

    set_fpsr(0);
    check("FPSR reads 0 after MSR FPSR, XZR", get_fpsr(), 0);
    __asm__ volatile("fdiv %d0, %d1, %d2" : "=w"(r) : "w"(one), "w"(three));
    check("FPSR after 1/3: IXC", get_fpsr(), IXC);
    __asm__ volatile("fdiv %d0, %d1, %d2" : "=w"(r) : "w"(one), "w"(zero));
    check("FPSR after 1/0 too: IXC and DZC (cumulative)", get_fpsr(), IXC | DZC);
    __asm__ volatile("fadd %d0, %d1, %d2" : "=w"(r) : "w"(one), "w"(one));
    check("FPSR after an exact 1+1: unchanged", get_fpsr(), IXC | DZC);
    __asm__ volatile("fdiv %d0, %d1, %d2" : "=w"(r) : "w"(zero), "w"(zero));
    check("FPSR after 0/0 too: IOC added", get_fpsr(), IXC | DZC | IOC);
    set_fpsr(FPSR_QC | IDC | IXC | UFC | OFC | DZC | IOC);
    check("FPSR: QC and the cumulative bits are writable",
          get_fpsr(), FPSR_QC | IDC | IXC | UFC | OFC | DZC | IOC);
    set_fpsr(0);
    check("FPSR: cleared again", get_fpsr(), 0);

    static const uint32_t modes[] = { RP, RM, RZ, FZ, DN, AHP, AHP | DN | FZ | RM };
    for (unsigned i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        char name[64];
        set_fpcr(modes[i]);
        snprintf(name, sizeof name, "FPCR reads back 0x%x", modes[i]);
        check(name, get_fpcr() & (AHP | DN | FZ | FPCR_RMODE(3)), modes[i]);
    }
    set_fpcr(0);
    check("FPCR: 0 again", get_fpcr() & (AHP | DN | FZ | FPCR_RMODE(3)), 0);
}

/* ---- part 3: moves, selects, the rest of the register --------------- */
static void part3(void)
{
    v128 out;
    uint64_t r, nzcv;
    uint64_t ones = ~0ull, one = D1, two = D2;

    __asm__ volatile("fmov %d0, #1.0" : "=w"(r));
    check("fmov d, #1.0", r, D1);
    __asm__ volatile("fmov %d0, #31.0" : "=w"(r));
    check("fmov d, #31.0", r, 0x403f000000000000ull);
    __asm__ volatile("fmov %s0, #-0.125" : "=w"(r));
    check("fmov s, #-0.125 (upper bits zero)", r, 0xbe000000ull);
    __asm__ volatile("fmov d16, %x1\n\tfmov %x0, d16" : "=r"(r) : "r"(0x0123456789abcdefull) : "v16");
    check("fmov d, x / fmov x, d round trip", r, 0x0123456789abcdefull);
    __asm__ volatile("fmov s16, %w1\n\tfmov %x0, d16" : "=r"(r) : "r"(0xffffffff89abcdefull) : "v16");
    check("fmov s, w: bits 63:32 of d zero", r, 0x89abcdefull);

    /* a scalar FP result clears bits 127:N of the vector register */
    __asm__ volatile("movi v16.2d, #0xffffffffffffffff\n\t"
                     "fadd d16, %d1, %d2\n\t"
                     "str q16, [%0]"
                     :: "r"(&out), "w"(one), "w"(two) : "v16", "memory");
    check("fadd d: result", out.d[0], D3);
    check("fadd d: bits 127:64 cleared", out.d[1], 0);
    __asm__ volatile("movi v16.2d, #0xffffffffffffffff\n\t"
                     "fadd s16, s16, s16\n\t"
                     "str q16, [%0]"
                     :: "r"(&out) : "v16", "memory");
    /* s16 = 0xffffffff is a quiet NaN: it propagates */
    check("fadd s of quiet NaNs: NaN kept, bits 63:32 cleared", out.d[0], 0xffffffffull);
    check("fadd s: bits 127:64 cleared", out.d[1], 0);
    __asm__ volatile("movi v16.2d, #0xffffffffffffffff\n\t"
                     "fmov v16.d[1], %x1\n\t"
                     "str q16, [%0]"
                     :: "r"(&out), "r"(0x1122334455667788ull) : "v16", "memory");
    check("fmov v.d[1], x: lower half kept", out.d[0], ones);
    check("fmov v.d[1], x: upper half written", out.d[1], 0x1122334455667788ull);
    __asm__ volatile("movi v16.2d, #0xffffffffffffffff\n\t"
                     "fmov %x0, v16.d[1]" : "=r"(r) :: "v16");
    check("fmov x, v.d[1]", r, ones);
    __asm__ volatile("movi v16.2d, #0xffffffffffffffff\n\t"
                     "fmov d16, %x1\n\t"
                     "str q16, [%0]"
                     :: "r"(&out), "r"(0x55ull) : "v16", "memory");
    check("fmov d, x: bits 127:64 cleared", out.d[1], 0);

    /* FCSEL / FCCMP */
    __asm__ volatile("cmp %x2, %x3\n\tfcsel %d0, %d4, %d5, lt\n\tmrs %1, nzcv"
                     : "=&w"(r), "=&r"(nzcv) : "r"(1ull), "r"(2ull), "w"(one), "w"(two) : "cc");
    check("fcsel lt (taken): first operand", r, D1);
    __asm__ volatile("cmp %x2, %x3\n\tfcsel %d0, %d4, %d5, gt\n\tmrs %1, nzcv"
                     : "=&w"(r), "=&r"(nzcv) : "r"(1ull), "r"(2ull), "w"(one), "w"(two) : "cc");
    check("fcsel gt (not taken): second operand", r, D2);
    __asm__ volatile("cmp xzr, xzr\n\tfccmp %d1, %d2, #0x3, eq\n\tmrs %0, nzcv"
                     : "=r"(nzcv) : "w"(one), "w"(two) : "cc");
    check("fccmp eq (true): compares 1, 2: N", nzcv, NZCV_LT);
    __asm__ volatile("mov x9, #0\n\tcmp x9, #1\n\tfccmp %d1, %d2, #0x3, eq\n\tmrs %0, nzcv"
                     : "=r"(nzcv) : "w"(one), "w"(two) : "x9", "cc");
    check("fccmp eq (false): NZCV = #3", nzcv, 0x30000000ull);
    uint64_t snan = DSNAN_A;
    set_fpsr(0);
    __asm__ volatile("cmp xzr, xzr\n\tfccmpe %d1, %d2, #0x0, eq\n\tmrs %0, nzcv"
                     : "=r"(nzcv) : "w"(one), "w"(snan) : "cc");
    check("fccmpe with sNaN: unordered", nzcv, NZCV_UN);
    check("fccmpe with sNaN: IOC", get_fpsr(), IOC);
    set_fpsr(0);
}

/* ---- part 4: the same operations written as C ----------------------- */
/* the compiler sees neither the value nor where it came from */
#define HIDE(x) ({ __typeof__(x) _h = (x); __asm__ volatile("" : "+w"(_h)); _h; })
static inline uint64_t dbits(double d) { union { double d; uint64_t u; } x = { .d = d }; return x.u; }
static inline double bitsd(uint64_t u) { union { uint64_t u; double d; } x = { .u = u }; return x.d; }
static inline uint32_t fbits(float f) { union { float f; uint32_t u; } x = { .f = f }; return x.u; }
static inline float bitsf(uint32_t u) { union { uint32_t u; float f; } x = { .u = u }; return x.f; }

static void part4(void)
{
    double one = HIDE(1.0), three = HIDE(3.0), tenth = HIDE(0.1), ten = HIDE(10.0);
    double two_and_half = HIDE(2.5), m_two_and_half = HIDE(-2.5), m_point_four = HIDE(-0.4);
    double nan = HIDE(bitsd(DQNAN_A));
    float onef = HIDE(1.0f), tenthf = HIDE(0.1f), twohalff = HIDE(2.5f);

    check("C: 0.1 + 0.2", dbits(tenth + HIDE(0.2)), 0x3fd3333333333334ull);
    check("C: 1 - 3", dbits(one - three), DM2);
    check("C: 0.1 * 10", dbits(tenth * ten), D1);
    check("C: 1 / 3", dbits(one / three), 0x3fd5555555555555ull);
    check("C: -x", dbits(-tenth), DM0_1);
    check("C: __builtin_fma(0.1, 10, -1)", dbits(__builtin_fma(tenth, ten, -one)), 0x3c90000000000000ull);
    check("C: __builtin_sqrt(2)", dbits(__builtin_sqrt(HIDE(2.0))), 0x3ff6a09e667f3bcdull);
    check("C: __builtin_fabs(-0.4)", dbits(__builtin_fabs(m_point_four)), D0_4);
    check("C: __builtin_fmin(1, NaN) = 1", dbits(__builtin_fmin(one, nan)), D1);
    check("C: __builtin_fmax(NaN, 3) = 3", dbits(__builtin_fmax(nan, three)), D3);
    check("C: 1 < NaN is false", one < nan, 0);
    check("C: 1 >= NaN is false", one >= nan, 0);
    check("C: NaN == NaN is false", nan == HIDE(nan), 0);
    check("C: NaN != NaN is true", nan != HIDE(nan), 1);
    check("C: 1 < 3", one < three, 1);
    check("C: __builtin_isunordered(1, NaN)", __builtin_isunordered(one, nan), 1);
    check("C: floor(-2.5)", dbits(__builtin_floor(m_two_and_half)), DM3);
    check("C: ceil(-2.5)", dbits(__builtin_ceil(m_two_and_half)), DM2);
    check("C: ceil(-0.4) = -0", dbits(__builtin_ceil(m_point_four)), DN0);
    check("C: trunc(-2.5)", dbits(__builtin_trunc(m_two_and_half)), DM2);
    check("C: round(2.5) = 3", dbits(__builtin_round(two_and_half)), D3);
    check("C: round(-2.5) = -3", dbits(__builtin_round(m_two_and_half)), DM3);
    check("C: rint(2.5) = 2", dbits(__builtin_rint(two_and_half)), D2);
    check("C: nearbyint(-2.5) = -2", dbits(__builtin_nearbyint(m_two_and_half)), DM2);
    check("C: floorf(2.5f)", fbits(__builtin_floorf(twohalff)), 0x40000000u);
    check("C: roundf(2.5f)", fbits(__builtin_roundf(twohalff)), 0x40400000u);
    check("C: 0.1f + 1.0f", fbits(tenthf + onef), 0x3f8ccccdu);
    check("C: __builtin_sqrtf(2)", fbits(__builtin_sqrtf(HIDE(2.0f))), 0x3fb504f3u);
    check("C: __builtin_fmaf(0.1, 10, -1)", fbits(__builtin_fmaf(tenthf, HIDE(10.0f), -onef)), 0x32800000u);
    check("C: (double)0.1f", dbits((double)tenthf), 0x3fb99999a0000000ull);
    check("C: (float)0.1", fbits((float)tenth), 0x3dcccccdu);
    check("C: (int)-3.99", (uint32_t)(int)HIDE(-3.99), 0xfffffffdu);
    check("C: (unsigned)4294967295.0", (unsigned)HIDE(4294967295.0), 0xffffffffu);
    check("C: (long long)-9.2e18", (uint64_t)(long long)HIDE(-9.2e18), 0x805308be62680000ull /* -9200000000000000000 */);
    check("C: (double)-7", dbits((double)HIDE(-7)), 0xc01c000000000000ull);
    check("C: (double)(2^64-1ull) = 2^64", dbits((double)HIDE(~0ull)), 0x43f0000000000000ull);
    check("C: (float)16777217", fbits((float)HIDE(16777217)), 0x4b800000u);
    check("C: (float)-1e300 = -inf", fbits((float)HIDE(-1e300)), 0xff800000u);
    __fp16 h = HIDE(0.1f);
    uint16_t hb;
    __builtin_memcpy(&hb, &h, 2);
    check("C: (__fp16)0.1f", hb, 0x2e66);
    check("C: (float)(__fp16)0.1f", fbits((float)HIDE(h)), 0x3dccc000u);
    (void)bitsf;
}

int main(void)
{
    set_fpcr(0);
    set_fpsr(0);
    part1();
    part2();
    part3();
    part4();
    return tap_done();
}
