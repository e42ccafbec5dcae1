/* TABARI loaders on small dictionaries of our own: stems, '_' and '='
 * endings, blank gaps, inclusive dates with the default as fallback, nouns
 * and adjectives, agents, verb roots with irregular forms, synsets,
 * alternatives, longest-first pattern order, and .options commands. */
#include "test_dict_util.h"

static const char actors[] =
    "<NOUN>\n"
    "TRACTOR_\n"
    "</NOUN>\n"
    "<ADJECTIVE>\n"
    "GLOOMY\n"
    "</ADJECTIVE>\n"
    "ZEMBL  [ZEM] ; a stem: Zembla, Zemblan, Zemblans\n"
    "OSTROV_  [OST]\n"
    "MARSH=  [MRS]\n"
    "RED_HARBOUR_  [RHB]\n"
    "RED HILL_  [RHL]\n"
    "UNIT-NINE_  [UNN]\n"
    "IGOR_PETRAK_  [PTK <990101] [PTKGOV 990101-041231] [PTKELI]\n"
    "VERA_LOM_ ; synonyms and code lines on their own\n"
    "+LOM_\n"
    "\t[LOMREB < 000630]\n"
    "\t[LOMGOV 000701 - 030231]\n"
    "\t[LOM]\n"
    "HYDRA_  [HYD/SER]\n"
    "FOGGY_  [---]\n"
    "NO_CODE_AT_ALL\n"
    "BAD_DATE_  [ 990101-000101]\n"
    "~~FINISH\n"
    "AFTER_FINISH_ [XXX]\n";

static void tabari_actors(void **state) {
    (void)state;
    tdiag t;
    dyad_dict *d = load_text(DY_FMT_TABARI_ACTORS, "t.actors", actors, &t);
    assert_non_null(d);
    assert_int_equal(dy_dict_family(d), DY_FAM_TABARI);
    /* stems */
    assert_string_equal(actor_code(d, "zemblans", NULL), "ZEM");
    assert_string_equal(actor_code(d, "zembl", NULL), "ZEM");
    /* '_': whole word plus regular noun endings; '=': whole word only */
    assert_string_equal(actor_code(d, "ostrov", NULL), "OST");
    assert_string_equal(actor_code(d, "ostrovs", NULL), "OST");
    assert_string_equal(actor_code(d, "ostrovian", NULL), "(no match)");
    assert_string_equal(actor_code(d, "marsh", NULL), "MRS");
    assert_string_equal(actor_code(d, "marshes", NULL), "(no match)");
    /* '_' joins adjacent words; a blank lets other words come between */
    assert_string_equal(actor_code(d, "red harbour", NULL), "RHB");
    assert_string_equal(actor_code(d, "red old harbour", NULL), "(no match)");
    assert_string_equal(actor_code(d, "red old hill", NULL), "RHL");
    /* '-' is '_' */
    assert_string_equal(actor_code(d, "unit nine", NULL), "UNN");
    /* TABARI dates: inclusive; the undated default only when no dated code holds */
    assert_string_equal(actor_code(d, "igor petrak", "1998-12-31"), "PTK");
    assert_string_equal(actor_code(d, "igor petrak", "1999-01-01"), "PTK"); /* both hold: the first */
    assert_string_equal(actor_code(d, "igor petrak", "1999-01-02"), "PTKGOV");
    assert_string_equal(actor_code(d, "igor petrak", "2004-12-31"), "PTKGOV");
    assert_string_equal(actor_code(d, "igor petrak", "2005-01-01"), "PTKELI");
    assert_string_equal(actor_code(d, "lom", "2000-06-30"), "LOMREB");
    assert_string_equal(actor_code(d, "lom", "2000-07-01"), "LOMGOV");
    /* a range closed by a day the month does not have (TABARI compares numbers) */
    assert_string_equal(actor_code(d, "vera lom", "2003-02-28"), "LOMGOV");
    assert_string_equal(actor_code(d, "vera lom", "2003-03-01"), "LOM");
    /* special codes kept as written, with flags */
    dy_dict_tok tk[4];
    size_t n = tokens(d, "hydra", tk);
    dy_actor_hit h;
    assert_int_equal(dy_dict_actor_match(d, tk, n, 0, &h), 1);
    assert_int_equal(h.entry->codes[0].flags & DY_ACODE_COMPOUND, DY_ACODE_COMPOUND);
    n = tokens(d, "foggy", tk);
    assert_int_equal(dy_dict_actor_match(d, tk, n, 0, &h), 1);
    assert_int_equal(h.entry->codes[0].flags & DY_ACODE_NULL, DY_ACODE_NULL);
    /* nouns and adjectives */
    const dy_class_entry *ce;
    n = tokens(d, "tractors", tk);
    assert_int_equal(dy_dict_class_match(d, DY_CLASS_NOUN, tk, n, 0, &ce), 1);
    n = tokens(d, "gloomy", tk);
    assert_int_equal(dy_dict_class_match(d, DY_CLASS_ADJECTIVE, tk, n, 0, &ce), 1);
    /* errors */
    ASSERT_DIAG(&t, 21, "error", "without a code");
    ASSERT_DIAG(&t, 22, "error", "no code in [...]");
    /* nothing after ~~FINISH */
    assert_string_equal(actor_code(d, "after finish", NULL), "(no match)");
    assert_int_equal(t.diag.errors, 2);
    dyad_dict_free(d);
}

