/* The ordered worker pool (see pool.h). A ring of slots holds the jobs in
 * flight; three running counts say which slots are written back (head),
 * claimed by a worker (claim) and queued (tail). Only the submitting
 * thread moves head, so handing a job back needs the lock only to read
 * its slot. */
#include "cli/pool.h"
#include "util/xalloc.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    dyad_severity severity;
    char *file;
    long line, column;
    char *message;
} held_diagnostic;

typedef struct {
    void *job;
    held_diagnostic *diags;
    size_t ndiags, cap;
    int done;                   /* guarded by the pool mutex */
} slot;

struct dy_pool {
    pthread_mutex_t mu;
    pthread_cond_t work_cv;     /* a job was queued, or the pool is closing */
    pthread_cond_t done_cv;     /* a job finished */
    slot *ring;
    size_t cap;
    size_t head, claim, tail;   /* running counts: handed back <= claimed <= queued */
    int closing;
    int failed_starts;
    dy_pool_ops ops;
    dyad_diag *diag;            /* the caller's: touched by the submitting thread only */
    pthread_t *tids;
    int started;
};

static void hold_diagnostic(const dyad_diagnostic *d, void *user) {
    slot *s = user;
    if (s->ndiags == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 4;
        s->diags = dy_xrealloc(s->diags, s->cap * sizeof *s->diags);
    }
    held_diagnostic *h = &s->diags[s->ndiags++];
    h->severity = d->severity;
    h->file = dy_xstrdup(d->file ? d->file : "-");
    h->line = d->line;
    h->column = d->column;
    h->message = dy_xstrdup(d->message ? d->message : "");
}

static void *worker_main(void *arg) {
    dy_pool *p = arg;
    void *state = p->ops.worker_start ? p->ops.worker_start(p->ops.shared) : NULL;
    pthread_mutex_lock(&p->mu);
    if (p->ops.worker_start && !state) p->failed_starts++;
    for (;;) {
        while (p->claim == p->tail && !p->closing) pthread_cond_wait(&p->work_cv, &p->mu);
        if (p->claim == p->tail) break;
        slot *s = &p->ring[p->claim++ % p->cap];
        pthread_mutex_unlock(&p->mu);
        dyad_diag d;
        dyad_diag_init(&d, hold_diagnostic, s);
        p->ops.run(state, s->job, &d, p->ops.shared);
        pthread_mutex_lock(&p->mu);
        s->done = 1;
        pthread_cond_broadcast(&p->done_cv);
    }
    pthread_mutex_unlock(&p->mu);
    if (p->ops.worker_stop) p->ops.worker_stop(state);
    return NULL;
}

/* Hand back the oldest job; called with the mutex held. The job is
 * finished, so no worker touches its slot until head moves past it. */
static void hand_back_head(dy_pool *p) {
    slot *s = &p->ring[p->head % p->cap];
    pthread_mutex_unlock(&p->mu);
    for (size_t i = 0; i < s->ndiags; i++) {
        held_diagnostic *h = &s->diags[i];
        dyad_diag_report(p->diag, h->severity, h->file, h->line, h->column, "%s", h->message);
        free(h->file);
        free(h->message);
    }
    free(s->diags);
    void *job = s->job;
    memset(s, 0, sizeof *s);
    p->ops.done(job, p->ops.shared);
    pthread_mutex_lock(&p->mu);
    p->head++;
}

dy_pool *dy_pool_new(int threads, size_t depth, const dy_pool_ops *ops, dyad_diag *diag) {
    dy_pool *p = dy_xcalloc(1, sizeof *p);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work_cv, NULL);
    pthread_cond_init(&p->done_cv, NULL);
    p->cap = depth ? depth : 1;
    p->ring = dy_xcalloc(p->cap, sizeof *p->ring);
    p->ops = *ops;
    p->diag = diag;
    p->tids = dy_xcalloc((size_t)(threads > 0 ? threads : 1), sizeof *p->tids);
    for (; p->started < threads; p->started++)
        if (pthread_create(&p->tids[p->started], NULL, worker_main, p) != 0) break;
    if (p->started == 0) {
        dy_pool_free(p);
        return NULL;
    }
    return p;
}

void dy_pool_submit(dy_pool *p, void *job) {
    pthread_mutex_lock(&p->mu);
    while (p->tail - p->head == p->cap) {
        while (!p->ring[p->head % p->cap].done) pthread_cond_wait(&p->done_cv, &p->mu);
        hand_back_head(p);
    }
    slot *s = &p->ring[p->tail++ % p->cap];
    s->job = job;
    s->done = 0;
    pthread_cond_signal(&p->work_cv);
    /* Hand back whatever is already finished, so output streams steadily
     * instead of in bursts when the ring fills. */
    while (p->head < p->tail && p->ring[p->head % p->cap].done) hand_back_head(p);
    pthread_mutex_unlock(&p->mu);
}

void dy_pool_drain(dy_pool *p) {
    pthread_mutex_lock(&p->mu);
    while (p->head < p->tail) {
        while (!p->ring[p->head % p->cap].done) pthread_cond_wait(&p->done_cv, &p->mu);
        hand_back_head(p);
    }
    pthread_mutex_unlock(&p->mu);
}

int dy_pool_free(dy_pool *p) {
    if (!p) return 0;
    dy_pool_drain(p);
    pthread_mutex_lock(&p->mu);
    p->closing = 1;
    pthread_cond_broadcast(&p->work_cv);
    pthread_mutex_unlock(&p->mu);
    for (int i = 0; i < p->started; i++) pthread_join(p->tids[i], NULL);
    int failed = p->failed_starts;
    free(p->tids);
    free(p->ring);
    pthread_cond_destroy(&p->done_cv);
    pthread_cond_destroy(&p->work_cv);
    pthread_mutex_destroy(&p->mu);
    free(p);
    return failed;
}
