/* The binary cache (`dyad dict compile SPEC -o FILE.dydc`): the compiled
 * dictionary as one image whose pointers are stored as offsets from its
 * start. Loading maps the file privately and turns the offsets back into
 * pointers in one pass, so a large set loads without parsing anything.
 * The image is dyad's own output: it is checked for its magic, version,
 * struct sizes and bounds, not hardened against deliberate tampering. */
#include "dict/dict_impl.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
    S_WTEXT, S_WLEN, S_WEXT, S_VSLOT, S_NPAY, S_NMASK, S_EKEY, S_ECHILD, S_ACTORS, S_ACODES,
    S_AGENTS, S_CLASSES, S_TIMES, S_DISCARDS, S_ISSUES, S_TRANSFORMS, S_SYNPTR, S_BLOCKS,
    S_FORMS, S_PATTERNS, S_FILES, S_COUNT
};

typedef struct {
    char magic[8];
    uint32_t version, family;
    uint64_t total;
    uint32_t sizes[8];       /* struct sizes: a build with other layouts must not read this */
    uint64_t off[S_COUNT], cnt[S_COUNT];
    uint64_t has_ext, vcap, ecap, ecount;
    uint32_t root[DY_TRIE_COUNT];
    dy_dict_options opt;
    dy_dict_stats st;
} cache_hdr;

static const char MAGIC[8] = "DYADDC1";
/* 2: edges interleaved (key, child); word flags carry the trie-root bits;
 * vocabulary slots carry a hash and length tag and the word's head */
enum { DY_CACHE_VERSION = 3 }; /* 3: transformations carry their family */

static void struct_sizes(uint32_t s[8]) {
    s[0] = sizeof(dy_actor_entry);
    s[1] = sizeof(dy_actor_code);
    s[2] = sizeof(dy_agent_entry);
    s[3] = sizeof(dy_pat_elem);
    s[4] = sizeof(dy_pattern);
    s[5] = sizeof(dy_verb_block);
    s[6] = sizeof(dy_verb_form);
    s[7] = sizeof(dy_synset);
}

/* ---------------------------------------------------------------- writing */

typedef struct {
    dy_buf img;
    /* pointer -> offset, for strings (file names repeat on every entry) */
    const void **pk;
    uint64_t *pv;
    size_t pcap, pn;
    const dyad_dict *d;
    uint64_t *syn_off;       /* offset of each synset struct */
} writer;

static uint64_t put(writer *w, const void *p, size_t n) {
    while (w->img.len % 8) dy_buf_addc(&w->img, 0);
    uint64_t off = w->img.len;
    if (p) dy_buf_add(&w->img, p, n);
    else
        for (size_t i = 0; i < n; i++) dy_buf_addc(&w->img, 0);
    return off;
}

static size_t ptr_slot(const writer *w, const void *p) {
    size_t i = ((uintptr_t)p >> 3) * 0x9E3779B97F4A7C15ULL & (w->pcap - 1);
    while (w->pk[i] && w->pk[i] != p) i = (i + 1) & (w->pcap - 1);
    return i;
}

static uint64_t put_str(writer *w, const char *s) {
    if (!s) return 0;
    if (w->pn * 2 >= w->pcap) {
        size_t ocap = w->pcap;
        const void **ok = w->pk;
        uint64_t *ov = w->pv;
        w->pcap = ocap ? ocap * 2 : 1024;
        w->pk = dy_xcalloc(w->pcap, sizeof *w->pk);
        w->pv = dy_xcalloc(w->pcap, sizeof *w->pv);
        for (size_t i = 0; i < ocap; i++)
            if (ok[i]) {
                size_t j = ptr_slot(w, ok[i]);
                w->pk[j] = ok[i];
                w->pv[j] = ov[i];
            }
        free(ok);
        free(ov);
    }
    size_t i = ptr_slot(w, s);
    if (w->pk[i]) return w->pv[i];
    uint64_t off = w->img.len;
    dy_buf_add(&w->img, s, strlen(s) + 1);
    w->pk[i] = s;
    w->pv[i] = off;
    w->pn++;
    return off;
}

#define AS_PTR(off) ((void *)(uintptr_t)(off))

static void code_out(writer *w, dy_code *c) {
    c->text = AS_PTR(put_str(w, c->text));
    c->active = AS_PTR(put_str(w, c->active));
    c->passive = AS_PTR(put_str(w, c->passive));
}

