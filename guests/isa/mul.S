/*
 * mul.S - MUL/MADD/MSUB/MNEG, SMADDL/UMADDL/SMSUBL/UMSUBL, SMULL/UMULL/SMNEGL/
 * UMNEGL, SMULH/UMULH on signed and unsigned edge values.
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
    OP  "mul x 0x3*0x5", 0x3, 0x5, 0xf, mul x5, x3, x4
    OP  "mul w 0x3*0x5", 0x3, 0x5, 0xf, mul w5, w3, w4
    OP3 "madd x 0x3*0x5", 0x3, 0x5, 0x1111111111111111, 0x1111111111111120, madd x5, x3, x4, x6
    OP3 "msub x 0x3*0x5", 0x3, 0x5, 0x1111111111111111, 0x1111111111111102, msub x5, x3, x4, x6
    OP3 "madd w 0x3*0x5", 0x3, 0x5, 0x1111111111111111, 0x11111120, madd w5, w3, w4, w6
    OP3 "msub w 0x3*0x5", 0x3, 0x5, 0x1111111111111111, 0x11111102, msub w5, w3, w4, w6
    OP  "mneg x 0x3*0x5", 0x3, 0x5, 0xfffffffffffffff1, mneg x5, x3, x4
    OP3 "smaddl 0x3*0x5", 0x3, 0x5, 0x1111111111111111, 0x1111111111111120, smaddl x5, w3, w4, x6
    OP3 "umaddl 0x3*0x5", 0x3, 0x5, 0x1111111111111111, 0x1111111111111120, umaddl x5, w3, w4, x6
    OP3 "smsubl 0x3*0x5", 0x3, 0x5, 0x1111111111111111, 0x1111111111111102, smsubl x5, w3, w4, x6
    OP3 "umsubl 0x3*0x5", 0x3, 0x5, 0x1111111111111111, 0x1111111111111102, umsubl x5, w3, w4, x6
    OP  "smull 0x3*0x5", 0x3, 0x5, 0xf, smull x5, w3, w4
    OP  "umull 0x3*0x5", 0x3, 0x5, 0xf, umull x5, w3, w4
    OP  "smnegl 0x3*0x5", 0x3, 0x5, 0xfffffffffffffff1, smnegl x5, w3, w4
    OP  "umnegl 0x3*0x5", 0x3, 0x5, 0xfffffffffffffff1, umnegl x5, w3, w4
    OP  "smulh 0x3*0x5", 0x3, 0x5, 0x0, smulh x5, x3, x4
    OP  "umulh 0x3*0x5", 0x3, 0x5, 0x0, umulh x5, x3, x4
    OP  "mul x 0x123456789abcdef*0xfedcba9876543210", 0x123456789abcdef, 0xfedcba9876543210, 0x2236d88fe5618cf0, mul x5, x3, x4
    OP  "mul w 0x123456789abcdef*0xfedcba9876543210", 0x123456789abcdef, 0xfedcba9876543210, 0xe5618cf0, mul w5, w3, w4
    OP3 "madd x 0x123456789abcdef*0xfedcba9876543210", 0x123456789abcdef, 0xfedcba9876543210, 0x1111111111111111, 0x3347e9a0f6729e01, madd x5, x3, x4, x6
    OP3 "msub x 0x123456789abcdef*0xfedcba9876543210", 0x123456789abcdef, 0xfedcba9876543210, 0x1111111111111111, 0xeeda38812baf8421, msub x5, x3, x4, x6
    OP3 "madd w 0x123456789abcdef*0xfedcba9876543210", 0x123456789abcdef, 0xfedcba9876543210, 0x1111111111111111, 0xf6729e01, madd w5, w3, w4, w6
    OP3 "msub w 0x123456789abcdef*0xfedcba9876543210", 0x123456789abcdef, 0xfedcba9876543210, 0x1111111111111111, 0x2baf8421, msub w5, w3, w4, w6
    OP  "mneg x 0x123456789abcdef*0xfedcba9876543210", 0x123456789abcdef, 0xfedcba9876543210, 0xddc927701a9e7310, mneg x5, x3, x4
    OP3 "smaddl 0x123456789abcdef*0xfedcba9876543210", 0x123456789abcdef, 0xfedcba9876543210, 0x1111111111111111, 0xda5f5738f6729e01, smaddl x5, w3, w4, x6
    OP3 "umaddl 0x123456789abcdef*0xfedcba9876543210", 0x123456789abcdef, 0xfedcba9876543210, 0x1111111111111111, 0x50b38948f6729e01, umaddl x5, w3, w4, x6
    OP3 "smsubl 0x123456789abcdef*0xfedcba9876543210", 0x123456789abcdef, 0xfedcba9876543210, 0x1111111111111111, 0x47c2cae92baf8421, smsubl x5, w3, w4, x6
    OP3 "umsubl 0x123456789abcdef*0xfedcba9876543210", 0x123456789abcdef, 0xfedcba9876543210, 0x1111111111111111, 0xd16e98d92baf8421, umsubl x5, w3, w4, x6
    OP  "smull 0x123456789abcdef*0xfedcba9876543210", 0x123456789abcdef, 0xfedcba9876543210, 0xc94e4627e5618cf0, smull x5, w3, w4
    OP  "umull 0x123456789abcdef*0xfedcba9876543210", 0x123456789abcdef, 0xfedcba9876543210, 0x3fa27837e5618cf0, umull x5, w3, w4
    OP  "smnegl 0x123456789abcdef*0xfedcba9876543210", 0x123456789abcdef, 0xfedcba9876543210, 0x36b1b9d81a9e7310, smnegl x5, w3, w4
    OP  "umnegl 0x123456789abcdef*0xfedcba9876543210", 0x123456789abcdef, 0xfedcba9876543210, 0xc05d87c81a9e7310, umnegl x5, w3, w4
    OP  "smulh 0x123456789abcdef*0xfedcba9876543210", 0x123456789abcdef, 0xfedcba9876543210, 0xfffeb49923cc0953, smulh x5, x3, x4
    OP  "umulh 0x123456789abcdef*0xfedcba9876543210", 0x123456789abcdef, 0xfedcba9876543210, 0x121fa00ad77d742, umulh x5, x3, x4
    OP  "mul x 0xffffffffffffffff*0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0x1, mul x5, x3, x4
    OP  "mul w 0xffffffffffffffff*0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0x1, mul w5, w3, w4
    OP3 "madd x 0xffffffffffffffff*0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0x1111111111111111, 0x1111111111111112, madd x5, x3, x4, x6
    OP3 "msub x 0xffffffffffffffff*0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0x1111111111111111, 0x1111111111111110, msub x5, x3, x4, x6
    OP3 "madd w 0xffffffffffffffff*0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0x1111111111111111, 0x11111112, madd w5, w3, w4, w6
    OP3 "msub w 0xffffffffffffffff*0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0x1111111111111111, 0x11111110, msub w5, w3, w4, w6
    OP  "mneg x 0xffffffffffffffff*0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, mneg x5, x3, x4
    OP3 "smaddl 0xffffffffffffffff*0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0x1111111111111111, 0x1111111111111112, smaddl x5, w3, w4, x6
    OP3 "umaddl 0xffffffffffffffff*0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0x1111111111111111, 0x1111110f11111112, umaddl x5, w3, w4, x6
    OP3 "smsubl 0xffffffffffffffff*0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0x1111111111111111, 0x1111111111111110, smsubl x5, w3, w4, x6
    OP3 "umsubl 0xffffffffffffffff*0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0x1111111111111111, 0x1111111311111110, umsubl x5, w3, w4, x6
    OP  "smull 0xffffffffffffffff*0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0x1, smull x5, w3, w4
    OP  "umull 0xffffffffffffffff*0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0xfffffffe00000001, umull x5, w3, w4
    OP  "smnegl 0xffffffffffffffff*0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, smnegl x5, w3, w4
    OP  "umnegl 0xffffffffffffffff*0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0x1ffffffff, umnegl x5, w3, w4
    OP  "smulh 0xffffffffffffffff*0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0x0, smulh x5, x3, x4
    OP  "umulh 0xffffffffffffffff*0xffffffffffffffff", 0xffffffffffffffff, 0xffffffffffffffff, 0xfffffffffffffffe, umulh x5, x3, x4
    OP  "mul x 0x8000000000000000*0x2", 0x8000000000000000, 0x2, 0x0, mul x5, x3, x4
    OP  "mul w 0x8000000000000000*0x2", 0x8000000000000000, 0x2, 0x0, mul w5, w3, w4
    OP3 "madd x 0x8000000000000000*0x2", 0x8000000000000000, 0x2, 0x1111111111111111, 0x1111111111111111, madd x5, x3, x4, x6
    OP3 "msub x 0x8000000000000000*0x2", 0x8000000000000000, 0x2, 0x1111111111111111, 0x1111111111111111, msub x5, x3, x4, x6
    OP3 "madd w 0x8000000000000000*0x2", 0x8000000000000000, 0x2, 0x1111111111111111, 0x11111111, madd w5, w3, w4, w6
    OP3 "msub w 0x8000000000000000*0x2", 0x8000000000000000, 0x2, 0x1111111111111111, 0x11111111, msub w5, w3, w4, w6
    OP  "mneg x 0x8000000000000000*0x2", 0x8000000000000000, 0x2, 0x0, mneg x5, x3, x4
    OP3 "smaddl 0x8000000000000000*0x2", 0x8000000000000000, 0x2, 0x1111111111111111, 0x1111111111111111, smaddl x5, w3, w4, x6
    OP3 "umaddl 0x8000000000000000*0x2", 0x8000000000000000, 0x2, 0x1111111111111111, 0x1111111111111111, umaddl x5, w3, w4, x6
    OP3 "smsubl 0x8000000000000000*0x2", 0x8000000000000000, 0x2, 0x1111111111111111, 0x1111111111111111, smsubl x5, w3, w4, x6
    OP3 "umsubl 0x8000000000000000*0x2", 0x8000000000000000, 0x2, 0x1111111111111111, 0x1111111111111111, umsubl x5, w3, w4, x6
    OP  "smull 0x8000000000000000*0x2", 0x8000000000000000, 0x2, 0x0, smull x5, w3, w4
    OP  "umull 0x8000000000000000*0x2", 0x8000000000000000, 0x2, 0x0, umull x5, w3, w4
    OP  "smnegl 0x8000000000000000*0x2", 0x8000000000000000, 0x2, 0x0, smnegl x5, w3, w4
    OP  "umnegl 0x8000000000000000*0x2", 0x8000000000000000, 0x2, 0x0, umnegl x5, w3, w4
    OP  "smulh 0x8000000000000000*0x2", 0x8000000000000000, 0x2, 0xffffffffffffffff, smulh x5, x3, x4
    OP  "umulh 0x8000000000000000*0x2", 0x8000000000000000, 0x2, 0x1, umulh x5, x3, x4
    OP  "mul x 0x100000000*0x100000000", 0x100000000, 0x100000000, 0x0, mul x5, x3, x4
    OP  "mul w 0x100000000*0x100000000", 0x100000000, 0x100000000, 0x0, mul w5, w3, w4
    OP3 "madd x 0x100000000*0x100000000", 0x100000000, 0x100000000, 0x1111111111111111, 0x1111111111111111, madd x5, x3, x4, x6
    OP3 "msub x 0x100000000*0x100000000", 0x100000000, 0x100000000, 0x1111111111111111, 0x1111111111111111, msub x5, x3, x4, x6
    OP3 "madd w 0x100000000*0x100000000", 0x100000000, 0x100000000, 0x1111111111111111, 0x11111111, madd w5, w3, w4, w6
    OP3 "msub w 0x100000000*0x100000000", 0x100000000, 0x100000000, 0x1111111111111111, 0x11111111, msub w5, w3, w4, w6
    OP  "mneg x 0x100000000*0x100000000", 0x100000000, 0x100000000, 0x0, mneg x5, x3, x4
    OP3 "smaddl 0x100000000*0x100000000", 0x100000000, 0x100000000, 0x1111111111111111, 0x1111111111111111, smaddl x5, w3, w4, x6
    OP3 "umaddl 0x100000000*0x100000000", 0x100000000, 0x100000000, 0x1111111111111111, 0x1111111111111111, umaddl x5, w3, w4, x6
    OP3 "smsubl 0x100000000*0x100000000", 0x100000000, 0x100000000, 0x1111111111111111, 0x1111111111111111, smsubl x5, w3, w4, x6
    OP3 "umsubl 0x100000000*0x100000000", 0x100000000, 0x100000000, 0x1111111111111111, 0x1111111111111111, umsubl x5, w3, w4, x6
    OP  "smull 0x100000000*0x100000000", 0x100000000, 0x100000000, 0x0, smull x5, w3, w4
    OP  "umull 0x100000000*0x100000000", 0x100000000, 0x100000000, 0x0, umull x5, w3, w4
    OP  "smnegl 0x100000000*0x100000000", 0x100000000, 0x100000000, 0x0, smnegl x5, w3, w4
    OP  "umnegl 0x100000000*0x100000000", 0x100000000, 0x100000000, 0x0, umnegl x5, w3, w4
    OP  "smulh 0x100000000*0x100000000", 0x100000000, 0x100000000, 0x1, smulh x5, x3, x4
    OP  "umulh 0x100000000*0x100000000", 0x100000000, 0x100000000, 0x1, umulh x5, x3, x4
    OP  "mul x 0xffffffff*0xffffffff", 0xffffffff, 0xffffffff, 0xfffffffe00000001, mul x5, x3, x4
    OP  "mul w 0xffffffff*0xffffffff", 0xffffffff, 0xffffffff, 0x1, mul w5, w3, w4
    OP3 "madd x 0xffffffff*0xffffffff", 0xffffffff, 0xffffffff, 0x1111111111111111, 0x1111110f11111112, madd x5, x3, x4, x6
    OP3 "msub x 0xffffffff*0xffffffff", 0xffffffff, 0xffffffff, 0x1111111111111111, 0x1111111311111110, msub x5, x3, x4, x6
    OP3 "madd w 0xffffffff*0xffffffff", 0xffffffff, 0xffffffff, 0x1111111111111111, 0x11111112, madd w5, w3, w4, w6
    OP3 "msub w 0xffffffff*0xffffffff", 0xffffffff, 0xffffffff, 0x1111111111111111, 0x11111110, msub w5, w3, w4, w6
    OP  "mneg x 0xffffffff*0xffffffff", 0xffffffff, 0xffffffff, 0x1ffffffff, mneg x5, x3, x4
    OP3 "smaddl 0xffffffff*0xffffffff", 0xffffffff, 0xffffffff, 0x1111111111111111, 0x1111111111111112, smaddl x5, w3, w4, x6
    OP3 "umaddl 0xffffffff*0xffffffff", 0xffffffff, 0xffffffff, 0x1111111111111111, 0x1111110f11111112, umaddl x5, w3, w4, x6
    OP3 "smsubl 0xffffffff*0xffffffff", 0xffffffff, 0xffffffff, 0x1111111111111111, 0x1111111111111110, smsubl x5, w3, w4, x6
    OP3 "umsubl 0xffffffff*0xffffffff", 0xffffffff, 0xffffffff, 0x1111111111111111, 0x1111111311111110, umsubl x5, w3, w4, x6
    OP  "smull 0xffffffff*0xffffffff", 0xffffffff, 0xffffffff, 0x1, smull x5, w3, w4
    OP  "umull 0xffffffff*0xffffffff", 0xffffffff, 0xffffffff, 0xfffffffe00000001, umull x5, w3, w4
    OP  "smnegl 0xffffffff*0xffffffff", 0xffffffff, 0xffffffff, 0xffffffffffffffff, smnegl x5, w3, w4
    OP  "umnegl 0xffffffff*0xffffffff", 0xffffffff, 0xffffffff, 0x1ffffffff, umnegl x5, w3, w4
    OP  "smulh 0xffffffff*0xffffffff", 0xffffffff, 0xffffffff, 0x0, smulh x5, x3, x4
    OP  "umulh 0xffffffff*0xffffffff", 0xffffffff, 0xffffffff, 0x0, umulh x5, x3, x4
    OP  "mul x 0x80000000*0x80000000", 0x80000000, 0x80000000, 0x4000000000000000, mul x5, x3, x4
    OP  "mul w 0x80000000*0x80000000", 0x80000000, 0x80000000, 0x0, mul w5, w3, w4
    OP3 "madd x 0x80000000*0x80000000", 0x80000000, 0x80000000, 0x1111111111111111, 0x5111111111111111, madd x5, x3, x4, x6
    OP3 "msub x 0x80000000*0x80000000", 0x80000000, 0x80000000, 0x1111111111111111, 0xd111111111111111, msub x5, x3, x4, x6
    OP3 "madd w 0x80000000*0x80000000", 0x80000000, 0x80000000, 0x1111111111111111, 0x11111111, madd w5, w3, w4, w6
    OP3 "msub w 0x80000000*0x80000000", 0x80000000, 0x80000000, 0x1111111111111111, 0x11111111, msub w5, w3, w4, w6
    OP  "mneg x 0x80000000*0x80000000", 0x80000000, 0x80000000, 0xc000000000000000, mneg x5, x3, x4
    OP3 "smaddl 0x80000000*0x80000000", 0x80000000, 0x80000000, 0x1111111111111111, 0x5111111111111111, smaddl x5, w3, w4, x6
    OP3 "umaddl 0x80000000*0x80000000", 0x80000000, 0x80000000, 0x1111111111111111, 0x5111111111111111, umaddl x5, w3, w4, x6
    OP3 "smsubl 0x80000000*0x80000000", 0x80000000, 0x80000000, 0x1111111111111111, 0xd111111111111111, smsubl x5, w3, w4, x6
    OP3 "umsubl 0x80000000*0x80000000", 0x80000000, 0x80000000, 0x1111111111111111, 0xd111111111111111, umsubl x5, w3, w4, x6
    OP  "smull 0x80000000*0x80000000", 0x80000000, 0x80000000, 0x4000000000000000, smull x5, w3, w4
    OP  "umull 0x80000000*0x80000000", 0x80000000, 0x80000000, 0x4000000000000000, umull x5, w3, w4
    OP  "smnegl 0x80000000*0x80000000", 0x80000000, 0x80000000, 0xc000000000000000, smnegl x5, w3, w4
    OP  "umnegl 0x80000000*0x80000000", 0x80000000, 0x80000000, 0xc000000000000000, umnegl x5, w3, w4
    OP  "smulh 0x80000000*0x80000000", 0x80000000, 0x80000000, 0x0, smulh x5, x3, x4
    OP  "umulh 0x80000000*0x80000000", 0x80000000, 0x80000000, 0x0, umulh x5, x3, x4
    OP  "mul x 0x7fffffffffffffff*0x7fffffffffffffff", 0x7fffffffffffffff, 0x7fffffffffffffff, 0x1, mul x5, x3, x4
    OP  "mul w 0x7fffffffffffffff*0x7fffffffffffffff", 0x7fffffffffffffff, 0x7fffffffffffffff, 0x1, mul w5, w3, w4
    OP3 "madd x 0x7fffffffffffffff*0x7fffffffffffffff", 0x7fffffffffffffff, 0x7fffffffffffffff, 0x1111111111111111, 0x1111111111111112, madd x5, x3, x4, x6
    OP3 "msub x 0x7fffffffffffffff*0x7fffffffffffffff", 0x7fffffffffffffff, 0x7fffffffffffffff, 0x1111111111111111, 0x1111111111111110, msub x5, x3, x4, x6
    OP3 "madd w 0x7fffffffffffffff*0x7fffffffffffffff", 0x7fffffffffffffff, 0x7fffffffffffffff, 0x1111111111111111, 0x11111112, madd w5, w3, w4, w6
    OP3 "msub w 0x7fffffffffffffff*0x7fffffffffffffff", 0x7fffffffffffffff, 0x7fffffffffffffff, 0x1111111111111111, 0x11111110, msub w5, w3, w4, w6
    OP  "mneg x 0x7fffffffffffffff*0x7fffffffffffffff", 0x7fffffffffffffff, 0x7fffffffffffffff, 0xffffffffffffffff, mneg x5, x3, x4
    OP3 "smaddl 0x7fffffffffffffff*0x7fffffffffffffff", 0x7fffffffffffffff, 0x7fffffffffffffff, 0x1111111111111111, 0x1111111111111112, smaddl x5, w3, w4, x6
    OP3 "umaddl 0x7fffffffffffffff*0x7fffffffffffffff", 0x7fffffffffffffff, 0x7fffffffffffffff, 0x1111111111111111, 0x1111110f11111112, umaddl x5, w3, w4, x6
    OP3 "smsubl 0x7fffffffffffffff*0x7fffffffffffffff", 0x7fffffffffffffff, 0x7fffffffffffffff, 0x1111111111111111, 0x1111111111111110, smsubl x5, w3, w4, x6
    OP3 "umsubl 0x7fffffffffffffff*0x7fffffffffffffff", 0x7fffffffffffffff, 0x7fffffffffffffff, 0x1111111111111111, 0x1111111311111110, umsubl x5, w3, w4, x6
    OP  "smull 0x7fffffffffffffff*0x7fffffffffffffff", 0x7fffffffffffffff, 0x7fffffffffffffff, 0x1, smull x5, w3, w4
    OP  "umull 0x7fffffffffffffff*0x7fffffffffffffff", 0x7fffffffffffffff, 0x7fffffffffffffff, 0xfffffffe00000001, umull x5, w3, w4
    OP  "smnegl 0x7fffffffffffffff*0x7fffffffffffffff", 0x7fffffffffffffff, 0x7fffffffffffffff, 0xffffffffffffffff, smnegl x5, w3, w4
    OP  "umnegl 0x7fffffffffffffff*0x7fffffffffffffff", 0x7fffffffffffffff, 0x7fffffffffffffff, 0x1ffffffff, umnegl x5, w3, w4
    OP  "smulh 0x7fffffffffffffff*0x7fffffffffffffff", 0x7fffffffffffffff, 0x7fffffffffffffff, 0x3fffffffffffffff, smulh x5, x3, x4
    OP  "umulh 0x7fffffffffffffff*0x7fffffffffffffff", 0x7fffffffffffffff, 0x7fffffffffffffff, 0x3fffffffffffffff, umulh x5, x3, x4
    OP  "mul x 0xfffffffffffffffe*0x3", 0xfffffffffffffffe, 0x3, 0xfffffffffffffffa, mul x5, x3, x4
    OP  "mul w 0xfffffffffffffffe*0x3", 0xfffffffffffffffe, 0x3, 0xfffffffa, mul w5, w3, w4
    OP3 "madd x 0xfffffffffffffffe*0x3", 0xfffffffffffffffe, 0x3, 0x1111111111111111, 0x111111111111110b, madd x5, x3, x4, x6
    OP3 "msub x 0xfffffffffffffffe*0x3", 0xfffffffffffffffe, 0x3, 0x1111111111111111, 0x1111111111111117, msub x5, x3, x4, x6
    OP3 "madd w 0xfffffffffffffffe*0x3", 0xfffffffffffffffe, 0x3, 0x1111111111111111, 0x1111110b, madd w5, w3, w4, w6
    OP3 "msub w 0xfffffffffffffffe*0x3", 0xfffffffffffffffe, 0x3, 0x1111111111111111, 0x11111117, msub w5, w3, w4, w6
    OP  "mneg x 0xfffffffffffffffe*0x3", 0xfffffffffffffffe, 0x3, 0x6, mneg x5, x3, x4
    OP3 "smaddl 0xfffffffffffffffe*0x3", 0xfffffffffffffffe, 0x3, 0x1111111111111111, 0x111111111111110b, smaddl x5, w3, w4, x6
    OP3 "umaddl 0xfffffffffffffffe*0x3", 0xfffffffffffffffe, 0x3, 0x1111111111111111, 0x111111141111110b, umaddl x5, w3, w4, x6
    OP3 "smsubl 0xfffffffffffffffe*0x3", 0xfffffffffffffffe, 0x3, 0x1111111111111111, 0x1111111111111117, smsubl x5, w3, w4, x6
    OP3 "umsubl 0xfffffffffffffffe*0x3", 0xfffffffffffffffe, 0x3, 0x1111111111111111, 0x1111110e11111117, umsubl x5, w3, w4, x6
    OP  "smull 0xfffffffffffffffe*0x3", 0xfffffffffffffffe, 0x3, 0xfffffffffffffffa, smull x5, w3, w4
    OP  "umull 0xfffffffffffffffe*0x3", 0xfffffffffffffffe, 0x3, 0x2fffffffa, umull x5, w3, w4
    OP  "smnegl 0xfffffffffffffffe*0x3", 0xfffffffffffffffe, 0x3, 0x6, smnegl x5, w3, w4
    OP  "umnegl 0xfffffffffffffffe*0x3", 0xfffffffffffffffe, 0x3, 0xfffffffd00000006, umnegl x5, w3, w4
    OP  "smulh 0xfffffffffffffffe*0x3", 0xfffffffffffffffe, 0x3, 0xffffffffffffffff, smulh x5, x3, x4
    OP  "umulh 0xfffffffffffffffe*0x3", 0xfffffffffffffffe, 0x3, 0x2, umulh x5, x3, x4
TEST_END
