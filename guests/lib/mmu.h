/*
 * mmu.h - VMSAv8-64 translation tables for the guests: descriptor bits,
 * TCR/VTCR/MAIR/PAR fields, a small page-table builder, and the TLBI, AT
 * and cache-maintenance instructions the mmu suite uses.
 *
 * Names and bit positions are the Arm ARM's (DDI 0487): D8.3 "Translation
 * table descriptor formats" (VMSAv8-64, 4KB/16KB/64KB granules, 48-bit OA,
 * TCR_ELx.DS = 0), D8.2 "Translation process" for the lookup levels, and the
 * register descriptions TCR_EL1, TCR_EL2, VTCR_EL2, MAIR_EL1, PAR_EL1 in D24.2.
 *
 * The builder (mmu.c):
 *
 *   static uint8_t pool[256 << 10] __attribute__((aligned(65536)));
 *   mmu_pool_init(pool, sizeof pool);
 *   struct mmu_space s;
 *   mmu_space_init(&s, MMU_G4K, 39, 1);            4KB granule, 39-bit input,
 *                                                   lookup starts at level 1
 *   mmu_map(&s, va, pa, size, PTE_NORMAL_RW, 3);    pages (level 3)
 *   mmu_map(&s, va, pa, size, PTE_NORMAL_RW, 2);    2MB blocks (level 2)
 *   uint64_t *pte = mmu_pte(&s, va, 3);             the level-3 descriptor
 *   write_sysreg(ttbr0_el1, mmu_root(&s));
 *
 * Tables come from the pool, granule-sized and granule-aligned (the root
 * from mmu_space_init is sized and aligned for its entry count, so stage 2
 * concatenated initial tables work too), zeroed (every entry invalid).
 * The builder writes with plain stores: build the tables with the MMU off,
 * or follow the rules for live tables (break-before-make, DSB, TLBI).
 * Addresses are physical: the tables are read by the table walker at the
 * address the builder stores, so the pool must be identity-mapped (VA = PA,
 * or IPA = PA for stage-2 walks of stage-1 tables) when it is used.
 */
#ifndef A64EMU_MMU_H
#define A64EMU_MMU_H

#include <stddef.h>
#include <stdint.h>

/* ---- granules: log2 of the granule size --------------------------------- */
#define MMU_G4K     12
#define MMU_G16K    14
#define MMU_G64K    16

/* ---- descriptors (D8.3.1, D8.3.2) -------------------------------------- */
#define PTE_VALID       (1ull << 0)
#define PTE_TYPE_TABLE  (1ull << 1)     /* levels 0-2: table; level 3: page */
#define PTE_TABLE       (PTE_VALID | PTE_TYPE_TABLE)
#define PTE_PAGE        (PTE_VALID | PTE_TYPE_TABLE)
#define PTE_BLOCK       (PTE_VALID)
/* stage 1 block and page attributes */
#define PTE_ATTRINDX(n) ((uint64_t)(n) << 2)    /* AttrIndx[2:0]: MAIR_ELx.Attr<n> */
#define PTE_NS          (1ull << 5)
#define PTE_AP_RW_EL1   (0ull << 6)     /* AP[2:1] = 00: EL1 RW, EL0 none */
#define PTE_AP_RW_ALL   (1ull << 6)     /* AP[2:1] = 01: EL1 RW, EL0 RW */
#define PTE_AP_RO_EL1   (2ull << 6)     /* AP[2:1] = 10: EL1 RO, EL0 none */
#define PTE_AP_RO_ALL   (3ull << 6)     /* AP[2:1] = 11: EL1 RO, EL0 RO */
#define PTE_AP_MASK     (3ull << 6)
#define PTE_SH_NON      (0ull << 8)
#define PTE_SH_OUTER    (2ull << 8)
#define PTE_SH_INNER    (3ull << 8)
#define PTE_AF          (1ull << 10)
#define PTE_NG          (1ull << 11)
#define PTE_DBM         (1ull << 51)
#define PTE_CONT        (1ull << 52)
#define PTE_PXN         (1ull << 53)
#define PTE_UXN         (1ull << 54)    /* XN in single-range regimes (EL2) */
#define PTE_XN          PTE_UXN
/* stage 2 block and page attributes (D8.3.2, D8.6.5) */
#define S2_MEMATTR(x)   ((uint64_t)(x) << 2)    /* MemAttr[3:0] */
#define S2_MEMATTR_DEV_nGnRnE   S2_MEMATTR(0x0)
#define S2_MEMATTR_DEV_nGnRE    S2_MEMATTR(0x1)
#define S2_MEMATTR_NC           S2_MEMATTR(0x5)     /* Outer NC, Inner NC */
#define S2_MEMATTR_WB           S2_MEMATTR(0xf)     /* Outer WB, Inner WB */
#define S2_AP_NONE      (0ull << 6)     /* S2AP[1:0]: [1] write, [0] read */
#define S2_AP_RO        (1ull << 6)
#define S2_AP_WO        (2ull << 6)
#define S2_AP_RW        (3ull << 6)
#define S2_XN           (2ull << 53)    /* XN[1:0] = 10: no execution at EL1 or EL0 */
/* OA of a descriptor, 48-bit OA (bits 47:12 for every granule with DS = 0) */
#define PTE_ADDR_MASK   0x0000fffffffff000ull

