/* test_parser.c - the dependency parser (src/nlp/parser*.c): the arc-eager
 * transition system and its dynamic oracle on hand-made projective and
 * non-projective trees, a small training run that learns its sample back,
 * damaged parser sections refused at load, and sentences of length 0, 1
 * and 1500. */
#include <stdlib.h>
#include <unistd.h>

#include "t.h"
#include "nlp/conllu.h"
#include "nlp/parser.h"
#include "nlp/parser_feat.h"

#define SAMPLE "tests/data/conllu/ewt-sample.conllu"

static char path[256];
static kbi_arena A;
static kbi_conllu_sent *S;
static size_t NS;

/* A sentence from "form XPOS head deprel" items, heads 1-based, 0 root. */
static kbi_sentence make(const char *const *items, int n)
{
    kbi_sentence s;
    memset(&s, 0, sizeof s);
    s.toks = kbi_arena_alloc(&A, (size_t)(n ? n : 1) * sizeof *s.toks);
    s.ntoks = n;
    for (int i = 0; i < n; i++) {
        char buf[128];
        snprintf(buf, sizeof buf, "%s", items[i]);
        char *f = strtok(buf, " "), *x = strtok(NULL, " ");
        char *h = strtok(NULL, " "), *d = strtok(NULL, " ");
        kbi_token *t = &s.toks[i];
        t->form = t->upper = kbi_arena_strdup(&A, f);
        t->xpos = kbi_arena_strdup(&A, x);
        t->head = h ? atoi(h) - 1 : -1;
        t->deprel = d ? kbi_arena_strdup(&A, d) : NULL;
    }
    return s;
}

static const char *const PROJ[] = {
    "The DT 2 det",      "cat NN 3 nsubj", "sat VBD 0 root",
    "on IN 6 case",      "the DT 6 det",   "mat NN 3 obl",
    "today NN 3 obl:tmod", ". . 3 punct"};

/* "A hearing is scheduled on the issue today": the classic non-projective
 * example (McDonald et al. 2005), hearing -> issue crosses is, scheduled. */
static const char *const NONPROJ[] = {
    "A DT 2 det",           "hearing NN 4 nsubj:pass", "is VBZ 4 aux:pass",
    "scheduled VBN 0 root", "on IN 7 case",            "the DT 7 det",
    "issue NN 2 nmod",      "today NN 4 obl:tmod",     ". . 4 punct"};

static void test_oracle_projective(void)
{
    kbi_sentence s = make(PROJ, 8);
    int32_t head[8];
    const char *rel[8];
    int lifted, cost;
    T_EQ_INT(kbi_parser_oracle_run(&s, 1, 0, head, rel, &lifted, &cost), 1);
    T_EQ_INT(lifted, 0);
    T_EQ_INT(cost, 0);
    for (int i = 0; i < 8; i++) {
        T_EQ_INT(head[i], s.toks[i].head);
        T_EQ_STR(rel[i], s.toks[i].deprel);
    }
    /* after random (often wrong) moves the oracle loses exactly the arcs
     * it said those moves cost: the costs are exact */
    int costly = 0;
    for (unsigned long seed = 1; seed <= 200; seed++) {
        int nr = (int)(seed % 12);
        T_EQ_INT(kbi_parser_oracle_run(&s, seed, nr, head, rel, &lifted,
                                       &cost), 1);
        int wrong = 0;
        for (int i = 0; i < 8; i++)
            wrong += head[i] != s.toks[i].head ||
                     strcmp(rel[i], s.toks[i].deprel) != 0;
        costly += cost > 0;
        if (wrong != cost) {
            T_FAIL("seed %lu: %d wrong arcs, oracle cost %d", seed, wrong,
                   cost);
            break;
        }
    }
    T_OK(costly > 50); /* the random moves did go wrong */
}

static void test_oracle_nonprojective(void)
{
    kbi_sentence s = make(NONPROJ, 9);
    int32_t head[9];
    const char *rel[9];
    int lifted, cost;
    T_EQ_INT(kbi_parser_oracle_run(&s, 1, 0, head, rel, &lifted, &cost), 1);
    T_EQ_INT(lifted, 1); /* counted, not dropped */
    T_EQ_INT(cost, 0);
    /* "issue" is lifted from "hearing" to its head "scheduled"; every
     * other arc and every relation is reproduced */
    for (int i = 0; i < 9; i++) {
        T_EQ_INT(head[i], i == 6 ? 3 : s.toks[i].head);
        T_EQ_STR(rel[i], s.toks[i].deprel);
    }
    /* an invalid tree (a cycle) is refused */
    static const char *const CYCLE[] = {"a DT 2 det", "b NN 1 dep",
                                        "c VB 0 root"};
    kbi_sentence c = make(CYCLE, 3);
    T_EQ_INT(kbi_parser_oracle_run(&c, 1, 0, head, rel, &lifted, &cost), 0);
}

