/* dyad ingest: read articles, code them, store articles + mentions + events.
 *
 * Articles are coded outside any transaction and kept until a batch is
 * full; the batch is then written in one transaction, so the database is
 * locked only while rows are written, never while text is coded (other
 * ingests and readers get their turn). A store failure rolls back the batch
 * and stops the ingest with a clear message; since an article already
 * stored is skipped (same id, url or content hash), running the same
 * command again resumes where it stopped and ends with the same database as
 * one clean run.
 *
 * With --threads N > 1 the articles are coded by N workers (the ordered
 * pool of pool.h, as dyad code does) and handed back in input order to
 * this thread, the only one that talks to the database; so batches hold
 * the same articles in the same order as with one thread, and the
 * database ends the same. Whether an article is stored already is asked
 * before it is coded, while earlier articles may still be in flight: a
 * repeat that slips through is skipped by the store when its batch is
 * written, as a repeat within one batch always was. */
#include "cli/cli.h"
#include "dict/dict.h"
#include "util/date.h"
#include "cli/owned_article.h"
#include "cli/pool.h"
#include "dyad.h"
#include "util/arena.h"
#include "util/xalloc.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum {
    DEFAULT_BATCH = 1000,
    MAX_THREADS = 256,
    JOBS_PER_THREAD = 4 /* enough slack that a slow article rarely stalls the others */
};

static void usage(FILE *f) {
    fprintf(f,
            "usage: dyad ingest [--db PATH|postgresql://...] [--dict SPEC] [--in FMT]\n"
            "                   [--date YYYY-MM-DD] [--batch N] [--threads N] [--quiet] [--stats]\n"
            "                   FILE...\n"
            "Codes the articles and stores articles, mentions and events. An article already\n"
            "stored (same id, url, or source+text) is skipped, so re-running is safe.\n"
            "  --db TARGET   SQLite file (default ./dyad.db, created) or a postgresql:// URI\n"
            "  --dict SPEC   dictionaries (default builtin)\n"
            "  --in FMT      auto (default), text, jsonl, html, tabari, petrarch\n"
            "  --date DATE   date for articles without one\n"
            "  --batch N     articles per transaction (default %d)\n"
            "  --threads N   coding threads (default 1; 0 = one per core); what is stored\n"
            "                is the same whatever N\n"
            "  --quiet       no progress bar (it is shown only on a terminal anyway)\n"
            "  --stats       print the totals line even when not on a terminal\n",
            DEFAULT_BATCH);
}

/* An article coded and waiting for its batch to be written. */
typedef struct {
    dyad_article a;          /* strings copied into the batch arena */
    size_t first_event, n_events;
} pending_article;

typedef struct {
    dyad_store *store;
    dyad_coder *coder;
    dyad_diag *diag;
    long batch_size;
    /* the batch being gathered */
    dy_arena arena;
    pending_article *pending;
    size_t n_pending;
    dyad_event *events;
    size_t n_events, cap_events;
    /* totals */
    long stored, skipped, events_stored;
    long failed;             /* articles the coder rejected */
    long lost;               /* articles of the batch rolled back on failure */
    int store_failed;
    dy_pool *pool;           /* with --threads > 1 */
    /* progress */
    int progress;
    double start, last_draw;
    long long lines_total, lines_done_files, line_in_file; /* ETA: lines are the unit */
} ingest_ctx;

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void draw_progress(ingest_ctx *c, int final) {
    double t = now_s();
    if (!final && t - c->last_draw < 0.2) return;
    c->last_draw = t;
    double el = t - c->start > 1e-6 ? t - c->start : 1e-6;
    long seen = c->stored + c->skipped + (long)c->n_pending;
    char eta[32] = "";
    long long done = c->lines_done_files + c->line_in_file;
    if (!final && c->lines_total > 0 && done > 0 && done < c->lines_total) {
        double left = el * (double)(c->lines_total - done) / (double)done;
        snprintf(eta, sizeof eta, "  ETA ~%d:%02d", (int)(left / 60), (int)left % 60);
    }
    fprintf(stderr, "\r%ld articles (%ld already stored), %ld events  %.0f articles/s  %.0f events/s%s   ",
            seen, c->skipped, c->events_stored, (double)seen / el, (double)c->events_stored / el, eta);
    if (final) fputc('\n', stderr);
    fflush(stderr);
}

/* Lines of a file, for the ETA: the readers report each article's line,
 * which measures progress through JSONL and record files well. */
