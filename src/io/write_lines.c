/* JSONL, TSV and CSV event lines. All three carry the same fields; the
 * delimited formats flatten the spans into start/end columns. */
#include "io/write.h"
#include "io/write_impl.h"

#include <math.h>
#include <string.h>

static void json_key(dy_buf *out, const char *key) {
    dy_buf_addc(out, ',');
    dy_buf_json_str(out, key, strlen(key));
    dy_buf_addc(out, ':');
}

static void json_cstr(dy_buf *out, const char *key, const char *s) {
    json_key(out, key);
    dy_buf_json_str(out, s ? s : "", s ? strlen(s) : 0);
}

static void json_slice(dy_buf *out, const char *key, const dyad_article *a, dyad_span s) {
    const char *p;
    size_t n;
    dy_span_slice(a, s, &p, &n);
    json_key(out, key);
    dy_buf_json_str(out, p, n);
}

/* A span prints as [start,end] when it lies inside the text, else null:
 * the offsets are provenance, and an offset that points nowhere is worse
 * than none. */
static void json_span(dy_buf *out, const char *key, const dyad_article *a, dyad_span s) {
    const char *p;
    size_t n;
    dy_buf_json_str(out, key, strlen(key));
    dy_buf_addc(out, ':');
    if (dy_span_slice(a, s, &p, &n)) dy_buf_printf(out, "[%u,%u]", s.start, s.end);
    else dy_buf_adds(out, "null");
}

static void format_date(char out[16], const dyad_article *a, const dyad_event *e) {
    int y, m, d;
    out[0] = '\0';
    if (dy_event_date(a, e, &y, &m, &d)) snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
}

void dy_render_jsonl(const dyad_article *a, const dyad_event *e, dy_buf *out) {
    const char *id = e->article_id ? e->article_id : a->id;
    char date[16];
    format_date(date, a, e);
    dy_buf_adds(out, "{\"id\":");
    dy_buf_json_str(out, id ? id : "", id ? strlen(id) : 0);
    dy_buf_printf(out, ",\"sentence\":%d", e->sentence);
    json_key(out, "date");
    if (date[0]) dy_buf_json_str(out, date, strlen(date));
    else dy_buf_adds(out, "null");
    json_cstr(out, "source", e->source);
    json_cstr(out, "target", e->target);
    json_cstr(out, "code", e->code);
    json_cstr(out, "root", e->root);
    dy_buf_printf(out, ",\"quad\":%d", e->quad);
    if (isfinite(e->goldstein)) dy_buf_printf(out, ",\"goldstein\":%.1f", e->goldstein);
    else dy_buf_adds(out, ",\"goldstein\":null");
    json_cstr(out, "status", dyad_status_name(e->status));
    json_slice(out, "source_text", a, e->source_span);
    json_slice(out, "target_text", a, e->target_span);
    json_slice(out, "verb_text", a, e->verb_span);
    dy_buf_adds(out, ",\"spans\":{");
    json_span(out, "source", a, e->source_span);
    dy_buf_addc(out, ',');
    json_span(out, "target", a, e->target_span);
    dy_buf_addc(out, ',');
    json_span(out, "verb", a, e->verb_span);
    dy_buf_addc(out, '}');
    if (e->explain) json_cstr(out, "explain", e->explain);
    dy_buf_adds(out, "}\n");
}

/* The column list is part of the output contract (docs/output-formats.md). */
static const char *const columns[] = {
    "id", "sentence", "date", "source", "target", "code", "root", "quad", "goldstein",
    "status", "source_text", "target_text", "verb_text", "source_start", "source_end",
    "target_start", "target_end", "verb_start", "verb_end", "explain",
};

enum { COLUMN_COUNT = sizeof columns / sizeof columns[0] };

void dy_render_delimited_header(int csv, dy_buf *out) {
    for (int i = 0; i < COLUMN_COUNT; i++) {
        if (i) dy_buf_addc(out, csv ? ',' : '\t');
        dy_buf_adds(out, columns[i]);
    }
    dy_buf_addc(out, '\n');
}

typedef struct {
    dy_buf *out;
    int csv;
    int n;
} row;

static void cell(row *r, const char *p, size_t n) {
    if (r->n++) dy_buf_addc(r->out, r->csv ? ',' : '\t');
    if (r->csv) dy_write_field_csv(r->out, p, n);
    else dy_write_field_tsv(r->out, p, n);
}

static void cell_str(row *r, const char *s) { cell(r, s ? s : "", s ? strlen(s) : 0); }

static void cell_long(row *r, long v) {
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%ld", v);
    cell_str(r, tmp);
}

static void cell_slice(row *r, const dyad_article *a, dyad_span s) {
    const char *p;
    size_t n;
    dy_span_slice(a, s, &p, &n);
    cell(r, p, n);
}

static void cell_span(row *r, const dyad_article *a, dyad_span s) {
    const char *p;
    size_t n;
    if (dy_span_slice(a, s, &p, &n)) {
        cell_long(r, s.start);
        cell_long(r, s.end);
    } else {
        cell_str(r, "");
        cell_str(r, "");
    }
}

void dy_render_delimited(int csv, const dyad_article *a, const dyad_event *e, dy_buf *out) {
    row r = {out, csv, 0};
    char date[16];
    format_date(date, a, e);
    cell_str(&r, e->article_id ? e->article_id : a->id);
    cell_long(&r, e->sentence);
    cell_str(&r, date);
    cell_str(&r, e->source);
    cell_str(&r, e->target);
    cell_str(&r, e->code);
    cell_str(&r, e->root);
    cell_long(&r, e->quad);
    char gs[32] = "";
    if (isfinite(e->goldstein)) snprintf(gs, sizeof gs, "%.1f", e->goldstein);
    cell_str(&r, gs);
    cell_str(&r, dyad_status_name(e->status));
    cell_slice(&r, a, e->source_span);
    cell_slice(&r, a, e->target_span);
    cell_slice(&r, a, e->verb_span);
    cell_span(&r, a, e->source_span);
    cell_span(&r, a, e->target_span);
    cell_span(&r, a, e->verb_span);
    cell_str(&r, e->explain);
    dy_buf_addc(out, '\n');
}
