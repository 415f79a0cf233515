/* stream.c - linearising a constituent tree into the coder's item stream,
 * with noun phrases turned into actor phrases (NE) and compounds (NEC).
 * The rules are those of TABARI spec §7.2:
 *   (a) a CC whose parent is a noun phrase with at least three N* labels,
 *       no VP or S* inside and no second CC marks that phrase a compound;
 *   (b) a noun phrase becomes one NE when it holds a possessive, when it
 *       has the shape "NP of NP", or when it holds no inner NP; otherwise
 *       its children are processed;
 *   (c) a compound becomes an NEC of one NE per conjunct;
 *   (e) a sentence whose first phrase is an NE holding a compound is a
 *       dateline. */
#include <string.h>

#include "stream.h"

/* ---- working tree ----------------------------------------------------- */

typedef struct wnode {
    const char *label;  /* phrase label, or the tag of a word */
    int32_t tok;        /* token index for words, -1 for phrases */
    int32_t parent;
    int32_t *kids;
    int32_t nkids;
    uint8_t nec;        /* marked compound */
} wnode;

typedef struct builder {
    const kbi_sentence *s;
    kbi_arena *a;
    wnode *w;           /* nodes first, then one per token */
    int32_t nw;
    kbi_stream *st;
    int failed;
} builder;

static int is_np(const wnode *n) { return n->tok < 0 && strcmp(n->label, "NP") == 0; }
static int is_word(const wnode *n) { return n->tok >= 0; }

static int child_key(const builder *b, int32_t k)
{
    const wnode *n = &b->w[k];
    if (n->tok >= 0)
        return n->tok * 2 + 1;
    return b->s->nodes[k].tok_start * 2;
}

static kb_status build_tree(builder *b)
{
    const kbi_sentence *s = b->s;
    int32_t nn = s->nnodes, nt = s->ntoks;
    b->nw = nn + nt;
    b->w = kbi_arena_alloc(b->a, (size_t)(b->nw ? b->nw : 1) * sizeof *b->w);
    int32_t *owner = kbi_arena_alloc(b->a, (size_t)(nt ? nt : 1) * sizeof *owner);
    int32_t *count = kbi_arena_alloc(b->a, (size_t)(nn ? nn : 1) * sizeof *count);
    if (!b->w || !owner || !count)
        return KB_ERR_NOMEM;
    for (int32_t t = 0; t < nt; t++)
        owner[t] = -1;
    for (int32_t i = 0; i < nn; i++) {
        b->w[i].label = s->nodes[i].label;
        b->w[i].tok = -1;
        b->w[i].parent = s->nodes[i].parent;
        if (s->nodes[i].parent >= 0)
            count[s->nodes[i].parent]++;
        for (int32_t t = s->nodes[i].tok_start; t < s->nodes[i].tok_end; t++)
            owner[t] = i; /* preorder: deeper nodes come later */
    }
    for (int32_t t = 0; t < nt; t++) {
        wnode *w = &b->w[nn + t];
        w->label = s->toks[t].xpos ? s->toks[t].xpos : "";
        w->tok = t;
        w->parent = owner[t];
        if (owner[t] >= 0)
            count[owner[t]]++;
    }
    for (int32_t i = 0; i < nn; i++) {
        b->w[i].kids = kbi_arena_alloc(b->a, (size_t)(count[i] + 1) * sizeof(int32_t));
        if (!b->w[i].kids)
            return KB_ERR_NOMEM;
    }
    for (int32_t k = 1; k < b->nw; k++) {
        int32_t p = b->w[k].parent;
        if (p < 0)
            continue;
        /* insertion by position keeps children in reading order */
        wnode *pw = &b->w[p];
        int32_t j = pw->nkids++;
        int key = child_key(b, k);
        while (j > 0 && child_key(b, pw->kids[j - 1]) > key) {
            pw->kids[j] = pw->kids[j - 1];
            j--;
        }
        pw->kids[j] = k;
    }
    return KB_OK;
}

/* ---- (a) compounds ---------------------------------------------------- */

typedef struct census {
    int n_labels;   /* labels beginning with N, the node itself included */
    int cc;
    int clause;     /* a VP or S* inside */
} census;

