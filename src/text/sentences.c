/*
 * Sentence splitting. The rules, and why, are in docs/text-pipeline.md; in
 * short:
 *   - a blank line (or U+2029, form feed) always ends a sentence;
 *   - a single line break is a space, unless the line before it reads as a
 *     headline (see headline_break) — news wires wrap lines mid-sentence;
 *   - ? and ! end a sentence unless a lower-case word follows;
 *   - a full stop ends one unless the word before it is an abbreviation, an
 *     initial or a number in a list, with the word after deciding the
 *     doubtful cases;
 *   - an ellipsis ends one only before a capitalised word, and not between
 *     two capitalised words ("Kim ... Jong Un").
 * Every look-back and look-ahead is bounded, so the whole pass is linear in
 * the length of the text.
 */
#include "text/abbrev.h"
#include "text/text.h"
#include "text/textchar.h"
#include "util/swar.h"
#include "util/xalloc.h"
#include <string.h>

enum {
    WORD_BACK_MAX = 32,  /* longest word looked at in front of a full stop */
    HEADLINE_WORDS = 25, /* a longer line is a paragraph, not a headline */
    FIRST_WORD_MAX = 64,
    WRAP_MIN = 50        /* no wrapping program breaks lines shorter than this */
};

typedef struct {
    size_t start;  /* first byte of the line */
    size_t cs, ce; /* its content: first non-space to just after the last */
    size_t width;  /* characters from start to ce (indentation counts) */
} line_info;

typedef struct {
    const char *text;
    size_t len;
    dy_sentence *out;
    size_t n, cap;
    line_info *lines;
    size_t nlines, lines_cap;
} splitter;

/* ---------------------------------------------------------------- helpers */

static unsigned flags_at(const splitter *s, size_t p, size_t end, size_t *n) {
    return dy_char_flags(dy_text_cp(s->text, p, end, n));
}

static size_t count_chars(const char *text, size_t a, size_t b) {
    size_t n = 0, i = a;
    for (; i + 8 <= b; i += 8) n += 8 - dy_swar_continuations(dy_swar_load(text + i));
    for (; i < b; i++) n += ((unsigned char)text[i] & 0xC0) != 0x80;
    return n;
}

static size_t skip_space(const splitter *s, size_t p, size_t end) {
    while (p < end) {
        size_t n;
        if (!(flags_at(s, p, end, &n) & DY_CH_SPACE)) break;
        p += n;
    }
    return p;
}

static void emit(splitter *s, size_t a, size_t b) {
    a = skip_space(s, a, b);
    while (b > a) {
        size_t q = dy_text_prev(s->text, a, b), n;
        if (!(flags_at(s, q, b, &n) & DY_CH_SPACE)) break;
        b = q;
    }
    if (a >= b) return;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 64;
        s->out = dy_xrealloc(s->out, s->cap * sizeof *s->out);
    }
    s->out[s->n++] = (dy_sentence){(uint32_t)a, (uint32_t)b};
}

/* Skip opening brackets and quotes in front of a word; returns the
 * position of the word's first character. */
static size_t skip_openers(const splitter *s, size_t p, size_t end) {
    while (p < end) {
        size_t n;
        if (!(flags_at(s, p, end, &n) & (DY_CH_OPEN | DY_CH_QUOTE))) break;
        p += n;
    }
    return p;
}

static size_t word_end(const splitter *s, size_t p, size_t end) {
    while (p < end) {
        size_t n;
        if (!(flags_at(s, p, end, &n) & (DY_CH_ALPHA | DY_CH_DIGIT | DY_CH_MARK))) break;
        p += n;
    }
    return p;
}

/* ---------------------------------------------------------------- full stops */

/* The word in front of a full stop at `dot`: ASCII letters, digits and
 * inner stops; other non-ASCII bytes count as word bytes so that they are
 * never mistaken for an abbreviation. */
