/* Reported, planned, speculative or negated: read from the words between
 * a verb's subject and the verb (auxiliaries, modals, "is set to",
 * "expected to", "did not"), from time words just after it ("next week"),
 * and from the sentence being a question. A negation outranks a
 * speculation, which outranks a plan: "may not attend" is negated, "is
 * likely to attend next week" speculative. */
#include "coder/coder.h"
#include <string.h>

typedef struct {
    const char *word;
    dyad_status status;
} cue;

/* Words that change the status of the verb they precede. */
static const cue before_cues[] = {
    {"plan", DYAD_PLANNED},        {"plans", DYAD_PLANNED},       {"planned", DYAD_PLANNED},
    {"planning", DYAD_PLANNED},    {"set", DYAD_PLANNED},         {"scheduled", DYAD_PLANNED},
    {"due", DYAD_PLANNED},         {"intend", DYAD_PLANNED},      {"intends", DYAD_PLANNED},
    {"intended", DYAD_PLANNED},    {"going", DYAD_PLANNED},       {"about", DYAD_PLANNED},
    {"prepares", DYAD_PLANNED},    {"prepared", DYAD_PLANNED},    {"preparing", DYAD_PLANNED},
    {"expected", DYAD_SPECULATIVE}, {"expects", DYAD_SPECULATIVE}, {"expect", DYAD_SPECULATIVE},
    {"likely", DYAD_SPECULATIVE},  {"unlikely", DYAD_SPECULATIVE}, {"possibly", DYAD_SPECULATIVE},
    {"perhaps", DYAD_SPECULATIVE}, {"probably", DYAD_SPECULATIVE}, {"maybe", DYAD_SPECULATIVE},
    {"anticipate", DYAD_SPECULATIVE}, {"anticipates", DYAD_SPECULATIVE},
    {"anticipated", DYAD_SPECULATIVE}, {"hope", DYAD_SPECULATIVE}, {"hopes", DYAD_SPECULATIVE},
    {"hoped", DYAD_SPECULATIVE},   {"rumored", DYAD_SPECULATIVE}, {"rumoured", DYAD_SPECULATIVE},
    {"speculated", DYAD_SPECULATIVE}, {"considering", DYAD_SPECULATIVE},
};

/* Words after the verb that put it in the future. */
static const char *const after_future[] = {"tomorrow", "next", "upcoming", "forthcoming", "later"};

static int rank(dyad_status s) {
    switch (s) {
    case DYAD_NEGATED: return 3;
    case DYAD_SPECULATIVE: return 2;
    case DYAD_PLANNED: return 1;
    default: return 0;
    }
}

static void raise_to(dyad_status *cur, dyad_status s) {
    if (rank(s) > rank(*cur)) *cur = s;
}

void dy_status_cues_index(dy_fword_index *x) {
    for (size_t c = 0; c < sizeof before_cues / sizeof before_cues[0]; c++) {
        long h = dy_fword_slot(x, before_cues[c].word, strlen(before_cues[c].word), 1);
        if (h >= 0 && !x->cue[h]) x->cue[h] = (uint8_t)(c + 1);
    }
}

static int norm_is(const dy_token *t, const char *w) {
    /* the first letter rejects almost every cue without measuring it */
    if (t->norm_len && t->norm[0] != w[0]) return 0;
    size_t n = strlen(w);
    return t->norm_len == n && !memcmp(t->norm, w, n);
}

dyad_status dy_status_of(const dy_sentence_parse *s, size_t v, size_t clause_start) {
    dyad_status st = DYAD_REPORTED;
    size_t from = clause_start;
    for (size_t k = v; k-- > clause_start;)
        if (s->u[k].kind == DY_U_VERB || s->u[k].kind == DY_U_END) {
            from = k + 1;
            break;
        }
    for (size_t k = from; k < v; k++) {
        const dy_unit *x = &s->u[k];
        if (x->kind != DY_U_WORD) continue;
        const dy_token *t = &s->tok[x->t0];
        switch (x->fw) {
        case DY_FW_NEG: raise_to(&st, DYAD_NEGATED); continue;
        case DY_FW_FUTURE: raise_to(&st, DYAD_PLANNED); continue;
        case DY_FW_MODAL: raise_to(&st, DYAD_SPECULATIVE); continue;
        default: break;
        }
        if (norm_is(t, "no") && k + 1 < v && norm_is(&s->tok[s->u[k + 1].t0], "longer")) {
            raise_to(&st, DYAD_NEGATED);
            continue;
        }
        if (s->fwx) {
            /* the coder's table: one probe for the first cue the word is */
            long h = dy_fword_lookup(s->fwx, t->norm, t->norm_len);
            if (h >= 0 && s->fwx->cue[h]) raise_to(&st, before_cues[s->fwx->cue[h] - 1].status);
            continue;
        }
        for (size_t c = 0; c < sizeof before_cues / sizeof before_cues[0]; c++)
            if (norm_is(t, before_cues[c].word)) {
                raise_to(&st, before_cues[c].status);
                break;
            }
    }
    /* Time words in the few tokens after the verb phrase. */
    size_t t_end = s->u[v].t1 + 8 < s->ntok ? s->u[v].t1 + 8 : s->ntok;
    for (size_t t = s->u[v].t1; t < t_end; t++) {
        const dy_token *tok = &s->tok[t];
        if (tok->kind == DY_TOK_PUNCT && tok->norm[0] != ',') break;
        for (size_t c = 0; c < sizeof after_future / sizeof after_future[0]; c++)
            if (norm_is(tok, after_future[c])) raise_to(&st, DYAD_PLANNED);
    }
    if (s->question) raise_to(&st, DYAD_SPECULATIVE);
    return st;
}
