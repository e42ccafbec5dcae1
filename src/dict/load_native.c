/* The native format (docs/dictionary-format.md): one entry per line,
 * `keyword head: phrase | phrase ...`, includes, explicit date ranges. */
#include "dict/pattern.h"
#include "util/utf8.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    dy_load_ctx *c;
    long block;                  /* current verb block, -1 before the first */
    const char *block_name;
    uint32_t line;
    const char *raw;
    size_t rn;
    DY_VEC(const char *) issue_codes; /* distinct, for stats */
} nstate;

static void err(nstate *st, const char *msg) {
    dy_load_report(st->c, DYAD_ERROR, st->line, st->raw, st->rn, "%s", msg);
}

/* '#' at the line start or after a blank starts a comment, except the
 * discard code "###" standing as a code after the keyword ("actor ###: x") */
static size_t strip_comment(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '#' || (i > 0 && !dy_is_space(s[i - 1]))) continue;
        int code = 0;
        for (size_t j = 0; j < i; j++) code |= !dy_is_space(s[j]);
        if (code && i + 3 <= n && !memcmp(s + i, "###", 3) &&
            (i + 3 == n || s[i + 3] == ':' || s[i + 3] == '?' || s[i + 3] == '!' || dy_is_space(s[i + 3])))
            continue;
        return i;
    }
    return n;
}

/* One phrase: words separated by blanks; "word~" is a stem. */
static size_t native_words(dyad_dict *d, const char *s, size_t n, dy_pword *w, size_t max) {
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && dy_is_space(s[i])) i++;
        size_t b = i;
        while (i < n && !dy_is_space(s[i])) i++;
        if (i == b) break;
        if (k == max) return 0;
        size_t e = i;
        int stem = e - b > 1 && s[e - 1] == '~';
        if (stem) e--;
        w[k].word = dy_build_word(d, s + b, e - b);
        w[k].mode = stem ? DY_MATCH_STEM : DY_MATCH_EXACT;
        w[k].gap = 0;
        k++;
    }
    return k;
}

/* Calls fn for each ' | '-separated phrase of s; reports empty ones. */
typedef void (*phrase_fn)(nstate *st, const char *p, size_t n, void *arg);
static void each_phrase(nstate *st, const char *s, size_t n, phrase_fn fn, void *arg) {
    size_t i = 0;
    if (!n) {
        err(st, "no phrases after ':'");
        return;
    }
    while (i <= n) {
        size_t b = i;
        while (i < n && s[i] != '|') i++;
        const char *p = s + b;
        size_t pn = i - b;
        dy_trim(&p, &pn);
        if (!pn) err(st, "empty phrase");
        else fn(st, p, pn, arg);
        i++;
    }
}

/* Actor codes are 3-letter blocks; 40 leaves room for agents within an
 * event's 47-character actor field. */
#define DY_ACTOR_CODE_MAX 40

static int valid_code(const char *s, size_t n) {
    if (!n || n > DY_ACTOR_CODE_MAX) return 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
              (ch == '/' && i > 0 && i + 1 < n))) /* "ELR/GAL": TABARI compound actor */
            return n == 3 && (!memcmp(s, "---", 3) || !memcmp(s, "###", 3) || !memcmp(s, "+++", 3));
    }
    return 1;
}

static int issue_code_ok(const char *s, size_t n) {
    if (!n) return 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
              ch == '_' || ch == '-'))
            return 0;
    }
    return 1;
}

/* ---------------------------------------------------------------- actors */

typedef struct {
    dy_actor_code code;
} actor_arg;

static void actor_phrase(nstate *st, const char *p, size_t n, void *arg) {
    actor_arg *a = arg;
    dy_pword w[DY_MAX_PHRASE];
    size_t k = native_words(st->c->d, p, n, w, DY_MAX_PHRASE);
    if (!k) {
        err(st, "phrase too long");
        return;
    }
    uint32_t node = dy_trie_insert(st->c->d, DY_TRIE_ACTOR, w, k);
    uint32_t e = dy_build_actor_entry(st->c->d, node, dy_build_str(st->c->d, p, n));
    dy_build_actor_code(st->c->d, e, &a->code);
}

