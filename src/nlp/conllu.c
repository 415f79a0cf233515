/* conllu.c - CoNLL-U to kbi_sentence and back. See conllu.h.
 *
 * A sentence is the run of lines up to a blank line. The run is found
 * first, so arrays can be sized once from its line count; then each line is
 * split on tabs and checked. The first error in a sentence is reported and
 * the rest of the run is skipped. */
#include "conllu.h"

#include <string.h>

#include "../base/util.h"

enum { NCOL = 10 };

void kbi_conllu_reader_init(kbi_conllu_reader *r, const char *buf,
                            size_t len, const char *name, kbi_diag *diag)
{
    memset(r, 0, sizeof *r);
    r->buf = buf;
    r->len = len;
    r->name = name;
    r->diag = diag;
}

typedef struct span {
    const char *p;
    size_t n;
} span;

/* The line starting at *pos (without "\n" or "\r\n"); advances *pos. */
static span next_line(const kbi_conllu_reader *r, size_t *pos)
{
    const char *s = r->buf + *pos;
    size_t rest = r->len - *pos;
    const char *nl = memchr(s, '\n', rest);
    size_t n = nl ? (size_t)(nl - s) : rest;
    *pos += nl ? n + 1 : n;
    if (n > 0 && s[n - 1] == '\r')
        n--;
    span l = {s, n};
    return l;
}

static int blank(span l)
{
    for (size_t i = 0; i < l.n; i++)
        if (!kbi_isspace((unsigned char)l.p[i]))
            return 0;
    return 1;
}

/* Non-negative decimal of at most 9 digits filling the whole span. */
static int parse_uint(const char *p, size_t n, int32_t *out)
{
    if (n == 0 || n > 9)
        return 0;
    int32_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!kbi_isdigit((unsigned char)p[i]))
            return 0;
        v = v * 10 + (p[i] - '0');
    }
    *out = v;
    return 1;
}

static int is(span f, const char *lit)
{
    size_t n = strlen(lit);
    return f.n == n && memcmp(f.p, lit, n) == 0;
}

typedef struct ctx {
    kbi_conllu_reader *r;
    kbi_arena *a;
    kbi_conllu_sent *out;
    int32_t *tok_line; /* line of each token, for late errors */
    int32_t *head_col; /* column of each token's HEAD */
    int bad;           /* an error was reported for this sentence */
} ctx;

static void report(ctx *c, kb_status code, int line, int col, const char *msg,
                   span f)
{
    if (c->bad)
        return;
    c->bad = 1;
    if (code == KB_ERR_NOMEM)
        c->r->nomem = 1;
    kbi_diag d0 = {0};
    kbi_diag *d = c->r->diag ? c->r->diag : &d0;
    int n = f.n > 40 ? 40 : (int)f.n;
    if (f.p)
        kbi_diag_report(d, code, c->r->name, line, col,
                        "%s: \"%.*s\"; sentence skipped", msg, n, f.p);
    else
        kbi_diag_report(d, code, c->r->name, line, col,
                        "%s; sentence skipped", msg);
}

static const char *dup(ctx *c, span f)
{
    char *s = kbi_arena_strndup(c->a, f.p, f.n);
    return s;
}

static const char *dup_or_null(ctx *c, span f)
{
    return is(f, "_") ? NULL : dup(c, f);
}

