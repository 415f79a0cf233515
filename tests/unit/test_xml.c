/* test_xml.c - PETRARCH XML records (src/input/xml.c) and <Config> options
 * (src/input/config.c). */
#include <stdlib.h>
#include <unistd.h>

#include "t.h"
#include "khabar.h"
#include "nlp/sentence.h"

#define VALIDATION "tests/data/validation/PETR.UnitTest.records.xml"

/* Every diagnostic the reader sends, kept for inspection. */
typedef struct diags {
    int n;
    kb_error e[16];
} diags;

static void collect(void *user, const kb_error *e)
{
    diags *d = user;
    if (d->n < 16)
        d->e[d->n] = *e;
    d->n++;
}

static int contains(const char *s, const char *part)
{
    return s && strstr(s, part) != NULL;
}

/* ---- the validation suite ---------------------------------------------- */

/* What the validation file should give, checked record by record. */
static void check_validation_record(const kb_record *r)
{
    const kb_config *c = r->config;
    T_OK(c != NULL);
    if (!c)
        return;
    if (!strcmp(r->id, "DEMO-00")) {
        T_EQ_INT(r->line, 61);
        T_EQ_STR(r->date, "19950101");
        T_EQ_STR(r->category, "DEMO");
        T_OK(r->source == NULL);
        T_EQ_INT(r->n_expected, 1);
        T_EQ_STR(r->expected[0].source, "ARN");
        T_EQ_STR(r->expected[0].target, "GON");
        T_EQ_STR(r->expected[0].code, "064");
        T_OK(contains(r->text, "\nArnor is about to restore"));
        T_OK(contains(r->parse, "(NNP Arnor)"));
        T_EQ_INT(c->new_actor_length, 0);
        T_EQ_INT(c->require_dyad, 1);
    } else if (!strcmp(r->id, "DEMO-22")) {
        T_EQ_INT(c->new_actor_length, 4);
        T_EQ_INT(r->n_expected, 2);
        T_EQ_STR(r->expected[1].source, "\"INJURY TOLL\"");
        T_EQ_STR(r->expected[1].target, "OSG");
    } else if (!strcmp(r->id, "DEMO-23")) {
        T_EQ_INT(c->new_actor_length, 0);
    } else if (!strcmp(r->id, "COMPOUND-03") ||
               !strcmp(r->id, "COMPOUND-15")) {
        T_EQ_INT(c->require_dyad, 0);
    } else if (!strcmp(r->id, "COMPOUND-05") ||
               !strcmp(r->id, "COMPOUND-17") || !strcmp(r->id, "DATE-17")) {
        T_EQ_INT(c->require_dyad, 1);
        T_EQ_INT(c->comma_emax, 8);
    } else if (!strcmp(r->id, "DATE-16")) {
        T_EQ_INT(c->require_dyad, 0);
        T_EQ_INT(c->comma_emax, 0);
    } else if (!strcmp(r->id, "ACTOR-02")) {
        T_EQ_INT(c->new_actor_length, 4);
    } else if (!strcmp(r->id, "ACTOR-03")) {
        T_EQ_INT(c->new_actor_length, 3);
    } else if (!strcmp(r->id, "ACTOR-04")) {
        T_EQ_INT(c->new_actor_length, 0);
    } else if (!strcmp(r->id, "COMMA-05")) {
        T_EQ_INT(c->comma_min, 4);
        T_EQ_INT(c->comma_max, 6);
        T_EQ_INT(c->comma_emin, 3);
        T_EQ_INT(c->comma_emax, 6);
        T_EQ_INT(c->comma_bmin, 3);
        T_EQ_INT(c->comma_bmax, 6);
        T_EQ_INT(c->require_dyad, 0);
    } else if (!strcmp(r->id, "COMMA-10")) {
        T_EQ_INT(c->comma_max, 0);
        T_EQ_INT(c->comma_emax, 0);
        T_EQ_INT(c->comma_bmax, 0);
        T_EQ_INT(c->comma_min, 4);
    } else if (!strcmp(r->id, "COMMA-13") ||
               !strcmp(r->id, "FINAL-RECORD")) {
        T_EQ_INT(c->comma_min, 2);
        T_EQ_INT(c->comma_max, 8);
        T_EQ_INT(c->comma_emin, 2);
        T_EQ_INT(c->comma_emax, 8);
        T_EQ_INT(c->comma_bmin, 3);
        T_EQ_INT(c->comma_bmax, 0);
        T_EQ_INT(c->require_dyad, 1);
    } else if (!strcmp(r->id, "SYNSET-02")) {
        T_OK(contains(r->text, "full &TIETYPE ties"));
    } else if (!strcmp(r->id, "ERROR-01")) {
        T_EQ_STR(r->date, "20080801");
        T_EQ_STR(r->expect_error, "dateline");
        T_EQ_INT(r->n_expected, 0);
    } else if (!strcmp(r->id, "ACTOR-13")) {
        T_OK(contains(r->text, "\xe2\x80\x99")); /* typographic apostrophe */
    } else if (!strcmp(r->id, "PATTERN-06")) {
        T_EQ_INT(r->n_expected, 0);
        T_EQ_INT(r->expect_none, 0);
        T_OK(r->expect_error == NULL);
    } else if (!strcmp(r->id, "FINAL-RECORD")) {
        T_EQ_INT(r->expect_none, 1);
    }
}

