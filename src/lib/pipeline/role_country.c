/* role_country.c - domestic roles that take the country of the sentence's
 * first actor (contract in role_country.h). */
#include "role_country.h"

#include "actor_match.h"

#include <stdio.h>
#include <string.h>

static int code_in(const char *code, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (!strcmp(code, list[i]))
            return 1;
    return 0;
}

/* Roles a state's own actors hold at home. */
static const char *const HOME_ROLES[] = {"GOV", "LEG", "JUD", "OPP", "CVL", "EDU", "AGR", "LAB", "COP", "BUS",
                                         NULL};

/* The first mention's country when it is a state's actor in office or at home
 * ("TWNGOV", "USALEG"), written to cc; 0 otherwise. */
static int first_country(const dyad_mention *first, char cc[4])
{
    static const char *const NOT_STATES[] = {"IGO", "UNO", "EEC", "NGO", "IMG", "OAS", "COE", "NAT", "GOV",
                                             "MIL", "OPP", "REB", "BUS", "ELI", "MNC", "UAF", NULL};
    static const char *const LEADING_ROLES[] = {"GOV", "LEG", "JUD", "OPP", "ELI", "COP", "LAB", "EDU",
                                                "AGR", NULL};
    if (strlen(first->code) != 6)
        return 0;
    char state[4], role[4];
    memcpy(state, first->code, 3);
    state[3] = 0;
    memcpy(role, first->code + 3, 4);
    if (code_in(state, NOT_STATES) || !code_in(role, LEADING_ROLES))
        return 0;
    memcpy(cc, state, 4);
    return 1;
}

/* A role of another country or of no state: "foreign officials", "international
 * courts", "creditor banks", "EC ministers", "Muslim women", "officials of the countries visited", "a spokesman for the bank". */
static int foreign_role(const char *text, const dyad_token *tok, size_t n, const dyad_mention *m)
{
    static const char *const BEFORE[] = {"foreign", "international", "world", "overseas", "other", "visiting",
                                         "western", "outside", "creditor", "lender", NULL};
    /* "EC ministers", "an NEC spokesman", "Muslim women", "Tamil guerrillas": the
     * role of a body or a people a capitalised word names, not the first actor's */
    static const char *const COMMON_ADJ[] = {"federal", "central", "provincial", "regional", "local",
                                             "state", "coalition", "military", "civilian", NULL};
    if (m->start > 1 && (tok[m->start - 1].flags & TOKF_CAP)) {
        /* "the Federal Government", "State administrations": a capitalised
         * common adjective names no other body */
        for (int i = 0; COMMON_ADJ[i]; i++)
            if (dyad_tok_is(text, &tok[m->start - 1], COMMON_ADJ[i]))
                return 0;
        return 1;
    }
    if (m->start > 0)
        for (int i = 0; BEFORE[i]; i++)
            if (dyad_tok_is(text, &tok[m->start - 1], BEFORE[i]))
                return 1;
    /* "of the countries", "for the bank", "from Japan"; not "teachers for their work" */
    uint32_t k = m->end;
    if (!(k + 1 < n && (dyad_tok_is(text, &tok[k], "of") || dyad_tok_is(text, &tok[k], "for") ||
                        dyad_tok_is(text, &tok[k], "from"))))
        return 0;
    return dyad_tok_is(text, &tok[k + 1], "the") || dyad_tok_is(text, &tok[k + 1], "a") ||
           dyad_tok_is(text, &tok[k + 1], "an") || (tok[k + 1].flags & TOKF_CAP);
}

/* Later domestic roles take the first mention's country. */
static void roles_take_first_country(const char *text, const dyad_token *tok, size_t n, dyad_mentions *ms)
{
    char cc[4];
    if (ms->n < 2 || !first_country(&ms->m[0], cc))
        return;
    for (size_t i = 1; i < ms->n; i++) {
        dyad_mention *m = &ms->m[i];
        if (m->kind != AK_AGENT || m->named || m->is_ref || !code_in(m->code, HOME_ROLES) ||
            foreign_role(text, tok, n, m))
            continue;
        char code[32];
        snprintf(code, sizeof code, "%.3s%.28s", cc, m->code);   /* a role code of HOME_ROLES: 3 letters */
        memcpy(m->code, code, sizeof code);
    }
}

/* A role inside a proper name that a state's name opens, which the actor stage
 * left out as a place inside a name: "the Australian Waterside Workers'
 * Federation" (LAB) is AUSLAB, "Thursday Deputy U.S. Trade Representative
 * Michael Smith" (GOV) USAGOV. The state's name ends at most two capitalised
 * words before the role; a state with dated codes is left alone. */
