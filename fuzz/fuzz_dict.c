/* libFuzzer target: every dictionary loader. The first byte picks the file
 * format (TABARI actors/agents/verbs/options/.project, PETRARCH actors,
 * agents, PETRARCH-1 verbs, PETRARCH-2 verbs, discards, issues, config,
 * native, or "decide from the content"); the rest is the file, handed over
 * WITHOUT a terminating NUL so a loader that reads past its length trips
 * ASan. Whatever loads is then used the way the CLI uses it: counted, one
 * fixed article coded with it and, when bit 7 of the first byte is set,
 * written in the native format and that output loaded back (`dyad dict
 * convert`; the writer walks its whole hash table, so doing it on every
 * input would cost two thirds of the fuzzer's speed). */
#include "dict/dict.h"
#include "dyad.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void quiet(const dyad_diagnostic *d, void *user) { (void)d; (void)user; }

static int count_event(const dyad_event *e, void *user) {
    /* A code the coder emits must be a string it can print. */
    if (strnlen(e->code, sizeof e->code) == sizeof e->code) abort();
    if (strnlen(e->source, sizeof e->source) == sizeof e->source) abort();
    if (strnlen(e->target, sizeof e->target) == sizeof e->target) abort();
    ++*(long *)user;
    return 0;
}

/* Words the seed dictionaries use, so that a loaded fuzz dictionary has a
 * fair chance of matching something and driving the coder past the lookup. */
static const char sample_text[] =
    "Freedonian ministers met Sylvanian envoys in Ostrava on Tuesday, and the "
    "rebel leader accused the government of Freedonia of shelling the border. "
    "Sylvania will not attack the rebels, its defence minister said.";

static void code_sample(const dyad_dict *d, dyad_diag *diag) {
    dyad_code_options opt = {.explain = 1, .default_date = "2019-06-30"};
    dyad_coder *c = dyad_coder_new(d, &opt);
    if (!c) return;
    dyad_article a = {.id = "fuzz", .date = "2019-06-30", .text = sample_text,
                      .text_len = sizeof sample_text - 1, .origin = "fuzz", .origin_line = 1};
    long events = 0;
    dyad_code_article(c, &a, count_event, &events, diag);
    dyad_coder_free(c);
}

static void round_trip(const dyad_dict *d, dyad_diag *diag) {
    char *out = NULL;
    size_t outlen = 0;
    FILE *f = open_memstream(&out, &outlen);
    if (!f) return;
    int rc = dy_dict_write_native(d, f);
    fclose(f);
    if (rc == 0 && outlen) {
        dyad_dict *again = dy_dict_load_memory(DY_FMT_NATIVE, "fuzz-native", out, outlen, diag);
        if (again) dyad_dict_free(again);
    }
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 1) return 0;
    static const dy_dict_format formats[] = {
        DY_FMT_NATIVE,           DY_FMT_TABARI_ACTORS,     DY_FMT_TABARI_AGENTS,
        DY_FMT_TABARI_VERBS,     DY_FMT_TABARI_OPTIONS,    DY_FMT_TABARI_PROJECT,
        DY_FMT_PETRARCH_ACTORS,  DY_FMT_PETRARCH_AGENTS,   DY_FMT_PETRARCH1_VERBS,
        DY_FMT_PETRARCH2_VERBS,  DY_FMT_PETRARCH_DISCARDS, DY_FMT_PETRARCH_ISSUES,
        DY_FMT_PETRARCH_CONFIG,  DY_FMT_AUTO};
    const size_t nformats = sizeof formats / sizeof formats[0];
    dy_dict_format fmt = formats[(data[0] & 0x7f) % nformats];
    int convert = (data[0] & 0x80) != 0;
    /* A private copy of exactly size-1 bytes: libFuzzer's buffer is already
     * unterminated, but copying makes the bound explicit for ASan. */
    size_t len = size - 1;
    char *file = malloc(len ? len : 1);
    if (!file) return 0;
    memcpy(file, data + 1, len);
    if (fmt == DY_FMT_AUTO) (void)dy_dict_detect("fuzz.txt", file, len);

    dyad_diag diag;
    dyad_diag_init(&diag, quiet, NULL);
    dyad_dict *d = dy_dict_load_memory(fmt, "fuzz", file, len, &diag);
    if (d) {
        dy_dict_stats st;
        dy_dict_stats_get(d, &st);
        for (size_t i = 0; i < dy_dict_file_count(d); i++)
            if (!dy_dict_file_name(d, i)) abort();
        if (convert) round_trip(d, &diag);
        code_sample(d, &diag);
        dyad_dict_free(d);
    }
    free(file);
    return 0;
}
