/*
 * vhe - the EL2&0 translation regime of FEAT_VHE (boots at EL2: --el 2):
 * HCR_EL2.E2H = 1, TGE = 1; TCR_EL2 in its E2H layout (that of TCR_EL1:
 * T0SZ/T1SZ, TG0/TG1, IPS, AS, A1, EPD1), TTBR0_EL2 (with an ASID) and
 * TTBR1_EL2; an EL0 program running in that regime.
 *
 * Rules (Arm ARM DDI 0487: D8.1.3 / D5 "Virtualization Host Extensions",
 * HCR_EL2, TCR_EL2, TTBR0_EL2, TTBR1_EL2 in D24.2; D8.4 permissions;
 * D8.16 TLB tagging; the TLBI VAE2IS / VAE1IS pseudocode):
 *  - With E2H = 1 the EL2 regime has two VA ranges and an ASID, like
 *    EL1&0: TTBR0_EL2 for the low range, TTBR1_EL2 for the high one;
 *    descriptors have AP[1] (EL0 access), PXN and UXN, nG.
 *  - With E2H = TGE = 1, EL0 runs in the EL2&0 regime and its exceptions go
 *    to EL2: a stage-1 fault from EL0 is a Data Abort EC 0x24 in ESR_EL2,
 *    FAR_EL2 = the VA, vector VBAR_EL2 + 0x400.
 *  - nG entries are tagged by ASID (TTBR0_EL2.ASID, TCR_EL2.A1 = 0): switching
 *    TTBR0_EL2 between ASIDs with different tables needs no TLBI.
 *  - TLBI VAE2IS with E2H = 1 takes an ASID in Xt[63:48] and invalidates the
 *    EL2&0 entries of that VA and ASID; TLBI VAE1IS executed at EL2 with
 *    E2H = TGE = 1 also targets the EL2&0 regime.
 *  - SCTLR_EL2.SPAN = 1 keeps PSTATE.PAN unchanged on exceptions to EL2.
 */
#include "exceptions.h"
#include "mmu.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"
#include "probes.h"

#define FAULT_MARK  0xfa017fa017fa0170ull

static uint8_t pool[192 << 10] __attribute__((aligned(4096)));
static volatile uint64_t pages[6][512] __attribute__((aligned(4096)));   /* A, B, C, D, G, H */
enum { PA_A, PA_B, PA_C, PA_D, PA_G, PA_H };
static uint8_t el0_stack[4096] __attribute__((aligned(4096)));
static struct mmu_space sa, sb, hi;

#define X       0x80000000ull           /* nG, EL0 RW: A (ASID 1) / B (ASID 2) */
#define GV      0x80001000ull           /* global, EL0 RW: G */
#define PRIV    0x80002000ull           /* global, EL2 only: H */
#define HI      0xffffffffc0000000ull   /* TTBR1_EL2, EL2 only: H */
#define RD(va)      (*(volatile uint64_t *)(uintptr_t)(va))
#define MAGIC(p)    (0x0e2d000000000000ull | ((uint64_t)(p) << 20) | 0x42)

static uint64_t pa(unsigned p) { return (uint64_t)(uintptr_t)pages[p]; }

static volatile struct {
    unsigned count, el, offset;
    uint64_t esr, far, elr, spsr;
} flt;

void handle_exception(struct exc_frame *f, unsigned el, unsigned offset)
{
    if (el != 2 || offset != VEC_LOWER_A64 + VEC_SYNC || ESR_EC(f->esr) != EC_DABT_LOW)
        exc_unexpected(f, el, offset);
    flt.count++;
    flt.el = el;
    flt.offset = offset;
    flt.esr = f->esr;
    flt.far = f->far;
    flt.elr = f->elr;
    flt.spsr = f->spsr;
    f->elr += 4;
    f->x[0] = FAULT_MARK;
}

static void reset(void)
{
    flt.count = flt.el = flt.offset = 0;
    flt.esr = flt.far = flt.elr = flt.spsr = 0;
}

static uint64_t el0(lower_fn fn, uint64_t arg)
{
    return lower_call(SPSR_EL0t, fn, arg, (uint64_t)(uintptr_t)(el0_stack + sizeof el0_stack));
}

static void set_ttbr0(struct mmu_space *s, unsigned asid)
{
    write_sysreg(ttbr0_el2, mmu_root(s) | TTBR_ASID(asid));
    isb();
}

