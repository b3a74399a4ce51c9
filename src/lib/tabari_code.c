/* tabari_code.c - codes one record the way TABARI 0.8 does (see tabari.h): filter
 * and split the text, drop comma-delimited clauses, classify words by the longest
 * dictionary phrase, combine actors with agents, find parsed compounds and
 * pronoun references, split clauses at free conjunctions, then for each verb try
 * its patterns (longest first) and fill source and target by the default rules. */
#include "tabari.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TOK 160
#define MAX_UNIT 64
#define MAX_EV 64

enum { T_NULL = 0, T_LITR, T_ACTOR, T_AGENT, T_VERB, T_NOUN, T_ADJ, T_DET, T_PRON, T_CONJ, T_COMMA,
       T_BY, T_AUX, T_VOID, T_LIST };

typedef struct {
    char w[64];
    uint8_t cap, type, absorbed;
    int32_t ent;            /* actor or verb index at a phrase's first token */
    int32_t end;            /* phrase end (exclusive) at its first token */
    int32_t unit;           /* unit of an actor/agent/pronoun token, -1 */
} ttok;

typedef struct {
    int32_t start, end;     /* tokens */
    char codes[8][32];
    int ncodes;
    int32_t group;          /* first unit of its compound, or itself */
    int32_t ref;            /* a pronoun: the unit it stands for, else -1 */
    uint8_t they;           /* THEY/THEM/THEIR: stands for the whole compound */
} tunit;

typedef struct {
    const dyad_tabari *t;
    tb_options o;
    int32_t ymd;
    ttok tok[MAX_TOK];
    int n;
    int allcaps;
    int final_stop;         /* the text ends in a full stop: its last comma clause may go */
    tunit u[MAX_UNIT];
    int nu;
    int discard, complex;
    FILE *ex;
} tctx;

typedef struct {
    char src[32], tgt[32], code[16];
} tev;

/* ---- text ---- */

