/* Reading the compiled dictionary: token resolution, longest-match trie
 * walks, date-aware actor codes, and the accessors of dict.h. Everything
 * here is a pure read of an immutable structure. */
#include "dict/dict_impl.h"
#include <string.h>

/* ---------------------------------------------------------------- tokens */

static uint8_t ending_of(const char *rest, size_t n) {
    if ((n == 1 && rest[0] == 's') || (n == 2 && rest[0] == 'e' && rest[1] == 's'))
        return DY_END_NOUN | DY_END_VERB;
    if (n == 2 && rest[0] == 'e' && (rest[1] == 'd' || rest[1] == 'n')) return DY_END_VERB;
    if (n == 3 && !memcmp(rest, "ing", 3)) return DY_END_VERB;
    return 0;
}

/* Tokens longer than this hash their prefixes one by one (rare). */
#define PREFIX_HASH_MAX 64

/* The tries whose root has an edge by the token's word; every trie when it
 * has stem entries (those are not worth sorting out). */
static uint8_t starts_of(const dyad_dict *d, const dy_dict_tok *t) {
    if (t->next) return (uint8_t)((1u << DY_TRIE_COUNT) - 1);
    if (!t->word) return 0;
    return (uint8_t)((d->wext.v[t->word] / DY_WEXT_ROOT0) & ((1u << DY_TRIE_COUNT) - 1));
}

static void tok_resolve(const dyad_dict *d, const char *norm, size_t len, dy_dict_tok *out);

void dy_dict_tok_resolve(const dyad_dict *d, const char *norm, size_t len, dy_dict_tok *out) {
    tok_resolve(d, norm, len, out);
    out->starts = d ? starts_of(d, out) : 0;
}

static void tok_resolve(const dyad_dict *d, const char *norm, size_t len, dy_dict_tok *out) {
    out->next = 0;
    if (!d || !d->has_ext || len > PREFIX_HASH_MAX) {
        out->word = dy_dict_word(d, norm, len);
        if (!d || !d->has_ext) return;
    }
    /* every prefix of the token is looked up: hash them all in one pass */
    uint64_t h[PREFIX_HASH_MAX + 1];
    int hashed = len <= PREFIX_HASH_MAX;
    if (hashed) {
        dy_vocab_prefix_hashes(norm, len, h);
        out->word = len ? dy_vocab_find_hashed(d, norm, len, h[len]) : 0;
    }
    for (size_t l = len; l-- > 1 && out->next < DY_TOK_MAX_EXT;) {
        if (hashed && !dy_xfilter_maybe(d, h[l])) continue;
        dy_word w = hashed ? dy_vocab_find_hashed(d, norm, l, h[l]) : dy_dict_word(d, norm, l);
        if (!w || !dy_dict_word_is_ext(d, w)) continue;
        dy_tok_ext *e = &out->ext[out->next++];
        e->word = w;
        e->rest = (uint8_t)(len - l > 255 ? 255 : len - l);
        e->ending = ending_of(norm + l, len - l);
    }
}


/* ---------------------------------------------------------------- trie walks */

typedef struct {
    const dyad_dict *d;
    const dy_dict_tok *toks;
    size_t n;
    size_t best_end;
    uint32_t best_pay;
    uint32_t root;
    int trie;
    uint16_t root_bit;           /* DY_WEXT_ROOT0 << trie */
    uint16_t deep_bit;           /* DY_WEXT_DEEP0 << trie */
} walk_state;

static void walk(walk_state *w, uint32_t node, size_t pos);
static void visit(walk_state *w, uint32_t node, uint32_t pay, uint8_t mask, size_t pos);

/* Follow every edge out of node (mask: its nmask) that token t can take
 * (edges with the given gap bit), exact words first so that ties go to
 * exact matches. */