static size_t word_before(const splitter *s, size_t lo, size_t dot) {
    size_t p = dot;
    while (p > lo && dot - p < WORD_BACK_MAX) {
        unsigned char c = (unsigned char)s->text[p - 1];
        if (!(c >= 0x80 || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
              (c >= 'A' && c <= 'Z')))
            break;
        p--;
    }
    return p;
}

static int all_digits(const char *w, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (w[i] < '0' || w[i] > '9') return 0;
    return n > 0;
}

/* Only white space between the start of the line (or segment) and p. */
static int starts_line(const splitter *s, size_t lo, size_t p) {
    while (p > lo) {
        char c = s->text[p - 1];
        if (c == '\n' || c == '\r') return 1;
        if (c != ' ' && c != '\t') return 0;
        p--;
    }
    return 1;
}

typedef enum { TERM_STOP, TERM_QUESTION, TERM_ELLIPSIS } term_kind;

/* Does the sentence end at this terminator? `next` is the first character
 * after the white space that follows it (next < end). */
static int has_line_break(const char *text, size_t a, size_t b) {
    return memchr(text + a, '\n', b - a) || memchr(text + a, '\r', b - a);
}

static int ends_here(const splitter *s, size_t seg_start, size_t group, term_kind kind,
                     size_t next, size_t end) {
    size_t wstart = skip_openers(s, next, end);
    size_t n;
    unsigned wf = wstart < end ? flags_at(s, wstart, end, &n) : 0;
    if (kind == TERM_QUESTION) return !(wf & DY_CH_LOWER);
    if (kind == TERM_ELLIPSIS) {
        if (!(wf & DY_CH_UPPER)) return 0;
        /* "Kim ... Jong Un": an elided part of a name, not a sentence end. */
        if (group > seg_start && s->text[group - 1] == ' ') {
            size_t p = group - 1;
            while (p > seg_start && s->text[p - 1] == ' ') p--;
            size_t w = word_before(s, seg_start, p);
            if (w < p && (dy_char_flags(dy_text_cp(s->text, w, p, &n)) & DY_CH_UPPER)) return 0;
        }
        return 1;
    }
    const char *text = s->text;
    size_t w0 = word_before(s, seg_start, group);
    size_t wn = group - w0;
    const char *word = text + w0;
    size_t wend = word_end(s, wstart, end);
    /* A dateline counts as a sentence start only at the head of a line:
     * "ST. LOUIS (AP) -" is one dateline, not "ST." and a dateline. */
    int starter = dy_is_sentence_starter(text + wstart, wend - wstart) ||
                  (has_line_break(text, group, next) && dy_dateline_end(text, wstart, end) > wstart);
    if (wn == 0) return !(wf & DY_CH_LOWER);
    switch (dy_abbrev_kind(word, wn)) {
    case DY_ABBR_PREFIX:
        return 0;
    case DY_ABBR_FINAL:
        return starter;
    case DY_ABBR_NUMBER:
        if (wf & DY_CH_DIGIT) return 0;
        break;
    case DY_ABBR_NONE:
        break;
    }
    int letter = (word[0] >= 'A' && word[0] <= 'Z') || (word[0] >= 'a' && word[0] <= 'z');
    if ((wn == 1 && letter) || dy_is_initialism(word, wn)) {
        /* "W. A. Mozart": a chain of initials, even when one is "A" or "I". */
        if (wend - wstart == 1 && wend < end && text[wend] == '.') return 0;
        return starter;
    }
    /* "1. Introduction": an enumerator at the start of a line. */
    if (wn <= 3 && all_digits(word, wn) && starts_line(s, seg_start, w0)) return 0;
    return !(wf & DY_CH_LOWER);
}

/* The first byte at or after p that may end a sentence: an ASCII . ? ! or
 * any non-ASCII byte. Its own loop, so that p stays in a register over the
 * bulk of the text. */
