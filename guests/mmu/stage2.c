/*
 * stage2 - stage 2 translation run by a small EL2 "hypervisor" inside the
 * guest (boots at EL2: --el 2).  EL1 runs with its stage-1 MMU off (IPA =
 * VA) except in the S1PTW part; EL2 keeps its own MMU off.
 *
 * Rules (Arm ARM DDI 0487: D8.2 translation process and the stage 2
 * initial lookup level; VTCR_EL2, VTTBR_EL2, HCR_EL2, HPFAR_EL2, FAR_EL2,
 * ESR_EL2 in D24.2; the Data Abort ISS; D8.16/D8.17 TLBs and maintenance):
 *  - VTCR_EL2: TG0 = 4KB, T0SZ = 24 (40-bit IPA), SL0 = 0b01: the walk
 *    starts at level 1 and, as 40 - 30 = 10 bits are resolved there, uses
 *    two concatenated level-1 tables (8KB, aligned to 8KB); PS = 0b010
 *    (40-bit PA).  Walks are Non-cacheable (IRGN0 = ORGN0 = 0): EL2 writes
 *    the tables with its MMU off.  VTTBR_EL2: BADDR and VMID [55:48].
 *  - HCR_EL2.VM = 1 enables stage 2 for EL1&0; RW = 1 keeps EL1 AArch64.
 *  - With the EL1 MMU off, EL1's data accesses are Device-nGnRnE at stage
 *    1 and the IPA is the VA; stage 2 maps the IPA to a PA.
 *  - A stage 2 fault on an access from EL1 is taken to EL2 (vector +0x400)
 *    as EC 0x24 with ESR_EL2.ISS: DFSC = fault type and level (translation
 *    0b0001LL, permission 0b0011LL), WnR, S1PTW; and, for a single load or
 *    store of a general-purpose register without writeback (ISV = 1):
 *    SAS [23:22] (access size), SSE [21] (sign-extended load), SRT [20:16]
 *    (the register), SF [15] (64-bit register), AR [14] (acquire/release).
 *    Loads/stores with writeback, and pairs, give ISV = 0 with ISS[23:14] = 0.
 *    HPFAR_EL2.FIPA [39:4] = IPA[47:12] of the fault; FAR_EL2 = the VA.
 *    For a stage 2 fault on a stage-1 table walk, S1PTW = 1, ISV = 0 and
 *    HPFAR_EL2 holds the IPA of the table; FAR_EL2 the VA being translated
 *    (WnR is not checked there).
 *  - Translation faults are not cached, so the handler maps a missing page
 *    with plain stores and a DSB, and the ERET retries the access.  A
 *    permission upgrade needs TLB maintenance: TLBI IPAS2E1IS, DSB ISH,
 *    TLBI VMALLE1IS, DSB ISH (D8.17.6.1: the IPA-based TLBI need not remove
 *    combined stage 1 + stage 2 entries), for the VMID in VTTBR_EL2.
 *  - Entries are tagged with the VMID: switching VTTBR_EL2 between VMIDs
 *    with different stage 2 tables needs no TLBI; reusing a VMID for other
 *    tables does (TLBI VMALLS12E1IS).  VTCR_EL2.VS = 1 makes VMIDs 16 bits
 *    (ID_AA64MMFR1_EL1.VMIDBits = 0b0010): VMIDs 0x0101 and 0x0001 differ.
 */
#include "exceptions.h"
#include "mmu.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"

#define EL1FN(n) uint64_t n(uint64_t); extern char n##_insn[];
EL1FN(el1_ldrb_w3) EL1FN(el1_str_x7) EL1FN(el1_ldrsh_x9) EL1FN(el1_ldrsh_w10) EL1FN(el1_ldar_x5)
EL1FN(el1_stlrh_w6) EL1FN(el1_ldr_w4) EL1FN(el1_ldr_post) EL1FN(el1_ldp) EL1FN(el1_ldr64)

