/* PETRARCH verb dictionaries: CAMEO.2.0 (PETRARCH-2 phrase patterns) and the
 * TABARI-like PETRARCH-1 files, read line by line as PETRreader.read_verb_dictionary
 * does (DICTIONARY_FORMATS.md §3, §4). */
#include "dict/pattern.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct {
    dy_load_ctx *c;
    int syn;                 /* the synset section is open (PETRARCH-2) */
    int record_patterns;     /* PETRARCH-2 [impl]: a '<!' line switches patterns off for good */
    long block;              /* current block index, -1 before the first */
    dy_synset *set;          /* synset collecting members */
    DY_VEC(dy_pat_seq) members;
} vstate;

static void synset_close(vstate *v) {
    if (!v->set) return;
    dy_pat_seq *m = dy_arena_alloc(&v->c->d->arena, (v->members.n ? v->members.n : 1) * sizeof *m);
    if (v->members.n) memcpy(m, v->members.v, v->members.n * sizeof *m);
    v->set->members = m;
    v->set->nmembers = (uint32_t)v->members.n;
    v->members.n = 0;
    v->set = NULL;
}

static int memstr_ci(const char *s, size_t n, const char *w) {
    size_t m = strlen(w);
    for (size_t i = 0; i + m <= n; i++)
        if (!strncasecmp(s + i, w, m)) return 1;
    return 0;
}

/* Cut at the first comment mark outside [...]: PETRARCH-1 files write the
 * discard code [###] and comment with '#' on the same line. */
static void cut_comment(const char **s, size_t *n, char mark) {
    int depth = 0;
    for (size_t i = 0; i < *n; i++) {
        char ch = (*s)[i];
        if (ch == '[') depth++;
        else if (ch == ']' && depth) depth--;
        else if (ch == mark && !depth) {
            *n = i;
            break;
        }
    }
    dy_trim(s, n);
}

/* PETRARCH-2 make_plural_noun as used for synset members. */
static size_t plural_p2(const char *s, size_t n, char *out, size_t cap) {
    if (n + 3 >= cap) return 0;
    memcpy(out, s, n);
    char last = s[n - 1];
    if (last == 'Y' || last == 'y') { memcpy(out + n - 1, last == 'Y' ? "IES" : "ies", 3); return n + 2; }
    if (last == 'S' || last == 's') { memcpy(out + n - 1, last == 'S' ? "ES" : "es", 2); return n + 1; } /* [impl] GAS -> GAES */
    out[n] = last >= 'a' && last <= 'z' ? 's' : 'S';
    return n + 1;
}

static void add_word_member(vstate *v, const char *s, size_t n) {
    dy_pat_elem *e = dy_arena_calloc(&v->c->d->arena, 1, sizeof *e);
    e->kind = DY_PE_WORD;
    e->mode = DY_MATCH_EXACT;
    e->word = dy_build_word(v->c->d, s, n);
    e->text = dy_dict_word_text(v->c->d, e->word);
    dy_pat_seq q = {e, 1};
    DY_VEC_PUSH(v->members, q);
}

