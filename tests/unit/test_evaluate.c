/* test_evaluate.c - scoring from raw text (src/nlp/evaluate.c): the span
 * alignment, the scores of hand-made documents, the rebuilding of gold
 * documents from CoNLL-U, and whole runs through the text front end with
 * a stand-in tagger/parser that copies the gold annotation (so that every
 * difference comes from segmentation) and with the bundled model. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "khabar.h"
#include "nlp/evaluate.h"
#include "t.h"

#define SAMPLE "tests/data/conllu/ewt-sample.conllu"

#define T_NEAR(a, b)                                                       \
    do {                                                                   \
        double a_ = (a), b_ = (b);                                         \
        t_checks++;                                                        \
        if (fabs(a_ - b_) > 1e-9)                                          \
            T_FAIL("%s == %.12g, expected %.12g", #a, a_, b_);             \
    } while (0)

/* A gold file that the front end segments exactly as written: two
 * documents, two paragraphs, a multiword token ("don't" = "do" "n't",
 * which the front end splits with a clitic). */
static const char PERFECT[] =
    "# newdoc id = d1\n"
    "# newpar id = d1-p1\n"
    "# sent_id = d1-1\n"
    "# text = Iraq condemned Iran.\n"
    "1\tIraq\tIraq\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tcondemned\tcondemn\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tIran\tIran\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# sent_id = d1-2\n"
    "# text = They don't agree.\n"
    "1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tagree\tagree\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# newpar id = d1-p2\n"
    "# sent_id = d1-3\n"
    "# text = The talks failed.\n"
    "1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n"
    "2\ttalks\ttalk\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n"
    "3\tfailed\tfail\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n"
    "\n"
    "# newdoc id = d2\n"
    "# sent_id = d2-1\n"
    "# text = Syria met Turkey in Ankara.\n"
    "1\tSyria\tSyria\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tTurkey\tTurkey\tPROPN\tNNP\t_\t2\tobj\t_\t_\n"
    "4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_\n"
    "5\tAnkara\tAnkara\tPROPN\tNNP\t_\t2\tobl\t_\tSpaceAfter=No\n"
    "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

/* Two differences from the front end: the gold splits "al-Ani" (the front
 * end keeps hyphenated words whole by default), and "I saw him" has no
 * final punctuation, so the front end runs it into "He left." (16 gold
 * words, 14 system words, 13 aligned; 4 gold sentences, 3 system, 2
 * aligned). "today" depends on "al", which the system does not have. */
static const char MISMATCH[] =
    "# newdoc id = m1\n"
    "# newpar id = m1-p1\n"
    "# sent_id = m1-1\n"
    "# text = Hello there.\n"
    "1\tHello\thello\tINTJ\tUH\t_\t0\troot\t_\t_\n"
    "2\tthere\tthere\tADV\tRB\t_\t1\tadvmod\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n"
    "\n"
    "# sent_id = m1-2\n"
    "# text = Iraq met al-Ani today.\n"
    "1\tIraq\tIraq\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
    "2\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\tal\tal\tPROPN\tNNP\t_\t2\tobj\t_\tSpaceAfter=No\n"
    "4\t-\t-\tPUNCT\tHYPH\t_\t5\tpunct\t_\tSpaceAfter=No\n"
    "5\tAni\tAni\tPROPN\tNNP\t_\t3\tflat\t_\t_\n"
    "6\ttoday\ttoday\tNOUN\tNN\t_\t3\tnmod:tmod\t_\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n"
    "# sent_id = m1-3\n"
    "# text = I saw him\n"
    "1\tI\tI\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_\n"
    "3\thim\the\tPRON\tPRP\t_\t2\tobj\t_\t_\n"
    "\n"
    "# sent_id = m1-4\n"
    "# text = He left.\n"
    "1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n"
    "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No\n"
    "3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n"
    "\n";

static char *write_temp(const char *name, const char *content)
{
    static char paths[4][128];
    static int next;
    char *p = paths[next++ % 4];
    snprintf(p, sizeof paths[0], "/tmp/kb_test_evaluate_%ld_%s.conllu",
             (long)getpid(), name);
    FILE *f = fopen(p, "wb");
    if (!f)
        return NULL;
    fputs(content, f);
    fclose(f);
    return p;
}

/* ---- alignment and F1 ---------------------------------------------------- */

