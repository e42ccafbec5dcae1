/* Tokeniser and folding cases, written for dyad. Each token case lists the
 * token texts, their norms and their kinds (W word, N number, P possessive,
 * . punctuation, S symbol), each joined with '|'. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "text/text.h"

typedef struct {
    const char *in;
    const char *texts;
    const char *norms;
    const char *kinds;
} tok_case;

static const tok_case cases[] = {
    {"Troops left.", "Troops|left|.", "troops|left|.", "WW."},
    {"North Korea's leader", "North|Korea|'s|leader", "north|korea|'s|leader", "WWPW"},
    {"North Korea\xE2\x80\x99s leader", "North|Korea|\xE2\x80\x99s|leader", "north|korea|'s|leader", "WWPW"},
    {"KOREA'S ARMY", "KOREA|'S|ARMY", "korea|'s|army", "WPW"},
    {"the nations' leaders", "the|nations|'|leaders", "the|nations|'s|leaders", "WWPW"},
    {"it's late", "it|'s|late", "it|'s|late", "WWW"},
    {"that\xE2\x80\x99s all", "that|\xE2\x80\x99s|all", "that|'s|all", "WWW"},
    {"they're here", "they|'re|here", "they|'re|here", "WWW"},
    {"we've won, I'm sure, they'll go, he'd stay",
     "we|'ve|won|,|I|'m|sure|,|they|'ll|go|,|he|'d|stay",
     "we|'ve|won|,|i|'m|sure|,|they|'ll|go|,|he|'d|stay", "WWW.WWW.WWW.WWW"},
    {"don't", "do|n't", "do|n't", "WW"},
    {"can't", "ca|n't", "ca|n't", "WW"},
    {"won\xE2\x80\x99t", "wo|n\xE2\x80\x99t", "wo|n't", "WW"},
    {"ISN'T", "IS|N'T", "is|n't", "WW"},
    {"O'Brien and N'Djamena", "O'Brien|and|N'Djamena", "o'brien|and|n'djamena", "WWW"},
    {"North Korea-China ties", "North|Korea-China|ties", "north|korea-china|ties", "WWW"},
    {"a one-billion-dollar plan", "a|one-billion-dollar|plan", "a|one-billion-dollar|plan", "WWW"},
    {"Korea\xE2\x80\x93" "China", "Korea\xE2\x80\x93" "China", "korea-china", "W"},
    {"Kim\xE2\x80\x94who rarely travels", "Kim|\xE2\x80\x94|who|rarely|travels", "kim|-|who|rarely|travels", "W.WWW"},
    {"the U.S. and e.g. this", "the|U.S.|and|e.g.|this", "the|u.s.|and|e.g.|this", "WWWWW"},
    {"at 5 p.m. today", "at|5|p.m.|today", "at|5|p.m.|today", "WNWW"},
    {"Mr. Smith", "Mr|.|Smith", "mr|.|smith", "W.W"},
    {"in the U.S.", "in|the|U.S.", "in|the|u.s.", "WWW"},
    {"a U.S.-led force", "a|U.S.-led|force", "a|u.s.-led|force", "WWW"},
    {"the U.S.'s role", "the|U.S.|'s|role", "the|u.s.|'s|role", "WWPW"},
    {"U.S.-", "U.S.|-", "u.s.|-", "W."},
    {"1,000 troops", "1,000|troops", "1,000|troops", "NW"},
    {"3.5 percent", "3.5|percent", "3.5|percent", "NW"},
    {"on 2025-09-03 at 10:30", "on|2025-09-03|at|10:30", "on|2025-09-03|at|10:30", "WNWN"},
    {"up 10%", "up|10|%", "up|10|%", "WNS"},
    {"$4.5 billion", "$|4.5|billion", "$|4.5|billion", "SNW"},
    {"the 1980s and G7", "the|1980s|and|G7", "the|1980s|and|g7", "WWWW"},
    {"24/7 and 1/2", "24/7|and|1/2", "24/7|and|1/2", "NWN"},
    {"and/or", "and|/|or", "and|/|or", "W.W"},
    {"Wait...", "Wait|...", "wait|...", "W."},
    {"Wait\xE2\x80\xA6", "Wait|\xE2\x80\xA6", "wait|\xE2\x80\xA6", "W."},
    {"Really?!", "Really|?|!", "really|?|!", "W.."},
    {"a -- b", "a|--|b", "a|--|b", "W.W"},
    {"(see below)", "(|see|below|)", "(|see|below|)", ".WW."},
    {"\"Go,\" he said", "\"|Go|,|\"|he|said", "\"|go|,|\"|he|said", ".W..WW"},
    {"\xE2\x80\x9CGo\xE2\x80\x9D", "\xE2\x80\x9C|Go|\xE2\x80\x9D", "\"|go|\"", ".W."},
    {"he said 'the leaders' view'", "he|said|'|the|leaders|'|view|'", "he|said|'|the|leaders|'|view|'", "WW.WW.W."},
    {"`quoted'", "`|quoted|'", "'|quoted|'", ".W."},
    {"caf\xC3\xA9 CAF\xC3\x89", "caf\xC3\xA9|CAF\xC3\x89", "caf\xC3\xA9|caf\xC3\xA9", "WW"},
    {"Cafe\xCC\x81", "Cafe\xCC\x81", "caf\xC3\xA9", "W"},
    {"Stra\xC3\x9F" "e", "Stra\xC3\x9F" "e", "strasse", "W"},
    {"pre\xC2\xAD" "sident", "pre\xC2\xAD" "sident", "president", "W"},
    {"\xC3\x9C" "BER", "\xC3\x9C" "BER", "\xC3\xBC" "ber", "W"},
    {"x\xFFy", "x|\xFF|y", "x|\xEF\xBF\xBD|y", "WSW"},
    {"a\x01" "b", "a|\x01|b", "a|\x01|b", "WSW"},
    {"\xF0\x9F\x98\x80 ok", "\xF0\x9F\x98\x80|ok", "\xF0\x9F\x98\x80|ok", "SW"},
    {"\xE4\xB8\xAD\xE5\x9B\xBD\xE4\xBA\xBA", "\xE4\xB8\xAD\xE5\x9B\xBD\xE4\xBA\xBA",
     "\xE4\xB8\xAD\xE5\x9B\xBD\xE4\xBA\xBA", "W"},
    {"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
     "\xD0\xBC\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "W"},
    {"a & b # c @ d", "a|&|b|#|c|@|d", "a|&|b|#|c|@|d", "WSWSWSW"},
    {"well-known-", "well-known|-", "well-known|-", "W."},
    {"-5 degrees", "-|5|degrees", "-|5|degrees", ".NW"},
};

static size_t split_bar(const char *s, const char **parts, size_t *lens, size_t max) {
    size_t n = 0;
    const char *p = s;
    for (;;) {
        const char *bar = strchr(p, '|');
        if (n == max) return n;
        parts[n] = p;
        lens[n] = bar ? (size_t)(bar - p) : strlen(p);
        n++;
        if (!bar) return n;
        p = bar + 1;
    }
}

static char kind_letter(int kind) {
    switch (kind) {
    case DY_TOK_WORD: return 'W';
    case DY_TOK_NUMBER: return 'N';
    case DY_TOK_POSSESSIVE: return 'P';
    case DY_TOK_PUNCT: return '.';
    default: return 'S';
    }
}

static int check_case(const tok_case *c) {
    dy_arena a;
    dy_arena_init(&a, 0);
    dy_token *t;
    size_t len = strlen(c->in);
    size_t n = dy_tokenise(c->in, 0, len, &a, &t);
    const char *texts[64], *norms[64];
    size_t tl[64], nl[64];
    size_t nt = split_bar(c->texts, texts, tl, 64);
    size_t nn = split_bar(c->norms, norms, nl, 64);
    int ok = n == nt && n == nn && strlen(c->kinds) == n;
    for (size_t i = 0; ok && i < n; i++) {
        ok = t[i].end - t[i].start == tl[i] && !memcmp(c->in + t[i].start, texts[i], tl[i]) &&
             t[i].norm_len == nl[i] && !memcmp(t[i].norm, norms[i], nl[i]) &&
             t[i].norm[nl[i]] == 0 && kind_letter(t[i].kind) == c->kinds[i];
    }
    if (!ok) {
        print_error("input [%s]: got %zu tokens\n", c->in, n);
        for (size_t i = 0; i < n; i++)
            print_error("  [%.*s] norm [%s] kind %c flags %u\n", (int)(t[i].end - t[i].start),
                        c->in + t[i].start, t[i].norm, kind_letter(t[i].kind), t[i].flags);
        print_error("  want %s / %s / %s\n", c->texts, c->norms, c->kinds);
    }
    dy_arena_free(&a);
    return ok;
}

static void test_token_cases(void **state) {
    (void)state;
    size_t failed = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) failed += !check_case(&cases[i]);
    assert_int_equal(failed, 0);
}

static void test_flags(void **state) {
    (void)state;
    const char *in = "Kim met NATO and North Korea-China a U.S. envoy";
    dy_arena a;
    dy_arena_init(&a, 0);
    dy_token *t;
    size_t n = dy_tokenise(in, 0, strlen(in), &a, &t);
    assert_int_equal(n, 9);
    assert_int_equal(t[0].flags, DY_TOKF_CAPITAL | DY_TOKF_SPACE_BEFORE);
    assert_int_equal(t[1].flags, DY_TOKF_SPACE_BEFORE);
    assert_int_equal(t[2].flags, DY_TOKF_CAPITAL | DY_TOKF_ALLCAPS | DY_TOKF_SPACE_BEFORE);
    assert_int_equal(t[5].flags, DY_TOKF_CAPITAL | DY_TOKF_HYPHEN | DY_TOKF_SPACE_BEFORE);
    assert_int_equal(t[6].flags, DY_TOKF_SPACE_BEFORE); /* "a": one letter is never all caps */
    assert_int_equal(t[7].flags, DY_TOKF_CAPITAL | DY_TOKF_ALLCAPS | DY_TOKF_SPACE_BEFORE);
    /* glued punctuation has no space before it */
    n = dy_tokenise("(Kim)", 0, 5, &a, &t);
    assert_int_equal(n, 3);
    assert_int_equal(t[0].flags, DY_TOKF_SPACE_BEFORE);
    assert_int_equal(t[1].flags, DY_TOKF_CAPITAL);
    assert_int_equal(t[2].flags, 0);
    /* a single capital letter: capital but not all caps */
    n = dy_tokenise("I", 0, 1, &a, &t);
    assert_int_equal(t[0].flags, DY_TOKF_CAPITAL | DY_TOKF_SPACE_BEFORE);
    dy_arena_free(&a);
}

