/*
 * vm_fpsimd - the hypervisor's world switch keeps each vCPU's FP/SIMD
 * registers (an ordinary VM test: no seed bug; run with --vcpus 2 --smp 1,
 * so that both vCPUs share one physical CPU).
 *
 * Scenario: vcpu0 starts vcpu1; each fills V0-V31, FPCR (a rounding mode of
 * its own) and FPSR with the pattern of its own seed (vm_fpsimd.S), then
 * YIELDs 50 times - every YIELD runs the other vCPU on the same physical
 * CPU, which fills the same registers with its pattern - and after every
 * YIELD counts the registers that lost its pattern.
 *
 * Rules: V0-V31, FPCR and FPSR are per-PE state that an EL1 guest owns
 * (B1.2, "Registers in AArch64 Execution state"); a hypervisor that runs
 * two vCPUs on one PE must save and restore them (KVM's
 * __fpsimd_save_state / __fpsimd_restore_state), or each vCPU sees the
 * other's values.
 *
 * Expected (TAP, 4 checks): no register changed, for both vCPUs; exit 0,
 * with every fix on or off and on QEMU.
 */
#include "common.h"

#define ROUNDS 50u

uint64_t fp_fill(uint64_t seed, uint64_t fpcr);
uint64_t fp_check(uint64_t seed, uint64_t fpcr);

static volatile struct {
    uint64_t mismatches[2];
    uint64_t done;
} __attribute__((aligned(64))) sh;

static void work(unsigned n)
{
    uint64_t seed = 0x5a5a5a5a00000000ull + 0x1111111111ull * (n + 1);
    uint64_t fpcr = (uint64_t)(n + 1) << 22;        /* RMode: RP for vcpu0, RM for vcpu1 */
    uint64_t bad = 0;
    fp_fill(seed, fpcr);
    for (unsigned i = 0; i < ROUNDS; i++) {
        hyp_yield();
        bad += fp_check(seed, fpcr);
    }
    sh.mismatches[n] = bad;
    __atomic_fetch_add(&sh.done, 1, __ATOMIC_SEQ_CST);
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)(uintptr_t)vectors_el1);
    psci_init();
    identity_build(&space);
    mmu_on_ttbr(mmu_root(&space));
    check("PSCI CPU_ON of vCPU 1 (needs --vcpus 2)", vcpu_start(1, mmu_root(&space), work) == PSCI_SUCCESS, 1);
    work(0);
    check("both vCPUs finished", wait_for(&sh.done, 2), 1);
    check("vcpu0: V0-V31, FPCR and FPSR kept across 50 YIELDs", sh.mismatches[0], 0);
    check("vcpu1: V0-V31, FPCR and FPSR kept across 50 YIELDs", sh.mismatches[1], 0);
    return tap_done();
}