static void build(struct mmu_space *s, unsigned x_page)
{
    uint64_t el0rw = PTE_NORMAL | PTE_AP_RW_ALL | PTE_PXN | PTE_UXN;
    mmu_space_init(s, MMU_G4K, 39, 1);
    mmu_map_identity(s, MMU_REGIME_EL20, RAM_END_128M);
    *mmu_pte(s, X, 3) = mmu_leaf(pa(x_page), el0rw | PTE_NG, 3);
    *mmu_pte(s, GV, 3) = mmu_leaf(pa(PA_G), el0rw, 3);
    *mmu_pte(s, PRIV, 3) = mmu_leaf(pa(PA_H), PTE_NORMAL | PTE_AP_RW_EL1 | PTE_PXN | PTE_UXN, 3);
    uint64_t sp = (uint64_t)(uintptr_t)el0_stack;
    *mmu_pte(s, sp, 3) = mmu_leaf(sp, el0rw, 3);
}

static char name[160];
#define NAME(...) (snprintf(name, sizeof name, __VA_ARGS__), name)

static void expect_el0_abort(const char *what, uint64_t r, unsigned fsc, uint64_t far)
{
    char w[100];
    snprintf(w, sizeof w, "%s", what);
    check(NAME("%s: one abort to EL2, vector +0x400, result FAULT_MARK", w),
          ((uint64_t)flt.count << 16) | (flt.el << 12) | flt.offset | (r == FAULT_MARK ? 1u << 24 : 0),
          (1u << 24) | (1u << 16) | (2u << 12) | VEC_LOWER_A64);
    check(NAME("%s: ESR_EL2 = EC 0x24, FSC 0x%02x", w, fsc), flt.esr, ESR_ELx(EC_DABT_LOW, fsc));
    check(NAME("%s: FAR_EL2 = the VA, ELR_EL2 = the load, SPSR_EL2.M = EL0t", w),
          flt.far == far && flt.elr == (uint64_t)(uintptr_t)probe_ld64_insn &&
          (flt.spsr & SPSR_M_MASK) == SPSR_EL0t, 1);
}

static void bbm_x(struct mmu_space *s, unsigned to, unsigned asid, int vae1)
{
    volatile uint64_t *pte = mmu_pte(s, X, 3);
    *pte = 0;
    dsb(ishst);
    if (vae1)
        tlbi_x(vae1is, TLBI_VA(X, asid));
    else
        tlbi_x(vae2is, TLBI_VA(X, asid));
    dsb(ish);
    *pte = mmu_leaf(pa(to), PTE_NORMAL | PTE_AP_RW_ALL | PTE_PXN | PTE_UXN | PTE_NG, 3);
    dsb(ish);
    isb();
}