/* Every parse in the suite reads, except the two broken on purpose. */
static void check_parse(const kb_record *r, kbi_arena *a)
{
    kbi_sentence s;
    kb_error e;
    kbi_arena_reset(a);
    kb_status st = kbi_ptb_parse(r->parse, strlen(r->parse), r->id, a, &s, &e);
    if (!strcmp(r->id, "ERROR-02")) {
        T_EQ_INT(st, KB_ERR_SYNTAX);
        T_OK(contains(e.message, "more ')' than '('"));
    } else if (!strcmp(r->id, "ERROR-03")) {
        T_EQ_INT(st, KB_ERR_SYNTAX);
        T_OK(contains(e.message, "expected ')'"));
    } else {
        T_EQ_INT(st, KB_OK);
        if (st != KB_OK)
            fprintf(stderr, "  %s: %s\n", r->id, e.message);
        T_OK(s.nnodes > 1 && s.ntoks > 1);
        T_EQ_STR(s.nodes[0].label, "ROOT");
    }
}

static void test_validation_file(void)
{
    diags d = {0};
    kb_reader *rd = NULL;
    kb_error err;
    T_EQ_INT(kb_reader_open(VALIDATION, collect, &d, &rd, &err), KB_OK);
    if (!rd)
        return;
    /* the environment is known before the first record */
    const kb_environment *env = kb_reader_environment(rd);
    T_EQ_STR(env->verbfile, "PETR.Validate.verbs.txt");
    T_EQ_STR(env->actorfile, "PETR.Validate.actors.txt");
    T_EQ_STR(env->agentfile, "PETR.Validate.agents.txt");
    T_EQ_STR(env->discardfile, "PETR.Validate.discards.txt");
    T_OK(env->issuefile == NULL);

    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kb_record r;
    int n = 0, active = 0, agents18 = 0, last_line = 0, parses = 0;
    while (kb_reader_next(rd, &r)) {
        n++;
        active += r.active;
        T_OK(r.line > last_line);
        last_line = r.line;
        T_OK(r.text != NULL);
        if (!strcmp(r.id, "AGENTS-18"))
            T_EQ_INT(r.active, agents18++ == 0);
        check_validation_record(&r);
        if (r.parse) {
            parses++;
            check_parse(&r, &a);
        }
    }
    kbi_arena_free(&a);
    T_EQ_INT(n, 284);
    T_EQ_INT(active, 279);
    T_EQ_INT(parses, 284);
    T_EQ_INT(agents18, 2);
    T_EQ_INT(d.n, 0);
    T_EQ_INT(kb_reader_errors(rd), 0);
    T_EQ_INT(kb_reader_next(rd, &r), 0); /* stays at the end */
    kb_reader_free(rd);
}

/* ---- small documents --------------------------------------------------- */

typedef struct run {
    diags d;
    int n;
    char ids[16][32];
    int lines[16];
    size_t errors;
    kb_status st;
} run;

