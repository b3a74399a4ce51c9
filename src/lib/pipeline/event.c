#include "event.h"
#include "agentless.h"

#include <stdio.h>
#include <string.h>

#include "cameo.h"
#include "pair.h"
#include "pattern.h"
#include "report_scope.h"
#include "subject.h"
#include "util.h"

/* late_target: the verb's clause ends at a subordinate clause ("after", "when",
 * "because" ... before the next finite verb), not at a new main clause. */
static int late_clause(const char *text, const dyad_token *tok, uint32_t from)
{
    static const char *const SUB[] = {"after", "when", "before", "because", "while", "as", "since", NULL};
    for (uint32_t t = from; t-- > 0 && t + 8 > from;) {
        for (int i = 0; SUB[i]; i++)
            if (dyad_tok_is(text, &tok[t], SUB[i]))
                return 1;
        if (dyad_tok_is(text, &tok[t], ",") || dyad_tok_is(text, &tok[t], "and"))
            return 0;
    }
    return 0;
}

/* ... and that clause ends at a comma or a semicolon */
static uint32_t late_end(const char *text, const dyad_token *tok, size_t n, uint32_t from)
{
    uint32_t t = from;
    while (t < n && !dyad_tok_is(text, &tok[t], ",") && !dyad_tok_is(text, &tok[t], ";"))
        t++;
    return t;
}

/* An event with no source actor still stands when its pattern names how it was
 * done and the act is violent: "a roadside bomb killed two soldiers", "three
 * civilians were killed in a suicide bombing", "engaged in ethnic cleansing".
 * Either the pattern has elements before the verb (the weapon is the subject),
 * or the code is unconventional or mass violence (18x, 20x); or (decided by the
 * caller) a passive's "by" names the weapon ("killed by a landmine"). */
static int actorless_ok(const dyad_dict *d, const dyad_verb_code *vc)
{
    if (vc->pattern < 0 || vc->inverse)
        return 0;
    const dyad_pattern *p = &d->pats[vc->pattern];
    if (p->el_n > 1 && d->pels[p->el_first].kind != PEL_VERB)
        for (uint32_t k = 1; k < p->el_n; k++)
            if (d->pels[p->el_first + k].kind == PEL_VERB)
                return 1;
    return (vc->code[0] == '1' && vc->code[1] == '8') || vc->code[0] == '2';
}

/* Aid given as a sum of money is economic aid (CAMEO 071: monetary aid): "gave
 * 5 million dollars of aid", "$3 million in aid" 070 -> 071 (and the appeal,
 * intent and demand forms likewise); not "$50,000 worth of goods" nor "$60
 * million in non-lethal aid" (the value of things given). */
static void money_aid(const char *text, const dyad_token *tok, const dyad_vgroup *g, char code[8])
{
    static const char *const FROM[] = {"070", "023", "033", "103", NULL};
    static const char *const TO[] = {"071", "0231", "0331", "1031"};
    for (int i = 0; FROM[i]; i++)
        if (!strcmp(code, FROM[i])) {
            for (uint32_t t = g->end; t < g->scope_end; t++)
                if (tok[t].kind == TOK_MONEY && t + 2 < g->scope_end &&
                    (dyad_tok_is(text, &tok[t + 1], "in") || dyad_tok_is(text, &tok[t + 1], "of")) &&
                    (dyad_tok_is(text, &tok[t + 2], "aid") || dyad_tok_is(text, &tok[t + 2], "assistance") ||
                     dyad_tok_is(text, &tok[t + 2], "funding") || dyad_tok_is(text, &tok[t + 2], "loans") ||
                     dyad_tok_is(text, &tok[t + 2], "grants") || dyad_tok_is(text, &tok[t + 2], "credit"))) {
                    snprintf(code, 8, "%s", TO[i]);
                    return;
                }
            return;
        }
}

/* Is the group itself negated ("did not clash"), not only through its governor
 * ("won't try to clash")? */
static int own_negation(const char *text, const dyad_token *tok, const dyad_vgroup *g)
{
    for (uint32_t t = g->start; t < g->end; t++)
        if (dyad_tok_is(text, &tok[t], "not") || dyad_tok_is(text, &tok[t], "n't") ||
            dyad_tok_is(text, &tok[t], "never"))
            return 1;
    return 0;
}

/* The object right after group g, or the subject right before a passive, is a
 * proper name (no actor matched it): "investigated Google", "TRW was being
 * investigated". */
static int names_unknown(const dyad_token *tok, const dyad_vgroup *g)
{
    if (g->passive && g->start > 0 && (tok[g->start - 1].tag == TAG_NNP || tok[g->start - 1].tag == TAG_NNPS))
        return 1;
    uint32_t t = g->end;
    while (t < g->scope_end && tok[t].tag == TAG_DT)
        t++;
    return t < g->scope_end && (tok[t].tag == TAG_NNP || tok[t].tag == TAG_NNPS);
}

