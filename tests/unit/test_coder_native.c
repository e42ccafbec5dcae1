/* The coder's native-family rules (src/coder/n_*.c) on invented sentences
 * with a tiny dictionary of our own: one test per rule. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "coder/n.h"
#include "test_coder_fixture.h"
#include "dict/dict.h"
#include "dyad.h"
#include <stdio.h>
#include <string.h>

static const char tiny_dict[] =
    "format 1\n"
    "actor FRE: freedonia | freedonian\n"
    "capital FRE: fredville\n"
    "actor SYL: sylvania | sylvanian\n"
    "actor RUR: ruritania | ruritanian\n"
    "actor KLO: klopstokia\n"
    "actor GRA: graustark\n"
    "actor BRO: brobdingnag\n"
    "actor FRECOPREB: night riders\n"
    "agent GOV: government | minister | president | leader | ambassador\n"
    "agent MIL: army | troops | soldiers\n"
    "agent REB: rebels | fighters\n"
    "agent MED: reporters | reporter\n"
    "verb CRITICIZE [111]: criticize | criticized | condemned | condemn\n"
    "verb ATTACK [190]: attack | attacked | attacks | attacking\n"
    "verb KILL [190]: kill | killed | killing\n"
    "verb WOUND [190]: wound | wounded\n"
    "verb SHELL [194]: shell | shelled\n"
    "verb DETAIN [173]: detain | detained\n"
    "pattern [173]: * +\n"
    "verb WITHDRAW [0874]: withdraw | withdrew\n"
    "verb MEET [040]: meet | met\n"
    "pattern [040]: %% *\n"
    "verb URGE [020]: urge | urged\n"
    "verb HELP [070]: help | helped\n"
    "verb CLAIM [---]: claim | claimed\n"
    "pattern [112]: * that +\n"
    "verb SEIZE [192]: seize | seized\n"
    "verb DEPLOY [154]: deploy | deployed\n"
    "verb RECALL [161]: recall | recalled\n"
    "agent CVL: prisoners | residents\n"
    "agent MOSSUN: sunni\n"
    "verb EXCHANGE [---]: exchange | exchanged\n"
    "pattern [0841:0841]: * prisoners\n"
    "verb PROPOSE [---]: propose | proposed\n"
    "agent OPPPTY: opposition party\n"
    "verb BAN [1722]: ban | banned\n";

static events code(const char *text) { return fixture_code(tiny_dict, sizeof tiny_dict - 1, text, 0); }

static int has(const events *x, const char *src, const char *tgt, const char *code) {
    return has_event(x, src, tgt, code);
}

static void show(const events *x) { show_events(x); }

#define EXPECT(x, s, t, c)                                                                                    \
    do {                                                                                                      \
        if (!has(&(x), s, t, c)) show(&(x));                                                                  \
        assert_true(has(&(x), s, t, c));                                                                      \
    } while (0)
#define EXPECT_N(x, count)                                                                                    \
    do {                                                                                                      \
        if ((x).n != (count)) show(&(x));                                                                     \
        assert_int_equal((x).n, count);                                                                       \
    } while (0)

static void test_block_not_repeated(void **st) {
    (void)st;
    assert_true(n_code_has_block("LBNREBHEZ", "REB", 3));
    assert_false(n_code_has_block("LBNGOV", "REB", 3));
    assert_false(n_code_has_block("REB", "REB", 3)); /* the first block is the country */
    events x = code("Night riders fighters attacked Sylvania.");
    EXPECT(x, "FRECOPREB", "SYL", "190");
    EXPECT_N(x, 1);
}

static void test_capital_speaker(void **st) {
    (void)st;
    events x = code("Fredville condemned Sylvania.");
    EXPECT(x, "FREGOV", "SYL", "111");
    x = code("Sylvania attacked Fredville.");
    EXPECT(x, "SYL", "FRE", "190");
}

static void test_long_reciprocal_list(void **st) {
    (void)st;
    events x = code("Freedonia and Sylvania met.");
    EXPECT(x, "FRE", "SYL", "040");
    EXPECT(x, "SYL", "FRE", "040");
    x = code("Freedonia, Sylvania, Ruritania, Klopstokia and Graustark met.");
    EXPECT_N(x, 0);
}

