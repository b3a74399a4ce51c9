/* convert_verbs.c - PETRARCH and TABARI verbs files to a dyad *.verbs file
 * (convert.h): synonym sets with nested sets expanded, verb blocks with their forms,
 * codes and flags, patterns lexed and their { a | b } alternatives expanded. */
#include "convert.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

struct cv_set {
    char *name;                /* without '&' */
    char **raw; size_t n_raw, cap_raw;     /* members as written (converted to words) */
    char **mem; size_t n_mem, cap_mem;     /* members with nested sets expanded */
    int state;                 /* 0 raw, 1 expanding, 2 expanded */
    const char *file;
    long line;
};

/* ---- verbs ---- */

static cv_set *find_set(cv_ctx *c, const char *name, size_t len)
{
    for (size_t i = 0; i < c->n_sets; i++)
        if (strlen(c->sets[i].name) == len && !strncasecmp(c->sets[i].name, name, len))
            return &c->sets[i];
    return NULL;
}

/* Token kinds of a pattern after lexing. */
enum { TK_WORD, TK_SET, TK_VERB, TK_TARGET, TK_SOURCE, TK_COMPOUND, TK_SKIP, TK_LPAR, TK_RPAR,
       TK_LBRACE, TK_BAR, TK_RBRACE };

typedef struct {
    int kind;
    int joined;             /* written right after a '_' ("MOST_CERTAINLY"): no word between */
    char text[96];
} cv_tok;

/* Lexes PETRARCH/TABARI pattern or member text: '_' and blanks separate words. */
static size_t lex(cv_ctx *c, const char *s, cv_tok *tk, size_t cap)
{
    size_t n = 0;
    const char *p = s;
    int us = 0;
    while (*p && n < cap) {
        unsigned char ch = (unsigned char)*p;
        if (ch == '_' || isspace(ch)) {
            us = ch == '_' && n > 0;
            p++;
            continue;
        }
        cv_tok *t = &tk[n];
        t->text[0] = 0;
        t->joined = us;
        us = 0;
        static const char SP[] = "*+$%^(){|}";
        static const int KK[] = {TK_VERB, TK_TARGET, TK_SOURCE, TK_COMPOUND, TK_SKIP, TK_LPAR,
                                 TK_RPAR, TK_LBRACE, TK_BAR, TK_RBRACE};
        const char *sp = strchr(SP, ch);
        if (sp) {
            t->kind = KK[sp - SP];
            n++;
            p++;
            continue;
        }
        if (ch == '&') {
            const char *q = p + 1;
            while (isalnum((unsigned char)*q) || *q == '_')
                q++;
            /* longest known set name that ends at a '_' boundary or the end */
            size_t best = 0;
            for (const char *e = q; e > p + 1; e--)
                if ((e == q || *e == '_') && find_set(c, p + 1, (size_t)(e - p - 1))) {
                    best = (size_t)(e - p - 1);
                    break;
                }
            if (!best) {
                const char *u = p + 1;
                while (u < q && *u != '_')
                    u++;
                best = (size_t)(u - p - 1);
            }
            t->kind = TK_SET;
            snprintf(t->text, sizeof t->text, "%.*s", (int)best, p + 1);
            p += 1 + best;
            n++;
            continue;
        }
        size_t k = 0;
        while (*p && *p != '_' && !isspace((unsigned char)*p) && !strchr(SP, *p) && *p != '&') {
            unsigned char w = (unsigned char)*p++;
            if (isalnum(w) || w == '\'' || w == '-' || w == '.' || w >= 0x80) {
                if (k + 1 < sizeof t->text)
                    t->text[k++] = (char)tolower(w);
            }
        }
        t->text[k] = 0;
        if (k) {
            t->kind = TK_WORD;
            n++;
        }
    }
    return n;
}

/* Expands { a | b } groups: calls emit for each alternative sequence (at most max). */
typedef void (*seq_fn)(void *ud, const cv_tok *tk, size_t n);

