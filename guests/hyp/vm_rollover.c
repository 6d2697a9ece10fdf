/*
 * vm_rollover.c - more VMs than VMIDs: every VM runs this program, with the
 * hypervisor's `--vms 3 --vmid-limit 2`, so VMIDs are reused and the
 * hypervisor must start a new VMID generation and invalidate every TLB
 * entry (TLBI ALLE1IS) and I-cache line (IC IALLUIS) of the old one, as
 * KVM's VMID allocator does (arch-notes.md §1.0, the rollover paragraph).
 *
 * Each VM maps the same VA (TEST_VA) with the same ASID and the same IPA,
 * to its own RAM (the VMs' IPAs are backed by different host pages), writes
 * a value of its own there (the counter when it started: VMs start at
 * different times), and then, over several rounds, YIELDs (another VM runs
 * on this CPU and fills the TLB with its entry for TEST_VA, under a VMID this
 * VM may get next) and reads TEST_VA again.  A TLB entry left from another
 * VM whose VMID this VM inherited without the rollover flush would return
 * that VM's value: "not ok" and exit status 1 for the whole run.
 *
 * The VMs share the console, so the program prints only `#` lines (no TAP
 * plan: several VMs print); the run passes when every VM has finished its
 * rounds and called PSCI SYSTEM_OFF (the hypervisor ends the machine with
 * status 0 when the last VM is off).
 */
#include "common.h"

#define TEST_VA  0x4000000000ull        /* 256 GiB: outside the identity map */
#define ROUNDS   6

int main(void)
{
    identity_build(&space);
    /* TEST_VA -> scratch page 0 of this VM, non-global, ASID 7 */
    *mmu_pte(&space, TEST_VA, 3) = mmu_leaf(scratch(0), PTE_NORMAL | PTE_AP_RW_EL1 | PTE_UXN | PTE_PXN | PTE_NG, 3);
    mmu_on_ttbr(mmu_root(&space) | TTBR_ASID(7));

    volatile uint64_t *v = (volatile uint64_t *)TEST_VA;
    uint64_t mine = read_sysreg(cntpct_el0) | 1;
    *v = mine;
    for (unsigned round = 0; round < ROUNDS; round++) {
        hyp_yield();
        uint64_t seen = *v;
        if (seen != mine) {
            printf("not ok - round %u: TEST_VA holds another VM's value # got 0x%lx expected 0x%lx\n",
                   round, (unsigned long)seen, (unsigned long)mine);
            sys_exit(1);
        }
        /* a new value each round, so a stale entry cannot match by chance */
        mine += 2;
        *v = mine;
    }
    printf("# a VM finished %u rounds with its own TEST_VA\n", ROUNDS);
    psci_system_off();
    return 1;
}