static size_t skip_plain(const char *text, size_t p, size_t end) {
    for (; p + 8 <= end; p += 8) {
        uint64_t x = dy_swar_load(text + p);
        if (dy_swar_any_high(x) || dy_swar_any_eq(x, '.') || dy_swar_any_eq(x, '?') || dy_swar_any_eq(x, '!'))
            break;
    }
    while (p < end) {
        unsigned char c = (unsigned char)text[p];
        if (c >= 0x80 || c == '.' || c == '?' || c == '!') break;
        p++;
    }
    return p;
}

/* Split one run of text that holds no forced break. */
static void split_segment(splitter *s, size_t start, size_t end) {
    const char *text = s->text;
    size_t sent = start, p = start;
    while (p < end) {
        p = skip_plain(text, p, end);
        if (p >= end) break;
        unsigned char c = (unsigned char)text[p];
        size_t n = 1;
        if (c >= 0x80 && !(flags_at(s, p, end, &n) & DY_CH_TERM)) {
            p += n;
            continue;
        }
        /* A run of end marks is one terminator: "?!", "...", "?..". */
        size_t group = p;
        size_t dots = 0, marks = 0;
        int question = 0, ellipsis = 0, wide = 0;
        while (p < end) {
            int32_t cp = dy_text_cp(text, p, end, &n);
            if (!(dy_char_flags(cp) & DY_CH_TERM)) break;
            if (cp >= 0x3000) wide = 1;
            if (cp == '.') dots++;
            else if (cp == DY_ELLIPSIS) ellipsis = 1;
            else if (cp != 0x3002 && cp != 0xFF0E && cp != 0xFF61 && cp != 0x06D4 && cp != 0x0964 &&
                     cp != 0x0965)
                question = 1;
            marks++;
            p += n;
        }
        term_kind kind = question ? TERM_QUESTION
                         : (ellipsis || dots >= 2) ? TERM_ELLIPSIS
                                                   : TERM_STOP;
        (void)marks;
        /* Closing quotes and brackets stay with the sentence they close. */
        while (p < end && (flags_at(s, p, end, &n) & (DY_CH_CLOSE | DY_CH_QUOTE))) p += n;
        if (p >= end) break;
        if (!(flags_at(s, p, end, &n) & DY_CH_SPACE)) {
            /* Chinese and Japanese put no space after their full stops. */
            if (wide && !(flags_at(s, p, end, &n) & DY_CH_LOWER)) {
                emit(s, sent, p);
                sent = p;
            }
            continue; /* "3.5", "U.S.", "Yahoo!Inc" */
        }
        size_t next = skip_space(s, p, end);
        if (next >= end) break;
        if (ends_here(s, start, group, kind, next, end)) {
            emit(s, sent, p);
            sent = next;
        }
        p = next;
    }
    emit(s, sent, end);
}

/* ---------------------------------------------------------------- lines and headlines */

/* The last visible character of a line, behind closing quotes and brackets. */
static int32_t last_mark(const splitter *s, const line_info *l) {
    size_t p = l->ce;
    while (p > l->cs) {
        size_t q = dy_text_prev(s->text, l->cs, p), n;
        int32_t cp = dy_text_cp(s->text, q, p, &n);
        if (!(dy_char_flags(cp) & (DY_CH_CLOSE | DY_CH_QUOTE))) return cp;
        p = q;
    }
    return 0;
}

static int ends_with_mark(const splitter *s, const line_info *l) {
    return (dy_char_flags(last_mark(s, l)) & DY_CH_TERM) != 0;
}

static const char *const continuation_words[] = {
    "a", "about", "after", "an", "and", "are", "as", "at", "be", "been", "before", "but",
    "by", "for", "from", "had", "has", "have", "if", "in", "into", "is", "its", "nor", "of",
    "on", "or", "over", "said", "than", "that", "the", "their", "to", "under", "was", "were",
    "which", "who", "whose", "will", "with", "would"};

