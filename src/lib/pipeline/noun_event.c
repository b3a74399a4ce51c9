/* noun_event.c - events named by a noun (contract in noun_event.h). */
#include "noun_event.h"

#include <string.h>

#include "util.h"

/* A noun that names an act done to the actor after "of". */
typedef struct {
    const char *word;
    const char *code;
} event_noun;

static const event_noun OF_NOUNS[] = {
    {"kidnapping", "181"}, {"kidnappings", "181"}, {"abduction", "181"}, {"abductions", "181"},
    {"kidnap-murder", "181"}, {"hijacking", "181"}, {"torture", "1822"}, {"murder", "1823"},
    {"murders", "1823"}, {"killing", "1823"}, {"killings", "1823"}, {"lynching", "1823"},
    {"assassination", "186"}, {"arrest", "173"}, {"arrests", "173"}, {"detention", "173"},
    {"bombing", "183"}, {"bombings", "183"}, {"shelling", "194"}, {"invasion", "190"},
    {"siege", "191"}, {"blockade", "191"}, {NULL, NULL}};

/* Military attack nouns that take "on" + target. */
static const event_noun ON_NOUNS[] = {
    {"airstrike", "195"}, {"airstrikes", "195"}, {"air strike", "195"}, {"air strikes", "195"},
    {"air raid", "195"}, {"air raids", "195"}, {"drone strike", "1952"}, {"drone strikes", "1952"},
    {"missile strike", "190"}, {"missile strikes", "190"}, {NULL, NULL}};

/* "attack" and "assault" are military only after a word of arms. */
static const event_noun ARMS[] = {
    {"rocket", "190"}, {"missile", "190"}, {"mortar", "194"}, {"artillery", "194"},
    {"suicide", "1831"}, {"bomb", "183"}, {"grenade", "183"}, {"terrorist", "180"},
    {"terror", "180"}, {"militant", "180"}, {"insurgent", "180"}, {"armed", "190"},
    {"military", "190"}, {"air", "195"}, {"drone", "1952"}, {"gun", "193"}, {NULL, NULL}};

/* Words before the noun that make it no act done: threats, fears, plans,
 * calls, prevention, modals, negation, an end ("lifting the house arrest of"). */
static const char *const NOT_DONE[] = {
    "threat", "threats", "threaten", "threatens", "threatened", "threatening", "fear", "fears",
    "feared", "risk", "plan", "plans", "planned", "plot", "plotting", "call", "calls", "called",
    "demand", "demands", "demanded", "urged", "sought", "seek", "seeks", "prevent", "prevented",
    "foil", "foiled", "thwart", "thwarted", "avoid", "could", "might", "may", "would", "should",
    "if", "unless", "no", "not", "n't", "never", "denied", "denies", "deny", "lift", "lifts", "lifted",
    "lifting", "end", "ended", "ending", "ends", NULL};

/* If token tk spells the first word of w (ignoring ASCII case), what follows
 * it in w ("" or " strikes"); else NULL. */
static const char *first_word_of(const char *text, const dyad_token *tk, const char *w)
{
    const char *s = text + tk->off;
    for (uint32_t i = 0; i < tk->len; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != w[i])
            return NULL;
    }
    return w[tk->len] == ' ' || w[tk->len] == '\0' ? w + tk->len : NULL;
}

static const char *noun_of(const event_noun *table, const char *text, const dyad_token *tok, size_t n,
                           uint32_t t, uint32_t *end)
{
    for (int i = 0; table[i].word; i++) {
        const char *rest = tok[t].len ? first_word_of(text, &tok[t], table[i].word) : NULL;
        if (!rest)
            continue;
        if (!*rest) {
            *end = t + 1;
            return table[i].code;
        }
        if (t + 1 < n && dyad_tok_is(text, &tok[t + 1], rest + 1)) {
            *end = t + 2;
            return table[i].code;
        }
    }
    return NULL;
}

/* "a rocket attack", "suicide attacks": the code of an attack noun at t after
 * a word of arms. */
static const char *armed_attack(const char *text, const dyad_token *tok, size_t n, uint32_t t, uint32_t *end)
{
    static const char *const ATTACK[] = {"attack", "attacks", "assault", NULL};
    if (t == 0 || t >= n)
        return NULL;
    for (int i = 0; ATTACK[i]; i++)
        if (dyad_tok_is(text, &tok[t], ATTACK[i])) {
            uint32_t e;
            const char *code = noun_of(ARMS, text, tok, n, t - 1, &e);
            if (code)
                *end = t + 1;
            return code;
        }
    return NULL;
}

