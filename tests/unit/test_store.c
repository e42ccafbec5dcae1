/* The event store against both backends: every test runs on a fresh SQLite
 * file and, when DYAD_TEST_PG holds a DSN (tests/cli/store_pg.sh starts a
 * throwaway server and sets it), on a fresh PostgreSQL database too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "dyad.h"
#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    char target[512];
    int pg;
    char tmpdir[64];
} backend;

/* A clean database per test: a new SQLite file, or emptied PostgreSQL tables. */
static int fresh_pg(const char *dsn) {
    PGconn *c = PQconnectdb(dsn);
    if (PQstatus(c) != CONNECTION_OK) {
        fprintf(stderr, "cannot connect to %s: %s", dsn, PQerrorMessage(c));
        PQfinish(c);
        return -1;
    }
    PGresult *r = PQexec(c, "SET client_min_messages = warning;"
                            " DROP TABLE IF EXISTS mentions, event_sources, events, articles,"
                            " dyad_schema CASCADE");
    int ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    PQfinish(c);
    return ok ? 0 : -1;
}

static int setup_sqlite(void **state) {
    backend *b = calloc(1, sizeof *b);
    snprintf(b->tmpdir, sizeof b->tmpdir, "/tmp/dyad_store_test.XXXXXX");
    if (!mkdtemp(b->tmpdir)) return -1;
    snprintf(b->target, sizeof b->target, "%s/t.db", b->tmpdir);
    *state = b;
    return 0;
}

static int setup_pg(void **state) {
    const char *dsn = getenv("DYAD_TEST_PG");
    backend *b = calloc(1, sizeof *b);
    snprintf(b->target, sizeof b->target, "%s", dsn);
    b->pg = 1;
    *state = b;
    return fresh_pg(dsn);
}

static int teardown(void **state) {
    backend *b = *state;
    if (!b->pg) {
        char cmd[160];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", b->tmpdir);
        if (system(cmd) != 0) return -1;
    }
    free(b);
    return 0;
}

/* ---- helpers: invented articles and events ---- */

static dyad_article article(const char *id, const char *source, const char *url, const char *text) {
    dyad_article a = {0};
    a.id = id;
    a.date = "2024-03-05";
    a.title = "A title";
    a.text = text;
    a.text_len = strlen(text);
    a.url = url;
    a.source = source;
    a.origin = "test";
    a.origin_line = 1;
    return a;
}

static dyad_event event(const char *date, const char *src, const char *tgt, const char *code,
                        int quad, double goldstein, dyad_status st, int sentence) {
    dyad_event e;
    memset(&e, 0, sizeof e);
    e.article_id = "x";
    e.sentence = sentence;
    snprintf(e.date, sizeof e.date, "%s", date);
    snprintf(e.source, sizeof e.source, "%s", src);
    snprintf(e.target, sizeof e.target, "%s", tgt);
    snprintf(e.code, sizeof e.code, "%s", code);
    snprintf(e.root, sizeof e.root, "%.2s", code);
    e.quad = quad;
    e.goldstein = goldstein;
    e.status = st;
    e.source_span.start = 0;
    e.source_span.end = 5;
    e.target_span.start = 20;
    e.target_span.end = 27;
    e.verb_span.start = 6;
    e.verb_span.end = 12;
    return e;
}

typedef struct {
    int n;
    dyad_stored_event last;
    char last_source[48], last_target[48], last_code[8], last_status_date[11];
    long mentions_sum;
} collected;

static int collect_event(const dyad_stored_event *e, void *user) {
    collected *c = user;
    c->n++;
    c->last = *e;
    snprintf(c->last_source, sizeof c->last_source, "%s", e->source);
    snprintf(c->last_target, sizeof c->last_target, "%s", e->target);
    snprintf(c->last_code, sizeof c->last_code, "%s", e->code);
    c->mentions_sum += e->num_mentions;
    return 0;
}

static long count_events(dyad_store *s, const dyad_query *q, collected *c) {
    memset(c, 0, sizeof *c);
    dyad_diag d;
    dyad_diag_init(&d, NULL, NULL);
    long n = dyad_store_query_events(s, q, collect_event, c, &d);
    assert_int_equal(d.errors, 0);
    return n;
}