static long long count_lines(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    char buf[1 << 16];
    long long n = 0;
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, f)) > 0)
        for (const char *p = buf; (p = memchr(p, '\n', (size_t)(buf + got - p))) != NULL; p++) n++;
    fclose(f);
    return n + 1;
}

static int collect_event(const dyad_event *e, void *user) {
    ingest_ctx *c = user;
    if (c->n_events == c->cap_events) {
        c->cap_events = c->cap_events ? 2 * c->cap_events : 64;
        c->events = dy_xrealloc(c->events, c->cap_events * sizeof *c->events);
    }
    c->events[c->n_events++] = *e;
    return 0;
}

/* Readers number articles that carry no id (JSONL line numbers); such ids
 * repeat from file to file, so they are qualified by the file name. */
static const char *store_id(const dyad_article *a, char *buf, size_t cap) {
    char line[32];
    snprintf(line, sizeof line, "%ld", a->origin_line);
    if (a->origin && a->origin_line > 0 && !strcmp(a->id, line)) {
        const char *base = strrchr(a->origin, '/');
        snprintf(buf, cap, "%s:%s", base ? base + 1 : a->origin, a->id);
        return buf;
    }
    return a->id;
}

static const char *arena_copy(dy_arena *arena, const char *str) {
    return str ? dy_arena_strdup(arena, str) : NULL;
}

/* Writes the gathered batch in one transaction. */
static int flush_batch(ingest_ctx *c) {
    if (c->n_pending == 0) return 0;
    long stored = 0, skipped = 0, events = 0;
    if (dyad_store_begin(c->store, c->diag) != 0) goto fail;
    for (size_t i = 0; i < c->n_pending; i++) {
        const pending_article *p = &c->pending[i];
        int r = dyad_store_ingest(c->store, &p->a, c->events + p->first_event, p->n_events, c->diag);
        if (r < 0) goto fail;
        if (r > 0) {
            stored++;
            events += (long)p->n_events;
        } else {
            skipped++; /* repeated within the batch, or stored meanwhile by another ingest */
        }
    }
    if (dyad_store_commit(c->store, c->diag) != 0) goto fail;
    c->stored += stored;
    c->skipped += skipped;
    c->events_stored += events;
    c->n_pending = 0;
    c->n_events = 0;
    dy_arena_reset(&c->arena);
    return 0;
fail:
    dyad_store_rollback(c->store);
    c->lost = (long)c->n_pending;
    c->store_failed = 1;
    return -1;
}

/* The article whose events are c->events[first..n_events) joins the batch. */
static void add_pending(ingest_ctx *c, const dyad_article *a, size_t first) {
    pending_article *p = &c->pending[c->n_pending++];
    p->a = *a;
    p->a.id = dy_arena_strdup(&c->arena, a->id);
    p->a.date = arena_copy(&c->arena, a->date);
    p->a.title = arena_copy(&c->arena, a->title);
    p->a.url = arena_copy(&c->arena, a->url);
    p->a.source = arena_copy(&c->arena, a->source);
    p->a.origin = arena_copy(&c->arena, a->origin);
    char *text = dy_arena_alloc(&c->arena, a->text_len + 1);
    memcpy(text, a->text, a->text_len);
    text[a->text_len] = 0;
    p->a.text = text;
    p->first_event = first;
    p->n_events = c->n_events - first;
    for (size_t i = first; i < c->n_events; i++) {
        c->events[i].article_id = p->a.id;
        c->events[i].explain = NULL;
    }
}

/* ---------------------------------------------------------------- coding on worker threads */

/* An article on its way through the pool, with the events coded for it. */
typedef struct {
    dy_owned_article article;
    dyad_event *events;
    size_t n_events, cap_events;
    int failed;
} ingest_job;

typedef struct {
    const dyad_dict *dict;
    const dyad_code_options *opt;
    ingest_ctx *ctx;
} ingest_shared;

static void *worker_start(void *shared) {
    const ingest_shared *sh = shared;
    return dyad_coder_new(sh->dict, sh->opt);
}

static void worker_stop(void *state) { dyad_coder_free(state); }

static int collect_job_event(const dyad_event *e, void *user) {
    ingest_job *j = user;
    if (j->n_events == j->cap_events) {
        j->cap_events = j->cap_events ? 2 * j->cap_events : 16;
        j->events = dy_xrealloc(j->events, j->cap_events * sizeof *j->events);
    }
    j->events[j->n_events++] = *e;
    return 0;
}

static void worker_run(void *state, void *job_ptr, dyad_diag *diag, void *shared) {
    (void)shared;
    ingest_job *j = job_ptr;
    if (!state || dyad_code_article(state, &j->article.a, collect_job_event, j, diag) < 0) {
        j->n_events = 0;
        j->failed = 1;
    }
}

