/* test_discards.c - the discard list reader and kbi_discard_match. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "dict/dict.h"
#include "dict/discards.h"
#include "t.h"
#include "dict_harness.h"


static const kbi_discard *find(const kb_dict *d, const char *phrase)
{
    for (size_t i = 0; i < d->discards.n; i++)
        if (strcmp(d->discards.items[i].phrase, phrase) == 0)
            return &d->discards.items[i];
    return NULL;
}

static int match(const kb_dict *d, const char *text, const char **phrase)
{
    const kbi_discard *hit = (const kbi_discard *)1;
    int k = kbi_discard_match(d, text, strlen(text), &hit);
    T_OK(k == 0 ? hit == NULL : hit != NULL);
    if (phrase)
        *phrase = hit ? hit->phrase : NULL;
    if (hit)
        T_EQ_INT(hit->story + 1, k);
    return k;
}

static const char *const LIST =
    "# Story-level discards are indicated with a '+'.\n"
    "MONTHS LATER\n"
    "+World Golf Championships   # pas 26-Feb-2014\n"
    "+ Manchester United\n"
    "AFRICAN   NATIONS\tCUP   # ab 13 Jun 2005 ;AB 13 JUN 2005\n"
    "baseball   \n"
    "+TYPHOON   # ELH 04 Aug 2009\n"
    "TYPHOON\n"
    "GROUP A_\n"
    "ROUND_OF_16\n"
    "+WORLD CUP\n"
    "1945\n";

static void test_load(void)
{
    diags g;
    kb_dict *d = load(LIST, &g);
    T_EQ_INT(g.n, 0);
    T_EQ_INT(last_status, KB_OK);
    T_EQ_INT(d->discards.n, 11);
    const kbi_discard *it = find(d, "WORLD GOLF CHAMPIONSHIPS");
    T_OK(it && it->story && !it->exact_end && it->line == 3);
    if (it)
        T_EQ_STR(it->file, "discards.txt");
    it = find(d, "MANCHESTER UNITED");
    T_OK(it && it->story);
    it = find(d, "AFRICAN NATIONS CUP");
    T_OK(it && !it->story);
    it = find(d, "BASEBALL");
    T_OK(it && !it->story && it->line == 6);
    it = find(d, "GROUP A");
    T_OK(it && it->exact_end && !it->story);
    T_OK(find(d, "ROUND OF 16") != NULL);
    /* sorted by phrase, file order among equals */
    for (size_t i = 1; i < d->discards.n; i++)
        T_OK(strcmp(d->discards.items[i - 1].phrase,
                    d->discards.items[i].phrase) <= 0);
    it = find(d, "TYPHOON");
    T_OK(it && it->story && it[1].line == 8 && !it[1].story);
    kb_dict_free(d);
}

static void test_match(void)
{
    diags g;
    kb_dict *d = load(LIST, &g);
    const char *ph;
    T_EQ_INT(match(d, "Arnor is about to restore baseball competition", &ph),
             1);
    T_EQ_STR(ph, "BASEBALL");
    T_EQ_INT(match(d, "BaseBalls are round", NULL), 1); /* prefix of a word */
    T_EQ_INT(match(d, "the (baseball) game", NULL), 1);
    T_EQ_INT(match(d, "minor-baseball", NULL), 1);
    T_EQ_INT(match(d, "xbaseball", NULL), 0);           /* not at a start */
    T_EQ_INT(match(d, "\xc3\xa9" "baseball", NULL), 0);
    T_EQ_INT(match(d, "baseb", NULL), 0);
    T_EQ_INT(match(d, "", NULL), 0);
    /* whitespace runs in the text equal one blank */
    T_EQ_INT(match(d, "restore the African \n\t Nations   Cup to Gondor",
                   &ph), 1);
    T_EQ_STR(ph, "AFRICAN NATIONS CUP");
    T_EQ_INT(match(d, "African NationsCup", NULL), 0);
    /* story entries win, wherever they are */
    T_EQ_INT(match(d, "Months later, the World Golf Championships began",
                   &ph), 2);
    T_EQ_STR(ph, "WORLD GOLF CHAMPIONSHIPS");
    T_EQ_INT(match(d, "almost five years after a typhoon trashed it", &ph), 2);
    T_EQ_STR(ph, "TYPHOON");
    T_EQ_INT(match(d, "world world cup", NULL), 2);
    T_EQ_INT(match(d, "The World Cup.", NULL), 2);      /* at the end */
    T_EQ_INT(match(d, "manchester united", NULL), 2);
    /* trailing '_': the phrase must end at a blank, the end or .!?,;: */
    T_EQ_INT(match(d, "in Group A.", NULL), 1);
    T_EQ_INT(match(d, "in Group A", NULL), 1);
    T_EQ_INT(match(d, "in Group A; then", NULL), 1);
    T_EQ_INT(match(d, "in Group A\tthen", NULL), 1);
    T_EQ_INT(match(d, "in Group Ab", NULL), 0);
    T_EQ_INT(match(d, "in Group A-", NULL), 0);
    T_EQ_INT(match(d, "in Group   A!", NULL), 1);
    T_EQ_INT(match(d, "in 1945, round of 16", &ph), 1); /* the first */
    T_EQ_STR(ph, "1945");
    T_EQ_INT(match(d, "round of 160", &ph), 1);
    T_EQ_STR(ph, "ROUND OF 16");
    T_EQ_INT(match(d, "ground of 16", NULL), 0);
    /* text with NUL bytes and only a length */
    T_EQ_INT(kbi_discard_match(d, "x\0baseball", 10, NULL), 1);
    T_EQ_INT(kbi_discard_match(d, "baseball", 4, NULL), 0);
    kb_dict_free(d);

    d = load("", &g);
    T_EQ_INT(d->discards.n, 0);
    T_EQ_INT(match(d, "baseball", NULL), 0);
    kb_dict_free(d);
}

