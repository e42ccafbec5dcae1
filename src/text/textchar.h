/*
 * Character classes shared by the sentence splitter and the tokeniser.
 * Internal to src/text: both must agree on what a space, a letter, a quote
 * or a dash is, or token offsets could fall outside their sentence.
 */
#ifndef DY_TEXTCHAR_H
#define DY_TEXTCHAR_H
#include <stddef.h>
#include <stdint.h>

enum {
    DY_CH_SPACE = 1,      /* any white space, line breaks included */
    DY_CH_BREAK = 2,      /* a line break: \n, \r, NEL, LS (PS is a paragraph break) */
    DY_CH_UPPER = 4,      /* upper or title case letter */
    DY_CH_LOWER = 8,
    DY_CH_ALPHA = 16,     /* any letter, cased or not */
    DY_CH_DIGIT = 32,     /* decimal digit */
    DY_CH_MARK = 64,      /* combining mark: continues the word before it */
    DY_CH_PUNCT = 128,
    DY_CH_SYMBOL = 256,   /* symbols, controls, unassigned, U+FFFD */
    DY_CH_DASH = 512,     /* hyphens and dashes */
    DY_CH_QUOTE = 1024,   /* straight or typographic quote or apostrophe */
    DY_CH_OPEN = 2048,    /* opening bracket */
    DY_CH_CLOSE = 4096,   /* closing bracket */
    DY_CH_TERM = 8192,    /* sentence end mark: . ? ! and their wide forms, ellipsis */
    DY_CH_PARA = 16384    /* paragraph break: U+2029, form feed */
};

#define DY_REPLACEMENT_CHAR 0xFFFD

extern const uint16_t dy_ascii_char_flags[128];
unsigned dy_char_flags_unicode(int32_t cp);

static inline unsigned dy_char_flags(int32_t cp) {
    return cp >= 0 && cp < 0x80 ? dy_ascii_char_flags[cp] : dy_char_flags_unicode(cp);
}

int32_t dy_text_cp_multi(const char *text, size_t pos, size_t end, size_t *len);

/* Decode the code point at text[pos] (pos < end); invalid bytes come back
 * as U+FFFD with *len = 1. */
static inline int32_t dy_text_cp(const char *text, size_t pos, size_t end, size_t *len) {
    unsigned char c = (unsigned char)text[pos];
    if (c < 0x80) {
        *len = 1;
        return c;
    }
    return dy_text_cp_multi(text, pos, end, len);
}

/* The start of the code point that ends just before pos (pos > lo). Invalid
 * bytes count as one character each, exactly as the forward decoder sees
 * them. */
size_t dy_text_prev(const char *text, size_t lo, size_t pos);

/* Quote characters that can only close (’ ” ») or only open (‘ “ «); the
 * straight ones are ambiguous and belong to neither. */
int dy_is_closing_quote(int32_t cp);
int dy_is_opening_quote(int32_t cp);
/* Hyphens that may join two words into one token ("Korea-China"). */
int dy_is_joining_hyphen(int32_t cp);
/* The ellipsis character U+2026. */
#define DY_ELLIPSIS 0x2026

#endif
