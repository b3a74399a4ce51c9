/* statement.c - the relevance stage's rules for statements (relevance.h, rule 4):
 * what a statement is about, its addressee, and when "X said" is no event. */
#include "relevance_int.h"

#include "sentence.h"
#include "statement_tone.h"

/* ---- 4. statements ---- */

/* "told Reuters", "told reporters", "told a news conference": the press is no
 * addressee. */
int dyad_rel_to_the_press(const relevance_ctx *x, const dyad_vgroup *g)
{
    static const char *const PRESS[] = {"reuters", "reporters", "journalists", "newsmen", "press",
                                        "conference", "briefing", "correspondents", NULL};
    for (uint32_t t = g->end; t < g->end + 4 && t < x->s.n; t++) {
        if (dyad_rel_word_in(x, t, PRESS))
            return 1;
        if (x->s.tok[t].tag != TAG_DT && x->s.tok[t].tag != TAG_JJ && x->s.tok[t].tag != TAG_NN &&
            !dyad_tok_is(x->s.text, &x->s.tok[t], "to"))
            return 0;
    }
    return 0;
}

/* "diplomats said", "analysts said", "sources close to the administration
 * say", "a Belgrade economist said": the reporter's sources, never an event's
 * source. */
static int unnamed_source(const relevance_ctx *x, int32_t m)
{
    static const char *const WHO[] = {
        "diplomats", "diplomat", "analysts", "analyst", "dealers", "dealer", "traders", "trader",
        "economists", "economist", "bankers", "banker", "experts", "expert", "observers",
        "professor", NULL};
    static const char *const SOURCES[] = {"sources", "source", NULL};
    const dyad_mention *a = &x->s.ms->m[m];
    if (a->named || a->kind == AK_PERSON)
        return 0;
    if (a->kind == AK_AGENT && a->end > a->start && dyad_rel_word_in(x, a->end - 1, WHO))
        return 1;
    /* "Western diplomats in Khartoum say": the place of the speakers */
    if (a->kind == AK_STATE && a->agent < 0 && a->start >= 2 && dyad_tok_is(x->s.text, &x->s.tok[a->start - 1], "in") &&
        dyad_rel_word_in(x, a->start - 2, WHO))
        return 1;
    if (a->end > a->start && a->end < x->s.n && dyad_rel_word_in(x, a->end - 1, WHO) &&
        (dyad_tok_is(x->s.text, &x->s.tok[a->end], "in") || dyad_tok_is(x->s.text, &x->s.tok[a->end], "at")))
        return 1;   /* the same as the speaker (subject.c, actor_in_place) */
    for (uint32_t t = a->start > 3 ? a->start - 3 : 0; t <= a->end && t < x->s.n; t++)
        if (dyad_rel_word_in(x, t, SOURCES))
            return 1;
    return 0;
}

/* "They said Nigeria ... probably have the biggest grievances", "Japan is
 * completing its procedures, they added": a bare "they" right before the
 * reporting verb stands for the reporter's unnamed sources (officials,
 * delegates, dealers), who tell the reporter facts; no one's statement to the
 * country named. */
static int unnamed_they(const relevance_ctx *x, const dyad_vgroup *g, int32_t m)
{
    static const char *const THEY[] = {"they", NULL};
    const dyad_mention *a = &x->s.ms->m[m];
    if (!a->is_ref || a->end != a->start + 1 || !dyad_rel_word_in(x, a->start, THEY))
        return 0;
    uint32_t t = a->end;
    while (t < g->start && x->s.tok[t].tag == TAG_RB)
        t++;    /* "they also said" */
    return t == g->start;
}

/* The speaker's own noun phrase says it is the press: "the official news
 * agency Tanjug", "the government newspaper", "state radio" (the dictionary
 * may give them a government's code). */
static int media_words(const relevance_ctx *x, const dyad_mention *a)
{
    static const char *const PRESS[] = {"newspaper", "paper", "radio", "television", "tv", "daily",
                                        "weekly", "magazine", "broadcaster", NULL};
    uint32_t from = a->start, to = a->end;
    while (from > 0 && a->start - from < 3 && !dyad_tag_is_verb(x->s.tok[from - 1].tag) && x->s.tok[from - 1].tag != TAG_PPC)
        from--;     /* its own noun phrase: not "Tehran Radio quoted the minister" */
    while (to < x->s.n && to < a->end + 2 && dyad_tag_is_noun(x->s.tok[to].tag))
        to++;
    for (uint32_t t = from; t < to; t++)
        if (dyad_rel_word_in(x, t, PRESS) ||
            (dyad_tok_is(x->s.text, &x->s.tok[t], "agency") && t > 0 && dyad_tok_is(x->s.text, &x->s.tok[t - 1], "news")))
            return 1;
    return 0;
}

