/* PETRARCH (1 and 2) actor, agent, discard and issue files, read the way
 * PETRreader.py reads them [impl] (DICTIONARY_FORMATS.md §0-2, 5, 6). Where we
 * deliberately differ from the peers' code it is said in docs/dictionaries.md. */
#include "dict/dict_impl.h"
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- read_FIN_line */

typedef struct {
    int in_comment;         /* inside a multi-line <!-- --> */
    int semicolon_comments; /* PETRARCH-1 sets: ';' starts a comment, as in TABARI */
} fin_state;

static const char *memstr(const char *s, size_t n, const char *w) {
    size_t m = strlen(w);
    const char *end = s + n;
    while (m <= (size_t)(end - s)) {
        const char *p = memchr(s, w[0], (size_t)(end - s) - m + 1);
        if (!p) return NULL;
        if (!memcmp(p, w, m)) return p;
        s = p + 1;
    }
    return NULL;
}

/* The content of a line after PETRARCH's comment rules; 0 when nothing is left. */
static int fin_line(fin_state *st, const char *s, size_t n, const char **out, size_t *on) {
    if (st->in_comment) {
        if (memstr(s, n, "-->")) st->in_comment = 0; /* the rest of the closing line goes too */
        return 0;
    }
    const char *t = s;
    size_t tn = n;
    dy_trim(&t, &tn);
    if (!tn || s[0] == '#') return 0;
    if (tn >= 2 && t[0] == '<' && t[1] == '!') {
        if (memstr(t, tn, "<!--") && !memstr(t, tn, "-->")) st->in_comment = 1;
        return 0;
    }
    /* '#' cuts the line, except inside [...]: PETRARCH-1 files hold the
     * discard code [###] (PETRARCH-2 would cut it and lose the code) */
    int depth = 0, angle = 0;
    for (size_t i = 0; i < tn; i++) {
        char ch = t[i];
        if (ch == '[') depth++;
        else if (ch == ']' && depth) depth--;
        else if (ch == '<') angle = 1;
        else if ((ch == '#' || (ch == ';' && st->semicolon_comments)) && !depth) {
            tn = i;
            break;
        }
    }
    const char *open = angle ? memstr(t, tn, "<!--") : NULL;
    if (open) {
        const char *close = memstr(open, tn - (size_t)(open - t), "-->");
        if (!close) st->in_comment = 1;
        tn = (size_t)(open - t); /* rare: a comment after the entry; the entry is what precedes it */
    }
    dy_trim(&t, &tn);
    *out = t;
    *on = tn;
    return tn > 0;
}

/* Split a phrase on '_' and blanks into folded exact words (a trailing '_'
 * is TABARI's no-stem mark, meaningless to PETRARCH). Returns the count, 0
 * when there is no word or too many. */
static size_t phrase_words(dyad_dict *d, const char *s, size_t n, int split_underscore,
                           dy_pword *w, size_t max) {
    size_t k = 0, i = 0;
    while (i < n) {
        while (i < n && (dy_is_space(s[i]) || (split_underscore && s[i] == '_'))) i++;
        size_t b = i;
        while (i < n && !dy_is_space(s[i]) && !(split_underscore && s[i] == '_')) i++;
        if (i > b) {
            if (k == max) return 0;
            w[k].word = dy_build_word(d, s + b, i - b);
            w[k].mode = DY_MATCH_EXACT;
            w[k].gap = 0;
            k++;
        }
    }
    return k;
}

/* ---------------------------------------------------------------- dates */

/* PETRARCH date: YYMMDD or YYYYMMDD (more than 7 characters); YY 00..30 is 20YY.
 * TABARI compares dates as numbers, so its dictionaries close ranges with
 * days like 030231: for TABARI (clamp) such a day is the month's last. */
static int32_t petr_date_ex(const char *s, size_t n, int clamp) {
    int v[8];
    /* PETRARCH-2 [impl]: more than 7 characters are read as YYYYMMDD from the
     * first 8 (so "1920030320" is 1920-03-03); TABARI has no such rule */
    if (n > 8 && !clamp) {
        for (size_t i = 8; i < n; i++)
            if (s[i] < '0' || s[i] > '9') return DY_DAY_NONE;
        n = 8;
    }
    if (n != 6 && n != 8) return DY_DAY_NONE;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return DY_DAY_NONE;
        v[i] = s[i] - '0';
    }
    int y, m, d;
    if (n == 8) {
        y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
        m = v[4] * 10 + v[5];
        d = v[6] * 10 + v[7];
    } else {
        y = v[0] * 10 + v[1];
        y += y <= 30 ? 2000 : 1900;
        m = v[2] * 10 + v[3];
        d = v[4] * 10 + v[5];
    }
    int32_t day = dy_day_from_ymd(y, m, d);
    if (day == DY_DAY_NONE && clamp && m >= 1 && m <= 12 && d >= 28 && d <= 31)
        day = (m == 12 ? dy_day_from_ymd(y + 1, 1, 1) : dy_day_from_ymd(y, m + 1, 1)) - 1;
    return day;
}

