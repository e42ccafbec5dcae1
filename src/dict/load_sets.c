/* Sets that name their files: a TABARI .project and a PETRARCH config .ini.
 * Each named file is loaded with the loader of its kind; a name that cannot
 * be opened is reported at the line that names it. */
#include "dict/dict_impl.h"
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void load_ref(dy_load_ctx *c, uint32_t line, const char *name, size_t n,
                     dy_dict_format fmt, dy_family fam, const char *alt_dir) {
    char *rel = dy_xstrndup(name, n);
    if (c->memory) {
        dy_load_report(c, DYAD_ERROR, line, NULL, 0, "cannot follow a file reference when loading from memory: %s", rel);
        free(rel);
        return;
    }
    char *path = dy_path_join(c->file, rel);
    FILE *probe = fopen(path, "rb");
    if (!probe && alt_dir) {
        /* PETRARCH resolves dictionary names in its data/dictionaries folder,
         * a sibling of the config folder */
        char *alt = dy_xmalloc(strlen(alt_dir) + strlen(rel) + 2);
        sprintf(alt, "%s%s", alt_dir, rel);
        char *p2 = dy_path_join(c->file, alt);
        free(alt);
        FILE *f2 = fopen(p2, "rb");
        if (f2) {
            fclose(f2);
            free(path);
            path = p2;
        } else {
            free(p2);
        }
    } else if (probe) {
        fclose(probe);
    }
    dy_load_path(c->d, c->diag, path, fmt, fam, c->file, line, c->depth + 1);
    free(path);
    free(rel);
}

void dy_load_tabari_project(dy_load_ctx *c) {
    static const struct { const char *tag; dy_dict_format fmt; } tags[] = {
        {"<actorsfile>", DY_FMT_TABARI_ACTORS}, {"<verbsfile>", DY_FMT_TABARI_VERBS},
        {"<agentsfile>", DY_FMT_TABARI_AGENTS}, {"<optionsfile>", DY_FMT_TABARI_OPTIONS}};
    dy_lines it;
    const char *s;
    size_t n;
    dy_build_set_family(c->d, DY_FAM_TABARI, 1);
    dy_lines_init(&it, c->data, c->len);
    while (dy_lines_next(&it, &s, &n)) {
        for (size_t k = 0; k < sizeof tags / sizeof tags[0]; k++) {
            size_t tl = strlen(tags[k].tag);
            if (n < tl || strncasecmp(s, tags[k].tag, tl) != 0) continue;
            const char *v = s + tl;
            size_t vn = n - tl;
            dy_trim(&v, &vn);
            if (!vn) {
                dy_load_report(c, DYAD_ERROR, it.line, s, n, "file tag without a file name");
                break;
            }
            load_ref(c, it.line, v, vn, tags[k].fmt, DY_FAM_TABARI, NULL);
            break;
        }
    }
}

static int ini_key(const char *s, size_t n, const char *key, const char **v, size_t *vn) {
    size_t kl = strlen(key);
    if (n < kl || strncasecmp(s, key, kl) != 0) return 0;
    const char *p = s + kl;
    size_t m = n - kl;
    while (m && (*p == ' ' || *p == '\t')) { p++; m--; }
    if (!m || (*p != '=' && *p != ':')) return 0;
    p++;
    m--;
    dy_trim(&p, &m);
    *v = p;
    *vn = m;
    return 1;
}

/* The value is not NUL-terminated (a memory buffer may end right after it),
 * so atoi() would read past it; out-of-range numbers clamp to int. */
static int ini_int(const char *v, size_t vn) {
    char num[32];
    if (vn >= sizeof num) vn = sizeof num - 1;
    memcpy(num, v, vn);
    num[vn] = 0;
    long x = strtol(num, NULL, 10);
    return x > INT_MAX ? INT_MAX : x < INT_MIN ? INT_MIN : (int)x;
}

static int ini_bool(const char *v, size_t vn) {
    return vn && (v[0] == 'T' || v[0] == 't' || v[0] == '1' || v[0] == 'Y' || v[0] == 'y');
}

