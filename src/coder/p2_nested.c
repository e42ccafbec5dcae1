/* A verb that governs another: "X said Y attacked Z", "X wants Y to attack
 * Z". PETRARCH-2 codes the pair as one nested event and rewrites some
 * pairs with the dictionary's transformations (CAMEO.2.0 ends with them):
 * X claiming that X itself attacked is a claim of responsibility, X saying
 * Y attacked is an accusation, X wanting Y to attack is an appeal. A
 * transformation names its verbs by word; what it means is the code the
 * dictionary gives that word, so the words are resolved once per coder. */
#include "coder/p2.h"
#include "util/xalloc.h"
#include <stdlib.h>
#include <string.h>

typedef struct {
    const dy_transform *t;
    const char *upper_code;  /* code text of the upper verb (PETRARCH-2 rules) */
    const dy_verb_block *upper_block; /* the upper verb's block (native rules); NULL for PETRARCH-2 */
    const char *lower_code;  /* code text of the lower verb; NULL: any (Q) */
} p2_rule;

struct dy_p2_rules {
    p2_rule *rule;
    size_t n;
    const char *upper[8];    /* the distinct upper codes, for the per-verb test */
    size_t nupper;
    int upper_overflow;      /* more distinct upper codes than upper[] holds: test every rule */
    int has_blocks;          /* some rule names its upper verb by block (native) */
};

/* The code the dictionary gives a verb named by one word ("SAY"), NULL
 * when the word is no verb there. */
static const char *verb_code_of(const dyad_dict *d, const char *name) {
    char low[64];
    size_t n = strlen(name);
    if (n == 0 || n >= sizeof low) return NULL;
    for (size_t i = 0; i < n; i++) {
        char ch = name[i];
        low[i] = (ch >= 'A' && ch <= 'Z') ? (char)(ch - 'A' + 'a') : ch;
    }
    low[n] = 0;
    dy_dict_tok tok;
    dy_dict_tok_resolve(d, low, n, &tok);
    dy_verb_hit hit;
    if (!dy_dict_verb_match(d, &tok, 1, 0, &hit) || !hit.form) return NULL;
    return hit.form->code.text;
}

/* A native rule names its upper verb by the block's NAME: the first
 * native block of that name (a NAME repeated on later lines continues
 * the block, so there is one). */
static const dy_verb_block *native_block(const dyad_dict *d, const char *name) {
    size_t nb = dy_dict_verb_block_count(d);
    for (size_t i = 0; i < nb; i++) {
        const dy_verb_block *b = dy_dict_verb_block(d, i);
        if (b->family == DY_FAM_NATIVE && b->name && !strcmp(b->name, name)) return b;
    }
    return NULL;
}

dy_p2_rules *dy_p2_rules_new(const dyad_dict *d) {
    size_t nt = dy_dict_transform_count(d);
    if (!nt) return NULL;
    dy_p2_rules *r = dy_xcalloc(1, sizeof *r);
    r->rule = dy_xcalloc(nt, sizeof *r->rule);
    for (size_t i = 0; i < nt; i++) {
        const dy_transform *t = dy_dict_transform(d, i);
        if (!t->upper_verb || !t->lower_verb) continue;
        if (t->family == DY_FAM_NATIVE) {
            const dy_verb_block *b = native_block(d, t->upper_verb);
            if (!b) continue; /* no such verb block: the rule can never apply */
            r->rule[r->n].t = t;
            r->rule[r->n].upper_code = "";
            r->rule[r->n].upper_block = b;
            r->rule[r->n].lower_code = strcmp(t->lower_verb, "Q") ? t->lower_verb : NULL;
            r->n++;
            r->has_blocks = 1;
            continue;
        }
        const char *up = verb_code_of(d, t->upper_verb);
        const char *low = strcmp(t->lower_verb, "Q") ? verb_code_of(d, t->lower_verb) : NULL;
        /* a rule whose verbs the dictionary lacks can never apply */
        if (!up || (!low && strcmp(t->lower_verb, "Q"))) continue;
        r->rule[r->n].t = t;
        r->rule[r->n].upper_code = up;
        r->rule[r->n].lower_code = low;
        r->n++;
    }
    if (!r->n) {
        dy_p2_rules_free(r);
        return NULL;
    }
    for (size_t i = 0; i < r->n; i++) {
        if (r->rule[i].upper_block) continue;
        size_t k = 0;
        while (k < r->nupper && strcmp(r->upper[k], r->rule[i].upper_code)) k++;
        if (k < r->nupper) continue;
        if (r->nupper == sizeof r->upper / sizeof r->upper[0]) r->upper_overflow = 1;
        else r->upper[r->nupper++] = r->rule[i].upper_code;
    }
    return r;
}

