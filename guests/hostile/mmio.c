/*
 * mmio - a guest that pokes the physical map where it should not: holes,
 * the byte past RAM, addresses above the PA size, and device registers
 * with sizes and offsets they were not designed for.  Boots at EL1, MMU
 * off (every data access is Device-nGnRnE, D8.2.12); run with --memory
 * 128M (QEMU -m 128M) so that RAM ends at 0x4800_0000 on both.
 *
 * Rules (Arm ARM DDI 0487):
 *  - An access to a PA with nothing behind it is a synchronous External
 *    abort (AArch64.Abort, Fault_SyncExternal): Data Abort, EC 0x25 from
 *    EL1, DFSC 0b010000, WnR = 1 for writes, FAR = the VA (= PA), ELR = the
 *    access.  0x0900_1000 and 0x0900_FFFF lie between QEMU virt's PL011
 *    and PL031 (unassigned there as on a64emu).
 *  - MMU off: a data VA at or above the PA size takes an Address size
 *    fault at level 0 (D8.2.12; TCR_EL1.TBI0 = 0 here so the top byte
 *    counts, AArch64.S1DisabledOutput).
 *  - Naturally aligned accesses of any size to a peripheral complete; what
 *    a register does with an access size it does not support is up to the
 *    peripheral (PL011 TRM: the ID registers are read-only; GICv3 IHI 0069,
 *    12.1.? "GIC memory-mapped register access": GICD_IPRIORITYR<n> is
 *    byte-accessible, GICD_IROUTER<n> 64-bit accessible).  The checks are
 *    that they do not fault and that the byte-wide and 64-bit registers
 *    keep what was written (IROUTER: RES0 bits 38:32? no - Aff3 [39:32],
 *    IRM [31], Aff2-Aff0 [23:0]; bits 30:24 and 63:40 RES0).
 */
#include "harness.h"

#define HOLE        0x09001000ull
#define HOLE2       0x0900ffffull
#define RAM_END     0x48000000ull
#define ABOVE_PA    0x0100000000000000ull
#define UART        0x09000000ull
#define GICD        0x08000000ull
#define GICD_CTLR       (GICD + 0x0000)
#define GICD_TYPER      (GICD + 0x0004)
#define GICD_IPRIORITYR (GICD + 0x0400)
#define GICD_IROUTER    (GICD + 0x6000)

static void dabt_rd(const char *what, uint64_t (*probe)(uint64_t), const char *insn, uint64_t va,
                    unsigned fsc)
{
    reset();
    uint64_t r = probe(va);
    expect_fault(what, 1, ESR_OF(EC_DABT_CUR, fsc), va, INSN(insn), r);
}

static void dabt_wr(const char *what, uint64_t (*probe)(uint64_t, uint64_t), const char *insn, uint64_t va,
                    unsigned fsc)
{
    reset();
    uint64_t r = probe(va, 0x5a5a5a5a5a5a5a5aull);
    /* a store probe returns va when it completes; the handler gives FAULT_MARK */
    expect_fault(what, 1, ESR_OF(EC_DABT_CUR, WNR | fsc), va, INSN(insn), r);
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    write_sysreg(tcr_el1, 0);       /* TBI0 = 0: no top-byte ignore */
    isb();

    /* ---- holes ---- */
    dabt_rd("LDR X from a hole (0x09001000): External abort", probe_ld64, probe_ld64_insn, HOLE, FSC_SEA);
    dabt_wr("STR X to a hole: External abort, WnR = 1", probe_st64, probe_st64_insn, HOLE + 8, FSC_SEA);
    dabt_rd("LDRB from a hole (0x0900ffff)", probe_ld8, probe_ld8_insn, HOLE2, FSC_SEA);
    dabt_wr("STRH to a hole", probe_st16, probe_st16_insn, HOLE2 - 1, FSC_SEA);
    dabt_rd("LDP from a hole", probe_ldp, probe_ldp_insn, HOLE + 0x100, FSC_SEA);
    dabt_rd("LDR W from the first byte past RAM", probe_ld32, probe_ld32_insn, RAM_END, FSC_SEA);
    dabt_wr("STR X to the first byte past RAM", probe_st64, probe_st64_insn, RAM_END, FSC_SEA);
    dabt_wr("STRB one page past RAM", probe_st8, probe_st8_insn, RAM_END + 0x1000, FSC_SEA);
    dabt_rd("LDR X above the PA size (bit 56): Address size fault level 0", probe_ld64, probe_ld64_insn,
            ABOVE_PA, FSC_ADDR_SIZE(0));
    dabt_wr("STR X to 0xffff_ffff_ffff_fff0: Address size fault level 0", probe_st64, probe_st64_insn,
            0xfffffffffffffff0ull, FSC_ADDR_SIZE(0));
    reset();
    check("the last doubleword of RAM is still RAM", probe_st64(RAM_END - 8, 0x1122) == RAM_END - 8 &&
          probe_ld64(RAM_END - 8) == 0x1122, 1);
    expect_none("last doubleword of RAM");

    /* ---- the PL011 with sizes it does not expect ---- */
    reset();
    probe_st8(UART + 0xfe0, 0xff);          /* UARTPeriphID0, read-only */
    probe_st16(UART + 0xfe4, 0xffff);       /* UARTPeriphID1 */
    probe_st64(UART + 0xff0, ~0ull);        /* UARTPCellID0/1 as one doubleword */
    probe_st8(UART + 0x01c, 0xff);          /* reserved offset */
    expect_none("byte, halfword and doubleword writes to the PL011's read-only ID registers");
    reset();
    check("PL011 UARTPeriphID0 byte read = 0x11 (writes ignored)", probe_ld8(UART + 0xfe0), 0x11);
    check("PL011 UARTPCellID0 halfword read = 0x0d", probe_ld16(UART + 0xff0), 0x0d);
    check("PL011 UARTPCellID3 word read = 0xb1", probe_ld32(UART + 0xffc), 0xb1);
    expect_none("PL011 reads of every size");

    /* ---- the GIC distributor ---- */
    reset();
    uint64_t typer = probe_ld32(GICD_TYPER);
    probe_st16(GICD_TYPER, 0xffff);         /* read-only register, halfword write */
    probe_st8(GICD_TYPER + 3, 0xff);
    check("GICD_TYPER unchanged by byte and halfword writes", probe_ld32(GICD_TYPER), typer);
    probe_st8(GICD_IPRIORITYR + 40, 0xa0);  /* byte-accessible (INTID 40) */
    probe_st8(GICD_IPRIORITYR + 41, 0x60);
    check("GICD_IPRIORITYR byte writes read back (byte)", probe_ld8(GICD_IPRIORITYR + 41), 0x60);
    check("GICD_IPRIORITYR10 as a word holds both bytes", probe_ld32(GICD_IPRIORITYR + 40) & 0xffff, 0x60a0);
    probe_st64(GICD_IROUTER + 8 * 40, 0x0000000000000100ull);      /* Aff1 = 1 */
    check("GICD_IROUTER40 64-bit write reads back", probe_ld64(GICD_IROUTER + 8 * 40), 0x100);
    check("GICD_IROUTER40 low word read", probe_ld32(GICD_IROUTER + 8 * 40), 0x100);
    probe_st64(GICD_IROUTER + 8 * 40, 0);
    expect_none("GIC distributor accesses of every size");

    reset();
    check("the PL011 still prints after all that", 1, 1);
    expect_none("end");
    return tap_done();
}
