/* dyad validate: run a validation suite and say which records dyad gets wrong.
 *
 * Three kinds of suite, told apart by content: TABARI record files
 * (Validate.text: expectations in each record's comment block, OPTION
 * records that change how later records are coded), PETRARCH validation
 * XML (<EventCoding> per sentence, <Environment> naming the dictionaries,
 * <Config> changes in document order) and gold JSONL (../shared/gold).
 * A record passes when the set of (source, target, code) triples coded
 * for it equals the expected set; "no event", discard and complex
 * expectations mean nothing may be coded. One line per failing record,
 * then "N passed, N failed". */
#include "cli/cli.h"
#include "coder/coder.h"
#include "dict/dict.h"
#include "dyad.h"
#include "io/read.h"
#include "util/buf.h"
#include "util/xalloc.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

typedef struct {
    char src[48], tgt[48], code[16];
} triple;

typedef struct {
    triple *v;
    size_t n, cap;
} triple_set;

typedef struct {
    const char *dict_spec;
    int verbose;
    int all;                 /* evaluate records marked not to be evaluated too */
    const char *only;        /* check just this record (options still apply in order) */
    dyad_diag diag;
    dyad_dict *dict;
    dyad_coder *coder;
    long passed, failed, skipped;
    triple_set got;
    int stop;
    /* PETRARCH environment */
    const char *path;
    char *env_verbs, *env_actors, *env_agents, *env_discards, *env_include;
    int dict_failed;
    int forward;             /* TABARI FORWARD: on: records of one story share actors */
    char prev_story[64];     /* TABARI: story part of the previous record's id */
    long prev_sentence;
} vstate;

static void usage(FILE *f) {
    fprintf(f,
            "usage: dyad validate [--dict SPEC] [--verbose] [--all] [--only ID] FILE\n"
            "\n"
            "Run a validation suite: a TABARI record file (Validate.text), PETRARCH\n"
            "validation XML, or gold JSONL (../shared/gold). Prints one line per failing\n"
            "record (id, expected, got) and last \"N passed, N failed\".\n"
            "\n"
            "  --dict SPEC   dictionaries (TABARI .project, PETRARCH .ini, native manifest,\n"
            "                builtin); PETRARCH XML defaults to the files its <Environment>\n"
            "                names, in the dictionaries/ folder beside its text/ folder\n"
            "  --verbose     print passing records too\n"
            "  --all         also check records marked not to be evaluated\n"
            "  --only ID     check that record only (DYAD_CODER_TRACE=1 shows its parse)\n"
            "\n"
            "Exit status: 0 every record passed, 1 some failed or could not be read,\n"
            "2 usage error, unreadable input or unusable dictionaries.\n");
}

/* ---------------------------------------------------------------- triples */

static void set_add(triple_set *s, const char *src, size_t ns, const char *tgt, size_t nt,
                    const char *code, size_t nc) {
    triple t;
    memset(&t, 0, sizeof t);
    snprintf(t.src, sizeof t.src, "%.*s", (int)ns, src);
    snprintf(t.tgt, sizeof t.tgt, "%.*s", (int)nt, tgt);
    snprintf(t.code, sizeof t.code, "%.*s", (int)nc, code);
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i].src, t.src) && !strcmp(s->v[i].tgt, t.tgt) && !strcmp(s->v[i].code, t.code))
            return;
    if (s->n == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 8;
        s->v = dy_xrealloc(s->v, s->cap * sizeof *s->v);
    }
    s->v[s->n++] = t;
}

static int set_has(const triple_set *s, const triple *t) {
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i].src, t->src) && !strcmp(s->v[i].tgt, t->tgt) && !strcmp(s->v[i].code, t->code))
            return 1;
    return 0;
}

static void set_print(dy_buf *b, const triple_set *s) {
    dy_buf_addc(b, '[');
    for (size_t i = 0; i < s->n; i++)
        dy_buf_printf(b, "%s%s/%s/%s", i ? ", " : "", s->v[i].src, s->v[i].tgt, s->v[i].code);
    dy_buf_addc(b, ']');
}

static int collect(const dyad_event *e, void *user) {
    triple_set *s = user;
    set_add(s, e->source, strlen(e->source), e->target, strlen(e->target), e->code, strlen(e->code));
    return 0;
}

/* Code one record and compare. allow_extra: expected triples must be
 * coded, others may be too. */
