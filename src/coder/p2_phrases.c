/* Noun phrases and tokens as PETRARCH-2 reads them: when a verb form is
 * a noun, which agent a noun phrase's actor takes, which words name no
 * actor (datelines, a name's last syllable read as an acronym), and
 * discards on blank-separated words. */
#include "coder/p2.h"
#include <string.h>

static int is_plain(const dy_unit *x) {
    return x->kind == DY_U_WORD && x->fw == DY_FW_NONE && !x->possessive;
}

static int ends_with(const dy_token *t, const char *suffix) {
    size_t n = strlen(suffix);
    return t->norm_len > n + 1 && !memcmp(t->norm + t->norm_len - n, suffix, n);
}

static int is_from(const dy_sentence_parse *s, const dy_unit *x) {
    const dy_token *t = &s->tok[x->t0];
    return x->kind == DY_U_WORD && t->norm_len == 4 && !memcmp(t->norm, "from", 4);
}

int dy_p2_verb_is_noun(const dy_sentence_parse *s, const dy_unit *u, size_t nu, size_t i, size_t end) {
    if (nu < 1) return 0;
    /* "bans on travel", "in protest": right after a preposition a form
     * that is no gerund is a noun ("by promoting" stays a verb) */
    const dy_unit *prev = &u[nu - 1];
    if (prev->kind == DY_U_WORD && (prev->fw == DY_FW_PREP || prev->fw == DY_FW_OF || prev->fw == DY_FW_BY) &&
        end == i + 1 && !ends_with(&s->tok[i], "ing"))
        return 1;
    /* "expel exiled leaders", "meet with exiled dissidents": a participle
     * before an agent or actor describes it */
    if (ends_with(&s->tok[i], "ed") && end == i + 1 && end < s->ntok &&
        ((prev->kind == DY_U_WORD && (prev->fw == DY_FW_DET || prev->fw == DY_FW_PREP || prev->fw == DY_FW_OF)) ||
         prev->kind == DY_U_VERB)) {
        dy_agent_hit gh;
        dy_actor_hit ah;
        if (dy_dict_agent_match(s->d, s->dt, s->ntok, end, &gh) || dy_dict_actor_match(s->d, s->dt, s->ntok, end, &ah))
            return 1;
    }
    /* "killed in Israeli tank shelling": the last word of a noun phrase
     * inside a prepositional phrase, with no object of its own */
    if (end == i + 1 && (prev->kind == DY_U_ACTOR || prev->kind == DY_U_AGENT || is_plain(prev))) {
        size_t k = nu, mods = 0;
        while (k > 0 && mods < 3 &&
               (u[k - 1].kind == DY_U_ACTOR || u[k - 1].kind == DY_U_AGENT || is_plain(&u[k - 1])))
            k--, mods++;
        if (k > 0 && u[k - 1].kind == DY_U_WORD && u[k - 1].fw == DY_FW_DET) k--;
        /* what may follow a noun phrase's last word: a preposition, a
         * conjunction, punctuation ("alleged that", "helped to" are verbs) */
        int ends_np = end >= s->ntok || s->tok[end].kind == DY_TOK_PUNCT;
        if (!ends_np) {
            dy_fword next = dy_fword_of(s->tok[end].norm, s->tok[end].norm_len);
            ends_np = next == DY_FW_PREP || next == DY_FW_OF || next == DY_FW_CONJ || next == DY_FW_BUT;
        }
        /* and a verb came before: the phrase is not in the subject ("Hundreds
         * of UN troops withdrew from ..." keeps its verb) */
        int verb_before = 0;
        for (size_t q = k; q-- > 0 && !verb_before;) verb_before = u[q].kind == DY_U_VERB;
        if (ends_np && verb_before && k > 0 && u[k - 1].kind == DY_U_WORD &&
            (u[k - 1].fw == DY_FW_PREP || u[k - 1].fw == DY_FW_OF))
            return 1;
    }
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
    /* "The Russian building was demolished", "the forthcoming visit by X":
     * determiner, modifier, and an auxiliary or a noun's "by" / "of" after
     * the form: the form is the head of a noun phrase */
    if ((mod->kind == DY_U_AGENT || mod->kind == DY_U_ACTOR || is_plain(mod)) && before->kind == DY_U_WORD &&
        before->fw == DY_FW_DET && end < s->ntok) {
        const dy_token *t = &s->tok[end];
        dy_fword fw = dy_fword_of(t->norm, t->norm_len);
        if (fw == DY_FW_BE || fw == DY_FW_HAVE || fw == DY_FW_FUTURE || fw == DY_FW_MODAL || fw == DY_FW_BY ||
            fw == DY_FW_OF)
            return 1;
    }
    return 0;
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

int dy_p2_acronym_mismatch(const dy_sentence_parse *s, const dy_unit *u, size_t nu, size_t i, size_t len,
                           int allcaps) {
    if (allcaps || len != 1 || nu == 0) return 0;
    const dy_token *t = &s->tok[i];
    if (!(t->kind == DY_TOK_WORD && t->norm_len <= 3 && (t->flags & DY_TOKF_CAPITAL) &&
          !(t->flags & DY_TOKF_ALLCAPS) && t->end - t->start > 1))
        return 0;
    /* only as the last part of a name the dictionaries lack ("Kim Jong Un"):
     * "the Fed", "President Xi" keep their actors */
    const dy_unit *prev = &u[nu - 1];
    return prev->kind == DY_U_WORD && prev->fw == DY_FW_NONE && !prev->possessive &&
           (s->tok[prev->t0].flags & DY_TOKF_CAPITAL) && !(s->tok[prev->t0].flags & DY_TOKF_ALLCAPS);
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

/* actor code + agent code, the way PETRARCH-2 mixes them: the agent's code
 * after the actor's, unless the actor's code already ends with it. */
static const char *with_agent(const char *actor, const dy_agent_entry *ag, dy_arena *a) {
    if (!ag || !ag->code || !*ag->code || ag->prefix) return actor;
    size_t na = strlen(actor), ng = strlen(ag->code);
    if (na >= ng && !memcmp(actor + na - ng, ag->code, ng)) return actor;
    char *out = dy_arena_alloc(a, na + ng + 1);
    memcpy(out, actor, na);
    memcpy(out + na, ag->code, ng + 1);
    return out;
}

void dy_p2_np_agents(dy_sentence_parse *s, dy_arena *a) {
    for (size_t k = 0; k < s->ng; k++) {
        dy_group *g = &s->g[k];
        if (g->nm != 1 || g->pronoun || g->m[0].agent || !g->m[0].actor || g->u0 < 3) continue;
        /* back from the actor: adjectives, a determiner, "of" / "in" */
        size_t j = g->u0, words = 0;
        while (j > 0 && words < 2 && is_plain(&s->u[j - 1])) j--, words++;
        if (j > 0 && s->u[j - 1].kind == DY_U_WORD && s->u[j - 1].fw == DY_FW_DET) j--;
        if (j == 0 || s->u[j - 1].kind != DY_U_WORD) continue;
        const dy_token *p = &s->tok[s->u[j - 1].t0];
        if (!(s->u[j - 1].fw == DY_FW_OF || (p->norm_len == 2 && !memcmp(p->norm, "in", 2)))) continue;
        j--;
        /* the head of the noun phrase the actor's phrase belongs to:
         * "an Islamic State target southwest of Baghdad", "a strict Islamic
         * state in northeastern Nigeria" — an agent word used as an
         * adjective there, with no actor of its own */
        for (words = 0; j > 0 && words < 4 && is_plain(&s->u[j - 1]); words++) j--;
        if (j == 0 || !words || s->u[j - 1].kind != DY_U_AGENT || s->u[j - 1].group >= 0) continue;
        size_t ag = j - 1;
        while (ag > 0 && is_plain(&s->u[ag - 1]) && ag + 3 > j) ag--;
        if (ag == 0 || s->u[ag - 1].kind != DY_U_WORD || s->u[ag - 1].fw != DY_FW_DET) continue;
        g->m[0].code = with_agent(g->m[0].code, s->u[j - 1].agent, a);
        g->m[0].agent = s->u[j - 1].agent;
    }
}
