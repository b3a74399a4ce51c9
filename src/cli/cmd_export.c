/* cmd_export.c - `dyad export` (in progress). */
#include <stdio.h>
#include "cli.h"
int cmd_export(int argc, char **argv) { (void)argc; (void)argv; fprintf(stderr, "dyad: export: not yet\n"); return 2; }
