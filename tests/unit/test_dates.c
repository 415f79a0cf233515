/* test_dates.c - temporal expressions (src/article/dates.c): the cases of
 * tests/data/dates/dates.tsv (see its header), run twice: on the tokens of
 * the text front end alone (no tags, no heads: the lexical clauses choose
 * the event date) and on the sentence parsed by the bundled model (the
 * dependency heads choose it); the calendar helpers; the event date of a
 * given verb; hostile token sequences, out-of-range dates and allocation
 * failure. Every mismatch is printed with its line in the data file. */
#include <stdlib.h>

#include "t.h"
#include "article/dates.h"
#include "base/util.h"
#include "nlp/pipeline.h"
#include "text/text.h"

#define DATA KB_DATADIR "/../tests/data/dates/dates.tsv"

static kb_model *M;

/* ---- sentences ---------------------------------------------------------- */

/* The whole of text as one sentence of the text front end's tokens, with
 * no tags and no heads. */
static kbi_sentence tokens(kbi_arena *a, const char *text)
{
    kbi_sentence s;
    memset(&s, 0, sizeof s);
    kbi_text_doc doc;
    T_EQ_INT(kbi_text_segment(text, strlen(text), NULL, a, NULL, &doc),
             KB_OK);
    s.toks = kbi_arena_alloc(a, (size_t)(doc.ntoks + 1) * sizeof *s.toks);
    for (int32_t i = 0; i < doc.ntoks; i++) {
        s.toks[i].form = doc.toks[i].form;
        s.toks[i].head = -1;
        s.toks[i].start = doc.toks[i].start;
        s.toks[i].end = doc.toks[i].end;
    }
    s.ntoks = doc.ntoks;
    return s;
}

static kbi_sentence parsed(kbi_arena *a, const char *text)
{
    kbi_sentence s;
    memset(&s, 0, sizeof s);
    T_EQ_INT(kbi_pipeline_one(M, text, strlen(text), a, &s), KB_OK);
    return s;
}

static int32_t day(const char *ymd)
{
    int32_t d = 0;
    if (!kbi_date_parse(ymd, &d))
        T_FAIL("bad date %s", ymd);
    return d;
}

/* The value column of dates.tsv for x. */
static const char *value(const kbi_date *x, char *buf, size_t size)
{
    static const char *g[] = {"day", "week", "month", "year", "span"};
    char lo[11], hi[11];
    if (x->flags & KBI_DATE_UNRESOLVED)
        snprintf(buf, size, "?");
    else if (x->gran == KBI_DATE_DAY)
        snprintf(buf, size, "%s", kbi_date_format(x->lo, lo));
    else
        snprintf(buf, size, "%s %s..%s", g[x->gran],
                 kbi_date_format(x->lo, lo), kbi_date_format(x->hi, hi));
    return buf;
}

static const char *flags(unsigned f, char *buf, size_t size)
{
    static const char *names[] = {"future", "historic", "anchor", "bound",
                                  "unresolved"};
    buf[0] = '\0';
    for (int i = 0; i < 5; i++)
        if (f & (1u << i)) {
            if (buf[0])
                strncat(buf, ",", size - strlen(buf) - 1);
            strncat(buf, names[i], size - strlen(buf) - 1);
        }
    if (!buf[0])
        snprintf(buf, size, "-");
    return buf;
}

/* ---- the data file ------------------------------------------------------ */

typedef struct row {
    int line;
    char *col[7];
} row;

enum { MAX_ROWS = 512 };

static int read_rows(char *text, row *rows)
{
    int n = 0, line = 0;
    for (char *p = text, *next; p && *p; p = next) {
        line++;
        next = strchr(p, '\n');
        if (next)
            *next++ = '\0';
        if (*p == '#' || *p == '\0')
            continue;
        if (n == MAX_ROWS) {
            T_FAIL("%s: more than %d rows", DATA, MAX_ROWS);
            break;
        }
        row *r = &rows[n];
        r->line = line;
        int k = 0;
        for (char *q = p; k < 7 && q; k++) {
            r->col[k] = q;
            q = strchr(q, '\t');
            if (q)
                *q++ = '\0';
        }
        if (k != 7 || strchr(r->col[6], '\t')) {
            T_FAIL("%s:%d: expected 7 tab-separated columns", DATA, line);
            continue;
        }
        n++;
    }
    return n;
}

static int same_case(const row *a, const row *b)
{
    return !strcmp(a->col[0], b->col[0]) && !strcmp(a->col[1], b->col[1]) &&
           !strcmp(a->col[2], b->col[2]);
}

