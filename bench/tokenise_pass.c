/* The reading-speed floor for the benchmark table: read JSONL articles,
 * split sentences and tokenise them, and do nothing else. The coder cannot
 * be faster than this; the bench table shows how close it gets. */
#include "dyad.h"
#include "text/text.h"
#include "util/arena.h"
#include <stdio.h>

typedef struct {
    dy_arena arena;
    unsigned long long sentences, tokens, bytes;
} pass_state;

static int on_article(const dyad_article *a, void *user) {
    pass_state *st = user;
    dy_sentence *sents;
    size_t n = dy_split_sentences(a->text, a->text_len, &st->arena, &sents);
    for (size_t i = 0; i < n; i++) {
        dy_token *toks;
        st->tokens += dy_tokenise(a->text, sents[i].start, sents[i].end, &st->arena, &toks);
    }
    st->sentences += n;
    st->bytes += a->text_len;
    dy_arena_reset(&st->arena);
    return 0;
}

int main(int argc, char **argv) {
    pass_state st = {0};
    dy_arena_init(&st.arena, 1 << 20);
    dyad_diag diag;
    dyad_diag_init(&diag, NULL, NULL);
    int rc = 0;
    for (int i = 1; i < argc; i++)
        if (dyad_read_file(argv[i], DYAD_IN_AUTO, on_article, &st, &diag) < 0) rc = 2;
    dy_arena_free(&st.arena);
    printf("{\"sentences\": %llu, \"tokens\": %llu, \"bytes\": %llu}\n", st.sentences, st.tokens,
           st.bytes);
    return rc;
}