/* Common combinations for stage 1 with MAIR_DEFAULT below. */
#define PTE_NORMAL      (PTE_ATTRINDX(MAIR_IDX_WB) | PTE_SH_INNER | PTE_AF)
#define PTE_DEVICE      (PTE_ATTRINDX(MAIR_IDX_DEV_nGnRnE) | PTE_AF | PTE_PXN | PTE_UXN)
#define S2_NORMAL       (S2_MEMATTR_WB | S2_AP_RW | PTE_SH_INNER | PTE_AF)
#define S2_DEVICE       (S2_MEMATTR_DEV_nGnRE | S2_AP_RW | PTE_AF | S2_XN)

/* ---- MAIR_ELx (D24.2 MAIR_EL1: Attr<n> encodings) ------------------------- */
#define MAIR_DEV_nGnRnE 0x00u
#define MAIR_DEV_nGnRE  0x04u
#define MAIR_NC         0x44u       /* Normal, Outer and Inner Non-cacheable */
#define MAIR_WT         0xbbu       /* Normal, Outer and Inner WT non-transient, RW-allocate */
#define MAIR_WB         0xffu       /* Normal, Outer and Inner WB non-transient, RW-allocate */
#define MAIR_IDX_DEV_nGnRnE 0
#define MAIR_IDX_WB         1
#define MAIR_IDX_NC         2
#define MAIR_IDX_DEV_nGnRE  3
#define MAIR_IDX_WT         4
#define MAIR_ATTR(idx, attr) ((uint64_t)(attr) << (8 * (idx)))
#define MAIR_DEFAULT (MAIR_ATTR(MAIR_IDX_DEV_nGnRnE, MAIR_DEV_nGnRnE) | \
                      MAIR_ATTR(MAIR_IDX_WB, MAIR_WB) |                 \
                      MAIR_ATTR(MAIR_IDX_NC, MAIR_NC) |                 \
                      MAIR_ATTR(MAIR_IDX_DEV_nGnRE, MAIR_DEV_nGnRE) |   \
                      MAIR_ATTR(MAIR_IDX_WT, MAIR_WT))

/* ---- TCR_EL1, and TCR_EL2 when HCR_EL2.E2H = 1 (same layout) ------------- */
#define TCR_T0SZ(n)     ((uint64_t)(n) << 0)
#define TCR_EPD0        (1ull << 7)
#define TCR_IRGN0_WBWA  (1ull << 8)
#define TCR_ORGN0_WBWA  (1ull << 10)
#define TCR_SH0_INNER   (3ull << 12)
#define TCR_TG0_4K      (0ull << 14)
#define TCR_TG0_64K     (1ull << 14)
#define TCR_TG0_16K     (2ull << 14)
#define TCR_T1SZ(n)     ((uint64_t)(n) << 16)
#define TCR_A1          (1ull << 22)
#define TCR_EPD1        (1ull << 23)
#define TCR_IRGN1_WBWA  (1ull << 24)
#define TCR_ORGN1_WBWA  (1ull << 26)
#define TCR_SH1_INNER   (3ull << 28)
#define TCR_TG1_16K     (1ull << 30)    /* TG1 encodes the granules differently */
#define TCR_TG1_4K      (2ull << 30)
#define TCR_TG1_64K     (3ull << 30)
#define TCR_IPS(n)      ((uint64_t)(n) << 32)
#define TCR_AS          (1ull << 36)
#define TCR_TBI0        (1ull << 37)
#define TCR_TBI1        (1ull << 38)
#define TCR_HA          (1ull << 39)
#define TCR_HD          (1ull << 40)
/* the usual walk attributes: Normal Inner/Outer WB WA, Inner Shareable */
#define TCR_WALK0       (TCR_IRGN0_WBWA | TCR_ORGN0_WBWA | TCR_SH0_INNER)
#define TCR_WALK1       (TCR_IRGN1_WBWA | TCR_ORGN1_WBWA | TCR_SH1_INNER)