static void test_align(void)
{
    /* gold "al" "-" "Ani" "left", system "al-Ani" "left" "x" */
    const kbi_span g[] = {{0, 2}, {2, 3}, {3, 6}, {7, 11}};
    const kbi_span s[] = {{0, 6}, {7, 11}, {12, 13}};
    int32_t map[3];
    T_EQ_INT(kbi_eval_align(g, 4, s, 3, map), 1);
    T_EQ_INT(map[0], -1);
    T_EQ_INT(map[1], 3);
    T_EQ_INT(map[2], -1);
    /* the reverse: system split, gold whole */
    int32_t map2[4];
    T_EQ_INT(kbi_eval_align(s, 3, g, 4, map2), 1);
    T_EQ_INT(map2[0], -1);
    T_EQ_INT(map2[1], -1);
    T_EQ_INT(map2[2], -1);
    T_EQ_INT(map2[3], 1);
    /* identical: everything aligned in order */
    T_EQ_INT(kbi_eval_align(g, 4, g, 4, map2), 4);
    for (int i = 0; i < 4; i++)
        T_EQ_INT(map2[i], i);
    /* same start, different end; empty spans; nothing at all */
    const kbi_span g2[] = {{0, 0}, {0, 4}, {5, 9}};
    const kbi_span s2[] = {{0, 4}, {5, 8}};
    T_EQ_INT(kbi_eval_align(g2, 3, s2, 2, map), 1);
    T_EQ_INT(map[0], 1);
    T_EQ_INT(map[1], -1);
    T_EQ_INT(kbi_eval_align(g2, 3, NULL, 0, NULL), 0);
    T_EQ_INT(kbi_eval_align(NULL, 0, s2, 2, map), 0);
    T_EQ_INT(map[0], -1);
    T_EQ_INT(map[1], -1);
}

static void test_f1(void)
{
    T_NEAR(kbi_eval_f1(3, 4, 4), 75.0);
    T_NEAR(kbi_eval_f1(2, 4, 2), 200.0 / 3); /* P 1, R 1/2 */
    T_NEAR(kbi_eval_f1(0, 5, 5), 0.0);
    T_NEAR(kbi_eval_f1(0, 0, 0), 0.0);
    T_NEAR(kbi_eval_f1(7, 7, 7), 100.0);
}

/* ---- scoring hand-made documents ----------------------------------------- */

static kbi_token tok(const char *upos, const char *xpos, int32_t head,
                     const char *deprel)
{
    kbi_token t;
    memset(&t, 0, sizeof t);
    t.upos = upos;
    t.xpos = xpos;
    t.head = head;
    t.deprel = deprel;
    return t;
}

static void test_score_doc(void)
{
    /* "al-Ani left home." gold: al - Ani left home .; system: al-Ani left
     * home . with "home" given the wrong XPOS and relation subtype, and
     * "." attached to "al-Ani" (no gold twin: wrong head). */
    kbi_span gw[] = {{0, 2}, {2, 3}, {3, 6}, {7, 11}, {12, 16}, {16, 17}};
    kbi_token ga[] = {
        tok("PROPN", "NNP", 3, "nsubj"), tok("PUNCT", "HYPH", 2, "punct"),
        tok("PROPN", "NNP", 0, "flat"),  tok("VERB", "VBD", -1, "root"),
        tok("ADV", "RB", 3, "obl:npmod"), tok("PUNCT", ".", 3, "punct")};
    kbi_span gs[] = {{0, 17}};
    kbi_eval_doc gold = {"al-Ani left home.", 17, gw, gw, gs, 6, 6, 1, ga};
    kbi_span sw[] = {{0, 6}, {7, 11}, {12, 16}, {16, 17}};
    kbi_token sa[] = {
        tok("PROPN", "NNP", 1, "nsubj"), tok("VERB", "VBD", -1, "root"),
        tok("ADV", "NN", 1, "obl"),      tok("PUNCT", ".", 0, "punct")};
    kbi_span ss[] = {{0, 17}};
    kbi_eval_doc sys = {NULL, 0, sw, sw, ss, 4, 4, 1, sa};
    kbi_eval_counts c;
    memset(&c, 0, sizeof c);
    T_EQ_INT(kbi_eval_score_doc(&gold, &sys, &c), KB_OK);
    T_EQ_INT(c.gold_words, 6);
    T_EQ_INT(c.sys_words, 4);
    T_EQ_INT(c.ok_words, 3);     /* left home . */
    T_EQ_INT(c.ok_toks, 3);
    T_EQ_INT(c.ok_sents, 1);
    T_EQ_INT(c.upos, 3);
    T_EQ_INT(c.xpos, 2);         /* home: NN for RB */
    T_EQ_INT(c.both, 2);
    T_EQ_INT(c.uas, 2);          /* left (root), home; not "." */
    T_EQ_INT(c.las, 2);          /* obl = obl:npmod on the universal part */
    T_NEAR(kbi_eval_f1(c.ok_words, c.gold_words, c.sys_words), 60.0);
    T_NEAR(kbi_eval_f1(c.uas, c.gold_words, c.sys_words), 40.0);
    /* counts add up; without annotation only the spans are scored */
    sys.ann = NULL;
    T_EQ_INT(kbi_eval_score_doc(&gold, &sys, &c), KB_OK);
    T_EQ_INT(c.gold_words, 12);
    T_EQ_INT(c.ok_words, 6);
    T_EQ_INT(c.upos, 3);
    /* perfect: a document against itself */
    memset(&c, 0, sizeof c);
    T_EQ_INT(kbi_eval_score_doc(&gold, &gold, &c), KB_OK);
    T_EQ_INT(c.ok_words, 6);
    T_EQ_INT(c.upos, 6);
    T_EQ_INT(c.xpos, 6);
    T_EQ_INT(c.uas, 6);
    T_EQ_INT(c.las, 6);
}

