/* test_issues.c - the issue list reader (expansions, sections, ignore
 * phrases, every malformed-entry report) and kbi_issues_match. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "dict/dict.h"
#include "dict/issues.h"
#include "t.h"
#include "dict_harness.h"


static const kbi_issue *find(const kb_dict *d, const char *phrase)
{
    for (size_t i = 0; i < d->issues.n; i++)
        if (strcmp(d->issues.items[i].phrase, phrase) == 0)
            return &d->issues.items[i];
    return NULL;
}

static void expect(const kb_dict *d, const char *phrase, const char *code,
                   int exclude)
{
    const kbi_issue *it = find(d, phrase);
    t_checks++;
    if (!it) {
        T_FAIL("no issue phrase '%s'", phrase);
        return;
    }
    T_EQ_STR(it->code, code);
    T_EQ_INT(it->exclude, exclude);
}

static void test_expansions(void)
{
    diags g;
    kb_dict *d = load(
        "# Phoenix Open Event Data Issues\n"
        "<ISSUE CATEGORY=\"EDUCATION\" TYPE=\"ALL\">\n"
        "n:school [SCHOOLS]\n"
        "pre+n:school [ECE]\n"
        "n:bachelor n:degree [POST]\n"
        "v:retaliate [RET]\n"
        "weapons_grade   uranium [NUC]\n"
        "touristry[TOUR]\n"
        "n:academy n:holiday n:crisis n:bus n:church n:box [PL]\n"
        "v:carry v:agree v:stuff v:play v:fix [VB]\n"
        "~a head start\n"
        "~~edison electric company\n"
        "</ISSUE>\n",
        &g);
    T_EQ_INT(g.n, 0);
    T_EQ_INT(last_status, KB_OK);
    expect(d, "SCHOOL", "SCHOOLS", 0);
    expect(d, "SCHOOLS", "SCHOOLS", 0);
    expect(d, "PRE SCHOOL", "ECE", 0);
    expect(d, "PRE SCHOOLS", "ECE", 0);
    expect(d, "PRE-SCHOOL", "ECE", 0);
    expect(d, "PRE-SCHOOLS", "ECE", 0);
    expect(d, "BACHELORS DEGREE", "POST", 0);
    expect(d, "BACHELOR DEGREES", "POST", 0);
    expect(d, "RETALIATE", "RET", 0);
    expect(d, "RETALIATES", "RET", 0);
    expect(d, "RETALIATED", "RET", 0);
    expect(d, "RETALIATING", "RET", 0);
    expect(d, "WEAPONS GRADE URANIUM", "NUC", 0);
    expect(d, "TOURISTRY", "TOUR", 0);
    expect(d, "ACADEMIES HOLIDAYS CRISISES BUSES CHURCHES BOXES", "PL", 0);
    expect(d, "CARRIES AGREES STUFFS PLAYS FIXES", "VB", 0);
    expect(d, "CARRIED AGREED STUFFED PLAYED FIXED", "VB", 0);
    expect(d, "CARRYING AGREEING STUFFING PLAYING FIXING", "VB", 0);
    expect(d, "A HEAD START", "", 1);
    expect(d, "EDISON ELECTRIC COMPANY", "", 2);
    T_EQ_INT(d->issues.n, 2 + 4 + 4 + 4 + 1 + 1 + 64 + 1024 + 1 + 1);
    const kbi_issue *it = find(d, "PRE-SCHOOL");
    if (it) {
        T_EQ_INT(it->line, 4);
        T_EQ_STR(it->file, "issues.txt");
    }
    for (size_t i = 1; i < d->issues.n; i++)
        T_OK(strcmp(d->issues.items[i - 1].phrase,
                    d->issues.items[i].phrase) <= 0);
    kb_dict_free(d);
}

/* Code-less lines take the section's CATEGORY; run-on lines. */
static void test_sections(void)
{
    diags g;
    kb_dict *d = load(
        "<ISSUE CATEGORY=\"EUROPEAN_UNION\" TYPE=\"ALL\">\n"
        "eu [EUROPEAN_UNION]\n"
        "european central bank\n"
        "e.c.b.\n"
        "</ISSUE>\n"
        "<issue category=\"MEDIA\">\n"
        "intimidation of press [MC]intimidation of the media [MC2]\n"
        "aqim [TERR] [TERR]\n"
        "tamil eelam [TERR]*******\n"
        "</ISSUE>\n",
        &g);
    T_EQ_INT(g.n, 0);
    expect(d, "EUROPEAN CENTRAL BANK", "EUROPEAN_UNION", 0);
    expect(d, "E.C.B.", "EUROPEAN_UNION", 0);
    expect(d, "INTIMIDATION OF PRESS", "MC", 0);
    expect(d, "INTIMIDATION OF THE MEDIA", "MC2", 0);
    expect(d, "AQIM", "TERR", 0);
    expect(d, "TAMIL EELAM", "TERR", 0);
    T_EQ_INT(d->issues.n, 7);
    kb_dict_free(d);
}

