/* Clause structure that a constituency parse gives PETRARCH-2 for free and
 * the shallow parse has to guess: where a clause starts and ends, which
 * verb forms head no clause of their own (participles, gerunds, reduced
 * relatives), and who the subject or doer of a verb is when it is not the
 * nearest actor. */
#include "coder/p2.h"
#include <string.h>

static int is_plain(const dy_unit *x) {
    return x->kind == DY_U_WORD && x->fw == DY_FW_NONE && !x->possessive;
}

static int is_aux(const dy_unit *x) { return dy_unit_is_aux(x); }

static int ends_with(const dy_token *t, const char *suffix) {
    size_t n = strlen(suffix);
    return t->norm_len > n + 1 && !memcmp(t->norm + t->norm_len - n, suffix, n);
}

int dy_p2_clause_after_comma(const dy_sentence_parse *s, size_t k) {
    if (k >= s->nu || s->u[k].kind != DY_U_COMMA) return 0;
    size_t j = k + 1, words = 0;
    while (j < s->nu && words < 3 && s->u[j].group < 0 &&
           (is_plain(&s->u[j]) || (s->u[j].kind == DY_U_WORD && s->u[j].fw == DY_FW_DET)))
        j++, words++;
    if (j >= s->nu || s->u[j].group < 0) return 0;
    j = s->g[s->u[j].group].u1;
    /* ", US Deputy Secretary of Energy Jeffrey Kupfer said": the name after the title */
    for (words = 0; j < s->nu && words < 3 && is_plain(&s->u[j]); words++) j++;
    while (j < s->nu && is_aux(&s->u[j])) j++;
    return j < s->nu && s->u[j].kind == DY_U_VERB;
}

int dy_p2_object_infinitive(const dy_sentence_parse *s, int g, size_t *lower) {
    if (g < 0) return 0;
    size_t k = s->g[g].u1;
    if (k + 1 >= s->nu || s->u[k].kind != DY_U_WORD || s->u[k].fw != DY_FW_TO) return 0;
    if (s->u[k + 1].kind != DY_U_VERB || !s->u[k + 1].verb) return 0;
    *lower = k + 1;
    return 1;
}

int dy_p2_passive_regions(const dy_sentence_parse *s, size_t v, size_t *upper_end, size_t *lower_from,
                          size_t *lower_end) {
    size_t k = v;
    while (k > 0 && is_aux(&s->u[k - 1])) k--;
    if (k == v || k == 0) return 0;
    size_t b = k;
    while (b > 0 && s->u[b - 1].kind != DY_U_END && s->u[b - 1].kind != DY_U_BREAK &&
           s->u[b - 1].kind != DY_U_COMMA) {
        /* the subject may hold a participle or a gerund of its own ("The
         * civilians imprisoned for acting against X were released") */
        if (s->u[b - 1].kind == DY_U_VERB && !dy_p2_reduced_relative(s, b - 1) &&
            !(b >= 2 && s->u[b - 2].kind == DY_U_WORD &&
              (s->u[b - 2].fw == DY_FW_PREP || s->u[b - 2].fw == DY_FW_OF || s->u[b - 2].fw == DY_FW_BY)))
            break;
        b--;
    }
    if (b == k) return 0;
    *lower_from = s->u[b].t0;
    *lower_end = s->u[k].t0;
    *upper_end = 0;
    for (size_t j = v + 1; j < s->nu && j < v + 8; j++) {
        const dy_unit *x = &s->u[j];
        if (x->kind == DY_U_END || x->kind == DY_U_VERB || x->kind == DY_U_COMMA) break;
        if (x->kind != DY_U_WORD || x->fw != DY_FW_BY) continue;
        /* the noun phrase after "by", actor or not ("by a Ukrainian
         * protestor", "by a sophisticated surface-to-air missile") */
        size_t w = j + 1;
        while (w < s->nu && w < j + 7 &&
               (is_plain(&s->u[w]) || s->u[w].kind == DY_U_ACTOR || s->u[w].kind == DY_U_AGENT ||
                (s->u[w].kind == DY_U_WORD && s->u[w].fw == DY_FW_DET)))
            *upper_end = s->u[w++].t1;
        break;
    }
    return 1;
}

int dy_p2_gerund_subject(const dy_sentence_parse *s, size_t v) {
    const dy_token *t = &s->tok[s->u[v].verb_tok];
    if (t->norm_len < 5 || memcmp(t->norm + t->norm_len - 3, "ing", 3)) return -1;
    if (v < 3 || s->u[v - 1].kind != DY_U_COMMA) return -1;
    int g = s->u[v - 2].group;
    if (g < 0 || s->g[g].u1 != v - 1) return -1;
    size_t k = s->g[g].u0;
    if (k == 0 || s->u[k - 1].kind != DY_U_WORD) return -1;
    const dy_token *p = &s->tok[s->u[k - 1].t0];
    return p->norm_len == 3 && !memcmp(p->norm, "for", 3) ? g : -1;
}

