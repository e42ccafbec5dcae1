/* dyad dict check|stats|lookup|convert: dictionary diagnostics. */
#include "cli/cli.h"
#include "dict/dict.h"
#include "dyad.h"
#include "text/text.h"
#include "util/arena.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *f) {
    fprintf(f,
            "usage: dyad dict check SPEC            report every problem: exit 1 on any error or warning\n"
            "                                       (notes, the peers' known quirks, do not fail a check)\n"
            "       dyad dict stats SPEC            counts by kind\n"
            "       dyad dict lookup SPEC PHRASE [--date YYYY-MM-DD]\n"
            "                                       what the phrase matches, and where from\n"
            "       dyad dict convert SPEC [-o FILE]  write the set in the native format\n"
            "       dyad dict compile SPEC -o FILE.dydc  write a binary cache (a SPEC itself)\n"
            "SPEC: builtin | a TABARI .project | a PETRARCH config .ini | a .dyd | a .dydc | one dictionary file\n");
}

/* Notes are the peers' known quirks: shown, but they do not fail a check. */
static void print_diag(const dyad_diagnostic *d, void *user) {
    int *quiet_notes = user;
    if (d->severity == DYAD_NOTE && *quiet_notes) return;
    static const char *const sev[] = {"note", "warning", "error"};
    if (d->line) fprintf(stderr, "%s:%ld: %s: %s\n", d->file ? d->file : "-", d->line, sev[d->severity], d->message);
    else fprintf(stderr, "%s: %s: %s\n", d->file ? d->file : "-", sev[d->severity], d->message);
}

static int cmd_check(const char *spec) {
    int quiet_notes = 0;
    dyad_diag diag;
    dyad_diag_init(&diag, print_diag, &quiet_notes);
    dyad_dict *d = dy_dict_load_ex(spec, &diag, DY_LOAD_NOTES);
    fprintf(stderr, "%s: %ld error(s), %ld warning(s), %ld note(s)\n", spec, diag.errors,
            diag.warnings, diag.notes);
    dyad_dict_free(d);
    if (!d) return DY_EXIT_USAGE;
    return diag.errors || diag.warnings ? DY_EXIT_BAD_INPUT : DY_EXIT_OK;
}

static int cmd_stats(const char *spec) {
    int quiet_notes = 1;
    dyad_diag diag;
    dyad_diag_init(&diag, print_diag, &quiet_notes);
    dyad_dict *d = dyad_dict_load(spec, &diag);
    if (!d) return DY_EXIT_USAGE;
    dy_dict_stats s;
    dy_dict_stats_get(d, &s);
    printf("family               %s\n", dy_family_name(dy_dict_family(d)));
    for (size_t i = 0; i < dy_dict_file_count(d); i++) printf("file                 %s\n", dy_dict_file_name(d, i));
#define ROW(label, v) printf("%-20s %zu\n", label, (size_t)(v))
    ROW("files", s.files);
    ROW("actor_records", s.actor_records);
    ROW("actor_synonyms", s.actor_synonyms);
    ROW("actor_restrictions", s.actor_restriction_lines);
    ROW("actor_inline_codes", s.actor_inline_codes);
    ROW("actor_phrases", s.actor_phrases);
    ROW("actor_codes", s.actor_codes);
    ROW("actor_dated", s.actor_dated);
    ROW("actor_distinct_codes", s.actor_distinct_codes);
    ROW("actor_restr_default", s.actor_restr_default);
    ROW("actor_restr_before", s.actor_restr_before);
    ROW("actor_restr_after", s.actor_restr_after);
    ROW("actor_restr_range", s.actor_restr_range);
    ROW("agent_entries", s.agent_entries);
    ROW("agent_markers", s.agent_markers);
    ROW("agent_marker_uses", s.agent_marker_entries);
    ROW("agent_plurals", s.agent_explicit_plurals);
    ROW("agent_prefix_codes", s.agent_prefix_codes);
    ROW("agent_phrases", s.agent_phrases);
    ROW("agent_distinct_codes", s.agent_distinct_codes);
    ROW("nouns", s.nouns);
    ROW("adjectives", s.adjectives);
    ROW("time_entries", s.time_entries);
    ROW("synsets", s.synsets);
    ROW("synset_members", s.synset_members);
    ROW("verb_blocks", s.verb_blocks);
    ROW("verb_lines", s.verb_lines);
    ROW("verb_lines_own_code", s.verb_lines_own_code);
    ROW("verb_lines_forms", s.verb_lines_forms);
    ROW("verb_lines_multiword", s.verb_lines_multiword);
    ROW("verb_forms", s.verb_forms);
    ROW("patterns", s.patterns);
    ROW("patterns_dead", s.patterns_dead);
    ROW("patterns_ignored", s.patterns_ignored);
    ROW("transforms", s.transforms);
    ROW("discards_sentence", s.discards_sentence);
    ROW("discards_story", s.discards_story);
    ROW("issues", s.issues);
    ROW("issue_ignores", s.issue_ignores);
    ROW("issue_codes", s.issue_codes);
    ROW("words", s.words);
    ROW("bytes", s.bytes);
    ROW("errors", diag.errors);
    ROW("warnings", diag.warnings);
    ROW("notes", diag.notes);
#undef ROW
    dyad_dict_free(d);
    return diag.errors || diag.warnings ? DY_EXIT_BAD_INPUT : DY_EXIT_OK;
}

