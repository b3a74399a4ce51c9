/* paths.h - where dyad keeps what it makes, and who may have written it.
 *
 * The cache folder is $DYAD_CACHE_DIR, else $XDG_CACHE_HOME/dyad (an absolute
 * path), else $HOME/.cache/dyad. There is no fallback into a shared folder such as
 * /tmp: with none of the three set, there is no cache folder and dyad works from
 * memory (a dictionary to convert goes into a fresh mkdtemp folder, removed after
 * loading).
 *
 * Trust: a folder or file dyad reads back from the cache folder is taken only if
 * it is owned by the user running dyad (or by root) and not writable by group or
 * others; folders dyad creates are mode 0700, files 0600. A folder that fails the
 * check is refused with a reason ("... is owned by uid 65534"); the caller goes on
 * without it. */
#ifndef DYAD_PATHS_H
#define DYAD_PATHS_H

#include <stddef.h>
#include <stdint.h>

/* The cache folder, created (mode 0700, with its missing parents) when needed and
 * checked. Returns 1 with the path in out, 0 when no folder is named, -1 when it
 * cannot be made or is refused (the reason, naming the folder, in why). */
int dyad_cache_dir(char *out, size_t cap, char *why, size_t whylen);

/* The subfolder name of the cache folder, created 0700 and checked likewise.
 * Returns as dyad_cache_dir. */
int dyad_cache_subdir(const char *name, char *out, size_t cap, char *why, size_t whylen);

/* Whether st (of path, for the message) may be trusted: owned by the user or root
 * and not writable by group or others. 0, or -1 with the reason in why. */
struct stat;
int dyad_private_stat(const struct stat *st, const char *path, char *why, size_t whylen);

/* Opens path for reading, refusing to follow a symbolic link or block (a FIFO):
 * returns the descriptor of a regular file that passes dyad_private_stat (its
 * status in *st), or -1 with the reason in why (empty when the file is missing). */
int dyad_open_private(const char *path, struct stat *st, char *why, size_t whylen);

/* A fresh private folder for a conversion when there is no cache folder: mkdtemp
 * under $TMPDIR or /tmp (mode 0700, a new name nobody else can have made). */
int dyad_temp_dir(char *out, size_t cap, char *why, size_t whylen);

/* Removes the files of dir (one level) and dir itself. */
void dyad_remove_dir(const char *dir);

/* A file name for path (its absolute form): prefix, '-', 16 hex digits of a hash
 * of the path. Returns 0, or -1 when it does not fit or path cannot be resolved. */
int dyad_path_name(char *out, size_t cap, const char *prefix, const char *path);

#endif
