/*
 * FOW - two code writes to one location, then IC IVAU (no DC CVAU) and a
 * flag; two readers see the flag and run the code (--smp 3).  Arm: T1
 * running the FIRST write's code while T2 runs the ORIGINAL code is ALLOWED
 * (without a clean to the PoU a fetch may see any of the writes still in
 * the data caches, or memory; the paper's test).
 *
 *   T0: STR (f := B l1) ; STR (f := B l2) ; DSB ISH ; IC IVAU f ; DSB ISH ;
 *       STR flag = 1
 *   T1: LDR flag (until 1) ; CBNZ/ISB ; BL f
 *   T2: LDR flag (until 1) ; CBNZ/ISB ; BL f
 *
 * Kinds: T1.T2, each old (original), v1 (first write) or v2 (second):
 * v1.old is the allowed, surprising one (old.v1 is its mirror image).
 * Warm: T1 called f on odd iterations, T2 on iterations 2, 3 mod 4.
 */
#define LITMUS_NAME  "FOW"
#define LITMUS_CPUS  3
#define LITMUS_SITES 1
#define LITMUS_KINDS {"old.old", "old.v1", "old.v2", "v1.old", "v1.v1", "v1.v2", "v2.old", "v2.v1", "v2.v2"}
#include "litmus.h"

static void litmus_warm(unsigned cpu, unsigned it)
{
    if ((cpu == 1 && (it & 1)) || (cpu == 2 && (it & 2)))
        warm_site(0);
}

static void litmus_body(unsigned cpu, unsigned it)
{
    (void)it;
    if (cpu == 0) {
        write_site(0, WORD_V1);
        write_site(0, WORD_V2);
        dsb(ish);
        ic_va(ivau, SITE_VA(0));
        dsb(ish);
        FLAG = 1;
    } else {
        if (!spin_nonzero(&FLAG))
            return;
        isb();
        res[cpu].v[0] = call_site(0);
    }
}

static unsigned litmus_classify(unsigned it)
{
    (void)it;
    if (res[1].v[0] == 0 || res[2].v[0] == 0)
        return NKINDS;                  /* timed out: an error, not an outcome */
    return v_index(res[1].v[0]) * 3 + v_index(res[2].v[0]);
}
