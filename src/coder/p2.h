/*
 * PETRARCH-2 semantics on the shallow parse, kept apart from the parts
 * the TABARI and PETRARCH-1 families share (coder.h):
 *
 *   p2_nested.c  a saying / wanting verb and the verb it governs, and the
 *                dictionary's transformations ("~ a (b . ATTACK) SAY = a b 112")
 *   p2_clauses.c clause edges, verb forms that head no clause, subjects and
 *                doers the nearest actor does not give
 *   p2_phrases.c noun phrases and tokens: verb forms read as nouns, agents
 *                of a noun phrase, datelines, acronyms, discards
 *   p2_codes.c   the CAMEO code of two verbs read as one; shared codes
 *   p2_names.c   names an article ties to an actor
 *   p2_nominal.c events named by a noun ("talks between A and B")
 *
 * coder.c, units.c, phrases.c, roles.c and patterns.c call in here only for
 * the PETRARCH-2 family (and, where the rule is about news prose rather
 * than the peer, the native one). Declarations below are grouped by file;
 * an unmarked group is p2_clauses.c or p2_phrases.c.
 */
#ifndef DY_CODER_P2_H
#define DY_CODER_P2_H
#include "coder/coder.h"

/* The names an article has tied to actors (p2_names.c). */
typedef struct dy_p2_names dy_p2_names;

/* The transformations of a dictionary, resolved once per coder: each named
 * verb replaced by the code the dictionary gives that verb. */
typedef struct dy_p2_rules dy_p2_rules;

/* NULL when the dictionary has no transformations. */
dy_p2_rules *dy_p2_rules_new(const dyad_dict *d);
void dy_p2_rules_free(dy_p2_rules *r);

/* Is verb unit v an upper verb of some transformation (by its code)? */
int dy_p2_is_upper(const dy_p2_rules *r, const dy_sentence_parse *s, size_t v);

/* The verb that verb unit v governs: "said (that) Y attacked", "said he
 * would not", "wants Y to attack", "wants to attack". Sets *lower to its
 * unit and *lower_src to the group of its own subject (-1: none written).
 * 0 when v governs no verb. */
int dy_p2_complement(const dy_sentence_parse *s, size_t v, size_t *lower, int *lower_src);
/* *lower_src of dy_p2_complement when the governed verb's subject is
 * written but names no actor ("said eight people were killed"). */
enum { DY_P2_NO_ACTOR = -2 };

/* The first group after verb v, in its clause, that is the object of
 * "from" ("was fired at it from the Gaza Strip"), or -1. */
int dy_p2_from_group_after(const dy_sentence_parse *s, size_t v);

/* Do groups a and b name the same actors (a pronoun and its antecedent)? */
int dy_p2_same_actors(const dy_sentence_parse *s, int a, int b);

/* The first transformation that fits upper verb v (source group usrc) over
 * a lower event (lsrc, ltgt, lower_code; groups may be -1). On success sets
 * the output groups and code (a dictionary string, or lower_code for Q). */
int dy_p2_transform(const dy_p2_rules *r, const dy_sentence_parse *s, size_t v, int usrc, int lsrc,
                    int ltgt, const char *lower_code, int *out_src, int *out_tgt, const char **out_code);

/* p2_phrases.c */

/* Does a new clause with its own subject start at unit k (a comma followed
 * by an actor group and its verb: ", US Deputy Secretary X said")? An
 * object is never sought across it. */
int dy_p2_clause_after_comma(const dy_sentence_parse *s, size_t k);

/* Should a verb form over tokens [i, end), the units so far being u[0..nu),
 * be read as a noun? "conducting military exercises", "the Russian building". */
int dy_p2_verb_is_noun(const dy_sentence_parse *s, const dy_unit *u, size_t nu, size_t i, size_t end);

/* The regions a PETRARCH-2 passive verb v matches its (active-voice)
 * patterns in: the by-phrase ends before token *upper_end (0: no by), the
 * subject is tokens [*lower_from, *lower_end). 0 when v has no subject. */
int dy_p2_passive_regions(const dy_sentence_parse *s, size_t v, size_t *upper_end, size_t *lower_from,
                          size_t *lower_end);

/* Is group g the object of "from" ("received ministers from X")? */
int dy_p2_from_pp(const dy_sentence_parse *s, const dy_group *g);

/* Tokens of a dateline opening the sentence ("LYON:", "GAZA CITY, Palestinian
 * Territories:"), the colon included; 0 when there is none. A dateline
 * names where the story was filed, not an actor. */
size_t dy_p2_dateline_end(const dy_token *tok, size_t n);

/* Is a one-token actor match of len tokens at i, after units u[0..nu),
 * an acronym read off the end of a name ("Un" in "Kim Jong Un" is not
 * the UN)? Mixed-case text only. */