/* Splits MISC into SpaceAfter, TokenRange and the rest. */
static void parse_misc(ctx *c, span f, kbi_token *t, kbi_conllu_tok *x)
{
    x->space_after = 1;
    x->misc = NULL;
    if (is(f, "_"))
        return;
    char *rest = kbi_arena_alloc(c->a, f.n + 1);
    if (!rest)
        return;
    size_t nrest = 0;
    const char *p = f.p, *end = f.p + f.n;
    while (p <= end) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        const char *ie = bar ? bar : end;
        span item = {p, (size_t)(ie - p)};
        const char *colon = NULL;
        int32_t a = 0, b = 0;
        if (is(item, "SpaceAfter=No")) {
            x->space_after = 0;
        } else if (item.n > 11 && memcmp(item.p, "TokenRange=", 11) == 0 &&
                   (colon = memchr(item.p, ':', item.n)) != NULL &&
                   parse_uint(item.p + 11, (size_t)(colon - item.p - 11),
                              &a) &&
                   parse_uint(colon + 1, (size_t)(ie - colon - 1), &b) &&
                   a <= b) {
            t->start = (uint32_t)a;
            t->end = (uint32_t)b;
        } else if (item.n > 0) {
            if (nrest)
                rest[nrest++] = '|';
            memcpy(rest + nrest, item.p, item.n);
            nrest += item.n;
        }
        if (!bar)
            break;
        p = bar + 1;
    }
    rest[nrest] = '\0';
    x->misc = nrest ? rest : NULL;
}

/* One token, range or empty-node line. */
static void token_line(ctx *c, span l, int line)
{
    kbi_conllu_sent *o = c->out;
    span col[NCOL + 1];
    int colno[NCOL + 1];
    int nf = 0;
    const char *p = l.p, *end = l.p + l.n;
    const char *nul = memchr(l.p, '\0', l.n);
    if (nul) {
        span none = {NULL, 0};
        report(c, KB_ERR_SYNTAX, line, (int)(nul - l.p) + 1,
               "NUL byte in a token line", none);
        return;
    }
    for (;;) {
        const char *tab = memchr(p, '\t', (size_t)(end - p));
        const char *fe = tab ? tab : end;
        if (nf <= NCOL) {
            col[nf].p = p;
            col[nf].n = (size_t)(fe - p);
            colno[nf] = (int)(p - l.p) + 1;
        }
        nf++;
        if (!tab)
            break;
        p = tab + 1;
    }
    if (nf != NCOL) {
        char msg[64];
        snprintf(msg, sizeof msg, "expected 10 tab-separated columns, found %d",
                 nf);
        report(c, KB_ERR_SYNTAX, line, nf > NCOL ? colno[NCOL] : 1, msg, l);
        return;
    }
    for (int i = 0; i < NCOL; i++)
        if (col[i].n == 0) {
            span none = {NULL, 0};
            report(c, KB_ERR_SYNTAX, line, colno[i], "empty column", none);
            return;
        }
    span id = col[0];
    const char *dash = memchr(id.p, '-', id.n), *dot = memchr(id.p, '.', id.n);
    int32_t a, b;
    int32_t next = o->s.ntoks + 1;
    if (dot) {
        /* empty node N.M: checked for form, otherwise ignored */
        if (!parse_uint(id.p, (size_t)(dot - id.p), &a) ||
            !parse_uint(dot + 1, (size_t)(id.p + id.n - dot - 1), &b) ||
            a != next - 1 || b < 1)
            report(c, KB_ERR_SYNTAX, line, colno[0], "bad empty node ID", id);
        return;
    }
    if (dash) {
        if (!parse_uint(id.p, (size_t)(dash - id.p), &a) ||
            !parse_uint(dash + 1, (size_t)(id.p + id.n - dash - 1), &b) ||
            a != next || b < a) {
            report(c, KB_ERR_SYNTAX, line, colno[0],
                   "bad multiword token range (expected N-M starting at the "
                   "next token)", id);
            return;
        }
        if (o->nmwts > KBI_MAX_TOKENS) {
            span none = {NULL, 0};
            report(c, KB_ERR_LIMIT, line, 1, "too many multiword tokens", none);
            return;
        }
        kbi_conllu_mwt *m = &o->mwts[o->nmwts++];
        m->first = a - 1;
        m->last = b - 1;
        m->form = dup(c, col[1]);
        kbi_token t0;
        kbi_conllu_tok x0;
        parse_misc(c, col[9], &t0, &x0);
        m->space_after = x0.space_after;
        return;
    }
    if (!parse_uint(id.p, id.n, &a) || a != next) {
        char msg[64];
        snprintf(msg, sizeof msg, "bad ID (expected %d)", (int)next);
        report(c, KB_ERR_SYNTAX, line, colno[0], msg, id);
        return;
    }
    if (o->s.ntoks >= KBI_MAX_TOKENS) {
        span none = {NULL, 0};
        report(c, KB_ERR_LIMIT, line, 1, "sentence has too many tokens", none);
        return;
    }
    int32_t head = -1;
    if (!is(col[6], "_")) {
        if (!parse_uint(col[6].p, col[6].n, &head)) {
            report(c, KB_ERR_SYNTAX, line, colno[6], "bad HEAD", col[6]);
            return;
        }
        head -= 1;
    }
    int32_t i = o->s.ntoks++;
    kbi_token *t = &o->s.toks[i];
    kbi_conllu_tok *x = &o->extra[i];
    memset(t, 0, sizeof *t);
    t->form = dup(c, col[1]);
    char *up = kbi_arena_strndup(c->a, col[1].p, col[1].n);
    if (up)
        for (char *q = up; *q; q++)
            *q = (char)kbi_toupper((unsigned char)*q);
    t->upper = up;
    x->lemma = dup_or_null(c, col[2]);
    t->upos = dup_or_null(c, col[3]);
    t->xpos = dup_or_null(c, col[4]);
    x->feats = dup_or_null(c, col[5]);
    t->head = head;
    t->deprel = dup_or_null(c, col[7]);
    parse_misc(c, col[9], t, x);
    c->tok_line[i] = line;
    c->head_col[i] = colno[6];
}

