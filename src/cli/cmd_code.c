/* dyad code: read articles, code them into CAMEO events, write the events.
 *
 * With --threads N > 1 the articles are coded by N worker threads (the
 * ordered pool of pool.h), each with its own dyad_coder over the one
 * shared, read-only dictionary. This thread deep-copies each article into
 * a job; a worker renders the job's events into the job's own buffer; this
 * thread writes finished jobs strictly in input order. So the output is
 * byte-identical to a single-threaded run, and at most the pool's depth of
 * jobs is held in memory.
 *
 * TABARI record files are read record by record, as dyad validate reads
 * them: a record's { OPTION: ... } commands change how the records after
 * it are coded (the record itself gives no events), and with FORWARD on,
 * consecutive sentences of one story share context. Both stay identical
 * whatever --threads: each job carries how many commands precede it, and
 * a run of records linked by FORWARD is one job, coded by one worker. */
#include "cli/cli.h"
#include "cli/owned_article.h"
#include "cli/pool.h"
#include "coder/coder.h"
#include "dyad.h"
#include "io/read.h"
#include "io/write.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/xalloc.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
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
            "Output formats and columns: docs/output-formats.md. TABARI record files are\n"
            "coded with their OPTION records applied in file order, as dyad validate does.\n");
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
            if (!dy_date_valid(v)) {
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

/* ---------------------------------------------------------------- option log */

/* TABARI option commands in the order read; NULL stands for "back to the
 * dictionary's options" (a new file starts afresh). Only the reading thread
 * appends; a coder that has applied the first k entries applies the rest
 * up to what a job was queued with, so every worker's coder holds exactly
 * the options the one-thread run would have at that record. */
typedef struct {
    pthread_mutex_t mu;
    char **cmds;
    size_t n, cap;
} option_log;

static void log_append(option_log *l, char *cmd) {
    pthread_mutex_lock(&l->mu);
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 16;
        l->cmds = dy_xrealloc(l->cmds, l->cap * sizeof *l->cmds);
    }
    l->cmds[l->n++] = cmd;
    pthread_mutex_unlock(&l->mu);
}

static size_t log_length(option_log *l) {
    pthread_mutex_lock(&l->mu);
    size_t n = l->n;
    pthread_mutex_unlock(&l->mu);
    return n;
}

/* ---------------------------------------------------------------- jobs */

/* One article to code, with the option-log length and FORWARD carry flag
 * it must be coded under. */
typedef struct {
    dy_owned_article article;
    size_t options_upto;
    int carry;
} entry;

/* The unit a worker takes: one article, or a TABARI story whose records
 * carry context (FORWARD) from one to the next and so must be coded in
 * order by one coder. Each job starts without carried context, so which
 * worker codes it cannot change its events. */
typedef struct {
    entry *entries;
    size_t n, cap;
    dy_buf out;
} job;

typedef struct {
    dyad_coder *coder;
    size_t options_applied;
} coder_state;

static void job_add(job *j, const dyad_article *a, size_t options_upto, int carry) {
    if (j->n == j->cap) {
        j->cap = j->cap ? 2 * j->cap : 1;
        j->entries = dy_xrealloc(j->entries, j->cap * sizeof *j->entries);
    }
    entry *e = &j->entries[j->n++];
    dy_owned_article_copy(&e->article, a, NULL);
    e->options_upto = options_upto;
    e->carry = carry;
}

static job *job_new(void) {
    job *j = dy_xcalloc(1, sizeof *j);
    dy_buf_init(&j->out);
    return j;
}

static void job_free(job *j) {
    for (size_t i = 0; i < j->n; i++) dy_owned_article_free(&j->entries[i].article);
    free(j->entries);
    dy_buf_free(&j->out);
    free(j);
}

/* ---------------------------------------------------------------- coding */

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

static void apply_options(coder_state *cs, option_log *log, size_t upto) {
    if (cs->options_applied >= upto) return;
    pthread_mutex_lock(&log->mu);
    for (; cs->options_applied < upto; cs->options_applied++) {
        const char *cmd = log->cmds[cs->options_applied];
        /* A command the coder does not know is ignored, as dyad validate does. */
        if (cmd) dy_coder_option(cs->coder, cmd);
        else dy_coder_reset_options(cs->coder);
    }
    pthread_mutex_unlock(&log->mu);
}

static void code_job(coder_state *cs, option_log *log, const code_settings *s, job *j,
                     dyad_diag *diag) {
    for (size_t i = 0; i < j->n; i++) {
        const dyad_article *a = &j->entries[i].article.a;
        if (!cs) {
            dyad_diag_report(diag, DYAD_ERROR, a->origin, a->origin_line, 0,
                             "article '%s' not coded: no coder", a->id);
            continue;
        }
        apply_options(cs, log, j->entries[i].options_upto);
        dy_coder_carry_context(cs->coder, j->entries[i].carry);
        render_ctx ctx = {s, a, &j->out, 0};
        long errors_before = diag->errors;
        if (dyad_code_article(cs->coder, a, on_event, &ctx, diag) < 0 && diag->errors == errors_before)
            dyad_diag_report(diag, DYAD_ERROR, a->origin, a->origin_line, 0,
                             "article '%s' could not be coded", a->id);
    }
}