static int flag_of(const dyad_dict *d, const dyad_vgroup *g)
{
    for (int32_t v = g->verb; v >= 0; v = d->verbs[v].next)
        if (d->verbs[v].flag)
            return d->verbs[v].flag;
    return VF_NONE;
}

static void say(FILE *ex, const char *text, const dyad_token *tok, const dyad_vgroup *g,
                const char *msg, const char *code)
{
    if (!ex)
        return;
    fprintf(ex, "    verb \"%.*s\": %s%s%s\n", (int)tok[g->head].len, text + tok[g->head].off, msg,
            code ? " " : "", code ? code : "");
}

static int add(dyad_cands *out, int32_t src, int32_t tgt, int32_t vg, int32_t pat, const char *code)
{
    if (DYAD_GROW(out->c, out->cap, out->n + 1) < 0)
        return -1;
    dyad_cand *c = &out->c[out->n++];
    c->src = src;
    c->tgt = tgt;
    c->vg = vg;
    c->pattern = pat;
    memcpy(c->code, code, 8);
    c->noun = c->noun_end = 0;
    c->tgt_country = 0;
    c->story_tgt[0] = 0;
    return 0;
}

/* The code a governing verb with flag gives its governed verb's code c. */
static const char *transform(int flag, const char *c, char out[8])
{
    switch (flag) {
    case VF_INTENT: return dyad_cameo_intent(c, out);
    case VF_THREAT: return dyad_cameo_threat(c, out);
    case VF_REFUSE: return dyad_cameo_refuse(c, out);
    case VF_APPEAL: return dyad_cameo_appeal(c, out);
    case VF_DEMAND: return dyad_cameo_demand(c, out);
    default: memcpy(out, c, 8); return out;
    }
}

/* A demand or appeal noun in tokens [from, to) ("its demand", "a call"):
 * VF_DEMAND, VF_APPEAL or 0. */
static int demand_noun(const dyad_dict *d, const dyad_token *tok, uint32_t from, uint32_t to)
{
    static const char *const DEMAND[] = {"demand", "insistence", "ultimatum", NULL};
    static const char *const APPEAL[] = {"call", "appeal", "request", "plea", NULL};
    for (uint32_t t = from; t < to; t++) {
        if (tok[t].word < 0 || (tok[t].tag != TAG_NN && tok[t].tag != TAG_NNS))
            continue;
        int32_t l = dyad_dict_lemma(d, tok[t].word);
        for (int k = 0; DEMAND[k]; k++)
            if (l == dyad_lexicon_find(&d->lex, DEMAND[k], strlen(DEMAND[k])))
                return VF_DEMAND;
        for (int k = 0; APPEAL[k]; k++)
            if (l == dyad_lexicon_find(&d->lex, APPEAL[k], strlen(APPEAL[k])))
                return VF_APPEAL;
    }
    return 0;
}

/* Does a verb with this flag reach a governed verb that is not right after it
 * ("urged Russia to withdraw", "demanded that Russia withdraw")? */
static int reaches_far(int flag) { return flag == VF_APPEAL || flag == VF_DEMAND; }

/* The verb group governed by group k under flag, or -1. */
static int32_t governed_by(const dyad_vgroups *vgs, size_t ng, size_t k, int flag)
{
    for (size_t q = k + 1; q < ng; q++) {
        const dyad_vgroup *g = &vgs->g[q];
        if (g->governor == (int32_t)k && (g->adjacent || reaches_far(flag)))
            return (int32_t)q;
        if (g->comp_of == (int32_t)k && reaches_far(flag))
            return (int32_t)q;
    }
    return -1;
}

/* ---- the stage's state: one record per verb group ---- */

#define MAX_VERBS 64    /* verb groups of a sentence looked at; more are ignored */

/* What the stage knows of each verb group of the sentence. */
typedef struct {
    dyad_verb_code vc;      /* the verb's own code, from its patterns (pattern.h) */
    int32_t subj;           /* its subject, a mention, or -1 */
    int flag;               /* VF_* of its verb */
    uint8_t has;            /* it has an event code (also once coded through a governed verb) */
    uint8_t done;           /* decided by another verb: not coded on its own */
    uint8_t say_pending;    /* a reporting verb's own event, kept when nothing else is */
    uint8_t through;        /* coded through its governing verb */
} verb_info;

typedef struct {
    dyad_sentence_view s;
    size_t ng;              /* verb groups looked at */
    FILE *ex;
    verb_info *v;           /* [ng] */
} event_ctx;

/* One verb's event while it is decided. */
typedef struct {
    dyad_verb_code vc;      /* starts as the verb's own code; transformed below */
    int obligation_of_say;  /* a reporting verb coded as the demand it reports */
    int future_refusal;     /* a negated future made a refusal */
    int32_t src, tgt;       /* mentions, -1 */
    int by_weapon;          /* a passive's "by" names the weapon */
    int venue_only;         /* the only actor after the verb was a venue (pair.h) */
    int tgt_country;        /* the target is a reporting speaker's country (pair.h) */
} verb_event;

