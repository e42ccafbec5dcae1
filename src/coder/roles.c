/* Who does what to whom within a sentence: clause edges, the subject and
 * object of a verb, passives, and the family rules that pick among them
 * (TABARI's first actor of the clause, PETRARCH-2's and native nearest
 * subject). Pure functions of the parse; coder.c decides what to do with
 * their answers. */
#include "coder/coder.h"
#include "coder/n.h"
#include "coder/p2.h"
#include <string.h>

/* An auxiliary, or "to" ("wants to attack"). */
static int is_aux(const dy_unit *x) {
    return dy_unit_is_aux(x) || (x->kind == DY_U_WORD && x->fw == DY_FW_TO);
}

/* "was attacked", "has been attacked", "were reportedly attacked". */
/* An adverb in -ly ("forcefully"), one word unit. */
static int ly_adverb(const dy_sentence_parse *s, const dy_unit *x) {
    if (x->kind != DY_U_WORD || x->fw != DY_FW_NONE || x->t1 != x->t0 + 1) return 0;
    const dy_token *t = &s->tok[x->t0];
    return t->norm_len > 4 && !memcmp(t->norm + t->norm_len - 2, "ly", 2);
}

/* A word of a date or time of day ("May", "28", "Monday", "night"). */
static int time_word(const dy_sentence_parse *s, const dy_unit *x) {
    static const char *const words[] = {"january", "february", "march", "april", "may", "june", "july",
                                        "august", "september", "october", "november", "december", "monday",
                                        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                        "morning", "evening", "night", "afternoon", "last", "early", "late"};
    if (x->kind != DY_U_WORD || x->t1 != x->t0 + 1) return 0;
    const dy_token *t = &s->tok[x->t0];
    if (t->kind == DY_TOK_NUMBER) return 1;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (t->norm_len == strlen(words[i]) && !memcmp(t->norm, words[i], t->norm_len)) return 1;
    return 0;
}

/* "on May 28", "in the night": a preposition opening a time phrase that
 * runs up to unit v. */
static int time_phrase_at(const dy_sentence_parse *s, size_t k, size_t v) {
    const dy_unit *x = &s->u[k];
    if (x->kind != DY_U_WORD || x->fw != DY_FW_PREP || k + 1 >= v) return 0;
    for (size_t j = k + 1; j < v; j++)
        if (!time_word(s, &s->u[j]) && !(s->u[j].kind == DY_U_WORD && s->u[j].fw == DY_FW_DET)) return 0;
    return 1;
}

int dy_is_passive(const dy_sentence_parse *s, size_t v) {
    size_t seen = 0, adverbs = 0;
    for (size_t k = v; k-- > 0 && seen < 3;) {
        const dy_unit *x = &s->u[k];
        /* native: adverbs and time phrases do not count ("was forcefully and
         * rightly criticized", "was on May 28 stabbed") */
        if (s->family == DY_FAM_NATIVE && adverbs < 6 &&
            (ly_adverb(s, x) || time_word(s, x) || time_phrase_at(s, k, v) ||
             (x->kind == DY_U_WORD && x->fw == DY_FW_CONJ && k > 0 && ly_adverb(s, &s->u[k - 1]) &&
              ly_adverb(s, &s->u[k + 1])))) {
            adverbs++;
            continue;
        }
        seen++;
        if (x->kind != DY_U_WORD) return 0;
        if (x->fw == DY_FW_BE) {
            const dy_token *t = &s->tok[s->u[v].verb_tok];
            /* "is attacking" is active */
            return !(t->norm_len > 3 && !memcmp(t->norm + t->norm_len - 3, "ing", 3));
        }
        if (x->fw != DY_FW_NONE && x->fw != DY_FW_NEG && x->fw != DY_FW_HAVE) return 0;
    }
    return 0;
}

static int is_adjective(const dy_sentence_parse *s, size_t k) {
    const dy_class_entry *ce;
    return s->u[k].kind == DY_U_WORD && s->u[k].fw == DY_FW_NONE &&
           dy_dict_class_match(s->d, DY_CLASS_ADJECTIVE, s->dt, s->ntok, s->u[k].t0, &ce) > 0;
}

static int same_actors(const dy_group *a, const dy_group *b) {
    if (a->nm != b->nm) return 0;
    for (uint32_t i = 0; i < a->nm; i++)
        if (strcmp(a->m[i].code, b->m[i].code)) return 0;
    return 1;
}

/* Does a new clause start at unit k? A conjunction outside any actor list,
 * or a ';', followed by a verb phrase, perhaps with its own subject and an
 * adverb or two: "... but Dagolath promised", "... or assail Arnor",
 * "... and then it requested". */
