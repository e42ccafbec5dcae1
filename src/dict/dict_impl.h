/*
 * Inside the dictionary: the builder the loaders fill and the compiled form
 * the match functions read. Only src/dict/ includes this.
 *
 * Loaders append to growable vectors while they read; dy_build_finish() turns
 * those into the contiguous, pointer-stable arrays dict.h promises (an
 * entry's codes adjacent, a block's patterns adjacent and ordered), and frees
 * the scaffolding. After that nothing is written again.
 */
#ifndef DY_DICT_IMPL_H
#define DY_DICT_IMPL_H

#include "dict/dict.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/xalloc.h"
#include <stdarg.h>

#define DY_XFILTER_WORDS 1024 /* the stem filter: 65,536 bits, 8 KB */

/* Growable array of any element type: one realloc per doubling, so loading
 * a large file costs a handful of allocations, not one per entry. */
#define DY_VEC(T) struct { T *v; size_t n, cap; }
#define DY_VEC_PUSH(vec, x)                                                        \
    do {                                                                           \
        if ((vec).n == (vec).cap) {                                                \
            (vec).cap = (vec).cap ? (vec).cap * 2 : 16;                            \
            (vec).v = dy_xrealloc((vec).v, (vec).cap * sizeof *(vec).v);           \
        }                                                                          \
        (vec).v[(vec).n++] = (x);                                                  \
    } while (0)

enum {
    DY_TRIE_ACTOR = 0, DY_TRIE_AGENT, DY_TRIE_NOUN, DY_TRIE_ADJ, DY_TRIE_VERB,
    DY_TRIE_DISCARD, DY_TRIE_ISSUE, DY_TRIE_COUNT
};

/* One word of a phrase being inserted. gap: other tokens may come before it
 * (TABARI blank connector); never set on the first word. */
typedef struct {
    dy_word word;
    uint8_t mode;   /* dy_match_mode */
    uint8_t gap;
} dy_pword;

#define DY_MAX_PHRASE 32

/* One slot of the edge hash table. Key and child side by side: a probe
 * touches one cache line, not two (a large set's table outgrows the L2 cache). */
typedef struct {
    uint64_t key;                /* parent node << 32 | dy_edge_bits */
    uint32_t child;              /* 0: empty slot */
    uint32_t unused;             /* keeps slots 16 bytes, never straddling a line */
} dy_edge;

/* One slot of the vocabulary table. The tag rejects a mismatch and the head
 * confirms a short word without touching the word's text (a cache miss). */
typedef struct {
    uint32_t id;                 /* 0: empty slot */
    uint32_t tag;                /* 24 high hash bits << 8 | length (255: 255 or more) */
    uint64_t head;               /* first 8 bytes of the word, zero-padded */
} dy_vslot;

/* Per-word flags (wext). Most tokens begin no phrase of a given trie, and
 * most continue none: these bits let a walk reject them without probing the
 * edge table (a cache miss each). */
enum {
    DY_WEXT_EXT = 1u,            /* used as a stem or ending word somewhere */
    DY_WEXT_ROOT0 = 2u,          /* << trie: some edge leaves that trie's root with this word */
    DY_WEXT_DEEP0 = 1u << 8      /* << trie: some other edge of that trie carries this word */
};
_Static_assert(DY_TRIE_COUNT <= 7, "the DY_WEXT_* trie bits of a word fit in 16 bits");
_Static_assert(DY_TRIE_COUNT <= 8, "dy_dict_tok.starts holds a bit per trie");

/* One entry of the root table (see rootc). */
typedef struct {
    uint32_t child;              /* 0: no such edge */
    uint32_t pay_mask;           /* the child's payload << 8 | its nmask */
} dy_root_edge;
#define DY_ROOT_PAY_MAX (UINT32_MAX >> 8)

/* A row of the root table: 64 bytes, so an aligned row is one cache line. */
#define DY_ROOT_STRIDE 8
_Static_assert(DY_TRIE_COUNT <= DY_ROOT_STRIDE, "a root table row holds every trie");