static void say_k(const event_ctx *x, size_t k, const char *msg, const char *code)
{
    say(x->ex, x->s.text, x->s.tok, &x->s.vgs->g[k], msg, code);
}

/* "refused to meet him, saying he would only welcome him in Jerusalem": what a
 * reporting participle of an event verb reports is the act's reason, not an
 * event; marks the clause it governs done. */
static void drop_reported(event_ctx *x, size_t k)
{
    for (size_t q = k + 1; q < x->ng; q++) {
        const dyad_vgroup *h = &x->s.vgs->g[q];
        int in = h->comp_of == (int32_t)k || (q == k + 1 && !h->subordinate) ||
                 (h->governor >= 0 && x->v[h->governor].done) || (h->coord >= 0 && x->v[h->coord].done);
        if (!in)
            break;
        x->v[q].done = 1;
        say_k(x, q, "reported by a participle of an event verb; not coded", NULL);
    }
}

/* ---- 1. every verb's subject, own code and flag ---- */

static void analyse_verbs(event_ctx *x, const uint64_t bloom[4], dyad_cands *out)
{
    const char *text = x->s.text;
    const dyad_token *tok = x->s.tok;
    const dyad_mentions *ms = x->s.ms;
    for (size_t k = 0; k < x->ng; k++) {
        const dyad_vgroup *g = &x->s.vgs->g[k];
        verb_info *v = &x->v[k], *p = k > 0 ? &x->v[k - 1] : NULL;
        v->subj = dyad_subject_of(text, tok, ms, x->s.vgs, k);
        if (p && v->subj >= 0 && p->flag == VF_SAY)
            v->subj = dyad_speaker_pronoun(text, tok, ms, &x->s.vgs->g[k - 1], p->subj, v->subj);
        if (p && v->subj < 0 && p->flag != VF_SAY)
            v->subj = dyad_unlisted_pronoun(text, tok, ms, &x->s.vgs->g[k - 1], g, p->subj);
        if (!out->has_main && g->finite && !g->subordinate && g->governor < 0 && g->coord < 0) {
            out->has_main = 1;
            out->main_subject = v->subj;
        }
        uint32_t lo = v->subj >= 0 ? ms->m[v->subj].start : 0;
        v->has = g->verb >= 0 && dyad_verb_code_of(x->s.d, tok, ms, g, lo, bloom, &v->vc);
        if (v->has)
            money_aid(text, tok, g, v->vc.code);
        v->flag = g->verb >= 0 ? flag_of(x->s.d, g) : VF_NONE;
    }
}

/* ---- 2. verbs that are no event of their own ---- */

/* A modifier, a conditional, a verb the dictionary lacks, or one already
 * decided by another verb. */
static int not_an_event(const event_ctx *x, size_t k)
{
    const dyad_vgroup *g = &x->s.vgs->g[k];
    if (x->v[k].done)
        return 1;
    if (g->reduced) {
        say_k(x, k, "participle modifying a noun; not coded", NULL);
        return 1;
    }
    if (g->conditional) {
        say_k(x, k, "in a conditional clause (if, unless, until); not coded", NULL);
        return 1;
    }
    if (g->verb < 0) {
        if (x->ex && x->s.tok[g->head].word >= 0)
            say_k(x, k, "not in the verb dictionary", NULL);
        return 1;
    }
    return 0;
}

/* Governed by an event verb: coded through it, or not at all. A gerund giving a
 * reason or a protest's cause is no event either. */
static int coded_elsewhere(event_ctx *x, size_t k)
{
    const dyad_vgroup *g = &x->s.vgs->g[k];
    const verb_info *v = &x->v[k];
    int32_t gov = g->governor >= 0 ? g->governor : g->comp_of;
    if (gov >= 0) {
        int gf = x->v[gov].flag;
        if (gf == VF_NEGATE && (g->adjacent || g->governor < 0)) {
            say_k(x, k, "governed by a verb of failure; not coded as", v->has ? v->vc.code : NULL);
            return 1;
        }
        if (g->governor >= 0 && gf == VF_NONE && x->v[gov].has) {
            say_k(x, k, "governed by an event verb; not coded on its own", NULL);
            if (v->flag == VF_SAY && g->gerund)
                drop_reported(x, k);
            return 1;
        }
        if (gf != VF_NONE && gf != VF_SAY && gf != VF_NEGATE && (g->adjacent || reaches_far(gf))) {
            say_k(x, k, "coded through its governing verb", NULL);
            x->v[k].through = 1;
            return 1;
        }
        /* "threatened to stop talks to reduce arms": the purpose of a verb
         * that was coded through its own governor */
        if (g->governor >= 0 && g->to_inf && x->v[gov].through) {
            say_k(x, k, "governed by a verb coded through its governor; not coded on its own", NULL);
            return 1;
        }
        if (g->governor >= 0 && gf != VF_NONE && gf != VF_SAY && x->v[gov].has) {
            say_k(x, k, "governed by an event verb; not coded on its own", NULL);
            if (v->flag == VF_SAY && g->gerund)
                drop_reported(x, k);
            return 1;
        }
    }
    /* "is a mainstay of history books for fighting ...", "will be feted for
     * defending ...": a gerund after "for" under a verb that is no event gives
     * a reason, no event of its own (but "claimed responsibility for attacking") */
    if (g->gerund && g->start > 0 && dyad_tok_is(x->s.text, &x->s.tok[g->start - 1], "for") &&
        (gov < 0 || !x->v[gov].has)) {
        say_k(x, k, "gerund giving a reason ('for ...ing'); not coded", NULL);
        return 1;
    }
    /* "blocked roads in Algiers demanding that he be reinstated": a participle
     * after a protest gives the protest's cause, no event of its own */
    if (g->gerund && gov < 0 && k > 0 && x->s.vgs->g[k - 1].finite && x->v[k - 1].has &&
        x->v[k - 1].vc.code[0] == '1' && x->v[k - 1].vc.code[1] == '4') {
        say_k(x, k, "participle giving a protest's cause; not coded", NULL);
        return 1;
    }
    return 0;
}