static int n_expr, n_neg, n_cases, n_event_checked;

/* Runs one case (rows[0, n)) on sentence s; mode names it in messages. */
static void run_case(const row *rows, int n, const kbi_sentence *s,
                     kbi_arena *a, const char *mode, int count)
{
    const row *r0 = &rows[0];
    int32_t pub = day(r0->col[0]);
    int32_t anchor = strcmp(r0->col[2], "-") ? day(r0->col[2]) : -1;
    kbi_dates d;
    t_checks++;
    if (kbi_dates_find(s, pub, anchor, a, &d) != KB_OK) {
        T_FAIL("%s:%d [%s]: kbi_dates_find failed", DATA, r0->line, mode);
        return;
    }
    int negative = n == 1 && !strcmp(r0->col[3], "-");
    int want = negative ? 0 : n;
    if (count) {
        n_cases++;
        if (negative)
            n_neg++;
        else
            n_expr += n;
    }
    char v[64], f[64];
    if (d.n != want) {
        T_FAIL("%s:%d [%s]: %d expressions, expected %d in \"%s\"", DATA,
               r0->line, mode, d.n, want, r0->col[1]);
        for (int32_t i = 0; i < d.n; i++)
            fprintf(stderr, "    got \"%s\" %s %s\n", d.items[i].text,
                    value(&d.items[i], v, sizeof v),
                    flags(d.items[i].flags, f, sizeof f));
        return;
    }
    const kbi_date *ev = kbi_dates_event(s, &d, -1);
    const kbi_date *want_ev = NULL;
    for (int i = 0; i < want; i++) {
        const row *r = &rows[i];
        const kbi_date *x = &d.items[i];
        value(x, v, sizeof v);
        flags(x->flags, f, sizeof f);
        t_checks++;
        if (strcmp(x->text, r->col[3]) || strcmp(v, r->col[4]) ||
            strcmp(f, r->col[5]))
            T_FAIL("%s:%d [%s]: got \"%s\" %s %s, expected \"%s\" %s %s",
                   DATA, r->line, mode, x->text, v, f, r->col[3], r->col[4],
                   r->col[5]);
        /* the offsets cover the words */
        t_checks++;
        if (x->tok_start < 0 || x->tok_end > s->ntoks ||
            x->tok_start >= x->tok_end ||
            x->start != s->toks[x->tok_start].start ||
            x->end != s->toks[x->tok_end - 1].end ||
            (size_t)(x->end - x->start) != strlen(x->text))
            T_FAIL("%s:%d [%s]: bad span of \"%s\"", DATA, r->line, mode,
                   x->text);
        if (!strcmp(r->col[6], "event"))
            want_ev = x;
    }
    t_checks++;
    if (count)
        n_event_checked++;
    if (ev != want_ev)
        T_FAIL("%s:%d [%s]: event date \"%s\", expected \"%s\"", DATA,
               r0->line, mode, ev ? ev->text : "(none)",
               want_ev ? want_ev->text : "(none)");
}

static void test_data_file(void)
{
    char *text;
    size_t len;
    kb_error err;
    if (kbi_read_file(DATA, NULL, &text, &len, &err) != KB_OK) {
        T_FAIL("cannot read %s", DATA);
        return;
    }
    row *rows = calloc(MAX_ROWS, sizeof *rows);
    int n = read_rows(text, rows);
    for (int i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && same_case(&rows[i], &rows[j]); j++)
            ;
        kbi_arena a;
        kbi_arena_init(&a, NULL);
        kbi_sentence s = tokens(&a, rows[i].col[1]);
        run_case(rows + i, j - i, &s, &a, "tokens", 1);
        if (M) {
            s = parsed(&a, rows[i].col[1]);
            run_case(rows + i, j - i, &s, &a, "parsed", 0);
        }
        kbi_arena_free(&a);
    }
    printf("dates.tsv: %d cases, %d expressions, %d negative sentences, "
           "%d event-date choices, each on tokens and on parses\n",
           n_cases, n_expr, n_neg, n_event_checked);
    T_OK(n_expr >= 60);
    T_OK(n_neg >= 10);
    free(rows);
    kbi_free(NULL, text, len + 1);
}

/* ---- calendar ----------------------------------------------------------- */

