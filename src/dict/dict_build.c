/* Building the compiled dictionary: interning, tries, and the final
 * grouping of codes and patterns into the arrays dict.h hands out. */
#include "dict/dict_impl.h"
#include "text/text.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <sys/mman.h>
#include <string.h>
#include <strings.h>

/* FNV-1a, then mixed: short keys, good spread. The unmixed FNV state of a
 * prefix extends to the next byte, which dy_vocab_prefix_hashes relies on. */
#define FNV_SEED 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

static uint64_t hash_bytes(const char *s, size_t n) {
    uint64_t h = FNV_SEED;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= FNV_PRIME;
    }
    return dy_mix64(h);
}

dyad_dict *dy_build_new(void) {
    dyad_dict *d = dy_xcalloc(1, sizeof *d);
    dy_arena_init(&d->arena, 1 << 20);
    dy_arena_init(&d->scratch, 4096);
    d->family = DY_FAM_NATIVE;
    d->family_rank = -1;
    dy_dict_options_default(&d->opt, DY_FAM_NATIVE);
    DY_VEC_PUSH(d->wtext, "");
    DY_VEC_PUSH(d->wlen, 0);
    DY_VEC_PUSH(d->wext, 0);
    d->vcap = 1 << 10; /* small sets (tests, fuzzing) stay small; big ones grow */
    d->vslot = dy_xcalloc(d->vcap, sizeof *d->vslot);
    d->ecap = 1 << 12;
    d->edges = dy_xcalloc(d->ecap, sizeof *d->edges);
    /* node 0 is "no node"; roots follow */
    DY_VEC_PUSH(d->npay, 0);
    DY_VEC_PUSH(d->nmask, 0);
    for (int t = 0; t < DY_TRIE_COUNT; t++) {
        d->root[t] = (uint32_t)d->npay.n;
        DY_VEC_PUSH(d->npay, 0);
        DY_VEC_PUSH(d->nmask, 0);
    }
    return d;
}

void dy_build_set_family(dyad_dict *d, dy_family f, int rank) {
    if (rank > d->family_rank) {
        d->family_rank = rank;
        d->family = f;
        if (!d->opt_loaded) dy_dict_options_default(&d->opt, f);
    }
}

const char *dy_build_str(dyad_dict *d, const char *s, size_t n) {
    return dy_arena_strndup(&d->arena, s, n);
}

const char *dy_build_file(dyad_dict *d, const char *name) {
    const char *s = dy_arena_strdup(&d->arena, name);
    DY_VEC_PUSH(d->files, s);
    d->st.files++;
    return s;
}

/* ---------------------------------------------------------------- vocabulary */

void dy_vocab_prefix_hashes(const char *s, size_t n, uint64_t *h) {
    uint64_t f = FNV_SEED;
    h[0] = dy_mix64(f);
    for (size_t i = 0; i < n; i++) {
        f ^= (unsigned char)s[i];
        f *= FNV_PRIME;
        h[i + 1] = dy_mix64(f);
    }
}

/* Slot tag: the length (255 = "255 or more") and 24 high hash bits. The
 * slot index already spends the low hash bits. */
static uint32_t vocab_tag(size_t n, uint64_t hash) {
    return (uint32_t)((hash >> 40) << 8) | (uint32_t)(n < 255 ? n : 255);
}

static uint64_t vocab_head(const char *s, size_t n) {
    uint64_t h = 0;
    memcpy(&h, s, n < 8 ? n : 8);
    return h;
}

/* Index of s's slot, or of the empty slot where it would go. */
static size_t vocab_probe(const dyad_dict *d, const char *s, size_t n, uint64_t hash) {
    size_t mask = d->vcap - 1;
    size_t i = (size_t)hash & mask;
    uint32_t tag = vocab_tag(n, hash);
    uint64_t head = vocab_head(s, n);
    for (;;) {
        const dy_vslot *v = &d->vslot[i];
        if (!v->id) return i;
        if (v->tag == tag && v->head == head &&
            (n <= 8 || ((n < 255 || d->wlen.v[v->id] == n) &&
                        memcmp(d->wtext.v[v->id] + 8, s + 8, n - 8) == 0)))
            return i;
        i = (i + 1) & mask;
    }
}

dy_word dy_vocab_find_hashed(const dyad_dict *d, const char *s, size_t n, uint64_t hash) {
    return d->vslot[vocab_probe(d, s, n, hash)].id;
}

