/* Writing an article with its events. An article, its mentions and the
 * events rows they touch are written in one transaction (the caller's
 * batch, or one of our own), so a crash or an error never leaves an article
 * half stored; and an article already stored is skipped, so re-running an
 * ingest after a crash converges on the same database. */
#include "store/content_hash.h"
#include "store/store_internal.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char sql_find_article[] =
    "SELECT id FROM articles WHERE ext_id = ? OR content_hash = ? OR url = ? LIMIT 1";

static const char sql_insert_article[] =
    "INSERT INTO articles (ext_id, url, source, date, title, content_hash, doc_len, doc_chars,"
    " n_events, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    /* Any unique key (id, url, content hash) already present: no row, and
     * the article is skipped. One statement both checks and inserts. */
    " ON CONFLICT DO NOTHING RETURNING id";

/* The events row of a (date, source, target, code, location) key: created by
 * its first article, counted up by later ones. Its status is the strongest
 * evidence among its mentions (reported > planned > speculative > negated). */
#define STATUS_RANK(x)                                                                       \
    "(CASE " x " WHEN 'reported' THEN 0 WHEN 'planned' THEN 1 WHEN 'speculative' THEN 2"    \
    " ELSE 3 END)"
static const char sql_upsert_event[] =
    "INSERT INTO events (date, source, target, code, location, root, quad, goldstein, status,"
    " num_mentions, num_sources, num_articles, first_seen, last_seen, first_article)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 1, ?, ?, ?)"
    " ON CONFLICT (date, source, target, code, location) DO UPDATE SET"
    " num_mentions = events.num_mentions + excluded.num_mentions,"
    " num_articles = events.num_articles + 1,"
    " last_seen = excluded.last_seen,"
    " status = CASE WHEN " STATUS_RANK("excluded.status") " < " STATUS_RANK("events.status")
    " THEN excluded.status ELSE events.status END"
    " RETURNING id";

static const char sql_insert_source[] =
    "INSERT INTO event_sources (event_id, source) VALUES (?, ?) ON CONFLICT DO NOTHING";
static const char sql_bump_sources[] =
    "UPDATE events SET num_sources = num_sources + 1 WHERE id = ?";

static const char sql_insert_mention[] =
    "INSERT INTO mentions (event_id, article_id, sentence, source_start, source_end,"
    " target_start, target_end, verb_start, verb_end, source_char, target_char, verb_char,"
    " status, confidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

/* dyad codes the raw text with no coreference or rewriting, which is what
 * GDELT's Confidence measures; every mention is therefore at full confidence. */
enum { RAW_TEXT_CONFIDENCE = 100 };

static int prepare_all(dyad_store *s) {
    struct {
        dy_stmt **slot;
        const char *sql;
    } all[] = {
        {&s->find_article, sql_find_article},     {&s->insert_article, sql_insert_article},
        {&s->upsert_event, sql_upsert_event},     {&s->insert_source, sql_insert_source},
        {&s->bump_sources, sql_bump_sources},     {&s->insert_mention, sql_insert_mention},
    };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        if (*all[i].slot) continue;
        *all[i].slot = dy_db_prepare(s->db, all[i].sql);
        if (!*all[i].slot) return -1;
    }
    return 0;
}

/* Runs a statement that returns at most one integer; *out = -1 when no row. */
static int run_scalar(dy_stmt *st, int64_t *out) {
    *out = -1;
    int rc = dy_stmt_step(st);
    if (rc == DY_DB_ROW) {
        *out = dy_stmt_column_int(st, 0);
        rc = dy_stmt_step(st);
    }
    dy_stmt_reset(st);
    return rc == DY_DB_ERROR ? -1 : 0;
}

static int run_done(dy_stmt *st, int64_t *changes) {
    int rc = dy_stmt_step(st);
    if (changes) *changes = dy_stmt_changes(st);
    dy_stmt_reset(st);
    return rc == DY_DB_DONE ? 0 : -1;
}

static const char *nonempty(const char *s) { return s && *s ? s : NULL; }

static int find_article(dyad_store *s, const dyad_article *a, const char *hash) {
    dy_stmt_bind_text(s->find_article, 1, a->id);
    dy_stmt_bind_text(s->find_article, 2, hash);
    dy_stmt_bind_text(s->find_article, 3, nonempty(a->url));
    int64_t id;
    if (run_scalar(s->find_article, &id) != 0) return -1;
    return id >= 0;
}