static void print_code(const dy_code *c) {
    printf("[%s]", c->text);
}

static int cmd_lookup(const char *spec, const char *phrase, const char *date) {
    int quiet_notes = 1;
    dyad_diag diag;
    dyad_diag_init(&diag, print_diag, &quiet_notes);
    int32_t day = DY_DAY_NONE;
    if (date) {
        day = dy_day_parse(date, strlen(date));
        if (day == DY_DAY_NONE) {
            fprintf(stderr, "dyad dict lookup: bad --date '%s' (YYYY-MM-DD)\n", date);
            return DY_EXIT_USAGE;
        }
    }
    dyad_dict *d = dyad_dict_load(spec, &diag);
    if (!d) return DY_EXIT_USAGE;
    dy_arena a;
    dy_arena_init(&a, 0);
    dy_token *tk;
    size_t nt = dy_tokenise(phrase, 0, strlen(phrase), &a, &tk);
    dy_dict_tok *toks = dy_arena_calloc(&a, nt ? nt : 1, sizeof *toks);
    for (size_t i = 0; i < nt; i++) dy_dict_tok_resolve(d, tk[i].norm, tk[i].norm_len, &toks[i]);
    int found = 0;
    for (size_t i = 0; i < nt; i++) {
        dy_actor_hit ah;
        if (dy_dict_actor_match(d, toks, nt, i, &ah)) {
            found = 1;
            printf("actor \"%.*s\"", (int)(tk[ah.end - 1].end - tk[i].start), phrase + tk[i].start);
            if (date) printf(" on %s", date);
            printf(":");
            const dy_actor_code *out[16];
            size_t k = dy_dict_actor_codes_on(ah.entry, day, DY_DATE_RULE_DEFAULT, out, 16);
            if (!k) printf(" no code applies");
            for (size_t j = 0; j < k && j < 16; j++) printf(" %s (%s:%u)", out[j]->code, out[j]->file, out[j]->line);
            printf("\n");
            for (uint32_t j = 0; j < ah.entry->ncodes; j++) {
                const dy_actor_code *c = &ah.entry->codes[j];
                char f[11], t[11];
                dy_day_format(c->from, f);
                dy_day_format(c->to, t);
                if (c->flags & 32) printf("  %s @malformed-date", c->code);
                else if (c->dated) printf("  %s @%s..%s", c->code, f, t);
                else printf("  %s", c->code);
                printf("  (%s:%u)\n", c->file, c->line);
            }
            i = ah.end - 1;
        }
    }
    for (size_t i = 0; i < nt; i++) {
        dy_agent_hit gh;
        if (dy_dict_agent_match(d, toks, nt, i, &gh)) {
            found = 1;
            printf("agent \"%.*s\": %s (%s:%u)\n", (int)(tk[gh.end - 1].end - tk[i].start),
                   phrase + tk[i].start, gh.entry->text, gh.entry->file, gh.entry->line);
        }
        dy_verb_hit vh;
        if (dy_dict_verb_match(d, toks, nt, i, &vh)) {
            found = 1;
            printf("verb \"%.*s\": block %s ", (int)(tk[vh.end - 1].end - tk[i].start),
                   phrase + tk[i].start, vh.form->block->name);
            print_code(&vh.form->code);
            printf(" (%s:%u), %u pattern(s)\n", vh.form->file, vh.form->line, vh.form->block->npatterns);
        }
        const dy_discard_entry *de;
        size_t k = dy_dict_discard_match(d, toks, nt, i, &de);
        if (k) {
            found = 1;
            printf("discard (%s) \"%.*s\" (%s:%u)\n", de->story ? "story" : "sentence",
                   (int)(tk[i + k - 1].end - tk[i].start), phrase + tk[i].start, de->file, de->line);
        }
        const dy_issue_entry *ie;
        k = dy_dict_issue_match(d, toks, nt, i, &ie);
        if (k) {
            found = 1;
            printf("issue %s \"%.*s\" (%s:%u)\n", ie->kind == DY_ISSUE_CODE ? ie->code : "ignore",
                   (int)(tk[i + k - 1].end - tk[i].start), phrase + tk[i].start, ie->file, ie->line);
        }
    }
    if (!found) printf("no entry matches \"%s\"\n", phrase);
    dy_arena_free(&a);
    dyad_dict_free(d);
    return DY_EXIT_OK;
}

