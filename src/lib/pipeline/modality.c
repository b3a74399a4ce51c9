#include "modality.h"
#include "cameo.h"
#include "sense.h"
#include "subject.h"

#include <string.h>


/* ---- conditional acts ---- */

/* Is group j part of the act of group k: k itself, a to-infinitive k governs
 * (through other infinitives), or a verb coordinated with one of those? */
static int in_act(const dyad_vgroups *vgs, size_t k, size_t j)
{
    for (int hops = 0; hops < 8; hops++) {
        if (j == k)
            return 1;
        const dyad_vgroup *g = &vgs->g[j];
        if (g->coord >= 0)
            j = (size_t)g->coord;
        else if (g->to_inf && g->governor >= 0)
            j = (size_t)g->governor;
        else
            return 0;
    }
    return 0;
}

/* A modal of what is not done in [from, to): would, will, could, can ... */
static int modal_in(const dyad_sentence_view *s, uint32_t from, uint32_t to)
{
    static const char *const MODAL[] = {"would", "will", "'d", "'ll", "could", "can", "might", "may",
                                        "should", "shall", "wo", NULL};
    for (uint32_t t = from; t < to && t < s->n; t++)
        if (s->tok[t].tag == TAG_MD && dyad_view_word_in(s, t, MODAL))
            return 1;
    return 0;
}

/* "if" or "unless" opening a condition ("even if", "as if" and "asked if",
 * "unclear if" of a question are none). */
static int condition_word(const dyad_sentence_view *s, uint32_t t)
{
    static const char *const IF[] = {"if", "unless", NULL};
    static const char *const NOT_BEFORE[] = {"even", "as", "asked", "ask", "asking", "unclear", "whether",
                                             "wondered", "see", "know", "decide", NULL};
    return dyad_view_word_in(s, t, IF) && !(t > 0 && dyad_view_word_in(s, t - 1, NOT_BEFORE));
}

/* The group of vgs that starts at token t, or -1. */
static int32_t group_at(const dyad_vgroups *vgs, uint32_t t)
{
    for (size_t j = 0; j < vgs->n; j++)
        if (vgs->g[j].start == t)
            return (int32_t)j;
    return -1;
}

static int conditioned_act(const dyad_sentence_view *s, const dyad_cand *c)
{
    /* an announced conditional future is an intent (03), a refusal (12) or a
     * threat (13), as the CAMEO codebook codes "said they would meet the
     * mediator if ...", "will not end their strike unless ..."; a demand (10)
     * is made whatever its condition */
    int root = dyad_cand_root(c);
    if (c->vg < 0 || root == 3 || root == 10 || root == 12 || root == 13)
        return 0;
    size_t k = (size_t)c->vg;
    const dyad_vgroup *g = &s->vgs->g[k], *gov = g->governor >= 0 ? &s->vgs->g[g->governor] : NULL;
    /* "is willing to drop tariffs if", "vowed to resign if": the intent is
     * expressed, only what it intends is conditional */
    if (!g->to_inf && !modal_in(s, g->start, g->head + 1) && !(gov && modal_in(s, gov->start, gov->head + 1)))
        return 0;
    uint32_t end = g->end;
    for (size_t j = k + 1; j < s->vgs->n; j++)
        if (in_act(s->vgs, k, j))
            end = s->vgs->g[j].end;
    for (uint32_t t = end; t < s->n; t++) {
        if (condition_word(s, t))
            return !(t > 0 && s->tok[t - 1].tag == TAG_CC);   /* "and if ...": a clause of its own */
        if (dyad_view_word_in(s, t, (const char *const[]){";", ":", "\"", NULL}))
            return 0;
        int32_t j = group_at(s->vgs, t);
        if (j >= 0 && !in_act(s->vgs, k, (size_t)j) && s->vgs->g[j].finite && !s->vgs->g[j].conditional)
            return 0;   /* another clause: the condition is not this act's */
    }
    return 0;
}

/* ---- counterfactuals and clauses of rumour ---- */

/* "would have preferred", "could have been": a modal, "have" and a past
 * participle in the group or the group governing it. */
