/*
 * compiled - ordinary C that the compiler vectorises (built at -O2 and -O3
 * with -fvectorize -fslp-vectorize, FP/SIMD allowed): copies and fills at
 * every alignment and many sizes, struct copies, sums / minima / maxima /
 * dot products over int8..int64, float and double arrays, a
 * double-precision matrix multiply, a FIR filter, a histogram and byte
 * (string) loops.
 *
 * Integer results are checked against closed formulas or against the same
 * computation done by a loop the compiler cannot vectorise (a serial hash,
 * FNV-1a, or a loop with a data-dependent exit); floating-point results
 * whose value depends on the order of the additions the vectoriser chose
 * are printed as bit patterns ("# ..." lines), so the run must match
 * QEMU's line for line.  Arrays live in .bss (Device memory while the MMU
 * is off): the -mstrict-align code the compiler emits only makes accesses
 * aligned to their size.
 */
#include <stddef.h>
#include <stdint.h>
#include "printf.h"
#include "tap.h"

#define N 4160

static uint8_t  b1[N + 64] __attribute__((aligned(16)));
static uint8_t  b2[N + 64] __attribute__((aligned(16)));
static int8_t   s8[N] __attribute__((aligned(16)));
static int16_t  s16[N] __attribute__((aligned(16)));
static int16_t  t16[N] __attribute__((aligned(16)));
static int32_t  s32[N] __attribute__((aligned(16)));
static uint32_t u32[N] __attribute__((aligned(16)));
static int64_t  s64[N] __attribute__((aligned(16)));
static float    f32[N] __attribute__((aligned(16)));
static float    g32[N] __attribute__((aligned(16)));
static double   f64[N] __attribute__((aligned(16)));
static double   g64[N] __attribute__((aligned(16)));

/* the compiler must not see through these: values and sizes come at run time */
static volatile unsigned opaque_zero;
#define RT(x) ((x) + opaque_zero)

