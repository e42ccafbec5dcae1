/*
 * The compiled dictionary: what the coder reads.
 *
 * A dyad_dict is built once by a loader (native, TABARI, PETRARCH-1,
 * PETRARCH-2), then never changes: every pointer below points into memory the
 * dictionary owns, and every function here is a pure read, so any number of
 * threads may share one dictionary without locks.
 *
 * Words. Every dictionary word is folded with dy_fold() (text/text.h), the
 * same folding the tokeniser gives token norms, and interned: a word is a
 * dy_word id, 0 meaning "not in this dictionary". A token is matched by id,
 * never by string compare. TABARI also matches stems (a dictionary word is a
 * prefix of the token) and regular endings (-s, -ed, -ing... after a whole
 * word); so that the coder need not know those rules, a token is first
 * resolved once into a dy_dict_tok (its exact id plus the ids of the
 * dictionary words it extends) and the match functions take arrays of those.
 *
 * Phrases. Actors, agents, verb forms, nouns, adjectives, discards and issue
 * phrases live in word tries; a match is always the longest one that starts
 * at the given token (ties: exact words beat endings beat stems).
 *
 * Provenance. Every entry carries the dictionary file name (as the loader
 * opened it, or "builtin:actors/x.dyd" for an embedded dict/ file) and its
 * 1-based line, for --explain.
 *
 * Dates are day numbers (days since 1970-01-01, proleptic Gregorian) so a
 * restriction is two integer compares; DY_DAY_NONE is "no date known".
 */
#ifndef DY_DICT_H
#define DY_DICT_H

#include "dyad.h"
#include <stddef.h>
#include <stdint.h>

/* ---------------------------------------------------------------- families */

/* Where an entry came from decides its semantics (date rule, stems, pattern
 * language, pattern order). */
typedef enum {
    DY_FAM_NATIVE = 0,
    DY_FAM_TABARI = 1,
    DY_FAM_PETRARCH1 = 2,
    DY_FAM_PETRARCH2 = 3
} dy_family;

const char *dy_family_name(dy_family f); /* "native", "tabari", "petrarch1", "petrarch2" */

/* One file as the loaders see it; also what dy_dict_load_memory() parses. */
typedef enum {
    DY_FMT_AUTO = 0,         /* decide from the name and the first lines */
    DY_FMT_NATIVE,           /* .dyd (a manifest is just a .dyd with includes) */
    DY_FMT_TABARI_PROJECT,   /* .project: names the other files */
    DY_FMT_TABARI_ACTORS,
    DY_FMT_TABARI_AGENTS,
    DY_FMT_TABARI_VERBS,
    DY_FMT_TABARI_OPTIONS,
    DY_FMT_PETRARCH_CONFIG,  /* PETR_config.ini: names the other files */
    DY_FMT_PETRARCH_ACTORS,  /* PETRARCH-1 and -2 actor files are the same format */
    DY_FMT_PETRARCH_AGENTS,
    DY_FMT_PETRARCH1_VERBS,  /* TABARI-like word-sequence patterns */
    DY_FMT_PETRARCH2_VERBS,  /* CAMEO.2.0: phrase patterns */
    DY_FMT_PETRARCH_DISCARDS,
    DY_FMT_PETRARCH_ISSUES
} dy_dict_format;

const char *dy_dict_format_name(dy_dict_format f);
/* What a file is, from its name and content (DY_FMT_AUTO: cannot tell). */
dy_dict_format dy_dict_detect(const char *name, const char *data, size_t len);

/* ---------------------------------------------------------------- dates */

/* Day numbers, DY_DAY_NONE/MIN/MAX and dy_day_parse/format: util/date.h. */
#include "util/date.h"

/* ---------------------------------------------------------------- words and tokens */

typedef uint32_t dy_word; /* 0: not in the dictionary */

/* Exact lookup of a folded token norm (as dy_tokenise gives it). */
dy_word dy_dict_word(const dyad_dict *d, const char *norm, size_t len);
/* The folded text of a word id ("" for 0 or an unknown id). */
const char *dy_dict_word_text(const dyad_dict *d, dy_word w);

