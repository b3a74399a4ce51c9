/* Unit tests of TABARI-mode coding (src/lib/tabari/tabari.h): a small hand-written
 * TABARI dictionary, one test per piece of syntax or rule. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "convert.h"
#include "dyad.h"
#include "tabari.h"

static char dir[256];
static dyad_tabari *tab;

static void put(const char *name, const char *text)
{
    char p[512];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static const char ACTORS[] =
    "<NOUN>\nTRACTORS\nPLOWS\n</NOUN>\n"
    "<ADJECTIVE>\nRUSTY\nOLD\n</ADJECTIVE>\n"
    "FREEDONIA_ [FRE] ; exact, regular endings\n"
    "SYLVANIA [SYL] ; a stem\n"
    "GRAND FENWICK [GFW] ; words apart\n"
    "OSTERLICH= [OST] ; no endings at all\n"
    "MARSOVIA\n+MARSOVIAN_CAPITAL\n\t[MAR <001231]\n\t[MRZ]\n"
    "TRIPLE_ENTENTE [FRE/SYL/OST]\n"
    "SPORTS_LEAGUE [###]\n"
    "PHANTOM_ [+++]\n"
    "NOBODY_ [---]\n"
    "~~FINISH\n";

static const char AGENTS[] =
    "ENVOY_ [~GOV]\n"
    "GUARDS_ [ ~MIL]\n"
    "CHARITY_WORKERS_ [NGO~]\n";

static const char VERBS[] =
    "<SYNSETS>\n&GOODS\n+GRAIN\n+TIMBER_\n</SYNSETS>\n"
    "CONDEMN [122]\n"
    "PRAISE_ [041]\n"
    "SHIP_ [070]\n"
    "{ SHIPPED_ }\n"
    "- * &GOODS TO + [071]\n"
    "- * ARMS [072]\n"
    "- * WEAPONS_TO_+ [073]\n"
    "- * { MEDICINE | BANDAGES } [074]\n"
    "- + RECEIVED_* FROM $ [075]\n"
    "TALK [031:031]\n"
    "- % HELD * [036]\n"
    "HOST_ [033]\n"
    "- * ^ AT + [034]\n"
    "SAID [023?]\n"
    "ATTEND_ [030!]\n"
    "TRUST [---]\n"
    "- NOT~_* [111]\n"
    "~~FINISH\n";

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/dyad-test-tabari-%ld", (long)getpid());
    mkdir(dir, 0755);
    char b[4096];
    snprintf(b, sizeof b, "# tabari actors\n%s", ACTORS);
    put("t.actors.tabari", b);
    snprintf(b, sizeof b, "# tabari agents\n%s", AGENTS);
    put("t.agents.tabari", b);
    snprintf(b, sizeof b, "# tabari verbs\n%s", VERBS);
    put("t.verbs.tabari", b);
    put("t.options.tabari", "# tabari options\nSET: MINIMUM WORDS = 3\n"
                            "COMPLEX: VERBS[6] NOACTPRIOR\n");
    char err[512];
    tab = dyad_tabari_load(dir, NULL, err, sizeof err);
    if (!tab)
        fprintf(stderr, "%s\n", err);
    return tab ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    dyad_tabari_free(tab);
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    return system(cmd) == 0 ? 0 : -1;
}

typedef struct {
    char s[1024];
} evbuf;

static int collect(void *ud, const dyad_event *ev)
{
    evbuf *b = ud;
    size_t l = strlen(b->s);
    snprintf(b->s + l, sizeof b->s - l, "%s%s %s %s", l ? "; " : "", ev->source, ev->code, ev->target);
    return 0;
}

/* the events of text as "SRC CODE TGT; ..." */
static const char *code_opt(const char *text, const char *date, const char *options)
{
    static evbuf b;
    b.s[0] = 0;
    dyad_doc d = {"t", date, text, strlen(text), NULL, NULL};
    assert_int_equal(dyad_tabari_code(tab, &d, options, NULL, NULL, collect, &b, NULL), 0);
    return b.s;
}

static const char *code(const char *text)
{
    return code_opt(text, "20050101", NULL);
}

