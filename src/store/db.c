/* Backend choice and dispatch: the store talks to dy_db, never to sqlite3 or
 * libpq directly, so both databases run the same statements. */
#include "store/db_impl.h"
#include <stdio.h>
#include <string.h>

int dy_db_is_pg_target(const char *t) {
    return !strncmp(t, "postgresql://", 13) || !strncmp(t, "postgres://", 11) ||
           !strncmp(t, "host=", 5) || !strncmp(t, "dbname=", 7) || !strncmp(t, "service=", 8);
}

dy_db *dy_db_open(const char *target, int readonly, char *err, size_t errlen) {
    if (!target || !*target) {
        snprintf(err, errlen, "no database given");
        return NULL;
    }
    return dy_db_is_pg_target(target) ? dy_db_open_pg(target, readonly, err, errlen)
                                : dy_db_open_sqlite(target, readonly, err, errlen);
}

void dy_db_set_error(dy_db *db, const char *prefix, const char *msg) {
    snprintf(db->err, sizeof db->err, "%s%s%s", prefix ? prefix : "", prefix ? ": " : "",
             msg ? msg : "unknown error");
    size_t n = strlen(db->err);
    while (n && (db->err[n - 1] == '\n' || db->err[n - 1] == ' ')) db->err[--n] = 0;
}

void dy_db_close(dy_db *db) { if (db) db->ops->close(db); }
dy_db_kind dy_db_backend(const dy_db *db) { return db->kind; }
const char *dy_db_error(const dy_db *db) { return db->err; }
int dy_db_exec(dy_db *db, const char *sql) { return db->ops->exec(db, sql); }
dy_stmt *dy_db_prepare(dy_db *db, const char *sql) { return db->ops->prepare(db, sql); }
void dy_stmt_free(dy_stmt *st) { if (st) st->db->ops->stmt_free(st); }
void dy_stmt_bind_text(dy_stmt *st, int i, const char *s) { st->db->ops->bind_text(st, i, s); }
void dy_stmt_bind_int(dy_stmt *st, int i, int64_t v) { st->db->ops->bind_int(st, i, v); }
void dy_stmt_bind_double(dy_stmt *st, int i, double v) { st->db->ops->bind_double(st, i, v); }
int dy_stmt_step(dy_stmt *st) { return st->db->ops->step(st); }
const char *dy_stmt_column_text(dy_stmt *st, int col) { return st->db->ops->column_text(st, col); }
int64_t dy_stmt_column_int(dy_stmt *st, int col) { return st->db->ops->column_int(st, col); }
double dy_stmt_column_double(dy_stmt *st, int col) { return st->db->ops->column_double(st, col); }
int dy_stmt_column_is_null(dy_stmt *st, int col) { return st->db->ops->column_is_null(st, col); }
int64_t dy_stmt_changes(dy_stmt *st) { return st->db->ops->changes(st); }
void dy_stmt_reset(dy_stmt *st) { st->db->ops->reset(st); }