#define DY_TOK_MAX_EXT 6

/* How a token may stand for a dictionary word that is not exactly it. */
typedef struct {
    dy_word word;        /* a dictionary word that is a proper prefix of the token */
    uint8_t rest;        /* bytes of the token after that prefix */
    uint8_t ending;      /* DY_END_* bits the rest qualifies as (0: only a stem can use it) */
} dy_tok_ext;

enum {
    DY_END_NOUN = 1,     /* rest is "s" or "es" (TABARI noun/actor/agent ending) */
    DY_END_VERB = 2      /* rest is "s", "es", "ed", "en" or "ing" (TABARI verb ending) */
};

/* A token resolved against one dictionary. Build one per token per sentence
 * with dy_dict_tok_resolve(); it holds no pointers into the token. */
typedef struct {
    dy_word word;                      /* exact id, 0 when unknown */
    uint8_t next;                      /* entries used in ext[] */
    uint8_t starts;                    /* dictionary-internal bits: the kinds of phrase that can
                                          start at this token (0: none, so no match starts here) */
    dy_tok_ext ext[DY_TOK_MAX_EXT];    /* longest prefix first; only for stem/ending words */
} dy_dict_tok;

/* Cheap: one hash lookup, plus one per prefix when the dictionary has stems
 * or ending-words at all (PETRARCH and native dictionaries without stems pay
 * nothing more). Never allocates. */
/* A hint that the word will be resolved soon: its vocabulary slot is
 * fetched into the cache (no effect on results). */
void dy_dict_prefetch_word(const dyad_dict *d, const char *norm, size_t len);

void dy_dict_tok_resolve(const dyad_dict *d, const char *norm, size_t len, dy_dict_tok *out);

/* How one dictionary word is allowed to match a token. */
typedef enum {
    DY_MATCH_EXACT = 0,  /* the whole token (TABARI "WORD_", PETRARCH, native) */
    DY_MATCH_STEM = 1,   /* any token starting with the word (TABARI "WORD", native "word~") */
    DY_MATCH_NOUN = 2,   /* the word, or the word + a noun ending (TABARI "WORD_" last word of an actor/agent/noun) */
    DY_MATCH_VERB = 3    /* the word, or the word + a verb ending (TABARI "WORD_" verb) */
} dy_match_mode;

/* Does token t match dictionary word w under mode m? (What the tries use;
 * exposed for pattern elements, whose matching calls it per element and
 * position: inline.) */
static inline int dy_dict_tok_matches(const dy_dict_tok *t, dy_word w, dy_match_mode m) {
    if (!w) return 0;
    if (t->word == w) return 1;
    if (m == DY_MATCH_EXACT) return 0;
    for (unsigned i = 0; i < t->next; i++) {
        if (t->ext[i].word != w) continue;
        if (m == DY_MATCH_STEM) return 1;
        if (m == DY_MATCH_NOUN && (t->ext[i].ending & DY_END_NOUN)) return 1;
        if (m == DY_MATCH_VERB && (t->ext[i].ending & DY_END_VERB)) return 1;
    }
    return 0;
}

/* ---------------------------------------------------------------- codes */

enum {
    DY_CODE_NULL = 1,        /* "---": no event / no actor */
    DY_CODE_DISCARD = 2,     /* "###": discard the sentence */
    DY_CODE_COMPLEX = 4,     /* "+++": the sentence is complex */
    DY_CODE_PAIRED = 8,      /* "A:B" (either side may be empty) */
    DY_CODE_SUBORDINATE = 16,/* "A?": only when the sentence has no other event */
    DY_CODE_DOMINANT = 32,   /* "A!" */
    DY_CODE_BAD = 64         /* unparseable; loader already reported it */
};

/* An event code as written in a verb dictionary. Strings are never NULL. */
typedef struct {
    const char *text;        /* between the brackets, trimmed: "042:043", "---", "080!" */
    const char *active;      /* "042"; "" when only a passive is given (":173") or for --- ### +++ */
    const char *passive;     /* "043" or "" */
    uint8_t flags;           /* DY_CODE_* */
} dy_code;

