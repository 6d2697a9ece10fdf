/*
 * stale - negative control (nodiff): the L1 hypervisor (nv.h) changes its
 * L2's stage 2 WITHOUT the TLB maintenance the architecture requires (or
 * with maintenance that does not cover the entry), and checks that the L2
 * still reads the OLD page: a64emu keeps TLB entries until a TLBI removes
 * them, as the architecture allows.  Then the missing maintenance is done
 * and the L2 must read the new page.  Boots at EL2 (--el 2).
 *
 * Expected values are a64emu's (its TLB never drops an entry on its own
 * with these few entries); on another implementation - QEMU, hardware -
 * the "stale" checks may see the new page instead, which the architecture
 * also allows.  The checks after the full maintenance, and those of the
 * L1's software walk (HVC 1: what the tables hold), hold everywhere.
 *
 * Rules (Arm ARM DDI 0487):
 *  - D8.16 (Translation Lookaside Buffers): a valid descriptor may be
 *    cached and the entry may be used until it is invalidated; writing the
 *    table (even with DSB) does not remove it.  Entries are tagged with the
 *    VMID.  For the L2's load a64emu caches a stage-2-only entry (IPA ->
 *    PA) when the L2's stage 1 is off, and a combined stage 1 + stage 2
 *    entry (VA -> PA) when it is on (VMID 3 here, nv_l2_mmu_on()); both are
 *    allowed, and so is caching neither or both.
 *  - D8.17.6.1 (Invalidation of TLB entries for stage 2 by IPA): TLBI
 *    IPAS2E1IS need not remove combined stage 1 + stage 2 entries; TLBI
 *    VMALLE1IS removes the stage 1 (and combined) entries of the VMID but
 *    not the stage-2-only ones: both are needed, in that order.
 *  - D8.17.5 TTL hint (FEAT_TTL): when the hint does not describe the entry
 *    (level 2 given for a level-3 page), the PE may invalidate nothing.
 *  - The TLBIs act on the current VMID only: VMID 1's full sequence does not
 *    touch VMID 2's stale entry; TLBI VMALLS12E1IS with VMID 2 current does.
 *  - A new VTCR_EL2/VTTBR_EL2.BADDR under the same VMID without TLBI may
 *    still hit the old tables' entries (D8.17: fields held in the TLB).
 */
#include "nv.h"
#include "semihost.h"

static struct vm vm1, vm2, vm1b, vm3;

/*
 * Under a64emu's hypervisor with --nested this L1 runs at virtual EL2, and
 * its L2's translations come from shadow stage 2s that the hypervisor
 * builds and invalidates as KVM does (arch-notes.md §1.4): every TLBI
 * performed without trusting its TTL hint, and one shadow per {VMID,
 * VTTBR_EL2, VTCR_EL2}.  Two stale outcomes a64emu's own TLB gives are then
 * the fresh ones, which the architecture equally allows: a wrong TTL still
 * removes the page, and a new VTCR_EL2 walks its new tables.  The L1 sees
 * where it runs in the semihosting command line (the hypervisor's).
 */
static int under_nested_hypervisor(void)
{
    static char line[512];
    if (sys_get_cmdline(line, sizeof line) != 0)
        return 0;
    static const char word[] = " --nested";
    for (const char *p = line; *p; p++) {
        unsigned i = 0;
        while (word[i] && p[i] == word[i])
            i++;
        if (!word[i] && (p[i] == ' ' || p[i] == 0))
            return 1;
    }
    return 0;
}



/* one scripted step per round: sequence, operand, new page (0: keep) */
struct sstep {
    nv_seq_fn *seq;
    uint64_t xt;
    unsigned id;
};
static const struct sstep *script;
static unsigned nscript;
static struct vm *svm;
static uint64_t sipa;

static int sstep_fn(unsigned round)
{
    if (round >= nscript)
        return 0;
    script[round].seq(vm_pte(svm, sipa, 3), mmu_leaf(nv_page(script[round].id), S2_NORMAL, 3), script[round].xt);
    return 1;
}

/* runs the script; seen[r] expected per round, walk[r] what the tables hold */
static void scenario(const char *label, struct vm *vm, uint64_t ipa, unsigned first, const struct sstep *s,
                     unsigned n, const unsigned *seen, const char *const *why)
{
    script = s;
    nscript = n;
    svm = vm;
    sipa = ipa;
    vm_map(vm, ipa, first);
    l2_run(vm, ipa, sstep_fn);
    for (unsigned r = 0; r <= n; r++) {
        unsigned tables = r == 0 ? first : s[r - 1].id;
        check(NAME("%s: round %u, %s: L2 reads page %X", label, r, why[r], seen[r]), nv_obs[r].seen,
              NV_PAT(seen[r]));
        if (r > 0)
            check(NAME("%s: round %u: the L1's walk (HVC 1) gives page %X", label, r, tables), nv_obs[r].walk,
                  NV_PAT(tables));
    }
}

