/* tabari_dict.c - loads the *.tabari files of a dictionary folder (TABARI .actors,
 * .agents, .verbs and .options text kept as TABARI writes it, under a first line
 * "# tabari KIND") into the tables of tabari.h. Alternatives "{ a | b }" and
 * synonym sets "&SET" in patterns are expanded into plain patterns here, so that
 * the coder only matches words, actors and the verb. */
#include "tabari.h"
#include "tabari_load.h"

#include <ctype.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>



void tbd_warn(ld_ctx *x, const char *msg)
{
    if (x->diag)
        fprintf(x->diag, "warning: %s:%ld: %s\n", x->file, x->line, msg);
    x->t->warnings++;
}

char *tbd_trim(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = 0;
    return s;
}

void tbd_upcase(char *s)
{
    for (; *s; s++) {
        *s = (char)toupper((unsigned char)*s);
        if (*s == '-')
            *s = '_';
    }
}

/* ---- element sequences ---- */

static int push_el(tb_seq *q, const tb_el *e)
{
    tb_el *n = realloc(q->el, (q->n + 1) * sizeof *n);
    if (!n)
        return -1;
    q->el = n;
    q->el[q->n++] = *e;
    return 0;
}

int dyad_tabari_parse_seq(const char *text, tb_seq *out, const dyad_tabari *t, int pattern)
{
    (void)t;
    memset(out, 0, sizeof *out);
    char *buf = strdup(text);
    if (!buf)
        return -1;
    char *save = NULL;
    for (char *chunk = strtok_r(buf, " \t", &save); chunk; chunk = strtok_r(NULL, " \t", &save)) {
        size_t cl = strlen(chunk);
        size_t i = 0;
        while (i < cl) {
            size_t j = i;
            while (j < cl && chunk[j] != '_')
                j++;
            /* part chunk[i..j), followed by '_' when j < cl */
            int us = j < cl;
            size_t k = j;
            while (k < cl && chunk[k] == '_')
                k++;
            int more = k < cl;            /* another part follows in this chunk */
            if (j > i) {
                tb_el e = {0};
                char part[128];
                size_t pl = j - i < sizeof part - 1 ? j - i : sizeof part - 1;
                memcpy(part, chunk + i, pl);
                part[pl] = 0;
                if (pattern && pl == 1 && strchr("*$+%^", part[0])) {
                    e.kind = part[0] == '*' ? TE_VERB : part[0] == '$' ? TE_SRC : part[0] == '+' ? TE_TGT
                             : part[0] == '%' ? TE_CMP : TE_SKIP;
                } else {
                    e.kind = TE_WORD;
                    if (pl && part[pl - 1] == '=') {
                        part[--pl] = 0;
                        e.exact = e.noend = 1;
                    } else if (pl && part[pl - 1] == '~') {
                        part[--pl] = 0;
                    } else {
                        e.exact = (uint8_t)us;
                    }
                    if (!pl)
                        continue;
                    e.w = strdup(part);
                    if (!e.w) {
                        free(buf);
                        return -1;
                    }
                }
                e.adj = (uint8_t)(us && more);
                if (push_el(out, &e) < 0) {
                    free(buf);
                    return -1;
                }
            } else if (us && more && out->n) {
                out->el[out->n - 1].adj = 1;
            }
            i = k;
        }
    }
    free(buf);
    return 0;
}

void tbd_free_seq(tb_seq *q)
{
    for (size_t i = 0; i < q->n; i++)
        free(q->el[i].w);
    free(q->el);
}

/* ---- codes ---- */

void tbd_parse_code(const char *s, tb_code *c)
{
    memset(c, 0, sizeof *c);
    char b[64];
    size_t n = 0;
    for (; *s && n < sizeof b - 1; s++)
        if (*s != ' ')
            b[n++] = (char)toupper((unsigned char)*s);
    b[n] = 0;
    if (!strcmp(b, "---")) {
        c->null = 1;
        return;
    }
    if (!strcmp(b, "###")) {
        c->discard = 1;
        return;
    }
    if (!strcmp(b, "+++")) {
        c->complex = 1;
        return;
    }
    if (n && b[n - 1] == '?') {
        c->sub = 1;
        b[--n] = 0;
    } else if (n && b[n - 1] == '!') {
        c->dom = 1;
        b[--n] = 0;
    }
    char *colon = strchr(b, ':');
    if (colon) {
        *colon = 0;
        snprintf(c->b, sizeof c->b, "%.15s", colon + 1);
    }
    snprintf(c->a, sizeof c->a, "%.15s", b);
}