static uint32_t vocab_find(const dyad_dict *d, const char *s, size_t n) {
    return d->vslot[vocab_probe(d, s, n, hash_bytes(s, n))].id;
}

static dy_vslot vocab_slot(uint32_t id, const char *s, size_t n, uint64_t hash) {
    dy_vslot v = {id, vocab_tag(n, hash), vocab_head(s, n)};
    return v;
}

static void vocab_grow(dyad_dict *d) {
    size_t ncap = d->vcap * 2;
    dy_vslot *ns = dy_xcalloc(ncap, sizeof *ns);
    for (size_t id = 1; id < d->wtext.n; id++) {
        uint64_t h = hash_bytes(d->wtext.v[id], d->wlen.v[id]);
        size_t i = (size_t)h & (ncap - 1);
        while (ns[i].id) i = (i + 1) & (ncap - 1);
        ns[i] = vocab_slot((uint32_t)id, d->wtext.v[id], d->wlen.v[id], h);
    }
    free(d->vslot);
    d->vslot = ns;
    d->vcap = ncap;
}

/* Dictionary words are mostly upper-case ASCII; for those, lower-casing is
 * exactly what dy_fold does, without its per-call cost. */
static int ascii_plain(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 0x80 || ch == '`') return 0;
    }
    return 1;
}

dy_word dy_build_word(dyad_dict *d, const char *s, size_t n) {
    char small[128];
    const char *f;
    size_t fn;
    if (n < sizeof small && ascii_plain(s, n)) {
        for (size_t i = 0; i < n; i++) {
            char ch = s[i];
            small[i] = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
        }
        small[n] = 0;
        f = small;
        fn = n;
    } else {
        uint32_t l = 0;
        dy_arena_reset(&d->scratch);
        f = dy_fold(s, n, &d->scratch, &l);
        fn = l;
    }
    uint64_t hash = hash_bytes(f, fn);
    size_t slot = vocab_probe(d, f, fn, hash);
    uint32_t id = d->vslot[slot].id;
    if (id) return id;
    id = (uint32_t)d->wtext.n;
    DY_VEC_PUSH(d->wtext, dy_arena_strndup(&d->arena, f, fn));
    DY_VEC_PUSH(d->wlen, (uint32_t)fn);
    DY_VEC_PUSH(d->wext, 0);
    d->vslot[slot] = vocab_slot(id, f, fn, hash);
    if (d->wtext.n * 2 > d->vcap) vocab_grow(d);
    return id;
}

void dy_build_mark_ext(dyad_dict *d, dy_word w) {
    if (w && !(d->wext.v[w] & DY_WEXT_EXT)) {
        d->wext.v[w] |= DY_WEXT_EXT;
        d->has_ext = 1;
    }
}

void dy_dict_prefetch_word(const dyad_dict *d, const char *norm, size_t len) {
    if (!d || !len || !d->vcap) return;
    __builtin_prefetch(&d->vslot[(size_t)hash_bytes(norm, len) & (d->vcap - 1)]);
}

dy_word dy_dict_word(const dyad_dict *d, const char *norm, size_t len) {
    if (!d || !len) return 0;
    return vocab_find(d, norm, len);
}

const char *dy_dict_word_text(const dyad_dict *d, dy_word w) {
    if (!d || w >= d->wtext.n) return "";
    return d->wtext.v[w];
}

int dy_dict_word_is_ext(const dyad_dict *d, dy_word w) {
    return w < d->wext.n && (d->wext.v[w] & DY_WEXT_EXT);
}

/* ---------------------------------------------------------------- tries */


static void edges_grow(dyad_dict *d) {
    size_t ncap = d->ecap * 2;
    dy_edge *ne = dy_xcalloc(ncap, sizeof *ne);
    for (size_t i = 0; i < d->ecap; i++) {
        if (!d->edges[i].child) continue;
        size_t j = (size_t)dy_mix64(d->edges[i].key) & (ncap - 1);
        while (ne[j].child) j = (j + 1) & (ncap - 1);
        ne[j] = d->edges[i];
    }
    free(d->edges);
    d->edges = ne;
    d->ecap = ncap;
}

uint32_t dy_trie_child(const dyad_dict *d, uint32_t node, uint32_t bits) {
    return dy_trie_child_inline(d, node, bits);
}