static void test_range_inside_text(void **state) {
    (void)state;
    const char *in = "Skip this. Kim left. Skip that.";
    dy_arena a;
    dy_arena_init(&a, 0);
    dy_token *t;
    size_t n = dy_tokenise(in, 11, 20, &a, &t);
    assert_int_equal(n, 3);
    assert_int_equal(t[0].start, 11);
    assert_int_equal(t[2].end, 20);
    assert_string_equal(t[1].norm, "left");
    n = dy_tokenise(in, 5, 5, &a, &t);
    assert_int_equal(n, 0);
    dy_arena_free(&a);
}

typedef struct {
    const char *in;
    const char *want;
} fold_case;

static void test_fold(void **state) {
    (void)state;
    static const fold_case f[] = {
        {"North Korea", "north korea"},
        {"KIM JONG UN", "kim jong un"},
        {"Korea\xE2\x80\x99s", "korea's"},
        {"\xE2\x80\x98quoted\xE2\x80\x99", "'quoted'"},
        {"\xE2\x80\x9C" "a\xE2\x80\x9D \xC2\xAB" "b\xC2\xBB", "\"a\" \"b\""},
        {"it\xC2\xB4s", "it's"},
        {"`x'", "'x'"},
        {"a\xE2\x80\x90" "b\xE2\x80\x91" "c\xE2\x80\x92" "d\xE2\x80\x93" "e\xE2\x80\x94" "f\xE2\x80\x95" "g\xE2\x88\x92" "h",
         "a-b-c-d-e-f-g-h"},
        {"a\xC2\xA0" "b\xE2\x80\x89" "c\xE3\x80\x80" "d\te\nf", "a b c d e f"},
        {"Cafe\xCC\x81", "caf\xC3\xA9"},
        {"CAF\xC3\x89", "caf\xC3\xA9"},
        {"Stra\xC3\x9F" "e", "strasse"},
        {"\xCE\xA3\xCE\x9F\xCE\xA6\xCE\x99\xCE\x91", "\xCF\x83\xCE\xBF\xCF\x86\xCE\xB9\xCE\xB1"},
        {"x\xFFy", "x\xEF\xBF\xBDy"},
        {"\xC3", "\xEF\xBF\xBD"},
        {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
        {"pre\xC2\xAD" "sident", "president"},
        {"\xEF\xBB\xBFword", "word"},
        {"", ""},
    };
    dy_arena a;
    dy_arena_init(&a, 0);
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        uint32_t len = 99;
        char *got = dy_fold(f[i].in, strlen(f[i].in), &a, &len);
        if (strcmp(got, f[i].want)) print_error("fold [%s] -> [%s], want [%s]\n", f[i].in, got, f[i].want);
        assert_string_equal(got, f[i].want);
        assert_int_equal(len, strlen(f[i].want));
    }
    /* NUL inside: still a C string, with U+FFFD in its place */
    uint32_t len;
    char *got = dy_fold("a\0b", 3, &a, &len);
    assert_int_equal(len, 5);
    assert_memory_equal(got, "a\xEF\xBF\xBD" "b", 6);
    /* dictionary side and token side agree */
    dy_token *t;
    const char *text = "NORTH KOREA\xE2\x80\x99S";
    size_t n = dy_tokenise(text, 0, strlen(text), &a, &t);
    assert_int_equal(n, 3);
    assert_string_equal(t[1].norm, dy_fold("Korea", 5, &a, NULL));
    dy_arena_free(&a);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_token_cases),
        cmocka_unit_test(test_flags),
        cmocka_unit_test(test_range_inside_text),
        cmocka_unit_test(test_fold),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
