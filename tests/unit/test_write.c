/* Event writers: exact JSONL/TSV/CSV lines, GDELT event and mention rows,
 * the deterministic GLOBALEVENTID, and the buffered stream writer. The
 * article text is invented for this test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "io/write.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DY_TEST_PINNED_ID 7403520902825696480ULL

/*                     0         1         2         3         4         5
 *                     012345678901234567890123456789012345678901234567890123 */
static const char text[] = "The Ruritanian navy shelled a harbour in Freedonia.";

static dyad_article article(void) {
    dyad_article a = {0};
    a.id = "t1";
    a.date = "2031-04-05";
    a.text = text;
    a.text_len = sizeof text - 1;
    a.url = "https://news.example/ruritania";
    a.source = "example news";
    a.origin = "test";
    a.origin_line = 1;
    return a;
}

static dyad_event event(void) {
    dyad_event e;
    memset(&e, 0, sizeof e);
    e.article_id = "t1";
    e.sentence = 0;
    strcpy(e.date, "2031-04-05");
    strcpy(e.source, "RURMIL");
    strcpy(e.target, "FRD");
    strcpy(e.code, "195");
    strcpy(e.root, "19");
    e.quad = 4;
    e.goldstein = -10.0;
    e.status = DYAD_REPORTED;
    e.source_span = (dyad_span){4, 19};
    e.target_span = (dyad_span){41, 50};
    e.verb_span = (dyad_span){20, 27};
    return e;
}

static char *render(dy_out_format f, const dyad_article *a, const dyad_event *e, unsigned idx) {
    dy_buf b;
    dy_buf_init(&b);
    dy_render_event(f, a, e, idx, &b);
    return b.data; /* caller frees */
}

/* Field i (0-based) of a tab-separated line, in a static buffer. */
static const char *field(const char *line, int i) {
    static char out[512];
    const char *p = line;
    for (int k = 0; k < i; k++) {
        p = strchr(p, '\t');
        assert_non_null(p);
        p++;
    }
    size_t n = strcspn(p, "\t\n");
    assert_true(n < sizeof out);
    memcpy(out, p, n);
    out[n] = '\0';
    return out;
}

static int count_fields(const char *line) {
    int n = 1;
    for (const char *p = line; *p && *p != '\n'; p++) n += *p == '\t';
    return n;
}

static void jsonl_line_is_exact(void **state) {
    (void)state;
    dyad_article a = article();
    dyad_event e = event();
    char *s = render(DY_OUT_JSONL, &a, &e, 0);
    assert_string_equal(
        s, "{\"id\":\"t1\",\"sentence\":0,\"date\":\"2031-04-05\",\"source\":\"RURMIL\","
           "\"target\":\"FRD\",\"code\":\"195\",\"root\":\"19\",\"quad\":4,\"goldstein\":-10.0,"
           "\"status\":\"reported\",\"source_text\":\"Ruritanian navy\",\"target_text\":\"Freedonia\","
           "\"verb_text\":\"shelled\",\"spans\":{\"source\":[4,19],\"target\":[41,50],"
           "\"verb\":[20,27]}}\n");
    free(s);
}

static void jsonl_handles_missing_and_bad_spans_and_explain(void **state) {
    (void)state;
    static const char bad[] = "Caf\xC3\xA9 \xFF owners met";
    dyad_article a = article();
    a.text = bad;
    a.text_len = sizeof bad - 1;
    a.date = NULL;
    dyad_event e = event();
    e.date[0] = '\0';
    e.target[0] = '\0';
    e.status = DYAD_PLANNED;
    e.source_span = (dyad_span){0, 7};     /* "Café " and one invalid byte */
    e.target_span = (dyad_span){0, 0};     /* none */
    e.verb_span = (dyad_span){14, 999};    /* past the end: dropped, not read */
    e.explain = "verbs.dyd:12 \"shell\"";
    char *s = render(DY_OUT_JSONL, &a, &e, 0);
    assert_non_null(strstr(s, "\"date\":null"));
    assert_non_null(strstr(s, "\"target\":\"\""));
    assert_non_null(strstr(s, "\"status\":\"planned\""));
    assert_non_null(strstr(s, "\"source_text\":\"Caf\xC3\xA9 \xEF\xBF\xBD\""));
    assert_non_null(strstr(s, "\"verb_text\":\"\""));
    assert_non_null(strstr(s, "\"spans\":{\"source\":[0,7],\"target\":null,\"verb\":null}"));
    assert_non_null(strstr(s, ",\"explain\":\"verbs.dyd:12 \\\"shell\\\"\"}\n"));
    free(s);
}