uint32_t dy_trie_insert(dyad_dict *d, int trie, const dy_pword *w, size_t n) {
    uint32_t node = d->root[trie];
    for (size_t k = 0; k < n; k++) {
        unsigned gap = k > 0 && w[k].gap;
        uint32_t bits = dy_edge_bits(w[k].word, w[k].mode, gap);
        if (w[k].mode != DY_MATCH_EXACT) dy_build_mark_ext(d, w[k].word);
        if (w[k].word < d->wext.n)
            d->wext.v[w[k].word] |= (uint16_t)((k ? DY_WEXT_DEEP0 : DY_WEXT_ROOT0) << trie);
        uint64_t key = ((uint64_t)node << 32) | bits;
        size_t mask = d->ecap - 1;
        size_t i = (size_t)dy_mix64(key) & mask;
        uint32_t child = 0;
        while (d->edges[i].child) {
            if (d->edges[i].key == key) {
                child = d->edges[i].child;
                break;
            }
            i = (i + 1) & mask;
        }
        if (!child) {
            child = (uint32_t)d->npay.n;
            DY_VEC_PUSH(d->npay, 0);
            DY_VEC_PUSH(d->nmask, 0);
            d->edges[i].key = key;
            d->edges[i].child = child;
            d->nmask.v[node] |= (uint8_t)(1u << ((w[k].mode & 3u) * 2 + gap));
            if (++d->ecount * 2 > d->ecap) edges_grow(d);
        }
        node = child;
    }
    return node;
}

uint32_t dy_trie_payload(const dyad_dict *d, uint32_t node) { return d->npay.v[node]; }
void dy_trie_set_payload(dyad_dict *d, uint32_t node, uint32_t payload) { d->npay.v[node] = payload; }

/* ---------------------------------------------------------------- actors */

uint32_t dy_build_actor_entry(dyad_dict *d, uint32_t node, const char *root) {
    uint32_t p = d->npay.v[node];
    if (p) return p - 1;
    /* memset, not an initialiser: the padding after ncodes must be zero so
     * that `dict compile` writes the same bytes for the same dictionary. */
    dy_actor_entry e;
    memset(&e, 0, sizeof e);
    e.root = root;
    DY_VEC_PUSH(d->actors, e);
    d->npay.v[node] = (uint32_t)d->actors.n;
    d->st.actor_phrases++;
    return (uint32_t)d->actors.n - 1;
}

void dy_build_actor_code(dyad_dict *d, uint32_t entry, const dy_actor_code *c) {
    DY_VEC_PUSH(d->acode, *c);
    DY_VEC_PUSH(d->acode_entry, entry);
    d->actors.v[entry].ncodes++;
    d->st.actor_codes++;
    if (c->dated) d->st.actor_dated++;
}

void dy_build_distinct(dyad_dict *d, int set, const char *s) {
    if (d->distinct[set].n * 2 >= d->distinct[set].cap) {
        size_t ocap = d->distinct[set].cap, ncap = ocap ? ocap * 2 : 256;
        const char **ov = d->distinct[set].v, **nv = dy_xcalloc(ncap, sizeof *nv);
        for (size_t i = 0; i < ocap; i++) {
            if (!ov[i]) continue;
            size_t j = (size_t)hash_bytes(ov[i], strlen(ov[i])) & (ncap - 1);
            while (nv[j]) j = (j + 1) & (ncap - 1);
            nv[j] = ov[i];
        }
        free(ov);
        d->distinct[set].v = nv;
        d->distinct[set].cap = ncap;
    }
    size_t mask = d->distinct[set].cap - 1;
    size_t i = (size_t)hash_bytes(s, strlen(s)) & mask;
    while (d->distinct[set].v[i]) {
        if (!strcmp(d->distinct[set].v[i], s)) return;
        i = (i + 1) & mask;
    }
    d->distinct[set].v[i] = s;
    d->distinct[set].n++;
    if (set == 0) d->st.actor_distinct_codes++;
    else d->st.agent_distinct_codes++;
}

/* ---------------------------------------------------------------- verbs */

uint32_t dy_build_block(dyad_dict *d, const dy_verb_block *b) {
    DY_VEC_PUSH(d->blocks, *b);
    d->st.verb_blocks++;
    return (uint32_t)d->blocks.n - 1;
}

