/*
 * printf.h - a small printf for guests, output through the PL011.
 * Conversions: %d %i %u %x %X %o %s %c %p %%; flags '-' '0'; a width
 * (or '*'); length modifiers h hh l ll z.  No floating point.
 */
#ifndef A64EMU_PRINTF_H
#define A64EMU_PRINTF_H

#include <stdarg.h>
#include <stddef.h>

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int puts(const char *s);       /* appends '\n', like C's */
int putchar(int c);

#endif
