#include "store/query_opts.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char dy_query_opts_help[] =
    "  --actor CODE       events with CODE (a prefix: CHN matches CHNGOV) as source or target\n"
    "  --dyad A:B         events from A to B (prefixes; directional; A: or :B leave one side open)\n"
    "  --both             with --dyad: B to A as well\n"
    "  --code PREFIX      CAMEO event code prefix (04 = consult, 042 = make a visit)\n"
    "  --quad N           quad class 1..4 (verbal/material cooperation, verbal/material conflict)\n"
    "  --status LIST      comma-separated: reported,planned,speculative,negated\n"
    "  --since DATE       YYYY, YYYY-MM or YYYY-MM-DD, inclusive\n"
    "  --until DATE       inclusive\n"
    "  --limit N          at most N rows\n";

void dy_query_opts_init(dy_query_opts *o) {
    memset(o, 0, sizeof *o);
    o->db = "dyad.db";
}

/* YYYY, YYYY-MM or YYYY-MM-DD to a full date: the first day for --since,
 * a day after every real day of the period for --until (dates compare as
 * strings, so "2024-02-31" closes February). */
static int normalise_date(const char *in, int upper, char out[11]) {
    size_t n = strlen(in);
    for (size_t k = 0; k < n; k++) {
        int want_dash = k == 4 || k == 7;
        if (want_dash ? in[k] != '-' : !isdigit((unsigned char)in[k])) return -1;
    }
    if (n == 4) snprintf(out, 11, "%s-%s", in, upper ? "12-31" : "01-01");
    else if (n == 7) snprintf(out, 11, "%s-%s", in, upper ? "31" : "01");
    else if (n == 10) snprintf(out, 11, "%s", in);
    else return -1;
    int m = atoi(out + 5), d = atoi(out + 8);
    return m >= 1 && m <= 12 && d >= 1 && d <= 31 ? 0 : -1;
}

static unsigned parse_status_list(const char *list) {
    static const char *const names[] = {"reported", "planned", "speculative", "negated"};
    unsigned mask = 0;
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        int found = 0;
        for (int i = 0; i < 4; i++)
            if (strlen(names[i]) == n && !strncmp(p, names[i], n)) mask |= 1u << i, found = 1;
        if (!found) return 0;
        p += n;
        if (*p == ',') p++;
    }
    return mask;
}

int dy_query_opts_parse(dy_query_opts *o, int argc, char **argv, int *i, const char *cmd) {
    const char *opt = argv[*i];
    if (!strcmp(opt, "--both")) {
        o->q.both_directions = 1;
        return 1;
    }
    static const char *const with_value[] = {"--db",     "--actor", "--dyad",  "--code", "--quad",
                                             "--status", "--since", "--until", "--limit"};
    int known = 0;
    for (size_t k = 0; k < sizeof with_value / sizeof with_value[0]; k++)
        if (!strcmp(opt, with_value[k])) known = 1;
    if (!known) return 0;
    if (*i + 1 >= argc) {
        fprintf(stderr, "dyad %s: %s needs a value\n", cmd, opt);
        return -1;
    }
    const char *v = argv[++*i];
    if (!strcmp(opt, "--db")) {
        o->db = v;
    } else if (!strcmp(opt, "--actor")) {
        o->q.actor = v;
    } else if (!strcmp(opt, "--dyad")) {
        const char *colon = strchr(v, ':');
        if (!colon || strlen(v) >= sizeof o->dyad_buf || (colon == v && !colon[1])) {
            fprintf(stderr, "dyad %s: --dyad wants SOURCE:TARGET (e.g. CHN:PRK), got '%s'\n", cmd, v);
            return -1;
        }
        snprintf(o->dyad_buf, sizeof o->dyad_buf, "%s", v);
        o->dyad_buf[colon - v] = 0;
        o->q.dyad_source = o->dyad_buf;
        o->q.dyad_target = o->dyad_buf + (colon - v) + 1;
    } else if (!strcmp(opt, "--code")) {
        o->q.code = v;
    } else if (!strcmp(opt, "--quad")) {
        if (strlen(v) != 1 || v[0] < '1' || v[0] > '4') {
            fprintf(stderr, "dyad %s: --quad wants 1, 2, 3 or 4, got '%s'\n", cmd, v);
            return -1;
        }
        o->q.quad = v[0] - '0';
    } else if (!strcmp(opt, "--status")) {
        o->q.status_mask = parse_status_list(v);
        if (!o->q.status_mask) {
            fprintf(stderr, "dyad %s: --status wants a list of reported, planned, speculative, negated; got '%s'\n",
                    cmd, v);
            return -1;
        }
    } else if (!strcmp(opt, "--since") || !strcmp(opt, "--until")) {
        int upper = !strcmp(opt, "--until");
        char *dst = upper ? o->until : o->since;
        if (normalise_date(v, upper, dst) != 0) {
            fprintf(stderr, "dyad %s: %s wants YYYY, YYYY-MM or YYYY-MM-DD, got '%s'\n", cmd, opt, v);
            return -1;
        }
        if (upper) o->q.until = o->until;
        else o->q.since = o->since;
    } else { /* --limit */
        char *end;
        long n = strtol(v, &end, 10);
        if (*end || n <= 0) {
            fprintf(stderr, "dyad %s: --limit wants a positive number, got '%s'\n", cmd, v);
            return -1;
        }
        o->q.limit = n;
    }
    return 1;
}
