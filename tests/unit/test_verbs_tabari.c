/* test_verbs_tabari.c - the TABARI / PETRARCH-1 verb dictionary reader:
 * forms, multi-word verbs, blocks, synsets, patterns, and every error. */
#include <stdlib.h>
#include <string.h>

#include "dict/dict.h"
#include "dict/verbs_build.h"
#include "t.h"

typedef struct diags {
    int n;
    int line[32];
    int column[32];
    char msg[32][600];
} diags;

static void collect(void *user, const kb_error *e)
{
    diags *g = user;
    if (g->n < 32) {
        g->line[g->n] = e->line;
        g->column[g->n] = e->column;
        snprintf(g->msg[g->n], sizeof g->msg[0], "%s", e->message);
    }
    g->n++;
}

static kb_dict *load(const char *text, diags *g, int strict, kb_status *st)
{
    kb_dict *d = kbi_dict_new(NULL);
    d->diag.fn = collect;
    d->diag.user = g;
    d->strict = strict;
    kb_error err;
    memset(&err, 0, sizeof err);
    kbi_load L = {d, "test.verbs", &err};
    *st = kbi_verbs_tabari_load(&L, text, strlen(text));
    if (*st == KB_OK)
        *st = kbi_dict_finish(d);
    return d;
}

static const kbi_reading *plain(const kb_dict *d, const char *word)
{
    const kbi_vform *f = kbi_verbs_lookup(d, word);
    if (!f || f->nreadings == 0)
        return NULL;
    const kbi_reading *r = &d->verbs.readings[f->readings[f->nreadings - 1]];
    return r->nbefore + r->nafter == 0 ? r : NULL;
}

static void test_regular_forms(void)
{
    diags g = {0};
    kb_status st;
    kb_dict *d = load("--- DEPART [031] ---\nDEPART\n--- RAISE [---] ---\n"
                      "RAISE [081]\n",
                      &g, 0, &st);
    T_EQ_INT(st, KB_OK);
    T_EQ_INT(g.n, 0);
    T_OK(plain(d, "DEPART") != NULL);
    T_OK(plain(d, "DEPARTS") != NULL);
    T_OK(plain(d, "DEPARTED") != NULL);
    T_OK(plain(d, "DEPARTING") != NULL);
    T_OK(plain(d, "DEPARTES") == NULL); /* no ES after sibilants */
    T_OK(plain(d, "RAISED") != NULL);   /* E-final: +D */
    T_OK(plain(d, "RAISING") != NULL);  /* E dropped */
    T_OK(plain(d, "RAISEING") == NULL);
    T_EQ_STR(plain(d, "DEPARTED")->code, "031");
    T_EQ_STR(plain(d, "RAISES")->code, "081"); /* own code beats block */
    kb_dict_free(d);
}

static void test_listed_forms_and_multiword(void)
{
    diags g = {0};
    kb_status st;
    kb_dict *d = load(
        "--- BREAK [1717] ---\n"
        "BREAK { BROKE BROKEN  }\n"
        "+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}\n"
        "WIRE_+TAP [1711]\n"
        "- * OFF_ [195]\n",
        &g, 0, &st);
    T_EQ_INT(st, KB_OK);
    T_EQ_INT(g.n, 0);
    T_OK(plain(d, "BREAKS") == NULL); /* {} is exhaustive */
    T_OK(plain(d, "BROKE") != NULL);
    const kbi_vform *f = kbi_verbs_lookup(d, "BROKE");
    T_EQ_INT(f->nreadings, 2); /* BROKE_DOWN first, then plain BROKE */
    const kbi_reading *r = &d->verbs.readings[f->readings[0]];
    T_EQ_INT(r->nafter, 1);
    T_EQ_STR(r->after[0], "DOWN");
    f = kbi_verbs_lookup(d, "TAPS"); /* regular forms of the + word */
    T_OK(f != NULL);
    T_OK(kbi_verbs_lookup(d, "TAPPED") == NULL); /* no doubling */
    if (!f) {
        kb_dict_free(d);
        return;
    }
    r = &d->verbs.readings[f->readings[0]];
    T_EQ_INT(r->nbefore, 1);
    T_EQ_STR(r->before[0], "WIRE");
    T_EQ_STR(r->code, "1711");
    T_EQ_INT(d->verbs.nblocks, 1);
    T_EQ_STR(d->verbs.blocks[0].name, "BREAK");
    T_EQ_INT(d->verbs.blocks[0].npatterns, 1);
    kb_dict_free(d);
}

