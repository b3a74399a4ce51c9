#include "relevance.h"
#include "relevance_int.h"

#include "commerce.h"
#include "statement_tone.h"
#include "date.h"
#include "modality.h"
#include "sense.h"
#include "sentence.h"
#include "target.h"

#include <string.h>

/* Is token t's lemma one of the words (lower case, NULL-terminated)? */
int dyad_rel_lemma_in(const relevance_ctx *x, uint32_t t, const char *const *words)
{
    int32_t l = x->s.tok[t].lemma;
    const char *lemma = l < 0 ? NULL : dyad_lexicon_str(&x->s.d->lex, l);
    if (!lemma)
        return 0;
    for (int i = 0; words[i]; i++)      /* the lexicon interns: same string, same id */
        if (words[i][0] == lemma[0] && !strcmp(lemma, words[i]))
            return 1;
    return 0;
}

/* Is token t one of the words (lower case, NULL-terminated), ignoring its case? The
 * first letter is compared first: the lists are checked for every token. */
int dyad_rel_word_in(const relevance_ctx *x, uint32_t t, const char *const *words)
{
    const dyad_token *tk = &x->s.tok[t];
    if (!tk->len)
        return 0;
    char c0 = x->s.text[tk->off];
    if (c0 >= 'A' && c0 <= 'Z')
        c0 = (char)(c0 + 32);
    for (int i = 0; words[i]; i++)
        if (words[i][0] == c0 && dyad_tok_is(x->s.text, tk, words[i]))
            return 1;
    return 0;
}

/* The role block that ends an actor code: "USABUS" -> "BUS". */
static int role_is(const char *code, const char *role)
{
    size_t l = strlen(code);
    return l >= 3 && strcmp(code + l - 3, role) == 0;
}

/* Is token t one of the words, ignoring case and full stops ("N.V.", "Inc.")?
 * Words up to 15 letters. */
int dyad_rel_word_in_nodots(const relevance_ctx *x, uint32_t t, const char *const *words)
{
    char w[16];
    size_t k = 0;
    const char *p = x->s.text + x->s.tok[t].off;
    for (uint32_t i = 0; i < x->s.tok[t].len && k + 1 < sizeof w; i++)
        if (p[i] != '.')
            w[k++] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
    w[k] = 0;
    for (int i = 0; words[i]; i++)
        if (!strcmp(w, words[i]))
            return 1;
    return 0;
}

/* Mention m stands in a company's name: a name that ends in a company word
 * ("General Development Corp", "Georgia Gulf Corp", "Akzo N.V."), stands in or
 * after Reuters' company marks ("<America First Mortgage Fund>"), follows a
 * company word ("GenCorp Inc chairman ..."), stands in brackets before a legal
 * word ("E.H. Industries (Canada) Inc"), or is a country's adjective or
 * name before a capitalised noun that is no actor ("British Printing") or a
 * kind of company ("Dutch chemical group", "the British concern"); or it
 * refers back to such a name in the same sentence. */
