/* dyad code: read articles, code them into CAMEO events, write the events.
 *
 * With --threads N > 1 the articles are coded by N worker threads, each
 * with its own dyad_coder over the one shared, read-only dictionary. The
 * reader (this thread) deep-copies each article into a job and puts it in
 * a bounded ring; a worker renders the article's events into the job's own
 * buffer; this thread writes finished jobs strictly in ring order. So the
 * output is byte-identical to a single-threaded run, and at most a ring's
 * worth of articles is held in memory. Diagnostics from coding are held in
 * the job too and reported when the job is written, in input order. */
#include "cli/cli.h"
#include "dyad.h"
#include "io/write.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
    MAX_THREADS = 256,
    JOBS_PER_THREAD = 4 /* enough slack that a slow article rarely stalls the others */
};

static void usage(FILE *f) {
    fprintf(f,
            "usage: dyad code [OPTIONS] [FILE...]\n"
            "\n"
            "Code news articles into CAMEO events. No FILE, or \"-\": standard input.\n"
            "\n"
            "  --in FMT        auto (default) | text | jsonl | html | tabari | petrarch\n"
            "  --out FMT       jsonl (default) | tsv | csv | gdelt | mentions\n"
            "  --dict SPEC     builtin (default) | TABARI .project | PETRARCH .ini | native manifest\n"
            "  --date DATE     YYYY-MM-DD, for articles that carry no date\n"
            "  --explain       add each event's provenance (\"explain\")\n"
            "  --status LIST   only events with these statuses, comma-separated:\n"
            "                  reported, planned, speculative, negated (default: all)\n"
            "  --threads N     worker threads (default 1; 0 = one per core); the output\n"
            "                  is identical whatever N\n"
            "  --help          this text\n"
            "\n"
            "Exit status: 0 all good, 1 some input was bad (reported on stderr, the rest\n"
            "coded), 2 usage error, unopenable input or unusable dictionary.\n"
            "Output formats and columns: docs/output-formats.md.\n");
}

typedef struct {
    dyad_in_format in;
    dy_out_format out;
    const char *dict_spec;
    unsigned status_mask;       /* bit per dyad_status */
    int threads;
    dyad_code_options opt;
} code_settings;

/* ---------------------------------------------------------------- options */

static int valid_date(const char *s) {
    if (strlen(s) != 10 || s[4] != '-' || s[7] != '-') return 0;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return 0;
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

static int parse_status_list(const char *list, unsigned *mask) {
    *mask = 0;
    char *copy = dy_xstrdup(list);
    int ok = 1;
    char *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        while (*tok == ' ') tok++;
        size_t n = strlen(tok);
        while (n && tok[n - 1] == ' ') tok[--n] = '\0';
        int st = dyad_status_parse(tok);
        if (st < 0) {
            fprintf(stderr, "dyad code: unknown status '%s' (reported, planned, speculative, negated)\n",
                    tok);
            ok = 0;
            break;
        }
        *mask |= 1u << st;
    }
    free(copy);
    if (ok && !*mask) {
        fprintf(stderr, "dyad code: --status needs at least one status\n");
        ok = 0;
    }
    return ok;
}

static int parse_threads(const char *s, int *out) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 0 || v > MAX_THREADS) {
        fprintf(stderr, "dyad code: --threads wants 0..%d, not '%s'\n", MAX_THREADS, s);
        return 0;
    }
    if (v == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        v = cores < 1 ? 1 : cores > MAX_THREADS ? MAX_THREADS : cores;
    }
    *out = (int)v;
    return 1;
}

/* Accepts "--name value" and "--name=value". Returns the value, or NULL
 * when arg is not this option; *i is advanced past a separate value. */
