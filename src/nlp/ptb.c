/* ptb.c - Penn Treebank bracketings to kbi_sentence and back.
 *
 * The grammar is small:
 *     tree := '(' [LABEL] item* ')'        item := tree | WORD
 * A bracket holding exactly a label and one word, "(NNP Gondor)", is a
 * preterminal and becomes a token; every other bracket is a phrase node.
 * The parser is a loop, not a recursion: the innermost open phrase is a node
 * index and closing it steps to the node's parent, so nesting costs no C
 * stack at all (KBI_MAX_DEPTH still bounds it for the coder's sake). A
 * counting pass bounds the sizes so the arrays are allocated once. */
#include "sentence.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../base/error.h"
#include "../base/util.h"

/* ---- lexing ------------------------------------------------------------ */

enum { LX_OPEN, LX_CLOSE, LX_WORD, LX_NUL, LX_END };

typedef struct lexeme {
    int kind;
    size_t pos; /* first byte */
    size_t end; /* one past the last byte */
} lexeme;

static int word_byte(char c)
{
    return c != '(' && c != ')' && c != '\0' && !kbi_isspace((unsigned char)c);
}

/* The item starting at or after pos. Pure: lookahead is just another call. */
static lexeme lex(const char *s, size_t len, size_t pos)
{
    while (pos < len && kbi_isspace((unsigned char)s[pos]))
        pos++;
    lexeme t = {LX_END, pos, pos};
    if (pos == len)
        return t;
    t.end = pos + 1;
    switch (s[pos]) {
    case '(': t.kind = LX_OPEN; break;
    case ')': t.kind = LX_CLOSE; break;
    case '\0': t.kind = LX_NUL; break;
    default:
        t.kind = LX_WORD;
        while (t.end < len && word_byte(s[t.end]))
            t.end++;
    }
    return t;
}

/* ---- parser state ------------------------------------------------------ */

typedef struct parser {
    const char *src;
    size_t len;
    const char *name;
    kbi_arena *a;
    kb_error *err;
    kbi_token *toks;
    int32_t ntoks, tokcap;
    kbi_node *nodes;
    int32_t nnodes, nodecap;
    int32_t cur; /* innermost open phrase, -1 outside the tree */
    int depth;   /* open phrases */
} parser;

static void line_col(const parser *p, size_t pos, int *line, int *col)
{
    int l = 1;
    size_t bol = 0;
    for (size_t i = 0; i < pos && i < p->len; i++) {
        if (p->src[i] == '\n') {
            l++;
            bol = i + 1;
        }
    }
    *line = l;
    *col = (int)(pos - bol) + 1;
}

static kb_status fail(parser *p, kb_status code, size_t pos, const char *fmt,
                      ...) KBI_PRINTF(4, 5);

static kb_status fail(parser *p, kb_status code, size_t pos, const char *fmt,
                      ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int line, col;
    line_col(p, pos, &line, &col);
    kbi_error_set(p->err, code, p->name, line, col, "%s", msg);
    return code;
}

/* An upper-cased arena copy; ASCII letters only, other bytes untouched. */
static char *dup_upper(kbi_arena *a, const char *s, size_t n)
{
    char *d = kbi_arena_strndup(a, s, n);
    if (d)
        for (size_t i = 0; i < n; i++)
            d[i] = (char)kbi_toupper((unsigned char)d[i]);
    return d;
}

static int has_lower(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= 'a' && s[i] <= 'z')
            return 1;
    return 0;
}

/* ---- building ---------------------------------------------------------- */

static kb_status add_token(parser *p, lexeme tag, lexeme word)
{
    if (p->ntoks >= p->tokcap)
        return fail(p, KB_ERR_LIMIT, word.pos, "more than %d tokens",
                    (int)KBI_MAX_TOKENS);
    const char *w = p->src + word.pos;
    size_t n = word.end - word.pos;
    kbi_token *t = &p->toks[p->ntoks];
    t->form = kbi_arena_strndup(p->a, w, n);
    t->upper = has_lower(w, n) ? dup_upper(p->a, w, n) : t->form;
    t->xpos = tag.kind == LX_WORD
                  ? dup_upper(p->a, p->src + tag.pos, tag.end - tag.pos)
                  : "";
    t->upos = NULL;
    t->deprel = NULL;
    t->head = -1;
    t->start = t->end = 0;
    if (!t->form || !t->upper || !t->xpos)
        return fail(p, KB_ERR_NOMEM, word.pos, "out of memory");
    p->ntoks++;
    return KB_OK;
}

