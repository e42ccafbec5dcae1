/* Properties of the text pipeline on generated input (random bytes,
 * invalid UTF-8, NULs, long lines, fragments of news-like text): spans
 * slice back, stay in order, never overlap, and leave out only white space.
 * Plus a 20 MB single line, to show that splitting is not quadratic. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"
#include "text/textchar.h"

typedef struct {
    uint64_t s;
} rng;

static uint64_t next_rand(rng *r) {
    r->s ^= r->s << 13;
    r->s ^= r->s >> 7;
    r->s ^= r->s << 17;
    return r->s;
}

static const char *const fragments[] = {
    "Kim", "met", "the", "U.S.", "envoy", "Mr.", "Dr.", "Gen.", "Inc.", "Jan.", "No.", "e.g.",
    ".", ". ", "? ", "! ", "?!", "...", "\xE2\x80\xA6", " ", "  ", "\n", "\n\n", "\r\n", "\t",
    "\"", "'", "\xE2\x80\x99s", "'s", "s'", "n't", "(", ")", "-", "--", "\xE2\x80\x94", "3.5",
    "1,000", "10%", "2025-09-03", "North Korea-China", "BEIJING (Reuters) - ", "WASHINGTON, Sept. 3 (AP) \xE2\x80\x94 ",
    "\xC2\xA0", "\xE2\x80\xA9", "\xEF\xBB\xBF", "\xE3\x80\x82", "\xE4\xB8\xAD\xE5\x9B\xBD",
    "\xFF", "\xC3", "\xE2\x80", "\x00", "\xCC\x81", "\xC2\xAD", "\xF0\x9F\x98\x80", "A", "I.",
    "HEADLINE WORDS", "Caf\xC3\xA9", "\f", "\r", "O'Brien", "J. R. R.", "vs.", "p.m.", "St.",
};

static void fill_random(rng *r, char *buf, size_t len, int mode) {
    size_t i = 0;
    while (i < len) {
        if (mode == 0) {
            buf[i++] = (char)(next_rand(r) & 0xFF);
        } else {
            const char *f = fragments[next_rand(r) % (sizeof fragments / sizeof fragments[0])];
            size_t fl = f[0] ? strlen(f) : 1; /* the "\x00" fragment is one NUL byte */
            if (mode == 2 && (next_rand(r) % 4 == 0)) {
                buf[i++] = ' ';
                continue;
            }
            for (size_t k = 0; k < fl && i < len; k++) buf[i++] = f[k];
        }
    }
}

static int is_space_at(const char *text, size_t p, size_t end, size_t *n) {
    return (dy_char_flags(dy_text_cp(text, p, end, n)) & DY_CH_SPACE) != 0;
}

/* Everything in [a, b) is white space. */
static void assert_all_space(const char *text, size_t a, size_t b) {
    for (size_t p = a, n; p < b; p += n) assert_true(is_space_at(text, p, b, &n));
}

static void check_text(const char *text, size_t len) {
    dy_arena a;
    dy_arena_init(&a, 0);
    dy_sentence *s;
    size_t ns = dy_split_sentences(text, len, &a, &s);
    size_t prev = 0;
    for (size_t i = 0; i < ns; i++) {
        assert_true(s[i].start < s[i].end);
        assert_true(s[i].start >= prev);
        assert_true(s[i].end <= len);
        assert_all_space(text, prev, s[i].start);
        size_t n;
        assert_false(is_space_at(text, s[i].start, s[i].end, &n));
        size_t last = dy_text_prev(text, s[i].start, s[i].end);
        assert_false(is_space_at(text, last, s[i].end, &n));
        dy_token *t;
        size_t nt = dy_tokenise(text, s[i].start, s[i].end, &a, &t);
        size_t tprev = s[i].start;
        for (size_t k = 0; k < nt; k++) {
            assert_true(t[k].start < t[k].end);
            assert_true(t[k].start >= tprev);
            assert_true(t[k].end <= s[i].end);
            assert_all_space(text, tprev, t[k].start);
            assert_non_null(t[k].norm);
            assert_int_equal(strlen(t[k].norm), t[k].norm_len);
            assert_true(t[k].kind <= DY_TOK_SYMBOL);
            /* the norm is the fold of the token's own bytes */
            if (t[k].kind == DY_TOK_POSSESSIVE) {
                assert_string_equal(t[k].norm, "'s");
            } else {
                uint32_t fl;
                const char *f = dy_fold(text + t[k].start, t[k].end - t[k].start, &a, &fl);
                assert_int_equal(fl, t[k].norm_len);
                assert_memory_equal(f, t[k].norm, fl);
            }
            tprev = t[k].end;
        }
        assert_all_space(text, tprev, s[i].end);
        prev = s[i].end;
    }
    assert_all_space(text, prev, len);
    dy_arena_free(&a);
}

