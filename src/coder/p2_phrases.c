/* Noun-phrase and clause readings that a constituency parse gives
 * PETRARCH-2 for free and the shallow parse has to guess: where a trailing
 * attribution starts its own clause, and when a verb form is a noun. */
#include "coder/p2.h"
#include <string.h>

static int is_plain(const dy_unit *x) {
    return x->kind == DY_U_WORD && x->fw == DY_FW_NONE && !x->possessive;
}

static int is_aux(const dy_unit *x) {
    if (x->kind != DY_U_WORD) return 0;
    switch (x->fw) {
    case DY_FW_BE: case DY_FW_HAVE: case DY_FW_DO: case DY_FW_FUTURE: case DY_FW_MODAL:
    case DY_FW_NEG:
        return 1;
    default:
        return 0;
    }
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

static int ends_with(const dy_token *t, const char *suffix) {
    size_t n = strlen(suffix);
    return t->norm_len > n + 1 && !memcmp(t->norm + t->norm_len - n, suffix, n);
}

int dy_p2_verb_is_noun(const dy_sentence_parse *s, const dy_unit *u, size_t nu, size_t i, size_t end) {
    if (nu < 1) return 0;
    /* "bans on travel", "in protest": right after a preposition a form
     * that is no gerund is a noun ("by promoting" stays a verb) */
    const dy_unit *prev = &u[nu - 1];
    if (prev->kind == DY_U_WORD && (prev->fw == DY_FW_PREP || prev->fw == DY_FW_OF || prev->fw == DY_FW_BY) &&
        end == i + 1 && !ends_with(&s->tok[i], "ing"))
        return 1;
    if (nu < 2) return 0;
    const dy_unit *mod = &u[nu - 1], *before = &u[nu - 2];
    /* "conducting military exercises", "in military exercises": an agent
     * used as an adjective after a verb or a preposition heads no clause */
    if (mod->kind == DY_U_AGENT &&
        (before->kind == DY_U_VERB ||
         (before->kind == DY_U_WORD && (before->fw == DY_FW_PREP || before->fw == DY_FW_OF))))
        return 1;
    /* "of the military parade": a determiner in a prepositional phrase */
    if (mod->kind == DY_U_AGENT && nu >= 3 && before->kind == DY_U_WORD && before->fw == DY_FW_DET &&
        u[nu - 3].kind == DY_U_WORD && (u[nu - 3].fw == DY_FW_PREP || u[nu - 3].fw == DY_FW_OF))
        return 1;
    /* "The Russian building was demolished": determiner, modifier, and an
     * auxiliary after the form: the form is the head noun of the subject */
    if ((mod->kind == DY_U_AGENT || mod->kind == DY_U_ACTOR || is_plain(mod)) && before->kind == DY_U_WORD &&
        before->fw == DY_FW_DET && end < s->ntok) {
        const dy_token *t = &s->tok[end];
        dy_fword fw = dy_fword_of(t->norm, t->norm_len);
        if (fw == DY_FW_BE || fw == DY_FW_HAVE || fw == DY_FW_FUTURE || fw == DY_FW_MODAL) return 1;
    }
    return 0;
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
        if (x->kind == DY_U_END || x->kind == DY_U_VERB) break;
        if (x->group >= 0 && s->g[x->group].by_pp) {
            *upper_end = s->u[s->g[x->group].u1 - 1].t1;
            /* the head noun of "by a Ukrainian protestor" may follow the actor */
            for (size_t w = s->g[x->group].u1; w < s->nu && w < s->g[x->group].u1 + 2 && is_plain(&s->u[w]); w++)
                *upper_end = s->u[w].t1;
            break;
        }
    }
    return 1;
}

static int is_from(const dy_sentence_parse *s, const dy_unit *x) {
    const dy_token *t = &s->tok[x->t0];
    return x->kind == DY_U_WORD && t->norm_len == 4 && !memcmp(t->norm, "from", 4);
}

int dy_p2_from_pp(const dy_sentence_parse *s, const dy_group *g) {
    /* "ministers from the Georgian government": from inside the group */
    if (g->agent_of)
        for (size_t q = g->u0; q < g->u1; q++)
            if (is_from(s, &s->u[q])) return 1;
    size_t k = g->u0;
    while (k > 0 && s->u[k - 1].kind == DY_U_WORD && s->u[k - 1].fw == DY_FW_DET) k--;
    return k > 0 && is_from(s, &s->u[k - 1]);
}

size_t dy_p2_dateline_end(const dy_token *tok, size_t n) {
    /* "LYON:", "GAZA CITY, Palestinian Territories:" — a place in capitals,
     * perhaps a region after a comma, then a colon, all within a few words */
    if (n < 3 || tok[0].kind != DY_TOK_WORD || !(tok[0].flags & DY_TOKF_ALLCAPS)) return 0;
    for (size_t i = 1; i < n && i < 8; i++) {
        if (tok[i].kind == DY_TOK_PUNCT && tok[i].norm_len == 1 && tok[i].norm[0] == ':') return i + 1;
        if (tok[i].kind == DY_TOK_PUNCT && !(tok[i].norm_len == 1 && tok[i].norm[0] == ',')) return 0;
        if (tok[i].kind == DY_TOK_WORD && !(tok[i].flags & DY_TOKF_CAPITAL)) return 0;
    }
    return 0;
}

int dy_p2_acronym_mismatch(const dy_sentence_parse *s, size_t i, size_t len, int allcaps) {
    if (allcaps || len != 1) return 0;
    const dy_token *t = &s->tok[i];
    return t->kind == DY_TOK_WORD && t->norm_len <= 3 && (t->flags & DY_TOKF_CAPITAL) &&
           !(t->flags & DY_TOKF_ALLCAPS) && t->end - t->start > 1;
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

int dy_p2_discard_of(const dyad_dict *d, const dy_token *tok, const dy_dict_tok *dt, size_t n) {
    int r = 0;
    for (size_t i = 0; i < n; i++) {
        const dy_discard_entry *e = NULL;
        if (!dt[i].word && !dt[i].next) continue;
        size_t len = dy_dict_discard_match(d, dt, n, i, &e);
        if (!len || !e) continue;
        /* PETRARCH-2 compares blank-separated words: "years ago," (comma
         * attached) is not the discard "years ago" */
        int whole = i == 0 || (tok[i].flags & DY_TOKF_SPACE_BEFORE);
        for (size_t k = i + 1; k <= i + len && k < n && whole; k++)
            if (!(tok[k].flags & DY_TOKF_SPACE_BEFORE)) whole = 0;
        if (!whole) continue;
        if (e->story) return 2;
        r = 1;
    }
    return r;
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
    if (k < s->nu && s->u[k].group >= 0) {
        k = s->g[s->u[k].group].u1;
    } else {
        size_t words = 0;
        while (k < s->nu && words < 4 &&
               (is_plain(&s->u[k]) || (s->u[k].kind == DY_U_WORD && s->u[k].fw == DY_FW_DET)))
            k++, words++;
        if (!words) return 0;
    }
    return k < s->nu && (is_aux(&s->u[k]) || s->u[k].kind == DY_U_VERB);
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
    return p->kind == DY_U_WORD && (p->fw == DY_FW_PREP || p->fw == DY_FW_OF || p->fw == DY_FW_BY);
}
