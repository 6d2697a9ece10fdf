/*
 * asid - address-space identifiers (boots at EL1; 4KB granule, 39-bit VAs).
 *
 * Rules (Arm ARM DDI 0487: D8.16 "Translation Lookaside Buffers" and its
 * rules on TLB matching and tagging; D8.17 TLB maintenance; TCR_EL1.A1/AS,
 * TTBR0_EL1.ASID, ID_AA64MMFR0_EL1.ASIDBits in D24.2):
 *  - A block or page descriptor with nG = 1 is cached tagged with the
 *    current ASID, and a TLB entry only ever matches a lookup with the same
 *    ASID; nG = 0 (global) entries match every ASID.  So switching TTBR0_EL1
 *    (tables and ASID) without any TLBI gives each ASID its own mapping of
 *    the same VA - provided each ASID is only ever used with one set of
 *    tables (the software's side of the contract).
 *  - TCR_EL1.A1 = 0: the ASID is TTBR0_EL1.ASID; A1 = 1: TTBR1_EL1.ASID.
 *  - TCR_EL1.AS = 1 (with ID_AA64MMFR0_EL1.ASIDBits = 0b0010) makes ASIDs
 *    16 bits: ASIDs 0x0101 and 0x0001 are different.
 *  - AT S1E1R reports a Translation fault for a VA that only another ASID
 *    maps (its entry may not be used).
 *  - TLBI ASIDE1IS removes the non-global entries of one ASID; TLBI VAE1IS
 *    with an ASID those of one VA and ASID; after either (and DSB, ISB) the
 *    changed tables are used.  Tables are changed break-before-make (D8.17.1).
 * Every check here is one the architecture guarantees (the same result
 * with or without a TLB), so the output must equal QEMU's.
 */
#include "exceptions.h"
#include "mmu.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"

static uint8_t pool[320 << 10] __attribute__((aligned(4096)));
/* pages: A, B, C (ASIDs 1, 2, 0x101), G (global), A2 (ASID 1 only), D, E */
static volatile uint64_t pages[7][512] __attribute__((aligned(4096)));
enum { PA_A, PA_B, PA_C, PA_G, PA_A2, PA_D, PA_E };
static struct mmu_space sa, sb, sc;

#define X   0x80000000ull       /* nG: A, B or C */
#define Y   0x80001000ull       /* global: G in every table */
#define Z   0x80002000ull       /* nG, only in ASID 1's tables */

#define RD(va) (*(volatile uint64_t *)(uintptr_t)(va))
#define MAGIC(p) (0xa51d000000000000ull | ((uint64_t)(p) << 32) | 0x5a5a)
static uint64_t pa(unsigned p) { return (uint64_t)(uintptr_t)pages[p]; }

static void set_ttbr0(struct mmu_space *s, unsigned asid)
{
    write_sysreg(ttbr0_el1, mmu_root(s) | TTBR_ASID(asid));
    isb();
}

static void build(struct mmu_space *s, unsigned x_page, int with_z)
{
    uint64_t nga = PTE_NORMAL | PTE_NG | PTE_PXN | PTE_UXN;
    mmu_space_init(s, MMU_G4K, 39, 1);
    mmu_map_identity(s, MMU_REGIME_EL10, RAM_END_128M);
    *mmu_pte(s, X, 3) = mmu_leaf(pa(x_page), nga, 3);
    *mmu_pte(s, Y, 3) = mmu_leaf(pa(PA_G), PTE_NORMAL | PTE_PXN | PTE_UXN, 3);
    if (with_z)
        *mmu_pte(s, Z, 3) = mmu_leaf(pa(PA_A2), nga, 3);
    else
        (void)mmu_pte(s, Z, 3);     /* the level-3 table exists, the entry is invalid */
}

