/* test_conllu.c - CoNLL-U reading and writing (src/nlp/conllu.c). */
#include <stdlib.h>

#include "t.h"
#include "nlp/conllu.h"

#define SAMPLE "tests/data/conllu/ewt-sample.conllu"

static kb_error last;
static int ndiag;

static void on_diag(void *user, const kb_error *e)
{
    (void)user;
    last = *e;
    ndiag++;
}

static kbi_diag D = {on_diag, NULL, 0};

/* Reads every sentence of src; returns the count. */
static int read_all(const char *src, kbi_arena *a, kbi_conllu_sent *out,
                    int max)
{
    kbi_conllu_reader r;
    kbi_conllu_reader_init(&r, src, strlen(src), "t.conllu", &D);
    int n = 0;
    kbi_conllu_sent tmp;
    while (kbi_conllu_next(&r, a, n < max ? &out[n] : &tmp))
        n++;
    return n;
}

static char *write_all(const kbi_conllu_sent *s, size_t n, int with_meta)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    for (size_t i = 0; i < n; i++)
        T_EQ_INT(kbi_conllu_write(f, &s[i].s, with_meta ? &s[i] : NULL),
                 KB_OK);
    fclose(f);
    return buf;
}

static void test_sample(void)
{
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_conllu_sent *s;
    size_t n;
    kb_error e;
    ndiag = 0;
    T_EQ_INT(kbi_conllu_read_file(SAMPLE, &a, &D, &s, &n, &e), KB_OK);
    T_EQ_INT(n, 43);
    T_EQ_INT(ndiag, 0);
    const kbi_conllu_sent *s0 = &s[0];
    T_EQ_INT(s0->s.ntoks, 29);
    T_EQ_INT(s0->s.nnodes, 0);
    T_EQ_INT(s0->line, 5);
    T_EQ_INT(s0->ncomments, 4);
    T_EQ_STR(s0->sent_id,
             "weblog-juancole.com_juancole_20051126063000_ENG_20051126_"
             "063000-0001");
    T_OK(s0->text && strncmp(s0->text, "Al-Zaman : American", 19) == 0);
    T_EQ_STR(s0->s.toks[0].form, "Al");
    T_EQ_STR(s0->s.toks[0].upper, "AL");
    T_EQ_STR(s0->s.toks[0].xpos, "NNP");
    T_EQ_STR(s0->s.toks[0].upos, "PROPN");
    T_EQ_INT(s0->s.toks[0].head, -1);
    T_EQ_STR(s0->s.toks[0].deprel, "root");
    T_EQ_INT(s0->extra[0].space_after, 0);
    T_EQ_STR(s0->extra[0].lemma, "Al");
    T_EQ_STR(s0->extra[0].feats, "Number=Sing");
    T_OK(s0->extra[0].misc == NULL);
    T_EQ_INT(s0->s.toks[1].head, 2);
    T_EQ_STR(s0->s.toks[1].deprel, "punct");
    T_EQ_INT(s0->extra[3].space_after, 1);
    T_EQ_STR(s0->s.toks[28].form, ".");
    /* multiword tokens are kept aside, empty nodes skipped */
    int mwt = 0, empty_checked = 0;
    for (size_t i = 0; i < n; i++) {
        for (int32_t k = 0; k < s[i].nmwts; k++) {
            const kbi_conllu_mwt *m = &s[i].mwts[k];
            T_OK(m->last == m->first + 1 && m->last < s[i].s.ntoks);
            T_OK(strcmp(m->form, "don't") == 0 ||
                 strcmp(m->form, "won't") == 0 ||
                 strcmp(m->form, "doesn't") == 0);
            mwt++;
        }
        for (int32_t k = 0; k < s[i].s.ntoks; k++)
            if (strcmp(s[i].s.toks[k].form, "reported") == 0 &&
                k + 1 < s[i].s.ntoks) {
                /* "8.1 reported" is followed by token 9 */
                T_OK(strcmp(s[i].s.toks[k + 1].form, "reported") != 0);
                empty_checked = 1;
            }
    }
    T_EQ_INT(mwt, 5);
    T_OK(empty_checked);
    /* writing and reading back reaches a fixpoint */
    char *once = write_all(s, n, 1);
    kbi_conllu_sent *s2 = kbi_arena_alloc(&a, 64 * sizeof *s2);
    T_EQ_INT(read_all(once, &a, s2, 64), 43);
    char *twice = write_all(s2, n, 1);
    T_OK(strcmp(once, twice) == 0);
    T_OK(strstr(once, "19-20\tdon't\t") != NULL);
    T_OK(strstr(once, "# text = Al-Zaman") != NULL);
    T_EQ_INT(s2[0].s.toks[1].head, 2);
    free(once);
    free(twice);
    kbi_arena_free(&a);
}

