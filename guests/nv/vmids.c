/*
 * vmids - two L2 guests under two VMIDs, each with its own stage 2 mapping
 * the same IPA to a different page; the L1 hypervisor (nv.h) switches
 * VTTBR_EL2 between them without TLB maintenance, and remaps one VM's page
 * while that VM's VMID is current: the other VM must keep reading its own
 * page.  Boots at EL2 (--el 2).
 *
 * Rules (Arm ARM DDI 0487):
 *  - D8.16 (Translation Lookaside Buffers; VMID tagging): EL1&0 entries,
 *    stage-2-only and combined, are tagged with the VMID of VTTBR_EL2
 *    (8 bits here, VTCR_EL2.VS = 0); a lookup only uses entries of the
 *    current VMID, so switching between VMIDs that have different stage 2
 *    tables needs no TLBI.
 *  - D8.17.6.1 and the TLBI IPAS2E1IS, VMALLE1IS, VMALLS12E1IS
 *    descriptions: they act on the current VMID only (the VMID in
 *    VTTBR_EL2 when the TLBI executes at EL2 with HCR_EL2.{E2H,TGE} !=
 *    {1,1}); the other VMID's entries, stale or not, are not affected - its
 *    correct translation must still be used (and may still be cached).
 */
#include "nv.h"

static struct vm vm1, vm2;
static const unsigned ab[] = { 0xA, 0xB };
static const unsigned de[] = { 0xD, 0xE };
static const unsigned ed[] = { 0xE, 0xD };

#define G NV_IPA(0)

int main(void)
{
    if (!nv_start())
        return tap_done();
    vm_init(&vm1, 1, 40, 1);
    vm_init(&vm2, 2, 40, 1);
    vm_map(&vm1, G, 0xA);
    vm_map(&vm2, G, 0xD);

    check("VMID 1: its L2 reads IPA 0x8000_0000 -> page A", l2_read_once(&vm1, G), NV_PAT(0xA));
    check("VMID 2 (other tables, VTTBR switched without TLBI): its L2 reads the same IPA -> page D",
          l2_read_once(&vm2, G), NV_PAT(0xD));
    check("VMID 2: VTTBR_EL2.VMID = 2 while its L2 ran", read_sysreg(vttbr_el2) >> 48, 2);
    check("VMID 1 again (no TLBI): page A", l2_read_once(&vm1, G), NV_PAT(0xA));
    check("VMID 2 again (no TLBI): page D", l2_read_once(&vm2, G), NV_PAT(0xD));

    /* VMID 1 current: its page A -> B while its L2 waits in HVC 3 */
    nv_remap_scenario("VMID 1 remaps A -> B (IPAS2E1IS + VMALLE1IS, VMID 1 current)", &vm1, G, nv_seq_ipas2e1is,
                      TLBI_IPA(G), ab, 2);
    check("VMID 2 after VMID 1's TLBIs for the same IPA: still its own page D", l2_read_once(&vm2, G),
          NV_PAT(0xD));
    check("VMID 1 after switching back: page B", l2_read_once(&vm1, G), NV_PAT(0xB));

    /* VMID 2 current: its page D -> E */
    nv_remap_scenario("VMID 2 remaps D -> E (IPAS2E1IS + VMALLE1IS, VMID 2 current)", &vm2, G, nv_seq_ipas2e1is,
                      TLBI_IPA(G), de, 2);
    check("VMID 1 after VMID 2's TLBIs: still page B", l2_read_once(&vm1, G), NV_PAT(0xB));

    /* VMID 2 current: E -> D with VMALLS12E1IS (every entry of VMID 2) */
    nv_remap_scenario("VMID 2 remaps E -> D (VMALLS12E1IS, VMID 2 current)", &vm2, G, nv_seq_vmalls12e1is, 0, ed, 2);
    check("VMID 1 after VMID 2's VMALLS12E1IS: still page B", l2_read_once(&vm1, G), NV_PAT(0xB));
    check("VMID 2 after switching back: page D", l2_read_once(&vm2, G), NV_PAT(0xD));

    /* the two L2s alternately, several times */
    uint64_t bad = 0;
    for (unsigned i = 0; i < 6; i++) {
        bad |= l2_read_once(&vm1, G) ^ NV_PAT(0xB);
        bad |= l2_read_once(&vm2, G) ^ NV_PAT(0xD);
    }
    check("6 alternations VMID 1 / VMID 2 without TLBI: each L2 reads only its own page (B, D)", bad, 0);
    return nv_done();
}
