/*
 * MP.RF+dc+ctrl-isb-isb - two code writes to one location, cleaned to the
 * PoU (no IC) before a flag; the reader sees the flag and runs the code
 * three times, with an ISB before each (--smp 2).  Arm: the three fetches
 * running the NEW (second write), the MIDDLE (first write) and the ORIGINAL
 * code, in that order, is ALLOWED (without an IC each fetch may come from
 * an I-cache holding any of the writes; the paper's test).
 *
 *   T0: STR (f := B l1) ; STR (f := B l2) ; DSB ISH ; DC CVAU f ; DSB ISH ;
 *       STR flag = 1
 *   T1: LDR flag (until 1) ; CBNZ/ISB ; BL f ; ISB ; BL f ; ISB ; BL f
 *
 * Kinds: a.b.c, each old (original), v1 or v2: v2.v1.old is the allowed,
 * surprising one.  Warm: T1 called f on odd iterations.
 */
#define LITMUS_NAME  "MP.RF+dc+ctrl-isb-isb"
#define LITMUS_CPUS  2
#define LITMUS_SITES 1
#define K3(a) a ".old.old", a ".old.v1", a ".old.v2", a ".v1.old", a ".v1.v1", a ".v1.v2", \
              a ".v2.old", a ".v2.v1", a ".v2.v2"
#define LITMUS_KINDS {K3("old"), K3("v1"), K3("v2")}
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
        write_site(0, WORD_V2);
        dsb(ish);
        dc_va(cvau, SITE_VA(0));
        dsb(ish);
        FLAG = 1;
    } else {
        if (!spin_nonzero(&FLAG))
            return;
        isb();
        uint64_t a = call_site(0);
        isb();
        uint64_t b = call_site(0);
        isb();
        uint64_t c = call_site(0);
        res[1].v[0] = a;
        res[1].v[1] = b;
        res[1].v[2] = c;
    }
}

static unsigned litmus_classify(unsigned it)
{
    (void)it;
    if (res[1].v[0] == 0)
        return NKINDS;                  /* timed out: an error, not an outcome */
    return v_index(res[1].v[0]) * 9 + v_index(res[1].v[1]) * 3 + v_index(res[1].v[2]);
}
