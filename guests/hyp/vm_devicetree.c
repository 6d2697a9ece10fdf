/*
 * vm_devicetree.c - the device tree the hypervisor gives a VM (x0 at entry,
 * kept by crt0 in boot_x0): a flattened tree (Devicetree Specification v0.4
 * §5) that says what the VM has, as QEMU's and KVM's do: RAM at 0x4000_0000
 * (256 MiB), one /cpus/cpu@N per vCPU with enable-method "psci", /psci with
 * method "hvc", the PL011 at 0x0900_0000, the generic timer, and
 * /chosen/stdout-path.  The number of cpu nodes is checked against PSCI:
 * AFFINITY_INFO answers for every vCPU the tree names and refuses
 * (INVALID_PARAMETERS) the MPIDR after the last.
 */
#include "common.h"
#include "string.h"

extern uint64_t boot_x0;

static uint32_t be32(const uint8_t *p) { return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]; }

int main(void)
{
    const uint8_t *fdt = (const uint8_t *)boot_x0;
    check("x0 at entry points at the base of RAM", boot_x0, 0x40000000);
    if (!fdt || be32(fdt) != 0xd00dfeed) {
        check("device tree magic", fdt ? be32(fdt) : 0, 0xd00dfeed);
        return tap_done();
    }
    check("device tree magic", be32(fdt), 0xd00dfeed);
    const uint8_t *st = fdt + be32(fdt + 8);
    const char *strs = (const char *)fdt + be32(fdt + 12);
    const uint8_t *p = st, *end = fdt + be32(fdt + 4);
    char path[4][32];
    int depth = 0;
    unsigned cpus = 0;
    uint64_t mem_base = 0, mem_size = 0;
    int psci_hvc = 0, uart = 0, timer = 0, stdout_path = 0;
    while (p < end) {
        uint32_t tok = be32(p);
        p += 4;
        if (tok == 1) {
            const char *name = (const char *)p;
            size_t n = strlen(name);
            if (depth < 4) {
                size_t k = n < 31 ? n : 31;
                memcpy(path[depth], name, k);
                path[depth][k] = 0;
            }
            depth++;
            if (depth == 3 && !strcmp(path[1], "cpus") && !memcmp(name, "cpu@", 4))
                cpus++;
            if (depth == 2 && !strcmp(name, "pl011@9000000"))
                uart = 1;
            if (depth == 2 && !strcmp(name, "timer"))
                timer = 1;
            p += (n + 1 + 3) & ~3u;
        } else if (tok == 2) {
            depth--;
        } else if (tok == 3) {
            uint32_t len = be32(p);
            const char *pname = strs + be32(p + 4);
            const uint8_t *val = p + 8;
            if (depth == 2 && !memcmp(path[1], "memory", 6) && !strcmp(pname, "reg")) {
                mem_base = (uint64_t)be32(val) << 32 | be32(val + 4);
                mem_size = (uint64_t)be32(val + 8) << 32 | be32(val + 12);
            }
            if (depth == 2 && !strcmp(path[1], "psci") && !strcmp(pname, "method"))
                psci_hvc = !strcmp((const char *)val, "hvc");
            if (depth == 2 && !strcmp(path[1], "chosen") && !strcmp(pname, "stdout-path"))
                stdout_path = !strcmp((const char *)val, "/pl011@9000000");
            p = val + ((len + 3) & ~3u);
        } else if (tok == 4) {
            continue;
        } else {
            break;      /* FDT_END */
        }
    }
    check("/memory reg: base", mem_base, 0x40000000);
    check("/memory reg: size (256 MiB)", mem_size, 256u << 20);
    check_true("/psci method is hvc", psci_hvc);
    check_true("/pl011@9000000 present", uart);
    check_true("/timer present", timer);
    check_true("/chosen/stdout-path is the PL011", stdout_path);
    check_true("at least one cpu node", cpus >= 1);
    psci_init();
    for (unsigned i = 0; i < cpus; i++) {
        int32_t r = (int32_t)psci_call(PSCI_AFFINITY_INFO64, i, 0, 0);
        check_true("AFFINITY_INFO answers for each vCPU of the tree", r == 0 || r == 1);
    }
    check("AFFINITY_INFO after the last cpu node: INVALID_PARAMETERS",
          (uint64_t)(int64_t)(int32_t)psci_call(PSCI_AFFINITY_INFO64, cpus, 0, 0), (uint64_t)(int64_t)PSCI_INVALID_PARAMETERS);
    printf("# %u cpu nodes\n", cpus);
    return tap_done();
}
