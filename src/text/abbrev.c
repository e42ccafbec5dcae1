/* The abbreviation and sentence-starter lists, searched by binary search
 * on the lower-cased word (the tables are kept sorted; a unit test checks). */
#include "text/abbrev.h"
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *key;    /* lower case, without the final full stop */
    unsigned char kind; /* dy_abbr_kind */
    unsigned char capitalised_only;
} abbrev_entry;

static const abbrev_entry abbrevs[] = {
    {"a.m", DY_ABBR_FINAL, 0},
    {"adm", DY_ABBR_PREFIX, 1},
    {"al", DY_ABBR_FINAL, 0},
    {"ala", DY_ABBR_FINAL, 1},
    {"amb", DY_ABBR_PREFIX, 1},
    {"approx", DY_ABBR_PREFIX, 0},
    {"apr", DY_ABBR_FINAL, 1},
    {"ariz", DY_ABBR_FINAL, 1},
    {"ark", DY_ABBR_FINAL, 1},
    {"art", DY_ABBR_NUMBER, 0},
    {"arts", DY_ABBR_NUMBER, 0},
    {"assn", DY_ABBR_FINAL, 1},
    {"atty", DY_ABBR_PREFIX, 1},
    {"aug", DY_ABBR_FINAL, 1},
    {"ave", DY_ABBR_FINAL, 1},
    {"b.a", DY_ABBR_FINAL, 0},
    {"blvd", DY_ABBR_FINAL, 1},
    {"brig", DY_ABBR_PREFIX, 1},
    {"bros", DY_ABBR_FINAL, 1},
    {"ca", DY_ABBR_PREFIX, 0},
    {"calif", DY_ABBR_FINAL, 1},
    {"capt", DY_ABBR_PREFIX, 1},
    {"cdr", DY_ABBR_PREFIX, 1},
    {"cf", DY_ABBR_PREFIX, 0},
    {"ch", DY_ABBR_NUMBER, 0},
    {"cmdr", DY_ABBR_PREFIX, 1},
    {"co", DY_ABBR_FINAL, 1},
    {"col", DY_ABBR_PREFIX, 1},
    {"colo", DY_ABBR_FINAL, 1},
    {"comdr", DY_ABBR_PREFIX, 1},
    {"conn", DY_ABBR_FINAL, 1},
    {"corp", DY_ABBR_FINAL, 1},
    {"cos", DY_ABBR_FINAL, 1},
    {"cpl", DY_ABBR_PREFIX, 1},
    {"cpt", DY_ABBR_PREFIX, 1},
    {"d.c", DY_ABBR_FINAL, 0},
    {"dec", DY_ABBR_FINAL, 1},
    {"del", DY_ABBR_FINAL, 1},
    {"dept", DY_ABBR_FINAL, 1},
    {"det", DY_ABBR_PREFIX, 1},
    {"dr", DY_ABBR_PREFIX, 1},
    {"drs", DY_ABBR_PREFIX, 1},
    {"e.g", DY_ABBR_PREFIX, 0},
    {"e.u", DY_ABBR_FINAL, 0},
    {"esp", DY_ABBR_PREFIX, 0},
    {"etc", DY_ABBR_FINAL, 0},
    {"feb", DY_ABBR_FINAL, 1},
    {"fig", DY_ABBR_NUMBER, 0},
    {"figs", DY_ABBR_NUMBER, 0},
    {"fla", DY_ABBR_FINAL, 1},
    {"fr", DY_ABBR_PREFIX, 1},
    {"ft", DY_ABBR_FINAL, 1},
    {"ga", DY_ABBR_FINAL, 1},
    {"gen", DY_ABBR_PREFIX, 1},
    {"gens", DY_ABBR_PREFIX, 1},
    {"gov", DY_ABBR_PREFIX, 1},
    {"gov.gen", DY_ABBR_PREFIX, 1},
    {"govt", DY_ABBR_FINAL, 1},
    {"hon", DY_ABBR_PREFIX, 1},
    {"i.e", DY_ABBR_PREFIX, 0},
    {"ill", DY_ABBR_FINAL, 1},
    {"inc", DY_ABBR_FINAL, 1},
    {"incl", DY_ABBR_PREFIX, 0},
    {"ind", DY_ABBR_FINAL, 1},
    {"insp", DY_ABBR_PREFIX, 1},
    {"intl", DY_ABBR_FINAL, 1},
    {"jan", DY_ABBR_FINAL, 1},
    {"jr", DY_ABBR_FINAL, 1},
    {"jul", DY_ABBR_FINAL, 1},
    {"jun", DY_ABBR_FINAL, 1},
    {"kan", DY_ABBR_FINAL, 1},
    {"kans", DY_ABBR_FINAL, 1},
    {"ky", DY_ABBR_FINAL, 1},
    {"la", DY_ABBR_FINAL, 1},
    {"lieut", DY_ABBR_PREFIX, 1},
    {"lt", DY_ABBR_PREFIX, 1},
    {"ltd", DY_ABBR_FINAL, 1},
    {"m.a", DY_ABBR_FINAL, 0},
    {"m.d", DY_ABBR_FINAL, 0},
    {"maj", DY_ABBR_PREFIX, 1},
    {"mar", DY_ABBR_FINAL, 1},
    {"mass", DY_ABBR_FINAL, 1},
    {"md", DY_ABBR_FINAL, 1},
    {"messrs", DY_ABBR_PREFIX, 1},
    {"mfg", DY_ABBR_FINAL, 1},
    {"mich", DY_ABBR_FINAL, 1},
    {"minn", DY_ABBR_FINAL, 1},
    {"miss", DY_ABBR_FINAL, 1},
    {"mlle", DY_ABBR_PREFIX, 1},
    {"mme", DY_ABBR_PREFIX, 1},
    {"mmes", DY_ABBR_PREFIX, 1},
    {"mo", DY_ABBR_FINAL, 1},
    {"mont", DY_ABBR_FINAL, 1},
    {"mr", DY_ABBR_PREFIX, 1},
    {"mrs", DY_ABBR_PREFIX, 1},
    {"ms", DY_ABBR_PREFIX, 1},
    {"msgr", DY_ABBR_PREFIX, 1},
    {"mt", DY_ABBR_FINAL, 1},
    {"natl", DY_ABBR_FINAL, 1},
    {"neb", DY_ABBR_FINAL, 1},
    {"nebr", DY_ABBR_FINAL, 1},
    {"nev", DY_ABBR_FINAL, 1},
    {"no", DY_ABBR_NUMBER, 0},
    {"nos", DY_ABBR_NUMBER, 0},
    {"nov", DY_ABBR_FINAL, 1},
    {"oct", DY_ABBR_FINAL, 1},
    {"okla", DY_ABBR_FINAL, 1},
    {"ore", DY_ABBR_FINAL, 1},
    {"p.m", DY_ABBR_FINAL, 0},
    {"pa", DY_ABBR_FINAL, 1},
    {"para", DY_ABBR_NUMBER, 0},
    {"pfc", DY_ABBR_PREFIX, 1},
    {"ph.d", DY_ABBR_FINAL, 0},
    {"plc", DY_ABBR_FINAL, 1},
    {"pp", DY_ABBR_NUMBER, 0},
    {"pres", DY_ABBR_PREFIX, 1},
    {"prof", DY_ABBR_PREFIX, 1},
    {"profs", DY_ABBR_PREFIX, 1},
    {"pvt", DY_ABBR_PREFIX, 1},
    {"rd", DY_ABBR_FINAL, 1},
    {"rep", DY_ABBR_PREFIX, 1},
    {"reps", DY_ABBR_PREFIX, 1},
    {"rev", DY_ABBR_PREFIX, 1},
    {"rt", DY_ABBR_PREFIX, 1},
    {"sec", DY_ABBR_NUMBER, 0},
    {"sen", DY_ABBR_PREFIX, 1},
    {"sens", DY_ABBR_PREFIX, 1},
    {"sep", DY_ABBR_FINAL, 1},
    {"sept", DY_ABBR_FINAL, 1},
    {"sgt", DY_ABBR_PREFIX, 1},
    {"spc", DY_ABBR_PREFIX, 1},
    {"sr", DY_ABBR_FINAL, 1},
    {"st", DY_ABBR_FINAL, 1},
    {"supt", DY_ABBR_PREFIX, 1},
    {"tel", DY_ABBR_NUMBER, 0},
    {"tenn", DY_ABBR_FINAL, 1},
    {"tex", DY_ABBR_FINAL, 1},
    {"u.k", DY_ABBR_FINAL, 0},
    {"u.n", DY_ABBR_FINAL, 0},
    {"u.s", DY_ABBR_FINAL, 0},
    {"u.s.a", DY_ABBR_FINAL, 0},
    {"u.s.s.r", DY_ABBR_FINAL, 0},
    {"univ", DY_ABBR_FINAL, 1},
    {"va", DY_ABBR_FINAL, 1},
    {"viz", DY_ABBR_PREFIX, 0},
    {"vol", DY_ABBR_NUMBER, 0},
    {"vols", DY_ABBR_NUMBER, 0},
    {"vs", DY_ABBR_PREFIX, 0},
    {"vt", DY_ABBR_FINAL, 1},
    {"wash", DY_ABBR_FINAL, 1},
    {"wis", DY_ABBR_FINAL, 1},
    {"wyo", DY_ABBR_FINAL, 1},
};

