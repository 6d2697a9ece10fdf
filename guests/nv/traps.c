/*
 * traps - the exceptions an L1 hypervisor (nv.h) takes: from its L2 (EL1,
 * stage-1 MMU off) when the L1's stage 2 or HCR_EL2 says so, and at its own
 * EL2.  Each syndrome, address and return state the L1 reads is checked
 * against the architecture's values, so that the run at EL2 (--el 2, QEMU
 * virtualization=on) and the run at virtual EL2 under a64emu's hypervisor
 * (--hyp --nested: every one of these exceptions is then injected or
 * emulated by software, Sources/Nested) print the same lines.
 *
 * Rules (Arm ARM DDI 0487):
 *  - D8.3 / D24.2.43 ESR_EL2 for a Data Abort from a lower EL (EC 0x24):
 *    ISV = 1 with SAS, SRT, SF for a single-register load or store, WnR,
 *    DFSC: Translation fault level n = 0b0001nn, Access flag fault
 *    0b0010nn, Permission fault 0b0011nn; HPFAR_EL2.FIPA = IPA[47:12] at
 *    [43:4]; FAR_EL2 = the VA; ELR_EL2 = the faulting instruction.
 *  - A stage-2 descriptor with AF = 0 gives an Access flag fault (no
 *    hardware AF update: VTCR_EL2.HA = 0); S2AP = read-only gives a
 *    Permission fault on a write.  A faulting descriptor is not cached:
 *    writing a valid one needs no TLBI; a valid one that changes does.
 *  - HCR_EL2.TVM traps EL1 writes of SCTLR_EL1 (EC 0x18, ISS = op0, op2,
 *    op1, CRn, Rt, CRm, direction); TWI traps WFI (EC 0x01, TI = 0);
 *    TSC traps SMC (EC 0x17, ISS = imm16, ELR = the SMC itself).
 *  - HVC at EL2 is taken to EL2 (current EL, SP_ELx: offset 0x200), ELR =
 *    the next instruction, ESR EC 0x16 ISS = imm16; UDF at EL2 is an
 *    UNDEFINED exception to EL2 (EC 0x00, IL = 1), ELR = the UDF, SPSR_EL2.M
 *    = EL2h.
 *  - With HCR_EL2.VM = 0 the L2's IPA is the PA.
 * Boots at EL2.
 */
#include "nv.h"

static struct vm vm1;
static struct {
    uint64_t esr, elr, far, hpfar, spsr, x;
    unsigned el, offset, count;
} seen;
enum { FIX_NONE, FIX_MAP, FIX_AF, FIX_RW, FIX_SKIP, FIX_RETURN } fix;
static uint64_t fix_ipa;
static unsigned fix_id;

static int on_exception(struct exc_frame *f, unsigned el, unsigned offset)
{
    seen.esr = f->esr;
    seen.elr = f->elr;
    seen.far = f->far;
    seen.spsr = f->spsr;
    seen.hpfar = read_sysreg(hpfar_el2);
    seen.el = el;
    seen.offset = offset;
    seen.count++;
    volatile uint64_t *pte = vm_pte(&vm1, fix_ipa, 3);
    switch (fix) {
    case FIX_MAP:               /* invalid -> valid: no TLBI */
        *pte = mmu_leaf(nv_page(fix_id), S2_NORMAL, 3);
        dsb(ish);
        break;
    case FIX_AF:                /* AF 0 -> 1: the faulting entry was not cached */
        *pte |= PTE_AF;
        dsb(ish);
        break;
    case FIX_RW:                /* read-only -> read-write: TLBI */
        nv_seq_ipas2e1is(pte, mmu_leaf(nv_page(fix_id), S2_NORMAL, 3), TLBI_IPA(fix_ipa));
        break;
    case FIX_SKIP:              /* emulate nothing: go past the instruction */
        seen.x = f->x[7];
        f->elr += 4;
        break;
    case FIX_RETURN:            /* to ELR as it is (an HVC's: the next instruction) */
        break;
    default:
        return 0;
    }
    return 1;
}

/* The L2s: fixed registers, so that the syndromes name them (SRT). */
extern char l2_load_insn[];
static __attribute__((noinline)) uint64_t l2_load(uint64_t ipa)
{
    register uint64_t a __asm__("x4") = ipa;
    register uint64_t v __asm__("x5");
    __asm__ volatile(".globl l2_load_insn\nl2_load_insn: ldr x5, [x4]" : "=r"(v) : "r"(a) : "memory");
    l2_hvc_exit(v);
}

