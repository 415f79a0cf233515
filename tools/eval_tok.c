/* eval_tok.c - measures the text front end (src/text) against CoNLL-U
 * gold data, prints its output, and times it. Not part of the library.
 *
 * Build (after `make`, which builds build/libkhabar.a):
 *   cc -std=c11 -O2 -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L \
 *      tools/eval_tok.c build/libkhabar.a -lxml2 -lm -lpthread \
 *      -o build/eval_tok
 *
 * Usage:
 *   eval_tok [OPTIONS] FILE.conllu...   token, word and sentence F1
 *   eval_tok --print [OPTIONS] FILE     the segmentation of a text file in
 *                                       the format of tests/text/NAME.tok
 *   eval_tok --bench [OPTIONS] FILE     speed over a text or CoNLL-U file
 * Options: --split-hyphens, --line-breaks, --errors N (show N differences
 * of each kind).
 *
 * Each document ("# newdoc") is rebuilt as running text from the "# text"
 * lines: sentences of a paragraph joined by a space (none after a final
 * token with SpaceAfter=No), paragraphs ("# newpar") by a blank line. Gold
 * token offsets come from matching the forms against that text. Tokens
 * are the surface tokens (a multiword token such as "don't" is one; the
 * front end's clitics are joined to the token before them); words are the
 * syntactic words ("do" "n't"), with a multiword token's words given the
 * parts of its span when their forms spell it. Sentences are the spans
 * from the first token's start to the last token's end. A system unit is
 * correct when a gold unit has exactly its span; P, R and F1 as in the
 * CoNLL 2018 shared task evaluation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "base/util.h"
#include "text/text.h"

typedef struct span {
    uint32_t s, e;
} span;

typedef struct spans {
    span *v;
    size_t n, cap;
} spans;

static void die(const char *m)
{
    fprintf(stderr, "eval_tok: %s\n", m);
    exit(2);
}

static void add(spans *x, size_t s, size_t e)
{
    if (x->n == x->cap) {
        x->cap = x->cap ? 2 * x->cap : 1024;
        x->v = realloc(x->v, x->cap * sizeof *x->v);
        if (!x->v)
            die("out of memory");
    }
    x->v[x->n].s = (uint32_t)s;
    x->v[x->n].e = (uint32_t)e;
    x->n++;
}

typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static void put(buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        while (b->n + n + 1 > b->cap)
            b->cap = b->cap ? 2 * b->cap : 1 << 16;
        b->p = realloc(b->p, b->cap);
        if (!b->p)
            die("out of memory");
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

/* ---- options and counts ------------------------------------------------- */

static kbi_text_options OPT;
static int SHOW_ERRORS;

typedef struct score {
    size_t gold, sys, ok;
} score;

static score WORDS, TOKENS, SENTS;
static size_t ALIGN_FAIL, MWT_UNSPLIT;
static double SECONDS;
static size_t BYTES;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void show(const char *what, const char *text, size_t tlen, span x)
{
    size_t a = x.s > 30 ? x.s - 30 : 0, b = x.e + 30 < tlen ? x.e + 30 : tlen;
    printf("%s [%.*s] in: ", what, (int)(x.e - x.s), text + x.s);
    for (size_t i = a; i < b; i++)
        putchar(text[i] == '\n' ? '|' : text[i]);
    putchar('\n');
}