static void test_later_block_replaces(void)
{
    diags g = {0};
    kb_status st;
    kb_dict *d = load("--- SHOT [222] ---\nSHOT\n- * AT [111]\n"
                      "--- SHOT [223] ---\nSHOT\n- + WAS * DEAD IN $ [224]\n",
                      &g, 0, &st);
    T_EQ_INT(st, KB_OK);
    const kbi_reading *r = plain(d, "SHOT");
    T_OK(r != NULL);
    T_EQ_STR(r->code, "223");
    T_EQ_INT(d->verbs.blocks[r->block].npatterns, 1);
    T_EQ_INT(d->verbs.blocks[0].live, 0);
    kb_dict_free(d);
}

static void test_synsets_and_patterns(void)
{
    diags g = {0};
    kb_status st;
    kb_dict *d = load("&CURRENCY\n+DOLLARS\n+SWISS FRANC\n+YEN_\n"
                      "&PREP_\n+IN\n"
                      "--- ACCORD [---] ---\nACCORD\n"
                      "- SO IN_AND_*_OUT_AGAIN NOW [074]\n"
                      "- + KNOWN_ * IN_ $ [076]\n"
                      "- * &CURRENCY &PREP % ^ X [001]\n",
                      &g, 0, &st);
    T_EQ_INT(st, KB_OK);
    T_EQ_INT(g.n, 0);
    T_EQ_INT(d->verbs.nsynsets, 2);
    /* DOLLARS, DOLLARSES (sic), SWISS FRANC, SWISS FRANCS, YEN */
    T_EQ_INT(d->verbs.synsets[0].nmembers, 5);
    T_EQ_STR(d->verbs.members[1].words[0], "DOLLARSES");
    T_EQ_STR(d->verbs.members[3].words[1], "FRANCS");
    T_EQ_INT(d->verbs.synsets[1].nmembers, 1); /* label '_': no plurals */
    const kbi_pattern *p = &d->verbs.patterns[0];
    T_EQ_INT(p->nupper, 3); /* AND, IN, SO: nearest the verb first */
    T_EQ_STR(p->upper[0].word, "AND");
    T_EQ_INT(p->upper[0].adjacent, 1);
    T_EQ_STR(p->upper[2].word, "SO");
    T_EQ_INT(p->upper[2].adjacent, 0);
    T_EQ_INT(p->nlower, 3);
    T_EQ_INT(p->lower[0].adjacent, 1);
    T_EQ_STR(p->lower[1].word, "AGAIN");
    T_EQ_INT(p->lower[2].adjacent, 0);
    p = &d->verbs.patterns[1]; /* "_ " is an ordinary gap */
    T_EQ_INT(p->upper[0].adjacent, 0);
    T_EQ_INT(p->upper[1].kind, KBI_PEL_TARGET);
    T_EQ_INT(p->lower[1].kind, KBI_PEL_SOURCE);
    p = &d->verbs.patterns[2];
    T_EQ_INT(p->lower[0].kind, KBI_PEL_SYNSET);
    T_EQ_INT(p->lower[1].synset, 1);
    T_EQ_INT(p->lower[2].kind, KBI_PEL_COMPOUND);
    T_EQ_INT(p->lower[3].kind, KBI_PEL_SKIP);
    T_EQ_INT(p->lower[4].kind, KBI_PEL_TOKEN);
    kb_dict_free(d);
}

static void test_comments(void)
{
    diags g = {0};
    kb_status st;
    kb_dict *d = load("<!-- header\n  still comment -->\n"
                      "# a comment\n"
                      "--- ACT [100] --- # trailing\n"
                      "ACT <!-- inline -->\n"
                      "- * NOW [101] # pas 2003\n",
                      &g, 0, &st);
    T_EQ_INT(st, KB_OK);
    T_EQ_INT(g.n, 0);
    T_OK(plain(d, "ACTED") != NULL);
    T_EQ_INT(d->verbs.npatterns, 1);
    kb_dict_free(d);
}

