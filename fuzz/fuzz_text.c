/* libFuzzer target: sentence splitting, tokenising and folding on raw
 * bytes. Checks the invariants the rest of dyad relies on: sentences and
 * tokens are ordered, non-overlapping, inside their parent span, and never
 * start or end on whitespace; every norm is NUL-terminated. */
#include "text/text.h"
#include "util/arena.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *text = (const char *)data;
    dy_arena arena;
    dy_arena_init(&arena, 1 << 16);
    dy_sentence *s;
    size_t n = dy_split_sentences(text, size, &arena, &s);
    uint32_t prev_end = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i].start < prev_end || s[i].start >= s[i].end || s[i].end > size) abort();
        if (is_space((unsigned char)text[s[i].start]) || is_space((unsigned char)text[s[i].end - 1])) abort();
        prev_end = s[i].end;
        dy_token *t;
        size_t k = dy_tokenise(text, s[i].start, s[i].end, &arena, &t);
        uint32_t tprev = s[i].start;
        for (size_t j = 0; j < k; j++) {
            if (t[j].start < tprev || t[j].start >= t[j].end || t[j].end > s[i].end) abort();
            if (!t[j].norm || t[j].norm[t[j].norm_len] != 0) abort();
            tprev = t[j].end;
        }
    }
    uint32_t flen;
    char *f = dy_fold(text, size, &arena, &flen);
    if (!f) abort();
    dy_arena_free(&arena);
    return 0;
}
