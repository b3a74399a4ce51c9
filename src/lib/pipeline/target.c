/* target.c - events of roots 02-20 left with no target, and the story's pair
 * of parties (contract in target.h). */
#include "target.h"

#include "util.h"

/* The first block of the code: a country, an IGO, a region. */
static int same_block(const char *a, const char *b) { return strlen(a) >= 3 && strlen(b) >= 3 && !memcmp(a, b, 3); }

/* ---- the story's pair: "the two countries", "both sides" ---- */

/* Nouns after "the two" or "both" that name the pair; the first four name
 * the states themselves (their codes are cut to the country). */
static const char *const PAIR_NOUN[] = {"countries", "nations", "states", "governments", "sides",
                                        "leaders", "ministers", "delegations", NULL};

static int word_in(const char *text, const dyad_token *tok, const char *const *words)
{
    for (int i = 0; words[i]; i++)
        if (dyad_tok_is(text, tok, words[i]))
            return i + 1;
    return 0;
}

/* The phrase at token t names the pair: its last token (the noun), or 0; the
 * noun's index in PAIR_NOUN (1-based) in *which. Not "both sides of the
 * border" (a place) nor "the two countries' trade" is excluded: a possessive
 * is the pair too. */
static uint32_t pair_phrase(const char *text, const dyad_token *tok, size_t n, uint32_t t, int *which)
{
    uint32_t noun;
    if (t + 2 < n && dyad_tok_is(text, &tok[t], "the") && dyad_tok_is(text, &tok[t + 1], "two"))
        noun = t + 2;
    else if (t + 1 < n && dyad_tok_is(text, &tok[t], "both"))
        noun = t + 1;
    else
        return 0;
    *which = word_in(text, &tok[noun], PAIR_NOUN);
    if (!*which || (noun + 1 < n && dyad_tok_is(text, &tok[noun + 1], "of")))
        return 0;
    return noun;
}

/* Inserts the pair's two mentions, a compound group, over tokens [start, end)
 * at position at of ms (the mentions stay in text order). */
static int insert_pair(const dyad_story *story, dyad_mentions *ms, size_t at, uint32_t start, uint32_t end,
                       int states)
{
    if (DYAD_GROW(ms->m, ms->cap, ms->n + 2) < 0)
        return -1;
    memmove(&ms->m[at + 2], &ms->m[at], (ms->n - at) * sizeof ms->m[0]);
    ms->n += 2;
    for (size_t i = at + 2; i < ms->n; i++)
        if (ms->m[i].group >= (int32_t)at)
            ms->m[i].group += 2;
    for (int k = 0; k < 2; k++) {
        dyad_mention *m = &ms->m[at + (size_t)k];
        memset(m, 0, sizeof *m);
        m->start = start;
        m->end = end;
        m->kind = AK_STATE;
        m->is_ref = 1;
        m->entry = m->agent = -1;
        m->group = (int32_t)at;
        memcpy(m->code, story->pair[k], sizeof m->code);
        if (states)
            m->code[3] = 0;
    }
    return 0;
}

int dyad_target_pair_mentions(const char *text, const dyad_token *tok, size_t n, const dyad_story *story,
                              dyad_mentions *ms)
{
    if (!story || !story->pair[0][0] || !story->pair[1][0])
        return 0;
    size_t at = 0;
    for (uint32_t t = 0; t < n; t++) {
        while (at < ms->n && ms->m[at].start < t)
            at++;
        int which = 0;
        uint32_t noun = pair_phrase(text, tok, n, t, &which);
        if (!noun || dyad_mention_at(ms, t) >= 0 || dyad_mention_at(ms, noun) >= 0)
            continue;
        if (t > 0 && (dyad_tok_is(text, &tok[t - 1], "between") || dyad_tok_is(text, &tok[t - 1], "in")))
            continue;   /* "trade friction between the two countries": a place of things, no party */
        if (insert_pair(story, ms, at, t, noun + 1, which <= 4) < 0)
            return -1;
        t = noun;
    }
    return 0;
}

/* ---- "opposition" the act, not the party ---- */

/* Words before "opposition" that make it the act of opposing: its degree,
 * the verbs that express or meet it, a possessive. */
static const char *const ACT_BEFORE[] = {
    "strong", "fierce", "widespread", "such", "stiff", "growing", "firm", "vigorous", "any", "no",
    "considerable", "mounting", "bitter", "strenuous", "continued", "continuing", "initial", "great",
    "expressed", "voiced", "express", "voice", "expressing", "voicing", "expresses", "voices", "met",
    "meet", "meets", "meeting", "faced", "face", "faces", "facing", "reiterated", "signalled", "signaled",
    "their", "its", "his", "her", "our", "my", "your", NULL};

/* Is the mention at index k the noun "opposition" naming the act ("expressed
 * opposition to the merger", "their opposition to the scheme", "opposition
 * from the unions") rather than a party ("the opposition", "opposition
 * MPs")? Only a lone role (or a possessive back-reference to it). */
