/*
 * The coder's inside: a sentence goes through four steps, each in its own
 * file, all working on one dy_sentence held in the article's arena.
 *
 *   prepare.c  TABARI token reading, comma asides, <TIME>, discards, COMPLEX
 *   units.c    tokens -> units (actor, agent, verb, pronoun, function word, ...)
 *   phrases.c  units -> actor groups (agents composed, compounds linked, pronouns resolved)
 *   patterns.c a verb's patterns matched against the units around it
 *   roles.c    clauses, subject and object of a verb, passives
 *   status.c   reported / planned / speculative / negated
 *   coder.c    the coder, the article loop, verbs to events, event assembly
 */
#ifndef DY_CODER_CODER_H
#define DY_CODER_CODER_H
#include "dict/dict.h"
#include "dyad.h"
#include "text/text.h"
#include "util/arena.h"
#include <stdint.h>

/* A token flag of the coder's own (the tokeniser uses the low bits): the
 * token follows a comma aside that was dropped. */
enum { DY_TOKF_AFTER_ASIDE = 0x80 };

/* Function words the parse recognises by their folded form. */
typedef enum {
    DY_FW_NONE = 0,
    DY_FW_DET,        /* the a an this these those */
    DY_FW_POSSPRON,   /* its their his her our */
    DY_FW_PRON,       /* he she it they him them */
    DY_FW_BE,         /* is are was were be been being am */
    DY_FW_HAVE,       /* has have had */
    DY_FW_DO,         /* do does did */
    DY_FW_FUTURE,     /* will shall 'll would */
    DY_FW_MODAL,      /* may might could can should must */
    DY_FW_NEG,        /* not n't never */
    DY_FW_CONJ,       /* and or */
    DY_FW_BUT,        /* but */
    DY_FW_BY,         /* by */
    DY_FW_OF,         /* of */
    DY_FW_TO,         /* to */
    DY_FW_PREP,       /* other prepositions */
    DY_FW_REL,        /* who which whom whose */
    DY_FW_THAT,       /* that */
    DY_FW_SUB         /* while after before when because although since if unless whereas */
} dy_fword;

/* The function words by hash (units.c: dy_fword_index_init), and the
 * status cues in the same table (status.c: dy_status_cues_index). */
enum { DY_FWORD_SLOTS = 512 };
typedef struct {
    const char *word[DY_FWORD_SLOTS];  /* NULL: empty slot */
    uint8_t len[DY_FWORD_SLOTS];
    uint8_t fw[DY_FWORD_SLOTS];
    uint8_t cue[DY_FWORD_SLOTS];       /* 1 + index into status.c's cues, 0: none */
} dy_fword_index;

typedef enum {
    DY_U_WORD = 0,    /* any other word or number */
    DY_U_ACTOR,
    DY_U_AGENT,
    DY_U_VERB,
    DY_U_PRONOUN,     /* he, she, they, its, ...: resolved to an actor group */
    DY_U_COMMA,
    DY_U_BREAK,       /* ; : ( ) quotes dashes: a clause edge */
    DY_U_END          /* . ? ! */
} dy_unit_kind;

typedef struct {
    uint8_t kind;           /* dy_unit_kind */
    uint8_t fw;             /* dy_fword of a DY_U_WORD (or of a pronoun) */
    uint8_t possessive;     /* the 's after a noun */
    uint8_t consumed;       /* matched as a word by an earlier verb's pattern */
    uint32_t t0, t1;        /* tokens [t0, t1) */
    int group;              /* actor group this unit belongs to, -1 none */
    const dy_actor_code *actor; /* DY_U_ACTOR: the code on the sentence date (NULL: none) */
    const dy_agent_entry *agent;/* DY_U_AGENT */
    const dy_verb_form *verb;   /* DY_U_VERB */
    uint32_t verb_tok;          /* DY_U_VERB: token of the verb word itself */
} dy_unit;

/* An auxiliary, modal or negation word ("has", "will", "may", "not"):
 * what may stand between a subject and its verb. */
