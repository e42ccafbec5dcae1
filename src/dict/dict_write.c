/* dyad dict convert: any loaded set written in the native format, sorted so
 * that two conversions diff well. What format 1 cannot say (TABARI regular
 * endings and blank gaps, <TIME>, <NOUN>, transformations, options) is
 * listed in comments at the top rather than silently dropped. */
#include "dict/dict_impl.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *text;       /* phrase in native syntax (malloc'ed) */
    uint32_t payload; /* index+1 into the kind's entries */
} item;

typedef struct {
    uint32_t *start;  /* per node: first child slot */
    uint32_t *child;  /* child node per slot */
    uint32_t *bits;   /* edge bits per slot */
} children;

static void children_build(const dyad_dict *d, children *ch) {
    size_t nn = d->npay.n;
    ch->start = dy_xcalloc(nn + 1, sizeof *ch->start);
    ch->child = dy_xmalloc((d->ecount ? d->ecount : 1) * sizeof *ch->child);
    ch->bits = dy_xmalloc((d->ecount ? d->ecount : 1) * sizeof *ch->bits);
    for (size_t i = 0; i < d->ecap; i++)
        if (d->edges[i].child) ch->start[(d->edges[i].key >> 32) + 1]++;
    for (size_t i = 0; i < nn; i++) ch->start[i + 1] += ch->start[i];
    uint32_t *fill = dy_xcalloc(nn, sizeof *fill);
    for (size_t i = 0; i < d->ecap; i++) {
        if (!d->edges[i].child) continue;
        uint32_t p = (uint32_t)(d->edges[i].key >> 32);
        uint32_t slot = ch->start[p] + fill[p]++;
        ch->child[slot] = d->edges[i].child;
        ch->bits[slot] = (uint32_t)d->edges[i].key;
    }
    free(fill);
}

static void children_free(children *ch) {
    free(ch->start);
    free(ch->child);
    free(ch->bits);
}

typedef struct {
    const dyad_dict *d;
    const children *ch;
    DY_VEC(item) items;
    dy_buf path;
    int verb;         /* verb trie: braces around the form's verb word */
} walker;

static void walk(walker *w, uint32_t node, size_t depth) {
    uint32_t pay = w->d->npay.v[node];
    if (pay && depth) {
        item it;
        if (w->verb) {
            /* rebuild with the verb word in braces */
            const dy_verb_form *f = &w->d->forms.v[pay - 1];
            dy_buf b;
            dy_buf_init(&b);
            size_t word = 0;
            const char *p = w->path.data;
            while (*p) {
                const char *sp = strchr(p, ' ');
                size_t n = sp ? (size_t)(sp - p) : strlen(p);
                if (word) dy_buf_addc(&b, ' ');
                if (f->nwords > 1 && word == f->verb_word) {
                    dy_buf_addc(&b, '{');
                    dy_buf_add(&b, p, n);
                    dy_buf_addc(&b, '}');
                } else {
                    dy_buf_add(&b, p, n);
                }
                word++;
                p += n + (sp ? 1 : 0);
                if (!sp) break;
            }
            it.text = b.data ? b.data : dy_xstrdup("");
        } else {
            it.text = dy_xstrdup(w->path.data);
        }
        it.payload = pay;
        DY_VEC_PUSH(w->items, it);
    }
    for (uint32_t s = w->ch->start[node]; s < w->ch->start[node + 1]; s++) {
        uint32_t bits = w->ch->bits[s];
        dy_word word = bits >> 3;
        unsigned mode = (bits >> 1) & 3;
        size_t keep = w->path.len;
        if (depth) dy_buf_addc(&w->path, ' ');
        dy_buf_adds(&w->path, dy_dict_word_text(w->d, word));
        if (mode == DY_MATCH_STEM) dy_buf_addc(&w->path, '~');
        walk(w, w->ch->child[s], depth + 1);
        w->path.len = keep;
        w->path.data[keep] = 0;
    }
}