static int counterfactual(const dyad_sentence_view *s, const dyad_vgroup *g)
{
    static const char *const HAVE[] = {"have", "'ve", NULL};
    for (int hop = 0; hop < 2 && g; hop++) {
        for (uint32_t t = g->start; t + 2 <= g->head; t++)
            if (s->tok[t].tag == TAG_MD && dyad_view_word_in(s, t + 1, HAVE) && s->tok[g->head].tag == TAG_VBN)
                return 1;
        g = g->governor >= 0 ? &s->vgs->g[g->governor] : NULL;
    }
    return 0;
}

/* The group's clause follows a noun of rumour, fear or risk across words of
 * a noun phrase only ("speculation the United States will offer wheat",
 * "rumors that the administration had launched a strike", "the risk of
 * Iranian attack"); "concern" only with a "that" ("concern that North Korea
 * was using trucks"). */
static int rumoured(const dyad_sentence_view *s, const dyad_vgroup *g)
{
    static const char *const RUMOUR[] = {"speculation", "rumours", "rumors", "rumour", "rumor", "fears", "fear",
                                         "risk", "danger", "likelihood", NULL};
    static const char *const CONCERN[] = {"concern", "concerns", "worries", "worry", NULL};
    static const char *const LINK[] = {"that", "of", NULL};
    for (uint32_t t = g->start, n = 0; t > 0 && n < 7; t--, n++) {
        uint32_t w = t - 1;
        if (dyad_view_word_in(s, w, RUMOUR) || (dyad_view_word_in(s, w, CONCERN) && w + 1 < g->start && dyad_view_word_in(s, w + 1, LINK)))
            return 1;
        int tag = s->tok[w].tag;
        if (!(dyad_tag_is_noun(tag) || tag == TAG_DT || tag == TAG_JJ || tag == TAG_POS || tag == TAG_CD ||
              tag == TAG_PRPS || tag == TAG_PRP || dyad_view_word_in(s, w, LINK)))
            return 0;
    }
    return 0;
}

/* The group follows "capable of" or "capability of" ("missiles capable of
 * hitting tankers"): a capacity, no act. */
static int capacity_only(const dyad_sentence_view *s, const dyad_vgroup *g)
{
    static const char *const CAPABLE[] = {"capable", "capability", "capabilities", NULL};
    static const char *const OF[] = {"of", NULL};
    return g->start >= 2 && dyad_view_word_in(s, g->start - 1, OF) && dyad_view_word_in(s, g->start - 2, CAPABLE);
}

/* ---- acts in a question or a clause of time still to come ---- */

/* The finite group whose clause holds group k: k itself, or the group k is
 * coordinated with or a to-infinitive of ("might decide to lift"). */
static size_t clause_group(const dyad_vgroups *vgs, size_t k)
{
    for (int hops = 0; hops < 6; hops++) {
        const dyad_vgroup *g = &vgs->g[k];
        if (g->coord >= 0)
            k = (size_t)g->coord;
        else if ((g->to_inf || g->gerund) && g->governor >= 0)
            k = (size_t)g->governor;
        else
            break;
    }
    return k;
}

/* The word of words (whether, before ...) opening group k's clause: looked for
 * back from its subject to the end of the group before it, a comma or a
 * "that"; s->n when there is none. */
static uint32_t clause_opener(const dyad_sentence_view *s, size_t k, const char *const *words)
{
    static const char *const STOP[] = {"that", "which", "who", NULL};
    uint32_t stop = k > 0 ? s->vgs->g[k - 1].end : 0;
    for (uint32_t t = s->vgs->g[k].start; t > stop; t--) {
        if (dyad_view_word_in(s, t - 1, words))
            return t - 1;
        if (s->tok[t - 1].tag == TAG_PPC || dyad_view_word_in(s, t - 1, STOP))
            break;
    }
    return (uint32_t)s->n;
}

/* "has proposed an inquiry while Iran and Iraq observe a ceasefire": a while
 * clause in the present tense after a verb of proposing or asking in the past
 * is part of what is proposed. */
