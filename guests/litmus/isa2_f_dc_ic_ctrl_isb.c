/*
 * ISA2.F+dc+ic+ctrl-isb - the maintenance split over two threads: T0
 * writes and cleans, T1 invalidates, T2 executes (--smp 3).  Arm: T2
 * executing the OLD code is FORBIDDEN (the clean to the PoU by one PE and
 * the invalidation by another compose, as when a thread migrates in the
 * middle of the sequence; the paper's test).
 *
 *   T0: STR (f := B l1) ; DC CVAU f ; DSB ISH ; STR x = 1
 *   T1: LDR x (until 1) ; DSB ISH ; IC IVAU f ; DSB ISH ; STR y = 1
 *   T2: LDR y (until 1) ; CBNZ/ISB ; BL f
 *
 * Kinds: old (FORBIDDEN), new.  Warm: T2 called f on odd iterations, T1
 * on iterations 2, 3 mod 4, T0 on iterations 4..7 mod 8.
 */
#define LITMUS_NAME  "ISA2.F+dc+ic+ctrl-isb"
#define LITMUS_CPUS  3
#define LITMUS_SITES 1
#define LITMUS_KINDS {"old", "new"}
#include "litmus.h"

static void litmus_warm(unsigned cpu, unsigned it)
{
    if ((cpu == 2 && (it & 1)) || (cpu == 1 && (it & 2)) || (cpu == 0 && (it & 4)))
        warm_site(0);
}

static void litmus_body(unsigned cpu, unsigned it)
{
    (void)it;
    if (cpu == 0) {
        write_site(0, WORD_V1);
        dc_va(cvau, SITE_VA(0));
        dsb(ish);
        X = 1;
    } else if (cpu == 1) {
        if (!spin_nonzero(&X))
            return;
        dsb(ish);
        ic_va(ivau, SITE_VA(0));
        dsb(ish);
        Y = 1;
    } else {
        if (!spin_nonzero(&Y))
            return;
        isb();
        res[2].v[0] = call_site(0);
    }
}

static unsigned litmus_classify(unsigned it)
{
    (void)it;
    if (res[2].v[0] == 0)
        return NKINDS;                  /* timed out: an error, not an outcome */
    return res[2].v[0] == SITE_V1 ? 1 : 0;
}