static int item_cmp(const void *a, const void *b) {
    const item *x = a, *y = b;
    if (x->payload != y->payload) return x->payload < y->payload ? -1 : 1;
    return strcmp(x->text, y->text);
}

static void collect(const dyad_dict *d, const children *ch, int trie, int verb, walker *w) {
    memset(w, 0, sizeof *w);
    w->d = d;
    w->ch = ch;
    w->verb = verb;
    dy_buf_init(&w->path);
    dy_buf_adds(&w->path, "");
    walk(w, d->root[trie], 0);
    if (w->items.n) qsort(w->items.v, w->items.n, sizeof *w->items.v, item_cmp);
}

static void release(walker *w) {
    for (size_t i = 0; i < w->items.n; i++) free(w->items.v[i].text);
    free(w->items.v);
    dy_buf_free(&w->path);
}

static int same_codes(const dy_actor_entry *a, const dy_actor_entry *b) {
    if (a->ncodes != b->ncodes) return 0;
    for (uint32_t i = 0; i < a->ncodes; i++) {
        const dy_actor_code *x = &a->codes[i], *y = &b->codes[i];
        if (strcmp(x->code, y->code) || x->from != y->from || x->to != y->to || x->dated != y->dated ||
            x->flags != y->flags)
            return 0;
    }
    return 1;
}

/* Actor entries in the order they were first written, so a record stays together. */
static const dy_actor_entry *entry_of(const dyad_dict *d, const item *it) {
    return &d->actors.v[it->payload - 1];
}

static int actor_item_cmp_ctx(const dyad_dict *d, const item *x, const item *y) {
    const dy_actor_entry *a = entry_of(d, x), *b = entry_of(d, y);
    const dy_actor_code *ca = a->ncodes ? &a->codes[0] : NULL, *cb = b->ncodes ? &b->codes[0] : NULL;
    if (ca && cb) {
        int f = strcmp(ca->file, cb->file);
        if (f) return f;
        if (ca->line != cb->line) return ca->line < cb->line ? -1 : 1;
    }
    if (x->payload != y->payload) return x->payload < y->payload ? -1 : 1;
    return strcmp(x->text, y->text);
}

/* qsort has no context argument; entries are ranked once instead */
typedef struct {
    item it;
    const dyad_dict *d;
} ritem;
static int ritem_cmp(const void *a, const void *b) {
    const ritem *x = a, *y = b;
    return actor_item_cmp_ctx(x->d, &x->it, &y->it);
}

static void write_seq(FILE *out, const dy_pat_seq *s);

/* what the native loader accepts as an actor code */
static int code_ok(const char *c) {
    if (!strcmp(c, "---") || !strcmp(c, "###") || !strcmp(c, "+++")) return 1;
    size_t n = strlen(c);
    for (size_t i = 0; i < n; i++) {
        char ch = c[i];
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
              (ch == '/' && i > 0 && i + 1 < n)))
            return 0;
    }
    return n > 0;
}

static void write_elem(FILE *out, const dy_pat_elem *e) {
    switch (e->kind) {
    case DY_PE_WORD:
    case DY_PE_NP_HEAD:
        fprintf(out, "%s%s", e->text, e->mode == DY_MATCH_STEM ? "~" : "");
        break;
    case DY_PE_ALT:
        fputs("{ ", out);
        for (uint32_t a = 0; a < e->nalts; a++) {
            if (a) fputs(" | ", out);
            write_seq(out, &e->alts[a]);
        }
        fputs(" }", out);
        break;
    case DY_PE_NP:
        fputc('{', out);
        write_seq(out, &e->sub);
        fputc('}', out);
        break;
    case DY_PE_PP:
        fprintf(out, "(%s", e->text);
        if (e->sub.n) fputc(' ', out);
        write_seq(out, &e->sub);
        fputc(')', out);
        break;
    default:
        fputs(e->text ? e->text : "?", out);
        break;
    }
    if (e->join_next) fputc('_', out);
}