/* Heads in range and no cycles (three-colour walk, O(n)). */
static void check_tree(ctx *c)
{
    kbi_sentence *s = &c->out->s;
    span none = {NULL, 0};
    for (int32_t i = 0; i < s->ntoks; i++)
        if (s->toks[i].head < -1 || s->toks[i].head >= s->ntoks) {
            char msg[80];
            snprintf(msg, sizeof msg, "HEAD %d out of range (sentence has %d "
                     "tokens)", (int)s->toks[i].head + 1, (int)s->ntoks);
            report(c, KB_ERR_SYNTAX, c->tok_line[i], c->head_col[i], msg,
                   none);
            return;
        }
    unsigned char *state = kbi_arena_alloc(c->a, (size_t)s->ntoks + 1);
    if (!state) {
        report(c, KB_ERR_NOMEM, c->out->line, 0, "out of memory", none);
        return;
    }
    for (int32_t i = 0; i < s->ntoks; i++) {
        int32_t j = i;
        while (j >= 0 && state[j] == 0) {
            state[j] = 1;
            j = s->toks[j].head;
        }
        if (j >= 0 && state[j] == 1) {
            report(c, KB_ERR_SYNTAX, c->tok_line[j], c->head_col[j],
                   "cycle in the dependency tree", none);
            return;
        }
        for (j = i; j >= 0 && state[j] == 1; j = s->toks[j].head)
            state[j] = 2;
    }
    for (int32_t k = 0; k < c->out->nmwts; k++)
        if (c->out->mwts[k].last >= s->ntoks) {
            report(c, KB_ERR_SYNTAX, c->out->line, 1,
                   "multiword token range goes past the last token", none);
            return;
        }
}

static const char *comment_value(const char *cm, const char *key)
{
    while (*cm == ' ')
        cm++;
    size_t n = strlen(key);
    if (strncmp(cm, key, n) != 0)
        return NULL;
    cm += n;
    while (*cm == ' ')
        cm++;
    if (*cm != '=')
        return NULL;
    cm++;
    while (*cm == ' ')
        cm++;
    return cm;
}

