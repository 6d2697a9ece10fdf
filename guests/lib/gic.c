/* gic.c - GICv3 set-up helpers (see gic.h). */
#include "gic.h"
#include "sysreg.h"

static void gicd_wait_rwp(void)
{
    while (mmio_read32(GICD_BASE + GICD_CTLR) & GICD_CTLR_RWP)
        ;
}

void gicd_init(void)
{
    mmio_write32(GICD_BASE + GICD_CTLR, GICD_CTLR_ARE);
    gicd_wait_rwp();
    mmio_write32(GICD_BASE + GICD_CTLR, GICD_CTLR_ARE | GICD_CTLR_EnableGrp1);
    gicd_wait_rwp();
}

void gicr_wake(unsigned cpu)
{
    uintptr_t rd = gicr_rd(cpu);
    mmio_write32(rd + GICR_WAKER, mmio_read32(rd + GICR_WAKER) & ~GICR_WAKER_ProcessorSleep);
    while (mmio_read32(rd + GICR_WAKER) & GICR_WAKER_ChildrenAsleep)
        ;
}

void gicr_enable_private(unsigned cpu, unsigned intid, uint8_t priority)
{
    uintptr_t sgi = gicr_sgi(cpu);
    uint32_t bit = 1u << intid;
    mmio_write32(sgi + GICR_IGROUPR0, mmio_read32(sgi + GICR_IGROUPR0) | bit);
    /* IPRIORITYR: byte access is allowed, but keep to 32-bit read-modify-write */
    uintptr_t prio = sgi + GICR_IPRIORITYR + (intid & ~3u);
    unsigned shift = (intid & 3) * 8;
    uint32_t v = mmio_read32(prio);
    v = (v & ~(0xffu << shift)) | ((uint32_t)priority << shift);
    mmio_write32(prio, v);
    mmio_write32(sgi + GICR_ISENABLER0, bit);
}

void gic_cpuif_init(void)
{
    if (current_el() == 2) {
        write_sysreg(icc_sre_el2, 0xf);     /* Enable: EL1 may use ICC_SRE_EL1 */
        isb();
    }
    write_sysreg(icc_sre_el1, 0x7);
    isb();
    write_sysreg(icc_pmr_el1, 0xff);
    write_sysreg(icc_bpr1_el1, 0);
    write_sysreg(icc_ctlr_el1, read_sysreg(icc_ctlr_el1) & ~2ull);   /* EOImode 0 */
    write_sysreg(icc_igrpen1_el1, 1);
    isb();
}

uint64_t gic_sgi1r_value(unsigned intid, uint64_t mpidr)
{
    uint64_t aff1 = (mpidr >> 8) & 0xff, aff2 = (mpidr >> 16) & 0xff;
    uint64_t aff3 = (mpidr >> 32) & 0xff;
    return (aff3 << 48) | ((uint64_t)(intid & 0xf) << 24) | (aff2 << 32) |
           (aff1 << 16) | (1ull << (mpidr & 0xf));
}
