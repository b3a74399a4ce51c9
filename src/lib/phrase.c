#include "phrase.h"

#include <string.h>

#include "util.h"


static int is_verb_tag(int tag)
{
    return tag == TAG_VB || tag == TAG_VBD || tag == TAG_VBG || tag == TAG_VBN || tag == TAG_VBP ||
           tag == TAG_VBZ || tag == TAG_MD;
}


enum { C_BE = 1, C_NEG = 2, C_FUT = 4, C_SUBORD = 8, C_COORD = 16, C_THAT = 32, C_WH = 64,
       C_STOP = 128, C_AUXTO = 256, C_AS = 512, C_TEMPORAL = 1024, C_COMMA = 2048, C_AUX = 4096,
       C_CONTRAST = 8192 };

/* auxiliaries: a verb group goes on after these, and ends after any other verb */
static const char *const AUX[] = {"be", "is", "are", "was", "were", "been", "being", "'s", "'re",
                                  "am", "have", "has", "had", "having", "'ve", "'d", "do", "does",
                                  "did", "get", "gets", "got", "gotten", "getting", NULL};

static const char *const BE[] = {"be", "is", "are", "was", "were", "been", "being", "'s", "'re",
                                 "am", "get", "gets", "got", "gotten", "getting", NULL};
static const char *const NEG[] = {"not", "n't", "never", "no", NULL};
static const char *const FUT[] = {"will", "would", "shall", "'ll", "wo", NULL};
static const char *const SUBORD[] = {"that", "which", "who", "whom", "whose", "because",
                                     "while", "although", "though", "whereas", "if", "unless",
                                     "until", "when", "where", "since", "as", "after", "before", "whether",
                                     NULL};
static const char *const COORD[] = {"and", "but", "or", "then", "also", NULL};

/* A noun-tagged known verb form in verb position: "Russia attacks Georgia". */
static int verb_in_disguise(const char *text, const dyad_token *tok, size_t n,
                            size_t i, const dyad_mentions *ms)
{
    const dyad_token *t = &tok[i];
    if (t->verb < 0)
        return 0;
    if (t->tag != TAG_NNS && t->tag != TAG_NN && t->tag != TAG_JJ)
        return 0;
    if (i == 0 || i + 1 >= n)
        return 0;
    int after_actor = 0;
    for (size_t k = 0; k < ms->n; k++)
        if (ms->m[k].end == i) {
            /* "a US offer", "the UN appeal", "its ban": the actor modifies a noun */
            uint32_t b = ms->m[k].start;
            int det = b > 0 && (tok[b - 1].tag == TAG_DT || tok[b - 1].tag == TAG_PRPS ||
                                tok[b - 1].tag == TAG_POS || tok[b - 1].tag == TAG_JJ);
            after_actor = !det;
        }
    if (!after_actor && tok[i - 1].tag != TAG_PRP)
        return 0;
    int nt = tok[i + 1].tag;
    (void)text;
    return nt == TAG_DT || nt == TAG_NNP || nt == TAG_NNPS || nt == TAG_PRPS || nt == TAG_CD ||
           nt == TAG_IN || nt == TAG_TO || nt == TAG_PRP;
}


static const char *const AUXTO[] = {"going", "is", "are", "was", "were", "has", "have", "had", NULL};
static const char *const TEMPORAL[] = {"after", "before", "since", "until", NULL};

static int set_class(dyad_dict *d, const char *const *words, unsigned bit)
{
    for (; *words; words++) {
        int32_t w = dyad_dict_intern(d, *words, strlen(*words));
        if (w < 0)
            return -1;
        d->word_class[w] |= (uint16_t)bit;
    }
    return 0;
}

int dyad_phrase_register(dyad_dict *d)
{
    static const char *const THAT[] = {"that", NULL}, *const WH[] = {"which", "who", NULL},
                             *const STOP[] = {";", ":", "--", NULL}, *const COMMA[] = {",", NULL},
                             *const AS[] = {"as", NULL},
                             *const CONTRAST[] = {"while", "whereas", NULL};
    return set_class(d, BE, C_BE) | set_class(d, NEG, C_NEG) | set_class(d, FUT, C_FUT) |
           set_class(d, SUBORD, C_SUBORD) | set_class(d, COORD, C_COORD) |
           set_class(d, THAT, C_THAT) | set_class(d, WH, C_WH) | set_class(d, STOP, C_STOP) |
           set_class(d, COMMA, C_COMMA) | set_class(d, AUXTO, C_AUXTO) | set_class(d, AS, C_AS) |
           set_class(d, TEMPORAL, C_TEMPORAL) | set_class(d, AUX, C_AUX) |
           set_class(d, CONTRAST, C_CONTRAST);
}

