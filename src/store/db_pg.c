/* PostgreSQL backend of dy_db through libpq. Statements are prepared once
 * per connection and run in single-row mode, so an export of millions of
 * rows streams instead of landing in memory. A statement must be stepped to
 * DONE or reset before the next one runs (libpq allows one query at a time). */
#include "store/db_impl.h"
#include "util/buf.h"
#include "util/xalloc.h"
#include <inttypes.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    struct dy_db base;
    PGconn *conn;
    unsigned next_name;
} pg_db;

typedef struct {
    struct dy_stmt base;
    char name[32];
    int nparams;
    char **params;     /* owned copies; NULL = SQL NULL */
    PGresult *row;     /* current single-row result */
    int running;       /* a query was sent and its results are not drained */
    int64_t changes;
} pg_stmt;

static void pg_set_conn_error(dy_db *db, PGconn *conn) {
    dy_db_set_error(db, "postgresql", PQerrorMessage(conn));
}

static void pg_close(dy_db *db) {
    pg_db *d = (pg_db *)db;
    PQfinish(d->conn);
    free(d);
}

static int pg_exec(dy_db *db, const char *sql) {
    pg_db *d = (pg_db *)db;
    PGresult *r = PQexec(d->conn, sql);
    ExecStatusType s = PQresultStatus(r);
    int ok = s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
    if (!ok) {
        const char *m = PQresultErrorMessage(r);
        dy_db_set_error(db, "postgresql", m && *m ? m : PQerrorMessage(d->conn));
    }
    PQclear(r);
    return ok ? 0 : -1;
}

/* '?' -> $1, $2, ... outside string literals. Our SQL is fixed text, so
 * single-quoted literals are the only context to skip. */
static char *to_dollar_params(const char *sql, int *nparams) {
    dy_buf b;
    dy_buf_init(&b);
    int n = 0, quoted = 0;
    for (const char *p = sql; *p; p++) {
        if (*p == '\'') quoted = !quoted;
        if (*p == '?' && !quoted) dy_buf_printf(&b, "$%d", ++n);
        else dy_buf_addc(&b, *p);
    }
    *nparams = n;
    return b.data;
}

static dy_stmt *pg_prepare(dy_db *db, const char *sql) {
    pg_db *d = (pg_db *)db;
    int n = 0;
    char *text = to_dollar_params(sql, &n);
    pg_stmt *st = dy_xcalloc(1, sizeof *st);
    st->base.db = db;
    snprintf(st->name, sizeof st->name, "dy%u", d->next_name++);
    PGresult *r = PQprepare(d->conn, st->name, text, n, NULL);
    free(text);
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        const char *m = PQresultErrorMessage(r);
        dy_db_set_error(db, "postgresql", m && *m ? m : PQerrorMessage(d->conn));
        PQclear(r);
        free(st);
        return NULL;
    }
    PQclear(r);
    st->nparams = n;
    st->params = dy_xcalloc(n ? (size_t)n : 1, sizeof *st->params);
    return &st->base;
}

/* Reads and discards what is left of a running query. */
static void pg_drain(pg_stmt *s) {
    pg_db *d = (pg_db *)s->base.db;
    PQclear(s->row);
    s->row = NULL;
    if (!s->running) return;
    PGresult *r;
    while ((r = PQgetResult(d->conn)) != NULL) PQclear(r);
    s->running = 0;
}

static void pg_clear_params(pg_stmt *s) {
    for (int i = 0; i < s->nparams; i++) {
        free(s->params[i]);
        s->params[i] = NULL;
    }
}

static void pg_stmt_free(dy_stmt *st) {
    pg_stmt *s = (pg_stmt *)st;
    pg_drain(s);
    /* The server keeps a prepared statement for the whole session: a
     * long-lived connection running many queries must release them. The
     * name is ours ("dy<n>"), never input. */
    pg_db *d = (pg_db *)st->db;
    if (PQstatus(d->conn) == CONNECTION_OK) {
        char sql[48];
        snprintf(sql, sizeof sql, "DEALLOCATE %s", s->name);
        PQclear(PQexec(d->conn, sql));
    }
    pg_clear_params(s);
    free(s->params);
    free(s);
}