typedef struct {
    const dy_pat_elem *elem;     /* element whose synset is to be resolved */
    const char *name;
    uint32_t pattern;            /* index+1 of the owning pattern, 0 for synset members */
} dy_synref;

struct dyad_dict {
    dy_arena arena;              /* every string and element, freed in one step */
    dy_arena scratch;            /* folding; reset per word */
    dy_family family;
    int family_rank;             /* verbs decide the family over actors */
    dy_dict_options opt;
    int opt_loaded;
    dy_dict_stats st;

    DY_VEC(const char *) files;

    /* vocabulary: id -> text; open-addressing table of ids */
    DY_VEC(const char *) wtext;
    DY_VEC(uint32_t) wlen;
    DY_VEC(uint16_t) wext;       /* DY_WEXT_* bits */
    dy_vslot *vslot;
    size_t vcap;
    int has_ext;

    /* tries: nodes (payload index+1, bitmask of child edge kinds), edges in one table */
    DY_VEC(uint32_t) npay;
    DY_VEC(uint8_t) nmask;
    dy_edge *edges;
    size_t ecap, ecount;
    uint32_t root[DY_TRIE_COUNT];
    /* rootc[w * DY_ROOT_STRIDE + trie]: the child of that trie's root by word
     * w taken exactly, with the child's payload and edge mask. Nearly every
     * token that starts a phrase does so exactly, and a token is tried
     * against every trie in turn: one row answers for all of them and for
     * the child's node arrays, where the edge table and those arrays cost a
     * cache miss each per trie. Derived when a dictionary is finished or
     * mapped (not part of the cache image); NULL when a payload does not fit. */
    dy_root_edge *rootc;
    /* One bit per hash of each edge's key (k = 1, eight bits an edge): most
     * probes below a root are for words the node has no edge for, and the
     * filter (an L2-sized array) turns about nine in ten of them away before
     * they reach the edge table. Derived like rootc; NULL: probe always. */
    uint64_t *ebloom;
    size_t ebloom_mask;                  /* bits - 1 */
    /* One bit per hash of each stem-bearing word (DY_WEXT_EXT): a token's
     * prefixes are looked up in the vocabulary only where the bit is set,
     * since almost no prefix of a running word is a stem (the vocabulary
     * probes were a tenth of coding time with PETRARCH-2's stems). Derived
     * like rootc; xfilter_ready 0: probe every prefix. */
    uint64_t xfilter[DY_XFILTER_WORDS];
    int xfilter_ready;

    /* actors */
    DY_VEC(dy_actor_entry) actors;
    DY_VEC(uint32_t) acode_entry;        /* build: entry index of each pending code */
    DY_VEC(dy_actor_code) acode;         /* build: codes in file order */
    dy_actor_code *acodes;               /* final: grouped by entry */
    size_t acode_total;

    DY_VEC(dy_agent_entry) agents;
    DY_VEC(dy_class_entry) classes;
    DY_VEC(dy_time_entry) times;
    DY_VEC(dy_discard_entry) discards;
    DY_VEC(dy_issue_entry) issues;
    DY_VEC(dy_transform) transforms;

    DY_VEC(dy_synset *) synsets;
    DY_VEC(dy_synref) synrefs;

    DY_VEC(dy_verb_block) blocks;
    DY_VEC(dy_verb_form) forms;
    DY_VEC(uint32_t) form_block;
    DY_VEC(dy_pattern) pats;             /* build: file order */
    DY_VEC(uint32_t) pat_block;
    dy_pattern *patterns;                /* final: grouped by block, family order */
    size_t pattern_total;

    struct { const char **v; size_t cap, n; } distinct[2]; /* build: actor / agent code sets, for stats */
    int finished;
    void *image;                         /* a mapped cache: every array above points into it */
    size_t image_len;
};

/* ---- building */
dyad_dict *dy_build_new(void);
void dy_build_finish(dyad_dict *d);
void dy_build_set_family(dyad_dict *d, dy_family f, int rank);
const char *dy_build_file(dyad_dict *d, const char *name); /* interned file name */
const char *dy_build_str(dyad_dict *d, const char *s, size_t n);

