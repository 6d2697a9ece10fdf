/*
 * boot.c - the hypervisor's first steps on each CPU, its identity-mapped
 * stage-1 tables, and the C glue Swift calls (semihosting, panics).
 *
 * main() (called by crt0 at EL2, MMU off) builds the tables, turns the EL2
 * MMU and caches on, and calls the Swift hyp_main(boot_x0).  Until then only
 * this file runs: Swift code may make unaligned accesses, which Device
 * memory (every data access with the MMU off) does not allow.
 */
#include "hyp.h"
#include "sysreg.h"
#include "mmu.h"
#include "semihost.h"
#include "printf.h"
#include "malloc.h"

void hyp_main(uint64_t dtb);                     /* Swift */
void hyp_panic(uint64_t code, uint64_t esr, uint64_t elr, uint64_t far) __attribute__((noreturn));

/* The identity maps: [0, 1 GiB) Device-nGnRnE (the board's devices),
 * [1 GiB, 4 GiB) Normal Write-Back (RAM), one 1 GiB block each (level 1,
 * 4 KiB granule, 39-bit VA).  Two trees, because one descriptor means
 * different things in the EL2 regime (AP[1] RES1, XN at bit 54) and in the
 * EL1&0 and EL2&0 regimes (AP[1] = EL0 access). */
static uint8_t table_pool[4 * 4096] __attribute__((aligned(4096)));
static uint64_t el2_tables, el1_tables;

#define RAM_MAP_END 0x100000000ull

static uint64_t build_identity(int single_range)
{
    struct mmu_space s;
    mmu_space_init(&s, MMU_G4K, 39, 1);
    uint64_t ap = single_range ? PTE_AP_RW_ALL : PTE_AP_RW_EL1;   /* AP[1] RES1 at EL2 */
    uint64_t dev = PTE_ATTRINDX(MAIR_IDX_DEV_nGnRnE) | PTE_AF | PTE_UXN | (single_range ? 0 : PTE_PXN);
    mmu_map(&s, 0, 0, 1ull << 30, dev | ap, 1);
    mmu_map(&s, 1ull << 30, 1ull << 30, RAM_MAP_END - (1ull << 30), PTE_NORMAL | ap, 1);
    return mmu_root(&s);
}

#define SCTLR_M  (1ull << 0)
#define SCTLR_C  (1ull << 2)
#define SCTLR_I  (1ull << 12)
#define SCTLR_EL2_RES1 0x30c50830ull    /* E2H = 0 */
#define SCTLR_EL1_RES1 0x30d00800ull    /* and SCTLR_EL2 with E2H = 1 */
#define HCR_RW   (1ull << 31)
#define HCR_E2H  (1ull << 34)
#define HCR_TGE  (1ull << 27)
/* CPTR_EL2: no FP/SIMD trap for the guests (TFP = 0 with E2H = 0, whose
 * RES1 bits are 13, 12, 9:0; FPEN = 0b11 with E2H = 1). */
#define CPTR_NVHE_RES1 0x33ffull
#define CPTR_E2H_FPEN  (3ull << 20)

void hyp_cpu_init(struct hyp_cpu *cpu)
{
    write_sysreg(tpidr_el2, (uint64_t)cpu);
    write_sysreg(vbar_el2, (uint64_t)hyp_vectors);
    write_sysreg(mair_el2, MAIR_DEFAULT);
    write_sysreg(ttbr0_el2, cpu->ttbr);
    if (cpu->mode) {
        write_sysreg(hcr_el2, HCR_RW | HCR_E2H | HCR_TGE);
        isb();
        write_sysreg(cptr_el2, CPTR_E2H_FPEN);
        write_sysreg(tcr_el2, cpu->tcr);
        write_sysreg(ttbr1_el2, 0);
        isb();
        write_sysreg(sctlr_el2, SCTLR_EL1_RES1 | SCTLR_M | SCTLR_C | SCTLR_I);
    } else {
        write_sysreg(hcr_el2, HCR_RW);
        write_sysreg(cptr_el2, CPTR_NVHE_RES1);
        write_sysreg(tcr_el2, cpu->tcr);
        isb();
        write_sysreg(sctlr_el2, SCTLR_EL2_RES1 | SCTLR_M | SCTLR_C | SCTLR_I);
        /* the host's EL1 view: the same memory through the EL1&0 tree */
        write_sysreg(mair_el1, MAIR_DEFAULT);
        write_sysreg(tcr_el1, TCR_T0SZ(25) | TCR_WALK0 | TCR_TG0_4K | TCR_EPD1 | TCR_IPS(PS_40BIT));
        write_sysreg(ttbr0_el1, el1_tables);
        write_sysreg(ttbr1_el1, 0);
        extern char vectors_el1[];
        write_sysreg(vbar_el1, (uint64_t)vectors_el1);
        isb();
        write_sysreg(sctlr_el1, SCTLR_EL1_RES1 | SCTLR_M | SCTLR_C | SCTLR_I);
    }
    write_sysreg(vttbr_el2, 0);
    write_sysreg(cntvoff_el2, 0);
    isb();
}

