/*
 * timer_common.h - the generic-timer and GICv3 checks shared by timer_el1.c
 * and timer_el2.c.  The including file defines:
 *   TIMER_CTL, TIMER_CVAL, TIMER_TVAL   the timer's registers (MRS/MSR names)
 *   TIMER_INTID                         its PPI
 *   TIMER_NAME                          for the check names
 * and calls gic_and_timer_tests() at the EL that takes the interrupts.
 *
 * Rules (Arm ARM D11 "The Generic Timer"; GICv3 spec IHI 0069):
 *  - CTL.ENABLE = 1: the condition "CNTPCT - CVAL >= 0" (unsigned 64-bit
 *    compare of the counter with CVAL) sets CTL.ISTATUS and, unless
 *    CTL.IMASK, asserts the timer's interrupt (a level-sensitive PPI).
 *  - TVAL reads (CVAL - CNTPCT)[31:0] (signed); a write sets
 *    CVAL = CNTPCT + SignExtend(TVAL).
 *  - GICv3: a Group 1 interrupt is signalled to the CPU interface when
 *    GICD_CTLR.{ARE, EnableGrp1} and the redistributor is awake
 *    (GICR_WAKER.ProcessorSleep = 0), it is enabled (GICR_ISENABLER0), its
 *    priority is below ICC_PMR_EL1 and ICC_IGRPEN1_EL1 = 1.  ICC_IAR1_EL1
 *    returns the highest-priority pending INTID (lower value = higher
 *    priority) and makes it active, ICC_RPR_EL1 is then its priority;
 *    ICC_EOIR1_EL1 (EOImode 0) drops the priority and deactivates it; with
 *    nothing active RPR reads 0xFF (idle).  ICC_HPPIR1_EL1 shows the
 *    highest-priority pending INTID without acknowledging it.
 *  - ICC_SGI1R_EL1 = INTID [27:24], Aff3 [55:48], Aff2 [39:32], Aff1
 *    [23:16], TargetList [15:0] (bit n = Aff0 n), IRM [40] = 0: an SGI to
 *    the listed CPUs.
 *  - An IRQ taken from the current EL with SP_ELx uses vector +0x280;
 *    ISR_EL1.I (bit 7) shows a pending IRQ even while PSTATE.I masks it,
 *    and WFI wakes up for it.
 * Nothing printed depends on timing: only conditions are checked.
 */
#ifndef EL_TIMER_COMMON_H
#define EL_TIMER_COMMON_H

#include "exceptions.h"
#include "gic.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"

#define rd(reg)      read_sysreg(reg)
#define wr(reg, v)   write_sysreg(reg, v)

#define SGI_LOW     3u      /* priority 0x90 */
#define SGI_HIGH    5u      /* priority 0x80 */
#define PRIO_TIMER  0x80u
#define PRIO_LOW    0x90u
#define PRIO_HIGH   0x80u
#define ISR_I       (1u << 7)
#define SPIN_LIMIT  1000000u

static volatile struct irq_record {
    unsigned el, offset, intid, rpr;
    uint64_t ctl, count;
} irqs[4];
static volatile unsigned nirq;

/* the IRQ handler: acknowledge, quiesce the timer, end the interrupt */
static void handle_irq(unsigned el, unsigned offset)
{
    uint32_t intid = (uint32_t)rd(icc_iar1_el1) & 0xffffff;
    volatile struct irq_record *r = &irqs[nirq < 4 ? nirq : 3];
    r->el = el;
    r->offset = offset;
    r->intid = intid;
    r->rpr = (unsigned)rd(icc_rpr_el1);
    r->ctl = 0;
    r->count = 0;
    if (intid == TIMER_INTID) {
        isb();
        r->ctl = rd(TIMER_CTL);
        r->count = rd(cntpct_el0);
        wr(TIMER_CTL, 0);                   /* disable: the level drops */
        isb();
    }
    nirq++;
    if (intid != INTID_SPURIOUS)
        wr(icc_eoir1_el1, intid);
    isb();
}

void handle_exception(struct exc_frame *f, unsigned el, unsigned offset)
{
    if (offset == VEC_CUR_SPX + VEC_IRQ) {
        handle_irq(el, offset);
        return;
    }
    exc_unexpected(f, el, offset);
}

/* unmask IRQs until `n` have been handled (or SPIN_LIMIT spins), mask again */
static void take_irqs(unsigned n)
{
    irq_unmask();
    isb();
    for (unsigned spins = 0; nirq < n && spins < SPIN_LIMIT; spins++)
        __asm__ volatile("" ::: "memory");
    irq_mask();
    isb();
}

static void clear_irqs(void)
{
    nirq = 0;
    for (unsigned i = 0; i < 4; i++)
        irqs[i].el = irqs[i].offset = irqs[i].intid = irqs[i].rpr = 0,
        irqs[i].ctl = irqs[i].count = 0;
}

