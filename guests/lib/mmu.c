/* mmu.c - the translation-table builder of mmu.h. */
#include "mmu.h"
#include "printf.h"
#include "semihost.h"
#include "string.h"

/* Aligns .data (and so __data_start, link.ld) to 64KB in every guest that
 * links this file: mmu_map_identity() splits code from data there. */
__attribute__((aligned(65536), used)) volatile uint8_t mmu_data_align = 1;

static uint8_t *pool_base;
static size_t pool_size, pool_used;

static void __attribute__((noreturn)) mmu_bail(const char *what, uint64_t a, uint64_t b)
{
    printf("Bail out! mmu: %s (0x%llx, 0x%llx)\n", what, (unsigned long long)a,
           (unsigned long long)b);
    sys_exit(1);
}

void mmu_pool_init(void *base, size_t size)
{
    pool_base = base;
    pool_size = size;
    pool_used = 0;
}

void *mmu_alloc(size_t size, size_t align)
{
    uintptr_t p = ((uintptr_t)pool_base + pool_used + align - 1) & ~(uintptr_t)(align - 1);
    if (p + size > (uintptr_t)pool_base + pool_size)
        mmu_bail("table pool exhausted", size, pool_size);
    pool_used = p + size - (uintptr_t)pool_base;
    memset((void *)p, 0, size);
    return (void *)p;
}

/* bits of the input address resolved at `level`: [shift + bits - 1 : shift] */
static unsigned level_shift(unsigned gshift, unsigned level)
{
    return gshift + (3 - level) * (gshift - 3);
}

unsigned mmu_start_level(unsigned gshift, unsigned ia_bits)
{
    /* D8.2 "the initial lookup level": each level resolves gshift - 3 bits */
    unsigned per = gshift - 3;
    unsigned levels = (ia_bits - gshift + per - 1) / per;
    return 4 - levels;
}

void mmu_space_init(struct mmu_space *s, unsigned gshift, unsigned ia_bits, unsigned start_level)
{
    s->gshift = gshift;
    s->ia_bits = ia_bits;
    s->start_level = start_level;
    unsigned shift = level_shift(gshift, start_level);
    if (ia_bits <= shift)
        mmu_bail("input size too small for the start level", ia_bits, start_level);
    /* entries of the initial lookup: 2^(ia_bits - shift); more than one
     * granule's worth means concatenated tables (stage 2 only, at most 16:
     * Arm ARM D8.2, "Concatenated translation tables for the initial
     * stage 2 lookup") */
    size_t bytes = (size_t)8 << (ia_bits - shift);
    if (bytes > ((size_t)16 << gshift))
        mmu_bail("more than 16 concatenated tables", ia_bits, start_level);
    size_t align = bytes < 64 ? 64 : bytes;
    s->root = mmu_alloc(bytes < 64 ? 64 : bytes, align);
}

static uint64_t *walk(struct mmu_space *s, uint64_t va, unsigned level, int create)
{
    uint64_t *table = s->root;
    unsigned g = s->gshift;
    uint64_t ia_mask = s->ia_bits >= 64 ? ~0ull : (1ull << s->ia_bits) - 1;
    va &= ia_mask;                  /* TTBR1 addresses: the low ia_bits index */
    for (unsigned l = s->start_level;; l++) {
        unsigned shift = level_shift(g, l);
        uint64_t idx_mask = l == s->start_level ? (ia_mask >> shift) : ((1ull << (g - 3)) - 1);
        uint64_t *pte = &table[(va >> shift) & idx_mask];
        if (l == level)
            return pte;
        uint64_t d = *pte;
        if ((d & 3) == 3) {
            table = (uint64_t *)(uintptr_t)(d & PTE_ADDR_MASK);
            continue;
        }
        if (d & PTE_VALID)
            mmu_bail("a block is mapped where a table is needed", va, l);
        if (d != 0)
            mmu_bail("an invalid non-zero descriptor where a table is needed", va, d);
        if (!create)
            return NULL;
        uint64_t *next = mmu_alloc((size_t)1 << g, (size_t)1 << g);
        *pte = (uint64_t)(uintptr_t)next | PTE_TABLE;
        table = next;
    }
}

uint64_t *mmu_pte(struct mmu_space *s, uint64_t va, unsigned level)
{
    if (level < s->start_level || level > 3)
        mmu_bail("bad level", va, level);
    return walk(s, va, level, 1);
}

