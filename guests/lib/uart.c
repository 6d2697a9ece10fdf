/* uart.c - PL011 output.  The MMU is off, so the UART is Device memory. */
#include "uart.h"
#include <stdint.h>

static inline void mmio_write32(uintptr_t addr, uint32_t v)
{
    *(volatile uint32_t *)addr = v;
}

static inline uint32_t mmio_read32(uintptr_t addr)
{
    return *(volatile uint32_t *)addr;
}

void uart_putc(char c)
{
    while (mmio_read32(UART_BASE + UART_FR) & UART_FR_TXFF)
        ;
    mmio_write32(UART_BASE + UART_DR, (uint8_t)c);
}

void uart_puts(const char *s)
{
    while (*s)
        uart_putc(*s++);
}

void uart_write(const char *buf, unsigned long len)
{
    for (unsigned long i = 0; i < len; i++)
        uart_putc(buf[i]);
}
