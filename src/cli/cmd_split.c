/* dyad split: show how articles fall into sentences and tokens, one JSON
 * object per sentence, so that splitting problems can be seen and diffed. */
#include "cli/cli.h"
#include "dyad.h"
#include "text/text.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/xalloc.h"
#include <stdio.h>
#include <string.h>

typedef struct {
    dy_arena arena;
    dy_buf out;
} split_state;

static void usage(FILE *f) {
    fprintf(f,
            "usage: dyad split [--in FMT] [FILE...]\n"
            "\n"
            "Print every sentence of every article as one JSON object per line:\n"
            "  {\"id\", \"sentence\", \"start\", \"end\", \"text\", \"tokens\": [{\"text\", \"norm\",\n"
            "  \"start\", \"end\"}, ...]}\n"
            "Offsets are bytes into the article text as read. With no FILE, or '-',\n"
            "read standard input.\n"
            "\n"
            "  --in FMT   auto (default), text, jsonl, html, tabari, petrarch\n"
            "  --help     this text\n");
}

static int print_article(const dyad_article *a, void *user) {
    split_state *st = user;
    dy_arena_reset(&st->arena);
    dy_sentence *sents;
    size_t ns = dy_split_sentences(a->text, a->text_len, &st->arena, &sents);
    for (size_t i = 0; i < ns; i++) {
        dy_buf *b = &st->out;
        dy_buf_clear(b);
        dy_buf_adds(b, "{\"id\": ");
        dy_buf_json_str(b, a->id, strlen(a->id));
        dy_buf_printf(b, ", \"sentence\": %zu, \"start\": %u, \"end\": %u, \"text\": ", i,
                      (unsigned)sents[i].start, (unsigned)sents[i].end);
        dy_buf_json_str(b, a->text + sents[i].start, sents[i].end - sents[i].start);
        dy_buf_adds(b, ", \"tokens\": [");
        dy_token *toks;
        size_t nt = dy_tokenise(a->text, sents[i].start, sents[i].end, &st->arena, &toks);
        for (size_t j = 0; j < nt; j++) {
            dy_buf_adds(b, j ? ", {\"text\": " : "{\"text\": ");
            dy_buf_json_str(b, a->text + toks[j].start, toks[j].end - toks[j].start);
            dy_buf_adds(b, ", \"norm\": ");
            dy_buf_json_str(b, toks[j].norm, toks[j].norm_len);
            dy_buf_printf(b, ", \"start\": %u, \"end\": %u}", (unsigned)toks[j].start,
                          (unsigned)toks[j].end);
        }
        dy_buf_adds(b, "]}\n");
        fwrite(b->data, 1, b->len, stdout);
    }
    return 0;
}

int cmd_split(int argc, char **argv) {
    dyad_in_format fmt = DYAD_IN_AUTO;
    const char **files = dy_xcalloc((size_t)argc + 1, sizeof *files);
    size_t nfiles = 0;
    int options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (options_done || arg[0] != '-' || !arg[1]) {
            files[nfiles++] = arg;
        } else if (!strcmp(arg, "--")) {
            options_done = 1;
        } else if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
            usage(stdout);
            free(files);
            return DY_EXIT_OK;
        } else if (!strcmp(arg, "--in") || !strncmp(arg, "--in=", 5)) {
            const char *name = arg[4] == '=' ? arg + 5 : (i + 1 < argc ? argv[++i] : NULL);
            int f = name ? dyad_in_format_parse(name) : -1;
            if (f < 0) {
                fprintf(stderr, "dyad split: unknown input format '%s'\n", name ? name : "");
                usage(stderr);
                free(files);
                return DY_EXIT_USAGE;
            }
            fmt = (dyad_in_format)f;
        } else {
            fprintf(stderr, "dyad split: unknown option '%s'\n", arg);
            usage(stderr);
            free(files);
            return DY_EXIT_USAGE;
        }
    }
    if (!nfiles) files[nfiles++] = "-";
    split_state st;
    dy_arena_init(&st.arena, 0);
    dy_buf_init(&st.out);
    dyad_diag diag;
    dyad_diag_init(&diag, NULL, NULL);
    int unopenable = 0;
    /* A file that cannot be opened does not stop the others. */
    for (size_t i = 0; i < nfiles; i++)
        if (dyad_read_file(files[i], fmt, print_article, &st, &diag) < 0) unopenable = 1;
    fflush(stdout);
    free(files);
    dy_buf_free(&st.out);
    dy_arena_free(&st.arena);
    if (unopenable) return DY_EXIT_USAGE;
    return diag.errors ? DY_EXIT_BAD_INPUT : DY_EXIT_OK;
}