static int in_company_name(const relevance_ctx *x, int32_t m)
{
    static const char *const COMPANY[] = {
        "corp", "corporation", "inc", "co", "cos", "ltd", "plc", "sa", "ag", "nv", "bv", "spa", "gmbh",
        "group", "holdings", "industries", "airlines", "airways", "petroleum", "motors", "partners",
        "securities", "investors", "trust", "bancorp", "bankshares", "financial", "fund", "resources",
        "communications", "electric", "enterprises", "inds", "ltda", "oil", "energy", "mining", "ab", NULL};
    /* "Dutch chemical group Akzo", "the British concern" */
    static const char *const KIND[] = {"group", "company", "concern", "firm", "maker", "makers",
                                       "producer", "manufacturer", "insurer", "carrier", "retailer",
                                       "chain", "conglomerate", "subsidiary", "unit", "bank", "banks",
                                       "lenders", "insurers", "companies", "firms", "industry", "processors",
                                       "refiners", "dealers", "steelmakers", "automakers", "consortium", "brokers",
                                       "shippers", "importers", NULL};
    static const char *const COMMERCIAL[] = {"commercial", "bank", "private", NULL};   /* "... creditors" */
    static const char *const LEGAL[] = {"corp", "inc", "co", "ltd", "plc", "sa", "ag", "nv", "ab", "spa", "gmbh", NULL};
    const dyad_mention *a = &x->s.ms->m[m];
    const dyad_token *tok = x->s.tok;
    if (a->is_ref) {
        for (int32_t k = 0; k < m; k++)
            if (!x->s.ms->m[k].is_ref && !strcmp(x->s.ms->m[k].code, a->code) && in_company_name(x, k))
                return 1;
        return 0;
    }
    /* "<Duffour et Igon>", "GenCorp Inc chairman William Reynolds", "TNT Ltd of Australia" */
    uint32_t p = a->start >= 2 && dyad_tok_is(x->s.text, &tok[a->start - 1], "of") ? a->start - 1 : a->start;
    if (p > 0 && (dyad_tok_is(x->s.text, &tok[p - 1], "<") || dyad_tok_is(x->s.text, &tok[p - 1], ">") ||
                  dyad_rel_word_in_nodots(x, p - 1, p < a->start ? LEGAL : COMPANY)))   /* not "a group of Canadian MPs" */
        return 1;
    if (p > 0 && a->end + 1 < x->s.n && dyad_tok_is(x->s.text, &tok[p - 1], "(") &&   /* "E.H. Industries (Canada) Inc" */
        dyad_tok_is(x->s.text, &tok[a->end], ")") && dyad_rel_word_in_nodots(x, a->end + 1, LEGAL))
        return 1;
    uint32_t t = a->named ? a->start + 1 : a->end;   /* a dictionary name is no company's */
    /* not "U.S." or "US": Reuters capitalises the word after it ("U.S. Pressure") */
    int abbrev = memchr(x->s.text + tok[a->start].off, '.', tok[a->start].len) != NULL ||
                 (tok[a->start].flags & TOKF_ALLCAPS);
    if (a->kind == AK_STATE && a->agent < 0 && !abbrev && t < x->s.n && (tok[t].flags & TOKF_CAP) &&
        !dyad_is_weekday(x->s.text, &tok[t]) && !dyad_month_from_name(x->s.text + tok[t].off, tok[t].len) &&
        !(tok[t].flags & TOKF_SENT_START) && (tok[t].tag == TAG_NNP || tok[t].tag == TAG_NN || tok[t].tag == TAG_NNS) &&
        dyad_mention_at(x->s.ms, t) < 0)
        return 1;
    /* "the Philippines' commercial creditors", "Japan's largest insurer" */
    uint32_t after = a->end < x->s.n && tok[a->end].tag == TAG_POS ? a->end + 1 : a->end;
    if (a->kind == AK_STATE && a->agent < 0)
        for (uint32_t k = after; k < after + 3 && k < x->s.n &&
                                  (!(tok[k].flags & TOKF_CAP) || (abbrev && k == after)) &&   /* "U.K. Helicopter maker", not "U.S. Concern" */
                                  (tok[k].tag == TAG_JJ || tok[k].tag == TAG_NN || tok[k].tag == TAG_NNS ||
                                   (abbrev && k == after && tok[k].tag == TAG_NNP));
             k++)
            if ((dyad_rel_word_in(x, k, KIND) && !(tok[k].flags & TOKF_CAP)) || (k > after && dyad_tok_is(x->s.text, &tok[k], "creditors") &&
                                        dyad_rel_word_in(x, k - 1, COMMERCIAL)))
                return 1;
    /* "Sweden's Telefon AB", "Japan's Marubeni Corp"; not "Indonesia's Mining Minister" */
    int possessive = t == a->end && after > a->end;
    t = possessive ? after : t;
    while (t < x->s.n && t < after + 4 && (tok[t].flags & TOKF_CAP)) {
        if (dyad_rel_word_in_nodots(x, t, possessive ? LEGAL : COMPANY))
            return 1;
        t++;
    }
    return t < x->s.n && t >= a->end && dyad_tok_is(x->s.text, &tok[t], "<");
}

int dyad_rel_is_business(const relevance_ctx *x, int32_t m)
{
    return m >= 0 && (role_is(x->s.ms->m[m].code, "BUS") || in_company_name(x, m));
}

int dyad_rel_is_media(const relevance_ctx *x, int32_t m) { return m >= 0 && role_is(x->s.ms->m[m].code, "MED"); }

/* A political actor: a state, an organisation, a person, a role with its
 * country; not a company and not the media. */
int dyad_rel_is_political(const relevance_ctx *x, int32_t m)
{
    return m >= 0 && x->s.ms->m[m].code[0] && !dyad_rel_is_business(x, m) && !dyad_rel_is_media(x, m);
}

int dyad_rel_flag_of(const dyad_dict *d, const dyad_vgroup *g)
{
    for (int32_t v = g->verb; v >= 0; v = d->verbs[v].next)
        if (d->verbs[v].flag)
            return d->verbs[v].flag;
    return VF_NONE;
}

static void drop_line(const relevance_ctx *x, const dyad_cand *c, const char *why)
{
    if (!x->ex)
        return;
    const dyad_token *h = &x->s.tok[x->s.vgs->g[c->vg].head];
    fprintf(x->ex, "    verb \"%.*s\": %s; not coded as %s\n", (int)h->len, x->s.text + h->off, why, c->code);
}

/* ---- 1. modality ---- */

/* The verb group is hypothetical: a modal of possibility or advice, a "would"
 * of a relative clause, a hope or expectation
 * governing it, or a question. */
static const char *hypothetical(const relevance_ctx *x, const dyad_vgroup *g)
{
    static const char *const MAYBE[] = {"could", "might", "may", "should", "probably", "possibly", "perhaps", NULL};
    static const char *const HOPE[] = {"hope", "expect", "believe", "doubt", "fear", "predict", NULL};
    if (x->s.n > 0 && dyad_tok_is(x->s.text, &x->s.tok[x->s.n - 1], "?"))
        return "in a question";
    for (uint32_t t = g->start; t < g->head; t++) {
        if (dyad_rel_word_in(x, t, MAYBE))
            return "under a modal of possibility or advice";
        if (dyad_tok_is(x->s.text, &x->s.tok[t], "would") && g->subordinate)
            return "a 'would' of a relative clause";
    }
    int32_t gov = g->governor >= 0 ? g->governor : g->comp_of;
    if (gov >= 0 && dyad_rel_lemma_in(x, x->s.vgs->g[gov].head, HOPE))
        return "governed by a hope or an expectation";
    return NULL;
}


/* A company: a business actor the dictionary names, or a name in a company's
 * name; not a business person ("a businessman"). */
static int is_company(const relevance_ctx *x, int32_t m)
{
    return m >= 0 && (in_company_name(x, m) || (dyad_rel_is_business(x, m) && x->s.ms->m[m].kind == AK_ORG && x->s.ms->m[m].agent < 0));
}