static const char *const starters[] = {
    "a",
    "after",
    "all",
    "also",
    "although",
    "among",
    "an",
    "as",
    "at",
    "because",
    "before",
    "between",
    "both",
    "but",
    "by",
    "despite",
    "dr",
    "during",
    "each",
    "earlier",
    "eight",
    "every",
    "five",
    "for",
    "four",
    "from",
    "furthermore",
    "he",
    "her",
    "here",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "instead",
    "it",
    "its",
    "last",
    "later",
    "many",
    "meanwhile",
    "moreover",
    "most",
    "mr",
    "mrs",
    "ms",
    "my",
    "nevertheless",
    "nine",
    "no",
    "none",
    "not",
    "now",
    "on",
    "one",
    "other",
    "others",
    "our",
    "over",
    "seven",
    "several",
    "she",
    "since",
    "six",
    "so",
    "some",
    "still",
    "such",
    "ten",
    "that",
    "the",
    "their",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "three",
    "thus",
    "to",
    "today",
    "tomorrow",
    "two",
    "under",
    "we",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "with",
    "without",
    "yesterday",
    "yet",
    "you",
    "your",
};

enum { MAX_KEY = 16 };

/* Lower-case ASCII copy; returns 0 when the word cannot be a key. */
static int lower_key(const char *w, size_t n, char *out) {
    if (n == 0 || n >= MAX_KEY) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 0x80) return 0;
        out[i] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
    out[n] = 0;
    return 1;
}