int kbi_conllu_next(kbi_conllu_reader *r, kbi_arena *a, kbi_conllu_sent *out)
{
    while (!r->nomem) {
        /* skip blank lines */
        size_t pos = r->pos;
        while (pos < r->len) {
            size_t p2 = pos;
            span l = next_line(r, &p2);
            if (!blank(l))
                break;
            pos = p2;
            r->line++;
        }
        r->pos = pos;
        if (pos >= r->len)
            return 0;
        /* find the end of the run and count its lines */
        size_t nlines = 0, end = pos;
        while (end < r->len) {
            size_t p2 = end;
            span l = next_line(r, &p2);
            if (blank(l))
                break;
            end = p2;
            nlines++;
        }
        memset(out, 0, sizeof *out);
        ctx c = {r, a, out, NULL, NULL, 0};
        int first_line = r->line + 1;
        out->line = first_line;
        size_t cap = nlines > KBI_MAX_TOKENS ? KBI_MAX_TOKENS + 1 : nlines;
        out->s.toks = kbi_arena_alloc(a, cap * sizeof *out->s.toks);
        out->extra = kbi_arena_alloc(a, cap * sizeof *out->extra);
        out->mwts = kbi_arena_alloc(a, cap * sizeof *out->mwts);
        out->comments = kbi_arena_alloc(a, cap * sizeof *out->comments);
        c.tok_line = kbi_arena_alloc(a, cap * sizeof *c.tok_line);
        c.head_col = kbi_arena_alloc(a, cap * sizeof *c.head_col);
        if (!out->s.toks || !out->extra || !out->mwts || !out->comments ||
            !c.tok_line || !c.head_col) {
            span none = {NULL, 0};
            report(&c, KB_ERR_NOMEM, first_line, 0, "out of memory", none);
            return 0;
        }
        int seen_token = 0;
        while (r->pos < end) {
            span l = next_line(r, &r->pos);
            int line = ++r->line;
            if (c.bad)
                continue;
            if (l.n > 0 && l.p[0] == '#') {
                span body = {l.p + 1, l.n - 1};
                const char *cm = dup(&c, body);
                if (memchr(body.p, '\0', body.n)) {
                    span none = {NULL, 0};
                    report(&c, KB_ERR_SYNTAX, line, 1, "NUL byte in a comment",
                           none);
                    continue;
                }
                if (!cm)
                    continue;
                if ((size_t)out->ncomments >= cap) {
                    span none = {NULL, 0};
                    report(&c, KB_ERR_LIMIT, line, 1,
                           "sentence has too many comment lines", none);
                    continue;
                }
                out->comments[out->ncomments++] = cm;
                const char *v;
                if ((v = comment_value(cm, "sent_id")) != NULL)
                    out->sent_id = v;
                else if ((v = comment_value(cm, "text")) != NULL)
                    out->text = v;
                continue;
            }
            if (!seen_token) {
                seen_token = 1;
                out->line = line;
            }
            token_line(&c, l, line);
        }
        if (!c.bad && out->s.ntoks == 0) {
            span none = {NULL, 0};
            report(&c, KB_ERR_SYNTAX, first_line, 1, "sentence has no tokens",
                   none);
        }
        if (!c.bad)
            check_tree(&c);
        if (!c.bad && a->failed) {
            span none = {NULL, 0};
            report(&c, KB_ERR_NOMEM, first_line, 0, "out of memory", none);
        }
        if (r->nomem)
            return 0;
        if (c.bad) {
            r->skipped++;
            continue;
        }
        return 1;
    }
    return 0;
}

