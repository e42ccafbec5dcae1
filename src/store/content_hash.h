/* The fingerprint that recognises an article already stored even when it
 * comes back under another id or url. */
#ifndef DY_STORE_CONTENT_HASH_H
#define DY_STORE_CONTENT_HASH_H
#include <stddef.h>

enum { DY_CONTENT_HASH_LEN = 32 }; /* hex digits, 128 bits */

/* Hash of (source, text): the same text carried by two outlets is two
 * articles (two mentions, two sources), the same text from the same outlet
 * under a new url is one. source may be NULL. out gets 33 bytes. */
void dy_content_hash(const char *source, const char *text, size_t len,
                     char out[DY_CONTENT_HASH_LEN + 1]);
#endif
