/* The native format: every construct, every error kind, includes (and their
 * cycles), the date rule, and convert -> load round trips. */
#include "test_dict_util.h"

#include <sys/stat.h>
#include <unistd.h>

static const char native[] =
    "format 1\n"
    "# our own test dictionary\n"
    "actor ZEM: zembla | zemblan | zemblans   # a comment after whitespace\n"
    "actor ZEMGOV @2010-01-01..2014-12-31: ola brann\n"
    "actor ZEMELI @2015-01-01..: ola brann\n"
    "actor ZEMREB: ola brann\n"
    "actor ZEMMIL @2012-01-01..2012-12-31: ola brann\n"
    "capital ZEM: ostrograd\n"
    "actor RUR @..1999-12-31: old ruritania\n"
    "actor HYD/SER: hydra and serpent\n"
    "agent GOV: minister | ministers | foreign minister\n"
    "agent NGO~: relief group\n"
    "agent ~MIL: general\n"
    "synset &FRUIT: apple | apples | pear_ tree\n"
    "verb LEND 070: lend | lends | lent | {hand} over | neg~\n"
    "verb LEND 073: loan\n"
    "pattern 074: * &fruit to_ +\n"
    "pattern 075:076: $ * { big | huge } barge\n"
    "npattern 077?: * {big barge} (to ^)\n"
    "pattern: in_ *\n"
    "discard sentence: box office\n"
    "discard story: chess olympiad\n"
    "issue CROPS: harvest | harvests\n"
    "issue ignore: county fair\n"
    "issue ignore-story: state fair\n"
    "actor ###: sports page   # the discard code is no comment; this is\n";

static void native_constructs(void **state) {
    (void)state;
    tdiag t;
    dyad_dict *d = load_text(DY_FMT_NATIVE, "n.dyd", native, &t);
    assert_non_null(d);
    if (t.diag.errors) fail_msg("%s", t.log);
    assert_string_equal(actor_code(d, "zemblans", NULL), "ZEM");
    /* dated codes that hold win; several may hold at once; the undated one is the fallback */
    dy_dict_tok tk[8];
    size_t n = tokens(d, "ola brann", tk);
    dy_actor_hit h;
    assert_int_equal(dy_dict_actor_match(d, tk, n, 0, &h), 2);
    const dy_actor_code *out[4];
    assert_int_equal(dy_dict_actor_codes_on(h.entry, dy_day_parse("2012-06-01", 10), DY_DATE_RULE_DEFAULT, out, 4), 2);
    assert_string_equal(out[0]->code, "ZEMGOV");
    assert_string_equal(out[1]->code, "ZEMMIL");
    assert_int_equal(out[0]->line, 4);
    assert_string_equal(actor_code(d, "ola brann", "2014-12-31"), "ZEMGOV");
    assert_string_equal(actor_code(d, "ola brann", "2015-01-01"), "ZEMELI");
    assert_string_equal(actor_code(d, "ola brann", "2009-12-31"), "ZEMREB");
    /* no date: the undated codes */
    assert_string_equal(actor_code(d, "ola brann", NULL), "ZEMREB");
    /* open ranges; no date and only dated codes: the most recent */
    assert_string_equal(actor_code(d, "old ruritania", "1999-12-31"), "RUR");
    assert_string_equal(actor_code(d, "old ruritania", "2000-01-01"), "(none)");
    assert_string_equal(actor_code(d, "old ruritania", NULL), "RUR");
    n = tokens(d, "ostrograd", tk);
    assert_int_equal(dy_dict_actor_match(d, tk, n, 0, &h), 1);
    assert_int_equal(h.entry->codes[0].flags & DY_ACODE_CAPITAL, DY_ACODE_CAPITAL);
    n = tokens(d, "sports page", tk);
    assert_int_equal(dy_dict_actor_match(d, tk, n, 0, &h), 2);
    assert_int_equal(h.entry->codes[0].flags & DY_ACODE_DISCARD, DY_ACODE_DISCARD);
    /* agents */
    assert_string_equal(agent_of(d, "foreign minister")->code, "GOV");
    assert_int_equal(agent_of(d, "relief group")->prefix, 1);
    assert_string_equal(agent_of(d, "general")->text, "~MIL");
    /* verbs: one block, a second line with its own code, a braced verb word, a stem */
    const dy_verb_form *f = verb_of(d, "handed over");
    assert_null(f);
    f = verb_of(d, "hand over");
    assert_non_null(f);
    assert_int_equal(f->verb_word, 0);
    f = verb_of(d, "loan");
    assert_non_null(f);
    assert_string_equal(f->code.text, "073");
    assert_int_equal(f->own_code, 1);
    assert_string_equal(f->block->name, "LEND");
    assert_non_null(verb_of(d, "negotiated"));
    const dy_verb_block *b = block_named(d, "LEND");
    assert_int_equal(dy_dict_verb_block_count(d), 1);
    assert_int_equal(b->npatterns, 4);
    /* native word patterns: longest first; a pattern without a code takes the block's */
    const dy_pattern *p = &b->patterns[b->npatterns - 1];
    assert_string_equal(p->code.text, "070");
    assert_int_equal(p->pre.elems[0].join_next, 1);
    for (uint32_t i = 0; i < b->npatterns; i++) {
        p = &b->patterns[i];
        if (!strcmp(p->code.text, "074")) {
            assert_non_null(p->post.elems[0].synset);
            assert_int_equal(p->post.elems[1].join_next, 1);
            assert_int_equal(p->post.elems[2].kind, DY_PE_TARGET);
        }
        if (!strcmp(p->code.text, "075:076")) assert_int_equal(p->post.elems[0].kind, DY_PE_ALT);
        if (p->flags & DY_PAT_PHRASE) {
            assert_int_equal(p->code.flags & DY_CODE_SUBORDINATE, DY_CODE_SUBORDINATE);
            assert_int_equal(p->post.elems[1].kind, DY_PE_PP);
        }
    }
    /* discards, issues */
    const dy_discard_entry *de;
    n = tokens(d, "chess olympiad", tk);
    assert_int_equal(dy_dict_discard_match(d, tk, n, 0, &de), 2);
    assert_int_equal(de->story, 1);
    const dy_issue_entry *ie;
    n = tokens(d, "state fair", tk);
    assert_int_equal(dy_dict_issue_match(d, tk, n, 0, &ie), 2);
    assert_int_equal(ie->kind, DY_ISSUE_IGNORE_STORY);
    n = tokens(d, "harvests", tk);
    assert_int_equal(dy_dict_issue_match(d, tk, n, 0, &ie), 1);
    assert_string_equal(ie->code, "CROPS");
    dyad_dict_free(d);
}

