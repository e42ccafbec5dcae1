/* PETRARCH loaders on small dictionaries of our own: actors (records,
 * synonyms, restrictions, the date rule, comment rules, quirks), agents
 * (plurals, markers), discards, issues, and both verb formats. */
#include "test_dict_util.h"

static const char actors_txt[] =
    "# a comment line\n"
    "<!-- a one-line comment -->\n"
    "ZEMBLA_  [ZEM]\n"
    "+ZEMBLAN_\n"
    "+ZEMBLANS # trailing comment\n"
    "\n"
    "OLA_BRANN\n"
    "+BRANN_\n"
    "\t[ZEMREB 900101-050101]\n"
    "\t[ZEMGOV >050101]\n"
    "\t[ZEMELI]\n"
    "<!-- a comment\n"
    "   spanning lines\n"
    "   to here --> and the rest of this line is dropped too\n"
    "TIBOR_VASK  [RURGOV <080315][RURELI]\n"
    "ZEMBLA_ [ZEMX]\n"
    "AL MORO\n"
    "KARL_OTT [RURMIL 2004017-20061201]\n"
    "[ZEMGOV]\n"
    "+LONELY_SYNONYM\n"
    "LAST_ONE [RUR]\n";

static void petrarch_actors(void **state) {
    (void)state;
    tdiag t;
    dyad_dict *d = load_text(DY_FMT_PETRARCH_ACTORS, "a.txt", actors_txt, &t);
    assert_non_null(d);
    /* synonyms share the record's codes */
    assert_string_equal(actor_code(d, "zembla", NULL), "ZEM");
    assert_string_equal(actor_code(d, "zemblans", NULL), "ZEM");
    /* PETRARCH-2 date rule: the first code whose restriction holds; '<' strict, ranges exclude the end */
    assert_string_equal(actor_code(d, "ola brann", "1995-06-01"), "ZEMREB");
    assert_string_equal(actor_code(d, "brann", "2005-01-01"), "ZEMGOV");
    assert_string_equal(actor_code(d, "brann", "2004-12-31"), "ZEMREB");
    assert_string_equal(actor_code(d, "ola brann", "1980-01-01"), "ZEMELI");
    assert_string_equal(actor_code(d, "tibor vask", "2008-03-14"), "RURGOV");
    assert_string_equal(actor_code(d, "tibor vask", "2008-03-15"), "RURELI");
    /* the same phrase in two records: lists concatenated in file order */
    dy_dict_tok tk[4];
    size_t n = tokens(d, "zembla", tk);
    dy_actor_hit h;
    assert_int_equal(dy_dict_actor_match(d, tk, n, 0, &h), 1);
    assert_int_equal(h.entry->ncodes, 2);
    assert_string_equal(h.entry->codes[1].code, "ZEMX");
    assert_int_equal(h.entry->codes[1].line, 16);
    assert_string_equal(h.entry->codes[1].file, "a.txt");
    /* quirk: two words and no code block -> the second word is the code (a note) */
    assert_string_equal(actor_code(d, "al", NULL), "MORO");
    ASSERT_DIAG(&t, 17, "note", "second word");
    /* quirk: a 7-digit date stops PETRARCH-2's walk: no code at all */
    assert_string_equal(actor_code(d, "karl ott", "2005-01-01"), "(none)");
    ASSERT_DIAG(&t, 18, "note", "malformed date");
    /* an orphan code line and synonym still belong to the record above (KARL_OTT) */
    /* the last record of the file is stored (PETRARCH-2 drops it; we do not) */
    assert_string_equal(actor_code(d, "last one", NULL), "RUR");
    /* multi-line comment: nothing of it was read */
    assert_string_equal(actor_code(d, "spanning lines", NULL), "(no match)");
    dy_dict_stats s;
    dy_dict_stats_get(d, &s);
    assert_int_equal(s.actor_records, 7);
    assert_int_equal(s.actor_synonyms, 4);
    assert_int_equal(s.actor_restriction_lines, 4);
    assert_int_equal(t.diag.errors, 0);
    dyad_dict_free(d);
}

