/* phrase.c - verb groups: grouping, linking, clause extent (phrase.h). */
#include "phrase.h"

#include <string.h>

#include "date.h"
#include "util.h"
#include "word_class.h"

/* Is there a finite verb in the sentence other than the token at head? */
static int other_finite(const dyad_token *tok, size_t n, size_t head)
{
    for (size_t k = 0; k < n; k++)
        if (k != head && (tok[k].tag == TAG_VBD || tok[k].tag == TAG_VBZ || tok[k].tag == TAG_VBP ||
                          tok[k].tag == TAG_MD))
            return 1;
    return 0;
}

/* A personal pronoun that can be a subject. */
static int is_subject_pronoun(const char *text, const dyad_token *t)
{
    static const char *const W[] = {"they", "he", "she", "we", "it", "i", "you", NULL};
    for (int k = 0; W[k]; k++)
        if (dyad_tok_is(text, t, W[k]))
            return 1;
    return 0;
}

/* A day named between a verb and its infinitive: "failed Wednesday to renew". */
static int day_word(const char *text, const dyad_token *t)
{
    static const char *const W[] = {"today", "yesterday", "tonight", "monday", "tuesday", "wednesday",
                                    "thursday", "friday", "saturday", "sunday", NULL};
    for (int i = 0; W[i]; i++)
        if (dyad_tok_is(text, t, W[i]))
            return 1;
    return 0;
}

/* A semicolon, dash or subordinating word in tokens [from, to)? */
static int boundary_between(const unsigned short *cls, uint32_t from, uint32_t to)
{
    for (uint32_t t = from; t < to; t++)
        if (cls[t] & (WC_STOP | WC_SUBORD))
            return 1;
    return 0;
}

/* Tokens (t, end) after a temporal word at t: a noun phrase with no verb, then a
 * comma ("after a 12-year rift, ..."). */
static int temporal_phrase(const char *text, const dyad_token *tok, uint32_t t, uint32_t end)
{
    uint32_t k = t + 1;
    for (; k < end && !dyad_tok_is(text, &tok[k], ","); k++)
        if (tok[k].tag == TAG_VB || tok[k].tag == TAG_VBD || tok[k].tag == TAG_VBZ ||
            tok[k].tag == TAG_VBP || tok[k].tag == TAG_VBN || tok[k].tag == TAG_VBG ||
            tok[k].tag == TAG_MD)
            return 0;
    return k > t + 1 && k < end;
}

/* that_clause = object (PETRARCH): the that-clause of a verb with no flag is part
 * of the verb's clause, so that its actors are the verb's targets and its words
 * meet the verb's patterns ("X allowed that Y is no pleasant place"). */
static void that_clause_as_object(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                                  dyad_vgroups *out)
{
    for (size_t q = 1; q < out->n; q++) {
        /* the whether-clause too: "began to question whether he has a future with Y" */
        dyad_vgroup *p = &out->g[q - 1];
        const dyad_vgroup *h = &out->g[q];
        if (p->verb < 0 || d->verbs[p->verb].flag != VF_NONE || p->scope_end > h->start ||
            h->scope_end <= p->scope_end)
            continue;
        for (uint32_t t = p->end; t < h->start && t < n; t++)
            if (dyad_tok_is(text, &tok[t], "whether")) {
                p->scope_end = h->scope_end;
                break;
            }
    }
    for (size_t q = 0; q < out->n; q++) {
        const dyad_vgroup *h = &out->g[q];
        if (h->comp_of < 0)
            continue;
        dyad_vgroup *g = &out->g[h->comp_of];
        if (g->verb < 0 || d->verbs[g->verb].flag != VF_NONE)
            continue;
        uint32_t e = h->scope_end;
        for (size_t r = q + 1; r < out->n && out->g[r].governor >= (int32_t)q; r++)
            if (out->g[r].scope_end > e)
                e = out->g[r].scope_end; /* "... place to visit" */
        if (e > g->scope_end)
            g->scope_end = e;
    }
}

/* ---- grouping ---- */

/* The tokens of the verb group that opens at i: [i, *end), its main verb *head.
 * Adverbs, negation and "is to" go on; a verb after a main verb ends it. */
