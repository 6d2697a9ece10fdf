/*
 * hyp.h - what the Swift hypervisor cannot express in Swift: the layout of
 * a vCPU's saved registers and of the per-CPU area the exception vectors
 * use, entry into a guest, the world switch of the EL1 system registers, and
 * one small function per system register, maintenance instruction and
 * firmware call the hypervisor uses.  Imported into Swift as module HypArch
 * (module.modulemap); implemented in vectors.S, entry.S and switch.c.
 */
#ifndef HYP_ARCH_H
#define HYP_ARCH_H

#include <stdint.h>
#include <stddef.h>

/* ---- saved guest state ------------------------------------------------ */

/* The EL1 registers a world switch saves and restores, with the names that
 * reach them from EL2 with HCR_EL2.E2H = 0 and = 1 (FEAT_VHE, D5.6.2). */
#define VCPU_SYSREGS(X)                                       \
    X(SCTLR,      sctlr_el1,      sctlr_el12)                 \
    X(CPACR,      cpacr_el1,      cpacr_el12)                 \
    X(TTBR0,      ttbr0_el1,      ttbr0_el12)                 \
    X(TTBR1,      ttbr1_el1,      ttbr1_el12)                 \
    X(TCR,        tcr_el1,        tcr_el12)                   \
    X(ESR,        esr_el1,        esr_el12)                   \
    X(AFSR0,      afsr0_el1,      afsr0_el12)                 \
    X(AFSR1,      afsr1_el1,      afsr1_el12)                 \
    X(FAR,        far_el1,        far_el12)                   \
    X(MAIR,       mair_el1,       mair_el12)                  \
    X(AMAIR,      amair_el1,      amair_el12)                 \
    X(VBAR,       vbar_el1,       vbar_el12)                  \
    X(CONTEXTIDR, contextidr_el1, contextidr_el12)            \
    X(CNTKCTL,    cntkctl_el1,    cntkctl_el12)               \
    X(ELR,        elr_el1,        elr_el12)                   \
    X(SPSR,       spsr_el1,       spsr_el12)                  \
    X(CNTV_CTL,   cntv_ctl_el0,   cntv_ctl_el02)              \
    X(CNTV_CVAL,  cntv_cval_el0,  cntv_cval_el02)             \
    X(SP_EL1,     sp_el1,         sp_el1)                     \
    X(TPIDR_EL1,  tpidr_el1,      tpidr_el1)                  \
    X(TPIDR_EL0,  tpidr_el0,      tpidr_el0)                  \
    X(TPIDRRO,    tpidrro_el0,    tpidrro_el0)                \
    X(PAR,        par_el1,        par_el1)                    \
    X(CSSELR,     csselr_el1,     csselr_el1)

enum vcpu_sysreg {
#define X(name, el1, el12) VCPU_##name,
    VCPU_SYSREGS(X)
#undef X
    VCPU_SYSREG_COUNT
};

/* Offsets are used by vectors.S: keep them in step (VCPU_* in vectors.S). */
struct vcpu_regs {
    uint64_t x[31];         /*   0: x0-x30 */
    uint64_t sp_el0;        /* 248 */
    uint64_t pc;            /* 256: ELR_EL2 at exit, where ERET goes */
    uint64_t pstate;        /* 264: SPSR_EL2 */
    uint64_t esr_el2;       /* 272: the exit's syndrome */
    uint64_t far_el2;       /* 280 */
    uint64_t hpfar_el2;     /* 288 */
    uint64_t pad;           /* 296 */
    uint64_t sys[VCPU_SYSREG_COUNT];
    struct fpsimd_state {   /* fpsimd.S */
        uint64_t v[64];     /* V0-V31, low doubleword first */
        uint64_t fpsr, fpcr;
    } fp;
};

/* One per physical CPU; TPIDR_EL2 points at it (offsets in vectors.S). */
struct hyp_cpu {
    uint64_t host_sp;           /*   0: SP at guest_enter */
    uint64_t host_regs[12];     /*   8: x19-x30 at guest_enter */
    struct vcpu_regs *vcpu;     /* 104: the context in the guest, 0 in the host */
    uint64_t index;             /* 112: logical CPU number */
    uint64_t el2_stack;         /* 120: top of this CPU's EL2 stack */
    uint64_t el1_stack;         /* 128: top of its EL1 host stack (nVHE) */
    uint64_t entry;             /* 136: secondary: the function to run, entry(index) */
    uint64_t ttbr;              /* 144: the hypervisor's stage-1 tables */
    uint64_t mode;              /* 152: 1 = VHE, 0 = nVHE */
    uint64_t tcr;               /* 160: TCR for that mode */
};

