/*
 * vm_psci - PSCI for the vCPUs of a VM, over HVC (an ordinary VM test: no
 * seed bug; run with --vcpus 4; any number of pCPUs).  The run ends with
 * PSCI SYSTEM_OFF instead of a semihosting exit.
 *
 * Scenario (MMU and caches off throughout on every vCPU, so all shared
 * data is in memory):
 *  - PSCI_VERSION, PSCI_FEATURES (a known and an unknown function).
 *  - AFFINITY_INFO: vcpu0 is ON, vCPUs 1..3 are OFF, MPIDR Aff0 = 4 does
 *    not exist (INVALID_PARAMETERS); CPU_ON of Aff0 = 4 fails the same way.
 *  - CPU_ON of vCPUs 1..3 at secondary_entry with a context id (x0 at
 *    entry: the vCPU's start block): each records MPIDR_EL1 in the slot its
 *    start block names, then YIELDs until vcpu0 lets it go, and returns
 *    (then CPU_OFF).  CPU_ON of vcpu0, or of a vCPU again while it waits,
 *    is refused (ALREADY_ON or ON_PENDING); vcpu0 lets them go, YIELDs
 *    until AFFINITY_INFO says each is OFF and checks what they recorded;
 *    vCPU 1 is started a second time.
 *  - The TAP plan is printed, then SYSTEM_OFF (if any check failed the
 *    guest exits with status 1 through semihosting instead).
 *
 * Rules: PSCI (Arm DEN 0022) CPU_ON, CPU_OFF, AFFINITY_INFO, SYSTEM_OFF,
 * PSCI_VERSION, PSCI_FEATURES; SMCCC (DEN 0028) for the HVC conduit; a
 * vCPU's MPIDR_EL1 reads VMPIDR_EL2 (Aff0 = vCPU index here, D24.2).
 *
 * Expected (TAP, 18 checks): all ok, then "hyp: vm0 called PSCI
 * SYSTEM_OFF" and the run ends with status 0 - on a64emu and on QEMU.
 */
#include "common.h"

#define NVCPUS      4u

static volatile struct {
    uint64_t mpidr;         /* MPIDR_EL1 of the vCPU that ran with start block n */
    uint64_t runs;
} __attribute__((aligned(64))) seen[NVCPUS];
static volatile uint64_t release;   /* vcpu0 -> the others: you may stop */

static void secondary(unsigned n)
{
    seen[n].mpidr = read_sysreg(mpidr_el1);
    seen[n].runs = seen[n].runs + 1;
    dsb(sy);
    for (unsigned i = 0; i < WAIT_YIELDS && !release; i++)
        hyp_yield();
}

static int is_refusal(int32_t r)
{
    return r == PSCI_ALREADY_ON || r == PSCI_ON_PENDING;
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)(uintptr_t)vectors_el1);
    psci_init();
    check("PSCI_VERSION is 1.0 or later", (uint64_t)psci_version() >= 0x10000, 1);
    check("PSCI_FEATURES(CPU_ON64) is supported", (uint64_t)(int64_t)psci_features(PSCI_CPU_ON64), PSCI_SUCCESS);
    check("PSCI_FEATURES(MIGRATE64) is not", (uint64_t)(int64_t)psci_features(PSCI_MIGRATE64),
          (uint64_t)(int64_t)PSCI_NOT_SUPPORTED);
    check("AFFINITY_INFO(vcpu0) = ON", (uint64_t)(int64_t)psci_affinity_info(0), PSCI_AFF_ON);
    int off = 1;
    for (unsigned n = 1; n < NVCPUS; n++)
        off &= psci_affinity_info(n) == PSCI_AFF_OFF;
    check("AFFINITY_INFO(vCPUs 1-3) = OFF (needs --vcpus 4)", off, 1);
    check("AFFINITY_INFO(Aff0 = 4, no such vCPU) = INVALID_PARAMETERS",
          (uint64_t)(int64_t)psci_affinity_info(NVCPUS), (uint64_t)(int64_t)PSCI_INVALID_PARAMETERS);
    check("CPU_ON(Aff0 = 4) = INVALID_PARAMETERS",
          (uint64_t)(int64_t)psci_cpu_on(NVCPUS, (uint64_t)(uintptr_t)secondary_entry, 0),
          (uint64_t)(int64_t)PSCI_INVALID_PARAMETERS);
    check("CPU_ON(vcpu0, itself) is refused (ALREADY_ON)",
          (uint64_t)(int64_t)psci_cpu_on(0, (uint64_t)(uintptr_t)secondary_entry, 0),
          (uint64_t)(int64_t)PSCI_ALREADY_ON);

    int started = 1, refused = 1, pending = 1;
    for (unsigned n = 1; n < NVCPUS; n++) {
        started &= vcpu_start(n, 0, secondary) == PSCI_SUCCESS;
        int32_t a = psci_affinity_info(n);
        pending &= a == PSCI_AFF_ON || a == PSCI_AFF_ON_PENDING;
        refused &= is_refusal(psci_cpu_on(n, (uint64_t)(uintptr_t)secondary_entry,
                                          (uint64_t)(uintptr_t)&vcpu_starts[n].boot));
    }
    check("CPU_ON(vCPUs 1-3) = SUCCESS", started, 1);
    check("  ... AFFINITY_INFO right after: ON or ON_PENDING", pending, 1);
    check("  ... a second CPU_ON before it is OFF is refused (ALREADY_ON or ON_PENDING)", refused, 1);
    release = 1;
    dsb(sy);
    off = 1;
    for (unsigned n = 1; n < NVCPUS; n++)
        off &= wait_off(n);
    check("vCPUs 1-3 ran and called CPU_OFF (AFFINITY_INFO = OFF again)", off, 1);
    int mpidr = 1, once = 1;
    for (unsigned n = 1; n < NVCPUS; n++) {
        mpidr &= (seen[n].mpidr & 0xff) == n && (seen[n].mpidr >> 31 & 1) == 1;
        once &= seen[n].runs == 1;
    }
    check("the vCPU started with context id n (its start block) reads MPIDR_EL1 Aff0 = n, bit 31 = 1",
          mpidr, 1);
    check("each vCPU ran its entry once", once, 1);

    check("CPU_ON(vcpu1) again, after CPU_OFF = SUCCESS",
          (uint64_t)(int64_t)vcpu_start(1, 0, secondary), PSCI_SUCCESS);
    check("  ... it runs and turns itself OFF again", wait_off(1), 1);
    check("  ... its entry ran a second time", seen[1].runs, 2);
    check("vcpu0 is still ON", (uint64_t)(int64_t)psci_affinity_info(0), PSCI_AFF_ON);

    int status = tap_done();
    if (status == 0) {
        psci_system_off();
        printf("Bail out! PSCI SYSTEM_OFF returned\n");
    }
    return 1;
}