static void group_extent(const dyad_token *tok, size_t n, const unsigned short *cls, size_t i,
                         int to_inf, size_t *end, size_t *head)
{
    size_t e = i + 1, h = to_inf ? i + 1 : i;
    int main_seen = 0; /* a verb that is not an auxiliary ends the group */
    for (size_t k = to_inf ? i + 1 : i; k < n; k++) {
        if (dyad_tag_is_verb(tok[k].tag)) {
            if (main_seen)
                break; /* "is considering giving": giving is governed */
            h = k;
            e = k + 1;
            if (tok[k].tag != TAG_MD && !(cls[k] & WC_AUX))
                main_seen = 1;
        } else if (tok[k].tag == TAG_RB || (cls[k] & WC_NEG) ||
                   /* "was heavily and unjustly criticized" */
                   ((cls[k] & WC_COORD) && k > i && tok[k - 1].tag == TAG_RB && k + 1 < n &&
                    tok[k + 1].tag == TAG_RB) ||
                   (tok[k].tag == TAG_TO && k + 1 < n && tok[k + 1].tag == TAG_VB &&
                    k > i && (cls[k - 1] & WC_AUXTO))) {
            continue;
        } else {
            break;
        }
    }
    *end = e;
    *head = h;
}

/* A lone participle before a noun is an adjective: "precision guided missiles",
 * "the disputed election"; but not when the sentence has no other finite verb:
 * "The union held talks with the government". */
static int participle_as_adjective(const dyad_token *tok, size_t n, const dyad_mentions *ms,
                                   size_t s, size_t e, size_t head)
{
    size_t noun = e; /* "an improvised explosive device": adjectives between */
    while (noun < n && noun < e + 2 && tok[noun].tag == TAG_JJ)
        noun++;
    return head == s && s > 0 && (tok[head].tag == TAG_VBN || tok[head].tag == TAG_VBG) && noun < n &&
           (tok[head].tag != TAG_VBN || tok[s - 1].tag != TAG_NN || other_finite(tok, n, head)) &&
           (tok[noun].tag == TAG_NN || tok[noun].tag == TAG_NNS ||
            (tok[s - 1].tag == TAG_POS && tok[noun].tag == TAG_NNP)) &&
           (dyad_mention_at(ms, (uint32_t)e) < 0 || tok[s - 1].tag == TAG_POS) &&
           (tok[s - 1].tag == TAG_NN || tok[s - 1].tag == TAG_DT || tok[s - 1].tag == TAG_JJ ||
            tok[s - 1].tag == TAG_POS);
}

/* The dictionary verb of the head token, or of the head without a "re" prefix
 * ("reimposed", "re-imposed"); -1 when none. */
static int32_t head_verb(const dyad_dict *d, const char *text, const dyad_token *t)
{
    int32_t verb = t->verb;
    if (verb < 0 && t->len > 5 && t->kind == TOK_WORD) {
        const char *hs = text + t->off;
        size_t skip = (hs[0] == 'r' || hs[0] == 'R') && (hs[1] == 'e' || hs[1] == 'E')
                          ? (hs[2] == '-' ? 3 : 2) : 0;
        char low[64];
        if (skip && t->len - skip < sizeof low) {
            size_t l = dyad_lower(low, sizeof low, hs + skip, t->len - skip);
            int32_t w = dyad_lexicon_find(&d->lex, low, l);
            if (w >= 0)
                verb = d->word_verb[w];
        }
    }
    return verb;
}

/* "Islamabad said Afghan forces attacked ...": a past form right after a
 * reporting verb and a plain noun phrase (its subject) is the reported
 * clause's finite verb, not a participle modifying the noun (but "said troops
 * deployed by NATO ..." is one). s, e: the group's tokens. */
static int reported_clause_verb(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                                const dyad_vgroups *out, size_t s, size_t e)
{
    if (out->n == 0 || (e < n && dyad_tok_is(text, &tok[e], "by")))
        return 0;
    const dyad_vgroup *p = &out->g[out->n - 1];
    if (!p->finite || p->verb < 0 || d->verbs[p->verb].flag != VF_SAY || p->end >= s)
        return 0;
    int noun = 0;
    for (size_t t = p->end; t < s; t++) {
        int tag = tok[t].tag;
        if (!(dyad_tag_is_noun(tag) || tag == TAG_DT || tag == TAG_JJ || tag == TAG_POS || tag == TAG_CD ||
              tag == TAG_PRPS))
            return 0;
        noun |= dyad_tag_is_noun(tag);
    }
    return noun;
}

