/*
 * The text pipeline: article bytes -> sentences -> tokens.
 *
 * Every span is a pair of byte offsets into the article text exactly as the
 * reader produced it. Normalisation (NFC, case folding, curly quotes,
 * dashes, no-break spaces) only ever shows up in a token's `norm`, which is
 * what the dictionaries are matched against; the original bytes are never
 * rewritten, so offsets always slice back to the text the user gave us.
 * Invalid UTF-8 bytes are treated as U+FFFD.
 */
#ifndef DY_TEXT_H
#define DY_TEXT_H
#include "util/arena.h"
#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint32_t start, end;     /* [start, end) into the article text */
} dy_sentence;

typedef enum {
    DY_TOK_WORD = 0,         /* letters, possibly with inner hyphens/apostrophes/dots ("U.S.") */
    DY_TOK_NUMBER,           /* 42, 3.5, 1,000, 2025-09-03 */
    DY_TOK_POSSESSIVE,       /* the 's or ' after a noun: its own token */
    DY_TOK_PUNCT,            /* . , ; : ! ? ( ) quotes dashes ... */
    DY_TOK_SYMBOL            /* anything else ($, %, emoji, U+FFFD) */
} dy_token_kind;

enum {
    DY_TOKF_CAPITAL = 1,     /* first letter upper case in the original */
    DY_TOKF_ALLCAPS = 2,     /* every letter upper case (and more than one letter) */
    DY_TOKF_HYPHEN = 4,      /* word contains an inner hyphen */
    DY_TOKF_SPACE_BEFORE = 8 /* preceded by whitespace (or sentence start) */
};

typedef struct {
    uint32_t start, end;     /* [start, end) into the article text */
    const char *norm;        /* NUL-terminated folded form: NFC, lower case,
                                ' for curly apostrophes, " for curly quotes,
                                - for dashes; in the caller's arena */
    uint32_t norm_len;
    uint8_t kind;            /* dy_token_kind */
    uint8_t flags;           /* DY_TOKF_* */
} dy_token;

/* Split text[0..len) into sentences. Whitespace between sentences belongs to
 * no sentence; a sentence never starts or ends with whitespace. Returns the
 * count; *out is allocated in a. Rules: docs/text-pipeline.md. */
size_t dy_split_sentences(const char *text, size_t len, dy_arena *a, dy_sentence **out);

/* Tokenise text[start..end). Returns the count; *out is allocated in a.
 * Tokens hold no white space, and every other character of the range is in
 * exactly one token. Clitics as in the Penn Treebank: "don't" -> "do" "n't",
 * "can't" -> "ca" "n't", "they're" -> "they" "'re"; "'s" is POSSESSIVE
 * except after it/he/she/that/there/here/what/who/where/when/how/why/let. */
size_t dy_tokenise(const char *text, size_t start, size_t end, dy_arena *a, dy_token **out);

/* A news dateline at text[start..end): "BEIJING (Reuters) -",
 * "WASHINGTON, Sept. 3 (AP) —", "NEW YORK, March 3 -". Returns the offset
 * just past the dateline, its dash and the spaces after them, or start when
 * there is none. The splitter keeps a dateline at the head of the sentence
 * it introduces (it is never a sentence of its own); the coder can use this
 * to skip it, so that the place name is not taken for an actor. */
size_t dy_dateline_end(const char *text, size_t start, size_t end);

/* Fold s[0..n) into the matching form used for token norms and dictionary
 * entries alike (so both sides agree byte for byte). Result in a. */
char *dy_fold(const char *s, size_t n, dy_arena *a, uint32_t *out_len);

#endif