static void test_partitive_subject(void **st) {
    (void)st;
    events x = code("Hundreds of Freedonian troops withdrew from Sylvania.");
    EXPECT(x, "FREMIL", "SYL", "0874");
}

static void test_subordinate_subject(void **st) {
    (void)st;
    events x = code("Talks stalled after Ruritanian troops attacked Sylvania.");
    EXPECT(x, "RURMIL", "SYL", "190");
}

static void test_asked_infinitive(void **st) {
    (void)st;
    events x = code("Freedonia urged Sylvania to help Ruritania.");
    EXPECT(x, "FRE", "SYL", "023"); /* the appeal, its content joined in */
    assert_false(has(&x, "FRE", "RUR", "070"));
    assert_false(has(&x, "SYL", "RUR", "070"));
}

static void test_reduced_passive(void **st) {
    (void)st;
    events x = code("Villagers saw two Sylvanian reporters detained by Freedonian troops.");
    EXPECT(x, "FREMIL", "SYLMED", "173");
    EXPECT_N(x, 1);
}

static void test_passive_pattern_target(void **st) {
    (void)st;
    /* "* +" must not make Ruritania the detainee */
    events x = code("The Sylvanian reporter was detained in Ruritania.");
    EXPECT_N(x, 0);
}

static void test_relative_that(void **st) {
    (void)st;
    events x = code("Freedonia condemned the Sylvanian rebels that attacked Ruritania.");
    EXPECT(x, "FRE", "SYLREB", "111");
    EXPECT(x, "SYLREB", "RUR", "190");
    assert_false(has(&x, "FRE", "RUR", "190"));
}

static void test_participle_clause(void **st) {
    (void)st;
    events x = code("Freedonian troops shelled a Sylvanian town, killing Ruritanian reporters.");
    EXPECT(x, "FREMIL", "RURMED", "190");
    assert_false(has(&x, "SYL", "RURMED", "190"));
}

static void test_alleged_acts(void **st) {
    (void)st;
    events x = code("Freedonia claimed that Sylvania had attacked Ruritania and seized Graustark.");
    EXPECT(x, "FRE", "SYL", "112");
    EXPECT_N(x, 1);
}

static void test_criticized_plan(void **st) {
    (void)st;
    /* the plan criticised is no attack */
    events x = code("Freedonia condemned Sylvania's plan to attack Ruritania.");
    EXPECT(x, "FRE", "SYL", "111");
    EXPECT_N(x, 1);
}

static void test_shared_object(void **st) {
    (void)st;
    /* two verbs joined by "and" share the object the second one names */
    events x = code("Freedonia condemned and attacked Sylvania.");
    EXPECT(x, "FRE", "SYL", "111");
    EXPECT(x, "FRE", "SYL", "190");
    EXPECT_N(x, 2);
}

static void test_object_pronoun(void **st) {
    (void)st;
    /* "him" right after the verb is not its subject: the earlier actor */
    events x = code("The Freedonian president attacked Ruritania. The Sylvanian president condemned him.");
    EXPECT(x, "SYLGOV", "FREGOV", "111");
    EXPECT_N(x, 2);
}

/* "on May 28" is the month: no speculation, and the passive stays passive */
static void test_month_may(void **st) {
    (void)st;
    events x = code("Sylvanian soldiers were on May 28 attacked by Freedonian rebels.");
    EXPECT(x, "FREREB", "SYLMIL", "190");
    EXPECT_N(x, 1);
    assert_int_equal(x.ev[0].status, DYAD_REPORTED);
    events y = code("Freedonian rebels may attack Sylvanian soldiers.");
    EXPECT(y, "FREREB", "SYLMIL", "190");
    assert_int_equal(y.ev[0].status, DYAD_SPECULATIVE);
}

/* "were killed and two wounded in an ambush by": one attack, stated once */
static void test_joined_participles_once(void **st) {
    (void)st;
    events x = code("Five Sylvanian soldiers were killed and two wounded in an ambush by Freedonian rebels.");
    EXPECT(x, "FREREB", "SYLMIL", "190");
    EXPECT_N(x, 1);
}