/* The exit codes guest_enter returns: which vector the guest left by. */
enum { EXIT_SYNC = 0, EXIT_IRQ = 1, EXIT_FIQ = 2, EXIT_SERROR = 3 };

/* Runs the guest from ctx (x0-x30, SP_EL0, pc, pstate; the EL1 system
 * registers must already be loaded) until it takes an exception to EL2. */
uint64_t guest_enter(struct vcpu_regs *ctx);

static inline uint64_t vcpu_get_x(const struct vcpu_regs *c, unsigned n) { return n < 31 ? c->x[n] : 0; }
static inline void vcpu_set_x(struct vcpu_regs *c, unsigned n, uint64_t v) { if (n < 31) c->x[n] = v; }
static inline uint64_t vcpu_get_sys(const struct vcpu_regs *c, unsigned n) { return c->sys[n]; }
static inline void vcpu_set_sys(struct vcpu_regs *c, unsigned n, uint64_t v) { c->sys[n] = v; }

/* World switch of the EL1 registers (switch.c).  vhe: use the _EL12 names. */
void fpsimd_save(struct fpsimd_state *s);
void fpsimd_load(const struct fpsimd_state *s);
void sysregs_load(const struct vcpu_regs *c, int vhe);
void sysregs_save(struct vcpu_regs *c, int vhe);

/* ---- boot (entry.S) ---------------------------------------------------- */

extern uint64_t boot_x0;
/* This CPU's per-CPU area, for the vectors and Swift. */
static inline struct hyp_cpu *this_cpu(void)
{
    uint64_t v; __asm__ volatile("mrs %0, tpidr_el2" : "=r"(v)); return (struct hyp_cpu *)v;
}
/* EL2 set-up of the calling CPU: TPIDR_EL2, VBAR_EL2, MAIR/TCR/TTBR0_EL2,
 * SCTLR_EL2 with M, C, I; HCR_EL2.E2H (and TGE) for VHE. */
void hyp_cpu_init(struct hyp_cpu *cpu);
/* nVHE: continue on this CPU at EL1 (host mode, MMU on with the same
 * tables), calling fn(arg) on the EL1 stack; does not return. */
