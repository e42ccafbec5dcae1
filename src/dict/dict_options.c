/* Coding options: TABARI .options commands (manual ch. 8) and PETRARCH
 * [Options]; one parser for a single command so the coder can also apply
 * the validation suite's in-file OPTION records. */
#include "dict/dict_impl.h"
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void dy_dict_options_default(dy_dict_options *o, dy_family fam) {
    memset(o, 0, sizeof *o);
    if (fam == DY_FAM_PETRARCH1 || fam == DY_FAM_PETRARCH2) {
        /* PETR_config.ini defaults (documented there as "based on TABARI") */
        o->comma_min = 2; o->comma_max = 8;
        o->comma_bmin = 0; o->comma_bmax = 0;
        o->comma_emin = 2; o->comma_emax = 8;
    } else {
        /* TABARI manual 8.6 */
        o->comma_min = 2; o->comma_max = 10;
        o->comma_bmin = 128; o->comma_bmax = 0;
        o->comma_emin = 2; o->comma_emax = 10;
    }
    o->code_by = DY_CODE_BY_CLAUSE;
    o->label = 1;
    o->require_dyad = 1;
}

/* Case-insensitive "does s start with word w" skipping blanks; advances *s. */
static int eat(const char **s, const char *w) {
    const char *p = *s;
    while (*p == ' ' || *p == '\t') p++;
    size_t n = strlen(w);
    for (size_t i = 0; i < n; i++)
        if (toupper((unsigned char)p[i]) != w[i]) return 0;
    *s = p + n;
    return 1;
}

static int parse_bool(const char *s, int *out) {
    while (*s == ' ' || *s == '\t' || *s == '=') s++;
    if (!strncasecmp(s, "TRUE", 4) || !strncasecmp(s, "ON", 2) || (toupper((unsigned char)*s) == 'T' && !isalpha((unsigned char)s[1]))) {
        *out = 1;
        return 0;
    }
    if (!strncasecmp(s, "FALSE", 5) || !strncasecmp(s, "OFF", 3) || (toupper((unsigned char)*s) == 'F' && !isalpha((unsigned char)s[1]))) {
        *out = 0;
        return 0;
    }
    return -1;
}

/* Settings are small counts; anything outside 0..100000 is a typo, not a setting. */
#define DY_OPTION_MAX 100000

static int parse_int_after_eq(const char *s, int *out) {
    while (*s == ' ' || *s == '\t' || *s == '=') s++;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (end == s || errno || v < 0 || v > DY_OPTION_MAX) return -1;
    *out = (int)v;
    return 0;
}

/* "[CODE]" -> out (without brackets) */
static int bracket_code(const char **s, char *out, size_t cap) {
    const char *p = strchr(*s, '[');
    if (!p) return -1;
    const char *q = strchr(p, ']');
    if (!q) return -1;
    size_t n = (size_t)(q - p - 1);
    if (n >= cap) n = cap - 1;
    memcpy(out, p + 1, n);
    out[n] = 0;
    *s = q + 1;
    return 0;
}

static int apply_comma(dy_dict_options *o, const char *s, const char **err) {
    if (eat(&s, "OFF")) {
        o->comma_off = 1;
        return 0;
    }
    o->comma_off = 0;
    static const struct { const char *name; size_t off; } keys[] = {
        {"BMIN", offsetof(dy_dict_options, comma_bmin)}, {"BMAX", offsetof(dy_dict_options, comma_bmax)},
        {"EMIN", offsetof(dy_dict_options, comma_emin)}, {"EMAX", offsetof(dy_dict_options, comma_emax)},
        {"MIN", offsetof(dy_dict_options, comma_min)},   {"MAX", offsetof(dy_dict_options, comma_max)}};
    int any = 0;
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == ',') s++;
        if (!*s) break;
        size_t k;
        for (k = 0; k < sizeof keys / sizeof keys[0]; k++)
            if (eat(&s, keys[k].name)) break;
        if (k == sizeof keys / sizeof keys[0]) {
            *err = "unknown COMMA setting";
            return -1;
        }
        int v;
        while (*s == ' ' || *s == '\t') s++;
        if (parse_int_after_eq(s, &v)) {
            *err = "COMMA setting without a number (0..100000)";
            return -1;
        }
        while (*s == ' ' || *s == '\t' || *s == '=') s++;
        while (*s == '-' || isdigit((unsigned char)*s)) s++;
        *(int *)((char *)o + keys[k].off) = v;
        any = 1;
    }
    if (!any) {
        *err = "COMMA: without settings";
        return -1;
    }
    return 0;
}

