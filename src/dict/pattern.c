/* Verb patterns into element arrays: TABARI/PETRARCH-1 word sequences (and
 * our native `pattern`), and PETRARCH-2 phrase patterns (native `npattern`).
 * Elements live in the dictionary arena; synset names are resolved when the
 * dictionary is finished, so use-before-definition is fine. */
#include "dict/pattern.h"
#include <string.h>

#define MAX_ITEMS 96

typedef struct {
    const char *s;
    size_t n;
    uint8_t join;   /* the next item follows immediately */
    uint8_t exact;  /* written with a trailing '_' (TABARI: no stem) */
    uint8_t stem;   /* written with a trailing '~' (TABARI/native: stem) */
} item;

typedef struct {
    dy_load_ctx *c;
    dy_pat_flavor fl;
    item it[MAX_ITEMS];
    size_t n, pos;
    const char *err;
    int dead;
} pstate;

static int tokenize(pstate *p, const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        while (i < n && dy_is_space(s[i])) i++;
        size_t b = i;
        while (i < n && !dy_is_space(s[i])) i++;
        if (i == b) break;
        const char *t = s + b;
        size_t tn = i - b;
        if (p->fl == DY_PAT_NATIVE) {
            /* native: '_' only at a token's ends joins it to its neighbour */
            if (tn > 1 && t[0] == '_' && p->n) {
                p->it[p->n - 1].join = 1;
                t++;
                tn--;
            }
            int join = 0;
            if (tn > 1 && t[tn - 1] == '_') {
                join = 1;
                tn--;
            }
            if (p->n == MAX_ITEMS) return -1;
            item x = {t, tn, (uint8_t)join, 0, 0};
            if (tn > 1 && t[tn - 1] == '~') {
                x.stem = 1;
                x.n--;
            }
            p->it[p->n++] = x;
            continue;
        }
        /* TABARI / PETRARCH-1: '_' inside a token joins its parts; a final '_'
         * marks the last part as a whole word */
        size_t k = 0;
        while (k < tn) {
            size_t pb = k;
            while (k < tn && t[k] != '_') k++;
            size_t pl = k - pb;
            int more = k < tn; /* stopped at '_' */
            if (more) k++;
            if (pl == 0) {
                if (more && p->n && k >= tn) p->it[p->n - 1].exact = 1;
                continue;
            }
            if (p->n == MAX_ITEMS) return -1;
            item x = {t + pb, pl, 0, 0, 0};
            if (more) {
                if (k >= tn) x.exact = 1; /* "OF_" */
                else x.join = 1;          /* "IN_*" */
            }
            if (pl > 1 && x.s[pl - 1] == '~') {
                x.stem = 1;
                x.join = 1;
                x.n--;
            }
            p->it[p->n++] = x;
        }
    }
    return 0;
}

static int is_tok(const item *x, const char *w) { return x->n == strlen(w) && !memcmp(x->s, w, x->n); }

static const char *fold_text(dyad_dict *d, const char *s, size_t n, dy_word *w) {
    *w = dy_build_word(d, s, n);
    return dy_dict_word_text(d, *w);
}

static dy_pat_elem *commit(dyad_dict *d, const dy_pat_elem *tmp, size_t n) {
    dy_pat_elem *e = dy_arena_alloc(&d->arena, (n ? n : 1) * sizeof *e);
    memcpy(e, tmp, n * sizeof *e);
    return e;
}

/* Synset elements get their name resolved later; the element must already be in
 * its final place, so references are recorded after commit(). */
static void record_synrefs(dyad_dict *d, dy_pat_elem *e, size_t n, int member) {
    for (size_t i = 0; i < n; i++) {
        if (e[i].kind == DY_PE_SYNSET) dy_build_synref(d, &e[i], e[i].text, member);
        if (e[i].kind == DY_PE_NP || e[i].kind == DY_PE_PP)
            record_synrefs(d, (dy_pat_elem *)e[i].sub.elems, e[i].sub.n, member);
        for (uint32_t a = 0; a < e[i].nalts; a++)
            record_synrefs(d, (dy_pat_elem *)e[i].alts[a].elems, e[i].alts[a].n, member);
    }
}

