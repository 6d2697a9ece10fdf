/*
 * ttl - the L1 hypervisor (nv.h) remaps its L2's data IPA and removes the
 * old translation with TLBI IPAS2E1IS / IPAS2LE1IS carrying a TTL hint
 * (FEAT_TTL) that names the level of the entry, then TLBI VMALLE1IS.
 * Boots at EL2 (--el 2).
 *
 * Rules (Arm ARM DDI 0487):
 *  - ID_AA64MMFR2_EL1.TTL [51:48] = 0b0001: FEAT_TTL, the TTL field of the
 *    TLBI by address instructions is implemented (else Xt[47:44] is RES0
 *    and every check here is skipped).
 *  - TLBI IPAS2E1IS (D7 System instruction descriptions; D8.17.5.2 "TLB
 *    maintenance instructions by address", the TTL hint): Xt[35:0] =
 *    IPA[47:12], Xt[47:44] = TTL: TTL[3:2] the granule (0b01 = 4KB),
 *    TTL[1:0] the level of the leaf entry that maps the address (0b11 =
 *    level 3, a page; 0b10 = level 2, a 2MB block).  A hint that is right
 *    must not stop the invalidation of the entry it describes (a wrong one
 *    allows the PE to invalidate nothing: that is the stale guest's part).
 *  - D8.17.6.1: TLBI VMALLE1IS after a DSB for the combined entries.
 */
#include "nv.h"

static struct vm vm1;
static const unsigned aba[] = { 0xA, 0xB, 0xA };
static const unsigned cdc[] = { 0xC, 0xD, 0xC };

int main(void)
{
    if (!nv_start())
        return tap_done();
    vm_init(&vm1, 1, 40, 1);

    if (!nv_has_ttl()) {
        for (unsigned i = 0; i < 17; i++)
            tap_skip("TTL-hinted TLBI", "no FEAT_TTL");
        return nv_done();
    }

    check("ID_AA64MMFR2_EL1.TTL = 1 (FEAT_TTL)", (read_sysreg(s3_0_c0_c7_2) >> 48) & 0xf, 1);
    uint64_t ipa = NV_IPA(1);
    nv_remap_scenario("IPAS2E1IS with TTL = 4KB level 3 (page)", &vm1, ipa, nv_seq_ipas2e1is,
                      TLBI_IPA(ipa) | NV_TTL_4K(3), aba, 3);
    ipa = NV_IPA(2);
    nv_remap_scenario("IPAS2LE1IS with TTL = 4KB level 3 (page)", &vm1, ipa, nv_seq_ipas2le1is,
                      TLBI_IPA(ipa) | NV_TTL_4K(3), aba, 3);
    ipa = NV_BLK_IPA(1) + NV_BLOCK_OFF;
    nv_remap_scenario_at("IPAS2E1IS with TTL = 4KB level 2 (2MB block)", &vm1, ipa, 2, nv_seq_ipas2e1is,
                         TLBI_IPA(ipa) | NV_TTL_4K(2), cdc, 3);
    ipa = NV_BLK_IPA(2) + NV_BLOCK_OFF;
    nv_remap_scenario_at("IPAS2LE1IS with TTL = 4KB level 2 (2MB block)", &vm1, ipa, 2, nv_seq_ipas2le1is,
                         TLBI_IPA(ipa) | NV_TTL_4K(2), cdc, 3);
    return nv_done();
}