int dy_p2_acronym_mismatch(const dy_sentence_parse *s, const dy_unit *u, size_t nu, size_t i, size_t len,
                           int allcaps);

/* The subject of a gerund the sentence opens with, "for X, hosting Y
 * underscores ...": X's group, or -1. */
int dy_p2_gerund_subject(const dy_sentence_parse *s, size_t v);

/* p2_names.c: names the article ties to an actor ("North Korea's Kim Jong
 * Un" makes "Kim Jong Un" PRK for the rest of the article). */
void dy_p2_learn_names(dy_p2_names **names, const dy_sentence_parse *s, dy_arena *a);
/* A learnt name at token i: tokens covered (0 none) and its code. */
size_t dy_p2_name_match(const dy_p2_names *names, const dy_token *tok, size_t n, size_t i,
                        const dy_actor_code **code);

/* Does the clause of verb v, opened by a subordinator at the start of the
 * sentence ("As X awaits details, ..."), end at unit j (its first comma)? */
int dy_p2_subordinate_ends(const dy_sentence_parse *s, size_t v, size_t j);

/* p2_nominal.c: an event named by a noun at unit k ("talks between A
 * and B"): the compound's group, the code, and the status. */
int dy_p2_nominal_at(const dy_sentence_parse *s, size_t k, int *group, const char **code, dyad_status *st);

/* Is verb v, coded `code`, a visit under way ("is heading to Beijing")?
 * Its event is then planned: the visit itself is still to come. */
int dy_p2_on_the_way(const dy_sentence_parse *s, size_t v, const char *code);

/* The discards of a sentence as PETRARCH-2 finds them, on blank-separated
 * words (a phrase with punctuation attached is no match): 2 story, 1
 * sentence, 0 none. */
int dy_p2_discard_of(const dyad_dict *d, const dy_token *tok, const dy_dict_tok *dt, size_t n);

/* Is verb v (from clause0 on) a past participle describing the noun
 * before it, after the clause's own verb ("a trip aimed at ...")? */
int dy_p2_participle_modifier(const dy_sentence_parse *s, size_t v, size_t clause0);

/* Does verb v take a clause of its own ("says it has evidence", "said
 * such a step enjoyed support")? The saying is then no event with the
 * actors inside that clause. */
int dy_p2_clause_complement(const dy_sentence_parse *s, size_t v);

/* Is verb v the verb of a relative clause ("..., which have resisted")? */
int dy_p2_after_relative(const dy_sentence_parse *s, size_t v);

/* Is verb v a participle after its subject that the sentence's own verb
 * follows ("The civilians imprisoned for ... were released by X")? */
int dy_p2_reduced_relative(const dy_sentence_parse *s, size_t v);

/* Is verb v a gerund inside a prepositional phrase ("aimed at pushing
 * for", "by promoting")? It describes, it codes no event of its own. */
int dy_p2_gerund_in_pp(const dy_sentence_parse *s, size_t v);

/* The unit the main clause starts at when the sentence opens with a
 * subordinate clause ending in a comma ("Before leaving for X, Y ..."),
 * else 0: the main clause's subject is not sought before it. */
size_t dy_p2_main_clause_start(const dy_sentence_parse *s);

/* An agent word used as an adjective in a noun phrase goes to the actor
 * the phrase names further on ("an Islamic State target southwest of
 * Baghdad": IRQMUS), as PETRARCH-2 mixes every agent of a noun phrase in. */
void dy_p2_np_agents(dy_sentence_parse *s, dy_arena *a);

/* The doer of passive verb v that has no by-phrase, when the deed is named
 * after "in" with the actor as its adjective ("killed in Israeli tank
 * shelling"): its group, or -1. */
int dy_p2_passive_doer(const dy_sentence_parse *s, size_t v);

/* p2_codes.c: the code of "upper to lower" ("seeking to deepen ties":
 * 030 + 060 -> 031; "asking Y to help": 020 + 070 -> 023) when the upper
 * code is a general intent, appeal, demand or rejection and the lower one
 * cooperative. 0 when they do not combine. out holds 8 bytes. */
int dy_p2_compose(const char *upper, const char *lower, char out[8]);

/* Is code one that a compound can do to itself ("A and B met": 04x;
 * intent, diplomatic and material cooperation too)? */
int dy_p2_reciprocal_code(const char *code);

/* A compound acts on itself only when it is small: a list of ten donors
 * that "contributed" is no meeting of each with each. */
enum { DY_P2_RECIPROCAL_MAX = 4 };

/* The verb of "v Y to VERB" when group g is followed by "to" and a verb:
 * its unit in *lower. */
int dy_p2_object_infinitive(const dy_sentence_parse *s, int g, size_t *lower);

#endif
