/* The public entry points of the article readers: format names, reading a
 * whole file or stdin, picking a reader for "auto", and the checks that
 * apply to any input before a reader sees it (empty, binary). */
#include "io/read.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

int dyad_in_format_parse(const char *name) {
    static const struct { const char *name; dyad_in_format fmt; } names[] = {
        {"auto", DYAD_IN_AUTO},     {"text", DYAD_IN_TEXT},     {"jsonl", DYAD_IN_JSONL},
        {"html", DYAD_IN_HTML},     {"tabari", DYAD_IN_TABARI}, {"petrarch", DYAD_IN_PETRARCH}};
    if (!name) return -1;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (!strcmp(name, names[i].name)) return (int)names[i].fmt;
    return -1;
}

static int is_stdin(const char *path) { return !path || !strcmp(path, "-"); }

/* Read f to its end into a malloc'd buffer with a NUL after the data.
 * size_hint (the file size, when known) sizes the buffer so that a
 * regular file is read in one allocation. */
static int read_all(FILE *f, size_t size_hint, char **data, size_t *len) {
    /* Two bytes over the size: one for the NUL, one so that the read which
     * finds the end of the file does not look like a full buffer. */
    size_t cap = size_hint ? size_hint + 2 : 1 << 16, n = 0;
    char *buf = dy_xmalloc(cap);
    for (;;) {
        if (cap - n < 2) {
            if (cap > ((size_t)-1) / 2) dy_oom();
            cap *= 2;
            buf = dy_xrealloc(buf, cap);
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) break;
    }
    buf[n] = 0;
    if (ferror(f)) {
        free(buf);
        return -1;
    }
    *data = buf;
    *len = n;
    return 0;
}

int dy_read_slurp(const char *path, char **data, size_t *len, dyad_diag *diag) {
    const char *name = is_stdin(path) ? "-" : path;
    FILE *f = stdin;
    size_t size_hint = 0;
    if (!is_stdin(path)) {
        struct stat st;
        if (stat(path, &st) != 0) {
            dyad_diag_report(diag, DYAD_ERROR, name, 0, 0, "cannot open: %s", strerror(errno));
            return -1;
        }
        if (S_ISDIR(st.st_mode)) {
            dyad_diag_report(diag, DYAD_ERROR, name, 0, 0, "cannot read: is a directory");
            return -1;
        }
        f = fopen(path, "rb");
        if (!f) {
            dyad_diag_report(diag, DYAD_ERROR, name, 0, 0, "cannot open: %s", strerror(errno));
            return -1;
        }
        if (S_ISREG(st.st_mode) && st.st_size > 0) size_hint = (size_t)st.st_size;
    }
    errno = 0;
    int rc = read_all(f, size_hint, data, len);
    int err = errno;
    if (f != stdin) fclose(f);
    if (rc != 0) {
        dyad_diag_report(diag, DYAD_ERROR, name, 0, 0, "cannot read: %s",
                         strerror(err ? err : EIO));
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------- detection */

static const char *extension(const char *name) {
    if (!name) return NULL;
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? dot + 1 : NULL;
}

static int starts_ci(const char *p, const char *end, const char *prefix) {
    size_t n = strlen(prefix);
    return (size_t)(end - p) >= n && !strncasecmp(p, prefix, n);
}

/* TABARI files may open with '#' banner lines; the first other non-blank
 * line must be a record header: 6-9 digits, blanks, an ID. */
static int looks_tabari(const char *p, const char *end) {
    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol) eol = end;
        const char *q = p;
        while (q < eol && isspace((unsigned char)*q)) q++;
        if (q < eol && *q != '#') {
            const char *d = p;
            while (d < eol && isdigit((unsigned char)*d)) d++;
            size_t nd = (size_t)(d - p);
            if (nd < 6 || nd > 9 || d == eol || (*d != ' ' && *d != '\t')) return 0;
            while (d < eol && (*d == ' ' || *d == '\t')) d++;
            return d < eol && !isspace((unsigned char)*d);
        }
        p = eol + 1;
    }
    return 0;
}

static const char *skip_bom_space(const char *p, const char *end) {
    if (end - p >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) p += 3;
    while (p < end && isspace((unsigned char)*p)) p++;
    return p;
}

static int has_ci(const char *p, const char *end, const char *needle) {
    size_t n = strlen(needle);
    for (; p + n <= end; p++)
        if (!strncasecmp(p, needle, n)) return 1;
    return 0;
}