static int proposed_while(const dyad_sentence_view *s, size_t k, const dyad_vgroup *g)
{
    static const char *const WHILE[] = {"while", NULL};
    static const char *const PROPOSED[] = {"proposed", "suggested", "urged", "called", "demanded", "asked",
                                           "recommended", "requested", NULL};
    return k > 0 && clause_opener(s, k, WHILE) < s->n && g->start == g->head && s->tok[g->head].tag == TAG_VBP &&
           dyad_view_word_in(s, s->vgs->g[k - 1].head, PROPOSED);
}

/* Group k's clause is a present tense after "when" whose main clause is still
 * to come ("could come this month when the ministers meet"). */
static int when_to_come(const dyad_sentence_view *s, size_t k)
{
    static const char *const WHEN[] = {"when", NULL};
    const dyad_vgroup *g = &s->vgs->g[k], *main = k > 0 ? &s->vgs->g[k - 1] : NULL;
    int tag = s->tok[g->head].tag;
    return main && g->start == g->head && (tag == TAG_VBZ || tag == TAG_VBP) && clause_opener(s, k, WHEN) < s->n &&
           (main->future || modal_in(s, main->start, main->head));
}

/* Group k's clause is a clause of time whose verb says it is still to come:
 * a when-clause (when_to_come), or a present tense or a "will" after before,
 * after, once, until ("two weeks before the U.S. imposes tariffs", "before he
 * attends next week's meeting"). *op: the opener of a before clause, s->n for
 * none. */
static int time_to_come(const dyad_sentence_view *s, size_t k, uint32_t *op)
{
    static const char *const BEFORE[] = {"before", "after", "once", "until", "till", NULL};
    const dyad_vgroup *g = &s->vgs->g[k];
    int tag = s->tok[g->head].tag;
    *op = clause_opener(s, k, BEFORE);
    if (when_to_come(s, k))
        return 1;
    return *op < s->n && ((g->start == g->head && (tag == TAG_VBZ || tag == TAG_VBP)) || modal_in(s, g->start, g->head));
}

/* The act is in an indirect question ("doubts over whether MITI can battle
 * market forces", "whether the U.S. might decide to lift its sanctions"), in
 * a clause of time still to come (time_to_come; an intent in a when-clause,
 * which the scheduling rule made of a meeting, stays), or in a clause of time of any tense after a need or a
 * requirement ("an agreement was needed before Tokyo extended loans"). */
static int unasserted_clause(const dyad_sentence_view *s, const dyad_cand *c)
{
    static const char *const WHETHER[] = {"whether", NULL};
    static const char *const NEED[] = {"needed", "need", "needs", "required", "requires", "require",
                                       "necessary", "must", NULL};
    if (c->vg < 0)
        return 0;
    size_t k = clause_group(s->vgs, (size_t)c->vg);
    const dyad_vgroup *g = &s->vgs->g[k];
    if (clause_opener(s, k, WHETHER) < s->n || proposed_while(s, k, g))
        return 1;
    uint32_t op;
    if (time_to_come(s, k, &op))
        return dyad_cand_root(c) != 3 || !when_to_come(s, k);   /* the scheduled intent stays */
    return op < s->n && k > 0 && dyad_view_word_in(s, s->vgs->g[k - 1].head, NEED) && s->vgs->g[k - 1].end + 1 >= op;
}

void dyad_modality_scheduled(const dyad_sentence_view *s, dyad_cand *c)
{
    int root = dyad_cand_root(c);
    if (c->vg < 0 || root < 4 || root > 8 || s->vgs->g[c->vg].negated ||
        !when_to_come(s, clause_group(s->vgs, (size_t)c->vg)))
        return;
    char nc[8];
    memcpy(c->code, dyad_cameo_future(c->code, nc), 8);
}

/* ---- acts demanded or asked of others ---- */

/* The flag (VF_*) of a verb group's dictionary verb. */
static int flag_of(const dyad_sentence_view *s, const dyad_vgroup *g)
{
    for (int32_t v = g->verb; v >= 0; v = s->d->verbs[v].next)
        if (s->d->verbs[v].flag)
            return s->d->verbs[v].flag;
    return VF_NONE;
}