static void test_random_inputs(void **state) {
    (void)state;
    rng r = {0x9E3779B97F4A7C15ull};
    char buf[4096];
    for (int round = 0; round < 3000; round++) {
        size_t len = next_rand(&r) % sizeof buf;
        fill_random(&r, buf, len, round % 3);
        check_text(buf, len);
    }
}

static void test_edge_inputs(void **state) {
    (void)state;
    static const char *const edges[] = {
        "", " ", ".", "...", "\xE2\x80\xA6", "'", "\xE2\x80\x99", "'s", "s'", "n't", "\xFF", "\xC3",
        "\xE2\x80", "-", "--", "(", "\"", "A.", "A. B.", "U.S.", "Mr.", "\n", "\n\n", "\r",
        "\xE2\x80\xA9", "\xEF\xBB\xBF", "\xC2\xA0", "a\xCC\x81", "\xCC\x81", "\xC2\xAD",
        "1.", "1,", "1,a", "a-", "-a", "a'", "'a", "a.b.", "x?!", "BEIJING (", "BEIJING, X",
    };
    for (size_t i = 0; i < sizeof edges / sizeof edges[0]; i++) check_text(edges[i], strlen(edges[i]));
    check_text("\0\0\0", 3);
    check_text("a\0.\0 B", 6);
}

static void test_long_single_line(void **state) {
    (void)state;
    const size_t len = 20u << 20;
    char *big = malloc(len);
    assert_non_null(big);
    rng r = {12345};
    fill_random(&r, big, len, 2);
    for (size_t i = 0; i < len; i++)
        if (big[i] == '\n' || big[i] == '\r' || big[i] == '\f') big[i] = ' ';
    dy_arena a;
    dy_arena_init(&a, 0);
    dy_sentence *s;
    size_t ns = dy_split_sentences(big, len, &a, &s);
    assert_true(ns > 1000);
    size_t tokens = 0;
    for (size_t i = 0; i < ns; i++) {
        dy_token *t;
        tokens += dy_tokenise(big, s[i].start, s[i].end, &a, &t);
    }
    assert_true(tokens > ns);
    dy_arena_free(&a);
    /* Worst cases for look-back and look-ahead: one endless word, one
     * endless run of full stops, of capitals, of spaces after a stop. */
    static const char fills[] = {'a', '.', 'A', ' '};
    for (size_t f = 0; f < sizeof fills; f++) {
        size_t n = 4u << 20;
        memset(big, fills[f], n);
        big[0] = 'X';
        big[1] = '.';
        dy_arena_init(&a, 0);
        ns = dy_split_sentences(big, n, &a, &s);
        for (size_t i = 0; i < ns && i < 1000; i++) {
            dy_token *t;
            dy_tokenise(big, s[i].start, s[i].end, &a, &t);
        }
        dy_arena_free(&a);
    }
    free(big);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_inputs),
        cmocka_unit_test(test_edge_inputs),
        cmocka_unit_test(test_long_single_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
