/* psci.c - PSCI calls over SMC or HVC (see psci.h). */
#include "psci.h"
#include "sysreg.h"

static int use_smc;

void psci_init(void)
{
    use_smc = current_el() == 2;
}

int psci_uses_smc(void)
{
    return use_smc;
}

uint64_t psci_call(uint64_t fid, uint64_t a1, uint64_t a2, uint64_t a3)
{
    register uint64_t x0 __asm__("x0") = fid;
    register uint64_t x1 __asm__("x1") = a1;
    register uint64_t x2 __asm__("x2") = a2;
    register uint64_t x3 __asm__("x3") = a3;
    /* SMCCC: x0-x17 may be corrupted by the callee (v1.0), x18-x30 and SP kept */
    if (use_smc)
        __asm__ volatile("smc #0"
                         : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
                         :
                         : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",
                           "x12", "x13", "x14", "x15", "x16", "x17", "memory");
    else
        __asm__ volatile("hvc #0"
                         : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3)
                         :
                         : "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",
                           "x12", "x13", "x14", "x15", "x16", "x17", "memory");
    return x0;
}

int32_t psci_cpu_off(void)
{
    return (int32_t)psci_call(PSCI_CPU_OFF, 0, 0, 0);
}

int32_t psci_system_off(void)
{
    return (int32_t)psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
}