/* PS / IPS encodings (ID_AA64MMFR0_EL1.PARange has the same ones) */
#define PS_32BIT    0u
#define PS_36BIT    1u
#define PS_40BIT    2u
#define PS_42BIT    3u
#define PS_44BIT    4u
#define PS_48BIT    5u
#define PS_52BIT    6u

/* ---- TCR_EL2 when HCR_EL2.E2H = 0 (single VA range) ---------------------- */
#define TCR_EL2_RES1    ((1ull << 31) | (1ull << 23))
#define TCR_EL2_PS(n)   ((uint64_t)(n) << 16)

/* ---- VTCR_EL2 ------------------------------------------------------------- */
#define VTCR_T0SZ(n)    ((uint64_t)(n) << 0)
#define VTCR_SL0(n)     ((uint64_t)(n) << 6)
#define VTCR_IRGN0_WBWA (1ull << 8)
#define VTCR_ORGN0_WBWA (1ull << 10)
#define VTCR_SH0_OUTER  (2ull << 12)
#define VTCR_SH0_INNER  (3ull << 12)
#define VTCR_TG0_4K     (0ull << 14)
#define VTCR_TG0_64K    (1ull << 14)
#define VTCR_TG0_16K    (2ull << 14)
#define VTCR_PS(n)      ((uint64_t)(n) << 16)
#define VTCR_VS         (1ull << 19)    /* 16-bit VMID */
#define VTCR_RES1       (1ull << 31)
#define VTTBR_VMID(v)   ((uint64_t)(v) << 48)
#define TTBR_ASID(a)    ((uint64_t)(a) << 48)

/* ---- ID_AA64MMFR0_EL1 ------------------------------------------------------ */
#define MMFR0_PARANGE(r)    ((unsigned)((r) >> 0) & 0xf)
#define MMFR0_ASIDBITS(r)   ((unsigned)((r) >> 4) & 0xf)    /* 0: 8 bits, 2: 16 bits */
#define MMFR0_TGRAN16(r)    ((unsigned)((r) >> 20) & 0xf)   /* 0: no, 1: yes, 2: yes + 52-bit */
#define MMFR0_TGRAN64(r)    ((unsigned)((r) >> 24) & 0xf)   /* 0: yes, 0xf: no */
#define MMFR0_TGRAN4(r)     ((unsigned)((r) >> 28) & 0xf)   /* 0: yes, 1: yes + 52-bit, 0xf: no */
#define MMFR1_VMIDBITS(r)   ((unsigned)((r) >> 4) & 0xf)    /* 0: 8 bits, 2: 16 bits */
#define MMFR1_VH(r)         ((unsigned)((r) >> 8) & 0xf)

/* ---- PAR_EL1 (64-bit format) ----------------------------------------------- */
#define PAR_F           (1ull << 0)
#define PAR_FST(p)      (((p) >> 1) & 0x3f)     /* F = 1 */
#define PAR_PTW         (1ull << 8)             /* F = 1 */
#define PAR_S           (1ull << 9)             /* F = 1: stage 2 fault */
#define PAR_RES1        (1ull << 11)            /* RES1 in both formats (no FEAT_RME) */
#define PAR_SH(p)       (((p) >> 7) & 3)        /* F = 0 */
#define PAR_NS          (1ull << 9)             /* F = 0 */
#define PAR_PA(p)       ((p) & PTE_ADDR_MASK)   /* F = 0 */
#define PAR_ATTR(p)     ((p) >> 56)             /* F = 0 */

