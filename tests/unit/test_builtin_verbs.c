/* The builtin verb dictionaries (the files under dict/verbs/) against the CAMEO code
 * list: every event code in ../shared/specs/cameo_event_codes.tsv has at
 * least one pattern, every pattern code is a real CAMEO code (or ---/###),
 * every synset a pattern names is defined, and the builtin set loads
 * without an error (and our verb, synset and discard files without any
 * diagnostic at all). The code list is read at test time, so the
 * test follows the spec rather than a copy of it. */
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

#define MAX_CODES 400
#define MIN_PATTERNS 3000

typedef struct {
    char code[8];
    long patterns;
} code_count;

typedef struct {
    code_count v[MAX_CODES];
    size_t n;
} code_table;

typedef struct {
    long problems;
    char first[512];
} diag_log;

/* Only our files count here (the actor files have their own test): a line
 * of dict/verbs/, dict/synsets.dyd or dict/discards.dyd that the loader
 * reports, at any severity, is a failure. */
static int ours(const char *file) {
    return file && (strstr(file, "verbs/") || strstr(file, "synsets.dyd") || strstr(file, "discards.dyd"));
}

static void keep_first(const dyad_diagnostic *d, void *user) {
    diag_log *log = user;
    if (d->severity != DYAD_ERROR && !ours(d->file)) return;
    if (!log->problems++)
        snprintf(log->first, sizeof log->first, "%s:%ld: %s", d->file, d->line, d->message);
}

/* Reads the first column of the TSV (header skipped). 0 when unreadable. */
static int read_codes(const char *path, code_table *t) {
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    char line[1024];
    int header = 1;
    while (fgets(line, sizeof line, f)) {
        if (header) {
            header = 0;
            continue;
        }
        size_t k = strcspn(line, "\t\r\n");
        if (k == 0 || k >= sizeof t->v[0].code || t->n == MAX_CODES) continue;
        memcpy(t->v[t->n].code, line, k);
        t->v[t->n].code[k] = '\0';
        t->v[t->n].patterns = 0;
        t->n++;
    }
    fclose(f);
    return 1;
}

static code_count *find_code(code_table *t, const char *code) {
    for (size_t i = 0; i < t->n; i++)
        if (!strcmp(t->v[i].code, code)) return &t->v[i];
    return NULL;
}

/* A pattern code side ("042", "" or "---") counts for its code; returns 0
 * when it names a code CAMEO does not have. */
static int count_side(code_table *t, const char *side) {
    if (!side[0] || !strcmp(side, "---") || !strcmp(side, "###") || !strcmp(side, "+++")) return 1;
    code_count *c = find_code(t, side);
    if (!c) return 0;
    c->patterns++;
    return 1;
}

static int synset_missing(const dy_pat_seq *s) {
    for (uint32_t i = 0; i < s->n; i++)
        if (s->elems[i].kind == DY_PE_SYNSET && !s->elems[i].synset) return 1;
    return 0;
}

static void every_code_has_a_pattern(void **state) {
    (void)state;
    const char *shared = getenv("DYAD_SHARED");
    if (!shared) {
        print_message("DYAD_SHARED is not set: skipping the CAMEO coverage check\n");
        skip();
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/specs/cameo_event_codes.tsv", shared);
    code_table *codes = calloc(1, sizeof *codes);
    assert_non_null(codes);
    if (!read_codes(path, codes)) {
        free(codes);
        print_message("%s is not readable: skipping\n", path);
        skip();
    }
    assert_true(codes->n > 300);

    diag_log log = {0, ""};
    dyad_diag diag;
    dyad_diag_init(&diag, keep_first, &log);
    dyad_dict *d = dyad_dict_load("builtin", &diag);
    if (!d || log.problems) {
        if (d) dyad_dict_free(d);
        free(codes);
        fail_msg("builtin dictionaries: %ld diagnostic(s), first: %s", log.problems, log.first);
    }

    long patterns = 0, bad_codes = 0, dead = 0;
    char first_bad[512] = "";
    for (size_t b = 0; b < dy_dict_verb_block_count(d); b++) {
        const dy_verb_block *vb = dy_dict_verb_block(d, b);
        for (uint32_t p = 0; p < vb->npatterns; p++) {
            const dy_pattern *pat = &vb->patterns[p];
            patterns++;
            if (!count_side(codes, pat->code.active) || !count_side(codes, pat->code.passive)) {
                if (!bad_codes++)
                    snprintf(first_bad, sizeof first_bad, "%s:%u: [%s]", pat->file, pat->line, pat->code.text);
            }
            if ((pat->flags & DY_PAT_DEAD) || synset_missing(&pat->pre) || synset_missing(&pat->post)) {
                if (!dead++)
                    snprintf(first_bad + strlen(first_bad), sizeof first_bad - strlen(first_bad),
                             " dead pattern %s:%u", pat->file, pat->line);
            }
        }
    }

    /* Root rows ("01" ... "20") head their families: a root is covered when
     * any code of its family has a pattern. */
    long missing = 0;
    char list[2048] = "";
    for (size_t i = 0; i < codes->n; i++) {
        const char *c = codes->v[i].code;
        long n = codes->v[i].patterns;
        if (strlen(c) == 2)
            for (size_t j = 0; j < codes->n; j++)
                if (!strncmp(codes->v[j].code, c, 2)) n += codes->v[j].patterns;
        if (!n) {
            missing++;
            if (strlen(list) + strlen(c) + 2 < sizeof list) {
                strcat(list, " ");
                strcat(list, c);
            }
        }
    }
    print_message("builtin verbs: %ld patterns over %zu verb blocks, %zu CAMEO codes checked\n", patterns,
                  dy_dict_verb_block_count(d), codes->n);
    dyad_dict_free(d);
    free(codes);
    /* failures are reported after the frees: fail_msg does not return */
    if (bad_codes || dead) fail_msg("%ld pattern(s) with a code CAMEO lacks, %ld dead; first: %s", bad_codes, dead, first_bad);
    if (patterns < MIN_PATTERNS) fail_msg("only %ld patterns (want at least %d)", patterns, MIN_PATTERNS);
    if (missing) fail_msg("%ld CAMEO code(s) without a pattern:%s", missing, list);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_code_has_a_pattern),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
