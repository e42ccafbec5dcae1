/* Reading the store: events, mentions, and counts per (date, code). The
 * WHERE clause is assembled from fixed fragments chosen by which filters are
 * set; every value is bound, so nothing from the user becomes SQL text. */
#include "store/store_internal.h"
#include "util/buf.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

enum { MAX_BINDS = 24 };

typedef struct {
    dy_buf sql;
    const char *text[MAX_BINDS];
    char *owned[MAX_BINDS]; /* prefix upper bounds we made */
    int n;
    long limit;
} query_sql;

static void bind_add(query_sql *q, const char *v, char *owned) {
    q->text[q->n] = v;
    q->owned[q->n] = owned;
    q->n++;
}

/* The smallest string above every string that starts with prefix: a range
 * scan [prefix, upper) then uses the (code, date)-style indexes. NULL when
 * no such string exists (a prefix of 0xFF bytes). */
static char *prefix_upper(const char *prefix) {
    char *u = dy_xstrdup(prefix);
    size_t n = strlen(u);
    while (n > 0) {
        unsigned char c = (unsigned char)u[n - 1];
        if (c < 0xFF) {
            u[n - 1] = (char)(c + 1);
            u[n] = 0;
            return u;
        }
        n--;
    }
    free(u);
    return NULL;
}

static void add_prefix(query_sql *q, const char *col_ge, const char *col_lt, const char *prefix) {
    dy_buf_adds(&q->sql, col_ge);
    bind_add(q, prefix, NULL);
    char *up = prefix_upper(prefix);
    if (up) {
        dy_buf_adds(&q->sql, col_lt);
        bind_add(q, up, up);
    }
}

static void add_dyad(query_sql *q, const char *a, const char *b) {
    dy_buf_adds(&q->sql, "(1 = 1");
    if (a && *a) add_prefix(q, " AND e.source >= ?", " AND e.source < ?", a);
    if (b && *b) add_prefix(q, " AND e.target >= ?", " AND e.target < ?", b);
    dy_buf_adds(&q->sql, ")");
}

static void build_where(query_sql *q, const dyad_query *f, const char *status_col) {
    dy_buf_adds(&q->sql, " WHERE 1 = 1");
    if (!f) return;
    if (f->actor && *f->actor) {
        dy_buf_adds(&q->sql, " AND (");
        add_dyad(q, f->actor, NULL);
        dy_buf_adds(&q->sql, " OR ");
        add_dyad(q, NULL, f->actor);
        dy_buf_adds(&q->sql, ")");
    }
    if ((f->dyad_source && *f->dyad_source) || (f->dyad_target && *f->dyad_target)) {
        dy_buf_adds(&q->sql, " AND (");
        add_dyad(q, f->dyad_source, f->dyad_target);
        if (f->both_directions) {
            dy_buf_adds(&q->sql, " OR ");
            add_dyad(q, f->dyad_target, f->dyad_source);
        }
        dy_buf_adds(&q->sql, ")");
    }
    if (f->code && *f->code) add_prefix(q, " AND e.code >= ?", " AND e.code < ?", f->code);
    if (f->quad >= 1 && f->quad <= 4) {
        static const char *const quads[] = {"1", "2", "3", "4"};
        dy_buf_adds(&q->sql, " AND e.quad = ?");
        bind_add(q, quads[f->quad - 1], NULL);
    }
    unsigned mask = f->status_mask & 0xFu;
    if (mask && mask != 0xFu) {
        dy_buf_printf(&q->sql, " AND %s IN (", status_col);
        int first = 1;
        for (int i = 0; i < 4; i++) {
            if (!(mask & (1u << i))) continue;
            dy_buf_adds(&q->sql, first ? "?" : ", ?");
            bind_add(q, dy_store_status_text((dyad_status)i), NULL);
            first = 0;
        }
        dy_buf_adds(&q->sql, ")");
    }
    if (f->since && *f->since) {
        dy_buf_adds(&q->sql, " AND e.date >= ?");
        bind_add(q, f->since, NULL);
    }
    if (f->until && *f->until) {
        dy_buf_adds(&q->sql, " AND e.date <= ?");
        bind_add(q, f->until, NULL);
    }
    /* Undated events (date "") would otherwise sort first and pass --until. */
    if ((f->since && *f->since) || (f->until && *f->until)) dy_buf_adds(&q->sql, " AND e.date <> ''");
}