/* "YYYY-MM-DD..YYYY-MM-DD", "YYYY-MM-DD..", "..YYYY-MM-DD" */
static int parse_range(const char *s, size_t n, int32_t *from, int32_t *to) {
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '.' && s[i + 1] == '.') {
            dots = s + i;
            break;
        }
    if (!dots) return -1;
    size_t an = (size_t)(dots - s), bn = n - an - 2;
    *from = an ? dy_day_parse(s, an) : DY_DAY_MIN;
    *to = bn ? dy_day_parse(dots + 2, bn) : DY_DAY_MAX;
    if (*from == DY_DAY_NONE || *to == DY_DAY_NONE || (!an && !bn)) return -1;
    if (an && bn && *from > *to) return -2;
    return 0;
}

static void do_actor(nstate *st, const char *head, size_t hn, const char *body, size_t bn, int capital) {
    actor_arg a;
    memset(&a, 0, sizeof a);
    const char *code = head;
    size_t cn = hn;
    const char *at = memchr(head, '@', hn);
    a.code.from = DY_DAY_MIN;
    a.code.to = DY_DAY_MAX;
    if (at) {
        if (capital) {
            err(st, "a capital takes no dates");
            return;
        }
        cn = (size_t)(at - head);
        const char *r = at + 1;
        size_t rn = hn - cn - 1;
        dy_trim(&r, &rn);
        int rc = parse_range(r, rn, &a.code.from, &a.code.to);
        if (rc == -2) {
            err(st, "date range ends before it starts");
            return;
        }
        if (rc) {
            err(st, "bad date range (FROM..TO, FROM.. or ..TO, dates YYYY-MM-DD)");
            return;
        }
        a.code.dated = 1;
    }
    dy_trim(&code, &cn);
    if (!valid_code(code, cn)) {
        err(st, "bad actor code");
        return;
    }
    a.code.code = dy_build_str(st->c->d, code, cn);
    if (memchr(code, '/', cn)) a.code.flags |= DY_ACODE_COMPOUND;
    if (!strcmp(a.code.code, "---")) a.code.flags |= DY_ACODE_NULL;
    else if (!strcmp(a.code.code, "###")) a.code.flags |= DY_ACODE_DISCARD;
    else if (!strcmp(a.code.code, "+++")) a.code.flags |= DY_ACODE_COMPLEX;
    if (capital) a.code.flags |= DY_ACODE_CAPITAL;
    a.code.family = DY_FAM_NATIVE;
    a.code.file = st->c->file;
    a.code.line = st->line;
    st->c->d->st.actor_records++;
    each_phrase(st, body, bn, actor_phrase, &a);
}

/* ---------------------------------------------------------------- agents */

static void agent_phrase(nstate *st, const char *p, size_t n, void *arg) {
    uint32_t idx = *(uint32_t *)arg;
    dy_pword w[DY_MAX_PHRASE];
    size_t k = native_words(st->c->d, p, n, w, DY_MAX_PHRASE);
    if (!k) {
        err(st, "phrase too long");
        return;
    }
    uint32_t node = dy_trie_insert(st->c->d, DY_TRIE_AGENT, w, k);
    if (dy_trie_payload(st->c->d, node)) {
        dy_load_report(st->c, DYAD_WARNING, st->line, st->raw, st->rn,
                       "agent phrase '%.*s' already defined; the first is kept", (int)n, p);
        return;
    }
    dy_trie_set_payload(st->c->d, node, idx + 1);
    st->c->d->st.agent_phrases++;
}