static void step(walk_state *w, uint32_t node, uint8_t mask, const dy_dict_tok *t, size_t next, unsigned gap) {
    const dyad_dict *d = w->d;
    /* a word that starts (continues) no phrase of this trie needs no probe */
    uint16_t need = node == w->root ? w->root_bit : w->deep_bit;
    if (t->word && (d->wext.v[t->word] & need)) {
        static const unsigned order[4] = {DY_MATCH_EXACT, DY_MATCH_NOUN, DY_MATCH_VERB,
                                          DY_MATCH_STEM};
        for (int k = 0; k < 4; k++) {
            unsigned m = order[k];
            if (!(mask & (1u << (m * 2 + gap)))) continue;
            if (m == DY_MATCH_EXACT && !gap && node == w->root && d->rootc) {
                const dy_root_edge *r = &d->rootc[(size_t)t->word * DY_ROOT_STRIDE + w->trie];
                if (r->child) visit(w, r->child, r->pay_mask >> 8, (uint8_t)r->pay_mask, next);
                continue;
            }
            uint32_t c = dy_trie_child_inline(d, node, dy_edge_bits(t->word, m, gap));
            if (c) walk(w, c, next);
        }
    }
    for (unsigned i = 0; i < t->next; i++) {
        const dy_tok_ext *e = &t->ext[i];
        if (!(d->wext.v[e->word] & need)) continue;
        if ((e->ending & DY_END_NOUN) && (mask & (1u << (DY_MATCH_NOUN * 2 + gap)))) {
            uint32_t c = dy_trie_child_inline(d, node, dy_edge_bits(e->word, DY_MATCH_NOUN, gap));
            if (c) walk(w, c, next);
        }
        if ((e->ending & DY_END_VERB) && (mask & (1u << (DY_MATCH_VERB * 2 + gap)))) {
            uint32_t c = dy_trie_child_inline(d, node, dy_edge_bits(e->word, DY_MATCH_VERB, gap));
            if (c) walk(w, c, next);
        }
        if (mask & (1u << (DY_MATCH_STEM * 2 + gap))) {
            uint32_t c = dy_trie_child_inline(d, node, dy_edge_bits(e->word, DY_MATCH_STEM, gap));
            if (c) walk(w, c, next);
        }
    }
}

/* walk with the node's payload and mask already in hand */
static void visit(walk_state *w, uint32_t node, uint32_t pay, uint8_t mask, size_t pos) {
    if (pay && pos > w->best_end) {
        w->best_end = pos;
        w->best_pay = pay;
    }
    if (!mask || pos >= w->n) return;
    if (mask & 0x55) step(w, node, mask, &w->toks[pos], pos + 1, 0);
    if (mask & 0xAA)
        for (size_t p = pos; p < w->n; p++) step(w, node, mask, &w->toks[p], p + 1, 1);
}

static void walk(walk_state *w, uint32_t node, size_t pos) {
    visit(w, node, w->d->npay.v[node], w->d->nmask.v[node], pos);
}

static size_t trie_match(const dyad_dict *d, int trie, const dy_dict_tok *toks, size_t n, size_t i,
                         uint32_t *pay) {
    *pay = 0;
    if (!d || i >= n) return 0;
    walk_state w = {d, toks, n, i, 0, d->root[trie], trie, (uint16_t)(DY_WEXT_ROOT0 << trie),
                    (uint16_t)(DY_WEXT_DEEP0 << trie)};
    const dy_dict_tok *t = &toks[i];
    if (!t->next && d->rootc && d->nmask.v[w.root] == 1u << (DY_MATCH_EXACT * 2)) {
        /* Only exact, gapless edges leave the root (PETRARCH, and most
         * tries of a native set): for a token without stems the root step
         * is the row, and most tokens start nothing (every trie is tried
         * at every token). */
        if (!((t->starts >> trie) & 1)) return 0;
        const dy_root_edge *r = &d->rootc[(size_t)t->word * DY_ROOT_STRIDE + trie];
        if (!r->child) return 0;
        visit(&w, r->child, r->pay_mask >> 8, (uint8_t)r->pay_mask, i + 1);
    } else {
        walk(&w, d->root[trie], i);
    }
    if (!w.best_pay) return 0;
    *pay = w.best_pay;
    return w.best_end - i;
}

size_t dy_dict_actor_match(const dyad_dict *d, const dy_dict_tok *toks, size_t n, size_t i,
                           dy_actor_hit *out) {
    uint32_t p;
    size_t k = trie_match(d, DY_TRIE_ACTOR, toks, n, i, &p);
    if (out) {
        out->start = (uint32_t)i;
        out->end = (uint32_t)(i + k);
        out->entry = k ? &d->actors.v[p - 1] : NULL;
    }
    return k;
}

