/*
 * bitfield.S - SBFM/BFM/UBFM through all their aliases (SBFX/UBFX/SBFIZ/
 * UBFIZ/BFI/BFXIL, LSL/LSR/ASR immediate, SXTB/SXTH/SXTW/UXTB/UXTH) and in
 * raw form (imms >= immr and imms < immr), 32 and 64 bits; EXTR and ROR
 * (immediate).  BFM keeps the destination's other bits; the W forms zero
 * bits 63:32.
 */
#include "tap_asm.h"

/* x3 = a, x5 = old destination, insn; check x5 */
.macro BF name, a, old, res, insn:vararg
    ldr     x3, =\a
    ldr     x5, =\old
    \insn
    CHECK   "\name", x5, \res
.endm

/* x3 = a, x4 = b, insn; check x5 */
.macro EX name, a, b, res, insn:vararg
    ldr     x3, =\a
    ldr     x4, =\b
    \insn
    CHECK   "\name", x5, \res
.endm

TEST_BEGIN
    BF  "ubfx x 0,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xef, ubfx x5, x3, #0, #8
    BF  "sbfx x 0,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xffffffffffffffef, sbfx x5, x3, #0, #8
    BF  "ubfx x 4,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xde, ubfx x5, x3, #4, #8
    BF  "sbfx x 4,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xffffffffffffffde, sbfx x5, x3, #4, #8
    BF  "ubfx x 8,16 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xabcd, ubfx x5, x3, #8, #16
    BF  "sbfx x 8,16 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xffffffffffffabcd, sbfx x5, x3, #8, #16
    BF  "ubfx x 56,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x1, ubfx x5, x3, #56, #8
    BF  "sbfx x 56,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x1, sbfx x5, x3, #56, #8
    BF  "ubfx x 63,1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x0, ubfx x5, x3, #63, #1
    BF  "sbfx x 63,1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x0, sbfx x5, x3, #63, #1
    BF  "ubfx x 0,64 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x123456789abcdef, ubfx x5, x3, #0, #64
    BF  "sbfx x 0,64 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x123456789abcdef, sbfx x5, x3, #0, #64
    BF  "ubfx x 1,63 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x91a2b3c4d5e6f7, ubfx x5, x3, #1, #63
    BF  "sbfx x 1,63 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x91a2b3c4d5e6f7, sbfx x5, x3, #1, #63
    BF  "ubfx x 12,20 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x89abc, ubfx x5, x3, #12, #20
    BF  "sbfx x 12,20 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xfffffffffff89abc, sbfx x5, x3, #12, #20
    BF  "ubfx x 0,1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x1, ubfx x5, x3, #0, #1
    BF  "sbfx x 0,1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xffffffffffffffff, sbfx x5, x3, #0, #1
    BF  "ubfx x 0,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x10, ubfx x5, x3, #0, #8
    BF  "sbfx x 0,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x10, sbfx x5, x3, #0, #8
    BF  "ubfx x 4,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x21, ubfx x5, x3, #4, #8
    BF  "sbfx x 4,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x21, sbfx x5, x3, #4, #8
    BF  "ubfx x 8,16 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x5432, ubfx x5, x3, #8, #16
    BF  "sbfx x 8,16 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x5432, sbfx x5, x3, #8, #16
    BF  "ubfx x 56,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfe, ubfx x5, x3, #56, #8
    BF  "sbfx x 56,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfffffffffffffffe, sbfx x5, x3, #56, #8
    BF  "ubfx x 63,1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x1, ubfx x5, x3, #63, #1
    BF  "sbfx x 63,1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xffffffffffffffff, sbfx x5, x3, #63, #1
    BF  "ubfx x 0,64 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfedcba9876543210, ubfx x5, x3, #0, #64
    BF  "sbfx x 0,64 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfedcba9876543210, sbfx x5, x3, #0, #64
    BF  "ubfx x 1,63 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x7f6e5d4c3b2a1908, ubfx x5, x3, #1, #63
    BF  "sbfx x 1,63 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xff6e5d4c3b2a1908, sbfx x5, x3, #1, #63
    BF  "ubfx x 12,20 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76543, ubfx x5, x3, #12, #20
    BF  "sbfx x 12,20 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76543, sbfx x5, x3, #12, #20
    BF  "ubfx x 0,1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, ubfx x5, x3, #0, #1
    BF  "sbfx x 0,1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, sbfx x5, x3, #0, #1
    BF  "ubfiz x 0,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xef, ubfiz x5, x3, #0, #8
    BF  "sbfiz x 0,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xffffffffffffffef, sbfiz x5, x3, #0, #8
    BF  "ubfiz x 0,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x10, ubfiz x5, x3, #0, #8
    BF  "sbfiz x 0,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x10, sbfiz x5, x3, #0, #8
    BF  "ubfiz x 4,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xef0, ubfiz x5, x3, #4, #8
    BF  "sbfiz x 4,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xfffffffffffffef0, sbfiz x5, x3, #4, #8
    BF  "ubfiz x 4,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x100, ubfiz x5, x3, #4, #8
    BF  "sbfiz x 4,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x100, sbfiz x5, x3, #4, #8
    BF  "ubfiz x 8,16 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xcdef00, ubfiz x5, x3, #8, #16
    BF  "sbfiz x 8,16 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xffffffffffcdef00, sbfiz x5, x3, #8, #16
    BF  "ubfiz x 8,16 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x321000, ubfiz x5, x3, #8, #16
    BF  "sbfiz x 8,16 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x321000, sbfiz x5, x3, #8, #16
    BF  "ubfiz x 56,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xef00000000000000, ubfiz x5, x3, #56, #8
    BF  "sbfiz x 56,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xef00000000000000, sbfiz x5, x3, #56, #8
    BF  "ubfiz x 56,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x1000000000000000, ubfiz x5, x3, #56, #8
    BF  "sbfiz x 56,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x1000000000000000, sbfiz x5, x3, #56, #8
    BF  "ubfiz x 63,1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x8000000000000000, ubfiz x5, x3, #63, #1
    BF  "sbfiz x 63,1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x8000000000000000, sbfiz x5, x3, #63, #1
    BF  "ubfiz x 63,1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, ubfiz x5, x3, #63, #1
    BF  "sbfiz x 63,1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, sbfiz x5, x3, #63, #1
    BF  "ubfiz x 1,63 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x2468acf13579bde, ubfiz x5, x3, #1, #63
    BF  "sbfiz x 1,63 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x2468acf13579bde, sbfiz x5, x3, #1, #63
    BF  "ubfiz x 1,63 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfdb97530eca86420, ubfiz x5, x3, #1, #63
    BF  "sbfiz x 1,63 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfdb97530eca86420, sbfiz x5, x3, #1, #63
    BF  "ubfiz x 12,20 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xbcdef000, ubfiz x5, x3, #12, #20
    BF  "sbfiz x 12,20 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xffffffffbcdef000, sbfiz x5, x3, #12, #20
    BF  "ubfiz x 12,20 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x43210000, ubfiz x5, x3, #12, #20
    BF  "sbfiz x 12,20 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x43210000, sbfiz x5, x3, #12, #20
    BF  "ubfiz x 0,64 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x123456789abcdef, ubfiz x5, x3, #0, #64
    BF  "sbfiz x 0,64 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x123456789abcdef, sbfiz x5, x3, #0, #64
    BF  "ubfiz x 0,64 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfedcba9876543210, ubfiz x5, x3, #0, #64
    BF  "sbfiz x 0,64 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfedcba9876543210, sbfiz x5, x3, #0, #64
    BF  "bfi x 0,8", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaaaaaaaa10, bfi x5, x3, #0, #8
    BF  "bfxil x 0,8", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaaaaaaaa10, bfxil x5, x3, #0, #8
    BF  "bfi x 4,8", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaaaaaaa10a, bfi x5, x3, #4, #8
    BF  "bfxil x 4,8", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaaaaaaaa21, bfxil x5, x3, #4, #8
    BF  "bfi x 8,16", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaaaa3210aa, bfi x5, x3, #8, #16
    BF  "bfxil x 8,16", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaaaaaa5432, bfxil x5, x3, #8, #16
    BF  "bfi x 56,8", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x10aaaaaaaaaaaaaa, bfi x5, x3, #56, #8
    BF  "bfxil x 56,8", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaaaaaaaafe, bfxil x5, x3, #56, #8
    BF  "bfi x 63,1", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x2aaaaaaaaaaaaaaa, bfi x5, x3, #63, #1
    BF  "bfxil x 63,1", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaaaaaaaaab, bfxil x5, x3, #63, #1
    BF  "bfi x 1,63", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfdb97530eca86420, bfi x5, x3, #1, #63
    BF  "bfxil x 1,63", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xff6e5d4c3b2a1908, bfxil x5, x3, #1, #63
    BF  "bfi x 12,20", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaa43210aaa, bfi x5, x3, #12, #20
    BF  "bfxil x 12,20", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaaaaa76543, bfxil x5, x3, #12, #20
    BF  "bfi x 0,64", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfedcba9876543210, bfi x5, x3, #0, #64
    BF  "bfxil x 0,64", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfedcba9876543210, bfxil x5, x3, #0, #64
    BF  "lsl x 0 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x123456789abcdef, lsl x5, x3, #0
    BF  "lsr x 0 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x123456789abcdef, lsr x5, x3, #0
    BF  "asr x 0 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x123456789abcdef, asr x5, x3, #0
    BF  "ror x 0 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x123456789abcdef, ror x5, x3, #0
    BF  "lsl x 0 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfedcba9876543210, lsl x5, x3, #0
    BF  "lsr x 0 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfedcba9876543210, lsr x5, x3, #0
    BF  "asr x 0 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfedcba9876543210, asr x5, x3, #0
    BF  "ror x 0 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfedcba9876543210, ror x5, x3, #0
    BF  "lsl x 1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x2468acf13579bde, lsl x5, x3, #1
    BF  "lsr x 1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x91a2b3c4d5e6f7, lsr x5, x3, #1
    BF  "asr x 1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x91a2b3c4d5e6f7, asr x5, x3, #1
    BF  "ror x 1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x8091a2b3c4d5e6f7, ror x5, x3, #1
    BF  "lsl x 1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfdb97530eca86420, lsl x5, x3, #1
    BF  "lsr x 1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x7f6e5d4c3b2a1908, lsr x5, x3, #1
    BF  "asr x 1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xff6e5d4c3b2a1908, asr x5, x3, #1
    BF  "ror x 1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x7f6e5d4c3b2a1908, ror x5, x3, #1
    BF  "lsl x 4 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x123456789abcdef0, lsl x5, x3, #4
    BF  "lsr x 4 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x123456789abcde, lsr x5, x3, #4
    BF  "asr x 4 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x123456789abcde, asr x5, x3, #4
    BF  "ror x 4 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xf0123456789abcde, ror x5, x3, #4
    BF  "lsl x 4 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xedcba98765432100, lsl x5, x3, #4
    BF  "lsr x 4 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfedcba987654321, lsr x5, x3, #4
    BF  "asr x 4 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xffedcba987654321, asr x5, x3, #4
    BF  "ror x 4 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfedcba987654321, ror x5, x3, #4
    BF  "lsl x 32 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x89abcdef00000000, lsl x5, x3, #32
    BF  "lsr x 32 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x1234567, lsr x5, x3, #32
    BF  "asr x 32 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x1234567, asr x5, x3, #32
    BF  "ror x 32 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x89abcdef01234567, ror x5, x3, #32
    BF  "lsl x 32 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x7654321000000000, lsl x5, x3, #32
    BF  "lsr x 32 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfedcba98, lsr x5, x3, #32
    BF  "asr x 32 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfffffffffedcba98, asr x5, x3, #32
    BF  "ror x 32 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76543210fedcba98, ror x5, x3, #32
    BF  "lsl x 63 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x8000000000000000, lsl x5, x3, #63
    BF  "lsr x 63 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x0, lsr x5, x3, #63
    BF  "asr x 63 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x0, asr x5, x3, #63
    BF  "ror x 63 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x2468acf13579bde, ror x5, x3, #63
    BF  "lsl x 63 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, lsl x5, x3, #63
    BF  "lsr x 63 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x1, lsr x5, x3, #63
    BF  "asr x 63 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xffffffffffffffff, asr x5, x3, #63
    BF  "ror x 63 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfdb97530eca86421, ror x5, x3, #63
    BF  "sxtb x 0x123456789abcd80", 0x123456789abcd80, 0xaaaaaaaaaaaaaaaa, 0xffffffffffffff80, sxtb x5, w3
    BF  "sxth x 0x123456789abcd80", 0x123456789abcd80, 0xaaaaaaaaaaaaaaaa, 0xffffffffffffcd80, sxth x5, w3
    BF  "sxtw x 0x123456789abcd80", 0x123456789abcd80, 0xaaaaaaaaaaaaaaaa, 0xffffffff89abcd80, sxtw x5, w3
    BF  "sxtb x 0x123456789ab7f7f", 0x123456789ab7f7f, 0xaaaaaaaaaaaaaaaa, 0x7f, sxtb x5, w3
    BF  "sxth x 0x123456789ab7f7f", 0x123456789ab7f7f, 0xaaaaaaaaaaaaaaaa, 0x7f7f, sxth x5, w3
    BF  "sxtw x 0x123456789ab7f7f", 0x123456789ab7f7f, 0xaaaaaaaaaaaaaaaa, 0xffffffff89ab7f7f, sxtw x5, w3
    BF  "sxtb x 0x80008000ffff8000", 0x80008000ffff8000, 0xaaaaaaaaaaaaaaaa, 0x0, sxtb x5, w3
    BF  "sxth x 0x80008000ffff8000", 0x80008000ffff8000, 0xaaaaaaaaaaaaaaaa, 0xffffffffffff8000, sxth x5, w3
    BF  "sxtw x 0x80008000ffff8000", 0x80008000ffff8000, 0xaaaaaaaaaaaaaaaa, 0xffffffffffff8000, sxtw x5, w3
    BF  "ubfx w 0,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xef, ubfx w5, w3, #0, #8
    BF  "sbfx w 0,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xffffffef, sbfx w5, w3, #0, #8
    BF  "ubfx w 4,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xde, ubfx w5, w3, #4, #8
    BF  "sbfx w 4,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xffffffde, sbfx w5, w3, #4, #8
    BF  "ubfx w 8,16 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xabcd, ubfx w5, w3, #8, #16
    BF  "sbfx w 8,16 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xffffabcd, sbfx w5, w3, #8, #16
    BF  "ubfx w 24,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x89, ubfx w5, w3, #24, #8
    BF  "sbfx w 24,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xffffff89, sbfx w5, w3, #24, #8
    BF  "ubfx w 31,1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x1, ubfx w5, w3, #31, #1
    BF  "sbfx w 31,1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xffffffff, sbfx w5, w3, #31, #1
    BF  "ubfx w 0,32 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x89abcdef, ubfx w5, w3, #0, #32
    BF  "sbfx w 0,32 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x89abcdef, sbfx w5, w3, #0, #32
    BF  "ubfx w 1,31 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x44d5e6f7, ubfx w5, w3, #1, #31
    BF  "sbfx w 1,31 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xc4d5e6f7, sbfx w5, w3, #1, #31
    BF  "ubfx w 12,20 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x89abc, ubfx w5, w3, #12, #20
    BF  "sbfx w 12,20 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xfff89abc, sbfx w5, w3, #12, #20
    BF  "ubfx w 0,1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x1, ubfx w5, w3, #0, #1
    BF  "sbfx w 0,1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xffffffff, sbfx w5, w3, #0, #1
    BF  "ubfx w 0,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x10, ubfx w5, w3, #0, #8
    BF  "sbfx w 0,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x10, sbfx w5, w3, #0, #8
    BF  "ubfx w 4,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x21, ubfx w5, w3, #4, #8
    BF  "sbfx w 4,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x21, sbfx w5, w3, #4, #8
    BF  "ubfx w 8,16 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x5432, ubfx w5, w3, #8, #16
    BF  "sbfx w 8,16 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x5432, sbfx w5, w3, #8, #16
    BF  "ubfx w 24,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76, ubfx w5, w3, #24, #8
    BF  "sbfx w 24,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76, sbfx w5, w3, #24, #8
    BF  "ubfx w 31,1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, ubfx w5, w3, #31, #1
    BF  "sbfx w 31,1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, sbfx w5, w3, #31, #1
    BF  "ubfx w 0,32 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76543210, ubfx w5, w3, #0, #32
    BF  "sbfx w 0,32 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76543210, sbfx w5, w3, #0, #32
    BF  "ubfx w 1,31 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x3b2a1908, ubfx w5, w3, #1, #31
    BF  "sbfx w 1,31 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x3b2a1908, sbfx w5, w3, #1, #31
    BF  "ubfx w 12,20 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76543, ubfx w5, w3, #12, #20
    BF  "sbfx w 12,20 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76543, sbfx w5, w3, #12, #20
    BF  "ubfx w 0,1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, ubfx w5, w3, #0, #1
    BF  "sbfx w 0,1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, sbfx w5, w3, #0, #1
    BF  "ubfiz w 0,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xef, ubfiz w5, w3, #0, #8
    BF  "sbfiz w 0,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xffffffef, sbfiz w5, w3, #0, #8
    BF  "ubfiz w 0,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x10, ubfiz w5, w3, #0, #8
    BF  "sbfiz w 0,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x10, sbfiz w5, w3, #0, #8
    BF  "ubfiz w 4,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xef0, ubfiz w5, w3, #4, #8
    BF  "sbfiz w 4,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xfffffef0, sbfiz w5, w3, #4, #8
    BF  "ubfiz w 4,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x100, ubfiz w5, w3, #4, #8
    BF  "sbfiz w 4,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x100, sbfiz w5, w3, #4, #8
    BF  "ubfiz w 8,16 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xcdef00, ubfiz w5, w3, #8, #16
    BF  "sbfiz w 8,16 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xffcdef00, sbfiz w5, w3, #8, #16
    BF  "ubfiz w 8,16 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x321000, ubfiz w5, w3, #8, #16
    BF  "sbfiz w 8,16 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x321000, sbfiz w5, w3, #8, #16
    BF  "ubfiz w 24,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xef000000, ubfiz w5, w3, #24, #8
    BF  "sbfiz w 24,8 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xef000000, sbfiz w5, w3, #24, #8
    BF  "ubfiz w 24,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x10000000, ubfiz w5, w3, #24, #8
    BF  "sbfiz w 24,8 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x10000000, sbfiz w5, w3, #24, #8
    BF  "ubfiz w 31,1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x80000000, ubfiz w5, w3, #31, #1
    BF  "sbfiz w 31,1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x80000000, sbfiz w5, w3, #31, #1
    BF  "ubfiz w 31,1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, ubfiz w5, w3, #31, #1
    BF  "sbfiz w 31,1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, sbfiz w5, w3, #31, #1
    BF  "ubfiz w 1,31 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x13579bde, ubfiz w5, w3, #1, #31
    BF  "sbfiz w 1,31 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x13579bde, sbfiz w5, w3, #1, #31
    BF  "ubfiz w 1,31 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xeca86420, ubfiz w5, w3, #1, #31
    BF  "sbfiz w 1,31 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xeca86420, sbfiz w5, w3, #1, #31
    BF  "ubfiz w 12,20 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xbcdef000, ubfiz w5, w3, #12, #20
    BF  "sbfiz w 12,20 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xbcdef000, sbfiz w5, w3, #12, #20
    BF  "ubfiz w 12,20 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x43210000, ubfiz w5, w3, #12, #20
    BF  "sbfiz w 12,20 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x43210000, sbfiz w5, w3, #12, #20
    BF  "ubfiz w 0,32 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x89abcdef, ubfiz w5, w3, #0, #32
    BF  "sbfiz w 0,32 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x89abcdef, sbfiz w5, w3, #0, #32
    BF  "ubfiz w 0,32 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76543210, ubfiz w5, w3, #0, #32
    BF  "sbfiz w 0,32 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76543210, sbfiz w5, w3, #0, #32
    BF  "bfi w 0,8", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaa10, bfi w5, w3, #0, #8
    BF  "bfxil w 0,8", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaa10, bfxil w5, w3, #0, #8
    BF  "bfi w 4,8", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaa10a, bfi w5, w3, #4, #8
    BF  "bfxil w 4,8", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaa21, bfxil w5, w3, #4, #8
    BF  "bfi w 8,16", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaa3210aa, bfi w5, w3, #8, #16
    BF  "bfxil w 8,16", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaa5432, bfxil w5, w3, #8, #16
    BF  "bfi w 24,8", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x10aaaaaa, bfi w5, w3, #24, #8
    BF  "bfxil w 24,8", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaa76, bfxil w5, w3, #24, #8
    BF  "bfi w 31,1", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x2aaaaaaa, bfi w5, w3, #31, #1
    BF  "bfxil w 31,1", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaa, bfxil w5, w3, #31, #1
    BF  "bfi w 1,31", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xeca86420, bfi w5, w3, #1, #31
    BF  "bfxil w 1,31", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xbb2a1908, bfxil w5, w3, #1, #31
    BF  "bfi w 12,20", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x43210aaa, bfi w5, w3, #12, #20
    BF  "bfxil w 12,20", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaa76543, bfxil w5, w3, #12, #20
    BF  "bfi w 0,32", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76543210, bfi w5, w3, #0, #32
    BF  "bfxil w 0,32", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76543210, bfxil w5, w3, #0, #32
    BF  "lsl w 0 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x89abcdef, lsl w5, w3, #0
    BF  "lsr w 0 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x89abcdef, lsr w5, w3, #0
    BF  "asr w 0 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x89abcdef, asr w5, w3, #0
    BF  "ror w 0 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x89abcdef, ror w5, w3, #0
    BF  "lsl w 0 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76543210, lsl w5, w3, #0
    BF  "lsr w 0 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76543210, lsr w5, w3, #0
    BF  "asr w 0 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76543210, asr w5, w3, #0
    BF  "ror w 0 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76543210, ror w5, w3, #0
    BF  "lsl w 1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x13579bde, lsl w5, w3, #1
    BF  "lsr w 1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x44d5e6f7, lsr w5, w3, #1
    BF  "asr w 1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xc4d5e6f7, asr w5, w3, #1
    BF  "ror w 1 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xc4d5e6f7, ror w5, w3, #1
    BF  "lsl w 1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xeca86420, lsl w5, w3, #1
    BF  "lsr w 1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x3b2a1908, lsr w5, w3, #1
    BF  "asr w 1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x3b2a1908, asr w5, w3, #1
    BF  "ror w 1 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x3b2a1908, ror w5, w3, #1
    BF  "lsl w 4 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x9abcdef0, lsl w5, w3, #4
    BF  "lsr w 4 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x89abcde, lsr w5, w3, #4
    BF  "asr w 4 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xf89abcde, asr w5, w3, #4
    BF  "ror w 4 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xf89abcde, ror w5, w3, #4
    BF  "lsl w 4 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x65432100, lsl w5, w3, #4
    BF  "lsr w 4 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x7654321, lsr w5, w3, #4
    BF  "asr w 4 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x7654321, asr w5, w3, #4
    BF  "ror w 4 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x7654321, ror w5, w3, #4
    BF  "lsl w 16 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xcdef0000, lsl w5, w3, #16
    BF  "lsr w 16 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x89ab, lsr w5, w3, #16
    BF  "asr w 16 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xffff89ab, asr w5, w3, #16
    BF  "ror w 16 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xcdef89ab, ror w5, w3, #16
    BF  "lsl w 16 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x32100000, lsl w5, w3, #16
    BF  "lsr w 16 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x7654, lsr w5, w3, #16
    BF  "asr w 16 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x7654, asr w5, w3, #16
    BF  "ror w 16 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x32107654, ror w5, w3, #16
    BF  "lsl w 31 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x80000000, lsl w5, w3, #31
    BF  "lsr w 31 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x1, lsr w5, w3, #31
    BF  "asr w 31 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0xffffffff, asr w5, w3, #31
    BF  "ror w 31 0x1234", 0x123456789abcdef, 0xaaaaaaaaaaaaaaaa, 0x13579bdf, ror w5, w3, #31
    BF  "lsl w 31 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, lsl w5, w3, #31
    BF  "lsr w 31 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, lsr w5, w3, #31
    BF  "asr w 31 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, asr w5, w3, #31
    BF  "ror w 31 0xfedc", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xeca86420, ror w5, w3, #31
    BF  "sxtb w 0x123456789abcd80", 0x123456789abcd80, 0xaaaaaaaaaaaaaaaa, 0xffffff80, sxtb w5, w3
    BF  "sxth w 0x123456789abcd80", 0x123456789abcd80, 0xaaaaaaaaaaaaaaaa, 0xffffcd80, sxth w5, w3
    BF  "uxtb w 0x123456789abcd80", 0x123456789abcd80, 0xaaaaaaaaaaaaaaaa, 0x80, uxtb w5, w3
    BF  "uxth w 0x123456789abcd80", 0x123456789abcd80, 0xaaaaaaaaaaaaaaaa, 0xcd80, uxth w5, w3
    BF  "sxtb w 0x123456789ab7f7f", 0x123456789ab7f7f, 0xaaaaaaaaaaaaaaaa, 0x7f, sxtb w5, w3
    BF  "sxth w 0x123456789ab7f7f", 0x123456789ab7f7f, 0xaaaaaaaaaaaaaaaa, 0x7f7f, sxth w5, w3
    BF  "uxtb w 0x123456789ab7f7f", 0x123456789ab7f7f, 0xaaaaaaaaaaaaaaaa, 0x7f, uxtb w5, w3
    BF  "uxth w 0x123456789ab7f7f", 0x123456789ab7f7f, 0xaaaaaaaaaaaaaaaa, 0x7f7f, uxth w5, w3
    BF  "sxtb w 0x80008000ffff8000", 0x80008000ffff8000, 0xaaaaaaaaaaaaaaaa, 0x0, sxtb w5, w3
    BF  "sxth w 0x80008000ffff8000", 0x80008000ffff8000, 0xaaaaaaaaaaaaaaaa, 0xffff8000, sxth w5, w3
    BF  "uxtb w 0x80008000ffff8000", 0x80008000ffff8000, 0xaaaaaaaaaaaaaaaa, 0x0, uxtb w5, w3
    BF  "uxth w 0x80008000ffff8000", 0x80008000ffff8000, 0xaaaaaaaaaaaaaaaa, 0x8000, uxth w5, w3
    BF  "ubfm x 3,10", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x42, ubfm x5, x3, #3, #10
    BF  "ubfm x 10,3", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, ubfm x5, x3, #10, #3
    BF  "ubfm x 0,0", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, ubfm x5, x3, #0, #0
    BF  "ubfm x 63,63", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x1, ubfm x5, x3, #63, #63
    BF  "ubfm x 63,0", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, ubfm x5, x3, #63, #0
    BF  "ubfm x 1,0", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, ubfm x5, x3, #1, #0
    BF  "ubfm x 0,63", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfedcba9876543210, ubfm x5, x3, #0, #63
    BF  "ubfm w 3,10", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x42, ubfm w5, w3, #3, #10
    BF  "ubfm w 10,3", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, ubfm w5, w3, #10, #3
    BF  "ubfm w 0,0", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, ubfm w5, w3, #0, #0
    BF  "ubfm w 31,31", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, ubfm w5, w3, #31, #31
    BF  "ubfm w 31,0", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, ubfm w5, w3, #31, #0
    BF  "ubfm w 1,0", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, ubfm w5, w3, #1, #0
    BF  "ubfm w 0,31", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76543210, ubfm w5, w3, #0, #31
    BF  "sbfm x 3,10", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x42, sbfm x5, x3, #3, #10
    BF  "sbfm x 10,3", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, sbfm x5, x3, #10, #3
    BF  "sbfm x 0,0", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, sbfm x5, x3, #0, #0
    BF  "sbfm x 63,63", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xffffffffffffffff, sbfm x5, x3, #63, #63
    BF  "sbfm x 63,0", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, sbfm x5, x3, #63, #0
    BF  "sbfm x 1,0", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, sbfm x5, x3, #1, #0
    BF  "sbfm x 0,63", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfedcba9876543210, sbfm x5, x3, #0, #63
    BF  "sbfm w 3,10", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x42, sbfm w5, w3, #3, #10
    BF  "sbfm w 10,3", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, sbfm w5, w3, #10, #3
    BF  "sbfm w 0,0", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, sbfm w5, w3, #0, #0
    BF  "sbfm w 31,31", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, sbfm w5, w3, #31, #31
    BF  "sbfm w 31,0", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, sbfm w5, w3, #31, #0
    BF  "sbfm w 1,0", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x0, sbfm w5, w3, #1, #0
    BF  "sbfm w 0,31", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76543210, sbfm w5, w3, #0, #31
    BF  "bfm x 3,10", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaaaaaaaa42, bfm x5, x3, #3, #10
    BF  "bfm x 10,3", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xa82aaaaaaaaaaaaa, bfm x5, x3, #10, #3
    BF  "bfm x 0,0", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaaaaaaaaaa, bfm x5, x3, #0, #0
    BF  "bfm x 63,63", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaaaaaaaaab, bfm x5, x3, #63, #63
    BF  "bfm x 63,0", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaaaaaaaaa8, bfm x5, x3, #63, #0
    BF  "bfm x 1,0", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x2aaaaaaaaaaaaaaa, bfm x5, x3, #1, #0
    BF  "bfm x 0,63", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xfedcba9876543210, bfm x5, x3, #0, #63
    BF  "bfm w 3,10", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaa42, bfm w5, w3, #3, #10
    BF  "bfm w 10,3", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xa82aaaaa, bfm w5, w3, #10, #3
    BF  "bfm w 0,0", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaa, bfm w5, w3, #0, #0
    BF  "bfm w 31,31", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaaa, bfm w5, w3, #31, #31
    BF  "bfm w 31,0", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0xaaaaaaa8, bfm w5, w3, #31, #0
    BF  "bfm w 1,0", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x2aaaaaaa, bfm w5, w3, #1, #0
    BF  "bfm w 0,31", 0xfedcba9876543210, 0xaaaaaaaaaaaaaaaa, 0x76543210, bfm w5, w3, #0, #31
    EX  "extr x 0", 0x123456789abcdef, 0xfedcba9876543210, 0xfedcba9876543210, extr x5, x3, x4, #0
    EX  "extr x 1", 0x123456789abcdef, 0xfedcba9876543210, 0xff6e5d4c3b2a1908, extr x5, x3, x4, #1
    EX  "extr x 8", 0x123456789abcdef, 0xfedcba9876543210, 0xeffedcba98765432, extr x5, x3, x4, #8
    EX  "extr x 32", 0x123456789abcdef, 0xfedcba9876543210, 0x89abcdeffedcba98, extr x5, x3, x4, #32
    EX  "extr x 63", 0x123456789abcdef, 0xfedcba9876543210, 0x2468acf13579bdf, extr x5, x3, x4, #63
    EX  "extr w 0", 0x123456789abcdef, 0xfedcba9876543210, 0x76543210, extr w5, w3, w4, #0
    EX  "extr w 1", 0x123456789abcdef, 0xfedcba9876543210, 0xbb2a1908, extr w5, w3, w4, #1
    EX  "extr w 8", 0x123456789abcdef, 0xfedcba9876543210, 0xef765432, extr w5, w3, w4, #8
    EX  "extr w 16", 0x123456789abcdef, 0xfedcba9876543210, 0xcdef7654, extr w5, w3, w4, #16
    EX  "extr w 31", 0x123456789abcdef, 0xfedcba9876543210, 0x13579bde, extr w5, w3, w4, #31
    EX  "extr x same reg = ror", 0x8000000000000001, 0, 0xc000000000000000, extr x5, x3, x3, #1
    EX  "extr w same reg = ror", 0x80000001, 0, 0xc0000000, extr w5, w3, w3, #1
    /* bitfield moves do not touch the flags */
    SET_NZCV F_Z|F_C
    ubfx    x5, x3, #1, #3
    sbfx    x5, x3, #1, #3
    bfi     x5, x3, #1, #3
    extr    x5, x3, x3, #7
    CHECK_NZCV "bitfield keeps flags", F_Z|F_C
TEST_END
