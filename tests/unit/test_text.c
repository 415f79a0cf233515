/* test_text.c - the text front end (src/text): UTF-8 validation and
 * normalisation, tokens and their offsets, sentences and datelines,
 * diagnostics, options and limits, allocation failure at every point, 1 MB
 * inputs, and the data-file cases in tests/text (see tests/text/README). */
#include <dirent.h>
#include <stdlib.h>

#include "t.h"
#include "base/util.h"
#include "text/text.h"
#include "text/text_int.h"

#define CASES KB_DATADIR "/../tests/text"

static kbi_arena A;

/* ---- helpers ------------------------------------------------------------ */

typedef struct seen {
    int n;
    kb_error e[32];
} seen;

static void collect(void *user, const kb_error *e)
{
    seen *s = user;
    if (s->n < 32)
        s->e[s->n] = *e;
    s->n++;
}

/* Segments s[0, n), checks the result with kbi_text_check. */
static kbi_text_doc seg_opt(const char *s, size_t n, unsigned flags,
                            int32_t max, seen *diags)
{
    kbi_text_options o = {flags, max, "t.txt"};
    kbi_diag d = {diags ? collect : NULL, diags, 0};
    kbi_text_doc doc;
    T_EQ_INT(kbi_text_segment(s, n, &o, &A, &d, &doc), KB_OK);
    kbi_arena scratch;
    kbi_arena_init(&scratch, NULL);
    const char *bad = kbi_text_check(s, n, &doc, &scratch);
    if (bad)
        T_FAIL("kbi_text_check: %s", bad);
    kbi_arena_free(&scratch);
    return doc;
}

static kbi_text_doc seg(const char *s)
{
    return seg_opt(s, strlen(s), 0, 0, NULL);
}

/* The forms of d: tokens joined by " ", sentences by " | ". */
static const char *joined(const kbi_text_doc *d)
{
    size_t n = 1;
    for (int32_t i = 0; i < d->ntoks; i++)
        n += strlen(d->toks[i].form) + 3;
    char *out = kbi_arena_alloc(&A, n), *p = out;
    for (int32_t i = 0; i < d->nsents; i++)
        for (int32_t k = 0; k < d->sents[i].n; k++) {
            const char *f = d->toks[d->sents[i].first + k].form;
            if (p != out)
                p += sprintf(p, k ? " " : " | ");
            p += sprintf(p, "%s", f);
        }
    *p = '\0';
    return out;
}

static const char *tokens_of(const char *s, unsigned flags)
{
    kbi_text_doc d = seg_opt(s, strlen(s), flags, 0, NULL);
    return joined(&d);
}

static void check_tok(const kbi_text_doc *d, int32_t i, const char *form,
                      uint32_t start, uint32_t end, int flags)
{
    T_OK(i < d->ntoks);
    if (i >= d->ntoks)
        return;
    T_EQ_STR(d->toks[i].form, form);
    T_EQ_INT(d->toks[i].start, start);
    T_EQ_INT(d->toks[i].end, end);
    T_EQ_INT(d->toks[i].flags, flags);
}

/* ---- classes and lists -------------------------------------------------- */

static void test_lists_and_classes(void)
{
    T_OK(kbi_tx_lists_sorted());
    T_EQ_INT(kbi_tx_class('a'), TX_LOWER);
    T_EQ_INT(kbi_tx_class('Q'), TX_UPPER);
    T_EQ_INT(kbi_tx_class('7'), TX_DIGIT);
    T_EQ_INT(kbi_tx_class('-'), TX_PUNCT);
    T_EQ_INT(kbi_tx_class(0xE9), TX_LOWER);    /* e acute */
    T_EQ_INT(kbi_tx_class(0xC9), TX_UPPER);    /* E acute */
    T_EQ_INT(kbi_tx_class(0xD7), TX_PUNCT);    /* multiplication sign */
    T_EQ_INT(kbi_tx_class(0x141), TX_UPPER);   /* L stroke */
    T_EQ_INT(kbi_tx_class(0x142), TX_LOWER);
    T_EQ_INT(kbi_tx_class(0x130), TX_UPPER);   /* I dot */
    T_EQ_INT(kbi_tx_class(0x131), TX_LOWER);   /* dotless i */
    T_EQ_INT(kbi_tx_class(0x416), TX_UPPER);   /* Cyrillic ZHE */
    T_EQ_INT(kbi_tx_class(0x627), TX_LETTER);  /* Arabic alef */
    T_EQ_INT(kbi_tx_class(0x64E), TX_EXTEND);  /* Arabic fatha */
    T_EQ_INT(kbi_tx_class(0x660), TX_DIGIT);   /* Arabic-Indic zero */
    T_EQ_INT(kbi_tx_class(0x61F), TX_PUNCT);   /* Arabic question mark */
    T_EQ_INT(kbi_tx_class(0x301), TX_EXTEND);
    T_EQ_INT(kbi_tx_class(0x20AC), TX_PUNCT);  /* euro sign */
    T_EQ_INT(kbi_tx_class(0x1F600), TX_PUNCT); /* emoji */
    T_EQ_INT(kbi_tx_class(0x4E2D), TX_LETTER); /* CJK */
    T_EQ_INT(kbi_tx_class(0xFFFD), TX_LETTER);
}

