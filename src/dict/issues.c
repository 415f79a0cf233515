/* issues.c - the issue list (PETRARCH-2 spec §7.2) and its matcher.
 *
 *     <ISSUE CATEGORY="ENERGY" TYPE="ALL">
 *     nuclear n:reactor [NUCLEAR_ENERGY]   n: the word and its plural
 *     v:retaliate [RETALIATION]            v: WORD, +S, +ED, +ING
 *     solar+v:power [RENEWABLE_ENERGY]     + : "SOLAR POWER", "SOLAR-POWER"
 *     ~olive oil                           ignore phrase (sentence)
 *     ~~edison electric company            ignore phrase ('~~')
 *     </ISSUE>
 *
 * Each expansion is stored as its own kbi_issue (upper case, single
 * blanks; '_' counts as a blank). A prefix applies to the word it starts
 * or the '+' part it starts, and inflects the end of the blank-delimited
 * word ("pre+n:school" gives PRE SCHOOL(S) and PRE-SCHOOL(S)); several
 * prefixed words multiply. The inflections are a little better than the
 * spec's (which gives "CRISISS", "DAIES"): consonant+Y -> IES / IED;
 * S, X, Z, CH, SH -> +ES; E -> +D and drops the E before ING.
 *
 * Choices beyond the spec, documented here: an ignore phrase suppresses
 * the issues of its own <ISSUE> section only (one outside any section
 * would suppress all). The spec's rule (any ignore phrase cancels every
 * issue) would make "oil [OIL]" in ENERGY dead, since the CRIME section
 * holds "~~oil" to keep OPEC out of DRUG_CARTEL. A line without "[CODE]"
 * inside a section takes the section's CATEGORY as its code (13 lines of
 * the EUROPEAN_UNION section are written so); outside a section it is
 * reported. A line holding a second "phrase [CODE]" after the first ']'
 * (a lost line break, twice in the Phoenix file) gives both entries;
 * other text after ']' is ignored. */
#include "issues.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/util.h"
#include "../base/vec.h"
#include "discards.h"

_Static_assert(offsetof(kbi_issue, phrase) == 0,
               "kbi_walk needs the phrase first");

#define MAX_VARIANTS 1024

enum { INFL_NONE = 1, INFL_NOUN = 2, INFL_VERB = 4 }; /* = forms made */

typedef struct word {
    const char *p;
    size_t n;
    unsigned nplus;  /* '+' joins: 2^nplus spellings */
    unsigned infl;   /* INFL_* */
} word;

typedef struct reader {
    kbi_load *L;
    kb_dict *d;
    const char *s; /* current line */
    size_t n;
    int line;
    const char *category; /* current <ISSUE CATEGORY>, or NULL */
    word *words; size_t nwords, cap_words;
    size_t *opt; size_t cap_opt;
    char *buf;   size_t nbuf, cap_buf;
} reader;

static kb_status bad_at(reader *r, const char *at, const char *fmt, ...)
    KBI_PRINTF(3, 4);

static kb_status bad_at(reader *r, const char *at, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return kbi_load_bad(r->L, r->line, (int)(at - r->s) + 1, "%s", msg);
}

static int is_space(char c) { return c == ' ' || c == '\t'; }
static int is_blank(char c) { return is_space(c) || c == '_'; }
static int is_letter(int c)
{
    c = kbi_toupper(c);
    return c >= 'A' && c <= 'Z';
}

typedef struct span { const char *p; size_t n; } span;

static span trim(const char *p, const char *e)
{
    while (p < e && is_space(*p))
        p++;
    while (e > p && is_space(e[-1]))
        e--;
    return (span){p, (size_t)(e - p)};
}

/* ---- expansion -------------------------------------------------------- */

