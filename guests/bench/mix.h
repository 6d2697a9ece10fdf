/*
 * mix.h - the kernels of the integer mix (CRC-32, a sieve, a sort, a
 * bytecode interpreter) on per-CPU state, shared by interp.c (the
 * interpreter alone), intmix.c (all four on 1 to 8 CPUs) and vmmix.c (all
 * four on the vCPUs of a VM).  compute.c has its own copy of the first
 * three (the original benchmark, kept as it was).  Include it in exactly
 * one C file of a guest (it includes bench.h, for mix64).
 *
 * The bytecode VM: 16 64-bit registers, a data memory of VM_MEM_WORDS words
 * (addresses wrap), a stack of VM_STACK_WORDS words shared by PUSH/POP and
 * CALL/RET; one instruction = { op, a, b, c, imm } (8 bytes), executed by
 * a `switch` in vm_run (a jump table: one indirect branch per bytecode, as
 * in every switch-dispatched interpreter).  vm_call(m, code, args) runs a
 * subroutine from its first instruction until its final RET and returns
 * r0.  The four subroutines below (code arrays; jump and call targets are
 * indices into the same array):
 *   vm_fib_iter   r1 = n             -> fib(n) mod 2^64, iteratively
 *   vm_fib_rec    r1 = n             -> fib(n), by the doubly recursive
 *                                       definition (CALL/RET, PUSH/POP)
 *   vm_memsum     r1 = n (<= 4096), r2 = seed
 *                                    -> fills mem[0..n) with x = x * 1103515245
 *                                       + 12345 (mod 2^64, starting from the
 *                                       seed), then h = 0; for each word w_i:
 *                                       h = (h ^ w_i) * 0x5bd1e995 + i;
 *                                       h ^= h >> 29
 *   vm_collatz    r1 = m             -> the total number of Collatz steps of
 *                                       1..m (x even: x / 2, odd: 3x + 1)
 * guests/bench/model.py computes the same values directly in Python.
 */
#ifndef BENCH_MIX_H
#define BENCH_MIX_H

#include <stdint.h>
#include "bench.h"

/* ---- the bytecode VM ------------------------------------------------------ */
enum vm_op {
    VM_LI,      /* ra = imm (sign-extended) */
    VM_MOV,     /* ra = rb */
    VM_ADD,     /* ra = rb + rc */
    VM_SUB,     /* ra = rb - rc */
    VM_MUL,     /* ra = rb * rc */
    VM_XOR,     /* ra = rb ^ rc */
    VM_AND,     /* ra = rb & rc */
    VM_OR,      /* ra = rb | rc */
    VM_ADDI,    /* ra = rb + imm */
    VM_ANDI,    /* ra = rb & imm */
    VM_MULI,    /* ra = rb * imm */
    VM_SHLI,    /* ra = rb << imm */
    VM_SHRI,    /* ra = rb >> imm (logical) */
    VM_LD,      /* ra = mem[rb + imm] */
    VM_ST,      /* mem[rb + imm] = ra */
    VM_JMP,     /* pc = imm */
    VM_JZ,      /* if ra == 0: pc = imm */
    VM_JNZ,     /* if ra != 0: pc = imm */
    VM_JLTU,    /* if ra < rb (unsigned): pc = imm */
    VM_CALL,    /* push pc; pc = imm */
    VM_RET,     /* pc = pop (the caller's sentinel ends vm_call) */
    VM_PUSH,    /* push ra */
    VM_POP,     /* ra = pop */
};

struct vm_insn {
    uint8_t op, a, b, c;
    int32_t imm;
};

#define VM_MEM_WORDS    4096u
#define VM_STACK_WORDS  512u
#define VM_EXIT         0xffffffffu     /* return address that ends vm_call */

struct vm {
    uint64_t r[16];
    uint64_t mem[VM_MEM_WORDS];
    uint64_t stack[VM_STACK_WORDS];
    uint64_t bad;                       /* set if a program misbehaved */
};

#define I(op, a, b, c, imm) { VM_##op, a, b, c, imm }

static const struct vm_insn vm_fib_iter[] = {
    /* 0 */ I(LI,   2, 0, 0, 0),        /* a = 0 */
    /* 1 */ I(LI,   3, 0, 0, 1),        /* b = 1 */
    /* 2 */ I(JZ,   1, 0, 0, 8),        /* while n != 0 */
    /* 3 */ I(ADD,  4, 2, 3, 0),        /*   t = a + b */
    /* 4 */ I(MOV,  2, 3, 0, 0),        /*   a = b */
    /* 5 */ I(MOV,  3, 4, 0, 0),        /*   b = t */
    /* 6 */ I(ADDI, 1, 1, 0, -1),       /*   n-- */
    /* 7 */ I(JMP,  0, 0, 0, 2),
    /* 8 */ I(MOV,  0, 2, 0, 0),        /* return a */
    /* 9 */ I(RET,  0, 0, 0, 0),
};

