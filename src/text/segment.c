/* segment.c - kbi_text_segment: normalise, tokenise, split, then map the
 * offsets back to the input and build the caller's arrays in the arena. */
#include <string.h>

#include "text_int.h"

/* Walks the segment list along increasing buffer offsets. */
typedef struct mapper {
    const tx_seg *segs;
    size_t nsegs;
    size_t k;      /* segments with n <= the last offset asked for */
    int touched;   /* a segment was passed since the last start */
    int invalid;
} mapper;

static void advance(mapper *m, size_t p, int inside)
{
    while (m->k < m->nsegs && m->segs[m->k].n <= p) {
        if (inside) {
            m->touched = 1;
            m->invalid |= m->segs[m->k].invalid;
        }
        m->k++;
    }
}

/* Input offset of the character at buffer offset p; *covered tells whether
 * a replacement covers p. */
static size_t orig_at(const mapper *m, size_t p, const tx_seg **covering)
{
    *covering = NULL;
    if (m->k == 0)
        return p;
    const tx_seg *g = &m->segs[m->k - 1];
    if (p < (size_t)g->n + g->nlen) {
        *covering = g;
        return g->o;
    }
    return (size_t)g->o + g->olen + (p - g->n - g->nlen);
}

static void map_token(mapper *m, const tx_tok *t, size_t floor,
                      size_t *start, size_t *end, uint8_t *flags)
{
    const tx_seg *g;
    advance(m, t->s, 0);
    size_t s = orig_at(m, t->s, &g);
    m->touched = g != NULL;
    m->invalid = g ? g->invalid : 0;
    advance(m, t->e - 1, 1);
    size_t e = orig_at(m, t->e - 1, &g);
    e = g ? (size_t)g->o + g->olen : e + 1;
    if (g) {
        m->touched = 1;
        m->invalid |= g->invalid;
    }
    if (s < floor)
        s = floor; /* a cut inside one replacement: keep offsets ordered */
    if (e < s)
        e = s;
    *start = s;
    *end = e;
    *flags = (uint8_t)((m->touched ? KBI_TEXT_TOK_CHANGED : 0) |
                       (m->invalid ? KBI_TEXT_TOK_INVALID : 0));
}

/* Answers, for nondecreasing buffer offsets p, whether p falls inside (not
 * at the start of) the bytes that replace one input character ("..." for
 * U+2026): the only replacement that can cover p is the last one before
 * it. */
typedef struct inside {
    const tx_seg *segs;
    size_t nsegs, k;
    const tx_seg *rep;
} inside;

static int inside_at(inside *c, size_t p)
{
    while (c->k < c->nsegs && c->segs[c->k].n < p) {
        if (c->segs[c->k].nlen > 0)
            c->rep = &c->segs[c->k];
        c->k++;
    }
    return c->rep && p < (size_t)c->rep->n + c->rep->nlen;
}

/* Joins tokens cut apart inside one replaced character: a rule that split
 * "D..." after "D." must not split the "..." of one U+2026 (offsets could
 * not tell the parts apart). */
static void join_inside(const tx_norm *nm, tx_toks *tk)
{
    if (!nm->nsegs || !tk->n)
        return;
    inside c = {nm->segs, nm->nsegs, 0, NULL};
    size_t o = 0;
    for (size_t i = 1; i < tk->n; i++) {
        tx_tok *t = &tk->v[o];
        if (t->e == tk->v[i].s && inside_at(&c, t->e)) {
            t->e = tk->v[i].e;
            t->flags = (uint8_t)((t->flags & ~TX_T_SPACE) | tk->v[i].flags);
        } else {
            tk->v[++o] = tk->v[i];
        }
    }
    tk->n = o + 1;
}

/* Fills toks[i] from the buffer range [bs, be) of token t. */
static void make_token(mapper *m, const tx_norm *nm, const tx_tok *t,
                       uint32_t bs, uint32_t be, size_t *floor, char **forms,
                       kbi_text_token *out)
{
    tx_tok part = *t;
    part.s = bs;
    part.e = be;
    size_t s, e;
    uint8_t flags;
    map_token(m, &part, *floor, &s, &e, &flags);
    *floor = e;
    size_t k = be - bs;
    memcpy(*forms, nm->buf + bs, k);
    (*forms)[k] = '\0';
    out->start = (uint32_t)s;
    out->end = (uint32_t)e;
    out->form = *forms;
    out->space_after = be == t->e && (t->flags & TX_T_SPACE) != 0;
    out->flags = (uint8_t)(flags |
        ((t->flags & TX_T_CLITIC) && bs == t->s ? KBI_TEXT_TOK_CLITIC : 0) |
        ((t->flags & TX_T_URL) ? KBI_TEXT_TOK_URL : 0) |
        (bs == t->s && be < t->e ? KBI_TEXT_TOK_CUT : 0));
    *forms += k + 1;
}