static void gic_and_timer_tests(void)
{
    unsigned el = current_el();
    char name[100];

    irq_mask();
    /* ---- GIC set-up ---- */
    check("GICD_PIDR2.ArchRev = 3 (GICv3)", (mmio_read32(GICD_BASE + GICD_PIDR2) >> 4) & 0xf, 3);
    gicd_init();
    check("GICD_CTLR = ARE | EnableGrp1, DS = 1 (one Security state)",
          mmio_read32(GICD_BASE + GICD_CTLR) & 0x53, GICD_CTLR_DS | GICD_CTLR_ARE | GICD_CTLR_EnableGrp1);
    uint64_t mpidr = rd(mpidr_el1);
    uint32_t aff = (uint32_t)((mpidr & 0xffffff) | ((mpidr >> 8) & 0xff000000));
    check("GICR_TYPER[63:32] of redistributor 0 = this CPU's affinity",
          mmio_read32(gicr_rd(0) + GICR_TYPER_HI), aff);
    check("GICR_TYPER.Processor_Number of redistributor 0 = 0",
          (mmio_read32(gicr_rd(0) + GICR_TYPER_LO) >> 8) & 0xffff, 0);
    gicr_wake(0);
    check("GICR_WAKER: ProcessorSleep = ChildrenAsleep = 0",
          mmio_read32(gicr_rd(0) + GICR_WAKER) & 6, 0);
    gicr_enable_private(0, TIMER_INTID, PRIO_TIMER);
    gicr_enable_private(0, SGI_LOW, PRIO_LOW);
    gicr_enable_private(0, SGI_HIGH, PRIO_HIGH);
    uint32_t bits = (1u << TIMER_INTID) | (1u << SGI_LOW) | (1u << SGI_HIGH);
    check("GICR_IGROUPR0: the three interrupts are Group 1",
          mmio_read32(gicr_sgi(0) + GICR_IGROUPR0) & bits, bits);
    check("GICR_ISENABLER0: the three interrupts are enabled",
          mmio_read32(gicr_sgi(0) + GICR_ISENABLER0) & bits, bits);
    check("GICR_IPRIORITYR: " TIMER_NAME " priority 0x80",
          (mmio_read32(gicr_sgi(0) + GICR_IPRIORITYR + (TIMER_INTID & ~3u)) >> (8 * (TIMER_INTID & 3))) & 0xff,
          PRIO_TIMER);
    gic_cpuif_init();
    check("ICC_SRE_EL1.SRE = 1", rd(icc_sre_el1) & 1, 1);
    /* PMR keeps only the implemented priority bits (ICC_CTLR_EL1.PRIbits
     * [10:8] = their number - 1, at least 4 bits); the others are RAZ/WI */
    unsigned pribits = (unsigned)((rd(icc_ctlr_el1) >> 8) & 7) + 1;
    check("ICC_CTLR_EL1.PRIbits: 4 to 8 priority bits", pribits >= 4 && pribits <= 8, 1);
    check("ICC_PMR_EL1 = 0xff, unimplemented low bits read 0", rd(icc_pmr_el1),
          0xffu & ~((1u << (8 - pribits)) - 1));
    check("ICC_IGRPEN1_EL1 = 1", rd(icc_igrpen1_el1), 1);
    check("ICC_RPR_EL1 = 0xff (idle)", rd(icc_rpr_el1), 0xff);

    /* ---- the timer ---- */
    check("CNTFRQ_EL0 is not 0", rd(cntfrq_el0) != 0, 1);
    isb();
    uint64_t now = rd(cntpct_el0);
    wr(TIMER_CVAL, now + 1000000000ull);     /* far in the future */
    wr(TIMER_CTL, CNT_CTL_ENABLE);
    isb();
    check(TIMER_NAME ": CVAL reads back", rd(TIMER_CVAL), now + 1000000000ull);
    check(TIMER_NAME ": CTL = ENABLE, ISTATUS = 0 before CVAL", rd(TIMER_CTL) & 7, CNT_CTL_ENABLE);
    int64_t tval = (int32_t)rd(TIMER_TVAL);
    check(TIMER_NAME ": TVAL = CVAL - CNTPCT, in (0, 1e9]", tval > 0 && tval <= 1000000000, 1);
    check("ISR_EL1.I = 0: nothing pending", rd(isr_el1) & ISR_I, 0);

    /* fire in 1000 ticks: TVAL write sets CVAL = CNTPCT + 1000 */
    clear_irqs();
    isb();
    uint64_t t0 = rd(cntpct_el0);
    wr(TIMER_TVAL, 1000);
    isb();
    uint64_t t1 = rd(cntpct_el0);
    uint64_t cval = rd(TIMER_CVAL);
    check(TIMER_NAME ": TVAL write: CNTPCT + 1000 <= CVAL", cval >= t0 + 1000 && cval <= t1 + 1000, 1);
    while (!(rd(isr_el1) & ISR_I))
        __asm__ volatile("wfi" ::: "memory");
    check(TIMER_NAME ": after WFI, ISR_EL1.I = 1 (pending, masked)", rd(isr_el1) & ISR_I, ISR_I);
    isb();
    check(TIMER_NAME ": CTL.ISTATUS = 1", rd(TIMER_CTL) & 7, CNT_CTL_ENABLE | CNT_CTL_ISTATUS);
    check(TIMER_NAME ": CNTPCT >= CVAL", rd(cntpct_el0) >= cval, 1);
    check(TIMER_NAME ": ICC_HPPIR1_EL1 = its INTID", rd(icc_hppir1_el1) & 0xffffff, TIMER_INTID);
    check(TIMER_NAME ": GICR_ISPENDR0 shows it pending",
          (mmio_read32(gicr_sgi(0) + GICR_ISPENDR0) >> TIMER_INTID) & 1, 1);
    check(TIMER_NAME ": no IRQ while PSTATE.I = 1", nirq, 0);
    take_irqs(1);
    check(TIMER_NAME ": one IRQ after unmasking", nirq, 1);
    snprintf(name, sizeof name, "%s: IRQ taken to EL%u, vector +0x280", TIMER_NAME, el);
    check(name, irqs[0].el * 0x1000 + irqs[0].offset, el * 0x1000 + VEC_CUR_SPX + VEC_IRQ);
    snprintf(name, sizeof name, "%s: ICC_IAR1_EL1 = INTID %u", TIMER_NAME, TIMER_INTID);
    check(name, irqs[0].intid, TIMER_INTID);
    check(TIMER_NAME ": ICC_RPR_EL1 in the handler = 0x80", irqs[0].rpr, PRIO_TIMER);
    check(TIMER_NAME ": CTL.ISTATUS = 1 in the handler", irqs[0].ctl & 7, CNT_CTL_ENABLE | CNT_CTL_ISTATUS);
    check(TIMER_NAME ": CNTPCT >= CVAL in the handler", irqs[0].count >= cval, 1);
    check(TIMER_NAME ": ICC_RPR_EL1 = 0xff after EOI", rd(icc_rpr_el1), 0xff);
    check(TIMER_NAME ": disabled by the handler", rd(TIMER_CTL) & CNT_CTL_ENABLE, 0);

    /* ---- SGIs to self, two priorities ---- */
    clear_irqs();
    wr(icc_sgi1r_el1, gic_sgi1r_value(SGI_LOW, mpidr));
    wr(icc_sgi1r_el1, gic_sgi1r_value(SGI_HIGH, mpidr));
    isb();
    unsigned spins = 0;
    uint32_t sgis = (1u << SGI_LOW) | (1u << SGI_HIGH);
    while ((mmio_read32(gicr_sgi(0) + GICR_ISPENDR0) & sgis) != sgis && spins < SPIN_LIMIT)
        spins++;
    check("SGI 3 and 5 pending in GICR_ISPENDR0", mmio_read32(gicr_sgi(0) + GICR_ISPENDR0) & sgis, sgis);
    check("SGIs: ICC_HPPIR1_EL1 = 5 (priority 0x80 beats 0x90)", rd(icc_hppir1_el1) & 0xffffff, SGI_HIGH);
    check("SGIs: no IRQ while PSTATE.I = 1", nirq, 0);
    take_irqs(2);
    check("SGIs: two IRQs after unmasking", nirq, 2);
    check("SGIs: first acknowledged INTID 5", irqs[0].intid, SGI_HIGH);
    check("SGIs: first running priority 0x80", irqs[0].rpr, PRIO_HIGH);
    check("SGIs: second acknowledged INTID 3", irqs[1].intid, SGI_LOW);
    check("SGIs: second running priority 0x90", irqs[1].rpr, PRIO_LOW);
    snprintf(name, sizeof name, "SGIs: taken to EL%u, vector +0x280", el);
    check(name, irqs[1].el * 0x1000 + irqs[1].offset, el * 0x1000 + VEC_CUR_SPX + VEC_IRQ);
    check("SGIs: nothing pending afterwards", mmio_read32(gicr_sgi(0) + GICR_ISPENDR0) & sgis, 0);
    check("SGIs: ICC_RPR_EL1 = 0xff after EOI", rd(icc_rpr_el1), 0xff);
}

/* Stops early (with a message) if the machine has no GICv3 CPU interface,
 * e.g. QEMU -M virt without gic-version=3 (its default is a GICv2). */
static int require_gicv3(void)
{
    if (((rd(id_aa64pfr0_el1) >> 24) & 0xf) == 0) {
        printf("Bail out! no GICv3 system-register interface (ID_AA64PFR0_EL1.GIC = 0): "
               "QEMU needs -M virt,gic-version=3\n");
        return 0;
    }
    return 1;
}

#endif
