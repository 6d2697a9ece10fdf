/*
 * MP.RF+dmb+ctrl-isb - message passing from a code write to a fetch, with
 * only a DMB on the writer (--smp 2).  Arm: the reader executing the OLD
 * code after it saw the flag is ALLOWED (without DC CVAU / IC IVAU nothing
 * makes the write visible to instruction fetches; the paper's test).
 *
 *   T0: STR (f := B l1) ; DMB ISH ; STR flag = 1
 *   T1: LDR flag (until 1) ; CBNZ/ISB ; BL f
 *
 * Kinds: old (allowed, surprising), new.  Warm: on odd iterations T1
 * called f.
 */
#define LITMUS_NAME  "MP.RF+dmb+ctrl-isb"
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
        dmb(ish);
        FLAG = 1;
    } else {
        if (!spin_nonzero(&FLAG))
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