static dyad_store *open_ok(backend *b) {
    dyad_diag d;
    dyad_diag_init(&d, NULL, NULL);
    dyad_store *s = dyad_store_open(b->target, &d);
    assert_non_null(s);
    assert_int_equal(d.errors, 0);
    return s;
}

static const char text1[] = "Ruritania's president visited Freedonia on Tuesday.";
static const char text2[] = "The Ruritanian leader was in Freedonia, a rival paper said.";

/* ---- tests ---- */

static void test_open_twice_and_readonly(void **state) {
    backend *b = *state;
    dyad_store *s = open_ok(b);
    assert_string_equal(dyad_store_backend(s), b->pg ? "postgresql" : "sqlite");
    dyad_store_close(s);
    s = open_ok(b); /* migration is a no-op the second time */
    dyad_store_close(s);
    dyad_diag d;
    dyad_diag_init(&d, NULL, NULL);
    s = dyad_store_open_readonly(b->target, &d);
    assert_non_null(s);
    dyad_article a = article("r1", "paper", NULL, text1);
    assert_int_equal(dyad_store_ingest(s, &a, NULL, 0, &d), -1);
    assert_int_equal(d.errors, 1);
    dyad_store_close(s);
}

static void test_dedup_events_and_counts(void **state) {
    backend *b = *state;
    dyad_store *s = open_ok(b);
    dyad_diag d;
    dyad_diag_init(&d, NULL, NULL);
    dyad_event ev[3] = {
        event("2024-03-05", "RURGOV", "FRE", "042", 1, 1.9, DYAD_REPORTED, 0),
        event("2024-03-05", "RURGOV", "FRE", "042", 1, 1.9, DYAD_REPORTED, 2),
        event("2024-03-05", "FRE", "RUR", "036", 1, 4.0, DYAD_PLANNED, 1),
    };
    dyad_article a1 = article("a1", "paper-one", "http://one.example/a1", text1);
    assert_int_equal(dyad_store_ingest(s, &a1, ev, 3, &d), 1);
    collected c;
    assert_int_equal(count_events(s, NULL, &c), 2);
    assert_int_equal(c.mentions_sum, 3);

    /* The same story from a second outlet: one event, two sources. */
    dyad_article a2 = article("a2", "paper-two", "http://two.example/a2", text2);
    assert_int_equal(dyad_store_ingest(s, &a2, ev, 1, &d), 1);
    dyad_query q = {0};
    q.code = "042";
    assert_int_equal(count_events(s, &q, &c), 1);
    assert_int_equal(c.last.num_mentions, 3);
    assert_int_equal(c.last.num_articles, 2);
    assert_int_equal(c.last.num_sources, 2);
    assert_string_equal(c.last_source, "RURGOV");
    assert_int_equal(c.last.is_root, 1); /* sentence 0 of its first article */
    q.code = "036";
    assert_int_equal(count_events(s, &q, &c), 1);
    assert_int_equal(c.last.is_root, 0);
    q.code = "042";

    /* A third article from an outlet already counted adds no source. */
    dyad_article a3 = article("a3", "paper-two", "http://two.example/a3", "Another text.");
    assert_int_equal(dyad_store_ingest(s, &a3, ev, 1, &d), 1);
    assert_int_equal(count_events(s, &q, &c), 1);
    assert_int_equal(c.last.num_articles, 3);
    assert_int_equal(c.last.num_sources, 2);
    assert_int_equal(d.errors, 0);
    dyad_store_close(s);
}

