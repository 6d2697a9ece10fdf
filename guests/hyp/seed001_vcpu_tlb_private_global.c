/*
 * seed001_vcpu_tlb_private_global - variant of seed001_vcpu_tlb_private
 * (arch-notes.md §1.1): V is mapped global (nG = 0) by both vCPUs, as a
 * kernel's own mappings are.  A global entry matches every ASID (ARM ARM
 * D8.16), so it is shared by the vCPUs of a VM exactly as the ASID-5
 * entry of the main test: with --smp 1 --vcpus 2 --without-fix
 * local-tlbi-on-vcpu-switch vcpu1 reads 0xAAAA ("not ok 4 ... # got 0xaaaa
 * expected 0xbbbb", exit 1); with the fix, or --smp 2, it reads 0xBBBB.
 */
#define MAP_GLOBAL 1
#include "seed001_vcpu_tlb_private.c"