/* Opens a phrase at '(' open_pos; label.kind is LX_WORD or not (no label). */
static kb_status open_node(parser *p, size_t open_pos, lexeme label)
{
    if (p->depth >= KBI_MAX_DEPTH)
        return fail(p, KB_ERR_LIMIT, open_pos, "nesting deeper than %d",
                    (int)KBI_MAX_DEPTH);
    if (p->nnodes >= p->nodecap)
        return fail(p, KB_ERR_LIMIT, open_pos, "more than %d phrases",
                    (int)KBI_MAX_NODES);
    kbi_node *nd = &p->nodes[p->nnodes];
    if (label.kind == LX_WORD)
        nd->label = dup_upper(p->a, p->src + label.pos, label.end - label.pos);
    else
        nd->label = p->depth == 0 ? "ROOT" : "";
    if (!nd->label)
        return fail(p, KB_ERR_NOMEM, open_pos, "out of memory");
    nd->parent = p->cur;
    nd->tok_start = nd->tok_end = p->ntoks;
    p->cur = p->nnodes++;
    p->depth++;
    return KB_OK;
}

/* Handles the '(' at t; sets *next to where scanning resumes. */
static kb_status on_open(parser *p, lexeme t, size_t *next)
{
    lexeme label = lex(p->src, p->len, t.end);
    if (label.kind != LX_WORD) {
        *next = t.end;
        return open_node(p, t.pos, label);
    }
    lexeme word = lex(p->src, p->len, label.end);
    if (word.kind == LX_WORD) {
        lexeme close = lex(p->src, p->len, word.end);
        if (close.kind == LX_CLOSE) {
            *next = close.end;
            return add_token(p, label, word);
        }
    }
    *next = label.end;
    return open_node(p, t.pos, label);
}

/* Input ended inside the tree. The innermost unclosed '(' is found by
 * walking back from the end until the brackets stop balancing. */
static kb_status unclosed(parser *p, size_t at)
{
    size_t i = at;
    long balance = 0;
    while (i > 0) {
        char c = p->src[--i];
        if (c == ')')
            balance++;
        else if (c == '(' && balance-- == 0)
            break;
    }
    int line, col;
    line_col(p, i, &line, &col);
    return fail(p, KB_ERR_SYNTAX, at,
                "expected ')' to close '(' at line %d, column %d "
                "(%d left open)", line, col, p->depth);
}

/* The main loop: one lexeme (or one whole preterminal) per turn. */
static kb_status run(parser *p)
{
    size_t pos = 0;
    int started = 0;
    for (;;) {
        lexeme t = lex(p->src, p->len, pos);
        size_t k = t.end - t.pos;
        int n = k > 20 ? 20 : (int)k; /* how much of a word to quote */
        const char *txt = p->src + t.pos;
        kb_status st = KB_OK;
        switch (t.kind) {
        case LX_END:
            if (p->depth > 0)
                return unclosed(p, t.pos);
            if (!started)
                return fail(p, KB_ERR_SYNTAX, t.pos,
                            "empty parse: expected '('");
            return KB_OK;
        case LX_NUL:
            return fail(p, KB_ERR_SYNTAX, t.pos, "unexpected NUL byte");
        case LX_CLOSE:
            if (p->depth == 0)
                return fail(p, KB_ERR_SYNTAX, t.pos,
                            started ? "unexpected ')': more ')' than '('"
                                    : "expected '(' before ')'");
            p->depth--;
            p->nodes[p->cur].tok_end = p->ntoks;
            p->cur = p->nodes[p->cur].parent;
            pos = t.end;
            break;
        case LX_WORD:
            if (p->depth == 0)
                return fail(p, KB_ERR_SYNTAX, t.pos,
                            started ? "expected end of input after the tree, "
                                      "found '%.*s'"
                                    : "expected '(' before word '%.*s'",
                            n, txt);
            st = add_token(p, (lexeme){LX_END, 0, 0}, t);
            pos = t.end;
            break;
        case LX_OPEN:
            if (p->depth == 0 && started)
                return fail(p, KB_ERR_SYNTAX, t.pos,
                            "expected end of input after the tree, "
                            "found '('");
            started = 1;
            st = on_open(p, t, &pos);
            break;
        }
        if (st != KB_OK)
            return st;
    }
}

