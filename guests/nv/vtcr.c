/*
 * vtcr - the L1 hypervisor (nv.h) changes the shape of its L2's stage 2
 * while the L2 waits in a hypercall: a new VTCR_EL2 (T0SZ, starting level,
 * concatenation) with a rebuilt table under the same VMID, then TLBI
 * VMALLS12E1IS; the L2 must read through the new tables.  Boots at EL2
 * (--el 2).
 *
 * Rules (Arm ARM DDI 0487):
 *  - VTCR_EL2 (D24.2): T0SZ gives the IPA size 64 - T0SZ; with TG0 = 4KB,
 *    SL0 = 0b01 starts the walk at level 1 and 0b00 at level 2; the initial
 *    lookup level resolves the top bits and, when they are more than one
 *    table's 9 bits, uses concatenated tables (D8.2 "Concatenated
 *    translation tables for the initial stage 2 lookup", at most 16):
 *      config 1: T0SZ 24 (40-bit IPA), level 1: 2 concatenated tables
 *      config 2: T0SZ 32 (32-bit IPA), level 2: 4 concatenated tables
 *      config 3: T0SZ 25 (39-bit IPA), level 1: one table
 *  - D8.17 (TLB maintenance requirements, fields held in the TLB): the
 *    VTCR_EL2 fields may be cached in TLB entries, and a VMID reused with
 *    other tables may hit old entries: after changing VTCR_EL2 and
 *    VTTBR_EL2.BADDR for the same VMID, TLBI VMALLS12E1IS (all stage 1 and
 *    stage 2 entries of the current VMID), DSB ISH and ISB are required
 *    before the new tables are relied on.
 */
#include "nv.h"

static struct vm cfg[4];
#define G NV_IPA(0)

/* config i maps G to page want[i] */
static const unsigned want[] = { 0xA, 0xC, 0xE, 0xB };
static const unsigned next[] = { 1, 2, 0 };     /* round r's step loads config next[r] */
static uint64_t vtcr_seen[4];

static void switch_cfg(struct vm *vm)
{
    vm_load(vm);                /* VTCR_EL2, VTTBR_EL2 (same VMID), ISB */
    tlbi(vmalls12e1is);
    dsb(ish);
    isb();
}

static int step(unsigned round)
{
    vtcr_seen[round] = read_sysreg(vtcr_el2);
    if (round >= 3)
        return 0;
    if (round == 2) {
        /* config 1 again, G now mapped to B (config 1 is not in use) */
        *vm_pte(&cfg[0], G, 3) = mmu_leaf(nv_page(0xB), S2_NORMAL, 3);
        dsb(ish);
    }
    switch_cfg(&cfg[next[round]]);
    return 1;
}

int main(void)
{
    if (!nv_start())
        return tap_done();
    vm_init(&cfg[0], 1, 40, 1);
    vm_init(&cfg[1], 1, 32, 2);
    vm_init(&cfg[2], 1, 39, 1);
    vm_map(&cfg[0], G, 0xA);
    vm_map(&cfg[1], G, 0xC);
    vm_map(&cfg[2], G, 0xE);

    uint64_t r = l2_run(&cfg[0], G, step);
    static const char *what[] = {
        "config 1 (T0SZ 24, level 1, 2 concatenated tables)",
        "config 2 (T0SZ 32, level 2, 4 concatenated tables) after VMALLS12E1IS",
        "config 3 (T0SZ 25, level 1, one table) after VMALLS12E1IS",
        "config 1 again, its table now mapping page B, after VMALLS12E1IS",
    };
    static const unsigned cfg_of_round[] = { 0, 1, 2, 0 };
    for (unsigned i = 0; i < 4; i++) {
        check(NAME("round %u, %s: L2 reads page %X", i, what[i], want[i]), nv_obs[i].seen, NV_PAT(want[i]));
        check(NAME("round %u: VTCR_EL2 held config %u's value", i, cfg_of_round[i] + 1), vtcr_seen[i],
              cfg[cfg_of_round[i]].vtcr);
    }
    check("4 rounds, each L2 load equals the L1's walk of the tables in use (HVC 1), exit value = last load",
          nv_rounds_consistent(4, r), 1);

    /* the same VMID and config 2 once more, from a fresh L2 run */
    switch_cfg(&cfg[1]);
    check("config 2 from a new L2 run: page C", l2_read_once(&cfg[1], G), NV_PAT(0xC));
    return nv_done();
}