static kbi_sentence *sample_sentences(void)
{
    kbi_sentence *s = malloc(NS * sizeof *s);
    for (size_t i = 0; i < NS; i++)
        s[i] = S[i].s;
    return s;
}

static kb_status train_to(const char *out, int epochs, FILE *log)
{
    kbi_sentence *s = sample_sentences();
    kbi_parser_options o;
    kbi_parser_options_init(&o);
    o.epochs = epochs;
    o.min_updates = 1;
    kbi_model_writer *w = kbi_model_writer_new();
    kb_status st = kbi_parser_train(s, NS, s, 5, &o, w, log);
    kb_error e;
    if (st == KB_OK)
        st = kbi_model_writer_save(w, out, &e);
    kbi_model_writer_free(w);
    free(s);
    return st;
}

/* Every token has a head in range, exactly one is the root, no cycles. */
static int well_formed(const kbi_sentence *s)
{
    int roots = 0;
    for (int32_t i = 0; i < s->ntoks; i++) {
        int32_t h = s->toks[i].head;
        if (h < -1 || h >= s->ntoks || h == i || !s->toks[i].deprel)
            return 0;
        roots += h == -1;
        int32_t k = i, steps = 0;
        while (k != -1 && steps++ <= s->ntoks)
            k = s->toks[k].head;
        if (k != -1)
            return 0;
    }
    return s->ntoks == 0 || roots == 1;
}

static void test_train_and_parse(void)
{
    char logbuf[8192] = "";
    FILE *log = fmemopen(logbuf, sizeof logbuf - 1, "w");
    T_EQ_INT(train_to(path, 12, log), KB_OK);
    if (log)
        fclose(log);
    /* the log says how non-projective trees were handled */
    T_OK(strstr(logbuf, "non-projective sentences kept") != NULL);
    kbi_model *m;
    kbi_parser *p;
    kb_error e;
    T_EQ_INT(kbi_model_open(path, &m, &e), KB_OK);
    T_EQ_INT(kbi_parser_load(m, &p, &e), KB_OK);
    size_t tok = 0, uas = 0, las = 0;
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    for (size_t i = 0; i < NS; i++) {
        kbi_sentence s = S[i].s;
        kbi_token *copy = kbi_arena_alloc(&a, (size_t)s.ntoks * sizeof *copy);
        memcpy(copy, s.toks, (size_t)s.ntoks * sizeof *copy);
        s.toks = copy;
        for (int32_t k = 0; k < s.ntoks; k++) {
            copy[k].head = -7;
            copy[k].deprel = NULL;
        }
        kbi_parser_parse(p, &s, &a);
        T_OK(well_formed(&s));
        for (int32_t k = 0; k < s.ntoks; k++) {
            const kbi_token *g = &S[i].s.toks[k];
            tok++;
            if (copy[k].head == g->head) {
                uas++;
                las += strcmp(copy[k].deprel, g->deprel) == 0;
            }
        }
    }
    /* the perceptron learns its small training set almost by heart */
    T_OK(tok > 500);
    T_OK(uas * 100 >= tok * 95);
    T_OK(las * 100 >= tok * 93);
    kbi_arena_free(&a);
    kbi_parser_free(p);
    kbi_model_close(m);
}

static void test_deterministic(void)
{
    char p2[300];
    snprintf(p2, sizeof p2, "%s.2", path);
    T_EQ_INT(train_to(p2, 3, NULL), KB_OK);
    char p3[300];
    snprintf(p3, sizeof p3, "%s.3", path);
    T_EQ_INT(train_to(p3, 3, NULL), KB_OK);
    FILE *a = fopen(p2, "rb"), *b = fopen(p3, "rb");
    T_OK(a && b);
    if (a && b) {
        int ca, cb, same = 1;
        do {
            ca = fgetc(a);
            cb = fgetc(b);
            same &= ca == cb;
        } while (ca != EOF && cb != EOF);
        T_OK(same);
    }
    if (a)
        fclose(a);
    if (b)
        fclose(b);
    remove(p2);
    remove(p3);
    /* nothing to learn from */
    kbi_parser_options o;
    kbi_parser_options_init(&o);
    kbi_model_writer *w = kbi_model_writer_new();
    T_OK(kbi_parser_train(NULL, 0, NULL, 0, &o, w, NULL) != KB_OK);
    kbi_model_writer_free(w);
}