static const struct vm_insn vm_fib_rec[] = {
    /* 0 */ I(LI,   2, 0, 0, 2),
    /* 1 */ I(JLTU, 1, 2, 0, 12),       /* n < 2: return n */
    /* 2 */ I(PUSH, 1, 0, 0, 0),
    /* 3 */ I(ADDI, 1, 1, 0, -1),
    /* 4 */ I(CALL, 0, 0, 0, 0),        /* r0 = fib(n - 1) */
    /* 5 */ I(POP,  1, 0, 0, 0),
    /* 6 */ I(PUSH, 0, 0, 0, 0),
    /* 7 */ I(ADDI, 1, 1, 0, -2),
    /* 8 */ I(CALL, 0, 0, 0, 0),        /* r0 = fib(n - 2) */
    /* 9 */ I(POP,  2, 0, 0, 0),
    /* 10 */ I(ADD, 0, 0, 2, 0),
    /* 11 */ I(RET, 0, 0, 0, 0),
    /* 12 */ I(MOV, 0, 1, 0, 0),
    /* 13 */ I(RET, 0, 0, 0, 0),
};

static const struct vm_insn vm_memsum[] = {
    /* 0 */ I(LI,   3, 0, 0, 0),        /* i = 0 */
    /* 1 */ I(JLTU, 3, 1, 0, 3),        /* fill: while i < n */
    /* 2 */ I(JMP,  0, 0, 0, 8),
    /* 3 */ I(MULI, 2, 2, 0, 1103515245),
    /* 4 */ I(ADDI, 2, 2, 0, 12345),    /*   x = x * 1103515245 + 12345 */
    /* 5 */ I(ST,   2, 3, 0, 0),        /*   mem[i] = x */
    /* 6 */ I(ADDI, 3, 3, 0, 1),
    /* 7 */ I(JMP,  0, 0, 0, 1),
    /* 8 */ I(LI,   3, 0, 0, 0),        /* i = 0 */
    /* 9 */ I(LI,   0, 0, 0, 0),        /* h = 0 */
    /* 10 */ I(JLTU, 3, 1, 0, 12),      /* hash: while i < n */
    /* 11 */ I(RET,  0, 0, 0, 0),
    /* 12 */ I(LD,   4, 3, 0, 0),
    /* 13 */ I(XOR,  0, 0, 4, 0),
    /* 14 */ I(MULI, 0, 0, 0, 0x5bd1e995),
    /* 15 */ I(ADD,  0, 0, 3, 0),
    /* 16 */ I(SHRI, 5, 0, 0, 29),
    /* 17 */ I(XOR,  0, 0, 5, 0),
    /* 18 */ I(ADDI, 3, 3, 0, 1),
    /* 19 */ I(JMP,  0, 0, 0, 10),
};

static const struct vm_insn vm_collatz[] = {
    /* 0 */ I(LI,   0, 0, 0, 0),        /* steps = 0 */
    /* 1 */ I(LI,   2, 0, 0, 1),        /* i = 1 */
    /* 2 */ I(LI,   5, 0, 0, 1),
    /* 3 */ I(JLTU, 1, 2, 0, 16),       /* while i <= m */
    /* 4 */ I(MOV,  3, 2, 0, 0),        /*   x = i */
    /* 5 */ I(JLTU, 5, 3, 0, 8),        /*   while x > 1 */
    /* 6 */ I(ADDI, 2, 2, 0, 1),        /*   i++ */
    /* 7 */ I(JMP,  0, 0, 0, 3),
    /* 8 */ I(ADDI, 0, 0, 0, 1),        /*     steps++ */
    /* 9 */ I(ANDI, 4, 3, 0, 1),
    /* 10 */ I(JNZ, 4, 0, 0, 13),
    /* 11 */ I(SHRI, 3, 3, 0, 1),       /*     even: x /= 2 */
    /* 12 */ I(JMP, 0, 0, 0, 5),
    /* 13 */ I(MULI, 3, 3, 0, 3),       /*     odd: x = 3x + 1 */
    /* 14 */ I(ADDI, 3, 3, 0, 1),
    /* 15 */ I(JMP, 0, 0, 0, 5),
    /* 16 */ I(RET, 0, 0, 0, 0),
};