static void query_free(query_sql *q) {
    for (int i = 0; i < q->n; i++) free(q->owned[i]);
    dy_buf_free(&q->sql);
}

/* Prepares and binds; NULL on error (reported). */
static dy_stmt *query_prepare(dyad_store *s, query_sql *q, const dyad_query *f, dyad_diag *diag) {
    if (f && f->limit > 0) dy_buf_adds(&q->sql, " LIMIT ?");
    dy_stmt *st = dy_db_prepare(s->db, q->sql.data);
    if (!st) {
        dyad_diag_report(diag, DYAD_ERROR, s->name, 0, 0, "cannot query: %s", dy_db_error(s->db));
        return NULL;
    }
    int i = 0;
    for (; i < q->n; i++) dy_stmt_bind_text(st, i + 1, q->text[i]);
    if (f && f->limit > 0) dy_stmt_bind_int(st, i + 1, f->limit);
    return st;
}

/* Steps through rows calling per_row; returns the row count or -1. */
typedef int (*row_fn)(dy_stmt *st, void *fn, void *user);

static long run_rows(dyad_store *s, dy_stmt *st, row_fn per_row, void *fn, void *user,
                     dyad_diag *diag) {
    long rows = 0;
    int rc;
    while ((rc = dy_stmt_step(st)) == DY_DB_ROW) {
        rows++;
        if (per_row(st, fn, user)) break;
    }
    if (rc == DY_DB_ERROR) {
        dyad_diag_report(diag, DYAD_ERROR, s->name, 0, 0, "query failed: %s", dy_db_error(s->db));
        rows = -1;
    }
    dy_stmt_reset(st);
    dy_stmt_free(st);
    return rows;
}

static dyad_status status_of(const char *t) {
    int v = dy_store_status_from_text(t);
    return v < 0 ? DYAD_REPORTED : (dyad_status)v;
}

static int event_row(dy_stmt *st, void *fn, void *user) {
    dyad_stored_event e;
    e.id = dy_stmt_column_int(st, 0);
    e.date = dy_stmt_column_text(st, 1);
    e.source = dy_stmt_column_text(st, 2);
    e.target = dy_stmt_column_text(st, 3);
    e.code = dy_stmt_column_text(st, 4);
    e.root = dy_stmt_column_text(st, 5);
    e.location = dy_stmt_column_text(st, 6);
    e.quad = (int)dy_stmt_column_int(st, 7);
    e.goldstein = dy_stmt_column_double(st, 8);
    e.status = status_of(dy_stmt_column_text(st, 9));
    e.num_mentions = (long)dy_stmt_column_int(st, 10);
    e.num_sources = (long)dy_stmt_column_int(st, 11);
    e.num_articles = (long)dy_stmt_column_int(st, 12);
    e.first_seen = dy_stmt_column_text(st, 13);
    e.last_seen = dy_stmt_column_text(st, 14);
    e.source_url = dy_stmt_column_text(st, 15);
    e.is_root = (int)dy_stmt_column_int(st, 16);
    return ((dyad_stored_event_fn)fn)(&e, user);
}

long dyad_store_query_events(dyad_store *s, const dyad_query *f, dyad_stored_event_fn fn,
                             void *user, dyad_diag *diag) {
    query_sql q = {0};
    dy_buf_init(&q.sql);
    dy_buf_adds(&q.sql,
                "SELECT e.id, e.date, e.source, e.target, e.code, e.root, e.location, e.quad,"
                " e.goldstein, e.status, e.num_mentions, e.num_sources, e.num_articles,"
                " e.first_seen, e.last_seen, COALESCE(a.url, a.ext_id),"
                /* GDELT's IsRootEvent: in the lead of the first article. */
                " CASE WHEN EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id"
                "  AND m.article_id = e.first_article AND m.sentence = 0) THEN 1 ELSE 0 END"
                " FROM events e JOIN articles a ON a.id = e.first_article");
    build_where(&q, f, "e.status");
    dy_buf_adds(&q.sql, " ORDER BY e.date, e.id");
    dy_stmt *st = query_prepare(s, &q, f, diag);
    long r = st ? run_rows(s, st, event_row, (void *)fn, user, diag) : -1;
    query_free(&q);
    return r;
}

