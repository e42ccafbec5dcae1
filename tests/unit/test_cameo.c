/* The CAMEO event-code table against the shared reference TSV (read at test
 * time, never copied), the code helpers, and the actor-code splitter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "cameo/cameo.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE *open_shared(const char *rel) {
    const char *root = getenv("DYAD_SHARED");
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", root ? root : "../shared", rel);
    FILE *f = fopen(path, "r");
    if (!f) fail_msg("cannot open %s", path);
    return f;
}

/* Column n (0-based) of a tab-separated line, copied into out. */
static void column(const char *line, int n, char *out, size_t cap) {
    const char *p = line;
    for (int i = 0; i < n && p; i++) {
        p = strchr(p, '\t');
        if (p) p++;
    }
    size_t len = 0;
    if (p)
        while (p[len] && p[len] != '\t' && p[len] != '\n' && p[len] != '\r') len++;
    if (len >= cap) len = cap - 1;
    memcpy(out, p ? p : "", len);
    out[len] = '\0';
}

static void every_reference_code_is_present_with_its_values(void **state) {
    (void)state;
    FILE *f = open_shared("specs/cameo_event_codes.tsv");
    char line[4096];
    assert_non_null(fgets(line, sizeof line, f)); /* header */
    size_t rows = 0;
    while (fgets(line, sizeof line, f)) {
        char code[16], gold[32], quad[8];
        column(line, 0, code, sizeof code);
        column(line, 2, gold, sizeof gold);
        column(line, 3, quad, sizeof quad);
        const dyad_cameo_code *c = dyad_cameo_lookup(code);
        if (!c) fail_msg("code %s missing", code);
        assert_string_equal(c->code, code);
        if (fabs(c->goldstein - strtod(gold, NULL)) > 1e-9)
            fail_msg("code %s: goldstein %.1f, reference %s", code, c->goldstein, gold);
        if (c->quad != atoi(quad)) fail_msg("code %s: quad %d, reference %s", code, c->quad, quad);
        assert_true(c->name && c->name[0]);
        rows++;
    }
    fclose(f);
    assert_int_equal(rows, 316);
    /* Same count and every reference code found: no extra codes. */
    assert_int_equal(dy_cameo_count(), rows);
}

static void table_is_sorted_and_quads_follow_roots(void **state) {
    (void)state;
    for (size_t i = 0; i < dy_cameo_count(); i++) {
        const dyad_cameo_code *c = dy_cameo_at(i);
        if (i) assert_true(strcmp(dy_cameo_at(i - 1)->code, c->code) < 0);
        int root = (c->code[0] - '0') * 10 + (c->code[1] - '0');
        assert_int_equal(c->quad, dy_cameo_quad_of_root(root));
        assert_ptr_equal(dyad_cameo_lookup(c->code), c);
    }
    assert_null(dy_cameo_at(dy_cameo_count()));
}

static void codes_are_strings(void **state) {
    (void)state;
    const dyad_cameo_code *ten = dyad_cameo_lookup("10");
    const dyad_cameo_code *oten = dyad_cameo_lookup("010");
    assert_non_null(ten);
    assert_non_null(oten);
    assert_ptr_not_equal(ten, oten);
    assert_int_equal(ten->quad, 3);
    assert_int_equal(oten->quad, 1);
    assert_null(dyad_cameo_lookup(NULL));
    assert_null(dyad_cameo_lookup(""));
    assert_null(dyad_cameo_lookup("0"));
    assert_null(dyad_cameo_lookup("1"));
    assert_null(dyad_cameo_lookup("00"));
    assert_null(dyad_cameo_lookup("21"));
    assert_null(dyad_cameo_lookup("0420"));
    assert_null(dyad_cameo_lookup("042 "));
    assert_null(dyad_cameo_lookup("04a"));
    assert_null(dyad_cameo_lookup("01234"));
    assert_true(dy_cameo_is_valid("2042"));
    assert_false(dy_cameo_is_valid("2043"));
    assert_true(fabs(dyad_cameo_lookup("042")->goldstein - 1.9) < 1e-9);
}

static void root_and_base(void **state) {
    (void)state;
    char root[3], base[5];
    assert_int_equal(dy_cameo_root("0211", root), 0);
    assert_string_equal(root, "02");
    assert_int_equal(dy_cameo_base("0211", base), 0);
    assert_string_equal(base, "021");
    assert_int_equal(dy_cameo_base("04", base), 0);
    assert_string_equal(base, "04");
    assert_int_equal(dy_cameo_base("190", base), 0);
    assert_string_equal(base, "190");
    assert_int_equal(dy_cameo_root("x1", root), -1);
    assert_string_equal(root, "");
    assert_int_equal(dy_cameo_root(NULL, root), -1);
    assert_int_equal(dy_cameo_base("7", base), -1);
    assert_int_equal(dy_cameo_quad_of_root(0), 0);
    assert_int_equal(dy_cameo_quad_of_root(21), 0);
    assert_int_equal(dy_cameo_quad_of_root(5), 1);
    assert_int_equal(dy_cameo_quad_of_root(6), 2);
    assert_int_equal(dy_cameo_quad_of_root(9), 2);
    assert_int_equal(dy_cameo_quad_of_root(10), 3);
    assert_int_equal(dy_cameo_quad_of_root(14), 3);
    assert_int_equal(dy_cameo_quad_of_root(15), 4);
}

