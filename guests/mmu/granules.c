/*
 * granules - stage 1 of the EL1&0 regime with the 4KB, 16KB and 64KB
 * granules in turn (boots at EL1).
 *
 * Rules (Arm ARM DDI 0487, D8.2 "Translation process", D8.3 "Translation
 * table descriptor formats", TCR_EL1 / ID_AA64MMFR0_EL1 in D24.2):
 *  - ID_AA64MMFR0_EL1.TGran4 (bits 31:28) 0b0000/0b0001 = supported,
 *    0b1111 = not; TGran64 (27:24) 0b0000 = supported, 0b1111 = not;
 *    TGran16 (23:20) 0b0000 = NOT supported, 0b0001/0b0010 = supported.
 *    A granule that is not supported is skipped (TAP "# SKIP").
 *  - TCR_EL1.TG0 (15:14): 00 4KB, 10 16KB, 01 64KB; TG1 (31:30): 10 4KB,
 *    01 16KB, 11 64KB.  T0SZ/T1SZ = 64 - input-address bits: 39 bits (4KB,
 *    initial lookup at level 1), 42 bits (16KB, level 1), 48 bits (64KB,
 *    level 1): each level resolves granule-bits - 3 bits (9, 11, 13).
 *  - VA bits 63:(64-T0SZ) all 0 select TTBR0_EL1, all 1 select TTBR1_EL1.
 *  - Block descriptors (bits 1:0 = 01) exist at level 1 (1GB) and 2 (2MB)
 *    for 4KB, at level 2 only (32MB) for 16KB and (512MB) for 64KB when
 *    TCR_EL1.DS = 0 and the OA is 48 bits; page descriptors (11) at level 3.
 *  - Two VAs translating to the same PA with the same attributes access
 *    the same memory (the caches are PIPT for data, D7.5).
 *  - SCTLR_EL1.M = 1 turns stage 1 on; the code keeps running because it
 *    is identity-mapped; C and I make Normal memory cacheable.
 *  - Turning the MMU off makes data accesses Device (D8.2.12): the data
 *    written through cacheable mappings reaches memory only because
 *    mmu_el1_off() cleans it to the PoC first (D7.5.9).
 * Each case writes through one VA and reads through another, with values
 * that differ per granule and per case.
 */
#include "exceptions.h"
#include "mmu.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"

uint64_t pc_probe(void);

static uint8_t pool[1536 << 10] __attribute__((aligned(65536)));
static volatile uint64_t buf[8192] __attribute__((aligned(65536)));  /* one 64KB page */

#define ALIAS_L1_VA     0x4000000000ull         /* 256GB: level-1 block alias (4KB) */
#define ALIAS_L2_VA     0x1000000000ull         /* 64GB: level-2 block alias */
#define ALIAS_PAGE_VA   0x2000000000ull         /* 128GB: page alias of buf */
#define ALIAS_CODE_VA   0x3000000000ull         /* 192GB: page alias of pc_probe */
#define HI_DATA_VA      0xfffffff000000000ull   /* TTBR1: level-2 block alias */
#define HI_CODE_VA      0xfffffff800000000ull   /* TTBR1: page alias of pc_probe */

struct granule {
    const char *name;
    unsigned gshift, ia_bits;
    int supported;
    struct mmu_space lo, hi;
    uint64_t tcr;
};

static struct granule gr[3] = {
    { "4KB", MMU_G4K, 39, 0, {0}, {0}, 0 },
    { "16KB", MMU_G16K, 42, 0, {0}, {0}, 0 },
    { "64KB", MMU_G64K, 48, 0, {0}, {0}, 0 },
};

static char name[120];
static const char *nm(const struct granule *g, const char *what)
{
    snprintf(name, sizeof name, "%s: %s", g->name, what);
    return name;
}

#define CHECKS_PER_GRANULE 19