#undef I

static __attribute__((noinline, unused)) uint64_t vm_run(struct vm *m, const struct vm_insn *code, uint32_t pc)
{
    uint64_t *r = m->r, *mem = m->mem;
    uint64_t *sp = m->stack, *const stack_end = m->stack + VM_STACK_WORDS;
    *sp++ = VM_EXIT;
    for (;;) {
        const struct vm_insn in = code[pc++];
        switch (in.op) {
        case VM_LI:   r[in.a] = (uint64_t)(int64_t)in.imm; break;
        case VM_MOV:  r[in.a] = r[in.b]; break;
        case VM_ADD:  r[in.a] = r[in.b] + r[in.c]; break;
        case VM_SUB:  r[in.a] = r[in.b] - r[in.c]; break;
        case VM_MUL:  r[in.a] = r[in.b] * r[in.c]; break;
        case VM_XOR:  r[in.a] = r[in.b] ^ r[in.c]; break;
        case VM_AND:  r[in.a] = r[in.b] & r[in.c]; break;
        case VM_OR:   r[in.a] = r[in.b] | r[in.c]; break;
        case VM_ADDI: r[in.a] = r[in.b] + (uint64_t)(int64_t)in.imm; break;
        case VM_ANDI: r[in.a] = r[in.b] & (uint64_t)(int64_t)in.imm; break;
        case VM_MULI: r[in.a] = r[in.b] * (uint64_t)(int64_t)in.imm; break;
        case VM_SHLI: r[in.a] = r[in.b] << (in.imm & 63); break;
        case VM_SHRI: r[in.a] = r[in.b] >> (in.imm & 63); break;
        case VM_LD:   r[in.a] = mem[(r[in.b] + (uint64_t)(int64_t)in.imm) & (VM_MEM_WORDS - 1)]; break;
        case VM_ST:   mem[(r[in.b] + (uint64_t)(int64_t)in.imm) & (VM_MEM_WORDS - 1)] = r[in.a]; break;
        case VM_JMP:  pc = (uint32_t)in.imm; break;
        case VM_JZ:   if (r[in.a] == 0) pc = (uint32_t)in.imm; break;
        case VM_JNZ:  if (r[in.a] != 0) pc = (uint32_t)in.imm; break;
        case VM_JLTU: if (r[in.a] < r[in.b]) pc = (uint32_t)in.imm; break;
        case VM_CALL:
        case VM_PUSH:
            if (sp == stack_end) {
                m->bad = 1;
                return 0;
            }
            if (in.op == VM_CALL) {
                *sp++ = pc;
                pc = (uint32_t)in.imm;
            } else {
                *sp++ = r[in.a];
            }
            break;
        case VM_RET:
        case VM_POP:
            if (sp == m->stack) {
                m->bad = 1;
                return 0;
            }
            if (in.op == VM_POP) {
                r[in.a] = *--sp;
                break;
            }
            pc = (uint32_t)*--sp;
            if (pc == VM_EXIT)
                return r[0];
            break;
        default:
            m->bad = 1;
            return 0;
        }
    }
}

static inline uint64_t vm_call(struct vm *m, const struct vm_insn *code, uint64_t a1, uint64_t a2)
{
    m->r[1] = a1;
    m->r[2] = a2;
    return vm_run(m, code, 0);
}

/* ---- CRC-32, sieve, sort ----------------------------------------------------- */
#define MIX_BUF         8192u
#define MIX_SIEVE_BASE  30000u
#define MIX_SIEVE_MAX   (MIX_SIEVE_BASE + 15u * 64u)
#define MIX_SORT_N      1024u

struct mix_cpu {
    uint32_t crc_table[256];
    uint8_t  buf[MIX_BUF];
    uint8_t  composite[MIX_SIEVE_MAX + 1];
    uint32_t arr[MIX_SORT_N];
    uint64_t rng;
    struct vm vm;
} __attribute__((aligned(64)));

static inline void mix_init(struct mix_cpu *c)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t v = i;
        for (int k = 0; k < 8; k++)
            v = (v & 1) ? (v >> 1) ^ 0xedb88320u : v >> 1;
        c->crc_table[i] = v;
    }
}

/* zlib-compatible CRC-32 of p[0..n) */
static inline uint32_t mix_crc32(const struct mix_cpu *c, const uint8_t *p, uint32_t n)
{
    uint32_t v = 0xffffffffu;
    for (uint32_t i = 0; i < n; i++)
        v = c->crc_table[(v ^ p[i]) & 0xff] ^ (v >> 8);
    return ~v;
}

