/* Events named by a noun rather than a verb: "talks between A and B",
 * "a series of high-level discussions between A and B". News often
 * reports (or forecasts) a meeting this way, with no verb of meeting at
 * all; the parties are the compound after "between", and each consults
 * the other. Only a sentence that gives no event otherwise is read so. */
#include "coder/p2.h"
#include <string.h>

typedef struct {
    const char *noun;
    const char *code;
} meeting_noun;

static const meeting_noun nouns[] = {
    {"talks", "046"},        {"negotiations", "046"}, {"discussions", "040"},
    {"consultations", "040"}, {"meeting", "040"},     {"meetings", "040"},
    {"summit", "040"},       {"dialogue", "040"},
};

/* Verbs of expecting: what they govern has not happened yet. */
static const char *const expecting[] = {"anticipate", "anticipates", "anticipated", "expect", "expects",
                                        "predict", "predicts", "predicted", "forecast", "forecasts"};

static int norm_in(const dy_token *t, const char *const *list, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (t->norm_len == strlen(list[i]) && !memcmp(t->norm, list[i], t->norm_len)) return 1;
    return 0;
}

int dy_p2_nominal_at(const dy_sentence_parse *s, size_t k, int *group, const char **code, dyad_status *st) {
    const dy_unit *x = &s->u[k];
    if (x->kind != DY_U_WORD || x->fw != DY_FW_NONE || k + 2 >= s->nu) return 0;
    /* "between" first: it rules out almost every word at once */
    const dy_token *b = &s->tok[s->u[k + 1].t0];
    if (s->u[k + 1].kind != DY_U_WORD || b->norm_len != 7 || memcmp(b->norm, "between", 7)) return 0;
    const dy_token *t = &s->tok[x->t0];
    const char *c = NULL;
    for (size_t i = 0; i < sizeof nouns / sizeof nouns[0] && !c; i++)
        if (t->norm_len == strlen(nouns[i].noun) && !memcmp(t->norm, nouns[i].noun, t->norm_len)) c = nouns[i].code;
    if (!c) return 0;
    int g = s->u[k + 2].group;
    if (g < 0 || s->g[g].nm < 2 || s->g[g].nm > DY_P2_RECIPROCAL_MAX || s->g[g].u0 != k + 2) return 0;
    *group = g;
    *code = c;
    /* the status of the clause the noun sits in, and "analysts anticipate
     * talks": a verb of expecting before it makes them speculative */
    *st = dy_status_of(s, k, 0);
    for (size_t q = k; q-- > 0;) {
        if (s->u[q].kind == DY_U_END || s->u[q].kind == DY_U_BREAK) break;
        if (norm_in(&s->tok[s->u[q].t0], expecting, sizeof expecting / sizeof expecting[0])) {
            *st = DYAD_SPECULATIVE;
            break;
        }
    }
    return 1;
}