/* One "[CODE restriction" piece (no closing bracket). Returns 0, or -1 when
 * there is no code at all. Restriction problems are notes (peer quirks). */
int dy_petr_code_block(dy_load_ctx *c, uint32_t line, const char *ltext, size_t llen, const char *s,
                       size_t n, dy_actor_code *out, int tabari) {
    dy_trim(&s, &n);
    if (n && s[0] == '[') { s++; n--; }
    dy_trim(&s, &n);
    size_t i = 0;
    while (i < n && !dy_is_space(s[i])) i++;
    if (!i) return -1;
    memset(out, 0, sizeof *out);
    out->code = dy_build_str(c->d, s, i);
    out->from = DY_DAY_MIN;
    out->to = DY_DAY_MAX;
    out->family = (uint8_t)c->fam;
    out->file = c->file;
    out->line = line;
    c->restr_kind = 0;
    if (!strcmp(out->code, "---")) out->flags |= DY_ACODE_NULL;
    else if (!strcmp(out->code, "###")) out->flags |= DY_ACODE_DISCARD;
    else if (!strcmp(out->code, "+++")) out->flags |= DY_ACODE_COMPLEX;
    else if (strchr(out->code, '/')) out->flags |= DY_ACODE_COMPOUND;
    /* the restriction, with blanks removed */
    char r[64];
    size_t rn = 0;
    for (size_t k = i; k < n; k++)
        if (!dy_is_space(s[k])) {
            if (rn == sizeof r - 1) break;
            r[rn++] = s[k];
        }
    r[rn] = 0;
    if (!rn) return 0;
    out->dated = 1;
    c->restr_kind = (r[0] == '<' || r[0] == '>') ? r[0] : strchr(r, '-') ? '-' : '?';
    int32_t a, b;
    if (!tabari) {
        /* a date of more than 8 digits: read as PETRARCH-2 reads it, with a note */
        size_t run = 0, longest = 0;
        for (size_t k = 0; k < rn; k++) {
            run = (r[k] >= '0' && r[k] <= '9') ? run + 1 : 0;
            if (run > longest) longest = run;
        }
        if (longest > 8)
            dy_load_report(c, DYAD_NOTE, line, ltext, llen,
                           "a date of more than 8 digits: PETRARCH-2 reads its first 8 (YYYYMMDD)");
    }
    if (r[0] == '<' || r[0] == '>') {
        a = petr_date_ex(r + 1, rn - 1, tabari);
        if (a == DY_DAY_NONE) goto bad;
        if (r[0] == '<') out->to = tabari ? a : a - 1; /* PETRARCH-2 [impl]: strictly before */
        else out->from = a;
        return 0;
    }
    const char *dash = strchr(r, '-');
    if (!dash) {
        dy_load_report(c, tabari ? DYAD_ERROR : DYAD_NOTE, line, ltext, llen,
                       "a single date without '<' or '>' (PETRARCH-2 misreads it); the code never applies");
        out->flags |= DY_ACODE_BADDATE;
        return 0;
    }
    a = petr_date_ex(r, (size_t)(dash - r), tabari);
    b = petr_date_ex(dash + 1, rn - (size_t)(dash - r) - 1, tabari);
    if (a == DY_DAY_NONE || b == DY_DAY_NONE) goto bad;
    out->from = a;
    /* PETRARCH-2 [impl]: upper bound exclusive. PETRARCH-1's own records
     * (DATE-11, "upper bound of embedded interval restriction") want it
     * inclusive, as TABARI has it. */
    out->to = (tabari || c->fam == DY_FAM_PETRARCH1) ? b : b - 1;
    if (out->from > out->to)
        dy_load_report(c, DYAD_NOTE, line, ltext, llen, "empty date range: the code never applies");
    return 0;
bad:
    if (tabari)
        dy_load_report(c, DYAD_ERROR, line, ltext, llen, "malformed date in '%s'", r);
    else
        dy_load_report(c, DYAD_NOTE, line, ltext, llen,
                       "malformed date in '%s' (PETRARCH-2 stops its date walk here, as do we)", r);
    out->flags |= DY_ACODE_BADDATE;
    return 0;
}

