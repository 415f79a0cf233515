/* test_articles.c - article input: the raw text, JSON Lines and HTML
 * readers (kb_article_reader), format detection, the HTML preparation
 * (encodings, canonical markup, pathological pages) and the boilerplate
 * line classifier, whose cases are the data file
 * tests/data/boiler/lines.tsv. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article/boiler.h"
#include "base/arena.h"
#include "input/input.h"
#include "khabar.h"
#include "t.h"

#define ART "tests/data/articles/"

/* ---- helpers ------------------------------------------------------------ */

enum { MAX_DIAGS = 32 };

typedef struct diags {
    int n;
    kb_error e[MAX_DIAGS];
} diags;

static void on_diag(void *user, const kb_error *e)
{
    diags *d = user;
    if (d->n < MAX_DIAGS)
        d->e[d->n] = *e;
    d->n++;
}

static int contains(const char *hay, const char *needle)
{
    return hay && strstr(hay, needle) != NULL;
}

/* The whole text of article a as a C string (text_len bytes). */
static int text_is(const kb_article *a, const char *s)
{
    return a->text_len == strlen(s) && memcmp(a->text, s, a->text_len) == 0;
}

static kb_article_reader *open_file(const char *path, int format,
                                    const char *date, diags *d)
{
    kb_article_reader *r = NULL;
    kb_error err;
    memset(d, 0, sizeof *d);
    kb_status st = kb_article_reader_open(path, format, date, on_diag, d, &r,
                                          &err);
    if (st != KB_OK)
        T_FAIL("%s: %s", path, err.message);
    return r;
}

static kb_article_reader *open_buf(const char *data, const char *name,
                                   int format, diags *d)
{
    kb_article_reader *r = NULL;
    kb_error err;
    memset(d, 0, sizeof *d);
    kb_status st = kb_article_reader_open_buffer(
        data, strlen(data), name, format, NULL, on_diag, d, &r, &err);
    if (st != KB_OK)
        T_FAIL("%s: %s", name ? name : "(null)", err.message);
    return r;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    size_t k = fread(b, 1, (size_t)n, f);
    fclose(f);
    b[k] = '\0';
    *len = k;
    return b;
}

/* ---- boilerplate lines ---------------------------------------------------- */

/* Every line of lines.tsv is KIND<TAB>LINE. */
static void test_boiler_data(void)
{
    FILE *f = fopen("tests/data/boiler/lines.tsv", "r");
    T_OK(f != NULL);
    if (!f)
        return;
    char line[2048];
    int n = 0, negatives = 0, lineno = 0;
    int per_kind[KBI_BOILER_KINDS] = {0};
    while (fgets(line, sizeof line, f)) {
        lineno++;
        size_t len = strlen(line);
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab) {
            T_FAIL("lines.tsv:%d: no tab", lineno);
            continue;
        }
        *tab = '\0';
        int want = kbi_boiler_parse(line);
        if (want < 0) {
            T_FAIL("lines.tsv:%d: unknown kind '%s'", lineno, line);
            continue;
        }
        kbi_boiler_kind got = kbi_boiler_line(tab + 1, strlen(tab + 1));
        t_checks++;
        if ((int)got != want)
            T_FAIL("lines.tsv:%d: \"%s\" is %s, expected %s", lineno, tab + 1,
                   kbi_boiler_name(got), line);
        n++;
        negatives += want == KBI_BOILER_NONE;
        per_kind[want]++;
    }
    fclose(f);
    T_OK(n >= 60);
    T_OK(negatives * 5 >= n * 2); /* about half are look-alikes */
    for (int k = 1; k < KBI_BOILER_KINDS; k++)
        T_OK(per_kind[k] >= 4);
}

