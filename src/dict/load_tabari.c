/* TABARI .actors, .agents and .verbs files (TABARI 0.8.4 manual, ch. 5-6):
 * `PHRASE [CODE] ;comment`, stems unless a word ends in '_', '_' joining
 * words that must be adjacent, a blank allowing words in between, regular
 * endings on a final '_' word, '=' turning endings off, ~FINISH ending the file. */
#include "dict/pattern.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef enum { PH_NOUN, PH_VERB } phrase_kind;

/* TABARI phrase -> words with modes and gaps. '-' counts as '_' (manual 5.2).
 * Returns the count; 0 when empty or too long. */
static size_t tabari_words(dyad_dict *d, const char *s, size_t n, phrase_kind kind, dy_pword *w,
                           size_t max) {
    size_t k = 0, i = 0;
    unsigned next_gap = 0;
    while (i < n) {
        while (i < n && dy_is_space(s[i])) {
            next_gap = 1;
            i++;
        }
        if (i >= n) break;
        size_t b = i;
        while (i < n && !dy_is_space(s[i]) && s[i] != '_' && !(s[i] == '-' && i > b)) i++;
        size_t e = i;
        int underscore = i < n && (s[i] == '_' || s[i] == '-');
        if (underscore) i++;
        int eq = e > b && s[e - 1] == '=';
        if (eq) e--;
        if (e == b) continue;
        if (k == max) return 0;
        /* is this the final word? only blanks/underscores remain */
        size_t j = i;
        while (j < n && (dy_is_space(s[j]) || s[j] == '_')) j++;
        int last = j >= n;
        w[k].word = dy_build_word(d, s + b, e - b);
        w[k].gap = (uint8_t)(k > 0 && next_gap);
        if (eq) w[k].mode = DY_MATCH_EXACT;
        else if (underscore) w[k].mode = last ? (kind == PH_VERB ? DY_MATCH_VERB : DY_MATCH_NOUN) : DY_MATCH_EXACT;
        else w[k].mode = DY_MATCH_STEM;
        next_gap = 0;
        k++;
    }
    return k;
}

/* Split "PHRASE [codes] ;comment" at the comment; returns 0 for nothing left. */
static int content(const char *raw, size_t rn, const char **s, size_t *n) {
    *s = raw;
    *n = rn;
    const char *semi = memchr(raw, ';', rn);
    if (semi) *n = (size_t)(semi - raw);
    dy_trim(s, n);
    return *n > 0;
}

static int is_comment(const char *raw, size_t rn) {
    const char *t = raw;
    size_t tn = rn;
    dy_trim(&t, &tn);
    return !tn || t[0] == '#' || t[0] == '/' || t[0] == ';';
}

static int is_finish(const char *raw, size_t rn) { return rn >= 2 && raw[0] == '~' && raw[1] == '~'; }

/* "[991201-010114]": a restriction with the code left out */
static int looks_like_date(const char *code) {
    size_t n = strlen(code);
    if (!strcmp(code, "---")) return 0;
    return n >= 6 && strspn(code, "0123456789-<>") == n;
}

/* Parse all "[...]" blocks of s into codes (tabari date rules). */
static size_t tabari_codes(dy_load_ctx *c, uint32_t line, const char *raw, size_t rn, const char *s,
                           size_t n, dy_actor_code *out, size_t max) {
    size_t got = 0;
    while (n) {
        const char *lb = memchr(s, '[', n);
        if (!lb) break;
        const char *rb = memchr(lb, ']', n - (size_t)(lb - s));
        if (!rb) {
            dy_load_report(c, DYAD_ERROR, line, raw, rn, "missing ']'");
            return got;
        }
        dy_actor_code ac;
        if (dy_petr_code_block(c, line, raw, rn, lb + 1, (size_t)(rb - lb - 1), &ac, 1) ||
            looks_like_date(ac.code)) {
            dy_load_report(c, DYAD_ERROR, line, raw, rn, "no code in [...]");
        } else if (got < max) {
            out[got++] = ac;
        }
        n -= (size_t)(rb + 1 - s);
        s = rb + 1;
    }
    return got;
}

