#include "event.h"

#include <stdio.h>
#include <string.h>

#include "cameo.h"
#include "subject.h"
#include "util.h"

/* The mention starting exactly at token i, or -1 (mentions are in text order). */
static int mention_starting(const dyad_mentions *ms, uint32_t i)
{
    size_t lo = 0, hi = ms->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ms->m[mid].start < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (lo < ms->n && ms->m[lo].start == i) ? (int)lo : -1;
}

/* Does set member run match at token i? Returns its length or 0. */
static uint32_t set_match(const dyad_dict *d, const dyad_set *s, const dyad_token *tok,
                          uint32_t i, uint32_t end)
{
    uint32_t best = 0;
    for (uint32_t k = 0; k < s->mem_n; k++) {
        const dyad_set_member *m = &d->members[s->mem_first + k];
        if (m->n <= best || i + m->n > end)
            continue;
        uint32_t j = 0;
        for (; j < m->n; j++) {
            int32_t w = tok[i + j].lemma;
            if (w < 0 || w != d->member_words[m->first + j])
                break;
        }
        if (j == m->n)
            best = m->n;
    }
    return best;
}

typedef struct {
    int32_t src, tgt;
    int32_t comp; /* '%': a mention of the compound subject, or -1 */
    int n;      /* elements matched */
    uint32_t end; /* token after the last element matched after the verb */
} pat_match;

/* Matches one element at or after *pos (forward) within [*pos, end). */
static int match_fwd(const dyad_dict *d, const dyad_pel *el, const dyad_token *tok,
                     const dyad_mentions *ms, uint32_t *pos, uint32_t end, pat_match *pm)
{
    /* joined to the element before: starts right here or not at all (a set's member
     * of several words may still run on to end: "did_&NEG_ever" with "wo n't") */
    uint32_t last = el->adj && end > *pos + 1 ? *pos + 1 : end;
    for (uint32_t k = *pos; k < last; k++) {
        switch (el->kind) {
        case PEL_WORD:
            if (tok[k].lemma >= 0 && tok[k].lemma == el->id) {
                *pos = k + 1;
                return 1;
            }
            break;
        case PEL_SET: {
            /* no member starts with this word: the bloom filter of first words */
            if (tok[k].lemma < 0 || !dyad_bloom_has(d->sets[el->id].bloom, tok[k].lemma))
                break;
            uint32_t l = set_match(d, &d->sets[el->id], tok, k, end);
            if (l) {
                *pos = k + l;
                return 1;
            }
            break;
        }
        case PEL_COMPOUND: {
            /* '%': a mention here whose compound group has two or more members */
            int m = mention_starting(ms, k);
            if (m < 0)
                break;
            for (size_t o = 0; o < ms->n; o++)
                if (o != (size_t)m && ms->m[o].group == ms->m[m].group) {
                    pm->comp = m;
                    *pos = ms->m[m].end;
                    return 1;
                }
            break;
        }
        case PEL_TARGET:
        case PEL_SOURCE: {
            int m = mention_starting(ms, k);
            if (m >= 0) {
                if (el->kind == PEL_TARGET)
                    pm->tgt = m;
                else
                    pm->src = m;
                *pos = ms->m[m].end;
                return 1;
            }
            break;
        }
        default:
            break;
        }
    }
    return 0;
}

/* Matches an element before the verb, scanning back from *pos-1 down to lo; with
 * joined set (the next element is written joined to this one) it must end at *pos. */
