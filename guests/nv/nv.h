/*
 * nv.h - the small L1 hypervisor shared by the guests/nv guests (include it
 * in exactly one C file per guest: it holds static functions, the EL2
 * exception handler and top-level assembly).
 *
 * The guest boots at EL2 (a64emu --el 2; QEMU -M virt,virtualization=on) and
 * is the L1 hypervisor: it builds stage-2 tables (VTCR_EL2/VTTBR_EL2, 4KB
 * granule, a VMID) for an L2 guest, enters the L2 at EL1 with ERET
 * (lower_call) with HCR_EL2.VM = 1 and RW = 1, and serves its hypercalls.
 * EL2 runs with its MMU off; the L2 runs with its stage-1 MMU off (IPA = VA,
 * Device-nGnRnE at stage 1), so every access of either side is
 * Non-cacheable and the stage-2 walks are Non-cacheable too (VTCR_EL2.IRGN0
 * = ORGN0 = 0): no cache maintenance is needed anywhere, only TLB
 * maintenance.
 *
 * Stage 2 of a VM (struct vm):
 *   [RAM_BASE, the end of the image rounded up to 2MB)  identity, 2MB blocks
 *                                          (the L2's code, stack, and the
 *                                          L1's pages: the L2 only touches
 *                                          its code and stack there)
 *   the data IPAs (0x8000_0000 + ...)       level-3 pages (or a level-2
 *                                          block) the guests map and remap
 * Stage 2 memory attributes Normal WB, RW, Inner Shareable, AF = 1.
 *
 * The L2 guest (l2_main below, C compiled into the same image) loops:
 *     seen = *(volatile uint64_t *)ipa          its load, through stage 2
 *     walk = HVC #1 (x0 = ipa)                  "read my data word": the L1
 *                                               walks its own stage-2 tables
 *                                               in software and returns the
 *                                               word at the PA they give
 *                                               (~0 if unmapped)
 *     if (HVC #3 (x0 = seen, x1 = walk) == 0)   "yield": the L1 records both
 *         HVC #2 (x0 = seen)                    values as round N, runs the
 *                                               scenario's step for round N
 *                                               (typically a remap) and
 *                                               answers 1 (go on) or 0;
 *                                               HVC #2 "exit": the L1's
 *                                               l2_run() returns x0
 * So every value a check compares was loaded by the L2 through the TLB and
 * stage 2 of the moment, and the L1's software walk says what the tables
 * hold at that moment.
 *
 * The maintenance sequences are assembly routines (nv_seq_*), so their
 * instruction order is exactly as written: x0 = the descriptor's address,
 * x1 = the new descriptor, x2 = the TLBI operand.
 */
#ifndef NV_NV_H
#define NV_NV_H

#include <stdint.h>
#include "exceptions.h"
#include "mmu.h"
#include "printf.h"
#include "sysreg.h"
#include "tap.h"

/* ---------------------------------------------------------------- L2 side */
uint64_t l2_hvc_read(uint64_t ipa);                     /* HVC #1 */
void     l2_hvc_exit(uint64_t value) __attribute__((noreturn));   /* HVC #2 */
uint64_t l2_hvc_yield(uint64_t seen, uint64_t walk);    /* HVC #3 */
extern char l2_hvc_read_ret[], l2_hvc_yield_ret[];

__asm__(
    "   .text\n"
    "   .p2align 2\n"
    "   .globl l2_hvc_read, l2_hvc_read_ret, l2_hvc_exit, l2_hvc_yield, l2_hvc_yield_ret\n"
    "   .type l2_hvc_read, %function\n"
    "l2_hvc_read:\n"
    "   hvc #1\n"
    "l2_hvc_read_ret:\n"
    "   ret\n"
    "   .size l2_hvc_read, . - l2_hvc_read\n"
    "   .type l2_hvc_exit, %function\n"
    "l2_hvc_exit:\n"
    "   hvc #2\n"
    "1: b 1b\n"
    "   .size l2_hvc_exit, . - l2_hvc_exit\n"
    "   .type l2_hvc_yield, %function\n"
    "l2_hvc_yield:\n"
    "   hvc #3\n"
    "l2_hvc_yield_ret:\n"
    "   ret\n"
    "   .size l2_hvc_yield, . - l2_hvc_yield\n");