void dy_load_petrarch_config(dy_load_ctx *c) {
    dy_lines it;
    const char *s;
    size_t n;
    const char *section = "";
    /* first pass: collect file names; verbs first so the family is known */
    struct { const char *v; size_t n; uint32_t line; dy_dict_format fmt; } refs[32];
    size_t nrefs = 0;
    dy_dict_options *o = &c->d->opt;
    dy_dict_options_default(o, DY_FAM_PETRARCH2);
    c->d->opt_loaded = 1;
    dy_lines_init(&it, c->data, c->len);
    while (dy_lines_next(&it, &s, &n)) {
        const char *t = s;
        size_t tn = n;
        dy_trim(&t, &tn);
        if (!tn || t[0] == '#' || t[0] == ';') continue;
        if (t[0] == '[') {
            section = (tn >= 14 && !strncasecmp(t, "[Dictionaries]", 14)) ? "dict"
                      : (tn >= 9 && !strncasecmp(t, "[Options]", 9)) ? "opt" : "";
            continue;
        }
        const char *v;
        size_t vn;
        if (!strcmp(section, "dict")) {
            static const struct { const char *key; dy_dict_format fmt; } keys[] = {
                {"verbfile_name", DY_FMT_PETRARCH2_VERBS}, {"actorfile_list", DY_FMT_PETRARCH_ACTORS},
                {"agentfile_name", DY_FMT_PETRARCH_AGENTS}, {"discardfile_name", DY_FMT_PETRARCH_DISCARDS},
                {"issuefile_name", DY_FMT_PETRARCH_ISSUES}};
            size_t k;
            for (k = 0; k < sizeof keys / sizeof keys[0]; k++) {
                if (!ini_key(t, tn, keys[k].key, &v, &vn)) continue;
                /* a list is comma-separated */
                while (vn) {
                    const char *comma = memchr(v, ',', vn);
                    size_t one = comma ? (size_t)(comma - v) : vn;
                    const char *w = v;
                    size_t wn = one;
                    dy_trim(&w, &wn);
                    if (wn && nrefs < sizeof refs / sizeof refs[0]) {
                        refs[nrefs].v = w;
                        refs[nrefs].n = wn;
                        refs[nrefs].line = it.line;
                        refs[nrefs].fmt = keys[k].fmt;
                        nrefs++;
                    }
                    if (!comma) break;
                    vn -= one + 1;
                    v += one + 1;
                }
                break;
            }
            if (k == sizeof keys / sizeof keys[0])
                dy_load_report(c, DYAD_WARNING, it.line, s, n, "unknown [Dictionaries] key, ignored");
        } else if (!strcmp(section, "opt")) {
            static const struct { const char *key; size_t off; int is_bool; } keys[] = {
                {"comma_min", offsetof(dy_dict_options, comma_min), 0},
                {"comma_max", offsetof(dy_dict_options, comma_max), 0},
                {"comma_bmin", offsetof(dy_dict_options, comma_bmin), 0},
                {"comma_bmax", offsetof(dy_dict_options, comma_bmax), 0},
                {"comma_emin", offsetof(dy_dict_options, comma_emin), 0},
                {"comma_emax", offsetof(dy_dict_options, comma_emax), 0},
                {"new_actor_length", offsetof(dy_dict_options, new_actor_length), 0},
                {"require_dyad", offsetof(dy_dict_options, require_dyad), 1},
                {"write_actor_root", offsetof(dy_dict_options, write_actor_root), 1},
                {"write_actor_text", offsetof(dy_dict_options, write_actor_text), 1},
                {"write_event_text", offsetof(dy_dict_options, write_event_text), 1}};
            for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
                if (!ini_key(t, tn, keys[k].key, &v, &vn)) continue;
                int *dst = (int *)((char *)o + keys[k].off);
                *dst = keys[k].is_bool ? ini_bool(v, vn) : ini_int(v, vn);
                break;
            }
            if (ini_key(t, tn, "code_by_sentence", &v, &vn) && ini_bool(v, vn))
                o->code_by = DY_CODE_BY_SENTENCE;
        }
    }
    if (!nrefs) {
        dy_load_report(c, DYAD_ERROR, 0, NULL, 0, "no [Dictionaries] files named");
        return;
    }
    dy_family fam = DY_FAM_PETRARCH2;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < nrefs; i++) {
            int is_verbs = refs[i].fmt == DY_FMT_PETRARCH2_VERBS;
            if ((pass == 0) != is_verbs) continue;
            dy_dict_format fmt = refs[i].fmt;
            if (is_verbs) {
                fmt = DY_FMT_AUTO; /* P1 or P2 by content */
            }
            load_ref(c, refs[i].line, refs[i].v, refs[i].n, fmt, fam, "../dictionaries/");
            if (is_verbs && c->d->family_rank >= 2) fam = c->d->family;
        }
    }
}

