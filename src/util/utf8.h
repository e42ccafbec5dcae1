/* Minimal UTF-8 decoding used everywhere bytes meet characters. */
#ifndef DY_UTF8_H
#define DY_UTF8_H
#include <stddef.h>
#include <stdint.h>
/* Decode one code point from s[0..n) (n >= 1). Returns the number of bytes
 * consumed (>= 1). On an invalid, overlong, surrogate or truncated sequence
 * *cp is -1 and exactly one byte is consumed, so each bad byte maps to one
 * U+FFFD. */
size_t dy_utf8_decode(const char *s, size_t n, int32_t *cp);
/* Encode cp into out (4 bytes room); returns bytes written. */
size_t dy_utf8_encode(int32_t cp, char *out);
#endif
