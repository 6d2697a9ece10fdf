/* exceptions.c - the C side of vectors.S (see exceptions.h). */
#include "exceptions.h"
#include "printf.h"
#include "semihost.h"
#include "sysreg.h"

void exc_dispatch(struct exc_frame *f, uint64_t el, uint64_t offset);

void exc_dispatch(struct exc_frame *f, uint64_t el, uint64_t offset)
{
    uint64_t ec = ESR_EC(f->esr);
    if (offset == VEC_LOWER_A64 + VEC_SYNC && (ec == EC_SVC64 || ec == EC_HVC64) &&
        (f->esr & 0xffff) == LOWER_CALL_IMM)
        lower_return(f->x[0]);          /* the lower EL's fn returned */
    handle_exception(f, (unsigned)el, (unsigned)offset);
}

void exc_unexpected(struct exc_frame *f, unsigned el, unsigned offset)
{
    printf("Bail out! unexpected exception to EL%u, vector +0x%x: ESR 0x%llx "
           "ELR 0x%llx SPSR 0x%llx FAR 0x%llx\n", el, offset,
           (unsigned long long)f->esr, (unsigned long long)f->elr,
           (unsigned long long)f->spsr, (unsigned long long)f->far);
    _exit(1);
}

__attribute__((weak))
void handle_exception(struct exc_frame *f, unsigned el, unsigned offset)
{
    exc_unexpected(f, el, offset);
}

void el2_setup_el1(void)
{
    write_sysreg(hcr_el2, HCR_RW);
    write_sysreg(sctlr_el1, SCTLR_EL1_GUEST);
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    write_sysreg(cnthctl_el2, CNTHCTL_EL1PCTEN | CNTHCTL_EL1PCEN);
    write_sysreg(cntvoff_el2, 0);
    write_sysreg(vpidr_el2, read_sysreg(midr_el1));
    write_sysreg(vmpidr_el2, read_sysreg(mpidr_el1));
    isb();
}