/* A token that may stand inside a noun phrase before its head. */
static int in_phrase(const dyad_token *tk)
{
    return tk->tag == TAG_DT || tk->tag == TAG_CD || tk->tag == TAG_JJ || tk->tag == TAG_POS ||
           tk->tag == TAG_PRPS || dyad_tag_is_noun(tk->tag);
}

/* The actor starting within a few words of a noun phrase that starts at from. */
static int32_t actor_at(const dyad_mentions *ms, const dyad_token *tok, size_t n, uint32_t from)
{
    for (uint32_t u = from; u < n && u < from + 4; u++) {
        int32_t m = dyad_mention_starting(ms, u);
        if (m >= 0)
            return m;
        if (!in_phrase(&tok[u]))
            return -1;
    }
    return -1;
}

/* The actor ending right before the noun phrase of token t ("Israeli air
 * strikes", "Iraq's invasion"). */
static int32_t actor_before(const dyad_mentions *ms, const dyad_token *tok, uint32_t t)
{
    uint32_t lo = t > 3 ? t - 3 : 0;
    for (size_t i = 0; i < ms->n; i++) {
        const dyad_mention *m = &ms->m[i];
        if (m->end > t || m->end < lo)
            continue;
        uint32_t u = m->end;
        while (u < t && (tok[u].tag == TAG_POS || tok[u].tag == TAG_JJ || tok[u].tag == TAG_NN))
            u++;
        if (u == t)
            return (int32_t)i;
    }
    return -1;
}

static int political_victim(const dyad_mention *m)
{
    return !(m->kind == AK_AGENT && strlen(m->code) <= 3);
}

static int not_done(const char *text, const dyad_token *tok, size_t n, uint32_t t)
{
    if (n > 0 && dyad_tok_is(text, &tok[n - 1], "?"))
        return 1;
    for (uint32_t u = t > 6 ? t - 6 : 0; u < t; u++)
        for (int i = 0; NOT_DONE[i]; i++)
            if (dyad_tok_is(text, &tok[u], NOT_DONE[i]))
                return 1;
    return 0;
}

static int add_noun_event(dyad_cands *out, int32_t src, int32_t tgt, const char *code, uint32_t noun,
                          uint32_t end)
{
    if (DYAD_GROW(out->c, out->cap, out->n + 1) < 0)
        return -1;
    dyad_cand *c = &out->c[out->n++];
    memset(c, 0, sizeof *c);
    c->src = src;
    c->tgt = tgt;
    c->vg = -1;
    c->pattern = -1;
    snprintf(c->code, sizeof c->code, "%s", code);
    c->noun = noun;
    c->noun_end = end;
    return 1;
}

/* "clashes between A and B": both directions. */
static long clash_between(const char *text, const dyad_token *tok, size_t n, const dyad_mentions *ms,
                          uint32_t t, dyad_cands *out)
{
    static const char *const CLASH[] = {"clash", "clashes", "fighting", "skirmishes", "battles", NULL};
    int is_clash = 0;
    for (int i = 0; CLASH[i]; i++)
        is_clash |= dyad_tok_is(text, &tok[t], CLASH[i]);
    if (!is_clash || t + 2 >= n || !dyad_tok_is(text, &tok[t + 1], "between") || not_done(text, tok, n, t))
        return 0;
    int32_t a = actor_at(ms, tok, n, t + 2);
    if (a < 0 || ms->m[a].end >= n || !dyad_tok_is(text, &tok[ms->m[a].end], "and"))
        return 0;
    int32_t b = actor_at(ms, tok, n, ms->m[a].end + 1);
    if (b < 0 || !political_victim(&ms->m[a]) || !political_victim(&ms->m[b]))
        return 0;
    if (add_noun_event(out, a, b, "190", t, ms->m[b].end) < 0 ||
        add_noun_event(out, b, a, "190", t, ms->m[b].end) < 0)
        return -1;
    return 2;
}

/* Nouns of meeting and negotiation: "talks with X", "a meeting between A and
 * B"; and of a visit: "a visit to X". */
static const event_noun MEET_NOUNS[] = {
    {"talks", "046"}, {"negotiations", "046"}, {"meeting", "040"}, {"meetings", "040"},
    {"discussions", "040"}, {"consultations", "040"}, {"summit", "040"}, {NULL, NULL}};
static const event_noun VISIT_NOUNS[] = {
    {"visit", "042"}, {"visits", "042"}, {"trip", "042"}, {NULL, NULL}};