static void test_idempotent_by_id_url_hash(void **state) {
    backend *b = *state;
    dyad_store *s = open_ok(b);
    dyad_diag d;
    dyad_diag_init(&d, NULL, NULL);
    dyad_event ev = event("2024-03-05", "RUR", "FRE", "042", 1, 1.9, DYAD_REPORTED, 0);
    dyad_article a = article("a1", "paper", "http://one.example/a1", text1);
    assert_int_equal(dyad_store_ingest(s, &a, &ev, 1, &d), 1);
    assert_int_equal(dyad_store_has_article(s, &a, &d), 1);
    assert_int_equal(dyad_store_ingest(s, &a, &ev, 1, &d), 0); /* same everything */
    dyad_article same_id = article("a1", "other", NULL, "Different text.");
    assert_int_equal(dyad_store_ingest(s, &same_id, &ev, 1, &d), 0);
    dyad_article same_url = article("zz", "other", "http://one.example/a1", "Different again.");
    assert_int_equal(dyad_store_ingest(s, &same_url, &ev, 1, &d), 0);
    dyad_article same_text = article("yy", "paper", NULL, text1);
    assert_int_equal(dyad_store_ingest(s, &same_text, &ev, 1, &d), 0);
    /* The same text from another outlet is another article. */
    dyad_article other_outlet = article("xx", "elsewhere", NULL, text1);
    assert_int_equal(dyad_store_has_article(s, &other_outlet, &d), 0);
    assert_int_equal(dyad_store_ingest(s, &other_outlet, &ev, 1, &d), 1);
    collected c;
    assert_int_equal(count_events(s, NULL, &c), 1);
    assert_int_equal(c.last.num_mentions, 2);
    assert_int_equal(c.last.num_sources, 2);
    assert_int_equal(d.errors, 0);
    dyad_store_close(s);
}

static void test_status_strongest(void **state) {
    backend *b = *state;
    dyad_store *s = open_ok(b);
    dyad_diag d;
    dyad_diag_init(&d, NULL, NULL);
    dyad_event planned = event("2024-03-05", "RUR", "FRE", "042", 1, 1.9, DYAD_PLANNED, 0);
    dyad_event reported = event("2024-03-05", "RUR", "FRE", "042", 1, 1.9, DYAD_REPORTED, 0);
    dyad_article a1 = article("a1", "p1", NULL, "one");
    dyad_article a2 = article("a2", "p2", NULL, "two");
    dyad_article a3 = article("a3", "p3", NULL, "three");
    assert_int_equal(dyad_store_ingest(s, &a1, &planned, 1, &d), 1);
    collected c;
    dyad_query q = {0};
    q.status_mask = 1u << DYAD_PLANNED;
    assert_int_equal(count_events(s, &q, &c), 1);
    assert_int_equal(dyad_store_ingest(s, &a2, &reported, 1, &d), 1);
    assert_int_equal(dyad_store_ingest(s, &a3, &planned, 1, &d), 1);
    assert_int_equal(count_events(s, &q, &c), 0);
    q.status_mask = 1u << DYAD_REPORTED;
    assert_int_equal(count_events(s, &q, &c), 1);
    assert_int_equal(c.last.status, DYAD_REPORTED);
    assert_int_equal(c.last.num_mentions, 3);
    dyad_store_close(s);
}

static void test_filters(void **state) {
    backend *b = *state;
    dyad_store *s = open_ok(b);
    dyad_diag d;
    dyad_diag_init(&d, NULL, NULL);
    dyad_event ev[] = {
        event("2024-01-10", "CHNGOV", "PRK", "042", 1, 1.9, DYAD_REPORTED, 0),
        event("2024-02-11", "PRK", "CHN", "036", 1, 4.0, DYAD_REPORTED, 1),
        event("2024-03-12", "CHN", "USA", "112", 3, -2.0, DYAD_REPORTED, 2),
        event("2024-04-13", "USAMIL", "CHN", "190", 4, -10.0, DYAD_NEGATED, 3),
        event("", "CHN", "PRK", "010", 1, 0.0, DYAD_REPORTED, 4),
    };
    dyad_article a = article("f1", "p", NULL, "filters");
    a.date = NULL;
    assert_int_equal(dyad_store_ingest(s, &a, ev, 5, &d), 1);
    collected c;
    dyad_query q = {0};
    assert_int_equal(count_events(s, &q, &c), 5);
    q.actor = "CHN";
    assert_int_equal(count_events(s, &q, &c), 5);
    q.actor = "USA";
    assert_int_equal(count_events(s, &q, &c), 2);
    memset(&q, 0, sizeof q);
    q.dyad_source = "CHN";
    q.dyad_target = "PRK";
    assert_int_equal(count_events(s, &q, &c), 2); /* CHNGOV matches CHN */
    q.both_directions = 1;
    assert_int_equal(count_events(s, &q, &c), 3);
    memset(&q, 0, sizeof q);
    q.code = "0";
    assert_int_equal(count_events(s, &q, &c), 3);
    q.code = "19";
    assert_int_equal(count_events(s, &q, &c), 1);
    memset(&q, 0, sizeof q);
    q.quad = 3;
    assert_int_equal(count_events(s, &q, &c), 1);
    assert_string_equal(c.last_code, "112");
    memset(&q, 0, sizeof q);
    q.since = "2024-02-01";
    q.until = "2024-03-31";
    assert_int_equal(count_events(s, &q, &c), 2);
    memset(&q, 0, sizeof q);
    q.status_mask = (1u << DYAD_REPORTED) | (1u << DYAD_PLANNED);
    assert_int_equal(count_events(s, &q, &c), 4);
    memset(&q, 0, sizeof q);
    q.limit = 2;
    assert_int_equal(count_events(s, &q, &c), 2);
    /* Input is bound, never SQL: a quote is just a character. */
    memset(&q, 0, sizeof q);
    q.actor = "X' OR '1'='1";
    assert_int_equal(count_events(s, &q, &c), 0);
    q.actor = NULL;
    q.code = "0'; DROP TABLE events; --";
    assert_int_equal(count_events(s, &q, &c), 0);
    memset(&q, 0, sizeof q);
    assert_int_equal(count_events(s, &q, &c), 5);
    dyad_store_close(s);
}

