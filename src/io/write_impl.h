/* Helpers shared by the writer files (not part of the writer API). */
#ifndef DY_WRITE_IMPL_H
#define DY_WRITE_IMPL_H
#include "dyad.h"
#include "util/buf.h"

#include <stddef.h>

/* The bytes of the article text a span covers. A missing span (start ==
 * end) or one that does not fit the text yields an empty slice and 0; a
 * coder bug must not make a writer read out of bounds. */
int dy_span_slice(const dyad_article *a, dyad_span s, const char **p, size_t *n);

/* The event's date, else the article's, as "YYYY-MM-DD"; "" when neither
 * parses. Accepts YYYY-MM-DD and YYYYMMDD. Returns 1 when a date was found. */
int dy_event_date(const dyad_article *a, const dyad_event *e, int *year, int *month, int *day);

/* The text between spans the writers print: either bytes as they are
 * (JSON escapes them itself) or, for line-oriented formats, one field. */
void dy_write_field_tsv(dy_buf *out, const char *p, size_t n);
void dy_write_field_csv(dy_buf *out, const char *p, size_t n);

/* Per-format renderers, dispatched by dy_render_event. */
void dy_render_jsonl(const dyad_article *a, const dyad_event *e, dy_buf *out);
void dy_render_delimited(int csv, const dyad_article *a, const dyad_event *e, dy_buf *out);
void dy_render_delimited_header(int csv, dy_buf *out);

#endif