static void check(vstate *st, const dyad_article *a, const char *id, const triple_set *expected,
                  int allow_extra) {
    if (st->only && strcmp(st->only, id)) return;
    st->got.n = 0;
    dyad_code_article(st->coder, a, collect, &st->got, &st->diag);
    int ok = 1;
    for (size_t i = 0; i < expected->n; i++)
        if (!set_has(&st->got, &expected->v[i])) ok = 0;
    if (!allow_extra)
        for (size_t i = 0; i < st->got.n; i++)
            if (!set_has(expected, &st->got.v[i])) ok = 0;
    if (ok) st->passed++;
    else st->failed++;
    if (!ok || st->verbose) {
        dy_buf b;
        dy_buf_init(&b);
        dy_buf_printf(&b, "%s %s: expected ", ok ? "PASS" : "FAIL", id);
        set_print(&b, expected);
        dy_buf_adds(&b, " got ");
        set_print(&b, &st->got);
        printf("%s\n", b.data);
        dy_buf_free(&b);
    }
}

static int ensure_coder(vstate *st) {
    if (st->coder) return 0;
    if (!st->dict) {
        if (st->dict_failed) return -1;
        st->dict = dyad_dict_load(st->dict_spec ? st->dict_spec : "builtin", &st->diag);
        if (!st->dict) {
            st->dict_failed = 1;
            return -1;
        }
    }
    dyad_code_options opt = {0};
    st->coder = dyad_coder_new(st->dict, &opt);
    return st->coder ? 0 : -1;
}

/* ---------------------------------------------------------------- TABARI */

static int tabari_record(const dy_tabari_record *r, void *user) {
    vstate *st = user;
    if (st->stop) return 1;
    /* The standard set ends at FINAL-01; what follows are special cases. */
    if (r->raw_id && !strncmp(r->raw_id, "FINAL-01", 8)) {
        st->stop = 1;
        return 1;
    }
    if (ensure_coder(st) != 0) return 1;
    triple_set exp = {0};
    int entries = 0, none = 0, option = 0, unchecked = 0, closed = 0;
    size_t pos = 0;
    dy_tabari_entry e;
    while (r->block && dy_tabari_block_next(r->block, r->block_len, &pos, &e)) {
        if (e.kind == DY_TAB_OPTION) {
            char *cmd = dy_xstrndup(e.option, e.option_len);
            if (!strncmp(cmd, "FORWARD:", 8)) st->forward = strstr(cmd, " OFF") == NULL;
            if (dy_coder_option(st->coder, cmd) != 0 && st->verbose)
                fprintf(stderr, "%s: option not understood: %s\n", r->article->id, cmd);
            free(cmd);
            option = 1;
            continue;
        }
        if (e.unchecked) unchecked = 1;
        if (unchecked || closed) continue;
        switch (e.kind) {
        case DY_TAB_EVENT:
            set_add(&exp, e.src, e.src_len, e.tgt, e.tgt_len, e.code, e.code_len);
            entries++;
            break;
        case DY_TAB_NOEVENT:
        case DY_TAB_DISCARD:
        case DY_TAB_COMPLEX:
            /* TABARI's checker can only pass such a record as having no events */
            if (!entries) none = closed = 1;
            entries++;
            break;
        default:
            break;
        }
    }
    /* With FORWARD on, "STORY-001-002" continues "STORY-001-001": pronouns may reach back */
    const char *id = r->article->id;
    const char *dash = strrchr(id, '-');
    char story[64] = "";
    long sentence = -1;
    if (dash && dash > id && dash[1] >= '0' && dash[1] <= '9' && (size_t)(dash - id) < sizeof story) {
        snprintf(story, sizeof story, "%.*s", (int)(dash - id), id);
        sentence = strtol(dash + 1, NULL, 10);
    }
    dy_coder_carry_context(st->coder, st->forward && story[0] && !strcmp(story, st->prev_story) &&
                                          sentence == st->prev_sentence + 1);
    snprintf(st->prev_story, sizeof st->prev_story, "%s", story);
    st->prev_sentence = sentence;
    if (option || (!entries && !none)) {
        st->skipped++;
        if (!option) dyad_code_article(st->coder, r->article, NULL, NULL, &st->diag);
    } else {
        if (none) exp.n = 0;
        check(st, r->article, r->article->id, &exp, unchecked);
    }
    free(exp.v);
    return 0;
}