size_t dy_dict_agent_match(const dyad_dict *d, const dy_dict_tok *toks, size_t n, size_t i,
                           dy_agent_hit *out) {
    uint32_t p;
    size_t k = trie_match(d, DY_TRIE_AGENT, toks, n, i, &p);
    if (out) {
        out->start = (uint32_t)i;
        out->end = (uint32_t)(i + k);
        out->entry = k ? &d->agents.v[p - 1] : NULL;
    }
    return k;
}

size_t dy_dict_class_match(const dyad_dict *d, dy_word_class cls, const dy_dict_tok *toks,
                           size_t n, size_t i, const dy_class_entry **out) {
    uint32_t p;
    size_t k = trie_match(d, cls == DY_CLASS_NOUN ? DY_TRIE_NOUN : DY_TRIE_ADJ, toks, n, i, &p);
    if (out) *out = k ? &d->classes.v[p - 1] : NULL;
    return k;
}

size_t dy_dict_verb_match(const dyad_dict *d, const dy_dict_tok *toks, size_t n, size_t i,
                          dy_verb_hit *out) {
    uint32_t p;
    size_t k = trie_match(d, DY_TRIE_VERB, toks, n, i, &p);
    if (out) {
        out->start = (uint32_t)i;
        out->end = (uint32_t)(i + k);
        out->form = k ? &d->forms.v[p - 1] : NULL;
        out->verb = (uint32_t)i + (k ? out->form->verb_word : 0);
    }
    return k;
}

size_t dy_dict_discard_match(const dyad_dict *d, const dy_dict_tok *toks, size_t n, size_t i,
                             const dy_discard_entry **out) {
    uint32_t p;
    size_t k = trie_match(d, DY_TRIE_DISCARD, toks, n, i, &p);
    if (out) *out = k ? &d->discards.v[p - 1] : NULL;
    return k;
}

size_t dy_dict_issue_match(const dyad_dict *d, const dy_dict_tok *toks, size_t n, size_t i,
                           const dy_issue_entry **out) {
    uint32_t p;
    size_t k = trie_match(d, DY_TRIE_ISSUE, toks, n, i, &p);
    if (out) *out = k ? &d->issues.v[p - 1] : NULL;
    return k;
}

/* ---------------------------------------------------------------- actor dates */

static int holds(const dy_actor_code *c, int32_t day) {
    return !c->dated || (day >= c->from && day <= c->to);
}

size_t dy_dict_actor_codes_on(const dy_actor_entry *e, int32_t day, dy_date_rule rule,
                              const dy_actor_code **out, size_t max) {
    if (!e || !e->ncodes) return 0;
    if (rule == DY_DATE_RULE_DEFAULT)
        rule = (e->codes[0].family == DY_FAM_PETRARCH2 || e->codes[0].family == DY_FAM_PETRARCH1)
                   ? DY_DATE_RULE_FIRST
                   : DY_DATE_RULE_FALLBACK;
    size_t got = 0;
    if (day == DY_DAY_NONE) {
        const dy_actor_code *latest = NULL;
        for (uint32_t i = 0; i < e->ncodes; i++) {
            const dy_actor_code *c = &e->codes[i];
            if (c->flags & DY_ACODE_BADDATE) continue;
            if (!c->dated) {
                if (got < max) out[got] = c;
                got++;
                if (rule == DY_DATE_RULE_FIRST) return got;
            } else if (!latest || c->to > latest->to) {
                latest = c;
            }
        }
        if (!got && latest) {
            if (max) out[0] = latest;
            got = 1;
        }
        return got;
    }
    if (rule == DY_DATE_RULE_FIRST) {
        for (uint32_t i = 0; i < e->ncodes; i++) {
            const dy_actor_code *c = &e->codes[i];
            if (c->flags & DY_ACODE_BADDATE) return 0; /* PETRARCH-2 aborts its walk here */
            if (holds(c, day)) {
                if (max) out[0] = c;
                return 1;
            }
        }
        return 0;
    }
    for (uint32_t i = 0; i < e->ncodes; i++) {
        const dy_actor_code *c = &e->codes[i];
        if (c->dated && !(c->flags & DY_ACODE_BADDATE) && holds(c, day)) {
            if (got < max) out[got] = c;
            got++;
        }
    }
    if (got) return got;
    for (uint32_t i = 0; i < e->ncodes; i++) {
        const dy_actor_code *c = &e->codes[i];
        if (!c->dated) {
            if (got < max) out[got] = c;
            got++;
        }
    }
    return got;
}

