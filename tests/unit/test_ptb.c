/* test_ptb.c - Penn Treebank reading and writing (src/nlp/ptb.c). */
#include <stdlib.h>

#include "t.h"
#include "nlp/sentence.h"

static kbi_arena A;

static kb_status parse(const char *s, kbi_sentence *out, kb_error *e)
{
    return kbi_ptb_parse(s, strlen(s), "t.ptb", &A, out, e);
}

static void check_node(const kbi_sentence *s, int i, const char *label,
                       int parent, int start, int end)
{
    T_OK(i < s->nnodes);
    if (i >= s->nnodes)
        return;
    T_EQ_STR(s->nodes[i].label, label);
    T_EQ_INT(s->nodes[i].parent, parent);
    T_EQ_INT(s->nodes[i].tok_start, start);
    T_EQ_INT(s->nodes[i].tok_end, end);
}

static void test_basic_tree(void)
{
    kbi_sentence s;
    kb_error e;
    T_EQ_INT(parse("(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (ADVP (RB here)))"
                   " (. .)))", &s, &e), KB_OK);
    T_EQ_INT(s.ntoks, 4);
    T_EQ_INT(s.nnodes, 5);
    check_node(&s, 0, "ROOT", -1, 0, 4);
    check_node(&s, 1, "S", 0, 0, 4);
    check_node(&s, 2, "NP", 1, 0, 1);
    check_node(&s, 3, "VP", 1, 1, 3);
    check_node(&s, 4, "ADVP", 3, 2, 3);
    T_EQ_STR(s.toks[0].form, "Arnor");
    T_EQ_STR(s.toks[0].upper, "ARNOR");
    T_EQ_STR(s.toks[0].xpos, "NNP");
    T_EQ_INT(s.toks[0].head, -1);
    T_OK(s.toks[0].upos == NULL && s.toks[0].deprel == NULL);
    T_EQ_INT(s.toks[0].start, 0);
    T_EQ_INT(s.toks[0].end, 0);
    T_EQ_STR(s.toks[3].xpos, ".");
    T_EQ_STR(s.toks[3].form, ".");
    T_EQ_STR(kbi_ptb_format(&s, &A),
             "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (ADVP (RB here)))"
             " (. .)))");
}

static void test_empty_root_and_case(void)
{
    kbi_sentence s;
    kb_error e;
    T_EQ_INT(parse("( (s (np-tmp (prp we))\n\t(VP (vbd Went))))", &s, &e),
             KB_OK);
    T_EQ_INT(s.nnodes, 4);
    check_node(&s, 0, "ROOT", -1, 0, 2);
    check_node(&s, 1, "S", 0, 0, 2);
    check_node(&s, 2, "NP-TMP", 1, 0, 1);
    check_node(&s, 3, "VP", 1, 1, 2);
    T_EQ_STR(s.toks[0].xpos, "PRP");
    T_EQ_STR(s.toks[1].form, "Went");
    T_EQ_STR(s.toks[1].upper, "WENT");
    T_EQ_STR(kbi_ptb_format(&s, &A),
             "(ROOT (S (NP-TMP (PRP we)) (VP (VBD Went))))");
}

static void test_bare_words_and_empty_nodes(void)
{
    kbi_sentence s;
    kb_error e;
    /* "the" has no preterminal; (NP) is an empty constituent; a bracket
     * with two words is a phrase of bare words */
    T_EQ_INT(parse("(ROOT (NP the (NN dog)) (NP) (X a b) (VP (VB go)))", &s,
                   &e), KB_OK);
    T_EQ_INT(s.ntoks, 5);
    T_EQ_STR(s.toks[0].form, "the");
    T_EQ_STR(s.toks[0].xpos, "");
    T_EQ_STR(s.toks[2].xpos, "");
    T_EQ_STR(s.toks[3].upper, "B");
    check_node(&s, 1, "NP", 0, 0, 2);
    check_node(&s, 2, "NP", 0, 2, 2);
    check_node(&s, 3, "X", 0, 2, 4);
    check_node(&s, 4, "VP", 0, 4, 5);
    char *out = kbi_ptb_format(&s, &A);
    T_EQ_STR(out, "(ROOT (NP the (NN dog)) (NP) (X a b) (VP (VB go)))");
    /* and the written form reads back to the same structure */
    kbi_sentence s2;
    T_EQ_INT(parse(out, &s2, &e), KB_OK);
    T_EQ_INT(s2.ntoks, s.ntoks);
    T_EQ_INT(s2.nnodes, s.nnodes);
    T_EQ_STR(kbi_ptb_format(&s2, &A), out);
}

static void test_odd_words(void)
{
    kbi_sentence s;
    kb_error e;
    /* UTF-8 bytes are left alone, "~" is an ordinary character */
    T_EQ_INT(parse("(ROOT (NNP Gondor\xe2\x80\x99s) (NN caf\xc3\xa9) "
                   "(NNP ~Xy) (-LRB- -LRB-))", &s, &e), KB_OK);
    T_EQ_INT(s.ntoks, 4);
    T_EQ_STR(s.toks[0].upper, "GONDOR\xe2\x80\x99S");
    T_EQ_STR(s.toks[1].upper, "CAF\xc3\xa9");
    T_EQ_STR(s.toks[2].form, "~Xy");
    T_EQ_STR(s.toks[2].upper, "~XY");
    T_EQ_STR(s.toks[3].xpos, "-LRB-");
    /* a lone preterminal is one token and no phrase */
    T_EQ_INT(parse("  (NN dog)  \n", &s, &e), KB_OK);
    T_EQ_INT(s.ntoks, 1);
    T_EQ_INT(s.nnodes, 0);
    T_EQ_STR(kbi_ptb_format(&s, &A), "(NN dog)");
    /* only `len` bytes are read */
    T_EQ_INT(kbi_ptb_parse("(A (B c)) junk", 9, "t", &A, &s, &e), KB_OK);
    T_EQ_INT(s.nnodes, 1);
}