/* number of primes <= n */
static inline uint32_t mix_sieve(struct mix_cpu *c, uint32_t n)
{
    uint8_t *composite = c->composite;
    for (uint32_t i = 0; i <= n; i++)
        composite[i] = 0;
    uint32_t count = 0;
    for (uint32_t i = 2; i <= n; i++) {
        if (composite[i])
            continue;
        count++;
        for (uint64_t j = (uint64_t)i * i; j <= n; j += i)
            composite[j] = 1;
    }
    return count;
}

static inline uint32_t mix_rng(struct mix_cpu *c)
{
    c->rng = c->rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(c->rng >> 32);
}

static __attribute__((unused)) void mix_insertion_sort(uint32_t *v, long lo, long hi)
{
    for (long i = lo + 1; i <= hi; i++) {
        uint32_t x = v[i];
        long j = i - 1;
        while (j >= lo && v[j] > x) {
            v[j + 1] = v[j];
            j--;
        }
        v[j + 1] = x;
    }
}

static __attribute__((unused)) void mix_quicksort(uint32_t *v, long lo, long hi)
{
    while (hi - lo > 12) {
        long mid = lo + (hi - lo) / 2;
        uint32_t x = v[lo], y = v[mid], z = v[hi];
        uint32_t p = x < y ? (y < z ? y : (x < z ? z : x))
                           : (x < z ? x : (y < z ? z : y));
        long i = lo, j = hi;
        while (i <= j) {
            while (v[i] < p) i++;
            while (v[j] > p) j--;
            if (i <= j) {
                uint32_t t = v[i];
                v[i] = v[j];
                v[j] = t;
                i++;
                j--;
            }
        }
        if (j - lo < hi - i) {
            mix_quicksort(v, lo, j);
            lo = i;
        } else {
            mix_quicksort(v, i, hi);
            hi = j;
        }
    }
    mix_insertion_sort(v, lo, hi);
}

/*
 * One round r of the integer mix on CPU state c (mix_init first):
 *   crc    CRC-32 of buf[i] = i * 31 + (i >> 7) + r * 7 (bytes, i < MIX_BUF)
 *   primes primes <= MIX_SIEVE_BASE + (r % 16) * 64
 *   sort   MIX_SORT_N numbers from the LCG (compute.c's) seeded with
 *          r * 0x9e3779b97f4a7c15 + 1, sorted: sum of v[i] * (i + 1),
 *          with bit 63 flipped if the result is not in order
 *   vm     fib_iter(1000 + r % 64), fib_rec(12 + r % 4),
 *          memsum(256 + r % 64, r), collatz(64 + r % 32), each folded
 *          in with mix64
 * and returns a hash of the four; guests/bench/model.py has the same.
 */
static __attribute__((unused)) uint64_t mix_round(struct mix_cpu *c, uint32_t r)
{
    for (uint32_t i = 0; i < MIX_BUF; i++)
        c->buf[i] = (uint8_t)(i * 31 + (i >> 7) + r * 7);
    uint32_t crc = mix_crc32(c, c->buf, MIX_BUF);

    uint32_t primes = mix_sieve(c, MIX_SIEVE_BASE + (r % 16) * 64);

    c->rng = (uint64_t)r * 0x9e3779b97f4a7c15ULL + 1;
    for (uint32_t i = 0; i < MIX_SORT_N; i++)
        c->arr[i] = mix_rng(c);
    mix_quicksort(c->arr, 0, MIX_SORT_N - 1);
    uint64_t s = 0;
    int sorted = 1;
    for (uint32_t i = 0; i < MIX_SORT_N; i++) {
        if (i && c->arr[i - 1] > c->arr[i])
            sorted = 0;
        s += (uint64_t)c->arr[i] * (i + 1);
    }
    if (!sorted)
        s ^= 1ull << 63;

    struct vm *m = &c->vm;
    uint64_t v = vm_call(m, vm_fib_iter, 1000 + r % 64, 0);
    v = mix64(v ^ vm_call(m, vm_fib_rec, 12 + r % 4, 0));
    v = mix64(v ^ vm_call(m, vm_memsum, 256 + r % 64, r));
    v = mix64(v ^ vm_call(m, vm_collatz, 64 + r % 32, 0));
    if (m->bad)
        v = 0;

    uint64_t h = mix64(crc ^ ((uint64_t)primes << 32));
    h = mix64(h ^ s);
    return mix64(h ^ v);
}

#endif