/* break-before-make of X in `s` to page `to`, invalidating with `how` */
static void remap_x(struct mmu_space *s, unsigned to, unsigned asid, int by_asid)
{
    volatile uint64_t *pte = mmu_pte(s, X, 3);
    *pte = 0;
    dsb(ishst);
    if (by_asid)
        tlbi_x(aside1is, (uint64_t)asid << 48);
    else
        tlbi_x(vae1is, TLBI_VA(X, asid));
    dsb(ish);
    *pte = mmu_leaf(pa(to), PTE_NORMAL | PTE_NG | PTE_PXN | PTE_UXN, 3);
    dsb(ish);
    isb();
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    int asid16 = MMFR0_ASIDBITS(read_sysreg(id_aa64mmfr0_el1)) == 2;
    for (unsigned p = 0; p < 7; p++)
        pages[p][0] = MAGIC(p);

    mmu_pool_init(pool, sizeof pool);
    build(&sa, PA_A, 1);
    build(&sb, PA_B, 0);
    build(&sc, PA_C, 0);

    uint64_t tcr = TCR_T0SZ(25) | TCR_TG0_4K | TCR_WALK0 | TCR_EPD1 | TCR_IPS(PS_40BIT) |
                   (asid16 ? TCR_AS : 0);
    write_sysreg(mair_el1, MAIR_DEFAULT);
    write_sysreg(tcr_el1, tcr);
    set_ttbr0(&sa, 1);
    tlbi(vmalle1);
    dsb(nsh);
    isb();
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();

    check("ASID 1: X (nG) reads page A", RD(X), MAGIC(PA_A));
    check("ASID 1: Y (global) reads page G", RD(Y), MAGIC(PA_G));
    check("ASID 1: Z (nG, ASID 1 only) reads page A2", RD(Z), MAGIC(PA_A2));

    set_ttbr0(&sb, 2);      /* no TLBI: entries are tagged with the ASID */
    check("ASID 2 (no TLBI): X reads page B", RD(X), MAGIC(PA_B));
    check("ASID 2: Y (global) reads page G", RD(Y), MAGIC(PA_G));
    check("ASID 2: AT S1E1R Z = translation fault level 3 (ASID 1's entry not used)",
          at_par(s1e1r, Z) & 0xfff & ~(7ull << 9), PAR_F | (FSC_TRANSLATION(3) << 1));

    set_ttbr0(&sa, 1);
    check("back to ASID 1 (no TLBI): X reads page A", RD(X), MAGIC(PA_A));
    RD(X) = 0x1111;
    dsb(sy);
    set_ttbr0(&sb, 2);
    check("ASID 2: X still reads page B after ASID 1 wrote through X", RD(X), MAGIC(PA_B));
    check("page A holds what ASID 1 wrote", pages[PA_A][0], 0x1111);
    pages[PA_A][0] = MAGIC(PA_A);
    dsb(sy);

    if (asid16) {
        set_ttbr0(&sc, 0x101);
        check("TTBR0_EL1.ASID holds 16 bits (0x0101)", read_sysreg(ttbr0_el1) >> 48, 0x101);
        check("ASID 0x0101 (TCR_EL1.AS = 1, no TLBI): X reads page C, not ASID 1's A", RD(X), MAGIC(PA_C));
        set_ttbr0(&sa, 1);
        check("ASID 0x0001 again: X reads page A", RD(X), MAGIC(PA_A));
        set_ttbr0(&sc, 0x101);
        check("ASID 0x0101 again: X reads page C", RD(X), MAGIC(PA_C));
    } else {
        for (unsigned i = 0; i < 4; i++)
            tap_skip("16-bit ASIDs", "ID_AA64MMFR0_EL1.ASIDBits = 8 bits");
    }

    /* TCR_EL1.A1 = 1: the ASID comes from TTBR1_EL1 (walks there stay
     * disabled by EPD1).  A TCR change may be cached in the TLB: TLBI. */
    write_sysreg(tcr_el1, tcr | TCR_A1);
    write_sysreg(ttbr1_el1, TTBR_ASID(1));
    set_ttbr0(&sa, 7);      /* TTBR0_EL1.ASID is ignored now */
    tlbi(vmalle1);
    dsb(nsh);
    isb();
    check("A1 = 1, TTBR1_EL1.ASID = 1: X reads page A", RD(X), MAGIC(PA_A));
    write_sysreg(ttbr1_el1, TTBR_ASID(2));
    set_ttbr0(&sb, 1);      /* TTBR0's ASID field says 1: must not be used */
    check("A1 = 1, TTBR1_EL1.ASID = 2, TTBR0_EL1.ASID = 1: X reads page B", RD(X), MAGIC(PA_B));
    write_sysreg(ttbr1_el1, TTBR_ASID(1));
    set_ttbr0(&sa, 2);
    check("A1 = 1, TTBR1_EL1.ASID = 1, TTBR0_EL1.ASID = 2: X reads page A", RD(X), MAGIC(PA_A));
    write_sysreg(tcr_el1, tcr);
    write_sysreg(ttbr1_el1, 0);
    set_ttbr0(&sa, 1);
    tlbi(vmalle1);
    dsb(nsh);
    isb();

    /* TLBI by ASID and by VA + ASID */
    (void)RD(X);
    set_ttbr0(&sb, 2);
    (void)RD(X);
    remap_x(&sa, PA_D, 1, 1);
    check("ASID 2 after TLBI ASIDE1IS(1) and ASID 1's X -> D: X reads page B", RD(X), MAGIC(PA_B));
    set_ttbr0(&sa, 1);
    check("ASID 1: X reads the new page D", RD(X), MAGIC(PA_D));
    remap_x(&sb, PA_E, 2, 0);
    check("ASID 1 after TLBI VAE1IS(X, ASID 2) and ASID 2's X -> E: X reads page D", RD(X), MAGIC(PA_D));
    set_ttbr0(&sb, 2);
    check("ASID 2: X reads the new page E", RD(X), MAGIC(PA_E));
    check("ASID 2: Y (global) still reads page G", RD(Y), MAGIC(PA_G));
    mmu_el1_off();      /* exit with the MMU off: nothing left only in a cache */
    return tap_done();
}
