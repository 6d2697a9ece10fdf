/*
 * cache.h - cache identification and maintenance for the guests (the
 * cache suite, guests/cache): the ID-register fields that describe the
 * caches, loops of DC/IC by VA over a range, the instruction-cache
 * synchronisation sequences, the set/way loop over every level, turning
 * the MMU on with an identity map, and single accesses made with the MMU
 * and caches off.
 *
 * Names and bit positions are the Arm ARM's (DDI 0487): CTR_EL0 (D24.2.42),
 * CLIDR_EL1 (D24.2.33), CCSIDR_EL1 (D24.2.32, both layouts: FEAT_CCIDX as
 * ID_AA64MMFR2_EL1.CCIDX says), CSSELR_EL1, DCZID_EL0; the maintenance
 * instructions in D7.5.9 and C5.3.
 *
 * Every size comes from these registers: nothing here assumes a line size,
 * a number of levels or an associativity.
 */
#ifndef A64EMU_CACHE_H
#define A64EMU_CACHE_H

#include <stdint.h>
#include "mmu.h"
#include "sysreg.h"

/* ---- CTR_EL0 ------------------------------------------------------------ */
#define CTR_IMINLINE(c)     ((unsigned)(c) & 0xf)           /* log2 words */
#define CTR_L1IP(c)         ((unsigned)((c) >> 14) & 3)
#define CTR_DMINLINE(c)     ((unsigned)((c) >> 16) & 0xf)   /* log2 words */
#define CTR_ERG(c)          ((unsigned)((c) >> 20) & 0xf)
#define CTR_CWG(c)          ((unsigned)((c) >> 24) & 0xf)
#define CTR_IDC             (1ull << 28)
#define CTR_DIC             (1ull << 29)
#define L1IP_VPIPT          0u      /* Armv8.2 until 2023 (now reserved) */
#define L1IP_AIVIVT         1u      /* reserved since Armv8.0 */
#define L1IP_VIPT           2u
#define L1IP_PIPT           3u

/* ---- CLIDR_EL1 ------------------------------------------------------------ */
#define CLIDR_CTYPE(c, n)   ((unsigned)((c) >> (3 * ((n) - 1))) & 7)   /* level n = 1..7 */
#define CLIDR_LOUIS(c)      ((unsigned)((c) >> 21) & 7)
#define CLIDR_LOC(c)        ((unsigned)((c) >> 24) & 7)
#define CLIDR_LOUU(c)       ((unsigned)((c) >> 27) & 7)
#define CTYPE_NONE          0u
#define CTYPE_I             1u
#define CTYPE_D             2u
#define CTYPE_ID            3u      /* separate instruction and data caches */
#define CTYPE_UNIFIED       4u

/* ---- CSSELR_EL1: Level [3:1] (level - 1), InD [0] ------------------------- */
#define CSSELR(level, ind)  ((((uint64_t)(level) - 1) << 1) | ((ind) ? 1u : 0u))

/* ---- DCZID_EL0 ---------------------------------------------------------- */
#define DCZID_BS(d)         ((unsigned)(d) & 0xf)   /* log2 words */
#define DCZID_DZP           (1u << 4)

/* ---- ID_AA64MMFR2_EL1.CCIDX [23:20]: 64-bit CCSIDR_EL1 layout -------------- */
#define MMFR2_CCIDX(r)      ((unsigned)((r) >> 20) & 0xf)

/* ---- single instructions ---------------------------------------------------- */
#define dc_va(op, va)   __asm__ volatile("dc " #op ", %0" :: "r"((uint64_t)(va)) : "memory")
#define ic_va(op, va)   __asm__ volatile("ic " #op ", %0" :: "r"((uint64_t)(va)) : "memory")
#define ic_all(op)      __asm__ volatile("ic " #op ::: "memory")

/* ---- geometry --------------------------------------------------------------- */
/* smallest line of the instruction caches / the data and unified caches
 * (CTR_EL0.IminLine / DminLine), in bytes: the step of every loop by VA */
unsigned icache_line_size(void);
unsigned dcache_line_size(void);
/* one cache as CCSIDR_EL1 describes it (after CSSELR_EL1 = level/InD) */
struct cache_geom {
    unsigned line;      /* bytes */
    unsigned ways;
    unsigned sets;
};
struct cache_geom cache_geometry(unsigned level, int instruction);
/* 1 if CCSIDR_EL1 has the FEAT_CCIDX layout */
int cache_ccidx(void);
/* the Effective value of CTR_EL0.IDC (D24.2.42): IDC, or LoC == 0, or
 * LoUIS == LoUU == 0 */
int cache_effective_idc(void);

/* ---- maintenance by VA over [start, end) ---------------------------------------
 * One instruction per line (CTR_EL0 line sizes, start rounded down); no
 * barrier: the caller orders and completes them. */
