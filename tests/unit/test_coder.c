/* The coder on invented sentences with a tiny dictionary of our own (native
 * format, loaded from memory): one test per construct of the shallow parse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "coder/coder.h"
#include "test_coder_fixture.h"
#include "dict/dict.h"
#include "dyad.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char tiny_dict[] =
    "format 1\n"
    "actor FRE: freedonia | freedonian\n"
    "actor SYL: sylvania\n"
    "actor RUR: ruritania\n"
    "actor KLO: klopstokia\n"
    "actor FREGOV: rufus firefly\n"
    "agent GOV: government | minister | foreign minister | president\n"
    "agent MIL: army | troops\n"
    "verb CRITICIZE [111]: criticize | criticized | criticizes | condemned | condemn\n"
    "verb PRAISE [051]: praise | praised | praises\n"
    "verb ATTACK [190]: attack | attacked | attacks\n"
    "verb VISIT [042:043]: visit | visits | visited | attend | attends | attended\n"
    "verb FREE [066]: free | freed | frees\n"
    "pattern [066]: + * from $\n"
    "verb SAY [010?]: say | said | says\n"
    "verb ACCUSE [112]: accuse | accused\n"
    "pattern [1122]: * + of spying\n"
    "discard sentence: football match\n"
    "actor PRK: north korea | north korean\n"
    "actor PRKGOV: kim jong un\n"
    "actor CHN: china | chinese | beijing\n"
    "agent GOV: leader | leaders\n";

static dyad_dict *load(void) { return fixture_dict(tiny_dict, sizeof tiny_dict - 1); }

static events code(const char *text, int explain) {
    return fixture_code(tiny_dict, sizeof tiny_dict - 1, text, explain);
}

static int has(const events *x, const char *src, const char *tgt, const char *code) {
    return has_event(x, src, tgt, code);
}

static void print_events(const events *x) {
    for (int i = 0; i < x->n; i++)
        printf("  %s/%s/%s %s\n", x->ev[i].source, x->ev[i].target, x->ev[i].code,
               dyad_status_name(x->ev[i].status));
}

#define EXPECT(x, s, t, c)                                                                    \
    do {                                                                                      \
        if (!has(&(x), s, t, c)) print_events(&(x));                                          \
        assert_true(has(&(x), s, t, c));                                                      \
    } while (0)

static void test_simple_svo(void **st) {
    (void)st;
    const char *text = "Freedonia attacked Sylvania on Tuesday.";
    events x = code(text, 0);
    assert_int_equal(x.n, 1);
    EXPECT(x, "FRE", "SYL", "190");
    const dyad_event *e = &x.ev[0];
    assert_int_equal(e->status, DYAD_REPORTED);
    assert_string_equal(e->date, "2025-09-03");
    assert_string_equal(e->root, "19");
    assert_int_equal(e->sentence, 0);
    /* spans slice back to the words */
    assert_int_equal(e->source_span.start, 0);
    assert_int_equal(e->source_span.end, 9);
    assert_memory_equal(text + e->verb_span.start, "attacked", 8);
    assert_memory_equal(text + e->target_span.start, "Sylvania", 8);
}

static void test_agent_composition(void **st) {
    (void)st;
    events x = code("Freedonia's foreign minister praised Sylvania.", 0);
    EXPECT(x, "FREGOV", "SYL", "051");
    x = code("The Freedonian army attacked Ruritania.", 0);
    EXPECT(x, "FREMIL", "RUR", "190");
    x = code("The president of Sylvania condemned Klopstokia.", 0);
    EXPECT(x, "SYLGOV", "KLO", "111");
    /* former office holders are elites */
    x = code("Freedonia's former minister praised Sylvania.", 0);
    EXPECT(x, "FREELI", "SYL", "051");
}

static void test_longest_match(void **st) {
    (void)st;
    /* "Rufus Firefly" is one actor phrase: it must not split into words */
    events x = code("Rufus Firefly criticized Sylvania.", 0);
    EXPECT(x, "FREGOV", "SYL", "111");
}

static void test_compound_actors(void **st) {
    (void)st;
    events x = code("Freedonia and Sylvania condemned Ruritania.", 0);
    assert_int_equal(x.n, 2);
    EXPECT(x, "FRE", "RUR", "111");
    EXPECT(x, "SYL", "RUR", "111");
    x = code("Klopstokia praised Freedonia, Sylvania and Ruritania.", 0);
    assert_int_equal(x.n, 3);
    EXPECT(x, "KLO", "RUR", "051");
}

static void test_passive(void **st) {
    (void)st;
    events x = code("Sylvania was attacked by Freedonia.", 0);
    assert_int_equal(x.n, 1);
    EXPECT(x, "FRE", "SYL", "190");
}