static int filter_text(tctx *c, const char *s, size_t len)
{
    char *b = malloc(len * 3 + 1);
    if (!b)
        return -1;
    size_t n = 0;
    int lower = 0;
    for (size_t i = 0; i < len; i++) {
        char ch = s[i];
        if (ch == '/' && i + 1 < len && s[i + 1] == '*') {
            const char *e = strstr(s + i + 2, "*/");
            if (e && (size_t)(e - s) < len) {
                i = (size_t)(e - s) + 1;
                b[n++] = ' ';
                continue;
            }
        }
        if (islower((unsigned char)ch))
            lower = 1;
        if (ch == '-' || ch == '?' || ch == '!' || ch == '_' || ch == '\t' || ch == '\n' || ch == '\r')
            ch = ' ';
        if (ch == ';')
            ch = ',';
        if (ch == ',' && i > 0 && i + 1 < len && isdigit((unsigned char)s[i - 1]) &&
            isdigit((unsigned char)s[i + 1]))
            continue;
        if (ch == '.' && i > 0 && islower((unsigned char)s[i - 1]))
            ch = ' ';
        if (ch == ',' || ch == '"') {
            b[n++] = ' ';
            b[n++] = ch;
            b[n++] = ' ';
            continue;
        }
        b[n++] = ch;
    }
    b[n] = 0;
    c->allcaps = !lower;
    size_t e = len;
    while (e > 0 && isspace((unsigned char)s[e - 1]))
        e--;
    c->final_stop = e > 0 && s[e - 1] == '.';
    c->n = 0;
    char *save = NULL;
    for (char *w = strtok_r(b, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        if (c->n >= MAX_TOK)
            break;
        ttok *t = &c->tok[c->n++];
        memset(t, 0, sizeof *t);
        t->cap = (uint8_t)(isupper((unsigned char)w[0]) != 0);
        size_t k = 0;
        for (; w[k] && k < sizeof t->w - 1; k++)
            t->w[k] = (char)toupper((unsigned char)w[k]);
        t->w[k] = 0;
        t->type = !strcmp(t->w, ",") ? T_COMMA : T_NULL;
        t->ent = t->unit = -1;
    }
    free(b);
    return 0;
}

static void drop_comma_clauses(tctx *c)
{
    if (c->o.comma_off)
        return;
    int prev = -1;
    for (int i = 0; i <= c->n; i++) {
        if (i < c->n && c->tok[i].type != T_COMMA)
            continue;
        int words = i - prev - 1, lo, hi;
        if (prev < 0 && i == c->n)
            break;
        if (prev < 0)
            lo = c->o.bmin, hi = c->o.bmax;
        else if (i == c->n)   /* the closing phrase counts its comma and full stop */
            lo = c->o.emin, hi = c->o.emax, words += 2;
        else
            lo = c->o.cmin, hi = c->o.cmax;
        if (i == c->n && !c->final_stop)
            break;
        if (words > lo && words <= hi) {
            /* the clause goes with its commas, so that patterns match across it */
            for (int k = prev < 0 ? 0 : prev; k <= i && k < c->n; k++)
                c->tok[k].type = T_VOID;
        }
        prev = i;
    }
}

/* ---- words and phrases ---- */

static const char *const NOUN_END[] = {"S", "'S", "ES", "S'", NULL};
static const char *const VERB_END[] = {"S", "ED", "ES", "EN", "ING", NULL};

static int ends_ok(const char *tok, const char *w, size_t wl, int verb)
{
    const char *rest = tok + wl;
    for (const char *const *e = verb ? VERB_END : NOUN_END; *e; e++)
        if (!strcmp(rest, *e))
            return 1;
    /* DEPLORE_ -> DEPLORED, DEPLORING */
    if (verb && wl > 2 && w[wl - 1] == 'E' && !strncmp(tok, w, wl - 1))
        for (const char *const *e = VERB_END; *e; e++)
            if ((*e)[0] == 'E' || (*e)[0] == 'I')
                if (!strcmp(tok + wl - 1, *e))
                    return 1;
    return 0;
}

/* Does token text tok match element e? last: the phrase's final word (endings). */
static int word_match(const tb_el *e, const char *tok, int last, int kind)
{
    size_t wl = strlen(e->w);
    if (!e->exact)
        return !strncmp(tok, e->w, wl);
    if (!strcmp(tok, e->w))
        return 1;
    if (!last || e->noend || kind == 0)
        return 0;
    if (kind == 2 ? ends_ok(tok, e->w, wl, 1) : (!strncmp(tok, e->w, wl) && ends_ok(tok, e->w, wl, 0)))
        return kind == 2 ? 1 : 1;
    /* verbs: the stem part must match too */
    return 0;
}

static int usable(const tctx *c, int i)
{
    return i >= 0 && i < c->n && c->tok[i].type != T_VOID && c->tok[i].type != T_COMMA;
}

/* Matches a dictionary phrase at token i; kind 1 actor/noun, 2 verb. Returns the
 * end (exclusive) or -1; the tokens used are written to used[]. */
static int phrase_at(const tctx *c, const tb_seq *q, int i, int kind, int *used)
{
    int pos = i;
    for (size_t k = 0; k < q->n; k++) {
        const tb_el *e = &q->el[k];
        int last = k + 1 == q->n;
        if (k == 0) {
            if (!usable(c, i) || c->tok[i].type == T_LITR)
                return -1;
            if (kind == 2 ? !(strncmp(c->tok[i].w, e->w, strlen(e->w)) == 0 &&
                              word_match(e, c->tok[i].w, last, kind))
                          : !word_match(e, c->tok[i].w, last, kind))
                return -1;
            used[0] = i;
            continue;
        }
        int found = -1;
        if (q->el[k - 1].adj) {
            if (usable(c, pos + 1) && word_match(e, c->tok[pos + 1].w, last, kind))
                found = pos + 1;
        } else {
            for (int j = pos + 1; j < c->n && usable(c, j); j++)
                if (c->tok[j].type != T_LITR && word_match(e, c->tok[j].w, last, kind)) {
                    found = j;
                    break;
                }
        }
        if (found < 0)
            return -1;
        used[k] = found;
        pos = found;
    }
    return pos + 1;
}

static size_t seq_chars(const tb_seq *q)
{
    size_t n = 0;
    for (size_t k = 0; k < q->n; k++)
        n += strlen(q->el[k].w) + 1;
    return n;
}

static const tb_role *role_on(const tb_actor *a, int32_t ymd)
{
    for (size_t r = 0; r < a->nroles; r++) {
        const tb_role *ro = &a->roles[r];
        if (!ro->from && !ro->to)
            continue;
        if ((!ro->from || ymd >= ro->from) && (!ro->to || ymd <= ro->to))
            return ro;
    }
    for (size_t r = 0; r < a->nroles; r++)
        if (!a->roles[r].from && !a->roles[r].to)
            return &a->roles[r];
    return NULL;
}

static int is_word(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (!strcmp(w, *list))
            return 1;
    return 0;
}

static const char *const DETS[] = {"THE", "A", "AN", NULL};
static const char *const PRONS[] = {"HE", "SHE", "IT", "HIM", "HER", "HIS", "ITS", "THEY", "THEM", "THEIR", NULL};
static const char *const CONJS[] = {"AND", "BUT", "OR", "NOR", NULL};
static const char *const LIST_CONJS[] = {"AND", "OR", "NOR", NULL};   /* join compounds */
static const char *const AUXS[] = {"WAS", "WERE", "BEEN", NULL};

static void classify(tctx *c)
{
    const dyad_tabari *t = c->t;
    int used[64], best_used[64];
    int first = 1;
    for (int i = 0; i < c->n; i++) {
        ttok *tk = &c->tok[i];
        if (tk->type == T_VOID || tk->type == T_COMMA || tk->type == T_LITR)
            continue;
        size_t best = 0;
        int bend = -1, bkind = 0, bent = -1, bn = 0;
        for (size_t a = 0; a < t->n_actors; a++) {
            const tb_seq *q = &t->actors[a].phrase;
            if (q->n > 64 || strncmp(tk->w, q->el[0].w, 1) || (t->actors[a].time && !c->o.time_shift))
                continue;
            int e = phrase_at(c, q, i, 1, used);
            size_t sc = seq_chars(q);
            if (e > 0 && sc > best) {
                best = sc, bend = e, bkind = 1, bent = (int)a, bn = (int)q->n;
                memcpy(best_used, used, q->n * sizeof *used);
            }
        }
        for (size_t v = 0; v < t->n_verbs; v++)
            for (size_t f = 0; f < t->verbs[v].nforms; f++) {
                const tb_seq *q = &t->verbs[v].forms[f];
                if (q->n > 64 || strncmp(tk->w, q->el[0].w, 1))
                    continue;
                int e = phrase_at(c, q, i, 2, used);
                size_t sc = seq_chars(q);
                if (e > 0 && sc > best) {
                    best = sc, bend = e, bkind = 2, bent = (int)v, bn = (int)q->n;
                    memcpy(best_used, used, q->n * sizeof *used);
                }
            }
        if (bkind) {
            tk->ent = bent;
            tk->end = bend;
            for (int k = 1; k < bn; k++)
                c->tok[best_used[k]].type = T_LITR, c->tok[best_used[k]].ent = i;
            if (bkind == 1) {
                const tb_actor *a = &t->actors[bent];
                tk->type = a->noun ? T_NOUN : a->adj ? T_ADJ : a->agent ? T_AGENT : T_ACTOR;
            } else {
                int prev = i - 1;
                while (prev >= 0 && c->tok[prev].type == T_VOID)
                    prev--;
                int det = prev >= 0 && is_word(c->tok[prev].w, DETS);
                int capital = tk->cap && !first && !c->allcaps;
                tk->type = det || capital ? T_NOUN : T_VERB;
            }
        } else if (is_word(tk->w, DETS)) {
            tk->type = T_DET;
        } else if (is_word(tk->w, PRONS)) {
            tk->type = T_PRON;
        } else if (is_word(tk->w, CONJS)) {
            tk->type = T_CONJ;
        } else if (!strcmp(tk->w, "BY")) {
            tk->type = T_BY;
        } else if (is_word(tk->w, AUXS)) {
            tk->type = T_AUX;
        }
        if (isalpha((unsigned char)tk->w[0]))
            first = 0;
    }
}

/* ---- actors, agents, compounds, pronouns ---- */

static int has_block(const char *code, const char *blk)
{
    size_t cl = strlen(code), bl = strlen(blk);
    for (size_t o = 0; o + bl <= cl; o += 3)
        if (!strncmp(code + o, blk, bl))
            return 1;
    return 0;
}

static void add_agent(tunit *u, const char *agent)
{
    const char *tl = strchr(agent, '~');
    if (!tl)
        return;
    for (int k = 0; k < u->ncodes; k++) {
        char *cd = u->codes[k];
        char blk[32];
        char out[32];
        if (tl == agent) {           /* ~GOV: a suffix */
            snprintf(blk, sizeof blk, "%s", agent + 1);
            if (has_block(cd, blk))
                continue;
            snprintf(out, sizeof out, "%s%s", cd, blk);
        } else {                     /* NGO~: a prefix */
            snprintf(blk, sizeof blk, "%.*s", (int)(tl - agent), agent);
            if (has_block(cd, blk))
                continue;
            snprintf(out, sizeof out, "%s%s", blk, cd);
        }
        memcpy(cd, out, sizeof out);
    }
}

static int new_unit(tctx *c, int start, int end)
{
    if (c->nu >= MAX_UNIT)
        return -1;
    tunit *u = &c->u[c->nu];
    memset(u, 0, sizeof *u);
    u->start = start, u->end = end, u->group = c->nu, u->ref = -1;
    return c->nu++;
}

static int actor_token(const tctx *c, int i)
{
    return usable(c, i) && c->tok[i].unit >= 0;
}

static void make_units(tctx *c)
{
    const dyad_tabari *t = c->t;
    for (int i = 0; i < c->n; i++) {
        ttok *tk = &c->tok[i];
        if (tk->type != T_ACTOR)
            continue;
        const tb_role *r = role_on(&t->actors[tk->ent], c->ymd);
        if (!r || r->code.null) {
            tk->type = T_NOUN;
            continue;
        }
        if (r->code.discard) {
            c->discard = 1;
            continue;
        }
        if (r->code.complex) {
            c->complex = 1;
            continue;
        }
        int u = new_unit(c, i, tk->end);
        if (u < 0)
            return;
        for (int k = 0; k < r->ncodes && k < 8; k++)
            snprintf(c->u[u].codes[k], sizeof c->u[u].codes[k], "%s", r->codes[k]);
        c->u[u].ncodes = r->ncodes;
        for (int k = i; k < tk->end; k++)
            if (k == i || (c->tok[k].type == T_LITR && c->tok[k].ent == i))
                c->tok[k].unit = u;
    }
    /* agents */
    for (int i = 0; i < c->n; i++) {
        ttok *tk = &c->tok[i];
        if (tk->type != T_AGENT)
            continue;
        const tb_role *r = role_on(&t->actors[tk->ent], c->ymd);
        if (!r || !r->ncodes)
            continue;
        char code[32];
        snprintf(code, sizeof code, "%s", r->codes[0]);
        int former = i > 0 && !strcmp(c->tok[i - 1].w, "FORMER");
        int p = former ? i - 2 : i - 1, q = tk->end, u = -1;
        if (actor_token(c, p) && c->u[c->tok[p].unit].end == p + 1)
            u = c->tok[p].unit;
        else {
            int fq = q < c->n && !strcmp(c->tok[q].w, "FORMER");
            if (fq)
                q++;
            if (actor_token(c, q) && c->u[c->tok[q].unit].start == q) {
                u = c->tok[q].unit;
                former |= fq;
            } else if (q < c->n && (!strcmp(c->tok[q].w, "OF") || !strcmp(c->tok[q].w, "IN"))) {
                int q2 = q + 1;
                while (q2 < c->n && c->tok[q2].type == T_DET)
                    q2++;
                if (actor_token(c, q2) && c->u[c->tok[q2].unit].start == q2)
                    u = c->tok[q2].unit;
                if (u >= 0 && q2 > 0 && !strcmp(c->tok[q2 - 1].w, "FORMER"))
                    former = 1;
            }
        }
        if (u >= 0 && c->u[u].start > 0 && !strcmp(c->tok[c->u[u].start - 1].w, "FORMER"))
            former = 1;
        if (former)
            snprintf(code, sizeof code, "~ELI");
        if (u >= 0) {
            add_agent(&c->u[u], code);
            if (p == c->u[u].end - 1 || p + 1 == c->u[u].end) {
                for (int k = c->u[u].end; k < tk->end; k++)
                    c->tok[k].unit = u;
                c->u[u].end = tk->end;
            } else if (tk->end == c->u[u].start || (tk->end + 1 == c->u[u].start)) {
                for (int k = i; k < c->u[u].start; k++)
                    c->tok[k].unit = u;
                c->u[u].start = i;
            }
        } else if (c->o.convert_agents) {
            int nu = new_unit(c, i, tk->end);
            if (nu < 0)
                return;
            snprintf(c->u[nu].codes[0], sizeof c->u[nu].codes[0], "%s", code);
            c->u[nu].ncodes = 1;
            for (int k = i; k < tk->end; k++)
                if (k == i || c->tok[k].type == T_LITR)
                    c->tok[k].unit = nu;
        }
    }
    /* keep units in text order */
    for (int a = 1; a < c->nu; a++)
        for (int b = a; b > 0 && c->u[b].start < c->u[b - 1].start; b--) {
            tunit tmp = c->u[b];
            c->u[b] = c->u[b - 1];
            c->u[b - 1] = tmp;
        }
    for (int a = 0; a < c->nu; a++) {
        c->u[a].group = a;
        for (int k = c->u[a].start; k < c->u[a].end; k++)
            if (c->tok[k].unit >= 0)
                c->tok[k].unit = a;
    }
}

/* A noun phrase of actors: (DET|ADJ)* actor-token+ ... ending on an actor token.
 * Returns its end (exclusive) or -1; adds its units to list. */
static int np_at(const tctx *c, int i, int *list, int *nl)
{
    int j = i, last = -1;
    while (j < c->n) {
        const ttok *tk = &c->tok[j];
        if (tk->unit >= 0 && tk->type != T_VOID) {
            int u = tk->unit;
            if (*nl == 0 || list[*nl - 1] != u)
                list[(*nl)++] = u;
            j = c->u[u].end > j ? c->u[u].end : j + 1;
            last = j;
        } else if (tk->type == T_DET || tk->type == T_ADJ) {
            j++;
        } else {
            break;
        }
    }
    return last;
}

static void compounds(tctx *c)
{
    for (int i = 0; i < c->n; i++) {
        int list[MAX_UNIT], nl = 0;
        if (c->tok[i].type == T_PRON)
            continue;
        int e = np_at(c, i, list, &nl);
        if (e < 0)
            continue;
        int nps = 1, conj = -1, p = e;
        int comma_at[MAX_UNIT], nc = 0;
        while (p < c->n && nl < MAX_UNIT - 8) {
            if (c->tok[p].type == T_COMMA) {
                int q = p + 1;
                if (q < c->n && c->tok[q].type == T_CONJ && is_word(c->tok[q].w, LIST_CONJS)) {
                    int e2 = np_at(c, q + 1, list, &nl);
                    if (e2 > 0) {
                        conj = q, p = e2, nps++;
                    }
                    break;
                }
                int save = nl;
                int e2 = np_at(c, q, list, &nl);
                if (e2 < 0) {
                    nl = save;
                    break;
                }
                comma_at[nc++] = p;
                p = e2, nps++;
                continue;
            } else if (c->tok[p].type == T_CONJ && is_word(c->tok[p].w, LIST_CONJS)) {
                int save = nl;
                int e2 = np_at(c, p + 1, list, &nl);
                if (e2 > 0)
                    conj = p, p = e2, nps++;
                else
                    nl = save;
                break;
            } else {
                break;
            }
        }
        if (conj < 0 || nl < 2)
            continue;
        c->tok[conj].absorbed = 1;
        for (int k = 0; k < nc; k++)
            c->tok[comma_at[k]].absorbed = 1;
        if (conj > 0 && c->tok[conj - 1].type == T_COMMA)
            c->tok[conj - 1].absorbed = 1;
        for (int k = 0; k < nl; k++)
            c->u[list[k]].group = list[0];
        i = p - 1;
    }
    /* nouns and adjectives joined by a conjunction */
    for (int i = 1; i + 1 < c->n; i++) {
        if (c->tok[i].type != T_CONJ || c->tok[i].absorbed)
            continue;
        int a = c->tok[i - 1].type, j = i + 1;
        if (a == T_NOUN) {
            while (j < c->n && c->tok[j].type == T_ADJ)
                j++;
            if (j < c->n && c->tok[j].type == T_NOUN)
                c->tok[i].absorbed = 1;
        } else if (a == T_ADJ && c->tok[j].type == T_ADJ) {
            c->tok[i].absorbed = 1;
        }
    }
}

static void pronouns(tctx *c)
{
    int first_cmp = -1;
    for (int a = 0; a < c->nu && first_cmp < 0; a++)
        for (int b = a + 1; b < c->nu; b++)
            if (c->u[b].group == c->u[a].group && c->u[a].group == a) {
                first_cmp = a;
                break;
            }
    for (int i = 0; i < c->n; i++) {
        if (c->tok[i].type != T_PRON)
            continue;
        if (!c->nu || c->u[0].start >= i)
            continue;
        int they = !strcmp(c->tok[i].w, "THEY") || !strcmp(c->tok[i].w, "THEM") ||
                   !strcmp(c->tok[i].w, "THEIR");
        int ref = they && first_cmp >= 0 && c->u[first_cmp].start < i ? first_cmp : 0;
        int u = new_unit(c, i, i + 1);
        if (u < 0)
            return;
        c->u[u] = c->u[ref];
        c->u[u].start = i, c->u[u].end = i + 1, c->u[u].ref = ref, c->u[u].group = u;
        c->u[u].they = (uint8_t)(they && ref == first_cmp);
        c->tok[i].unit = u;
    }
}

/* Puts units in text order again (pronoun units were added last). */
static void sort_units(tctx *c)
{
    int order[MAX_UNIT], inv[MAX_UNIT];
    for (int k = 0; k < c->nu; k++)
        order[k] = k;
    for (int a = 1; a < c->nu; a++)
        for (int b = a; b > 0 && c->u[order[b]].start < c->u[order[b - 1]].start; b--) {
            int x = order[b];
            order[b] = order[b - 1];
            order[b - 1] = x;
        }
    tunit tmp[MAX_UNIT];
    for (int k = 0; k < c->nu; k++)
        inv[order[k]] = k, tmp[k] = c->u[order[k]];
    for (int k = 0; k < c->nu; k++) {
        c->u[k] = tmp[k];
        c->u[k].group = inv[c->u[k].group];
        if (c->u[k].ref >= 0)
            c->u[k].ref = inv[c->u[k].ref];
    }
    for (int i = 0; i < c->n; i++)
        if (c->tok[i].unit >= 0)
            c->tok[i].unit = inv[c->tok[i].unit];
}

/* the codes a unit stands for */
static int members(const tctx *c, int u, int *out)
{
    int n = 0;
    int base = c->u[u].ref >= 0 ? c->u[u].ref : u;
    if (c->u[u].ref >= 0 && !c->u[u].they) {
        out[n++] = base;
        return n;
    }
    int g = c->u[base].group;
    for (int k = 0; k < c->nu && n < MAX_UNIT; k++)
        if (c->u[k].group == g && c->u[k].ref < 0)
            out[n++] = k;
    if (!n)
        out[n++] = base;
    return n;
}

/* the code compared when a target must differ from the source: a unit's own
 * (a pronoun's: its referent's, THEY: the compound's first) */
static const char *key(const tctx *c, int u)
{
    if (c->u[u].ref < 0)
        return c->u[u].codes[0];
    int m[MAX_UNIT];
    members(c, u, m);
    return c->u[m[0]].codes[0];
}

/* ---- patterns ---- */

typedef struct {
    int src, tgt, cmp;
    int skip[8], nskip;
} pmatch;

/* first unit (in group terms) whose start is in [lo, hi] nearest to hi (back) or lo */
static int unit_back(const tctx *c, int lo, int hi, int exact_end)
{
    for (int k = c->nu - 1; k >= 0; k--) {
        const tunit *u = &c->u[k];
        if (u->start < lo || u->start > hi)
            continue;
        if (exact_end && u->end - 1 != hi)
            continue;
        return k;
    }
    return -1;
}

static int unit_fwd(const tctx *c, int lo, int hi, int exact_start)
{
    for (int k = 0; k < c->nu; k++) {
        const tunit *u = &c->u[k];
        if (u->start < lo || u->start > hi)
            continue;
        if (exact_start && u->start != lo)
            return -1;
        return k;
    }
    return -1;
}

static int group_start(const tctx *c, int u)
{
    int s = c->u[u].start;
    for (int k = 0; k < c->nu; k++)
        if (c->u[k].group == c->u[u].group && c->u[k].start < s && c->u[k].ref < 0)
            s = c->u[k].start;
    return s;
}

static int group_end(const tctx *c, int u)
{
    int e = c->u[u].end;
    for (int k = 0; k < c->nu; k++)
        if (c->u[k].group == c->u[u].group && c->u[k].end > e && c->u[k].ref < 0)
            e = c->u[k].end;
    return e;
}

static int group_size(const tctx *c, int u)
{
    int m[MAX_UNIT];
    return members(c, u, m);
}

static int assign(tctx *c, const tb_el *e, int u, pmatch *m)
{
    (void)c;
    if (e->kind == TE_SRC)
        m->src = u;
    else if (e->kind == TE_TGT)
        m->tgt = u;
    else if (e->kind == TE_CMP)
        m->cmp = u;
    else if (m->nskip < 8)
        m->skip[m->nskip++] = u;
    return 0;
}

/* upper part: elements el[j] .. el[0], right to left, ending at or before pos */
static int match_up(tctx *c, const tb_el *el, int j, int pos, int lo, int adj, pmatch *m)
{
    if (j < 0)
        return 1;
    const tb_el *e = &el[j];
    if (e->kind == TE_WORD) {
        for (int t = pos; t >= lo; t--) {
            if (adj && t != pos)
                break;
            if (!usable(c, t))
                continue;
            if (word_match(e, c->tok[t].w, 0, 0) &&
                match_up(c, el, j - 1, t - 1, lo, j > 0 && el[j - 1].adj, m))
                return 1;
        }
        return 0;
    }
    for (int hi = pos; hi >= lo; hi--) {
        int u = unit_back(c, lo, hi, adj);
        if (u < 0)
            return 0;
        if (e->kind == TE_CMP && group_size(c, u) < 2) {
            hi = c->u[u].start;
            if (adj)
                return 0;
            continue;
        }
        pmatch save = *m;
        assign(c, e, u, m);
        int gs = e->kind == TE_SRC || e->kind == TE_TGT ? c->u[u].start : group_start(c, u);
        if (match_up(c, el, j - 1, gs - 1, lo, j > 0 && el[j - 1].adj, m))
            return 1;
        *m = save;
        if (adj)
            return 0;
        hi = c->u[u].start;
    }
    return 0;
}

/* lower part: elements el[j] .. el[n-1], left to right, starting at or after pos */
static int match_down(tctx *c, const tb_el *el, size_t j, size_t n, int pos, int hi, int adj, pmatch *m)
{
    if (j >= n)
        return 1;
    const tb_el *e = &el[j];
    if (e->kind == TE_WORD) {
        for (int t = pos; t <= hi; t++) {
            if (adj && t != pos)
                break;
            if (!usable(c, t))
                continue;
            if (word_match(e, c->tok[t].w, 0, 0) && match_down(c, el, j + 1, n, t + 1, hi, e->adj, m))
                return 1;
        }
        return 0;
    }
    for (int lo = pos; lo <= hi; lo++) {
        int u = unit_fwd(c, lo, hi, adj);
        if (u < 0)
            return 0;
        if (e->kind == TE_CMP && group_size(c, u) < 2) {
            if (adj)
                return 0;
            lo = c->u[u].start;
            continue;
        }
        pmatch save = *m;
        assign(c, e, u, m);
        int ge = e->kind == TE_SRC || e->kind == TE_TGT ? c->u[u].end : group_end(c, u);
        if (match_down(c, el, j + 1, n, ge, hi, e->adj, m))
            return 1;
        *m = save;
        if (adj)
            return 0;
        lo = c->u[u].start;
    }
    return 0;
}

static const tb_pattern *match_verb(tctx *c, const tb_verb *v, int vs, int ve, int cs, int ce, pmatch *m)
{
    int lo = vs - 1, hi = ve;
    while (lo >= cs && c->tok[lo].type != T_COMMA)
        lo--;
    lo++;
    while (hi < ce && c->tok[hi].type != T_COMMA)
        hi++;
    hi--;
    for (size_t p = 0; p < v->npats; p++) {
        const tb_pattern *pt = &v->pats[p];
        size_t k = 0;
        while (k < pt->pat.n && pt->pat.el[k].kind != TE_VERB)
            k++;
        if (k == pt->pat.n)
            continue;
        memset(m, 0, sizeof *m);
        m->src = m->tgt = m->cmp = -1;
        int up_adj = k > 0 && pt->pat.el[k - 1].adj;
        if (!match_up(c, pt->pat.el, (int)k - 1, vs - 1, lo, up_adj, m))
            continue;
        if (!match_down(c, pt->pat.el, k + 1, pt->pat.n, ve, hi, pt->pat.el[k].adj, m))
            continue;
        return pt;
    }
    return NULL;
}

/* ---- events ---- */

typedef struct {
    int src, tgt;
    tb_code code;
    int sub, dom, single;
} tcand;

static int skipped(const tctx *c, const pmatch *m, int u)
{
    for (int k = 0; k < m->nskip; k++)
        if (m->skip[k] == u || c->u[m->skip[k]].group == c->u[u].group)
            return 1;
    return 0;
}

/* the first usable unit in [lo, hi) (token starts) whose key differs from avoid */
static int first_unit(const tctx *c, const pmatch *m, int lo, int hi, int avoid)
{
    for (int k = 0; k < c->nu; k++) {
        if (c->u[k].start < lo || c->u[k].start >= hi || skipped(c, m, k))
            continue;
        if (c->tok[c->u[k].start].type == T_VOID)
            continue;
        if (avoid >= 0 && !strcmp(key(c, k), key(c, avoid)))
            continue;
        return k;
    }
    return -1;
}

/* the nearest unit before token hi, with a word at or after lo, whose key differs
 * from avoid */
static int last_unit(const tctx *c, const pmatch *m, int lo, int hi, int avoid)
{
    for (int k = c->nu - 1; k >= 0; k--) {
        if (c->u[k].start >= hi || c->u[k].end <= lo || skipped(c, m, k) || k == avoid)
            continue;
        if (avoid >= 0 && !strcmp(key(c, k), key(c, avoid)))
            continue;
        return k;
    }
    return -1;
}

enum { DEF_SRC = -2, DEF_TGT = -3 };

/* Codes verb token vs in clause [cs, ce). Returns 1 with *cd filled, 0 for no event. */
static int eval_verb(tctx *c, int vs, int cs, int ce, int inherit, int strong, tcand *cd)
{
    const tb_verb *v = &c->t->verbs[c->tok[vs].ent];
    int ve = c->tok[vs].end;
    pmatch m;
    const tb_pattern *pt = match_verb(c, v, vs, ve, cs, ce, &m);
    tb_code code = pt ? pt->code : v->code;
    if (!pt) {
        memset(&m, 0, sizeof m);
        m.src = m.tgt = m.cmp = -1;
    }
    if (c->ex)
        fprintf(c->ex, "  verb %s (line %ld): %s %s\n", c->tok[vs].w, v->line,
                pt ? "pattern" : "root", code.null ? "---" : code.discard ? "###" : code.complex ? "+++" : code.a);
    if (code.discard) {
        c->discard = 1;
        return 0;
    }
    if (code.complex) {
        c->complex = 1;
        return 0;
    }
    if (code.null)
        return 0;
    int src = m.src, tgt = m.tgt, def = c->o.def_on;
    if (m.cmp >= 0)
        src = tgt = m.cmp;
    /* after a conjunction the source stays, unless an actor follows it at once */
    if (src == -1 && inherit >= 0 && strong && !(actor_token(c, cs) && c->tok[cs].type != T_PRON))
        src = inherit;
    if (src == -1) {
        src = first_unit(c, &m, cs, vs, tgt);
        if (src == -1 && inherit >= 0)
            src = inherit;
        if (src == -1 && def && c->o.def_src[0] && c->o.def_src_prior)
            src = DEF_SRC;
        if (src == -1)
            src = first_unit(c, &m, ve, ce, tgt);
        if (src == -1 && def && c->o.def_src[0])
            src = DEF_SRC;
    }
    if (tgt == -1) {
        int avoid = src >= 0 ? src : -1;
        tgt = first_unit(c, &m, ve, ce, avoid);
        if (tgt == -1 && def && c->o.def_tgt[0] && c->o.def_tgt_after)
            tgt = DEF_TGT;
        if (tgt == -1)
            tgt = last_unit(c, &m, cs, vs, avoid);
        if (tgt == -1 && src >= 0 && group_size(c, src) > 1)
            tgt = src;
        if (tgt == -1 && def && c->o.def_tgt[0])
            tgt = DEF_TGT;
    }
    if (src == -1 || tgt == -1)
        return 0;
    /* passive voice: WAS/WERE/BEEN before, BY after, actors not set by the pattern */
    if (m.src < 0 && m.tgt < 0 && m.cmp < 0) {
        int aux = (vs >= 1 && c->tok[vs - 1].type == T_AUX) || (vs >= 2 && c->tok[vs - 2].type == T_AUX);
        int by = (ve < c->n && c->tok[ve].type == T_BY) || (ve + 1 < c->n && c->tok[ve + 1].type == T_BY);
        if (aux && by) {
            int x = src;
            src = tgt, tgt = x;
        }
    }
    cd->src = src, cd->tgt = tgt, cd->code = code;
    /* two members of one compound face each other alone */
    cd->single = src >= 0 && tgt >= 0 && src != tgt && c->u[src].ref < 0 && c->u[tgt].ref < 0 &&
                 c->u[src].group == c->u[tgt].group;
    cd->sub = code.sub, cd->dom = code.dom;
    return 1;
}

static int member_codes(const tctx *c, int u, int single, const char **out)
{
    if (u == DEF_SRC) {
        out[0] = c->o.def_src;
        return 1;
    }
    if (u == DEF_TGT) {
        out[0] = c->o.def_tgt;
        return 1;
    }
    int m[MAX_UNIT], n = members(c, u, m), k = 0;
    if (single)
        m[0] = u, n = 1;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < c->u[m[i]].ncodes && k < MAX_EV; j++)
            out[k++] = c->u[m[i]].codes[j];
    return k;
}

