/* verbs_cameo_pat.c - pattern lines of the PETRARCH-2 verb dictionary,
 * mapped onto the linear element model of dict.h:
 *
 *   - &MILITARY *                       [154]   upper: &MILITARY
 *   - * {ARMS SHIPMENT}                 [072]   lower: ARMS, _SHIPMENT
 *   - * POLICE (TO BORDER)              [153]   lower: POLICE, TO, BORDER
 *   - * SUMMIT (IN ^)                   [046:046]
 *
 * A brace phrase becomes its words in reading order, each joined to the
 * one before by '_' (adjacent). A preposition group becomes its words in
 * reading order (the preposition first), each after a gap. '_' inside a
 * word also joins (SPY_*_DEAL: SPY right before the verb, DEAL right
 * after). '^', '$', '+' and '%' become the skip, source, target and
 * compound tokens; every other word is literal. Upper elements are stored
 * nearest the verb first. A pattern that names an undefined synset is
 * reported and dropped. A later pattern with the same block and the same
 * elements overwrites the earlier one in place (PETRARCH-2 §2.4.2). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/util.h"
#include "../base/vec.h"
#include "verbs_build.h"
#include "verbs_cameo.h"

enum { MAX_EL = 64 };

typedef struct side {
    kbi_pel el[MAX_EL]; /* reading order; adjacent = joined to the one
                           before (or, for the first, to the verb) */
    int n;
    int tail_adj;       /* the last element is joined to what follows */
} side;

typedef struct pscan {
    kbi_cameo_reader *r;
    const char *ls;     /* start of the raw line, for columns */
    int col;            /* column of the problem */
    char why[200];      /* what was expected */
} pscan;

#define FAIL(ps, at, ...)                                                  \
    do {                                                                   \
        (ps)->col = (int)((at) - (ps)->ls) + 1;                            \
        snprintf((ps)->why, sizeof (ps)->why, __VA_ARGS__);               \
        return KB_ERR_SYNTAX;                                              \
    } while (0)

static kb_status push(pscan *ps, side *sd, const char *at, kbi_pel el)
{
    if (sd->n == MAX_EL)
        FAIL(ps, at, "at most %d elements on each side of '*'", MAX_EL);
    sd->el[sd->n++] = el;
    return KB_OK;
}

/* One element from a word [a, b) without '_'. */
static kb_status element(pscan *ps, const char *a, const char *b, int adj,
                         side *sd)
{
    kbi_pel el;
    memset(&el, 0, sizeof el);
    el.adjacent = (uint8_t)adj;
    el.synset = -1;
    if (b - a == 1 && strchr("^$+%", *a)) {
        el.kind = *a == '^'   ? KBI_PEL_SKIP
                  : *a == '$' ? KBI_PEL_SOURCE
                  : *a == '+' ? KBI_PEL_TARGET
                              : KBI_PEL_COMPOUND;
        return push(ps, sd, a, el);
    }
    el.kind = KBI_PEL_WORD;
    el.word = kbi_cameo_upper(&ps->r->d->arena, a, (size_t)(b - a));
    if (!el.word)
        return KB_ERR_NOMEM;
    return push(ps, sd, a, el);
}

/* A synset reference "&NAME" at [a, b). */
static kb_status synset_ref(pscan *ps, const char *a, const char *b, int adj,
                            side *sd)
{
    const char *ne = b;
    while (ne > a + 1 && ne[-1] == '_')
        ne--;
    if (ne == a + 1)
        FAIL(ps, a, "expected a synset name after '&'");
    char *nm = kbi_cameo_upper(&ps->r->d->arena, a + 1, (size_t)(ne - a - 1));
    if (!nm)
        return KB_ERR_NOMEM;
    int32_t sy = kbi_map_get(&ps->r->d->verbs.synset_index, nm, strlen(nm));
    if (sy < 0)
        FAIL(ps, a, "undefined synset '&%s' (pattern dropped)", nm);
    kbi_pel el;
    memset(&el, 0, sizeof el);
    el.kind = KBI_PEL_SYNSET;
    el.adjacent = (uint8_t)adj;
    el.synset = sy;
    el.word = ps->r->d->verbs.synsets[sy].name;
    return push(ps, sd, a, el);
}

typedef struct nest {
    const char *group, *brace; /* where the open '(' / '{' is, or NULL */
    int gwords, bwords;        /* elements so far inside them */
    int pending;               /* the next element joins the previous */
} nest;

