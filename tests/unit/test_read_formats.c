/* Reader entry points: format names, "auto" detection, plain text, and the
 * bad inputs every format shares (empty, binary, NUL bytes, bad UTF-8,
 * paths that cannot be read, a 100 MB file). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "io/read.h"
#include "test_read_collect.h"
#include <sys/stat.h>
#include <unistd.h>

static char tmpdir[256];

static int make_tmpdir(void **state) {
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dyad-read-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state) {
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static char *write_tmp(const char *name, const char *data, size_t len) {
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
    return path;
}

static void format_names(void **state) {
    (void)state;
    assert_int_equal(dyad_in_format_parse("auto"), DYAD_IN_AUTO);
    assert_int_equal(dyad_in_format_parse("text"), DYAD_IN_TEXT);
    assert_int_equal(dyad_in_format_parse("jsonl"), DYAD_IN_JSONL);
    assert_int_equal(dyad_in_format_parse("html"), DYAD_IN_HTML);
    assert_int_equal(dyad_in_format_parse("tabari"), DYAD_IN_TABARI);
    assert_int_equal(dyad_in_format_parse("petrarch"), DYAD_IN_PETRARCH);
    assert_int_equal(dyad_in_format_parse("JSONL"), -1);
    assert_int_equal(dyad_in_format_parse("csv"), -1);
    assert_int_equal(dyad_in_format_parse(NULL), -1);
}

static void detection(void **state) {
    (void)state;
    const char *t = "Plain words.";
    assert_int_equal(dy_read_detect("a.jsonl", t, strlen(t)), DYAD_IN_JSONL);
    assert_int_equal(dy_read_detect("a.NDJSON", t, strlen(t)), DYAD_IN_JSONL);
    assert_int_equal(dy_read_detect("a.htm", t, strlen(t)), DYAD_IN_HTML);
    assert_int_equal(dy_read_detect("a.xml", t, strlen(t)), DYAD_IN_PETRARCH);
    assert_int_equal(dy_read_detect("a.txt", t, strlen(t)), DYAD_IN_TEXT);
    const char *tab = "# banner\n\n250903  QUAY-01\nText.\n";
    assert_int_equal(dy_read_detect("Records.text", tab, strlen(tab)), DYAD_IN_TABARI);
    assert_int_equal(dy_read_detect("-", tab, strlen(tab)), DYAD_IN_TABARI);
    const char *j = "\xEF\xBB\xBF  {\"text\": \"x\"}\n";
    assert_int_equal(dy_read_detect("-", j, strlen(j)), DYAD_IN_JSONL);
    const char *h = "<!DOCTYPE html><html><body>x</body></html>";
    assert_int_equal(dy_read_detect("page", h, strlen(h)), DYAD_IN_HTML);
    const char *x = "<?xml version='1.0'?>\n<Validation><Sentences></Sentences></Validation>";
    assert_int_equal(dy_read_detect("-", x, strlen(x)), DYAD_IN_PETRARCH);
    const char *dates = "2025 was a year.\n12345 people came.";
    assert_int_equal(dy_read_detect("-", dates, strlen(dates)), DYAD_IN_TEXT);
    assert_int_equal(dy_read_detect("notes", t, strlen(t)), DYAD_IN_TEXT);
}

static void plain_text(void **state) {
    (void)state;
    const char *body = "Quay closed at Port Ellis\n\nThe harbour master closed the north quay.\n";
    collect c;
    collect_init(&c);
    assert_int_equal(read_str(&c, "news/day1/quay-story.txt", body, DYAD_IN_AUTO), 0);
    assert_int_equal(c.n, 1);
    assert_string_equal(c.a[0].id, "quay-story");
    assert_string_equal(c.a[0].title, "Quay closed at Port Ellis");
    assert_string_equal(c.a[0].text, body); /* the title stays part of the text */
    assert_int_equal(c.a[0].text_len, strlen(body));
    assert_int_equal(c.a[0].line, 1);
    assert_null(c.a[0].date);
    assert_int_equal(c.diag.warnings + c.diag.errors, 0);
    collect_free(&c);
}