static int act_opposition(const char *text, const dyad_token *tok, size_t n, const dyad_mention *m)
{
    uint32_t last = m->end - 1;
    if (m->agent < 0 || m->end - m->start > 2 || (m->end - m->start == 2 && !m->is_ref) ||
        !dyad_tok_is(text, &tok[last], "opposition") || text[tok[last].off] != 'o')
        return 0;
    if (last + 1 < n && (dyad_tok_is(text, &tok[last + 1], "to") || dyad_tok_is(text, &tok[last + 1], "from")))
        return 1;
    return last > 0 && word_in(text, &tok[last - 1], ACT_BEFORE);
}

void dyad_target_act_nouns(const char *text, const dyad_token *tok, size_t n, dyad_mentions *ms)
{
    for (size_t k = ms->n; k-- > 0;) {
        const dyad_mention *m = &ms->m[k];
        int alone = m->group == (int32_t)k && (k + 1 >= ms->n || ms->m[k + 1].group != (int32_t)k);
        if (!alone || !act_opposition(text, tok, n, m))
            continue;
        memmove(&ms->m[k], &ms->m[k + 1], (ms->n - k - 1) * sizeof ms->m[0]);
        ms->n--;
        for (size_t i = k; i < ms->n; i++)
            if (ms->m[i].group > (int32_t)k)
                ms->m[i].group--;
    }
}

/* A state-level party: a state, or an actor whose code starts with its
 * country ("JPNGOV"); not a role alone ("GOV"), a company or the media. */
static int party(const relevance_ctx *x, int32_t m)
{
    if (m < 0 || !dyad_rel_is_political(x, m))
        return 0;
    const dyad_mention *a = &x->s.ms->m[m];
    return a->kind == AK_STATE ? strlen(a->code) >= 3 : strlen(a->code) >= 6;
}

static void set_pair(dyad_story *story, const char *a, const char *b)
{
    snprintf(story->pair[0], sizeof story->pair[0], "%s", a);
    snprintf(story->pair[1], sizeof story->pair[1], "%s", b);
}

/* Force by a back-reference that names its own arm ("Iraq said its warplanes
 * launched raids on Iran"): the pair is as sure as the sentence's own. */
static int force_by_own(const dyad_mentions *ms, const dyad_cand *c)
{
    return c->code[0] == '1' && c->code[1] >= '8' && strlen(ms->m[c->src].code) >= 6;
}

void dyad_target_remember_pair(const relevance_ctx *x, const dyad_cands *cands, dyad_story *story)
{
    if (!story)
        return;
    const dyad_mentions *ms = x->s.ms;
    for (size_t i = 0; i < cands->n; i++) {   /* one country's force on another: the story is of a war */
        const dyad_cand *c = &cands->c[i];
        if (c->code[0] == '1' && c->code[1] >= '8' && party(x, c->src) && party(x, c->tgt) &&
            !same_block(ms->m[c->src].code, ms->m[c->tgt].code))
            story->at_war = 1;
    }
    for (size_t i = 0; i < cands->n; i++) {
        const dyad_cand *c = &cands->c[i];
        if (party(x, c->src) && party(x, c->tgt) && !same_block(ms->m[c->src].code, ms->m[c->tgt].code) &&
            (!ms->m[c->src].is_ref || force_by_own(ms, c)) && !ms->m[c->tgt].is_ref) {
            set_pair(story, ms->m[c->src].code, ms->m[c->tgt].code);
            return;
        }
    }
    for (size_t i = 0; i + 1 < ms->n; i++) {   /* "Japan and the United States ..." */
        const dyad_mention *a = &ms->m[i], *b = &ms->m[i + 1];
        int alone = (i + 2 >= ms->n || ms->m[i + 2].group != a->group) && a->group == (int32_t)i;
        if (alone && b->group == a->group && !a->is_ref && party(x, (int32_t)i) && party(x, (int32_t)i + 1) &&
            !same_block(a->code, b->code)) {
            set_pair(story, a->code, b->code);
            return;
        }
    }
}

/* ---- "each other" ---- */

