/*
 * eret_el1_el0 - ERET from EL2 to EL1 and from EL1 to EL0, and the
 * exceptions that come back.  Boots at EL2 (--el 2).  Rules (Arm ARM):
 *  - HCR_EL2.RW = 1: EL1 is AArch64.  ERET with SPSR_EL2.M = EL1h (0b0101)
 *    enters EL1 using SP_EL1; SPSR_EL1.M = EL0t (0b0000) enters EL0.
 *  - SVC at EL0 is taken to EL1 (HCR_EL2.TGE = 0) at VBAR_EL1 + 0x400
 *    (lower EL, AArch64, synchronous); EC 0x15, ISS = imm16; ELR = next
 *    instruction; SPSR_EL1 = EL0's PSTATE (M = EL0t).
 *  - HVC and SMC are UNDEFINED at EL0 (EC 0x00 to EL1, ELR = the
 *    instruction); so is MRS of an EL1 register at EL0.
 *  - BRK at EL0: EC 0x3C to EL1, ELR = the BRK.
 *  - HVC at EL1 (HCR_EL2.HCD = 0): EC 0x16 to EL2 (+0x400), ISS = imm16,
 *    ELR_EL2 = next instruction, SPSR_EL2.M = EL1h.
 *  - SMC at EL1 with HCR_EL2.TSC = 1: trapped to EL2, EC 0x17, ISS = imm16,
 *    and the preferred return of a trapped SMC is the SMC itself (D1.3.x,
 *    "exception return address": SMC trapped by TSC returns to the SMC).
 *    [This machine has no EL3: PSCI is provided by firmware over SMC as if
 *    EL3 existed with SCR_EL3.SMD = 0, which is the behaviour tested here.]
 *  - A branch to an address with bits 1:0 != 0 makes the next fetch take a
 *    PC alignment fault: EC 0x22, ISS 0, ELR = FAR = the misaligned PC.
 *  - Load-Exclusive to an address not aligned to the access size always
 *    takes an Alignment fault (MMU on or off): Data Abort, DFSC 0b100001,
 *    WnR = 0, ISV = 0 (no syndrome for exclusives), FAR = the address;
 *    EC 0x25 when taken from EL1 to EL1, EC 0x24 from EL0 to EL1.
 */
#include "exceptions.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"

/* eret_el1_el0.S */
uint64_t el0_body(uint64_t misaligned);
extern char el0_svc[], el0_svc_next[], el0_hvc[], el0_smc[], el0_brk[], el0_mrs[], el0_ldxr[];
void el1_hvc(void), el1_smc(void), el1_branch_to(uint64_t target), pc_target(void);
uint64_t el1_ldxr(uint64_t addr);
extern char el1_hvc_next[], el1_smc_insn[];

static uint8_t el1_stack[16384] __attribute__((aligned(16)));
static uint8_t el0_stack[8192] __attribute__((aligned(16)));
static uint64_t buffer[4] __attribute__((aligned(16)));

struct record {
    unsigned el, offset;
    uint64_t esr, elr, spsr, far;
};
#define MAX_RECORDS 16
static volatile struct record log[MAX_RECORDS];
static volatile unsigned nlog;

void handle_exception(struct exc_frame *f, unsigned el, unsigned offset)
{
    if (nlog < MAX_RECORDS) {
        volatile struct record *r = &log[nlog];
        r->el = el;
        r->offset = offset;
        r->esr = f->esr;
        r->elr = f->elr;
        r->spsr = f->spsr;
        r->far = f->far;
    }
    nlog++;
    if (offset != VEC_CUR_SPX + VEC_SYNC && offset != VEC_LOWER_A64 + VEC_SYNC)
        exc_unexpected(f, el, offset);
    switch (ESR_EC(f->esr)) {
    case EC_SVC64:
    case EC_HVC64:
        break;                          /* ELR = the next instruction */
    case EC_UNKNOWN:
    case EC_BRK64:
    case EC_SMC64:                      /* trapped SMC: ELR = the SMC */
    case EC_DABT_CUR:
    case EC_DABT_LOW:
        f->elr += 4;
        break;
    case EC_PC_ALIGN:
        f->elr = f->x[30];              /* back to the instruction after the BLR */
        break;
    default:
        exc_unexpected(f, el, offset);
    }
}

static void clear_log(void)
{
    nlog = 0;
    for (unsigned i = 0; i < MAX_RECORDS; i++)
        log[i].el = log[i].offset = 0, log[i].esr = log[i].elr = log[i].spsr = log[i].far = 0;
}

/* checks one record: where it was taken, ESR, ELR */
static void check_record(const char *what, unsigned i, unsigned el, unsigned offset,
                         uint64_t esr, uint64_t elr)
{
    char name[96];
    snprintf(name, sizeof name, "%s: taken to EL%u", what, el);
    check(name, log[i].el, el);
    snprintf(name, sizeof name, "%s: vector offset 0x%x", what, offset);
    check(name, log[i].offset, offset);
    snprintf(name, sizeof name, "%s: ESR 0x%llx", what, (unsigned long long)esr);
    check(name, log[i].esr, esr);
    snprintf(name, sizeof name, "%s: ELR", what);
    check(name, log[i].elr, elr);
}

/* ---- EL1 ------------------------------------------------------------- */

