/* TABARI record files, read the way TABARI's readRecord reads them: skip
 * lines until one starts with a digit; that header holds the date (6
 * characters, 8 in YYYY mode) and then the ID; the text runs to the first
 * empty line, and a slash-star comment block inside it is not text but the
 * record's expectations. */
#include "io/read.h"
#include "util/xalloc.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---------------------------------------------------------------- unique ids */

/* Open-addressing set of the IDs seen so far with their counts, so that a
 * repeated ID becomes ID#2, ID#3 the way ../shared/gold numbers them. */
typedef struct {
    char **keys;
    long *counts;
    size_t cap, used;
} id_set;

static size_t hash_str(const char *s) {
    size_t h = 1469598103934665603u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static void id_set_free(id_set *s) {
    for (size_t i = 0; i < s->cap; i++) free(s->keys[i]);
    free(s->keys);
    free(s->counts);
}

static size_t id_set_slot(const id_set *s, const char *key) {
    size_t i = hash_str(key) & (s->cap - 1);
    while (s->keys[i] && strcmp(s->keys[i], key)) i = (i + 1) & (s->cap - 1);
    return i;
}

/* Returns how many times key has now been seen (1 the first time). */
static long id_set_count(id_set *s, const char *key) {
    if ((s->used + 1) * 2 > s->cap) {
        id_set old = *s;
        s->cap = old.cap ? old.cap * 2 : 64;
        s->keys = dy_xcalloc(s->cap, sizeof *s->keys);
        s->counts = dy_xcalloc(s->cap, sizeof *s->counts);
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i]) {
                size_t j = id_set_slot(s, old.keys[i]);
                s->keys[j] = old.keys[i];
                s->counts[j] = old.counts[i];
            }
        free(old.keys);
        free(old.counts);
    }
    size_t i = id_set_slot(s, key);
    if (!s->keys[i]) {
        s->keys[i] = dy_xstrdup(key);
        s->used++;
    }
    return ++s->counts[i];
}

/* ---------------------------------------------------------------- block entries */

static void trim(const char **s, size_t *n) {
    while (*n && isspace((unsigned char)**s)) (*s)++, (*n)--;
    while (*n && isspace((unsigned char)(*s)[*n - 1])) (*n)--;
}

static int body_is(const char *s, size_t n, const char *what) {
    return n == strlen(what) && !memcmp(s, what, n);
}

/* *line is the line (from 0) that *pos is on, kept up to date, so that
 * walking a whole block stays linear in its length. */
static int next_entry(const char *block, size_t len, size_t *pos, long *line_io,
                      dy_tabari_entry *e) {
    size_t i = *pos;
    int in_note = 0; /* inside [ ... ]: TABARI's free-text remarks */
    long line = *line_io;
    for (; i < len; i++) {
        char c = block[i];
        /* A remark's closing bracket is often missing; it never runs past
         * its line in practice, so neither does in_note. */
        if (c == '\n') {
            line++;
            in_note = 0;
        } else if (c == '[') {
            in_note = 1;
        } else if (c == ']') {
            in_note = 0;
        } else if (c == '{' && !in_note) {
            break;
        }
    }
    if (i >= len) {
        *pos = len;
        *line_io = line;
        return 0;
    }
    memset(e, 0, sizeof *e);
    e->unchecked = i > 0 && block[i - 1] == '-';
    e->line_offset = line;
    size_t b = i + 1, j = b;
    /* The closing brace is sometimes missing (OPTION lines): the entry then
     * ends with its line or with the end of the block. */
    while (j < len && block[j] != '}' && block[j] != '\n' &&
           !(block[j] == '*' && j + 1 < len && block[j + 1] == '/'))
        j++;
    *pos = j < len && block[j] == '}' ? j + 1 : j;
    *line_io = line;
    const char *s = block + b;
    size_t n = j - b;
    trim(&s, &n);
    e->body = s;
    e->body_len = n;
    if (body_is(s, n, "---")) e->kind = DY_TAB_NOEVENT;
    else if (body_is(s, n, "###")) e->kind = DY_TAB_DISCARD;
    else if (body_is(s, n, "+++")) e->kind = DY_TAB_COMPLEX;
    else if (n >= 7 && !strncasecmp(s, "OPTION:", 7)) {
        e->kind = DY_TAB_OPTION;
        e->option = s + 7;
        e->option_len = n - 7;
        trim(&e->option, &e->option_len);
    } else {
        const char *s1 = memchr(s, '/', n);
        const char *s2 = s1 ? memchr(s1 + 1, '/', (size_t)(s + n - s1 - 1)) : NULL;
        if (!s2) {
            e->kind = DY_TAB_OTHER;
            return 1;
        }
        e->kind = DY_TAB_EVENT;
        e->src = s;
        e->src_len = (size_t)(s1 - s);
        e->tgt = s1 + 1;
        e->tgt_len = (size_t)(s2 - s1 - 1);
        e->code = s2 + 1;
        e->code_len = (size_t)(s + n - s2 - 1);
        trim(&e->src, &e->src_len);
        trim(&e->tgt, &e->tgt_len);
        trim(&e->code, &e->code_len);
    }
    return 1;
}

