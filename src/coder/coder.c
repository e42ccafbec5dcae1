/* The article loop and event assembly.
 *
 * Each article is coded in one arena, reset when the next begins: tokens,
 * units, groups and the event buffer all live there, so coding does no
 * per-token allocation and nothing survives an article. Events are held
 * until the article ends because a story discard anywhere in it drops
 * them all. */
#include "coder/coder.h"
#include "coder/n.h"
#include "coder/p2.h"
#include "util/buf.h"
#include "util/xalloc.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One test of dy_pattern_possible, flattened out of the pattern's
 * elements: synset syn - 1 (when set, an index into the coder's flat
 * synsets) must be possible, else word w must be present (w == 0: never). */
typedef struct {
    uint32_t syn;
    dy_word w;
} pat_check;

struct dyad_coder {
    const dyad_dict *d;
    dy_family family;
    dy_dict_options base;           /* as loaded */
    dy_dict_options opt;            /* as changed by option commands */
    int explain;
    char default_date[11];
    dy_arena arena;
    uint8_t *present;               /* bit per word id, set for the sentence being coded */
    size_t present_bits;
    dy_synset_memo memo;
    dy_fword_index fwx;
    /* For each pattern of each verb block, a few words the pattern cannot
     * match without (0: none known): bit tests that skip most patterns. */
    const dy_verb_block **blk_key;  /* open addressing on the block pointer */
    uint32_t *blk_first;            /* index into pat_need of the block's first pattern's words */
    size_t blk_cap;
    dy_word *pat_need;
    /* dy_pattern_possible's tests per pattern (pat_need index / NEED_WORDS),
     * pat_chk[pat_chk_first[i] .. pat_chk_first[i + 1]): contiguous, so the
     * pre-filter need not chase each pattern's element arrays. */
    uint32_t *pat_chk_first;
    pat_check *pat_chk;
    /* The synsets those tests name, flattened alike (a synset's members sit
     * behind a pointer each, and a synset can have hundreds): synset j's
     * members are syn_mem[syn_first[j] .. syn_first[j + 1]), member m's
     * tests syn_chk[syn_mem[m] .. syn_mem[m + 1]). syn_memo[j] holds the
     * sentence's answer (0 unknown, 1 possible, 2 not), syn_used the j set. */
    const dy_synset **syn_key;      /* open addressing on the synset pointer */
    uint32_t *syn_index;            /* of syn_key's slot */
    size_t syn_cap, nsyn;
    const dy_synset **syn_list;     /* by index, while flattening */
    uint32_t *syn_first;
    uint32_t *syn_mem;
    pat_check *syn_chk;
    uint8_t *syn_memo;
    uint32_t *syn_used;
    size_t syn_nused;
    /* Members that are one word go into a table from the word to its
     * synsets instead (syn_mem keeps the rest): marking a sentence's
     * tokens there settles those synsets in a probe a token, where testing
     * each member word costs a probe a member, for hundreds of members.
     * Slot h: word sw_key[h], synsets sw_syn[sw_first[h] .. sw_first[h] + sw_n[h]). */
    dy_word *sw_key;                /* 0: empty slot */
    uint32_t *sw_first, *sw_n;
    uint32_t *sw_syn;
    size_t sw_cap;
    /* Large blocks (see first_index): by first needed word, so that a try
     * visits the patterns whose word is in the sentence, not all of them.
     * blk_inv[slot]: 1 + index into inv, 0: not indexed. */
    uint32_t *blk_inv;
    struct first_index *inv;
    size_t ninv;
    /* the tokens whose words the present bits hold (the sentence being coded) */
    const dy_dict_tok *cur_dt;
    size_t cur_nt;
    FILE *trace;                    /* DYAD_CODER_TRACE set: the parse of every sentence */
    dy_p2_rules *p2;                /* PETRARCH-2 transformations, NULL when none */
    int time_shift;                 /* TABARI <TIME> phrases shift dates / discard */
    /* The actors the last article left for pronouns, kept in the coder's own
     * memory (the arena is reset) for callers that code a story record by record. */
    int carry;
    dy_member carried[8];
    char carried_code[8][48];
    uint32_t ncarried;
};

/* How an event's code ranks among the sentence's others. */
enum { EV_PLAIN = 0, EV_SUBORDINATE = 1, EV_DOMINANT = 2 };

typedef struct {
    dyad_event *ev;
    uint8_t *subordinate;           /* EV_* per event */
    size_t n, cap;
} event_list;

static int word_present(const dyad_coder *c, dy_word w) {
    return w < c->present_bits && ((c->present[w >> 3] >> (w & 7)) & 1);
}

/* Up to NEED_WORDS literal words the pattern needs somewhere in the
 * sentence (0 = none), the longest ones, long words being the rare ones. */
enum { NEED_WORDS = 3 };

static void needed_words(const dy_pattern *p, dy_word out[NEED_WORDS]) {
    size_t lens[NEED_WORDS] = {0};
    for (int i = 0; i < NEED_WORDS; i++) out[i] = 0;
    const dy_pat_seq *parts[2] = {&p->post, &p->pre};
    for (int h = 0; h < 2; h++)
        for (uint32_t k = 0; k < parts[h]->n; k++) {
            const dy_pat_elem *e = &parts[h]->elems[k];
            if (!((e->kind == DY_PE_WORD || e->kind == DY_PE_PP || (e->kind == DY_PE_NP_HEAD && !e->synset)) &&
                  e->word))
                continue;
            int dup = 0;
            for (int i = 0; i < NEED_WORDS; i++) dup |= out[i] == e->word;
            if (dup) continue;
            size_t len = e->text ? strlen(e->text) : 1;
            int at = NEED_WORDS;
            while (at > 0 && len > lens[at - 1]) at--;
            if (at == NEED_WORDS) continue;
            for (int i = NEED_WORDS - 1; i > at; i--) out[i] = out[i - 1], lens[i] = lens[i - 1];
            out[at] = e->word;
            lens[at] = len;
        }
}

typedef struct {
    pat_check *v;
    size_t n, cap;
} check_list;

static void add_check(check_list *l, uint32_t syn, dy_word w) {
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 1024;
        l->v = dy_xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n++] = (pat_check){syn, w};
}

/* The flat index + 1 of a synset, numbering it on first sight (0: NULL). */
static uint32_t synset_index(dyad_coder *c, const dy_synset *syn) {
    if (!syn) return 0;
    if (c->nsyn * 2 >= c->syn_cap) {
        size_t ncap = c->syn_cap ? c->syn_cap * 2 : 256;
        const dy_synset **nk = dy_xcalloc(ncap, sizeof *nk);
        uint32_t *ni = dy_xcalloc(ncap, sizeof *ni);
        for (size_t i = 0; i < c->syn_cap; i++) {
            if (!c->syn_key[i]) continue;
            size_t h = ((uintptr_t)c->syn_key[i] >> 4) & (ncap - 1);
            while (nk[h]) h = (h + 1) & (ncap - 1);
            nk[h] = c->syn_key[i];
            ni[h] = c->syn_index[i];
        }
        free(c->syn_key);
        free(c->syn_index);
        c->syn_key = nk;
        c->syn_index = ni;
        c->syn_cap = ncap;
    }
    size_t h = ((uintptr_t)syn >> 4) & (c->syn_cap - 1);
    while (c->syn_key[h] && c->syn_key[h] != syn) h = (h + 1) & (c->syn_cap - 1);
    if (!c->syn_key[h]) {
        if (c->nsyn % 64 == 0) c->syn_list = dy_xrealloc(c->syn_list, (c->nsyn + 64) * sizeof *c->syn_list);
        c->syn_list[c->nsyn] = syn;
        c->syn_key[h] = syn;
        c->syn_index[h] = (uint32_t)c->nsyn++;
    }
    return c->syn_index[h] + 1;
}

static int is_needed(const dy_word need[NEED_WORDS], dy_word w) {
    for (int i = 0; i < NEED_WORDS; i++)
        if (w && need[i] == w) return 1;
    return 0;
}

/* The tests seq_possible makes for q, less the words needs_met has already
 * proved present. Every test is a pure function of the sentence, so their
 * order does not change the answer. */
static void flatten_seq(dyad_coder *c, check_list *l, const dy_pat_seq *q, const dy_word need[NEED_WORDS]) {
    for (uint32_t k = 0; k < q->n; k++) {
        const dy_pat_elem *e = &q->elems[k];
        switch ((dy_pat_kind)e->kind) {
        case DY_PE_NP_HEAD:
            if (e->synset) {
                add_check(l, synset_index(c, e->synset), 0);
                break;
            }
            /* fall through */
        case DY_PE_WORD:
            if (!is_needed(need, e->word)) add_check(l, 0, e->word);
            break;
        case DY_PE_SYNSET:
            add_check(l, synset_index(c, e->synset), 0);
            if (!e->synset) return; /* never possible: word 0 */
            break;
        case DY_PE_PP:
            if (!is_needed(need, e->word)) add_check(l, 0, e->word);
            flatten_seq(c, l, &e->sub, need);
            break;
        case DY_PE_NP:
            flatten_seq(c, l, &e->sub, need);
            break;
        case DY_PE_LITERAL:
            add_check(l, 0, 0);
            return;
        default:
            break;
        }
    }
}

static void flatten_pattern(dyad_coder *c, check_list *l, const dy_pattern *p, const dy_word need[NEED_WORDS]) {
    if (p->flags & DY_PAT_DEAD) {
        add_check(l, 0, 0);
        return;
    }
    flatten_seq(c, l, &p->pre, need);
    flatten_seq(c, l, &p->post, need);
}