/* ---------------------------------------------------------------- actors */

typedef struct {
    DY_VEC(uint32_t) nodes;
    DY_VEC(dy_actor_code) codes;
    const char *root;
    int open;
} actor_record;

static void record_flush(dy_load_ctx *c, actor_record *r) {
    if (r->open) {
        for (size_t i = 0; i < r->nodes.n; i++) {
            uint32_t e = dy_build_actor_entry(c->d, r->nodes.v[i], r->root);
            for (size_t k = 0; k < r->codes.n; k++) dy_build_actor_code(c->d, e, &r->codes.v[k]);
        }
    }
    r->nodes.n = 0;
    r->codes.n = 0;
    r->open = 0;
}

static void record_phrase(dy_load_ctx *c, actor_record *r, const char *s, size_t n, uint32_t line,
                          const char *lt, size_t ll) {
    dy_pword w[DY_MAX_PHRASE];
    size_t k = phrase_words(c->d, s, n, 1, w, DY_MAX_PHRASE);
    if (!k) {
        dy_load_report(c, DYAD_ERROR, line, lt, ll, "actor phrase is empty or too long");
        return;
    }
    uint32_t node = dy_trie_insert(c->d, DY_TRIE_ACTOR, w, k);
    for (size_t i = 0; i < r->nodes.n; i++)
        if (r->nodes.v[i] == node) return; /* same phrase twice in one record */
    DY_VEC_PUSH(r->nodes, node);
}

/* "[A][B <D]" -> codes; returns how many. */
static void count_code(dy_load_ctx *c, const dy_actor_code *ac, int restriction_line) {
    dy_build_distinct(c->d, 0, ac->code);
    if (!restriction_line) return;
    switch (c->restr_kind) {
    case 0: c->d->st.actor_restr_default++; break;
    case '<': c->d->st.actor_restr_before++; break;
    case '>': c->d->st.actor_restr_after++; break;
    case '-': c->d->st.actor_restr_range++; break;
    default: break; /* a single date: no kind */
    }
}

static size_t code_blocks(dy_load_ctx *c, actor_record *r, const char *s, size_t n, uint32_t line,
                          const char *lt, size_t ll, int restriction_line) {
    size_t got = 0;
    while (n) {
        const char *close = memchr(s, ']', n);
        size_t piece = close ? (size_t)(close - s) : n;
        const char *p = s;
        size_t pn = piece;
        dy_trim(&p, &pn);
        if (pn && p[0] == ';' && got) {
            /* a TABARI-era "; comment" after the codes */
        } else if (pn && p[0] != '[' && got) {
            dy_load_report(c, DYAD_NOTE, line, lt, ll, "text after the code blocks ignored");
        } else if (pn) {
            dy_actor_code ac;
            if (dy_petr_code_block(c, line, lt, ll, p, pn, &ac, 0) == 0) {
                DY_VEC_PUSH(r->codes, ac);
                count_code(c, &ac, restriction_line);
                got++;
            } else {
                dy_load_report(c, DYAD_ERROR, line, lt, ll, "empty code block");
            }
        }
        if (!close) break;
        n -= piece + 1;
        s += piece + 1;
    }
    return got;
}