static void expect_bad(const char *text, int line, int column,
                       const char *msg)
{
    kb_dict *d = t_load_one_bad(text, line, column, msg);
    T_OK(find(d, "GOOD") != NULL);
    T_EQ_INT(d->issues.n, 1);
    kb_dict_free(d);
}

static void test_errors(void)
{
    expect_bad("GOOD [G]\nm:site [X]\n", 2, 1,
               "unknown expansion prefix 'm:'");
    expect_bad("v:block m:site [X]\nGOOD [G]\n", 1, 9, "expansion prefix");
    expect_bad("pre+x:school [X]\nGOOD [G]\n", 1, 5, "expansion prefix");
    expect_bad("foo [X\nGOOD [G]\n", 1, 5, "missing ']'");
    expect_bad("foo []\nGOOD [G]\n", 1, 5, "empty issue code");
    expect_bad("foo [A B]\nGOOD [G]\n", 1, 7, "inside the issue code");
    expect_bad("foo [A\002]\nGOOD [G]\n", 1, 7, "control character");
    expect_bad("GOOD [G]\n [X]\n", 2, 2, "empty issue phrase");
    expect_bad("GOOD [G]\n__ [X]\n", 2, 1, "empty issue phrase");
    expect_bad("GOOD [G]\n~\n", 2, 2, "empty issue phrase");
    expect_bad("GOOD [G]\n~~ oil [X]\n", 2, 8, "takes no code");
    expect_bad("GOOD [G]\n<FOO>\n", 2, 1, "unknown tag");
    expect_bad("GOOD [G]\n<ISSUES CATEGORY=\"X\">\n", 2, 1, "unknown tag");
    expect_bad("GOOD [G]\n  <ISSUE TYPE=\"ALL\">\n", 2, 3,
               "expected CATEGORY=\"NAME\"");
    expect_bad("GOOD [G]\n<ISSUE CATEGORY=\"\">\n", 2, 1,
               "expected CATEGORY");
    expect_bad("GOOD [G]\necb\n", 2, 4, "expected '[CODE]'");
    expect_bad("<ISSUE CATEGORY=\"X\">\n</ISSUE>\nGOOD [G]\necb\n", 4, 4,
               "outside any <ISSUE");
    expect_bad("GOOD [G]\na+b+c+d+e+f+g+h+i+j+k+l [X]\n", 2, 1,
               "too many '+'");
    expect_bad("GOOD [G]\nv:a+b+c+d+e+f+g+h+i+j [X]\n", 2, 1,
               "more than 1024 variants");
    expect_bad("GOOD [G]\n+ [X]\n", 2, 1, "empty issue phrase");
    char line[400];
    memset(line, 'a', 300);
    snprintf(line + 300, 100, " [X]\nGOOD [G]\n");
    expect_bad(line, 1, 1, "longer than 256 characters");
    memset(line, 'a', 255);
    snprintf(line + 255, 100, "+n:b [X]\nGOOD [G]\n"); /* 257+ */
    expect_bad(line, 1, 1, "longer than 256 characters");

    diags g;
    kb_dict *d = load_strict("GOOD [G]\nfoo [A B]\nLATER [L]\n", &g, 1);
    T_EQ_INT(last_status, KB_ERR_SYNTAX);
    T_EQ_INT(last_err.line, 2);
    T_EQ_INT(last_err.column, 7);
    T_OK(find(d, "LATER") == NULL);
    kb_dict_free(d);
}

/* kbi_issues_match into a fresh arena; returns a malloc'd copy. */
static char *issues(const kb_dict *d, const char *text, int *ignored)
{
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    const char *out = NULL;
    T_EQ_INT(kbi_issues_match(d, text, strlen(text), &a, &out, ignored),
             KB_OK);
    char *copy = strdup(out ? out : "(null)");
    kbi_arena_free(&a);
    return copy;
}

static void expect_match(const kb_dict *d, const char *text, const char *want,
                         int want_ignored)
{
    int ign = -1;
    char *got = issues(d, text, &ign);
    T_EQ_STR(got, want);
    T_EQ_INT(ign, want_ignored);
    free(got);
}

static void test_match(void)
{
    diags g;
    kb_dict *d = load("n:teacher [TEACHERS]\n"
                      "n:student [STUDENTS]\n"
                      "n:school [SCHOOLS]\n"
                      "oil [OIL]\n"
                      "petrol [OIL]\n"
                      "oil spill [SPILL]\n"
                      "nuclear power [NE]\n"
                      "nuclear power plant [NP]\n"
                      "head start [ECE]\n"
                      "e.u. [EU]\n"
                      "~olive oil\n"
                      "~start up\n"
                      "~~edison electric company\n",
                      &g);
    T_EQ_INT(g.n, 0);
    expect_match(d, "Teachers and students protested at the school.",
                 "TEACHERS,1;STUDENTS,1;SCHOOLS,1", 0);
    expect_match(d, "Oil, oil and PETROL", "OIL,3", 0);
    expect_match(d, "the oil spill", "OIL,1", 0);      /* shortest */
    expect_match(d, "a nuclear \n power plant", "NE,1", 0);
    expect_match(d, "oils and toil and oil-rich", "OIL,1", 0);
    expect_match(d, "the E.U.'s plan", "EU,1", 0);
    expect_match(d, "Olive oil prices", "", 1);
    expect_match(d, "oil and olive oil", "", 1);
    /* an ignore phrase inside a counted one still counts */
    expect_match(d, "a head start up", "", 1);
    expect_match(d, "Edison Electric Company buys oil", "", 2);
    expect_match(d, "", "", 0);
    expect_match(d, "nothing here", "", 0);
    char *got = issues(d, "oil", NULL); /* ignored may be NULL */
    T_EQ_STR(got, "OIL,1");
    free(got);
    kb_dict_free(d);

    d = load("", &g);
    expect_match(d, "oil", "", 0);
    kb_dict_free(d);
}