void dy_build_form(dyad_dict *d, uint32_t block, const dy_verb_form *f, const dy_pword *w,
                   size_t n, int replace) {
    uint32_t node = dy_trie_insert(d, DY_TRIE_VERB, w, n);
    uint32_t p = d->npay.v[node];
    if (p && !replace) return;
    if (p) {
        d->forms.v[p - 1] = *f;
        d->form_block.v[p - 1] = block;
        return;
    }
    DY_VEC_PUSH(d->forms, *f);
    DY_VEC_PUSH(d->form_block, block);
    d->npay.v[node] = (uint32_t)d->forms.n;
    d->st.verb_forms++;
}

void dy_build_pattern(dyad_dict *d, uint32_t block, const dy_pattern *p) {
    DY_VEC_PUSH(d->pats, *p);
    DY_VEC_PUSH(d->pat_block, block);
    d->st.patterns++;
}

dy_synset *dy_build_synset(dyad_dict *d, const char *name, const char *file, uint32_t line,
                           dy_family fam) {
    dy_synset *s = dy_arena_calloc(&d->arena, 1, sizeof *s);
    s->name = name;
    s->file = file;
    s->line = line;
    s->family = (uint8_t)fam;
    DY_VEC_PUSH(d->synsets, s);
    d->st.synsets++;
    return s;
}

/* "&NAME", "NAME" and "&NAME_" name the same synset: PETRARCH writes the
 * no-plural mark on labels, patterns may or may not repeat it. */
static int synset_name_eq(const char *a, const char *b) {
    if (*a == '&') a++;
    if (*b == '&') b++;
    size_t an = strlen(a), bn = strlen(b);
    while (an && a[an - 1] == '_') an--;
    while (bn && b[bn - 1] == '_') bn--;
    return an == bn && strncasecmp(a, b, an) == 0;
}

const dy_synset *dy_build_find_synset(const dyad_dict *d, const char *name) {
    /* later definitions win, as in the peers' dicts (a redefinition replaces) */
    for (size_t i = d->synsets.n; i-- > 0;)
        if (synset_name_eq(d->synsets.v[i]->name, name)) return d->synsets.v[i];
    return NULL;
}

void dy_build_synref(dyad_dict *d, const dy_pat_elem *e, const char *name, int member) {
    dy_synref r = {e, name, member ? 0 : (uint32_t)d->pats.n + 1};
    DY_VEC_PUSH(d->synrefs, r);
}

static int pattern_len_cmp(const void *a, const void *b) {
    const dy_pattern *x = a, *y = b;
    if (x->length != y->length) return x->length > y->length ? -1 : 1;
    /* stable: earlier line first (lines within one block are from one file) */
    if (x->file != y->file) return strcmp(x->file, y->file);
    return x->line < y->line ? -1 : x->line > y->line;
}