static inline int dy_unit_is_aux(const dy_unit *x) {
    if (x->kind != DY_U_WORD) return 0;
    switch (x->fw) {
    case DY_FW_BE: case DY_FW_HAVE: case DY_FW_DO: case DY_FW_FUTURE: case DY_FW_MODAL:
    case DY_FW_NEG:
        return 1;
    default:
        return 0;
    }
}

/* One actor with its final code (agent composed). */
typedef struct {
    const char *code;
    dyad_span span;
    const dy_actor_code *actor;       /* NULL for a bare agent */
    const dy_agent_entry *agent;
} dy_member;

/* An actor group: one actor, or a compound ("China and Russia"). */
typedef struct {
    uint32_t u0, u1;        /* units [u0, u1) */
    dy_member *m;
    uint32_t nm;
    int in_pp;              /* object of a preposition: not a subject */
    int by_pp;              /* object of "by" */
    int pronoun;
    int agent_of;           /* "the ambassadors of A": the agent may cover a list */
} dy_group;

/* Per-sentence answers to "can this synset match anywhere here?", so a
 * synset used by hundreds of patterns is looked at once per sentence. */
typedef struct {
    const dy_synset **key;
    uint8_t *val;           /* 1 possible, 2 impossible */
    uint32_t *used;         /* slots filled this sentence, for a cheap reset */
    size_t cap, nused;      /* cap is a power of two */
} dy_synset_memo;

typedef struct {
    const dyad_dict *d;
    dy_family family;
    const char *text;       /* article text */
    const char *date;       /* "YYYY-MM-DD" or "" */
    const dy_token *tok;
    const dy_dict_tok *dt;  /* tokens resolved against the dictionary */
    size_t ntok;
    dy_unit *u;
    size_t nu;
    dy_group *g;
    size_t ng;
    int *group_start;       /* per token: the group that starts there, or -1 */
    int *group_end;         /* per token: the group whose last token it is, or -1 */
    const uint8_t *present; /* bit per dictionary word id found in the sentence */
    size_t present_bits;
    dy_synset_memo *memo;
    int convert_agents;     /* TABARI SET: CONVERT AGENT */
    int question;           /* ends with '?' */
    int discard;            /* 1 sentence, 2 story */
    int complex;            /* an actor coded +++ */
    const struct dy_p2_names *names; /* names the article tied to actors (p2.h), NULL none */
    const uint8_t *tok_fw;  /* per token: the dy_fword of a one-token word unit, else 0 (units.c) */
    const dy_fword_index *fwx; /* the coder's function-word table, NULL: search */
} dy_sentence_parse;

/* What earlier sentences leave for pronouns and definite descriptions in
 * later ones: the last subject, and the last compound ("the two countries"). */
typedef struct {
    const dy_member *m;
    uint32_t nm;
    const dy_member *pair;
    uint32_t npair;
    const dy_member *named;   /* first actor named (not a pronoun) in the last sentence */
    struct dy_p2_names *names;/* names the article tied to actors (p2.h, PETRARCH-2 and native) */
} dy_context;

/* units.c */
dy_fword dy_fword_of(const char *norm, size_t len);
/* dy_fword_of by a small hash table (dy_fword_index), for the lookup every
 * plain word of every sentence makes (the binary search costs a branch
 * miss a level). */
void dy_fword_index_init(dy_fword_index *x);
dy_fword dy_fword_find(const dy_fword_index *x, const char *norm, size_t len);
/* The slot of a word in the table (inserted with fw 0 when insert is set), or -1. */
long dy_fword_slot(dy_fword_index *x, const char *word, size_t len, int insert);
long dy_fword_lookup(const dy_fword_index *x, const char *norm, size_t len);
/* status.c: add the status cues to the table */
void dy_status_cues_index(dy_fword_index *x);
void dy_units_build(dy_sentence_parse *s, dy_arena *a);

/* phrases.c */
void dy_groups_build(dy_sentence_parse *s, const dy_context *ctx, dy_arena *a);

