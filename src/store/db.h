/* A small SQL layer with two backends (SQLite, PostgreSQL), so the store's
 * schema, ingest and query logic is written once and behaves the same on
 * both. Statements are written with '?' placeholders; the PostgreSQL backend
 * rewrites them to $n. Values are always bound, never spliced into SQL. */
#ifndef DY_STORE_DB_H
#define DY_STORE_DB_H
#include <stddef.h>
#include <stdint.h>

typedef enum { DY_DB_SQLITE = 0, DY_DB_PG = 1 } dy_db_kind;

typedef struct dy_db dy_db;
typedef struct dy_stmt dy_stmt;

/* Step results. */
enum { DY_DB_ERROR = -1, DY_DB_DONE = 0, DY_DB_ROW = 1 };

/* target: a file path (SQLite) or a postgresql:// / postgres:// URI or a
 * "host=... dbname=..." keyword DSN (PostgreSQL). readonly: never write
 * (an SQLite file is not created). On failure returns NULL
 * and writes a message into err (errlen bytes). */
dy_db *dy_db_open(const char *target, int readonly, char *err, size_t errlen);
/* 1 when target names a PostgreSQL database rather than an SQLite file. */
int dy_db_is_pg_target(const char *target);
void dy_db_close(dy_db *db);
dy_db_kind dy_db_backend(const dy_db *db);
/* Message of the last failure on this connection. */
const char *dy_db_error(const dy_db *db);

/* Runs SQL without parameters (schema, BEGIN/COMMIT). 0 or -1. */
int dy_db_exec(dy_db *db, const char *sql);

/* Prepared statements live until dy_db_close or dy_stmt_free. */
dy_stmt *dy_db_prepare(dy_db *db, const char *sql);
void dy_stmt_free(dy_stmt *st);
/* Parameters are 1-based, as in SQLite. Text is copied. */
void dy_stmt_bind_text(dy_stmt *st, int i, const char *s);   /* NULL binds SQL NULL */
void dy_stmt_bind_int(dy_stmt *st, int i, int64_t v);
void dy_stmt_bind_double(dy_stmt *st, int i, double v);
/* DY_DB_ROW, DY_DB_DONE or DY_DB_ERROR. The first step executes. */
int dy_stmt_step(dy_stmt *st);
/* Columns are 0-based; text is valid until the next step/reset. NULL -> "" / 0
 * except dy_stmt_column_is_null. */
const char *dy_stmt_column_text(dy_stmt *st, int col);
int64_t dy_stmt_column_int(dy_stmt *st, int col);
double dy_stmt_column_double(dy_stmt *st, int col);
int dy_stmt_column_is_null(dy_stmt *st, int col);
/* Rows changed by the last executed INSERT/UPDATE/DELETE of this statement. */
int64_t dy_stmt_changes(dy_stmt *st);
/* Ready for new bindings; keeps the prepared plan. */
void dy_stmt_reset(dy_stmt *st);

#endif
