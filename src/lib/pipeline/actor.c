#include "actor.h"
#include "actor_role.h"
#include "association.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "pronoun_ref.h"
#include "role_country.h"
#include "title_group.h"
#include "sentence.h"
#include "util.h"

void dyad_actor_memory_reset(dyad_actor_memory *mem)
{
    memset(mem, 0, sizeof *mem);
    mem->person_entry = mem->state_entry = mem->org_entry = mem->any_entry = mem->subject_entry = -1;
}

void dyad_actor_memory_subject(dyad_actor_memory *mem, const dyad_mention *subject, int person)
{
    mem->subject_unknown = subject == NULL;
    mem->subject_person = subject && person;
    if (subject) {
        memcpy(mem->subject, subject->code, 32);
        mem->subject_entry = subject->entry;
    } else {
        mem->subject[0] = 0;
        mem->subject_entry = -1;
    }
}

/* Appends the agent role to a code unless one of its blocks already is that role. */
void dyad_code_add_role(char code[32], const char *role)
{
    if (!role)
        return;
    for (size_t r = 0; role[r] && role[r + 1] && role[r + 2]; r += 3) {
        size_t n = strlen(code);
        int have = 0;
        for (size_t i = 0; i + 3 <= n; i += 3)
            if (memcmp(code + i, role + r, 3) == 0)
                have = 1;
        if (!have && n + 3 < 16) {
            memcpy(code + n, role + r, 3);
            code[n + 3] = 0;
        }
    }
}

/* Puts the first len characters of p in front of code, the whole cut at 15 characters. */
static void prepend15(char code[32], const char *p, size_t len)
{
    char t[32];
    size_t cl = strnlen(code, 31);
    if (len > 15)
        len = 15;
    if (len + cl > 15)
        cl = 15 - len;
    memcpy(t, p, len);
    memcpy(t + len, code, cl);
    t[len + cl] = 0;
    memcpy(code, t, 32);
}

/* stacked_agents (PETRARCH-1): the codes of agent raw match a and of every agent
 * that starts inside it ("main opposition group" MOP, "opposition group" OPP ->
 * MOPOPP); a prefix agent's code ("HGM~") goes in front of the earlier ones, into
 * pre, the others after, into suf. */
static void agent_stack(const dyad_dict *d, const dyad_token *tok, size_t n, const dyad_raw_match *a,
                        char pre[32], char suf[32])
{
    pre[0] = suf[0] = 0;
    for (uint32_t i = a->start; i < a->end; i++) {
        int32_t e = a->entry;
        if (i > a->start && (tok[i].word < 0 || !dyad_actor_longest(d, tok, n, i, &e) ||
                             d->entries[e].kind != AK_AGENT))
            continue;
        const char *role = dyad_dict_role(d, &d->entries[e], 0);
        size_t rl = role ? strlen(role) : 0;
        if (rl > 3 && role[rl - 1] == '~') {
            int have = 0;
            for (size_t k = 0; k + rl - 1 <= strlen(pre); k += 3)
                if (!memcmp(pre + k, role, rl - 1))
                    have = 1;
            if (!have)
                prepend15(pre, role, rl - 1);
        } else if (role) {
            dyad_code_add_role(suf, role);
        }
    }
}

/* pre + code + suf, the code field cut at 15 characters */
static void agent_apply(char code[32], const char *pre, const char *suf)
{
    if (pre[0] && strncmp(code, pre, strlen(pre)) != 0)
        prepend15(code, pre, strlen(pre));
    dyad_code_add_role(code, suf);
}

/* out = a + b, cut to the 31 characters of a code field (out may be b) */
static void join_codes(char out[32], const char *a, const char *b)
{
    size_t la = strnlen(a, 31), lb = strnlen(b, 31);
    if (la + lb > 31)
        lb = 31 - la;
    char tmp[32];
    memcpy(tmp, a, la);
    memcpy(tmp + la, b, lb);
    tmp[la + lb] = 0;
    memcpy(out, tmp, la + lb + 1);
}

