/*
 * driver.c - runs the floating-point and Advanced SIMD forms that
 * tools/random_fp.py generates (build/fpdiff/seed<N>.S) and prints what each
 * computed, so that a64emu and QEMU can be compared (tools/check_fp.py).
 *
 * The generated file provides fp_forms[]: per form, a function that runs the
 * form's one instruction once, its operand sets (inputs[values][stride]),
 * which FPCR settings it runs under and, for loads and stores, the window of
 * fp_scratch it can touch.  A form function is called as
 *
 *     fn(const uint64_t *in, uint64_t *out, uint64_t fpcr)
 *
 * It zeroes V0-V31, writes FPCR, clears FPSR, sets NZCV and loads the
 * operand registers from `in` (V registers first, 16 bytes each, then X
 * registers, NZCV, the scratch fill seed), runs the instruction and stores
 * into `out`:
 *
 *     words 0-7   the destination V registers, 128 bits each (up to four)
 *     words 8-9   destination X registers (a load/store base: its offset
 *                 from fp_scratch)
 *     10 NZCV, 11 FPSR, 12-13 the EOR of V0-V31 afterwards, 14 FPCR read back
 *
 * and this driver adds 15 the ESR of the first exception the form took
 * (0: none; the handler skips the faulting instruction, so a form that is
 * UNDEFINED on one machine shows as a difference, not as a crash) and
 * 16 a hash of the scratch window (loads and stores: it is filled from the
 * execution's seed before the call).
 *
 * Output, one line per (form, setting):  H <form> <setting> <n> <hash>
 * with fp_verbose, before it, one line per execution:
 *     E <form> <setting> <k> <input words> | <17 output words> [m<offset>=<word> ...]
 * (the m fields: scratch words that differ from the fill, after a store).
 * First, per FPCR setting, S <name> <written> <read back> <ESR of an exception, or 0>; last,
 * "fpdiff done: <forms> forms, <runs> runs, <executions> executions".
 * Built without FP/SIMD code (-mgeneral-regs-only): only the generated
 * assembly touches V registers, FPCR and FPSR.
 */
#include <stdint.h>
#include "exceptions.h"
#include "printf.h"
#include "sysreg.h"

#define OUT_WORDS 17
#define SCRATCH   16384

struct fp_form {
    void (*fn)(const uint64_t *in, uint64_t *out, uint64_t fpcr);
    const uint64_t *in;
    uint64_t stride;        /* words per operand set */
    uint64_t nin;           /* words of it that are inputs (the rest is padding) */
    uint64_t settings;      /* bit i: run under fp_setting_fpcr[i] */
    uint64_t mem;           /* 1: a load or store (fill and hash the window) */
    uint64_t win_lo, win_hi;
};

extern const struct fp_form fp_forms[];
extern const uint64_t fp_form_count, fp_values, fp_verbose, fp_setting_count;
extern const uint64_t fp_setting_fpcr[];
extern const char *const fp_setting_name[];
uint64_t fp_probe_fpcr(uint64_t fpcr);   /* writes FPCR, reads it back, writes 0 */

uint8_t fp_scratch[SCRATCH] __attribute__((aligned(16)));

static volatile uint64_t in_form, exc_esr;

void handle_exception(struct exc_frame *f, unsigned el, unsigned offset)
{
    if (!in_form || (offset & 0x180) != VEC_SYNC)
        exc_unexpected(f, el, offset);
    if (!exc_esr)
        exc_esr = f->esr ? f->esr : 1;
    f->elr += 4;                         /* skip it: the rest of the form still runs */
}

static uint64_t next(uint64_t *x)
{
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    return *x;
}

static void fill(const struct fp_form *f, uint64_t seed)
{
    uint64_t *w = (uint64_t *)fp_scratch;
    for (uint64_t i = f->win_lo / 8; i < f->win_hi / 8; i++)
        w[i] = next(&seed);
}

static uint64_t mix(uint64_t h, uint64_t v)
{
    h = (h ^ v) * 0x100000001b3ull;
    return h ^ (h >> 29);
}

int main(void)
{
    uint64_t out[OUT_WORDS + 1] __attribute__((aligned(16)));
    uint64_t runs = 0, executions = 0;

    write_sysreg(cpacr_el1, read_sysreg(cpacr_el1) | (3u << 20));   /* FPEN */
    write_sysreg(vbar_el1, (uint64_t)vectors_el1);
    isb();
    for (uint64_t s = 0; s < fp_setting_count; s++) {
        exc_esr = 0;
        in_form = 1;
        uint64_t back = fp_probe_fpcr(fp_setting_fpcr[s]);
        in_form = 0;
        printf("S %s %lx %lx %lx\n", fp_setting_name[s], (unsigned long)fp_setting_fpcr[s],
               (unsigned long)back, (unsigned long)exc_esr);
    }

    for (uint64_t i = 0; i < fp_form_count; i++) {
        const struct fp_form *f = &fp_forms[i];
        for (uint64_t s = 0; s < fp_setting_count; s++) {
            if (!(f->settings >> s & 1))
                continue;
            uint64_t h = 0xcbf29ce484222325ull;
            for (uint64_t k = 0; k < fp_values; k++) {
                const uint64_t *in = f->in + k * f->stride;
                for (unsigned j = 0; j < OUT_WORDS; j++)
                    out[j] = 0;
                if (f->mem)
                    fill(f, in[f->nin - 1]);
                exc_esr = 0;
                in_form = 1;
                f->fn(in, out, fp_setting_fpcr[s]);
                in_form = 0;
                out[15] = exc_esr;
                if (f->mem) {
                    uint64_t m = 0xcbf29ce484222325ull;
                    const uint64_t *w = (const uint64_t *)fp_scratch;
                    for (uint64_t j = f->win_lo / 8; j < f->win_hi / 8; j++)
                        m = mix(m, w[j]);
                    out[16] = m;
                }
                for (unsigned j = 0; j < OUT_WORDS; j++)
                    h = mix(h, out[j]);
                if (fp_verbose) {
                    printf("E %lu %s %lu", (unsigned long)i, fp_setting_name[s], (unsigned long)k);
                    for (uint64_t j = 0; j < f->nin; j++)
                        printf(" %lx", (unsigned long)in[j]);
                    printf(" |");
                    for (unsigned j = 0; j < OUT_WORDS; j++)
                        printf(" %lx", (unsigned long)out[j]);
                    if (f->mem) {
                        uint64_t seed = in[f->nin - 1];
                        const uint64_t *w = (const uint64_t *)fp_scratch;
                        for (uint64_t j = f->win_lo / 8; j < f->win_hi / 8; j++) {
                            uint64_t want = next(&seed);
                            if (w[j] != want)
                                printf(" m%lx=%lx", (unsigned long)(8 * j), (unsigned long)w[j]);
                        }
                    }
                    printf("\n");
                }
            }
            printf("H %lu %s %lu %lx\n", (unsigned long)i, fp_setting_name[s], (unsigned long)fp_values,
                   (unsigned long)h);
            runs++;
            executions += fp_values;
        }
    }
    printf("fpdiff done: %lu forms, %lu runs, %lu executions\n", (unsigned long)fp_form_count,
           (unsigned long)runs, (unsigned long)executions);
    return 0;
}
