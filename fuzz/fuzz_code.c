/* libFuzzer target: the coder end to end. Fuzzed article text goes through
 * dyad_code_article with one of four fixed dictionaries, so every family's
 * coding rules meet hostile text: the builtin set, a small native set, and
 * small TABARI and PETRARCH-2 sets (all written by us, below). The first byte
 * picks the dictionary (bits 0-1), --explain (bit 2) and whether the article
 * carries a date (bit 3); the rest is the article text.
 * Every event must have offsets inside the text and printable codes. */
#include "dyad.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char native_dict[] =
    "format 1\n"
    "actor FRD: freedonia | freedonian | freedonians\n"
    "actor FRDGOV @2001-03-04..2009-12-31: rufus firefly | firefly\n"
    "capital FRD: ostrava\n"
    "actor SYL: sylvania | sylvanian | sylvanians\n"
    "actor SYLGOV @..2000-12-31: trentino\n"
    "agent GOV: government | minister | ministers\n"
    "agent MIL: army | defence minister | troops\n"
    "agent REB: rebel | rebels\n"
    "synset &ARMS: rifles | tanks | mortar shells\n"
    "verb MEET [040]: meet | meets | met | meeting | {sit} down with\n"
    "pattern [042:043]: $ * + in_\n"
    "npattern [036]: * (with {peace envoys})\n"
    "verb ACCUSE [112]: accuse | accuses | accused\n"
    "pattern [1121]: * + of_ &ARMS\n"
    "verb ATTACK [190]: attack | attacked | shell | shelled | shelling\n"
    "pattern [195]: * + with_ &ARMS\n"
    "verb SAY [010]: say | said | says\n"
    "discard sentence: football match\n"
    "discard story: weather forecast\n"
    "issue PEACE: ceasefire | truce\n";

static const char tabari_actors[] =
    "FREEDONIA_ [FRD]\nFREEDONIAN_ [FRD]\nRUFUS_FIREFLY [FRDGOV 010304-091231] [FRDELI]\n"
    "SYLVANIA [SYL]\nSYLVANIAN_ [SYL]\nTRENTINO_ [SYLGOV <001231] [SYLELI]\n"
    "<NOUN>\nTOWN_HALL\n</NOUN>\n<ADJECTIVE>\nANGRY\n</ADJECTIVE>\n";
static const char tabari_agents[] = "MINISTER_ [~GOV]\nREBEL [~REB]\nARMY [~MIL]\n";
static const char tabari_verbs[] =
    "<SYNSETS>\n&ARMS\n+RIFLE\n+TANK_\n</SYNSETS>\n"
    "MEET  [040]\n{MET MEETING MEETS}\n- $ * +  [042:043]\n- * WITH_ +  [040]\n"
    "ACCUSE  [112]\n- * + OF_ &ARMS  [1121]\n- * { PLOT | SCHEME } [112?]\n"
    "ATTACK [190]\n- % * [190:190]\n- * + WITH_ &ARMS [195]\n"
    "SHELL [195!]\nSAY [010]\n- ^ $ * + [###]\n"
    "<TIME>\nLAST_WEEK [-7]\n</TIME>\n";
static const char tabari_options[] = "COMPLEX: VERBS[5] CONJ[4]\nDEFAULT: SOURCE [FRD] PRIOR\n";
static const char tabari_project[] =
    "<actorsfile> t.actors\n<agentsfile> t.agents\n<verbsfile> t.verbs\n<optionsfile> t.options\n";

static const char petr_actors[] =
    "FREEDONIA_  [FRD]\n+FREEDONIAN_\nRUFUS_FIREFLY\n+FIREFLY_\n\t[FRDGOV 20010304-20091231]\n"
    "\t[FRDELI]\nSYLVANIA [SYL]\n+SYLVANIAN_\nTRENTINO\t[SYLGOV <20001231]\nEND_MARKER [XXX]\n";
static const char petr_agents[] =
    "!WORKER! = WORKER, WORKERS, STAFF\nMINISTER [~GOV]\nAID!WORKER! [NGO~]\nREBEL {} [~REB]\n";
static const char petr_verbs[] =
    "####### SYNONYM SETS #######\n&ARMS\n+RIFLE\n+HEAVY_TANK\n+MORTAR_\n"
    "####### VERB PATTERNS #######\n"
    "---  MEET   [040]  ---\nMEET {MET MEETING MEETS}\n+SIT_DOWN {+SAT_DOWN +SITS_DOWN}\n"
    "- * (WITH {PEACE ENVOYS})   [036]\n- * (IN ^)   [042:043]\n- &ARMS * [:173]\n"
    "---  ACCUSE   [112]  ---\nACCUSE\n- * (OF {&ARMS ATTACK}) [1121]\n"
    "---  ATTACK   [190]  ---\nATTACK\nSHELL {SHELLED SHELLING SHELLS} [195]\n"
    "---  SAY   [010]  ---\nSAY {SAID SAYS SAYING}\n"
    "~ a (a b ATTACK) SAY = a b 112\n";
