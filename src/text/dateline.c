/* Dateline recognition: an upper-case place, optionally ", <date or
 * region>" and "(<agency>)", then a dash. Every part is bounded in length,
 * so the splitter can ask at any position without risking quadratic time. */
#include "text/text.h"
#include "text/textchar.h"

enum { PLACE_MAX = 40, DETAIL_MAX = 48, AGENCY_MAX = 32 };

static size_t skip_inline_space(const char *text, size_t p, size_t end) {
    while (p < end) {
        size_t n;
        unsigned f = dy_char_flags(dy_text_cp(text, p, end, &n));
        if (!(f & DY_CH_SPACE) || (f & (DY_CH_BREAK | DY_CH_PARA))) break;
        p += n;
    }
    return p;
}

/* Upper-case words separated by single spaces; inner . ' - allowed
 * ("ST. PETERSBURG", "N'DJAMENA", "PORT-AU-PRINCE"). */
static size_t place_end(const char *text, size_t p, size_t end, size_t *letters) {
    size_t limit = p + PLACE_MAX < end ? p + PLACE_MAX : end;
    *letters = 0;
    size_t last_good = p;
    while (p < limit) {
        size_t n;
        int32_t cp = dy_text_cp(text, p, end, &n);
        unsigned f = dy_char_flags(cp);
        if (f & DY_CH_UPPER) {
            (*letters)++;
            p += n;
            last_good = p;
        } else if ((cp == '.' || cp == '\'' || cp == 0x2019 || cp == '-') && p == last_good &&
                   *letters > 0) {
            p += n;
            if (cp == '.') last_good = p;
        } else if (cp == ' ' && p == last_good && p + 1 < limit &&
                   (dy_char_flags((unsigned char)text[p + 1]) & DY_CH_UPPER)) {
            p += 1;
        } else {
            break;
        }
    }
    return last_good;
}

/* ", Sept. 3" / ", Fla." / ", Afghanistan": every word capitalised or a
 * number, so that ", which said -" is not mistaken for one. */
static size_t detail_end(const char *text, size_t p, size_t end) {
    size_t limit = p + DETAIL_MAX < end ? p + DETAIL_MAX : end;
    int word_start = 1;
    while (p < limit) {
        size_t n;
        int32_t cp = dy_text_cp(text, p, end, &n);
        unsigned f = dy_char_flags(cp);
        if (cp == '(' || ((f & DY_CH_DASH) && p > 0 && text[p - 1] == ' ') || cp == 0x2014 ||
            cp == 0x2013)
            return p;
        if (f & (DY_CH_BREAK | DY_CH_PARA)) return 0;
        if (f & DY_CH_SPACE) {
            word_start = 1;
        } else if (word_start) {
            if (!(f & (DY_CH_UPPER | DY_CH_DIGIT))) return 0;
            word_start = 0;
        }
        p += n;
    }
    return 0;
}

size_t dy_dateline_end(const char *text, size_t start, size_t end) {
    size_t letters;
    size_t p = place_end(text, start, end, &letters);
    if (letters < 3 || p >= end) return start;
    int detail = 0;
    if (text[p] == ',') {
        size_t d = detail_end(text, p + 1, end);
        if (!d) return start;
        p = d;
        detail = 1;
    }
    p = skip_inline_space(text, p, end);
    if (p < end && text[p] == '(') {
        size_t limit = p + AGENCY_MAX < end ? p + AGENCY_MAX : end;
        size_t q = p + 1;
        while (q < limit && text[q] != ')' && text[q] != '\n' && text[q] != '(') q++;
        if (q >= limit || text[q] != ')') return start;
        p = skip_inline_space(text, q + 1, end);
        detail = 1;
    }
    if (!detail && letters < 4) return start;
    size_t dashes = 0;
    while (p < end) {
        size_t n;
        int32_t cp = dy_text_cp(text, p, end, &n);
        if (!(dy_char_flags(cp) & DY_CH_DASH) || dashes == 2) break;
        dashes++;
        p += n;
    }
    if (!dashes) return start;
    size_t after = skip_inline_space(text, p, end);
    if (after == p && p < end) return start; /* "A-B" is a compound, not a dateline */
    return after;
}