static void native_errors(void **state) {
    (void)state;
    tdiag t;
    dyad_dict *d = load_text(DY_FMT_NATIVE, "bad.dyd",
                             "format 2\n"
                             "actor ZEM zembla\n"
                             "actor Z!M: zembla\n"
                             "actor ZEM @2010-13-01..: zembla\n"
                             "actor ZEM @2012-01-01..2011-01-01: zembla\n"
                             "actor ZEM: zembla | | zemblan\n"
                             "pattern 010: * too early\n"
                             "verb LEND 0?9: lend\n"
                             "verb LEND 070: {lend} {out}\n"
                             "pattern 071: no verb marker\n"
                             "pattern 072: * * twice\n"
                             "synset FRUIT: apple\n"
                             "discard chapter: x\n"
                             "issue b@d: x\n"
                             "wibble ZEM: zembla\n"
                             "agent ~: nobody\n"
                             "include nope.dyd\n"
                             "include \"nope.dyd\"\n"
                             "actor RUR: ruritania\n",
                             &t);
    assert_non_null(d);
    ASSERT_DIAG(&t, 1, "error", "unsupported format version");
    ASSERT_DIAG(&t, 2, "error", "expected 'keyword head: phrases'");
    ASSERT_DIAG(&t, 3, "error", "bad actor code");
    ASSERT_DIAG(&t, 4, "error", "bad date range");
    ASSERT_DIAG(&t, 5, "error", "ends before it starts");
    ASSERT_DIAG(&t, 6, "error", "empty phrase");
    ASSERT_DIAG(&t, 7, "error", "pattern before any verb block");
    ASSERT_DIAG(&t, 8, "error", "bad event code");
    ASSERT_DIAG(&t, 9, "error", "two verb words");
    ASSERT_DIAG(&t, 10, "error", "missing verb marker");
    ASSERT_DIAG(&t, 11, "error", "more than one verb marker");
    ASSERT_DIAG(&t, 12, "error", "starts with '&'");
    ASSERT_DIAG(&t, 13, "error", "'sentence' or 'story'");
    ASSERT_DIAG(&t, 14, "error", "bad issue code");
    ASSERT_DIAG(&t, 15, "error", "unknown keyword");
    ASSERT_DIAG(&t, 16, "error", "bad agent code");
    ASSERT_DIAG(&t, 17, "error", "quoted path");
    ASSERT_DIAG(&t, 18, "error", "loading from memory");
    /* every good line still loaded */
    assert_string_equal(actor_code(d, "zemblan", NULL), "ZEM");
    assert_string_equal(actor_code(d, "ruritania", NULL), "RUR");
    assert_int_equal(t.diag.errors, 18);
    dyad_dict_free(d);
}