/* ---------------------------------------------------------------- actors */

enum {
    DY_ACODE_NULL = 1,       /* "---" */
    DY_ACODE_DISCARD = 2,    /* "###" (TABARI: discard the sentence) */
    DY_ACODE_COMPLEX = 4,    /* "+++" */
    DY_ACODE_COMPOUND = 8,   /* TABARI "ELR/GAL": several actors at once (code holds the '/') */
    DY_ACODE_CAPITAL = 16,   /* native `capital`: CODE+"GOV" as a speaker, CODE otherwise */
    DY_ACODE_BADDATE = 32    /* PETRARCH-2 stops its walk at this entry (malformed date) */
};

/* One (code, date range) pair of an actor phrase. */
typedef struct {
    const char *code;        /* "PRKGOV", "---", "###", "+++", "ELR/GAL" */
    int32_t from, to;        /* inclusive day numbers; DY_DAY_MIN / DY_DAY_MAX when open */
    uint8_t dated;           /* 0: the undated default */
    uint8_t flags;           /* DY_ACODE_* */
    uint8_t family;          /* dy_family of the file it came from */
    const char *file;
    uint32_t line;
} dy_actor_code;

/* Everything one actor phrase gets: the codes of every record naming it, in
 * file order (records naming the same phrase are concatenated, as all peers do). */
typedef struct {
    const dy_actor_code *codes;
    uint32_t ncodes;
    const char *root;        /* first phrase of the record (PETRARCH write_actor_root; TABARI parent) */
} dy_actor_entry;

typedef struct {
    uint32_t start, end;     /* tokens [start, end) */
    const dy_actor_entry *entry;
} dy_actor_hit;

/* Longest actor phrase starting exactly at toks[i] (toks[0..n) is the span
 * the coder allows, e.g. a clause). Returns tokens covered (end - i), 0 when
 * none. A TABARI phrase with a blank (not '_') between two words allows other
 * tokens in between, within toks[0..n). */
size_t dy_dict_actor_match(const dyad_dict *d, const dy_dict_tok *toks, size_t n, size_t i,
                           dy_actor_hit *out);

typedef enum {
    DY_DATE_RULE_DEFAULT = 0,   /* by the family of the first code of the entry */
    DY_DATE_RULE_FIRST = 1,     /* PETRARCH-2 [impl]: the first code whose restriction holds
                                   (an undated one always holds; a malformed date stops the walk) */
    DY_DATE_RULE_FALLBACK = 2,  /* TABARI, PETRARCH-1, native: a dated code that holds wins; the
                                   undated default only when none does */
} dy_date_rule;

/* The codes a phrase gets on `day`. Writes at most max pointers to out and
 * returns how many codes apply (may exceed max). FIRST gives at most one;
 * FALLBACK gives every dated code that holds, else every undated one (TABARI
 * dictionaries have one of each per phrase, so one code in practice; native
 * entries may deliberately give a person two roles at once).
 * day == DY_DAY_NONE: the undated codes; if there are none, the code with
 * the latest `to` (the most recent role). "---"/"###"/"+++" are returned as
 * is (check flags). */
size_t dy_dict_actor_codes_on(const dy_actor_entry *e, int32_t day, dy_date_rule rule,
                              const dy_actor_code **out, size_t max);

/* Convenience: first code on a "YYYY-MM-DD"/"YYYYMMDD" date (NULL/"" = none);
 * NULL when no code applies. */
const dy_actor_code *dy_dict_actor_code_on(const dy_actor_entry *e, const char *date,
                                           dy_date_rule rule);

/* ---------------------------------------------------------------- agents */

typedef struct {
    const char *text;        /* as written, trimmed: "~GOV", "NGO~" */
    const char *code;        /* without the '~': "GOV", "NGO" */
    uint8_t prefix;          /* 1: "NGO~" goes before the actor code (TABARI); 0: suffix */
    uint8_t family;
    const char *file;
    uint32_t line;
} dy_agent_entry;

