/* Unit tests of a dictionary folder's *.options file (dict/README.md, "Options"):
 * future = plain, negation = code, require_dyad = yes|no, null_actor = ---, several_codes = each,
 * and its errors; and of
 * pattern elements joined by '_' (no word between), as PETRARCH writes them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dyad.h"

static char dir[] = "/tmp/dyad_opts_XXXXXX";

static void put(const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void drop(const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    remove(path);
}

typedef struct {
    char got[256];
} events;

static int collect(void *ud, const dyad_event *ev)
{
    events *e = ud;
    size_t l = strlen(e->got);
    snprintf(e->got + l, sizeof e->got - l, "%s%s %s %s", l ? "; " : "", ev->source, ev->code,
             ev->target[0] ? ev->target : "-");
    return 0;
}

/* Codes text with the folder as it is now; the events as "SRC CODE TGT; ...". */
static const char *code(int require_dyad, const char *text, events *e)
{
    dyad_options opt = dyad_default_options();
    opt.dict_dir = dir;
    opt.require_dyad = require_dyad;
    char err[512];
    dyad_coder *c = dyad_coder_new(&opt, err, sizeof err);
    assert_non_null(c);
    dyad_work *w = dyad_work_new();
    e->got[0] = 0;
    dyad_doc d = {"t", "2020-01-01", text, strlen(text), NULL, NULL};
    dyad_code(c, w, &d, collect, e, NULL);
    dyad_work_free(w);
    dyad_coder_free(c);
    return e->got;
}