static const char *option_value(int argc, char **argv, int *i, const char *name, int *missing) {
    const char *arg = argv[*i];
    size_t n = strlen(name);
    if (strncmp(arg, name, n) != 0) return NULL;
    if (arg[n] == '=') return arg + n + 1;
    if (arg[n] != '\0') return NULL;
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

/* Returns -1 when the command should go on, else the exit status. Files are
 * collected into files[0..*nfiles). */
static int parse_args(int argc, char **argv, code_settings *s, const char **files, int *nfiles) {
    int only_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (only_files || arg[0] != '-' || !strcmp(arg, "-")) {
            files[(*nfiles)++] = arg;
            continue;
        }
        if (!strcmp(arg, "--")) {
            only_files = 1;
            continue;
        }
        if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            usage(stdout);
            return DY_EXIT_OK;
        }
        if (!strcmp(arg, "--explain")) {
            s->opt.explain = 1;
            continue;
        }
        int missing = 0;
        const char *v;
        if ((v = option_value(argc, argv, &i, "--in", &missing))) {
            int f = dyad_in_format_parse(v);
            if (f < 0) {
                fprintf(stderr, "dyad code: unknown input format '%s'\n", v);
                return DY_EXIT_USAGE;
            }
            s->in = (dyad_in_format)f;
        } else if ((v = option_value(argc, argv, &i, "--out", &missing))) {
            int f = dy_out_format_parse(v);
            if (f < 0) {
                fprintf(stderr, "dyad code: unknown output format '%s'\n", v);
                return DY_EXIT_USAGE;
            }
            s->out = (dy_out_format)f;
        } else if ((v = option_value(argc, argv, &i, "--dict", &missing))) {
            s->dict_spec = v;
        } else if ((v = option_value(argc, argv, &i, "--date", &missing))) {
            if (!valid_date(v)) {
                fprintf(stderr, "dyad code: --date wants YYYY-MM-DD, not '%s'\n", v);
                return DY_EXIT_USAGE;
            }
            s->opt.default_date = v;
        } else if ((v = option_value(argc, argv, &i, "--status", &missing))) {
            if (!parse_status_list(v, &s->status_mask)) return DY_EXIT_USAGE;
        } else if ((v = option_value(argc, argv, &i, "--threads", &missing))) {
            if (!parse_threads(v, &s->threads)) return DY_EXIT_USAGE;
        } else {
            if (missing) fprintf(stderr, "dyad code: %s needs a value\n", arg);
            else fprintf(stderr, "dyad code: unknown option '%s'\n", arg);
            usage(stderr);
            return DY_EXIT_USAGE;
        }
    }
    return -1;
}

/* ---------------------------------------------------------------- coding one article */

typedef struct {
    const code_settings *settings;
    const dyad_article *article;
    dy_buf *out;
    unsigned index; /* counts every event, filtered or not, for stable GDELT ids */
} render_ctx;

static int on_event(const dyad_event *e, void *user) {
    render_ctx *ctx = user;
    unsigned index = ctx->index++;
    if ((unsigned)e->status < 32 && (ctx->settings->status_mask & (1u << e->status)))
        dy_render_event(ctx->settings->out, ctx->article, e, index, ctx->out);
    return 0;
}

static void code_article(dyad_coder *coder, const code_settings *s, const dyad_article *a,
                         dy_buf *out, dyad_diag *diag) {
    render_ctx ctx = {s, a, out, 0};
    long errors_before = diag->errors;
    if (dyad_code_article(coder, a, on_event, &ctx, diag) < 0 && diag->errors == errors_before)
        dyad_diag_report(diag, DYAD_ERROR, a->origin, a->origin_line, 0,
                         "article '%s' could not be coded", a->id);
}

/* ---------------------------------------------------------------- single thread */

typedef struct {
    const code_settings *settings;
    dyad_coder *coder;
    dy_writer *writer;
    dy_buf scratch;
    dyad_diag *diag;
} serial_run;

static int serial_article(const dyad_article *a, void *user) {
    serial_run *r = user;
    dy_buf_clear(&r->scratch);
    code_article(r->coder, r->settings, a, &r->scratch, r->diag);
    dy_writer_raw(r->writer, r->scratch.data ? r->scratch.data : "", r->scratch.len);
    return 0;
}

/* ---------------------------------------------------------------- worker threads */

typedef struct {
    dyad_severity severity;
    char *file;
    long line, column;
    char *message;
} held_diagnostic;

typedef struct {
    dyad_article article;       /* strings point into storage */
    char *storage;
    dy_buf out;
    held_diagnostic *diags;
    size_t ndiags, cap;
    int done;                   /* guarded by the pipeline mutex */
} job;

static char *copy_into(char **cursor, const char *s, size_t n) {
    if (!s) return NULL;
    char *dst = *cursor;
    memcpy(dst, s, n);
    dst[n] = '\0';
    *cursor += n + 1;
    return dst;
}

/* The reader's strings live only during its callback, so a job owns a copy
 * of everything, in one allocation. */
