/* What the sentence looks like before the parse, and what keeps it from
 * being coded at all: TABARI's way of reading tokens (hyphens, underscores,
 * contractions), comma asides, <TIME> phrases, COMPLEX thresholds,
 * discards and the minimum length. */
#include "coder/coder.h"
#include <string.h>

size_t dy_word_count(const dy_token *t, size_t n) {
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (t[i].kind == DY_TOK_WORD || t[i].kind == DY_TOK_NUMBER) w++;
    return w;
}

/* TABARI reads text its own way, and its dictionaries are written for
 * that reading: a hyphen is a blank ("Barad-dur" is BARAD DUR), an
 * underscore joins words the way a blank does, and a contraction stays one
 * word (DIDN'T, CAN'T). Our tokeniser splits "didn't" into "did" + "n't"
 * and keeps hyphenated words whole, so for those dictionaries the tokens
 * are reshaped here. Spans stay exact whenever folding kept the length. */
size_t dy_tabari_tokens(const dy_token *tok, size_t nt, int join_contractions, dy_arena *a,
                            dy_token **out) {
    size_t cap = nt;
    for (size_t i = 0; i < nt; i++)
        if (tok[i].flags & DY_TOKF_HYPHEN)
            for (uint32_t k = 0; k < tok[i].norm_len; k++) cap += tok[i].norm[k] == '-';
    dy_token *r = dy_arena_alloc(a, (cap + 1) * sizeof *r);
    size_t n = 0;
    for (size_t i = 0; i < nt; i++) {
        const dy_token *t = &tok[i];
        if (t->norm_len == 1 && t->norm[0] == '_') continue;
        /* "anti- Gondor": the dangling hyphen stays on its word, as TABARI reads it */
        if (t->norm_len == 1 && t->norm[0] == '-' && n > 0 && r[n - 1].end == t->start &&
            r[n - 1].kind == DY_TOK_WORD && (i + 1 >= nt || tok[i + 1].start > t->end)) {
            dy_token *p = &r[n - 1];
            char *joined = dy_arena_alloc(a, p->norm_len + 2);
            memcpy(joined, p->norm, p->norm_len);
            memcpy(joined + p->norm_len, "-", 2);
            p->norm = joined;
            p->norm_len += 1;
            p->end = t->end;
            continue;
        }
        if (join_contractions && n > 0 && t->norm_len == 3 && !memcmp(t->norm, "n't", 3) && r[n - 1].end == t->start &&
            r[n - 1].kind == DY_TOK_WORD) {
            dy_token *p = &r[n - 1];
            char *joined = dy_arena_alloc(a, p->norm_len + 4);
            memcpy(joined, p->norm, p->norm_len);
            memcpy(joined + p->norm_len, "n't", 4);
            p->norm = joined;
            p->norm_len += 3;
            p->end = t->end;
            continue;
        }
        if (!(t->flags & DY_TOKF_HYPHEN)) {
            r[n++] = *t;
            continue;
        }
        int exact = t->norm_len == t->end - t->start;
        uint32_t b = 0;
        for (uint32_t k = 0; k <= t->norm_len; k++) {
            if (k < t->norm_len && t->norm[k] != '-') continue;
            if (k > b) {
                dy_token p = *t;
                p.norm = dy_arena_strndup(a, t->norm + b, k - b);
                p.norm_len = k - b;
                p.flags = (uint8_t)(t->flags & ~DY_TOKF_HYPHEN);
                if (b > 0) p.flags &= (uint8_t)~DY_TOKF_CAPITAL;
                if (exact) {
                    p.start = t->start + b;
                    p.end = t->start + k;
                }
                r[n++] = p;
            }
            b = k + 1;
        }
    }
    *out = r;
    return n;
}

/* TABARI and PETRARCH-1 drop short comma-delimited asides before coding
 * ("X, in remarks published on Monday, urged Y" codes as "X urged Y"):
 * between two commas when the aside has comma_min..comma_max words, from
 * the start to the first comma (bmin..bmax), from the last comma to the end
 * (emin..emax). An item of a list of actors ("A, the B, C and D") is not an
 * aside. Works in place on the parallel token arrays; returns the new count. */
static size_t words_in(const dy_token *t, size_t a, size_t b) {
    size_t w = 0;
    for (size_t i = a; i < b; i++)
        if (t[i].kind == DY_TOK_WORD || t[i].kind == DY_TOK_NUMBER) w++;
    return w;
}

static int is_comma(const dy_token *t) { return t->kind == DY_TOK_PUNCT && t->norm_len == 1 && t->norm[0] == ','; }

static int list_item(const dyad_dict *d, const dy_dict_tok *dt, size_t a, size_t b, size_t words) {
    if (words > 4) return 0;
    for (size_t i = a; i < b; i++) {
        dy_actor_hit h;
        if (dy_dict_actor_match(d, dt, b, i, &h)) return 1;
    }
    return 0;
}