/* The word part [a, b) of a token: a synset or '_'-joined words. */
static kb_status core(pscan *ps, const char *a, const char *b, nest *ns,
                      side *sd)
{
    for (const char *q = a; q < b; q++) {
        if ((unsigned char)*q < 0x20)
            FAIL(ps, q, "unexpected character 0x%02x", (unsigned char)*q);
        if (strchr("(){}[]*", *q))
            FAIL(ps, q, "unexpected '%c' inside a pattern word", *q);
    }
    int before = sd->n;
    kb_status st = KB_OK;
    if (*a == '&') {
        st = synset_ref(ps, a, b, ns->pending || (ns->brace && ns->bwords),
                        sd);
        ns->pending = 0;
    } else if (memchr(a, '&', (size_t)(b - a))) {
        FAIL(ps, a, "undefined synset '%.*s': '&' must start the word "
             "(pattern dropped)", (int)(b - a), a);
    } else {
        const char *p = a;
        while (p < b && st == KB_OK) {
            if (*p == '_') {
                ns->pending = 1;
                p++;
                continue;
            }
            const char *w = p;
            while (p < b && *p != '_')
                p++;
            int adj = ns->pending || (ns->brace && ns->bwords + sd->n - before);
            st = element(ps, w, p, adj, sd);
            ns->pending = 0;
        }
    }
    int added = sd->n - before;
    ns->bwords += ns->brace ? added : 0;
    ns->gwords += ns->group ? added : 0;
    return st;
}

/* One blank-separated token [t, q). */
static kb_status token(pscan *ps, const char *t, const char *q, nest *ns,
                       side *sd)
{
    const char *a = t, *b = q;
    if (*a == '(') {
        if (ns->group)
            FAIL(ps, a, "'(' inside a preposition group");
        ns->group = a++;
        ns->gwords = 0;
    }
    if (a < b && *a == '{') {
        if (ns->brace)
            FAIL(ps, a, "'{' inside a brace phrase");
        ns->brace = a++;
        ns->bwords = 0;
    }
    int close_g = 0, close_b = 0;
    if (b > a && b[-1] == ')') {
        close_g = 1;
        b--;
    }
    if (b > a && b[-1] == '}') {
        close_b = 1;
        b--;
    }
    if (a < b) {
        kb_status st = core(ps, a, b, ns, sd);
        if (st != KB_OK)
            return st;
    }
    if (close_b) {
        if (!ns->brace)
            FAIL(ps, b, "'}' without '{'");
        if (ns->bwords == 0)
            FAIL(ps, b, "expected words inside '{ }'");
        ns->brace = NULL;
    }
    if (close_g) {
        if (!ns->group)
            FAIL(ps, q - 1, "')' without '('");
        if (ns->brace)
            FAIL(ps, q - 1, "expected '}' before ')'");
        if (ns->gwords == 0)
            FAIL(ps, q - 1, "expected a preposition inside '( )'");
        ns->group = NULL;
    }
    return KB_OK;
}

/* One side of the pattern, [s, e), in reading order. */
static kb_status scan_side(pscan *ps, const char *s, const char *e, side *sd)
{
    nest ns;
    memset(&ns, 0, sizeof ns);
    sd->n = 0;
    const char *p = s;
    for (;;) {
        while (p < e && kbi_isspace((unsigned char)*p)) {
            ns.pending = 0;
            p++;
        }
        if (p == e)
            break;
        const char *t = p;
        while (p < e && !kbi_isspace((unsigned char)*p))
            p++;
        kb_status st = token(ps, t, p, &ns, sd);
        if (st != KB_OK)
            return st;
    }
    if (ns.brace)
        FAIL(ps, ns.brace, "'{' without '}'");
    if (ns.group)
        FAIL(ps, ns.group, "'(' without ')'");
    sd->tail_adj = ns.pending;
    if (p > s && p[-1] != '_')
        sd->tail_adj = 0;
    return KB_OK;
}

static kbi_pel *store_side(kb_dict *d, const side *sd, int upper)
{
    kbi_pel *out =
        kbi_arena_alloc(&d->arena, (size_t)(sd->n + 1) * sizeof *out);
    if (!out)
        return NULL;
    for (int i = 0; i < sd->n; i++) {
        if (!upper) {
            out[i] = sd->el[i];
            continue;
        }
        /* nearest the verb first; each joined to the one nearer the verb */
        out[i] = sd->el[sd->n - 1 - i];
        out[i].adjacent = i == 0 ? (uint8_t)sd->tail_adj
                                 : sd->el[sd->n - i].adjacent;
    }
    return out;
}