/* Each malformed line: its line, column and what was expected. */
static void test_errors(void)
{
    static const struct {
        const char *text;
        int line, column;
        const char *msg;
    } cases[] = {
        {"ACT\n", 1, 1, "before any"},
        {"- * X [1]\n", 1, 1, "pattern before any"},
        {"--- A [12 ---\n", 1, 7, "expected ']'"},
        {"--- A [ ] ---\n", 1, 7, "expected a code"},
        {"--- A [1] ---\nA [2\n", 2, 3, "expected ']'"},
        {"--- A [1] ---\nA {AS\n", 2, 3, "expected '}'"},
        {"--- A [1] ---\nA\n- * X\n", 3, 6, "expected '[code]'"},
        {"--- A [1] ---\nA\n- X Y [2]\n", 3, 2, "exactly one '*'"},
        {"--- A [1] ---\nA\n- * X * [2]\n", 3, 7, "exactly one '*'"},
        {"--- A [1] ---\nA\n- * &NOPE [2]\n", 3, 5, "undefined synset"},
        {"--- A [1] ---\nA_+B_C\n", 2, 1, "first or last"},
        {"--- A [1] ---\nA_B\n", 2, 1, "'+' to mark"},
        {"--- A [1] ---\nA_+B {A_BS}\n", 2, 1, "does not fit"},
        {"&\n", 1, 1, "synset name"},
        {"&S\n+_\n", 2, 2, "expected a word"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        diags g = {0};
        kb_status st;
        kb_dict *d = load(cases[i].text, &g, 0, &st);
        T_EQ_INT(st, KB_OK);
        T_EQ_INT(g.n, 1);
        if (g.n >= 1) {
            T_EQ_INT(g.line[0], cases[i].line);
            T_EQ_INT(g.column[0], cases[i].column);
            if (!strstr(g.msg[0], cases[i].msg))
                T_FAIL("case %zu: message '%s' lacks '%s'", i, g.msg[0],
                       cases[i].msg);
        }
        kb_dict_free(d);
        /* strict mode stops at the same place */
        diags h = {0};
        d = load(cases[i].text, &h, 1, &st);
        T_EQ_INT(st, KB_ERR_SYNTAX);
        kb_dict_free(d);
    }
}

/* A malformed line does not lose its neighbours. */
static void test_error_keeps_neighbours(void)
{
    diags g = {0};
    kb_status st;
    kb_dict *d = load("--- A [1] ---\nA\n- * X [2\n- * Y [3]\n"
                      "--- B [4] ---\nB\n",
                      &g, 0, &st);
    T_EQ_INT(st, KB_OK);
    T_EQ_INT(g.n, 1);
    T_EQ_INT(d->verbs.npatterns, 1);
    T_OK(plain(d, "BS") != NULL);
    kb_dict_free(d);
}

static void test_validation_file(void)
{
    kb_dict_files files;
    memset(&files, 0, sizeof files);
    files.verbs = KB_DATADIR "/dict/PETR.Validate.verbs.txt";
    diags g = {0};
    kb_dict_options o = {0, collect, &g, NULL};
    kb_dict *d = NULL;
    kb_error err;
    T_EQ_INT(kb_dict_load(&files, &o, &d, &err), KB_OK);
    T_EQ_INT(g.n, 0);
    kb_dict_stats s;
    kb_dict_get_stats(d, &s);
    T_EQ_INT(s.verb_dialect, 1);
    T_EQ_INT(s.verb_blocks, 261);
    T_OK(plain(d, "STEOPPED") != NULL); /* listed typo */
    T_OK(plain(d, "STOPPED") == NULL);
    kb_dict_free(d);
}

int main(void)
{
    T_RUN(test_regular_forms);
    T_RUN(test_listed_forms_and_multiword);
    T_RUN(test_later_block_replaces);
    T_RUN(test_synsets_and_patterns);
    T_RUN(test_comments);
    T_RUN(test_errors);
    T_RUN(test_error_keeps_neighbours);
    T_RUN(test_validation_file);
    return t_done();
}