static kb_status build(const tx_norm *nm, const tx_toks *tk,
                       const tx_sents *ss, kbi_arena *a, kbi_text_doc *out)
{
    size_t formlen = 0, ntoks = tk->n;
    for (size_t i = 0; i < tk->n; i++)
        formlen += tk->v[i].e - tk->v[i].s + 1;
    for (size_t i = 0; i < ss->n; i++)
        if (ss->v[i].cut) {
            ntoks++;
            formlen++;
        }
    kbi_text_token *toks = ntoks ? kbi_arena_alloc(a, ntoks * sizeof *toks)
                                 : NULL;
    kbi_text_sentence *sents =
        ss->n ? kbi_arena_alloc(a, ss->n * sizeof *sents) : NULL;
    char *forms = formlen ? kbi_arena_alloc(a, formlen) : NULL;
    if ((ntoks && (!toks || !forms)) || (ss->n && !sents))
        return KB_ERR_NOMEM;
    mapper m = {nm->segs, nm->nsegs, 0, 0, 0};
    inside cut = {nm->segs, nm->nsegs, 0, NULL};
    size_t floor = 0, o = 0;
    for (size_t i = 0; i < ss->n; i++) {
        const tx_sent *x = &ss->v[i];
        sents[i].first = (int32_t)o;
        for (int32_t k = 0; k < x->n; k++) {
            const tx_tok *t = &tk->v[x->first + k];
            if (k == x->n - 1 && x->cut && !inside_at(&cut, t->e - 1)) {
                make_token(&m, nm, t, t->s, t->e - 1, &floor, &forms,
                           &toks[o++]);
                make_token(&m, nm, t, t->e - 1, t->e, &floor, &forms,
                           &toks[o++]);
            } else {
                make_token(&m, nm, t, t->s, t->e, &floor, &forms,
                           &toks[o++]);
            }
        }
        sents[i].n = (int32_t)o - sents[i].first;
        sents[i].start = toks[sents[i].first].start;
        sents[i].end = toks[o - 1].end;
        sents[i].flags = x->flags;
    }
    out->toks = toks;
    out->ntoks = (int32_t)o;
    out->sents = sents;
    out->nsents = (int32_t)ss->n;
    out->nreplaced = nm->nreplaced;
    return KB_OK;
}

kb_status kbi_text_segment(const char *src, size_t len,
                           const kbi_text_options *opt, kbi_arena *a,
                           kbi_diag *diag, kbi_text_doc *out)
{
    static const kbi_text_options defaults = {0, 0, NULL};
    memset(out, 0, sizeof *out);
    if (!opt)
        opt = &defaults;
    if (len > KBI_TEXT_MAX_INPUT)
        return KB_ERR_LIMIT;
    if (!src)
        len = 0;
    tx_norm nm;
    tx_toks tk;
    tx_sents ss;
    memset(&nm, 0, sizeof nm);
    memset(&tk, 0, sizeof tk);
    memset(&ss, 0, sizeof ss);
    nm.al = tk.al = ss.al = a->alloc;
    kb_status st = KB_ERR_NOMEM;
    if (kbi_tx_normalise(&nm, src ? src : "", len, diag, opt->name) &&
        kbi_tx_tokenise(&nm, opt->flags, &tk) &&
        (join_inside(&nm, &tk), 1) &&
        kbi_tx_sentences(&nm, &tk, opt->flags, opt->max_sentence_tokens,
                         &ss))
        st = build(&nm, &tk, &ss, a, out);
    if (st != KB_OK)
        memset(out, 0, sizeof *out);
    kbi_free(a->alloc, ss.v, ss.cap * sizeof *ss.v);
    kbi_free(a->alloc, tk.v, tk.cap * sizeof *tk.v);
    kbi_tx_norm_free(&nm);
    return st;
}