/* Words before a meeting noun (anywhere in the sentence before it) that make
 * it not (yet) held: it is planned, proposed, awaited or refused. */
static const char *const NOT_HELD[] = {
    "will", "'ll", "would", "shall", "expected", "expects", "due", "scheduled", "next", "proposed",
    "propose", "proposes", "suggested", "offer", "offered", "invited", "invitation", "ahead",
    "before", "prepare", "prepares", "preparing", "preparation", "announcement", "resume",
    "resumption", "agreed", "agree", "want", "wants", "wanted", "hope", "hoped", "hopes",
    "planning", "forthcoming", "upcoming", "future", "possible", "probable", "prospects",
    "request", "requested", "asked", "seeking", "refused", "rejected", "arrange", "time", "plans",
    "doubtful", "reports", "worried", "door", "tomorrow", "cancelled", "canceled", "cancel",
    "postponed", "postpone", "forward", "leaves", "leave", "flies", "fly", "aimed", "efforts",
    "starting", NULL};

/* Words right after the meeting's party that put it in the future: "a
 * meeting with X later today", "talks ... scheduled for Thursday". */
static const char *const HELD_LATER[] = {
    "next", "later", "scheduled", "tomorrow", "starting", "due", "about", "planned", "consideration",
    "possible", NULL};
static const char *const HELD_SOON[] = {"expected", "will", "would", "could", "might", "may", "possible",
                                        NULL};

static int word_in(const char *text, const dyad_token *tok, uint32_t from, uint32_t to,
                   const char *const *words)
{
    for (uint32_t u = from; u < to; u++)
        if (dyad_tok_in(text, &tok[u], words))
            return 1;
    return 0;
}

static int not_held(const char *text, const dyad_token *tok, size_t n, uint32_t t, uint32_t party_end)
{
    uint32_t after = party_end + 6 < n ? party_end + 6 : (uint32_t)n;
    uint32_t soon = party_end + 3 < n ? party_end + 3 : (uint32_t)n;
    return not_done(text, tok, n, t) || word_in(text, tok, 0, t, NOT_HELD) ||
           word_in(text, tok, party_end, after, HELD_LATER) || word_in(text, tok, party_end, soon, HELD_SOON);
}

/* The media: a news agency is the reporter, not a party to a meeting. */
static int is_media(const dyad_mention *m)
{
    return strstr(m->code, "MED") != NULL;
}

/* A state, government or named political actor: no role alone, no company. */
static int political_party(const dyad_mention *m)
{
    return political_victim(m) && !strstr(m->code, "BUS") && !is_media(m);
}

/* The sentence's subject before token t: the first actor of the sentence,
 * standing before its first verb ("Shultz ... drove to a meeting with X"). */
static int32_t subject_before(const dyad_mentions *ms, const dyad_token *tok, size_t n, uint32_t t)
{
    if (ms->n == 0 || ms->m[0].start > 3 || ms->m[0].end > t)
        return -1;
    for (uint32_t u = 0; u < ms->m[0].start && u < n; u++)
        if (dyad_tag_is_verb(tok[u].tag))
            return -1;
    return 0;
}

/* The subject after an opening clause that holds the noun ("After talks with
 * X, the minister said"): the first actor after the comma that follows the
 * noun's party, when the sentence opens with a preposition or a participle. */
static int32_t subject_after_clause(const dyad_mentions *ms, const dyad_token *tok, size_t n,
                                    uint32_t party_end)
{
    if (n == 0 || (tok[0].tag != TAG_IN && tok[0].tag != TAG_VBG))
        return -1;
    uint32_t u = party_end;
    while (u < n && tok[u].tag != TAG_PPC) {
        if (dyad_tag_is_verb(tok[u].tag) && tok[u].tag != TAG_VBG && tok[u].tag != TAG_VBN)
            return -1;
        u++;
    }
    if (u + 1 >= n)
        return -1;
    int32_t m = dyad_mention_starting(ms, u + 1);
    if (m < 0 && u + 2 < n && tok[u + 1].tag == TAG_DT)
        m = dyad_mention_starting(ms, u + 2);
    /* "talks with the World Bank, IMF and the Paris Club": a list goes on */
    if (m >= 0 && ms->m[m].end < n && (tok[ms->m[m].end].tag == TAG_CC || tok[ms->m[m].end].tag == TAG_PPC))
        return -1;
    return m;
}

