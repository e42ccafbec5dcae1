/* Who held which office when (dict/offices.tsv) against the builtin actor
 * dictionary. The table is an independent statement of tenures, one row per
 * tenure; issue 5 asks that no two holders of one office overlap wrongly and
 * that the dictionary agrees with the table:
 *
 *   (a) within one office, tenures follow each other without overlap (the
 *       handover day may belong to both); a row marked `next` starts on its
 *       predecessor's last day or the day after, a row marked `gap` leaves at
 *       least one day between (an acting holder or a vacancy we do not list);
 *   (b) the person's phrase gets the office's code on the first, a middle and
 *       the last day of the tenure (today for a holder still in office);
 *   (c) on the day after the tenure it no longer does, unless the row says
 *       `continues` (another dated line of the same person legitimately
 *       carries the code on: a premier who becomes president, a minister who
 *       stays in the cabinet) -- and then it must.
 *
 * Columns (tab separated; '#' starts a comment line):
 *   office  person  first-day  last-day(empty: in office)  code  link  after  [note]
 * link is `first` for the first row of an office, else `next` or `gap`;
 * after is `-` (the code must stop) or `continues` (the note then says which office carries the
 * code on), empty for an open tenure. */
#include "test_dict_util.h"

#include "text/text.h"
#include "util/arena.h"

/* The day the table was last reviewed: "in office" is checked up to here. */
#define TODAY_Y 2026
#define TODAY_M 11
#define TODAY_D 27

typedef struct {
    char office[48], person[96], code[24], link[8], after[16];
    int32_t from, to; /* to == DY_DAY_MAX: in office */
    long line;
} tenure;

typedef struct {
    tenure *rows;
    size_t n, cap;
} table;

typedef struct {
    tdiag t;
    dyad_dict *d;
    table tab;
    char report[16384];
    size_t rl;
    int bad;
} fixture;

static void note_bad(fixture *f, const char *fmt, ...) {
    f->bad++;
    if (f->rl + 256 >= sizeof f->report) return;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(f->report + f->rl, sizeof f->report - f->rl, fmt, ap);
    va_end(ap);
    if (n > 0) f->rl += (size_t)n;
    if (f->rl >= sizeof f->report) f->rl = sizeof f->report - 1;
}

static int copy_field(char *dst, size_t cap, const char *s) {
    size_t n = strlen(s);
    if (n >= cap) return 0;
    memcpy(dst, s, n + 1);
    return 1;
}

/* Splits one line at tabs into at most max fields (in place). */
static size_t split_tabs(char *s, char **fields, size_t max) {
    size_t n = 0;
    fields[n++] = s;
    for (char *p = s; *p && n < max; p++)
        if (*p == '\t') {
            *p = 0;
            fields[n++] = p + 1;
        }
    return n;
}

static int load_table(fixture *f, const char *path) {
    FILE *fp = fopen(path, "r");
    if (!fp) return 0;
    char line[1024];
    long ln = 0;
    while (fgets(line, sizeof line, fp)) {
        ln++;
        line[strcspn(line, "\r\n")] = 0;
        if (!line[0] || line[0] == '#') continue;
        char *c[8];
        size_t nc = split_tabs(line, c, 8);
        if (nc < 7) {
            note_bad(f, "  offices.tsv:%ld: %zu columns, want 7 or 8\n", ln, nc);
            continue;
        }
        tenure r;
        memset(&r, 0, sizeof r);
        r.line = ln;
        r.from = dy_day_parse(c[2], strlen(c[2]));
        r.to = c[3][0] ? dy_day_parse(c[3], strlen(c[3])) : DY_DAY_MAX;
        int ok = copy_field(r.office, sizeof r.office, c[0]) &&
                 copy_field(r.person, sizeof r.person, c[1]) &&
                 copy_field(r.code, sizeof r.code, c[4]) && copy_field(r.link, sizeof r.link, c[5]) &&
                 copy_field(r.after, sizeof r.after, c[6]);
        if (!ok || r.from == DY_DAY_NONE || r.to == DY_DAY_NONE || r.to < r.from) {
            note_bad(f, "  offices.tsv:%ld: malformed row (field too long, bad date or last < first)\n",
                     ln);
            continue;
        }
        int open = r.to == DY_DAY_MAX;
        if (strcmp(r.link, "first") && strcmp(r.link, "next") && strcmp(r.link, "gap"))
            note_bad(f, "  offices.tsv:%ld: link '%s' is not first/next/gap\n", ln, r.link);
        if (open ? r.after[0] != 0 : strcmp(r.after, "-") && strcmp(r.after, "continues"))
            note_bad(f, "  offices.tsv:%ld: after '%s' (want - or continues; empty when in office)\n",
                     ln, r.after);
        if (!strcmp(r.after, "continues") && (nc < 8 || !c[7][0]))
            note_bad(f, "  offices.tsv:%ld: 'continues' needs a note saying which office carries on\n",
                     ln);
        if (f->tab.n == f->tab.cap) {
            size_t cap = f->tab.cap ? 2 * f->tab.cap : 256;
            tenure *rows = realloc(f->tab.rows, cap * sizeof *rows);
            if (!rows) break;
            f->tab.rows = rows;
            f->tab.cap = cap;
        }
        f->tab.rows[f->tab.n++] = r;
    }
    fclose(fp);
    return 1;
}