/* The reported clause of g is existential: "said (that) there was a backlog",
 * "there are no survivors, an official said". */
static int existential(const relevance_ctx *x, const dyad_vgroup *g)
{
    static const char *const BE[] = {"be", NULL};
    uint32_t s = x->s.n > 0 && x->s.tok[0].tag == TAG_PPL ? 1 : 0;
    if (s + 1 < g->start && x->s.tok[s].tag == TAG_EX && dyad_rel_lemma_in(x, s + 1, BE))
        return 1;
    uint32_t t = g->end;
    while (t < x->s.n && t < g->end + 6 && !dyad_tok_is(x->s.text, &x->s.tok[t], "that") && x->s.tok[t].tag != TAG_EX &&
           x->s.tok[t].tag != TAG_PPC)
        t++;    /* "said in its report that there ..." */
    if (t < x->s.n && dyad_tok_is(x->s.text, &x->s.tok[t], "that"))
        t++;
    return t + 1 < x->s.n && x->s.tok[t].tag == TAG_EX && dyad_rel_lemma_in(x, t + 1, BE);
}

/* The sentence speaks of an economic policy or sector, farming, industry or
 * the weather ("the agriculture department said the cotton crop ...",
 * "tariffs on steel"): a statement in it with no addressee is economic news. */
static int economic_policy(const relevance_ctx *x)
{
    static const char *const TOPIC[] = {
        "agriculture", "agricultural", "treasury", "industry", "industrial", "program", "programme",
        "price", "banking", "reserve", "rate", "tariff", "tariffs", "monetary", "grain", "steel",
        "livestock", "cattle", "sector", "goods", "commerce", "loan", "farm", "farmers", "cotton",
        "textile", "textiles", "semiconductor", "semiconductors", "interest", "wage", "wages", "subsidy",
        "subsidies", "payments", "financing", "expansion", "recession", "productivity", "shipping",
        "coal", "weather", "rain", "drought", "crops", "factory", "factories", "economists", NULL};
    for (uint32_t t = 0; t < x->s.n; t++)
        if (dyad_rel_word_in(x, t, TOPIC))
            return 1;
    return 0;
}

/* The statement is not made yet: a modal before its verb in its own group
 * ("Abe will explain the plan to U.S. leaders", "he can then tell Reagan",
 * "he might tell the committee", "Japan will have to explain"). A statement
 * to come, possible or owed is no event; an intent to say something is coded
 * from its own verb ("promised to", "plans to"). */
static int statement_to_come(const relevance_ctx *x, const dyad_vgroup *g)
{
    static const char *const MODAL[] = {"will", "would", "can", "could", "may", "might", "must",
                                        "shall", "should", "'ll", NULL};
    for (uint32_t t = g->start; t < g->head && t < x->s.n; t++)
        if (dyad_rel_word_in(x, t, MODAL))
            return 1;
    return 0;
}

