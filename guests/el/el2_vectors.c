/*
 * el2_vectors - exceptions taken to EL2 from EL2 (boot at EL2: --el 2,
 * QEMU virtualization=on).  Rules (Arm ARM DDI 0487):
 *  - The boot CPU starts in the highest implemented EL: CurrentEL = EL2.
 *  - Synchronous exceptions from the current EL with SP_ELx use vector
 *    VBAR_EL2 + 0x200, with SP_EL0 (PSTATE.SP = 0) + 0x000 (D1.3.1).
 *  - ESR_ELx = EC << 26 | IL << 25 | ISS (D24.2.43).  IL = 1 for a 32-bit
 *    instruction, and it is RES1 for EC 0x00.
 *  - BRK: EC 0x3C, ISS[15:0] = imm16, preferred return = the BRK itself.
 *  - UNDEFINED (UDF #0 = word 0, MRS of an EL3 register with no EL3):
 *    EC 0x00, ISS 0, preferred return = the instruction.
 *  - HVC at EL2 (HCR_EL2.HCD = 0) is taken to EL2 (EC 0x16, ISS = imm16); SVC at EL2 is taken
 *    to EL2 (EC 0x15, ISS = imm16); both return to the next instruction.
 *  - Exception entry: SPSR_EL2 = PSTATE (NZCV, DAIF, M = EL2h 0b1001 or
 *    EL2t 0b1000), PSTATE.DAIF = 0b1111; ERET restores PSTATE from SPSR_EL2
 *    and the PC from ELR_EL2.
 */
#include "exceptions.h"
#include "sysreg.h"
#include "tap.h"

/* el2_vectors.S */
extern char t_hvc_next[], t_svc_next[], t_brk_state_insn[], t_brk_sp0_insn[];
void t_brk(void), t_udf(void), t_hvc(void), t_svc(void), t_mrs_scr_el3(void);
void t_brk_state(uint64_t out[4]), t_brk_sp0(void);

static volatile struct {
    unsigned count, el, offset;
    uint64_t esr, elr, spsr, daif;
} last;

void handle_exception(struct exc_frame *f, unsigned el, unsigned offset)
{
    last.count++;
    last.el = el;
    last.offset = offset;
    last.esr = f->esr;
    last.elr = f->elr;
    last.spsr = f->spsr;
    last.daif = read_sysreg(daif);
    switch (ESR_EC(f->esr)) {
    case EC_BRK64:
    case EC_UNKNOWN:
        f->elr += 4;            /* preferred return is the instruction itself */
        break;
    case EC_HVC64:
    case EC_SVC64:
        break;                  /* ELR already points after the instruction */
    default:
        exc_unexpected(f, el, offset);
    }
    /* clobber what the interrupted code must get back through the frame */
    __asm__ volatile("mov x9, #0\n\tmov x17, #0\n\tmsr nzcv, xzr" ::: "x9", "x17", "cc");
}

static void reset_last(void)
{
    last.count = 0;
    last.el = last.offset = 0;
    last.esr = last.elr = last.spsr = last.daif = 0;
}

/* the PSTATE bits of an SPSR that these tests determine: NZCV, SS, IL, DAIF, M */
#define SPSR_KNOWN (SPSR_NZCV | SPSR_SS | SPSR_IL | SPSR_DAIF | SPSR_M_MASK)

