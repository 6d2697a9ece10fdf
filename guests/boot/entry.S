/*
 * boot/entry.S - what a kernel finds at its entry point.
 *
 * Prints the registers and device tree the boot code hands over, so that
 * QEMU's `-kernel` and `a64emu run` can be compared for each kind of file:
 *   entry.elf           an ELF at its linked address (x0 = 0; QEMU still
 *                       writes the DTB at the base of RAM when there is room)
 *   entry.bin           the same code as a raw binary (RAM base + 0x80000,
 *                       x0 = the DTB's address, x1-x3 = 0)
 *   entry-image*.bin    with a Linux arm64 Image header (built with
 *                       -DTEXT_OFFSET=... -DIMAGE_FLAGS=...): loaded at RAM
 *                       base + text_offset (+ 2 MiB when below 4 KiB)
 * The code is position independent (adr/adrp only), uses no RAM but a few
 * bytes of stack below itself, writes to the PL011 and exits through
 * semihosting SYS_EXIT with status 0.
 */
#define UART        0x09000000
#define RAM_BASE    0x40000000
#define FDT_MAGIC   0xd00dfeed

    .section .text.boot, "ax"
    .globl  _start
    .type   _start, %function
_start:
#ifdef TEXT_OFFSET
    /* Linux arm64 Image header (Documentation/arch/arm64/booting.rst) */
    b       start                   /* code0 */
    .word   0                       /* code1 */
    .quad   TEXT_OFFSET             /* text_offset */
    .quad   0x10000                 /* image_size */
    .quad   IMAGE_FLAGS             /* flags */
    .quad   0, 0, 0                 /* res2-res4 */
    .word   0x644d5241              /* magic "ARM\x64" */
    .word   0                       /* res5 */
#endif
start:
    mov     x19, x0
    mov     x20, x1
    mov     x21, x2
    mov     x22, x3
    adr     x23, _start
    mov     sp, x23                 /* stack: just below the image */
    movz    x24, #(UART >> 16), lsl #16

    adr     x0, s_entry
    bl      puts
    mov     x0, x23
    bl      puthex
    adr     x0, s_el
    bl      puts
    mrs     x0, CurrentEL
    lsr     x0, x0, #2
    bl      puthex
    bl      newline

    adr     x0, s_x0
    bl      puts
    mov     x0, x19
    bl      puthex
    adr     x0, s_x1
    bl      puts
    mov     x0, x20
    bl      puthex
    adr     x0, s_x2
    bl      puts
    mov     x0, x21
    bl      puthex
    adr     x0, s_x3
    bl      puts
    mov     x0, x22
    bl      puthex
    bl      newline

    /* the DTB x0 points at (if any) */
    adr     x0, s_dtb_x0
    bl      puts
    mov     x0, x19
    bl      dtb_at
    bl      newline
    /* a DTB at the base of RAM (QEMU's place for an ELF that leaves room) */
    adr     x0, s_dtb_base
    bl      puts
    movz    x0, #(RAM_BASE >> 16), lsl #16
    bl      dtb_at
    bl      newline

    /* SYS_EXIT { ADP_Stopped_ApplicationExit, 0 } */
    movz    x1, #0x0026
    movk    x1, #0x2, lsl #16
    stp     x1, xzr, [sp, #-16]!
    mov     x1, sp
    mov     w0, #0x18
    hlt     #0xf000
1:  b       1b

/* dtb_at(x0): "none" for 0, "d00dfeed" if the magic is there, else "no DTB" */
dtb_at:
    stp     x29, x30, [sp, #-16]!
    cbz     x0, 2f
    ldr     w1, [x0]
    rev     w1, w1
    movz    w2, #(FDT_MAGIC & 0xffff)
    movk    w2, #(FDT_MAGIC >> 16), lsl #16
    cmp     w1, w2
    b.ne    3f
    adr     x0, s_magic
    b       4f
2:  adr     x0, s_none
    b       4f
3:  adr     x0, s_nodtb
4:  bl      puts
    ldp     x29, x30, [sp], #16
    ret

/* puts(x0): NUL-terminated string to the UART */
puts:
    ldrb    w1, [x0], #1
    cbz     w1, 1f
    strb    w1, [x24]
    b       puts
1:  ret

/* puthex(x0): "0x" and 16 hex digits */
puthex:
    mov     w1, #'0'
    strb    w1, [x24]
    mov     w1, #'x'
    strb    w1, [x24]
    mov     x2, #60
1:  lsr     x1, x0, x2
    and     x1, x1, #0xf
    cmp     x1, #10
    add     x3, x1, #'0'
    add     x4, x1, #('a' - 10)
    csel    x1, x3, x4, lo
    strb    w1, [x24]
    subs    x2, x2, #4
    b.pl    1b
    ret

newline:
    mov     w1, #'\n'
    strb    w1, [x24]
    ret
    .size   _start, . - _start

s_entry:    .asciz "entry: pc="
s_el:       .asciz " EL="
s_x0:       .asciz "x0="
s_x1:       .asciz " x1="
s_x2:       .asciz " x2="
s_x3:       .asciz " x3="
s_dtb_x0:   .asciz "DTB at x0: "
s_dtb_base: .asciz "DTB at RAM base: "
s_magic:    .asciz "magic d00dfeed"
s_none:     .asciz "none (x0 = 0)"
s_nodtb:    .asciz "no DTB"
