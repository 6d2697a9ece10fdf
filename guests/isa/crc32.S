/*
 * crc32.S - CRC32B/H/W/X and CRC32CB/H/W/X (no inversion, reflected polynomials
 * 0xEDB88320 and 0x82F63B78), plus the standard check value of "123456789".
 */
#include "tap_asm.h"

/* x3 = a, x4 = b, insn computes x5; check x5 */
.macro OP name, a, b, res, insn:vararg
    ldr     x3, =\a
    ldr     x4, =\b
    \insn
    CHECK   "\name", x5, \res
.endm

/* x3 = a, x4 = b, x6 = c, insn computes x5; check x5 */
.macro OP3 name, a, b, c, res, insn:vararg
    ldr     x3, =\a
    ldr     x4, =\b
    ldr     x6, =\c
    \insn
    CHECK   "\name", x5, \res
.endm

TEST_BEGIN
    OP  "crc32b 0x0,0x0", 0x0, 0x0, 0x0, crc32b w5, w3, w4
    OP  "crc32cb 0x0,0x0", 0x0, 0x0, 0x0, crc32cb w5, w3, w4
    OP  "crc32h 0x0,0x0", 0x0, 0x0, 0x0, crc32h w5, w3, w4
    OP  "crc32ch 0x0,0x0", 0x0, 0x0, 0x0, crc32ch w5, w3, w4
    OP  "crc32w 0x0,0x0", 0x0, 0x0, 0x0, crc32w w5, w3, w4
    OP  "crc32cw 0x0,0x0", 0x0, 0x0, 0x0, crc32cw w5, w3, w4
    OP  "crc32x 0x0,0x0", 0x0, 0x0, 0x0, crc32x w5, w3, x4
    OP  "crc32cx 0x0,0x0", 0x0, 0x0, 0x0, crc32cx w5, w3, x4
    OP  "crc32b 0x0,0x123456789abcdef", 0x0, 0x123456789abcdef, 0x30b5ffe9, crc32b w5, w3, w4
    OP  "crc32cb 0x0,0x123456789abcdef", 0x0, 0x123456789abcdef, 0xbd23943e, crc32cb w5, w3, w4
    OP  "crc32h 0x0,0x123456789abcdef", 0x0, 0x123456789abcdef, 0x3c33512e, crc32h w5, w3, w4
    OP  "crc32ch 0x0,0x123456789abcdef", 0x0, 0x123456789abcdef, 0xe083bf15, crc32ch w5, w3, w4
    OP  "crc32w 0x0,0x123456789abcdef", 0x0, 0x123456789abcdef, 0xcefc0adb, crc32w w5, w3, w4
    OP  "crc32cw 0x0,0x123456789abcdef", 0x0, 0x123456789abcdef, 0x5914342a, crc32cw w5, w3, w4
    OP  "crc32x 0x0,0x123456789abcdef", 0x0, 0x123456789abcdef, 0x21193d2e, crc32x w5, w3, x4
    OP  "crc32cx 0x0,0x123456789abcdef", 0x0, 0x123456789abcdef, 0xe9986aa9, crc32cx w5, w3, x4
    OP  "crc32b 0x0,0xfedcba9876543210", 0x0, 0xfedcba9876543210, 0x1db71064, crc32b w5, w3, w4
    OP  "crc32cb 0x0,0xfedcba9876543210", 0x0, 0xfedcba9876543210, 0x105ec76f, crc32cb w5, w3, w4
    OP  "crc32h 0x0,0xfedcba9876543210", 0x0, 0xfedcba9876543210, 0x821543d1, crc32h w5, w3, w4
    OP  "crc32ch 0x0,0xfedcba9876543210", 0x0, 0xfedcba9876543210, 0xee1dc8c7, crc32ch w5, w3, w4
    OP  "crc32w 0x0,0xfedcba9876543210", 0x0, 0xfedcba9876543210, 0x10472a38, crc32w w5, w3, w4
    OP  "crc32cw 0x0,0xfedcba9876543210", 0x0, 0xfedcba9876543210, 0xee8c8012, crc32cw w5, w3, w4
    OP  "crc32x 0x0,0xfedcba9876543210", 0x0, 0xfedcba9876543210, 0x657f3d5b, crc32x w5, w3, x4
    OP  "crc32cx 0x0,0xfedcba9876543210", 0x0, 0xfedcba9876543210, 0x2dd793e4, crc32cx w5, w3, x4
    OP  "crc32b 0x0,0xffffffffffffffff", 0x0, 0xffffffffffffffff, 0x2d02ef8d, crc32b w5, w3, w4
    OP  "crc32cb 0x0,0xffffffffffffffff", 0x0, 0xffffffffffffffff, 0xad7d5351, crc32cb w5, w3, w4
    OP  "crc32h 0x0,0xffffffffffffffff", 0x0, 0xffffffffffffffff, 0xbe2612ff, crc32h w5, w3, w4
    OP  "crc32ch 0x0,0xffffffffffffffff", 0x0, 0xffffffffffffffff, 0xe9e77d2, crc32ch w5, w3, w4
    OP  "crc32w 0x0,0xffffffffffffffff", 0x0, 0xffffffffffffffff, 0xdebb20e3, crc32w w5, w3, w4
    OP  "crc32cw 0x0,0xffffffffffffffff", 0x0, 0xffffffffffffffff, 0xb798b438, crc32cw w5, w3, w4
    OP  "crc32x 0x0,0xffffffffffffffff", 0x0, 0xffffffffffffffff, 0x44660075, crc32x w5, w3, x4
    OP  "crc32cx 0x0,0xffffffffffffffff", 0x0, 0xffffffffffffffff, 0xc44ff94d, crc32cx w5, w3, x4
    OP  "crc32b 0xffffffff,0x0", 0xffffffff, 0x0, 0x2dfd1072, crc32b w5, w3, w4
    OP  "crc32cb 0xffffffff,0x0", 0xffffffff, 0x0, 0xad82acae, crc32cb w5, w3, w4
    OP  "crc32h 0xffffffff,0x0", 0xffffffff, 0x0, 0xbe26ed00, crc32h w5, w3, w4
    OP  "crc32ch 0xffffffff,0x0", 0xffffffff, 0x0, 0xe9e882d, crc32ch w5, w3, w4
    OP  "crc32w 0xffffffff,0x0", 0xffffffff, 0x0, 0xdebb20e3, crc32w w5, w3, w4
    OP  "crc32cw 0xffffffff,0x0", 0xffffffff, 0x0, 0xb798b438, crc32cw w5, w3, w4
    OP  "crc32x 0xffffffff,0x0", 0xffffffff, 0x0, 0x9add2096, crc32x w5, w3, x4
    OP  "crc32cx 0xffffffff,0x0", 0xffffffff, 0x0, 0x73d74d75, crc32cx w5, w3, x4
    OP  "crc32b 0xffffffff,0x123456789abcdef", 0xffffffff, 0x123456789abcdef, 0x1d48ef9b, crc32b w5, w3, w4
    OP  "crc32cb 0xffffffff,0x123456789abcdef", 0xffffffff, 0x123456789abcdef, 0x10a13890, crc32cb w5, w3, w4
    OP  "crc32h 0xffffffff,0x123456789abcdef", 0xffffffff, 0x123456789abcdef, 0x8215bc2e, crc32h w5, w3, w4
    OP  "crc32ch 0xffffffff,0x123456789abcdef", 0xffffffff, 0x123456789abcdef, 0xee1d3738, crc32ch w5, w3, w4
    OP  "crc32w 0xffffffff,0x123456789abcdef", 0xffffffff, 0x123456789abcdef, 0x10472a38, crc32w w5, w3, w4
    OP  "crc32cw 0xffffffff,0x123456789abcdef", 0xffffffff, 0x123456789abcdef, 0xee8c8012, crc32cw w5, w3, w4
    OP  "crc32x 0xffffffff,0x123456789abcdef", 0xffffffff, 0x123456789abcdef, 0xbbc41db8, crc32x w5, w3, x4
    OP  "crc32cx 0xffffffff,0x123456789abcdef", 0xffffffff, 0x123456789abcdef, 0x9a4f27dc, crc32cx w5, w3, x4
    OP  "crc32b 0xffffffff,0xfedcba9876543210", 0xffffffff, 0xfedcba9876543210, 0x304a0016, crc32b w5, w3, w4
    OP  "crc32cb 0xffffffff,0xfedcba9876543210", 0xffffffff, 0xfedcba9876543210, 0xbddc6bc1, crc32cb w5, w3, w4
    OP  "crc32h 0xffffffff,0xfedcba9876543210", 0xffffffff, 0xfedcba9876543210, 0x3c33aed1, crc32h w5, w3, w4
    OP  "crc32ch 0xffffffff,0xfedcba9876543210", 0xffffffff, 0xfedcba9876543210, 0xe08340ea, crc32ch w5, w3, w4
    OP  "crc32w 0xffffffff,0xfedcba9876543210", 0xffffffff, 0xfedcba9876543210, 0xcefc0adb, crc32w w5, w3, w4
    OP  "crc32cw 0xffffffff,0xfedcba9876543210", 0xffffffff, 0xfedcba9876543210, 0x5914342a, crc32cw w5, w3, w4
    OP  "crc32x 0xffffffff,0xfedcba9876543210", 0xffffffff, 0xfedcba9876543210, 0xffa21dcd, crc32x w5, w3, x4
    OP  "crc32cx 0xffffffff,0xfedcba9876543210", 0xffffffff, 0xfedcba9876543210, 0x5e00de91, crc32cx w5, w3, x4
    OP  "crc32b 0xffffffff,0xffffffffffffffff", 0xffffffff, 0xffffffffffffffff, 0xffffff, crc32b w5, w3, w4
    OP  "crc32cb 0xffffffff,0xffffffffffffffff", 0xffffffff, 0xffffffffffffffff, 0xffffff, crc32cb w5, w3, w4
    OP  "crc32h 0xffffffff,0xffffffffffffffff", 0xffffffff, 0xffffffffffffffff, 0xffff, crc32h w5, w3, w4
    OP  "crc32ch 0xffffffff,0xffffffffffffffff", 0xffffffff, 0xffffffffffffffff, 0xffff, crc32ch w5, w3, w4
    OP  "crc32w 0xffffffff,0xffffffffffffffff", 0xffffffff, 0xffffffffffffffff, 0x0, crc32w w5, w3, w4
    OP  "crc32cw 0xffffffff,0xffffffffffffffff", 0xffffffff, 0xffffffffffffffff, 0x0, crc32cw w5, w3, w4
    OP  "crc32x 0xffffffff,0xffffffffffffffff", 0xffffffff, 0xffffffffffffffff, 0xdebb20e3, crc32x w5, w3, x4
    OP  "crc32cx 0xffffffff,0xffffffffffffffff", 0xffffffff, 0xffffffffffffffff, 0xb798b438, crc32cx w5, w3, x4
    OP  "crc32b 0x12345678,0x0", 0x12345678, 0x0, 0x5ecccd58, crc32b w5, w3, w4
    OP  "crc32cb 0x12345678,0x0", 0x12345678, 0x0, 0xfb533894, crc32cb w5, w3, w4
    OP  "crc32h 0x12345678,0x0", 0x12345678, 0x0, 0x65ee150b, crc32h w5, w3, w4
    OP  "crc32ch 0x12345678,0x0", 0x12345678, 0x0, 0x55c93830, crc32ch w5, w3, w4
    OP  "crc32w 0x12345678,0x0", 0x12345678, 0x0, 0x8e2958ce, crc32w w5, w3, w4
    OP  "crc32cw 0x12345678,0x0", 0x12345678, 0x0, 0xfa745634, crc32cw w5, w3, w4
    OP  "crc32x 0x12345678,0x0", 0x12345678, 0x0, 0xba7bd7f1, crc32x w5, w3, x4
    OP  "crc32cx 0x12345678,0x0", 0x12345678, 0x0, 0x4a4a6d17, crc32cx w5, w3, x4
    OP  "crc32b 0x12345678,0x123456789abcdef", 0x12345678, 0x123456789abcdef, 0x6e7932b1, crc32b w5, w3, w4
    OP  "crc32cb 0x12345678,0x123456789abcdef", 0x12345678, 0x123456789abcdef, 0x4670acaa, crc32cb w5, w3, w4
    OP  "crc32h 0x12345678,0x123456789abcdef", 0x12345678, 0x123456789abcdef, 0x59dd4425, crc32h w5, w3, w4
    OP  "crc32ch 0x12345678,0x123456789abcdef", 0x12345678, 0x123456789abcdef, 0xb54a8725, crc32ch w5, w3, w4
    OP  "crc32w 0x12345678,0x123456789abcdef", 0x12345678, 0x123456789abcdef, 0x40d55215, crc32w w5, w3, w4
    OP  "crc32cw 0x12345678,0x123456789abcdef", 0x12345678, 0x123456789abcdef, 0xa360621e, crc32cw w5, w3, w4
    OP  "crc32x 0x12345678,0x123456789abcdef", 0x12345678, 0x123456789abcdef, 0x9b62eadf, crc32x w5, w3, x4
    OP  "crc32cx 0x12345678,0x123456789abcdef", 0x12345678, 0x123456789abcdef, 0xa3d207be, crc32cx w5, w3, x4
    OP  "crc32b 0x12345678,0xfedcba9876543210", 0x12345678, 0xfedcba9876543210, 0x437bdd3c, crc32b w5, w3, w4
    OP  "crc32cb 0x12345678,0xfedcba9876543210", 0x12345678, 0xfedcba9876543210, 0xeb0dfffb, crc32cb w5, w3, w4
    OP  "crc32h 0x12345678,0xfedcba9876543210", 0x12345678, 0xfedcba9876543210, 0xe7fb56da, crc32h w5, w3, w4
    OP  "crc32ch 0x12345678,0xfedcba9876543210", 0x12345678, 0xfedcba9876543210, 0xbbd4f0f7, crc32ch w5, w3, w4
    OP  "crc32w 0x12345678,0xfedcba9876543210", 0x12345678, 0xfedcba9876543210, 0x9e6e72f6, crc32w w5, w3, w4
    OP  "crc32cw 0x12345678,0xfedcba9876543210", 0x12345678, 0xfedcba9876543210, 0x14f8d626, crc32cw w5, w3, w4
    OP  "crc32x 0x12345678,0xfedcba9876543210", 0x12345678, 0xfedcba9876543210, 0xdf04eaaa, crc32x w5, w3, x4
    OP  "crc32cx 0x12345678,0xfedcba9876543210", 0x12345678, 0xfedcba9876543210, 0x679dfef3, crc32cx w5, w3, x4
    OP  "crc32b 0x12345678,0xffffffffffffffff", 0x12345678, 0xffffffffffffffff, 0x73ce22d5, crc32b w5, w3, w4
    OP  "crc32cb 0x12345678,0xffffffffffffffff", 0x12345678, 0xffffffffffffffff, 0x562e6bc5, crc32cb w5, w3, w4
    OP  "crc32h 0x12345678,0xffffffffffffffff", 0x12345678, 0xffffffffffffffff, 0xdbc807f4, crc32h w5, w3, w4
    OP  "crc32ch 0x12345678,0xffffffffffffffff", 0x12345678, 0xffffffffffffffff, 0x5b574fe2, crc32ch w5, w3, w4
    OP  "crc32w 0x12345678,0xffffffffffffffff", 0x12345678, 0xffffffffffffffff, 0x5092782d, crc32w w5, w3, w4
    OP  "crc32cw 0x12345678,0xffffffffffffffff", 0x12345678, 0xffffffffffffffff, 0x4dece20c, crc32cw w5, w3, w4
    OP  "crc32x 0x12345678,0xffffffffffffffff", 0x12345678, 0xffffffffffffffff, 0xfe1dd784, crc32x w5, w3, x4
    OP  "crc32cx 0x12345678,0xffffffffffffffff", 0x12345678, 0xffffffffffffffff, 0x8e05945a, crc32cx w5, w3, x4
    /* the standard check value: CRC-32 and CRC-32C of "123456789" */
    adr     x19, .Ldigits
    mov     w20, #0xffffffff
    mov     w21, #0xffffffff
    mov     x22, #9