static int match_back(const dyad_dict *d, const dyad_pel *el, const dyad_token *tok,
                      const dyad_mentions *ms, uint32_t *pos, uint32_t lo, pat_match *pm,
                      int joined)
{
    if (joined) {
        dyad_pel here = *el;
        here.adj = 1;
        for (uint32_t k = *pos; k-- > lo && *pos - k <= 6;) {
            uint32_t p = k;
            if (match_fwd(d, &here, tok, ms, &p, *pos, pm) && p == *pos) {
                *pos = k;
                return 1;
            }
            if (el->kind != PEL_SET)
                break;
        }
        return 0;
    }
    /* an element before the verb ends before it (and never past the sentence) */
    uint32_t before = *pos;
    for (uint32_t k = *pos; k-- > lo;) {
        uint32_t p = k, lim = k + 1 + (el->kind == PEL_SET ? 4 : 0);
        if (lim > before)
            lim = before;
        if (match_fwd(d, el, tok, ms, &p, lim, pm) ||
            ((el->kind == PEL_SOURCE || el->kind == PEL_TARGET || el->kind == PEL_COMPOUND) &&
             match_fwd(d, el, tok, ms, &p, k + 1, pm))) {
            *pos = k;
            return 1;
        }
    }
    return 0;
}

static int match_pattern(const dyad_dict *d, const dyad_pattern *p, const dyad_token *tok,
                         const dyad_mentions *ms, const dyad_vgroup *g, uint32_t lo,
                         const uint64_t bloom[4], pat_match *pm)
{
    pm->src = pm->tgt = pm->comp = -1;
    pm->n = 0;
    /* quick rejection: a word the pattern needs is not in the sentence */
    for (int i = 0; i < 4; i++)
        if ((p->need[i] & bloom[i]) != p->need[i])
            return 0;
    for (uint32_t k = 0; k < p->el_n; k++) {
        const dyad_pel *el = &d->pels[p->el_first + k];
        if (el->kind == PEL_SET) {
            const uint64_t *sb = d->sets[el->id].bloom;
            if (!((sb[0] & bloom[0]) | (sb[1] & bloom[1]) | (sb[2] & bloom[2]) | (sb[3] & bloom[3])))
                return 0;
        }
    }
    uint32_t vpos = p->el_n; /* index of * */
    for (uint32_t k = 0; k < p->el_n; k++)
        if (d->pels[p->el_first + k].kind == PEL_VERB)
            vpos = k;
    /* elements before the verb may be among its auxiliaries ("did n't * over") */
    uint32_t back = d->opts.negation_code ? g->head : g->start;
    for (uint32_t k = vpos == p->el_n ? 0 : vpos; k-- > 0;)
        if (!match_back(d, &d->pels[p->el_first + k], tok, ms, &back, lo, pm,
                        d->pels[p->el_first + k + 1].adj))
            return 0;
    uint32_t pos = g->end;
    for (uint32_t k = vpos == p->el_n ? 0 : vpos + 1; k < p->el_n; k++)
        if (!match_fwd(d, &d->pels[p->el_first + k], tok, ms, &pos, g->scope_end, pm))
            return 0;
    pm->n = (int)p->el_n;
    pm->end = pos;
    return 1;
}

/* First mention in [from, to) that can be the target of source group not_group:
 * not the source itself, not the source's own country ("its armed forces"), not
 * unnamed troops ("massed troops near the border"). */
static int32_t first_mention(const dyad_mentions *ms, uint32_t from, uint32_t to, int32_t not_group)
{
    const char *src = not_group >= 0 ? ms->m[not_group].code : NULL;
    for (size_t m = 0; m < ms->n; m++) {
        const dyad_mention *x = &ms->m[m];
        if (x->start < from || x->start >= to || (not_group >= 0 && x->group == not_group))
            continue;
        if (src && x->is_ref && strlen(src) >= 3 && memcmp(src, x->code, 3) == 0)
            continue; /* "its troops", "its border" */
        if (src && strcmp(src, x->code) == 0)
            continue;
        if (x->kind == AK_AGENT && !x->named && strcmp(x->code, "MIL") == 0)
            continue;
        return (int32_t)m;
    }
    return -1;
}

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

typedef struct {
    char code[8];
    char code2[8];          /* the linked pair's second code, or "" */
    int32_t pattern;
    int32_t src, tgt;
    int32_t comp;           /* '%' matched: the compound subject, the target when none other */
    int inverse, explicit_tgt;
    uint32_t match_end;     /* where the pattern's match ends */
} verb_code;

