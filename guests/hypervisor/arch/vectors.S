/*
 * vectors.S - the hypervisor's EL2 exception vectors, entry into a guest and
 * the exit from it, the nVHE host's HVC calls, and the first instructions of
 * a secondary CPU.
 *
 * guest_enter(ctx) saves the caller's x19-x30 and SP in the per-CPU area
 * (TPIDR_EL2 = struct hyp_cpu, hyp.h), records ctx as the running vCPU,
 * loads the guest's registers and ERETs.  An exception from a lower EL then
 * lands in the lower-EL vectors: if a vCPU is running, its registers and the
 * exit syndrome are stored in ctx and guest_enter returns the vector's
 * EXIT_* code to its caller (the shape of KVM's __guest_enter/__guest_exit).
 * With no vCPU running, a lower-EL exception is an HVC from the nVHE host
 * at EL1: hyp_host_call(x0, x1, x2, x3) runs at EL2 and its result goes
 * back in x0.  Exceptions from EL2 itself are hypervisor bugs: hyp_panic.
 */
#define CPU_HOST_SP     0
#define CPU_HOST_REGS   8
#define CPU_VCPU        104
#define CPU_EL2_STACK   120

#define VCPU_SP_EL0     248
#define VCPU_PC         256
#define VCPU_ESR        272
#define VCPU_HPFAR      288

    .text