static void count_below(const builder *b, int32_t k, census *c, int depth)
{
    const wnode *n = &b->w[k];
    if (n->label[0] == 'N')
        c->n_labels++;
    if (is_word(n)) {
        if (strcmp(n->label, "CC") == 0)
            c->cc++;
        return;
    }
    if (depth > 0 && (strcmp(n->label, "VP") == 0 || n->label[0] == 'S'))
        c->clause = 1;
    for (int32_t i = 0; i < n->nkids; i++)
        count_below(b, n->kids[i], c, depth + 1);
}

static void mark_compounds(builder *b)
{
    int32_t nn = b->s->nnodes;
    for (int32_t t = 0; t < b->s->ntoks; t++) {
        wnode *w = &b->w[nn + t];
        if (strcmp(w->label, "CC") != 0 || w->parent < 0)
            continue;
        wnode *p = &b->w[w->parent];
        if (p->nec || !is_np(p))
            continue;
        census c = {0, 0, 0};
        count_below(b, w->parent, &c, 0);
        if (!c.clause && c.cc == 1 && c.n_labels >= 3)
            p->nec = 1;
    }
}

/* ---- stream output ---------------------------------------------------- */

static int32_t push(builder *b, uint8_t kind, const char *text,
                    const char *tag, int32_t tok)
{
    kbi_stream *st = b->st;
    if (st->n == st->cap) {
        int32_t nc = st->cap ? st->cap * 2 : 256;
        kbi_item *ni = kbi_arena_alloc(b->a, (size_t)nc * sizeof *ni);
        if (!ni) {
            b->failed = 1;
            return -1;
        }
        if (st->n)
            memcpy(ni, st->items, (size_t)st->n * sizeof *ni);
        st->items = ni;
        st->cap = nc;
    }
    kbi_item *it = &st->items[st->n];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->text = text;
    it->tag = tag;
    it->match = -1;
    it->ne = -1;
    it->nec = -1;
    it->tok = tok;
    return st->n++;
}

/* The word a token is matched by: its upper-case form, except for the
 * pronoun "us" written in lower case, which no entry ("US" for the United
 * States) may match: "they can't keep us out" is not about America. */
static const char *word_of(const builder *b, int32_t tok)
{
    const kbi_token *t = &b->s->toks[tok];
    if (t->form && strcmp(t->form, "us") == 0)
        return "us";
    return t->upper ? t->upper : "";
}

/* A word list under construction: token numbers, or -1 - k for a
 * reference to embedded compound k. */
typedef struct wlist {
    int32_t *v;
    int32_t n, cap;
} wlist;

static int wl_push(builder *b, wlist *l, int32_t x)
{
    if (l->n == l->cap) {
        int32_t nc = l->cap ? l->cap * 2 : 16;
        int32_t *nv = kbi_arena_alloc(b->a, (size_t)nc * sizeof *nv);
        if (!nv) {
            b->failed = 1;
            return 0;
        }
        if (l->n)
            memcpy(nv, l->v, (size_t)l->n * sizeof *nv);
        l->v = nv;
        l->cap = nc;
    }
    l->v[l->n++] = x;
    return 1;
}

/* The embedded compounds met while collecting one NE. */
typedef struct embedded {
    wlist conj[64];
    int32_t nconj;
} embedded;

typedef struct collector {
    embedded *emb;
    int32_t nemb, cap;
} collector;

static void collect_words(builder *b, int32_t k, wlist *out, collector *col,
                          int in_sbar);

static int is_nn(const char *tag) { return tag[0] == 'N' && tag[1] == 'N'; }

/* Conjuncts of compound node k (§7.2 c): NP children flattened, bare
 * nouns prefixed by the adjectives before the first conjunct. */
static int32_t conjuncts(builder *b, int32_t k, wlist *out, int32_t max)
{
    const wnode *p = &b->w[k];
    int32_t n = 0;
    int32_t jj[16], njj = 0;
    for (int32_t i = 0; i < p->nkids && n < max; i++) {
        int32_t c = p->kids[i];
        const wnode *cw = &b->w[c];
        memset(&out[n], 0, sizeof out[n]);
        if (is_word(cw)) {
            if (strcmp(cw->label, "JJ") == 0 && n == 0 && njj < 16)
                jj[njj++] = cw->tok;
            else if (is_nn(cw->label)) {
                for (int32_t j = 0; j < njj; j++)
                    wl_push(b, &out[n], jj[j]);
                wl_push(b, &out[n], cw->tok);
                n++;
            }
        } else if (strncmp(cw->label, "NP", 2) == 0) {
            collect_words(b, c, &out[n], NULL, 0);
            if (out[n].n > 0)
                n++;
        }
    }
    return n;
}