void dc_cvau_range(uintptr_t start, uintptr_t end);
void dc_cvac_range(uintptr_t start, uintptr_t end);
void dc_civac_range(uintptr_t start, uintptr_t end);
void dc_ivac_range(uintptr_t start, uintptr_t end);
void ic_ivau_range(uintptr_t start, uintptr_t end);

/*
 * Making instructions written as data executable (B2.2.5 "Concurrent
 * modification and execution of instructions", D7.5.9 cache maintenance
 * and its completion, D8.18.2, the CTR_EL0 IDC/DIC descriptions):
 *   sync_icache_range:      DC CVAU over the range, DSB ISH, IC IVAU over
 *                           the range, DSB ISH, ISB (what every PE needs)
 *   sync_icache_range_ctr:  only what CTR_EL0 asks for (as Linux's
 *                           caches_clean_inval_pou): Effective IDC = 1 ->
 *                           DSB ISH instead of the DC CVAU loop; DIC = 1 ->
 *                           ISB instead of the IC IVAU loop and its DSB
 */
void sync_icache_range(uintptr_t start, uintptr_t end);
void sync_icache_range_ctr(uintptr_t start, uintptr_t end);

/* ---- turning the MMU on (identity map built by the caller) ------------------------
 * cache_mmu_on_el1(s): MAIR_EL1 = MAIR_DEFAULT, TCR_EL1 = 4KB granule,
 * T0SZ = 25 (39-bit VAs, s must be a 4KB/39-bit space), TTBR1 walks off,
 * IPS 40 bits, walks Inner/Outer WB WA Inner Shareable; TTBR0_EL1 = s's
 * root (ASID 0); TLBI VMALLE1, DSB NSH, ISB; SCTLR_EL1.M, C, I = 1; ISB.
 * cache_mmu_on_el2(s): the same for the EL2 regime (HCR_EL2.E2H = 0:
 * TCR_EL2 RES1 bits, PS = 40 bits; TLBI ALLE2). */
void cache_mmu_on_el1(const struct mmu_space *s);
void cache_mmu_on_el2(const struct mmu_space *s);

/* ---- cache_asm.S ------------------------------------------------------------------
 * dcache_cisw_all(): DC CISW on every set and way of every data or unified
 * cache level below CLIDR_EL1.LoC, level 1 first (geometry from CCSIDR_EL1
 * through CSSELR_EL1, either layout), then DSB SY.  dcache_csw_all(): the
 * same with DC CSW.  Neither touches memory (no stack), so no line is made
 * dirty while the loop runs.  CSSELR_EL1 is left 0. */
void dcache_cisw_all(void);
void dcache_csw_all(void);

/*
 * One access with the MMU and the caches of the current regime off
 * (SCTLR_ELx.M = C = I = 0), which makes it a Device-nGnRnE access to the
 * PA = VA (D8.2.12 "The effects of disabling an address translation
 * stage"): DSB SY; SCTLR_ELx off; ISB; the access (and maintenance);
 * DSB SY; SCTLR_ELx restored; ISB.  Leaf functions that touch no memory
 * but the access, so no cached stack data is needed meanwhile.  The
 * address must be identity-mapped while the MMU is on (the code too).
 *   el1_ld_mmu_off(p)            LDR  x0, [p]
 *   el1_st_mmu_off(p, v)         STR  v, [p]
 *   el1_st_ivac_mmu_off(p, v)    STR  v, [p]; DSB SY; DC IVAC, p
 *   el1_cvac_ld_mmu_off(p)       DC CVAC, p; DSB SY; LDR x0, [p]
 * and the same at EL2 (el2_*) for SCTLR_EL2.
 */
uint64_t el1_ld_mmu_off(const volatile uint64_t *p);
void     el1_st_mmu_off(volatile uint64_t *p, uint64_t v);
void     el1_st_ivac_mmu_off(volatile uint64_t *p, uint64_t v);
uint64_t el1_cvac_ld_mmu_off(const volatile uint64_t *p);
uint64_t el2_ld_mmu_off(const volatile uint64_t *p);
void     el2_st_mmu_off(volatile uint64_t *p, uint64_t v);
void     el2_st_ivac_mmu_off(volatile uint64_t *p, uint64_t v);
uint64_t el2_cvac_ld_mmu_off(const volatile uint64_t *p);
/* el1_call_mmu_off(fn): calls fn() with SCTLR_EL1.M = C = I = 0, so that
 * its instructions are fetched as Normal Non-cacheable (D8.2.12), and
 * returns its x0; fn must touch no memory and keep x9-x11. */
uint64_t el1_call_mmu_off(uintptr_t fn);

#endif
