/* `transform` lines in our own dictionary format: a saying verb governing
 * another codes one event instead of two, only where a rule fits. Tiny
 * invented dictionaries and sentences; also the loader's error reports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dict/dict.h"
#include "dyad.h"
#include "test_coder_fixture.h"
#include <stdio.h>
#include <string.h>

#define BASE_DICT                                                                                             \
    "format 1\n"                                                                                              \
    "actor FRE: freedonia\n"                                                                                  \
    "capital FRE: fredville\n"                                                                                \
    "actor SYL: sylvania | sylvanian\n"                                                                       \
    "agent REB: rebels | fighters\n"                                                                          \
    "agent MIL: soldiers | troops\n"                                                                          \
    "verb SAY [---]: say | says | said\n"                                                                     \
    "verb ATTACK [190]: attack | attacked\n"                                                                  \
    "verb SHELL [194]: shell | shelled\n"                                                                     \
    "verb HELP [070]: help | helped\n"

/* The accusation reading: one party saying another attacked accuses it. */
static const char accuse_dict[] = BASE_DICT "transform SAY: a (b . 190) -> a b 112\n";

static dyad_dict *load(const char *text, size_t len, dyad_diag *diag) {
    dyad_diag_init(diag, NULL, NULL);
    return dy_dict_load_memory(DY_FMT_NATIVE, "t.dyd", text, len, diag);
}

static events code_with(const char *dict_text, size_t dict_len, const char *text) {
    return fixture_code(dict_text, dict_len, text, 0);
}

static events code(const char *text) { return code_with(accuse_dict, sizeof accuse_dict - 1, text); }

static void show(const events *x) { show_events(x); }

static void expect_only(const events *x, const char *src, const char *tgt, const char *code) {
    if (x->n != 1 || strcmp(x->ev[0].source, src) || strcmp(x->ev[0].target, tgt) || strcmp(x->ev[0].code, code))
        show(x);
    assert_int_equal(x->n, 1);
    assert_string_equal(x->ev[0].source, src);
    assert_string_equal(x->ev[0].target, tgt);
    assert_string_equal(x->ev[0].code, code);
}

static void test_other_attacked_is_accusation(void **st) {
    (void)st;
    events x = code("Freedonia said Sylvanian troops attacked the border post.");
    expect_only(&x, "FRE", "SYLMIL", "112");
}

/* 190 in a rule stands for its whole root: shelling (194) is an attack said */
static void test_root_code_covers_children(void **st) {
    (void)st;
    events x = code("Freedonia said Sylvanian troops shelled the town.");
    expect_only(&x, "FRE", "SYLMIL", "112");
}

/* different letters are different actors: a party telling of its own
 * attack is no accusation of itself; the attack codes as usual */
static void test_own_attack_not_accusation(void **st) {
    (void)st;
    events x = code("Freedonia said Freedonia attacked Sylvania.");
    expect_only(&x, "FRE", "SYL", "190");
}

/* no rule fits a cooperative lower verb: both verbs code as usual */
static void test_no_rule_codes_as_usual(void **st) {
    (void)st;
    events x = code("Freedonia said Sylvania helped the rebels.");
    expect_only(&x, "SYL", "---REB", "070");
}

/* a capital named as the accuser is its government, as for statements */
static void test_capital_accuses_as_government(void **st) {
    (void)st;
    events x = code("Fredville said Sylvanian fighters attacked the village.");
    expect_only(&x, "FREGOV", "SYLREB", "112");
}

/* without the rule the same sentence codes the attack itself */
static void test_without_rule_attack_is_coded(void **st) {
    (void)st;
    static const char plain[] = BASE_DICT;
    events x = code_with(plain, sizeof plain - 1, "Freedonia said Sylvanian troops attacked Freedonia.");
    expect_only(&x, "SYLMIL", "FRE", "190");
}

static void keep_message(const dyad_diagnostic *dg, void *user) {
    char *out = user;
    snprintf(out, 512, "%s:%ld: %s", dg->file ? dg->file : "?", dg->line, dg->message);
}

static void expect_load_error(const char *line, const char *needle) {
    char text[1024], message[512] = "";
    int n = snprintf(text, sizeof text, "%s%s\n", BASE_DICT, line);
    assert_true(n > 0 && (size_t)n < sizeof text);
    dyad_diag diag;
    dyad_diag_init(&diag, keep_message, message);
    dyad_dict *d = dy_dict_load_memory(DY_FMT_NATIVE, "t.dyd", text, (size_t)n, &diag);
    assert_non_null(d); /* a bad line costs only itself */
    if (diag.errors != 1) fprintf(stderr, "line: %s; errors %d; message: %s\n", line, (int)diag.errors, message);
    assert_int_equal(diag.errors, 1);
    if (!strstr(message, needle)) fprintf(stderr, "message: %s\n", message);
    assert_non_null(strstr(message, needle));
    assert_non_null(strstr(message, "t.dyd:11:")); /* errors carry file:line */
    assert_int_equal(dy_dict_transform_count(d), 0);
    dyad_dict_free(d);
}

static void test_loader_errors(void **st) {
    (void)st;
    expect_load_error("transform: a (b . 190) -> a b 112", "NAME");
    expect_load_error("transform say: a (b . 190) -> a b 112", "upper-case");
    expect_load_error("transform SAY: a (b . 190) a b 112", "->");
    expect_load_error("transform SAY: a (b . ATTACK) -> a b 112", "codes");
    expect_load_error("transform SAY: a (b . 190) -> . b 112", "letters");
    expect_load_error("transform SAY: a (b . 190) -> a b 112 extra", "->");
}

static void test_loader_keeps_rule(void **st) {
    (void)st;
    dyad_diag diag;
    dyad_dict *d = load(accuse_dict, sizeof accuse_dict - 1, &diag);
    assert_non_null(d);
    assert_int_equal(diag.errors, 0);
    assert_int_equal(dy_dict_transform_count(d), 1);
    const dy_transform *t = dy_dict_transform(d, 0);
    assert_string_equal(t->upper_verb, "SAY");
    assert_string_equal(t->lower_verb, "190");
    assert_string_equal(t->out_code, "112");
    assert_int_equal(t->family, DY_FAM_NATIVE);
    assert_int_equal(t->line, 11);
    dyad_dict_free(d);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_other_attacked_is_accusation), cmocka_unit_test(test_root_code_covers_children),
        cmocka_unit_test(test_own_attack_not_accusation),    cmocka_unit_test(test_no_rule_codes_as_usual),
        cmocka_unit_test(test_capital_accuses_as_government), cmocka_unit_test(test_without_rule_attack_is_coded),
        cmocka_unit_test(test_loader_errors),                cmocka_unit_test(test_loader_keeps_rule),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