void dy_p2_rules_free(dy_p2_rules *r) {
    if (!r) return;
    free(r->rule);
    free(r);
}

static const char *unit_code(const dy_sentence_parse *s, size_t v) {
    const dy_unit *u = &s->u[v];
    return u->kind == DY_U_VERB && u->verb ? u->verb->code.text : NULL;
}

/* Does rule ru name verb unit v as its upper verb? */
static int upper_fits(const p2_rule *ru, const dy_sentence_parse *s, size_t v, const char *code) {
    if (ru->upper_block) return s->u[v].verb->block == ru->upper_block;
    return !strcmp(ru->upper_code, code);
}

int dy_p2_is_upper(const dy_p2_rules *r, const dy_sentence_parse *s, size_t v) {
    const char *code = unit_code(s, v);
    if (!r || !code) return 0;
    for (size_t i = 0; r->has_blocks && i < r->n; i++)
        if (r->rule[i].upper_block && s->u[v].verb->block == r->rule[i].upper_block) return 1;
    for (size_t i = 0; i < r->nupper; i++)
        if (r->upper[i][0] == code[0] && !strcmp(r->upper[i], code)) return 1;
    for (size_t i = 0; r->upper_overflow && i < r->n; i++)
        if (!strcmp(r->rule[i].upper_code, code)) return 1;
    return 0;
}

static int is_word(const dy_unit *x, dy_fword fw) { return x->kind == DY_U_WORD && x->fw == fw; }

static int is_aux(const dy_unit *x) { return dy_unit_is_aux(x); }

int dy_p2_complement(const dy_sentence_parse *s, size_t v, size_t *lower, int *lower_src) {
    size_t k = v + 1;
    int that = 0;
    *lower_src = -1;
    if (k < s->nu && is_word(&s->u[k], DY_FW_THAT)) k++, that = 1;
    size_t d = k;
    while (d < s->nu && is_word(&s->u[d], DY_FW_DET)) d++;
    /* "said eight people were killed": a number or an adjective before the actor */
    size_t e = d;
    while (e < s->nu && e < d + 2 && is_word(&s->u[e], DY_FW_NONE) && !s->u[e].possessive) e++;
    if (e < s->nu && e > d && s->u[e].group >= 0 && s->g[s->u[e].group].u0 == e) d = e;
    if (d < s->nu && s->u[d].group >= 0) {
        /* "said that the U.S. Air Force exercised" */
        *lower_src = s->u[d].group;
        k = s->g[*lower_src].u1;
    } else {
        /* "said eight people were killed": a subject that names no actor */
        size_t w = d;
        while (w < s->nu && w < d + 4 && s->u[w].kind == DY_U_WORD && s->u[w].fw == DY_FW_NONE &&
               !s->u[w].possessive)
            w++;
        if (w > d && w < s->nu && is_aux(&s->u[w])) {
            *lower_src = DY_P2_NO_ACTOR;
            k = w;
        }
    }
    if (k < s->nu && is_word(&s->u[k], DY_FW_TO)) {
        /* "wants to attack", "wants Y to attack" (not "said that Y to") */
        if (that) return 0;
        k++;
    } else {
        if (!that && *lower_src == -1) return 0;
        while (k < s->nu && is_aux(&s->u[k])) k++;
    }
    if (k >= s->nu || s->u[k].kind != DY_U_VERB || !s->u[k].verb) return 0;
    *lower = k;
    return 1;
}

