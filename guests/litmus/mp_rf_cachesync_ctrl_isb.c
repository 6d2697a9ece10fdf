/*
 * MP.RF+cachesync+ctrl-isb - message passing from a code write to a fetch,
 * the writer doing the whole maintenance before the flag (--smp 2).  Arm:
 * the reader executing the OLD code after it saw the flag is FORBIDDEN
 * (B2.2.5, D7.5.9: the IC IVAU is broadcast and complete at the writer's
 * DSB ISH; the reader's ISB after the control dependency refetches; the
 * paper reports one Snapdragon 820 that violated it, a hardware bug).
 *
 *   T0: STR (f := B l1) ; DC CVAU f ; DSB ISH ; IC IVAU f ; DSB ISH ;
 *       STR flag = 1
 *   T1: LDR flag (until 1) ; CBNZ/ISB ; BL f
 *
 * Kinds: old (FORBIDDEN), new.  Warm: on odd iterations T1 called f, on
 * iterations 2, 3 mod 4 T0 did.
 */
#define LITMUS_NAME  "MP.RF+cachesync+ctrl-isb"
#define LITMUS_CPUS  2
#define LITMUS_SITES 1
#define LITMUS_KINDS {"old", "new"}
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
        cachesync(0);
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
