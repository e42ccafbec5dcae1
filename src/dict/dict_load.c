/* Picking a loader: by what the SPEC is (builtin, .project, .ini, .dyd, or a
 * single peer file), reading files, and the shared line/diagnostic helpers. */
#include "dict/dict_impl.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct { const char *path; const char *data; size_t len; } dy_builtin_file;
extern const dy_builtin_file dy_builtin_files[];
extern const size_t dy_builtin_file_count;

#define DY_MAX_DEPTH 16

/* ---------------------------------------------------------------- helpers */

void dy_lines_init(dy_lines *it, const char *data, size_t len) {
    it->p = data;
    it->end = data + len;
    it->line = 0;
}

size_t dy_transform_words(const char *s, size_t n, const char **w, size_t *wl, size_t max) {
    size_t nw = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (dy_is_space(s[i]) || s[i] == '(' || s[i] == ')')) i++;
        size_t b = i;
        while (i < n && !dy_is_space(s[i]) && s[i] != '(' && s[i] != ')') i++;
        if (i == b) continue;
        if (nw == max) return max + 1;
        w[nw] = s + b;
        wl[nw] = i - b;
        nw++;
    }
    return nw;
}

int dy_lines_next(dy_lines *it, const char **s, size_t *n) {
    if (it->p >= it->end) return 0;
    const char *nl = memchr(it->p, '\n', (size_t)(it->end - it->p));
    const char *e = nl ? nl : it->end;
    *s = it->p;
    *n = (size_t)(e - it->p);
    if (*n && (*s)[*n - 1] == '\r') (*n)--;
    it->p = nl ? nl + 1 : it->end;
    it->line++;
    return 1;
}

void dy_load_report(dy_load_ctx *c, dyad_severity sev, uint32_t line, const char *line_text,
                    size_t line_len, const char *fmt, ...) {
    dy_buf b;
    dy_buf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    dy_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    if (line_text) {
        const char *t = line_text;
        size_t n = line_len;
        dy_trim(&t, &n);
        if (n > 200) n = 200;
        dy_buf_adds(&b, ": ");
        for (size_t i = 0; i < n; i++) dy_buf_addc(&b, t[i] == '\t' ? ' ' : t[i]);
    }
    dyad_diag_report(c->diag, sev, c->file, line, 0, "%s", b.data ? b.data : "");
    dy_buf_free(&b);
}

char *dy_path_join(const char *base_file, const char *rel) {
    if (rel[0] == '/' || !base_file) return dy_xstrdup(rel);
    const char *slash = strrchr(base_file, '/');
    size_t dn = slash ? (size_t)(slash - base_file + 1) : 0;
    size_t rn = strlen(rel);
    char *p = dy_xmalloc(dn + rn + 1);
    memcpy(p, base_file, dn);
    memcpy(p + dn, rel, rn + 1);
    return p;
}

void dy_path_normalize(char *path) {
    char *seg[128];
    size_t ns = 0;
    int abs = path[0] == '/';
    char *copy = dy_xstrdup(path);
    for (char *tok = strtok(copy, "/"); tok; tok = strtok(NULL, "/")) {
        if (!strcmp(tok, ".")) continue;
        if (!strcmp(tok, "..") && ns && strcmp(seg[ns - 1], "..")) {
            ns--;
            continue;
        }
        if (ns < sizeof seg / sizeof seg[0]) seg[ns++] = tok;
    }
    char *out = path;
    if (abs) *out++ = '/';
    for (size_t i = 0; i < ns; i++) {
        size_t l = strlen(seg[i]);
        memcpy(out, seg[i], l);
        out += l;
        if (i + 1 < ns) *out++ = '/';
    }
    *out = 0;
    free(copy);
}

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

static int contains_ci(const char *s, const char *w) {
    size_t m = strlen(w);
    for (; *s; s++)
        if (!strncasecmp(s, w, m)) return 1;
    return 0;
}

