/* name_memory.c - people a document names in full once, then by surname alone
 * (contract in name_memory.h). */
#include "name_memory.h"

#include <string.h>

#include "actor.h"
#include "actor_match.h"
#include "date.h"
#include "sentence.h"
#include "util.h"

void dyad_names_reset(dyad_name_memory *nm) { nm->n = 0; }

/* Is token t exactly the string s (case kept)? */
static int tok_equals(const char *text, const dyad_token *t, const char *s)
{
    return t->len == strlen(s) && !memcmp(text + t->off, s, t->len);
}

static void tok_copy(const char *text, const dyad_token *t, char out[DYAD_NAME_LEN])
{
    size_t l = t->len < DYAD_NAME_LEN - 1 ? t->len : DYAD_NAME_LEN - 1;
    memcpy(out, text + t->off, l);
    out[l] = 0;
}

/* A word that can be a surname: capitalized, not all capitals ("III", "USDA"),
 * letters (and a hyphen or an apostrophe: "Al-Sabah", "O'Neill"), at least three,
 * no weekday or month. */
static int surname_like(const char *text, const dyad_token *t)
{
    if (!(t->flags & TOKF_CAP) || (t->flags & TOKF_ALLCAPS) || t->len < 3 || t->len >= DYAD_NAME_LEN)
        return 0;
    const char *s = text + t->off;
    for (uint32_t k = 0; k < t->len; k++) {
        char c = s[k];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '\''))
            return 0;
    }
    return !dyad_is_weekday(text, t) && !dyad_month_from_name(s, t->len);
}

/* A capitalized word that may stand in a proper name (a first name, an initial). */
static int name_word(const dyad_token *t)
{
    return (t->flags & TOKF_CAP) && (t->tag == TAG_NNP || t->tag == TAG_NNPS);
}

static int honorific(const char *text, const dyad_token *t)
{
    static const char *const H[] = {"mr", "mrs", "ms", "dr", "sir", "lord", "lady", "madame", "mme", "herr",
                                    "mr.", "mrs.", "ms.", "dr.", NULL};
    for (int i = 0; H[i]; i++)
        if (dyad_tok_is(text, t, H[i]))
            return 1;
    return 0;
}

static int find(const dyad_name_memory *nm, const char *surname)
{
    for (size_t i = 0; i < nm->n; i++)
        if (!strcmp(nm->k[i].surname, surname))
            return (int)i;
    return -1;
}

/* Notes a full name: surname, first name ("" if none), code ("" for a name that
 * is no actor) and entry. Two first names or two codes make it ambiguous. */
static void note(dyad_name_memory *nm, const char *surname, const char *first, const char *code, int32_t entry)
{
    int i = find(nm, surname);
    if (i < 0) {
        if (nm->n >= DYAD_NAMES_MAX)
            return;
        dyad_known_name *k = &nm->k[nm->n++];
        dyad_copy_str(k->surname, sizeof k->surname, surname);
        dyad_copy_str(k->first, sizeof k->first, first);
        dyad_copy_str(k->code, sizeof k->code, code);
        k->entry = entry;
        k->ambiguous = 0;
        return;
    }
    dyad_known_name *k = &nm->k[i];
    if (first[0] && k->first[0] && strcmp(first, k->first))
        k->ambiguous = 1;
    if (code[0] && k->code[0] && strcmp(code, k->code))
        k->ambiguous = 1;
    if (!k->first[0])
        dyad_copy_str(k->first, sizeof k->first, first);
    if (!k->code[0] && code[0]) {
        dyad_copy_str(k->code, sizeof k->code, code);
        k->entry = entry;
    }
}

/* A person the dictionary names with two words or more ("James Baker",
 * "Treasury Secretary James Baker"): its surname and first name noted. */
static void learn_person(dyad_name_memory *nm, const dyad_dict *d, const char *text, const dyad_token *tok,
                         size_t n, const dyad_mention *m)
{
    uint32_t last = m->end - 1;
    if (m->entry >= 0 && m->end - m->start == 1 && surname_like(text, &tok[last])) {
        char s[DYAD_NAME_LEN];   /* "Reagan" before "Nancy Reagan": his surname first */
        tok_copy(text, &tok[last], s);
        note(nm, s, "", m->code, m->entry);
        return;
    }
    if (m->entry < 0 || m->end - m->start < 2 || !surname_like(text, &tok[last]))
        return;
    for (uint32_t i = m->start; i < last; i++) {   /* where the person's name starts */
        int32_t e = -1;
        if (dyad_actor_longest(d, tok, n, i, &e) == m->end && e == m->entry) {
            char s[DYAD_NAME_LEN], f[DYAD_NAME_LEN];
            tok_copy(text, &tok[last], s);
            tok_copy(text, &tok[last - 1], f);
            note(nm, s, f, m->code, m->entry);
            return;
        }
    }
}

