/*
 * Tokenising one sentence (rules in docs/text-pipeline.md). Clitics follow
 * the Penn Treebank: "don't" -> "do" "n't", "can't" -> "ca" "n't",
 * "they're" -> "they" "'re", "Korea's" -> "Korea" "'s". Spans are found in
 * one pass; norms are filled in a second, ASCII tokens from one shared
 * block of the arena, the rest through dy_fold.
 */
#include "text/text.h"
#include "text/textchar.h"
#include <string.h>

typedef struct {
    const char *text;
    size_t end;
    dy_arena *a;
    dy_token *v;
    size_t n, cap;
    int space_before;
    int open_single_quotes; /* 'quoted' stretches still open: s' then closes one */
} tokeniser;

static unsigned flags_at(const tokeniser *t, size_t p, size_t *n) {
    return dy_char_flags(dy_text_cp(t->text, p, t->end, n));
}

static int is_apostrophe(int32_t cp) { return cp == '\'' || cp == 0x2019 || cp == 0x02BC; }

static int ascii_lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

static int has_non_ascii(const char *s, size_t a, size_t b) {
    for (size_t i = a; i < b; i++)
        if ((unsigned char)s[i] >= 0x80 || s[i] == 0) return 1;
    return 0;
}

/* push with the answer of has_non_ascii known (wide: -1 when not). */
static dy_token *push_known(tokeniser *t, size_t start, size_t end, dy_token_kind kind, uint8_t flags,
                            int wide) {
    if (t->n == t->cap) {
        size_t cap = t->cap * 2;
        dy_token *v = dy_arena_alloc(t->a, cap * sizeof *v);
        memcpy(v, t->v, t->n * sizeof *v);
        t->v = v;
        t->cap = cap;
    }
    dy_token *tok = &t->v[t->n++];
    tok->start = (uint32_t)start;
    tok->end = (uint32_t)end;
    tok->norm = NULL;
    /* Until norms are filled: 1 when the token needs the Unicode fold. */
    tok->norm_len = (uint32_t)(wide >= 0 ? wide : has_non_ascii(t->text, start, end));
    tok->kind = (uint8_t)kind;
    tok->flags = (uint8_t)(flags | (t->space_before ? DY_TOKF_SPACE_BEFORE : 0));
    t->space_before = 0;
    return tok;
}

static dy_token *push(tokeniser *t, size_t start, size_t end, dy_token_kind kind, uint8_t flags) {
    return push_known(t, start, end, kind, flags, -1);
}

/* Letters counted for the case flags. */
typedef struct {
    size_t letters, upper;
    int first_upper;             /* -1: no letter yet */
} case_count;

static void count_case(case_count *c, unsigned f) {
    if (!(f & DY_CH_ALPHA)) return;
    c->letters++;
    if (f & DY_CH_UPPER) c->upper++;
    if (c->first_upper < 0) c->first_upper = (f & DY_CH_UPPER) != 0;
}

static uint8_t case_flags_of(const case_count *c) {
    uint8_t flags = 0;
    if (c->first_upper == 1) flags |= DY_TOKF_CAPITAL;
    if (c->letters > 1 && c->upper == c->letters) flags |= DY_TOKF_ALLCAPS;
    return flags;
}

/* Case flags from the letters of [start, end). */
static uint8_t case_flags(const tokeniser *t, size_t start, size_t end) {
    case_count c = {0, 0, -1};
    for (size_t p = start, n; p < end; p += n) count_case(&c, flags_at(t, p, &n));
    return case_flags_of(&c);
}

/* The clitic starting with the apostrophe at p ("'s", "'re", "'ve", "'ll",
 * "'d", "'m"), if one ends the word there; returns its end or 0. */
static size_t clitic_end(const tokeniser *t, size_t p, size_t apos_len) {
    static const char *const clitics[] = {"s", "re", "ve", "ll", "d", "m"};
    size_t q = p + apos_len;
    for (size_t i = 0; i < sizeof clitics / sizeof clitics[0]; i++) {
        size_t k = strlen(clitics[i]);
        if (q + k > t->end) continue;
        size_t j = 0;
        while (j < k && ascii_lower((unsigned char)t->text[q + j]) == clitics[i][j]) j++;
        if (j < k) continue;
        size_t n;
        if (q + k < t->end && (flags_at(t, q + k, &n) & (DY_CH_ALPHA | DY_CH_DIGIT | DY_CH_MARK)))
            continue;
        return q + k;
    }
    return 0;
}