/* Bytes that are not text, and codes no event could carry. */
static void native_hostile_lines(void **state) {
    (void)state;
    static const char text[] = "actor ZEM: zem\xff" "bla\n"
                               "actor RUR: ruri\0tania\n"
                               "verb MEET [12345678]: met\n"
                               "actor ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJX: long\n"
                               "actor OST: ostrov\n";
    tdiag t;
    tdiag_init(&t);
    dyad_dict *d = dy_dict_load_memory(DY_FMT_NATIVE, "h.dyd", text, sizeof text - 1, &t.diag);
    assert_non_null(d);
    ASSERT_DIAG(&t, 1, "error", "invalid UTF-8 at column 15");
    ASSERT_DIAG(&t, 2, "error", "NUL byte at column 16");
    ASSERT_DIAG(&t, 3, "error", "bad event code");
    ASSERT_DIAG(&t, 4, "error", "bad actor code");
    assert_string_equal(actor_code(d, "ostrov", NULL), "OST");
    assert_int_equal(t.diag.errors, 4);
    dyad_dict_free(d);
    /* a spreadsheet export named like a dictionary is not read as one */
    const char *tsv = "a\tb\tc\td\te\tf\n1\t2\t3\t4\t5\t6\n1\t2\t3\t4\t5\t6\n";
    assert_int_equal(dy_dict_detect("discards.txt", tsv, strlen(tsv)), DY_FMT_AUTO);
}

static char tmpdir[256];

static void write_file(const char *name, const char *text) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void native_includes(void **state) {
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dyad-dict-test-XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    char sub[512];
    snprintf(sub, sizeof sub, "%s/more", tmpdir);
    assert_int_equal(mkdir(sub, 0700), 0);
    write_file("main.dyd", "include \"more/a.dyd\"\ninclude \"missing.dyd\"\nactor ZEM: zembla\n");
    write_file("more/a.dyd", "actor RUR: ruritania\ninclude \"b.dyd\"\n");
    write_file("more/b.dyd", "include \"a.dyd\"\nactor OST: ostrov\n");
    char path[512];
    snprintf(path, sizeof path, "%s/main.dyd", tmpdir);
    tdiag t;
    tdiag_init(&t);
    dyad_dict *d = dyad_dict_load(path, &t.diag);
    assert_non_null(d);
    assert_string_equal(actor_code(d, "zembla", NULL), "ZEM");
    assert_string_equal(actor_code(d, "ruritania", NULL), "RUR");
    assert_string_equal(actor_code(d, "ostrov", NULL), "OST");
    ASSERT_DIAG(&t, 2, "error", "cannot read dictionary file");
    ASSERT_DIAG(&t, 1, "error", "include cycle");
    assert_int_equal(t.diag.errors, 2);
    assert_int_equal(dy_dict_file_count(d), 3);
    dyad_dict_free(d);
    /* SPEC that cannot be opened at all: NULL */
    tdiag_init(&t);
    snprintf(path, sizeof path, "%s/none.dyd", tmpdir);
    assert_null(dyad_dict_load(path, &t.diag));
    assert_int_equal(t.diag.errors, 1);
}

