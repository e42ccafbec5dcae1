#include "dyad.h"
#include "text/text.h"
#include <stdio.h>
#include <string.h>
void dyad_coder_free(dyad_coder *c);
void dyad_coder_free(dyad_coder *c) { (void)c; }