static uint8_t pool[256 << 10] __attribute__((aligned(8192)));
static volatile uint64_t pages[12][512] __attribute__((aligned(4096)));
static uint8_t el1_stack[16384] __attribute__((aligned(16)));
static struct mmu_space s2a, s2b, s2c, s2d, s1;

#define IPA(n)      (0x80000000ull + (n) * 0x1000ull)
#define IPA_L2      0x80200000ull           /* level-2 entry 1 of L1[2]: invalid */
#define IPA_L1      0xc0000010ull           /* level-1 entry 3: invalid */
#define IPA_HI      0x8000000008ull         /* IPA bit 39: second concatenated table */
#define V_S1        0x1000000000ull         /* EL1 stage-1 VAs of the S1PTW part */
#define IPA_TABLE   IPA(15)                 /* IPA of V_S1's level-3 table */
#define MAGIC(p)    (0x5200000000000000ull | ((uint64_t)(p) << 32) | 0x1234)
#define RW_NC       (PTE_ATTRINDX(MAIR_IDX_NC) | PTE_SH_OUTER | PTE_AF | PTE_PXN | PTE_UXN)

static uint64_t pa(unsigned p) { return (uint64_t)(uintptr_t)pages[p]; }

/* ------------------------------------------------------------ EL2 side */
/* what the stage 2 fault handler maps on demand (IPA page -> PA) */
static struct lazy {
    uint64_t ipa, pa;
} lazy[16];
static unsigned nlazy;
static struct mmu_space *cur;       /* the stage 2 tables of the VTTBR */

static volatile struct {
    unsigned count, offset;
    uint64_t esr, far, hpfar, elr;
} flt;

static void lazy_add(uint64_t ipa, uint64_t to)
{
    lazy[nlazy].ipa = ipa & ~0xfffull;
    lazy[nlazy].pa = to;
    nlazy++;
}

void handle_exception(struct exc_frame *f, unsigned el, unsigned offset)
{
    if (el != 2 || offset != VEC_LOWER_A64 + VEC_SYNC || ESR_EC(f->esr) != EC_DABT_LOW)
        exc_unexpected(f, el, offset);
    flt.count++;
    flt.offset = offset;
    flt.esr = f->esr;
    flt.far = f->far;
    flt.hpfar = read_sysreg(hpfar_el2);
    flt.elr = f->elr;
    uint64_t ipa = (flt.hpfar >> 4) << 12;
    unsigned dfsc = f->esr & 0x3f;
    if ((dfsc & 0x3c) == FSC_PERMISSION(0)) {
        /* upgrade to RW: a valid entry changes, so TLB maintenance */
        volatile uint64_t *pte = mmu_pte(cur, ipa, 3);
        *pte |= S2_AP_RW;
        dsb(ishst);
        tlbi_x(ipas2e1is, TLBI_IPA(ipa));
        dsb(ish);
        tlbi(vmalle1is);
        dsb(ish);
        return;
    }
    for (unsigned i = 0; i < nlazy; i++)
        if (lazy[i].ipa == ipa) {
            /* invalid -> valid: no TLBI (translation faults are not cached) */
            *mmu_pte(cur, ipa, 3) = mmu_leaf(lazy[i].pa, S2_NORMAL, 3);
            dsb(ishst);
            return;     /* ERET: retry */
        }
    exc_unexpected(f, el, offset);
}

static void reset(void)
{
    flt.count = flt.offset = 0;
    flt.esr = flt.far = flt.hpfar = flt.elr = 0;
}

static uint64_t run_el1(lower_fn fn, uint64_t arg)
{
    return lower_call(SPSR_EL1h | SPSR_DAIF, fn, arg, (uint64_t)(uintptr_t)(el1_stack + sizeof el1_stack));
}

static void set_vttbr(struct mmu_space *s, unsigned vmid)
{
    cur = s;
    write_sysreg(vttbr_el2, mmu_root(s) | VTTBR_VMID(vmid));
    isb();
}