/* A country and a title right before a proper name the dictionary lacks: "U.S.
 * Trade Representative Clayton Yeutter" -> Yeutter is the title's USAGOV.
 * Returns the end of the name (m->end when there is none). */
static uint32_t learn_titled(dyad_name_memory *nm, const dyad_dict *d, const char *text, const dyad_token *tok,
                             size_t n, const dyad_mentions *ms, size_t mi)
{
    const dyad_mention *m = &ms->m[mi];
    if (m->agent < 0 || m->entry < 0 || d->entries[m->entry].kind != AK_STATE || strlen(m->code) < 6)
        return m->end;
    uint32_t next_start = mi + 1 < ms->n ? ms->m[mi + 1].start : (uint32_t)n;
    uint32_t k = m->end;
    while (k < next_start && k - m->end < 4 && name_word(&tok[k]))
        k++;
    if (k == m->end || k == next_start || (k < n && name_word(&tok[k])) || !surname_like(text, &tok[k - 1]))
        return m->end;
    char s[DYAD_NAME_LEN], f[DYAD_NAME_LEN] = "";
    tok_copy(text, &tok[k - 1], s);
    if (k - m->end >= 2)
        tok_copy(text, &tok[k - 2], f);
    note(nm, s, f, m->code, -1);
    return k;
}

/* Head words of a body's name that news uses alone, after "the", once the body
 * was named in full: "the Commission", "the Community", "the Fund". */
static int body_head(const char *text, const dyad_token *t)
{
    static const char *const HEADS[] = {"commission", "community", "fund", "council", "parliament", "assembly",
                                        "organisation", "organization", "agency", "alliance", "court", NULL};
    if (!(t->flags & TOKF_CAP) || (t->flags & TOKF_ALLCAPS))
        return 0;
    for (int i = 0; HEADS[i]; i++)
        if (dyad_tok_is(text, t, HEADS[i]))
            return 1;
    return 0;
}

/* A state or body the dictionary names in two words or more ending in a head
 * word ("European Community", "EC Commission", "International Monetary Fund"):
 * the head word noted, with the word before it as its "first name" (so that
 * "Federal Trade Commission" beside it makes "Commission" ambiguous). */
static void learn_body(dyad_name_memory *nm, const dyad_dict *d, const char *text, const dyad_token *tok,
                       size_t n, const dyad_mention *m)
{
    if (m->entry < 0 || m->end - m->start < 2 || !body_head(text, &tok[m->end - 1]))
        return;
    for (uint32_t i = m->start; i + 1 < m->end; i++) {
        int32_t e = -1;
        if (dyad_actor_longest(d, tok, n, i, &e) == m->end && e == m->entry) {
            char s[DYAD_NAME_LEN], f[DYAD_NAME_LEN];
            tok_copy(text, &tok[m->end - 1], s);
            tok_copy(text, &tok[m->end - 2], f);
            note(nm, s, f, m->code, m->entry);
            return;
        }
    }
}

/* Is token t inside a mention? */
static int in_mention(const dyad_mentions *ms, uint32_t i) { return dyad_mention_at(ms, i) >= 0; }

static int in_titled(uint32_t titled[][2], uint32_t nt, uint32_t i)
{
    for (uint32_t t = 0; t < nt; t++)
        if (titled[t][0] <= i && i < titled[t][1])
            return 1;
    return 0;
}

