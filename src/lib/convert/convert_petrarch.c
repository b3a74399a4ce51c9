/* convert_petrarch.c - PETRARCH's dictionary set to a dyad dictionary folder
 * (convert.h): reads a PETR_config.ini (its [Dictionaries] files and [Options]),
 * runs the verbs, actors, agents and discards converters and writes the folder's
 * petrarch.options (PETRARCH's coding conventions, dict/README.md "Options"). */
#include "convert.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* ---- PETRARCH ---- */

/* Finds name next to the ini or in ../dictionaries/; writes the path to out. */
static int resolve(const char *ini, const char *name, char *out, size_t cap)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", ini);
    char *sl = strrchr(dir, '/');
    if (sl)
        *sl = 0;
    else
        strcpy(dir, ".");
    const char *fmt[] = {"%s/%s", "%s/../dictionaries/%s", "%s/dictionaries/%s"};
    struct stat st;
    for (int i = 0; i < 3; i++) {
        snprintf(out, cap, fmt[i], dir, name);
        if (stat(out, &st) == 0)
            return 0;
    }
    snprintf(out, cap, "%s/%s", dir, name);
    return -1;
}

enum { D_PETRARCH1, D_PETRARCH2, D_UP };

/* PETRARCH's coding conventions, for dyad's engine (dict/README.md, "Options"):
 * a future keeps the verb's own code, negation is left to the patterns, an
 * event needs both a source and a target unless the ini's [Options] says not,
 * a verb's that-clause is part of its clause (its actors are targets), a missing
 * actor is "---"; an actor with several codes ("FRO/BIL/SAM") yields one event per
 * code, except for UniversalPetrarch, which writes the joined code. PETRARCH-1 also
 * codes a passive with no by-agent as if active, takes a target from a
 * subordinate clause after the verb when its own clause has none, and stacks
 * every agent that starts inside a matched agent. */
static void write_options(cv_ctx *c, const char *src, int require_dyad, const char *ontology, int dialect)
{
    FILE *f = cv_open_out(c, src, "options");
    if (!f)
        return;
    fprintf(f, "# dialect %s\n", dialect == D_PETRARCH1 ? "petrarch1" : dialect == D_UP ? "up" : "petrarch2");
    fprintf(f, "future = plain\nnegation = %s\nrequire_dyad = %s\nthat_clause = object\n"
               "null_actor = ---\nseveral_codes = %s\nrelevance = all\n",
            ontology ? "recode" : "code", require_dyad ? "yes" : "no", dialect == D_UP ? "joined" : "each");
    if (dialect == D_PETRARCH1)
        fputs("agentless_passive = active\nlate_target = yes\nstacked_agents = yes\n", f);
    if (ontology) {
        fprintf(f, "# negated verbs, as UniversalPetrarch's ontology %s re-codes them\n", ontology);
        cv_pico_negations(c, ontology, f);
    }
    cv_close_out(c, f, "options");
}