/* "it's", "that's": the 's is a verb ("is", "has"), not a possessive. */
static int pronoun_before_s(const char *w, size_t n) {
    static const char *const pronouns[] = {"he",    "she",  "it",  "that", "there", "here", "what",
                                           "who",   "where", "when", "how", "why",   "let"};
    if (n > 5) return 0;
    for (size_t i = 0; i < sizeof pronouns / sizeof pronouns[0]; i++) {
        size_t k = strlen(pronouns[i]);
        if (k != n) continue;
        size_t j = 0;
        while (j < k && ascii_lower((unsigned char)w[j]) == pronouns[i][j]) j++;
        if (j == k) return 1;
    }
    return 0;
}

static int is_ascii_initialism(const char *w, size_t n) {
    size_t seg = 0, stops = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            if (++seg > 2) return 0;
        } else if (c == '.' && seg) {
            seg = 0;
            stops++;
        } else {
            return 0;
        }
    }
    return seg && stops;
}

/* A word or number starting at p, with whatever clitic ends it. */
static size_t scan_word(tokeniser *t, size_t p) {
    const char *text = t->text;
    size_t q = p;
    int alpha = 0, hyphen = 0, dots = 0;
    size_t clitic_start = 0, clitic_stop = 0;
    /* The case flags, counted on the way: every letter of the word is in
     * one of these runs (what joins them is no letter), so the word need
     * not be decoded twice; only "n't" takes a letter back. */
    case_count cc = {0, 0, -1};
    int recount = 0;
    int wide = 0; /* a byte of 0x80 or more in the word (has_non_ascii; no NUL is a word byte) */
    for (;;) {
        size_t n;
        while (q < t->end) {
            unsigned f = flags_at(t, q, &n);
            if (!(f & (DY_CH_ALPHA | DY_CH_DIGIT | DY_CH_MARK))) break;
            if (f & DY_CH_ALPHA) alpha = 1;
            count_case(&cc, f);
            wide |= (unsigned char)text[q] >= 0x80;
            q += n;
        }
        if (q >= t->end) break;
        /* Only . , : / - and apostrophes can join a word to what follows
         * (the chain below); any other ASCII character, mostly a space,
         * ends it without a look at the next one. */
        unsigned char c = (unsigned char)text[q];
        if (c < 0x80 && c != '.' && c != ',' && c != ':' && c != '/' && c != '-' && c != '\'') break;
        int32_t cp = dy_text_cp(text, q, t->end, &n);
        if (q + n >= t->end) break;
        size_t n2;
        int32_t cp2 = dy_text_cp(text, q + n, t->end, &n2);
        unsigned f2 = dy_char_flags(cp2);
        unsigned char before = (unsigned char)text[q - 1];
        int digit_before = before >= '0' && before <= '9';
        if (cp == '.' && (f2 & (DY_CH_ALPHA | DY_CH_DIGIT))) {
            dots++;
        } else if (cp == '.' && dots && dy_is_joining_hyphen(cp2) &&
                   is_ascii_initialism(text + p, q - p)) {
            /* "U.S.-led": the initialism's own stop, then the hyphen */
        } else if ((cp == ',' || cp == ':' || cp == '/') && digit_before && cp2 >= '0' &&
                   cp2 <= '9') {
            /* 1,000  10:30  24/7 */
        } else if (dy_is_joining_hyphen(cp) && (f2 & (DY_CH_ALPHA | DY_CH_DIGIT))) {
            hyphen = 1;
        } else if (is_apostrophe(cp) && (f2 & DY_CH_ALPHA)) {
            size_t k;
            if ((before == 'n' || before == 'N') && q - 1 > p && (cp2 == 't' || cp2 == 'T') &&
                !(q + n + 1 < t->end &&
                  (flags_at(t, q + n + 1, &k) & (DY_CH_ALPHA | DY_CH_DIGIT | DY_CH_MARK)))) {
                clitic_start = q - 1;
                clitic_stop = q + n + 1;
                q = q - 1;
                recount = 1;
                break;
            }
            size_t ce = clitic_end(t, q, n);
            if (ce) {
                clitic_start = q;
                clitic_stop = ce;
                break;
            }
            /* O'Brien, N'Djamena */
        } else {
            break;
        }
        wide |= (unsigned char)text[q] >= 0x80; /* the joining character */
        q += n;
    }
    if (dots && q < t->end && text[q] == '.' && is_ascii_initialism(text + p, q - p)) {
        q++;
        size_t n;
        if (!clitic_start && q < t->end && is_apostrophe(dy_text_cp(text, q, t->end, &n))) {
            size_t ce = clitic_end(t, q, n); /* "the U.S.'s" */
            if (ce) {
                clitic_start = q;
                clitic_stop = ce;
            }
        }
    }
    dy_token_kind kind = alpha ? DY_TOK_WORD : DY_TOK_NUMBER;
    uint8_t flags = recount ? case_flags(t, p, q) : case_flags_of(&cc);
    if (hyphen && alpha) flags |= DY_TOKF_HYPHEN;
    /* the "n't" and initialism stops only take back or add ASCII bytes */
    push_known(t, p, q, kind, flags, wide);
    if (clitic_start) {
        /* Of the clitics only 's ends in s. */
        int possessive = ascii_lower((unsigned char)text[clitic_stop - 1]) == 's' &&
                         !pronoun_before_s(text + p, q - p);
        push(t, clitic_start, clitic_stop, possessive ? DY_TOK_POSSESSIVE : DY_TOK_WORD,
             case_flags(t, clitic_start, clitic_stop));
        return clitic_stop;
    }
    /* "the nations' leaders": a bare apostrophe after -s, unless it closes
     * a quotation opened with a single quote. */
    size_t n;
    if (alpha && q < t->end && (text[q - 1] == 's' || text[q - 1] == 'S') &&
        is_apostrophe(dy_text_cp(text, q, t->end, &n)) && !t->open_single_quotes) {
        size_t r = q + n, k;
        if (r < t->end && (flags_at(t, r, &k) & DY_CH_SPACE)) {
            while (r < t->end && (flags_at(t, r, &k) & DY_CH_SPACE)) r += k;
            if (r < t->end && (flags_at(t, r, &k) & DY_CH_ALPHA)) {
                push(t, q, q + n, DY_TOK_POSSESSIVE, 0);
                return q + n;
            }
        }
    }
    return q;
}

