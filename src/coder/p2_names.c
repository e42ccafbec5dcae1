/* Names an article ties to an actor. News introduces a person once with
 * their country ("North Korea's Kim Jong Un", "North Korean leader Kim Jong
 * Un") and later uses the name alone ("hosting Kim Jong Un"). A name the
 * dictionaries lack is learnt from such an introduction: capitalised words
 * right after an actor group ending in a possessive or an agent. It holds
 * for the rest of the article (the memory lives in the article's arena). */
#include "coder/p2.h"
#include <string.h>

enum { NAME_MAX_WORDS = 4, NAMES_MAX = 32 };

typedef struct {
    const char *norm[NAME_MAX_WORDS];
    uint32_t len[NAME_MAX_WORDS];
    uint32_t nwords;
    dy_actor_code code;
} learnt_name;

struct dy_p2_names {
    learnt_name name[NAMES_MAX];
    uint32_t n;
};

static int name_word(const dy_sentence_parse *s, const dy_unit *x) {
    if (x->kind != DY_U_WORD || x->fw != DY_FW_NONE || x->possessive || x->t1 != x->t0 + 1) return 0;
    const dy_token *t = &s->tok[x->t0];
    return t->kind == DY_TOK_WORD && (t->flags & DY_TOKF_CAPITAL) && !(t->flags & DY_TOKF_ALLCAPS);
}

static int known(const dy_p2_names *names, const dy_sentence_parse *s, uint32_t t0, uint32_t n) {
    for (uint32_t i = 0; i < names->n; i++) {
        const learnt_name *ln = &names->name[i];
        if (ln->nwords != n) continue;
        uint32_t w = 0;
        while (w < n && ln->len[w] == s->tok[t0 + w].norm_len &&
               !memcmp(ln->norm[w], s->tok[t0 + w].norm, ln->len[w]))
            w++;
        if (w == n) return 1;
    }
    return 0;
}

void dy_p2_learn_names(dy_p2_names **names, const dy_sentence_parse *s, dy_arena *a) {
    for (size_t k = 0; k < s->ng; k++) {
        const dy_group *g = &s->g[k];
        if (g->nm != 1 || g->pronoun || !g->m[0].actor || !g->m[0].code) continue;
        size_t j = g->u1;
        /* "North Korea's Kim Jong Un": the possessive is a word of its own */
        if (j < s->nu && s->u[j].possessive && !g->m[0].agent) j++;
        else if (!g->m[0].agent) continue;
        size_t first = j;
        while (j < s->nu && j < first + NAME_MAX_WORDS && name_word(s, &s->u[j])) j++;
        /* a lone capitalised word may be anything; a name has two parts or more */
        if (j - first < 2 || (j < s->nu && name_word(s, &s->u[j]))) continue;
        uint32_t t0 = s->u[first].t0, nw = (uint32_t)(j - first);
        if (!*names) *names = dy_arena_calloc(a, 1, sizeof **names);
        dy_p2_names *nm = *names;
        if (nm->n == NAMES_MAX || known(nm, s, t0, nw)) continue;
        learnt_name *ln = &nm->name[nm->n++];
        ln->nwords = nw;
        for (uint32_t w = 0; w < nw; w++) {
            ln->norm[w] = dy_arena_strndup(a, s->tok[t0 + w].norm, s->tok[t0 + w].norm_len);
            ln->len[w] = s->tok[t0 + w].norm_len;
        }
        /* the person is of the actor; an agent met with the name ("leader") says what they are */
        ln->code = *g->m[0].actor;
        ln->code.code = dy_arena_strndup(a, g->m[0].code, strlen(g->m[0].code));
        ln->code.dated = 0;
        ln->code.from = DY_DAY_MIN;
        ln->code.to = DY_DAY_MAX;
    }
}

size_t dy_p2_name_match(const dy_p2_names *names, const dy_token *tok, size_t n, size_t i,
                        const dy_actor_code **code) {
    if (!names || !(tok[i].flags & DY_TOKF_CAPITAL)) return 0;
    for (uint32_t k = 0; k < names->n; k++) {
        const learnt_name *ln = &names->name[k];
        if (i + ln->nwords > n) continue;
        uint32_t w = 0;
        while (w < ln->nwords && ln->len[w] == tok[i + w].norm_len && !memcmp(ln->norm[w], tok[i + w].norm, ln->len[w]))
            w++;
        if (w == ln->nwords) {
            *code = &ln->code;
            return w;
        }
    }
    return 0;
}
