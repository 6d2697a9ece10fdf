/*
 * traps_tvm - HCR_EL2 traps of EL1 instructions to EL2, and what stays
 * UNDEFINED at EL1.  Boots at EL2 (--el 2), runs the tests at EL1; EL1
 * changes HCR_EL2 through a hypercall (HVC #1, x0 = the new value).
 * Rules (Arm ARM D24.2.62 HCR_EL2, D24.2.43 ESR_ELx):
 *  - TVM (bit 26) traps EL1 writes (MSR) of SCTLR_EL1, TTBR0/1_EL1,
 *    TCR_EL1, ESR_EL1, FAR_EL1, AFSR0/1_EL1, MAIR_EL1, AMAIR_EL1,
 *    CONTEXTIDR_EL1; TRVM (bit 30) traps reads (MRS) of the same registers.
 *    Other registers (TPIDR_EL1) are not trapped.
 *  - TID3 (bit 18) traps EL1 reads of the ID group 3 registers
 *    (ID_AA64PFR0_EL1 among them).
 *  - TSW (bit 22) traps DC ISW/CSW/CISW; TTLB (bit 25) traps EL1 TLBI.
 *  - These traps are EC 0x18, IL = 1, ISS = Op0 [21:20], Op2 [19:17],
 *    Op1 [16:14], CRn [13:10], Rt [9:5], CRm [4:1], Direction [0]
 *    (1 = read); ELR_EL2 = the trapped instruction (a trap returns to the
 *    instruction: the handler emulates it and adds 4).  Rt = 31 for XZR.
 *  - TWI (bit 13) traps WFI at EL1 (when it would wait: nothing pending
 *    here): EC 0x01, ISS CV = 1 and COND = 0b1110 (ConditionSyndrome() for
 *    AArch64), TI [1:0] = 0b00 (WFI): ESR 0x07E00000.  (TWE is not tested:
 *    WFE traps only if it would enter a low-power state, and an
 *    implementation may complete it at once - QEMU always does.)
 *  - With EL2 enabled, MIDR_EL1 and MPIDR_EL1 read at EL1 return VPIDR_EL2
 *    and VMPIDR_EL2.
 *  - At EL1, an unallocated encoding (S3_0_C13_C0_0: op0 3, op1 0, CRn 13,
 *    CRm 0, op2 0 is unallocated in D23.3 Table D23-2, and outside the
 *    IMPLEMENTATION DEFINED CRn = 11/15 space and the ID space) and an EL2
 *    register (HCR_EL2, with HCR_EL2.NV = 0) are UNDEFINED: EC 0x00 to EL1.
 */
#include "exceptions.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"
#include "trap_log.h"

/* traps_tvm.S */
void t_set_hcr(uint64_t hcr);
uint64_t t_msr_sctlr(uint64_t), t_msr_ttbr0(uint64_t), t_msr_ctxidr_xzr(void),
         t_msr_tpidr(uint64_t), t_mrs_sctlr(void), t_wfi(void),
         t_dc_isw(void), t_dc_cisw(void), t_tlbi_vmalle1(void), t_tlbi_vae1(uint64_t),
         t_mrs_unalloc(uint64_t), t_msr_unalloc(uint64_t), t_mrs_hcr(uint64_t),
         t_get_x6_after(void), t_get_x7_after(void);
extern char t_msr_sctlr_insn[], t_msr_ttbr0_insn[], t_msr_ctxidr_xzr_insn[],
            t_mrs_sctlr_x6_insn[], t_mrs_pfr0_x7_insn[], t_wfi_insn[], t_dc_isw_insn[],
            t_dc_cisw_insn[], t_tlbi_vmalle1_insn[], t_tlbi_vae1_insn[],
            t_mrs_unalloc_insn[], t_msr_unalloc_insn[], t_mrs_hcr_insn[];

static uint8_t el1_stack[16384] __attribute__((aligned(16)));

/* values the EL2 handler returns for trapped reads */
#define FAKE_SCTLR  0x5c71ull
#define FAKE_PFR0   0x1111ull
/* VPIDR_EL2 / VMPIDR_EL2 given to EL1 */
#define VPIDR       0x4100d0f1ull
#define VMPIDR      0x80010203ull


/* the registers the EL2 handler emulates: ISS_SYS_REG of each */
#define REG_SCTLR_EL1       ISS_SYS(3, 0, 1, 0, 0, 0, 0)
#define REG_TTBR0_EL1       ISS_SYS(3, 0, 2, 0, 0, 0, 0)
#define REG_CONTEXTIDR_EL1  ISS_SYS(3, 0, 13, 0, 1, 0, 0)
#define REG_ID_AA64PFR0_EL1 ISS_SYS(3, 0, 0, 4, 0, 0, 0)

