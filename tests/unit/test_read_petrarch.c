/* PETRARCH validation XML reader: an invented file with the defects of the
 * PETR2_GSR file, and (when ../shared is there) the three shipped suites. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "io/read.h"
#include "test_read_collect.h"
#include <json-c/json.h>

static const char *const own_xml =
    "<?xml version='1.0' encoding='utf-8'?>\n"
    "<Validation>\n"
    "#####  banner with a literal <EventCoding sourcecode=\"X\"> that is not one\n"
    "   # indented banner line\n"
    "<!-- a comment with <Sentence id=\"NOT-ME\"> inside -->\n"
    "<Environment>\n"
    "    <Verbfile>our.verbs.txt</Verbfile>\n"
    "    <Include>valid QUAY </Include>\n"
    "    <Config option=\"comma_max\" value=\"4\"></Config>\n"
    "</Environment>\n"
    "<Sentences>\n"
    "<Sentence category=\"QUAY\" date=\"20250903\" id=\"QUAY-01\" evaluate=\"true\"/>\n"
    "<EventCoding eventcode=\"010\" sourcecode=\"PEL\" targetcode=\"---\" />\n"
    "<Text>\n"
    "The harbour master of Port Ellis &amp; his deputy closed the quay &#x2014; briefly.\n"
    "</Text>\n"
    "<Parse>\n(ROOT (S (NP x)))\n</Parse></Sentence>\n"
    "<Config option=\"require_dyad\" value=\"False\"></Config>\n"
    "<Sentence date=\"19950101\" id=\"QUAY-02\" category=\"QUAY\" sentence=\"false\">\n"
    "<EventCoding noevents = \"True\"></EventCoding>\n"
    "<Text>No events \xE9 here.</Text>\n"
    "</Sentence>\n"
    "<Sentence date=\"19950101\" id=\"QUAY-03\">\n"
    "<EventCoding sourcecode=\"A\" targetcode=\"B\" eventcode=\"042\"></EventCoding>\n"
    "</Sentence>\n"
    "<Sentence date=\"19951301\" id=\"QUAY-04\" valid=\"TRUE\">\n"
    "<Text>A bad month; the text still counts.</Text>\n"
    "</Sentence>\n"
    "</Sentences>\n"
    "</Validation>\n";

typedef struct {
    collect c;
    char log[32][128];
    size_t n, codings, noevents, configs, envs;
} item_log;

static int log_item(const dy_petr_item *it, void *user) {
    item_log *l = user;
    char *s = l->n < 32 ? l->log[l->n] : NULL;
    switch (it->kind) {
    case DY_PETR_ENVIRONMENT:
        l->envs++;
        if (s) snprintf(s, 128, "env %s=%s", it->name, it->value);
        break;
    case DY_PETR_CONFIG:
        l->configs++;
        if (s) snprintf(s, 128, "config %s=%s", it->name, it->value ? it->value : "(null)");
        break;
    case DY_PETR_SENTENCE:
        l->codings += it->ncodings;
        for (size_t i = 0; i < it->ncodings; i++) l->noevents += it->codings[i].noevents;
        if (s)
            snprintf(s, 128, "sentence %s cat=%s valid=%d eval=%d codings=%zu first=%s parse=%s",
                     it->article->id, it->category ? it->category : "-", it->valid, it->evaluate,
                     it->ncodings,
                     it->ncodings && it->codings[0].eventcode ? it->codings[0].eventcode : "-",
                     it->parse ? it->parse : "-");
        collect_article(it->article, &l->c);
        break;
    }
    l->n++;
    return 0;
}

static void own_file(void **state) {
    (void)state;
    item_log l = {0};
    collect_init(&l.c);
    assert_int_equal(dy_petrarch_read("own.xml", own_xml, strlen(own_xml), log_item, &l, &l.c.diag),
                     0);
    collect_dump(&l.c);
    assert_int_equal(l.n, 7);
    assert_string_equal(l.log[0], "env Verbfile=our.verbs.txt");
    assert_string_equal(l.log[1], "env Include=valid QUAY");
    assert_string_equal(l.log[2], "config comma_max=4");
    assert_string_equal(l.log[3], "sentence QUAY-01 cat=QUAY valid=-1 eval=1 codings=1 first=010 "
                                  "parse=(ROOT (S (NP x)))");
    assert_string_equal(l.log[4], "config require_dyad=False");
    assert_string_equal(l.log[5], "sentence QUAY-02 cat=QUAY valid=0 eval=-1 codings=1 first=- "
                                  "parse=-");
    assert_string_equal(l.log[6], "sentence QUAY-04 cat=- valid=1 eval=-1 codings=0 first=- "
                                  "parse=-");
    assert_int_equal(l.noevents, 1);
    collect *c = &l.c;
    assert_int_equal(c->n, 3);
    assert_string_equal(c->a[0].text, "The harbour master of Port Ellis & his deputy closed the "
                                      "quay \xE2\x80\x94 briefly.");
    assert_string_equal(c->a[0].date, "2025-09-03");
    assert_int_equal(c->a[0].line, 15);
    assert_null(c->a[2].date);
    assert_int_equal(c->diag.errors, 1); /* QUAY-03 has no <Text> */
    assert_true(collect_has(c, "QUAY-03 has no <Text>"));
    assert_true(collect_has(c, "invalid date"));
    assert_true(collect_has(c, "23:17: warning: invalid UTF-8: 1 bad byte"));
    collect_free(c);
}