static void test_stems_and_endings(void **state)
{
    (void)state;
    /* SYLVANIA is a stem: Sylvanian matches; FREEDONIA_ takes 's and s */
    assert_string_equal(code("The Sylvanian army condemned Freedonia's leaders."), "SYL 122 FRE");
    assert_string_equal(code("Sylvania condemned the Freedonias today."), "SYL 122 FRE");
    /* ... but not another word */
    assert_string_equal(code("Sylvania condemned the Freedonian leaders."), "");
    /* OSTERLICH= takes no ending */
    assert_string_equal(code("Sylvania condemned Osterlich today."), "SYL 122 OST");
    assert_string_equal(code("Sylvania condemned Osterlich's leaders."), "");
    /* verb endings on PRAISE_ */
    assert_string_equal(code("Sylvania praised Freedonia on Monday."), "SYL 041 FRE");
    assert_string_equal(code("Sylvania praises Freedonia on Monday."), "SYL 041 FRE");
    assert_string_equal(code("Sylvania praisex Freedonia on Monday."), "");
    assert_string_equal(code("Sylvania is praising Freedonia on Monday."), "SYL 041 FRE");
    /* actor words may stand apart */
    assert_string_equal(code("Sylvania condemned Grand old Fenwick on Monday."), "SYL 122 GFW");
}

static void test_nouns(void **state)
{
    (void)state;
    /* a determiner or a capital letter makes a verb a noun */
    assert_string_equal(code("Sylvania and the ship condemned Freedonia."), "SYL 122 FRE");
    assert_string_equal(code("Sylvania will Praise Freedonia on Monday."), "");
    /* null-coded actors are nouns */
    assert_string_equal(code("Sylvania and Nobody condemned Freedonia."), "SYL 122 FRE");
}

static void test_patterns(void **state)
{
    (void)state;
    /* synonym set, + target */
    assert_string_equal(code("Freedonia shipped grain quickly to Sylvania and Osterlich."),
                        "FRE 071 SYL; FRE 071 OST");
    /* connected words: WEAPONS_TO_+ needs them side by side */
    assert_string_equal(code("Freedonia shipped weapons to Sylvania on Monday."), "FRE 073 SYL");
    assert_string_equal(code("Freedonia shipped weapons secretly to Sylvania."), "FRE 070 SYL");
    /* alternatives */
    assert_string_equal(code("Freedonia shipped bandages to Sylvania on Monday."), "FRE 074 SYL");
    /* $ and + set source and target */
    assert_string_equal(code("Sylvania received shipped grain from Freedonia."), "FRE 075 SYL");
    /* % a compound on both sides */
    assert_string_equal(code("Freedonia and Sylvania held talks on Monday."), "FRE 036 SYL; SYL 036 FRE");
    /* ^ skips an actor */
    assert_string_equal(code("Freedonia hosted Osterlich at Grand Fenwick on Monday."), "FRE 034 GFW");
    /* ~_ : a stem right before the verb */
    assert_string_equal(code("Sylvania will not trust Freedonia again."), "SYL 111 FRE");
    assert_string_equal(code("Sylvania will trust Freedonia again."), "");
}

static void test_codes(void **state)
{
    (void)state;
    /* paired code */
    assert_string_equal(code("Freedonia talked with Sylvania on Monday."), "FRE 031 SYL; SYL 031 FRE");
    /* subordinate: SAID only when nothing else is coded */
    assert_string_equal(code("Freedonia said Sylvania praised Osterlich."), "FRE 041 OST");
    assert_string_equal(code("Freedonia said it to Sylvania on Monday."), "FRE 023 SYL");
    /* discard and complex codes void the record */
    assert_string_equal(code("Freedonia condemned the Sports League on Monday."), "");
    assert_string_equal(code("Freedonia condemned Phantom on Monday."), "");
    /* dominant: with CODE ALL only the dominant event stays */
    assert_string_equal(code_opt("Freedonia praised Sylvania and will attend talks with Osterlich.",
                                 "20050101", "SET: CODE ALL\n"),
                        "FRE 030 OST");
}

static void test_actors(void **state)
{
    (void)state;
    /* dated codes */
    assert_string_equal(code_opt("Marsovia condemned Freedonia on Monday.", "19990101", NULL), "MAR 122 FRE");
    assert_string_equal(code_opt("Marsovia condemned Freedonia on Monday.", "20050101", NULL), "MRZ 122 FRE");
    /* coded compound */
    assert_string_equal(code("The Triple Entente condemned Marsovia on Monday."),
                        "FRE 122 MRZ; SYL 122 MRZ; OST 122 MRZ");
    /* agents: suffix, prefix, FORMER */
    assert_string_equal(code("The Sylvanian envoy condemned Freedonia guards."), "SYLGOV 122 FREMIL");
    assert_string_equal(code("Charity workers in Freedonia praised Sylvania."), "NGOFRE 041 SYL");
    assert_string_equal(code("A former envoy of Sylvania praised Freedonia."), "SYLELI 041 FRE");
}

