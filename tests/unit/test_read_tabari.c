/* TABARI record reader: our own small records, the comment-block entries,
 * and (when ../shared is there) the whole TABARI validation file against
 * the ids, dates and texts of its gold JSONL. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "io/read.h"
#include "test_read_collect.h"
#include <ctype.h>
#include <json-c/json.h>

static const char *const own_records =
    "# a banner line the reader must skip\n"
    "\n"
    "250903  QUAY-01\n"
    "The harbour master of Port Ellis closed the north quay \n"
    "after a crane toppled on Tuesday.\n"
    "/*\\n------\n"
    "\\n[a remark with {braces} inside brackets is not an entry]\n"
    "\\n{ PEL / --- / 010 } 250903\n"
    "\\n{ ---} */\n"
    "\n"
    "990101  QUAY-01\n"
    "Same id again, from the last century.\n"
    "\n"
    "031231  OPT-01\n"
    "Turning on four-digit years./*\n"
    "\\n{ OPTION: SET: YYYY = TRUE } */\n"
    "\n"
    "20240229 LEAP-01\n"
    "A leap day in four-digit mode.\n"
    "\n"
    "19991332 BAD-DATE\n"
    "Month thirteen does not exist.\n"
    "\n"
    "20240101 OPT-02\n"
    "Back to two digits /* { OPTION: SET: YYYY = FALSE\n"
    "\n"
    "240101  BACK-01\n"
    "Two-digit again; the unclosed option brace above still counts.\n"
    "\n"
    "240102  BYTES-01\n"
    "   A Latin-1 byte: Ni\xE7" "a.\n";

typedef struct {
    collect c;
    char blocks[16][200];
    char raw_dates[16][16];
    size_t n;
} rec_collect;

static int collect_record(const dy_tabari_record *r, void *user) {
    rec_collect *rc = user;
    if (rc->n < 16) {
        snprintf(rc->blocks[rc->n], sizeof rc->blocks[0], "%.*s", (int)r->block_len,
                 r->block ? r->block : "");
        snprintf(rc->raw_dates[rc->n], sizeof rc->raw_dates[0], "%s", r->raw_date);
    }
    rc->n++;
    return collect_article(r->article, &rc->c);
}

static void own_fixture(void **state) {
    (void)state;
    rec_collect rc = {0};
    collect_init(&rc.c);
    int r = dy_tabari_read("own.text", own_records, strlen(own_records), collect_record, &rc,
                           &rc.c.diag);
    assert_int_equal(r, 0);
    collect *c = &rc.c;
    collect_dump(c);
    assert_int_equal(c->n, 8);
    assert_true(collect_has(c, "31:22: warning: invalid UTF-8: 1 bad byte"));
    assert_string_equal(c->a[0].id, "QUAY-01");
    assert_string_equal(c->a[0].date, "2025-09-03");
    assert_int_equal(c->a[0].line, 4);
    assert_string_equal(c->a[0].text, "The harbour master of Port Ellis closed the north quay \n"
                                      "after a crane toppled on Tuesday.");
    assert_non_null(strstr(rc.blocks[0], "{ ---} */"));
    assert_string_equal(c->a[1].id, "QUAY-01#2");
    assert_string_equal(c->a[1].date, "1999-01-01");
    assert_string_equal(c->a[2].text, "Turning on four-digit years.");
    assert_string_equal(c->a[3].id, "LEAP-01");
    assert_string_equal(c->a[3].date, "2024-02-29");
    assert_string_equal(rc.raw_dates[3], "20240229");
    assert_string_equal(c->a[4].id, "BAD-DATE");
    assert_null(c->a[4].date);
    assert_true(collect_has(c, "bad date field"));
    assert_string_equal(c->a[6].id, "BACK-01");
    assert_string_equal(c->a[6].date, "2024-01-01");
    assert_int_equal(c->diag.errors, 0);
    collect_free(c);
}