static void build(struct granule *g)
{
    uint64_t page = mmu_level_size(g->gshift, 3), block = mmu_level_size(g->gshift, 2);
    uint64_t bufpa = (uint64_t)(uintptr_t)buf;
    uint64_t code = (uint64_t)(uintptr_t)pc_probe;
    unsigned start = mmu_start_level(g->gshift, g->ia_bits);
    uint64_t rw = mmu_data_attrs(MMU_REGIME_EL10);
    uint64_t rx = PTE_NORMAL | PTE_AP_RO_ALL;

    mmu_space_init(&g->lo, g->gshift, g->ia_bits, start);
    mmu_map_identity(&g->lo, MMU_REGIME_EL10, RAM_END_128M);
    if (g->gshift == MMU_G4K)   /* 1GB block: PA 0x4000_0000 */
        mmu_map(&g->lo, ALIAS_L1_VA, RAM_BASE, 1ull << 30, rw, 1);
    mmu_map(&g->lo, ALIAS_L2_VA, bufpa & ~(block - 1), block, rw, 2);
    mmu_map(&g->lo, ALIAS_PAGE_VA, bufpa, page, rw, 3);
    mmu_map(&g->lo, ALIAS_CODE_VA, code & ~(page - 1), page, rx, 3);

    mmu_space_init(&g->hi, g->gshift, g->ia_bits, start);
    mmu_map(&g->hi, HI_DATA_VA, bufpa & ~(block - 1), block, rw, 2);
    mmu_map(&g->hi, HI_CODE_VA, code & ~(page - 1), page, rx, 3);

    g->tcr = TCR_T0SZ(64 - g->ia_bits) | TCR_T1SZ(64 - g->ia_bits) | tcr_tg0(g->gshift) |
             tcr_tg1(g->gshift) | TCR_WALK0 | TCR_WALK1 | TCR_IPS(PS_40BIT);
}

/* write through `wva`, read through `rva` (both VAs of buf[i]) */
static void xcheck(const struct granule *g, const char *what, volatile uint64_t *w,
                   volatile uint64_t *r, uint64_t value)
{
    *w = value;
    dsb(sy);
    check(nm(g, what), *r, value);
}

