/*
 * bench.h - what the benchmark guests of guests/bench share (include it in
 * exactly one C file of a guest: it defines static data).
 *
 *  - bench_mmu_build(): the guests' usual EL1&0 identity map
 *    (mmu_map_identity: 4K pages over the image, 2 MiB blocks from the first
 *    2 MiB boundary after it to 128 MiB, the PL011 page), tables from a pool
 *    of BENCH_PT_POOL bytes (define it before including this file for a
 *    large image: 16 KiB of tables per 8 MiB mapped with pages).  Built with
 *    the MMU off, so the tables reach memory with plain stores.
 *  - bench_mmu_on(): on the calling CPU, MAIR_EL1 = MAIR_DEFAULT, TCR_EL1
 *    (39-bit VAs, 4K granule, Write-Back Inner Shareable walks, no TTBR1
 *    walks), TTBR0_EL1 = the identity map, TLBI VMALLE1 (a CPU's bring-up:
 *    its own TLB), DSB NSH, ISB, then SCTLR_EL1.M = C = I = 1, ISB: memory
 *    is then Normal Write-Back (unaligned accesses allowed, data through the
 *    caches), as compute-mmu.elf runs.  Every CPU calls it once.
 *  - mix64(x): a 64-bit finaliser (SplitMix64's) for result hashes.
 */
#ifndef BENCH_BENCH_H
#define BENCH_BENCH_H

#include <stdint.h>
#include "mmu.h"
#include "cache.h"
#include "sysreg.h"

#ifndef BENCH_PT_POOL
#define BENCH_PT_POOL (64 << 10)
#endif

/* unused: a guest that never builds the map gets neither (-O2 drops them) */
static uint8_t bench_pt_pool[BENCH_PT_POOL] __attribute__((aligned(4096), unused));
static struct mmu_space bench_space __attribute__((unused));

static __attribute__((unused)) void bench_mmu_build(void)
{
    mmu_pool_init(bench_pt_pool, sizeof bench_pt_pool);
    mmu_space_init(&bench_space, MMU_G4K, 39, 1);
    mmu_map_identity(&bench_space, MMU_REGIME_EL10, RAM_END_128M);
}

static __attribute__((unused)) void bench_mmu_on(void)
{
    cache_mmu_on_el1(&bench_space);
}

static inline uint64_t mix64(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

#endif