static int expand_groups(const cv_tok *tk, size_t n, seq_fn fn, void *ud, int *budget)
{
    size_t open = n;
    for (size_t i = 0; i < n; i++)
        if (tk[i].kind == TK_LBRACE) {
            open = i;
            break;
        }
    if (open == n) {
        if (*budget <= 0)
            return -1;
        --*budget;
        fn(ud, tk, n);
        return 0;
    }
    size_t close = n;
    int depth = 0;
    for (size_t i = open; i < n; i++) {
        if (tk[i].kind == TK_LBRACE)
            depth++;
        else if (tk[i].kind == TK_RBRACE && --depth == 0) {
            close = i;
            break;
        }
    }
    cv_tok *tmp = malloc(sizeof *tmp * (n + 1));
    if (!tmp)
        return -1;
    int rc = 0;
    size_t a = open + 1;
    depth = 0;
    for (size_t i = open + 1; i <= close && i <= n; i++) {
        int end = i == close || i == n;
        if (!end && tk[i].kind == TK_LBRACE)
            depth++;
        if (!end && tk[i].kind == TK_RBRACE)
            depth--;
        if (end || (tk[i].kind == TK_BAR && depth == 0)) {
            size_t m = 0;
            for (size_t j = 0; j < open; j++)
                tmp[m++] = tk[j];
            for (size_t j = a; j < i; j++)
                tmp[m++] = tk[j];
            for (size_t j = close + 1; j < n; j++)
                tmp[m++] = tk[j];
            if (expand_groups(tmp, m, fn, ud, budget) < 0) {
                rc = -1;    /* over budget: stop at once, not after 2^groups tries */
                break;
            }
            a = i + 1;
        }
    }
    free(tmp);
    return rc;
}

/* Set members: nested sets expanded. */
typedef struct {
    cv_ctx *c;
    char ***out;
    size_t *n, *cap;
    int depth;
} member_ctx;

static void expand_set(cv_ctx *c, cv_set *s, int depth);

static void member_seq(void *ud, const cv_tok *tk, size_t n)
{
    member_ctx *m = ud;
    /* cartesian product over nested sets */
    char **acc = NULL;
    size_t na = 0, capa = 0;
    cv_push_str(&acc, &na, &capa, "");
    for (size_t i = 0; i < n; i++) {
        char **next = NULL;
        size_t nn = 0, capn = 0;
        const char *alts_one[1];
        char **alts = NULL;
        size_t nalt = 0;
        if (tk[i].kind == TK_WORD) {
            alts_one[0] = tk[i].text;
            alts = (char **)alts_one;
            nalt = 1;
        } else if (tk[i].kind == TK_SET) {
            cv_set *s = find_set(m->c, tk[i].text, strlen(tk[i].text));
            if (!s) {
                cv_warn(m->c, "undefined synonym set &%s in a set member; member dropped", tk[i].text);
                cv_free_strs(acc, na);
                return;
            }
            expand_set(m->c, s, m->depth + 1);
            alts = s->mem;
            nalt = s->n_mem;
        } else {
            continue; /* $ and other marks inside members: ignored */
        }
        for (size_t a = 0; a < na && nn < 256; a++)
            for (size_t b = 0; b < nalt && nn < 256; b++) {
                char t[512];
                snprintf(t, sizeof t, "%s%s%s", acc[a], *acc[a] ? " " : "", alts[b]);
                cv_push_str(&next, &nn, &capn, t);
            }
        cv_free_strs(acc, na);
        acc = next;
        na = nn;
        capa = capn;
    }
    for (size_t a = 0; a < na; a++)
        if (*acc[a] && !cv_has_str(*m->out, *m->n, acc[a]))
            cv_push_str(m->out, m->n, m->cap, acc[a]);
    cv_free_strs(acc, na);
}

static void expand_set(cv_ctx *c, cv_set *s, int depth)
{
    if (s->state == 2)
        return;
    if (s->state == 1 || depth > 8) {
        cv_warn(c, "synonym set &%s contains itself; inner reference dropped", s->name);
        return;
    }
    s->state = 1;
    const char *sf = c->file;
    long sl = c->line;
    c->file = s->file;
    c->line = s->line;
    for (size_t i = 0; i < s->n_raw; i++) {
        cv_tok tk[64];
        size_t n = lex(c, s->raw[i], tk, 64);
        member_ctx m = {c, &s->mem, &s->n_mem, &s->cap_mem, depth};
        int budget = DYAD_CONVERT_MAX_MEMBERS;
        if (expand_groups(tk, n, member_seq, &m, &budget) < 0)
            cv_line_error(c, "member %s of &%s: its { | } groups make more than %d members "
                          "(limit DYAD_CONVERT_MAX_MEMBERS)", s->raw[i], s->name,
                          DYAD_CONVERT_MAX_MEMBERS);
    }
    c->file = sf;
    c->line = sl;
    s->state = 2;
}

/* ---- verb blocks ---- */