static int setup(void **state) {
    fixture *f = calloc(1, sizeof *f);
    if (!f) return -1;
    tdiag_init(&f->t);
    f->d = dyad_dict_load("builtin", &f->t.diag);
    *state = f;
    return f->d ? 0 : -1;
}

static int teardown(void **state) {
    fixture *f = *state;
    dyad_dict_free(f->d);
    free(f->tab.rows);
    free(f);
    return 0;
}

static void reset_report(fixture *f) {
    f->bad = 0;
    f->rl = 0;
    f->report[0] = 0;
}

/* Loads the table afresh for each test so a test can run alone. */
static void need_table(void **state) {
    fixture *f = *state;
    const char *src = getenv("DYAD_SRC");
    if (!src) skip();
    char path[1024];
    snprintf(path, sizeof path, "%s/dict/offices.tsv", src);
    f->tab.n = 0;
    reset_report(f);
    if (!load_table(f, path)) fail_msg("cannot open %s", path);
    if (f->bad) fail_msg("%d malformed rows:\n%s", f->bad, f->report);
    reset_report(f);
}

static int by_office_then_file(const void *a, const void *b) {
    const tenure *x = a, *y = b;
    int c = strcmp(x->office, y->office);
    if (c) return c;
    return (x->line > y->line) - (x->line < y->line);
}

static void fmt_day(int32_t day, char out[11]) {
    if (day == DY_DAY_MAX) snprintf(out, 11, "(open)");
    else dy_day_format(day, out);
}

/* (a) Each office's rows, in file order, are that office's history. */
static void tenures_do_not_overlap(void **state) {
    need_table(state);
    fixture *f = *state;
    table *t = &f->tab;
    assert_true(t->n > 300);
    qsort(t->rows, t->n, sizeof *t->rows, by_office_then_file);
    size_t offices = 0;
    for (size_t i = 0; i < t->n; i++) {
        const tenure *r = &t->rows[i];
        int starts_office = i == 0 || strcmp(t->rows[i - 1].office, r->office);
        if (starts_office) {
            offices++;
            if (strcmp(r->link, "first"))
                note_bad(f, "  line %ld: %s begins with link '%s', want first\n", r->line, r->office,
                         r->link);
            continue;
        }
        const tenure *p = &t->rows[i - 1];
        char pe[11], rs[11];
        fmt_day(p->to, pe);
        fmt_day(r->from, rs);
        if (!strcmp(r->link, "first"))
            note_bad(f, "  line %ld: second 'first' row for %s\n", r->line, r->office);
        if (r->from < p->to || p->to == DY_DAY_MAX)
            note_bad(f, "  line %ld: %s: %s from %s overlaps %s (line %ld, to %s)\n", r->line,
                     r->office, r->person, rs, p->person, p->line, pe);
        else if (!strcmp(r->link, "next") && r->from > p->to + 1)
            note_bad(f, "  line %ld: %s: %s from %s marked next, but %s left on %s\n", r->line,
                     r->office, r->person, rs, p->person, pe);
        else if (!strcmp(r->link, "gap") && r->from <= p->to + 1)
            note_bad(f, "  line %ld: %s: %s from %s marked gap, but %s left on %s\n", r->line,
                     r->office, r->person, rs, p->person, pe);
    }
    assert_true(offices > 50);
    if (f->bad) {
        fprintf(stderr, "%s", f->report); /* cmocka truncates long failure messages */
        fail_msg("%d problems in offices.tsv (listed above)", f->bad);
    }
}