static int run_tabari(vstate *st, const char *path, const char *data, size_t len) {
    if (!st->dict_spec) {
        fprintf(stderr, "dyad validate: a TABARI record file needs --dict (its .project)\n");
        return DY_EXIT_USAGE;
    }
    if (ensure_coder(st) != 0) {
        fprintf(stderr, "dyad validate: cannot load dictionaries %s\n", st->dict_spec);
        return DY_EXIT_USAGE;
    }
    dy_tabari_read(path, data, len, tabari_record, st, &st->diag);
    return -1;
}

/* ---------------------------------------------------------------- PETRARCH */

static char *dir_of(const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash) return dy_xstrdup(".");
    return dy_xstrndup(path, (size_t)(slash - path));
}

/* The <Environment> names files; PETRARCH finds them in the dictionaries/
 * folder beside the text/ folder. Our loader takes one SPEC, so the set is
 * described by a small PETRARCH config written to a temporary file. */
static int load_environment(vstate *st) {
    char *dir = dir_of(st->path);
    dy_buf ini;
    dy_buf_init(&ini);
    dy_buf_adds(&ini, "[Dictionaries]\n");
    struct { const char *key; const char *val; } keys[] = {
        {"verbfile_name", st->env_verbs}, {"actorfile_list", st->env_actors},
        {"agentfile_name", st->env_agents}, {"discardfile_name", st->env_discards}};
    char *abs_dir = realpath(dir, NULL);
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        if (!keys[k].val) continue;
        dy_buf_printf(&ini, "%s = ", keys[k].key);
        /* a list is comma-separated; each name made absolute */
        const char *p = keys[k].val;
        int first = 1;
        while (*p) {
            const char *comma = strchr(p, ',');
            size_t n = comma ? (size_t)(comma - p) : strlen(p);
            while (n && (*p == ' ' || *p == '\t')) p++, n--;
            while (n && (p[n - 1] == ' ' || p[n - 1] == '\t')) n--;
            if (n)
                dy_buf_printf(&ini, "%s%s/../dictionaries/%.*s", first ? "" : ", ",
                              abs_dir ? abs_dir : dir, (int)n, p);
            first = 0;
            if (!comma) break;
            p = comma + 1;
        }
        dy_buf_addc(&ini, '\n');
    }
    free(abs_dir);
    free(dir);
    char tmpl[] = "/tmp/dyad-validate-XXXXXX.ini";
    int fd = mkstemps(tmpl, 4);
    if (fd < 0) {
        dy_buf_free(&ini);
        return -1;
    }
    FILE *f = fdopen(fd, "w");
    fwrite(ini.data, 1, ini.len, f);
    fclose(f);
    dy_buf_free(&ini);
    st->dict = dyad_dict_load(tmpl, &st->diag);
    unlink(tmpl);
    return st->dict ? 0 : -1;
}

static int include_has(const char *list, const char *word) {
    if (!list || !word) return 0;
    size_t n = strlen(word);
    const char *p = list;
    while ((p = strstr(p, word))) {
        int left = p == list || p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n';
        int right = p[n] == 0 || p[n] == ' ' || p[n] == '\t' || p[n] == '\n';
        if (left && right) return 1;
        p += n;
    }
    return 0;
}

/* Does a word of the <Include> list begin the category ("COMPOUND" takes
 * "COMPOUNDx", as PETRARCH-1 evaluates it)? */
static int include_prefix(const char *list, const char *category) {
    const char *p = list;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n') p++;
        size_t n = strcspn(p, " \t\n");
        if (n && !strncmp(p, category, n)) return 1;
        p += n;
    }
    return 0;
}

static void petrarch_config(vstate *st, const char *name, const char *value) {
    if (!name || !value || ensure_coder(st) != 0) return;
    dy_dict_options *o = dy_coder_options(st->coder);
    int b = dy_read_bool_attr(value);
    int n = atoi(value);
    if (!strcmp(name, "require_dyad") && b >= 0) o->require_dyad = b;
    else if (!strcmp(name, "new_actor_length")) o->new_actor_length = n;
    else if (!strcmp(name, "comma_min")) o->comma_min = n;
    else if (!strcmp(name, "comma_max")) o->comma_max = n;
    else if (!strcmp(name, "comma_bmin")) o->comma_bmin = n;
    else if (!strcmp(name, "comma_bmax")) o->comma_bmax = n;
    else if (!strcmp(name, "comma_emin")) o->comma_emin = n;
    else if (!strcmp(name, "comma_emax")) o->comma_emax = n;
}