int dy_p2_subordinate_ends(const dy_sentence_parse *s, size_t v, size_t j) {
    if (j >= s->nu || s->u[j].kind != DY_U_COMMA) return 0;
    /* "As the community awaits further details, the visit ...": the
     * clause a subordinator opens at the start of the sentence ends at its
     * first comma */
    size_t k = 0;
    while (k < v && s->u[k].kind == DY_U_WORD && s->u[k].fw != DY_FW_SUB && s->u[k].fw == DY_FW_NONE &&
           (s->tok[s->u[k].t0].flags & DY_TOKF_ALLCAPS))
        k++; /* a dateline */
    if (k < v && s->u[k].kind == DY_U_BREAK) k++;
    if (k >= v || s->u[k].kind != DY_U_WORD || s->u[k].fw != DY_FW_SUB) return 0;
    for (size_t q = k + 1; q < v; q++)
        if (s->u[q].kind == DY_U_COMMA) return 0;
    return 1;
}

int dy_p2_on_the_way(const dy_sentence_parse *s, size_t v, const char *code) {
    if (!code || strncmp(code, "042", 3) || v == 0) return 0;
    const dy_token *t = &s->tok[s->u[v].verb_tok];
    if (t->norm_len < 5 || memcmp(t->norm + t->norm_len - 3, "ing", 3)) return 0;
    const dy_unit *be = &s->u[v - 1];
    if (be->kind != DY_U_WORD || be->fw != DY_FW_BE) return 0;
    const dy_token *b = &s->tok[be->t0];
    /* "is heading to Beijing", not "was heading" */
    return (b->norm_len == 2 && (!memcmp(b->norm, "is", 2) || !memcmp(b->norm, "am", 2))) ||
           (b->norm_len == 3 && !memcmp(b->norm, "are", 3));
}

int dy_p2_participle_modifier(const dy_sentence_parse *s, size_t v, size_t clause0) {
    const dy_token *t = &s->tok[s->u[v].verb_tok];
    if (!ends_with(t, "ed") || v == 0 || s->u[v].t1 != s->u[v].t0 + 1) return 0;
    const dy_unit *prev = &s->u[v - 1];
    if (!is_plain(prev)) return 0;
    /* "aimed at", "frayed by": the participle takes a phrase, not an object */
    const dy_unit *next = v + 1 < s->nu ? &s->u[v + 1] : NULL;
    if (!next || next->kind != DY_U_WORD ||
        (next->fw != DY_FW_PREP && next->fw != DY_FW_BY && next->fw != DY_FW_TO))
        return 0;
    /* "made his remarks at the start of a trip aimed at ...": a finite
     * verb came first in the clause, so this one describes the noun */
    for (size_t k = v - 1; k-- > clause0;) {
        if (s->u[k].kind == DY_U_END || s->u[k].kind == DY_U_BREAK) return 0;
        if (s->u[k].kind == DY_U_VERB) return 1;
        if (s->u[k].kind == DY_U_WORD && (s->u[k].fw == DY_FW_CONJ || s->u[k].fw == DY_FW_BUT ||
                                          s->u[k].fw == DY_FW_REL || s->u[k].fw == DY_FW_THAT))
            return 0;
    }
    return 0;
}

int dy_p2_clause_complement(const dy_sentence_parse *s, size_t v) {
    size_t k = v + 1;
    if (k < s->nu && s->u[k].kind == DY_U_WORD && s->u[k].fw == DY_FW_THAT) k++;
    size_t d = k;
    while (d < s->nu && s->u[d].kind == DY_U_WORD && s->u[d].fw == DY_FW_DET) d++;
    if (d < s->nu && s->u[d].group >= 0) {
        /* "said that the U.S. Air Force exercised" */
        k = s->g[s->u[d].group].u1;
    } else {
        size_t words = 0;
        while (k < s->nu && words < 4 &&
               (is_plain(&s->u[k]) || (s->u[k].kind == DY_U_WORD && s->u[k].fw == DY_FW_DET)))
            k++, words++;
        if (!words) return 0;
    }
    if (k < s->nu && (is_aux(&s->u[k]) || s->u[k].kind == DY_U_VERB)) return 1;
    /* "He said contacts among members of OPEC showed ...": a finite verb
     * further on, with no clause edge before it, is the clause's own */
    for (size_t j = k; j < s->nu; j++) {
        const dy_unit *x = &s->u[j];
        if (x->kind == DY_U_END || x->kind == DY_U_BREAK || x->kind == DY_U_COMMA) return 0;
        if (x->kind == DY_U_WORD && (x->fw == DY_FW_CONJ || x->fw == DY_FW_BUT || x->fw == DY_FW_REL)) return 0;
        if (x->kind == DY_U_VERB) return !(j > 0 && s->u[j - 1].kind == DY_U_WORD && s->u[j - 1].fw == DY_FW_TO);
    }
    return 0;
}

int dy_p2_after_relative(const dy_sentence_parse *s, size_t v) {
    size_t k = v;
    /* "which have resisted taking": over auxiliaries and the verbs of a chain */
    while (k > 0 && (is_aux(&s->u[k - 1]) || s->u[k - 1].kind == DY_U_VERB)) k--;
    return k > 0 && s->u[k - 1].kind == DY_U_WORD && s->u[k - 1].fw == DY_FW_REL;
}

