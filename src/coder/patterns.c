/* Verb patterns against one verb of the shallow parse.
 *
 * The elements before '*' are looked for in front of the verb, walking
 * backwards; the elements after it behind the verb, walking forwards.
 * Unless two elements are joined ('_') other words may come between them,
 * so matching is a small backtracking search: patterns are short, and each
 * element only looks at positions of its own sentence. $ + % ^ take a
 * whole actor group.
 *
 * PETRARCH-2 phrase patterns are matched the same way, which is what a
 * shallow parse can offer: a noun-phrase head is a word, {a b head} words
 * close together, (prep ...) the preposition with its nouns soon after. */
#include "coder/coder.h"
#include "coder/n.h"
#include <string.h>

/* How far apart the words of a {noun phrase} or a (prep phrase) may be. */
enum { NP_SPREAD = 3, PP_SPREAD = 6, SEQ_SPREAD = 4, MAX_BACK = 8 };

typedef struct {
    const dy_sentence_parse *s;
    int src, tgt;
    uint8_t *used;
    size_t end;              /* first token the lower part may not reach */
    int subject_np;          /* PETRARCH-2: a noun before '*' heads the subject, not a phrase in it */
} match_state;

/* Is token b inside a prepositional phrase, walking back over its noun
 * phrase's words ("Hundreds of UN troops": "troops" is, "Hundreds" is not)? */
static int inside_pp(const dy_sentence_parse *s, long b) {
    if (!s->tok_fw) return 0;
    for (long k = b - 1, words = 0; k >= 0 && words < 5; k--, words++) {
        const dy_token *t = &s->tok[k];
        if (t->kind != DY_TOK_WORD) return 0;
        dy_fword fw = (dy_fword)s->tok_fw[k];
        if (fw == DY_FW_OF || fw == DY_FW_PREP || fw == DY_FW_BY) return 1;
        if (fw != DY_FW_NONE && fw != DY_FW_DET) return 0;
    }
    return 0;
}

static int group_at(const dy_sentence_parse *s, size_t t) { return s->group_start[t]; }

static int word_present(const dy_sentence_parse *s, dy_word w) {
    if (!s->present) return 1;
    if (!w || w >= s->present_bits) return 0;
    return (s->present[w >> 3] >> (w & 7)) & 1;
}

static int seq_possible(const dy_sentence_parse *s, const dy_pat_seq *q);

static int synset_possible(const dy_sentence_parse *s, const dy_synset *syn) {
    dy_synset_memo *m = s->memo;
    if (!m || !m->cap || m->nused * 2 >= m->cap) {
        for (uint32_t k = 0; k < syn->nmembers; k++)
            if (seq_possible(s, &syn->members[k])) return 1;
        return 0;
    }
    size_t h = ((uintptr_t)syn >> 4) & (m->cap - 1);
    while (m->key[h] && m->key[h] != syn) h = (h + 1) & (m->cap - 1);
    if (m->key[h]) return m->val[h] == 1;
    int ok = 0;
    for (uint32_t k = 0; k < syn->nmembers && !ok; k++) ok = seq_possible(s, &syn->members[k]);
    m->key[h] = syn;
    m->val[h] = ok ? 1 : 2;
    m->used[m->nused++] = (uint32_t)h;
    return ok;
}

/* Every literal word of a sequence must occur somewhere in the sentence. */
static int seq_possible(const dy_sentence_parse *s, const dy_pat_seq *q) {
    for (uint32_t k = 0; k < q->n; k++) {
        const dy_pat_elem *e = &q->elems[k];
        switch ((dy_pat_kind)e->kind) {
        case DY_PE_WORD:
            if (!word_present(s, e->word)) return 0;
            break;
        case DY_PE_NP_HEAD:
            if (e->synset ? !synset_possible(s, e->synset) : !word_present(s, e->word)) return 0;
            break;
        case DY_PE_SYNSET:
            if (!e->synset || !synset_possible(s, e->synset)) return 0;
            break;
        case DY_PE_PP:
            if (!word_present(s, e->word) || !seq_possible(s, &e->sub)) return 0;
            break;
        case DY_PE_NP:
            if (!seq_possible(s, &e->sub)) return 0;
            break;
        case DY_PE_LITERAL:
            return 0;
        default:
            break;
        }
    }
    return 1;
}