static void test_lengths(void)
{
    kbi_model *m;
    kbi_parser *p;
    kb_error e;
    T_EQ_INT(kbi_model_open(path, &m, &e), KB_OK);
    T_EQ_INT(kbi_parser_load(m, &p, &e), KB_OK);
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_sentence s;
    memset(&s, 0, sizeof s);
    kbi_parser_parse(p, &s, &a); /* 0 tokens: nothing to do */
    T_EQ_INT(s.ntoks, 0);
    static const char *const ONE[] = {"Yes UH"};
    s = make(ONE, 1);
    kbi_parser_parse(p, &s, &a);
    T_EQ_INT(s.toks[0].head, -1);
    T_EQ_STR(s.toks[0].deprel, "root");
    /* 1500 tokens: words of the sample, unknown words and no tags */
    int n = 1500;
    s.toks = kbi_arena_alloc(&a, (size_t)n * sizeof *s.toks);
    s.ntoks = n;
    for (int i = 0; i < n; i++) {
        const kbi_token *src = &S[(size_t)i % NS].s.toks[i % 7 %
                                                          S[(size_t)i % NS]
                                                              .s.ntoks];
        s.toks[i] = *src;
        if (i % 5 == 0) {
            s.toks[i].form = s.toks[i].upper = "QWERTYZ";
            s.toks[i].xpos = NULL;
        }
    }
    kbi_parser_parse(p, &s, &a);
    T_OK(well_formed(&s));
    kbi_arena_free(&a);
    kbi_parser_free(p);
    kbi_model_close(m);
}

/* Loads the parser from a copy of the trained model whose section `name`
 * was changed by f (size may be cut by f returning a smaller size). */
static kb_status load_changed(const char *name,
                              size_t (*f)(unsigned char *, size_t),
                              kb_error *e)
{
    static const char *const secs[] = {
        KBI_PARSER_SEC_META, KBI_PARSER_SEC_LABELS, KBI_PARSER_SEC_SLOTS,
        KBI_PARSER_SEC_WEIGHTS};
    kbi_model *m;
    kb_error e0;
    if (kbi_model_open(path, &m, &e0) != KB_OK)
        return KB_ERR_IO;
    kbi_model_writer *w = kbi_model_writer_new();
    for (int i = 0; i < 4; i++) {
        size_t n;
        const void *d = kbi_model_section(m, secs[i], &n);
        unsigned char *c = malloc(n + 1);
        memcpy(c, d, n);
        if (strcmp(secs[i], name) == 0)
            n = f(c, n);
        if (n != (size_t)-1)
            kbi_model_writer_add(w, secs[i], c, n);
        free(c);
    }
    kbi_model_close(m);
    char p2[300];
    snprintf(p2, sizeof p2, "%s.bad", path);
    kb_status st = kbi_model_writer_save(w, p2, e);
    kbi_model_writer_free(w);
    if (st != KB_OK)
        return st;
    st = kbi_model_open(p2, &m, e);
    if (st == KB_OK) {
        kbi_parser *p = NULL;
        st = kbi_parser_load(m, &p, e);
        if (st == KB_OK) { /* loadable: parsing must still be safe */
            kbi_arena a;
            kbi_arena_init(&a, NULL);
            for (size_t i = 0; i < NS; i++) {
                kbi_sentence s = S[i].s;
                kbi_token *copy =
                    kbi_arena_alloc(&a, (size_t)s.ntoks * sizeof *copy);
                memcpy(copy, s.toks, (size_t)s.ntoks * sizeof *copy);
                s.toks = copy;
                kbi_parser_parse(p, &s, &a);
                T_OK(well_formed(&s));
            }
            kbi_arena_free(&a);
            kbi_parser_free(p);
        }
        kbi_model_close(m);
    }
    remove(p2);
    return st;
}

static size_t cut_half(unsigned char *p, size_t n)
{
    (void)p;
    return n / 2;
}
static size_t drop(unsigned char *p, size_t n)
{
    (void)p;
    (void)n;
    return (size_t)-1;
}
static size_t bad_magic(unsigned char *p, size_t n)
{
    p[0] ^= 0x55;
    return n;
}
static size_t many_labels(unsigned char *p, size_t n)
{
    kbi_parser_meta mt;
    memcpy(&mt, p, sizeof mt);
    mt.nlabels = 200;
    mt.nclasses = 402;
    memcpy(p, &mt, sizeof mt);
    return n;
}
static size_t unterminated(unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] == 0)
            p[i] = 'x';
    return n;
}
static size_t garbage(unsigned char *p, size_t n)
{
    /* every slot taken, offsets and classes wild: load accepts it (it is
     * not scanned), parsing stays in bounds */
    for (size_t i = 0; i < n; i++)
        p[i] = (unsigned char)(i * 131 + 7);
    return n;
}

/* The repairs of src/nlp/repair.c on the parses the greedy parser gave
 * news sentences. */
