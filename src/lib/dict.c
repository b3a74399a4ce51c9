#include "dict.h"
#include "dict_text.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct {
    dyad_dict *d;
    const dyad_morph *morph;
    dyad_diag_fn diag;
    void *ud;
    dyad_dict_counts *counts;
    const char *file;
    uint16_t file_idx;
    long line;
    dyad_tokens toks;
    int oom;
    int quiet;              /* repeat of a line already reported */
} loader;

static void report(loader *L, char sev, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
#include <stdarg.h>
static void report(loader *L, char sev, const char *fmt, ...)
{
    char msg[600], body[500];
    if (L->quiet)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(body, sizeof body, fmt, ap);
    va_end(ap);
    snprintf(msg, sizeof msg, "%s:%ld: %s", L->file, L->line, body);
    if (sev == 'E')
        L->counts->errors++;
    else
        L->counts->warnings++;
    if (L->diag)
        L->diag(L->ud, sev, msg);
}

/* ---- storage helpers ---- */

static uint32_t pool_add(dyad_dict *d, const char *s, size_t len)
{
    if (DYAD_GROW(d->pool, d->pool_cap, d->pool_len + len + 1) < 0)
        return 0;
    uint32_t off = (uint32_t)d->pool_len;
    memcpy(d->pool + off, s, len);
    d->pool[off + len] = 0;
    d->pool_len += len + 1;
    return off;
}

const char *dyad_dict_str(const dyad_dict *d, uint32_t off) { return d->pool ? d->pool + off : ""; }

static int32_t word_add(dyad_dict *d, const char *s, size_t len)
{
    char low[256];
    if (len > sizeof low)
        len = sizeof low;
    dyad_lower(low, sizeof low, s, len);
    int32_t id = dyad_lexicon_add(&d->lex, low, len);
    if (id < 0)
        return -1;
    if ((size_t)id >= d->word_cap) {
        size_t old = d->word_cap, cap = old;
        if (DYAD_GROW(d->word_lemma, cap, (size_t)id + 1) < 0)
            return -1;
        int32_t *wv = realloc(d->word_verb, cap * sizeof *wv);
        if (!wv)
            return -1;
        d->word_verb = wv;
        uint16_t *wc = realloc(d->word_class, cap * sizeof *wc);
        if (!wc)
            return -1;
        d->word_class = wc;
        uint8_t *rc = realloc(d->root_child, cap);
        if (!rc)
            return -1;
        d->root_child = rc;
        for (size_t i = old; i < cap; i++) {
            d->word_lemma[i] = d->word_verb[i] = -1;
            d->word_class[i] = 0;
            d->root_child[i] = 0;
        }
        d->word_cap = cap;
    }
    return id;
}

int32_t dyad_dict_intern(dyad_dict *d, const char *s, size_t len) { return word_add(d, s, len); }

/* Lemmas are kept as a union-find forest while loading: a word and every form
 * generated from it share a root, whatever order the files name them in
 * ("restrictions" in a set, "restriction" in a pattern). finalize() flattens it. */
static int32_t lemma_root(dyad_dict *d, int32_t w)
{
    while (d->word_lemma[w] >= 0 && d->word_lemma[w] != w)
        w = d->word_lemma[w];
    return w;
}

static void lemma_join(dyad_dict *d, int32_t base, int32_t form)
{
    int32_t rb = lemma_root(d, base), rf = lemma_root(d, form);
    if (d->word_lemma[rb] < 0)
        d->word_lemma[rb] = rb;
    if (rb != rf)
        d->word_lemma[rf] = rb;
}

/* ---- trie ---- */

static int32_t new_node(dyad_dict *d)
{
    if (DYAD_GROW(d->node_entry, d->node_cap, d->node_n + 1) < 0)
        return -1;
    uint8_t *nf = realloc(d->node_flags, d->node_cap);
    if (!nf)
        return -1;
    d->node_flags = nf;
    d->node_entry[d->node_n] = -1;
    d->node_flags[d->node_n] = 0;
    return (int32_t)d->node_n++;
}

static size_t edge_slot(const dyad_dict *d, uint64_t key)
{
    return (size_t)dyad_hash(&key, sizeof key) & (d->edge_slots - 1);
}

int32_t dyad_dict_child(const dyad_dict *d, int32_t node, int32_t word)
{
    if (word < 0 || !d->edge_slots)
        return -1;
    uint64_t key = ((uint64_t)(uint32_t)node << 32) | (uint32_t)word;
    for (size_t i = edge_slot(d, key);; i = (i + 1) & (d->edge_slots - 1)) {
        if (d->edge_child[i] < 0)
            return -1;
        if (d->edge_key[i] == key)
            return d->edge_child[i];
    }
}

static int edge_rehash(dyad_dict *d, size_t slots)
{
    uint64_t *k = malloc(slots * sizeof *k);
    int32_t *c = malloc(slots * sizeof *c);
    if (!k || !c) {
        free(k);
        free(c);
        return -1;
    }
    memset(c, 0xff, slots * sizeof *c);
    uint64_t *ok = d->edge_key;
    int32_t *oc = d->edge_child;
    size_t os = d->edge_slots;
    d->edge_key = k;
    d->edge_child = c;
    d->edge_slots = slots;
    for (size_t i = 0; i < os; i++)
        if (oc[i] >= 0) {
            size_t j = edge_slot(d, ok[i]);
            while (c[j] >= 0)
                j = (j + 1) & (slots - 1);
            k[j] = ok[i];
            c[j] = oc[i];
        }
    free(ok);
    free(oc);
    return 0;
}

static int32_t child_add(dyad_dict *d, int32_t node, int32_t word)
{
    int32_t ch = dyad_dict_child(d, node, word);
    if (ch >= 0)
        return ch;
    if ((d->edge_n + 1) * 2 > d->edge_slots &&
        edge_rehash(d, d->edge_slots ? d->edge_slots * 2 : 4096) < 0)
        return -1;
    ch = new_node(d);
    if (ch < 0)
        return -1;
    uint64_t key = ((uint64_t)(uint32_t)node << 32) | (uint32_t)word;
    size_t i = edge_slot(d, key);
    while (d->edge_child[i] >= 0)
        i = (i + 1) & (d->edge_slots - 1);
    d->edge_key[i] = key;
    d->edge_child[i] = ch;
    d->edge_n++;
    return ch;
}

/* ---- small parsers ---- */

static char *trim(char *s)
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
static int add_role(loader *L, dyad_entry *e, char *txt, int agent)
{
    dyad_dict *d = L->d;
    char *s = trim(txt);
    if (!*s) {
        report(L, 'E', "empty role");
        return -1;
    }
    char *sp = s;
    while (*sp && !isspace((unsigned char)*sp))
        sp++;
    size_t cl = (size_t)(sp - s);
    char *range = trim(sp);
    dyad_role r;
    memset(&r, 0, sizeof r);
    if (s[0] == '@') {
        static const char *const REFS[] = {"@PERSON", "@STATE", "@ORG", "@ANY"};
        int k = 0;
        for (int i = 0; i < 4; i++)
            if (strlen(REFS[i]) == cl && strncmp(s, REFS[i], cl) == 0)
                k = i + 1;
        if (!k || agent) {
            report(L, 'E', "unknown back-reference '%.*s' (use @PERSON, @STATE, @ORG or @ANY)", (int)cl, s);
            return -1;
        }
        e->kind = AK_REF;
        e->ref = (uint8_t)k;
    } else if (agent && cl > 3 && cl <= 10 && s[cl - 1] == '~' && (cl - 1) % 3 == 0 && valid_actor_code(s, cl - 1)) {
        /* a prefix agent ("MSF = NGO~"): its code goes before the actor's (actor.c) */
    } else if (agent ? !(cl % 3 == 0 && cl <= 9 && valid_actor_code(s, cl)) : !valid_actor_code(s, cl)) {
        report(L, 'E', "bad %s code '%.*s' (%s)", agent ? "agent" : "actor", (int)cl, s,
               agent ? "one to three blocks of three capital letters"
                     : "3 to 15 capital letters or digits, several joined by '/', or ---");
        return -1;
    }
    memcpy(r.code, s, cl < sizeof r.code ? cl : sizeof r.code - 1);
    if (*range) {
        char *dots = strstr(range, "..");
        if (!dots) {
            report(L, 'E', "bad date range '%s' (want FROM..TO, either end may be empty)", range);
            return -1;
        }
        size_t fl = (size_t)(dots - range);
        char *to = dots + 2;
        if ((fl && parse_date(range, fl, 0, &r.from) < 0) ||
            (*to && parse_date(to, strlen(to), 1, &r.to) < 0)) {
            report(L, 'E', "bad date in range '%s' (dates are YYYY, YYYY-MM or YYYY-MM-DD)", range);
            return -1;
        }
        if (!fl && !*to) {
            report(L, 'E', "date range '..' has no dates");
            return -1;
        }
        if (r.from && r.to && r.from > r.to) {
            report(L, 'E', "date range '%s' ends before it starts", range);
            return -1;
        }
        if (e->kind != AK_REF)
            e->kind = AK_PERSON;
    }
    /* overlapping dated roles of one entry */
    for (uint32_t i = 0; i < e->role_n; i++) {
        dyad_role *o = &d->roles[e->role_first + i];
        int o_dated = o->from || o->to, r_dated = r.from || r.to;
        if (!o_dated && !r_dated) {
            report(L, 'E', "two default roles (%s and %s) for one entry", o->code, r.code);
            return -1;
        }
        if (o_dated && r_dated) {
            int32_t a1 = o->from, b1 = o->to ? o->to : 99999999, a2 = r.from, b2 = r.to ? r.to : 99999999;
            if (a1 <= b2 && a2 <= b1)
                report(L, 'W', "date range of %s overlaps an earlier role (%s)", r.code, o->code);
        }
    }
    /* roles of one entry must be contiguous */
    if (e->role_n && e->role_first + e->role_n != d->n_roles) {
        report(L, 'E', "internal: roles out of order");
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
        report(L, 'E', "empty name");
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
        int32_t w = word_add(d, name + t->off, t->len);
        if (w < 0 || (node = child_add(d, node, w)) < 0) {
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
    int32_t w = word_add(d, form, fl);
    int32_t node = w < 0 ? -1 : child_add(d, c->node, w);
    if (node < 0) {
        L->oom = 1;
        return;
    }
    int first = c->n++ == 0;
    int32_t old = d->node_entry[node];
    if (old >= 0 && old != c->ei) {
        if (first) {
            const dyad_entry *oe = &d->entries[old];
            report(L, 'W', "duplicate name '%.*s': already defined at %s:%u; the first one wins",
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

static void load_entry_line(loader *L, char *line, int agent, int people, int states, int32_t *cur)
{
    dyad_dict *d = L->d;
    int indented = isspace((unsigned char)line[0]);
    char *s = trim(line);
    if (*s == '=') {
        if (!indented || *cur < 0) {
            report(L, 'E', "a role line ('= CODE ...') must be indented under an entry");
            return;
        }
        dyad_entry *e = &d->entries[*cur];
        if (e->role_n && d->n_roles != e->role_first + e->role_n) {
            report(L, 'E', "a role line must follow its entry directly");
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
    names = trim(names);
    if (!*names) {
        report(L, 'E', "entry has no name before '='");
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
            report(L, 'E', "no role after '='");
    } else if (!isspace((unsigned char)line[0])) {
        /* roles must follow on indented '=' lines; checked when the entry ends */
    }
    char *tok, *save = NULL;
    int first = 1;
    for (tok = strtok_r(names, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
        char *nm = trim(tok);
        if (!*nm) {
            report(L, 'E', "empty name between '|'");
            continue;
        }
        if (first) {
            d->entries[ei].name_off = pool_add(d, nm, strlen(nm));
            first = 0;
        }
        add_name(L, nm, strlen(nm), ei, agent);
    }
}

static void check_entry_done(loader *L, int32_t cur)
{
    if (cur >= 0 && L->d->entries[cur].role_n == 0) {
        long save = L->line;
        L->line = L->d->entries[cur].line;
        report(L, 'E', "entry has no role ('= CODE')");
        L->line = save;
    }
}

/* ---- discards: a phrase that voids its sentence, or with '+' its story ---- */

static void load_discard_line(loader *L, char *t)
{
    dyad_dict *d = L->d;
    int story = *t == '+';
    char *ph = story ? t + 1 : t;
    while (*ph == ' ' || *ph == '\t')
        ph++;
    if (!*ph) {
        report(L, 'E', "empty discard phrase");
        return;
    }
    int32_t ei = new_entry(L, AK_DISCARD);
    if (ei < 0)
        return;
    dyad_entry *e = &d->entries[ei];
    e->ref = (uint8_t)story;
    e->name_off = pool_add(d, ph, strlen(ph));
    d->n_story_discards += story;
    add_name(L, ph, strlen(ph), ei, 0);
}

/* ---- verbs ---- */

static int32_t find_set(dyad_dict *d, const char *name, size_t len)
{
    for (size_t i = 0; i < d->n_sets; i++) {
        const char *sn = d->pool + d->sets[i].name_off;
        if (strlen(sn) == len && memcmp(sn, name, len) == 0)
            return (int32_t)i;
    }
    return -1;
}

struct lemma_ctx {
    dyad_dict *d;
    int32_t base;
    int32_t verb;
    int oom;
};

static void lemma_form(void *ud, const char *form, size_t len)
{
    struct lemma_ctx *c = ud;
    int32_t w = word_add(c->d, form, len);
    if (w < 0) {
        c->oom = 1;
        return;
    }
    lemma_join(c->d, c->base, w);
}

/* A word used in a pattern or set: its inflections map to it. Returns its id. */
static int32_t pattern_word(loader *L, const char *w, size_t len)
{
    dyad_dict *d = L->d;
    int32_t id = word_add(d, w, len);
    if (id < 0) {
        L->oom = 1;
        return -1;
    }
    lemma_join(d, id, id);
    struct lemma_ctx c = {d, id, -1, 0};
    char low[128];
    size_t ll = dyad_lower(low, sizeof low, w, len);
    if (isalpha((unsigned char)low[0])) {
        dyad_morph_noun_forms(L->morph, low, ll, lemma_form, &c);
        dyad_morph_verb_forms(L->morph, low, ll, lemma_form, &c);
    }
    if (c.oom)
        L->oom = 1;
    return id;
}

static void load_set_line(loader *L, char *s)
{
    dyad_dict *d = L->d;
    char *eq = strchr(s, '=');
    if (!eq) {
        report(L, 'E', "synonym set needs '=': &NAME = word | word");
        return;
    }
    *eq = 0;
    char *name = trim(s);
    for (char *p = name + 1; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_') {
            report(L, 'E', "bad set name '%s' (letters, digits and _ only)", name);
            return;
        }
    if (strlen(name) < 2) {
        report(L, 'E', "empty set name");
        return;
    }
    if (find_set(d, name, strlen(name)) >= 0) {
        report(L, 'E', "synonym set %s defined twice", name);
        return;
    }
    if (DYAD_GROW(d->sets, d->cap_sets, d->n_sets + 1) < 0) {
        L->oom = 1;
        return;
    }
    dyad_set *set = &d->sets[d->n_sets++];
    memset(set, 0, sizeof *set);
    set->name_off = pool_add(d, name, strlen(name));
    set->file = L->file_idx;
    set->line = (uint32_t)L->line;
    set->mem_first = (uint32_t)d->n_members;
    char *tok, *save = NULL;
    for (tok = strtok_r(eq + 1, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
        char *m = trim(tok);
        if (!*m) {
            report(L, 'E', "empty member in set %s", name);
            continue;
        }
        if (dyad_tokenize(m, strlen(m), &L->toks) < 0) {
            L->oom = 1;
            return;
        }
        if (DYAD_GROW(d->members, d->cap_members, d->n_members + 1) < 0 ||
            DYAD_GROW(d->member_words, d->cap_member_words, d->n_member_words + L->toks.n) < 0) {
            L->oom = 1;
            return;
        }
        dyad_set_member *mem = &d->members[d->n_members++];
        mem->first = (uint32_t)d->n_member_words;
        mem->n = (uint32_t)L->toks.n;
        size_t nt = L->toks.n;
        dyad_token tk[16];
        if (nt > 16)
            nt = 16;
        memcpy(tk, L->toks.tok, nt * sizeof *tk);
        for (size_t i = 0; i < nt; i++) {
            int32_t w = (i + 1 == nt) ? pattern_word(L, m + tk[i].off, tk[i].len)
                                      : word_add(d, m + tk[i].off, tk[i].len);
            d->member_words[d->n_member_words++] = w; /* lemma resolved in finalize */
        }
        mem->n = (uint32_t)nt;
        set = &d->sets[d->n_sets - 1];
        set->mem_n++;

    }
}

static int parse_code(loader *L, const char *s, char out[8])
{
    size_t n = strlen(s);
    if (strcmp(s, "---") == 0) {
        strcpy(out, "---");
        return 0;
    }
    if (n < 2 || n > 4) {
        report(L, 'E', "bad event code '%s' (2 to 4 digits, 3 digits and a capital, or ---)", s);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]) && !(i == 3 && isupper((unsigned char)s[i]))) {
            report(L, 'E', "bad event code '%s' (2 to 4 digits, 3 digits and a capital, or ---)", s);
            return -1;
        }
    if (L->d->n_codes && !dyad_dict_code(L->d, s)) {
        report(L, 'E', "unknown CAMEO code %s", s);
        return -1;
    }
    memcpy(out, s, n + 1);
    return 0;
}

struct verb_ctx {
    loader *L;
    int32_t verb;
    int multiword;
};

static void verb_form(void *ud, const char *form, size_t len)
{
    struct verb_ctx *c = ud;
    dyad_dict *d = c->L->d;
    int32_t w = word_add(d, form, len);
    if (w < 0) {
        c->L->oom = 1;
        return;
    }
    lemma_join(d, d->verbs[c->verb].lemma, w);
    /* chain verb blocks that share a form: word_verb holds the latest; each block
     * keeps the previous one in pat chain via the verbs array order (see coder) */
    if (d->word_verb[w] < 0) {
        d->word_verb[w] = c->verb;
        return;
    }
    /* a form shared by several blocks ("carry" and "carry out"; "found" of find and
     * of found): chain them, each block once */
    int32_t o = d->word_verb[w];
    for (;;) {
        if (o == c->verb)
            return;
        const dyad_verb *ov = &d->verbs[o];
        if (ov->lemma == d->verbs[c->verb].lemma && !ov->multiword && !c->multiword &&
            w == ov->lemma) {
            report(c->L, 'E', "verb '%.*s' already has a verb line at %s:%u", (int)len, form,
                   d->files[ov->file], ov->line);
            return;
        }
        if (ov->next < 0)
            break;
        o = ov->next;
    }
    d->verbs[o].next = c->verb;
}

/* Adds a pattern to verb v from the text after the indentation. */
static void load_pattern(loader *L, int32_t v, char *s, const char *particles)
{
    dyad_dict *d = L->d;
    char *eq = strrchr(s, '=');
    if (!eq) {
        report(L, 'E', "pattern needs '= CODE' at the end");
        return;
    }
    *eq = 0;
    char *code = trim(eq + 1);
    char *body = trim(s);
    char full[512];
    if ((size_t)snprintf(full, sizeof full, "%s%s%s", particles ? particles : "",
                         particles && *body ? " " : "", body) >= sizeof full) {
        report(L, 'E', "pattern over %zu bytes; not loaded", sizeof full - 1);
        return;
    }
    if (DYAD_GROW(d->pats, d->cap_pats, d->n_pats + 1) < 0) {
        L->oom = 1;
        return;
    }
    dyad_pattern *p = &d->pats[d->n_pats];
    memset(p, 0, sizeof *p);
    char *second = strchr(code, ':');
    if (second) {
        /* "042:043": a visit is also a hosting, by the target of the source */
        *second++ = 0;
        if (parse_code(L, trim(second), p->code2) < 0 || !strcmp(p->code2, "---"))
            return;
        code = trim(code);
    }
    if (parse_code(L, code, p->code) < 0)
        return;
    p->file = L->file_idx;
    p->line = (uint32_t)L->line;
    p->el_first = (uint32_t)d->n_pels;
    p->text_off = pool_add(d, full, strlen(full));
    int has_t = 0, has_s = 0, has_v = 0;
    char *tok, *save = NULL;
    char *rest = NULL;     /* the parts after '_' of an element written "a_b_c" */
    for (tok = strtok_r(full, " \t", &save); tok; tok = rest ? rest : strtok_r(NULL, " \t", &save)) {
        dyad_pel el = {0, 0, -1};
        el.adj = rest != NULL;
        rest = NULL;
        char *us = strchr(tok, '_');
        if (us) {
            *us = 0;
            rest = us + 1;
            if (!*tok || !*rest) {
                report(L, 'E', "'_' joins two pattern elements");
                d->n_pels = p->el_first;
                return;
            }
        }
        if (strcmp(tok, "+") == 0) {
            el.kind = PEL_TARGET;
            has_t++;
        } else if (strcmp(tok, "$") == 0) {
            el.kind = PEL_SOURCE;
            has_s++;
        } else if (strcmp(tok, "*") == 0) {
            el.kind = PEL_VERB;
            has_v++;
        } else if (strcmp(tok, "%") == 0) {
            el.kind = PEL_COMPOUND; /* the subject is a compound */
        } else if (tok[0] == '&') {
            el.kind = PEL_SET;
            el.id = find_set(d, tok, strlen(tok));
            if (el.id < 0) {
                report(L, 'E', "undefined synonym set %s", tok);
                return;
            }
        } else {
            for (char *c = tok; *c; c++)
                if (!isalnum((unsigned char)*c) && *c != '\'' && *c != '-' && *c != '.' &&
                    !((unsigned char)*c >= 0x80)) {
                    report(L, 'E', "bad pattern element '%s'", tok);
                    return;
                }
            el.kind = PEL_WORD;
            el.id = pattern_word(L, tok, strlen(tok));
            if (el.id < 0)
                return;
            /* resolved to its lemma when all files are read (finalize) */
        }
        if (DYAD_GROW(d->pels, d->cap_pels, d->n_pels + 1) < 0) {
            L->oom = 1;
            return;
        }
        d->pels[d->n_pels++] = el;
    }
    if (has_t > 1 || has_s > 1 || has_v > 1) {
        report(L, 'E', "a pattern has at most one +, one $ and one *");
        d->n_pels = p->el_first;
        return;
    }
    p->el_n = (uint32_t)(d->n_pels - p->el_first);
    if (!p->el_n) {
        report(L, 'E', "empty pattern");
        return;
    }
    d->n_pats++;
    dyad_verb *vb = &d->verbs[v];
    if (!vb->pat_n)
        vb->pat_first = (uint32_t)(d->n_pats - 1);
    vb->pat_n++;
}

typedef struct {
    int32_t verb;           /* current verb block, or -1 */
    char particles[128];    /* words after the verb in a multi-word lemma ("carry out") */
} verb_state;

static void load_verb_line(loader *L, char *s, verb_state *st)
{
    dyad_dict *d = L->d;
    st->verb = -1;
    st->particles[0] = 0;
    char *eq = strrchr(s, '=');
    if (!eq) {
        report(L, 'E', "verb line needs '= CODE': verb lemma | lemma = CODE");
        return;
    }
    *eq = 0;
    char *rhs = trim(eq + 1);
    char *flag = strchr(rhs, '~');
    uint8_t vf = VF_NONE;
    if (flag) {
        static const char *const FL[] = {"", "~say", "~intent", "~threat", "~refuse",
                                         "~aspect", "~appeal", "~demand", "~negate"};
        char *f = trim(flag);
        for (int i = 1; i < VF_COUNT; i++)
            if (strcmp(f, FL[i]) == 0)
                vf = (uint8_t)i;
        if (!vf) {
            report(L, 'E', "unknown verb flag '%s' (~say ~intent ~threat ~refuse ~aspect ~appeal ~demand ~negate)", f);
            return;
        }
        *flag = 0;
    }
    char code[8], code2[8] = "";
    char *pair = strchr(rhs, ':');
    if (pair) {
        *pair++ = 0;
        if (parse_code(L, trim(pair), code2) < 0)
            return;
    }
    if (parse_code(L, trim(rhs), code) < 0)
        return;
    char *lemmas = trim(s + 4);
    char *tok, *save = NULL;
    for (tok = strtok_r(lemmas, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
        char *lm = trim(tok);
        if (!*lm) {
            report(L, 'E', "empty lemma");
            continue;
        }
        char *sp = lm;
        while (*sp && !isspace((unsigned char)*sp))
            sp++;
        char *rest = trim(sp);
        size_t hl = (size_t)(sp - lm);
        if (DYAD_GROW(d->verbs, d->cap_verbs, d->n_verbs + 1) < 0) {
            L->oom = 1;
            return;
        }
        int32_t v = (int32_t)d->n_verbs++;
        dyad_verb *vb = &d->verbs[v];
        memset(vb, 0, sizeof *vb);
        vb->flag = vf;
        vb->next = -1;
        vb->multiword = *rest != 0;
        vb->file = L->file_idx;
        vb->line = (uint32_t)L->line;
        char low[128];
        size_t ll = dyad_lower(low, sizeof low, lm, hl);
        vb->lemma = word_add(d, low, ll);
        if (vb->lemma < 0) {
            L->oom = 1;
            return;
        }
        lemma_join(d, vb->lemma, vb->lemma);
        struct verb_ctx c = {L, v, *rest != 0};
        dyad_morph_verb_forms(L->morph, low, ll, verb_form, &c);
        vb = &d->verbs[v];
        if (*rest) {
            /* multi-word lemma: the particle words become a pattern (see flush) */
            strcpy(vb->code, "---");
            memcpy(vb->mw_code, code, sizeof vb->mw_code);
            if (code2[0]) {
                size_t l = strlen(vb->mw_code), l2 = strlen(code2);
                if (l + 1 + l2 < sizeof vb->mw_code) {
                    vb->mw_code[l] = ':';
                    memcpy(vb->mw_code + l + 1, code2, l2 + 1);
                }
            }
            vb->particles_off = pool_add(d, rest, strlen(rest));
        } else {
            memcpy(vb->code, code, sizeof vb->code);
            memcpy(vb->code2, code2, sizeof vb->code2);
        }
        st->verb = v;
    }
}

/* Patterns under a line with several lemmas belong to every lemma of the line. */
typedef struct {
    int32_t first, last;
} verb_range;

/* ---- codes ---- */

static int code_cmp(const void *a, const void *b)
{
    return strcmp(((const dyad_code_info *)a)->code, ((const dyad_code_info *)b)->code);
}

const dyad_code_info *dyad_dict_code(const dyad_dict *d, const char *code)
{
    dyad_code_info key;
    memset(&key, 0, sizeof key);
    dyad_copy_str(key.code, sizeof key.code, code);
    return d->n_codes ? bsearch(&key, d->codes, d->n_codes, sizeof key, code_cmp) : NULL;
}

static void load_code_line(loader *L, char *s)
{
    dyad_dict *d = L->d;
    char *f[4];
    int n = 0;
    char *p = s;
    while (n < 4) {
        f[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = 0;
        p = tab + 1;
    }
    char *end;
    if (n < 4) {
        report(L, 'E', "code line needs 4 tab-separated fields: code, goldstein, quad class, name");
        return;
    }
    char code[8];
    double g = strtod(f[1], &end);
    long q = strtol(f[2], NULL, 10);
    if (*trim(end) || g < -10 || g > 10 || q < 1 || q > 4) {
        report(L, 'E', "bad Goldstein weight or quad class");
        return;
    }
    size_t saved = d->n_codes;
    d->n_codes = 0; /* parse_code must not look codes up while the table loads */
    int bad = parse_code(L, trim(f[0]), code) < 0 || strcmp(code, "---") == 0;
    d->n_codes = saved;
    if (bad)
        return;
    if (DYAD_GROW(d->codes, d->cap_codes, d->n_codes + 1) < 0) {
        L->oom = 1;
        return;
    }
    dyad_code_info *ci = &d->codes[d->n_codes++];
    memset(ci, 0, sizeof *ci);
    memcpy(ci->code, code, sizeof ci->code);
    ci->goldstein = g;
    ci->quad = (int)q;
    ci->name_off = pool_add(d, trim(f[3]), strlen(trim(f[3])));
}

/* ---- files ---- */

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

enum { PASS_CODES, PASS_SETS, PASS_REST };

/* An *.options line: "key = value". */
static void load_option_line(loader *L, char *t)
{
    dyad_dict_opts *o = &L->d->opts;
    char *eq = strchr(t, '=');
    if (!eq) {
        report(L, 'E', "expected 'option = value'");
        return;
    }
    *eq = 0;
    char *k = trim(t), *v = trim(eq + 1);
    int yes = !strcmp(v, "yes"), no = !strcmp(v, "no");
    if (!strcmp(k, "future") && (!strcmp(v, "plain") || !strcmp(v, "intent")))
        o->future_plain = !strcmp(v, "plain");
    else if (!strcmp(k, "negation") && (!strcmp(v, "code") || !strcmp(v, "drop") || !strcmp(v, "recode"))) {
        o->negation_code = strcmp(v, "drop") != 0;
        o->negation_recode = !strcmp(v, "recode");
    } else if (!strncmp(k, "negated", 7) && isspace((unsigned char)k[7]))
        ; /* a table row: read once the codes are known (load_negated_line) */
    else if (!strcmp(k, "require_dyad") && (yes || no))
        o->require_dyad = (int8_t)yes;
    else if (!strcmp(k, "that_clause") && (!strcmp(v, "object") || !strcmp(v, "own")))
        o->that_object = !strcmp(v, "object");
    else if (!strcmp(k, "null_actor") && (!strcmp(v, "---") || !strcmp(v, "empty")))
        o->null_dashes = !strcmp(v, "---");
    else if (!strcmp(k, "several_codes") && (!strcmp(v, "joined") || !strcmp(v, "each")))
        o->several_each = !strcmp(v, "each");
    else if (!strcmp(k, "agentless_passive") && (!strcmp(v, "target") || !strcmp(v, "active")))
        o->passive_active = !strcmp(v, "active");
    else if (!strcmp(k, "late_target") && (yes || no))
        o->late_target = (uint8_t)yes;
    else if (!strcmp(k, "stacked_agents") && (yes || no))
        o->stacked_agents = (uint8_t)yes;
    else
        report(L, 'E', "unknown option '%s = %s' (future = plain|intent, negation = code|drop|recode, "
                       "require_dyad = yes|no, that_clause = own|object, null_actor = empty|---, "
                       "several_codes = joined|each, agentless_passive = target|active, "
                       "late_target = no|yes, stacked_agents = no|yes, "
                       "negated CODE = CODE)", k, v);
}

/* An *.options table row "negated CODE = CODE": the code a negated verb with the
 * first code gets under negation = recode ("---": no event). */
static void load_negated_line(loader *L, char *t)
{
    char *eq = strchr(t, '=');
    if (!eq || strncmp(t, "negated", 7) || !isspace((unsigned char)t[7]))
        return;
    *eq = 0;
    char from[8], to[8];
    if (parse_code(L, trim(t + 7), from) < 0 || parse_code(L, trim(eq + 1), to) < 0)
        return;
    dyad_code_info *ci = (dyad_code_info *)dyad_dict_code(L->d, from);
    if (!ci) {
        report(L, 'E', "negated %s: not in the code table", from);
        return;
    }
    memcpy(ci->negated, to, sizeof ci->negated);
}

/* Pattern lines wait until their verb block ends, so that each lemma of a verb
 * line gets its patterns as one contiguous run. */
typedef struct {
    char **text;
    long *line;
    size_t n, cap;
} pending;

static int pend_add(pending *p, const char *t, long line)
{
    if (DYAD_GROW(p->text, p->cap, p->n + 1) < 0)
        return -1;
    long *nl = realloc(p->line, p->cap * sizeof *nl);
    if (!nl)
        return -1;
    p->line = nl;
    p->text[p->n] = strdup(t);
    if (!p->text[p->n])
        return -1;
    p->line[p->n++] = line;
    return 0;
}

static void pend_free(pending *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->text[i]);
    free(p->text);
    free(p->line);
    memset(p, 0, sizeof *p);
}

static void flush_patterns(loader *L, int32_t first, pending *p)
{
    dyad_dict *d = L->d;
    long save = L->line;
    for (size_t v = first < 0 ? d->n_verbs : (size_t)first; v < d->n_verbs; v++) {
        const char *part = d->verbs[v].particles_off ? d->pool + d->verbs[v].particles_off : NULL;
        char partbuf[128];
        if (part) {
            snprintf(partbuf, sizeof partbuf, "%s", part);
            char pat[32];
            snprintf(pat, sizeof pat, " = %s", d->verbs[v].mw_code);
            L->line = d->verbs[v].line;
            load_pattern(L, (int32_t)v, pat, partbuf);
        }
        for (size_t i = 0; i < p->n; i++) {
            char copy[512];
            L->line = p->line[i];
            L->quiet = v > (size_t)first; /* report a bad line once, not per lemma */
            if ((size_t)snprintf(copy, sizeof copy, "%s", p->text[i]) >= sizeof copy) {
                report(L, 'E', "pattern over %zu bytes; not loaded", sizeof copy - 1);
                L->quiet = 0;
                continue;
            }
            load_pattern(L, (int32_t)v, copy, part ? partbuf : NULL);
            L->quiet = 0;
        }
    }
    for (size_t i = 0; i < p->n; i++)
        free(p->text[i]);
    p->n = 0;
    L->line = save;
}

/* An issue of the file's text (dict_text.h), reported at its line. */
static void text_issue(void *ud, long line, int fatal, const char *msg)
{
    loader *L = ud;
    long save = L->line;
    L->line = line;
    report(L, fatal ? 'E' : 'W', "%s", msg);
    L->line = save;
}

static void load_file(loader *L, const char *path, int pass)
{
    dyad_dict *d = L->d;
    L->file = path;
    L->line = 0;
    size_t len;
    char *buf = dyad_read_file(path, &len);
    if (!buf) {
        report(L, 'E', "cannot read: %s", "unreadable file");
        return;
    }
    if (pass == PASS_CODES && dyad_dict_text_check(buf, len, 0, 1, text_issue, L)) {
        free(buf);      /* reported: UTF-16, or a NUL byte */
        return;
    }
    if (memchr(buf, 0, len)) {     /* (reported in the first pass) */
        free(buf);
        return;
    }
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    int is_codes = ends_with(path, ".codes"), is_verbs = ends_with(path, ".verbs");
    int is_agents = ends_with(path, ".agents"), is_actors = ends_with(path, ".actors");
    int is_discards = ends_with(path, ".discards"), is_options = ends_with(path, ".options");
    int people = is_actors && strncmp(base, "people", 6) == 0;
    int states = is_actors && strstr(base, "countr") != NULL;
    int32_t cur = -1;
    verb_state vs = {-1, {0}};
    int32_t line_first_verb = -1;
    pending pend = {0};
    char *save = NULL;
    (void)save;
    char *p = buf;
    while (p && *p && !L->oom) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = 0;
        L->line++;
        char *line = p;
        p = nl ? nl + 1 : NULL;
        char *hash = strchr(line, '#');
        if (hash && !is_codes)
            *hash = 0;
        size_t ll = strlen(line);
        if (ll && line[ll - 1] == '\r')
            line[--ll] = 0;
        char *t = trim(line);
        if (!*t)
            continue;
        if (is_codes) {
            if (pass == PASS_CODES && *t != '#')
                load_code_line(L, line);
            continue;
        }
        if (is_verbs) {
            if (*t == '&' && !isspace((unsigned char)line[0])) {
                if (pass == PASS_SETS)
                    load_set_line(L, t);
                continue;
            }
            if (pass != PASS_REST)
                continue;
            if (!isspace((unsigned char)line[0]) && strncmp(t, "verb", 4) == 0 &&
                isspace((unsigned char)t[4])) {
                flush_patterns(L, line_first_verb, &pend);
                size_t before = d->n_verbs;
                load_verb_line(L, t, &vs);
                line_first_verb = (before < d->n_verbs) ? (int32_t)before : -1;
                continue;
            }
            if (isspace((unsigned char)line[0])) {
                if (line_first_verb < 0) {
                    report(L, 'E', "pattern line without a verb line above it");
                    continue;
                }
                if (pend_add(&pend, t, L->line) < 0)
                    L->oom = 1;
                continue;
            }
            report(L, 'E', "expected 'verb ...', '&SET = ...' or an indented pattern");
            continue;
        }
        if (is_discards) {
            if (pass == PASS_REST)
                load_discard_line(L, t);
            continue;
        }
        if (is_options) {
            if (pass == PASS_CODES)
                load_option_line(L, t);
            else if (pass == PASS_REST)
                load_negated_line(L, t);
            continue;
        }
        if (is_actors || is_agents) {
            if (pass != PASS_REST)
                continue;
            if (*t != '=' && cur >= 0 && !isspace((unsigned char)line[0]))
                check_entry_done(L, cur);
            else if (*t != '=' && cur >= 0)
                check_entry_done(L, cur);
            load_entry_line(L, line, is_agents, people, states, &cur);
        }
    }
    if (pass == PASS_REST && (is_actors || is_agents))
        check_entry_done(L, cur);
    if (is_verbs && pass == PASS_REST)
        flush_patterns(L, line_first_verb, &pend);
    pend_free(&pend);
    free(buf);
    (void)line_first_verb;
}

/* Once every file is read, the base forms are final: words in patterns and sets
 * become lemmas, and the bloom filters for quick pattern rejection are built. */
static void finalize(dyad_dict *d)
{
    for (size_t w = 0; w < d->lex.n; w++)
        d->root_child[w] = dyad_dict_child(d, 0, (int32_t)w) >= 0;
    for (size_t w = 0; w < d->lex.n; w++)
        if (d->word_lemma[w] >= 0)
            d->word_lemma[w] = lemma_root(d, (int32_t)w);
    for (size_t i = 0; i < d->n_member_words; i++)
        if (d->member_words[i] >= 0)
            d->member_words[i] = dyad_dict_lemma(d, d->member_words[i]);
    for (size_t i = 0; i < d->n_sets; i++) {
        dyad_set *s = &d->sets[i];
        for (uint32_t k = 0; k < s->mem_n; k++) {
            const dyad_set_member *m = &d->members[s->mem_first + k];
            if (m->n && d->member_words[m->first] >= 0)
                dyad_bloom_set(s->bloom, d->member_words[m->first]);
        }
    }
    for (size_t i = 0; i < d->n_pats; i++) {
        dyad_pattern *p = &d->pats[i];
        for (uint32_t k = 0; k < p->el_n; k++) {
            dyad_pel *el = &d->pels[p->el_first + k];
            if (el->kind == PEL_WORD && el->id >= 0) {
                el->id = dyad_dict_lemma(d, el->id);
                dyad_bloom_set(p->need, el->id);
            }
        }
    }
}

static int path_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int dyad_dict_load(dyad_dict *d, const char *dir, const dyad_morph *morph, dyad_diag_fn diag,
                   void *ud, dyad_dict_counts *counts)
{
    memset(d, 0, sizeof *d);
    d->opts.require_dyad = -1;
    dyad_lexicon_init(&d->lex);
    dyad_dict_counts local = {0, 0};
    if (!counts)
        counts = &local;
    counts->errors = counts->warnings = 0;
    loader L;
    memset(&L, 0, sizeof L);
    L.d = d;
    L.morph = morph;
    L.diag = diag;
    L.ud = ud;
    L.counts = counts;
    L.file = dir;
    if (new_node(d) < 0 || pool_add(d, "", 0) != 0)
        return -1;
    DIR *dp = opendir(dir);
    if (!dp) {
        report(&L, 'E', "cannot open dictionary folder");
        return -1;
    }
    struct dirent *de;
    while ((de = readdir(dp))) {
        const char *n = de->d_name;
        if (n[0] == '.' || !(ends_with(n, ".actors") || ends_with(n, ".agents") ||
                             ends_with(n, ".verbs") || ends_with(n, ".codes") ||
                             ends_with(n, ".discards") || ends_with(n, ".options")))
            continue;
        if (DYAD_GROW(d->files, d->cap_files, d->n_files + 1) < 0)
            break;
        size_t pl = strlen(dir) + strlen(n) + 2;
        d->files[d->n_files] = malloc(pl);
        if (!d->files[d->n_files])
            break;
        snprintf(d->files[d->n_files], pl, "%s/%s", dir, n);
        d->n_files++;
    }
    closedir(dp);
    qsort(d->files, d->n_files, sizeof *d->files, path_cmp);
    if (!d->n_files) {
        report(&L, 'E', "no dictionary files (*.actors, *.agents, *.verbs, *.codes, *.discards, *.options)");
        return -1;
    }
    for (int pass = PASS_CODES; pass <= PASS_REST; pass++) {
        for (size_t i = 0; i < d->n_files && !L.oom; i++) {
            L.file_idx = (uint16_t)i;
            load_file(&L, d->files[i], pass);
        }
        if (pass == PASS_CODES && d->n_codes)
            qsort(d->codes, d->n_codes, sizeof *d->codes, code_cmp);
    }
    dyad_tokens_free(&L.toks);
    finalize(d);
    if (L.oom) {
        L.line = 0;
        report(&L, 'E', "out of memory");
    }
    if (!d->n_codes) {
        L.file = dir;
        L.line = 0;
        report(&L, 'W', "no *.codes file: events get no Goldstein weight or quad class");
    }
    return counts->errors ? -1 : 0;
}

void dyad_dict_free(dyad_dict *d)
{
    dyad_lexicon_free(&d->lex);
    free(d->word_lemma);
    free(d->word_verb);
    free(d->word_class);
    free(d->root_child);
    free(d->edge_key);
    free(d->edge_child);
    free(d->node_entry);
    free(d->node_flags);
    free(d->entries);
    free(d->roles);
    free(d->verbs);
    free(d->pats);
    free(d->pels);
    free(d->sets);
    free(d->members);
    free(d->member_words);
    free(d->codes);
    free(d->pool);
    for (size_t i = 0; i < d->n_files; i++)
        free(d->files[i]);
    free(d->files);
    memset(d, 0, sizeof *d);
}

const char *dyad_dict_role(const dyad_dict *d, const dyad_entry *e, int32_t ymd)
{
    const char *def = NULL, *latest = NULL;
    int32_t latest_from = -1;
    for (uint32_t i = 0; i < e->role_n; i++) {
        const dyad_role *r = &d->roles[e->role_first + i];
        if (!r->from && !r->to) {
            def = r->code;
            continue;
        }
        if (ymd && (!r->from || ymd >= r->from) && (!r->to || ymd <= r->to))
            return strcmp(r->code, "---") ? r->code : NULL;
        if (r->from > latest_from) {
            latest_from = r->from;
            latest = r->code;
        }
    }
    if (def)
        return strcmp(def, "---") ? def : NULL;
    return ymd || !latest || !strcmp(latest, "---") ? NULL : latest;
}