void dy_load_petrarch_actors(dy_load_ctx *c) {
    dy_lines it;
    const char *raw, *s;
    size_t rn, n;
    fin_state fs = {0, c->fam == DY_FAM_PETRARCH1};
    actor_record r = {0};
    dy_build_set_family(c->d, c->fam, 0);
    dy_lines_init(&it, c->data, c->len);
    while (dy_lines_next(&it, &raw, &rn)) {
        if (!fin_line(&fs, raw, rn, &s, &n)) continue;
        if (s[0] == '+') {
            c->d->st.actor_synonyms++;
            if (!r.open) {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "synonym before any actor");
                continue;
            }
            /* [impl] a code block on a '+' line is not parsed: it becomes words */
            record_phrase(c, &r, s + 1, n - 1, it.line, raw, rn);
            continue;
        }
        if (s[0] == '[') {
            c->d->st.actor_restriction_lines++;
            if (!r.open) {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "code line before any actor");
                continue;
            }
            code_blocks(c, &r, s, n, it.line, raw, rn, 1);
            continue;
        }
        /* a base line: PETRARCH's splitting rules (DICTIONARY_FORMATS.md §1.3) */
        record_flush(c, &r);
        c->d->st.actor_records++;
        r.open = 1;
        const char *phrase = s, *codes = NULL;
        size_t pn = n, cn = 0;
        const char *tab = memchr(s, '\t', n);
        size_t pieces = 0;
        const char *firstsep = NULL;
        if (tab) {
            for (size_t i = 0; i < n; i++) pieces += s[i] == '\t';
            pieces++;
            firstsep = tab;
        } else {
            int inword = 0;
            for (size_t i = 0; i < n; i++) {
                if (!dy_is_space(s[i]) && !inword) pieces++;
                if (dy_is_space(s[i]) && inword && !firstsep) firstsep = s + i;
                inword = !dy_is_space(s[i]);
            }
        }
        const char *bracket = memchr(s, '[', n);
        if (pieces == 2) {
            pn = (size_t)(firstsep - s);
            codes = firstsep;
            cn = n - pn;
            dy_trim(&codes, &cn);
            if (cn && codes[0] != '[')
                dy_load_report(c, DYAD_NOTE, it.line, raw, rn,
                               "two words and no code block: PETRARCH reads the second word as the code");
        } else if (pieces > 2 && bracket) {
            pn = (size_t)(bracket - s);
            codes = bracket;
            cn = n - pn;
        }
        const char *root = NULL;
        dy_trim(&phrase, &pn);
        root = dy_build_str(c->d, phrase, pn);
        r.root = root;
        record_phrase(c, &r, phrase, pn, it.line, raw, rn);
        for (size_t i = 0; i < n; i++) c->d->st.actor_inline_codes += s[i] == '['; /* blocks, as the spec counts */
        if (cn) {
            if (codes[0] == '[') {
                code_blocks(c, &r, codes, cn, it.line, raw, rn, 0);
            } else {
                dy_actor_code ac;
                /* the second-word "code" is a quirk, not counted among the codes */
                if (!dy_petr_code_block(c, it.line, raw, rn, codes, cn, &ac, 0)) DY_VEC_PUSH(r.codes, ac);
            }
        }
    }
    /* Deliberate fix: PETRARCH-2 never stores the last record of a file. */
    record_flush(c, &r);
    if (fs.in_comment) dy_load_report(c, DYAD_WARNING, it.line, NULL, 0, "unclosed <!-- comment");
    free(r.nodes.v);
    free(r.codes.v);
}

/* ---------------------------------------------------------------- agents */

typedef struct {
    char name[32];
    DY_VEC(char *) items;
} marker;

static void plural_of(const char *s, size_t n, dy_buf *out) {
    dy_buf_clear(out);
    if (n && (s[n - 1] == 'Y' || s[n - 1] == 'y')) {
        dy_buf_add(out, s, n - 1);
        dy_buf_adds(out, s[n - 1] == 'Y' ? "IES" : "ies");
    } else if (n && (s[n - 1] == 'S' || s[n - 1] == 's')) {
        dy_buf_add(out, s, n);
        dy_buf_adds(out, s[n - 1] == 'S' ? "ES" : "es");
    } else {
        dy_buf_add(out, s, n);
        dy_buf_adds(out, n && s[n - 1] >= 'a' && s[n - 1] <= 'z' ? "s" : "S");
    }
}

static void agent_store(dy_load_ctx *c, const char *s, size_t n, uint32_t agent, uint32_t line,
                        const char *lt, size_t ll) {
    dy_pword w[DY_MAX_PHRASE];
    size_t k = phrase_words(c->d, s, n, 1, w, DY_MAX_PHRASE);
    if (!k) {
        dy_load_report(c, DYAD_ERROR, line, lt, ll, "agent phrase is empty or too long");
        return;
    }
    uint32_t node = dy_trie_insert(c->d, DY_TRIE_AGENT, w, k);
    if (!dy_trie_payload(c->d, node)) c->d->st.agent_phrases++;
    dy_trie_set_payload(c->d, node, agent + 1); /* [impl] a later entry replaces */
}