/* ---- 3. governed-verb transform ---- */

/* A flagged verb (intent, threat, refusal, appeal, demand, aspect) takes its
 * governed verb's code, transformed (cameo.h), and its target. */
static void take_governed_code(event_ctx *x, size_t k, verb_event *e)
{
    const dyad_vgroups *vgs = x->s.vgs;
    const dyad_vgroup *g = &vgs->g[k];
    verb_info *v = &x->v[k];
    int flag = v->flag;
    dyad_verb_code *vc = &e->vc;
    int32_t q = governed_by(vgs, x->ng, k, flag);
    if (q < 0)
        return;
    const verb_info *vq = &x->v[q];
    const dyad_vgroup *gq = &vgs->g[q];
    /* a specific pattern of the governing verb itself wins over the transform */
    int own_specific = v->has && vc->pattern >= 0 && vc->match_end <= gq->end &&
                       !(strlen(vc->code) == 3 && vc->code[2] == '0');
    /* "vowed not to return the Golan Heights": an intent not to make a
     * cooperative act (03-08) is a refusal of it */
    int root_q = (vq->vc.code[0] - '0') * 10 + (vq->vc.code[1] - '0');
    int refusal = vq->has && gq->negated && flag == VF_INTENT && root_q >= 3 && root_q <= 8;
    if (!vq->has || (gq->negated && !refusal) || own_specific)
        return;
    char nc[8];
    /* "wants to meet": with nobody asked, an appeal verb states intent */
    int own = reaches_far(flag) && gq->adjacent;
    transform(own ? VF_INTENT : refusal ? VF_REFUSE : flag, vq->vc.code, nc);
    memcpy(vc->code, nc, 8);
    vc->pattern = vq->vc.pattern;
    if (reaches_far(flag)) {
        /* the party urged is the object, or the subject of the that-clause */
        int32_t t = gq->comp_of == (int32_t)k ? vq->subj : dyad_pair_first_mention(x->s.ms, g->end, gq->start, -1);
        if (t >= 0)
            vc->tgt = t, vc->explicit_tgt = 1;
    } else if (vq->vc.tgt >= 0) {
        vc->tgt = vq->vc.tgt, vc->explicit_tgt = 1;
    } else if (!vc->explicit_tgt) {
        int32_t t = dyad_pair_first_mention(x->s.ms, gq->end, gq->scope_end,
                                  v->subj >= 0 ? x->s.ms->m[v->subj].group : -1);
        if (t >= 0)
            vc->tgt = t, vc->explicit_tgt = 1;
    }
    if (vq->vc.src >= 0 && !reaches_far(flag))
        vc->src = vq->vc.src, vc->inverse = 1;
    v->has = 1;
    if (x->ex)
        fprintf(x->ex, "    verb \"%.*s\" governs \"%.*s\" (%s): code %s\n", (int)x->s.tok[g->head].len,
                x->s.text + x->s.tok[g->head].off, (int)x->s.tok[gq->head].len, x->s.text + x->s.tok[gq->head].off,
                vq->vc.code, nc);
}

/* A reporting verb's clause q holds a demand: the speaker's code becomes
 * new_code (from verb r) towards the clause's subject. */
static void say_as_demand(event_ctx *x, size_t k, size_t q, int32_t r, verb_event *e, const char *nc)
{
    memcpy(e->vc.code, nc, 8);
    e->vc.pattern = x->v[r].vc.pattern;
    e->vc.tgt = x->v[q].subj;
    x->v[k].has = 1;
    x->v[q].done = 1;
    e->obligation_of_say = 1;
}

/* "X said Y must withdraw", "insisted on its demand that Y grant": a reporting
 * verb codes the demand or obligation it reports. */