static void test_parsing(void **state)
{
    (void)state;
    /* passive voice */
    assert_string_equal(code("Freedonia was condemned by Sylvania on Monday."), "SYL 122 FRE");
    /* clauses keep their source; pronouns */
    assert_string_equal(code("Sylvania praised Freedonia and then it condemned Osterlich."),
                        "SYL 041 FRE; SYL 122 OST");
    /* a compound of nouns does not split the clause */
    assert_string_equal(code("Freedonia shipped tractors and rusty plows to Sylvania."), "FRE 070 SYL");
    /* a comma clause of 3 to 10 words goes (the target is lost) */
    assert_string_equal(code("Freedonia condemned, on a cold Monday morning in spring, Sylvania."), "");
    assert_string_equal(code_opt("Freedonia condemned, on a cold Monday morning in spring, Sylvania.",
                                 "20050101", "COMMA: OFF\n"),
                        "FRE 122 SYL");
    /* no actor before the first verb: too complex */
    assert_string_equal(code("Yesterday condemned Sylvania and Freedonia."), "");
}

static void test_options(void **state)
{
    (void)state;
    assert_string_equal(code_opt("Sylvania condemned Freedonia.", "20050101", "SET: MINIMUM WORDS = 8\n"), "");
    assert_string_equal(code_opt("Sylvania condemned Freedonia and praised Osterlich.", "20050101",
                                 "SET: CODE BY SENTENCE\n"),
                        "SYL 122 FRE");
    assert_string_equal(code_opt("Somebody condemned Freedonia on Monday.", "20050101",
                                 "COMPLEX: VERBS[6]\nDEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER\n"),
                        "DEFSRC 122 FRE");
}

/* FORWARD: a leading pronoun is the previous sentence's first actor */
static void test_forward(void **state)
{
    (void)state;
    tb_forward fw;
    memset(&fw, 0, sizeof fw);
    const char *opt = "FORWARD: **NNN*SSS\n";
    const char *t1 = "The Sylvanian envoy praised Freedonia on Monday.";
    const char *t2 = "He also condemned Osterlich on Tuesday.";
    evbuf b = {""};
    dyad_doc d1 = {"T-001-001", "20050101", t1, strlen(t1), NULL, NULL};
    dyad_doc d2 = {"T-001-002", "20050101", t2, strlen(t2), NULL, NULL};
    assert_int_equal(dyad_tabari_code(tab, &d1, opt, &fw, NULL, collect, &b, NULL), 0);
    assert_int_equal(dyad_tabari_code(tab, &d2, opt, &fw, NULL, collect, &b, NULL), 0);
    assert_string_equal(b.s, "SYLGOV 041 FRE; SYL 122 OST");
    /* not the next sentence of the story: nothing forwarded */
    b.s[0] = 0;
    dyad_doc d3 = {"T-002-005", "20050101", t2, strlen(t2), NULL, NULL};
    assert_int_equal(dyad_tabari_code(tab, &d3, opt, &fw, NULL, collect, &b, NULL), 0);
    assert_string_equal(b.s, "");
}

/* dyad_coder_new accepts a TABARI .project file */
static void test_project(void **state)
{
    (void)state;
    char p[512];
    put("x.actors", ACTORS);
    put("x.agents", AGENTS);
    put("x.verbs", VERBS);
    put("x.options", "SET: MINIMUM WORDS = 3\n");
    put("x.project", "test\n<actorsfile> x.actors\n<verbsfile>\tx.verbs\n<agentsfile> x.agents\n"
                     "<optionsfile> x.options\n");
    snprintf(p, sizeof p, "%s/x.project", dir);
    char cache[300];
    snprintf(cache, sizeof cache, "%s/cache", dir);
    setenv("DYAD_CACHE_DIR", cache, 1);
    dyad_options o = dyad_default_options();
    o.dict_dir = p;
    char err[512] = "";
    dyad_coder *c = dyad_coder_new(&o, err, sizeof err);
    if (!c)
        fprintf(stderr, "%s\n", err);
    assert_non_null(c);
    dyad_work *w = dyad_work_new();
    evbuf b = {""};
    const char *text = "Sylvania praised Freedonia on Monday.";
    dyad_doc d = {"p", "20050101", text, strlen(text), NULL, NULL};
    assert_int_equal(dyad_code(c, w, &d, collect, &b, NULL), 0);
    assert_string_equal(b.s, "SYL 041 FRE");
    dyad_work_free(w);
    dyad_coder_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_stems_and_endings),
        cmocka_unit_test(test_nouns),
        cmocka_unit_test(test_patterns),
        cmocka_unit_test(test_codes),
        cmocka_unit_test(test_actors),
        cmocka_unit_test(test_parsing),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_forward),
        cmocka_unit_test(test_project),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