/* ---- fault status codes (ESR_ELx.DFSC/IFSC, PAR_EL1.FST) --------------------- */
#define FSC_ADDR_SIZE(l)    (0x00u | (l))   /* 0b0000LL */
#define FSC_TRANSLATION(l)  (0x04u | (l))   /* 0b0001LL */
#define FSC_ACCESS_FLAG(l)  (0x08u | (l))   /* 0b0010LL */
#define FSC_PERMISSION(l)   (0x0cu | (l))   /* 0b0011LL */
#define FSC_ALIGNMENT       0x21u           /* 0b100001 */

/* ---- Data Abort ISS (D24.2.43, ISS encoding for an exception from a Data Abort) */
#define ISS_ISV         (1u << 24)
#define ISS_SAS(n)      ((uint32_t)(n) << 22)   /* 0 byte, 1 halfword, 2 word, 3 doubleword */
#define ISS_SSE         (1u << 21)
#define ISS_SRT(n)      ((uint32_t)(n) << 16)
#define ISS_SF          (1u << 15)
#define ISS_AR          (1u << 14)
#define ISS_CM          (1u << 8)
#define ISS_S1PTW       (1u << 7)
#define ISS_WNR         (1u << 6)

/* ---- HPFAR_EL2 ------------------------------------------------------------- */
#define HPFAR_FOR_IPA(ipa)  ((((uint64_t)(ipa) >> 12) & 0xfffffffffull) << 4)   /* FIPA[47:12] */

/* ---- the builder (mmu.c) --------------------------------------------------- */
struct mmu_space {
    unsigned gshift;        /* log2 of the granule: 12, 14 or 16 */
    unsigned ia_bits;       /* input address size: 64 - TxSZ */
    unsigned start_level;   /* level of the initial lookup */
    uint64_t *root;         /* initial table (concatenated tables for stage 2) */
};

void     mmu_pool_init(void *base, size_t size);
void    *mmu_alloc(size_t size, size_t align);      /* zeroed; Bail out! when full */
/* lookup level that resolves the top input-address bits without concatenation */
unsigned mmu_start_level(unsigned gshift, unsigned ia_bits);
/* bytes mapped by one descriptor at `level` (a page at level 3) */
static inline uint64_t mmu_level_size(unsigned gshift, unsigned level)
{
    return 1ull << (gshift + (3 - level) * (gshift - 3));
}
void     mmu_space_init(struct mmu_space *s, unsigned gshift, unsigned ia_bits,
                        unsigned start_level);
static inline uint64_t mmu_root(const struct mmu_space *s) { return (uint64_t)(uintptr_t)s->root; }
/* The descriptor for `va` at `level`, creating table descriptors (and tables)
 * above it as needed.  Bail out! if a block or a bad entry is in the way. */
uint64_t *mmu_pte(struct mmu_space *s, uint64_t va, unsigned level);
/* Same, but creates nothing: NULL if a level above has no table. */
uint64_t *mmu_pte_lookup(struct mmu_space *s, uint64_t va, unsigned level);
/* Maps [va, va + size) to pa with descriptors at `level` (blocks at 0-2,
 * pages at 3): descriptor = OA | attrs | type bits.  va, pa and size must be
 * multiples of mmu_level_size(level). */
void     mmu_map(struct mmu_space *s, uint64_t va, uint64_t pa, uint64_t size,
                 uint64_t attrs, unsigned level);
/* The descriptor a mapping at `level` gets (type bits for the level). */
static inline uint64_t mmu_leaf(uint64_t pa, uint64_t attrs, unsigned level)
{
    return (pa & PTE_ADDR_MASK) | attrs | (level == 3 ? PTE_PAGE : PTE_BLOCK);
}

