/* Clause and noun-phrase readings of news prose for the native family. */
#include "coder/n.h"
#include <string.h>

static int norm_is(const dy_token *t, const char *w) {
    size_t n = strlen(w);
    return t->norm_len == n && !memcmp(t->norm, w, n);
}

static int ends_with(const dy_token *t, const char *suffix) {
    size_t n = strlen(suffix);
    return t->norm_len > n + 1 && !memcmp(t->norm + t->norm_len - n, suffix, n);
}

static int plain_word(const dy_unit *x) {
    return x->kind == DY_U_WORD && x->fw == DY_FW_NONE && !x->possessive;
}

/* Words that count a group out: "hundreds of UN troops". */
static int quantity_word(const dy_token *t) {
    static const char *const words[] = {"hundreds", "dozens", "thousands", "millions", "scores", "tens",
                                        "some", "many", "most", "several", "all", "none", "few", "one",
                                        "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                        "ten", "number", "group", "majority", "rest", "each", "both"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (norm_is(t, words[k])) return 1;
    if (t->kind == DY_TOK_NUMBER) return 1;
    return 0;
}

static int aux_word(const dy_unit *x) { return dy_unit_is_aux(x); }

/* Does a finite verb follow unit k: (aux)* VERB, or a form outside the
 * dictionary followed by "to" + VERB ("prepared to attend")? */
static int verb_follows(const dy_sentence_parse *s, size_t k) {
    while (k < s->nu && aux_word(&s->u[k])) k++;
    if (k >= s->nu) return 0;
    if (s->u[k].kind == DY_U_VERB) return 1;
    return s->u[k].kind == DY_U_WORD && s->u[k].fw == DY_FW_NONE && k + 2 < s->nu &&
           s->u[k + 1].kind == DY_U_WORD && s->u[k + 1].fw == DY_FW_TO && s->u[k + 2].kind == DY_U_VERB;
}

int n_pp_is_np(const dy_sentence_parse *s, size_t p, size_t group_end) {
    const dy_unit *x = &s->u[p];
    if (x->kind != DY_U_WORD) return 0;
    /* "hundreds of UN troops withdrew", "kidnapped dozens of peacekeepers":
     * the count is the phrase's head, the group what it counts */
    if (x->fw == DY_FW_OF && p > 0 && s->u[p - 1].kind == DY_U_WORD && quantity_word(&s->tok[s->u[p - 1].t0]))
        return 1;
    /* "came as the US leader prepared to attend", "after rebels kidnapped":
     * a subordinator opening a clause, the group its subject */
    if (x->fw == DY_FW_SUB && verb_follows(s, group_end)) return 1;
    return 0;
}

/* "a deadly attack targeting", "the convoy carrying": a form in -ing
 * right after the noun of an article's phrase describes that noun. */
static int noun_modifier(const dy_unit *u, size_t nu) {
    if (nu < 2 || !plain_word(&u[nu - 1])) return 0;
    for (size_t k = nu - 1, words = 0; k-- > 0 && words < 3; words++) {
        if (u[k].kind == DY_U_WORD && u[k].fw == DY_FW_DET) return 1;
        if (!plain_word(&u[k])) return 0;
    }
    return 0;
}

int n_verb_is_noun(const dy_sentence_parse *s, const dy_unit *u, size_t nu, size_t verb_tok, size_t end) {
    /* "the brutal slaying of two missionaries", "a warning of": a form in
     * -ing followed by "of" names the act; after an auxiliary it is still
     * a verb ("is warning of") */
    /* "two proposed sales", "several planned meetings": after a count a
     * participle is an adjective of the noun that follows */
    if (nu > 0 && u[nu - 1].kind == DY_U_WORD && quantity_word(&s->tok[u[nu - 1].t0]) && end == verb_tok + 1 &&
        end < s->ntok && s->tok[end].kind == DY_TOK_WORD &&
        dy_fword_of(s->tok[end].norm, s->tok[end].norm_len) == DY_FW_NONE &&
        (ends_with(&s->tok[verb_tok], "ed") || ends_with(&s->tok[verb_tok], "ing")))
        return 1;
    if (!ends_with(&s->tok[verb_tok], "ing")) return 0;
    if (noun_modifier(u, nu)) return 1;
    if (end >= s->ntok || !norm_is(&s->tok[end], "of")) return 0;
    if (nu == 0) return 1;
    const dy_unit *prev = &u[nu - 1];
    return !(aux_word(prev) || prev->kind == DY_U_ACTOR || prev->kind == DY_U_AGENT ||
             prev->kind == DY_U_PRONOUN || prev->kind == DY_U_VERB);
}

/* Does a group start at unit k (after determiners) with its own verb after it? */
static int subject_and_verb_at(const dy_sentence_parse *s, size_t k) {
    while (k < s->nu && s->u[k].kind == DY_U_WORD && s->u[k].fw == DY_FW_DET) k++;
    if (k >= s->nu || s->u[k].group < 0) return 0;
    int g = s->u[k].group;
    while (k < s->nu && s->u[k].group == g) k++;
    return verb_follows(s, k);
}

int n_pure_subordinator(const dy_sentence_parse *s, size_t k) {
    const dy_unit *x = &s->u[k];
    if (x->kind != DY_U_WORD || x->fw != DY_FW_SUB) return 0;
    const dy_token *t = &s->tok[x->t0];
    return norm_is(t, "when") || norm_is(t, "while") || norm_is(t, "because") || norm_is(t, "although") ||
           norm_is(t, "if") || norm_is(t, "unless") || norm_is(t, "whereas");
}

size_t n_clause_end(const dy_sentence_parse *s, size_t v) {
    for (size_t k = v + 1; k + 1 < s->nu; k++) {
        const dy_unit *x = &s->u[k];
        /* "when", "while", "because" ... always open a clause of their own */
        if (n_pure_subordinator(s, k)) return x->t0;
        /* "after rebels kidnapped", ", an AFP correspondent said"; without
         * a subject and verb it is a phrase ("after pressure from X",
         * "withdrew as mediator") */
        int sub = x->kind == DY_U_WORD && x->fw == DY_FW_SUB;
        if ((sub || x->kind == DY_U_COMMA) && subject_and_verb_at(s, k + 1)) return x->t0;
        /* ", Reuters reported.", ", reports The Telegraph." */
        if (x->kind == DY_U_COMMA && n_trailing_attribution(s, k)) return x->t0;
    }
    return s->ntok;
}

int n_infinitive(const dy_sentence_parse *s, size_t v) {
    return v > 0 && s->u[v - 1].kind == DY_U_WORD && s->u[v - 1].fw == DY_FW_TO;
}

size_t n_title_agent(const dy_sentence_parse *s, size_t j) {
    size_t k = j;
    while (k < s->nu && k < j + 2) {
        const dy_unit *x = &s->u[k];
        const dy_token *t = &s->tok[x->t0];
        if (x->kind != DY_U_WORD || x->fw != DY_FW_NONE || x->possessive || t->kind != DY_TOK_WORD ||
            !(t->flags & DY_TOKF_CAPITAL) || (t->flags & DY_TOKF_ALLCAPS))
            break;
        k++;
    }
    if (k == j || k >= s->nu || s->u[k].kind != DY_U_AGENT) return 0;
    return (s->tok[s->u[k].t0].flags & DY_TOKF_AFTER_ASIDE) ? 0 : k;
}


/* A reporting word the dictionary need not code as a verb ("Reuters
 * reported", "reports The Telegraph"). */
static int reporting_word(const dy_sentence_parse *s, size_t j) {
    static const char *const words[] = {"said", "says", "reported", "reports", "added", "adds", "told", "stated"};
    if (j >= s->nu) return 0;
    const dy_unit *x = &s->u[j];
    const dy_token *t;
    if (x->kind == DY_U_VERB) t = &s->tok[x->verb_tok];
    else if (x->kind == DY_U_WORD && x->t1 == x->t0 + 1) t = &s->tok[x->t0];
    else return 0;
    for (size_t w = 0; w < sizeof words / sizeof *words; w++)
        if (norm_is(t, words[w])) return 1;
    return 0;
}

/* Does nothing but a name, a title and time words stand from unit j to the
 * sentence's end? */
static int only_name_to_end(const dy_sentence_parse *s, size_t j) {
    for (size_t words = 0; j < s->nu && words < 8; words++, j++) {
        const dy_unit *x = &s->u[j];
        if (x->kind == DY_U_END) return 1;
        if (!(plain_word(x) || (x->kind == DY_U_WORD && (x->fw == DY_FW_OF || x->fw == DY_FW_DET || x->fw == DY_FW_PREP)) ||
              x->kind == DY_U_ACTOR || x->kind == DY_U_AGENT))
            return 0;
    }
    return j >= s->nu;
}

int n_trailing_attribution(const dy_sentence_parse *s, size_t k) {
    if (k >= s->nu || s->u[k].kind != DY_U_COMMA) return 0;
    size_t j = k + 1;
    /* ", reports The Telegraph.", ", said the ministry on Monday." */
    if (reporting_word(s, j)) {
        size_t n = j + 1;
        while (n < s->nu && s->u[n].kind == DY_U_WORD && s->u[n].fw == DY_FW_DET) n++;
        if (n < s->nu && s->u[n].group >= 0 && only_name_to_end(s, n)) return 1;
    }
    while (j < s->nu && s->u[j].kind == DY_U_WORD && s->u[j].fw == DY_FW_DET) j++;
    if (j >= s->nu || s->u[j].group < 0) return 0;
    int g = s->u[j].group;
    while (j < s->nu && s->u[j].group == g) j++;
    /* the rest of the title and the name: "of Energy Jeffrey Kupfer" */
    for (size_t words = 0; j < s->nu && words < 6 && !reporting_word(s, j); words++, j++) {
        const dy_unit *x = &s->u[j];
        if (!(plain_word(x) || (x->kind == DY_U_WORD && (x->fw == DY_FW_OF || x->fw == DY_FW_DET)) ||
              x->kind == DY_U_ACTOR || x->kind == DY_U_AGENT))
            break;
    }
    while (j < s->nu && aux_word(&s->u[j])) j++;
    if (j >= s->nu || (s->u[j].kind != DY_U_VERB && !reporting_word(s, j))) return 0;
    j++;
    for (size_t words = 0; j < s->nu && words < 3 && plain_word(&s->u[j]); words++) j++;
    return j >= s->nu || s->u[j].kind == DY_U_END;
}

int n_noun_before_that(const dy_sentence_parse *s, size_t k) {
    /* only an actor: "a roadside bomb that killed" is still the planter's act */
    return k > 0 && s->u[k - 1].group >= 0;
}

int n_participle_clause(const dy_sentence_parse *s, size_t v) {
    return v > 0 && s->u[v - 1].kind == DY_U_COMMA && ends_with(&s->tok[s->u[v].verb_tok], "ing") &&
           s->u[v].verb_tok == s->u[v].t0;
}

int n_subject_group_is(const dy_sentence_parse *s, size_t v, int g) {
    size_t k = v;
    while (k > 0 && aux_word(&s->u[k - 1])) k--;
    return k > 0 && s->u[k - 1].group == g;
}

/* An actor within the few units after unit k ("by six Taliban militants"). */
static int group_soon_after(const dy_sentence_parse *s, size_t k) {
    for (size_t j = k + 1; j < s->nu && j <= k + 4; j++) {
        if (s->u[j].group >= 0) return 1;
        if (s->u[j].kind != DY_U_WORD) return 0;
    }
    return 0;
}

int n_reduced_passive(const dy_sentence_parse *s, size_t v) {
    const dy_unit *vu = &s->u[v];
    if (v < 2 || vu->t1 != vu->t0 + 1 || !ends_with(&s->tok[vu->verb_tok], "ed")) return 0;
    /* "seventeen were killed and another nine injured by six militants": a
     * participle with its agent right after it is passive whatever stands
     * before it, unless "has/had" makes it a perfect */
    size_t by = v + 1;
    /* "... injured in an ambush by rebels": the deed's phrase before the agent */
    if (by + 1 < s->nu && s->u[by].kind == DY_U_WORD && s->u[by].fw == DY_FW_PREP &&
        norm_is(&s->tok[s->u[by].t0], "in")) {
        size_t k = by + 1, words = 0;
        while (k < s->nu && words < 3 && s->u[k].kind == DY_U_WORD &&
               (s->u[k].fw == DY_FW_DET || plain_word(&s->u[k])))
            k++, words++;
        if (words && k < s->nu && s->u[k].kind == DY_U_WORD && s->u[k].fw == DY_FW_BY) by = k;
    }
    if (by < s->nu && s->u[by].kind == DY_U_WORD && s->u[by].fw == DY_FW_BY && group_soon_after(s, by) &&
        !aux_word(&s->u[v - 1]) && !(s->u[v - 2].kind == DY_U_WORD && s->u[v - 2].fw == DY_FW_HAVE))
        return 1;
    int g = s->u[v - 1].group;
    if (g < 0 || s->g[g].pronoun) return 0;
    /* "The terrorists killed in the shootout were affiliated ...": a
     * participle whose phrase runs into the sentence's own "were" */
    if (v + 1 < s->nu && s->u[v + 1].kind == DY_U_WORD && s->u[v + 1].fw == DY_FW_PREP) {
        for (size_t j = v + 2; j < s->nu && j < v + 10; j++) {
            const dy_unit *x = &s->u[j];
            if (x->kind == DY_U_WORD && x->fw == DY_FW_BE) return 1;
            if (!(x->group >= 0 || (x->kind == DY_U_WORD && (x->fw == DY_FW_DET || x->fw == DY_FW_PREP ||
                                                           x->fw == DY_FW_OF || plain_word(x)))))
                break;
        }
    }
    /* no object of its own after it: a phrase, a clause edge or the end */
    if (v + 1 < s->nu) {
        const dy_unit *next = &s->u[v + 1];
        if (!(next->kind == DY_U_COMMA || next->kind == DY_U_END || next->kind == DY_U_BREAK ||
              (next->kind == DY_U_WORD && (next->fw == DY_FW_PREP || next->fw == DY_FW_BY ||
                                           next->fw == DY_FW_TO || next->fw == DY_FW_SUB))))
            return 0;
    }
    /* "reporters detained by police": a participle with its agent */
    if (v + 1 < s->nu && s->u[v + 1].kind == DY_U_WORD && s->u[v + 1].fw == DY_FW_BY) return 1;
    /* the group stands where an object does: after "there were", a verb
     * or a preposition (numbers and determiners aside) */
    size_t k = s->g[g].u0;
    while (k > 0 && s->u[k - 1].kind == DY_U_WORD &&
           (s->u[k - 1].fw == DY_FW_DET || s->tok[s->u[k - 1].t0].kind == DY_TOK_NUMBER ||
            quantity_word(&s->tok[s->u[k - 1].t0])))
        k--;
    if (k == 0) return 0;
    const dy_unit *before = &s->u[k - 1];
    /* not after a verb: "said Pyongyang fired at the islands" is active */
    return before->kind == DY_U_WORD && (before->fw == DY_FW_BE || before->fw == DY_FW_PREP);
}

int n_complement_subject(const dy_sentence_parse *s, size_t v, int g) {
    size_t k = s->g[g].u0;
    if (k <= v) return 0;
    while (k > v + 1 && s->u[k - 1].kind == DY_U_WORD && s->u[k - 1].fw == DY_FW_DET) k--;
    if (k > v + 1 && !(s->u[k - 1].kind == DY_U_WORD && s->u[k - 1].fw == DY_FW_THAT && k - 1 == v + 1)) return 0;
    if (verb_follows(s, s->g[g].u1)) return 1;
    /* "criticized Britain's plan to deport ...": what the group means to do */
    size_t j = s->g[g].u1;
    if (!s->u[j - 1].possessive && !(j < s->nu && s->u[j].possessive)) return 0;
    if (j < s->nu && s->u[j].possessive) j++;
    size_t words = 0;
    while (j < s->nu && words < 2 && plain_word(&s->u[j])) j++, words++;
    return words && j + 1 < s->nu && s->u[j].kind == DY_U_WORD && s->u[j].fw == DY_FW_TO &&
           s->u[j + 1].kind == DY_U_VERB;
}

int n_role_after(const dy_sentence_parse *s, size_t v, int src, int tgt) {
    return (src >= 0 && s->g[src].u0 > v) || (tgt >= 0 && s->g[tgt].u0 > v);
}

int n_time_follows(const dy_sentence_parse *s, size_t k) {
    static const char *const words[] = {"today", "yesterday", "tonight", "overnight", "earlier", "later",
                                        "last", "this", "recently", "on", "since", "during", "after",
                                        "before", "monday", "tuesday", "wednesday", "thursday", "friday",
                                        "saturday", "sunday"};
    if (k >= s->nu || s->u[k].kind != DY_U_WORD) return 0;
    const dy_token *t = &s->tok[s->u[k].t0];
    for (size_t w = 0; w < sizeof words / sizeof *words; w++)
        if (norm_is(t, words[w])) return 1;
    return 0;
}

int n_weak_target(const dy_sentence_parse *s, int src, int g) {
    const dy_group *t = &s->g[g];
    int bare = 1;
    for (uint32_t q = 0; q < t->nm; q++)
        if (t->m[q].actor) bare = 0;
    if (bare) return 1;
    /* only a possessive's agent ("its troops"); "him" standing for the
     * source is dy_reflexive_fix's */
    if (!t->pronoun || src < 0 || s->u[t->u0].fw != DY_FW_POSSPRON) return 0;
    const dy_group *o = &s->g[src];
    for (uint32_t q = 0; q < t->nm; q++) {
        int own = 0;
        for (uint32_t r = 0; r < o->nm && !own; r++) own = t->m[q].actor == o->m[r].actor;
        if (!own) return 0;
    }
    return 1;
}

int n_target_in_pp(const dy_sentence_parse *s, size_t v, int src, int tgt, const uint8_t *used) {
    if (tgt < 0 || tgt == src || s->g[tgt].u0 <= v || !n_weak_target(s, src, tgt)) return tgt;
    size_t clause_end = n_clause_end(s, v);
    for (size_t j = s->g[tgt].u1; j < s->nu; j++) {
        const dy_unit *x = &s->u[j];
        if (x->kind == DY_U_END || x->t0 >= clause_end) break;
        if (x->kind == DY_U_BREAK || x->kind == DY_U_COMMA) break;
        if (x->kind == DY_U_WORD && (x->fw == DY_FW_CONJ || x->fw == DY_FW_BUT) && dy_clause_starts_at(s, j)) break;
        /* a participle with its agent stays in the phrase ("hostages held by X") */
        if (x->kind == DY_U_VERB && !used[x->t0] &&
            !(j + 1 < s->nu && s->u[j + 1].kind == DY_U_WORD && s->u[j + 1].fw == DY_FW_BY))
            break;
        int g = x->group;
        if (g < 0 || g == tgt || g == src || !s->g[g].in_pp || s->g[g].pronoun) continue;
        if (n_weak_target(s, src, g)) continue;
        if (src >= 0 && s->g[src].nm == s->g[g].nm && s->g[g].nm == 1 && s->g[src].m[0].actor == s->g[g].m[0].actor)
            continue;
        return g;
    }
    return tgt;
}

int n_shared_object(const dy_sentence_parse *s, size_t v, int src, const uint8_t *used) {
    for (size_t j = v + 1; j < s->nu && j < v + 10; j++) {
        const dy_unit *x = &s->u[j];
        if (x->group >= 0 || x->kind != DY_U_WORD) return -1;
        if (x->fw != DY_FW_CONJ) continue;
        size_t w = j + 1;
        while (w < s->nu && aux_word(&s->u[w])) w++;
        if (w >= s->nu || s->u[w].kind != DY_U_VERB) return -1;
        return dy_object_of(s, w, src, 0, used, 0);
    }
    return -1;
}

/* Is group g only where the act happened ("said in Venezuela", "held talks
 * in Geneva", "told reporters during a visit to a prison outside
 * Medellin")? A preposition of place before it, perhaps past a
 * determiner, adjectives and one "of" ("on the outskirts of Medellin"). */
static int place_phrase(const dy_sentence_parse *s, int g) {
    static const char *const preps[] = {"in", "at", "near", "outside", "inside", "across", "throughout",
                                        "around", "within"};
    size_t k = s->g[g].u0;
    for (int hops = 0; hops < 2; hops++) {
        size_t words = 0;
        while (k > 0 && words < 3 && s->u[k - 1].kind == DY_U_WORD &&
               (s->u[k - 1].fw == DY_FW_DET || plain_word(&s->u[k - 1])))
            k--, words++;
        if (k == 0 || s->u[k - 1].kind != DY_U_WORD) return 0;
        const dy_token *t = &s->tok[s->u[k - 1].t0];
        for (size_t i = 0; i < sizeof preps / sizeof *preps; i++)
            if (norm_is(t, preps[i])) return 1;
        if (s->u[k - 1].fw != DY_FW_OF) return 0;
        k--; /* "the outskirts of": look past it once */
    }
    return 0;
}

int n_place_not_target(const dy_sentence_parse *s, int g, const char *code) {
    if (g < 0 || !code || strlen(code) < 3) return 0;
    /* a plain statement or a meeting is not done to the place it happens
     * in; other comments are often about it ("concern over the turmoil in
     * Venezuela"), visits (042, 043) go to it, deployments and fighting
     * happen in it */
    int talk = !strcmp(code, "010") || !strcmp(code, "040") || !strcmp(code, "041") || !strcmp(code, "044") ||
               !strcmp(code, "045") || !strcmp(code, "046");
    return talk && s->g[g].in_pp && place_phrase(s, g);
}

int n_told_content(const dy_sentence_parse *s, size_t v, int g, const char *code) {
    if (g < 0 || !code || strcmp(code, "010") || s->g[g].u0 <= v) return 0;
    /* "told us that Chilean smugglers had left": what was told, not whom */
    for (size_t k = v + 1; k < s->g[g].u0; k++)
        if (s->u[k].kind == DY_U_WORD && s->u[k].fw == DY_FW_THAT) return 1;
    return 0;
}

/* A four-digit year token, else 0. */
static int year_of(const dy_token *t) {
    if (t->kind != DY_TOK_NUMBER || t->norm_len != 4) return 0;
    int y = 0;
    for (size_t i = 0; i < 4; i++) {
        if (t->norm[i] < '0' || t->norm[i] > '9') return 0;
        y = y * 10 + (t->norm[i] - '0');
    }
    return y >= 1800 ? y : 0;
}

/* "in 1948", "in the 1994 genocide", "during the 1980s war": a past year
 * at unit k, two or more years before the article's. */
static int past_year_at(const dy_sentence_parse *s, size_t k, int article_year) {
    const dy_unit *x = &s->u[k];
    if (x->kind != DY_U_WORD || x->fw != DY_FW_PREP ||
        !(norm_is(&s->tok[x->t0], "in") || norm_is(&s->tok[x->t0], "during")))
        return 0;
    size_t j = k + 1;
    if (j < s->nu && s->u[j].kind == DY_U_WORD && s->u[j].fw == DY_FW_DET) j++;
    if (j >= s->nu || s->u[j].kind != DY_U_WORD) return 0;
    int y = year_of(&s->tok[s->u[j].t0]);
    return y && y + 2 <= article_year;
}

int n_historical(const dy_sentence_parse *s, size_t v, const char *date) {
    int article_year = 0;
    for (int i = 0; i < 4 && date && date[i] >= '0' && date[i] <= '9'; i++) article_year = article_year * 10 + (date[i] - '0');
    if (article_year < 1900) return 0;
    /* "In 1948, Egypt occupied Gaza" */
    if (s->nu > 2 && past_year_at(s, 0, article_year)) return 1;
    /* the verb's own clause after it: up to a comma, "that", a subordinator or another verb */
    for (size_t k = v + 1; k < s->nu; k++) {
        const dy_unit *x = &s->u[k];
        if (x->kind == DY_U_END || x->kind == DY_U_COMMA || x->kind == DY_U_BREAK || x->kind == DY_U_VERB) break;
        if (x->kind == DY_U_WORD && (x->fw == DY_FW_THAT || x->fw == DY_FW_SUB || x->fw == DY_FW_REL)) break;
        if (past_year_at(s, k, article_year)) return 1;
    }
    return 0;
}
