#include "store/series.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

enum { MAX_FILLED_POINTS = 5000 };

static dy_series_point *add_point(dy_series *s, const char *key) {
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 64;
        s->points = dy_xrealloc(s->points, s->cap * sizeof *s->points);
    }
    dy_series_point *p = &s->points[s->n++];
    memset(p, 0, sizeof *p);
    memcpy(p->key, key, DY_PERIOD_KEY);
    return p;
}

static dy_series_code *code_entry(dy_series *s, const dyad_store_count *c) {
    for (size_t i = 0; i < s->ncodes; i++)
        if (!strcmp(s->codes[i].code, c->code)) return &s->codes[i];
    if (s->ncodes == s->codes_cap) {
        s->codes_cap = s->codes_cap ? 2 * s->codes_cap : 32;
        s->codes = dy_xrealloc(s->codes, s->codes_cap * sizeof *s->codes);
    }
    dy_series_code *e = &s->codes[s->ncodes++];
    memset(e, 0, sizeof *e);
    snprintf(e->code, sizeof e->code, "%s", c->code);
    e->quad = c->quad;
    e->goldstein = c->goldstein;
    return e;
}

/* Counts arrive ordered by date, and period keys grow with the date, so a
 * new key is always appended after the last one. */
static int add_count(const dyad_store_count *c, void *user) {
    dy_series *s = user;
    int quad = c->quad >= 1 && c->quad <= 4 ? c->quad : 0;
    double net = c->goldstein * (double)c->events;
    s->events += c->events;
    s->mentions += c->mentions;
    s->quad[quad] += c->events;
    s->net_goldstein += net;
    dy_series_code *e = code_entry(s, c);
    e->events += c->events;
    e->mentions += c->mentions;
    char key[DY_PERIOD_KEY];
    dy_period_key(s->by, c->date, key);
    if (!key[0]) {
        s->undated += c->events;
        return 0;
    }
    dy_series_point *p = s->n && !strcmp(s->points[s->n - 1].key, key) ? &s->points[s->n - 1]
                                                                          : add_point(s, key);
    p->events += c->events;
    p->mentions += c->mentions;
    p->quad[quad] += c->events;
    p->net_goldstein += net;
    return 0;
}

static void fill_gaps(dy_series *s) {
    if (s->n < 2) return;
    dy_series filled = {0};
    filled.by = s->by;
    char key[DY_PERIOD_KEY];
    memcpy(key, s->points[0].key, DY_PERIOD_KEY);
    size_t next = 0;
    while (next < s->n) {
        if (filled.n >= MAX_FILLED_POINTS) {
            free(filled.points);
            return;
        }
        if (!strcmp(key, s->points[next].key)) *add_point(&filled, key) = s->points[next++];
        else add_point(&filled, key);
        char after[DY_PERIOD_KEY];
        if (dy_period_next(s->by, key, after) != 0 || strcmp(after, key) <= 0) {
            free(filled.points);
            return;
        }
        memcpy(key, after, DY_PERIOD_KEY);
    }
    free(s->points);
    s->points = filled.points;
    s->n = filled.n;
    s->cap = filled.cap;
}

int dy_series_load(dy_series *s, dyad_store *store, const dyad_query *q, dy_period by,
                   int gaps, dyad_diag *diag) {
    memset(s, 0, sizeof *s);
    s->by = by;
    dyad_query all = q ? *q : (dyad_query){0};
    all.limit = 0; /* a limit is on periods, applied by the caller */
    if (dyad_store_query_counts(store, &all, add_count, s, diag) < 0) return -1;
    if (gaps) fill_gaps(s);
    return 0;
}

void dy_series_free(dy_series *s) {
    free(s->points);
    free(s->codes);
    memset(s, 0, sizeof *s);
}