int dyad_store_has_article(dyad_store *s, const dyad_article *a, dyad_diag *diag) {
    if (prepare_all(s) != 0) {
        dyad_diag_report(diag, DYAD_ERROR, s->name, 0, 0, "%s", dy_db_error(s->db));
        return -1;
    }
    char hash[DY_CONTENT_HASH_LEN + 1];
    dy_content_hash(nonempty(a->source), a->text, a->text_len, hash);
    int r = find_article(s, a, hash);
    if (r < 0)
        dyad_diag_report(diag, DYAD_ERROR, s->name, 0, 0, "cannot look up article '%s': %s",
                         a->id, dy_db_error(s->db));
    return r;
}

/* What counts as one source for NumSources: the outlet when known, else the
 * host of the url, else the article itself (an unknown outlet is never
 * merged with another). */
static void source_key(const dyad_article *a, char *out, size_t cap) {
    if (nonempty(a->source)) {
        snprintf(out, cap, "%s", a->source);
        return;
    }
    const char *u = nonempty(a->url);
    const char *host = u ? strstr(u, "://") : NULL;
    if (host) {
        host += 3;
        size_t n = strcspn(host, "/?#");
        snprintf(out, cap, "%.*s", (int)n, host);
        return;
    }
    snprintf(out, cap, "article:%s", a->id);
}

static void event_date(const dyad_event *e, const dyad_article *a, char out[11]) {
    if (e->date[0]) snprintf(out, 11, "%s", e->date);
    else if (a->date) snprintf(out, 11, "%s", a->date);
    else out[0] = 0;
}

/* qsort has no context argument, so the sort works on pointers that carry
 * what the comparison needs. */
typedef struct {
    const dyad_event *e;
    char date[11];
    size_t index;
} keyed_event;

static int cmp_key(const void *pa, const void *pb) {
    const keyed_event *x = pa, *y = pb;
    int c;
    if ((c = strcmp(x->date, y->date))) return c;
    if ((c = strcmp(x->e->source, y->e->source))) return c;
    if ((c = strcmp(x->e->target, y->e->target))) return c;
    if ((c = strcmp(x->e->code, y->e->code))) return c;
    return x->index < y->index ? -1 : x->index > y->index;
}

static int same_key(const keyed_event *x, const keyed_event *y) {
    return !strcmp(x->date, y->date) && !strcmp(x->e->source, y->e->source) &&
           !strcmp(x->e->target, y->e->target) && !strcmp(x->e->code, y->e->code);
}

/* GDELT counts offsets and lengths in characters, spans are bytes: both
 * are stored so an export never needs the article text again. */
static int64_t char_count(const char *text, size_t n) {
    int64_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80) count++;
    return count;
}

static int64_t char_offset(const dyad_article *a, dyad_span s) {
    if (s.start == s.end || s.end > a->text_len || s.start > s.end) return -1;
    return char_count(a->text, s.start);
}