/* Group g is a bare subjunctive clause ("Japan open its markets", "that Reagan
 * comply"): one base-form verb, no modal, no "to". */
static int bare_clause(const dyad_sentence_view *s, const dyad_vgroup *g)
{
    return !g->to_inf && !g->gerund && g->start == g->head && s->tok[g->head].tag == TAG_VB;
}

/* Does group gov ask for the act of group g it governs: an appeal or demand
 * verb in the active (urge, ask, call on, want, demand ...; "was asked why"
 * asks nothing of the act), or a verb of insisting or proposing whose clause
 * is a bare subjunctive ("insist Japan open its markets", "suggested the
 * government review the ceiling")? */
static int asks_for(const dyad_sentence_view *s, const dyad_vgroup *gov, const dyad_vgroup *g)
{
    static const char *const INSIST[] = {"insist", "insists", "insisted", "insisting", "suggest", "suggests",
                                         "suggested", "suggesting", "recommend", "recommends", "recommended",
                                         "recommending", "propose", "proposes", "proposed", "proposing", NULL};
    if (gov->passive || gov->reduced || (gov->start == gov->head && s->tok[gov->head].tag == TAG_VBN))
        return 0;
    int f = flag_of(s, gov);
    if (f == VF_APPEAL || f == VF_DEMAND)
        return 1;
    return dyad_view_word_in(s, gov->head, INSIST) && bare_clause(s, g);
}

/* The act is only asked for: its group, through verbs it is coordinated with
 * and the verbs governing it ("to do much more to reduce", "to step up talks by
 * providing"), is governed by a verb that asks for it ("urged Japan to do much
 * more to reduce its surplus", "asked France to curb ... and stop selling
 * weapons to Iraq", "would insist Japan open its markets"). A clause of its
 * own (because, which ...) or one a verb of saying reports is asserted. An
 * appeal (02) or a demand (10) is the asking itself, coded through that verb. */
static int demanded_act(const dyad_sentence_view *s, const dyad_cand *c)
{
    int root = dyad_cand_root(c);
    if (c->vg < 0 || root == 2 || root == 10)
        return 0;
    int32_t j = c->vg;
    for (int hops = 0; hops < 8; hops++) {
        const dyad_vgroup *g = &s->vgs->g[j];
        if (g->subordinate)
            return 0;
        if (g->coord >= 0) {
            j = g->coord;
            continue;
        }
        int32_t gov = g->governor >= 0 ? g->governor : g->comp_of;
        if (gov < 0 && j > 0 && bare_clause(s, g) && g->start <= s->vgs->g[j - 1].end + 6)
            gov = j - 1;   /* "insist Japan open": a clause with no "that", not linked */
        if (gov < 0)
            return 0;
        if (asks_for(s, &s->vgs->g[gov], g))
            return 1;
        if (flag_of(s, &s->vgs->g[gov]) == VF_SAY)
            return 0;
        j = gov;
    }
    return 0;
}

/* ---- what others forecast ---- */

/* The reporting verb (say, note ...) of group k's clause: the verb governing it
 * or whose that-clause it is, the verb right before its subject ("They said the
 * ministry will have to approve"), or the first one after it across a comma or a
 * quote with no other main clause between ("Saudi Arabia will succeed in
 * pressuring OPEC ..., said a banker"); -1 for none. */
