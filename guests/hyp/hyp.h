/*
 * hyp.h - the mini-hypervisor's paravirtual test interface, as seen from a
 * guest of the hyp suite (guests/hyp: guests that run at EL1 inside a VM of
 * guests/hypervisor, not on the bare board).  Not to be confused with
 * guests/cache/hyp.h, a tiny EL2 program of the cache suite.
 *
 * The calls are HVC #0 with the function id in x0 (SMCCC fast calls, Vendor
 * Specific Hypervisor Service range, owning entity 6: DEN 0028), arguments
 * in x1 and x2, the result in x0.  Like every SMCCC call they may change
 * x0-x17 (SMCCC v1.0), so hvc_call() lists those as clobbered.
 *
 *   HVC_YIELD          give the physical CPU to another runnable vCPU now
 *                      (the scheduler picks the next vCPU allowed on this
 *                      pCPU; with nobody else it comes straight back)
 *   HVC_MOVE(k)        leave the CPU now and run on physical CPU k from then on
 *   HVC_UNMAP(ipa)     remove the page from stage 2 (break-before-make,
 *                      TLBI IPAS2E1IS + VMALLE1IS) and free its host page;
 *                      freed host pages are reused last-in first-out
 *   HVC_REMAP_COPY(ipa, src)
 *                      unmap ipa, free its old host page, allocate a new one
 *                      (LIFO: the page freed last), copy src's page into it
 *                      through the host's cacheable mapping, then the host's
 *                      flush_icache_range on it (DC CVAC, IC IVAU by the
 *                      host's VA, at the host's EL: EL1 in nVHE, EL2 in VHE)
 *   HVC_REMAP_FILL(ipa, pattern)
 *                      the same, but the new page is filled with the 64-bit
 *                      pattern by host cacheable stores and left dirty in the
 *                      data cache
 *   HVC_HOST_READ(ipa) the host reads every line of the page through its
 *                      cacheable mapping (clean lines in the data cache of
 *                      the pCPU it runs on); returns the first 64-bit word
 *   HVC_CURRENT_CPU    the physical CPU this vCPU runs on
 * An unknown id returns -1 (SMCCC NOT_SUPPORTED); a bad argument -2.
 * The next guest access to a remapped page takes a stage-2 fault and maps
 * it (with the cache maintenance the hypervisor's fixes do).
 */
#ifndef HYP_SUITE_HYP_H
#define HYP_SUITE_HYP_H

#include <stdint.h>

#define HVC_YIELD           0xC6000001u
#define HVC_MOVE            0xC6000002u
#define HVC_UNMAP           0xC6000003u
#define HVC_REMAP_COPY      0xC6000004u
#define HVC_REMAP_FILL      0xC6000005u
#define HVC_HOST_READ       0xC6000006u
#define HVC_CURRENT_CPU     0xC6000007u

static inline uint64_t hvc_call(uint64_t fn, uint64_t a1, uint64_t a2)
{
    register uint64_t x0 __asm__("x0") = fn;
    register uint64_t x1 __asm__("x1") = a1;
    register uint64_t x2 __asm__("x2") = a2;
    __asm__ volatile("hvc #0"
                     : "+r"(x0), "+r"(x1), "+r"(x2)
                     :
                     : "x3", "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",
                       "x12", "x13", "x14", "x15", "x16", "x17", "memory");
    return x0;
}

static inline void hyp_yield(void) { (void)hvc_call(HVC_YIELD, 0, 0); }
static inline int64_t hyp_move(unsigned pcpu) { return (int64_t)hvc_call(HVC_MOVE, pcpu, 0); }
static inline int64_t hyp_unmap(uintptr_t ipa) { return (int64_t)hvc_call(HVC_UNMAP, ipa, 0); }
static inline int64_t hyp_remap_copy(uintptr_t ipa, uintptr_t src)
{
    return (int64_t)hvc_call(HVC_REMAP_COPY, ipa, src);
}
static inline int64_t hyp_remap_fill(uintptr_t ipa, uint64_t pattern)
{
    return (int64_t)hvc_call(HVC_REMAP_FILL, ipa, pattern);
}
static inline uint64_t hyp_host_read(uintptr_t ipa) { return hvc_call(HVC_HOST_READ, ipa, 0); }
static inline uint64_t hyp_current_cpu(void) { return hvc_call(HVC_CURRENT_CPU, 0, 0); }

#endif