static uint64_t l2_store(uint64_t ipa)
{
    register uint64_t a __asm__("x4") = ipa;
    register uint64_t v __asm__("x6") = 0x57a7e0000000057aull;
    __asm__ volatile("str x6, [x4]" :: "r"(a), "r"(v) : "memory");
    l2_hvc_exit(*(volatile uint64_t *)(uintptr_t)ipa);
}

static uint64_t l2_write_sctlr(uint64_t value)
{
    register uint64_t v __asm__("x7") = value;
    __asm__ volatile("msr sctlr_el1, x7" :: "r"(v) : "memory");
    l2_hvc_exit(read_sysreg(sctlr_el1));
}

static uint64_t l2_wfi(uint64_t arg)
{
    __asm__ volatile("wfi" ::: "memory");
    l2_hvc_exit(arg + 1);
}

static uint64_t l2_smc(uint64_t arg)
{
    register uint64_t x0 __asm__("x0") = arg;
    __asm__ volatile("smc #0x42" : "+r"(x0) :: "memory");
    l2_hvc_exit(x0);
}

static uint64_t run(lower_fn fn, uint64_t arg, uint64_t hcr)
{
    vm_load(&vm1);
    write_sysreg(hcr_el2, HCR_RW | hcr);
    isb();
    uint64_t r = lower_call(SPSR_EL1h | SPSR_DAIF, fn, arg, (uint64_t)(uintptr_t)(nv_l2_stack + sizeof nv_l2_stack));
    write_sysreg(hcr_el2, HCR_RW);
    isb();
    return r;
}

static void expect(const char *what, unsigned count, uint64_t esr)
{
    check(NAME("%s: the L1 took %u exception(s)", what, count), seen.count, count);
    check(NAME("%s: ESR_EL2 = 0x%llx", what, (unsigned long long)esr), seen.esr, esr);
}

/* ESR ISS of a data abort with ISV: SAS = 3 (doubleword), SRT, SF, WnR, DFSC */
#define DABT_ISS(srt, wnr, fsc) ((1u << 24) | (3u << 22) | ((srt) << 16) | (1u << 15) | ((wnr) << 6) | (fsc))