static int32_t yymmdd(const char *s)
{
    while (*s == ' ')
        s++;
    long v = strtol(s, NULL, 10);
    int y = (int)(v / 10000), md = (int)(v % 10000);
    if (y < 100)
        y += y <= 30 ? 2000 : 1900;
    return y * 10000 + md;
}

/* "[CODE]", "[CODE <YYMMDD]", "[CODE >YYMMDD]", "[CODE YYMMDD-YYMMDD]" */
static int parse_role(const char *s, tb_role *r)
{
    memset(r, 0, sizeof *r);
    char b[128];
    snprintf(b, sizeof b, "%s", s);
    char *p = tbd_trim(b);
    char code[64] = "";
    size_t n = 0;
    while (*p && *p != ' ' && *p != '<' && *p != '>' && n < sizeof code - 1)
        code[n++] = *p++;
    code[n] = 0;
    if (strspn(code, "0123456789-") == n && strpbrk(code, "0123456789"))
        return -1;    /* a date with no code */
    while (*p == ' ')
        p++;
    if (*p == '<')
        r->to = yymmdd(p + 1);
    else if (*p == '>')
        r->from = yymmdd(p + 1);
    else if (isdigit((unsigned char)*p)) {
        r->from = yymmdd(p);
        const char *dash = strchr(p, '-');
        if (!dash)
            return -1;
        r->to = yymmdd(dash + 1);
    }
    if (!code[0])
        return -1;
    tbd_parse_code(code, &r->code);
    char *save = NULL;
    for (char *c = strtok_r(code, "/", &save); c && r->ncodes < 8; c = strtok_r(NULL, "/", &save))
        snprintf(r->codes[r->ncodes++], sizeof r->codes[0], "%.15s", c);
    return 0;
}

/* ---- actors and agents ---- */

int tbd_add_actor(ld_ctx *x, const char *name, const tb_role *roles, size_t nroles, int agent,
                     int noun, int adj)
{
    dyad_tabari *t = x->t;
    tb_actor *na = realloc(t->actors, (t->n_actors + 1) * sizeof *na);
    if (!na)
        return -1;
    t->actors = na;
    tb_actor *a = &t->actors[t->n_actors];
    memset(a, 0, sizeof *a);
    char b[512];
    snprintf(b, sizeof b, "%s", name);
    tbd_upcase(b);
    if (dyad_tabari_parse_seq(b, &a->phrase, t, 0) < 0 || !a->phrase.n)
        return a->phrase.n ? -1 : 0;
    if (nroles) {
        a->roles = malloc(nroles * sizeof *a->roles);
        if (!a->roles)
            return -1;
        memcpy(a->roles, roles, nroles * sizeof *roles);
    }
    a->nroles = nroles;
    a->agent = (uint8_t)agent;
    a->noun = (uint8_t)noun;
    a->adj = (uint8_t)adj;
    a->line = x->line;
    t->n_actors++;
    return 0;
}

/* Splits "NAME [A] [B] ;comment" into the name and its [..] blocks. */
size_t tbd_split_codes(char *line, char **name, tb_role *roles, size_t cap, ld_ctx *x)
{
    char *semi = strchr(line, ';');
    if (semi)
        *semi = 0;
    char *br = strchr(line, '[');
    size_t n = 0;
    char *p = br;
    while (p && *p == '[') {
        char *e = strchr(p, ']');
        if (!e) {
            tbd_warn(x, "missing ]");
            break;
        }
        *e = 0;
        if (n < cap && parse_role(p + 1, &roles[n]) == 0)
            n++;
        else
            tbd_warn(x, "bad code block");
        p = e + 1;
        while (*p == ' ' || *p == '\t')
            p++;
    }
    if (br)
        *br = 0;
    *name = tbd_trim(line);
    return n;
}


/* Line i of a file's body, trimmed, in *ts (and its number in x->line):
 * LN_SKIP for a blank or comment line, LN_END at ~~FINISH. */
int tbd_body_line(ld_ctx *x, char **lines, size_t i, char **ts)
{
    x->line = (long)i + 2;
    *ts = tbd_trim(lines[i]);
    if (!**ts || **ts == '#' || **ts == '/')
        return LN_SKIP;
    if (!strncmp(*ts, "~~FINISH", 8))
        return LN_END;
    return LN_TEXT;
}

