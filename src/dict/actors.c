/* actors.c - the actor dictionary reader (TABARI spec §4, PETRARCH-2 spec
 * §6.1).
 *
 *     GOLLUM  # comment                primary line: starts an actor
 *     +SMEAGOL                         synonym of the current actor
 *         [HOB < 950601]               code line (first non-blank is '[')
 *         [HOBGOV 19950601 - 19990815]
 *     GONDOR [GON]                     primary line with codes
 *
 * A line is classified by its first non-blank character: '[' code line,
 * '+' synonym, anything else a primary line. So an indented primary line
 * (Phoenix.International has one) still starts an actor, and a code line
 * need not be indented. Any line may carry several bracket groups
 * ("[IGOUNO 820101-911231] [ELI]" in Phoenix.International); each adds
 * one code, in order. Text after the last ']' is ignored ("[ZBW]#jw").
 * In synonym lines, and in primary lines before any '[', a ';' starts a
 * legacy comment.
 *
 * Dates: [CODE <D] on or before D, [CODE >D] on or after D, [CODE D1-D2]
 * D1..D2 inclusive; D is YYMMDD or YYYYMMDD (kbi_parse_dict_date). */
#include "dict.h"

#include <string.h>

#include "../base/util.h"
#include "../base/vec.h"

enum { NO_ACTOR = -1, SKIPPED_ACTOR = -2 };

typedef struct reader {
    kbi_load *L;
    kb_dict *d;
    const char *s;  /* current line */
    size_t n;
    int line;
    int32_t cur;    /* current actor, or NO_ACTOR / SKIPPED_ACTOR */
} reader;

static int is_blank(char c) { return c == ' ' || c == '\t'; }

static kb_status bad_at(reader *r, const char *at, const char *msg)
{
    return kbi_load_bad(r->L, r->line, (int)(at - r->s) + 1, "%s", msg);
}

static kb_status add_phrase(reader *r, const char *p, size_t n)
{
    kbi_actors *A = &r->d->actors;
    if (!kbi_vec_reserve(r->d->alloc, (void **)&A->phrases, &A->cap_phrases,
                         A->nphrases + 1, sizeof *A->phrases))
        return KB_ERR_NOMEM;
    kbi_actor_phrase *ap = &A->phrases[A->nphrases];
    kb_status st = kbi_phrase_make(r->d, p, n, &ap->ph);
    if (st != KB_OK)
        return st;
    ap->actor = r->cur;
    ap->text = kbi_arena_strndup(&r->d->arena, p, n);
    ap->file = r->L->file;
    ap->line = r->line;
    if (!ap->text)
        return KB_ERR_NOMEM;
    A->nphrases++;
    return KB_OK;
}

/* Reads a date token at *pp (a run of letters and digits). */
static kb_status read_date(reader *r, const char **pp, const char *e,
                           int32_t *day, int *ok)
{
    const char *p = *pp, *q = p;
    while (q < e && (kbi_isdigit((unsigned char)*q) ||
                     (kbi_toupper((unsigned char)*q) >= 'A' &&
                      kbi_toupper((unsigned char)*q) <= 'Z')))
        q++;
    *pp = q;
    *ok = kbi_parse_dict_date(p, (size_t)(q - p), day);
    if (*ok)
        return KB_OK;
    return kbi_load_bad(r->L, r->line, (int)(p - r->s) + 1,
                        "unreadable date '%.*s' (expected YYMMDD or "
                        "YYYYMMDD)", (int)(q - p), p);
}

static const char *skip_blanks(const char *p, const char *e)
{
    while (p < e && is_blank(*p))
        p++;
    return p;
}

/* Reads the restriction after the code: nothing, "<D", ">D" or "D1-D2".
 * On a malformed one reports it and sets *ok = 0. */
static kb_status read_restriction(reader *r, const char **pp, const char *e,
                                  kbi_actor_code *c, int *ok)
{
    const char *p = skip_blanks(*pp, e);
    kb_status st = KB_OK;
    *ok = 1;
    c->lo = INT32_MIN;
    c->hi = INT32_MAX;
    if (p < e && (*p == '<' || *p == '>')) {
        char op = *p;
        p = skip_blanks(p + 1, e);
        int32_t day = 0;
        st = read_date(r, &p, e, &day, ok);
        if (op == '<')
            c->hi = day;
        else
            c->lo = day;
        c->restricted = 1;
    } else if (p < e && kbi_isdigit((unsigned char)*p)) {
        const char *start = p;
        st = read_date(r, &p, e, &c->lo, ok);
        if (st != KB_OK || !*ok)
            return st;
        const char *dash = skip_blanks(p, e);
        if (dash == e || *dash != '-') {
            *ok = 0;
            return bad_at(r, dash, "expected '-' and an end date after the "
                          "start date (or '<D' / '>D')");
        }
        const char *p2 = skip_blanks(dash + 1, e);
        st = read_date(r, &p2, e, &c->hi, ok);
        if (st != KB_OK || !*ok)
            return st;
        if (c->hi < c->lo) {
            *ok = 0;
            return bad_at(r, start, "date interval ends before it starts");
        }
        p = p2;
        c->restricted = 1;
    }
    *pp = p;
    return st;
}

/* Parses one "[CODE ...]" group at *pp ('[') and adds it to the current
 * actor; *pp is left after the ']' (or at e when the group is broken). */