typedef struct {
    char lemma[96];            /* verb word, lower case */
    char particles[160];       /* words after it ("" none) */
    char code[8];              /* own code, "" = the block's */
    long line;
} cv_verb;

typedef struct {
    char text[512];
    char code[8];
    long line;
} cv_pat;

typedef struct {
    char code[8];
    long line;
    int skip;                  /* the block's code is unusable */
    cv_verb *verbs; size_t n_verbs, cap_verbs;
    cv_pat *pats; size_t n_pats, cap_pats;
} cv_block;

typedef struct {
    cv_ctx *c;
    cv_block *b;
    const char *code;
    int warned[16];
} pat_ctx;

/* Counts an element a pattern may hold once; a second one is dropped (returns 1),
 * with a warning the first time (pc->warned[w]). */
static int repeated(pat_ctx *pc, int *seen, int w, const char *sym)
{
    if (!(*seen)++)
        return 0;
    if (!pc->warned[w]++)
        cv_warn(pc->c, "second '%s' in a pattern dropped", sym);
    return 1;
}

static void pattern_seq(void *ud, const cv_tok *tk, size_t n)
{
    pat_ctx *pc = ud;
    cv_ctx *c = pc->c;
    char out[512];
    size_t k = 0;
    int nt = 0, ns = 0, nv = 0, elems = 0;
    size_t last = (size_t)-1; /* the token written last */
    out[0] = 0;
    for (size_t i = 0; i < n; i++) {
        const char *add = NULL;
        char setbuf[100];
        switch (tk[i].kind) {
        case TK_WORD:
            add = tk[i].text;
            break;
        case TK_SET:
            if (!find_set(c, tk[i].text, strlen(tk[i].text))) {
                if (!pc->warned[0]++)
                    cv_warn(c, "undefined synonym set &%s; pattern skipped", tk[i].text);
                return;
            }
            snprintf(setbuf, sizeof setbuf, "&%s", find_set(c, tk[i].text, strlen(tk[i].text))->name);
            add = setbuf;
            break;
        case TK_VERB:
            if (repeated(pc, &nv, 1, "*"))
                continue;
            add = "*";
            break;
        case TK_TARGET:
            if (repeated(pc, &nt, 2, "+"))
                continue;
            add = "+";
            break;
        case TK_SOURCE:
            if (repeated(pc, &ns, 3, "$"))
                continue;
            add = "$";
            break;
        case TK_COMPOUND:
            add = "%"; /* the subject is a compound */
            break;
        case TK_SKIP:
            if (!pc->warned[5]++)
                cv_warn(c, "'^' (skip a noun phrase) dropped: dyad lets words lie between elements");
            continue;
        case TK_LPAR:
        case TK_RPAR:
            if (!pc->warned[6]++)
                cv_warn(c, "'( )' (phrase grouping) dropped; the words inside kept");
            continue;
        default:
            if (!pc->warned[7]++)
                cv_warn(c, "stray '{', '|' or '}' dropped");
            continue;
        }
        size_t al = strlen(add);
        if (k + al + 2 >= sizeof out) {
            cv_warn(c, "pattern too long; cut");
            break;
        }
        /* PETRARCH's '_' (closed connector: no word between) is dyad's joined
         * elements; TABARI's '_' only joins the words of a phrase */
        if (k)
            out[k++] = tk[i].joined && !c->tabari && last + 1 == i ? '_' : ' ';
        memcpy(out + k, add, al + 1);
        k += al;
        elems++;
        last = i;
    }
    if (!elems || (nv == 1 && elems == 1)) {
        /* a bare '*' left (from "% *" and the like) would match every use of the verb */
        if (!pc->warned[8]++ && (elems == 0 || strcmp(pc->code, pc->b->code)))
            cv_warn(c, "pattern has nothing but the verb left after conversion; skipped");
        return;
    }
    cv_block *b = pc->b;
    for (size_t i = 0; i < b->n_pats; i++)
        if (!strcmp(b->pats[i].text, out) && !strcmp(b->pats[i].code, pc->code))
            return;
    if (DYAD_GROW(b->pats, b->cap_pats, b->n_pats + 1) < 0)
        return;
    cv_pat *p = &b->pats[b->n_pats++];
    snprintf(p->text, sizeof p->text, "%s", out);
    snprintf(p->code, sizeof p->code, "%s", pc->code);
    p->line = c->line;
}

