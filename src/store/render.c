#include "store/render.h"
#include <inttypes.h>
#include <string.h>

static void json_key_str(dy_buf *b, const char *key, const char *v) {
    dy_buf_printf(b, ", \"%s\": ", key);
    dy_buf_json_str(b, v, strlen(v));
}

void dy_render_stored_jsonl(const dyad_stored_event *e, dy_buf *b) {
    dy_buf_printf(b, "{\"event_id\": %" PRId64, e->id);
    json_key_str(b, "date", e->date);
    json_key_str(b, "source", e->source);
    json_key_str(b, "target", e->target);
    json_key_str(b, "code", e->code);
    json_key_str(b, "root", e->root);
    dy_buf_printf(b, ", \"quad\": %d, \"goldstein\": %.1f", e->quad, e->goldstein);
    json_key_str(b, "status", dyad_status_name(e->status));
    dy_buf_printf(b, ", \"num_mentions\": %ld, \"num_sources\": %ld, \"num_articles\": %ld",
                  e->num_mentions, e->num_sources, e->num_articles);
    json_key_str(b, "first_seen", e->first_seen);
    json_key_str(b, "last_seen", e->last_seen);
    json_key_str(b, "source_url", e->source_url);
    dy_buf_adds(b, "}\n");
}

void dy_csv_field(dy_buf *b, const char *s) {
    if (!strpbrk(s, ",\"\r\n")) {
        dy_buf_adds(b, s);
        return;
    }
    dy_buf_addc(b, '"');
    for (; *s; s++) {
        if (*s == '"') dy_buf_addc(b, '"');
        dy_buf_addc(b, *s);
    }
    dy_buf_addc(b, '"');
}

void dy_render_stored_csv_header(dy_buf *b) {
    dy_buf_adds(b, "event_id,date,source,target,code,root,quad,goldstein,status,num_mentions,"
                   "num_sources,num_articles,first_seen,last_seen,source_url\n");
}

void dy_render_stored_csv(const dyad_stored_event *e, dy_buf *b) {
    dy_buf_printf(b, "%" PRId64 ",", e->id);
    const char *text[] = {e->date, e->source, e->target, e->code, e->root};
    for (size_t i = 0; i < sizeof text / sizeof text[0]; i++) {
        dy_csv_field(b, text[i]);
        dy_buf_addc(b, ',');
    }
    dy_buf_printf(b, "%d,%.1f,%s,%ld,%ld,%ld,", e->quad, e->goldstein, dyad_status_name(e->status),
                  e->num_mentions, e->num_sources, e->num_articles);
    dy_csv_field(b, e->first_seen);
    dy_buf_addc(b, ',');
    dy_csv_field(b, e->last_seen);
    dy_buf_addc(b, ',');
    dy_csv_field(b, e->source_url);
    dy_buf_addc(b, '\n');
}
