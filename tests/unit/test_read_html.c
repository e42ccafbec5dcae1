/* HTML reader: the article body without the page furniture, titles and
 * metadata, broken markup, and a page nested 100,000 elements deep. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "io/read.h"
#include "test_read_collect.h"

static const char *const page =
    "<!DOCTYPE html>\n"
    "<html><head><title>Quay shut  at Port Ellis &ndash; Ellis Gazette</title>\n"
    "<meta property=\"og:title\" content=\"Not this one\">\n"
    "<meta property=\"og:site_name\" content=\"Ellis Gazette\">\n"
    "<meta property=\"article:published_time\" content=\"2025-09-03T08:15:00+02:00\">\n"
    "<link rel=\"canonical\" href=\"https://example.org/quay\">\n"
    "<script>document.write('<p>script text</p>');</script>\n"
    "<style>p { color: red }</style></head>\n"
    "<body>\n"
    "<header><a href=\"/\">Ellis Gazette</a></header>\n"
    "<nav><ul><li>Home</li><li>World</li></ul></nav>\n"
    "<div class=\"cookie-consent\">We use cookies.</div>\n"
    "<article>\n"
    "  <h1>Quay shut at Port Ellis</h1>\n"
    "  <p>The harbour master of Port&nbsp;Ellis   closed the\n   <b>north</b> quay on Tuesday.</p>\n"
    "  <div class=\"social-share\">Share on everything</div>\n"
    "  <p>Trade &amp; fishing<br>will resume on Friday.</p>\n"
    "  <ul><li>Ships wait offshore.</li><li>Crews are idle.</li></ul>\n"
    "  <blockquote>&ldquo;We had no choice,&rdquo; she said.</blockquote>\n"
    "  <aside>Read also: <article>A teaser</article></aside>\n"
    "  <section id=\"comments\"><p>First!</p></section>\n"
    "  <div class=\"related-links\"><p>More quay news</p></div>\n"
    "  <div class=\"commentary\"><p>Analysis stays.</p></div>\n"
    "</article>\n"
    "<div class=\"related-stories\"><article><p>Another story</p></article></div>\n"
    "<footer>(c) 2025 Ellis Gazette</footer>\n"
    "</body></html>\n";

static void article_page(void **state) {
    (void)state;
    collect c;
    collect_init(&c);
    assert_int_equal(read_str(&c, "pages/quay.html", page, DYAD_IN_AUTO), 0);
    collect_dump(&c);
    assert_int_equal(c.n, 1);
    assert_string_equal(c.a[0].id, "quay");
    assert_string_equal(c.a[0].title, "Quay shut at Port Ellis \xE2\x80\x93 Ellis Gazette");
    assert_string_equal(c.a[0].date, "2025-09-03");
    assert_string_equal(c.a[0].url, "https://example.org/quay");
    assert_string_equal(c.a[0].source, "Ellis Gazette");
    assert_string_equal(c.a[0].text,
                        "Quay shut at Port Ellis\n\n"
                        "The harbour master of Port Ellis closed the north quay on Tuesday.\n\n"
                        "Trade & fishing\nwill resume on Friday.\n\n"
                        "Ships wait offshore.\n\nCrews are idle.\n\n"
                        "\xE2\x80\x9CWe had no choice,\xE2\x80\x9D she said.\n\n"
                        "Analysis stays.");
    assert_int_equal(c.diag.errors + c.diag.warnings, 0);
    collect_free(&c);
}

static void fallbacks(void **state) {
    (void)state;
    /* No <article>: <main> is the body; no <title>: og:title, then <h1>. */
    const char *p1 = "<html><head><meta property=\"og:title\" content=\" Og  title \"></head>"
                     "<body><div class=\"menu\">Menu</div><main><p>Main text.</p></main>"
                     "<p>Outside main.</p></body></html>";
    const char *p2 = "<html><body><h1>Heading one</h1><p>Body text.</p>"
                     "<div role=\"navigation\">Skip me</div><div hidden>Hidden</div></body></html>";
    const char *p3 = "<p>Fragment without html or body, <i>still</i> read";
    collect c;
    collect_init(&c);
    assert_int_equal(read_str(&c, "p1.html", p1, DYAD_IN_HTML), 0);
    assert_int_equal(read_str(&c, "p2.html", p2, DYAD_IN_HTML), 0);
    assert_int_equal(read_str(&c, "p3.htm", p3, DYAD_IN_AUTO), 0);
    assert_int_equal(c.n, 3);
    assert_string_equal(c.a[0].title, "Og title");
    assert_string_equal(c.a[0].text, "Main text.");
    assert_null(c.a[0].date);
    assert_string_equal(c.a[1].title, "Heading one");
    assert_string_equal(c.a[1].text, "Heading one\n\nBody text.");
    assert_null(c.a[2].title);
    assert_string_equal(c.a[2].text, "Fragment without html or body, still read");
    collect_free(&c);
}