/* ---- tokens and offsets ------------------------------------------------- */

static void test_empty(void)
{
    kbi_text_doc d = seg("");
    T_EQ_INT(d.ntoks, 0);
    T_EQ_INT(d.nsents, 0);
    kbi_text_options o = {0, 0, NULL};
    T_EQ_INT(kbi_text_segment(NULL, 0, &o, &A, NULL, &d), KB_OK);
    T_EQ_INT(d.ntoks, 0);
    T_EQ_INT(kbi_text_segment("x", 1, NULL, &A, NULL, &d), KB_OK);
    T_EQ_INT(d.ntoks, 1);
    d = seg(" \t\n\n \r\n\f\v ");
    T_EQ_INT(d.ntoks, 0);
    d = seg("\xEF\xBB\xBF\xE2\x80\x8B\xC2\xA0"); /* BOM, ZWSP, NBSP */
    T_EQ_INT(d.ntoks, 0);
    T_EQ_INT(d.nreplaced, 0);
    d = seg_opt("\0\0\0", 3, 0, 0, NULL);
    T_EQ_INT(d.ntoks, 0);
    T_EQ_INT(d.nreplaced, 3);
}

static void test_offsets(void)
{
    kbi_text_doc d = seg("Don't stop.");
    T_EQ_INT(d.ntoks, 4);
    check_tok(&d, 0, "Do", 0, 2, 0);
    check_tok(&d, 1, "n't", 2, 5, KBI_TEXT_TOK_CLITIC);
    check_tok(&d, 2, "stop", 6, 10, 0);
    check_tok(&d, 3, ".", 10, 11, 0);
    T_EQ_INT(d.toks[0].space_after, 0);
    T_EQ_INT(d.toks[1].space_after, 1);
    T_EQ_INT(d.toks[2].space_after, 0);
    T_EQ_INT(d.toks[3].space_after, 1); /* the end counts as space */
    T_EQ_INT(d.nsents, 1);
    T_EQ_INT(d.sents[0].start, 0);
    T_EQ_INT(d.sents[0].end, 11);
    T_EQ_INT(d.sents[0].flags, KBI_TEXT_SENT_PARA_START);

    /* curly quotes, an em dash, a soft hyphen inside a word, a BOM */
    d = seg("\xEF\xBB\xBF\xE2\x80\x9CHi\xE2\x80\x9D \xE2\x80\x94 co\xC2\xADop");
    T_EQ_INT(d.ntoks, 5);
    check_tok(&d, 0, "\"", 3, 6, KBI_TEXT_TOK_CHANGED);
    check_tok(&d, 1, "Hi", 6, 8, 0);
    check_tok(&d, 2, "\"", 8, 11, KBI_TEXT_TOK_CHANGED);
    check_tok(&d, 3, "--", 12, 15, KBI_TEXT_TOK_CHANGED);
    check_tok(&d, 4, "coop", 16, 22, KBI_TEXT_TOK_CHANGED);

    /* a zero-width space next to a token stays outside it */
    d = seg("a\xE2\x80\x8B.");
    check_tok(&d, 0, "a", 0, 1, 0);
    check_tok(&d, 1, ".", 4, 5, 0);

    /* CRLF, tab and NBSP are separators; offsets stay in the input */
    d = seg("one\r\ntwo\tthree\xC2\xA0" "four");
    check_tok(&d, 1, "two", 5, 8, 0);
    check_tok(&d, 2, "three", 9, 14, 0);
    check_tok(&d, 3, "four", 16, 20, 0);

    /* URLs, a cut abbreviation */
    d = seg("See www.krg.org. They went to the U.S.");
    check_tok(&d, 1, "www.krg.org", 4, 15, KBI_TEXT_TOK_URL);
    check_tok(&d, 7, "U.S", 34, 37, KBI_TEXT_TOK_CUT);
    check_tok(&d, 8, ".", 37, 38, 0);
    T_EQ_INT(d.toks[7].space_after, 0);
    T_EQ_STR(tokens_of("The U.S. army left.", 0), "The U.S. army left .");

    /* never a cut inside the "..." that stands for one U+2026 */
    d = seg("D\xE2\x80\xA6 U.S\xE2\x80\xA5 The");
    T_EQ_STR(joined(&d), "D ... | U.S.. | The");
    check_tok(&d, 1, "...", 1, 4, KBI_TEXT_TOK_CHANGED);
    check_tok(&d, 2, "U.S..", 5, 11, KBI_TEXT_TOK_CHANGED);
}