static void petrarch_actor_errors(void **state) {
    (void)state;
    tdiag t;
    dyad_dict *d = load_text(DY_FMT_PETRARCH_ACTORS, "e.txt",
                             "+ORPHAN\n"
                             "[ZEM]\n"
                             "GOOD_ONE [ZEM]\n"
                             "BAD_BLOCK [ ]\n"
                             "AFTER [RUR]\n",
                             &t);
    assert_non_null(d);
    ASSERT_DIAG(&t, 1, "error", "synonym before any actor");
    ASSERT_DIAG(&t, 2, "error", "code line before any actor");
    ASSERT_DIAG(&t, 4, "error", "empty code block");
    /* a bad line costs nothing else */
    assert_string_equal(actor_code(d, "good one", NULL), "ZEM");
    assert_string_equal(actor_code(d, "after", NULL), "RUR");
    assert_int_equal(t.diag.errors, 3);
    dyad_dict_free(d);
}

static void petrarch_agents(void **state) {
    (void)state;
    tdiag t;
    dyad_dict *d = load_text(DY_FMT_PETRARCH_AGENTS, "g.txt",
                             "!WORKER! = HAND, HANDS, WORKER, WORKERS\n"
                             "FERRY!WORKER! [~LAB]\n"
                             "DEPUTY [~GOV]\n"
                             "ARMY [~MIL]\n"
                             "BOSS [~BUS]\n"
                             "RANGER_CORPS {} [~MIL]\n"
                             "CHIEF_JUSTICE {CHIEFS_JUSTICE} [~JUD]\n"
                             "PEACE_BRIGADE [NGO~]\n"
                             "NO_CODE_HERE\n"
                             "SLOPPY_SCRIBE [~MED}\n",
                             &t);
    assert_non_null(d);
    const dy_agent_entry *a = agent_of(d, "deputies"); /* Y -> IES (PETRARCH: whatever precedes the Y) */
    assert_non_null(a);
    assert_string_equal(a->code, "GOV");
    assert_string_equal(a->text, "~GOV");
    assert_int_equal(a->prefix, 0);
    assert_non_null(agent_of(d, "armies"));  /* Y -> IES */
    assert_non_null(agent_of(d, "bosses"));  /* S -> +ES */
    assert_null(agent_of(d, "ranger corpss")); /* {} : no plural */
    assert_non_null(agent_of(d, "chiefs justice"));
    assert_null(agent_of(d, "chief justices"));
    assert_non_null(agent_of(d, "ferryhands"));
    assert_non_null(agent_of(d, "ferryworker"));
    assert_null(agent_of(d, "ferryworkers s"));
    a = agent_of(d, "peace brigade");
    assert_non_null(a);
    assert_int_equal(a->prefix, 1);
    assert_string_equal(a->code, "NGO");
    ASSERT_DIAG(&t, 9, "note", "without a [code]");
    /* quirk: '}' for ']' -> PETRARCH reads to the last character */
    a = agent_of(d, "sloppy scribe");
    assert_non_null(a);
    assert_string_equal(a->code, "MED");
    ASSERT_DIAG(&t, 10, "note", "no ']'");
    assert_int_equal(t.diag.errors, 0);
    dyad_dict_free(d);
}

static void petrarch_discards_and_issues(void **state) {
    (void)state;
    tdiag t;
    dyad_dict *d = load_text(DY_FMT_PETRARCH_DISCARDS, "d.txt",
                             "+CHESS OLYMPIAD  # whole story\n"
                             "BOX OFFICE\n",
                             &t);
    dy_dict_tok tk[8];
    size_t n = tokens(d, "chess olympiad", tk);
    const dy_discard_entry *de;
    assert_int_equal(dy_dict_discard_match(d, tk, n, 0, &de), 2);
    assert_int_equal(de->story, 1);
    n = tokens(d, "box office", tk);
    assert_int_equal(dy_dict_discard_match(d, tk, n, 0, &de), 2);
    assert_int_equal(de->story, 0);
    dyad_dict_free(d);

    d = load_text(DY_FMT_PETRARCH_ISSUES, "i.txt",
                  "<ISSUE CATEGORY=\"FARMING\" TYPE=\"ALL\">\n"
                  "n:harvest [CROPS]\n"
                  "v:irrigate [WATER]\n"
                  "grain+silo [CROPS]\n"
                  "~a bumper crop\n"
                  "~~county fair\n"
                  "bad code [ ]\n",
                  &t);
    const dy_issue_entry *ie;
    n = tokens(d, "harvests", tk);
    assert_int_equal(dy_dict_issue_match(d, tk, n, 0, &ie), 1);
    assert_string_equal(ie->code, "CROPS");
    n = tokens(d, "irrigating", tk);
    assert_int_equal(dy_dict_issue_match(d, tk, n, 0, &ie), 1);
    n = tokens(d, "irrigated", tk);
    assert_int_equal(dy_dict_issue_match(d, tk, n, 0, &ie), 1);
    n = tokens(d, "grain-silo", tk);
    assert_int_equal(dy_dict_issue_match(d, tk, n, 0, &ie), 1);
    n = tokens(d, "grain silo", tk);
    assert_int_equal(dy_dict_issue_match(d, tk, n, 0, &ie), 2);
    n = tokens(d, "county fair", tk);
    assert_int_equal(dy_dict_issue_match(d, tk, n, 0, &ie), 2);
    assert_int_equal(ie->kind, DY_ISSUE_IGNORE_STORY);
    ASSERT_DIAG(&t, 7, "error", "empty issue code");
    dy_dict_stats s;
    dy_dict_stats_get(d, &s);
    assert_int_equal(s.issues, 3);
    assert_int_equal(s.issue_ignores, 2);
    assert_int_equal(s.issue_codes, 2);
    dyad_dict_free(d);
}