static void member_p2(vstate *v, const char *s, size_t n, uint32_t line, const char *raw, size_t rn) {
    dy_load_ctx *c = v->c;
    int nopl = n && s[n - 1] == '_';
    size_t body = n;
    while (body && s[body - 1] == '_') body--;
    if (!body) {
        dy_load_report(c, DYAD_ERROR, line, raw, rn, "empty synset member");
        return;
    }
    c->d->st.synset_members++;
    if (!memchr(s, '_', body)) {
        add_word_member(v, s, body);
        if (!nopl) {
            char pl[256];
            size_t pn = plural_p2(s, body, pl, sizeof pl);
            if (pn) add_word_member(v, pl, pn);
        }
        return;
    }
    /* A_B_C -> the noun phrase {A B C}; with a trailing '_' PETRARCH keeps
     * "C_" as the head, which never matches: kept literally, as it does */
    dy_pat_elem words[DY_MAX_PHRASE];
    size_t nw = 0;
    size_t i = 0;
    size_t lim = nopl ? n : body;
    while (i < lim && nw < DY_MAX_PHRASE) {
        size_t b = i;
        while (i < lim && s[i] != '_') i++;
        size_t e = i;
        if (nopl && i == body) e = n; /* the head keeps its '_' */
        if (e > b) {
            memset(&words[nw], 0, sizeof words[nw]);
            words[nw].kind = DY_PE_WORD;
            words[nw].mode = DY_MATCH_EXACT;
            words[nw].word = dy_build_word(c->d, s + b, e - b);
            words[nw].text = dy_dict_word_text(c->d, words[nw].word);
            nw++;
        }
        if (nopl && i == body) break;
        i++;
    }
    dy_pat_elem *np = dy_arena_calloc(&c->d->arena, 1, sizeof *np);
    dy_pat_elem *sub = dy_arena_alloc(&c->d->arena, nw * sizeof *sub);
    memcpy(sub, words, nw * sizeof *sub);
    np->kind = DY_PE_NP;
    np->text = "{}";
    np->sub.elems = sub;
    np->sub.n = (uint32_t)nw;
    dy_pat_seq q = {np, 1};
    DY_VEC_PUSH(v->members, q);
}

static void member_p1(vstate *v, const char *s, size_t n, uint32_t line, const char *raw, size_t rn) {
    dy_pattern tmp;
    const char *err = NULL;
    memset(&tmp, 0, sizeof tmp);
    if (dy_parse_wordseq(v->c, DY_PAT_PETRARCH1, s, n, &tmp, &err, 1)) {
        dy_load_report(v->c, DYAD_ERROR, line, raw, rn, "%s", err ? err : "bad synset member");
        return;
    }
    v->c->d->st.synset_members++;
    DY_VEC_PUSH(v->members, tmp.pre);
}

/* Regular forms of a verb word (PETRARCH rules: no consonant doubling). */
static size_t regular_forms(const char *w, size_t n, char out[3][128]) {
    if (!n || n > 120) return 0;
    char last = w[n - 1];
    int up = !(last >= 'a' && last <= 'z');
    /* third person */
    if (last == 'S' || last == 'X' || last == 'Z' || last == 's' || last == 'x' || last == 'z')
        snprintf(out[0], 128, "%.*s%s", (int)n, w, up ? "ES" : "es");
    else if (last == 'Y' || last == 'y')
        snprintf(out[0], 128, "%.*s%s", (int)(n - 1), w, up ? "IES" : "ies");
    else
        snprintf(out[0], 128, "%.*s%s", (int)n, w, up ? "S" : "s");
    /* past */
    if (last == 'E' || last == 'e') snprintf(out[1], 128, "%.*s%s", (int)n, w, up ? "D" : "d");
    else snprintf(out[1], 128, "%.*s%s", (int)n, w, up ? "ED" : "ed");
    /* gerund: a final E after a non-vowel is dropped */
    int drop = 0;
    if ((last == 'E' || last == 'e') && n >= 2) {
        char p = (char)(w[n - 2] | 0x20);
        drop = !(p == 'a' || p == 'e' || p == 'i' || p == 'o' || p == 'u');
    }
    snprintf(out[2], 128, "%.*s%s", (int)(drop ? n - 1 : n), w, up ? "ING" : "ing");
    return 3;
}

typedef struct {
    const char *front, *verb, *back; /* '_'-separated runs, lengths below */
    size_t fn, vn, bn;
} verbspec;