/* Codes the whole phrase `person` gets on `day`; 0 when the phrase does not
 * match from its first token to its last. */
static size_t codes_on(const dyad_dict *d, const char *person, int32_t day,
                       const dy_actor_code **out, size_t max, int *matched) {
    dy_arena a;
    dy_arena_init(&a, 4096);
    dy_token *tok = NULL;
    size_t n = dy_tokenise(person, 0, strlen(person), &a, &tok), k = 0;
    dy_dict_tok rt[32];
    *matched = 0;
    if (n && n <= 32) {
        for (size_t i = 0; i < n; i++) dy_dict_tok_resolve(d, tok[i].norm, tok[i].norm_len, &rt[i]);
        dy_actor_hit h;
        if (dy_dict_actor_match(d, rt, n, 0, &h) == n) {
            *matched = 1;
            k = dy_dict_actor_codes_on(h.entry, day, DY_DATE_RULE_DEFAULT, out, max);
            if (k > max) k = max;
        }
    }
    dy_arena_free(&a);
    return k;
}

static int has_code(const dyad_dict *d, const char *person, int32_t day, const char *code,
                    char *got, size_t cap, int *matched) {
    const dy_actor_code *c[8];
    size_t k = codes_on(d, person, day, c, 8, matched), len = 0;
    int found = 0;
    got[0] = 0;
    for (size_t i = 0; i < k; i++) {
        if (!strcmp(c[i]->code, code)) found = 1;
        if (len < cap) len += (size_t)snprintf(got + len, cap - len, "%s%s", i ? "+" : "", c[i]->code);
    }
    if (!k) snprintf(got, cap, "(none)");
    return found;
}

/* (b) and (c): the dictionary agrees with every row. */
static void dictionary_agrees(void **state) {
    need_table(state);
    fixture *f = *state;
    const int32_t today = dy_day_from_ymd(TODAY_Y, TODAY_M, TODAY_D);
    for (size_t i = 0; i < f->tab.n; i++) {
        const tenure *r = &f->tab.rows[i];
        int32_t last = r->to == DY_DAY_MAX ? today : r->to;
        int32_t days[3] = {r->from, r->from + (last - r->from) / 2, last};
        static const char *const which[3] = {"first", "middle", "last"};
        char got[128], ds[11];
        int matched = 0;
        for (int k = 0; k < 3; k++) {
            int ok = has_code(f->d, r->person, days[k], r->code, got, sizeof got, &matched);
            if (!matched) {
                note_bad(f, "  line %ld: \"%s\" is no actor phrase\n", r->line, r->person);
                break;
            }
            if (!ok) {
                dy_day_format(days[k], ds);
                note_bad(f, "  line %ld: %s \"%s\" on %s (%s day): want %s, got %s\n", r->line,
                         r->office, r->person, ds, which[k], r->code, got);
            }
        }
        if (!matched || r->to == DY_DAY_MAX) continue;
        int still = has_code(f->d, r->person, r->to + 1, r->code, got, sizeof got, &matched);
        int should = !strcmp(r->after, "continues");
        if (still != should) {
            dy_day_format(r->to + 1, ds);
            note_bad(f, "  line %ld: %s \"%s\" on %s (day after): %s %s, got %s\n", r->line, r->office,
                     r->person, ds, should ? "row says continues, want" : "want no", r->code, got);
        }
    }
    if (f->bad) {
        fprintf(stderr, "%s", f->report);
        fail_msg("%d disagreements between offices.tsv and the dictionary (listed above)", f->bad);
    }
}

/* The actor files load without a diagnostic (the verb files have their own test). */
static void loads_clean(void **state) {
    fixture *f = *state;
    if (strstr(f->t.log, "builtin:actors/")) fail_msg("diagnostic in the actor files:\n%s", f->t.log);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loads_clean),
        cmocka_unit_test(tenures_do_not_overlap),
        cmocka_unit_test(dictionary_agrees),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
