/* agents.c - the agent dictionary reader (TABARI spec §5, PETRARCH-2 spec
 * §6.2).
 *
 *     !PERSON! = MAN, MEN, WOMAN       substitution set (a line holding
 *                                      both '!' and '=')
 *     CONGRESS!PERSON! [~LEG]          one phrase per item, no plurals
 *     ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   explicit plural
 *     POLICE {} [ ~COP]                no plural; blanks in [] trimmed
 *     HUMAN_RIGHTS_BODY [NGO~]         prefix agent
 *     SOLDIER [~MIL]                   automatic plural SOLDIERS
 *
 * The automatic plural looks at the phrase's last character: Y -> IES,
 * S -> +ES, anything else +S. {X} holds one plural phrase (blanks in it
 * are gaps, as in any phrase). A phrase naming sets is expanded once per
 * combination of items (all occurrences of one set take the same item, so
 * AD!MINIST!RATION in Phoenix.agents.txt gives one variant per item); an
 * explicit {X} on such a line is ignored, as the spec gives them no
 * plurals. Sets belong to the file that defines them; a later definition
 * of a name replaces the earlier one. Text after the code's ']' is
 * ignored. A line without '[' is an entry without its code: reported and
 * skipped (the spec ignores such lines; here they are not dropped
 * silently). */
#include "dict.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../base/util.h"
#include "../base/vec.h"

#define MAX_VARIANTS 1024

typedef struct span { const char *p; size_t n; } span;
typedef struct subst { span name; size_t first, count; } subst;
typedef struct seg { span lit; int32_t slot; } seg; /* slot >= 0: set */
typedef struct use { size_t set, pos; } use;

typedef struct reader {
    kbi_load *L;
    kb_dict *d;
    const char *s; /* current line */
    size_t n;
    int line;
    subst *sets;  size_t nsets, cap_sets;
    span *items;  size_t nitems, cap_items;
    seg *segs;    size_t nsegs, cap_segs;
    use *uses;    size_t nuses, cap_uses;
    char *buf;    size_t nbuf, cap_buf;
} reader;

static int is_blank(char c) { return c == ' ' || c == '\t'; }

static span trim(const char *p, const char *e)
{
    while (p < e && is_blank(*p))
        p++;
    while (e > p && is_blank(e[-1]))
        e--;
    return (span){p, (size_t)(e - p)};
}

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

#define GROW(r, arr, cap, need)                                             \
    kbi_vec_reserve((r)->d->alloc, (void **)&(r)->arr, &(r)->cap, (need),   \
                    sizeof *(r)->arr)

static int buf_add(reader *r, const char *p, size_t n)
{
    if (!GROW(r, buf, cap_buf, r->nbuf + n + 1))
        return 0;
    memcpy(r->buf + r->nbuf, p, n);
    r->nbuf += n;
    r->buf[r->nbuf] = '\0';
    return 1;
}

/* ---- substitution sets ------------------------------------------------ */

static kb_status read_set(reader *r)
{
    span t = trim(r->s, r->s + r->n);
    const char *e = t.p + t.n;
    const char *close = t.p[0] == '!' ? memchr(t.p + 1, '!', t.n - 1) : NULL;
    const char *eq = close ? close + 1 : NULL;
    while (eq && eq < e && is_blank(*eq))
        eq++;
    if (!close || close == t.p + 1 || eq == e || *eq != '=')
        return bad_at(r, t.p, "expected '!NAME! = ITEM, ITEM, ...'");
    subst set = {{t.p + 1, (size_t)(close - t.p - 1)}, r->nitems, 0};
    for (const char *p = eq + 1; p < e;) {
        const char *comma = memchr(p, ',', (size_t)(e - p));
        const char *q = comma ? comma : e;
        span item = trim(p, q);
        if (item.n) {
            if (!GROW(r, items, cap_items, r->nitems + 1))
                return KB_ERR_NOMEM;
            r->items[r->nitems++] = item;
            set.count++;
        }
        p = comma ? comma + 1 : e;
    }
    if (set.count == 0)
        return bad_at(r, eq, "substitution set !%.*s! has no items",
                      (int)set.name.n, set.name.p);
    if (!GROW(r, sets, cap_sets, r->nsets + 1))
        return KB_ERR_NOMEM;
    r->sets[r->nsets++] = set;
    return KB_OK;
}

static int32_t find_set(const reader *r, const char *p, size_t n)
{
    for (size_t i = r->nsets; i-- > 0;)
        if (r->sets[i].name.n == n && memcmp(r->sets[i].name.p, p, n) == 0)
            return (int32_t)i;
    return -1;
}

