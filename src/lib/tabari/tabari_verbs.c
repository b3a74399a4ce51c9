/* tabari_verbs.c - a TABARI .verbs file: verb blocks, their forms and patterns
 * (`{ | }` alternatives and &SYNSETs expanded), longest pattern first. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tabari_load.h"

/* ---- verbs ---- */

static tb_synset *find_set(dyad_tabari *t, const char *name, size_t len)
{
    for (size_t i = 0; i < t->n_sets; i++)
        if (strlen(t->sets[i].name) == len && !strncmp(t->sets[i].name, name, len))
            return &t->sets[i];
    return NULL;
}

typedef struct {
    char **s;
    size_t n;
} strlist;

static int sl_push(strlist *l, char *s)
{
    if (!s)
        return -1;
    if (l->n >= MAX_EXPAND) {
        free(s);
        return 0;
    }
    char **n = realloc(l->s, (l->n + 1) * sizeof *n);
    if (!n) {
        free(s);
        return -1;
    }
    l->s = n;
    l->s[l->n++] = s;
    return 0;
}

static char *join3(const char *a, size_t al, const char *b, size_t bl, const char *c)
{
    size_t cl = strlen(c);
    char *r = malloc(al + bl + cl + 1);
    if (!r)
        return NULL;
    memcpy(r, a, al);
    memcpy(r + al, b, bl);
    memcpy(r + al + bl, c, cl + 1);
    return r;
}

/* Expands the first "{ .. | .. }" (or with sets, "&SET") of s, recursively, into out. */
static int expand(dyad_tabari *t, const char *s, strlist *out, int depth, int sets)
{
    if (depth > 8)
        return sl_push(out, strdup(s));
    const char *brace = strchr(s, '{');
    const char *amp = sets ? strchr(s, '&') : NULL;
    if (brace && (!amp || brace < amp)) {
        const char *close = strchr(brace, '}');
        if (!close)
            return sl_push(out, strdup(s));
        const char *a = brace + 1;
        while (a < close) {
            const char *bar = memchr(a, '|', (size_t)(close - a));
            const char *e = bar ? bar : close;
            char alt[256];
            size_t al = (size_t)(e - a) < sizeof alt - 1 ? (size_t)(e - a) : sizeof alt - 1;
            memcpy(alt, a, al);
            alt[al] = 0;
            char *alt_t = tbd_trim(alt);
            char *r = join3(s, (size_t)(brace - s), alt_t, strlen(alt_t), close + 1);
            if (!r)
                return -1;
            int rc = expand(t, r, out, depth + 1, sets);
            free(r);
            if (rc < 0)
                return -1;
            a = e + 1;
        }
        return 0;
    }
    if (amp) {
        size_t l = 1;
        while (amp[l] && (isalnum((unsigned char)amp[l])))
            l++;
        tb_synset *set = find_set(t, amp, l);
        if (!set)
            return sl_push(out, strdup(s));
        for (size_t m = 0; m < set->n; m++) {
            /* members are kept as text in el[0].w (see load_verbs) */
            const char *mt = set->members[m].el[0].w;
            char *r = join3(s, (size_t)(amp - s), mt, strlen(mt), amp + l);
            if (!r)
                return -1;
            int rc = expand(t, r, out, depth + 1, sets);
            free(r);
            if (rc < 0)
                return -1;
        }
        return 0;
    }
    return sl_push(out, strdup(s));
}

/* TABARI's length of a pattern: its characters but blanks and tokens; a synonym
 * set counts nothing (so "* DOLLAR" beats "* &CURRENCY") */
static size_t pat_len(const char *s)
{
    size_t n = 0;
    for (; *s; s++) {
        if (*s == '&') {
            while (isalnum((unsigned char)s[1]))
                s++;
            continue;
        }
        if (*s != ' ' && *s != '\t' && !strchr("*$+%^", *s))
            n++;
    }
    return n;
}

static int add_pattern(ld_ctx *x, tb_verb *v, const char *text, const tb_code *code)
{
    strlist l = {0};
    char b[512];
    snprintf(b, sizeof b, "%s", text);
    tbd_upcase(b);
    if (!strchr(b, '*')) {
        tbd_warn(x, "pattern without *");
        return 0;
    }
    strlist alts = {0};
    int rc = expand(x->t, b, &alts, 0, 0);
    size_t *lens = calloc(MAX_EXPAND + 1, sizeof *lens);
    if (!lens)
        rc = -1;
    for (size_t a = 0; rc == 0 && a < alts.n; a++) {
        size_t before = l.n;
        rc = expand(x->t, alts.s[a], &l, 0, 1);
        for (size_t k = before; k < l.n; k++)
            lens[k] = pat_len(alts.s[a]);
    }
    for (size_t a = 0; a < alts.n; a++)
        free(alts.s[a]);
    free(alts.s);
    for (size_t i = 0; rc == 0 && i < l.n; i++) {
        tb_pattern p = {0};
        if (dyad_tabari_parse_seq(l.s[i], &p.pat, x->t, 1) < 0) {
            rc = -1;
            break;
        }
        p.len = lens[i];
        p.code = *code;
        p.order = x->order++;
        tb_pattern *np = realloc(v->pats, (v->npats + 1) * sizeof *np);
        if (!np) {
            tbd_free_seq(&p.pat);
            rc = -1;
            break;
        }
        v->pats = np;
        v->pats[v->npats++] = p;
    }
    for (size_t i = 0; i < l.n; i++)
        free(l.s[i]);
    free(l.s);
    free(lens);
    return rc;
}