/* ---------------------------------------------------------------- actors */

void dy_load_tabari_actors(dy_load_ctx *c) {
    dy_lines it;
    const char *raw, *s;
    size_t rn, n;
    enum { NONE, NOUN, ADJ } section = NONE;
    DY_VEC(uint32_t) nodes = {0};
    DY_VEC(dy_actor_code) codes = {0};
    const char *root = NULL;
    int open = 0;
    long rec_errors = 0; /* a record whose code line was already reported is not reported again */
    dy_build_set_family(c->d, DY_FAM_TABARI, 0);
    dy_lines_init(&it, c->data, c->len);
#define FLUSH()                                                                                    \
    do {                                                                                           \
        if (open && !codes.n && nodes.n && c->diag->errors == rec_errors)                          \
            dy_load_report(c, DYAD_ERROR, it.line - 1, root, strlen(root), "actor without a code");  \
        for (size_t i_ = 0; i_ < nodes.n && codes.n; i_++) {                                       \
            uint32_t e_ = dy_build_actor_entry(c->d, nodes.v[i_], root);                            \
            if (c->d->actors.v[e_].ncodes) continue; /* TABARI keeps the first entry */           \
            for (size_t k_ = 0; k_ < codes.n; k_++) dy_build_actor_code(c->d, e_, &codes.v[k_]);  \
        }                                                                                          \
        nodes.n = codes.n = 0;                                                                     \
        open = 0;                                                                                  \
    } while (0)
    while (dy_lines_next(&it, &raw, &rn)) {
        if (is_finish(raw, rn)) break;
        if (is_comment(raw, rn)) continue;
        if (!content(raw, rn, &s, &n)) continue;
        if (s[0] == '<') {
            /* n bounds every compare: a memory buffer has no NUL after its last line */
            if (n >= 6 && !strncasecmp(s, "<NOUN>", 6)) section = NOUN;
            else if ((n >= 11 && !strncasecmp(s, "<ADJECTIVE>", 11)) || (n >= 5 && !strncasecmp(s, "<ADJ>", 5))) section = ADJ;
            else if (n > 1 && s[1] == '/') section = NONE;
            else dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "unknown section tag");
            continue;
        }
        if (section != NONE) {
            dy_pword w[DY_MAX_PHRASE];
            size_t k = tabari_words(c->d, s, n, PH_NOUN, w, DY_MAX_PHRASE);
            if (!k) {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "empty or too long phrase");
                continue;
            }
            uint32_t node = dy_trie_insert(c->d, section == NOUN ? DY_TRIE_NOUN : DY_TRIE_ADJ, w, k);
            if (!dy_trie_payload(c->d, node)) {
                dy_class_entry ce = {section == NOUN ? DY_CLASS_NOUN : DY_CLASS_ADJECTIVE, c->file, it.line};
                DY_VEC_PUSH(c->d->classes, ce);
                dy_trie_set_payload(c->d, node, (uint32_t)c->d->classes.n);
                if (section == NOUN) c->d->st.nouns++;
                else c->d->st.adjectives++;
            }
            continue;
        }
        dy_actor_code got[32];
        if (dy_is_space(raw[0]) || s[0] == '[') {
            /* an indented code line adds to the record above */
            c->d->st.actor_restriction_lines++;
            if (!open) {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "code line before any actor");
                continue;
            }
            size_t k = tabari_codes(c, it.line, raw, rn, s, n, got, 32);
            for (size_t i = 0; i < k; i++) DY_VEC_PUSH(codes, got[i]);
            continue;
        }
        int synonym = s[0] == '+';
        if (synonym) {
            c->d->st.actor_synonyms++;
            if (!open) {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "synonym before any actor");
                continue;
            }
            s++;
            n--;
        } else {
            FLUSH();
            c->d->st.actor_records++;
            open = 1;
            rec_errors = c->diag->errors;
        }
        const char *lb = memchr(s, '[', n);
        size_t pn = lb ? (size_t)(lb - s) : n;
        const char *ph = s;
        dy_trim(&ph, &pn);
        if (pn && ph[pn - 1] == '"') {
            dy_load_report(c, DYAD_NOTE, it.line, raw, rn, "stray '\"' before the code ignored");
            pn--;
        }
        dy_pword w[DY_MAX_PHRASE];
        size_t k = tabari_words(c->d, ph, pn, PH_NOUN, w, DY_MAX_PHRASE);
        if (!k) {
            dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "phrase missing or too long");
            if (!synonym) open = 0;
            continue;
        }
        if (!synonym) root = dy_build_str(c->d, ph, pn);
        uint32_t node = dy_trie_insert(c->d, DY_TRIE_ACTOR, w, k);
        int dup = 0;
        for (size_t i = 0; i < nodes.n; i++) dup |= nodes.v[i] == node;
        if (!dup) DY_VEC_PUSH(nodes, node);
        if (lb) {
            c->d->st.actor_inline_codes++;
            size_t kk = tabari_codes(c, it.line, raw, rn, lb, n - (size_t)(lb - s), got, 32);
            for (size_t i = 0; i < kk; i++) DY_VEC_PUSH(codes, got[i]);
        }
    }
    FLUSH();