const char *dyad_rel_no_statement(const relevance_ctx *x, const dyad_cand *c)
{
    static const char *const HE_SHE[] = {"he", "she", "they", NULL};
    static const char *const QUOTE_END[] = {",", "\"", "'", NULL};
    const dyad_vgroup *g = &x->s.vgs->g[c->vg];
    if (dyad_rel_flag_of(x->s.d, g) != VF_SAY)
        return NULL;
    if (dyad_rel_is_media(x, c->src))
        return "the media reporting is not the source of what it reports";
    if (c->pattern >= 0 || c->code[0] != '0' || c->code[1] != '1')
        return NULL;
    if (dyad_rel_is_business(x, c->src))
        return "a company's statement";
    if (unnamed_source(x, c->src))
        return "an unnamed source, analyst or diplomat as the speaker";
    if (media_words(x, &x->s.ms->m[c->src]))
        return "a news agency, newspaper or broadcaster as the speaker";
    dyad_cand toned = *c;
    dyad_statement_tone(&x->s, &toned);   /* "they said the EC failed to ...": a criticism stays */
    if (!strcmp(toned.code, c->code) && unnamed_they(x, g, c->src))
        return "'they said' with no speaker named: the reporter's sources (officials, delegates, analysts)";
    if (statement_to_come(x, g))
        return "a statement still to come, possible or owed ('will explain', 'can tell'): not made";

    /* "said it ...", "said its ...": the reported clause's subject, no addressee */
    int addressee = c->tgt >= 0 && !dyad_rel_is_media(x, c->tgt) && !x->s.ms->m[c->tgt].is_ref;
    if (!addressee && (dyad_rel_about_figures(x) || economic_policy(x)))
        return "a statement about figures, the economy or the markets, to no other political actor";
    if (!addressee && existential(x, g))
        return "a statement that something exists ('said there was ...') about no other political actor";
    if (!addressee && x->in_body)
        return "a statement about no other political actor after the story's lead (the story's detail)";
    if (!addressee && dyad_rel_to_the_press(x, g))
        return "a statement to the press about no other political actor";
    const dyad_mention *sm = &x->s.ms->m[c->src];
    if (!addressee && sm->is_ref && sm->end == g->start && !g->passive &&
        (dyad_rel_word_in(x, sm->start, HE_SHE) && sm->start > 0 && dyad_rel_word_in(x, sm->start - 1, QUOTE_END)))
        return "a continuing quotation ('..., he said') to no other political actor";
    return NULL;
}

/* Reporting verbs that take a clause, not an addressee, as their object. */
static const char *const CLAUSE_VERB[] = {"say", "add", "note", "state", "claim", "insist", NULL};

/* Token t is a noun of an actor's act or stance ("offer", "action", "remarks",
 * "policy"): the actor it names is what a statement is about. */
static int act_noun(const relevance_ctx *x, uint32_t t)
{
    static const char *const ACT[] = {
        "offer", "action", "move", "decision", "proposal", "plan", "policy", "remark", "statement", "call",
        "attack", "sanction", "demand", "threat", "measure", "retaliation", "position", "stance", "refusal",
        "request", "initiative", "invasion", "intervention", "effort", "pressure", "claim", "accusation",
        "charge", "stand", "behaviour", "behavior", "role", "warning", "veto", "response", "reaction",
        "support", "aid", "troop", "force", "leader", "government", "violation", "raid", "strike",
        "announcement", "assault", "offensive", "strategy", "counterpart", "division", "talk", "discussion",
        "negotiation", "relation", "dispute", "conflict", "war", "tie", "departure", "victory", "tension",
        "subsidy", "tariff", "quota", "ban", "embargo", "intrusion", "incursion", "commitment", "target", NULL};
    return t < x->s.n && dyad_rel_lemma_in(x, t, ACT);
}

/* Mention m is an argument of a clause: not a modifier of a noun ("a British
 * ferry", "the West German mark", "Japan's demand"), nor in a phrase after a
 * preposition ("in Brussels", "the accord of the G7", "a pact with Japan"),
 * except a verb's own ("talked to X", "was criticised by X", "spoke about X");
 * the topic of the reporting verb g is one ("commented on the Iraq crisis"). */