static void collect_words(builder *b, int32_t k, wlist *out, collector *col,
                          int in_sbar)
{
    const wnode *n = &b->w[k];
    if (is_word(n)) {
        if (strcmp(n->label, "POS") != 0)
            wl_push(b, out, n->tok);
        return;
    }
    if (n->nec && col && !in_sbar) {
        if (col->nemb == col->cap) {
            int32_t nc = col->cap ? col->cap * 2 : 4;
            embedded *ne = kbi_arena_alloc(b->a, (size_t)nc * sizeof *ne);
            if (!ne) {
                b->failed = 1;
                return;
            }
            if (col->nemb)
                memcpy(ne, col->emb, (size_t)col->nemb * sizeof *ne);
            col->emb = ne;
            col->cap = nc;
        }
        embedded *e = &col->emb[col->nemb];
        e->nconj = conjuncts(b, k, e->conj, 64);
        if (e->nconj > 0) {
            wl_push(b, out, -1 - col->nemb);
            col->nemb++;
            return;
        }
    }
    int sb = in_sbar || strcmp(n->label, "SBAR") == 0;
    for (int32_t i = 0; i < n->nkids; i++)
        collect_words(b, n->kids[i], out, col, sb);
}

static void emit_ne(builder *b, const wlist *words, int32_t nec)
{
    kbi_stream *st = b->st;
    if (st->nne == st->cap_ne) {
        int32_t nc = st->cap_ne ? st->cap_ne * 2 : 32;
        kbi_ne *nn = kbi_arena_alloc(b->a, (size_t)nc * sizeof *nn);
        if (!nn) {
            b->failed = 1;
            return;
        }
        if (st->nne)
            memcpy(nn, st->nes, (size_t)st->nne * sizeof *nn);
        st->nes = nn;
        st->cap_ne = nc;
    }
    int32_t ne = st->nne++;
    kbi_ne *e = &st->nes[ne];
    memset(e, 0, sizeof *e);
    e->nec = nec;
    e->code = "---";
    int32_t s = push(b, KBI_IT_NE, NULL, NULL, -1);
    if (s < 0)
        return;
    st->items[s].ne = ne;
    st->items[s].nec = nec;
    size_t len = 0;
    for (int32_t i = 0; i < words->n; i++)
        len += strlen(word_of(b, words->v[i])) + 1;
    char *text = kbi_arena_alloc(b->a, len + 1), *q = text;
    for (int32_t i = 0; i < words->n; i++) {
        const char *w = word_of(b, words->v[i]);
        int32_t x = push(b, KBI_IT_WORD, w, b->s->toks[words->v[i]].xpos,
                         words->v[i]);
        if (x < 0)
            return;
        st->items[x].ne = ne;
        st->items[x].nec = nec;
        if (text) {
            size_t l = strlen(w);
            if (q != text)
                *q++ = ' ';
            memcpy(q, w, l);
            q += l;
        }
    }
    if (text)
        *q = '\0';
    int32_t en = push(b, KBI_IT_NE_END, NULL, NULL, -1);
    if (en < 0)
        return;
    st->items[en].ne = ne;
    st->items[en].nec = nec;
    st->items[s].match = en;
    st->items[en].match = s;
    /* the NE may have moved if nes grew: refetch */
    e = &st->nes[ne];
    e->start = s;
    e->end = en;
    e->nwords = words->n;
    e->text = text ? text : "";
}

static int32_t open_nec(builder *b)
{
    kbi_stream *st = b->st;
    if (st->nnec == st->cap_nec) {
        int32_t nc = st->cap_nec ? st->cap_nec * 2 : 8;
        kbi_nec *nn = kbi_arena_alloc(b->a, (size_t)nc * sizeof *nn);
        if (!nn) {
            b->failed = 1;
            return -1;
        }
        if (st->nnec)
            memcpy(nn, st->necs, (size_t)st->nnec * sizeof *nn);
        st->necs = nn;
        st->cap_nec = nc;
    }
    int32_t k = st->nnec++;
    int32_t s = push(b, KBI_IT_NEC, NULL, NULL, -1);
    if (s < 0)
        return -1;
    st->items[s].nec = k;
    st->necs[k].start = s;
    st->necs[k].first_ne = st->nne;
    st->necs[k].nne = 0;
    return k;
}

