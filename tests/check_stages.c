/* check_stages.c - dyad's pipeline stage by stage, each at its own boundary.
 *
 * Usage: check_stages DICT SENTENCES.tsv OUTDIR
 * Every line of SENTENCES.tsv is "YYYY-MM-DD<TAB>sentence". Each sentence goes
 * through the stages one call at a time (coder_int.h gives the tagged tokens;
 * then dyad_find_actors, dyad_retag, dyad_find_verbs, dyad_find_events,
 * dyad_keep_relevant, dyad_records_add), and what each stage gives is written to a file of its own
 * in OUTDIR: tags.txt (the tagger's tags), retag.txt (the tags the re-tagging
 * pass changed), actors.txt (mentions), verbs.txt (verb groups), candidates.txt
 * (candidate events), relevant.txt (the candidates the relevance stage keeps),
 * events.txt (records). `make stages` compares them with
 * tests/stages/golden/: a change in one stage shows as a diff in that stage's
 * file. Exits 1 on a load or coding error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "coder_int.h"
#include "dyad.h"
#include "event.h"
#include "phrase.h"
#include "record.h"
#include "relevance.h"
#include "retag.h"
#include "util.h"

enum { F_TAGS, F_RETAG, F_ACTORS, F_VERBS, F_CANDS, F_RELEVANT, F_EVENTS, F_N };
static const char *const FILE_NAMES[F_N] = {"tags.txt", "retag.txt", "actors.txt", "verbs.txt",
                                            "candidates.txt", "relevant.txt", "events.txt"};

static void print_span(FILE *f, const char *s, const dyad_token *tok, uint32_t a, uint32_t b)
{
    if (b <= a) {
        fputs("-", f);
        return;
    }
    fprintf(f, "\"%.*s\"", (int)(tok[b - 1].off + tok[b - 1].len - tok[a].off), s + tok[a].off);
}

static void print_mentions(FILE *f, const char *s, const dyad_token *tok, const dyad_mentions *ms)
{
    for (size_t i = 0; i < ms->n; i++) {
        const dyad_mention *m = &ms->m[i];
        fprintf(f, "  %zu ", i);
        print_span(f, s, tok, m->start, m->end);
        fprintf(f, " [%u,%u) %s kind=%d group=%d%s%s%s\n", m->start, m->end, m->code, m->kind, m->group,
                m->agent >= 0 ? " agent" : "", m->is_ref ? " ref" : "", m->named ? " named" : "");
    }
    if (ms->discard >= 0)
        fprintf(f, "  discard entry %d\n", ms->discard);
}

static void print_verbs(FILE *f, const dyad_dict *d, const char *s, const dyad_token *tok,
                        const dyad_vgroups *vgs)
{
    for (size_t i = 0; i < vgs->n; i++) {
        const dyad_vgroup *g = &vgs->g[i];
        fprintf(f, "  %zu ", i);
        print_span(f, s, tok, g->start, g->end);
        fprintf(f, " head=%u scope_end=%u verb=%s", g->head, g->scope_end,
                g->verb >= 0 ? dyad_lexicon_str(&d->lex, d->verbs[g->verb].lemma) : "-");
        fprintf(f, "%s%s%s%s%s%s%s%s%s%s%s", g->passive ? " passive" : "", g->negated ? " negated" : "",
                g->future ? " future" : "", g->to_inf ? " to-inf" : "", g->gerund ? " gerund" : "",
                g->finite ? " finite" : "", g->subordinate ? " subordinate" : "",
                g->reduced ? " reduced" : "", g->adjacent ? " adjacent" : "",
                g->conditional ? " conditional" : "", g->obligation ? " obligation" : "");
        fprintf(f, " governor=%d coord=%d comp_of=%d\n", g->governor, g->coord, g->comp_of);
    }
}

static void print_cands(FILE *f, const dyad_dict *d, const dyad_cands *cs)
{
    fprintf(f, "  main clause: %s, subject %d\n", cs->has_main ? "yes" : "no", cs->main_subject);
    for (size_t i = 0; i < cs->n; i++) {
        const dyad_cand *c = &cs->c[i];
        fprintf(f, "  vg %d src %d tgt %d code %s", c->vg, c->src, c->tgt, c->code);
        if (c->pattern >= 0)
            fprintf(f, " pattern \"%s\"", dyad_dict_str(d, d->pats[c->pattern].text_off));
        fputc('\n', f);
    }
}

static void print_events(FILE *f, const dyad_records *rec, size_t from)
{
    for (size_t i = from; i < rec->n; i++) {
        const dyad_event *e = &rec->ev[i];
        fprintf(f, "  %s %s %s root=%s quad=%d goldstein=%g date=%04d-%02d-%02d/%d spans=%u+%u,%u+%u,%u+%u",
                e->source[0] ? e->source : "-", e->code, e->target[0] ? e->target : "-", e->root,
                e->quad_class, e->goldstein, e->date.year, e->date.month, e->date.day, e->date.precision,
                e->source_span.off, e->source_span.len, e->verb_span.off, e->verb_span.len,
                e->target_span.off, e->target_span.len);
        if (e->has_amount)
            fprintf(f, " amount=%.0f %s", e->amount, e->currency);
        fputc('\n', f);
    }
}

/* One sentence through every stage; returns 0 or -1. */
static int run_sentence(const dyad_coder *c, dyad_work *w, const dyad_date *date, const char *s,
                        size_t len, FILE **out, dyad_records *rec)
{
    const dyad_dict *d = dyad_coder_dict(c);
    dyad_token *tok;
    long nt = dyad_coder_tag_sentence(c, w, s, len, &tok);
    if (nt < 0)
        return -1;
    for (int k = 0; k < F_N; k++)
        fprintf(out[k], "%.*s\n", (int)len, s);
    size_t n = (size_t)nt;
    for (size_t i = 0; i < n; i++)
        fprintf(out[F_TAGS], "%s%.*s/%s", i ? " " : "  ", (int)tok[i].len, s + tok[i].off,
                dyad_tag_name(tok[i].tag));
    fputc('\n', out[F_TAGS]);
    dyad_actor_memory mem;
    dyad_actor_memory_reset(&mem);
    dyad_mentions ms = {0};
    dyad_vgroups vgs = {0};
    dyad_cands cands = {0};
    int rc = -1;
    int32_t ymd = date->year ? dyad_ymd(date->year, date->month, date->day) : 0;
    if (dyad_find_actors(d, s, tok, n, ymd, &mem, &ms) < 0)
        goto done;
    print_mentions(out[F_ACTORS], s, tok, &ms);
    dyad_tag *before = malloc((n ? n : 1) * sizeof *before);
    if (!before)
        goto done;
    for (size_t i = 0; i < n; i++)
        before[i] = (dyad_tag)tok[i].tag;
    dyad_retag(d, s, tok, n, &ms);
    for (size_t i = 0; i < n; i++)
        if (tok[i].tag != before[i])
            fprintf(out[F_RETAG], "  %zu %.*s %s -> %s\n", i, (int)tok[i].len, s + tok[i].off,
                    dyad_tag_name(before[i]), dyad_tag_name((dyad_tag)tok[i].tag));
    free(before);
    if (dyad_find_verbs(d, s, tok, n, &ms, &vgs) < 0)
        goto done;
    print_verbs(out[F_VERBS], d, s, tok, &vgs);
    if (dyad_find_events(d, s, tok, n, &ms, &vgs, NULL, &cands) < 0)
        goto done;
    print_cands(out[F_CANDS], d, &cands);
    if (!d->opts.relevance_all)
        dyad_keep_relevant(d, s, tok, n, &ms, &vgs, NULL, NULL, &cands);
    print_cands(out[F_RELEVANT], d, &cands);
    dyad_record_sentence rs = {"stages", 0, s, len, tok, &ms, &vgs, *date, d->opts.require_dyad > 0};
    size_t events = 0, from = rec->n;
    if (dyad_records_add(d, &rs, &cands, NULL, rec, &events) < 0)
        goto done;
    print_events(out[F_EVENTS], rec, from);
    rc = 0;
done:
    free(ms.m);
    free(vgs.g);
    free(cands.c);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: check_stages DICT SENTENCES.tsv OUTDIR\n");
        return 2;
    }
    char err[512] = "";
    dyad_options o = dyad_default_options();
    o.dict_dir = argv[1];
    dyad_coder *c = dyad_coder_new(&o, err, sizeof err);
    dyad_work *w = dyad_work_new();
    FILE *in = fopen(argv[2], "r");
    if (!c || !w || !in) {
        fprintf(stderr, "check_stages: %s\n", !c ? err : !in ? argv[2] : "out of memory");
        return 1;
    }
    FILE *out[F_N];
    for (int k = 0; k < F_N; k++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[3], FILE_NAMES[k]);
        if (!(out[k] = fopen(path, "w"))) {
            fprintf(stderr, "check_stages: %s: cannot write\n", path);
            return 1;
        }
    }
    dyad_records rec = {0};
    char line[8192];
    long ln = 0;
    int status = 0;
    while (fgets(line, sizeof line, in)) {
        ln++;
        line[strcspn(line, "\n")] = 0;
        char *tab = strchr(line, '\t');
        dyad_date date = {0, 0, 0, DYAD_PREC_NONE};
        if (!tab || dyad_parse_date(line, (size_t)(tab - line), &date) != 0) {
            fprintf(stderr, "check_stages: %s:%ld: expected YYYY-MM-DD<TAB>sentence\n", argv[2], ln);
            status = 1;
            continue;
        }
        if (run_sentence(c, w, &date, tab + 1, strlen(tab + 1), out, &rec) < 0) {
            fprintf(stderr, "check_stages: %s:%ld: out of memory\n", argv[2], ln);
            status = 1;
        }
    }
    for (int k = 0; k < F_N; k++)
        if (fclose(out[k]) != 0)
            status = 1;
    fclose(in);
    free(rec.ev);
    dyad_work_free(w);
    dyad_coder_free(c);
    return status;
}