static void reported_demand(event_ctx *x, size_t k, verb_event *e)
{
    const dyad_vgroups *vgs = x->s.vgs;
    const dyad_vgroup *g = &vgs->g[k];
    for (size_t q = k + 1; q < x->ng; q++) {
        const dyad_vgroup *h = &vgs->g[q];
        if (h->comp_of != (int32_t)k && !(q == k + 1 && !h->subordinate))
            continue;
        /* "insisted on its demand that Y grant", "repeated its call that Y":
         * the that-clause of a demand or an appeal */
        int noun = h->comp_of == (int32_t)k && x->v[q].has && !h->negated
                       ? demand_noun(x->s.d, x->s.tok, g->end, h->start) : 0;
        if (noun) {
            char nc[8];
            transform(noun, x->v[q].vc.code, nc);
            say_as_demand(x, k, q, (int32_t)q, e, nc);
            e->vc.explicit_tgt = x->v[q].subj >= 0;
            if (x->ex)
                fprintf(x->ex, "    verb \"%.*s\" reports a %s (%s): %s\n", (int)x->s.tok[g->head].len,
                        x->s.text + x->s.tok[g->head].off, noun == VF_DEMAND ? "demand" : "call",
                        x->v[q].vc.code, nc);
            break;
        }
        /* "said the US must be ready to mediate": the obligation's governed verb */
        int32_t r = (int32_t)q;
        if (h->obligation && !x->v[q].has && !h->negated && x->v[q].subj >= 0 &&
            (x->v[q].flag == VF_INTENT || x->v[q].flag == VF_ASPECT)) {
            int32_t u = governed_by(vgs, x->ng, q, x->v[q].flag);
            if (u >= 0 && x->v[u].has && !vgs->g[u].negated)
                r = u, x->v[u].done = 1;
        }
        if (h->obligation && x->v[r].has && !h->negated && x->v[q].subj >= 0) {
            char nc[8];
            dyad_cameo_demand(x->v[r].vc.code, nc);
            say_as_demand(x, k, q, r, e, nc);
            e->vc.explicit_tgt = 1;
            if (x->ex)
                fprintf(x->ex, "    verb \"%.*s\" reports an obligation (%s): demand %s\n",
                        (int)x->s.tok[g->head].len, x->s.text + x->s.tok[g->head].off, x->v[r].vc.code, nc);
        }
        break;
    }
}

/* ---- 4. negation and future ---- */

/* Negation (recoded by the code table, a refusal in the future, else no event)
 * and the future (an intent or a threat). Returns 0 when the verb is no event. */
static int negation_future(const event_ctx *x, size_t k, verb_event *e)
{
    const dyad_dict *d = x->s.d;
    const dyad_vgroup *g = &x->s.vgs->g[k];
    const dyad_token *tok = x->s.tok;
    dyad_verb_code *vc = &e->vc;
    FILE *ex = x->ex;
    int flag = x->v[k].flag;
    if (g->negated && d->opts.negation_recode && own_negation(x->s.text, tok, g)) {
        /* negation = recode: the code table says what a negated code becomes */
        const dyad_code_info *info = dyad_dict_code(d, vc->code);
        if (info && info->negated[0]) {
            if (!strcmp(info->negated, "---")) {
                say_k(x, k, "negated, and the negation table has no code for", vc->code);
                return 0;
            }
            if (ex)
                fprintf(ex, "    verb \"%.*s\": negated, %s becomes %s\n", (int)tok[g->head].len,
                        x->s.text + tok[g->head].off, vc->code, info->negated);
            memcpy(vc->code, info->negated, 8);
            vc->code2[0] = 0;
        }
    }
    if (g->negated && !d->opts.negation_code) {
        /* "will not accept", "would not allow": a refusal of a cooperative act */
        int root = (vc->code[0] - '0') * 10 + (vc->code[1] - '0');
        if (!(g->future && root >= 3 && root <= 8 && flag == VF_NONE)) {
            say_k(x, k, "negated; not coded as", vc->code);
            return 0;
        }
        char nc[8];
        dyad_cameo_refuse(vc->code, nc);
        if (ex)
            fprintf(ex, "    verb \"%.*s\": negated future, %s becomes the refusal %s\n",
                    (int)tok[g->head].len, x->s.text + tok[g->head].off, vc->code, nc);
        memcpy(vc->code, nc, 8);
        e->future_refusal = 1;
    }
    int governed_future = g->governor >= 0 && x->s.vgs->g[g->governor].future;
    /* "will lay down their weapons and disband": the modal carries over to a
     * coordinated bare verb */
    if (g->coord >= 0 && x->s.vgs->g[g->coord].future && g->start == g->head && !g->passive &&
        (tok[g->head].tag == TAG_VB || tok[g->head].tag == TAG_VBP))
        governed_future = 1;
    if ((g->future || governed_future) && flag == VF_NONE && !e->future_refusal && !d->opts.future_plain) {
        char nc[8];
        dyad_cameo_future(vc->code, nc);
        if (strcmp(nc, vc->code) != 0 && ex)
            fprintf(ex, "    verb \"%.*s\": future, %s becomes %s\n", (int)tok[g->head].len,
                    x->s.text + tok[g->head].off, vc->code, nc);
        memcpy(vc->code, nc, 8);
    }
    return 1;
}