static void build_s2(struct mmu_space *s)
{
    mmu_space_init(s, MMU_G4K, 40, 1);      /* 2 concatenated level-1 tables */
    mmu_map(s, RAM_BASE, RAM_BASE, 1ull << 30, S2_NORMAL, 1);
    *mmu_pte(s, UART_PA, 3) = mmu_leaf(UART_PA, S2_DEVICE, 3);
    (void)mmu_pte(s, IPA(0), 3);            /* the level-3 table of 0x8000_0000 */
}

static char name[160];
#define NAME(...) (snprintf(name, sizeof name, __VA_ARGS__), name)

/* one stage-2 fault that the handler resolves: 5 checks */
static void expect_s2(const char *what, uint64_t result, uint64_t expected, uint32_t iss,
                      uint64_t far, uint64_t ipa, const char *insn, uint64_t esr_mask)
{
    char w[100];
    snprintf(w, sizeof w, "%s", what);
    check(NAME("%s: the access completes after the fault is fixed", w), result, expected);
    check(NAME("%s: one Data Abort taken to EL2, vector +0x400", w), ((uint64_t)flt.count << 12) | flt.offset,
          (1u << 12) | VEC_LOWER_A64);
    uint64_t esr = ESR_ELx(EC_DABT_LOW, iss);
    check(NAME("%s: ESR_EL2 = 0x%llx", w, (unsigned long long)(esr & esr_mask)), flt.esr & esr_mask,
          esr & esr_mask);
    check(NAME("%s: FAR_EL2 = VA, HPFAR_EL2 = IPA[47:12] << 4", w),
          flt.far == far && flt.hpfar == HPFAR_FOR_IPA(ipa), 1);
    check(NAME("%s: ELR_EL2 = the access", w), flt.elr, (uint64_t)(uintptr_t)insn);
}

#define ISV_LD(sas, srt, sf) (ISS_ISV | ISS_SAS(sas) | ISS_SRT(srt) | ((sf) ? ISS_SF : 0))