#undef FLUSH
    free(nodes.v);
    free(codes.v);
}

/* ---------------------------------------------------------------- agents */

void dy_load_tabari_agents(dy_load_ctx *c) {
    dy_lines it;
    const char *raw, *s;
    size_t rn, n;
    dy_build_set_family(c->d, DY_FAM_TABARI, 0);
    dy_lines_init(&it, c->data, c->len);
    while (dy_lines_next(&it, &raw, &rn)) {
        if (is_finish(raw, rn)) break;
        if (is_comment(raw, rn) || !content(raw, rn, &s, &n)) continue;
        const char *lb = memchr(s, '[', n);
        if (!lb) {
            dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "missing '[' code");
            continue;
        }
        const char *rb = memchr(lb, ']', n - (size_t)(lb - s));
        if (!rb) {
            dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "missing ']'");
            continue;
        }
        const char *code = lb + 1;
        size_t cn = (size_t)(rb - code);
        dy_trim(&code, &cn);
        if (cn < 2 || (code[0] != '~' && code[cn - 1] != '~')) {
            dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "missing '~' connector in the agent code");
            continue;
        }
        c->d->st.agent_entries++;
        dy_agent_entry ae;
        ae.text = dy_build_str(c->d, code, cn);
        ae.prefix = code[0] != '~';
        ae.code = ae.prefix ? dy_build_str(c->d, code, cn - 1) : dy_build_str(c->d, code + 1, cn - 1);
        if (ae.prefix) c->d->st.agent_prefix_codes++;
        ae.family = DY_FAM_TABARI;
        ae.file = c->file;
        ae.line = it.line;
        const char *ph = s;
        size_t pn = (size_t)(lb - s);
        dy_trim(&ph, &pn);
        dy_pword w[DY_MAX_PHRASE];
        size_t k = tabari_words(c->d, ph, pn, PH_NOUN, w, DY_MAX_PHRASE);
        if (!k) {
            dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "phrase missing or too long");
            continue;
        }
        uint32_t node = dy_trie_insert(c->d, DY_TRIE_AGENT, w, k);
        if (dy_trie_payload(c->d, node)) {
            dy_load_report(c, DYAD_NOTE, it.line, raw, rn, "duplicate agent; the first is kept (as TABARI)");
            continue;
        }
        DY_VEC_PUSH(c->d->agents, ae);
        dy_trie_set_payload(c->d, node, (uint32_t)c->d->agents.n);
        c->d->st.agent_phrases++;
    }
}

/* ---------------------------------------------------------------- verbs */

typedef struct {
    dy_load_ctx *c;
    long block;
    dy_synset *set;
    DY_VEC(dy_pat_seq) members;
} tstate;

static void tsynset_close(tstate *t) {
    if (!t->set) return;
    dy_pat_seq *m = dy_arena_alloc(&t->c->d->arena, (t->members.n ? t->members.n : 1) * sizeof *m);
    if (t->members.n) memcpy(m, t->members.v, t->members.n * sizeof *m);
    t->set->members = m;
    t->set->nmembers = (uint32_t)t->members.n;
    t->members.n = 0;
    t->set = NULL;
}