/* Splits the phrase into literal parts and set references (r->segs), one
 * slot per distinct set (r->uses). *ok = 0 after reporting a bad one. */
static kb_status split_phrase(reader *r, span ph, int *ok)
{
    const char *p = ph.p, *e = ph.p + ph.n;
    r->nsegs = r->nuses = 0;
    *ok = 0;
    while (p < e) {
        const char *bang = memchr(p, '!', (size_t)(e - p));
        const char *q = bang ? bang : e;
        if (!GROW(r, segs, cap_segs, r->nsegs + 2))
            return KB_ERR_NOMEM;
        if (q > p)
            r->segs[r->nsegs++] = (seg){{p, (size_t)(q - p)}, -1};
        if (!bang)
            break;
        const char *end = memchr(bang + 1, '!', (size_t)(e - bang - 1));
        if (!end || end == bang + 1)
            return bad_at(r, bang, "expected '!NAME!' (a substitution set "
                          "name between two '!')");
        int32_t set = find_set(r, bang + 1, (size_t)(end - bang - 1));
        if (set < 0)
            return bad_at(r, bang, "unknown substitution set !%.*s!",
                          (int)(end - bang - 1), bang + 1);
        size_t slot = 0;
        while (slot < r->nuses && r->uses[slot].set != (size_t)set)
            slot++;
        if (slot == r->nuses) {
            if (!GROW(r, uses, cap_uses, r->nuses + 1))
                return KB_ERR_NOMEM;
            r->uses[r->nuses++] = (use){(size_t)set, 0};
        }
        r->segs[r->nsegs++] = (seg){{NULL, 0}, (int32_t)slot};
        p = end + 1;
    }
    *ok = 1;
    return KB_OK;
}

/* ---- entries ---------------------------------------------------------- */

typedef struct entry {
    const char *code;
    uint8_t prefix;
    const char *at; /* phrase start, for messages */
} entry;

static kb_status add_agent(reader *r, const entry *en, const char *p,
                           size_t n)
{
    kbi_agents *A = &r->d->agents;
    if (!kbi_vec_reserve(r->d->alloc, (void **)&A->phrases, &A->cap_phrases,
                         A->nphrases + 1, sizeof *A->phrases))
        return KB_ERR_NOMEM;
    kbi_agent_phrase *ap = &A->phrases[A->nphrases];
    kb_status st = kbi_phrase_make(r->d, p, n, &ap->ph);
    if (st == KB_ERR_SYNTAX)
        return bad_at(r, en->at, "empty phrase '%.*s'", (int)n, p);
    if (st != KB_OK)
        return st;
    ap->code = en->code;
    ap->prefix = en->prefix;
    ap->text = kbi_arena_strndup(&r->d->arena, p, n);
    ap->file = r->L->file;
    ap->line = r->line;
    if (!ap->text)
        return KB_ERR_NOMEM;
    A->nphrases++;
    return KB_OK;
}

static kb_status add_auto_plural(reader *r, const entry *en, span ph)
{
    while (ph.n && (ph.p[ph.n - 1] == '_' || is_blank(ph.p[ph.n - 1])))
        ph.n--;
    if (ph.n == 0)
        return KB_OK;
    int last = kbi_toupper((unsigned char)ph.p[ph.n - 1]);
    r->nbuf = 0;
    if (!buf_add(r, ph.p, last == 'Y' ? ph.n - 1 : ph.n) ||
        !buf_add(r, last == 'Y' ? "IES" : last == 'S' ? "ES" : "S",
                 last == 'Y' ? 3 : last == 'S' ? 2 : 1))
        return KB_ERR_NOMEM;
    return add_agent(r, en, r->buf, r->nbuf);
}

/* One phrase per combination of set items (odometer over r->uses). */
static kb_status add_variants(reader *r, const entry *en)
{
    size_t total = 1;
    for (size_t i = 0; i < r->nuses; i++) {
        total *= r->sets[r->uses[i].set].count;
        if (total > MAX_VARIANTS)
            return bad_at(r, en->at, "substitution sets give more than %d "
                          "variants", MAX_VARIANTS);
    }
    for (size_t k = 0; k < total; k++) {
        r->nbuf = 0;
        for (size_t i = 0; i < r->nsegs; i++) {
            span piece = r->segs[i].lit;
            if (r->segs[i].slot >= 0) {
                const use *u = &r->uses[r->segs[i].slot];
                piece = r->items[r->sets[u->set].first + u->pos];
            }
            if (!buf_add(r, piece.p, piece.n))
                return KB_ERR_NOMEM;
        }
        kb_status st = add_agent(r, en, r->buf, r->nbuf);
        if (st != KB_OK)
            return st;
        for (size_t i = 0; i < r->nuses; i++) {
            if (++r->uses[i].pos < r->sets[r->uses[i].set].count)
                break;
            r->uses[i].pos = 0;
        }
    }
    return KB_OK;
}

