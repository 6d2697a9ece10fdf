/*
 * exclusive.S - load/store exclusive: what the architecture guarantees and
 * QEMU shows.  A STXR with no LDXR before it fails (status 1, memory
 * unchanged); an LDXR/STXR pair with nothing between succeeds (status 0) and
 * writes; a second STXR after a successful one fails (the store cleared the
 * monitor); a STXR after CLREX fails.  Sizes B/H/W/X, pairs (LDXP/STXP in W
 * and X), and the acquire/release forms LDAXR/STLXR/LDAXP/STLXP.
 * (Not tested: whether an ordinary store by the same CPU to the marked
 * address clears the monitor; the architecture leaves that open.)
 */
#include "tap_asm.h"
    .arch_extension lse

TEST_BEGIN
    /* STXR with no LDXR since reset: fails, memory unchanged.  Must run first. */
    ldr     x19, =word
    ldr     x5, =0x1111111111111111
    mov     x6, #0x55
    stxr    w6, x5, [x19]
    ldr     x20, [x19]
    mov     x21, x6
    CHECK   "stxr without ldxr fails (status 1)", x21, 1
    CHECK   "stxr without ldxr leaves memory", x20, 0x0123456789abcdef

    /* LDXR/STXR pair: succeeds and writes */
    ldr     x19, =word
    ldxr    x5, [x19]
    add     x7, x5, #1
    mov     x6, #0x55
    stxr    w6, x7, [x19]
    ldr     x20, [x19]
    mov     x21, x6
    mov     x22, x5
    CHECK   "ldxr x value", x22, 0x0123456789abcdef
    CHECK   "stxr x after ldxr succeeds (status 0)", x21, 0
    CHECK   "stxr x wrote", x20, 0x0123456789abcdf0

    /* a second STXR without a new LDXR fails */
    ldr     x19, =word
    ldr     x5, =0x2222222222222222
    stxr    w6, x5, [x19]
    ldr     x20, [x19]
    mov     x21, x6
    CHECK   "second stxr fails", x21, 1
    CHECK   "second stxr leaves memory", x20, 0x0123456789abcdf0

    /* LDXR; CLREX; STXR fails */
    ldr     x19, =word
    ldxr    x5, [x19]
    clrex
    ldr     x7, =0x3333333333333333
    stxr    w6, x7, [x19]
    ldr     x20, [x19]
    mov     x21, x6
    CHECK   "stxr after clrex fails", x21, 1
    CHECK   "stxr after clrex leaves memory", x20, 0x0123456789abcdf0

    /* CLREX with an immediate (CRm) operand */
    ldr     x19, =word
    ldxr    x5, [x19]
    clrex   #5
    stxr    w6, x5, [x19]
    mov     x21, x6
    CHECK   "stxr after clrex 5 fails", x21, 1

    /* 32-bit */
    ldr     x19, =word
    ldxr    w5, [x19, #0]
    ldr     w7, =0xdeadbeef
    stxr    w6, w7, [x19]
    ldr     x20, [x19]
    mov     x21, x6
    mov     x22, x5
    CHECK   "ldxr w value (zero-extended)", x22, 0x89abcdf0
    CHECK   "stxr w succeeds", x21, 0
    CHECK   "stxr w writes 4 bytes", x20, 0x01234567deadbeef

    /* bytes and halfwords */
    ldr     x19, =word
    ldxrb   w5, [x19, #0]
    mov     w7, #0x5a
    stxrb   w6, w7, [x19]
    ldr     x20, [x19]
    mov     x21, x6
    mov     x22, x5
    CHECK   "ldxrb value", x22, 0xef
    CHECK   "stxrb succeeds", x21, 0
    CHECK   "stxrb writes 1 byte", x20, 0x01234567deadbe5a
    ldr     x19, =word
    add     x19, x19, #6
    ldxrh   w5, [x19]
    mov     w7, #0xa5a5
    stxrh   w6, w7, [x19]
    ldr     x19, =word
    ldr     x20, [x19]
    mov     x21, x6
    mov     x22, x5
    CHECK   "ldxrh value", x22, 0x0123
    CHECK   "stxrh succeeds", x21, 0
    CHECK   "stxrh writes 2 bytes", x20, 0xa5a54567deadbe5a
    ldr     x19, =word
    stxrb   w6, w7, [x19]
    mov     x21, x6
    CHECK   "stxrb without ldxrb fails", x21, 1

    /* acquire/release forms */
    ldr     x19, =word
    ldaxr   x5, [x19]
    ldr     x7, =0xfedcba9876543210
    stlxr   w6, x7, [x19]
    ldr     x20, [x19]
    mov     x21, x6
    mov     x22, x5
    CHECK   "ldaxr value", x22, 0xa5a54567deadbe5a
    CHECK   "stlxr succeeds", x21, 0
    CHECK   "stlxr wrote", x20, 0xfedcba9876543210
    ldr     x19, =word
    ldaxrb  w5, [x19]
    mov     w7, #0x99
    stlxrb  w6, w7, [x19]
    ldr     x20, [x19]
    mov     x21, x6
    mov     x22, x5
    CHECK   "ldaxrb value", x22, 0x10
    CHECK   "stlxrb succeeds", x21, 0
    CHECK   "stlxrb wrote", x20, 0xfedcba9876543299
    ldr     x19, =word
    ldaxrh  w5, [x19, #0]
    mov     w7, #0x7777
    stlxrh  w6, w7, [x19]
    ldr     x20, [x19]
    mov     x21, x6
    mov     x22, x5
    CHECK   "ldaxrh value", x22, 0x3299
    CHECK   "stlxrh succeeds", x21, 0
    CHECK   "stlxrh wrote", x20, 0xfedcba9876547777
    ldr     x19, =word
    ldaxr   w5, [x19]
    mov     w7, #1
    stlxr   w6, w7, [x19]
    ldr     x20, [x19]
    mov     x21, x6
    mov     x22, x5
    CHECK   "ldaxr w value", x22, 0x76547777
    CHECK   "stlxr w succeeds", x21, 0
    CHECK   "stlxr w wrote", x20, 0xfedcba9800000001
    ldr     x19, =word
    clrex
    stlxr   w6, x7, [x19]
    mov     x21, x6
    CHECK   "stlxr after clrex fails", x21, 1

    /* exclusive pairs: X (16-byte aligned) */
    ldr     x19, =pair
    ldxp    x5, x6, [x19]
    ldr     x7, =0xaaaaaaaaaaaaaaaa
    ldr     x8, =0xbbbbbbbbbbbbbbbb
    mov     x9, #0x55
    stxp    w9, x7, x8, [x19]
    ldp     x20, x21, [x19]
    mov     x22, x5
    mov     x23, x6
    mov     x24, x9
    CHECK   "ldxp x first", x22, 0x1111111111111111
    CHECK   "ldxp x second", x23, 0x2222222222222222
    CHECK   "stxp x succeeds", x24, 0
    CHECK   "stxp x wrote first", x20, 0xaaaaaaaaaaaaaaaa
    CHECK   "stxp x wrote second", x21, 0xbbbbbbbbbbbbbbbb
    ldr     x19, =pair
    ldr     x7, =0x1
    stxp    w9, x7, x7, [x19]
    ldp     x20, x21, [x19]
    mov     x24, x9
    CHECK   "stxp x without ldxp fails", x24, 1
    CHECK   "stxp x failed, memory kept", x20, 0xaaaaaaaaaaaaaaaa
    /* W pair (8 bytes) */
    ldr     x19, =pair
    ldxp    w5, w6, [x19]
    mov     w7, #0x1234
    mov     w8, #0x5678
    stxp    w9, w7, w8, [x19]
    ldr     x20, [x19]
    mov     x22, x5
    mov     x23, x6
    mov     x24, x9
    CHECK   "ldxp w first", x22, 0xaaaaaaaa
    CHECK   "ldxp w second", x23, 0xaaaaaaaa
    CHECK   "stxp w succeeds", x24, 0
    CHECK   "stxp w wrote", x20, 0x0000567800001234
    /* LDAXP/STLXP */
    ldr     x19, =pair
    ldaxp   x5, x6, [x19]
    ldr     x7, =0xcccccccccccccccc
    ldr     x8, =0xdddddddddddddddd
    stlxp   w9, x7, x8, [x19]
    ldp     x20, x21, [x19]
    mov     x22, x5
    mov     x23, x6
    mov     x24, x9
    CHECK   "ldaxp first", x22, 0x0000567800001234
    CHECK   "ldaxp second", x23, 0xbbbbbbbbbbbbbbbb
    CHECK   "stlxp succeeds", x24, 0
    CHECK   "stlxp wrote first", x20, 0xcccccccccccccccc
    CHECK   "stlxp wrote second", x21, 0xdddddddddddddddd
    ldr     x19, =pair
    ldaxp   w5, w6, [x19]
    clrex
    stlxp   w9, w7, w8, [x19]
    mov     x24, x9
    CHECK   "stlxp w after clrex fails", x24, 1

    /* the usual atomic-increment loop (retries if a store fails) */
    ldr     x19, =counter
    mov     x20, #0
1:  ldxr    x5, [x19]
    add     x5, x5, #3
    stxr    w6, x5, [x19]
    cbnz    w6, 1b
    add     x20, x20, #1
    cmp     x20, #100
    b.lo    1b
    ldr     x21, [x19]
    CHECK   "ldxr/stxr increment loop", x21, 300
TEST_END

    .data
    .balign 16
word:
    .quad   0x0123456789abcdef
    .balign 16
pair:
    .quad   0x1111111111111111, 0x2222222222222222
counter:
    .quad   0
