/* dict_verbs.c - verb, pattern and synonym-set lines of a dictionary folder (dict.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict_int.h"
#include "util.h"

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
    int32_t w = dict_word_add(c->d, form, len);
    if (w < 0) {
        c->oom = 1;
        return;
    }
    dict_lemma_join(c->d, c->base, w);
}

/* A word used in a pattern or set: its inflections map to it. Returns its id. */
static int32_t pattern_word(loader *L, const char *w, size_t len)
{
    dyad_dict *d = L->d;
    int32_t id = dict_word_add(d, w, len);
    if (id < 0) {
        L->oom = 1;
        return -1;
    }
    dict_lemma_join(d, id, id);
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

void dict_load_set_line(loader *L, char *s)
{
    dyad_dict *d = L->d;
    char *eq = strchr(s, '=');
    if (!eq) {
        dict_report(L, 'E', "synonym set needs '=': &NAME = word | word");
        return;
    }
    *eq = 0;
    char *name = dict_trim(s);
    for (char *p = name + 1; *p; p++)
        if (!isalnum((unsigned char)*p) && *p != '_') {
            dict_report(L, 'E', "bad set name '%s' (letters, digits and _ only)", name);
            return;
        }
    if (strlen(name) < 2) {
        dict_report(L, 'E', "empty set name");
        return;
    }
    if (find_set(d, name, strlen(name)) >= 0) {
        dict_report(L, 'E', "synonym set %s defined twice", name);
        return;
    }
    if (DYAD_GROW(d->sets, d->cap_sets, d->n_sets + 1) < 0) {
        L->oom = 1;
        return;
    }
    dyad_set *set = &d->sets[d->n_sets++];
    memset(set, 0, sizeof *set);
    set->name_off = dict_pool_add(d, name, strlen(name));
    set->file = L->file_idx;
    set->line = (uint32_t)L->line;
    set->mem_first = (uint32_t)d->n_members;
    char *tok, *save = NULL;
    for (tok = strtok_r(eq + 1, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
        char *m = dict_trim(tok);
        if (!*m) {
            dict_report(L, 'E', "empty member in set %s", name);
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
                                      : dict_word_add(d, m + tk[i].off, tk[i].len);
            d->member_words[d->n_member_words++] = w; /* lemma resolved in finalize */
        }
        mem->n = (uint32_t)nt;
        set = &d->sets[d->n_sets - 1];
        set->mem_n++;

    }
}

int dict_parse_code(loader *L, const char *s, char out[8])
{
    size_t n = strlen(s);
    if (strcmp(s, "---") == 0) {
        strcpy(out, "---");
        return 0;
    }
    if (n < 2 || n > 4) {
        dict_report(L, 'E', "bad event code '%s' (2 to 4 digits, 3 digits and a capital, or ---)", s);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]) && !(i == 3 && isupper((unsigned char)s[i]))) {
            dict_report(L, 'E', "bad event code '%s' (2 to 4 digits, 3 digits and a capital, or ---)", s);
            return -1;
        }
    if (L->d->n_codes && !dyad_dict_code(L->d, s)) {
        dict_report(L, 'E', "unknown CAMEO code %s", s);
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
    int32_t w = dict_word_add(d, form, len);
    if (w < 0) {
        c->L->oom = 1;
        return;
    }
    dict_lemma_join(d, d->verbs[c->verb].lemma, w);
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
            dict_report(c->L, 'E', "verb '%.*s' already has a verb line at %s:%u", (int)len, form,
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
void dict_load_pattern(loader *L, int32_t v, char *s, const char *particles)
{
    dyad_dict *d = L->d;
    char *eq = strrchr(s, '=');
    if (!eq) {
        dict_report(L, 'E', "pattern needs '= CODE' at the end");
        return;
    }
    *eq = 0;
    char *code = dict_trim(eq + 1);
    char *body = dict_trim(s);
    char full[512];
    if ((size_t)snprintf(full, sizeof full, "%s%s%s", particles ? particles : "",
                         particles && *body ? " " : "", body) >= sizeof full) {
        dict_report(L, 'E', "pattern over %zu bytes; not loaded", sizeof full - 1);
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
        if (dict_parse_code(L, dict_trim(second), p->code2) < 0 || !strcmp(p->code2, "---"))
            return;
        code = dict_trim(code);
    }
    if (dict_parse_code(L, code, p->code) < 0)
        return;
    p->file = L->file_idx;
    p->line = (uint32_t)L->line;
    p->el_first = (uint32_t)d->n_pels;
    p->text_off = dict_pool_add(d, full, strlen(full));
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
                dict_report(L, 'E', "'_' joins two pattern elements");
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
                dict_report(L, 'E', "undefined synonym set %s", tok);
                return;
            }
        } else {
            for (char *c = tok; *c; c++)
                if (!isalnum((unsigned char)*c) && *c != '\'' && *c != '-' && *c != '.' &&
                    !((unsigned char)*c >= 0x80)) {
                    dict_report(L, 'E', "bad pattern element '%s'", tok);
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
        dict_report(L, 'E', "a pattern has at most one +, one $ and one *");
        d->n_pels = p->el_first;
        return;
    }
    p->el_n = (uint32_t)(d->n_pels - p->el_first);
    if (!p->el_n) {
        dict_report(L, 'E', "empty pattern");
        return;
    }
    d->n_pats++;
    dyad_verb *vb = &d->verbs[v];
    if (!vb->pat_n)
        vb->pat_first = (uint32_t)(d->n_pats - 1);
    vb->pat_n++;
}


void dict_load_verb_line(loader *L, char *s, verb_state *st)
{
    dyad_dict *d = L->d;
    st->verb = -1;
    st->particles[0] = 0;
    char *eq = strrchr(s, '=');
    if (!eq) {
        dict_report(L, 'E', "verb line needs '= CODE': verb lemma | lemma = CODE");
        return;
    }
    *eq = 0;
    char *rhs = dict_trim(eq + 1);
    char *flag = strchr(rhs, '~');
    uint8_t vf = VF_NONE;
    if (flag) {
        static const char *const FL[] = {"", "~say", "~intent", "~threat", "~refuse",
                                         "~aspect", "~appeal", "~demand", "~negate"};
        char *f = dict_trim(flag);
        for (int i = 1; i < VF_COUNT; i++)
            if (strcmp(f, FL[i]) == 0)
                vf = (uint8_t)i;
        if (!vf) {
            dict_report(L, 'E', "unknown verb flag '%s' (~say ~intent ~threat ~refuse ~aspect ~appeal ~demand ~negate)", f);
            return;
        }
        *flag = 0;
    }
    char code[8], code2[8] = "";
    char *pair = strchr(rhs, ':');
    if (pair) {
        *pair++ = 0;
        if (dict_parse_code(L, dict_trim(pair), code2) < 0)
            return;
    }
    if (dict_parse_code(L, dict_trim(rhs), code) < 0)
        return;
    char *lemmas = dict_trim(s + 4);
    char *tok, *save = NULL;
    for (tok = strtok_r(lemmas, "|", &save); tok; tok = strtok_r(NULL, "|", &save)) {
        char *lm = dict_trim(tok);
        if (!*lm) {
            dict_report(L, 'E', "empty lemma");
            continue;
        }
        char *sp = lm;
        while (*sp && !isspace((unsigned char)*sp))
            sp++;
        char *rest = dict_trim(sp);
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
        vb->lemma = dict_word_add(d, low, ll);
        if (vb->lemma < 0) {
            L->oom = 1;
            return;
        }
        dict_lemma_join(d, vb->lemma, vb->lemma);
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
            vb->particles_off = dict_pool_add(d, rest, strlen(rest));
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
