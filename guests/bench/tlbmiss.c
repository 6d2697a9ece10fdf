/*
 * tlbmiss.c - pointer chasing over a 64 MiB buffer mapped with 4K pages, so
 * that nearly every step misses in the TLB (a64emu's default TLB has 4096
 * entries: 16 MiB of 4K pages, a quarter of the buffer).
 *
 * The buffer is in .bss, so bench.h's identity map covers it with 4K pages
 * (mmu_map_identity maps the whole image with pages): 16384 pages, one
 * 16-byte node per page at a pseudo-random 64-byte line of it.  The nodes
 * form one cycle in a pseudo-random order (Sattolo's shuffle of the page
 * numbers with an LCG); node k of the cycle holds its position k.  The
 * walk follows `next` for CYCLES * 16384 steps from the node at position
 * 0, checks at every step that the position it reads is the one it expects
 * (0, 1, ..., 16383, 0, ...) and adds 1 to the node's visit count (a store
 * to the same random page).  At the end every node must have been visited
 * exactly CYCLES times and the walk must be back at position 0.  Nothing
 * here needs a model: a wrong load, a store that went to the wrong page or
 * a stale translation breaks the sequence.  The MMU and caches are on
 * (Normal Write-Back), so --cache-model on also misses in the data caches.
 *
 *   default:  CYCLES = 128, about 43 million instructions (2.1 million steps)
 *   -DSMALL:  CYCLES = 40,  about 26 million
 * (a64emu's counter, --stats: about 180,000 per cycle, 11 per step, plus
 * about 19 million before the walk, 17 million of them crt0 zeroing .bss)
 */
#include <stdint.h>
#define BENCH_PT_POOL (256 << 10)   /* 33 level-3 tables for the 64 MiB */
#include "bench.h"
#include "exceptions.h"
#include "printf.h"

#ifdef SMALL
#define CYCLES 40u
#else
#define CYCLES 128u
#endif

#define PAGE    4096u
#define NPAGES  16384u              /* 64 MiB */

struct node {
    struct node *next;
    uint32_t position;
    uint32_t visits;
};

static uint8_t buffer[NPAGES * PAGE] __attribute__((aligned(PAGE)));
static uint32_t order[NPAGES];

static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint32_t rng_next(void)
{
    rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(rng_state >> 32);
}

static struct node *node_of(uint32_t page)
{
    uint32_t line = (page * 2654435761u) >> 26;     /* 0..63 */
    return (struct node *)(buffer + (uint64_t)page * PAGE + line * 64u);
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)(uintptr_t)vectors_el1);
    bench_mmu_build();
    bench_mmu_on();

    /* Sattolo's algorithm: a uniformly random single cycle */
    for (uint32_t i = 0; i < NPAGES; i++)
        order[i] = i;
    for (uint32_t i = NPAGES - 1; i > 0; i--) {
        uint32_t j = rng_next() % i;
        uint32_t t = order[i];
        order[i] = order[j];
        order[j] = t;
    }
    for (uint32_t k = 0; k < NPAGES; k++) {
        struct node *n = node_of(order[k]);
        n->next = node_of(order[(k + 1) % NPAGES]);
        n->position = k;
        n->visits = 0;
    }

    struct node *p = node_of(order[0]);
    uint32_t expect = 0, wrong = 0;
    for (uint64_t step = 0; step < (uint64_t)CYCLES * NPAGES; step++) {
        wrong += p->position != expect;
        p->visits++;
        expect = expect + 1 == NPAGES ? 0 : expect + 1;
        p = p->next;
    }

    uint32_t bad_visits = 0;
    for (uint32_t k = 0; k < NPAGES; k++)
        bad_visits += node_of(k)->visits != CYCLES;
    int back = p == node_of(order[0]);
    int ok = wrong == 0 && bad_visits == 0 && back;

    printf("bench tlbmiss: %u cycles of %u pages (%u MiB)\n", (unsigned)CYCLES, (unsigned)NPAGES,
           (unsigned)(NPAGES * PAGE >> 20));
    printf("wrong positions %u, wrong visit counts %u, back at the start: %s\n",
           (unsigned)wrong, (unsigned)bad_visits, back ? "yes" : "no");
    printf("%s\n", ok ? "bench tlbmiss: ok" : "bench tlbmiss: MISMATCH");
    return ok ? 0 : 1;
}