kb_status kbi_conllu_read_file(const char *path, kbi_arena *a,
                               kbi_diag *diag, kbi_conllu_sent **out,
                               size_t *n, kb_error *err)
{
    *out = NULL;
    *n = 0;
    char *buf;
    size_t len;
    kb_status st = kbi_read_file(path, a->alloc, &buf, &len, err);
    if (st != KB_OK)
        return st;
    char *copy = kbi_arena_alloc(a, len + 1);
    if (copy)
        memcpy(copy, buf, len);
    kbi_free(a->alloc, buf, len + 1);
    if (!copy) {
        kbi_error_set(err, KB_ERR_NOMEM, path, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    kbi_conllu_reader r;
    kbi_conllu_reader_init(&r, copy, len, path, diag);
    size_t cap = 1024, cnt = 0;
    kbi_conllu_sent *v = kbi_arena_alloc(a, cap * sizeof *v);
    while (v && kbi_conllu_next(&r, a, &v[cnt])) {
        if (++cnt == cap) {
            kbi_conllu_sent *nv = kbi_arena_alloc(a, 2 * cap * sizeof *v);
            if (nv)
                memcpy(nv, v, cap * sizeof *v);
            v = nv;
            cap *= 2;
        }
    }
    if (!v || r.nomem) {
        kbi_error_set(err, KB_ERR_NOMEM, path, r.line, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    *out = v;
    *n = cnt;
    return KB_OK;
}

/* ---- writing ----------------------------------------------------------- */

/* A column value: "_" for NULL or empty; tabs and line breaks (which would
 * break the format) become spaces. */
static void put_field(FILE *f, const char *s)
{
    if (!s || !*s) {
        fputc('_', f);
        return;
    }
    for (; *s; s++)
        fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

static int has_comment(const kbi_conllu_sent *m, const char *key)
{
    for (int32_t i = 0; i < m->ncomments; i++)
        if (comment_value(m->comments[i], key))
            return 1;
    return 0;
}

kb_status kbi_conllu_write(FILE *f, const kbi_sentence *s,
                           const kbi_conllu_sent *meta)
{
    if (meta) {
        if (meta->sent_id && !has_comment(meta, "sent_id"))
            fprintf(f, "# sent_id = %s\n", meta->sent_id);
        if (meta->text && !has_comment(meta, "text"))
            fprintf(f, "# text = %s\n", meta->text);
        for (int32_t i = 0; i < meta->ncomments; i++) {
            fputc('#', f);
            for (const char *p = meta->comments[i]; *p; p++)
                fputc(*p == '\n' || *p == '\r' ? ' ' : *p, f);
            fputc('\n', f);
        }
    }
    int32_t k = 0;
    for (int32_t i = 0; i < s->ntoks; i++) {
        const kbi_token *t = &s->toks[i];
        const kbi_conllu_tok *x = meta && meta->extra ? &meta->extra[i] : NULL;
        for (; meta && k < meta->nmwts && meta->mwts[k].first <= i; k++) {
            const kbi_conllu_mwt *m = &meta->mwts[k];
            if (m->first != i)
                continue;
            fprintf(f, "%d-%d\t", (int)m->first + 1, (int)m->last + 1);
            put_field(f, m->form);
            fputs(m->space_after ? "\t_\t_\t_\t_\t_\t_\t_\t_\n"
                                 : "\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n",
                  f);
        }
        fprintf(f, "%d\t", (int)i + 1);
        put_field(f, t->form);
        fputc('\t', f);
        put_field(f, x ? x->lemma : NULL);
        fputc('\t', f);
        put_field(f, t->upos);
        fputc('\t', f);
        put_field(f, t->xpos);
        fputc('\t', f);
        put_field(f, x ? x->feats : NULL);
        if (t->head < 0 && !t->deprel)
            fputs("\t_\t_\t_\t", f);
        else {
            fprintf(f, "\t%d\t", t->head < 0 ? 0 : (int)t->head + 1);
            put_field(f, t->deprel);
            fputs("\t_\t", f);
        }
        int known = t->end > t->start;
        int space = 1;
        if (x)
            space = x->space_after;
        else if (known && i + 1 < s->ntoks &&
                 s->toks[i + 1].start == t->end)
            space = 0;
        int any = 0;
        if (x && x->misc) {
            put_field(f, x->misc);
            any = 1;
        }
        if (!space) {
            fputs(any ? "|SpaceAfter=No" : "SpaceAfter=No", f);
            any = 1;
        }
        if (known) {
            fprintf(f, "%sTokenRange=%u:%u", any ? "|" : "", t->start, t->end);
            any = 1;
        }
        if (!any)
            fputc('_', f);
        fputc('\n', f);
    }
    fputc('\n', f);
    return ferror(f) ? KB_ERR_IO : KB_OK;
}