static void tsv_and_csv_lines(void **state) {
    (void)state;
    dy_buf h;
    dy_buf_init(&h);
    dy_render_header(DY_OUT_TSV, &h);
    assert_string_equal(h.data,
                        "id\tsentence\tdate\tsource\ttarget\tcode\troot\tquad\tgoldstein\tstatus\t"
                        "source_text\ttarget_text\tverb_text\tsource_start\tsource_end\t"
                        "target_start\ttarget_end\tverb_start\tverb_end\texplain\n");
    dy_buf_clear(&h);
    dy_render_header(DY_OUT_CSV, &h);
    assert_non_null(strstr(h.data, "id,sentence,date,"));
    dy_buf_clear(&h);
    dy_render_header(DY_OUT_JSONL, &h);
    dy_render_header(DY_OUT_GDELT, &h);
    assert_int_equal(h.len, 0);
    dy_buf_free(&h);

    static const char odd[] = "He said \"no\",\tthen\nleft\\";
    dyad_article a = article();
    a.text = odd;
    a.text_len = sizeof odd - 1;
    dyad_event e = event();
    e.source_span = (dyad_span){0, (uint32_t)(sizeof odd - 1)};
    e.target_span = (dyad_span){0, 0};
    e.verb_span = (dyad_span){3, 7};
    char *t = render(DY_OUT_TSV, &a, &e, 0);
    assert_string_equal(t, "t1\t0\t2031-04-05\tRURMIL\tFRD\t195\t19\t4\t-10.0\treported\t"
                           "He said \"no\",\\tthen\\nleft\\\\\t\tsaid\t0\t24\t\t\t3\t7\t\n");
    free(t);
    char *c = render(DY_OUT_CSV, &a, &e, 0);
    assert_string_equal(c, "t1,0,2031-04-05,RURMIL,FRD,195,19,4,-10.0,reported,"
                           "\"He said \"\"no\"\",\tthen\nleft\\\",,said,0,24,,,3,7,\n");
    free(c);
}

static void gdelt_event_row(void **state) {
    (void)state;
    dyad_article a = article();
    dyad_event e = event();
    strcpy(e.date, "2020-02-18");
    strcpy(e.source, "IGOUNOREFHCR");
    strcpy(e.code, "1952");
    strcpy(e.root, "19");
    char *s = render(DY_OUT_GDELT, &a, &e, 3);
    assert_int_equal(count_fields(s), DY_GDELT_EVENT_COLUMNS);
    assert_int_equal(s[strlen(s) - 1], '\n');
    char id[32];
    snprintf(id, sizeof id, "%llu", (unsigned long long)dy_gdelt_event_id("t1", 0, 3));
    assert_string_equal(field(s, 0), id);
    assert_string_equal(field(s, 1), "20200218");
    assert_string_equal(field(s, 2), "202002");
    assert_string_equal(field(s, 3), "2020");
    assert_string_equal(field(s, 4), "2020.1315");
    assert_string_equal(field(s, 5), "IGOUNOREFHCR");
    assert_string_equal(field(s, 6), "RURITANIAN NAVY");
    assert_string_equal(field(s, 7), "");
    assert_string_equal(field(s, 8), "UNO");
    assert_string_equal(field(s, 12), "IGO");
    assert_string_equal(field(s, 13), "REF");
    assert_string_equal(field(s, 15), "FRD");
    assert_string_equal(field(s, 16), "FREEDONIA");
    assert_string_equal(field(s, 25), "1");
    assert_string_equal(field(s, 26), "1952");
    assert_string_equal(field(s, 27), "195");
    assert_string_equal(field(s, 28), "19");
    assert_string_equal(field(s, 29), "4");
    assert_string_equal(field(s, 30), "-10.0");
    assert_string_equal(field(s, 31), "1");
    assert_string_equal(field(s, 34), "");
    assert_string_equal(field(s, 35), "0");
    assert_string_equal(field(s, 43), "0");
    assert_string_equal(field(s, 51), "0");
    assert_string_equal(field(s, 59), "");
    assert_string_equal(field(s, 60), "https://news.example/ruritania");
    free(s);
}