/* Whether the verbs already coded an act of the party of mention a towards
 * someone (a >= 0), or any act between two parties (a < 0): the sentence is
 * then about that act ("visited Washington for talks with X", "suspended talks
 * with X", "after talks with X, Y signed a pact with Z"), and the meeting noun
 * adds nothing. */
static int act_known(const dyad_cands *out, const dyad_mentions *ms, int32_t a)
{
    for (size_t i = 0; i < out->n; i++) {
        const dyad_cand *c = &out->c[i];
        if (c->src >= 0 && c->tgt >= 0 && (a < 0 || !strncmp(ms->m[c->src].code, ms->m[a].code, 3)))
            return 1;
    }
    return 0;
}

static int same_party(const dyad_mentions *ms, int32_t a, int32_t b)
{
    return !strncmp(ms->m[a].code, ms->m[b].code, 3);
}

/* Both ways between mentions a and b, when the meeting was held. */
static long meeting_each_way(const char *text, const dyad_token *tok, size_t n, const dyad_mentions *ms,
                             uint32_t t, int32_t a, int32_t b, const char *code, dyad_cands *out)
{
    if (a < 0 || b < 0 || !political_party(&ms->m[a]) || !political_party(&ms->m[b]) ||
        !strncmp(ms->m[a].code, ms->m[b].code, 3) ||
        not_held(text, tok, n, t, ms->m[b].end > t ? ms->m[b].end : t + 1) ||
        act_known(out, ms, -1))
        return 0;
    uint32_t e = ms->m[b].end > t ? ms->m[b].end : t + 1;
    if (add_noun_event(out, a, b, code, t, e) < 0 || add_noun_event(out, b, a, code, t, e) < 0)
        return -1;
    return 2;
}

/* "U.S.-Japanese talks": the two mentions joined by a hyphen right before t. */
static int hyphen_pair(const char *text, const dyad_token *tok, const dyad_mentions *ms, uint32_t t,
                       int32_t *a, int32_t *b)
{
    for (size_t i = 1; i < ms->n; i++)
        if (ms->m[i].end == t && ms->m[i].start >= 2 && dyad_tok_is(text, &tok[ms->m[i].start - 1], "-") &&
            ms->m[i - 1].end == ms->m[i].start - 1) {
            *a = (int32_t)i - 1;
            *b = (int32_t)i;
            return 1;
        }
    return 0;
}

/* The source of "a meeting with X" / "a visit to X": the agent after X
 * ("visits to X by Y"), the actor before the noun, or the sentence's subject. */
static int32_t meeting_source(const char *text, const dyad_token *tok, size_t n, const dyad_mentions *ms,
                              uint32_t t, int32_t tgt)
{
    int32_t src = -1;
    if (ms->m[tgt].end + 1 < n && dyad_tok_is(text, &tok[ms->m[tgt].end], "by"))
        src = actor_at(ms, tok, n, ms->m[tgt].end + 1);
    if (src < 0)
        src = actor_before(ms, tok, t);
    if (src < 0)
        src = subject_before(ms, tok, n, t);
    if (src < 0)
        src = subject_after_clause(ms, tok, n, ms->m[tgt].end);
    return src;
}

/* "talks between A and B", "U.S.-Soviet talks", "a meeting with X", "talks in
 * Paris with X", "a visit to X" at token t. */