static int has_line_prefix(const char *data, size_t len, const char *prefix, size_t limit) {
    size_t pn = strlen(prefix);
    size_t seen = 0;
    for (size_t i = 0; i < len && seen < limit; seen++) {
        if (len - i >= pn && memcmp(data + i, prefix, pn) == 0) return 1;
        const char *nl = memchr(data + i, '\n', len - i);
        if (!nl) break;
        i = (size_t)(nl - data) + 1;
    }
    return 0;
}

/* Most of the first lines hold five or more tabs: a spreadsheet export, not a dictionary. */
static int tabular(const char *data, size_t len) {
    dy_lines it;
    const char *s;
    size_t n, lines = 0, wide = 0;
    dy_lines_init(&it, data, len);
    while (lines < 20 && dy_lines_next(&it, &s, &n)) {
        size_t tabs = 0;
        for (size_t i = 0; i < n; i++) tabs += s[i] == '\t';
        lines++;
        wide += tabs >= 5;
    }
    return lines >= 3 && wide * 2 > lines;
}

dy_family dy_petrarch_verbs_family(const char *data, size_t len) {
    /* CAMEO.2.0 patterns are phrase structures: many "- ... (PREP ...)" lines;
     * word-sequence files have at most a stray parenthesis. */
    size_t paren = 0, pats = 0;
    dy_lines it;
    const char *s;
    size_t n;
    dy_lines_init(&it, data, len);
    while (dy_lines_next(&it, &s, &n)) {
        if (n < 2 || s[0] != '-' || s[1] == '-') continue;
        pats++;
        const char *hash = memchr(s, '#', n);
        size_t m = hash ? (size_t)(hash - s) : n;
        if (memchr(s, '(', m)) paren++;
    }
    return (pats && paren * 20 > pats) ? DY_FAM_PETRARCH2 : DY_FAM_PETRARCH1;
}

dy_dict_format dy_dict_detect(const char *name, const char *data, size_t len) {
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    if (ends_with(base, ".dyd")) return DY_FMT_NATIVE;
    if (ends_with(base, ".project")) return DY_FMT_TABARI_PROJECT;
    if (ends_with(base, ".ini")) return DY_FMT_PETRARCH_CONFIG;
    if (ends_with(base, ".options")) return DY_FMT_TABARI_OPTIONS;
    if (ends_with(base, ".actors")) return DY_FMT_TABARI_ACTORS;
    if (ends_with(base, ".agents")) return DY_FMT_TABARI_AGENTS;
    if (ends_with(base, ".verbs")) return DY_FMT_TABARI_VERBS;
    if (contains_ci(base, "ontology") || contains_ci(base, "preposition")) return DY_FMT_AUTO;
    if (tabular(data, len)) return DY_FMT_AUTO; /* a data table (tabari-code/discards.txt is one) */
    if (contains_ci(base, "actors")) return DY_FMT_PETRARCH_ACTORS;
    if (contains_ci(base, "agents")) return DY_FMT_PETRARCH_AGENTS;
    if (contains_ci(base, "discard")) return DY_FMT_PETRARCH_DISCARDS;
    if (contains_ci(base, "issue")) return DY_FMT_PETRARCH_ISSUES;
    if (contains_ci(base, "verb") || contains_ci(base, "cameo") || has_line_prefix(data, len, "--- ", 100000))
        return dy_petrarch_verbs_family(data, len) == DY_FAM_PETRARCH2 ? DY_FMT_PETRARCH2_VERBS
                                                                       : DY_FMT_PETRARCH1_VERBS;
    if (has_line_prefix(data, len, "format", 50) || has_line_prefix(data, len, "actor ", 200))
        return DY_FMT_NATIVE;
    return DY_FMT_AUTO;
}

/* ---------------------------------------------------------------- dispatch */

