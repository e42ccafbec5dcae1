/* The builtin actor and agent dictionaries (dict/actors/ and dict/agents.dyd):
 * they load without a single diagnostic, every country of the CAMEO table
 * resolves by its name, and a sample of dated facts (who held which office
 * on which day) comes out as written. Phrases go through the real tokeniser,
 * so a dictionary phrase that the tokeniser would split differently fails. */
#include "test_dict_util.h"

#include "text/text.h"
#include "util/arena.h"

#include <dirent.h>

typedef struct {
    tdiag t;
    dyad_dict *d;
} fixture;

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
    free(f);
    return 0;
}

/* Codes `text` gets on `date` (NULL: no date), matched from its first token
 * to its last, joined by '+' into out. "(no match)" when the phrase does not
 * match as a whole. */
static const char *codes_of(const dyad_dict *d, const char *text, const char *date, char *out,
                            size_t cap) {
    dy_arena a;
    dy_arena_init(&a, 4096);
    dy_token *tok = NULL;
    size_t n = dy_tokenise(text, 0, strlen(text), &a, &tok);
    dy_dict_tok rt[64];
    if (n > 64) n = 64;
    for (size_t i = 0; i < n; i++) dy_dict_tok_resolve(d, tok[i].norm, tok[i].norm_len, &rt[i]);
    dy_actor_hit h;
    snprintf(out, cap, "(no match)");
    if (n && dy_dict_actor_match(d, rt, n, 0, &h) == n) {
        const dy_actor_code *c[8];
        int32_t day = date ? dy_day_parse(date, strlen(date)) : DY_DAY_NONE;
        size_t k = dy_dict_actor_codes_on(h.entry, day, DY_DATE_RULE_DEFAULT, c, 8);
        size_t len = 0;
        out[0] = 0;
        for (size_t i = 0; i < k && i < 8; i++)
            len += (size_t)snprintf(out + len, cap - len, "%s%s", i ? "+" : "", c[i]->code);
        if (!k) snprintf(out, cap, "(none)");
    }
    dy_arena_free(&a);
    return out;
}

static void loads_clean(void **state) {
    fixture *f = *state;
    /* The verbs engineer's files are checked by their own test; ours must be clean. */
    const char *p = f->t.log;
    while ((p = strstr(p, "builtin:")) != NULL) {
        if (!strncmp(p, "builtin:actors/", 15) || !strncmp(p, "builtin:agents.dyd", 18))
            fail_msg("diagnostic in our dictionaries:\n%s", f->t.log);
        p += 8;
    }
}

/* Every country and region of the CAMEO table is found by its own label. The
 * exceptions are deliberate: the West Bank, Baghdad and Gaza get the codes
 * of the country they belong to (PSE, IRQ capital, PSEGZA), the table spells
 * Colombia "Columbia" and Reunion "Runion", and "the West" is too ambiguous
 * a phrase to list. */
static void every_country_by_name(void **state) {
    fixture *f = *state;
    const char *shared = getenv("DYAD_SHARED");
    if (!shared) skip();
    char path[1024];
    snprintf(path, sizeof path, "%s/specs/cameo_country.tsv", shared);
    FILE *fp = fopen(path, "r");
    if (!fp) skip();
    static const char *const skipped[] = {"WSB", "BAG", "GZS", "WST", "COL", "REU"};
    char line[256], got[256];
    int rows = 0, bad = 0;
    char report[4096] = "";
    size_t rl = 0;
    while (fgets(line, sizeof line, fp)) {
        char *tab = strchr(line, '\t');
        if (!tab || !strncmp(line, "CODE", 4)) continue;
        *tab = 0;
        char *label = tab + 1;
        label[strcspn(label, "\r\n")] = 0;
        int skip_it = 0;
        for (size_t i = 0; i < sizeof skipped / sizeof *skipped; i++)
            if (!strcmp(line, skipped[i])) skip_it = 1;
        if (skip_it) continue;
        rows++;
        codes_of(f->d, label, "2020-01-01", got, sizeof got);
        if (strcmp(got, line)) {
            bad++;
            if (rl < sizeof report - 128)
                rl += (size_t)snprintf(report + rl, sizeof report - rl, "  %s \"%s\" -> %s\n", line,
                                       label, got);
        }
    }
    fclose(fp);
    assert_true(rows > 250);
    if (bad) fail_msg("%d of %d labels do not give their code:\n%s", bad, rows, report);
}