static void test_calendar(void)
{
    char buf[11];
    T_EQ_STR(kbi_date_format(0, buf), "1970-01-01");
    T_EQ_STR(kbi_date_format(-1, buf), "1969-12-31");
    T_EQ_STR(kbi_date_format(day("2019-11-24"), buf), "2019-11-24");
    T_EQ_STR(kbi_date_format(day("2000-02-29"), buf), "2000-02-29");
    T_EQ_STR(kbi_date_format(day("0001-01-01"), buf), "0001-01-01");
    T_EQ_STR(kbi_date_format(day("9999-12-31"), buf), "9999-12-31");
    T_EQ_STR(kbi_date_format(INT32_MIN, buf), "0000-00-00");
    int32_t x;
    T_OK(!kbi_date_parse("2019-02-29", &x));
    T_OK(!kbi_date_parse("2019-1-01", &x));
    T_OK(!kbi_date_parse("20191124", &x));
    T_OK(!kbi_date_parse(NULL, &x));
    /* every day of 1600..2400 round-trips */
    int32_t lo = day("1600-01-01"), hi = day("2400-12-31");
    int bad = 0;
    for (int32_t d = lo; d <= hi; d++) {
        int y, m, dd;
        int32_t back;
        kbi_civil_from_days(d, &y, &m, &dd);
        if (!kbi_days_from_civil(y, m, dd, &back) || back != d)
            bad++;
    }
    T_EQ_INT(bad, 0);
}

/* ---- the event of a given verb ------------------------------------------ */

static int32_t find_tok(const kbi_sentence *s, const char *form)
{
    for (int32_t i = 0; i < s->ntoks; i++)
        if (!strcmp(s->toks[i].form, form))
            return i;
    return -1;
}

static void check_verb(const char *text, const char *verb, const char *want)
{
    for (int mode = 0; mode < (M ? 2 : 1); mode++) {
        kbi_arena a;
        kbi_arena_init(&a, NULL);
        kbi_sentence s = mode ? parsed(&a, text) : tokens(&a, text);
        kbi_dates d;
        T_EQ_INT(kbi_dates_find(&s, day("2019-11-24"), -1, &a, &d), KB_OK);
        const kbi_date *ev = kbi_dates_event(&s, &d, find_tok(&s, verb));
        t_checks++;
        if (!ev || strcmp(ev->text, want))
            T_FAIL("[%s] \"%s\" verb %s: \"%s\", expected \"%s\"",
                   mode ? "parsed" : "tokens", text, verb,
                   ev ? ev->text : "(none)", want);
        kbi_arena_free(&a);
    }
}

static void test_verb(void)
{
    const char *s1 = "The minister will visit Baghdad on Monday, his office "
                     "said on Sunday.";
    check_verb(s1, "visit", "on Monday");
    check_verb(s1, "said", "on Sunday");
    const char *s2 = "He said on Sunday that he will visit Baghdad next week.";
    check_verb(s2, "visit", "next week");
    check_verb(s2, "said", "on Sunday");
    const char *s3 = "The talks, which will resume on Monday, were suspended "
                     "on Friday.";
    check_verb(s3, "resume", "on Monday");
    check_verb(s3, "suspended", "on Friday");
}

/* ---- hostile input ------------------------------------------------------ */

static void test_edges(void)
{
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_dates d;
    int32_t pub = day("2019-11-24");
    /* empty, NULL */
    kbi_sentence s;
    memset(&s, 0, sizeof s);
    T_EQ_INT(kbi_dates_find(&s, pub, -1, &a, &d), KB_OK);
    T_EQ_INT(d.n, 0);
    T_OK(kbi_dates_event(&s, &d, -1) == NULL);
    T_EQ_INT(kbi_dates_find(NULL, pub, -1, &a, &d), KB_OK);
    T_OK(kbi_dates_event(NULL, &d, 0) == NULL);
    /* publication dates out of range; anchors out of range are none */
    s = tokens(&a, "The next day, on Sunday, they met.");
    T_EQ_INT(kbi_dates_find(&s, day("0001-01-01") - 1, -1, &a, &d),
             KB_ERR_INVALID);
    T_EQ_INT(d.n, 0);
    T_EQ_INT(kbi_dates_find(&s, INT32_MAX, -1, &a, &d), KB_ERR_INVALID);
    T_EQ_INT(kbi_dates_find(&s, pub, INT32_MIN, &a, &d), KB_OK);
    T_EQ_INT(d.n, 2);
    T_OK(d.items[0].flags & KBI_DATE_UNRESOLVED);
    /* at the ends of the calendar nothing leaves it */
    const char *edge = "He left next year, last year, tomorrow, yesterday, "
                       "in the coming years, 12 years ago, next week.";
    s = tokens(&a, edge);
    T_EQ_INT(kbi_dates_find(&s, day("9999-12-31"), -1, &a, &d), KB_OK);
    for (int32_t i = 0; i < d.n; i++)
        T_OK(d.items[i].lo <= d.items[i].hi &&
             d.items[i].hi <= day("9999-12-31"));
    T_OK(d.n >= 3);
    T_EQ_INT(kbi_dates_find(&s, day("0001-01-01"), -1, &a, &d), KB_OK);
    for (int32_t i = 0; i < d.n; i++)
        T_OK(d.items[i].lo >= day("0001-01-01"));
    /* NULL forms and tags, garbage heads (cycles, out of range) */
    kbi_token t[6];
    memset(t, 0, sizeof t);
    const char *forms[] = {"on", NULL, "Sunday", "on", "Monday", NULL};
    int32_t heads[] = {1, 0, 99, -7, 3, 4};
    for (int i = 0; i < 6; i++) {
        t[i].form = forms[i];
        t[i].head = heads[i];
        t[i].deprel = i == 2 ? "root" : NULL;
    }
    s.toks = t;
    s.ntoks = 6;
    T_EQ_INT(kbi_dates_find(&s, pub, -1, &a, &d), KB_OK);
    T_EQ_INT(d.n, 2);
    T_EQ_STR(d.items[0].text, "Sunday");
    T_EQ_STR(d.items[1].text, "on Monday");
    T_OK(kbi_dates_event(&s, &d, -1) != NULL);
    T_OK(kbi_dates_event(&s, &d, 5) != NULL);
    T_OK(kbi_dates_event(&s, &d, 1000) != NULL);
    kbi_arena_free(&a);
}