void dy_load_buffer(dy_load_ctx *c, dy_dict_format fmt) {
    if (fmt == DY_FMT_AUTO) fmt = dy_dict_detect(c->file, c->data, c->len);
    switch (fmt) {
    case DY_FMT_NATIVE: c->fam = DY_FAM_NATIVE; dy_load_native(c); break;
    case DY_FMT_TABARI_PROJECT: dy_load_tabari_project(c); break;
    case DY_FMT_TABARI_ACTORS: c->fam = DY_FAM_TABARI; dy_load_tabari_actors(c); break;
    case DY_FMT_TABARI_AGENTS: c->fam = DY_FAM_TABARI; dy_load_tabari_agents(c); break;
    case DY_FMT_TABARI_VERBS: c->fam = DY_FAM_TABARI; dy_load_tabari_verbs(c); break;
    case DY_FMT_TABARI_OPTIONS: dy_load_tabari_options(c); break;
    case DY_FMT_PETRARCH_CONFIG: dy_load_petrarch_config(c); break;
    case DY_FMT_PETRARCH_ACTORS:
        if (c->fam == DY_FAM_NATIVE || c->fam == DY_FAM_TABARI) c->fam = DY_FAM_PETRARCH2;
        dy_load_petrarch_actors(c);
        break;
    case DY_FMT_PETRARCH_AGENTS:
        if (c->fam == DY_FAM_NATIVE || c->fam == DY_FAM_TABARI) c->fam = DY_FAM_PETRARCH2;
        dy_load_petrarch_agents(c);
        break;
    case DY_FMT_PETRARCH1_VERBS: c->fam = DY_FAM_PETRARCH1; dy_load_petrarch_verbs(c); break;
    case DY_FMT_PETRARCH2_VERBS: c->fam = DY_FAM_PETRARCH2; dy_load_petrarch_verbs(c); break;
    case DY_FMT_PETRARCH_DISCARDS:
        if (c->fam == DY_FAM_NATIVE || c->fam == DY_FAM_TABARI) c->fam = DY_FAM_PETRARCH2;
        dy_load_petrarch_discards(c);
        break;
    case DY_FMT_PETRARCH_ISSUES:
        if (c->fam == DY_FAM_NATIVE || c->fam == DY_FAM_TABARI) c->fam = DY_FAM_PETRARCH2;
        dy_load_petrarch_issues(c);
        break;
    case DY_FMT_AUTO:
    default:
        dy_load_report(c, DYAD_ERROR, 0, NULL, 0,
                       "not a dictionary file dyad reads (PETRARCH does not read it as one either, or the name does not say what it is)");
        break;
    }
}

static int read_whole(const char *path, char **data, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    dy_buf b;
    dy_buf_init(&b);
    int rc = dy_buf_read_stream(&b, f);
    fclose(f);
    if (rc) {
        dy_buf_free(&b);
        return -1;
    }
    *data = b.data ? b.data : dy_xstrdup("");
    *len = b.len;
    return 0;
}

uint64_t dy_builtin_fingerprint(void) {
    /* every byte, eight at a time: the builtin set is a few megabytes */
    uint64_t h = 0x9e3779b97f4a7c15ull;
    for (size_t i = 0; i < dy_builtin_file_count; i++) {
        const dy_builtin_file *f = &dy_builtin_files[i];
        size_t k = 0;
        for (; k + 8 <= f->len; k += 8) {
            uint64_t w;
            memcpy(&w, f->data + k, 8);
            h = (h ^ w) * 0x100000001b3ull;
            h ^= h >> 29;
        }
        for (; k < f->len; k++) h = (h ^ (unsigned char)f->data[k]) * 0x100000001b3ull;
        h = (h ^ f->len) * 0x100000001b3ull;
        for (const char *p = f->path; *p; p++) h = (h ^ (unsigned char)*p) * 0x100000001b3ull;
    }
    return h;
}

static const dy_builtin_file *builtin_find(const char *path) {
    for (size_t i = 0; i < dy_builtin_file_count; i++)
        if (!strcmp(dy_builtin_files[i].path, path)) return &dy_builtin_files[i];
    return NULL;
}