uint64_t *mmu_pte_lookup(struct mmu_space *s, uint64_t va, unsigned level)
{
    if (level < s->start_level || level > 3)
        mmu_bail("bad level", va, level);
    return walk(s, va, level, 0);
}

void mmu_map(struct mmu_space *s, uint64_t va, uint64_t pa, uint64_t size,
             uint64_t attrs, unsigned level)
{
    uint64_t step = mmu_level_size(s->gshift, level);
    if ((va | pa | size) & (step - 1))
        mmu_bail("mapping not aligned to its level", va, pa);
    for (uint64_t off = 0; off < size; off += step)
        *mmu_pte(s, va + off, level) = mmu_leaf(pa + off, attrs, level);
}

uint64_t tcr_tg0(unsigned gshift)
{
    return gshift == MMU_G4K ? TCR_TG0_4K : gshift == MMU_G16K ? TCR_TG0_16K : TCR_TG0_64K;
}

uint64_t tcr_tg1(unsigned gshift)
{
    return gshift == MMU_G4K ? TCR_TG1_4K : gshift == MMU_G16K ? TCR_TG1_16K : TCR_TG1_64K;
}

uint64_t vtcr_sl0(unsigned gshift, unsigned start_level)
{
    /* VTCR_EL2.SL0 (DS = 0): 4KB: 0b10 level 0, 0b01 level 1, 0b00 level 2;
     * 16KB and 64KB: 0b10 level 1, 0b01 level 2, 0b00 level 3 */
    return VTCR_SL0(gshift == MMU_G4K ? 2 - start_level : 3 - start_level);
}

static unsigned dline(void)
{
    uint64_t ctr;
    __asm__ volatile("mrs %0, ctr_el0" : "=r"(ctr));
    return 4u << ((ctr >> 16) & 0xf);       /* DminLine: log2 of words */
}

void dcache_clean_inval_poc(uintptr_t start, uintptr_t end)
{
    unsigned line = dline();
    for (uintptr_t a = start & ~(uintptr_t)(line - 1); a < end; a += line)
        __asm__ volatile("dc civac, %0" :: "r"(a) : "memory");
    __asm__ volatile("dsb sy" ::: "memory");
}

void dcache_inval_poc(uintptr_t start, uintptr_t end)
{
    unsigned line = dline();
    for (uintptr_t a = start & ~(uintptr_t)(line - 1); a < end; a += line)
        __asm__ volatile("dc ivac, %0" :: "r"(a) : "memory");
    __asm__ volatile("dsb sy" ::: "memory");
}

uint64_t mmu_data_attrs(int regime)
{
    if (regime == MMU_REGIME_EL2)
        return PTE_NORMAL | PTE_AP_RW_ALL | PTE_XN;    /* AP = 01: AP[1] RES1 */
    return PTE_NORMAL | PTE_AP_RW_EL1 | PTE_PXN | PTE_UXN;
}

void mmu_map_identity(struct mmu_space *s, int regime, uint64_t ram_end)
{
    uint64_t page = mmu_level_size(s->gshift, 3), block = mmu_level_size(s->gshift, 2);
    uint64_t text = (uint64_t)(uintptr_t)__image_start, data = (uint64_t)(uintptr_t)__data_start;
    uint64_t end = ((uint64_t)(uintptr_t)__image_end + page - 1) & ~(page - 1);
    if ((text | data) & (page - 1))
        mmu_bail("image not aligned to the granule", text, data);
    uint64_t rw = mmu_data_attrs(regime);
    /* code: AP = 11 (read-only, EL0 too in the two-range regimes) */
    uint64_t rx = PTE_NORMAL | PTE_AP_RO_ALL;
    for (uint64_t a = RAM_BASE; a < ram_end;) {
        if (a >= end && (a & (block - 1)) == 0 && a + block <= ram_end) {
            *mmu_pte(s, a, 2) = mmu_leaf(a, rw, 2);
            a += block;
            continue;
        }
        *mmu_pte(s, a, 3) = mmu_leaf(a, a >= text && a < data ? rx : rw, 3);
        a += page;
    }
    uint64_t dev = PTE_DEVICE;
    if (regime == MMU_REGIME_EL2)
        dev = PTE_ATTRINDX(MAIR_IDX_DEV_nGnRnE) | PTE_AF | PTE_AP_RW_ALL | PTE_XN;
    *mmu_pte(s, UART_PA & ~(page - 1), 3) = mmu_leaf(UART_PA & ~(page - 1), dev, 3);
}