static int cmd_convert(const char *spec, const char *out) {
    int quiet_notes = 1;
    dyad_diag diag;
    dyad_diag_init(&diag, print_diag, &quiet_notes);
    dyad_dict *d = dyad_dict_load(spec, &diag);
    if (!d) return DY_EXIT_USAGE;
    FILE *f = out ? fopen(out, "w") : stdout;
    if (!f) {
        perror(out);
        dyad_dict_free(d);
        return DY_EXIT_USAGE;
    }
    int rc = dy_dict_write_native(d, f);
    if (out && fclose(f)) rc = -1;
    dyad_dict_free(d);
    if (rc) {
        fprintf(stderr, "dyad dict convert: writing failed\n");
        return DY_EXIT_USAGE;
    }
    return diag.errors || diag.warnings ? DY_EXIT_BAD_INPUT : DY_EXIT_OK;
}

static int cmd_compile(const char *spec, const char *out) {
    if (!out) {
        fprintf(stderr, "dyad dict compile: -o FILE.dydc is required\n");
        return DY_EXIT_USAGE;
    }
    int quiet_notes = 1;
    dyad_diag diag;
    dyad_diag_init(&diag, print_diag, &quiet_notes);
    dyad_dict *d = dyad_dict_load(spec, &diag);
    if (!d) return DY_EXIT_USAGE;
    int rc = dy_dict_cache_write(d, out);
    dyad_dict_free(d);
    if (rc) {
        perror(out);
        return DY_EXIT_USAGE;
    }
    return diag.errors || diag.warnings ? DY_EXIT_BAD_INPUT : DY_EXIT_OK;
}

int cmd_dict(int argc, char **argv) {
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? DY_EXIT_USAGE : DY_EXIT_OK;
    }
    const char *sub = argv[1];
    const char *pos[2] = {NULL, NULL};
    size_t npos = 0;
    const char *date = NULL, *out = NULL;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--date") && i + 1 < argc) date = argv[++i];
        else if ((!strcmp(argv[i], "-o") || !strcmp(argv[i], "--out")) && i + 1 < argc) out = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "dyad dict: unknown option '%s'\n", argv[i]);
            return DY_EXIT_USAGE;
        } else if (npos < 2) pos[npos++] = argv[i];
        else {
            usage(stderr);
            return DY_EXIT_USAGE;
        }
    }
    if (!strcmp(sub, "check") && npos == 1) return cmd_check(pos[0]);
    if (!strcmp(sub, "stats") && npos == 1) return cmd_stats(pos[0]);
    if (!strcmp(sub, "lookup") && npos == 2) return cmd_lookup(pos[0], pos[1], date);
    if (!strcmp(sub, "convert") && npos == 1) return cmd_convert(pos[0], out);
    if (!strcmp(sub, "compile") && npos == 1) return cmd_compile(pos[0], out);
    usage(stderr);
    return DY_EXIT_USAGE;
}
