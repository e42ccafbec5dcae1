/* The CAMEO combinations of two verbs read as one (src/coder/p2_codes.c):
 * an intent, appeal, demand or rejection over a cooperative lower code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "coder/p2.h"

#include <string.h>

static void expect_joined(const char *upper, const char *lower, const char *want) {
    char out[8] = "";
    int ok = dy_p2_compose(upper, lower, out);
    if (!want) {
        assert_int_equal(ok, 0);
        return;
    }
    assert_int_equal(ok, 1);
    assert_string_equal(out, want);
}

static void intent_over_cooperation(void **state) {
    (void)state;
    expect_joined("030", "060", "031"); /* seeking to deepen ties */
    expect_joined("030", "070", "033"); /* wants to help */
    expect_joined("030", "040", "036"); /* plans to meet */
    expect_joined("030", "050", "032");
    expect_joined("030", "080", "035");
}

static void appeal_demand_and_refusal(void **state) {
    (void)state;
    expect_joined("020", "070", "023"); /* asking Y to help */
    expect_joined("100", "040", "106");
    expect_joined("120", "080", "124"); /* would not give permission */
    expect_joined("120", "060", "121");
}

static void sub_codes_follow_the_lower_code(void **state) {
    (void)state;
    expect_joined("030", "073", "0333"); /* humanitarian aid */
    expect_joined("020", "0841", "0253"); /* release of people */
    expect_joined("120", "085", "1244");  /* easing sanctions */
    expect_joined("030", "083", "034");   /* political reform has its own code */
}

static void codes_that_do_not_join(void **state) {
    (void)state;
    expect_joined("031", "060", NULL); /* not a general upper code */
    expect_joined("010", "070", NULL); /* a statement is no intent */
    expect_joined("030", "190", NULL); /* violence is no cooperation */
    expect_joined("120", "050", NULL); /* CAMEO has no such refusal */
    expect_joined(NULL, "060", NULL);
    expect_joined("030", "", NULL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(intent_over_cooperation),
        cmocka_unit_test(appeal_demand_and_refusal),
        cmocka_unit_test(sub_codes_follow_the_lower_code),
        cmocka_unit_test(codes_that_do_not_join),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
