/* Codes of two verbs read as one: "seeking to deepen a partnership" is an
 * intent to cooperate materially, "asking Y to help" an appeal for aid.
 * PETRARCH-2 reaches these by adding its internal codes; CAMEO itself has
 * the combinations as codes of the intent (03), appeal (02), demand (10)
 * and rejection (12) roots, one per cooperative root of the lower verb,
 * so the mapping below is written from the CAMEO codebook's structure. */
#include "coder/p2.h"
#include <stdio.h>
#include <string.h>

typedef struct {
    char upper[3];          /* root of the general upper code ("03" for 030) */
    const char *by_lower[5];/* result for lower roots 04, 05, 06, 07, 08; NULL none */
} compose_row;

static const compose_row rows[] = {
    {"03", {"036", "032", "031", "033", "035"}},
    {"02", {"026", "022", "021", "023", "025"}},
    {"10", {"106", "102", "101", "103", "105"}},
    {"12", {"125", NULL, "121", "122", "124"}},
};

/* The sub-code digit a 4-digit result takes from the lower code's third
 * digit: material cooperation and aid keep it (061 -> x11), yielding
 * renumbers (081 -> x51 ... 087 -> x56; 083, reform, has its own root). */
static char sub_digit(const char *lower) {
    char root1 = lower[1], third = lower[2];
    if (root1 == '6' || root1 == '7') return third >= '1' && third <= '4' ? third : 0;
    if (root1 == '8') {
        static const char yield_sub[] = {0, '1', '2', 0, '3', '4', '5', '6'};
        return third >= '1' && third <= '7' ? yield_sub[third - '0'] : 0;
    }
    return 0;
}

int dy_p2_compose(const char *upper, const char *lower, char out[8]) {
    if (!upper || !lower || strlen(upper) != 3 || upper[2] != '0' || strlen(lower) < 3) return 0;
    if (lower[0] != '0' || lower[1] < '4' || lower[1] > '8') return 0;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        if (memcmp(rows[i].upper, upper, 2)) continue;
        const char *base = rows[i].by_lower[lower[1] - '4'];
        if (!base) return 0;
        /* "ease political dissent" / "accede to reform" read as the reform code */
        if (lower[1] == '8' && lower[2] == '3') {
            static const char *const reform[] = {"034", "024", "104", "123"};
            base = reform[i];
        }
        char sub = sub_digit(lower);
        if (sub) {
            char four[8];
            snprintf(four, sizeof four, "%s%c", base, sub);
            if (dyad_cameo_lookup(four)) {
                memcpy(out, four, 5);
                return 1;
            }
        }
        snprintf(out, 8, "%s", base);
        return 1;
    }
    return 0;
}

int dy_p2_reciprocal_code(const char *code) {
    /* meeting, consulting and cooperating take two; giving aid, yielding
     * or attacking has a side that gives and one that takes */
    if (!code || code[0] != '0' || !code[1]) return 0;
    return code[1] >= '3' && code[1] <= '6';
}