static void close_nec(builder *b, int32_t k)
{
    kbi_stream *st = b->st;
    int32_t e = push(b, KBI_IT_NEC_END, NULL, NULL, -1);
    if (e < 0)
        return;
    st->items[e].nec = k;
    st->necs[k].end = e;
    st->necs[k].nne = st->nne - st->necs[k].first_ne;
    st->items[st->necs[k].start].match = e;
    st->items[e].match = st->necs[k].start;
}

/* Emits one NE, or an NEC of NEs when the collected words refer to
 * embedded compounds (expanded as a cross product, §7.4 step 1). */
static void emit_phrase(builder *b, wlist *words, collector *col)
{
    if (col->nemb == 0) {
        emit_ne(b, words, -1);
        return;
    }
    if (b->st->n == 1 && b->st->items[0].kind == KBI_IT_OPEN &&
        strcmp(b->st->items[0].text, "ROOT") == 0)
        b->st->dateline = 1;
    /* expand: variants start as the collected list */
    enum { MAX_VARIANTS = 256 };
    wlist *cur = kbi_arena_alloc(b->a, MAX_VARIANTS * sizeof *cur);
    wlist *next = kbi_arena_alloc(b->a, MAX_VARIANTS * sizeof *next);
    if (!cur || !next) {
        b->failed = 1;
        return;
    }
    int32_t ncur = 1;
    cur[0] = *words;
    for (int32_t e = 0; e < col->nemb; e++) {
        int32_t nnext = 0;
        for (int32_t v = 0; v < ncur; v++) {
            int32_t at = -1;
            for (int32_t i = 0; i < cur[v].n; i++)
                if (cur[v].v[i] == -1 - e)
                    at = i;
            if (at < 0)
                continue;
            const embedded *em = &col->emb[e];
            for (int32_t c = 0; c < em->nconj && nnext < MAX_VARIANTS; c++) {
                wlist nl = {0, 0, 0};
                for (int32_t i = 0; i < cur[v].n; i++) {
                    if (e == 0 && i == at - 1)
                        continue; /* the word before the first compound */
                    if (i == at) {
                        for (int32_t j = 0; j < em->conj[c].n; j++)
                            wl_push(b, &nl, em->conj[c].v[j]);
                    } else {
                        wl_push(b, &nl, cur[v].v[i]);
                    }
                }
                next[nnext++] = nl;
            }
        }
        wlist *t = cur;
        cur = next;
        next = t;
        ncur = nnext;
    }
    int32_t k = open_nec(b);
    if (k < 0)
        return;
    for (int32_t v = 0; v < ncur; v++) {
        /* drop references to compounds that could not be expanded */
        wlist clean = {0, 0, 0};
        for (int32_t i = 0; i < cur[v].n; i++)
            if (cur[v].v[i] >= 0)
                wl_push(b, &clean, cur[v].v[i]);
        emit_ne(b, &clean, k);
    }
    close_nec(b, k);
}

static void emit(builder *b, int32_t k, int depth, int flat_sbar);

/* Words of subtree k as plain words (an SBAR inside a noun phrase). */
static void emit_flat(builder *b, int32_t k)
{
    wlist words = {0, 0, 0};
    collect_words(b, k, &words, NULL, 1);
    for (int32_t i = 0; i < words.n && !b->failed; i++)
        push(b, KBI_IT_WORD, word_of(b, words.v[i]),
             b->s->toks[words.v[i]].xpos, words.v[i]);
}

/* Opening, children, closing. Inside a noun phrase kept as structure
 * (flat_sbar), relative clauses become plain words (§7.2 b step 1). */
static void emit_structure(builder *b, int32_t k, int depth, int flat_sbar)
{
    const wnode *n = &b->w[k];
    int32_t o = push(b, KBI_IT_OPEN, n->label, NULL, -1);
    if (o < 0)
        return;
    for (int32_t i = 0; i < n->nkids && !b->failed; i++)
        emit(b, n->kids[i], depth + 1, flat_sbar);
    int32_t c = push(b, KBI_IT_CLOSE, n->label, NULL, -1);
    if (c < 0)
        return;
    b->st->items[o].match = c;
    b->st->items[c].match = o;
}

/* Searches below k (not into SBARs) for a word tagged `tag` or a phrase
 * labelled `label`; returns its node or -1. */
