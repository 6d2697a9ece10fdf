/*
 * string.c - byte-at-a-time implementations (the MMU is off, so all memory
 * is Device memory and unaligned accesses would fault): 8 bytes at a time when
 * everything is 8-byte aligned, else a byte at a time.
 * Built with -fno-builtin so that clang does not turn these loops into calls
 * to themselves.
 */
#include "string.h"

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    if ((((unsigned long)d | n) & 7) == 0) {       /* aligned: 8 bytes a time */
        unsigned long v = (unsigned char)c * 0x0101010101010101UL;
        unsigned long *w = (unsigned long *)d;
        for (; n; n -= 8)
            *w++ = v;
        return dst;
    }
    while (n--)
        *d++ = (unsigned char)c;
    return dst;
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if ((((unsigned long)d | (unsigned long)s | n) & 7) == 0) {
        unsigned long *wd = (unsigned long *)d;
        const unsigned long *ws = (const unsigned long *)s;
        for (; n; n -= 8)
            *wd++ = *ws++;
        return dst;
    }
    while (n--)
        *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d == s || n == 0)
        return dst;
    if (d < s) {
        while (n--)
            *d++ = *s++;
    } else {
        d += n;
        s += n;
        while (n--)
            *--d = *--s;
    }
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;
    for (; n; n--, p++, q++)
        if (*p != *q)
            return *p < *q ? -1 : 1;
    return 0;
}

size_t strlen(const char *s)
{
    const char *p = s;
    while (*p)
        p++;
    return (size_t)(p - s);
}

int strcmp(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char)*a - (unsigned char)*b;
}
