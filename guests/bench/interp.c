/*
 * interp.c - the bytecode-interpreter part of the integer mix (compute.c
 * has the other three: CRC-32, sieve, sort): every round runs the four
 * programs of mix.h on its switch-dispatched VM - an iterative Fibonacci,
 * the doubly recursive one (CALL/RET and PUSH/POP on the VM stack), a
 * fill-and-hash loop over the VM's data memory and a Collatz step count -
 * with arguments that depend on the round, and folds each result into a
 * hash.  The MMU and caches are on (bench.h's identity map: Normal
 * Write-Back memory, so --cache-model on sends the VM's loads and stores
 * through the modelled data caches).  It prints the hash and exits 0 if it
 * matches the constant below (computed by guests/bench/model.py, which
 * evaluates the four functions directly in Python), else 1.
 *
 *   default:  ROUNDS = 24, about 325 million AArch64 instructions
 *   -DSMALL:  ROUNDS = 3,  about 38 million
 * (a64emu's counter, --stats; about 13.5 million per round)
 */
#include <stdint.h>
#include "bench.h"
#include "exceptions.h"
#include "mix.h"
#include "printf.h"

#ifdef SMALL
#define ROUNDS 3
#else
#define ROUNDS 24
#endif

static struct vm machine;

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)(uintptr_t)vectors_el1);
    bench_mmu_build();
    bench_mmu_on();

    uint64_t h = 0;
    for (uint32_t r = 0; r < ROUNDS; r++) {
        h = mix64(h ^ vm_call(&machine, vm_fib_iter, 20000 + r, 0));
        h = mix64(h ^ vm_call(&machine, vm_fib_rec, 18 + r % 4, 0));
        h = mix64(h ^ vm_call(&machine, vm_memsum, VM_MEM_WORDS, r));
        h = mix64(h ^ vm_call(&machine, vm_collatz, 1000 + r % 64, 0));
    }

#ifdef SMALL
    const uint64_t want = 0xbeb389e062962e90ULL;
#else
    const uint64_t want = 0x72e571245ed4d35dULL;
#endif
    int ok = h == want && !machine.bad;
    printf("bench interp: %u rounds\n", (unsigned)ROUNDS);
    printf("hash    0x%016llx%s\n", (unsigned long long)h, machine.bad ? " (VM FAULT)" : "");
    printf("%s\n", ok ? "bench interp: ok" : "bench interp: MISMATCH");
    return ok ? 0 : 1;
}