/* Splits the phrase into words, reading the n:/v: prefixes. */
static kb_status split_words(reader *r, span ph, int *ok)
{
    const char *p = ph.p, *e = ph.p + ph.n;
    r->nwords = 0;
    *ok = 0;
    while (p < e) {
        while (p < e && is_blank(*p))
            p++;
        if (p == e)
            break;
        word w = {p, 0, 0, INFL_NONE};
        for (const char *q = p; q < e && !is_blank(*q); q++, w.n++) {
            if (*q == '+')
                w.nplus++;
            if ((q == p || q[-1] == '+') && q + 1 < e && q[1] == ':' &&
                is_letter((unsigned char)*q)) {
                int k = kbi_toupper((unsigned char)*q);
                if (k != 'N' && k != 'V')
                    return bad_at(r, q, "unknown expansion prefix '%c:' "
                                  "(expected n: or v:)", *q);
                if (w.infl == INFL_NONE)
                    w.infl = k == 'N' ? INFL_NOUN : INFL_VERB;
            }
        }
        if (w.nplus > 10)
            return bad_at(r, p, "too many '+' in one word");
        if (!kbi_vec_reserve(r->d->alloc, (void **)&r->words, &r->cap_words,
                             r->nwords + 1, sizeof *r->words))
            return KB_ERR_NOMEM;
        r->words[r->nwords++] = w;
        p += w.n;
    }
    *ok = 1;
    return KB_OK;
}

static int buf_add(reader *r, const char *s, size_t n)
{
    if (!kbi_vec_reserve(r->d->alloc, (void **)&r->buf, &r->cap_buf,
                         r->nbuf + n + 1, 1))
        return 0;
    memcpy(r->buf + r->nbuf, s, n);
    r->nbuf += n;
    return 1;
}

/* Inflects the word in buf[from, nbuf): form 1 plural/3rd person, 2 past,
 * 3 -ing (verbs). */
static int inflect(reader *r, size_t from, unsigned form)
{
    size_t n = r->nbuf - from;
    char c = n ? r->buf[r->nbuf - 1] : 0;
    char b = n > 1 ? r->buf[r->nbuf - 2] : 0;
    int cons_y =
        c == 'Y' && is_letter((unsigned char)b) && !strchr("AEIOU", b);
    if (form == 3) {
        if (c == 'E' && b != 'E' && n > 1)
            r->nbuf--;
        return buf_add(r, "ING", 3);
    }
    if (cons_y) {
        r->nbuf--;
        return buf_add(r, form == 1 ? "IES" : "IED", 3);
    }
    if (form == 2)
        return c == 'E' ? buf_add(r, "D", 1) : buf_add(r, "ED", 2);
    if ((c && strchr("SXZ", c)) || (c == 'H' && (b == 'C' || b == 'S')))
        return buf_add(r, "ES", 2);
    return buf_add(r, "S", 1);
}

/* Writes spelling `opt` of word w into buf. */
static int build_word(reader *r, const word *w, size_t opt)
{
    size_t from = r->nbuf;
    size_t mask = opt & (((size_t)1 << w->nplus) - 1);
    unsigned form = (unsigned)(opt >> w->nplus);
    unsigned plus = 0;
    for (size_t i = 0; i < w->n; i++) {
        char c = w->p[i];
        if ((i == 0 || w->p[i - 1] == '+') && i + 1 < w->n &&
            w->p[i + 1] == ':' && is_letter((unsigned char)c)) {
            i++;
            continue;
        }
        if (c == '+')
            c = (mask >> plus++) & 1 ? '-' : ' ';
        c = (char)kbi_toupper((unsigned char)c);
        if (!buf_add(r, &c, 1))
            return 0;
    }
    return form == 0 || inflect(r, from, form);
}

/* Stores the phrase in buf; *bad = 1 (empty) or 2 (too long) instead. */
static kb_status add_item(reader *r, const char *code, int exclude, int *bad)
{
    size_t len;
    char *ph = kbi_norm_phrase(&r->d->arena, r->buf, r->nbuf, &len);
    if (!ph)
        return KB_ERR_NOMEM;
    *bad = len == 0 ? 1 : len > KBI_MAX_MATCH_PHRASE ? 2 : 0;
    if (*bad)
        return KB_OK;
    kbi_issues *I = &r->d->issues;
    if (!kbi_vec_reserve(r->d->alloc, (void **)&I->items, &I->cap, I->n + 1,
                         sizeof *I->items))
        return KB_ERR_NOMEM;
    I->items[I->n++] = (kbi_issue){ph, code, (uint8_t)exclude, r->L->file,
                                   r->line, r->category};
    return KB_OK;
}