static void set_env(char **slot, const char *value) {
    free(*slot);
    *slot = value ? dy_xstrdup(value) : NULL;
}

static int petrarch_item(const dy_petr_item *it, void *user) {
    vstate *st = user;
    switch (it->kind) {
    case DY_PETR_ENVIRONMENT:
        if (!it->name) break;
        if (!strcasecmp(it->name, "Verbfile")) set_env(&st->env_verbs, it->value);
        else if (!strcasecmp(it->name, "Actorfile")) set_env(&st->env_actors, it->value);
        else if (!strcasecmp(it->name, "Agentfile")) set_env(&st->env_agents, it->value);
        else if (!strcasecmp(it->name, "Discardfile")) set_env(&st->env_discards, it->value);
        else if (!strcasecmp(it->name, "Include")) set_env(&st->env_include, it->value);
        break;
    case DY_PETR_CONFIG:
        if (!st->dict && !st->dict_spec && !st->dict_failed && load_environment(st) != 0) st->dict_failed = 1;
        petrarch_config(st, it->name, it->value);
        break;
    case DY_PETR_SENTENCE: {
        if (!st->dict && !st->dict_spec && !st->dict_failed && load_environment(st) != 0) st->dict_failed = 1;
        if (ensure_coder(st) != 0) return 1;
        int evaluate = 1;
        if (st->env_include && include_has(st->env_include, "valid") && it->valid == 0) evaluate = 0;
        if (it->evaluate == 0) evaluate = 0;
        if (st->env_include && it->category && !include_prefix(st->env_include, it->category)) evaluate = 0;
        if (!evaluate && !st->all) {
            st->skipped++;
            break;
        }
        triple_set exp = {0};
        for (size_t i = 0; i < it->ncodings; i++) {
            const dy_petr_coding *c = &it->codings[i];
            if (c->noevents || c->error || !c->eventcode) continue;
            const char *s = c->sourcecode ? c->sourcecode : "", *t = c->targetcode ? c->targetcode : "";
            set_add(&exp, s, strlen(s), t, strlen(t), c->eventcode, strlen(c->eventcode));
        }
        check(st, it->article, it->article->id, &exp, 0);
        free(exp.v);
        break;
    }
    }
    return 0;
}

static int run_petrarch(vstate *st, const char *path, const char *data, size_t len) {
    st->path = path;
    dy_petrarch_read(path, data, len, petrarch_item, st, &st->diag);
    if (st->dict_failed) {
        fprintf(stderr, "dyad validate: cannot load the dictionaries\n");
        return DY_EXIT_USAGE;
    }
    return -1;
}

/* ---------------------------------------------------------------- gold JSONL */

static const char *json_str(json_object *o, const char *key) {
    json_object *v;
    if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string)) return NULL;
    return json_object_get_string(v);
}

static int json_flag(json_object *o, const char *key, int dflt) {
    json_object *v;
    if (!json_object_object_get_ex(o, key, &v)) return dflt;
    return json_object_get_boolean(v);
}

static void gold_record(vstate *st, json_object *o, const char *path, long line) {
    json_object *opts;
    if (json_object_object_get_ex(o, "options", &opts) && json_object_is_type(opts, json_type_array))
        for (size_t i = 0; i < json_object_array_length(opts); i++) {
            const char *cmd = json_object_get_string(json_object_array_get_idx(opts, i));
            if (cmd) dy_coder_option(st->coder, cmd);
        }
    if (!json_flag(o, "evaluate", 1) && !st->all) {
        st->skipped++;
        return;
    }
    const char *text = json_str(o, "text");
    if (!text) {
        dyad_diag_report(&st->diag, DYAD_ERROR, path, line, 0, "gold record without \"text\"");
        return;
    }
    char idbuf[32];
    const char *id = json_str(o, "id");
    if (!id) {
        snprintf(idbuf, sizeof idbuf, "%ld", line);
        id = idbuf;
    }
    triple_set exp = {0};
    json_object *evs;
    int has_events = json_object_object_get_ex(o, "events", &evs);
    if (has_events && !json_object_is_type(evs, json_type_array) && !json_object_is_type(evs, json_type_null)) {
        dyad_diag_report(&st->diag, DYAD_ERROR, path, line, 0,
                         "record %s: \"events\" is not an array; record skipped", id);
        return;
    }
    if (has_events && json_object_is_type(evs, json_type_array))
        for (size_t i = 0; i < json_object_array_length(evs); i++) {
            json_object *e = json_object_array_get_idx(evs, i);
            const char *s = json_str(e, "source"), *t = json_str(e, "target"), *c = json_str(e, "code");
            if (!c) continue;
            if (!s) s = "";
            if (!t) t = "";
            set_add(&exp, s, strlen(s), t, strlen(t), c, strlen(c));
        }
    dyad_article a;
    memset(&a, 0, sizeof a);
    a.id = id;
    a.date = json_str(o, "date");
    a.text = text;
    a.text_len = strlen(text);
    a.origin = path;
    a.origin_line = line;
    check(st, &a, id, &exp, json_flag(o, "allow_extra", 0));
    free(exp.v);
}

