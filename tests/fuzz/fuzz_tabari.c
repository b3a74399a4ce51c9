/* fuzz_tabari.c - libFuzzer harness for the TABARI dictionary readers: the
 * converter (convert_tabari.c, convert_verbs.c, convert_actors.c) and the TABARI
 * engine's own loader (tabari_dict.c, tabari_parse.c).
 *
 * The input is split at NUL bytes into a verbs, an actors, an agents and an
 * options file, written to a fresh folder; they are converted with dyad_convert,
 * and also written as NAME.KIND.tabari files of a second folder that
 * dyad_tabari_load reads. Expectation: no crash, no leak, no undefined behaviour,
 * no endless loop (libFuzzer -timeout). */
#include "convert.h"
#include "fuzz_convert.h"
#include "tabari.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 18))
        return 0;
    const uint8_t *part[4];
    size_t len[4];
    fz_split(data, size, part, len, 4);
    fz_setup("tabari");
    static const char *const KIND[4] = {"verbs", "actors", "agents", "options"};
    char path[4][128], out[128];
    for (int i = 0; i < 4; i++) {
        char name[32];
        snprintf(name, sizeof name, "t.%s", KIND[i]);
        fz_write(name, NULL, part[i], len[i]);
        fz_path(path[i], sizeof path[i], name);
    }
    fz_path(out, sizeof out, "out");
    const char *actors[1] = {path[1]};
    dyad_convert_opts o = {DYAD_FROM_TABARI, NULL, path[0], actors, 1, path[2], NULL, NULL, NULL,
                           path[3], DICT_DIR "/cameo.codes"};
    size_t warnings = 0;
    dyad_convert(&o, out, fz_devnull, &warnings);
    /* the engine's loader on the same text */
    char tdir[128];
    fz_path(tdir, sizeof tdir, "tab");
    mkdir(tdir, 0700);
    for (int i = 0; i < 4; i++) {
        char name[64], head[32];
        snprintf(name, sizeof name, "tab/t.%s.tabari", KIND[i]);
        snprintf(head, sizeof head, "# tabari %s\n", KIND[i]);
        fz_write(name, head, part[i], len[i]);
    }
    char err[512] = "";
    dyad_tabari *t = dyad_tabari_load(tdir, fz_devnull, err, sizeof err);
    dyad_tabari_free(t);
    fz_remove(fz_dir);
    return 0;
}