/* Fold and intern one word (s[0..n), any case). Never 0 for n > 0. */
dy_word dy_build_word(dyad_dict *d, const char *s, size_t n);
void dy_build_mark_ext(dyad_dict *d, dy_word w);

/* Vocabulary lookups with the hash computed by the caller: h[l] (l = 0..n)
 * receives the hash of s[0..l), all in one pass over s. */
void dy_vocab_prefix_hashes(const char *s, size_t n, uint64_t *h);
dy_word dy_vocab_find_hashed(const dyad_dict *d, const char *s, size_t n, uint64_t hash);

/* Insert a phrase; returns its final node. */
uint32_t dy_trie_insert(dyad_dict *d, int trie, const dy_pword *w, size_t n);
uint32_t dy_trie_payload(const dyad_dict *d, uint32_t node);
uint32_t dy_trie_child(const dyad_dict *d, uint32_t node, uint32_t bits);
int dy_dict_word_is_ext(const dyad_dict *d, dy_word w);
static inline uint32_t dy_edge_bits(dy_word w, unsigned mode, unsigned gap) {
    return (w << 3) | ((mode & 3u) << 1) | (gap & 1u);
}
void dy_trie_set_payload(dyad_dict *d, uint32_t node, uint32_t payload);

/* Inline for the match walks, which probe the edge table once per token and
 * match mode: the call would cost as much as the probe. */
static inline uint64_t dy_mix64(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}
/* The bloom bit of an edge key, from its mixed hash: high bits, where the
 * table slot uses the low ones. */
static inline size_t dy_edge_bloom_bit(const dyad_dict *d, uint64_t hash) {
    return (size_t)(hash >> 40) & d->ebloom_mask;
}
static inline uint32_t dy_trie_child_inline(const dyad_dict *d, uint32_t node, uint32_t bits) {
    uint64_t key = ((uint64_t)node << 32) | bits;
    size_t mask = d->ecap - 1;
    uint64_t hash = dy_mix64(key);
    if (d->ebloom) {
        size_t b = dy_edge_bloom_bit(d, hash);
        if (!((d->ebloom[b >> 6] >> (b & 63)) & 1)) return 0;
    }
    size_t i = (size_t)hash & mask;
    for (;;) {
        const dy_edge *e = &d->edges[i];
        if (!e->child) return 0;
        if (e->key == key) return e->child;
        i = (i + 1) & mask;
    }
}

/* Fill d->rootc and d->ebloom from the edge table (after the last insert). */
void dy_build_root_table(dyad_dict *d);

/* The cache image's format version (dict_cache.c) and a fingerprint of the
 * builtin files compiled into this binary (dict_load.c): parts of the
 * automatic cache's key. */
unsigned dy_dict_cache_version(void);
uint64_t dy_builtin_fingerprint(void);

/* Is a word with this vocabulary hash possibly stem-bearing? (xfilter) */
static inline int dy_xfilter_maybe(const dyad_dict *d, uint64_t hash) {
    if (!d->xfilter_ready) return 1;
    size_t b = (size_t)(hash >> 24) & (DY_XFILTER_WORDS * 64 - 1);
    return (int)((d->xfilter[b >> 6] >> (b & 63)) & 1);
}

/* Actor: the entry of a phrase node (created on first use). */
uint32_t dy_build_actor_entry(dyad_dict *d, uint32_t node, const char *root);
void dy_build_actor_code(dyad_dict *d, uint32_t entry, const dy_actor_code *c);

/* Verb blocks/forms/patterns; returns indexes. */
uint32_t dy_build_block(dyad_dict *d, const dy_verb_block *b);
void dy_build_form(dyad_dict *d, uint32_t block, const dy_verb_form *f, const dy_pword *w,
                   size_t n, int replace);
void dy_build_pattern(dyad_dict *d, uint32_t block, const dy_pattern *p);
dy_synset *dy_build_synset(dyad_dict *d, const char *name, const char *file, uint32_t line,
                           dy_family fam);
