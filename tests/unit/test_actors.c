/* test_actors.c - the actor dictionary reader and date resolution. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "dict/dict.h"
#include "t.h"
#include "dict_harness.h"


/* Index of the actor whose primary phrase is `name`, or -1. */
static int32_t actor(const kb_dict *d, const char *name)
{
    for (size_t i = 0; i < d->actors.nactors; i++)
        if (strcmp(d->actors.actors[i].name, name) == 0)
            return (int32_t)i;
    return -1;
}

static int32_t day(const char *yyyymmdd)
{
    int32_t v = INT32_MIN;
    T_OK(kbi_parse_dict_date(yyyymmdd, strlen(yyyymmdd), &v));
    return v;
}

static const char *code_on(const kb_dict *d, const char *name,
                           const char *date)
{
    int32_t a = actor(d, name);
    T_OK(a >= 0);
    return a < 0 ? "(none)" : kbi_actor_code_on(d, a, day(date));
}

/* The actor that phrase `text` (as written) belongs to, or -1. */
static int32_t phrase_actor(const kb_dict *d, const char *text)
{
    for (size_t i = 0; i < d->actors.nphrases; i++)
        if (strcmp(d->actors.phrases[i].text, text) == 0)
            return d->actors.phrases[i].actor;
    return -1;
}

static const char *const GOLLUM =
    "GOLLUM  # pas 27 Apr 03\n"
    "+SMEAGOL\n"
    "+SLINKER ; legacy comment\n"
    "\t[HOB < 950601]\n"
    "\t[HOBGOV 19950601 - 19990815]\n"
    "#\t[950601-990815]  incorrect code block\n"
    "\t[HOBREB > 990816]\n"
    "\t\n"
    "GONDOR [GON]\n"
    "+MINAS_TIRITH\n"
    "ENT  \n"
    "\t[ENT]\n"
    "ONODOHER ; no code here [XYZ]\n"
    "\t[ONO <911226] \n"
    "PRINCE OF DOL AMROTH  \n"
    "\t[--- <950630] \n"
    "\t[DOL]\n"
    "LORIEN  [ELR/GAL]\n"
    "BOROMIR  [---]\n"
    "ARNOR_  [ ARN ]\n"
    "ZIMBABWE\n"
    "\t[RHO <790606]\n"
    "\t[ZBW]#jw 9/30/91\n"
    "TUCKBOROUGH [TOK]"; /* last line, no newline */

static void test_layout(void)
{
    diags g;
    kb_dict *d = load(GOLLUM, &g);
    T_EQ_INT(g.n, 0);
    T_EQ_INT(last_status, KB_OK);
    T_EQ_INT(d->actors.nactors, 10);
    int32_t a = actor(d, "GOLLUM");
    T_EQ_INT(a, 0);
    const kbi_actor *ac = &d->actors.actors[a];
    T_EQ_INT(ac->line, 1);
    T_EQ_INT(ac->ncodes, 3);
    const kbi_actor_code *c = &d->actors.codes[ac->first_code];
    T_EQ_STR(c[0].code, "HOB");
    T_EQ_INT(c[0].restricted, 1);
    T_EQ_INT(c[0].lo, INT32_MIN);
    T_EQ_INT(c[0].hi, day("19950601"));
    T_EQ_STR(c[1].code, "HOBGOV");
    T_EQ_INT(c[1].lo, day("19950601"));
    T_EQ_INT(c[1].hi, day("19990815"));
    T_EQ_STR(c[2].code, "HOBREB");
    T_EQ_INT(c[2].lo, day("19990816"));
    T_EQ_INT(c[2].hi, INT32_MAX);
    /* synonyms share the actor; ';' ended the second one */
    T_EQ_INT(phrase_actor(d, "SMEAGOL"), a);
    T_EQ_INT(phrase_actor(d, "SLINKER"), a);
    /* codes kept as written; blanks inside [] trimmed */
    T_EQ_STR(code_on(d, "LORIEN", "20000101"), "ELR/GAL");
    T_EQ_STR(code_on(d, "BOROMIR", "20000101"), "---");
    T_EQ_STR(code_on(d, "ARNOR_", "20000101"), "ARN");
    T_EQ_STR(code_on(d, "ENT", "20000101"), "ENT");
    /* code-less primary line: ';' starts a comment, [XYZ] is not a code */
    T_EQ_STR(code_on(d, "ONODOHER", "19911226"), "ONO");
    T_EQ_INT(d->actors.actors[actor(d, "ONODOHER")].ncodes, 1);
    /* junk after ']' tolerated */
    T_EQ_STR(code_on(d, "ZIMBABWE", "19900101"), "ZBW");
    /* the last actor is stored */
    T_EQ_STR(code_on(d, "TUCKBOROUGH", "20000101"), "TOK");
    /* phrases: '_' is adjacency, the trailing '_' ignored */
    int32_t mt = -1;
    for (size_t i = 0; i < d->actors.nphrases; i++)
        if (strcmp(d->actors.phrases[i].text, "MINAS_TIRITH") == 0)
            mt = (int32_t)i;
    T_OK(mt >= 0);
    if (mt >= 0) {
        const kbi_phrase *ph = &d->actors.phrases[mt].ph;
        T_EQ_INT(ph->nwords, 2);
        T_EQ_STR(ph->words[1], "TIRITH");
        T_EQ_INT(ph->adjacent[1], 1);
        T_EQ_INT(d->actors.phrases[mt].line, 10);
        T_EQ_STR(d->actors.phrases[mt].file, "mem.txt");
    }
    /* the index built by kbi_dict_finish finds them */
    size_t n = 0;
    const int32_t *ids =
        kbi_phrase_index_get(&d->actors.index, "PRINCE", 6, &n);
    T_EQ_INT(n, 1);
    if (n == 1)
        T_EQ_INT(d->actors.phrases[ids[0]].ph.nwords, 4);
    kbi_phrase_index_get(&d->actors.index, "ARNOR", 5, &n);
    T_EQ_INT(n, 1);
    T_EQ_INT(d->actors.nphrases, 13);
    kb_dict_free(d);
}