static void block_entries(void **state) {
    (void)state;
    const char *b = "/*\\n[note { not this }\n\\n{ ARN / GON / 064 } 950103\n"
                    "\\n-{ ~REB/OSG/ 1717}\n{---}{###} {+++}\n{ OPTION: SET: MINIMUM WORDS = 4  */";
    size_t pos = 0, len = strlen(b);
    dy_tabari_entry e;
    assert_true(dy_tabari_block_next(b, len, &pos, &e));
    assert_int_equal(e.kind, DY_TAB_EVENT);
    assert_false(e.unchecked);
    assert_int_equal(e.line_offset, 1);
    assert_memory_equal(e.src, "ARN", 3);
    assert_int_equal(e.src_len, 3);
    assert_memory_equal(e.code, "064", 3);
    assert_int_equal(e.code_len, 3);
    assert_true(dy_tabari_block_next(b, len, &pos, &e));
    assert_int_equal(e.kind, DY_TAB_EVENT);
    assert_true(e.unchecked);
    assert_int_equal(e.src_len, 4);
    assert_memory_equal(e.src, "~REB", 4);
    assert_int_equal(e.code_len, 4);
    assert_true(dy_tabari_block_next(b, len, &pos, &e));
    assert_int_equal(e.kind, DY_TAB_NOEVENT);
    assert_true(dy_tabari_block_next(b, len, &pos, &e));
    assert_int_equal(e.kind, DY_TAB_DISCARD);
    assert_true(dy_tabari_block_next(b, len, &pos, &e));
    assert_int_equal(e.kind, DY_TAB_COMPLEX);
    assert_true(dy_tabari_block_next(b, len, &pos, &e));
    assert_int_equal(e.kind, DY_TAB_OPTION);
    assert_int_equal(e.option_len, strlen("SET: MINIMUM WORDS = 4"));
    assert_memory_equal(e.option, "SET: MINIMUM WORDS = 4", e.option_len);
    assert_int_equal(e.line_offset, 4);
    assert_false(dy_tabari_block_next(b, len, &pos, &e));
}

/* The words of s, single-spaced, in a new string. */
static char *words(const char *s) {
    char *out = malloc(strlen(s) + 1), *o = out;
    for (;;) {
        while (isspace((unsigned char)*s)) s++;
        if (!*s) break;
        if (o != out) *o++ = ' ';
        while (*s && !isspace((unsigned char)*s)) *o++ = *s++;
    }
    *o = 0;
    return out;
}

static int same_words(const char *a, const char *b) {
    char *wa = words(a), *wb = words(b);
    int same = !strcmp(wa, wb);
    free(wa);
    free(wb);
    return same;
}

static void validate_text_matches_gold(void **state) {
    (void)state;
    const char *shared = getenv("DYAD_SHARED");
    char path[1024], gold[1024];
    snprintf(path, sizeof path, "%s/peers/tabari-code/Validate.text", shared ? shared : "");
    snprintf(gold, sizeof gold, "%s/gold/tabari_validate.jsonl", shared ? shared : "");
    FILE *g = shared ? fopen(gold, "r") : NULL;
    FILE *t = shared ? fopen(path, "r") : NULL;
    if (!g || !t) {
        if (g) fclose(g);
        if (t) fclose(t);
        skip();
    }
    fclose(t);
    collect c;
    collect_init(&c);
    assert_int_equal(dyad_read_file(path, DYAD_IN_AUTO, collect_article, &c, &c.diag), 0);
    assert_int_equal(c.n, 481);
    assert_int_equal(c.diag.errors, 0);
    char line[65536];
    size_t i = 0;
    while (fgets(line, sizeof line, g)) {
        json_object *o = json_tokener_parse(line);
        assert_non_null(o);
        json_object *id, *date, *text;
        assert_true(json_object_object_get_ex(o, "id", &id));
        assert_true(json_object_object_get_ex(o, "date", &date));
        assert_true(json_object_object_get_ex(o, "text", &text));
        assert_true(i < c.n);
        assert_string_equal(c.a[i].id, json_object_get_string(id));
        assert_string_equal(c.a[i].date, json_object_get_string(date));
        if (!same_words(c.a[i].text, json_object_get_string(text))) {
            fprintf(stderr, "record %s: text differs\n", c.a[i].id);
            fail();
        }
        json_object_put(o);
        i++;
    }
    fclose(g);
    assert_int_equal(i, 472);
    assert_string_equal(c.a[472].id, "FINAL-01");
    collect_free(&c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(own_fixture),
        cmocka_unit_test(block_entries),
        cmocka_unit_test(validate_text_matches_gold),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