static void test_boiler_api(void)
{
    for (int k = 0; k < KBI_BOILER_KINDS; k++)
        T_EQ_INT(kbi_boiler_parse(kbi_boiler_name((kbi_boiler_kind)k)), k);
    T_OK(kbi_boiler_name(KBI_BOILER_KINDS) == NULL);
    T_EQ_INT(kbi_boiler_parse("nonsense"), -1);
    T_EQ_INT(kbi_boiler_line(NULL, 0), KBI_BOILER_NONE);
    T_EQ_INT(kbi_boiler_line("", 0), KBI_BOILER_NONE);
    /* the length is respected: the line is not read past len */
    T_EQ_INT(kbi_boiler_line("Read more: x", 4), KBI_BOILER_NONE);
    T_EQ_INT(kbi_boiler_line("  \xE2\x80\xA2 Read more: x\r", 16),
             KBI_BOILER_READ_MORE);

    const char *text = "Title line\n\nBy Jane Doe, Reuters\r\n"
                       "Troops left on Monday.\n"
                       "Read More: other story\n"
                       "\n"
                       "Editing by Khrush Najari";
    size_t len = strlen(text), pos = 0;
    kbi_boiler_span s;
    const char *want[] = {"By Jane Doe, Reuters\r", "Read More: other story",
                          "Editing by Khrush Najari"};
    kbi_boiler_kind kinds[] = {KBI_BOILER_BYLINE, KBI_BOILER_READ_MORE,
                               KBI_BOILER_CREDIT};
    int k = 0;
    while (kbi_boiler_next(text, len, &pos, &s)) {
        if (k < 3) {
            T_EQ_INT(s.end - s.start, strlen(want[k]));
            T_OK(!memcmp(text + s.start, want[k], s.end - s.start));
            T_EQ_INT(s.kind, kinds[k]);
        }
        k++;
    }
    T_EQ_INT(k, 3);
    T_EQ_INT(pos, len);
    pos = 0;
    T_EQ_INT(kbi_boiler_next(NULL, 5, &pos, &s), 0);
}

/* ---- dates ------------------------------------------------------------------ */

static void test_dates(void)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"2019-11-24", "2019-11-24"},
        {"20191124", "2019-11-24"},
        {" 2019-11-24 ", "2019-11-24"},
        {"2019-11-24T09:30:00+03:00", "2019-11-24"},
        {"2019-11-24 09:30", "2019-11-24"},
        {"20191124T0930Z", "2019-11-24"},
        {"2020-02-29", "2020-02-29"},
        {"2019-02-29", NULL},
        {"2019-13-01", NULL},
        {"2019-11-24x", NULL},
        {"2019-11-24 yesterday", NULL},
        {"2019/11/24", NULL},
        {"201911", NULL},
        {"2019-1124", NULL},
        {"24 November 2019", NULL},
        {"", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[11] = "";
        int ok = kbi_article_date(cases[i].in, strlen(cases[i].in), out);
        t_checks++;
        if (ok != (cases[i].out != NULL) ||
            (ok && strcmp(out, cases[i].out)))
            T_FAIL("date '%s' -> %d '%s'", cases[i].in, ok, out);
    }
}

/* ---- raw text ---------------------------------------------------------------- */

static void test_text_sample(void)
{
    diags d;
    kb_article_reader *r = open_file(KB_DATADIR "/examples/sample-article.txt",
                                     KB_INPUT_AUTO, "20191124", &d);
    if (!r)
        return;
    kb_article a;
    T_OK(kb_article_reader_next(r, &a));
    T_EQ_STR(a.id, "sample-article");
    T_EQ_STR(a.date, "2019-11-24");
    T_EQ_STR(a.title, "Kurdistan PM, Iraqi National Security Adviser talk "
                      "enhanced security coordination");
    T_OK(a.url == NULL && a.source == NULL);
    T_OK(contains(a.file, "sample-article.txt"));
    T_OK(a.text_len > 1000);
    T_OK(!strncmp(a.text, "The Prime Minister of the Kurdistan Region", 42));
    T_OK(a.text_len >= 24 &&
         !memcmp(a.text + a.text_len - 24, "Editing by Khrush Najari", 24));
    /* the boilerplate lines of the sample: Read More and Editing by */
    size_t pos = 0;
    kbi_boiler_span s;
    int kinds[KBI_BOILER_KINDS] = {0}, n = 0;
    while (kbi_boiler_next(a.text, a.text_len, &pos, &s)) {
        kinds[s.kind]++;
        n++;
    }
    T_EQ_INT(n, 2);
    T_EQ_INT(kinds[KBI_BOILER_READ_MORE], 1);
    T_EQ_INT(kinds[KBI_BOILER_CREDIT], 1);
    T_OK(!kb_article_reader_next(r, &a));
    T_EQ_INT(kb_article_reader_errors(r), 0);
    T_EQ_INT(d.n, 0);
    kb_article_reader_free(r);
}