/* TABARI tries longer patterns first: "* DOLLAR" before "* &CURRENCY". */
static uint32_t alnum_chars(const char *t) {
    uint32_t n = 0;
    for (; t && *t; t++)
        if (((*t | 32) >= 'a' && (*t | 32) <= 'z') || (*t >= '0' && *t <= '9')) n++;
    return n;
}

static uint32_t seq_chars(const dy_pat_seq *q) {
    uint32_t n = 0;
    for (uint32_t k = 0; k < q->n; k++) n += alnum_chars(q->elems[k].text);
    return n;
}

/* TABARI's length counts words only: a synset's name adds nothing, and a
 * {a | b} group adds its shortest alternative. Built from the elements. */
uint32_t dy_pattern_tabari_length(const dy_pattern *p) {
    uint32_t len = 0;
    const dy_pat_seq *parts[2] = {&p->pre, &p->post};
    for (int h = 0; h < 2; h++)
        for (uint32_t k = 0; k < parts[h]->n; k++) {
            const dy_pat_elem *e = &parts[h]->elems[k];
            if (e->kind == DY_PE_WORD) {
                len += alnum_chars(e->text);
            } else if (e->kind == DY_PE_ALT && e->nalts) {
                uint32_t shortest = UINT32_MAX;
                for (uint32_t a = 0; a < e->nalts; a++) {
                    uint32_t n = seq_chars(&e->alts[a]);
                    if (n < shortest) shortest = n;
                }
                len += shortest;
            }
        }
    return len;
}

int dy_synset_possible(const dy_sentence_parse *s, const dy_synset *syn) { return synset_possible(s, syn); }

int dy_pattern_possible(const dy_sentence_parse *s, const dy_pattern *p) {
    if (p->flags & DY_PAT_DEAD) return 0;
    return seq_possible(s, &p->pre) && seq_possible(s, &p->post);
}

static size_t elem_len_at(const match_state *m, const dy_pat_elem *e, size_t t, int *g);

/* Does a verb unit start at token t? (Units are in token order.) */
static int verb_starts_at(const dy_sentence_parse *s, size_t t) {
    size_t lo = 0, hi = s->nu;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->u[mid].t0 < t) lo = mid + 1;
        else hi = mid;
    }
    return lo < s->nu && s->u[lo].t0 == t && s->u[lo].kind == DY_U_VERB;
}

/* A sequence inside an element (a synset member, an alternative, a noun
 * phrase): its first element at t, each next one immediately after when
 * joined with '_', else within `spread` tokens. Returns tokens covered, 0
 * when it does not match at t. `exact` turns stems off. */
static size_t seq_len_at(const match_state *m, const dy_pat_seq *q, size_t t, size_t spread, int exact) {
    size_t pos = t;
    for (uint32_t k = 0; k < q->n; k++) {
        size_t found = 0, len = 0;
        int joined = k > 0 && q->elems[k - 1].join_next;
        size_t limit = (k == 0 || joined) ? pos + 1 : pos + 1 + spread;
        for (size_t p = pos; p < limit && p < m->end; p++) {
            int g;
            const dy_pat_elem *e = &q->elems[k];
            if (exact && e->kind == DY_PE_WORD && e->mode == DY_MATCH_STEM)
                len = m->s->dt[p].word == e->word ? 1 : 0;
            else
                len = elem_len_at(m, e, p, &g);
            if (len) {
                found = p + 1;
                break;
            }
        }
        if (!found) return 0;
        pos = found - 1 + len;
    }
    return pos - t;
}

