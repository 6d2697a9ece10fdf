/* uart.h - PL011 UART at 0x0900_0000 (QEMU -M virt), transmit only. */
#ifndef A64EMU_UART_H
#define A64EMU_UART_H

#define UART_BASE   0x09000000UL
#define UART_DR     0x00        /* data register */
#define UART_FR     0x18        /* flag register */
#define UART_FR_TXFF (1u << 5)  /* transmit FIFO full */

void uart_putc(char c);         /* '\n' is sent as is (no CR added) */
void uart_puts(const char *s);  /* no newline appended */
void uart_write(const char *buf, unsigned long len);

#endif