static int32_t reporting_verb(const dyad_sentence_view *s, size_t k)
{
    const dyad_vgroup *g = &s->vgs->g[k];
    if (g->governor >= 0 && flag_of(s, &s->vgs->g[g->governor]) == VF_SAY)
        return g->governor;
    if (g->comp_of >= 0 && flag_of(s, &s->vgs->g[g->comp_of]) == VF_SAY)
        return g->comp_of;
    if (k > 0 && flag_of(s, &s->vgs->g[k - 1]) == VF_SAY && s->vgs->g[k - 1].end + 6 >= g->start)
        return (int32_t)k - 1;
    uint32_t comma = 0;
    for (size_t j = k + 1; j < s->vgs->n; j++) {
        const dyad_vgroup *h = &s->vgs->g[j];
        static const char *const JOIN[] = {"but", "while", "and", "although", "though", "whereas", NULL};
        for (uint32_t t = s->vgs->g[j - 1].end; t < h->start; t++) {
            if (s->tok[t].tag == TAG_PPC || s->tok[t].tag == TAG_PPR)
                comma = 1;
            if (dyad_view_word_in(s, t, JOIN))
                return -1;   /* "..., but diplomats said ...": a clause of its own */
        }
        if (flag_of(s, h) == VF_SAY)
            return comma && !h->subordinate ? (int32_t)j : -1;
        if (h->finite && !h->subordinate && !h->conditional && !in_act(s->vgs, k, j))
            return -1;
    }
    return -1;
}

/* The reporting verb's speaker is an outsider: analysts, diplomats, bankers ...
 * in the few words before the verb or right after it ("trade analysts said",
 * "said Morgan Stanley managing director John Wellemeyer"). */
static int outsider_words(const dyad_sentence_view *s, const dyad_vgroup *r)
{
    static const char *const OUTSIDER[] = {"analyst", "analysts", "economist", "economists", "diplomat", "diplomats",
                                           "banker", "bankers", "dealer", "dealers", "trader", "traders", "observers",
                                           "commentator", "commentators", "expert", "experts", "forecaster",
                                           "forecasters", "strategist", "strategists", NULL};
    uint32_t from = r->start >= 4 ? r->start - 4 : 0;
    for (uint32_t t = from; t < r->end + 6 && t < s->n; t++) {
        if (t >= r->end && (s->tok[t].tag == TAG_PPC || s->tok[t].tag == TAG_PP))
            break;
        if (t < r->start && s->tok[t].tag == TAG_PPC)
            from = t;   /* words before a comma belong to another phrase */
        else if (dyad_view_word_in(s, t, OUTSIDER))
            return 1;
    }
    return 0;
}

/* An act still to come (a will, would, could, can, may, might, must or have to)
 * that an outsider forecasts: analysts, bankers, diplomats, a firm ("diplomats
 * said he would seek Syrian help", "Saudi Arabia will succeed in pressuring
 * OPEC ..., said a Morgan Stanley director"). An official announcing what others
 * will do (a meeting) stays: officials speak for a side. */
static int forecast_of_others(const dyad_sentence_view *s, const dyad_cand *c)
{
    if (c->vg < 0 || c->src < 0)
        return 0;
    size_t k = clause_group(s->vgs, (size_t)c->vg);
    const dyad_vgroup *g = &s->vgs->g[k], *own = &s->vgs->g[c->vg];
    if (!(g->future || g->obligation || modal_in(s, g->start, g->head) || own->future ||
          modal_in(s, own->start, own->head)))
        return 0;
    int32_t r = reporting_verb(s, k);
    if (r < 0 || r == c->vg)
        return 0;
    const dyad_vgroup *rg = &s->vgs->g[r];
    int32_t speaker = dyad_subject_of(s->text, s->tok, s->ms, s->vgs, (size_t)r);
    if ((size_t)r > k && rg->end < s->n && s->tok[rg->end].tag != TAG_PP && rg->start > 0 &&
        (s->tok[rg->start - 1].tag == TAG_PPC || s->tok[rg->start - 1].tag == TAG_PPR))
        speaker = dyad_mention_starting(s->ms, rg->end);   /* "..., said Senator Smith" */
    if (outsider_words(s, rg))
        return speaker != c->src;
    if (speaker < 0)
        return 0;
    /* a bank or a firm forecasting what a state will do ("said Morgan Stanley
     * managing director John Wellemeyer") */
    return !strcmp(s->ms->m[speaker].code, "BUS") && strcmp(s->ms->m[c->src].code, "BUS");
}

/* What is said in a clause that is itself only possible: the act's group is
 * in the that-clause or the complement of a verb under could, might or may
 * ("he might tell the committee that he told Reagan twice", "Japan may ask
 * that the U.S. lift its tariffs"): nothing is said yet. */
