/* test_agents.c - the agent dictionary reader: codes, plurals,
 * substitution sets and every malformed-entry report. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "dict/dict.h"
#include "t.h"
#include "dict_harness.h"


static const kbi_agent_phrase *find(const kb_dict *d, const char *text)
{
    for (size_t i = 0; i < d->agents.nphrases; i++)
        if (strcmp(d->agents.phrases[i].text, text) == 0)
            return &d->agents.phrases[i];
    return NULL;
}

/* Phrase `text` exists with this code and prefix flag. */
static void expect(const kb_dict *d, const char *text, const char *code,
                   int prefix)
{
    const kbi_agent_phrase *a = find(d, text);
    t_checks++;
    if (!a) {
        T_FAIL("no agent phrase '%s'", text);
        return;
    }
    T_EQ_STR(a->code, code);
    T_EQ_INT(a->prefix, prefix);
}

static void test_entries(void)
{
    diags g;
    kb_dict *d = load(
        "<!-- AGENTS -->\n"
        "CONGRESS [~LEG] # pas: check for correct plural formation\n"
        "MAIN_OPPOSITION_GROUP [~MOP]\n"
        "AUTHORITY  [~GOV] # SLS 14 Jan 2008\n"
        "GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]   # pas 16-Dec-2013\n"
        "HEAD_OF_POLICE {HEADS_OF_POLICE } [~COP]\n"
        "POLICE {} [ ~COP] # JON 2/8/95\n"
        "HUMAN_RIGHTS_ORGANIZATION  [  NGO~] # sls 07 Dec 2007\n"
        "SECURITY SERVICE [~GOV]\n"
        "UN_ [~UNO]\n"
        "soldier [~MIL] junk after the code\n"
        "HUSBAND_MAN[~AGR]\n",
        &g);
    T_EQ_INT(g.n, 0);
    T_EQ_INT(last_status, KB_OK);
    expect(d, "CONGRESS", "LEG", 0);
    expect(d, "CONGRESSES", "LEG", 0);      /* S -> +ES (AGENT-12) */
    expect(d, "MAIN_OPPOSITION_GROUPS", "MOP", 0); /* +S (AGENT-20) */
    expect(d, "AUTHORITIES", "GOV", 0);     /* Y -> IES */
    expect(d, "GOLDEN_GEESE", "GGS", 0);    /* {X} (AGENT-21) */
    T_OK(find(d, "GOLDEN_GOOSES") == NULL);
    expect(d, "HEADS_OF_POLICE", "COP", 0);
    expect(d, "POLICE", "COP", 0);
    T_OK(find(d, "POLICES") == NULL);       /* {} (AGENT-22) */
    expect(d, "HUMAN_RIGHTS_ORGANIZATION", "NGO", 1);
    expect(d, "HUMAN_RIGHTS_ORGANIZATIONS", "NGO", 1);
    expect(d, "SECURITY SERVICES", "GOV", 0);
    expect(d, "UNS", "UNO", 0);             /* trailing '_' dropped */
    expect(d, "soldierS", "MIL", 0);
    expect(d, "HUSBAND_MAN", "AGR", 0);
    T_EQ_INT(d->agents.nphrases, 21);
    const kbi_agent_phrase *a = find(d, "SECURITY SERVICE");
    if (a) {
        T_EQ_INT(a->ph.nwords, 2);
        T_EQ_INT(a->ph.adjacent[1], 0);
        T_EQ_INT(a->line, 9);
        T_EQ_STR(a->file, "agents.txt");
    }
    a = find(d, "soldierS");
    if (a)
        T_EQ_STR(a->ph.words[0], "SOLDIERS");
    size_t n = 0;
    kbi_phrase_index_get(&d->agents.index, "GOLDEN", 6, &n);
    T_EQ_INT(n, 2);
    kb_dict_free(d);
}