static job *job_from_article(const dyad_article *a) {
    const char *strs[] = {a->id, a->date, a->title, a->url, a->source, a->origin};
    size_t total = a->text_len + 1;
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        if (strs[i]) total += strlen(strs[i]) + 1;
    job *j = dy_xcalloc(1, sizeof *j);
    j->storage = dy_xmalloc(total);
    char *cur = j->storage;
    j->article = *a;
    j->article.text = copy_into(&cur, a->text ? a->text : "", a->text ? a->text_len : 0);
    j->article.id = copy_into(&cur, a->id, a->id ? strlen(a->id) : 0);
    j->article.date = copy_into(&cur, a->date, a->date ? strlen(a->date) : 0);
    j->article.title = copy_into(&cur, a->title, a->title ? strlen(a->title) : 0);
    j->article.url = copy_into(&cur, a->url, a->url ? strlen(a->url) : 0);
    j->article.source = copy_into(&cur, a->source, a->source ? strlen(a->source) : 0);
    j->article.origin = copy_into(&cur, a->origin, a->origin ? strlen(a->origin) : 0);
    dy_buf_init(&j->out);
    return j;
}

static void job_free(job *j) {
    for (size_t i = 0; i < j->ndiags; i++) {
        free(j->diags[i].file);
        free(j->diags[i].message);
    }
    free(j->diags);
    dy_buf_free(&j->out);
    free(j->storage);
    free(j);
}

static void hold_diagnostic(const dyad_diagnostic *d, void *user) {
    job *j = user;
    if (j->ndiags == j->cap) {
        j->cap = j->cap ? 2 * j->cap : 4;
        j->diags = dy_xrealloc(j->diags, j->cap * sizeof *j->diags);
    }
    held_diagnostic *h = &j->diags[j->ndiags++];
    h->severity = d->severity;
    h->file = dy_xstrdup(d->file ? d->file : "-");
    h->line = d->line;
    h->column = d->column;
    h->message = dy_xstrdup(d->message ? d->message : "");
}

typedef struct {
    pthread_mutex_t mu;
    pthread_cond_t work_cv;     /* a job was queued, or the pipeline is closing */
    pthread_cond_t done_cv;     /* a job finished */
    job **ring;
    size_t cap;
    size_t head, claim, tail;   /* running counts: written <= claimed <= queued */
    int closing;
    const code_settings *settings;
    const dyad_dict *dict;
    dy_writer *writer;
    dyad_diag *diag;            /* touched by the reading thread only */
    int coder_failed;
} pipeline;

static void *worker_main(void *arg) {
    pipeline *p = arg;
    dyad_coder *coder = dyad_coder_new(p->dict, &p->settings->opt);
    pthread_mutex_lock(&p->mu);
    if (!coder) p->coder_failed = 1;
    for (;;) {
        while (p->claim == p->tail && !p->closing) pthread_cond_wait(&p->work_cv, &p->mu);
        if (p->claim == p->tail) break;
        job *j = p->ring[p->claim++ % p->cap];
        pthread_mutex_unlock(&p->mu);
        dyad_diag d;
        dyad_diag_init(&d, hold_diagnostic, j);
        if (coder) code_article(coder, p->settings, &j->article, &j->out, &d);
        else dyad_diag_report(&d, DYAD_ERROR, j->article.origin, j->article.origin_line, 0,
                              "article '%s' not coded: no coder", j->article.id);
        pthread_mutex_lock(&p->mu);
        j->done = 1;
        pthread_cond_broadcast(&p->done_cv);
    }
    pthread_mutex_unlock(&p->mu);
    dyad_coder_free(coder);
    return NULL;
}

/* Write the oldest job; called with the mutex held, by the reading thread
 * only (the only one that moves head). The job is finished, so no worker
 * touches it: the output work runs unlocked. */
static void emit_head(pipeline *p) {
    job *j = p->ring[p->head % p->cap];
    pthread_mutex_unlock(&p->mu);
    for (size_t i = 0; i < j->ndiags; i++) {
        held_diagnostic *h = &j->diags[i];
        dyad_diag_report(p->diag, h->severity, h->file, h->line, h->column, "%s", h->message);
    }
    dy_writer_raw(p->writer, j->out.data ? j->out.data : "", j->out.len);
    job_free(j);
    pthread_mutex_lock(&p->mu);
    p->head++;
}

static int pipeline_article(const dyad_article *a, void *user) {
    pipeline *p = user;
    job *j = job_from_article(a);
    pthread_mutex_lock(&p->mu);
    while (p->tail - p->head == p->cap) {
        while (!p->ring[p->head % p->cap]->done) pthread_cond_wait(&p->done_cv, &p->mu);
        emit_head(p);
    }
    p->ring[p->tail++ % p->cap] = j;
    pthread_cond_signal(&p->work_cv);
    /* Write whatever is already finished, so output streams steadily
     * instead of in bursts when the ring fills. */
    while (p->head < p->tail && p->ring[p->head % p->cap]->done) emit_head(p);
    pthread_mutex_unlock(&p->mu);
    return 0;
}

