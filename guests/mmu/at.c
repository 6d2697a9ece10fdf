/*
 * at - the address translation instructions and PAR_EL1 (boots at EL1, or
 * at EL2 with --el 2, where it first checks AT S1E2R/W, AT S12E1R/W and
 * AT S1E1R with a stage 2, then runs the EL1 part at EL1).
 *
 * Rules (Arm ARM DDI 0487: C5.5 "A64 System instructions for address
 * translation", D8.13 "Address translation instructions", PAR_EL1 in
 * D24.2, D8.6.5 "Combining the stage 1 and stage 2 attributes"):
 *  - AT S1E1R/W: stage 1 of the EL1&0 regime with EL1's permissions for a
 *    read / write; S1E0R/W: with EL0's permissions.  AT S1E2R/W: the EL2
 *    regime.  AT S12E1R/W (EL2 only): both stages of EL1&0.  AT S1E1R at
 *    EL2 with HCR_EL2.VM = 1 gives the stage-1 output, an IPA.  A fault is
 *    not taken: it is reported in PAR_EL1 (these are all stage-1-only or
 *    EL2 instructions, so no stage 2 fault is taken to EL2 either).
 *  - PAR_EL1 on success (F = 0): ATTR [63:56] in MAIR format, PA [47:12]
 *    (the page's address: bits 11:0 of the VA are not reported), bit 11
 *    RES1, bit 10 IMPLEMENTATION DEFINED, NS [9] UNKNOWN for a Non-secure
 *    translation regime, SH [8:7]; SH reads 0b10 for any Device memory and
 *    for Normal Inner and Outer Non-cacheable memory, else the descriptor's
 *    SH.  Bits 10 and 9 are not checked.  (QEMU 7.2 reports the
 *    descriptor's SH for Device and NC memory when only stage 1 applies,
 *    and 0b00 for a disabled stage 1: here those descriptors have SH = 10
 *    and the flat-map checks ignore SH; at_sh, a nodiff case, checks it.)
 *  - On a fault (F = 1): FST [6:1] = the fault status code (as a DFSC),
 *    PTW [8] = stage 2 fault on a stage-1 table walk, S [9] = stage 2
 *    fault, bit 11 RES1, bits [47:12] RES0; bits [63:48] (IMPLEMENTATION
 *    DEFINED) and 10 are not checked.
 *  - With the stage-1 MMU off, the result is the flat map (PA = VA) with
 *    data attributes Device-nGnRnE (D8.2.12): ATTR 0x00, SH 0b10.
 *  - Combining (HCR_EL2.FWB = 0): Device at either stage gives Device
 *    (stage 2 MemAttr 0b0001 = Device-nGnRE); Non-cacheable at either stage
 *    gives Non-cacheable; WB + WB = WB.  With stage 1 off, the stage-1
 *    attributes are Device-nGnRnE, so the result is Device-nGnRnE.
 *  - VTCR_EL2: 4KB granule, T0SZ = 24 (40-bit IPA), SL0 = 0b01: the walk
 *    starts at level 1 with two concatenated level-1 tables (8KB, 8KB
 *    aligned); IPA bit 39 selects the second.
 */
#include "exceptions.h"
#include "mmu.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"

static uint8_t pool[192 << 10] __attribute__((aligned(4096)));
static volatile uint64_t buf[512] __attribute__((aligned(4096)));
static volatile uint64_t buf2[512] __attribute__((aligned(4096)));
static volatile uint64_t devbuf[512] __attribute__((aligned(4096)));
static uint8_t el1_stack[16384] __attribute__((aligned(16)));

#define PAR_OK_MASK     (~(PAR_NS | (1ull << 10)))
#define PAR_FAULT_MASK  0x0000fffffffffbffull
#define SH_NON      0u
#define SH_OUTER    2u
#define SH_INNER    3u