static void test_substitution(void)
{
    diags g;
    kb_dict *d = load(
        "!PERSON! = MAN, MEN, WOMAN,, WOMEN , PERSON\n"
        "!MINST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES\n"
        "CONGRESS!PERSON! [~LEG]\n"
        "!MINST!_OF_SILLY_WALKS [~GOV] \n"
        "FIRE!PERSON! {} [~GOV]\n"
        "!MINST! FOR_AD!MINST!RATION [~GOV]\n"
        "!X! = A, B\n"
        "!X!!PERSON! [~Z]\n"
        "!X! = C\n"
        "NEW!X! [~Y]\n",
        &g);
    T_EQ_INT(g.n, 0);
    expect(d, "CONGRESSMAN", "LEG", 0);
    expect(d, "CONGRESSWOMEN", "LEG", 0);
    expect(d, "CONGRESSPERSON", "LEG", 0);
    T_OK(find(d, "CONGRESSMANS") == NULL);  /* no plurals */
    T_OK(find(d, "CONGRESS!PERSON!") == NULL);
    expect(d, "MINISTRY_OF_SILLY_WALKS", "GOV", 0);
    expect(d, "MINISTRIES_OF_SILLY_WALKS", "GOV", 0);
    expect(d, "FIREWOMAN", "GOV", 0);
    /* one set twice: the same item in both places */
    expect(d, "MINISTRY FOR_ADMINISTRYRATION", "GOV", 0);
    T_OK(find(d, "MINISTRY FOR_ADMINISTERRATION") == NULL);
    /* two sets: every combination */
    expect(d, "AMAN", "Z", 0);
    expect(d, "BPERSON", "Z", 0);
    /* a later definition replaces the earlier one */
    expect(d, "NEWC", "Y", 0);
    T_OK(find(d, "NEWA") == NULL);
    T_EQ_INT(d->agents.nphrases, 5 + 4 + 5 + 4 + 10 + 1);
    kb_dict_free(d);
}

static void expect_bad(const char *text, int line, int column,
                       const char *msg)
{
    kb_dict *d = t_load_one_bad(text, line, column, msg);
    /* the bad entry added nothing; the good one after it did */
    T_OK(find(d, "GOOD") != NULL);
    T_EQ_INT(d->agents.nphrases, 2);
    kb_dict_free(d);
}

static void test_errors(void)
{
    expect_bad("GOOD [~G]\nISLAMIC_EXTREMIST\n", 2, 18, "expected '[CODE]'");
    expect_bad("DEPARMENT_OF_ENVIRONMENT [~ENV}\nGOOD [~G]\n", 1, 26,
               "missing ']'");
    expect_bad("FOO []\nGOOD [~G]\n", 1, 5, "empty agent code");
    expect_bad("FOO [ ~ ]\nGOOD [~G]\n", 1, 5, "expected '[~CODE]'");
    expect_bad("FOO [GOV]\nGOOD [~G]\n", 1, 5, "got '[GOV]'");
    expect_bad("FOO [~GOV~]\nGOOD [~G]\n", 1, 5, "prefix agent");
    expect_bad("FOO [~G~OV]\nGOOD [~G]\n", 1, 5, "prefix agent");
    expect_bad("FOO [~G OV]\nGOOD [~G]\n", 1, 8, "inside the agent code");
    expect_bad("FOO [~G\001V]\nGOOD [~G]\n", 1, 8, "control character");
    expect_bad("FOO [~\001]\nGOOD [~G]\n", 1, 7, "control character");
    expect_bad("FOO {FOOS [~X]\nGOOD [~G]\n", 1, 5, "missing '}'");
    expect_bad("FOO {FOOS} BAR [~X]\nGOOD [~G]\n", 1, 12,
               "unexpected 'BAR' between '}' and '['");
    expect_bad("FOO} [~X]\nGOOD [~G]\n", 1, 4, "unexpected '}'");
    expect_bad("FOO] [~X]\nGOOD [~G]\n", 1, 4, "unexpected ']'");
    expect_bad(" [~X]\nGOOD [~G]\n", 1, 2, "empty phrase");
    expect_bad("{FOOS} [~X]\nGOOD [~G]\n", 1, 1, "empty phrase");
    expect_bad("___ [~X]\nGOOD [~G]\n", 1, 1, "empty phrase '___'");
    expect_bad("FOO {___} [~X]\nGOOD [~G]\n", 1, 6,
               "empty plural phrase '___'");
    expect_bad("!PERSON = MAN, MEN\nGOOD [~G]\n", 1, 1, "expected '!NAME! =");
    expect_bad("!! = MAN, MEN\nGOOD [~G]\n", 1, 1, "expected '!NAME! =");
    expect_bad("!X! MAN = MEN\nGOOD [~G]\n", 1, 1, "expected '!NAME! =");
    expect_bad("!X! = , ,\nGOOD [~G]\n", 1, 5, "!X! has no items");
    expect_bad("FOO!BAR! [~X]\nGOOD [~G]\n", 1, 4,
               "unknown substitution set !BAR!");
    expect_bad("FOO!BAR [~X]\nGOOD [~G]\n", 1, 4, "expected '!NAME!'");
    expect_bad("FOO!! [~X]\nGOOD [~G]\n", 1, 4, "expected '!NAME!'");

    /* too many combinations */
    char *big = malloc(4096);
    size_t k = (size_t)snprintf(big, 4096, "!A! = A0");
    for (int i = 1; i < 70; i++)
        k += (size_t)snprintf(big + k, 4096 - k, ", A%d", i);
    k += (size_t)snprintf(big + k, 4096 - k, "\n!B! = B0");
    for (int i = 1; i < 70; i++)
        k += (size_t)snprintf(big + k, 4096 - k, ", B%d", i);
    snprintf(big + k, 4096 - k, "\nX!A!!B! [~X]\nGOOD [~G]\n");
    expect_bad(big, 3, 1, "more than 1024 variants");
    free(big);
}