static long meeting_noun(const char *text, const dyad_token *tok, size_t n, const dyad_mentions *ms,
                         uint32_t t, dyad_cands *out)
{
    uint32_t end;
    const char *code = noun_of(MEET_NOUNS, text, tok, n, t, &end);
    const char *prep = "with";
    if (!code) {
        code = noun_of(VISIT_NOUNS, text, tok, n, t, &end);
        prep = "to";
    }
    static const char *const SINCE[] = {"after", "following", "since", NULL};
    if (!code || end + 1 >= n ||
        (act_known(out, ms, -1) && word_in(text, tok, t > 4 ? t - 4 : 0, t, SINCE)))
        return 0;   /* "X suspended talks with Y after Z's visit to W": a time mark */
    int32_t a, b;
    if (code[2] != '2' && hyphen_pair(text, tok, ms, t, &a, &b))
        return meeting_each_way(text, tok, n, ms, t, a, b, code, out);
    if (code[2] != '2' && dyad_tok_is(text, &tok[end], "between")) {
        a = actor_at(ms, tok, n, end + 1);
        if (a < 0 || ms->m[a].end >= n || !dyad_tok_is(text, &tok[ms->m[a].end], "and"))
            return 0;
        return meeting_each_way(text, tok, n, ms, t, a, actor_at(ms, tok, n, ms->m[a].end + 1), code, out);
    }
    int32_t place = -1;   /* "talks in Washington with the World Bank" */
    if (prep[0] == 'w' && (dyad_tok_is(text, &tok[end], "in") || dyad_tok_is(text, &tok[end], "at")) &&
        (place = dyad_mention_starting(ms, end + 1)) >= 0 && ms->m[place].kind == AK_STATE)
        end = ms->m[place].end;
    if (end + 1 >= n || !dyad_tok_is(text, &tok[end], prep))
        return 0;
    int32_t tgt = actor_at(ms, tok, n, end + 1);
    int32_t src = tgt >= 0 ? meeting_source(text, tok, n, ms, t, tgt) : -1;
    if (tgt < 0 || src < 0)
        return 0;
    uint32_t last = ms->m[src].end > ms->m[tgt].end ? ms->m[src].end : ms->m[tgt].end;
    if (!political_party(&ms->m[tgt]) || !political_party(&ms->m[src]) || same_party(ms, src, tgt) ||
        not_held(text, tok, n, t, last) || act_known(out, ms, src))
        return 0;
    return add_noun_event(out, src, tgt, code, t, last) < 0 ? -1 : 1;
}

/* The event of the noun at t, if any: its code, and the token after it. */
static const char *event_noun_at(const char *text, const dyad_token *tok, size_t n, uint32_t t,
                                 uint32_t *end, const char **prep)
{
    const char *code = noun_of(OF_NOUNS, text, tok, n, t, end);
    *prep = "of";
    if (!code) {
        *prep = "on";
        code = noun_of(ON_NOUNS, text, tok, n, t, end);
        if (!code)
            code = armed_attack(text, tok, n, t, end);
    }
    return code;
}

long dyad_find_noun_events(const char *text, const dyad_token *tok, size_t n, const dyad_mentions *ms,
                           FILE *ex, dyad_cands *out)
{
    long added = 0;
    for (uint32_t t = 0; t + 2 < n; t++) {
        if (!dyad_tag_is_noun(tok[t].tag) && tok[t].tag != TAG_JJ)
            continue;
        long r = clash_between(text, tok, n, ms, t, out);
        if (r < 0)
            return -1;
        added += r;
        uint32_t end;
        const char *prep;
        const char *code = event_noun_at(text, tok, n, t, &end, &prep);
        if (!code || end >= n || !dyad_tok_is(text, &tok[end], prep) || not_done(text, tok, n, t))
            continue;
        int32_t tgt = actor_at(ms, tok, n, end + 1);
        if (tgt < 0 || !political_victim(&ms->m[tgt]))
            continue;
        uint32_t phrase_end = ms->m[tgt].end;
        while (phrase_end < n && phrase_end < ms->m[tgt].end + 2 && dyad_tag_is_noun(tok[phrase_end].tag))
            phrase_end++;   /* "three Palestinian teenagers" */
        int32_t src = -1;
        if (phrase_end + 1 < n && dyad_tok_is(text, &tok[phrase_end], "by"))
            src = actor_at(ms, tok, n, phrase_end + 1);
        if (src >= 0)
            phrase_end = ms->m[src].end;
        else
            src = actor_before(ms, tok, t);
        if (src >= 0 && (ms->m[src].group == ms->m[tgt].group || !strcmp(ms->m[src].code, ms->m[tgt].code)))
            src = -1;   /* "the blockade of Qatar by its neighbours" */
        if (add_noun_event(out, src, tgt, code, t, phrase_end) < 0)
            return -1;
        added++;
        if (ex)
            fprintf(ex, "    noun \"%.*s\": event %s named by a noun\n", (int)tok[t].len, text + tok[t].off, code);
    }
    return added;
}

long dyad_find_meeting_nouns(const char *text, const dyad_token *tok, size_t n, const dyad_mentions *ms,
                             FILE *ex, dyad_cands *out)
{
    long added = 0;
    if (ms->n < 2)
        return 0;   /* a meeting needs two parties */
    for (uint32_t t = 0; t + 2 < n; t++) {
        if (!dyad_tag_is_noun(tok[t].tag))
            continue;
        long r = meeting_noun(text, tok, n, ms, t, out);
        if (r < 0)
            return -1;
        added += r;
        if (r && ex)
            fprintf(ex, "    noun \"%.*s\": meeting or visit named by a noun\n", (int)tok[t].len, text + tok[t].off);
    }
    return added;
}