/* A line that ends in a comma, a dash or a word like "the" goes on. */
static int ends_mid_phrase(const splitter *s, const line_info *l) {
    int32_t last = last_mark(s, l);
    if (last == ',' || last == ';' || last == ':' || last == '/' || last == '&' || last == '+' ||
        (dy_char_flags(last) & (DY_CH_DASH | DY_CH_OPEN)))
        return 1;
    size_t w = l->ce;
    while (w > l->cs && s->text[w - 1] != ' ' && s->text[w - 1] != '\t') w--;
    size_t n = l->ce - w;
    if (n == 0 || n > 6) return 0; /* longer than any word in the list */
    for (size_t i = 0; i < sizeof continuation_words / sizeof continuation_words[0]; i++) {
        const char *cw = continuation_words[i];
        /* the first letter settles most: strlen runs for few */
        if (cw[0] == s->text[w] && strlen(cw) == n && !memcmp(cw, s->text + w, n)) return 1;
    }
    return 0;
}

static size_t first_word_width(const splitter *s, const line_info *l) {
    size_t p = l->cs, w = 0;
    while (p < l->ce && w < FIRST_WORD_MAX) {
        size_t n;
        if (flags_at(s, p, l->ce, &n) & DY_CH_SPACE) break;
        p += n;
        w++;
    }
    return w;
}

/* Letters but no lower-case ones: "MARKET REPORT". */
static int all_caps(const splitter *s, const line_info *l) {
    size_t upper = 0;
    for (size_t p = l->cs, n; p < l->ce; p += n) {
        unsigned f = flags_at(s, p, l->ce, &n);
        if (f & DY_CH_LOWER) return 0;
        if (f & DY_CH_UPPER) upper++;
    }
    return upper >= 2;
}

static size_t word_count(const splitter *s, const line_info *l) {
    size_t words = 0;
    int in_word = 0;
    for (size_t p = l->cs; p < l->ce; p++) {
        char c = s->text[p];
        int space = c == ' ' || c == '\t';
        if (!space && !in_word) words++;
        in_word = !space;
    }
    return words;
}

/* Would the next line's first word have fitted on this one, with room to
 * spare? A wrapping program breaks only where it does not, so a break
 * where it does was typed on purpose. The spare tenth allows for wire copy
 * whose wrap width wanders by a few characters. */
static int deliberate_break(const splitter *s, size_t i, size_t width) {
    const line_info *l = &s->lines[i];
    if (width < WRAP_MIN) return 1;
    return l->width + 1 + first_word_width(s, &s->lines[i + 1]) + width / 10 <= width;
}

/* A single line break ends a sentence when the line before it reads as a
 * headline: no end mark, not ending mid-phrase, short, followed by a
 * capitalised line, and either typed as a break on purpose in a block that
 * is not hard-wrapped, written in capitals, or followed by a dateline. */
static int headline_break(const splitter *s, size_t i, int wrapped, size_t width) {
    const line_info *l = &s->lines[i], *next = &s->lines[i + 1];
    if (ends_with_mark(s, l) || ends_mid_phrase(s, l)) return 0;
    size_t n;
    size_t w = skip_openers(s, next->cs, next->ce);
    if (w >= next->ce || !(flags_at(s, w, next->ce, &n) & (DY_CH_UPPER | DY_CH_DIGIT))) return 0;
    if (dy_dateline_end(s->text, next->cs, next->ce) > next->cs) return 1;
    if (word_count(s, l) > HEADLINE_WORDS) return 0;
    /* A capitals headline is short and heads ordinary text; a paragraph
     * set all in capitals wraps like any other. */
    if (all_caps(s, l) && !all_caps(s, next) && deliberate_break(s, i, width)) return 1;
    return !wrapped && deliberate_break(s, i, width);
}