static void test_negation(void **st) {
    (void)st;
    events x = code("Freedonia did not attack Sylvania.", 0);
    assert_int_equal(x.n, 1);
    assert_int_equal(x.ev[0].status, DYAD_NEGATED);
    x = code("Freedonia has never criticized Sylvania.", 0);
    assert_int_equal(x.ev[0].status, DYAD_NEGATED);
}

static void test_planned_and_paired(void **st) {
    (void)st;
    events x = code("Freedonia's president will visit Sylvania next week.", 0);
    assert_int_equal(x.n, 2);
    int i = has(&x, "FREGOV", "SYL", "042");
    int j = has(&x, "SYL", "FREGOV", "043");
    assert_true(i && j);
    assert_int_equal(x.ev[i - 1].status, DYAD_PLANNED);
    x = code("Freedonia is set to attend a parade in Sylvania.", 0);
    assert_true(has(&x, "FRE", "SYL", "042"));
    assert_int_equal(x.ev[0].status, DYAD_PLANNED);
}

static void test_speculative(void **st) {
    (void)st;
    events x = code("Freedonia may attack Sylvania.", 0);
    assert_int_equal(x.ev[0].status, DYAD_SPECULATIVE);
    x = code("Freedonia is expected to attack Sylvania.", 0);
    assert_int_equal(x.ev[0].status, DYAD_SPECULATIVE);
    /* a question is never a reported event */
    x = code("Will Freedonia attack Sylvania?", 0);
    for (int k = 0; k < x.n; k++) assert_int_not_equal(x.ev[k].status, DYAD_REPORTED);
}

static void test_pronoun_across_sentences(void **st) {
    (void)st;
    events x = code("Freedonia's president arrived on Monday. He praised Sylvania.", 0);
    EXPECT(x, "FREGOV", "SYL", "051");
    assert_int_equal(x.ev[0].sentence, 1);
}

static void test_definite_descriptions(void **st) {
    (void)st;
    events x = code("Freedonia and Sylvania criticized Ruritania. The two countries praised Klopstokia.", 0);
    EXPECT(x, "FRE", "KLO", "051");
    EXPECT(x, "SYL", "KLO", "051");
    x = code("The Freedonian army attacked Sylvania on Monday. The president praised Ruritania.", 0);
    EXPECT(x, "FREGOV", "RUR", "051");
}

static void test_pronoun_object(void **st) {
    (void)st;
    /* "it" cannot be the source itself: it is the other party */
    events x = code("Freedonia praised Sylvania on Monday and attacked it on Friday.", 0);
    EXPECT(x, "FRE", "SYL", "051");
    EXPECT(x, "FRE", "SYL", "190");
}

static void test_conjoined_verbs(void **st) {
    (void)st;
    events x = code("Freedonia condemned an attack by Sylvania and praised Ruritania.", 0);
    EXPECT(x, "FRE", "SYL", "111");
    EXPECT(x, "FRE", "RUR", "051");
}

static void test_relative_clause(void **st) {
    (void)st;
    events x = code("Klopstokia criticized Ruritania, which attacked Sylvania in May.", 0);
    EXPECT(x, "KLO", "RUR", "111");
    EXPECT(x, "RUR", "SYL", "190");
}

static void test_pattern_source_target(void **st) {
    (void)st;
    /* "+ * from $": the target comes before the verb, the source after FROM */
    events x = code("Sylvania freed prisoners from Ruritania.", 0);
    EXPECT(x, "RUR", "SYL", "066");
    x = code("Freedonia accused Sylvania of spying.", 0);
    EXPECT(x, "FRE", "SYL", "1122");
}

static void test_attribution_subordinate(void **st) {
    (void)st;
    /* SAY is subordinate ('?'): it only counts when nothing else is coded */
    events x = code("Freedonia said Sylvania attacked Ruritania.", 0);
    assert_int_equal(x.n, 1);
    EXPECT(x, "SYL", "RUR", "190");
    x = code("Freedonia said on Monday that it would answer Sylvania.", 0);
    assert_true(x.n <= 1);
}

/* The seed story's shape, in our own words: a leader's planned trip. */
static void test_planned_visit_with_host(void **st) {
    (void)st;
    events x = code("North Korea's leader Kim Jong Un is set to attend a military parade in Beijing "
                    "next month. Will the trip change anything?",
                    0);
    int i = has(&x, "PRKGOV", "CHN", "042");
    int j = has(&x, "CHN", "PRKGOV", "043");
    if (!i || !j) print_events(&x);
    assert_true(i && j);
    assert_int_equal(x.ev[i - 1].status, DYAD_PLANNED);
    for (int k = 0; k < x.n; k++) assert_int_equal(x.ev[k].sentence, 0);
    /* a question alone codes nothing reported */
    x = code("Is Freedonia about to attack Sylvania?", 0);
    for (int k = 0; k < x.n; k++) assert_int_not_equal(x.ev[k].status, DYAD_REPORTED);
}