1:  ldrb    w3, [x19], #1
    crc32b  w20, w20, w3
    crc32cb w21, w21, w3
    subs    x22, x22, #1
    b.ne    1b
    mvn     w20, w20
    mvn     w21, w21
    CHECK   "crc32b loop over 123456789", x20, 0xcbf43926
    CHECK   "crc32cb loop over 123456789", x21, 0xe3069283
    /* the same with one X and one B step (8 + 1 bytes, little-endian) */
    adr     x19, .Ldigits
    ldrb    w3, [x19, #8]
    ldr     x4, =0x3837363534333231      /* "12345678" */
    mov     w20, #0xffffffff
    crc32x  w20, w20, x4
    crc32b  w20, w20, w3
    mvn     w20, w20
    CHECK   "crc32x+crc32b over 123456789", x20, 0xcbf43926
    adr     x19, .Ldigits
    ldrb    w3, [x19, #8]
    ldr     x4, =0x3837363534333231
    mov     w21, #0xffffffff
    crc32cx w21, w21, x4
    crc32cb w21, w21, w3
    mvn     w21, w21
    CHECK   "crc32cx+crc32cb over 123456789", x21, 0xe3069283
    /* the accumulator is Wn: bits 63:32 of Xn are ignored, Wd zero-extends */
    OP  "crc32w ignores acc hi", 0xffffffff00000000, 0, 0, crc32w w5, w3, w4
    b       2f
.Ldigits:
    .ascii  "123456789"
    .balign 4
2:
TEST_END
