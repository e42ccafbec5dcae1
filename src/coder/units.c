/* Tokens to units: the first, purely lexical step of the shallow parse.
 * Each position takes the longest dictionary phrase that starts there
 * (actor, agent or verb form); what is left is punctuation, function words
 * (which drive the later steps) and plain words (which patterns match). */
#include "coder/coder.h"
#include "coder/n.h"
#include "coder/p2.h"
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *word;
    uint8_t fw;
} fword_entry;

/* Sorted by word (strcmp order) for the binary search. */
static const fword_entry fwords[] = {
    {"'ll", DY_FW_FUTURE},   {"a", DY_FW_DET},        {"about", DY_FW_PREP},
    {"after", DY_FW_SUB},    {"against", DY_FW_PREP}, {"although", DY_FW_SUB},
    {"am", DY_FW_BE},        {"among", DY_FW_PREP},   {"an", DY_FW_DET},
    {"and", DY_FW_CONJ},     {"are", DY_FW_BE},       {"aren't", DY_FW_NEG},
    {"as", DY_FW_SUB},       {"at", DY_FW_PREP},      {"be", DY_FW_BE},        {"because", DY_FW_SUB},
    {"been", DY_FW_BE},      {"before", DY_FW_SUB},   {"being", DY_FW_BE},
    {"between", DY_FW_PREP}, {"but", DY_FW_BUT},      {"by", DY_FW_BY},
    {"can", DY_FW_MODAL},    {"can't", DY_FW_NEG},    {"could", DY_FW_MODAL},
    {"couldn't", DY_FW_NEG}, {"did", DY_FW_DO},       {"didn't", DY_FW_NEG},
    {"do", DY_FW_DO},        {"does", DY_FW_DO},      {"doesn't", DY_FW_NEG},
    {"don't", DY_FW_NEG},    {"during", DY_FW_PREP},
    {"for", DY_FW_PREP},     {"from", DY_FW_PREP},    {"had", DY_FW_HAVE},
    {"hadn't", DY_FW_NEG},   {"has", DY_FW_HAVE},     {"hasn't", DY_FW_NEG},
    {"have", DY_FW_HAVE},    {"haven't", DY_FW_NEG},  {"he", DY_FW_PRON},
    {"her", DY_FW_POSSPRON}, {"him", DY_FW_PRON},     {"his", DY_FW_POSSPRON},
    {"if", DY_FW_SUB},       {"in", DY_FW_PREP},      {"into", DY_FW_PREP},
    {"is", DY_FW_BE},        {"isn't", DY_FW_NEG},    {"it", DY_FW_PRON},
    {"its", DY_FW_POSSPRON},
    {"may", DY_FW_MODAL},    {"might", DY_FW_MODAL},  {"must", DY_FW_MODAL},
    {"n't", DY_FW_NEG},      {"near", DY_FW_PREP},    {"neither", DY_FW_DET},
    {"never", DY_FW_NEG},    {"nor", DY_FW_CONJ},     {"not", DY_FW_NEG},      {"of", DY_FW_OF},        {"on", DY_FW_PREP},
    {"or", DY_FW_CONJ},      {"our", DY_FW_POSSPRON}, {"over", DY_FW_PREP},
    {"shall", DY_FW_FUTURE}, {"she", DY_FW_PRON},     {"should", DY_FW_MODAL},
    {"shouldn't", DY_FW_NEG},
    {"since", DY_FW_SUB},    {"that", DY_FW_THAT},    {"the", DY_FW_DET},
    {"their", DY_FW_POSSPRON}, {"them", DY_FW_PRON},  {"these", DY_FW_DET},
    {"they", DY_FW_PRON},    {"this", DY_FW_DET},     {"those", DY_FW_DET},
    {"through", DY_FW_PREP}, {"to", DY_FW_TO},        {"toward", DY_FW_PREP},
    {"towards", DY_FW_PREP}, {"under", DY_FW_PREP},   {"unless", DY_FW_SUB},
    {"was", DY_FW_BE},       {"wasn't", DY_FW_NEG},   {"were", DY_FW_BE},
    {"weren't", DY_FW_NEG},  {"when", DY_FW_SUB},
    {"whereas", DY_FW_SUB},  {"which", DY_FW_REL},    {"while", DY_FW_SUB},
    {"who", DY_FW_REL},      {"whom", DY_FW_REL},     {"whose", DY_FW_REL},
    {"will", DY_FW_FUTURE},  {"with", DY_FW_PREP},    {"within", DY_FW_PREP},
    {"without", DY_FW_PREP}, {"won't", DY_FW_NEG},    {"would", DY_FW_FUTURE},
    {"wouldn't", DY_FW_NEG},
};

