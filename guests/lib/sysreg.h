/*
 * sysreg.h - system-register access and the architectural constants the
 * exception-level guests use (names and bit positions as in the Arm ARM,
 * DDI 0487: D24.2 for the registers, D24.2.{43,44} ESR_ELx).
 *
 *   uint64_t v = read_sysreg(sctlr_el1);   MRS
 *   write_sysreg(sctlr_el1, v);             MSR (register)
 *   isb(); dsb(sy); dmb(ish);
 *
 * The register name is pasted into the instruction, so any name the
 * assembler knows works, and so does the generic form s<op0>_<op1>_c<n>_c<m>_<op2>.
 */
#ifndef A64EMU_SYSREG_H
#define A64EMU_SYSREG_H

#include <stdint.h>

#define read_sysreg(reg) ({                                            \
    uint64_t __v;                                                      \
    __asm__ volatile("mrs %0, " #reg : "=r"(__v) :: "memory");         \
    __v; })

#define write_sysreg(reg, val) do {                                    \
    uint64_t __v = (uint64_t)(val);                                    \
    __asm__ volatile("msr " #reg ", %0" :: "r"(__v) : "memory");       \
} while (0)

#define isb()       __asm__ volatile("isb" ::: "memory")
#define dsb(opt)    __asm__ volatile("dsb " #opt ::: "memory")
#define dmb(opt)    __asm__ volatile("dmb " #opt ::: "memory")

/* PSTATE.DAIF as read through MRS DAIF (bits 9:6) and the MSR DAIFSet/Clr immediates */
#define DAIF_F      (1u << 6)
#define DAIF_I      (1u << 7)
#define DAIF_A      (1u << 8)
#define DAIF_D      (1u << 9)
#define DAIF_ALL    0x3c0u
#define irq_mask()   __asm__ volatile("msr daifset, #2" ::: "memory")
#define irq_unmask() __asm__ volatile("msr daifclr, #2" ::: "memory")

/* CurrentEL (bits 3:2) */
static inline unsigned current_el(void)
{
    return (unsigned)(read_sysreg(CurrentEL) >> 2) & 3;
}

/* ---- SPSR_ELx / PSTATE in SPSR format (C5.2.18 SPSR_EL1) ---------------- */
#define SPSR_M_MASK 0x1fu       /* M[4:0]; M[4] = 0: AArch64 */
#define SPSR_EL0t   0x0u
#define SPSR_EL1t   0x4u
#define SPSR_EL1h   0x5u
#define SPSR_EL2t   0x8u
#define SPSR_EL2h   0x9u
#define SPSR_EL3h   0xdu
#define SPSR_F      (1u << 6)
#define SPSR_I      (1u << 7)
#define SPSR_A      (1u << 8)
#define SPSR_D      (1u << 9)
#define SPSR_DAIF   0x3c0u
#define SPSR_IL     (1u << 20)  /* Illegal Execution state */
#define SPSR_SS     (1u << 21)
#define SPSR_NZCV   0xf0000000u

/* ---- ESR_ELx ---------------------------------------------------------- */
#define ESR_EC(esr)     (((esr) >> 26) & 0x3f)
#define ESR_IL          (1u << 25)
#define ESR_ISS(esr)    ((esr) & 0x1ffffff)
#define ESR_ELx(ec, iss) ((((uint64_t)(ec)) << 26) | ESR_IL | (uint64_t)(iss))

#define EC_UNKNOWN      0x00    /* unknown reason (UNDEFINED instructions) */
#define EC_WFX          0x01    /* trapped WFI/WFE */
#define EC_ILLEGAL      0x0e    /* Illegal Execution state */
#define EC_SVC64        0x15
#define EC_HVC64        0x16
#define EC_SMC64        0x17
#define EC_SYS64        0x18    /* trapped MSR, MRS or System instruction */
#define EC_IABT_LOW     0x20
#define EC_IABT_CUR     0x21
#define EC_PC_ALIGN     0x22
#define EC_DABT_LOW     0x24
#define EC_DABT_CUR     0x25
#define EC_SP_ALIGN     0x26
#define EC_BRK64        0x3c