static void test_repair(void)
{
    /* "A gunship attacked positions after tanks reinforced the siege":
     * the main verb read as a participle of its subject */
    static const char *const GUNSHIP[] = {
        "A DT 2 det",          "gunship NN 8 nsubj",
        "attacked VBN 2 acl",  "positions NNS 3 obj",
        "after IN 8 mark",     "tanks NNS 8 nsubj",
        "x , 8 punct",         "reinforced VBD 0 root",
        "the DT 10 det",       "siege NN 8 obj",
        ". . 8 punct"};
    kbi_sentence s = make(GUNSHIP, 11);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[2].head, -1);
    T_EQ_STR(s.toks[2].xpos, "VBD");
    T_EQ_INT(s.toks[1].head, 2);
    T_EQ_STR(s.toks[1].deprel, "nsubj");
    T_EQ_INT(s.toks[7].head, 2);
    T_EQ_STR(s.toks[7].deprel, "advcl");
    T_EQ_INT(s.toks[5].head, 7); /* "tanks" stays the subject of its clause */
    T_EQ_INT(s.toks[10].head, 2); /* the final period goes to the root */

    /* "The army demolished houses, sources and witnesses said" */
    static const char *const REPORT[] = {
        "The DT 2 det",          "army NN 9 nsubj",
        "demolished VBN 2 acl",  "houses NNS 3 obj",
        ", , 6 punct",           "sources NNS 3 conj",
        "and CC 8 cc",           "witnesses NNS 6 conj",
        "said VBD 0 root",       ". . 9 punct"};
    s = make(REPORT, 10);
    s.toks[8].upper = "SAID"; /* make() leaves words as written */
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[2].head, -1);
    T_EQ_INT(s.toks[1].head, 2);
    T_EQ_INT(s.toks[8].head, 2);
    T_EQ_STR(s.toks[8].deprel, "parataxis");
    T_EQ_INT(s.toks[5].head, 8);
    T_EQ_STR(s.toks[5].deprel, "nsubj");

    /* a real reduced relative (no object) is left alone: "Three
     * fugitives convicted of fraud escaped" */
    static const char *const RELATIVE[] = {
        "Three CD 2 nummod",     "fugitives NNS 6 nsubj",
        "convicted VBN 2 acl",   "of IN 5 case",
        "fraud NN 3 obl",        "escaped VBD 0 root",
        ". . 6 punct"};
    s = make(RELATIVE, 7);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[5].head, -1);
    T_EQ_INT(s.toks[2].head, 1);
    T_EQ_STR(s.toks[2].deprel, "acl");

    /* "violence which erupted after France destroyed the air force": a
     * subordinator read as a preposition */
    static const char *const AFTER[] = {
        "violence NN 0 root",  "which WDT 3 nsubj",
        "erupted VBD 1 acl:relcl", "AFTER IN 5 case",
        "France NNP 3 obl",    "destroyed VBD 1 conj",
        "the DT 8 det",        "force NN 6 obj"};
    s = make(AFTER, 8);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[4].head, 5);
    T_EQ_STR(s.toks[4].deprel, "nsubj");
    T_EQ_INT(s.toks[3].head, 5);
    T_EQ_STR(s.toks[3].deprel, "mark");
    T_EQ_INT(s.toks[5].head, 2);
    T_EQ_STR(s.toks[5].deprel, "advcl");

    /* "declared an emergency as US forces prepared for an assault": the
     * verb taken into the noun's phrase as a participle */
    static const char *const AS[] = {
        "declared VBD 0 root", "emergency NN 1 obj",
        "AS IN 4 case",        "forces NNS 1 obl",
        "prepared VBN 4 acl",  "for IN 7 case",
        "assault NN 5 obl"};
    s = make(AS, 7);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[3].head, 4);
    T_EQ_STR(s.toks[3].deprel, "nsubj");
    T_EQ_INT(s.toks[4].head, 0);
    T_EQ_STR(s.toks[4].deprel, "advcl");
    T_EQ_STR(s.toks[4].xpos, "VBD");

    /* "celebrated Eid at Osgiliath with Gondor": the with-phrase goes to
     * the verb */
    static const char *const WITH[] = {
        "celebrated VBD 0 root", "Eid NNP 1 obj",  "at IN 4 case",
        "Osgiliath NNP 1 obl",   "WITH IN 6 case", "Gondor NNP 4 nmod"};
    s = make(WITH, 6);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[5].head, 0);
    T_EQ_STR(s.toks[5].deprel, "obl");
    /* ... not after a common noun ("talks with Gondor") */
    static const char *const TALKS[] = {
        "held VBD 0 root", "talks NNS 1 obj", "WITH IN 4 case",
        "Gondor NNP 2 nmod"};
    s = make(TALKS, 4);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[3].head, 1);

    /* "condemned an attack and promised aid": a coordinated verb read as
     * an adjective */
    static const char *const PROMISED[] = {
        "condemned VBD 0 root", "an DT 3 det",      "attack NN 1 obj",
        "and CC 5 cc",          "promised VBN 6 amod", "aid NN 1 obl"};
    s = make(PROMISED, 6);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[4].head, 0);
    T_EQ_STR(s.toks[4].deprel, "conj");
    T_EQ_INT(s.toks[5].head, 4);
    T_EQ_STR(s.toks[5].deprel, "obj");

    /* "Osgiliath welcomed the talks": a name read as an adverb; "Also
     * welcomed ..." is left alone */
    static const char *const NAME[] = {
        "Osgiliath RB 2 advmod", "welcomed VBD 0 root", "talks NNS 2 obj"};
    s = make(NAME, 3);
    kbi_parser_repair_root(&s);
    T_EQ_STR(s.toks[0].xpos, "NNP");
    T_EQ_STR(s.toks[0].deprel, "nsubj");
    s = make(NAME, 3);
    s.toks[0].form = "Also";
    s.toks[0].upper = "ALSO";
    kbi_parser_repair_root(&s);
    T_EQ_STR(s.toks[0].xpos, "RB");

    /* "Mordor, the Shire, Fornost and Bree welcomed": one list of
     * subjects */
    static const char *const LIST[] = {
        "Mordor NNP 9 nsubj", ", , 1 punct",       "the DT 4 det",
        "Shire NNP 9 nsubj",  ", , 6 punct",       "Fornost NNP 4 appos",
        "AND CC 8 cc",        "Bree NNP 4 conj",   "welcomed VBD 0 root"};
    s = make(LIST, 9);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[3].head, 0);
    T_EQ_STR(s.toks[3].deprel, "conj");
    T_EQ_INT(s.toks[5].head, 0);
    T_EQ_STR(s.toks[5].deprel, "conj");
    T_EQ_INT(s.toks[7].head, 0);

    /* "New Zealand Prime Minister Jacinda Ardern arrived": a name
     * right before the second subject's phrase opens it */
    static const char *const NAMESUBJ[] = {
        "New NNP 2 amod",         "Zealand NNP 7 nsubj",
        "Prime NNP 4 amod",       "Minister NNP 5 nmod:desc",
        "Jacinda NNP 7 nsubj",    "Ardern NNP 5 flat",
        "arrived VBD 0 root",     ". . 7 punct"};
    s = make(NAMESUBJ, 8);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[1].head, 4);
    T_EQ_STR(s.toks[1].deprel, "compound");
    T_EQ_INT(s.toks[4].head, 6);
    T_EQ_STR(s.toks[4].deprel, "nsubj");
    /* ... as does a common noun before a proper one ("Turkish Vice |
     * President Fuat Oktay met") */
    static const char *const VICE[] = {
        "Turkish JJ 2 amod",         "Vice NN 6 nsubj",
        "President NNP 4 nmod:desc", "Fuat NNP 6 nsubj",
        "Oktay NNP 4 flat",          "met VBD 0 root"};
    s = make(VICE, 6);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[1].head, 3);
    T_EQ_STR(s.toks[1].deprel, "compound");
    /* ... but not after a comma that closes the first name's phrase */
    static const char *const COMMA[] = {
        "Mordor NNP 4 nsubj", ", , 1 punct", "the DT 4 det",
        "Shire NNP 5 nsubj",  "welcomed VBD 0 root"};
    s = make(COMMA, 5);
    kbi_parser_repair_root(&s);
    T_OK(strcmp(s.toks[0].deprel, "compound") != 0);

    /* "Secretary of State Mike Pompeo arrived": two subjects with only
     * "of" between them are one name */
    static const char *const OFSPLIT[] = {
        "Secretary NNP 6 nsubj", "OF IN 6 mark",    "State NNP 4 compound",
        "Mike NNP 6 nsubj",      "Pompeo NNP 4 flat", "arrived VBD 0 root"};
    s = make(OFSPLIT, 6);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[3].head, 0);
    T_EQ_STR(s.toks[3].deprel, "nmod");
    T_EQ_INT(s.toks[1].head, 3);
    T_EQ_STR(s.toks[1].deprel, "case");

    /* "Secretary of State Antony Blinken": the name's last part hung on
     * "Secretary" goes to "Antony" */
    static const char *const FLAT[] = {
        "Secretary NNP 6 nsubj", "of IN 4 case",      "State NNP 4 compound",
        "Antony NNP 1 nmod",     "Blinken NNP 1 flat", "arrived VBD 0 root"};
    s = make(FLAT, 6);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[4].head, 3);
    /* "The Prime Minister of the Region, Masrour Barzani, arrived": the
     * surname hung on "Minister" as a bare nmod goes to the first name
     * in apposition */
    static const char *const BARE[] = {
        "The DT 2 det",         "Minister NNP 10 nsubj", "of IN 5 case",
        "the DT 5 det",         "Region NNP 2 nmod",     "x , 7 punct",
        "Masrour NNP 5 appos",  "Barzani NNP 2 nmod",    "x , 2 punct",
        "arrived VBD 0 root"};
    s = make(BARE, 10);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[7].head, 6);
    T_EQ_STR(s.toks[7].deprel, "flat");
    /* ... but not one after a word that is no name in apposition (the
     * treebank's "the Minister Kurdistan Region" kinds stay) */
    static const char *const NOT_APPOS[] = {
        "The DT 2 det",            "Minister NNP 5 nsubj",
        "Kurdistan NNP 4 compound", "Region NNP 2 nmod",
        "arrived VBD 0 root"};
    s = make(NOT_APPOS, 5);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[3].head, 1);
    T_EQ_STR(s.toks[3].deprel, "nmod");

    /* "Iraqi Prime Minister Mustafa al-Kadhimi met": a capitalised
     * adjective hung on the verb as an adverb goes to the title */
    static const char *const ADV[] = {
        "Iraqi JJ 6 advmod",      "Prime JJ 3 amod",
        "Minister NNP 4 nmod:desc", "Mustafa NNP 6 nsubj",
        "al-Kadhimi NNP 4 flat",  "met VBD 0 root",
        "Safadi NNP 6 obj"};
    s = make(ADV, 7);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[0].head, 2);
    T_EQ_STR(s.toks[0].deprel, "amod");
    /* ... and one hung on it as an oblique ("Iraqi Prime Minister Adil
     * Abdul-Mahdi spoke") */
    static const char *const OBL[] = {
        "Iraqi JJ 6 obl",         "Prime JJ 3 amod",
        "Minister NNP 4 nmod:desc", "Adil NNP 6 nsubj",
        "Abdul-Mahdi NNP 4 flat", "spoke VBD 0 root"};
    s = make(OBL, 6);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[0].head, 2);
    T_EQ_STR(s.toks[0].deprel, "amod");
    /* ... or as an adjective of the verb ("Iranian President Ebrahim
     * Raisi spoke" with "Iranian" an amod of "spoke") */
    static const char *const ADJ_OF_VERB[] = {
        "Iranian JJ 5 amod",      "President NNP 3 nmod:desc",
        "Ebrahim NNP 5 nsubj",    "Raisi NNP 3 flat",
        "spoke VBD 0 root"};
    s = make(ADJ_OF_VERB, 5);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[0].head, 1);
    /* ... a lower-case adverb stays ("Only Prime Minister X met") */
    static const char *const LOWER[] = {
        "only JJ 5 advmod", "Prime JJ 3 amod", "Minister NNP 4 nmod:desc",
        "Mustafa NNP 5 nsubj", "met VBD 0 root"};
    s = make(LOWER, 5);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[0].head, 4);
    T_EQ_STR(s.toks[0].deprel, "advmod");

    /* "Ukrainian President Volodymyr Zelensky spoke": a demonym root
     * with the verb as its complement gives the root to the verb */
    static const char *const DEMONYM[] = {
        "Ukrainian JJ 0 root",       "President NNP 3 nmod:desc",
        "Volodymyr NNP 5 nsubj",     "Zelensky NNP 3 flat",
        "spoke VBD 1 ccomp",         ". . 1 punct"};
    s = make(DEMONYM, 6);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[4].head, -1);
    T_EQ_STR(s.toks[4].deprel, "root");
    T_EQ_STR(s.toks[0].deprel, "amod");
    /* ... not "Glad you came": no name after the adjective */
    static const char *const GLAD[] = {
        "Glad JJ 0 root", "you PRP 3 nsubj", "came VBD 1 ccomp"};
    s = make(GLAD, 3);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[0].head, -1);

    /* "Lions, tigers, and Gondor welcomed": the noun root is the
     * subject list of the verb */
    static const char *const ROOTLIST[] = {
        "Lions NNS 0 root",   ", , 3 punct",  "tigers NNS 1 conj",
        ", , 7 punct",        "AND CC 7 cc",  "Gondor NNP 7 nsubj",
        "welcomed VBD 1 conj", "talks NNS 7 obj"};
    s = make(ROOTLIST, 8);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[6].head, -1);
    T_EQ_INT(s.toks[0].head, 6);
    T_EQ_STR(s.toks[0].deprel, "nsubj");
    T_EQ_INT(s.toks[5].head, 0);
    T_EQ_STR(s.toks[5].deprel, "conj");

    /* "appealed for peace in Ithilen state-run television": the name
     * opens the noun phrase cut off from it */
    static const char *const SPLIT[] = {
        "appealed VBD 0 root", "for IN 3 case",      "peace NN 1 obl",
        "in IN 5 case",        "Ithilen NNP 3 nmod", "state-run JJ 7 amod",
        "television NN 1 obj"};
    s = make(SPLIT, 7);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[6].head, 2);
    T_EQ_STR(s.toks[6].deprel, "nmod");
    T_EQ_INT(s.toks[4].head, 6);
    T_EQ_STR(s.toks[4].deprel, "compound");
    T_EQ_INT(s.toks[3].head, 6);

    /* "condemned an attack and promised raids": a noun left as dep of the
     * first verb is the object of the verb right before it */
    static const char *const DEP[] = {
        "condemned VBD 0 root", "attack NN 1 obj", "and CC 4 cc",
        "promised VBN 1 conj",  "raids NNS 1 dep"};
    s = make(DEP, 5);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[4].head, 3);
    T_EQ_STR(s.toks[4].deprel, "obj");

    /* "met Egyptian Foreign Minister Sameh Shoukry on Monday": a name
     * made the subject of a noun without a copula is the object of the
     * verb right before its phrase; a noun with a copula keeps it */
    static const char *const STRAY[] = {
        "Blinken NNP 2 nsubj",   "met VBD 0 root",
        "Egyptian NNP 5 amod",   "Foreign NNP 5 amod",
        "Minister NNP 6 nmod:desc", "Sameh NNP 9 nsubj",
        "Shoukry NNP 6 flat",    "on IN 9 case",
        "Monday NNP 2 obl",      ". . 2 punct"};
    s = make(STRAY, 10);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[5].head, 1);
    T_EQ_STR(s.toks[5].deprel, "obj");
    static const char *const COPULA[] = {
        "Officials NNS 2 nsubj", "said VBD 0 root",
        "Shoukry NNP 5 nsubj",   "was VBD 5 cop",
        "minister NN 2 ccomp"};
    s = make(COPULA, 5);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[2].head, 4);
    T_EQ_STR(s.toks[2].deprel, "nsubj");

    /* a sentence the tagger gave no verb: "the new mayor left yesterday" */
    static const char *const NOVERB[] = {
        "the DT 0 root", "new JJ 0 root", "mayor NN 0 root",
        "LEFT JJ 0 root", "yesterday NN 0 root"};
    s = make(NOVERB, 5);
    kbi_tags_repair(&s);
    T_EQ_STR(s.toks[3].xpos, "VBD");
    /* ... a sentence with a verb is left alone */
    s = make(NOVERB, 5);
    s.toks[4].xpos = "VBD";
    kbi_tags_repair(&s);
    T_EQ_STR(s.toks[3].xpos, "JJ");

    /* ... but not when the verb has a subject: "the man who died after a
     * confrontation with police has demanded" */
    static const char *const OWN[] = {
        "family NN 6 nsubj",   "AFTER IN 3 case",
        "confrontation NN 1 nmod", "has VBZ 6 aux",
        "x , 6 punct",         "demanded VBN 0 root"};
    s = make(OWN, 6);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[2].head, 0);
    T_EQ_STR(s.toks[1].deprel, "case");

    /* "resigned, a day after the community imposed fresh sanctions": the
     * verb read as an adjective of its object */
    static const char *const AMOD[] = {
        "Mikerevic NNP 2 nsubj", "resigned VBD 0 root", "x , 5 punct",
        "a DT 5 det",            "day NN 2 obl:unmarked", "AFTER IN 8 case",
        "the DT 8 det",          "community NN 5 nmod", "imposed VBN 11 amod",
        "fresh JJ 11 amod",      "sanctions NNS 2 obl", "x . 2 punct"};
    s = make(AMOD, 12);
    kbi_parser_repair_root(&s);
    T_EQ_STR(s.toks[8].xpos, "VBD");
    T_EQ_INT(s.toks[8].head, 4);
    T_EQ_STR(s.toks[8].deprel, "advcl");
    T_EQ_INT(s.toks[7].head, 8);
    T_EQ_STR(s.toks[7].deprel, "nsubj");
    T_EQ_INT(s.toks[10].head, 8);
    T_EQ_STR(s.toks[10].deprel, "obj");
    T_EQ_STR(s.toks[5].deprel, "mark");

    /* a speaker after the reported clause, hung as an apposition: "Arafat
     * died at the hospital, the chief doctor at the hospital said." */
    static const char *const SPEAKER[] = {
        "Arafat NNP 2 nsubj", "died VBD 12 ccomp", "at IN 4 case",
        "hospital NN 2 obl",  "x , 8 punct",        "the DT 8 det",
        "chief JJ 8 amod",    "doctor NN 4 appos",  "at IN 11 case",
        "the DT 11 det",      "hospital NN 8 nmod", "SAID VBD 0 root",
        "x . 12 punct"};
    s = make(SPEAKER, 13);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[7].head, 11);
    T_EQ_STR(s.toks[7].deprel, "nsubj");
    T_EQ_INT(s.toks[10].head, 7);
    /* ... not when the verb has its subject elsewhere ("He said Arafat
     * died at the hospital, the doctor" keeps the doctor where it was) */
    static const char *const HAS[] = {
        "He PRP 8 nsubj",     "Arafat NNP 3 nsubj", "died VBD 8 ccomp",
        "at IN 5 case",       "hospital NN 3 obl",  "x , 7 punct",
        "doctor NN 5 appos",  "SAID VBD 0 root",    "x . 8 punct"};
    s = make(HAS, 9);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[6].head, 4);
    T_EQ_STR(s.toks[6].deprel, "appos");
    /* ... nor without a comma before the phrase */
    static const char *const NOCOMMA[] = {
        "Arafat NNP 2 nsubj", "died VBD 7 ccomp", "at IN 4 case",
        "the DT 5 det",       "hospital NN 2 obl", "doctor NN 5 appos",
        "SAID VBD 0 root"};
    s = make(NOCOMMA, 7);
    kbi_parser_repair_root(&s);
    T_EQ_INT(s.toks[5].head, 4);
    /* a day after the verb of speech is no subject of it: "The US brokered
     * a truce between the militia and the governor, Washington's envoy
     * said Tuesday." (the envoy hung as a conjunct of the militia) */
    static const char *const DAY[] = {
        "US NNP 2 nsubj",      "brokered VBD 12 ccomp", "truce NN 2 obj",
        "between IN 5 case",   "militia NN 3 nmod",     "and CC 7 cc",
        "governor NN 5 conj",  "x , 11 punct",          "Washington NNP 11 nmod:poss",
        "'s POS 9 case",       "envoy NN 5 conj",       "SAID VBD 0 root",
        "TUESDAY NNP 12 nsubj", "x . 12 punct"};
    s = make(DAY, 14);
    kbi_parser_repair_root(&s);
    T_EQ_STR(s.toks[12].deprel, "obl:unmarked");
    T_EQ_INT(s.toks[10].head, 11);
    T_EQ_STR(s.toks[10].deprel, "nsubj");
    /* ... a speaker after the verb stays its subject ("..., said the
     * minister") */
    static const char *const INVERTED[] = {
        "Talks NNS 2 nsubj", "resume VBP 4 ccomp", "x , 4 punct",
        "SAID VBD 0 root",   "the DT 6 det",       "MINISTER NN 4 nsubj"};
    s = make(INVERTED, 6);
    kbi_parser_repair_root(&s);
    T_EQ_STR(s.toks[5].deprel, "nsubj");
}

