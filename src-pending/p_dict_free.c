#include "dyad.h"
#include "text/text.h"
#include <stdio.h>
#include <string.h>
void dyad_dict_free(dyad_dict *d);
void dyad_dict_free(dyad_dict *d) { (void)d; }
