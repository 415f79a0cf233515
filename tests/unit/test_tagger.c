/* test_tagger.c - the tagger (src/nlp/tagger*.c): training on a small
 * sample is deterministic and learns it, tagging is total (every token gets
 * a consistent XPOS/UPOS pair, whatever the word), and damaged tagger
 * sections are refused at load. */
#include <stdlib.h>
#include <unistd.h>

#include "t.h"
#include "nlp/conllu.h"
#include "nlp/evaluate.h"
#include "nlp/tagger.h"

#define SAMPLE "tests/data/conllu/ewt-sample.conllu"

static char path[256];
static kbi_arena A;
static kbi_conllu_sent *S;
static size_t NS;

static unsigned char *slurp(const char *p, size_t *n)
{
    FILE *f = fopen(p, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc((size_t)len + 1);
    *n = fread(buf, 1, (size_t)len, f);
    fclose(f);
    return buf;
}

static kb_status train_to(const char *out, int epochs)
{
    kbi_sentence *s = malloc(NS * sizeof *s);
    for (size_t i = 0; i < NS; i++)
        s[i] = S[i].s;
    kbi_tagger_options o;
    kbi_tagger_options_init(&o);
    o.epochs = epochs;
    o.dict_min_count = 5;
    o.prune = 0;
    kbi_model_writer *w = kbi_model_writer_new();
    kb_status st = kbi_tagger_train(s, NS, s, 5, &o, w, NULL);
    kb_error e;
    if (st == KB_OK)
        st = kbi_model_writer_save(w, out, &e);
    kbi_model_writer_free(w);
    free(s);
    return st;
}

static void test_train_and_tag(void)
{
    T_EQ_INT(train_to(path, 8), KB_OK);
    kbi_model *m;
    kbi_tagger *t;
    kb_error e;
    T_EQ_INT(kbi_model_open(path, &m, &e), KB_OK);
    T_EQ_INT(kbi_tagger_load(m, &t, &e), KB_OK);
    T_OK(kbi_tagger_nlabels(t) > 10);
    size_t n = 0, ok = 0;
    kbi_arena scratch;
    kbi_arena_init(&scratch, NULL);
    for (size_t k = 0; k < NS; k++) {
        kbi_sentence c = S[k].s;
        kbi_token *toks = malloc((size_t)c.ntoks * sizeof *toks);
        for (int32_t i = 0; i < c.ntoks; i++) {
            toks[i] = c.toks[i];
            toks[i].xpos = toks[i].upos = NULL;
        }
        c.toks = toks;
        kbi_tagger_tag(t, &c, &scratch);
        for (int32_t i = 0; i < c.ntoks; i++) {
            n++;
            ok += strcmp(toks[i].xpos, S[k].s.toks[i].xpos) == 0 &&
                  strcmp(toks[i].upos, S[k].s.toks[i].upos) == 0;
        }
        free(toks);
        kbi_arena_reset(&scratch);
    }
    /* the training data itself is learnt almost perfectly */
    T_OK(n > 700 && ok * 100 >= n * 97);
    /* awkward words still get a label that exists in the model */
    static const char *odd[] = {"", "\xff\xfe", "-", "1984", "e-mail",
                                "McDonald's", "\xc3\xa9t\xc3\xa9", "ALLCAPS"};
    char longw[3000];
    memset(longw, 'a', sizeof longw - 1);
    longw[sizeof longw - 1] = '\0';
    kbi_token toks[9];
    memset(toks, 0, sizeof toks);
    for (int i = 0; i < 8; i++)
        toks[i].form = odd[i];
    toks[8].form = longw;
    kbi_sentence s = {toks, 9, NULL, 0};
    kbi_tagger_tag(t, &s, &scratch);
    for (int i = 0; i < 9; i++) {
        int found = 0;
        for (int l = 0; l < kbi_tagger_nlabels(t); l++) {
            const char *x, *u;
            kbi_tagger_label(t, l, &x, &u);
            found |= toks[i].xpos == x && toks[i].upos == u;
        }
        T_OK(found);
    }
    kbi_sentence empty = {NULL, 0, NULL, 0};
    kbi_tagger_tag(t, &empty, &scratch);
    kbi_arena_free(&scratch);
    kbi_tagger_free(t);
    kbi_model_close(m);
}

/* A "parser" that hangs every token on the first one. */
static void flat_parse(void *user, kbi_sentence *s, kbi_arena *a)
{
    (void)a;
    (*(int *)user)++;
    for (int32_t i = 0; i < s->ntoks; i++) {
        s->toks[i].head = i == 0 ? -1 : 0;
        s->toks[i].deprel = i == 0 ? "root" : "dep";
    }
}

static void test_evaluate(void)
{
    kbi_model *m;
    kbi_tagger *t;
    kb_error e;
    T_EQ_INT(kbi_model_open(path, &m, &e), KB_OK);
    T_EQ_INT(kbi_tagger_load(m, &t, &e), KB_OK);
    kbi_eval_result r;
    int calls = 0;
    T_EQ_INT(kbi_eval_conllu(SAMPLE, t, flat_parse, &calls, NULL, &r, &e),
             KB_OK);
    T_EQ_INT(r.sentences, NS);
    T_EQ_INT(calls, (int)NS);
    T_OK(r.tagged && r.parsed);
    T_OK(r.tokens > 700 && r.upos * 100 >= r.tokens * 97 &&
         r.xpos * 100 >= r.tokens * 97 && r.both <= r.upos);
    /* gold heads are rarely the first token, so UAS is low but not 0 */
    T_OK(r.uas > 0 && r.uas < r.tokens / 2 && r.las <= r.uas);
    /* gold tags kept when no tagger is given */
    T_EQ_INT(kbi_eval_conllu(SAMPLE, NULL, NULL, NULL, NULL, &r, &e), KB_OK);
    T_EQ_INT(r.upos, r.tokens);
    T_EQ_INT(r.xpos, r.tokens);
    T_OK(!r.tagged && !r.parsed && r.uas == 0);
    T_EQ_INT(kbi_eval_conllu("/nonexistent.conllu", t, NULL, NULL, NULL, &r,
                             &e), KB_ERR_IO);
    kbi_tagger_free(t);
    kbi_model_close(m);
}

static void test_no_memory(void)
{
    kbi_model *m;
    kbi_tagger *t;
    kb_error e;
    T_EQ_INT(kbi_model_open(path, &m, &e), KB_OK);
    T_EQ_INT(kbi_tagger_load(m, &t, &e), KB_OK);
    t_failing f = {.left = 0, .sticky = 1}; /* every allocation fails */
    kb_allocator al = {t_failing_realloc, &f};
    kbi_arena a;
    kbi_arena_init(&a, &al);
    kbi_token toks[2] = {{"a", "A", NULL, NULL, -1, NULL, 0, 0},
                         {"b", "B", NULL, NULL, -1, NULL, 0, 0}};
    kbi_sentence s = {toks, 2, NULL, 0};
    kbi_tagger_tag(t, &s, &a);
    T_OK(toks[0].xpos && toks[0].upos && toks[1].xpos && toks[1].upos);
    T_OK(a.failed);
    kbi_arena_free(&a);
    kbi_tagger_free(t);
    kbi_model_close(m);
}

static void test_deterministic(void)
{
    char other[300];
    snprintf(other, sizeof other, "%s.2", path);
    T_EQ_INT(train_to(other, 8), KB_OK);
    size_t n1, n2;
    unsigned char *a = slurp(path, &n1), *b = slurp(other, &n2);
    T_OK(a && b && n1 == n2 && memcmp(a, b, n1) == 0);
    free(a);
    free(b);
    remove(other);
}

/* Loads the model after f changed a copy of section `name` (found
 * through the section table of the file, see model.h). */
static kb_status load_damaged(const char *name,
                              void (*f)(unsigned char *, size_t), kb_error *e)
{
    size_t n;
    unsigned char *buf = slurp(path, &n);
    uint32_t ns = (uint32_t)buf[12] | (uint32_t)buf[13] << 8 |
                  (uint32_t)buf[14] << 16 | (uint32_t)buf[15] << 24;
    uint64_t off = 0, size = 0;
    for (uint32_t i = 0; i < ns; i++) {
        const unsigned char *ent = buf + 16 + 40 * i;
        if (strcmp((const char *)ent, name) != 0)
            continue;
        for (int k = 7; k >= 0; k--) {
            off = off << 8 | ent[24 + k];
            size = size << 8 | ent[32 + k];
        }
    }
    T_OK(size > 0 && off + size <= n);
    f(buf + off, (size_t)size);
    kbi_model *m;
    kbi_tagger *t = NULL;
    kb_status st = kbi_model_open_mem(buf, n, "damaged", &m, e);
    if (st == KB_OK) {
        st = kbi_tagger_load(m, &t, e);
        kbi_tagger_free(t);
        kbi_model_close(m);
    }
    free(buf);
    return st;
}

static void bad_label(unsigned char *p, size_t n)
{
    (void)n;
    p[0] = 250; /* first weight's label */
}
static void bad_offset(unsigned char *p, size_t n)
{
    for (size_t i = 0; i + 8 <= n; i += 8)
        if (p[i + 4] | p[i + 5] | p[i + 6] | p[i + 7]) {
            p[i + 7] = 0xff; /* offset far past the weights */
            break;
        }
}
static void full_table(unsigned char *p, size_t n)
{
    for (size_t i = 0; i + 8 <= n; i += 8)
        if (!(p[i + 4] | p[i + 5] | p[i + 6] | p[i + 7]))
            p[i + 4] = 1, p[i + 5] = 0, p[i + 6] = 0, p[i + 7] = 0;
}
static void bad_format(unsigned char *p, size_t n)
{
    (void)n;
    p[8] = 99;
}
static void unterminated(unsigned char *p, size_t n)
{
    memset(p, 'A', n < 16 ? n : 16);
}

static void test_damaged(void)
{
    kb_error e;
    T_EQ_INT(load_damaged("tagger.weights", bad_label, &e), KB_ERR_SYNTAX);
    T_OK(strstr(e.message, "label out of range") != NULL);
    T_EQ_INT(load_damaged("tagger.feats", bad_offset, &e), KB_ERR_SYNTAX);
    T_OK(strstr(e.message, "outside") != NULL);
    T_EQ_INT(load_damaged("tagger.feats", full_table, &e), KB_ERR_SYNTAX);
    T_EQ_INT(load_damaged("tagger.meta", bad_format, &e), KB_ERR_SYNTAX);
    T_EQ_INT(load_damaged("tagger.labels", unterminated, &e), KB_ERR_SYNTAX);
    /* a model without tagger sections */
    kbi_model_writer *w = kbi_model_writer_new();
    kbi_model_writer_add(w, "other", "x", 1);
    T_EQ_INT(kbi_model_writer_save(w, path, &e), KB_OK);
    kbi_model_writer_free(w);
    kbi_model *m;
    kbi_tagger *t;
    T_EQ_INT(kbi_model_open(path, &m, &e), KB_OK);
    T_EQ_INT(kbi_tagger_load(m, &t, &e), KB_ERR_SYNTAX);
    T_OK(strstr(e.message, "tagger.meta") != NULL);
    kbi_model_close(m);
}

int main(void)
{
    snprintf(path, sizeof path, "/tmp/khabar-test-tagger-%ld.model",
             (long)getpid());
    kbi_arena_init(&A, NULL);
    kb_error e;
    if (kbi_conllu_read_file(SAMPLE, &A, NULL, &S, &NS, &e) != KB_OK) {
        fprintf(stderr, "cannot read %s\n", SAMPLE);
        return 1;
    }
    T_RUN(test_train_and_tag);
    T_RUN(test_evaluate);
    T_RUN(test_no_memory);
    T_RUN(test_deterministic);
    T_RUN(test_damaged);
    remove(path);
    kbi_arena_free(&A);
    return t_done();
}
