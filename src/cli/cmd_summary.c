/* dyad summary: one relation at a glance. Counts per quad class, net
 * Goldstein per period drawn as a bar chart around zero, the most frequent
 * event types, and the trend (least-squares slope of net Goldstein over the
 * periods, quiet periods counted as zero) in words, with its correlation. */
#include "cli/cli.h"
#include "dyad.h"
#include "store/query_opts.h"
#include "store/series.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { HALF_WIDTH = 24, TOP_CODES = 5 };

static void usage(FILE *f) {
    fprintf(f,
            "usage: dyad summary [--db PATH|postgresql://...] --dyad A:B [--both] [--by month]\n"
            "                    [other filters]\n"
            "How the relation from A to B moves: counts per quad class, net Goldstein per period\n"
            "with a chart, the top event types, and the trend. Counts reported events unless\n"
            "--status says otherwise.\n"
            "  --db TARGET        SQLite file (default ./dyad.db) or a postgresql:// URI\n"
            "  --by PERIOD        day, week, month (default) or year\n%s",
            dy_query_opts_help);
}

static const char *const quad_names[] = {"unclassified", "verbal cooperation",
                                         "material cooperation", "verbal conflict",
                                         "material conflict"};

static void bar(char *out, double value, double scale) {
    int n = scale > 0 ? (int)lround(fabs(value) / scale) : 0;
    if (n > HALF_WIDTH) n = HALF_WIDTH;
    if (n == 0 && value != 0) n = 1; /* a non-zero period never looks empty */
    char *p = out;
    for (int i = 0; i < HALF_WIDTH; i++) *p++ = (value < 0 && i >= HALF_WIDTH - n) ? '-' : ' ';
    *p++ = '|';
    for (int i = 0; i < n && value > 0; i++) *p++ = '+';
    *p = 0;
    /* trailing spaces are noise in a text chart */
    while (p > out && p[-1] == ' ') *--p = 0;
}

static int by_events_desc(const void *pa, const void *pb) {
    const dy_series_code *a = pa, *b = pb;
    if (a->events != b->events) return a->events < b->events ? 1 : -1;
    return strcmp(a->code, b->code);
}

/* Least-squares slope of net Goldstein over the period index, and the
 * correlation that says whether the line explains anything. */
static double slope_of(const dy_series *s, double *r) {
    size_t n = s->n;
    *r = 0;
    if (n < 2) return 0;
    double mx = (double)(n - 1) / 2.0, my = 0, sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < n; i++) my += s->points[i].net_goldstein;
    my /= (double)n;
    for (size_t i = 0; i < n; i++) {
        double dx = (double)i - mx, dy = s->points[i].net_goldstein - my;
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if (sxx > 0 && syy > 0) *r = sxy / sqrt(sxx * syy);
    return sxx > 0 ? sxy / sxx : 0;
}

