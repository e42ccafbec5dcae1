/* libFuzzer target: every article reader. The first byte picks the format
 * so one corpus exercises text, JSONL, HTML, TABARI and PETRARCH XML; the
 * rest is the file. Each article is pushed through the text pipeline too,
 * so offsets produced by a reader are checked against the bytes. */
#include "dyad.h"
#include "text/text.h"
#include "util/arena.h"
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void quiet(const dyad_diagnostic *d, void *user) { (void)d; (void)user; }

static int on_article(const dyad_article *a, void *user) {
    dy_arena *arena = user;
    dy_sentence *s;
    size_t n = dy_split_sentences(a->text, a->text_len, arena, &s);
    for (size_t i = 0; i < n; i++) {
        if (s[i].start > s[i].end || s[i].end > a->text_len) abort();
        dy_token *t;
        size_t k = dy_tokenise(a->text, s[i].start, s[i].end, arena, &t);
        for (size_t j = 0; j < k; j++)
            if (t[j].start < s[i].start || t[j].end > s[i].end || t[j].start >= t[j].end) abort();
    }
    dy_arena_reset(arena);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    static const dyad_in_format formats[] = {DYAD_IN_TEXT, DYAD_IN_JSONL, DYAD_IN_HTML,
                                             DYAD_IN_TABARI, DYAD_IN_PETRARCH, DYAD_IN_AUTO};
    dyad_in_format fmt = formats[data[0] % (sizeof formats / sizeof formats[0])];
    dyad_diag diag;
    dyad_diag_init(&diag, quiet, NULL);
    dy_arena arena;
    dy_arena_init(&arena, 1 << 16);
    dyad_read_memory("fuzz", (const char *)data + 1, size - 1, fmt, on_article, &arena, &diag);
    dy_arena_free(&arena);
    return 0;
}