/* Voice, negation, future, obligation, gerund and finiteness of group g, whose
 * tokens are set; out->n groups come before it. */
static void group_features(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                           const unsigned short *cls, const dyad_vgroups *out, dyad_vgroup *g)
{
    size_t s = g->start, e = g->end, head = g->head;
    int to_inf = g->to_inf, be = 0, has_aux = 0;
    for (size_t k = s; k < e; k++) {
        if (k < head && (cls[k] & WC_BE))
            be = 1;
        if (k < head && dyad_tag_is_verb(tok[k].tag))
            has_aux = 1;
        if (cls[k] & WC_NEG)
            g->negated = 1;
        if (tok[k].tag == TAG_MD && (dyad_tok_is(text, &tok[k], "must") ||
                                     dyad_tok_is(text, &tok[k], "should") ||
                                     dyad_tok_is(text, &tok[k], "ought")))
            g->obligation = 1;
        if ((cls[k] & WC_FUT) && tok[k].tag == TAG_MD)
            g->future = 1;
        if (tok[k].tag == TAG_TO && k > s && k + 1 < e)
            g->future = 1; /* is to / going to */
    }
    /* "is prepared to", "was determined to": a verb that governs an infinitive
     * is used as an adjective, not as a passive */
    /* "was scheduled today to meet": a day word before the "to" */
    size_t inf = e;
    if (inf + 1 < n && tok[inf + 1].tag == TAG_TO &&
        (dyad_tok_is(text, &tok[inf], "today") || dyad_tok_is(text, &tok[inf], "tomorrow")))
        inf++;
    if (tok[head].tag == TAG_VBN && be &&
        !(inf < n && tok[inf].tag == TAG_TO && g->verb >= 0 && d->verbs[g->verb].flag != VF_NONE) &&
        /* "Israel is opposed to French mediation": a stance, not a passive */
        !(e < n && tok[e].tag == TAG_TO && dyad_tok_is(text, &tok[head], "opposed")))
        g->passive = 1;
    if (tok[head].tag == TAG_VBG && !has_aux && !to_inf)
        g->gerund = 1;
    /* "a resolution censuring X", "workers demanding": a participle right after
     * a noun modifies it */
    if (g->gerund && s > 0 && s == head &&
        (tok[s - 1].tag == TAG_NN || tok[s - 1].tag == TAG_NNS) && out->n > 0)
        g->reduced = 1;
    g->finite = !to_inf && !g->gerund;
    /* "accused X and threatened to ...": a coordinated verb, not a modifier; a
     * past participle with no auxiliary after a finite verb is a reduced relative
     * ("the troops deployed in Kosovo") */
    int coordinated = s > 0 && tok[s - 1].tag == TAG_CC;
    if (tok[head].tag == TAG_VBN && !has_aux && !to_inf && !coordinated) {
        for (size_t q = 0; q < out->n; q++)
            if (out->g[q].finite)
                g->reduced = 1;
        if (g->reduced && reported_clause_verb(d, text, tok, n, out, s, e))
            g->reduced = 0;
        if (g->reduced)
            g->finite = 0;
    }
}

/* Groups the sentence's verbal tokens; returns 0 or -1 when out of memory. */
static int group_verbs(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                       const unsigned short *cls, const dyad_mentions *ms, dyad_vgroups *out)
{
    size_t i = 0;
    while (i < n) {
        int to_inf = 0;
        size_t s = i;
        if (tok[i].tag == TAG_TO && i + 1 < n &&
            (tok[i + 1].tag == TAG_VB ||
             (tok[i + 1].tag == TAG_RB && i + 2 < n && tok[i + 2].tag == TAG_VB))) {
            to_inf = 1; /* "to lift", "to immediately lift" */
        } else if (!dyad_tag_is_verb(tok[i].tag)) {
            i++;
            continue;
        }
        /* inside a mention ("the Defence Ministry said"): not a verb */
        int inside = 0;
        for (size_t k = 0; k < ms->n; k++)
            if (ms->m[k].start <= i && i < ms->m[k].end)
                inside = 1;
        if (inside) {
            i++;
            continue;
        }
        size_t e, head;
        group_extent(tok, n, cls, i, to_inf, &e, &head);
        if (participle_as_adjective(tok, n, ms, s, e, head)) {
            i = e;
            continue;
        }
        if (DYAD_GROW(out->g, out->cap, out->n + 1) < 0)
            return -1;
        dyad_vgroup *g = &out->g[out->n];
        memset(g, 0, sizeof *g);
        g->start = (uint32_t)s;
        g->end = (uint32_t)e;
        g->head = (uint32_t)head;
        g->governor = g->coord = g->comp_of = -1;
        /* "not to impose", "never to return" */
        if (to_inf && s > 0 && (cls[s - 1] & WC_NEG))
            g->negated = 1;
        g->to_inf = (uint8_t)to_inf;
        g->verb = head_verb(d, text, &tok[head]);
        group_features(d, text, tok, n, cls, out, g);
        out->n++;
        i = e;
    }
    return 0;
}

