/* cmd_eval.c - `dyad eval GOLD.jsonl [--dict DIR] [--checked-only] [--misses] [--date D]`:
 * codes each gold record's "text" (dated by its "date") with libdyad and prints the
 * figures ../shared/tools/score.py prints for the same gold file and dyad's output:
 * exact record match (the set of (source, target, code) equals the gold set), event
 * precision/recall/F1 on full codes, and on roots (actors cut to key3, codes to two
 * digits). --roots-only/--codes-only compare only the sets of codes cut to 2/4
 * digits, as score.py's options do. --checked-only skips records with "evaluate": false (as score.py does);
 * --misses prints every record whose set differs (expected vs got); --by-category adds
 * exact match per value of the records' "category" field (else the id's prefix before
 * its first '-'); --min-exact X exits 1 when
 * exact match is below X (a floor for CI).
 *
 * argv holds the arguments after "eval". */
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "doc_config.h"
#include "help.h"
#include "dyad.h"

int cmd_eval(int argc, char **argv);

typedef struct {
    char s[32], t[32], c[8];
} ev_key;

typedef struct {
    ev_key *k;
    size_t n, cap;
} ev_set;

static int set_has(const ev_set *s, const ev_key *k)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->k[i].s, k->s) && !strcmp(s->k[i].t, k->t) && !strcmp(s->k[i].c, k->c))
            return 1;
    return 0;
}

static void set_add(ev_set *s, const ev_key *k)
{
    if (set_has(s, k))
        return;
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 8;
        ev_key *nk = realloc(s->k, nc * sizeof *nk);
        if (!nk)
            return;
        s->k = nk;
        s->cap = nc;
    }
    s->k[s->n++] = *k;
}

/* score.py's key3: upper case; IGO codes of 6+ letters -> their last 3, else the first 3 */
static void key3(const char *a, char out[32])
{
    char u[32];
    size_t n = 0;
    for (; a[n] && n + 1 < sizeof u; n++)
        u[n] = (char)((a[n] >= 'a' && a[n] <= 'z') ? a[n] - 32 : a[n]);
    u[n] = 0;
    if (!strncmp(u, "IGO", 3) && n >= 6)
        snprintf(out, 32, "%s", u + n - 3);
    else
        snprintf(out, 32, "%.3s", u);
}

static void root_of(const ev_set *in, ev_set *out)
{
    for (size_t i = 0; i < in->n; i++) {
        ev_key k;
        key3(in->k[i].s, k.s);
        key3(in->k[i].t, k.t);
        snprintf(k.c, sizeof k.c, "%.2s", in->k[i].c);
        set_add(out, &k);
    }
}

static void count(const ev_set *gold, const ev_set *got, size_t c[3])
{
    for (size_t i = 0; i < got->n; i++)
        c[set_has(gold, &got->k[i]) ? 0 : 1]++;
    for (size_t i = 0; i < gold->n; i++)
        if (!set_has(got, &gold->k[i]))
            c[2]++;
}

static int same(const ev_set *a, const ev_set *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (!set_has(b, &a->k[i]))
            return 0;
    return 1;
}

