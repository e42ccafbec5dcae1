/* Checks and small conversions shared by every article reader. */
#include "io/read.h"
#include "util/date.h"
#include "util/swar.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

void dy_read_line_col(const char *data, size_t offset, long *line, long *column) {
    long ln = 1;
    size_t line_start = 0;
    const char *p = data, *end = data + offset;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) break;
        ln++;
        p = nl + 1;
        line_start = (size_t)(p - data);
    }
    *line = ln;
    *column = (long)(offset - line_start) + 1;
}

/* Line and column of text + at, counted from line_start (input line `line`). */
static void position(const char *line_start, long line, const char *text, size_t at, long *ln,
                     long *col) {
    *ln = line;
    *col = 0;
    if (!line_start) return;
    dy_read_line_col(line_start, (size_t)(text - line_start) + at, ln, col);
    *ln += line - 1;
}

size_t dy_read_check_utf8(const char *name, const char *line_start, long line, const char *text,
                          size_t len, dyad_diag *diag) {
    size_t bad = 0, first_bad = 0;
    for (size_t i = 0; i < len;) {
        if (i + 8 <= len && !dy_swar_any_high(dy_swar_load(text + i))) {
            i += 8; /* eight ASCII bytes */
            continue;
        }
        if ((unsigned char)text[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        size_t n = dy_utf8_decode(text + i, len - i, &cp);
        if (cp < 0) {
            if (!bad) first_bad = i;
            bad++;
        }
        i += n;
    }
    if (!bad) return 0;
    long ln, col;
    position(line_start, line, text, first_bad, &ln, &col);
    dyad_diag_report(diag, DYAD_WARNING, name, ln, col,
                     "invalid UTF-8: %zu bad byte%s, each read as U+FFFD", bad,
                     bad == 1 ? "" : "s");
    return bad;
}

void dy_read_check_nul(const char *name, const char *line_start, long line, const char *text,
                       size_t len, dyad_diag *diag) {
    const char *first = memchr(text, 0, len);
    if (!first) return;
    size_t nuls = 0;
    for (const char *p = first; p; p = memchr(p + 1, 0, len - (size_t)(p + 1 - text))) nuls++;
    long ln, col;
    position(line_start, line, text, (size_t)(first - text), &ln, &col);
    dyad_diag_report(diag, DYAD_WARNING, name, ln, col, "%zu NUL byte%s in the text", nuls,
                     nuls == 1 ? "" : "s");
}

void dy_read_check_text(const char *name, const char *line_start, long line, const char *text,
                        size_t len, dyad_diag *diag) {
    dy_read_check_utf8(name, line_start, line, text, len, diag);
    dy_read_check_nul(name, line_start, line, text, len, diag);
}

static int digits(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i])) return 0;
    return 1;
}

static int num(const char *s, size_t n) {
    int v = 0;
    for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    return v;
}

static int put_date(int y, int m, int d, char out[11]) {
    if (y < 1 || y > 9999) return -1;
    int32_t day = dy_day_from_ymd(y, m, d);
    if (day == DY_DAY_NONE) return -1;
    dy_day_format(day, out);
    return 0;
}

int dy_read_pivot_year(int yy) { return yy <= 30 ? 2000 + yy : 1900 + yy; }

int dy_read_norm_date(const char *s, size_t n, char out[11]) {
    if (n == 8 && digits(s, 8)) return put_date(num(s, 4), num(s + 4, 2), num(s + 6, 2), out);
    if (n == 6 && digits(s, 6))
        return put_date(dy_read_pivot_year(num(s, 2)), num(s + 2, 2), num(s + 4, 2), out);
    /* A full timestamp is common in feeds; its calendar day is what codes. */
    if (n >= 10 && digits(s, 4) && s[4] == '-' && digits(s + 5, 2) && s[7] == '-' &&
        digits(s + 8, 2) && (n == 10 || s[10] == 'T' || s[10] == ' '))
        return put_date(num(s, 4), num(s + 5, 2), num(s + 8, 2), out);
    return -1;
}

void dy_read_base_id(const char *name, char *out, size_t cap) {
    if (!name || !strcmp(name, "-") || !*name) name = "stdin";
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    size_t n = strlen(base);
    const char *dot = strrchr(base, '.');
    if (dot && dot != base) n = (size_t)(dot - base);
    if (n == 0) {
        base = "article";
        n = strlen(base);
    }
    if (n >= cap) n = cap - 1;
    memcpy(out, base, n);
    out[n] = 0;
}

static int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Length of the entity at s[0..n) (s[0] == '&') and its code point, or 0. */
static size_t entity(const char *s, size_t n, int32_t *cp) {
    static const struct { const char *name; int32_t cp; } named[] = {
        {"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''}};
    for (size_t k = 0; k < sizeof named / sizeof named[0]; k++) {
        size_t l = strlen(named[k].name);
        if (n >= l + 1 && !memcmp(s + 1, named[k].name, l)) {
            *cp = named[k].cp;
            return l + 1;
        }
    }
    if (n < 4 || s[1] != '#') return 0;
    size_t i = 2;
    int hex = 0;
    if (s[2] == 'x' || s[2] == 'X') {
        hex = 1;
        i = 3;
    }
    int32_t v = 0;
    size_t start = i;
    while (i < n && i - start < 8) {
        int d = hex ? hexval(s[i]) : (isdigit((unsigned char)s[i]) ? s[i] - '0' : -1);
        if (d < 0) break;
        v = v * (hex ? 16 : 10) + d;
        i++;
    }
    if (i == start || i >= n || s[i] != ';') return 0;
    if (v <= 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return i + 1;
}

char *dy_read_xml_unescape(const char *s, size_t n, size_t *out_len) {
    char *out = dy_xmalloc(n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t l;
        if (s[i] == '&' && (l = entity(s + i, n - i, &cp)) > 0) {
            /* An entity is never shorter than its UTF-8 encoding, so the
             * output cannot outgrow the input. */
            o += dy_utf8_encode(cp, out + o);
            i += l;
        } else {
            out[o++] = s[i++];
        }
    }
    out[o] = 0;
    *out_len = o;
    return out;
}

int dy_read_bool_attr(const char *v) {
    if (!v) return -1;
    while (isspace((unsigned char)*v)) v++;
    size_t n = strlen(v);
    while (n && isspace((unsigned char)v[n - 1])) n--;
    if (n == 4 && !strncasecmp(v, "true", 4)) return 1;
    if (n == 5 && !strncasecmp(v, "false", 5)) return 0;
    return -1;
}