static void test_damaged(void)
{
    kb_error e;
    T_EQ_INT(load_changed(KBI_PARSER_SEC_META, cut_half, &e), KB_ERR_SYNTAX);
    T_OK(strstr(e.message, "parser.meta") != NULL);
    T_OK(strstr(e.message, "truncated") != NULL);
    T_EQ_INT(load_changed(KBI_PARSER_SEC_META, bad_magic, &e),
             KB_ERR_SYNTAX);
    T_EQ_INT(load_changed(KBI_PARSER_SEC_META, many_labels, &e),
             KB_ERR_SYNTAX);
    T_EQ_INT(load_changed(KBI_PARSER_SEC_SLOTS, cut_half, &e),
             KB_ERR_SYNTAX);
    T_OK(strstr(e.message, "parser.slots") != NULL);
    T_EQ_INT(load_changed(KBI_PARSER_SEC_WEIGHTS, cut_half, &e),
             KB_ERR_SYNTAX);
    T_OK(strstr(e.message, "parser.weights") != NULL);
    T_EQ_INT(load_changed(KBI_PARSER_SEC_LABELS, unterminated, &e),
             KB_ERR_SYNTAX);
    T_OK(strstr(e.message, "parser.labels") != NULL);
    T_EQ_INT(load_changed(KBI_PARSER_SEC_SLOTS, drop, &e), KB_ERR_SYNTAX);
    T_OK(strstr(e.message, "missing") != NULL);
    T_EQ_INT(load_changed(KBI_PARSER_SEC_SLOTS, garbage, &e), KB_OK);
    T_EQ_INT(load_changed(KBI_PARSER_SEC_WEIGHTS, garbage, &e), KB_OK);
    /* a model without parser sections */
    kbi_model_writer *w = kbi_model_writer_new();
    kbi_model_writer_add(w, "other", "x", 1);
    T_EQ_INT(kbi_model_writer_save(w, path, &e), KB_OK);
    kbi_model_writer_free(w);
    kbi_model *m;
    kbi_parser *p;
    T_EQ_INT(kbi_model_open(path, &m, &e), KB_OK);
    T_EQ_INT(kbi_parser_load(m, &p, &e), KB_ERR_SYNTAX);
    T_OK(strstr(e.message, "parser.meta") != NULL);
    kbi_model_close(m);
}

int main(void)
{
    snprintf(path, sizeof path, "/tmp/khabar-test-parser-%ld.model",
             (long)getpid());
    kbi_arena_init(&A, NULL);
    kb_error e;
    if (kbi_conllu_read_file(SAMPLE, &A, NULL, &S, &NS, &e) != KB_OK) {
        fprintf(stderr, "cannot read %s\n", SAMPLE);
        return 1;
    }
    T_RUN(test_oracle_projective);
    T_RUN(test_oracle_nonprojective);
    T_RUN(test_train_and_parse);
    T_RUN(test_deterministic);
    T_RUN(test_lengths);
    T_RUN(test_damaged);
    T_RUN(test_repair);
    remove(path);
    kbi_arena_free(&A);
    return t_done();
}
