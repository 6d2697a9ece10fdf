/*
 * MP.FF+cachesync+fpo - two code writes, the first one made visible to
 * instruction fetches (DC CVAU, DSB, IC IVAU, DSB) before the second is
 * written; the reader fetches them in the other order with no ISB between
 * (--smp 2).  Arm: the reader running the NEW f2 and then the OLD f1 is
 * FORBIDDEN (the paper's test: it reports the anomaly on some hardware,
 * under Arm's investigation).
 *
 *   T0: STR (f1 := B l1) ; DC CVAU f1 ; DSB ISH ; IC IVAU f1 ; DSB ISH ;
 *       STR (f2 := B l1)
 *   T1: BL f2 ; BL f1
 *
 * T1's "BL f2" is repeated until it runs the new code (at most FETCH_TRIES
 * times), then f1 is called.
 * Kinds: f2old.f1old, f2old.f1new, f2new.f1new, f2new.f1old (FORBIDDEN).
 * Warm: T1 called f1 on odd iterations, f2 on iterations 2, 3 mod 4.
 */
#define LITMUS_NAME  "MP.FF+cachesync+fpo"
#define LITMUS_CPUS  2
#define LITMUS_SITES 2
#define LITMUS_KINDS {"f2old.f1old", "f2old.f1new", "f2new.f1new", "f2new.f1old"}
#include "litmus.h"

#define F1 0
#define F2 1

static void litmus_warm(unsigned cpu, unsigned it)
{
    if (cpu != 1)
        return;
    if (it & 1)
        warm_site(F1);
    if (it & 2)
        warm_site(F2);
}

static void litmus_body(unsigned cpu, unsigned it)
{
    (void)it;
    if (cpu == 0) {
        write_site(F1, WORD_V1);
        cachesync(F1);
        write_site(F2, WORD_V1);
    } else {
        uint64_t a = fetch_until_new(F2);
        uint64_t b = call_site(F1);
        res[1].v[0] = a;
        res[1].v[1] = b;
    }
}

static unsigned litmus_classify(unsigned it)
{
    (void)it;
    int f2 = res[1].v[0] == SITE_V1, f1 = res[1].v[1] == SITE_V1;
    return !f2 ? (f1 ? 1 : 0) : (f1 ? 2 : 3);
}