/* Every synset the pattern tests named, members as seq_possible reads
 * them; flattening a member can number further (nested) synsets, which
 * the loop then reaches in turn. */
typedef struct {
    dy_word w;
    uint32_t syn;
} word_syn;

static int word_syn_cmp(const void *a, const void *b) {
    const word_syn *x = a, *y = b;
    if (x->w != y->w) return x->w < y->w ? -1 : 1;
    return x->syn < y->syn ? -1 : x->syn > y->syn;
}

static size_t sw_slot(const dyad_coder *c, dy_word w) {
    size_t h = (size_t)(w * 2654435761u) & (c->sw_cap - 1);
    while (c->sw_key[h] && c->sw_key[h] != w) h = (h + 1) & (c->sw_cap - 1);
    return h;
}

/* The word -> synsets table from the one-word members found. */
static void index_member_words(dyad_coder *c, word_syn *ws, size_t n) {
    if (!n) return;
    qsort(ws, n, sizeof *ws, word_syn_cmp);
    c->sw_cap = 16;
    while (c->sw_cap < n * 2) c->sw_cap *= 2;
    c->sw_key = dy_xcalloc(c->sw_cap, sizeof *c->sw_key);
    c->sw_first = dy_xcalloc(c->sw_cap, sizeof *c->sw_first);
    c->sw_n = dy_xcalloc(c->sw_cap, sizeof *c->sw_n);
    c->sw_syn = dy_xcalloc(n, sizeof *c->sw_syn);
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        if (i && ws[i].w == ws[i - 1].w && ws[i].syn == ws[i - 1].syn) continue;
        size_t h = sw_slot(c, ws[i].w);
        if (!c->sw_key[h]) {
            c->sw_key[h] = ws[i].w;
            c->sw_first[h] = (uint32_t)m;
        }
        c->sw_syn[m++] = ws[i].syn;
        c->sw_n[h]++;
    }
}

static void flatten_synsets(dyad_coder *c) {
    static const dy_word none[NEED_WORDS] = {0};
    size_t nmem = 0, cap_mem = 0;
    check_list chk = {0};
    word_syn *ws = NULL;
    size_t nws = 0, cap_ws = 0;
    c->syn_first = NULL;
    for (size_t j = 0; j < c->nsyn; j++) {
        if (j % 64 == 0) c->syn_first = dy_xrealloc(c->syn_first, (j + 65) * sizeof *c->syn_first);
        c->syn_first[j] = (uint32_t)nmem;
        const dy_synset *syn = c->syn_list[j];
        for (uint32_t k = 0; k < syn->nmembers; k++) {
            size_t at = chk.n;
            flatten_seq(c, &chk, &syn->members[k], none);
            if (chk.n == at + 1 && !chk.v[at].syn) {
                /* one word: the table's, or (word 0) never possible */
                if (chk.v[at].w) {
                    if (nws == cap_ws) {
                        cap_ws = cap_ws ? cap_ws * 2 : 256;
                        ws = dy_xrealloc(ws, cap_ws * sizeof *ws);
                    }
                    ws[nws++] = (word_syn){chk.v[at].w, (uint32_t)j};
                }
                chk.n = at;
                continue;
            }
            if (nmem + 2 > cap_mem) {
                cap_mem = cap_mem ? cap_mem * 2 : 1024;
                c->syn_mem = dy_xrealloc(c->syn_mem, cap_mem * sizeof *c->syn_mem);
            }
            c->syn_mem[nmem++] = (uint32_t)at;
        }
    }
    index_member_words(c, ws, nws);
    free(ws);
    c->syn_first = dy_xrealloc(c->syn_first, (c->nsyn + 1) * sizeof *c->syn_first);
    c->syn_first[c->nsyn] = (uint32_t)nmem;
    c->syn_mem = dy_xrealloc(c->syn_mem, (nmem + 1) * sizeof *c->syn_mem);
    c->syn_mem[nmem] = (uint32_t)chk.n;
    c->syn_chk = chk.v;
    c->syn_memo = dy_xcalloc(c->nsyn + 1, 1);
    c->syn_used = dy_xcalloc(c->nsyn + 1, sizeof *c->syn_used);
    free(c->syn_list);
    c->syn_list = NULL;
}

static size_t block_slot(const dyad_coder *c, const dy_verb_block *b) {
    size_t h = ((uintptr_t)b >> 4) & (c->blk_cap - 1);
    while (c->blk_key[h] && c->blk_key[h] != b) h = (h + 1) & (c->blk_cap - 1);
    return h;
}

/* A block's patterns by their first needed word: a try need only visit
 * the patterns whose first word is present, plus those with none, and
 * blocks of PETRARCH-2 run to a few hundred patterns of which a handful
 * pass. Bit p of a try's candidate set stands for pattern p. */
enum { FIRST_INDEX_MIN = 64 };
struct first_index {
    uint32_t nwords64;              /* uint64_t words in a candidate set */
    uint64_t *none;                 /* patterns without a needed word */
    dy_word *key;                   /* 0: empty slot */
    uint32_t *first, *n;            /* into list */
    uint32_t *list;                 /* pattern indexes, ascending per word */
    size_t cap;
};

static size_t first_slot(const struct first_index *x, dy_word w) {
    size_t h = (size_t)(w * 2654435761u) & (x->cap - 1);
    while (x->key[h] && x->key[h] != w) h = (h + 1) & (x->cap - 1);
    return h;
}

static void build_first_index(struct first_index *x, const dy_word *need, uint32_t np) {
    x->nwords64 = (np + 63) / 64;
    x->none = dy_xcalloc(x->nwords64, sizeof *x->none);
    x->cap = 16;
    while (x->cap < (size_t)np * 2) x->cap *= 2;
    x->key = dy_xcalloc(x->cap, sizeof *x->key);
    x->first = dy_xcalloc(x->cap, sizeof *x->first);
    x->n = dy_xcalloc(x->cap, sizeof *x->n);
    x->list = dy_xcalloc(np ? np : 1, sizeof *x->list);
    /* count, place, fill: each word's patterns end up ascending */
    for (uint32_t p = 0; p < np; p++) {
        dy_word w = need[(size_t)p * NEED_WORDS];
        if (!w) {
            x->none[p / 64] |= (uint64_t)1 << (p % 64);
            continue;
        }
        size_t h = first_slot(x, w);
        x->key[h] = w;
        x->n[h]++;
    }
    uint32_t at = 0;
    for (size_t h = 0; h < x->cap; h++) {
        x->first[h] = at;
        at += x->n[h];
        x->n[h] = 0;
    }
    for (uint32_t p = 0; p < np; p++) {
        dy_word w = need[(size_t)p * NEED_WORDS];
        if (!w) continue;
        size_t h = first_slot(x, w);
        x->list[x->first[h] + x->n[h]++] = p;
    }
}

static void free_first_index(struct first_index *x) {
    free(x->none);
    free(x->key);
    free(x->first);
    free(x->n);
    free(x->list);
}

static void add_first_candidates(const struct first_index *x, dy_word w, uint64_t *set) {
    if (!w) return;
    size_t h = first_slot(x, w);
    if (!x->key[h]) return;
    for (uint32_t i = x->first[h]; i < x->first[h] + x->n[h]; i++)
        set[x->list[i] / 64] |= (uint64_t)1 << (x->list[i] % 64);
}

static void index_patterns(dyad_coder *c) {
    size_t nb = dy_dict_verb_block_count(c->d), np = 0;
    for (size_t i = 0; i < nb; i++) np += dy_dict_verb_block(c->d, i)->npatterns;
    c->blk_cap = 16;
    while (c->blk_cap < nb * 2) c->blk_cap *= 2;
    c->blk_key = dy_xcalloc(c->blk_cap, sizeof *c->blk_key);
    c->blk_first = dy_xcalloc(c->blk_cap, sizeof *c->blk_first);
    c->pat_need = dy_xcalloc((np + 1) * NEED_WORDS, sizeof *c->pat_need);
    c->pat_chk_first = dy_xcalloc(np + 2, sizeof *c->pat_chk_first);
    check_list chk = {0};
    size_t at = 0;
    for (size_t i = 0; i < nb; i++) {
        const dy_verb_block *b = dy_dict_verb_block(c->d, i);
        size_t h = block_slot(c, b);
        if (c->blk_key[h]) continue;
        c->blk_key[h] = b;
        c->blk_first[h] = (uint32_t)at;
        for (uint32_t k = 0; k < b->npatterns; k++, at += NEED_WORDS) {
            needed_words(&b->patterns[k], c->pat_need + at);
            flatten_pattern(c, &chk, &b->patterns[k], c->pat_need + at);
            c->pat_chk_first[at / NEED_WORDS + 1] = (uint32_t)chk.n;
        }
    }
    c->pat_chk = chk.v;
    flatten_synsets(c);
    c->blk_inv = dy_xcalloc(c->blk_cap, sizeof *c->blk_inv);
    for (size_t h = 0; h < c->blk_cap; h++) {
        const dy_verb_block *b = c->blk_key[h];
        if (!b || b->npatterns < FIRST_INDEX_MIN) continue;
        if (c->ninv % 16 == 0) c->inv = dy_xrealloc(c->inv, (c->ninv + 16) * sizeof *c->inv);
        build_first_index(&c->inv[c->ninv], c->pat_need + c->blk_first[h], b->npatterns);
        c->blk_inv[h] = (uint32_t)++c->ninv;
    }
}

