/*
 * nv - FEAT_NV (nested virtualization): what HCR_EL2.NV, NV1 and AT do to
 * EL1.  Boots at EL2 (--el 2), runs the tests at EL1; EL1 changes HCR_EL2
 * through a hypercall (HVC #1, x0 = the new value).  Rules (Arm ARM
 * D24.2.62 HCR_EL2, the AArch64 System register pseudocode of each
 * register, and the FEAT_NV sections of D1 and D8):
 *  - ID_AA64MMFR2_EL1.NV [27:24] = 1: FEAT_NV (not FEAT_NV2).
 *  - NV = 1: EL1 accesses to EL2 registers (HCR_EL2, VBAR_EL2), to the
 *    *_EL12 encodings (SPSR_EL12) and to SP_EL1, and the EL2-only System
 *    instructions (TLBI ALLE2, TLBI IPAS2E1, AT S1E2R), which are
 *    UNDEFINED at EL1 without it, trap to EL2: EC 0x18 with the
 *    instruction's Op0, Op1, CRn, CRm, Op2, Rt and direction.
 *  - NV = 1: ERET at EL1 traps to EL2, EC 0x1A, ISS 0 (ERET, not ERETAA
 *    or ERETAB); ELR_EL2 = the ERET.
 *  - NV = 1: CurrentEL read at EL1 says EL2.
 *  - {NV, NV1} = {1, 0}: an exception taken from EL1 to EL1 records EL2
 *    in SPSR_EL1.M[3:2] (the guest hypervisor believes it runs at EL2);
 *    with NV = 0, EL1.
 *  - {NV, NV1} = {1, 1}: EL1 accesses to VBAR_EL1, ELR_EL1 and SPSR_EL1
 *    trap to EL2 (EC 0x18); with NV1 = 0 they do not.
 *  - AT = 1: AT S1E1R (and S1E1W, S1E0R, S1E0W) at EL1 traps to EL2.
 * QEMU 7.2 does not implement FEAT_NV (HCR_EL2.NV is RES0 there): nodiff.
 */
#include "exceptions.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"
#include "trap_log.h"

#define HCR_NV   (1ull << 42)
#define HCR_NV1  (1ull << 43)
#define HCR_AT   (1ull << 44)
#define EC_ERET  0x1a

/* nv.S */
void n_set_hcr(uint64_t hcr);
uint64_t n_msr_vbar_el2(uint64_t), n_eret(void), n_tlbi_alle2(void), n_at_s1e2r(uint64_t),
         n_tlbi_ipas2e1(uint64_t), n_msr_elr_el1(uint64_t), n_at_s1e1r(uint64_t), n_svc(void),
         n_hcr_value(void), n_spsr_el12_value(void), n_sp_el1_value(void), n_vbar_el1_value(void),
         n_spsr_el1_value(void);
extern char n_mrs_hcr_insn[], n_msr_vbar_el2_insn[], n_mrs_spsr_el12_insn[], n_mrs_sp_el1_insn[],
            n_eret_insn[], n_tlbi_alle2_insn[], n_at_s1e2r_insn[], n_tlbi_ipas2e1_insn[],
            n_mrs_vbar_el1_insn[], n_msr_elr_el1_insn[], n_mrs_spsr_el1_insn[], n_at_s1e1r_insn[];

static uint8_t el1_stack[16384] __attribute__((aligned(16)));

/* what the EL2 handler gives a trapped MRS: the register's Op1:CRn:CRm:Op2 */
#define FAKE(iss) (0x4e560000ull | (((iss) >> 1) & 0xffff))


