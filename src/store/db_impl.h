/* What a dy_db backend provides; see db.h for the contract of each call.
 * Each backend embeds struct dy_db / struct dy_stmt as its first member. */
#ifndef DY_STORE_DB_IMPL_H
#define DY_STORE_DB_IMPL_H
#include "store/db.h"
#include <stddef.h>

typedef struct {
    void (*close)(dy_db *db);
    int (*exec)(dy_db *db, const char *sql);
    dy_stmt *(*prepare)(dy_db *db, const char *sql);
    void (*stmt_free)(dy_stmt *st);
    void (*bind_text)(dy_stmt *st, int i, const char *s);
    void (*bind_int)(dy_stmt *st, int i, int64_t v);
    void (*bind_double)(dy_stmt *st, int i, double v);
    int (*step)(dy_stmt *st);
    const char *(*column_text)(dy_stmt *st, int col);
    int64_t (*column_int)(dy_stmt *st, int col);
    double (*column_double)(dy_stmt *st, int col);
    int (*column_is_null)(dy_stmt *st, int col);
    int64_t (*changes)(dy_stmt *st);
    void (*reset)(dy_stmt *st);
} dy_db_ops;

struct dy_db {
    const dy_db_ops *ops;
    dy_db_kind kind;
    char err[512];
};

struct dy_stmt {
    dy_db *db;
};

/* Backend constructors: NULL on failure with err filled. */
dy_db *dy_db_open_sqlite(const char *path, int readonly, char *err, size_t errlen);
dy_db *dy_db_open_pg(const char *dsn, int readonly, char *err, size_t errlen);
/* Copy msg into db->err without a trailing newline. */
void dy_db_set_error(dy_db *db, const char *prefix, const char *msg);
#endif