static const char petr_discards[] = "+WEATHER FORECAST\nFOOTBALL MATCH\n";
static const char petr_issues[] = "n:truce [PEACE]\n~cartoon\n";
static const char petr_config[] =
    "[Dictionaries]\nverbfile_name = p.verbs.txt\nactorfile_list = p.actors.txt\n"
    "agentfile_name = p.agents.txt\ndiscardfile_name = p.discards.txt\n"
    "issuefile_name = p.issues.txt\n[Options]\nrequire_dyad = True\n";

/* libFuzzer calls TestOneInput millions of times; loading the dictionaries
 * and making the coders once is what makes the target fast enough to be
 * useful (dyad_coder_new indexes every pattern of the set: ~30 ms for the
 * builtin set under instrumentation). A dictionary is immutable; a coder is
 * reused across articles exactly as `dyad code` reuses one per thread, so
 * state left over from one article to the next is fuzzed too. */
static dyad_dict *dicts[4];
static dyad_coder *coders[8]; /* [dict * 2 + explain] */

static void quiet(const dyad_diagnostic *d, void *user) { (void)d; (void)user; }

static int write_file(const char *dir, const char *name, const char *text) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    fputs(text, f);
    return fclose(f);
}

static dyad_dict *load_spec(const char *dir, const char *name, dyad_diag *diag) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return dyad_dict_load(path, diag);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    dyad_diag diag;
    dyad_diag_init(&diag, quiet, NULL);
    char dir[] = "/tmp/dyad-fuzz-code-XXXXXX";
    if (!mkdtemp(dir)) abort();
    static const struct { const char *name, *text; } files[] = {
        {"n.dyd", native_dict},           {"t.actors", tabari_actors},
        {"t.agents", tabari_agents},      {"t.verbs", tabari_verbs},
        {"t.options", tabari_options},    {"t.project", tabari_project},
        {"p.actors.txt", petr_actors},    {"p.agents.txt", petr_agents},
        {"p.verbs.txt", petr_verbs},      {"p.discards.txt", petr_discards},
        {"p.issues.txt", petr_issues},    {"p.ini", petr_config}};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        if (write_file(dir, files[i].name, files[i].text)) abort();
    dicts[0] = dyad_dict_load("builtin", &diag);
    dicts[1] = load_spec(dir, "n.dyd", &diag);
    dicts[2] = load_spec(dir, "t.project", &diag);
    dicts[3] = load_spec(dir, "p.ini", &diag);
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        unlink(path);
    }
    rmdir(dir);
    /* A dictionary that does not load here is a bug in the loader, not in the
     * input: fail loudly rather than fuzz nothing. */
    for (size_t i = 0; i < 4; i++)
        if (!dicts[i]) {
            fprintf(stderr, "fuzz_code: fixed dictionary %zu did not load\n", i);
            abort();
        }
    for (size_t i = 0; i < 8; i++) {
        dyad_code_options opt = {.explain = (int)(i & 1), .default_date = "2005-05-05"};
        coders[i] = dyad_coder_new(dicts[i / 2], &opt);
        if (!coders[i]) abort();
    }
    return 0;
}

typedef struct {
    size_t text_len;
} check_ctx;

static void check_span(dyad_span s, size_t len) {
    if (s.start > s.end || s.end > len) abort();
}

static int check_event(const dyad_event *e, void *user) {
    const check_ctx *k = user;
    check_span(e->source_span, k->text_len);
    check_span(e->target_span, k->text_len);
    check_span(e->verb_span, k->text_len);
    if (strnlen(e->code, sizeof e->code) == sizeof e->code) abort();
    if (strnlen(e->source, sizeof e->source) == sizeof e->source) abort();
    if (strnlen(e->target, sizeof e->target) == sizeof e->target) abort();
    if (strnlen(e->date, sizeof e->date) == sizeof e->date) abort();
    if (e->sentence < 0) abort();
    if (e->explain) (void)strlen(e->explain);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    dyad_coder *c = coders[(data[0] & 3) * 2 + ((data[0] & 4) != 0)];
    size_t len = size - 1;
    /* dyad_article promises a NUL after the text (readers give one). */
    char *text = malloc(len + 1);
    if (!text) abort();
    memcpy(text, data + 1, len);
    text[len] = 0;
    dyad_article a = {.id = "fuzz", .date = (data[0] & 8) ? NULL : "1999-07-14", .text = text,
                      .text_len = len, .origin = "fuzz", .origin_line = 1};
    dyad_diag diag;
    dyad_diag_init(&diag, quiet, NULL);
    check_ctx k = {len};
    dyad_code_article(c, &a, check_event, &k, &diag);
    free(text);
    return 0;
}