static void do_agent(nstate *st, const char *head, size_t hn, const char *body, size_t bn) {
    dy_agent_entry ae;
    memset(&ae, 0, sizeof ae);
    const char *code = head;
    size_t cn = hn;
    if (cn && code[0] == '~') { code++; cn--; }
    else if (cn && code[cn - 1] == '~') { cn--; ae.prefix = 1; }
    if (!valid_code(code, cn)) {
        err(st, "bad agent code");
        return;
    }
    ae.code = dy_build_str(st->c->d, code, cn);
    ae.text = ae.prefix ? dy_build_str(st->c->d, head, hn) : NULL;
    if (!ae.prefix) {
        char buf[64];
        snprintf(buf, sizeof buf, "~%s", ae.code);
        ae.text = dy_build_str(st->c->d, buf, strlen(buf));
    } else {
        st->c->d->st.agent_prefix_codes++;
    }
    ae.family = DY_FAM_NATIVE;
    ae.file = st->c->file;
    ae.line = st->line;
    DY_VEC_PUSH(st->c->d->agents, ae);
    st->c->d->st.agent_entries++;
    uint32_t idx = (uint32_t)st->c->d->agents.n - 1;
    each_phrase(st, body, bn, agent_phrase, &idx);
}

/* ---------------------------------------------------------------- synsets */

typedef struct {
    DY_VEC(dy_pat_seq) members;
} syn_arg;

static void synset_member(nstate *st, const char *p, size_t n, void *arg) {
    syn_arg *a = arg;
    dy_pattern tmp;
    const char *e = NULL;
    memset(&tmp, 0, sizeof tmp);
    if (dy_parse_wordseq(st->c, DY_PAT_NATIVE, p, n, &tmp, &e, 1)) {
        err(st, e ? e : "bad synset member");
        return;
    }
    st->c->d->st.synset_members++;
    DY_VEC_PUSH(a->members, tmp.pre);
}

static void do_synset(nstate *st, const char *head, size_t hn, const char *body, size_t bn) {
    if (hn < 2 || head[0] != '&') {
        err(st, "a synset name starts with '&'");
        return;
    }
    syn_arg a = {{0}};
    each_phrase(st, body, bn, synset_member, &a);
    dy_synset *s = dy_build_synset(st->c->d, dy_build_str(st->c->d, head, hn), st->c->file, st->line, DY_FAM_NATIVE);
    dy_pat_seq *m = dy_arena_alloc(&st->c->d->arena, (a.members.n ? a.members.n : 1) * sizeof *m);
    if (a.members.n) memcpy(m, a.members.v, a.members.n * sizeof *m);
    s->members = m;
    s->nmembers = (uint32_t)a.members.n;
    free(a.members.v);
}

/* ---------------------------------------------------------------- verbs */

/* "NAME [CODE]" or "NAME CODE" -> name, code text (code may be absent) */
static void split_head(const char *s, size_t n, const char **a, size_t *an, const char **b, size_t *bn) {
    size_t i = 0;
    while (i < n && !dy_is_space(s[i]) && s[i] != '[') i++;
    *a = s;
    *an = i;
    *b = s + i;
    *bn = n - i;
    dy_trim(b, bn);
    if (*bn >= 2 && (*b)[0] == '[' && (*b)[*bn - 1] == ']') {
        (*b)++;
        *bn -= 2;
    }
}

typedef struct {
    dy_code code;
    int own;
} form_arg;

