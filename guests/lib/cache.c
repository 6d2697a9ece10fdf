/* cache.c - cache geometry and maintenance helpers (see cache.h). */
#include "cache.h"

unsigned icache_line_size(void)
{
    return 4u << CTR_IMINLINE(read_sysreg(ctr_el0));
}

unsigned dcache_line_size(void)
{
    return 4u << CTR_DMINLINE(read_sysreg(ctr_el0));
}

int cache_ccidx(void)
{
    return MMFR2_CCIDX(read_sysreg(id_aa64mmfr2_el1)) != 0;
}

struct cache_geom cache_geometry(unsigned level, int instruction)
{
    struct cache_geom g;
    write_sysreg(csselr_el1, CSSELR(level, instruction));
    isb();
    uint64_t r = read_sysreg(ccsidr_el1);
    g.line = 16u << (r & 7);                            /* LineSize: log2(bytes) - 4 */
    if (cache_ccidx()) {
        g.ways = (unsigned)((r >> 3) & 0x1fffff) + 1;   /* Associativity [23:3] */
        g.sets = (unsigned)((r >> 32) & 0xffffff) + 1;  /* NumSets [55:32] */
    } else {
        g.ways = (unsigned)((r >> 3) & 0x3ff) + 1;      /* Associativity [12:3] */
        g.sets = (unsigned)((r >> 13) & 0x7fff) + 1;    /* NumSets [27:13] */
    }
    write_sysreg(csselr_el1, 0);
    isb();
    return g;
}

int cache_effective_idc(void)
{
    uint64_t clidr = read_sysreg(clidr_el1);
    return (read_sysreg(ctr_el0) & CTR_IDC) || CLIDR_LOC(clidr) == 0 ||
           (CLIDR_LOUIS(clidr) == 0 && CLIDR_LOUU(clidr) == 0);
}

#define RANGE_LOOP(line, insn)                                              \
    do {                                                                    \
        uintptr_t __l = (line);                                             \
        for (uintptr_t a = start & ~(__l - 1); a < end; a += __l)           \
            __asm__ volatile(insn ", %0" :: "r"(a) : "memory");             \
    } while (0)

void dc_cvau_range(uintptr_t start, uintptr_t end)
{
    RANGE_LOOP(dcache_line_size(), "dc cvau");
}

void dc_cvac_range(uintptr_t start, uintptr_t end)
{
    RANGE_LOOP(dcache_line_size(), "dc cvac");
}

void dc_civac_range(uintptr_t start, uintptr_t end)
{
    RANGE_LOOP(dcache_line_size(), "dc civac");
}

void dc_ivac_range(uintptr_t start, uintptr_t end)
{
    RANGE_LOOP(dcache_line_size(), "dc ivac");
}

void ic_ivau_range(uintptr_t start, uintptr_t end)
{
    RANGE_LOOP(icache_line_size(), "ic ivau");
}

void sync_icache_range(uintptr_t start, uintptr_t end)
{
    dc_cvau_range(start, end);
    dsb(ish);
    ic_ivau_range(start, end);
    dsb(ish);
    isb();
}

void sync_icache_range_ctr(uintptr_t start, uintptr_t end)
{
    uint64_t ctr = read_sysreg(ctr_el0);
    if (cache_effective_idc())
        dsb(ish);               /* the stores are complete: no clean needed */
    else {
        dc_cvau_range(start, end);
        dsb(ish);
    }
    if (ctr & CTR_DIC) {
        isb();                  /* no invalidation needed */
        return;
    }
    ic_ivau_range(start, end);
    dsb(ish);
    isb();
}

void cache_mmu_on_el1(const struct mmu_space *s)
{
    write_sysreg(mair_el1, MAIR_DEFAULT);
    write_sysreg(tcr_el1, TCR_T0SZ(25) | TCR_TG0_4K | TCR_WALK0 | TCR_EPD1 | TCR_IPS(PS_40BIT));
    write_sysreg(ttbr0_el1, mmu_root(s));
    isb();
    tlbi(vmalle1);
    dsb(nsh);
    isb();
    write_sysreg(sctlr_el1, read_sysreg(sctlr_el1) | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();
}

void cache_mmu_on_el2(const struct mmu_space *s)
{
    write_sysreg(mair_el2, MAIR_DEFAULT);
    write_sysreg(tcr_el2, TCR_EL2_RES1 | TCR_T0SZ(25) | TCR_TG0_4K | TCR_WALK0 | TCR_EL2_PS(PS_40BIT));
    write_sysreg(ttbr0_el2, mmu_root(s));
    isb();
    tlbi(alle2);
    dsb(nsh);
    isb();
    write_sysreg(sctlr_el2, read_sysreg(sctlr_el2) | SCTLR_M | SCTLR_C | SCTLR_I);
    isb();
}
