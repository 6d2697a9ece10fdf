/*
 * vec.h - what the simd guests share: a 128-bit register image that C code
 * compiled with or without -mgeneral-regs-only can read lane by lane, FPCR
 * and FPSR access, and a check that compares two images.
 *
 * Lane i of a register is bytes [i*esize, (i+1)*esize) of its image in
 * memory, least significant byte first (Arm ARM: Elem[] on a little-endian
 * memory, as ST1 {Vt.16B} stores it).
 */
#ifndef A64EMU_SIMD_VEC_H
#define A64EMU_SIMD_VEC_H

#include <stdint.h>

typedef union {
    uint8_t  b[16];
    int8_t   sb[16];
    uint16_t h[8];
    int16_t  sh[8];
    uint32_t s[4];
    int32_t  ss[4];
    uint64_t d[2];
    int64_t  sd[2];
} __attribute__((aligned(16))) v128;

/* FPCR (Arm ARM D24.2 FPCR) and FPSR (FPSR) fields used by the tests */
#define FPCR_AHP     (1u << 26)
#define FPCR_DN      (1u << 25)
#define FPCR_FZ      (1u << 24)
#define FPCR_RMODE(m) ((uint64_t)(m) << 22)
#define RM_RN        0u          /* round to nearest, ties to even */
#define RM_RP        1u          /* towards plus infinity */
#define RM_RM        2u          /* towards minus infinity */
#define RM_RZ        3u          /* towards zero */
#define FPSR_QC      (1u << 27)
#define FPSR_IDC     (1u << 7)
#define FPSR_IXC     (1u << 4)
#define FPSR_UFC     (1u << 3)
#define FPSR_OFC     (1u << 2)
#define FPSR_DZC     (1u << 1)
#define FPSR_IOC     (1u << 0)

/* MRS/MSR FPCR and FPSR: these are plain system-register moves, no FP
 * register is touched (they assemble with -mgeneral-regs-only as well,
 * given the architecture extension). */
static inline uint64_t get_fpcr(void)
{
    uint64_t v;
    __asm__ volatile(".arch_extension fp\n\tmrs %0, fpcr" : "=r"(v) :: "memory");
    return v;
}
static inline void set_fpcr(uint64_t v)
{
    __asm__ volatile(".arch_extension fp\n\tmsr fpcr, %0\n\tisb" :: "r"(v) : "memory");
}
static inline uint64_t get_fpsr(void)
{
    uint64_t v;
    __asm__ volatile(".arch_extension fp\n\tmrs %0, fpsr" : "=r"(v) :: "memory");
    return v;
}
static inline void set_fpsr(uint64_t v)
{
    __asm__ volatile(".arch_extension fp\n\tmsr fpsr, %0" :: "r"(v) : "memory");
}

#endif
