/* The database and filter options that query, summary and export share, parsed into a
 * dyad_query, so the three commands accept exactly the same spelling. */
#ifndef DY_STORE_QUERY_OPTS_H
#define DY_STORE_QUERY_OPTS_H
#include "dyad.h"

typedef struct {
    const char *db;          /* --db: SQLite path or postgresql:// URI (default ./dyad.db) */
    dyad_query q;
    char since[11], until[11];
    char dyad_buf[128];
} dy_query_opts;

void dy_query_opts_init(dy_query_opts *o);
/* Looks at argv[*i]: 1 when it was a filter option (its value consumed and
 * *i advanced past it), 0 when it is not one, -1 when its value is bad (a
 * message naming cmd went to stderr). */
int dy_query_opts_parse(dy_query_opts *o, int argc, char **argv, int *i, const char *cmd);
/* Usage lines for the filters, for --help. */
extern const char dy_query_opts_help[];
#endif
