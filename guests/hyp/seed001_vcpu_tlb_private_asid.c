/*
 * seed001_vcpu_tlb_private_asid - control for seed001_vcpu_tlb_private
 * (arch-notes.md §1.1): the same scenario, but vcpu1 uses ASID 6 while
 * vcpu0's entry for V is tagged ASID 5.  A non-global TLB entry is used
 * only by lookups with its ASID (ARM ARM D8.16), so vcpu1 never hits
 * vcpu0's entry: passes with and without local-tlbi-on-vcpu-switch, on
 * one physical CPU or two, and on QEMU.
 */
#define VCPU1_ASID 6
#include "seed001_vcpu_tlb_private.c"