/* Reads "[~CODE]" / "[CODE~]" between lb and rb into *en. */
static kb_status read_code(reader *r, const char *lb, const char *rb,
                           entry *en, int *ok)
{
    span c = trim(lb + 1, rb);
    *ok = 0;
    if (c.n == 0)
        return bad_at(r, lb, "empty agent code in '[...]'");
    int lead = c.p[0] == '~', tail = c.p[c.n - 1] == '~';
    span code = trim(c.p + lead, c.p + c.n - tail);
    if (lead == tail || code.n == 0 || memchr(code.p, '~', code.n))
        return bad_at(r, lb, "expected '[~CODE]' (suffix agent) or "
                      "'[CODE~]' (prefix agent), got '[%.*s]'", (int)c.n,
                      c.p);
    for (size_t i = 0; i < code.n; i++)
        if (is_blank(code.p[i]) || (unsigned char)code.p[i] < 0x20)
            return bad_at(r, code.p + i, "blank or control character "
                          "inside the agent code '%.*s'", (int)code.n,
                          code.p);
    en->code = kbi_arena_strndup(&r->d->arena, code.p, code.n);
    if (!en->code)
        return KB_ERR_NOMEM;
    en->prefix = (uint8_t)tail;
    *ok = 1;
    return KB_OK;
}

static kb_status read_entry(reader *r)
{
    const char *e = r->s + r->n;
    const char *lb = memchr(r->s, '[', r->n);
    if (!lb)
        return bad_at(r, e, "expected '[CODE]' after the agent phrase; "
                      "entry ignored");
    const char *rb = memchr(lb, ']', (size_t)(e - lb));
    if (!rb)
        return bad_at(r, lb, "missing ']' after the agent code");
    const char *brace = memchr(r->s, '{', (size_t)(lb - r->s));
    span ph = trim(r->s, brace ? brace : lb);
    entry en = {NULL, 0, ph.p};
    for (size_t i = 0; i < ph.n; i++)
        if (ph.p[i] == '}' || ph.p[i] == ']')
            return bad_at(r, ph.p + i, "unexpected '%c' in the phrase",
                          ph.p[i]);
    if (ph.n == 0)
        return bad_at(r, ph.p, "empty phrase");
    span plural = {NULL, 0};
    if (brace) {
        const char *close = memchr(brace, '}', (size_t)(lb - brace));
        if (!close)
            return bad_at(r, brace, "missing '}' after the plural");
        span junk = trim(close + 1, lb);
        if (junk.n)
            return bad_at(r, junk.p, "unexpected '%.*s' between '}' and '['",
                          (int)junk.n, junk.p);
        plural = trim(brace + 1, close);
        size_t i = 0;
        while (i < plural.n && plural.p[i] == '_')
            i++;
        if (plural.n && i == plural.n)
            return bad_at(r, plural.p, "empty plural phrase '%.*s'",
                          (int)plural.n, plural.p);
    }
    int ok;
    kb_status st = read_code(r, lb, rb, &en, &ok);
    if (st != KB_OK || !ok)
        return st;
    st = split_phrase(r, ph, &ok);
    if (st != KB_OK || !ok)
        return st;
    if (r->nuses)
        return add_variants(r, &en);
    st = add_agent(r, &en, ph.p, ph.n);
    if (st != KB_OK || (brace && plural.n == 0))
        return st;
    if (brace) {
        en.at = plural.p;
        return add_agent(r, &en, plural.p, plural.n);
    }
    return add_auto_plural(r, &en, ph);
}

kb_status kbi_agents_load(kbi_load *L, const char *text, size_t len)
{
    reader r;
    memset(&r, 0, sizeof r);
    r.L = L;
    r.d = L->d;
    kbi_lines it;
    kbi_lines_init(&it, text, len);
    kb_status st = KB_OK;
    while (st == KB_OK && kbi_lines_next(&it, &r.s, &r.n, &r.line)) {
        if (memchr(r.s, '!', r.n) && memchr(r.s, '=', r.n))
            st = read_set(&r);
        else
            st = read_entry(&r);
    }
    const kb_allocator *al = r.d->alloc;
    kbi_free(al, r.sets, r.cap_sets * sizeof *r.sets);
    kbi_free(al, r.items, r.cap_items * sizeof *r.items);
    kbi_free(al, r.segs, r.cap_segs * sizeof *r.segs);
    kbi_free(al, r.uses, r.cap_uses * sizeof *r.uses);
    kbi_free(al, r.buf, r.cap_buf);
    return st;
}