static void test_dates(void)
{
    diags g;
    kb_dict *d = load(GOLLUM, &g);
    /* '<' and '>' are inclusive; YYMMDD with YY > 30 is 19YY */
    T_EQ_STR(code_on(d, "GOLLUM", "19950601"), "HOB");
    T_EQ_STR(code_on(d, "GOLLUM", "19950602"), "HOBGOV");
    T_EQ_STR(code_on(d, "GOLLUM", "19990815"), "HOBGOV");
    T_EQ_STR(code_on(d, "GOLLUM", "19990816"), "HOBREB");
    T_EQ_STR(code_on(d, "ONODOHER", "19911227"), "---");
    T_EQ_STR(code_on(d, "PRINCE OF DOL AMROTH", "19950630"), "---");
    T_EQ_STR(code_on(d, "PRINCE OF DOL AMROTH", "19950701"), "DOL");
    T_EQ_STR(code_on(d, "ZIMBABWE", "19790606"), "RHO");
    T_EQ_STR(code_on(d, "ZIMBABWE", "19790607"), "ZBW");
    kb_dict_free(d);

    /* §4.3: first restricted match wins, ORCHOB before the overlapping
     * HOBMIL; the default never applies while a restriction holds */
    d = load("SAM_GAMGEE [HOB]  # default\n"
             "\t[HOBCIV <20080120]\n"
             "\t[ORCHOB 20100109-20100112] # overrides the next one\n"
             "\t[HOBMIL 20080120-20121109]\n"
             "\t[HOBGOV 20121109-20130119]\n"
             "\t[HOBELI >20130119]\n"
             "HAMFAST GAMGEE [HOB]\n"
             "\t[HOBGOV 20121109-20130119]\n"
             "TWO [A]\n"
             "\t[B]\n"
             "\t[C 300101-300102]\n",
             &g);
    T_EQ_INT(g.n, 0);
    T_EQ_STR(code_on(d, "SAM_GAMGEE", "20080119"), "HOBCIV");
    T_EQ_STR(code_on(d, "SAM_GAMGEE", "20080120"), "HOBCIV");
    T_EQ_STR(code_on(d, "SAM_GAMGEE", "20080121"), "HOBMIL");
    T_EQ_STR(code_on(d, "SAM_GAMGEE", "20100108"), "HOBMIL");
    T_EQ_STR(code_on(d, "SAM_GAMGEE", "20100109"), "ORCHOB");
    T_EQ_STR(code_on(d, "SAM_GAMGEE", "20100112"), "ORCHOB");
    T_EQ_STR(code_on(d, "SAM_GAMGEE", "20100113"), "HOBMIL");
    T_EQ_STR(code_on(d, "SAM_GAMGEE", "20121109"), "HOBMIL");
    T_EQ_STR(code_on(d, "SAM_GAMGEE", "20121110"), "HOBGOV");
    T_EQ_STR(code_on(d, "SAM_GAMGEE", "20130120"), "HOBELI");
    T_EQ_STR(code_on(d, "HAMFAST GAMGEE", "20121201"), "HOBGOV");
    T_EQ_STR(code_on(d, "HAMFAST GAMGEE", "20140101"), "HOB");
    /* several unrestricted codes: the last listed; YY <= 30 is 20YY */
    T_EQ_STR(code_on(d, "TWO", "20000101"), "B");
    T_EQ_STR(code_on(d, "TWO", "20300101"), "C");
    kb_dict_free(d);
}

/* Phoenix forms: codes with dates on the primary line, several brackets,
 * an indented primary line, a code line at column 1, CRLF, junk. */
