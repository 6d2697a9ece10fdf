/*
 * vm_caches_on - a guest's usual boot: data written with the MMU and
 * caches off, then the MMU and caches turned on, then more data, then the
 * caches turned off again (an ordinary VM test: no seed bug).
 *
 * Scenario (1 vCPU):
 *  1. MMU off: the guest writes DATA_PAGES pages of its .bss (present in
 *     the image, so loaded and cleaned by the hypervisor's loader) and two
 *     scratch pages (not in the image: the first access maps them) with a
 *     pattern A (Device stores: memory).
 *  2. It builds its identity map and turns the MMU and caches on (Normal
 *     Write-Back); it reads pattern A back everywhere.
 *  3. It writes pattern B (cacheable) and reads it back.
 *  4. It turns the MMU and caches off the careful way (mmu_el1_off: DC
 *     CIVAC of the image before and after the SCTLR_EL1 write) after
 *     cleaning the scratch pages to the PoC, and reads pattern B with the
 *     MMU off (from memory).
 *
 * Rules: D8.2.12.1 (M = 0: Device accesses to memory), D7.5.5 (enabling
 * the caches), B2.11 (the data the guest wrote non-cacheably must not be
 * hidden by stale cached copies of the same locations: the hypervisor
 * must not leave any - it wrote the image through its cacheable mapping -
 * which its seed-002 fixes ensure); DC CVAC / CIVAC make cacheable writes
 * visible to non-cacheable reads (D7.5.9).
 *
 * Expected (TAP, 7 checks): all ok, exit 0, with every fix on and with any
 * one of them off (each of the two seed-002 fixes covers for the other
 * here), and on QEMU.  With both clean-on-fault-when-caches-off and
 * trap-vm-regs-until-caches-on off, even the guest's page tables are hidden
 * by the loader's stale clean lines: the first access with the MMU on takes
 * a translation fault ("Bail out!", exit 1).
 */
#include "common.h"

#define DATA_PAGES  4u
#define WORDS       (PAGE_SIZE / 8)
#define PAT_A(i)    (0xA000000000000000ull | (uint64_t)(i))
#define PAT_B(i)    (0xB000000000000000ull | (uint64_t)(i))

static volatile uint64_t data[DATA_PAGES][WORDS] __attribute__((aligned(4096)));

static void write_all(int b)
{
    for (unsigned p = 0; p < DATA_PAGES; p++)
        for (unsigned i = 0; i < WORDS; i++)
            data[p][i] = b ? PAT_B(p * WORDS + i) : PAT_A(p * WORDS + i);
    for (unsigned p = 0; p < 2; p++) {
        volatile uint64_t *w = (volatile uint64_t *)scratch(p);
        for (unsigned i = 0; i < WORDS; i++)
            w[i] = b ? PAT_B(0x10000 + p * WORDS + i) : PAT_A(0x10000 + p * WORDS + i);
    }
    dsb(sy);
}

/* The first word that differs from the pattern, as a (value ^ expected)
 * marker: 0 when everything matches. */
static uint64_t first_bad(int b, int scratch_pages)
{
    if (!scratch_pages) {
        for (unsigned p = 0; p < DATA_PAGES; p++)
            for (unsigned i = 0; i < WORDS; i++) {
                uint64_t want = b ? PAT_B(p * WORDS + i) : PAT_A(p * WORDS + i);
                if (data[p][i] != want)
                    return data[p][i];
            }
        return 0;
    }
    for (unsigned p = 0; p < 2; p++) {
        volatile uint64_t *w = (volatile uint64_t *)scratch(p);
        for (unsigned i = 0; i < WORDS; i++) {
            uint64_t want = b ? PAT_B(0x10000 + p * WORDS + i) : PAT_A(0x10000 + p * WORDS + i);
            if (w[i] != want)
                return w[i];
        }
    }
    return 0;
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)(uintptr_t)vectors_el1);
    check("boots with SCTLR_EL1.M = C = I = 0", read_sysreg(sctlr_el1) & (SCTLR_M | SCTLR_C | SCTLR_I), 0);
    write_all(0);
    identity_build(&space);
    mmu_on_ttbr(mmu_root(&space));
    check("MMU and caches on", read_sysreg(sctlr_el1) & (SCTLR_M | SCTLR_C | SCTLR_I),
          SCTLR_M | SCTLR_C | SCTLR_I);
    check("caches on: .bss written with the caches off reads back (0 = no word differs)", first_bad(0, 0), 0);
    check("caches on: scratch pages written with the caches off read back", first_bad(0, 1), 0);
    write_all(1);
    check("caches on: new data written with the caches on reads back", first_bad(1, 0) | first_bad(1, 1), 0);
    dcache_clean_inval_poc(scratch(0), scratch(2));
    mmu_el1_off();
    check("caches off again (after DC CIVAC): .bss reads the data written with the caches on",
          first_bad(1, 0), 0);
    check("caches off again: scratch pages read the data written with the caches on", first_bad(1, 1), 0);
    return tap_done();
}