/* The L2 guest: runs at EL1 (EL1h), stage-1 MMU off, under the L1's stage 2. */
static __attribute__((unused)) uint64_t __attribute__((noinline)) l2_main(uint64_t ipa)
{
    for (;;) {
        uint64_t seen = *(volatile uint64_t *)(uintptr_t)ipa;
        uint64_t walk = l2_hvc_read(ipa);
        if (!l2_hvc_yield(seen, walk))
            l2_hvc_exit(seen);
    }
}

/* ------------------------------------------------- maintenance sequences */
typedef void nv_seq_fn(volatile uint64_t *pte, uint64_t desc, uint64_t xt);
/* write; DSB ISHST; TLBI IPAS2E1IS; DSB ISH; TLBI VMALLE1IS; DSB ISH; ISB */
nv_seq_fn nv_seq_ipas2e1is;
/* the same with TLBI IPAS2LE1IS (last level only) */
nv_seq_fn nv_seq_ipas2le1is;
/* the same with TLBI RIPAS2E1IS / RIPAS2LE1IS (FEAT_TLBIRANGE; SYS encodings
 * op1 4, CRn 8, CRm 0, op2 2 / 6, as the assembler's -march lacks them) */
nv_seq_fn nv_seq_ripas2e1is;
nv_seq_fn nv_seq_ripas2le1is;
/* break-before-make, KVM's order: write 0; DSB ISHST; TLBI IPAS2E1IS;
 * DSB ISH; TLBI VMALLE1IS; DSB ISH; write the new descriptor; DSB ISH; ISB */
nv_seq_fn nv_seq_bbm_ipas2e1is;
/* this PE only: write; DSB NSHST; TLBI IPAS2E1; DSB NSH; TLBI VMALLE1;
 * DSB NSH; ISB (KVM's __kvm_tlb_flush_vmid_ipa_nsh) */
nv_seq_fn nv_seq_ipas2e1_local;
/* write; DSB ISHST; TLBI VMALLS12E1IS; DSB ISH; ISB (xt unused) */
nv_seq_fn nv_seq_vmalls12e1is;
/* write; DSB ISHST; TLBI ALLE1IS; DSB ISH; ISB (xt unused) */
nv_seq_fn nv_seq_alle1is;
/* incomplete sequences, for the stale guest:
 *   nv_seq_none: write; DSB ISH; ISB                 (no TLBI at all)
 *   nv_seq_ipas2_only: write; DSB ISHST; TLBI IPAS2E1IS; DSB ISH; ISB
 *                                                    (no TLBI VMALLE1IS)
 *   nv_seq_vmalle1is_only: write; DSB ISHST; TLBI VMALLE1IS; DSB ISH; ISB
 *                                                    (no TLBI IPAS2E1IS) */
nv_seq_fn nv_seq_none;
nv_seq_fn nv_seq_ipas2_only;
nv_seq_fn nv_seq_vmalle1is_only;

#define NV_SEQ_BEGIN(name)                                                 \
    "   .p2align 2\n   .globl " #name "\n   .type " #name ", %function\n" #name ":\n"
#define NV_SEQ_END(name) "   ret\n   .size " #name ", . - " #name "\n"

