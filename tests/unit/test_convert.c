/* test_convert.c - PETRARCH and TABARI dictionaries converted to dyad's format
 * (src/lib/convert/convert.h): small inline snippets and the real PETR.Validate.* files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "convert.h"
#include "dict_source.h"
#include "dyad.h"

#define PETR_DIR "../shared/reference/petrarch/at-76ccdbf-2015-05-28/petrarch/data/dictionaries"
#define PETR2_DIR "../shared/reference/petrarch2/petrarch2/data/dictionaries"

/* dyad_convert from PETRARCH with these options. */
static int petrarch(dyad_convert_opts o, const char *out, FILE *diag, size_t *w)
{
    o.from = DYAD_FROM_PETRARCH;
    return dyad_convert(&o, out, diag, w);
}

static char tmpdir[64];

static void put(const char *name, const char *text)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", tmpdir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static char *slurp(const char *rel)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", tmpdir, rel);
    FILE *f = fopen(p, "r");
    if (!f)
        return NULL;
    char *buf = calloc(1, 1 << 16);
    assert_non_null(buf);
    size_t n = fread(buf, 1, (1 << 16) - 1, f);
    buf[n] = 0;
    fclose(f);
    return buf;
}

static void has_line(const char *text, const char *line)
{
    const char *p = text;
    size_t n = strlen(line);
    while ((p = strstr(p, line)) != NULL) {
        if ((p == text || p[-1] == '\n') && (p[n] == '\n' || p[n] == 0))
            return;
        p++;
    }
    fail_msg("line not found: '%s' in:\n%s", line, text);
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dyad_test_convert_XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static void petrarch_snippets(void **state)
{
    (void)state;
    put("t.actors.txt",
        "<!-- a comment\n over lines -->\n"
        "GONDOR [GON]\n+MINAS_TIRITH\n+ANORIEN ; comment\n"
        "GOLLUM  ; pas\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\n"
        "BOROMIR [---]\n"
        "ITHILEN TELEVISION  [ITHTV]\n"
        "SAM_GAMGEE [HOB]  # default\n\t[HOBCIV <20080120]\n"
        "THE_SHIRE  [FRO/BIL/SAM]\n");
    put("t.agents.txt",
        "!PERSON! = MAN, WOMAN\n"
        "CONGRESS!PERSON! [~LEG]\n"
        "TROOPS {} [~MIL]\n"
        "GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\n"
        "RIGHTS_GROUP [NGO~]\n"
        "SOLDIER [~MILARM]\n");
    put("t.verbs.txt",
        "&TIETYPES\n+MILITARY\n+ECONOMIC\n\n"
        "&NESTED\n+&TIETYPES\n+CLOSER\n\n"
        "--- ABANDON  [345]  ---\n"
        "ABANDON    # pas\n"
        "+CLEAR_UP\n"
        "WIRE_+TAP [002]\n"
        "DESERT [0874]\n"
        "- * NEW_&TIETYPES_RELATIONS [903] # c\n"
        "- IN_* [072]\n"
        "- + * IN ^ $ [075:076]\n"
        "- % * [030]\n"
        "- * { GENEVA | INTERNATIONAL } (CONVENTIONS) [111]\n"
        "- * &NESTED [042]\n"
        "- * FOR_ASYLUM [174K]\n"
        "--- SAY [010] ---\nSAY\nTELL\n- * CONCERN [012]\n");
    put("t.discards.txt", "# c\nMONTHS LATER\n+World_Golf Championships   # pas\n");
    char out[128], v[128], ac[128], ag[128], di[128];
    snprintf(out, sizeof out, "%s/out", tmpdir);
    snprintf(v, sizeof v, "%s/t.verbs.txt", tmpdir);
    snprintf(ac, sizeof ac, "%s/t.actors.txt", tmpdir);
    snprintf(ag, sizeof ag, "%s/t.agents.txt", tmpdir);
    snprintf(di, sizeof di, "%s/t.discards.txt", tmpdir);
    const char *actors[1] = {ac};
    size_t w = 0;
    FILE *diag = fopen("/dev/null", "w");
    assert_int_equal(petrarch((dyad_convert_opts){.verbs = v, .actors = actors, .n_actors = 1, .agents = ag, .discards = di}, out, diag, &w), 0);
    fclose(diag);
    assert_true(w > 0);

    char *a = slurp("out/t.actors");
    assert_non_null(a);
    has_line(a, "Gondor | Minas tirith | Anorien = GON");
    has_line(a, "Gollum | Smeagol");
    has_line(a, "    = HOB ..1995-05-31");
    has_line(a, "    = HOBGOV 1995-06-01..1999-08-15");
    has_line(a, "    = HOBREB 1999-08-17..");
    has_line(a, "Ithilen television = ITHTV"); /* codes of any length are kept */
    has_line(a, "Sam gamgee");
    has_line(a, "    = HOB");
    has_line(a, "    = HOBCIV ..2008-01-19");
    has_line(a, "the Shire = FRO/BIL/SAM"); /* several codes kept; "the" matches in any case */
    assert_null(strstr(a, "Boromir")); /* only a null role: no entry */
    free(a);

    char *g = slurp("out/t.agents");
    assert_non_null(g);
    has_line(g, "congressman | congresswoman = LEG");
    has_line(g, "troops = MIL");
    has_line(g, "golden goose | golden geese = GGS");
    has_line(g, "rights group = NGO~"); /* a prefix agent */
    has_line(g, "soldier = MILARM"); /* agents of several blocks are kept */
    free(g);

    char *vb = slurp("out/t.verbs");
    assert_non_null(vb);
    has_line(vb, "&TIETYPES = military | economic");
    has_line(vb, "&NESTED = military | economic | closer");
    has_line(vb, "verb abandon | clear up = 345");
    has_line(vb, "verb desert = 0874");
    has_line(vb, "    * new_&TIETYPES_relations = 903"); /* '_': no word between */
    has_line(vb, "    in_* = 072");
    has_line(vb, "    + * in $ = 075:076"); /* a linked pair */
    has_line(vb, "    * geneva conventions = 111");
    has_line(vb, "    * international conventions = 111");
    has_line(vb, "    * &NESTED = 042");
    has_line(vb, "    * for_asylum = 174K"); /* a lettered variant code is kept */
    has_line(vb, "verb say | tell = 010 ~say"); /* reports what it governs */
    assert_null(strstr(vb, "tap"));          /* words before the verb: dropped */
    has_line(vb, "    % * = 030");               /* '%': the subject is a compound */
    free(vb);

    char *d = slurp("out/t.discards");
    assert_non_null(d);
    has_line(d, "months later");
    has_line(d, "+world golf championships");
    free(d);

    char *o = slurp("out/petrarch.options");
    assert_non_null(o);
    has_line(o, "future = plain");
    has_line(o, "negation = code");
    has_line(o, "require_dyad = yes");
    has_line(o, "that_clause = object");
    has_line(o, "null_actor = ---");
    has_line(o, "several_codes = each");
    assert_null(strstr(o, "agentless_passive")); /* PETRARCH-1's own: --dialect petrarch1 */
    assert_null(strstr(o, "stacked_agents"));
    free(o);
    diag = fopen("/dev/null", "w");
    assert_int_equal(petrarch((dyad_convert_opts){.verbs = v, .actors = actors, .n_actors = 1, .agents = ag,
                                               .discards = di, .dialect = "petrarch1"}, out, diag, &w), 0);
    assert_int_equal(petrarch((dyad_convert_opts){.verbs = v, .actors = actors, .n_actors = 1, .agents = ag,
                                               .discards = di, .dialect = "petrarch9"}, out, diag, &w), -1);
    fclose(diag);
    o = slurp("out/petrarch.options");
    assert_non_null(o);
    has_line(o, "agentless_passive = active");
    has_line(o, "late_target = yes");
    has_line(o, "stacked_agents = yes");
    has_line(o, "several_codes = each");
    free(o);

    char *x = slurp("out/extra.codes");
    assert_non_null(x);
    assert_non_null(strstr(x, "345\t0.0\t4\t"));
    assert_non_null(strstr(x, "174K\t0.0\t4\t"));
    assert_non_null(strstr(x, "903\t0.0\t4\t"));
    free(x);

    size_t w2 = 0;
    FILE *chk = fopen("/dev/null", "w");
    assert_int_equal(dyad_dict_check(out, NULL, chk, &w2), 0);
    fclose(chk);
}

static void tabari_snippets(void **state)
{
    (void)state;
    put("T.actors",
        "<NOUN>\nBEES\n</NOUN>\n"
        "ALBRIGHT  [USAGOV 991201-010114] [---] ;ems\n"
        "AXNOR  [AR1 <911226] [AR2]\n"
        "GONDOR\n+MINAS_TIRITH  \n\t[GON]\n");
    put("T.verbs",
        "<SYNSETS>\n&CURRENCY\n+DOLLAR\n+SWISS_FRANC\n</SYNSETS>\n"
        "<TIME>\nTOMORROW [+1]\n</TIME>\n"
        "ABANDON  [345] ;pas\n- * &CURRENCY [903]; x\n"
        "BREAK_ [1717]\n{ BROKE_ BROKEN_ }\n- * TREATY  [161]\n"
        "APPRECIATE POSITION  [042]\n");
    put("T.agents", "POLICE_   [  ~COP] ;JON\r\nHUMAN_RIGHTS_BODY_   [  NGO~] ;BNL\r\n");
    put("T.project", "Demo\n<actorsfile> \tT.actors\n<verbsfile> \tT.verbs\n<agentsfile>  T.agents\n");
    char out[128], pr[128];
    snprintf(out, sizeof out, "%s/tout", tmpdir);
    snprintf(pr, sizeof pr, "%s/T.project", tmpdir);
    size_t w = 0;
    FILE *diag = fopen("/dev/null", "w");
    assert_int_equal(dyad_convert(&(dyad_convert_opts){.from = DYAD_FROM_TABARI, .config = pr}, out, diag, &w), 0);
    fclose(diag);
    char *a = slurp("tout/T.actors");
    assert_non_null(a);
    has_line(a, "Albright = USAGOV 1999-12-01..2001-01-14");
    has_line(a, "Axnor");
    has_line(a, "    = AR1 ..1991-12-25");
    has_line(a, "    = AR2");
    has_line(a, "Gondor | Minas tirith = GON");
    assert_null(strstr(a, "Bees"));
    free(a);
    char *v = slurp("tout/T.verbs");
    assert_non_null(v);
    has_line(v, "&CURRENCY = dollar | swiss franc");
    has_line(v, "verb abandon = 345");
    has_line(v, "    * &CURRENCY = 903");
    has_line(v, "verb break = 1717");
    has_line(v, "    * treaty = 161");
    has_line(v, "verb appreciate position = 042");
    assert_null(strstr(v, "tomorrow"));
    free(v);
    char *g = slurp("tout/T.agents");
    assert_non_null(g);
    has_line(g, "police = COP");
    has_line(g, "human rights body = NGO~");
    free(g);
    char *to = slurp("tout/tabari.options");
    assert_non_null(to);
    has_line(to, "require_dyad = yes"); /* TABARI codes dyads only */
    free(to);
    size_t w2 = 0;
    FILE *chk = fopen("/dev/null", "w");
    assert_int_equal(dyad_dict_check(out, NULL, chk, &w2), 0);
    fclose(chk);
}

static void petr_validate_files(void **state)
{
    (void)state;
    struct stat st;
    if (stat(PETR_DIR "/PETR.Validate.verbs.txt", &st) != 0) {
        skip();
        return;
    }
    char out[128];
    snprintf(out, sizeof out, "%s/validate", tmpdir);
    const char *actors[1] = {PETR_DIR "/PETR.Validate.actors.txt"};
    size_t w = 0;
    FILE *diag = fopen("/dev/null", "w");
    int rc = petrarch((dyad_convert_opts){.verbs = PETR_DIR "/PETR.Validate.verbs.txt", .actors = actors,
                                           .n_actors = 1, .agents = PETR_DIR "/PETR.Validate.agents.txt",
                                           .discards = stat(PETR2_DIR "/PETR.Validate.discards.txt", &st) == 0
                                               ? PETR2_DIR "/PETR.Validate.discards.txt" : NULL},
                      out, diag, &w);
    fclose(diag);
    assert_int_equal(rc, 0);
    assert_true(w > 20);   /* the files test many PETRARCH features dyad approximates */
    assert_true(w < 150);
    size_t w2 = 0;
    FILE *chk = fopen("/dev/null", "w");
    assert_int_equal(dyad_dict_check(out, NULL, chk, &w2), 0);
    fclose(chk);
}

/* UniversalPetrarch's internal coding ontology: negated codes for negation = recode */
static void pico_ontology(void **state)
{
    (void)state;
    put("onto.txt",
        "# a hand-written ontology\n"
        "050:0x0080#Coop\n"
        "060:0x0070\n"
        "110:0x1007f#0xFFFF+0x0080#0x7000#Disapprove\n"
        "120:-0xFFFF#Reject\n"
        "121:-0xFFFF+0x0070\n"
        "190:0x00A0\n"
        "bad line\n");
    put("o.verbs.txt", "--- CLASH  [190] ---\nCLASH\n- * OVER EFFORTS [110]\n");
    put("o.actors.txt", "GONDOR [GON]\n");
    char out[128], v[128], ac[128], on[128];
    snprintf(out, sizeof out, "%s/pico", tmpdir);
    snprintf(v, sizeof v, "%s/o.verbs.txt", tmpdir);
    snprintf(ac, sizeof ac, "%s/o.actors.txt", tmpdir);
    snprintf(on, sizeof on, "%s/onto.txt", tmpdir);
    const char *actors[1] = {ac};
    size_t w = 0;
    FILE *diag = fopen("/dev/null", "w");
    assert_int_equal(petrarch((dyad_convert_opts){.verbs = v, .actors = actors, .n_actors = 1, .ontology = on}, out, diag, &w), 0);
    fclose(diag);
    assert_int_equal(w, 1); /* the bad line */
    char *o = slurp("pico/petrarch.options");
    assert_non_null(o);
    has_line(o, "negation = recode");
    has_line(o, "negated 110 = 050"); /* 0x1007f - 0xFFFF = 0x80 */
    has_line(o, "negated 111 = 050"); /* not in the table: its root's */
    has_line(o, "negated 060 = 121");
    has_line(o, "negated 190 = ---"); /* no code has the value */
    assert_null(strstr(o, "negated 1121")); /* above 200: kept as it is */
    free(o);
    size_t w2 = 0;
    FILE *chk = fopen("/dev/null", "w");
    assert_int_equal(dyad_dict_check(out, NULL, chk, &w2), 0);
    fclose(chk);
}

/* --dict CONFIG.ini: converted into a folder of the cache directory, once */
static void ini_as_dict(void **state)
{
    (void)state;
    char sub[128];
    snprintf(sub, sizeof sub, "%s/dictionaries", tmpdir);
    mkdir(sub, 0755);
    snprintf(sub, sizeof sub, "%s/config", tmpdir);
    mkdir(sub, 0755);
    put("dictionaries/s.verbs.txt", "--- ATTACK [190] ---\nATTACK\n- * BORDER_POSTS [195]\n");
    put("dictionaries/s.actors.txt", "GONDOR [GON]\nMORDOR [MOR]\n");
    put("dictionaries/s.agents.txt", "TROOPS [~MIL]\n");
    put("config/s.ini", "[Dictionaries]\nverbfile_name = s.verbs.txt\nactorfile_list = s.actors.txt\n"
                   "agentfile_name = s.agents.txt\n[Options]\nrequire_dyad = False\n");
    char cache[128], ini[128];
    snprintf(cache, sizeof cache, "%s/cache", tmpdir);
    snprintf(ini, sizeof ini, "%s/config/s.ini", tmpdir);
    setenv("DYAD_CACHE_DIR", cache, 1);
    dyad_dict_source src;
    char err[512];
    assert_int_equal(dyad_dict_source_resolve(ini, "dict/cameo.codes", &src, err, sizeof err), 0);
    assert_false(src.temp);
    assert_non_null(strstr(src.dir, "/cache/petrarch-"));
    char opt[4300];
    snprintf(opt, sizeof opt, "%s/petrarch.options", src.dir);
    struct stat a, b;
    assert_int_equal(stat(opt, &a), 0);
    assert_int_equal(stat(src.dir, &b), 0);
    assert_int_equal(b.st_mode & 0777, 0700);
    assert_int_equal(dyad_dict_source_resolve(ini, "dict/cameo.codes", &src, err, sizeof err), 0);
    assert_int_equal(stat(opt, &b), 0);
    assert_int_equal(a.st_ino, b.st_ino); /* unchanged: left alone */
    FILE *f = fopen(opt, "r");
    char text[256] = "";
    assert_true(fread(text, 1, sizeof text - 1, f) > 0);
    fclose(f);
    assert_non_null(strstr(text, "require_dyad = no"));
    char keep[4096];
    snprintf(keep, sizeof keep, "%s", src.dir);
    /* issue 15.2: a conversion folder writable by others, or owned by another user,
     * is refused with a reason; the conversion goes into a fresh private folder */
    assert_int_equal(chmod(keep, 0777), 0);
    assert_int_equal(dyad_dict_source_resolve(ini, "dict/cameo.codes", &src, err, sizeof err), 0);
    assert_non_null(strstr(src.note, "writable by group or others"));
    assert_true(src.temp);
    assert_int_equal(stat(src.dir, &b), 0);
    assert_int_equal(b.st_mode & 0777, 0700);
    char tdir[4096];
    snprintf(tdir, sizeof tdir, "%s", src.dir);
    dyad_dict_source_done(&src);
    assert_int_not_equal(stat(tdir, &b), 0);         /* removed */
    assert_int_equal(chmod(keep, 0700), 0);
    if (getuid() == 0) {
        assert_int_equal(chown(keep, 65534, 65534), 0);
        assert_int_equal(dyad_dict_source_resolve(ini, "dict/cameo.codes", &src, err, sizeof err), 0);
        assert_non_null(strstr(src.note, "owned by uid 65534"));
        assert_true(src.temp);
        dyad_dict_source_done(&src);
        assert_int_equal(chown(keep, 0, 0), 0);
    }
    /* no cache folder at all: never a shared /tmp path, a fresh mkdtemp folder */
    char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
    unsetenv("DYAD_CACHE_DIR");
    unsetenv("XDG_CACHE_HOME");
    unsetenv("HOME");
    assert_int_equal(dyad_dict_source_resolve(ini, "dict/cameo.codes", &src, err, sizeof err), 0);
    assert_true(src.temp);
    /* not the old shared /tmp/dyad-UID folder (mkdtemp's own random suffix may start
     * with the same characters, so the folder is compared whole) */
    char shared[64];
    snprintf(shared, sizeof shared, "/tmp/dyad-%u", (unsigned)getuid());
    size_t sl = strlen(shared);
    assert_false(!strncmp(src.dir, shared, sl) && (src.dir[sl] == 0 || src.dir[sl] == '/'));
    assert_int_equal(stat(src.dir, &b), 0);
    assert_int_equal(b.st_mode & 0777, 0700);
    dyad_dict_source_done(&src);
    if (home)
        setenv("HOME", home, 1);
    free(home);
    setenv("DYAD_CACHE_DIR", cache, 1);
    assert_int_equal(dyad_dict_source_resolve("dict", NULL, &src, err, sizeof err), 0);
    assert_string_equal(src.dir, "dict");   /* a folder: as it is */
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Writes name with text made by repeating piece n times between head and tail. */
static void put_repeated(const char *name, const char *head, const char *piece, size_t n,
                         const char *tail)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", tmpdir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(head, f);
    for (size_t i = 0; i < n; i++)
        fprintf(f, piece, i);
    fputs(tail, f);
    assert_int_equal(fclose(f), 0);
}

/* Converts the PETRARCH files (NULL: none) and checks: it fails within 2 s with a
 * "file:line: error:" naming limit. */
static void bomb(const char *verbs, const char *actors_rel, const char *agents, const char *limit)
{
    char v[256], a[256], g[256], out[256], *msgs = NULL;
    snprintf(v, sizeof v, "%s/%s", tmpdir, verbs ? verbs : "");
    snprintf(a, sizeof a, "%s/%s", tmpdir, actors_rel ? actors_rel : "");
    snprintf(g, sizeof g, "%s/%s", tmpdir, agents ? agents : "");
    snprintf(out, sizeof out, "%s/bomb-out", tmpdir);
    const char *actors[1] = {a};
    size_t len = 0, w = 0;
    FILE *diag = open_memstream(&msgs, &len);
    assert_non_null(diag);
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    int rc = petrarch((dyad_convert_opts){.verbs = verbs ? v : NULL, .actors = actors,
                                          .n_actors = actors_rel ? 1 : 0, .agents = agents ? g : NULL,
                                          .codes_file = "dict/cameo.codes"}, out, diag, &w);
    double took = seconds_since(&t0);
    fclose(diag);
    if (rc != -1 || !strstr(msgs, limit) || took >= 2.0)
        fail_msg("rc %d, %.2f s, messages:\n%.2000s", rc, took, msgs);
    assert_non_null(strstr(msgs, ":1: error:") ? msgs : strstr(msgs, ": error:"));
    free(msgs);
}

/* issue 15.5: macro, synonym and { | } bombs end quickly with an error naming the
 * limit they pass. */
static void expansion_bombs(void **state)
{
    (void)state;
    /* !M! = W0, ..., W399 used three times: 64 million names */
    put_repeated("bomb.agents.txt", "!M! = W0", ", W%zu", 400, "\n!M!_!M!_!M! [~MIL]\n");
    bomb(NULL, NULL, "bomb.agents.txt", "limit DYAD_CONVERT_MAX_MACRO");
    /* 100,000 synonyms of one actor */
    put_repeated("bomb.actors.txt", "GONDOR [GON]\n", "+GONDOR_%zu\n", 100000, "");
    bomb(NULL, "bomb.actors.txt", NULL, "limit DYAD_CONVERT_MAX_NAMES");
    /* 28 { A | B } groups in one pattern: 2^28 patterns */
    put_repeated("bomb.verbs.txt", "--- ATTACK [190] ---\nATTACK\n- ", "{A%zu | B} ", 28,
                 "* [195]\n");
    bomb("bomb.verbs.txt", NULL, NULL, "limit DYAD_CONVERT_MAX_PATTERNS");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(petrarch_snippets),
        cmocka_unit_test(tabari_snippets),
        cmocka_unit_test(petr_validate_files),
        cmocka_unit_test(pico_ontology),
        cmocka_unit_test(ini_as_dict),
        cmocka_unit_test(expansion_bombs),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