typedef struct {
    const char *text, *date, *want;
} fact;

/* Facts of public record, written in the forms news uses. */
static const fact facts[] = {
    /* countries, adjectives, demonyms, capitals, cities */
    {"North Korea", NULL, "PRK"},
    {"North Koreans", NULL, "PRK"},
    {"Pyongyang", NULL, "PRK"},
    {"U.S.", NULL, "USA"},
    {"Britons", NULL, "GBR"},
    {"Côte d'Ivoire", NULL, "CIV"},
    {"Shanghai", NULL, "CHN"},
    {"Kharkiv", NULL, "UKR"},
    {"Gaza Strip", NULL, "PSEGZA"},
    {"Middle East", NULL, "MEA"},
    /* state successions */
    {"Montenegro", "2005-01-01", "SCG"},
    {"Montenegro", "2007-01-01", "MTN"},
    {"South Sudan", "2010-01-01", "SDN"},
    {"South Sudan", "2012-01-01", "SSD"},
    /* leaders in office, and after it */
    {"George W. Bush", "2008-08-06", "USAGOV"},
    {"George W. Bush", "2010-01-01", "USAELI"},
    {"Bush", "2008-08-06", "USAGOV"},
    {"Barack Obama", "2015-06-09", "USAGOV"},
    {"Vladimir Putin", "2008-08-06", "RUSGOV"},
    {"Dmitry Medvedev", "2008-08-06", "RUSGOV"},
    {"Kim Jong Un", "2011-12-17", "PRKGOV"},
    {"Kim Jong-un", "2018-06-12", "PRKGOV"},
    {"Kim Jong-il", "2008-08-06", "PRKGOV"},
    {"Xi Jinping", "2015-09-03", "CHNGOV"},
    {"Ehud Olmert", "2008-08-06", "ISRGOV"},
    {"Ehud Olmert", "2010-01-01", "ISRELI"},
    {"Benjamin Netanyahu", "2008-08-06", "ISROPP"},
    {"Benjamin Netanyahu", "2012-01-01", "ISRGOV"},
    {"Mahmud Abbas", "2008-08-06", "PSEGOV"},
    {"Michel Suleiman", "2008-08-06", "LBNGOV"},
    {"Michel Suleiman", "2007-01-01", "LBNMIL"},
    {"Bashar al-Assad", "2015-06-09", "SYRGOV"},
    {"Mahmoud Ahmadinejad", "2008-08-06", "IRNGOV"},
    {"Nouri al-Maliki", "2008-08-06", "IRQGOV"},
    {"Pervez Musharraf", "2008-08-06", "PAKGOV"},
    {"Pervez Musharraf", "2008-08-19", "PAKELI"},
    {"Hamid Karzai", "2008-08-06", "AFGGOV"},
    {"Mikheil Saakashvili", "2008-08-06", "GEOGOV"},
    {"Robert Mugabe", "2008-08-06", "ZWEGOV"},
    {"Morgan Tsvangirai", "2008-08-06", "ZWEOPP"},
    {"Morgan Tsvangirai", "2010-01-01", "ZWEGOV"},
    {"Omar al-Bashir", "2008-08-06", "SDNGOV"},
    {"Nicolas Sarkozy", "2008-08-06", "FRAGOV"},
    {"Angela Merkel", "2008-08-06", "DEUGOV"},
    {"Gordon Brown", "2008-08-06", "GBRGOV"},
    {"Yasuo Fukuda", "2008-08-06", "JPNGOV"},
    {"Lee Myung-bak", "2008-08-06", "KORGOV"},
    {"Manmohan Singh", "2008-08-06", "INDGOV"},
    {"Condoleezza Rice", "2008-08-06", "USAGOV"},
    {"Robert Gates", "2008-08-06", "USAGOVMIL"},
    {"David Petraeus", "2008-08-06", "USAMIL"},
    {"Ban Ki-moon", "2008-08-06", "IGOUNO"},
    {"Ban Ki-moon", "2005-01-01", "KORGOV"},
    {"Ban Ki-moon", "2018-01-01", "KORELI"},
    {"Volodymyr Zelensky", "2022-03-01", "UKRGOV"},
    {"Taliban", "2008-08-06", "AFGREBTAL"},
    {"Taliban", "2022-01-01", "AFGGOVTAL"},
    /* organisations and groups */
    {"United Nations", NULL, "IGOUNO"},
    {"European Union", NULL, "IGOEUREEC"},
    {"NATO", NULL, "IGOWSTNAT"},
    {"IAEA", NULL, "IGOUNOIAE"},
    {"Interpol", NULL, "IGOCOPITP"},
    {"Hamas", NULL, "PSEREBHMS"},
    {"Hezbollah", NULL, "LBNREBHEZ"},
    {"al-Qaeda", NULL, "IMGMOSALQ"},
    {"ISIL", NULL, "IMGMOSISI"},
    {"Boko Haram", NULL, "NGAREB"},
    {"Xinhua", NULL, "CHNMED"},
    {"KCNA", NULL, "PRKMED"},
    {"Reuters", NULL, "MED"},
};