static int load_actors(ld_ctx *x, char **lines, size_t nl, int agents)
{
    int section = 0;   /* 1 noun, 2 adjective */
    for (size_t i = 0; i < nl; i++) {
        char *ts;
        int kind = tbd_body_line(x, lines, i, &ts);
        if (kind == LN_END)
            break;
        if (kind == LN_SKIP)
            continue;
        if (!strncasecmp(ts, "<NOUN>", 6)) { section = 1; continue; }
        if (!strncasecmp(ts, "<ADJECTIVE>", 11)) { section = 2; continue; }
        if (!strncasecmp(ts, "</", 2)) { section = 0; continue; }
        if (*ts == '<')
            continue;
        if (section) {
            char *semi = strchr(ts, ';');
            if (semi)
                *semi = 0;
            if (tbd_add_actor(x, tbd_trim(ts), NULL, 0, 0, section == 1, section == 2) < 0)
                return -1;
            continue;
        }
        if (*ts == '+' || *ts == '[')
            continue;   /* consumed with their head line */
        tb_role roles[16];
        char *names[64];
        size_t nn = 0;
        char *name;
        size_t nr = tbd_split_codes(ts, &name, roles, 16, x);
        names[nn++] = name;
        long head = x->line;
        size_t j = i + 1;
        for (; j < nl; j++) {
            char *u = tbd_trim(lines[j]);
            if (*u == '+') {
                char *nm;
                char *semi = strchr(u, ';');
                if (semi)
                    *semi = 0;
                nm = tbd_trim(u + 1);
                if (nn < 64)
                    names[nn++] = nm;
            } else if (*u == '[') {
                char *dummy;
                nr += tbd_split_codes(u, &dummy, roles + nr, 16 - nr, x);
            } else if (*u == '#' && (lines[j][0] == ' ' || lines[j][0] == '\t' || !u[1] || u[1] == '\t')) {
                continue;
            } else if (!*u) {
                /* a blank line ends the entry only once codes were seen */
                if (nr)
                    break;
            } else {
                break;
            }
        }
        i = j - 1;
        x->line = head;
        if (!nr) {
            tbd_warn(x, "no code");
            continue;
        }
        int agent = 0;
        for (size_t r = 0; r < nr; r++)
            for (int c = 0; c < roles[r].ncodes; c++)
                if (strchr(roles[r].codes[c], '~'))
                    agent = 1;
        if (agents && !agent)
            tbd_warn(x, "agent code without ~");
        for (size_t k = 0; k < nn; k++)
            if (tbd_add_actor(x, names[k], roles, nr, agent, 0, 0) < 0)
                return -1;
    }
    return 0;
}

/* ---- files ---- */

static char **read_lines(const char *path, size_t *n, char **buf)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *b = malloc(cap);
    size_t r;
    while (b && (r = fread(b + len, 1, cap - len - 1, f)) > 0) {
        len += r;
        if (cap - len < 2) {
            char *nb = realloc(b, cap * 2);
            if (!nb) {
                free(b);
                b = NULL;
                break;
            }
            b = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (!b)
        return NULL;
    b[len] = 0;
    size_t nl = 1;
    for (size_t i = 0; i < len; i++)
        nl += b[i] == '\n' || (b[i] == '\r' && b[i + 1] != '\n');
    char **lines = malloc(nl * sizeof *lines);
    if (!lines) {
        free(b);
        return NULL;
    }
    size_t k = 0;
    char *s = b;
    for (size_t i = 0; i <= len; i++) {
        if (b[i] == '\n' || b[i] == '\r' || b[i] == 0) {
            int crlf = b[i] == '\r' && b[i + 1] == '\n';
            b[i] = 0;
            if (k < nl)
                lines[k++] = s;
            if (crlf)
                i++;
            s = b + i + 1;
        }
    }
    *n = k;
    *buf = b;
    return lines;
}

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && !strcmp(s + a - b, suf);
}