/* ---- gold documents ------------------------------------------------------- */

static void test_gold_read(void)
{
    const char *path = write_temp("perfect", PERFECT);
    T_OK(path != NULL);
    if (!path)
        return;
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_eval_gold g;
    kb_error e;
    T_EQ_INT(kbi_eval_gold_read(path, &a, NULL, &g, &e), KB_OK);
    T_EQ_INT(g.ndocs, 2);
    T_EQ_INT(g.sentences, 4);
    T_EQ_INT(g.not_found, 0);
    T_EQ_INT(g.mwt_unsplit, 0);
    const kbi_eval_doc *d = &g.docs[0];
    T_EQ_STR(d->text, "Iraq condemned Iran. They don't agree.\n\n"
                      "The talks failed.");
    T_EQ_INT(d->len, strlen(d->text));
    T_EQ_INT(d->nwords, 13);
    T_EQ_INT(d->ntoks, 12); /* "don't" is one token */
    T_EQ_INT(d->nsents, 3);
    /* "do" "n't" share the span of "don't" */
    T_EQ_INT(d->toks[5].start, 26);
    T_EQ_INT(d->toks[5].end, 31);
    T_EQ_INT(d->words[5].start, 26);
    T_EQ_INT(d->words[5].end, 28);
    T_EQ_INT(d->words[6].start, 28);
    T_EQ_INT(d->words[6].end, 31);
    T_EQ_INT(d->sents[1].start, 21);
    T_EQ_INT(d->sents[1].end, 38);
    /* heads are document word indexes */
    T_EQ_INT(d->ann[0].head, 1);
    T_EQ_INT(d->ann[1].head, -1);
    T_EQ_INT(d->ann[5].head, 7);
    T_EQ_STR(d->ann[5].upos, "AUX");
    T_EQ_INT(d->ann[12].head, 11);
    T_EQ_STR(g.docs[1].text, "Syria met Turkey in Ankara.");
    T_EQ_INT(g.docs[1].ann[4].head, 1);
    remove(path);

    /* no "# text": rebuilt from the forms and SpaceAfter=No */
    path = write_temp("notext", "1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t"
                                "SpaceAfter=No\n"
                                "2\t!\t!\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n"
                                "1\tBye\tbye\tINTJ\tUH\t_\t0\troot\t_\t_\n\n");
    kbi_arena_reset(&a);
    T_EQ_INT(kbi_eval_gold_read(path, &a, NULL, &g, &e), KB_OK);
    T_EQ_INT(g.ndocs, 1);
    T_EQ_STR(g.docs[0].text, "Hi! Bye");
    T_EQ_INT(g.docs[0].nsents, 2);
    T_EQ_INT(g.not_found, 0);
    remove(path);

    /* the EWT sample: every form found, multiword tokens spelled */
    kbi_arena_reset(&a);
    T_EQ_INT(kbi_eval_gold_read(SAMPLE, &a, NULL, &g, &e), KB_OK);
    T_EQ_INT(g.sentences, 43);
    T_EQ_INT(g.not_found, 0);
    T_EQ_INT(g.mwt_unsplit, 0);
    size_t words = 0;
    for (size_t k = 0; k < g.ndocs; k++)
        words += g.docs[k].nwords;
    T_EQ_INT(words, 942);
    T_EQ_INT(kbi_eval_gold_read("/nonexistent.conllu", &a, NULL, &g, &e),
             KB_ERR_IO);
    kbi_arena_free(&a);
}

/* ---- whole runs ----------------------------------------------------------- */

