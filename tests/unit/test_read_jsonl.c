/* JSONL reader: fields, ids, dates, every kind of bad line (each reported
 * with its line and skipped while the good lines still come through), and
 * a 100 MB single-line article. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "io/read.h"
#include "test_read_collect.h"
#include <unistd.h>

static void fields(void **state) {
    (void)state;
    const char *in =
        "\xEF\xBB\xBF{\"id\": \"q1\", \"date\": \"2025-09-03\", \"title\": \"Quay shut\", "
        "\"text\": \"The quay at Port Ellis shut.\", \"url\": \"https://example.org/q1\", "
        "\"source\": \"Ellis Gazette\", \"extra\": {\"ignored\": [1, 2]}}\n"
        "\n"
        "   \n"
        "{\"text\": \"No id: the line number stands in.\", \"date\": \"20240229\"}\r\n"
        "{\"id\": 42, \"text\": \"Integer ids become strings.\", \"date\": null, \"title\": null}\n"
        "{\"id\": \"a\", \"id\": \"b\", \"text\": \"first\", \"text\": \"last wins\"}\n"
        "{\"text\": \"Escapes: \\\"quoted\\\" \\u00e9 \\ud83d\\ude00\", \"date\": "
        "\"2025-09-03T10:00:00Z\"}\n";
    collect c;
    collect_init(&c);
    assert_int_equal(read_str(&c, "feed.jsonl", in, DYAD_IN_AUTO), 0);
    collect_dump(&c);
    assert_int_equal(c.n, 5);
    assert_int_equal(c.diag.errors + c.diag.warnings, 0);
    assert_string_equal(c.a[0].id, "q1");
    assert_string_equal(c.a[0].date, "2025-09-03");
    assert_string_equal(c.a[0].title, "Quay shut");
    assert_string_equal(c.a[0].text, "The quay at Port Ellis shut.");
    assert_string_equal(c.a[0].url, "https://example.org/q1");
    assert_string_equal(c.a[0].source, "Ellis Gazette");
    assert_int_equal(c.a[0].line, 1);
    assert_string_equal(c.a[1].id, "4");
    assert_int_equal(c.a[1].line, 4);
    assert_string_equal(c.a[1].date, "2024-02-29");
    assert_null(c.a[1].title);
    assert_string_equal(c.a[2].id, "42");
    assert_null(c.a[2].date);
    assert_string_equal(c.a[3].id, "b");
    assert_string_equal(c.a[3].text, "last wins");
    assert_string_equal(c.a[4].text, "Escapes: \"quoted\" \xC3\xA9 \xF0\x9F\x98\x80");
    assert_string_equal(c.a[4].date, "2025-09-03");
    collect_free(&c);
}

static void bad_lines(void **state) {
    (void)state;
    const char *in = "{\"id\": \"ok1\", \"text\": \"Good.\"}\n"
                     "this is not json\n"
                     "[\"an\", \"array\"]\n"
                     "{\"id\": \"no-text\"}\n"
                     "{\"id\": \"num-text\", \"text\": 17}\n"
                     "{\"id\": [\"x\"], \"text\": \"id of the wrong type\"}\n"
                     "{\"id\": \"tail\", \"text\": \"x\"} and more\n"
                     "{\"id\": \"cut\", \"text\": \"never closed\n"
                     "{\"id\": \"ok2\", \"text\": \"Good again.\", \"date\": \"2025-13-01\"}\n"
                     "{\"id\": \"ok3\", \"text\": \"Title of the wrong type.\", \"title\": 5}\n";
    collect c;
    collect_init(&c);
    assert_int_equal(read_str(&c, "bad.jsonl", in, DYAD_IN_JSONL), 0);
    collect_dump(&c);
    assert_int_equal(c.n, 3);
    assert_string_equal(c.a[0].id, "ok1");
    assert_string_equal(c.a[1].id, "ok2");
    assert_null(c.a[1].date);
    assert_string_equal(c.a[2].id, "ok3");
    assert_null(c.a[2].title);
    assert_int_equal(c.diag.errors, 7);
    assert_int_equal(c.diag.warnings, 2);
    assert_true(collect_has(&c, "2:2: error: bad JSON"));
    assert_true(collect_has(&c, "3:0: error: not a JSON object"));
    assert_true(collect_has(&c, "4:0: error: article has no \"text\""));
    assert_true(collect_has(&c, "5:0: error: field \"text\" is not a string"));
    assert_true(collect_has(&c, "6:0: error: field \"id\" must be"));
    assert_true(collect_has(&c, "7:29: error: unexpected characters"));
    assert_true(collect_has(&c, "8:"));
    assert_true(collect_has(&c, "9:0: warning: invalid date \"2025-13-01\""));
    assert_true(collect_has(&c, "10:0: warning: field \"title\" is not a string"));
    collect_free(&c);
}

static void bad_bytes(void **state) {
    (void)state;
    const char *in = "{\"id\": \"u\", \"text\": \"Ni\xE7 and \xFF.\"}\n"
                     "{\"id\": \"n\", \"text\": \"a\\u0000b\"}\n";
    collect c;
    collect_init(&c);
    assert_int_equal(read_str(&c, "bytes.jsonl", in, DYAD_IN_JSONL), 0);
    collect_dump(&c);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.a[0].text, "Ni\xE7 and \xFF.");
    assert_int_equal(c.a[1].text_len, 3);
    assert_memory_equal(c.a[1].text, "a\0b", 3);
    assert_int_equal(c.diag.warnings, 2);
    assert_int_equal(c.diag.errors, 0);
    assert_true(collect_has(&c, "1:24: warning: invalid UTF-8: 2 bad bytes"));
    assert_true(collect_has(&c, "2:0: warning: 1 NUL byte"));
    collect_free(&c);
}

static int stop_after_first(const dyad_article *a, void *user) {
    (void)a;
    ++*(int *)user;
    return 1;
}

static void callback_stops(void **state) {
    (void)state;
    const char *in = "{\"text\": \"one\"}\n{\"text\": \"two\"}\n";
    int calls = 0;
    dyad_diag d;
    dyad_diag_init(&d, NULL, NULL);
    assert_int_equal(dyad_read_memory("s.jsonl", in, strlen(in), DYAD_IN_JSONL, stop_after_first,
                                      &calls, &d),
                     0);
    assert_int_equal(calls, 1);
}

typedef struct {
    size_t articles, bytes;
    char first, last;
} big_seen;

static int see_big(const dyad_article *a, void *user) {
    big_seen *s = user;
    if (s->articles++) return 0;
    s->bytes = a->text_len;
    s->first = a->text[0];
    s->last = a->text[a->text_len - 1];
    return 0;
}

static void hundred_megabyte_line(void **state) {
    (void)state;
    char path[] = "/tmp/dyad-read-big-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    assert_non_null(f);
    const char *chunk = "Ministers of Port Ellis and Norvale met to sign a \\\"pact\\\". ";
    size_t n = strlen(chunk), total = 0;
    fputs("{\"id\": \"huge\", \"text\": \"", f);
    while (total < 100u * 1024 * 1024) {
        fwrite(chunk, 1, n, f);
        total += n;
    }
    fputs("END\"}\n{\"id\": \"after\", \"text\": \"small\"}\n", f);
    fclose(f);
    big_seen seen = {0};
    dyad_diag d;
    dyad_diag_init(&d, NULL, NULL);
    assert_int_equal(dyad_read_file(path, DYAD_IN_AUTO, see_big, &seen, &d), 0);
    unlink(path);
    assert_int_equal(seen.articles, 2);
    assert_int_equal(d.errors + d.warnings, 0);
    /* Each chunk holds two escaped quotes, one byte shorter each once decoded. */
    assert_int_equal(seen.bytes, total / n * (n - 2) + 3);
    assert_int_equal(seen.first, 'M');
    assert_int_equal(seen.last, 'D');
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fields),         cmocka_unit_test(bad_lines),
        cmocka_unit_test(bad_bytes),      cmocka_unit_test(callback_stops),
        cmocka_unit_test(hundred_megabyte_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