void dy_load_petrarch_agents(dy_load_ctx *c) {
    dy_lines it;
    const char *raw, *s;
    size_t rn, n;
    fin_state fs = {0, c->fam == DY_FAM_PETRARCH1};
    DY_VEC(marker) markers = {0};
    dy_buf pl;
    dy_buf_init(&pl);
    dy_build_set_family(c->d, c->fam, 0);
    dy_lines_init(&it, c->data, c->len);
    while (dy_lines_next(&it, &raw, &rn)) {
        if (!fin_line(&fs, raw, rn, &s, &n)) continue;
        const char *eq = memchr(s, '=', n);
        if (eq && memchr(s, '!', n) && s[0] == '!') {
            /* !NAME! = a, b, c */
            const char *b2 = memchr(s + 1, '!', n - 1);
            if (!b2 || b2 > eq || (size_t)(b2 - s - 1) >= sizeof markers.v->name) {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "malformed !MARKER! definition");
                continue;
            }
            marker m = {{0}, {0}};
            memcpy(m.name, s + 1, (size_t)(b2 - s - 1));
            const char *v = eq + 1;
            size_t vn = n - (size_t)(v - s);
            while (vn) {
                const char *comma = memchr(v, ',', vn);
                size_t one = comma ? (size_t)(comma - v) : vn;
                const char *w = v;
                size_t wn = one;
                dy_trim(&w, &wn);
                if (wn) DY_VEC_PUSH(m.items, dy_xstrndup(w, wn));
                if (!comma) break;
                v += one + 1;
                vn -= one + 1;
            }
            DY_VEC_PUSH(markers, m);
            c->d->st.agent_markers++;
            continue;
        }
        const char *lb = memchr(s, '[', n);
        if (!lb) {
            dy_load_report(c, DYAD_NOTE, it.line, raw, rn, "agent line without a [code], skipped (as PETRARCH does)");
            continue;
        }
        const char *rb = memchr(lb, ']', n - (size_t)(lb - s));
        if (!rb) {
            /* [impl] PETRARCH slices to find(']') == -1: the line minus its last character */
            dy_load_report(c, DYAD_NOTE, it.line, raw, rn,
                           "no ']' after the agent code: read up to the last character, as PETRARCH does");
            rb = s + n - 1;
            if (rb <= lb) {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "missing ']' after the agent code");
                continue;
            }
        }
        const char *code = lb + 1;
        size_t cn = (size_t)(rb - code);
        dy_trim(&code, &cn);
        if (!cn || (code[0] == '~' && cn == 1)) {
            dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "empty agent code");
            continue;
        }
        c->d->st.agent_entries++;
        dy_agent_entry ae;
        ae.text = dy_build_str(c->d, code, cn);
        ae.prefix = code[0] != '~' && code[cn - 1] == '~';
        if (code[0] == '~') ae.code = dy_build_str(c->d, code + 1, cn - 1);
        else if (ae.prefix) { ae.code = dy_build_str(c->d, code, cn - 1); c->d->st.agent_prefix_codes++; }
        else ae.code = ae.text;
        ae.family = (uint8_t)c->fam;
        ae.file = c->file;
        ae.line = it.line;
        dy_build_distinct(c->d, 1, ae.text);
        DY_VEC_PUSH(c->d->agents, ae);
        uint32_t idx = (uint32_t)c->d->agents.n - 1;

        const char *ph = s;
        size_t phn = (size_t)(lb - s);
        const char *plural = NULL;
        size_t plen = 0;
        int has_braces = 0;
        const char *lbr = memchr(ph, '{', phn);
        if (lbr) {
            const char *rbr = memchr(lbr, '}', phn - (size_t)(lbr - ph));
            if (!rbr) {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "missing '}' after the plural");
                continue;
            }
            has_braces = 1;
            plural = lbr + 1;
            plen = (size_t)(rbr - plural);
            dy_trim(&plural, &plen);
            phn = (size_t)(lbr - ph);
            c->d->st.agent_explicit_plurals++;
        }
        dy_trim(&ph, &phn);
        const char *m1 = memchr(ph, '!', phn);
        if (m1) {
            const char *m2 = memchr(m1 + 1, '!', phn - (size_t)(m1 + 1 - ph));
            marker *mk = NULL;
            if (m2)
                for (size_t k = 0; k < markers.n; k++)
                    if (strlen(markers.v[k].name) == (size_t)(m2 - m1 - 1) &&
                        !memcmp(markers.v[k].name, m1 + 1, (size_t)(m2 - m1 - 1)))
                        mk = &markers.v[k];
            if (!mk) {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "undefined !MARKER!");
                continue;
            }
            c->d->st.agent_marker_entries++;
            /* X!NAME!Y -> X+item+Y for each item; no plurals (the items list them) */
            for (size_t k = 0; k < mk->items.n; k++) {
                dy_buf_clear(&pl);
                dy_buf_add(&pl, ph, (size_t)(m1 - ph));
                dy_buf_adds(&pl, mk->items.v[k]);
                dy_buf_add(&pl, m2 + 1, phn - (size_t)(m2 + 1 - ph));
                agent_store(c, pl.data, pl.len, idx, it.line, raw, rn);
            }
            continue;
        }
        /* a trailing '_' is dropped before the plural is made */
        size_t base = phn;
        while (base && ph[base - 1] == '_') base--;
        agent_store(c, ph, base, idx, it.line, raw, rn);
        if (has_braces) {
            if (plen) agent_store(c, plural, plen, idx, it.line, raw, rn);
        } else if (base) {
            plural_of(ph, base, &pl);
            agent_store(c, pl.data, pl.len, idx, it.line, raw, rn);
        }
    }
    for (size_t k = 0; k < markers.n; k++) {
        for (size_t i = 0; i < markers.v[k].items.n; i++) free(markers.v[k].items.v[i]);
        free(markers.v[k].items.v);
    }
    free(markers.v);
    dy_buf_free(&pl);
}

