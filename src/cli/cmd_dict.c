/* PLACEHOLDER: replaced by the real implementation in this session. */
#include "cli/cli.h"
#include <stdio.h>
int cmd_dict(int argc, char **argv) {
    (void)argc; (void)argv;
    fprintf(stderr, "dyad dict: not built yet\n");
    return DY_EXIT_USAGE;
}
