/*
 * fptrap - traps of FP/SIMD instructions (Arm ARM D19.2.x CPACR_EL1.FPEN,
 * CPTR_EL2.TFP; "ISS encoding for an exception from an access to SIMD or
 * floating-point functionality").  Runs booted at EL1 (default) or at EL2
 * (--el 2, QEMU -M virt,virtualization=on).  This file is compiled
 * -mgeneral-regs-only (its code runs while FP/SIMD is disabled); the FP
 * instructions are in fptrap.S.
 *
 * Rules checked:
 *  - CPACR_EL1.FPEN = 0b00 or 0b10: FP/SIMD instructions (arithmetic,
 *    loads and stores of SIMD registers, FMOV to/from general registers,
 *    MRS/MSR of FPCR/FPSR) at EL0 and EL1 are trapped to EL1: EC 0x07,
 *    IL = 1, ISS: CV = 1 and COND = 0b1110 for a trapped AArch64
 *    instruction, the rest RES0: ESR_EL1 = 0x1fe00000.  The preferred
 *    return address is the instruction (ELR = its address); the
 *    instruction has no effect (registers and memory unchanged).
 *  - FPEN = 0b01: EL0 is trapped (EL1, vector +0x400, SPSR.M = EL0t), EL1
 *    is not.  FPEN = 0b11: nothing is trapped.
 *  - A write to CPACR_EL1 takes effect after a context synchronization
 *    event (the ISB after every write here).
 *  - At EL2 (HCR_EL2.E2H = 0): CPTR_EL2.TFP = 1 traps FP/SIMD at EL0, EL1
 *    and EL2 to EL2 with the same syndrome (ESR_EL2 = 0x1fe00000); an EL1
 *    instruction that CPACR_EL1 also traps goes to EL1 (the CPACR_EL1 trap
 *    is checked first: AArch64.CheckFPAdvSIMDEnabled).
 */
#include "exceptions.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"

/* fptrap.S */
void t_fadd(void), t_vadd(void), t_fmov_to(uint64_t), t_str_q(void *), t_ldr_q(const void *);
uint64_t t_fmov_from(uint64_t), t_mrs_fpcr(uint64_t), t_lower_fp(uint64_t);
void t_msr_fpsr(uint64_t);
extern char t_fadd_insn[], t_vadd_insn[], t_fmov_to_insn[], t_fmov_from_insn[], t_ldr_q_insn[],
    t_str_q_insn[], t_mrs_fpcr_insn[], t_msr_fpsr_insn[], t_lower_fp_insn[];

#define EC_FP           0x07
#define ESR_FP_TRAP     0x1fe00000ull   /* EC 0x07, IL, CV = 1, COND = 0b1110 */
#define CPACR_FPEN(x)   ((uint64_t)(x) << 20)
#define CPTR_TFP        (1ull << 10)

static uint8_t el1_stack[8192] __attribute__((aligned(16)));
static uint8_t el0_stack[8192] __attribute__((aligned(16)));
static uint64_t buf[4] __attribute__((aligned(16)));

static volatile struct {
    unsigned count, el, offset;
    uint64_t esr, elr, spsr;
} last;

static void reset(void)
{
    last.count = 0;
    last.el = last.offset = 0;
    last.esr = last.elr = last.spsr = 0;
}

void handle_exception(struct exc_frame *f, unsigned el, unsigned offset)
{
    last.count++;
    last.el = el;
    last.offset = offset;
    last.esr = f->esr;
    last.elr = f->elr;
    last.spsr = f->spsr;
    if (ESR_EC(f->esr) != EC_FP || (offset != VEC_CUR_SPX + VEC_SYNC && offset != VEC_LOWER_A64 + VEC_SYNC))
        exc_unexpected(f, el, offset);
    f->elr += 4;            /* skip the trapped instruction */
}

static void set_fpen(unsigned fpen)
{
    uint64_t v = read_sysreg(cpacr_el1);
    write_sysreg(cpacr_el1, (v & ~CPACR_FPEN(3)) | CPACR_FPEN(fpen));
    isb();
}

/* one trap: how many exceptions, where to, ESR, ELR */
static void check_trap(const char *what, unsigned el, unsigned offset, const void *insn)
{
    char name[128];
    snprintf(name, sizeof name, "%s: one exception", what);
    check(name, last.count, 1);
    snprintf(name, sizeof name, "%s: taken to EL%u, vector +0x%x", what, el, offset);
    check(name, (uint64_t)last.el << 16 | last.offset, (uint64_t)el << 16 | offset);
    snprintf(name, sizeof name, "%s: ESR 0x%llx (EC 0x07, IL, CV, COND 0xe)", what, ESR_FP_TRAP);
    check(name, last.esr, ESR_FP_TRAP);
    snprintf(name, sizeof name, "%s: ELR = the instruction", what);
    check(name, last.elr, (uint64_t)insn);
}