int dy_load_path(dyad_dict *d, dyad_diag *diag, const char *path, dy_dict_format fmt,
                 dy_family fam, const char *ref_file, uint32_t ref_line, int depth) {
    if (depth > DY_MAX_DEPTH) {
        dyad_diag_report(diag, DYAD_ERROR, ref_file, ref_line, 0,
                         "files nested more than %d deep (an include cycle?): %s", DY_MAX_DEPTH, path);
        return -1;
    }
    /* an include cycle: the same file already open further up */
    dy_load_ctx c = {d, diag, NULL, NULL, 0, 0, fam, depth, 0};
    if (!strncmp(path, "builtin:", 8)) {
        const dy_builtin_file *bf = builtin_find(path + 8);
        if (!bf) {
            dyad_diag_report(diag, DYAD_ERROR, ref_file ? ref_file : path, ref_line, 0,
                             "no builtin dictionary file %s", path + 8);
            return -1;
        }
        c.file = dy_build_file(d, path);
        c.data = bf->data;
        c.len = bf->len;
        dy_load_buffer(&c, fmt);
        return 0;
    }
    char *data;
    size_t len;
    if (read_whole(path, &data, &len)) {
        dyad_diag_report(diag, DYAD_ERROR, ref_file ? ref_file : path, ref_line, 0,
                         "cannot read dictionary file %s: %s", path, strerror(errno));
        return -1;
    }
    c.file = dy_build_file(d, path);
    c.data = data;
    c.len = len;
    dy_load_buffer(&c, fmt);
    free(data);
    return 0;
}

static int loaded_anything(const dyad_dict *d) {
    return d->actors.n || d->agents.n || d->forms.n || d->blocks.n || d->discards.n ||
           d->issues.n || d->classes.n || d->synsets.n || d->opt_loaded;
}

static void silent(const dyad_diagnostic *d, void *user) {
    (void)d;
    (void)user;
}

/* Forwards warnings and errors to the caller's sink (and counts), drops notes. */
static void no_notes(const dyad_diagnostic *d, void *user) {
    if (d->severity == DYAD_NOTE) return;
    dyad_diag_report(user, d->severity, d->file, d->line, d->column, "%s", d->message);
}

dyad_dict *dyad_dict_load(const char *spec, dyad_diag *diag) { return dy_dict_load_ex(spec, diag, 0); }

dyad_dict *dy_dict_load_ex(const char *spec, dyad_diag *diag, unsigned flags) {
    dyad_diag quiet, filtered;
    if (!diag) {
        dyad_diag_init(&quiet, silent, NULL);
        diag = &quiet;
    }
    if (!(flags & DY_LOAD_NOTES)) {
        dyad_diag_init(&filtered, no_notes, diag);
        diag = &filtered;
    }
    if (!spec || !*spec) spec = "builtin";
    if (ends_with(spec, ".dydc")) return dy_dict_cache_load(spec, diag);
    dyad_dict *d = dy_build_new();
    int rc;
    if (!strcmp(spec, "builtin")) {
        if (!builtin_find("main.dyd")) {
            dyad_diag_report(diag, DYAD_ERROR, "builtin", 0, 0, "no builtin dictionary main.dyd");
            rc = -1;
        } else {
            rc = dy_load_path(d, diag, "builtin:main.dyd", DY_FMT_NATIVE, DY_FAM_NATIVE, NULL, 0, 0);
        }
    } else {
        rc = dy_load_path(d, diag, spec, DY_FMT_AUTO, DY_FAM_NATIVE, NULL, 0, 0);
    }
    dy_build_finish(d);
    if (rc || !loaded_anything(d)) {
        if (!rc) dyad_diag_report(diag, DYAD_ERROR, spec, 0, 0, "no dictionary entries loaded");
        dyad_dict_free(d);
        return NULL;
    }
    return d;
}

dyad_dict *dy_dict_load_memory(dy_dict_format fmt, const char *name, const char *data,
                               size_t len, dyad_diag *diag) {
    dyad_diag quiet;
    if (!diag) {
        dyad_diag_init(&quiet, silent, NULL);
        diag = &quiet;
    }
    dyad_dict *d = dy_build_new();
    dy_load_ctx c = {d, diag, dy_build_file(d, name ? name : "memory"), data, len, 1,
                     DY_FAM_NATIVE, 0, 0};
    dy_load_buffer(&c, fmt);
    dy_build_finish(d);
    if (!loaded_anything(d)) {
        dyad_dict_free(d);
        return NULL;
    }
    return d;
}
