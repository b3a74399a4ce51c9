/* dict_actors.c - actor, agent and discard lines of a dictionary folder (dict.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict_int.h"
#include "util.h"

/* ---- small parsers ---- */

char *dict_trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = 0;
    return s;
}

static int parse_date(const char *s, size_t n, int end, int32_t *out)
{
    int y = 0, m = 0, dd = 0;
    if (n == 4 && sscanf(s, "%4d", &y) == 1) {
        m = end ? 12 : 1;
        dd = end ? 31 : 1;
    } else if (n == 7 && s[4] == '-' && sscanf(s, "%4d-%2d", &y, &m) == 2) {
        dd = end ? 31 : 1;
    } else if (n == 10 && s[4] == '-' && s[7] == '-' && sscanf(s, "%4d-%2d-%2d", &y, &m, &dd) == 3) {
    } else {
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]) && s[i] != '-')
            return -1;
    if (y < 1000 || y > 2999 || m < 1 || m > 12 || dd < 1 || dd > 31)
        return -1;
    *out = dyad_ymd(y, m, dd);
    return 0;
}

/* CAMEO codes are 3-letter blocks; other coders' dictionaries also hold codes of
 * other lengths (ITHTV), which are kept as they are. */
static int valid_actor_code(const char *c, size_t n)
{
    if (n == 3 && memcmp(c, "---", 3) == 0)
        return 1; /* a null role: no actor on these dates */
    if (n < 3 || n > 15)
        return 0;
    size_t part = 0; /* "FRO/BIL/SAM": several codes, each of 3 or more */
    for (size_t i = 0; i < n; i++) {
        if (c[i] == '/' && part >= 3 && i + 1 < n) {
            part = 0;
            continue;
        }
        if (!isupper((unsigned char)c[i]) && !isdigit((unsigned char)c[i]))
            return 0;
        part++;
    }
    return part >= 3;
}

/* Parses "CODE [FROM..TO]" into a new role of the current entry. */
/* Is the file one of organizations or armed groups (orgs*, groups*)? */
static int bodies_file(const char *path)
{
    const char *base = path ? strrchr(path, '/') : NULL;
    base = base ? base + 1 : path;
    return base && (strncmp(base, "orgs", 4) == 0 || strncmp(base, "groups", 6) == 0);
}

