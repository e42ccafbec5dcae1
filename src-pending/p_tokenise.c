#include "dyad.h"
#include "text/text.h"
#include <stdio.h>
#include <string.h>
size_t dy_tokenise(const char *text, size_t start, size_t end, dy_arena *a, dy_token **out);
size_t dy_tokenise(const char *text, size_t start, size_t end, dy_arena *a, dy_token **out) { (void)text;(void)start;(void)end; *out = dy_arena_alloc(a, sizeof **out); return 0; }