static void compare(score *sc, const char *name, const spans *g,
                    const spans *s, const char *text, size_t tlen)
{
    static int shown_missed[3], shown_extra[3];
    int w = name[0] == 'w' ? 0 : name[0] == 't' ? 1 : 2;
    size_t i = 0, j = 0;
    sc->gold += g->n;
    sc->sys += s->n;
    while (i < g->n || j < s->n) {
        if (i < g->n && j < s->n && g->v[i].s == s->v[j].s &&
            g->v[i].e == s->v[j].e) {
            sc->ok++;
            i++;
            j++;
        } else if (j >= s->n || (i < g->n && (g->v[i].s < s->v[j].s ||
                                              (g->v[i].s == s->v[j].s &&
                                               g->v[i].e < s->v[j].e)))) {
            if (shown_missed[w] < SHOW_ERRORS && w != 1) {
                shown_missed[w]++;
                char m[32];
                snprintf(m, sizeof m, "%s missed", name);
                show(m, text, tlen, g->v[i]);
            }
            i++;
        } else {
            if (shown_extra[w] < SHOW_ERRORS && w != 1) {
                shown_extra[w]++;
                char m[32];
                snprintf(m, sizeof m, "%s extra", name);
                show(m, text, tlen, s->v[j]);
            }
            j++;
        }
    }
}

/* ---- running the front end ---------------------------------------------- */

static void run(const char *text, size_t len, spans *words, spans *toks,
                spans *sents)
{
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_text_doc d;
    double t0 = now();
    if (kbi_text_segment(text, len, &OPT, &a, NULL, &d) != KB_OK)
        die("segmentation failed");
    SECONDS += now() - t0;
    BYTES += len;
    for (int32_t i = 0; i < d.ntoks; i++) {
        const kbi_text_token *t = &d.toks[i];
        add(words, t->start, t->end);
        if ((t->flags & KBI_TEXT_TOK_CLITIC) && toks->n)
            toks->v[toks->n - 1].e = t->end;
        else
            add(toks, t->start, t->end);
    }
    for (int32_t i = 0; i < d.nsents; i++)
        add(sents, d.sents[i].start, d.sents[i].end);
    kbi_arena_free(&a);
}

/* ---- reading CoNLL-U ----------------------------------------------------- */

typedef struct doc {
    buf text;
    spans words, toks, sents;
    size_t sent_first_tok; /* index in toks of the sentence's first token */
    size_t cursor;         /* match position in text */
    int last_no_space;
    int pending_par;
} doc;

static void doc_reset(doc *d)
{
    d->text.n = 0;
    if (d->text.p)
        d->text.p[0] = '\0';
    d->words.n = d->toks.n = d->sents.n = 0;
    d->sent_first_tok = 0;
    d->cursor = 0;
    d->last_no_space = 0;
    d->pending_par = 0;
}

/* Records the sentence whose tokens start at d->sent_first_tok. */
static void close_sentence(doc *d)
{
    if (d->toks.n > d->sent_first_tok)
        add(&d->sents, d->toks.v[d->sent_first_tok].s,
            d->toks.v[d->toks.n - 1].e);
    d->sent_first_tok = d->toks.n;
}

static void doc_finish(doc *d)
{
    close_sentence(d);
    if (d->text.n == 0)
        return;
    spans sw = {0}, st = {0}, ss = {0};
    run(d->text.p, d->text.n, &sw, &st, &ss);
    compare(&WORDS, "words", &d->words, &sw, d->text.p, d->text.n);
    compare(&TOKENS, "tokens", &d->toks, &st, d->text.p, d->text.n);
    compare(&SENTS, "sentences", &d->sents, &ss, d->text.p, d->text.n);
    free(sw.v);
    free(st.v);
    free(ss.v);
    doc_reset(d);
}

/* Finds form at or after the cursor (skipping whitespace); returns its
 * start or (size_t)-1. */
static size_t match(doc *d, const char *form, size_t n)
{
    const char *t = d->text.p;
    size_t c = d->cursor;
    while (c < d->text.n && kbi_isspace((unsigned char)t[c]))
        c++;
    if (c + n <= d->text.n && memcmp(t + c, form, n) == 0)
        return c;
    /* forms with spaces removed or text with spaces inside the token */
    const char *hit = NULL;
    size_t lim = d->text.n < c + 200 ? d->text.n : c + 200;
    for (size_t k = c; k + n <= lim; k++)
        if (memcmp(t + k, form, n) == 0) {
            hit = t + k;
            break;
        }
    return hit ? (size_t)(hit - t) : (size_t)-1;
}

