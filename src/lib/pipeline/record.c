/* record.c - record assembly (record.h): candidates -> dyad_event records. */
#include <string.h>

#include "cameo.h"
#include "date.h"
#include "record.h"
#include "util.h"

/* The sentence's events so far: a repeat of one of them is dropped. */
typedef struct {
    dyad_event ev[64];
    size_t n;
} seen_events;

/* Adds ev to the document's events unless the sentence already has the same one. */
static int add_event(dyad_records *out, size_t *events, FILE *ex, seen_events *seen,
                     const dyad_event *ev)
{
    for (size_t k = 0; k < seen->n; k++)
        if (!strcmp(seen->ev[k].source, ev->source) && !strcmp(seen->ev[k].target, ev->target) &&
            !strcmp(seen->ev[k].code, ev->code))
            return 0;
    if (seen->n < 64)
        seen->ev[seen->n++] = *ev;
    (*events)++;
    if (ex) {
        char db[16] = "none";
        if (ev->date.precision == DYAD_PREC_YEAR)
            snprintf(db, sizeof db, "%04d", ev->date.year);
        else if (ev->date.precision == DYAD_PREC_MONTH)
            snprintf(db, sizeof db, "%04d-%02d", ev->date.year, ev->date.month);
        else if (ev->date.year)
            snprintf(db, sizeof db, "%04d-%02d-%02d", ev->date.year, ev->date.month, ev->date.day);
        fprintf(ex, "  EVENT %s %s %s date %s\n", ev->source[0] ? ev->source : "-", ev->code,
                ev->target[0] ? ev->target : "-", db);
    }
    if (DYAD_GROW(out->ev, out->cap, out->n + 1) < 0)
        return -1;
    out->ev[out->n++] = *ev;
    return 0;
}

/* several_codes = each (PETRARCH-1): an actor with several codes ("FRO/BIL/SAM")
 * yields one event per code, source codes by target codes. */
static int add_each(dyad_records *out, size_t *events, FILE *ex, seen_events *seen,
                    const dyad_event *ev)
{
    char src[32], tgt[32];
    memcpy(src, ev->source, sizeof src);
    memcpy(tgt, ev->target, sizeof tgt);
    for (char *s = src, *se; s; s = se) {
        se = strchr(s, '/');
        if (se)
            *se++ = 0;
        for (char *t = tgt, *te; t; t = te) {
            te = strchr(t, '/');
            if (te)
                *te++ = 0;
            dyad_event one = *ev;
            dyad_copy_str(one.source, sizeof one.source, s);
            dyad_copy_str(one.target, sizeof one.target, t);
            if (strcmp(one.source, one.target) && add_event(out, events, ex, seen, &one) < 0)
                return -1;
            if (te)
                te[-1] = '/';
        }
    }
    return 0;
}

/* null_actor = --- (PETRARCH's output): a missing actor is written "---", an agent
 * that no country or person claimed "---" and its code ("---GOV"). */
static void null_dashes(const dyad_dict *d, const dyad_mention *m, char *code, size_t cap)
{
    if (!m) {
        dyad_copy_str(code, cap, "---");
        return;
    }
    if (m->kind != AK_AGENT || m->entry >= 0 || m->agent < 0 || m->is_ref)
        return;
    const char *role = dyad_dict_role(d, &d->entries[m->agent], 0);
    size_t rl = role ? strcspn(role, "~") : 0; /* "NGO~": a prefix agent */
    size_t cl = strlen(code);
    if (role && rl == cl && !strncmp(role, code, rl) && cl + 4 <= cap && cl < 60) {
        char tmp[64] = "---";
        memcpy(tmp + 3, code, cl + 1);
        memcpy(code, tmp, cl + 4);
    }
}

static dyad_span span_of(const dyad_token *tok, uint32_t a, uint32_t b)
{
    dyad_span s = {0, 0};
    if (b > a) {
        s.off = tok[a].off;
        s.len = tok[b - 1].off + tok[b - 1].len - tok[a].off;
    }
    return s;
}

/* Whether the pair (source, target) may carry the candidate's code; says why not
 * in the explain output. */
static int pair_allowed(const dyad_record_sentence *s, const dyad_cand *cd, const dyad_mention *src,
                        const dyad_mention *tgt, const dyad_event *ev, FILE *ex)
{
    if (s->require_dyad && !(src && tgt)) {
        if (ex)
            fprintf(ex, "  no event %s: it needs both a source and a target\n", cd->code);
        return 0;
    }
    if (src && tgt && strcmp(ev->source, ev->target) == 0) {
        if (ex)
            fprintf(ex, "  no event %s %s %s: source and target are the same actor\n", ev->source,
                    cd->code, ev->target);
        return 0;
    }
    if (src && tgt && dyad_cameo_home_visit(cd->code, ev->source, ev->target)) {
        if (ex)
            fprintf(ex, "  no event %s %s %s: a visit inside one's own country\n", ev->source,
                    cd->code, ev->target);
        return 0;
    }
    return 1;
}

