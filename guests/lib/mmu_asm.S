/*
 * mmu_asm.S - mmu_el1_off() and mmu_el2_off() (see mmu.h).
 *
 * Turning the MMU off makes data accesses Device-nGnRnE (Arm ARM D8.2.12
 * "The effects of disabling an address translation stage"), which read and
 * write memory and do not look up the data caches.  Data written while the
 * MMU was on may still be dirty in a cache, and a clean line left in a cache
 * would be stale when the MMU is turned on again, so the image is cleaned
 * and invalidated to the PoC before the switch (dirty data reaches memory),
 * and invalidated again after it (lines allocated in between, which can
 * only be clean: nothing is stored meanwhile, go away).  Nothing here
 * touches the stack.
 */
/* One function per regime: only the SCTLR differs. */
    .macro  MMU_OFF name, sctlr
    .text
    .p2align 2
    .globl  \name
    .type   \name, %function
\name:
    mrs     x3, ctr_el0
    ubfx    x3, x3, #16, #4
    mov     x4, #4
    lsl     x4, x4, x3              /* D-cache line size in bytes */
    sub     x5, x4, #1
    adrp    x1, __image_start
    add     x1, x1, :lo12:__image_start
    bic     x1, x1, x5
    adrp    x2, __image_end
    add     x2, x2, :lo12:__image_end
    mov     x0, x1
1:  dc      civac, x0
    add     x0, x0, x4
    cmp     x0, x2
    b.lo    1b
    dsb     sy
    mrs     x0, \sctlr
    mov     x6, #((1 << 0) | (1 << 2))      /* M, C */
    orr     x6, x6, #(1 << 12)              /* I */
    bic     x0, x0, x6
    msr     \sctlr, x0
    isb
    mov     x0, x1
2:  dc      civac, x0
    add     x0, x0, x4
    cmp     x0, x2
    b.lo    2b
    dsb     sy
    ic      iallu
    dsb     sy
    isb
    ret
    .size   \name, . - \name
    .endm

    MMU_OFF mmu_el1_off, sctlr_el1
/* mmu_el2_off(): the same for the EL2 regime (SCTLR_EL2) */
    MMU_OFF mmu_el2_off, sctlr_el2