static void dated_facts(void **state) {
    fixture *f = *state;
    char got[256], report[8192] = "";
    size_t rl = 0;
    int bad = 0;
    for (size_t i = 0; i < sizeof facts / sizeof *facts; i++) {
        codes_of(f->d, facts[i].text, facts[i].date, got, sizeof got);
        if (strcmp(got, facts[i].want)) {
            bad++;
            rl += (size_t)snprintf(report + rl, sizeof report - rl, "  \"%s\" on %s: want %s, got %s\n",
                                   facts[i].text, facts[i].date ? facts[i].date : "(no date)",
                                   facts[i].want, got);
            if (rl > sizeof report - 256) break;
        }
    }
    if (bad) fail_msg("%d facts wrong:\n%s", bad, report);
}

/* Role nouns, with their plurals listed explicitly. */
static void agents(void **state) {
    fixture *f = *state;
    static const struct {
        const char *phrase, *code;
    } want[] = {
        {"president", "GOV"},       {"presidents", "GOV"},     {"foreign minister", "GOV"},
        {"defence minister", "GOVMIL"}, {"troops", "MIL"},     {"soldiers", "MIL"},
        {"navy", "MIL"},            {"police", "COP"},         {"court", "JUD"},
        {"judges", "JUD"},          {"parliament", "LEG"},     {"lawmakers", "LEG"},
        {"rebels", "REB"},          {"insurgents", "REB"},     {"militants", "REB"},
        {"protesters", "OPP"},      {"opposition leader", "OPP"}, {"journalists", "MED"},
        {"students", "EDU"},        {"refugees", "REF"},       {"doctors", "HLH"},
        {"workers", "LAB"},         {"spies", "SPY"},          {"smugglers", "CRM"},
        {"civilians", "CVL"},       {"businessmen", "BUS"},    {"former president", "ELI"},
        {"shiites", "MOSSHI"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
        const dy_agent_entry *e = agent_of(f->d, want[i].phrase);
        if (!e) fail_msg("no agent for \"%s\"", want[i].phrase);
        if (strcmp(e->code, want[i].code))
            fail_msg("agent \"%s\": want %s, got %s", want[i].phrase, want[i].code, e->code);
        assert_int_equal(e->prefix, 0);
    }
    const dy_agent_entry *aid = agent_of(f->d, "aid workers");
    assert_non_null(aid);
    assert_string_equal(aid->code, "NGO");
    assert_int_equal(aid->prefix, 1);
}

/* Every phrase of ours must be written as the tokeniser splits text, or it
 * can never match: "george w . bush", "people 's daily". A phrase is
 * re-tokenised (with " 's" glued back to its word, as text has it) and its
 * norms must be its own words. */
static int check_phrase(const char *file, long line, const char *p, size_t n, char *report,
                        size_t *rl, size_t cap) {
    char text[512], norms[1024];
    size_t tl = 0;
    for (size_t i = 0; i < n && tl + 1 < sizeof text; i++) {
        if (p[i] == ' ' && i + 2 < n && p[i + 1] == '\'' && p[i + 2] == 's' &&
            (i + 3 == n || p[i + 3] == ' '))
            continue; /* "people 's" -> "people's" */
        text[tl++] = p[i];
    }
    text[tl] = 0;
    dy_arena a;
    dy_arena_init(&a, 4096);
    dy_token *tok = NULL;
    size_t k = dy_tokenise(text, 0, tl, &a, &tok), nl = 0;
    norms[0] = 0;
    for (size_t i = 0; i < k && nl + 1 < sizeof norms; i++)
        nl += (size_t)snprintf(norms + nl, sizeof norms - nl, "%s%s", i ? " " : "", tok[i].norm);
    dy_arena_free(&a);
    if (nl == n && !memcmp(norms, p, n)) return 0;
    if (*rl + 256 < cap)
        *rl += (size_t)snprintf(report + *rl, cap - *rl, "  %s:%ld: \"%.*s\" tokenises as \"%s\"\n",
                                file, line, (int)n, p, norms);
    return 1;
}

static int check_file(const char *path, char *report, size_t *rl, size_t cap, int *phrases) {
    FILE *fp = fopen(path, "r");
    if (!fp) fail_msg("cannot open %s", path);
    char line[8192];
    long ln = 0;
    int bad = 0;
    while (fgets(line, sizeof line, fp)) {
        ln++;
        if (strncmp(line, "actor ", 6) && strncmp(line, "capital ", 8) && strncmp(line, "agent ", 6))
            continue;
        char *body = strstr(line, ": ");
        if (!body) continue;
        body += 2;
        body[strcspn(body, "\r\n")] = 0;
        char *hash = strstr(body, " #");
        if (hash) *hash = 0;
        for (char *p = body; *p;) {
            char *sep = strstr(p, " | ");
            size_t n = sep ? (size_t)(sep - p) : strlen(p);
            (*phrases)++;
            bad += check_phrase(path, ln, p, n, report, rl, cap);
            p += n + (sep ? 3 : 0);
        }
    }
    fclose(fp);
    return bad;
}

static void phrases_tokenise_as_written(void **state) {
    (void)state;
    const char *src = getenv("DYAD_SRC");
    if (!src) skip();
    char dir[1024], path[2048], report[8192] = "";
    size_t rl = 0;
    int bad = 0, phrases = 0, files = 0;
    snprintf(dir, sizeof dir, "%s/dict/actors", src);
    DIR *d = opendir(dir);
    if (!d) skip();
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".dyd")) continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        bad += check_file(path, report, &rl, sizeof report, &phrases);
        files++;
    }
    closedir(d);
    snprintf(path, sizeof path, "%s/dict/agents.dyd", src);
    bad += check_file(path, report, &rl, sizeof report, &phrases);
    assert_true(files > 10);
    assert_true(phrases > 5000);
    if (bad) fail_msg("%d of %d phrases cannot match:\n%s", bad, phrases, report);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(loads_clean),
        cmocka_unit_test(every_country_by_name),
        cmocka_unit_test(dated_facts),
        cmocka_unit_test(agents),
        cmocka_unit_test(phrases_tokenise_as_written),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
