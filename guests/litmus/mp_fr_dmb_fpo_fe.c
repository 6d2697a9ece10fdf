/*
 * MP.FR+dmb+fpo-fe - message passing from a data write to a data read,
 * through a fetch: the writer's code write is the flag (--smp 2).  Arm: the
 * reader running the NEW code and then reading x == 0 is FORBIDDEN (the
 * fetch is ordered before the po-later read: fpo; fe; the paper's test).
 *
 *   T0: STR x = 1 ; DMB ISH ; STR (f := B l1)
 *   T1: BL f ; LDR x
 *
 * T1's "BL f" is repeated until it runs the new code (at most FETCH_TRIES
 * times), then the read of x follows.
 * Kinds: old.x0, old.x1 (the fetch never saw the new code), new.x1,
 * new.x0 (FORBIDDEN).  Warm: on odd iterations T1 called f.
 */
#define LITMUS_NAME  "MP.FR+dmb+fpo-fe"
#define LITMUS_CPUS  2
#define LITMUS_SITES 1
#define LITMUS_KINDS {"old.x0", "old.x1", "new.x1", "new.x0"}
#include "litmus.h"

static void litmus_warm(unsigned cpu, unsigned it)
{
    if (cpu == 1 && (it & 1))
        warm_site(0);
}

static void litmus_body(unsigned cpu, unsigned it)
{
    (void)it;
    if (cpu == 0) {
        X = 1;
        dmb(ish);
        write_site(0, WORD_V1);
    } else {
        uint64_t a = fetch_until_new(0);
        uint64_t x = X;
        res[1].v[0] = a;
        res[1].v[1] = x;
    }
}

static unsigned litmus_classify(unsigned it)
{
    (void)it;
    int f = res[1].v[0] == SITE_V1, x = res[1].v[1] == 1;
    return !f ? (x ? 1 : 0) : (x ? 2 : 3);
}