static void gdelt_row_from_the_store(void **state) {
    (void)state;
    /* What `dyad export` does: fill a row from stored values and format it. */
    dy_gdelt_row r;
    dy_gdelt_row_init(&r);
    dy_buf b;
    dy_buf_init(&b);
    dy_gdelt_row_format(&r, &b);
    assert_int_equal(count_fields(b.data), DY_GDELT_EVENT_COLUMNS);
    assert_string_equal(b.data, "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t"
                                "0\t\t\t\t\t\t\t\t0\t\t\t\t\t\t\t\t0\t\t\t\t\t\t\t\t\t\n");
    r.global_event_id = 913294060;
    r.year = 2016, r.month = 9, r.day = 12;
    dy_gdelt_actor_set(&r.actor1, "AUS", "Australian", 10);
    strcpy(r.event_code, "036");
    strcpy(r.base_code, "036");
    strcpy(r.root_code, "03");
    r.quad_class = 1;
    r.goldstein = 4.0;
    r.num_mentions = 4, r.num_sources = 1, r.num_articles = 4;
    r.avg_tone = 4.49438202247191;
    r.action_geo.type = 4;
    r.action_geo.full_name = "Somewhere,\tfar";
    r.action_geo.lat = 6.93194;
    r.action_geo.lon = 79.8478;
    strcpy(r.date_added, "20160912000000");
    dy_buf_clear(&b);
    dy_gdelt_row_format(&r, &b);
    assert_int_equal(count_fields(b.data), DY_GDELT_EVENT_COLUMNS);
    assert_string_equal(field(b.data, 4), "2016.6904");
    assert_string_equal(field(b.data, 6), "AUSTRALIAN");
    assert_string_equal(field(b.data, 7), "AUS");
    assert_string_equal(field(b.data, 30), "4.0");
    assert_string_equal(field(b.data, 34), "4.49438202247191");
    assert_string_equal(field(b.data, 51), "4");
    assert_string_equal(field(b.data, 52), "Somewhere, far");
    assert_string_equal(field(b.data, 56), "6.93194");
    assert_string_equal(field(b.data, 59), "20160912000000");
    dy_buf_free(&b);
}

static void mention_row(void **state) {
    (void)state;
    static const char t[] = "\xC3\x89lodie's army shelled Freedonia.";
    dyad_article a = article();
    a.text = t;
    a.text_len = sizeof t - 1;
    dyad_event e = event();
    e.sentence = 2;
    e.source_span = (dyad_span){0, 12};
    e.target_span = (dyad_span){0, 0};
    e.verb_span = (dyad_span){15, 22};
    char *s = render(DY_OUT_MENTIONS, &a, &e, 1);
    assert_int_equal(count_fields(s), DY_GDELT_MENTION_COLUMNS);
    char id[32];
    snprintf(id, sizeof id, "%llu", (unsigned long long)dy_gdelt_event_id("t1", 2, 1));
    assert_string_equal(field(s, 0), id);
    assert_string_equal(field(s, 3), "1");
    assert_string_equal(field(s, 4), "example news");
    assert_string_equal(field(s, 5), "https://news.example/ruritania");
    assert_string_equal(field(s, 6), "3");
    assert_string_equal(field(s, 7), "0");
    assert_string_equal(field(s, 8), "-1");
    assert_string_equal(field(s, 9), "14"); /* 15 bytes, one 2-byte character */
    assert_string_equal(field(s, 10), "1");
    assert_string_equal(field(s, 12), "32");
    free(s);
    a.url = NULL;
    s = render(DY_OUT_MENTIONS, &a, &e, 1);
    assert_string_equal(field(s, 3), "2");
    assert_string_equal(field(s, 5), "t1");
    free(s);
}

