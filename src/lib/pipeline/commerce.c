/* commerce.c - business dealings and companies' reports (commerce.h). */
#include "commerce.h"

#include <string.h>


/* The code's role block is BUS and no state's body is in it ("USABUS", not the
 * central bank's "GMWGOVBUS"). */
static int business_role(const char *code)
{
    size_t l = strlen(code);
    return l >= 3 && !strcmp(code + l - 3, "BUS") && !strstr(code, "GOV");
}

/* Mention m names business people, not firms: "business leaders", "businessmen",
 * "bankers", a company's chairman (they may meet a government as its citizens). */
static int business_people(const relevance_ctx *x, int32_t m)
{
    static const char *const PEOPLE[] = {"leader", "leaders", "businessman", "businessmen", "businesspeople",
                                         "executive", "executives", "industrialist", "industrialists",
                                         "banker", "bankers", "chairman", "president", NULL};
    const dyad_mention *a = &x->s.ms->m[m];
    return a->kind == AK_PERSON || (a->end > a->start && dyad_rel_word_in(x, a->end - 1, PEOPLE));
}

int dyad_commerce_dealing(const relevance_ctx *x, const dyad_cand *c)
{
    int root = dyad_cand_root(c);
    if (c->src < 0 || root < 3 || root > 8 || !business_role(x->s.ms->m[c->src].code))
        return 0;
    if (root >= 4 && root <= 5 && c->tgt >= 0) {
        const char *t = x->s.ms->m[c->tgt].code;
        if (strlen(t) > 3 && strstr(t, "GOV") && !strstr(t, "BUS") && business_people(x, c->src))   /* "business leaders met the president" */
            return 0;
    }
    return 1;
}

/* ---- a company's report ---- */

static const char *const LEGAL[] = {"corp", "inc", "co", "ltd", "plc", "sa", "ag", "nv", "ab", "spa", "gmbh", NULL};

/* Token t is a closing mark or a stop between a name and its verb: ">", ")", ",", "." */
static int closing_mark(const relevance_ctx *x, uint32_t t)
{
    static const char *const MARK[] = {">", ")", ",", ".", NULL};
    return dyad_rel_word_in(x, t, MARK);
}

static uint32_t before_marks(const relevance_ctx *x, uint32_t t)
{
    while (t > 0 && closing_mark(x, t))
        t--;
    return t;
}

static int legal_word(const relevance_ctx *x, uint32_t t)
{
    return (x->s.tok[t].flags & TOKF_CAP) && dyad_rel_word_in_nodots(x, t, LEGAL);
}

/* A legal name ends before the verb at v: "Texaco Inc said", "<Noranda Inc> said",
 * "Hughes Tool Co. said", "ANZ Banking Group Ltd <ANZA.S> said" (a ticker between). */
static int legal_name_before(const relevance_ctx *x, uint32_t v)
{
    uint32_t t = before_marks(x, v - 1);
    if (legal_word(x, t))
        return 1;
    if (t + 1 >= v || !dyad_tok_is(x->s.text, &x->s.tok[t + 1], ">"))
        return 0;
    for (uint32_t k = t; k > 0 && k + 3 >= t; k--)   /* the ticker's "<", up to three tokens back */
        if (dyad_tok_is(x->s.text, &x->s.tok[k], "<"))
            return k > 1 && legal_word(x, before_marks(x, k - 1));
    return 0;
}

/* A company named by its kind before the verb at v: "the company said", "a
 * Korean shipping company said", "the airline said", "a company spokesman said"
 * (not "the bank": central banks). */
static int company_kind_before(const relevance_ctx *x, uint32_t v)
{
    static const char *const KIND[] = {"company", "airline", "carrier", "firm", "concern", "utility", "insurer",
                                       "automaker", "steelmaker", "brokerage", NULL};
    static const char *const VOICE[] = {"spokesman", "spokeswoman", "statement", "official", "officials",
                                        "executive", "executives", "sources", NULL};
    uint32_t t = v - 1;
    if (t > 0 && dyad_rel_word_in(x, t, VOICE))
        t--;
    return t > 0 && !(x->s.tok[t].flags & TOKF_CAP) && dyad_rel_word_in(x, t, KIND);
}

int dyad_commerce_company_report(const relevance_ctx *x)
{
    static const char *const SAY[] = {"say", "report", "announce", "disclose", "state", NULL};
    for (uint32_t v = 1; v < x->s.n; v++)
        if (dyad_rel_lemma_in(x, v, SAY) && (legal_name_before(x, v) || company_kind_before(x, v)))
            return 1;
    return 0;
}

/* The event's source is "it" or "they" right after a company's reporting verb:
 * "The airline said it will apply for a route to Britain", "Kestrel Co said it
 * signed ...": the pronoun is the company, whatever state the story named last. */
int dyad_commerce_company_pronoun(const relevance_ctx *x, const dyad_cand *c)
{
    static const char *const SAY[] = {"say", "report", "announce", "disclose", "state", NULL};
    static const char *const PRONOUN[] = {"it", "they", NULL};
    if (c->src < 0)
        return 0;
    const dyad_mention *a = &x->s.ms->m[c->src];
    if (!a->is_ref || a->start < 2 || a->end != a->start + 1 || !dyad_rel_word_in(x, a->start, PRONOUN))
        return 0;
    uint32_t v = a->start - 1;
    if (dyad_tok_is(x->s.text, &x->s.tok[v], "that"))
        v--;
    return v > 0 && dyad_rel_lemma_in(x, v, SAY) && (legal_name_before(x, v) || company_kind_before(x, v));
}

/* ---- a figure blamed ---- */

int dyad_commerce_blamed_figure(const relevance_ctx *x, const dyad_cand *c)
{
    static const char *const BLAME[] = {"blame", NULL};
    static const char *const FIGURE[] = {
        "price", "prices", "sales", "deficit", "deficits", "loss", "losses", "inflation", "output", "production",
        "exports", "imports", "shortages", "growth", "unemployment", "demand", "surplus", "profits", "earnings",
        "decline", "fall", "drop", "rise", "slump", "slowdown", "rates", NULL};
    static const char *const CAUSE[] = {"on", "for", NULL};
    const dyad_vgroup *g = &x->s.vgs->g[c->vg];
    if (!dyad_rel_lemma_in(x, g->head, BLAME))
        return 0;
    uint32_t t = g->end, figure = 0;
    for (; t < g->scope_end && t < x->s.n && t < g->end + 8 && !dyad_rel_word_in(x, t, CAUSE); t++)
        figure |= (uint32_t)dyad_rel_word_in(x, t, FIGURE);
    if (!figure)
        return 0;
    /* no one blamed, a business, or a place of the figure itself ("slow sales to Asia") */
    return c->tgt < 0 || dyad_rel_is_business(x, c->tgt) || x->s.ms->m[c->tgt].start < t;
}