/* The code of group g from its verb's patterns; returns 0 if the verb is no event. */
static int code_of(const dyad_dict *d, const dyad_token *tok, const dyad_mentions *ms,
                   const dyad_vgroup *g, uint32_t lo, const uint64_t bloom[4], verb_code *vc)
{
    memset(vc, 0, sizeof *vc);
    vc->pattern = vc->src = vc->tgt = vc->comp = -1;
    int best = 0;
    const char *dflt = NULL, *dflt2 = NULL;
    /* a block whose verb line lists the very word ("left" beside "leave") gives
     * the default code before blocks that reach it by inflection */
    int32_t head_word = tok[g->head].word, exact = 0;
    for (int32_t v = g->verb; v >= 0 && head_word >= 0; v = d->verbs[v].next)
        if (d->verbs[v].lemma == head_word && !d->verbs[v].multiword && strcmp(d->verbs[v].code, "---") != 0) {
            dflt = d->verbs[v].code;
            dflt2 = d->verbs[v].code2;
            exact = 1;
            break;
        }
    for (int32_t v = g->verb; v >= 0; v = d->verbs[v].next) {
        const dyad_verb *vb = &d->verbs[v];
        if (!exact && !dflt && strcmp(vb->code, "---") != 0 && !vb->multiword) {
            dflt = vb->code;
            dflt2 = vb->code2;
        }
        for (uint32_t i = 0; i < vb->pat_n; i++) {
            const dyad_pattern *p = &d->pats[vb->pat_first + i];
            pat_match pm;
            if ((int)p->el_n > best && match_pattern(d, p, tok, ms, g, lo, bloom, &pm) && pm.n > best) {
                best = pm.n;
                memcpy(vc->code, p->code, 8);
                memcpy(vc->code2, p->code2, 8);
                vc->pattern = (int32_t)(vb->pat_first + i);
                vc->src = pm.src;
                vc->tgt = pm.tgt;
                vc->comp = pm.comp;
                vc->match_end = pm.end;
            }
        }
    }
    if (!best && dflt) {
        memcpy(vc->code, dflt, 8);
        memcpy(vc->code2, dflt2, 8);
    }
    vc->inverse = vc->src >= 0;
    vc->explicit_tgt = vc->tgt >= 0;
    return vc->code[0] && strcmp(vc->code, "---") != 0;
}

/* An event with no source actor still stands when its pattern names how it was
 * done and the act is violent: "a roadside bomb killed two soldiers", "three
 * civilians were killed in a suicide bombing", "engaged in ethnic cleansing".
 * Either the pattern has elements before the verb (the weapon is the subject),
 * or the code is unconventional or mass violence (18x, 20x); or (decided by the
 * caller) a passive's "by" names the weapon ("killed by a landmine"). */
static int actorless_ok(const dyad_dict *d, const verb_code *vc)
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

/* "refused to meet him, saying he would only welcome him in Jerusalem": what a
 * reporting participle of an event verb reports is the act's reason, not an
 * event; marks the clause it governs done. */
static void drop_reported(const char *text, const dyad_token *tok, const dyad_vgroups *vgs,
                          size_t ng, size_t k, int *done, FILE *ex)
{
    for (size_t q = k + 1; q < ng; q++) {
        const dyad_vgroup *h = &vgs->g[q];
        int in = h->comp_of == (int32_t)k || (q == k + 1 && !h->subordinate) ||
                 (h->governor >= 0 && done[h->governor]) || (h->coord >= 0 && done[h->coord]);
        if (!in)
            break;
        done[q] = 1;
        say(ex, text, tok, h, "reported by a participle of an event verb; not coded", NULL);
    }
}