static int apply_complex(dy_dict_options *o, const char *s, const char **err) {
    static const struct { const char *name; size_t off; } nums[] = {
        {"VERBS", offsetof(dy_dict_options, complex_verbs)},
        {"ACTORS", offsetof(dy_dict_options, complex_actors)},
        {"PRONOUNS", offsetof(dy_dict_options, complex_pronouns)},
        {"CONJ", offsetof(dy_dict_options, complex_conj)},
        {"COMMA", offsetof(dy_dict_options, complex_comma)},
        {"LATEVERB", offsetof(dy_dict_options, complex_lateverb)}};
    static const struct { const char *name; unsigned flag; } flags[] = {
        {"NOACTPRIOR", DY_CPLX_NOACTPRIOR}, {"NOACTAFTER", DY_CPLX_NOACTAFTER},
        {"NOVERB", DY_CPLX_NOVERB},         {"NOSOURCE", DY_CPLX_NOSOURCE},
        {"NOTARGET", DY_CPLX_NOTARGET},     {"NOEVENT", DY_CPLX_NOEVENT},
        {"EXPLAIN", DY_CPLX_EXPLAIN},       {"NOSAVE", DY_CPLX_NOSAVE}};
    for (;;) {
        while (*s == ' ' || *s == '\t') s++;
        if (!*s) return 0;
        size_t k;
        int done = 0;
        for (k = 0; k < sizeof flags / sizeof flags[0] && !done; k++)
            if (eat(&s, flags[k].name)) {
                o->complex_flags |= flags[k].flag;
                done = 1;
            }
        for (k = 0; k < sizeof nums / sizeof nums[0] && !done; k++)
            if (eat(&s, nums[k].name)) {
                while (*s == ' ') s++;
                if (*s != '[') {
                    *err = "COMPLEX condition needs [n]";
                    return -1;
                }
                char *end;
                errno = 0;
                long v = strtol(s + 1, &end, 10);
                if (*end != ']' || end == s + 1) {
                    *err = "COMPLEX condition needs [n]";
                    return -1;
                }
                if (errno || v < 0 || v > DY_OPTION_MAX) {
                    *err = "COMPLEX number out of range (0..100000)";
                    return -1;
                }
                *(int *)((char *)o + nums[k].off) = (int)v;
                s = end + 1;
                done = 1;
            }
        if (!done) {
            *err = "unknown COMPLEX condition";
            return -1;
        }
    }
}

static int apply_set(dy_dict_options *o, const char *s, const char **err) {
    int v;
    if (eat(&s, "CODE BY")) {
        if (eat(&s, "CLAUSE")) o->code_by = DY_CODE_BY_CLAUSE;
        else if (eat(&s, "SENTENCE")) o->code_by = DY_CODE_BY_SENTENCE;
        else if (eat(&s, "ALL")) o->code_by = DY_CODE_BY_ALL;
        else { *err = "CODE BY needs CLAUSE, SENTENCE or ALL"; return -1; }
        return 0;
    }
    if (eat(&s, "CODE ALL")) { o->code_by = DY_CODE_BY_ALL; return 0; }
    if (eat(&s, "MINIMUM WORDS")) {
        if (parse_int_after_eq(s, &v)) { *err = "MINIMUM WORDS needs a number (0..100000)"; return -1; }
        o->minimum_words = v;
        return 0;
    }
    if (eat(&s, "CONVERT AGENTS") || eat(&s, "CONVERT AGENT")) { /* Validate.text writes the singular */
        if (parse_bool(s, &v)) { *err = "expected TRUE or FALSE"; return -1; }
        o->convert_agents = v;
        return 0;
    }
    if (eat(&s, "CODE NONRESTRICTIVE")) {
        if (parse_bool(s, &v)) { *err = "expected TRUE or FALSE"; return -1; }
        o->code_nonrestrictive = v;
        return 0;
    }
    if (eat(&s, "LABEL")) {
        if (parse_bool(s, &v)) { *err = "expected TRUE or FALSE"; return -1; }
        o->label = v;
        return 0;
    }
    /* switches that only steer TABARI's interactive program or its files */
    static const char *const ignored[] = {"ACTOR USAGE", "AGENT USAGE", "VERB USAGE", "DUP WARNING",
                                          "FBIS", "YYYY", "TIME SHIFTING", "SKIP RECORDS", "HAIKU",
                                          "MATCH", "ALLCAPS", "CHECK DOMINANT"};
    for (size_t i = 0; i < sizeof ignored / sizeof ignored[0]; i++)
        if (eat(&s, ignored[i])) return 0;
    *err = "unknown SET parameter";
    return -1;
}