typedef struct {
    uint32_t start, end;
    const dy_agent_entry *entry;
} dy_agent_hit;

/* Longest agent phrase at toks[i]; plurals are in the trie already (PETRARCH
 * generated/explicit {plural}; TABARI by DY_MATCH_NOUN endings; native listed). */
size_t dy_dict_agent_match(const dyad_dict *d, const dy_dict_tok *toks, size_t n, size_t i,
                           dy_agent_hit *out);

/* ---------------------------------------------------------------- word classes (TABARI) */

typedef enum {
    DY_CLASS_NOUN = 0,       /* TABARI <NOUN> */
    DY_CLASS_ADJECTIVE = 1,  /* TABARI <ADJECTIVE> */
    DY_CLASS_COUNT
} dy_word_class;

typedef struct {
    uint8_t cls;             /* dy_word_class */
    const char *file;
    uint32_t line;
} dy_class_entry;

/* Longest <NOUN>/<ADJECTIVE> phrase at toks[i]; 0 when none. */
size_t dy_dict_class_match(const dyad_dict *d, dy_word_class cls, const dy_dict_tok *toks,
                           size_t n, size_t i, const dy_class_entry **out);

/* TABARI <TIME> entries ("LAST_WEEK [-7]"): parsed and kept, day shift or a code. */
typedef struct {
    const char *phrase;      /* folded, words separated by ' ' */
    const char *code;        /* as written: "-7", "+30", "###", "+++", "---" */
    int32_t shift;           /* days; 0 when code is a special code */
    const char *file;
    uint32_t line;
} dy_time_entry;

/* ---------------------------------------------------------------- synsets */

typedef struct dy_pat_elem dy_pat_elem;

/* A sequence of pattern elements (a pattern half, an alternative, a synset
 * member, the words of a noun phrase). */
typedef struct {
    const dy_pat_elem *elems;
    uint32_t n;
} dy_pat_seq;

typedef struct {
    const char *name;        /* with the '&': "&CURRENCY" */
    const dy_pat_seq *members; /* each member a word sequence (may hold nested synsets in TABARI;
                                  PETRARCH-2 multi-word members are one DY_PE_NP element);
                                  plurals the family generates are extra members */
    uint32_t nmembers;
    uint8_t family;
    const char *file;
    uint32_t line;
} dy_synset;

/* NULL when undefined. name with or without the leading '&'. */
const dy_synset *dy_dict_synset(const dyad_dict *d, const char *name);

/* ---------------------------------------------------------------- verbs and patterns */

typedef enum {
    /* word-sequence patterns (TABARI, PETRARCH-1, native `pattern`) */
    DY_PE_WORD = 0,      /* word: matched by `mode` */
    DY_PE_VERB,          /* '*' */
    DY_PE_SOURCE,        /* '$' */
    DY_PE_TARGET,        /* '+' */
    DY_PE_COMPOUND,      /* '%' */
    DY_PE_SKIP,          /* '^': skip one actor (word-seq) / one noun phrase (phrase pattern) */
    DY_PE_SYNSET,        /* &NAME: any member (synset may be NULL: undefined, never matches) */
    DY_PE_ALT,           /* { a | b }: any of alts[0..nalts) (TABARI) */
    /* phrase patterns (PETRARCH-2 CAMEO.2.0, native `npattern`) */
    DY_PE_NP_HEAD,       /* bare word: the head of a noun phrase (word/mode, or synset if set) */
    DY_PE_NP,            /* {a b head}: sub = the words, last one is the head */
    DY_PE_PP,            /* (prep ...): word = the preposition, sub = nouns / NPs inside */
    DY_PE_LITERAL        /* PETRARCH-2 dead legacy token ($ + % '/'): stored, never matches */
} dy_pat_kind;