static char *field(char *line, int k)
{
    for (int i = 0; i < k && line; i++) {
        line = strchr(line, '\t');
        if (line)
            line++;
    }
    return line;
}

static size_t field_len(const char *f)
{
    const char *e = strchr(f, '\t');
    return e ? (size_t)(e - f) : strlen(f);
}

static int space_after_no(char *line)
{
    char *m = field(line, 9);
    return m && strstr(m, "SpaceAfter=No") != NULL;
}

static void eval_file(const char *path)
{
    char *data;
    size_t len;
    kb_error err;
    if (kbi_read_file(path, NULL, &data, &len, &err) != KB_OK)
        die("cannot read input");
    doc d;
    memset(&d, 0, sizeof d);
    put(&d.text, "", 0);
    size_t mwt_end = 0, mwt_s = 0, mwt_e = 0, mwt_pos = 0;
    int mwt_ok = 0;
    char *save = NULL;
    for (char *line = strtok_r(data, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        size_t ll = strlen(line);
        if (ll && line[ll - 1] == '\r')
            line[--ll] = '\0';
        if (strncmp(line, "# newdoc", 8) == 0) {
            doc_finish(&d);
        } else if (strncmp(line, "# newpar", 8) == 0) {
            d.pending_par = 1;
        } else if (strncmp(line, "# text = ", 9) == 0) {
            close_sentence(&d);
            if (d.text.n)
                put(&d.text, d.pending_par ? "\n\n" : d.last_no_space ? ""
                                                                      : " ",
                    d.pending_par ? 2 : d.last_no_space ? 0 : 1);
            d.pending_par = 0;
            d.cursor = d.text.n;
            put(&d.text, line + 9, ll - 9);
        } else if (line[0] >= '0' && line[0] <= '9') {
            char *form = field(line, 1);
            if (!form)
                continue;
            size_t id_len = strcspn(line, "\t");
            if (memchr(line, '.', id_len))
                continue; /* empty node */
            size_t fl = field_len(form);
            char *dash = memchr(line, '-', id_len);
            if (dash) {
                mwt_end = strtoul(dash + 1, NULL, 10);
                size_t at = match(&d, form, fl);
                if (at == (size_t)-1) {
                    ALIGN_FAIL++;
                    mwt_ok = 0;
                    continue;
                }
                mwt_s = at;
                mwt_e = at + fl;
                mwt_pos = at;
                d.cursor = mwt_e;
                add(&d.toks, mwt_s, mwt_e);
                d.last_no_space = space_after_no(line);
                mwt_ok = 1;
                /* do the words spell the token? checked as they come */
                continue;
            }
            size_t id = strtoul(line, NULL, 10);
            if (id <= mwt_end) {
                if (!mwt_ok)
                    continue;
                if (mwt_pos + fl <= mwt_e &&
                    strncasecmp(d.text.p + mwt_pos, form, fl) == 0) {
                    add(&d.words, mwt_pos, mwt_pos + fl);
                    mwt_pos += fl;
                } else {
                    MWT_UNSPLIT++;
                    add(&d.words, mwt_pos, mwt_e);
                    mwt_pos = mwt_e;
                }
                if (id == mwt_end)
                    mwt_end = 0;
                continue;
            }
            size_t at = match(&d, form, fl);
            if (at == (size_t)-1) {
                ALIGN_FAIL++;
                continue;
            }
            add(&d.toks, at, at + fl);
            add(&d.words, at, at + fl);
            d.cursor = at + fl;
            d.last_no_space = space_after_no(line);
        }
    }
    doc_finish(&d);
    free(d.text.p);
    free(d.words.v);
    free(d.toks.v);
    free(d.sents.v);
    kbi_free(NULL, data, len + 1);
}

static void report(const char *name, const score *s)
{
    double p = s->sys ? (double)s->ok / (double)s->sys : 0;
    double r = s->gold ? (double)s->ok / (double)s->gold : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("%-10s gold %7zu  system %7zu  correct %7zu  P %6.2f  R %6.2f  "
           "F1 %6.2f\n", name, s->gold, s->sys, s->ok, 100 * p, 100 * r,
           100 * f);
}

/* ---- printing and timing ------------------------------------------------- */

static void print_doc(const char *text, size_t len)
{
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_text_doc d;
    if (kbi_text_segment(text, len, &OPT, &a, NULL, &d) != KB_OK)
        die("segmentation failed");
    for (int32_t i = 0; i < d.nsents; i++) {
        const kbi_text_sentence *s = &d.sents[i];
        if (i && (s->flags & KBI_TEXT_SENT_PARA_START))
            putchar('\n');
        if (s->flags & KBI_TEXT_SENT_DATELINE)
            fputs("[dateline] ", stdout);
        for (int32_t k = 0; k < s->n; k++)
            printf("%s%s", k ? " " : "", d.toks[s->first + k].form);
        putchar('\n');
    }
    kbi_arena_free(&a);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void bench(const char *text, size_t len)
{
    enum { RUNS = 7 };
    double t[RUNS];
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    size_t ntoks = 0;
    for (int r = 0; r < RUNS; r++) {
        kbi_text_doc d;
        double t0 = now();
        if (kbi_text_segment(text, len, &OPT, &a, NULL, &d) != KB_OK)
            die("segmentation failed");
        t[r] = now() - t0;
        ntoks = (size_t)d.ntoks;
        kbi_arena_reset(&a);
    }
    kbi_arena_free(&a);
    qsort(t, RUNS, sizeof t[0], cmp_double);
    printf("%zu bytes, %zu tokens: median %.4f s = %.1f MB/s (%d runs)\n",
           len, ntoks, t[RUNS / 2], (double)len / t[RUNS / 2] / 1e6, RUNS);
}

int main(int argc, char **argv)
{
    int mode = 0, nfiles = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--print") == 0)
            mode = 1;
        else if (strcmp(argv[i], "--bench") == 0)
            mode = 2;
        else if (strcmp(argv[i], "--split-hyphens") == 0)
            OPT.flags |= KBI_TEXT_SPLIT_HYPHENS;
        else if (strcmp(argv[i], "--line-breaks") == 0)
            OPT.flags |= KBI_TEXT_LINE_BREAKS;
        else if (strcmp(argv[i], "--errors") == 0 && i + 1 < argc)
            SHOW_ERRORS = atoi(argv[++i]);
        else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: eval_tok [--print|--bench] "
                            "[--split-hyphens] [--line-breaks] "
                            "[--errors N] FILE...\n");
            return 2;
        }
    }
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-') {
            if (strcmp(argv[i], "--errors") == 0)
                i++;
            continue;
        }
        nfiles++;
        if (mode == 0) {
            eval_file(argv[i]);
            continue;
        }
        char *data;
        size_t len;
        kb_error err;
        if (kbi_read_file(argv[i], NULL, &data, &len, &err) != KB_OK)
            die("cannot read input");
        if (mode == 1)
            print_doc(data, len);
        else
            bench(data, len);
        kbi_free(NULL, data, len + 1);
    }
    if (!nfiles)
        die("no input files");
    if (mode == 0) {
        report("tokens", &TOKENS);
        report("words", &WORDS);
        report("sentences", &SENTS);
        printf("(%zu gold tokens not found in the text, %zu multiword "
               "tokens whose words do not spell them; front end %.1f MB/s)\n",
               ALIGN_FAIL, MWT_UNSPLIT, SECONDS > 0 ? (double)BYTES / SECONDS / 1e6 : 0);
    }
    return 0;
}
