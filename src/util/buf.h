/* A growable byte buffer, for building output lines and reading files. */
#ifndef DY_BUF_H
#define DY_BUF_H
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

typedef struct {
    char *data;   /* always NUL-terminated when non-NULL */
    size_t len, cap;
} dy_buf;

void dy_buf_init(dy_buf *b);
void dy_buf_free(dy_buf *b);
void dy_buf_clear(dy_buf *b);
void dy_buf_reserve(dy_buf *b, size_t extra);
void dy_buf_add(dy_buf *b, const void *p, size_t n);
void dy_buf_addc(dy_buf *b, char c);
void dy_buf_adds(dy_buf *b, const char *s);
void dy_buf_printf(dy_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void dy_buf_vprintf(dy_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Append s[0..n) as a JSON string literal (with quotes). Invalid UTF-8
 * bytes become U+FFFD so the output is always valid JSON. */
void dy_buf_json_str(dy_buf *b, const char *s, size_t n);
/* Read a whole stream; returns 0 or -1 (errno set). */
int dy_buf_read_stream(dy_buf *b, FILE *f);
#endif