static void add_forms(tstate *t, const char *s, size_t n, uint32_t line, const char *raw, size_t rn,
                      const dy_code *code, int own, int single) {
    dy_load_ctx *c = t->c;
    /* a root is one phrase; an irregular-form list is blank-separated forms */
    for (size_t i = 0; i < n;) {
        while (i < n && dy_is_space(s[i])) i++;
        size_t b = i;
        while (i < n && (single || !dy_is_space(s[i]))) i++;
        if (i == b) break;
        dy_pword w[DY_MAX_PHRASE];
        size_t k = tabari_words(c->d, s + b, i - b, PH_VERB, w, DY_MAX_PHRASE);
        if (!k) {
            dy_load_report(c, DYAD_ERROR, line, raw, rn, "verb form too long");
            continue;
        }
        dy_verb_form f;
        memset(&f, 0, sizeof f);
        f.code = *code;
        f.own_code = (uint8_t)own;
        f.verb_word = 0;
        f.nwords = (uint8_t)k;
        f.family = DY_FAM_TABARI;
        f.file = c->file;
        f.line = line;
        size_t before = c->d->st.verb_forms;
        dy_build_form(c->d, (uint32_t)t->block, &f, w, k, 0);
        if (c->d->st.verb_forms == before)
            dy_load_report(c, DYAD_NOTE, line, raw, rn, "duplicate verb form; the first is kept (as TABARI)");
    }
}