int main(void)
{
    if (!nv_start())
        return tap_done();
    nv_other_exception = on_exception;
    vm_init(&vm1, 1, 40, 1);
    vm_map(&vm1, NV_IPA(0), 0x1);       /* the level-3 table for the data IPAs */

    /* 1. Translation fault in the L1's stage 2, at level 3 */
    uint64_t ipa = NV_IPA(8) + 0x18;
    fix = FIX_MAP, fix_ipa = ipa & ~0xfffull, fix_id = 0xA, seen.count = 0;
    uint64_t v = run(l2_load, ipa, HCR_VM);
    expect("unmapped IPA", 1, ESR_ELx(EC_DABT_LOW, DABT_ISS(5, 0, 0x07)));
    check("unmapped IPA: HPFAR_EL2 = IPA[47:12] << 4", seen.hpfar, (ipa >> 12) << 4);
    check("unmapped IPA: FAR_EL2 = the VA (= IPA, MMU off)", seen.far, ipa);
    check("unmapped IPA: ELR_EL2 = the load", seen.elr, (uint64_t)(uintptr_t)l2_load_insn);
    check("unmapped IPA: SPSR_EL2 = the L2's EL1h, D, A, I, F masked", seen.spsr & 0x3ff, SPSR_EL1h | SPSR_DAIF);
    check("unmapped IPA: taken at EL2 from a lower EL, AArch64 (offset 0x400)", seen.el * 0x1000 + seen.offset,
          2 * 0x1000 + VEC_LOWER_A64);
    check("unmapped IPA: after the L1 maps it, the load reads page A", v, NV_PAT(0xA));
    check("unmapped IPA: again, no fault", (seen.count = 0, run(l2_load, ipa, HCR_VM) * 0 + seen.count), 0);

    /* 2. Access flag fault */
    ipa = NV_IPA(9);
    *vm_pte(&vm1, ipa, 3) = mmu_leaf(nv_page(0xB), S2_NORMAL, 3) & ~PTE_AF;
    dsb(ish);
    fix = FIX_AF, fix_ipa = ipa, seen.count = 0;
    v = run(l2_load, ipa, HCR_VM);
    expect("AF = 0", 1, ESR_ELx(EC_DABT_LOW, DABT_ISS(5, 0, 0x0b)));
    check("AF = 0: after the L1 sets AF, the load reads page B", v, NV_PAT(0xB));

    /* 3. Permission fault: a write to a read-only page */
    ipa = NV_IPA(10);
    *vm_pte(&vm1, ipa, 3) = (mmu_leaf(nv_page(0xC), S2_NORMAL, 3) & ~S2_AP_RW) | S2_AP_RO;
    dsb(ish);
    fix = FIX_RW, fix_ipa = ipa, fix_id = 0xC, seen.count = 0;
    check("read-only page: the L2 reads it (page C)", run(l2_load, ipa, HCR_VM), NV_PAT(0xC));
    check("read-only page: no fault on the read", seen.count, 0);
    v = run(l2_store, ipa, HCR_VM);
    expect("read-only page, a write", 1, ESR_ELx(EC_DABT_LOW, DABT_ISS(6, 1, 0x0f)));
    check("read-only page: after the L1 makes it writable (TLBI), the store lands", v, 0x57a7e0000000057aull);
    nv_pages[0xC][0] = NV_PAT(0xC);

    /* 4. HCR_EL2.TVM: the L2's SCTLR_EL1 write traps, the L1 ignores it */
    fix = FIX_SKIP, seen.count = 0;
    v = run(l2_write_sctlr, SCTLR_EL1_GUEST | 0x1000, HCR_VM | HCR_TVM);
    expect("TVM, MSR SCTLR_EL1, X7", 1, ESR_ELx(EC_SYS64, (3u << 20) | (0u << 17) | (0u << 14) | (1u << 10) | (7u << 5)));
    check("TVM: the value the L2 tried (X7)", seen.x, SCTLR_EL1_GUEST | 0x1000);
    check("TVM: SCTLR_EL1 unchanged (reads are not trapped)", v, SCTLR_EL1_GUEST);

    /* 5. HCR_EL2.TWI */
    seen.count = 0;
    v = run(l2_wfi, 41, HCR_VM | HCR_TWI);
    check("TWI: the L1 took 1 exception", seen.count, 1);
    check("TWI: EC 0x01, TI = 0 (WFI)", (ESR_EC(seen.esr) << 4) | (seen.esr & 3), EC_WFX << 4);
    check("TWI: the L2 went on after the WFI", v, 42);

    /* 6. HCR_EL2.TSC */
    seen.count = 0;
    v = run(l2_smc, 7, HCR_VM | HCR_TSC);
    expect("TSC, SMC 0x42", 1, ESR_ELx(EC_SMC64, 0x42));
    check("TSC: ELR_EL2 = the SMC itself (the L1 went past it)", v, 7);

    /* 7. HCR_EL2.VM = 0: the L2's IPA is the PA */
    seen.count = 0, fix = FIX_NONE;
    check("stage 2 off: the L2 reads page 3 at its PA", run(l2_load, nv_page(3) + 8, 0), NV_PAT(3));
    check("stage 2 off: no exception", seen.count, 0);

    /* 8. The L1's own HVC at EL2 */
    fix = FIX_RETURN, seen.count = 0;
    uint64_t after;
    __asm__ volatile("adr %0, 1f\n hvc #7\n1:" : "=r"(after) :: "memory");
    check("HVC 7 at EL2: taken once", seen.count, 1);
    check("HVC 7 at EL2: ESR_EL2 = EC 0x16, ISS 7", seen.esr, ESR_ELx(EC_HVC64, 7));
    check("HVC 7 at EL2: ELR_EL2 = the next instruction", seen.elr, after);
    check("HVC 7 at EL2: to EL2, current EL with SP_ELx (offset 0x200)", seen.el * 0x1000 + seen.offset,
          2 * 0x1000 + VEC_CUR_SPX);
    check("HVC 7 at EL2: SPSR_EL2.M = EL2h", seen.spsr & 0xf, 0x9);

    /* 9. UDF at EL2 (the handler goes past it) */
    fix = FIX_SKIP, seen.count = 0;
    uint64_t at;
    __asm__ volatile("adr %0, 1f\n1: udf #0x5a" : "=r"(at) :: "memory");
    check("UDF at EL2: taken once", seen.count, 1);
    check("UDF at EL2: ESR_EL2 = EC 0x00, IL = 1", seen.esr, ESR_ELx(EC_UNKNOWN, 0));
    check("UDF at EL2: ELR_EL2 = the UDF", seen.elr, at);
    check("UDF at EL2: SPSR_EL2.M = EL2h", seen.spsr & 0xf, 0x9);
    return nv_done();
}
