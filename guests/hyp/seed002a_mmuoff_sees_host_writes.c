/*
 * seed002a_mmuoff_sees_host_writes - the host writes a guest page through
 * its cacheable mapping and leaves the data dirty in the data cache; the
 * guest, MMU off, reads memory and must still see it (arch-notes.md §1.2,
 * scenario A; KVM v3.15 "arm64: KVM: flush VM pages before letting the
 * guest enable caches", the clean to PoC at stage-2 fault time).
 *
 * Scenario (1 vCPU; MMU and caches off throughout, SCTLR_EL1.M = C = 0):
 *  1. HVC REMAP_FILL(P, 0x3333333333333333), P a scratch page never
 *     touched: the host gives P a new page, zeroes it and fills it with
 *     the pattern by cacheable stores, and leaves the lines dirty.
 *  2. The guest loads the first and the last word of P (Device-nGnRnE
 *     accesses, M = 0): the first one takes the stage-2 fault that maps P.
 *
 * Rule: with SCTLR_EL1.M = 0 data accesses are Device-nGnRnE (D8.2.12.1;
 * HCR_EL2.DC = 0), with C = 0 Normal Non-cacheable (D7.5.5), and with
 * FWB = 0 the combined attribute is the stage-1 one (D8.6.5.2): the guest
 * reads memory (the PoC) and does not see dirty lines (B2.11 mismatched
 * attributes).  The guest cannot fix it itself: at EL1 with HCR_EL2.VM = 1
 * it has no way to discard or reach the host's lines for memory it has
 * never mapped, and its own DC IVAC would be a clean anyway (D7.5.9.2).
 *
 * Expected (TAP, 4 checks):
 *  - fix on (clean-on-fault-when-caches-off: DC CIVAC of the page when
 *    mapping it at stage 2 while the vCPU's M or C is 0): both words are
 *    0x3333333333333333, exit 0.
 *  - --without-fix clean-on-fault-when-caches-off: "not ok 3 ... # got 0x0
 *    expected 0x3333333333333333" (memory still holds what the page held
 *    before: a fresh page, zero), and not ok 4, exit 1.
 *  - QEMU (no caches): passes.
 *  - --fwb 1 (the hypervisor uses FEAT_S2FWB, as KVM does): passes without
 *    the fix.
 */
#include "common.h"

#define PATTERN 0x3333333333333333ull

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)(uintptr_t)vectors_el1);
    check("SCTLR_EL1.M = C = 0 (MMU and data caches off)", read_sysreg(sctlr_el1) & (SCTLR_M | SCTLR_C), 0);
    uintptr_t p = scratch(0);
    check("HVC REMAP_FILL(P, 0x3333333333333333): the host fills a new page, left dirty",
          (uint64_t)hyp_remap_fill(p, PATTERN), 0);
    uint64_t first = ((volatile uint64_t *)p)[0];
    uint64_t last = ((volatile uint64_t *)p)[PAGE_SIZE / 8 - 1];
    check("MMU off, the first word of P is the host's pattern", first, PATTERN);
    check("MMU off, the last word of P is the host's pattern", last, PATTERN);
    return tap_done();
}
