/* fuzz_cache.c - libFuzzer harness for the compiled-cache loader (cache.c).
 *
 * Once: a small world is made in a temporary folder (the first 1,500 lines of
 * dict/cameo.verbs and of dict/countries.actors, dict/cameo.codes, the tagger's
 * tags.yml and unknown.yml with its first 3,000 one-line words.yml entries, a few
 * WordNet exceptions), so that the cache file is some hundreds of KB rather than
 * 6 MB and a run costs milliseconds; a coder made from it with DYAD_CACHE_DIR in
 * that folder writes a valid cache file, whose bytes are kept. Per input, the first byte picks the mode:
 *   even: the rest of the input is the whole cache file;
 *   odd:  the rest is a list of 8-byte edits (4 bytes offset, taken modulo the
 *         file's size, 4 bytes XORed in there) applied to the valid file.
 * The file is then sealed with the user's key (dyad_cache_seal: the MAC matches,
 * so the header, section and table checks behind it are what is fuzzed, as for a
 * file whose damage the MAC would miss), written to the cache path and loaded with
 * dyad_cache_load. When it is taken, every word of a few sentences is looked up in
 * the lexicon and the tagger (the lookups must end: no corrupted table may loop).
 * Expectation: no crash, no leak, no undefined behaviour, no endless loop (libFuzzer
 * -timeout). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "dyad.h"
#include "lexicon.h"
#include "tagger.h"

#ifndef DICT_DIR
#define DICT_DIR "dict"
#endif

static dyad_cache_loc loc;
static unsigned char *valid, *work;
static size_t valid_len;
static const char *dict_dir;

static char tmp[64];

static void remove_tmp(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    if (system(cmd) != 0)
        fprintf(stderr, "fuzz_cache: could not remove %s\n", tmp);
}

static const char *const WORDS[] = {"russia", "invaded", "georgia", "the", "president",
                                    "of", "France", "said", "aid", "zzzz", "a", ""};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(tmp, sizeof tmp, "/tmp/dyad-fuzz-cache-XXXXXX");
    if (!mkdtemp(tmp))
        abort();
    atexit(remove_tmp);
    setenv("DYAD_CACHE_DIR", tmp, 1);
    unsetenv("DYAD_NO_CACHE");
    static char dd[128], td[128], wd[128];
    snprintf(dd, sizeof dd, "%s/dict", tmp);
    snprintf(td, sizeof td, "%s/tagger", tmp);
    snprintf(wd, sizeof wd, "%s/wordnet", tmp);
    char cmd[2048];
    snprintf(cmd, sizeof cmd,
             "set -e; mkdir -p %s %s %s; cp %s/cameo.codes %s/;"
             " head -n 1500 %s/cameo.verbs > %s/cameo.verbs;"
             " head -n 1500 %s/countries.actors > %s/countries.actors;"
             " cp %s/tags.yml %s/unknown.yml %s/;"
             " grep -E '^\\\"[^\\\"]*\\\": \\{.*\\}$' %s/words.yml | head -n 3000"
             " | sed '1i --- #YAML:1.0' > %s/words.yml;"
             " printf 'gave give\\nwent go\\nfought fight\\nsaid say\\n' > %s/verb.exc;"
             " printf 'men man\\nwomen woman\\npeople person\\n' > %s/noun.exc",
             dd, td, wd, DICT_DIR, dd, DICT_DIR, dd, DICT_DIR, dd, DYAD_TAGGER_DEFAULT_DIR,
             DYAD_TAGGER_DEFAULT_DIR, td, DYAD_TAGGER_DEFAULT_DIR, td, wd, wd);
    if (system(cmd) != 0)
        abort();
    dict_dir = dd;
    dyad_options opt = dyad_default_options();
    opt.dict_dir = dict_dir;
    opt.tagger_dir = td;
    opt.wordnet_dir = wd;
    char err[512];
    dyad_coder *c = dyad_coder_new(&opt, err, sizeof err);
    if (!c) {
        fprintf(stderr, "fuzz_cache: %s\n", err);
        abort();
    }
    dyad_coder_free(c);
    if (dyad_cache_locate(&loc, dict_dir, td, wd) != 0)
        abort();
    FILE *f = fopen(loc.path, "rb");
    if (!f || fseek(f, 0, SEEK_END) != 0)
        abort();
    valid_len = (size_t)ftell(f);
    rewind(f);
    valid = malloc(valid_len);
    work = malloc(valid_len);
    if (!valid || !work || fread(valid, 1, valid_len, f) != valid_len)
        abort();
    fclose(f);
    return 0;
}

static void write_cache(const unsigned char *buf, size_t len)
{
    FILE *f = fopen(loc.path, "wb");
    if (!f || (len && fwrite(buf, 1, len, f) != len) || fclose(f) != 0)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const unsigned char *buf;
    size_t len;
    if (data[0] % 2 == 0) {
        if (size - 1 > valid_len)
            return 0;
        memcpy(work, data + 1, size - 1);
        len = size - 1;
    } else {
        memcpy(work, valid, valid_len);
        len = valid_len;
        for (size_t i = 1; i + 8 <= size; i += 8) {
            uint32_t off, x;
            memcpy(&off, data + i, 4);
            memcpy(&x, data + i + 4, 4);
            off %= (uint32_t)(valid_len - 3);
            for (int k = 0; k < 4; k++)
                work[off + (uint32_t)k] ^= (unsigned char)(x >> (8 * k));
        }
    }
    dyad_cache_seal(&loc, work, len);
    buf = work;
    write_cache(buf, len);
    dyad_dict d;
    dyad_cache_parts cp = {&d, NULL, NULL, NULL, 0, 0};
    dyad_cache *c = dyad_cache_load(&loc, &cp);
    if (c) {
        for (size_t i = 0; i < sizeof WORDS / sizeof *WORDS; i++) {
            size_t n = strlen(WORDS[i]);
            int32_t id = dyad_lexicon_find(&d.lex, WORDS[i], n);
            if (id >= (int32_t)d.lex.n)
                abort();
            (void)dyad_tagger_find(cp.tagger, WORDS[i], n);
        }
        dyad_tagger_free(cp.tagger);
        free(cp.word_tag);
        dyad_cache_free(c, &d);
    }
    return 0;
}