static void test_phoenix_forms(void)
{
    diags g;
    kb_dict *d = load(
        "JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt\r\n"
        "SERBIA_AND_MONTENEGRO [SCG 920428-060605]\r\n"
        "\tJOHN_MCCLOY_\t[IGOUNODEVWBK 470301-490630]# IGOrulers.txt\r\n"
        "HAMAS_  #  kkl 21 Mar 13\n"
        " #  kkl 21 Mar 13\n"
        "\t#[IRNGOV >20130804] when he became supreme leader\n"
        "[PSEREBHMS]\n"
        "  +HARAKAT_AL-MUQAWAMA\n"
        "<!-- a comment -->\n"
        "LIBERATION TIGERS [LKAREB] *******\n",
        &g);
    T_EQ_INT(g.n, 0);
    T_EQ_INT(d->actors.nactors, 5);
    T_EQ_STR(code_on(d, "JAVIER_DE_CUELLAR_", "19850101"), "IGOUNO");
    T_EQ_STR(code_on(d, "JAVIER_DE_CUELLAR_", "19920101"), "ELI");
    T_EQ_STR(code_on(d, "SERBIA_AND_MONTENEGRO", "20000101"), "SCG");
    T_EQ_STR(code_on(d, "SERBIA_AND_MONTENEGRO", "20070101"), "---");
    T_EQ_STR(code_on(d, "JOHN_MCCLOY_", "19480101"), "IGOUNODEVWBK");
    T_EQ_STR(code_on(d, "HAMAS_", "20000101"), "PSEREBHMS");
    T_EQ_INT(phrase_actor(d, "HARAKAT_AL-MUQAWAMA"), actor(d, "HAMAS_"));
    T_EQ_STR(code_on(d, "LIBERATION TIGERS", "20000101"), "LKAREB");
    kb_dict_free(d);
}

/* One malformed entry: line, column, message. */
static void expect_bad(const char *text, int line, int column,
                       const char *msg)
{
    kb_dict *d = t_load_one_bad(text, line, column, msg);
    kb_dict_free(d);
}

static void test_errors(void)
{
    expect_bad("A\n\t[ABC\n", 2, 2, "missing ']'");
    expect_bad("A [ABC <950101\n", 1, 3, "missing ']'");
    expect_bad("A\n\t[ ]\n", 2, 4, "empty actor code");
    expect_bad("A\n\t[ <950101]\n", 2, 4, "empty actor code");
    expect_bad("A\n\t[AB\001C]\n", 2, 5, "control character");
    expect_bad("A\n\t[X <95O601]\n", 2, 6, "unreadable date '95O601'");
    expect_bad("A\n\t[X >951301]\n", 2, 6, "unreadable date '951301'");
    expect_bad("A\n\t[X 9008223-911221]\n", 2, 5, "unreadable date");
    expect_bad("A\n\t[X 990101-98010]\n", 2, 12, "unreadable date '98010'");
    expect_bad("A\n\t[X 20121207-20120802]\n", 2, 5,
               "interval ends before it starts");
    expect_bad("A\n\t[X 20121204]\n", 2, 13, "expected '-'");
    expect_bad("A\n\t[X foo]\n", 2, 5, "expected ']' after the actor code");
    expect_bad("A\n\t[X <950101 Z]\n", 2, 13, "expected ']'");
    expect_bad("\t[X]\nA [B]\n", 1, 2, "code line before any actor");
    expect_bad("+FOO\nA [B]\n", 1, 1, "synonym before any actor");
    expect_bad("A [B]\n+\n", 2, 2, "empty phrase");
    expect_bad("A [B]\n+ _ ; comment\n", 2, 2, "empty phrase");
    expect_bad("___ [X]\n", 1, 1, "empty phrase");
    expect_bad("A [B]\n+FAEROYENE]_\n", 2, 11, "unexpected ']'");
    expect_bad("A [B]\n+FOO [C]\n", 2, 6, "unexpected '['");

    /* a bad primary line skips its synonyms and codes silently */
    diags g;
    kb_dict *d = load("A [B]\n]X [C]\n+SYN\n\t[D]\n", &g);
    T_EQ_INT(g.n, 1);
    T_EQ_INT(d->actors.nactors, 1);
    T_EQ_INT(d->actors.nphrases, 1);
    T_EQ_INT(d->actors.ncodes, 1);
    kb_dict_free(d);

    /* a bad code keeps the actor and its good codes */
    d = load("A [B <99] [C]\n+SYN\n\t[X 1-2]\n\t[D >20000101]\n", &g);
    T_EQ_INT(g.n, 2);
    T_EQ_INT(g.e[0].line, 1);
    T_EQ_INT(g.e[1].line, 3);
    T_EQ_INT(d->actors.nactors, 1);
    T_EQ_INT(d->actors.nphrases, 2);
    T_EQ_STR(code_on(d, "A", "20010101"), "D");
    T_EQ_STR(code_on(d, "A", "19990101"), "C");
    kb_dict_free(d);
}