static int cmp_abbrev(const void *k, const void *e) {
    return strcmp((const char *)k, ((const abbrev_entry *)e)->key);
}

static int cmp_starter(const void *k, const void *e) {
    return strcmp((const char *)k, *(const char *const *)e);
}

dy_abbr_kind dy_abbrev_kind(const char *word, size_t n) {
    char key[MAX_KEY];
    if (!lower_key(word, n, key)) return DY_ABBR_NONE;
    const abbrev_entry *e =
        bsearch(key, abbrevs, sizeof abbrevs / sizeof abbrevs[0], sizeof abbrevs[0], cmp_abbrev);
    if (!e) return DY_ABBR_NONE;
    if (e->capitalised_only && !(word[0] >= 'A' && word[0] <= 'Z')) return DY_ABBR_NONE;
    return (dy_abbr_kind)e->kind;
}

int dy_is_initialism(const char *word, size_t n) {
    size_t seg = 0, segments = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)word[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
            if (++seg > 2) return 0;
        } else if (c == '.') {
            if (seg == 0) return 0;
            seg = 0;
            segments++;
        } else {
            return 0;
        }
    }
    return seg > 0 && segments >= 1;
}

int dy_is_sentence_starter(const char *word, size_t n) {
    char key[MAX_KEY];
    if (!(n > 0 && word[0] >= 'A' && word[0] <= 'Z')) return 0;
    if (!lower_key(word, n, key)) return 0;
    return bsearch(key, starters, sizeof starters / sizeof starters[0], sizeof starters[0],
                   cmp_starter) != NULL;
}

size_t dy_abbrev_table_size(void) { return sizeof abbrevs / sizeof abbrevs[0]; }
const char *dy_abbrev_table_key(size_t i) { return abbrevs[i].key; }
size_t dy_starter_table_size(void) { return sizeof starters / sizeof starters[0]; }
const char *dy_starter_table_key(size_t i) { return starters[i]; }
