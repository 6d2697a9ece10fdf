/*
 * cache_asm.S - the set/way loops over every cache level and the single
 * accesses with the MMU off (see cache.h).
 *
 * Set/way operand of DC ISW/CSW/CISW (Arm ARM D7.5.9, "Data cache
 * maintenance instructions ... by set/way"): Level (level - 1) in bits
 * [3:1], Set in bits [L+S-1:L], Way in bits [31:32-A], where L = log2(line
 * bytes), S = log2(sets), A = ceil(log2(ways)) (no Way bits for one way).
 * The geometry of each level comes from CCSIDR_EL1 after CSSELR_EL1 =
 * Level, InD = 0: LineSize [2:0] = L - 4, and without FEAT_CCIDX
 * Associativity [12:3] = ways - 1, NumSets [27:13] = sets - 1; with it
 * Associativity [23:3], NumSets [55:32].  Levels 1 .. LoC (CLIDR_EL1 bits
 * 26:24) with Ctype 2 (data), 3 (separate) or 4 (unified) are walked,
 * from level 1 up, so that a line cleaned out of one level is caught by
 * the next.
 */
    .macro  SETWAY_ALL name:req, op:req
    .text
    .p2align 2
    .globl  \name
    .type   \name, %function
\name:
    dsb     sy                      /* earlier stores are in the caches */
    mrs     x0, clidr_el1
    ubfx    x1, x0, #24, #3         /* LoC */
    cbz     x1, 9f
    mrs     x9, id_aa64mmfr2_el1
    ubfx    x9, x9, #20, #4         /* CCIDX */
    mov     x2, #0                  /* level - 1 */
1:  add     x3, x2, x2, lsl #1      /* Ctype<level> at bit 3 * (level - 1) */
    lsr     x4, x0, x3
    and     x4, x4, #7
    cmp     x4, #2
    b.lo    8f                      /* no cache, or instruction only */
    lsl     x5, x2, #1              /* Level field; InD = 0 */
    msr     csselr_el1, x5
    isb
    mrs     x6, ccsidr_el1
    and     x7, x6, #7
    add     x7, x7, #4              /* L */
    cbnz    x9, 2f
    ubfx    x8, x6, #3, #10         /* ways - 1 */
    ubfx    x10, x6, #13, #15       /* sets - 1 */
    b       3f
2:  ubfx    x8, x6, #3, #21
    ubfx    x10, x6, #32, #24
3:  clz     w11, w8                 /* 32 - A (32 when one way: way is 0) */
    mov     x12, x8                 /* way */
4:  mov     x13, x10                /* set */
5:  lsl     x14, x12, x11
    orr     x14, x14, x5
    lsl     x15, x13, x7
    orr     x14, x14, x15
    dc      \op, x14
    subs    x13, x13, #1
    b.ge    5b
    subs    x12, x12, #1
    b.ge    4b
8:  add     x2, x2, #1
    cmp     x2, x1
    b.lo    1b
9:  msr     csselr_el1, xzr
    dsb     sy
    isb
    ret
    .size   \name, . - \name
    .endm

    SETWAY_ALL dcache_cisw_all, cisw
    SETWAY_ALL dcache_csw_all, csw

/*
 * Accesses with SCTLR_ELx.M = C = I = 0.  x9 keeps the caller's SCTLR_ELx;
 * nothing but the access itself touches memory.
 */
    .macro  MMU_OFF el:req
    dsb     sy
    mrs     x9, sctlr_el\el
    mov     x10, #((1 << 0) | (1 << 2))     /* M, C */
    orr     x10, x10, #(1 << 12)            /* I */
    bic     x10, x9, x10
    msr     sctlr_el\el, x10
    isb
    .endm

    .macro  MMU_RESTORE el:req
    dsb     sy
    msr     sctlr_el\el, x9
    isb
    ret
    .endm

    .macro  FUNC name:req
    .text
    .p2align 2
    .globl  \name
    .type   \name, %function
\name:
    .endm

    .macro  MMU_OFF_ACCESSES el:req
    FUNC    el\el\()_ld_mmu_off
    MMU_OFF \el
    ldr     x0, [x0]
    MMU_RESTORE \el
    .size   el\el\()_ld_mmu_off, . - el\el\()_ld_mmu_off

    FUNC    el\el\()_st_mmu_off
    MMU_OFF \el
    str     x1, [x0]
    MMU_RESTORE \el
    .size   el\el\()_st_mmu_off, . - el\el\()_st_mmu_off

    FUNC    el\el\()_st_ivac_mmu_off
    MMU_OFF \el
    str     x1, [x0]
    dsb     sy
    dc      ivac, x0
    MMU_RESTORE \el
    .size   el\el\()_st_ivac_mmu_off, . - el\el\()_st_ivac_mmu_off

    FUNC    el\el\()_cvac_ld_mmu_off
    MMU_OFF \el
    dc      cvac, x0
    dsb     sy
    ldr     x0, [x0]
    MMU_RESTORE \el
    .size   el\el\()_cvac_ld_mmu_off, . - el\el\()_cvac_ld_mmu_off
    .endm

    MMU_OFF_ACCESSES 1
    MMU_OFF_ACCESSES 2

/*
 * el1_call_mmu_off(fn): calls fn() with SCTLR_EL1.M = C = I = 0 (its
 * instructions are then fetched as Normal Non-cacheable, D8.2.12) and
 * returns its x0.  fn must not touch memory (no stack) nor x9-x11.
 */
    FUNC    el1_call_mmu_off
    mov     x11, x30
    mov     x12, x0
    MMU_OFF 1
    blr     x12
    dsb     sy
    msr     sctlr_el1, x9
    isb
    ret     x11
    .size   el1_call_mmu_off, . - el1_call_mmu_off
