/* Regressions found by fuzz/fuzz_dict.c: minimised inputs that once made a
 * dictionary loader crash or read out of bounds. Each is loaded from an
 * exact-size heap copy (no NUL after the last byte, as libFuzzer hands it
 * over), so under ASan any read past the end fails the test. Where the input
 * is also a user error, the diagnostic must name the file and line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dict/dict.h"
#include "dyad.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const char *what;           /* where it was found, and what went wrong */
    dy_dict_format fmt;
    const char *data;
    size_t len;
    const char *diag;           /* "name:line: severity: ..." prefix expected, or NULL */
} regress_case;

#define BYTES(s) s, sizeof(s) - 1

static const regress_case cases[] = {
    /* fuzz_dict, load_tabari.c: "<S" at the end of a buffer was compared
     * with strncasecmp against "<SYNSETS>" beyond its length */
    {"tabari verbs: short section tag at end of buffer", DY_FMT_TABARI_VERBS, BYTES("<S"),
     "regress:1: error: unknown section tag"},
    {"tabari verbs: lone '<' at end of buffer", DY_FMT_TABARI_VERBS, BYTES("<"),
     "regress:1: error: unknown section tag"},
    {"tabari verbs: '<T' after a good block", DY_FMT_TABARI_VERBS, BYTES("MEET [040]\n<T"),
     "regress:2: error: unknown section tag"},
    {"tabari actors: short <NOUN> tag at end of buffer", DY_FMT_TABARI_ACTORS,
     BYTES("FREEDONIA_ [FRD]\n<NO"), "regress:2: error: unknown section tag"},
    {"tabari actors: short <ADJ tag at end of buffer", DY_FMT_TABARI_ACTORS, BYTES("<AD"),
     "regress:1: error: unknown section tag"},
    /* fuzz_dict, load_sets.c: atoi() on an [Options] value at the very end
     * of the buffer read past it */
    {"petrarch config: number value at end of buffer", DY_FMT_PETRARCH_CONFIG,
     BYTES("[Options]\nnew_actor_length =   "), "regress:0: error: no [Dictionaries] files named"},
    {"petrarch config: digits at end of buffer", DY_FMT_PETRARCH_CONFIG,
     BYTES("[Options]\ncomma_max = 99999999999999999999"), NULL},
};

typedef struct {
    char log[8192];
    size_t len;
} log_buf;

static void log_fn(const dyad_diagnostic *d, void *user) {
    log_buf *b = user;
    static const char *const sev[] = {"note", "warning", "error"};
    int n = snprintf(b->log + b->len, sizeof b->log - b->len, "%s:%ld: %s: %s\n", d->file,
                     d->line, sev[d->severity], d->message);
    if (n > 0 && b->len + (size_t)n < sizeof b->log) b->len += (size_t)n;
}

static void test_regress_dict_cases(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const regress_case *k = &cases[i];
        char *copy = malloc(k->len ? k->len : 1);
        assert_non_null(copy);
        memcpy(copy, k->data, k->len);
        log_buf b = {.len = 0};
        b.log[0] = 0;
        dyad_diag diag;
        dyad_diag_init(&diag, log_fn, &b);
        dyad_dict *d = dy_dict_load_memory(k->fmt, "regress", copy, k->len, &diag);
        if (d) dyad_dict_free(d);
        free(copy);
        if (k->diag && !strstr(b.log, k->diag)) {
            print_error("case %zu (%s): expected diagnostic \"%s\", got:\n%s", i, k->what, k->diag,
                        b.log);
            fail();
        }
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_regress_dict_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
