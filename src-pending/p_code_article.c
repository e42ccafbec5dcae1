#include "dyad.h"
#include "text/text.h"
#include <stdio.h>
#include <string.h>
int dyad_code_article(dyad_coder *c, const dyad_article *a, dyad_event_fn fn, void *user, dyad_diag *diag);
int dyad_code_article(dyad_coder *c, const dyad_article *a, dyad_event_fn fn, void *user, dyad_diag *diag) { (void)c;(void)a;(void)fn;(void)user;(void)diag; return -1; }