static const char verbs2_txt[] =
    "####### SYNONYM SETS #######\n"
    "&TOOL\n"
    "+HAMMER\n"
    "+WRENCH_\n"
    "+POWER_DRILL\n"
    "####### VERB PATTERNS #######\n"
    "---  LEND   [070]  ---\n"
    "LEND {LENDS LENT LENDING}\n"
    "LOAN\n"
    "+HAND_OVER [073]\n"
    "- * &TOOL (TO)                    [074]  # ours\n"
    "- * {BIG BARGE} (TO ^)            [075:076]\n"
    "- &TOOL *                          [---]\n"
    "- * $ GOLD                         [071]\n"
    "---  PONDER  [---]  ---\n"
    "MUSE\n"
    "- * (ON)                           [:012]\n"
    "- * (ABOUT)\n"
    "- PONDER WITHOUT STAR              [010]\n"
    "BAD_VERB\n"
    "~ a (a b LEND) MUSE = a b 012\n"
    "<!-- from here on PETRARCH-2 ignores patterns -->\n"
    "- * (LATER)                        [013]\n";

static void petrarch2_verbs(void **state) {
    (void)state;
    tdiag t;
    dyad_dict *d = load_text(DY_FMT_PETRARCH2_VERBS, "v.txt", verbs2_txt, &t);
    assert_non_null(d);
    assert_int_equal(dy_dict_family(d), DY_FAM_PETRARCH2);
    /* listed forms, generated forms (no doubling), multi-word '+' verbs with their own code */
    assert_non_null(verb_of(d, "lent"));
    assert_non_null(verb_of(d, "loaned"));
    assert_non_null(verb_of(d, "loaning"));
    assert_non_null(verb_of(d, "loans"));
    assert_null(verb_of(d, "lended"));
    const dy_verb_form *f = verb_of(d, "hand over");
    assert_non_null(f);
    assert_string_equal(f->code.text, "073");
    assert_int_equal(f->own_code, 1);
    assert_int_equal(f->verb_word, 0);
    assert_non_null(verb_of(d, "handed over"));
    f = verb_of(d, "muses");
    assert_non_null(f);
    assert_string_equal(f->block->name, "PONDER");
    assert_int_equal(f->code.flags & DY_CODE_NULL, DY_CODE_NULL);
    /* patterns: phrase structures, file order, codes */
    const dy_verb_block *b = block_named(d, "LEND");
    assert_non_null(b);
    assert_int_equal(b->npatterns, 4);
    const dy_pattern *p = &b->patterns[0];
    assert_int_equal(p->flags & DY_PAT_PHRASE, DY_PAT_PHRASE);
    assert_int_equal(p->pre.n, 0);
    assert_int_equal(p->post.n, 2);
    assert_int_equal(p->post.elems[0].kind, DY_PE_SYNSET);
    assert_non_null(p->post.elems[0].synset);
    assert_int_equal(p->post.elems[1].kind, DY_PE_PP);
    assert_string_equal(p->post.elems[1].text, "to");
    assert_string_equal(p->code.active, "074");
    p = &b->patterns[1];
    assert_int_equal(p->post.elems[0].kind, DY_PE_NP);
    assert_int_equal(p->post.elems[0].sub.n, 2);
    assert_int_equal(p->post.elems[1].sub.elems[0].kind, DY_PE_SKIP);
    assert_string_equal(p->code.active, "075");
    assert_string_equal(p->code.passive, "076");
    assert_int_equal(b->patterns[2].pre.n, 1);
    assert_int_equal(b->patterns[2].code.flags & DY_CODE_NULL, DY_CODE_NULL);
    /* legacy '$' token: stored, dead in PETRARCH-2 */
    assert_int_equal(b->patterns[3].flags & DY_PAT_DEAD, DY_PAT_DEAD);
    b = block_named(d, "PONDER");
    assert_int_equal(b->npatterns, 1);
    assert_string_equal(b->patterns[0].code.passive, "012");
    assert_string_equal(b->patterns[0].code.active, "");
    /* synset members: plural added unless '_'; multi-word -> one noun phrase */
    const dy_synset *s = dy_dict_synset(d, "&TOOL");
    assert_non_null(s);
    assert_int_equal(s->nmembers, 4); /* hammer, hammers, wrench, {power drill} */
    assert_int_equal(s->members[3].elems[0].kind, DY_PE_NP);
    /* errors, each on its own line, the rest loaded */
    ASSERT_DIAG(&t, 18, "error", "without a [code]");
    ASSERT_DIAG(&t, 19, "error", "missing verb marker");
    ASSERT_DIAG(&t, 20, "error", "without '+'");
    /* transformation kept, parsed */
    assert_int_equal(dy_dict_transform_count(d), 1);
    assert_string_equal(dy_dict_transform(d, 0)->out_code, "012");
    dy_dict_stats st;
    dy_dict_stats_get(d, &st);
    assert_int_equal(st.patterns_ignored, 1); /* after '<!' */
    assert_int_equal(t.diag.errors, 3);
    dyad_dict_free(d);
}