__asm__(
    "   .text\n"
    NV_SEQ_BEGIN(nv_seq_ipas2e1is)
    "   str x1, [x0]\n   dsb ishst\n   tlbi ipas2e1is, x2\n   dsb ish\n"
    "   tlbi vmalle1is\n   dsb ish\n   isb\n"
    NV_SEQ_END(nv_seq_ipas2e1is)
    NV_SEQ_BEGIN(nv_seq_ipas2le1is)
    "   str x1, [x0]\n   dsb ishst\n   tlbi ipas2le1is, x2\n   dsb ish\n"
    "   tlbi vmalle1is\n   dsb ish\n   isb\n"
    NV_SEQ_END(nv_seq_ipas2le1is)
    NV_SEQ_BEGIN(nv_seq_ripas2e1is)
    "   str x1, [x0]\n   dsb ishst\n   sys #4, c8, c0, #2, x2\n   dsb ish\n"
    "   tlbi vmalle1is\n   dsb ish\n   isb\n"
    NV_SEQ_END(nv_seq_ripas2e1is)
    NV_SEQ_BEGIN(nv_seq_ripas2le1is)
    "   str x1, [x0]\n   dsb ishst\n   sys #4, c8, c0, #6, x2\n   dsb ish\n"
    "   tlbi vmalle1is\n   dsb ish\n   isb\n"
    NV_SEQ_END(nv_seq_ripas2le1is)
    NV_SEQ_BEGIN(nv_seq_bbm_ipas2e1is)
    "   str xzr, [x0]\n   dsb ishst\n   tlbi ipas2e1is, x2\n   dsb ish\n"
    "   tlbi vmalle1is\n   dsb ish\n   str x1, [x0]\n   dsb ish\n   isb\n"
    NV_SEQ_END(nv_seq_bbm_ipas2e1is)
    NV_SEQ_BEGIN(nv_seq_ipas2e1_local)
    "   str x1, [x0]\n   dsb nshst\n   tlbi ipas2e1, x2\n   dsb nsh\n"
    "   tlbi vmalle1\n   dsb nsh\n   isb\n"
    NV_SEQ_END(nv_seq_ipas2e1_local)
    NV_SEQ_BEGIN(nv_seq_vmalls12e1is)
    "   str x1, [x0]\n   dsb ishst\n   tlbi vmalls12e1is\n   dsb ish\n   isb\n"
    NV_SEQ_END(nv_seq_vmalls12e1is)
    NV_SEQ_BEGIN(nv_seq_alle1is)
    "   str x1, [x0]\n   dsb ishst\n   tlbi alle1is\n   dsb ish\n   isb\n"
    NV_SEQ_END(nv_seq_alle1is)
    NV_SEQ_BEGIN(nv_seq_none)
    "   str x1, [x0]\n   dsb ish\n   isb\n"
    NV_SEQ_END(nv_seq_none)
    NV_SEQ_BEGIN(nv_seq_ipas2_only)
    "   str x1, [x0]\n   dsb ishst\n   tlbi ipas2e1is, x2\n   dsb ish\n   isb\n"
    NV_SEQ_END(nv_seq_ipas2_only)
    NV_SEQ_BEGIN(nv_seq_vmalle1is_only)
    "   str x1, [x0]\n   dsb ishst\n   tlbi vmalle1is\n   dsb ish\n   isb\n"
    NV_SEQ_END(nv_seq_vmalle1is_only));

/* TLBI operands (D8.17.5): IPAS2E1*: IPA[47:12] in Xt[35:0], TTL in [47:44]
 * (FEAT_TTL: [47:46] = granule, 0b01 for 4KB, [45:44] = the leaf's level). */
#define NV_TTL_4K(level)    ((0x4ull | (level)) << 44)
/* RIPAS2E1*: TG [47:46] (0b01 4KB), SCALE [45:44], NUM [43:39], TTL [38:37]
 * (level, 0b00 = any), BaseADDR [36:0] = IPA[48:12]; the range is
 * (NUM + 1) * 2^(5 * SCALE + 1) pages from BaseADDR. */
#define NV_RANGE_4K(ipa, scale, num, ttl)                                      \
    ((1ull << 46) | ((uint64_t)(scale) << 44) | ((uint64_t)(num) << 39) |     \
     ((uint64_t)(ttl) << 37) | (((uint64_t)(ipa) >> 12) & 0x1fffffffffull))