static int is_compass(const char *text, const dyad_token *t)
{
    static const char *const words[] = {"north", "south", "east", "west", "northern", "southern",
                                        "eastern", "western", "central", "upper", "lower", "greater"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (dyad_tok_is(text, t, words[i]))
            return 1;
    return 0;
}

/* A token that may stand between a country and its agent: "Azerbaijani *defence*
 * ministry", "Armenia*'s* military", "U.S. *Navy*". */
static int modifier(const char *text, const dyad_token *t)
{
    if (t->kind != TOK_WORD)
        return 0;
    switch (t->tag) {
    case TAG_JJ: case TAG_NN: case TAG_NNP: case TAG_NNPS: case TAG_VBN: case TAG_POS:
    case TAG_NNS: case TAG_JJS: case TAG_CD:
        return 1;
    default:
        return dyad_tok_is(text, t, "'s") || dyad_tok_is(text, t, "'");
    }
}

static int resolve_ref(const dyad_actor_memory *mem, int ref, char out[32], int32_t *entry)
{
    const char *src = NULL;
    int32_t e = -1;
    switch (ref) {
    case REF_PERSON: src = mem->person; e = mem->person_entry; break;
    case REF_STATE: src = mem->state; e = mem->state_entry; break;
    case REF_ORG: src = mem->org; e = mem->org_entry; break;
    default: src = mem->any; e = mem->any_entry; break;
    }
    if (!src[0])
        return 0;
    memcpy(out, src, 32);
    *entry = e;
    return 1;
}

/* Does a person's code start with a country ("USAGOV", not "UNOGOV", "IGOEEC",
 * "NAT")? */
int dyad_code_person_country(const char *code)
{
    static const char *const NOT_STATES[] = {"IGO", "UNO", "EEC", "NGO", "IMG", "OAS", "COE", "NAT",
                                             "GOV", "MIL", "OPP", "REB", "BUS", "ELI", NULL};
    if (strlen(code) < 6)
        return 0;
    for (int i = 0; NOT_STATES[i]; i++)
        if (!strncmp(code, NOT_STATES[i], 3))
            return 0;
    return 1;
}

static void remember(dyad_actor_memory *mem, const dyad_mention *m)
{
    if (!m->code[0])
        return;
    switch (m->kind) {
    case AK_PERSON:
        memcpy(mem->person, m->code, 32);
        mem->person_entry = m->entry;
        break;
    case AK_STATE:
        memcpy(mem->state, m->code, 3);
        mem->state[3] = 0;
        mem->state_entry = m->entry;
        break;
    case AK_ORG:
        memcpy(mem->org, m->code, 32);
        mem->org_entry = m->entry;
        break;
    default:
        break;
    }
    if (m->kind != AK_AGENT || !mem->any[0]) {
        memcpy(mem->any, m->code, 32);
        mem->any_entry = m->entry;
    }
}

/* The code of a raw match on the date; 0 if it is not an actor then. */
static int match_code(const dyad_dict *d, const dyad_entry *e, int32_t ymd,
                      const dyad_actor_memory *mem, char out[32], int32_t *entry)
{
    if (e->kind == AK_REF)   /* "he" is no body dated like a person (dict.h) */
        return resolve_ref(mem, e->ref, out, entry) &&
               !(e->ref == REF_PERSON && *entry >= 0 && d->entries[*entry].ref == REF_ORG);
    const char *c = dyad_dict_role(d, e, ymd);
    if (!c)
        return 0;
    dyad_copy_str(out, 32, c);
    return 1;
}

int dyad_mention_at(const dyad_mentions *ms, uint32_t i)
{
    for (size_t k = 0; k < ms->n; k++)
        if (ms->m[k].start <= i && i < ms->m[k].end)
            return (int)k;
    return -1;
}

/* ---- 2. matches combined into mentions ---- */


/* Are the tokens [from, to) all modifiers (modifier())? */
static int modifiers_only(const combine_ctx *x, uint32_t from, uint32_t to)
{
    for (uint32_t k = from; k < to; k++)
        if (!modifier(x->text, &x->tok[k]))
            return 0;
    return 1;
}

/* Does agent match r continue mention m: right after it, or after one noun or
 * adjective ("defence ministry officials")? A verb between ends the mention:
 * "troops attacked rebels" is two. */
static int next_agent_joins(const combine_ctx *x, const dyad_mention *m, size_t r)
{
    if (x->raw[r].start > m->end + 1 || entry_kind(x, r) != AK_AGENT)
        return 0;
    if (x->raw[r].start == m->end)
        return 1;
    uint8_t tag = x->tok[m->end].tag;
    return tag != TAG_VBN && tag != TAG_VBD && modifier(x->text, &x->tok[m->end]);
}

/* A prefix agent ("MSF = NGO~") right before a country or an organization:
 * "MSF Sudan" is NGOSDN, "an MSF Sudan official" NGOSDNGOV. Writes the prefix
 * and moves *r to the country; returns the entry at *r. */
static const dyad_entry *prefix_agent(const combine_ctx *x, size_t *r, char *prefix, size_t cap)
{
    const dyad_dict *d = x->d;
    const dyad_entry *e = &d->entries[x->raw[*r].entry];
    if (e->kind == AK_AGENT && *r + 1 < x->nr && x->raw[*r + 1].start == x->raw[*r].end &&
        (entry_kind(x, *r + 1) == AK_STATE || entry_kind(x, *r + 1) == AK_ORG)) {
        const char *role = dyad_dict_role(d, e, 0);
        size_t rl = role ? strlen(role) : 0;
        if (rl > 3 && role[rl - 1] == '~' && rl < cap) {
            memcpy(prefix, role, rl - 1);
            prefix[rl - 1] = 0;
            (*r)++;
            e = &d->entries[x->raw[*r].entry];
        }
    }
    return e;
}

/* A back-reference (he, it, the alliance, its troops). Returns 0 when it
 * stands for nothing. */
static int ref_mention(const combine_ctx *x, const dyad_entry *e, dyad_mention *m, size_t *next)
{
    const dyad_dict *d = x->d;
    const dyad_actor_memory *mem = x->mem;
    m->is_ref = 1;
    /* a pronoun first in its sentence: the previous sentence's subject (pronoun_ref.h);
     * not after the sentence names an actor itself: "Russia said it would halt" */
    int first = m->end == m->start + 1 && x->out_n == 0;
    int r = dyad_pronoun_antecedent(mem, e->ref, first, dyad_opens_sentence(x->text, x->tok, m),
                                    m->code, &m->entry);
    if (r < 0 || (r == 0 && !match_code(d, e, x->ymd, mem, m->code, &m->entry)))
        return 0;
    m->kind = m->entry >= 0 ? d->entries[m->entry].kind : AK_ORG;
    /* "its troops": a possessive reference takes the next agent */
    if (*next < x->nr && x->raw[*next].start == m->end && entry_kind(x, *next) == AK_AGENT) {
        char tmp[32];
        memcpy(tmp, m->code, 32);
        if (m->kind == AK_PERSON || m->kind == AK_STATE) {
            tmp[3] = 0;
        }
        dyad_code_add_role(tmp, dyad_dict_role(d, &d->entries[x->raw[*next].entry], 0));
        memcpy(m->code, tmp, 32);
        m->agent = x->raw[*next].entry;
        m->end = x->raw[*next].end;
        (*next)++;
    }
    return 1;
}

/* agent + person: "President Biden", "Prime Minister Ehud Barak". */
static int agent_person(const combine_ctx *x, dyad_mention *m, size_t *next)
{
    if (!(*next < x->nr && x->raw[*next].start <= m->end + 2 && entry_kind(x, *next) == AK_PERSON))
        return 0;
    char pc[32];
    int32_t pe;
    if (!match_code(x->d, &x->d->entries[x->raw[*next].entry], x->ymd, x->mem, pc, &pe))
        return 0;
    /* a person coded by country alone takes the title's role:
     * "Prime Minister X" -> XXXGOV */
    if (strlen(pc) == 3)
        dyad_code_add_role(pc, m->code);
    memcpy(m->code, pc, 32);
    m->entry = x->raw[*next].entry;
    m->kind = AK_PERSON;
    m->end = x->raw[*next].end;
    (*next)++;
    return 1;
}

/* agent + of/in/from + [the] + country: "the army of Azerbaijan". */
static int agent_of_country(const combine_ctx *x, dyad_mention *m, size_t *next, const char *apre,
                            const char *asuf)
{
    const char *text = x->text;
    uint32_t k = m->end;
    if (!(*next < x->nr && k < x->n && (dyad_tok_is(text, &x->tok[k], "of") ||
                                         dyad_tok_is(text, &x->tok[k], "in") ||
                                         dyad_tok_is(text, &x->tok[k], "from"))))
        return 0;
    k++;
    if (k < x->n && dyad_tok_is(text, &x->tok[k], "the"))
        k++;
    const dyad_entry *ne = &x->d->entries[x->raw[*next].entry];
    if (!(x->raw[*next].start == k && (ne->kind == AK_STATE || ne->kind == AK_ORG)))
        return 0;
    char cc[32];
    int32_t ce;
    if (!match_code(x->d, ne, x->ymd, x->mem, cc, &ce))
        return 0;
    if (x->d->opts.stacked_agents)
        agent_apply(cc, apre, asuf);
    else
        dyad_code_add_role(cc, m->code);
    memcpy(m->code, cc, 32);
    m->entry = x->raw[*next].entry;
    m->kind = ne->kind;
    m->end = x->raw[*next].end;
    (*next)++;
    return 1;
}


/* An agent (army, officials, president), with what it combines with. */
static int agent_mention(const combine_ctx *x, size_t r, const dyad_entry *e, dyad_mention *m,
                         size_t *next)
{
    const dyad_dict *d = x->d;
    const char *role = dyad_dict_role(d, e, 0);
    m->agent = x->raw[r].entry;
    m->entry = -1;
    dyad_copy_str(m->code, sizeof m->code, role ? role : "");
    if (strchr(m->code, '~'))
        *strchr(m->code, '~') = 0; /* a prefix agent with no actor after it */
    char apre[32] = "", asuf[32] = "";
    if (d->opts.stacked_agents) {
        agent_stack(d, x->tok, x->n, &x->raw[r], apre, asuf);
        join_codes(m->code, apre, asuf);
    }
    /* skip further agents: "defence ministry officials" */
    while (*next < x->nr && next_agent_joins(x, m, *next)) {
        m->end = x->raw[*next].end;
        (*next)++;
    }
    if (agent_person(x, m, next) || agent_of_country(x, m, next, apre, asuf))
        return 1;
    if (dyad_title_of_several(x->text, x->tok, x->n, m, x->mem->story_org))
        return 0;   /* "the ministers" of a meeting: no one country's (title_group.h) */
    dyad_agent_alone(x, m, *next);
    return 1;
}

/* A one-word place inside an unknown proper name is no actor: "George
 * Washington", "Washington Post", "Jordan Peterson". */
static int place_in_name(const combine_ctx *x, size_t r, const dyad_mention *m, size_t next)
{
    const dyad_token *tok = x->tok;
    const char *text = x->text;
    const dyad_raw_match *raw = x->raw;
    int before = m->start > 0 && (tok[m->start - 1].flags & TOKF_CAP) &&
                 !(tok[m->start - 1].flags & TOKF_HYPHEN) &&
                 tok[m->start - 1].tag == TAG_NNP &&
                 (tok[m->start - 1].word < 0 ||
                  /* a known first name that starts no actor, not at the start of the
                   * sentence where any word is capitalized: "... George Washington" */
                  (tok[m->start].tag == TAG_NNP && m->start > 1 && !(r > 0 && raw[r - 1].end >= m->start) &&
                   !dyad_is_weekday(text, &tok[m->start - 1]) &&
                   !dyad_month_from_name(text + tok[m->start - 1].off, tok[m->start - 1].len) &&
                   !is_compass(text, &tok[m->start - 1])));
    int after = m->end < x->n && (tok[m->end].flags & TOKF_CAP) && tok[m->end].tag == TAG_NNP &&
                !(tok[m->end].flags & TOKF_HYPHEN) &&
                tok[m->end].word < 0 && (next >= x->nr || raw[next].start != m->end);
    return before || after;
}

/* country/org + modifiers + agent(s): "Azerbaijani armed forces". */
static void name_agents(const combine_ctx *x, dyad_mention *m, size_t *next)
{
    const dyad_dict *d = x->d;
    const dyad_raw_match *raw = x->raw;
    if (!(*next < x->nr && entry_kind(x, *next) == AK_AGENT && raw[*next].start - m->end <= 3) ||
        !modifiers_only(x, m->end, raw[*next].start))
        return;
    const char *role = dyad_dict_role(d, &d->entries[raw[*next].entry], 0);
    if (role && m->kind != AK_PERSON && d->opts.stacked_agents) {
        char apre[32], asuf[32];
        agent_stack(d, x->tok, x->n, &raw[*next], apre, asuf);
        agent_apply(m->code, apre, asuf);
    } else if (role && m->kind != AK_PERSON)
        dyad_code_add_role(m->code, role);
    m->agent = raw[*next].entry;
    m->end = raw[*next].end;
    (*next)++;
    while (*next < x->nr && next_agent_joins(x, m, *next)) {
        m->end = raw[*next].end;
        (*next)++;
    }
}

/* A country, organization or person, with the agents and the person after it.
 * Returns 0 when it is no actor here. */
static int name_mention(const combine_ctx *x, size_t r, const dyad_entry *e, dyad_mention *m,
                        size_t *next)
{
    const dyad_dict *d = x->d;
    const dyad_raw_match *raw = x->raw;
    if (!match_code(d, e, x->ymd, x->mem, m->code, &m->entry))
        return 0;
    if (e->kind == AK_STATE && m->end - m->start == 1 && place_in_name(x, r, m, *next))
        return 0;
    if (e->kind == AK_PERSON && m->end - m->start == 1 && !d->opts.relevance_all &&
        dyad_names_other_person(&x->mem->names, x->text, x->tok, m->start, r > 0 && raw[r - 1].end == m->start,
                                d->pool + e->name_off))
        return 0;   /* another person's surname (name_memory.h) */
    name_agents(x, m, next);
    /* country + title + a name the dictionary knows only as an organization
     * (no dated roles): the title's role stands for the name after it */
    if (m->kind != AK_PERSON && m->agent >= 0 && *next < x->nr && raw[*next].start == m->end &&
        entry_kind(x, *next) == AK_ORG && (x->tok[m->end].flags & TOKF_CAP)) {
        m->end = raw[*next].end;
        (*next)++;
    }
    if (m->kind != AK_PERSON && *next < x->nr && raw[*next].start <= m->end + 2 &&
        entry_kind(x, *next) == AK_PERSON) {
        int ok = modifiers_only(x, m->end, raw[*next].start);
        char pc[32];
        int32_t pe;
        if (ok && match_code(d, &d->entries[raw[*next].entry], x->ymd, x->mem, pc, &pe)) {
            if (strlen(pc) == 3 && m->agent >= 0)
                dyad_code_add_role(pc, dyad_dict_role(d, &d->entries[m->agent], 0));
            memcpy(m->code, pc, 32);
            m->entry = raw[*next].entry;
            m->kind = AK_PERSON;
            m->end = raw[*next].end;
            (*next)++;
        }
    }
    return 1;
}

/* The mention that starts with match r (entry e); *next: the first match after
 * it. Returns 0 when the match makes no mention. */
static int combine(const combine_ctx *x, size_t r, const dyad_entry *e, dyad_mention *m, size_t *next)
{
    memset(m, 0, sizeof *m);
    m->start = x->raw[r].start;
    m->end = x->raw[r].end;
    m->entry = x->raw[r].entry;
    m->agent = -1;
    m->kind = e->kind;
    *next = r + 1;
    if (e->kind == AK_REF)
        return ref_mention(x, e, m, next);
    if (e->kind == AK_AGENT)
        return agent_mention(x, r, e, m, next);
    return name_mention(x, r, e, m, next);
}

/* ---- 3. compounds ---- */

/* Puts m (index out->n) in the group of the mention before it when only commas,
 * "and", "the", "both" (and adjectives after the conjunction) stand between:
 * "Armenia and Azerbaijan", "the US, Britain and France". */
static void join_compound(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                          const dyad_mentions *out, dyad_mention *m)
{
    m->group = (int32_t)out->n;
    if (!out->n)
        return;
    const dyad_mention *p = &out->m[out->n - 1];
    int joined = p->end < m->start, only = 1, conj = 0, adj = 0;
    for (uint32_t k = p->end; k < m->start; k++) {
        const dyad_token *t = &tok[k];
        int c = dyad_tok_is(text, t, ",") || dyad_tok_is(text, t, "and") || dyad_tok_is(text, t, "&");
        conj += c;
        /* "Russia and the war-torn Ukraine": adjectives after the conjunction */
        int a = conj && (t->tag == TAG_JJ || t->tag == TAG_JJS) && !(t->flags & TOKF_CAP);
        adj += a;
        if (!(c || a || dyad_tok_is(text, t, "the") || dyad_tok_is(text, t, "both")))
            only = 0;
    }
    /* "Egypt, Israel's neighbour, ...": a possessive after a comma alone is an apposition;
     * "After visits to France and Italy, Funaro hopes": a list closed by "and" goes on no further */
    int comma_only = m->start > 0 && !dyad_tok_is(text, &tok[m->start - 1], "and");
    if (comma_only && ((m->end < n && tok[m->end].tag == TAG_POS) ||
                       (p->start > 0 && (int32_t)out->n - 1 != p->group && dyad_tok_is(text, &tok[p->start - 1], "and"))))
        joined = 0;
    if (joined && only && m->kind != AK_AGENT && p->kind != AK_AGENT && (conj || !adj))
        m->group = p->group;
    /* "Danish media and government": the second agent is the country's too */
    if (joined && only && conj && !adj && m->kind == AK_AGENT && !m->named && m->entry < 0 &&
        p->agent >= 0 && p->entry >= 0 && (p->kind == AK_STATE || p->kind == AK_ORG)) {
        const char *pr = dyad_dict_role(d, &d->entries[p->agent], 0);
        size_t pl = strlen(p->code), rl = pr ? strlen(pr) : 0;
        if (rl && pl > rl && !strcmp(p->code + pl - rl, pr)) {
            char cc[32];
            snprintf(cc, sizeof cc, "%.*s", (int)(pl - rl), p->code);
            dyad_code_add_role(cc, m->code);
            memcpy(m->code, cc, 32);
            m->entry = p->entry;
            m->kind = p->kind;
            m->group = p->group;
        }
    }
}

/* Agents shared across a compound's members: "the ambassadors of France,
 * Germany and Italy", "lawmakers in Kenya and Uganda" (the agent before the
 * first state is every member's); "Russian and Syrian warplanes" (the states
 * share the agent the last member carries). */
static void share_agents(const dyad_dict *d, const dyad_token *tok, size_t n, dyad_mentions *out)
{
    for (size_t k = 0; k + 1 < out->n; k++) {
        dyad_mention *a = &out->m[k];
        if ((a->kind != AK_STATE && a->kind != AK_ORG) || a->agent < 0 || a->entry < 0 ||
            tok[a->start].word < 0)
            continue;
        /* the agent came first when the mention does not start with the state's name */
        int32_t e0 = -1;
        if (dyad_actor_longest(d, tok, n, a->start, &e0) == 0 || e0 != a->agent)
            continue;
        const char *role = dyad_dict_role(d, &d->entries[a->agent], 0);
        for (size_t z = k + 1; z < out->n && out->m[z].group == a->group; z++)
            if ((out->m[z].kind == AK_STATE || out->m[z].kind == AK_ORG) && out->m[z].agent < 0 &&
                strlen(out->m[z].code) == 3) {
                dyad_code_add_role(out->m[z].code, role);
                out->m[z].agent = a->agent;
            }
    }
    for (size_t k = 0; k + 1 < out->n; k++) {
        dyad_mention *a = &out->m[k];
        if (a->kind != AK_STATE || a->agent >= 0 || strlen(a->code) != 3)
            continue;
        size_t last = k + 1;
        while (last + 1 < out->n && out->m[last + 1].group == a->group)
            last++;
        const dyad_mention *z = &out->m[last];
        if (z->group != a->group || z->agent < 0 || z->kind != AK_STATE)
            continue;
        dyad_code_add_role(a->code, dyad_dict_role(d, &d->entries[z->agent], 0));
        a->agent = z->agent;
    }
}

/* A headline's country is its subject's, the first actor with a state's code
 * (a state, a state's agent, a person in office): "CANADA VOWS TO FIGHT U.S.
 * POTASH ACTION" is Canadian (its latest state is often its object). Written to
 * mem's state; a body of states leading it ("EC WARNS ...") to mem->story_org. */
static void subject_state(const dyad_mentions *ms, dyad_actor_memory *mem)
{
    for (size_t i = 0; i < ms->n; i++) {
        const dyad_mention *m = &ms->m[i];
        if (!i && m->kind != AK_STATE && dyad_body_of_states(m->code)) {
            snprintf(mem->story_org, sizeof mem->story_org, "%.3s", m->code);
            continue;
        }
        if (m->kind == AK_STATE || (m->kind == AK_PERSON && dyad_code_person_country(m->code))) {
            snprintf(mem->state, sizeof mem->state, "%.3s", m->code);
            mem->state_entry = m->kind == AK_STATE ? m->entry : -1;
            return;
        }
    }
}

int dyad_actor_context(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                       int32_t ymd, dyad_actor_memory *mem, dyad_mentions *scratch)
{
    dyad_actor_memory tmp;
    dyad_actor_memory_reset(&tmp);
    if (dyad_find_actors(d, text, tok, n, ymd, &tmp, scratch) < 0)
        return -1;
    if (!d->opts.relevance_all)
        subject_state(scratch, &tmp);
    if (tmp.story_org[0])
        memcpy(mem->story_org, tmp.story_org, sizeof mem->story_org);
    if (!tmp.state[0])
        return 0;
    memcpy(mem->state, tmp.state, sizeof mem->state);
    mem->state_entry = tmp.state_entry;
    snprintf(mem->story, sizeof mem->story, "%.3s", tmp.state);
    return 1;
}

long dyad_find_actors(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                      int32_t ymd, dyad_actor_memory *mem, dyad_mentions *out)
{
    out->n = 0;
    out->discard = -1;
    dyad_raw_match raw[256];
    size_t nr = dyad_actor_match_names(d, text, tok, n, raw, 256);
    combine_ctx x = {d, text, tok, n, ymd, mem, raw, nr, 0, NULL};
    for (size_t r = 0; r < nr;) {
        const dyad_entry *e = &d->entries[raw[r].entry];
        if (e->kind == AK_DISCARD) {
            if (out->discard < 0 || e->ref)
                out->discard = raw[r].entry;
            r++;
            continue;
        }
        char prefix[16] = "";
        uint32_t pstart = raw[r].start;
        e = prefix_agent(&x, &r, prefix, sizeof prefix);
        dyad_mention m;
        size_t next;
        x.out_n = out->n;
        x.first = out->n ? out->m[0].code : NULL;
        int kept = combine(&x, r, e, &m, &next);
        r = next;
        if (!kept || !m.code[0])
            continue;
        if (prefix[0] && strncmp(m.code, prefix, strlen(prefix)) != 0) {
            join_codes(m.code, prefix, m.code);
            m.start = pstart;
        }
        if (DYAD_GROW(out->m, out->cap, out->n + 1) < 0)
            return -1;
        join_compound(d, text, tok, n, out, &m);
        out->m[out->n++] = m;
        remember(mem, &m);
    }
    share_agents(d, tok, n, out);
    long recalled = dyad_names_recall(&mem->names, d, text, tok, n, out);
    if (recalled < 0)
        return -1;
    for (size_t k = 0; recalled > 0 && k < out->n; k++)   /* he, she: the latest person in text order */
        remember(mem, &out->m[k]);
    dyad_roles_take_first_country(d, text, tok, n, out);
    dyad_association_names(d, text, tok, n, out);
    dyad_names_learn(&mem->names, d, text, tok, n, out);
    return (long)out->n;
}
