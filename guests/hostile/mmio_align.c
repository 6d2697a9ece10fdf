/*
 * mmio_align - unaligned accesses to Device memory, including DC ZVA
 * (boots at EL1, MMU off: every data access is Device-nGnRnE, D8.2.12).
 *
 * Rules (Arm ARM DDI 0487):
 *  - B2.5.2 "Alignment of data accesses" and AArch64.CheckAlignment: an
 *    unaligned access to any type of Device memory takes an Alignment fault
 *    (DFSC 0b100001) whatever SCTLR_EL1.A says, before any byte is accessed
 *    (so the device never sees it).  LDP/STP are checked per element.
 *  - DC ZVA (C5.3.x DC ZVA): "If the memory region being zeroed is any
 *    type of Device memory, this instruction generates an Alignment fault"
 *    (reported as a write, WnR = 1, CM = 0); that holds for a hole as well
 *    (the MMU-off map makes it Device before anything is accessed).
 *
 * nodiff: QEMU 7.2 has no memory-type alignment check (see mmu/faults_align),
 * and its DC ZVA zeroes Device memory.
 */
#include "harness.h"

#define UART        0x09000000ull
#define GICD        0x08000000ull
#define HOLE        0x09001000ull

static void align_rd(const char *what, uint64_t (*probe)(uint64_t), const char *insn, uint64_t va)
{
    reset();
    uint64_t r = probe(va);
    expect_fault(what, 1, ESR_OF(EC_DABT_CUR, FSC_ALIGN), va, INSN(insn), r);
}

static void align_wr(const char *what, uint64_t (*probe)(uint64_t, uint64_t), const char *insn, uint64_t va)
{
    reset();
    uint64_t r = probe(va, 0x4141414141414141ull);
    expect_fault(what, 1, ESR_OF(EC_DABT_CUR, WNR | FSC_ALIGN), va, INSN(insn), r);
}

static void zva(const char *what, uint64_t va)
{
    reset();
    uint64_t r = probe_zva(va);
    expect_fault(what, 1, ESR_OF(EC_DABT_CUR, WNR | FSC_ALIGN), va, INSN(probe_zva_insn), r);
}

static volatile uint64_t ram[16] __attribute__((aligned(64)));

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    align_rd("LDRH at PL011 + 0x19: Alignment fault", probe_ld16, probe_ld16_insn, UART + 0x19);
    align_rd("LDR W at PL011 + 0x1a", probe_ld32, probe_ld32_insn, UART + 0x1a);
    align_rd("LDR X at GICD + 0x4", probe_ld64, probe_ld64_insn, GICD + 0x4);
    align_wr("STR W to PL011 + 0x2 (UARTDR, misaligned): nothing printed", probe_st32, probe_st32_insn, UART + 0x2);
    align_wr("STRH to PL011 + 0x1", probe_st16, probe_st16_insn, UART + 0x1);
    align_wr("STR X to GICD + 0x404 (IPRIORITYR)", probe_st64, probe_st64_insn, GICD + 0x404);
    align_rd("LDP X at PL011 + 0x4", probe_ldp, probe_ldp_insn, UART + 0x4);
    align_rd("LDR X at a hole + 1 (alignment before the External abort)", probe_ld64, probe_ld64_insn, HOLE + 1);
    zva("DC ZVA on the PL011 page", UART + 0x40);
    zva("DC ZVA on a hole", HOLE);
    ram[3] = 0x1234;
    zva("DC ZVA on RAM with the MMU off (Device-nGnRnE)", (uint64_t)(uintptr_t)ram);
    check("  ... and RAM is not zeroed", ram[3], 0x1234);
    return tap_done();
}