/* ---------------------------------------------------------------- L1 side */
#define NV_IPA(n)       (0x80000000ull + (uint64_t)(n) * 0x10000ull)
#define NV_PAT(id)      (0x4e56000000000000ull | ((uint64_t)(id) << 32) | (0x11111111u * (uint32_t)(id)))
#define NV_BPAT(id)     (NV_PAT(id) | (0xb1ull << 40))     /* in 2MB block id */
#define NV_NOMAP        0xdeadbeefdeadbeefull
#define NV_GRAN         MMU_G4K

struct vm {
    unsigned vmid;
    uint64_t vtcr;
    struct mmu_space s2;
};

/* the data pages the L1 hands out: page id -> PA; every word holds NV_PAT(id) */
#define NV_NPAGES 16
static __attribute__((unused)) volatile uint64_t nv_pages[NV_NPAGES][512] __attribute__((aligned(4096)));
static __attribute__((unused)) uint8_t nv_pool[192 << 10] __attribute__((aligned(16384)));
static __attribute__((unused)) uint8_t nv_l2_stack[16384] __attribute__((aligned(16)));

static __attribute__((unused)) uint64_t nv_page(unsigned id)   /* id 0..15: page id, its words NV_PAT(id) */
{
    return (uint64_t)(uintptr_t)nv_pages[id % NV_NPAGES];
}

/* 2MB blocks for the level-2 scenarios: free RAM above the image (below
 * QEMU's default 128MB), block id (0xC, 0xD or 0xE) at 0x4600_0000 +
 * (id & 3) * 2MB, holding NV_BPAT(id) at NV_BLOCK_OFF (where the L2 reads). */
#define NV_BLOCK_OFF    0x12340ull
#define NV_BLK_IPA(n)   (0x84000000ull + (uint64_t)(n) * 0x200000ull)
static __attribute__((unused)) uint64_t nv_block(unsigned id)
{
    return 0x46000000ull + (uint64_t)(id & 3) * 0x200000ull;
}

static struct vm *nv_cur;                       /* the VM whose VTTBR is loaded */
static __attribute__((unused)) int (*nv_step)(unsigned round);         /* the scenario's step at HVC #3 */
#define NV_MAXOBS 16
static struct {
    uint64_t seen, walk;
} nv_obs[NV_MAXOBS];
static unsigned nv_nobs;
static struct {
    uint64_t esr, elr, spsr;
    unsigned count;
} nv_hvc[4];
/* The guest's handler for the exceptions nv.h does not handle (traps.c):
 * returns 1 when it handled `f` (the ERET then returns to f->elr). */
static int (*nv_other_exception)(struct exc_frame *f, unsigned el, unsigned offset);

static __attribute__((unused)) uint64_t nv_vtcr(unsigned ia_bits, unsigned start_level)
{
    /* 4KB granule; SH0 Outer, IRGN0 = ORGN0 = 0 (Non-cacheable walks: the
     * L1 writes the tables with its MMU off); PS 40 bits */
    return VTCR_RES1 | VTCR_T0SZ(64 - ia_bits) | vtcr_sl0(NV_GRAN, start_level) | VTCR_SH0_OUTER |
           VTCR_TG0_4K | VTCR_PS(PS_40BIT);
}

static __attribute__((unused)) void nv_init(void)
{
    write_sysreg(vbar_el2, (uint64_t)vectors_el2);
    el2_setup_el1();
    mmu_pool_init(nv_pool, sizeof nv_pool);
    for (unsigned p = 0; p < NV_NPAGES; p++)
        for (unsigned w = 0; w < 512; w++)
            nv_pages[p][w] = NV_PAT(p);
    for (unsigned id = 0xC; id <= 0xE; id++)
        *(volatile uint64_t *)(uintptr_t)(nv_block(id) + NV_BLOCK_OFF) = NV_BPAT(id);
    dsb(ish);
}

/* A VM: stage-2 tables with `ia_bits` of IPA, the lookup starting at
 * `start_level` (concatenated initial tables where the IPA size needs them),
 * the identity map of the image. */
