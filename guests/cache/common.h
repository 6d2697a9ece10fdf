/*
 * common.h - what the cache guests share (include it in exactly one C file
 * of a guest: it defines static data).
 *
 *  - A64 encodings for generated code: MOVZ X0, #imm16; ADD X0, X0, #imm12;
 *    RET (Arm ARM C6.2: MOVZ 64-bit 0xD2800000 | imm16 << 5 | Rd, ADD
 *    (immediate) 64-bit 0x91000000 | imm12 << 10 | Rn << 5 | Rd, RET X30
 *    0xD65F03C0).
 *  - The code window: CODE_SIZE bytes in .bss, CODE_SIZE-aligned, that the
 *    EL1&0 identity map makes writable and executable at EL1 (AP = 00,
 *    PXN = 0; SCTLR_EL1.WXN stays 0), Normal Write-Back, Inner Shareable.
 *  - el1_identity_on(): the guests' usual identity map (mmu_map_identity,
 *    4KB granule, 39-bit VAs) with the code window remapped as above, then
 *    MMU and caches on (cache_mmu_on_el1).  The tables are written with the
 *    MMU off, so they are in memory before the first walk.
 *  - Generated functions: emit_const() (MOVZ X0, #v; RET) and emit_sum()
 *    (MOVZ X0, #0; n x ADD X0, X0, #imm; RET), and run_code() to call one.
 */
#ifndef CACHE_COMMON_H
#define CACHE_COMMON_H

#include <stdint.h>
#include "cache.h"
#include "exceptions.h"
#include "mmu.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"

#define INSN_MOVZ_X0(imm)   (0xd2800000u | (((uint32_t)(imm) & 0xffffu) << 5))
#define INSN_ADD_X0(imm)    (0x91000000u | (((uint32_t)(imm) & 0xfffu) << 10))
#define INSN_RET            0xd65f03c0u

#define CODE_SIZE       0x4000u
#define CODE_ATTRS_EL1  (PTE_NORMAL | PTE_AP_RW_EL1 | PTE_UXN)     /* EL1 RWX */

static volatile uint32_t code_window[CODE_SIZE / 4] __attribute__((aligned(CODE_SIZE)));
static uint8_t pt_pool[128 << 10] __attribute__((aligned(4096)));
static struct mmu_space space;

#define CODE_VA(off)    ((uintptr_t)code_window + (off))
#define CODE_PTR(off)   ((volatile uint32_t *)CODE_VA(off))

/* Builds the EL1&0 identity map (plus the code window) without turning
 * the MMU on: the caller may add mappings first. */
static __attribute__((unused)) void el1_identity_build(void)
{
    mmu_pool_init(pt_pool, sizeof pt_pool);
    mmu_space_init(&space, MMU_G4K, 39, 1);
    mmu_map_identity(&space, MMU_REGIME_EL10, RAM_END_128M);
    for (uintptr_t va = CODE_VA(0); va < CODE_VA(CODE_SIZE); va += 4096)
        *mmu_pte(&space, va, 3) = mmu_leaf(va, CODE_ATTRS_EL1, 3);
}

static __attribute__((unused)) void el1_identity_on(void)
{
    el1_identity_build();
    cache_mmu_on_el1(&space);
}

typedef uint64_t (*code_fn)(void);

static inline uint64_t run_code(uintptr_t va)
{
    return ((code_fn)va)();
}

static __attribute__((unused)) void emit_const(volatile uint32_t *p, unsigned v)
{
    p[0] = INSN_MOVZ_X0(v);
    p[1] = INSN_RET;
}

/* The immediate of ADD number i of generation gen: 1 .. 4000. */
static __attribute__((unused)) unsigned sum_imm(unsigned gen, unsigned i)
{
    return 1 + (i * 37 + gen * 1009) % 4000;
}

/* MOVZ X0, #0; n ADDs; RET at p: (n + 2) words.  Returns the sum. */
static __attribute__((unused)) uint64_t emit_sum(volatile uint32_t *p, unsigned n, unsigned gen)
{
    uint64_t sum = 0;
    p[0] = INSN_MOVZ_X0(0);
    for (unsigned i = 0; i < n; i++) {
        p[1 + i] = INSN_ADD_X0(sum_imm(gen, i));
        sum += sum_imm(gen, i);
    }
    p[1 + n] = INSN_RET;
    return sum;
}

#endif
