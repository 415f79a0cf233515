/* test_project.c - phrase structure projected from dependency parses:
 * the bracketing for the constructions the coder relies on, repairs of
 * broken trees, and the coder giving the same events as from the Penn
 * Treebank parse of the same sentence. */
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "code/coder.h"
#include "code/result.h"
#include "nlp/project.h"
#include "nlp/sentence.h"
#include "t.h"

/* "form/XPOS/head/deprel ..." with 1-based heads (0 = root). */
static kbi_sentence make(kbi_arena *a, const char *spec)
{
    kbi_sentence s;
    memset(&s, 0, sizeof s);
    s.toks = kbi_arena_alloc(a, 256 * sizeof *s.toks);
    char *copy = kbi_arena_strdup(a, spec), *save = NULL;
    for (char *w = strtok_r(copy, " ", &save); w && s.ntoks < 256;
         w = strtok_r(NULL, " ", &save)) {
        kbi_token *t = &s.toks[s.ntoks++];
        char *f = w, *x = strchr(f, '/');
        *x++ = '\0';
        char *h = strchr(x, '/');
        *h++ = '\0';
        char *r = strchr(h, '/');
        *r++ = '\0';
        t->form = f;
        char *u = kbi_arena_strdup(a, f);
        for (char *q = u; *q; q++)
            if (*q >= 'a' && *q <= 'z')
                *q = (char)(*q - 'a' + 'A');
        t->upper = u;
        t->xpos = x;
        t->head = atoi(h) - 1;
        t->deprel = r;
    }
    return s;
}

static void check(const char *spec, const char *want)
{
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_sentence s = make(&a, spec);
    T_EQ_INT(kbi_project_constituents(&s, &a), KB_OK);
    /* preorder, spans nested in their parents */
    for (int32_t i = 1; i < s.nnodes; i++) {
        const kbi_node *n = &s.nodes[i], *p = &s.nodes[n->parent];
        T_OK(n->parent < i);
        T_OK(n->tok_start >= p->tok_start && n->tok_end <= p->tok_end);
    }
    char *got = kbi_ptb_format(&s, &a);
    T_EQ_STR(got, want);
    kbi_arena_free(&a);
}