/* "W_+VERB_W" -> front / verb / back. -1 when it has '_' but no '+'. */
static int split_spec(const char *s, size_t n, verbspec *o) {
    const char *plus = memchr(s, '+', n);
    if (!plus) {
        if (memchr(s, '_', n)) return -1;
        o->front = o->back = "";
        o->fn = o->bn = 0;
        o->verb = s;
        o->vn = n;
        return 0;
    }
    o->front = s;
    o->fn = (size_t)(plus - s);
    while (o->fn && s[o->fn - 1] == '_') o->fn--;
    o->verb = plus + 1;
    const char *us = memchr(o->verb, '_', n - (size_t)(o->verb - s));
    o->vn = us ? (size_t)(us - o->verb) : n - (size_t)(o->verb - s);
    o->back = us ? us + 1 : "";
    o->bn = us ? n - (size_t)(o->back - s) : 0;
    return 0;
}

static size_t add_words(dyad_dict *d, const char *s, size_t n, dy_pword *w, size_t k) {
    size_t i = 0;
    while (i < n && k < DY_MAX_PHRASE) {
        size_t b = i;
        while (i < n && s[i] != '_') i++;
        if (i > b) {
            w[k].word = dy_build_word(d, s + b, i - b);
            w[k].mode = DY_MATCH_EXACT;
            w[k].gap = 0;
            k++;
        }
        i++;
    }
    return k;
}

static void store_form(vstate *v, const verbspec *sp, const dy_verb_form *proto) {
    dy_pword w[DY_MAX_PHRASE];
    size_t k = add_words(v->c->d, sp->front, sp->fn, w, 0);
    size_t vw = k;
    k = add_words(v->c->d, sp->verb, sp->vn, w, k);
    k = add_words(v->c->d, sp->back, sp->bn, w, k);
    if (!k || vw >= k) return;
    dy_verb_form f = *proto;
    f.verb_word = (uint8_t)vw;
    f.nwords = (uint8_t)k;
    /* [impl] a later identical form replaces the earlier (dict assignment) */
    dy_build_form(v->c->d, (uint32_t)v->block, &f, w, k, 1);
}

static void verb_line(vstate *v, const char *raw, size_t rn, uint32_t line) {
    dy_load_ctx *c = v->c;
    const char *s = raw;
    size_t n = rn;
    cut_comment(&s, &n, '#');
    if (!n) return;
    if (v->block < 0) {
        dy_load_report(c, DYAD_ERROR, line, raw, rn, "verb before any '---' block");
        return;
    }
    c->d->st.verb_lines++;
    dy_verb_block *blk = &c->d->blocks.v[v->block];
    dy_verb_form proto;
    memset(&proto, 0, sizeof proto);
    proto.code = blk->code;
    proto.family = (uint8_t)c->fam;
    proto.file = c->file;
    proto.line = line;
    const char *lb = memchr(s, '[', n);
    if (lb) {
        const char *rb = memchr(lb, ']', n - (size_t)(lb - s));
        if (!rb) {
            dy_load_report(c, DYAD_ERROR, line, raw, rn, "missing ']' after the verb's code");
            return;
        }
        if (dy_code_parse(c->d, lb + 1, (size_t)(rb - lb - 1), &proto.code)) {
            dy_load_report(c, DYAD_ERROR, line, raw, rn, "bad event code");
            return;
        }
        proto.own_code = 1;
        c->d->st.verb_lines_own_code++;
        n = (size_t)(lb - s);
    }
    int braces = memchr(s, '{', n) != NULL;
    if (braces) c->d->st.verb_lines_forms++;
    /* words with braces removed */
    const char *w[64];
    size_t wl[64], nw = 0;
    for (size_t i = 0; i < n && nw < 64;) {
        while (i < n && (dy_is_space(s[i]) || s[i] == '{' || s[i] == '}')) i++;
        size_t b = i;
        while (i < n && !dy_is_space(s[i]) && s[i] != '{' && s[i] != '}') i++;
        if (i > b) {
            w[nw] = s + b;
            wl[nw] = i - b;
            nw++;
        }
    }
    if (!nw) {
        dy_load_report(c, DYAD_ERROR, line, raw, rn, "verb line without a verb");
        return;
    }
    verbspec head;
    if (split_spec(w[0], wl[0], &head)) {
        dy_load_report(c, DYAD_ERROR, line, raw, rn,
                       "multi-word verb without '+' on its verb word (PETRARCH stops on this)");
        return;
    }
    if (memchr(w[0], '+', wl[0])) c->d->st.verb_lines_multiword++;
    if (!head.vn) {
        dy_load_report(c, DYAD_ERROR, line, raw, rn, "'+' marks no verb word");
        return;
    }
    store_form(v, &head, &proto);
    if (braces || nw > 1) {
        for (size_t k = 1; k < nw; k++) {
            verbspec f;
            if (memchr(w[k], '_', wl[k]) || memchr(w[k], '+', wl[k])) {
                if (split_spec(w[k], wl[k], &f)) {
                    dy_load_report(c, DYAD_ERROR, line, raw, rn, "verb form with '_' but no '+'");
                    continue;
                }
            } else {
                f = head; /* inherits the head's front and back words */
                f.verb = w[k];
                f.vn = wl[k];
            }
            store_form(v, &f, &proto);
        }
        return;
    }
    char forms[3][128];
    size_t nf = regular_forms(head.verb, head.vn, forms);
    for (size_t k = 0; k < nf; k++) {
        verbspec f = head;
        f.verb = forms[k];
        f.vn = strlen(forms[k]);
        store_form(v, &f, &proto);
    }
}

