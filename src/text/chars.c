/* Character classes for the text pipeline: a table for ASCII (the common
 * case, one load per byte) and utf8proc's categories for everything else. */
#include "text/textchar.h"
#include "util/utf8.h"
#include <utf8proc.h>

const uint16_t dy_ascii_char_flags[128] = {
    /* 0x00 */ DY_CH_SYMBOL,
    /* 0x01 */ DY_CH_SYMBOL,
    /* 0x02 */ DY_CH_SYMBOL,
    /* 0x03 */ DY_CH_SYMBOL,
    /* 0x04 */ DY_CH_SYMBOL,
    /* 0x05 */ DY_CH_SYMBOL,
    /* 0x06 */ DY_CH_SYMBOL,
    /* 0x07 */ DY_CH_SYMBOL,
    /* 0x08 */ DY_CH_SYMBOL,
    /* 0x09 */ DY_CH_SPACE,
    /* 0x0a */ DY_CH_SPACE|DY_CH_BREAK,
    /* 0x0b */ DY_CH_SPACE,
    /* 0x0c */ DY_CH_SPACE|DY_CH_BREAK|DY_CH_PARA,
    /* 0x0d */ DY_CH_SPACE|DY_CH_BREAK,
    /* 0x0e */ DY_CH_SYMBOL,
    /* 0x0f */ DY_CH_SYMBOL,
    /* 0x10 */ DY_CH_SYMBOL,
    /* 0x11 */ DY_CH_SYMBOL,
    /* 0x12 */ DY_CH_SYMBOL,
    /* 0x13 */ DY_CH_SYMBOL,
    /* 0x14 */ DY_CH_SYMBOL,
    /* 0x15 */ DY_CH_SYMBOL,
    /* 0x16 */ DY_CH_SYMBOL,
    /* 0x17 */ DY_CH_SYMBOL,
    /* 0x18 */ DY_CH_SYMBOL,
    /* 0x19 */ DY_CH_SYMBOL,
    /* 0x1a */ DY_CH_SYMBOL,
    /* 0x1b */ DY_CH_SYMBOL,
    /* 0x1c */ DY_CH_SYMBOL,
    /* 0x1d */ DY_CH_SYMBOL,
    /* 0x1e */ DY_CH_SYMBOL,
    /* 0x1f */ DY_CH_SYMBOL,
    /* ' ' */ DY_CH_SPACE,
    /* '!' */ DY_CH_PUNCT|DY_CH_TERM,
    /* '"' */ DY_CH_PUNCT|DY_CH_QUOTE,
    /* '#' */ DY_CH_SYMBOL,
    /* '$' */ DY_CH_SYMBOL,
    /* '%' */ DY_CH_SYMBOL,
    /* '&' */ DY_CH_SYMBOL,
    /* "'" */ DY_CH_PUNCT|DY_CH_QUOTE,
    /* '(' */ DY_CH_PUNCT|DY_CH_OPEN,
    /* ')' */ DY_CH_PUNCT|DY_CH_CLOSE,
    /* '*' */ DY_CH_SYMBOL,
    /* '+' */ DY_CH_SYMBOL,
    /* ',' */ DY_CH_PUNCT,
    /* '-' */ DY_CH_PUNCT|DY_CH_DASH,
    /* '.' */ DY_CH_PUNCT|DY_CH_TERM,
    /* '/' */ DY_CH_PUNCT,
    /* '0' */ DY_CH_DIGIT,
    /* '1' */ DY_CH_DIGIT,
    /* '2' */ DY_CH_DIGIT,
    /* '3' */ DY_CH_DIGIT,
    /* '4' */ DY_CH_DIGIT,
    /* '5' */ DY_CH_DIGIT,
    /* '6' */ DY_CH_DIGIT,
    /* '7' */ DY_CH_DIGIT,
    /* '8' */ DY_CH_DIGIT,
    /* '9' */ DY_CH_DIGIT,
    /* ':' */ DY_CH_PUNCT,
    /* ';' */ DY_CH_PUNCT,
    /* '<' */ DY_CH_SYMBOL,
    /* '=' */ DY_CH_SYMBOL,
    /* '>' */ DY_CH_SYMBOL,
    /* '?' */ DY_CH_PUNCT|DY_CH_TERM,
    /* '@' */ DY_CH_SYMBOL,
    /* 'A' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'B' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'C' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'D' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'E' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'F' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'G' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'H' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'I' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'J' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'K' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'L' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'M' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'N' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'O' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'P' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'Q' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'R' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'S' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'T' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'U' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'V' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'W' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'X' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'Y' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* 'Z' */ DY_CH_UPPER|DY_CH_ALPHA,
    /* '[' */ DY_CH_PUNCT|DY_CH_OPEN,
    /* '\\' */ DY_CH_SYMBOL,
    /* ']' */ DY_CH_PUNCT|DY_CH_CLOSE,
    /* '^' */ DY_CH_SYMBOL,
    /* '_' */ DY_CH_SYMBOL,
    /* '`' */ DY_CH_PUNCT|DY_CH_QUOTE,
    /* 'a' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'b' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'c' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'd' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'e' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'f' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'g' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'h' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'i' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'j' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'k' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'l' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'm' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'n' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'o' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'p' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'q' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'r' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 's' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 't' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'u' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'v' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'w' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'x' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'y' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* 'z' */ DY_CH_LOWER|DY_CH_ALPHA,
    /* '{' */ DY_CH_PUNCT|DY_CH_OPEN,
    /* '|' */ DY_CH_SYMBOL,
    /* '}' */ DY_CH_PUNCT|DY_CH_CLOSE,
    /* '~' */ DY_CH_SYMBOL,
    /* 0x7f */ DY_CH_SYMBOL,
};

