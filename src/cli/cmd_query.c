/* cmd_query.c - `dyad query` (in progress). */
#include <stdio.h>
#include "cli.h"
int cmd_query(int argc, char **argv) { (void)argc; (void)argv; fprintf(stderr, "dyad: query: not yet\n"); return 2; }