static void actor_codes_split_like_gdelt(void **state) {
    (void)state;
    dy_actor_parts p;
    assert_int_equal(dy_actor_split("PRKGOV", &p), 2);
    assert_string_equal(p.country, "PRK");
    assert_string_equal(p.type1, "GOV");
    assert_string_equal(p.type2, "");

    dy_actor_split("IGOUNOREFHCR", &p);
    assert_string_equal(p.country, "");
    assert_string_equal(p.type1, "IGO");
    assert_string_equal(p.known_group, "UNO");
    assert_string_equal(p.type2, "REF");

    dy_actor_split("MNCUSAHLH", &p);
    assert_string_equal(p.country, "USA");
    assert_string_equal(p.type1, "MNC");
    assert_string_equal(p.type2, "HLH");

    dy_actor_split("CHRCTH", &p);
    assert_string_equal(p.religion1, "CHR");
    assert_string_equal(p.religion2, "CTH");

    dy_actor_split("IMGMUSALQ", &p); /* Phoenix spelling of Muslim */
    assert_string_equal(p.type1, "IMG");
    assert_string_equal(p.religion1, "MOS");
    assert_string_equal(p.known_group, "ALQ");
    assert_string_equal(p.country, "");

    dy_actor_split("IRQkurGOVMILSPY", &p);
    assert_string_equal(p.country, "IRQ");
    assert_string_equal(p.ethnic, "kur");
    assert_string_equal(p.type1, "GOV");
    assert_string_equal(p.type2, "MIL");
    assert_string_equal(p.type3, "SPY");

    dy_actor_split("AFR", &p);
    assert_string_equal(p.country, "AFR");

    /* Unknown blocks and a trailing fragment are ignored, never overrun. */
    assert_int_equal(dy_actor_split("ZZZGOVXY", &p), 1);
    assert_string_equal(p.type1, "GOV");
    assert_int_equal(dy_actor_split("", &p), 0);
    assert_int_equal(dy_actor_split(NULL, &p), 0);
    assert_int_equal(dy_actor_split("Gov", &p), 0);
}

/* Our block lists are our own; check them against the reference tables:
 * a reference code is never put in the wrong kind, and most are known. */
static void check_table(const char *rel, dy_block_kind want, double min_share, const char *allowed) {
    FILE *f = open_shared(rel);
    char line[1024], code[16];
    assert_non_null(fgets(line, sizeof line, f));
    int total = 0, known = 0;
    while (fgets(line, sizeof line, f)) {
        column(line, 0, code, sizeof code);
        if (strlen(code) != 3) continue;
        dy_block_kind k = dy_actor_block_kind(code);
        total++;
        if (k == want) known++;
        else if (k != DY_BLOCK_UNKNOWN && !strstr(allowed, code))
            fail_msg("%s: %s classified as kind %d", rel, code, (int)k);
    }
    fclose(f);
    if (known < min_share * total) fail_msg("%s: only %d of %d codes known", rel, known, total);
}

static void block_lists_agree_with_reference(void **state) {
    (void)state;
    /* MUS (Mauritius) is read as Phoenix's "Muslim" block, on purpose. */
    check_table("specs/cameo_country.tsv", DY_BLOCK_COUNTRY, 0.99, "MUS");
    check_table("specs/cameo_religion.tsv", DY_BLOCK_RELIGION, 0.95, "SHN");
    /* GDELT's type table also lists a few organisations and IGO/NGO
     * generics; organisations are known groups here, as in GDELT rows. */
    check_table("specs/cameo_type.tsv", DY_BLOCK_TYPE, 0.9, "UNO AMN IRC");
    check_table("specs/cameo_knowngroup.tsv", DY_BLOCK_KNOWN_GROUP, 0.6, "PSE");
    check_table("specs/cameo_ethnic.tsv", DY_BLOCK_ETHNIC, 0.99, "ARB KUR");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_reference_code_is_present_with_its_values),
        cmocka_unit_test(table_is_sorted_and_quads_follow_roots),
        cmocka_unit_test(codes_are_strings),
        cmocka_unit_test(root_and_base),
        cmocka_unit_test(actor_codes_split_like_gdelt),
        cmocka_unit_test(block_lists_agree_with_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