/* ---- vectors ------------------------------------------------------------ */
.macro VENTRY_LOWER code:req
    .p2align 7
    stp     x0, x1, [sp, #-16]!
    mov     x1, #\code
    b       lower_el_exception
.endm
.macro VENTRY_CURRENT code:req
    .p2align 7
    mov     x0, #\code
    b       current_el_exception
.endm

    .p2align 11
    .globl  hyp_vectors
hyp_vectors:
    VENTRY_CURRENT 0        /* current EL with SP_EL0 */
    VENTRY_CURRENT 1
    VENTRY_CURRENT 2
    VENTRY_CURRENT 3
    VENTRY_CURRENT 4        /* current EL with SP_ELx */
    VENTRY_CURRENT 5
    VENTRY_CURRENT 6
    VENTRY_CURRENT 7
    VENTRY_LOWER   0        /* lower EL, AArch64 */
    VENTRY_LOWER   1
    VENTRY_LOWER   2
    VENTRY_LOWER   3
    VENTRY_CURRENT 12       /* lower EL, AArch32: never used */
    VENTRY_CURRENT 13
    VENTRY_CURRENT 14
    VENTRY_CURRENT 15

current_el_exception:
    mrs     x1, esr_el2
    mrs     x2, elr_el2
    mrs     x3, far_el2
    bl      hyp_panic               /* does not return */
1:  b       1b

/* x0, x1 of the lower EL are on the stack; x1 = EXIT_* code. */
lower_el_exception:
    mrs     x0, tpidr_el2
    ldr     x0, [x0, #CPU_VCPU]
    cbz     x0, host_call
    stp     x2, x3, [x0, #16]
    stp     x4, x5, [x0, #32]
    stp     x6, x7, [x0, #48]
    stp     x8, x9, [x0, #64]
    stp     x10, x11, [x0, #80]
    stp     x12, x13, [x0, #96]
    stp     x14, x15, [x0, #112]
    stp     x16, x17, [x0, #128]
    stp     x18, x19, [x0, #144]
    stp     x20, x21, [x0, #160]
    stp     x22, x23, [x0, #176]
    stp     x24, x25, [x0, #192]
    stp     x26, x27, [x0, #208]
    stp     x28, x29, [x0, #224]
    str     x30, [x0, #240]
    ldp     x2, x3, [sp], #16       /* the guest's x0, x1 */
    stp     x2, x3, [x0, #0]
    mrs     x2, sp_el0
    str     x2, [x0, #VCPU_SP_EL0]
    mrs     x2, elr_el2
    mrs     x3, spsr_el2
    stp     x2, x3, [x0, #VCPU_PC]
    mrs     x2, esr_el2
    mrs     x3, far_el2
    stp     x2, x3, [x0, #VCPU_ESR]
    mrs     x2, hpfar_el2
    str     x2, [x0, #VCPU_HPFAR]
    mov     x0, x1                  /* guest_enter returns the exit code */
    mrs     x1, tpidr_el2
    str     xzr, [x1, #CPU_VCPU]
    ldr     x2, [x1, #CPU_HOST_SP]
    mov     sp, x2
    ldp     x19, x20, [x1, #CPU_HOST_REGS + 0]
    ldp     x21, x22, [x1, #CPU_HOST_REGS + 16]
    ldp     x23, x24, [x1, #CPU_HOST_REGS + 32]
    ldp     x25, x26, [x1, #CPU_HOST_REGS + 48]
    ldp     x27, x28, [x1, #CPU_HOST_REGS + 64]
    ldp     x29, x30, [x1, #CPU_HOST_REGS + 80]
    ret

/* An HVC from the nVHE host (EL1): SMCCC, x0-x17 may be clobbered; x18,
 * x30, ELR_EL2 and SPSR_EL2 are kept (a guest entry inside the call
 * changes the last two). */
host_call:
    ldp     x0, x1, [sp], #16
    mrs     x9, esr_el2
    lsr     x9, x9, #26
    cmp     x9, #0x16               /* EC: HVC from AArch64 */
    b.ne    host_not_hvc
    mrs     x9, elr_el2
    mrs     x10, spsr_el2
    stp     x9, x10, [sp, #-32]!
    stp     x18, x30, [sp, #16]
    bl      hyp_host_call
    ldp     x18, x30, [sp, #16]
    ldp     x9, x10, [sp], #32
    msr     elr_el2, x9
    msr     spsr_el2, x10
    eret
host_not_hvc:
    mov     x0, #16                 /* a host exception that is not an HVC */
    b       current_el_exception

/* ---- uint64_t guest_enter(struct vcpu_regs *ctx) -------------------------- */
    .globl  guest_enter
    .type   guest_enter, %function
guest_enter:
    mrs     x1, tpidr_el2
    stp     x19, x20, [x1, #CPU_HOST_REGS + 0]
    stp     x21, x22, [x1, #CPU_HOST_REGS + 16]
    stp     x23, x24, [x1, #CPU_HOST_REGS + 32]
    stp     x25, x26, [x1, #CPU_HOST_REGS + 48]
    stp     x27, x28, [x1, #CPU_HOST_REGS + 64]
    stp     x29, x30, [x1, #CPU_HOST_REGS + 80]
    mov     x2, sp
    str     x2, [x1, #CPU_HOST_SP]
    str     x0, [x1, #CPU_VCPU]
    ldr     x2, [x0, #VCPU_SP_EL0]
    msr     sp_el0, x2
    ldp     x2, x3, [x0, #VCPU_PC]
    msr     elr_el2, x2
    msr     spsr_el2, x3
    ldp     x2, x3, [x0, #16]
    ldp     x4, x5, [x0, #32]
    ldp     x6, x7, [x0, #48]
    ldp     x8, x9, [x0, #64]
    ldp     x10, x11, [x0, #80]
    ldp     x12, x13, [x0, #96]
    ldp     x14, x15, [x0, #112]
    ldp     x16, x17, [x0, #128]
    ldp     x18, x19, [x0, #144]
    ldp     x20, x21, [x0, #160]
    ldp     x22, x23, [x0, #176]
    ldp     x24, x25, [x0, #192]
    ldp     x26, x27, [x0, #208]
    ldp     x28, x29, [x0, #224]
    ldr     x30, [x0, #240]
    ldp     x0, x1, [x0, #0]
    eret
    .size   guest_enter, . - guest_enter

/* ---- calls out of the hypervisor ------------------------------------------ */
    .globl  hyp_hvc
    .type   hyp_hvc, %function
hyp_hvc:
    hvc     #0
    ret
    .size   hyp_hvc, . - hyp_hvc

    .globl  hyp_smc
    .type   hyp_smc, %function
hyp_smc:
    smc     #0
    ret
    .size   hyp_smc, . - hyp_smc

/* ---- void hyp_drop_to_el1(cpu, fn, arg): continue at EL1h --------------- */
    .globl  hyp_drop_to_el1
    .type   hyp_drop_to_el1, %function
hyp_drop_to_el1:
    ldr     x3, [x0, #128]          /* el1_stack */
    msr     sp_el1, x3
    adr     x3, el1_trampoline
    msr     elr_el2, x3
    mov     x3, #0x3c5              /* EL1h, DAIF masked */
    msr     spsr_el2, x3
    mov     x0, x2                  /* fn(arg) */
    mov     x19, x1
    eret
el1_trampoline:
    mov     x29, #0
    mov     x30, #0
    blr     x19
1:  b       1b
    .size   hyp_drop_to_el1, . - hyp_drop_to_el1

/* ---- secondary CPUs: PSCI CPU_ON with context id = struct hyp_cpu * ------- */
    .globl  hyp_secondary_entry
    .type   hyp_secondary_entry, %function
hyp_secondary_entry:
    ldr     x1, [x0, #CPU_EL2_STACK]
    mov     sp, x1
    mov     x29, #0
    mov     x30, #0
    mov     x19, x0
    bl      hyp_cpu_init
    ldr     x0, [x19, #112]         /* index */
    bl      hyp_secondary_main
1:  b       1b
    .size   hyp_secondary_entry, . - hyp_secondary_entry
