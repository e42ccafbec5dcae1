/* dyad export: stored events as files other tools read. gdelt and mentions
 * are GDELT 2.0's event and mentions tables (tab-separated, no header), with
 * the store's event ids as GLOBALEVENTID so the two files join; jsonl and
 * csv carry the same events with their counts. */
#include "cli/cli.h"
#include "dyad.h"
#include "io/write.h"
#include "store/query_opts.h"
#include "store/render.h"
#include "util/buf.h"
#include <stdio.h>
#include <string.h>

enum { EX_GDELT, EX_MENTIONS, EX_JSONL, EX_CSV };

static void usage(FILE *f) {
    fprintf(f,
            "usage: dyad export [--db PATH|postgresql://...] --format gdelt|mentions|jsonl|csv\n"
            "                   [--out FILE] [FILTERS]\n"
            "  gdelt     GDELT 2.0 event table (61 tab-separated columns), one row per event\n"
            "  mentions  GDELT 2.0 mentions table (16 columns), one row per mention\n"
            "  jsonl     one JSON object per event, with its counts\n"
            "  csv       the same as CSV with a header\n"
            "  --db TARGET        SQLite file (default ./dyad.db) or a postgresql:// URI\n%s",
            dy_query_opts_help);
}

typedef struct {
    FILE *out;
    dy_buf buf;
    int format;
    int write_failed;
} export_ctx;

static void flush_buf(export_ctx *c, int force) {
    if (!force && c->buf.len < (1u << 16)) return;
    if (c->buf.len && fwrite(c->buf.data, 1, c->buf.len, c->out) != c->buf.len) c->write_failed = 1;
    dy_buf_clear(&c->buf);
}

/* "2024-03-05T10:11:12Z" -> "20240305101112" (GDELT's DATEADDED). */
static void gdelt_stamp(const char *iso, char out[15]) {
    size_t k = 0;
    for (const char *p = iso; *p && k < 14; p++)
        if (*p >= '0' && *p <= '9') out[k++] = *p;
    out[k] = 0;
}

static void parse_ymd(const char *date, int *y, int *m, int *d) {
    *y = *m = *d = 0;
    if (strlen(date) == 10 && sscanf(date, "%4d-%2d-%2d", y, m, d) != 3) *y = *m = *d = 0;
}

static int export_event(const dyad_stored_event *e, void *user) {
    export_ctx *c = user;
    if (c->format == EX_JSONL) {
        dy_render_stored_jsonl(e, &c->buf);
    } else if (c->format == EX_CSV) {
        dy_render_stored_csv(e, &c->buf);
    } else {
        dy_gdelt_row r;
        dy_gdelt_row_init(&r);
        r.global_event_id = (uint64_t)e->id;
        parse_ymd(e->date, &r.year, &r.month, &r.day);
        dy_gdelt_actor_set(&r.actor1, e->source, NULL, 0);
        dy_gdelt_actor_set(&r.actor2, e->target, NULL, 0);
        r.is_root_event = e->is_root;
        snprintf(r.event_code, sizeof r.event_code, "%s", e->code);
        if (dy_cameo_base(e->code, r.base_code) != 0) r.base_code[0] = 0;
        snprintf(r.root_code, sizeof r.root_code, "%s", e->root);
        r.quad_class = e->quad;
        if (e->quad) r.goldstein = e->goldstein;
        r.num_mentions = (int)e->num_mentions;
        r.num_sources = (int)e->num_sources;
        r.num_articles = (int)e->num_articles;
        gdelt_stamp(e->first_seen, r.date_added);
        r.source_url = e->source_url;
        dy_gdelt_row_format(&r, &c->buf);
    }
    flush_buf(c, 0);
    return c->write_failed;
}

static int export_mention(const dyad_stored_mention *m, void *user) {
    export_ctx *c = user;
    dy_gdelt_mention g;
    dy_gdelt_mention_init(&g);
    g.global_event_id = (uint64_t)m->event_id;
    gdelt_stamp(m->event_first_seen, g.event_time_date);
    gdelt_stamp(m->ingested_at, g.mention_time_date);
    int has_url = m->url && m->url[0];
    g.mention_type = has_url ? 1 : 2;
    g.source_name = m->article_source;
    g.identifier = has_url ? m->url : m->article_id;
    g.sentence_id = m->sentence + 1;
    g.actor1_offset = m->source_char;
    g.actor2_offset = m->target_char;
    g.action_offset = m->verb_char;
    g.in_raw_text = 1;
    g.confidence = m->confidence;
    g.doc_len = m->doc_chars;
    dy_gdelt_mention_format(&g, &c->buf);
    flush_buf(c, 0);
    return c->write_failed;
}

int cmd_export(int argc, char **argv) {
    const char *out_path = NULL;
    int format = -1;
    dy_query_opts o;
    dy_query_opts_init(&o);
    for (int i = 1; i < argc; i++) {
        int r = dy_query_opts_parse(&o, argc, argv, &i, "export");
        if (r < 0) return DY_EXIT_USAGE;
        if (r > 0) continue;
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return DY_EXIT_OK;
        }
        if (i + 1 < argc && !strcmp(a, "--out")) {
            out_path = argv[++i];
        } else if (i + 1 < argc && !strcmp(a, "--format")) {
            const char *f = argv[++i];
            static const char *const names[] = {"gdelt", "mentions", "jsonl", "csv"};
            for (int k = 0; k < 4; k++)
                if (!strcmp(f, names[k])) format = k;
            if (format < 0) {
                fprintf(stderr, "dyad export: unknown --format '%s' (gdelt, mentions, jsonl, csv)\n", f);
                return DY_EXIT_USAGE;
            }
        } else {
            fprintf(stderr, "dyad export: unknown or incomplete option '%s'\n", a);
            usage(stderr);
            return DY_EXIT_USAGE;
        }
    }
    if (format < 0) {
        fprintf(stderr, "dyad export: --format is required (gdelt, mentions, jsonl, csv)\n");
        return DY_EXIT_USAGE;
    }
    dyad_diag diag;
    dyad_diag_init(&diag, NULL, NULL);
    dyad_store *s = dyad_store_open_readonly(o.db, &diag);
    if (!s) return DY_EXIT_USAGE;
    export_ctx c = {stdout, {0}, format, 0};
    dy_buf_init(&c.buf);
    if (out_path && !(c.out = fopen(out_path, "w"))) {
        perror(out_path);
        dyad_store_close(s);
        return DY_EXIT_USAGE;
    }
    if (format == EX_CSV) dy_render_stored_csv_header(&c.buf);
    long n = format == EX_MENTIONS ? dyad_store_query_mentions(s, &o.q, export_mention, &c, &diag)
                                   : dyad_store_query_events(s, &o.q, export_event, &c, &diag);
    flush_buf(&c, 1);
    dy_buf_free(&c.buf);
    dyad_store_close(s);
    int rc = n < 0 ? DY_EXIT_USAGE : DY_EXIT_OK;
    if (fflush(c.out) != 0 || c.write_failed) {
        fprintf(stderr, "dyad export: cannot write %s\n", out_path ? out_path : "standard output");
        rc = DY_EXIT_USAGE;
    }
    if (out_path && fclose(c.out) != 0) rc = DY_EXIT_USAGE;
    return rc;
}
