/*
 * world_switch.c - saving and loading a vCPU's EL1 registers (KVM's
 * __sysreg_save_el1_state / __sysreg_restore_el1_state): the list is
 * VCPU_SYSREGS in hyp.h; with HCR_EL2.E2H = 1 (VHE) EL2 reaches the EL1
 * registers through their _EL12 / _EL02 names (FEAT_VHE, D5.6.2).
 */
#include "hyp.h"
#include "sysreg.h"

void sysregs_load(const struct vcpu_regs *c, int vhe)
{
    if (vhe) {
#define X(name, el1, el12) write_sysreg(el12, c->sys[VCPU_##name]);
        VCPU_SYSREGS(X)
#undef X
    } else {
#define X(name, el1, el12) write_sysreg(el1, c->sys[VCPU_##name]);
        VCPU_SYSREGS(X)
#undef X
    }
    isb();
}

void sysregs_save(struct vcpu_regs *c, int vhe)
{
    if (vhe) {
#define X(name, el1, el12) c->sys[VCPU_##name] = read_sysreg(el12);
        VCPU_SYSREGS(X)
#undef X
    } else {
#define X(name, el1, el12) c->sys[VCPU_##name] = read_sysreg(el1);
        VCPU_SYSREGS(X)
#undef X
    }
}