static void test_shapes(void)
{
    /* possessive subject, verb, object, final punctuation */
    check("Gondor/NNP/4/nmod:poss 's/POS/1/case foreign/JJ/4/amod "
          "minister/NN/5/nsubj denounced/VBD/0/root Mordor/NNP/5/obj ././5/punct",
          "(ROOT (S (NP (NP (NNP Gondor) (POS 's)) (JJ foreign) (NN minister)) "
          "(VP (VBD denounced) (NP (NNP Mordor))) (. .)))");
    /* prepositional modifier of a noun: (NP (NP ..) (PP ..)) */
    check("Soldiers/NNS/4/nsubj from/IN/3/case Gondor/NNP/1/nmod "
          "attacked/VBD/0/root Mordor/NNP/4/obj ././4/punct",
          "(ROOT (S (NP (NP (NNS Soldiers)) (PP (IN from) (NP (NNP Gondor)))) "
          "(VP (VBD attacked) (NP (NNP Mordor))) (. .)))");
    /* auxiliaries nest VPs; passive with a by-phrase */
    check("Gollum/NNP/4/nsubj:pass was/VBD/4/aux:pass not/RB/4/advmod "
          "seen/VBN/0/root by/IN/6/case elves/NNS/4/obl ././4/punct",
          "(ROOT (S (NP (NNP Gollum)) (VP (VBD was) (RB not) (VP (VBN seen) "
          "(PP (IN by) (NP (NNS elves))))) (. .)))");
    /* coordination of single words stays flat */
    check("Gondor/NNP/4/nsubj and/CC/3/cc Osgiliath/NNP/1/conj "
          "met/VBD/0/root",
          "(ROOT (S (NP (NNP Gondor) (CC and) (NNP Osgiliath)) "
          "(VP (VBD met))))");
    /* coordination of phrases */
    check("the/DT/2/det rebels/NNS/6/nsubj and/CC/5/cc the/DT/5/det "
          "army/NN/2/conj clashed/VBD/0/root",
          "(ROOT (S (NP (NP (DT the) (NNS rebels)) (CC and) (NP (DT the) "
          "(NN army))) (VP (VBD clashed))))");
    /* coordinated verbs share the subject */
    check("Arnor/NNP/2/nsubj condemned/VBD/0/root Mordor/NNP/2/obj "
          "and/CC/5/cc promised/VBD/2/conj aid/NN/5/obj ././2/punct",
          "(ROOT (S (NP (NNP Arnor)) (VP (VP (VBD condemned) (NP (NNP "
          "Mordor))) (CC and) (VP (VBD promised) (NP (NN aid)))) (. .)))");
    /* complement clause with a marker */
    check("Arnor/NNP/2/nsubj said/VBD/0/root that/IN/5/mark "
          "Mordor/NNP/5/nsubj attacked/VBD/2/ccomp",
          "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (IN that) (S (NP "
          "(NNP Mordor)) (VP (VBD attacked)))))))");
    /* copula */
    check("Mordor/NNP/4/nsubj is/VBZ/4/cop a/DT/4/det threat/NN/0/root",
          "(ROOT (S (NP (NNP Mordor)) (VP (VBZ is) (NP (DT a) (NN threat)))))");
    /* infinitive: (VP (TO to) (VP (VB ..))) */
    check("Arnor/NNP/2/nsubj urged/VBD/0/root Eriador/NNP/2/obj "
          "to/TO/5/mark respond/VB/2/xcomp",
          "(ROOT (S (NP (NNP Arnor)) (VP (VBD urged) (NP (NNP Eriador)) (S "
          "(VP (TO to) (VP (VB respond)))))))");
    /* relative clause */
    check("rebels/NNS/4/nsubj who/WP/3/nsubj fled/VBD/1/acl:relcl "
          "met/VBD/0/root",
          "(ROOT (S (NP (NP (NNS rebels)) (SBAR (WHNP (WP who)) (S (VP (VBD "
          "fled))))) (VP (VBD met))))");
}

static void test_commas(void)
{
    /* a clause-final comma floats out of the clause it closes */
    check("Arnor/NNP/2/nsubj left/VBD/5/ccomp ,/,/2/punct Bree/NNP/5/nsubj "
          "said/VBD/0/root ././5/punct",
          "(ROOT (S (S (NP (NNP Arnor)) (VP (VBD left))) (, ,) (NP (NNP Bree)) "
          "(VP (VBD said)) (. .)))");
    /* a parenthetical keeps both its commas inside the noun phrase */
    check("minister/NN/7/nsubj ,/,/4/punct in/IN/4/case remarks/NNS/1/nmod "
          ",/,/7/punct then/RB/7/advmod urged/VBD/0/root Eriador/NNP/7/obj",
          "(ROOT (S (NP (NP (NN minister)) (, ,) (PP (IN in) (NP (NNS remarks))) "
          "(, ,)) (RB then) (VP (VBD urged) (NP (NNP Eriador)))))");
    /* a second prepositional modifier becomes a sibling of the phrase */
    check("Arnor/NNP/2/nsubj resumed/VBD/0/root ties/NNS/2/obj of/IN/6/case "
          "full/JJ/6/amod trust/NN/3/nmod with/IN/8/case Gondor/NNP/3/nmod",
          "(ROOT (S (NP (NNP Arnor)) (VP (VBD resumed) (NP (NP (NNS ties)) (PP "
          "(IN of) (NP (JJ full) (NN trust)))) (PP (IN with) (NP (NNP "
          "Gondor))))))");
}