static void test_nominal_ing_of(void **st) {
    (void)st;
    events x = code("Freedonia condemned the brutal killing of Sylvanian reporters.");
    EXPECT(x, "FRE", "SYLMED", "111");
    EXPECT_N(x, 1);
}

static void test_target_in_pp(void **st) {
    (void)st;
    /* the source's own people or a bare agent: the actor in the phrase after */
    events x = code("Freedonia recalled its ambassador from Sylvania.");
    EXPECT(x, "FRE", "SYL", "161");
    EXPECT_N(x, 1);
    /* "from" after a bare object names where it moves from, not whose it is */
    x = code("Freedonia withdrew troops from Sylvania.");
    EXPECT(x, "FRE", "SYL", "0874");
    EXPECT_N(x, 1);
    x = code("Freedonia deployed troops to the border with Ruritania.");
    EXPECT(x, "FRE", "RUR", "154");
    EXPECT_N(x, 1);
    /* an object pronoun is no possessive: no actor from the phrase after it */
    x = code("Freedonia detained him in Sylvania.");
    assert_false(has(&x, "FRE", "SYL", "173"));
    /* a target with a country of its own stays */
    x = code("The Freedonian government detained Freedonian reporters in Sylvania.");
    EXPECT(x, "FREGOV", "FREMED", "173");
    EXPECT_N(x, 1);
}

static void test_symmetric_compound(void **st) {
    (void)st;
    events x = code("Freedonia and Sylvania exchanged prisoners.");
    EXPECT(x, "FRE", "SYL", "0841");
    EXPECT(x, "SYL", "FRE", "0841");
    EXPECT_N(x, 2);
}

static void test_object_past_participle(void **st) {
    (void)st;
    /* the participle describes the plan: the object lies past it */
    events x = code("Freedonia condemned the plan proposed by Sylvania.");
    EXPECT(x, "FRE", "SYL", "111");
    EXPECT_N(x, 1);
}

static void test_agent_noun_phrases(void **st) {
    (void)st;
    /* an agent modifying the next noun is no agent of the possessor */
    events x = code("Freedonia condemned Sylvania's new army law.");
    EXPECT(x, "FRE", "SYL", "111");
    EXPECT_N(x, 1);
    /* lower-case modifiers between an actor and its agent */
    x = code("Freedonia condemned the Sylvanian state army.");
    EXPECT(x, "FRE", "SYLMIL", "111");
    /* stacked agents, then their actor; CVL adds nothing to a role */
    x = code("Freedonian troops attacked hundreds of Sunni residents from Sylvania.");
    EXPECT(x, "FREMIL", "SYLMOSSUN", "190");
    EXPECT_N(x, 1);
}

static void test_domestic_target(void **st) {
    (void)st;
    /* an administrative sanction by a state body falls within its country */
    events x = code("The Freedonian government banned the opposition party.");
    EXPECT(x, "FREGOV", "FREOPPPTY", "1722");
    EXPECT_N(x, 1);
    /* other acts leave a bare agent as it is */
    x = code("The Freedonian government condemned the opposition party.");
    EXPECT(x, "FREGOV", "---OPPPTY", "111");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_block_not_repeated),  cmocka_unit_test(test_capital_speaker),
        cmocka_unit_test(test_long_reciprocal_list), cmocka_unit_test(test_partitive_subject),
        cmocka_unit_test(test_subordinate_subject), cmocka_unit_test(test_asked_infinitive),
        cmocka_unit_test(test_reduced_passive),     cmocka_unit_test(test_passive_pattern_target),
        cmocka_unit_test(test_relative_that),       cmocka_unit_test(test_participle_clause),
        cmocka_unit_test(test_alleged_acts),        cmocka_unit_test(test_nominal_ing_of),
        cmocka_unit_test(test_joined_participles_once), cmocka_unit_test(test_month_may),
        cmocka_unit_test(test_target_in_pp),        cmocka_unit_test(test_symmetric_compound),
        cmocka_unit_test(test_object_past_participle), cmocka_unit_test(test_agent_noun_phrases),
        cmocka_unit_test(test_domestic_target),        cmocka_unit_test(test_criticized_plan),
        cmocka_unit_test(test_shared_object),         cmocka_unit_test(test_object_pronoun),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