static void block_line(vstate *v, const char *raw, size_t rn, uint32_t line) {
    dy_load_ctx *c = v->c;
    const char *seg[4];
    size_t sl[4], ns = 0;
    for (size_t i = 0; i < rn && ns < 4;) {
        while (i < rn && dy_is_space(raw[i])) i++;
        size_t b = i;
        while (i < rn && !dy_is_space(raw[i])) i++;
        if (i > b) {
            seg[ns] = raw + b;
            sl[ns] = i - b;
            ns++;
        }
    }
    dy_verb_block b;
    memset(&b, 0, sizeof b);
    b.family = (uint8_t)c->fam;
    b.file = c->file;
    b.line = line;
    const char *lb = memchr(raw, '[', rn);
    const char *rb = lb ? memchr(lb, ']', rn - (size_t)(lb - raw)) : NULL;
    if (ns >= 3 && lb && rb && lb > seg[2] && seg[2][0] != '[') {
        /* "--- LASH OUT [122] ---": a meaning of several words */
        const char *m = seg[1];
        size_t mn = (size_t)(lb - seg[1]);
        dy_trim(&m, &mn);
        dy_load_report(c, DYAD_NOTE, line, raw, rn, "block meaning of several words (PETRARCH-2 takes the second word as the code)");
        b.name = dy_build_str(c->d, m, mn);
        if (dy_code_parse(c->d, lb + 1, (size_t)(rb - lb - 1), &b.code))
            dy_load_report(c, DYAD_ERROR, line, raw, rn, "bad block code");
        v->block = (long)dy_build_block(c->d, &b);
        return;
    }
    if (ns >= 3 && !lb && sl[2] >= 3 && (!memcmp(seg[2], "###", 3) || !memcmp(seg[2], "---", 3) ||
                                         !memcmp(seg[2], "+++", 3))) {
        /* "--- SEND ###": the code without brackets */
        dy_load_report(c, DYAD_NOTE, line, raw, rn, "block code without brackets");
        b.name = dy_build_str(c->d, seg[1], sl[1]);
        dy_code_parse(c->d, seg[2], 3, &b.code);
        v->block = (long)dy_build_block(c->d, &b);
        return;
    }
    if (ns >= 3 && sl[2] > 2 && seg[2][0] == '[' && seg[2][sl[2] - 1] != ']' &&
        memchr(seg[2], ']', sl[2])) {
        /* "[110]---": a missing blank before the closing dashes */
        dy_load_report(c, DYAD_NOTE, line, raw, rn, "no blank after the block code; read up to ']'");
        sl[2] = (size_t)((const char *)memchr(seg[2], ']', sl[2]) - seg[2]) + 1;
    }
    if (ns < 3 || sl[2] < 2 || seg[2][0] != '[' || seg[2][sl[2] - 1] != ']') {
        dy_load_report(c, DYAD_ERROR, line, raw, rn, "verb block needs '--- MEANING [CODE] ---'");
        /* the verbs and patterns that follow still need a home */
        b.name = ns >= 2 ? dy_build_str(c->d, seg[1], sl[1]) : "?";
        dy_code_parse(c->d, "---", 3, &b.code);
    } else {
        b.name = dy_build_str(c->d, seg[1], sl[1]);
        if (dy_code_parse(c->d, seg[2] + 1, sl[2] - 2, &b.code))
            dy_load_report(c, DYAD_ERROR, line, raw, rn, "bad block code");
    }
    v->block = (long)dy_build_block(c->d, &b);
}

