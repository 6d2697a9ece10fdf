/*
 * vectors.S - exception vector tables for EL1 and EL2, and lower_call /
 * lower_return (see exceptions.h).
 *
 * Each vector entry (128 bytes apart, table 2 KiB aligned as VBAR_ELx
 * requires: bits 10:0 are RES0) makes room for a struct exc_frame on SP_ELx,
 * saves x0/x1, puts the vector offset in x1 and branches to the common code
 * of its table, which saves the rest and calls
 * exc_dispatch(frame, el, offset) (exceptions.c).
 *
 * struct exc_frame: x0-x30 at 0..240, pad at 248, ELR 256, SPSR 264,
 * ESR 272, FAR 280; 288 bytes.  Every pair is stored at a 16-byte aligned
 * offset (the MMU is off: Device memory, no unaligned accesses).
 */
#define FRAME_SIZE  288
#define F_ELR       256
#define F_ESR       272

.macro VENTRY el:req, off:req
    .p2align 7
    sub     sp, sp, #FRAME_SIZE
    stp     x0, x1, [sp, #0]
    mov     x1, #\off
    b       exc_common_el\el
.endm

.macro VTABLE el:req
    .p2align 11
    .globl  vectors_el\el
    .type   vectors_el\el, %object
vectors_el\el:
    VENTRY  \el, 0x000
    VENTRY  \el, 0x080
    VENTRY  \el, 0x100
    VENTRY  \el, 0x180
    VENTRY  \el, 0x200
    VENTRY  \el, 0x280
    VENTRY  \el, 0x300
    VENTRY  \el, 0x380
    VENTRY  \el, 0x400
    VENTRY  \el, 0x480
    VENTRY  \el, 0x500
    VENTRY  \el, 0x580
    VENTRY  \el, 0x600
    VENTRY  \el, 0x680
    VENTRY  \el, 0x700
    VENTRY  \el, 0x780
    .size   vectors_el\el, . - vectors_el\el
.endm

.macro VCOMMON el:req
    .p2align 2
    .type   exc_common_el\el, %function
exc_common_el\el:
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x19, [sp, #144]
    stp     x20, x21, [sp, #160]
    stp     x22, x23, [sp, #176]
    stp     x24, x25, [sp, #192]
    stp     x26, x27, [sp, #208]
    stp     x28, x29, [sp, #224]
    str     x30, [sp, #240]
    mrs     x2, elr_el\el
    mrs     x3, spsr_el\el
    stp     x2, x3, [sp, #F_ELR]
    mrs     x2, esr_el\el
    mrs     x3, far_el\el
    stp     x2, x3, [sp, #F_ESR]
    mov     x2, x1                  /* offset */
    mov     x1, #\el                /* el */
    mov     x0, sp                  /* frame */
    mov     x29, #0                 /* end of the frame chain for backtraces */
    bl      exc_dispatch
    ldp     x2, x3, [sp, #F_ELR]
    msr     elr_el\el, x2
    msr     spsr_el\el, x3
    ldp     x0, x1, [sp, #0]
    ldp     x2, x3, [sp, #16]
    ldp     x4, x5, [sp, #32]
    ldp     x6, x7, [sp, #48]
    ldp     x8, x9, [sp, #64]
    ldp     x10, x11, [sp, #80]
    ldp     x12, x13, [sp, #96]
    ldp     x14, x15, [sp, #112]
    ldp     x16, x17, [sp, #128]
    ldp     x18, x19, [sp, #144]
    ldp     x20, x21, [sp, #160]
    ldp     x22, x23, [sp, #176]
    ldp     x24, x25, [sp, #192]
    ldp     x26, x27, [sp, #208]
    ldp     x28, x29, [sp, #224]
    ldr     x30, [sp, #240]
    add     sp, sp, #FRAME_SIZE
    eret
    .size   exc_common_el\el, . - exc_common_el\el
.endm

    .section .text.vectors, "ax"
    VTABLE  1
    VTABLE  2
    VCOMMON 1
    VCOMMON 2

/* ---------------------------------------------------------------------
 * lower_call(spsr x0, fn x1, arg x2, sp x3) and lower_return(value x0).
 * Context per EL (index CurrentEL.EL, 128 bytes each): x19-x30 at 0..88,
 * SP at 96, DAIF at 104.
 */
    .text
    .p2align 2
    .globl  lower_call
    .type   lower_call, %function
lower_call:
    mrs     x9, CurrentEL
    lsr     x9, x9, #2
    and     x9, x9, #3
    adrp    x10, lower_ctx
    add     x10, x10, :lo12:lower_ctx
    add     x10, x10, x9, lsl #7
    stp     x19, x20, [x10, #0]
    stp     x21, x22, [x10, #16]
    stp     x23, x24, [x10, #32]
    stp     x25, x26, [x10, #48]
    stp     x27, x28, [x10, #64]
    stp     x29, x30, [x10, #80]
    mov     x11, sp
    mrs     x12, daif
    stp     x11, x12, [x10, #96]
    and     x13, x0, #0xf           /* target M[3:0] */
    cmp     x9, #2
    b.eq    1f
    /* at EL1: the target is EL0 */
    msr     spsr_el1, x0
    msr     elr_el1, x1
    msr     sp_el0, x3
    b       3f
1:  /* at EL2: the target is EL1 (SP_EL1 if EL1h) or EL0 */
    msr     spsr_el2, x0
    msr     elr_el2, x1
    cmp     x13, #0x5
    b.ne    2f
    msr     sp_el1, x3
    b       3f
2:  msr     sp_el0, x3
3:  adr     x30, lower_ret_svc      /* target EL0: SVC */
    tst     x13, #0xc
    b.eq    4f
    adr     x30, lower_ret_hvc      /* target EL1: HVC */
4:  mov     x0, x2
    mov     x29, #0
    eret
    .size   lower_call, . - lower_call

    .globl  lower_return
    .type   lower_return, %function
lower_return:
    mrs     x9, CurrentEL
    lsr     x9, x9, #2
    and     x9, x9, #3
    adrp    x10, lower_ctx
    add     x10, x10, :lo12:lower_ctx
    add     x10, x10, x9, lsl #7
    ldp     x19, x20, [x10, #0]
    ldp     x21, x22, [x10, #16]
    ldp     x23, x24, [x10, #32]
    ldp     x25, x26, [x10, #48]
    ldp     x27, x28, [x10, #64]
    ldp     x29, x30, [x10, #80]
    ldp     x11, x12, [x10, #96]
    mov     sp, x11
    msr     daif, x12
    ret
    .size   lower_return, . - lower_return

    .globl  lower_ret_svc
    .type   lower_ret_svc, %function
lower_ret_svc:
    svc     #0xffff
    b       lower_ret_svc
    .size   lower_ret_svc, . - lower_ret_svc

    .globl  lower_ret_hvc
    .type   lower_ret_hvc, %function
lower_ret_hvc:
    hvc     #0xffff
    b       lower_ret_hvc
    .size   lower_ret_hvc, . - lower_ret_hvc

    .bss
    .p2align 4
lower_ctx:
    .space  4 * 128
