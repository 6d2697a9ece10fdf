/*
 * malloc.h - a small heap for guests that want one (the Embedded Swift
 * hypervisor needs malloc, free and posix_memalign).
 *
 * Blocks come from [__heap_start, __heap_start + HEAP_DEFAULT_SIZE) unless
 * heap_init() names another region first.  Sizes are rounded up to a power
 * of two (32 bytes to 1 MiB); freed blocks go on a free list per size and
 * are reused, never returned.  Larger blocks are carved at the top and
 * never freed.  One spinlock guards the heap, so CPUs may share it (it uses
 * exclusive loads and stores: the heap must be Normal memory on real
 * hardware, i.e. the MMU on).
 */
#ifndef A64EMU_MALLOC_H
#define A64EMU_MALLOC_H

#include <stddef.h>

#define HEAP_DEFAULT_SIZE (16u << 20)

void  heap_init(void *base, size_t size);
void *heap_end(void);                   /* first byte above the heap */
void *malloc(size_t size);
void *calloc(size_t count, size_t size);
void  free(void *p);
int   posix_memalign(void **out, size_t align, size_t size);

#endif