/* ---------------------------------------------------------------- discards */

void dy_load_petrarch_discards(dy_load_ctx *c) {
    dy_lines it;
    const char *raw, *s;
    size_t rn, n;
    fin_state fs = {0, c->fam == DY_FAM_PETRARCH1};
    dy_lines_init(&it, c->data, c->len);
    while (dy_lines_next(&it, &raw, &rn)) {
        if (!fin_line(&fs, raw, rn, &s, &n)) continue;
        int story = s[0] == '+';
        if (story) { s++; n--; }
        dy_pword w[DY_MAX_PHRASE];
        /* [impl] whitespace words only: an '_' stays inside its word */
        size_t k = phrase_words(c->d, s, n, 0, w, DY_MAX_PHRASE);
        if (!k) {
            dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "discard phrase is empty or too long");
            continue;
        }
        dy_discard_entry e = {(uint8_t)story, c->file, it.line};
        DY_VEC_PUSH(c->d->discards, e);
        uint32_t node = dy_trie_insert(c->d, DY_TRIE_DISCARD, w, k);
        dy_trie_set_payload(c->d, node, (uint32_t)c->d->discards.n);
        if (story) c->d->st.discards_story++;
        else c->d->st.discards_sentence++;
    }
}

/* ---------------------------------------------------------------- issues */

/* Expand one issue phrase's tokens (n:w, v:w, a+b) into every phrase it stands for. */
static void issue_expand(dy_load_ctx *c, char **toks, size_t nt, size_t at, dy_buf *acc,
                         uint32_t entry, uint32_t line, const char *lt, size_t ll, int *count) {
    if (*count > 256) return;
    if (at == nt) {
        dy_pword w[DY_MAX_PHRASE];
        size_t k = phrase_words(c->d, acc->data, acc->len, 0, w, DY_MAX_PHRASE);
        if (!k) return;
        uint32_t node = dy_trie_insert(c->d, DY_TRIE_ISSUE, w, k);
        if (!dy_trie_payload(c->d, node)) dy_trie_set_payload(c->d, node, entry + 1);
        (*count)++;
        return;
    }
    const char *t = toks[at];
    size_t tl = strlen(t);
    size_t keep = acc->len;
    char forms[6][128];
    size_t nf = 0;
    if (tl > 2 && (t[0] == 'n' || t[0] == 'N') && t[1] == ':' && tl < 100) {
        const char *w = t + 2;
        size_t wl = tl - 2;
        snprintf(forms[nf++], 128, "%s", w);
        if (w[wl - 1] == 'y' || w[wl - 1] == 'Y') snprintf(forms[nf++], 128, "%.*sies", (int)(wl - 1), w);
        else snprintf(forms[nf++], 128, "%ss", w);
    } else if (tl > 2 && (t[0] == 'v' || t[0] == 'V') && t[1] == ':' && tl < 100) {
        const char *w = t + 2;
        size_t wl = tl - 2;
        int e = w[wl - 1] == 'e' || w[wl - 1] == 'E';
        snprintf(forms[nf++], 128, "%s", w);
        snprintf(forms[nf++], 128, "%ss", w);
        snprintf(forms[nf++], 128, "%s%s", w, e ? "d" : "ed");
        snprintf(forms[nf++], 128, "%.*sing", (int)(e ? wl - 1 : wl), w);
    } else if (strchr(t, '+') && tl < 100) {
        /* a+b: "a b" and "a-b" */
        char sp[128], hy[128];
        snprintf(sp, sizeof sp, "%s", t);
        snprintf(hy, sizeof hy, "%s", t);
        for (char *p = sp; *p; p++) if (*p == '+') *p = ' ';
        for (char *p = hy; *p; p++) if (*p == '+') *p = '-';
        snprintf(forms[nf++], 128, "%s", sp);
        snprintf(forms[nf++], 128, "%s", hy);
    } else {
        snprintf(forms[nf++], 128, "%s", t);
    }
    for (size_t f = 0; f < nf; f++) {
        acc->len = keep;
        if (acc->data) acc->data[keep] = 0;
        if (keep) dy_buf_addc(acc, ' ');
        dy_buf_adds(acc, forms[f]);
        issue_expand(c, toks, nt, at + 1, acc, entry, line, lt, ll, count);
    }
    acc->len = keep;
    if (acc->data) acc->data[keep] = 0;
}

