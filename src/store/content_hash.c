/* Two independent 64-bit hashes side by side (FNV-1a and a multiply-rotate
 * mix): 128 bits make an accidental collision between two different
 * articles negligible even over hundreds of millions of them, and a wrong
 * "already stored" would silently drop an article. Not cryptographic: it
 * guards against repeats, not against an adversary. */
#include "store/content_hash.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    uint64_t fnv, mix;
} hash_state;

static uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

static void hash_bytes(hash_state *h, const unsigned char *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        h->fnv = (h->fnv ^ p[i]) * 0x100000001b3ULL;
        h->mix = rotl64((h->mix ^ p[i]) * 0x9E3779B97F4A7C15ULL, 29);
    }
}

static uint64_t finish(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

void dy_content_hash(const char *source, const char *text, size_t len,
                     char out[DY_CONTENT_HASH_LEN + 1]) {
    hash_state h = {0xcbf29ce484222325ULL, 0x243F6A8885A308D3ULL};
    if (source) hash_bytes(&h, (const unsigned char *)source, strlen(source));
    /* A separator that cannot occur in a NUL-terminated source keeps
     * ("ab","c") and ("a","bc") apart. */
    const unsigned char sep = 0;
    hash_bytes(&h, &sep, 1);
    hash_bytes(&h, (const unsigned char *)text, len);
    unsigned char n[8]; /* the length, little-endian whatever the machine */
    for (int i = 0; i < 8; i++) n[i] = (unsigned char)((uint64_t)len >> (8 * i));
    hash_bytes(&h, n, sizeof n);
    snprintf(out, DY_CONTENT_HASH_LEN + 1, "%016llx%016llx", (unsigned long long)finish(h.fnv),
             (unsigned long long)finish(h.mix));
}