static uint64_t synset_off(const writer *w, const dy_synset *s) {
    if (!s) return 0;
    for (size_t i = 0; i < w->d->synsets.n; i++)
        if (w->d->synsets.v[i] == s) return w->syn_off[i];
    return 0;
}

static uint64_t put_elems(writer *w, const dy_pat_elem *e, uint32_t n) {
    if (!n) return 0;
    uint64_t at = put(w, NULL, n * sizeof *e);
    for (uint32_t i = 0; i < n; i++) {
        dy_pat_elem x = e[i];
        x.text = AS_PTR(put_str(w, e[i].text));
        x.synset = AS_PTR(synset_off(w, e[i].synset));
        x.sub.elems = AS_PTR(put_elems(w, e[i].sub.elems, e[i].sub.n));
        if (e[i].nalts) {
            uint64_t alts = put(w, NULL, e[i].nalts * sizeof(dy_pat_seq));
            for (uint32_t a = 0; a < e[i].nalts; a++) {
                dy_pat_seq q = e[i].alts[a];
                q.elems = AS_PTR(put_elems(w, e[i].alts[a].elems, e[i].alts[a].n));
                memcpy(w->img.data + alts + a * sizeof q, &q, sizeof q);
            }
            x.alts = AS_PTR(alts);
        }
        memcpy(w->img.data + at + i * sizeof x, &x, sizeof x);
    }
    return at;
}

unsigned dy_dict_cache_version(void) { return DY_CACHE_VERSION; }

int dy_dict_cache_write(const dyad_dict *d, const char *path) {
    writer w;
    memset(&w, 0, sizeof w);
    w.d = d;
    dy_buf_init(&w.img);
    cache_hdr h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, MAGIC, 8);
    h.version = DY_CACHE_VERSION;
    h.family = (uint32_t)d->family;
    struct_sizes(h.sizes);
    h.has_ext = (uint64_t)d->has_ext;
    h.vcap = d->vcap;
    h.ecap = d->ecap;
    h.ecount = d->ecount;
    memcpy(h.root, d->root, sizeof h.root);
    h.opt = d->opt;
    h.st = d->st;
    put(&w, &h, sizeof h);

    /* vocabulary and tries: plain arrays */
    size_t nw = d->wtext.n;
    h.off[S_WTEXT] = put(&w, NULL, nw * 8);
    h.cnt[S_WTEXT] = nw;
    for (size_t i = 0; i < nw; i++) {
        uint64_t o = put_str(&w, d->wtext.v[i]);
        memcpy(w.img.data + h.off[S_WTEXT] + i * 8, &o, 8);
    }
    h.off[S_WLEN] = put(&w, d->wlen.v, nw * sizeof *d->wlen.v);
    h.off[S_WEXT] = put(&w, d->wext.v, nw * sizeof *d->wext.v);
    h.off[S_VSLOT] = put(&w, d->vslot, d->vcap * sizeof *d->vslot);
    h.cnt[S_NPAY] = d->npay.n;
    h.off[S_NPAY] = put(&w, d->npay.v, d->npay.n * sizeof *d->npay.v);
    h.off[S_NMASK] = put(&w, d->nmask.v, d->nmask.n);
    h.off[S_EKEY] = put(&w, d->edges, d->ecap * sizeof *d->edges);
    h.off[S_ECHILD] = put(&w, NULL, 0); /* unused since version 2: children sit beside their keys */

    /* synsets first: elements point at them */
    size_t ns = d->synsets.n;
    w.syn_off = dy_xcalloc(ns ? ns : 1, sizeof *w.syn_off);
    uint64_t synarr = put(&w, NULL, ns * sizeof(dy_synset));
    for (size_t i = 0; i < ns; i++) w.syn_off[i] = synarr + i * sizeof(dy_synset);
    h.cnt[S_SYNPTR] = ns;
    h.off[S_SYNPTR] = put(&w, w.syn_off, ns * 8);
    for (size_t i = 0; i < ns; i++) {
        dy_synset s = *d->synsets.v[i];
        s.name = AS_PTR(put_str(&w, s.name));
        s.file = AS_PTR(put_str(&w, s.file));
        uint64_t mem = s.nmembers ? put(&w, NULL, s.nmembers * sizeof(dy_pat_seq)) : 0;
        for (uint32_t m = 0; m < s.nmembers; m++) {
            dy_pat_seq q = d->synsets.v[i]->members[m];
            q.elems = AS_PTR(put_elems(&w, q.elems, q.n));
            memcpy(w.img.data + mem + m * sizeof q, &q, sizeof q);
        }
        s.members = AS_PTR(mem);
        memcpy(w.img.data + w.syn_off[i], &s, sizeof s);
    }

    /* actor codes, then entries pointing into them by index */
    size_t nc = d->acode_total;
    h.cnt[S_ACODES] = nc;
    h.off[S_ACODES] = put(&w, NULL, nc * sizeof(dy_actor_code));
    for (size_t i = 0; i < nc; i++) {
        dy_actor_code c = d->acodes[i];
        c.code = AS_PTR(put_str(&w, c.code));
        c.file = AS_PTR(put_str(&w, c.file));
        memcpy(w.img.data + h.off[S_ACODES] + i * sizeof c, &c, sizeof c);
    }
    h.cnt[S_ACTORS] = d->actors.n;
    h.off[S_ACTORS] = put(&w, NULL, d->actors.n * sizeof(dy_actor_entry));
    for (size_t i = 0; i < d->actors.n; i++) {
        dy_actor_entry e = d->actors.v[i];
        e.codes = AS_PTR(h.off[S_ACODES] + (uint64_t)(e.codes - d->acodes) * sizeof(dy_actor_code));
        e.root = AS_PTR(put_str(&w, e.root));
        memcpy(w.img.data + h.off[S_ACTORS] + i * sizeof e, &e, sizeof e);
    }