void dy_build_finish(dyad_dict *d) {
    /* synset references: resolved now so that definition order never matters
     * to us (PETRARCH-1 allows use before definition). */
    for (size_t i = 0; i < d->synrefs.n; i++) {
        dy_synref *r = &d->synrefs.v[i];
        const dy_synset *s = dy_build_find_synset(d, r->name);
        ((dy_pat_elem *)r->elem)->synset = s;
        if (!s && r->pattern && r->pattern <= d->pats.n) {
            dy_pattern *p = &d->pats.v[r->pattern - 1];
            if (!(p->flags & DY_PAT_DEAD)) {
                p->flags |= DY_PAT_DEAD;
                d->st.patterns_dead++;
            }
        }
    }
    free(d->synrefs.v);
    d->synrefs.v = NULL;

    /* actor codes grouped by entry, in file order (counting sort: stable) */
    size_t na = d->actors.n;
    size_t *start = dy_xcalloc(na + 1, sizeof *start);
    for (size_t e = 0; e < na; e++) start[e + 1] = start[e] + d->actors.v[e].ncodes;
    d->acodes = dy_arena_alloc(&d->arena, (d->acode.n ? d->acode.n : 1) * sizeof *d->acodes);
    size_t *fill = dy_xcalloc(na + 1, sizeof *fill);
    for (size_t i = 0; i < d->acode.n; i++) {
        uint32_t e = d->acode_entry.v[i];
        d->acodes[start[e] + fill[e]++] = d->acode.v[i];
    }
    for (size_t e = 0; e < na; e++) d->actors.v[e].codes = d->acodes + start[e];
    d->acode_total = d->acode.n;
    free(start);
    free(fill);
    free(d->acode.v);
    free(d->acode_entry.v);
    d->acode.v = NULL;
    d->acode_entry.v = NULL;

    /* patterns grouped by block, then in the family's order */
    size_t nb = d->blocks.n;
    size_t *bstart = dy_xcalloc(nb + 1, sizeof *bstart);
    for (size_t i = 0; i < d->pats.n; i++) bstart[d->pat_block.v[i] + 1]++;
    for (size_t b = 0; b < nb; b++) bstart[b + 1] += bstart[b];
    d->patterns = dy_arena_alloc(&d->arena, (d->pats.n ? d->pats.n : 1) * sizeof *d->patterns);
    size_t *bfill = dy_xcalloc(nb + 1, sizeof *bfill);
    for (size_t i = 0; i < d->pats.n; i++) {
        uint32_t b = d->pat_block.v[i];
        d->patterns[bstart[b] + bfill[b]++] = d->pats.v[i];
    }
    d->pattern_total = d->pats.n;
    for (size_t b = 0; b < nb; b++) {
        dy_verb_block *blk = &d->blocks.v[b];
        blk->patterns = d->patterns + bstart[b];
        blk->npatterns = (uint32_t)(bstart[b + 1] - bstart[b]);
        if (blk->family != DY_FAM_PETRARCH2 && blk->npatterns > 1)
            qsort((void *)blk->patterns, blk->npatterns, sizeof *blk->patterns, pattern_len_cmp);
    }
    free(bstart);
    free(bfill);
    free(d->pats.v);
    free(d->pat_block.v);
    d->pats.v = NULL;
    d->pat_block.v = NULL;
    for (size_t f = 0; f < d->forms.n; f++) d->forms.v[f].block = &d->blocks.v[d->form_block.v[f]];
    free(d->form_block.v);
    d->form_block.v = NULL;

    for (int k = 0; k < 2; k++) {
        free(d->distinct[k].v);
        d->distinct[k].v = NULL;
    }
    d->st.words = d->wtext.n - 1;
    d->st.transforms = d->transforms.n;
    d->st.time_entries = d->times.n;
    dy_build_root_table(d);
    d->finished = 1;
}

static void build_edge_bloom(dyad_dict *d) {
    free(d->ebloom);
    d->ebloom = NULL;
    size_t bits = 64;
    while (bits < d->ecount * 8 && bits < ((size_t)1 << 24)) bits *= 2;
    uint64_t *bl = dy_xcalloc(bits / 64, sizeof *bl);
    d->ebloom_mask = bits - 1;
    for (size_t i = 0; i < d->ecap; i++) {
        if (!d->edges[i].child) continue;
        size_t b = dy_edge_bloom_bit(d, dy_mix64(d->edges[i].key));
        bl[b >> 6] |= (uint64_t)1 << (b & 63);
    }
    d->ebloom = bl;
}

static void build_ext_filter(dyad_dict *d) {
    memset(d->xfilter, 0, sizeof d->xfilter);
    for (size_t w = 1; w < d->wtext.n; w++) {
        if (!(d->wext.v[w] & DY_WEXT_EXT)) continue;
        size_t b = (size_t)(hash_bytes(d->wtext.v[w], d->wlen.v[w]) >> 24) & (DY_XFILTER_WORDS * 64 - 1);
        d->xfilter[b >> 6] |= (uint64_t)1 << (b & 63);
    }
    d->xfilter_ready = 1;
}

void dy_build_root_table(dyad_dict *d) {
    build_edge_bloom(d);
    build_ext_filter(d);
    free(d->rootc);
    d->rootc = NULL;
    size_t bytes = (d->wtext.n ? d->wtext.n : 1) * DY_ROOT_STRIDE * sizeof *d->rootc;
    dy_root_edge *rc = aligned_alloc(64, (bytes + 63) & ~(size_t)63);
    if (!rc) dy_oom();
    memset(rc, 0, bytes);
    for (size_t i = 0; i < d->ecap; i++) {
        const dy_edge *e = &d->edges[i];
        uint32_t bits = (uint32_t)e->key;
        if (!e->child || (bits & 7u) != dy_edge_bits(0, DY_MATCH_EXACT, 0)) continue;
        uint32_t node = (uint32_t)(e->key >> 32), w = bits >> 3;
        for (int t = 0; t < DY_TRIE_COUNT; t++) {
            if (d->root[t] != node || w >= d->wtext.n) continue;
            uint32_t pay = d->npay.v[e->child];
            if (pay > DY_ROOT_PAY_MAX) {
                free(rc); /* walks probe the edge table as without the table */
                return;
            }
            rc[(size_t)w * DY_ROOT_STRIDE + t] = (dy_root_edge){e->child, pay << 8 | d->nmask.v[e->child]};
        }
    }
    d->rootc = rc;
}

