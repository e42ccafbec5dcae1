/* Opening, closing and transactions of a dyad_store. */
#include "store/db.h"
#include "store/schema.h"
#include "store/store_internal.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

static const char *const status_text[] = {"reported", "planned", "speculative", "negated"};

const char *dy_store_status_text(dyad_status s) {
    return (unsigned)s < 4 ? status_text[s] : "reported";
}

int dy_store_status_from_text(const char *t) {
    for (int i = 0; i < 4; i++)
        if (!strcmp(t, status_text[i])) return i;
    return -1;
}

static dyad_store *open_store(const char *target, int readonly, dyad_diag *diag) {
    const char *name = target && dy_db_is_pg_target(target) ? "postgresql" : target ? target : "-";
    char err[600];
    dy_db *db = dy_db_open(target, readonly, err, sizeof err);
    if (!db) {
        dyad_diag_report(diag, DYAD_ERROR, name, 0, 0, "%s", err);
        return NULL;
    }
    int rc = readonly ? dy_schema_check(db, err, sizeof err) : dy_schema_migrate(db, err, sizeof err);
    if (rc != 0) {
        dyad_diag_report(diag, DYAD_ERROR, name, 0, 0, "%s", err);
        dy_db_close(db);
        return NULL;
    }
    dyad_store *s = dy_xcalloc(1, sizeof *s);
    s->db = db;
    s->name = dy_xstrdup(name);
    s->readonly = readonly;
    return s;
}

dyad_store *dyad_store_open(const char *target, dyad_diag *diag) {
    return open_store(target, 0, diag);
}

dyad_store *dyad_store_open_readonly(const char *target, dyad_diag *diag) {
    return open_store(target, 1, diag);
}

void dyad_store_close(dyad_store *s) {
    if (!s) return;
    if (s->in_batch) dyad_store_rollback(s);
    dy_stmt_free(s->find_article);
    dy_stmt_free(s->insert_article);
    dy_stmt_free(s->upsert_event);
    dy_stmt_free(s->insert_source);
    dy_stmt_free(s->bump_sources);
    dy_stmt_free(s->insert_mention);
    dy_db_close(s->db);
    free(s->name);
    free(s);
}

const char *dyad_store_backend(const dyad_store *s) {
    return dy_db_backend(s->db) == DY_DB_PG ? "postgresql" : "sqlite";
}

int dyad_store_begin(dyad_store *s, dyad_diag *diag) {
    if (s->in_batch) return 0;
    /* Writers take turns per batch. IMMEDIATE takes SQLite's write lock
     * now, so a busy database is met (and waited for) at the start of a
     * batch, never half-way through. On PostgreSQL a transaction-scoped
     * advisory lock does the same: concurrent ingests would otherwise
     * upsert shared events rows in different orders and deadlock, and a
     * batch that waited sees the articles the other one committed. */
    const char *sql = dy_db_backend(s->db) == DY_DB_PG
                          ? "BEGIN; SELECT pg_advisory_xact_lock(7955015440396722020)"
                          : "BEGIN IMMEDIATE";
    if (dy_db_exec(s->db, sql) != 0) {
        dyad_diag_report(diag, DYAD_ERROR, s->name, 0, 0, "cannot start a transaction: %s",
                         dy_db_error(s->db));
        return -1;
    }
    s->in_batch = 1;
    return 0;
}

int dyad_store_commit(dyad_store *s, dyad_diag *diag) {
    if (!s->in_batch) return 0;
    s->in_batch = 0;
    if (dy_db_exec(s->db, "COMMIT") != 0) {
        dyad_diag_report(diag, DYAD_ERROR, s->name, 0, 0, "cannot commit: %s", dy_db_error(s->db));
        /* A failed COMMIT may leave SQLite's transaction open. */
        dy_db_exec(s->db, "ROLLBACK");
        return -1;
    }
    return 0;
}

void dyad_store_rollback(dyad_store *s) {
    if (!s->in_batch) return;
    s->in_batch = 0;
    dy_db_exec(s->db, "ROLLBACK");
}