static void tabari_agents(void **state) {
    (void)state;
    tdiag t;
    dyad_dict *d = load_text(DY_FMT_TABARI_AGENTS, "t.agents",
                             "ADMIRAL_  [~MIL] ;ours\n"
                             "RELIEF_WORKER_  [NGO~]\n"
                             "LOOSE_CANNON  [OOPS]\n"
                             "ADMIRAL_  [~NAV]\n",
                             &t);
    const dy_agent_entry *a = agent_of(d, "admirals");
    assert_non_null(a);
    assert_string_equal(a->code, "MIL");
    assert_int_equal(a->prefix, 0);
    a = agent_of(d, "relief workers");
    assert_non_null(a);
    assert_int_equal(a->prefix, 1);
    assert_string_equal(a->code, "NGO");
    ASSERT_DIAG(&t, 3, "error", "'~'");
    ASSERT_DIAG(&t, 4, "note", "duplicate agent");
    dyad_dict_free(d);
}

static const char verbs[] =
    "<SYNSETS>\n"
    "&FRUIT\n"
    "+APPLE\n"
    "+PEAR_\n"
    "&BASKET\n"
    "+&FRUIT_BASKET\n"
    "</SYNSETS>\n"
    "<TIME>\n"
    "FORTNIGHT_AGO [-14]\n"
    "</TIME>\n"
    "PLANT  [---]\n"
    "- * TREES  [080]\n"
    "- * &FRUIT ORCHARD  [081]\n"
    "- IN_*  [082]\n"
    "- * { MANY | SOME_MORE } SEEDS_  [083:084]\n"
    "- $ * + BESIDE_ %  [085?]\n"
    "SOW_  [086!]\n"
    "{SEWN_ SOWED_}\n"
    "- WITHOUT STAR [087]\n"
    "- NO CODE *\n"
    "HARVEST  [+++]\n";

static void tabari_verbs(void **state) {
    (void)state;
    tdiag t;
    dyad_dict *d = load_text(DY_FMT_TABARI_VERBS, "t.verbs", verbs, &t);
    assert_non_null(d);
    /* roots are stems unless '_'; '_' roots take the regular verb endings */
    const dy_verb_form *f = verb_of(d, "planted");
    assert_non_null(f);
    assert_string_equal(f->block->name, "PLANT");
    assert_non_null(verb_of(d, "plantation")); /* a stem, as TABARI warns */
    assert_non_null(verb_of(d, "sowing"));
    assert_null(verb_of(d, "sower"));
    f = verb_of(d, "sewn");
    assert_non_null(f);
    assert_string_equal(f->block->name, "SOW_");
    assert_int_equal(f->code.flags & DY_CODE_DOMINANT, DY_CODE_DOMINANT);
    assert_string_equal(f->code.active, "086");
    assert_int_equal(verb_of(d, "harvest")->code.flags & DY_CODE_COMPLEX, DY_CODE_COMPLEX);
    /* longest first by alphanumeric length */
    const dy_verb_block *b = block_named(d, "PLANT");
    assert_non_null(b);
    assert_int_equal(b->npatterns, 5);
    for (uint32_t i = 1; i < b->npatterns; i++) assert_true(b->patterns[i - 1].length >= b->patterns[i].length);
    assert_string_equal(b->patterns[b->npatterns - 1].code.text, "082"); /* "IN_*": 2 */
    const dy_pattern *p = &b->patterns[b->npatterns - 1];
    assert_int_equal(p->pre.n, 1);
    assert_int_equal(p->pre.elems[0].join_next, 1);
    /* alternatives, join after the alternative, exact word */
    p = NULL;
    for (uint32_t i = 0; i < b->npatterns; i++)
        if (!strcmp(b->patterns[i].code.text, "083:084")) p = &b->patterns[i];
    assert_non_null(p);
    assert_int_equal(p->post.elems[0].kind, DY_PE_ALT);
    assert_int_equal(p->post.elems[0].nalts, 2);
    assert_int_equal(p->post.elems[0].alts[1].n, 2);
    assert_int_equal(p->post.elems[0].alts[1].elems[0].join_next, 1);
    assert_int_equal(p->post.elems[1].mode, DY_MATCH_NOUN);
    assert_string_equal(p->code.passive, "084");
    /* designated actors and a subordinate code */
    for (uint32_t i = 0; i < b->npatterns; i++)
        if (b->patterns[i].code.flags & DY_CODE_SUBORDINATE) p = &b->patterns[i];
    assert_int_equal(p->pre.elems[0].kind, DY_PE_SOURCE);
    assert_int_equal(p->post.elems[0].kind, DY_PE_TARGET);
    assert_int_equal(p->post.elems[2].kind, DY_PE_COMPOUND);
    /* synsets, nested */
    const dy_synset *s = dy_dict_synset(d, "BASKET");
    assert_non_null(s);
    assert_int_equal(s->nmembers, 1);
    assert_int_equal(s->members[0].elems[0].kind, DY_PE_SYNSET);
    assert_non_null(s->members[0].elems[0].synset);
    /* <TIME> */
    assert_int_equal(dy_dict_time_count(d), 1);
    assert_int_equal(dy_dict_time(d, 0)->shift, -14);
    assert_string_equal(dy_dict_time(d, 0)->phrase, "fortnight ago");
    /* errors */
    ASSERT_DIAG(&t, 19, "error", "missing verb marker");
    ASSERT_DIAG(&t, 20, "error", "without a [code]");
    assert_int_equal(t.diag.errors, 2);
    dyad_dict_free(d);
}