/*
 * The guests' usual identity map (VA = PA) of RAM and the UART, for the
 * regime `regime` (which descriptor bits mean what):
 *   [RAM_BASE, __image_start)      RW at EL1 (EL2), execute-never
 *   [__image_start, __data_start)  code and read-only data: read-only at
 *                                  every EL that has access, executable
 *                                  (EL0 too in the two-range regimes, so
 *                                  EL0 test code can live anywhere in .text)
 *   [__data_start, ram_end)        RW at EL1 (EL2) only, execute-never
 *   the PL011 page                 Device-nGnRnE, RW at EL1 (EL2), XN
 * Normal memory is MAIR_DEFAULT's Attr1 (WB), Inner Shareable, AF = 1,
 * global.  Pages (level 3) over [RAM_BASE, end of the image), then the
 * largest blocks (level 2) that fit, then pages again to ram_end.
 * __data_start is aligned to 64KB by mmu.c (an aligned object in .data),
 * so the split falls on a page boundary for every granule.
 */
#define MMU_REGIME_EL10     0   /* EL1&0: AP[1] = EL0 access, PXN and UXN */
#define MMU_REGIME_EL2      1   /* EL2, E2H = 0: AP[1] RES1, XN (bit 54); PXN RES0 */
#define MMU_REGIME_EL20     2   /* EL2&0, E2H = 1: as EL1&0 */
#define RAM_BASE        0x40000000ull
#define RAM_END_128M    0x48000000ull       /* QEMU's default -m 128M */
#define UART_PA         0x09000000ull
void mmu_map_identity(struct mmu_space *s, int regime, uint64_t ram_end);
/* descriptor attributes of the identity map's data pages for a regime */
uint64_t mmu_data_attrs(int regime);

/* TCR_ELx.TG0 / TG1 and VTCR_EL2.TG0 for a granule */
uint64_t tcr_tg0(unsigned gshift);
uint64_t tcr_tg1(unsigned gshift);
/* VTCR_EL2.SL0 for a start level (D24.2 VTCR_EL2.SL0, TCR_EL2.DS = 0) */
uint64_t vtcr_sl0(unsigned gshift, unsigned start_level);

/* ---- maintenance ---------------------------------------------------------- */
#define tlbi(op)        __asm__ volatile("tlbi " #op ::: "memory")
#define tlbi_x(op, x)   __asm__ volatile("tlbi " #op ", %0" :: "r"((uint64_t)(x)) : "memory")
/* Xt for the VA forms: VA[55:12] in bits 43:0, ASID in bits 63:48 */
#define TLBI_VA(va, asid)   ((((uint64_t)(va) >> 12) & 0xfffffffffffull) | ((uint64_t)(asid) << 48))
/* Xt for IPAS2E1*: IPA[47:12] in bits 35:0 */
#define TLBI_IPA(ipa)       (((uint64_t)(ipa) >> 12) & 0xfffffffffull)

/* AT <op>, va; ISB; returns PAR_EL1 */
#define at_par(op, va) ({                                                  \
    uint64_t __par;                                                        \
    __asm__ volatile("at " #op ", %1\n\tisb\n\tmrs %0, par_el1"            \
                     : "=r"(__par) : "r"((uint64_t)(va)) : "memory");      \
    __par; })

/* DC CIVAC over [start, end) (CTR_EL0.DminLine), then DSB SY */
void dcache_clean_inval_poc(uintptr_t start, uintptr_t end);
/* DC IVAC over [start, end) (lines must not hold data newer than memory
 * that is wanted), then DSB SY */
void dcache_inval_poc(uintptr_t start, uintptr_t end);

/*
 * mmu_el1_off(): turns the EL1&0 stage-1 MMU and caches off
 * (SCTLR_EL1.M = C = I = 0) without losing data: DC CIVAC over the image
 * (__image_start to __image_end: code, data, bss, stack and page tables) to
 * the PoC, MSR SCTLR_EL1, ISB, then DC CIVAC over the image again, so
 * that no cache line (dirty, or clean and later stale) survives into the
 * MMU-off period.  Leaf assembly (mmu_asm.S): no stack access between the
 * first clean and the second.
 */
void mmu_el1_off(void);
/* mmu_el2_off(): the same at EL2 for SCTLR_EL2 (M, C, I) */
void mmu_el2_off(void);

/* symbols from link.ld */
extern char __image_start[], __image_end[], __data_start[], __bss_start[],
            __bss_end[], __stack_bottom[], __stack_top[];

#endif
