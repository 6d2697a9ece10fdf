/*
 * seed002b_enable_caches_after_nc_writes - the guest writes memory with its
 * caches off while the data cache still holds clean copies of those lines
 * (here: the host read the page); when it turns its MMU and caches on, its
 * cacheable reads hit the stale copies and lose its own writes
 * (arch-notes.md §1.2, scenario B; KVM v3.15 "arm64: KVM: trap VM system
 * registers until MMU and caches are ON" + "flush VM pages before letting
 * the guest enable caches").
 *
 * Scenario (1 vCPU):
 *  1. MMU off (SCTLR_EL1.M = 0): the guest stores 0x1111111111111111 to
 *     every word of the scratch page P (Device stores: to memory; the first
 *     one maps P).
 *  2. HVC HOST_READ(P): the host reads every line of P through its
 *     cacheable mapping - clean lines holding 0x11.. in the data cache of
 *     the pCPU it runs on (memory holds 0x11.. too).
 *  3. MMU still off: the guest stores 0x2222222222222222 to every word of
 *     P (memory; the cached clean lines are not updated).
 *  4. The guest builds its identity map (MMU off, plain stores) and turns
 *     the MMU and caches on (MAIR, TCR, TTBR0, SCTLR_EL1.M = C = I = 1,
 *     Normal Write-Back); it loads the first and last word of P.
 *
 * Rule: a Device or Non-cacheable store does not update a cached copy of
 * the location (D8.2.12.1, D7.5.5; B2.11 mismatched attributes: aliases
 * with different cacheability are not coherent without explicit
 * maintenance), and a clean line may stay in the cache indefinitely
 * (D7.5.1) and be hit by a later cacheable read.
 *
 * Expected (TAP, 5 checks):
 *  - fix on (trap-vm-regs-until-caches-on: HCR_EL2.TVM from reset; the
 *    trapped SCTLR_EL1 write that turns the caches on flushes every mapped
 *    page of the VM to the PoC by VA, DC CIVAC): both words 0x22.., exit 0.
 *  - --without-fix trap-vm-regs-until-caches-on: "not ok 4 ... # got
 *    0x1111111111111111 expected 0x2222222222222222" (and not ok 5), exit 1.
 *  - QEMU (no caches): passes.
 *  - --fwb 1 (the hypervisor uses FEAT_S2FWB, as KVM does): passes without
 *    the fix.
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
    check("HVC HOST_READ(P): the host reads the guest's 0x11.. through its cacheable mapping",
          hyp_host_read(p), OLD);
    fill_page(p, NEW);
    identity_build(&space);
    mmu_on_ttbr(mmu_root(&space));
    check("MMU and caches on", read_sysreg(sctlr_el1) & (SCTLR_M | SCTLR_C), SCTLR_M | SCTLR_C);
    volatile uint64_t *w = (volatile uint64_t *)p;
    check("caches on: the first word of P is the guest's last write (0x22..), not the host's "
          "clean line",
          w[0], NEW);
    check("caches on: the last word of P is the guest's last write (0x22..)", w[PAGE_SIZE / 8 - 1], NEW);
    return tap_done();
}