static void emit(tctx *c, const tcand *cd, tev *evs, int *nev)
{
    const char *s[MAX_EV], *t[MAX_EV];
    int ns = member_codes(c, cd->src, cd->single, s), nt = member_codes(c, cd->tgt, cd->single, t);
    for (int pass = 0; pass < 2; pass++) {
        const char *code = pass ? cd->code.b : cd->code.a;
        if (!code[0])
            continue;
        for (int i = 0; i < ns; i++)
            for (int j = 0; j < nt; j++) {
                const char *a = pass ? t[j] : s[i], *b = pass ? s[i] : t[j];
                if (!strcmp(a, b))
                    continue;
                int dup = 0;
                for (int k = 0; k < *nev; k++)
                    dup |= !strcmp(evs[k].src, a) && !strcmp(evs[k].tgt, b) && !strcmp(evs[k].code, code);
                if (dup || *nev >= MAX_EV)
                    continue;
                snprintf(evs[*nev].src, sizeof evs->src, "%s", a);
                snprintf(evs[*nev].tgt, sizeof evs->tgt, "%s", b);
                snprintf(evs[*nev].code, sizeof evs->code, "%s", code);
                (*nev)++;
            }
    }
}

static void explain_tokens(const tctx *c)
{
    static const char *const TN[] = {"", "litr", "ACTOR", "agent", "VERB", "noun", "adj", "det", "pron",
                                     "conj", ",", "by", "aux", "void"};
    fprintf(c->ex, "  tokens:");
    for (int i = 0; i < c->n; i++) {
        const ttok *t = &c->tok[i];
        fprintf(c->ex, " %s", t->w);
        if (t->type)
            fprintf(c->ex, "/%s%s", TN[t->type], t->absorbed ? "*" : "");
        if (t->unit >= 0 && (t->type == T_ACTOR || t->type == T_PRON || t->type == T_AGENT))
            fprintf(c->ex, "=%s#%d", c->u[t->unit].codes[0], c->u[t->unit].group);
    }
    fprintf(c->ex, "\n");
}

