/* Shared between the store's ingest and query halves. */
#ifndef DY_STORE_INTERNAL_H
#define DY_STORE_INTERNAL_H
#include "dyad.h"
#include "store/db.h"

struct dyad_store {
    dy_db *db;
    char *name;          /* for messages: the path, or "postgresql" (a DSN may hold a password) */
    int readonly;
    int in_batch;
    /* ingest statements, prepared on first use */
    dy_stmt *find_article, *insert_article, *upsert_event, *insert_source, *bump_sources,
        *insert_mention;
};

/* Status names as stored ("reported" ...) and back; -1 if unknown. */
const char *dy_store_status_text(dyad_status s);
int dy_store_status_from_text(const char *t);
#endif