/* The middle sentence is bad; the others are read and the error names the
 * line and column. */
static void expect_error(const char *bad, int line, int col,
                         const char *what)
{
    char src[2048];
    snprintf(src, sizeof src,
             "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\n\n%s\n\n"
             "1\tB\tb\tX\tX\t_\t0\troot\t_\t_\n",
             bad);
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_conllu_sent s[4];
    ndiag = 0;
    memset(&last, 0, sizeof last);
    int n = read_all(src, &a, s, 4);
    T_EQ_INT(n, 2);
    T_EQ_INT(ndiag, 1);
    T_EQ_INT(last.line, line);
    T_EQ_INT(last.column, col);
    T_EQ_STR(last.file, "t.conllu");
    if (!strstr(last.message, what))
        T_FAIL("message \"%s\" lacks \"%s\"", last.message, what);
    if (n == 2) {
        T_EQ_STR(s[0].s.toks[0].form, "A");
        T_EQ_STR(s[1].s.toks[0].form, "B");
    }
    kbi_arena_free(&a);
}

static void test_errors(void)
{
    expect_error("# c\n1\tx\tx\tX\tX\t_\t0\troot\t_", 4, 1, "10 tab-separated");
    expect_error("1\tx\tx\tX\tX\t_\t0\troot\t_\t_\tEXTRA", 3, 24,
                 "found 11");
    expect_error("1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n3\ty\ty\tX\tX\t_\t1\tdep\t_\t_",
                 4, 1, "bad ID (expected 2)");
    expect_error("x\tx\tx\tX\tX\t_\t0\troot\t_\t_", 3, 1, "bad ID");
    expect_error("1\tx\tx\tX\tX\t_\tz\troot\t_\t_", 3, 13, "bad HEAD");
    expect_error("1\tx\tx\tX\tX\t_\t-1\troot\t_\t_", 3, 13, "bad HEAD");
    expect_error("1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n2\ty\ty\tX\tX\t_\t5\tdep\t_\t_",
                 4, 13, "out of range");
    expect_error("1\tx\tx\tX\tX\t_\t2\tdep\t_\t_\n2\ty\ty\tX\tX\t_\t1\tdep\t_\t_",
                 3, 13, "cycle");
    expect_error("1\tx\tx\tX\tX\t_\t1\tdep\t_\t_", 3, 13, "cycle");
    expect_error("1\t\tx\tX\tX\t_\t0\troot\t_\t_", 3, 3, "empty column");
    expect_error("2-3\txy\t_\t_\t_\t_\t_\t_\t_\t_\n1\tx\tx\tX\tX\t_\t0\troot\t_\t_",
                 3, 1, "multiword");
    expect_error("1-2\txy\t_\t_\t_\t_\t_\t_\t_\t_\n1\tx\tx\tX\tX\t_\t0\troot\t_\t_",
                 3, 1, "past the last token");
    expect_error("# only a comment", 3, 1, "no tokens");
    expect_error("1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n1.x\ty\ty\tX\tX\t_\t_\t_\t_\t_",
                 4, 1, "empty node");
}

