/* malloc.c - see malloc.h. */
#include "malloc.h"
#include "string.h"
#include <stdint.h>

extern char __heap_start[];

#define MIN_SHIFT  5        /* 32-byte blocks */
#define MAX_SHIFT  20       /* 1 MiB blocks */
#define HEADER     16       /* size class in front of every block, keeps 16-byte alignment */

struct free_block { struct free_block *next; };

static struct free_block *free_lists[MAX_SHIFT + 1];
static uintptr_t heap_next, heap_limit;
static volatile uint32_t heap_lock;

static void lock(void)
{
    while (__atomic_exchange_n(&heap_lock, 1u, __ATOMIC_ACQUIRE))
        while (__atomic_load_n(&heap_lock, __ATOMIC_RELAXED)) { }
}

static void unlock(void)
{
    __atomic_store_n(&heap_lock, 0u, __ATOMIC_RELEASE);
}

void heap_init(void *base, size_t size)
{
    heap_next = ((uintptr_t)base + 15) & ~(uintptr_t)15;
    heap_limit = (uintptr_t)base + size;
}

static void ensure_init(void)
{
    if (heap_limit == 0)
        heap_init(__heap_start, HEAP_DEFAULT_SIZE);
}

void *heap_end(void)
{
    ensure_init();
    return (void *)heap_limit;
}

/* Carve `size` bytes aligned to `align` from the bump region (lock held). */
static void *carve(size_t size, size_t align)
{
    uintptr_t p = (heap_next + align - 1) & ~(uintptr_t)(align - 1);
    if (p + size > heap_limit || p + size < p)
        return 0;
    heap_next = p + size;
    return (void *)p;
}

static unsigned size_class(size_t size)
{
    unsigned s = MIN_SHIFT;
    while (((size_t)1 << s) < size + HEADER)
        s++;
    return s;
}

void *malloc(size_t size)
{
    ensure_init();
    unsigned s = size_class(size);
    lock();
    char *block;
    if (s > MAX_SHIFT) {
        block = carve(size + HEADER, 16);
    } else if (free_lists[s]) {
        block = (char *)free_lists[s];
        free_lists[s] = free_lists[s]->next;
    } else {
        block = carve((size_t)1 << s, 16);
    }
    unlock();
    if (!block)
        return 0;
    *(uint64_t *)block = s;
    return block + HEADER;
}

void *calloc(size_t count, size_t size)
{
    size_t n = count * size;
    if (size && n / size != count)
        return 0;
    void *p = malloc(n);
    if (p)
        memset(p, 0, n);
    return p;
}

void free(void *p)
{
    if (!p)
        return;
    char *block = (char *)p - HEADER;
    uint64_t s = *(uint64_t *)block;
    if (s > MAX_SHIFT)
        return;                     /* large and aligned blocks are never reused */
    lock();
    ((struct free_block *)block)->next = free_lists[s];
    free_lists[s] = (struct free_block *)block;
    unlock();
}

int posix_memalign(void **out, size_t align, size_t size)
{
    if (align <= HEADER) {
        *out = malloc(size);
        return *out ? 0 : 12;       /* ENOMEM */
    }
    if (align & (align - 1))
        return 22;                  /* EINVAL */
    ensure_init();
    /* The header sits just below the aligned block, marked "never reused". */
    lock();
    char *raw = carve(size + align, align);
    unlock();
    if (!raw)
        return 12;
    char *p = raw + align;
    *(uint64_t *)(p - HEADER) = MAX_SHIFT + 1;
    *out = p;
    return 0;
}
