/* Stored events as JSONL and CSV lines, for `dyad query` and `dyad export`. */
#ifndef DY_STORE_RENDER_H
#define DY_STORE_RENDER_H
#include "dyad.h"
#include "util/buf.h"

void dy_render_stored_jsonl(const dyad_stored_event *e, dy_buf *out);
void dy_render_stored_csv_header(dy_buf *out);
void dy_render_stored_csv(const dyad_stored_event *e, dy_buf *out);
/* One CSV field, quoted when it needs to be (RFC 4180). */
void dy_csv_field(dy_buf *out, const char *s);
#endif
