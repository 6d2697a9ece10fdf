/*
 * smc - self-modifying code done right: instructions written as data run
 * as soon as the architected sequence has made them visible to
 * instruction fetch (boots at EL1; run with every --icache-policy and
 * every permitted --idc/--dic pair: the result must never depend on them).
 *
 * Rules (Arm ARM DDI 0487):
 *  - B2.2.5 and D7.5.9: to execute instructions written by data stores, a
 *    PE cleans the data cache to the PoU (DC CVAU, or any clean that
 *    reaches at least the PoU: DC CIVAC reaches the PoC, beyond it), DSB,
 *    invalidates the instruction cache to the PoU (IC IVAU by VA, or IC
 *    IALLU / IC IALLUIS), DSB, and ISB before the new instructions are
 *    fetched.  Once the DSB completes the invalidation and the ISB is
 *    executed, the fetch must return the new instructions, whatever
 *    CTR_EL0.IDC/DIC say (the sequence is sufficient for every value).
 *  - CTR_EL0.IminLine / DminLine give the smallest line of the instruction
 *    / data caches: loops by VA step by them (D24.2.42).  The long function
 *    below always spans four instruction-cache lines, starting 8 bytes
 *    before a line boundary.
 *  - D8.18.2 (instruction caches): PIPT: maintenance by VA reaches every
 *    VA alias; VIPT: it reaches only the VA given, so when the code runs
 *    through an alias, IC IVAU is given that (executing) VA; the data side
 *    behaves as PIPT (D8.18.1), so DC CVAU may use the writing alias.
 *  - CTR_EL0.L1Ip is never 0b01 (AIVIVT, reserved since Armv8.0).
 * Layout of the code window (common.h): F at +0 (MOVZ X0, #v; RET), the
 * long function at +0x1000 + IminLine bytes - 8, G at +0x3000, also mapped
 * read-only and executable at ALIAS_VA (bits 13:12 of the alias differ
 * from those of the PA, so a VIPT cache with ways over 4KB indexes the two
 * differently).
 */
#include "common.h"

#define ALIAS_VA    0x80000000ull

static char name[200];
#define NAME(...) (snprintf(name, sizeof name, __VA_ARGS__), name)

int main(void)
{
    el1_identity_build();
    *mmu_pte(&space, ALIAS_VA, 3) = mmu_leaf(CODE_VA(0x3000), PTE_NORMAL | PTE_AP_RO_EL1 | PTE_UXN, 3);
    cache_mmu_on_el1(&space);

    check("CTR_EL0.L1Ip is not AIVIVT (0b01)", CTR_L1IP(read_sysreg(ctr_el0)) != L1IP_AIVIVT, 1);

    /* ---- F: one line, rewritten again and again ---- */
    volatile uint32_t *f = CODE_PTR(0);
    uintptr_t fva = CODE_VA(0);
    static const char *const how[] = {
        "DC CVAU, DSB ISH, IC IVAU, DSB ISH, ISB",
        "DC CVAU, DSB ISH, IC IALLU, DSB ISH, ISB",
        "DC CVAU, DSB ISH, IC IALLUIS, DSB ISH, ISB",
        "DC CIVAC, DSB ISH, IC IVAU, DSB ISH, ISB",
    };
    for (unsigned gen = 1; gen <= 8; gen++) {
        unsigned v = 0x1000 * gen + gen;
        unsigned k = (gen - 1) % 4;
        emit_const(f, v);
        switch (k) {
        case 0:
            sync_icache_range(fva, fva + 8);
            break;
        case 1:
            dc_cvau_range(fva, fva + 8);
            dsb(ish);
            ic_all(iallu);
            dsb(ish);
            isb();
            break;
        case 2:
            dc_cvau_range(fva, fva + 8);
            dsb(ish);
            ic_all(ialluis);
            dsb(ish);
            isb();
            break;
        case 3:
            dc_civac_range(fva, fva + 8);
            dsb(ish);
            ic_ivau_range(fva, fva + 8);
            dsb(ish);
            isb();
            break;
        }
        check(NAME("F, generation %u, after %s: the new code runs", gen, how[k]), run_code(fva), v);
    }

    /* ---- the long function: four instruction-cache lines ---- */
    unsigned iline = icache_line_size();
    if (iline < 16)
        iline = 16;
    unsigned n = 2 * iline / 4 + 1;                 /* ADDs: n + 2 words in all */
    uintptr_t lva = CODE_VA(0x1000 + iline - 8);
    uintptr_t lend = lva + 4 * (n + 2);
    volatile uint32_t *l = (volatile uint32_t *)lva;
    uint64_t sum = emit_sum(l, n, 1);
    sync_icache_range(lva, lend);
    check("long function (starts 8 bytes before an I-cache line, spans 4 lines), first version",
          run_code(lva), sum);
    sum = emit_sum(l, n, 2);
    sync_icache_range(lva, lend);
    check("long function rewritten whole, DC CVAU + IC IVAU over its range: the new code runs",
          run_code(lva), sum);
    unsigned k = n / 2 + 1;                         /* an ADD in the second line */
    sum = sum - sum_imm(2, k - 1) + 4095;
    l[k] = INSN_ADD_X0(4095);
    sync_icache_range(lva + 4 * k, lva + 4 * k + 4);
    check("one instruction in its middle patched, maintenance of that word only: the new code runs",
          run_code(lva), sum);
    sum = emit_sum(l, n, 3);
    dc_cvau_range(lva, lend);
    dsb(ish);
    ic_all(iallu);
    dsb(ish);
    isb();
    check("long function rewritten whole, DC CVAU over its range + IC IALLU: the new code runs",
          run_code(lva), sum);

    /* ---- G: written through the identity map, run through ALIAS_VA ---- */
    volatile uint32_t *g = CODE_PTR(0x3000);
    uintptr_t gva = CODE_VA(0x3000);
    for (unsigned gen = 1; gen <= 3; gen++) {
        unsigned v = 0x7000 + gen;
        emit_const(g, v);
        dc_cvau_range(gva, gva + 8);                /* data side: any alias */
        dsb(ish);
        ic_ivau_range(ALIAS_VA, ALIAS_VA + 8);      /* the executing VA */
        dsb(ish);
        isb();
        check(NAME("G, generation %u, written through one VA, run through an alias after DC CVAU "
                   "(writing VA) and IC IVAU (executing VA): the new code runs", gen),
              run_code(ALIAS_VA), v);
    }
    emit_const(g, 0x7777);
    dc_cvau_range(gva, gva + 8);
    dsb(ish);
    ic_all(iallu);
    dsb(ish);
    isb();
    check("G rewritten, DC CVAU + IC IALLU (every alias): the new code runs through the alias",
          run_code(ALIAS_VA), 0x7777);

    mmu_el1_off();      /* exit with the MMU off: nothing left only in a cache */
    return tap_done();
}
