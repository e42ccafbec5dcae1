/*
 * Native-family rules: readings of real news prose that our own
 * dictionaries (the .dyd files under dict/) rely on. The peers' families keep their own
 * behaviour, so every caller gates on family == DY_FAM_NATIVE.
 *
 *   n_codes.c   what codes say: blocks never repeated, capitals as
 *               speakers, appeals and accusations whose content is no act
 *   n_parse.c   clause and noun-phrase readings: partitive subjects,
 *               subordinate clauses, nominalised verbs, passives,
 *               relative and participle clauses, attributions
 * docs/coder.md lists the rules.
 */
#ifndef DY_CODER_N_H
#define DY_CODER_N_H
#include "coder/coder.h"
#include <stddef.h>

/* n_codes.c: does actor code `code` already hold the 3-letter block
 * blk[0..n) at a block boundary? Only a single block (n == 3) is looked for. */
int n_code_has_block(const char *code, const char *blk, size_t n);

/* n_parse.c: is the group ending before unit group_end, whose phrase opens
 * with the word at unit p (a preposition, "of" or a subordinator), a noun
 * phrase of its own rather than a prepositional object? ("hundreds of
 * UN troops", "as the leader prepared to ...") */
int n_pp_is_np(const dy_sentence_parse *s, size_t p, size_t group_end);

/* n_parse.c: should the verb form at token verb_tok, ending before token
 * end, be read as a noun, the units so far being u[0..nu)? ("the slaying
 * of") */
int n_verb_is_noun(const dy_sentence_parse *s, const dy_unit *u, size_t nu, size_t verb_tok, size_t end);

/* n_parse.c: the token where the clause of verb unit v ends for its
 * patterns and its object: a comma or subordinator followed by a new
 * subject with its own verb ("withdrew from X, a reporter said, after
 * rebels kidnapped peacekeepers" is no "withdrew ... peacekeepers").
 * ntok when none. */
size_t n_clause_end(const dy_sentence_parse *s, size_t v);

/* n_codes.c: is `code` an appeal, demand, coercion or permission, whose infinitive
 * ("urged X to leave", "pressured to help") names what is asked, not an
 * act? */
int n_code_asks(const char *code);

/* n_parse.c: is verb unit v an infinitive ("to help")? */
int n_infinitive(const dy_sentence_parse *s, size_t v);

/* n_codes.c: a group as the source of an event coded `code`: a capital
 * named as the speaker of a statement or diplomatic act is its government
 * ("Pyongyang said" -> PRKGOV, "Pyongyang was shelled" stays PRK). The
 * group itself when nothing changes, else a copy in the arena. */
const dy_group *n_capital_speaker(const dy_group *g, const char *code, dy_arena *a);

/* The longest list whose members are each coded with each other ('%'):
 * past it a list is a conference, whose pairs say nothing. */
enum { N_MAX_RECIPROCAL = 4 };

/* n_parse.c: after an actor, at unit j: one or two capitalised words of a
 * title and then an agent ("US Deputy Secretary", "Iraqi Deputy Prime
 * Minister")? The agent's unit, 0 when not. */
size_t n_title_agent(const dy_sentence_parse *s, size_t j);

/* n_parse.c: does a trailing attribution start at unit k: a comma, a
 * group with the rest of its title or name, a verb, and the end of the
 * sentence (", US Deputy Secretary of Energy Jeffrey Kupfer said here
 * Wednesday.")? */
int n_trailing_attribution(const dy_sentence_parse *s, size_t k);

/* n_parse.c: is unit k a subordinator that only opens clauses ("when",
 * "while", "because", "although", "if", "unless", "whereas"; not "after",
 * "before", "since" or "as", which may head a phrase)? */
int n_pure_subordinator(const dy_sentence_parse *s, size_t k);

/* n_parse.c: is group g, found as the target of `code`, only the place a
 * statement or meeting happened in ("said in Caracas", "held talks in
 * Geneva")? Then it is no target. */
int n_place_not_target(const dy_sentence_parse *s, int g, const char *code);

/* n_parse.c: is group g, after verb v coded `code` (a plain statement,
 * 010), inside what was said ("told us that X had left")? */
int n_told_content(const dy_sentence_parse *s, size_t v, int g, const char *code);

/* n_parse.c: does verb v's clause place it two or more years before the
 * article's date ("occupied by Egypt in 1948", "In 1994, ...")? A history
 * the article recalls, not news: no event. */
int n_historical(const dy_sentence_parse *s, size_t v, const char *date);

/* n_parse.c: is the "that" at unit k a relative pronoun, an actor group
 * right before it ("the militant group that has seized")? Its verb is
 * taken to follow it directly. */
int n_noun_before_that(const dy_sentence_parse *s, size_t k);

/* n_parse.c: is verb unit v a participle opening a clause after a comma
 * (", killing at least eight people")? */
int n_participle_clause(const dy_sentence_parse *s, size_t v);

/* n_codes.c: is `code` an accusation or criticism (root 11), whose
 * target's own following act is only alleged? */
int n_code_alleges(const char *code);

/* n_parse.c: does group g end right before verb unit v (auxiliaries
 * aside), as its subject? */
int n_subject_group_is(const dy_sentence_parse *s, size_t v, int g);

/* n_parse.c: is verb unit v a past participle right after a noun phrase,
 * with no object of its own, that is passive: followed by its agent
 * ("saw two reporters detained by police") or after "there were" or a
 * preposition ("There were ten soldiers killed in X")? The group before
 * it is then its target. */
int n_reduced_passive(const dy_sentence_parse *s, size_t v);

/* n_parse.c: is group g the subject of a clause that is verb v's
 * complement ("claimed (that) ISIL had attacked")? Not a relative clause
 * on an object ("criticized X, which attacked"). */
int n_complement_subject(const dy_sentence_parse *s, size_t v, int g);

/* n_parse.c: does group src or tgt (-1: none) lie after verb unit v? */
int n_role_after(const dy_sentence_parse *s, size_t v, int src, int tgt);

/* n_parse.c: is the word at unit k a time word ("today", "overnight")? */
int n_time_follows(const dy_sentence_parse *s, size_t k);

/* n_codes.c: a state body of one country (its government, courts, police
 * or legislature) imposing administrative sanctions (172x: restrictions,
 * bans, curfews) on people named by agents alone acts within its own
 * jurisdiction: "the Nicaraguan government shut down a newspaper" is
 * NICMED. The target group itself when nothing changes, else a copy in
 * the arena. */
const dy_group *n_domestic_target(const dy_group *gs, const dy_group *gt, const char *code, dy_arena *a);

/* n_parse.c: does group g name nobody of its own for the source group src
 * (-1: none): agents with no actor ("troops", "intelligence"), or the
 * source's own people through a possessive pronoun ("its ambassador")? */
int n_weak_target(const dy_sentence_parse *s, int src, int g);

/* n_parse.c: verb v's target tgt names nobody of its own (bare agents,
 * "its troops") while a prepositional phrase after it in the clause names
 * an actor with a country ("withdrew its ambassador from X", "deployed
 * troops to the border with X"): that actor is the one acted upon. The
 * group to use as target (tgt when nothing changes). */
int n_target_in_pp(const dy_sentence_parse *s, size_t v, int src, int tgt, const uint8_t *used);

/* n_parse.c: verb v found no object and "and" joins it to a verb that has
 * one ("pledged $50 million and delivered tents to X"): that object,
 * shared. -1 when none. */
int n_shared_object(const dy_sentence_parse *s, size_t v, int src, const uint8_t *used);

#endif