static void petrarch1_verbs(void **state) {
    (void)state;
    tdiag t;
    dyad_dict *d = load_text(DY_FMT_PETRARCH1_VERBS, "p1.txt",
                             "<!-- PETRARCH-1 reads patterns after comments -->\n"
                             "---  GREET  [040]  ---\n"
                             "GREET\n"
                             "- $ WARMLY * +                [041]\n"
                             "- + WAS_* BY_ $ &HOST         [042:043]\n"
                             "- { A | B } *                 [044]\n"
                             "- * [###]  # a discard with a comment\n"
                             "&HOST\n"
                             "+HOST_NATION\n"
                             "+CITY\n",
                             &t);
    assert_non_null(d);
    assert_int_equal(dy_dict_family(d), DY_FAM_PETRARCH1);
    const dy_verb_block *b = block_named(d, "GREET");
    assert_non_null(b);
    /* longest first (TABARI length): "+ WAS_* BY_ $ &HOST" > "$ WARMLY * +" > "*" */
    assert_int_equal(b->npatterns, 3);
    const dy_pattern *p = &b->patterns[0];
    assert_string_equal(p->code.text, "042:043");
    assert_int_equal(p->pre.n, 2);
    assert_int_equal(p->pre.elems[0].kind, DY_PE_TARGET);
    assert_int_equal(p->pre.elems[1].join_next, 1); /* WAS_* */
    assert_int_equal(p->post.elems[0].join_next, 0); /* BY_ then a blank */
    assert_int_equal(p->post.elems[1].kind, DY_PE_SOURCE);
    assert_int_equal(p->post.elems[2].kind, DY_PE_SYNSET);
    assert_non_null(p->post.elems[2].synset); /* defined after use: fine */
    assert_int_equal(b->patterns[2].code.flags & DY_CODE_DISCARD, DY_CODE_DISCARD);
    /* PETRARCH-1 skips { | } patterns (a note) */
    ASSERT_DIAG(&t, 6, "note", "alternatives");
    assert_int_equal(t.diag.errors, 0);
    dyad_dict_free(d);
}

/* The peers' files' known quirks: each is read the way PETRARCH-2 reads it,
 * with a note, never an error. */
