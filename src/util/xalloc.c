#include "util/xalloc.h"
#include <stdio.h>
#include <string.h>

_Noreturn void dy_oom(void) {
    fputs("dyad: out of memory\n", stderr);
    abort();
}
void *dy_xmalloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) dy_oom();
    return p;
}
void *dy_xcalloc(size_t n, size_t size) {
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) dy_oom();
    return p;
}
void *dy_xrealloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) dy_oom();
    return p;
}
char *dy_xstrndup(const char *s, size_t n) {
    char *p = dy_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}
char *dy_xstrdup(const char *s) { return dy_xstrndup(s, strlen(s)); }