/* Parse items until one of the stop tokens ('|' '}' or end); used for
 * alternatives too. verb_at gets the element index of '*' (or stays). */
static int parse_seq(pstate *p, dy_pat_elem *out, size_t max, size_t *nout, int in_alt,
                     size_t *verb_at) {
    size_t n = 0;
    while (p->pos < p->n) {
        item *x = &p->it[p->pos];
        if (in_alt && (is_tok(x, "|") || is_tok(x, "}"))) break;
        p->pos++;
        if (n == max) {
            p->err = "pattern has too many elements";
            return -1;
        }
        dy_pat_elem e;
        memset(&e, 0, sizeof e);
        e.join_next = x->join;
        if (is_tok(x, "*")) {
            if (in_alt) { p->err = "'*' inside { | } alternatives"; return -1; }
            if (*verb_at != (size_t)-1) { p->err = "more than one verb marker '*'"; return -1; }
            *verb_at = n;
            e.kind = DY_PE_VERB;
            e.text = "*";
        } else if (is_tok(x, "$")) { e.kind = DY_PE_SOURCE; e.text = "$"; }
        else if (is_tok(x, "+")) { e.kind = DY_PE_TARGET; e.text = "+"; }
        else if (is_tok(x, "%")) { e.kind = DY_PE_COMPOUND; e.text = "%"; }
        else if (is_tok(x, "^")) { e.kind = DY_PE_SKIP; e.text = "^"; }
        else if (x->s[0] == '&' && x->n > 1) {
            e.kind = DY_PE_SYNSET;
            e.text = dy_build_str(p->c->d, x->s, x->n);
        } else if (is_tok(x, "{")) {
            if (p->fl == DY_PAT_PETRARCH1) { p->err = "{ | } alternatives (PETRARCH-1 skips such patterns)"; return -2; }
            dy_pat_seq alts[16];
            uint32_t na = 0;
            for (;;) {
                dy_pat_elem tmp[MAX_ITEMS];
                size_t tn = 0;
                int rc = parse_seq(p, tmp, MAX_ITEMS, &tn, 1, verb_at);
                if (rc) return rc;
                if (na == 16) { p->err = "too many alternatives"; return -1; }
                if (!tn) { p->err = "empty alternative in { | }"; return -1; }
                alts[na].elems = commit(p->c->d, tmp, tn);
                alts[na].n = (uint32_t)tn;
                na++;
                if (p->pos >= p->n) { p->err = "missing '}'"; return -1; }
                item *y = &p->it[p->pos++];
                if (is_tok(y, "}")) {
                    e.join_next = y->join;
                    break;
                }
            }
            e.kind = DY_PE_ALT;
            e.text = "{|}";
            dy_pat_seq *as = dy_arena_alloc(&p->c->d->arena, na * sizeof *as);
            memcpy(as, alts, na * sizeof *as);
            e.alts = as;
            e.nalts = na;
        } else if (is_tok(x, "|") || is_tok(x, "}")) {
            p->err = "'|' or '}' outside { }";
            return -1;
        } else {
            e.kind = DY_PE_WORD;
            if (p->fl == DY_PAT_TABARI) {
                e.mode = x->stem ? DY_MATCH_STEM : (x->exact || x->join) ? DY_MATCH_NOUN : DY_MATCH_STEM;
            } else {
                e.mode = x->stem ? DY_MATCH_STEM : DY_MATCH_EXACT;
            }
            e.text = fold_text(p->c->d, x->s, x->n, &e.word);
            if (e.mode != DY_MATCH_EXACT) dy_build_mark_ext(p->c->d, e.word);
        }
        out[n++] = e;
    }
    *nout = n;
    return 0;
}

static void set_text(dy_load_ctx *c, dy_pattern *out, const char *s, size_t n) {
    dy_trim(&s, &n);
    out->text = dy_build_str(c->d, s, n);
    out->length = (uint32_t)dy_pattern_length(out->text);
}