static __attribute__((unused)) void vm_init(struct vm *vm, unsigned vmid, unsigned ia_bits, unsigned start_level)
{
    vm->vmid = vmid;
    vm->vtcr = nv_vtcr(ia_bits, start_level);
    mmu_space_init(&vm->s2, NV_GRAN, ia_bits, start_level);
    uint64_t end = ((uint64_t)(uintptr_t)__image_end + 0x1fffff) & ~0x1fffffull;
    mmu_map(&vm->s2, RAM_BASE, RAM_BASE, end - RAM_BASE, S2_NORMAL, 2);
}

static __attribute__((unused)) volatile uint64_t *vm_pte(struct vm *vm, uint64_t ipa, unsigned level)
{
    return mmu_pte(&vm->s2, ipa, level);
}

/* maps IPA page `ipa` to page `id` (before the L2 has used it: no TLBI) */
static __attribute__((unused)) void vm_map(struct vm *vm, uint64_t ipa, unsigned id)
{
    *vm_pte(vm, ipa, 3) = mmu_leaf(nv_page(id), S2_NORMAL, 3);
    dsb(ish);
}

/* loads VTCR_EL2 and VTTBR_EL2 for `vm` (no TLBI: entries are tagged with
 * the VMID) */
static __attribute__((unused)) void vm_load(struct vm *vm)
{
    nv_cur = vm;
    write_sysreg(vtcr_el2, vm->vtcr);
    write_sysreg(vttbr_el2, mmu_root(&vm->s2) | VTTBR_VMID(vm->vmid));
    isb();
}

/* HVC #1: the L1 walks the current VM's stage 2 in software */
static __attribute__((unused)) uint64_t nv_walk_read(struct vm *vm, uint64_t ipa)
{
    for (unsigned l = vm->s2.start_level; l <= 3; l++) {
        volatile uint64_t *pte = mmu_pte_lookup(&vm->s2, ipa, l);
        if (!pte)
            return NV_NOMAP;
        uint64_t d = *pte;
        if (!(d & PTE_VALID))
            return NV_NOMAP;
        if (l == 3 || (d & PTE_TYPE_TABLE) == 0) {
            if (l == 3 && (d & PTE_TYPE_TABLE) == 0)
                return NV_NOMAP;        /* reserved at level 3 */
            uint64_t size = mmu_level_size(NV_GRAN, l);
            uint64_t pa = (d & PTE_ADDR_MASK & ~(size - 1)) | (ipa & (size - 1));
            return *(volatile uint64_t *)(uintptr_t)pa;
        }
    }
    return NV_NOMAP;
}

void handle_exception(struct exc_frame *f, unsigned el, unsigned offset)
{
    if (el == 2 && offset == VEC_LOWER_A64 + VEC_SYNC && ESR_EC(f->esr) == EC_HVC64) {
        unsigned imm = f->esr & 0xffff;
        if (imm >= 1 && imm <= 3) {
            nv_hvc[imm].esr = f->esr;
            nv_hvc[imm].elr = f->elr;
            nv_hvc[imm].spsr = f->spsr;
            nv_hvc[imm].count++;
        }
        switch (imm) {
        case 1:
            f->x[0] = nv_walk_read(nv_cur, f->x[0]);
            return;
        case 2:
            lower_return(f->x[0]);
        case 3: {
            unsigned round = nv_nobs;
            if (round < NV_MAXOBS) {
                nv_obs[round].seen = f->x[0];
                nv_obs[round].walk = f->x[1];
                nv_nobs++;
            }
            f->x[0] = (nv_step && round + 1 < NV_MAXOBS) ? (uint64_t)nv_step(round) : 0;
            return;
        }
        }
    }
    if (nv_other_exception && nv_other_exception(f, el, offset))
        return;
    exc_unexpected(f, el, offset);
}

/* Runs the L2 of `vm` (its VTTBR loaded, HCR_EL2.VM = 1) on data IPA `ipa`;
 * `step` is called at each HVC #3; returns the L2's HVC #2 value. */
