/*
 * dyad — news text to CAMEO event data.
 *
 * The public API of libdyad. Everything here is plain data and plain
 * function calls: nothing in the library opens sockets or databases on its
 * own, and nothing keeps global mutable state. A compiled dictionary is
 * immutable once loaded and may be shared by any number of threads; each
 * thread codes with its own dyad_coder.
 *
 * Byte offsets are always offsets into the article text exactly as it was
 * read (for a plain-text file: its bytes), never into a normalised copy.
 */
#ifndef DYAD_H
#define DYAD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DYAD_VERSION "0.1.0"

/* ---------------------------------------------------------------- diagnostics */

typedef enum { DYAD_NOTE = 0, DYAD_WARNING = 1, DYAD_ERROR = 2 } dyad_severity;

/* One problem found in an input: where it is, how bad, and what is wrong. */
typedef struct {
    dyad_severity severity;
    const char *file;   /* input name as given by the caller ("-" for stdin) */
    long line;          /* 1-based; 0 when not known */
    long column;        /* 1-based byte column; 0 when not known */
    const char *message;
} dyad_diagnostic;

typedef void (*dyad_diag_fn)(const dyad_diagnostic *d, void *user);

/* A sink for diagnostics plus the running counts that decide exit status. */
typedef struct {
    dyad_diag_fn fn;    /* NULL: print "file:line:col: severity: message" to stderr */
    void *user;
    long notes, warnings, errors;
} dyad_diag;