void dyad_target_each_other(const relevance_ctx *x, dyad_cand *c)
{
    if (c->tgt >= 0 || c->src < 0 || c->vg < 0)
        return;
    const dyad_vgroup *g = &x->s.vgs->g[c->vg];
    int root = (c->code[0] - '0') * 10 + (c->code[1] - '0');
    int pair_ref = x->s.ms->m[c->src].is_ref && x->s.ms->m[c->src].entry < 0 && root >= 3 && root <= 8;
    uint32_t t = g->end, end = g->scope_end < x->s.n ? g->scope_end : (uint32_t)x->s.n;
    while (t + 1 < end && !((dyad_tok_is(x->s.text, &x->s.tok[t], "each") &&
                             dyad_tok_is(x->s.text, &x->s.tok[t + 1], "other")) ||
                            (dyad_tok_is(x->s.text, &x->s.tok[t], "one") &&
                             dyad_tok_is(x->s.text, &x->s.tok[t + 1], "another"))))
        t++;
    if (!pair_ref && (t + 1 >= end || t > g->end + 4))
        return;
    const dyad_mentions *ms = x->s.ms;
    size_t members = 0;
    for (size_t m = 0; m < ms->n; m++)
        members += ms->m[m].group == ms->m[c->src].group;
    if (members != 2)
        return;     /* "the G-7 ... monitor each other's policies": no pair */
    for (size_t m = 0; m < ms->n; m++)
        if ((int32_t)m != c->src && ms->m[m].group == ms->m[c->src].group &&
            strcmp(ms->m[m].code, ms->m[c->src].code) != 0) {
            if (x->ex)
                fprintf(x->ex, "  target of %s: the other of the source's pair\n", c->code);
            c->tgt = (int32_t)m;
            return;
        }
}

/* ---- force against the story's other party ---- */

void dyad_target_story_war(const relevance_ctx *x, const dyad_story *story, dyad_cand *c)
{
    if (!story || !story->at_war || c->tgt >= 0 || c->src < 0 || c->code[0] != '1' || c->code[1] < '8' ||
        !story->pair[0][0] || !story->pair[1][0] || same_block(story->pair[0], story->pair[1]))
        return;
    const dyad_mention *s = &x->s.ms->m[c->src];
    if (!party(x, c->src) || s->is_ref)
        return;
    for (int k = 0; k < 2; k++)
        if (same_block(s->code, story->pair[k])) {
            snprintf(c->story_tgt, sizeof c->story_tgt, "%.3s", story->pair[1 - k]);
            if (x->ex)
                fprintf(x->ex, "  target of %s: %s, the other of the story's pair\n", c->code, c->story_tgt);
            return;
        }
}

/* ---- no target ---- */

/* The codes CAMEO aims at someone: with no target they say nothing. */
static int needs_target(const char *code)
{
    static const int ROOT[21] = {[2] = 1, [3] = 1, [4] = 1, [6] = 1, [7] = 1, [9] = 1,
                                 [10] = 1, [12] = 1, [13] = 1, [16] = 1};
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root < 0 || root > 20 || !ROOT[root])
        return 0;
    return strcmp(code, "0311") != 0 && strcmp(code, "036") != 0;   /* "leaders will meet in Vilnius": a summit */
}

/* In the story's detail, beside needs_target's codes: a plain intent (030,
 * which a lead may not hold with no target either), disapproval (11: "a spokesman
 * criticized the action"), and statements that are about someone (010
 * comment, 012 pessimism, 014 a policy option considered, 017, 018 sympathy,
 * 019 accord); 011 (no comment), 013 (optimism), 015 (an admission) and 016
 * (a denial) need no one. */
static int aimed_in_body(const char *code)
{
    static const char *const STATEMENT[] = {"010", "012", "014", "017", "018", "019", NULL};
    if (needs_target(code) || (code[0] == '1' && code[1] == '1'))
        return 1;
    for (int i = 0; STATEMENT[i]; i++)
        if (!strcmp(code, STATEMENT[i]))
            return 1;
    return 0;
}

/* A source that uses force: a military, rebels, insurgents, police, spies, a
 * crowd ("protesters set cars ablaze"); coercion or fighting (17, 19) with no
 * target by another body of a state (a government, a party, a court: "the
 * government plans to fight malpractice", "opposition parties joined to fight
 * a sales tax", "a strategy to oust Labour") is a figure of speech; 172's
 * restrictions stay ("the government banned all rallies"). */
static int force_source(const char *code)
{
    static const char *const ARMED[] = {"MIL", "REB", "INS", "COP", "SPY", "UAF", "CVL", NULL};
    for (int i = 0; ARMED[i]; i++)
        if (strstr(code, ARMED[i]))
            return 1;
    return 0;
}

const char *dyad_target_missing(const relevance_ctx *x, const dyad_cand *c)
{
    if (c->tgt >= 0 || c->story_tgt[0])
        return NULL;
    if (x->in_body && aimed_in_body(c->code))
        return "no target, in the story's detail, and the code is aimed at someone (target.h)";
    const char *src = c->src >= 0 ? x->s.ms->m[c->src].code : "";
    int body_of_state = strlen(src) > 3;   /* a state alone stays: "Iranian attacks on shipping" */
    int figurative = c->code[0] == '1' && (c->code[1] == '9' || (c->code[1] == '7' && c->code[2] != '2'));
    if (x->in_body && figurative && body_of_state && !force_source(src))   /* 172: "banned all rallies" */
        return "force with no target, in the story's detail, by no armed party: a figure of speech (target.h)";
    if (!x->in_body && !strcmp(c->code, "030"))   /* "Taiwan is planning to relax controls" */
        return "no target, and a plain intent is aimed at someone even in a lead (target.h)";
    return NULL;
}