void hyp_drop_to_el1(struct hyp_cpu *cpu, void (*fn)(uint64_t), uint64_t arg) __attribute__((noreturn));
/* Entry point for PSCI CPU_ON; context id = struct hyp_cpu *. */
void hyp_secondary_entry(void);
/* HVC from the EL1 host to EL2 (nVHE): hyp_host_call(fn, a1, a2, a3) runs at EL2. */
uint64_t hyp_hvc(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
/* SMC to the firmware (PSCI). */
uint64_t hyp_smc(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
extern char hyp_vectors[];
/* boot.c: the boot CPU's area, the stage-1 TCR and tables for a mode, the
 * semihosting command line as read at boot. */
struct hyp_cpu *hyp_boot_cpu(void);
uint64_t hyp_tcr(int vhe);
uint64_t hyp_ttbr(int vhe);
const char *hyp_cmdline(void);
extern char __image_start[], __image_end[];

/* ---- system registers ------------------------------------------------ */

#define HYP_SYSREG_RW(name)                                                                       \
    static inline uint64_t read_##name(void) { uint64_t v; __asm__ volatile("mrs %0, " #name : "=r"(v) :: "memory"); return v; } \
    static inline void write_##name(uint64_t v) { __asm__ volatile("msr " #name ", %0" :: "r"(v) : "memory"); }
#define HYP_SYSREG_RO(name)                                                                       \
    static inline uint64_t read_##name(void) { uint64_t v; __asm__ volatile("mrs %0, " #name : "=r"(v) :: "memory"); return v; }

HYP_SYSREG_RW(hcr_el2)
HYP_SYSREG_RW(vttbr_el2)
HYP_SYSREG_RW(vtcr_el2)
HYP_SYSREG_RW(cptr_el2)
HYP_SYSREG_RW(cnthctl_el2)
HYP_SYSREG_RW(cntvoff_el2)
HYP_SYSREG_RW(cnthp_ctl_el2)
HYP_SYSREG_RW(cnthp_tval_el2)
HYP_SYSREG_RW(vmpidr_el2)
HYP_SYSREG_RW(vpidr_el2)
HYP_SYSREG_RW(mdcr_el2)
HYP_SYSREG_RO(currentel)
HYP_SYSREG_RO(mpidr_el1)
HYP_SYSREG_RO(midr_el1)
HYP_SYSREG_RO(ctr_el0)
HYP_SYSREG_RO(clidr_el1)
HYP_SYSREG_RO(cntpct_el0)
HYP_SYSREG_RO(cntfrq_el0)
HYP_SYSREG_RO(id_aa64mmfr0_el1)
HYP_SYSREG_RO(id_aa64mmfr1_el1)
HYP_SYSREG_RO(id_aa64mmfr2_el1)
HYP_SYSREG_RO(id_aa64pfr0_el1)

/* GICv3 CPU interface (ICC_*_EL1 as named by the assembler's generic form). */
static inline uint64_t read_icc_iar1(void) { uint64_t v; __asm__ volatile("mrs %0, s3_0_c12_c12_0" : "=r"(v) :: "memory"); return v; }
static inline void write_icc_eoir1(uint64_t v) { __asm__ volatile("msr s3_0_c12_c12_1, %0" :: "r"(v) : "memory"); }
static inline void write_icc_sgi1r(uint64_t v) { __asm__ volatile("msr s3_0_c12_c11_5, %0" :: "r"(v) : "memory"); }
static inline void write_icc_pmr(uint64_t v) { __asm__ volatile("msr s3_0_c4_c6_0, %0" :: "r"(v) : "memory"); }
static inline void write_icc_igrpen1(uint64_t v) { __asm__ volatile("msr s3_0_c12_c12_7, %0" :: "r"(v) : "memory"); }
static inline uint64_t read_icc_sre_el2(void) { uint64_t v; __asm__ volatile("mrs %0, s3_4_c12_c9_5" : "=r"(v) :: "memory"); return v; }
static inline void write_icc_sre_el2(uint64_t v) { __asm__ volatile("msr s3_4_c12_c9_5, %0" :: "r"(v) : "memory"); }
static inline void write_icc_sre_el1(uint64_t v) { __asm__ volatile("msr s3_0_c12_c12_5, %0" :: "r"(v) : "memory"); }

/* ---- barriers and maintenance: one function per instruction used ------ */

static inline void isb(void)            { __asm__ volatile("isb" ::: "memory"); }
static inline void dsb_ish(void)        { __asm__ volatile("dsb ish" ::: "memory"); }
static inline void dsb_nsh(void)        { __asm__ volatile("dsb nsh" ::: "memory"); }
static inline void dsb_sy(void)         { __asm__ volatile("dsb sy" ::: "memory"); }
static inline void wfi(void)            { __asm__ volatile("wfi" ::: "memory"); }
static inline void wfe(void)            { __asm__ volatile("wfe" ::: "memory"); }
static inline void sev(void)            { __asm__ volatile("sev" ::: "memory"); }
static inline void irq_enable(void)     { __asm__ volatile("msr daifclr, #2" ::: "memory"); }
static inline void irq_disable(void)    { __asm__ volatile("msr daifset, #2" ::: "memory"); }

/* TLBI IPAS2E1IS takes IPA[55:12] in Xt[43:0]. */
static inline void tlbi_ipas2e1is(uint64_t ipa) { __asm__ volatile("tlbi ipas2e1is, %0" :: "r"(ipa >> 12) : "memory"); }
static inline void tlbi_vmalle1is(void)  { __asm__ volatile("tlbi vmalle1is" ::: "memory"); }
static inline void tlbi_vmalle1(void)    { __asm__ volatile("tlbi vmalle1" ::: "memory"); }
static inline void tlbi_vmalls12e1is(void) { __asm__ volatile("tlbi vmalls12e1is" ::: "memory"); }
static inline void tlbi_alle1is(void)    { __asm__ volatile("tlbi alle1is" ::: "memory"); }
static inline void tlbi_alle1(void)      { __asm__ volatile("tlbi alle1" ::: "memory"); }
static inline void tlbi_alle2(void)      { __asm__ volatile("tlbi alle2" ::: "memory"); }
/* The TLBIs the hypervisor performs for a guest hypervisor's (nested
 * virtualization, Sources/Nested): every one Inner Shareable, as KVM does.
 * EL1 stage-1 forms by number (enum tlbi_el1_op; range forms by their SYS
 * encodings, op1 0, CRn 8, CRm 2: the assembler's -march may lack them). */
enum tlbi_el1_op {
    TLBI_VMALLE1IS, TLBI_VAE1IS, TLBI_ASIDE1IS, TLBI_VAAE1IS, TLBI_VALE1IS, TLBI_VAALE1IS,
    TLBI_RVAE1IS, TLBI_RVAAE1IS, TLBI_RVALE1IS, TLBI_RVAALE1IS
};
static inline void tlbi_el1_is(unsigned op, uint64_t xt)
{
    switch (op) {
    case TLBI_VMALLE1IS: __asm__ volatile("tlbi vmalle1is" ::: "memory"); break;
    case TLBI_VAE1IS:    __asm__ volatile("tlbi vae1is, %0" :: "r"(xt) : "memory"); break;
    case TLBI_ASIDE1IS:  __asm__ volatile("tlbi aside1is, %0" :: "r"(xt) : "memory"); break;
    case TLBI_VAAE1IS:   __asm__ volatile("tlbi vaae1is, %0" :: "r"(xt) : "memory"); break;
    case TLBI_VALE1IS:   __asm__ volatile("tlbi vale1is, %0" :: "r"(xt) : "memory"); break;
    case TLBI_VAALE1IS:  __asm__ volatile("tlbi vaale1is, %0" :: "r"(xt) : "memory"); break;
    case TLBI_RVAE1IS:   __asm__ volatile("sys #0, c8, c2, #1, %0" :: "r"(xt) : "memory"); break;
    case TLBI_RVAAE1IS:  __asm__ volatile("sys #0, c8, c2, #3, %0" :: "r"(xt) : "memory"); break;
    case TLBI_RVALE1IS:  __asm__ volatile("sys #0, c8, c2, #5, %0" :: "r"(xt) : "memory"); break;
    case TLBI_RVAALE1IS: __asm__ volatile("sys #0, c8, c2, #7, %0" :: "r"(xt) : "memory"); break;
    }
}
static inline void ic_iallu(void)        { __asm__ volatile("ic iallu" ::: "memory"); }
static inline void ic_ialluis(void)      { __asm__ volatile("ic ialluis" ::: "memory"); }
static inline void ic_ivau(uint64_t va)  { __asm__ volatile("ic ivau, %0" :: "r"(va) : "memory"); }
static inline void dc_cvac(uint64_t va)  { __asm__ volatile("dc cvac, %0" :: "r"(va) : "memory"); }
static inline void dc_cvau(uint64_t va)  { __asm__ volatile("dc cvau, %0" :: "r"(va) : "memory"); }
static inline void dc_civac(uint64_t va) { __asm__ volatile("dc civac, %0" :: "r"(va) : "memory"); }

/* ---- memory as the hypervisor sees it (identity mapped, cacheable) ---- */

static inline uint64_t load64(uint64_t pa)  { return *(volatile uint64_t *)pa; }
static inline void store64(uint64_t pa, uint64_t v) { *(volatile uint64_t *)pa = v; }
static inline uint32_t load32(uint64_t pa)  { return *(volatile uint32_t *)pa; }
static inline void store32(uint64_t pa, uint32_t v) { *(volatile uint32_t *)pa = v; }
static inline uint8_t load8(uint64_t pa)    { return *(volatile uint8_t *)pa; }
static inline void store8(uint64_t pa, uint8_t v) { *(volatile uint8_t *)pa = v; }
void *memset(void *dst, int c, size_t n);
void *memcpy(void *restrict dst, const void *restrict src, size_t n);

/* ---- spinlocks ---------------------------------------------------------- */

static inline void spin_lock(volatile uint32_t *l)
{
    while (__atomic_exchange_n(l, 1u, __ATOMIC_ACQUIRE))
        while (__atomic_load_n(l, __ATOMIC_RELAXED)) { }
}
static inline void spin_unlock(volatile uint32_t *l) { __atomic_store_n(l, 0u, __ATOMIC_RELEASE); }

/* ---- the GIC (guests/lib/gic.c) and the heap (guests/lib/malloc.c) ---- */

void gicd_init(void);
void gicr_wake(unsigned cpu);
void gicr_enable_private(unsigned cpu, unsigned intid, uint8_t priority);
void gic_cpuif_init(void);
void *heap_end(void);
int posix_memalign(void **out, size_t align, size_t size);

/* ---- semihosting (HLT #0xF000, guests/lib/semihost.c) and output ------ */

int64_t hyp_semihost(uint32_t op, uint64_t param);
void hyp_exit(int code) __attribute__((noreturn));
int putchar(int c);

#endif