static size_t elem_len_at(const match_state *m, const dy_pat_elem *e, size_t t, int *g) {
    const dy_sentence_parse *s = m->s;
    *g = -1;
    if (t >= s->ntok) return 0;
    switch ((dy_pat_kind)e->kind) {
    case DY_PE_WORD: {
        /* in a TABARI pattern a word ending in '_' is that word only ("RESOLUTION_") */
        dy_match_mode mode = (dy_match_mode)e->mode;
        if (s->family == DY_FAM_TABARI && mode == DY_MATCH_NOUN) mode = DY_MATCH_EXACT;
        return dy_dict_tok_matches(&s->dt[t], e->word, mode) ? 1 : 0;
    }
    case DY_PE_NP_HEAD:
        if (e->synset) goto synset;
        return dy_dict_tok_matches(&s->dt[t], e->word, (dy_match_mode)e->mode) ? 1 : 0;
    case DY_PE_SOURCE:
    case DY_PE_TARGET:
    case DY_PE_COMPOUND:
    case DY_PE_SKIP:
        *g = group_at(s, t);
        if (*g < 0) return 0;
        if (e->kind == DY_PE_COMPOUND && s->g[*g].nm < 2) {
            *g = -1;
            return 0;
        }
        return s->u[s->g[*g].u1 - 1].t1 - t;
    case DY_PE_SYNSET:
    synset: {
        if (!e->synset || !synset_possible(s, e->synset)) return 0;
        size_t best = 0;
        for (uint32_t k = 0; k < e->synset->nmembers; k++) {
            const dy_pat_seq *mem = &e->synset->members[k];
            /* most members fail on their first word: test it before recursing */
            if (mem->n && mem->elems[0].kind == DY_PE_WORD &&
                !dy_dict_tok_matches(&s->dt[t], mem->elems[0].word, (dy_match_mode)mem->elems[0].mode))
                continue;
            size_t len = seq_len_at(m, mem, t, SEQ_SPREAD, 0);
            if (len > best) best = len;
        }
        return best;
    }
    case DY_PE_ALT: {
        size_t best = 0;
        for (uint32_t k = 0; k < e->nalts; k++) {
            size_t len = seq_len_at(m, &e->alts[k], t, SEQ_SPREAD, 0);
            if (len > best) best = len;
        }
        return best;
    }
    case DY_PE_NP:
        return seq_len_at(m, &e->sub, t, NP_SPREAD, 0);
    case DY_PE_PP: {
        if (!dy_dict_tok_matches(&s->dt[t], e->word, DY_MATCH_EXACT)) return 0;
        /* PETRARCH-2: "to lift" is an infinitive, no (TO ...) phrase */
        if (s->family == DY_FAM_PETRARCH2 && t + 1 < s->ntok && verb_starts_at(s, t + 1)) return 0;
        if (e->sub.n == 0) return 1;
        for (size_t p = t + 1; p < t + 1 + PP_SPREAD && p < m->end; p++) {
            size_t len = seq_len_at(m, &e->sub, p, NP_SPREAD, 0);
            if (len) return p + len - t;
        }
        return 0;
    }
    default:
        return 0;
    }
}

static int is_word_elem(const dy_pat_elem *e) {
    return e->kind != DY_PE_SOURCE && e->kind != DY_PE_TARGET && e->kind != DY_PE_COMPOUND &&
           e->kind != DY_PE_SKIP;
}

static void assign_role(match_state *m, const dy_pat_elem *e, int g) {
    if (e->kind == DY_PE_SOURCE) m->src = g;
    else if (e->kind == DY_PE_TARGET) m->tgt = g;
    else if (e->kind == DY_PE_COMPOUND) m->src = m->tgt = g;
}

/* Elements k.. of q (the part after the verb), the first of them at pos, or
 * later when not adjacent. */
static int match_lower(match_state *m, const dy_pat_seq *q, uint32_t k, size_t pos, int adjacent) {
    if (k >= q->n) return 1;
    const dy_pat_elem *e = &q->elems[k];
    /* PETRARCH-2: a noun phrase of the verb phrase is one of its own
     * children, never a noun inside one of its prepositional phrases
     * ("made his remarks ... at the start of a trip" is no "* TRIP") */
    int own_np = m->s->family == DY_FAM_PETRARCH2 && (e->kind == DY_PE_NP_HEAD || e->kind == DY_PE_NP);
    for (size_t t = pos; t < m->end; t++) {
        int g;
        if (own_np && t > pos) {
            dy_fword fw = m->s->tok_fw ? (dy_fword)m->s->tok_fw[t - 1]
                                       : dy_fword_of(m->s->tok[t - 1].norm, m->s->tok[t - 1].norm_len);
            if (fw == DY_FW_PREP || fw == DY_FW_OF || fw == DY_FW_BY || fw == DY_FW_TO) break;
        }
        size_t len = elem_len_at(m, e, t, &g);
        if (len) {
            int ss = m->src, st = m->tgt;
            assign_role(m, e, g);
            /* "&SET_WORD": TABARI (not PETRARCH-1) does not hold a synset to the '_' after it */
            int join = e->join_next && !(e->kind == DY_PE_SYNSET && m->s->family == DY_FAM_TABARI);
            if (match_lower(m, q, k + 1, t + len, join)) {
                if (is_word_elem(e))
                    for (size_t x = t; x < t + len; x++) m->used[x] = 1;
                return 1;
            }
            m->src = ss;
            m->tgt = st;
        }
        if (adjacent) break;
    }
    return 0;
}