/* Reads a whole document from memory, noting ids and lines. */
static void read_all(const char *doc, run *out)
{
    memset(out, 0, sizeof *out);
    kb_reader *rd = NULL;
    kb_error err;
    out->st = kb_reader_open_mem(doc, strlen(doc), "mem.xml", collect,
                                 &out->d, &rd, &err);
    if (out->st != KB_OK)
        return;
    kb_record r;
    while (kb_reader_next(rd, &r)) {
        if (out->n < 16) {
            snprintf(out->ids[out->n], sizeof out->ids[0], "%s", r.id);
            out->lines[out->n] = r.line;
        }
        out->n++;
    }
    out->errors = kb_reader_errors(rd);
    kb_reader_free(rd);
}

#define REC(id) \
    "<Sentence id=\"" id "\" date=\"20150101\"><Text>t</Text></Sentence>\n"

static void test_malformed_mid_file(void)
{
    run r;
    /* the bad tag sits right after a record: that record still counts */
    read_all("<Sentences>\n" REC("A") REC("B") REC("C")
             "<bad attr>\n" REC("D") "</Sentences>\n", &r);
    T_EQ_INT(r.n, 3);
    T_EQ_STR(r.ids[2], "C");
    T_EQ_INT(r.lines[0], 2);
    T_EQ_INT(r.lines[2], 4);
    T_EQ_INT(r.d.n, 1);
    T_EQ_INT(r.d.e[0].code, KB_ERR_SYNTAX);
    T_EQ_INT(r.d.e[0].line, 5);
    T_EQ_INT(r.d.e[0].column, 10);
    T_EQ_STR(r.d.e[0].file, "mem.xml");
    T_OK(contains(r.d.e[0].message, "attr"));
    T_EQ_INT(r.errors, 1);

    /* an error inside a record loses that record only */
    read_all("<Sentences>\n" REC("A") REC("B")
             "<Sentence id=\"C\" date=\"20150101\">\n<Text>a < b</Text>\n"
             "</Sentence>\n" REC("D") "</Sentences>\n", &r);
    T_EQ_INT(r.n, 2);
    T_EQ_STR(r.ids[1], "B");
    T_EQ_INT(r.d.n, 1);
    T_EQ_INT(r.d.e[0].line, 5);
    T_OK(r.d.e[0].column > 0);

    /* mismatched end tag, and a document cut short */
    read_all("<Sentences>\n" REC("A") "<Sentence id=\"B\" date=\"20150101\">"
             "<Text>x</Txt></Sentence>\n" REC("C"), &r);
    T_EQ_INT(r.n, 1);
    T_EQ_INT(r.d.n, 1);
    T_EQ_INT(r.d.e[0].line, 3);
    read_all("<Sentences>\n" REC("A") REC("B"), &r);
    T_EQ_INT(r.n, 2);
    T_EQ_INT(r.d.n, 1);
    T_EQ_INT(r.d.e[0].line, 3);
    T_OK(contains(r.d.e[0].message, "ends inside an element"));
    T_EQ_INT(r.errors, 1);
}

/* A start tag spread over lines is dated by its first line. */
static void test_multiline_tags(void)
{
    run r;
    read_all("<Sentences>\n<Sentence\n  id=\"A\"\n  date=\"20150101\">"
             "<Text>t</Text></Sentence><Sentence id=\"B\"\n"
             "date=\"x\"><Text>t</Text></Sentence>\n"
             "<Sentence id=\"C\" note=\"a>b\" date=\"20150101\"><Text>\n"
             "t</Text></Sentence></Sentences>", &r);
    T_EQ_INT(r.n, 2);
    T_EQ_INT(r.lines[0], 2);
    T_EQ_INT(r.lines[1], 6);
    T_EQ_INT(r.d.n, 1);
    T_EQ_STR(r.d.e[0].record, "B");
    T_EQ_INT(r.d.e[0].line, 4);
}

