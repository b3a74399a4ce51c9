/* cache.h - the compiled cache: a coder's loaded tables in one binary file.
 *
 * Loading the dictionary folder, the tagger's YAML and joining the two costs tens
 * of milliseconds; a cache file holds the result (the dictionary's arrays and
 * lexicon with its hash slots, the tagger's tables, the coder's word_tag and
 * word_caps) and is read back with one read() and pointer fix-ups.
 *
 * File: a header (magic "DYADCACH", format version, byte order, sizes of the stored
 * structs, build id, file size, MAC, section table), then
 * 16-byte aligned sections. One section is the manifest: every file the tables
 * were built from (the dictionary folder and its files, the tagger's three files,
 * WordNet's verb.exc and noun.exc) with its size and mtime to the nanosecond. A
 * cache is taken only if its MAC (keyed BLAKE2b of the whole file, header included,
 * with the user's key, the file "key" of the cache folder), the header, every
 * section bound, every index of the tables and the manifest all check, else the
 * caller loads normally and saves a new one. The file is read into memory of its
 * own (not mapped): changing the file during a run cannot reach the tables.
 *
 * Location: the cache folder of paths.h (private, 0700; no fallback into /tmp);
 * the name is a hash of the absolute dictionary, tagger and WordNet folders: one
 * file per dictionary folder, replaced (never modified in place) by a new build.
 * Files are opened with O_NOFOLLOW | O_NONBLOCK and taken only if regular, owned by
 * the user (or root) and not writable by group or others.
 * DYAD_NO_CACHE=1 (any value but "" and "0") turns the cache off. */
#ifndef DYAD_CACHE_H
#define DYAD_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "dict.h"
#include "tagger.h"

#define DYAD_CACHE_VERSION 4
#define DYAD_CACHE_KEY_LEN 32

/* Where a coder's cache lives and what it is built from. */
typedef struct {
    const char *dict_given;     /* the dictionary folder as the caller named it */
    char *dict_dir;             /* absolute paths (realpath) */
    char *tagger_dir;
    char *wordnet_dir;
    char *path;                 /* the cache file */
    unsigned char key[DYAD_CACHE_KEY_LEN]; /* the user's cache key (paths.h) */
    char note[320];             /* why a cache folder or file was refused, or "" */
} dyad_cache_loc;

/* Fills loc for these folders. Returns 0, or -1 when there is to be no cache
 * (DYAD_NO_CACHE, no cache folder named, a folder that does not exist, no memory). */
int dyad_cache_locate(dyad_cache_loc *loc, const char *dict_dir, const char *tagger_dir,
                      const char *wordnet_dir);
void dyad_cache_loc_free(dyad_cache_loc *loc);

/* What a cache holds: the coder's tables once loaded. */
typedef struct {
    dyad_dict *dict;
    dyad_tagger *tagger;
    const void **word_tag;      /* per word id: the tagger's record or NULL */
    uint8_t *word_caps;         /* per word id */
    size_t n_words;             /* == dict->lex.n */
    size_t warnings;            /* the dictionary's load warnings */
} dyad_cache_parts;

/* A loaded cache file: owns the memory the parts point into. */
typedef struct dyad_cache dyad_cache;

/* Writes parts to loc->path atomically (a temporary file in the same folder, then
 * rename), creating the folder if needed. Returns 0 or -1 (nothing written). */
int dyad_cache_save(const dyad_cache_loc *loc, const dyad_cache_parts *parts);

/* Reads loc->path. On success fills *parts->dict and sets the other fields of
 * parts (the tagger, word_tag and word_caps) and returns the cache, which must be
 * freed with dyad_cache_free after the dictionary and with dyad_tagger_free and
 * free(word_tag). Returns NULL, with nothing to free, when the file is missing,
 * stale (manifest, version, build), truncated or corrupted. */
dyad_cache *dyad_cache_load(dyad_cache_loc *loc, dyad_cache_parts *parts);

/* Frees a loaded cache and the dictionary d that was loaded from it (which must
 * not be passed to dyad_dict_free). */
void dyad_cache_free(dyad_cache *cache, dyad_dict *d);

/* Writes into buf (len bytes, a cache file's image) the MAC loc's key gives it, as
 * dyad_cache_save does: for tests and the fuzzer, which then reach the checks
 * behind the MAC. Returns 0, or -1 when len is below a header. */
int dyad_cache_seal(const dyad_cache_loc *loc, unsigned char *buf, size_t len);

/* The header of the cache file path, read without loading it: 0 when it is a
 * cache file (source: the dictionary folder it was built from, "" when unknown;
 * *current: written by this build and format), -1 when not one or not trusted. */
int dyad_cache_peek(const char *path, char *source, size_t cap, int *current);

/* ---- the cache folder's contents (cache_admin.c): `dyad cache info|clear` ---- */

typedef enum { DYAD_CACHED_TABLES, DYAD_CACHED_CONVERSION, DYAD_CACHED_KEY, DYAD_CACHED_OTHER } dyad_cached_kind;

typedef struct {
    const char *name;           /* in the cache folder */
    dyad_cached_kind kind;
    unsigned long long bytes;   /* a folder: its files' sizes */
    const char *source;         /* tables: the dictionary folder ("" when unknown) */
    int current;                /* tables: written by this build and format */
} dyad_cached;

typedef void (*dyad_cached_fn)(void *ud, const dyad_cached *item);

/* Calls fn for each entry of the cache folder (its path written to folder).
 * Returns 1, 0 when there is no cache folder, -1 when it is refused (why). */
int dyad_cache_list(char *folder, size_t cap, dyad_cached_fn fn, void *ud, char *why,
                    size_t whylen);

/* Removes what dyad made in the cache folder: tables, conversions, the key,
 * temporary files. Returns the number of entries removed, or -1 (why). */
long dyad_cache_clear(char *folder, size_t cap, char *why, size_t whylen);

/* In the folder of cache_path: removes tables written by another build or format
 * or whose dictionary folder no longer exists, and temporary files of interrupted
 * saves older than an hour. Called after each save; returns the number removed. */
size_t dyad_cache_prune(const char *cache_path);

/* Every index and offset of d's tables inside its arrays, and each hash table
 * with at least one empty slot (so that probing ends): 1, else 0. Called by
 * dyad_cache_load on the tables it maps (cache_check.c). */
int dyad_cache_dict_ok(const dyad_dict *d);

/* The build id: caches written by another build of the library are stale. */
uint64_t dyad_cache_build_id(void);

#endif
