/* SQLite backend of dy_db: WAL so readers never block the ingest, a busy
 * timeout so a briefly locked database waits instead of failing, and
 * synchronous=NORMAL, which in WAL mode keeps every committed transaction
 * consistent after a crash (only the last ones may be lost on power loss). */
#include "store/db_impl.h"
#include "util/xalloc.h"
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    struct dy_db base;
    sqlite3 *h;
} sq_db;

typedef struct {
    struct dy_stmt base;
    sqlite3_stmt *h;
    int64_t changes;
} sq_stmt;

/* How long a writer waits for another one before giving up; overridable
 * (tests of a locked database use a short wait). */
static int busy_timeout_ms(void) {
    const char *e = getenv("DYAD_DB_BUSY_TIMEOUT_MS");
    if (e && *e) {
        long v = strtol(e, NULL, 10);
        if (v >= 0 && v < 3600000) return (int)v;
    }
    return 5000;
}

static void sq_close(dy_db *db) {
    sq_db *d = (sq_db *)db;
    sqlite3_close_v2(d->h);
    free(d);
}

static int sq_exec(dy_db *db, const char *sql) {
    sq_db *d = (sq_db *)db;
    char *msg = NULL;
    if (sqlite3_exec(d->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
        dy_db_set_error(db, NULL, msg ? msg : sqlite3_errmsg(d->h));
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

static dy_stmt *sq_prepare(dy_db *db, const char *sql) {
    sq_db *d = (sq_db *)db;
    sqlite3_stmt *h = NULL;
    if (sqlite3_prepare_v2(d->h, sql, -1, &h, NULL) != SQLITE_OK) {
        dy_db_set_error(db, NULL, sqlite3_errmsg(d->h));
        sqlite3_finalize(h);
        return NULL;
    }
    sq_stmt *st = dy_xcalloc(1, sizeof *st);
    st->base.db = db;
    st->h = h;
    return &st->base;
}

static void sq_stmt_free(dy_stmt *st) {
    sq_stmt *s = (sq_stmt *)st;
    sqlite3_finalize(s->h);
    free(s);
}

static void sq_bind_text(dy_stmt *st, int i, const char *v) {
    sq_stmt *s = (sq_stmt *)st;
    if (v) sqlite3_bind_text(s->h, i, v, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(s->h, i);
}
static void sq_bind_int(dy_stmt *st, int i, int64_t v) {
    sqlite3_bind_int64(((sq_stmt *)st)->h, i, (sqlite3_int64)v);
}
static void sq_bind_double(dy_stmt *st, int i, double v) {
    sqlite3_bind_double(((sq_stmt *)st)->h, i, v);
}

static int sq_step(dy_stmt *st) {
    sq_stmt *s = (sq_stmt *)st;
    int rc = sqlite3_step(s->h);
    if (rc == SQLITE_ROW) return DY_DB_ROW;
    if (rc == SQLITE_DONE) {
        s->changes = sqlite3_changes64(sqlite3_db_handle(s->h));
        return DY_DB_DONE;
    }
    dy_db_set_error(st->db, NULL, sqlite3_errmsg(sqlite3_db_handle(s->h)));
    return DY_DB_ERROR;
}

static const char *sq_col_text(dy_stmt *st, int col) {
    const unsigned char *t = sqlite3_column_text(((sq_stmt *)st)->h, col);
    return t ? (const char *)t : "";
}
static int64_t sq_col_int(dy_stmt *st, int col) {
    return (int64_t)sqlite3_column_int64(((sq_stmt *)st)->h, col);
}
static double sq_col_double(dy_stmt *st, int col) {
    return sqlite3_column_double(((sq_stmt *)st)->h, col);
}
static int sq_col_null(dy_stmt *st, int col) {
    return sqlite3_column_type(((sq_stmt *)st)->h, col) == SQLITE_NULL;
}
static int64_t sq_changes(dy_stmt *st) { return ((sq_stmt *)st)->changes; }
static void sq_reset(dy_stmt *st) {
    sq_stmt *s = (sq_stmt *)st;
    sqlite3_reset(s->h);
    sqlite3_clear_bindings(s->h);
}

static const dy_db_ops sq_ops = {
    sq_close, sq_exec, sq_prepare, sq_stmt_free, sq_bind_text, sq_bind_int, sq_bind_double,
    sq_step, sq_col_text, sq_col_int, sq_col_double, sq_col_null, sq_changes, sq_reset,
};

dy_db *dy_db_open_sqlite(const char *path, int readonly, char *err, size_t errlen) {
    sqlite3 *h = NULL;
    int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path, &h, flags, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, errlen, "cannot open database '%s': %s", path,
                 h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
        sqlite3_close_v2(h);
        return NULL;
    }
    sqlite3_extended_result_codes(h, 1);
    sqlite3_busy_timeout(h, busy_timeout_ms());
    sq_db *d = dy_xcalloc(1, sizeof *d);
    d->base.ops = &sq_ops;
    d->base.kind = DY_DB_SQLITE;
    d->h = h;
    if (readonly) return &d->base;
    /* A 64 MB page cache keeps the event indexes of a large ingest in
     * memory instead of re-reading them from the WAL, and checkpoints every
     * 32 MB of WAL (not 4 MB) copy a hot index page once, not eight times.
     * journal_mode returns a row; run it through exec so a read-only file
     * or directory fails here, with a clear message, not mid-ingest. */
    static const char setup[] = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                                " PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;"
                                " PRAGMA wal_autocheckpoint=8192;";
    /* Switching a new file to WAL takes an exclusive lock for which SQLite
     * does not call the busy handler: two ingests starting together on a
     * new database would see "database is locked" at once. Wait here as
     * the busy timeout would. */
    int rc_setup, waited_ms = 0;
    while ((rc_setup = sq_exec(&d->base, setup)) != 0 && (sqlite3_errcode(h) & 0xff) == SQLITE_BUSY &&
           waited_ms < busy_timeout_ms()) {
        sqlite3_sleep(20);
        waited_ms += 20;
    }
    if (rc_setup != 0) {
        snprintf(err, errlen, "cannot open database '%s': %s", path, d->base.err);
        sq_close(&d->base);
        return NULL;
    }
    if (sqlite3_db_readonly(h, "main") == 1) {
        snprintf(err, errlen, "cannot open database '%s' for writing: read-only file", path);
        sq_close(&d->base);
        return NULL;
    }
    return &d->base;
}