/* The stand-in analyser: each system word gets the annotation of the gold
 * word with its span, and the head the system word with the span of the
 * gold head (else the root); words without a gold twin get "X". */
typedef struct oracle {
    kbi_eval_gold g;
    size_t doc;  /* document being analysed, +1 */
    int calls;
} oracle;

static const kbi_span *find_span(const kbi_span *v, size_t n, kbi_span x)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].start == x.start && v[i].end == x.end)
            return &v[i];
    return NULL;
}

static kb_status oracle_analyse(void *user, const kbi_text_doc *doc,
                                int32_t i, kbi_arena *a, kbi_sentence *out)
{
    oracle *o = user;
    o->calls++;
    if (i == 0)
        o->doc++;
    const kbi_eval_doc *gd = &o->g.docs[o->doc - 1];
    const kbi_text_sentence *se = &doc->sents[i];
    memset(out, 0, sizeof *out);
    out->ntoks = se->n;
    out->toks = kbi_arena_alloc(a, (size_t)se->n * sizeof *out->toks);
    if (!out->toks)
        return KB_ERR_NOMEM;
    for (int32_t k = 0; k < se->n; k++) {
        const kbi_text_token *t = &doc->toks[se->first + k];
        kbi_token *x = &out->toks[k];
        kbi_span sp = {t->start, t->end};
        const kbi_span *gw = find_span(gd->words, gd->nwords, sp);
        x->form = t->form;
        x->head = -1;
        if (!gw) {
            x->upos = x->xpos = "X";
            x->deprel = "dep";
            continue;
        }
        const kbi_token *ga = &gd->ann[gw - gd->words];
        x->upos = ga->upos;
        x->xpos = ga->xpos;
        x->deprel = ga->deprel;
        if (ga->head < 0)
            continue;
        kbi_span hs = gd->words[ga->head];
        for (int32_t h = 0; h < se->n; h++) {
            const kbi_text_token *ht = &doc->toks[se->first + h];
            if (ht->start == hs.start && ht->end == hs.end)
                x->head = h;
        }
    }
    return KB_OK;
}

static int run_oracle(const char *path, kbi_arena *a, oracle *o,
                      kbi_eval_raw_result *r)
{
    kb_error e;
    memset(o, 0, sizeof *o);
    if (kbi_eval_gold_read(path, a, NULL, &o->g, &e) != KB_OK)
        return 0;
    kbi_eval_raw_config cfg = {NULL, oracle_analyse, o, NULL, NULL};
    return kbi_eval_conllu_raw(path, &cfg, NULL, r, &e) == KB_OK;
}

static void test_raw_perfect(void)
{
    const char *path = write_temp("perfect", PERFECT);
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    oracle o;
    kbi_eval_raw_result r;
    T_OK(path && run_oracle(path, &a, &o, &r));
    const kbi_eval_counts *c = &r.c;
    T_EQ_INT(r.docs, 2);
    T_EQ_INT(r.sentences, 4);
    T_OK(r.analysed);
    T_EQ_INT(o.calls, 4);
    T_EQ_INT(c->gold_words, 19);
    T_EQ_INT(c->sys_words, 19);
    T_EQ_INT(c->ok_words, 19);
    T_EQ_INT(c->gold_toks, 18);
    T_EQ_INT(c->sys_toks, 18);
    T_EQ_INT(c->ok_toks, 18);
    T_EQ_INT(c->gold_sents, 4);
    T_EQ_INT(c->sys_sents, 4);
    T_EQ_INT(c->ok_sents, 4);
    T_EQ_INT(c->upos, 19);
    T_EQ_INT(c->xpos, 19);
    T_EQ_INT(c->uas, 19);
    T_EQ_INT(c->las, 19);
    T_NEAR(kbi_eval_f1(c->las, c->gold_words, c->sys_words), 100.0);
    /* no analyser: segmentation only */
    kbi_eval_raw_config cfg = {NULL, NULL, NULL, NULL, NULL};
    kb_error e;
    T_EQ_INT(kbi_eval_conllu_raw(path, &cfg, NULL, &r, &e), KB_OK);
    T_OK(!r.analysed);
    T_EQ_INT(r.c.ok_words, 19);
    T_EQ_INT(r.c.upos, 0);
    T_EQ_INT(r.bytes, strlen("Iraq condemned Iran. They don't agree.\n\n"
                             "The talks failed.Syria met Turkey in Ankara."));
    T_EQ_INT(kbi_eval_conllu_raw("/nonexistent.conllu", &cfg, NULL, &r, &e),
             KB_ERR_IO);
    kbi_arena_free(&a);
    if (path)
        remove(path);
}