static void verb_form(nstate *st, const char *p, size_t n, void *arg) {
    form_arg *fa = arg;
    dy_pword w[DY_MAX_PHRASE];
    size_t k = 0, verb = (size_t)-1;
    for (size_t i = 0; i < n;) {
        while (i < n && dy_is_space(p[i])) i++;
        size_t b = i;
        while (i < n && !dy_is_space(p[i])) i++;
        if (i == b) break;
        size_t e = i;
        int braced = p[b] == '{' && p[e - 1] == '}' && e - b > 2;
        if (braced) {
            b++;
            e--;
            if (verb != (size_t)-1) {
                err(st, "two verb words in {braces}");
                return;
            }
            verb = k;
        }
        if (k == DY_MAX_PHRASE) {
            err(st, "verb form too long");
            return;
        }
        int stem = e - b > 1 && p[e - 1] == '~';
        w[k].word = dy_build_word(st->c->d, p + b, e - b - (size_t)stem);
        w[k].mode = stem ? DY_MATCH_STEM : DY_MATCH_EXACT;
        w[k].gap = 0;
        k++;
    }
    if (!k) return;
    if (verb == (size_t)-1) {
        if (k > 1) {
            err(st, "a multi-word verb form marks its verb word with {braces}");
            return;
        }
        verb = 0;
    }
    dy_verb_form f;
    memset(&f, 0, sizeof f);
    f.code = fa->code;
    f.own_code = (uint8_t)fa->own;
    f.verb_word = (uint8_t)verb;
    f.nwords = (uint8_t)k;
    f.family = DY_FAM_NATIVE;
    f.file = st->c->file;
    f.line = st->line;
    size_t before = st->c->d->st.verb_forms;
    dy_build_form(st->c->d, (uint32_t)st->block, &f, w, k, 0);
    if (st->c->d->st.verb_forms == before)
        dy_load_report(st->c, DYAD_WARNING, st->line, st->raw, st->rn,
                       "verb form '%.*s' already defined; the first is kept", (int)n, p);
}

static void do_verb(nstate *st, const char *head, size_t hn, const char *body, size_t bn) {
    const char *name, *code;
    size_t nn, cn;
    split_head(head, hn, &name, &nn, &code, &cn);
    if (!nn) {
        err(st, "verb block without a NAME");
        return;
    }
    form_arg fa;
    memset(&fa, 0, sizeof fa);
    if (cn) {
        if (dy_code_parse(st->c->d, code, cn, &fa.code)) {
            err(st, "bad event code");
            return;
        }
    } else {
        dy_code_parse(st->c->d, "---", 3, &fa.code);
    }
    st->c->d->st.verb_lines++;
    /* the same NAME again continues the block, with its own code for these forms */
    if (st->block >= 0 && st->block_name && strlen(st->block_name) == nn &&
        !memcmp(st->block_name, name, nn)) {
        fa.own = 1;
        st->c->d->st.verb_lines_own_code++;
    } else {
        dy_verb_block b;
        memset(&b, 0, sizeof b);
        b.name = dy_build_str(st->c->d, name, nn);
        b.code = fa.code;
        b.family = DY_FAM_NATIVE;
        b.file = st->c->file;
        b.line = st->line;
        st->block = (long)dy_build_block(st->c->d, &b);
        st->block_name = b.name;
    }
    if (bn) each_phrase(st, body, bn, verb_form, &fa); /* a block may hold only patterns */
}

static void do_pattern(nstate *st, const char *head, size_t hn, const char *body, size_t bn, int phrase) {
    if (st->block < 0) {
        err(st, "pattern before any verb block");
        return;
    }
    dy_pattern p;
    memset(&p, 0, sizeof p);
    const char *code = head;
    size_t cn = hn;
    if (cn >= 2 && code[0] == '[' && code[cn - 1] == ']') {
        code++;
        cn -= 2;
    }
    if (cn) {
        if (dy_code_parse(st->c->d, code, cn, &p.code)) {
            err(st, "bad event code");
            return;
        }
    } else {
        p.code = st->c->d->blocks.v[st->block].code;
    }
    const char *e = NULL;
    int rc = phrase ? dy_parse_phrase(st->c, body, bn, &p, &e)
                    : dy_parse_wordseq(st->c, DY_PAT_NATIVE, body, bn, &p, &e, 0);
    if (rc) {
        err(st, e ? e : "bad pattern");
        return;
    }
    p.file = st->c->file;
    p.line = st->line;
    if (p.flags & DY_PAT_DEAD) st->c->d->st.patterns_dead++;
    dy_build_pattern(st->c->d, (uint32_t)st->block, &p);
}