static uint64_t par_ok(uint64_t pa, unsigned attr, unsigned sh)
{
    return ((uint64_t)attr << 56) | (pa & PTE_ADDR_MASK) | ((uint64_t)sh << 7) | PAR_RES1;
}
static uint64_t par_fault(unsigned fst, int s2, int ptw)
{
    return PAR_RES1 | (s2 ? PAR_S : 0) | (ptw ? PAR_PTW : 0) | ((uint64_t)fst << 1) | PAR_F;
}

/* one check of a PAR_EL1 value against the expected one, masked by format */
static void check_par(const char *what, uint64_t par, uint64_t expected)
{
    uint64_t mask = (expected & PAR_F) ? PAR_FAULT_MASK : PAR_OK_MASK;
    check(what, par & mask, expected);
}

/* the same without SH: for the flat map of a disabled stage 1, whose
 * Device-nGnRnE result SH reads 0b10 in the Arm ARM but 0b00 in QEMU 7.2
 * (checked by at_sh, a nodiff case) */
static void check_par_nosh(const char *what, uint64_t par, uint64_t expected)
{
    check(what, par & PAR_OK_MASK & ~(3ull << 7), expected & ~(3ull << 7));
}

#define AT(op, va) at_par(op, va)

/* ------------------------------------------------------------ EL1 part */
static struct mmu_space s1;

#define R           0x80000000ull           /* level-1 entry 2 */
#define PG(n)       (R + (n) * 0x1000ull)
#define BLK2        (R + 2 * 0x200000ull)   /* a 2MB block */
#define BLK1        0xc0000000ull           /* a 1GB block */
#define HI          0xffffffffc0000000ull   /* TTBR1: level-1 entry 511 */

static void el1_build(void)
{
    uint64_t bufpa = (uint64_t)(uintptr_t)buf, devpa = (uint64_t)(uintptr_t)devbuf;
    uint64_t xn = PTE_PXN | PTE_UXN;
    mmu_space_init(&s1, MMU_G4K, 39, 1);
    mmu_map_identity(&s1, MMU_REGIME_EL10, RAM_END_128M);
    *mmu_pte(&s1, PG(0), 3) = mmu_leaf(bufpa, PTE_NORMAL | xn, 3);
    *mmu_pte(&s1, PG(1), 3) = mmu_leaf(bufpa, PTE_ATTRINDX(MAIR_IDX_WT) | PTE_SH_NON | PTE_AF | xn, 3);
    /* Device and Normal NC with descriptor SH = 10, the value PAR_EL1.SH
     * reports for them whatever the descriptor says (at_sh checks that
     * part: QEMU 7.2 reports the descriptor's SH for a stage-1-only AT) */
    *mmu_pte(&s1, PG(2), 3) = mmu_leaf(devpa, PTE_ATTRINDX(MAIR_IDX_DEV_nGnRnE) | PTE_SH_OUTER | PTE_AF | xn, 3);
    *mmu_pte(&s1, PG(3), 3) = mmu_leaf(bufpa, PTE_ATTRINDX(MAIR_IDX_NC) | PTE_SH_OUTER | PTE_AF | xn, 3);
    *mmu_pte(&s1, PG(4), 3) = mmu_leaf(devpa, PTE_ATTRINDX(MAIR_IDX_DEV_nGnRE) | PTE_SH_OUTER | PTE_AF | xn, 3);
    *mmu_pte(&s1, PG(5), 3) = mmu_leaf(bufpa, PTE_NORMAL | PTE_AP_RO_EL1 | xn, 3);
    *mmu_pte(&s1, PG(6), 3) = mmu_leaf(bufpa, PTE_NORMAL | PTE_AP_RW_ALL | xn, 3);
    *mmu_pte(&s1, PG(7), 3) = mmu_leaf(bufpa, PTE_NORMAL | PTE_AP_RW_EL1 | xn, 3);
    *mmu_pte(&s1, PG(8), 3) = mmu_leaf(bufpa, PTE_NORMAL | PTE_AP_RO_ALL | xn, 3);
    *mmu_pte(&s1, PG(9), 3) = mmu_leaf(bufpa, (PTE_NORMAL & ~PTE_AF) | xn, 3);
    *mmu_pte(&s1, PG(11), 3) = mmu_leaf(bufpa, PTE_NORMAL | PTE_SH_OUTER | xn, 3);  /* SH = 11 | 10 = 11 */
    *mmu_pte(&s1, PG(12), 3) = mmu_leaf(bufpa, (PTE_NORMAL & ~PTE_SH_INNER) | PTE_SH_OUTER | xn, 3);
    *mmu_pte(&s1, BLK2, 2) = mmu_leaf(RAM_BASE + 0x600000, PTE_NORMAL | xn, 2);
    *mmu_pte(&s1, BLK1, 1) = mmu_leaf(RAM_BASE, PTE_NORMAL | xn, 1);
}