static void run(struct granule *g, unsigned n)
{
    uint64_t page = mmu_level_size(g->gshift, 3), block = mmu_level_size(g->gshift, 2);
    uint64_t bufpa = (uint64_t)(uintptr_t)buf;
    uint64_t code = (uint64_t)(uintptr_t)pc_probe;
    uint64_t tag = 0x6700000000000000ull | ((uint64_t)n << 48);
    volatile uint64_t *l1 = (volatile uint64_t *)(uintptr_t)(ALIAS_L1_VA + (bufpa - RAM_BASE));
    volatile uint64_t *l2 = (volatile uint64_t *)(uintptr_t)(ALIAS_L2_VA + (bufpa & (block - 1)));
    volatile uint64_t *pg = (volatile uint64_t *)(uintptr_t)ALIAS_PAGE_VA;
    volatile uint64_t *hi = (volatile uint64_t *)(uintptr_t)(HI_DATA_VA + (bufpa & (block - 1)));

    write_sysreg(mair_el1, MAIR_DEFAULT);
    write_sysreg(tcr_el1, g->tcr);
    write_sysreg(ttbr0_el1, mmu_root(&g->lo));
    write_sysreg(ttbr1_el1, mmu_root(&g->hi));
    isb();
    tlbi(vmalle1);
    dsb(nsh);
    isb();
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();

    check(nm(g, "TCR_EL1 reads back (TG0, TG1, T0SZ, T1SZ, IPS)"), read_sysreg(tcr_el1), g->tcr);
    check(nm(g, "MMU on: SCTLR_EL1.M, C and I read 1"),
          read_sysreg(sctlr_el1) & (SCTLR_M | SCTLR_C | SCTLR_I), SCTLR_M | SCTLR_C | SCTLR_I);
    xcheck(g, "identity map: write and read back", &buf[0], &buf[0], tag | 1);
    xcheck(g, "page alias reads what the identity map wrote", &buf[1], &pg[1], tag | 2);
    xcheck(g, "identity map reads what the page alias wrote", &pg[2], &buf[2], tag | 3);
    xcheck(g, "level-2 block alias reads what the identity map wrote", &buf[3], &l2[3], tag | 4);
    xcheck(g, "identity map reads what the level-2 block alias wrote", &l2[4], &buf[4], tag | 5);
    if (g->gshift == MMU_G4K) {
        xcheck(g, "level-1 block alias (1GB) reads what the identity map wrote", &buf[5], &l1[5], tag | 6);
        xcheck(g, "identity map reads what the level-1 block alias (1GB) wrote", &l1[6], &buf[6], tag | 7);
    } else {
        buf[5] = tag | 6;   /* what the two checks would have written */
        buf[6] = tag | 7;
        tap_skip(nm(g, "level-1 block alias"), "no level-1 blocks with this granule (TCR_EL1.DS = 0)");
        tap_skip(nm(g, "level-1 block alias, write"), "no level-1 blocks with this granule (TCR_EL1.DS = 0)");
    }
    xcheck(g, "TTBR1 (upper range) block alias reads what the identity map wrote", &buf[7], &hi[7], tag | 8);
    xcheck(g, "identity map reads what the TTBR1 alias wrote", &hi[8], &buf[8], tag | 9);
    xcheck(g, "TTBR1 alias reads what the page alias wrote", &pg[9], &hi[9], tag | 10);
    /* the block alias at the far end of the page: the last doubleword of buf */
    xcheck(g, "last doubleword of the page through the page alias", &buf[page / 8 - 1], &pg[page / 8 - 1],
           tag | 11);

    uint64_t (*fn)(void) = (uint64_t (*)(void))(uintptr_t)(ALIAS_CODE_VA + (code & (page - 1)));
    check(nm(g, "code runs through a TTBR0 page alias (ADR gives the alias VA)"), fn(),
          ALIAS_CODE_VA + (code & (page - 1)));
    fn = (uint64_t (*)(void))(uintptr_t)(HI_CODE_VA + (code & (page - 1)));
    check(nm(g, "code runs through a TTBR1 page alias (ADR gives the alias VA)"), fn(),
          HI_CODE_VA + (code & (page - 1)));
    check(nm(g, "code runs through the identity map"), pc_probe(), code);

    mmu_el1_off();
    check(nm(g, "MMU off again: SCTLR_EL1.M, C and I read 0"),
          read_sysreg(sctlr_el1) & (SCTLR_M | SCTLR_C | SCTLR_I), 0);
    /* with the MMU off, data accesses go to memory (Device-nGnRnE) */
    uint64_t sum = 0;
    for (unsigned i = 0; i <= 9; i++)
        sum += buf[i] - (tag | (i + 1));
    check(nm(g, "MMU off: the ten values written with the MMU on are in memory"), sum, 0);
    check(nm(g, "MMU off: the last doubleword too"), buf[page / 8 - 1], tag | 11);
}

int main(void)
{
    uint64_t mmfr0 = read_sysreg(id_aa64mmfr0_el1);
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    gr[0].supported = MMFR0_TGRAN4(mmfr0) == 0 || MMFR0_TGRAN4(mmfr0) == 1;
    gr[1].supported = MMFR0_TGRAN16(mmfr0) == 1 || MMFR0_TGRAN16(mmfr0) == 2;
    gr[2].supported = MMFR0_TGRAN64(mmfr0) == 0;

    /* every table is built with the MMU off (plain stores reach memory) */
    mmu_pool_init(pool, sizeof pool);
    for (unsigned i = 0; i < 3; i++)
        if (gr[i].supported)
            build(&gr[i]);

    for (unsigned i = 0; i < 3; i++) {
        struct granule *g = &gr[i];
        if (!g->supported) {
            for (unsigned k = 0; k < CHECKS_PER_GRANULE; k++)
                tap_skip(nm(g, "granule"), "not supported (ID_AA64MMFR0_EL1)");
            continue;
        }
        unsigned before = tap_count();
        run(g, i + 1);
        if (tap_count() - before != CHECKS_PER_GRANULE)
            printf("Bail out! %u checks for one granule, expected %u\n", tap_count() - before,
                   CHECKS_PER_GRANULE);
    }
    return tap_done();
}