static void no_text(void **state) {
    (void)state;
    const char *p = "<html><head><title>Only a title</title><script>x()</script></head>"
                    "<body><nav>Menu</nav></body></html>";
    collect c;
    collect_init(&c);
    assert_int_equal(read_str(&c, "empty.html", p, DYAD_IN_HTML), 0);
    assert_int_equal(c.n, 0);
    assert_true(collect_has(&c, "no article text"));
    collect_free(&c);
}

static void bad_bytes(void **state) {
    (void)state;
    /* Undeclared charset: UTF-8, each bad byte read as U+FFFD, and the
     * good UTF-8 after it still decoded as UTF-8. */
    const char *p = "<html><body>\n<p>The mayor of Ni\xE7 spoke at the caf\xC3\xA9.</p></body></html>";
    /* Declared Latin-1: libxml2 converts, nothing to warn about. */
    const char *q = "<html><head><meta charset=\"iso-8859-1\"></head>"
                    "<body><p>The mayor of Ni\xE7" "a spoke.</p></body></html>";
    collect c;
    collect_init(&c);
    assert_int_equal(read_str(&c, "latin.html", p, DYAD_IN_HTML), 0);
    collect_dump(&c);
    assert_int_equal(c.n, 1);
    assert_true(collect_has(&c, "2:19: warning: invalid UTF-8: 1 bad byte"));
    assert_string_equal(c.a[0].text, "The mayor of Ni\xEF\xBF\xBD spoke at the caf\xC3\xA9.");
    assert_int_equal(read_str(&c, "declared.html", q, DYAD_IN_HTML), 0);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.a[1].text, "The mayor of Ni\xC3\xA7" "a spoke.");
    assert_int_equal(c.diag.warnings, 1);
    collect_free(&c);
}

static char *nested(size_t depth, const char *open, const char *close, const char *middle) {
    size_t lo = strlen(open), lc = strlen(close), lm = strlen(middle);
    char *s = malloc(depth * (lo + lc) + lm + 64), *o = s;
    o += sprintf(o, "<html><body><p>Before.</p>");
    for (size_t i = 0; i < depth; i++, o += lo) memcpy(o, open, lo);
    memcpy(o, middle, lm);
    o += lm;
    for (size_t i = 0; i < depth && lc; i++, o += lc) memcpy(o, close, lc);
    strcpy(o, "</body></html>");
    return s;
}

static void deep_nesting(void **state) {
    (void)state;
    char *closed = nested(100000, "<div>", "</div>", "deep text");
    char *unclosed = nested(100000, "<span><b>", "", "deep text");
    collect c;
    collect_init(&c);
    assert_int_equal(read_str(&c, "deep.html", closed, DYAD_IN_HTML), 0);
    assert_int_equal(read_str(&c, "deep2.html", unclosed, DYAD_IN_HTML), 0);
    collect_dump(&c);
    /* libxml2 stops past its depth limit; what came before still counts. */
    assert_int_equal(c.n, 2);
    assert_string_equal(c.a[0].text, "Before.");
    assert_true(collect_has(&c, "nested too deeply"));
    assert_int_equal(c.diag.errors, 0);
    collect_free(&c);
    free(closed);
    free(unclosed);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(article_page), cmocka_unit_test(fallbacks), cmocka_unit_test(no_text),
        cmocka_unit_test(bad_bytes),    cmocka_unit_test(deep_nesting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
