/* A deep copy of a dyad_article: readers' strings live only during their
 * callback, while a job handed to a worker thread outlives it. */
#ifndef DY_CLI_OWNED_ARTICLE_H
#define DY_CLI_OWNED_ARTICLE_H
#include "dyad.h"

typedef struct {
    dyad_article a;     /* strings point into storage */
    char *storage;      /* one allocation for all of them */
} dy_owned_article;

/* id, when not NULL, replaces a->id in the copy. */
void dy_owned_article_copy(dy_owned_article *dst, const dyad_article *a, const char *id);
void dy_owned_article_free(dy_owned_article *o);

#endif