/* ---- 2. business ---- */

/* The sentence holds a company word ("Amoco Corp") or Reuters' company marks. */
static int company_marks(const relevance_ctx *x)
{
    static const char *const MARK[] = {"corp", "inc", "co", "ltd", "plc", "nv", "ag", "<", NULL};
    for (uint32_t t = 0; t < x->s.n; t++)
        if (((x->s.tok[t].flags & TOKF_CAP) || x->s.tok[t].kind != TOK_WORD) && dyad_rel_word_in_nodots(x, t, MARK))
            return 1;
    return 0;
}

static int business_only(const relevance_ctx *x, const dyad_cand *c)
{
    /* a company's words and dealings (01-08) are business, whoever they are with */
    if (is_company(x, c->src) && c->code[0] == '0')
        return 1;
    if (dyad_rel_is_political(x, c->src) || dyad_rel_is_political(x, c->tgt))
        return 0;
    /* a company's act, or a business person's in a sentence about business */
    int company = is_company(x, c->src) || is_company(x, c->tgt);
    return company || ((dyad_rel_is_business(x, c->src) || dyad_rel_is_business(x, c->tgt)) && (dyad_rel_about_figures(x) || company_marks(x)));
}

/* A company on the other side of a labour dispute: a business actor, or a name
 * in a company's name that is no state's ("the Europe Bridge" is a place). */
static int employer(const relevance_ctx *x, int32_t m)
{
    return m >= 0 && (role_is(x->s.ms->m[m].code, "BUS") || (x->s.ms->m[m].kind != AK_STATE && in_company_name(x, m)));
}

/* A labour dispute: a union or workers (LAB) acting on a company, or a company on
 * them, or labour acting on no one in a sentence that names the employer's side
 * (management, a contract, a plant): wage talks and strikes at a company are
 * business ("the union rejected management's latest offer"), so are strikes
 * by a company's staff ("airline ground staff struck for wages"); a strike
 * against a government stays. */
static int labour_dispute(const relevance_ctx *x, const dyad_cand *c)
{
    static const char *const EMPLOYER[] = {
        "company", "companies", "management", "employer", "employers", "contract", "airline", "airlines",
        "carrier", "plant", "plants", "mill", "factory", "makers", "automakers", "production", "output",
        "concessions", "firm", NULL};
    int src_lab = c->src >= 0 && (role_is(x->s.ms->m[c->src].code, "LAB") ||
                                  (c->code[0] == '1' && c->code[1] == '4' && role_is(x->s.ms->m[c->src].code, "BUS")));
    int tgt_lab = c->tgt >= 0 && role_is(x->s.ms->m[c->tgt].code, "LAB");
    if ((src_lab && employer(x, c->tgt)) || (tgt_lab && employer(x, c->src)))
        return 1;
    if (!src_lab || c->tgt >= 0)
        return 0;
    for (uint32_t t = 0; t < x->s.n; t++)
        if (dyad_rel_word_in(x, t, EMPLOYER))
            return 1;
    return 0;
}


/* A company ruled on or regulated: a company (or business people, in a sentence about
 * business) as the target of 01, 03-10, whoever acts ("the ministry approved the takeover",
 * "ordered 82 companies to repay", "negotiated with its creditor banks"); appeals,
 * rejections (a commission can read as a company), threats, sanctions, seizures stay. */
static int company_regulated(const relevance_ctx *x, const dyad_cand *c)
{
    int root = dyad_cand_root(c);
    if (root > 10 || root == 2 || c->tgt < 0 || c->src < 0)
        return 0;
    const dyad_mention *s = &x->s.ms->m[c->src], *t = &x->s.ms->m[c->tgt];
    size_t l = strlen(s->code);   /* rebels' demands on foreign firms, police inquiries into a company */
    if (l >= 3 && strstr("REB INS UAF OPP SEP COP", s->code + l - 3))
        return 0;
    /* a state or IGO on another country's companies ("the EC's inquiry into Japanese chip makers") */
    int src_country = strlen(s->code) >= 3 && (s->kind != AK_AGENT || strlen(s->code) > 3);
    int tgt_country = t->kind == AK_STATE || strlen(t->code) >= 6;
    if (src_country && tgt_country && memcmp(s->code, t->code, 3) != 0)
        return 0;
    return is_company(x, c->tgt) || (dyad_rel_is_business(x, c->tgt) && dyad_rel_about_figures(x));
}

/* A court ruling in a company's case: a court, judge or lawyer (JUD) acting, short of
 * force (18-20), on a company, or on no one in a sentence that names a company or speaks
 * of business ("a federal judge denied the banks' motions", "a jury ordered it to pay"). */
static int company_lawsuit(const relevance_ctx *x, const dyad_cand *c)
{
    static const char *const CASE[] = {"lawsuit", "suit", "damage", "contract", "bankruptcy", "antitrust", "breakup", NULL};
    if (c->src < 0 || !role_is(x->s.ms->m[c->src].code, "JUD") || dyad_cand_root(c) >= 18)
        return 0;
    if (c->tgt >= 0)
        return dyad_rel_is_business(x, c->tgt);
    for (uint32_t k = 0; k < x->s.n || k < x->s.ms->n; k++)
        if ((k < x->s.ms->n && is_company(x, (int32_t)k)) || (k < x->s.n && dyad_rel_lemma_in(x, k, CASE)))
            return 1;
    return company_marks(x) || dyad_rel_about_figures(x);
}

