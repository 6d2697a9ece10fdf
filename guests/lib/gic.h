/*
 * gic.h - GICv3 as on QEMU -M virt,gic-version=3 (and a64emu): distributor
 * at 0x0800_0000, one redistributor per CPU at 0x080A_0000 + 0x20000 * n
 * (RD_base; its SGI_base frame is RD_base + 0x10000).  Register offsets
 * are from the GICv3/v4 Architecture Specification (Arm IHI 0069), 12.8-12.11.
 * There is no EL3, so the GIC has one Security state (GICD_CTLR.DS reads 1)
 * and every interrupt the guests use is Group 1.
 *
 * All register accesses are 32 bits wide.
 */
#ifndef A64EMU_GIC_H
#define A64EMU_GIC_H

#include <stdint.h>

#define GICD_BASE       0x08000000ul
#define GICR_BASE       0x080a0000ul
#define GICR_STRIDE     0x20000ul
#define GICR_SGI        0x10000ul       /* SGI_base - RD_base */

/* distributor */
#define GICD_CTLR       0x0000
#define GICD_TYPER      0x0004
#define GICD_PIDR2      0xffe8
#define GICD_CTLR_EnableGrp0  (1u << 0)
#define GICD_CTLR_EnableGrp1  (1u << 1)
#define GICD_CTLR_ARE         (1u << 4)
#define GICD_CTLR_DS          (1u << 6)
#define GICD_CTLR_RWP         (1u << 31)

/* redistributor, RD_base frame */
#define GICR_CTLR       0x0000
#define GICR_TYPER_LO   0x0008          /* [23:8] Processor_Number, [4] Last */
#define GICR_TYPER_HI   0x000c          /* Affinity_Value: Aff3.Aff2.Aff1.Aff0 */
#define GICR_WAKER      0x0014
#define GICR_PIDR2      0xffe8
#define GICR_WAKER_ProcessorSleep (1u << 1)
#define GICR_WAKER_ChildrenAsleep (1u << 2)

/* redistributor, SGI_base frame (SGIs 0-15 and PPIs 16-31) */
#define GICR_IGROUPR0   0x0080
#define GICR_ISENABLER0 0x0100
#define GICR_ICENABLER0 0x0180
#define GICR_ISPENDR0   0x0200
#define GICR_ICPENDR0   0x0280
#define GICR_ISACTIVER0 0x0300
#define GICR_ICACTIVER0 0x0380
#define GICR_IPRIORITYR 0x0400          /* one byte per INTID */
#define GICR_ICFGR1     0x0c04          /* PPIs: 2 bits each, 0b10 edge */

#define INTID_SPURIOUS  1023u
/* Generic timer PPIs on -M virt (Server Base System Architecture numbers) */
#define PPI_CNTHP       26u             /* EL2 physical timer */
#define PPI_CNTV        27u             /* EL1 virtual timer */
#define PPI_CNTP        30u             /* EL1 physical timer */

static inline uint32_t mmio_read32(uintptr_t addr)
{
    return *(volatile uint32_t *)addr;
}

static inline void mmio_write32(uintptr_t addr, uint32_t v)
{
    *(volatile uint32_t *)addr = v;
}

static inline uintptr_t gicr_rd(unsigned cpu) { return GICR_BASE + GICR_STRIDE * cpu; }
static inline uintptr_t gicr_sgi(unsigned cpu) { return gicr_rd(cpu) + GICR_SGI; }

/* GICD_CTLR = ARE, then ARE | EnableGrp1 (waiting for RWP after each). */
void gicd_init(void);
/* Clears GICR_WAKER.ProcessorSleep and waits for ChildrenAsleep = 0. */
void gicr_wake(unsigned cpu);
/* SGI or PPI `intid` of `cpu`: Group 1, priority, edge/level left as reset
 * (SGIs are always edge, the timer PPIs are level), enabled. */
void gicr_enable_private(unsigned cpu, unsigned intid, uint8_t priority);
/* CPU interface of the calling CPU: ICC_SRE_EL2 = SRE|DFB|DIB|Enable when at
 * EL2, ICC_SRE_EL1 = SRE|DFB|DIB, ICC_PMR_EL1 = 0xff, ICC_BPR1_EL1 = 0,
 * ICC_CTLR_EL1.EOImode = 0, ICC_IGRPEN1_EL1 = 1; ISBs between. */
void gic_cpuif_init(void);
/* ICC_SGI1R_EL1 value for SGI `intid` to the CPU with affinity `mpidr`
 * (TargetList bit Aff0, which must be < 16). */
uint64_t gic_sgi1r_value(unsigned intid, uint64_t mpidr);

#endif
