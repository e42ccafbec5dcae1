/* A bump allocator: many small allocations, one free. Each article is coded
 * in its own arena, so per-article memory is released in a single step and
 * nothing leaks between articles. */
#ifndef DY_ARENA_H
#define DY_ARENA_H
#include <stddef.h>

typedef struct dy_arena_block dy_arena_block;
typedef struct {
    dy_arena_block *head;
    size_t block_size;
    size_t total;        /* bytes handed out, for stats */
} dy_arena;

void dy_arena_init(dy_arena *a, size_t block_size);
void *dy_arena_alloc(dy_arena *a, size_t n);            /* aligned to max_align_t; aborts on OOM */
void *dy_arena_calloc(dy_arena *a, size_t n, size_t size);
char *dy_arena_strndup(dy_arena *a, const char *s, size_t n);
char *dy_arena_strdup(dy_arena *a, const char *s);
/* Free every block but keep the first for reuse (cheap per-article reset). */
void dy_arena_reset(dy_arena *a);
void dy_arena_free(dy_arena *a);
#endif