static int run_gold(vstate *st, const char *path, const char *data, size_t len) {
    if (ensure_coder(st) != 0) {
        fprintf(stderr, "dyad validate: cannot load dictionaries %s\n",
                st->dict_spec ? st->dict_spec : "builtin");
        return DY_EXIT_USAGE;
    }
    long line = 0;
    const char *p = data, *end = data + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        line++;
        size_t k = 0;
        while (k < n && (p[k] == ' ' || p[k] == '\t' || p[k] == '\r')) k++;
        if (k < n) {
            json_tokener *tk = json_tokener_new();
            json_object *o = json_tokener_parse_ex(tk, p, (int)n);
            if (!o || !json_object_is_type(o, json_type_object))
                dyad_diag_report(&st->diag, DYAD_ERROR, path, line, 0, "not a JSON object");
            else gold_record(st, o, path, line);
            json_object_put(o);
            json_tokener_free(tk);
        }
        p += n + 1;
    }
    return -1;
}

/* ---------------------------------------------------------------- main */

int cmd_validate(int argc, char **argv) {
    vstate st;
    memset(&st, 0, sizeof st);
    dyad_diag_init(&st.diag, NULL, NULL);
    const char *file = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return DY_EXIT_OK;
        } else if (!strcmp(a, "--dict") && i + 1 < argc) {
            st.dict_spec = argv[++i];
        } else if (!strncmp(a, "--dict=", 7)) {
            st.dict_spec = a + 7;
        } else if (!strcmp(a, "--verbose") || !strcmp(a, "-v")) {
            st.verbose = 1;
        } else if (!strcmp(a, "--only") && i + 1 < argc) {
            st.only = argv[++i];
        } else if (!strcmp(a, "--all")) {
            st.all = 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "dyad validate: unknown option '%s'\n", a);
            usage(stderr);
            return DY_EXIT_USAGE;
        } else if (!file) {
            file = a;
        } else {
            fprintf(stderr, "dyad validate: one FILE only\n");
            return DY_EXIT_USAGE;
        }
    }
    if (!file) {
        usage(stderr);
        return DY_EXIT_USAGE;
    }
    char *data = NULL;
    size_t len = 0;
    if (dy_read_slurp(file, &data, &len, &st.diag) != 0) return DY_EXIT_USAGE;
    dyad_in_format fmt = dy_read_detect(file, data, len);
    int rc;
    if (fmt == DYAD_IN_TABARI) rc = run_tabari(&st, file, data, len);
    else if (fmt == DYAD_IN_PETRARCH) rc = run_petrarch(&st, file, data, len);
    else if (fmt == DYAD_IN_JSONL) rc = run_gold(&st, file, data, len);
    else {
        fprintf(stderr, "dyad validate: %s is not a TABARI, PETRARCH or gold JSONL suite\n", file);
        rc = DY_EXIT_USAGE;
    }
    if (rc < 0) {
        printf("%ld passed, %ld failed\n", st.passed, st.failed);
        /* a record that could not be read is as bad as one coded wrong */
        rc = (st.failed || st.diag.errors) ? DY_EXIT_BAD_INPUT : DY_EXIT_OK;
    }
    dyad_coder_free(st.coder);
    dyad_dict_free(st.dict);
    free(st.got.v);
    free(st.env_verbs);
    free(st.env_actors);
    free(st.env_agents);
    free(st.env_discards);
    free(st.env_include);
    free(data);
    return rc;
}
