/*
 * CoFR - a fetch of the new code, then a data read of the same location
 * (--smp 2).  Arm: the read returning the OLD instruction word after the
 * fetch ran the new one is FORBIDDEN (a fetch cannot see a write that data
 * reads po-after it no longer see; the paper's CoFR).
 *
 *   T0: STR (f := B l1)
 *   T1: BL f ; LDR W, [f]
 *
 * T1's "BL f" is repeated until it runs the new code (at most FETCH_TRIES
 * times), then the load follows.
 * Kinds: fold.lold, fold.lnew (fetch never saw the new code), fnew.lnew,
 * fnew.lold (FORBIDDEN).  Warm: on odd iterations T1 called f.
 */
#define LITMUS_NAME  "CoFR"
#define LITMUS_CPUS  2
#define LITMUS_SITES 1
#define LITMUS_KINDS {"fold.lold", "fold.lnew", "fnew.lnew", "fnew.lold"}
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
        write_site(0, WORD_V1);
    } else {
        uint64_t a = fetch_until_new(0);
        uint32_t w = *SITE_WORD(0);
        res[1].v[0] = a;
        res[1].v[1] = w;
    }
}

static unsigned litmus_classify(unsigned it)
{
    (void)it;
    int f = res[1].v[0] == SITE_V1, l = res[1].v[1] == WORD_V1;
    return !f ? (l ? 1 : 0) : (l ? 2 : 3);
}
