#include "dyad.h"
#include "text/text.h"
#include <stdio.h>
#include <string.h>
char *dy_fold(const char *s, size_t n, dy_arena *a, uint32_t *out_len);
char *dy_fold(const char *s, size_t n, dy_arena *a, uint32_t *out_len) { char *r = dy_arena_alloc(a, n + 1); for (size_t i = 0; i < n; i++) r[i] = (char)((s[i] >= 65 && s[i] <= 90) ? s[i] + 32 : s[i]); r[n] = 0; if (out_len) *out_len = (uint32_t)n; return r; }
