/* Pattern text -> dy_pattern elements (see pattern.c). */
#ifndef DY_DICT_PATTERN_H
#define DY_DICT_PATTERN_H
#include "dict/dict_impl.h"

typedef enum {
    DY_PAT_TABARI = 0,   /* words are stems unless '_'-marked; { | } alternatives */
    DY_PAT_PETRARCH1,    /* whole words; patterns with { | } are skipped */
    DY_PAT_NATIVE        /* whole words, 'word~' a stem, '_' at a token end joins */
} dy_pat_flavor;

/* Word-sequence pattern text (between the leading '-' and the code). member:
 * a synset member (no '*' required, no pattern to mark dead). Returns 0, -1 on
 * error (*err says why), -2 when the family skips such patterns (not an error). */
int dy_parse_wordseq(dy_load_ctx *c, dy_pat_flavor fl, const char *s, size_t n, dy_pattern *out,
                     const char **err, int member);
/* PETRARCH-2 phrase pattern text. 0 or -1. */
int dy_parse_phrase(dy_load_ctx *c, const char *s, size_t n, dy_pattern *out, const char **err);

#endif