/* An ignore phrase suppresses its own section only; one code from two
 * sections is reported once with the sum. */
static void test_sections_match(void)
{
    diags g;
    kb_dict *d = load("<ISSUE CATEGORY=\"ENERGY\" TYPE=\"ALL\">\n"
                      "oil [OIL]\n"
                      "~olive oil\n"
                      "</ISSUE>\n"
                      "<ISSUE CATEGORY=\"CRIME\" TYPE=\"ALL\">\n"
                      "cartel [DRUG_CARTEL]\n"
                      "n:gang [GANG]\n"
                      "~~oil\n"
                      "</ISSUE>\n"
                      "<ISSUE CATEGORY=\"STREET\">\n"
                      "street n:gang [GANG]\n"
                      "</ISSUE>\n"
                      "<ISSUE CATEGORY=\"ENERGY\">\n"
                      "crude [OIL]\n"
                      "~crude joke\n"
                      "</ISSUE>\n",
                      &g);
    T_EQ_INT(g.n, 0);
    const kbi_issue *it = find(d, "OLIVE OIL");
    T_OK(it && it->section && strcmp(it->section, "ENERGY") == 0);
    expect_match(d, "the oil cartel", "OIL,1", 2);
    expect_match(d, "the drug cartel", "DRUG_CARTEL,1", 0);
    expect_match(d, "olive oil for the cartel", "", 2);
    expect_match(d, "crude and olive oil", "", 2); /* one ENERGY, twice */
    expect_match(d, "a crude joke about oil", "", 2);
    expect_match(d, "a crude joke about the cartel", "DRUG_CARTEL,1", 1);
    expect_match(d, "gangs and street gangs and a gang", "GANG,3", 0);
    kb_dict_free(d);
}

static void test_bundled(void)
{
    diags g;
    kb_dict *d = kbi_dict_new(NULL);
    memset(&g, 0, sizeof g);
    d->diag.fn = on_diag;
    d->diag.user = &g;
    char path[512], *text;
    size_t len;
    kb_error err;
    snprintf(path, sizeof path, "%s/dict/Phoenix.IssueCoding.txt",
             KB_DATADIR);
    T_EQ_INT(kbi_read_file(path, NULL, &text, &len, &err), KB_OK);
    kbi_load L = {d, "Phoenix.IssueCoding.txt", &err};
    T_EQ_INT(kbi_issues_load(&L, text, len), KB_OK);
    kbi_free(NULL, text, len + 1);
    T_EQ_INT(kbi_dict_finish(d), KB_OK);
    /* one malformed line: "v:block m:site [INTERNET_CENSORSHIP]" */
    T_EQ_INT(g.n, 1);
    T_EQ_INT(g.e[0].line, 1162);
    T_EQ_INT(g.e[0].column, 9);
    T_EQ_INT(d->issues.n, 4910);
    expect(d, "EUROPEAN CENTRAL BANK", "EUROPEAN_UNION", 0);
    expect(d, "PRE-SCHOOLS", "EARLY_CHILDHOOD_EDUCATION", 0);
    expect(d, "OLIVE OIL", "", 1);
    expect_match(d, "Nuclear reactors and solar panels were built.",
                 "NUCLEAR_ENERGY,1;RENEWABLE_ENERGY,1", 0);
    /* "~~oil" in CRIME does not silence OIL in ENERGY, "~olive oil" does */
    expect_match(d, "Oil prices rose.", "OIL,1", 2);
    expect_match(d, "The price of olive oil rose.", "", 2);
    expect_match(d, "Financial literacy is low.", "", 1);
    kb_dict_free(d);
}

/* ---- allocation failures ---------------------------------------------- */

#define OOM_TEXT                                                            \
    "<ISSUE CATEGORY=\"E\">\nn:school [S]\npre+v:test n:x [T]\n"             \
    "~olive oil\nnocode\n</ISSUE>\n"

static void test_out_of_memory(void)
{
    t_out_of_memory(kbi_issues_load, OOM_TEXT);
}

int main(void)
{
    t_reader = kbi_issues_load;
    t_file = "issues.txt";
    T_RUN(test_expansions);
    T_RUN(test_sections);
    T_RUN(test_errors);
    T_RUN(test_match);
    T_RUN(test_sections_match);
    T_RUN(test_bundled);
    T_RUN(test_out_of_memory);
    return t_done();
}