static void test_text_shapes(void)
{
    diags d;
    kb_article a;
    kb_article_reader *r;

    /* no blank line after the first line: no title */
    r = open_file(ART "notitle.txt", KB_INPUT_TEXT, NULL, &d);
    T_OK(r && kb_article_reader_next(r, &a));
    if (r) {
        T_EQ_STR(a.id, "notitle");
        T_OK(a.title == NULL && a.date == NULL);
        T_OK(text_is(&a, "One paragraph only, with no title line.\n"
                         "It goes on over a second line.\n"));
    }
    kb_article_reader_free(r);

    /* BOM, leading blank lines, CRLF, a title and blank lines before the
     * body; a buffer without a name is "stdin" */
    r = open_buf("\xEF\xBB\xBF\n  \r\n  The Title \r\n \r\n\r\nBody one.\r\n",
                 NULL, KB_INPUT_TEXT, &d);
    T_OK(r && kb_article_reader_next(r, &a));
    if (r) {
        T_EQ_STR(a.id, "stdin");
        T_EQ_STR(a.title, "The Title");
        T_OK(text_is(&a, "Body one.\r\n"));
        T_EQ_STR(a.file, "<stdin>");
    }
    kb_article_reader_free(r);

    /* a single line: text, not title; id from a path */
    r = open_buf("Just one line", "dir/sub/x.y.txt", KB_INPUT_AUTO, &d);
    T_OK(r && kb_article_reader_next(r, &a));
    if (r) {
        T_EQ_STR(a.id, "x.y");
        T_OK(a.title == NULL);
        T_OK(text_is(&a, "Just one line"));
        T_OK(!kb_article_reader_next(r, &a));
    }
    kb_article_reader_free(r);

    /* a title and nothing else is an article; nothing at all is not */
    r = open_buf("Only a title\n\n", "t.txt", KB_INPUT_AUTO, &d);
    T_OK(r && kb_article_reader_next(r, &a));
    if (r) {
        T_EQ_STR(a.title, "Only a title");
        T_EQ_INT(a.text_len, 0);
    }
    kb_article_reader_free(r);
    const char *empties[] = {"", " \n\n \t\r\n"};
    for (int i = 0; i < 2; i++) {
        r = open_buf(empties[i], "e.txt", KB_INPUT_AUTO, &d);
        T_OK(r && !kb_article_reader_next(r, &a));
        T_EQ_INT(kb_article_reader_errors(r), 1);
        T_EQ_INT(d.n, 1);
        T_EQ_STR(d.e[0].record, "e");
        kb_article_reader_free(r);
    }

    /* the default date is checked when the reader opens */
    kb_error err;
    r = NULL;
    T_EQ_INT(kb_article_reader_open_buffer("x", 1, "x.txt", KB_INPUT_TEXT,
                                           "2019-02-30", NULL, NULL, &r, &err),
             KB_ERR_INVALID);
    T_OK(r == NULL && contains(err.message, "2019-02-30"));
    T_EQ_INT(kb_article_reader_open("no/such/file.txt", KB_INPUT_AUTO, NULL,
                                    NULL, NULL, &r, &err),
             KB_ERR_IO);
    T_EQ_INT(kb_article_reader_open(NULL, KB_INPUT_AUTO, NULL, NULL, NULL,
                                    &r, &err),
             KB_ERR_INVALID);
    T_OK(!kb_article_reader_next(NULL, &a));
    T_EQ_INT(kb_article_reader_errors(NULL), 0);
    kb_article_reader_free(NULL);
}

/* ---- JSON Lines ----------------------------------------------------------------- */

/* 1-based column of the first occurrence of s in line n (1-based) of the
 * fixture. */