/* 60,000 tokens of date words: linear time (a quadratic pass would take
 * minutes here), every token read in bounds (ASan). */
static void test_big(void)
{
    static const char *words[] = {"on", "Sunday", "last", "week", "the",
                                  "next", "day", "in", "September", "2019",
                                  "two", "days", "ago", "will", "that",
                                  ",", "early", "mid-2019", "since"};
    enum { N = 60000 };
    kbi_token *t = calloc(N, sizeof *t);
    uint32_t seed = 1;
    for (int i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        t[i].form = words[(seed >> 16) % (sizeof words / sizeof *words)];
        t[i].head = -1;
    }
    kbi_sentence s = {t, N, NULL, 0};
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_dates d;
    T_EQ_INT(kbi_dates_find(&s, day("2019-11-24"), day("2019-11-20"), &a,
                            &d),
             KB_OK);
    T_OK(d.n > 1000);
    for (int32_t i = 1; i < d.n; i++)
        T_OK(d.items[i].tok_start >= d.items[i - 1].tok_end);
    T_OK(kbi_dates_event(&s, &d, N / 2) != NULL);
    kbi_arena_free(&a);
    free(t);
}

static void test_allocation_failures(void)
{
    /* a sentence long enough to need several arena blocks */
    kbi_arena ta;
    kbi_arena_init(&ta, NULL);
    size_t cap = 64 * 1024, n = 0;
    char *text = kbi_arena_alloc(&ta, cap);
    while (n + 80 < cap) {
        memcpy(text + n, "They met on Sunday and two days ago in September ",
               49);
        n += 49;
    }
    text[n] = '\0';
    kbi_sentence s = tokens(&ta, text);
    int ok = 0;
    long k;
    for (k = 0; k < 100 && !ok; k++) {
        t_failing f = {.left = k, .sticky = 1};
        kb_allocator al = {t_failing_realloc, &f};
        kbi_arena a;
        kbi_arena_init(&a, &al);
        kbi_dates d;
        kb_status st = kbi_dates_find(&s, day("2019-11-24"), -1, &a, &d);
        if (st == KB_OK) {
            ok = 1;
            T_OK(d.n > 1000);
        } else {
            T_EQ_INT(st, KB_ERR_NOMEM);
            T_OK(d.n == 0 && d.items == NULL);
        }
        kbi_arena_free(&a);
        T_EQ_INT(f.live, 0);
    }
    T_OK(ok);
    T_OK(k > 2);
    kbi_arena_free(&ta);
}

int main(void)
{
    kb_error err;
    if (kb_model_load(NULL, &M, &err) != KB_OK) {
        char buf[1024];
        T_FAIL("bundled model: %s", kb_error_format(&err, buf, sizeof buf));
        M = NULL;
    }
    T_RUN(test_calendar);
    T_RUN(test_data_file);
    T_RUN(test_verb);
    T_RUN(test_edges);
    T_RUN(test_big);
    T_RUN(test_allocation_failures);
    kb_model_free(M);
    return t_done();
}