static int32_t find_below(const builder *b, int32_t k, const char *tag,
                          const char *label)
{
    const wnode *n = &b->w[k];
    for (int32_t i = 0; i < n->nkids; i++) {
        int32_t c = n->kids[i];
        const wnode *cw = &b->w[c];
        if (is_word(cw)) {
            if (tag && strcmp(cw->label, tag) == 0)
                return c;
            continue;
        }
        if (strcmp(cw->label, "SBAR") == 0)
            continue;
        if (label && strcmp(cw->label, label) == 0)
            return c;
        int32_t r = find_below(b, c, tag, label);
        if (r >= 0)
            return r;
    }
    return -1;
}

/* "(NP (NP head) (PP (IN p) (NP obj)) [SBAR])" around the first PP. */
static int pp_reduce(builder *b, int32_t pp)
{
    const wnode *ppn = &b->w[pp];
    const wnode *q = ppn->parent >= 0 ? &b->w[ppn->parent] : NULL;
    if (!q || !is_np(q) || q->nkids < 2 || ppn->nkids < 2)
        return 0;
    if (q->kids[1] != pp || !is_np(&b->w[q->kids[0]]))
        return 0;
    const wnode *p = &b->w[ppn->kids[0]];
    const wnode *obj = &b->w[ppn->kids[1]];
    if (!is_word(p) || strcmp(p->label, "IN") != 0 || !is_np(obj))
        return 0;
    if (find_below(b, ppn->kids[1], NULL, "PP") >= 0)
        return 0;
    wlist words = {0, 0, 0};
    collector col = {NULL, 0, 0};
    collect_words(b, q->kids[0], &words, &col, 0);
    wl_push(b, &words, p->tok);
    collect_words(b, ppn->kids[1], &words, &col, 0);
    if (q->nkids > 2 && strcmp(b->w[q->kids[2]].label, "SBAR") == 0)
        collect_words(b, q->kids[2], &words, &col, 1);
    emit_phrase(b, &words, &col);
    return 1;
}

static void emit_np(builder *b, int32_t k, int depth)
{
    const wnode *n = &b->w[k];
    if (n->nec) {
        wlist conj[64];
        int32_t nc = conjuncts(b, k, conj, 64);
        if (nc > 0) {
            int32_t e = open_nec(b);
            if (e < 0)
                return;
            for (int32_t i = 0; i < nc; i++)
                emit_ne(b, &conj[i], e);
            close_nec(b, e);
            return;
        }
    }
    wlist words = {0, 0, 0};
    collector col = {NULL, 0, 0};
    if (find_below(b, k, "POS", NULL) >= 0) {
        collect_words(b, k, &words, &col, 0);
        emit_phrase(b, &words, &col);
        return;
    }
    int32_t pp = find_below(b, k, NULL, "PP");
    if (pp >= 0) {
        /* "NP of NP" is k's own shape; a PP deeper down ("(NP (NP Yahya
         * Rasool) , (NP (NP the spokesman) (PP for ...)) ,)") belongs to
         * an inner NP, which the structure reaches with the rest of k */
        if (b->w[pp].parent != k || !pp_reduce(b, pp))
            emit_structure(b, k, depth, 1);
        return;
    }
    if (find_below(b, k, NULL, "NP") < 0) {
        collect_words(b, k, &words, &col, 0);
        emit_phrase(b, &words, &col);
        return;
    }
    emit_structure(b, k, depth, 1);
}

static void emit(builder *b, int32_t k, int depth, int flat_sbar)
{
    if (b->failed)
        return;
    if (depth > KBI_MAX_DEPTH) {
        b->failed = 2;
        return;
    }
    const wnode *n = &b->w[k];
    if (is_word(n)) {
        push(b, KBI_IT_WORD, word_of(b, n->tok), n->label, n->tok);
        return;
    }
    if (is_np(n))
        emit_np(b, k, depth);
    else if (flat_sbar && strcmp(n->label, "SBAR") == 0)
        emit_flat(b, k);
    else
        emit_structure(b, k, depth, flat_sbar);
}

kb_status kbi_stream_build(const kbi_sentence *s, kbi_arena *a,
                           kbi_stream *out)
{
    memset(out, 0, sizeof *out);
    out->arena = a;
    builder b = {s, a, NULL, 0, out, 0};
    kb_status st = build_tree(&b);
    if (st != KB_OK)
        return st;
    mark_compounds(&b);
    if (s->nnodes > 0) {
        emit(&b, 0, 0, 0);
    } else {
        for (int32_t t = 0; t < s->ntoks; t++)
            emit(&b, t, 0, 0);
    }
    if (b.failed)
        return b.failed == 2 ? KB_ERR_LIMIT : KB_ERR_NOMEM;
    return KB_OK;
}
