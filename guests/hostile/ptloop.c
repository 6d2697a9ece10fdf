/*
 * ptloop - page tables built to trap the table walker: loops (a table
 * descriptor pointing at its own table or at its parent), output addresses
 * beyond the PA size or outside RAM, table descriptors and a TTBR pointing
 * outside RAM.  Each must end in a fault (or, for a loop that resolves, in
 * a mapping of the table itself), never in a hang.  Boots at EL1; stage 1
 * with the 4KB granule, T0SZ = T1SZ = 25 (39-bit VAs: the walk starts at
 * level 1), TCR_EL1.IPS = 40 bits; run with --memory 128M (QEMU -m 128M).
 *
 * Rules (Arm ARM DDI 0487, D8.3 descriptor formats, AArch64.S1Walk /
 * AArch64.TranslationTableWalk, D8.15 MMU fault types, ESR_ELx DFSC):
 *  - The walk has at most one lookup per level, and level 3 always ends it:
 *    at level 3, descriptor bits[1:0] = 0b11 mean a page (D8.3.1), so a
 *    table descriptor reached again at level 3 is read as a page descriptor
 *    of the table it points at.  Bits[11:2] of a table descriptor are
 *    IGNORED, so they become the page's AttrIndx/SH/AP/AF there: with AF = 0
 *    an Access flag fault at level 3 (DFSC 0b001011), with AF = 1 the VA
 *    maps the table itself (a "recursive" mapping; the read returns the
 *    descriptors).
 *  - Address size fault, level L (0b0000LL): an output address (table,
 *    block or page) with bits at or above the PA size (IPS = 40 bits) in
 *    the descriptor read at level L; "level 0 of translation or translation
 *    table base register" for the TTBR (ESR_ELx DFSC description; the
 *    TTBR case is in ptloop_ttbr).
 *  - A translation table read from a PA with nothing behind it is a
 *    synchronous External abort on a translation table walk, level L
 *    (0b0101LL, L = the level of the lookup that read it).
 *  - A mapping whose output address is in a hole gives a synchronous
 *    External abort on the access itself (0b010000).
 */
#include "harness.h"
#include "mmu.h"

#define HOLE        0x09001000ull
#define HOLE_B      0x09002000ull
#define RAM_END     0x48000000ull
#define VA(i1, i2, i3)  (((uint64_t)(i1) << 30) | ((uint64_t)(i2) << 21) | ((uint64_t)(i3) << 12))
#define TTBR1_VA    0xffffff8000000000ull   /* the bottom of the TTBR1 range, 39-bit */
#define PS40        (1ull << 40)

static uint8_t pool[128 << 10] __attribute__((aligned(4096)));
static struct mmu_space s;

#define TCR_BASE (TCR_T0SZ(25) | TCR_T1SZ(25) | TCR_TG0_4K | TCR_TG1_4K | TCR_WALK0 | TCR_WALK1 | \
                  TCR_IPS(PS_40BIT))

static void set_tcr_ttbr1(uint64_t tcr, uint64_t ttbr1)
{
    write_sysreg(tcr_el1, tcr);
    write_sysreg(ttbr1_el1, ttbr1);
    isb();
    tlbi(vmalle1);
    dsb(nsh);
    isb();
}

static void rd(const char *what, uint64_t va, unsigned fsc)
{
    reset();
    uint64_t r = probe_ld64(va);
    expect_fault(what, 1, ESR_OF(EC_DABT_CUR, fsc), va, INSN(probe_ld64_insn), r);
}

