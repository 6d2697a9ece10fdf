/*
 * vhe - the Virtualization Host Extensions (FEAT_VHE).  Boots at EL2.
 * Rules (Arm ARM D24.2.62 HCR_EL2, D8.x "Virtualization Host Extensions",
 * the register descriptions' accessibility pseudocode):
 *  - ID_AA64MMFR1_EL1.VH (bits 11:8) = 1 when FEAT_VHE is implemented.
 *  (That the *_EL12 encodings are UNDEFINED at EL2 while E2H = 0 is tested
 *  by el12_undef, which QEMU 7.2 fails.)
 *  - With E2H = 1, at EL2 the EL1 encodings (SCTLR_EL1, VBAR_EL1, TCR_EL1,
 *    TTBR0_EL1, MAIR_EL1, ELR_EL1, SPSR_EL1, ESR_EL1, FAR_EL1,
 *    CONTEXTIDR_EL1) access the EL2 registers, and the *_EL12 encodings
 *    access the EL1 registers.
 *  - With E2H = 1 and TGE = 1, ERET to EL0 enters EL0 of the EL2&0 regime
 *    and every exception from EL0 that would go to EL1 goes to EL2 (vector
 *    VBAR_EL2 + 0x400): SVC (EC 0x15), UNDEFINED HVC/MRS (EC 0x00), BRK
 *    (EC 0x3C), with ESR_EL2/ELR_EL2/SPSR_EL2 written and the EL1 registers
 *    untouched.
 */
#include "exceptions.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"

uint64_t el0_body(uint64_t);
extern char el0_svc_next[], el0_hvc[], el0_brk[], el0_mrs[];

static uint8_t el0_stack[8192] __attribute__((aligned(16)));

struct record {
    unsigned el, offset;
    uint64_t esr, elr, spsr, esr_via_el1, elr_via_el1;
};
#define MAX_RECORDS 8
static volatile struct record log[MAX_RECORDS];
static volatile unsigned nlog;

void handle_exception(struct exc_frame *f, unsigned el, unsigned offset)
{
    volatile struct record *r = &log[nlog < MAX_RECORDS ? nlog : MAX_RECORDS - 1];
    r->el = el;
    r->offset = offset;
    r->esr = f->esr;
    r->elr = f->elr;
    r->spsr = f->spsr;
    /* with E2H = 1 these names are ESR_EL2 and ELR_EL2 */
    r->esr_via_el1 = (read_sysreg(hcr_el2) & HCR_E2H) ? read_sysreg(esr_el1) : 0;
    r->elr_via_el1 = (read_sysreg(hcr_el2) & HCR_E2H) ? read_sysreg(elr_el1) : 0;
    nlog++;
    switch (ESR_EC(f->esr)) {
    case EC_SVC64:
        break;
    case EC_UNKNOWN:
    case EC_BRK64:
        f->elr += 4;
        break;
    default:
        exc_unexpected(f, el, offset);
    }
}

static void clear_log(void)
{
    nlog = 0;
    for (unsigned i = 0; i < MAX_RECORDS; i++)
        log[i].el = log[i].offset = 0,
        log[i].esr = log[i].elr = log[i].spsr = log[i].esr_via_el1 = log[i].elr_via_el1 = 0;
}

/*
 * One register: write v12 through <reg>_EL12 and v2 through <reg>_EL2, read
 * the three names; write v2b through <reg>_EL1 and read the other two.
 * Everything between the first write and the restore is straight-line code
 * (no exception may be taken while VBAR_EL2, ELR_EL2, ... hold test values).
 */