static void write_seq(FILE *out, const dy_pat_seq *s) {
    for (uint32_t i = 0; i < s->n; i++) {
        if (i) fputc(' ', out);
        write_elem(out, &s->elems[i]);
    }
}

static void write_block_name(FILE *out, const char *name) {
    for (const char *p = name; *p; p++) fputc(*p == ' ' || *p == '\t' ? '_' : *p, out);
}

int dy_dict_write_native(const dyad_dict *d, FILE *out) {
    children ch;
    children_build(d, &ch);
    fprintf(out, "format 1\n# written by dyad dict convert from:\n");
    for (size_t i = 0; i < d->files.n; i++) fprintf(out, "#   %s\n", d->files.v[i]);
    fprintf(out, "# source family: %s. Native date rule: a dated code that holds wins, else the undated one.\n",
            dy_family_name(d->family));
    if (d->family == DY_FAM_TABARI)
        fprintf(out, "# TABARI regular endings and blank (gap) connectors are not expressible in format 1:\n"
                     "# such words are written plain.\n");
    if (d->times.n || d->classes.n || d->transforms.n)
        fprintf(out, "# not expressible in format 1 and left out: %zu <TIME> entries, %zu <NOUN>/<ADJECTIVE> entries, "
                     "%zu transformations\n", d->times.n, d->classes.n, d->transforms.n);

    /* actors */
    walker w;
    collect(d, &ch, DY_TRIE_ACTOR, 0, &w);
    ritem *r = dy_xmalloc((w.items.n ? w.items.n : 1) * sizeof *r);
    for (size_t i = 0; i < w.items.n; i++) {
        r[i].it = w.items.v[i];
        r[i].d = d;
    }
    qsort(r, w.items.n, sizeof *r, ritem_cmp);
    if (w.items.n) fprintf(out, "\n# ---- actors\n");
    for (size_t i = 0; i < w.items.n;) {
        const dy_actor_entry *e = entry_of(d, &r[i].it);
        size_t j = i + 1;
        while (j < w.items.n && same_codes(e, entry_of(d, &r[j].it))) j++;
        for (uint32_t k = 0; k < e->ncodes; k++) {
            const dy_actor_code *c = &e->codes[k];
            if (c->flags & DY_ACODE_BADDATE) fputs("# malformed date in the source: ", out);
            else if (!code_ok(c->code)) fputs("# not a code (a quirk of the source line): ", out);
            else if (c->dated && c->from > c->to) fputs("# empty date range in the source: ", out);
            fprintf(out, "%s %s", (c->flags & DY_ACODE_CAPITAL) ? "capital" : "actor", c->code);
            if (c->dated && !(c->flags & DY_ACODE_BADDATE)) {
                char f[11], t[11];
                dy_day_format(c->from, f);
                dy_day_format(c->to, t);
                fprintf(out, " @%s..%s", f, t);
            }
            fputs(":", out);
            for (size_t m = i; m < j; m++) fprintf(out, "%s %s", m > i ? " |" : "", r[m].it.text);
            fputc('\n', out);
        }
        i = j;
    }
    free(r);
    release(&w);

    /* agents */
    collect(d, &ch, DY_TRIE_AGENT, 0, &w);
    if (w.items.n) fprintf(out, "\n# ---- agents\n");
    for (size_t i = 0; i < w.items.n;) {
        const dy_agent_entry *a = &d->agents.v[w.items.v[i].payload - 1];
        size_t j = i + 1;
        while (j < w.items.n && w.items.v[j].payload == w.items.v[i].payload) j++;
        fprintf(out, "agent %s%s:", a->code, a->prefix ? "~" : "");
        for (size_t m = i; m < j; m++) fprintf(out, "%s %s", m > i ? " |" : "", w.items.v[m].text);
        fputc('\n', out);
        i = j;
    }
    release(&w);

    /* synsets */
    if (d->synsets.n) fprintf(out, "\n# ---- synsets\n");
    for (size_t i = 0; i < d->synsets.n; i++) {
        const dy_synset *s = d->synsets.v[i];
        fprintf(out, "synset &");
        const char *nm = s->name[0] == '&' ? s->name + 1 : s->name;
        size_t nl = strlen(nm);
        while (nl && nm[nl - 1] == '_') nl--;
        fprintf(out, "%.*s:", (int)nl, nm);
        for (uint32_t m = 0; m < s->nmembers; m++) {
            fputs(m ? " | " : " ", out);
            write_seq(out, &s->members[m]);
        }
        fputc('\n', out);
    }

    /* verbs, block by block */
    collect(d, &ch, DY_TRIE_VERB, 1, &w);
    size_t nb = d->blocks.n;
    if (nb) fprintf(out, "\n# ---- verbs\n");
    for (size_t b = 0; b < nb; b++) {
        const dy_verb_block *blk = &d->blocks.v[b];
        fputs("verb ", out);
        write_block_name(out, blk->name);
        fprintf(out, " %s:", blk->code.text);
        int any = 0;
        for (size_t i = 0; i < w.items.n; i++) {
            const dy_verb_form *f = &d->forms.v[w.items.v[i].payload - 1];
            if (f->block != blk || strcmp(f->code.text, blk->code.text)) continue;
            fprintf(out, "%s %s", any ? " |" : "", w.items.v[i].text);
            any = 1;
        }
        if (!any) fputs(" # (no forms of its own)", out);
        fputc('\n', out);
        /* forms with a code of their own: the same NAME again */
        for (size_t i = 0; i < w.items.n; i++) {
            const dy_verb_form *f = &d->forms.v[w.items.v[i].payload - 1];
            if (f->block != blk || !strcmp(f->code.text, blk->code.text)) continue;
            fputs("verb ", out);
            write_block_name(out, blk->name);
            fprintf(out, " %s: %s\n", f->code.text, w.items.v[i].text);
        }
        for (uint32_t p = 0; p < blk->npatterns; p++) {
            const dy_pattern *pt = &blk->patterns[p];
            if (pt->flags & DY_PAT_PHRASE) {
                fprintf(out, "npattern %s: %s\n", pt->code.text, pt->text);
            } else {
                fprintf(out, "pattern %s: ", pt->code.text);
                write_seq(out, &pt->pre);
                if (pt->pre.n) fputc(' ', out);
                fputc('*', out);
                if (pt->flags & DY_PAT_VERB_JOIN) fputc('_', out);
                if (pt->post.n) fputc(' ', out);
                write_seq(out, &pt->post);
                fputc('\n', out);
            }
        }
    }
    release(&w);

    /* discards and issues */
    collect(d, &ch, DY_TRIE_DISCARD, 0, &w);
    if (w.items.n) fprintf(out, "\n# ---- discards\n");
    for (int story = 0; story < 2; story++)
        for (size_t i = 0; i < w.items.n; i++)
            if (d->discards.v[w.items.v[i].payload - 1].story == story)
                fprintf(out, "discard %s: %s\n", story ? "story" : "sentence", w.items.v[i].text);
    release(&w);
    collect(d, &ch, DY_TRIE_ISSUE, 0, &w);
    if (w.items.n) fprintf(out, "\n# ---- issues\n");
    for (size_t i = 0; i < w.items.n; i++) {
        const dy_issue_entry *e = &d->issues.v[w.items.v[i].payload - 1];
        if (e->kind == DY_ISSUE_CODE) fprintf(out, "issue %s: %s\n", e->code, w.items.v[i].text);
        else fprintf(out, "issue %s: %s\n", e->kind == DY_ISSUE_IGNORE_STORY ? "ignore-story" : "ignore",
                     w.items.v[i].text);
    }
    release(&w);
    children_free(&ch);
    return ferror(out) ? -1 : 0;
}
