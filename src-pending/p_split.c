#include "dyad.h"
#include "text/text.h"
#include <stdio.h>
#include <string.h>
size_t dy_split_sentences(const char *text, size_t len, dy_arena *a, dy_sentence **out);
size_t dy_split_sentences(const char *text, size_t len, dy_arena *a, dy_sentence **out) { (void)text; *out = dy_arena_alloc(a, sizeof **out); if (!len) return 0; (*out)[0].start = 0; (*out)[0].end = (uint32_t)len; return 1; }
