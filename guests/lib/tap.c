/* tap.c - TAP output for guests (see tap.h). */
#include "tap.h"
#include "printf.h"

static unsigned tests;
static unsigned failures;

/* the description, with '#' escaped as TAP requires */
static void print_name(const char *name)
{
    for (; *name; name++) {
        if (*name == '#')
            putchar('\\');
        putchar(*name);
    }
}

int check(const char *name, uint64_t got, uint64_t expected)
{
    tests++;
    if (got == expected) {
        printf("ok %u - ", tests);
        print_name(name);
        putchar('\n');
        return 1;
    }
    failures++;
    printf("not ok %u - ", tests);
    print_name(name);
    printf(" # got 0x%llx expected 0x%llx\n",
           (unsigned long long)got, (unsigned long long)expected);
    return 0;
}

int check_true(const char *name, int cond)
{
    return check(name, cond != 0, 1);
}

void tap_skip(const char *name, const char *reason)
{
    tests++;
    printf("ok %u - ", tests);
    print_name(name);
    printf(" # SKIP %s\n", reason);
}

void tap_note(const char *text)
{
    printf("# %s\n", text);
}

int tap_done(void)
{
    printf("1..%u\n", tests);
    return failures ? 1 : 0;
}

unsigned tap_count(void)
{
    return tests;
}

unsigned tap_failures(void)
{
    return failures;
}
