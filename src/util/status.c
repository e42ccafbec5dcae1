/* Event status names. The names are part of the JSONL/TSV/CSV output
 * contract and of --status, so they are spelled in exactly one place. */
#include "dyad.h"

#include <string.h>

static const char *const status_names[] = {
    [DYAD_REPORTED] = "reported",
    [DYAD_PLANNED] = "planned",
    [DYAD_SPECULATIVE] = "speculative",
    [DYAD_NEGATED] = "negated",
};

enum { STATUS_COUNT = sizeof status_names / sizeof status_names[0] };

const char *dyad_status_name(dyad_status s) {
    if ((unsigned)s < STATUS_COUNT) return status_names[s];
    return "unknown";
}

int dyad_status_parse(const char *name) {
    if (!name) return -1;
    for (int i = 0; i < STATUS_COUNT; i++)
        if (!strcmp(name, status_names[i])) return i;
    return -1;
}