/* patterns.c: can the pattern match at all, given the words of the sentence?
 * A cheap test on literal words that rules out most patterns of a verb. */
int dy_pattern_possible(const dy_sentence_parse *s, const dy_pattern *p);
/* Can any member of the synset occur in the sentence (memoised per sentence)? */
int dy_synset_possible(const dy_sentence_parse *s, const dy_synset *syn);
/* patterns.c: a pattern against given regions rather than around a verb:
 * the part before '*' ending before token upper_end (none: 0), the part
 * after it within tokens [lower_from, lower_end). For PETRARCH-2 passives,
 * whose patterns are written for the active voice: the by-phrase is the
 * subject side, the grammatical subject the object side. */
int dy_pattern_match_regions(const dy_sentence_parse *s, const dy_pattern *p, size_t upper_end, size_t lower_from,
                             size_t lower_end, uint8_t *used);
/* patterns.c: the length TABARI orders patterns by (longest first). */
uint32_t dy_pattern_tabari_length(const dy_pattern *p);

/* patterns.c: try one pattern for the verb unit v. On success fills
 * *src / *tgt with group indexes named by $ + % (-1 when the pattern names
 * none) and sets used[t] for every token it matched as a word (used is
 * caller-sized: one byte per token). */
int dy_pattern_match(const dy_sentence_parse *s, size_t v, const dy_pattern *p, int *src, int *tgt,
                     uint8_t *used);

/* status.c: the status of the verb unit v whose subject group ends at unit subj_end. */
dyad_status dy_status_of(const dy_sentence_parse *s, size_t v, size_t clause_start);

/* roles.c */
int dy_is_passive(const dy_sentence_parse *s, size_t v);
int dy_clause_starts_at(const dy_sentence_parse *s, size_t k);
int dy_subject_of(const dy_sentence_parse *s, size_t v, int prev_src, size_t clause0, int first_in_clause,
                  size_t *clause_start);
int dy_object_of(const dy_sentence_parse *s, size_t v, int src, int skip_by, const uint8_t *used,
                 int cross_verbs);
int dy_reflexive_fix(const dy_sentence_parse *s, int src, int tgt);
int dy_nearest_before(const dy_sentence_parse *s, size_t v, int src, size_t clause0);
int dy_by_agent_of(const dy_sentence_parse *s, size_t v);
int dy_infinitive_follows(const dy_sentence_parse *s, size_t v);

/* prepare.c */
size_t dy_word_count(const dy_token *t, size_t n);
size_t dy_tabari_tokens(const dy_token *tok, size_t nt, int join_contractions, dy_arena *a, dy_token **out);
size_t dy_drop_asides(const dyad_dict *d, const dy_dict_options *o, dy_token *tok, dy_dict_tok *dt, size_t nt,
                      dy_arena *a);
int dy_too_complex(const dy_dict_options *o, const dy_sentence_parse *s);
int dy_time_phrases(const dyad_dict *d, const dy_token *tok, size_t nt, int32_t *shift);
int dy_discard_of(const dyad_dict *d, const dy_dict_tok *dt, size_t n);

/* coder.c: apply a TABARI option command ("SET: MINIMUM WORDS = 4",
 * "DEFAULT: SOURCE [X]" ...) to the coder's copy of the options; the
 * validation suites switch options between records. 0 ok, -1 not understood. */
int dy_coder_option(dyad_coder *c, const char *cmd);
/* Back to the options the dictionary was loaded with. */
void dy_coder_reset_options(dyad_coder *c);
/* On: pronouns in the next article may refer to the actors the previous
 * article left (TABARI's FORWARD, the sentences of one story coded as
 * separate records). Off (default): every article starts afresh. */
void dy_coder_carry_context(dyad_coder *c, int on);
/* The coder's own copy of the options, for settings that are not TABARI
 * commands (PETRARCH <Config option= value=>). */
dy_dict_options *dy_coder_options(dyad_coder *c);

#endif
