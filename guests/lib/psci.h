/*
 * psci.h - PSCI calls (Arm DEN 0022, SMC Calling Convention DEN 0028).
 *
 * The conduit is the one QEMU -M virt (and a64emu) use: SMC when the machine
 * has EL2 (the guest boots at EL2, `virtualization=on` / `--el 2`: HVC would
 * go to the guest's own EL2), HVC when it boots at EL1.  psci_init() picks it
 * from the EL it runs at, so call it once at boot, before leaving the boot EL.
 *
 * Return values of SMC32/HVC32 functions are 32-bit (SMCCC: the upper half
 * of x0 is not defined), so compare them as int32_t.
 */
#ifndef A64EMU_PSCI_H
#define A64EMU_PSCI_H

#include <stdint.h>

#define PSCI_VERSION            0x84000000u
#define PSCI_CPU_SUSPEND64      0xc4000001u
#define PSCI_CPU_OFF            0x84000002u
#define PSCI_CPU_ON64           0xc4000003u
#define PSCI_AFFINITY_INFO64    0xc4000004u
#define PSCI_MIGRATE64          0xc4000005u
#define PSCI_MIGRATE_INFO_TYPE  0x84000006u
#define PSCI_SYSTEM_OFF         0x84000008u
#define PSCI_SYSTEM_RESET       0x84000009u
#define PSCI_FEATURES           0x8400000au

#define PSCI_SUCCESS             0
#define PSCI_NOT_SUPPORTED      -1
#define PSCI_INVALID_PARAMETERS -2
#define PSCI_DENIED             -3
#define PSCI_ALREADY_ON         -4
#define PSCI_ON_PENDING         -5
#define PSCI_INTERNAL_FAILURE   -6

/* AFFINITY_INFO results */
#define PSCI_AFF_ON         0
#define PSCI_AFF_OFF        1
#define PSCI_AFF_ON_PENDING 2

void     psci_init(void);           /* conduit: SMC if at EL2, else HVC */
int      psci_uses_smc(void);
uint64_t psci_call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3);

static inline int32_t psci_version(void) { return (int32_t)psci_call(PSCI_VERSION, 0, 0, 0); }
static inline int32_t psci_features(uint32_t fid) { return (int32_t)psci_call(PSCI_FEATURES, fid, 0, 0); }
static inline int32_t psci_affinity_info(uint64_t mpidr) { return (int32_t)psci_call(PSCI_AFFINITY_INFO64, mpidr, 0, 0); }
static inline int32_t psci_cpu_on(uint64_t mpidr, uint64_t entry, uint64_t context)
{
    return (int32_t)psci_call(PSCI_CPU_ON64, mpidr, entry, context);
}
/* These return only on failure. */
int32_t psci_cpu_off(void);
int32_t psci_system_off(void);

/*
 * Secondary CPUs (smp.S): psci_cpu_on(mpidr, (uint64_t)secondary_entry,
 * (uint64_t)&boot) starts a CPU at secondary_entry with x0 = &boot; it sets
 * SP = boot.stack_top and calls boot.fn(boot.arg); if fn returns, the CPU
 * calls CPU_OFF.  Each CPU needs its own stack (16-byte aligned top).
 */
struct smp_boot {
    uint64_t stack_top;
    void   (*fn)(uint64_t arg);
    uint64_t arg;
};
extern char secondary_entry[];

#endif