dyad_in_format dy_read_detect(const char *name, const char *data, size_t len) {
    const char *ext = extension(name);
    const char *end = data + len;
    if (ext) {
        if (!strcasecmp(ext, "jsonl") || !strcasecmp(ext, "ndjson")) return DYAD_IN_JSONL;
        if (!strcasecmp(ext, "html") || !strcasecmp(ext, "htm") || !strcasecmp(ext, "xhtml"))
            return DYAD_IN_HTML;
        if (!strcasecmp(ext, "xml")) return DYAD_IN_PETRARCH;
        /* TABARI's own files end in .text too (Validate.text). */
        if (!strcasecmp(ext, "txt") || !strcasecmp(ext, "text"))
            return looks_tabari(data, end) ? DYAD_IN_TABARI : DYAD_IN_TEXT;
    }
    const char *p = skip_bom_space(data, end);
    if (p < end && *p == '{') return DYAD_IN_JSONL;
    if (p < end && *p == '<') {
        const char *window = end - p > 4096 ? p + 4096 : end;
        if (has_ci(p, window, "<Validation") || has_ci(p, window, "<Sentences"))
            return DYAD_IN_PETRARCH;
        if (starts_ci(p, end, "<?xml") && !has_ci(p, window, "<html")) return DYAD_IN_PETRARCH;
        return DYAD_IN_HTML;
    }
    if (looks_tabari(data, end)) return DYAD_IN_TABARI;
    return DYAD_IN_TEXT;
}

/* ---------------------------------------------------------------- whole-input checks */

/* Nothing but whitespace, after a byte-order mark if there is one. */
static int is_blank(const char *p, size_t n) {
    size_t i = n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3) ? 3 : 0;
    for (; i < n; i++)
        if (!isspace((unsigned char)p[i])) return 0;
    return 1;
}

/* Control bytes that plain text never holds (tab, newlines, form feed and
 * escape do occur in real files). Many of them means binary; so does a
 * smaller share together with mostly undecodable bytes (compressed or
 * random data). Text in a legacy 8-bit encoding has invalid UTF-8 but
 * no control bytes, so it is still read, with a warning. */
static int looks_binary(const char *p, size_t n) {
    size_t sample = n < 8192 ? n : 8192, ctrl = 0, bad = 0;
    for (size_t i = 0; i < sample;) {
        unsigned char c = (unsigned char)p[i];
        if (c < 0x80) {
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' &&
                 c != 0x1b) ||
                c == 0x7f)
                ctrl++;
            i++;
            continue;
        }
        int32_t cp;
        size_t k = dy_utf8_decode(p + i, sample - i, &cp);
        if (cp < 0) bad++;
        i += k;
    }
    if (ctrl * 10 > sample) return 1;
    return ctrl * 100 >= sample && (ctrl + bad) * 10 > sample * 3;
}

/* data[len] must be NUL. */
static int read_buffer(const char *name, const char *data, size_t len, dyad_in_format fmt,
                       dyad_article_fn fn, void *user, dyad_diag *diag) {
    if (!name) name = "-";
    if (is_blank(data, len)) {
        dyad_diag_report(diag, DYAD_WARNING, name, 0, 0, "empty input");
        return 0;
    }
    if (looks_binary(data, len)) {
        dyad_diag_report(diag, DYAD_ERROR, name, 0, 0, "binary file, not text");
        return 0;
    }
    if (fmt == DYAD_IN_AUTO) fmt = dy_read_detect(name, data, len);
    /* Only plain text keeps a byte-order mark: its offsets are file offsets. */
    if (fmt != DYAD_IN_TEXT && len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3)) {
        data += 3;
        len -= 3;
    }
    switch (fmt) {
    case DYAD_IN_TEXT: return dy_read_text(name, data, len, fn, user, diag);
    case DYAD_IN_JSONL: return dy_read_jsonl(name, data, len, fn, user, diag);
    case DYAD_IN_HTML: return dy_read_html(name, data, len, fn, user, diag);
    case DYAD_IN_TABARI: return dy_read_tabari(name, data, len, fn, user, diag);
    case DYAD_IN_PETRARCH: return dy_read_petrarch(name, data, len, fn, user, diag);
    case DYAD_IN_AUTO: break;
    }
    dyad_diag_report(diag, DYAD_ERROR, name, 0, 0, "unknown input format %d", (int)fmt);
    return -1;
}

int dyad_read_file(const char *path, dyad_in_format fmt, dyad_article_fn fn, void *user,
                   dyad_diag *diag) {
    char *data;
    size_t len;
    if (dy_read_slurp(path, &data, &len, diag) != 0) return -1;
    int rc = read_buffer(is_stdin(path) ? "-" : path, data, len, fmt, fn, user, diag);
    free(data);
    return rc;
}

int dyad_read_memory(const char *name, const char *data, size_t len, dyad_in_format fmt,
                     dyad_article_fn fn, void *user, dyad_diag *diag) {
    /* Readers hand out NUL-terminated strings that point into the input, so
     * they need a terminator the caller's buffer may not have. */
    char *copy = dy_xmalloc(len + 1);
    if (len) memcpy(copy, data, len);
    copy[len] = 0;
    int rc = read_buffer(name, copy, len, fmt, fn, user, diag);
    free(copy);
    return rc;
}