/* ---- 5. source and target ---- */

/* A passive: the subject undergoes the act; "by X" names who did it. */
static void passive_agent(const event_ctx *x, size_t k, verb_event *e)
{
    const dyad_vgroup *g = &x->s.vgs->g[k];
    const dyad_token *tok = x->s.tok;
    const dyad_mentions *ms = x->s.ms;
    const dyad_verb_code *vc = &e->vc;
    int32_t by = -1;
    /* not the "by" of a later participle: "shot with firearms stolen by X" */
    uint32_t by_end = g->scope_end;
    for (size_t q = k + 1; q < x->ng; q++)
        if (x->s.vgs->g[q].start >= g->end && x->s.vgs->g[q].start < by_end) {
            by_end = x->s.vgs->g[q].start;
            break;
        }
    for (uint32_t t = g->end; t + 1 < by_end; t++)
        if (dyad_tok_is(x->s.text, &tok[t], "by")) {
            /* "by the army", "by a federal grand jury" */
            for (uint32_t u = t + 1; u < g->scope_end && u <= t + 4 && by < 0; u++) {
                by = dyad_mention_starting(ms, u);
                if (tok[u].tag != TAG_DT && tok[u].tag != TAG_JJ && tok[u].tag != TAG_NN &&
                    tok[u].tag != TAG_NNP)
                    break;
            }
            /* "killed by a landmine": the pattern names the weapon after "by" */
            e->by_weapon = by < 0 && vc->pattern >= 0 && vc->match_end > t + 1 &&
                           (vc->code[0] == '2' || (vc->code[0] == '1' && vc->code[1] >= '8'));
            break;
        }
    int32_t src = e->src;
    if (by < 0 && !e->by_weapon && x->s.d->opts.passive_active) {
        /* agentless_passive = active (PETRARCH-1): "X was criticized over its
         * dispute with Y" is coded as if active, X the source */
        e->tgt = vc->explicit_tgt ? vc->tgt
                                  : dyad_pair_first_mention(ms, g->end, g->scope_end, src >= 0 ? ms->m[src].group : -1);
    } else {
        /* "opposed by A and B": a pattern's target inside the by-agent is no target */
        int in_by = by >= 0 && vc->tgt >= 0 && ms->m[vc->tgt].group == ms->m[by].group;
        e->tgt = vc->explicit_tgt && !in_by ? vc->tgt : src;
        e->src = by;
    }
}

static void source_target(const event_ctx *x, size_t k, verb_event *e)
{
    const dyad_vgroup *g = &x->s.vgs->g[k];
    const dyad_mentions *ms = x->s.ms;
    const dyad_verb_code *vc = &e->vc;
    int flag = x->v[k].flag, object_search = 0;
    e->src = x->v[k].subj;
    e->tgt = -1;
    e->by_weapon = 0;
    if (vc->inverse) {
        e->tgt = e->src;
        e->src = vc->src;
    } else if (g->passive || dyad_pair_bare_passive(x->s.text, x->s.tok, x->s.n, g)) {
        passive_agent(x, k, e);
    } else if (vc->explicit_tgt) {
        e->tgt = vc->tgt;
    } else if (flag == VF_SAY && vc->pattern < 0) {
        e->tgt = dyad_mention_starting(ms, g->end);
    } else {
        e->tgt = dyad_pair_first_mention(ms, g->end, g->scope_end, e->src >= 0 ? ms->m[e->src].group : -1);
        object_search = 1;
    }
    int32_t src = e->src, tgt = e->tgt;
    dyad_pair_clause pc = {x->s.text, x->s.tok, x->s.n, ms, x->s.vgs, x->ng};
    tgt = dyad_pair_clause_target(&pc, k, src, tgt, object_search);
    /* "imposed restrictions on its labour market": a pattern's target that
     * refers back to the source's own country is no target */
    if (src >= 0 && tgt >= 0 && tgt != src && ms->m[tgt].is_ref && strlen(ms->m[src].code) >= 3 &&
        memcmp(ms->m[src].code, ms->m[tgt].code, 3) == 0 && ms->m[tgt].start > g->end &&
        dyad_tok_is(x->s.text, &x->s.tok[ms->m[tgt].start], "its"))
        tgt = -1;
    if (tgt < 0 && x->s.d->opts.late_target && !g->subordinate && !g->passive && !vc->inverse &&
        flag != VF_SAY && g->scope_end < x->s.n && late_clause(x->s.text, x->s.tok, g->scope_end))
        /* late_target = yes (PETRARCH-1): "X and Y postponed their meeting after a
         * hafling was reported on the pass of Z": the target from the clause after */
        tgt = dyad_pair_first_mention(ms, g->scope_end, late_end(x->s.text, x->s.tok, x->s.n, g->scope_end),
                            src >= 0 ? ms->m[src].group : -1);
    if (tgt < 0 && vc->comp >= 0)
        tgt = vc->comp; /* '%': the compound's members act on each other */
    if (object_search) /* "shelled and destroyed two Iranian platforms", "launched an offensive, codenamed X, on Y" */
        tgt = dyad_pair_relative_object(&pc, src, dyad_pair_past_aside(&pc, k, src, tgt));
    if (object_search)
        tgt = dyad_pair_shared_object(&pc, k, src, tgt, vc->code,
                                      k + 1 < x->ng && x->v[k + 1].has ? x->v[k + 1].vc.code : NULL);
    if (!vc->inverse && !g->passive) {
        tgt = dyad_pair_skip_venue(x->s.text, x->s.tok, ms, g, vc->code, src, tgt, &e->venue_only);
        tgt = dyad_pair_reciprocal(x->s.text, x->s.tok, g, ms, vc->code, src, tgt);
        tgt = dyad_pair_that_target(x->s.text, x->s.tok, x->s.n, ms, g, vc->code, src, tgt);
        /* "Lebanon's army said Israeli drones struck a car": the reporter's country */
        int32_t q = g->comp_of >= 0 ? g->comp_of : (int32_t)k - 1;
        if (tgt < 0 && q >= 0 && x->v[q].flag == VF_SAY && (g->comp_of >= 0 || !g->subordinate))
            tgt = dyad_pair_reported_target(x->s.text, x->s.tok, ms, &x->s.vgs->g[q], vc->code, src, x->v[q].subj,
                                            &e->tgt_country);
    } else if (!vc->inverse) { /* "the accord was signed by A and B" */
        tgt = dyad_pair_reciprocal(x->s.text, x->s.tok, g, ms, vc->code, src, tgt);
    }
    e->tgt = tgt;
}