long dyad_find_verbs(const dyad_dict *d, const char *text, dyad_token *tok, size_t n,
                     const dyad_mentions *ms, dyad_vgroups *out)
{
    out->n = 0;
    unsigned short cls[512];
    if (n > 512)
        n = 512;
    for (size_t i = 0; i < n; i++)
        cls[i] = tok[i].wclass;
    for (size_t i = 0; i < n; i++) {
        if (verb_in_disguise(text, tok, n, i, ms))
            tok[i].tag = (tok[i].tag == TAG_NNS) ? TAG_VBZ : TAG_VBD;
        /* a base-form verb right after a finite main verb is a noun: "used tear
         * gas" (not after an auxiliary: "did go") */
        if (i > 0 && tok[i].tag == TAG_VB && (tok[i - 1].tag == TAG_VBD || tok[i - 1].tag == TAG_VBZ ||
                                              tok[i - 1].tag == TAG_VBP) &&
            !(cls[i - 1] & C_AUX))
            tok[i].tag = TAG_NN;
        /* a known verb right after a modal or "to" is a verb: "would boycott",
         * "to deepen" (skipping adverbs: "will soon impose") */
        if (i > 0 && tok[i].verb >= 0 &&
            (tok[i].tag == TAG_NN || tok[i].tag == TAG_NNS || tok[i].tag == TAG_JJ ||
             tok[i].tag == TAG_VBP || tok[i].tag == TAG_NNP)) {
            size_t b = i;
            while (b > 0 && tok[b - 1].tag == TAG_RB && i - b < 2)
                b--;
            if (b > 0 && (tok[b - 1].tag == TAG_MD || tok[b - 1].tag == TAG_TO) &&
                tok[i].lemma == tok[i].word)
                tok[i].tag = TAG_VB;
        }
    }
    size_t i = 0;
    while (i < n) {
        int to_inf = 0;
        size_t s = i;
        if (tok[i].tag == TAG_TO && i + 1 < n &&
            (tok[i + 1].tag == TAG_VB ||
             (tok[i + 1].tag == TAG_RB && i + 2 < n && tok[i + 2].tag == TAG_VB))) {
            to_inf = 1; /* "to lift", "to immediately lift" */
        } else if (!is_verb_tag(tok[i].tag)) {
            i++;
            continue;
        }
        /* inside a mention ("the Defence Ministry said"): not a verb */
        int inside = 0;
        for (size_t k = 0; k < ms->n; k++)
            if (ms->m[k].start <= i && i < ms->m[k].end)
                inside = 1;
        if (inside) {
            i++;
            continue;
        }
        size_t e = i + 1, head = to_inf ? i + 1 : i;
        int main_seen = 0; /* a verb that is not an auxiliary ends the group */
        for (size_t k = to_inf ? i + 1 : i; k < n; k++) {
            if (is_verb_tag(tok[k].tag)) {
                if (main_seen)
                    break; /* "is considering giving": giving is governed */
                head = k;
                e = k + 1;
                if (tok[k].tag != TAG_MD && !(cls[k] & C_AUX))
                    main_seen = 1;
            } else if (tok[k].tag == TAG_RB || (cls[k] & C_NEG) ||
                       (tok[k].tag == TAG_TO && k + 1 < n && tok[k + 1].tag == TAG_VB &&
                        k > i && (cls[k - 1] & C_AUXTO))) {
                continue;
            } else {
                break;
            }
        }
        /* a lone participle before a noun is an adjective: "precision guided
         * missiles", "the disputed election" */
        if (head == s && (tok[head].tag == TAG_VBN || tok[head].tag == TAG_VBG) && e < n &&
            (tok[e].tag == TAG_NN || tok[e].tag == TAG_NNS) && dyad_mention_at(ms, (uint32_t)e) < 0 &&
            s > 0 && (tok[s - 1].tag == TAG_NN || tok[s - 1].tag == TAG_DT || tok[s - 1].tag == TAG_JJ)) {
            i = e;
            continue;
        }
        if (DYAD_GROW(out->g, out->cap, out->n + 1) < 0)
            return -1;
        dyad_vgroup *g = &out->g[out->n];
        memset(g, 0, sizeof *g);
        g->start = (uint32_t)s;
        g->end = (uint32_t)e;
        g->head = (uint32_t)head;
        g->governor = g->coord = g->comp_of = -1;
        /* "not to impose", "never to return" */
        if (to_inf && s > 0 && (cls[s - 1] & C_NEG))
            g->negated = 1;
        g->to_inf = (uint8_t)to_inf;
        g->verb = tok[head].verb;
        if (g->verb < 0 && tok[head].len > 5 && tok[head].kind == TOK_WORD) {
            /* "reimposed", "re-imposed": the verb without its prefix */
            const char *hs = text + tok[head].off;
            size_t skip = (hs[0] == 'r' || hs[0] == 'R') && (hs[1] == 'e' || hs[1] == 'E')
                              ? (hs[2] == '-' ? 3 : 2) : 0;
            char low[64];
            if (skip && tok[head].len - skip < sizeof low) {
                size_t l = dyad_lower(low, sizeof low, hs + skip, tok[head].len - skip);
                int32_t w = dyad_lexicon_find(&d->lex, low, l);
                if (w >= 0)
                    g->verb = d->word_verb[w];
            }
        }
        int be = 0, has_aux = 0;
        for (size_t k = s; k < e; k++) {
            if (k < head && (cls[k] & C_BE))
                be = 1;
            if (k < head && is_verb_tag(tok[k].tag))
                has_aux = 1;
            if (cls[k] & C_NEG)
                g->negated = 1;
            if (tok[k].tag == TAG_MD && (dyad_tok_is(text, &tok[k], "must") ||
                                         dyad_tok_is(text, &tok[k], "should") ||
                                         dyad_tok_is(text, &tok[k], "ought")))
                g->obligation = 1;
            if ((cls[k] & C_FUT) && tok[k].tag == TAG_MD)
                g->future = 1;
            if (tok[k].tag == TAG_TO && k > s && k + 1 < e)
                g->future = 1; /* is to / going to */
        }
        /* "is prepared to", "was determined to": a verb that governs an infinitive
         * is used as an adjective, not as a passive */
        if (tok[head].tag == TAG_VBN && be &&
            !(e < n && tok[e].tag == TAG_TO && g->verb >= 0 && d->verbs[g->verb].flag != VF_NONE))
            g->passive = 1;
        if (tok[head].tag == TAG_VBG && !has_aux && !to_inf)
            g->gerund = 1;
        /* "a resolution censuring X", "workers demanding": a participle right after
         * a noun modifies it */
        if (g->gerund && s > 0 && s == head &&
            (tok[s - 1].tag == TAG_NN || tok[s - 1].tag == TAG_NNS) && out->n > 0)
            g->reduced = 1;
        g->finite = !to_inf && !g->gerund;
        if (tok[head].tag == TAG_VBN && !has_aux && !to_inf) {
            for (size_t q = 0; q < out->n; q++)
                if (out->g[q].finite)
                    g->reduced = 1;
            if (g->reduced)
                g->finite = 0;
        }
        /* a past participle right after a noun with no auxiliary is often a reduced
         * relative ("the troops deployed in Kosovo"); keep it finite only when no
         * finite verb came before in the sentence */
        out->n++;
        i = e;
    }
    /* governors, coordination, clause extent */
    for (size_t k = 0; k < out->n; k++) {
        dyad_vgroup *g = &out->g[k];
        if (k > 0) {
            dyad_vgroup *p = &out->g[k - 1];
            int boundary = 0;
            for (uint32_t t = p->end; t < g->start; t++)
                if (cls[t] & (C_STOP | C_SUBORD))
                    boundary = 1;
            uint32_t b = g->start;
            while (b > p->end && tok[b - 1].tag == TAG_RB)
                b--;
            int prep_before = b > 0 && (tok[b - 1].tag == TAG_IN);
            if (!boundary && (g->to_inf || (g->gerund && (prep_before || b == p->end)))) {
                g->governor = (int32_t)(k - 1);
                uint32_t gap = 0, plain = 1;
                for (uint32_t t = p->end; t < g->start; t++, gap++)
                    if (tok[t].tag != TAG_JJ && tok[t].tag != TAG_RB && tok[t].tag != TAG_VBN)
                        plain = 0;
                g->adjacent = (uint8_t)(plain && gap <= 2);
            }
            /* a participle after a comma elaborates the finite verb before it ("lifted
             * sanctions, ending two decades of restrictions"): governed by it */
            if (g->governor < 0 && b > p->end && g->gerund && (cls[b - 1] & C_COMMA) && p->finite)
                g->governor = (int32_t)(k - 1);
            /* coordination: "... and bombed" */
            if (g->governor < 0 && b > p->end && (cls[b - 1] & C_COORD)) {
                int32_t c = (int32_t)(k - 1);
                while (c >= 0 && out->g[c].governor >= 0)
                    c = out->g[c].governor;
                g->coord = c;
            }
        }
        /* in a subordinate clause? look back to the previous finite verb */
        {
            uint32_t lo = 0;
            for (size_t q = k; q-- > 0;)
                if (out->g[q].finite) {
                    lo = out->g[q].end;
                    break;
                }
            for (uint32_t t = g->start; t-- > lo;) {
                if (cls[t] & C_THAT) {
                    /* complementizer after a verb ("said that", "demanded that"); a
                     * reporting verb may have words between ("said on Tuesday that") */
                    int reporting = 0;
                    for (size_t q = k; q-- > 0;)
                        if (out->g[q].finite) {
                            int32_t v = out->g[q].verb;
                            for (; v >= 0; v = d->verbs[v].next)
                                if (d->verbs[v].flag == VF_SAY || d->verbs[v].flag == VF_DEMAND ||
                                    d->verbs[v].flag == VF_APPEAL)
                                    reporting = 1;
                            break;
                        }
                    if (!(t >= lo && k > 0 && (t - lo <= 1 || (reporting && t - lo <= 6))))
                        g->subordinate = 1;
                    else {
                        for (size_t q = k; q-- > 0;)
                            if (out->g[q].finite) {
                                g->comp_of = (int32_t)q;
                                break;
                            }
                    }
                    break;
                }
                if ((cls[t] & C_CONTRAST))
                    break; /* "X got aid, while Y got none": two facts side by side */
                if ((cls[t] & C_SUBORD) && !((cls[t] & C_AS) && tok[t].tag != TAG_IN)) {
                    if ((cls[t] & C_TEMPORAL) &&
                        t + 1 < n && tok[t + 1].tag != TAG_VBG && t + 1 == g->start)
                        continue;
                    g->subordinate = 1;
                    if (dyad_tok_is(text, &tok[t], "if") || dyad_tok_is(text, &tok[t], "unless") ||
                        dyad_tok_is(text, &tok[t], "until") || dyad_tok_is(text, &tok[t], "whether"))
                        g->conditional = 1;
                    break;
                }
            }
            if (g->governor >= 0 && out->g[g->governor].subordinate)
                g->subordinate = 1;
            if (g->governor >= 0 && out->g[g->governor].conditional)
                g->conditional = 1;
            if (g->governor >= 0 && out->g[g->governor].negated)
                g->negated = 1; /* "has never sent troops to fight" */
            if (g->governor >= 0 && out->g[g->governor].reduced && !g->to_inf)
                g->reduced = 1; /* "nationals suspected of blowing up": part of the modifier */
            if (g->coord >= 0 && out->g[g->coord].conditional)
                g->conditional = 1;
            if (g->coord >= 0 && out->g[g->coord].subordinate)
                g->subordinate = 1;
        }
        /* clause extent */
        uint32_t se = (uint32_t)n;
        for (uint32_t t = g->end; t < n; t++) {
            if ((cls[t] & (C_STOP | C_THAT | C_WH)) ||
                ((cls[t] & C_SUBORD) && tok[t].tag != TAG_IN && tok[t].tag != TAG_RB)) {
                se = t;
                break;
            }
            int next_finite = 0;
            for (size_t q = k + 1; q < out->n; q++)
                if (out->g[q].start == t && !out->g[q].to_inf &&
                    !(out->g[q].gerund && t > 0 && tok[t - 1].tag == TAG_IN))
                    next_finite = 1;
            if (next_finite) {
                se = t;
                break;
            }
        }
        g->scope_end = se;
    }
    return (long)out->n;
}