static void pipeline_drain(pipeline *p) {
    pthread_mutex_lock(&p->mu);
    p->closing = 1;
    pthread_cond_broadcast(&p->work_cv);
    while (p->head < p->tail) {
        while (!p->ring[p->head % p->cap]->done) pthread_cond_wait(&p->done_cv, &p->mu);
        emit_head(p);
    }
    pthread_mutex_unlock(&p->mu);
}

/* ---------------------------------------------------------------- the command */

typedef int (*article_sink)(const dyad_article *a, void *user);

/* Returns 1 when every file could be opened and read. */
static int read_inputs(const char **files, int nfiles, const code_settings *s, article_sink fn,
                       void *user, dyad_diag *diag) {
    if (nfiles == 0) return dyad_read_file("-", s->in, fn, user, diag) == 0;
    int all_read = 1;
    for (int i = 0; i < nfiles; i++)
        if (dyad_read_file(files[i], s->in, fn, user, diag) < 0) all_read = 0;
    return all_read;
}

static int run_serial(const code_settings *s, const dyad_dict *dict, const char **files,
                      int nfiles, dy_writer *w, dyad_diag *diag, int *all_read) {
    serial_run r = {s, dyad_coder_new(dict, &s->opt), w, {0}, diag};
    if (!r.coder) {
        fprintf(stderr, "dyad code: cannot create a coder for this dictionary\n");
        return 0;
    }
    dy_buf_init(&r.scratch);
    *all_read = read_inputs(files, nfiles, s, serial_article, &r, diag);
    dy_buf_free(&r.scratch);
    dyad_coder_free(r.coder);
    return 1;
}

static int run_parallel(const code_settings *s, const dyad_dict *dict, const char **files,
                        int nfiles, dy_writer *w, dyad_diag *diag, int *all_read) {
    pipeline p;
    memset(&p, 0, sizeof p);
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.work_cv, NULL);
    pthread_cond_init(&p.done_cv, NULL);
    p.cap = (size_t)s->threads * JOBS_PER_THREAD;
    p.ring = dy_xcalloc(p.cap, sizeof *p.ring);
    p.settings = s;
    p.dict = dict;
    p.writer = w;
    p.diag = diag;
    pthread_t *tids = dy_xcalloc((size_t)s->threads, sizeof *tids);
    int started = 0;
    for (; started < s->threads; started++)
        if (pthread_create(&tids[started], NULL, worker_main, &p) != 0) break;
    int ok = started > 0;
    if (ok) {
        *all_read = read_inputs(files, nfiles, s, pipeline_article, &p, diag);
        pipeline_drain(&p);
    } else {
        fprintf(stderr, "dyad code: cannot start worker threads\n");
    }
    for (int i = 0; i < started; i++) pthread_join(tids[i], NULL);
    if (p.coder_failed) {
        fprintf(stderr, "dyad code: cannot create a coder for this dictionary\n");
        ok = 0;
    }
    free(tids);
    free(p.ring);
    pthread_cond_destroy(&p.done_cv);
    pthread_cond_destroy(&p.work_cv);
    pthread_mutex_destroy(&p.mu);
    return ok;
}

int cmd_code(int argc, char **argv) {
    code_settings s = {
        .in = DYAD_IN_AUTO,
        .out = DY_OUT_JSONL,
        .dict_spec = "builtin",
        .status_mask = ~0u,
        .threads = 1,
    };
    const char **files = dy_xcalloc((size_t)argc + 1, sizeof *files);
    int nfiles = 0;
    int rc = parse_args(argc, argv, &s, files, &nfiles);
    if (rc >= 0) {
        free(files);
        return rc;
    }

    dyad_diag diag;
    dyad_diag_init(&diag, NULL, NULL);
    dyad_dict *dict = dyad_dict_load(s.dict_spec, &diag);
    if (!dict) {
        fprintf(stderr, "dyad code: no usable dictionary from '%s'\n", s.dict_spec);
        free(files);
        return DY_EXIT_USAGE;
    }
    dy_writer *w = dy_writer_new(stdout, s.out);
    int all_read = 1;
    int ran = s.threads > 1 ? run_parallel(&s, dict, files, nfiles, w, &diag, &all_read)
                            : run_serial(&s, dict, files, nfiles, w, &diag, &all_read);
    int write_failed = dy_writer_close(w) != 0;
    if (write_failed) fprintf(stderr, "dyad code: cannot write output: %s\n", strerror(errno));
    dyad_dict_free(dict);
    free(files);

    if (!ran || !all_read) return DY_EXIT_USAGE;
    if (write_failed || diag.errors > 0) return DY_EXIT_BAD_INPUT;
    return DY_EXIT_OK;
}