/* "- pattern [code] # comment" (the '-' already removed). */
static void block_pattern(cv_ctx *c, cv_block *b, char *s)
{
    char *br = strrchr(s, '[');
    char *close = br ? strchr(br, ']') : NULL;
    if (!br || !close) {
        cv_warn(c, "pattern without [code]; skipped");
        return;
    }
    *close = 0;
    *br = 0;
    char code[8];
    if (cv_event_code(c, br + 1, code) < 0)
        return;
    cv_tok tk[128];
    size_t n = lex(c, s, tk, 128);
    int groups = 0;
    for (size_t i = 0; i < n; i++)
        groups += tk[i].kind == TK_LBRACE;
    if (groups)
        cv_warn(c, "'{ | }' alternatives written as separate patterns");
    pat_ctx pc;
    memset(&pc, 0, sizeof pc);
    pc.c = c;
    pc.b = b;
    pc.code = code;
    int budget = DYAD_CONVERT_MAX_PATTERNS;
    if (expand_groups(tk, n, pattern_seq, &pc, &budget) < 0)
        cv_line_error(c, "the pattern's { | } groups make more than %d patterns "
                      "(limit DYAD_CONVERT_MAX_PATTERNS)", DYAD_CONVERT_MAX_PATTERNS);
}

/* A verb line: "WORD {forms} [code]", "+MULTI_+WORD {...} [code]", TABARI "WORD WORD [code]". */
static void block_verb(cv_ctx *c, cv_block *b, char *s)
{
    char own[8] = "";
    char *br = strchr(s, '[');
    if (br) {
        char *close = strchr(br, ']');
        if (close)
            *close = 0;
        *br = 0;
        if (cv_event_code(c, br + 1, own) < 0)
            return;
    }
    char *brace = strchr(s, '{');
    if (brace)
        *brace = 0; /* listed forms: dyad generates inflections itself */
    /* the verb word: the one after '+' in a multi-word form, else the first */
    char words[16][96];
    int nw = 0, vi = 0, plus = 0;
    const char *p = s;
    while (*p && nw < 16) {
        while (*p == '_' || isspace((unsigned char)*p))
            p++;
        if (!*p)
            break;
        int this_plus = 0;
        if (*p == '+') {
            this_plus = 1;
            p++;
        }
        size_t k = 0;
        while (*p && *p != '_' && !isspace((unsigned char)*p)) {
            unsigned char ch = (unsigned char)*p++;
            if ((isalnum(ch) || ch == '\'' || ch == '-' || ch == '.' || ch >= 0x80) && k + 1 < 96)
                words[nw][k++] = (char)tolower(ch);
        }
        words[nw][k] = 0;
        if (!k)
            continue;
        if (this_plus) {
            vi = nw;
            plus = 1;
        }
        nw++;
    }
    (void)plus;
    if (!nw) {
        cv_warn(c, "verb line with no word; skipped");
        return;
    }
    if (vi > 0) {
        cv_warn(c, "multi-word verb with words before the verb ('%s ... %s'): dyad's verb lines "
                "cannot say that; verb dropped", words[0], words[vi]);
        return;
    }
    if (DYAD_GROW(b->verbs, b->cap_verbs, b->n_verbs + 1) < 0)
        return;
    cv_verb *v = &b->verbs[b->n_verbs++];
    memset(v, 0, sizeof *v);
    snprintf(v->lemma, sizeof v->lemma, "%s", words[0]);
    size_t k = 0;
    for (int i = 1; i < nw; i++)
        k += (size_t)snprintf(v->particles + k, sizeof v->particles - k, "%s%s", k ? " " : "", words[i]);
    snprintf(v->code, sizeof v->code, "%s", own);
    v->line = c->line;
}

static void write_pats(FILE *f, const cv_block *b)
{
    for (size_t i = 0; i < b->n_pats; i++)
        fprintf(f, "    %s = %s\n", b->pats[i].text, b->pats[i].code);
}

/* "say" coded as a statement (01x) reports what it governs: dyad's ~say (the
 * reported event is coded, the statement only when nothing else is) */
static int reporting(const char *lemma, const char *code)
{
    return !strcmp(lemma, "say") && code[0] == '0' && code[1] == '1';
}