static void unterminated(void **state) {
    (void)state;
    collect c;
    collect_init(&c);
    const char *x = "<Validation><Sentence id=\"A\" date=\"20200101\"><Text>ok</Text></Sentence>\n"
                    "<Sentence id=\"B\"><Text>never closed\n";
    assert_int_equal(read_str(&c, "bad.xml", x, DYAD_IN_PETRARCH), 0);
    assert_int_equal(c.n, 1);
    assert_string_equal(c.a[0].id, "A");
    assert_true(collect_has(&c, "<Text> is never closed"));
    collect_free(&c);
}

static char *shared_path(const char *rel) {
    const char *shared = getenv("DYAD_SHARED");
    if (!shared) return NULL;
    size_t n = strlen(shared) + strlen(rel) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", shared, rel);
    FILE *f = fopen(p, "r");
    if (!f) {
        free(p);
        return NULL;
    }
    fclose(f);
    return p;
}

static void read_suite(const char *rel, item_log *l) {
    char *path = shared_path(rel);
    if (!path) skip();
    char *data;
    size_t len;
    collect_init(&l->c);
    assert_int_equal(dy_read_slurp(path, &data, &len, &l->c.diag), 0);
    assert_int_equal(dy_petrarch_read(path, data, len, log_item, l, &l->c.diag), 0);
    free(data);
    free(path);
}

static void petrarch1_suite(void **state) {
    (void)state;
    item_log l = {0};
    read_suite("peers/petrarch1-2015/petrarch/data/text/PETR.UnitTest.records.xml", &l);
    assert_int_equal(l.c.n, 281);
    assert_int_equal(l.c.diag.errors, 0);
    collect_free(&l.c);
}

static void petrarch2_suite(void **state) {
    (void)state;
    item_log l = {0};
    read_suite("peers/petrarch2/petrarch2/data/text/PETR.UnitTest.records.xml", &l);
    assert_int_equal(l.c.n, 284);
    assert_int_equal(l.codings, 385);
    assert_int_equal(l.configs, 29);
    assert_int_equal(l.envs, 7);
    assert_int_equal(l.c.diag.errors, 0);
    assert_string_equal(l.c.a[0].date, "1995-01-01");
    collect_free(&l.c);
}

static void gsr_suite_matches_gold(void **state) {
    (void)state;
    item_log l = {0};
    read_suite("peers/universalpetrarch/UniversalPetrarch/data/text/PETR2_GSR_validation.xml", &l);
    assert_int_equal(l.c.n, 78);
    assert_int_equal(l.codings, 92);
    assert_int_equal(l.noevents, 12);
    assert_int_equal(l.c.diag.errors, 0);
    char *gold = shared_path("gold/petr2_gsr.jsonl");
    if (gold) {
        FILE *g = fopen(gold, "r");
        char line[1 << 16];
        size_t i = 0;
        while (fgets(line, sizeof line, g)) {
            json_object *o = json_tokener_parse(line), *id;
            assert_non_null(o);
            assert_true(json_object_object_get_ex(o, "id", &id));
            assert_true(i < l.c.n);
            assert_string_equal(l.c.a[i].id, json_object_get_string(id));
            json_object_put(o);
            i++;
        }
        fclose(g);
        assert_int_equal(i, 78);
        free(gold);
    }
    collect_free(&l.c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(own_file),
        cmocka_unit_test(unterminated),
        cmocka_unit_test(petrarch1_suite),
        cmocka_unit_test(petrarch2_suite),
        cmocka_unit_test(gsr_suite_matches_gold),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