#define PUT_ARRAY(sec, vec, FIXUP)                                                                 \
    do {                                                                                           \
        h.cnt[sec] = (vec).n;                                                                      \
        h.off[sec] = put(&w, NULL, (vec).n * sizeof *(vec).v);                                     \
        for (size_t i = 0; i < (vec).n; i++) {                                                     \
            __typeof__(*(vec).v) x = (vec).v[i];                                                   \
            FIXUP;                                                                                 \
            memcpy(w.img.data + h.off[sec] + i * sizeof x, &x, sizeof x);                          \
        }                                                                                          \
    } while (0)
    PUT_ARRAY(S_AGENTS, d->agents, (x.text = AS_PTR(put_str(&w, x.text)), x.code = AS_PTR(put_str(&w, x.code)),
                                    x.file = AS_PTR(put_str(&w, x.file))));
    PUT_ARRAY(S_CLASSES, d->classes, (x.file = AS_PTR(put_str(&w, x.file))));
    PUT_ARRAY(S_TIMES, d->times, (x.phrase = AS_PTR(put_str(&w, x.phrase)), x.code = AS_PTR(put_str(&w, x.code)),
                                  x.file = AS_PTR(put_str(&w, x.file))));
    PUT_ARRAY(S_DISCARDS, d->discards, (x.file = AS_PTR(put_str(&w, x.file))));
    PUT_ARRAY(S_ISSUES, d->issues, (x.code = AS_PTR(put_str(&w, x.code)), x.file = AS_PTR(put_str(&w, x.file))));
    PUT_ARRAY(S_TRANSFORMS, d->transforms,
              (x.upper_source = AS_PTR(put_str(&w, x.upper_source)),
               x.lower_source = AS_PTR(put_str(&w, x.lower_source)),
               x.lower_target = AS_PTR(put_str(&w, x.lower_target)),
               x.lower_verb = AS_PTR(put_str(&w, x.lower_verb)), x.upper_verb = AS_PTR(put_str(&w, x.upper_verb)),
               x.out_source = AS_PTR(put_str(&w, x.out_source)), x.out_target = AS_PTR(put_str(&w, x.out_target)),
               x.out_code = AS_PTR(put_str(&w, x.out_code)), x.file = AS_PTR(put_str(&w, x.file))));

    /* patterns, then blocks pointing into them by index, then forms pointing at blocks */
    size_t np = d->pattern_total;
    h.cnt[S_PATTERNS] = np;
    h.off[S_PATTERNS] = put(&w, NULL, np * sizeof(dy_pattern));
    for (size_t i = 0; i < np; i++) {
        dy_pattern p = d->patterns[i];
        code_out(&w, &p.code);
        p.text = AS_PTR(put_str(&w, p.text));
        p.file = AS_PTR(put_str(&w, p.file));
        p.pre.elems = AS_PTR(put_elems(&w, d->patterns[i].pre.elems, p.pre.n));
        p.post.elems = AS_PTR(put_elems(&w, d->patterns[i].post.elems, p.post.n));
        memcpy(w.img.data + h.off[S_PATTERNS] + i * sizeof p, &p, sizeof p);
    }
    PUT_ARRAY(S_BLOCKS, d->blocks,
              (code_out(&w, &x.code), x.name = AS_PTR(put_str(&w, x.name)), x.file = AS_PTR(put_str(&w, x.file)),
               x.patterns = AS_PTR(h.off[S_PATTERNS] + (uint64_t)(x.patterns - d->patterns) * sizeof(dy_pattern))));
    PUT_ARRAY(S_FORMS, d->forms,
              (code_out(&w, &x.code), x.file = AS_PTR(put_str(&w, x.file)),
               x.block = AS_PTR(h.off[S_BLOCKS] + (uint64_t)(x.block - d->blocks.v) * sizeof(dy_verb_block))));