static void utc_now(char out[21]) {
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* Writes the rows; the caller owns the transaction. 1 stored, 0 already
 * stored, -1 error. */
static int write_article(dyad_store *s, const dyad_article *a, const char *hash,
                         const dyad_event *ev, size_t n) {
    char now[21];
    utc_now(now);
    dy_stmt *st = s->insert_article;
    dy_stmt_bind_text(st, 1, a->id);
    dy_stmt_bind_text(st, 2, nonempty(a->url));
    dy_stmt_bind_text(st, 3, nonempty(a->source));
    dy_stmt_bind_text(st, 4, nonempty(a->date));
    dy_stmt_bind_text(st, 5, a->title);
    dy_stmt_bind_text(st, 6, hash);
    dy_stmt_bind_int(st, 7, (int64_t)a->text_len);
    dy_stmt_bind_int(st, 8, char_count(a->text, a->text_len));
    dy_stmt_bind_int(st, 9, (int64_t)n);
    dy_stmt_bind_text(st, 10, now);
    int64_t article_id;
    if (run_scalar(st, &article_id) != 0) return -1;
    if (article_id < 0) return 0; /* already stored */
    if (n == 0) return 1;

    keyed_event *k = dy_xmalloc(n * sizeof *k);
    int64_t *event_id = dy_xmalloc(n * sizeof *event_id);
    for (size_t i = 0; i < n; i++) {
        k[i].e = &ev[i];
        k[i].index = i;
        event_date(&ev[i], a, k[i].date);
    }
    qsort(k, n, sizeof *k, cmp_key);
    char src[256];
    source_key(a, src, sizeof src);
    int rc = 0;
    for (size_t g = 0; g < n && rc == 0;) {
        size_t end = g + 1;
        int strongest = (int)k[g].e->status;
        while (end < n && same_key(&k[g], &k[end])) {
            if ((int)k[end].e->status < strongest) strongest = (int)k[end].e->status;
            end++;
        }
        const dyad_event *e = k[g].e;
        st = s->upsert_event;
        dy_stmt_bind_text(st, 1, k[g].date);
        dy_stmt_bind_text(st, 2, e->source);
        dy_stmt_bind_text(st, 3, e->target);
        dy_stmt_bind_text(st, 4, e->code);
        dy_stmt_bind_text(st, 5, ""); /* location: not coded yet */
        dy_stmt_bind_text(st, 6, e->root);
        dy_stmt_bind_int(st, 7, e->quad);
        dy_stmt_bind_double(st, 8, e->goldstein);
        dy_stmt_bind_text(st, 9, dy_store_status_text((dyad_status)strongest));
        dy_stmt_bind_int(st, 10, (int64_t)(end - g));
        dy_stmt_bind_text(st, 11, now);
        dy_stmt_bind_text(st, 12, now);
        dy_stmt_bind_int(st, 13, article_id);
        int64_t id, added = 0;
        if (run_scalar(st, &id) != 0 || id < 0) {
            rc = -1;
            break;
        }
        dy_stmt_bind_int(s->insert_source, 1, id);
        dy_stmt_bind_text(s->insert_source, 2, src);
        if (run_done(s->insert_source, &added) != 0) {
            rc = -1;
            break;
        }
        if (added > 0) {
            dy_stmt_bind_int(s->bump_sources, 1, id);
            if (run_done(s->bump_sources, NULL) != 0) rc = -1;
        }
        for (size_t i = g; i < end; i++) event_id[k[i].index] = id;
        g = end;
    }
    /* Mentions in sentence order, so their ids follow the text. */
    for (size_t i = 0; i < n && rc == 0; i++) {
        const dyad_event *e = &ev[i];
        st = s->insert_mention;
        dy_stmt_bind_int(st, 1, event_id[i]);
        dy_stmt_bind_int(st, 2, article_id);
        dy_stmt_bind_int(st, 3, e->sentence);
        dy_stmt_bind_int(st, 4, e->source_span.start);
        dy_stmt_bind_int(st, 5, e->source_span.end);
        dy_stmt_bind_int(st, 6, e->target_span.start);
        dy_stmt_bind_int(st, 7, e->target_span.end);
        dy_stmt_bind_int(st, 8, e->verb_span.start);
        dy_stmt_bind_int(st, 9, e->verb_span.end);
        dy_stmt_bind_int(st, 10, char_offset(a, e->source_span));
        dy_stmt_bind_int(st, 11, char_offset(a, e->target_span));
        dy_stmt_bind_int(st, 12, char_offset(a, e->verb_span));
        dy_stmt_bind_text(st, 13, dy_store_status_text(e->status));
        dy_stmt_bind_int(st, 14, RAW_TEXT_CONFIDENCE);
        if (run_done(st, NULL) != 0) rc = -1;
    }
    free(k);
    free(event_id);
    return rc < 0 ? -1 : 1;
}

int dyad_store_ingest(dyad_store *s, const dyad_article *a, const dyad_event *ev, size_t n,
                      dyad_diag *diag) {
    if (s->readonly) {
        dyad_diag_report(diag, DYAD_ERROR, s->name, 0, 0, "store opened read-only");
        return -1;
    }
    int own = !s->in_batch;
    if (own && dyad_store_begin(s, diag) != 0) return -1;
    int result = -1;
    if (prepare_all(s) != 0) goto fail;
    char hash[DY_CONTENT_HASH_LEN + 1];
    dy_content_hash(nonempty(a->source), a->text, a->text_len, hash);
    result = write_article(s, a, hash, ev, n);
    if (result < 0) goto fail;
    if (own && dyad_store_commit(s, diag) != 0) return -1;
    return result;
fail:
    dyad_diag_report(diag, DYAD_ERROR, a->origin ? a->origin : s->name, a->origin_line, 0,
                     "cannot store article '%s' in %s: %s", a->id, s->name, dy_db_error(s->db));
    if (own) dyad_store_rollback(s);
    return -1;
}