int dy_tabari_block_next(const char *block, size_t len, size_t *pos, dy_tabari_entry *e) {
    long line = 0;
    for (const char *p = block, *end = block + (*pos < len ? *pos : len);
         (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        line++;
    return next_entry(block, len, pos, &line, e);
}

/* "SET: YYYY = TRUE" / "FALSE" in an OPTION entry; -1 when it is some other command. */
static int yyyy_option(const char *s, size_t n) {
    char norm[64];
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < sizeof norm; i++)
        if (!isspace((unsigned char)s[i])) norm[o++] = (char)toupper((unsigned char)s[i]);
    norm[o] = 0;
    if (!strcmp(norm, "SET:YYYY=TRUE")) return 1;
    if (!strcmp(norm, "SET:YYYY=FALSE")) return 0;
    return -1;
}

/* ---------------------------------------------------------------- records */

typedef struct {
    const char *p;        /* line start */
    const char *eol;      /* end of line content ('\r' removed) */
    const char *next;     /* start of the next line */
} line_view;

static line_view line_at(const char *p, const char *end) {
    line_view l;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    l.p = p;
    l.next = nl ? nl + 1 : end;
    l.eol = nl ? nl : end;
    if (l.eol > p && l.eol[-1] == '\r') l.eol--;
    return l;
}

static int blank(const char *p, const char *e) {
    for (; p < e; p++)
        if (!isspace((unsigned char)*p)) return 0;
    return 1;
}

static const char *find2(const char *p, const char *e, char a, char b) {
    for (; p + 1 < e; p++)
        if (p[0] == a && p[1] == b) return p;
    return NULL;
}

int dy_tabari_read(const char *name, const char *data, size_t len, dy_tabari_fn fn, void *user,
                   dyad_diag *diag) {
    const char *p = data, *end = data + len;
    long line = 1, ordinal = 0;
    int yyyy = 0;
    id_set ids = {0};
    while (p < end) {
        line_view h = line_at(p, end);
        long header_line = line;
        p = h.next;
        line++;
        if (!isdigit((unsigned char)*h.p) || h.p == h.eol) continue;
        ordinal++;
        size_t hlen = (size_t)(h.eol - h.p), nd = 0;
        while (nd < hlen && isdigit((unsigned char)h.p[nd])) nd++;
        size_t w = yyyy ? 8 : 6;
        /* An 8-digit date without YYYY mode is still a 4-digit year: no
         * two-digit reading of it gives a valid day in practice. */
        if (!yyyy && nd == 8 && (hlen == 8 || isspace((unsigned char)h.p[8]))) w = 8;
        if (w > hlen) w = hlen;
        char raw_date[16];
        size_t dl = w < sizeof raw_date ? w : sizeof raw_date - 1;
        memcpy(raw_date, h.p, dl);
        raw_date[dl] = 0;
        const char *idp = h.p + w;
        size_t idn = hlen - w;
        trim(&idp, &idn);
        char *raw_id = idn ? dy_xstrndup(idp, idn) : NULL;
        if (!raw_id) {
            char tmp[32];
            snprintf(tmp, sizeof tmp, "%ld", ordinal);
            raw_id = dy_xstrdup(tmp);
            dyad_diag_report(diag, DYAD_WARNING, name, header_line, 0,
                             "record header has no ID; using the record number %ld", ordinal);
        }

        /* Text lines up to the first empty line; the comment block starts at
         * the first slash-star and runs to its star-slash. */
        const char *text_b = p, *text_e = NULL, *blk_b = NULL, *blk_e = NULL;
        long text_line = line, blk_line = 0;
        while (p < end) {
            line_view l = line_at(p, end);
            if (blank(l.p, l.eol)) break;
            if (!text_e) {
                const char *c = find2(l.p, l.eol, '/', '*');
                if (c) {
                    text_e = c;
                    blk_b = c;
                    blk_line = line;
                }
            }
            if (blk_b && !blk_e) {
                const char *from = l.p > blk_b ? l.p : blk_b + 2;
                const char *c = find2(from, l.eol, '*', '/');
                if (c) blk_e = c + 2;
            }
            p = l.next;
            line++;
        }
        const char *rec_e = p;
        if (!text_e) text_e = rec_e;
        if (blk_b && !blk_e) {
            dyad_diag_report(diag, DYAD_WARNING, name, blk_line, 0,
                             "comment block of record %s is not closed", raw_id);
            blk_e = rec_e;
            while (blk_e > blk_b && isspace((unsigned char)blk_e[-1])) blk_e--;
        }
        while (text_b < text_e && isspace((unsigned char)*text_b)) {
            if (*text_b == '\n') text_line++;
            text_b++;
        }
        while (text_e > text_b && isspace((unsigned char)text_e[-1])) text_e--;

        char date[11];
        const char *date_out = NULL;
        int date_ok = (dl == 6 || dl == 8) && dy_read_norm_date(raw_date, dl, date) == 0;
        if (date_ok) date_out = date;
        else
            dyad_diag_report(diag, DYAD_WARNING, name, header_line, 1,
                             "record %s: bad date field \"%s\"; date dropped", raw_id, raw_date);

        int stop = 0;
        if (text_b == text_e) {
            dyad_diag_report(diag, DYAD_WARNING, name, header_line, 0,
                             "record %s has no text; skipped", raw_id);
        } else {
            long seen = id_set_count(&ids, raw_id);
            char *id = raw_id;
            if (seen > 1) {
                size_t n = strlen(raw_id) + 24;
                id = dy_xmalloc(n);
                snprintf(id, n, "%s#%ld", raw_id, seen);
            }
            size_t tlen = (size_t)(text_e - text_b);
            char *text = dy_xstrndup(text_b, tlen);
            const char *text_line_start = text_b;
            while (text_line_start > data && text_line_start[-1] != '\n') text_line_start--;
            dy_read_check_text(name, text_line_start, text_line, text_b, tlen, diag);
            dyad_article a = {.id = id, .date = date_out, .title = NULL, .text = text,
                              .text_len = tlen, .url = NULL, .source = NULL, .origin = name,
                              .origin_line = text_line};
            dy_tabari_record r = {.article = &a, .raw_id = raw_id, .raw_date = raw_date,
                                  .ordinal = ordinal, .block = blk_b,
                                  .block_len = blk_b ? (size_t)(blk_e - blk_b) : 0,
                                  .block_line = blk_line};
            stop = fn(&r, user) != 0;
            free(text);
            if (id != raw_id) free(id);
        }
        /* Option commands take effect for the records that follow. */
        if (blk_b) {
            size_t pos = 0;
            long bline = 0;
            dy_tabari_entry e;
            while (next_entry(blk_b, (size_t)(blk_e - blk_b), &pos, &bline, &e))
                if (e.kind == DY_TAB_OPTION) {
                    int y = yyyy_option(e.option, e.option_len);
                    if (y >= 0) yyyy = y;
                }
        }
        free(raw_id);
        if (stop) break;
    }
    id_set_free(&ids);
    return 0;
}

typedef struct {
    dyad_article_fn fn;
    void *user;
} article_adapter;

static int to_article(const dy_tabari_record *r, void *user) {
    const article_adapter *ad = user;
    return ad->fn(r->article, ad->user);
}

int dy_read_tabari(const char *name, const char *data, size_t len, dyad_article_fn fn, void *user,
                   dyad_diag *diag) {
    article_adapter ad = {fn, user};
    return dy_tabari_read(name, data, len, to_article, &ad, diag);
}