#define VHE_REG(reg, v12, v2, v2b) do {                                         \
    uint64_t save2 = read_sysreg(reg##_el2), save12 = read_sysreg(reg##_el12);  \
    write_sysreg(reg##_el12, v12);                                              \
    write_sysreg(reg##_el2, v2);                                                \
    isb();                                                                      \
    uint64_t r1 = read_sysreg(reg##_el1), r12 = read_sysreg(reg##_el12);        \
    uint64_t r2 = read_sysreg(reg##_el2);                                       \
    write_sysreg(reg##_el1, v2b);                                               \
    isb();                                                                      \
    uint64_t r2b = read_sysreg(reg##_el2), r12b = read_sysreg(reg##_el12);      \
    write_sysreg(reg##_el2, save2);                                             \
    write_sysreg(reg##_el12, save12);                                           \
    isb();                                                                      \
    check(#reg "_EL1 at EL2 reads " #reg "_EL2", r1, v2);                       \
    check(#reg "_EL12 reads the EL1 register", r12, v12);                       \
    check(#reg "_EL2 reads back", r2, v2);                                      \
    check(#reg "_EL1 at EL2 writes " #reg "_EL2", r2b, v2b);                    \
    check(#reg "_EL1 write leaves the EL1 register", r12b, v12);                \
} while (0)

int main(void)
{
    if (!check("CurrentEL is EL2 at boot", current_el(), 2))
        return tap_done();
    write_sysreg(vbar_el2, (uint64_t)vectors_el2);
    el2_setup_el1();
    check("ID_AA64MMFR1_EL1.VH = 1 (FEAT_VHE)", (read_sysreg(id_aa64mmfr1_el1) >> 8) & 0xf, 1);

    write_sysreg(hcr_el2, HCR_RW | HCR_E2H | HCR_TGE);
    isb();
    write_sysreg(cptr_el2, read_sysreg(cptr_el2) | CPTR_EL2_FPEN);   /* FP/SIMD: the E2H = 1 layout */
    check("HCR_EL2 = RW | E2H | TGE", read_sysreg(hcr_el2), HCR_RW | HCR_E2H | HCR_TGE);

    /* SCTLR: every value keeps M = 0, EE = 0 (the EL2&0 regime runs on it) */
    uint64_t sctlr2 = read_sysreg(sctlr_el2);
    VHE_REG(sctlr, SCTLR_EL1_GUEST | (1ull << 15), SCTLR_EL1_RES1 | 0x1c, SCTLR_EL1_RES1 | 0x5181c);
    VHE_REG(vbar, 0x40001000ull, 0x40002800ull, (uint64_t)vectors_el2);
    VHE_REG(tcr, 0x5b5103510ull, 0x280190019ull, 0x280180018ull);
    VHE_REG(ttbr0, 0x00ab000040100000ull, 0x00cd000040200000ull, 0x00ef000040300000ull);
    VHE_REG(mair, 0x4404ffull, 0xff44ull, 0xbbull);
    VHE_REG(elr, 0x1111222233334444ull, 0x5555666677778888ull, 0x9999aaaabbbbccccull);
    VHE_REG(spsr, 0x600003c5ull, 0x900003c9ull, 0x300003c4ull);
    VHE_REG(esr, 0x0badc0deull, 0x96000021ull, 0x5600beefull);
    VHE_REG(far, 0x123456789abcdef0ull, 0x0fedcba987654321ull, 0x0000400000001000ull);
    VHE_REG(contextidr, 0x1234ull, 0x5678ull, 0x9abcull);
    check("SCTLR_EL2 restored", read_sysreg(sctlr_el2), sctlr2);
    check("VBAR_EL2 restored", read_sysreg(vbar_el2), (uint64_t)vectors_el2);

    /* EL0 with TGE = 1: exceptions go to EL2 */
    write_sysreg(esr_el12, 0x0badc0deull);
    write_sysreg(elr_el12, 0x1234ull);
    isb();
    clear_log();
    uint64_t r = lower_call(SPSR_EL0t | SPSR_DAIF, el0_body, 0, (uint64_t)(el0_stack + sizeof el0_stack));
    check("EL0 body returned through SVC 0xFFFF to EL2", r, 0xe0);
    check("EL0: four exceptions", nlog, 4);
    static const struct { const char *what; uint64_t esr; const char *elr; } exp[4] = {
        { "EL0 svc 0x42", ESR_ELx(EC_SVC64, 0x42), el0_svc_next },
        { "EL0 hvc (UNDEFINED)", ESR_ELx(EC_UNKNOWN, 0), el0_hvc },
        { "EL0 brk 9", ESR_ELx(EC_BRK64, 9), el0_brk },
        { "EL0 mrs sctlr_el1 (UNDEFINED)", ESR_ELx(EC_UNKNOWN, 0), el0_mrs },
    };
    for (unsigned i = 0; i < 4; i++) {
        char name[100];
        snprintf(name, sizeof name, "%s: taken to EL2, vector +0x400", exp[i].what);
        check(name, log[i].el * 0x1000 + log[i].offset, 0x2000 + VEC_LOWER_A64);
        snprintf(name, sizeof name, "%s: ESR_EL2 0x%llx", exp[i].what, (unsigned long long)exp[i].esr);
        check(name, log[i].esr, exp[i].esr);
        snprintf(name, sizeof name, "%s: ELR_EL2", exp[i].what);
        check(name, log[i].elr, (uint64_t)exp[i].elr);
        snprintf(name, sizeof name, "%s: SPSR_EL2.M = EL0t", exp[i].what);
        check(name, log[i].spsr & SPSR_M_MASK, SPSR_EL0t);
        snprintf(name, sizeof name, "%s: ESR_EL1 at EL2 reads ESR_EL2", exp[i].what);
        check(name, log[i].esr_via_el1, exp[i].esr);
        snprintf(name, sizeof name, "%s: ELR_EL1 at EL2 reads ELR_EL2", exp[i].what);
        check(name, log[i].elr_via_el1, (uint64_t)exp[i].elr);
    }
    check("EL1's ESR (ESR_EL12) untouched by EL0's exceptions", read_sysreg(esr_el12), 0x0badc0deull);
    check("EL1's ELR (ELR_EL12) untouched by EL0's exceptions", read_sysreg(elr_el12), 0x1234ull);

    write_sysreg(hcr_el2, HCR_RW);
    isb();
    check("E2H=0 again: SCTLR_EL1 at EL2 is the EL1 register", read_sysreg(sctlr_el1),
          SCTLR_EL1_GUEST);
    return tap_done();
}