int dy_clause_starts_at(const dy_sentence_parse *s, size_t k) {
    const dy_unit *x = &s->u[k];
    int conj = x->kind == DY_U_WORD && (x->fw == DY_FW_CONJ || x->fw == DY_FW_BUT) && x->group < 0;
    int semi = x->kind == DY_U_BREAK && s->tok[x->t0].norm[0] == ';';
    /* PETRARCH-1 codes the verb of ", a senior official said" on its own */
    int comma = x->kind == DY_U_COMMA && s->family == DY_FAM_PETRARCH1;
    if (!conj && !semi && !comma) return 0;
    /* TABARI: "awful and evil minister" joins two <ADJECTIVE>s, not clauses */
    if (conj && s->family == DY_FAM_TABARI && k > 0 && k + 1 < s->nu && is_adjective(s, k - 1) &&
        is_adjective(s, k + 1))
        return 0;
    size_t j = k + 1, plain = 0;
    while (j < s->nu && plain < 3 && s->u[j].kind == DY_U_WORD &&
           (s->u[j].fw == DY_FW_NONE || (comma && s->u[j].fw == DY_FW_DET)) && !s->u[j].possessive)
        j++, plain++;
    if (j < s->nu && s->u[j].group >= 0) {
        int g = s->u[j].group;
        while (j < s->nu && s->u[j].group == g) j++;
    } else if (comma)
        return 0;
    /* ", the official news agency WFNA said": words after the speaker */
    for (plain = 0; comma && j < s->nu && plain < 3 && s->u[j].kind == DY_U_WORD && s->u[j].fw == DY_FW_NONE;
         plain++)
        j++;
    while (j < s->nu && is_aux(&s->u[j])) j++;
    if (j < s->nu && s->u[j].kind == DY_U_VERB) return 1;
    /* TABARI: "... and then it requested that Elrond assist": a clause whose
     * own verb the dictionary lacks still parts the sentence before a
     * complement clause with a verb */
    if (s->family != DY_FAM_TABARI || comma) return 0;
    for (plain = 0; j < s->nu && plain < 2 && s->u[j].kind == DY_U_WORD && s->u[j].fw == DY_FW_NONE; plain++) j++;
    if (!plain || j >= s->nu || s->u[j].kind != DY_U_WORD || s->u[j].fw != DY_FW_THAT) return 0;
    j++;
    if (j < s->nu && s->u[j].group >= 0) {
        int g = s->u[j].group;
        while (j < s->nu && s->u[j].group == g) j++;
    }
    while (j < s->nu && is_aux(&s->u[j])) j++;
    return j < s->nu && s->u[j].kind == DY_U_VERB;
}

/* The subject of verb v. A conjoined verb ("condemned ... and promised")
 * shares the previous verb's; a relative clause ("X, who visited") takes
 * its antecedent. Otherwise TABARI's rule (first_in_clause) takes the
 * first actor of the clause, which skips the actors of reported speech
 * and of noun complements ("X brushed aside reports that Y attacked Z"
 * has X as the source); the default takes the nearest group before the
 * verb that is not the object of a preposition. */
int dy_subject_of(const dy_sentence_parse *s, size_t v, int prev_src, size_t clause0,
                      int first_in_clause, size_t *clause_start) {
    size_t k = v;
    while (k > 0 && is_aux(&s->u[k - 1])) k--;
    *clause_start = clause0;
    if (k > 0) {
        const dy_unit *x = &s->u[k - 1];
        if (x->kind == DY_U_WORD && (x->fw == DY_FW_CONJ || x->fw == DY_FW_BUT) && prev_src >= 0 &&
            (k < 2 || s->u[k - 2].group < 0 || s->g[s->u[k - 2].group].in_pp ||
             s->u[k - 2].group != prev_src)) {
            *clause_start = k;
            return prev_src;
        }
        /* native: "against the militant group that has seized": "that" right
         * after a group and right before the verb is a relative pronoun,
         * even when the group is the object of a preposition */
        if (s->family == DY_FAM_NATIVE && x->kind == DY_U_WORD && x->fw == DY_FW_THAT && k >= 2 &&
            n_noun_before_that(s, k - 1)) {
            *clause_start = k;
            return s->u[k - 2].group;
        }
        if (x->kind == DY_U_WORD && x->fw == DY_FW_REL) {
            *clause_start = k;
            for (size_t j = k - 1; j-- > 0;) {
                if (s->u[j].kind == DY_U_COMMA) continue;
                return s->u[j].group;
            }
            return -1;
        }
    }
    if (first_in_clause) {
        for (size_t j = clause0; j < v; j++)
            if (s->u[j].group >= 0) return s->u[j].group;
        return prev_src;
    }
    for (size_t j = v; j-- > 0;) {
        const dy_unit *x = &s->u[j];
        if (x->kind == DY_U_END) break;
        if (x->group >= 0 && !s->g[x->group].in_pp) {
            *clause_start = s->g[x->group].u0;
            return x->group;
        }
    }
    return -1;
}

/* The object: the first group after the verb, before the next verb that
 * the patterns did not take as a word, or the end of the sentence. */
