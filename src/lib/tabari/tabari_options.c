/* tabari_options.c - the .options commands that change TABARI coding (tabari.h). */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tabari_load.h"

/* ---- options ---- */

void dyad_tabari_default_options(tb_options *o)
{
    memset(o, 0, sizeof *o);
    o->min_words = 8;
    o->time_shift = 1;
    o->cmin = 2, o->cmax = 10, o->emin = 2, o->emax = 10, o->bmin = 128, o->bmax = 0;
}

/* A whole number at p (spaces before it; after it the end, a space, ']', ',' or
 * ';'): 1 and *out, else 0. Nothing is guessed from a malformed number. */
static int read_int(const char *p, int *out)
{
    while (*p == ' ' || *p == '\t')
        p++;
    char *end;
    errno = 0;
    long v = strtol(p, &end, 10);
    if (end == p || errno || v < INT_MIN || v > INT_MAX || (*end && !strchr(" \t],;\r", *end)))
        return 0;
    *out = (int)v;
    return 1;
}

static int bracket_num(const char *s, const char *key)
{
    const char *p = strstr(s, key);
    if (!p)
        return 0;
    p = strchr(p, '[');
    int v = 0;
    return p && read_int(p + 1, &v) ? v : 0;
}

static int eq_num(const char *s, const char *key, int dflt)
{
    const char *p = s;
    size_t kl = strlen(key);
    while ((p = strstr(p, key))) {
        if ((p == s || p[-1] == ' ') && (p[kl] == ' ' || p[kl] == '=')) {
            const char *e = strchr(p, '=');
            int v = dflt;
            return e && read_int(e + 1, &v) ? v : dflt;
        }
        p += kl;
    }
    return dflt;
}

void dyad_tabari_option(tb_options *o, const char *line)
{
    char b[512];
    snprintf(b, sizeof b, "%s", line);
    char *c = strstr(b, "//");
    if (c)
        *c = 0;
    tbd_upcase(b);
    for (char *p = b; *p; p++)
        if (*p == '_')
            *p = '-';
    char *s = tbd_trim(b);
    if (!strncmp(s, "COMPLEX:", 8) || !strncmp(s, "COMP:", 5)) {
        o->cx_verbs = bracket_num(s, "VERBS");
        o->cx_conj = bracket_num(s, "CONJ");
        o->cx_actors = bracket_num(s, "ACTORS");
        o->cx_noactprior = strstr(s, "NOACTPRIOR") != NULL;
        o->cx_noverb = strstr(s, "NOVERB") != NULL;
    } else if (!strncmp(s, "DEFAULT:", 8) || !strncmp(s, "DEFA:", 5)) {
        if (strstr(s, "OFF") && !strchr(s, '[')) {
            o->def_on = 0;
            return;
        }
        o->def_on = 1;
        o->def_src[0] = o->def_tgt[0] = 0;
        const char *src = strstr(s, "SOURCE"), *tgt = strstr(s, "TARGET");
        if (src && strchr(src, '['))
            sscanf(strchr(src, '[') + 1, "%31[^]]", o->def_src);
        if (tgt && strchr(tgt, '['))
            sscanf(strchr(tgt, '[') + 1, "%31[^]]", o->def_tgt);
        o->def_src_prior = strstr(s, "PRIOR") != NULL;
        o->def_tgt_after = strstr(s, "AFTER") != NULL;
    } else if (!strncmp(s, "FORWARD:", 8) || !strncmp(s, "FORW:", 5)) {
        char fmt[32] = "";
        sscanf(strchr(s, ':') + 1, "%31s", fmt);
        for (char *p = fmt; *p; p++)
            if (*p == '-')
                *p = '_';   /* undo the '_' -> '-' above; formats use neither */
        snprintf(o->fwd_fmt, sizeof o->fwd_fmt, "%s", fmt);
        o->fwd_on = fmt[0] && !strstr(s, " OFF");
    } else if (!strncmp(s, "COMMA:", 6)) {
        if (strstr(s, "OFF")) {
            o->comma_off = 1;
            return;
        }
        o->comma_off = 0;
        o->cmin = eq_num(s, "MIN", o->cmin);
        o->cmax = eq_num(s, "MAX", o->cmax);
        o->emin = eq_num(s, "EMIN", o->emin);
        o->emax = eq_num(s, "EMAX", o->emax);
        o->bmin = eq_num(s, "BMIN", o->bmin);
        o->bmax = eq_num(s, "BMAX", o->bmax);
    } else if (!strncmp(s, "SET:", 4)) {
        if (strstr(s, "CODE BY SENTENCE"))
            o->code_by = 1;
        else if (strstr(s, "CODE ALL"))
            o->code_by = 2;
        else if (strstr(s, "CODE BY CLAUSE"))
            o->code_by = 0;
        else if (strstr(s, "MINIMUM WORDS"))
            o->min_words = eq_num(s, "WORDS", o->min_words);
        else if (strstr(s, "TIME SHIFT"))
            o->time_shift = strstr(s, "TRUE") != NULL;
        else if (strstr(s, "CONVERT AGENT"))
            o->convert_agents = strstr(s, "TRUE") != NULL || strstr(s, "= T") != NULL;
    }
}