struct dy_pat_elem {
    uint8_t kind;            /* dy_pat_kind */
    uint8_t mode;            /* dy_match_mode, for words */
    uint8_t join_next;       /* '_': the next element must follow immediately (incl. the verb) */
    dy_word word;            /* DY_PE_WORD / NP_HEAD / PP preposition; 0 = word not in vocabulary */
    const char *text;        /* folded text as written ("negotiat" for a stem, "&currency", "$") */
    const dy_synset *synset; /* DY_PE_SYNSET, or NP_HEAD given as a synset */
    dy_pat_seq sub;          /* DY_PE_NP / DY_PE_PP contents */
    const dy_pat_seq *alts;  /* DY_PE_ALT */
    uint32_t nalts;
};

enum {
    DY_PAT_PHRASE = 1,       /* phrase (PETRARCH-2) pattern rather than a word sequence */
    DY_PAT_DEAD = 2,         /* can never match in its family (PETRARCH-2 legacy tokens, undefined synset) */
    DY_PAT_VERB_JOIN = 4     /* '*_': the first post element must follow the verb immediately */
};

typedef struct {
    dy_pat_seq pre;          /* before the verb, text order; the last may have join_next (IN_*) */
    dy_pat_seq post;         /* after the verb, text order */
    dy_code code;
    uint32_t length;         /* TABARI order key: alphanumeric characters, tokens not counted */
    uint8_t flags;           /* DY_PAT_* */
    const char *text;        /* the pattern as written, trimmed, without the code and comment */
    const char *file;
    uint32_t line;
} dy_pattern;

/* A verb block: PETRARCH "--- MEANING [CODE] ---" with its verbs and
 * patterns; a TABARI verb root with its forms and patterns; a native `verb`. */
typedef struct {
    const char *name;        /* MEANING / the root as written */
    dy_code code;            /* block code (default for forms without their own) */
    const dy_pattern *patterns; /* in the order the family tries them: TABARI/PETRARCH-1/native
                                   longest-first by `length` (stable), PETRARCH-2 file order
                                   (its trie already prefers longer matches) */
    uint32_t npatterns;
    uint8_t family;
    const char *file;
    uint32_t line;
} dy_verb_block;

/* One verb form ("visited", "cordon off", "wire tap"). */
typedef struct {
    const dy_verb_block *block;
    dy_code code;            /* its own code, else the block's */
    uint8_t own_code;        /* 1 when the line gave its own [code] */
    uint8_t verb_word;       /* index of the verb word within the form's words (front words before it) */
    uint8_t nwords;
    uint8_t family;
    const char *file;
    uint32_t line;
} dy_verb_form;

typedef struct {
    uint32_t start, end;     /* tokens [start, end) of the whole form */
    uint32_t verb;           /* token index of the verb word */
    const dy_verb_form *form;
} dy_verb_hit;

/* Longest verb form beginning at toks[i] (a multi-word form with front words
 * begins at its first front word). 0 when none. */
size_t dy_dict_verb_match(const dyad_dict *d, const dy_dict_tok *toks, size_t n, size_t i,
                          dy_verb_hit *out);

/* Verb blocks, for iteration (stats, convert). */
size_t dy_dict_verb_block_count(const dyad_dict *d);
const dy_verb_block *dy_dict_verb_block(const dyad_dict *d, size_t i);

/* A transformation: a verb governing another coded as one event.
 * PETRARCH-2 ("~ a (a b ATTACK) SAY = a b 015") names both verbs by a word
 * whose dictionary code is meant; the native format ("transform SAY: a
 * (a b 190) -> a b 015") names the upper verb by its block and the lower
 * one by its code. Kept parsed into tokens for the coder. */
typedef struct {
    const char *upper_source, *lower_source, *lower_target; /* "a", ".", "_" ... */
    const char *lower_verb, *upper_verb;                    /* "ATTACK"/"190", "Q", "SAY" as written */
    const char *out_source, *out_target, *out_code;
    const char *file;
    uint32_t line;
    uint8_t family;          /* DY_FAM_PETRARCH2 or DY_FAM_NATIVE: how the verbs are named */
} dy_transform;

/* ---------------------------------------------------------------- discards and issues */

typedef struct {
    uint8_t story;           /* 1: drop the whole article; 0: drop the sentence */
    const char *file;
    uint32_t line;
} dy_discard_entry;