static int said_only_possibly(const dyad_sentence_view *s, const dyad_cand *c)
{
    static const char *const MAYBE[] = {"could", "might", "may", NULL};
    if (c->vg < 0)
        return 0;
    int32_t j = (int32_t)clause_group(s->vgs, (size_t)c->vg);
    for (int hops = 0; hops < 4; hops++) {
        const dyad_vgroup *g = &s->vgs->g[j];
        int32_t gov = g->comp_of >= 0 ? g->comp_of : g->governor;
        if (gov < 0 || g->subordinate)
            return 0;
        const dyad_vgroup *h = &s->vgs->g[gov];
        for (uint32_t t = h->start; t < h->head; t++)
            if (dyad_view_word_in(s, t, MAYBE))
                return 1;
        j = (int32_t)clause_group(s->vgs, (size_t)gov);
    }
    return 0;
}

/* ---- acts one must still do ---- */

/* A "must", or a "have to", "has to", "need to" (not the past "had to") in
 * [from, to); the "have" may stand right before from ("needs | to release"). */
static int must_in(const dyad_sentence_view *s, uint32_t from, uint32_t to)
{
    static const char *const MUST[] = {"must", NULL};
    static const char *const HAVE[] = {"have", "has", "need", "needs", NULL};
    for (uint32_t t = from; t < to && t < s->n; t++)
        if (dyad_view_word_in(s, t, MUST) ||
            (s->tok[t].tag == TAG_TO && t > 0 && dyad_view_word_in(s, t - 1, HAVE)))
            return 1;
    return 0;
}

/* The act is an obligation still to meet: a "must" or "have to" in its
 * group or in the finite group its clause hangs on ("the subcommittee, which
 * must approve his budget", "China will have to lobby Congress", "banks must
 * become more flexible in providing funds"). A speaker who says another must
 * act makes a demand, which the event stage codes through the verb of saying
 * ("Reagan said Japan must open its markets": 1011); the act is not done. */
static int obligation_to_meet(const dyad_sentence_view *s, const dyad_cand *c)
{
    if (c->vg < 0)
        return 0;
    const dyad_vgroup *g = &s->vgs->g[c->vg], *cl = &s->vgs->g[clause_group(s->vgs, (size_t)c->vg)];
    return must_in(s, g->start, g->head) || must_in(s, cl->start, cl->head);
}

/* An act still to come in the clause of an attitude ("was exceedingly
 * pessimistic that Congress will approve", "is confident Brazil would come up
 * with a plan"): a belief, not an act. */
static int believed_to_come(const dyad_sentence_view *s, const dyad_cand *c)
{
    static const char *const ATTITUDE[] = {"confident", "optimistic", "pessimistic", "hopeful", "doubtful",
                                           "sure", "certain", "convinced", "skeptical", "sceptical", NULL};
    if (c->vg < 0)
        return 0;
    size_t k = clause_group(s->vgs, (size_t)c->vg);
    const dyad_vgroup *g = &s->vgs->g[k];
    if (k == 0 || !(g->future || modal_in(s, g->start, g->head)))
        return 0;
    uint32_t stop = s->vgs->g[k - 1].start;
    for (uint32_t t = g->start; t > stop && g->start - t < 10; t--)
        if (dyad_view_word_in(s, t - 1, ATTITUDE))
            return 1;
    return 0;
}

/* ---- statements about one's own country ---- */

/* Does mention m stand alone, in no compound ("Turkey and Greece")? */
static int single(const dyad_mentions *ms, int32_t m)
{
    for (size_t i = 0; i < ms->n; i++)
        if ((int32_t)i != m && ms->m[i].group == ms->m[m].group)
            return 0;
    return 1;
}

/* Another state than the speaker's is named in the sentence (by its name, not
 * an adjective): the statement may be about it (the relevance stage then looks
 * for its addressee). */
static int other_state_named(const dyad_sentence_view *s, const dyad_mention *src)
{
    for (size_t i = 0; i < s->ms->n; i++)
        if (s->ms->m[i].kind == AK_STATE && strncmp(s->ms->m[i].code, src->code, 3) &&
            s->tok[s->ms->m[i].start].tag != TAG_JJ)   /* "near the Chilean border": a place */
            return 1;
    return 0;
}