static void tabari_options(void **state) {
    (void)state;
    dy_dict_options o;
    dy_dict_options_default(&o, DY_FAM_TABARI);
    assert_int_equal(o.comma_bmin, 128);
    assert_int_equal(o.comma_max, 10);
    const char *err;
    assert_int_equal(dy_dict_option_apply(&o, "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN", &err), 0);
    assert_int_equal(o.complex_verbs, 5);
    assert_int_equal(o.complex_conj, 4);
    assert_int_equal(o.complex_flags, DY_CPLX_NOACTPRIOR | DY_CPLX_EXPLAIN);
    assert_int_equal(dy_dict_option_apply(&o, "COMMA: MIN = 1 MAX = 8 EMIN=3 EMAX=10", &err), 0);
    assert_int_equal(o.comma_min, 1);
    assert_int_equal(o.comma_emin, 3);
    assert_int_equal(dy_dict_option_apply(&o, "SET: CODE BY SENTENCE", &err), 0);
    assert_int_equal(o.code_by, DY_CODE_BY_SENTENCE);
    assert_int_equal(dy_dict_option_apply(&o, "SET: MINIMUM WORDS = 5", &err), 0);
    assert_int_equal(o.minimum_words, 5);
    assert_int_equal(dy_dict_option_apply(&o, "DEFAULT: SOURCE [ZEM] PRIOR TARGET [RUR]", &err), 0);
    assert_string_equal(o.default_source, "ZEM");
    assert_int_equal(o.default_source_prior, 1);
    assert_string_equal(o.default_target, "RUR");
    assert_int_equal(dy_dict_option_apply(&o, "NONEVENTS: ONLY", &err), 0);
    assert_int_equal(o.nonevents, DY_NONEVENTS_ONLY);
    assert_int_equal(dy_dict_option_apply(&o, "LABEL: 010=YIELD", &err), 0);
    assert_int_equal(dy_dict_option_apply(&o, "COMPLEX: WOBBLE[3]", &err), -1);
    assert_non_null(err);
    assert_int_equal(dy_dict_option_apply(&o, "FROBNICATE: ON", &err), -1);
    assert_int_equal(dy_dict_option_apply(&o, "COMPLEX: VERBS[99999999999]", &err), -1);
    assert_int_equal(dy_dict_option_apply(&o, "COMMA: MAX = -3", &err), -1);
    assert_int_equal(o.complex_verbs, 5); /* a refused command changes nothing it refused */

    tdiag t;
    dyad_dict *d = load_text(DY_FMT_TABARI_OPTIONS, "t.options",
                             "// comment\n"
                             "COMMA: OFF\n"
                             "SET: CONVERT AGENTS = TRUE\n"
                             "SET: NONSENSE = 3\n"
                             "~~~~~\n"
                             "GARBAGE AFTER THE END\n",
                             &t);
    assert_non_null(d);
    assert_int_equal(dy_dict_options_get(d)->comma_off, 1);
    assert_int_equal(dy_dict_options_get(d)->convert_agents, 1);
    ASSERT_DIAG(&t, 4, "error", "unknown SET parameter");
    assert_int_equal(t.diag.errors, 1);
    dyad_dict_free(d);
}

static void tabari_quirks_and_references(void **state) {
    (void)state;
    tdiag t;
    /* a spreadsheet export left a quote before the codes (CountryInfo) */
    dyad_dict *d = load_text(DY_FMT_TABARI_ACTORS, "q.actors",
                             "NILS_ARVE_\t\"[ZEMGOV >090126] [ZEMELI];an export artefact\n", &t);
    ASSERT_DIAG(&t, 1, "note", "stray");
    assert_string_equal(actor_code(d, "nils arve", "2010-01-01"), "ZEMGOV");
    dyad_dict_free(d);
    /* a project names other files: not followed from memory */
    d = load_text(DY_FMT_TABARI_PROJECT, "p.project", "<actorsfile> x.actors\n<verbsfile>\n", &t);
    assert_null(d);
    ASSERT_DIAG(&t, 1, "error", "from memory");
    ASSERT_DIAG(&t, 2, "error", "without a file name");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tabari_actors),
        cmocka_unit_test(tabari_agents),
        cmocka_unit_test(tabari_verbs),
        cmocka_unit_test(tabari_options),
        cmocka_unit_test(tabari_quirks_and_references),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
