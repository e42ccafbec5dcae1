/* Coding speed on one core: sentences per second of dyad_code_article()
 * alone (articles are read into memory first, so reading and writing are
 * not timed; sentence splitting and tokenising are, as the coder does them).
 *
 *   bench_coder_speed DICT_SPEC ARTICLES.jsonl [ROUNDS]
 *
 * Prints articles, sentences, events, CPU seconds (best round) and sentences/s. */
#include "dyad.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    dyad_article *a;
    size_t n, cap;
} article_list;

static int keep(const dyad_article *a, void *user) {
    article_list *l = user;
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 1024;
        l->a = dy_xrealloc(l->a, l->cap * sizeof *l->a);
    }
    dyad_article c = {0};
    c.id = dy_xstrdup(a->id);
    c.date = a->date ? dy_xstrdup(a->date) : NULL;
    c.text = dy_xstrndup(a->text, a->text_len);
    c.text_len = a->text_len;
    l->a[l->n++] = c;
    return 0;
}

static int count_event(const dyad_event *e, void *user) {
    (void)e;
    (*(size_t *)user)++;
    return 0;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: a busy machine does not skew it */
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s DICT_SPEC ARTICLES.jsonl [ROUNDS]\n", argv[0]);
        return 2;
    }
    int rounds = argc > 3 ? atoi(argv[3]) : 3;
    dyad_diag diag;
    dyad_diag_init(&diag, NULL, NULL);
    dyad_dict *d = dyad_dict_load(argv[1], &diag);
    if (!d) return 2;
    article_list l = {0};
    if (dyad_read_file(argv[2], DYAD_IN_JSONL, keep, &l, &diag) != 0) return 2;
    size_t sentences = 0;
    dy_arena a;
    dy_arena_init(&a, 0);
    for (size_t i = 0; i < l.n; i++) {
        dy_sentence *s;
        sentences += dy_split_sentences(l.a[i].text, l.a[i].text_len, &a, &s);
        dy_arena_reset(&a);
    }
    dy_arena_free(&a);
    dyad_code_options opt = {0};
    dyad_coder *c = dyad_coder_new(d, &opt);
    double best = 1e30;
    size_t events = 0;
    for (int r = 0; r < rounds; r++) {
        events = 0;
        double t0 = now();
        for (size_t i = 0; i < l.n; i++) dyad_code_article(c, &l.a[i], count_event, &events, NULL);
        double t = now() - t0;
        if (t < best) best = t;
    }
    printf("articles %zu sentences %zu events %zu seconds %.3f sentences/s %.0f\n", l.n, sentences,
           events, best, sentences / best);
    dyad_coder_free(c);
    for (size_t i = 0; i < l.n; i++) {
        free((char *)l.a[i].id);
        free((char *)l.a[i].date);
        free((char *)l.a[i].text);
    }
    free(l.a);
    dyad_dict_free(d);
    return 0;
}