static int about_own_country(const dyad_sentence_view *s, const dyad_cand *c)
{
    /* statements and comments (010-013); a policy considered (014) or a
     * denial (016) is an act even with no one named it is aimed at */
    if (c->vg < 0 || strncmp(c->code, "01", 2) || c->code[2] > '3' || c->src < 0 || c->tgt < 0 ||
        !single(s->ms, c->src) || !single(s->ms, c->tgt))
        return 0;
    /* "told Spaniards": the country right after a verb of telling is addressed */
    static const char *const TELL[] = {"told", "tell", "tells", "telling", "assured", "assures", "informed",
                                       "briefed", "addressed", "reassured", NULL};
    const dyad_vgroup *g = &s->vgs->g[c->vg];
    const dyad_mention *src = &s->ms->m[c->src], *tgt = &s->ms->m[c->tgt];
    return tgt->kind == AK_STATE && strlen(tgt->code) == 3 && !strncmp(src->code, tgt->code, 3) &&
           tgt->start > g->head && !(tgt->start == g->end && dyad_view_word_in(s, g->head, TELL)) && !other_state_named(s, src);
}

/* ---- the speaker after the quote read as the target ---- */

static int speaker_as_target(const dyad_sentence_view *s, const dyad_cand *c)
{
    static const char *const SAID[] = {"said", "says", "say", "added", "adds", "stated", "noted", NULL};
    if (c->vg < 0 || dyad_cand_root(c) != 1 || c->tgt < 0)
        return 0;
    size_t k = (size_t)c->vg;
    const dyad_vgroup *g = &s->vgs->g[k];
    if (g->start != g->head || g->start == 0 || !dyad_view_word_in(s, g->head, SAID) || s->ms->m[c->tgt].start != g->end)
        return 0;
    int before = s->tok[g->start - 1].tag;
    if (before != TAG_PPC && before != TAG_PPR)
        return 0;
    for (size_t j = k + 1; j < s->vgs->n; j++) {
        const dyad_vgroup *h = &s->vgs->g[j];
        if (h->finite && !h->subordinate && !h->reduced)
            return 0;   /* "..., said Paul Volcker's decision was a loss": a clause */
    }
    return 1;
}

const char *dyad_modality_drop(const dyad_sentence_view *s, const dyad_cand *c)
{
    if (conditioned_act(s, c))
        return "an act under a condition (if, unless) that is not done";
    if (c->vg >= 0 && counterfactual(s, &s->vgs->g[c->vg]))
        return "a counterfactual ('would have preferred'): not done";
    if (demanded_act(s, c))
        return "an act asked or demanded of someone (urged X to, insist X do): not done";
    if (forecast_of_others(s, c))
        return "an act still to come that another than its actor forecasts (analysts said X will): not done";
    if (obligation_to_meet(s, c))
        return "an obligation still to meet (must, have to): not done";
    if (believed_to_come(s, c))
        return "an act still to come in a clause of attitude (confident, pessimistic that): a belief";
    if (said_only_possibly(s, c))
        return "said or asked in a clause that is itself only possible (might tell X that ...): not done";
    if (unasserted_clause(s, c))
        return "an act in an indirect question (whether) or a clause of time still to come: not done";
    if (c->vg >= 0 && (rumoured(s, &s->vgs->g[c->vg]) || rumoured(s, &s->vgs->g[clause_group(s->vgs, (size_t)c->vg)])))
        return "a clause of speculation, rumour, fear or risk: not said to happen";
    if (c->vg >= 0 && capacity_only(s, &s->vgs->g[c->vg]))
        return "a capacity ('capable of hitting'): not done";
    if (speaker_as_target(s, c))
        return "the speaker named after the quote read as the statement's target";
    return NULL;
}

const char *dyad_modality_own_country(const dyad_sentence_view *s, const dyad_cand *c)
{
    return about_own_country(s, c) ? "a statement about the speaker's own country: about no other actor" : NULL;
}