static void state_opens_role_name(const dyad_dict *d, const dyad_token *tok, size_t n, dyad_mentions *ms)
{
    static const char *const ROLES[] = {"GOV", "LEG", "JUD", "OPP", "LAB", "COP", "MIL", "AGR", "EDU", NULL};
    for (size_t i = 0; i < ms->n; i++) {
        dyad_mention *m = &ms->m[i];
        if (m->kind != AK_AGENT || m->is_ref || !code_in(m->code, ROLES) || (i > 0 && ms->m[i - 1].end + 3 > m->start))
            continue;
        for (uint32_t j = m->start >= 3 ? m->start - 3 : 0; j < m->start; j++) {
            int32_t e = -1;
            uint32_t end = dyad_actor_longest(d, tok, n, j, &e);
            if (end == 0 || end > m->start || e < 0 || d->entries[e].kind != AK_STATE || d->entries[e].role_n != 1)
                continue;
            int caps = 1;
            for (uint32_t t = j; t < m->start; t++)
                caps &= (tok[t].flags & TOKF_CAP) && (dyad_tag_is_noun(tok[t].tag) || tok[t].tag == TAG_JJ);
            const char *cc = dyad_dict_role(d, &d->entries[e], 0);
            if (caps && cc && strlen(cc) == 3) {
                char code[32];
                snprintf(code, sizeof code, "%.3s%.28s", cc, m->code);
                memcpy(m->code, code, sizeof code);
            }
            break;
        }
    }
}

/* The word of a legislature or legislator that names the US Congress in most
 * news ("Congress", "the Senate", "Sen.", "Rep.", "congressional"; the title may
 * be split from its period at the start of a sentence): 1 for a congress, 2 for
 * a senate, 0 for none. */
static int congress_word(const char *text, const dyad_token *t)
{
    static const char *const CONGRESS[] = {"congress", "congressional", "congressman", "congressmen",
                                           "congresswoman", "rep.", "reps.", "rep", "reps", NULL};
    static const char *const SENATE[] = {"senate", "senator", "senators", "sen.", "sens.", "sen", "sens", NULL};
    if (!(t->flags & TOKF_CAP))
        return 0;
    for (int i = 0; CONGRESS[i]; i++)
        if (dyad_tok_is(text, t, CONGRESS[i]))
            return 1;
    for (int i = 0; SENATE[i]; i++)
        if (dyad_tok_is(text, t, SENATE[i]))
            return 2;
    return 0;
}

/* A cabinet title of the US kind at token k ("Commerce Secretary", "Secretary of
 * Commerce", "Undersecretary"): 3; not a party's, a cabinet's or a ministry's
 * civil servant ("General Secretary", "Chief Cabinet Secretary", "State
 * Secretary", "Permanent Secretary") nor "Secretary General". */
static int secretary_word(const char *text, const dyad_token *tok, size_t n, uint32_t k)
{
    static const char *const NOT_BEFORE[] = {"state", "cabinet", "chief", "party", "general", "permanent",
                                             "parliamentary", "executive", "private", "first", NULL};
    const dyad_token *t = &tok[k];
    if (!(t->flags & TOKF_CAP) ||
        !(dyad_tok_is(text, t, "secretary") || dyad_tok_is(text, t, "undersecretary")))
        return 0;
    if (k + 1 < n && dyad_tok_is(text, &tok[k + 1], "general"))
        return 0;
    for (int i = 0; k > 0 && NOT_BEFORE[i]; i++)
        if (dyad_tok_is(text, &tok[k - 1], NOT_BEFORE[i]))
            return 0;
    return 3;
}

/* A secretary of a US department ("Commerce Secretary", "Secretary of
 * Agriculture", "Undersecretary", "Secretary of State" but not "Secretary of
 * State for Trade"): with no country from the context, these alone are taken
 * for the United States' ("Transport Secretary", "Energy Secretary" are as
 * often British). */
static int us_department(const char *text, const dyad_token *tok, size_t n, uint32_t k)
{
    static const char *const DEPARTMENTS[] = {"commerce", "treasury", "agriculture", "interior", "labor",
                                              "transportation", "defense", "housing", NULL};
    if (dyad_tok_is(text, &tok[k], "undersecretary"))
        return 1;
    for (int i = 0; DEPARTMENTS[i]; i++)
        if ((k > 0 && dyad_tok_is(text, &tok[k - 1], DEPARTMENTS[i])) ||
            (k + 2 < n && dyad_tok_is(text, &tok[k + 1], "of") && dyad_tok_is(text, &tok[k + 2], DEPARTMENTS[i])))
            return 1;
    return k + 2 < n && dyad_tok_is(text, &tok[k + 1], "of") && dyad_tok_is(text, &tok[k + 2], "state") &&
           !(k + 3 < n && dyad_tok_is(text, &tok[k + 3], "for"));
}

/* States whose legislature (or one of its houses) bears that name (kind 1, 2), or
 * whose ministers or officials are secretaries (kind 3). */
