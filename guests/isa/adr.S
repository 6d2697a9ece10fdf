/*
 * adr.S - ADR and ADRP against addresses the linker computes (absolute
 * literals) and against absolute symbols at known addresses; the image
 * is linked at 0x4008_0000 (lib/link.ld) with _start first.
 */
#include "tap_asm.h"

/*
 * Addresses at known distances, written relative to _start (an external
 * symbol, so the assembler leaves a relocation and the linker resolves it);
 * the first check confirms _start = 0x4008_0000.
 */
#define abs_far_up   (_start + 0x07f80123)      /* 0x48000123: ADRP +127 MiB */
#define abs_uart     (_start - 0x37080000 + 0x18) /* 0x09000018: ADRP -880 MiB */
#define abs_image    (_start + 0xfff)           /* 0x40080fff */
#define abs_zero     (_start - 0x40080000 + 0xabc) /* 0x00000abc */
#define abs_near_up  (_start + 0x80000)         /* 0x40100000: ADR +512 KiB */
#define abs_near_dn  (_start - 0x7ffff)         /* 0x40000001: ADR -512 KiB */

TEST_BEGIN
    ldr     x19, =_start
    CHECK   "_start is at 0x40080000", x19, 0x40080000

    /* ADR to labels forward and backward, byte-granular */
.Lback:
    adr     x19, .Lback
    ldr     x20, =.Lback
    CHECK_REG "adr backward (self)", x19, x20
    adr     x19, .Lfwd
    ldr     x20, =.Lfwd
    CHECK_REG "adr forward", x19, x20
    adr     x19, bytes + 1
    ldr     x20, =bytes + 1
    CHECK_REG "adr odd byte offset", x19, x20
    adr     x19, bytes + 3
    ldrb    w20, [x19]
    CHECK   "adr then load", x20, 0x44
    adr     x19, main
    ldr     x20, =main
    CHECK_REG "adr backward to main", x19, x20
    adr     x19, abs_near_up
    CHECK   "adr absolute +512K", x19, 0x40100000
    adr     x19, abs_near_dn
    CHECK   "adr absolute -512K odd", x19, 0x40000001

    /* ADRP */
    adrp    x19, page_a
    ldr     x20, =page_a
    CHECK_REG "adrp page-aligned label", x19, x20
    adrp    x19, page_a + 0xabc
    CHECK_REG "adrp label+0xabc", x19, x20
    adrp    x19, page_a + 0xfff
    CHECK_REG "adrp label+0xfff", x19, x20
    adrp    x19, page_a + 0x1000
    add     x20, x20, #0x1000
    CHECK_REG "adrp next page", x19, x20
    adrp    x19, abs_far_up
    CHECK   "adrp +127 MiB", x19, 0x48000000
    adrp    x19, abs_uart
    CHECK   "adrp -880 MiB", x19, 0x09000000
    adrp    x19, abs_image
    CHECK   "adrp own page", x19, 0x40080000
    adrp    x19, abs_zero
    CHECK   "adrp page 0", x19, 0
    adrp    x19, abs_far_up
    add     x19, x19, :lo12:abs_far_up
    CHECK   "adrp + add lo12", x19, 0x48000123
    adrp    x19, page_a + 0x10
    ldr     x19, [x19, :lo12:page_a + 0x10]
    CHECK   "adrp + ldr lo12", x19, 0x1122334455667788
    adrp    x19, __stack_top
    add     x19, x19, :lo12:__stack_top
    ldr     x20, =__stack_top
    CHECK_REG "adrp + add lo12 __stack_top", x19, x20
    b       .Lend
    nop
.Lfwd:
    nop
.Lend:
TEST_END

    .data
bytes:
    .byte   0x11, 0x22, 0x33, 0x44
    .balign 4096
page_a:
    .quad   0, 0, 0x1122334455667788
    .balign 4096
    .quad   0