static void print_summary(const dy_series *s, const dyad_query *q, const char *by) {
    const char *src = q->dyad_source && *q->dyad_source ? q->dyad_source : "*";
    const char *tgt = q->dyad_target && *q->dyad_target ? q->dyad_target : "*";
    printf("%s %s %s, by %s", src, q->both_directions ? "<->" : "->", tgt, by);
    if (s->n) printf(", %s .. %s", s->points[0].key, s->points[s->n - 1].key);
    printf("\n%ld events, %ld mentions", s->events, s->mentions);
    if (s->undated) printf(" (%ld events undated, counted in totals only)", s->undated);
    printf("\n");
    if (!s->events) {
        printf("no stored events match\n");
        return;
    }

    printf("\n%-22s %8s %6s\n", "quad class", "events", "share");
    for (int k = 1; k <= 4; k++)
        printf("%-22s %8ld %5.0f%%\n", quad_names[k], s->quad[k],
               100.0 * (double)s->quad[k] / (double)s->events);
    if (s->quad[0]) printf("%-22s %8ld\n", quad_names[0], s->quad[0]);

    double max = 0;
    for (size_t i = 0; i < s->n; i++)
        if (fabs(s->points[i].net_goldstein) > max) max = fabs(s->points[i].net_goldstein);
    double scale = max / HALF_WIDTH;
    printf("\n%-10s %7s %10s   conflict %*s cooperation\n", "period", "events", "net Gold.",
           HALF_WIDTH - 8, "|");
    for (size_t i = 0; i < s->n; i++) {
        char chart[2 * HALF_WIDTH + 4];
        bar(chart, s->points[i].net_goldstein, scale);
        printf("%-10s %7ld %+10.1f   %s\n", s->points[i].key, s->points[i].events,
               s->points[i].net_goldstein, chart);
    }
    if (scale > 0) printf("(one mark = %.1f Goldstein points)\n", scale);

    dy_series_code *codes = malloc((s->ncodes ? s->ncodes : 1) * sizeof *codes);
    if (codes) {
        memcpy(codes, s->codes, s->ncodes * sizeof *codes);
        qsort(codes, s->ncodes, sizeof *codes, by_events_desc);
        printf("\ntop event types\n");
        for (size_t i = 0; i < s->ncodes && i < TOP_CODES; i++) {
            const dyad_cameo_code *c = dyad_cameo_lookup(codes[i].code);
            printf("  %-5s %-40s %6ld events %6ld mentions  %+5.1f\n", codes[i].code,
                   c && c->name ? c->name : "", codes[i].events, codes[i].mentions,
                   codes[i].goldstein);
        }
        free(codes);
    }

    long coop = s->quad[1] + s->quad[2], confl = s->quad[3] + s->quad[4];
    const char *balance = s->net_goldstein > 0 ? "cooperation" : s->net_goldstein < 0 ? "conflict"
                                                                                      : "balanced";
    printf("\noverall: %s (net Goldstein %+.1f; %ld cooperative vs %ld conflictual events)\n",
           balance, s->net_goldstein, coop, confl);
    double r;
    double slope = slope_of(s, &r);
    /* A weak correlation (|r| < 0.3) means the periods scatter around a
     * level: calling that a trend would read noise as news. */
    if (s->n < 3) printf("trend: too few %ss to tell\n", by);
    else if (fabs(r) < 0.3)
        printf("trend: no clear direction (slope %+.2f per %s, r = %+.2f)\n", slope, by, r);
    else
        printf("trend: moving towards %s (slope %+.2f net Goldstein per %s, r = %+.2f)\n",
               slope > 0 ? "cooperation" : "conflict", slope, by, r);
}

int cmd_summary(int argc, char **argv) {
    int by = DY_BY_MONTH;
    dy_query_opts o;
    dy_query_opts_init(&o);
    for (int i = 1; i < argc; i++) {
        int r = dy_query_opts_parse(&o, argc, argv, &i, "summary");
        if (r < 0) return DY_EXIT_USAGE;
        if (r > 0) continue;
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return DY_EXIT_OK;
        }
        if (i + 1 < argc && !strcmp(a, "--by")) {
            by = dy_period_parse(argv[++i]);
            if (by < 0) {
                fprintf(stderr, "dyad summary: unknown --by '%s' (day, week, month, year)\n", argv[i]);
                return DY_EXIT_USAGE;
            }
        } else {
            fprintf(stderr, "dyad summary: unknown or incomplete option '%s'\n", a);
            usage(stderr);
            return DY_EXIT_USAGE;
        }
    }
    if (!o.q.dyad_source && !o.q.dyad_target) {
        fprintf(stderr, "dyad summary: --dyad A:B is required\n");
        usage(stderr);
        return DY_EXIT_USAGE;
    }
    /* A relation is what happened: plans, speculation and denials are left
     * out unless asked for. */
    if (!o.q.status_mask) o.q.status_mask = 1u << DYAD_REPORTED;
    dyad_diag diag;
    dyad_diag_init(&diag, NULL, NULL);
    dyad_store *s = dyad_store_open_readonly(o.db, &diag);
    if (!s) return DY_EXIT_USAGE;
    dy_series series;
    int rc = DY_EXIT_OK;
    if (dy_series_load(&series, s, &o.q, (dy_period)by, 1, &diag) != 0) rc = DY_EXIT_USAGE;
    else print_summary(&series, &o.q, dy_period_name((dy_period)by));
    dy_series_free(&series);
    dyad_store_close(s);
    return rc;
}