static int cmp_pat(const void *a, const void *b)
{
    const tb_pattern *p = a, *q = b;
    if (p->len != q->len)
        return p->len > q->len ? -1 : 1;
    return p->order < q->order ? -1 : p->order > q->order;
}

static int add_form(tb_verb *v, const char *text, const dyad_tabari *t)
{
    tb_seq q;
    char b[256];
    snprintf(b, sizeof b, "%s", text);
    tbd_upcase(b);
    if (dyad_tabari_parse_seq(b, &q, t, 0) < 0)
        return -1;
    if (!q.n)
        return 0;
    tb_seq *nf = realloc(v->forms, (v->nforms + 1) * sizeof *nf);
    if (!nf) {
        tbd_free_seq(&q);
        return -1;
    }
    v->forms = nf;
    v->forms[v->nforms++] = q;
    return 0;
}

int tbd_load_verbs(ld_ctx *x, char **lines, size_t nl)
{
    dyad_tabari *t = x->t;
    int section = 0;   /* 1 synsets, 2 time */
    tb_verb *cur = NULL;
    for (size_t i = 0; i < nl; i++) {
        char *ts;
        int kind = tbd_body_line(x, lines, i, &ts);
        if (kind == LN_END)
            break;
        if (kind == LN_SKIP)
            continue;
        if (!strncasecmp(ts, "<SYNSETS>", 9)) { section = 1; continue; }
        if (!strncasecmp(ts, "<TIME>", 6)) { section = 2; continue; }
        if (!strncasecmp(ts, "</", 2)) { section = 0; continue; }
        char *semi = strchr(ts, ';');
        if (semi)
            *semi = 0;
        ts = tbd_trim(ts);
        if (section == 2) {
            /* time phrases: only their discard and complex codes are kept (the
             * day shifts [-7] are not used) */
            if (!strstr(ts, "###") && !strstr(ts, "+++"))
                continue;
            tb_role roles[4];
            char *name;
            char line[512];
            snprintf(line, sizeof line, "%s", ts);
            size_t nr = tbd_split_codes(line, &name, roles, 4, x);
            if (nr == 1 && *name != '-' && (roles[0].code.discard || roles[0].code.complex)) {
                if (tbd_add_actor(x, name, roles, 1, 0, 0, 0) < 0)
                    return -1;
                t->actors[t->n_actors - 1].time = 1;
            }
            continue;
        }
        if (section == 1) {
            tbd_upcase(ts);
            if (*ts == '&') {
                tb_synset *ns = realloc(t->sets, (t->n_sets + 1) * sizeof *ns);
                if (!ns)
                    return -1;
                t->sets = ns;
                memset(&t->sets[t->n_sets], 0, sizeof *ns);
                snprintf(t->sets[t->n_sets].name, sizeof ns->name, "%s", ts);
                t->n_sets++;
            } else if (*ts == '+' && t->n_sets) {
                /* expand the member now (it may name earlier sets); keep the text */
                tb_synset *s = &t->sets[t->n_sets - 1];
                strlist l = {0};
                if (expand(t, tbd_trim(ts + 1), &l, 0, 1) < 0)
                    return -1;
                for (size_t k = 0; k < l.n; k++) {
                    tb_seq *nm = realloc(s->members, (s->n + 1) * sizeof *nm);
                    if (!nm)
                        return -1;
                    s->members = nm;
                    tb_el *e = calloc(1, sizeof *e);
                    if (!e)
                        return -1;
                    e->kind = TE_WORD;
                    e->w = l.s[k];
                    s->members[s->n].el = e;
                    s->members[s->n].n = 1;
                    s->n++;
                }
                free(l.s);
            }
            continue;
        }
        if (*ts == '-' || *ts == '_') {
            if (!cur) {
                tbd_warn(x, "pattern before any verb");
                continue;
            }
            char *br = strrchr(ts, '[');
            char *be = br ? strchr(br, ']') : NULL;
            if (!br || !be) {
                tbd_warn(x, "pattern without [code]");
                continue;
            }
            *be = 0;
            *br = 0;
            tb_code code;
            tbd_parse_code(br + 1, &code);
            if (add_pattern(x, cur, ts + 1, &code) < 0)
                return -1;
            continue;
        }
        if (*ts == '{') {
            if (!cur)
                continue;
            char *e = strchr(ts, '}');
            if (e)
                *e = 0;
            char *save = NULL;
            for (char *f = strtok_r(ts + 1, " \t", &save); f; f = strtok_r(NULL, " \t", &save))
                if (add_form(cur, f, t) < 0)
                    return -1;
            continue;
        }
        /* a verb root */
        tb_verb *nv = realloc(t->verbs, (t->n_verbs + 1) * sizeof *nv);
        if (!nv)
            return -1;
        t->verbs = nv;
        cur = &t->verbs[t->n_verbs++];
        memset(cur, 0, sizeof *cur);
        cur->line = x->line;
        char *br = strchr(ts, '[');
        if (br) {
            char *be = strchr(br, ']');
            if (be)
                *be = 0;
            *br = 0;
            tbd_parse_code(br + 1, &cur->code);
        } else {
            tbd_warn(x, "verb without [code]");
            cur->code.null = 1;
        }
        if (add_form(cur, tbd_trim(ts), t) < 0)
            return -1;
    }
    for (size_t i = 0; i < t->n_verbs; i++)
        if (t->verbs[i].npats > 1)
            qsort(t->verbs[i].pats, t->verbs[i].npats, sizeof(tb_pattern), cmp_pat);
    return 0;
}

