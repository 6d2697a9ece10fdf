/*
 * probes.h - the single memory accesses whose aborts the mmu guests check,
 * each at a global label (ELR_ELx must point at it), as top-level assembly
 * (include this header in exactly one C file of a guest).  A fault handler
 * typically skips the access (ELR += 4) and sets x0 to a marker, or, for an
 * Instruction Abort on a called address, returns to x30.
 *
 *   uint64_t probe_ld64(uint64_t va)              LDR  X0, [X0]
 *   uint64_t probe_ld32(uint64_t va)              LDR  W0, [X0]
 *   uint64_t probe_st64(uint64_t va, uint64_t v)  STR  X1, [X0]; returns va
 *   uint64_t probe_st_self(uint64_t va)           STR  X0, [X0]; returns va
 *                                                 (one argument: usable
 *                                                 through lower_call at EL0)
 *   uint64_t xprobe(void)                         returns 0x1234; alone in
 *                                                 its own 4KB page, so the
 *                                                 page can be mapped again
 *                                                 with other permissions
 */
#ifndef MMU_PROBES_H
#define MMU_PROBES_H

#include <stdint.h>

uint64_t probe_ld64(uint64_t va);
uint64_t probe_ld32(uint64_t va);
uint64_t probe_st64(uint64_t va, uint64_t value);
uint64_t probe_st_self(uint64_t va);
uint64_t xprobe(void);
extern char probe_ld64_insn[], probe_ld32_insn[], probe_st64_insn[], probe_st_self_insn[];

__asm__(
    "   .text\n"
    "   .p2align 2\n"
    "   .globl probe_ld64, probe_ld64_insn\n"
    "   .type probe_ld64, %function\n"
    "probe_ld64:\n"
    "probe_ld64_insn:\n"
    "   ldr x0, [x0]\n"
    "   ret\n"
    "   .size probe_ld64, . - probe_ld64\n"
    "   .globl probe_ld32, probe_ld32_insn\n"
    "   .type probe_ld32, %function\n"
    "probe_ld32:\n"
    "probe_ld32_insn:\n"
    "   ldr w0, [x0]\n"
    "   ret\n"
    "   .size probe_ld32, . - probe_ld32\n"
    "   .globl probe_st64, probe_st64_insn\n"
    "   .type probe_st64, %function\n"
    "probe_st64:\n"
    "probe_st64_insn:\n"
    "   str x1, [x0]\n"
    "   ret\n"
    "   .size probe_st64, . - probe_st64\n"
    "   .globl probe_st_self, probe_st_self_insn\n"
    "   .type probe_st_self, %function\n"
    "probe_st_self:\n"
    "probe_st_self_insn:\n"
    "   str x0, [x0]\n"
    "   ret\n"
    "   .size probe_st_self, . - probe_st_self\n"
    "   .p2align 12\n"
    "   .globl xprobe\n"
    "   .type xprobe, %function\n"
    "xprobe:\n"
    "   mov x0, #0x1234\n"
    "   ret\n"
    "   .size xprobe, . - xprobe\n"
    "   .p2align 12\n"
    "   .text\n");

#endif