static int needs_met(const dyad_coder *c, const dy_word *need) {
    for (int i = 0; i < NEED_WORDS; i++)
        if (need[i] && !word_present(c, need[i])) return 0;
    return 1;
}

static int check_ok(dyad_coder *c, const pat_check *x);

/* synset_possible of patterns.c over the flat synsets, with the coder's
 * own per-sentence memo. A synset not settled yet has none of its
 * one-word members present (mark_member_word), so only the others count. */
static int flat_synset_possible(dyad_coder *c, uint32_t j) {
    if (c->syn_memo[j]) return c->syn_memo[j] == 1;
    int ok = 0;
    for (uint32_t m = c->syn_first[j]; m < c->syn_first[j + 1] && !ok; m++) {
        ok = 1;
        for (uint32_t k = c->syn_mem[m]; k < c->syn_mem[m + 1]; k++)
            if (!check_ok(c, &c->syn_chk[k])) {
                ok = 0;
                break;
            }
    }
    c->syn_memo[j] = ok ? 1 : 2;
    c->syn_used[c->syn_nused++] = j;
    return ok;
}

/* Synsets that a one-word member makes possible when word w is present:
 * settled in the memo before any pattern asks. */
static void mark_member_word(dyad_coder *c, dy_word w) {
    if (!w || !c->sw_cap) return;
    size_t h = sw_slot(c, w);
    if (!c->sw_key[h]) return;
    for (uint32_t i = c->sw_first[h]; i < c->sw_first[h] + c->sw_n[h]; i++) {
        uint32_t j = c->sw_syn[i];
        if (c->syn_memo[j]) continue;
        c->syn_memo[j] = 1;
        c->syn_used[c->syn_nused++] = j;
    }
}

static int check_ok(dyad_coder *c, const pat_check *x) {
    return x->syn ? flat_synset_possible(c, x->syn - 1) : word_present(c, x->w);
}

/* needs_met, then dy_pattern_possible's tests from the flat list built
 * with the needed words (the elements themselves are scattered in memory,
 * and this runs for every pattern of every verb, in both voices).
 * need: the block's needed words (NULL: unknown block). The flat list holds
 * only while the sentence tests the coder's own present bits. */
static int pattern_possible(dyad_coder *c, const dy_sentence_parse *s, const dy_word *need, uint32_t p,
                            const dy_pattern *pat) {
    if (need) {
        const dy_word *n = need + (size_t)p * NEED_WORDS;
        if (!needs_met(c, n)) return 0;
        if (s->present == c->present) {
            size_t i = (size_t)(n - c->pat_need) / NEED_WORDS;
            for (uint32_t k = c->pat_chk_first[i]; k < c->pat_chk_first[i + 1]; k++) {
                if (!check_ok(c, &c->pat_chk[k])) return 0;
            }
            return 1;
        }
    }
    return dy_pattern_possible(s, pat);
}

/* The cheapest rejection, tested in the loops themselves before the call:
 * pattern p's first needed word (its longest, usually its rarest) is not
 * in the sentence. pattern_possible would say no as well. */
static inline int first_need_absent(const dyad_coder *c, const dy_word *need, uint32_t p) {
    return need && need[(size_t)p * NEED_WORDS] && !word_present(c, need[(size_t)p * NEED_WORDS]);
}

/* The needed words of a block's patterns (NEED_WORDS per pattern), or NULL
 * when the block is unknown. */
static const dy_word *block_needs(const dyad_coder *c, const dy_verb_block *b) {
    if (!c->blk_cap) return NULL;
    size_t h = block_slot(c, b);
    return c->blk_key[h] ? c->pat_need + c->blk_first[h] : NULL;
}

dyad_coder *dyad_coder_new(const dyad_dict *dict, const dyad_code_options *opt) {
    if (!dict) return NULL;
    dyad_coder *c = dy_xcalloc(1, sizeof *c);
    c->d = dict;
    c->family = dy_dict_family(dict);
    const dy_dict_options *o = dy_dict_options_get(dict);
    if (o) c->base = *o;
    else dy_dict_options_default(&c->base, c->family);
    /* TABARI codes no sentence shorter than MINIMUM WORDS, 8 unless set */
    if (c->family == DY_FAM_TABARI && !c->base.minimum_words) c->base.minimum_words = 8;
    /* TABARI turns time shifting on when the dictionaries have <TIME> entries */
    c->time_shift = dy_dict_time_count(dict) > 0;
    c->opt = c->base;
    if (opt) {
        c->explain = opt->explain;
        if (opt->default_date) snprintf(c->default_date, sizeof c->default_date, "%s", opt->default_date);
    }
    dy_arena_init(&c->arena, 256 * 1024);
    dy_dict_stats stats;
    dy_dict_stats_get(dict, &stats);
    c->present_bits = stats.words + 2;
    c->present = dy_xcalloc((c->present_bits + 7) / 8, 1);
    if (getenv("DYAD_CODER_TRACE")) c->trace = stderr;
    c->p2 = dy_p2_rules_new(dict);
    index_patterns(c);
    dy_fword_index_init(&c->fwx);
    dy_status_cues_index(&c->fwx);
    c->memo.cap = 4096;
    c->memo.key = dy_xcalloc(c->memo.cap, sizeof *c->memo.key);
    c->memo.val = dy_xcalloc(c->memo.cap, 1);
    c->memo.used = dy_xcalloc(c->memo.cap, sizeof *c->memo.used);
    return c;
}

void dyad_coder_free(dyad_coder *c) {
    if (!c) return;
    dy_arena_free(&c->arena);
    free(c->present);
    free(c->memo.key);
    free(c->memo.val);
    free(c->memo.used);
    free(c->blk_key);
    free(c->blk_first);
    free(c->pat_chk_first);
    free(c->pat_chk);
    free(c->pat_need);
    free(c->syn_key);
    free(c->syn_index);
    free(c->syn_first);
    free(c->syn_mem);
    free(c->syn_chk);
    free(c->syn_memo);
    free(c->syn_used);
    free(c->sw_key);
    free(c->sw_first);
    free(c->sw_n);
    free(c->sw_syn);
    for (size_t i = 0; i < c->ninv; i++) free_first_index(&c->inv[i]);
    free(c->inv);
    free(c->blk_inv);
    dy_p2_rules_free(c->p2);
    free(c);
}

void dy_coder_reset_options(dyad_coder *c) { c->opt = c->base; }

dy_dict_options *dy_coder_options(dyad_coder *c) { return &c->opt; }

void dy_coder_carry_context(dyad_coder *c, int on) { c->carry = on; }

static void save_context(dyad_coder *c, const dy_context *ctx) {
    /* TABARI forwards the first actor the last sentence named (not a
     * pronoun, the first of a list), without its agent */
    const dy_member *m = ctx->m;
    uint32_t n = ctx->nm < 8 ? ctx->nm : 8;
    if (c->family == DY_FAM_TABARI && ctx->named) m = ctx->named, n = 1;
    if (!n || !m || m == c->carried) return;
    for (uint32_t i = 0; i < n; i++) {
        c->carried[i] = m[i];
        const char *code = m[i].code;
        if (c->family == DY_FAM_TABARI && m[i].actor && !strchr(m[i].actor->code, '/')) code = m[i].actor->code;
        snprintf(c->carried_code[i], sizeof c->carried_code[i], "%s", code);
        c->carried[i].code = c->carried_code[i];
        c->carried[i].span.start = c->carried[i].span.end = 0;
    }
    c->ncarried = n;
}

int dy_coder_option(dyad_coder *c, const char *cmd) {
    const char *ts = strstr(cmd, "TIME SHIFT");
    if (ts) {
        const char *eq = strchr(ts, '=');
        if (!eq) return -1;
        eq++;
        while (*eq == ' ') eq++;
        c->time_shift = (*eq == 'T' || *eq == 't' || *eq == '1');
        return 0;
    }
    if (dy_dict_option_apply(&c->opt, cmd, NULL) == 0) return 0;
    /* The validation suite writes "SET: CONVERT AGENT = TRUE" (the manual: AGENTS). */
    const char *p = strstr(cmd, "CONVERT AGENT");
    if (p && !strstr(cmd, "CONVERT AGENTS")) {
        const char *eq = strchr(p, '=');
        if (!eq) return -1;
        eq++;
        while (*eq == ' ') eq++;
        c->opt.convert_agents = (*eq == 'T' || *eq == 't' || *eq == '1');
        return 0;
    }
    return -1;
}

/* ------------------------------------------------------------ events */

static void push_event(event_list *l, dy_arena *a, const dyad_event *e, int subordinate) {
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        dyad_event *ne = dy_arena_alloc(a, cap * sizeof *ne);
        uint8_t *ns = dy_arena_alloc(a, cap);
        if (l->n) {
            memcpy(ne, l->ev, l->n * sizeof *ne);
            memcpy(ns, l->subordinate, l->n);
        }
        l->ev = ne;
        l->subordinate = ns;
        l->cap = cap;
    }
    l->subordinate[l->n] = (uint8_t)subordinate;
    l->ev[l->n++] = *e;
}

static void copy_code(char *dst, size_t cap, const char *src, size_t n) {
    if (n >= cap) n = cap - 1;
    memcpy(dst, src, n);
    dst[n] = 0;
}

static void fill_cameo(dyad_event *e) {
    e->root[0] = 0;
    if (isdigit((unsigned char)e->code[0]) && isdigit((unsigned char)e->code[1])) {
        e->root[0] = e->code[0];
        e->root[1] = e->code[1];
        e->root[2] = 0;
    }
    const dyad_cameo_code *cc = dyad_cameo_lookup(e->code);
    if (!cc && strlen(e->code) > 3) {
        char three[4] = {e->code[0], e->code[1], e->code[2], 0};
        cc = dyad_cameo_lookup(three);
    }
    e->quad = cc ? cc->quad : 0;
    e->goldstein = cc ? cc->goldstein : 0.0;
}

