/* Allocation that cannot fail: out of memory is not a condition dyad can
 * recover from meaningfully, so it stops with a message instead of
 * threading NULL checks through every caller. */
#ifndef DY_XALLOC_H
#define DY_XALLOC_H
#include <stdlib.h>
_Noreturn void dy_oom(void);
void *dy_xmalloc(size_t n);
void *dy_xcalloc(size_t n, size_t size);
void *dy_xrealloc(void *p, size_t n);
char *dy_xstrdup(const char *s);
char *dy_xstrndup(const char *s, size_t n);
#endif