static dyad_span span_at(dy_stmt *st, int col) {
    dyad_span sp = {(uint32_t)dy_stmt_column_int(st, col), (uint32_t)dy_stmt_column_int(st, col + 1)};
    return sp;
}

static int mention_row(dy_stmt *st, void *fn, void *user) {
    dyad_stored_mention m;
    m.event_id = dy_stmt_column_int(st, 0);
    m.event_first_seen = dy_stmt_column_text(st, 1);
    m.article_id = dy_stmt_column_text(st, 2);
    m.url = dy_stmt_column_is_null(st, 3) ? NULL : dy_stmt_column_text(st, 3);
    m.article_source = dy_stmt_column_is_null(st, 4) ? NULL : dy_stmt_column_text(st, 4);
    m.ingested_at = dy_stmt_column_text(st, 5);
    m.doc_len = (long)dy_stmt_column_int(st, 6);
    m.sentence = (int)dy_stmt_column_int(st, 7);
    m.source_span = span_at(st, 8);
    m.target_span = span_at(st, 10);
    m.verb_span = span_at(st, 12);
    m.status = status_of(dy_stmt_column_text(st, 14));
    m.confidence = (int)dy_stmt_column_int(st, 15);
    m.source_char = (long)dy_stmt_column_int(st, 16);
    m.target_char = (long)dy_stmt_column_int(st, 17);
    m.verb_char = (long)dy_stmt_column_int(st, 18);
    m.doc_chars = (long)dy_stmt_column_int(st, 19);
    return ((dyad_stored_mention_fn)fn)(&m, user);
}

long dyad_store_query_mentions(dyad_store *s, const dyad_query *f, dyad_stored_mention_fn fn,
                               void *user, dyad_diag *diag) {
    query_sql q = {0};
    dy_buf_init(&q.sql);
    dy_buf_adds(&q.sql,
                "SELECT m.event_id, e.first_seen, a.ext_id, a.url, a.source, a.ingested_at,"
                " a.doc_len, m.sentence, m.source_start, m.source_end, m.target_start,"
                " m.target_end, m.verb_start, m.verb_end, m.status, m.confidence,"
                " m.source_char, m.target_char, m.verb_char, a.doc_chars"
                " FROM mentions m JOIN events e ON e.id = m.event_id"
                " JOIN articles a ON a.id = m.article_id");
    build_where(&q, f, "m.status");
    dy_buf_adds(&q.sql, " ORDER BY m.id");
    dy_stmt *st = query_prepare(s, &q, f, diag);
    long r = st ? run_rows(s, st, mention_row, (void *)fn, user, diag) : -1;
    query_free(&q);
    return r;
}

static int count_row(dy_stmt *st, void *fn, void *user) {
    dyad_store_count c;
    c.date = dy_stmt_column_text(st, 0);
    c.code = dy_stmt_column_text(st, 1);
    c.quad = (int)dy_stmt_column_int(st, 2);
    c.goldstein = dy_stmt_column_double(st, 3);
    c.events = (long)dy_stmt_column_int(st, 4);
    c.mentions = (long)dy_stmt_column_int(st, 5);
    return ((dyad_store_count_fn)fn)(&c, user);
}

long dyad_store_query_counts(dyad_store *s, const dyad_query *f, dyad_store_count_fn fn,
                             void *user, dyad_diag *diag) {
    query_sql q = {0};
    dy_buf_init(&q.sql);
    dy_buf_adds(&q.sql,
                "SELECT e.date, e.code, e.quad, e.goldstein, COUNT(*), SUM(e.num_mentions)"
                " FROM events e");
    build_where(&q, f, "e.status");
    dy_buf_adds(&q.sql, " GROUP BY e.date, e.code, e.quad, e.goldstein ORDER BY e.date, e.code");
    dy_stmt *st = query_prepare(s, &q, f, diag);
    long r = st ? run_rows(s, st, count_row, (void *)fn, user, diag) : -1;
    query_free(&q);
    return r;
}