int dy_dict_option_apply(dy_dict_options *o, const char *cmd, const char **errmsg) {
    const char *dummy;
    const char **err = errmsg ? errmsg : &dummy;
    const char *s = cmd;
    *err = NULL;
    if (eat(&s, "COMPLEX:")) return apply_complex(o, s, err);
    if (eat(&s, "COMMA:")) return apply_comma(o, s, err);
    if (eat(&s, "SET:")) return apply_set(o, s, err);
    if (eat(&s, "NONEVENTS:")) {
        if (eat(&s, "ONLY")) o->nonevents = DY_NONEVENTS_ONLY;
        else if (eat(&s, "TRUE")) o->nonevents = DY_NONEVENTS_TRUE;
        else if (eat(&s, "FALSE")) o->nonevents = DY_NONEVENTS_FALSE;
        else { *err = "NONEVENTS needs TRUE, FALSE or ONLY"; return -1; }
        return 0;
    }
    if (eat(&s, "DEFAULT:")) {
        if (eat(&s, "OFF")) {
            o->default_source[0] = o->default_target[0] = 0;
            o->default_source_prior = o->default_target_after = 0;
            return 0;
        }
        int any = 0;
        for (;;) {
            if (eat(&s, "SOURCE")) {
                if (*s == ':') s++;
                if (bracket_code(&s, o->default_source, sizeof o->default_source)) break;
                o->default_source_prior = eat(&s, "PRIOR");
                any = 1;
            } else if (eat(&s, "TARGET")) {
                if (*s == ':') s++;
                if (bracket_code(&s, o->default_target, sizeof o->default_target)) break;
                o->default_target_after = eat(&s, "AFTER");
                any = 1;
            } else {
                break;
            }
        }
        while (*s == ' ' || *s == '\t') s++;
        if (!any || *s) { *err = "DEFAULT: expects SOURCE [code] [PRIOR] TARGET [code] [AFTER]"; return -1; }
        return 0;
    }
    /* output layout and labels: no effect on what is coded */
    if (eat(&s, "LABEL:") || eat(&s, "OUTPUT:") || eat(&s, "FORWARD:")) return 0;
    *err = "unknown option command";
    return -1;
}

void dy_load_tabari_options(dy_load_ctx *c) {
    dy_lines it;
    const char *s;
    size_t n;
    dy_lines_init(&it, c->data, c->len);
    if (!c->d->opt_loaded) dy_dict_options_default(&c->d->opt, DY_FAM_TABARI);
    c->d->opt_loaded = 1;
    char buf[512];
    while (dy_lines_next(&it, &s, &n)) {
        const char *t = s;
        size_t tn = n;
        dy_trim(&t, &tn);
        if (!tn || (tn >= 2 && t[0] == '/' && t[1] == '/')) continue;
        if (t[0] == '~') break; /* ~~~~~ ends the options */
        if (tn >= sizeof buf) {
            dy_load_report(c, DYAD_ERROR, it.line, s, n, "option line too long");
            continue;
        }
        memcpy(buf, t, tn);
        buf[tn] = 0;
        const char *err;
        if (dy_dict_option_apply(&c->d->opt, buf, &err))
            dy_load_report(c, DYAD_ERROR, it.line, s, n, "%s", err);
    }
}