static size_t scan_other(tokeniser *t, size_t p) {
    size_t n;
    int32_t cp = dy_text_cp(t->text, p, t->end, &n);
    unsigned f = dy_char_flags(cp);
    size_t q = p + n;
    if (cp == '.' || cp == '-') {
        /* "..." and "--" are one mark each. */
        while (q < t->end && t->text[q] == (char)cp) q++;
        push(t, p, q, DY_TOK_PUNCT, 0);
        return q;
    }
    if (f & DY_CH_PUNCT) {
        if (cp == '\'' || cp == 0x2018 || cp == 0x2019) {
            /* An opening quote follows a space, the start or other punctuation. */
            int after_space = t->space_before || (t->n && t->v[t->n - 1].kind == DY_TOK_PUNCT);
            size_t k;
            int letter_next = q < t->end && (flags_at(t, q, &k) & DY_CH_ALPHA);
            if (cp != 0x2019 && after_space && letter_next) t->open_single_quotes++;
            else if (cp != 0x2018 && t->open_single_quotes) t->open_single_quotes--;
        }
        push(t, p, q, DY_TOK_PUNCT, 0);
        return q;
    }
    push(t, p, q, DY_TOK_SYMBOL, 0);
    return q;
}

static void fill_norms(tokeniser *t, size_t start) {
    /* Tokens are disjoint stretches of [start, end): their ASCII copies and
     * terminators fit in this, without a pass to add them up. */
    char *pool = t->n ? dy_arena_alloc(t->a, t->end - start + t->n) : NULL;
    for (size_t i = 0; i < t->n; i++) {
        dy_token *tok = &t->v[i];
        size_t len = tok->end - tok->start;
        if (tok->kind == DY_TOK_POSSESSIVE) {
            tok->norm = "'s";
            tok->norm_len = 2;
        } else if (tok->norm_len) {
            uint32_t nl;
            tok->norm = dy_fold(t->text + tok->start, len, t->a, &nl);
            tok->norm_len = nl;
        } else {
            const unsigned char *src = (const unsigned char *)t->text + tok->start;
            for (size_t j = 0; j < len; j++) {
                unsigned char c = src[j];
                pool[j] = (char)(c == '`' ? '\'' : ascii_lower(c));
            }
            pool[len] = 0;
            tok->norm = pool;
            tok->norm_len = (uint32_t)len;
            pool += len + 1;
        }
    }
}

size_t dy_tokenise(const char *text, size_t start, size_t end, dy_arena *a, dy_token **out) {
    tokeniser t = {.text = text, .end = end, .a = a, .space_before = 1};
    t.cap = (end > start ? (end - start) / 5 : 0) + 8;
    t.v = dy_arena_alloc(a, t.cap * sizeof *t.v);
    size_t p = start;
    while (p < end) {
        unsigned char c = (unsigned char)text[p];
        size_t n = 1;
        unsigned f = c < 0x80 ? dy_ascii_char_flags[c] : flags_at(&t, p, &n);
        if (f & DY_CH_SPACE) {
            t.space_before = 1;
            p += n;
        } else if (f & (DY_CH_ALPHA | DY_CH_DIGIT)) {
            p = scan_word(&t, p);
        } else {
            p = scan_other(&t, p);
        }
    }
    fill_norms(&t, start);
    *out = t.v;
    return t.n;
}
