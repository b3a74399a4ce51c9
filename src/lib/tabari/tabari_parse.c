/* tabari_parse.c - TABARI's sparse parse of one record (tabari_int.h): filter
 * and split the text, drop comma-delimited clauses, classify words by the longest
 * dictionary phrase (stems, exact words, regular endings), combine actors with
 * agents, find parsed compounds and noun/adjective compounds, resolve pronouns. */
#include "tabari_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---- text ---- */

int tb_filter_text(tctx *c, const char *s, size_t len)
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

void tb_drop_comma_clauses(tctx *c)
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
            lo = c->o.emin, hi = c->o.emax, words += 3;
        else
            lo = c->o.cmin, hi = c->o.cmax;
        if (i == c->n && !c->final_stop)
            break;
        int compound = 0;   /* a phrase holding a compound stays */
        for (int k = prev + 1; k < i; k++)
            compound |= c->tok[k].type == T_LIST;
        if (words > lo && words <= hi && !compound) {
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

/* Is tok w plus a regular ending? (DEPLORE_ also gives DEPLORED, DEPLORING) */
static int ends_ok(const char *tok, const char *w, size_t wl, int verb)
{
    const char *const *ends = verb ? VERB_END : NOUN_END;
    if (!strncmp(tok, w, wl))
        for (const char *const *e = ends; *e; e++)
            if (!strcmp(tok + wl, *e))
                return 1;
    if (verb && wl > 2 && w[wl - 1] == 'E' && !strncmp(tok, w, wl - 1))
        for (const char *const *e = ends; *e; e++)
            if (((*e)[0] == 'E' || (*e)[0] == 'I') && !strcmp(tok + wl - 1, *e))
                return 1;
    return 0;
}

int tb_word_match(const tb_el *e, const char *tok, int last, int kind)
{
    size_t wl = strlen(e->w);
    if (!e->exact)
        return !strncmp(tok, e->w, wl);
    if (!strcmp(tok, e->w))
        return 1;
    if (!last || e->noend || kind == 0)
        return 0;
    return ends_ok(tok, e->w, wl, kind == 2);
}

int tb_usable(const tctx *c, int i)
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
            if (!tb_usable(c, i) || c->tok[i].type == T_LITR)
                return -1;
            if (!tb_word_match(e, c->tok[i].w, last, kind))
                return -1;
            used[0] = i;
            continue;
        }
        int found = -1;
        if (q->el[k - 1].adj) {
            if (tb_usable(c, pos + 1) && tb_word_match(e, c->tok[pos + 1].w, last, kind))
                found = pos + 1;
        } else {
            for (int j = pos + 1; j < c->n && tb_usable(c, j); j++)
                if (c->tok[j].type != T_LITR && tb_word_match(e, c->tok[j].w, last, kind)) {
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

int tb_is_word(const char *w, const char *const *list)
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

/* Sorts candidate index entries into dictionary order: actors, then verbs, each
 * in file order (insertion sort: the lists are short). */
static void sort_candidates(const dyad_tabari *t, uint32_t *cand, size_t n)
{
    for (size_t a = 1; a < n; a++)
        for (size_t b = a; b > 0; b--) {
            const tb_ix *x = &t->ix[cand[b - 1]], *y = &t->ix[cand[b]];
            int gt = x->verb != y->verb ? x->verb > y->verb
                   : x->idx != y->idx   ? x->idx > y->idx
                                        : x->form > y->form;
            if (!gt)
                break;
            uint32_t tmp = cand[b];
            cand[b] = cand[b - 1];
            cand[b - 1] = tmp;
        }
}

void tb_classify(tctx *c)
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
        /* candidates: entries whose first word is a prefix of the token, in
         * dictionary order (actors first), the longest phrase winning */
        uint32_t cand[256];
        size_t nc = 0, tl = strlen(tk->w);
        char pre[72];
        for (size_t l = 1; l <= tl && nc < 256; l++)
            for (int e = 0; e < 2 && nc < 256; e++) {
                /* the prefix itself, and with an E (DEPLORE_ for DEPLORING) */
                size_t pl = l + (size_t)e;
                if (pl >= sizeof pre)
                    break;
                memcpy(pre, tk->w, l);
                pre[l] = 'E';
                pre[pl] = 0;
                size_t lo = 0, hi = t->n_ix;
                while (lo < hi) {       /* the first entry >= pre */
                    size_t mid = (lo + hi) / 2;
                    if (strcmp(t->ix[mid].w, pre) < 0)
                        lo = mid + 1;
                    else
                        hi = mid;
                }
                for (size_t k = lo; k < t->n_ix && nc < 256 && !strcmp(t->ix[k].w, pre); k++)
                    cand[nc++] = (uint32_t)k;
            }
        sort_candidates(t, cand, nc);
        for (size_t k = 0; k < nc; k++) {
            const tb_ix *x = &t->ix[cand[k]];
            int verb = x->verb;
            const tb_seq *q = verb ? &t->verbs[x->idx].forms[x->form] : &t->actors[x->idx].phrase;
            if (q->n > 64 || (!verb && t->actors[x->idx].time && !c->o.time_shift))
                continue;
            int e = phrase_at(c, q, i, verb ? 2 : 1, used);
            size_t sc = seq_chars(q);
            if (e > 0 && sc > best) {
                best = sc, bend = e, bkind = verb ? 2 : 1, bent = (int)x->idx, bn = (int)q->n;
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
                int det = prev >= 0 && tb_is_word(c->tok[prev].w, DETS);
                int capital = tk->cap && !first && !c->allcaps;
                tk->type = det || capital ? T_NOUN : T_VERB;
            }
        } else if (tb_is_word(tk->w, DETS)) {
            tk->type = T_DET;
        } else if (tb_is_word(tk->w, PRONS)) {
            tk->type = T_PRON;
        } else if (tb_is_word(tk->w, CONJS)) {
            tk->type = T_CONJ;
        } else if (!strcmp(tk->w, "BY")) {
            tk->type = T_BY;
        } else if (tb_is_word(tk->w, AUXS)) {
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

int tb_actor_token(const tctx *c, int i)
{
    return tb_usable(c, i) && c->tok[i].unit >= 0;
}

void tb_make_units(tctx *c)
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
        snprintf(c->u[u].base, sizeof c->u[u].base, "%.15s", r->codes[0]);
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
        if (tb_actor_token(c, p) && c->u[c->tok[p].unit].end == p + 1)
            u = c->tok[p].unit;
        else {
            int fq = q < c->n && !strcmp(c->tok[q].w, "FORMER");
            if (fq)
                q++;
            if (tb_actor_token(c, q) && c->u[c->tok[q].unit].start == q) {
                u = c->tok[q].unit;
                former |= fq;
            } else if (q < c->n && (!strcmp(c->tok[q].w, "OF") || !strcmp(c->tok[q].w, "IN"))) {
                int q2 = q + 1;
                while (q2 < c->n && c->tok[q2].type == T_DET)
                    q2++;
                if (tb_actor_token(c, q2) && c->u[c->tok[q2].unit].start == q2)
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

/* A noun phrase of actors: ((DET|ADJ)* actor)+, ending on an actor; two actors
 * side by side end it, but for a possessive ("Arnor's Elrond"). Returns its end
 * (exclusive) or -1; adds its units to list. */
static int np_at(const tctx *c, int i, int *list, int *nl)
{
    int j = i, last = -1;
    while (j < c->n) {
        const ttok *tk = &c->tok[j];
        if (tk->unit >= 0 && tk->type != T_VOID) {
            size_t pl = last == j ? strlen(c->tok[j - 1].w) : 0;
            if (last == j && !(pl > 2 && !strcmp(c->tok[j - 1].w + pl - 2, "'S")))
                break;
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

void tb_compounds(tctx *c)
{
    for (int i = 0; i < c->n; i++) {
        int list[MAX_UNIT], nl = 0;
        if (c->tok[i].type == T_PRON)
            continue;
        int e = np_at(c, i, list, &nl);
        if (e < 0)
            continue;
        int p = e, conjs[16], ncj = 0, comma_at[MAX_UNIT], nc = 0;
        while (p < c->n && nl < MAX_UNIT - 8 && ncj < 16) {
            int save = nl, e2;
            if (c->tok[p].type == T_COMMA) {
                int q = p + 1;
                if (q < c->n && c->tok[q].type == T_CONJ && tb_is_word(c->tok[q].w, LIST_CONJS)) {
                    if ((e2 = np_at(c, q + 1, list, &nl)) < 0) {
                        nl = save;
                        break;
                    }
                    comma_at[nc++] = p, conjs[ncj++] = q, p = e2;
                    continue;
                }
                if (ncj)          /* after the conjunction only ", and ..." goes on */
                    break;
                if ((e2 = np_at(c, q, list, &nl)) < 0) {
                    nl = save;
                    break;
                }
                comma_at[nc++] = p, p = e2;
            } else if (c->tok[p].type == T_CONJ && tb_is_word(c->tok[p].w, LIST_CONJS)) {
                if ((e2 = np_at(c, p + 1, list, &nl)) < 0) {
                    nl = save;
                    break;
                }
                conjs[ncj++] = p, p = e2;
            } else {
                break;
            }
        }
        if (!ncj || nl < 2)
            continue;
        for (int k = 0; k < ncj; k++)
            c->tok[conjs[k]].absorbed = 1;
        for (int k = 0; k < nc; k++)
            c->tok[comma_at[k]].absorbed = 1;
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

void tb_pronouns(tctx *c)
{
    int first_cmp = -1;
    for (int a = 0; a < c->nu && first_cmp < 0; a++)
        for (int b = a + 1; b < c->nu; b++)
            if (c->u[b].group == c->u[a].group && c->u[a].group == a) {
                first_cmp = a;
                break;
            }
    int first_actor = c->nu ? c->u[0].start : c->n;
    for (int i = 0; i < c->n; i++) {
        if (c->tok[i].type != T_PRON)
            continue;
        if (i < first_actor && c->fwd_code[0]) {
            /* FORWARD: a pronoun before any actor is the previous record's first actor */
            int u = new_unit(c, i, i + 1);
            if (u < 0)
                return;
            snprintf(c->u[u].codes[0], sizeof c->u[u].codes[0], "%s", c->fwd_code);
            c->u[u].ncodes = 1;
            c->tok[i].unit = u;
            continue;
        }
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
void tb_sort_units(tctx *c)
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
int tb_members(const tctx *c, int u, int *out)
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
const char *tb_key(const tctx *c, int u)
{
    if (c->u[u].ref < 0)
        return c->u[u].codes[0];
    int m[MAX_UNIT];
    tb_members(c, u, m);
    return c->u[m[0]].codes[0];
}