void handle_exception(struct exc_frame *f, unsigned el, unsigned offset)
{
    uint64_t ec = ESR_EC(f->esr);
    volatile struct record *r;
    if (log_exception(f, el, offset, &r))
        return;
    if (el == 2 && ec == EC_SYS64) {
        uint64_t iss = ESR_ISS(f->esr);
        unsigned rt = ISS_SYS_RT(iss);
        if (ISS_SYS_READ(iss)) {
            if (rt != 31)
                f->x[rt] = FAKE(ISS_SYS_REG(iss));
        } else {
            r->value = rt == 31 ? 0 : f->x[rt];
        }
        f->elr += 4;                    /* emulated: past the instruction */
    } else if (el == 2 && ec == EC_ERET) {
        f->elr += 4;                    /* the guest hypervisor's ERET: skipped */
    } else if (el == 1 && ec == EC_SVC64) {
        /* Taken to EL1 with NV set: clear NV (else this handler's own ERET
         * would trap), and return as the EL1h the CPU really is. */
        n_set_hcr(0);
        f->spsr = (f->spsr & ~0xfull) | SPSR_EL1h;
    } else if (el == 1 && ec == EC_UNKNOWN) {
        f->elr += 4;                    /* UNDEFINED: skipped */
    } else {
        exc_unexpected(f, el, offset);
    }
}

static void check_trap(const char *what, uint64_t esr, void *insn)
{
    char name[120];
    snprintf(name, sizeof name, "%s: one exception, to EL2 from EL1 (+0x400)", what);
    check(name, nlog * 0x10000 + log[0].el * 0x1000 + log[0].offset, 0x10000 + 0x2000 + VEC_LOWER_A64);
    snprintf(name, sizeof name, "%s: ESR 0x%llx", what, (unsigned long long)esr);
    check(name, log[0].esr, esr);
    snprintf(name, sizeof name, "%s: ELR = the instruction", what);
    check(name, log[0].elr, (uint64_t)insn);
}