static void ingest_job_free(ingest_job *j) {
    dy_owned_article_free(&j->article);
    free(j->events);
    free(j);
}

/* In input order, on the reading thread: what on_article does after
 * coding when there is one thread. */
static void job_done(void *job_ptr, void *shared) {
    ingest_ctx *c = ((ingest_shared *)shared)->ctx;
    ingest_job *j = job_ptr;
    if (!c->store_failed) {
        if (j->failed) {
            c->failed++;
        } else {
            size_t first = c->n_events;
            for (size_t i = 0; i < j->n_events; i++) collect_event(&j->events[i], c);
            add_pending(c, &j->article.a, first);
        }
        if ((long)c->n_pending >= c->batch_size) flush_batch(c);
        if (c->progress) draw_progress(c, 0);
    }
    ingest_job_free(j);
}

/* ---------------------------------------------------------------- reading */

static int on_article(const dyad_article *in, void *user) {
    ingest_ctx *c = user;
    if (c->store_failed) return 1;
    char idbuf[512];
    dyad_article a = *in;
    a.id = store_id(in, idbuf, sizeof idbuf);
    if (in->origin_line > c->line_in_file) c->line_in_file = in->origin_line;
    /* Not coding what is stored already makes a resumed ingest fast; the
     * batch checks again inside its transaction. */
    int has = dyad_store_has_article(c->store, &a, c->diag);
    if (has < 0) {
        c->lost = (long)c->n_pending; /* coded, never written */
        c->store_failed = 1;
        return 1; /* stop reading */
    }
    if (has) {
        c->skipped++;
    } else {
        if (c->pool) {
            ingest_job *j = dy_xcalloc(1, sizeof *j);
            dy_owned_article_copy(&j->article, &a, NULL);
            dy_pool_submit(c->pool, j);
            /* A batch written by job_done may have failed meanwhile. */
            return c->store_failed;
        }
        size_t first = c->n_events;
        /* An article the coder could not handle is not stored: stored
         * with no events, a re-run would skip it for good. */
        if (dyad_code_article(c->coder, &a, collect_event, c, c->diag) < 0) {
            c->n_events = first;
            c->failed++;
        } else {
            add_pending(c, &a, first);
        }
    }
    if ((long)c->n_pending >= c->batch_size && flush_batch(c) != 0) return 1;
    if (c->progress) draw_progress(c, 0);
    return 0;
}