static void emulate_sys(struct exc_frame *f, volatile struct record *r)
{
    uint64_t iss = ESR_ISS(f->esr);
    unsigned rt = ISS_SYS_RT(iss);
    uint64_t reg = ISS_SYS_REG(iss);
    if (ISS_SYS_READ(iss)) {
        uint64_t v = reg == REG_SCTLR_EL1 ? FAKE_SCTLR : reg == REG_ID_AA64PFR0_EL1 ? FAKE_PFR0 : 0;
        if (rt != 31)
            f->x[rt] = v;
    } else {
        uint64_t v = rt == 31 ? 0 : f->x[rt];
        r->value = v;
        if (reg == REG_SCTLR_EL1)
            write_sysreg(sctlr_el1, v);
        else if (reg == REG_TTBR0_EL1)
            write_sysreg(ttbr0_el1, v);
        else if (reg == REG_CONTEXTIDR_EL1)
            write_sysreg(contextidr_el1, v);
        /* DC xSW and TLBI: nothing to do here (the MMU and caches are off) */
    }
}

void handle_exception(struct exc_frame *f, unsigned el, unsigned offset)
{
    uint64_t ec = ESR_EC(f->esr);
    volatile struct record *r;
    if (log_exception(f, el, offset, &r))
        return;
    if (el == 2 && ec == EC_SYS64)
        emulate_sys(f, r);
    else if (!((el == 2 && ec == EC_WFX) || (el == 1 && ec == EC_UNKNOWN)))
        exc_unexpected(f, el, offset);
    f->elr += 4;        /* traps and UNDEFINED: the preferred return is the instruction */
}

static void check_trap(const char *what, unsigned el, uint64_t esr, void *insn)
{
    char name[100];
    snprintf(name, sizeof name, "%s: one exception", what);
    check(name, nlog, 1);
    snprintf(name, sizeof name, "%s: to EL%u from %s", what, el, el == 2 ? "EL1 (+0x400)" : "EL1 (+0x200)");
    check(name, log[0].el * 0x1000 + log[0].offset,
          el * 0x1000 + (el == 2 ? VEC_LOWER_A64 : VEC_CUR_SPX));
    snprintf(name, sizeof name, "%s: ESR 0x%llx", what, (unsigned long long)esr);
    check(name, log[0].esr, esr);
    snprintf(name, sizeof name, "%s: ELR = the instruction", what);
    check(name, log[0].elr, (uint64_t)insn);
}