static uint64_t el1_main(uint64_t arg)
{
    (void)arg;
    check("ID_AA64MMFR2_EL1.NV = 1 (FEAT_NV)", (read_sysreg(id_aa64mmfr2_el1) >> 24) & 0xf, 1);
    check("NV = 0: CurrentEL is EL1", current_el(), 1);

    n_set_hcr(HCR_NV);
    check("NV = 1: CurrentEL reads EL2", current_el(), 2);

    clear_log();
    uint64_t v = n_hcr_value();
    check_trap("NV mrs x2, hcr_el2", ESR_ELx(EC_SYS64, ISS_SYS(3, 4, 1, 1, 0, 2, 1)), n_mrs_hcr_insn);
    check("NV mrs x2, hcr_el2: x2 = the emulated value", v, FAKE(ISS_SYS(3, 4, 1, 1, 0, 0, 0)));

    clear_log();
    n_msr_vbar_el2(0x40123800);
    check_trap("NV msr vbar_el2, x3", ESR_ELx(EC_SYS64, ISS_SYS(3, 4, 12, 0, 0, 3, 0)), n_msr_vbar_el2_insn);
    check("NV msr vbar_el2, x3: the handler got x3", log[0].value, 0x40123800);

    clear_log();
    n_spsr_el12_value();
    check_trap("NV mrs x4, spsr_el12", ESR_ELx(EC_SYS64, ISS_SYS(3, 5, 4, 0, 0, 4, 1)), n_mrs_spsr_el12_insn);

    clear_log();
    n_sp_el1_value();
    check_trap("NV mrs x5, sp_el1", ESR_ELx(EC_SYS64, ISS_SYS(3, 4, 4, 1, 0, 5, 1)), n_mrs_sp_el1_insn);

    clear_log();
    n_eret();
    check_trap("NV eret", ESR_ELx(EC_ERET, 0), n_eret_insn);

    clear_log();
    n_tlbi_alle2();
    check_trap("NV tlbi alle2", ESR_ELx(EC_SYS64, ISS_SYS(1, 4, 8, 7, 0, 31, 0)), n_tlbi_alle2_insn);
    clear_log();
    n_at_s1e2r(0x40000000);
    check_trap("NV at s1e2r, x6", ESR_ELx(EC_SYS64, ISS_SYS(1, 4, 7, 8, 0, 6, 0)), n_at_s1e2r_insn);
    clear_log();
    n_tlbi_ipas2e1(0x40000);
    check_trap("NV tlbi ipas2e1, x7", ESR_ELx(EC_SYS64, ISS_SYS(1, 4, 8, 4, 1, 7, 0)), n_tlbi_ipas2e1_insn);

    /* NV1 = 0: the EL1 registers are the guest hypervisor's own */
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    clear_log();
    check("{NV, NV1} = {1, 0}: mrs vbar_el1 is not trapped", n_vbar_el1_value(), (uint64_t)vectors_el1);
    check("{NV, NV1} = {1, 0}: no exception", nlog, 0);

    /* an exception from EL1 to EL1 reports EL2 in SPSR_EL1.M */
    clear_log();
    n_svc();
    check("{NV, NV1} = {1, 0}: svc taken to EL1", nlog * 0x1000 + log[0].offset, 0x1000 + VEC_CUR_SPX);
    check("{NV, NV1} = {1, 0}: SPSR_EL1.M = EL2h (0b1001)", log[0].spsr & 0xf, 0x9);
    check("svc handler cleared NV: CurrentEL is EL1 again", current_el(), 1);
    clear_log();
    n_svc();
    check("NV = 0: SPSR_EL1.M = EL1h (0b0101)", log[0].spsr & 0xf, SPSR_EL1h);

    /* NV1 = 1: VBAR_EL1, ELR_EL1, SPSR_EL1 trap */
    n_set_hcr(HCR_NV | HCR_NV1);
    clear_log();
    v = n_vbar_el1_value();
    check_trap("{NV, NV1} = {1, 1} mrs x8, vbar_el1", ESR_ELx(EC_SYS64, ISS_SYS(3, 0, 12, 0, 0, 8, 1)),
               n_mrs_vbar_el1_insn);
    check("{NV, NV1} = {1, 1} mrs x8, vbar_el1: the emulated value", v, FAKE(ISS_SYS(3, 0, 12, 0, 0, 0, 0)));
    clear_log();
    n_msr_elr_el1(0x1234);
    check_trap("{NV, NV1} = {1, 1} msr elr_el1, x9", ESR_ELx(EC_SYS64, ISS_SYS(3, 0, 4, 0, 1, 9, 0)),
               n_msr_elr_el1_insn);
    clear_log();
    n_spsr_el1_value();
    check_trap("{NV, NV1} = {1, 1} mrs x10, spsr_el1", ESR_ELx(EC_SYS64, ISS_SYS(3, 0, 4, 0, 0, 10, 1)),
               n_mrs_spsr_el1_insn);

    /* AT: EL1's own address translation instructions trap */
    n_set_hcr(HCR_AT);
    clear_log();
    n_at_s1e1r(0x40000000);
    check_trap("AT at s1e1r, x11", ESR_ELx(EC_SYS64, ISS_SYS(1, 0, 7, 8, 0, 11, 0)), n_at_s1e1r_insn);
    n_set_hcr(0);
    clear_log();
    n_at_s1e1r(0x40000000);
    check("AT = 0: at s1e1r is not trapped", nlog, 0);
    check("AT = 0: PAR_EL1 = the flat PA (MMU off)", read_sysreg(par_el1) & 0xfffffffff001ull, 0x40000000);

    /* NV = 0 again: the EL2 registers are UNDEFINED at EL1 */
    clear_log();
    n_hcr_value();
    check("NV = 0: mrs hcr_el2 is UNDEFINED (EC 0x00 to EL1)",
          nlog * 0x1000 + log[0].el * 0x100 + ESR_EC(log[0].esr), 0x1000 + 0x100 + EC_UNKNOWN);
    return 0x4e5;
}

int main(void)
{
    if (!check("CurrentEL is EL2 at boot", current_el(), 2))
        return tap_done();
    write_sysreg(vbar_el2, (uint64_t)vectors_el2);
    el2_setup_el1();
    isb();
    uint64_t r = lower_call(SPSR_EL1h | SPSR_DAIF, el1_main, 0,
                            (uint64_t)(el1_stack + sizeof el1_stack));
    check("EL1 part returned to EL2", r, 0x4e5);
    check("HCR_EL2 back to RW", read_sysreg(hcr_el2), HCR_RW);
    return tap_done();
}