int dyad_rel_clause_argument(const relevance_ctx *x, const dyad_vgroup *g, const dyad_mention *m)
{
    static const char *const PREP[] = {
        "of", "in", "at", "from", "near", "off", "inside", "on", "for", "with", "to", "by", "about",
        "against", "between", "among", "into", "over", "under", "across", "toward", "towards", "through",
        "within", "outside", "after", "before", "during", "including", "like", "than", "despite",
        "around", "throughout", "via", "upon", "onto", "behind", "along", "beyond", "besides", NULL};
    static const char *const VERB_PREP[] = {"to", "with", "about", "against", "by", "toward", "towards", NULL};
    static const char *const TOPIC[] = {"on", "about", "over", "of", NULL};
    const dyad_token *tok = x->s.tok;
    uint32_t p = m->start;
    while (p > 0 && (tok[p - 1].tag == TAG_DT || tok[p - 1].tag == TAG_JJ || tok[p - 1].tag == TAG_PDT))
        p--;
    if (p >= 1 && p - 1 == g->end && dyad_rel_word_in(x, p - 1, TOPIC))
        return 1;
    if (p == g->end && !dyad_rel_lemma_in(x, g->head, CLAUSE_VERB))
        return 1;   /* "told Parliament", "urged Japan" */
    uint32_t e = m->end < x->s.n && x->s.tok[m->end].tag == TAG_POS ? m->end + 1 : m->end;
    while (e < x->s.n && e + 1 < x->s.n && tok[e].tag == TAG_JJ)
        e++;
    if (e < x->s.n && (e > m->end || (dyad_tag_is_noun(tok[e].tag) && dyad_mention_at(x->s.ms, e) < 0))) {
        while (e + 1 < x->s.n && (tok[e + 1].tag == TAG_NN || tok[e + 1].tag == TAG_NNS) &&
               dyad_mention_at(x->s.ms, e + 1) < 0)
            e++;                    /* the head of a compound: "Iranian missile attack", not "offer Saturday" */
        return act_noun(x, e);      /* "the U.S. action", "Gorbachev's offer"; not "a British ferry" */
    }
    if (p == 0 || !dyad_rel_word_in(x, p - 1, PREP))
        return 1;
    if (dyad_tok_is(x->s.text, &tok[p - 1], "against"))
        return 1;                   /* "victories against Iraq" */
    if (p >= 2 && (dyad_rel_word_in(x, p - 1, VERB_PREP) || dyad_tok_is(x->s.text, &tok[p - 1], "of") ||
                   dyad_tok_is(x->s.text, &tok[p - 1], "between")) && act_noun(x, p - 2))
        return 1;                   /* "remarks by Baker", "talks with the U.S.", "talks between Ottawa and Paris" */
    return dyad_rel_word_in(x, p - 1, VERB_PREP) && p >= 2 && dyad_tag_is_verb(tok[p - 2].tag);
}

/* The compound of mention m (a list) is the subject of an obligation: "the
 * United States and Japan must work to avert a trade war" is said of them. */
static int list_is_obliged(const relevance_ctx *x, const dyad_mention *m)
{
    static const char *const MUST[] = {"must", "should", "ought", NULL};
    uint32_t end = m->end;
    for (size_t i = 0; i < x->s.ms->n; i++)
        if (x->s.ms->m[i].group == m->group && x->s.ms->m[i].end > end)
            end = x->s.ms->m[i].end;
    return end < x->s.n && dyad_rel_word_in(x, end, MUST);
}

/* Mention m is a country or place in a list that the statement speaks of, not
 * to ("in Sweden and Finland", "reports from Australia, Canada and Argentina",
 * "the six - Britain, Canada, France, Japan, the U.S."): no addressee unless the
 * object of a verb that takes one ("told Japan and Britain"), or the list is
 * told what it must do. members: the size of m's compound. */
static int listed_place(const relevance_ctx *x, const dyad_vgroup *g, const dyad_mention *m, size_t members)
{
    if (members < 2 || m->kind != AK_STATE || m->agent >= 0 || m->named)
        return 0;
    int object = m->start >= g->end && m->start <= g->end + 1;
    if (object && !dyad_rel_lemma_in(x, g->head, CLAUSE_VERB))
        return 0;
    uint32_t p = x->s.ms->m[m->group].start;
    while (p > 0 && x->s.tok[p - 1].tag == TAG_DT)
        p--;
    if (p >= 2 && (dyad_tok_is(x->s.text, &x->s.tok[p - 1], "between") || dyad_tok_is(x->s.text, &x->s.tok[p - 1], "with")) &&
        act_noun(x, p - 2))
        return 0;   /* the sides of an act: "the talks between Morocco and Algeria" */
    return !list_is_obliged(x, m);
}

static int same_country(const dyad_mention *a, const dyad_mention *b)
{
    return strlen(a->code) >= 3 && strlen(b->code) >= 3 && !memcmp(a->code, b->code, 3);
}

/* Mention m names a social group (no named body), not a political one: the people, farmers,
 * workers, a union, physicians, academics (roles CVL, AGR, LAB, HLH, EDU). A
 * statement says facts about them ("said farmers are unwilling to grow grain",
 * "said 173,000 people were unemployed"); they are its addressee only when told.
 * sm: the speaker. */