/* ---- storing --------------------------------------------------------- */

static void key_side(char **w, const kbi_pel *el, int n)
{
    for (int i = 0; i < n; i++) {
        *(*w)++ = (char)('a' + el[i].kind);
        *(*w)++ = (char)('0' + el[i].adjacent);
        if (el[i].kind == KBI_PEL_SYNSET)
            *w += sprintf(*w, "%d", (int)el[i].synset);
        else if (el[i].word)
            *w += sprintf(*w, "%s", el[i].word);
        *(*w)++ = '\x1f';
    }
}

/* Returns the pattern with the same block and elements, or -1 after
 * remembering this one as number `next`; -2 when out of memory. */
static int32_t same_pattern(kbi_cameo_reader *r, const kbi_pattern *p,
                            int32_t next)
{
    size_t len = 16;
    for (int i = 0; i < p->nupper; i++)
        len += 16 + (p->upper[i].word ? strlen(p->upper[i].word) : 0);
    for (int i = 0; i < p->nlower; i++)
        len += 16 + (p->lower[i].word ? strlen(p->lower[i].word) : 0);
    char *k = kbi_arena_alloc(&r->keys, len);
    if (!k)
        return -2;
    char *w = k;
    w += sprintf(w, "%d|", (int)r->block);
    key_side(&w, p->upper, p->nupper);
    *w++ = '*';
    key_side(&w, p->lower, p->nlower);
    *w = '\0';
    size_t kl = (size_t)(w - k);
    int32_t old = kbi_map_get(&r->pat_keys, k, kl);
    if (old >= 0)
        return old;
    return kbi_map_put(&r->pat_keys, k, kl, next) ? -1 : -2;
}

static kb_status store(kbi_cameo_reader *r, kbi_pattern *p)
{
    kbi_verbs *v = &r->d->verbs;
    int32_t old = same_pattern(r, p, (int32_t)v->npatterns);
    if (old == -2)
        return KB_ERR_NOMEM;
    if (old >= 0) { /* the later line wins, at the earlier one's place */
        v->patterns[old].code = p->code;
        v->patterns[old].text = p->text;
        v->patterns[old].line = p->line;
        return KB_OK;
    }
    size_t k = v->npatterns - r->pat0;
    if (!kbi_vec_reserve(r->d->alloc, (void **)&v->patterns, &v->cap_patterns,
                         v->npatterns + 1, sizeof *v->patterns) ||
        !kbi_vec_reserve(r->d->alloc, (void **)&r->pat_block,
                         &r->cap_pat_block, k + 1, sizeof *r->pat_block))
        return KB_ERR_NOMEM;
    r->pat_block[k] = r->block;
    v->patterns[v->npatterns++] = *p;
    return KB_OK;
}

/* The code token at the end of [s, *e); *e is moved before it. */
static kb_status code_token(pscan *ps, const char *s, const char **e,
                            const char **code, size_t *ncode)
{
    const char *q = *e, *t = q;
    while (t > s && !kbi_isspace((unsigned char)t[-1]))
        t--;
    if (t == q || q[-1] != ']' || *t != '[') {
        const char *lb = memchr(t, '[', (size_t)(q - t));
        if (lb && q[-1] == ']')
            FAIL(ps, lb, "expected a blank before the code '['");
        FAIL(ps, q, "expected '[code]' at the end of the pattern");
    }
    *code = t + 1;
    *ncode = (size_t)(q - t - 2);
    if (!kbi_cameo_code_ok(*code, *ncode))
        FAIL(ps, t, "expected a code like [064], [042:043], [:110] or [---]");
    *e = t;
    return KB_OK;
}

static kb_status parse(pscan *ps, const char *s, const char *e,
                       const char *le, int line, kbi_pattern *p)
{
    kb_dict *d = ps->r->d;
    const char *code;
    size_t ncode;
    kb_status st = code_token(ps, s, &e, &code, &ncode);
    if (st != KB_OK)
        return st;
    const char *star = memchr(s, '*', (size_t)(e - s));
    if (!star)
        FAIL(ps, s, "expected '*' where the verb goes");
    const char *star2 = memchr(star + 1, '*', (size_t)(e - star - 1));
    if (star2)
        FAIL(ps, star2, "expected only one '*'");
    side up, lo;
    st = scan_side(ps, s, star, &up);
    if (st == KB_OK)
        st = scan_side(ps, star + 1, e, &lo);
    if (st != KB_OK)
        return st;
    memset(p, 0, sizeof *p);
    p->upper = store_side(d, &up, 1);
    p->lower = store_side(d, &lo, 0);
    p->nupper = up.n;
    p->nlower = lo.n;
    p->code = kbi_arena_strndup(&d->arena, code, ncode);
    p->text = kbi_pattern_text(&d->arena, ps->ls, (size_t)(le - ps->ls));
    p->file = ps->r->L->file;
    p->line = line;
    if (!p->upper || !p->lower || !p->code || !p->text)
        return KB_ERR_NOMEM;
    return KB_OK;
}

