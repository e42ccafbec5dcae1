/* The store's helpers: period keys and their successors (what time series
 * and summaries bucket by), the shared filter options, the content hash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "store/content_hash.h"
#include "store/period.h"
#include "store/query_opts.h"
#include <string.h>

static void key_is(dy_period p, const char *date, const char *want) {
    char k[DY_PERIOD_KEY];
    dy_period_key(p, date, k);
    assert_string_equal(k, want);
}

static void next_is(dy_period p, const char *key, const char *want) {
    char k[DY_PERIOD_KEY];
    assert_int_equal(dy_period_next(p, key, k), 0);
    assert_string_equal(k, want);
}

static void test_keys(void **state) {
    (void)state;
    key_is(DY_BY_DAY, "2024-03-05", "2024-03-05");
    key_is(DY_BY_MONTH, "2024-03-05", "2024-03");
    key_is(DY_BY_YEAR, "2024-03-05", "2024");
    /* ISO weeks: the Thursday decides the year. */
    key_is(DY_BY_WEEK, "2024-01-01", "2024-W01"); /* a Monday */
    key_is(DY_BY_WEEK, "2021-01-03", "2020-W53"); /* Sunday, still 2020's last week */
    key_is(DY_BY_WEEK, "2024-12-30", "2025-W01");
    key_is(DY_BY_WEEK, "2026-11-27", "2026-W48");
    key_is(DY_BY_MONTH, "", "");
    key_is(DY_BY_MONTH, "2024-3-5", "");
    key_is(DY_BY_DAY, "2024-13-01", "");
}

static void test_next(void **state) {
    (void)state;
    next_is(DY_BY_DAY, "2024-02-28", "2024-02-29");
    next_is(DY_BY_DAY, "2023-02-28", "2023-03-01");
    next_is(DY_BY_DAY, "2024-12-31", "2025-01-01");
    next_is(DY_BY_MONTH, "2024-12", "2025-01");
    next_is(DY_BY_YEAR, "1999", "2000");
    next_is(DY_BY_WEEK, "2020-W52", "2020-W53");
    next_is(DY_BY_WEEK, "2020-W53", "2021-W01");
    next_is(DY_BY_WEEK, "2024-W52", "2025-W01");
    char k[DY_PERIOD_KEY];
    assert_int_equal(dy_period_next(DY_BY_MONTH, "junk", k), -1);
    assert_int_equal(dy_period_parse("week"), DY_BY_WEEK);
    assert_int_equal(dy_period_parse("fortnight"), -1);
}

static int parse(dy_query_opts *o, int argc, char **argv) {
    int r = 0;
    for (int i = 0; i < argc && r >= 0; i++) r = dy_query_opts_parse(o, argc, argv, &i, "test");
    return r;
}

static void test_filter_options(void **state) {
    (void)state;
    dy_query_opts o;
    dy_query_opts_init(&o);
    char *ok[] = {"--dyad", "CHN:PRKGOV", "--both", "--since", "2024", "--until", "2024-02",
                  "--status", "reported,planned", "--quad", "3", "--limit", "7"};
    assert_true(parse(&o, 13, ok) >= 0);
    assert_string_equal(o.q.dyad_source, "CHN");
    assert_string_equal(o.q.dyad_target, "PRKGOV");
    assert_int_equal(o.q.both_directions, 1);
    assert_string_equal(o.q.since, "2024-01-01");
    assert_string_equal(o.q.until, "2024-02-31");
    assert_int_equal(o.q.status_mask, 3);
    assert_int_equal(o.q.quad, 3);
    assert_int_equal(o.q.limit, 7);
    char *open_side[] = {"--dyad", ":USA"};
    dy_query_opts_init(&o);
    assert_true(parse(&o, 2, open_side) >= 0);
    assert_string_equal(o.q.dyad_source, "");
    assert_string_equal(o.q.dyad_target, "USA");
    char *bad1[] = {"--dyad", "CHN"};
    char *bad2[] = {"--quad", "5"};
    char *bad3[] = {"--since", "2024/01/01"};
    char *bad4[] = {"--status", "rumoured"};
    char *bad5[] = {"--limit"};
    assert_int_equal(parse(&o, 2, bad1), -1);
    assert_int_equal(parse(&o, 2, bad2), -1);
    assert_int_equal(parse(&o, 2, bad3), -1);
    assert_int_equal(parse(&o, 2, bad4), -1);
    assert_int_equal(parse(&o, 1, bad5), -1);
    char *other[] = {"--format"};
    assert_int_equal(dy_query_opts_parse(&o, 1, other, &(int){0}, "test"), 0);
}

static void test_content_hash(void **state) {
    (void)state;
    char a[DY_CONTENT_HASH_LEN + 1], b[DY_CONTENT_HASH_LEN + 1];
    dy_content_hash("herald", "Same words.", 11, a);
    dy_content_hash("herald", "Same words.", 11, b);
    assert_string_equal(a, b);
    assert_int_equal(strlen(a), DY_CONTENT_HASH_LEN);
    dy_content_hash("courier", "Same words.", 11, b);
    assert_string_not_equal(a, b); /* another outlet: another article */
    dy_content_hash(NULL, "Same words.", 11, b);
    assert_string_not_equal(a, b);
    dy_content_hash("ab", "c", 1, a);
    dy_content_hash("a", "bc", 2, b);
    assert_string_not_equal(a, b);
    /* Text may hold NULs; they count. */
    dy_content_hash(NULL, "x\0y", 3, a);
    dy_content_hash(NULL, "x\0z", 3, b);
    assert_string_not_equal(a, b);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys),
        cmocka_unit_test(test_next),
        cmocka_unit_test(test_filter_options),
        cmocka_unit_test(test_content_hash),
    };
    return cmocka_run_group_tests_name("store/helpers", tests, NULL, NULL);
}
