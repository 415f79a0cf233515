/* fuzz_html.c - the HTML article reader on arbitrary bytes.
 *
 * The reader must return one article or one reported error; the article's
 * strings must be valid UTF-8 without NULs, its text paragraphs without
 * stray white space (single spaces, a blank line between paragraphs), its
 * date YYYY-MM-DD. The canonical markup libxml2 is given must parse into
 * elements of at most 128 attributes (the bound that keeps libxml2's
 * pairwise attribute check linear). */
#include <libxml/HTMLparser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "input/input.h"
#include "khabar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok)
{
    if (!ok)
        abort();
}

static int utf8_ok(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        size_t k = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2
                              : c >= 0xE0 && c <= 0xEF   ? 3
                              : c >= 0xF0 && c <= 0xF4   ? 4
                                                         : 0;
        if (k == 0 || c == 0 || n - i < k)
            return 0;
        for (size_t j = 1; j < k; j++)
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
        i += k;
    }
    return 1;
}

static void check_string(const char *s)
{
    if (s)
        check(*s && utf8_ok((const unsigned char *)s, strlen(s)));
}

/* No leading, trailing or doubled white space; '\n' only as "\n\n". */
static void check_text(const char *t, size_t n)
{
    check(strlen(t) == n && utf8_ok((const unsigned char *)t, n));
    if (n == 0)
        return;
    check(t[0] != ' ' && t[0] != '\n' && t[n - 1] != ' ' && t[n - 1] != '\n');
    for (size_t i = 0; i + 1 < n; i++) {
        check(!(t[i] == ' ' && (t[i + 1] == ' ' || t[i + 1] == '\n')));
        if (t[i] == '\n') {
            check(t[i + 1] == '\n' && i + 2 < n && t[i + 2] != '\n' &&
                  t[i + 2] != ' ' && t[i - 1] != '\n');
            i++;
        }
        check(t[i] != '\t' && t[i] != '\r');
    }
}

static void check_markup(const uint8_t *data, size_t size)
{
    char *page;
    size_t n;
    check(kbi_html_prepare((const char *)data, size, &page, &n) == KB_OK);
    check(strlen(page) == n && utf8_ok((const unsigned char *)page, n));
    htmlDocPtr doc = htmlReadMemory(page, (int)n, NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                        HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET |
                                        HTML_PARSE_IGNORE_ENC);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    for (xmlNode *e = root; e;) {
        int attrs = 0;
        for (xmlAttr *a = e->properties; a; a = a->next)
            attrs++;
        check(attrs <= 128);
        if (e->children) {
            e = e->children;
            continue;
        }
        while (e && e != root && !e->next)
            e = e->parent;
        e = e && e != root ? e->next : NULL;
    }
    xmlFreeDoc(doc);
    kbi_free(NULL, page, n + 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kb_article_reader *r;
    kb_error err;
    check(kb_article_reader_open_buffer((const char *)data, size, "fuzz.html",
                                        KB_INPUT_HTML, "2019-11-24", NULL,
                                        NULL, &r, &err) == KB_OK);
    kb_article a;
    int n = 0;
    while (kb_article_reader_next(r, &a)) {
        n++;
        check(!strcmp(a.id, "fuzz"));
        check(a.date && strlen(a.date) == 10 && a.date[4] == '-');
        check_string(a.title);
        check(!a.title || strlen(a.title) <= 1000);
        check_string(a.url);
        check_string(a.source);
        check_text(a.text, a.text_len);
        check(a.title || a.text_len > 0);
    }
    check(n + (int)kb_article_reader_errors(r) == 1);
    kb_article_reader_free(r);
    check_markup(data, size);
    return 0;
}
