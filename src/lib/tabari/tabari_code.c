/* tabari_code.c - codes one record the way TABARI 0.8 does (see tabari.h): after
 * the sparse parse (tabari_parse.c), splits clauses at free conjunctions, tries
 * each verb's patterns (longest first: upper part backwards from the verb, lower
 * part forwards) and fills source and target by the default rules. */
#include "tabari_int.h"

#define MAX_CHARS DYAD_TABARI_MAX_CHARS
#define MAX_WORDS DYAD_TABARI_MAX_WORDS

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

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
    return tb_members(c, u, m);
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
            if (!tb_usable(c, t))
                continue;
            if (tb_word_match(e, c->tok[t].w, 0, 0) &&
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
            if (!tb_usable(c, t))
                continue;
            if (tb_word_match(e, c->tok[t].w, 0, 0) && match_down(c, el, j + 1, n, t + 1, hi, e->adj, m))
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
    int sub, dom, single, tgt_alone;
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
        if (avoid >= 0 && !strcmp(tb_key(c, k), tb_key(c, avoid)))
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
        if (avoid >= 0 && !strcmp(tb_key(c, k), tb_key(c, avoid)))
            continue;
        return k;
    }
    return -1;
}

enum { DEF_SRC = -2, DEF_TGT = -3 };

/* Codes verb token vs in clause [cs, ce). Returns 1 with *cd filled, 0 for no event. */
static int eval_verb(tctx *c, int vs, int cs, int ce, int inherit, int strong, tcand *cd)
{
    memset(cd, 0, sizeof *cd);
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
    if (src == -1 && inherit >= 0 && strong && !(tb_actor_token(c, cs) && c->tok[cs].type != T_PRON))
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
        if (tgt == -1 && (tgt = last_unit(c, &m, cs, vs, avoid)) >= 0)
            cd->tgt_alone = 1;   /* found before the verb: that actor alone */
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
    int m[MAX_UNIT], n = tb_members(c, u, m), k = 0;
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
    int ns = member_codes(c, cd->src, cd->single, s);
    int nt = member_codes(c, cd->tgt, cd->single || cd->tgt_alone, t);
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
    tb_classify(c);
    tb_make_units(c);
    tb_compounds(c);
    uint8_t keep[MAX_TOK];   /* commas and conjunctions inside a compound */
    for (int i = 0; i < c->n; i++)
        keep[i] = (c->tok[i].type == T_COMMA || c->tok[i].type == T_CONJ) && c->tok[i].absorbed;
    memcpy(c->tok, save, sizeof c->tok);
    free(save);
    c->nu = 0;   /* discard and complex codes found so far stand */
    uint8_t was[MAX_TOK];
    for (int i = 0; i < c->n; i++)
        if (keep[i])
            was[i] = c->tok[i].type, c->tok[i].type = T_LIST;
    tb_drop_comma_clauses(c);
    for (int i = 0; i < c->n; i++)
        if (c->tok[i].type == T_LIST)
            c->tok[i].type = was[i];
    tb_classify(c);
    tb_make_units(c);
    tb_compounds(c);
    tb_pronouns(c);
    tb_sort_units(c);
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
            /* a later dominant event needs actors of its own, not defaults */
            if (cd.dom && ngot && (cd.src < 0 || cd.tgt < 0))
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

/* story and sentence of a record id by a FORWARD: format; 0 if it does not fit */
static int id_seq(const char *fmt, const char *id, char *story, size_t cap, long *sent)
{
    size_t k = 0, sl = 0;
    int have_s = 0;
    *sent = 0;
    for (const char *f = fmt; *f; f++) {
        if (*f == '^')
            continue;
        if (!id[k])
            return 0;
        if (*f == 'N' && sl + 1 < cap)
            story[sl++] = id[k];
        else if (*f == 'S') {
            *sent = *sent * 10 + (isdigit((unsigned char)id[k]) ? id[k] - '0' : 0);
            have_s = 1;
        }
        k++;
    }
    story[sl] = 0;
    return have_s;
}

int dyad_tabari_code(const dyad_tabari *t, const dyad_doc *doc, const char *options, tb_forward *fwd,
                     FILE *explain, dyad_event_fn fn, void *ud, dyad_doc_stats *st)
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
    /* TABARI's limits: a record of more than MAX_WORDS words is not coded, a longer
     * text is cut at MAX_CHARS */
    size_t tlen = doc->text_len < MAX_CHARS ? doc->text_len : MAX_CHARS;
    size_t words = 0;
    for (size_t i = 0; i < doc->text_len; i++)
        words += !isspace((unsigned char)doc->text[i]) && (i == 0 || isspace((unsigned char)doc->text[i - 1]));
    if (words > MAX_WORDS)
        tlen = 0;
    if (tb_filter_text(c, doc->text, tlen) < 0) {
        free(c);
        return -1;
    }
    if (explain)
        fprintf(explain, "record %s (TABARI coding)\n", doc->id ? doc->id : "");
    char story[32] = "";
    long sent = 0;
    int seq = fwd && c->o.fwd_on && doc->id && id_seq(c->o.fwd_fmt, doc->id, story, sizeof story, &sent);
    if (seq && fwd->code[0] && !strcmp(fwd->story, story) && sent == fwd->sent + 1)
        snprintf(c->fwd_code, sizeof c->fwd_code, "%s", fwd->code);
    code_record(c, evs, &nev);
    if (fwd) {
        memset(fwd, 0, sizeof *fwd);
        if (seq) {
            snprintf(fwd->story, sizeof fwd->story, "%s", story);
            fwd->sent = sent;
            for (int k = 0; k < c->nu; k++)
                if (c->u[k].ref < 0 && c->u[k].base[0]) {
                    snprintf(fwd->code, sizeof fwd->code, "%s", c->u[k].base);
                    break;
                }
        }
    }
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
