/* Sentence splitter cases, written for dyad: each input with the exact
 * sentences it must give. Grouped by the rule they exercise. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/abbrev.h"
#include "text/text.h"

enum { MAX_SENTS = 8 };

typedef struct {
    const char *in;
    const char *want[MAX_SENTS]; /* NULL-terminated */
} split_case;

static const split_case cases[] = {
    /* plain end marks */
    {"The talks ended. Both sides left.", {"The talks ended.", "Both sides left."}},
    {"Did they agree? Nobody knows.", {"Did they agree?", "Nobody knows."}},
    {"They agreed! Markets rose.", {"They agreed!", "Markets rose."}},
    {"Really?! Yes.", {"Really?!", "Yes."}},
    {"What?!? He left.", {"What?!?", "He left."}},
    {"One.  Two.\tThree.", {"One.", "Two.", "Three."}},
    {"   Leading and trailing space.   ", {"Leading and trailing space."}},
    {"No end mark at all", {"No end mark at all"}},
    {"", {NULL}},
    {"   \n\n  \t ", {NULL}},
    {"A.", {"A."}},
    {"Talks failed. 12 people were hurt.", {"Talks failed.", "12 people were hurt."}},
    {"He won. - The end.", {"He won.", "- The end."}},
    {"The vote was close. the count went on.", {"The vote was close. the count went on."}},
    {"Why? because.", {"Why? because."}},
    /* titles before names never end a sentence */
    {"Mr. Smith met Mrs. Jones.", {"Mr. Smith met Mrs. Jones."}},
    {"Dr. Ada Rowe and Prof. Ben Ode spoke.", {"Dr. Ada Rowe and Prof. Ben Ode spoke."}},
    {"Gen. Tarn and Lt. Col. Vey arrived.", {"Gen. Tarn and Lt. Col. Vey arrived."}},
    {"Maj. Orr, Capt. Pike and Sgt. Quill were hurt.", {"Maj. Orr, Capt. Pike and Sgt. Quill were hurt."}},
    {"Adm. Holt met Gov. Ruiz.", {"Adm. Holt met Gov. Ruiz."}},
    {"Sen. Marsh and Rep. Dole voted no.", {"Sen. Marsh and Rep. Dole voted no."}},
    {"The Rev. Ian Cole prayed.", {"The Rev. Ian Cole prayed."}},
    {"Ms. Ward said no. Mr. Ward said yes.", {"Ms. Ward said no.", "Mr. Ward said yes."}},
    {"MR. SMITH SAID NO.", {"MR. SMITH SAID NO."}},
    /* abbreviations that may end a sentence */
    {"She works for Acme Inc. The firm grew.", {"She works for Acme Inc.", "The firm grew."}},
    {"Acme Inc. said profits rose.", {"Acme Inc. said profits rose."}},
    {"Bell Corp. Chairman Vale resigned.", {"Bell Corp. Chairman Vale resigned."}},
    {"He sold Dunn Co. He retired.", {"He sold Dunn Co.", "He retired."}},
    {"Orel Ltd. and Pax Ltd. merged.", {"Orel Ltd. and Pax Ltd. merged."}},
    {"Sam Lott Jr. spoke first.", {"Sam Lott Jr. spoke first."}},
    {"The award went to Sam Lott Sr. It was his third.", {"The award went to Sam Lott Sr.", "It was his third."}},
    {"They met on St. Anne Street.", {"They met on St. Anne Street."}},
    {"Troops moved to the U.S. base.", {"Troops moved to the U.S. base."}},
    {"Troops returned to the U.S. They rested.", {"Troops returned to the U.S.", "They rested."}},
    {"The U.N. Security Council met.", {"The U.N. Security Council met."}},
    {"He flew to the U.K. In London he spoke.", {"He flew to the U.K.", "In London he spoke."}},
    {"The E.U. said no.", {"The E.U. said no."}},
    {"The U.S.A. and Canada agreed.", {"The U.S.A. and Canada agreed."}},
    {"Fruit, bread, etc. were sold.", {"Fruit, bread, etc. were sold."}},
    {"They sold fruit, bread, etc. The market closed.", {"They sold fruit, bread, etc.", "The market closed."}},
    {"Some states, e.g. Ohio, voted.", {"Some states, e.g. Ohio, voted."}},
    {"The capital, i.e. Rome, was calm.", {"The capital, i.e. Rome, was calm."}},
    {"It was Smith vs. Jones.", {"It was Smith vs. Jones."}},
    {"Smith vs. Jones ended. Jones won.", {"Smith vs. Jones ended.", "Jones won."}},
    {"Item No. 5 was sold.", {"Item No. 5 was sold."}},
    {"He said No. Then he left.", {"He said No.", "Then he left."}},
    {"See pp. 12 and Art. 3 of the pact.", {"See pp. 12 and Art. 3 of the pact."}},
    /* months */
    {"It began on Jan. 5 in the north.", {"It began on Jan. 5 in the north."}},
    {"Talks resume Feb. 9. Both sides agreed.", {"Talks resume Feb. 9.", "Both sides agreed."}},
    {"The deal closed in Dec. The shares rose.", {"The deal closed in Dec.", "The shares rose."}},
    {"Elections are due Sept. 14 and Oct. 2.", {"Elections are due Sept. 14 and Oct. 2."}},
    {"Aug. and Nov. were quiet.", {"Aug. and Nov. were quiet."}},
    {"They met in May. It rained.", {"They met in May.", "It rained."}},
    {"They met in May. Officials spoke.", {"They met in May.", "Officials spoke."}},
    /* times and US states */
    {"The vote starts at 9 a.m. and ends at 5 p.m. on Monday.", {"The vote starts at 9 a.m. and ends at 5 p.m. on Monday."}},
    {"The vote ended at 5 p.m. The count began.", {"The vote ended at 5 p.m.", "The count began."}},
    {"He lives in Dover, Del. He farms.", {"He lives in Dover, Del.", "He farms."}},
    {"She was born in Salem, Ore. on a farm.", {"She was born in Salem, Ore. on a farm."}},
    {"He fell ill. Doctors came.", {"He fell ill.", "Doctors came."}},
    {"It was a mar. Then calm.", {"It was a mar.", "Then calm."}},
    /* initials */
    {"George W. Bush spoke.", {"George W. Bush spoke."}},
    {"J. R. R. Tolkien wrote it.", {"J. R. R. Tolkien wrote it."}},
    {"J.R.R. Tolkien wrote it.", {"J.R.R. Tolkien wrote it."}},
    {"Take vitamin C. The cold will pass.", {"Take vitamin C.", "The cold will pass."}},
    {"The case was Roe v. Wade.", {"The case was Roe v. Wade."}},
    {"Ask T. Baxter. He knows.", {"Ask T. Baxter.", "He knows."}},
    {"He holds a Ph.D. in law.", {"He holds a Ph.D. in law."}},
    {"W. A. Mozart and J. I. Case were named.", {"W. A. Mozart and J. I. Case were named."}},
    {"It ended at 6 p.m. Two people died.", {"It ended at 6 p.m.", "Two people died."}},
    /* numbers with stops */
    {"Growth was 3.5 percent.", {"Growth was 3.5 percent."}},
    {"Version 1.2.3 shipped.", {"Version 1.2.3 shipped."}},
    {"It cost $4.5 billion. Critics balked.", {"It cost $4.5 billion.", "Critics balked."}},
    {"Turnout rose to 61. Officials cheered.", {"Turnout rose to 61.", "Officials cheered."}},
    {"It was .5 percent.", {"It was .5 percent."}},
    {"1. Troops left.\n2. Talks began.", {"1. Troops left.", "2. Talks began."}},
    {"The score was 3-1. Fans cheered.", {"The score was 3-1.", "Fans cheered."}},
    {"Visit example.com for more. It is free.", {"Visit example.com for more.", "It is free."}},
    /* quotes and brackets after the end mark */
    {"\"We will go.\" She nodded.", {"\"We will go.\"", "She nodded."}},
    {"He said: \"Never.\" Then he left.", {"He said: \"Never.\"", "Then he left."}},
    {"\xE2\x80\x9CWe will go.\xE2\x80\x9D She nodded.", {"\xE2\x80\x9CWe will go.\xE2\x80\x9D", "She nodded."}},
    {"\"Why?\" he asked.", {"\"Why?\" he asked."}},
    {"'Stop!' she said.", {"'Stop!' she said."}},
    {"\"Stop!\" The crowd froze.", {"\"Stop!\"", "The crowd froze."}},
    {"Prices rose (see below.) Next year is unclear.", {"Prices rose (see below.)", "Next year is unclear."}},
    {"Prices rose (as expected.) and fell.", {"Prices rose (as expected.) and fell."}},
    {"He quit. (He was tired.) Nobody asked.", {"He quit.", "(He was tired.)", "Nobody asked."}},
    {"They cheered.\xE2\x80\x99 Then silence.", {"They cheered.\xE2\x80\x99", "Then silence."}},
    {"It ended.\" \"Good,\" he said.", {"It ended.\"", "\"Good,\" he said."}},
    {"Yahoo! said it would sell.", {"Yahoo! said it would sell."}},
    /* ellipses */
    {"He paused... Then he spoke.", {"He paused...", "Then he spoke."}},
    {"He paused... and then spoke.", {"He paused... and then spoke."}},
    {"He paused\xE2\x80\xA6 Then he spoke.", {"He paused\xE2\x80\xA6", "Then he spoke."}},
    {"It was Kim ... Jong Un who came.", {"It was Kim ... Jong Un who came."}},
    {"We will fight ... We will win.", {"We will fight ...", "We will win."}},
    {"Wait.... Now go.", {"Wait....", "Now go."}},
    {"and so on...", {"and so on..."}},
    /* blank lines */
    {"First paragraph.\n\nSecond paragraph.", {"First paragraph.", "Second paragraph."}},
    {"A title without a stop\n\nThe body starts here.", {"A title without a stop", "The body starts here."}},
    {"He met Mr.\n\nSmith later.", {"He met Mr.", "Smith later."}},
    {"One\r\n\r\nTwo", {"One", "Two"}},
    {"One\n   \t\nTwo", {"One", "Two"}},
    {"Alpha beta\n\n\n\n\ngamma delta", {"Alpha beta", "gamma delta"}},
    {"One paragraph\xE2\x80\xA9" "Another one", {"One paragraph", "Another one"}},
    {"Page one\fPage two", {"Page one", "Page two"}},
    /* headlines at a single line break */
    {"Rebels seize northern town\nRebels took the town on Monday.",
     {"Rebels seize northern town", "Rebels took the town on Monday."}},
    {"PARLIAMENT DISSOLVED\nThe president dissolved parliament.",
     {"PARLIAMENT DISSOLVED", "The president dissolved parliament."}},
    {"Ministers meet in Oslo\r\nMinisters from six nations met in Oslo on Friday to discuss fishing quotas.",
     {"Ministers meet in Oslo", "Ministers from six nations met in Oslo on Friday to discuss fishing quotas."}},
    {"Storm hits coast\nBERLIN (Reuters) - A storm hit the coast on Sunday.",
     {"Storm hits coast", "BERLIN (Reuters) - A storm hit the coast on Sunday."}},
    {"Talks collapse in the capital after\nthe delegates walked out.",
     {"Talks collapse in the capital after\nthe delegates walked out."}},
    {"Tanks rolled into the border town,\nOfficials said.", {"Tanks rolled into the border town,\nOfficials said."}},
    {"Key points\n- one\n- two", {"Key points\n- one\n- two"}},
    /* hard-wrapped paragraphs stay whole */
    {"The foreign ministers of the two countries met in the\n"
     "capital on Tuesday and agreed to reopen the border\n"
     "crossing that had been closed since the spring, a\n"
     "spokesman for the ministry said.\n"
     "    The agreement is expected to be signed next week.",
     {"The foreign ministers of the two countries met in the\n"
      "capital on Tuesday and agreed to reopen the border\n"
      "crossing that had been closed since the spring, a\n"
      "spokesman for the ministry said.",
      "The agreement is expected to be signed next week."}},
    {"Northern Grain Co and Delta Shipping\n"
     "Inc said they would form a venture to carry grain from the\n"
     "northern ports to buyers in the south, starting in the\n"
     "second half of next year.",
     {"Northern Grain Co and Delta Shipping\n"
      "Inc said they would form a venture to carry grain from the\n"
      "northern ports to buyers in the south, starting in the\n"
      "second half of next year."}},
    {"Police said the man, who had been\nArrested twice before, was freed.",
     {"Police said the man, who had been\nArrested twice before, was freed."}},
    /* datelines */
    {"BEIJING (Reuters) - North Korea's leader will attend. He arrives Tuesday.",
     {"BEIJING (Reuters) - North Korea's leader will attend.", "He arrives Tuesday."}},
    {"WASHINGTON, Sept. 3 (AP) \xE2\x80\x94 The Senate voted. It was close.",
     {"WASHINGTON, Sept. 3 (AP) \xE2\x80\x94 The Senate voted.", "It was close."}},
    {"Leaders gather for summit\nNEW YORK, March 3 - Leaders gathered on Monday.",
     {"Leaders gather for summit", "NEW YORK, March 3 - Leaders gathered on Monday."}},
    {"They met in the U.S.\nST. LOUIS (AP) - Farmers protested.",
     {"They met in the U.S.", "ST. LOUIS (AP) - Farmers protested."}},
    {"Flood warning issued\n\nDHAKA (AFP) - Rivers rose.", {"Flood warning issued", "DHAKA (AFP) - Rivers rose."}},
    /* unusual white space and scripts */
    {"One.\xC2\xA0Two.", {"One.", "Two."}},
    {"\xC2\xA0\xC2\xA0Padded.\xC2\xA0", {"Padded."}},
    {"\xEF\xBB\xBFWith a byte order mark.", {"With a byte order mark."}},
    {"Line one.\rLine two.", {"Line one.", "Line two."}},
    {"\xE4\xBC\x9A\xE8\xB0\x88\xE7\xBB\x93\xE6\x9D\x9F\xE3\x80\x82\xE5\x8F\x8C\xE6\x96\xB9\xE7\xA6\xBB\xE5\xBC\x80\xE3\x80\x82",
     {"\xE4\xBC\x9A\xE8\xB0\x88\xE7\xBB\x93\xE6\x9D\x9F\xE3\x80\x82", "\xE5\x8F\x8C\xE6\x96\xB9\xE7\xA6\xBB\xE5\xBC\x80\xE3\x80\x82"}},
    {"Bad \xFF byte. Next one.", {"Bad \xFF byte.", "Next one."}},
    {"\xC3\x89lan fell. \xC3\x89lan rose.", {"\xC3\x89lan fell.", "\xC3\x89lan rose."}},
    {"Done!\xE2\x80\x9D He smiled.", {"Done!\xE2\x80\x9D", "He smiled."}},
};