typedef struct {
    long events, mentions;
    double net;
    int rows;
} counts;

static int collect_count(const dyad_store_count *c, void *user) {
    counts *t = user;
    t->rows++;
    t->events += c->events;
    t->mentions += c->mentions;
    t->net += c->goldstein * (double)c->events;
    return 0;
}

static void test_counts(void **state) {
    backend *b = *state;
    dyad_store *s = open_ok(b);
    dyad_diag d;
    dyad_diag_init(&d, NULL, NULL);
    dyad_event ev[] = {
        event("2024-01-10", "CHN", "PRK", "042", 1, 1.9, DYAD_REPORTED, 0),
        event("2024-01-10", "CHN", "PRK", "042", 1, 1.9, DYAD_REPORTED, 1),
        event("2024-01-11", "CHN", "PRK", "042", 1, 1.9, DYAD_REPORTED, 2),
        event("2024-01-11", "CHN", "PRK", "112", 3, -2.0, DYAD_REPORTED, 3),
    };
    dyad_article a = article("c1", "p", NULL, "counts");
    assert_int_equal(dyad_store_ingest(s, &a, ev, 4, &d), 1);
    counts t = {0};
    dyad_query q = {0};
    q.dyad_source = "CHN";
    q.dyad_target = "PRK";
    assert_int_equal(dyad_store_query_counts(s, &q, collect_count, &t, &d), 3);
    assert_int_equal(t.events, 3);
    assert_int_equal(t.mentions, 4);
    assert_true(t.net > 1.79 && t.net < 1.81);
    dyad_store_close(s);
}

typedef struct {
    int n;
    int sentences[8];
    long doc_len;
    char article[16];
} mentions;

static int collect_mention(const dyad_stored_mention *m, void *user) {
    mentions *t = user;
    if (t->n < 8) t->sentences[t->n] = m->sentence;
    t->n++;
    t->doc_len = m->doc_len;
    snprintf(t->article, sizeof t->article, "%s", m->article_id);
    assert_int_equal(m->verb_span.start, 6);
    assert_int_equal(m->verb_span.end, 12);
    assert_int_equal(m->confidence, 100);
    return 0;
}

static void test_mentions_and_batches(void **state) {
    backend *b = *state;
    dyad_store *s = open_ok(b);
    dyad_diag d;
    dyad_diag_init(&d, NULL, NULL);
    dyad_event ev[] = {
        event("2024-01-10", "CHN", "PRK", "042", 1, 1.9, DYAD_REPORTED, 3),
        event("2024-01-10", "PRK", "CHN", "043", 1, 2.8, DYAD_REPORTED, 5),
    };
    /* A rolled-back batch leaves nothing behind. */
    assert_int_equal(dyad_store_begin(s, &d), 0);
    dyad_article a = article("m1", "p", NULL, text2);
    dyad_article a2 = article("m2", "p", NULL, text1);
    assert_int_equal(dyad_store_ingest(s, &a, ev, 2, &d), 1);
    assert_int_equal(dyad_store_ingest(s, &a2, ev, 1, &d), 1);
    assert_int_equal(dyad_store_ingest(s, &a, ev, 2, &d), 0); /* sees its own batch */
    dyad_store_rollback(s);
    collected c;
    assert_int_equal(count_events(s, NULL, &c), 0);
    assert_int_equal(dyad_store_has_article(s, &a, &d), 0);
    /* A committed one keeps everything. */
    assert_int_equal(dyad_store_begin(s, &d), 0);
    assert_int_equal(dyad_store_ingest(s, &a, ev, 2, &d), 1);
    assert_int_equal(dyad_store_commit(s, &d), 0);
    mentions t = {0};
    assert_int_equal(dyad_store_query_mentions(s, NULL, collect_mention, &t, &d), 2);
    assert_int_equal(t.sentences[0], 3);
    assert_int_equal(t.sentences[1], 5);
    assert_int_equal(t.doc_len, (long)strlen(text2));
    assert_string_equal(t.article, "m1");
    assert_int_equal(d.errors, 0);
    dyad_store_close(s);
}