static int has_such_legislature(const char *cc, int kind)
{
    static const char *const CONGRESS_STATES[] = {
        "USA", "PHL", "ARG", "BOL", "BRA", "CHL", "COL", "DOM", "ECU", "GTM", "HND", "MEX", "PER",
        "PRY", "URY", "VEN", "GUM", "FSM", "PLW", NULL};
    static const char *const SENATE_STATES[] = {
        "USA", "PHL", "ARG", "BOL", "BRA", "CHL", "COL", "DOM", "MEX", "PRY", "URY", "VEN", "ITA",
        "FRA", "AUS", "CAN", "BEL", "NLD", "IRL", "ESP", "POL", "CZE", "ROU", "HTI", "JAM", "TTO",
        "BHS", "BRB", "BLZ", "PAK", "NGA", "LBR", "THA", "MYS", "JOR", "KEN", "ZWE", "ZAF", "CMR",
        "GAB", "COD", "RWA", "BDI", "MDG", "SEN", "KHM", "AFG", "KAZ", "RUS", "SVN", "NPL", NULL};
    static const char *const SECRETARY_STATES[] = {
        "USA", "PHL", "GBR", "HKG", "CAN", "AUS", "NZL", "IRL", "IND", "PAK", "BGD", "LKA", "KEN",
        "NGA", "GHA", "UGA", "TZA", "ZMB", "ZWE", "MYS", "SGP", "ARG", "MEX", "BRA", "CHL", "COL",
        "VEN", "PER", "ECU", "URY", "PRY", "BOL", "GTM", "HND", "SLV", "NIC", "CRI", "PAN", "DOM",
        "CUB", "JAM", "TTO", NULL};
    return code_in(cc, kind == 1 ? CONGRESS_STATES : kind == 2 ? SENATE_STATES : SECRETARY_STATES);
}

/* "Congress", "the Senate", "Sen. Jake Garn", "congressional leaders" (LEG), and
 * "Commerce Secretary X", "Secretary of Agriculture X" (GOV, MIL) with no state
 * named in the mention itself: the country the context gave ("Senate votes on
 * Japan" is no Japanese legislature, "Commerce Secretary X on Taiwan's surplus"
 * no Taiwanese minister) holds only when that state has such a legislature or
 * such secretaries; else, or with none, it is the United States'. */
static void us_style_titles(const char *text, const dyad_token *tok, size_t n, dyad_mentions *ms)
{
    for (size_t i = 0; i < ms->n; i++) {
        dyad_mention *m = &ms->m[i];
        size_t len = strlen(m->code);
        if (m->kind != AK_AGENT || m->entry >= 0 || m->is_ref || (len != 3 && len != 6))
            continue;
        const char *role = m->code + len - 3;
        int leg = !strcmp(role, "LEG"), gov = !strcmp(role, "GOV") || !strcmp(role, "MIL");
        int kind = 0, us_only = 0;
        for (uint32_t k = m->start; k < m->end && !kind; k++) {
            kind = leg ? congress_word(text, &tok[k]) : gov ? secretary_word(text, tok, n, k) : 0;
            us_only = kind == 3 && us_department(text, tok, n, k);
        }
        char cc[4] = "";
        if (len == 6)
            snprintf(cc, sizeof cc, "%.3s", m->code);
        if (!kind || (cc[0] && has_such_legislature(cc, kind)) || (!cc[0] && kind == 3 && !us_only))
            continue;
        char code[32];
        snprintf(code, sizeof code, "USA%.3s", role);
        memcpy(m->code, code, sizeof code);
    }
}

/* A body whose members are states and meet as ministers or delegates (the EC,
 * OPEC, EFTA, the Group of Seven, the UN, NATO...), not a lender (World Bank,
 * IMF: their missions meet the borrower's officials) nor a company. */
int dyad_body_of_states(const char *code)
{
    static const char *const BODIES[] = {"EEC", "OPC", "EFT", "GOS", "IGO", "NAT", "ASN", "GCC", "OAU",
                                         "ARL", "UNO", "OAS", "COE", "PGS", NULL};
    if (strlen(code) != 3 && strlen(code) != 6)   /* "EEC", "OPCGOV" ("OPEC ministers") */
        return 0;
    for (int i = 0; BODIES[i]; i++)
        if (!strncmp(code, BODIES[i], 3))
            return 1;
    return 0;
}

int dyad_role_unidentified(const char *text, const dyad_token *tok, uint32_t start)
{
    static const char *const UNNAMED[] = {"unidentified", "unknown", "unnamed", "mysterious", NULL};
    for (uint32_t k = start > 2 ? start - 2 : 0; k < start; k++)
        for (int i = 0; UNNAMED[i]; i++)
            if (dyad_tok_is(text, &tok[k], UNNAMED[i]))
                return 1;
    return 0;
}

void dyad_roles_take_first_country(const dyad_dict *d, const char *text, const dyad_token *tok, size_t n,
                                   dyad_mentions *ms)
{
    if (d->opts.relevance_all)
        return;
    us_style_titles(text, tok, n, ms);   /* first: "Sen. X urged the administration" */
    state_opens_role_name(d, tok, n, ms);   /* "the Australian Waterside Workers' Federation" */
    roles_take_first_country(text, tok, n, ms);
}