static uint64_t el1_part(uint64_t arg)
{
    (void)arg;
    uint64_t bufpa = (uint64_t)(uintptr_t)buf, devpa = (uint64_t)(uintptr_t)devbuf;
    struct mmu_space hi;

    /* MMU off: the flat map, Device-nGnRnE */
    check_par_nosh("MMU off: AT S1E1R 0x40001234 = flat map, Device-nGnRnE (SH not checked)",
              AT(s1e1r, 0x40001234ull), par_ok(0x40001000ull, MAIR_DEV_nGnRnE, SH_OUTER));
    check_par_nosh("MMU off: AT S1E1W 0x1_2345_6789 = flat map", AT(s1e1w, 0x123456789ull),
              par_ok(0x123456000ull, MAIR_DEV_nGnRnE, SH_OUTER));

    el1_build();
    mmu_space_init(&hi, MMU_G4K, 39, 1);
    *mmu_pte(&hi, HI, 1) = mmu_leaf(RAM_BASE, PTE_NORMAL | PTE_PXN | PTE_UXN, 1);
    write_sysreg(mair_el1, MAIR_DEFAULT);
    write_sysreg(tcr_el1, TCR_T0SZ(25) | TCR_T1SZ(25) | TCR_TG0_4K | TCR_TG1_4K | TCR_WALK0 |
                          TCR_WALK1 | TCR_IPS(PS_40BIT));
    write_sysreg(ttbr0_el1, mmu_root(&s1));
    write_sysreg(ttbr1_el1, mmu_root(&hi));
    isb();
    tlbi(vmalle1);
    dsb(nsh);
    isb();
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();

    check_par("AT S1E1R identity map (Normal WB, Inner Shareable)", AT(s1e1r, (uint64_t)(uintptr_t)&buf[3]),
              par_ok(bufpa, MAIR_WB, SH_INNER));
    check_par("AT S1E1R page alias +0xabc: PA of the page (bits 11:0 not reported)", AT(s1e1r, PG(0) + 0xabc),
              par_ok(bufpa, MAIR_WB, SH_INNER));
    check_par("AT S1E1W page alias", AT(s1e1w, PG(0) + 0x10), par_ok(bufpa, MAIR_WB, SH_INNER));
    check_par("AT S1E1R Normal WT, Non-shareable: ATTR 0xbb, SH 00", AT(s1e1r, PG(1)),
              par_ok(bufpa, MAIR_WT, SH_NON));
    check_par("AT S1E1R Device-nGnRnE: ATTR 0x00, SH 10", AT(s1e1r, PG(2)),
              par_ok(devpa, MAIR_DEV_nGnRnE, SH_OUTER));
    check_par("AT S1E1R Normal NC: ATTR 0x44, SH 10", AT(s1e1r, PG(3)),
              par_ok(bufpa, MAIR_NC, SH_OUTER));
    check_par("AT S1E1R Device-nGnRE: ATTR 0x04, SH 10", AT(s1e1r, PG(4)),
              par_ok(devpa, MAIR_DEV_nGnRE, SH_OUTER));
    check_par("AT S1E1R Normal WB, Outer Shareable: SH 10", AT(s1e1r, PG(12)),
              par_ok(bufpa, MAIR_WB, SH_OUTER));
    check_par("AT S1E1R 2MB block +0x12345: block PA + 0x12000", AT(s1e1r, BLK2 + 0x12345),
              par_ok(RAM_BASE + 0x612000, MAIR_WB, SH_INNER));
    check_par("AT S1E1R 1GB block +0x1234567: 0x4123_4000", AT(s1e1r, BLK1 + 0x1234567),
              par_ok(RAM_BASE + 0x1234000, MAIR_WB, SH_INNER));
    check_par("AT S1E1R TTBR1 address (1GB block)", AT(s1e1r, HI + 0x7654321),
              par_ok(RAM_BASE + 0x7654000, MAIR_WB, SH_INNER));
    check_par_nosh("AT S1E1R UART page: Device-nGnRnE (descriptor SH 00: SH not checked)", AT(s1e1r, UART_PA + 0x18),
              par_ok(UART_PA, MAIR_DEV_nGnRnE, SH_OUTER));

    /* permissions */
    check_par("AP = 10: AT S1E1R succeeds", AT(s1e1r, PG(5)), par_ok(bufpa, MAIR_WB, SH_INNER));
    check_par("AP = 10: AT S1E1W permission fault level 3", AT(s1e1w, PG(5)),
              par_fault(FSC_PERMISSION(3), 0, 0));
    check_par("AP = 10: AT S1E0R permission fault level 3", AT(s1e0r, PG(5)),
              par_fault(FSC_PERMISSION(3), 0, 0));
    check_par("AP = 01: AT S1E0R succeeds", AT(s1e0r, PG(6)), par_ok(bufpa, MAIR_WB, SH_INNER));
    check_par("AP = 01: AT S1E0W succeeds", AT(s1e0w, PG(6)), par_ok(bufpa, MAIR_WB, SH_INNER));
    check_par("AP = 00: AT S1E1W succeeds", AT(s1e1w, PG(7)), par_ok(bufpa, MAIR_WB, SH_INNER));
    check_par("AP = 00: AT S1E0R permission fault level 3", AT(s1e0r, PG(7)),
              par_fault(FSC_PERMISSION(3), 0, 0));
    check_par("AP = 00: AT S1E0W permission fault level 3", AT(s1e0w, PG(7)),
              par_fault(FSC_PERMISSION(3), 0, 0));
    check_par("AP = 11: AT S1E0R succeeds", AT(s1e0r, PG(8)), par_ok(bufpa, MAIR_WB, SH_INNER));
    check_par("AP = 11: AT S1E0W permission fault level 3", AT(s1e0w, PG(8)),
              par_fault(FSC_PERMISSION(3), 0, 0));
    check_par("AP = 11: AT S1E1W permission fault level 3", AT(s1e1w, PG(8)),
              par_fault(FSC_PERMISSION(3), 0, 0));
    check_par("identity map of code (AP = 11): AT S1E0R succeeds", AT(s1e0r, (uint64_t)(uintptr_t)el1_part),
              par_ok((uint64_t)(uintptr_t)el1_part, MAIR_WB, SH_INNER));
    check_par("identity map of data (AP = 00): AT S1E0R permission fault level 3",
              AT(s1e0r, (uint64_t)(uintptr_t)&buf[0]), par_fault(FSC_PERMISSION(3), 0, 0));

    /* other faults */
    check_par("AF = 0: AT S1E1R access flag fault level 3", AT(s1e1r, PG(9)),
              par_fault(FSC_ACCESS_FLAG(3), 0, 0));
    check_par("unmapped page: AT S1E1R translation fault level 3", AT(s1e1r, PG(10)),
              par_fault(FSC_TRANSLATION(3), 0, 0));
    check_par("unmapped 2MB: AT S1E1W translation fault level 2", AT(s1e1w, R + 9 * 0x200000ull),
              par_fault(FSC_TRANSLATION(2), 0, 0));
    check_par("unmapped 1GB: AT S1E0R translation fault level 1", AT(s1e0r, 0x100000000ull),
              par_fault(FSC_TRANSLATION(1), 0, 0));
    check_par("VA outside both ranges: AT S1E1R translation fault level 0", AT(s1e1r, 0x0000800000000000ull),
              par_fault(FSC_TRANSLATION(0), 0, 0));

    mmu_el1_off();      /* back to the MMU-off state the caller runs in */
    return 0;
}