static void test_normalise_string(void)
{
    static const char in[] = "\xE2\x80\x9CHi\xE2\x80\x9D\xE2\x80\xA6 "
                             "\xE2\x80\x98x\xE2\x80\x99 \xEF\xAC\x81 "
                             "\xEF\xBC\xA1 a\xC2\xAD" "b";
    T_EQ_STR(kbi_text_normalise(in, sizeof in - 1, &A),
             "\"Hi\"... 'x' fi A ab");
    T_EQ_STR(kbi_text_normalise("\xFF" "a\x01", 3, &A), "\xEF\xBF\xBD" "a ");
    T_EQ_STR(kbi_text_normalise("", 0, &A), "");
}

/* ---- invalid input and diagnostics -------------------------------------- */

static void test_invalid_utf8(void)
{
    seen s = {0};
    static const char in[] = "ab\xFF\ncd\xE2\x82 ef\0g";
    kbi_text_doc d = seg_opt(in, sizeof in - 1, 0, 0, &s);
    T_EQ_INT(d.nreplaced, 3);
    T_EQ_INT(s.n, 3);
    T_EQ_INT(s.e[0].line, 1);
    T_EQ_INT(s.e[0].column, 3);
    T_EQ_STR(s.e[0].file, "t.txt");
    T_OK(strstr(s.e[0].message, "bytes FF") != NULL);
    T_EQ_INT(s.e[1].line, 2);
    T_EQ_INT(s.e[1].column, 3);
    T_OK(strstr(s.e[1].message, "bytes E2 82") != NULL);
    T_EQ_INT(s.e[2].line, 2);
    T_EQ_INT(s.e[2].column, 7);
    T_OK(strstr(s.e[2].message, "U+0000") != NULL);
    T_EQ_INT(d.ntoks, 4);
    check_tok(&d, 0, "ab\xEF\xBF\xBD", 0, 3,
              KBI_TEXT_TOK_CHANGED | KBI_TEXT_TOK_INVALID);
    check_tok(&d, 1, "cd\xEF\xBF\xBD", 4, 8,
              KBI_TEXT_TOK_CHANGED | KBI_TEXT_TOK_INVALID);
    check_tok(&d, 2, "ef", 9, 11, 0);
    check_tok(&d, 3, "g", 12, 13, 0);

    /* maximal subparts: one U+FFFD each */
    d = seg("x\xC0\xAF\xE0\x80\xAF\xED\xA0\x80\xF4\x90\x80\x80\xF0\x9F\x98");
    T_EQ_INT(d.nreplaced, 13);
    /* valid 4-byte characters pass */
    d = seg("x\xF0\x9F\x98\x80y");
    T_EQ_INT(d.nreplaced, 0);

    /* lines after CR, CRLF and LF; columns count characters */
    memset(&s, 0, sizeof s);
    seg_opt("a\r\nb\rc\n\xC3\xA9\xFF", 10, 0, 0, &s);
    T_EQ_INT(s.n, 1);
    T_EQ_INT(s.e[0].line, 4);
    T_EQ_INT(s.e[0].column, 2);

    /* after KBI_TEXT_MAX_REPORTS, one summary */
    char many[90];
    for (int i = 0; i < 30; i++)
        memcpy(many + 3 * i, "\xFF \n", 3);
    memset(&s, 0, sizeof s);
    d = seg_opt(many, 90, 0, 0, &s);
    T_EQ_INT(d.nreplaced, 30);
    T_EQ_INT(s.n, KBI_TEXT_MAX_REPORTS + 1);
    T_EQ_INT(s.e[KBI_TEXT_MAX_REPORTS].line, 0);
    T_OK(strstr(s.e[KBI_TEXT_MAX_REPORTS].message, "10 more") != NULL);
    T_EQ_INT(s.e[19].line, 20);
}