const dy_synset *dy_build_find_synset(const dyad_dict *d, const char *name);
void dy_build_synref(dyad_dict *d, const dy_pat_elem *e, const char *name, int member);

/* Count s among the distinct actor (set 0) or agent (set 1) codes; s must outlive the build. */
void dy_build_distinct(dyad_dict *d, int set, const char *s);

/* Codes: parse "042:043", "---", "080!", "013?"; reports nothing (caller does). */
int dy_code_parse(dyad_dict *d, const char *s, size_t n, dy_code *out);
size_t dy_pattern_length(const char *text); /* TABARI length: alphanumerics only */

/* ---- loaders (one file each); fmt-specific entry points */
typedef struct {
    dyad_dict *d;
    dyad_diag *diag;
    const char *file;            /* interned name for diagnostics and provenance */
    const char *data;
    size_t len;
    int memory;                  /* loaded from memory: references to other files are errors */
    dy_family fam;               /* family the entries of this file get */
    int depth;                   /* include depth */
    int restr_kind;              /* of the last code block read: 0 none, '<', '>', '-', '?' (single date) */
} dy_load_ctx;

/* Report "file:line: what: the line" (line text trimmed of its newline). */
void dy_load_report(dy_load_ctx *c, dyad_severity sev, uint32_t line, const char *line_text,
                    size_t line_len, const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Iterate lines: returns 0 at the end; sets *s, *n (without \r\n) and *lineno. */
typedef struct {
    const char *p, *end;
    uint32_t line;
} dy_lines;
void dy_lines_init(dy_lines *it, const char *data, size_t len);
int dy_lines_next(dy_lines *it, const char **s, size_t *n);

/* Split a transformation's text into words, brackets dropped ("a (b . 190)"
 * gives a, b, ., 190). Returns the word count; more than max words give
 * max + 1 (with the first max kept). */
size_t dy_transform_words(const char *s, size_t n, const char **w, size_t *wl, size_t max);

void dy_load_native(dy_load_ctx *c);
void dy_load_tabari_project(dy_load_ctx *c);
void dy_load_petrarch_config(dy_load_ctx *c);
void dy_load_tabari_actors(dy_load_ctx *c);
void dy_load_tabari_agents(dy_load_ctx *c);
void dy_load_tabari_verbs(dy_load_ctx *c);
void dy_load_tabari_options(dy_load_ctx *c);
void dy_load_petrarch_actors(dy_load_ctx *c);
void dy_load_petrarch_agents(dy_load_ctx *c);
void dy_load_petrarch_verbs(dy_load_ctx *c);
void dy_load_petrarch_discards(dy_load_ctx *c);
void dy_load_petrarch_issues(dy_load_ctx *c);

/* Read a file named relative to another file's folder; loads it as fmt. 0 ok, -1 unopenable
 * (reported at ref_file:ref_line). */
int dy_load_path(dyad_dict *d, dyad_diag *diag, const char *path, dy_dict_format fmt,
                 dy_family fam, const char *ref_file, uint32_t ref_line, int depth);
/* Family of a PETRARCH verb file by content (phrase patterns -> PETRARCH-2). */
dy_family dy_petrarch_verbs_family(const char *data, size_t len);
/* Load one buffer of a known format into d. */
void dy_load_buffer(dy_load_ctx *c, dy_dict_format fmt);
char *dy_path_join(const char *base_file, const char *rel); /* malloc'ed */
/* Collapse "." and "dir/.." segments in place (for builtin names). */
void dy_path_normalize(char *path);

/* PETRARCH/TABARI actor code block "[CODE restriction" -> out; -1 if no code. tabari: inclusive bounds. */
int dy_petr_code_block(dy_load_ctx *c, uint32_t line, const char *ltext, size_t llen, const char *s,
                       size_t n, dy_actor_code *out, int tabari);

/* Small string helpers shared by the loaders. */
static inline int dy_is_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == '\v' || ch == '\f'; }
void dy_trim(const char **s, size_t *n);

#endif
