#include "actor_role.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "role_country.h"

/* "Police in Atlanta arrested protesters", "Spain's UGT union rejected government
 * curbs": after a domestic actor of a country first in the sentence (police,
 * unions, opposition, civilians, students, courts, legislators, business, media),
 * the other domestic roles are that country's (the latest state is the first
 * mention's). Not the military: armies act across borders. */
static int domestic_role(const char *role)
{
    static const char *const HOME[] = {"COP", "LAB", "OPP", "CVL", "EDU", "JUD", "LEG", "BUS", "MED", NULL};
    for (int i = 0; HOME[i]; i++)
        if (!strcmp(role, HOME[i]))
            return 1;
    return 0;
}

static int acts_at_home(const combine_ctx *x, const dyad_mention *m)
{
    size_t fl = x->first ? strlen(x->first) : 0;
    if (fl != 6 || !domestic_role(x->first + 3) || strncmp(x->first, x->mem->state, 3) ||
        !strcmp(x->first + 3, "BUS") || !strcmp(x->first + 3, "MED"))   /* "a company spokesman" */
        return 0;
    return domestic_role(m->code) || !strcmp(m->code, "GOV");
}

/* A role with no country of its own that takes the story's latest country (R5
 * of issue 10), unless it is "a spokesman for ..." or "the head of ...": first in
 * its sentence, any national role ("Finance Ministry officials said", "Business
 * groups criticised", "Union officials said"; not IGO, NGO, MNC roles); later in
 * it, a legislature, a court or the opposition ("the prime minister told parliament"). */
static int takes_story_country(const combine_ctx *x, const dyad_mention *m);

/* The country a role with none of its own takes (takes_story_country): first in
 * its sentence, the story's country (its headline's subject, not the state the
 * story named last, often the object of the sentence before: "officials said" in
 * a story headed "JAPAN REJECTS U.S. OBJECTIONS" are Japanese); else the story's
 * latest state, or for a legislature, court or opposition after a person first in
 * the sentence, that person's ("Prime Minister X told parliament"). 1 with it in cc. */
static int story_country(const combine_ctx *x, const dyad_mention *m, char cc[32])
{
    if (!takes_story_country(x, m))
        return 0;
    int institution = !strcmp(m->code, "LEG") || !strcmp(m->code, "JUD") || !strcmp(m->code, "OPP");
    if (x->out_n > 0 && institution && x->first && dyad_code_person_country(x->first))
        snprintf(cc, 32, "%.3s", x->first);
    else if (x->out_n == 0 && x->mem->story_org[0] && !strcmp(m->code, "GOV"))
        snprintf(cc, 32, "%s", x->mem->story_org);   /* "Ministers agreed" in "EC MINISTERS ...": EEC */
    else if (x->out_n == 0 && x->mem->story[0])
        snprintf(cc, 32, "%.3s", x->mem->story);
    else if (x->mem->state[0])
        snprintf(cc, 32, "%.3s", x->mem->state);
    else
        return 0;
    return 1;
}

static int takes_story_country(const combine_ctx *x, const dyad_mention *m)
{
    /* "an NEC spokesman", "a refinery official": the role of a named body or thing
     * that is no actor, not the story's country */
    const dyad_token *before = m->start > 0 ? &x->tok[m->start - 1] : NULL;
    if (before && !strcmp(m->code, "GOV") &&
        (before->tag == TAG_NN || (before->tag == TAG_NNP && (before->flags & TOKF_ALLCAPS))))
        return 0;
    static const char *const INTERNATIONAL[] = {"IGO", "NGO", "MNC", "UAF", "IMG", NULL};
    if (x->out_n > 0 && (!strcmp(m->code, "LEG") || !strcmp(m->code, "JUD") || !strcmp(m->code, "OPP")))
        /* "accused the opposition of ...", but not "the international tribunal" */
        return !(m->start > 0 && (dyad_tok_is(x->text, &x->tok[m->start - 1], "international") ||
                                  dyad_tok_is(x->text, &x->tok[m->start - 1], "world")));
    if (m->end < x->n && (dyad_tok_is(x->text, &x->tok[m->end], "for") ||
                          dyad_tok_is(x->text, &x->tok[m->end], "of")))
        return 0;
    if (x->out_n > 0)
        return acts_at_home(x, m);
    for (int i = 0; INTERNATIONAL[i]; i++)
        if (!strncmp(m->code, INTERNATIONAL[i], 3))
            return 0;
    return strlen(m->code) >= 3;
}

/* "police in Nairobi", "prosecutors in Seoul": the country of the place right
 * after "in"; 1 with its code in cc. */
static int country_of_place(const combine_ctx *x, const dyad_mention *m, size_t next, char cc[32])
{
    if (next >= x->nr || x->raw[next].start != m->end + 1 || m->end >= x->n ||
        !dyad_tok_is(x->text, &x->tok[m->end], "in") || entry_kind(x, next) != AK_STATE)
        return 0;
    const char *c = dyad_dict_role(x->d, &x->d->entries[x->raw[next].entry], x->ymd);
    if (!c || strlen(c) < 3)
        return 0;
    snprintf(cc, 32, "%.3s", c);
    return 1;
}

/* An agent with no country of its own: "his government", "their troops" take
 * the latest actor's country; "the government" in a story about a country is
 * that country's; a role word before an unknown proper name names a person. */
void dyad_agent_alone(const combine_ctx *x, dyad_mention *m, size_t next)
{
    const dyad_actor_memory *mem = x->mem;
    const dyad_token *tok = x->tok;
    int context = !x->d->opts.relevance_all && !m->named &&
                  !dyad_role_unidentified(x->text, x->tok, m->start);
    char cc[32];
    if (m->start > 0 && tok[m->start - 1].tag == TAG_PRPS && mem->any[0]) {
        snprintf(cc, sizeof cc, "%.3s", mem->any);
        dyad_code_add_role(cc, m->code);
        memcpy(m->code, cc, 32);
    } else if (m->start > 0 && dyad_tok_is(x->text, &tok[m->start - 1], "the") &&
               mem->state[0] && m->end - m->start == 1) {
        /* first in its sentence, "the government" is the story's (story_country) */
        snprintf(cc, sizeof cc, "%.3s", context && x->out_n == 0 && mem->story[0] ? mem->story : mem->state);
        dyad_code_add_role(cc, m->code);
        memcpy(m->code, cc, 32);
    } else if (context && country_of_place(x, m, next, cc)) {
        dyad_code_add_role(cc, m->code);
        memcpy(m->code, cc, 32);
    } else if (context && story_country(x, m, cc)) {
        dyad_code_add_role(cc, m->code);
        memcpy(m->code, cc, 32);
    }
    m->kind = AK_AGENT;
    uint32_t k = m->end;
    while (k < x->n && (tok[k].tag == TAG_NNP) && (tok[k].flags & TOKF_CAP) &&
           !dyad_is_weekday(x->text, &tok[k]) &&   /* "police Tuesday": a date, not a name */
           (next >= x->nr || k < x->raw[next].start))
        k++;
    if (k > m->end) {
        m->end = k;
        m->named = 1;
    }
}
