/* CAMEO code assembly for the native family. */
#include "coder/n.h"
#include <string.h>

int n_code_has_block(const char *code, const char *blk, size_t n) {
    if (!code || n != 3) return 0;
    size_t len = strlen(code);
    /* "---" is a placeholder, not a block that could repeat */
    for (size_t at = 3; at + 3 <= len; at += 3)
        if (!memcmp(code + at, blk, 3)) return 1;
    return 0;
}

int n_code_asks(const char *code) {
    if (!code || strlen(code) < 2) return 0;
    /* a permission given or refused (080, 124) governs what is permitted:
     * "would not give permission to Russia to help Israel" helps nobody */
    if (!strcmp(code, "080") || !strcmp(code, "124")) return 1;
    return !strncmp(code, "02", 2) || !strncmp(code, "10", 2) || !strncmp(code, "17", 2);
}

/* Roots of acts only a government performs when a capital is named as
 * the actor: statements, appeals, intents, consultations, diplomacy, and
 * their verbal conflict counterparts ("Beijing condemned", "Seoul urged"). */
static int speaker_root(const char *code) {
    static const char *const roots[] = {"01", "02", "03", "04", "05", "10", "11", "12", "13", "16"};
    if (!code || strlen(code) < 2) return 0;
    for (size_t k = 0; k < sizeof roots / sizeof *roots; k++)
        if (!strncmp(code, roots[k], 2)) return 1;
    return 0;
}

const dy_group *n_capital_speaker(const dy_group *g, const char *code, dy_arena *a) {
    if (!g || !speaker_root(code)) return g;
    uint32_t hits = 0;
    for (uint32_t k = 0; k < g->nm; k++) {
        const dy_member *m = &g->m[k];
        if (m->actor && (m->actor->flags & DY_ACODE_CAPITAL) && !m->agent && !strcmp(m->code, m->actor->code))
            hits++;
    }
    if (!hits) return g;
    dy_group *copy = dy_arena_alloc(a, sizeof *copy);
    *copy = *g;
    dy_member *mm = dy_arena_alloc(a, g->nm * sizeof *mm);
    memcpy(mm, g->m, g->nm * sizeof *mm);
    for (uint32_t k = 0; k < g->nm; k++) {
        if (!(mm[k].actor && (mm[k].actor->flags & DY_ACODE_CAPITAL) && !mm[k].agent &&
              !strcmp(mm[k].code, mm[k].actor->code)))
            continue;
        size_t n = strlen(mm[k].code);
        char *code_gov = dy_arena_alloc(a, n + 4);
        memcpy(code_gov, mm[k].code, n);
        memcpy(code_gov + n, "GOV", 4);
        mm[k].code = code_gov;
    }
    copy->m = mm;
    return copy;
}

int n_code_alleges(const char *code) {
    return code && !strncmp(code, "11", 2);
}

/* The state bodies whose administrative sanctions fall on their own
 * society: courts, police, legislatures and the government itself. */
static int state_body(const dy_member *m) {
    static const char *const roles[] = {"GOV", "JUD", "COP", "LEG"};
    if (!m->actor || !m->agent || !m->agent->code || strlen(m->actor->code) != 3) return 0;
    for (size_t k = 0; k < sizeof roles / sizeof *roles; k++)
        if (!strcmp(m->agent->code, roles[k])) return 1;
    return 0;
}

const dy_group *n_domestic_target(const dy_group *gs, const dy_group *gt, const char *code, dy_arena *a) {
    if (!gs || !gt || gs == gt || gs->nm != 1 || !code || strncmp(code, "172", 3) || !state_body(&gs->m[0]))
        return gt;
    for (uint32_t k = 0; k < gt->nm; k++)
        if (gt->m[k].actor || strncmp(gt->m[k].code, "---", 3)) return gt;
    const char *country = gs->m[0].actor->code;
    dy_group *copy = dy_arena_alloc(a, sizeof *copy);
    *copy = *gt;
    dy_member *mm = dy_arena_alloc(a, gt->nm * sizeof *mm);
    memcpy(mm, gt->m, gt->nm * sizeof *mm);
    for (uint32_t k = 0; k < gt->nm; k++) {
        size_t n = strlen(mm[k].code);
        char *c = dy_arena_alloc(a, n + 1);
        memcpy(c, country, 3);
        memcpy(c + 3, mm[k].code + 3, n - 2);
        mm[k].code = c;
        mm[k].actor = gs->m[0].actor;
    }
    copy->m = mm;
    return copy;
}
