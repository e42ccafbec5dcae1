#include "cli/owned_article.h"
#include "util/xalloc.h"

#include <stdlib.h>
#include <string.h>

static char *copy_into(char **cursor, const char *s, size_t n) {
    if (!s) return NULL;
    char *dst = *cursor;
    memcpy(dst, s, n);
    dst[n] = '\0';
    *cursor += n + 1;
    return dst;
}

static size_t len_of(const char *s) { return s ? strlen(s) : 0; }

void dy_owned_article_copy(dy_owned_article *dst, const dyad_article *a, const char *id) {
    if (!id) id = a->id;
    const char *strs[] = {id, a->date, a->title, a->url, a->source, a->origin};
    size_t total = a->text_len + 1;
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        if (strs[i]) total += strlen(strs[i]) + 1;
    dst->storage = dy_xmalloc(total);
    char *cur = dst->storage;
    dst->a = *a;
    /* text may hold NULs: its length is text_len, not strlen */
    dst->a.text = copy_into(&cur, a->text ? a->text : "", a->text ? a->text_len : 0);
    dst->a.id = copy_into(&cur, id, len_of(id));
    dst->a.date = copy_into(&cur, a->date, len_of(a->date));
    dst->a.title = copy_into(&cur, a->title, len_of(a->title));
    dst->a.url = copy_into(&cur, a->url, len_of(a->url));
    dst->a.source = copy_into(&cur, a->source, len_of(a->source));
    dst->a.origin = copy_into(&cur, a->origin, len_of(a->origin));
}

void dy_owned_article_free(dy_owned_article *o) {
    free(o->storage);
    o->storage = NULL;
}
