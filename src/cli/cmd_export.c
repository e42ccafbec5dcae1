/* PLACEHOLDER: replaced by the real implementation in this session. */
#include "cli/cli.h"
#include <stdio.h>
int cmd_export(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "dyad export: not built yet\n");
    return DY_EXIT_USAGE;
}