int main(void)
{
    if (!nv_start())
        return tap_done();
    vm_init(&vm1, 1, 40, 1);
    vm_init(&vm2, 2, 40, 1);

    {   /* no TLBI at all */
        uint64_t ipa = NV_IPA(1);
        const struct sstep s[] = { { nv_seq_none, 0, 0xB }, { nv_seq_ipas2e1is, TLBI_IPA(ipa), 0xB } };
        const unsigned seen[] = { 0xA, 0xA, 0xB };
        const char *why[] = { "before", "descriptor A -> B + DSB ISH, no TLBI (stale)",
                              "after IPAS2E1IS + VMALLE1IS" };
        scenario("no TLBI", &vm1, ipa, 0xA, s, 2, seen, why);
    }
    {   /* IPAS2E1IS without VMALLE1IS, the L2's stage 1 off: a64emu uses the
         * stage-2-only entry, which IPAS2E1IS removes */
        uint64_t ipa = NV_IPA(2);
        const struct sstep s[] = { { nv_seq_ipas2_only, TLBI_IPA(ipa), 0xB }, { nv_seq_vmalle1is_only, 0, 0xB } };
        const unsigned seen[] = { 0xA, 0xB, 0xB };
        const char *why[] = { "before", "IPAS2E1IS without VMALLE1IS, L2 stage 1 off (no combined entry)",
                              "after VMALLE1IS" };
        scenario("IPAS2E1IS only, L2 MMU off", &vm1, ipa, 0xA, s, 2, seen, why);
    }
    {   /* the same with the L2's stage 1 on (VMID 3): the combined entry stays */
        uint64_t ipa = NV_IPA(2);
        vm_init(&vm3, 3, 40, 1);
        nv_l2_mmu_on();
        const struct sstep s[] = { { nv_seq_ipas2_only, TLBI_IPA(ipa), 0xB }, { nv_seq_vmalle1is_only, 0, 0xB } };
        const unsigned seen[] = { 0xA, 0xA, 0xB };
        const char *why[] = { "before", "IPAS2E1IS without VMALLE1IS, L2 stage 1 on (combined entry stale)",
                              "after VMALLE1IS" };
        scenario("IPAS2E1IS only, L2 MMU on", &vm3, ipa, 0xA, s, 2, seen, why);
        nv_l2_mmu_off();
    }
    {   /* VMALLE1IS without IPAS2E1IS */
        uint64_t ipa = NV_IPA(3);
        const struct sstep s[] = { { nv_seq_vmalle1is_only, 0, 0xB }, { nv_seq_ipas2_only, TLBI_IPA(ipa), 0xB } };
        const unsigned seen[] = { 0xA, 0xA, 0xB };
        const char *why[] = { "before", "VMALLE1IS without IPAS2E1IS (stage-2 entry stale)",
                              "after IPAS2E1IS" };
        scenario("VMALLE1IS only", &vm1, ipa, 0xA, s, 2, seen, why);
    }
    {   /* wrong TTL */
        uint64_t ipa = NV_IPA(4);
        const struct sstep s[] = { { nv_seq_ipas2e1is, TLBI_IPA(ipa) | NV_TTL_4K(2), 0xB },
                                   { nv_seq_ipas2e1is, TLBI_IPA(ipa) | NV_TTL_4K(3), 0xB } };
        const int nested = under_nested_hypervisor();
        const unsigned seen[] = { 0xA, nested ? 0xB : 0xA, 0xB };
        const char *why[] = { "before",
                              nested ? "IPAS2E1IS with TTL = level 2 for a level-3 page + VMALLE1IS (the nested hypervisor ignores the hint)"
                                     : "IPAS2E1IS with TTL = level 2 for a level-3 page + VMALLE1IS (stale)",
                              "after IPAS2E1IS with TTL = level 3 + VMALLE1IS" };
        scenario("wrong TTL", &vm1, ipa, 0xA, s, 2, seen, why);
    }

    {   /* VMID scope */
        uint64_t g = NV_IPA(5);
        vm_map(&vm1, g, 0xA);
        vm_map(&vm2, g, 0xD);
        check("VMID scope: VMID 2 reads page D", l2_read_once(&vm2, g), NV_PAT(0xD));
        check("VMID scope: VMID 1 reads page A", l2_read_once(&vm1, g), NV_PAT(0xA));
        /* VMID 2's descriptor D -> E without TLBI (VMID 1 current) */
        *vm_pte(&vm2, g, 3) = mmu_leaf(nv_page(0xE), S2_NORMAL, 3);
        dsb(ish);
        /* VMID 1's own remap A -> B with the full sequence */
        nv_seq_ipas2e1is(vm_pte(&vm1, g, 3), mmu_leaf(nv_page(0xB), S2_NORMAL, 3), TLBI_IPA(g));
        check("VMID scope: VMID 1 reads page B after its full sequence", l2_read_once(&vm1, g), NV_PAT(0xB));
        check("VMID scope: VMID 2 still reads page D (stale): VMID 1's TLBIs did not reach VMID 2",
              l2_read_once(&vm2, g), NV_PAT(0xD));
        tlbi(vmalls12e1is);         /* VMID 2 current */
        dsb(ish);
        isb();
        check("VMID scope: VMID 2 reads page E after VMALLS12E1IS with VMID 2 current", l2_read_once(&vm2, g),
              NV_PAT(0xE));
        check("VMID scope: VMID 1 still reads page B", l2_read_once(&vm1, g), NV_PAT(0xB));
    }

    {   /* new VTCR/VTTBR, same VMID, no TLBI */
        uint64_t g = NV_IPA(6);
        vm_map(&vm1, g, 0xA);
        check("VTCR change: VMID 1 config 1 reads page A", l2_read_once(&vm1, g), NV_PAT(0xA));
        vm_init(&vm1b, 1, 32, 2);
        vm_map(&vm1b, g, 0xC);
        if (under_nested_hypervisor())
            check("VTCR change: new VTCR (T0SZ 32, level 2) and tables, same VMID, no TLBI: page C (a new shadow stage 2)",
                  l2_read_once(&vm1b, g), NV_PAT(0xC));
        else
            check("VTCR change: new VTCR (T0SZ 32, level 2) and tables, same VMID, no TLBI: page A (stale)",
                  l2_read_once(&vm1b, g), NV_PAT(0xA));
        tlbi(vmalls12e1is);
        dsb(ish);
        isb();
        check("VTCR change: after VMALLS12E1IS: page C", l2_read_once(&vm1b, g), NV_PAT(0xC));
    }
    return nv_done();
}
