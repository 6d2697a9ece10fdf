/*
 * crt0.S - entry point of every a64emu bare-metal guest.
 *
 * The CPU arrives here at EL1 (or EL2 for guests that ask for it) with the
 * MMU and caches off and x0 = 0 (QEMU gives an ELF no device tree) or,
 * for an Image or raw binary, the device tree's address.
 *   1. point SP at the stack reserved by link.ld,
 *   2. let EL0, EL1 and EL2 use FP/SIMD (fpsimd_enable.h),
 *   3. zero .bss, then keep the x0 the boot code gave in boot_x0,
 *   4. call main(0, 0),
 *   5. exit through semihosting SYS_EXIT (0x18) with the AArch64 parameter
 *      block { ADP_Stopped_ApplicationExit, main's return value }, so that
 *      the emulator's (and QEMU's) exit status is main's return value.
 */
#include "fpsimd_enable.h"

    .section .text.boot, "ax"
    .globl  _start
    .type   _start, %function
_start:
    adrp    x1, __stack_top
    add     x1, x1, :lo12:__stack_top
    mov     sp, x1

    enable_fpsimd x1, x2

    /* zero .bss: both ends are 16-byte aligned (link.ld) */
    adrp    x1, __bss_start
    add     x1, x1, :lo12:__bss_start
    adrp    x2, __bss_end
    add     x2, x2, :lo12:__bss_end
1:  cmp     x1, x2
    b.hs    2f
    stp     xzr, xzr, [x1], #16
    b       1b
2:
    adrp    x1, boot_x0
    str     x0, [x1, :lo12:boot_x0]
    mov     x29, #0                 /* terminate the frame chain */
    mov     x30, #0
    mov     x0, #0                  /* argc */
    mov     x1, #0                  /* argv */
    bl      main
    .size   _start, . - _start

    .globl  _exit
    .type   _exit, %function
_exit:                              /* _exit(int code): never returns */
    sxtw    x0, w0
    sub     sp, sp, #16
    ldr     x1, =0x20026            /* ADP_Stopped_ApplicationExit */
    stp     x1, x0, [sp]
    mov     x1, sp
    mov     w0, #0x18               /* SYS_EXIT */
    hlt     #0xf000
3:  b       3b                      /* not reached (no semihosting?) */
    .size   _exit, . - _exit
    .ltorg

    .bss
    .p2align 3
    .globl  boot_x0
boot_x0:                            /* x0 at entry: the device tree, or 0 */
    .quad   0