static void wr(const char *what, uint64_t va, unsigned fsc)
{
    reset();
    uint64_t r = probe_st64(va, 0x7777);
    expect_fault(what, 1, ESR_OF(EC_DABT_CUR, WNR | fsc), va, INSN(probe_st64_insn), r);
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    mmu_pool_init(pool, sizeof pool);
    mmu_space_init(&s, MMU_G4K, 39, 1);
    mmu_map_identity(&s, MMU_REGIME_EL10, RAM_END_128M);
    uint64_t *root = s.root;
    uint64_t rootpa = mmu_root(&s);
    uint64_t *t2 = mmu_alloc(4096, 4096), *t3 = mmu_alloc(4096, 4096), *t4 = mmu_alloc(4096, 4096);
    uint64_t t2pa = (uint64_t)(uintptr_t)t2, t3pa = (uint64_t)(uintptr_t)t3, t4pa = (uint64_t)(uintptr_t)t4;
    uint64_t rw = mmu_data_attrs(MMU_REGIME_EL10);

    /* loops */
    root[256] = rootpa | PTE_TABLE;                                        /* self, AF = 0 */
    uint64_t self_af = rootpa | PTE_TABLE | PTE_AF | PTE_ATTRINDX(MAIR_IDX_WB) | PTE_SH_INNER;
    root[257] = self_af;                                                   /* self, AF = 1 */
    root[258] = t2pa | PTE_TABLE;                                          /* -> t2 */
    t2[5] = rootpa | PTE_TABLE;                                            /* t2 -> its parent */
    t2[6] = t2pa | PTE_TABLE;                                              /* t2 -> itself */
    /* output addresses beyond IPS = 40 bits, or in holes */
    root[260] = t3pa | PTE_TABLE;
    t3[0] = t4pa | PTE_TABLE;
    t4[0] = mmu_leaf(1ull << 44, rw, 3);
    t3[1] = mmu_leaf(1ull << 42, rw, 2);
    root[261] = PS40 | PTE_TABLE;
    root[262] = mmu_leaf(PS40, rw, 1);
    t4[1] = mmu_leaf(HOLE, rw, 3);
    t4[2] = mmu_leaf(RAM_END, rw, 3);
    /* tables outside RAM */
    root[263] = HOLE | PTE_TABLE;
    root[264] = RAM_END | PTE_TABLE;
    t3[2] = HOLE_B | PTE_TABLE;

    write_sysreg(mair_el1, MAIR_DEFAULT);
    write_sysreg(ttbr0_el1, rootpa);
    set_tcr_ttbr1(TCR_BASE | TCR_EPD1, 0);
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();
    check("MMU on (4KB granule, 39-bit VA, IPS 40 bits)", read_sysreg(sctlr_el1) & SCTLR_M, SCTLR_M);

    /* ---- loops ---- */
    rd("level-1 entry pointing at its own table (AF = 0): Access flag fault level 3",
       VA(256, 256, 256) + 0x10, FSC_AF(3));
    reset();
    check("the same loop with AF = 1 maps the table: the read returns the descriptor itself",
          probe_ld64(VA(257, 257, 257) + 8 * 257), self_af);
    check("  ... and another entry of the table through it",
          probe_ld64(VA(257, 257, 257) + 8 * 256), rootpa | PTE_TABLE);
    expect_none("recursive mapping");
    rd("through the AF = 1 loop to the AF = 0 one: Access flag fault level 3", VA(257, 257, 256), FSC_AF(3));
    rd("level-2 entry pointing at its parent, level 3 reads a table descriptor: Access flag level 3",
       VA(258, 5, 258) + 0x18, FSC_AF(3));
    rd("level-2 entry pointing at its parent, invalid level-3 entry: Translation fault level 3",
       VA(258, 5, 259), FSC_TRANSL(3));
    wr("level-2 entry pointing at its own table, write: Access flag fault level 3", VA(258, 6, 6) + 0x20,
       FSC_AF(3));
    rd("level-2 entry pointing at its own table, invalid entry: Translation fault level 3",
       VA(258, 6, 7), FSC_TRANSL(3));

    /* ---- output addresses beyond the PA size ---- */
    rd("page OA = 2^44 (IPS 40 bits): Address size fault level 3", VA(260, 0, 0) + 8, FSC_ADDR_SIZE(3));
    rd("2MB block OA = 2^42: Address size fault level 2", VA(260, 1, 3), FSC_ADDR_SIZE(2));
    rd("level-1 table descriptor -> 2^40: Address size fault level 1", VA(261, 0, 0), FSC_ADDR_SIZE(1));
    wr("1GB block OA = 2^40: Address size fault level 1", VA(262, 7, 7), FSC_ADDR_SIZE(1));

    /* ---- output addresses in holes ---- */
    rd("page mapping a hole: External abort on the access", VA(260, 0, 1) + 0x30, FSC_SEA);
    wr("page mapping a hole, write: External abort", VA(260, 0, 1) + 0x38, FSC_SEA);
    rd("page mapping the first page past RAM: External abort", VA(260, 0, 2), FSC_SEA);

    /* ---- translation tables outside RAM ---- */
    rd("level-1 table descriptor -> a hole: External abort on walk, level 2", VA(263, 1, 2),
       FSC_SEA_WALK(2));
    wr("level-1 table descriptor -> past RAM: External abort on walk, level 2", VA(264, 0, 0),
       FSC_SEA_WALK(2));
    rd("level-2 table descriptor -> a hole: External abort on walk, level 3", VA(260, 2, 9),
       FSC_SEA_WALK(3));
    set_tcr_ttbr1(TCR_BASE, HOLE);
    rd("TTBR1_EL1 -> a hole: External abort on walk, level 1", TTBR1_VA + 0x40, FSC_SEA_WALK(1));
    set_tcr_ttbr1(TCR_BASE, RAM_END);
    rd("TTBR1_EL1 -> past RAM: External abort on walk, level 1", TTBR1_VA + 0x1000, FSC_SEA_WALK(1));
    set_tcr_ttbr1(TCR_BASE | TCR_EPD1, 0);

    reset();
    check("the identity map still works after all that", probe_ld64((uint64_t)(uintptr_t)&root[257]), self_af);
    expect_none("end");
    mmu_el1_off();
    return tap_done();
}