static void test_noun_uses(void **st) {
    (void)st;
    /* "a military attack": a noun after an article, its agent a modifier */
    events x = code("Freedonia praised a military attack on Sylvania.", 0);
    assert_int_equal(x.n, 1);
    EXPECT(x, "FRE", "SYL", "051");
    /* "the attack": a determiner makes a noun */
    x = code("Freedonia condemned the attack on Sylvania.", 0);
    assert_int_equal(x.n, 1);
    EXPECT(x, "FRE", "SYL", "111");
}

static void test_discard(void **st) {
    (void)st;
    events x = code("Freedonia attacked Sylvania in the football match.", 0);
    assert_int_equal(x.n, 0);
}

static void test_explain(void **st) {
    (void)st;
    events x = code("Freedonia attacked Sylvania.", 1);
    assert_int_equal(x.n, 1);
    assert_non_null(strstr(x.explain[0], "tiny.dyd:"));
    assert_non_null(strstr(x.explain[0], "verb"));
}

static void test_options(void **st) {
    (void)st;
    dyad_dict *d = load();
    dyad_coder *c = dyad_coder_new(d, NULL);
    assert_int_equal(dy_coder_option(c, "SET: MINIMUM WORDS = 10"), 0);
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = "o";
    a.text = "Freedonia attacked Sylvania.";
    a.text_len = strlen(a.text);
    events x;
    memset(&x, 0, sizeof x);
    assert_int_equal(dyad_code_article(c, &a, collect, &x, NULL), 0);
    dy_coder_reset_options(c);
    assert_int_equal(dyad_code_article(c, &a, collect, &x, NULL), 1);
    dyad_coder_free(c);
    dyad_dict_free(d);
}

static void test_function_words_sorted(void **st) {
    (void)st;
    assert_int_equal(dy_fword_of("the", 3), DY_FW_DET);
    assert_int_equal(dy_fword_of("'ll", 3), DY_FW_FUTURE);
    assert_int_equal(dy_fword_of("n't", 3), DY_FW_NEG);
    assert_int_equal(dy_fword_of("would", 5), DY_FW_FUTURE);
    assert_int_equal(dy_fword_of("whose", 5), DY_FW_REL);
    assert_int_equal(dy_fword_of("freedonia", 9), DY_FW_NONE);
}

/* The coder's hash table answers exactly as the sorted table does, for
 * function words, their near misses and other words. */
static void test_function_word_index(void **st) {
    (void)st;
    static const char *const words[] = {
        "the", "a", "an", "of", "to", "in", "'ll", "n't", "won't", "wouldn't", "shouldn't", "whose",
        "whom", "who", "which", "while", "whereas", "be", "been", "being", "is", "isn't", "it", "its",
        "th", "thee", "them", "these", "those", "they", "their", "there", "shall", "should", "wouldnt",
        "ll", "'l", "nt", "can", "can't", "cant", "mayor", "ma", "minister", "said", "", "x", "z",
        "without", "within", "withinn", "toward", "towards", "towardss", "unless", "under", "between"};
    dy_fword_index *x = malloc(sizeof *x);
    assert_non_null(x);
    dy_fword_index_init(x);
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        assert_int_equal(dy_fword_find(x, words[i], strlen(words[i])), dy_fword_of(words[i], strlen(words[i])));
    free(x);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_function_words_sorted),
        cmocka_unit_test(test_function_word_index),
        cmocka_unit_test(test_simple_svo),
        cmocka_unit_test(test_agent_composition),
        cmocka_unit_test(test_longest_match),
        cmocka_unit_test(test_compound_actors),
        cmocka_unit_test(test_passive),
        cmocka_unit_test(test_negation),
        cmocka_unit_test(test_planned_and_paired),
        cmocka_unit_test(test_speculative),
        cmocka_unit_test(test_pronoun_across_sentences),
        cmocka_unit_test(test_definite_descriptions),
        cmocka_unit_test(test_pronoun_object),
        cmocka_unit_test(test_conjoined_verbs),
        cmocka_unit_test(test_relative_clause),
        cmocka_unit_test(test_pattern_source_target),
        cmocka_unit_test(test_attribution_subordinate),
        cmocka_unit_test(test_planned_visit_with_host),
        cmocka_unit_test(test_noun_uses),
        cmocka_unit_test(test_discard),
        cmocka_unit_test(test_explain),
        cmocka_unit_test(test_options),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
