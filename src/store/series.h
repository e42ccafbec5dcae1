/* Stored events folded into a time series (per period: events, mentions,
 * quad classes, net Goldstein) and per-code totals: what `dyad query --by`
 * prints and `dyad summary` reads. */
#ifndef DY_STORE_SERIES_H
#define DY_STORE_SERIES_H
#include "dyad.h"
#include "store/period.h"
#include <stddef.h>

typedef struct {
    char key[DY_PERIOD_KEY];
    long events, mentions;
    long quad[5];        /* events per quad class; [0] = code without a class */
    double net_goldstein;/* sum of Goldstein over distinct events */
} dy_series_point;

typedef struct {
    char code[8];
    int quad;
    double goldstein;
    long events, mentions;
} dy_series_code;

typedef struct {
    dy_period by;
    dy_series_point *points;
    size_t n, cap;
    dy_series_code *codes;
    size_t ncodes, codes_cap;
    long events, mentions, quad[5], undated;
    double net_goldstein;
} dy_series;

/* fill_gaps: add empty periods between the first and the last, so a chart
 * shows quiet months as quiet (skipped past 5000 periods). Returns 0 or -1. */
int dy_series_load(dy_series *s, dyad_store *store, const dyad_query *q, dy_period by,
                   int fill_gaps, dyad_diag *diag);
void dy_series_free(dy_series *s);
#endif