typedef struct {
    dyad_coder *c;
    const dyad_article *art;
    dy_sentence_parse *s;
    int sentence;
    event_list *out;
    const char *date;
} emit_ctx;

static void origin_str(dy_buf *b, const char *what, const char *file, uint32_t line) {
    if (!file) return;
    dy_buf_printf(b, "%s%s %s:%u", b->len ? "; " : "", what, file, line);
}

static const char *explain_text(emit_ctx *x, size_t v, const dy_pattern *p, const dy_member *sm,
                                const dy_member *tm) {
    dy_buf b;
    dy_buf_init(&b);
    const dy_unit *vu = &x->s->u[v];
    if (vu->verb) origin_str(&b, "verb", vu->verb->file, vu->verb->line);
    if (p) origin_str(&b, "pattern", p->file, p->line);
    if (sm && sm->actor) origin_str(&b, "source actor", sm->actor->file, sm->actor->line);
    if (sm && sm->agent) origin_str(&b, "source agent", sm->agent->file, sm->agent->line);
    if (tm && tm->actor) origin_str(&b, "target actor", tm->actor->file, tm->actor->line);
    if (tm && tm->agent) origin_str(&b, "target agent", tm->agent->file, tm->agent->line);
    const char *text = x->s->text;
    dy_buf_printf(&b, "%sverb span \"%.*s\"", b.len ? "; " : "",
                  (int)(x->s->tok[vu->t1 - 1].end - x->s->tok[vu->t0].start),
                  text + x->s->tok[vu->t0].start);
    char *r = dy_arena_strndup(&x->c->arena, b.data ? b.data : "", b.len);
    dy_buf_free(&b);
    return r;
}

static void emit_one(emit_ctx *x, size_t v, const dy_pattern *p, const dy_member *sm,
                     const char *scode, const dy_member *tm, const char *tcode, const char *code,
                     size_t code_len, dyad_status st, int subordinate) {
    int have_s = scode && *scode, have_t = tcode && *tcode;
    if (!have_s && !have_t) return;
    if (!have_s || !have_t) {
        /* PETRARCH's require_dyad = false: a one-sided event, the other side "---" */
        if (x->c->opt.require_dyad) return;
        if (!have_s) scode = "---";
        if (!have_t) tcode = "---";
    }
    if (!strcmp(scode, tcode)) return;
    dyad_event e;
    memset(&e, 0, sizeof e);
    e.article_id = x->art->id;
    e.sentence = x->sentence;
    snprintf(e.date, sizeof e.date, "%s", x->date);
    snprintf(e.source, sizeof e.source, "%s", scode);
    snprintf(e.target, sizeof e.target, "%s", tcode);
    copy_code(e.code, sizeof e.code, code, code_len);
    fill_cameo(&e);
    e.status = st;
    const dy_unit *vu = &x->s->u[v];
    e.verb_span.start = x->s->tok[vu->t0].start;
    e.verb_span.end = x->s->tok[vu->t1 - 1].end;
    if (sm) e.source_span = sm->span;
    if (tm) e.target_span = tm->span;
    e.explain = x->c->explain ? explain_text(x, v, p, sm, tm) : NULL;
    push_event(x->out, &x->c->arena, &e, subordinate);
}

/* All (source, target) pairs of two groups; either side may be a default code. */
/* dir 0: every (source, target) pair; 1: only source member before target
 * member; -1: only after (the two halves of a paired code on one compound). */
static void emit_pairs_dir(emit_ctx *x, size_t v, const dy_pattern *p, const dy_group *gs,
                           const dy_group *gt, const char *code, size_t code_len, dyad_status st,
                           int subordinate, int dir);

static void emit_pairs(emit_ctx *x, size_t v, const dy_pattern *p, const dy_group *gs,
                       const dy_group *gt, const char *code, size_t code_len, dyad_status st,
                       int subordinate) {
    emit_pairs_dir(x, v, p, gs, gt, code, code_len, st, subordinate, 0);
}

static void emit_pairs_dir(emit_ctx *x, size_t v, const dy_pattern *p, const dy_group *gs,
                           const dy_group *gt, const char *code, size_t code_len, dyad_status st,
                           int subordinate, int dir) {
    const dy_dict_options *set = &x->c->opt;
    uint32_t ns = gs ? gs->nm : 1, nt = gt ? gt->nm : 1;
    for (uint32_t i = 0; i < ns; i++) {
        const dy_member *sm = gs ? &gs->m[i] : NULL;
        const char *scode = sm ? sm->code : set->default_source;
        for (uint32_t j = 0; j < nt; j++) {
            if ((dir > 0 && j <= i) || (dir < 0 && j >= i)) continue;
            const dy_member *tm = gt ? &gt->m[j] : NULL;
            const char *tcode = tm ? tm->code : set->default_target;
            emit_one(x, v, p, sm, scode, tm, tcode, code, code_len, st, subordinate);
        }
    }
}










/* ------------------------------------------------------------ one sentence */

static int code_is(const char *c, const char *what) { return c && !strcmp(c, what); }

/* The order to try a TABARI block's patterns in (NULL: as stored), in the
 * article arena: a stable insertion sort on dy_pattern_tabari_length,
 * cheap because TABARI blocks hold a handful of patterns. */
static uint32_t actor_elems(const dy_pattern *p) {
    uint32_t n = 0;
    const dy_pat_seq *parts[2] = {&p->pre, &p->post};
    for (int h = 0; h < 2; h++)
        for (uint32_t k = 0; k < parts[h]->n; k++) {
            uint8_t kind = parts[h]->elems[k].kind;
            n += kind == DY_PE_SOURCE || kind == DY_PE_TARGET || kind == DY_PE_COMPOUND;
        }
    return n < 3 ? n : 3;
}

static const uint32_t *pattern_order(dyad_coder *c, const dy_verb_block *blk) {
    if ((c->family != DY_FAM_TABARI && c->family != DY_FAM_PETRARCH1) || blk->npatterns < 2 ||
        blk->npatterns > 256)
        return NULL;
    uint32_t *ord = dy_arena_alloc(&c->arena, blk->npatterns * sizeof *ord);
    uint32_t *key = dy_arena_alloc(&c->arena, blk->npatterns * sizeof *key);
    for (uint32_t i = 0; i < blk->npatterns; i++) {
        /* equally long: the pattern that names its actors first (PETRARCH-1) */
        uint32_t k = dy_pattern_tabari_length(&blk->patterns[i]) * 4 +
                     (c->family == DY_FAM_PETRARCH1 ? actor_elems(&blk->patterns[i]) : 0);
        uint32_t j = i;
        while (j > 0 && key[j - 1] < k) {
            key[j] = key[j - 1];
            ord[j] = ord[j - 1];
            j--;
        }
        key[j] = k;
        ord[j] = i;
    }
    return ord;
}


/* TABARI's DEFAULT: SOURCE [x] [PRIOR] / TARGET [y] [AFTER]. Without PRIOR
 * a verb with no actor before it takes the one after it as its source;
 * without AFTER a compound source with no target becomes source (its
 * first actor) and targets (the others). PRIOR / AFTER put the default
 * code in instead (emit_pairs does that for a missing side). */
static void split_compound(dyad_coder *c, const dy_group *g, const dy_group **gs, const dy_group **gt) {
    dy_group *a = dy_arena_alloc(&c->arena, 2 * sizeof *a);
    a[0] = *g;
    a[0].nm = 1;
    a[1] = *g;
    a[1].m = g->m + 1;
    a[1].nm = g->nm - 1;
    *gs = &a[0];
    *gt = &a[1];
}

static void apply_defaults(dyad_coder *c, const dy_group **gs, const dy_group **gt) {
    const dy_dict_options *o = &c->opt;
    if (!o->default_source[0] && !o->default_target[0]) return;
    if (!*gs && *gt && !o->default_source_prior) {
        /* the actor after the verb becomes the source; a compound there is
         * source (first) and targets (the rest) */
        if ((*gt)->nm > 1) {
            split_compound(c, *gt, gs, gt);
            return;
        }
        *gs = *gt;
        *gt = NULL;
    }
    if (*gs && !*gt && (*gs)->nm > 1 && !(o->default_target_after && o->default_target[0]))
        split_compound(c, *gs, gs, gt);
}

/* Pattern texts equal but for blanks? */
static int same_pattern_text(const char *a, const char *b) {
    for (;;) {
        while (*a == ' ' || *a == '\t') a++;
        while (*b == ' ' || *b == '\t') b++;
        if (*a != *b) return 0;
        if (!*a) return 1;
        a++, b++;
    }
}

/* PETRARCH-2 keeps a block's patterns in a trie: a pattern written twice
 * has the code of its last writing ("* &TREATY" [031:031], later [057]). */
static const dy_pattern *last_writing(const dy_verb_block *blk, uint32_t p) {
    const dy_pattern *hit = &blk->patterns[p];
    if (blk->family != DY_FAM_PETRARCH2 || !hit->text) return hit;
    for (uint32_t q = p + 1; q < blk->npatterns; q++)
        if (blk->patterns[q].text && same_pattern_text(blk->patterns[q].text, hit->text)) hit = &blk->patterns[q];
    return hit;
}

static int match_regions_or_verb(const dy_sentence_parse *s, size_t v, const dy_pattern *p, const size_t *regions,
                                 int *src, int *tgt, uint8_t *scratch);