static int add_role(loader *L, dyad_entry *e, char *txt, int agent)
{
    dyad_dict *d = L->d;
    char *s = dict_trim(txt);
    if (!*s) {
        dict_report(L, 'E', "empty role");
        return -1;
    }
    char *sp = s;
    while (*sp && !isspace((unsigned char)*sp))
        sp++;
    size_t cl = (size_t)(sp - s);
    char *range = dict_trim(sp);
    dyad_role r;
    memset(&r, 0, sizeof r);
    if (s[0] == '@') {
        static const char *const REFS[] = {"@PERSON", "@STATE", "@ORG", "@ANY"};
        int k = 0;
        for (int i = 0; i < 4; i++)
            if (strlen(REFS[i]) == cl && strncmp(s, REFS[i], cl) == 0)
                k = i + 1;
        if (!k || agent) {
            dict_report(L, 'E', "unknown back-reference '%.*s' (use @PERSON, @STATE, @ORG or @ANY)", (int)cl, s);
            return -1;
        }
        e->kind = AK_REF;
        e->ref = (uint8_t)k;
    } else if (agent && cl > 3 && cl <= 10 && s[cl - 1] == '~' && (cl - 1) % 3 == 0 && valid_actor_code(s, cl - 1)) {
        /* a prefix agent ("MSF = NGO~"): its code goes before the actor's (actor.c) */
    } else if (agent ? !(cl % 3 == 0 && cl <= 9 && valid_actor_code(s, cl)) : !valid_actor_code(s, cl)) {
        dict_report(L, 'E', "bad %s code '%.*s' (%s)", agent ? "agent" : "actor", (int)cl, s,
               agent ? "one to three blocks of three capital letters"
                     : "3 to 15 capital letters or digits, several joined by '/', or ---");
        return -1;
    }
    memcpy(r.code, s, cl < sizeof r.code ? cl : sizeof r.code - 1);
    if (*range) {
        char *dots = strstr(range, "..");
        if (!dots) {
            dict_report(L, 'E', "bad date range '%s' (want FROM..TO, either end may be empty)", range);
            return -1;
        }
        size_t fl = (size_t)(dots - range);
        char *to = dots + 2;
        if ((fl && parse_date(range, fl, 0, &r.from) < 0) ||
            (*to && parse_date(to, strlen(to), 1, &r.to) < 0)) {
            dict_report(L, 'E', "bad date in range '%s' (dates are YYYY, YYYY-MM or YYYY-MM-DD)", range);
            return -1;
        }
        if (!fl && !*to) {
            dict_report(L, 'E', "date range '..' has no dates");
            return -1;
        }
        if (r.from && r.to && r.from > r.to) {
            dict_report(L, 'E', "date range '%s' ends before it starts", range);
            return -1;
        }
        /* dated roles make a person, except in a countries file: "Moscow = USR
         * ..1991-12-25; RUS" stays a state and combines with its agents; in a
         * file of bodies it is a body all the same ("EC = EEC ..1993-10-31" is
         * no "he"): marked by ref REF_ORG (dict.h) */
        if (e->kind != AK_REF && e->kind != AK_STATE) {
            e->kind = AK_PERSON;
            if (bodies_file(L->file))
                e->ref = REF_ORG;
        }
    }
    /* overlapping dated roles of one entry */
    for (uint32_t i = 0; i < e->role_n; i++) {
        dyad_role *o = &d->roles[e->role_first + i];
        int o_dated = o->from || o->to, r_dated = r.from || r.to;
        if (!o_dated && !r_dated) {
            dict_report(L, 'E', "two default roles (%s and %s) for one entry", o->code, r.code);
            return -1;
        }
        if (o_dated && r_dated) {
            int32_t a1 = o->from, b1 = o->to ? o->to : 99999999, a2 = r.from, b2 = r.to ? r.to : 99999999;
            if (a1 <= b2 && a2 <= b1)
                dict_report(L, 'W', "date range of %s overlaps an earlier role (%s)", r.code, o->code);
        }
    }
    /* roles of one entry must be contiguous */
    if (e->role_n && e->role_first + e->role_n != d->n_roles) {
        dict_report(L, 'E', "internal: roles out of order");
        return -1;
    }
    if (DYAD_GROW(d->roles, d->cap_roles, d->n_roles + 1) < 0) {
        L->oom = 1;
        return -1;
    }
    if (!e->role_n)
        e->role_first = (uint32_t)d->n_roles;
    d->roles[d->n_roles++] = r;
    e->role_n++;
    return 0;
}

typedef struct {
    loader *L;
    int32_t node, ei;
    uint8_t flags;
    const char *name;
    size_t len;
    int n;
} name_ctx;

static void add_form(void *ud, const char *form, size_t fl);

/* Adds one name (already trimmed) for entry index ei. */
static void add_name(loader *L, const char *name, size_t len, int32_t ei, int plural)
{
    dyad_dict *d = L->d;
    if (dyad_tokenize(name, len, &L->toks) < 0) {
        L->oom = 1;
        return;
    }
    size_t n = L->toks.n;
    if (!n) {
        dict_report(L, 'E', "empty name");
        return;
    }
    uint8_t flags = 0;
    int letters = 0, upper = 0;
    for (size_t i = 0; i < len; i++)
        if (isalpha((unsigned char)name[i])) {
            letters++;
            upper += isupper((unsigned char)name[i]) != 0;
        }
    if (isupper((unsigned char)name[0]))
        flags |= NF_CAP;
    if (letters >= 2 && upper == letters)
        flags |= NF_ALLCAPS;
    if (L->d->entries[ei].kind == AK_DISCARD)
        flags = 0; /* discard phrases match in any case */
    L->d->names_written[L->d->entries[ei].kind]++;
    int32_t node = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        dyad_token *t = &L->toks.tok[i];
        int32_t w = dict_word_add(d, name + t->off, t->len);
        if (w < 0 || (node = dict_child_add(d, node, w)) < 0) {
            L->oom = 1;
            return;
        }
    }
    dyad_token last = L->toks.tok[n - 1];
    const char *lw = name + last.off;
    name_ctx c = {L, node, ei, flags, name, len, 0};
    if (plural && last.kind == TOK_WORD)
        dyad_morph_noun_forms(L->morph, lw, last.len, add_form, &c);
    else
        add_form(&c, lw, last.len);
}