static __attribute__((unused)) uint64_t l2_run(struct vm *vm, uint64_t ipa, int (*step)(unsigned round))
{
    nv_nobs = 0;
    for (unsigned i = 0; i < NV_MAXOBS; i++)
        nv_obs[i].seen = nv_obs[i].walk = 0;
    nv_step = step;
    vm_load(vm);
    write_sysreg(hcr_el2, HCR_RW | HCR_VM);
    isb();
    uint64_t r = lower_call(SPSR_EL1h | SPSR_DAIF, l2_main, ipa,
                            (uint64_t)(uintptr_t)(nv_l2_stack + sizeof nv_l2_stack));
    write_sysreg(hcr_el2, HCR_RW);
    isb();
    return r;
}

static __attribute__((unused)) int nv_stop(unsigned round)
{
    (void)round;
    return 0;
}

/* one round: the value the L2 reads at `ipa` (its HVC #2 exit value) */
static __attribute__((unused)) uint64_t l2_read_once(struct vm *vm, uint64_t ipa)
{
    return l2_run(vm, ipa, nv_stop);
}

static char nv_name[200];
#define NAME(...) (snprintf(nv_name, sizeof nv_name, __VA_ARGS__), nv_name)

/* Whether every round's two values agree (the L2's load and the L1's
 * software walk), and the L2 exited with its last load. */
static __attribute__((unused)) int nv_rounds_consistent(unsigned rounds, uint64_t exit_value)
{
    if (nv_nobs != rounds)
        return 0;
    for (unsigned r = 0; r < rounds; r++)
        if (nv_obs[r].seen != nv_obs[r].walk)
            return 0;
    return exit_value == nv_obs[rounds - 1].seen;
}

/*
 * The remap scenario: IPA `ipa` of `vm` maps page ids[0]; the L2 reads it
 * (round 0), yields, the L1 remaps the IPA to ids[1] with `seq` (operand
 * `xt`) while the L2 waits in HVC #3, the L2 reads again (round 1), ... up
 * to ids[n - 1]; then it exits.  One check per round (the L2's value) and
 * one for the agreement with the L1's walk and the exit value.
 */
static struct {
    struct vm *vm;
    uint64_t ipa, xt;
    nv_seq_fn *seq;
    const unsigned *ids;
    unsigned n, level;
} nv_sc;

/* the descriptor that maps id at `level` (3: page id, 2: block id) */
static __attribute__((unused)) uint64_t nv_leaf(unsigned id, unsigned level)
{
    return mmu_leaf(level == 3 ? nv_page(id) : nv_block(id), S2_NORMAL, level);
}

static __attribute__((unused)) int nv_remap_step(unsigned round)
{
    if (round + 1 >= nv_sc.n)
        return 0;
    nv_sc.seq(vm_pte(nv_sc.vm, nv_sc.ipa, nv_sc.level), nv_leaf(nv_sc.ids[round + 1], nv_sc.level), nv_sc.xt);
    return 1;
}

static __attribute__((unused)) void nv_remap_scenario_at(const char *label, struct vm *vm, uint64_t ipa,
                                                         unsigned level, nv_seq_fn *seq, uint64_t xt,
                                                         const unsigned *ids, unsigned n)
{
    nv_sc.vm = vm;
    nv_sc.ipa = ipa;
    nv_sc.seq = seq;
    nv_sc.xt = xt;
    nv_sc.ids = ids;
    nv_sc.n = n;
    nv_sc.level = level;
    *vm_pte(vm, ipa, level) = nv_leaf(ids[0], level);
    dsb(ish);
    uint64_t r = l2_run(vm, ipa, nv_remap_step);
    for (unsigned i = 0; i < n; i++)
        check(NAME("%s: L2 round %u reads IPA 0x%llx -> %s %X (pattern 0x%llx)%s", label, i,
                   (unsigned long long)ipa, level == 3 ? "page" : "2MB block", ids[i],
                   (unsigned long long)(level == 3 ? NV_PAT(ids[i]) : NV_BPAT(ids[i])),
                   i == 0 ? "" : " after the remap"),
              nv_obs[i].seen, level == 3 ? NV_PAT(ids[i]) : NV_BPAT(ids[i]));
    check(NAME("%s: %u rounds, each L2 load equals the L1's walk of its stage 2 (HVC 1), exit value = last load",
               label, n),
          nv_rounds_consistent(n, r), 1);
}