#undef PUT_ARRAY
    h.cnt[S_FILES] = d->files.n;
    h.off[S_FILES] = put(&w, NULL, d->files.n * 8);
    for (size_t i = 0; i < d->files.n; i++) {
        uint64_t o = put_str(&w, d->files.v[i]);
        memcpy(w.img.data + h.off[S_FILES] + i * 8, &o, 8);
    }
    put(&w, NULL, 0);
    h.total = w.img.len;
    memcpy(w.img.data, &h, sizeof h);

    int rc = 0;
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(w.img.data, 1, w.img.len, f) != w.img.len) rc = -1;
    if (f && fclose(f)) rc = -1;
    free(w.pk);
    free(w.pv);
    free(w.syn_off);
    dy_buf_free(&w.img);
    return rc;
}

/* ---------------------------------------------------------------- loading */

typedef struct {
    char *base;
    uint64_t total;
    int bad;
} fixer;

/* offset -> pointer, checked against the image */
static void *at(fixer *f, const void *off_as_ptr) {
    uint64_t off = (uint64_t)(uintptr_t)off_as_ptr;
    if (!off) return NULL;
    if (off >= f->total) {
        f->bad = 1;
        return NULL;
    }
    return f->base + off;
}

#define FIX(f, field) ((field) = at((f), (field)))

static void fix_code(fixer *f, dy_code *c) {
    FIX(f, c->text);
    FIX(f, c->active);
    FIX(f, c->passive);
}

static void fix_elems(fixer *f, dy_pat_elem *e, uint32_t n, int depth) {
    if (depth > 16) {
        f->bad = 1;
        return;
    }
    for (uint32_t i = 0; i < n && !f->bad; i++) {
        FIX(f, e[i].text);
        FIX(f, e[i].synset);
        FIX(f, e[i].sub.elems);
        if (e[i].sub.elems) fix_elems(f, (dy_pat_elem *)e[i].sub.elems, e[i].sub.n, depth + 1);
        FIX(f, e[i].alts);
        for (uint32_t a = 0; e[i].alts && a < e[i].nalts; a++) {
            dy_pat_seq *q = (dy_pat_seq *)&e[i].alts[a];
            FIX(f, q->elems);
            if (q->elems) fix_elems(f, (dy_pat_elem *)q->elems, q->n, depth + 1);
        }
    }
}

static int section_ok(const cache_hdr *h, int s, size_t elem) {
    return h->off[s] <= h->total && h->cnt[s] <= (h->total - h->off[s]) / (elem ? elem : 1);
}

