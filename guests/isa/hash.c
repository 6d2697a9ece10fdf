/*
 * hash.c - compiled-code test (built at -O0 and at -O2): FNV-1a (32 and 64
 * bits) on the published test vectors and on a generated buffer, a
 * table-driven CRC-32 and CRC-32C (tables built at run time) checked against
 * the standard check values and against the CRC32/CRC32C instructions,
 * Adler-32, and a splitmix64 stream.  Expected values were computed
 * independently (Python's zlib and a Python model).
 */
#include <stdint.h>
#include <stddef.h>
#include "tap.h"
#include "string.h"

static uint8_t buf[4096];
static uint32_t crc_table[256];
static uint32_t crcc_table[256];

static uint32_t fnv1a32(const void *data, size_t n)
{
    const uint8_t *p = data;
    uint32_t h = 0x811c9dc5u;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x01000193u;
    }
    return h;
}

static uint64_t fnv1a64(const void *data, size_t n)
{
    const uint8_t *p = data;
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static void make_table(uint32_t *table, uint32_t poly)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? (c >> 1) ^ poly : c >> 1;
        table[i] = c;
    }
}

static uint32_t crc_with(const uint32_t *table, const void *data, size_t n)
{
    const uint8_t *p = data;
    uint32_t c = 0xffffffffu;
    for (size_t i = 0; i < n; i++)
        c = table[(c ^ p[i]) & 0xff] ^ (c >> 8);
    return ~c;
}

/* the same through the CRC32 instructions: 8 bytes at a time, then bytes */
static uint32_t crc_hw(const void *data, size_t n, int castagnoli)
{
    const uint8_t *p = data;
    uint32_t c = 0xffffffffu;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w = 0;
        for (int k = 7; k >= 0; k--)            /* little-endian, byte loads */
            w = (w << 8) | p[i + k];
        if (castagnoli)
            __asm__("crc32cx %w0, %w0, %x1" : "+r"(c) : "r"(w));
        else
            __asm__("crc32x %w0, %w0, %x1" : "+r"(c) : "r"(w));
    }
    for (; i < n; i++) {
        uint32_t b = p[i];
        if (castagnoli)
            __asm__("crc32cb %w0, %w0, %w1" : "+r"(c) : "r"(b));
        else
            __asm__("crc32b %w0, %w0, %w1" : "+r"(c) : "r"(b));
    }
    return ~c;
}

static uint32_t adler32(const void *data, size_t n)
{
    const uint8_t *p = data;
    uint32_t a = 1, b = 0;
    for (size_t i = 0; i < n; i++) {
        a = (a + p[i]) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

static uint64_t splitmix64(uint64_t *state)
{
    uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

int main(void)
{
    /* published FNV-1a test vectors */
    check("fnv1a32 \"\"", fnv1a32("", 0), 0x811c9dc5);
    check("fnv1a32 \"a\"", fnv1a32("a", 1), 0xe40c292c);
    check("fnv1a32 \"foobar\"", fnv1a32("foobar", 6), 0xbf9cf968);
    check("fnv1a64 \"\"", fnv1a64("", 0), 0xcbf29ce484222325ULL);
    check("fnv1a64 \"a\"", fnv1a64("a", 1), 0xaf63dc4c8601ec8cULL);
    check("fnv1a64 \"foobar\"", fnv1a64("foobar", 6), 0x85944171f73967e8ULL);

    /* a generated buffer */
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (uint8_t)(i * 7 + (i >> 3) + (i >> 9) * 13);
    check("fnv1a32 buffer", fnv1a32(buf, sizeof buf), 0x6b296dc5);
    check("fnv1a64 buffer", fnv1a64(buf, sizeof buf), 0xdfcc616339402ea5ULL);

    /* CRC-32 and CRC-32C, table driven */
    make_table(crc_table, 0xedb88320u);
    make_table(crcc_table, 0x82f63b78u);
    check("crc32 table[1]", crc_table[1], 0x77073096);
    check("crc32 table[255]", crc_table[255], 0x2d02ef8d);
    check("crc32c table[1]", crcc_table[1], 0xf26b8303);
    check("crc32 \"123456789\"", crc_with(crc_table, "123456789", 9), 0xcbf43926);
    check("crc32c \"123456789\"", crc_with(crcc_table, "123456789", 9), 0xe3069283);
    check("crc32 buffer", crc_with(crc_table, buf, sizeof buf), 0x71f7cbfd);
    check("crc32c buffer", crc_with(crcc_table, buf, sizeof buf), 0x769205fe);
    check("crc32 odd length", crc_with(crc_table, buf + 3, 1001), 0x96232d92);
    /* the instructions agree with the tables */
    check("crc32 insn = table (buffer)", crc_hw(buf, sizeof buf, 0), crc_with(crc_table, buf, sizeof buf));
    check("crc32c insn = table (buffer)", crc_hw(buf, sizeof buf, 1), crc_with(crcc_table, buf, sizeof buf));
    check("crc32 insn = table (odd)", crc_hw(buf + 3, 1001, 0), crc_with(crc_table, buf + 3, 1001));
    check("crc32 insn \"123456789\"", crc_hw("123456789", 9, 0), 0xcbf43926);
    check("crc32c insn \"123456789\"", crc_hw("123456789", 9, 1), 0xe3069283);

    /* Adler-32 */
    check("adler32 \"Wikipedia\"", adler32("Wikipedia", 9), 0x11e60398);
    check("adler32 buffer", adler32(buf, sizeof buf), 0x7924f56a);

    /* splitmix64 */
    uint64_t state = 0, x = 0, last = 0;
    for (int i = 0; i < 1000; i++) {
        last = splitmix64(&state);
        x ^= last + (x << 6) + (x >> 2);
    }
    uint64_t seed0 = 0;
    check("splitmix64 first of seed 0", splitmix64(&seed0), 0xe220a8397b1dcdafULL);
    check("splitmix64 1000th", last, 0x14e0abb2bfcf7c3eULL);
    check("splitmix64 combined", x, 0x392815cdf28f6d02ULL);

    /* memcpy/memmove/memset/memcmp from lib */
    static uint8_t m1[64], m2[64];
    memset(m1, 0xab, sizeof m1);
    memcpy(m2, buf, sizeof m2);
    memmove(m2 + 1, m2, 63);
    check("memset", fnv1a32(m1, sizeof m1), 0x70338a05);
    check("memmove overlap", fnv1a32(m2, sizeof m2), 0x218476e5);
    check("memcmp equal", memcmp(buf + 1, m2 + 2, 62) == 0, 1);
    check("strlen", strlen("a64emu guest"), 12);
    return tap_done();
}
