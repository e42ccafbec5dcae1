/* The store's schema, versioned: each migration moves a database from
 * version N-1 to N inside one transaction. */
#ifndef DY_STORE_SCHEMA_H
#define DY_STORE_SCHEMA_H
#include "store/db.h"
#include <stddef.h>

/* The version this build writes and reads. */
int dy_schema_current(void);
/* Brings the database up to dy_schema_current(). 0, or -1 with err filled. */
int dy_schema_migrate(dy_db *db, char *err, size_t errlen);
/* For read-only use: 0 when the database is at the current version. */
int dy_schema_check(dy_db *db, char *err, size_t errlen);
#endif
