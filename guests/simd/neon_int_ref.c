/*
 * neon_int_ref.c - scalar models of the Advanced SIMD integer instructions
 * that neon_int.c runs, lane by lane, after the Arm ARM pseudocode.
 *
 * Compiled -mgeneral-regs-only (guests/Makefile): no FP/SIMD register is
 * used here, so the reference cannot be vectorised into the instructions it
 * is meant to check.  Integers are computed in 128 bits, wide enough for
 * every intermediate the 8- to 64-bit instructions need.
 */
#include "neon_int.h"

int ref_qc;
v128 ref_table[4];

typedef __int128 i128;
typedef unsigned __int128 u128;

static uint64_t umask(unsigned bits)
{
    return bits >= 64 ? ~0ull : (1ull << bits) - 1;
}

/* Elem[v, i, es] as an unsigned or a signed integer */
static uint64_t getu(const v128 *v, unsigned es, unsigned i)
{
    switch (es) {
    case 1: return v->b[i];
    case 2: return v->h[i];
    case 4: return v->s[i];
    default: return v->d[i];
    }
}

static int64_t gets(const v128 *v, unsigned es, unsigned i)
{
    switch (es) {
    case 1: return v->sb[i];
    case 2: return v->sh[i];
    case 4: return v->ss[i];
    default: return v->sd[i];
    }
}

static i128 get(const v128 *v, unsigned es, unsigned i, int is_signed)
{
    return is_signed ? (i128)gets(v, es, i) : (i128)getu(v, es, i);
}

static void put(v128 *v, unsigned es, unsigned i, u128 x)
{
    switch (es) {
    case 1: v->b[i] = (uint8_t)x; break;
    case 2: v->h[i] = (uint16_t)x; break;
    case 4: v->s[i] = (uint32_t)x; break;
    default: v->d[i] = (uint64_t)x; break;
    }
}

/* SignedSatQ / UnsignedSatQ: saturate to es*8 bits, set QC if they did */
static i128 sat(i128 x, unsigned es, int is_signed)
{
    unsigned bits = es * 8;
    i128 lo, hi;
    if (is_signed) {
        hi = ((i128)1 << (bits - 1)) - 1;
        lo = -((i128)1 << (bits - 1));
    } else {
        hi = ((i128)1 << bits) - 1;
        lo = 0;
    }
    if (x > hi) {
        ref_qc = 1;
        return hi;
    }
    if (x < lo) {
        ref_qc = 1;
        return lo;
    }
    return x;
}

/* x * 2^shift for a shift in -128..127 (the signed bottom byte of the
 * shift register), rounding (adding 2^(-shift-1) first) when asked: the
 * shift-by-register pseudocode (SSHL ... UQRSHL).  A left shift by the
 * element size or more gives a value that truncates to 0 and saturates. */
static i128 shift_round(i128 x, int shift, int round, unsigned bits)
{
    if (shift >= 0) {
        if (x == 0)
            return 0;
        if (shift >= (int)bits)
            return x > 0 ? (i128)1 << 100 : -((i128)1 << 100);
        return x * ((i128)1 << shift);
    }
    int s = -shift;
    if (s > 100)
        return round ? 0 : (x < 0 ? -1 : 0);
    i128 rc = round ? ((i128)1 << (s - 1)) : 0;
    return (x + rc) >> s;           /* arithmetic: floor */
}

static unsigned clz_bits(uint64_t x, unsigned bits)
{
    unsigned n = 0;
    for (int i = (int)bits - 1; i >= 0 && !((x >> i) & 1); i--)
        n++;
    return n;
}