static void test_options(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    strcpy(dir, "/tmp/dyad_opts_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("t.actors", "Gondor = GON\nMordor = MOR\n");
    put("t.verbs", "verb attack = 190\n");
    events e;
    /* dyad's own conventions */
    assert_string_equal(code(-1, "Gondor will attack Mordor.", &e), "GON 138 MOR");
    assert_string_equal(code(-1, "Gondor did not attack Mordor.", &e), "");
    assert_string_equal(code(-1, "Gondor attacked.", &e), "GON 190 -");
    /* PETRARCH's */
    put("p.options", "# as PETRARCH codes\nfuture = plain\nnegation = code\nrequire_dyad = yes\n");
    assert_string_equal(code(-1, "Gondor will attack Mordor.", &e), "GON 190 MOR");
    assert_string_equal(code(-1, "Gondor did not attack Mordor.", &e), "GON 190 MOR");
    assert_string_equal(code(-1, "Gondor attacked.", &e), "");
    assert_string_equal(code(0, "Gondor attacked.", &e), "GON 190 -"); /* the caller decides */
    put("p.options", "require_dyad = no\nfuture = intent\n");
    assert_string_equal(code(-1, "Gondor attacked.", &e), "GON 190 -");
    assert_string_equal(code(1, "Gondor attacked.", &e), "");
    assert_string_equal(code(-1, "Gondor will attack Mordor.", &e), "GON 138 MOR");

    put("p.options", "future = maybe\nstyle\n");
    FILE *out = tmpfile();
    size_t warnings = 0;
    assert_int_equal(dyad_dict_check(dir, NULL, out, &warnings), 2);
    rewind(out);
    char buf[2048] = "";
    assert_true(fread(buf, 1, sizeof buf - 1, out) > 0);
    fclose(out);
    assert_non_null(strstr(buf, "p.options:1: unknown option 'future = maybe'"));
    assert_non_null(strstr(buf, "p.options:2: expected 'option = value'"));
    drop("p.options");
    drop("t.actors");
    drop("t.verbs");
    rmdir(dir);
}

/* that_clause = object: a that-clause is part of the clause of a verb with no flag */
static void test_that_clause(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    strcpy(dir, "/tmp/dyad_opts_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("t.actors", "Gondor = GON\nMordor = MOR\n");
    put("t.verbs", "verb concede = 060\n    * really_pleasant = 024\nverb say = 010 ~say\n");
    events e;
    assert_string_equal(code(-1, "Gondor conceded that Mordor is a really pleasant place.", &e), "GON 060 -");
    put("p.options", "that_clause = object\n");
    assert_string_equal(code(-1, "Gondor conceded that Mordor is a really pleasant place.", &e), "GON 024 MOR");
    assert_string_equal(code(-1, "Gondor conceded that Mordor is a pleasant place.", &e), "GON 060 MOR");
    assert_string_equal(code(-1, "Gondor in recent days conceded that Mordor is a pleasant place.", &e),
                        "GON 060 MOR");
    /* a reporting verb keeps its own rule: a statement about Mordor, which is
     * its target (issue 10: a statement takes the actor it is about) */
    assert_string_equal(code(-1, "Gondor said that Mordor is a really pleasant place.", &e), "GON 010 MOR");
    drop("p.options");
    drop("t.actors");
    drop("t.verbs");
    rmdir(dir);
}

/* '%' in a pattern: the subject is a compound; with no other target its
 * members act on each other */
static void test_compound_element(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    strcpy(dir, "/tmp/dyad_opts_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("t.actors", "Gondor = GON\nMordor = MOR\nRohan = ROH\n");
    put("t.verbs", "verb agree = 081\n    % * = 030\n    % * with + = 031\n");
    events e;
    assert_string_equal(code(-1, "Gondor and Rohan agreed.", &e), "GON 030 ROH; ROH 030 GON");
    assert_string_equal(code(-1, "Gondor agreed.", &e), "GON 081 -");
    assert_string_equal(code(-1, "Gondor and Rohan agreed with Mordor.", &e), "GON 031 MOR; ROH 031 MOR");
    assert_string_equal(code(-1, "Gondor agreed with Mordor.", &e), "GON 081 MOR");
    drop("t.actors");
    drop("t.verbs");
    rmdir(dir);
}

/* negation = recode: a negated verb's code through the "negated" rows */
static void test_negation_recode(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    strcpy(dir, "/tmp/dyad_opts_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("t.actors", "Gondor = GON\nMordor = MOR\n");
    put("t.verbs", "verb clash = 190\n    * over = 110\n");
    put("c.codes", "050\t3.5\t1\tcoop\n110\t-2.0\t3\tdisapprove\n190\t-10.0\t4\tfight\n");
    put("p.options", "negation = recode\nnegated 110 = 050\nnegated 190 = ---\n");
    events e;
    assert_string_equal(code(-1, "Gondor did not clash over Mordor.", &e), "GON 050 MOR");
    assert_string_equal(code(-1, "Gondor clashed over Mordor.", &e), "GON 110 MOR");
    assert_string_equal(code(-1, "Gondor did not clash with Mordor.", &e), "");
    /* the governing verb is negated, not the coded one: kept */
    assert_string_equal(code(-1, "Gondor won't try to clash over Mordor.", &e), "GON 110 MOR");
    put("p.options", "negation = recode\nnegated 111 = 050\n");
    FILE *out = tmpfile();
    size_t warnings = 0;
    assert_int_equal(dyad_dict_check(dir, NULL, out, &warnings), 1);
    rewind(out);
    char buf[2048] = "";
    assert_true(fread(buf, 1, sizeof buf - 1, out) > 0);
    fclose(out);
    assert_non_null(strstr(buf, "p.options:2: unknown CAMEO code 111"));
    drop("p.options");
    drop("c.codes");
    drop("t.actors");
    drop("t.verbs");
    rmdir(dir);
}

static void test_joined(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    strcpy(dir, "/tmp/dyad_opts_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("t.actors", "Gondor = GON\nMordor = MOR\n");
    put("t.verbs", "&TIES = military | economic\n"
                   "verb abandon = 345\n"
                   "    * new_&TIES_relations = 903\n"
                   "    * closer &TIES relations = 904\n"
                   "verb clash = 223\n"
                   "    most_certainly * over = 907\n"
                   "    certainly * over = 905\n");
    put("p.options", "negation = code\n");
    events e;
    assert_string_equal(code(-1, "Gondor abandoned new economic relations with Mordor.", &e), "GON 903 MOR");
    assert_string_equal(code(-1, "Gondor abandoned new global economic relations with Mordor.", &e),
                        "GON 345 MOR");
    assert_string_equal(code(-1, "Gondor abandoned closer global economic relations with Mordor.", &e),
                        "GON 904 MOR");
    assert_string_equal(code(-1, "Gondor most certainly clashed over Mordor.", &e), "GON 907 MOR");
    assert_string_equal(code(-1, "Gondor most really certainly clashed over Mordor.", &e), "GON 905 MOR");
    put("t.verbs", "verb clash = 223\n    *_ over = 907\n");
    FILE *out = tmpfile();
    size_t warnings = 0;
    assert_int_equal(dyad_dict_check(dir, NULL, out, &warnings), 1);
    fclose(out);
    drop("p.options");
    drop("t.actors");
    drop("t.verbs");
    rmdir(dir);
}

/* null_actor = ---: a missing actor is "---", an agent no country claims "---AGENT" */
static void test_null_actor(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    strcpy(dir, "/tmp/dyad_opts_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("t.actors", "Gondor = GON\nMordor = MOR\n");
    put("t.agents", "official = GOV\n");
    put("t.verbs", "verb accuse = 112\n");
    events e;
    assert_string_equal(code(0, "An official accused Mordor.", &e), "GOV 112 MOR");
    assert_string_equal(code(0, "Gondor accused.", &e), "GON 112 -");
    put("p.options", "null_actor = ---\n");
    assert_string_equal(code(0, "An official accused Mordor.", &e), "---GOV 112 MOR");
    assert_string_equal(code(0, "A Gondor official accused Mordor.", &e), "GONGOV 112 MOR");
    assert_string_equal(code(0, "Gondor accused.", &e), "GON 112 ---");
    put("p.options", "null_actor = empty\n");
    assert_string_equal(code(0, "Gondor accused.", &e), "GON 112 -");
    drop("p.options");
    drop("t.actors");
    drop("t.agents");
    drop("t.verbs");
    rmdir(dir);
}

/* an actor with several codes: joined, or one event per code (several_codes = each) */
static void test_several_codes(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    strcpy(dir, "/tmp/dyad_opts_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("t.actors", "the Shire = FRO/BIL/SAM\nLorien = ELR/GAL\nMordor = MOR\n");
    put("t.verbs", "verb accuse = 112\n");
    events e;
    assert_string_equal(code(0, "The Shire accused Mordor.", &e), "FRO/BIL/SAM 112 MOR");
    put("p.options", "several_codes = each\n");
    assert_string_equal(code(0, "the Shire accused Mordor.", &e), "FRO 112 MOR; BIL 112 MOR; SAM 112 MOR");
    assert_string_equal(code(0, "Lorien accused the Shire.", &e),
                        "ELR 112 FRO; ELR 112 BIL; ELR 112 SAM; GAL 112 FRO; GAL 112 BIL; GAL 112 SAM");
    put("p.options", "several_codes = joined\n");
    assert_string_equal(code(0, "Lorien accused Mordor.", &e), "ELR/GAL 112 MOR");
    drop("p.options");
    drop("t.actors");
    drop("t.verbs");
    rmdir(dir);
}

/* "after a long rift, an official said": a temporal word with a noun phrase and a
 * comma is a preposition, so the verb after the comma is a main clause's */
static void test_temporal_phrase(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    strcpy(dir, "/tmp/dyad_opts_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("t.actors", "Gondor = GON\nMordor = MOR\n");
    put("t.agents", "official = GOV\n");
    put("t.verbs", "verb accuse = 112\nverb say = 023\n");
    /* the clause structure, not relevance: keep the role with no country */
    put("p.options", "relevance = all\n");
    events e;
    assert_string_equal(code(0, "Gondor accused Mordor after a long rift, an official said.", &e),
                        "GON 112 MOR; GOV 023 -");
    assert_string_equal(code(0, "Gondor accused Mordor after the talks failed, an official said.", &e),
                        "GON 112 MOR; GOV 023 -");
    drop("p.options");
    drop("t.actors");
    drop("t.agents");
    drop("t.verbs");
    rmdir(dir);
}

/* "Ethiopia indicated it would act": a pronoun no dictionary entry lists, right
 * after the verb before, is that verb's subject */
static void test_unlisted_pronoun(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    strcpy(dir, "/tmp/dyad_opts_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("t.actors", "Gondor = GON\nMordor = MOR\nBoromir = GONGOV 1990..\n");
    put("t.verbs", "verb act = 100\n    indicated would * now = 1010\n");
    put("p.options", "future = plain\nnegation = code\n"); /* "would" met among the auxiliaries */
    events e;
    assert_string_equal(code(0, "Gondor indicated it would act now with Mordor.", &e), "GON 1010 MOR");
    assert_string_equal(code(0, "Gondor indicated they would act against Mordor.", &e), "GON 100 MOR");
    /* "it" is no person */
    assert_null(strstr(code(0, "Boromir indicated it would act against Mordor.", &e), "GONGOV"));
    drop("p.options");
    drop("t.actors");
    drop("t.verbs");
    rmdir(dir);
}

/* "condemned an attack ... and promised aid to": the past form after "and" the
 * tagger takes for an adjective is the second verb */
static void test_second_past_verb(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    strcpy(dir, "/tmp/dyad_opts_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("t.actors", "Gondor = GON\nMordor = MOR\nRohan = ROH\n");
    put("t.agents", "government = GOV\nsoldier = MIL\n");
    put("t.verbs", "verb condemn = 122\nverb promise = 050\n");
    events e;
    assert_string_equal(code(1, "The Gondor government condemned an attack by Mordor soldiers in south Rohan on "
                                "Thursday and promised aid to the affected Rohan villages.", &e),
                        "GONGOV 122 MORMIL; GONGOV 050 ROH");
    drop("t.actors");
    drop("t.agents");
    drop("t.verbs");
    rmdir(dir);
}

/* a verb line that lists the very word ("left") gives its code before a block
 * that reaches the word by inflection ("leave") */
static void test_exact_verb_form(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    strcpy(dir, "/tmp/dyad_opts_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("t.actors", "Gondor = GON\nMordor = MOR\n");
    put("t.verbs", "verb leave = 012\nverb left = 032:033\n");
    events e;
    assert_string_equal(code(1, "Gondor left for Mordor on Wednesday.", &e), "GON 032 MOR; MOR 033 GON");
    assert_string_equal(code(1, "Gondor leaves Mordor.", &e), "GON 012 MOR");
    drop("t.actors");
    drop("t.verbs");
    rmdir(dir);
}

/* agentless_passive = active and late_target = yes (PETRARCH-1, `--dialect petrarch1`) */
static void test_petrarch1_options(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    strcpy(dir, "/tmp/dyad_opts_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("t.actors", "Gondor = GON\nMordor = MOR\nRohan = ROH\nMinas Morgul = MORMIL\n");
    put("t.verbs", "verb criticize = 121\nverb postpone = 191\n    % have * = 191\n");
    /* "have" before '*' is sought among the auxiliaries with negation = code */
    put("p.options", "negation = code\n");
    events e;
    assert_string_equal(code(1, "Gondor was criticized over its dispute with Mordor.", &e), "");
    assert_string_equal(code(1, "Gondor was criticized by Mordor.", &e), "MOR 121 GON");
    /* adverbs joined by "and" stay in the verb group */
    assert_string_equal(code(1, "Gondor was heavily and unjustly criticized by Mordor.", &e), "MOR 121 GON");
    assert_string_equal(code(1, "Gondor and Rohan have postponed their meeting after an orc was seen near "
                                "Minas Morgul.", &e),
                        "GON 191 ROH; ROH 191 GON");
    put("p.options", "negation = code\nagentless_passive = active\nlate_target = yes\n");
    assert_string_equal(code(1, "Gondor was criticized over its dispute with Mordor.", &e), "GON 121 MOR");
    assert_string_equal(code(1, "Gondor was criticized by Mordor.", &e), "MOR 121 GON");
    assert_string_equal(code(1, "Gondor and Rohan have postponed their meeting after an orc was seen near "
                                "Minas Morgul.", &e),
                        "GON 191 MORMIL; ROH 191 MORMIL");
    /* not past a comma: that is another clause's */
    assert_string_equal(code(1, "Gondor and Rohan have postponed their meeting after orcs came, Mordor said.",
                             &e),
                        "GON 191 ROH; ROH 191 GON");
    put("p.options", "negation = code\nagentless_passive = target\nlate_target = no\n");
    assert_string_equal(code(1, "Gondor was criticized over its dispute with Mordor.", &e), "");
    drop("p.options");
    drop("t.actors");
    drop("t.verbs");
    rmdir(dir);
}

/* that_clause = object takes in a whether-clause; "very close" is no verb */
static void test_whether_clause(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    strcpy(dir, "/tmp/dyad_opts_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("t.actors", "Gondor = GON\nMordor = MOR\n");
    put("t.verbs", "verb question = 212\nverb march = 181\nverb close = 192\n");
    events e;
    assert_string_equal(code(1, "Gondor questioned whether it has a future with Mordor.", &e), "");
    put("p.options", "that_clause = object\n");
    assert_string_equal(code(1, "Gondor questioned whether it has a future with Mordor.", &e), "GON 212 MOR");
    assert_string_equal(code(1, "Gondor has marched very close to the border with Mordor.", &e), "GON 181 MOR");
    drop("p.options");
    drop("t.actors");
    drop("t.verbs");
    rmdir(dir);
}

/* a set joined to the words around it matches a member of several words */
static void test_joined_set_member(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    strcpy(dir, "/tmp/dyad_opts_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("t.actors", "Gondor = GON\nMordor = MOR\n");
    put("t.verbs", "&NEG = did n't | wo n't | will not\nverb clash = 223\n"
                   "    most_certainly_&NEG_ever * over efforts = 907\n    &NEG ever * over efforts = 905\n");
    put("p.options", "negation = code\nfuture = plain\n");
    events e;
    assert_string_equal(code(1, "Gondor most certainly won't ever clash over the efforts of Mordor.", &e),
                        "GON 907 MOR");
    assert_string_equal(code(1, "Gondor won't ever clash over the efforts of Mordor.", &e), "GON 905 MOR");
    drop("p.options");
    drop("t.actors");
    drop("t.verbs");
    rmdir(dir);
}

/* a prefix agent ("MSF = NGO~") goes before the actor's code */
static void test_prefix_agent(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    strcpy(dir, "/tmp/dyad_opts_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("t.actors", "Gondor = GON\nMordor = MOR\n");
    put("t.agents", "MSF = NGO~\ndiplomat = GOV\n");
    put("t.verbs", "verb accuse = 112\n");
    events e;
    assert_string_equal(code(1, "MSF Gondor accused Mordor.", &e), "NGOGON 112 MOR");
    assert_string_equal(code(1, "An MSF Gondor diplomat accused Mordor.", &e), "NGOGONGOV 112 MOR");
    assert_string_equal(code(1, "Gondor accused MSF Mordor.", &e), "GON 112 NGOMOR");
    assert_string_equal(code(1, "Gondor accused MSF.", &e), "GON 112 NGO");
    drop("t.actors");
    drop("t.agents");
    drop("t.verbs");
    rmdir(dir);
}

/* stacked_agents = yes (PETRARCH-1): agents that start inside a matched agent add
 * their codes, prefix agents in front */
static void test_stacked_agents(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    strcpy(dir, "/tmp/dyad_opts_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("t.actors", "Gondor = GON\nArnor = ARN\n");
    put("t.agents", "main opposition group = MOP\nopposition group = OPP\n"
                    "human rights activist = HGM~\nrights activist = SGM~\n");
    put("t.verbs", "verb accuse = 112\n");
    events e;
    assert_string_equal(code(1, "Arnor accused Gondor's main opposition group.", &e), "ARN 112 GONMOP");
    assert_string_equal(code(1, "Human rights activists in Arnor accused Gondor.", &e), "ARNHGM 112 GON");
    put("p.options", "stacked_agents = yes\n");
    assert_string_equal(code(1, "Arnor accused Gondor's main opposition group.", &e), "ARN 112 GONMOPOPP");
    assert_string_equal(code(1, "Arnor accused the Gondor main opposition groups.", &e), "ARN 112 GONMOPOPP");
    assert_string_equal(code(1, "Human rights activists in Arnor accused Gondor.", &e), "SGMHGMARN 112 GON");
    assert_string_equal(code(1, "Gondor accused human rights activists of Arnor.", &e), "GON 112 SGMHGMARN");
    /* one agent alone is coded as before */
    assert_string_equal(code(1, "Arnor accused the Gondor opposition group.", &e), "ARN 112 GONOPP");
    put("p.options", "stacked_agents = no\n");
    assert_string_equal(code(1, "Arnor accused Gondor's main opposition group.", &e), "ARN 112 GONMOP");
    drop("p.options");
    drop("t.actors");
    drop("t.agents");
    drop("t.verbs");
    rmdir(dir);
}

/* relevance = political (the default) drops what is no political event (the
 * relevance stage, issue 10); relevance = all keeps every candidate */
static void test_relevance(void **state)
{
    (void)state;
    setenv("DYAD_NO_CACHE", "1", 1);
    strcpy(dir, "/tmp/dyad_opts_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("t.actors", "Gondor = GON\nMordor = MOR\nRohan Horse Traders = GONBUS\n");
    put("t.verbs", "verb accuse = 112\nverb buy = 061\nverb say = 010 ~say\nverb agree = 030\n");
    events e;
    /* a company's act on a company, a purchase of goods, a hypothetical,
     * a statement about figures with no addressee */
    const char *texts[] = {"Rohan Horse Traders agreed to buy Mordor Mining Corp.",
                           "Gondor bought 200,000 tonnes of wheat from Mordor.",
                           "Gondor could accuse Mordor.",
                           "Gondor said output rose 4 pct in May."};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        assert_string_equal(code(0, texts[i], &e), "");
    assert_string_equal(code(0, "Gondor accused Mordor.", &e), "GON 112 MOR");
    put("p.options", "relevance = all\n");
    assert_string_equal(code(0, "Gondor could accuse Mordor.", &e), "GON 112 MOR");
    assert_string_equal(code(0, "Gondor said output rose 4 pct in May.", &e), "GON 010 -");
    drop("p.options");
    drop("t.actors");
    drop("t.verbs");
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_options), cmocka_unit_test(test_joined),
                                       cmocka_unit_test(test_that_clause), cmocka_unit_test(test_compound_element),
                                       cmocka_unit_test(test_negation_recode), cmocka_unit_test(test_null_actor),
                                       cmocka_unit_test(test_several_codes), cmocka_unit_test(test_petrarch1_options), cmocka_unit_test(test_prefix_agent), cmocka_unit_test(test_stacked_agents), cmocka_unit_test(test_joined_set_member), cmocka_unit_test(test_whether_clause), cmocka_unit_test(test_temporal_phrase),
                                       cmocka_unit_test(test_unlisted_pronoun), cmocka_unit_test(test_second_past_verb),
                                       cmocka_unit_test(test_exact_verb_form), cmocka_unit_test(test_relevance)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