/* ---- sentences ---------------------------------------------------------- */

static void test_sentences(void)
{
    static const char in[] = "ERBIL (Kurdistan 24) \xE2\x80\x93 The PM spoke."
                             "\n\nIt rained. Gen. Ali left.";
    kbi_text_doc d = seg(in);
    T_EQ_INT(d.nsents, 4);
    T_EQ_INT(d.sents[0].flags,
             KBI_TEXT_SENT_DATELINE | KBI_TEXT_SENT_PARA_START);
    T_EQ_INT(d.sents[0].start, 0);
    T_EQ_INT(d.sents[0].end, 24);
    T_EQ_INT(d.sents[1].flags, 0);
    T_EQ_INT(d.sents[1].start, 25);
    T_EQ_INT(d.sents[2].flags, KBI_TEXT_SENT_PARA_START);
    T_EQ_INT(d.sents[3].flags, 0);
    T_EQ_STR(joined(&d), "ERBIL ( Kurdistan 24 ) -- | The PM spoke . | "
                         "It rained . | Gen. Ali left .");

    T_EQ_STR(tokens_of("Title\nText here.", 0), "Title Text here .");
    T_EQ_STR(tokens_of("Title\nText here.", KBI_TEXT_LINE_BREAKS),
             "Title | Text here .");
    T_EQ_STR(tokens_of("Title\n\nText here.", 0), "Title | Text here .");
    T_EQ_STR(tokens_of("al-Araji", 0), "al-Araji");
    T_EQ_STR(tokens_of("al-Araji", KBI_TEXT_SPLIT_HYPHENS), "al - Araji");
}

static void test_max_sentence(void)
{
    size_t n = 3000 * 5;
    char *buf = kbi_arena_alloc(&A, n);
    for (size_t i = 0; i < 3000; i++)
        memcpy(buf + 5 * i, "word ", 5);
    kbi_text_doc d = seg_opt(buf, n, 0, 0, NULL);
    T_EQ_INT(d.ntoks, 3000);
    T_OK(d.nsents >= 3);
    for (int32_t i = 0; i < d.nsents; i++) {
        T_OK(d.sents[i].n <= KBI_TEXT_MAX_SENTENCE);
        T_EQ_INT(!!(d.sents[i].flags & KBI_TEXT_SENT_FORCED),
                 i < d.nsents - 1);
    }
    /* a dateline longer than the limit is not one */
    static const char dl[] = "BAGHDAD, \xE2\x80\x94 X said.";
    d = seg_opt(dl, sizeof dl - 1, 0, 2, NULL);
    T_EQ_INT(d.sents[0].flags,
             KBI_TEXT_SENT_PARA_START | KBI_TEXT_SENT_FORCED);
    for (int32_t i = 0; i < d.nsents; i++)
        T_OK(d.sents[i].n <= 2);
    /* a limit of 4 with abbreviations giving up their periods */
    static const char us[] = "A b c d e f. He went to the U.S. The end.";
    d = seg_opt(us, sizeof us - 1, 0, 4, NULL);
    for (int32_t i = 0; i < d.nsents; i++)
        T_OK(d.sents[i].n <= 4);
}

