/* fuzz_articles.c - the raw text and JSON Lines article readers, format
 * detection, and the boilerplate line classifier, on arbitrary bytes.
 *
 * The first byte chooses the reader (raw text, JSON Lines, or detection by
 * content); the rest is the input. Every JSON Lines line that is not blank
 * must give an article or a reported error, never both, never neither;
 * every article's strings must be within bounds and its date valid. The
 * boilerplate scan must visit the lines in order and agree with the
 * classifier line by line. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article/boiler.h"
#include "input/input.h"
#include "khabar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok)
{
    if (!ok)
        abort();
}

typedef struct count {
    size_t n;
} count;

static void on_diag(void *user, const kb_error *e)
{
    count *c = user;
    c->n++;
    check(e->message[0] != '\0');
}

static size_t nonblank_lines(const char *s, size_t n)
{
    size_t lines = 0;
    int seen = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == '\n') {
            lines += seen;
            seen = 0;
        } else if (!(s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
                     s[i] == '\f' || s[i] == '\v')) {
            seen = 1;
        }
    }
    return lines;
}

static void read_articles(const char *s, size_t n, int format)
{
    static const int formats[] = {KB_INPUT_TEXT, KB_INPUT_JSONL,
                                  KB_INPUT_AUTO};
    kb_article_reader *r;
    kb_error err;
    count c = {0};
    kb_status st = kb_article_reader_open_buffer(
        s, n, format == 2 ? "fuzz" : "fuzz.in", formats[format], "2019-11-24",
        on_diag, &c, &r, &err);
    if (st != KB_OK) {
        check(format == 2 && st == KB_ERR_INVALID);
        return;
    }
    kb_article a;
    size_t articles = 0;
    while (kb_article_reader_next(r, &a)) {
        articles++;
        check(a.id && a.id[0]);
        char d[11];
        check(a.date && kbi_article_date(a.date, strlen(a.date), d) &&
              !strcmp(d, a.date));
        check(a.text && a.text[a.text_len] == '\0');
        check(a.title == NULL || a.title[0]);
        /* a raw text title is a line (a JSON one may hold "\n") */
        if (formats[format] == KB_INPUT_TEXT)
            check(a.title == NULL || !strchr(a.title, '\n'));
    }
    size_t errors = kb_article_reader_errors(r);
    /* HTML (by detection) may also report a page cut at depth 256 */
    check(format == 2 ? errors <= c.n : errors == c.n);
    if (formats[format] == KB_INPUT_JSONL)
        check(articles + errors == nonblank_lines(s, n));
    if (formats[format] == KB_INPUT_TEXT)
        check(articles + errors == 1);
    kb_article_reader_free(r);
}

static void scan_boilerplate(const char *s, size_t n)
{
    size_t pos = 0, last = 0;
    kbi_boiler_span sp;
    while (kbi_boiler_next(s, n, &pos, &sp)) {
        check(sp.start >= last && sp.start <= sp.end && sp.end <= n);
        check(sp.end == n || s[sp.end] == '\n');
        check(!memchr(s + sp.start, '\n', sp.end - sp.start));
        check(sp.kind > KBI_BOILER_NONE && sp.kind < KBI_BOILER_KINDS);
        check(kbi_boiler_line(s + sp.start, sp.end - sp.start) == sp.kind);
        check(pos > sp.end || pos == n);
        last = sp.end;
    }
    check(pos == n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const char *s = (const char *)data + 1;
    size_t n = size - 1;
    read_articles(s, n, data[0] % 3);
    scan_boilerplate(s, n);
    char d[11];
    (void)kbi_article_date(s, n, d);
    return 0;
}