static void pattern_line(vstate *v, const char *raw, size_t rn, uint32_t line) {
    dy_load_ctx *c = v->c;
    if (v->block < 0) {
        dy_load_report(c, DYAD_ERROR, line, raw, rn, "pattern before any '---' block");
        return;
    }
    if (c->fam == DY_FAM_PETRARCH2 && !v->record_patterns) {
        c->d->st.patterns_ignored++;
        return;
    }
    const char *s = raw + 1;
    size_t n = rn - 1;
    cut_comment(&s, &n, '#');
    /* the code is the last whitespace token, in brackets */
    size_t e = n;
    while (e && !dy_is_space(s[e - 1])) e--;
    const char *code = s + e;
    size_t cn = n - e;
    const char *lb = cn ? memchr(code, '[', cn) : NULL;
    size_t glued = 0;
    if (lb && lb != code && code[cn - 1] == ']') {
        /* "VISIT)[042:043]", "^)[111]": the code glued to the last token */
        dy_load_report(c, DYAD_NOTE, line, raw, rn, "code glued to the pattern's last token");
        glued = (size_t)(lb - code);
        cn -= glued;
        code = lb;
    }
    if (cn < 2 || code[0] != '[' || code[cn - 1] != ']') {
        dy_load_report(c, DYAD_ERROR, line, raw, rn, "pattern without a [code] at its end");
        return;
    }
    dy_pattern p;
    memset(&p, 0, sizeof p);
    if (dy_code_parse(c->d, code + 1, cn - 2, &p.code)) {
        dy_load_report(c, DYAD_ERROR, line, raw, rn, "bad event code");
        return;
    }
    const char *err = NULL;
    int rc = c->fam == DY_FAM_PETRARCH2 ? dy_parse_phrase(c, s, e + glued, &p, &err)
                                         : dy_parse_wordseq(c, DY_PAT_PETRARCH1, s, e + glued, &p, &err, 0);
    if (rc == -1 && glued) /* "(ON ^)  ^)[111]": the glued text was a stray repeat */
        rc = c->fam == DY_FAM_PETRARCH2 ? dy_parse_phrase(c, s, e, &p, &err)
                                         : dy_parse_wordseq(c, DY_PAT_PETRARCH1, s, e, &p, &err, 0);
    if (rc == -2) {
        c->d->st.patterns_ignored++;
        dy_load_report(c, DYAD_NOTE, line, raw, rn, "%s", err);
        return;
    }
    if (rc && c->fam == DY_FAM_PETRARCH2 && err && !strcmp(err, "missing verb marker '*'") &&
        memchr(s, '*', e)) {
        /* "SPY_*_DEAL": a '*' glued to words is no verb marker to PETRARCH-2 */
        c->d->st.patterns_ignored++;
        dy_load_report(c, DYAD_NOTE, line, raw, rn, "'*' glued to words: PETRARCH-2 never matches this pattern");
        return;
    }
    if (rc) {
        dy_load_report(c, DYAD_ERROR, line, raw, rn, "%s", err ? err : "bad pattern");
        return;
    }
    p.file = c->file;
    p.line = line;
    if (p.flags & DY_PAT_DEAD) c->d->st.patterns_dead++;
    dy_build_pattern(c->d, (uint32_t)v->block, &p);
}