/* ---- 3. markets and statistics ---- */

static int market_verb(const relevance_ctx *x, const dyad_vgroup *g)
{
    static const char *const MARKET[] = {"buy", "sell", "import", "export", "trade", "issue", "price", "rise",
                                         "fall", "purchase", "acquire", "merge",
                                         "borrow", "invest", "tender", "auction", "market", NULL};
    return dyad_rel_lemma_in(x, g->head, MARKET);
}

enum { MARKET_NONE = 0, MARKET_SUM, MARKET_GOODS };

/* What the clause after the verb names: shares, a commodity, a market figure
 * (MARKET_GOODS), else a sum of money (MARKET_SUM), else nothing. */
static int market_words(const relevance_ctx *x, uint32_t from, uint32_t to)
{
    static const char *const GOODS[] = {
        "pct", "percent", "shares", "stake", "stock", "stocks", "bonds", "notes", "debentures",
        "dividend", "dividends", "earnings", "profit", "profits", "revenue", "revenues", "sales",
        "prices", "output", "production", "inflation", "deficit", "surplus", "reserves", "tonnes",
        "tons", "barrels", "bushels", "ounces", "securities", "wheat", "maize", "corn", "sugar",
        "coffee", "cocoa", "soybeans", "rice", "crude", "gold", "tin", "rubber", "rates", "market",
        "markets", "futures", "bpd", "cargoes", "bond", "cotton", "bales", "lbs", "copper", "nickel",
        "silver", "aluminium", "aluminum", "zinc", "steel", "lumber", "timber", "beef", "pork", "grain",
        "grains", "barley", "sorghum", "soymeal", "products", "goods", NULL};
    static const char *const SUM[] = {"mln", "billion", "dlrs", "yen", "francs", "marks", "stg", NULL};
    /* a sum paid in a crime ("$2 million in bribes", "a ransom of ...") is no
     * market figure */
    static const char *const CRIME_MONEY[] = {"bribe", "bribes", "ransom", "kickback", "kickbacks", "embezzlement",
                                              "embezzled", "laundering", "laundered", "extortion", NULL};
    int sum = 0, crime = 0;
    for (uint32_t t = from; t < to && t < x->s.n; t++) {
        if (dyad_rel_word_in(x, t, GOODS))
            return MARKET_GOODS;
        sum |= x->s.tok[t].kind == TOK_MONEY || dyad_rel_word_in(x, t, SUM);
        crime |= dyad_rel_word_in(x, t, CRIME_MONEY);
    }
    return sum && !crime ? MARKET_SUM : MARKET_NONE;
}

static int market_object(const relevance_ctx *x, const dyad_vgroup *g)
{
    return market_words(x, g->end, g->scope_end);
}

/* The sentence speaks of figures, the economy or the markets: a statement in
 * it with no addressee is about them. */
static int figures_in_sentence(const relevance_ctx *x)
{
    static const char *const ECONOMY[] = {
        "economy", "growth", "grow", "harvest", "crop", "exports", "imports", "investment",
        "unemployment", "jobs", "quarter", "fiscal", "budget", "consumption", "currency", "dollar",
        "trading", "traders", "analysts", "company", "firm", "bank", "banks", "loans", "debt",
        "credit", "oil", "merger", "mergers", "takeover", "acquisition", "acquisitions", "shareholders",
        "shareholder", "stockholders", "subsidiary", "buyout", "sale", "privatisation",
        "privatization", "bankruptcy", "lenders", "creditors", "bid", "dlr", "buyers", "sellers",
        "exporters", "importers", "shipments", "gnp", "gdp", "taxpayers", NULL};
    if (market_words(x, 0, (uint32_t)x->s.n) != MARKET_NONE)
        return 1;
    for (uint32_t t = 0; t < x->s.n; t++)
        if (dyad_rel_word_in(x, t, ECONOMY))
            return 1;
    return 0;
}

/* about_figures, asked once per sentence (every candidate asks). */
int dyad_rel_about_figures(const relevance_ctx *x)
{
    if (*x->figures < 0)
        *x->figures = figures_in_sentence(x);
    return *x->figures;
}

/* A demand, disapproval, rejection, threat, protest, reduction of relations or
 * coercion (10-17; of threats, only a warning verb's own) aimed at no one in a sentence about figures, the economy or the
 * markets: "the group ended the year with a cash surplus" (1621), "failed to
 * reach agreement on terms" (164), "rejected all offers at the tender" (12). */
static int unaimed_in_figures(const relevance_ctx *x, const dyad_cand *c, int root)
{
    int warning = root == 13 && dyad_rel_flag_of(x->s.d, &x->s.vgs->g[c->vg]) == VF_THREAT;   /* "warned that inflation ..." */
    int meeting = !strcmp(c->code, "125");   /* refusing a meeting is no figure */
    return root >= 10 && root <= 17 && (root != 13 || warning) && !meeting && c->tgt < 0 &&
           dyad_rel_about_figures(x);
}

/* A market operation or a statistic, among the cooperative acts (01-08): an act
 * on no one named in a sentence about figures, the economy or the markets; a verb
 * of trade or finance with a side that is not political or with goods, shares or
 * market figures as its object ("Taiwan bought US soybeans"); another verb with
 * such an object and a side that is not political, or with a sum and a source
 * that is not political. */