static int column_of(const char *data, int n, const char *s)
{
    const char *p = data;
    for (int i = 1; i < n && p; i++) {
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    const char *q = p ? strstr(p, s) : NULL;
    return q ? (int)(q - p) + 1 : -1;
}

static void test_jsonl(void)
{
    size_t len;
    char *data = slurp(ART "articles.jsonl", &len);
    T_OK(data != NULL);
    if (!data)
        return;
    diags d;
    kb_article_reader *r = open_file(ART "articles.jsonl", KB_INPUT_AUTO,
                                     "2019-11-20", &d);
    if (!r) {
        free(data);
        return;
    }
    kb_article a;
    int n = 0;
    while (kb_article_reader_next(r, &a)) {
        n++;
        switch (a.line) {
        case 1:
            T_EQ_STR(a.id, "a1");
            T_EQ_STR(a.date, "2019-11-24");
            T_EQ_STR(a.title, "Kurdistan PM meets adviser");
            T_EQ_STR(a.url, "https://example.org/a1");
            T_EQ_STR(a.source, "Kurdistan 24");
            T_OK(text_is(&a, "The Prime Minister of the Kurdistan Region "
                             "received a delegation.\n\nBoth sides "
                             "discussed security."));
            break;
        case 3:
            T_EQ_STR(a.id, "a2");
            T_EQ_STR(a.date, "2019-11-23");
            T_OK(a.title == NULL && a.url == NULL && a.source == NULL);
            break;
        case 4:
            T_EQ_STR(a.id, "17");
            T_EQ_STR(a.date, "2019-11-22");
            break;
        case 5:
            T_EQ_STR(a.id, "articles.jsonl:5");
            T_EQ_STR(a.date, "2019-11-20");
            break;
        case 14:
            T_EQ_STR(a.id, "last");
            T_EQ_STR(a.date, "2019-11-20");
            T_OK(a.title == NULL && a.source == NULL);
            T_OK(text_is(&a, "Last: \xC3\x89rbil \"quoted\" caf\xC3\xA9."));
            break;
        case 15:
            T_EQ_STR(a.id, "a3");
            T_OK(text_is(&a, "The last line has no newline."));
            break;
        default:
            T_FAIL("unexpected article at line %d", a.line);
        }
        T_OK(contains(a.file, "articles.jsonl"));
    }
    T_EQ_INT(n, 6);
    T_EQ_INT(kb_article_reader_errors(r), 8);
    T_EQ_INT(d.n, 8);
    /* each bad line with its line and the column of what is wrong */
    static const struct {
        int line;
        const char *at; /* the column is where this starts; NULL: 1 */
        const char *record, *says;
    } want[] = {
        {6, NULL, "", "expected"},
        {7, "\"2019-13-40\"", "bad-date", "date"},
        {8, NULL, "no-text", "\"text\""},
        {9, "42", "num-text", "\"text\" as a string"},
        {10, "[\"a\"", "title-type", "\"title\" as a string"},
        {11, NULL, "", "string"},
        {12, "\"   \"", "empty", "no text"},
        {13, "{\"x\"", "", "\"id\""},
    };
    for (int i = 0; i < 8 && i < d.n; i++) {
        const kb_error *e = &d.e[i];
        T_EQ_INT(e->line, want[i].line);
        T_EQ_INT(e->code, KB_ERR_SYNTAX);
        T_OK(contains(e->file, "articles.jsonl"));
        T_EQ_STR(e->record, want[i].record);
        if (!contains(e->message, want[i].says))
            T_FAIL("line %d: message '%s'", e->line, e->message);
        if (want[i].at)
            T_EQ_INT(e->column, column_of(data, want[i].line, want[i].at));
        else
            T_OK(e->column >= 1);
    }
    /* the cut string: the column is at the end of the line */
    if (d.n > 5)
        T_OK(d.e[5].column > 10);
    kb_article_reader_free(r);
    free(data);

    /* no default date: articles without one have none */
    r = open_buf("{\"id\":\"x\",\"text\":\"t\"}\n", "x.jsonl", KB_INPUT_AUTO,
                 &d);
    T_OK(r && kb_article_reader_next(r, &a) && a.date == NULL);
    kb_article_reader_free(r);
}

/* ---- HTML ----------------------------------------------------------------------- */

static void test_html_news(void)
{
    diags d;
    kb_article_reader *r = open_file(ART "news.html", KB_INPUT_AUTO,
                                     "2000-01-01", &d);
    if (!r)
        return;
    kb_article a;
    T_OK(kb_article_reader_next(r, &a));
    T_EQ_STR(a.id, "news");
    T_EQ_STR(a.title, "Kurdistan PM, Iraqi National Security Adviser discuss "
                      "security coordination");
    T_EQ_STR(a.date, "2019-11-24");
    T_EQ_STR(a.url,
             "https://news.example.org/world/kurdistan-pm-security-adviser");
    T_EQ_STR(a.source, "Example News");
    T_EQ_INT(strlen(a.text), a.text_len);
    /* the article's paragraphs, entities decoded, whitespace collapsed */
    T_OK(!strncmp(a.text, "ERBIL (Example News) \xE2\x80\x93 The Prime "
                          "Minister", 36));
    T_OK(contains(a.text, "the latest developments in Iraq and the "
                          "autonomous region, and the \xE2\x80\x9Cimportance "
                          "of continued coordination\xE2\x80\x9D between the "
                          "Peshmerga and"));
    T_OK(contains(a.text, "\n\nIslamic State attacks\n\n"));
    T_OK(contains(a.text, "\n\nThree villages were attacked on Friday.\n\n"
                          "Two farmers were kidnapped near Daquq.\n\n"));
    T_OK(contains(a.text, "\"The situation in the disputed territories"));
    T_OK(contains(a.text, "\n\nEditing by Khrush Najari"));
    /* and nothing else */
    static const char *const never[] = {
        "cookies", "World", "Search", "Tweet", "Share on", "(Photo: KRG)",
        "Advertisement", "showAd", "Related", "election law", "comments",
        "Great article", "Markets rally", "All rights reserved", "About us",
        "Subscribe", "late script", "not news", "font-family", "Jane Doe",
        "Kurdistan PM meets Iraqi security adviser", "  ", "\n\n\n"};
    for (size_t i = 0; i < sizeof never / sizeof *never; i++)
        if (contains(a.text, never[i]))
            T_FAIL("news.html: '%s' in the text", never[i]);
    T_OK(!kb_article_reader_next(r, &a));
    T_EQ_INT(d.n, 0);
    kb_article_reader_free(r);
}

static void test_html_pages(void)
{
    diags d;
    kb_article a;
    kb_article_reader *r;

    /* no <article>, a table layout: the text-dense column */
    r = open_file(ART "noarticle.html", KB_INPUT_AUTO, "2019-11-10", &d);
    T_OK(r && kb_article_reader_next(r, &a));
    if (r) {
        T_EQ_STR(a.title, "Baghdad talks end without agreement");
        T_EQ_STR(a.date, "2019-11-10");
        T_OK(a.url == NULL && a.source == NULL);
        T_OK(!strncmp(a.text, "BAGHDAD \xE2\x80\x94 Talks between", 21));
        T_OK(contains(a.text, "\n\nOfficials from both sides described the "
                              "atmosphere as positive despite the lack of "
                              "progress.\n\nNo date has been set for the "
                              "next round."));
        T_OK(!contains(a.text, "Weather") && !contains(a.text, "Hidden") &&
             !contains(a.text, "Syria") && !contains(a.text, "Yesterday") &&
             !contains(a.text, "Copyright"));
    }
    kb_article_reader_free(r);

    /* JSON-LD: headline and datePublished; og:url and og:site_name */
    r = open_file(ART "jsonld.html", KB_INPUT_HTML, NULL, &d);
    T_OK(r && kb_article_reader_next(r, &a));
    if (r) {
        T_EQ_STR(a.title, "Turkey and Russia agree on \"joint patrols\" in "
                          "northern Syria");
        T_EQ_STR(a.date, "2019-10-23");
        T_EQ_STR(a.url, "https://wire.example.com/2019/10/23/turkey-russia");
        T_EQ_STR(a.source, "World Wire");
        T_OK(!strncmp(a.text, "SOCHI, Russia", 13));
        T_OK(contains(a.text, "border guards to the area."));
        T_OK(!contains(a.text, "Share this"));
    }
    kb_article_reader_free(r);

    /* broken markup: recovered, entities decoded, no markup in the text */
    r = open_file(ART "broken.html", KB_INPUT_AUTO, NULL, &d);
    T_OK(r && kb_article_reader_next(r, &a));
    if (r) {
        T_EQ_STR(a.title, "Broken page");
        T_EQ_STR(a.date, "2019-11-03");
        T_OK(!strncmp(a.text, "Iraqi protesters blocked the entrance", 37));
        T_OK(contains(a.text, "killing at least five people."));
        T_OK(contains(a.text, "Entities: \xC3\xA9t\xC3\xA9 &unknown; AA "
                              "<tag> a < b <3"));
        T_OK(contains(a.text, "Attributes gone wrong, text kept."));
        T_OK(contains(a.text, "Trailing paragraph after the article with "
                              "inside it."));
        T_OK(!contains(a.text, "never seen") && !contains(a.text, "comment"));
        T_EQ_INT(d.n, 0);
    }
    kb_article_reader_free(r);

    /* a page without readable text is reported and skipped */
    r = open_file(ART "empty.html", KB_INPUT_AUTO, NULL, &d);
    T_OK(r && !kb_article_reader_next(r, &a));
    T_EQ_INT(kb_article_reader_errors(r), 1);
    T_EQ_INT(d.n, 1);
    T_OK(d.n && contains(d.e[0].message, "no readable text"));
    T_OK(d.n && !strcmp(d.e[0].record, "empty"));
    kb_article_reader_free(r);
    r = open_buf("", "zero.html", KB_INPUT_AUTO, &d);
    T_OK(r && !kb_article_reader_next(r, &a));
    T_EQ_INT(kb_article_reader_errors(r), 1);
    kb_article_reader_free(r);

    /* windows-1252 declared by <meta charset>: UTF-8 out; the byte the
     * encoding lacks (0x81) becomes U+FFFD */
    r = open_file(ART "latin1.html", KB_INPUT_AUTO, NULL, &d);
    T_OK(r && kb_article_reader_next(r, &a));
    if (r) {
        T_EQ_STR(a.title, "Caf\xC3\xA9 owners protest in M\xC3\xBCnchen");
        T_OK(contains(a.text, "MUNICH \xE2\x80\x93 Caf\xC3\xA9 owners staged "
                              "a protest on Monday against new taxes, saying "
                              "\xE2\x80\x9Cthe measures will ruin "
                              "us\xE2\x80\x9D."));
        T_OK(contains(a.text, "The na\xC3\xAFve plan, critics said, costs "
                              "\xE2\x82\xAC" "50 million. Odd byte: "
                              "\xEF\xBF\xBD here."));
    }
    kb_article_reader_free(r);
}

/* The page as kbi_html_read sees it: a string in a static buffer. */
static const char *html_text(const char *page, size_t len, kbi_html_page *p,
                             kbi_arena *a)
{
    kbi_arena_reset(a);
    kb_status st = kbi_html_read(page, len, a, p);
    T_EQ_INT(st, KB_OK);
    return st == KB_OK ? p->text : "";
}

static void test_html_encodings(void)
{
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_html_page p;
    /* no declaration, valid UTF-8: UTF-8 */
    const char *u = "<p>Erbil caf\xC3\xA9 \xE2\x80\x94 ok</p>";
    T_EQ_STR(html_text(u, strlen(u), &p, &a),
             "Erbil caf\xC3\xA9 \xE2\x80\x94 ok");
    /* no declaration, not UTF-8: windows-1252 */
    const char *w = "<p>caf\xE9 \x93quoted\x94</p>";
    T_EQ_STR(html_text(w, strlen(w), &p, &a),
             "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
    /* declared UTF-8 with bad bytes and NULs: U+FFFD, the rest kept */
    const char bad[] = "<meta charset=utf-8><p>a\xFF" "b\0c \xC3\xA9</p>";
    T_EQ_STR(html_text(bad, sizeof bad - 1, &p, &a),
             "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c \xC3\xA9");
    /* http-equiv with windows-1251 */
    const char *cy = "<meta http-equiv=\"Content-Type\" content=\"text/html; "
                     "charset=windows-1251\"><p>\xCC\xEE\xF1\xEA\xE2\xE0</p>";
    T_EQ_STR(html_text(cy, strlen(cy), &p, &a),
             "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0");
    /* an unknown charset falls back to detection */
    const char *unk = "<meta charset=\"x-nothing\"><p>caf\xC3\xA9</p>";
    T_EQ_STR(html_text(unk, strlen(unk), &p, &a), "caf\xC3\xA9");
    /* UTF-16 with a BOM */
    const char *ascii = "<p>Kirkuk</p>";
    char le[64];
    size_t n = 0;
    le[n++] = (char)0xFF;
    le[n++] = (char)0xFE;
    for (const char *c = ascii; *c; c++) {
        le[n++] = *c;
        le[n++] = 0;
    }
    T_EQ_STR(html_text(le, n, &p, &a), "Kirkuk");
    /* libxml2 leaves HTML5 elements after a leading <script> in <head>:
     * they are read all the same */
    const char *h5 = "<script>var a;</script><article><p>In head.</p>"
                     "</article>";
    T_EQ_STR(html_text(h5, strlen(h5), &p, &a), "In head.");
    /* white space: NBSP, zero width space, soft hyphen, newlines */
    const char *ws = "<p> a&nbsp;&nbsp;b\xE2\x80\x8B" "c&shy;d \n\t e </p>";
    T_EQ_STR(html_text(ws, strlen(ws), &p, &a), "a bcd e");
    kbi_arena_free(&a);
}

static void test_html_prepare(void)
{
    char *out;
    size_t n;
    /* canonical tags, comments and declarations dropped, stray '<' */
    const char *in = "<!DOCTYPE html><!-- c --><?php x ?><P CLASS=a id='b\"c' "
                     "checked>x < y</P ><!--> <br/>";
    T_EQ_INT(kbi_html_prepare(in, strlen(in), &out, &n), KB_OK);
    T_EQ_STR(out, "<P CLASS=\"a\" id=\"b&quot;c\" checked>x &lt; y</P> "
                  "<br/>");
    kbi_free(NULL, out, n + 1);
    /* script content ends only at its own end tag */
    in = "<script>if (a</b) x = '</div>';</script ><p>t</p>";
    T_EQ_INT(kbi_html_prepare(in, strlen(in), &out, &n), KB_OK);
    T_EQ_STR(out, "<script>if (a<\\/b) x = '<\\/div>';</script><p>t</p>");
    kbi_free(NULL, out, n + 1);
    /* at most 128 attributes per tag */
    char big[4096];
    size_t k = (size_t)snprintf(big, sizeof big, "<p");
    for (int i = 0; i < 200; i++)
        k += (size_t)snprintf(big + k, sizeof big - k, " a%d=\"%d\"", i, i);
    snprintf(big + k, sizeof big - k, ">x</p>");
    T_EQ_INT(kbi_html_prepare(big, strlen(big), &out, &n), KB_OK);
    T_OK(contains(out, " a127=\"127\">x</p>") && !contains(out, "a128"));
    kbi_free(NULL, out, n + 1);
    /* newlines of dropped markup are kept (line numbers) */
    in = "<!--\n\n-->\n<p\nclass=x>t</p>";
    T_EQ_INT(kbi_html_prepare(in, strlen(in), &out, &n), KB_OK);
    T_EQ_STR(out, "\n\n\n<p\n class=\"x\">t</p>");
    kbi_free(NULL, out, n + 1);
}

/* Pathological pages: 5 MB each; they must come back, with the text that
 * can be read (no timing is asserted: a quadratic step would show as a
 * test that does not end). */
static void test_html_pathological(void)
{
    enum { SIZE = 5 << 20 };
    char *page = malloc(SIZE + 64);
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_html_page p;

    /* deep nesting: libxml2 stops at 256 levels; the text before is kept
     * and the line where it stopped is said */
    size_t n = (size_t)sprintf(page, "<p>before the divs</p>\n");
    while (n + 16 < SIZE)
        n += (size_t)sprintf(page + n, "<div>");
    n += (size_t)sprintf(page + n, "never read");
    T_EQ_STR(html_text(page, n, &p, &a), "before the divs");
    T_EQ_INT(p.truncated_line, 2);

    /* one tag with a million attributes */
    n = (size_t)sprintf(page, "<p");
    for (int i = 0; n + 32 < SIZE; i++)
        n += (size_t)sprintf(page + n, " a%d=%d", i, i);
    n += (size_t)sprintf(page + n, ">attributes</p>");
    T_EQ_STR(html_text(page, n, &p, &a), "attributes");

    /* a million short paragraphs, half of them links */
    n = 0;
    for (int i = 0; n + 64 < SIZE; i++)
        n += (size_t)sprintf(page + n, i % 2 ? "<p><a href=x>l</a></p>"
                                             : "<p>t%d</p>", i);
    const char *t = html_text(page, n, &p, &a);
    T_OK(!strncmp(t, "t0\n\nt2\n\nt4", 10) && !contains(t, "l"));

    /* random bytes, NULs and '<' everywhere */
    unsigned s = 12345;
    for (size_t i = 0; i < SIZE; i++) {
        s = s * 1103515245u + 12345u;
        page[i] = (char)(s >> 16);
        if ((s >> 8) % 7 == 0)
            page[i] = '<';
    }
    (void)html_text(page, SIZE, &p, &a);
    T_OK(p.text != NULL);

    /* an unterminated comment and quote */
    n = (size_t)sprintf(page, "<p>kept</p><p class=\"");
    memset(page + n, 'q', SIZE - n);
    T_EQ_STR(html_text(page, SIZE, &p, &a), "kept");
    kbi_arena_free(&a);
    free(page);
}

/* ---- formats -------------------------------------------------------------------- */

static int format_of(const char *data, const char *name, int format,
                     kb_status *st)
{
    kb_article_reader *r = NULL;
    kb_error err;
    *st = kb_article_reader_open_buffer(data, strlen(data), name, format,
                                        NULL, NULL, NULL, &r, &err);
    if (*st != KB_OK)
        return -1;
    /* which reader: look at what it makes of the input */
    kb_article a;
    int got = kb_article_reader_next(r, &a);
    int kind = !got ? 0 : a.line ? KB_INPUT_JSONL
                          : a.url && !strcmp(a.url, "u") ? KB_INPUT_HTML
                                                          : KB_INPUT_TEXT;
    kb_article_reader_free(r);
    return kind;
}

static void test_formats(void)
{
    const char *html = "<html><head><link rel=canonical href=u></head>"
                       "<body><p>x</p></body></html>";
    const char *jsonl = "{\"id\":\"i\",\"text\":\"x\"}";
    kb_status st;
    /* by extension */
    T_EQ_INT(format_of(html, "a.html", KB_INPUT_AUTO, &st), KB_INPUT_HTML);
    T_EQ_INT(format_of(html, "a.HTM", KB_INPUT_AUTO, &st), KB_INPUT_HTML);
    T_EQ_INT(format_of(html, "a.txt", KB_INPUT_AUTO, &st), KB_INPUT_TEXT);
    T_EQ_INT(format_of(jsonl, "a.jsonl", KB_INPUT_AUTO, &st), KB_INPUT_JSONL);
    T_EQ_INT(format_of(jsonl, "a.json", KB_INPUT_AUTO, &st), KB_INPUT_JSONL);
    /* by content */
    T_EQ_INT(format_of(html, "page", KB_INPUT_AUTO, &st), KB_INPUT_HTML);
    T_EQ_INT(format_of("  \n<!DOCTYPE html><link rel=canonical href=u>"
                       "<p>x</p>", NULL, KB_INPUT_AUTO, &st),
             KB_INPUT_HTML);
    T_EQ_INT(format_of(jsonl, NULL, KB_INPUT_AUTO, &st), KB_INPUT_JSONL);
    T_EQ_INT(format_of("Plain words.", "noext", KB_INPUT_AUTO, &st),
             KB_INPUT_TEXT);
    /* the caller's choice wins */
    T_EQ_INT(format_of(jsonl, "a.html", KB_INPUT_TEXT, &st), KB_INPUT_TEXT);
    T_EQ_INT(format_of(html, "a.txt", KB_INPUT_HTML, &st), KB_INPUT_HTML);
    /* not article formats */
    const char *bad[][2] = {{"<Sentences></Sentences>", "a.xml"},
                            {"<Sentences></Sentences>", NULL},
                            {"1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n", "a.conllu"},
                            {"1\tx\tx\tX\tX\t_\t0\troot\t_\t_\n", NULL}};
    for (int i = 0; i < 4; i++) {
        T_EQ_INT(format_of(bad[i][0], bad[i][1], KB_INPUT_AUTO, &st), -1);
        T_EQ_INT(st, KB_ERR_INVALID);
    }
    T_EQ_INT(format_of("x", "a.txt", KB_INPUT_XML, &st), -1);
    T_EQ_INT(st, KB_ERR_INVALID);
    T_EQ_INT(format_of("x", "a.txt", KB_INPUT_CONLLU, &st), -1);
    T_EQ_INT(format_of("x", "a.txt", 99, &st), -1);
    T_EQ_INT(st, KB_ERR_INVALID);

    /* the sentence reader sends HTML to the article reader */
    kb_input_format f;
    T_EQ_INT(kb_input_format_parse("html", &f), KB_OK);
    T_EQ_INT(f, KB_INPUT_HTML);
    kb_reader *r = NULL;
    kb_error err;
    kb_reader_options o = {NULL, KB_INPUT_HTML, NULL, NULL, NULL, 1};
    T_EQ_INT(kb_reader_open_buffer("<p>x</p>", 8, "x", &o, &r, &err),
             KB_ERR_INVALID);
    T_OK(r == NULL && contains(err.message, "HTML is read as articles"));
    o.format = KB_INPUT_AUTO;
    T_EQ_INT(kb_reader_open_buffer("x", 1, "page.html", &o, &r, &err),
             KB_ERR_INVALID);
    T_EQ_INT(kb_reader_open_buffer("<!DOCTYPE html><p>x", 19, "page", &o, &r,
                                   &err),
             KB_ERR_INVALID);
    T_OK(contains(err.message, "HTML is read as articles"));
}

int main(void)
{
    T_RUN(test_boiler_data);
    T_RUN(test_boiler_api);
    T_RUN(test_dates);
    T_RUN(test_text_sample);
    T_RUN(test_text_shapes);
    T_RUN(test_jsonl);
    T_RUN(test_html_news);
    T_RUN(test_html_pages);
    T_RUN(test_html_encodings);
    T_RUN(test_html_prepare);
    T_RUN(test_html_pathological);
    T_RUN(test_formats);
    return t_done();
}
