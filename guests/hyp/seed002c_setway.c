/*
 * seed002c_setway - as seed002b_enable_caches_after_nc_writes, but the
 * guest also cleans and invalidates its data caches by set/way (the loop
 * over every level firmware runs before turning caches on), and the stale
 * clean line sits in ANOTHER physical CPU's L1, where the guest's set/way
 * operations cannot reach (arch-notes.md §1.2; KVM v4.0 3c1e71650833
 * "arm/arm64: KVM: Use set/way op trapping to track the state of the
 * caches").  Needs --smp 2.
 *
 * Scenario (1 vCPU, 2 pCPUs):
 *  1. MMU off: the guest stores 0x1111111111111111 to every word of the
 *     scratch page P (memory).
 *  2. HVC MOVE(1): the vCPU now runs on pCPU 1.
 *  3. HVC HOST_READ(P) on pCPU 1: clean 0x11.. lines in pCPU 1's L1.
 *  4. HVC MOVE(0): back on pCPU 0.
 *  5. DC CISW on every set and way of every data/unified level up to
 *     CLIDR_EL1.LoC (geometry from CCSIDR_EL1, dcache_cisw_all), DSB SY.
 *  6. MMU off: stores 0x2222222222222222 to every word of P.
 *  7. Identity map, MMU and caches on; loads the first and last word of P.
 * SETWAY_LOCAL (seed002c_setway_local): no MOVEs, everything on pCPU 0.
 *
 * Rules: as seed002b (B2.11, D8.2.12.1, D7.5.1), and set/way operations
 * act only on the caches of the PE that executes them (D7.5.9: they are
 * not broadcast; with HCR_EL2.VM = 1 DC ISW is a DC CISW, D7.5.9.2), so a
 * VM cannot clean what another pCPU caches for it: the hypervisor must
 * trap them (HCR_EL2.TSW) and act by VA.
 *
 * Expected (TAP, 7 checks; 5 for SETWAY_LOCAL):
 *  - fix on (trap-vm-regs-until-caches-on: TVM and TSW from reset; a
 *    trapped set/way operation flushes every mapped page of the VM to the
 *    PoC by VA, DC CIVAC, which reaches every CPU's caches, unless TVM is
 *    already set - as here, from reset, like KVM's kvm_set_way_flush - and
 *    the trapped SCTLR_EL1 write that turns the caches on flushes the VM):
 *    0x22.., exit 0.
 *  - --smp 2 --without-fix trap-vm-regs-until-caches-on: the set/way loop
 *    runs natively on pCPU 0 (its L1 and the shared L2); pCPU 1's clean
 *    0x11.. line survives and the coherent cacheable read returns it:
 *    "not ok 6 ... # got 0x1111111111111111 expected 0x2222222222222222"
 *    (and not ok 7), exit 1.
 *  - control, seed002c_setway_local (no MOVEs) without the fix: the host's
 *    line is in pCPU 0's L1 and the L2, which the local set/way loop
 *    reaches: passes.
 *  - QEMU (no caches): passes.
 */
#include "common.h"

#define OLD 0x1111111111111111ull
#define NEW 0x2222222222222222ull

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)(uintptr_t)vectors_el1);
    check("SCTLR_EL1.M = C = 0 (MMU and data caches off)", read_sysreg(sctlr_el1) & (SCTLR_M | SCTLR_C), 0);
    uintptr_t p = scratch(0);
    fill_page(p, OLD);
#ifndef SETWAY_LOCAL
    hyp_move(1);
    check("HVC MOVE(1): the vCPU runs on pCPU 1 (needs --smp 2)", hyp_current_cpu(), 1);
#endif
    check("HVC HOST_READ(P): the host reads the guest's 0x11.. through its cacheable mapping",
          hyp_host_read(p), OLD);
#ifndef SETWAY_LOCAL
    hyp_move(0);
    check("HVC MOVE(0): the vCPU runs on pCPU 0 again", hyp_current_cpu(), 0);
#endif
    dcache_cisw_all();
    fill_page(p, NEW);
    identity_build(&space);
    mmu_on_ttbr(mmu_root(&space));
    check("MMU and caches on", read_sysreg(sctlr_el1) & (SCTLR_M | SCTLR_C), SCTLR_M | SCTLR_C);
    volatile uint64_t *w = (volatile uint64_t *)p;
    check("after DC CISW over every level and MMU and caches on: the first word of P is the "
          "guest's last write (0x22..), not the host's clean line",
          w[0], NEW);
    check("  ... and the last word of P (0x22..)", w[PAGE_SIZE / 8 - 1], NEW);
    return tap_done();
}