static void check_none(const char *what)
{
    char name[128];
    snprintf(name, sizeof name, "%s: no exception", what);
    check(name, last.count, 0);
}

/* ---- EL0 pieces (run with lower_call from EL1) ---------------------- */
static uint64_t at_el0(uint64_t arg)
{
    return lower_call(SPSR_EL0t | SPSR_DAIF, t_lower_fp, arg, (uint64_t)(el0_stack + sizeof el0_stack));
}

/* ---- the CPACR_EL1 tests, at EL1 -------------------------------------- */
static uint64_t el1_tests(uint64_t booted_el)
{
    char name[96];
    uint64_t r;
    unsigned el = (unsigned)booted_el;

    snprintf(name, sizeof name, "(booted at EL%u) CPACR_EL1 tests run at EL1", el);
    check(name, current_el(), 1);
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();

    /* FPEN = 0b11: nothing traps */
    set_fpen(3);
    reset();
    t_fadd();
    t_vadd();
    t_fmov_to(0x1122334455667788ull);
    r = t_fmov_from(0);
    check_none("FPEN=11: fadd, add v.4s, fmov at EL1");
    check("FPEN=11: fmov d16 <- x -> x round trip", r, 0x1122334455667788ull);
    check("FPEN=11: EL0 FP code runs (returns arg + 1)", at_el0(41), 42);
    check_none("FPEN=11: EL0 fadd");

    /* FPEN = 0b00: EL1 traps, each kind of instruction */
    set_fpen(0);
    reset();
    t_fadd();
    check_trap("FPEN=00: fadd d at EL1", 1, VEC_CUR_SPX + VEC_SYNC, t_fadd_insn);
    reset();
    t_vadd();
    check_trap("FPEN=00: add v.4s at EL1", 1, VEC_CUR_SPX + VEC_SYNC, t_vadd_insn);
    reset();
    t_fmov_to(0x5555aaaa5555aaaaull);
    check_trap("FPEN=00: fmov d, x at EL1", 1, VEC_CUR_SPX + VEC_SYNC, t_fmov_to_insn);
    reset();
    r = t_fmov_from(0xdead);
    check_trap("FPEN=00: fmov x, d at EL1", 1, VEC_CUR_SPX + VEC_SYNC, t_fmov_from_insn);
    check("FPEN=00: trapped fmov x, d left x0 alone", r, 0xdead);
    reset();
    buf[0] = 0x0123456789abcdefull;
    buf[1] = 0xfedcba9876543210ull;
    t_str_q(buf);
    check_trap("FPEN=00: str q at EL1", 1, VEC_CUR_SPX + VEC_SYNC, t_str_q_insn);
    check("FPEN=00: trapped str q wrote nothing", buf[0] ^ buf[1], 0x0123456789abcdefull ^ 0xfedcba9876543210ull);
    reset();
    t_ldr_q(buf);
    check_trap("FPEN=00: ldr q at EL1", 1, VEC_CUR_SPX + VEC_SYNC, t_ldr_q_insn);
    reset();
    r = t_mrs_fpcr(0xbeef);
    check_trap("FPEN=00: mrs fpcr at EL1", 1, VEC_CUR_SPX + VEC_SYNC, t_mrs_fpcr_insn);
    check("FPEN=00: trapped mrs fpcr left x0 alone", r, 0xbeef);
    reset();
    t_msr_fpsr(0x1f);
    check_trap("FPEN=00: msr fpsr at EL1", 1, VEC_CUR_SPX + VEC_SYNC, t_msr_fpsr_insn);
    reset();
    r = at_el0(7);
    check("FPEN=00: EL0 code resumes after the trap", r, 8);
    check_trap("FPEN=00: fadd at EL0", 1, VEC_LOWER_A64 + VEC_SYNC, t_lower_fp_insn);
    check("FPEN=00: EL0 trap: SPSR_EL1.M = EL0t", last.spsr & SPSR_M_MASK, SPSR_EL0t);

    /* FPEN = 0b10 traps like 0b00 */
    set_fpen(2);
    reset();
    t_fadd();
    check_trap("FPEN=10: fadd d at EL1", 1, VEC_CUR_SPX + VEC_SYNC, t_fadd_insn);
    reset();
    r = at_el0(100);
    check("FPEN=10: EL0 code resumes", r, 101);
    check_trap("FPEN=10: fadd at EL0", 1, VEC_LOWER_A64 + VEC_SYNC, t_lower_fp_insn);

    /* FPEN = 0b01: EL0 traps, EL1 does not */
    set_fpen(1);
    reset();
    t_fadd();
    t_fmov_to(0x0badc0de0badc0deull);
    r = t_fmov_from(0);
    check_none("FPEN=01: fadd and fmov at EL1");
    check("FPEN=01: fmov at EL1 worked", r, 0x0badc0de0badc0deull);
    reset();
    r = at_el0(1);
    check("FPEN=01: EL0 code resumes", r, 2);
    check_trap("FPEN=01: fadd at EL0", 1, VEC_LOWER_A64 + VEC_SYNC, t_lower_fp_insn);

    /* back to 0b11; the trapped FMOVs above did not change d16 */
    set_fpen(3);
    reset();
    r = t_fmov_from(0);
    check_none("FPEN=11 again: fmov x, d at EL1");
    check("d16 still holds the last value written while enabled", r, 0x0badc0de0badc0deull);
    check("FPEN=11 again: EL0 FP code runs", at_el0(9), 10);
    check_none("FPEN=11 again: EL0 fadd");
    return 0;
}