static int market_event(const relevance_ctx *x, const dyad_cand *c)
{
    const dyad_vgroup *g = &x->s.vgs->g[c->vg];
    int root = (c->code[0] - '0') * 10 + (c->code[1] - '0');
    if (dyad_rel_flag_of(x->s.d, g) == VF_SAY)
        return 0;   /* statements: rule 4 */
    if (root > 8)
        return unaimed_in_figures(x, c, root);
    int both = dyad_rel_is_political(x, c->src) && dyad_rel_is_political(x, c->tgt);
    if (c->tgt < 0 && dyad_rel_about_figures(x))
        return 1;   /* "the government proposed a budget of ...": no one acted on */
    int object = market_object(x, g);
    if (market_verb(x, g))
        return !both || object == MARKET_GOODS;
    return (object == MARKET_GOODS && !both) || (object == MARKET_SUM && !dyad_rel_is_political(x, c->src));
}

/* ---- 5. roles with no country ---- */

/* A role alone ("officials", "the army", "prosecutors", "the police", "a
 * magistrate", "voters", "television", "the union"), its country given neither
 * by the sentence nor by the story, and no target: the event says nothing of
 * whom. Armed groups ("rebels", REB) stay: their acts are events by themselves. */
static int role_alone(const relevance_ctx *x, int32_t m)
{
    if (m < 0)
        return 0;
    const dyad_mention *a = &x->s.ms->m[m];
    static const char *const ROLES[] = {"GOV", "MIL", "ELI", "JUD", "COP", "CVL", "LEG",
                                        "MED", "LAB", "HLH", "EDU", "REL", "SPY", NULL};
    if (a->kind != AK_AGENT || a->named)
        return 0;
    for (int i = 0; ROLES[i]; i++)
        if (!strcmp(a->code, ROLES[i]))
            return 1;
    return 0;
}

/* a national role with no country, named or not: "a federal judge", "Commerce
 * Undersecretary J. Michael Farren" (not IGO, NGO or MNC roles) */
static int role_countryless(const relevance_ctx *x, int32_t m)
{
    if (m < 0)
        return 0;
    const char *code = x->s.ms->m[m].code;
    return x->s.ms->m[m].kind == AK_AGENT && strlen(code) == 3 && strcmp(code, "IGO") && strcmp(code, "NGO") &&
           strcmp(code, "MNC") && strcmp(code, "UAF") && strcmp(code, "IMG");
}

/* A company and a national role with no country, in a court's case ("a federal
 * judge fined the company") or in dealings (01, 03-08); demands, appeals,
 * protests and force on or by companies stay ("rebels demanded a war tax from
 * oil companies", "shopkeepers went on strike against the government"). */
static int company_and_countryless(const relevance_ctx *x, const dyad_cand *c)
{
    if (!role_countryless(x, c->src) || !role_countryless(x, c->tgt))
        return 0;
    const char *s = x->s.ms->m[c->src].code, *t = x->s.ms->m[c->tgt].code;
    if (strcmp(s, "BUS") && strcmp(t, "BUS"))
        return 0;
    int root = dyad_cand_root(c);
    return !strcmp(s, "JUD") || !strcmp(t, "JUD") || root == 1 || (root >= 3 && root <= 8);
}

/* "officials, who asked not to be named": the attribution formula; "he is
 * reported to have ...": hearsay; "met reporters": a meeting with the press
 * (press_target took it as no target). */
static const char *attribution(const relevance_ctx *x, const dyad_cand *c)
{
    static const char *const UNNAMED[] = {"named", "identified", "quoted", NULL};
    const dyad_vgroup *g = &x->s.vgs->g[c->vg];
    if (c->tgt < 0 && c->code[0] == '0' && c->code[1] == '4' && dyad_rel_to_the_press(x, g))
        return "a meeting with the press";
    for (uint32_t t = g->end; t + 3 < x->s.n && t < g->end + 2; t++)
        if (dyad_tok_is(x->s.text, &x->s.tok[t], "not") && dyad_tok_is(x->s.text, &x->s.tok[t + 1], "to") &&
            dyad_tok_is(x->s.text, &x->s.tok[t + 2], "be") && dyad_rel_word_in(x, t + 3, UNNAMED))
            return "the attribution formula 'asked not to be named'";
    if (dyad_rel_flag_of(x->s.d, g) == VF_SAY && g->passive)
        for (uint32_t t = g->end; t < x->s.n && t < g->end + 6; t++) {
            if (x->s.tok[t].tag == TAG_TO || dyad_tok_is(x->s.text, &x->s.tok[t], "to"))
                return "hearsay ('is reported to', 'is said by diplomats to'): its subject makes no statement";
            if (t == g->end ? !dyad_tok_is(x->s.text, &x->s.tok[t], "by") : dyad_tag_is_verb(x->s.tok[t].tag))
                break;
        }
    return NULL;
}

/* The press is never the target of a statement, an appeal, an intent, a
 * meeting or cooperation (01-05: "told reporters", "Israel radio reported");
 * an arrest of journalists stays. */
static void press_target(const relevance_ctx *x, dyad_cand *c)
{
    if (c->code[0] == '0' && c->code[1] >= '1' && c->code[1] <= '5' && dyad_rel_is_media(x, c->tgt))
        c->tgt = -1;
}

/* Reporters as the source of a 01-10 event: they ask, meet and report ("was
 * asked by a reporter", "told reporters the government is launching ...": the
 * reporters are not who launches). */