static void block_flush(cv_ctx *c, cv_block *b)
{
    FILE *f = c->verbs_out;
    long save = c->line;
    if (b->n_verbs == 0) {
        if (b->n_pats) {
            c->line = b->line;
            cv_warn(c, "verb block without verbs: %zu patterns dropped", b->n_pats);
        }
    }
    /* verbs that take the block's code share a line; each verb with its own code
     * gets its own line; the patterns go under each */
    int first_line = 1, says = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < b->n_verbs; i++) {
            cv_verb *v = &b->verbs[i];
            int own = v->code[0] != 0;
            if ((pass == 0) == own)
                continue;
            char key[300];
            snprintf(key, sizeof key, "%s%s%s", v->lemma, v->particles[0] ? " " : "", v->particles);
            c->line = v->line;
            if (cv_has_str(c->lemmas, c->n_lemmas, key)) {
                cv_warn(c, "verb '%s' already has a verb line; this one and its patterns dropped", key);
                continue;
            }
            if (b->skip && !own) {
                cv_warn(c, "verb '%s' has no usable code; dropped", key);
                continue;
            }
            cv_push_str(&c->lemmas, &c->n_lemmas, &c->cap_lemmas, key);
            if (pass == 0) {
                fprintf(f, first_line ? "verb %s" : " | %s", key);
                first_line = 0;
                says |= !strcmp(key, "say");
            } else {
                fprintf(f, "verb %s = %s%s\n", key, v->code, reporting(key, v->code) ? " ~say" : "");
                write_pats(f, b);
            }
        }
        if (pass == 0 && !first_line) {
            fprintf(f, " = %s%s\n", b->code, reporting(says ? "say" : "", b->code) ? " ~say" : "");
            write_pats(f, b);
        }
    }
    free(b->verbs);
    free(b->pats);
    memset(b, 0, sizeof *b);
    c->line = save;
}

static void write_sets(cv_ctx *c)
{
    for (size_t i = 0; i < c->n_sets; i++)
        expand_set(c, &c->sets[i], 0);
    for (size_t i = 0; i < c->n_sets; i++) {
        cv_set *s = &c->sets[i];
        fprintf(c->verbs_out, "&%s =", s->name);
        for (size_t k = 0; k < s->n_mem; k++)
            fprintf(c->verbs_out, "%s %s", k ? " |" : "", s->mem[k]);
        fputc('\n', c->verbs_out);
    }
}

static void set_start(cv_ctx *c, const char *raw, cv_set **cur)
{
    char name[96];
    size_t k = 0;
    for (const char *p = raw + 1; *p && !isspace((unsigned char)*p) && k + 1 < sizeof name; p++)
        if (isalnum((unsigned char)*p) || *p == '_')
            name[k++] = (char)toupper((unsigned char)*p);
    name[k] = 0;
    *cur = NULL;
    if (!k) {
        cv_warn(c, "synonym set without a name; skipped");
        return;
    }
    if (find_set(c, name, k)) {
        cv_warn(c, "synonym set &%s defined twice; the second is merged into the first", name);
        *cur = find_set(c, name, k);
        return;
    }
    if (DYAD_GROW(c->sets, c->cap_sets, c->n_sets + 1) < 0)
        return;
    cv_set *s = &c->sets[c->n_sets++];
    memset(s, 0, sizeof *s);
    s->name = cv_strdup(name);
    s->file = c->file;
    s->line = c->line;
    *cur = s;
}

/* Whether line t is inside (or opens) an XML comment <!-- ... -->; *in_comment
 * carries an open comment from line to line. */
static int xml_comment_line(const char *t, int *in_comment)
{
    if (*in_comment) {
        if (strstr(t, "-->"))
            *in_comment = 0;
        return 1;
    }
    if (!strncmp(t, "<!", 2)) {
        *in_comment = !strstr(t, "-->");
        return 1;
    }
    return 0;
}

/* Pass 1: synonym sets (PETRARCH: "&NAME" then "+member" lines anywhere; TABARI: inside
 * <SYNSETS>). */
static void read_sets(cv_ctx *c, char **lines, size_t n)
{
    int in_comment = 0, tab_sets = 0;
    cv_set *cur = NULL;
    for (size_t i = 0; i < n; i++) {
        c->line = (long)i + 1;
        char *t = cv_trim(lines[i]);
        if (xml_comment_line(t, &in_comment))
            continue;
        if (!strncasecmp(t, "<SYNSETS>", 9)) {
            tab_sets = 1;
            continue;
        }
        if (!strncasecmp(t, "</SYNSETS>", 10)) {
            tab_sets = 0;
            cur = NULL;
            continue;
        }
        char tmp[1024];
        snprintf(tmp, sizeof tmp, "%s", t);
        char *s = cv_trim(cv_strip_comment(tmp, c->tabari));
        if (!*s)
            continue;
        if (s[0] == '&' && (!c->tabari || tab_sets)) {
            set_start(c, s, &cur);
            continue;
        }
        if (s[0] == '+' && cur) {
            cv_push_str(&cur->raw, &cur->n_raw, &cur->cap_raw, cv_trim(s + 1));
            continue;
        }
        cur = NULL;
    }
}

