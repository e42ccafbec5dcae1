/* Event writers: JSONL, TSV, CSV, GDELT 2.0 events and GDELT 2.0 mentions.
 *
 * Rendering is separate from writing: dy_render_* append one event's
 * output to a buffer and depend on nothing but their arguments, so worker
 * threads can render articles in parallel and the caller concatenates the
 * buffers in input order. dy_writer streams rendered output to a FILE in
 * large chunks. Column lists are documented in docs/output-formats.md. */
#ifndef DY_WRITE_H
#define DY_WRITE_H
#include "cameo/cameo.h"
#include "dyad.h"
#include "util/buf.h"

#include <stdint.h>
#include <stdio.h>

typedef enum {
    DY_OUT_JSONL = 0,
    DY_OUT_TSV,
    DY_OUT_CSV,
    DY_OUT_GDELT,    /* GDELT 2.0 event export, 61 columns, no header */
    DY_OUT_MENTIONS  /* GDELT 2.0 mentions table, 16 columns, no header */
} dy_out_format;

/* "jsonl", "tsv", "csv", "gdelt", "mentions"; -1 if unknown. */
int dy_out_format_parse(const char *name);
const char *dy_out_format_name(dy_out_format f);

/* The header line of a format (TSV and CSV only; nothing for the others). */
void dy_render_header(dy_out_format f, dy_buf *out);

/* One event as one line. a is the article the event came from (its text is
 * sliced by the event's spans; url and date are taken from it); event_index
 * is the 0-based position of the event among all events of the article,
 * counted before any filtering, and feeds the GDELT event id. */
void dy_render_event(dy_out_format f, const dyad_article *a, const dyad_event *e,
                     unsigned event_index, dy_buf *out);

/* ---------------------------------------------------------------- streaming */

typedef struct dy_writer dy_writer;

/* Writes the header (if the format has one) before anything else. */
dy_writer *dy_writer_new(FILE *f, dy_out_format fmt);
void dy_writer_event(dy_writer *w, const dyad_article *a, const dyad_event *e,
                     unsigned event_index);
/* Append bytes rendered elsewhere (for example by a worker thread). */
void dy_writer_raw(dy_writer *w, const char *p, size_t n);
/* 0, or -1 once any write to the stream has failed (errno from fwrite). */
int dy_writer_flush(dy_writer *w);
/* Flush and free; returns what the final flush returned. NULL is a no-op. */
int dy_writer_close(dy_writer *w);

/* ---------------------------------------------------------------- GDELT */

/* GLOBALEVENTID: a 63-bit FNV-1a hash of the article id, the sentence
 * index and the event's index in the article, never 0. It depends only on
 * those three values, so it is the same whatever the thread count and can
 * be recomputed from stored events. */
uint64_t dy_gdelt_event_id(const char *article_id, int sentence, unsigned event_index);

/* Numbers that are not known print as empty fields: NaN for doubles, -1 for
 * counts and flags, 0 for the date parts and the quad class. Strings that
 * are NULL or "" print empty. Tabs and line breaks inside strings become
 * spaces, since GDELT files have no escaping. */
typedef struct {
    char code[48];          /* raw CAMEO actor code ("" when none) */
    char name[96];          /* upper-cased name, as GDELT's ActorName */
    dy_actor_parts parts;   /* country, known group, ethnic, religion1-2, type1-3 */
} dy_gdelt_actor;

typedef struct {
    int type;               /* 0 = no location (GDELT's own convention), 1..5 */
    const char *full_name, *country_code, *adm1_code, *adm2_code, *feature_id;
    double lat, lon;        /* NaN when unknown */
} dy_gdelt_geo;

typedef struct {
    uint64_t global_event_id;       /* 0 prints empty */
    int year, month, day;           /* SQLDATE, MonthYear, Year, FractionDate */
    dy_gdelt_actor actor1, actor2;
    int is_root_event;
    char event_code[8], base_code[5], root_code[3];
    int quad_class;
    double goldstein;
    int num_mentions, num_sources, num_articles;
    double avg_tone;
    dy_gdelt_geo actor1_geo, actor2_geo, action_geo;
    char date_added[15];            /* YYYYMMDDHHMMSS, "" when not stored yet */
    const char *source_url;
} dy_gdelt_row;

enum { DY_GDELT_EVENT_COLUMNS = 61, DY_GDELT_MENTION_COLUMNS = 16 };

/* Everything unknown: empty strings, NaN, -1, geo type 0. */
void dy_gdelt_row_init(dy_gdelt_row *r);
/* Fill the actor code, split it into parts, and set the name. */
void dy_gdelt_actor_set(dy_gdelt_actor *actor, const char *code, const char *name, size_t name_len);
/* A row from one coded event; see docs/output-formats.md for each column. */
void dy_gdelt_row_from_event(dy_gdelt_row *r, const dyad_article *a, const dyad_event *e,
                             unsigned event_index);
/* Append the 61 tab-separated fields and a newline. */
void dy_gdelt_row_format(const dy_gdelt_row *r, dy_buf *out);

typedef struct {
    uint64_t global_event_id;
    char event_time_date[15];       /* the event's DATEADDED */
    char mention_time_date[15];
    int mention_type;               /* 1 web (URL), 2 citation only */
    const char *source_name;
    const char *identifier;         /* URL, or the article id when there is none */
    int sentence_id;                /* 1-based */
    long actor1_offset, actor2_offset, action_offset; /* characters; -1 = not found */
    int in_raw_text;
    int confidence;                 /* 10..100 */
    long doc_len;                   /* characters */
    double doc_tone;
    const char *translation_info;
    const char *extras;
} dy_gdelt_mention;

void dy_gdelt_mention_init(dy_gdelt_mention *m);
void dy_gdelt_mention_from_event(dy_gdelt_mention *m, const dyad_article *a, const dyad_event *e,
                                 unsigned event_index);
/* Append the 16 tab-separated fields and a newline. */
void dy_gdelt_mention_format(const dy_gdelt_mention *m, dy_buf *out);

#endif
