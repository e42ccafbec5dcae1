/* In-process dictionary load time: dyad_dict_load(SPEC) N times, median
 * wall time of the load itself (no process start-up), and peak RSS.
 * Usage: bench_dict_load SPEC [N] */
#include "dict/dict.h"
#include "dyad.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void quiet(const dyad_diagnostic *d, void *user) {
    (void)d;
    (void)user;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: bench_dict_load SPEC [N]\n");
        return 2;
    }
    int n = argc > 2 ? atoi(argv[2]) : 9;
    if (n < 1 || n > 1000) n = 9;
    double *ms = calloc((size_t)n, sizeof *ms), *cpu = calloc((size_t)n, sizeof *cpu);
    for (int i = 0; i < n; i++) {
        dyad_diag diag;
        dyad_diag_init(&diag, quiet, NULL);
        struct timespec a, b, ca, cb;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ca);
        clock_gettime(CLOCK_MONOTONIC, &a);
        dyad_dict *d = dyad_dict_load(argv[1], &diag);
        clock_gettime(CLOCK_MONOTONIC, &b);
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cb);
        if (!d) {
            fprintf(stderr, "%s did not load\n", argv[1]);
            return 1;
        }
        dyad_dict_free(d);
        ms[i] = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
        cpu[i] = (double)(cb.tv_sec - ca.tv_sec) * 1e3 + (double)(cb.tv_nsec - ca.tv_nsec) / 1e6;
    }
    qsort(ms, (size_t)n, sizeof *ms, cmp_double);
    qsort(cpu, (size_t)n, sizeof *cpu, cmp_double);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("in-process load: median wall %.1f ms (min %.1f, max %.1f), median CPU %.1f ms, over %d runs; "
           "peak RSS %ld KB\n",
           ms[n / 2], ms[0], ms[n - 1], cpu[n / 2], n, ru.ru_maxrss);
    free(ms);
    free(cpu);
    return 0;
}
