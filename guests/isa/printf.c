/*
 * printf.c - compiled-code test (built at -O0 and at -O2) of the guest
 * library's formatted output (lib/printf.c, through snprintf): every
 * conversion, width, zero padding, left justification, the length
 * modifiers, truncation and the return value.  Division by 10 and 16,
 * sign handling and varargs make it a decent compiled-code workout too.
 */
#include <stdint.h>
#include "printf.h"
#include "string.h"
#include "tap.h"

static char out[128];

static void expect(const char *name, int ret, const char *want)
{
    int ok = strcmp(out, want) == 0;
    if (!ok)
        printf("# %s: got \"%s\" expected \"%s\"\n", name, out, want);
    check(name, (uint64_t)ok, 1);
    char n2[64];
    snprintf(n2, sizeof n2, "%s length", name);
    check(n2, (uint64_t)(int64_t)ret, strlen(want));
}

#define T(name, want, ...) expect(name, snprintf(out, sizeof out, __VA_ARGS__), want)

int main(void)
{
    T("%d positive", "42", "%d", 42);
    T("%d negative", "-42", "%d", -42);
    T("%d zero", "0", "%d", 0);
    T("%d INT_MIN", "-2147483648", "%d", (int)0x80000000u);
    T("%i", "7", "%i", 7);
    T("%u", "4294967295", "%u", 0xffffffffu);
    T("%x", "deadbeef", "%x", 0xdeadbeefu);
    T("%X", "DEADBEEF", "%X", 0xdeadbeefu);
    T("%o", "777", "%o", 0777);
    T("%ld", "-9223372036854775808", "%ld", (long)INT64_MIN);
    T("%lu", "18446744073709551615", "%lu", (unsigned long)UINT64_MAX);
    T("%lld", "-1", "%lld", -1LL);
    T("%llx", "123456789abcdef0", "%llx", 0x123456789abcdef0ULL);
    T("%lx", "ffffffffffffffff", "%lx", (unsigned long)-1);
    T("%zu", "12", "%zu", sizeof(int) * 3);
    T("%hd", "5", "%hd", (short)5);
    T("%c", "A", "%c", 'A');
    T("%s", "hello", "%s", "hello");
    T("%s null", "(null)", "%s", (char *)0);
    T("%%", "100%", "%d%%", 100);
    T("%p", "0x40080000", "%p", (void *)0x40080000);
    T("width", "   42", "%5d", 42);
    T("width smaller", "123456", "%3d", 123456);
    T("zero pad", "00042", "%05d", 42);
    T("zero pad negative", "-0042", "%05d", -42);
    T("zero pad hex", "000000ff", "%08x", 255);
    T("zero pad llx", "00000000deadbeef", "%016llx", 0xdeadbeefULL);
    T("left", "42   |", "%-5d|", 42);
    T("left string", "ab   |", "%-5s|", "ab");
    T("right string", "   ab", "%5s", "ab");
    T("star width", "    7", "%*d", 5, 7);
    T("negative star = left", "7    |", "%*d|", -5, 7);
    T("char width", "  x", "%3c", 'x');
    T("mixed", "a=1 b=-2 c=ff d=str e=%", "a=%d b=%d c=%x d=%s e=%%", 1, -2, 255, "str");
    T("many args", "1 2 3 4 5 6 7 8 9 10", "%d %d %d %d %d %d %d %d %d %d",
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    T("many 64-bit args", "1 2 3 4 5 6 7 8 9", "%ld %ld %ld %ld %ld %ld %ld %ld %ld",
      1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    T("empty", "", "%s", "");

    /* truncation: the return value is the full length, the buffer is
       always terminated */
    char small[8];
    int n = snprintf(small, sizeof small, "%s", "0123456789");
    check("truncated return", (uint64_t)n, 10);
    check("truncated content", strcmp(small, "0123456") == 0, 1);
    n = snprintf(small, 1, "%d", 12345);
    check("size 1 return", (uint64_t)n, 5);
    check("size 1 content", small[0] == 0, 1);
    n = snprintf((char *)0, 0, "%d", -12345);
    check("size 0 counts only", (uint64_t)n, 6);
    return tap_done();
}