long dyad_find_events(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                      const dyad_mentions *ms, const dyad_vgroups *vgs, FILE *ex,
                      dyad_cands *out)
{
    out->n = 0;
    out->has_main = 0;
    out->main_subject = -1;
    size_t ng = vgs->n;
    verb_code vcs[64];
    int has[64], flags[64], done[64] = {0}, say_pending[64] = {0}, through[64] = {0};
    int32_t subj[64];
    if (ng > 64)
        ng = 64;
    uint64_t bloom[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < n; i++)
        if (tok[i].lemma >= 0)
            dyad_bloom_set(bloom, tok[i].lemma);
    for (size_t k = 0; k < ng; k++) {
        const dyad_vgroup *g = &vgs->g[k];
        subj[k] = dyad_subject_of(text, tok, ms, vgs, k);
        if (k > 0 && subj[k] >= 0 && flags[k - 1] == VF_SAY)
            subj[k] = dyad_speaker_pronoun(text, tok, ms, &vgs->g[k - 1], subj[k - 1], subj[k]);
        if (k > 0 && subj[k] < 0 && flags[k - 1] != VF_SAY)
            subj[k] = dyad_unlisted_pronoun(text, tok, ms, &vgs->g[k - 1], g, subj[k - 1]);
        if (!out->has_main && g->finite && !g->subordinate && g->governor < 0 && g->coord < 0) {
            out->has_main = 1;
            out->main_subject = subj[k];
        }
        uint32_t lo = subj[k] >= 0 ? ms->m[subj[k]].start : 0;
        has[k] = g->verb >= 0 && code_of(d, tok, ms, g, lo, bloom, &vcs[k]);
        if (has[k])
            money_aid(text, tok, g, vcs[k].code);
        flags[k] = g->verb >= 0 ? flag_of(d, g) : VF_NONE;
    }
    for (size_t k = 0; k < ng; k++) {
        const dyad_vgroup *g = &vgs->g[k];
        verb_code vc = vcs[k];
        int flag = flags[k];
        if (done[k])
            continue;
        if (g->reduced) {
            say(ex, text, tok, g, "participle modifying a noun; not coded", NULL);
            continue;
        }
        if (g->conditional) {
            say(ex, text, tok, g, "in a conditional clause (if, unless, until); not coded", NULL);
            continue;
        }
        if (g->verb < 0) {
            if (ex && tok[g->head].word >= 0)
                say(ex, text, tok, g, "not in the verb dictionary", NULL);
            continue;
        }
        /* governed by an event verb: coded through it, or not at all */
        int32_t G = g->governor >= 0 ? g->governor : g->comp_of;
        if (G >= 0) {
            int gf = flags[G];
            if (gf == VF_NEGATE && (g->adjacent || g->governor < 0)) {
                say(ex, text, tok, g, "governed by a verb of failure; not coded as", has[k] ? vc.code : NULL);
                continue;
            }
            if (g->governor >= 0 && gf == VF_NONE && has[G]) {
                say(ex, text, tok, g, "governed by an event verb; not coded on its own", NULL);
                if (flag == VF_SAY && g->gerund)
                    drop_reported(text, tok, vgs, ng, k, done, ex);
                continue;
            }
            if (gf != VF_NONE && gf != VF_SAY && gf != VF_NEGATE &&
                (g->adjacent || reaches_far(gf))) {
                say(ex, text, tok, g, "coded through its governing verb", NULL);
                through[k] = 1;
                continue;
            }
            /* "threatened to stop talks to reduce arms": the purpose of a verb
             * that was coded through its own governor */
            if (g->governor >= 0 && g->to_inf && through[G]) {
                say(ex, text, tok, g, "governed by a verb coded through its governor; not coded on its own", NULL);
                continue;
            }
            if (g->governor >= 0 && gf != VF_NONE && gf != VF_SAY && has[G]) {
                say(ex, text, tok, g, "governed by an event verb; not coded on its own", NULL);
                if (flag == VF_SAY && g->gerund)
                    drop_reported(text, tok, vgs, ng, k, done, ex);
                continue;
            }
        }
        /* "is a mainstay of history books for fighting ...", "will be feted for
         * defending ...": a gerund after "for" under a verb that is no event gives
         * a reason, no event of its own (but "claimed responsibility for attacking") */
        if (g->gerund && g->start > 0 && dyad_tok_is(text, &tok[g->start - 1], "for") && (G < 0 || !has[G])) {
            say(ex, text, tok, g, "gerund giving a reason ('for ...ing'); not coded", NULL);
            continue;
        }
        /* "blocked roads in Algiers demanding that he be reinstated": a participle
         * after a protest gives the protest's cause, no event of its own */
        if (g->gerund && G < 0 && k > 0 && vgs->g[k - 1].finite && has[k - 1] && vcs[k - 1].code[0] == '1' &&
            vcs[k - 1].code[1] == '4') {
            say(ex, text, tok, g, "participle giving a protest's cause; not coded", NULL);
            continue;
        }
        int obligation_of_say = 0, g_future_refusal = 0;
        /* a flagged verb takes its governed verb's code */
        if (flag != VF_NONE && flag != VF_SAY && flag != VF_NEGATE) {
            int32_t q = governed_by(vgs, ng, k, flag);
            /* a specific pattern of the governing verb itself wins over the transform */
            int own_specific = has[k] && vc.pattern >= 0 && q >= 0 &&
                               vc.match_end <= vgs->g[q].end &&
                               !(strlen(vc.code) == 3 && vc.code[2] == '0');
            /* "vowed not to return the Golan Heights": an intent not to make a
             * cooperative act (03-08) is a refusal of it */
            int root_q = q >= 0 ? (vcs[q].code[0] - '0') * 10 + (vcs[q].code[1] - '0') : 0;
            int refusal = q >= 0 && has[q] && vgs->g[q].negated && flag == VF_INTENT && root_q >= 3 &&
                          root_q <= 8;
            if (q >= 0 && has[q] && (!vgs->g[q].negated || refusal) && !own_specific) {
                char nc[8];
                /* "wants to meet": with nobody asked, an appeal verb states intent */
                int own = reaches_far(flag) && vgs->g[q].adjacent;
                transform(own ? VF_INTENT : refusal ? VF_REFUSE : flag, vcs[q].code, nc);
                memcpy(vc.code, nc, 8);
                vc.pattern = vcs[q].pattern;
                if (reaches_far(flag)) {
                    /* the party urged is the object, or the subject of the that-clause */
                    int32_t t = vgs->g[q].comp_of == (int32_t)k ? subj[q]
                                                                : first_mention(ms, g->end, vgs->g[q].start, -1);
                    if (t >= 0)
                        vc.tgt = t, vc.explicit_tgt = 1;
                } else if (vcs[q].tgt >= 0) {
                    vc.tgt = vcs[q].tgt, vc.explicit_tgt = 1;
                } else if (!vc.explicit_tgt) {
                    int32_t t = first_mention(ms, vgs->g[q].end, vgs->g[q].scope_end,
                                              subj[k] >= 0 ? ms->m[subj[k]].group : -1);
                    if (t >= 0)
                        vc.tgt = t, vc.explicit_tgt = 1;
                }
                if (vcs[q].src >= 0 && !reaches_far(flag))
                    vc.src = vcs[q].src, vc.inverse = 1;
                has[k] = 1;
                if (ex)
                    fprintf(ex, "    verb \"%.*s\" governs \"%.*s\" (%s): code %s\n",
                            (int)tok[g->head].len, text + tok[g->head].off,
                            (int)tok[vgs->g[q].head].len, text + tok[vgs->g[q].head].off,
                            vcs[q].code, nc);
            }
        } else if (flag == VF_SAY) {
            /* "X said Y must withdraw": a demand by the speaker */
            for (size_t q = k + 1; q < ng; q++) {
                const dyad_vgroup *h = &vgs->g[q];
                if (h->comp_of != (int32_t)k && !(q == k + 1 && !h->subordinate))
                    continue;
                /* "insisted on its demand that Y grant", "repeated its call that Y":
                 * the that-clause of a demand or an appeal */
                int noun = h->comp_of == (int32_t)k && has[q] && !h->negated ? demand_noun(d, tok, g->end, h->start) : 0;
                if (noun) {
                    char nc[8];
                    transform(noun, vcs[q].code, nc);
                    memcpy(vc.code, nc, 8);
                    vc.pattern = vcs[q].pattern;
                    vc.tgt = subj[q];
                    vc.explicit_tgt = subj[q] >= 0;
                    has[k] = 1;
                    done[q] = 1;
                    obligation_of_say = 1;
                    if (ex)
                        fprintf(ex, "    verb \"%.*s\" reports a %s (%s): %s\n", (int)tok[g->head].len,
                                text + tok[g->head].off, noun == VF_DEMAND ? "demand" : "call", vcs[q].code, nc);
                    break;
                }
                /* "said the US must be ready to mediate": the obligation's governed verb */
                int32_t r = (int32_t)q;
                if (h->obligation && !has[q] && !h->negated && subj[q] >= 0 &&
                    (flags[q] == VF_INTENT || flags[q] == VF_ASPECT)) {
                    int32_t u = governed_by(vgs, ng, q, flags[q]);
                    if (u >= 0 && has[u] && !vgs->g[u].negated)
                        r = u, done[u] = 1;
                }
                if (h->obligation && has[r] && !h->negated && subj[q] >= 0) {
                    char nc[8];
                    dyad_cameo_demand(vcs[r].code, nc);
                    memcpy(vc.code, nc, 8);
                    vc.pattern = vcs[r].pattern;
                    vc.tgt = subj[q];
                    vc.explicit_tgt = 1;
                    has[k] = 1;
                    done[q] = 1;
                    obligation_of_say = 1;
                    if (ex)
                        fprintf(ex, "    verb \"%.*s\" reports an obligation (%s): demand %s\n",
                                (int)tok[g->head].len, text + tok[g->head].off, vcs[r].code, nc);
                }
                break;
            }
        }
        if (!has[k]) {
            say(ex, text, tok, g, "no pattern matched and the verb alone is no event", NULL);
            continue;
        }
        if (g->negated && d->opts.negation_recode && own_negation(text, tok, g)) {
            /* negation = recode: the code table says what a negated code becomes */
            const dyad_code_info *ci = dyad_dict_code(d, vc.code);
            if (ci && ci->negated[0]) {
                if (!strcmp(ci->negated, "---")) {
                    say(ex, text, tok, g, "negated, and the negation table has no code for", vc.code);
                    continue;
                }
                if (ex)
                    fprintf(ex, "    verb \"%.*s\": negated, %s becomes %s\n", (int)tok[g->head].len,
                            text + tok[g->head].off, vc.code, ci->negated);
                memcpy(vc.code, ci->negated, 8);
                vc.code2[0] = 0;
            }
        }
        if (g->negated && !d->opts.negation_code) {
            /* "will not accept", "would not allow": a refusal of a cooperative act */
            int root = (vc.code[0] - '0') * 10 + (vc.code[1] - '0');
            if (g->future && root >= 3 && root <= 8 && flag == VF_NONE) {
                char nc[8];
                dyad_cameo_refuse(vc.code, nc);
                if (ex)
                    fprintf(ex, "    verb \"%.*s\": negated future, %s becomes the refusal %s\n",
                            (int)tok[g->head].len, text + tok[g->head].off, vc.code, nc);
                memcpy(vc.code, nc, 8);
                g_future_refusal = 1;
            } else {
                say(ex, text, tok, g, "negated; not coded as", vc.code);
                continue;
            }
        }
        int governed_future = g->governor >= 0 && vgs->g[g->governor].future;
        /* "will lay down their weapons and disband": the modal carries over to a
         * coordinated bare verb */
        if (g->coord >= 0 && vgs->g[g->coord].future && g->start == g->head && !g->passive &&
            (tok[g->head].tag == TAG_VB || tok[g->head].tag == TAG_VBP))
            governed_future = 1;
        if ((g->future || governed_future) && flag == VF_NONE && !g_future_refusal &&
            !d->opts.future_plain) {
            char nc[8];
            dyad_cameo_future(vc.code, nc);
            if (strcmp(nc, vc.code) != 0 && ex)
                fprintf(ex, "    verb \"%.*s\": future, %s becomes %s\n", (int)tok[g->head].len,
                        text + tok[g->head].off, vc.code, nc);
            memcpy(vc.code, nc, 8);
        }
        int32_t src = subj[k], tgt = -1;
        int by_weapon = 0;
        if (vc.inverse) {
            tgt = src;
            src = vc.src;
        } else if (g->passive) {
            /* the subject undergoes the act; "by X" names who did it */
            int32_t by = -1;
            /* not the "by" of a later participle: "shot with firearms stolen by X" */
            uint32_t by_end = g->scope_end;
            for (size_t q = k + 1; q < ng; q++)
                if (vgs->g[q].start >= g->end && vgs->g[q].start < by_end) {
                    by_end = vgs->g[q].start;
                    break;
                }
            for (uint32_t t = g->end; t + 1 < by_end; t++)
                if (dyad_tok_is(text, &tok[t], "by")) {
                    /* "by the army", "by a federal grand jury" */
                    for (uint32_t u = t + 1; u < g->scope_end && u <= t + 4 && by < 0; u++) {
                        by = mention_starting(ms, u);
                        if (tok[u].tag != TAG_DT && tok[u].tag != TAG_JJ && tok[u].tag != TAG_NN &&
                            tok[u].tag != TAG_NNP)
                            break;
                    }
                    /* "killed by a landmine": the pattern names the weapon after "by" */
                    by_weapon = by < 0 && vc.pattern >= 0 && vc.match_end > t + 1 &&
                                (vc.code[0] == '2' || (vc.code[0] == '1' && vc.code[1] >= '8'));
                    break;
                }
            if (by < 0 && !by_weapon && d->opts.passive_active) {
                /* agentless_passive = active (PETRARCH-1): "X was criticized over its
                 * dispute with Y" is coded as if active, X the source */
                tgt = vc.explicit_tgt ? vc.tgt
                                      : first_mention(ms, g->end, g->scope_end, src >= 0 ? ms->m[src].group : -1);
            } else {
                tgt = vc.explicit_tgt ? vc.tgt : src;
                src = by;
            }
        } else if (vc.explicit_tgt) {
            tgt = vc.tgt;
        } else if (flag == VF_SAY && vc.pattern < 0) {
            tgt = mention_starting(ms, g->end);
        } else {
            tgt = first_mention(ms, g->end, g->scope_end, src >= 0 ? ms->m[src].group : -1);
        }
        /* "imposed restrictions on its labour market": a pattern's target that
         * refers back to the source's own country is no target */
        if (src >= 0 && tgt >= 0 && tgt != src && ms->m[tgt].is_ref && strlen(ms->m[src].code) >= 3 &&
            memcmp(ms->m[src].code, ms->m[tgt].code, 3) == 0 && ms->m[tgt].start > g->end &&
            dyad_tok_is(text, &tok[ms->m[tgt].start], "its"))
            tgt = -1;
        if (tgt < 0 && d->opts.late_target && !g->subordinate && !g->passive && !vc.inverse &&
            flag != VF_SAY && g->scope_end < n && late_clause(text, tok, g->scope_end))
            /* late_target = yes (PETRARCH-1): "X and Y postponed their meeting after a
             * hafling was reported on the pass of Z": the target from the clause after */
            tgt = first_mention(ms, g->scope_end, late_end(text, tok, n, g->scope_end),
                                src >= 0 ? ms->m[src].group : -1);
        if (tgt < 0 && vc.comp >= 0)
            tgt = vc.comp; /* '%': the compound's members act on each other */
        /* "began investigating the fire", "decided to inspect all facilities": an
         * investigation that names neither whom it looks into nor a crime, abuse or
         * military action (091-094) is no event; a name the dictionaries lack
         * ("investigated Google") is still someone */
        if (tgt < 0 && !strcmp(vc.code, "090") && !names_unknown(tok, g)) {
            say(ex, text, tok, g, "investigation of no actor; not coded as", vc.code);
            continue;
        }
        if (src < 0 && !(flag != VF_SAY && (by_weapon || actorless_ok(d, &vc)))) {
            say(ex, text, tok, g, "no source actor; not coded as", vc.code);
            continue;
        }
        if (flag == VF_SAY && !obligation_of_say && vc.pattern < 0 && ms->m[src].kind == AK_AGENT &&
            !ms->m[src].named && strlen(ms->m[src].code) <= 3) {
            say(ex, text, tok, g, "reporting verb with an unnamed speaker (no country); not coded as", vc.code);
            continue;
        }
        /* "announced a suspension of air links", "declared a state of
         * emergency": a reporting verb's own pattern is an act, not a statement */
        if (flag == VF_SAY && !obligation_of_say && vc.pattern < 0) {
            say_pending[k] = 1;
            /* decided below, once the other verbs are known */
            if (add(out, src, tgt, (int32_t)k, vc.pattern, vc.code) < 0)
                return -1;
            continue;
        }
        if (ex) {
            fprintf(ex, "    verb \"%.*s\": event %s%s%s", (int)tok[g->head].len,
                    text + tok[g->head].off, vc.code, vc.inverse ? " (inverse)" : "",
                    g->passive ? " (passive)" : "");
            if (vc.pattern >= 0)
                fprintf(ex, " by pattern \"%s\" (%s:%u)", dyad_dict_str(d, d->pats[vc.pattern].text_off),
                        d->files[d->pats[vc.pattern].file], d->pats[vc.pattern].line);
            else
                fprintf(ex, " by the verb's own code");
            fputc('\n', ex);
        }
        if (add(out, src, tgt, (int32_t)k, vc.pattern, vc.code) < 0)
            return -1;
        /* a linked pair ("042:043"): the target's act towards the source; only
         * when the code was not transformed (future, intent, refusal ...) */
        if (vc.code2[0] && tgt >= 0 && vc.pattern == vcs[k].pattern && !strcmp(vc.code, vcs[k].code)) {
            if (ex)
                fprintf(ex, "    verb \"%.*s\": linked event %s, target to source\n", (int)tok[g->head].len,
                        text + tok[g->head].off, vc.code2);
            if (add(out, tgt, src, (int32_t)k, vc.pattern, vc.code2) < 0)
                return -1;
        }
    }
    /* events of subordinate clauses count only when the main clauses have none */
    size_t main_ev = 0;
    for (size_t i = 0; i < out->n; i++)
        main_ev += !vgs->g[out->c[i].vg].subordinate && !say_pending[out->c[i].vg];
    if (main_ev) {
        size_t w2 = 0;
        for (size_t i = 0; i < out->n; i++) {
            if (vgs->g[out->c[i].vg].subordinate) {
                say(ex, text, tok, &vgs->g[out->c[i].vg],
                    "in a subordinate clause; the main clause's event stands instead of", out->c[i].code);
                continue;
            }
            out->c[w2++] = out->c[i];
        }
        out->n = w2;
    }
    /* reporting verbs count only when the sentence has no other event */
    size_t others = 0;
    for (size_t i = 0; i < out->n; i++)
        others += !say_pending[out->c[i].vg];
    size_t w = 0;
    for (size_t i = 0; i < out->n; i++) {
        dyad_cand *c = &out->c[i];
        if (say_pending[c->vg]) {
            const dyad_vgroup *g = &vgs->g[c->vg];
            if (others) {
                say(ex, text, tok, g, "reporting verb; the reported event stands instead of", c->code);
                continue;
            }
            say(ex, text, tok, g, "reporting verb, nothing else reported: event", c->code);
        }
        out->c[w++] = *c;
    }
    out->n = w;
    return (long)out->n;
}
