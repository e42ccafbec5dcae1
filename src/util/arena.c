#include "util/arena.h"
#include "util/xalloc.h"
#include <stdalign.h>
#include <stdint.h>
#include <string.h>

struct dy_arena_block {
    dy_arena_block *next;
    size_t cap, used;
    alignas(max_align_t) unsigned char data[];
};

void dy_arena_init(dy_arena *a, size_t block_size) {
    a->head = NULL;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->total = 0;
}

static dy_arena_block *new_block(size_t cap) {
    dy_arena_block *b = dy_xmalloc(sizeof *b + cap);
    b->next = NULL;
    b->cap = cap;
    b->used = 0;
    return b;
}

void *dy_arena_alloc(dy_arena *a, size_t n) {
    const size_t align = alignof(max_align_t);
    n = (n + align - 1) & ~(align - 1);
    if (n == 0) n = align;
    dy_arena_block *b = a->head;
    if (!b || b->cap - b->used < n) {
        /* Oversized requests get a block of their own, linked behind the
         * current one so the current block's free space is not wasted. */
        if (n > a->block_size / 4 && b) {
            dy_arena_block *big = new_block(n);
            big->used = n;
            big->next = b->next;
            b->next = big;
            a->total += n;
            return big->data;
        }
        size_t cap = n > a->block_size ? n : a->block_size;
        b = new_block(cap);
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += n;
    a->total += n;
    return p;
}

void *dy_arena_calloc(dy_arena *a, size_t n, size_t size) {
    if (size && n > SIZE_MAX / size) dy_oom();
    void *p = dy_arena_alloc(a, n * size);
    memset(p, 0, n * size);
    return p;
}

char *dy_arena_strndup(dy_arena *a, const char *s, size_t n) {
    char *p = dy_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *dy_arena_strdup(dy_arena *a, const char *s) { return dy_arena_strndup(a, s, strlen(s)); }

void dy_arena_reset(dy_arena *a) {
    dy_arena_block *keep = NULL;
    for (dy_arena_block *b = a->head, *next; b; b = next) {
        next = b->next;
        if (!keep && b->cap == a->block_size) {
            keep = b;
            keep->next = NULL;
            keep->used = 0;
        } else {
            free(b);
        }
    }
    a->head = keep;
    a->total = 0;
}

void dy_arena_free(dy_arena *a) {
    for (dy_arena_block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    a->head = NULL;
    a->total = 0;
}