void dyad_names_learn(dyad_name_memory *nm, const dyad_dict *d, const char *text, const dyad_token *tok,
                      size_t n, const dyad_mentions *ms)
{
    if (d->opts.relevance_all)
        return;
    uint32_t titled[16][2], nt = 0;   /* tokens titled names took */
    for (size_t i = 0; i < ms->n; i++) {
        const dyad_mention *m = &ms->m[i];
        if (m->is_ref || m->recalled)
            continue;
        if (m->kind == AK_ORG || m->kind == AK_STATE)
            learn_body(nm, d, text, tok, n, m);
        if (m->kind == AK_PERSON)
            learn_person(nm, d, text, tok, n, m);
        else if (!m->named) {
            uint32_t e = learn_titled(nm, d, text, tok, n, ms, i);
            if (e > m->end && nt < 16) {
                titled[nt][0] = m->end;
                titled[nt++][1] = e;
            }
        }
    }
    /* full names that are no actor: "Howard Baker" makes "Baker" ambiguous beside
     * "James Baker" */
    for (uint32_t i = 1; i < n; i++)
        if (!in_titled(titled, nt, i) && name_word(&tok[i]) && name_word(&tok[i - 1]) &&
            (surname_like(text, &tok[i]) || body_head(text, &tok[i])) &&
            !honorific(text, &tok[i - 1]) && !(i + 1 < n && name_word(&tok[i + 1])) && !in_mention(ms, i) &&
            !in_mention(ms, i - 1)) {
            char s[DYAD_NAME_LEN], f[DYAD_NAME_LEN];
            tok_copy(text, &tok[i], s);
            tok_copy(text, &tok[i - 1], f);
            note(nm, s, f, "", -1);
        }
}

/* A title a news story writes before a surname ("Chairman Subroto", "Gen. Zia"). */
static int title_word(const char *text, const dyad_token *t)
{
    static const char *const T[] = {"chairman", "chairwoman", "president", "minister", "secretary", "governor",
                                    "senator", "sen", "sen.", "rep", "rep.", "representative", "general", "gen",
                                    "gen.", "ambassador", "premier", "chancellor", "director", "leader", "king",
                                    "queen", "prince", "sheikh", "speaker", "judge", "justice", "mayor",
                                    "commissioner", "envoy", "deputy", "chief", "colonel", "col.", "admiral",
                                    "captain", "major", "pope", "emir", "sultan", "ayatollah", "marshal",
                                    "professor", "prof.", "undersecretary", "treasurer", "cardinal", NULL};
    for (int i = 0; T[i]; i++)
        if (dyad_tok_is(text, t, T[i]))
            return 1;
    return 0;
}

/* Is token t one of the words of name ("Shimon Peres") before its last? */
static int in_given_names(const char *text, const dyad_token *t, const char *name)
{
    const char *last = strrchr(name, ' ');
    for (const char *w = name; last && w < last;) {
        const char *e = strchr(w, ' ');
        if ((size_t)(e - w) == t->len && !memcmp(w, text + t->off, t->len))
            return 1;
        w = e + 1;
    }
    return 0;
}

int dyad_names_other_person(const dyad_name_memory *nm, const char *text, const dyad_token *tok, uint32_t i,
                            int prev_matched, const char *name)
{
    const dyad_token *p = i > 0 ? &tok[i - 1] : NULL;
    if (!strchr(name, ' '))
        return 0;   /* "Marcos": a surname entry, no given name to tell by */
    if (p && !prev_matched && name_word(p) && !(p->flags & TOKF_ALLCAPS) && !(tok[i].flags & TOKF_ALLCAPS) &&
        !honorific(text, p) && !title_word(text, p) && !in_given_names(text, p, name) &&
        !dyad_is_weekday(text, p) && !dyad_month_from_name(text + p->off, p->len))
        return 1;   /* "Mario Branco Peres" */
    char s[DYAD_NAME_LEN];
    tok_copy(text, &tok[i], s);
    int k = find(nm, s);
    return k >= 0 && !nm->k[k].ambiguous && !nm->k[k].code[0] && !strstr(name, nm->k[k].first);
}

/* The remembered person surname token t is, or NULL. */
static const dyad_known_name *recalled(const dyad_name_memory *nm, const char *text, const dyad_token *t)
{
    if (!(t->flags & TOKF_CAP))
        return NULL;
    for (size_t i = 0; i < nm->n; i++)
        if (!nm->k[i].ambiguous && nm->k[i].code[0] && tok_equals(text, t, nm->k[i].surname))
            return surname_like(text, t) || body_head(text, t) ? &nm->k[i] : NULL;
    return NULL;
}

/* Do only commas, "and", "&", "the" stand in tokens [from, to)? (A compound.) */
static int compound_gap(const char *text, const dyad_token *tok, uint32_t from, uint32_t to)
{
    if (from >= to)
        return 0;
    for (uint32_t k = from; k < to; k++)
        if (!dyad_tok_is(text, &tok[k], ",") && !dyad_tok_is(text, &tok[k], "and") &&
            !dyad_tok_is(text, &tok[k], "&") && !dyad_tok_is(text, &tok[k], "the"))
            return 0;
    return 1;
}