static void expect_bad(const char *text, int line, int column,
                       const char *msg)
{
    kb_dict *d = t_load_one_bad(text, line, column, msg);
    T_EQ_INT(d->discards.n, 1);
    kb_dict_free(d);
}

static void test_errors(void)
{
    expect_bad("GOOD\n+\n", 2, 2, "empty discard phrase");
    expect_bad("+ _ _\nGOOD\n", 1, 2, "empty discard phrase");
    expect_bad("__\nGOOD\n", 1, 1, "empty discard phrase");
    expect_bad("GOOD\n  +_\n", 2, 4, "empty discard phrase");
    char line[400];
    memset(line, 'a', 257);
    snprintf(line + 257, 100, "\nGOOD\n");
    expect_bad(line, 1, 1, "longer than 256 characters");
    memset(line, 'a', 256);
    snprintf(line + 256, 100, "\nGOOD\n");
    diags g0;
    kb_dict *d0 = load(line, &g0);
    T_EQ_INT(g0.n, 0); /* 256 is still fine */
    T_EQ_INT(d0->discards.n, 2);
    kb_dict_free(d0);

    diags g;
    kb_dict *d = load_strict("GOOD\n+\nLATER\n", &g, 1);
    T_EQ_INT(last_status, KB_ERR_SYNTAX);
    T_EQ_INT(last_err.line, 2);
    T_EQ_INT(last_err.column, 2);
    T_OK(find(d, "LATER") == NULL);
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
    T_EQ_INT(kbi_discards_load(&L, text, len), KB_OK);
    kbi_free(NULL, text, len + 1);
    T_EQ_INT(kbi_dict_finish(d), KB_OK);
    return d;
}

static size_t stories(const kb_dict *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->discards.n; i++)
        n += d->discards.items[i].story;
    return n;
}

static void test_bundled(void)
{
    diags g;
    kb_dict *d = load_file("PETR.Validate.discards.txt", &g);
    T_EQ_INT(g.n, 0);
    T_EQ_INT(d->discards.n, 9);
    T_EQ_INT(stories(d), 4);
    /* DISCARD-01 ... 04 */
    T_EQ_INT(match(d, "Arnor is about to restore full diplomatic ties with "
                      "Gondor almost \nfive years after a typhoon trashed "
                      "its embassy.", NULL), 2);
    T_EQ_INT(match(d, "Arnor is about to restore the World Golf "
                      "Championships to Gondor almost ", NULL), 2);
    T_EQ_INT(match(d, "Arnor is about to restore baseball competition with "
                      "Gondor", NULL), 1);
    T_EQ_INT(match(d, "Arnor is about to restore the African Nations Cup "
                      "to Gondor almost", NULL), 1);
    T_EQ_INT(match(d, "Arnor is about to restore ties with Gondor", NULL), 0);
    kb_dict_free(d);

    /* Phoenix: 506 entries (99 of them the years 1914-2012), 64 story */
    d = load_file("Phoenix.discards.txt", &g);
    T_EQ_INT(g.n, 0);
    T_EQ_INT(d->discards.n, 506);
    T_EQ_INT(stories(d), 64);
    const char *ph;
    T_EQ_INT(match(d, "Brazil beat Italy in the World Cup.", &ph), 2);
    T_EQ_STR(ph, "WORLD CUP");
    T_EQ_INT(match(d, "Manchester United won", NULL), 2);
    T_EQ_INT(match(d, "He was born in 1945 in Paris", &ph), 1);
    T_EQ_STR(ph, "1945");
    T_EQ_INT(match(d, "Israel and Syria held talks on Monday.", NULL), 0);

    /* a 1 MB text: one pass, no blow-up */
    size_t n = 1 << 20;
    char *big = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        big[i] = i % 2 ? ' ' : "gwfT1"[(i / 2) % 5];
    big[n] = '\0';
    T_EQ_INT(kbi_discard_match(d, big, n, NULL), 0);
    memcpy(big + n - 11, " world cup ", 11);
    T_EQ_INT(kbi_discard_match(d, big, n, NULL), 2);
    kb_dict_free(d);
    free(big);
}

/* ---- allocation failures ---------------------------------------------- */

#define OOM_TEXT LIST

static void test_out_of_memory(void)
{
    t_out_of_memory(kbi_discards_load, OOM_TEXT);
}

int main(void)
{
    t_reader = kbi_discards_load;
    t_file = "discards.txt";
    T_RUN(test_load);
    T_RUN(test_match);
    T_RUN(test_errors);
    T_RUN(test_bundled);
    T_RUN(test_out_of_memory);
    return t_done();
}
