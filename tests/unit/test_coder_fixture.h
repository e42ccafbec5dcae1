/* Shared by the coder tests: code one invented sentence with a small
 * dictionary written in the test and keep the events (with their explain
 * text) for the assertions. Include after <cmocka.h>. */
#ifndef TEST_CODER_FIXTURE_H
#define TEST_CODER_FIXTURE_H
#include "dict/dict.h"
#include "dyad.h"
#include <stdio.h>
#include <string.h>

#define FIXTURE_MAX_EVENTS 64

typedef struct {
    dyad_event ev[FIXTURE_MAX_EVENTS];
    char explain[FIXTURE_MAX_EVENTS][256];
    int n;        /* events kept */
    int seen;     /* events handed over, kept or not */
} events;

static inline int collect(const dyad_event *e, void *user) {
    events *x = user;
    if (x->n < FIXTURE_MAX_EVENTS) {
        x->ev[x->n] = *e;
        if (e->explain) snprintf(x->explain[x->n], sizeof x->explain[0], "%s", e->explain);
        x->n++;
    }
    x->seen++;
    return 0;
}

/* A dictionary in our native format, from text the test wrote; no errors. */
static inline dyad_dict *fixture_dict(const char *text, size_t len) {
    dyad_diag diag;
    dyad_diag_init(&diag, NULL, NULL);
    dyad_dict *d = dy_dict_load_memory(DY_FMT_NATIVE, "tiny.dyd", text, len, &diag);
    assert_non_null(d);
    assert_int_equal(diag.errors, 0);
    return d;
}

/* Code one article (id "t1", dated 2025-09-03) with dictionary text. */
static inline events fixture_code(const char *dict_text, size_t dict_len, const char *text, int explain) {
    dyad_dict *d = fixture_dict(dict_text, dict_len);
    dyad_code_options opt = {explain, NULL};
    dyad_coder *c = dyad_coder_new(d, &opt);
    assert_non_null(c);
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = "t1";
    a.date = "2025-09-03";
    a.text = text;
    a.text_len = strlen(text);
    events x;
    memset(&x, 0, sizeof x);
    int n = dyad_code_article(c, &a, collect, &x, NULL);
    assert_int_equal(n, x.seen);
    dyad_coder_free(c);
    dyad_dict_free(d);
    return x;
}

static inline int has_event(const events *x, const char *src, const char *tgt, const char *code) {
    for (int k = 0; k < x->n; k++)
        if (!strcmp(x->ev[k].source, src) && !strcmp(x->ev[k].target, tgt) && !strcmp(x->ev[k].code, code))
            return k + 1;
    return 0;
}

static inline void show_events(const events *x) {
    for (int k = 0; k < x->n; k++) fprintf(stderr, "  %s/%s/%s\n", x->ev[k].source, x->ev[k].target, x->ev[k].code);
}

#endif