static int reporters_source(const relevance_ctx *x, const dyad_cand *c)
{
    static const char *const REPORTERS[] = {"reporter", "reporters", "journalist", "journalists", "newsmen",
                                            "correspondent", "correspondents", NULL};
    int root = (c->code[0] - '0') * 10 + (c->code[1] - '0');
    if (c->src < 0 || root > 10)
        return 0;
    const dyad_mention *a = &x->s.ms->m[c->src];
    return a->end > a->start && dyad_rel_word_in(x, a->end - 1, REPORTERS);
}

static const char *why_dropped(const relevance_ctx *x, const dyad_cand *c)
{
    const char *why = hypothetical(x, &x->s.vgs->g[c->vg]);
    if (why)
        return why;
    if ((why = dyad_unreal_mood(&x->s, c)) != NULL || (why = dyad_wrong_sense(&x->s, c)) != NULL)
        return why;
    if ((why = dyad_modality_drop(&x->s, c)) != NULL)
        return why;
    if (business_only(x, c))
        return "business actors only";
    if (dyad_commerce_company_pronoun(x, c))
        return "a company's own act ('the airline said it will ...'): business";
    if (dyad_commerce_dealing(x, c))
        return "a business actor's dealings (03-08: plans, talks, deals, credits): commerce";
    if (labour_dispute(x, c))
        return "a labour dispute at a company";
    if (company_regulated(x, c))
        return "a company ruled on or regulated (01-10): business";
    if (company_lawsuit(x, c))
        return "a court's ruling in a company's case";
    if (market_event(x, c))
        return "market operation or statistic";
    if (dyad_rel_market_instrument(x, c))
        return "a market operation named by its instrument (a tender, an export bonus, a central bank's bills)";
    if (dyad_commerce_blamed_figure(x, c))
        return "a figure blamed on causes ('blamed slow sales on ...'): a statistic explained";
    if (dyad_rel_figure_as_act(x, c))
        return "a figure coded as an act: a country's exports or investment, a share of a figure";
    if ((why = dyad_rel_no_statement(x, c)) != NULL || (why = attribution(x, c)) != NULL)
        return why;
    if ((why = dyad_rel_reporter_reason(x, c)) != NULL)
        return why;
    if (reporters_source(x, c))
        return "reporters as the source of a 01-10 event: they ask, meet and report";
    if (role_alone(x, c->src) && c->tgt < 0 && c->code[0] == '0')
        return "a role with no country and no target, in words or cooperation (01-08)";
    if (company_and_countryless(x, c))
        return "a company and a role with no country (a court's case, a firm's dealings): business";
    return NULL;
}

void dyad_story_reset(dyad_story *story) { memset(story, 0, sizeof *story); }

/* ---- 6. business stories ---- */

/* The story's lead: business or market news when it speaks of figures, the
 * economy or the markets, names a business actor, or holds a company word
 * ("Amoco Corp") or Reuters' company marks. */
static void read_lead(const relevance_ctx *x, dyad_story *story)
{
    if (!story)
        return;
    story->in_body = story->lead_seen;
    if (story->lead_seen)
        return;
    story->lead_seen = 1;
    story->business = (uint8_t)dyad_rel_about_figures(x);
    for (size_t m = 0; m < x->s.ms->n && !story->business; m++)
        story->business = (uint8_t)dyad_rel_is_business(x, (int32_t)m);
    story->business |= (uint8_t)company_marks(x);
}

/* A state named by its adjective before a common noun that is no role of it: "a
 * Swiss partner", "Japanese steelmakers" (in a company's report: companies). */
static int adjective_of_thing(const relevance_ctx *x, int32_t m)
{
    const dyad_mention *a = &x->s.ms->m[m];
    return a->kind == AK_STATE && a->agent < 0 && a->end == a->start + 1 && x->s.tok[a->start].tag == TAG_JJ &&
           a->end < x->s.n && (x->s.tok[a->end].tag == TAG_NN || x->s.tok[a->end].tag == TAG_NNS);
}

/* A political actor with a country or an organisation: not a bare role ("police",
 * "a union"), not a company, not a nationality of a thing. */
static int political_party(const relevance_ctx *x, int32_t m)
{
    return dyad_rel_is_political(x, m) && !dyad_rel_role_alone_any(&x->s.ms->m[m]) && !adjective_of_thing(x, m);
}

/* What a company's report may hold: one political actor acting on another, or
 * on a company or no one with force or threats (13-20: "Iran seized one of its
 * tankers"). */
static int political_in_report(const relevance_ctx *x, const dyad_cand *c)
{
    if (!political_party(x, c->src))
        return 0;
    if (c->tgt >= 0 && political_party(x, c->tgt))
        return 1;
    return dyad_cand_root(c) >= 13 && (c->tgt < 0 || dyad_rel_is_business(x, c->tgt));
}

/* A political actor (or a state's body such as a central bank) acting on
 * another, or on a company or no one named in a way that is no business
 * (09-20: investigations, sanctions, seizures, criticism). */
static int political_act(const relevance_ctx *x, const dyad_cand *c)
{
    int hostile = c->code[0] != '0' || c->code[1] == '9';
    int state_body = c->src >= 0 && strstr(x->s.ms->m[c->src].code, "GOV") != NULL;  /* a central bank */
    if (!dyad_rel_is_political(x, c->src) && !state_body)
        return 0;
    return hostile || dyad_rel_is_political(x, c->tgt);
}

