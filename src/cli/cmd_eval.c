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

int cmd_eval(int argc, char **argv)
{
    const char *gold = NULL, *dict = NULL, *date = NULL;
    int misses = 0, checked = 0, require = 0, codes_only = 0; /* 2: --roots-only, 4: --codes-only */
    int by_category = 0;
    double min_exact = -1.0;
    for (int i = 0; i < argc; i++) {
        if (!strcmp(argv[i], "--dict") && i + 1 < argc)
            dict = argv[++i];
        else if (!strcmp(argv[i], "--by-category"))
            by_category = 1;
        else if (!strcmp(argv[i], "--min-exact") && i + 1 < argc) {
            char *end;
            min_exact = strtod(argv[++i], &end);
            if (*end || min_exact < 0.0 || min_exact > 1.0) {
                fprintf(stderr, "dyad: eval: --min-exact takes a number from 0 to 1, got '%s'\n", argv[i]);
                return 2;
            }
        }
        else if (!strcmp(argv[i], "--date") && i + 1 < argc)
            date = argv[++i];
        else if (!strcmp(argv[i], "--misses"))
            misses = 1;
        else if (!strcmp(argv[i], "--checked-only"))
            checked = 1;
        else if (!strcmp(argv[i], "--require-dyad"))
            require = 1;
        else if (!strcmp(argv[i], "--roots-only"))
            codes_only = 2;
        else if (!strcmp(argv[i], "--codes-only"))
            codes_only = 4;
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "dyad: eval: unknown option %s\n"
                            "usage: dyad eval GOLD.jsonl [--dict DIR] [--checked-only] [--roots-only|--codes-only] [--require-dyad] [--misses] [--by-category] [--min-exact X] [--date D]\n",
                    argv[i]);
            return 2;
        } else if (!gold)
            gold = argv[i];
        else {
            fprintf(stderr, "dyad: eval: one gold file only\n");
            return 2;
        }
    }
    if (!gold) {
        fprintf(stderr, "usage: dyad eval GOLD.jsonl [--dict DIR] [--checked-only] [--roots-only|--codes-only] [--require-dyad] [--misses] [--by-category] [--min-exact X] [--date D]\n");
        return 2;
    }
    FILE *fp = fopen(gold, "r");
    if (!fp) {
        fprintf(stderr, "dyad: eval: %s: cannot open\n", gold);
        return 2;
    }
    char buf[PATH_MAX + 32], err[1024];
    dyad_options opt = dyad_default_options();
    char ini[PATH_MAX + 64];
    opt.dict_dir = dict ? dict_from_ini(dict, ini, sizeof ini) : default_dict(buf, sizeof buf);
    if (!opt.dict_dir) {
        fclose(fp);
        return 1;
    }
    /* --require-dyad, else the dictionary's own default (*.options); a record's
     * own "config" (doc_config.h) overrides either */
    opt.require_dyad = require ? 1 : -1;
    dyad_coder *coder = dyad_coder_new(&opt, err, sizeof err);
    if (!coder) {
        fprintf(stderr, "dyad: %s\n", err);
        fclose(fp);
        return 1;
    }
    if (dyad_coder_warnings(coder))
        fprintf(stderr, "dyad: %s: dictionary loaded with %zu warnings\n", opt.dict_dir,
                dyad_coder_warnings(coder));
    dyad_work *w = dyad_work_new();
    category_table cats = {NULL, 0, 0};
    size_t total = 0, exact = 0, nout = 0, cf[3] = {0, 0, 0}, cr[3] = {0, 0, 0};
    char *line = NULL;
    size_t cap = 0;
    long ln = 0;
    int status = 0;
    while (getline(&line, &cap, fp) > 0) {
        ln++;
        json_error_t je;
        json_t *rec = json_loads(line, 0, &je);
        if (!rec) {
            if (strspn(line, " \t\r\n") != strlen(line)) {
                fprintf(stderr, "%s:%ld: malformed JSON: %s\n", gold, ln, je.text);
                status = 1;
            }
            continue;
        }
        if (checked && json_is_false(json_object_get(rec, "evaluate"))) {
            json_decref(rec);
            continue;
        }
        total++;
        ev_set gs = {0}, os = {0}, gr = {0}, orr = {0};
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
            set_add(&gs, &k);
        }
        const char *text = jstr(rec, "text");
        json_t *jd = json_object_get(rec, "date");
        char idbuf[64], datebuf[32];
        const char *id = jstr(rec, "id");
        if (json_is_integer(json_object_get(rec, "id"))) {
            snprintf(idbuf, sizeof idbuf, "%lld", (long long)json_integer_value(json_object_get(rec, "id")));
            id = idbuf;
        }
        const char *d = json_is_string(jd) ? json_string_value(jd) : date;
        if (json_is_integer(jd)) {
            snprintf(datebuf, sizeof datebuf, "%lld", (long long)json_integer_value(jd));
            d = datebuf;
        }
        /* the record's "config": the options in force for it */
        char *optlines = doc_config_lines(json_object_get(rec, "config"));
        dyad_doc doc = {id, d, text, strlen(text)};
        dyad_work_set_options(w, optlines);
        collect_ctx cc = {&os, 0};
        dyad_code(coder, w, &doc, collect, &cc, NULL);
        dyad_work_set_options(w, NULL);
        free(optlines);
        nout += cc.events;
        if (codes_only) {
            /* score.py --roots-only/--codes-only: sets of codes cut to 2 or 4 digits */
            ev_set *both[2] = {&gs, &os};
            for (int b = 0; b < 2; b++) {
                ev_set cut = {0};
                for (size_t i = 0; i < both[b]->n; i++) {
                    ev_key k = {"", "", ""};
                    snprintf(k.c, sizeof k.c, "%.*s", codes_only, both[b]->k[i].c);
                    set_add(&cut, &k);
                }
                free(both[b]->k);
                *both[b] = cut;
            }
            for (size_t i = 0; i < gs.n; i++) {
                ev_key k = {"", "", ""};
                snprintf(k.c, sizeof k.c, "%.2s", gs.k[i].c);
                set_add(&gr, &k);
            }
            for (size_t i = 0; i < os.n; i++) {
                ev_key k = {"", "", ""};
                snprintf(k.c, sizeof k.c, "%.2s", os.k[i].c);
                set_add(&orr, &k);
            }
        } else {
            root_of(&gs, &gr);
            root_of(&os, &orr);
        }
        int ok = same(&gs, &os);
        exact += ok;
        if (by_category) {
            /* the "category" field, else the id up to its first '-' ("PATTERN-12") */
            const char *cat = jstr(rec, "category");
            char pre[48];
            if (!cat[0]) {
                size_t k = strcspn(id, "-");
                snprintf(pre, sizeof pre, "%.*s", (int)(k < sizeof pre - 1 ? k : sizeof pre - 1), id);
                cat = id[k] == '-' && k > 0 ? pre : "(none)";
            }
            if (tally(&cats, cat, ok) < 0) {
                fprintf(stderr, "dyad: eval: out of memory\n");
                status = 1;
            }
        }
        count(&gs, &os, cf);
        count(&gr, &orr, cr);
        if (misses && !ok) {
            printf("MISS %s: %s\n", id, text);
            print_set("expected:", &gs);
            print_set("got:     ", &os);
        }
        free(gs.k);
        free(os.k);
        free(gr.k);
        free(orr.k);
        json_decref(rec);
    }
    free(line);
    fclose(fp);
    dyad_work_free(w);
    dyad_coder_free(coder);
    double p, r, f, rp, rr, rf;
    prf(cf, &p, &r, &f);
    prf(cr, &rp, &rr, &rf);
    double ex = total ? (double)exact / (double)total : 0.0;
    printf("sentences %zu, events out %zu\n", total, nout);
    printf("exact sentence match %zu/%zu = %.3f\n", exact, total, ex);
    printf("full  P %.3f R %.3f F1 %.3f\n", p, r, f);
    printf("root  P %.3f R %.3f F1 %.3f\n", rp, rr, rf);
    printf("SUMMARY exact=%.3f f1=%.3f root_f1=%.3f\n", ex, f, rf);
    if (by_category)
        print_categories(&cats);
    free(cats.c);
    if (min_exact >= 0.0 && ex + 1e-9 < min_exact) {
        fprintf(stderr, "dyad: eval: %s: exact match %.3f is below the floor %.3f\n", gold, ex, min_exact);
        status = 1;
    }
    return status;
}