static uint32_t later_same_path(dyad_coder *c, const dy_sentence_parse *s, size_t v, const dy_verb_block *blk,
                                uint32_t p, const size_t *regions, const uint8_t *matched);

/* The candidate set of a large block for the sentence being coded (NULL:
 * not indexed): bit p set unless pattern p's first needed word is absent. */
static const uint64_t *first_candidates(dyad_coder *c, const dy_verb_block *blk) {
    if (!c->cur_dt || !c->blk_cap) return NULL;
    size_t h = block_slot(c, blk);
    if (c->blk_key[h] != blk || !c->blk_inv[h]) return NULL;
    const struct first_index *x = &c->inv[c->blk_inv[h] - 1];
    uint64_t *set = dy_arena_alloc(&c->arena, x->nwords64 * sizeof *set);
    memcpy(set, x->none, x->nwords64 * sizeof *set);
    for (size_t i = 0; i < c->cur_nt; i++) {
        add_first_candidates(x, c->cur_dt[i].word, set);
        for (uint8_t k = 0; k < c->cur_dt[i].next; k++) add_first_candidates(x, c->cur_dt[i].ext[k].word, set);
    }
    return set;
}

/* The first of the verb's patterns (in the family's order) that matches;
 * NULL when none does. *src / *tgt get the groups it names, used[] the
 * tokens it took as words. */
static const dy_pattern *try_patterns(dyad_coder *c, const dy_sentence_parse *s, size_t v, uint8_t *used,
                                      uint8_t *scratch, int *src, int *tgt) {
    const dy_verb_block *blk = s->u[v].verb->block;
    *src = *tgt = -1;
    if (!blk) return NULL;
    const uint32_t *order = pattern_order(c, blk);
    const dy_word *need = block_needs(c, blk);
    const uint64_t *cand = order ? NULL : first_candidates(c, blk);
    for (uint32_t q = 0; q < blk->npatterns; q++) {
        if (cand) {
            /* to the next candidate: the patterns between fail first_need_absent */
            uint64_t bits = cand[q / 64] >> (q % 64);
            if (!bits) {
                q |= 63;
                continue;
            }
            q += (uint32_t)__builtin_ctzll(bits);
        }
        uint32_t p = order ? order[q] : q;
        if (first_need_absent(c, need, p) || !pattern_possible(c, s, need, p, &blk->patterns[p])) continue;
        memset(scratch, 0, s->ntok);
        if (dy_pattern_match(s, v, &blk->patterns[p], src, tgt, scratch)) {
            for (size_t t = 0; t < s->ntok; t++) used[t] |= scratch[t];
            /* PETRARCH-2 blocks are tried in file order, so order is NULL there */
            uint32_t last = order ? p : later_same_path(c, s, v, blk, p, NULL, scratch);
            if (last != p) {
                int ss, tt;
                match_regions_or_verb(s, v, &blk->patterns[last], NULL, &ss, &tt, scratch);
                if (ss >= 0 || tt >= 0) *src = ss, *tgt = tt;
            }
            return last_writing(blk, last);
        }
    }
    return NULL;
}

/* PETRARCH-2 passives: the verb's patterns, written for the active voice,
 * against its by-phrase (subject side) and its subject (object side). */
static int match_regions_or_verb(const dy_sentence_parse *s, size_t v, const dy_pattern *p, const size_t *regions,
                                 int *src, int *tgt, uint8_t *scratch) {
    memset(scratch, 0, s->ntok);
    if (regions) return dy_pattern_match_regions(s, p, regions[0], regions[1], regions[2], scratch);
    return dy_pattern_match(s, v, p, src, tgt, scratch);
}

/* PETRARCH-2 keeps a block's patterns in one trie with the synsets spelt
 * out, so a later pattern that takes the same words the same way ("-
 * MISSILE *" after "- &WEAPON *") overwrote the earlier one's code. Returns
 * the last such pattern after p (p itself when none). regions: the passive
 * reading (NULL: around the verb). */
static uint32_t later_same_path(dyad_coder *c, const dy_sentence_parse *s, size_t v, const dy_verb_block *blk,
                                uint32_t p, const size_t *regions, const uint8_t *matched) {
    if (blk->family != DY_FAM_PETRARCH2) return p;
    const dy_word *need = block_needs(c, blk);
    uint8_t *mine = dy_arena_alloc(&c->arena, s->ntok + 1);
    const dy_pattern *pp = &blk->patterns[p];
    uint32_t best = p;
    for (uint32_t q = p + 1; q < blk->npatterns; q++) {
        const dy_pattern *pq = &blk->patterns[q];
        if (pq->pre.n != pp->pre.n || pq->post.n != pp->post.n) continue;
        if (first_need_absent(c, need, q) || !pattern_possible(c, s, need, q, pq)) continue;
        int ss, tt;
        if (match_regions_or_verb(s, v, pq, regions, &ss, &tt, mine) && !memcmp(mine, matched, s->ntok)) best = q;
    }
    return best;
}

static const dy_pattern *try_passive_patterns(dyad_coder *c, const dy_sentence_parse *s, size_t v,
                                              uint8_t *used, uint8_t *scratch) {
    const dy_verb_block *blk = s->u[v].verb->block;
    size_t regions[3];
    if (!blk || !dy_p2_passive_regions(s, v, &regions[0], &regions[1], &regions[2])) return NULL;
    const dy_word *need = block_needs(c, blk);
    for (uint32_t p = 0; p < blk->npatterns; p++) {
        if (first_need_absent(c, need, p) || !pattern_possible(c, s, need, p, &blk->patterns[p])) continue;
        int ss, tt;
        if (match_regions_or_verb(s, v, &blk->patterns[p], regions, &ss, &tt, scratch)) {
            for (size_t t = 0; t < s->ntok; t++) used[t] |= scratch[t];
            return last_writing(blk, later_same_path(c, s, v, blk, p, regions, scratch));
        }
    }
    return NULL;
}

/* Source and target of verb v, where the pattern (if any) left them open. */
static void assign_roles(const dy_sentence_parse *s, size_t v, const dy_pattern *hit, const uint8_t *used,
                         int prev_src, size_t clause0, int by_clause, int passive, int *src, int *tgt,
                         size_t *clause_start) {
    int tabari = s->family == DY_FAM_TABARI;
    int subj = dy_subject_of(s, v, prev_src, clause0, by_clause, clause_start);
    if (*src < 0 && *tgt < 0 && passive) {
        *src = dy_by_agent_of(s, v);
        *tgt = subj;
        /* TABARI: "X was shot dead in Y" — no "by", the actor after is the doer */
        if (*src < 0 && tabari) *src = dy_object_of(s, v, *tgt, 0, used, 1);
        return;
    }
    int from_pattern = *src >= 0;
    if (*src < 0) *src = subj;
    /* TABARI "+ WAS * DEAD": the pattern's target opens the clause, so the
     * doer is the first other actor after the verb */
    if (!from_pattern && *src >= 0 && *src == *tgt && tabari && hit) *src = dy_object_of(s, v, *tgt, 0, used, 1);
    /* The target is the first actor after the verb (in its clause for the
     * clause-coding families); TABARI, with none there, takes the nearest
     * other actor before it ("it requested that Elrond assist") */
    if (*tgt < 0) *tgt = dy_object_of(s, v, *src, 0, used, by_clause);
    if (*tgt < 0 && tabari) *tgt = dy_nearest_before(s, v, *src, clause0);
    *tgt = dy_reflexive_fix(s, *src, *tgt);
}

/* The events of one coded verb. */
static void emit_code(emit_ctx *x, size_t v, const dy_pattern *hit, const dy_code *code, const dy_group *gs,
                      const dy_group *gt, int passive, dyad_status st, int subordinate) {
    const char *act = code->active, *pas = code->passive;
    if (x->s->family == DY_FAM_PETRARCH2 && !(hit && gt && dy_p2_from_pp(x->s, gt)) && (code->flags & DY_CODE_PAIRED) &&
        !(act && pas && !strcmp(act, pas))) {
        /* PETRARCH-2 reads [A:B] as active:passive, one event either way
         * (a symmetric [046:046] still codes both directions), except
         * that a pattern's target given by "from" also gets the reverse B,
         * as the PETR-2 gold has it ("received ministers from X": 043 and
         * X's 042; "received assurances from X" [:030]: X's 030) */
        const char *one = passive && pas && *pas ? pas : act;
        if (one && *one && !code_is(one, "---")) emit_pairs(x, v, hit, gs, gt, one, strlen(one), st, subordinate);
        return;
    }
    /* '%' with a paired code: A from each member to the later ones, B back */
    int dir = gs && gs == gt && (code->flags & DY_CODE_PAIRED) ? 1 : 0;
    if (act && *act && !code_is(act, "---"))
        emit_pairs_dir(x, v, hit, gs, gt, act, strlen(act), st, subordinate, dir);
    if ((code->flags & DY_CODE_PAIRED) && pas && *pas && !code_is(pas, "---"))
        emit_pairs_dir(x, v, hit, gt, gs, pas, strlen(pas), st, subordinate, -dir);
}

/* A subordinate code ('?') counts only when nothing else was coded; a
 * dominant one ('!') leaves only the dominant events of the sentence. */