size_t dyad_keep_relevant(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                          const dyad_mentions *ms, const dyad_vgroups *vgs, FILE *explain,
                          dyad_story *story, dyad_cands *cands)
{
    int figures = -1;
    relevance_ctx x = {{d, text, tok, n, ms, vgs}, explain, &figures, 0};
    read_lead(&x, story);
    x.in_body = story && story->in_body;
    size_t w = 0;
    int report = -1;   /* company_report of the sentence: -1 until asked */
    for (size_t i = 0; i < cands->n; i++) {
        const char *own = dyad_modality_own_country(&x.s, &cands->c[i]);   /* before the target moves */
        press_target(&x, &cands->c[i]);
        dyad_modality_scheduled(&x.s, &cands->c[i]);   /* "when X visits Y next week": 036 */
        dyad_money_target(&x.s, &cands->c[i]);
        dyad_rel_own_state_target(&x, &cands->c[i]);
        dyad_rel_statement_addressee(&x, &cands->c[i]);
        dyad_target_each_other(&x, &cands->c[i]);
        dyad_target_story_war(&x, story, &cands->c[i]);
        const char *why = why_dropped(&x, &cands->c[i]);
        if (!why)
            why = own;
        if (!why && story && story->business && story->in_body && !political_act(&x, &cands->c[i]))
            why = "a business story's event that is no political actor's act on another";
        if (!why && !political_in_report(&x, &cands->c[i]) && (report < 0 ? (report = dyad_commerce_company_report(&x)) : report))
            why = "a company's report (\"X Inc said\"): business unless one political actor acts on another";
        if (why) {
            drop_line(&x, &cands->c[i], why);
            continue;
        }
        dyad_statement_tone(&x.s, &cands->c[i]);   /* statement_tone.h: 010 -> 020, 100, 111, 112, 130 */
        if ((why = dyad_target_missing(&x, &cands->c[i]))) {   /* after the tone: "urged" is aimed */
            drop_line(&x, &cands->c[i], why);
            continue;
        }
        cands->c[w++] = cands->c[i];
    }
    cands->n = w;
    dyad_target_remember_pair(&x, cands, story);
    return w;
}

/* ---- 3b. market operations named by their instrument (branch reporters) ---- */

/* Mention m names a central bank or its officials: "the Federal Reserve",
 * "the Bundesbank", "Sri Lanka's Central Bank", "the Reserve Bank". */
static int central_bank(const relevance_ctx *x, int32_t m)
{
    static const char *const BANK[] = {"bundesbank", "fed", NULL};
    static const char *const BEFORE_BANK[] = {"central", "reserve", "national", NULL};
    if (m < 0)
        return 0;
    const dyad_mention *a = &x->s.ms->m[m];
    for (uint32_t t = a->start; t < a->end && t < x->s.n; t++) {
        if (dyad_rel_word_in(x, t, BANK))
            return 1;
        if (t + 1 < x->s.n && dyad_rel_word_in(x, t, BEFORE_BANK) && dyad_tok_is(x->s.text, &x->s.tok[t + 1], "bank"))
            return 1;
        if (t + 1 < x->s.n && dyad_tok_is(x->s.text, &x->s.tok[t], "federal") && dyad_tok_is(x->s.text, &x->s.tok[t + 1], "reserve"))
            return 1;
    }
    return 0;
}

/* An act (01-17) that is a market operation by its instrument: the clause
 * after the verb of a cooperative act (01-08) names a tender, an export bonus
 * or rebate, licences to export, a bid accepted ("the department accepted a
 * bid for an export bonus to cover a sale of wheat to Algeria", "opened an
 * export rebate for maize exports to Morocco"), or a central bank deals in
 * bills, bonds or reserves ("the Federal Reserve is buying Treasury bills");
 * the clause of another act (09-17) names a tender or bids accepted or
 * rejected ("will hold an import tender", "cancelled its wheat tender").
 * Appeals about such policy ("urged the president to drop export subsidies")
 * and threats to revoke licences name no instrument here. */
int dyad_rel_market_instrument(const relevance_ctx *x, const dyad_cand *c)
{
    static const char *const INSTRUMENT[] = {
        "tender", "tenders", "rebate", "rebates", "restitution", "restitutions", "bonus", "licences",
        "licenses", "certificates", NULL};
    static const char *const BID[] = {"bid", "bids", NULL};   /* "accepted bids", not "backs Ecuador's bid" */
    static const char *const TAKE_BID[] = {"accept", "receive", "reject", "award", NULL};
    static const char *const MONEY_MARKET[] = {
        "bills", "bill", "bonds", "notes", "securities", "reserves", "repurchase", "liquidity", "credit",
        "tender", "maturities", "intervening", "intervention", NULL};
    static const char *const TENDER[] = {"tender", "tenders", NULL};
    const dyad_vgroup *g = &x->s.vgs->g[c->vg];
    int root = (c->code[0] - '0') * 10 + (c->code[1] - '0');
    if (root < 1 || root > 17 || dyad_rel_flag_of(x->s.d, g) == VF_SAY)
        return 0;
    uint32_t end = g->scope_end > g->end ? g->scope_end : (uint32_t)x->s.n;
    for (uint32_t t = g->end; t < end && t < g->end + 8 && t < x->s.n; t++) {
        int bid = dyad_rel_word_in(x, t, BID) && dyad_rel_lemma_in(x, g->head, TAKE_BID);
        if (root >= 9 ? dyad_rel_word_in(x, t, TENDER) || bid : dyad_rel_word_in(x, t, INSTRUMENT) || bid)
            return 1;   /* 09-17: "held a tender", "rejected all bids"; threats to revoke licences stay */
    }
    if (root > 8)
        return 0;
    if (!central_bank(x, c->src))
        return 0;
    for (uint32_t t = 0; t < x->s.n; t++)
        if (dyad_rel_word_in(x, t, MONEY_MARKET))
            return 1;
    return 0;
}

