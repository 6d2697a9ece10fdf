/*
 * sort.c - compiled-code test (built at -O0 and at -O2): sorts pseudo-random
 * arrays with a quicksort that hands small partitions to an insertion sort,
 * a heap sort, a merge sort and a generic comparator-driven insertion sort
 * (calls through a function pointer), and checks the results against
 * checksums computed independently (by a Python model of the same PRNG).
 */
#include <stdint.h>
#include <stddef.h>
#include "tap.h"

#define N 1000

static uint64_t rng_state;

static void rng_seed(uint64_t s) { rng_state = s; }

/* Knuth's MMIX LCG; the high 32 bits are the output */
static uint32_t rng_next(void)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(rng_state >> 32);
}

static uint32_t a[N];
static uint32_t b[N];
static int32_t  s[N];
#define NL 150
static int64_t  l[NL];
static uint32_t tmp[N];

static void insertion_sort_u32(uint32_t *v, long lo, long hi)
{
    for (long i = lo + 1; i <= hi; i++) {
        uint32_t x = v[i];
        long j = i - 1;
        while (j >= lo && v[j] > x) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
}

static void quicksort_u32(uint32_t *v, long lo, long hi)
{
    while (hi - lo > 16) {
        /* median of three as the pivot */
        long mid = lo + (hi - lo) / 2;
        uint32_t x = v[lo], y = v[mid], z = v[hi];
        uint32_t p = x < y ? (y < z ? y : (x < z ? z : x))
                           : (x < z ? x : (y < z ? z : y));
        long i = lo, j = hi;
        while (i <= j) {
            while (v[i] < p) i++;
            while (v[j] > p) j--;
            if (i <= j) {
                uint32_t t = v[i];
                v[i] = v[j];
                v[j] = t;
                i++;
                j--;
            }
        }
        /* recurse into the smaller part, loop on the larger */
        if (j - lo < hi - i) {
            quicksort_u32(v, lo, j);
            lo = i;
        } else {
            quicksort_u32(v, i, hi);
            hi = j;
        }
    }
    insertion_sort_u32(v, lo, hi);
}

static void sift_down_i32(int32_t *v, long start, long end)
{
    long root = start;
    while (2 * root + 1 <= end) {
        long child = 2 * root + 1;
        if (child + 1 <= end && v[child] < v[child + 1])
            child++;
        if (v[root] < v[child]) {
            int32_t t = v[root];
            v[root] = v[child];
            v[child] = t;
            root = child;
        } else {
            return;
        }
    }
}

static void heapsort_i32(int32_t *v, long n)
{
    for (long start = (n - 2) / 2; start >= 0; start--)
        sift_down_i32(v, start, n - 1);
    for (long end = n - 1; end > 0; end--) {
        int32_t t = v[0];
        v[0] = v[end];
        v[end] = t;
        sift_down_i32(v, 0, end - 1);
    }
}

static void mergesort_u32(uint32_t *v, uint32_t *scratch, long n)
{
    for (long width = 1; width < n; width *= 2) {
        for (long i = 0; i < n; i += 2 * width) {
            long left = i, mid = i + width, right = i + 2 * width;
            if (mid > n) mid = n;
            if (right > n) right = n;
            long p = left, q = mid, k = left;
            while (p < mid && q < right)
                scratch[k++] = v[p] <= v[q] ? v[p++] : v[q++];
            while (p < mid)
                scratch[k++] = v[p++];
            while (q < right)
                scratch[k++] = v[q++];
        }
        for (long i = 0; i < n; i++)
            v[i] = scratch[i];
    }
}

typedef int (*cmp_fn)(const void *, const void *);

static int cmp_i64_desc(const void *x, const void *y)
{
    int64_t p = *(const int64_t *)x, q = *(const int64_t *)y;
    return p < q ? 1 : p > q ? -1 : 0;
}

static void generic_sort(void *base, size_t n, size_t size, cmp_fn cmp)
{
    unsigned char *v = base;
    unsigned char t[16];
    for (size_t i = 1; i < n; i++) {
        for (size_t k = 0; k < size; k++)
            t[k] = v[i * size + k];
        size_t j = i;
        while (j > 0 && cmp(v + (j - 1) * size, t) > 0) {
            for (size_t k = 0; k < size; k++)
                v[j * size + k] = v[(j - 1) * size + k];
            j--;
        }
        for (size_t k = 0; k < size; k++)
            v[j * size + k] = t[k];
    }
}

static uint64_t checksum_u32(const uint32_t *v, long n)
{
    uint64_t sum = 0;
    for (long i = 0; i < n; i++)
        sum += (uint64_t)v[i] * (uint64_t)(i + 1);
    return sum;
}

int main(void)
{
    /* quicksort + insertion sort */
    rng_seed(12345);
    for (long i = 0; i < N; i++)
        a[i] = rng_next();
    for (long i = 0; i < N; i++)
        b[i] = a[i];
    uint64_t unsorted = checksum_u32(a, N);
    quicksort_u32(a, 0, N - 1);
    int sorted = 1;
    for (long i = 1; i < N; i++)
        if (a[i - 1] > a[i])
            sorted = 0;
    check("quicksort: sorted", sorted, 1);
    check("quicksort: checksum before", unsorted, 0x0003fec0fc5c9881ULL);
    check("quicksort: checksum after", checksum_u32(a, N), 0x00052f4403f7c45fULL);
    check("quicksort: min", a[0], 0x003c7987);
    check("quicksort: max", a[N - 1], 0xffe997ae);
    check("quicksort: median", a[N / 2], 0x81b965bd);

    /* merge sort of the same data must give the same array */
    mergesort_u32(b, tmp, N);
    int same = 1;
    for (long i = 0; i < N; i++)
        if (a[i] != b[i])
            same = 0;
    check("mergesort: same as quicksort", same, 1);

    /* heap sort of signed values (small range, many duplicates) */
    rng_seed(777);
    for (long i = 0; i < N; i++)
        s[i] = (int32_t)(rng_next() % 2001) - 1000;
    heapsort_i32(s, N);
    int ok = 1;
    int64_t ssum = 0, wsum = 0;
    for (long i = 0; i < N; i++) {
        if (i && s[i - 1] > s[i])
            ok = 0;
        ssum += s[i];
        wsum += (int64_t)s[i] * (i + 1);
    }
    check("heapsort: sorted (signed)", ok, 1);
    check("heapsort: min", (uint64_t)(int64_t)s[0], (uint64_t)(int64_t)-999);
    check("heapsort: max", (uint64_t)(int64_t)s[N - 1], 1000);
    check("heapsort: sum", (uint64_t)ssum, (uint64_t)(int64_t)-12683);
    check("heapsort: weighted sum", (uint64_t)wsum, (uint64_t)(int64_t)159438797);

    /* generic insertion sort, descending, through a function pointer */
    rng_seed(99);
    for (long i = 0; i < NL; i++) {
        uint64_t hi = rng_next();
        uint64_t lo = rng_next();
        l[i] = (int64_t)((hi << 32) | lo);
    }
    generic_sort(l, NL, sizeof l[0], cmp_i64_desc);
    ok = 1;
    for (long i = 1; i < NL; i++)
        if (l[i - 1] < l[i])
            ok = 0;
    uint64_t lsum = 0;
    for (long i = 0; i < NL; i++)
        lsum = lsum * 31 + (uint64_t)l[i];
    check("generic sort: descending", ok, 1);
    check("generic sort: first", (uint64_t)l[0], 0x7fc7f93d39dfb1eaULL);
    check("generic sort: last", (uint64_t)l[NL - 1], 0x809a1d76ff327da0ULL);
    check("generic sort: hash", lsum, 0xd8eadf2c8d07dd8eULL);
    return tap_done();
}