static uint64_t popcount(uint64_t x)
{
    uint64_t n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

static uint64_t rbit_bits(uint64_t x, unsigned bits)
{
    uint64_t r = 0;
    for (unsigned i = 0; i < bits; i++)
        if ((x >> i) & 1)
            r |= 1ull << (bits - 1 - i);
    return r;
}

static i128 iabs(i128 x)
{
    return x < 0 ? -x : x;
}

static void zero(v128 *r)
{
    r->d[0] = 0;
    r->d[1] = 0;
}

static void copy(v128 *r, const v128 *x)
{
    r->d[0] = x->d[0];
    r->d[1] = x->d[1];
}

/* same-width lanewise operations */
static u128 lane_op(unsigned op, unsigned es, int imm, i128 sa, i128 ua, i128 sb, i128 ub, i128 uc)
{
    unsigned bits = es * 8;
    u128 ones = umask(bits);
    switch (op) {
    case O_ADD:     return (u128)(ua + ub);
    case O_SUB:     return (u128)(ua - ub);
    case O_MUL:     return (u128)(ua * ub);
    case O_SQADD:   return (u128)sat(sa + sb, es, 1);
    case O_UQADD:   return (u128)sat(ua + ub, es, 0);
    case O_SQSUB:   return (u128)sat(sa - sb, es, 1);
    case O_UQSUB:   return (u128)sat(ua - ub, es, 0);
    case O_SHADD:   return (u128)((sa + sb) >> 1);
    case O_UHADD:   return (u128)((ua + ub) >> 1);
    case O_SRHADD:  return (u128)((sa + sb + 1) >> 1);
    case O_URHADD:  return (u128)((ua + ub + 1) >> 1);
    case O_SHSUB:   return (u128)((sa - sb) >> 1);
    case O_UHSUB:   return (u128)((ua - ub) >> 1);
    case O_SABD:    return (u128)iabs(sa - sb);
    case O_UABD:    return (u128)iabs(ua - ub);
    case O_SMIN:    return (u128)(sa < sb ? sa : sb);
    case O_SMAX:    return (u128)(sa > sb ? sa : sb);
    case O_UMIN:    return (u128)(ua < ub ? ua : ub);
    case O_UMAX:    return (u128)(ua > ub ? ua : ub);
    case O_CMEQ:    return ua == ub ? ones : 0;
    case O_CMGE:    return sa >= sb ? ones : 0;
    case O_CMGT:    return sa > sb ? ones : 0;
    case O_CMHI:    return ua > ub ? ones : 0;
    case O_CMHS:    return ua >= ub ? ones : 0;
    case O_CMTST:   return (ua & ub) ? ones : 0;
    case O_AND:     return (u128)(ua & ub);
    case O_ORR:     return (u128)(ua | ub);
    case O_EOR:     return (u128)(ua ^ ub);
    case O_BIC:     return (u128)(ua & ~ub);
    case O_ORN:     return (u128)(ua | ~ub);
    case O_SSHL:    return (u128)shift_round(sa, (int8_t)ub, 0, bits);
    case O_USHL:    return (u128)shift_round(ua, (int8_t)ub, 0, bits);
    case O_SRSHL:   return (u128)shift_round(sa, (int8_t)ub, 1, bits);
    case O_URSHL:   return (u128)shift_round(ua, (int8_t)ub, 1, bits);
    case O_SQSHL:   return (u128)sat(shift_round(sa, (int8_t)ub, 0, bits), es, 1);
    case O_UQSHL:   return (u128)sat(shift_round(ua, (int8_t)ub, 0, bits), es, 0);
    case O_SQRSHL:  return (u128)sat(shift_round(sa, (int8_t)ub, 1, bits), es, 1);
    case O_UQRSHL:  return (u128)sat(shift_round(ua, (int8_t)ub, 1, bits), es, 0);
    case O_SQDMULH: return (u128)sat((2 * sa * sb) >> bits, es, 1);
    case O_SQRDMULH: return (u128)sat((2 * sa * sb + ((i128)1 << (bits - 1))) >> bits, es, 1);
    case O_MLA:     return (u128)(uc + ua * ub);
    case O_MLS:     return (u128)(uc - ua * ub);
    case O_SABA:    return (u128)(uc + iabs(sa - sb));
    case O_UABA:    return (u128)(uc + iabs(ua - ub));
    case O_BSL:     return (u128)((uc & ua) | (~uc & ub));
    case O_BIT:     return (u128)((uc & ~ub) | (ua & ub));
    case O_BIF:     return (u128)((uc & ub) | (ua & ~ub));
    case O_ABS:     return (u128)iabs(sa);
    case O_NEG:     return (u128)(-sa);
    case O_SQABS:   return (u128)sat(iabs(sa), es, 1);
    case O_SQNEG:   return (u128)sat(-sa, es, 1);
    case O_CLS:     return clz_bits((uint64_t)((ua >> 1) ^ ua) & umask(bits - 1), bits - 1);
    case O_CLZ:     return clz_bits((uint64_t)ua, bits);
    case O_CNT:     return popcount((uint64_t)ua);
    case O_NOT:     return (u128)~ua;
    case O_RBIT:    return rbit_bits((uint64_t)ua, bits);
    case O_CMEQZ:   return sa == 0 ? ones : 0;
    case O_CMGEZ:   return sa >= 0 ? ones : 0;
    case O_CMGTZ:   return sa > 0 ? ones : 0;
    case O_CMLEZ:   return sa <= 0 ? ones : 0;
    case O_CMLTZ:   return sa < 0 ? ones : 0;
    case O_SHL:     return (u128)(ua << imm);
    case O_SSHR:    return (u128)(sa >> imm);
    case O_USHR:    return (u128)(ua >> imm);
    case O_SRSHR:   return (u128)((sa + ((i128)1 << (imm - 1))) >> imm);
    case O_URSHR:   return (u128)((ua + ((i128)1 << (imm - 1))) >> imm);
    case O_SSRA:    return (u128)(uc + (sa >> imm));
    case O_USRA:    return (u128)(uc + (ua >> imm));
    case O_SRSRA:   return (u128)(uc + ((sa + ((i128)1 << (imm - 1))) >> imm));
    case O_URSRA:   return (u128)(uc + ((ua + ((i128)1 << (imm - 1))) >> imm));
    case O_SRI: {   /* keep the top imm bits of the destination */
        u128 m = (u128)ones >> imm;
        return (uc & ~m & ones) | (((u128)ua >> imm) & m);
    }
    case O_SLI: {   /* keep the bottom imm bits of the destination */
        u128 m = ((u128)ones << imm) & ones;
        return (uc & ~m & ones) | (((u128)ua << imm) & m);
    }
    case O_SQSHLI:  return (u128)sat(sa * ((i128)1 << imm), es, 1);
    case O_UQSHLI:  return (u128)sat(ua * ((i128)1 << imm), es, 0);
    case O_SQSHLU:  return (u128)sat(sa * ((i128)1 << imm), es, 0);
    }
    return 0;
}

static void same_width(unsigned op, unsigned es, unsigned n, int imm,
                       const v128 *a, const v128 *b, const v128 *c, v128 *r)
{
    for (unsigned i = 0; i < n; i++)
        put(r, es, i, lane_op(op, es, imm, gets(a, es, i), getu(a, es, i), gets(b, es, i),
                              getu(b, es, i), getu(c, es, i)));
}

static void pairwise(unsigned op, unsigned es, unsigned n, const v128 *a, const v128 *b, v128 *r)
{
    for (unsigned i = 0; i < n; i++) {
        const v128 *src = i < n / 2 ? a : b;
        unsigned j = 2 * (i % (n / 2));
        i128 s0 = gets(src, es, j), s1 = gets(src, es, j + 1);
        i128 u0 = getu(src, es, j), u1 = getu(src, es, j + 1);
        i128 x = 0;
        switch (op) {
        case O_ADDP:  x = u0 + u1; break;
        case O_SMAXP: x = s0 > s1 ? s0 : s1; break;
        case O_SMINP: x = s0 < s1 ? s0 : s1; break;
        case O_UMAXP: x = u0 > u1 ? u0 : u1; break;
        case O_UMINP: x = u0 < u1 ? u0 : u1; break;
        }
        put(r, es, i, (u128)x);
    }
}

static void permute(unsigned op, unsigned es, unsigned n, int imm, const v128 *a, const v128 *b, v128 *r)
{
    unsigned half = n / 2;
    if (op == O_EXT) {
        unsigned nbytes = n * es, pos = (unsigned)imm * es;
        for (unsigned k = 0; k < nbytes; k++) {
            unsigned j = pos + k;
            r->b[k] = j < nbytes ? a->b[j] : b->b[j - nbytes];
        }
        return;
    }
    for (unsigned i = 0; i < n; i++) {
        uint64_t x = 0;
        unsigned p = i / 2;
        switch (op) {
        case O_ZIP1: x = getu(i & 1 ? b : a, es, p); break;
        case O_ZIP2: x = getu(i & 1 ? b : a, es, half + p); break;
        case O_UZP1: x = 2 * i < n ? getu(a, es, 2 * i) : getu(b, es, 2 * i - n); break;
        case O_UZP2: x = 2 * i + 1 < n ? getu(a, es, 2 * i + 1) : getu(b, es, 2 * i + 1 - n); break;
        case O_TRN1: x = getu(i & 1 ? b : a, es, i & ~1u); break;
        case O_TRN2: x = getu(i & 1 ? b : a, es, i | 1u); break;
        }
        put(r, es, i, x);
    }
}

/* REV16/REV32/REV64: reverse the es-byte elements inside each container */
static void rev(unsigned container, unsigned es, unsigned n, const v128 *a, v128 *r)
{
    unsigned per = container / es;
    for (unsigned i = 0; i < n; i++) {
        unsigned base = i - i % per;
        put(r, es, i, getu(a, es, base + (per - 1 - i % per)));
    }
}

static void widening(unsigned op, unsigned es, unsigned n, int imm, int part,
                     const v128 *a, const v128 *b, const v128 *c, v128 *r)
{
    unsigned wes = 2 * es, off = part ? n : 0;
    int sgn = 0;
    switch (op) {
    case O_SADDL: case O_SSUBL: case O_SADDW: case O_SSUBW: case O_SMULL: case O_SMLAL:
    case O_SMLSL: case O_SABDL: case O_SABAL: case O_SQDMULL: case O_SSHLL:
    case O_SADDLP: case O_SADALP:
        sgn = 1;
    }
    for (unsigned i = 0; i < n; i++) {
        i128 x = get(a, es, off + i, sgn), y = get(b, es, off + i, sgn);
        i128 wa = get(a, wes, i, sgn), acc = getu(c, wes, i), res = 0;
        switch (op) {
        case O_SADDL: case O_UADDL: res = x + y; break;
        case O_SSUBL: case O_USUBL: res = x - y; break;
        case O_SADDW: case O_UADDW: res = wa + y; break;
        case O_SSUBW: case O_USUBW: res = wa - y; break;
        case O_SMULL: case O_UMULL: res = x * y; break;
        case O_SMLAL: case O_UMLAL: res = acc + x * y; break;
        case O_SMLSL: case O_UMLSL: res = acc - x * y; break;
        case O_SABDL: case O_UABDL: res = iabs(x - y); break;
        case O_SABAL: case O_UABAL: res = acc + iabs(x - y); break;
        case O_SQDMULL: res = sat(2 * x * y, wes, 1); break;
        case O_SSHLL: case O_USHLL: res = x * ((i128)1 << imm); break;
        case O_SADDLP: case O_UADDLP:
            res = get(a, es, 2 * i, sgn) + get(a, es, 2 * i + 1, sgn);
            break;
        case O_SADALP: case O_UADALP:
            res = acc + get(a, es, 2 * i, sgn) + get(a, es, 2 * i + 1, sgn);
            break;
        }
        put(r, wes, i, (u128)res);
    }
}

static void narrowing(unsigned op, unsigned es, unsigned n, int imm, int part,
                      const v128 *a, const v128 *b, const v128 *c, v128 *r)
{
    unsigned nes = es / 2, nbits = nes * 8, off = part ? n : 0;
    if (part)
        r->d[0] = c->d[0];
    for (unsigned i = 0; i < n; i++) {
        i128 sa = gets(a, es, i), ua = getu(a, es, i), ub = getu(b, es, i);
        i128 rnd = imm > 0 ? (i128)1 << (imm - 1) : 0, res = 0;
        switch (op) {
        case O_XTN:      res = ua; break;
        case O_SQXTN:    res = sat(sa, nes, 1); break;
        case O_UQXTN:    res = sat(ua, nes, 0); break;
        case O_SQXTUN:   res = sat(sa, nes, 0); break;
        case O_SHRN:     res = ua >> imm; break;
        case O_RSHRN:    res = (ua + rnd) >> imm; break;
        case O_SQSHRN:   res = sat(sa >> imm, nes, 1); break;
        case O_UQSHRN:   res = sat(ua >> imm, nes, 0); break;
        case O_SQRSHRN:  res = sat((sa + rnd) >> imm, nes, 1); break;
        case O_UQRSHRN:  res = sat((ua + rnd) >> imm, nes, 0); break;
        case O_SQSHRUN:  res = sat(sa >> imm, nes, 0); break;
        case O_SQRSHRUN: res = sat((sa + rnd) >> imm, nes, 0); break;
        case O_ADDHN:    res = (ua + ub) >> nbits; break;
        case O_RADDHN:   res = (ua + ub + ((i128)1 << (nbits - 1))) >> nbits; break;
        case O_SUBHN:    res = (ua - ub) >> nbits; break;
        case O_RSUBHN:   res = (ua - ub + ((i128)1 << (nbits - 1))) >> nbits; break;
        }
        put(r, nes, off + i, (u128)res);
    }
}

static void across(unsigned op, unsigned es, unsigned n, const v128 *a, v128 *r)
{
    int sgn = op == O_SMAXV || op == O_SMINV || op == O_SADDLV;
    i128 x = get(a, es, 0, sgn);
    for (unsigned i = 1; i < n; i++) {
        i128 s = gets(a, es, i), u = getu(a, es, i);
        switch (op) {
        case O_ADDV: case O_UADDLV: x += u; break;
        case O_SADDLV: x += s; break;
        case O_SMAXV: if (s > x) x = s; break;
        case O_SMINV: if (s < x) x = s; break;
        case O_UMAXV: if (u > x) x = u; break;
        case O_UMINV: if (u < x) x = u; break;
        }
    }
    put(r, (op == O_SADDLV || op == O_UADDLV) ? 2 * es : es, 0, (u128)x);
}

void ref_run(unsigned op, unsigned es, unsigned n, int imm, int part,
             const v128 *a, const v128 *b, const v128 *c, v128 *r)
{
    ref_qc = 0;
    zero(r);
    if (op >= O_ADDP && op <= O_UMINP) {
        pairwise(op, es, n, a, b, r);
    } else if (op >= O_ZIP1 && op <= O_EXT) {
        permute(op, es, n, imm, a, b, r);
    } else if (op == O_REV16 || op == O_REV32 || op == O_REV64) {
        rev(op == O_REV16 ? 2 : op == O_REV32 ? 4 : 8, es, n, a, r);
    } else if (op == O_DUPE || op == O_DUPG) {
        uint64_t x = getu(a, es, op == O_DUPE ? (unsigned)imm : 0);
        for (unsigned i = 0; i < n; i++)
            put(r, es, i, x);
    } else if (op == O_INSG || op == O_INSE) {
        copy(r, b);
        put(r, es, (unsigned)imm, getu(a, es, op == O_INSE ? (unsigned)part : 0));
    } else if (op >= O_SADDL && op <= O_UADALP) {
        widening(op, es, n, imm, part, a, b, c, r);
    } else if (op >= O_XTN && op <= O_RSUBHN) {
        narrowing(op, es, n, imm, part, a, b, c, r);
    } else if (op >= O_ADDV && op <= O_UMINV) {
        across(op, es, n, a, r);
    } else if (op == O_TBL || op == O_TBX) {
        for (unsigned i = 0; i < n; i++) {
            unsigned idx = a->b[i];
            if (idx < 16u * (unsigned)imm)
                r->b[i] = ref_table[idx / 16].b[idx % 16];
            else
                r->b[i] = op == O_TBX ? b->b[i] : 0;
        }
    } else {
        same_width(op, es, n, imm, a, b, c, r);
    }
}

/* ---- structure loads and stores ------------------------------------- */
/* LD1-LD4 (multiple structures): register j, lane i is element i*N + j of
 * memory (LD2-LD4, interleave = 1) or element j*lanes + i (LD1 with N
 * registers, interleave = 0).  Lanes past the arrangement are zero. */
void ref_ld_multi(unsigned nregs, unsigned es, unsigned lanes, int interleave,
                  const uint8_t *mem, v128 *regs)
{
    for (unsigned j = 0; j < nregs; j++) {
        zero(&regs[j]);
        for (unsigned i = 0; i < lanes; i++) {
            unsigned e = interleave ? i * nregs + j : j * lanes + i;
            for (unsigned k = 0; k < es; k++)
                regs[j].b[i * es + k] = mem[e * es + k];
        }
    }
}

void ref_st_multi(unsigned nregs, unsigned es, unsigned lanes, int interleave,
                  const v128 *regs, uint8_t *mem)
{
    for (unsigned j = 0; j < nregs; j++)
        for (unsigned i = 0; i < lanes; i++) {
            unsigned e = interleave ? i * nregs + j : j * lanes + i;
            for (unsigned k = 0; k < es; k++)
                mem[e * es + k] = regs[j].b[i * es + k];
        }
}

/* LD1-LD4 (single structure): register j, lane `lane` = element j; the
 * other lanes keep their values */
void ref_ld_lane(unsigned nregs, unsigned es, unsigned lane, const uint8_t *mem, v128 *regs)
{
    for (unsigned j = 0; j < nregs; j++)
        for (unsigned k = 0; k < es; k++)
            regs[j].b[lane * es + k] = mem[j * es + k];
}

void ref_st_lane(unsigned nregs, unsigned es, unsigned lane, const v128 *regs, uint8_t *mem)
{
    for (unsigned j = 0; j < nregs; j++)
        for (unsigned k = 0; k < es; k++)
            mem[j * es + k] = regs[j].b[lane * es + k];
}

/* LD1R-LD4R: every lane of register j = element j; 64-bit forms clear 127:64 */
void ref_ld_rep(unsigned nregs, unsigned es, unsigned lanes, const uint8_t *mem, v128 *regs)
{
    for (unsigned j = 0; j < nregs; j++) {
        zero(&regs[j]);
        for (unsigned i = 0; i < lanes; i++)
            for (unsigned k = 0; k < es; k++)
                regs[j].b[i * es + k] = mem[j * es + k];
    }
}

int ref_same(const void *x, const void *y, unsigned n)
{
    const uint8_t *p = x, *q = y;
    for (unsigned i = 0; i < n; i++)
        if (p[i] != q[i])
            return 0;
    return 1;
}
