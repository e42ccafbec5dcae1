#include "dyad.h"
#include "text/text.h"
#include <stdio.h>
#include <string.h>
dyad_coder *dyad_coder_new(const dyad_dict *dict, const dyad_code_options *opt);
dyad_coder *dyad_coder_new(const dyad_dict *dict, const dyad_code_options *opt) { (void)dict;(void)opt; fputs("coder not built yet\n", stderr); return NULL; }