int dy_is_closing_quote(int32_t cp) {
    switch (cp) {
    case 0x2019: case 0x201D: case 0x00BB: case 0x203A: case 0x201B: case 0x201F:
        return 1;
    default:
        return 0;
    }
}

int dy_is_opening_quote(int32_t cp) {
    switch (cp) {
    case 0x2018: case 0x201C: case 0x00AB: case 0x2039: case 0x201A: case 0x201E:
        return 1;
    default:
        return 0;
    }
}

int dy_is_joining_hyphen(int32_t cp) {
    /* Em and horizontal-bar dashes are left out on purpose: unspaced em
     * dashes set off clauses ("Kim—who rarely travels—will"), they do not
     * build compounds. */
    return cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013;
}

static unsigned special_flags(int32_t cp) {
    switch (cp) {
    case 0x0085: case 0x2028:
        return DY_CH_SPACE | DY_CH_BREAK;
    case 0x2029:
        return DY_CH_SPACE | DY_CH_BREAK | DY_CH_PARA;
    case 0x00A0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
    case 0x200B: case 0xFEFF:
        return DY_CH_SPACE;
    case 0x2026: /* … */
    case 0x203C: case 0x2047: case 0x2048: case 0x2049: /* ‼ ⁇ ⁈ ⁉ */
    case 0x3002: case 0xFF01: case 0xFF0E: case 0xFF1F: case 0xFF61: /* wide . ! ? */
    case 0x061F: case 0x06D4: case 0x0964: case 0x0965: case 0x037E:
        return DY_CH_PUNCT | DY_CH_TERM;
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x00AB: case 0x00BB: case 0x2039: case 0x203A:
    case 0x2032: case 0x2033: case 0x2035: case 0x00B4: case 0x02BC:
    case 0xFF02: case 0xFF07: case 0x301D: case 0x301E:
        return DY_CH_PUNCT | DY_CH_QUOTE;
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D: case 0x2043:
        return DY_CH_PUNCT | DY_CH_DASH;
    /* Invisible joiners and the soft hyphen sit inside words. */
    case 0x00AD: case 0x200C: case 0x200D: case 0x2060:
        return DY_CH_MARK;
    case DY_REPLACEMENT_CHAR:
        return DY_CH_SYMBOL;
    default:
        return 0;
    }
}

unsigned dy_char_flags_unicode(int32_t cp) {
    if (cp < 0 || cp > 0x10FFFF) return DY_CH_SYMBOL;
    unsigned f = special_flags(cp);
    if (f) return f;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return DY_CH_UPPER | DY_CH_ALPHA;
    case UTF8PROC_CATEGORY_LL:
        return DY_CH_LOWER | DY_CH_ALPHA;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return DY_CH_ALPHA;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return DY_CH_MARK;
    case UTF8PROC_CATEGORY_ND:
        return DY_CH_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
        return DY_CH_SPACE;
    case UTF8PROC_CATEGORY_ZL:
        return DY_CH_SPACE | DY_CH_BREAK;
    case UTF8PROC_CATEGORY_ZP:
        return DY_CH_SPACE | DY_CH_BREAK | DY_CH_PARA;
    case UTF8PROC_CATEGORY_PD:
        return DY_CH_PUNCT | DY_CH_DASH;
    case UTF8PROC_CATEGORY_PS:
        return DY_CH_PUNCT | DY_CH_OPEN;
    case UTF8PROC_CATEGORY_PE:
        return DY_CH_PUNCT | DY_CH_CLOSE;
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
        return DY_CH_PUNCT | DY_CH_QUOTE;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PO:
        return DY_CH_PUNCT;
    default:
        return DY_CH_SYMBOL;
    }
}

int32_t dy_text_cp_multi(const char *text, size_t pos, size_t end, size_t *len) {
    int32_t cp;
    *len = dy_utf8_decode(text + pos, end - pos, &cp);
    return cp < 0 ? DY_REPLACEMENT_CHAR : cp;
}

size_t dy_text_prev(const char *text, size_t lo, size_t pos) {
    size_t q = pos - 1;
    while (q > lo && pos - q < 4 && ((unsigned char)text[q] & 0xC0) == 0x80) q--;
    if (q == pos - 1) return q;
    int32_t cp;
    size_t n = dy_utf8_decode(text + q, pos - q, &cp);
    /* A lead byte never continues another sequence, so a sequence that
     * decodes to exactly [q, pos) is what the forward decoder saw too. */
    if (cp >= 0 && n == pos - q) return q;
    return pos - 1;
}
