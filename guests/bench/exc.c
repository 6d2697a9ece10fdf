/*
 * exc.c - an exception- and TLBI-heavy loop at EL1, shaped like a kernel
 * serving system calls that change a process's mappings.
 *
 * The MMU and caches are on (bench.h's identity map).  A window page WIN
 * (a VA, EL0 read/write) is mapped in turn to one of NPHYS physical pages;
 * physical page k holds the words (k << 32) | w, w = 0..511.  Every
 * iteration i, EL1 runs user() at EL0 with guests/lib's lower_call (an ERET
 * to EL0 on its own stack page; user() returns with SVC #0xFFFF), and
 * user() makes 4 system calls `remap(k)` (SVC #2: the handler breaks the
 * window's level-3 descriptor, DSB ISHST, TLBI VAE1IS of WIN, DSB ISH,
 * writes the descriptor for page k, DSB ISHST, ISB), each followed by a
 * read of the window, which must see page k's word (a stale translation
 * would show the previous page: then it calls SVC #3, counted as an
 * error), and a `mix` system call (SVC #1: x0 = mix64(x0)) on its running
 * value.  Back at EL1, the loop takes an SVC from EL1 itself (SVC #4:
 * x0 = 2 x0 + 1) and, every 64 iterations, TLBI VMALLE1IS, DSB ISH, ISB.
 * So every iteration takes 10 exceptions (8 from EL0, the return SVC, one
 * from EL1), 5 ERETs and 4 TLBIs of one page.
 *
 * Rules: an SVC is taken to EL1 with ELR_EL1 = the next instruction (D1.10,
 * "preferred return address"); break-before-make when a valid descriptor's
 * output address changes (D8.14.1); TLBI VAE1IS invalidates global entries
 * of that VA for every ASID on every PE of the Inner Shareable domain, and
 * the DSB after it waits for that (D8.13); the ISB (and the ERET that
 * follows) make the new translation visible to what comes after.
 * It prints two results and the error count; model.py computes the
 * results; exit 0 if they match and no read was stale.
 *
 *   default:  ITERATIONS = 80000, about 85 million instructions
 *   -DSMALL:  ITERATIONS = 20000, about 21 million
 * (a64emu's counter, --stats)
 */
#include <stdint.h>
#include "bench.h"
#include "exceptions.h"
#include "printf.h"

#ifdef SMALL
#define ITERATIONS 20000u
#else
#define ITERATIONS 80000u
#endif
#define NPHYS   8u
#define PAGE    4096u

/* the window, NPHYS physical pages and the EL0 stack: pages of .bss */
static uint8_t window[PAGE] __attribute__((aligned(PAGE)));
static uint64_t phys[NPHYS][PAGE / 8] __attribute__((aligned(PAGE)));
static uint8_t user_stack[PAGE] __attribute__((aligned(PAGE)));

static volatile uint64_t *window_pte;
static uint64_t errors, remaps, svcs;

#define USER_ATTRS  (PTE_NORMAL | PTE_AP_RW_ALL | PTE_PXN | PTE_UXN)    /* EL0 and EL1 RW, no execution */

static void remap(uint64_t k)
{
    uint64_t va = (uint64_t)(uintptr_t)window;
    *window_pte = 0;                                        /* break */
    dsb(ishst);
    tlbi_x(vae1is, TLBI_VA(va, 0));
    dsb(ish);
    *window_pte = mmu_leaf((uint64_t)(uintptr_t)phys[k], USER_ATTRS, 3);     /* make */
    dsb(ishst);
    isb();
    remaps++;
}

void handle_exception(struct exc_frame *f, unsigned el, unsigned offset)
{
    if (ESR_EC(f->esr) != EC_SVC64 ||
        (offset != VEC_LOWER_A64 + VEC_SYNC && offset != VEC_CUR_SPX + VEC_SYNC))
        exc_unexpected(f, el, offset);
    svcs++;
    switch (f->esr & 0xffff) {
    case 1: f->x[0] = mix64(f->x[0]); break;
    case 2: remap(f->x[0] % NPHYS); break;
    case 3: errors++; break;
    case 4: f->x[0] = 2 * f->x[0] + 1; break;
    default: exc_unexpected(f, el, offset);
    }
}

#define SVC(n, x) ({                                                        \
    register uint64_t __x0 __asm__("x0") = (x);                             \
    __asm__ volatile("svc #" #n : "+r"(__x0) :: "memory");                  \
    __x0; })

/* runs at EL0: only registers, its stack, the window and .text/.rodata */
static uint64_t user(uint64_t i)
{
    uint64_t acc = i;
    for (uint64_t j = 0; j < 4; j++) {
        uint64_t k = (i * 4 + j) % NPHYS;
        SVC(2, k);
        uint64_t idx = (acc >> 3) & 511;
        uint64_t v = ((volatile uint64_t *)window)[idx];
        if (v != ((k << 32) | idx))
            SVC(3, v);
        acc = SVC(1, acc * 3 + v);
    }
    return acc;
}

int main(void)
{
    write_sysreg(vbar_el1, (uint64_t)(uintptr_t)vectors_el1);
    bench_mmu_build();
    for (uint32_t k = 0; k < NPHYS; k++)
        for (uint32_t w = 0; w < PAGE / 8; w++)
            phys[k][w] = ((uint64_t)k << 32) | w;
    uint64_t stack_va = (uint64_t)(uintptr_t)user_stack;
    *mmu_pte(&bench_space, stack_va, 3) = mmu_leaf(stack_va, USER_ATTRS, 3);
    window_pte = mmu_pte(&bench_space, (uint64_t)(uintptr_t)window, 3);
    *window_pte = mmu_leaf((uint64_t)(uintptr_t)phys[0], USER_ATTRS, 3);
    bench_mmu_on();

    uint64_t total = 0, el1 = 0;
    for (uint32_t i = 0; i < ITERATIONS; i++) {
        uint64_t r = lower_call(SPSR_EL0t, user, i, stack_va + PAGE);
        total = mix64(total ^ r);
        el1 += SVC(4, i);
        if ((i & 63) == 63) {
            tlbi(vmalle1is);
            dsb(ish);
            isb();
        }
    }

#ifdef SMALL
    const uint64_t want_total = 0x3dee4b16538a44b3ULL, want_el1 = 400000000;
#else
    const uint64_t want_total = 0x737c7facd1abef1cULL, want_el1 = 6400000000ULL;
#endif
    int ok = total == want_total && el1 == want_el1 && errors == 0 &&
             remaps == 4ull * ITERATIONS && svcs == 9ull * ITERATIONS;
    printf("bench exc: %u iterations, %llu remaps, %llu SVCs handled (and the returns)\n", (unsigned)ITERATIONS,
           (unsigned long long)remaps, (unsigned long long)svcs);
    printf("user    0x%016llx\n", (unsigned long long)total);
    printf("el1     0x%016llx\n", (unsigned long long)el1);
    printf("stale reads %llu\n", (unsigned long long)errors);
    printf("%s\n", ok ? "bench exc: ok" : "bench exc: MISMATCH");
    return ok ? 0 : 1;
}