static void drop_subordinate(event_list *out, size_t first) {
    int has_main = 0, has_dominant = 0;
    for (size_t i = first; i < out->n; i++) {
        if (out->subordinate[i] != EV_SUBORDINATE) has_main = 1;
        if (out->subordinate[i] == EV_DOMINANT) has_dominant = 1;
    }
    if (!has_main) return;
    size_t w = first;
    for (size_t i = first; i < out->n; i++) {
        int keep = has_dominant ? out->subordinate[i] == EV_DOMINANT : out->subordinate[i] != EV_SUBORDINATE;
        if (keep) {
            out->ev[w] = out->ev[i];
            out->subordinate[w++] = out->subordinate[i];
        }
    }
    out->n = w;
}

/* Native: one sentence states an event once ("were killed and six
 * injured by rebels" is one attack): a later event with the same source,
 * target, code and status is dropped; the first keeps its spans. */
static void drop_repeats(event_list *out, size_t first) {
    size_t w = first;
    for (size_t i = first; i < out->n; i++) {
        const dyad_event *e = &out->ev[i];
        int seen = 0;
        for (size_t k = first; k < w && !seen; k++) {
            const dyad_event *f = &out->ev[k];
            seen = f->status == e->status && !strcmp(f->source, e->source) && !strcmp(f->target, e->target) &&
                   !strcmp(f->code, e->code);
        }
        if (seen) continue;
        out->ev[w] = out->ev[i];
        out->subordinate[w++] = out->subordinate[i];
    }
    out->n = w;
}

/* PETRARCH-2 codes a negated offer as its refusal ("would not give
 * permission": 124): the code joined with the general rejection, the event
 * then a reported one. *code unchanged when they do not join. */
static void p2_negation(const dy_code **code, dy_code *joined, char joined_text[8], dyad_status *st) {
    if (*st != DYAD_NEGATED || ((*code)->flags & DY_CODE_PAIRED) || !dy_p2_compose("120", (*code)->active, joined_text))
        return;
    *joined = **code;
    joined->text = joined->active = joined_text;
    *code = joined;
    *st = DYAD_REPORTED;
}

/* PETRARCH-2: verb v, an upper verb of the transformations, governs
 * another ("X said Y attacked Z", "X wants Y to attack Z"). The pair is one
 * nested event: rewritten by the first
 * transformation that fits, else the governed verb's own event, its
 * subject the one written after v (or v's). Returns 1 when that coded
 * something; 0 leaves v to be coded as usual. */
static int p2_nested(emit_ctx *x, size_t v, uint8_t *used, uint8_t *scratch, int prev_src, size_t clause0,
                     int transform_only) {
    dy_sentence_parse *s = x->s;
    dyad_coder *c = x->c;
    size_t lower;
    int written_src;
    if (!dy_p2_complement(s, v, &lower, &written_src)) return 0;
    size_t ucs;
    int usrc = dy_subject_of(s, v, prev_src, clause0, 1, &ucs);
    int ls, lt;
    const dy_pattern *hit = try_patterns(c, s, lower, used, scratch, &ls, &lt);
    const dy_code *code = hit ? &hit->code : &s->u[lower].verb->code;
    if (code->flags & (DY_CODE_BAD | DY_CODE_DISCARD | DY_CODE_COMPLEX)) return 0;
    int passive = dy_is_passive(s, lower);
    size_t lcs = 0;
    /* a subject naming no actor is nobody, not the sayer */
    assign_roles(s, lower, hit, used, written_src == DY_P2_NO_ACTOR ? -1 : usrc, v + 1, 1, passive, &ls, &lt,
                 &lcs);
    /* who did what was said: the subject written, or a passive's doer ("a
     * mortar bomb was fired at it from the Gaza Strip") */
    int said_src = written_src == DY_P2_NO_ACTOR ? -1 : written_src;
    if (passive) said_src = ls >= 0 ? ls : dy_p2_from_group_after(s, lower);
    dyad_status st = dy_status_of(s, lower, lcs);
    size_t before = x->out->n;
    /* a null lower verb ("---") or a passive-only one (":071") gives the
     * transformations no active code to read */
    const char *lcode = (code->flags & DY_CODE_NULL) || !code->active || !*code->active ? NULL : code->active;
    int os, ot;
    const char *oc;
    dy_code joined, refused;
    char joined_text[8], refused_text[8];
    int transformed = dy_p2_transform(c->p2, s, v, usrc, said_src, lt, lcode, &os, &ot, &oc);
    if (!transformed && transform_only) return 0;
    if (transformed) {
        if (oc == lcode) {
            /* "said he would not give": the lower event, refused */
            const dy_code *lc = code;
            p2_negation(&lc, &refused, refused_text, &st);
            oc = lc->active && *lc->active ? lc->active : oc;
        }
        const dy_group *gs = &s->g[os];
        /* "Kiev said Russian forces shelled": the government accuses */
        if (s->family == DY_FAM_NATIVE) gs = n_capital_speaker(gs, oc, &c->arena);
        emit_pairs(x, lower, hit, gs, &s->g[ot], oc, strlen(oc), st, EV_PLAIN);
    } else if (!(code->flags & DY_CODE_NULL)) {
        /* "wants to help": the two verbs' codes joined */
        if (written_src < 0 && !(code->flags & DY_CODE_PAIRED) &&
            dy_p2_compose(s->u[v].verb->code.active, code->active, joined_text)) {
            joined = *code;
            joined.text = joined.active = joined_text;
            code = &joined;
        }
        p2_negation(&code, &refused, refused_text, &st);
        emit_code(x, lower, hit, code, ls >= 0 ? &s->g[ls] : NULL, lt >= 0 ? &s->g[lt] : NULL, passive, st,
                  EV_PLAIN);
    }
    if (x->out->n == before) return 0;
    used[s->u[lower].verb_tok] = 1;
    return 1;
}

/* Every verb of the sentence to events. Returns 0, or 1 when a code
 * discarded the sentence or found it complex (no events then). */