static void test_bad_records_skipped(void)
{
    run r;
    read_all("<Sentences>\n" REC("A")
             "<Sentence date=\"20150101\"><Text>no id</Text></Sentence>\n"
             REC("B")
             "<Sentence id=\"X1\" date=\"20150230\"><Text>t</Text></Sentence>\n"
             "<Sentence id=\"X2\" date=\"2015011\"><Text>t</Text></Sentence>\n"
             "<Sentence id=\"X3\"><Text>no date</Text></Sentence>\n"
             "<Sentence id=\"X4\" date=\"20150101\">\n</Sentence>\n"
             "<Sentence id=\"X5\" date=\"20150101\">\n"
             "<EventCoding sourcecode=\"A\" targetcode=\"B\"/>\n"
             "<Text>t</Text></Sentence>\n"
             "<Sentence id=\"X6\" date=\"20150101\"/>\n"
             REC("C") "</Sentences>\n", &r);
    T_EQ_INT(r.n, 3);
    T_EQ_STR(r.ids[0], "A");
    T_EQ_STR(r.ids[1], "B");
    T_EQ_STR(r.ids[2], "C");
    T_EQ_INT(r.lines[2], 14);
    T_EQ_INT(r.errors, 7);
    T_EQ_INT(r.d.n, 7);
    static const struct {
        const char *record, *msg;
        int line;
    } want[] = {
        {"", "no id", 3},
        {"X1", "calendar date", 5},
        {"X2", "calendar date", 6},
        {"X3", "no date", 7},
        {"X4", "neither <Text> nor <Parse>", 8},
        {"X5", "needs sourcecode, targetcode and eventcode", 11},
        {"X6", "neither", 13},
    };
    for (int i = 0; i < 7 && i < r.d.n; i++) {
        T_EQ_STR(r.d.e[i].record, want[i].record);
        T_EQ_INT(r.d.e[i].line, want[i].line);
        T_EQ_INT(r.d.e[i].code, KB_ERR_SYNTAX);
        T_OK(contains(r.d.e[i].message, want[i].msg));
        T_OK(contains(r.d.e[i].message, "record skipped"));
    }
}