static void test_repairs(void)
{
    /* two roots, a cycle, an out-of-range head: still one tree */
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_sentence s = make(&a, "a/NN/0/root b/NN/3/dep c/NN/2/dep d/VB/0/root "
                              "e/NN/99/dep");
    T_EQ_INT(kbi_project_constituents(&s, &a), KB_OK);
    T_OK(s.nnodes > 0);
    T_EQ_INT(s.nodes[0].tok_start, 0);
    T_EQ_INT(s.nodes[0].tok_end, 5);
    /* non-projective arc: lifted, every phrase contiguous by design */
    s = make(&a, "A/NN/3/nsubj B/NN/5/obj C/VB/0/root D/NN/3/obj E/VB/3/xcomp");
    T_EQ_INT(kbi_project_constituents(&s, &a), KB_OK);
    char *got = kbi_ptb_format(&s, &a);
    T_OK(got != NULL);
    /* a long chain is flattened, not recursed into without bound */
    char *spec = malloc(40 * 3000);
    size_t n = 0;
    for (int i = 0; i < 3000; i++)
        n += (size_t)sprintf(spec + n, "%sw/NN/%d/nmod", i ? " " : "", i);
    kbi_sentence *big = kbi_arena_alloc(&a, sizeof *big);
    memset(big, 0, sizeof *big);
    big->toks = kbi_arena_alloc(&a, 3000 * sizeof *big->toks);
    for (int i = 0; i < 3000; i++) {
        big->toks[i].form = big->toks[i].upper = "W";
        big->toks[i].xpos = "NN";
        big->toks[i].head = i - 1;
        big->toks[i].deprel = "nmod";
    }
    big->ntoks = 3000;
    T_EQ_INT(kbi_project_constituents(big, &a), KB_OK);
    T_EQ_INT(big->nodes[0].tok_end, 3000);
    free(spec);
    kbi_arena_free(&a);
}

/* The coder gives the same events from a dependency parse as from the
 * Penn Treebank parse of the same sentence. */
static void test_coding(void)
{
    static const kb_dict_files files = {
        .verbs = KB_DATADIR "/dict/PETR.Validate.verbs.txt",
        .actors = {KB_DATADIR "/dict/PETR.Validate.actors.txt", NULL},
        .agents = KB_DATADIR "/dict/PETR.Validate.agents.txt"};
    kb_dict *d = NULL;
    kb_error err;
    T_EQ_INT(kb_dict_load(&files, NULL, &d, &err), KB_OK);
    kb_record rec;
    memset(&rec, 0, sizeof rec);
    rec.id = "DEP-1";
    rec.date = "19950104";
    kb_result *res = kb_result_new(NULL);
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    static const struct {
        const char *spec, *src, *tgt, *code;
    } cases[] = {
        {"Gondor/NNP/4/nmod:poss 's/POS/1/case foreign/JJ/4/amod "
         "minister/NN/5/nsubj denounced/VBD/0/root Mordor/NNP/5/obj ././5/punct",
         "GONGOVFRM", "MOR", "122"},
        /* passive: source and target swap */
        {"Mordor/NNP/3/nsubj:pass was/VBD/3/aux:pass denounced/VBN/0/root "
         "by/IN/5/case Gondor/NNP/3/obl ././3/punct",
         "GON", "MOR", "122"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kbi_sentence s = make(&a, cases[i].spec);
        T_EQ_INT(kbi_project_constituents(&s, &a), KB_OK);
        kbi_result_clear(res);
        T_EQ_INT(kbi_code_sentence(d, NULL, &rec, &s, res, &err), KB_OK);
        T_EQ_INT(kb_result_count(res), 1);
        const kb_event *e = kb_result_event(res, 0);
        if (e) {
            T_EQ_STR(e->source, cases[i].src);
            T_EQ_STR(e->target, cases[i].tgt);
            T_EQ_STR(e->code, cases[i].code);
        }
    }
    kbi_arena_free(&a);
    kb_result_free(res);
    kb_dict_free(d);
}

int main(void)
{
    T_RUN(test_coding);
    T_RUN(test_shapes);
    T_RUN(test_commas);
    T_RUN(test_repairs);
    return t_done();
}
