#include "util/buf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include <errno.h>
#include <string.h>

void dy_buf_init(dy_buf *b) { b->data = NULL; b->len = b->cap = 0; }
void dy_buf_free(dy_buf *b) { free(b->data); dy_buf_init(b); }
void dy_buf_clear(dy_buf *b) { b->len = 0; if (b->data) b->data[0] = 0; }

void dy_buf_reserve(dy_buf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) dy_oom();
        cap *= 2;
    }
    b->data = dy_xrealloc(b->data, cap);
    b->cap = cap;
}

void dy_buf_add(dy_buf *b, const void *p, size_t n) {
    dy_buf_reserve(b, n);
    if (n) memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = 0;
}
void dy_buf_addc(dy_buf *b, char c) { dy_buf_add(b, &c, 1); }
void dy_buf_adds(dy_buf *b, const char *s) { dy_buf_add(b, s, strlen(s)); }

void dy_buf_vprintf(dy_buf *b, const char *fmt, va_list ap) {
    /* Formatting straight into the free space usually fits (numbers, short
     * fields): one vsnprintf instead of one to measure and one to write. */
    dy_buf_reserve(b, 64);
    size_t room = b->cap - b->len;
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(b->data + b->len, room, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        b->data[b->len] = 0;
        return;
    }
    if ((size_t)n >= room) {
        dy_buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    }
    b->len += (size_t)n;
}

void dy_buf_printf(dy_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    dy_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void dy_buf_json_str(dy_buf *b, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    dy_buf_reserve(b, n + 2);
    dy_buf_addc(b, '"');
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        /* a run of characters that stand for themselves goes in one copy,
         * not one call a character */
        size_t run = i;
        while (run < n && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7f && s[run] != '"' &&
               s[run] != '\\')
            run++;
        if (run > i) {
            dy_buf_add(b, s + i, run - i);
            i = run;
            continue;
        }
        if (c < 0x80) {
            switch (c) {
            case '"': dy_buf_add(b, "\\\"", 2); break;
            case '\\': dy_buf_add(b, "\\\\", 2); break;
            case '\n': dy_buf_add(b, "\\n", 2); break;
            case '\r': dy_buf_add(b, "\\r", 2); break;
            case '\t': dy_buf_add(b, "\\t", 2); break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                    dy_buf_add(b, e, 6);
                } else {
                    dy_buf_addc(b, (char)c);
                }
            }
            i++;
            continue;
        }
        int32_t cp;
        size_t k = dy_utf8_decode(s + i, n - i, &cp);
        if (cp < 0) {
            dy_buf_add(b, "\xEF\xBF\xBD", 3);
        } else {
            dy_buf_add(b, s + i, k);
        }
        i += k;
    }
    dy_buf_addc(b, '"');
}

int dy_buf_read_stream(dy_buf *b, FILE *f) {
    for (;;) {
        dy_buf_reserve(b, 1 << 16);
        size_t got = fread(b->data + b->len, 1, b->cap - b->len - 1, f);
        b->len += got;
        b->data[b->len] = 0;
        if (got == 0) {
            if (ferror(f)) return -1;
            return 0;
        }
    }
}
