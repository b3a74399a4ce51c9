#include "dict.h"
#include "dict_text.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dict_int.h"
#include "util.h"


void dict_report(loader *L, char sev, const char *fmt, ...)
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

uint32_t dict_pool_add(dyad_dict *d, const char *s, size_t len)
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

int32_t dict_word_add(dyad_dict *d, const char *s, size_t len)
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

int32_t dyad_dict_intern(dyad_dict *d, const char *s, size_t len) { return dict_word_add(d, s, len); }

/* Lemmas are kept as a union-find forest while loading: a word and every form
 * generated from it share a root, whatever order the files name them in
 * ("restrictions" in a set, "restriction" in a pattern). finalize() flattens it. */
static int32_t lemma_root(dyad_dict *d, int32_t w)
{
    while (d->word_lemma[w] >= 0 && d->word_lemma[w] != w)
        w = d->word_lemma[w];
    return w;
}

void dict_lemma_join(dyad_dict *d, int32_t base, int32_t form)
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
    size_t old_cap = d->node_cap;
    if (DYAD_GROW(d->node_entry, d->node_cap, d->node_n + 1) < 0)
        return -1;
    if (d->node_cap != old_cap) { /* only when node_entry grew (see dyad_lexicon_add) */
        uint8_t *nf = realloc(d->node_flags, d->node_cap);
        if (!nf) {
            d->node_cap = old_cap;
            return -1;
        }
        d->node_flags = nf;
    }
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

int32_t dict_child_add(dyad_dict *d, int32_t node, int32_t word)
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
        dict_report(L, 'E', "code line needs 4 tab-separated fields: code, goldstein, quad class, name");
        return;
    }
    char code[8];
    double g = strtod(f[1], &end);
    long q = strtol(f[2], NULL, 10);
    if (*dict_trim(end) || g < -10 || g > 10 || q < 1 || q > 4) {
        dict_report(L, 'E', "bad Goldstein weight or quad class");
        return;
    }
    size_t saved = d->n_codes;
    d->n_codes = 0; /* parse_code must not look codes up while the table loads */
    int bad = dict_parse_code(L, dict_trim(f[0]), code) < 0 || strcmp(code, "---") == 0;
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
    ci->name_off = dict_pool_add(d, dict_trim(f[3]), strlen(dict_trim(f[3])));
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
        dict_report(L, 'E', "expected 'option = value'");
        return;
    }
    *eq = 0;
    char *k = dict_trim(t), *v = dict_trim(eq + 1);
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
    else if (!strcmp(k, "relevance") && (!strcmp(v, "all") || !strcmp(v, "political")))
        o->relevance_all = !strcmp(v, "all");
    else
        dict_report(L, 'E', "unknown option '%s = %s' (future = plain|intent, negation = code|drop|recode, "
                       "require_dyad = yes|no, that_clause = own|object, null_actor = empty|---, "
                       "several_codes = joined|each, agentless_passive = target|active, "
                       "late_target = no|yes, stacked_agents = no|yes, relevance = political|all, "
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
    if (dict_parse_code(L, dict_trim(t + 7), from) < 0 || dict_parse_code(L, dict_trim(eq + 1), to) < 0)
        return;
    dyad_code_info *ci = (dyad_code_info *)dyad_dict_code(L->d, from);
    if (!ci) {
        dict_report(L, 'E', "negated %s: not in the code table", from);
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
    size_t old_cap = p->cap;
    if (DYAD_GROW(p->text, p->cap, p->n + 1) < 0)
        return -1;
    if (p->cap != old_cap) { /* only when text grew (see dyad_lexicon_add) */
        long *nl = realloc(p->line, p->cap * sizeof *nl);
        if (!nl) {
            p->cap = old_cap;
            return -1;
        }
        p->line = nl;
    }
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
            dict_load_pattern(L, (int32_t)v, pat, partbuf);
        }
        for (size_t i = 0; i < p->n; i++) {
            char copy[512];
            L->line = p->line[i];
            L->quiet = v > (size_t)first; /* report a bad line once, not per lemma */
            if ((size_t)snprintf(copy, sizeof copy, "%s", p->text[i]) >= sizeof copy) {
                dict_report(L, 'E', "pattern over %zu bytes; not loaded", sizeof copy - 1);
                L->quiet = 0;
                continue;
            }
            dict_load_pattern(L, (int32_t)v, copy, part ? partbuf : NULL);
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
    dict_report(L, fatal ? 'E' : 'W', "%s", msg);
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
        dict_report(L, 'E', "cannot read: %s", "unreadable file");
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
        char *t = dict_trim(line);
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
                    dict_load_set_line(L, t);
                continue;
            }
            if (pass != PASS_REST)
                continue;
            if (!isspace((unsigned char)line[0]) && strncmp(t, "verb", 4) == 0 &&
                isspace((unsigned char)t[4])) {
                flush_patterns(L, line_first_verb, &pend);
                size_t before = d->n_verbs;
                dict_load_verb_line(L, t, &vs);
                line_first_verb = (before < d->n_verbs) ? (int32_t)before : -1;
                continue;
            }
            if (isspace((unsigned char)line[0])) {
                if (line_first_verb < 0) {
                    dict_report(L, 'E', "pattern line without a verb line above it");
                    continue;
                }
                if (pend_add(&pend, t, L->line) < 0)
                    L->oom = 1;
                continue;
            }
            dict_report(L, 'E', "expected 'verb ...', '&SET = ...' or an indented pattern");
            continue;
        }
        if (is_discards) {
            if (pass == PASS_REST)
                dict_load_discard_line(L, t);
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
                dict_check_entry_done(L, cur);
            else if (*t != '=' && cur >= 0)
                dict_check_entry_done(L, cur);
            dict_load_entry_line(L, line, is_agents, people, states, &cur);
        }
    }
    if (pass == PASS_REST && (is_actors || is_agents))
        dict_check_entry_done(L, cur);
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
    if (new_node(d) < 0 || dict_pool_add(d, "", 0) != 0)
        return -1;
    DIR *dp = opendir(dir);
    if (!dp) {
        dict_report(&L, 'E', "cannot open dictionary folder");
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
        dict_report(&L, 'E', "no dictionary files (*.actors, *.agents, *.verbs, *.codes, *.discards, *.options)");
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
        dict_report(&L, 'E', "out of memory");
    }
    if (!d->n_codes) {
        L.file = dir;
        L.line = 0;
        dict_report(&L, 'W', "no *.codes file: events get no Goldstein weight or quad class");
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