int cmd_ingest(int argc, char **argv) {
    const char *db = "dyad.db", *dict_spec = "builtin", *date = NULL;
    int in_fmt = DYAD_IN_AUTO, quiet = 0, stats = 0, threads = 1;
    long batch = DEFAULT_BATCH;
    char **files = dy_xcalloc((size_t)argc + 1, sizeof *files);
    int n_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has_value = i + 1 < argc;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            free(files);
            return DY_EXIT_OK;
        } else if (has_value && !strcmp(a, "--db")) {
            db = argv[++i];
        } else if (has_value && !strcmp(a, "--dict")) {
            dict_spec = argv[++i];
        } else if (has_value && !strcmp(a, "--date")) {
            date = argv[++i];
            if (!dy_date_valid(date)) {
                fprintf(stderr, "dyad ingest: --date wants YYYY-MM-DD, got '%s'\n", date);
                free(files);
                return DY_EXIT_USAGE;
            }
        } else if (has_value && !strcmp(a, "--in")) {
            in_fmt = dyad_in_format_parse(argv[++i]);
            if (in_fmt < 0) {
                fprintf(stderr, "dyad ingest: unknown --in '%s'\n", argv[i]);
                free(files);
                return DY_EXIT_USAGE;
            }
        } else if (has_value && !strcmp(a, "--batch")) {
            char *end;
            batch = strtol(argv[++i], &end, 10);
            if (*end || batch < 1 || batch > 1000000) {
                fprintf(stderr, "dyad ingest: --batch wants a number from 1 to 1000000\n");
                free(files);
                return DY_EXIT_USAGE;
            }
        } else if (has_value && !strcmp(a, "--threads")) {
            char *end;
            errno = 0;
            long v = strtol(argv[++i], &end, 10);
            if (errno || end == argv[i] || *end || v < 0 || v > MAX_THREADS) {
                fprintf(stderr, "dyad ingest: --threads wants 0..%d, not '%s'\n", MAX_THREADS, argv[i]);
                free(files);
                return DY_EXIT_USAGE;
            }
            if (v == 0) {
                long cores = sysconf(_SC_NPROCESSORS_ONLN);
                v = cores < 1 ? 1 : cores > MAX_THREADS ? MAX_THREADS : cores;
            }
            threads = (int)v;
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            quiet = 1;
        } else if (!strcmp(a, "--stats")) {
            stats = 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad ingest: unknown or incomplete option '%s'\n", a);
            usage(stderr);
            free(files);
            return DY_EXIT_USAGE;
        } else {
            files[n_files++] = argv[i];
        }
    }
    if (!n_files) files[n_files++] = "-";

    /* Past a file-size limit (ulimit -f) a write should fail with EFBIG and
     * be reported like a full disk, not kill the process with SIGXFSZ. */
    signal(SIGXFSZ, SIG_IGN);
    dyad_diag diag;
    dyad_diag_init(&diag, NULL, NULL);
    dyad_dict *dict = dy_dict_load_cached(dict_spec, &diag);
    if (!dict) {
        fprintf(stderr, "dyad ingest: no usable dictionary from '%s'\n", dict_spec);
        free(files);
        return DY_EXIT_USAGE;
    }
    long dict_errors = diag.errors;
    dyad_code_options opt = {0, date};
    dyad_coder *coder = dyad_coder_new(dict, &opt);
    dyad_store *store = coder ? dyad_store_open(db, &diag) : NULL;
    if (!store) {
        dyad_coder_free(coder);
        dyad_dict_free(dict);
        free(files);
        return DY_EXIT_USAGE;
    }

    int tty = isatty(STDERR_FILENO);
    ingest_ctx c = {0};
    c.store = store;
    c.coder = coder;
    c.diag = &diag;
    c.batch_size = batch;
    c.pending = dy_xcalloc((size_t)batch, sizeof *c.pending);
    dy_arena_init(&c.arena, 1 << 20);
    c.progress = tty && !quiet;
    c.start = c.last_draw = now_s();
    long long *lines = dy_xcalloc((size_t)n_files, sizeof *lines);
    for (int f = 0; f < n_files && c.progress; f++) {
        if (strcmp(files[f], "-")) lines[f] = count_lines(files[f]);
        c.lines_total += lines[f];
    }

    int rc = DY_EXIT_OK;
    ingest_shared shared = {dict, &opt, &c};
    if (threads > 1) {
        dy_pool_ops ops = {worker_start, worker_stop, worker_run, job_done, &shared};
        c.pool = dy_pool_new(threads, (size_t)threads * JOBS_PER_THREAD, &ops, &diag);
        if (!c.pool) fprintf(stderr, "dyad ingest: cannot start worker threads; coding on one\n");
    }
    for (int f = 0; f < n_files && !c.store_failed; f++) {
        c.line_in_file = 0;
        const char *path = strcmp(files[f], "-") ? files[f] : NULL;
        if (dyad_read_file(path, (dyad_in_format)in_fmt, on_article, &c, &diag) != 0)
            rc = DY_EXIT_USAGE;
        c.lines_done_files += lines[f];
    }
    free(lines);
    if (c.pool && dy_pool_free(c.pool) != 0) {
        fprintf(stderr, "dyad ingest: a worker could not create a coder\n");
        rc = DY_EXIT_USAGE;
    }
    c.pool = NULL;
    if (!c.store_failed) flush_batch(&c);
    if (c.store_failed) {
        if (c.progress) fputc('\n', stderr);
        fprintf(stderr,
                "dyad ingest: stopped on a database error; the current batch (%ld articles) was"
                " not stored, the %ld articles stored before it are kept.\n"
                "  Fix the cause and run the same command again: stored articles are skipped.\n",
                c.lost, c.stored);
        rc = DY_EXIT_USAGE;
    } else {
        if (c.progress) draw_progress(&c, 1);
        if ((tty || stats) && !quiet)
            fprintf(stderr, "dyad ingest: %ld articles stored, %ld already there, %ld events, into %s (%s) in %.2f s\n",
                    c.stored, c.skipped, c.events_stored,
                    /* a DSN may carry a password: never echo it */
                    strcmp(dyad_store_backend(store), "sqlite") ? "the PostgreSQL database" : db,
                    dyad_store_backend(store), now_s() - c.start);
    }
    if (rc == DY_EXIT_OK && (diag.errors > dict_errors || c.failed)) rc = DY_EXIT_BAD_INPUT;
    dyad_store_close(store);
    dyad_coder_free(coder);
    dyad_dict_free(dict);
    free(c.events);
    free(c.pending);
    dy_arena_free(&c.arena);
    free(files);
    return rc;
}