static void petrarch_quirks(void **state) {
    (void)state;
    tdiag t;
    dyad_dict *d = load_text(DY_FMT_PETRARCH_ACTORS, "q.txt",
                             "VASK_TIBOR [RURGOV 19990101]\n"
                             "OTT_KARL [RURGOV 20100101-20090101] [RUR]\n"
                             "SEPT_NOVA\t[RUR] Free text in a third column\t$12$\n"
                             "LOM_VERA [RUR] ; an old-style comment\n"
                             "OLD_ZEMBLA\n"
                             "\t[ZEMOCC 1920030320-20060520]\n"
                             "\t[ZEM >20060520]\n",
                             &t);
    ASSERT_DIAG(&t, 6, "note", "more than 8 digits");
    assert_string_equal(actor_code(d, "old zembla", "1950-01-01"), "ZEMOCC"); /* from 1920-03-03 */
    assert_string_equal(actor_code(d, "old zembla", "2014-09-16"), "ZEM");    /* the walk goes on */
    ASSERT_DIAG(&t, 1, "note", "single date");
    assert_string_equal(actor_code(d, "vask tibor", "2020-01-01"), "(none)");
    ASSERT_DIAG(&t, 2, "note", "empty date range");
    assert_string_equal(actor_code(d, "ott karl", "2009-06-01"), "RUR");
    ASSERT_DIAG(&t, 3, "note", "text after the code blocks ignored");
    assert_string_equal(actor_code(d, "sept nova", NULL), "RUR");
    assert_string_equal(actor_code(d, "lom vera", NULL), "RUR");
    assert_int_equal(t.diag.errors, 0);
    dyad_dict_free(d);

    d = load_text(DY_FMT_PETRARCH2_VERBS, "q.txt",
                  "####### VERB PATTERNS #######\n"
                  "---  SNUB   [110]---  ---\n"
                  "SNUB\n"
                  "- * GUEST (AT ^)  ^)[111]\n"
                  "- * HOST (WITH VISIT)[112:113]\n"
                  "- SPY_*_DEAL  [---]\n"
                  "- * (TO/FOR PROTEST)  [114]\n"
                  "---  BRUSH OFF  [115] ---\n"
                  "BRUSH\n"
                  "---  SEND   ###\n"
                  "SEND\n",
                  &t);
    assert_non_null(d);
    ASSERT_DIAG(&t, 2, "note", "no blank after the block code");
    const dy_verb_block *b = block_named(d, "SNUB");
    assert_non_null(b);
    assert_string_equal(b->code.text, "110");
    assert_int_equal(b->npatterns, 3);
    ASSERT_DIAG(&t, 4, "note", "glued");
    assert_string_equal(b->patterns[0].code.text, "111");
    assert_string_equal(b->patterns[1].code.text, "112:113");
    assert_int_equal(b->patterns[1].post.elems[1].kind, DY_PE_PP);
    ASSERT_DIAG(&t, 6, "note", "'*' glued to words");
    assert_int_equal(b->patterns[2].flags & DY_PAT_DEAD, DY_PAT_DEAD); /* (TO/FOR ...) */
    ASSERT_DIAG(&t, 8, "note", "several words");
    assert_non_null(block_named(d, "BRUSH OFF"));
    assert_string_equal(verb_of(d, "brushed")->code.text, "115");
    ASSERT_DIAG(&t, 10, "note", "without brackets");
    assert_int_equal(verb_of(d, "sends")->code.flags & DY_CODE_DISCARD, DY_CODE_DISCARD);
    assert_int_equal(t.diag.errors, 0);
    dyad_dict_free(d);
}

static void family_detection(void **state) {
    (void)state;
    assert_int_equal(dy_dict_detect("x/Phoenix.agents.txt", "", 0), DY_FMT_PETRARCH_AGENTS);
    assert_int_equal(dy_dict_detect("Foo.actors.txt", "", 0), DY_FMT_PETRARCH_ACTORS);
    assert_int_equal(dy_dict_detect("Foo.actors", "", 0), DY_FMT_TABARI_ACTORS);
    assert_int_equal(dy_dict_detect("a.project", "", 0), DY_FMT_TABARI_PROJECT);
    assert_int_equal(dy_dict_detect("c.ini", "", 0), DY_FMT_PETRARCH_CONFIG);
    assert_int_equal(dy_dict_detect("m.dyd", "", 0), DY_FMT_NATIVE);
    assert_int_equal(dy_dict_detect("verbs.txt", verbs2_txt, strlen(verbs2_txt)), DY_FMT_PETRARCH2_VERBS);
    const char *p1 = "--- A [010] ---\nA\n- $ * +  [011]\n";
    assert_int_equal(dy_dict_detect("verbs.txt", p1, strlen(p1)), DY_FMT_PETRARCH1_VERBS);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(petrarch_actors),
        cmocka_unit_test(petrarch_actor_errors),
        cmocka_unit_test(petrarch_agents),
        cmocka_unit_test(petrarch_discards_and_issues),
        cmocka_unit_test(petrarch2_verbs),
        cmocka_unit_test(petrarch1_verbs),
        cmocka_unit_test(petrarch_quirks),
        cmocka_unit_test(family_detection),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
