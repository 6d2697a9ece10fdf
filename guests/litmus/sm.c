/*
 * SM - self-modification on one thread with no maintenance at all
 * (--smp 1).  Arm: old executed is ALLOWED (B2.2.5: without the
 * maintenance sequence the fetch may see the old instruction; the paper's
 * test SM).
 *
 *   T0: STR (f := B l1)   ; BL f
 *
 * Kinds: old (the original code ran: allowed, the cache model's stale
 * I-cache or a store still above the point of unification), new.
 * Warm: on odd iterations T0 called f before (its I-cache may hold it).
 */
#define LITMUS_NAME  "SM"
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
    res[0].v[0] = call_site(0);
}

static unsigned litmus_classify(unsigned it)
{
    (void)it;
    return res[0].v[0] == SITE_V1 ? 1 : 0;
}