int cv_petrarch(const dyad_convert_opts *o, const char *outdir, FILE *diag, size_t *warnings)
{
    const char *config_ini_or_NULL = o->config, *verbs = o->verbs, *agents = o->agents,
               *discards = o->discards, *ontology = o->ontology, *dialect = o->dialect;
    const char *const *actors = o->actors;
    int n_actors = o->n_actors;
    cv_ctx c;
    if (warnings)
        *warnings = 0;
    if (cv_begin(&c, outdir, o->codes_file, diag) < 0) {
        cv_finish(&c, warnings);
        return -1;
    }
    enum { MAXF = 64 };
    char ini_verbs[4096] = "", ini_agents[4096] = "", ini_disc[4096] = "", ini_onto[4096] = "";
    static const int PATHLEN = 4096;
    char (*ini_actors)[4096] = NULL;
    int n_ini_actors = 0, require_dyad = 1; /* PETRARCH's default */
    if (config_ini_or_NULL) {
        size_t n;
        char *buf;
        char **lines = cv_read_lines(&c, config_ini_or_NULL, &n, &buf);
        if (!lines) {
            cv_finish(&c, warnings);
            return -1;
        }
        ini_actors = calloc(MAXF, sizeof *ini_actors);
        int in_dict = 0, in_opts = 0;
        c.file = config_ini_or_NULL;
        for (size_t i = 0; i < n && ini_actors; i++) {
            c.line = (long)i + 1;
            char *s = cv_trim(lines[i]);
            if (*s == '#' || *s == ';' || !*s)
                continue;
            if (*s == '[') {
                in_dict = !strncasecmp(s, "[Dictionaries]", 14);
                in_opts = !strncasecmp(s, "[Options]", 9);
                continue;
            }
            char *eq = strchr(s, '=');
            if (!(in_dict || in_opts) || !eq)
                continue;
            *eq = 0;
            char *key = cv_trim(s), *val = cv_trim(eq + 1);
            if (in_opts) {
                if (!strcmp(key, "require_dyad"))
                    require_dyad = strncasecmp(cv_strip_comment(val, 0), "false", 5) != 0;
                continue;
            }
            char path[4096];
            if (!strcmp(key, "verbfile_name") || !strcmp(key, "agentfile_name") ||
                !strcmp(key, "discardfile_name") || !strcmp(key, "internal_coding_ontology_filename")) {
                if (resolve(config_ini_or_NULL, val, path, sizeof path) < 0)
                    cv_warn(&c, "%s: %s not found next to the ini or in dictionaries/", key, val);
                char *dst = key[0] == 'v' ? ini_verbs : key[0] == 'a' ? ini_agents
                          : key[0] == 'd' ? ini_disc : ini_onto;
                snprintf(dst, (size_t)PATHLEN, "%s", path);
            } else if (!strcmp(key, "actorfile_list")) {
                char *tok, *save = NULL;
                for (tok = strtok_r(val, ",", &save); tok && n_ini_actors < MAXF;
                     tok = strtok_r(NULL, ",", &save)) {
                    if (!*cv_trim(tok))
                        continue;
                    if (resolve(config_ini_or_NULL, cv_trim(tok), path, sizeof path) < 0)
                        cv_warn(&c, "actorfile_list: %s not found", cv_trim(tok));
                    snprintf(ini_actors[n_ini_actors++], (size_t)PATHLEN, "%s", path);
                }
            } else if (!strcmp(key, "issuefile_name")) {
                cv_warn(&c, "issue coding (%s) has no dyad equivalent; not converted", val);
            }
        }
        free(lines);
        free(buf);
        cv_file_done(&c);
    }
    if (!verbs && ini_verbs[0])
        verbs = ini_verbs;
    if (!agents && ini_agents[0])
        agents = ini_agents;
    if (!discards && ini_disc[0])
        discards = ini_disc;
    if (!ontology && ini_onto[0])
        ontology = ini_onto;
    int dia = ontology ? D_UP : D_PETRARCH2;
    if (dialect && !strcmp(dialect, "petrarch1"))
        dia = D_PETRARCH1;
    else if (dialect && !strcmp(dialect, "petrarch2"))
        dia = D_PETRARCH2;
    else if (dialect && !strcmp(dialect, "up"))
        dia = D_UP;
    else if (dialect) {
        cv_error(&c, dialect, "unknown dialect (petrarch1, petrarch2 or up)");
        free(ini_actors);
        cv_finish(&c, warnings);
        return -1;
    }
    if (verbs)
        cv_convert_verbs(&c, verbs);
    if (n_actors > 0) {
        for (int i = 0; i < n_actors; i++)
            if (actors[i])
                cv_convert_actors(&c, actors[i], 0);
    } else {
        for (int i = 0; i < n_ini_actors; i++)
            cv_convert_actors(&c, ini_actors[i], 0);
    }
    if (agents)
        cv_convert_actors(&c, agents, 1);
    if (discards)
        cv_convert_discards(&c, discards);
    write_options(&c, "petrarch", require_dyad, ontology, dia);
    free(ini_actors);
    return cv_finish(&c, warnings);
}
