/* Plain text: the whole file is one article, byte for byte. */
#include "io/read.h"
#include "util/xalloc.h"
#include <ctype.h>
#include <string.h>

enum { TITLE_MAX = 160 };

/* A first line is a headline when it is short, ends without a sentence
 * mark (closing quotes and brackets aside), and more text follows it. */
static char *headline(const char *data, size_t len) {
    const char *nl = memchr(data, '\n', len);
    if (!nl) return NULL;
    const char *s = data, *e = nl;
    while (s < e && isspace((unsigned char)*s)) s++;
    while (e > s && isspace((unsigned char)e[-1])) e--;
    if (s == e || (size_t)(e - s) > TITLE_MAX) return NULL;
    const char *rest = nl + 1, *end = data + len;
    while (rest < end && isspace((unsigned char)*rest)) rest++;
    if (rest == end) return NULL;
    const char *last = e;
    while (last > s && strchr("\"')]", last[-1])) last--;
    /* Curly closing quotes are three bytes: E2 80 99 / E2 80 9D. */
    while (last - s >= 3 && (unsigned char)last[-3] == 0xE2 && (unsigned char)last[-2] == 0x80 &&
           ((unsigned char)last[-1] == 0x99 || (unsigned char)last[-1] == 0x9D))
        last -= 3;
    if (last > s && strchr(".!?;:", last[-1])) return NULL;
    if (memchr(s, 0, (size_t)(e - s))) return NULL;
    return dy_xstrndup(s, (size_t)(e - s));
}

int dy_read_text(const char *name, const char *data, size_t len, dyad_article_fn fn, void *user,
                 dyad_diag *diag) {
    char id[256];
    dy_read_base_id(name, id, sizeof id);
    char *title = headline(data, len);
    dy_read_check_text(name, data, 1, data, len, diag);
    dyad_article a = {.id = id, .date = NULL, .title = title, .text = data, .text_len = len,
                      .url = NULL, .source = NULL, .origin = name, .origin_line = 1};
    fn(&a, user);
    free(title);
    return 0;
}