dyad_dict *dy_dict_cache_load(const char *path, dyad_diag *diag) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        dyad_diag_report(diag, DYAD_ERROR, path, 0, 0, "cannot read dictionary cache: %s", strerror(errno));
        return NULL;
    }
    struct stat sb;
    if (fstat(fd, &sb) || (size_t)sb.st_size < sizeof(cache_hdr)) {
        close(fd);
        dyad_diag_report(diag, DYAD_ERROR, path, 0, 0, "not a dyad dictionary cache (too short)");
        return NULL;
    }
    /* private: the offsets are turned into pointers in place, in our copy */
    char *base = mmap(NULL, (size_t)sb.st_size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    close(fd);
    if (base == MAP_FAILED) {
        dyad_diag_report(diag, DYAD_ERROR, path, 0, 0, "cannot map dictionary cache: %s", strerror(errno));
        return NULL;
    }
    cache_hdr *h = (cache_hdr *)base;
    uint32_t sizes[8];
    struct_sizes(sizes);
    const char *why = NULL;
    if (memcmp(h->magic, MAGIC, 8)) why = "not a dyad dictionary cache";
    else if (h->version != DY_CACHE_VERSION || memcmp(h->sizes, sizes, sizeof sizes))
        why = "dictionary cache written by another dyad version: run dyad dict compile again";
    else if (h->total != (uint64_t)sb.st_size) why = "dictionary cache is truncated";
    static const size_t elem[S_COUNT] = {
        8, 4, 2, 0, 0, 0, 0, 0, sizeof(dy_actor_entry), sizeof(dy_actor_code), sizeof(dy_agent_entry),
        sizeof(dy_class_entry), sizeof(dy_time_entry), sizeof(dy_discard_entry), sizeof(dy_issue_entry),
        sizeof(dy_transform), 8, sizeof(dy_verb_block), sizeof(dy_verb_form), sizeof(dy_pattern), 8};
    for (int s = 0; s < S_COUNT && !why; s++)
        if (!section_ok(h, s, elem[s])) why = "dictionary cache is corrupt";
    if (!why && (h->vcap & (h->vcap - 1))) why = "dictionary cache is corrupt";
    if (!why && (h->ecap & (h->ecap - 1))) why = "dictionary cache is corrupt";
    if (why) {
        munmap(base, (size_t)sb.st_size);
        dyad_diag_report(diag, DYAD_ERROR, path, 0, 0, "%s", why);
        return NULL;
    }
    fixer f = {base, h->total, 0};
    dyad_dict *d = dy_xcalloc(1, sizeof *d);
    dy_arena_init(&d->arena, 4096);
    dy_arena_init(&d->scratch, 4096);
    d->image = base;
    d->image_len = (size_t)sb.st_size;
    d->family = (dy_family)h->family;
    d->opt = h->opt;
    d->opt_loaded = 1;
    d->st = h->st;
    d->has_ext = (int)h->has_ext;
    d->vcap = h->vcap;
    d->ecap = h->ecap;
    d->ecount = h->ecount;
    memcpy(d->root, h->root, sizeof d->root);
    size_t nw = h->cnt[S_WTEXT];
    uint64_t *wt = (uint64_t *)(base + h->off[S_WTEXT]);
    d->wtext.v = (const char **)wt;
    for (size_t i = 0; i < nw; i++) d->wtext.v[i] = at(&f, AS_PTR(wt[i]));
    d->wtext.n = d->wlen.n = d->wext.n = nw;
    d->wlen.v = (uint32_t *)(base + h->off[S_WLEN]);
    d->wext.v = (uint16_t *)(base + h->off[S_WEXT]);
    d->vslot = (dy_vslot *)(base + h->off[S_VSLOT]);
    d->npay.v = (uint32_t *)(base + h->off[S_NPAY]);
    d->npay.n = d->nmask.n = h->cnt[S_NPAY];
    d->nmask.v = (uint8_t *)(base + h->off[S_NMASK]);
    d->edges = (dy_edge *)(base + h->off[S_EKEY]);

    size_t ns = h->cnt[S_SYNPTR];
    uint64_t *sp = (uint64_t *)(base + h->off[S_SYNPTR]);
    d->synsets.v = (dy_synset **)sp;
    d->synsets.n = ns;
    for (size_t i = 0; i < ns && !f.bad; i++) {
        dy_synset *s = at(&f, AS_PTR(sp[i]));
        d->synsets.v[i] = s;
        if (!s) break;
        FIX(&f, s->name);
        FIX(&f, s->file);
        FIX(&f, s->members);
        for (uint32_t m = 0; s->members && m < s->nmembers && !f.bad; m++) {
            dy_pat_seq *q = (dy_pat_seq *)&s->members[m];
            FIX(&f, q->elems);
            if (q->elems) fix_elems(&f, (dy_pat_elem *)q->elems, q->n, 0);
        }
    }
    d->acodes = (dy_actor_code *)(base + h->off[S_ACODES]);
    d->acode_total = h->cnt[S_ACODES];
    for (size_t i = 0; i < d->acode_total; i++) {
        FIX(&f, d->acodes[i].code);
        FIX(&f, d->acodes[i].file);
    }
    d->actors.v = (dy_actor_entry *)(base + h->off[S_ACTORS]);
    d->actors.n = h->cnt[S_ACTORS];
    for (size_t i = 0; i < d->actors.n; i++) {
        FIX(&f, d->actors.v[i].codes);
        FIX(&f, d->actors.v[i].root);
    }
#define TAKE(sec, vec) ((vec).v = (void *)(base + h->off[sec]), (vec).n = h->cnt[sec])
    TAKE(S_AGENTS, d->agents);
    for (size_t i = 0; i < d->agents.n; i++) {
        FIX(&f, d->agents.v[i].text);
        FIX(&f, d->agents.v[i].code);
        FIX(&f, d->agents.v[i].file);
    }
    TAKE(S_CLASSES, d->classes);
    for (size_t i = 0; i < d->classes.n; i++) FIX(&f, d->classes.v[i].file);
    TAKE(S_TIMES, d->times);
    for (size_t i = 0; i < d->times.n; i++) {
        FIX(&f, d->times.v[i].phrase);
        FIX(&f, d->times.v[i].code);
        FIX(&f, d->times.v[i].file);
    }
    TAKE(S_DISCARDS, d->discards);
    for (size_t i = 0; i < d->discards.n; i++) FIX(&f, d->discards.v[i].file);
    TAKE(S_ISSUES, d->issues);
    for (size_t i = 0; i < d->issues.n; i++) {
        FIX(&f, d->issues.v[i].code);
        FIX(&f, d->issues.v[i].file);
    }
    TAKE(S_TRANSFORMS, d->transforms);
    for (size_t i = 0; i < d->transforms.n; i++) {
        dy_transform *x = &d->transforms.v[i];
        FIX(&f, x->upper_source);
        FIX(&f, x->lower_source);
        FIX(&f, x->lower_target);
        FIX(&f, x->lower_verb);
        FIX(&f, x->upper_verb);
        FIX(&f, x->out_source);
        FIX(&f, x->out_target);
        FIX(&f, x->out_code);
        FIX(&f, x->file);
    }
    d->patterns = (dy_pattern *)(base + h->off[S_PATTERNS]);
    d->pattern_total = h->cnt[S_PATTERNS];
    for (size_t i = 0; i < d->pattern_total && !f.bad; i++) {
        dy_pattern *p = &d->patterns[i];
        fix_code(&f, &p->code);
        FIX(&f, p->text);
        FIX(&f, p->file);
        FIX(&f, p->pre.elems);
        FIX(&f, p->post.elems);
        if (p->pre.elems) fix_elems(&f, (dy_pat_elem *)p->pre.elems, p->pre.n, 0);
        if (p->post.elems) fix_elems(&f, (dy_pat_elem *)p->post.elems, p->post.n, 0);
    }
    TAKE(S_BLOCKS, d->blocks);
    for (size_t i = 0; i < d->blocks.n; i++) {
        dy_verb_block *b = &d->blocks.v[i];
        fix_code(&f, &b->code);
        FIX(&f, b->name);
        FIX(&f, b->file);
        FIX(&f, b->patterns);
    }
    TAKE(S_FORMS, d->forms);
    for (size_t i = 0; i < d->forms.n; i++) {
        dy_verb_form *v = &d->forms.v[i];
        fix_code(&f, &v->code);
        FIX(&f, v->file);
        FIX(&f, v->block);
    }
    uint64_t *fl = (uint64_t *)(base + h->off[S_FILES]);
    d->files.v = (const char **)fl;
    d->files.n = h->cnt[S_FILES];
    for (size_t i = 0; i < d->files.n; i++) d->files.v[i] = at(&f, AS_PTR(fl[i]));
#undef TAKE
    if (!f.bad) dy_build_root_table(d);
    d->finished = 1;
    if (f.bad) {
        dyad_diag_report(diag, DYAD_ERROR, path, 0, 0, "dictionary cache is corrupt");
        dyad_dict_free(d);
        return NULL;
    }
    return d;
}