static int social_group(const dyad_mention *m, const dyad_mention *sm)
{
    if (strlen(m->code) == 6 && !memcmp(m->code + 3, "CVL", 3) && strlen(sm->code) >= 3 && memcmp(m->code, sm->code, 3))
        return 0;   /* another country's people: "said Israeli tourists were welcome" */
    static const char *const GROUP[] = {"CVL", "AGR", "LAB", "HLH", "EDU", NULL};
    size_t l = strlen(m->code);
    for (size_t i = 0; l >= 3 && !m->named && GROUP[i]; i++)   /* not a named body ("USDA") */
        if (!strcmp(m->code + l - 3, GROUP[i]))
            return 1;
    return 0;
}

/* Mention m (with its compound) is the subject of another reporting verb, in
 * the active: "The Soviets argue that ..., he said", "IADB officials said
 * Washington hinted at a compromise", "said OPEC believed consumers had drawn
 * on stocks". The speaker relays m's words or view; m is their speaker, no
 * addressee ("Moscow had been told" is passive and stays). */
static int relayed_speaker(const relevance_ctx *x, const dyad_vgroup *g, const dyad_mention *m)
{
    static const char *const VIEW[] = {"hint", "hints", "hinted", "believe", "believes", "believed",
                                       "argue", "argues", "argued", "think", "thinks", "thought", NULL};
    uint32_t end = m->end;
    for (size_t i = 0; i < x->s.ms->n; i++)
        if (x->s.ms->m[i].group == m->group && x->s.ms->m[i].end > end)
            end = x->s.ms->m[i].end;
    while (end < x->s.n && x->s.tok[end].tag == TAG_RB)
        end++;   /* "Washington also hinted" */
    for (size_t i = 0; i < x->s.vgs->n; i++) {
        const dyad_vgroup *o = &x->s.vgs->g[i];
        if (o->start != end || o == g || o->passive)
            continue;
        return dyad_rel_flag_of(x->s.d, o) == VF_SAY || dyad_rel_word_in(x, o->head, VIEW);
    }
    return 0;
}

/* Mention m is the country of a "City, Country" venue ("proposals announced in
 * Davos, Switzerland, in January", "a meeting in Frankfurt, West Germany"): a
 * place the statement names, not its addressee. Not a possessive ("Java,
 * Indonesia's most populous island"). */
static int venue_country(const relevance_ctx *x, const dyad_mention *m)
{
    static const char *const AT[] = {"in", "at", "near", "of", NULL};
    static const char *const LINK[] = {"del", "de", "la", "el", "am", NULL};
    const dyad_token *tok = x->s.tok;
    if (m->kind != AK_STATE || m->start < 3 || !dyad_tok_is(x->s.text, &tok[m->start - 1], ",") ||
        (m->end < x->s.n && tok[m->end].tag == TAG_POS))
        return 0;
    uint32_t p = m->start - 1, words = 0;
    while (p > 0 && words < 4 && dyad_mention_at(x->s.ms, p - 1) < 0 &&
           ((tok[p - 1].flags & TOKF_CAP) || dyad_rel_word_in(x, p - 1, LINK))) {
        p--;
        words++;
    }
    return words > 0 && (tok[p].flags & TOKF_CAP) && p > 0 && dyad_rel_word_in(x, p - 1, AT);
}

/* Mention k can be the addressee of the statement by sm: a political actor of
 * another group, no back-reference, no role alone nor social group unless the
 * verb's object ("told parliament"), an argument of a clause. */
static int addressee_of(const relevance_ctx *x, const dyad_vgroup *g, const dyad_mention *sm, int32_t k)
{
    const dyad_mention *m = &x->s.ms->m[k];
    int told = m->start >= g->end && m->start <= g->end + 1;    /* "told parliament" */
    if (m->group == sm->group || m->is_ref || !dyad_rel_is_political(x, k) || (dyad_rel_role_alone_any(m) && !told) ||
        (!(told && !dyad_rel_lemma_in(x, g->head, CLAUSE_VERB)) && relayed_speaker(x, g, m)) ||
        venue_country(x, m) ||
        (social_group(m, sm) && !(told && !dyad_rel_lemma_in(x, g->head, CLAUSE_VERB))))
        return 0;
    size_t members = 0;
    for (size_t i = 0; i < x->s.ms->n; i++)
        members += x->s.ms->m[i].group == m->group;
    if ((members >= 4 && dyad_rel_lemma_in(x, g->head, CLAUSE_VERB)) || listed_place(x, g, m, members))
        return 0;   /* "said the buyers were Japan, Britain, Italy and Spain": a list, no addressee */
    return dyad_rel_clause_argument(x, g, m);
}