/* The boot CPU's per-CPU area and the TCR values, filled in here and then
 * handed to Swift (which creates the other CPUs' areas the same way). */
uint64_t hyp_tcr(int vhe)
{
    if (vhe)
        return TCR_T0SZ(25) | TCR_WALK0 | TCR_TG0_4K | TCR_EPD1 | TCR_IPS(PS_40BIT);
    return TCR_EL2_RES1 | TCR_T0SZ(25) | TCR_WALK0 | TCR_TG0_4K | TCR_EL2_PS(PS_40BIT);
}

uint64_t hyp_ttbr(int vhe)
{
    return vhe ? el1_tables : el2_tables;
}

static struct hyp_cpu boot_cpu;
static char cmdline[4096];

/* The semihosting command line (SYS_GET_CMDLINE), read once. */
const char *hyp_cmdline(void)
{
    return cmdline;
}

/* The mode the command line asks for: "--mode nvhe" (or "--mode=nvhe")
 * gives 0, anything else 1 (VHE, the default, as Linux picks on a CPU that
 * has it).  The only option needed before the MMU is on: the EL2 regime
 * depends on it, and switching E2H later would mean running with the MMU
 * off again.  Options.swift checks the value properly. */
static int wants_vhe(void)
{
    const char *p = cmdline;
    const char *key = "--mode";
    while (*p) {
        while (*p == ' ') p++;
        const char *w = p;
        while (*p && *p != ' ') p++;
        size_t n = (size_t)(p - w), k = 6;
        int match = n >= k;
        for (size_t i = 0; match && i < k; i++) match = w[i] == key[i];
        if (!match) continue;
        const char *v;
        if (n == k) {                   /* "--mode vhe" */
            while (*p == ' ') p++;
            v = p;
        } else if (w[k] == '=') {       /* "--mode=vhe" */
            v = w + k + 1;
        } else {
            continue;
        }
        return !(v[0] == 'n' && v[1] == 'v' && v[2] == 'h' && v[3] == 'e' && (v[4] == ' ' || v[4] == 0));
    }
    return 1;
}

int main(void)
{
    uint64_t block[2] = { (uint64_t)cmdline, sizeof cmdline - 1 };
    if (semihost_call(SYS_GET_CMDLINE, (uint64_t)block) != 0)
        cmdline[0] = 0;
    int vhe = wants_vhe() && ((read_sysreg(id_aa64mmfr1_el1) >> 8) & 0xf) != 0;
    mmu_pool_init(table_pool, sizeof table_pool);
    el2_tables = build_identity(1);
    el1_tables = build_identity(0);
    boot_cpu.mode = (uint64_t)vhe;
    boot_cpu.ttbr = hyp_ttbr(vhe);
    boot_cpu.tcr = hyp_tcr(vhe);
    hyp_cpu_init(&boot_cpu);
    hyp_main(boot_x0);
    return 0;
}

struct hyp_cpu *hyp_boot_cpu(void) { return &boot_cpu; }

/* ---- glue -------------------------------------------------------------- */

int64_t hyp_semihost(uint32_t op, uint64_t param)
{
    return (int64_t)semihost_call(op, param);
}

void hyp_exit(int code)
{
    sys_exit(code);
}

void hyp_panic(uint64_t code, uint64_t esr, uint64_t elr, uint64_t far)
{
    printf("hyp: panic: unexpected exception (vector %llu) at EL2: ESR_EL2 0x%llx ELR_EL2 0x%llx FAR_EL2 0x%llx\n",
           (unsigned long long)code, (unsigned long long)esr, (unsigned long long)elr,
           (unsigned long long)far);
    sys_exit(70);
}

/* The Swift standard library seeds its hashing with random bytes; a fixed
 * seed keeps the hypervisor deterministic (same run, same hash order). */
void arc4random_buf(void *buf, size_t n)
{
    uint8_t *p = buf;
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)(0x9e + 37 * i);
}