/* "transform SAY: a (b . 190) -> a b 112": a verb that governs another
 * ("X said Y attacked") is coded as one event. Kept in the dictionary's
 * transformation list as PETRARCH-2's are, told apart by the lower verb
 * being a CAMEO code (or Q) and the upper one a block NAME. */
static int role_ok(const char *t, size_t n) {
    return n == 1 && ((t[0] >= 'a' && t[0] <= 'z') || t[0] == '.' || t[0] == '_');
}

static int code_or_q(const char *t, size_t n) {
    if (n == 1 && t[0] == 'Q') return 1;
    if (n < 2 || n > 4) return 0;
    for (size_t i = 0; i < n; i++)
        if (t[i] < '0' || t[i] > '9') return 0;
    return 1;
}

static void do_transform(nstate *st, const char *head, size_t hn, const char *body, size_t bn) {
    if (!hn) {
        err(st, "transform needs the NAME of the saying or wanting verb block");
        return;
    }
    for (size_t i = 0; i < hn; i++)
        if (!((head[i] >= 'A' && head[i] <= 'Z') || (head[i] >= '0' && head[i] <= '9') || head[i] == '_')) {
            err(st, "transform NAME must be an upper-case verb block name");
            return;
        }
    const char *t[10];
    size_t tl[10];
    size_t nt = dy_transform_words(body, bn, t, tl, 10);
    /* a (b c CODE) -> x y CODE */
    if (nt != 8 || tl[4] != 2 || memcmp(t[4], "->", 2) || !role_ok(t[0], tl[0]) || !role_ok(t[1], tl[1]) ||
        !role_ok(t[2], tl[2]) || !code_or_q(t[3], tl[3]) || !role_ok(t[5], tl[5]) || !role_ok(t[6], tl[6]) ||
        !code_or_q(t[7], tl[7])) {
        err(st, "transform needs 'transform NAME: a (b c CODE) -> x y CODE' (roles: a letter, '.' or '_'; "
                "codes: CAMEO digits or Q)");
        return;
    }
    if (t[5][0] < 'a' || t[5][0] > 'z' || t[6][0] < 'a' || t[6][0] > 'z') {
        err(st, "transform result must name its source and target by letters");
        return;
    }
    dy_code check;
    if (!(tl[7] == 1 && t[7][0] == 'Q') && dy_code_parse(st->c->d, t[7], tl[7], &check)) {
        err(st, "bad event code");
        return;
    }
    dy_transform x;
    memset(&x, 0, sizeof x);
    dyad_dict *d = st->c->d;
    x.upper_verb = dy_build_str(d, head, hn);
    x.upper_source = dy_build_str(d, t[0], tl[0]);
    x.lower_source = dy_build_str(d, t[1], tl[1]);
    x.lower_target = dy_build_str(d, t[2], tl[2]);
    x.lower_verb = dy_build_str(d, t[3], tl[3]);
    x.out_source = dy_build_str(d, t[5], tl[5]);
    x.out_target = dy_build_str(d, t[6], tl[6]);
    x.out_code = dy_build_str(d, t[7], tl[7]);
    x.file = st->c->file;
    x.line = st->line;
    x.family = DY_FAM_NATIVE;
    DY_VEC_PUSH(d->transforms, x);
}

/* ---------------------------------------------------------------- discards, issues */

static void discard_phrase(nstate *st, const char *p, size_t n, void *arg) {
    int story = *(int *)arg;
    dy_pword w[DY_MAX_PHRASE];
    size_t k = native_words(st->c->d, p, n, w, DY_MAX_PHRASE);
    if (!k) {
        err(st, "phrase too long");
        return;
    }
    dy_discard_entry e = {(uint8_t)story, st->c->file, st->line};
    DY_VEC_PUSH(st->c->d->discards, e);
    dy_trie_set_payload(st->c->d, dy_trie_insert(st->c->d, DY_TRIE_DISCARD, w, k),
                        (uint32_t)st->c->d->discards.n);
    if (story) st->c->d->st.discards_story++;
    else st->c->d->st.discards_sentence++;
}

