/*
 * el12_undef - the *_EL12 encodings (op1 = 5) are UNDEFINED at EL2 while
 * HCR_EL2.E2H = 0 (Arm ARM, accessibility pseudocode of SCTLR_EL12,
 * VBAR_EL12, ELR_EL12: "elsif PSTATE.EL == EL2 then if EL2Enabled() &&
 * HCR_EL2.E2H == '1' then ... else UNDEFINED"), and access the EL1
 * registers once E2H = 1.  Boots at EL2 (--el 2).
 *
 * QEMU 7.2 does not implement the UNDEF (the EL12 aliases work with
 * E2H = 0); later QEMU added the check (el2_e2h_e12_access in
 * target/arm/helper.c, "FOO_EL12 aliases only exist when E2H is 1;
 * otherwise they UNDEF").  Hence `nodiff` in suite.manifest.
 */
#include "exceptions.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"

uint64_t t_mrs_sctlr_el12(uint64_t), t_msr_sctlr_el12(uint64_t),
         t_mrs_vbar_el12(uint64_t), t_msr_elr_el12(uint64_t);

static volatile struct {
    unsigned count, el, offset;
    uint64_t esr, elr;
} last;

void handle_exception(struct exc_frame *f, unsigned el, unsigned offset)
{
    last.count++;
    last.el = el;
    last.offset = offset;
    last.esr = f->esr;
    last.elr = f->elr;
    if (ESR_EC(f->esr) != EC_UNKNOWN)
        exc_unexpected(f, el, offset);
    f->elr += 4;
}

static void undef_case(const char *what, uint64_t (*fn)(uint64_t), uint64_t arg)
{
    char name[100];
    last.count = last.el = last.offset = 0;
    last.esr = last.elr = 0;
    fn(arg);
    snprintf(name, sizeof name, "E2H=0: %s at EL2 is UNDEFINED", what);
    check(name, last.count, 1);
    snprintf(name, sizeof name, "E2H=0: %s: EL2, vector +0x200", what);
    check(name, last.el * 0x1000 + last.offset, 0x2000 + VEC_CUR_SPX);
    snprintf(name, sizeof name, "E2H=0: %s: ESR_EL2 EC 0x00, IL", what);
    check(name, last.esr, ESR_ELx(EC_UNKNOWN, 0));
    snprintf(name, sizeof name, "E2H=0: %s: ELR_EL2 = the instruction", what);
    check(name, last.elr, (uint64_t)fn);
}

int main(void)
{
    if (!check("CurrentEL is EL2 at boot", current_el(), 2))
        return tap_done();
    write_sysreg(vbar_el2, (uint64_t)vectors_el2);
    el2_setup_el1();                                /* HCR_EL2 = RW: E2H = 0 */
    uint64_t sctlr1 = read_sysreg(sctlr_el1);
    write_sysreg(elr_el1, 0x4444);

    undef_case("mrs sctlr_el12", t_mrs_sctlr_el12, 0);
    undef_case("msr sctlr_el12", t_msr_sctlr_el12, sctlr1);
    undef_case("mrs vbar_el12", t_mrs_vbar_el12, 0);
    undef_case("msr elr_el12", t_msr_elr_el12, 0x5555);
    check("E2H=0: ELR_EL1 not written through ELR_EL12", read_sysreg(elr_el1), 0x4444);

    write_sysreg(hcr_el2, HCR_RW | HCR_E2H);
    isb();
    write_sysreg(cptr_el2, read_sysreg(cptr_el2) | CPTR_EL2_FPEN);   /* FP/SIMD: the E2H = 1 layout */
    last.count = 0;
    check("E2H=1: mrs sctlr_el12 reads SCTLR_EL1", t_mrs_sctlr_el12(0), sctlr1);
    check("E2H=1: mrs vbar_el12 reads VBAR_EL1", t_mrs_vbar_el12(0), (uint64_t)vectors_el1);
    t_msr_elr_el12(0x6666);
    check("E2H=1: msr elr_el12 writes ELR_EL1", read_sysreg(elr_el12), 0x6666);
    check("E2H=1: no exception", last.count, 0);
    write_sysreg(hcr_el2, HCR_RW);
    isb();
    check("E2H=0 again: ELR_EL1", read_sysreg(elr_el1), 0x6666);
    return tap_done();
}