/* ---- 3c. figures as actors (branch reporters) ---- */

/* Mention m modifies an economic quantity: "Japanese investment", "U.S.
 * exports", "Soviet purchases", "Norwegian tankers", "Scandinavian lumber
 * producers": the country names whose figure it is, not who acts. */
static int modifies_figure(const relevance_ctx *x, int32_t m)
{
    static const char *const FIGURE[] = {
        "exports", "imports", "investment", "investments", "growth", "demand", "sales", "purchases",
        "output", "production", "economy", "surplus", "deficit", "capital", "flows", "shipments",
        "earnings", "reserves", "exporters", "importers", "producers", "tankers", "buyers", "sellers",
        "consumption", "supplies", "market", "markets", "currency", "inflation", "prices", "lumber", NULL};
    if (m < 0)
        return 0;
    const dyad_mention *a = &x->s.ms->m[m];
    if (a->is_ref || a->kind == AK_PERSON)
        return 0;
    uint32_t t = a->end < x->s.n && x->s.tok[a->end].tag == TAG_POS ? a->end + 1 : a->end;
    while (t < x->s.n && t < a->end + 4 && dyad_mention_at(x->s.ms, t) < 0 &&
           (x->s.tok[t].tag == TAG_JJ || x->s.tok[t].tag == TAG_NN || x->s.tok[t].tag == TAG_NNS)) {
        if (dyad_rel_word_in(x, t, FIGURE) &&
            !(t + 1 < x->s.n && (x->s.tok[t + 1].tag == TAG_NN || x->s.tok[t + 1].tag == TAG_NNS)))
            return 1;   /* the head of the phrase: not "export credit guarantee" */
        t++;
    }
    return 0;
}

/* A share of a figure: "about 30 pct of its imports", "10 pct of Japanese
 * investment" in the verb's clause or the source's phrase. */
static int percent_near(const relevance_ctx *x, const dyad_vgroup *g, int32_t src)
{
    static const char *const PCT[] = {"pct", "percent", NULL};
    uint32_t from = src >= 0 && x->s.ms->m[src].start < g->start ? x->s.ms->m[src].start : g->start;
    from = from >= 4 ? from - 4 : 0;
    uint32_t end = g->scope_end > g->end ? g->scope_end : (uint32_t)x->s.n;
    for (uint32_t t = from; t < end && t < g->end + 10 && t < x->s.n; t++)
        if (dyad_rel_word_in(x, t, PCT))
            return 1;
    return 0;
}

/* The verb is a noun of trade read as a verb after its country: followed by
 * "to", "from" or "of" ("West German exports to Latin America declined"), or
 * inside a noun phrase ("more U.S. exports"); not "Japan exports cars". */
static int trade_noun_as_verb(const relevance_ctx *x, const dyad_vgroup *g, int32_t src)
{
    static const char *const TRADE[] = {"exports", "imports", "flows", "sales", NULL};
    static const char *const TO[] = {"to", "from", "of", NULL};
    if (src < 0 || g->head != g->start || !dyad_rel_word_in(x, g->head, TRADE))
        return 0;
    if (g->head + 1 < x->s.n && dyad_rel_word_in(x, g->head + 1, TO))
        return 1;   /* "West German exports to Latin America declined": no object */
    const dyad_mention *a = &x->s.ms->m[src];
    if (a->end != g->start || a->start == 0)
        return 0;
    int before = x->s.tok[a->start - 1].tag;
    return before == TAG_DT || before == TAG_JJ || before == TAG_JJR || before == TAG_JJS || before == TAG_RBR || before == TAG_PRPS ||
           before == TAG_IN || before == TAG_CD;
}

/* A figure coded as an act (no statement): the source names whose exports,
 * investment or producers the sentence counts ("Japanese investment goes to
 * Canada", "captured by Scandinavian lumber producers"); "exports" read as a
 * verb ("more U.S. exports to Japan"); a cooperative act (01-08, not aid) on a
 * role with no country whose object is goods or prices ("guarantees oilseed
 * prices to farmers"); a meeting, support, cooperation or aid (04-08) moving a share of a
 * figure ("tankers supplied the country with 30 pct of its imports"). Appeals
 * and intents with a share stay ("pressing for rises of seven pct"). */
int dyad_rel_figure_as_act(const relevance_ctx *x, const dyad_cand *c)
{
    const dyad_vgroup *g = &x->s.vgs->g[c->vg];
    int root = (c->code[0] - '0') * 10 + (c->code[1] - '0');
    if (dyad_rel_flag_of(x->s.d, g) == VF_SAY)
        return 0;
    if (modifies_figure(x, c->src))
        return 1;
    if (root > 17)
        return 0;
    int aid = root == 7 || !strncmp(c->code, "033", 3);   /* "food aid to refugees" stays */
    if (root <= 8 && !aid && c->tgt >= 0 && dyad_rel_role_alone_any(&x->s.ms->m[c->tgt]) &&
        market_object(x, g) == MARKET_GOODS)
        return 1;
    return trade_noun_as_verb(x, g, c->src) || (root >= 4 && root <= 8 && percent_near(x, g, c->src));
}