static int code_sentence(emit_ctx *x) {
    dy_sentence_parse *s = x->s;
    dyad_coder *c = x->c;
    uint8_t *used = dy_arena_calloc(&c->arena, s->ntok + 1, 1);
    uint8_t *scratch = dy_arena_calloc(&c->arena, s->ntok + 1, 1);
    size_t first_event = x->out->n;
    int prev_src = -1;
    /* The peers code one event per clause (or per sentence, or every verb,
     * as SET: CODE BY says), the source being the clause's first actor;
     * our own dictionaries code every verb. */
    int by_clause = s->family != DY_FAM_NATIVE;
    int code_by = by_clause ? c->opt.code_by : DY_CODE_BY_ALL;
    size_t clause0 = 0;
    int clause_done = 0, sentence_done = 0;
    /* PETRARCH-2: the code of a verb that gave way to its infinitive */
    const char *upper_code = NULL;
    size_t upper_at = SIZE_MAX;
    /* native: where an appeal or demand was coded ("faces pressure from X
     * to help Y": the help is asked for, not given) */
    size_t wish_from = SIZE_MAX;
    /* native: the group an accusation was made against ("claimed that
     * ISIL had attacked Iraq": the attack is what is alleged) */
    int alleged = -1;
    /* PETRARCH-2: "Before leaving for X, Y scheduled ...": Y's clause starts after the comma */
    size_t main_clause = s->family == DY_FAM_PETRARCH2 ? dy_p2_main_clause_start(s) : 0;
    for (size_t v = 0; v < s->nu; v++) {
        if (v > 0 && dy_clause_starts_at(s, v - 1)) {
            clause0 = v;
            clause_done = 0;
            wish_from = SIZE_MAX;
        }
        if (main_clause && v == main_clause) {
            clause0 = v;
            clause_done = 0;
            prev_src = -1; /* the opening clause's subject is not the main one's */
        }
        const dy_unit *vu = &s->u[v];
        if (vu->kind != DY_U_VERB || !vu->verb || used[vu->verb_tok]) continue;
        if (code_by == DY_CODE_BY_CLAUSE && clause_done) continue;
        if (code_by == DY_CODE_BY_SENTENCE && sentence_done) continue;

        if (s->family == DY_FAM_NATIVE && v > wish_from && n_infinitive(s, v)) continue;
        if (s->family == DY_FAM_NATIVE && alleged >= 0 && n_subject_group_is(s, v, alleged)) {
            prev_src = alleged; /* "... had attacked Iraq and taken Mosul": alleged too */
            continue;
        }
        if ((s->family == DY_FAM_PETRARCH2 || s->family == DY_FAM_NATIVE) &&
            (dy_p2_participle_modifier(s, v, clause0) || dy_p2_reduced_relative(s, v) || dy_p2_gerund_in_pp(s, v)))
            continue;
        /* PETRARCH-2: a saying or wanting verb (a transformation's upper verb).
         * Our own dictionaries take the nested reading only where one of
         * their transformations fits ("Israel said Hamas attacked": 112);
         * otherwise both verbs code as usual. */
        int upper = (s->family == DY_FAM_PETRARCH2 || s->family == DY_FAM_NATIVE) && c->p2 &&
                    dy_p2_is_upper(c->p2, s, v);
        if (upper && p2_nested(x, v, used, scratch, prev_src, clause0, s->family == DY_FAM_NATIVE)) {
            clause_done = sentence_done = 1;
            continue;
        }
        if (s->family != DY_FAM_PETRARCH2) upper = 0;
        size_t governed;
        int governed_src;
        if (upper && dy_p2_complement(s, v, &governed, &governed_src) && governed_src >= 0 &&
            strncmp(vu->verb->code.text, "01", 2)) {
            /* "wants Y to head back": a wish about Y that codes nothing
             * unless a transformation or Y's own event says what */
            continue;
        }
        if (upper && !strncmp(vu->verb->code.text, "01", 2) && dy_p2_clause_complement(s, v)) {
            /* what is said is a clause of its own, with its own subject (an
             * allegation, 110, still targets that subject) */
            clause0 = v + 1;
            prev_src = -1;
            continue;
        }
        int src = -1, tgt = -1;
        /* A PETRARCH-2 passive is matched as if active first (by-phrase
         * before the verb, subject after it) and then codes as active, the
         * roles swapped */
        const dy_pattern *hit = NULL;
        int active_code = 0;
        if ((s->family == DY_FAM_PETRARCH2 || s->family == DY_FAM_NATIVE) && dy_is_passive(s, v) &&
            (hit = try_passive_patterns(c, s, v, used, scratch)))
            active_code = 1;
        if (!hit) hit = try_patterns(c, s, v, used, scratch, &src, &tgt);
        const dy_code *code = hit ? &hit->code : &vu->verb->code;
        /* PETRARCH-1's records read '%' as the compound source with the usual
         * target, both ways within the compound only when there is none */
        if (hit && s->family == DY_FAM_PETRARCH1 && src >= 0 && src == tgt) {
            int obj = dy_object_of(s, v, src, 0, used, 1);
            if (obj >= 0) tgt = obj;
        }
        int passive = dy_is_passive(s, v);
        if (s->family == DY_FAM_NATIVE && !passive && n_reduced_passive(s, v)) passive = 1;
        /* native: "X was arrested in Italy" under "* +": with the verb in
         * the passive, an actor after it is no target (the by-phrase is the
         * doer), so the passive reading assigns the roles */
        if (s->family == DY_FAM_NATIVE && passive && hit && !active_code && n_role_after(s, v, src, tgt)) src = tgt = -1;
        /* PETRARCH-1 reads a passive without "by" as if active ("X was criticized over Y") */
        if (passive && s->family == DY_FAM_PETRARCH1 && dy_by_agent_of(s, v) < 0) passive = 0;
        size_t clause_start = 0;
        assign_roles(s, v, hit, used, prev_src, clause0, by_clause, passive, &src, &tgt, &clause_start);
        /* PETRARCH-2: "were killed in Israeli shelling": Israel killed */
        if ((s->family == DY_FAM_PETRARCH2 || s->family == DY_FAM_NATIVE) && passive && !active_code && src < 0 &&
            tgt >= 0) {
            src = dy_p2_passive_doer(s, v);
            if (src == tgt) src = -1;
            /* native: "killed in Ukraine today" names a place, not a doer */
            if (src >= 0 && s->family == DY_FAM_NATIVE && n_time_follows(s, s->g[src].u1)) src = -1;
        }
        /* "for X, hosting Y underscores ...": X hosts */
        if (src < 0 && (s->family == DY_FAM_PETRARCH2 || s->family == DY_FAM_NATIVE)) src = dy_p2_gerund_subject(s, v);
        /* "X shelled the town, killing four": the participle's doer is X */
        if (s->family == DY_FAM_NATIVE && prev_src >= 0 && prev_src != tgt && n_participle_clause(s, v)) src = prev_src;
        if (s->family == DY_FAM_NATIVE && alleged >= 0 && src == alleged && !passive) continue;
        if (s->family == DY_FAM_NATIVE && !passive) tgt = n_target_in_pp(s, v, src, tgt, used);
        if (s->family == DY_FAM_NATIVE && !passive && tgt < 0 && src >= 0) tgt = n_shared_object(s, v, src, used);
        prev_src = src;
        /* "A, B and C said in a statement they ...": a pronoun for the
         * source itself is nobody else, not every member to every other */
        if ((s->family == DY_FAM_PETRARCH2 || s->family == DY_FAM_NATIVE) && src >= 0 && tgt >= 0 && tgt != src &&
            s->g[tgt].pronoun && s->g[src].nm > 1 && dy_p2_same_actors(s, src, tgt))
            tgt = -1;
        /* PETRARCH-2 and native: a compound with nobody after its verb acts
         * on itself ("A, B and C met": each met the others) */
        if ((s->family == DY_FAM_PETRARCH2 || s->family == DY_FAM_NATIVE) && tgt < 0 && src >= 0 &&
            s->g[src].nm > 1 && s->g[src].nm <= DY_P2_RECIPROCAL_MAX && !dy_p2_after_relative(s, v) &&
            dy_p2_reciprocal_code(code->active))
            tgt = src;
        /* native: "A and B exchanged prisoners": a symmetric paired code
         * ([0841:0841]) runs both ways between the members of a compound
         * source when the object names nobody of its own */
        if (s->family == DY_FAM_NATIVE && src >= 0 && s->g[src].nm > 1 && s->g[src].nm <= N_MAX_RECIPROCAL &&
            (code->flags & DY_CODE_PAIRED) && code->active && code->passive && !strcmp(code->active, code->passive) &&
            (tgt < 0 || n_weak_target(s, src, tgt)))
            tgt = src;
        /* "prepared to attend", "plans to visit": the event is the second
         * verb's, the first only says when or whether (status.c reads it) */
        if (!hit && s->family != DY_FAM_TABARI && s->family != DY_FAM_PETRARCH1 && dy_infinitive_follows(s, v)) {
            upper_code = code->active;
            upper_at = v + 2;
            continue;
        }
        if (code->flags & DY_CODE_BAD) continue;
        if (code->flags & (DY_CODE_DISCARD | DY_CODE_COMPLEX)) {
            x->out->n = first_event;
            return 1;
        }
        if (code->flags & DY_CODE_NULL) continue;
        /* PETRARCH-2: "seeking to deepen ties", "asking Y to help" are one
         * event whose code joins the two verbs' */
        dy_code joined;
        char joined_text[8];
        size_t lower;
        if ((s->family == DY_FAM_PETRARCH2 || s->family == DY_FAM_NATIVE) && !(code->flags & DY_CODE_PAIRED) &&
            ((v == upper_at && dy_p2_compose(upper_code, code->active, joined_text)) ||
             (dy_p2_object_infinitive(s, tgt, &lower) &&
              dy_p2_compose(code->active, s->u[lower].verb->code.active, joined_text)))) {
            joined = *code;
            joined.text = joined.active = joined_text;
            code = &joined;
        }

        int subordinate = (code->flags & DY_CODE_SUBORDINATE) ? EV_SUBORDINATE
                          : (code->flags & DY_CODE_DOMINANT) && s->family == DY_FAM_TABARI ? EV_DOMINANT
                                                                                          : EV_PLAIN;
        const dy_group *gs = src >= 0 ? &s->g[src] : NULL;
        const dy_group *gt = tgt >= 0 ? &s->g[tgt] : NULL;
        if (by_clause) apply_defaults(c, &gs, &gt);
        /* "representatives of eleven countries met": a summit, not 110 meetings */
        if (s->family == DY_FAM_NATIVE && gs && gs == gt && gs->nm > N_MAX_RECIPROCAL) continue;
        /* "the Gaza Strip, occupied by Egypt in 1948": history, not news */
        if (s->family == DY_FAM_NATIVE && n_historical(s, v, x->date)) continue;
        if (s->family == DY_FAM_NATIVE && !passive)
            gs = n_capital_speaker(gs, code->active && *code->active ? code->active : code->text, &c->arena);
        if (s->family == DY_FAM_NATIVE && gt &&
            (n_place_not_target(s, tgt, code->active && *code->active ? code->active : code->text) ||
             n_told_content(s, v, tgt, code->active && *code->active ? code->active : code->text)))
            gt = NULL;
        if (s->family == DY_FAM_NATIVE)
            gt = n_domestic_target(gs, gt, code->active && *code->active ? code->active : code->text, &c->arena);
        size_t before = x->out->n;
        dyad_status st = dy_status_of(s, v, clause_start);
        dy_code refused;
        char refused_text[8];
        if (s->family == DY_FAM_PETRARCH2 || s->family == DY_FAM_NATIVE) p2_negation(&code, &refused, refused_text, &st);
        if ((s->family == DY_FAM_PETRARCH2 || s->family == DY_FAM_NATIVE) && st == DYAD_REPORTED &&
            dy_p2_on_the_way(s, v, code->active))
            st = DYAD_PLANNED;
        emit_code(x, v, hit, code, gs, gt, passive && !active_code, st, subordinate);
        if (s->family == DY_FAM_NATIVE && x->out->n > before && (n_code_asks(code->active) || n_code_asks(code->passive)))
            wish_from = v;
        if (s->family == DY_FAM_NATIVE && x->out->n > before && tgt >= 0 && n_code_alleges(code->active) &&
            n_complement_subject(s, v, tgt))
            prev_src = alleged = tgt;
        if (x->out->n > before && subordinate != EV_SUBORDINATE) clause_done = sentence_done = 1;
        /* TABARI gives a clause to its first coded verb even when that verb
         * finds no actors ("Rebuked by X, Y is being drawn ...") */
        if (subordinate != EV_SUBORDINATE && s->family == DY_FAM_TABARI) clause_done = 1;
    }
    /* "analysts anticipate talks between A and B": a meeting named by a
     * noun, when nothing else in the sentence is an event */
    if ((s->family == DY_FAM_PETRARCH2 || s->family == DY_FAM_NATIVE) && x->out->n == first_event)
        for (size_t k = 0; k < s->nu; k++) {
            int g;
            const char *nc;
            dyad_status nst;
            if (dy_p2_nominal_at(s, k, &g, &nc, &nst))
                emit_pairs(x, k, NULL, &s->g[g], &s->g[g], nc, strlen(nc), nst, EV_PLAIN);
        }
    drop_subordinate(x->out, first_event);
    if (s->family == DY_FAM_NATIVE) drop_repeats(x->out, first_event);
    return 0;
}

