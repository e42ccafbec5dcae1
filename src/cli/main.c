#include "cli/cli.h"
#include "dyad.h"
#include <stdio.h>
#include <string.h>

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"code", cmd_code, "code articles into CAMEO events"},
    {"validate", cmd_validate, "run a TABARI, PETRARCH or gold JSONL validation suite"},
    {"split", cmd_split, "show sentences and tokens, for inspection"},
    {"dict", cmd_dict, "dictionary diagnostics: check, stats, lookup, convert"},
    {"ingest", cmd_ingest, "code articles and store the events in a database"},
    {"query", cmd_query, "filter stored events, or count them over time"},
    {"summary", cmd_summary, "how a relation between two actors moves"},
    {"export", cmd_export, "write stored events as GDELT, mentions, JSONL or CSV"},
};

static void usage(FILE *f) {
    fprintf(f, "usage: dyad COMMAND [OPTIONS] [FILE...]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\n'dyad COMMAND --help' describes a command's options.\n");
}

int main(int argc, char **argv) {
    if (argc < 2) {
        usage(stderr);
        return DY_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h") || !strcmp(name, "help")) {
        usage(stdout);
        return DY_EXIT_OK;
    }
    if (!strcmp(name, "--version") || !strcmp(name, "version")) {
        printf("dyad %s\n", DYAD_VERSION);
        return DY_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (!strcmp(name, commands[i].name)) return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "dyad: unknown command '%s'\n", name);
    usage(stderr);
    return DY_EXIT_USAGE;
}
