#include "dyad.h"
#include <stdarg.h>
#include <stdio.h>

static const char *sev_name(dyad_severity s) {
    return s == DYAD_ERROR ? "error" : s == DYAD_WARNING ? "warning" : "note";
}

void dyad_diag_init(dyad_diag *d, dyad_diag_fn fn, void *user) {
    d->fn = fn;
    d->user = user;
    d->notes = d->warnings = d->errors = 0;
}

void dyad_diag_report(dyad_diag *d, dyad_severity sev, const char *file, long line, long column,
                      const char *fmt, ...) {
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (!d) return;
    if (sev == DYAD_ERROR) d->errors++;
    else if (sev == DYAD_WARNING) d->warnings++;
    else d->notes++;
    dyad_diagnostic dg = {sev, file ? file : "-", line, column, msg};
    if (d->fn) {
        d->fn(&dg, d->user);
        return;
    }
    if (line > 0 && column > 0)
        fprintf(stderr, "%s:%ld:%ld: %s: %s\n", dg.file, line, column, sev_name(sev), msg);
    else if (line > 0)
        fprintf(stderr, "%s:%ld: %s: %s\n", dg.file, line, sev_name(sev), msg);
    else
        fprintf(stderr, "%s: %s: %s\n", dg.file, sev_name(sev), msg);
}
