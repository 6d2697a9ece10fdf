/*
 * image_header.S - the Linux arm64 Image header (Documentation/arch/arm64/
 * booting.rst) in front of the hypervisor, so that it can be booted as an
 * Image: QEMU (and a64emu) then hand it the device tree in x0, which they
 * do not do for an ELF.  Linked first; its branch goes to crt0's _start.
 */
    .section .text.boot, "ax"
    .globl  hyp_image_header
hyp_image_header:
    b       _start                  /* code0 */
    .word   0                       /* code1 */
    .quad   0x80000                 /* text_offset: loaded at RAM base + 0x80000, where it is linked */
    .quad   0x2000000               /* image_size: 32 MiB, more than the image, its stacks and heap */
    .quad   0x2                     /* flags: little endian, 4K pages, anywhere in RAM */
    .quad   0, 0, 0
    .word   0x644d5241              /* "ARM\x64" */
    .word   0
