/*
 * CoFF - two fetches of one location by one thread, in program order, while
 * another thread writes it (--smp 2).  Arm: the first fetch seeing the new
 * code and the second the old is ALLOWED (fetches are not coherent with
 * each other without a context synchronization; the paper's CoFF).
 *
 *   T0: STR (f := B l1)
 *   T1: BL f ; BL f
 *
 * T1's first "BL f" is repeated until it runs the new code (at most
 * FETCH_TRIES times: the last call is the first fetch of the shape), then
 * the second one follows with nothing in between but the return.
 * Kinds: old.old (the first never saw the new code, second old),
 * old.new, new.new, new.old (allowed: the surprising one).
 * Warm: on odd iterations T1 called f before.
 */
#define LITMUS_NAME  "CoFF"
#define LITMUS_CPUS  2
#define LITMUS_SITES 1
#define LITMUS_KINDS {"old.old", "old.new", "new.new", "new.old"}
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
        uint64_t a = fetch_until_new(0);
        uint64_t b = call_site(0);
        res[1].v[0] = a;
        res[1].v[1] = b;
    }
}

static unsigned litmus_classify(unsigned it)
{
    (void)it;
    int a = res[1].v[0] == SITE_V1, b = res[1].v[1] == SITE_V1;
    return !a ? (b ? 1 : 0) : (b ? 2 : 3);
}