static void native_round_trip(void **state) {
    (void)state;
    tdiag t;
    dyad_dict *d = load_text(DY_FMT_NATIVE, "n.dyd", native, &t);
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_int_equal(dy_dict_write_native(d, f), 0);
    fclose(f);
    tdiag t2;
    dyad_dict *e = load_text(DY_FMT_NATIVE, "out.dyd", buf, &t2);
    if (t2.diag.errors) fail_msg("%s\n%s", t2.log, buf);
    dy_dict_stats a, b;
    dy_dict_stats_get(d, &a);
    dy_dict_stats_get(e, &b);
    assert_int_equal(a.actor_phrases, b.actor_phrases);
    assert_int_equal(a.actor_codes, b.actor_codes);
    assert_int_equal(a.agent_phrases, b.agent_phrases);
    assert_int_equal(a.verb_forms, b.verb_forms);
    assert_int_equal(a.patterns, b.patterns);
    assert_int_equal(a.synset_members, b.synset_members);
    assert_string_equal(actor_code(e, "ola brann", "2012-06-01"), "ZEMGOV");
    assert_string_equal(verb_of(e, "loan")->code.text, "073");
    free(buf);
    dyad_dict_free(d);
    dyad_dict_free(e);
}

/* The binary cache holds exactly what was compiled; damaged caches are refused. */
static void binary_cache(void **state) {
    (void)state;
    tdiag t;
    dyad_dict *d = load_text(DY_FMT_NATIVE, "n.dyd", native, &t);
    char path[] = "/tmp/dyad-dict-cache-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    assert_int_equal(dy_dict_cache_write(d, path), 0);
    tdiag t2;
    tdiag_init(&t2);
    dyad_dict *e = dy_dict_cache_load(path, &t2.diag);
    if (!e) fail_msg("%s", t2.log);
    dy_dict_stats a, b;
    dy_dict_stats_get(d, &a);
    dy_dict_stats_get(e, &b);
    assert_int_equal(a.actor_phrases, b.actor_phrases);
    assert_int_equal(a.patterns, b.patterns);
    assert_int_equal(a.words, b.words);
    assert_string_equal(actor_code(e, "ola brann", "2012-06-01"), "ZEMGOV");
    assert_string_equal(verb_of(e, "loan")->code.text, "073");
    assert_string_equal(verb_of(e, "loan")->block->name, "LEND");
    assert_non_null(verb_of(e, "negotiated"));
    const dy_verb_block *bl = block_named(e, "LEND");
    assert_int_equal(bl->npatterns, 4);
    assert_non_null(dy_dict_synset(e, "&FRUIT"));
    /* the two write the same native text */
    char *x = NULL, *y = NULL;
    size_t xn = 0, yn = 0;
    FILE *fx = open_memstream(&x, &xn), *fy = open_memstream(&y, &yn);
    dy_dict_write_native(d, fx);
    dy_dict_write_native(e, fy);
    fclose(fx);
    fclose(fy);
    assert_string_equal(x, y);
    free(x);
    free(y);
    dyad_dict_free(e);
    dyad_dict_free(d);
    /* damaged: truncated, then not a cache at all */
    assert_int_equal(truncate(path, 100), 0);
    tdiag_init(&t2);
    assert_null(dy_dict_cache_load(path, &t2.diag));
    assert_int_equal(t2.diag.errors, 1);
    FILE *f = fopen(path, "w");
    for (int i = 0; i < 100; i++) fputs("actor ZEM: zembla\n", f);
    fclose(f);
    tdiag_init(&t2);
    assert_null(dy_dict_cache_load(path, &t2.diag));
    ASSERT_DIAG(&t2, 0, "error", "not a dyad dictionary cache");
    unlink(path);
}

static void dates(void **state) {
    (void)state;
    assert_int_equal(dy_day_from_ymd(1970, 1, 1), 0);
    assert_int_equal(dy_day_parse("2025-09-03", 10), dy_day_parse("20250903", 8));
    assert_int_equal(dy_day_parse("2025-02-29", 10), DY_DAY_NONE);
    assert_int_equal(dy_day_parse("2024-02-29", 10) + 1, dy_day_parse("2024-03-01", 10));
    char out[11];
    dy_day_format(dy_day_parse("1999-12-31", 10), out);
    assert_string_equal(out, "1999-12-31");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(native_constructs),
        cmocka_unit_test(native_errors),
        cmocka_unit_test(native_hostile_lines),
        cmocka_unit_test(native_includes),
        cmocka_unit_test(native_round_trip),
        cmocka_unit_test(binary_cache),
        cmocka_unit_test(dates),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