static void title_heuristic(void **state) {
    (void)state;
    static const struct { const char *text; const char *title; } cases[] = {
        {"Ministers meet in Port Ellis\nThey talked.", "Ministers meet in Port Ellis"},
        {"  \xE2\x80\x9CWe will not yield\xE2\x80\x9D, says mayor \nShe said it.",
         "\xE2\x80\x9CWe will not yield\xE2\x80\x9D, says mayor"},
        {"The ministers met on Tuesday.\nThey talked.", NULL},
        {"Did they meet?\nYes.", NULL},
        {"He said: \"We met.\"\nThen left.", NULL},
        {"Only one line without a newline", NULL},
        {"A headline-like line and nothing after\n\n  \n", NULL},
        {"This first line goes on and on without any full stop because the writer of this "
         "wire story put the whole lead paragraph on one physical line before it finally broke the line somewhere\nx",
         NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        collect c;
        collect_init(&c);
        assert_int_equal(read_str(&c, "t.txt", cases[i].text, DYAD_IN_TEXT), 0);
        assert_int_equal(c.n, 1);
        if (cases[i].title) assert_string_equal(c.a[0].title, cases[i].title);
        else assert_null(c.a[0].title);
        collect_free(&c);
    }
}

static void empty_input(void **state) {
    (void)state;
    static const char *const empties[] = {"", "  \n\n\t \r\n", "\xEF\xBB\xBF\n"};
    static const dyad_in_format fmts[] = {DYAD_IN_AUTO,   DYAD_IN_TEXT,   DYAD_IN_JSONL,
                                          DYAD_IN_HTML,   DYAD_IN_TABARI, DYAD_IN_PETRARCH};
    for (size_t e = 0; e < sizeof empties / sizeof empties[0]; e++)
        for (size_t f = 0; f < sizeof fmts / sizeof fmts[0]; f++) {
            collect c;
            collect_init(&c);
            assert_int_equal(read_str(&c, "empty.txt", empties[e], fmts[f]), 0);
            assert_int_equal(c.n, 0);
            assert_int_equal(c.diag.warnings, 1);
            assert_int_equal(c.diag.errors, 0);
            assert_true(collect_has(&c, "empty input"));
            collect_free(&c);
        }
    /* Also from a real file, where there is no buffer at all. */
    collect c;
    collect_init(&c);
    char *path = write_tmp("empty.txt", "", 0);
    assert_int_equal(dyad_read_file(path, DYAD_IN_AUTO, collect_article, &c, &c.diag), 0);
    assert_int_equal(c.n, 0);
    assert_true(collect_has(&c, "empty input"));
    collect_free(&c);
}

static void binary_input(void **state) {
    (void)state;
    char blob[4096];
    for (size_t i = 0; i < sizeof blob; i++) blob[i] = (char)(i * 7 % 32);
    collect c;
    collect_init(&c);
    assert_int_equal(dyad_read_memory("photo.jpg", blob, sizeof blob, DYAD_IN_AUTO,
                                      collect_article, &c, &c.diag),
                     0);
    assert_int_equal(c.n, 0);
    assert_int_equal(c.diag.errors, 1);
    assert_true(collect_has(&c, "binary file, not text"));
    collect_free(&c);

    /* Compressed data looks random: few control bytes, mostly bad UTF-8. */
    char noise[8192];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof noise; i++) {
        x = x * 1103515245u + 12345u;
        noise[i] = (char)(x >> 24);
    }
    collect_init(&c);
    assert_int_equal(dyad_read_memory("data.gz", noise, sizeof noise, DYAD_IN_TEXT,
                                      collect_article, &c, &c.diag),
                     0);
    assert_int_equal(c.n, 0);
    assert_true(collect_has(&c, "binary file, not text"));
    collect_free(&c);

    /* Text in an 8-bit legacy encoding is still text. */
    char latin[2048];
    for (size_t i = 0; i < sizeof latin; i++) latin[i] = "Caf\xE9 \xE0 Ni\xE7" "a. "[i % 12];
    collect_init(&c);
    assert_int_equal(dyad_read_memory("latin.txt", latin, sizeof latin, DYAD_IN_TEXT,
                                      collect_article, &c, &c.diag),
                     0);
    assert_int_equal(c.n, 1);
    assert_int_equal(c.diag.errors, 0);
    collect_free(&c);
}