/* Longest discard phrase at toks[i] (story and sentence discards in one trie). */
size_t dy_dict_discard_match(const dyad_dict *d, const dy_dict_tok *toks, size_t n, size_t i,
                             const dy_discard_entry **out);

enum { DY_ISSUE_CODE = 0, DY_ISSUE_IGNORE_SENTENCE = 1, DY_ISSUE_IGNORE_STORY = 2 };

typedef struct {
    const char *code;        /* issue code ("" for ignore entries) */
    uint8_t kind;            /* DY_ISSUE_* */
    const char *file;
    uint32_t line;
} dy_issue_entry;

size_t dy_dict_issue_match(const dyad_dict *d, const dy_dict_tok *toks, size_t n, size_t i,
                           const dy_issue_entry **out);

/* ---------------------------------------------------------------- options */

enum { DY_CODE_BY_CLAUSE = 0, DY_CODE_BY_SENTENCE = 1, DY_CODE_BY_ALL = 2 };
enum { DY_NONEVENTS_FALSE = 0, DY_NONEVENTS_TRUE = 1, DY_NONEVENTS_ONLY = 2 };
enum {
    DY_CPLX_NOACTPRIOR = 1, DY_CPLX_NOACTAFTER = 2, DY_CPLX_NOVERB = 4, DY_CPLX_NOSOURCE = 8,
    DY_CPLX_NOTARGET = 16, DY_CPLX_NOEVENT = 32, DY_CPLX_EXPLAIN = 64, DY_CPLX_NOSAVE = 128
};

/* Coding settings from a TABARI .options file (manual ch. 8) or the
 * [Options] of a PETRARCH config. A plain value: copy it and change it
 * (the TABARI validation records change options between records). */
typedef struct {
    /* COMMA: (0 max = off for that position); TABARI defaults BMIN 128 BMAX 0 MIN 2 MAX 10 EMIN 2 EMAX 10 */
    int comma_off;
    int comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax;
    /* COMPLEX: thresholds, 0 = inactive */
    int complex_verbs, complex_actors, complex_pronouns, complex_conj, complex_comma,
        complex_lateverb;
    unsigned complex_flags;  /* DY_CPLX_* */
    /* SET: */
    int code_by;             /* DY_CODE_BY_* */
    int minimum_words;       /* 0 = off */
    int convert_agents;
    int code_nonrestrictive;
    int label;
    int nonevents;           /* DY_NONEVENTS_* */
    /* DEFAULT: SOURCE [x] PRIOR / TARGET [y] AFTER ("" = none) */
    char default_source[32], default_target[32];
    int default_source_prior, default_target_after;
    /* PETRARCH [Options] */
    int require_dyad;        /* default 1 */
    int new_actor_length;    /* default 0 */
    int write_actor_root, write_actor_text, write_event_text;
} dy_dict_options;

/* TABARI / PETRARCH defaults for a family. */
void dy_dict_options_default(dy_dict_options *o, dy_family fam);
/* Apply one TABARI .options command line ("COMPLEX: VERBS[5] CONJ[4]",
 * "SET: CODE BY SENTENCE", "COMMA: OFF", "DEFAULT: SOURCE [USA] PRIOR",
 * "NONEVENTS: TRUE", ...). Returns 0 when understood (LABEL:/OUTPUT:/FORWARD:
 * are accepted and ignored), -1 when not (errmsg gets why, if non-NULL). */
int dy_dict_option_apply(dy_dict_options *o, const char *cmd, const char **errmsg);

/* ---------------------------------------------------------------- the whole */

/* The family whose coding semantics the set follows (of its verbs, else of
 * its actors); DY_FAM_NATIVE for builtin. */
dy_family dy_dict_family(const dyad_dict *d);
/* Options loaded with the set (defaults for the family when none were given). */
const dy_dict_options *dy_dict_options_get(const dyad_dict *d);
/* Transformations and <TIME> entries. */
size_t dy_dict_transform_count(const dyad_dict *d);
const dy_transform *dy_dict_transform(const dyad_dict *d, size_t i);
size_t dy_dict_time_count(const dyad_dict *d);
const dy_time_entry *dy_dict_time(const dyad_dict *d, size_t i);