/* ---------------------------------------------------------------- feeding jobs */

typedef struct feeder feeder;
typedef void (*job_sink)(feeder *f, job *j);

/* The reading side, the same for one thread or many: turns articles and
 * TABARI records into jobs, in input order, and keeps the option log. */
struct feeder {
    const code_settings *settings;
    option_log log;
    job_sink sink;
    /* one thread */
    coder_state serial;
    dy_writer *writer;
    dyad_diag *diag;
    /* many threads */
    dy_pool *pool;
    /* the TABARI file being read */
    job *story;                 /* records that may still carry context forward */
    int forward;                /* FORWARD: on */
    char prev_story[64];
    long prev_sentence;
};

static int feed_article(const dyad_article *a, void *user) {
    feeder *f = user;
    job *j = job_new();
    job_add(j, a, log_length(&f->log), 0);
    f->sink(f, j);
    return 0;
}

static void flush_story(feeder *f) {
    if (f->story) f->sink(f, f->story);
    f->story = NULL;
}

/* Mirrors tabari_record() of dyad validate: the record's OPTION commands
 * apply to the records after it (a record holding one is itself not
 * coded), and with FORWARD on, "STORY-001-002" coded right after
 * "STORY-001-001" may take its pronouns' referents from it. */
static int feed_tabari_record(const dy_tabari_record *r, void *user) {
    feeder *f = user;
    int option = 0;
    size_t pos = 0;
    dy_tabari_entry e;
    while (r->block && dy_tabari_block_next(r->block, r->block_len, &pos, &e)) {
        if (e.kind != DY_TAB_OPTION) continue;
        char *cmd = dy_xstrndup(e.option, e.option_len);
        if (!strncmp(cmd, "FORWARD:", 8)) f->forward = strstr(cmd, " OFF") == NULL;
        log_append(&f->log, cmd);
        option = 1;
    }
    const char *id = r->article->id;
    const char *dash = strrchr(id, '-');
    char story[64] = "";
    long sentence = -1;
    if (dash && dash > id && dash[1] >= '0' && dash[1] <= '9' && (size_t)(dash - id) < sizeof story) {
        snprintf(story, sizeof story, "%.*s", (int)(dash - id), id);
        sentence = strtol(dash + 1, NULL, 10);
    }
    int carry = f->forward && story[0] && !strcmp(story, f->prev_story) &&
                sentence == f->prev_sentence + 1;
    snprintf(f->prev_story, sizeof f->prev_story, "%s", story);
    f->prev_sentence = sentence;
    if (option) return 0;
    /* The first record coded in a file has no context to take over. */
    if (!carry || !f->story) {
        flush_story(f);
        f->story = job_new();
        carry = 0;
    }
    job_add(f->story, r->article, log_length(&f->log), carry);
    return 0;
}

static void start_file(feeder *f) {
    /* Options one TABARI file set do not leak into the next input. */
    pthread_mutex_lock(&f->log.mu);
    int dirty = f->log.n > 0 && f->log.cmds[f->log.n - 1] != NULL;
    pthread_mutex_unlock(&f->log.mu);
    if (dirty) log_append(&f->log, NULL);
    f->forward = 0;
    f->prev_story[0] = '\0';
    f->prev_sentence = 0;
}

static int is_blank(const char *p, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (p[i] != ' ' && p[i] != '\t' && p[i] != '\n' && p[i] != '\r') return 0;
    return 1;
}

/* Names that "auto" reads as another format whatever their content, so
 * that such files need not be looked at before their reader reads them. */
static int never_tabari(const char *path) {
    static const char *const other[] = {"jsonl", "ndjson", "html", "htm", "xhtml", "xml"};
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    if (!dot || dot == base) return 0;
    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++)
        if (!strcasecmp(dot + 1, other[i])) return 1;
    return 0;
}

/* Returns 0 when the file could be opened and read. TABARI record files
 * go through the record reader, whose comment blocks hold the OPTION
 * commands; every other format through the ordinary article readers. */