static void issue_phrase(nstate *st, const char *p, size_t n, void *arg) {
    dy_issue_entry *proto = arg;
    dy_pword w[DY_MAX_PHRASE];
    size_t k = native_words(st->c->d, p, n, w, DY_MAX_PHRASE);
    if (!k) {
        err(st, "phrase too long");
        return;
    }
    DY_VEC_PUSH(st->c->d->issues, *proto);
    dy_trie_set_payload(st->c->d, dy_trie_insert(st->c->d, DY_TRIE_ISSUE, w, k),
                        (uint32_t)st->c->d->issues.n);
    if (proto->kind == DY_ISSUE_CODE) st->c->d->st.issues++;
    else st->c->d->st.issue_ignores++;
}

/* ---------------------------------------------------------------- lines */

static int keyword(const char *s, size_t n, const char *kw, const char **rest, size_t *rn) {
    size_t k = strlen(kw);
    if (n < k || memcmp(s, kw, k) || (n > k && !dy_is_space(s[k]) && s[k] != ':')) return 0;
    *rest = s + k;
    *rn = n - k;
    return 1;
}

static void include_line(nstate *st, const char *s, size_t n) {
    dy_trim(&s, &n);
    if (n < 2 || s[0] != '"' || s[n - 1] != '"') {
        err(st, "include needs a \"quoted path\"");
        return;
    }
    char *rel = dy_xstrndup(s + 1, n - 2);
    dy_load_ctx *c = st->c;
    if (c->memory) {
        err(st, "include is not followed when loading from memory");
    } else {
        char *path;
        if (!strncmp(c->file, "builtin:", 8) && rel[0] != '/') {
            char *inner = dy_path_join(c->file + 8, rel);
            dy_path_normalize(inner); /* embedded names have no "..": "verbs/../x.dyd" is "x.dyd" */
            path = dy_xmalloc(strlen(inner) + 9);
            sprintf(path, "builtin:%s", inner);
            free(inner);
        } else {
            path = dy_path_join(c->file, rel);
        }
        int cyc = 0;
        for (size_t i = 0; i < c->d->files.n; i++) cyc |= !strcmp(c->d->files.v[i], path);
        if (cyc)
            dy_load_report(c, DYAD_ERROR, st->line, st->raw, st->rn, "file included twice (an include cycle?): %s", path);
        else
            dy_load_path(c->d, c->diag, path, DY_FMT_AUTO, DY_FAM_NATIVE, c->file, st->line, c->depth + 1);
        free(path);
    }
    free(rel);
}

