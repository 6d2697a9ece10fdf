/*
 * CoRF+ctrl-isb - a data read sees the new instruction word, then (control
 * dependency, ISB) the thread calls it (--smp 2, no maintenance).  Arm:
 * executing the OLD code is ALLOWED (the write may be in the data caches
 * only: no DC CVAU / IC IVAU, so the fetch may still come from a stale
 * I-cache or from below the data caches; the paper's CoRF+ctrl-isb).
 *
 *   T0: STR (f := B l1)
 *   T1: LDR W, [f] (until it reads B l1) ; CBNZ/ISB ; BL f
 *
 * Kinds: old (allowed, surprising), new.  Warm: on odd iterations T1
 * called f.
 */
#define LITMUS_NAME  "CoRF+ctrl-isb"
#define LITMUS_CPUS  2
#define LITMUS_SITES 1
#define LITMUS_KINDS {"old", "new"}
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
        if (!spin_word(0, WORD_V1))
            return;
        isb();
        res[1].v[0] = call_site(0);
    }
}

static unsigned litmus_classify(unsigned it)
{
    (void)it;
    if (res[1].v[0] == 0)
        return NKINDS;                  /* timed out: an error, not an outcome */
    return res[1].v[0] == SITE_V1 ? 1 : 0;
}