/* Stores every expansion of phrase ph (odometer over the words). */
static kb_status add_phrase(reader *r, span ph, const char *code,
                            int exclude)
{
    int ok;
    kb_status st = split_words(r, ph, &ok);
    if (st != KB_OK || !ok)
        return st;
    if (r->nwords == 0)
        return bad_at(r, ph.p, "empty issue phrase");
    size_t total = 1;
    for (size_t i = 0; i < r->nwords; i++) {
        total *= ((size_t)1 << r->words[i].nplus) * r->words[i].infl;
        if (total > MAX_VARIANTS)
            return bad_at(r, ph.p, "phrase expands to more than %d variants",
                          MAX_VARIANTS);
    }
    if (!kbi_vec_reserve(r->d->alloc, (void **)&r->opt, &r->cap_opt,
                         r->nwords, sizeof *r->opt))
        return KB_ERR_NOMEM;
    memset(r->opt, 0, r->nwords * sizeof *r->opt);
    for (size_t k = 0; k < total; k++) {
        r->nbuf = 0;
        for (size_t i = 0; i < r->nwords; i++)
            if ((i && !buf_add(r, " ", 1)) ||
                !build_word(r, &r->words[i], r->opt[i]))
                return KB_ERR_NOMEM;
        int bad;
        st = add_item(r, code, exclude, &bad);
        if (st != KB_OK)
            return st;
        if (bad == 1)
            return bad_at(r, ph.p, "empty issue phrase");
        if (bad == 2)
            return bad_at(r, ph.p, "issue phrase longer than %d characters",
                          KBI_MAX_MATCH_PHRASE);
        for (size_t i = 0; i < r->nwords; i++) {
            const word *w = &r->words[i];
            if (++r->opt[i] < ((size_t)1 << w->nplus) * w->infl)
                break;
            r->opt[i] = 0;
        }
    }
    return KB_OK;
}

/* ---- lines ------------------------------------------------------------ */

