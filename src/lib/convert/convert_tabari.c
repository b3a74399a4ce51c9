/* convert_tabari.c - TABARI dictionaries (.actors, .verbs, .agents, .project) to a
 * dyad dictionary folder; the conversion itself is shared with PETRARCH's
 * (convert_petrarch.c). TABARI differences handled here: ';' comments, each verb
 * line is its own block, <SYNSETS>, and names are stems unless they end in '_'
 * (dyad matches whole words: a stem is kept as the word written; see
 * cv_convert_actors). */
#include "convert.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* "<actorsfile> NAME" lines of a .project; names relative to the project's folder. */
static void project_file(const char *project, const char *line, const char *tag, char *out, size_t cap)
{
    size_t tl = strlen(tag);
    if (strncasecmp(line, tag, tl) != 0)
        return;
    const char *v = line + tl;
    while (*v == ' ' || *v == '\t')
        v++;
    char name[1024];
    snprintf(name, sizeof name, "%s", v);
    char *t = cv_trim(name);
    if (!*t)
        return;
    if (t[0] == '/') {
        snprintf(out, cap, "%s", t);
        return;
    }
    const char *sl = strrchr(project, '/');
    if (sl)
        snprintf(out, cap, "%.*s/%s", (int)(sl - project), project, t);
    else
        snprintf(out, cap, "%s", t);
}

/* Keeps a TABARI file as outdir/BASE.KIND.tabari for TABARI-mode coding. */
static void keep_tabari(cv_ctx *c, const char *src, const char *kind)
{
    FILE *in = fopen(src, "rb");
    if (!in) {
        cv_error(c, src, "cannot read");
        return;
    }
    const char *base = strrchr(src, '/');
    base = base ? base + 1 : src;
    char path[4096];
    snprintf(path, sizeof path, "%s/%.200s.%s.tabari", c->outdir, base, kind);
    for (char *p = path + strlen(c->outdir) + 1; *p; p++)
        if (*p == ' ')
            *p = '_';
    FILE *out = fopen(path, "wb");
    if (!out) {
        cv_error(c, path, "cannot write");
        fclose(in);
        return;
    }
    fprintf(out, "# tabari %s\n", kind);
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, out);
    fclose(in);
    cv_close_out(c, out, path);
}

int cv_tabari(const dyad_convert_opts *opt, const char *outdir, FILE *diag, size_t *warnings)
{
    const char *project_or_NULL = opt->config, *verbs = opt->verbs, *agents = opt->agents,
               *options = opt->options;
    const char *actors = opt->n_actors > 0 ? opt->actors[0] : NULL;
    cv_ctx c;
    if (warnings)
        *warnings = 0;
    if (cv_begin(&c, outdir, opt->codes_file, diag) < 0) {
        cv_finish(&c, warnings);
        return -1;
    }
    c.tabari = 1;
    char pv[4096] = "", pa[4096] = "", pg[4096] = "", po[4096] = "";
    if (project_or_NULL) {
        size_t n;
        char *buf;
        char **lines = cv_read_lines(&c, project_or_NULL, &n, &buf);
        if (!lines) {
            cv_finish(&c, warnings);
            return -1;
        }
        c.file = project_or_NULL;
        for (size_t i = 0; i < n; i++) {
            c.line = (long)i + 1;
            const char *s = lines[i];
            project_file(project_or_NULL, s, "<actorsfile>", pa, sizeof pa);
            project_file(project_or_NULL, s, "<verbsfile>", pv, sizeof pv);
            project_file(project_or_NULL, s, "<agentsfile>", pg, sizeof pg);
            project_file(project_or_NULL, s, "<optionsfile>", po, sizeof po);
        }
        free(lines);
        free(buf);
        cv_file_done(&c);
    }
    if (!verbs && pv[0])
        verbs = pv;
    if (!actors && pa[0])
        actors = pa;
    if (!agents && pg[0])
        agents = pg;
    if (verbs)
        cv_convert_verbs(&c, verbs);
    if (actors)
        cv_convert_actors(&c, actors, 0);
    if (agents)
        cv_convert_actors(&c, agents, 1);
    if (!options && po[0])
        options = po;
    if (verbs)
        keep_tabari(&c, verbs, "verbs");
    if (actors)
        keep_tabari(&c, actors, "actors");
    if (agents)
        keep_tabari(&c, agents, "agents");
    if (options)
        keep_tabari(&c, options, "options");
    /* TABARI codes an event only when it finds both a source and a target */
    FILE *o = cv_open_out(&c, "tabari", "options");
    if (o) {
        fputs("require_dyad = yes\nrelevance = all\n", o);
        cv_close_out(&c, o, "options");
    }
    return cv_finish(&c, warnings);
}