static kb_status read_code(reader *r, const char **pp, const char *e)
{
    const char *open = *pp;
    const char *close = memchr(open, ']', (size_t)(e - open));
    *pp = close ? close + 1 : e;
    if (!close)
        return bad_at(r, open, "missing ']' after the actor code");
    const char *p = skip_blanks(open + 1, close);
    const char *code = p;
    while (p < close && !is_blank(*p) && *p != '<' && *p != '>' && *p != '[')
        p++;
    const char *code_end = p;
    if (p == code)
        return bad_at(r, code, "empty actor code in '[...]'");
    for (const char *q = code; q < code_end; q++)
        if ((unsigned char)*q < 0x20)
            return bad_at(r, q, "control character in the actor code");
    kbi_actor_code c = {NULL, 0, 0, 0};
    int ok = 1;
    kb_status st = read_restriction(r, &p, close, &c, &ok);
    if (st != KB_OK || !ok)
        return st;
    p = skip_blanks(p, close);
    if (p != close)
        return bad_at(r, p, "expected ']' after the actor code and its "
                      "dates ([CODE], [CODE <D], [CODE >D], [CODE D1-D2])");
    if (r->cur == SKIPPED_ACTOR)
        return KB_OK;
    if (r->cur == NO_ACTOR)
        return bad_at(r, open, "code line before any actor");
    kbi_actors *A = &r->d->actors;
    if (!kbi_vec_reserve(r->d->alloc, (void **)&A->codes, &A->cap_codes,
                         A->ncodes + 1, sizeof *A->codes))
        return KB_ERR_NOMEM;
    c.code = kbi_arena_strndup(&r->d->arena, code, (size_t)(code_end - code));
    if (!c.code)
        return KB_ERR_NOMEM;
    A->codes[A->ncodes++] = c;
    A->actors[r->cur].ncodes++;
    return KB_OK;
}

/* Reads the bracket groups from p to the end of the line. */
static kb_status read_codes(reader *r, const char *p)
{
    const char *e = r->s + r->n;
    p = skip_blanks(p, e);
    while (p < e && *p == '[') {
        kb_status st = read_code(r, &p, e);
        if (st != KB_OK)
            return st;
        p = skip_blanks(p, e);
    }
    return KB_OK; /* anything else after ']' is tolerated junk */
}

/* Trims the phrase [p, p + *n); reports it when empty or holding ']'. */
static kb_status check_phrase(reader *r, const char *p, size_t *n, int *ok)
{
    while (*n && is_blank(p[*n - 1]))
        (*n)--;
    *ok = 0;
    const char *rb = memchr(p, ']', *n);
    if (rb)
        return bad_at(r, rb, "unexpected ']' in the phrase");
    size_t i = 0;
    while (i < *n && (is_blank(p[i]) || p[i] == '_'))
        i++;
    if (i == *n)
        return bad_at(r, p, "empty phrase");
    *ok = 1;
    return KB_OK;
}

static kb_status read_primary(reader *r, const char *p)
{
    const char *e = r->s + r->n;
    const char *lb = memchr(p, '[', (size_t)(e - p));
    const char *semi = memchr(p, ';', (size_t)((lb ? lb : e) - p));
    if (semi)
        lb = NULL; /* a ';' before any '[' starts a legacy comment */
    const char *q = semi ? semi : lb ? lb : e;
    int ok;
    size_t n = (size_t)(q - p);
    r->cur = SKIPPED_ACTOR;
    kb_status st = check_phrase(r, p, &n, &ok);
    if (st != KB_OK || !ok)
        return st;
    kbi_actors *A = &r->d->actors;
    if (!kbi_vec_reserve(r->d->alloc, (void **)&A->actors, &A->cap_actors,
                         A->nactors + 1, sizeof *A->actors))
        return KB_ERR_NOMEM;
    r->cur = (int32_t)A->nactors;
    kbi_actor *a = &A->actors[A->nactors++];
    a->first_code = (int32_t)A->ncodes;
    a->ncodes = 0;
    a->file = r->L->file;
    a->line = r->line;
    st = add_phrase(r, p, n);
    if (st != KB_OK)
        return st;
    a->name = A->phrases[A->nphrases - 1].text;
    return lb ? read_codes(r, lb) : KB_OK;
}

static kb_status read_synonym(reader *r, const char *plus)
{
    const char *e = r->s + r->n;
    const char *p = plus + 1;
    const char *q = memchr(p, ';', (size_t)(e - p));
    if (!q)
        q = e;
    const char *lb = memchr(p, '[', (size_t)(q - p));
    if (lb)
        return bad_at(r, lb, "a synonym takes its actor's codes: unexpected "
                      "'[' in a '+' line");
    int ok;
    size_t n = (size_t)(q - p);
    kb_status st = check_phrase(r, p, &n, &ok);
    if (st != KB_OK || !ok || r->cur == SKIPPED_ACTOR)
        return st;
    if (r->cur == NO_ACTOR)
        return bad_at(r, plus, "synonym before any actor");
    return add_phrase(r, p, n);
}

kb_status kbi_actors_load(kbi_load *L, const char *text, size_t len)
{
    reader r = {L, L->d, NULL, 0, 0, NO_ACTOR};
    kbi_lines it;
    kbi_lines_init(&it, text, len);
    while (kbi_lines_next(&it, &r.s, &r.n, &r.line)) {
        const char *p = skip_blanks(r.s, r.s + r.n);
        kb_status st;
        if (*p == '[')
            st = read_codes(&r, p);
        else if (*p == '+')
            st = read_synonym(&r, p);
        else
            st = read_primary(&r, p);
        if (st != KB_OK)
            return st;
    }
    return KB_OK;
}
