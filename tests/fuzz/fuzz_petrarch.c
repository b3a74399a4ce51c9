/* fuzz_petrarch.c - libFuzzer harness for the PETRARCH dictionary converter
 * (convert_petrarch.c, convert_verbs.c, convert_actors.c).
 *
 * The input is split at NUL bytes into a verbs file, an actors file, an agents
 * file and a discards file (missing parts are empty), written to a fresh folder and
 * converted with dyad_convert into a subfolder; the first byte's low bit picks the
 * dialect (petrarch2 or petrarch1). Expectation: no crash, no leak, no undefined
 * behaviour; the expansion limits keep every input fast (libFuzzer -timeout). */
#include "convert.h"
#include "fuzz_convert.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > (1u << 18))
        return 0;
    const uint8_t *part[4];
    size_t len[4];
    fz_split(data + 1, size - 1, part, len, 4);
    fz_setup("petrarch");
    fz_write("v.verbs.txt", NULL, part[0], len[0]);
    fz_write("a.actors.txt", NULL, part[1], len[1]);
    fz_write("g.agents.txt", NULL, part[2], len[2]);
    fz_write("d.discards.txt", NULL, part[3], len[3]);
    char v[128], a[128], g[128], d[128], out[128];
    fz_path(v, sizeof v, "v.verbs.txt");
    fz_path(a, sizeof a, "a.actors.txt");
    fz_path(g, sizeof g, "g.agents.txt");
    fz_path(d, sizeof d, "d.discards.txt");
    fz_path(out, sizeof out, "out");
    const char *actors[1] = {a};
    dyad_convert_opts o = {DYAD_FROM_PETRARCH, NULL, v, actors, 1, g, d, NULL,
                           data[0] & 1 ? "petrarch1" : "petrarch2", NULL, DICT_DIR "/cameo.codes"};
    size_t warnings = 0;
    dyad_convert(&o, out, fz_devnull, &warnings);
    fz_remove(fz_dir);
    return 0;
}
