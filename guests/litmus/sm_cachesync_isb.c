/*
 * SM+cachesync-isb - self-modification on one thread with the full
 * sequence (--smp 1).  Arm: old executed is FORBIDDEN (B2.2.5, D7.5.9:
 * DC CVAU, DSB ISH, IC IVAU, DSB ISH, ISB make the new instruction the
 * one fetched).
 *
 *   T0: STR (f := B l1); DC CVAU f; DSB ISH; IC IVAU f; DSB ISH; ISB; BL f
 *
 * Kinds: old (FORBIDDEN), new.  Warm: on odd iterations T0 called f.
 */
#define LITMUS_NAME  "SM+cachesync-isb"
#define LITMUS_CPUS  1
#define LITMUS_SITES 1
#define LITMUS_KINDS {"old", "new"}
#include "litmus.h"

static void litmus_warm(unsigned cpu, unsigned it)
{
    if (cpu == 0 && (it & 1))
        warm_site(0);
}

static void litmus_body(unsigned cpu, unsigned it)
{
    (void)it;
    if (cpu != 0)
        return;
    write_site(0, WORD_V1);
    cachesync(0);
    isb();
    res[0].v[0] = call_site(0);
}

static unsigned litmus_classify(unsigned it)
{
    (void)it;
    return res[0].v[0] == SITE_V1 ? 1 : 0;
}