static void pg_bind_text(dy_stmt *st, int i, const char *v) {
    pg_stmt *s = (pg_stmt *)st;
    if (i < 1 || i > s->nparams) return;
    free(s->params[i - 1]);
    s->params[i - 1] = v ? dy_xstrdup(v) : NULL;
}
static void pg_bind_int(dy_stmt *st, int i, int64_t v) {
    char t[32];
    snprintf(t, sizeof t, "%" PRId64, v);
    pg_bind_text(st, i, t);
}
static void pg_bind_double(dy_stmt *st, int i, double v) {
    char t[40];
    snprintf(t, sizeof t, "%.17g", v);
    pg_bind_text(st, i, t);
}

static int pg_fail(pg_stmt *s, PGresult *r) {
    pg_db *d = (pg_db *)s->base.db;
    const char *m = r ? PQresultErrorMessage(r) : NULL;
    dy_db_set_error(&d->base, "postgresql", m && *m ? m : PQerrorMessage(d->conn));
    PQclear(r);
    pg_drain(s);
    return DY_DB_ERROR;
}

static int pg_step(dy_stmt *st) {
    pg_stmt *s = (pg_stmt *)st;
    pg_db *d = (pg_db *)st->db;
    PQclear(s->row);
    s->row = NULL;
    if (!s->running) {
        s->changes = 0;
        if (!PQsendQueryPrepared(d->conn, s->name, s->nparams, (const char *const *)s->params,
                                 NULL, NULL, 0)) {
            pg_set_conn_error(st->db, d->conn);
            return DY_DB_ERROR;
        }
        s->running = 1;
        PQsetSingleRowMode(d->conn);
    }
    PGresult *r = PQgetResult(d->conn);
    if (!r) {
        s->running = 0;
        return DY_DB_DONE;
    }
    switch (PQresultStatus(r)) {
    case PGRES_SINGLE_TUPLE:
        s->row = r;
        return DY_DB_ROW;
    case PGRES_TUPLES_OK:
    case PGRES_COMMAND_OK: {
        const char *n = PQcmdTuples(r);
        s->changes = n && *n ? strtoll(n, NULL, 10) : 0;
        PQclear(r);
        pg_drain(s);
        return DY_DB_DONE;
    }
    default:
        return pg_fail(s, r);
    }
}

static const char *pg_col_text(dy_stmt *st, int col) {
    pg_stmt *s = (pg_stmt *)st;
    if (!s->row || col >= PQnfields(s->row)) return "";
    return PQgetvalue(s->row, 0, col);
}
static int64_t pg_col_int(dy_stmt *st, int col) { return strtoll(pg_col_text(st, col), NULL, 10); }
static double pg_col_double(dy_stmt *st, int col) { return strtod(pg_col_text(st, col), NULL); }
static int pg_col_null(dy_stmt *st, int col) {
    pg_stmt *s = (pg_stmt *)st;
    return !s->row || col >= PQnfields(s->row) || PQgetisnull(s->row, 0, col);
}
static int64_t pg_changes(dy_stmt *st) { return ((pg_stmt *)st)->changes; }
static void pg_reset(dy_stmt *st) {
    pg_stmt *s = (pg_stmt *)st;
    pg_drain(s);
    pg_clear_params(s);
}

static const dy_db_ops pg_ops = {
    pg_close, pg_exec, pg_prepare, pg_stmt_free, pg_bind_text, pg_bind_int, pg_bind_double,
    pg_step, pg_col_text, pg_col_int, pg_col_double, pg_col_null, pg_changes, pg_reset,
};

/* Notices ("relation already exists, skipping") are not problems. */
static void pg_quiet_notice(void *arg, const char *message) { (void)arg; (void)message; }

dy_db *dy_db_open_pg(const char *dsn, int readonly, char *err, size_t errlen) {
    PGconn *conn = PQconnectdb(dsn);
    if (!conn || PQstatus(conn) != CONNECTION_OK) {
        char msg[400];
        snprintf(msg, sizeof msg, "%s", conn ? PQerrorMessage(conn) : "out of memory");
        size_t n = strlen(msg);
        while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' ')) msg[--n] = 0;
        snprintf(err, errlen, "cannot connect to PostgreSQL: %s", msg);
        PQfinish(conn);
        return NULL;
    }
    PQsetNoticeProcessor(conn, pg_quiet_notice, NULL);
    pg_db *d = dy_xcalloc(1, sizeof *d);
    d->base.ops = &pg_ops;
    d->base.kind = DY_DB_PG;
    d->conn = conn;
    if (pg_exec(&d->base, "SET client_min_messages = warning") != 0 ||
        (readonly && pg_exec(&d->base, "SET default_transaction_read_only = on") != 0)) {
        snprintf(err, errlen, "%s", d->base.err);
        pg_close(&d->base);
        return NULL;
    }
    return &d->base;
}