/* Returns 1 when the case passes; otherwise prints what went wrong. */
static int check_case(size_t index, const split_case *c) {
    dy_arena a;
    dy_arena_init(&a, 0);
    dy_sentence *s;
    size_t n = dy_split_sentences(c->in, strlen(c->in), &a, &s);
    size_t want = 0;
    while (want < MAX_SENTS && c->want[want]) want++;
    int ok = n == want;
    for (size_t i = 0; ok && i < n; i++) {
        size_t len = s[i].end - s[i].start;
        ok = strlen(c->want[i]) == len && !memcmp(c->in + s[i].start, c->want[i], len);
    }
    if (!ok) {
        print_error("case %zu: [%s]\nwant %zu sentences, got %zu:\n", index, c->in, want, n);
        for (size_t i = 0; i < n; i++)
            print_error("  got  [%.*s]\n", (int)(s[i].end - s[i].start), c->in + s[i].start);
        for (size_t i = 0; i < want; i++) print_error("  want [%s]\n", c->want[i]);
    }
    dy_arena_free(&a);
    return ok;
}

static void test_cases(void **state) {
    (void)state;
    size_t ncases = sizeof cases / sizeof cases[0];
    assert_true(ncases >= 100);
    size_t failed = 0;
    for (size_t i = 0; i < ncases; i++) failed += !check_case(i, &cases[i]);
    assert_int_equal(failed, 0);
}