/* ---- 6. the candidate ---- */

/* Whether the event stands with the actors it has. */
static int actors_suffice(const event_ctx *x, size_t k, const verb_event *e)
{
    const dyad_vgroup *g = &x->s.vgs->g[k];
    const dyad_verb_code *vc = &e->vc;
    int flag = x->v[k].flag;
    /* "began investigating the fire", "decided to inspect all facilities": an
     * investigation that names neither whom it looks into nor a crime, abuse or
     * military action (091-094) is no event; a name the dictionaries lack
     * ("investigated Google") is still someone */
    if (e->tgt < 0 && !strcmp(vc->code, "090") && !names_unknown(x->s.tok, g)) {
        say_k(x, k, "investigation of no actor; not coded as", vc->code);
        return 0;
    }
    if (e->tgt < 0 && e->venue_only && !strncmp(vc->code, "04", 2) &&
        dyad_pair_meet_verb(x->s.text, x->s.tok, g)) {
        say_k(x, k, "a meeting at a venue with nobody else; not coded as", vc->code);
        return 0;
    }
    if (e->src < 0 && !(flag != VF_SAY && (e->by_weapon || actorless_ok(x->s.d, vc) ||
                                           dyad_unattributed_assault(x->s.text, x->s.tok, x->s.n, x->s.ms, g, vc->pattern, vc->code, e->tgt)))) {
        say_k(x, k, "no source actor; not coded as", vc->code);
        return 0;
    }
    if (flag == VF_SAY && !e->obligation_of_say && vc->pattern < 0 && dyad_hearsay_about_subject(x->s.text, x->s.tok, x->s.n, g)) {
        say_k(x, k, "reporting verb in the passive (hearsay about its subject); not coded as", vc->code);
        return 0;
    }
    if (flag == VF_SAY && !e->obligation_of_say && vc->pattern < 0) {
        const dyad_mention *sm = &x->s.ms->m[e->src];   /* a reporting verb has a source here */
        if (sm->kind == AK_AGENT && !sm->named && strlen(sm->code) <= 3) {
            say_k(x, k, "reporting verb with an unnamed speaker (no country); not coded as", vc->code);
            return 0;
        }
    }
    return 1;
}

/* Adds verb k's event (and its linked pair's) to out; -1 when out of memory. */
static int add_candidate(event_ctx *x, size_t k, const verb_event *e, dyad_cands *out)
{
    const dyad_dict *d = x->s.d;
    const dyad_vgroup *g = &x->s.vgs->g[k];
    const dyad_verb_code *vc = &e->vc;
    FILE *ex = x->ex;
    /* "announced a suspension of air links", "declared a state of
     * emergency": a reporting verb's own pattern is an act, not a statement */
    if (x->v[k].flag == VF_SAY && !e->obligation_of_say && vc->pattern < 0) {
        x->v[k].say_pending = 1;
        /* decided below, once the other verbs are known */
        return add(out, e->src, e->tgt, (int32_t)k, vc->pattern, vc->code);
    }
    if (ex) {
        fprintf(ex, "    verb \"%.*s\": event %s%s%s", (int)x->s.tok[g->head].len,
                x->s.text + x->s.tok[g->head].off, vc->code, vc->inverse ? " (inverse)" : "",
                g->passive ? " (passive)" : "");
        if (vc->pattern >= 0)
            fprintf(ex, " by pattern \"%s\" (%s:%u)", dyad_dict_str(d, d->pats[vc->pattern].text_off),
                    d->files[d->pats[vc->pattern].file], d->pats[vc->pattern].line);
        else
            fprintf(ex, " by the verb's own code");
        fputc('\n', ex);
    }
    if (add(out, e->src, e->tgt, (int32_t)k, vc->pattern, vc->code) < 0)
        return -1;
    out->c[out->n - 1].tgt_country = (uint8_t)e->tgt_country;
    /* a linked pair ("042:043"): the target's act towards the source; only
     * when the code was not transformed (future, intent, refusal ...) */
    const dyad_verb_code *own = &x->v[k].vc;
    if (vc->code2[0] && e->tgt >= 0 && vc->pattern == own->pattern && !strcmp(vc->code, own->code)) {
        if (ex)
            fprintf(ex, "    verb \"%.*s\": linked event %s, target to source\n", (int)x->s.tok[g->head].len,
                    x->s.text + x->s.tok[g->head].off, vc->code2);
        if (add(out, e->tgt, e->src, (int32_t)k, vc->pattern, vc->code2) < 0)
            return -1;
    }
    return 0;
}