static void prf(const size_t c[3], double *p, double *r, double *f)
{
    *p = c[0] + c[1] ? (double)c[0] / (double)(c[0] + c[1]) : 0.0;
    *r = c[0] + c[2] ? (double)c[0] / (double)(c[0] + c[2]) : 0.0;
    *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

typedef struct {
    ev_set *got;
    size_t events;
} collect_ctx;

static int collect(void *ud, const dyad_event *ev)
{
    collect_ctx *cc = ud;
    ev_key k;
    snprintf(k.s, sizeof k.s, "%s", ev->source);
    snprintf(k.t, sizeof k.t, "%s", ev->target);
    snprintf(k.c, sizeof k.c, "%s", ev->code);
    set_add(cc->got, &k);
    cc->events++;
    return 0;
}

static const char *jstr(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : "";
}

static void print_set(const char *label, const ev_set *s)
{
    printf("    %s", label);
    if (!s->n)
        printf(" (none)");
    for (size_t i = 0; i < s->n; i++)
        printf(" %s %s %s;", s->k[i].s[0] ? s->k[i].s : "-", s->k[i].c, s->k[i].t[0] ? s->k[i].t : "-");
    printf("\n");
}

/* exact record match per value of the records' "category" field */
typedef struct {
    char name[48];
    size_t exact, total;
} category;

typedef struct {
    category *c;
    size_t n, cap;
} category_table;

static int tally(category_table *t, const char *name, int ok)
{
    size_t i = 0;
    while (i < t->n && strcmp(t->c[i].name, name) != 0)
        i++;
    if (i == t->n) {
        if (t->n == t->cap) {
            size_t nc = t->cap ? 2 * t->cap : 16;
            category *g = realloc(t->c, nc * sizeof *g);
            if (!g)
                return -1;
            t->c = g;
            t->cap = nc;
        }
        memset(&t->c[i], 0, sizeof t->c[i]);
        snprintf(t->c[i].name, sizeof t->c[i].name, "%s", name);
        t->n++;
    }
    t->c[i].exact += (size_t)ok;
    t->c[i].total++;
    return 0;
}

static int by_total(const void *a, const void *b)
{
    const category *x = a, *y = b;
    if (x->total != y->total)
        return x->total < y->total ? 1 : -1;
    return strcmp(x->name, y->name);
}

static void print_categories(category_table *t)
{
    qsort(t->c, t->n, sizeof *t->c, by_total);
    printf("%-24s %7s %7s %6s\n", "category", "exact", "records", "share");
    for (size_t i = 0; i < t->n; i++)
        printf("%-24s %7zu %7zu %6.3f\n", t->c[i].name, t->c[i].exact, t->c[i].total,
               (double)t->c[i].exact / (double)t->c[i].total);
}

/* What the command line asked for. */
typedef struct {
    const char *gold, *dict, *date;
    int misses, checked, require, by_category;
    int codes_only;     /* 2: --roots-only, 4: --codes-only, 0: --full, -1: the gold's level */
    double min_exact;   /* -1: no floor */
} eval_args;

/* Returns 0, or the exit status of a usage error (after a message). */
static int parse_eval_args(int argc, char **argv, eval_args *a)
{
    memset(a, 0, sizeof *a);
    a->codes_only = -1;
    a->min_exact = -1.0;
    for (int i = 0; i < argc; i++) {
        const char *o = argv[i];
        if (!strcmp(o, "--dict") && i + 1 < argc)
            a->dict = argv[++i];
        else if (!strcmp(o, "--by-category"))
            a->by_category = 1;
        else if (!strcmp(o, "--min-exact") && i + 1 < argc) {
            char *end;
            a->min_exact = strtod(argv[++i], &end);
            if (*end || a->min_exact < 0.0 || a->min_exact > 1.0) {
                fprintf(stderr, "dyad: eval: --min-exact takes a number from 0 to 1, got '%s'\n", argv[i]);
                return 2;
            }
        } else if (!strcmp(o, "--date") && i + 1 < argc)
            a->date = argv[++i];
        else if (!strcmp(o, "--misses"))
            a->misses = 1;
        else if (!strcmp(o, "--checked-only"))
            a->checked = 1;
        else if (!strcmp(o, "--require-dyad"))
            a->require = 1;
        else if (!strcmp(o, "--roots-only"))
            a->codes_only = 2;
        else if (!strcmp(o, "--codes-only"))
            a->codes_only = 4;
        else if (!strcmp(o, "--full"))
            a->codes_only = 0;
        else if (o[0] == '-' && o[1]) {
            help_unknown_option("eval", o);
            return 2;
        } else if (!a->gold)
            a->gold = o;
        else {
            fprintf(stderr, "dyad: eval: one gold file only\n");
            return 2;
        }
    }
    if (!a->gold) {
        help_print("eval", stderr);
        return 2;
    }
    return 0;
}

/* Loads the coder for --dict (or the default), --require-dyad else the dictionary's
 * own default (*.options); a record's own "config" (doc_config.h) overrides either. */
static dyad_coder *eval_coder(const eval_args *a)
{
    char err[1024];
    dyad_options opt = dyad_default_options();
    dyad_dict_source src;
    if (cli_dict_source(a->dict, 0, &src) != 0)
        return NULL;
    opt.dict_dir = src.dir;
    opt.require_dyad = a->require ? 1 : -1;
    dyad_coder *coder = dyad_coder_new(&opt, err, sizeof err);
    if (coder && dyad_coder_warnings(coder))
        fprintf(stderr, "dyad: %s: dictionary loaded with %zu warning%s\n", opt.dict_dir,
                dyad_coder_warnings(coder), plural(dyad_coder_warnings(coder)));
    dyad_dict_source_done(&src);
    if (!coder)
        fprintf(stderr, "dyad: %s\n", err);
    return coder;
}

/* The gold record's events as (source, target, code) keys. */
static void gold_events(json_t *rec, ev_set *gs)
{
    json_t *evs = json_object_get(rec, "events");
    for (size_t i = 0; i < json_array_size(evs); i++) {
        json_t *e = json_array_get(evs, i);
        ev_key k;
        snprintf(k.s, sizeof k.s, "%s", jstr(e, "source"));
        snprintf(k.t, sizeof k.t, "%s", jstr(e, "target"));
        json_t *code = json_object_get(e, "code");
        if (json_is_integer(code))
            snprintf(k.c, sizeof k.c, "%lld", (long long)json_integer_value(code));
        else
            snprintf(k.c, sizeof k.c, "%s", jstr(e, "code"));
        set_add(gs, &k);
    }
}

/* score.py --roots-only/--codes-only: the sets become sets of codes cut to `digits`
 * digits; the root sets hold codes cut to two. */
static void cut_codes(ev_set *gs, ev_set *os, ev_set *gr, ev_set *orr, int digits)
{
    ev_set *both[2] = {gs, os};
    for (int b = 0; b < 2; b++) {
        ev_set cut = {0};
        for (size_t i = 0; i < both[b]->n; i++) {
            ev_key k = {"", "", ""};
            snprintf(k.c, sizeof k.c, "%.*s", digits, both[b]->k[i].c);
            set_add(&cut, &k);
        }
        free(both[b]->k);
        *both[b] = cut;
    }
    ev_set *from[2] = {gs, os}, *to[2] = {gr, orr};
    for (int b = 0; b < 2; b++)
        for (size_t i = 0; i < from[b]->n; i++) {
            ev_key k = {"", "", ""};
            snprintf(k.c, sizeof k.c, "%.2s", from[b]->k[i].c);
            set_add(to[b], &k);
        }
}

/* The record's "category" field, else its id up to the first '-' ("PATTERN-12"). */
static const char *record_category(json_t *rec, const char *id, char *pre, size_t cap)
{
    const char *cat = jstr(rec, "category");
    if (cat[0])
        return cat;
    size_t k = strcspn(id, "-");
    snprintf(pre, cap, "%.*s", (int)(k < cap - 1 ? k : cap - 1), id);
    return id[k] == '-' && k > 0 ? pre : "(none)";
}

/* The counts of a run. */
typedef struct {
    size_t total, exact, nout, cf[3], cr[3];
    category_table cats;
    int status;
} eval_tally;

/* Codes one gold record and scores it against its events. */
static void score_record(const eval_args *a, const dyad_coder *coder, dyad_work *w, json_t *rec,
                         eval_tally *t)
{
    ev_set gs = {0}, os = {0}, gr = {0}, orr = {0};
    gold_events(rec, &gs);
    const char *text = jstr(rec, "text");
    json_t *jd = json_object_get(rec, "date");
    char idbuf[64], datebuf[32];
    const char *id = jstr(rec, "id");
    if (json_is_integer(json_object_get(rec, "id"))) {
        snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(json_object_get(rec, "id")));
        id = idbuf;
    }
    const char *d = json_is_string(jd) ? json_string_value(jd) : a->date;
    if (json_is_integer(jd)) {
        snprintf(datebuf, sizeof datebuf, "%lld", (long long)json_integer_value(jd));
        d = datebuf;
    }
    /* the record's "config": the options in force for it */
    char *optlines = doc_config_lines(json_object_get(rec, "config"));
    dyad_doc_options dopt;
    dyad_doc_options_read(optlines, &dopt);
    dyad_doc doc = {id, d, text, strlen(text), &dopt, NULL};
    collect_ctx cc = {&os, 0};
    dyad_code(coder, w, &doc, collect, &cc, NULL);
    free(optlines);
    t->nout += cc.events;
    if (a->codes_only) {
        cut_codes(&gs, &os, &gr, &orr, a->codes_only);
    } else {
        root_of(&gs, &gr);
        root_of(&os, &orr);
    }
    int ok = same(&gs, &os);
    t->exact += (size_t)ok;
    char pre[48];
    if (a->by_category && tally(&t->cats, record_category(rec, id, pre, sizeof pre), ok) < 0) {
        fprintf(stderr, "dyad: eval: out of memory\n");
        t->status = 1;
    }
    count(&gs, &os, t->cf);
    count(&gr, &orr, t->cr);
    if (a->misses && !ok) {
        printf("MISS %s: %s\n", id, text);
        print_set("expected:", &gs);
        print_set("got:     ", &os);
    }
    free(gs.k);
    free(os.k);
    free(gr.k);
    free(orr.k);
}