static int code_record(tctx *c, tev *evs, int *nev)
{
    *nev = 0;
    if (c->n < c->o.min_words) {
        if (c->ex)
            fprintf(c->ex, "  %d words: not coded (minimum %d, maximum %d)\n", c->n, c->o.min_words, MAX_TOK);
        return 0;
    }
    /* first pass: which commas list the members of a compound */
    ttok *save = malloc(sizeof c->tok);
    if (!save)
        return -1;
    memcpy(save, c->tok, sizeof c->tok);
    classify(c);
    make_units(c);
    compounds(c);
    uint8_t keep[MAX_TOK];
    for (int i = 0; i < c->n; i++)
        keep[i] = c->tok[i].type == T_COMMA && c->tok[i].absorbed;
    memcpy(c->tok, save, sizeof c->tok);
    free(save);
    c->nu = 0;   /* discard and complex codes found so far stand */
    for (int i = 0; i < c->n; i++)
        if (keep[i])
            c->tok[i].type = T_LIST;
    drop_comma_clauses(c);
    for (int i = 0; i < c->n; i++)
        if (c->tok[i].type == T_LIST)
            c->tok[i].type = T_COMMA;
    classify(c);
    make_units(c);
    compounds(c);
    pronouns(c);
    sort_units(c);
    if (c->ex)
        explain_tokens(c);
    /* complexity, discards */
    int verbs = 0, conj = 0, first_verb = -1;
    for (int i = 0; i < c->n; i++) {
        const ttok *t = &c->tok[i];
        if (t->type == T_VERB) {
            const tb_verb *v = &c->t->verbs[t->ent];
            verbs++;
            if (v->code.discard)
                c->discard = 1;
            if (v->code.complex)
                c->complex = 1;
            if (first_verb < 0 && !v->code.null)
                first_verb = i;
        } else if (t->type == T_CONJ && !t->absorbed) {
            conj++;
        }
    }
    const char *why = c->discard ? "discard code" : c->complex ? "complex code" : NULL;
    if (!why && c->o.cx_verbs && verbs >= c->o.cx_verbs)
        why = "too many verbs";
    if (!why && c->o.cx_conj && conj >= c->o.cx_conj)
        why = "too many conjunctions";
    if (!why && c->o.cx_actors && c->nu >= c->o.cx_actors)
        why = "too many actors";
    if (!why && c->o.cx_noactprior && first_verb >= 0 && (!c->nu || c->u[0].start > first_verb))
        why = "no actor before the first verb";
    if (!why && c->o.cx_noverb && first_verb < 0)
        why = "no verb";
    if (why) {
        if (c->ex)
            fprintf(c->ex, "  not coded: %s\n", why);
        return 0;
    }
    /* clauses */
    tcand got[MAX_EV];
    int ngot = 0, inherit = -1, any_dom = 0, strong = 0;
    tcand sent_sub;
    int have_sent_sub = 0;
    for (int cs = 0; cs < c->n;) {
        int ce = cs;
        while (ce < c->n && !(c->tok[ce].type == T_CONJ && !c->tok[ce].absorbed))
            ce++;
        int normal = 0, have_sub = 0, clause_src = -1, coded_verb = 0, any_verb = 0;
        tcand sub;
        for (int i = cs; i < ce; i++) {
            if (c->tok[i].type != T_VERB)
                continue;
            if (c->o.code_by == 1 && ngot)
                break;
            tcand cd;
            any_verb = 1;
            if (!c->t->verbs[c->tok[i].ent].code.null)
                coded_verb = 1;
            if (!eval_verb(c, i, cs, ce, cs > 0 ? inherit : -1, strong, &cd)) {
                if (c->discard || c->complex)
                    return 0;
                continue;
            }
            if (normal && c->o.code_by != 2 && !cd.dom)
                continue;
            if (cd.sub) {
                if (!have_sub)
                    sub = cd, have_sub = 1;
                continue;
            }
            if (ngot < MAX_EV)
                got[ngot++] = cd;
            any_dom |= cd.dom;
            normal = 1;
            clause_src = cd.src;
        }
        if (!normal && have_sub) {
            if (c->o.code_by == 0) {
                if (ngot < MAX_EV)
                    got[ngot++] = sub;
                clause_src = sub.src;
            } else if (!have_sent_sub) {
                sent_sub = sub, have_sent_sub = 1;
            }
        }
        /* the next clause keeps this one's source (its first actor if it had no
         * coded verb): firmly after an event or a null-coded verb */
        strong = clause_src != -1 || (any_verb && !coded_verb);
        if (clause_src == -1 && !coded_verb)
            for (int k = 0; k < c->nu && clause_src == -1; k++)
                if (c->u[k].start >= cs && c->u[k].start < ce)
                    clause_src = k;
        inherit = clause_src;
        cs = ce + 1;
    }
    if (!ngot && have_sent_sub)
        got[ngot++] = sent_sub;
    for (int k = 0; k < ngot; k++)
        if (!any_dom || got[k].dom)
            emit(c, &got[k], evs, nev);
    return 0;
}