int main(void)
{
    if (!check("CurrentEL is EL2 at boot", current_el(), 2))
        return tap_done();

    write_sysreg(vbar_el2, (uint64_t)vectors_el2);
    /* HCR_EL2 is UNKNOWN at reset: HCD = 0 (HVC enabled), no traps, no TGE */
    write_sysreg(hcr_el2, HCR_RW);
    isb();
    check("VBAR_EL2 reads back the table address", read_sysreg(vbar_el2), (uint64_t)vectors_el2);

    /* BRK #0x123 */
    reset_last();
    t_brk();
    check("brk: one exception", last.count, 1);
    check("brk: taken to EL2", last.el, 2);
    check("brk: vector current EL SP_ELx sync (+0x200)", last.offset, VEC_CUR_SPX + VEC_SYNC);
    check("brk: ESR_EL2 = EC 0x3C, IL, imm16 0x123", last.esr, ESR_ELx(EC_BRK64, 0x123));
    check("brk: ELR_EL2 = address of the BRK", last.elr, (uint64_t)t_brk);
    check("brk: SPSR_EL2.M = EL2h", last.spsr & SPSR_M_MASK, SPSR_EL2h);
    check("brk: handler runs with DAIF all masked", last.daif, DAIF_ALL);

    /* PSTATE saved in SPSR_EL2 and restored by ERET; registers kept */
    uint64_t out[4];
    reset_last();
    t_brk_state(out);
    check("brk state: one exception", last.count, 1);
    check("brk state: ELR_EL2 = the BRK", last.elr, (uint64_t)t_brk_state_insn);
    check("brk state: ESR_EL2 imm16 2", last.esr, ESR_ELx(EC_BRK64, 2));
    check("brk state: SPSR_EL2 = NZCV 1010, DAIF 1011, EL2h",
          last.spsr & SPSR_KNOWN, 0xa0000000u | DAIF_D | DAIF_I | DAIF_F | SPSR_EL2h);
    check("brk state: ERET restored NZCV", out[0], 0xa0000000u);
    check("brk state: ERET restored DAIF (A unmasked)", out[1], DAIF_D | DAIF_I | DAIF_F);
    check("brk state: x9 preserved", out[2], 0xfeed000012345a5aull);
    check("brk state: x17 preserved", out[3], 0x77);

    /* UDF #0 */
    reset_last();
    t_udf();
    check("udf: one exception", last.count, 1);
    check("udf: vector +0x200", last.offset, VEC_CUR_SPX + VEC_SYNC);
    check("udf: ESR_EL2 = EC 0x00, IL = 1, ISS 0", last.esr, ESR_ELx(EC_UNKNOWN, 0));
    check("udf: ELR_EL2 = address of the UDF", last.elr, (uint64_t)t_udf);

    /* HVC at EL2 */
    reset_last();
    t_hvc();
    check("hvc at EL2: one exception", last.count, 1);
    check("hvc at EL2: taken to EL2", last.el, 2);
    check("hvc at EL2: vector +0x200", last.offset, VEC_CUR_SPX + VEC_SYNC);
    check("hvc at EL2: ESR_EL2 = EC 0x16, IL, imm16", last.esr, ESR_ELx(EC_HVC64, 0x4b1d));
    check("hvc at EL2: ELR_EL2 = next instruction", last.elr, (uint64_t)t_hvc_next);
    check("hvc at EL2: SPSR_EL2.M = EL2h", last.spsr & SPSR_M_MASK, SPSR_EL2h);

    /* SVC at EL2 */
    reset_last();
    t_svc();
    check("svc at EL2: one exception", last.count, 1);
    check("svc at EL2: taken to EL2, vector +0x200", last.el * 0x1000 + last.offset, 0x2000 + VEC_CUR_SPX);
    check("svc at EL2: ESR_EL2 = EC 0x15, IL, imm16", last.esr, ESR_ELx(EC_SVC64, 0x11));
    check("svc at EL2: ELR_EL2 = next instruction", last.elr, (uint64_t)t_svc_next);

    /* PSTATE.SP = 0 */
    reset_last();
    t_brk_sp0();
    check("brk on SP_EL0: one exception", last.count, 1);
    check("brk on SP_EL0: vector current EL SP_EL0 (+0x000)", last.offset, VEC_CUR_SP0 + VEC_SYNC);
    check("brk on SP_EL0: SPSR_EL2.M = EL2t", last.spsr & SPSR_M_MASK, SPSR_EL2t);
    check("brk on SP_EL0: ELR_EL2 = the BRK", last.elr, (uint64_t)t_brk_sp0_insn);
    check("brk on SP_EL0: ESR_EL2 imm16 3", last.esr, ESR_ELx(EC_BRK64, 3));
    check("back on SP_EL2 after ERET", read_sysreg(spsel), 1);

    /* an EL3 register at EL2 */
    reset_last();
    t_mrs_scr_el3();
    check("mrs scr_el3 at EL2: one exception", last.count, 1);
    check("mrs scr_el3 at EL2: UNDEFINED (EC 0x00, IL)", last.esr, ESR_ELx(EC_UNKNOWN, 0));
    check("mrs scr_el3 at EL2: ELR_EL2 = the MRS", last.elr, (uint64_t)t_mrs_scr_el3);

    return tap_done();
}