/* Inserts m at its place in text order, shifting the groups after it, and joins
 * it to a compound right before or after it. */
static int insert_mention(const char *text, const dyad_token *tok, dyad_mentions *ms, dyad_mention m)
{
    if (DYAD_GROW(ms->m, ms->cap, ms->n + 1) < 0)
        return -1;
    size_t p = 0;
    while (p < ms->n && ms->m[p].start < m.start)
        p++;
    memmove(&ms->m[p + 1], &ms->m[p], (ms->n - p) * sizeof m);
    ms->n++;
    for (size_t k = 0; k < ms->n; k++)
        if (k != p && ms->m[k].group >= (int32_t)p)
            ms->m[k].group++;
    m.group = (int32_t)p;
    if (p > 0 && ms->m[p - 1].kind != AK_AGENT && compound_gap(text, tok, ms->m[p - 1].end, m.start))
        m.group = ms->m[p - 1].group;
    ms->m[p] = m;
    if (p + 1 < ms->n && ms->m[p + 1].group == (int32_t)(p + 1) && ms->m[p + 1].kind != AK_AGENT &&
        compound_gap(text, tok, m.end, ms->m[p + 1].start)) {
        int32_t old = (int32_t)(p + 1);
        for (size_t k = p + 1; k < ms->n; k++)
            if (ms->m[k].group == old)
                ms->m[k].group = m.group;
    }
    return 0;
}

/* A title read before an unknown name that is a remembered surname ("Secretary
 * Baker"): the title stands right before the surname. */
static const dyad_known_name *titled_surname(const dyad_name_memory *nm, const dyad_dict *d, const char *text,
                                             const dyad_token *tok, size_t n, const dyad_mention *m)
{
    if (!m->named || m->is_ref || m->end - m->start < 2)
        return NULL;
    const dyad_known_name *k = recalled(nm, text, &tok[m->end - 1]);
    if (!k)
        return NULL;
    for (uint32_t i = m->start; i < m->end - 1; i++) {
        int32_t e = -1;
        if (dyad_actor_longest(d, tok, n, i, &e) == m->end - 1 && e >= 0 && d->entries[e].kind == AK_AGENT)
            return k;
    }
    return NULL;
}

long dyad_names_recall(const dyad_name_memory *nm, const dyad_dict *d, const char *text, const dyad_token *tok,
                       size_t n, dyad_mentions *ms)
{
    if (d->opts.relevance_all || !nm->n)
        return 0;
    long added = 0;
    for (size_t i = 0; i < ms->n; i++) {
        dyad_mention *m = &ms->m[i];
        const dyad_known_name *k = titled_surname(nm, d, text, tok, n, m);
        if (k) {
            memcpy(m->code, k->code, sizeof m->code);
            m->entry = k->entry;
            m->kind = AK_PERSON;
            m->named = 0;
            m->recalled = 1;
            added++;
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        const dyad_known_name *k = recalled(nm, text, &tok[i]);
        if (!k || in_mention(ms, i))
            continue;
        /* not inside a longer proper name ("Howard Baker", "Baker Hughes"), nor
         * a name used as a modifier ("the Baker plan"); a body's head word only
         * after "the" ("the Commission said") */
        int the = i > 0 && dyad_tok_is(text, &tok[i - 1], "the");
        if (body_head(text, &tok[i]) ? !the
                                     : (i > 0 && ((name_word(&tok[i - 1]) && !honorific(text, &tok[i - 1])) ||
                                                  the || dyad_tok_is(text, &tok[i - 1], "a"))))
            continue;
        if (i + 1 < n && name_word(&tok[i + 1]))
            continue;
        dyad_mention m;
        memset(&m, 0, sizeof m);
        m.start = i;
        m.end = i + 1;
        m.kind = body_head(text, &tok[i]) && k->entry >= 0 ? d->entries[k->entry].kind : AK_PERSON;
        m.entry = k->entry;
        m.agent = -1;
        m.recalled = 1;
        memcpy(m.code, k->code, sizeof m.code);
        if (insert_mention(text, tok, ms, m) < 0)
            return -1;
        added++;
    }
    return added;
}