static void transform_line(vstate *v, const char *raw, size_t rn, uint32_t line) {
    dy_load_ctx *c = v->c;
    const char *s = raw + 1;
    size_t n = rn - 1;
    cut_comment(&s, &n, '#');
    const char *t[12];
    size_t tl[12];
    size_t nt = dy_transform_words(s, n, t, tl, 12);
    if (nt != 9 || tl[5] != 1 || t[5][0] != '=') {
        dy_load_report(c, DYAD_ERROR, line, raw, rn,
                       "transformation needs '~ a (b c VERB) VERB = x y CODE'");
        return;
    }
    dy_transform x;
    memset(&x, 0, sizeof x);
    x.upper_source = dy_build_str(c->d, t[0], tl[0]);
    x.lower_source = dy_build_str(c->d, t[1], tl[1]);
    x.lower_target = dy_build_str(c->d, t[2], tl[2]);
    x.lower_verb = dy_build_str(c->d, t[3], tl[3]);
    x.upper_verb = dy_build_str(c->d, t[4], tl[4]);
    x.out_source = dy_build_str(c->d, t[6], tl[6]);
    x.out_target = dy_build_str(c->d, t[7], tl[7]);
    x.out_code = dy_build_str(c->d, t[8], tl[8]);
    x.file = c->file;
    x.line = line;
    x.family = DY_FAM_PETRARCH2;
    DY_VEC_PUSH(c->d->transforms, x);
}

void dy_load_petrarch_verbs(dy_load_ctx *c) {
    vstate v;
    memset(&v, 0, sizeof v);
    v.c = c;
    v.syn = 1;
    v.record_patterns = 1;
    v.block = -1;
    dy_build_set_family(c->d, c->fam, 2);
    dy_lines it;
    const char *raw;
    size_t rn;
    dy_lines_init(&it, c->data, c->len);
    while (dy_lines_next(&it, &raw, &rn)) {
        const char *t = raw;
        size_t tn = rn;
        dy_trim(&t, &tn);
        if (rn >= 2 && raw[0] == '<' && raw[1] == '!') {
            v.record_patterns = 0;
            continue;
        }
        if (tn && t[0] == '#') {
            if (memstr_ci(t, tn, "VERB PATTERNS")) {
                synset_close(&v);
                v.syn = 0;
            }
            continue;
        }
        if (!tn) continue;
        int in_members = v.set != NULL;
        if (t[0] == '+' && in_members && (v.syn || c->fam == DY_FAM_PETRARCH1)) {
            const char *m = t + 1;
            size_t mn = tn - 1;
            cut_comment(&m, &mn, '#');
            if (c->fam == DY_FAM_PETRARCH2) member_p2(&v, m, mn, it.line, raw, rn);
            else member_p1(&v, m, mn, it.line, raw, rn);
            continue;
        }
        synset_close(&v);
        if (tn >= 3 && !memcmp(t, "---", 3)) {
            block_line(&v, t, tn, it.line);
        } else if (t[0] == '-') {
            pattern_line(&v, t, tn, it.line);
        } else if (t[0] == '&' && (v.syn || c->fam == DY_FAM_PETRARCH1)) {
            const char *m = t;
            size_t mn = tn;
            cut_comment(&m, &mn, '#');
            v.set = dy_build_synset(c->d, dy_build_str(c->d, m, mn), c->file, it.line, c->fam);
        } else if (t[0] == '~') {
            transform_line(&v, t, tn, it.line);
        } else {
            verb_line(&v, t, tn, it.line);
        }
    }
    synset_close(&v);
    free(v.members.v);
}
