/* Eight bytes at a time ("SIMD within a register") for the byte scans
 * that run over every byte of every article: UTF-8 checking, line and
 * sentence splitting. Each helper answers for a whole word of eight bytes;
 * callers finish the stretch where the answer changes byte by byte, so the
 * word tests only have to be exact about "all eight bytes are plain". */
#ifndef DY_SWAR_H
#define DY_SWAR_H
#include <stdint.h>
#include <string.h>

#define DY_SWAR_ONES 0x0101010101010101ULL
#define DY_SWAR_HIGH 0x8080808080808080ULL

/* Eight bytes from p, in any alignment. */
static inline uint64_t dy_swar_load(const char *p) {
    uint64_t x;
    memcpy(&x, p, sizeof x);
    return x;
}

/* Does some byte of x have its high bit set (not ASCII)? */
static inline int dy_swar_any_high(uint64_t x) { return (x & DY_SWAR_HIGH) != 0; }

/* Is some byte of x below n (n <= 128)? Exact as a yes/no answer. */
static inline int dy_swar_any_below(uint64_t x, unsigned n) {
    return ((x - DY_SWAR_ONES * n) & ~x & DY_SWAR_HIGH) != 0;
}

/* Is some byte of x equal to b? */
static inline int dy_swar_any_eq(uint64_t x, unsigned char b) {
    return dy_swar_any_below(x ^ (DY_SWAR_ONES * b), 1);
}

/* How many bytes of x are UTF-8 continuation bytes (10xxxxxx)? */
static inline unsigned dy_swar_continuations(uint64_t x) {
    return (unsigned)__builtin_popcountll(x & ~(x << 1) & DY_SWAR_HIGH);
}

#endif