void dy_load_native(dy_load_ctx *c) {
    nstate st;
    memset(&st, 0, sizeof st);
    st.c = c;
    st.block = -1;
    dy_build_set_family(c->d, DY_FAM_NATIVE, 1);
    dy_lines it;
    const char *raw;
    size_t rn;
    dy_lines_init(&it, c->data, c->len);
    while (dy_lines_next(&it, &raw, &rn)) {
        st.line = it.line;
        st.raw = raw;
        st.rn = rn;
        /* the format is UTF-8 text: a NUL or an invalid sequence spoils the line */
        const char *nul = memchr(raw, 0, rn);
        if (nul) {
            dy_load_report(c, DYAD_ERROR, it.line, NULL, 0, "NUL byte at column %zu; line skipped",
                           (size_t)(nul - raw) + 1);
            continue;
        }
        size_t bad = 0;
        for (size_t i = 0; i < rn;) {
            int32_t cp;
            size_t k = dy_utf8_decode(raw + i, rn - i, &cp);
            if (cp < 0) {
                bad = i + 1;
                break;
            }
            i += k;
        }
        if (bad) {
            dy_load_report(c, DYAD_ERROR, it.line, NULL, 0, "invalid UTF-8 at column %zu; line skipped", bad);
            continue;
        }
        size_t n = strip_comment(raw, rn);
        const char *s = raw;
        dy_trim(&s, &n);
        if (!n) continue;
        const char *rest;
        size_t resn;
        if (keyword(s, n, "format", &rest, &resn)) {
            dy_trim(&rest, &resn);
            if (resn != 1 || rest[0] != '1') err(&st, "unsupported format version (this dyad reads format 1)");
            continue;
        }
        if (keyword(s, n, "include", &rest, &resn)) {
            include_line(&st, rest, resn);
            continue;
        }
        const char *colon = memchr(s, ':', n);
        /* the head's ':' is the first one followed by a blank or the end ("042:043:" is a code) */
        while (colon && colon + 1 < s + n && !dy_is_space(colon[1]))
            colon = memchr(colon + 1, ':', n - (size_t)(colon + 1 - s));
        if (!colon) {
            err(&st, "expected 'keyword head: phrases'");
            continue;
        }
        const char *body = colon + 1;
        size_t bn = n - (size_t)(body - s);
        dy_trim(&body, &bn);
        size_t hn = (size_t)(colon - s);
        const char *head;
        size_t headn;
        if (keyword(s, hn, "actor", &head, &headn)) {
            dy_trim(&head, &headn);
            do_actor(&st, head, headn, body, bn, 0);
        } else if (keyword(s, hn, "capital", &head, &headn)) {
            dy_trim(&head, &headn);
            do_actor(&st, head, headn, body, bn, 1);
        } else if (keyword(s, hn, "agent", &head, &headn)) {
            dy_trim(&head, &headn);
            do_agent(&st, head, headn, body, bn);
        } else if (keyword(s, hn, "synset", &head, &headn)) {
            dy_trim(&head, &headn);
            do_synset(&st, head, headn, body, bn);
        } else if (keyword(s, hn, "verb", &head, &headn)) {
            dy_trim(&head, &headn);
            do_verb(&st, head, headn, body, bn);
        } else if (keyword(s, hn, "pattern", &head, &headn)) {
            dy_trim(&head, &headn);
            do_pattern(&st, head, headn, body, bn, 0);
        } else if (keyword(s, hn, "npattern", &head, &headn)) {
            dy_trim(&head, &headn);
            do_pattern(&st, head, headn, body, bn, 1);
        } else if (keyword(s, hn, "transform", &head, &headn)) {
            dy_trim(&head, &headn);
            do_transform(&st, head, headn, body, bn);
        } else if (keyword(s, hn, "discard", &head, &headn)) {
            dy_trim(&head, &headn);
            int story;
            if (headn == 8 && !memcmp(head, "sentence", 8)) story = 0;
            else if (headn == 5 && !memcmp(head, "story", 5)) story = 1;
            else {
                err(&st, "discard needs 'sentence' or 'story'");
                continue;
            }
            each_phrase(&st, body, bn, discard_phrase, &story);
        } else if (keyword(s, hn, "issue", &head, &headn)) {
            dy_trim(&head, &headn);
            dy_issue_entry e = {"", DY_ISSUE_CODE, c->file, st.line};
            if (headn == 6 && !memcmp(head, "ignore", 6)) e.kind = DY_ISSUE_IGNORE_SENTENCE;
            else if (headn == 12 && !memcmp(head, "ignore-story", 12)) e.kind = DY_ISSUE_IGNORE_STORY;
            else if (issue_code_ok(head, headn)) {
                e.code = NULL;
                for (size_t k = 0; k < st.issue_codes.n; k++)
                    if (strlen(st.issue_codes.v[k]) == headn && !memcmp(st.issue_codes.v[k], head, headn))
                        e.code = st.issue_codes.v[k];
                if (!e.code) {
                    e.code = dy_build_str(c->d, head, headn);
                    DY_VEC_PUSH(st.issue_codes, e.code);
                    c->d->st.issue_codes++;
                }
            } else {
                err(&st, "bad issue code");
                continue;
            }
            each_phrase(&st, body, bn, issue_phrase, &e);
        } else {
            err(&st, "unknown keyword");
        }
    }
    free(st.issue_codes.v);
}