/* Upper bounds for the arrays: every token is a word, every node a '('. */
static void count_items(const char *s, size_t len, int32_t *words,
                        int32_t *opens)
{
    size_t pos = 0;
    *words = *opens = 0;
    for (;;) {
        lexeme t = lex(s, len, pos);
        if (t.kind == LX_END || t.kind == LX_NUL)
            return;
        if (t.kind == LX_WORD && *words < KBI_MAX_TOKENS)
            ++*words;
        if (t.kind == LX_OPEN && *opens < KBI_MAX_NODES)
            ++*opens;
        pos = t.end;
    }
}

kb_status kbi_ptb_parse(const char *src, size_t len, const char *name,
                        kbi_arena *a, kbi_sentence *out, kb_error *err)
{
    parser ps = {0}, *p = &ps;
    memset(out, 0, sizeof *out);
    p->cur = -1;
    p->src = src ? src : "";
    p->len = src ? len : 0;
    p->name = name;
    p->a = a;
    p->err = err;
    count_items(p->src, p->len, &p->tokcap, &p->nodecap);
    p->toks = kbi_arena_alloc(a, ((size_t)p->tokcap + 1) * sizeof *p->toks);
    p->nodes = kbi_arena_alloc(a, ((size_t)p->nodecap + 1) * sizeof *p->nodes);
    if (!p->toks || !p->nodes) {
        kbi_error_set(err, KB_ERR_NOMEM, name, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    kb_status st = run(p);
    if (st != KB_OK)
        return st;
    out->toks = p->toks;
    out->ntoks = p->ntoks;
    out->nodes = p->nodes;
    out->nnodes = p->nnodes;
    return KB_OK;
}

/* ---- formatting -------------------------------------------------------- */

typedef struct writer {
    const kbi_sentence *s;
    char *buf;
    size_t n;
    int32_t next_tok; /* first token not yet written */
} writer;

static void put(writer *w, const char *s)
{
    size_t k = strlen(s);
    memcpy(w->buf + w->n, s, k);
    w->n += k;
}

/* Writes the pending tokens before index `limit`. */
static void put_tokens(writer *w, int32_t limit)
{
    for (; w->next_tok < limit && w->next_tok < w->s->ntoks; w->next_tok++) {
        const kbi_token *t = &w->s->toks[w->next_tok];
        const char *form = t->form ? t->form : "";
        if (w->n)
            put(w, " ");
        if (t->xpos && t->xpos[0]) {
            put(w, "(");
            put(w, t->xpos);
            put(w, " ");
            put(w, form);
            put(w, ")");
        } else {
            put(w, form);
        }
    }
}

/* Closes the innermost open node; returns the new innermost one. */
static int32_t close_node(writer *w, int32_t cur)
{
    put_tokens(w, w->s->nodes[cur].tok_end);
    put(w, ")");
    int32_t up = w->s->nodes[cur].parent;
    return up >= 0 && up < cur ? up : -1;
}

static size_t format_bound(const kbi_sentence *s)
{
    size_t n = 1;
    for (int32_t i = 0; i < s->nnodes; i++)
        n += strlen(s->nodes[i].label ? s->nodes[i].label : "") + 3;
    for (int32_t i = 0; i < s->ntoks; i++)
        n += strlen(s->toks[i].form ? s->toks[i].form : "") +
             strlen(s->toks[i].xpos ? s->toks[i].xpos : "") + 4;
    return n;
}

char *kbi_ptb_format(const kbi_sentence *s, kbi_arena *a)
{
    writer w = {s, kbi_arena_alloc(a, format_bound(s)), 0, 0};
    if (!w.buf)
        return NULL;
    int32_t cur = -1;
    for (int32_t i = 0; i < s->nnodes; i++) {
        const kbi_node *nd = &s->nodes[i];
        while (cur >= 0 && cur != nd->parent)
            cur = close_node(&w, cur);
        put_tokens(&w, nd->tok_start);
        if (w.n)
            put(&w, " ");
        put(&w, "(");
        put(&w, nd->label ? nd->label : "");
        cur = i;
    }
    while (cur >= 0)
        cur = close_node(&w, cur);
    put_tokens(&w, s->ntoks);
    w.buf[w.n] = '\0';
    return w.buf;
}