/* Counts by kind, for `dyad dict stats` and the tests. */
typedef struct {
    size_t files;
    size_t actor_phrases;    /* distinct phrases in the actor trie */
    size_t actor_records;    /* base lines (records) read */
    size_t actor_synonyms;   /* '+' lines */
    size_t actor_codes;      /* (code, restriction) pairs stored */
    size_t actor_dated;      /* of those, with a restriction */
    size_t agent_phrases;    /* distinct phrases in the agent trie (with plurals / marker expansions) */
    size_t agent_entries;    /* entry lines read */
    size_t nouns, adjectives, time_entries;
    size_t synsets, synset_members;
    size_t verb_blocks;
    size_t verb_forms;       /* distinct forms in the verb trie */
    size_t verb_lines;       /* verb lines read */
    size_t patterns;         /* patterns stored */
    size_t patterns_dead;    /* of those, never matchable in their family */
    size_t patterns_ignored; /* pattern lines read but not stored (PETRARCH-2 after '<!', PETRARCH-1 with {|}) */
    size_t transforms;
    size_t discards_sentence, discards_story;
    size_t issues, issue_ignores, issue_codes;
    size_t words;            /* vocabulary size */
    size_t bytes;            /* memory the dictionary holds */
    /* line counts comparable with DICTIONARY_FORMATS.md */
    size_t actor_restriction_lines; /* '['-first lines */
    size_t actor_inline_codes;      /* base lines with code text */
    size_t agent_markers;           /* !NAME! = ... definitions */
    size_t agent_marker_entries;    /* entries using a marker */
    size_t agent_explicit_plurals;  /* entries with {plural} */
    size_t agent_prefix_codes;      /* CODE~ codes */
    size_t verb_lines_own_code;     /* verb lines with their own [code] */
    size_t verb_lines_multiword;    /* '+' multi-word verb lines */
    size_t verb_lines_forms;        /* verb lines with {forms} */
    size_t actor_distinct_codes;    /* distinct actor code strings (per set) */
    size_t actor_restr_default, actor_restr_before, actor_restr_after, actor_restr_range;
                                    /* kinds of the restriction lines' codes */
    size_t agent_distinct_codes;
} dy_dict_stats;

void dy_dict_stats_get(const dyad_dict *d, dy_dict_stats *out);

/* Names of the files that were loaded, in load order. */
size_t dy_dict_file_count(const dyad_dict *d);
const char *dy_dict_file_name(const dyad_dict *d, size_t i);

/* dyad_dict_load() reports errors and warnings only; the peers' known quirks
 * are notes, shown by `dyad dict check` (flag DY_LOAD_NOTES). */
enum { DY_LOAD_NOTES = 1 };
dyad_dict *dy_dict_load_ex(const char *spec, dyad_diag *diag, unsigned flags);

/* One file (or a set without includes) from memory, for tests and fuzzing.
 * name is used in diagnostics. Formats that name other files (.project,
 * config .ini, native include) report the reference as an error in memory
 * mode. Returns NULL only when nothing usable was loaded. */
dyad_dict *dy_dict_load_memory(dy_dict_format fmt, const char *name, const char *data,
                               size_t len, dyad_diag *diag);

/* The binary cache (dyad dict compile): write the compiled set to path (0 or
 * -1), or load one by mapping it. dyad_dict_load() loads a SPEC ending in
 * ".dydc" this way. */
int dy_dict_cache_write(const dyad_dict *d, const char *path);
dyad_dict *dy_dict_cache_load(const char *path, dyad_diag *diag);

/* dyad_dict_load() through the automatic cache (dict_autocache.c): the
 * compiled image of SPEC kept in the cache folder is mapped while every
 * source file is unchanged, else SPEC is read and the image rewritten. */
dyad_dict *dy_dict_load_cached(const char *spec, dyad_diag *diag);

/* Write the whole set in the native format (dyad dict convert). 0 or -1. */
int dy_dict_write_native(const dyad_dict *d, FILE *out);

#endif