/* ISS of EC 0x18 (D24.2.43, "ISS encoding for an exception from MSR, MRS,
 * or System instruction execution in AArch64 state"):
 *   [21:20] Op0  [19:17] Op2  [16:14] Op1  [13:10] CRn  [9:5] Rt  [4:1] CRm
 *   [0] Direction (0: write, MSR; 1: read, MRS) */
#define ISS_SYS(op0, op1, crn, crm, op2, rt, read)                      \
    (((uint64_t)(op0) << 20) | ((uint64_t)(op2) << 17) |                \
     ((uint64_t)(op1) << 14) | ((uint64_t)(crn) << 10) |                \
     ((uint64_t)(rt) << 5) | ((uint64_t)(crm) << 1) | (uint64_t)(read))
#define ISS_SYS_RT(iss)     (((iss) >> 5) & 0x1f)
#define ISS_SYS_READ(iss)   ((iss) & 1)
#define ISS_SYS_REG(iss)    ((iss) & 0x3ffc1e)  /* op0, op2, op1, CRn, CRm */

/* Data/Instruction Abort ISS: fault status codes */
#define DFSC_ALIGNMENT  0x21
#define ISS_DABT_WNR    (1u << 6)

/* ---- HCR_EL2 (D24.2.62) ----------------------------------------------- */
#define HCR_VM      (1ull << 0)
#define HCR_SWIO    (1ull << 1)
#define HCR_FMO     (1ull << 3)
#define HCR_IMO     (1ull << 4)
#define HCR_AMO     (1ull << 5)
#define HCR_TWI     (1ull << 13)
#define HCR_TWE     (1ull << 14)
#define HCR_TID3    (1ull << 18)
#define HCR_TSC     (1ull << 19)
#define HCR_TSW     (1ull << 22)
#define HCR_TTLB    (1ull << 25)
#define HCR_TVM     (1ull << 26)
#define HCR_TGE     (1ull << 27)
#define HCR_HCD     (1ull << 29)
#define HCR_TRVM    (1ull << 30)
#define HCR_RW      (1ull << 31)
#define HCR_E2H     (1ull << 34)
/* CPTR_EL2.FPEN with E2H = 1: FP/SIMD untrapped at EL0, EL1 and EL2 (with
 * E2H = 0 these bits are RES0 and TFP, bit 10, is the control; crt0 clears it) */
#define CPTR_EL2_FPEN (3ull << 20)

/* ---- SCTLR_EL1 -------------------------------------------------------- */
/* Bits that are RES1 in Armv8.0 (29, 28, 23, 22, 20, 11); later features
 * turned them into fields (LSMAOE, nTLSMD, SPAN, EIS, TSCXT, EOS) whose
 * value 1 keeps the Armv8.0 behaviour. */
#define SCTLR_EL1_RES1  0x30d00800ull
#define SCTLR_M     (1ull << 0)
#define SCTLR_A     (1ull << 1)
#define SCTLR_C     (1ull << 2)
#define SCTLR_SA    (1ull << 3)
#define SCTLR_SA0   (1ull << 4)
#define SCTLR_I     (1ull << 12)
#define SCTLR_nTWI  (1ull << 16)
#define SCTLR_nTWE  (1ull << 18)

/* ---- Generic timer ---------------------------------------------------- */
#define CNT_CTL_ENABLE  (1u << 0)
#define CNT_CTL_IMASK   (1u << 1)
#define CNT_CTL_ISTATUS (1u << 2)
#define CNTHCTL_EL1PCTEN (1u << 0)  /* E2H = 0 layout */
#define CNTHCTL_EL1PCEN  (1u << 1)

#endif
