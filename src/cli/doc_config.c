/* doc_config.c - a JSONL document's "config" (doc_config.h). */
#include "doc_config.h"

#include <stdlib.h>
#include <string.h>

char *doc_config_lines(json_t *cfg)
{
    /* {"require_dyad": "false"} (PETRARCH's per-record options): the option line */
    json_t *rd = json_is_object(cfg) ? json_object_get(cfg, "require_dyad") : NULL;
    if (rd && (json_is_string(rd) || json_is_boolean(rd))) {
        int yes = json_is_true(rd) || (json_is_string(rd) && strchr("tTyY1", json_string_value(rd)[0]) &&
                                        json_string_value(rd)[0]);
        return strdup(yes ? "require_dyad = yes\n" : "require_dyad = no\n");
    }
    if (!json_is_array(cfg) || !json_array_size(cfg))
        return NULL;
    size_t tot = 1;
    for (size_t i = 0; i < json_array_size(cfg); i++)
        if (json_is_string(json_array_get(cfg, i)))
            tot += json_string_length(json_array_get(cfg, i)) + 1;
    char *o = calloc(1, tot);
    if (!o)
        return NULL;
    for (size_t i = 0; i < json_array_size(cfg); i++)
        if (json_is_string(json_array_get(cfg, i))) {
            strcat(o, json_string_value(json_array_get(cfg, i)));
            strcat(o, "\n");
        }
    return o;
}