static void test_limit(void)
{
    kbi_text_doc d;
    d.ntoks = 5;
    T_EQ_INT(kbi_text_segment("x", KBI_TEXT_MAX_INPUT + 1, NULL, &A, NULL,
                              &d),
             KB_ERR_LIMIT);
    T_EQ_INT(d.ntoks, 0);
    T_OK(d.toks == NULL && d.sents == NULL);
}

/* ---- allocation failure ------------------------------------------------- */

static void test_allocation_failures(void)
{
    char *text;
    size_t len;
    kb_error err;
    T_EQ_INT(kbi_read_file(CASES "/sample-article.txt", NULL, &text, &len,
                           &err), KB_OK);
    /* plus everything that makes segments, suffixes and cut tokens */
    static const char extra[] = "\n\n\xE2\x80\x9CHi\xE2\x80\x9D \xFF (U.S.)) "
                                "He went to the U.S. The end.";
    char *in = malloc(len + sizeof extra);
    memcpy(in, text, len);
    memcpy(in + len, extra, sizeof extra);
    size_t n = len + sizeof extra - 1;
    kbi_free(NULL, text, len + 1);

    int ok = 0;
    long k;
    for (k = 0; k < 200 && !ok; k++) {
        t_failing f = {.left = k, .sticky = 1};
        kb_allocator al = {t_failing_realloc, &f};
        kbi_arena a;
        kbi_arena_init(&a, &al);
        kbi_text_doc d;
        kb_status st = kbi_text_segment(in, n, NULL, &a, NULL, &d);
        if (st == KB_OK) {
            ok = 1;
            T_OK(d.ntoks > 300);
        } else {
            T_EQ_INT(st, KB_ERR_NOMEM);
            T_OK(d.ntoks == 0 && d.nsents == 0 && d.toks == NULL);
        }
        kbi_arena_free(&a);
        T_EQ_INT(f.live, 0);
    }
    T_OK(ok);
    T_OK(k > 5); /* it did fail at several places first */
    free(in);
}

/* ---- 1 MB inputs -------------------------------------------------------- */

static void test_big_inputs(void)
{
    enum { MB = 1 << 20 };
    char *buf = malloc(MB);
    static const char *const pats[] = {
        "one line of words without any final punctuation, ",
        "U.S. Gen. No. 5 e.g. ",
        "\"''(((--...!?!?)))''\" ",
        "al-Araji's don't 1,000.5 http://x.org/a ",
    };
    for (size_t p = 0; p < sizeof pats / sizeof pats[0]; p++) {
        size_t k = strlen(pats[p]);
        for (size_t i = 0; i < MB; i++)
            buf[i] = pats[p][i % k];
        kbi_text_doc d = seg_opt(buf, MB, 0, 0, NULL);
        T_OK(d.ntoks > MB / 32);
        for (int32_t i = 0; i < d.nsents; i++)
            T_OK(d.sents[i].n <= KBI_TEXT_MAX_SENTENCE);
        kbi_arena_reset(&A);
    }
    /* pseudo-random bytes: invalid UTF-8, NULs, controls, everything */
    uint32_t x = 12345;
    for (size_t i = 0; i < MB; i++) {
        x = x * 1103515245u + 12345u;
        buf[i] = (char)(x >> 23);
    }
    seen s = {0};
    kbi_text_doc d = seg_opt(buf, MB, KBI_TEXT_SPLIT_HYPHENS, 0, &s);
    T_OK(d.nreplaced > 1000);
    T_EQ_INT(s.n, KBI_TEXT_MAX_REPORTS + 1);
    kbi_arena_reset(&A);
    /* one 1 MB token */
    memset(buf, 'a', MB);
    d = seg_opt(buf, MB, 0, 0, NULL);
    T_EQ_INT(d.ntoks, 1);
    T_EQ_INT(d.toks[0].end, MB);
    kbi_arena_reset(&A);
    free(buf);
}

/* ---- data-file cases ---------------------------------------------------- */