/* Parses src, expecting failure with code at line:column and a message
 * containing `msg`. */
static void expect_error(const char *src, size_t len, kb_status code,
                         int line, int col, const char *msg)
{
    kbi_sentence s;
    kb_error e;
    memset(&e, 0, sizeof e);
    kb_status st = kbi_ptb_parse(src, len, "t.ptb", &A, &s, &e);
    T_EQ_INT(st, code);
    T_EQ_INT(e.code, code);
    T_EQ_INT(e.line, line);
    T_EQ_INT(e.column, col);
    T_EQ_STR(e.file, "t.ptb");
    T_OK(strstr(e.message, msg) != NULL);
    if (!strstr(e.message, msg))
        fprintf(stderr, "  message was: %s\n", e.message);
    T_EQ_INT(s.ntoks, 0);
    T_EQ_INT(s.nnodes, 0);
}

#define ERR(src, code, line, col, msg) \
    expect_error(src, sizeof src - 1, code, line, col, msg)

static void test_errors(void)
{
    ERR("", KB_ERR_SYNTAX, 1, 1, "empty parse: expected '('");
    ERR("  \n   ", KB_ERR_SYNTAX, 2, 4, "empty parse");
    ERR("(ROOT (S (NP (NN x))", KB_ERR_SYNTAX, 1, 21,
        "expected ')' to close '(' at line 1, column 7 (2 left open)");
    ERR("(ROOT\n  (S\n    (NN x)\n", KB_ERR_SYNTAX, 4, 1,
        "expected ')' to close '(' at line 2, column 3");
    ERR("(ROOT (NN x)))", KB_ERR_SYNTAX, 1, 14,
        "unexpected ')': more ')' than '('");
    ERR("(ROOT (NN x))\n (S (NN y))", KB_ERR_SYNTAX, 2, 2,
        "expected end of input after the tree, found '('");
    ERR("(ROOT (NN x)) trailing words", KB_ERR_SYNTAX, 1, 15,
        "expected end of input after the tree, found 'trailing'");
    ERR("hello (ROOT (NN x))", KB_ERR_SYNTAX, 1, 1,
        "expected '(' before word 'hello'");
    ERR(") (ROOT)", KB_ERR_SYNTAX, 1, 1, "expected '(' before ')'");
    ERR("(ROOT (NN a\0b))", KB_ERR_SYNTAX, 1, 12, "unexpected NUL byte");
    ERR("\0", KB_ERR_SYNTAX, 1, 1, "NUL");
}

/* n nested phrases around one preterminal. */
static char *nested(int n)
{
    char *s = malloc((size_t)n * 4 + 16);
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        memcpy(s + k, "(X ", 3);
        k += 3;
    }
    memcpy(s + k, "(NN a)", 6);
    k += 6;
    memset(s + k, ')', (size_t)n);
    k += (size_t)n;
    s[k] = '\0';
    return s;
}

static void test_limits(void)
{
    kbi_sentence s;
    kb_error e;
    char *ok = nested(KBI_MAX_DEPTH);
    T_EQ_INT(parse(ok, &s, &e), KB_OK);
    T_EQ_INT(s.nnodes, KBI_MAX_DEPTH);
    T_EQ_INT(s.nodes[KBI_MAX_DEPTH - 1].parent, KBI_MAX_DEPTH - 2);
    free(ok);
    char *deep = nested(KBI_MAX_DEPTH + 1);
    T_EQ_INT(parse(deep, &s, &e), KB_ERR_LIMIT);
    T_EQ_INT(e.line, 1);
    T_EQ_INT(e.column, KBI_MAX_DEPTH * 3 + 1);
    free(deep);
    char *very = nested(200000); /* would blow a recursive parser */
    T_EQ_INT(parse(very, &s, &e), KB_ERR_LIMIT);
    free(very);

    /* tokens: a phrase of bare words */
    size_t n = KBI_MAX_TOKENS + 1;
    char *w = malloc(n * 2 + 16);
    size_t k = 0;
    memcpy(w, "(ROOT", 5);
    k = 5;
    for (size_t i = 0; i < n; i++) {
        w[k++] = ' ';
        w[k++] = 'a';
    }
    w[k++] = ')';
    w[k] = '\0';
    T_EQ_INT(parse(w, &s, &e), KB_ERR_LIMIT);
    T_OK(strstr(e.message, "tokens") != NULL);
    w[k - 3] = ')'; /* drop the last word: exactly at the limit */
    w[k - 2] = '\0';
    T_EQ_INT(parse(w, &s, &e), KB_OK);
    T_EQ_INT(s.ntoks, KBI_MAX_TOKENS);
    free(w);

    /* phrases: empty siblings */
    n = KBI_MAX_NODES;
    char *p = malloc(n * 3 + 16);
    memcpy(p, "(ROOT", 5);
    k = 5;
    for (size_t i = 0; i < n; i++) {
        memcpy(p + k, " ()", 3);
        k += 3;
    }
    p[k++] = ')';
    p[k] = '\0';
    T_EQ_INT(parse(p, &s, &e), KB_ERR_LIMIT);
    T_OK(strstr(e.message, "phrases") != NULL);
    free(p);
}

int main(void)
{
    kbi_arena_init(&A, NULL);
    T_RUN(test_basic_tree);
    T_RUN(test_empty_root_and_case);
    T_RUN(test_bare_words_and_empty_nodes);
    T_RUN(test_odd_words);
    T_RUN(test_errors);
    T_RUN(test_limits);
    kbi_arena_free(&A);
    return t_done();
}