static uint64_t el1_main(uint64_t arg)
{
    (void)arg;
    check("EL1: CurrentEL is EL1", current_el(), 1);
    check("EL1: MIDR_EL1 reads VPIDR_EL2", read_sysreg(midr_el1), VPIDR);
    check("EL1: MPIDR_EL1 reads VMPIDR_EL2", read_sysreg(mpidr_el1), VMPIDR);

    /* TVM: writes trap */
    const uint64_t sctlr_new = SCTLR_EL1_GUEST | (1ull << 15);     /* + UCT */
    t_set_hcr(HCR_TVM);
    clear_log();
    t_msr_sctlr(sctlr_new);
    check_trap("TVM msr sctlr_el1, x5", 2, ESR_ELx(EC_SYS64, ISS_SYS(3, 0, 1, 0, 0, 5, 0)), t_msr_sctlr_insn);
    check("TVM msr sctlr_el1: the handler got x5", log[0].value, sctlr_new);

    const uint64_t ttbr = 0x00ab000040100000ull;    /* ASID 0xab, BADDR 0x40100000 */
    clear_log();
    t_msr_ttbr0(ttbr);
    check_trap("TVM msr ttbr0_el1, x9", 2, ESR_ELx(EC_SYS64, ISS_SYS(3, 0, 2, 0, 0, 9, 0)), t_msr_ttbr0_insn);

    t_set_hcr(0);
    write_sysreg(contextidr_el1, 0x77);
    isb();
    t_set_hcr(HCR_TVM);
    clear_log();
    t_msr_ctxidr_xzr();
    check_trap("TVM msr contextidr_el1, xzr", 2, ESR_ELx(EC_SYS64, ISS_SYS(3, 0, 13, 0, 1, 31, 0)),
               t_msr_ctxidr_xzr_insn);

    clear_log();
    t_msr_tpidr(0x1234);
    check("TVM: msr tpidr_el1 is not trapped", nlog, 0);
    check("TVM: tpidr_el1 written", read_sysreg(tpidr_el1), 0x1234);
    clear_log();
    uint64_t s = t_mrs_sctlr();
    check("TVM: mrs sctlr_el1 (a read) is not trapped", nlog, 0);
    check("TVM: sctlr_el1 holds the emulated write", s, sctlr_new);

    t_set_hcr(0);
    clear_log();
    check("no TVM: ttbr0_el1 holds the emulated write", read_sysreg(ttbr0_el1), ttbr);
    check("no TVM: contextidr_el1 holds the emulated write of xzr", read_sysreg(contextidr_el1), 0);
    t_msr_sctlr(SCTLR_EL1_GUEST);
    check("no TVM: msr sctlr_el1 is not trapped", nlog, 0);
    check("no TVM: sctlr_el1 written", read_sysreg(sctlr_el1), SCTLR_EL1_GUEST);

    /* TRVM: reads trap */
    t_set_hcr(HCR_TRVM);
    clear_log();
    uint64_t x6 = t_get_x6_after();
    check_trap("TRVM mrs x6, sctlr_el1", 2, ESR_ELx(EC_SYS64, ISS_SYS(3, 0, 1, 0, 0, 6, 1)), t_mrs_sctlr_x6_insn);
    check("TRVM mrs x6, sctlr_el1: x6 = the emulated value", x6, FAKE_SCTLR);
    clear_log();
    t_msr_sctlr(SCTLR_EL1_GUEST);
    check("TRVM: msr sctlr_el1 (a write) is not trapped", nlog, 0);

    /* TWI */
    t_set_hcr(HCR_TWI);
    clear_log();
    t_wfi();
    check_trap("TWI wfi", 2, ESR_ELx(EC_WFX, (1u << 24) | (0xeu << 20) | 0), t_wfi_insn);

    /* TID3 */
    t_set_hcr(0);
    uint64_t pfr0 = read_sysreg(id_aa64pfr0_el1);
    check("no TID3: ID_AA64PFR0_EL1.EL1 says AArch64 (not 0)", (pfr0 >> 4) & 0xf ? 1 : 0, 1);
    t_set_hcr(HCR_TID3);
    clear_log();
    uint64_t x7 = t_get_x7_after();
    check_trap("TID3 mrs x7, id_aa64pfr0_el1", 2, ESR_ELx(EC_SYS64, ISS_SYS(3, 0, 0, 4, 0, 7, 1)),
               t_mrs_pfr0_x7_insn);
    check("TID3 mrs x7, id_aa64pfr0_el1: x7 = the emulated value", x7, FAKE_PFR0);

    /* TSW */
    t_set_hcr(HCR_TSW);
    clear_log();
    t_dc_isw();
    check_trap("TSW dc isw, x10", 2, ESR_ELx(EC_SYS64, ISS_SYS(1, 0, 7, 6, 2, 10, 0)), t_dc_isw_insn);
    clear_log();
    t_dc_cisw();
    check_trap("TSW dc cisw, x11", 2, ESR_ELx(EC_SYS64, ISS_SYS(1, 0, 7, 14, 2, 11, 0)), t_dc_cisw_insn);

    /* TTLB */
    t_set_hcr(HCR_TTLB);
    clear_log();
    t_tlbi_vmalle1();
    check_trap("TTLB tlbi vmalle1", 2, ESR_ELx(EC_SYS64, ISS_SYS(1, 0, 8, 7, 0, 31, 0)), t_tlbi_vmalle1_insn);
    clear_log();
    t_tlbi_vae1(0x40000);
    check_trap("TTLB tlbi vae1, x3", 2, ESR_ELx(EC_SYS64, ISS_SYS(1, 0, 8, 7, 1, 3, 0)), t_tlbi_vae1_insn);

    /* UNDEFINED at EL1, whatever the traps */
    t_set_hcr(0);
    clear_log();
    t_mrs_unalloc(0);
    check_trap("mrs s3_0_c13_c0_0 (unallocated)", 1, ESR_ELx(EC_UNKNOWN, 0), t_mrs_unalloc_insn);
    clear_log();
    t_msr_unalloc(0);
    check_trap("msr s3_0_c13_c0_0 (unallocated)", 1, ESR_ELx(EC_UNKNOWN, 0), t_msr_unalloc_insn);
    clear_log();
    t_mrs_hcr(0);
    check_trap("mrs hcr_el2 at EL1", 1, ESR_ELx(EC_UNKNOWN, 0), t_mrs_hcr_insn);
    return 0x1e1;
}

int main(void)
{
    if (!check("CurrentEL is EL2 at boot", current_el(), 2))
        return tap_done();
    write_sysreg(vbar_el2, (uint64_t)vectors_el2);
    el2_setup_el1();
    write_sysreg(vpidr_el2, VPIDR);
    write_sysreg(vmpidr_el2, VMPIDR);
    isb();
    uint64_t r = lower_call(SPSR_EL1h | SPSR_DAIF, el1_main, 0,
                            (uint64_t)(el1_stack + sizeof el1_stack));
    check("EL1 part returned to EL2", r, 0x1e1);
    check("HCR_EL2 back to RW", read_sysreg(hcr_el2), HCR_RW);
    return tap_done();
}