static void test_strict(void)
{
    diags g;
    kb_dict *d = load_strict("A [B]\n\t[C 990101-980101]\nLATER [X]\n", &g, 1);
    T_EQ_INT(last_status, KB_ERR_SYNTAX);
    T_EQ_INT(last_err.code, KB_ERR_SYNTAX);
    T_EQ_INT(last_err.line, 2);
    T_EQ_INT(last_err.column, 5);
    T_OK(strstr(last_err.message, "interval ends before it starts") != NULL);
    T_EQ_INT(g.n, 1);
    T_EQ_INT(actor(d, "LATER"), -1); /* loading stopped */
    kb_dict_free(d);
}

static kb_dict *load_files(const char *const *names, diags *g)
{
    kb_dict *d = kbi_dict_new(NULL);
    memset(g, 0, sizeof *g);
    d->diag.fn = on_diag;
    d->diag.user = g;
    for (int i = 0; names[i]; i++) {
        char path[512], *text;
        size_t len;
        kb_error err;
        snprintf(path, sizeof path, "%s/dict/%s", KB_DATADIR, names[i]);
        T_EQ_INT(kbi_read_file(path, NULL, &text, &len, &err), KB_OK);
        kbi_load L = {d, names[i], &err};
        T_EQ_INT(kbi_actors_load(&L, text, len), KB_OK);
        kbi_free(NULL, text, len + 1);
    }
    T_EQ_INT(kbi_dict_finish(d), KB_OK);
    return d;
}

static void test_bundled(void)
{
    diags g;
    const char *petr[] = {"PETR.Validate.actors.txt", NULL};
    kb_dict *d = load_files(petr, &g);
    T_EQ_INT(g.n, 0);
    T_EQ_INT(d->actors.nactors, 128);
    T_EQ_INT(d->actors.nphrases, 161);
    T_EQ_STR(code_on(d, "TUCKBOROUGH", "20000101"), "TOK");
    T_EQ_INT(phrase_actor(d, "NASGUL"), -1); /* commented out */
    T_EQ_INT(phrase_actor(d, "INTERPOL"),
             actor(d, "INTERNATIONAL_CRIMINAL_POLICE_ORGANIZATION_"));
    T_EQ_STR(code_on(d, "INTERNATIONAL_CRIMINAL_POLICE_ORGANIZATION_",
                     "20000101"), "IGOCOPITP");
    T_EQ_STR(code_on(d, "PALESTINIAN", "20000101"), "pse");
    T_EQ_STR(code_on(d, "GONZO_GMO", "20000101"), "GONGMO");
    kb_dict_free(d);

    /* Phoenix: 18,390 + 7,841 + 1,021 actors (PETRARCH-2 spec §6.1); one
     * synonym (+FAEROYENE]_) and nine codes are malformed */
    const char *phx[] = {"Phoenix.Countries.actors.txt",
                         "Phoenix.International.actors.txt",
                         "Phoenix.MilNonState.actors.txt", NULL};
    d = load_files(phx, &g);
    T_EQ_INT(d->actors.nactors, 18390 + 7841 + 1021);
    T_EQ_INT(d->actors.nphrases, 27252 + 7527 - 1 + 66 + 772);
    T_EQ_INT(g.n, 10);
    static const int lines[] = {2039, 14190, 15346, 18010, 22508, 22519,
                                31715, 43613, 51384, 40};
    for (int i = 0; i < 10 && i < g.n; i++)
        T_EQ_INT(g.e[i].line, lines[i]);
    T_EQ_STR(g.e[9].file, "Phoenix.International.actors.txt");
    T_EQ_STR(code_on(d, "JAVIER_DE_CUELLAR_", "19850101"), "IGOUNO");
    T_EQ_STR(code_on(d, "JAVIER_DE_CUELLAR_", "19950101"), "ELI");
    T_EQ_STR(code_on(d, "AFGHANISTAN_", "20100101"), "AFG");
    T_OK(actor(d, "JOHN_MCCLOY_") >= 0);
    kb_dict_free(d);
}

/* ---- allocation failures ---------------------------------------------- */

#define OOM_TEXT GOLLUM

static void test_out_of_memory(void)
{
    t_out_of_memory(kbi_actors_load, OOM_TEXT);
}

int main(void)
{
    t_reader = kbi_actors_load;
    t_file = "mem.txt";
    T_RUN(test_layout);
    T_RUN(test_dates);
    T_RUN(test_phoenix_forms);
    T_RUN(test_errors);
    T_RUN(test_strict);
    T_RUN(test_bundled);
    T_RUN(test_out_of_memory);
    return t_done();
}