const dy_actor_code *dy_dict_actor_code_on(const dy_actor_entry *e, const char *date,
                                           dy_date_rule rule) {
    int32_t day = date && *date ? dy_day_parse(date, strlen(date)) : DY_DAY_NONE;
    const dy_actor_code *c = NULL;
    if (!dy_dict_actor_codes_on(e, day, rule, &c, 1)) return NULL;
    return c;
}

/* ---------------------------------------------------------------- accessors */

const char *dy_family_name(dy_family f) {
    switch (f) {
    case DY_FAM_NATIVE: return "native";
    case DY_FAM_TABARI: return "tabari";
    case DY_FAM_PETRARCH1: return "petrarch1";
    case DY_FAM_PETRARCH2: return "petrarch2";
    }
    return "?";
}

const char *dy_dict_format_name(dy_dict_format f) {
    static const char *const names[] = {
        "auto", "native", "tabari-project", "tabari-actors", "tabari-agents", "tabari-verbs",
        "tabari-options", "petrarch-config", "petrarch-actors", "petrarch-agents",
        "petrarch1-verbs", "petrarch2-verbs", "petrarch-discards", "petrarch-issues"};
    if ((unsigned)f < sizeof names / sizeof names[0]) return names[f];
    return "?";
}

const dy_synset *dy_dict_synset(const dyad_dict *d, const char *name) {
    return d && name ? dy_build_find_synset(d, name) : NULL;
}

size_t dy_dict_verb_block_count(const dyad_dict *d) { return d ? d->blocks.n : 0; }
const dy_verb_block *dy_dict_verb_block(const dyad_dict *d, size_t i) {
    return d && i < d->blocks.n ? &d->blocks.v[i] : NULL;
}
dy_family dy_dict_family(const dyad_dict *d) { return d ? d->family : DY_FAM_NATIVE; }
const dy_dict_options *dy_dict_options_get(const dyad_dict *d) { return d ? &d->opt : NULL; }
size_t dy_dict_transform_count(const dyad_dict *d) { return d ? d->transforms.n : 0; }
const dy_transform *dy_dict_transform(const dyad_dict *d, size_t i) {
    return d && i < d->transforms.n ? &d->transforms.v[i] : NULL;
}
size_t dy_dict_time_count(const dyad_dict *d) { return d ? d->times.n : 0; }
const dy_time_entry *dy_dict_time(const dyad_dict *d, size_t i) {
    return d && i < d->times.n ? &d->times.v[i] : NULL;
}
size_t dy_dict_file_count(const dyad_dict *d) { return d ? d->files.n : 0; }
const char *dy_dict_file_name(const dyad_dict *d, size_t i) {
    return d && i < d->files.n ? d->files.v[i] : NULL;
}

void dy_dict_stats_get(const dyad_dict *d, dy_dict_stats *out) {
    *out = d->st;
    if (d->image) {
        out->bytes = d->image_len;
        return;
    }
    out->bytes = d->arena.total + d->wtext.cap * sizeof(char *) + d->wlen.cap * 4 +
                 d->wext.cap * sizeof *d->wext.v + d->vcap * sizeof *d->vslot + d->npay.cap * 4 +
                 d->nmask.cap + d->ecap * sizeof *d->edges +
                 d->actors.cap * sizeof(dy_actor_entry) + d->agents.cap * sizeof(dy_agent_entry) +
                 d->forms.cap * sizeof(dy_verb_form) + d->blocks.cap * sizeof(dy_verb_block) +
                 d->discards.cap * sizeof(dy_discard_entry) + d->issues.cap * sizeof(dy_issue_entry);
}