/* "two clubbers arrested in Bali were paraded": a participle with no auxiliary
 * right after a noun, with the clause's finite verb still to come, modifies the
 * noun. */
static void mark_reduced_relatives(const dyad_token *tok, const unsigned short *cls, dyad_vgroups *out)
{
    for (size_t k = 0; k + 1 < out->n; k++) {
        dyad_vgroup *g = &out->g[k];
        if (g->reduced || g->to_inf || g->start != g->head || tok[g->head].tag != TAG_VBN ||
            g->start == 0 || !dyad_tag_is_noun(tok[g->start - 1].tag))
            continue;
        const dyad_vgroup *q = &out->g[k + 1];
        if (!q->finite)
            continue;
        int open = 1;
        for (uint32_t t = g->end; t < q->start; t++)
            if (cls[t] & (WC_STOP | WC_COMMA | WC_COORD | WC_SUBORD | WC_THAT | WC_WH))
                open = 0;
        if (open)
            g->reduced = 1, g->finite = 0;
    }
}

/* ---- linking ---- */

/* Group k governed by the group before it: "urged X to withdraw", "accused X of
 * attacking"; b: the first token before group k's adverbs. */
static void link_governed(const dyad_dict *d, const char *text, const dyad_token *tok, dyad_vgroups *out,
                          size_t k, uint32_t b, int boundary)
{
    dyad_vgroup *g = &out->g[k], *p = &out->g[k - 1];
    /* "accused X of attacking", "resorted to throwing", "committed to opening" */
    int prep_before = b > 0 && (tok[b - 1].tag == TAG_IN ||
                                (tok[b - 1].tag == TAG_TO && p->verb >= 0 &&
                                 d->verbs[p->verb].flag != VF_NONE));
    if (!boundary && (g->to_inf || (g->gerund && (prep_before || b == p->end)))) {
        g->governor = (int32_t)(k - 1);
        uint32_t gap = 0, plain = 1;
        for (uint32_t t = p->end; t < g->start; t++, gap++)
            if (tok[t].tag != TAG_JJ && tok[t].tag != TAG_RB && tok[t].tag != TAG_VBN &&
                !(g->gerund && t + 1 == b && tok[t].tag == TAG_TO) && !day_word(text, &tok[t]))
                plain = 0;
        g->adjacent = (uint8_t)(plain && gap <= 2);
    }
}

/* Group k after a comma or a coordinating word: governed by an earlier verb, or
 * coordinated with one ("... and bombed"). */