static void event_ids_are_stable(void **state) {
    (void)state;
    uint64_t a = dy_gdelt_event_id("t1", 0, 0);
    assert_true(a != 0 && a < (1ULL << 63));
    assert_true(a == dy_gdelt_event_id("t1", 0, 0));
    assert_true(a != dy_gdelt_event_id("t1", 0, 1));
    assert_true(a != dy_gdelt_event_id("t1", 1, 0));
    assert_true(dy_gdelt_event_id("a1", 2, 0) != dy_gdelt_event_id("a", 12, 0));
    assert_true(dy_gdelt_event_id(NULL, 0, 0) == dy_gdelt_event_id("", 0, 0));
    /* Pinned: the id is a contract with stored events and exports. */
    assert_true(dy_gdelt_event_id("a1", 2, 0) == DY_TEST_PINNED_ID);
}

static void stream_writer(void **state) {
    (void)state;
    FILE *f = tmpfile();
    assert_non_null(f);
    dy_writer *w = dy_writer_new(f, DY_OUT_CSV);
    dyad_article a = article();
    dyad_event e = event();
    for (unsigned i = 0; i < 5000; i++) dy_writer_event(w, &a, &e, i);
    dy_writer_raw(w, "x\n", 2);
    assert_int_equal(dy_writer_close(w), 0);
    long size = ftell(f);
    rewind(f);
    char line[512];
    int lines = 0;
    while (fgets(line, sizeof line, f)) lines++;
    assert_int_equal(lines, 5002);
    assert_true(size > 5000 * 50);
    fclose(f);
    assert_int_equal(dy_writer_close(NULL), 0);
}

static void format_names(void **state) {
    (void)state;
    assert_int_equal(dy_out_format_parse("jsonl"), DY_OUT_JSONL);
    assert_int_equal(dy_out_format_parse("tsv"), DY_OUT_TSV);
    assert_int_equal(dy_out_format_parse("csv"), DY_OUT_CSV);
    assert_int_equal(dy_out_format_parse("gdelt"), DY_OUT_GDELT);
    assert_int_equal(dy_out_format_parse("mentions"), DY_OUT_MENTIONS);
    assert_int_equal(dy_out_format_parse("JSONL"), -1);
    assert_int_equal(dy_out_format_parse(NULL), -1);
    assert_string_equal(dy_out_format_name(DY_OUT_GDELT), "gdelt");
    assert_string_equal(dyad_status_name(DYAD_SPECULATIVE), "speculative");
    assert_int_equal(dyad_status_parse("negated"), DYAD_NEGATED);
    assert_int_equal(dyad_status_parse("Negated"), -1);
    assert_int_equal(dyad_status_parse(NULL), -1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jsonl_line_is_exact),
        cmocka_unit_test(jsonl_handles_missing_and_bad_spans_and_explain),
        cmocka_unit_test(tsv_and_csv_lines),
        cmocka_unit_test(gdelt_event_row),
        cmocka_unit_test(gdelt_row_from_the_store),
        cmocka_unit_test(mention_row),
        cmocka_unit_test(event_ids_are_stable),
        cmocka_unit_test(stream_writer),
        cmocka_unit_test(format_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