static void print_scores(const eval_tally *t, double ex)
{
    double p, r, f, rp, rr, rf;
    prf(t->cf, &p, &r, &f);
    prf(t->cr, &rp, &rr, &rf);
    printf("sentences %zu, events out %zu\n", t->total, t->nout);
    printf("exact sentence match %zu/%zu = %.3f\n", t->exact, t->total, ex);
    printf("full  P %.3f R %.3f F1 %.3f\n", p, r, f);
    printf("root  P %.3f R %.3f F1 %.3f\n", rp, rr, rf);
    printf("SUMMARY exact=%.3f f1=%.3f root_f1=%.3f\n", ex, f, rf);
}

int cmd_eval(int argc, char **argv)
{
    eval_args a;
    int rc = parse_eval_args(argc, argv, &a);
    if (rc)
        return rc;
    FILE *fp = fopen(a.gold, "r");
    if (!fp) {
        fprintf(stderr, "dyad: eval: %s: cannot open\n", a.gold);
        return 2;
    }
    char level[160];
    if (a.codes_only < 0) {
        a.codes_only = gold_level(a.gold, level, sizeof level);
        printf("level: %s (--full, --codes-only, --roots-only choose another)\n", level);
    }
    dyad_coder *coder = eval_coder(&a);
    if (!coder) {
        fclose(fp);
        return 1;
    }
    dyad_work *w = dyad_work_new();
    eval_tally t;
    memset(&t, 0, sizeof t);
    char *line = NULL;
    size_t cap = 0;
    long ln = 0;
    while (getline(&line, &cap, fp) > 0) {
        ln++;
        json_error_t je;
        json_t *rec = json_loads(line, 0, &je);
        if (!rec) {
            if (strspn(line, " \t\r\n") != strlen(line)) {
                fprintf(stderr, "%s:%ld: malformed JSON: %s\n", a.gold, ln, je.text);
                t.status = 1;
            }
            continue;
        }
        if (!a.checked || !json_is_false(json_object_get(rec, "evaluate"))) {
            t.total++;
            score_record(&a, coder, w, rec, &t);
        }
        json_decref(rec);
    }
    free(line);
    fclose(fp);
    dyad_work_free(w);
    dyad_coder_free(coder);
    double ex = t.total ? (double)t.exact / (double)t.total : 0.0;
    print_scores(&t, ex);
    if (a.by_category)
        print_categories(&t.cats);
    free(t.cats.c);
    if (a.min_exact >= 0.0 && ex + 1e-9 < a.min_exact) {
        fprintf(stderr, "dyad: eval: %s: exact match %.3f is below the floor %.3f\n", a.gold, ex, a.min_exact);
        t.status = 1;
    }
    return t.status;
}