/* A statement's addressee: the event stage's target when it can be one, else
 * the first mention of another country that can be one after the reporting verb, else before its
 * speaker ("He said the U.S. action had made the pact meaningless" -> the
 * United States); none in a sentence about figures or markets (the countries
 * of a statistic are no addressees) unless the verb names it ("told X"). */
void dyad_rel_statement_addressee(const relevance_ctx *x, dyad_cand *c)
{
    const dyad_vgroup *g = &x->s.vgs->g[c->vg];
    if (c->src < 0 || c->pattern >= 0 || c->code[0] != '0' || c->code[1] != '1' || dyad_rel_flag_of(x->s.d, g) != VF_SAY)
        return;
    const dyad_mention *sm = &x->s.ms->m[c->src];
    /* the speaker's own state alone is what the statement is about, not its
     * addressee ("Lyng said Canada's talks were going well") */
    const dyad_mention *tm = c->tgt >= 0 ? &x->s.ms->m[c->tgt] : NULL;
    if (tm && !dyad_rel_is_media(x, c->tgt) && addressee_of(x, g, sm, c->tgt) &&
        !(strlen(tm->code) == 3 && same_country(sm, tm)))
        return;
    c->tgt = -1;
    if (dyad_rel_about_figures(x))
        return;
    int32_t before = -1;
    for (size_t k = 0; k < x->s.ms->n; k++) {
        const dyad_mention *m = &x->s.ms->m[k];
        if (m->start >= g->end && venue_country(x, m)) {
            c->tgt = -1;
            return;     /* the clause speaks of places ("announced in Davos, Switzerland"), to no one */
        }
        if (!addressee_of(x, g, sm, (int32_t)k) || same_country(sm, m))
            continue;   /* not the speaker's own country */
        if (m->start >= g->end) {
            c->tgt = (int32_t)k;
            return;
        }
        if (before < 0 && m->end <= sm->start)
            before = (int32_t)k;
    }
    c->tgt = before;
}

/* "Portuguese Prime Minister X said Portugal would ...", "U.S. warships began escorting
 * two U.S. flag tankers": a state's own actor (a role of it: PRTGOV, USAMIL) does not
 * act on that state itself; the target that names it alone (PRT, USA) is none.
 * Only for statements (01), where the state is what is spoken of: an appeal to
 * one's own people or a promise to reform one's own country (02, 03) keeps it, as
 * the CAMEO codebook codes them; roles of the same state stay ("GOV -> OPP"). */
void dyad_rel_own_state_target(const relevance_ctx *x, dyad_cand *c)
{
    if (c->src < 0 || c->tgt < 0 || c->code[0] != '0' || c->code[1] != '1')
        return;
    const dyad_mention *sm = &x->s.ms->m[c->src], *tm = &x->s.ms->m[c->tgt];
    if (strlen(tm->code) == 3 && strlen(sm->code) > 3 && same_country(sm, tm))
        c->tgt = -1;
}

/* ---- 4b. reporters and attribution (branch reporters) ---- */

/* Mention m's noun phrase ends in a word for the reporter's sources: the
 * mention's own last word or the nouns right after it ("EC Commission
 * sources", "Western diplomats", "West German banking sources", "Congressional
 * observers and economists", "Reagan administration sources"). */
static int reporter_phrase(const relevance_ctx *x, int32_t m)
{
    static const char *const SOURCE[] = {
        "sources", "source", "diplomats", "diplomat", "analysts", "analyst", "dealers", "dealer",
        "traders", "trader", "economists", "economist", "bankers", "banker", "observers", "observer",
        "experts", "reports", "newspapers", NULL};
    const dyad_mention *a = &x->s.ms->m[m];
    if (a->is_ref)
        return 0;
    uint32_t t = a->end;
    while (t < x->s.n && t < a->end + 3 && (dyad_tag_is_noun(x->s.tok[t].tag) || x->s.tok[t].tag == TAG_JJ) &&
           dyad_mention_at(x->s.ms, t) < 0 && !dyad_rel_word_in(x, t, SOURCE))
        t++;    /* "West German banking sources" */
    if (t < x->s.n && dyad_mention_at(x->s.ms, t) < 0 && dyad_rel_word_in(x, t, SOURCE))
        return 1;
    return a->end > a->start && dyad_rel_word_in(x, a->end - 1, SOURCE);
}