int main(void)
{
    if (!check("CurrentEL is EL2", current_el(), 2))
        return tap_done();
    write_sysreg(vbar_el2, (uint64_t)vectors_el2);
    el2_setup_el1();
    check("ID_AA64MMFR1_EL1.VH = 1 (FEAT_VHE)", MMFR1_VH(read_sysreg(id_aa64mmfr1_el1)), 1);
    int asid16 = MMFR0_ASIDBITS(read_sysreg(id_aa64mmfr0_el1)) == 2;
    for (unsigned p = 0; p < 6; p++)
        pages[p][0] = MAGIC(p);

    mmu_pool_init(pool, sizeof pool);
    build(&sa, PA_A);
    build(&sb, PA_B);
    mmu_space_init(&hi, MMU_G4K, 39, 1);
    *mmu_pte(&hi, HI, 3) = mmu_leaf(pa(PA_H), PTE_NORMAL | PTE_AP_RW_EL1 | PTE_PXN | PTE_UXN, 3);

    write_sysreg(hcr_el2, HCR_RW | HCR_E2H | HCR_TGE);
    isb();
    write_sysreg(cptr_el2, read_sysreg(cptr_el2) | CPTR_EL2_FPEN);   /* FP/SIMD: the E2H = 1 layout */
    check("HCR_EL2 = RW | E2H | TGE", read_sysreg(hcr_el2), HCR_RW | HCR_E2H | HCR_TGE);
    uint64_t tcr = TCR_T0SZ(25) | TCR_T1SZ(25) | TCR_TG0_4K | TCR_TG1_4K | TCR_WALK0 | TCR_WALK1 |
                   TCR_IPS(PS_40BIT) | (asid16 ? TCR_AS : 0);
    write_sysreg(mair_el2, MAIR_DEFAULT);
    write_sysreg(tcr_el2, tcr);
    set_ttbr0(&sa, 1);
    write_sysreg(ttbr1_el2, mmu_root(&hi));
    isb();
    check("TCR_EL2 (E2H layout: T1SZ, TG1, IPS, AS) reads back", read_sysreg(tcr_el2), tcr);
    tlbi(alle2);
    dsb(nsh);
    isb();
    /* SCTLR_EL2 in its E2H layout: the EL1 value's RES1 bits (SPAN = 1) */
    write_sysreg(sctlr_el2, SCTLR_EL1_GUEST | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();
    check("MMU on: SCTLR_EL2.M, C, I", read_sysreg(sctlr_el2) & (SCTLR_M | SCTLR_C | SCTLR_I),
          SCTLR_M | SCTLR_C | SCTLR_I);

    check("EL2 reads a TTBR1_EL2 address", RD(HI + 0), MAGIC(PA_H));
    check("EL2 reads X through TTBR0_EL2 (ASID 1)", RD(X), MAGIC(PA_A));
    check("EL2 reads its EL2-only page", RD(PRIV), MAGIC(PA_H));

    reset();
    check("EL0, ASID 1: X reads page A", el0((lower_fn)probe_ld64, X), MAGIC(PA_A));
    check("EL0, ASID 1: the global page reads G", el0((lower_fn)probe_ld64, GV), MAGIC(PA_G));
    set_ttbr0(&sb, 2);
    check("EL0, ASID 2 (no TLBI): X reads page B", el0((lower_fn)probe_ld64, X), MAGIC(PA_B));
    check("EL0, ASID 2: the global page reads G", el0((lower_fn)probe_ld64, GV), MAGIC(PA_G));
    check("EL0, ASID 2 writes X: page B changes", el0((lower_fn)probe_st_self, X + 8) == X + 8 &&
          pages[PA_B][1] == X + 8 && pages[PA_A][1] == 0, 1);
    set_ttbr0(&sa, 1);
    check("EL0, ASID 1 again (no TLBI): X reads page A", el0((lower_fn)probe_ld64, X), MAGIC(PA_A));
    check("  ... all without an abort", flt.count, 0);

    reset();
    uint64_t r = el0((lower_fn)probe_ld64, PRIV + 0x10);
    expect_el0_abort("EL0 reads an EL2-only (AP = 00) page: permission level 3", r, FSC_PERMISSION(3),
                     PRIV + 0x10);
    reset();
    r = el0((lower_fn)probe_ld64, HI + 0x20);
    expect_el0_abort("EL0 reads an EL2-only TTBR1_EL2 page: permission level 3", r, FSC_PERMISSION(3),
                     HI + 0x20);
    reset();
    r = el0((lower_fn)probe_ld64, 0x80003000ull);
    expect_el0_abort("EL0 reads an unmapped page: translation level 3", r, FSC_TRANSLATION(3), 0x80003000ull);
    reset();
    r = el0((lower_fn)probe_ld64, 0xffffffffc0200000ull);
    expect_el0_abort("EL0 reads an unmapped TTBR1_EL2 address: translation level 2", r, FSC_TRANSLATION(2),
                     0xffffffffc0200000ull);

    /* TLB maintenance of the EL2&0 regime, by VA and ASID */
    (void)el0((lower_fn)probe_ld64, X);         /* ASID 1's X in the TLB */
    set_ttbr0(&sb, 2);
    (void)el0((lower_fn)probe_ld64, X);         /* ASID 2's X too */
    bbm_x(&sa, PA_C, 1, 0);
    check("ASID 1's X -> C with TLBI VAE2IS(X, ASID 1): ASID 2 still reads B",
          el0((lower_fn)probe_ld64, X), MAGIC(PA_B));
    set_ttbr0(&sa, 1);
    check("  ... and ASID 1 reads C", el0((lower_fn)probe_ld64, X), MAGIC(PA_C));
    bbm_x(&sb, PA_D, 2, 1);
    check("ASID 2's X -> D with TLBI VAE1IS at EL2 (E2H = TGE = 1: the EL2&0 regime): ASID 1 reads C",
          el0((lower_fn)probe_ld64, X), MAGIC(PA_C));
    set_ttbr0(&sb, 2);
    check("  ... and ASID 2 reads D", el0((lower_fn)probe_ld64, X), MAGIC(PA_D));
    check("EL2 reads X under ASID 2: D", RD(X), MAGIC(PA_D));
    mmu_el2_off();      /* exit with the MMU off: nothing left only in a cache */
    return tap_done();
}
