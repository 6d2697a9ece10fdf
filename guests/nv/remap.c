/*
 * remap - the L1 hypervisor (nv.h) remaps its L2's data IPA from page A to
 * page B while the L2 waits in a hypercall, with the TLB maintenance the
 * architecture requires, and the L2 must then read page B.  Boots at EL2
 * (--el 2).  This is seed 004's scenario (arch-notes.md 1.4,
 * seed004_nv_ipas2_invalidation) run natively: the L1's TLBIs reach the
 * TLB directly.
 *
 * Rules (Arm ARM DDI 0487):
 *  - D8.16 (Translation Lookaside Buffers): any valid stage-2 descriptor may
 *    be cached, as a stage-2-only IPA->PA entry or inside a combined
 *    stage 1 + stage 2 entry, tagged with the VMID (VTTBR_EL2.VMID), and an
 *    entry stays until a TLBI removes it (changing the table is not enough).
 *  - D8.17.6.1 (Invalidation of TLB entries for stage 2 by IPA): TLBI
 *    IPAS2E1IS removes the stage-2-only entries for the IPA in the current
 *    VMID but need not remove combined entries; so the sequence is
 *    descriptor write, DSB ISHST (the walker sees it), TLBI IPAS2E1IS,
 *    DSB ISH, TLBI VMALLE1IS (the combined entries of the VMID), DSB ISH,
 *    ISB (KVM's __kvm_tlb_flush_vmid_ipa).  IPAS2LE1IS acts on last-level
 *    entries only (the page here is one).  The local forms (IPAS2E1,
 *    VMALLE1 with DSB NSH) suffice on a single PE.  TLBI VMALLS12E1IS (all
 *    stage 1 and stage 2 entries of the VMID) and ALLE1IS (every VMID) are
 *    supersets.
 *  - D8.17.1 (Using break-before-make when updating translation table
 *    entries): changing the output address of a writable mapping needs the
 *    invalid -> TLBI -> new order when another observer may use the entry
 *    meanwhile; the first scenario writes the new descriptor directly (the
 *    L2 is stopped in HVC 3 on the only PE), the second uses break-before-
 *    make as KVM does.
 *  - HVC from EL1 with HCR_EL2.HCD = 0 is taken to EL2 (vector +0x400) with
 *    ESR_EL2 = EC 0x16, IL = 1, ISS = imm16; ELR_EL2 = the instruction after
 *    the HVC (D1.10 preferred return address); SPSR_EL2.M = EL1h and the
 *    DAIF bits the L2 ran with.
 * Each scenario uses its own IPA (NV_IPA(n)), so one scenario's TLB
 * entries cannot help or hurt the next.
 */
#include "nv.h"

static struct vm vm1, vm3;

static const unsigned aba[] = { 0xA, 0xB, 0xA };

int main(void)
{
    if (!nv_start())
        return tap_done();
    vm_init(&vm1, 1, 40, 1);    /* 40-bit IPA, level-1 start: 2 concatenated tables */

    /* the hypercall ABI */
    vm_map(&vm1, NV_IPA(0), 0xA);
    uint64_t r = l2_read_once(&vm1, NV_IPA(0));
    check("HVC 2 (exit) returns the L2's load of IPA 0x8000_0000 (page A) to the L1", r, NV_PAT(0xA));
    check("HVC 1 (read my data word): the L1's walk of its stage 2 gives page A too", nv_obs[0].walk,
          NV_PAT(0xA));
    check("HVCs 1, 2 and 3 each taken once to EL2", nv_hvc[1].count * 100 + nv_hvc[2].count * 10 + nv_hvc[3].count,
          111);
    check("HVC 3: ESR_EL2 = EC 0x16, IL = 1, ISS = 3", nv_hvc[3].esr, ESR_ELx(EC_HVC64, 3));
    check("HVC 1: ESR_EL2 = EC 0x16, IL = 1, ISS = 1", nv_hvc[1].esr, ESR_ELx(EC_HVC64, 1));
    check("HVC 3: ELR_EL2 = the instruction after the HVC", nv_hvc[3].elr,
          (uint64_t)(uintptr_t)l2_hvc_yield_ret);
    check("HVC 3: SPSR_EL2 = EL1h with D, A, I, F masked", nv_hvc[3].spsr & 0x3ff, SPSR_EL1h | SPSR_DAIF);
    check("VTTBR_EL2.VMID = 1 while the L2 ran", read_sysreg(vttbr_el2) >> 48, 1);

    /* the remaps: A -> B -> A, each with one maintenance sequence */
    nv_remap_scenario("IPAS2E1IS + VMALLE1IS (direct write)", &vm1, NV_IPA(1), nv_seq_ipas2e1is,
                      TLBI_IPA(NV_IPA(1)), aba, 3);
    nv_remap_scenario("break-before-make, IPAS2E1IS + VMALLE1IS", &vm1, NV_IPA(2), nv_seq_bbm_ipas2e1is,
                      TLBI_IPA(NV_IPA(2)), aba, 3);
    nv_remap_scenario("IPAS2LE1IS + VMALLE1IS", &vm1, NV_IPA(3), nv_seq_ipas2le1is, TLBI_IPA(NV_IPA(3)), aba, 3);
    nv_remap_scenario("local IPAS2E1 + VMALLE1, DSB NSH", &vm1, NV_IPA(4), nv_seq_ipas2e1_local,
                      TLBI_IPA(NV_IPA(4)), aba, 3);
    nv_remap_scenario("VMALLS12E1IS", &vm1, NV_IPA(5), nv_seq_vmalls12e1is, 0, aba, 3);
    nv_remap_scenario("ALLE1IS", &vm1, NV_IPA(6), nv_seq_alle1is, 0, aba, 3);

    /* the L2 with its own stage 1 on (VMID 3): its loads make combined
     * stage 1 + stage 2 entries, which TLBI VMALLE1IS must remove */
    vm_init(&vm3, 3, 40, 1);
    nv_l2_mmu_on();
    nv_remap_scenario("L2 stage 1 on, IPAS2E1IS + VMALLE1IS", &vm3, NV_IPA(7), nv_seq_ipas2e1is,
                      TLBI_IPA(NV_IPA(7)), aba, 3);
    nv_remap_scenario("L2 stage 1 on, break-before-make, IPAS2E1IS + VMALLE1IS", &vm3, NV_IPA(8),
                      nv_seq_bbm_ipas2e1is, TLBI_IPA(NV_IPA(8)), aba, 3);
    nv_l2_mmu_off();

    /* the first IPA once more: its mapping never changed */
    check("IPA 0x8000_0000 still reads page A after the other IPAs' TLBIs", l2_read_once(&vm1, NV_IPA(0)),
          NV_PAT(0xA));
    return nv_done();
}