static int starts_with(span t, const char *lit)
{
    size_t n = strlen(lit);
    if (t.n < n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (kbi_toupper((unsigned char)t.p[i]) != lit[i])
            return 0;
    return 1;
}

static kb_status read_tag(reader *r, span t)
{
    if (starts_with(t, "</ISSUE>")) {
        r->category = NULL;
        return KB_OK;
    }
    if (!starts_with(t, "<ISSUE") || t.n < 7 ||
        !(t.p[6] == ' ' || t.p[6] == '\t' || t.p[6] == '>'))
        return bad_at(r, t.p, "unknown tag (expected <ISSUE CATEGORY=\"...\""
                      "> or </ISSUE>)");
    r->category = NULL;
    const char *e = t.p + t.n;
    for (const char *p = t.p; p + 10 <= e; p++) {
        span at = {p, (size_t)(e - p)};
        if (!starts_with(at, "CATEGORY=\""))
            continue;
        const char *v = p + 10;
        const char *q = memchr(v, '"', (size_t)(e - v));
        if (!q || q == v)
            break;
        r->category = kbi_arena_strndup(&r->d->arena, v, (size_t)(q - v));
        return r->category ? KB_OK : KB_ERR_NOMEM;
    }
    return bad_at(r, t.p, "expected CATEGORY=\"NAME\" in <ISSUE>");
}

/* "[CODE]" between lb and rb; *code = NULL after a report. */
static kb_status read_code(reader *r, const char *lb, const char *rb,
                           const char **code)
{
    span c = trim(lb + 1, rb);
    *code = NULL;
    if (c.n == 0)
        return bad_at(r, lb, "empty issue code in '[...]'");
    for (size_t i = 0; i < c.n; i++)
        if (is_space(c.p[i]) || (unsigned char)c.p[i] < 0x20)
            return bad_at(r, c.p + i, "blank or control character inside "
                          "the issue code '%.*s'", (int)c.n, c.p);
    *code = kbi_arena_strndup(&r->d->arena, c.p, c.n);
    return *code ? KB_OK : KB_ERR_NOMEM;
}

/* "phrase [CODE]", possibly followed by more such entries. */
static kb_status read_entries(reader *r, const char *p, const char *e)
{
    const char *lb = memchr(p, '[', (size_t)(e - p));
    if (!lb) {
        if (!r->category)
            return bad_at(r, e, "expected '[CODE]' after the issue phrase "
                          "(outside any <ISSUE CATEGORY=...> section)");
        return add_phrase(r, trim(p, e), r->category, 0);
    }
    for (;;) {
        const char *rb = memchr(lb, ']', (size_t)(e - lb));
        if (!rb)
            return bad_at(r, lb, "missing ']' after the issue code");
        const char *code;
        kb_status st = read_code(r, lb, rb, &code);
        if (st == KB_OK && code)
            st = add_phrase(r, trim(p, lb), code, 0);
        if (st != KB_OK)
            return st;
        p = rb + 1;
        lb = memchr(p, '[', (size_t)(e - p));
        if (!lb || trim(p, lb).n == 0)
            return KB_OK; /* trailing junk or a repeated [CODE] */
    }
}

static kb_status read_line(reader *r)
{
    span t = trim(r->s, r->s + r->n);
    const char *e = t.p + t.n;
    if (t.p[0] == '<')
        return read_tag(r, t);
    if (t.p[0] != '~')
        return read_entries(r, t.p, e);
    int exclude = t.n > 1 && t.p[1] == '~' ? 2 : 1;
    const char *p = t.p + exclude;
    const char *lb = memchr(p, '[', (size_t)(e - p));
    if (lb)
        return bad_at(r, lb, "an ignore phrase ('~') takes no code");
    return add_phrase(r, trim(p, e), "", exclude);
}

static int cmp_issue(const void *a, const void *b)
{
    const kbi_issue *x = a, *y = b;
    int c = strcmp(x->phrase, y->phrase);
    if (c)
        return c;
    return (x->line > y->line) - (x->line < y->line);
}

kb_status kbi_issues_load(kbi_load *L, const char *text, size_t len)
{
    reader r;
    memset(&r, 0, sizeof r);
    r.L = L;
    r.d = L->d;
    kbi_lines it;
    kbi_lines_init(&it, text, len);
    kb_status st = KB_OK;
    while (st == KB_OK && kbi_lines_next(&it, &r.s, &r.n, &r.line))
        st = read_line(&r);
    kbi_free(r.d->alloc, r.words, r.cap_words * sizeof *r.words);
    kbi_free(r.d->alloc, r.opt, r.cap_opt * sizeof *r.opt);
    kbi_free(r.d->alloc, r.buf, r.cap_buf);
    kbi_issues *I = &r.d->issues;
    if (I->n > 1)
        qsort(I->items, I->n, sizeof *I->items, cmp_issue);
    return st;
}

/* ---- matching --------------------------------------------------------- */

typedef struct hit { const char *code, *section; size_t n; } hit;

typedef struct tally {
    kbi_arena *a;
    hit *h;              size_t n, cap;
    const char **cut;    size_t ncut, capcut; /* suppressed sections */
    int all;             /* a section-less exclusion matched */
} tally;

/* Makes room for one more element of an arena array. */
static void *room(kbi_arena *a, void *arr, size_t n, size_t *cap, size_t elem)
{
    if (n < *cap)
        return arr;
    size_t nc = *cap ? 2 * *cap : 16;
    void *p = kbi_arena_alloc(a, nc * elem);
    if (p && n)
        memcpy(p, arr, n * elem);
    if (p)
        *cap = nc;
    return p;
}

static int same(const char *x, const char *y)
{
    return x == y || (x && y && strcmp(x, y) == 0);
}

static int count(tally *T, const kbi_issue *it)
{
    for (size_t i = 0; i < T->n; i++)
        if (same(T->h[i].section, it->section) &&
            strcmp(T->h[i].code, it->code) == 0) {
            T->h[i].n++;
            return 1;
        }
    if (!(T->h = room(T->a, T->h, T->n, &T->cap, sizeof *T->h)))
        return 0;
    T->h[T->n++] = (hit){it->code, it->section, 1};
    return 1;
}

static int suppress(tally *T, const char *section)
{
    if (!section) {
        T->all = 1;
        return 1;
    }
    for (size_t i = 0; i < T->ncut; i++)
        if (same(T->cut[i], section))
            return 1;
    T->cut = room(T->a, T->cut, T->ncut, &T->capcut, sizeof *T->cut);
    if (!T->cut)
        return 0;
    T->cut[T->ncut++] = section;
    return 1;
}

static int live(const tally *T, size_t i)
{
    if (T->all)
        return 0;
    for (size_t k = 0; k < T->ncut; k++)
        if (same(T->cut[k], T->h[i].section))
            return 0;
    return 1;
}

/* "CODE,n;CODE,n" over the hits that survived, one entry per code. */
static const char *format(const tally *T)
{
    size_t need = 1;
    for (size_t i = 0; i < T->n; i++)
        need += strlen(T->h[i].code) + 24;
    char *s = kbi_arena_alloc(T->a, need);
    if (!s)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < T->n; i++) {
        if (!live(T, i))
            continue;
        size_t j = 0, total = 0;
        while (j < i && !(live(T, j) && same(T->h[j].code, T->h[i].code)))
            j++;
        if (j < i)
            continue; /* counted with an earlier section */
        for (j = i; j < T->n; j++)
            if (live(T, j) && same(T->h[j].code, T->h[i].code))
                total += T->h[j].n;
        k += (size_t)snprintf(s + k, need - k, "%s%s,%zu", k ? ";" : "",
                              T->h[i].code, total);
    }
    return s;
}

