/* dyad query: stored events through the shared filters, as a list or, with
 * --by, as a time series. */
#include "cli/cli.h"
#include "dyad.h"
#include "store/query_opts.h"
#include "store/render.h"
#include "store/series.h"
#include "util/buf.h"
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

enum { FMT_TABLE, FMT_CSV, FMT_JSONL };

static void usage(FILE *f) {
    fprintf(f,
            "usage: dyad query [--db PATH|postgresql://...] [FILTERS] [--by day|week|month|year]\n"
            "                  [--format table|csv|jsonl]\n"
            "Lists stored events (one row per distinct event, with its mention counts), or with\n"
            "--by counts them per period: events, mentions, quad classes, net Goldstein.\n"
            "  --db TARGET        SQLite file (default ./dyad.db) or a postgresql:// URI\n%s",
            dy_query_opts_help);
}

typedef struct {
    int format;
    dy_buf out;
    long rows;
} list_ctx;

static void flush_if_big(dy_buf *b) {
    if (b->len < (1u << 16)) return;
    fwrite(b->data, 1, b->len, stdout);
    dy_buf_clear(b);
}

static int list_row(const dyad_stored_event *e, void *user) {
    list_ctx *c = user;
    if (c->format == FMT_JSONL) {
        dy_render_stored_jsonl(e, &c->out);
    } else if (c->format == FMT_CSV) {
        dy_render_stored_csv(e, &c->out);
    } else {
        dy_buf_printf(&c->out, "%8" PRId64 "  %-10s  %-12s %-12s %-5s %4d %9.1f  %-11s %8ld %7ld %8ld\n",
                      e->id, e->date[0] ? e->date : "-", e->source[0] ? e->source : "-",
                      e->target[0] ? e->target : "-", e->code, e->quad, e->goldstein,
                      dyad_status_name(e->status), e->num_mentions, e->num_sources,
                      e->num_articles);
    }
    c->rows++;
    flush_if_big(&c->out);
    return 0;
}

static void print_series(const dy_series *s, int format, long limit) {
    if (format == FMT_CSV)
        printf("period,events,mentions,verbal_coop,material_coop,verbal_conflict,material_conflict,net_goldstein\n");
    else if (format == FMT_TABLE)
        printf("%-10s %8s %9s %8s %8s %8s %8s %10s\n", "period", "events", "mentions", "v.coop",
               "m.coop", "v.confl", "m.confl", "net gold.");
    for (size_t i = 0; i < s->n && (limit <= 0 || (long)i < limit); i++) {
        const dy_series_point *p = &s->points[i];
        if (format == FMT_JSONL)
            printf("{\"period\": \"%s\", \"events\": %ld, \"mentions\": %ld, \"quad\": [%ld, %ld, %ld, %ld],"
                   " \"net_goldstein\": %.1f}\n",
                   p->key, p->events, p->mentions, p->quad[1], p->quad[2], p->quad[3], p->quad[4],
                   p->net_goldstein);
        else if (format == FMT_CSV)
            printf("%s,%ld,%ld,%ld,%ld,%ld,%ld,%.1f\n", p->key, p->events, p->mentions, p->quad[1],
                   p->quad[2], p->quad[3], p->quad[4], p->net_goldstein);
        else
            printf("%-10s %8ld %9ld %8ld %8ld %8ld %8ld %+10.1f\n", p->key, p->events, p->mentions,
                   p->quad[1], p->quad[2], p->quad[3], p->quad[4], p->net_goldstein);
    }
    if (s->undated && format == FMT_TABLE)
        printf("(%ld events without a date are not in any period)\n", s->undated);
}

int cmd_query(int argc, char **argv) {
    int format = FMT_TABLE;
    int by = DY_BY_NONE;
    dy_query_opts o;
    dy_query_opts_init(&o);
    for (int i = 1; i < argc; i++) {
        int r = dy_query_opts_parse(&o, argc, argv, &i, "query");
        if (r < 0) return DY_EXIT_USAGE;
        if (r > 0) continue;
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return DY_EXIT_OK;
        }
        if (i + 1 < argc && !strcmp(a, "--format")) {
            const char *f = argv[++i];
            if (!strcmp(f, "table")) format = FMT_TABLE;
            else if (!strcmp(f, "csv")) format = FMT_CSV;
            else if (!strcmp(f, "jsonl")) format = FMT_JSONL;
            else {
                fprintf(stderr, "dyad query: unknown --format '%s' (table, csv, jsonl)\n", f);
                return DY_EXIT_USAGE;
            }
        } else if (i + 1 < argc && !strcmp(a, "--by")) {
            by = dy_period_parse(argv[++i]);
            if (by < 0) {
                fprintf(stderr, "dyad query: unknown --by '%s' (day, week, month, year)\n", argv[i]);
                return DY_EXIT_USAGE;
            }
        } else {
            fprintf(stderr, "dyad query: unknown or incomplete option '%s'\n", a);
            usage(stderr);
            return DY_EXIT_USAGE;
        }
    }
    dyad_diag diag;
    dyad_diag_init(&diag, NULL, NULL);
    dyad_store *s = dyad_store_open_readonly(o.db, &diag);
    if (!s) return DY_EXIT_USAGE;
    int rc = DY_EXIT_OK;
    if (by != DY_BY_NONE) {
        dy_series series;
        if (dy_series_load(&series, s, &o.q, (dy_period)by, 1, &diag) != 0) rc = DY_EXIT_USAGE;
        else print_series(&series, format, o.q.limit);
        dy_series_free(&series);
    } else {
        list_ctx c = {format, {0}, 0};
        dy_buf_init(&c.out);
        if (format == FMT_CSV) dy_render_stored_csv_header(&c.out);
        else if (format == FMT_TABLE)
            dy_buf_printf(&c.out, "%8s  %-10s  %-12s %-12s %-5s %4s %9s  %-11s %8s %7s %8s\n", "id",
                          "date", "source", "target", "code", "quad", "goldstein", "status",
                          "mentions", "sources", "articles");
        if (dyad_store_query_events(s, &o.q, list_row, &c, &diag) < 0) rc = DY_EXIT_USAGE;
        fwrite(c.out.data ? c.out.data : "", 1, c.out.len, stdout);
        dy_buf_free(&c.out);
    }
    dyad_store_close(s);
    if (fflush(stdout) != 0) {
        perror("dyad query: stdout");
        rc = DY_EXIT_USAGE;
    }
    return rc;
}