/* ---- CPTR_EL2.TFP, at EL2 --------------------------------------------- */
static uint64_t el1_fp(uint64_t arg)
{
    return t_lower_fp(arg);
}

static uint64_t el1_then_el0(uint64_t arg)
{
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    return at_el0(arg);
}

static uint64_t to_el1(uint64_t (*fn)(uint64_t), uint64_t arg)
{
    return lower_call(SPSR_EL1h | SPSR_DAIF, fn, arg, (uint64_t)(el1_stack + sizeof el1_stack));
}

static void set_tfp(int on)
{
    uint64_t v = read_sysreg(cptr_el2);
    write_sysreg(cptr_el2, on ? v | CPTR_TFP : v & ~CPTR_TFP);
    isb();
}

static void el2_tests(void)
{
    uint64_t r;
    write_sysreg(vbar_el2, (uint64_t)vectors_el2);
    el2_setup_el1();
    set_fpen(3);

    set_tfp(0);
    reset();
    t_fadd();
    check_none("TFP=0: fadd at EL2");
    check("TFP=0: EL1 FP code runs", to_el1(el1_fp, 5), 6);
    check_none("TFP=0: fadd at EL1");

    set_tfp(1);
    reset();
    t_fadd();
    check_trap("TFP=1: fadd at EL2", 2, VEC_CUR_SPX + VEC_SYNC, t_fadd_insn);
    reset();
    t_vadd();
    check_trap("TFP=1: add v.4s at EL2", 2, VEC_CUR_SPX + VEC_SYNC, t_vadd_insn);
    reset();
    r = t_mrs_fpcr(0x77);
    check_trap("TFP=1: mrs fpcr at EL2", 2, VEC_CUR_SPX + VEC_SYNC, t_mrs_fpcr_insn);
    check("TFP=1: trapped mrs fpcr left x0 alone", r, 0x77);
    reset();
    r = to_el1(el1_fp, 20);
    check("TFP=1: EL1 code resumes", r, 21);
    check_trap("TFP=1: fadd at EL1 (to EL2)", 2, VEC_LOWER_A64 + VEC_SYNC, t_lower_fp_insn);
    check("TFP=1: SPSR_EL2.M = EL1h", last.spsr & SPSR_M_MASK, SPSR_EL1h);
    reset();
    r = to_el1(el1_then_el0, 30);
    check("TFP=1: EL0 code resumes", r, 31);
    check_trap("TFP=1: fadd at EL0 (to EL2)", 2, VEC_LOWER_A64 + VEC_SYNC, t_lower_fp_insn);
    check("TFP=1: SPSR_EL2.M = EL0t", last.spsr & SPSR_M_MASK, SPSR_EL0t);

    /* both traps enabled: an EL1 instruction goes to EL1 (CPACR first) */
    set_fpen(0);
    reset();
    r = to_el1(el1_fp, 50);
    check("TFP=1, FPEN=00: EL1 code resumes", r, 51);
    check_trap("TFP=1, FPEN=00: fadd at EL1 goes to EL1", 1, VEC_CUR_SPX + VEC_SYNC, t_lower_fp_insn);
    /* FPEN = 01: EL1 is not trapped by CPACR, so TFP takes it to EL2 */
    set_fpen(1);
    reset();
    r = to_el1(el1_fp, 60);
    check("TFP=1, FPEN=01: EL1 code resumes", r, 61);
    check_trap("TFP=1, FPEN=01: fadd at EL1 goes to EL2", 2, VEC_LOWER_A64 + VEC_SYNC, t_lower_fp_insn);
    set_fpen(3);
    set_tfp(0);
    reset();
    t_fadd();
    check_none("TFP=0 again: fadd at EL2");
}

int main(void)
{
    unsigned el = current_el();
    if (el == 2) {
        el2_tests();
        /* then the CPACR_EL1 tests at EL1 */
        to_el1(el1_tests, 2);
    } else {
        el1_tests(1);
    }
    return tap_done();
}
