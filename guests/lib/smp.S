/*
 * smp.S - entry point of secondary CPUs started with PSCI CPU_ON (psci.h).
 * PSCI starts the CPU here at the caller's EL, MMU and caches off, with
 * x0 = the context id given to CPU_ON: a struct smp_boot pointer
 * { stack_top, fn, arg }. FP/SIMD is enabled first (fpsimd_enable.h).
 */
#include "fpsimd_enable.h"

    .text
    .p2align 2
    .globl  secondary_entry
    .type   secondary_entry, %function
secondary_entry:
    enable_fpsimd x1, x2
    ldr     x1, [x0, #0]            /* stack_top */
    mov     sp, x1
    ldr     x2, [x0, #8]            /* fn */
    ldr     x0, [x0, #16]           /* arg */
    mov     x29, #0
    mov     x30, #0
    blr     x2
    bl      psci_cpu_off            /* does not return */
1:  b       1b
    .size   secondary_entry, . - secondary_entry