static void test_bad_target(void **state) {
    (void)state;
    dyad_diag d;
    dyad_diag_init(&d, NULL, NULL);
    assert_null(dyad_store_open("/nonexistent-dir/sub/x.db", &d));
    assert_int_equal(d.errors, 1);
    assert_null(dyad_store_open_readonly("/nonexistent-dir/x.db", &d));
    assert_null(dyad_store_open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", &d));
    assert_int_equal(d.errors, 3);
}

static void sqlite_exec(const char *path, const char *sql) {
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

/* A database from a newer dyad is refused, not misread; a file that is no
 * dyad database is refused by the read-only commands. */
static void test_schema_versions(void **state) {
    backend *b = *state;
    dyad_store *s = open_ok(b);
    dyad_store_close(s);
    sqlite_exec(b->target, "UPDATE dyad_schema SET version = version + 1");
    dyad_diag d;
    dyad_diag_init(&d, NULL, NULL);
    assert_null(dyad_store_open(b->target, &d));
    assert_null(dyad_store_open_readonly(b->target, &d));
    assert_int_equal(d.errors, 2);
    char other[600];
    snprintf(other, sizeof other, "%s/other.db", b->tmpdir);
    sqlite_exec(other, "CREATE TABLE notes (x TEXT)");
    assert_null(dyad_store_open_readonly(other, &d));
    assert_int_equal(d.errors, 3);
    /* Opening it for writing adds our tables beside the foreign one. */
    s = dyad_store_open(other, &d);
    assert_non_null(s);
    dyad_store_close(s);
}

#define BOTH(fn)                                                                              \
    cmocka_unit_test_setup_teardown(fn, setup_sqlite, teardown)

int main(void) {
    const struct CMUnitTest sqlite_tests[] = {
        BOTH(test_open_twice_and_readonly), BOTH(test_dedup_events_and_counts),
        BOTH(test_idempotent_by_id_url_hash), BOTH(test_status_strongest), BOTH(test_filters),
        BOTH(test_counts), BOTH(test_mentions_and_batches),
        cmocka_unit_test(test_bad_target),
        cmocka_unit_test_setup_teardown(test_schema_versions, setup_sqlite, teardown),
    };
    int failed = cmocka_run_group_tests_name("store/sqlite", sqlite_tests, NULL, NULL);
    if (!getenv("DYAD_TEST_PG")) {
        printf("store/postgresql: skipped here (DYAD_TEST_PG not set); "
               "tests/cli/store_pg.sh runs these tests against a real PostgreSQL\n");
        return failed;
    }
    const struct CMUnitTest pg_tests[] = {
        cmocka_unit_test_setup_teardown(test_open_twice_and_readonly, setup_pg, teardown),
        cmocka_unit_test_setup_teardown(test_dedup_events_and_counts, setup_pg, teardown),
        cmocka_unit_test_setup_teardown(test_idempotent_by_id_url_hash, setup_pg, teardown),
        cmocka_unit_test_setup_teardown(test_status_strongest, setup_pg, teardown),
        cmocka_unit_test_setup_teardown(test_filters, setup_pg, teardown),
        cmocka_unit_test_setup_teardown(test_counts, setup_pg, teardown),
        cmocka_unit_test_setup_teardown(test_mentions_and_batches, setup_pg, teardown),
    };
    failed += cmocka_run_group_tests_name("store/postgresql", pg_tests, NULL, NULL);
    return failed;
}