/* Elements k, k-1, ... 0 of q (the part before the verb), element k ending
 * at token pos (adjacent) or anywhere before it. Candidates are tried
 * nearest first, which is how TABARI's '$' picks the closest actor. */
static int match_upper(match_state *m, const dy_pat_seq *q, long k, long pos, int adjacent) {
    if (k < 0) return 1;
    const dy_pat_elem *e = &q->elems[k];
    long lowest = adjacent ? pos - MAX_BACK : 0;
    if (lowest < 0) lowest = 0;
    for (long b = pos; b >= lowest; b--) {
        int g;
        size_t len = elem_len_at(m, e, (size_t)b, &g);
        if (!len) continue;
        long t = b + (long)len - 1;
        if (t > pos || (adjacent && t != pos)) continue;
        if (m->subject_np && (e->kind == DY_PE_NP_HEAD || e->kind == DY_PE_NP || e->kind == DY_PE_SYNSET) &&
            inside_pp(m->s, b))
            continue;
        int ss = m->src, st = m->tgt;
        assign_role(m, e, g);
        int prev_adjacent = k > 0 && q->elems[k - 1].join_next &&
                            !(q->elems[k - 1].kind == DY_PE_SYNSET && m->s->family == DY_FAM_TABARI);
        if (match_upper(m, q, k - 1, b - 1, prev_adjacent)) {
            if (is_word_elem(e))
                for (long x = b; x <= t; x++) m->used[x] = 1;
            return 1;
        }
        m->src = ss;
        m->tgt = st;
    }
    return 0;
}

int dy_pattern_match(const dy_sentence_parse *s, size_t v, const dy_pattern *p, int *src, int *tgt,
                     uint8_t *used) {
    if (p->flags & DY_PAT_DEAD) return 0;
    match_state m = {s, -1, -1, used, s->ntok, 0};
    m.subject_np = (p->flags & DY_PAT_PHRASE) && s->family == DY_FAM_PETRARCH2;
    const dy_unit *vu = &s->u[v];
    /* The lower part stays inside the sentence: stop at its final mark. */
    /* A PETRARCH-2 phrase pattern reads the verb phrase only: it ends at
     * the next comma or clause mark too ("staged a protest in Beijing, ...
     * unfurling `Free Tibet' banners" is no "* FREE"). */
    int phrase = (p->flags & DY_PAT_PHRASE) && (s->family == DY_FAM_PETRARCH2 || s->family == DY_FAM_NATIVE);
    for (size_t k = v + 1; k < s->nu; k++)
        if (s->u[k].kind == DY_U_END || (phrase && (s->u[k].kind == DY_U_COMMA || s->u[k].kind == DY_U_BREAK))) {
            m.end = s->u[k].t0;
            break;
        }
    if (s->family == DY_FAM_NATIVE) {
        size_t clause_end = n_clause_end(s, v);
        if (clause_end < m.end) m.end = clause_end;
    }
    int up_adjacent = p->pre.n > 0 && p->pre.elems[p->pre.n - 1].join_next &&
                      !(p->pre.elems[p->pre.n - 1].kind == DY_PE_SYNSET && s->family == DY_FAM_TABARI);
    if (!match_upper(&m, &p->pre, (long)p->pre.n - 1, (long)vu->t0 - 1, up_adjacent)) return 0;
    int low_adjacent = (p->flags & DY_PAT_VERB_JOIN) != 0;
    if (!match_lower(&m, &p->post, 0, vu->t1, low_adjacent)) return 0;
    *src = m.src;
    *tgt = m.tgt;
    return 1;
}

int dy_pattern_match_regions(const dy_sentence_parse *s, const dy_pattern *p, size_t upper_end, size_t lower_from,
                             size_t lower_end, uint8_t *used) {
    if (p->flags & DY_PAT_DEAD) return 0;
    if (p->pre.n && !upper_end) return 0;
    match_state m = {s, -1, -1, used, lower_end < s->ntok ? lower_end : s->ntok, 0};
    if (!match_upper(&m, &p->pre, (long)p->pre.n - 1, (long)upper_end - 1, 0)) return 0;
    return match_lower(&m, &p->post, 0, lower_from, 0);
}