void dy_load_petrarch_issues(dy_load_ctx *c) {
    dy_lines it;
    const char *raw, *s;
    size_t rn, n;
    fin_state fs = {0, c->fam == DY_FAM_PETRARCH1};
    DY_VEC(const char *) codes = {0};
    dy_buf acc;
    dy_buf_init(&acc);
    dy_lines_init(&it, c->data, c->len);
    while (dy_lines_next(&it, &raw, &rn)) {
        if (!fin_line(&fs, raw, rn, &s, &n)) continue;
        dy_issue_entry e = {"", DY_ISSUE_CODE, c->file, it.line};
        const char *ph = s;
        size_t phn = n;
        if (s[0] == '~') {
            int story = n > 1 && s[1] == '~';
            e.kind = story ? DY_ISSUE_IGNORE_STORY : DY_ISSUE_IGNORE_SENTENCE;
            ph = s + (story ? 2 : 1);
            phn = n - (story ? 2 : 1);
            const char *lb = memchr(ph, '[', phn);
            if (lb) phn = (size_t)(lb - ph);
            c->d->st.issue_ignores++;
        } else {
            const char *lb = memchr(s, '[', n);
            if (!lb) continue; /* [impl] <ISSUE ...> tags and other lines without a code */
            const char *rb = memchr(lb, ']', n - (size_t)(lb - s));
            if (!rb) {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "missing ']' after the issue code");
                continue;
            }
            const char *code = lb + 1;
            size_t cn = (size_t)(rb - code);
            dy_trim(&code, &cn);
            if (!cn) {
                dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "empty issue code");
                continue;
            }
            e.code = NULL;
            for (size_t k = 0; k < codes.n; k++)
                if (strlen(codes.v[k]) == cn && !memcmp(codes.v[k], code, cn)) e.code = codes.v[k];
            if (!e.code) {
                e.code = dy_build_str(c->d, code, cn);
                DY_VEC_PUSH(codes, e.code);
                c->d->st.issue_codes++;
            }
            phn = (size_t)(lb - s);
            c->d->st.issues++;
        }
        dy_trim(&ph, &phn);
        char *toks[DY_MAX_PHRASE];
        size_t nt = 0;
        size_t i = 0;
        while (i < phn && nt < DY_MAX_PHRASE) {
            while (i < phn && dy_is_space(ph[i])) i++;
            size_t b = i;
            while (i < phn && !dy_is_space(ph[i])) i++;
            if (i > b) toks[nt++] = dy_xstrndup(ph + b, i - b);
        }
        if (!nt) {
            dy_load_report(c, DYAD_ERROR, it.line, raw, rn, "issue phrase is empty");
        } else {
            DY_VEC_PUSH(c->d->issues, e);
            int count = 0;
            dy_buf_clear(&acc);
            issue_expand(c, toks, nt, 0, &acc, (uint32_t)c->d->issues.n - 1, it.line, raw, rn, &count);
        }
        for (size_t k = 0; k < nt; k++) free(toks[k]);
    }
    free(codes.v);
    dy_buf_free(&acc);
}