/* "who declined to be identified", "asked not to be named", "speaking on
 * condition of anonymity": the formula that hides a speaker, coded as a
 * rejection or an appeal; "Tehran radio, monitored by the BBC": the formula
 * of a broadcast heard abroad, coded as an investigation; "the agency quoted
 * the minister as saying", "a spokesman, quoted by the news agency, said":
 * the reporter quoting its source, coded as a statement to the one quoted
 * (the quoted words are coded from their own verb, "saying"). */
static const char *reporting_formula(const relevance_ctx *x, const dyad_vgroup *g)
{
    static const char *const HIDE[] = {"decline", "refuse", "ask", "request", "speak", NULL};
    static const char *const UNNAMED[] = {"named", "identified", "quoted", "further", "anonymity", NULL};
    static const char *const MONITOR[] = {"monitor", NULL};
    static const char *const QUOTE[] = {"quote", NULL};
    if (dyad_rel_lemma_in(x, g->head, HIDE)) {
        uint32_t t = g->end;
        if (t < x->s.n && dyad_tok_is(x->s.text, &x->s.tok[t], "not"))
            t++;
        if (t + 2 < x->s.n && dyad_tok_is(x->s.text, &x->s.tok[t], "to") &&
            dyad_tok_is(x->s.text, &x->s.tok[t + 1], "be") && dyad_rel_word_in(x, t + 2, UNNAMED))
            return "the formula 'declined to be identified' hides a speaker: no rejection";
        for (uint32_t k = g->end; k < x->s.n && k < g->end + 4; k++)
            if (dyad_tok_is(x->s.text, &x->s.tok[k], "anonymity"))
                return "the formula 'on condition of anonymity' hides a speaker: no event";
    }
    if (dyad_rel_lemma_in(x, g->head, QUOTE))
        return "'quoted X as saying', 'quoted by the agency': the reporter quoting its source, no act";
    if (dyad_rel_lemma_in(x, g->head, MONITOR) && g->end < x->s.n &&
        (dyad_tok_is(x->s.text, &x->s.tok[g->end], "by") || dyad_tok_is(x->s.text, &x->s.tok[g->end], "in")))
        return "'monitored by the BBC', 'monitored in London': how a broadcast was heard, no investigation";
    return NULL;
}

/* The media as the source of words or cooperation (01-08) aimed at no one, or
 * the target of cooperation or aid (06-07): "state radio called it
 * unprecedented", "the agency was more optimistic", "a statement delivered
 * to the newspaper"; state media calling on a state, journalists appealing to
 * their government, a news agency's denunciation (11) and a journalist
 * released (08) stay acts. */
static int media_side(const relevance_ctx *x, const dyad_cand *c)
{
    int root = (c->code[0] - '0') * 10 + (c->code[1] - '0');
    return root >= 1 && root <= 8 &&
           ((c->tgt < 0 && dyad_rel_is_media(x, c->src)) || (root >= 6 && root <= 7 && dyad_rel_is_media(x, c->tgt)));
}

/* Why an event is the reporting, not an act: a formula of attribution, the
 * media as a side of words or cooperation, or a statement (010) whose speaker is the reporter's source ("EC Commission
 * sources said", "Western diplomats have said"). NULL: no such reason. */
const char *dyad_rel_reporter_reason(const relevance_ctx *x, const dyad_cand *c)
{
    const dyad_vgroup *g = &x->s.vgs->g[c->vg];
    const char *why = reporting_formula(x, g);
    if (why)
        return why;
    if (c->tgt < 0 && !strcmp(c->code, "036") && dyad_rel_to_the_press(x, g))
        return "an intent to meet the press ('will meet reporters'), no one's meeting";
    if (media_side(x, c))
        return "the media as the source of words or cooperation aimed at no one (01-08), or as the target of aid: it reports";
    if (c->src >= 0 && c->code[0] == '0' && c->code[1] == '1' &&
        dyad_rel_flag_of(x->s.d, g) == VF_SAY && reporter_phrase(x, c->src))
        return "sources, diplomats or analysts as the speaker: the reporter's sources";
    return NULL;
}