/* Pass 2: verb blocks and their patterns. */
static void read_verbs(cv_ctx *c, char **lines, size_t n)
{
    cv_block b;
    memset(&b, 0, sizeof b);
    int have_block = 0, in_sets = 0, skip_section = 0, in_comment = 0;
    for (size_t i = 0; i < n; i++) {
        c->line = (long)i + 1;
        char *t = cv_trim(lines[i]);
        if (xml_comment_line(t, &in_comment))
            continue;
        cv_strip_comment(t, c->tabari);
        char *s = cv_trim(t);
        if (!*s)
            continue;
        if (s[0] == '<') {
            if (!strncasecmp(s, "<SYNSETS>", 9) || !strncasecmp(s, "</SYNSETS>", 10))
                continue;
            if (s[1] == '/') {
                skip_section = 0;
            } else {
                skip_section = 1;
                cv_warn(c, "section %s has no dyad equivalent; skipped", s);
            }
            continue;
        }
        if (skip_section)
            continue;
        if (s[0] == '&') {
            in_sets = 1;
            continue;
        }
        if (s[0] == '+' && in_sets)
            continue;
        in_sets = 0;
        if (!c->tabari && !strncmp(s, "---", 3) && s[3] != ']') {
            /* --- NAME [code] --- */
            if (have_block)
                block_flush(c, &b);
            have_block = 1;
            b.line = c->line;
            char *br = strchr(s, '[');
            char *close = br ? strchr(br, ']') : NULL;
            if (!br || !close) {
                cv_warn(c, "verb block header without [code]; taken as ---");
                strcpy(b.code, "---");
            } else {
                *close = 0;
                if (cv_event_code(c, br + 1, b.code) < 0)
                    b.skip = 1;
                if (strchr(close + 1, '['))
                    cv_warn(c, "verb block header with several codes; the first one used");
            }
            continue;
        }
        if (s[0] == '-') {
            if (!have_block) {
                cv_warn(c, "pattern without a verb above it; skipped");
                continue;
            }
            block_pattern(c, &b, s + 1);
            continue;
        }
        if (s[0] == '{') {
            continue; /* TABARI irregular forms: dyad generates inflections */
        }
        if (c->tabari) {
            /* each TABARI verb line starts its own block */
            if (have_block)
                block_flush(c, &b);
            have_block = 1;
            b.line = c->line;
            char *br = strchr(s, '[');
            if (!br) {
                cv_warn(c, "verb without [code]; taken as ---");
                strcpy(b.code, "---");
            } else {
                char *close = strchr(br, ']');
                if (close)
                    *close = 0;
                *br = 0;
                if (cv_event_code(c, br + 1, b.code) < 0)
                    b.skip = 1;
            }
            block_verb(c, &b, s);
            continue;
        }
        if (!have_block) {
            cv_warn(c, "verb outside a '--- VERB [code] ---' block; skipped");
            continue;
        }
        block_verb(c, &b, s);
    }
    if (have_block)
        block_flush(c, &b);
}

int cv_convert_verbs(cv_ctx *c, const char *path)
{
    size_t n;
    char *buf;
    char **lines = cv_read_lines(c, path, &n, &buf);
    if (!lines)
        return -1;
    FILE *out = cv_open_out(c, path, "verbs");
    if (!out) {
        free(lines);
        free(buf);
        return -1;
    }
    c->verbs_out = out;
    c->file = path;
    read_sets(c, lines, n);
    write_sets(c);
    c->file = path;
    read_verbs(c, lines, n);
    free(lines);
    free(buf);
    cv_file_done(c);
    c->verbs_out = NULL;
    return cv_close_out(c, out, path);
}

void cv_free_sets(cv_ctx *c)
{
    for (size_t i = 0; i < c->n_sets; i++) {
        free(c->sets[i].name);
        cv_free_strs(c->sets[i].raw, c->sets[i].n_raw);
        cv_free_strs(c->sets[i].mem, c->sets[i].n_mem);
    }
    free(c->sets);
}