int dy_parse_wordseq(dy_load_ctx *c, dy_pat_flavor fl, const char *s, size_t n, dy_pattern *out,
                     const char **err, int member) {
    pstate p;
    memset(&p, 0, sizeof p);
    p.c = c;
    p.fl = fl;
    if (tokenize(&p, s, n)) {
        *err = "pattern has too many elements";
        return -1;
    }
    dy_pat_elem tmp[MAX_ITEMS];
    size_t tn = 0, verb = (size_t)-1;
    int rc = parse_seq(&p, tmp, MAX_ITEMS, &tn, 0, &verb);
    if (rc) {
        *err = p.err;
        return rc;
    }
    if (member) {
        if (verb != (size_t)-1) {
            *err = "'*' in a synset member";
            return -1;
        }
        if (!tn) {
            *err = "empty synset member";
            return -1;
        }
        dy_pat_elem *all = commit(c->d, tmp, tn);
        out->pre.elems = all;
        out->pre.n = (uint32_t)tn;
        out->post.elems = NULL;
        out->post.n = 0;
        out->flags = 0;
        record_synrefs(c->d, all, tn, 1);
        set_text(c, out, s, n);
        return 0;
    }
    if (verb == (size_t)-1) {
        *err = "missing verb marker '*'";
        return -1;
    }
    dy_pat_elem *all = commit(c->d, tmp, tn);
    out->pre.elems = all;
    out->pre.n = (uint32_t)verb;
    out->post.elems = all + verb + 1;
    out->post.n = (uint32_t)(tn - verb - 1);
    out->flags = 0;
    if (all[verb].join_next) out->flags |= DY_PAT_VERB_JOIN;
    record_synrefs(c->d, all, tn, 0);
    set_text(c, out, s, n);
    return 0;
}

/* ---------------------------------------------------------------- phrase patterns */

static int legacy_token(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (s[i] == '$' || s[i] == '+' || s[i] == '%' || s[i] == '/') return 1;
    return 0;
}

static void word_elem(dy_load_ctx *c, const char *s, size_t n, uint8_t kind, dy_pat_elem *e,
                      int *dead) {
    memset(e, 0, sizeof *e);
    if (n == 1 && s[0] == '^') {
        e->kind = DY_PE_SKIP;
        e->text = "^";
        return;
    }
    if (n > 1 && s[0] == '&') {
        e->kind = DY_PE_SYNSET;
        e->text = dy_build_str(c->d, s, n);
        return;
    }
    if (legacy_token(s, n)) {
        e->kind = DY_PE_LITERAL;
        e->text = dy_build_str(c->d, s, n);
        *dead = 1;
        return;
    }
    e->kind = kind;
    e->mode = DY_MATCH_EXACT;
    e->text = fold_text(c->d, s, n, &e->word);
}