static int32_t doc_ymd(const char *d)
{
    if (!d)
        return 0;
    int v[8], n = 0;
    for (; *d && n < 8; d++)
        if (isdigit((unsigned char)*d))
            v[n++] = *d - '0';
    if (n < 8)
        return 0;
    return ((v[0] * 10 + v[1]) * 100 + v[2] * 10 + v[3]) * 10000 + (v[4] * 10 + v[5]) * 100 + v[6] * 10 + v[7];
}

int dyad_tabari_code(const dyad_tabari *t, const dyad_doc *doc, const char *options, FILE *explain,
                     dyad_event_fn fn, void *ud, dyad_doc_stats *st)
{
    dyad_doc_stats local;
    if (!st)
        st = &local;
    memset(st, 0, sizeof *st);
    tctx *c = calloc(1, sizeof *c);
    if (!c)
        return -1;
    c->t = t;
    c->o = t->opt;
    c->ex = explain;
    if (options) {
        const char *p = options;
        while (*p) {
            const char *e = strchr(p, '\n');
            size_t l = e ? (size_t)(e - p) : strlen(p);
            char line[512];
            snprintf(line, sizeof line, "%.*s", (int)(l < sizeof line - 1 ? l : sizeof line - 1), p);
            dyad_tabari_option(&c->o, line);
            p += l + (e != NULL);
        }
    }
    c->ymd = doc_ymd(doc->date);
    dyad_date dd = {0, 0, 0, DYAD_PREC_NONE};
    if (doc->date && dyad_parse_date(doc->date, strlen(doc->date), &dd) != 0) {
        st->bad_date = 1;
        memset(&dd, 0, sizeof dd);
    }
    st->sentences = 1;
    tev evs[MAX_EV];
    int nev = 0;
    if (filter_text(c, doc->text, doc->text_len) < 0) {
        free(c);
        return -1;
    }
    if (explain)
        fprintf(explain, "record %s (TABARI coding)\n", doc->id ? doc->id : "");
    code_record(c, evs, &nev);
    if (c->discard)
        st->discarded = 1;
    int rc = 0;
    for (int k = 0; k < nev && rc == 0; k++) {
        dyad_event ev;
        memset(&ev, 0, sizeof ev);
        ev.doc_id = doc->id;
        ev.text = doc->text;
        ev.text_len = doc->text_len;
        ev.date = dd;
        snprintf(ev.source, sizeof ev.source, "%.31s", evs[k].src);
        snprintf(ev.target, sizeof ev.target, "%.31s", evs[k].tgt);
        snprintf(ev.code, sizeof ev.code, "%.7s", evs[k].code);
        memcpy(ev.root, ev.code, 2);
        st->events++;
        if (explain)
            fprintf(explain, "  EVENT %s %s %s\n", ev.source, ev.code, ev.target);
        if (fn && fn(ud, &ev))
            rc = -1;
    }
    free(c);
    return rc;
}
