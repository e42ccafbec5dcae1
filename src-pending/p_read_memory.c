#include "dyad.h"
#include "text/text.h"
#include <stdio.h>
#include <string.h>
int dyad_read_memory(const char *name, const char *data, size_t len, dyad_in_format fmt, dyad_article_fn fn, void *user, dyad_diag *diag);
int dyad_read_memory(const char *name, const char *data, size_t len, dyad_in_format fmt, dyad_article_fn fn, void *user, dyad_diag *diag) { (void)data;(void)len;(void)fmt;(void)fn;(void)user; dyad_diag_report(diag, DYAD_ERROR, name, 0, 0, "readers not built yet"); return -1; }