int main(void)
{
    if (!check("CurrentEL is EL2", current_el(), 2))
        return tap_done();
    write_sysreg(vbar_el2, (uint64_t)vectors_el2);
    el2_setup_el1();
    for (unsigned p = 0; p < 12; p++) {
        pages[p][0] = MAGIC(p);
        pages[p][1] = 0x1122334455668001ull;    /* halfword 0x8001 for LDRSH */
        pages[p][2] = 0x0123456789abcdefull;
    }

    mmu_pool_init(pool, sizeof pool);
    build_s2(&s2a);
    *mmu_pte(&s2a, IPA(0), 3) = mmu_leaf(pa(0), S2_NORMAL, 3);     /* the offset page */
    *mmu_pte(&s2a, IPA(8), 3) = mmu_leaf(pa(8), (S2_NORMAL & ~S2_AP_RW) | S2_AP_RO, 3);
    build_s2(&s2b);
    *mmu_pte(&s2b, IPA(0), 3) = mmu_leaf(pa(1), S2_NORMAL, 3);
    build_s2(&s2c);
    *mmu_pte(&s2c, IPA(0), 3) = mmu_leaf(pa(2), S2_NORMAL, 3);
    build_s2(&s2d);
    *mmu_pte(&s2d, IPA(0), 3) = mmu_leaf(pa(6), S2_NORMAL, 3);

    uint64_t vtcr = VTCR_RES1 | VTCR_T0SZ(24) | vtcr_sl0(MMU_G4K, 1) | (2ull << 12) /* SH0 outer */ |
                    VTCR_TG0_4K | VTCR_PS(PS_40BIT);
    write_sysreg(vtcr_el2, vtcr);
    set_vttbr(&s2a, 1);
    write_sysreg(hcr_el2, HCR_RW | HCR_VM);
    isb();
    tlbi(alle1);
    dsb(nsh);
    isb();
    check("VTCR_EL2 reads back (T0SZ 24, SL0 01, TG0 4KB, PS 40 bits)", read_sysreg(vtcr_el2), vtcr);
    check("HCR_EL2.VM = 1", read_sysreg(hcr_el2) & (HCR_VM | HCR_RW), HCR_VM | HCR_RW);

    /* ---- the offset page and identity RAM ---- */
    reset();
    check("EL1 reads IPA 0x8000_0000: the data of the PA stage 2 maps it to (page 0)",
          run_el1(el1_ldr64, IPA(0)), MAGIC(0));
    check("EL1 reads identity-mapped RAM (1GB stage-2 block) at its own PA",
          run_el1(el1_ldr64, pa(5)), MAGIC(5));
    check("  ... without a stage 2 fault", flt.count, 0);

    /* ---- stage 2 translation faults, one per load/store form ---- */
    lazy_add(IPA(1), pa(1));
    reset();
    expect_s2("LDRB W3 from unmapped IPA 0x8000_1001, translation level 3",
              run_el1(el1_ldrb_w3, IPA(1) + 1), (MAGIC(1) >> 8) & 0xff,
              ISV_LD(0, 3, 0) | FSC_TRANSLATION(3), IPA(1) + 1, IPA(1) + 1, el1_ldrb_w3_insn, ~0ull);
    lazy_add(IPA(2), pa(2));
    reset();
    expect_s2("STR X7 to unmapped IPA 0x8000_2010 (WnR = 1)", run_el1(el1_str_x7, IPA(2) + 0x10),
              0x5a5a000000007777ull, ISV_LD(3, 7, 1) | ISS_WNR | FSC_TRANSLATION(3), IPA(2) + 0x10,
              IPA(2) + 0x10, el1_str_x7_insn, ~0ull);
    check("  ... and the store reached the PA behind the IPA", pages[2][2], 0x5a5a000000007777ull);
    lazy_add(IPA(3), pa(3));
    reset();
    expect_s2("LDRSH X9 (SSE = 1, SF = 1)", run_el1(el1_ldrsh_x9, IPA(3) + 8), 0xffffffffffff8001ull,
              ISV_LD(1, 9, 1) | ISS_SSE | FSC_TRANSLATION(3), IPA(3) + 8, IPA(3) + 8, el1_ldrsh_x9_insn, ~0ull);
    lazy_add(IPA(4), pa(4));
    reset();
    expect_s2("LDRSH W10 (SSE = 1, SF = 0)", run_el1(el1_ldrsh_w10, IPA(4) + 8), 0xffff8001ull,
              ISV_LD(1, 10, 0) | ISS_SSE | FSC_TRANSLATION(3), IPA(4) + 8, IPA(4) + 8, el1_ldrsh_w10_insn,
              ~0ull);
    lazy_add(IPA(5), pa(5));
    reset();
    expect_s2("LDAR X5 (AR = 1)", run_el1(el1_ldar_x5, IPA(5) + 0x10), 0x0123456789abcdefull,
              ISV_LD(3, 5, 1) | ISS_AR | FSC_TRANSLATION(3), IPA(5) + 0x10, IPA(5) + 0x10, el1_ldar_x5_insn,
              ~0ull);
    lazy_add(IPA(6), pa(6));
    reset();
    expect_s2("STLRH W6 (AR = 1, WnR = 1, SAS = halfword)", run_el1(el1_stlrh_w6, IPA(6) + 0x1e), 0xbeef,
              ISV_LD(1, 6, 0) | ISS_AR | ISS_WNR | FSC_TRANSLATION(3), IPA(6) + 0x1e, IPA(6) + 0x1e,
              el1_stlrh_w6_insn, ~0ull);
    lazy_add(IPA(7), pa(7));
    reset();
    expect_s2("LDR X2, [X0], #8 (writeback: ISV = 0)", run_el1(el1_ldr_post, IPA(7) + 0x10),
              0x0123456789abcdefull, FSC_TRANSLATION(3), IPA(7) + 0x10, IPA(7) + 0x10, el1_ldr_post_insn, ~0ull);
    lazy_add(IPA(9), pa(9));
    reset();
    expect_s2("LDP X2, X3 (pair: ISV = 0)", run_el1(el1_ldp, IPA(9)), MAGIC(9) + 0x1122334455668001ull,
              FSC_TRANSLATION(3), IPA(9), IPA(9), el1_ldp_insn, ~0ull);
    lazy_add(IPA_L2, pa(10));
    reset();
    expect_s2("LDR W4 from an IPA whose level-2 entry is invalid: translation level 2",
              run_el1(el1_ldr_w4, IPA_L2 + 4), MAGIC(10) >> 32,
              ISV_LD(2, 4, 0) | FSC_TRANSLATION(2), IPA_L2 + 4, IPA_L2 + 4, el1_ldr_w4_insn, ~0ull);
    lazy_add(IPA_L1, pa(11));
    reset();
    expect_s2("LDR X0 from an IPA whose level-1 entry is invalid: translation level 1",
              run_el1(el1_ldr64, IPA_L1), 0x0123456789abcdefull,
              ISV_LD(3, 0, 1) | FSC_TRANSLATION(1), IPA_L1, IPA_L1, el1_ldr64_insn, ~0ull);
    lazy_add(IPA_HI, pa(11));
    reset();
    expect_s2("LDR X0 from IPA 0x80_0000_0008 (second concatenated table): translation level 1",
              run_el1(el1_ldr64, IPA_HI), 0x1122334455668001ull,
              ISV_LD(3, 0, 1) | FSC_TRANSLATION(1), IPA_HI, IPA_HI, el1_ldr64_insn, ~0ull);
    reset();
    check("the IPA mapped on demand stays mapped: no fault the second time",
          run_el1(el1_ldr64, IPA(1)) == MAGIC(1) && flt.count == 0, 1);

    /* ---- stage 2 permission fault, upgraded by the handler ---- */
    reset();
    check("EL1 reads a stage-2 read-only page", run_el1(el1_ldr64, IPA(8)), MAGIC(8));
    expect_s2("STR X7 to a stage-2 read-only page: permission level 3, handler makes it RW",
              run_el1(el1_str_x7, IPA(8) + 0x18), 0x5a5a000000007777ull,
              ISV_LD(3, 7, 1) | ISS_WNR | FSC_PERMISSION(3), IPA(8) + 0x18, IPA(8) + 0x18, el1_str_x7_insn,
              ~0ull);

    /* ---- stage 2 fault on a stage-1 table walk (S1PTW) ---- */
    mmu_space_init(&s1, MMU_G4K, 39, 1);
    for (uint64_t a = RAM_BASE; a < RAM_END_128M; a += 0x200000)
        *mmu_pte(&s1, a, 2) = mmu_leaf(a, (RW_NC & ~(PTE_PXN | PTE_UXN)) | PTE_UXN, 2);
    *mmu_pte(&s1, UART_PA, 3) = mmu_leaf(UART_PA, PTE_DEVICE, 3);
    uint64_t *l3 = mmu_alloc(4096, 4096);           /* V_S1's level-3 table, PA in the pool */
    l3[0] = mmu_leaf(IPA(0), RW_NC, 3);             /* V_S1 -> IPA 0x8000_0000 */
    l3[1] = mmu_leaf(IPA(14), RW_NC, 3);            /* V_S1 + 0x1000 -> IPA not mapped yet */
    *mmu_pte(&s1, V_S1, 2) = IPA_TABLE | PTE_TABLE;
    lazy_add(IPA_TABLE, (uint64_t)(uintptr_t)l3);
    lazy_add(IPA(14), pa(4));
    write_sysreg(mair_el1, MAIR_DEFAULT);
    write_sysreg(tcr_el1, TCR_T0SZ(25) | TCR_TG0_4K | TCR_EPD1 | TCR_IPS(PS_40BIT));   /* NC walks */
    write_sysreg(ttbr0_el1, mmu_root(&s1));
    write_sysreg(sctlr_el1, SCTLR_EL1_GUEST | SCTLR_M);
    isb();
    tlbi(vmalls12e1is);
    dsb(ish);
    isb();
    reset();
    expect_s2("EL1 MMU on, LDR of a VA whose level-3 table IPA is unmapped: S1PTW = 1, ISV = 0",
              run_el1(el1_ldr64, V_S1 + 0x10), 0x0123456789abcdefull, ISS_S1PTW | FSC_TRANSLATION(3),
              V_S1 + 0x10, IPA_TABLE, el1_ldr64_insn, ~(uint64_t)ISS_WNR);
    reset();
    expect_s2("EL1 MMU on, LDR X0 of a VA whose IPA is unmapped: FAR = VA, HPFAR = IPA",
              run_el1(el1_ldr64, V_S1 + 0x1008), 0x1122334455668001ull,
              ISV_LD(3, 0, 1) | FSC_TRANSLATION(3), V_S1 + 0x1008, IPA(14) + 8, el1_ldr64_insn, ~0ull);
    write_sysreg(sctlr_el1, SCTLR_EL1_GUEST);
    isb();
    tlbi(vmalls12e1is);
    dsb(ish);
    isb();

    /* ---- two VMIDs ---- */
    reset();
    check("VMID 1: IPA 0x8000_0000 reads page 0", run_el1(el1_ldr64, IPA(0)), MAGIC(0));
    set_vttbr(&s2b, 2);
    check("VMID 2 (other tables, no TLBI): IPA 0x8000_0000 reads page 1", run_el1(el1_ldr64, IPA(0)), MAGIC(1));
    set_vttbr(&s2a, 1);
    check("VMID 1 again (no TLBI): page 0", run_el1(el1_ldr64, IPA(0)), MAGIC(0));
    /* VMID 1: IPA 0x8000_0000 -> page 3, break-before-make, KVM's sequence */
    volatile uint64_t *pte = mmu_pte(&s2a, IPA(0), 3);
    *pte = 0;
    dsb(ishst);
    tlbi_x(ipas2e1is, TLBI_IPA(IPA(0)));
    dsb(ish);
    tlbi(vmalle1is);
    dsb(ish);
    *pte = mmu_leaf(pa(3), S2_NORMAL, 3);
    dsb(ish);
    isb();
    check("VMID 1 after IPAS2E1IS + VMALLE1IS and the new mapping: page 3", run_el1(el1_ldr64, IPA(0)), MAGIC(3));
    set_vttbr(&s2b, 2);
    check("VMID 2 untouched: still page 1", run_el1(el1_ldr64, IPA(0)), MAGIC(1));
    set_vttbr(&s2c, 2);     /* VMID 2 reused for other tables */
    tlbi(vmalls12e1is);
    dsb(ish);
    isb();
    check("VMID 2 reused with new tables after TLBI VMALLS12E1IS: page 2", run_el1(el1_ldr64, IPA(0)), MAGIC(2));
    check("  ... no stage 2 fault in the VMID part", flt.count, 0);

    /* ---- 16-bit VMIDs ---- */
    if (MMFR1_VMIDBITS(read_sysreg(id_aa64mmfr1_el1)) == 2) {
        write_sysreg(vtcr_el2, vtcr | VTCR_VS);
        isb();
        tlbi(alle1is);      /* VTCR_EL2 fields may be held in the TLB */
        dsb(ish);
        isb();
        set_vttbr(&s2a, 1);
        check("VTCR_EL2.VS = 1, VMID 0x0001: page 3", run_el1(el1_ldr64, IPA(0)), MAGIC(3));
        set_vttbr(&s2d, 0x101);
        check("VMID 0x0101 (no TLBI): its own page 6, not VMID 0x0001's page 3", run_el1(el1_ldr64, IPA(0)),
              MAGIC(6));
        set_vttbr(&s2a, 1);
        check("VMID 0x0001 again: page 3", run_el1(el1_ldr64, IPA(0)), MAGIC(3));
        set_vttbr(&s2d, 0x101);
        check("VTTBR_EL2.VMID holds 16 bits", read_sysreg(vttbr_el2) >> 48, 0x101);
    } else {
        for (unsigned i = 0; i < 4; i++)
            tap_skip("16-bit VMIDs", "ID_AA64MMFR1_EL1.VMIDBits = 8 bits");
    }

    write_sysreg(hcr_el2, HCR_RW);
    isb();
    return tap_done();
}
