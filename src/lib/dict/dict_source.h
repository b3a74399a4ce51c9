/* dict_source.h - what a --dict argument names, resolved to a dictionary folder.
 *
 * A folder is used as it is. A PETRARCH config (*.ini) or a TABARI .project file
 * is converted (convert.h) into the subfolder "petrarch-HASH" or "tabari-HASH" of
 * the private cache folder (paths.h; HASH: of the file's absolute path). The
 * conversion is written into a fresh folder beside it first and only the files
 * whose text changed are moved over, so that the compiled cache of that folder
 * stays valid. With no cache folder (HOME, XDG_CACHE_HOME and DYAD_CACHE_DIR all
 * unset) or a refused one, the conversion goes into a fresh mkdtemp folder that
 * dyad_dict_source_done removes: never into a shared, predictable path. */
#ifndef DYAD_DICT_SOURCE_H
#define DYAD_DICT_SOURCE_H

#include <stddef.h>

typedef struct {
    char dir[4096];         /* the dictionary folder to load */
    int temp;               /* dir is a temporary folder (removed by _done) */
    size_t warnings;        /* the conversion's warnings */
    char note[320];         /* why the cache folder was not used, or "" */
} dyad_dict_source;

/* Resolves given; codes_file: dyad's cameo.codes for a conversion (NULL: see
 * convert.h). Returns 0, or -1 with a one-line message in err (the converter's
 * first error, "file:line: error: message"). */
int dyad_dict_source_resolve(const char *given, const char *codes_file, dyad_dict_source *src,
                             char *err, size_t errlen);

/* Removes a temporary folder once the dictionary is loaded. */
void dyad_dict_source_done(dyad_dict_source *src);

#endif