static void add_form(void *ud, const char *form, size_t fl)
{
    name_ctx *c = ud;
    loader *L = c->L;
    dyad_dict *d = L->d;
    int32_t w = dict_word_add(d, form, fl);
    int32_t node = w < 0 ? -1 : dict_child_add(d, c->node, w);
    if (node < 0) {
        L->oom = 1;
        return;
    }
    int first = c->n++ == 0;
    int32_t old = d->node_entry[node];
    if (old >= 0 && old != c->ei) {
        if (first) {
            const dyad_entry *oe = &d->entries[old];
            dict_report(L, 'W', "duplicate name '%.*s': already defined at %s:%u; the first one wins",
                   (int)c->len, c->name, d->files[oe->file], oe->line);
        }
        return;
    }
    if (old < 0) {
        d->node_entry[node] = c->ei;
        d->node_flags[node] = c->flags;
        d->n_names++;
    }
}

/* ---- actors and agents ---- */

/* A new entry of the given kind at the current file and line; -1 on failure. */
static int32_t new_entry(loader *L, uint8_t kind)
{
    dyad_dict *d = L->d;
    if (DYAD_GROW(d->entries, d->cap_entries, d->n_entries + 1) < 0) {
        L->oom = 1;
        return -1;
    }
    int32_t ei = (int32_t)d->n_entries++;
    dyad_entry *e = &d->entries[ei];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->file = L->file_idx;
    e->line = (uint32_t)L->line;
    return ei;
}

void dict_load_entry_line(loader *L, char *line, int agent, int people, int states, int32_t *cur)
{
    dyad_dict *d = L->d;
    int indented = isspace((unsigned char)line[0]);
    char *s = dict_trim(line);
    if (*s == '=') {
        if (!indented || *cur < 0) {
            dict_report(L, 'E', "a role line ('= CODE ...') must be indented under an entry");
            return;
        }
        dyad_entry *e = &d->entries[*cur];
        if (e->role_n && d->n_roles != e->role_first + e->role_n) {
            dict_report(L, 'E', "a role line must follow its entry directly");
            return;
        }
        char *tok, *save = NULL;
        for (tok = strtok_r(s + 1, ";", &save); tok; tok = strtok_r(NULL, ";", &save))
            add_role(L, e, tok, agent);
        return;
    }
    char *eq = strchr(s, '=');
    char *names = s, *roles = NULL;
    if (eq) {
        *eq = 0;
        roles = eq + 1;
    }
    names = dict_trim(names);
    if (!*names) {
        dict_report(L, 'E', "entry has no name before '='");
        *cur = -1;
        return;
    }
    int32_t ei = new_entry(L, agent ? AK_AGENT : people ? AK_PERSON : states ? AK_STATE : AK_ORG);
    if (ei < 0)
        return;
    dyad_entry *e = &d->entries[ei];
    *cur = ei;
    if (roles) {
        char *tok, *save = NULL;
        int any = 0;
        for (tok = strtok_r(roles, ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
            e = &d->entries[ei];
            add_role(L, e, tok, agent);
            any = 1;
        }
        if (!any)
            dict_report(L, 'E', "no role after '='");
    } else if (!isspace((unsigned char)line[0])) {
        /* roles must follow on indented '=' lines; checked when the entry ends */
    }
    char *tok, *save = NULL;
    int first = 1;
    for (tok = strtok_r(names, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
        char *nm = dict_trim(tok);
        if (!*nm) {
            dict_report(L, 'E', "empty name between '|'");
            continue;
        }
        if (first) {
            d->entries[ei].name_off = dict_pool_add(d, nm, strlen(nm));
            first = 0;
        }
        add_name(L, nm, strlen(nm), ei, agent);
    }
}

void dict_check_entry_done(loader *L, int32_t cur)
{
    if (cur >= 0 && L->d->entries[cur].role_n == 0) {
        long save = L->line;
        L->line = L->d->entries[cur].line;
        dict_report(L, 'E', "entry has no role ('= CODE')");
        L->line = save;
    }
}

/* ---- discards: a phrase that voids its sentence, or with '+' its story ---- */

void dict_load_discard_line(loader *L, char *t)
{
    dyad_dict *d = L->d;
    int story = *t == '+';
    char *ph = story ? t + 1 : t;
    while (*ph == ' ' || *ph == '\t')
        ph++;
    if (!*ph) {
        dict_report(L, 'E', "empty discard phrase");
        return;
    }
    int32_t ei = new_entry(L, AK_DISCARD);
    if (ei < 0)
        return;
    dyad_entry *e = &d->entries[ei];
    e->ref = (uint8_t)story;
    e->name_off = dict_pool_add(d, ph, strlen(ph));
    d->n_story_discards += story;
    add_name(L, ph, strlen(ph), ei, 0);
}