void dyad_diag_init(dyad_diag *d, dyad_diag_fn fn, void *user);
void dyad_diag_report(dyad_diag *d, dyad_severity sev, const char *file, long line,
                      long column, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* ---------------------------------------------------------------- articles */

/* One article as a reader hands it over. Strings are NUL-terminated UTF-8
 * (text may hold invalid bytes: the pipeline treats each as U+FFFD) and are
 * owned by the reader; they stay valid only during the callback. */
typedef struct {
    const char *id;         /* never NULL: a reader invents one (line/record number) */
    const char *date;       /* "YYYY-MM-DD" or NULL */
    const char *title;      /* may be NULL */
    const char *text;       /* never NULL */
    size_t text_len;        /* bytes; text may contain NULs */
    const char *url;        /* may be NULL */
    const char *source;     /* may be NULL */
    const char *origin;     /* file the article came from, for diagnostics */
    long origin_line;       /* line in that file where the article starts (1-based) */
} dyad_article;

typedef enum {
    DYAD_IN_AUTO = 0, DYAD_IN_TEXT, DYAD_IN_JSONL, DYAD_IN_HTML, DYAD_IN_TABARI, DYAD_IN_PETRARCH
} dyad_in_format;

/* Called once per article, in input order. Return non-zero to stop reading. */
typedef int (*dyad_article_fn)(const dyad_article *a, void *user);

/* Parse a format name ("auto", "text", "jsonl", "html", "tabari", "petrarch"); -1 if unknown. */
int dyad_in_format_parse(const char *name);

/* Read every article in a file ("-" or NULL: stdin). Bad records are reported
 * to diag and skipped; the good ones still reach fn. Returns 0 when the file
 * was read (even with bad records), -1 when it could not be opened or read
 * at all (reported to diag). */
int dyad_read_file(const char *path, dyad_in_format fmt, dyad_article_fn fn, void *user,
                   dyad_diag *diag);

/* Same, from memory. name is used in diagnostics. */
int dyad_read_memory(const char *name, const char *data, size_t len, dyad_in_format fmt,
                     dyad_article_fn fn, void *user, dyad_diag *diag);

/* ---------------------------------------------------------------- dictionaries */

typedef struct dyad_dict dyad_dict;

/* SPEC: "builtin", a TABARI .project, a PETRARCH config .ini, a native
 * manifest, or a single dictionary file. Problems go to diag (file:line);
 * bad lines are skipped. Returns NULL only when nothing usable was loaded. */
dyad_dict *dyad_dict_load(const char *spec, dyad_diag *diag);
void dyad_dict_free(dyad_dict *d);

/* ---------------------------------------------------------------- events */

typedef enum {
    DYAD_REPORTED = 0,
    DYAD_PLANNED = 1,
    DYAD_SPECULATIVE = 2,
    DYAD_NEGATED = 3
} dyad_status;

const char *dyad_status_name(dyad_status s);
int dyad_status_parse(const char *name); /* -1 if unknown */

typedef struct {
    uint32_t start, end; /* byte offsets into the article text; start == end: none */
} dyad_span;

typedef struct {
    const char *article_id;
    int sentence;            /* 0-based index within the article */
    char date[11];           /* "YYYY-MM-DD" or "" */
    char source[48];         /* CAMEO actor code, "" when absent */
    char target[48];
    char code[8];            /* CAMEO event code as a string: "042" */
    char root[3];            /* first two digits */
    int quad;                /* 1..4 (GDELT), 0 if the code is unknown */
    double goldstein;
    dyad_status status;
    dyad_span source_span, target_span, verb_span;
    const char *explain;     /* with explain on: human-readable provenance; else NULL */
} dyad_event;

/* ---------------------------------------------------------------- coding */

typedef struct dyad_coder dyad_coder;

typedef struct {
    int explain;             /* fill dyad_event.explain */
    const char *default_date;/* "YYYY-MM-DD" used when an article has none */
} dyad_code_options;

/* Called once per event, in sentence order. */
typedef int (*dyad_event_fn)(const dyad_event *e, void *user);

dyad_coder *dyad_coder_new(const dyad_dict *dict, const dyad_code_options *opt);
void dyad_coder_free(dyad_coder *c);

/* Code one article; events go to fn. Returns the number of events, or -1. */
int dyad_code_article(dyad_coder *c, const dyad_article *a, dyad_event_fn fn, void *user,
                      dyad_diag *diag);

/* ---------------------------------------------------------------- CAMEO */

typedef struct {
    const char *code;        /* "042" */
    const char *name;        /* short description, our own words */
    double goldstein;
    int quad;                /* GDELT quad class 1..4 */
} dyad_cameo_code;

/* NULL when the code is not a CAMEO event code. */
const dyad_cameo_code *dyad_cameo_lookup(const char *code);

/* ---------------------------------------------------------------- store */

/* The event store: articles, mentions (one per coded event in a sentence)
 * and events (one per distinct date+source+target+code+location, with
 * GDELT-style NumMentions/NumSources/NumArticles). SQLite file or
 * PostgreSQL, same schema and behaviour. See docs/store.md. */
typedef struct dyad_store dyad_store;

/* TARGET: a file path (SQLite; created when missing) or a postgresql://
 * URI. Creates or migrates the schema. NULL on failure (reported to diag). */
dyad_store *dyad_store_open(const char *target, dyad_diag *diag);
/* For query/summary/export: never writes, never creates or migrates. */
dyad_store *dyad_store_open_readonly(const char *target, dyad_diag *diag);
void dyad_store_close(dyad_store *s);
/* "sqlite" or "postgresql". */
const char *dyad_store_backend(const dyad_store *s);

/* Batches: articles added between begin and commit are written together;
 * after any failure call rollback (the whole batch is undone). Without an
 * open batch, dyad_store_ingest runs in a transaction of its own. */
int dyad_store_begin(dyad_store *s, dyad_diag *diag);
int dyad_store_commit(dyad_store *s, dyad_diag *diag);
void dyad_store_rollback(dyad_store *s);

/* 1 when an article with the same id, url or content hash is stored,
 * 0 when not, -1 on a database error. */
int dyad_store_has_article(dyad_store *s, const dyad_article *a, dyad_diag *diag);
/* Stores an article and its events (mentions + event rows) atomically.
 * Returns 1 stored, 0 skipped (already stored), -1 error (nothing of it
 * stored; within a batch, roll the batch back). */
int dyad_store_ingest(dyad_store *s, const dyad_article *a, const dyad_event *events,
                      size_t n_events, dyad_diag *diag);

/* Filters shared by query, summary and export. Actor codes match by prefix
 * (CHN matches CHNGOV). NULL / 0 fields do not filter. */
typedef struct {
    const char *actor;       /* source or target */
    const char *dyad_source; /* --dyad A:B: source A, target B ... */
    const char *dyad_target;
    int both_directions;     /* ... or source B, target A */
    const char *code;        /* event-code prefix: "04" matches 040..046 */
    int quad;                /* 1..4 */
    unsigned status_mask;    /* bit (1 << dyad_status); 0 = every status */
    const char *since;       /* "YYYY-MM-DD", inclusive */
    const char *until;       /* inclusive */
    long limit;              /* 0 = no limit */
} dyad_query;

/* One row of `events`. Strings valid only during the callback. */
typedef struct {
    int64_t id;              /* GDELT GLOBALEVENTID semantics */
    const char *date, *source, *target, *code, *root, *location;
    int quad;
    double goldstein;
    dyad_status status;      /* the strongest status among its mentions */
    long num_mentions, num_sources, num_articles;
    const char *first_seen, *last_seen; /* UTC "YYYY-MM-DDTHH:MM:SSZ" (ingest time) */
    const char *source_url;  /* url (or id) of the first article that mentioned it */
    int is_root;             /* 1 when that article mentions it in its first sentence */
} dyad_stored_event;

/* One row of `mentions` with its article. */
typedef struct {
    int64_t event_id;
    const char *event_first_seen;
    const char *article_id, *url, *article_source, *ingested_at;
    long doc_len;
    int sentence;
    dyad_span source_span, target_span, verb_span;
    dyad_status status;
    int confidence;
    long source_char, target_char, verb_char; /* character offsets (GDELT); -1 = none */
    long doc_chars;          /* article length in characters */
} dyad_stored_mention;

/* Counts per (date, code): the building block of time series and summaries. */
typedef struct {
    const char *date, *code;
    int quad;
    double goldstein;        /* of the code */
    long events, mentions;
} dyad_store_count;

typedef int (*dyad_stored_event_fn)(const dyad_stored_event *e, void *user);
typedef int (*dyad_stored_mention_fn)(const dyad_stored_mention *m, void *user);
typedef int (*dyad_store_count_fn)(const dyad_store_count *c, void *user);

/* Each calls fn per row in date order (then id); a non-zero return stops.
 * Return the number of rows, or -1 on error (reported to diag). */
long dyad_store_query_events(dyad_store *s, const dyad_query *q, dyad_stored_event_fn fn,
                             void *user, dyad_diag *diag);
long dyad_store_query_mentions(dyad_store *s, const dyad_query *q, dyad_stored_mention_fn fn,
                               void *user, dyad_diag *diag);
long dyad_store_query_counts(dyad_store *s, const dyad_query *q, dyad_store_count_fn fn,
                             void *user, dyad_diag *diag);

#ifdef __cplusplus
}
#endif
#endif /* DYAD_H */