/* strcmp's order and answer, inlined: one call per token of every
 * sentence, on words of a few letters, where the library call costs more
 * than the comparison. */
static int fword_strcmp(const char *a, const char *b) {
    while (*a && *a == *b) a++, b++;
    return (int)(unsigned char)*a - (int)(unsigned char)*b;
}

/* A currency after a country's name or adjective ("Mexican pesos"). Not
 * "won", "real", "mark" or "rand": "Russia won", "a real threat". */
static int currency_word(const dy_token *t) {
    static const char *const words[] = {"dollar", "dollars", "dlr", "dlrs", "peso", "pesos", "euro", "euros",
                                        "pound", "pounds", "yen", "yuan", "renminbi", "rupee", "rupees",
                                        "ruble", "rubles", "rouble", "roubles", "franc", "francs",
                                        "lira", "reais", "dinar", "dinars", "riyal",
                                        "riyals", "rial", "rials", "baht", "ringgit", "shekel",
                                        "shekels", "hryvnia", "naira", "shilling", "shillings", "krona",
                                        "kronor", "krone", "kroner", "zloty", "forint", "bolivar", "bolivars",
                                        "dirham", "dirhams", "taka", "currency"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (t->norm_len == strlen(words[k]) && !memcmp(t->norm, words[k], t->norm_len)) return 1;
    return 0;
}

/* "on May 28", "in May", "since May": the month, not the modal "may" (which
 * would make the event speculative and hide a passive). Capitalised inside
 * mixed-case text, after a preposition or before a number. */
static int month_may(const dy_token *tok, size_t n, size_t i) {
    static const char *const before[] = {"on", "in", "since", "until", "by", "from", "of", "last", "next",
                                         "early", "late", "mid", "during", "through", "between", "to", "and"};
    const dy_token *t = &tok[i];
    if (i == 0 || t->norm_len != 3 || memcmp(t->norm, "may", 3) || !(t->flags & DY_TOKF_CAPITAL) ||
        (t->flags & DY_TOKF_ALLCAPS))
        return 0;
    if (i + 1 < n && tok[i + 1].kind == DY_TOK_NUMBER) return 1;
    const dy_token *p = &tok[i - 1];
    for (size_t k = 0; k < sizeof before / sizeof *before; k++)
        if (p->norm_len == strlen(before[k]) && !memcmp(p->norm, before[k], p->norm_len)) return 1;
    return 0;
}

dy_fword dy_fword_of(const char *norm, size_t len) {
    if (len == 0 || len > 9) return DY_FW_NONE;
    size_t lo = 0, hi = sizeof fwords / sizeof fwords[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = fword_strcmp(norm, fwords[mid].word);
        if (!c) return (dy_fword)fwords[mid].fw;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return DY_FW_NONE;
}

static size_t fword_hash(const char *norm, size_t len) {
    const unsigned char *w = (const unsigned char *)norm;
    return (len * 61 + w[0] * 31 + w[len - 1] * 7 + (len > 1 ? w[1] : 0)) & (DY_FWORD_SLOTS - 1);
}

long dy_fword_lookup(const dy_fword_index *x, const char *norm, size_t len) {
    if (len == 0 || len > 255) return -1;
    for (size_t h = fword_hash(norm, len); x->word[h]; h = (h + 1) & (DY_FWORD_SLOTS - 1))
        if (x->len[h] == len && !memcmp(x->word[h], norm, len)) return (long)h;
    return -1;
}

long dy_fword_slot(dy_fword_index *x, const char *word, size_t len, int insert) {
    long at = dy_fword_lookup(x, word, len);
    if (at >= 0 || !insert || len == 0 || len > 255) return at;
    size_t h = fword_hash(word, len);
    while (x->word[h]) h = (h + 1) & (DY_FWORD_SLOTS - 1);
    x->word[h] = word;
    x->len[h] = (uint8_t)len;
    return (long)h;
}

void dy_fword_index_init(dy_fword_index *x) {
    memset(x, 0, sizeof *x);
    for (size_t i = 0; i < sizeof fwords / sizeof fwords[0]; i++) {
        long h = dy_fword_slot(x, fwords[i].word, strlen(fwords[i].word), 1);
        x->fw[h] = fwords[i].fw;
    }
}

dy_fword dy_fword_find(const dy_fword_index *x, const char *norm, size_t len) {
    long h = dy_fword_lookup(x, norm, len);
    return h < 0 ? DY_FW_NONE : (dy_fword)x->fw[h];
}

static uint8_t punct_kind(const dy_token *t) {
    if (t->norm_len == 1) {
        switch (t->norm[0]) {
        case ',': return DY_U_COMMA;
        case '.': case '?': case '!': return DY_U_END;
        default: break;
        }
    }
    return DY_U_BREAK;
}

/* Mixed-case text tells nouns from verbs by capitals ("about To Restore"
 * is a title, not a verb); all-capitals text (wire headers, TABARI's
 * ALLCAPS records) carries no such signal. */
static int sentence_is_allcaps(const dy_token *t, size_t n) {
    size_t words = 0, caps = 0;
    for (size_t i = 0; i < n; i++) {
        if (t[i].kind != DY_TOK_WORD) continue;
        words++;
        if ((t[i].flags & DY_TOKF_ALLCAPS) || (t[i].end - t[i].start == 1 && (t[i].flags & DY_TOKF_CAPITAL)))
            caps++;
    }
    return words > 0 && caps * 10 >= words * 8;
}

/* "a military parade", "an official visit": after a/an and modifiers, a
 * verb form that is the base of its verb (the dictionary also knows it with
 * -s, -d or -ed) is a noun — a finite verb there would need its ending. */
static int norm_is_word(const dy_token *t, const char *w) {
    size_t n = strlen(w);
    return t->norm_len == n && !memcmp(t->norm, w, n);
}

static int ends_in(const dy_token *t, const char *e) {
    size_t n = strlen(e);
    return t->norm_len >= n && !memcmp(t->norm + t->norm_len - n, e, n);
}

static int noun_after_article(const dy_sentence_parse *s, const dy_unit *u, size_t nu, size_t i,
                              const dy_verb_hit *vh) {
    if (s->family == DY_FAM_TABARI || s->family == DY_FAM_PETRARCH1) return 0;
    size_t k = nu, mods = 0, agents = 0;
    while (k > 0 && mods < 3 &&
           ((u[k - 1].kind == DY_U_WORD && u[k - 1].fw == DY_FW_NONE && !u[k - 1].possessive) ||
            u[k - 1].kind == DY_U_AGENT)) {
        agents += u[k - 1].kind == DY_U_AGENT;
        k--, mods++;
    }
    if (k == 0) return 0;
    const dy_unit *before = &u[k - 1];
    /* native: "the bus strike", "its decades-long fight", "a staunch ally"
     * (not "the rebels attack": an agent there is the subject) */
    int native_det = s->family == DY_FAM_NATIVE && !agents &&
                     ((before->kind == DY_U_PRONOUN && before->fw == DY_FW_POSSPRON) ||
                      (before->kind == DY_U_WORD && before->fw == DY_FW_DET &&
                       norm_is_word(&s->tok[before->t0], "the")));
    if (!native_det) {
        if (before->kind != DY_U_WORD || before->fw != DY_FW_DET) return 0;
        const dy_token *det = &s->tok[before->t0];
        if (!((det->norm_len == 1 && det->norm[0] == 'a') || (det->norm_len == 2 && !memcmp(det->norm, "an", 2))))
            return 0;
    }
    const dy_token *t = &s->tok[i];
    if (t->norm_len + 3 > 64 || vh->end != i + 1) return 0;
    /* native, after "the", a possessive or "a" with no agent between: a
     * form that is no -ed/-ing and takes a phrase, not an object ("the bus
     * strike against", "a staunch ally of") is the noun */
    if (s->family == DY_FAM_NATIVE && !agents && i + 1 < s->ntok && !ends_in(t, "ed") && !ends_in(t, "ing")) {
        static const char *const preps[] = {"of", "against", "in", "on", "at", "with", "for", "over", "between",
                                            "among", "by", "from"};
        const dy_token *next = &s->tok[i + 1];
        if (next->kind == DY_TOK_PUNCT && next->norm_len == 1 && (next->norm[0] == ',' || next->norm[0] == '.'))
            return 1;
        for (size_t p = 0; p < sizeof preps / sizeof *preps; p++)
            if (norm_is_word(next, preps[p])) return 1;
    }
    /* after "the" or a possessive only that reading: "his vehicle hit a
     * landmine" is a verb with its object */
    if (native_det) return 0;
    /* "ship" / "shipped": a final consonant doubles before -ed */
    char doubled[4] = {t->norm[t->norm_len - 1], 'e', 'd', 0};
    const char *const endings[] = {"s", "d", "ed", doubled};
    char form[64];
    memcpy(form, t->norm, t->norm_len);
    for (size_t e = 0; e < sizeof endings / sizeof endings[0]; e++) {
        size_t el = strlen(endings[e]);
        memcpy(form + t->norm_len, endings[e], el);
        dy_dict_tok ft;
        dy_dict_tok_resolve(s->d, form, t->norm_len + el, &ft);
        dy_verb_hit h2;
        if (dy_dict_verb_match(s->d, &ft, 1, 0, &h2) && h2.form && h2.form->block == vh->form->block)
            return 1;
    }
    return 0;
}

static int verb_allowed(const dy_sentence_parse *s, const dy_unit *u, size_t nu, size_t i,
                        int allcaps) {
    const dy_token *t = &s->tok[i];
    /* "donate's cash": a possessive makes a noun */
    if (i + 1 < s->ntok && s->tok[i + 1].kind == DY_TOK_POSSESSIVE) return 0;
    if (!allcaps && i > 0 && (t->flags & DY_TOKF_CAPITAL)) {
        /* A capital after a clause edge (quote, dash, colon) can still start a clause. */
        if (nu == 0 || (u[nu - 1].kind != DY_U_BREAK && u[nu - 1].kind != DY_U_END)) return 0;
    }
    if (nu > 0) {
        const dy_unit *prev = &u[nu - 1];
        if (prev->kind == DY_U_WORD && prev->fw == DY_FW_DET) return 0;
        /* TABARI reads "its voice" as a verb when a pattern says so */
        if (prev->kind == DY_U_PRONOUN && prev->fw == DY_FW_POSSPRON && s->family != DY_FAM_TABARI)
            return 0;
        if (prev->possessive) return 0;
    }
    return 1;
}

/* The code an actor phrase has on `day`. The set's family decides the rule
 * (an actor file read through a PETRARCH config may carry PETRARCH-2's mark
 * in a PETRARCH-1 set): PETRARCH-2 takes the first entry whose restriction
 * holds; TABARI, PETRARCH-1 and native the first dated entry that holds, in
 * file order, and the undated default only when none does. */
static const dy_actor_code *actor_code_on(const dy_actor_entry *e, int32_t day, dy_family fam) {
    const dy_actor_code *one[1];
    if (fam == DY_FAM_PETRARCH2 || day == DY_DAY_NONE) {
        dy_date_rule rule = fam == DY_FAM_PETRARCH2 ? DY_DATE_RULE_FIRST : DY_DATE_RULE_FALLBACK;
        return dy_dict_actor_codes_on(e, day, rule, one, 1) ? one[0] : NULL;
    }
    for (uint32_t k = 0; k < e->ncodes; k++)
        if (e->codes[k].dated && e->codes[k].from <= day && day <= e->codes[k].to) return &e->codes[k];
    for (uint32_t k = 0; k < e->ncodes; k++)
        if (!e->codes[k].dated) return &e->codes[k];
    return NULL;
}

/* TABARI's -ED after a final E is just -D ("deplore" -> "deplored"): try
 * the verb match again with that ending allowed on token i. */
static size_t tabari_d_ending(const dy_sentence_parse *s, size_t i, dy_verb_hit *vh) {
    const dy_token *t = &s->tok[i];
    if (t->norm_len < 3 || t->norm[t->norm_len - 1] != 'd' || t->norm[t->norm_len - 2] != 'e') return 0;
    enum { SPAN = 8 };
    dy_dict_tok local[SPAN];
    size_t n = s->ntok - i < SPAN ? s->ntok - i : SPAN;
    memcpy(local, s->dt + i, n * sizeof *local);
    int changed = 0;
    for (uint8_t k = 0; k < local[0].next; k++)
        if (local[0].ext[k].rest == 1 && !(local[0].ext[k].ending & DY_END_VERB)) {
            local[0].ext[k].ending |= DY_END_VERB;
            changed = 1;
        }
    if (!changed) return 0;
    size_t len = dy_dict_verb_match(s->d, local, n, 0, vh);
    if (!len) return 0;
    vh->start += (uint32_t)i;
    vh->end += (uint32_t)i;
    vh->verb += (uint32_t)i;
    return len;
}

void dy_units_build(dy_sentence_parse *s, dy_arena *a) {
    size_t n = s->ntok;
    dy_unit *u = dy_arena_alloc(a, (n + 1) * sizeof *u);
    uint8_t *tok_fw = dy_arena_calloc(a, n + 1, 1);
    s->tok_fw = tok_fw;
    size_t nu = 0;
    int allcaps = sentence_is_allcaps(s->tok, n);
    int32_t day = s->date && *s->date ? dy_day_parse(s->date, strlen(s->date)) : DY_DAY_NONE;
    s->question = 0;
    size_t dateline = s->family == DY_FAM_PETRARCH2 || s->family == DY_FAM_NATIVE ? dy_p2_dateline_end(s->tok, n) : 0;
    for (size_t i = 0; i < n;) {
        const dy_token *t = &s->tok[i];
        dy_unit *x = &u[nu];
        memset(x, 0, sizeof *x);
        x->group = -1;
        x->t0 = (uint32_t)i;
        x->t1 = (uint32_t)i + 1;
        if (t->kind == DY_TOK_PUNCT) {
            x->kind = punct_kind(t);
            if (x->kind == DY_U_END && t->norm[0] == '?') s->question = 1;
            nu++;
            i++;
            continue;
        }
        if (i < dateline && t->kind == DY_TOK_WORD) {
            /* "LYON: Interpol has said": where the story was filed */
            x->kind = DY_U_WORD;
            nu++;
            i++;
            continue;
        }
        if (t->kind == DY_TOK_POSSESSIVE) {
            x->kind = DY_U_WORD;
            x->possessive = 1;
            nu++;
            i++;
            continue;
        }
        dy_actor_hit ah = {0};
        dy_agent_hit gh = {0};
        dy_verb_hit vh = {0};
        /* most tokens start no phrase at all (dy_dict_tok.starts): no trie walk */
        int known = s->dt[i].word != 0 || s->dt[i].next != 0;
        int starts = s->dt[i].starts != 0;
        size_t la = starts ? dy_dict_actor_match(s->d, s->dt, n, i, &ah) : 0;
        size_t lg = starts ? dy_dict_agent_match(s->d, s->dt, n, i, &gh) : 0;
        size_t lv = starts ? dy_dict_verb_match(s->d, s->dt, n, i, &vh) : 0;
        if (!lv && known && s->family == DY_FAM_TABARI) lv = tabari_d_ending(s, i, &vh);
        if (lv && (!verb_allowed(s, u, nu, i, allcaps) || noun_after_article(s, u, nu, i, &vh))) lv = 0;
        if (lv && s->family == DY_FAM_PETRARCH2 && dy_p2_verb_is_noun(s, u, nu, i, i + lv)) lv = 0;
        if (lv && s->family == DY_FAM_NATIVE && n_verb_is_noun(s, u, nu, vh.verb, i + lv)) lv = 0;
        /* native: "the Rio de Janeiro Port said" is no Port Said: a
         * capitalised name whose last word is a lower-case verb form */
        if (la > 1 && s->family == DY_FAM_NATIVE && !allcaps && (t->flags & DY_TOKF_CAPITAL) &&
            !(s->tok[i + la - 1].flags & DY_TOKF_CAPITAL)) {
            dy_verb_hit last;
            if (dy_dict_verb_match(s->d, s->dt, n, i + la - 1, &last) > 0) la = 0;
        }
        /* native: "50 Mexican pesos", "U.S. dollars": a currency names no actor */
        if (la && s->family == DY_FAM_NATIVE && i + la < n && currency_word(&s->tok[i + la])) la = 0;
        /* native: "told us" is the pronoun, "the US" the country: a
         * lower-case "us" in mixed-case text is no actor */
        if (la == 1 && s->family == DY_FAM_NATIVE && !allcaps && !(t->flags & DY_TOKF_CAPITAL) &&
            t->norm_len == 2 && !memcmp(t->norm, "us", 2))
            la = 0;
        if (s->family == DY_FAM_PETRARCH2 || s->family == DY_FAM_NATIVE) {
            if (la && dy_p2_acronym_mismatch(s, u, nu, i, la, allcaps)) la = 0;
            /* a name the article tied to an actor earlier ("Kim Jong Un") */
            const dy_actor_code *learnt = NULL;
            size_t ln = s->names ? dy_p2_name_match(s->names, s->tok, n, i, &learnt) : 0;
            if (ln && ln >= la && ln >= lg && ln >= lv) {
                x->kind = DY_U_ACTOR;
                x->actor = learnt;
                x->t1 = (uint32_t)(i + ln);
                i = x->t1;
                nu++;
                continue;
            }
        }
        if (la && la >= lg && la >= lv) {
            x->kind = DY_U_ACTOR;
            x->actor = actor_code_on(ah.entry, day, s->family);
            x->t1 = (uint32_t)(i + la);
        } else if (lg && lg >= lv) {
            x->kind = DY_U_AGENT;
            x->agent = gh.entry;
            x->t1 = (uint32_t)(i + lg);
        } else if (lv) {
            x->kind = DY_U_VERB;
            x->verb = vh.form;
            x->verb_tok = vh.verb;
            x->t1 = (uint32_t)(i + lv);
        } else {
            x->fw = (uint8_t)(s->fwx ? dy_fword_find(s->fwx, t->norm, t->norm_len) : dy_fword_of(t->norm, t->norm_len));
            tok_fw[i] = x->fw;
            x->kind = (x->fw == DY_FW_PRON || x->fw == DY_FW_POSSPRON) ? DY_U_PRONOUN : DY_U_WORD;
            if (x->fw == DY_FW_MODAL && month_may(s->tok, n, i)) tok_fw[i] = x->fw = DY_FW_NONE;
        }
        i = x->t1;
        nu++;
    }
    s->u = u;
    s->nu = nu;
}