int dy_object_of(const dy_sentence_parse *s, size_t v, int src, int skip_by, const uint8_t *used,
                     int cross_verbs) {
    int self = -1;
    /* native: not past a subordinate clause or a new subject with its verb */
    size_t clause_end = s->family == DY_FAM_NATIVE ? n_clause_end(s, v) : s->ntok;
    for (size_t j = v + 1; j < s->nu; j++) {
        const dy_unit *x = &s->u[j];
        if (x->kind == DY_U_END) break;
        if (x->kind == DY_U_BREAK && s->tok[x->t0].norm[0] == ';') break;
        /* PETRARCH-2: ", Y's spokesman said" is a clause of its own */
        if ((s->family == DY_FAM_PETRARCH2 || s->family == DY_FAM_NATIVE) && dy_p2_clause_after_comma(s, j)) break;
        if (s->family == DY_FAM_NATIVE && (n_trailing_attribution(s, j) || x->t0 >= clause_end)) break;
        if ((s->family == DY_FAM_PETRARCH2 || s->family == DY_FAM_NATIVE) && dy_p2_subordinate_ends(s, v, j)) break;
        /* native: a participle or gerund inside the object's noun phrase
         * ("the plan proposed by X", "a missile capable of reaching X")
         * is no verb of its own, so the object may lie past it */
        if (x->kind == DY_U_VERB && !used[x->t0] && !cross_verbs &&
            !(s->family == DY_FAM_NATIVE && (dy_p2_participle_modifier(s, j, v) || dy_p2_gerund_in_pp(s, j))))
            break;
        if (cross_verbs && x->kind == DY_U_WORD && (x->fw == DY_FW_CONJ || x->fw == DY_FW_BUT) &&
            dy_clause_starts_at(s, j))
            break;
        if (x->group >= 0 && x->group != src) {
            if (skip_by && s->g[x->group].by_pp) continue;
            /* "it" standing for the source itself is not the object while
             * another actor follows ("... that it carried out an attack by
             * Osgiliath soldiers"); with none, reflexive_fix reads it */
            if (src >= 0 && same_actors(&s->g[src], &s->g[x->group])) {
                if (self < 0) self = x->group;
                continue;
            }
            return x->group;
        }
    }
    return self;
}


/* A pronoun object that came out as the source itself ("X urged Y to
 * assist it") means the other party: the nearest earlier actor that is not
 * the source. */
int dy_reflexive_fix(const dy_sentence_parse *s, int src, int tgt) {
    if (src < 0 || tgt < 0 || !s->g[tgt].pronoun || !same_actors(&s->g[src], &s->g[tgt])) return tgt;
    for (size_t j = s->g[tgt].u0; j-- > 0;) {
        int g = s->u[j].group;
        if (g >= 0 && g != src && !s->g[g].pronoun && !same_actors(&s->g[src], &s->g[g])) return g;
    }
    return tgt;
}

int dy_nearest_before(const dy_sentence_parse *s, size_t v, int src, size_t clause0) {
    for (size_t j = v; j-- > clause0;) {
        const dy_unit *x = &s->u[j];
        if (x->kind == DY_U_END) break;
        if (x->group >= 0 && x->group != src) return x->group;
    }
    return -1;
}

/* Native: is verb unit j a participle joined to the one before it ("were
 * killed and six injured by ...")? "and", perhaps a count, then -ed. */
static int joined_participle(const dy_sentence_parse *s, size_t j) {
    const dy_token *t = &s->tok[s->u[j].verb_tok];
    if (s->u[j].t1 != s->u[j].t0 + 1 || t->norm_len < 3 || memcmp(t->norm + t->norm_len - 2, "ed", 2)) return 0;
    size_t k = j;
    for (int words = 0; k > 0 && words < 2 && s->u[k - 1].kind == DY_U_WORD && s->u[k - 1].fw == DY_FW_NONE; words++)
        k--;
    return k > 0 && s->u[k - 1].kind == DY_U_WORD && s->u[k - 1].fw == DY_FW_CONJ;
}

int dy_by_agent_of(const dy_sentence_parse *s, size_t v) {
    size_t reach = s->family == DY_FAM_NATIVE ? 12 : 8;
    for (size_t j = v + 1; j < s->nu && j < v + reach; j++) {
        const dy_unit *x = &s->u[j];
        if (x->kind == DY_U_VERB && s->family == DY_FAM_NATIVE && joined_participle(s, j)) continue;
        if (x->kind == DY_U_END || x->kind == DY_U_VERB) break;
        if (x->group >= 0 && s->g[x->group].by_pp) return x->group;
    }
    return -1;
}

int dy_infinitive_follows(const dy_sentence_parse *s, size_t v) {
    return v + 2 < s->nu && s->u[v + 1].kind == DY_U_WORD && s->u[v + 1].fw == DY_FW_TO &&
           s->u[v + 2].kind == DY_U_VERB;
}
