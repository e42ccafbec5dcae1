/* Helpers shared by the dictionary tests: load a dictionary written inline,
 * keep every diagnostic, and look phrases up the way the coder does. Test
 * phrases are plain lower-case words separated by single blanks (so these
 * tests do not depend on the tokeniser). */
#ifndef TEST_DICT_UTIL_H
#define TEST_DICT_UTIL_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "dict/dict.h"
#include "dyad.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    dyad_diag diag;
    char log[16384];
    size_t len;
} tdiag;

static inline void tdiag_fn(const dyad_diagnostic *d, void *user) {
    tdiag *t = user;
    static const char *const sev[] = {"note", "warning", "error"};
    int n = snprintf(t->log + t->len, sizeof t->log - t->len, "%s:%ld: %s: %s\n", d->file, d->line,
                     sev[d->severity], d->message);
    if (n > 0 && t->len + (size_t)n < sizeof t->log) t->len += (size_t)n;
}

static inline void tdiag_init(tdiag *t) {
    memset(t, 0, sizeof *t);
    dyad_diag_init(&t->diag, tdiag_fn, t);
}

/* Does the log hold a line containing all of: "file:line:", severity, text? */
static inline int tdiag_has(const tdiag *t, long line, const char *sev, const char *text) {
    char key[64];
    snprintf(key, sizeof key, ":%ld: %s: ", line, sev);
    const char *p = t->log;
    while ((p = strstr(p, key)) != NULL) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        char buf[1024];
        if (n >= sizeof buf) n = sizeof buf - 1;
        memcpy(buf, p, n);
        buf[n] = 0;
        if (strstr(buf, text)) return 1;
        p += strlen(key);
    }
    return 0;
}

#define ASSERT_DIAG(t, line, sev, text)                                                            \
    do {                                                                                           \
        if (!tdiag_has((t), (line), (sev), (text)))                                                \
            fail_msg("no %s at line %ld containing '%s'; log:\n%s", (sev), (long)(line), (text),     \
                     (t)->log);                                                                    \
    } while (0)

static inline dyad_dict *load_text(dy_dict_format fmt, const char *name, const char *text, tdiag *t) {
    tdiag_init(t);
    return dy_dict_load_memory(fmt, name, text, strlen(text), &t->diag);
}

/* Split "a b c" into resolved tokens (at most 32). */
static inline size_t tokens(const dyad_dict *d, const char *phrase, dy_dict_tok *out) {
    size_t n = 0;
    const char *p = phrase;
    while (*p && n < 32) {
        while (*p == ' ') p++;
        const char *b = p;
        while (*p && *p != ' ') p++;
        if (p > b) dy_dict_tok_resolve(d, b, (size_t)(p - b), &out[n++]);
    }
    return n;
}

/* The first code the phrase (matched from its first word, fully) gets on date. */
static inline const char *actor_code(const dyad_dict *d, const char *phrase, const char *date) {
    dy_dict_tok t[32];
    size_t n = tokens(d, phrase, t);
    dy_actor_hit h;
    if (dy_dict_actor_match(d, t, n, 0, &h) != n) return "(no match)";
    const dy_actor_code *c = dy_dict_actor_code_on(h.entry, date, DY_DATE_RULE_DEFAULT);
    return c ? c->code : "(none)";
}

static inline const dy_agent_entry *agent_of(const dyad_dict *d, const char *phrase) {
    dy_dict_tok t[32];
    size_t n = tokens(d, phrase, t);
    dy_agent_hit h;
    if (dy_dict_agent_match(d, t, n, 0, &h) != n) return NULL;
    return h.entry;
}

static inline const dy_verb_form *verb_of(const dyad_dict *d, const char *phrase) {
    dy_dict_tok t[32];
    size_t n = tokens(d, phrase, t);
    dy_verb_hit h;
    if (dy_dict_verb_match(d, t, n, 0, &h) != n) return NULL;
    return h.form;
}

static inline const dy_verb_block *block_named(const dyad_dict *d, const char *name) {
    for (size_t i = 0; i < dy_dict_verb_block_count(d); i++)
        if (!strcmp(dy_dict_verb_block(d, i)->name, name)) return dy_dict_verb_block(d, i);
    return NULL;
}

#endif