static uint64_t fnv(const void *p, size_t n)
{
    const volatile uint8_t *q = p;       /* byte by byte, in order */
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= q[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static uint64_t dbits(double d) { union { double d; uint64_t u; } x = { .d = d }; return x.u; }
static uint32_t fbits(float f) { union { float f; uint32_t u; } x = { .f = f }; return x.u; }

/* ---- copies and fills ----------------------------------------------- */
__attribute__((noinline)) static void copy_bytes(uint8_t *restrict d, const uint8_t *restrict s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        d[i] = s[i];
}

__attribute__((noinline)) static void fill_bytes(uint8_t *d, uint8_t v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        d[i] = v;
}

__attribute__((noinline)) static void copy_u32(uint32_t *restrict d, const uint32_t *restrict s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        d[i] = s[i];
}

static void copies(void)
{
    static const unsigned sizes[] = { 0, 1, 3, 7, 15, 16, 17, 31, 32, 33, 63, 100, 255, 1000, 4099 };
    unsigned bad = 0;
    uint64_t all = 0xcbf29ce484222325ull;
    for (unsigned i = 0; i < N + 64; i++)
        b1[i] = (uint8_t)(i * 37 + 11);
    for (unsigned si = 0; si < sizeof sizes / sizeof sizes[0]; si++)
        for (unsigned so = 0; so < 4; so++)
            for (unsigned doff = 0; doff < 4; doff++) {
                unsigned n = RT(sizes[si]), s_off = RT(so * 5 % 16), d_off = RT(doff * 3);
                for (unsigned i = 0; i < n + 32; i++)
                    b2[i] = 0xee;
                copy_bytes(b2 + d_off, b1 + s_off, n);
                /* the bytes before and after must be untouched */
                for (unsigned i = 0; i < n + 32; i++) {
                    uint8_t want = (i >= d_off && i < d_off + n) ? (uint8_t)((i - d_off + s_off) * 37 + 11) : 0xee;
                    if (b2[i] != want)
                        bad++;
                }
                all ^= fnv(b2, n + 32);
                all *= 3;
            }
    check("copy_bytes: 15 sizes x 4 source x 4 destination alignments", bad, 0);
    printf("# copy_bytes: hash of every destination 0x%016llx\n", (unsigned long long)all);

    bad = 0;
    for (unsigned si = 0; si < sizeof sizes / sizeof sizes[0]; si++)
        for (unsigned off = 0; off < 16; off += 5) {
            unsigned n = RT(sizes[si]);
            for (unsigned i = 0; i < n + 32; i++)
                b2[i] = 0x11;
            fill_bytes(b2 + off, (uint8_t)(0xa0 + si), n);
            for (unsigned i = 0; i < n + 32; i++) {
                uint8_t want = (i >= off && i < off + n) ? (uint8_t)(0xa0 + si) : 0x11;
                if (b2[i] != want)
                    bad++;
            }
        }
    check("fill_bytes: 15 sizes x 4 alignments", bad, 0);

    for (unsigned i = 0; i < N; i++)
        u32[i] = i * 0x9e3779b9u;
    bad = 0;
    for (unsigned si = 0; si < sizeof sizes / sizeof sizes[0]; si++) {
        unsigned n = RT(sizes[si]) % 1024;
        for (unsigned off = 0; off < 4; off++) {
            uint32_t *d = (uint32_t *)b2 + off;
            for (unsigned i = 0; i < n + 8; i++)
                d[i] = 0x12345678;
            copy_u32(d, u32 + 3 - off, n);
            for (unsigned i = 0; i < n + 8; i++)
                if (d[i] != (i < n ? (i + 3 - off) * 0x9e3779b9u : 0x12345678u))
                    bad++;
        }
    }
    check("copy_u32: sizes x 4 word alignments", bad, 0);
}

/* ---- struct copies ------------------------------------------------------ */
struct big { uint64_t a, b; uint32_t c[9]; uint16_t d; uint8_t e[21]; } __attribute__((aligned(16)));
struct small { uint32_t x, y, z; float w; };

__attribute__((noinline)) static void copy_structs(struct big *restrict d, const struct big *restrict s, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        d[i] = s[i];
}

__attribute__((noinline)) static struct small make_small(uint32_t k)
{
    struct small r = { k, k * 3, k ^ 0xffff, (float)k * 0.5f };
    return r;
}

static void structs(void)
{
    static struct big src[8], dst[9];
    for (unsigned i = 0; i < 8; i++) {
        src[i].a = 0x1111111111111111ull * i;
        src[i].b = ~src[i].a;
        for (unsigned j = 0; j < 9; j++)
            src[i].c[j] = i * 100 + j;
        src[i].d = (uint16_t)(0xbeef + i);
        for (unsigned j = 0; j < 21; j++)
            src[i].e[j] = (uint8_t)(i + j * 9);
    }
    for (unsigned i = 0; i < 9; i++)
        dst[i] = (struct big){ 0 };
    copy_structs(dst, src, RT(8u));
    check("struct copies: 8 structs of 96 bytes", fnv(dst, sizeof src) == fnv(src, sizeof src), 1);
    check("struct copies: the ninth untouched", fnv(&dst[8], sizeof dst[8]) == fnv(&(struct big){ 0 }, sizeof dst[8]), 1);
    struct small s = make_small(RT(77u));
    check("struct returned in registers", (uint64_t)s.x << 32 | s.y, (77ull << 32) | 231);
    check("struct returned in registers: z, w", (uint64_t)s.z << 32 | fbits(s.w), (0xffb2ull << 32) | 0x421a0000);
}

/* ---- reductions ---------------------------------------------------------- */
__attribute__((noinline)) static int32_t sum_s8(const int8_t *p, unsigned n)
{
    int32_t s = 0;
    for (unsigned i = 0; i < n; i++)
        s += p[i];
    return s;
}
__attribute__((noinline)) static int64_t sum_s16(const int16_t *p, unsigned n)
{
    int64_t s = 0;
    for (unsigned i = 0; i < n; i++)
        s += p[i];
    return s;
}
__attribute__((noinline)) static int32_t sum_s32(const int32_t *p, unsigned n)
{
    int32_t s = 0;
    for (unsigned i = 0; i < n; i++)
        s += p[i];
    return s;
}
__attribute__((noinline)) static int64_t sum_s64(const int64_t *p, unsigned n)
{
    int64_t s = 0;
    for (unsigned i = 0; i < n; i++)
        s += p[i];
    return s;
}
__attribute__((noinline)) static int8_t max_s8(const int8_t *p, unsigned n)
{
    int8_t m = -128;
    for (unsigned i = 0; i < n; i++)
        m = p[i] > m ? p[i] : m;
    return m;
}
__attribute__((noinline)) static int16_t min_s16(const int16_t *p, unsigned n)
{
    int16_t m = 32767;
    for (unsigned i = 0; i < n; i++)
        m = p[i] < m ? p[i] : m;
    return m;
}
__attribute__((noinline)) static uint32_t max_u32(const uint32_t *p, unsigned n)
{
    uint32_t m = 0;
    for (unsigned i = 0; i < n; i++)
        m = p[i] > m ? p[i] : m;
    return m;
}
__attribute__((noinline)) static int64_t min_s64(const int64_t *p, unsigned n)
{
    int64_t m = INT64_MAX;
    for (unsigned i = 0; i < n; i++)
        m = p[i] < m ? p[i] : m;
    return m;
}
__attribute__((noinline)) static int64_t dot_s16(const int16_t *a, const int16_t *b, unsigned n)
{
    int64_t s = 0;
    for (unsigned i = 0; i < n; i++)
        s += (int32_t)a[i] * b[i];
    return s;
}
__attribute__((noinline)) static uint32_t sad_u8(const uint8_t *a, const uint8_t *b, unsigned n)
{
    uint32_t s = 0;
    for (unsigned i = 0; i < n; i++)
        s += a[i] > b[i] ? a[i] - b[i] : b[i] - a[i];
    return s;
}
/* floating point: in order (not vectorisable: no reassociation allowed)
 * and with reassociation allowed (vectorised: lane-wise partial sums) */
__attribute__((noinline)) static float sum_f32_ordered(const float *p, unsigned n)
{
    float s = 0;
    for (unsigned i = 0; i < n; i++)
        s += p[i];
    return s;
}
__attribute__((noinline)) static float sum_f32_reassoc(const float *p, unsigned n)
{
#pragma clang fp reassociate(on)
    float s = 0;
    for (unsigned i = 0; i < n; i++)
        s += p[i];
    return s;
}
__attribute__((noinline)) static double dot_f64_reassoc(const double *a, const double *b, unsigned n)
{
#pragma clang fp reassociate(on)
    double s = 0;
    for (unsigned i = 0; i < n; i++)
        s += a[i] * b[i];
    return s;
}
__attribute__((noinline)) static float max_f32(const float *p, unsigned n)
{
    float m = -__builtin_inff();
    for (unsigned i = 0; i < n; i++)
        m = __builtin_fmaxf(m, p[i]);
    return m;
}
__attribute__((noinline)) static double min_f64(const double *p, unsigned n)
{
    double m = __builtin_inf();
    for (unsigned i = 0; i < n; i++)
        m = __builtin_fmin(m, p[i]);
    return m;
}
__attribute__((noinline)) static void saxpy(float *restrict y, const float *restrict x, float a, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        y[i] = a * x[i] + y[i];
}
__attribute__((noinline)) static void scale_f64(double *restrict y, const double *restrict x, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        y[i] = __builtin_sqrt(x[i] + 2.5) / (x[i] + 1.25) - __builtin_fabs(x[i] - 2.0);
}
__attribute__((noinline)) static void convert(float *restrict f, int32_t *restrict o, const int32_t *restrict s, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        f[i] = (float)s[i] * 0.25f;
        o[i] = (int32_t)(f[i] * 3.0f);
    }
}

static void reductions(void)
{
    static const unsigned sizes[] = { 0, 1, 5, 16, 17, 100, 1023, 4096 };
    for (unsigned i = 0; i < N; i++) {
        s8[i] = (int8_t)(i * 7);                /* i*7 mod 256 as int8 */
        s16[i] = (int16_t)(i * 13 - 20000);
        t16[i] = (int16_t)(3 - (int)i);
        s32[i] = (int32_t)(i * 1000003u);
        s64[i] = (int64_t)i * 0x100000001ll - 5000000000ll;
        b1[i] = (uint8_t)(i * 5);
        b2[i] = (uint8_t)(i * 11 + 3);
        f32[i] = (float)((int)(i % 97) - 48) * 0.125f + 1.0f / (float)(i + 1);
        f64[i] = (double)i * 0.001 - 1.5;
        g64[i] = 1.0 / (double)(i + 3);
    }
    for (unsigned k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        unsigned n = RT(sizes[k]);
        char name[80];
        /* reference values by plain serial loops over volatile data, or formulas */
        int64_t r8 = 0, r16 = 0, rd = 0;
        uint32_t rsad = 0;
        int32_t r32 = 0;
        int8_t m8 = -128;
        int16_t m16 = 32767;
        uint32_t mu = 0;
        const volatile int8_t *v8 = s8;
        const volatile int16_t *v16 = s16, *w16 = t16;
        const volatile int32_t *v32 = s32;
        const volatile uint8_t *va = b1, *vb = b2;
        for (unsigned i = 0; i < n; i++) {
            r8 += v8[i];
            r16 += v16[i];
            r32 = (int32_t)((uint32_t)r32 + (uint32_t)v32[i]);
            rd += (int32_t)v16[i] * w16[i];
            rsad += va[i] > vb[i] ? va[i] - vb[i] : vb[i] - va[i];
            if (v8[i] > m8) m8 = v8[i];
            if (v16[i] < m16) m16 = v16[i];
            if ((uint32_t)v32[i] > mu) mu = (uint32_t)v32[i];
        }
        /* sum of i*0x100000001 - 5e9 for i < n: a formula */
        int64_t f64sum = (int64_t)((uint64_t)n * (n - (n > 0)) / 2 * 0x100000001ull) - 5000000000ll * n;
        if (n == 0)
            f64sum = 0;
        int64_t m64 = n ? -5000000000ll : INT64_MAX;
        snprintf(name, sizeof name, "sum int8 -> int32, n=%u", n);
        check(name, (uint64_t)sum_s8(s8, n), (uint64_t)r8);
        snprintf(name, sizeof name, "sum int16 -> int64, n=%u", n);
        check(name, (uint64_t)sum_s16(s16, n), (uint64_t)r16);
        snprintf(name, sizeof name, "sum int32 (wrapping), n=%u", n);
        check(name, (uint32_t)sum_s32(s32, n), (uint32_t)r32);
        snprintf(name, sizeof name, "sum int64 = formula, n=%u", n);
        check(name, (uint64_t)sum_s64(s64, n), (uint64_t)f64sum);
        snprintf(name, sizeof name, "max int8, n=%u", n);
        check(name, (uint8_t)max_s8(s8, n), (uint8_t)m8);
        snprintf(name, sizeof name, "min int16, n=%u", n);
        check(name, (uint16_t)min_s16(s16, n), (uint16_t)m16);
        snprintf(name, sizeof name, "max uint32, n=%u", n);
        check(name, max_u32((const uint32_t *)s32, n), mu);
        snprintf(name, sizeof name, "min int64 = formula, n=%u", n);
        check(name, (uint64_t)min_s64(s64, n), (uint64_t)m64);
        snprintf(name, sizeof name, "dot int16 -> int64, n=%u", n);
        check(name, (uint64_t)dot_s16(s16, t16, n), (uint64_t)rd);
        snprintf(name, sizeof name, "sum of absolute differences uint8, n=%u", n);
        check(name, sad_u8(b1, b2, n), rsad);
        printf("# n=%u: f32 sum ordered 0x%08x reassociated 0x%08x, f32 max 0x%08x, "
               "f64 dot 0x%016llx, f64 min 0x%016llx\n", n,
               fbits(sum_f32_ordered(f32, n)), fbits(sum_f32_reassoc(f32, n)), fbits(max_f32(f32, n)),
               (unsigned long long)dbits(dot_f64_reassoc(f64, g64, n)),
               (unsigned long long)dbits(min_f64(f64, n)));
    }
    /* max_f32 and min_f64 do not depend on the order: known answers */
    check("max f32 over 4096 = 6.0 + 1/(i+1) at i = 96", fbits(max_f32(f32, RT(4096u))), fbits(6.0f + 1.0f / 97.0f));
    check("min f64 over 4096 = -1.5", dbits(min_f64(f64, RT(4096u))), dbits(-1.5));

    /* elementwise: each result is one expression per element, so it does
     * not depend on vectorisation: checked against a scalar loop */
    for (unsigned i = 0; i < N; i++)
        g32[i] = (float)i * 0.5f;
    saxpy(g32, f32, 1.75f, RT(1001u));
    unsigned bad = 0;
    for (unsigned i = 0; i < N; i++) {
        volatile float x = f32[i], y = (float)i * 0.5f;
        float want = i < 1001 ? __builtin_fmaf(1.75f, x, y) : y;     /* a*x + y contracts to FMLA */
        float want2 = i < 1001 ? 1.75f * x + y : y;
        if (fbits(g32[i]) != fbits(want) && fbits(g32[i]) != fbits(want2))
            bad++;
    }
    check("saxpy f32, n=1001 (fused or not, but per element)", bad, 0);
    printf("# saxpy hash 0x%016llx\n", (unsigned long long)fnv(g32, sizeof g32));
    scale_f64(g64, f64, RT(777u));
    printf("# sqrt(x+2.5)/(x+1.25) - |x-2| hash 0x%016llx, [5] = 0x%016llx, [700] = 0x%016llx\n",
           (unsigned long long)fnv(g64, 777 * sizeof(double)), (unsigned long long)dbits(g64[5]),
           (unsigned long long)dbits(g64[700]));
    convert(g32, s32, (const int32_t *)u32, RT(999u));
    printf("# int -> float -> int hash 0x%016llx 0x%016llx\n", (unsigned long long)fnv(g32, 999 * 4),
           (unsigned long long)fnv(s32, 999 * 4));
}

/* ---- matrix multiply, FIR, histogram ----------------------------------- */
#define M 24
static double ma[M][M], mb[M][M], mc[M][M];

__attribute__((noinline)) static void matmul(double (*restrict c)[M], double (*restrict a)[M],
                                             double (*restrict b)[M], unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        for (unsigned j = 0; j < n; j++)
            c[i][j] = 0;
    for (unsigned i = 0; i < n; i++)
        for (unsigned k = 0; k < n; k++) {
            double aik = a[i][k];
            for (unsigned j = 0; j < n; j++)
                c[i][j] += aik * b[k][j];
        }
}

__attribute__((noinline)) static void fir(float *restrict y, const float *restrict x, const float *restrict h,
                                          unsigned n, unsigned taps)
{
    for (unsigned i = 0; i < n; i++)
        y[i] = 0;
    for (unsigned k = 0; k < taps; k++)
        for (unsigned i = 0; i < n; i++)
            y[i] += h[k] * x[i + k];
}

__attribute__((noinline)) static void histogram(uint32_t *restrict hist, const uint8_t *restrict p, unsigned n)
{
    for (unsigned i = 0; i < 256; i++)
        hist[i] = 0;
    for (unsigned i = 0; i < n; i++)
        hist[p[i]]++;
}

__attribute__((noinline)) static void widen_mul(int32_t *restrict o, const int16_t *restrict a,
                                                const int16_t *restrict b, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        o[i] = a[i] * b[i] + (a[i] >> 3);
}

static void kernels(void)
{
    /* integer-valued doubles: every product and sum is exact, so the
     * result does not depend on the order and is checked exactly */
    for (unsigned i = 0; i < M; i++)
        for (unsigned j = 0; j < M; j++) {
            ma[i][j] = (double)((int)(i * 3 + j) % 7 - 3);
            mb[i][j] = (double)((int)(i + j * 5) % 11 - 5);
        }
    matmul(mc, ma, mb, RT((unsigned)M));
    unsigned bad = 0;
    for (unsigned i = 0; i < M; i++)
        for (unsigned j = 0; j < M; j++) {
            long s = 0;
            for (unsigned k = 0; k < M; k++)
                s += (long)((int)(i * 3 + k) % 7 - 3) * ((int)(k + j * 5) % 11 - 5);
            if (dbits(mc[i][j]) != dbits((double)s))
                bad++;
        }
    check("matmul 24x24 double (integer values: exact)", bad, 0);
    for (unsigned i = 0; i < M; i++)
        for (unsigned j = 0; j < M; j++) {
            ma[i][j] = 1.0 / (double)(i + j + 1);       /* Hilbert */
            mb[i][j] = (double)(i == j) * 2.0 - 0.01 * (double)j;
        }
    matmul(mc, ma, mb, RT(23u));
    printf("# matmul Hilbert 23x23: c[0][0] 0x%016llx c[22][22] 0x%016llx hash 0x%016llx\n",
           (unsigned long long)dbits(mc[0][0]), (unsigned long long)dbits(mc[22][22]),
           (unsigned long long)fnv(mc, sizeof mc));

    static float h[16], y[1024];
    for (unsigned k = 0; k < 16; k++)
        h[k] = (float)(k + 1) / 136.0f;
    for (unsigned i = 0; i < 1100; i++)
        f32[i] = (float)((i * 37) % 101) - 50.0f;
    fir(y, f32, h, RT(1000u), RT(16u));
    printf("# fir 16 taps x 1000: y[0] 0x%08x y[999] 0x%08x hash 0x%016llx\n", fbits(y[0]), fbits(y[999]),
           (unsigned long long)fnv(y, sizeof y));

    static uint32_t hist[256];
    for (unsigned i = 0; i < 4096; i++)
        b1[i] = (uint8_t)(i * 7 + (i >> 8));
    histogram(hist, b1, RT(4096u));
    /* i*7 + (i>>8) mod 256 takes every value 16 times over 4096 values */
    bad = 0;
    for (unsigned i = 0; i < 256; i++)
        if (hist[i] != 16)
            bad++;
    check("histogram of 4096 bytes: 16 in every bin", bad, 0);

    widen_mul(s32, s16, t16, RT(1000u));
    bad = 0;
    for (unsigned i = 0; i < 1000; i++) {
        volatile int16_t a = s16[i], b = t16[i];
        if (s32[i] != a * b + (a >> 3))
            bad++;
    }
    check("int16 x int16 -> int32 multiply, n=1000", bad, 0);
}

/* ---- byte (string) loops ------------------------------------------------- */
__attribute__((noinline)) static void to_upper(char *restrict d, const char *restrict s, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        d[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 32) : s[i];
}

__attribute__((noinline)) static unsigned count_char(const char *s, unsigned n, char c)
{
    unsigned k = 0;
    for (unsigned i = 0; i < n; i++)
        k += s[i] == c;
    return k;
}

__attribute__((noinline)) static unsigned my_strlen(const char *s)
{
    unsigned n = 0;
    while (s[n])
        n++;
    return n;
}

__attribute__((noinline)) static void reverse(uint8_t *restrict d, const uint8_t *restrict s, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        d[i] = s[n - 1 - i];
}

__attribute__((noinline)) static uint32_t checksum_bytes(const uint8_t *p, unsigned n)
{
    uint32_t a = 0;
    for (unsigned i = 0; i < n; i++)
        a += p[i] ^ 0x5a;
    return a;
}

static void strings(void)
{
    static const char text[] = "The quick brown fox jumps over the lazy dog; "
                               "pack my box with five dozen liquor jugs! 0123456789 "
                               "Sphinx of black quartz, judge my vow.";
    static char up[256], lo[256];
    unsigned n = my_strlen(text);
    check("strlen (a loop with a data-dependent exit)", n, sizeof text - 1);
    for (unsigned i = 0; i < n; i++)
        lo[i] = text[i];
    to_upper(up, lo, RT(n));
    unsigned bad = 0, spaces = 0;
    for (unsigned i = 0; i < n; i++) {
        volatile char c = lo[i];
        char want = (c >= 'a' && c <= 'z') ? (char)(c - 32) : c;
        if (up[i] != want)
            bad++;
        spaces += c == ' ';
    }
    check("to_upper", bad, 0);
    check("count ' '", count_char(lo, RT(n), ' '), spaces);
    printf("# upper: %s\n", up);

    for (unsigned i = 0; i < 1000; i++)
        b1[i] = (uint8_t)(i * 13 + 1);
    reverse(b2, b1, RT(999u));
    bad = 0;
    for (unsigned i = 0; i < 999; i++)
        if (b2[i] != (uint8_t)((998 - i) * 13 + 1))
            bad++;
    check("reverse 999 bytes", bad, 0);
    uint32_t want = 0;
    for (unsigned i = 0; i < 1000; i++)
        want += ((const volatile uint8_t *)b1)[i] ^ 0x5a;
    check("byte checksum (xor, widening sum)", checksum_bytes(b1, RT(1000u)), want);
}

int main(void)
{
    copies();
    structs();
    reductions();
    kernels();
    strings();
    return tap_done();
}
