#include "dyad.h"
#include "text/text.h"
#include <stdio.h>
#include <string.h>
int dyad_read_file(const char *path, dyad_in_format fmt, dyad_article_fn fn, void *user, dyad_diag *diag);
int dyad_read_file(const char *path, dyad_in_format fmt, dyad_article_fn fn, void *user, dyad_diag *diag) { (void)fmt;(void)fn;(void)user; dyad_diag_report(diag, DYAD_ERROR, path, 0, 0, "readers not built yet"); return -1; }