static void nul_bytes(void **state) {
    (void)state;
    const char text[] = "Port Ellis closed its quay.\nA stray\0byte and\0another.\n";
    size_t len = sizeof text - 1;
    collect c;
    collect_init(&c);
    assert_int_equal(dyad_read_memory("nul.txt", text, len, DYAD_IN_TEXT, collect_article, &c,
                                      &c.diag),
                     0);
    assert_int_equal(c.n, 1);
    assert_int_equal(c.a[0].text_len, len);
    assert_memory_equal(c.a[0].text, text, len);
    assert_int_equal(c.diag.warnings, 1);
    assert_int_equal(c.diag.errors, 0);
    collect_dump(&c);
    assert_true(collect_has(&c, "2:8: warning: 2 NUL bytes"));
    collect_free(&c);
}

static void bad_utf8(void **state) {
    (void)state;
    const char *text = "Caf\xC3\xA9 owners met.\nThe mayor of Ni\xE7 and \xFF\xFE spoke.\n";
    collect c;
    collect_init(&c);
    assert_int_equal(read_str(&c, "latin.txt", text, DYAD_IN_TEXT), 0);
    assert_int_equal(c.n, 1);
    assert_string_equal(c.a[0].text, text); /* kept as bytes */
    assert_int_equal(c.diag.warnings, 1);
    collect_dump(&c);
    assert_true(collect_has(&c, "2:16: warning: invalid UTF-8: 3 bad bytes"));
    collect_free(&c);
}

static void unreadable_paths(void **state) {
    (void)state;
    collect c;
    collect_init(&c);
    char missing[512];
    snprintf(missing, sizeof missing, "%s/no-such-file.txt", tmpdir);
    assert_int_equal(dyad_read_file(missing, DYAD_IN_AUTO, collect_article, &c, &c.diag), -1);
    assert_true(collect_has(&c, "cannot open"));
    assert_int_equal(dyad_read_file(tmpdir, DYAD_IN_AUTO, collect_article, &c, &c.diag), -1);
    assert_true(collect_has(&c, "is a directory"));
    char *file = write_tmp("plain.txt", "x\n", 2);
    char through[600];
    snprintf(through, sizeof through, "%s/below", file);
    assert_int_equal(dyad_read_file(through, DYAD_IN_AUTO, collect_article, &c, &c.diag), -1);
    assert_int_equal(c.diag.errors, 3);
    assert_int_equal(c.n, 0);
    collect_free(&c);
}

static void from_stdin(void **state) {
    (void)state;
    const char *body = "{\"id\": \"s1\", \"text\": \"From standard input.\"}\n";
    char *path = write_tmp("in.jsonl", body, strlen(body));
    assert_non_null(freopen(path, "rb", stdin));
    collect c;
    collect_init(&c);
    assert_int_equal(dyad_read_file("-", DYAD_IN_AUTO, collect_article, &c, &c.diag), 0);
    assert_int_equal(c.n, 1);
    assert_string_equal(c.a[0].id, "s1");
    collect_free(&c);
}

static int count_only(const dyad_article *a, void *user) {
    *(size_t *)user += a->text_len;
    return 0;
}

static void hundred_megabyte_text(void **state) {
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/big.txt", tmpdir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    const char *line = "Ministers of Port Ellis and Norvale met on Tuesday to sign a pact. ";
    size_t n = strlen(line), total = 0;
    while (total < 100u * 1024 * 1024) {
        fwrite(line, 1, n, f);
        total += n;
    }
    fclose(f);
    size_t got = 0;
    dyad_diag d;
    dyad_diag_init(&d, NULL, NULL);
    assert_int_equal(dyad_read_file(path, DYAD_IN_AUTO, count_only, &got, &d), 0);
    assert_int_equal(got, total);
    assert_int_equal(d.errors + d.warnings, 0);
    unlink(path);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(format_names),   cmocka_unit_test(detection),
        cmocka_unit_test(plain_text),     cmocka_unit_test(title_heuristic),
        cmocka_unit_test(empty_input),    cmocka_unit_test(binary_input),
        cmocka_unit_test(nul_bytes),      cmocka_unit_test(bad_utf8),
        cmocka_unit_test(unreadable_paths), cmocka_unit_test(from_stdin),
        cmocka_unit_test(hundred_megabyte_text),
    };
    return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
