/* JSON Lines: one article object per line. A bad line is reported and
 * skipped; the lines around it still count. */
#include "io/read.h"
#include <ctype.h>
#include <json-c/json.h>
#include <limits.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

typedef struct {
    const char *name;
    dyad_diag *diag;
    long line;
} line_ctx;

/* json-c takes an int length, so a line longer than INT_MAX goes in pieces. */
static json_object *parse_line(json_tokener *tok, const char *p, size_t n, size_t *used,
                               enum json_tokener_error *err) {
    json_tokener_reset(tok);
    json_object *obj = NULL;
    size_t off = 0;
    do {
        size_t chunk = n - off > (size_t)INT_MAX / 2 ? (size_t)INT_MAX / 2 : n - off;
        obj = json_tokener_parse_ex(tok, p + off, (int)chunk);
        *err = json_tokener_get_error(tok);
        if (*err != json_tokener_continue) {
            *used = off + json_tokener_get_parse_end(tok);
            return obj;
        }
        off += chunk;
    } while (off < n);
    *used = n;
    return obj;
}

/* A string field: its value, NULL when absent or null; wrong types are
 * reported and treated as absent (they are never worth the whole line). */
static const char *opt_string(const line_ctx *c, json_object *o, const char *key) {
    json_object *v;
    if (!json_object_object_get_ex(o, key, &v) || !v) return NULL;
    if (json_object_is_type(v, json_type_string)) return json_object_get_string(v);
    dyad_diag_report(c->diag, DYAD_WARNING, c->name, c->line, 0,
                     "field \"%s\" is not a string; ignored", key);
    return NULL;
}

/* Returns 0 when the line made an article (or was skipped as bad), 1 when
 * the callback asked to stop. */
static int read_line(const line_ctx *c, json_tokener *tok, const char *data, const char *p,
                     size_t n, dyad_article_fn fn, void *user) {
    size_t used = 0;
    enum json_tokener_error err;
    json_object *o = parse_line(tok, p, n, &used, &err);
    if (!o || err != json_tokener_success) {
        long col = (long)used + 1;
        const char *why = err == json_tokener_continue ? "the JSON value is not complete"
                                                       : json_tokener_error_desc(err);
        if (o) json_object_put(o);
        dyad_diag_report(c->diag, DYAD_ERROR, c->name, c->line, col, "bad JSON: %s", why);
        return 0;
    }
    int stop = 0;
    for (size_t i = used; i < n; i++)
        if (!isspace((unsigned char)p[i])) {
            dyad_diag_report(c->diag, DYAD_ERROR, c->name, c->line, (long)i + 1,
                             "unexpected characters after the JSON value");
            goto done;
        }
    if (!json_object_is_type(o, json_type_object)) {
        dyad_diag_report(c->diag, DYAD_ERROR, c->name, c->line, 0,
                         "not a JSON object: each line must be one article object");
        goto done;
    }
    json_object *text;
    if (!json_object_object_get_ex(o, "text", &text) || !text) {
        dyad_diag_report(c->diag, DYAD_ERROR, c->name, c->line, 0,
                         "article has no \"text\" field");
        goto done;
    }
    if (!json_object_is_type(text, json_type_string)) {
        dyad_diag_report(c->diag, DYAD_ERROR, c->name, c->line, 0,
                         "field \"text\" is not a string");
        goto done;
    }
    char id_buf[32];
    const char *id = NULL;
    json_object *idv;
    if (json_object_object_get_ex(o, "id", &idv) && idv) {
        if (json_object_is_type(idv, json_type_string)) {
            id = json_object_get_string(idv);
        } else if (json_object_is_type(idv, json_type_int)) {
            /* json-c saturates integers beyond 64 bits, which would fold
             * distinct ids into one: refuse them rather than merge articles. */
            int64_t v = json_object_get_int64(idv);
            if (v == INT64_MAX || v == INT64_MIN) {
                dyad_diag_report(c->diag, DYAD_ERROR, c->name, c->line, 0,
                                 "field \"id\" is an integer out of range; write it as a string");
                goto done;
            }
            snprintf(id_buf, sizeof id_buf, "%lld", (long long)v);
            id = id_buf;
        } else {
            dyad_diag_report(c->diag, DYAD_ERROR, c->name, c->line, 0,
                             "field \"id\" must be a string or an integer");
            goto done;
        }
    }
    if (!id) {
        snprintf(id_buf, sizeof id_buf, "%ld", c->line);
        id = id_buf;
    }
    char date[11];
    const char *date_out = NULL;
    json_object *dv;
    if (json_object_object_get_ex(o, "date", &dv) && dv) {
        /* An integer 20250903 is the YYYYMMDD form without quotes. */
        const char *ds = json_object_is_type(dv, json_type_string) ||
                                 json_object_is_type(dv, json_type_int)
                             ? json_object_get_string(dv)
                             : NULL;
        if (ds && dy_read_norm_date(ds, strlen(ds), date) == 0)
            date_out = date;
        else
            dyad_diag_report(c->diag, DYAD_WARNING, c->name, c->line, 0,
                             "invalid date %s%.40s%s (want YYYY-MM-DD or YYYYMMDD); date dropped",
                             ds ? "\"" : "", ds ? ds : "of the wrong type", ds ? "\"" : "");
    }
    const char *t = json_object_get_string(text);
    size_t tlen = (size_t)json_object_get_string_len(text);
    dy_read_check_utf8(c->name, p, c->line, p, n, c->diag);
    dy_read_check_nul(c->name, NULL, c->line, t, tlen, c->diag);
    dyad_article a = {.id = id,
                      .date = date_out,
                      .title = opt_string(c, o, "title"),
                      .text = t,
                      .text_len = tlen,
                      .url = opt_string(c, o, "url"),
                      .source = opt_string(c, o, "source"),
                      .origin = c->name,
                      .origin_line = c->line};
    stop = fn(&a, user) != 0;
done:
    json_object_put(o);
    return stop;
}

int dy_read_jsonl(const char *name, const char *data, size_t len, dyad_article_fn fn, void *user,
                  dyad_diag *diag) {
    /* Strict UTF-8 validation stays off: bad bytes are kept and reported
     * once per article, not allowed to cost the article. */
    json_tokener *tok = json_tokener_new();
    json_tokener_set_flags(tok, 0);
    line_ctx c = {name, diag, 0};
    const char *p = data, *end = data + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        c.line++;
        size_t n = (size_t)(eol - p);
        if (n && p[n - 1] == '\r') n--;
        size_t k = 0;
        while (k < n && isspace((unsigned char)p[k])) k++;
        if (k < n && read_line(&c, tok, data, p, n, fn, user)) break;
        p = eol + 1;
    }
    json_tokener_free(tok);
    return 0;
}