/* Date and sum of money of the clause of verb group g, subject src. */
static void clause_date_amount(const dyad_record_sentence *s, const dyad_vgroup *g,
                               const dyad_mention *src, dyad_event *ev)
{
    const dyad_token *tok = s->tok;
    uint32_t from = src && src->start < g->start ? src->start : g->start;
    ev->date = s->doc_date;
    /* a date in the clause; else one fronted before the subject
     * ("On 7 October 2023, militants attacked ...") */
    if (!dyad_find_date(s->text, tok, from, g->scope_end, &s->doc_date, &ev->date) && from > 0)
        dyad_find_date(s->text, tok, 0, from, &s->doc_date, &ev->date);
    for (uint32_t t = from; t < g->scope_end; t++)
        if (tok[t].kind == TOK_MONEY) {
            ev->has_amount = 1;
            ev->amount = tok[t].value;
            memcpy(ev->currency, tok[t].currency, 4);
            break;
        }
}

/* The event of candidate cd between mentions src and tgt (either may be NULL). */
static int add_pair(const dyad_dict *d, const dyad_record_sentence *s, const dyad_cand *cd,
                    const dyad_mention *src, const dyad_mention *tgt, FILE *ex, seen_events *seen,
                    dyad_records *out, size_t *events)
{
    dyad_vgroup noun_g;     /* an event noun stands for the verb group */
    memset(&noun_g, 0, sizeof noun_g);
    noun_g.start = noun_g.head = cd->noun;
    noun_g.end = cd->noun + 1;
    noun_g.scope_end = cd->noun_end;
    const dyad_vgroup *g = cd->vg >= 0 ? &s->vgs->g[cd->vg] : &noun_g;
    dyad_event ev;
    memset(&ev, 0, sizeof ev);
    ev.doc_id = s->doc_id;
    ev.sent = s->sent;
    ev.text = s->text;
    ev.text_len = s->len;
    if (src) {
        dyad_copy_str(ev.source, sizeof ev.source, src->code);
        ev.source_span = span_of(s->tok, src->start, src->end);
    }
    if (tgt) {
        dyad_copy_str(ev.target, sizeof ev.target, tgt->code);
        if (cd->tgt_country && strlen(ev.target) > 3)
            ev.target[3] = 0;
        ev.target_span = span_of(s->tok, tgt->start, tgt->end);
    } else if (cd->story_tgt[0]) {
        dyad_copy_str(ev.target, sizeof ev.target, cd->story_tgt);   /* no span: the story names it */
    }
    if (!pair_allowed(s, cd, src, tgt, &ev, ex))
        return 0;
    if (d->opts.null_dashes) {
        null_dashes(d, src, ev.source, sizeof ev.source);
        null_dashes(d, tgt, ev.target, sizeof ev.target);
    }
    dyad_copy_str(ev.code, sizeof ev.code, cd->code);
    memcpy(ev.root, ev.code, 2);
    const dyad_code_info *info = dyad_dict_code(d, ev.code);
    if (info) {
        ev.goldstein = info->goldstein;
        ev.quad_class = info->quad;
    }
    ev.verb_span = span_of(s->tok, g->start, g->end);
    clause_date_amount(s, g, src, &ev);
    if (d->opts.several_each && (strchr(ev.source, '/') || strchr(ev.target, '/')))
        return add_each(out, events, ex, seen, &ev);
    return add_event(out, events, ex, seen, &ev);
}

/* Compounds expand: every member of the source's group by every member of the
 * target's group. */
int dyad_records_add(const dyad_dict *d, const dyad_record_sentence *s, const dyad_cands *cands,
                     FILE *ex, dyad_records *out, size_t *events)
{
    const dyad_mentions *ms = s->ms;
    seen_events seen;
    seen.n = 0;
    for (size_t ci = 0; ci < cands->n; ci++) {
        const dyad_cand *cd = &cands->c[ci];
        for (size_t a = 0; a < ms->n || a == 0; a++) {
            const dyad_mention *src = NULL, *tgt = NULL;
            if (cd->src >= 0) {
                if (a >= ms->n || ms->m[a].group != ms->m[cd->src].group)
                    continue;
                src = &ms->m[a];
            } else if (a > 0) {
                break;
            }
            for (size_t b = 0; b < ms->n || b == 0; b++) {
                if (cd->tgt >= 0) {
                    if (b >= ms->n || ms->m[b].group != ms->m[cd->tgt].group)
                        continue;
                    tgt = &ms->m[b];
                } else if (b > 0) {
                    break;
                }
                if (add_pair(d, s, cd, src, tgt, ex, &seen, out, events) < 0)
                    return -1;
            }
        }
    }
    return 0;
}