/* ---- 7. clause filter ---- */

/* The events of the sentence that reporting verb group say reports
 * (report_scope.h): not the reporting verbs', not one that only describes a
 * noun of the statement. */
static size_t reported_events(const event_ctx *x, const dyad_cands *out, size_t say)
{
    size_t n = 0;
    for (size_t i = 0; i < out->n; i++)
        n += !x->v[out->c[i].vg].say_pending &&
             dyad_reports_event(x->s.text, x->s.tok, x->s.vgs, out, say, (size_t)out->c[i].vg);
    return n;
}

/* Events of subordinate clauses count only when the main clauses have none;
 * reporting verbs only when the sentence has no other event they report. */
static void clause_filter(const event_ctx *x, dyad_cands *out)
{
    const dyad_vgroups *vgs = x->s.vgs;
    size_t main_ev = 0;
    for (size_t i = 0; i < out->n; i++)
        main_ev += !vgs->g[out->c[i].vg].subordinate && !x->v[out->c[i].vg].say_pending;
    if (main_ev) {
        size_t w2 = 0;
        for (size_t i = 0; i < out->n; i++) {
            if (vgs->g[out->c[i].vg].subordinate) {
                say_k(x, (size_t)out->c[i].vg,
                      "in a subordinate clause; the main clause's event stands instead of", out->c[i].code);
                continue;
            }
            out->c[w2++] = out->c[i];
        }
        out->n = w2;
    }
    size_t w = 0;
    for (size_t i = 0; i < out->n; i++) {
        dyad_cand *c = &out->c[i];
        if (x->v[c->vg].say_pending) {
            if (reported_events(x, out, (size_t)c->vg)) {
                say_k(x, (size_t)c->vg, "reporting verb; the reported event stands instead of", c->code);
                continue;
            }
            say_k(x, (size_t)c->vg, "reporting verb, nothing else reported: event", c->code);
        }
        out->c[w++] = *c;
    }
    out->n = w;
}

long dyad_find_events(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                      const dyad_mentions *ms, const dyad_vgroups *vgs, FILE *ex,
                      dyad_cands *out)
{
    out->n = 0;
    out->has_main = 0;
    out->main_subject = -1;
    verb_info v[MAX_VERBS];
    size_t ng = vgs->n < MAX_VERBS ? vgs->n : MAX_VERBS;
    memset(v, 0, ng * sizeof *v);
    event_ctx x = {{d, text, tok, n, ms, vgs}, ng, ex, v};
    uint64_t bloom[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++)
        if (tok[i].lemma >= 0)
            dyad_bloom_set(bloom, tok[i].lemma);
    analyse_verbs(&x, bloom, out);
    for (size_t k = 0; k < x.ng; k++) {
        if (not_an_event(&x, k) || coded_elsewhere(&x, k))
            continue;
        verb_event e;
        memset(&e, 0, sizeof e);
        e.vc = x.v[k].vc;
        int flag = x.v[k].flag;
        if (flag != VF_NONE && flag != VF_SAY && flag != VF_NEGATE)
            take_governed_code(&x, k, &e);
        else if (flag == VF_SAY)
            reported_demand(&x, k, &e);
        if (!x.v[k].has) {
            say_k(&x, k, "no pattern matched and the verb alone is no event", NULL);
            continue;
        }
        if (!negation_future(&x, k, &e))
            continue;
        source_target(&x, k, &e);
        if (actors_suffice(&x, k, &e) && add_candidate(&x, k, &e, out) < 0)
            return -1;
        for (size_t q = k + 1; q < x.ng && dyad_pair_alleged(e.vc.code); q++)
            x.v[q].done |= vgs->g[q].comp_of == (int32_t)k; /* what is alleged is no event */
    }
    clause_filter(&x, out);
    dyad_pair_drop_subsumed(ms, out);
    return (long)out->n;
}