static void test_raw_mismatch(void)
{
    const char *path = write_temp("mismatch", MISMATCH);
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    oracle o;
    kbi_eval_raw_result r;
    T_OK(path && run_oracle(path, &a, &o, &r));
    const kbi_eval_counts *c = &r.c;
    T_EQ_INT(c->gold_words, 16);
    T_EQ_INT(c->sys_words, 14);
    T_EQ_INT(c->ok_words, 13);
    T_EQ_INT(c->gold_toks, 16);
    T_EQ_INT(c->sys_toks, 14);
    T_EQ_INT(c->ok_toks, 13);
    T_EQ_INT(c->gold_sents, 4);
    T_EQ_INT(c->sys_sents, 3);
    T_EQ_INT(c->ok_sents, 2);
    T_EQ_INT(c->upos, 13);
    T_EQ_INT(c->xpos, 13);
    /* "today" lost its head "al"; "saw" and "left" both roots */
    T_EQ_INT(c->uas, 12);
    T_EQ_INT(c->las, 12);
    T_NEAR(kbi_eval_f1(c->ok_toks, c->gold_toks, c->sys_toks), 2600.0 / 30);
    T_NEAR(kbi_eval_f1(c->ok_sents, c->gold_sents, c->sys_sents), 400.0 / 7);
    T_NEAR(kbi_eval_f1(c->upos, c->gold_words, c->sys_words), 2600.0 / 30);
    T_NEAR(kbi_eval_f1(c->uas, c->gold_words, c->sys_words), 80.0);
    /* EWT's hyphen rule gets the words right; the boundary stays missed */
    kbi_text_options opt = {KBI_TEXT_SPLIT_HYPHENS, 0, NULL};
    kbi_eval_raw_config cfg = {&opt, NULL, NULL, NULL, NULL};
    kb_error e;
    T_EQ_INT(kbi_eval_conllu_raw(path, &cfg, NULL, &r, &e), KB_OK);
    T_EQ_INT(r.c.ok_words, 16);
    T_EQ_INT(r.c.sys_words, 16);
    T_EQ_INT(r.c.ok_sents, 2);
    kbi_arena_free(&a);
    if (path)
        remove(path);
}

/* The public API with the bundled model. */
static void test_public(void)
{
    kb_model *m;
    kb_error e;
    T_EQ_INT(kb_model_load(NULL, &m, &e), KB_OK);
    if (!m)
        return;
    const char *path = write_temp("perfect", PERFECT);
    kb_eval ev;
    T_EQ_INT(kb_eval_conllu_raw(m, path, NULL, NULL, &ev, &e), KB_OK);
    T_OK(ev.raw);
    T_EQ_INT(ev.sentences, 4);
    T_NEAR(ev.tokens_f1, 100.0);
    T_NEAR(ev.words_f1, 100.0);
    T_NEAR(ev.sentences_f1, 100.0);
    /* the same words in the same sentences: the same tags and trees */
    T_NEAR(ev.raw_upos, ev.upos);
    T_NEAR(ev.raw_xpos, ev.xpos);
    T_NEAR(ev.raw_uas, ev.uas);
    T_NEAR(ev.raw_las, ev.las);
    T_OK(ev.upos > 50);
    remove(path);

    path = write_temp("mismatch", MISMATCH);
    T_EQ_INT(kb_eval_conllu_raw(m, path, NULL, NULL, &ev, &e), KB_OK);
    T_NEAR(ev.tokens_f1, 2600.0 / 30);
    T_NEAR(ev.words_f1, 2600.0 / 30);
    T_NEAR(ev.sentences_f1, 400.0 / 7);
    T_OK(ev.raw_upos <= ev.words_f1 && ev.raw_las <= ev.raw_uas);
    remove(path);

    /* kb_eval_conllu leaves the raw fields empty */
    T_EQ_INT(kb_eval_conllu(m, SAMPLE, NULL, NULL, &ev, &e), KB_OK);
    T_OK(!ev.raw && ev.tokens_f1 == 0);
    T_EQ_INT(kb_eval_conllu_raw(m, "/nonexistent.conllu", NULL, NULL, &ev,
                                &e), KB_ERR_IO);
    kb_model_free(m);
}

int main(void)
{
    T_RUN(test_align);
    T_RUN(test_f1);
    T_RUN(test_score_doc);
    T_RUN(test_gold_read);
    T_RUN(test_raw_perfect);
    T_RUN(test_raw_mismatch);
    T_RUN(test_public);
    return t_done();
}