void dyad_dict_free(dyad_dict *d) {
    if (!d) return;
    if (d->image) {
        /* a mapped cache owns every array; nothing was allocated one by one */
        munmap(d->image, d->image_len);
        free(d->rootc);
        free(d->ebloom);
        dy_arena_free(&d->arena);
        dy_arena_free(&d->scratch);
        free(d);
        return;
    }
    free(d->files.v);
    free(d->wtext.v);
    free(d->wlen.v);
    free(d->wext.v);
    free(d->vslot);
    free(d->npay.v);
    free(d->nmask.v);
    free(d->edges);
    free(d->rootc);
    free(d->ebloom);
    free(d->actors.v);
    free(d->acode_entry.v);
    free(d->acode.v);
    free(d->agents.v);
    free(d->classes.v);
    free(d->times.v);
    free(d->discards.v);
    free(d->issues.v);
    free(d->transforms.v);
    free(d->synsets.v);
    free(d->synrefs.v);
    free(d->blocks.v);
    free(d->forms.v);
    free(d->form_block.v);
    free(d->pats.v);
    free(d->pat_block.v);
    free(d->distinct[0].v);
    free(d->distinct[1].v);
    dy_arena_free(&d->arena);
    dy_arena_free(&d->scratch);
    free(d);
}

/* ---------------------------------------------------------------- codes */

static int is_code_char(char ch) {
    return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
           ch == '-';
}

int dy_code_parse(dyad_dict *d, const char *s, size_t n, dy_code *out) {
    dy_trim(&s, &n);
    out->text = dy_build_str(d, s, n);
    out->active = "";
    out->passive = "";
    out->flags = 0;
    /* TABARI writes the null code with blanks sometimes: "- - -" */
    char buf[64];
    size_t bn = 0;
    for (size_t i = 0; i < n && bn < sizeof buf - 1; i++)
        if (!dy_is_space(s[i])) buf[bn++] = s[i];
    buf[bn] = 0;
    if (bn == 0) {
        out->flags = DY_CODE_BAD;
        return -1;
    }
    if (!strcmp(buf, "---")) { out->flags = DY_CODE_NULL; return 0; }
    if (!strcmp(buf, "###")) { out->flags = DY_CODE_DISCARD; return 0; }
    if (!strcmp(buf, "+++")) { out->flags = DY_CODE_COMPLEX; return 0; }
    if (buf[bn - 1] == '?') { out->flags |= DY_CODE_SUBORDINATE; buf[--bn] = 0; }
    else if (buf[bn - 1] == '!') { out->flags |= DY_CODE_DOMINANT; buf[--bn] = 0; }
    char *colon = strchr(buf, ':');
    const char *a = buf, *p = NULL;
    if (colon) {
        *colon = 0;
        p = colon + 1;
        out->flags |= DY_CODE_PAIRED;
    }
    int ok = 1;
    for (const char *q = a; *q; q++) ok &= is_code_char(*q);
    if (p)
        for (const char *q = p; *q; q++) ok &= is_code_char(*q);
    /* an event's code field holds 7 characters: longer is a typo, not a code */
    if (!ok || (!*a && (!p || !*p)) || strlen(a) > 7 || (p && strlen(p) > 7)) {
        out->flags |= DY_CODE_BAD;
        return -1;
    }
    /* "---" on one side of a pair (TABARI "---:043") stays as written */
    out->active = *a ? dy_build_str(d, a, strlen(a)) : "";
    out->passive = p && *p ? dy_build_str(d, p, strlen(p)) : "";
    return 0;
}

size_t dy_pattern_length(const char *text) {
    size_t n = 0;
    for (const char *p = text; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        if ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
            ch >= 0x80)
            n++;
    }
    return n;
}

void dy_trim(const char **s, size_t *n) {
    while (*n && dy_is_space(**s)) { (*s)++; (*n)--; }
    while (*n && dy_is_space((*s)[*n - 1])) (*n)--;
}
