/*
 * dy_fold: the one matching form shared by token norms and dictionary
 * entries. Most news tokens are plain ASCII, so those are lower-cased byte
 * by byte; only text with other bytes pays for utf8proc (NFC + full case
 * folding), after typographic quotes, dashes and spaces are mapped to their
 * ASCII forms.
 */
#include "text/text.h"
#include "text/textchar.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <string.h>
#include <utf8proc.h>

/* Typographic variants that writers use interchangeably with the ASCII
 * form; dictionaries are written with the ASCII form. 0 means "no change". */
static int32_t ascii_equivalent(int32_t cp) {
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035:
    case 0x00B4: case 0x0060: case 0x02BC: case 0xFF07:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
    case 0x00BB: case 0xFF02: case 0x301D: case 0x301E:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D: case 0x2043:
        return '-';
    case '\t': case '\n': case '\v': case '\f': case '\r':
    case 0x0085: case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
    case 0x2028: case 0x2029:
        return ' ';
    default:
        if (cp >= 0x2000 && cp <= 0x200A) return ' ';
        return 0;
    }
}

static utf8proc_int32_t fold_custom(utf8proc_int32_t cp, void *data) {
    (void)data;
    int32_t m = ascii_equivalent(cp);
    return m ? m : cp;
}

/* Bytes that the ASCII path cannot handle: non-ASCII, and NUL (a norm is a
 * C string, so NUL becomes U+FFFD like an invalid byte). */
static int needs_unicode_path(const unsigned char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 0x80 || s[i] == 0) return 1;
    return 0;
}

static char *fold_ascii(const char *s, size_t n, dy_arena *a, uint32_t *out_len) {
    char *out = dy_arena_alloc(a, n + 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + ('a' - 'A'));
        else if (c == '`') c = '\'';
        else if (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') c = ' ';
        out[i] = (char)c;
    }
    out[n] = 0;
    if (out_len) *out_len = (uint32_t)n;
    return out;
}

/* utf8proc rejects invalid UTF-8 outright, while dyad treats every bad
 * byte (and NUL) as U+FFFD; so such input is first re-encoded cleanly. */
static const char *sanitise(const char *s, size_t n, dy_arena *a, size_t *out_n) {
    size_t i = 0;
    int clean = 1;
    while (i < n) {
        int32_t cp;
        size_t k = dy_utf8_decode(s + i, n - i, &cp);
        if (cp <= 0) {
            clean = 0;
            break;
        }
        i += k;
    }
    if (clean) {
        *out_n = n;
        return s;
    }
    /* Each bad byte grows to at most three bytes. */
    char *out = dy_arena_alloc(a, n * 3 + 1);
    size_t o = 0;
    for (i = 0; i < n;) {
        int32_t cp;
        size_t k = dy_utf8_decode(s + i, n - i, &cp);
        if (cp <= 0) {
            o += dy_utf8_encode(DY_REPLACEMENT_CHAR, out + o);
        } else {
            memcpy(out + o, s + i, k);
            o += k;
        }
        i += k;
    }
    *out_n = o;
    return out;
}

static char *fold_unicode(const char *s, size_t n, dy_arena *a, uint32_t *out_len) {
    size_t clean_n;
    const char *clean = sanitise(s, n, a, &clean_n);
    const utf8proc_option_t opts =
        UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE | UTF8PROC_STABLE;
    /* Case folding rarely grows text by more than a code point per byte;
     * the stack buffer covers ordinary tokens and the arena the rest. */
    utf8proc_int32_t stack_buf[256];
    utf8proc_int32_t *buf = stack_buf;
    utf8proc_ssize_t cap = (utf8proc_ssize_t)(sizeof stack_buf / sizeof stack_buf[0]);
    utf8proc_ssize_t got;
    for (;;) {
        got = utf8proc_decompose_custom((const utf8proc_uint8_t *)clean, (utf8proc_ssize_t)clean_n,
                                        buf, cap, opts, fold_custom, NULL);
        if (got < 0) { /* cannot happen on sanitised input; keep the bytes */
            if (out_len) *out_len = (uint32_t)clean_n;
            return dy_arena_strndup(a, clean, clean_n);
        }
        if (got <= cap) break;
        cap = got;
        buf = dy_arena_alloc(a, (size_t)cap * sizeof *buf);
    }
    got = utf8proc_normalize_utf32(buf, got, opts);
    if (got < 0) got = 0;
    size_t bytes = 0;
    char tmp[4];
    for (utf8proc_ssize_t i = 0; i < got; i++) bytes += dy_utf8_encode(buf[i], tmp);
    char *out = dy_arena_alloc(a, bytes + 1);
    size_t o = 0;
    for (utf8proc_ssize_t i = 0; i < got; i++) o += dy_utf8_encode(buf[i], out + o);
    out[o] = 0;
    if (out_len) *out_len = (uint32_t)o;
    return out;
}

char *dy_fold(const char *s, size_t n, dy_arena *a, uint32_t *out_len) {
    if (!needs_unicode_path((const unsigned char *)s, n)) return fold_ascii(s, n, a, out_len);
    return fold_unicode(s, n, a, out_len);
}