static uint64_t el1_main(uint64_t arg)
{
    (void)arg;
    check("EL1: CurrentEL is EL1 after ERET", current_el(), 1);
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    check("EL1: VBAR_EL1 written at EL1", read_sysreg(vbar_el1), (uint64_t)vectors_el1);
    check("EL1: SPSel is 1 (EL1h)", read_sysreg(spsel), 1);

    /* to EL0 and back */
    clear_log();
    uint64_t misaligned = (uint64_t)&buffer[1] + 4;
    uint64_t r = lower_call(SPSR_EL0t | SPSR_DAIF, el0_body, misaligned,
                            (uint64_t)(el0_stack + sizeof el0_stack));
    check("EL0 body returned through SVC 0xFFFF", r, 0xe0);
    check("EL0: six exceptions to EL1", nlog, 6);
    check_record("EL0 svc 0x42", 0, 1, VEC_LOWER_A64, ESR_ELx(EC_SVC64, 0x42), (uint64_t)el0_svc_next);
    check("EL0 svc: SPSR_EL1 = EL0t, DAIF masked", log[0].spsr & (SPSR_DAIF | SPSR_M_MASK),
          SPSR_DAIF | SPSR_EL0t);
    check_record("EL0 hvc (UNDEFINED)", 1, 1, VEC_LOWER_A64, ESR_ELx(EC_UNKNOWN, 0), (uint64_t)el0_hvc);
    check_record("EL0 smc (UNDEFINED)", 2, 1, VEC_LOWER_A64, ESR_ELx(EC_UNKNOWN, 0), (uint64_t)el0_smc);
    check_record("EL0 brk 7", 3, 1, VEC_LOWER_A64, ESR_ELx(EC_BRK64, 7), (uint64_t)el0_brk);
    check_record("EL0 mrs sctlr_el1 (UNDEFINED)", 4, 1, VEC_LOWER_A64, ESR_ELx(EC_UNKNOWN, 0), (uint64_t)el0_mrs);
    check_record("EL0 misaligned ldxr", 5, 1, VEC_LOWER_A64, ESR_ELx(EC_DABT_LOW, DFSC_ALIGNMENT),
                 (uint64_t)el0_ldxr);
    check("EL0 misaligned ldxr: FAR_EL1", log[5].far, misaligned);
    check("EL0 misaligned ldxr: SPSR_EL1.M = EL0t", log[5].spsr & SPSR_M_MASK, SPSR_EL0t);

    /* HVC #7 to EL2 */
    clear_log();
    el1_hvc();
    check("EL1 hvc 7: one exception", nlog, 1);
    check_record("EL1 hvc 7", 0, 2, VEC_LOWER_A64, ESR_ELx(EC_HVC64, 7), (uint64_t)el1_hvc_next);
    check("EL1 hvc 7: SPSR_EL2.M = EL1h", log[0].spsr & SPSR_M_MASK, SPSR_EL1h);

    /* SMC trapped by HCR_EL2.TSC */
    clear_log();
    el1_smc();
    check("EL1 smc with TSC: one exception", nlog, 1);
    check_record("EL1 smc 0x33 (TSC)", 0, 2, VEC_LOWER_A64, ESR_ELx(EC_SMC64, 0x33), (uint64_t)el1_smc_insn);

    /* PC alignment fault */
    clear_log();
    uint64_t bad = (uint64_t)pc_target + 2;
    el1_branch_to(bad);
    check("EL1 branch to PC+2: one exception", nlog, 1);
    check_record("EL1 misaligned PC", 0, 1, VEC_CUR_SPX, ESR_ELx(EC_PC_ALIGN, 0), bad);
    check("EL1 misaligned PC: FAR_EL1 = the PC", log[0].far, bad);

    /* Alignment fault of a Load-Exclusive at EL1 */
    clear_log();
    el1_ldxr(misaligned);
    check("EL1 misaligned ldxr: one exception", nlog, 1);
    check_record("EL1 misaligned ldxr", 0, 1, VEC_CUR_SPX, ESR_ELx(EC_DABT_CUR, DFSC_ALIGNMENT),
                 (uint64_t)el1_ldxr);
    check("EL1 misaligned ldxr: FAR_EL1", log[0].far, misaligned);

    /* an aligned LDXR does not fault */
    clear_log();
    buffer[2] = 0x1122334455667788ull;
    uint64_t v = el1_ldxr((uint64_t)&buffer[2]);
    __asm__ volatile("clrex" ::: "memory");
    check("EL1 aligned ldxr: no exception", nlog, 0);
    check("EL1 aligned ldxr: value", v, 0x1122334455667788ull);

    return 0x1e1;
}

int main(void)
{
    if (!check("CurrentEL is EL2 at boot", current_el(), 2))
        return tap_done();
    write_sysreg(vbar_el2, (uint64_t)vectors_el2);
    el2_setup_el1();
    write_sysreg(hcr_el2, HCR_RW | HCR_TSC);
    isb();
    check("HCR_EL2 = RW | TSC", read_sysreg(hcr_el2), HCR_RW | HCR_TSC);

    uint64_t r = lower_call(SPSR_EL1h | SPSR_DAIF, el1_main, 0,
                            (uint64_t)(el1_stack + sizeof el1_stack));
    check("EL1 main returned through HVC 0xFFFF", r, 0x1e1);
    check("back at EL2", current_el(), 2);
    return tap_done();
}
