/*
 * seed000_vpipt_remap - a page of code the host rewrites behind the guest's
 * back lands in a host page whose old instructions the guest's VMID still
 * has in a VMID-tagged (VPIPT) instruction cache (arch-notes.md §1.0; KVM
 * commit 87da236ebc71 "arm64: KVM: Add support for VPIPT I-caches", v4.12).
 *
 * Scenario (1 vCPU; MMU and caches on, identity map; scratch pages Y, Z, X
 * are RW and executable at EL1; every step is done for each I-cache line
 * of the page, CTR_EL0.IminLine, so that the result does not depend on
 * which sets the hypervisor's own code evicts from the 4-way L1 I-cache
 * while it handles the calls - with one line, the default 32KB cache
 * loses it to the host's fetches):
 *  1. The guest writes MOV X0, #3; RET at the start of every line of Y (the
 *     first access: Y gets a fresh host page P'), DC CVAU, DSB ISH, IC
 *     IVAU, DSB ISH, ISB, and calls each line: X0 = 3.  P''s lines are now
 *     in the I-cache, tagged with the VM's VMID.
 *  2. It writes MOV X0, #2; RET the same way into the data page Z (so Z
 *     has a host page: REMAP_COPY below must not allocate one for its
 *     source).
 *  3. HVC UNMAP(Y): Y leaves stage 2 (break-before-make, TLBI) and P' is
 *     freed.
 *  4. HVC REMAP_COPY(X, Z), X never touched before: X gets a new host page,
 *     which by the pool's last-in first-out reuse is P' again; the host
 *     copies Z into it through its cacheable mapping and does its
 *     flush_icache_range (DC CVAC, IC IVAU by the host's VA).  With --trace
 *     the hypervisor shows "copied ... into P'" and X's stage-2 map to P',
 *     Y's old PA.
 *  5. The guest calls each line of X and checks X0 == 2 (it never wrote X,
 *     so it does no I-cache maintenance for it: from its point of view X
 *     is new memory); a "#" line says how many lines ran the old code.
 *
 * Rule (arch-notes §1.0): with CTR_EL0.L1Ip = VPIPT (Armv8.2 until the
 * 2023 ARM ARM, now reserved) I-cache lines are tagged with the VMID at
 * allocation, a fetch hits only lines of the current VMID, and IC
 * instructions executed at EL1 affect only lines of the current VMID
 * (D8.18.2 as it was; I-cache lines may otherwise stay indefinitely,
 * D7.5.7).  The nVHE host runs at EL1 with the host VMID, so its IC IVAU
 * misses the guest's lines for P'; at EL2 (VHE host, or the fix's IC
 * IALLUIS in the unmap TLB-flush path) the maintenance is not restricted.
 *
 * Expected (TAP, 5 checks):
 *  - fix on (vpipt-icache-on-unmap: IC IALLUIS at EL2 when a stage-2 entry
 *    is removed, nVHE + VPIPT): X0 = 2 on every line, exit 0.
 *  - --icache-policy vpipt --mode nvhe --without-fix vpipt-icache-on-unmap:
 *    "not ok 4 ... # got 0x3 expected 0x2" (the guest runs Y's old code
 *    from lines tagged with its VMID: 43-49 of the 64 with seeds 0-5),
 *    exit 1.
 *  - controls that pass without the fix: --mode vhe (the host's IC IVAU
 *    runs at EL2), --icache-policy pipt (IC IVAU by PA reaches every line).
 *  - QEMU (no caches): passes.
 */
#include "common.h"

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)(uintptr_t)vectors_el1);
    note_machine();
    identity_build(&space);
    mmu_on_ttbr(mmu_root(&space));

    unsigned line = icache_line_size(), lines = PAGE_SIZE / line;
    uintptr_t y = scratch(0), z = scratch(1), x = scratch(2);

    /* Y: MOV X0, #3; RET at the start of every I-cache line, each called
     * once, so that the page's lines are in every set they can be in. */
    for (unsigned i = 0; i < lines; i++)
        emit_const((volatile uint32_t *)(y + i * line), 3);
    sync_icache_range(y, y + PAGE_SIZE);
    uint64_t bad = 3;
    for (unsigned i = 0; i < lines; i++) {
        uint64_t r = run_code(y + i * line);
        if (r != 3) {
            bad = r;
            break;
        }
    }
    check("Y = MOV X0, #3; RET in every line, written and synchronised (DC CVAU, IC IVAU): "
          "calling each line gives 3",
          bad, 3);

    for (unsigned i = 0; i < lines; i++)
        emit_const((volatile uint32_t *)(z + i * line), 2);
    dsb(ish);

    check("HVC UNMAP(Y): Y's host page is freed", (uint64_t)hyp_unmap(y), 0);
    check("HVC REMAP_COPY(X, Z): X, never touched, gets a new host page (Y's old one, LIFO) "
          "holding a copy of Z",
          (uint64_t)hyp_remap_copy(x, z), 0);
    isb();
    unsigned stale = 0;
    uint64_t first = 2;
    for (unsigned i = 0; i < lines; i++) {
        uint64_t r = run_code(x + i * line);
        if (r != 2 && stale++ == 0)
            first = r;
    }
    printf("# %u of the %u lines of X ran Y's old code\n", stale, lines);
    check("calling each line of X runs the copy of Z (MOV X0, #2), not Y's old code left in the "
          "I-cache under the VM's VMID (the first line that does not)",
          first, 2);
    check("  ... and X reads as MOV X0, #2 through the data side", ((volatile uint32_t *)x)[0],
          INSN_MOVZ_X0(2));
    return tap_done();
}