int dy_parse_phrase(dy_load_ctx *c, const char *s, size_t n, dy_pattern *out, const char **err) {
    /* whitespace tokens; groups are recognised by a token starting with '(' or
     * '{' and the next one ending with ')' or '}' (PETRARCH's rule) */
    const char *tok[MAX_ITEMS];
    size_t tl[MAX_ITEMS], nt = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && dy_is_space(s[i])) i++;
        size_t b = i;
        while (i < n && !dy_is_space(s[i])) i++;
        if (i == b) break;
        if (nt == MAX_ITEMS) { *err = "pattern has too many elements"; return -1; }
        tok[nt] = s + b;
        tl[nt] = i - b;
        nt++;
    }
    dy_pat_elem tmp[MAX_ITEMS];
    size_t ne = 0, verb = (size_t)-1;
    int dead = 0;
    for (size_t k = 0; k < nt; k++) {
        const char *t = tok[k];
        size_t l = tl[k];
        dy_pat_elem e;
        memset(&e, 0, sizeof e);
        if (l == 1 && t[0] == '*') {
            if (verb != (size_t)-1) { *err = "more than one verb marker '*'"; return -1; }
            verb = ne;
            e.kind = DY_PE_VERB;
            e.text = "*";
        } else if (l == 1 && t[0] == '^') {
            e.kind = DY_PE_SKIP;
            e.text = "^";
        } else if (t[0] == '(' || t[0] == '{') {
            char close = t[0] == '(' ? ')' : '}';
            size_t end = k;
            while (end < nt && tok[end][tl[end] - 1] != close) end++;
            if (end == nt) { *err = t[0] == '(' ? "missing ')'" : "missing '}'"; return -1; }
            dy_pat_elem sub[MAX_ITEMS];
            size_t ns = 0;
            /* inside a PP, a {...} is a noun phrase; everything else a word */
            for (size_t j = k; j <= end; j++) {
                const char *w = tok[j];
                size_t wl = tl[j];
                int np_open = 0;
                if (j == k) { w++; wl--; }
                if (j == end && wl) wl--;
                if (t[0] == '(' && wl && w[0] == '{') {
                    /* {a b} inside (PREP {a b}) */
                    size_t e2 = j;
                    while (e2 < end && tok[e2][tl[e2] - 1] != '}') e2++;
                    dy_pat_elem np[MAX_ITEMS];
                    size_t nn = 0;
                    for (size_t q = j; q <= e2; q++) {
                        const char *x = tok[q];
                        size_t xl = tl[q];
                        if (q == j) { x++; xl--; if (q == k) { x++; xl--; } }
                        while (xl && (x[xl - 1] == '}' || x[xl - 1] == ')')) xl--;
                        if (xl && nn < MAX_ITEMS) word_elem(c, x, xl, DY_PE_WORD, &np[nn++], &dead);
                    }
                    if (ns < MAX_ITEMS && nn) {
                        memset(&sub[ns], 0, sizeof sub[ns]);
                        sub[ns].kind = DY_PE_NP;
                        sub[ns].text = "{}";
                        sub[ns].sub.elems = commit(c->d, np, nn);
                        sub[ns].sub.n = (uint32_t)nn;
                        ns++;
                    }
                    j = e2;
                    np_open = 1;
                }
                if (np_open) continue;
                while (wl && (w[wl - 1] == '}' || w[wl - 1] == ')')) wl--;
                if (wl && ns < MAX_ITEMS) word_elem(c, w, wl, DY_PE_WORD, &sub[ns++], &dead);
            }
            if (t[0] == '(') {
                if (ns && sub[0].kind == DY_PE_LITERAL) {
                    /* "(TO/FOR ...)": legacy alternatives, a literal that never matches */
                    dead = 1;
                } else if (!ns || sub[0].kind != DY_PE_WORD) {
                    *err = "a (...) group must start with a preposition";
                    return -1;
                }
                e.kind = DY_PE_PP;
                e.word = sub[0].word;
                e.text = sub[0].text;
                e.sub.elems = commit(c->d, sub + 1, ns - 1);
                e.sub.n = (uint32_t)(ns - 1);
            } else {
                if (!ns) { *err = "empty {} noun phrase"; return -1; }
                e.kind = DY_PE_NP;
                e.text = "{}";
                e.sub.elems = commit(c->d, sub, ns);
                e.sub.n = (uint32_t)ns;
            }
            k = end;
        } else {
            word_elem(c, t, l, DY_PE_NP_HEAD, &e, &dead);
        }
        if (ne == MAX_ITEMS) { *err = "pattern has too many elements"; return -1; }
        tmp[ne++] = e;
    }
    if (verb == (size_t)-1) {
        *err = "missing verb marker '*'";
        return -1;
    }
    dy_pat_elem *all = commit(c->d, tmp, ne);
    out->pre.elems = all;
    out->pre.n = (uint32_t)verb;
    out->post.elems = all + verb + 1;
    out->post.n = (uint32_t)(ne - verb - 1);
    out->flags = DY_PAT_PHRASE | (dead ? DY_PAT_DEAD : 0);
    record_synrefs(c->d, all, ne, 0);
    set_text(c, out, s, n);
    return 0;
}