static int ends_ok(const kbi_walk *w, const char *phrase)
{
    if (w->p == w->end || !kbi_is_wordchar((unsigned char)*w->p))
        return 1;
    return !kbi_is_wordchar((unsigned char)phrase[w->depth - 1]);
}

/* Reads the phrases that start at text + i into T. */
static int scan_at(const kbi_issues *I, const char *text, size_t i,
                   size_t len, size_t *next_free, tally *T, int *ign)
{
    kbi_walk w;
    int counted = i < *next_free;
    kbi_walk_start(&w, I->items, sizeof *I->items, I->n, text + i,
                   text + len);
    while (kbi_walk_step(&w)) {
        for (size_t k = w.lo;
             k < w.hi && I->items[k].phrase[w.depth] == '\0'; k++) {
            const kbi_issue *it = &I->items[k];
            if (!ends_ok(&w, it->phrase))
                continue;
            if (it->exclude) {
                *ign = it->exclude > *ign ? it->exclude : *ign;
                if (!suppress(T, it->section))
                    return 0;
            } else if (!counted) {
                if (!count(T, it))
                    return 0;
                counted = 1;
                *next_free = (size_t)(w.p - text);
            }
        }
    }
    return 1;
}

kb_status kbi_issues_match(const kb_dict *d, const char *text, size_t len,
                           kbi_arena *a, const char **out, int *ignored)
{
    const kbi_issues *I = &d->issues;
    tally T;
    memset(&T, 0, sizeof T);
    T.a = a;
    size_t next_free = 0;
    int ign = 0;
    *out = "";
    for (size_t i = 0; I->n && i < len; i++) {
        if (kbi_isspace((unsigned char)text[i]) ||
            (i > 0 && kbi_is_wordchar((unsigned char)text[i - 1])))
            continue;
        if (!scan_at(I, text, i, len, &next_free, &T, &ign))
            return KB_ERR_NOMEM;
    }
    if (ignored)
        *ignored = ign;
    if (T.all || T.n == 0)
        return KB_OK;
    *out = format(&T);
    return *out ? KB_OK : KB_ERR_NOMEM;
}