/* the page scenario (level 3) */
static __attribute__((unused)) void nv_remap_scenario(const char *label, struct vm *vm, uint64_t ipa, nv_seq_fn *seq,
                                                      uint64_t xt, const unsigned *ids, unsigned n)
{
    nv_remap_scenario_at(label, vm, ipa, 3, seq, xt, ids, n);
}

/*
 * The L2's own stage 1 (optional): the L1 loads the L2's EL1 registers
 * before the ERET, as a hypervisor restores a vCPU.  Identity VA = IPA,
 * 4KB granule, 39-bit VA, level-1 start: RAM up to the end of the image as
 * 2MB blocks, [0x8000_0000, 0xC000_0000) (the data IPAs) as one 1GB block;
 * all Normal Non-cacheable (MAIR Attr2), Non-cacheable walks (TCR_EL1
 * IRGN0 = ORGN0 = 0).  With it, a load of a data IPA can make a combined
 * stage 1 + stage 2 TLB entry.  The tables are IPAs = PAs in the image,
 * which every VM's stage 2 maps.
 */
static struct mmu_space nv_l2_s1;
static int nv_l2_s1_built;

static __attribute__((unused)) void nv_l2_mmu_on(void)
{
    if (!nv_l2_s1_built) {
        mmu_space_init(&nv_l2_s1, MMU_G4K, 39, 1);
        uint64_t end = ((uint64_t)(uintptr_t)__image_end + 0x1fffff) & ~0x1fffffull;
        uint64_t nc = PTE_ATTRINDX(MAIR_IDX_NC) | PTE_SH_OUTER | PTE_AF;
        mmu_map(&nv_l2_s1, RAM_BASE, RAM_BASE, end - RAM_BASE, nc, 2);
        mmu_map(&nv_l2_s1, 0x80000000ull, 0x80000000ull, 1ull << 30, nc | PTE_PXN | PTE_UXN, 1);
        dsb(ish);
        nv_l2_s1_built = 1;
    }
    write_sysreg(mair_el1, MAIR_DEFAULT);
    write_sysreg(tcr_el1, TCR_T0SZ(25) | TCR_TG0_4K | TCR_EPD1 | TCR_IPS(PS_40BIT));
    write_sysreg(ttbr0_el1, mmu_root(&nv_l2_s1));
    write_sysreg(sctlr_el1, SCTLR_EL1_GUEST | SCTLR_M);
    isb();
}

/* The L2's stage 1 off again (SCTLR_EL1.M = 0; nothing was cached: every
 * L2 access was Non-cacheable). */
static __attribute__((unused)) void nv_l2_mmu_off(void)
{
    write_sysreg(sctlr_el1, SCTLR_EL1_GUEST);
    isb();
}

/* ID register fields */
static __attribute__((unused)) int nv_has_tlbirange(void)
{
    return ((read_sysreg(id_aa64isar0_el1) >> 56) & 0xf) >= 2;      /* TLB: 0b0010 = OS + range */
}
static __attribute__((unused)) int nv_has_ttl(void)
{
    return ((read_sysreg(s3_0_c0_c7_2) >> 48) & 0xf) >= 1;          /* ID_AA64MMFR2_EL1.TTL */
}

/* Start: at EL2, the L1 set up; every TLB entry of EL1&0 gone. */
static __attribute__((unused)) int nv_start(void)
{
    if (!check("CurrentEL is EL2 (the L1 hypervisor)", current_el(), 2))
        return 0;
    nv_init();
    tlbi(alle1is);
    dsb(ish);
    isb();
    return 1;
}

/* The end: stage 2 off, EL1 back to its reset-like state. */
static __attribute__((unused)) int nv_done(void)
{
    write_sysreg(hcr_el2, HCR_RW);
    write_sysreg(vttbr_el2, 0);
    isb();
    tlbi(alle1is);
    dsb(ish);
    isb();
    return tap_done();
}

#endif
