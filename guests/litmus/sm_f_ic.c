/*
 * SM.F+ic - a thread writes code; another thread fetches the new code and
 * invalidates the I-caches by VA (IC IVAU, DSB ISH), then tells the writer,
 * which runs the code after an ISB (--smp 2).  There is no DC CVAU.  Arm:
 * the writer executing the OLD code is ALLOWED (T1's fetch of the new code
 * does not bring the write to T0's point of unification: IC IVAU
 * invalidates, it does not clean; the paper's test).
 *
 *   T0: STR (f := B l1) ; LDR flag (until 1) ; CBNZ/ISB ; BL f
 *   T1: BL f ; IC IVAU f ; DSB ISH ; STR flag = 1
 *
 * T1's "BL f" is repeated until it runs the new code (at most FETCH_TRIES
 * times).
 * Kinds: T1.T0 = old.old, old.new (T1 never saw the new code), new.new,
 * new.old (allowed, surprising).  Warm: T1 called f on odd iterations, T0
 * on iterations 2, 3 mod 4.
 */
#define LITMUS_NAME  "SM.F+ic"
#define LITMUS_CPUS  2
#define LITMUS_SITES 1
#define LITMUS_KINDS {"old.old", "old.new", "new.new", "new.old"}
#include "litmus.h"

static void litmus_warm(unsigned cpu, unsigned it)
{
    if ((cpu == 1 && (it & 1)) || (cpu == 0 && (it & 2)))
        warm_site(0);
}

static void litmus_body(unsigned cpu, unsigned it)
{
    (void)it;
    if (cpu == 0) {
        write_site(0, WORD_V1);
        if (!spin_nonzero(&FLAG))
            return;
        isb();
        res[0].v[0] = call_site(0);
    } else {
        res[1].v[0] = fetch_until_new(0);
        ic_va(ivau, SITE_VA(0));
        dsb(ish);
        FLAG = 1;
    }
}

static unsigned litmus_classify(unsigned it)
{
    (void)it;
    if (res[0].v[0] == 0)
        return NKINDS;                  /* timed out: an error, not an outcome */
    int t1 = res[1].v[0] == SITE_V1, t0 = res[0].v[0] == SITE_V1;
    return !t1 ? (t0 ? 1 : 0) : (t0 ? 2 : 3);
}
