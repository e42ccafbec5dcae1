/* The writer front: format names, dispatch to the per-format renderers,
 * the helpers they share, and the buffered stream writer. */
#include "io/write.h"
#include "io/write_impl.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#include <string.h>

static const char *const format_names[] = {
    [DY_OUT_JSONL] = "jsonl", [DY_OUT_TSV] = "tsv", [DY_OUT_CSV] = "csv",
    [DY_OUT_GDELT] = "gdelt", [DY_OUT_MENTIONS] = "mentions",
};

enum { FORMAT_COUNT = sizeof format_names / sizeof format_names[0] };

int dy_out_format_parse(const char *name) {
    if (!name) return -1;
    for (int i = 0; i < FORMAT_COUNT; i++)
        if (!strcmp(name, format_names[i])) return i;
    return -1;
}

const char *dy_out_format_name(dy_out_format f) {
    return (unsigned)f < FORMAT_COUNT ? format_names[f] : "unknown";
}

/* ---------------------------------------------------------------- shared helpers */

int dy_span_slice(const dyad_article *a, dyad_span s, const char **p, size_t *n) {
    *p = "";
    *n = 0;
    if (!a || !a->text || s.start >= s.end || s.end > a->text_len) return 0;
    *p = a->text + s.start;
    *n = s.end - s.start;
    return 1;
}

static int digits(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

static int num(const char *s, size_t n) {
    int v = 0;
    for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    return v;
}

static int parse_date(const char *s, int *y, int *m, int *d) {
    if (!s) return 0;
    size_t len = strlen(s);
    if (len == 10 && s[4] == '-' && s[7] == '-' && digits(s, 4) && digits(s + 5, 2) &&
        digits(s + 8, 2)) {
        *y = num(s, 4), *m = num(s + 5, 2), *d = num(s + 8, 2);
    } else if (len == 8 && digits(s, 8)) {
        *y = num(s, 4), *m = num(s + 4, 2), *d = num(s + 6, 2);
    } else {
        return 0;
    }
    if (*m < 1 || *m > 12 || *d < 1 || *d > 31) {
        *y = *m = *d = 0;
        return 0;
    }
    return 1;
}

int dy_event_date(const dyad_article *a, const dyad_event *e, int *year, int *month, int *day) {
    *year = *month = *day = 0;
    if (e && parse_date(e->date, year, month, day)) return 1;
    return a && parse_date(a->date, year, month, day);
}

/* Both field writers replace invalid UTF-8 with U+FFFD, as the JSON writer
 * does, so that every format carries the same text. */
static size_t next_char(const char *p, size_t n, size_t i, const char **bytes, size_t *len) {
    unsigned char c = (unsigned char)p[i];
    if (c < 0x80) {
        *bytes = p + i;
        *len = 1;
        return 1;
    }
    int32_t cp;
    size_t k = dy_utf8_decode(p + i, n - i, &cp);
    *bytes = cp < 0 ? "\xEF\xBF\xBD" : p + i;
    *len = cp < 0 ? 3 : k;
    return k;
}

void dy_write_field_tsv(dy_buf *out, const char *p, size_t n) {
    for (size_t i = 0; i < n;) {
        const char *b;
        size_t len;
        size_t k = next_char(p, n, i, &b, &len);
        switch (len == 1 ? *b : 0) {
        case '\t': dy_buf_add(out, "\\t", 2); break;
        case '\n': dy_buf_add(out, "\\n", 2); break;
        case '\r': dy_buf_add(out, "\\r", 2); break;
        case '\\': dy_buf_add(out, "\\\\", 2); break;
        default:
            if (len == 1 && *b == '\0') dy_buf_add(out, "\\0", 2);
            else dy_buf_add(out, b, len);
        }
        i += k;
    }
}

void dy_write_field_csv(dy_buf *out, const char *p, size_t n) {
    int quote = 0;
    for (size_t i = 0; i < n && !quote; i++)
        quote = p[i] == ',' || p[i] == '"' || p[i] == '\n' || p[i] == '\r';
    if (quote) dy_buf_addc(out, '"');
    for (size_t i = 0; i < n;) {
        const char *b;
        size_t len;
        size_t k = next_char(p, n, i, &b, &len);
        if (len == 1 && *b == '"') dy_buf_add(out, "\"\"", 2);
        else if (len == 1 && *b == '\0') dy_buf_addc(out, ' '); /* NUL would end C readers' strings */
        else dy_buf_add(out, b, len);
        i += k;
    }
    if (quote) dy_buf_addc(out, '"');
}

/* ---------------------------------------------------------------- dispatch */

void dy_render_header(dy_out_format f, dy_buf *out) {
    if (f == DY_OUT_TSV || f == DY_OUT_CSV) dy_render_delimited_header(f == DY_OUT_CSV, out);
}

void dy_render_event(dy_out_format f, const dyad_article *a, const dyad_event *e,
                     unsigned event_index, dy_buf *out) {
    switch (f) {
    case DY_OUT_JSONL: dy_render_jsonl(a, e, out); break;
    case DY_OUT_TSV: dy_render_delimited(0, a, e, out); break;
    case DY_OUT_CSV: dy_render_delimited(1, a, e, out); break;
    case DY_OUT_GDELT: {
        dy_gdelt_row row;
        dy_gdelt_row_from_event(&row, a, e, event_index);
        dy_gdelt_row_format(&row, out);
        break;
    }
    case DY_OUT_MENTIONS: {
        dy_gdelt_mention m;
        dy_gdelt_mention_from_event(&m, a, e, event_index);
        dy_gdelt_mention_format(&m, out);
        break;
    }
    }
}

/* ---------------------------------------------------------------- stream writer */

/* Output is collected and written in chunks of this size: one fwrite per
 * 256 KiB instead of one per event. */
enum { FLUSH_AT = 256 * 1024 };

struct dy_writer {
    FILE *f;
    dy_out_format fmt;
    dy_buf buf;
    int failed;
};

dy_writer *dy_writer_new(FILE *f, dy_out_format fmt) {
    dy_writer *w = dy_xcalloc(1, sizeof *w);
    w->f = f;
    w->fmt = fmt;
    dy_buf_init(&w->buf);
    dy_render_header(fmt, &w->buf);
    return w;
}

int dy_writer_flush(dy_writer *w) {
    if (w->buf.len && !w->failed) {
        if (fwrite(w->buf.data, 1, w->buf.len, w->f) != w->buf.len) w->failed = 1;
    }
    dy_buf_clear(&w->buf);
    if (!w->failed && fflush(w->f) != 0) w->failed = 1;
    return w->failed ? -1 : 0;
}

static void maybe_flush(dy_writer *w) {
    if (w->buf.len < FLUSH_AT) return;
    if (!w->failed && fwrite(w->buf.data, 1, w->buf.len, w->f) != w->buf.len) w->failed = 1;
    dy_buf_clear(&w->buf);
}

void dy_writer_event(dy_writer *w, const dyad_article *a, const dyad_event *e,
                     unsigned event_index) {
    dy_render_event(w->fmt, a, e, event_index, &w->buf);
    maybe_flush(w);
}

void dy_writer_raw(dy_writer *w, const char *p, size_t n) {
    dy_buf_add(&w->buf, p, n);
    maybe_flush(w);
}

int dy_writer_close(dy_writer *w) {
    if (!w) return 0;
    int rc = dy_writer_flush(w);
    dy_buf_free(&w->buf);
    free(w);
    return rc;
}