static void test_batch_form(void)
{
    static const char doc[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<Sentences>\n<Article id=\"a1\">\n"
        "<Sentence date=\"20150805\" id=\"a1-1\" sentence=\"True\" "
        "source=\"AFP\">\n"
        "<Text>Caf&#233; &lt;owners&gt; &amp; <![CDATA[<staff>]]>"
        "<!-- note -->met.</Text>\n"
        "<Parse>(ROOT (S (NP (NNS owners)) (VP (VBD met))))</Parse>\n"
        "</Sentence>\n"
        "<Sentence date=\"20150805\" id=\"a1-2\" sentence=\"FALSE\">"
        "<Parse>(ROOT (NN x))</Parse></Sentence>\n"
        "<Sentence date=\"20150805\" id=\"a1-3\"><Skip/><Text/></Sentence>\n"
        "<Sentence date=\"20150806\" id=\"a1-4\"><Text>t</Text></Sentence>\n"
        "</Article>\n</Sentences>\n";
    diags d = {0};
    kb_reader *rd = NULL;
    kb_error err;
    T_EQ_INT(kb_reader_open_mem(doc, sizeof doc - 1, NULL, collect, &d, &rd,
                                &err), KB_OK);
    if (!rd)
        return;
    const kb_environment *env = kb_reader_environment(rd);
    T_OK(env->verbfile == NULL && env->actorfile == NULL);
    kb_record r;
    T_EQ_INT(kb_reader_next(rd, &r), 1);
    T_EQ_STR(r.id, "a1-1");
    T_EQ_STR(r.source, "AFP");
    T_OK(r.category == NULL);
    T_EQ_INT(r.active, 1);
    T_EQ_INT(r.line, 4);
    T_EQ_STR(r.text, "Caf\xc3\xa9 <owners> & <staff>met.");
    T_EQ_STR(r.parse, "(ROOT (S (NP (NNS owners)) (VP (VBD met))))");
    T_EQ_INT(r.n_expected, 0);
    T_EQ_INT(r.config->require_dyad, 1);
    T_EQ_INT(kb_reader_next(rd, &r), 1);
    T_EQ_STR(r.id, "a1-2");
    T_EQ_INT(r.active, 0);
    T_OK(r.text == NULL);
    T_EQ_INT(kb_reader_next(rd, &r), 1);
    T_EQ_STR(r.id, "a1-3");
    T_EQ_INT(r.active, 0); /* <Skip> */
    T_EQ_STR(r.text, "");
    T_EQ_INT(kb_reader_next(rd, &r), 1);
    T_EQ_STR(r.id, "a1-4");
    T_EQ_INT(r.active, 1); /* no sentence attribute */
    T_EQ_INT(kb_reader_next(rd, &r), 0);
    T_EQ_INT(d.n, 0);
    T_EQ_INT(kb_reader_errors(rd), 0);
    kb_reader_free(rd);
}

/* Entities declared in the document are not expanded in text (nor
 * fetched), and each one left out is reported. */
static void test_declared_entities(void)
{
    static const char doc[] =
        "<!DOCTYPE Sentences [<!ENTITY in \"inner\">\n"
        "<!ENTITY out SYSTEM \"file:///etc/hostname\">]>\n"
        "<Sentences><Sentence id=\"E\" date=\"20150101\">"
        "<Text>a&in;b&out;c&#65;&amp;</Text></Sentence></Sentences>\n";
    diags d = {0};
    kb_reader *rd = NULL;
    kb_error err;
    T_EQ_INT(kb_reader_open_mem(doc, sizeof doc - 1, "e.xml", collect, &d,
                                &rd, &err), KB_OK);
    kb_record r;
    T_EQ_INT(kb_reader_next(rd, &r), 1);
    T_EQ_STR(r.text, "abcA&");
    T_EQ_INT(d.n, 2);
    T_EQ_INT(d.e[0].code, KB_ERR_INVALID);
    T_EQ_INT(d.e[0].line, 3);
    T_EQ_STR(d.e[0].record, "E");
    T_OK(contains(d.e[0].message, "&in;"));
    T_OK(contains(d.e[1].message, "&out;"));
    T_EQ_INT(kb_reader_next(rd, &r), 0);
    T_EQ_INT(kb_reader_errors(rd), 0);
    kb_reader_free(rd);
}

static void test_config_and_stop(void)
{
    static const char doc[] =
        "<Validation><Environment>\n"
        "  <Verbfile>\n   verbs.txt  </Verbfile><Issuefile>i.txt</Issuefile>\n"
        "  <Config option=\"new_actor_length\" value=\"2\"/>\n"
        "</Environment>\n<Sentences>\n"
        "<Sentence id=\"A\" date=\"20150101\"><Text>t</Text>"
        "<EventCoding sourcecode=\"X\" targetcode=\"Y\" eventcode=\"010\"/>"
        "<EventCoding sourcecode=\"Y\" targetcode=\"X\" eventcode=\"020\"/>"
        "</Sentence>\n"
        "<Config option=\"no_such\" value=\"1\"/>\n"
        "<Config option=\"comma_min\" value=\"many\"/>\n"
        "<Config option=\"require_dyad\" value=\"isFalse\"/>\n"
        "<Config option=\"comma_max\" value=\" 5 \"/>\n"
        "<Sentence id=\"B\" date=\"20150101\"><Text>t</Text></Sentence>\n"
        "<Stop/>\n"
        "<Sentence id=\"C\" date=\"20150101\"><Text>t</Text></Sentence>\n"
        "</Sentences></Validation>\n";
    diags d = {0};
    kb_reader *rd = NULL;
    kb_error err;
    T_EQ_INT(kb_reader_open_mem(doc, sizeof doc - 1, "c.xml", collect, &d,
                                &rd, &err), KB_OK);
    if (!rd)
        return;
    T_EQ_STR(kb_reader_environment(rd)->verbfile, "verbs.txt");
    T_EQ_STR(kb_reader_environment(rd)->issuefile, "i.txt");
    kb_record r;
    T_EQ_INT(kb_reader_next(rd, &r), 1);
    T_EQ_STR(r.id, "A");
    T_EQ_INT(r.config->new_actor_length, 2);
    T_EQ_INT(r.config->require_dyad, 1);
    T_EQ_INT(r.n_expected, 2);
    T_EQ_STR(r.expected[1].code, "020");
    T_EQ_INT(kb_reader_next(rd, &r), 1);
    T_EQ_STR(r.id, "B");
    T_EQ_INT(r.config->new_actor_length, 2);
    T_EQ_INT(r.config->require_dyad, 0);
    T_EQ_INT(r.config->comma_min, 2);
    T_EQ_INT(r.config->comma_max, 5);
    T_EQ_INT(r.n_expected, 0);
    T_EQ_INT(kb_reader_next(rd, &r), 0); /* <Stop> */
    T_EQ_INT(d.n, 2);
    T_OK(contains(d.e[0].message, "unknown option"));
    T_EQ_INT(d.e[0].line, 8);
    T_EQ_INT(d.e[0].code, KB_ERR_INVALID);
    T_OK(contains(d.e[1].message, "many"));
    T_EQ_INT(d.e[1].line, 9);
    T_EQ_INT(kb_reader_errors(rd), 0);
    kb_reader_free(rd);
}

static void test_not_xml(void)
{
    run r;
    read_all("", &r);
    T_EQ_INT(r.st, KB_OK);
    T_EQ_INT(r.n, 0);
    T_EQ_INT(r.d.n, 1);
    T_OK(contains(r.d.e[0].message, "empty document"));
    T_EQ_INT(r.errors, 1);
    read_all(" <!-- nothing -->\n", &r);
    T_EQ_INT(r.d.n, 1);
    T_OK(contains(r.d.e[0].message, "empty document"));
    read_all("(ROOT (S (NN x)))\n", &r);
    T_EQ_INT(r.n, 0);
    T_EQ_INT(r.d.n, 1);
    T_EQ_INT(r.d.e[0].line, 1);
    T_EQ_INT(r.d.e[0].column, 1);
    /* a NUL byte in the middle */
    static const char nul[] = "<Sentences>\n" REC("A") "<Sent\0ence/>" REC("B");
    diags d = {0};
    kb_reader *rd = NULL;
    kb_error err;
    T_EQ_INT(kb_reader_open_mem(nul, sizeof nul - 1, "nul.xml", collect, &d,
                                &rd, &err), KB_OK);
    kb_record rec;
    int n = 0;
    while (kb_reader_next(rd, &rec))
        n++;
    T_EQ_INT(n, 1);
    T_EQ_INT(d.n, 1);
    T_EQ_INT(d.e[0].line, 3);
    kb_reader_free(rd);

    T_EQ_INT(kb_reader_open("no/such/file.xml", NULL, NULL, &rd, &err),
             KB_ERR_IO);
    T_OK(rd == NULL);
    T_EQ_STR(err.file, "no/such/file.xml");
}

/* An encoding libxml2 cannot convert: reported through diag like any
 * other error, and nothing is printed on stderr. */
static void test_encoding_error(void)
{
    fflush(stderr);
    int saved = dup(2);
    FILE *tmp = tmpfile();
    T_OK(saved >= 0 && tmp != NULL);
    if (saved < 0 || !tmp)
        return;
    dup2(fileno(tmp), 2);
    run r;
    read_all("<?xml version=\"1.0\" encoding=\"UTF-7\"?>\n<Sentences>\n"
             "\xff\xff\xff\xff</Sentences>\n", &r);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    fseek(tmp, 0, SEEK_END);
    T_EQ_INT(ftell(tmp), 0);
    fclose(tmp);
    T_EQ_INT(r.n, 0);
    T_EQ_INT(r.d.n, 1);
    T_OK(contains(r.d.e[0].message, "conversion failed"));
    T_OK(r.d.e[0].line == 2 || r.d.e[0].line == 3); /* parser's position */
    T_EQ_INT(r.errors, 1);
}

/* Line numbers stay right past libxml2's 16-bit element lines. */
static void test_big_line_numbers(void)
{
    size_t blank = 70000;
    size_t cap = blank + 4096;
    char *doc = malloc(cap);
    size_t k = (size_t)snprintf(doc, cap, "<Sentences>\n");
    memset(doc + k, '\n', blank);
    k += blank;
    snprintf(doc + k, cap - k,
             "<Sentence id=\"A\" date=\"20150101\"><Text>t</Text></Sentence>\n"
             "<Sentence id=\"B\" date=\"2015\"><Text>t</Text></Sentence>\n"
             "<Sentence id=\"C\" date=\"20150101\">\n<Text>t</Text>\n"
             "</Sentence>\n</Sentences>\n");
    diags d = {0};
    kb_reader *rd = NULL;
    kb_error err;
    T_EQ_INT(kb_reader_open_mem(doc, strlen(doc), "big.xml", collect, &d,
                                &rd, &err), KB_OK);
    kb_record r;
    T_EQ_INT(kb_reader_next(rd, &r), 1);
    T_EQ_INT(r.line, 70002);
    T_EQ_INT(kb_reader_next(rd, &r), 1);
    T_EQ_STR(r.id, "C");
    T_EQ_INT(r.line, 70004);
    T_EQ_INT(d.n, 1);
    T_EQ_INT(d.e[0].line, 70003);
    kb_reader_free(rd);
    free(doc);
}

/* ---- kb_config --------------------------------------------------------- */

static void test_config_set(void)
{
    kb_config c;
    kb_error e;
    kb_config_init(&c);
    T_EQ_INT(c.new_actor_length, 0);
    T_EQ_INT(c.require_dyad, 1);
    T_EQ_INT(c.comma_min, 2);
    T_EQ_INT(c.comma_max, 8);
    T_EQ_INT(c.comma_bmin, 0);
    T_EQ_INT(c.comma_bmax, 0);
    T_EQ_INT(c.comma_emin, 2);
    T_EQ_INT(c.comma_emax, 8);
    T_EQ_INT(kb_config_set(&c, "require_dyad", "FALSE", &e), KB_OK);
    T_EQ_INT(c.require_dyad, 0);
    T_EQ_INT(kb_config_set(&c, "require_dyad", "yes", &e), KB_OK);
    T_EQ_INT(c.require_dyad, 1);
    T_EQ_INT(kb_config_set(&c, "require_dyad", "notFaLsE!", &e), KB_OK);
    T_EQ_INT(c.require_dyad, 0);
    T_EQ_INT(kb_config_set(&c, "stop_on_error", "True", &e), KB_OK);
    T_EQ_INT(kb_config_set(&c, "comma_bmin", "3", &e), KB_OK);
    T_EQ_INT(c.comma_bmin, 3);
    T_EQ_INT(kb_config_set(&c, "comma_emax", "0", &e), KB_OK);
    T_EQ_INT(c.comma_emax, 0);
    T_EQ_INT(kb_config_set(&c, "new_actor_length", "+4", &e), KB_OK);
    T_EQ_INT(c.new_actor_length, 4);
    static const char *bad[] = {"", " ", "-1", "4x", "1.5", "True",
                                "99999999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        memset(&e, 0, sizeof e);
        T_EQ_INT(kb_config_set(&c, "comma_min", bad[i], &e), KB_ERR_INVALID);
        T_EQ_INT(e.code, KB_ERR_INVALID);
        T_OK(contains(e.message, "comma_min"));
    }
    T_EQ_INT(c.comma_min, 2); /* unchanged by the failures */
    T_EQ_INT(kb_config_set(&c, "comma_middle", "1", &e), KB_ERR_INVALID);
    T_OK(contains(e.message, "unknown option"));
    T_EQ_INT(kb_config_set(&c, NULL, "1", &e), KB_ERR_INVALID);
    T_EQ_INT(kb_config_set(&c, "comma_min", NULL, &e), KB_ERR_INVALID);
}

int main(void)
{
    T_RUN(test_validation_file);
    T_RUN(test_malformed_mid_file);
    T_RUN(test_multiline_tags);
    T_RUN(test_bad_records_skipped);
    T_RUN(test_batch_form);
    T_RUN(test_declared_entities);
    T_RUN(test_config_and_stop);
    T_RUN(test_not_xml);
    T_RUN(test_encoding_error);
    T_RUN(test_big_line_numbers);
    T_RUN(test_config_set);
    return t_done();
}