kb_status kbi_cameo_pattern(kbi_cameo_reader *r, const char *ls,
                            const char *s, const char *e, const char *le,
                            int line)
{
    pscan ps;
    memset(&ps, 0, sizeof ps);
    ps.r = r;
    ps.ls = ls;
    kbi_pattern p;
    kb_status st = parse(&ps, s, e, le, line, &p);
    if (st == KB_ERR_SYNTAX)
        return kbi_load_bad(r->L, line, ps.col, "%s", ps.why);
    if (st != KB_OK)
        return st;
    return store(r, &p);
}

/* PETRARCH-2 does not try patterns in file order: its trie search lets
 * subject patterns beat object-only ones and longer paths beat their
 * prefixes (spec §4.2.2). With first-match coding the same precedence
 * comes from ordering each block: patterns with a pre-verb part first,
 * then more elements first, then file order (see order_blocks). */
static int before(const kbi_pattern *x, const kbi_pattern *y)
{
    int ux = x->nupper > 0, uy = y->nupper > 0;
    if (ux != uy)
        return ux;
    return x->nupper + x->nlower > y->nupper + y->nlower;
}

/* Stable insertion sort: blocks hold at most a few hundred patterns. */
static void order_blocks(kbi_cameo_reader *r)
{
    kbi_verbs *v = &r->d->verbs;
    for (size_t b = r->block0; b < v->nblocks; b++) {
        kbi_pattern *p = v->patterns + v->blocks[b].first_pattern;
        for (int32_t i = 1; i < v->blocks[b].npatterns; i++) {
            kbi_pattern x = p[i];
            int32_t j = i;
            while (j > 0 && before(&x, &p[j - 1])) {
                p[j] = p[j - 1];
                j--;
            }
            p[j] = x;
        }
    }
}

kb_status kbi_cameo_group_patterns(kbi_cameo_reader *r)
{
    kb_status st = kbi_cameo_group_by_block(r);
    if (st == KB_OK)
        order_blocks(r);
    return st;
}

kb_status kbi_cameo_group_by_block(kbi_cameo_reader *r)
{
    kbi_verbs *v = &r->d->verbs;
    size_t b0 = r->block0, nb = v->nblocks - b0;
    size_t p0 = r->pat0, np = v->npatterns - p0;
    kbi_block *bl = v->blocks + b0;
    for (size_t b = 0; b < nb; b++)
        bl[b].npatterns = 0;
    for (size_t i = 0; i < np; i++)
        bl[(size_t)r->pat_block[i] - b0].npatterns++;
    int32_t at = (int32_t)p0;
    for (size_t b = 0; b < nb; b++) {
        bl[b].first_pattern = at;
        at += bl[b].npatterns;
    }
    if (!r->merged || np == 0)
        return KB_OK; /* file order is already block order */
    /* a header name came back: stable regrouping by block */
    kbi_pattern *out = kbi_realloc(r->d->alloc, NULL, 0, np * sizeof *out);
    int32_t *fill = kbi_realloc(r->d->alloc, NULL, 0, nb * sizeof *fill);
    if (!out || !fill) {
        kbi_free(r->d->alloc, out, out ? np * sizeof *out : 0);
        kbi_free(r->d->alloc, fill, fill ? nb * sizeof *fill : 0);
        return KB_ERR_NOMEM;
    }
    for (size_t b = 0; b < nb; b++)
        fill[b] = bl[b].first_pattern - (int32_t)p0;
    for (size_t i = 0; i < np; i++)
        out[fill[(size_t)r->pat_block[i] - b0]++] = v->patterns[p0 + i];
    memcpy(v->patterns + p0, out, np * sizeof *out);
    kbi_free(r->d->alloc, out, np * sizeof *out);
    kbi_free(r->d->alloc, fill, nb * sizeof *fill);
    return KB_OK;
}
