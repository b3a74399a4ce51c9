/* fuzz_dict.c - libFuzzer harness for the dictionary loader (dict.c) through the
 * public dyad_dict_check().
 *
 * The input is split at its first NUL byte (or, without one, in half): the first
 * part becomes an actors file, the second a verbs file, next to a small fixed
 * codes file, all in one temporary folder that dyad_dict_check() loads. The name
 * of the actors file follows the length of the first part modulo 4, so that the
 * fuzzer reaches every kind of entry file: x.actors (organizations),
 * people.actors (people), countries.actors (states) and x.agents (agents).
 * WordNet's exception lists are read on every dyad_dict_check() call, which at
 * Debian's full size costs about 8 ms under ASan (some 60 runs a second); so by
 * default a small copy (a few irregular verbs and nouns) is written to the
 * temporary folder and used instead: some 20 times faster. Set DYAD_FUZZ_WORDNET
 * to a folder (e.g. /usr/share/wordnet) to use that one.
 * Expectation: no crash, no leak (LeakSanitizer runs after each input), no
 * undefined behaviour. Errors in the dictionary are normal outcomes. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dyad.h"

#include "known.h"

static char dir[64];
static FILE *devnull;

static const char *const ENTRY_NAMES[4] = {"x.actors", "people.actors", "countries.actors", "x.agents"};

static const char CODES[] =
    "# minimal code table for the fuzzer\n"
    "01\t0.0\t1\tMAKE PUBLIC STATEMENT\n"
    "010\t0.0\t1\tMake statement\n"
    "02\t3.0\t1\tAPPEAL\n"
    "020\t3.0\t1\tMake an appeal\n"
    "0231\t3.4\t1\tAppeal for economic aid\n"
    "04\t1.0\t1\tCONSULT\n"
    "040\t1.0\t1\tConsult\n"
    "07\t7.0\t2\tPROVIDE AID\n"
    "070\t7.0\t2\tProvide aid\n"
    "19\t-10.0\t4\tFIGHT\n"
    "190\t-10.0\t4\tUse conventional military force\n";

static char wordnet[96];

/* A small WordNet: irregular forms the verb and noun generators look up. */
static const char VERB_EXC[] =
    "gave give\ngiven give\nwent go\ngone go\nfought fight\nsaid say\nheld hold\n"
    "met meet\nsought seek\nthreatened threaten\nbegan begin\nbegun begin\nleft leave\n"
    "struck strike\nstricken strike\nshot shoot\ncarried carry\nbore bear\nborne bear\nborn bear\n";
static const char NOUN_EXC[] =
    "children child\nmen man\nwomen woman\npeople person\nchiefs-of-staff chief-of-staff\n"
    "armies army\ncrises crisis\nmilitia militia\n";

static void path_of(char *buf, size_t n, const char *name) { snprintf(buf, n, "%s/%s", dir, name); }

static void write_file(const char *name, const uint8_t *data, size_t size)
{
    char p[128];
    path_of(p, sizeof p, name);
    FILE *f = fopen(p, "wb");
    if (!f) {
        perror(p);
        abort();
    }
    if (size && fwrite(data, 1, size, f) != size) {
        perror(p);
        abort();
    }
    fclose(f);
}

static void cleanup(void)
{
    char p[128];
    for (int i = 0; i < 4; i++) {
        path_of(p, sizeof p, ENTRY_NAMES[i]);
        unlink(p);
    }
    path_of(p, sizeof p, "x.verbs");
    unlink(p);
    path_of(p, sizeof p, "x.codes");
    unlink(p);
    path_of(p, sizeof p, "wordnet/verb.exc");
    unlink(p);
    path_of(p, sizeof p, "wordnet/noun.exc");
    unlink(p);
    rmdir(wordnet);
    rmdir(dir);
}

/* The folder is made anew for each input and removed after it, so that a run
 * that ends in a crash (libFuzzer then exits without atexit handlers) leaves
 * at most one folder behind. */
static void setup(void)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/dyad-fuzz-dict-XXXXXX", tmp && *tmp && strlen(tmp) < 32 ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        abort();
    }
    write_file("x.codes", (const uint8_t *)CODES, sizeof CODES - 1);
    path_of(wordnet, sizeof wordnet, "wordnet");
    if (mkdir(wordnet, 0700) != 0) {
        perror(wordnet);
        abort();
    }
    write_file("wordnet/verb.exc", (const uint8_t *)VERB_EXC, sizeof VERB_EXC - 1);
    write_file("wordnet/noun.exc", (const uint8_t *)NOUN_EXC, sizeof NOUN_EXC - 1);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    devnull = fopen("/dev/null", "w");
    if (!devnull)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20))
        return 0;
    const uint8_t *nul = memchr(data, 0, size);
    size_t a = nul ? (size_t)(nul - data) : size / 2;
    size_t b = nul ? a + 1 : a;
    setup();
    write_file(ENTRY_NAMES[a % 4], data, a);
    write_file("x.verbs", data + b, size - b);

    size_t warnings = 0;
    dyad_options opt = dyad_default_options();
    opt.dict_dir = dir;
    const char *wn = getenv("DYAD_FUZZ_WORDNET");
    opt.wordnet_dir = wn && *wn ? wn : wordnet;
    size_t errors = dyad_dict_check(dir, &opt, devnull, &warnings);
    (void)errors;
    cleanup();
    return 0;
}