static void split_block(splitter *s) {
    size_t width = 0;
    for (size_t i = 0; i < s->nlines; i++)
        if (s->lines[i].width > width) width = s->lines[i].width;
    /* Hard-wrapped text shows itself by a line that runs close to the wrap
     * width and still has no end mark: the sentence went on. A paragraph's
     * last line tells nothing, and a headline is short. */
    int wrapped = 0;
    for (size_t i = 0; width >= WRAP_MIN && i + 1 < s->nlines && !wrapped; i++)
        wrapped = s->lines[i].width * 4 >= width * 3 && !ends_with_mark(s, &s->lines[i]);
    size_t seg = s->lines[0].cs;
    for (size_t i = 0; i + 1 < s->nlines; i++) {
        if (headline_break(s, i, wrapped, width)) {
            split_segment(s, seg, s->lines[i].ce);
            seg = s->lines[i + 1].cs;
        }
    }
    split_segment(s, seg, s->lines[s->nlines - 1].ce);
}

/* The end of a run of printable ASCII (spaces included) from p: most of a
 * line is one such run. */
static size_t printable_run_end(const char *text, size_t p, size_t end) {
    for (; p + 8 <= end; p += 8) {
        uint64_t x = dy_swar_load(text + p);
        if (dy_swar_any_high(x) || dy_swar_any_below(x, 0x20) || dy_swar_any_eq(x, 0x7F)) break;
    }
    while (p < end && (unsigned char)(text[p] - 0x20) < 0x7F - 0x20) p++;
    return p;
}

/* Read the line at p: fills *l, returns where the next line starts, and
 * sets *para when the line ended with a paragraph break. */
static size_t read_line(splitter *s, size_t p, line_info *l, int *para) {
    const char *text = s->text;
    size_t end = s->len;
    l->start = p;
    l->cs = l->ce = SIZE_MAX;
    *para = 0;
    while (p < end) {
        unsigned char c = (unsigned char)text[p];
        if (c >= ' ' && c < 0x7F) {
            /* a run of printable ASCII: no break in it, and its content runs
             * from its first to its last character that is not a space */
            size_t r = printable_run_end(text, p + 1, end), a = p, z = r;
            while (a < r && text[a] == ' ') a++;
            if (a < r) {
                while (text[z - 1] == ' ') z--;
                if (l->cs == SIZE_MAX) l->cs = a;
                l->ce = z;
            }
            p = r;
            continue;
        }
        size_t n = 1;
        unsigned f = c < 0x80 ? dy_ascii_char_flags[c] : flags_at(s, p, end, &n);
        if (f & DY_CH_BREAK) {
            size_t next = p + n;
            if (c == '\r' && next < end && text[next] == '\n') next++;
            *para = (f & DY_CH_PARA) != 0;
            if (l->cs == SIZE_MAX) l->cs = l->ce = p;
            l->width = count_chars(text, l->start, l->ce);
            return next;
        }
        if (!(f & DY_CH_SPACE)) {
            if (l->cs == SIZE_MAX) l->cs = p;
            l->ce = p + n;
        }
        p += n;
    }
    if (l->cs == SIZE_MAX) l->cs = l->ce = p;
    l->width = count_chars(text, l->start, l->ce);
    return p;
}

size_t dy_split_sentences(const char *text, size_t len, dy_arena *a, dy_sentence **out) {
    splitter s = {.text = text, .len = len};
    size_t p = 0;
    while (p < len) {
        s.nlines = 0;
        while (p < len) {
            line_info l;
            int para;
            p = read_line(&s, p, &l, &para);
            if (l.cs == l.ce) {
                if (s.nlines) break;
                continue;
            }
            if (s.nlines == s.lines_cap) {
                s.lines_cap = s.lines_cap ? s.lines_cap * 2 : 32;
                s.lines = dy_xrealloc(s.lines, s.lines_cap * sizeof *s.lines);
            }
            s.lines[s.nlines++] = l;
            if (para) break;
        }
        if (s.nlines) split_block(&s);
    }
    dy_sentence *res = dy_arena_alloc(a, (s.n ? s.n : 1) * sizeof *res);
    if (s.n) memcpy(res, s.out, s.n * sizeof *res);
    free(s.out);
    free(s.lines);
    *out = res;
    return s.n;
}