static void test_nul_and_crlf(void)
{
    const char src[] = "1\tA\ta\tX\tX\t_\t0\troot\t_\t_\r\n\r\n"
                       "1\tB\x00x\tb\tX\tX\t_\t0\troot\t_\t_\n\n"
                       "1\tC\tc\tX\tX\t_\t0\troot\t_\t_";
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_conllu_reader r;
    kbi_conllu_reader_init(&r, src, sizeof src - 1, "t.conllu", &D);
    kbi_conllu_sent s;
    ndiag = 0;
    T_EQ_INT(kbi_conllu_next(&r, &a, &s), 1);
    T_EQ_STR(s.s.toks[0].deprel, "root");
    T_EQ_STR(s.s.toks[0].upos, "X");
    T_EQ_INT(kbi_conllu_next(&r, &a, &s), 1);
    T_EQ_STR(s.s.toks[0].form, "C");
    T_EQ_INT(s.line, 5);
    T_EQ_INT(kbi_conllu_next(&r, &a, &s), 0);
    T_EQ_INT(ndiag, 1);
    T_EQ_INT(last.line, 3);
    T_EQ_INT(last.column, 4);
    T_EQ_INT(r.skipped, 1);
    kbi_arena_free(&a);
}

static void test_offsets_and_underscores(void)
{
    const char *src =
        "1\tHi\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|TokenRange=0:2\n"
        "2\t!\t_\t_\t_\t_\t_\t_\t_\tTokenRange=2:3|Foo=bar\n";
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_conllu_sent s;
    T_EQ_INT(read_all(src, &a, &s, 1), 1);
    T_EQ_INT(s.s.toks[0].start, 0);
    T_EQ_INT(s.s.toks[0].end, 2);
    T_EQ_INT(s.s.toks[1].start, 2);
    T_EQ_INT(s.s.toks[1].end, 3);
    T_OK(s.s.toks[0].xpos == NULL && s.s.toks[0].upos == NULL &&
         s.s.toks[0].deprel == NULL);
    T_EQ_INT(s.s.toks[0].head, -1);
    T_EQ_INT(s.extra[0].space_after, 0);
    T_EQ_STR(s.extra[1].misc, "Foo=bar");
    /* without metadata: SpaceAfter from the offsets */
    char *out = write_all(&s, 1, 0);
    T_EQ_STR(out, "1\tHi\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No|TokenRange=0:2\n"
                  "2\t!\t_\t_\t_\t_\t_\t_\t_\tTokenRange=2:3\n\n");
    free(out);
    out = write_all(&s, 1, 1);
    T_OK(strstr(out, "Foo=bar|TokenRange=2:3") != NULL);
    free(out);
    /* a tagged and parsed sentence built by hand */
    kbi_token toks[2] = {
        {"Rome", "ROME", "NNP", "PROPN", 1, "nsubj", 0, 0},
        {"fell", "FELL", "VBD", "VERB", -1, "root", 0, 0}};
    kbi_sentence hs = {toks, 2, NULL, 0};
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    T_EQ_INT(kbi_conllu_write(f, &hs, NULL), KB_OK);
    fclose(f);
    T_EQ_STR(buf, "1\tRome\t_\tPROPN\tNNP\t_\t2\tnsubj\t_\t_\n"
                  "2\tfell\t_\tVERB\tVBD\t_\t0\troot\t_\t_\n\n");
    free(buf);
    kbi_arena_free(&a);
}

static void test_read_file_missing(void)
{
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_conllu_sent *s;
    size_t n;
    kb_error e;
    T_EQ_INT(kbi_conllu_read_file("/nonexistent.conllu", &a, &D, &s, &n, &e),
             KB_ERR_IO);
    T_EQ_INT(n, 0);
    kbi_arena_free(&a);
}

int main(void)
{
    T_RUN(test_sample);
    T_RUN(test_errors);
    T_RUN(test_nul_and_crlf);
    T_RUN(test_offsets_and_underscores);
    T_RUN(test_read_file_missing);
    return t_done();
}
