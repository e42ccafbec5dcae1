/*
 * Abbreviations and sentence-starting words: what the sentence splitter
 * needs to know about the word in front of a full stop and the word after
 * it. Internal to src/text. The lists are our own, written for English news.
 */
#ifndef DY_ABBREV_H
#define DY_ABBREV_H
#include <stddef.h>

typedef enum {
    DY_ABBR_NONE = 0,
    DY_ABBR_PREFIX, /* stands before a name or phrase, never ends a sentence: Mr. Gen. e.g. vs. */
    DY_ABBR_FINAL,  /* may end a sentence: Inc. Jr. U.S. Jan. a.m. etc. */
    DY_ABBR_NUMBER  /* an abbreviation only before a number: No. 5, Art. 3, pp. 12 */
} dy_abbr_kind;

/* word[0..n) is the word before the full stop, without it ("U.S" for
 * "U.S."). Listed capitalised entries (titles, months, states) only match
 * with an upper-case first letter, so "ill." and "mar." stay words. */
dy_abbr_kind dy_abbrev_kind(const char *word, size_t n);

/* Letters and full stops alternating, with at least one inner stop:
 * "U.S", "e.g", "Ph.D", "N.Y". */
int dy_is_initialism(const char *word, size_t n);

/* A capitalised word that usually starts a sentence ("The", "He", "But"):
 * after an abbreviation that may end a sentence, such a word means it did. */
int dy_is_sentence_starter(const char *word, size_t n);

/* Entries in sorted order; exposed for a test that checks the order. */
size_t dy_abbrev_table_size(void);
const char *dy_abbrev_table_key(size_t i);
size_t dy_starter_table_size(void);
const char *dy_starter_table_key(size_t i);

#endif