int dy_p2_same_actors(const dy_sentence_parse *s, int a, int b) {
    if (a < 0 || b < 0) return 0;
    if (a == b) return 1;
    const dy_group *ga = &s->g[a], *gb = &s->g[b];
    if (ga->nm != gb->nm) return 0;
    for (uint32_t i = 0; i < ga->nm; i++)
        if (strcmp(ga->m[i].code, gb->m[i].code)) return 0;
    return 1;
}

/* Variables are single letters; '.' is anyone or no one, '_' no one. */
typedef struct {
    int bound[26];
    int group[26];
} bindings;

static int var_index(const char *v) {
    return v && v[0] >= 'a' && v[0] <= 'z' && !v[1] ? v[0] - 'a' : -1;
}

/* Does `spec` fit group g (-1: none written)? Binds a fresh variable;
 * with `distinct` (native rules) a fresh letter must be another actor
 * than the letters bound before ("Hamas said it attacked" is no
 * accusation of itself). */
static int bind(const dy_sentence_parse *s, bindings *b, const char *spec, int g, int distinct) {
    if (!spec) return 0;
    if (!strcmp(spec, ".")) return 1;
    if (!strcmp(spec, "_")) return g < 0;
    int i = var_index(spec);
    if (i < 0 || g < 0) return 0;
    if (b->bound[i]) return dy_p2_same_actors(s, b->group[i], g);
    for (int k = 0; distinct && k < 26; k++)
        if (b->bound[k] && dy_p2_same_actors(s, b->group[k], g)) return 0;
    b->bound[i] = 1;
    b->group[i] = g;
    return 1;
}

static int lookup(const bindings *b, const char *spec, int *g) {
    int i = var_index(spec);
    if (i < 0 || !b->bound[i]) return 0;
    *g = b->group[i];
    return 1;
}

/* Does a lower event's code fit the code a rule names? A general code
 * (a root's "190") stands for every code of its root ("fired" 194); the
 * general fight code for the assaults and mass violence beside it too
 * (roots 18-20: "a mortar bomb was fired at it" 183 is an attack said). */
static int code_fits(const char *named, const char *code) {
    if (!strcmp(named, code)) return 1;
    if (strlen(named) != 3 || named[2] != '0' || strlen(code) < 3) return 0;
    if (named[0] == code[0] && named[1] == code[1]) return 1;
    int violent = !strncmp(code, "18", 2) || !strncmp(code, "19", 2) || !strncmp(code, "20", 2);
    return !strcmp(named, "190") && violent;
}

int dy_p2_transform(const dy_p2_rules *r, const dy_sentence_parse *s, size_t v, int usrc, int lsrc,
                    int ltgt, const char *lower_code, int *out_src, int *out_tgt, const char **out_code) {
    const char *code = unit_code(s, v);
    if (!r || !code || !lower_code) return 0;
    for (size_t i = 0; i < r->n; i++) {
        const p2_rule *ru = &r->rule[i];
        const dy_transform *t = ru->t;
        if (!upper_fits(ru, s, v, code)) continue;
        if (ru->lower_code && !code_fits(ru->lower_code, lower_code)) continue;
        bindings b;
        memset(&b, 0, sizeof b);
        int distinct = ru->upper_block != NULL;
        if (!bind(s, &b, t->upper_source, usrc, distinct) || !bind(s, &b, t->lower_source, lsrc, distinct) ||
            !bind(s, &b, t->lower_target, ltgt, distinct))
            continue;
        int os, ot;
        if (!lookup(&b, t->out_source, &os) || !lookup(&b, t->out_target, &ot) || os < 0 || ot < 0) continue;
        *out_src = os;
        *out_tgt = ot;
        *out_code = strcmp(t->out_code, "Q") ? t->out_code : lower_code;
        return 1;
    }
    return 0;
}
