/*
 * seed002c_setway_local - control for seed002c_setway (arch-notes.md
 * §1.2): the same scenario without the two MOVEs, so the host's clean
 * 0x11.. line is in the L1 of the pCPU the guest runs on and in the shared
 * L2, both of which the guest's own DC CISW loop reaches (set/way
 * operations act on the executing PE's caches, D7.5.9).
 * Passes with and without trap-vm-regs-until-caches-on (run with --smp 2,
 * as seed002c_setway), and on QEMU.  5 checks.
 */
#define SETWAY_LOCAL 1
#include "seed002c_setway.c"