static int read_one(feeder *f, const char *path, dyad_diag *diag) {
    dyad_in_format fmt = f->settings->in;
    start_file(f);
    if ((fmt != DYAD_IN_AUTO && fmt != DYAD_IN_TABARI) || (fmt == DYAD_IN_AUTO && never_tabari(path)))
        return dyad_read_file(path, fmt, feed_article, f, diag);
    int from_stdin = !strcmp(path, "-");
    char *data;
    size_t len;
    if (dy_read_slurp(path, &data, &len, diag) != 0) return -1;
    const char *name = from_stdin ? "-" : path;
    if (fmt == DYAD_IN_AUTO) fmt = dy_read_detect(name, data, len);
    const char *p = data;
    size_t n = len;
    if (n >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3)) p += 3, n -= 3;
    int rc;
    /* Empty and binary inputs get the ordinary readers' diagnostics. */
    if (fmt == DYAD_IN_TABARI && !is_blank(p, n) && !memchr(p, '\0', n)) {
        rc = dy_tabari_read(name, p, n, feed_tabari_record, f, diag);
        flush_story(f);
    } else if (from_stdin) {
        rc = dyad_read_memory(name, data, len, f->settings->in, feed_article, f, diag);
    } else {
        /* Read again rather than hold two copies of a large file. */
        free(data);
        data = NULL;
        rc = dyad_read_file(path, f->settings->in, feed_article, f, diag);
    }
    free(data);
    return rc;
}

/* Returns 1 when every file could be opened and read. */
static int read_inputs(feeder *f, const char **files, int nfiles, dyad_diag *diag) {
    if (nfiles == 0) return read_one(f, "-", diag) == 0;
    int all_read = 1;
    for (int i = 0; i < nfiles; i++)
        if (read_one(f, files[i], diag) < 0) all_read = 0;
    return all_read;
}

static void feeder_init(feeder *f, const code_settings *s, job_sink sink, dy_writer *w,
                        dyad_diag *diag) {
    memset(f, 0, sizeof *f);
    f->settings = s;
    f->sink = sink;
    f->writer = w;
    f->diag = diag;
    pthread_mutex_init(&f->log.mu, NULL);
}

static void feeder_free(feeder *f) {
    for (size_t i = 0; i < f->log.n; i++) free(f->log.cmds[i]);
    free(f->log.cmds);
    pthread_mutex_destroy(&f->log.mu);
}

/* ---------------------------------------------------------------- one thread */

static void serial_sink(feeder *f, job *j) {
    code_job(&f->serial, &f->log, f->settings, j, f->diag);
    dy_writer_raw(f->writer, j->out.data ? j->out.data : "", j->out.len);
    job_free(j);
}

static int run_serial(const code_settings *s, const dyad_dict *dict, const char **files,
                      int nfiles, dy_writer *w, dyad_diag *diag, int *all_read) {
    feeder f;
    feeder_init(&f, s, serial_sink, w, diag);
    f.serial.coder = dyad_coder_new(dict, &s->opt);
    if (!f.serial.coder) {
        fprintf(stderr, "dyad code: cannot create a coder for this dictionary\n");
        feeder_free(&f);
        return 0;
    }
    *all_read = read_inputs(&f, files, nfiles, diag);
    dyad_coder_free(f.serial.coder);
    feeder_free(&f);
    return 1;
}

/* ---------------------------------------------------------------- worker threads */

typedef struct {
    const code_settings *settings;
    const dyad_dict *dict;
    feeder *feeder;
} shared_run;

static void *worker_start(void *shared) {
    shared_run *sr = shared;
    dyad_coder *coder = dyad_coder_new(sr->dict, &sr->settings->opt);
    if (!coder) return NULL;
    coder_state *cs = dy_xcalloc(1, sizeof *cs);
    cs->coder = coder;
    return cs;
}

static void worker_stop(void *state) {
    coder_state *cs = state;
    if (!cs) return;
    dyad_coder_free(cs->coder);
    free(cs);
}

static void worker_run(void *state, void *job_ptr, dyad_diag *diag, void *shared) {
    shared_run *sr = shared;
    code_job(state, &sr->feeder->log, sr->settings, job_ptr, diag);
}

static void job_done(void *job_ptr, void *shared) {
    shared_run *sr = shared;
    job *j = job_ptr;
    dy_writer_raw(sr->feeder->writer, j->out.data ? j->out.data : "", j->out.len);
    job_free(j);
}

static void pool_sink(feeder *f, job *j) { dy_pool_submit(f->pool, j); }

static int run_parallel(const code_settings *s, const dyad_dict *dict, const char **files,
                        int nfiles, dy_writer *w, dyad_diag *diag, int *all_read) {
    feeder f;
    feeder_init(&f, s, pool_sink, w, diag);
    shared_run sr = {s, dict, &f};
    dy_pool_ops ops = {worker_start, worker_stop, worker_run, job_done, &sr};
    f.pool = dy_pool_new(s->threads, (size_t)s->threads * JOBS_PER_THREAD, &ops, diag);
    if (!f.pool) {
        fprintf(stderr, "dyad code: cannot start worker threads\n");
        feeder_free(&f);
        return 0;
    }
    *all_read = read_inputs(&f, files, nfiles, diag);
    int ok = dy_pool_free(f.pool) == 0;
    if (!ok) fprintf(stderr, "dyad code: cannot create a coder for this dictionary\n");
    feeder_free(&f);
    return ok;
}

/* ---------------------------------------------------------------- the command */

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
    dyad_dict *dict = dy_dict_load_cached(s.dict_spec, &diag);
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