/* ------------------------------------------------------------ EL2 part */
static struct mmu_space s2, el2, g1;   /* stage 2, EL2 stage 1, EL1 stage 1 (IPA = PA) */

#define V(n)        (0x1000000000ull + (n) * 0x1000ull)     /* EL1 VAs of the stage-2 cases */
#define V_PTW       0x1000200000ull                         /* its level-3 table is at IPA_PTW */
#define IPA_PG(n)   (0x80000000ull + (n) * 0x1000ull)
#define IPA_PTW     IPA_PG(5)                               /* not mapped at stage 2 */
#define IPA_HI      0x8040000000ull                         /* IPA bit 39: second level-1 table */
#define EL2_R       0x80000000ull

static void el2_part(void)
{
    uint64_t bufpa = (uint64_t)(uintptr_t)buf, buf2pa = (uint64_t)(uintptr_t)buf2;
    uint64_t devpa = (uint64_t)(uintptr_t)devbuf;

    /* ---- AT S1E2R/W: the EL2 regime (HCR_EL2.E2H = 0) ---- */
    check_par_nosh("EL2 MMU off: AT S1E2R = flat map, Device-nGnRnE (SH not checked)", AT(s1e2r, 0x40005678ull),
              par_ok(0x40005000ull, MAIR_DEV_nGnRnE, SH_OUTER));
    mmu_space_init(&el2, MMU_G4K, 39, 1);
    mmu_map_identity(&el2, MMU_REGIME_EL2, RAM_END_128M);
    /* EL2 descriptors: AP[1] RES1, so AP = 01 RW, 11 RO */
    *mmu_pte(&el2, EL2_R, 3) = mmu_leaf(bufpa, PTE_NORMAL | PTE_AP_RW_ALL | PTE_XN, 3);
    *mmu_pte(&el2, EL2_R + 0x1000, 3) = mmu_leaf(bufpa, PTE_NORMAL | PTE_AP_RO_ALL | PTE_XN, 3);
    *mmu_pte(&el2, EL2_R + 0x2000, 3) = mmu_leaf(devpa, PTE_ATTRINDX(MAIR_IDX_DEV_nGnRE) | PTE_AF | PTE_SH_OUTER |
                                                        PTE_AP_RW_ALL | PTE_XN, 3);
    write_sysreg(mair_el2, MAIR_DEFAULT);
    write_sysreg(tcr_el2, TCR_EL2_RES1 | TCR_T0SZ(25) | TCR_TG0_4K | TCR_WALK0 | TCR_EL2_PS(PS_40BIT));
    write_sysreg(ttbr0_el2, mmu_root(&el2));
    isb();
    tlbi(alle2);
    dsb(nsh);
    isb();
    write_sysreg(sctlr_el2, read_sysreg(sctlr_el2) | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();
    check_par("AT S1E2R identity map", AT(s1e2r, (uint64_t)(uintptr_t)&buf[1]), par_ok(bufpa, MAIR_WB, SH_INNER));
    check_par("AT S1E2R alias page +0x321", AT(s1e2r, EL2_R + 0x321), par_ok(bufpa, MAIR_WB, SH_INNER));
    check_par("AT S1E2W alias page (AP = 01)", AT(s1e2w, EL2_R), par_ok(bufpa, MAIR_WB, SH_INNER));
    check_par("AT S1E2R read-only page (AP = 11)", AT(s1e2r, EL2_R + 0x1000), par_ok(bufpa, MAIR_WB, SH_INNER));
    check_par("AT S1E2W read-only page: permission fault level 3", AT(s1e2w, EL2_R + 0x1000),
              par_fault(FSC_PERMISSION(3), 0, 0));
    check_par("AT S1E2R Device-nGnRE page", AT(s1e2r, EL2_R + 0x2000), par_ok(devpa, MAIR_DEV_nGnRE, SH_OUTER));
    check_par("AT S1E2R unmapped page: translation fault level 3", AT(s1e2r, EL2_R + 0x3000),
              par_fault(FSC_TRANSLATION(3), 0, 0));
    check_par("AT S1E2R unmapped 1GB: translation fault level 1", AT(s1e2r, 0x4000000000ull - 0x40000000ull),
              par_fault(FSC_TRANSLATION(1), 0, 0));
    mmu_el2_off();

    /* ---- stage 2 and AT S12E1R/W, AT S1E1R at EL2 ---- */
    mmu_space_init(&s2, MMU_G4K, 40, 1);    /* two concatenated level-1 tables */
    mmu_map(&s2, RAM_BASE, RAM_BASE, 1ull << 30, S2_NORMAL, 1);
    *mmu_pte(&s2, IPA_PG(0), 3) = mmu_leaf(buf2pa, S2_NORMAL, 3);
    *mmu_pte(&s2, IPA_PG(2), 3) = mmu_leaf(bufpa, (S2_NORMAL & ~S2_AP_RW) | S2_AP_RO, 3);
    *mmu_pte(&s2, IPA_PG(3), 3) = mmu_leaf(devpa, S2_DEVICE, 3);
    *mmu_pte(&s2, IPA_PG(4), 3) = mmu_leaf(bufpa, (S2_NORMAL & ~S2_MEMATTR(0xf)) | S2_MEMATTR_NC, 3);
    *mmu_pte(&s2, IPA_HI, 1) = mmu_leaf(RAM_BASE, S2_NORMAL, 1);

    mmu_space_init(&g1, MMU_G4K, 39, 1);
    mmu_map_identity(&g1, MMU_REGIME_EL10, RAM_END_128M);
    for (unsigned n = 0; n <= 5; n++)
        *mmu_pte(&g1, V(n), 3) = mmu_leaf(IPA_PG(n), PTE_NORMAL | PTE_PXN | PTE_UXN, 3);
    *mmu_pte(&g1, V(6), 3) = mmu_leaf(0xc0000000ull, PTE_NORMAL | PTE_PXN | PTE_UXN, 3);
    *mmu_pte(&g1, V(8), 3) = mmu_leaf(IPA_HI + 0x1234000, PTE_NORMAL | PTE_PXN | PTE_UXN, 3);
    /* V(7) stays unmapped at stage 1; V_PTW's level-3 table is at an IPA
     * stage 2 does not map */
    *mmu_pte(&g1, V_PTW, 2) = IPA_PTW | PTE_TABLE;

    write_sysreg(vtcr_el2, VTCR_RES1 | VTCR_T0SZ(24) | vtcr_sl0(MMU_G4K, 1) | VTCR_IRGN0_WBWA |
                           VTCR_ORGN0_WBWA | VTCR_SH0_INNER | VTCR_TG0_4K | VTCR_PS(PS_40BIT));
    write_sysreg(vttbr_el2, mmu_root(&s2) | VTTBR_VMID(1));
    write_sysreg(mair_el1, MAIR_DEFAULT);
    write_sysreg(tcr_el1, TCR_T0SZ(25) | TCR_TG0_4K | TCR_WALK0 | TCR_EPD1 | TCR_IPS(PS_40BIT));
    write_sysreg(ttbr0_el1, mmu_root(&g1));
    write_sysreg(hcr_el2, HCR_RW | HCR_VM);
    isb();

    /* stage 1 off first */
    tlbi(vmalls12e1);
    dsb(nsh);
    isb();
    check_par("stage 1 off: AT S12E1R IPA 0x8000_0000 -> buf2, Device-nGnRnE (stage 1 off) wins",
              AT(s12e1r, IPA_PG(0) + 0x44), par_ok(buf2pa, MAIR_DEV_nGnRnE, SH_OUTER));
    check_par("stage 1 off: AT S12E1R unmapped IPA: stage 2 translation fault level 3",
              AT(s12e1r, IPA_PG(1)), par_fault(FSC_TRANSLATION(3), 1, 0));

    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();
    tlbi(vmalls12e1);   /* SCTLR_EL1.M may be held in the TLB (D8.17) */
    dsb(nsh);
    isb();
    check_par("AT S12E1R: VA -> IPA 0x8000_0000 -> PA of buf2 (WB + WB = WB)", AT(s12e1r, V(0) + 0x88),
              par_ok(buf2pa, MAIR_WB, SH_INNER));
    check_par("AT S1E1R at EL2 with HCR_EL2.VM = 1: the IPA", AT(s1e1r, V(0) + 0x88),
              par_ok(IPA_PG(0), MAIR_WB, SH_INNER));
    check_par("AT S12E1W: writable at both stages", AT(s12e1w, V(0)), par_ok(buf2pa, MAIR_WB, SH_INNER));
    check_par("AT S12E1R: identity IPA of RAM (1GB stage-2 block)", AT(s12e1r, (uint64_t)(uintptr_t)&buf[0]),
              par_ok(bufpa, MAIR_WB, SH_INNER));
    check_par("AT S12E1R: IPA not mapped at stage 2: F, S = 1, translation level 3", AT(s12e1r, V(1)),
              par_fault(FSC_TRANSLATION(3), 1, 0));
    check_par("AT S1E1R of the same VA: the IPA (stage 1 only)", AT(s1e1r, V(1)),
              par_ok(IPA_PG(1), MAIR_WB, SH_INNER));
    check_par("AT S12E1R: stage-2 read-only page", AT(s12e1r, V(2)), par_ok(bufpa, MAIR_WB, SH_INNER));
    check_par("AT S12E1W: stage-2 read-only page: F, S = 1, permission level 3", AT(s12e1w, V(2)),
              par_fault(FSC_PERMISSION(3), 1, 0));
    check_par("AT S12E1R: stage 2 Device-nGnRE wins over stage 1 WB: ATTR 0x04, SH 10", AT(s12e1r, V(3)),
              par_ok(devpa, MAIR_DEV_nGnRE, SH_OUTER));
    check_par("AT S12E1R: stage 2 Normal NC with stage 1 WB: ATTR 0x44, SH 10", AT(s12e1r, V(4)),
              par_ok(bufpa, MAIR_NC, SH_OUTER));
    check_par("AT S12E1R: IPA in an invalid stage-2 level-1 entry: translation level 1", AT(s12e1r, V(6)),
              par_fault(FSC_TRANSLATION(1), 1, 0));
    check_par("AT S12E1R: VA not mapped at stage 1: F, S = 0, translation level 3", AT(s12e1r, V(7)),
              par_fault(FSC_TRANSLATION(3), 0, 0));
    check_par("AT S12E1R: IPA with bit 39 set (second concatenated table), 1GB block",
              AT(s12e1r, V(8) + 0x10), par_ok(RAM_BASE + 0x1234000, MAIR_WB, SH_INNER));
    check_par("AT S12E1R: stage-1 table at an IPA stage 2 does not map: S = 1, PTW = 1, level 3",
              AT(s12e1r, V_PTW + 0x5000), par_fault(FSC_TRANSLATION(3), 1, 1));

    /* leave EL1&0 without a stage 2 and with its MMU off for the EL1 part */
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) & ~(SCTLR_M | SCTLR_C | SCTLR_I));
    write_sysreg(hcr_el2, HCR_RW);
    isb();
    tlbi(alle1);
    dsb(nsh);
    isb();
}

int main(void)
{
    mmu_pool_init(pool, sizeof pool);
    buf[0] = 1;
    if (current_el() == 2) {
        write_sysreg(vbar_el2, (uint64_t)vectors_el2);
        el2_setup_el1();
        tap_note("booted at EL2: AT S1E2*, S12E1*, then the EL1 part at EL1");
        el2_part();
        lower_call(SPSR_EL1h | SPSR_DAIF, el1_part, 0, (uint64_t)(uintptr_t)(el1_stack + sizeof el1_stack));
    } else {
        write_sysreg(vbar_el1, (uint64_t)vectors_el1);
        isb();
        el1_part(0);
    }
    return tap_done();
}