int dy_p2_reduced_relative(const dy_sentence_parse *s, size_t v) {
    const dy_token *t = &s->tok[s->u[v].verb_tok];
    if (!ends_with(t, "ed") || v == 0 || s->u[v - 1].group < 0) return 0;
    const dy_unit *next = v + 1 < s->nu ? &s->u[v + 1] : NULL;
    if (!next || next->kind != DY_U_WORD || (next->fw != DY_FW_PREP && next->fw != DY_FW_BY && next->fw != DY_FW_TO))
        return 0;
    /* "The civilians imprisoned for ... were released": the sentence's
     * own verb comes later, after an auxiliary and no new subject */
    for (size_t k = v + 1; k + 1 < s->nu; k++) {
        const dy_unit *x = &s->u[k];
        if (x->kind == DY_U_END || x->kind == DY_U_COMMA || x->kind == DY_U_BREAK) return 0;
        if (x->kind == DY_U_WORD && (x->fw == DY_FW_CONJ || x->fw == DY_FW_BUT || x->fw == DY_FW_REL ||
                                     x->fw == DY_FW_THAT))
            return 0;
        if (x->kind == DY_U_WORD && (x->fw == DY_FW_BE || x->fw == DY_FW_HAVE)) {
            size_t j = k + 1;
            while (j < s->nu && is_aux(&s->u[j])) j++;
            return j < s->nu && s->u[j].kind == DY_U_VERB;
        }
    }
    return 0;
}

int dy_p2_gerund_in_pp(const dy_sentence_parse *s, size_t v) {
    if (v == 0 || !ends_with(&s->tok[s->u[v].verb_tok], "ing")) return 0;
    const dy_unit *p = &s->u[v - 1];
    if (p->kind == DY_U_WORD && (p->fw == DY_FW_PREP || p->fw == DY_FW_OF || p->fw == DY_FW_BY)) return 1;
    /* native: one plain word between ("an incident of target killing",
     * "accused of deliberately shelling") is still inside the phrase */
    if (s->family != DY_FAM_NATIVE || v < 2 || p->kind != DY_U_WORD || p->fw != DY_FW_NONE || p->possessive ||
        p->group >= 0)
        return 0;
    const dy_unit *q = &s->u[v - 2];
    return q->kind == DY_U_WORD && (q->fw == DY_FW_PREP || q->fw == DY_FW_OF || q->fw == DY_FW_BY);
}

size_t dy_p2_main_clause_start(const dy_sentence_parse *s) {
    /* "Before leaving for Beijing on Thursday, President Bush ...": the
     * main clause starts after the comma that closes the opening one */
    size_t k = 0;
    while (k < s->nu && s->u[k].kind == DY_U_WORD && s->u[k].fw == DY_FW_NONE &&
           (s->tok[s->u[k].t0].flags & DY_TOKF_ALLCAPS))
        k++; /* a dateline */
    if (k < s->nu && s->u[k].kind == DY_U_BREAK) k++;
    if (k >= s->nu || s->u[k].kind != DY_U_WORD || s->u[k].fw != DY_FW_SUB) return 0;
    for (size_t q = k + 1; q < s->nu; q++) {
        if (s->u[q].kind == DY_U_END || s->u[q].kind == DY_U_BREAK) return 0;
        if (s->u[q].kind == DY_U_COMMA) return q + 1;
    }
    return 0;
}

int dy_p2_from_group_after(const dy_sentence_parse *s, size_t v) {
    for (size_t j = v + 1; j < s->nu && j < v + 10; j++) {
        const dy_unit *x = &s->u[j];
        if (x->kind == DY_U_END || x->kind == DY_U_VERB || x->kind == DY_U_COMMA || x->kind == DY_U_BREAK) break;
        if (x->group >= 0 && dy_p2_from_pp(s, &s->g[x->group])) return x->group;
    }
    return -1;
}

int dy_p2_passive_doer(const dy_sentence_parse *s, size_t v) {
    /* "were killed in Israeli tank shelling", "wounded in a Russian air
     * strike": the actor used as an adjective of the deed after "in" */
    for (size_t j = v + 1; j + 1 < s->nu && j < v + 4; j++) {
        const dy_unit *x = &s->u[j];
        if (x->kind != DY_U_WORD) return -1;
        const dy_token *t = &s->tok[x->t0];
        if (!(t->norm_len == 2 && !memcmp(t->norm, "in", 2))) continue;
        size_t k = j + 1;
        if (k < s->nu && s->u[k].kind == DY_U_WORD && s->u[k].fw == DY_FW_DET) k++;
        if (k + 1 >= s->nu || s->u[k].kind != DY_U_ACTOR || s->u[k].group < 0) return -1;
        int g = s->u[k].group;
        size_t after = s->g[g].u1;
        return after < s->nu && is_plain(&s->u[after]) ? g : -1;
    }
    return -1;
}