static int load_file(dyad_tabari *t, const char *path, FILE *diag, char *err, size_t errlen)
{
    size_t n;
    char *buf;
    char **lines = read_lines(path, &n, &buf);
    if (!lines) {
        snprintf(err, errlen, "%s:0: cannot read", path);
        return -1;
    }
    ld_ctx x = {t, diag, path, 1, err, errlen, 0};
    int rc = 0;
    char kind[32] = "";
    if (n && sscanf(lines[0], "# tabari %31s", kind) == 1) {
        if (!strcmp(kind, "actors") || !strcmp(kind, "agents"))
            rc = load_actors(&x, lines + 1, n - 1, kind[1] == 'g');
        else if (!strcmp(kind, "verbs"))
            rc = tbd_load_verbs(&x, lines + 1, n - 1);
        else if (!strcmp(kind, "options"))
            for (size_t i = 1; i < n; i++)
                dyad_tabari_option(&t->opt, lines[i]);
        else
            snprintf(err, errlen, "%s:1: unknown kind '%s'", path, kind), rc = -1;
    } else {
        snprintf(err, errlen, "%s:1: first line must be '# tabari KIND'", path);
        rc = -1;
    }
    if (rc < 0 && !err[0])
        snprintf(err, errlen, "%s:%ld: out of memory", path, x.line);
    free(lines);
    free(buf);
    return rc;
}

static int cmp_ix(const void *a, const void *b)
{
    const tb_ix *x = a, *y = b;
    int c = strcmp(x->w, y->w);
    if (c)
        return c;
    if (x->verb != y->verb)
        return x->verb - y->verb;
    if (x->idx != y->idx)
        return x->idx < y->idx ? -1 : 1;
    return x->form < y->form ? -1 : x->form > y->form;
}

static int build_index(dyad_tabari *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n_actors; i++)
        n += t->actors[i].phrase.n > 0;
    for (size_t v = 0; v < t->n_verbs; v++)
        n += t->verbs[v].nforms;
    t->ix = malloc((n ? n : 1) * sizeof *t->ix);
    if (!t->ix)
        return -1;
    for (size_t i = 0; i < t->n_actors; i++)
        if (t->actors[i].phrase.n)
            t->ix[t->n_ix++] = (tb_ix){t->actors[i].phrase.el[0].w, (uint32_t)i, 0, 0};
    for (size_t v = 0; v < t->n_verbs; v++)
        for (size_t f = 0; f < t->verbs[v].nforms; f++)
            if (t->verbs[v].forms[f].n)
                t->ix[t->n_ix++] = (tb_ix){t->verbs[v].forms[f].el[0].w, (uint32_t)v, (uint32_t)f, 1};
    if (t->n_ix > 1)
        qsort(t->ix, t->n_ix, sizeof *t->ix, cmp_ix);
    return 0;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

dyad_tabari *dyad_tabari_load(const char *dir, FILE *diag, char *err, size_t errlen)
{
    err[0] = 0;
    DIR *dp = opendir(dir);
    if (!dp)
        return NULL;
    char *names[64];
    size_t nn = 0;
    struct dirent *de;
    while ((de = readdir(dp)) && nn < 64)
        if (de->d_name[0] != '.' && ends_with(de->d_name, ".tabari"))
            names[nn++] = strdup(de->d_name);
    closedir(dp);
    if (!nn)
        return NULL;
    qsort(names, nn, sizeof *names, cmp_name);
    dyad_tabari *t = calloc(1, sizeof *t);
    int rc = t ? 0 : -1;
    if (t)
        dyad_tabari_default_options(&t->opt);
    for (size_t i = 0; i < nn; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i] ? names[i] : "");
        if (rc == 0 && (!names[i] || load_file(t, path, diag, err, errlen) < 0))
            rc = -1;
        free(names[i]);
    }
    if (rc == 0 && build_index(t) < 0)
        rc = -1;
    if (rc < 0) {
        if (!err[0])
            snprintf(err, errlen, "%s: out of memory", dir);
        dyad_tabari_free(t);
        return NULL;
    }
    return t;
}

void dyad_tabari_free(dyad_tabari *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n_actors; i++) {
        tbd_free_seq(&t->actors[i].phrase);
        free(t->actors[i].roles);
    }
    free(t->actors);
    for (size_t i = 0; i < t->n_verbs; i++) {
        for (size_t k = 0; k < t->verbs[i].nforms; k++)
            tbd_free_seq(&t->verbs[i].forms[k]);
        free(t->verbs[i].forms);
        for (size_t k = 0; k < t->verbs[i].npats; k++)
            tbd_free_seq(&t->verbs[i].pats[k].pat);
        free(t->verbs[i].pats);
    }
    free(t->verbs);
    for (size_t i = 0; i < t->n_sets; i++) {
        for (size_t k = 0; k < t->sets[i].n; k++)
            tbd_free_seq(&t->sets[i].members[k]);
        free(t->sets[i].members);
    }
    free(t->sets);
    free(t->ix);
    free(t);
}