void dy_load_tabari_verbs(dy_load_ctx *c) {
    tstate t;
    memset(&t, 0, sizeof t);
    t.c = c;
    t.block = -1;
    enum { NONE, SYN, TIME } section = NONE;
    dy_lines it;
    const char *raw, *s;
    size_t rn, n;
    dy_build_set_family(c->d, DY_FAM_TABARI, 2);
    dy_lines_init(&it, c->data, c->len);
    while (dy_lines_next(&it, &raw, &rn)) {
        if (is_finish(raw, rn)) break;
        if (is_comment(raw, rn) || !content(raw, rn, &s, &n)) continue;
        if (s[0] == '<') {
            tsynset_close(&t);
            if ((n >= 9 && !strncasecmp(s, "<SYNSETS>", 9)) || (n >= 8 && !strncasecmp(s, "<SYNSET>", 8))) section = SYN;
            else if (n >= 6 && !strncasecmp(s, "<TIME>", 6)) section = TIME;
            else if (n > 1 && s[1] == '/') section = NONE;
            else dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "unknown section tag");
            continue;
        }
        if (section == SYN) {
            if (s[0] == '&') {
                tsynset_close(&t);
                t.set = dy_build_synset(c->d, dy_build_str(c->d, s, n), c->file, it.line, DY_FAM_TABARI);
            } else if (s[0] == '+' && t.set) {
                dy_pattern tmp;
                const char *err = NULL;
                memset(&tmp, 0, sizeof tmp);
                if (dy_parse_wordseq(c, DY_PAT_TABARI, s + 1, n - 1, &tmp, &err, 1)) {
                    dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "%s", err ? err : "bad synset member");
                } else {
                    c->d->st.synset_members++;
                    DY_VEC_PUSH(t.members, tmp.pre);
                }
            } else {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "expected '&NAME' or '+member' in <SYNSETS>");
            }
            continue;
        }
        if (section == TIME) {
            if (s[0] == '-') {
                dy_load_report(c, DYAD_NOTE, it.line, raw, rn, "pattern inside <TIME> not used");
                continue;
            }
            const char *lb = memchr(s, '[', n);
            const char *rb = lb ? memchr(lb, ']', n - (size_t)(lb - s)) : NULL;
            if (!rb) {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "time phrase without [shift]");
                continue;
            }
            dy_time_entry te;
            const char *ph = s;
            size_t pn = (size_t)(lb - s);
            dy_trim(&ph, &pn);
            char buf[256];
            size_t bn = 0;
            for (size_t i = 0; i < pn && bn < sizeof buf - 1; i++)
                buf[bn++] = (ph[i] == '_') ? ' ' : (ph[i] >= 'A' && ph[i] <= 'Z') ? (char)(ph[i] + 32) : ph[i];
            while (bn && buf[bn - 1] == ' ') bn--;
            te.phrase = dy_build_str(c->d, buf, bn);
            const char *code = lb + 1;
            size_t cn = (size_t)(rb - code);
            dy_trim(&code, &cn);
            te.code = dy_build_str(c->d, code, cn);
            te.shift = (code[0] == '+' || code[0] == '-') && cn > 1 && code[1] >= '0' && code[1] <= '9'
                           ? (int32_t)strtol(te.code, NULL, 10) : 0;
            te.file = c->file;
            te.line = it.line;
            DY_VEC_PUSH(c->d->times, te);
            continue;
        }
        if (s[0] == '-') {
            if (t.block < 0) {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "pattern before any verb");
                continue;
            }
            const char *rb = NULL, *lb = NULL;
            for (size_t i = n; i-- > 0;)
                if (s[i] == ']') { rb = s + i; break; }
            if (rb)
                for (const char *p = rb; p-- > s;)
                    if (*p == '[') { lb = p; break; }
            if (!lb) {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "pattern without a [code]");
                continue;
            }
            dy_pattern p;
            memset(&p, 0, sizeof p);
            if (dy_code_parse(c->d, lb + 1, (size_t)(rb - lb - 1), &p.code)) {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "bad event code");
                continue;
            }
            const char *err = NULL;
            if (dy_parse_wordseq(c, DY_PAT_TABARI, s + 1, (size_t)(lb - s - 1), &p, &err, 0)) {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "%s", err ? err : "bad pattern");
                continue;
            }
            p.file = c->file;
            p.line = it.line;
            dy_build_pattern(c->d, (uint32_t)t.block, &p);
            continue;
        }
        if (s[0] == '{') {
            /* irregular forms of the verb above */
            if (t.block < 0) {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "verb forms before any verb");
                continue;
            }
            const char *rbr = memchr(s, '}', n);
            if (!rbr) {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "missing '}'");
                continue;
            }
            const dy_verb_block *blk = &c->d->blocks.v[t.block];
            add_forms(&t, s + 1, (size_t)(rbr - s - 1), it.line, raw, rn, &blk->code, 0, 0);
            continue;
        }
        /* a verb root: PHRASE [CODE] */
        const char *lb = memchr(s, '[', n);
        const char *rb = lb ? memchr(lb, ']', n - (size_t)(lb - s)) : NULL;
        if (!lb || !rb) {
            dy_load_report(c, DYAD_ERROR, it.line, raw, rn, lb ? "missing ']'" : "verb without a [code]");
            t.block = -1;
            continue;
        }
        dy_verb_block b;
        memset(&b, 0, sizeof b);
        const char *ph = s;
        size_t pn = (size_t)(lb - s);
        dy_trim(&ph, &pn);
        if (!pn) {
            dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "phrase missing");
            t.block = -1;
            continue;
        }
        if (dy_code_parse(c->d, lb + 1, (size_t)(rb - lb - 1), &b.code)) {
            dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "bad event code");
            dy_code_parse(c->d, "---", 3, &b.code);
        }
        b.name = dy_build_str(c->d, ph, pn);
        b.family = DY_FAM_TABARI;
        b.file = c->file;
        b.line = it.line;
        t.block = (long)dy_build_block(c->d, &b);
        c->d->st.verb_lines++;
        add_forms(&t, ph, pn, it.line, raw, rn, &b.code, 1, 1);
        /* a same-line irregular form list: "BREAK_ [1717] {BROKE_ BROKEN_}" */
        const char *lbr = memchr(rb, '{', n - (size_t)(rb - s));
        if (lbr) {
            const char *rbr = memchr(lbr, '}', n - (size_t)(lbr - s));
            if (rbr) add_forms(&t, lbr + 1, (size_t)(rbr - lbr - 1), it.line, raw, rn, &b.code, 0, 0);
        }
    }
    tsynset_close(&t);
    free(t.members.v);
}