static void test_strict(void)
{
    diags g;
    kb_dict *d = load_strict("GOOD [~G]\nFOO [~G OV]\nLATER [~L]\n", &g, 1);
    T_EQ_INT(last_status, KB_ERR_SYNTAX);
    T_EQ_INT(last_err.line, 2);
    T_EQ_INT(last_err.column, 8);
    T_OK(strstr(last_err.message, "inside the agent code") != NULL);
    T_OK(find(d, "LATER") == NULL);
    T_EQ_INT(d->agents.nphrases, 2);
    kb_dict_free(d);
}

static kb_dict *load_file(const char *name, diags *g)
{
    kb_dict *d = kbi_dict_new(NULL);
    memset(g, 0, sizeof *g);
    d->diag.fn = on_diag;
    d->diag.user = g;
    char path[512], *text;
    size_t len;
    kb_error err;
    snprintf(path, sizeof path, "%s/dict/%s", KB_DATADIR, name);
    T_EQ_INT(kbi_read_file(path, NULL, &text, &len, &err), KB_OK);
    kbi_load L = {d, name, &err};
    T_EQ_INT(kbi_agents_load(&L, text, len), KB_OK);
    kbi_free(NULL, text, len + 1);
    T_EQ_INT(kbi_dict_finish(d), KB_OK);
    return d;
}

static void test_bundled(void)
{
    diags g;
    kb_dict *d = load_file("PETR.Validate.agents.txt", &g);
    T_EQ_INT(g.n, 0);
    T_EQ_INT(d->agents.nphrases, 165);
    expect(d, "CONGRESSES", "LEG", 0);
    expect(d, "CONGRESSWOMAN", "LEG", 0);
    expect(d, "MINISTRIES_OF_SILLY_WALKS", "GOV", 0);
    expect(d, "MSF", "NGO", 1);
    T_OK(find(d, "JOURNALISTS'_UNION") == NULL); /* commented out */
    kb_dict_free(d);

    /* Phoenix: 2 malformed lines (a '}' for ']', a phrase without code) */
    d = load_file("Phoenix.agents.txt", &g);
    T_EQ_INT(g.n, 2);
    T_EQ_INT(g.e[0].line, 544);
    T_EQ_INT(g.e[1].line, 1927);
    T_EQ_INT(d->agents.nphrases, 5152);
    expect(d, "PEACEKEEPING_TROOPS", "IGO", 1);
    expect(d, "CATTLEWOMEN", "AGR", 0);
    expect(d, "MINISTRY FOR_ YOUTH_AND_SPORTS", "GOV", 0);
    kb_dict_free(d);
}

/* ---- allocation failures ---------------------------------------------- */

#define OOM_TEXT                                                            \
    "!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nPOLICE {} [~COP]\n"        \
    "GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\nSOLDIER [~MIL]\n"

static void test_out_of_memory(void)
{
    t_out_of_memory(kbi_agents_load, OOM_TEXT);
}

int main(void)
{
    t_reader = kbi_agents_load;
    t_file = "agents.txt";
    T_RUN(test_entries);
    T_RUN(test_substitution);
    T_RUN(test_errors);
    T_RUN(test_strict);
    T_RUN(test_bundled);
    T_RUN(test_out_of_memory);
    return t_done();
}