static void test_dateline_end(void **state) {
    (void)state;
    static const struct {
        const char *in;
        const char *rest; /* what follows the dateline; NULL: none */
    } d[] = {
        {"BEIJING (Reuters) - North Korea said", "North Korea said"},
        {"WASHINGTON, Sept. 3 (AP) \xE2\x80\x94 The Senate", "The Senate"},
        {"NEW YORK, March 3 - Stocks fell", "Stocks fell"},
        {"ST. PETERSBURG, Fla. (AP) -- Rain fell", "Rain fell"},
        {"KABUL \xE2\x80\x93 Gunmen attacked", "Gunmen attacked"},
        {"US - China talks resumed", NULL},
        {"AIDS-related deaths fell", NULL},
        {"NATO, which has many members - said", NULL},
        {"The army (Reuters) - said", NULL},
        {"BEIJING is big", NULL},
    };
    for (size_t i = 0; i < sizeof d / sizeof d[0]; i++) {
        size_t len = strlen(d[i].in);
        size_t e = dy_dateline_end(d[i].in, 0, len);
        if (!d[i].rest) {
            if (e != 0) print_error("unexpected dateline in [%s]\n", d[i].in);
            assert_int_equal(e, 0);
        } else {
            if (strcmp(d[i].in + e, d[i].rest)) print_error("[%s] -> [%s]\n", d[i].in, d[i].in + e);
            assert_string_equal(d[i].in + e, d[i].rest);
        }
    }
}

static void test_tables_sorted(void **state) {
    (void)state;
    for (size_t i = 1; i < dy_abbrev_table_size(); i++)
        assert_true(strcmp(dy_abbrev_table_key(i - 1), dy_abbrev_table_key(i)) < 0);
    for (size_t i = 1; i < dy_starter_table_size(); i++)
        assert_true(strcmp(dy_starter_table_key(i - 1), dy_starter_table_key(i)) < 0);
}

static void test_seed_article(void **state) {
    (void)state;
    const char *shared = getenv("DYAD_SHARED");
    if (!shared) shared = "../shared";
    char path[4096];
    snprintf(path, sizeof path, "%s/seed/000_20261d231d0022f7.txt", shared);
    FILE *f = fopen(path, "rb");
    if (!f) {
        print_message("seed article not found at %s: skipped\n", path);
        skip();
    }
    static char buf[1 << 16];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    dy_arena a;
    dy_arena_init(&a, 0);
    dy_sentence *s;
    size_t n = dy_split_sentences(buf, len, &a, &s);
    assert_int_equal(n, 20);
    dy_arena_free(&a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cases),
        cmocka_unit_test(test_dateline_end),
        cmocka_unit_test(test_tables_sorted),
        cmocka_unit_test(test_seed_article),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