static void article_date(const dyad_article *a, const char *fallback, char out[11]) {
    out[0] = 0;
    const char *d = a->date;
    if (d && strlen(d) == 10 && d[4] == '-' && d[7] == '-') {
        memcpy(out, d, 11);
        return;
    }
    if (d && strlen(d) == 8 && strspn(d, "0123456789") == 8) {
        snprintf(out, 11, "%.4s-%.2s-%.2s", d, d + 4, d + 6);
        return;
    }
    if (fallback) snprintf(out, 11, "%s", fallback);
}







static void mark_present(dyad_coder *c, dy_word w) {
    if (w && w < c->present_bits) c->present[w >> 3] |= (uint8_t)(1u << (w & 7));
}

static void clear_present(dyad_coder *c, dy_word w) {
    if (w && w < c->present_bits) c->present[w >> 3] &= (uint8_t)~(1u << (w & 7));
}

/* For debugging the parse: one line of units, one line per group. */
static void trace_parse(FILE *f, const dy_sentence_parse *s) {
    static const char kinds[] = "wAGVP,|.";
    for (size_t k = 0; k < s->nu; k++) {
        const dy_unit *x = &s->u[k];
        fprintf(f, "%s%c:%.*s", k ? " " : "", kinds[x->kind],
                (int)(s->tok[x->t1 - 1].end - s->tok[x->t0].start), s->text + s->tok[x->t0].start);
        if (x->kind == DY_U_VERB && x->verb) fprintf(f, "[%s]", x->verb->code.text);
        if (x->group >= 0) fprintf(f, "{g%d}", x->group);
    }
    fputc('\n', f);
    for (size_t k = 0; k < s->ng; k++) {
        fprintf(f, "  g%zu%s%s:", k, s->g[k].in_pp ? " pp" : "", s->g[k].pronoun ? " pron" : "");
        for (uint32_t q = 0; q < s->g[k].nm; q++) fprintf(f, " %s", s->g[k].m[q].code);
        fputc('\n', f);
    }
}




/* The first two actors a sentence names with different countries ("Xi
 * met Lee in Gyeongju": CHN and KOR, the place being Lee's country), as
 * a pair for "the two countries" later; 0 when there are not two. */
static int distinct_pair(const dy_sentence_parse *s, dy_member out[2]) {
    int n = 0;
    for (size_t k = 0; k < s->ng && n < 2; k++) {
        const dy_group *g = &s->g[k];
        if (g->pronoun || g->nm != 1 || !g->m[0].actor || strlen(g->m[0].code) < 3) continue;
        if (n == 1 && !strncmp(out[0].code, g->m[0].code, 3)) continue;
        out[n++] = g->m[0];
    }
    return n == 2;
}

/* What a sentence leaves for the next ones: its subject, and its last
 * compound or else its two actors of different countries. */
static void update_context(dy_context *ctx, const dy_sentence_parse *s, dy_arena *a) {
    for (size_t k = 0; k < s->ng; k++)
        if (!s->g[k].in_pp && s->g[k].nm) {
            ctx->m = s->g[k].m;
            ctx->nm = s->g[k].nm;
            break;
        }
    int compound = 0;
    for (size_t k = s->ng; k-- > 0;)
        if (s->g[k].nm > 1 && !s->g[k].pronoun) {
            ctx->pair = s->g[k].m;
            ctx->npair = s->g[k].nm;
            compound = 1;
            break;
        }
    dy_member two[2];
    if (!compound && s->family == DY_FAM_NATIVE && distinct_pair(s, two)) {
        dy_member *keep = dy_arena_alloc(a, sizeof two);
        memcpy(keep, two, sizeof two);
        ctx->pair = keep;
        ctx->npair = 2;
    }
    for (size_t k = 0; k < s->ng; k++)
        if (!s->g[k].pronoun && s->g[k].nm) {
            ctx->named = &s->g[k].m[0];
            break;
        }
}

/* One sentence: tokens, filters, parse, events. Returns -1 when a story
 * discard drops the whole article, else 0. */
static int code_one_sentence(dyad_coder *c, const dyad_article *a, int si, const dy_sentence *sent,
                             const char *date, dy_context *ctx, event_list *out) {
    dy_token *tok = NULL;
    size_t nt = dy_tokenise(a->text, sent->start, sent->end, &c->arena, &tok);
    if (nt == 0) return 0;
    int tabari_reading = c->family == DY_FAM_TABARI || c->family == DY_FAM_PETRARCH1;
    if (tabari_reading) nt = dy_tabari_tokens(tok, nt, c->family == DY_FAM_TABARI, &c->arena, &tok);
    dy_dict_tok *dt = dy_arena_alloc(&c->arena, (nt + 1) * sizeof *dt);
    /* the vocabulary is larger than the caches: ask for every token's slot
     * first, so the lookups' memory waits overlap instead of queueing */
    for (size_t i = 0; i < nt; i++) dy_dict_prefetch_word(c->d, tok[i].norm, tok[i].norm_len);
    for (size_t i = 0; i < nt; i++) dy_dict_tok_resolve(c->d, tok[i].norm, tok[i].norm_len, &dt[i]);
    int disc = c->family == DY_FAM_PETRARCH2 ? dy_p2_discard_of(c->d, tok, dt, nt) : dy_discard_of(c->d, dt, nt);
    if (disc == 2) return -1;
    if (disc == 1) return 0;
    if (c->opt.minimum_words > 0 && dy_word_count(tok, nt) < (size_t)c->opt.minimum_words) return 0;
    char sdate[11];
    memcpy(sdate, date, sizeof sdate);
    if (c->time_shift && c->family == DY_FAM_TABARI) {
        int32_t shift;
        if (dy_time_phrases(c->d, tok, nt, &shift)) return 0;
        int32_t day = date[0] ? dy_day_parse(date, strlen(date)) : DY_DAY_NONE;
        if (shift && day != DY_DAY_NONE) dy_day_format(day + shift, sdate);
    }
    if (tabari_reading) nt = dy_drop_asides(c->d, &c->opt, tok, dt, nt, &c->arena);

    dy_sentence_parse s;
    memset(&s, 0, sizeof s);
    s.d = c->d;
    s.family = c->family;
    s.text = a->text;
    s.date = sdate;
    s.tok = tok;
    s.dt = dt;
    s.ntok = nt;
    s.present = c->present;
    s.present_bits = c->present_bits;
    s.memo = &c->memo;
    s.convert_agents = c->opt.convert_agents;
    s.fwx = &c->fwx;
    c->cur_dt = dt;
    c->cur_nt = nt;
    for (size_t i = 0; i < nt; i++) {
        mark_present(c, dt[i].word);
        mark_member_word(c, dt[i].word);
        for (uint8_t k = 0; k < dt[i].next; k++) {
            mark_present(c, dt[i].ext[k].word);
            mark_member_word(c, dt[i].ext[k].word);
        }
    }
    s.names = ctx->names;
    dy_units_build(&s, &c->arena);
    dy_groups_build(&s, ctx, &c->arena);
    if (c->family == DY_FAM_PETRARCH2) dy_p2_np_agents(&s, &c->arena);
    if (c->family == DY_FAM_PETRARCH2 || c->family == DY_FAM_NATIVE) dy_p2_learn_names(&ctx->names, &s, &c->arena);
    if (c->trace) trace_parse(c->trace, &s);
    if (c->family == DY_FAM_TABARI && dy_too_complex(&c->opt, &s)) s.complex = 1;
    if (!s.discard && !s.complex) {
        emit_ctx x = {c, a, &s, si, out, sdate};
        code_sentence(&x);
    }
    /* the per-sentence marks go, so the next sentence starts clean */
    for (size_t i = 0; i < c->memo.nused; i++) c->memo.key[c->memo.used[i]] = NULL;
    c->memo.nused = 0;
    for (size_t i = 0; i < c->syn_nused; i++) c->syn_memo[c->syn_used[i]] = 0;
    c->syn_nused = 0;
    c->cur_dt = NULL;
    c->cur_nt = 0;
    for (size_t i = 0; i < nt; i++) {
        clear_present(c, dt[i].word);
        for (uint8_t k = 0; k < dt[i].next; k++) clear_present(c, dt[i].ext[k].word);
    }
    update_context(ctx, &s, &c->arena);
    return 0;
}

int dyad_code_article(dyad_coder *c, const dyad_article *a, dyad_event_fn fn, void *user,
                      dyad_diag *diag) {
    (void)diag;
    if (!c || !a || !a->text) return -1;
    dy_arena_reset(&c->arena);
    char date[11];
    article_date(a, c->default_date[0] ? c->default_date : NULL, date);
    dy_sentence *sent = NULL;
    size_t ns = dy_split_sentences(a->text, a->text_len, &c->arena, &sent);
    event_list out = {0};
    dy_context ctx = {0};
    if (c->carry && c->ncarried) {
        ctx.m = c->carried;
        ctx.nm = c->ncarried;
    } else {
        c->ncarried = 0;
    }
    for (size_t si = 0; si < ns; si++)
        if (code_one_sentence(c, a, (int)si, &sent[si], date, &ctx, &out) < 0) {
            save_context(c, &ctx);
            return 0; /* a story discard drops every event of the article */
        }
    save_context(c, &ctx);
    int count = 0;
    for (size_t i = 0; i < out.n; i++) {
        count++;
        if (fn && fn(&out.ev[i], user)) break;
    }
    return count;
}
