/* Shared by the reader tests: collect every article a reader hands over,
 * and every diagnostic it reports, so a test can look at them afterwards. */
#ifndef TEST_READ_COLLECT_H
#define TEST_READ_COLLECT_H
#include "dyad.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *id, *date, *title, *url, *source, *text;
    size_t text_len;
    long line;
} got_article;

typedef struct {
    got_article *a;
    size_t n, cap;
    char diags[64][300];   /* first 64 diagnostics, "line:col: sev: message" */
    size_t ndiags;
    dyad_diag diag;
} collect;

static inline char *dup_or_null(const char *s) {
    if (!s) return NULL;
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    memcpy(p, s, n + 1);
    return p;
}

static inline int collect_article(const dyad_article *a, void *user) {
    collect *c = user;
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 16;
        c->a = realloc(c->a, c->cap * sizeof *c->a);
    }
    got_article *g = &c->a[c->n++];
    g->id = dup_or_null(a->id);
    g->date = dup_or_null(a->date);
    g->title = dup_or_null(a->title);
    g->url = dup_or_null(a->url);
    g->source = dup_or_null(a->source);
    g->text = malloc(a->text_len + 1);
    memcpy(g->text, a->text, a->text_len);
    g->text[a->text_len] = 0;
    g->text_len = a->text_len;
    g->line = a->origin_line;
    return 0;
}

static inline void collect_diag(const dyad_diagnostic *d, void *user) {
    collect *c = user;
    if (c->ndiags < 64)
        snprintf(c->diags[c->ndiags++], sizeof c->diags[0], "%ld:%ld: %s: %s", d->line, d->column,
                 d->severity == DYAD_ERROR ? "error" : d->severity == DYAD_WARNING ? "warning" : "note",
                 d->message);
}

static inline void collect_init(collect *c) {
    memset(c, 0, sizeof *c);
    dyad_diag_init(&c->diag, collect_diag, c);
}

static inline void collect_free(collect *c) {
    for (size_t i = 0; i < c->n; i++) {
        free(c->a[i].id); free(c->a[i].date); free(c->a[i].title);
        free(c->a[i].url); free(c->a[i].source); free(c->a[i].text);
    }
    free(c->a);
    memset(c, 0, sizeof *c);
}

/* Does any diagnostic contain needle? */
static inline int collect_has(const collect *c, const char *needle) {
    for (size_t i = 0; i < c->ndiags; i++)
        if (strstr(c->diags[i], needle)) return 1;
    return 0;
}

static inline void collect_dump(const collect *c) {
    for (size_t i = 0; i < c->ndiags; i++) fprintf(stderr, "  diag: %s\n", c->diags[i]);
}

static inline int read_str(collect *c, const char *name, const char *s, dyad_in_format fmt) {
    return dyad_read_memory(name, s, strlen(s), fmt, collect_article, c, &c->diag);
}
#endif