static void link_coordinated(const dyad_token *tok, const unsigned short *cls, dyad_vgroups *out,
                             size_t k, uint32_t b, int boundary)
{
    dyad_vgroup *g = &out->g[k], *p = &out->g[k - 1];
    /* a participle after a comma elaborates the finite verb before it ("lifted
     * sanctions, ending two decades of restrictions"): governed by it */
    if (g->governor < 0 && b > p->end && g->gerund && (cls[b - 1] & WC_COMMA)) {
        /* the nearest finite verb before, past the infinitives, gerunds and
         * modifiers it governs ("urged Uganda to repatriate them to face
         * trial, accusing them of ..."), within the same clause */
        int32_t q = (int32_t)(k - 1);
        while (q >= 0 && !out->g[q].finite && !boundary_between(cls, out->g[q].end, out->g[q + 1].start))
            q--;
        if (q >= 0 && out->g[q].finite && !boundary_between(cls, out->g[q].end, out->g[q + 1].start))
            g->governor = q;
    }
    /* a gerund coordinated with a governed gerund shares its governor:
     * "killing one person and arresting 12" */
    if (g->governor < 0 && b > p->end && g->gerund && p->gerund && p->governor >= 0 &&
        (cls[b - 1] & WC_COORD))
        g->governor = p->governor;
    /* a bare verb coordinated with an infinitive is an infinitive of the
     * same governor: "refused to allow planes to land and evacuate ..." */
    if (g->governor < 0 && b > p->end && (cls[b - 1] & WC_COORD) && p->to_inf && p->governor >= 0 &&
        g->start == g->head && tok[g->head].tag == TAG_VB && !boundary) {
        g->governor = p->governor;
        g->to_inf = 1;
        g->finite = 0;
        g->adjacent = p->adjacent;
    }
    /* coordination: "... and bombed" */
    if (g->governor < 0 && b > p->end && (cls[b - 1] & WC_COORD)) {
        int32_t c = (int32_t)(k - 1);
        /* a finite verb joins the last finite verb, over modifiers between
         * ("resolve the festering crisis and threatened ...") */
        while (c >= 0 && (out->g[c].governor >= 0 || (g->finite && !out->g[c].finite && c > 0)))
            c = out->g[c].governor >= 0 ? out->g[c].governor : c - 1;
        g->coord = c;
        /* "were killed or wounded": the second participle is passive too */
        if (c >= 0 && out->g[c].passive && g->start == g->head && tok[g->head].tag == TAG_VBN)
            g->passive = 1;
    }
}

/* Links group k (k > 0) to the groups before it: governor or coordination. */
static void link_group(const dyad_dict *d, const char *text, const dyad_token *tok,
                       const unsigned short *cls, dyad_vgroups *out, size_t k)
{
    dyad_vgroup *g = &out->g[k], *p = &out->g[k - 1];
    int boundary = 0;
    for (uint32_t t = p->end; t < g->start; t++)
        if (cls[t] & (WC_STOP | WC_SUBORD))
            boundary = 1;
    uint32_t b = g->start;
    while (b > p->end && tok[b - 1].tag == TAG_RB)
        b--;
    link_governed(d, text, tok, out, k, b, boundary);
    link_coordinated(tok, cls, out, k, b, boundary);
}

/* ---- clauses ---- */

/* The last finite group before group k, or -1. */
static int32_t finite_before(const dyad_vgroups *out, size_t k)
{
    for (size_t q = k; q-- > 0;)
        if (out->g[q].finite)
            return (int32_t)q;
    return -1;
}

/* Is group q's verb one of the flagged kinds (VF_*)? */
static int verb_has_flag(const dyad_dict *d, int32_t v, int f1, int f2, int f3)
{
    for (; v >= 0; v = d->verbs[v].next)
        if (d->verbs[v].flag == f1 || d->verbs[v].flag == f2 || d->verbs[v].flag == f3)
            return 1;
    return 0;
}

/* Looks back from group k to the previous finite verb for the word that opens
 * its clause: a complementizer "that" (a that-clause of that verb, or a relative
 * clause), a subordinating word (subordinate; if/unless/until/whether:
 * conditional), or a contrast ("while") that keeps two main clauses apart. */
static void opening_word(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                         const unsigned short *cls, dyad_vgroups *out, size_t k)
{
    dyad_vgroup *g = &out->g[k];
    int32_t fin = finite_before(out, k);
    uint32_t lo = fin >= 0 ? out->g[fin].end : 0;
    for (uint32_t t = g->start; t-- > lo;) {
        if (cls[t] & WC_THAT) {
            /* complementizer after a verb ("said that", "demanded that"); a
             * reporting verb may have words between ("said on Tuesday that") */
            int reporting = fin >= 0 && verb_has_flag(d, out->g[fin].verb, VF_SAY, VF_DEMAND, VF_APPEAL);
            if (!(t >= lo && k > 0 && (t - lo <= 1 || (reporting && t - lo <= 6))))
                g->subordinate = 1;
            else if (fin >= 0)
                g->comp_of = fin;
            return;
        }
        if ((cls[t] & WC_CONTRAST))
            return; /* "X got aid, while Y got none": two facts side by side */
        if ((cls[t] & WC_SUBORD) && !((cls[t] & WC_AS) && tok[t].tag != TAG_IN)) {
            if ((cls[t] & WC_TEMPORAL) &&
                t + 1 < n && tok[t + 1].tag != TAG_VBG && t + 1 == g->start)
                continue;
            /* "after a 12-year rift, the agency said": a temporal word with a
             * noun phrase and a comma is a preposition; the clause after the
             * comma is a main one */
            if ((cls[t] & WC_TEMPORAL) && temporal_phrase(text, tok, t, g->start))
                continue;
            g->subordinate = 1;
            if (dyad_tok_is(text, &tok[t], "if") || dyad_tok_is(text, &tok[t], "unless") ||
                dyad_tok_is(text, &tok[t], "until") || dyad_tok_is(text, &tok[t], "whether"))
                g->conditional = 1;
            return;
        }
    }
}

