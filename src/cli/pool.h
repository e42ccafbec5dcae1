/* An ordered worker pool for the commands that code articles (code,
 * ingest): the calling thread submits jobs in input order, N workers run
 * them in any order, and the calling thread gets each finished job back
 * strictly in submission order. At most `depth` jobs are in flight, so
 * memory stays bounded however long the input.
 *
 * Diagnostics a job reports on a worker are held with the job and
 * replayed into the caller's dyad_diag when the job is handed back, so
 * they too come out in input order and only the calling thread ever
 * touches the caller's diag. */
#ifndef DY_CLI_POOL_H
#define DY_CLI_POOL_H
#include "dyad.h"
#include <stddef.h>

typedef struct dy_pool dy_pool;

typedef struct {
    /* On each worker, once, before its first job: per-worker state (a
     * coder). May return NULL; run then gets NULL and should report it. */
    void *(*worker_start)(void *shared);
    void (*worker_stop)(void *state);
    /* On a worker: do the job. diag holds what is reported until done. */
    void (*run)(void *state, void *job, dyad_diag *diag, void *shared);
    /* On the submitting thread, in submission order, after the job's
     * diagnostics were replayed; owns the job from then on. */
    void (*done)(void *job, void *shared);
    void *shared;
} dy_pool_ops;

/* NULL when no worker thread could be started. */
dy_pool *dy_pool_new(int threads, size_t depth, const dy_pool_ops *ops, dyad_diag *diag);
/* Queue a job; may first hand back finished jobs (done) to make room. */
void dy_pool_submit(dy_pool *p, void *job);
/* Hand back every job still in flight. */
void dy_pool_drain(dy_pool *p);
/* Drains, joins the workers and frees. Returns the number of workers whose
 * worker_start returned NULL. */
int dy_pool_free(dy_pool *p);

#endif