size_t dy_drop_asides(const dyad_dict *d, const dy_dict_options *o, dy_token *tok, dy_dict_tok *dt,
                          size_t nt, dy_arena *a) {
    if (o->comma_off) return nt;
    size_t *commas = dy_arena_alloc(a, (nt + 1) * sizeof *commas);
    size_t nc = 0;
    for (size_t i = 0; i < nt; i++)
        if (is_comma(&tok[i])) commas[nc++] = i;
    if (!nc) return nt;
    size_t end = nt;
    if (tok[nt - 1].kind == DY_TOK_PUNCT && !is_comma(&tok[nt - 1])) end = nt - 1;
    uint8_t *drop = dy_arena_calloc(a, nt + 1, 1);
    size_t w = words_in(tok, 0, commas[0]);
    if (o->comma_bmax > 0 && w >= (size_t)o->comma_bmin && w <= (size_t)o->comma_bmax &&
        !list_item(d, dt, 0, commas[0], w))
        memset(drop, 1, commas[0] + 1);
    for (size_t k = 0; k + 1 < nc;) {
        size_t c1 = commas[k], c2 = commas[k + 1];
        w = words_in(tok, c1 + 1, c2);
        if (o->comma_max > 0 && w >= (size_t)o->comma_min && w <= (size_t)o->comma_max &&
            !list_item(d, dt, c1 + 1, c2, w)) {
            memset(drop + c1, 1, c2 - c1 + 1);
            k += 2;
        } else {
            k++;
        }
    }
    size_t last = commas[nc - 1];
    w = words_in(tok, last + 1, end);
    if (!drop[last] && o->comma_emax > 0 && w >= (size_t)o->comma_emin && w <= (size_t)o->comma_emax &&
        !list_item(d, dt, last + 1, end, w))
        memset(drop + last, 1, end - last);
    size_t n = 0;
    for (size_t i = 0; i < nt; i++)
        if (!drop[i]) {
            tok[n] = tok[i];
            dt[n] = dt[i];
            /* words that met only because an aside went are not one phrase */
            if (i > 0 && drop[i - 1]) tok[n].flags |= DY_TOKF_AFTER_ASIDE;
            n++;
        }
    return n;
}

/* TABARI's COMPLEX: VERBS[n] CONJ[m]: a sentence with n verbs or m
 * conjunctions (outside actor lists) is left to a human coder. */
int dy_too_complex(const dy_dict_options *o, const dy_sentence_parse *s) {
    size_t verbs = 0, conj = 0;
    for (size_t k = 0; k < s->nu; k++) {
        const dy_unit *x = &s->u[k];
        if (x->kind == DY_U_VERB) verbs++;
        else if (x->kind == DY_U_WORD && (x->fw == DY_FW_CONJ || x->fw == DY_FW_BUT) && x->group < 0) conj++;
    }
    return (o->complex_verbs > 0 && verbs >= (size_t)o->complex_verbs) ||
           (o->complex_conj > 0 && conj >= (size_t)o->complex_conj);
}

/* TABARI <TIME> phrases ("last week [-7]", "once upon a time [###]"):
 * returns 1 to drop the sentence ("###" or "+++"), else 0 with *shift set
 * to the day shift of the first phrase found. */
int dy_time_phrases(const dyad_dict *d, const dy_token *tok, size_t nt, int32_t *shift) {
    *shift = 0;
    size_t ne = dy_dict_time_count(d);
    for (size_t e = 0; e < ne; e++) {
        const dy_time_entry *te = dy_dict_time(d, e);
        if (!te->phrase || !*te->phrase) continue;
        for (size_t i = 0; i < nt; i++) {
            const char *p = te->phrase;
            size_t k = i;
            while (*p && k < nt) {
                size_t wl = strcspn(p, " ");
                if (tok[k].norm_len != wl || memcmp(tok[k].norm, p, wl)) break;
                p += wl;
                while (*p == ' ') p++;
                k++;
            }
            if (*p) continue;
            if (te->code && (!strcmp(te->code, "###") || !strcmp(te->code, "+++"))) return 1;
            if (!*shift) *shift = te->shift;
            break;
        }
    }
    return 0;
}

/* 1 drop the sentence, 2 drop the story, 0 keep. */
int dy_discard_of(const dyad_dict *d, const dy_dict_tok *dt, size_t n) {
    int r = 0;
    for (size_t i = 0; i < n; i++) {
        const dy_discard_entry *e = NULL;
        if (!dt[i].word && !dt[i].next) continue;
        if (dy_dict_discard_match(d, dt, n, i, &e) && e) {
            if (e->story) return 2;
            r = 1;
        }
    }
    return r;
}
