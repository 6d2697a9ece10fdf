/* printf.c - minimal formatted output (see printf.h). */
#include "printf.h"
#include "uart.h"
#include <stdint.h>

typedef struct {
    int     uart;       /* 1: write to the UART, 0: to buf */
    char   *buf;
    size_t  size;
    size_t  len;        /* characters produced so far */
} sink_t;

static void emit(sink_t *s, char c)
{
    if (s->uart)
        uart_putc(c);
    else if (s->len + 1 < s->size)
        s->buf[s->len] = c;
    s->len++;
}

static void emit_padded(sink_t *s, const char *str, size_t n, int width,
                        int left, char pad)
{
    int fill = width > (int)n ? width - (int)n : 0;
    if (!left)
        while (fill-- > 0)
            emit(s, pad);
    for (size_t i = 0; i < n; i++)
        emit(s, str[i]);
    if (left)
        while (fill-- > 0)
            emit(s, ' ');
}

static int format(sink_t *s, const char *fmt, va_list ap)
{
    static const char lower[] = "0123456789abcdef";
    static const char upper[] = "0123456789ABCDEF";

    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            emit(s, *fmt);
            continue;
        }
        fmt++;
        int left = 0, zero = 0, width = 0, lng = 0;
        for (;; fmt++) {
            if (*fmt == '-')
                left = 1;
            else if (*fmt == '0')
                zero = 1;
            else
                break;
        }
        if (*fmt == '*') {
            width = va_arg(ap, int);
            if (width < 0) {
                left = 1;
                width = -width;
            }
            fmt++;
        } else {
            while (*fmt >= '0' && *fmt <= '9')
                width = width * 10 + (*fmt++ - '0');
        }
        for (;; fmt++) {
            if (*fmt == 'l' || *fmt == 'z' || *fmt == 'j' || *fmt == 't')
                lng = 1;            /* long, long long, size_t: all 64-bit */
            else if (*fmt == 'h')
                ;                   /* promoted to int anyway */
            else
                break;
        }
        char conv = *fmt;
        if (conv == 0)
            break;

        char tmp[24];
        size_t n = 0;
        int neg = 0;
        unsigned base = 10;
        const char *digits = lower;
        uint64_t v;

        switch (conv) {
        case 'c':
            tmp[0] = (char)va_arg(ap, int);
            emit_padded(s, tmp, 1, width, left, ' ');
            continue;
        case 's': {
            const char *str = va_arg(ap, const char *);
            if (!str)
                str = "(null)";
            size_t len = 0;
            while (str[len])
                len++;
            emit_padded(s, str, len, width, left, ' ');
            continue;
        }
        case '%':
            emit(s, '%');
            continue;
        case 'd':
        case 'i': {
            int64_t sv = lng ? va_arg(ap, int64_t) : (int64_t)va_arg(ap, int);
            neg = sv < 0;
            v = neg ? (uint64_t)0 - (uint64_t)sv : (uint64_t)sv;
            break;
        }
        case 'u':
            v = lng ? va_arg(ap, uint64_t) : (uint64_t)va_arg(ap, unsigned);
            break;
        case 'x':
            base = 16;
            v = lng ? va_arg(ap, uint64_t) : (uint64_t)va_arg(ap, unsigned);
            break;
        case 'X':
            base = 16;
            digits = upper;
            v = lng ? va_arg(ap, uint64_t) : (uint64_t)va_arg(ap, unsigned);
            break;
        case 'o':
            base = 8;
            v = lng ? va_arg(ap, uint64_t) : (uint64_t)va_arg(ap, unsigned);
            break;
        case 'p':
            base = 16;
            v = (uint64_t)(uintptr_t)va_arg(ap, void *);
            tmp[0] = '0';
            tmp[1] = 'x';
            emit_padded(s, tmp, 2, 0, 0, ' ');
            width = width > 2 ? width - 2 : 0;
            break;
        default:                    /* unknown: print it verbatim */
            emit(s, '%');
            emit(s, conv);
            continue;
        }

        /* digits, least significant first, into the end of tmp */
        char *p = tmp + sizeof tmp;
        do {
            *--p = digits[v % base];
            v /= base;
        } while (v);
        n = (size_t)(tmp + sizeof tmp - p);

        if (neg) {
            if (zero && !left) {
                emit(s, '-');
                if (width > 0)
                    width--;
            } else {
                *--p = '-';
                n++;
            }
        }
        emit_padded(s, p, n, width, left, zero && !left ? '0' : ' ');
    }
    return (int)s->len;
}

int vprintf(const char *fmt, va_list ap)
{
    sink_t s = { 1, 0, 0, 0 };
    return format(&s, fmt, ap);
}

int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    sink_t s = { 0, buf, size, 0 };
    int n = format(&s, fmt, ap);
    if (size)
        buf[s.len < size ? s.len : size - 1] = 0;
    return n;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

int puts(const char *str)
{
    uart_puts(str);
    uart_putc('\n');
    return 0;
}

int putchar(int c)
{
    uart_putc((char)c);
    return (unsigned char)c;
}