static void format_doc(const kbi_text_doc *d, char **out, size_t *len)
{
    size_t n = 1;
    for (int32_t i = 0; i < d->ntoks; i++)
        n += strlen(d->toks[i].form) + 1;
    n += (size_t)d->nsents * 16;
    char *o = kbi_arena_alloc(&A, n), *p = o;
    for (int32_t i = 0; i < d->nsents; i++) {
        const kbi_text_sentence *s = &d->sents[i];
        if (i && (s->flags & KBI_TEXT_SENT_PARA_START))
            *p++ = '\n';
        if (s->flags & KBI_TEXT_SENT_DATELINE)
            p += sprintf(p, "[dateline] ");
        for (int32_t k = 0; k < s->n; k++)
            p += sprintf(p, "%s%s", k ? " " : "", d->toks[s->first + k].form);
        *p++ = '\n';
    }
    *p = '\0';
    *out = o;
    *len = (size_t)(p - o);
}

static int run_case(const char *name)
{
    char path[512], *in, *want;
    size_t inlen, wantlen;
    kb_error err;
    snprintf(path, sizeof path, "%s/%s.txt", CASES, name);
    if (kbi_read_file(path, NULL, &in, &inlen, &err) != KB_OK) {
        T_FAIL("%s: cannot read", path);
        return 0;
    }
    snprintf(path, sizeof path, "%s/%s.tok", CASES, name);
    if (kbi_read_file(path, NULL, &want, &wantlen, &err) != KB_OK) {
        T_FAIL("%s: cannot read", path);
        kbi_free(NULL, in, inlen + 1);
        return 0;
    }
    /* directives */
    unsigned flags = 0;
    long replaced = -1;
    char *body = want;
    int line = 1;
    while (body[0] == '%' && body[1] >= 'a' && body[1] <= 'z') {
        char *eol = strchr(body, '\n');
        if (!eol)
            eol = body + strlen(body);
        char end = *eol;
        *eol = '\0';
        if (strncmp(body, "%options", 8) == 0) {
            if (strstr(body, "split-hyphens"))
                flags |= KBI_TEXT_SPLIT_HYPHENS;
            if (strstr(body, "line-breaks"))
                flags |= KBI_TEXT_LINE_BREAKS;
        } else if (strncmp(body, "%replaced", 9) == 0) {
            replaced = strtol(body + 9, NULL, 10);
        } else {
            T_FAIL("%s:%d: unknown directive", path, line);
        }
        *eol = end;
        body = end ? eol + 1 : eol;
        line++;
    }
    kbi_text_doc d = seg_opt(in, inlen, flags, 0, NULL);
    if (replaced >= 0)
        T_EQ_INT(d.nreplaced, replaced);
    char *got;
    size_t gotlen;
    format_doc(&d, &got, &gotlen);
    t_checks++;
    if (strcmp(got, body) != 0) {
        /* the first line that differs */
        const char *g = got, *w = body;
        while (*g && *g == *w) {
            if (*g == '\n')
                line++;
            g++;
            w++;
        }
        while (g > got && g[-1] != '\n') {
            g--;
            w--;
        }
        T_FAIL("%s:%d: expected\n  %.*s\ngot\n  %.*s", path, line,
               (int)strcspn(w, "\n"), w, (int)strcspn(g, "\n"), g);
    }
    int cases = 1;
    for (const char *p = in; p + 1 < in + inlen; p++)
        cases += p[0] == '\n' && p[1] == '\n' && (p + 2 == in + inlen ||
                                                 p[2] != '\n');
    kbi_free(NULL, in, inlen + 1);
    kbi_free(NULL, want, wantlen + 1);
    kbi_arena_reset(&A);
    return cases;
}

static void test_cases(void)
{
    DIR *dir = opendir(CASES);
    T_OK(dir != NULL);
    if (!dir)
        return;
    int files = 0, cases = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".txt") != 0)
            continue;
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)(n - 4), e->d_name);
        cases += run_case(name);
        files++;
    }
    closedir(dir);
    printf("%d case files, %d cases (paragraphs)\n", files, cases);
    T_OK(files >= 15);
    T_OK(cases >= 60);
}

int main(void)
{
    kbi_arena_init(&A, NULL);
    T_RUN(test_lists_and_classes);
    T_RUN(test_empty);
    T_RUN(test_offsets);
    T_RUN(test_normalise_string);
    T_RUN(test_invalid_utf8);
    T_RUN(test_sentences);
    T_RUN(test_max_sentence);
    T_RUN(test_limit);
    T_RUN(test_allocation_failures);
    T_RUN(test_big_inputs);
    T_RUN(test_cases);
    kbi_arena_free(&A);
    return t_done();
}