/* Whether group k is in a subordinate clause, conditional, negated or a
 * modifier by way of the group that governs it or that it is coordinated with. */
static void mark_clause_kind(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                             const unsigned short *cls, dyad_vgroups *out, size_t k)
{
    dyad_vgroup *g = &out->g[k];
    opening_word(d, text, tok, n, cls, out, k);
    /* a relative clause with no relative word: "the strike [they have been
     * planning]", "the weapons [it seized]" (a determiner, the noun, a subject
     * pronoun, the verb; not after a reporting verb: "told the press he would") */
    if (k > 0 && !g->subordinate && !g->to_inf && !g->gerund && g->start >= 3 &&
        tok[g->start - 1].tag == TAG_PRP && is_subject_pronoun(text, &tok[g->start - 1]) &&
        (tok[g->start - 2].tag == TAG_NN || tok[g->start - 2].tag == TAG_NNS) &&
        !dyad_is_day_word(text, &tok[g->start - 2])) {
        size_t b = g->start - 2;
        while (b > 0 && (tok[b - 1].tag == TAG_JJ || tok[b - 1].tag == TAG_NN))
            b--;
        int reporting = verb_has_flag(d, out->g[k - 1].verb, VF_SAY, VF_THREAT, VF_THREAT);
        if (b > 0 && b > out->g[k - 1].end && !reporting && tok[b - 1].tag == TAG_DT)
            g->subordinate = 1;
    }
    if (g->governor >= 0 && out->g[g->governor].subordinate)
        g->subordinate = 1;
    if (g->governor >= 0 && out->g[g->governor].conditional)
        g->conditional = 1;
    if (g->governor >= 0 && out->g[g->governor].negated)
        g->negated = 1; /* "has never sent troops to fight" */
    if (g->governor >= 0 && out->g[g->governor].reduced && (!g->to_inf || out->g[g->governor].gerund))
        g->reduced = 1; /* "nationals suspected of blowing up": part of the modifier */
    if (g->coord >= 0 && out->g[g->coord].conditional)
        g->conditional = 1;
    if (g->coord >= 0 && out->g[g->coord].subordinate)
        g->subordinate = 1;
}

/* Where group k's clause ends: a stop, "that", a relative pronoun, a
 * subordinating word, or the next finite verb group. */
static uint32_t clause_end(const dyad_token *tok, size_t n, const unsigned short *cls,
                           const dyad_vgroups *out, size_t k)
{
    for (uint32_t t = out->g[k].end; t < n; t++) {
        if ((cls[t] & (WC_STOP | WC_THAT | WC_WH)) ||
            ((cls[t] & WC_SUBORD) && tok[t].tag != TAG_IN && tok[t].tag != TAG_RB))
            return t;
        for (size_t q = k + 1; q < out->n; q++)
            if (out->g[q].start == t && !out->g[q].to_inf && !out->g[q].reduced &&
                !(out->g[q].gerund && t > 0 && tok[t - 1].tag == TAG_IN))
                return t;
    }
    return (uint32_t)n;
}

long dyad_find_verbs(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                     const dyad_mentions *ms, dyad_vgroups *out)
{
    out->n = 0;
    unsigned short cls[512];
    if (n > 512)
        n = 512;
    for (size_t i = 0; i < n; i++)
        cls[i] = tok[i].wclass;
    if (group_verbs(d, text, tok, n, cls, ms, out) < 0)
        return -1;
    mark_reduced_relatives(tok, cls, out);
    for (size_t k = 0; k < out->n; k++) {
        if (k > 0)
            link_group(d, text, tok, cls, out, k);
        mark_clause_kind(d, text, tok, n, cls, out, k);
        out->g[k].scope_end = clause_end(tok, n, cls, out, k);
    }
    if (d->opts.that_object)
        that_clause_as_object(d, text, tok, n, out);
    return (long)out->n;
}
