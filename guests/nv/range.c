/*
 * range - the L1 hypervisor (nv.h) remaps its L2's data IPA and removes the
 * old translation with the range forms TLBI RIPAS2E1IS / RIPAS2LE1IS
 * (FEAT_TLBIRANGE) followed by TLBI VMALLE1IS.  Boots at EL2 (--el 2).
 *
 * Rules (Arm ARM DDI 0487):
 *  - ID_AA64ISAR0_EL1.TLB [59:56] = 0b0010: the Outer Shareable and the
 *    range TLBI instructions are implemented (FEAT_TLBIOS, FEAT_TLBIRANGE);
 *    without it every check here is skipped.
 *  - D8.17.5.3 (TLB range maintenance instructions), TLBI RIPAS2E1IS in the
 *    D7 System instruction descriptions: Xt[47:46] TG (0b01 = 4KB),
 *    [45:44] SCALE, [43:39] NUM, [38:37] TTL (the level of the leaf
 *    entries, 0b00 = any), [36:0] BaseADDR = IPA[48:12]; the range is
 *    [BaseADDR, BaseADDR + (NUM + 1) * 2^(5 * SCALE + 1) pages).  Every
 *    stage-2-only entry of the current VMID that maps any part of the range
 *    is removed (a 2MB block entry overlapping it too).  RIPAS2LE1IS removes
 *    last-level entries only (pages and blocks are both last level).
 *  - D8.17.6.1: as for IPAS2E1IS, combined stage 1 + stage 2 entries need
 *    not be removed by the IPA form: TLBI VMALLE1IS follows, after a DSB.
 * Each scenario uses its own IPA; a range that would cover another
 * scenario's IPA is harmless (it only removes more).
 */
#include "nv.h"

static struct vm vm1;
static const unsigned aba[] = { 0xA, 0xB, 0xA };
static const unsigned cdc[] = { 0xC, 0xD, 0xC };

#define PAGE 0x1000ull

int main(void)
{
    if (!nv_start())
        return tap_done();
    vm_init(&vm1, 1, 40, 1);

    if (!nv_has_tlbirange()) {
        for (unsigned i = 0; i < 25; i++)
            tap_skip("range TLBI", "no FEAT_TLBIRANGE");
        return nv_done();
    }

    check("ID_AA64ISAR0_EL1.TLB = 0b0010 (FEAT_TLBIRANGE)", (read_sysreg(id_aa64isar0_el1) >> 56) & 0xf, 2);
    uint64_t ipa = NV_IPA(1);
    nv_remap_scenario("RIPAS2E1IS, 2 pages from the IPA (SCALE 0, NUM 0, TTL any)", &vm1, ipa,
                      nv_seq_ripas2e1is, NV_RANGE_4K(ipa, 0, 0, 0), aba, 3);
    ipa = NV_IPA(2);
    nv_remap_scenario("RIPAS2E1IS, 32 pages from 16 below the IPA (NUM 15, TTL level 3)", &vm1, ipa,
                      nv_seq_ripas2e1is, NV_RANGE_4K(ipa - 16 * PAGE, 0, 15, 3), aba, 3);
    ipa = NV_IPA(3) + 63 * PAGE;
    nv_remap_scenario("RIPAS2E1IS, 64 pages (SCALE 1, NUM 0), the IPA in the last one", &vm1, ipa,
                      nv_seq_ripas2e1is, NV_RANGE_4K(ipa - 63 * PAGE, 1, 0, 0), aba, 3);
    ipa = NV_IPA(5);
    nv_remap_scenario("RIPAS2LE1IS, 2 pages from the IPA (last level)", &vm1, ipa, nv_seq_ripas2le1is,
                      NV_RANGE_4K(ipa, 0, 0, 0), aba, 3);
    /* a 2MB block: the range covers 2 pages in its middle */
    ipa = NV_BLK_IPA(1) + NV_BLOCK_OFF;
    nv_remap_scenario_at("RIPAS2E1IS, 2 pages inside a 2MB block (TTL level 2)", &vm1, ipa, 2,
                         nv_seq_ripas2e1is, NV_RANGE_4K(NV_BLK_IPA(1) + 0x80000, 0, 0, 2), cdc, 3);
    ipa = NV_BLK_IPA(2) + NV_BLOCK_OFF;
    nv_remap_scenario_at("RIPAS2E1IS, 64 pages from 32 below a 2MB block (SCALE 1)", &vm1, ipa, 2,
                         nv_seq_ripas2e1is, NV_RANGE_4K(NV_BLK_IPA(2) - 32 * PAGE, 1, 0, 0), cdc, 3);
    return nv_done();
}
