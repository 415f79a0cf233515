/* parser_feat.c - see parser_feat.h. */
#include "parser_feat.h"

#include <string.h>

#include "../base/util.h"

enum { NONE = 1, ROOTW = 2 };

size_t kbi_pstate_size(int32_t n)
{
    size_t m = (size_t)n + 1;
    return m * (10 * sizeof(int32_t) + 4 * sizeof(uint64_t)) + 64;
}

static uint64_t value(const char *s)
{
    if (!s)
        return NONE + 2;
    uint64_t h = kbi_hash(s, strlen(s));
    return h < 16 ? h + 16 : h;
}

void kbi_pstate_init(kbi_pstate *st, const kbi_sentence *s, void *mem)
{
    int32_t n = s->ntoks < 0 ? 0 : s->ntoks;
    size_t m = (size_t)n + 1;
    uint64_t *u = mem;
    st->word = u;
    st->tag = u + m;
    st->lset = u + 2 * m;
    st->rset = u + 3 * m;
    int32_t *p = (int32_t *)(u + 4 * m);
    st->stack = p;
    st->head = p + m;
    st->label = p + 2 * m;
    st->lc1 = p + 3 * m;
    st->lc2 = p + 4 * m;
    st->rc1 = p + 5 * m;
    st->rc2 = p + 6 * m;
    st->nl = p + 7 * m;
    st->nr = p + 8 * m;
    st->n = n;
    st->sp = 0;
    st->b = 0;
    for (size_t i = 0; i < m; i++) {
        st->lset[i] = st->rset[i] = 0;
        st->head[i] = st->label[i] = -1;
        st->lc1[i] = st->lc2[i] = st->rc1[i] = st->rc2[i] = -1;
        st->nl[i] = st->nr[i] = 0;
    }
    for (int32_t i = 0; i < n; i++) {
        const kbi_token *t = &s->toks[i];
        st->word[i] = value(t->upper ? t->upper : t->form);
        st->tag[i] = value(t->xpos);
    }
    st->word[n] = ROOTW;
    st->tag[n] = ROOTW;
}

int kbi_pstate_can(const kbi_pstate *st, int m)
{
    switch (m) {
    case KBI_PARSER_SHIFT:
        return st->b < st->n;
    case KBI_PARSER_REDUCE:
        return st->sp > 0 && st->head[st->stack[st->sp - 1]] >= 0;
    case KBI_PARSER_LA:
        return st->sp > 0 && st->head[st->stack[st->sp - 1]] < 0;
    default:
        return st->sp > 0 && st->b < st->n;
    }
}

static void attach(kbi_pstate *st, int32_t h, int32_t d, int32_t l)
{
    st->head[d] = h;
    st->label[d] = l;
    uint64_t bit = (uint64_t)1 << (l & 63);
    if (d < h) { /* arc-eager adds left children right to left */
        st->lc2[h] = st->lc1[h];
        st->lc1[h] = d;
        st->nl[h]++;
        st->lset[h] |= bit;
    } else { /* ... and right children left to right */
        st->rc2[h] = st->rc1[h];
        st->rc1[h] = d;
        st->nr[h]++;
        st->rset[h] |= bit;
    }
}

void kbi_pstate_apply(kbi_pstate *st, int c, int nlabels)
{
    int m = kbi_parser_move(c, nlabels);
    switch (m) {
    case KBI_PARSER_SHIFT:
        st->stack[st->sp++] = st->b++;
        break;
    case KBI_PARSER_REDUCE:
        st->sp--;
        break;
    case KBI_PARSER_LA:
        attach(st, st->b, st->stack[--st->sp], c - 2);
        break;
    default:
        attach(st, st->stack[st->sp - 1], st->b, c - 2 - nlabels);
        st->stack[st->sp++] = st->b++;
        break;
    }
}

/* ---- features ------------------------------------------------------------ */

static inline uint64_t mix(uint64_t h, uint64_t v)
{
    h = (h ^ v) * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 29);
}

static inline uint64_t fin(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h ? h : 1;
}

static inline uint64_t f1(int t, uint64_t a)
{
    return fin(mix((uint64_t)t * 0x2545f4914f6cdd1dULL, a));
}
static inline uint64_t f2(int t, uint64_t a, uint64_t b)
{
    return fin(mix(mix((uint64_t)t * 0x2545f4914f6cdd1dULL, a), b));
}
static inline uint64_t f3(int t, uint64_t a, uint64_t b, uint64_t c)
{
    return fin(mix(mix(mix((uint64_t)t * 0x2545f4914f6cdd1dULL, a), b), c));
}
static inline uint64_t f4(int t, uint64_t a, uint64_t b, uint64_t c,
                          uint64_t d)
{
    return fin(mix(
        mix(mix(mix((uint64_t)t * 0x2545f4914f6cdd1dULL, a), b), c), d));
}

static uint64_t dist_bucket(int32_t d)
{
    if (d < 0)
        return NONE;
    if (d <= 4)
        return (uint64_t)d + 10;
    if (d <= 6)
        return 20;
    if (d <= 9)
        return 21;
    if (d <= 15)
        return 22;
    return 23;
}

void kbi_parser_features(const kbi_pstate *st, uint64_t *k)
{
    int32_t n = st->n;
    int32_t s0 = st->sp > 0 ? st->stack[st->sp - 1] : -1;
    int32_t s1 = st->sp > 1 ? st->stack[st->sp - 2] : -1;
    int32_t n0 = st->b <= n ? st->b : -1;
    int32_t n1 = n0 >= 0 && n0 + 1 <= n ? n0 + 1 : -1;
    int32_t n2 = n1 >= 0 && n1 + 1 <= n ? n1 + 1 : -1;
    int32_t s0h = s0 >= 0 ? st->head[s0] : -1;
    int32_t s0h2 = s0h >= 0 && s0h < n ? st->head[s0h] : -1;
    int32_t s0l = s0 >= 0 ? st->lc1[s0] : -1;
    int32_t s0l2 = s0 >= 0 ? st->lc2[s0] : -1;
    int32_t s0r = s0 >= 0 ? st->rc1[s0] : -1;
    int32_t s0r2 = s0 >= 0 ? st->rc2[s0] : -1;
    int32_t n0l = n0 >= 0 ? st->lc1[n0] : -1;
    int32_t n0l2 = n0 >= 0 ? st->lc2[n0] : -1;
#define W(x) ((x) >= 0 ? st->word[x] : (uint64_t)NONE)
#define P(x) ((x) >= 0 ? st->tag[x] : (uint64_t)NONE)
#define L(x) ((x) >= 0 && st->label[x] >= 0 ? (uint64_t)st->label[x] + 3 \
                                             : (uint64_t)NONE)
    uint64_t s0w = W(s0), s0p = P(s0), n0w = W(n0), n0p = P(n0);
    uint64_t n1w = W(n1), n1p = P(n1), n2w = W(n2), n2p = P(n2);
    uint64_t d = s0 >= 0 && n0 >= 0 ? dist_bucket(n0 - s0) : NONE;
    uint64_t s0vl = s0 >= 0 ? (uint64_t)st->nl[s0] : NONE;
    uint64_t s0vr = s0 >= 0 ? (uint64_t)st->nr[s0] : NONE;
    uint64_t n0vl = n0 >= 0 ? (uint64_t)st->nl[n0] : NONE;
    uint64_t s0sl = s0 >= 0 ? st->lset[s0] : NONE;
    uint64_t s0sr = s0 >= 0 ? st->rset[s0] : NONE;
    uint64_t n0sl = n0 >= 0 ? st->lset[n0] : NONE;
    int i = 0;
    k[i++] = f1(0, 0); /* bias */
    /* single words */
    k[i++] = f2(1, s0w, s0p);
    k[i++] = f1(2, s0w);
    k[i++] = f1(3, s0p);
    k[i++] = f2(4, n0w, n0p);
    k[i++] = f1(5, n0w);
    k[i++] = f1(6, n0p);
    k[i++] = f2(7, n1w, n1p);
    k[i++] = f1(8, n1w);
    k[i++] = f1(9, n1p);
    k[i++] = f2(10, n2w, n2p);
    k[i++] = f1(11, n2w);
    k[i++] = f1(12, n2p);
    /* word pairs */
    k[i++] = f4(13, s0w, s0p, n0w, n0p);
    k[i++] = f3(14, s0w, s0p, n0w);
    k[i++] = f3(15, s0w, n0w, n0p);
    k[i++] = f3(16, s0w, s0p, n0p);
    k[i++] = f3(17, s0p, n0w, n0p);
    k[i++] = f2(18, s0w, n0w);
    k[i++] = f2(19, s0p, n0p);
    k[i++] = f2(20, n0p, n1p);
    /* three words */
    k[i++] = f3(21, n0p, n1p, n2p);
    k[i++] = f3(22, s0p, n0p, n1p);
    k[i++] = f3(23, P(s0h), s0p, n0p);
    k[i++] = f3(24, s0p, P(s0l), n0p);
    k[i++] = f3(25, s0p, P(s0r), n0p);
    k[i++] = f3(26, s0p, n0p, P(n0l));
    /* distance */
    k[i++] = f2(27, s0w, d);
    k[i++] = f2(28, s0p, d);
    k[i++] = f2(29, n0w, d);
    k[i++] = f2(30, n0p, d);
    k[i++] = f3(31, s0w, n0w, d);
    k[i++] = f3(32, s0p, n0p, d);
    /* valency */
    k[i++] = f2(33, s0w, s0vr);
    k[i++] = f2(34, s0p, s0vr);
    k[i++] = f2(35, s0w, s0vl);
    k[i++] = f2(36, s0p, s0vl);
    k[i++] = f2(37, n0w, n0vl);
    k[i++] = f2(38, n0p, n0vl);
    /* unigrams of heads and children */
    k[i++] = f1(39, W(s0h));
    k[i++] = f1(40, P(s0h));
    k[i++] = f1(41, L(s0));
    k[i++] = f1(42, W(s0l));
    k[i++] = f1(43, P(s0l));
    k[i++] = f1(44, L(s0l));
    k[i++] = f1(45, W(s0r));
    k[i++] = f1(46, P(s0r));
    k[i++] = f1(47, L(s0r));
    k[i++] = f1(48, W(n0l));
    k[i++] = f1(49, P(n0l));
    k[i++] = f1(50, L(n0l));
    /* third order */
    k[i++] = f1(51, W(s0h2));
    k[i++] = f1(52, P(s0h2));
    k[i++] = f1(53, L(s0h));
    k[i++] = f1(54, W(s0l2));
    k[i++] = f1(55, P(s0l2));
    k[i++] = f1(56, L(s0l2));
    k[i++] = f1(57, W(s0r2));
    k[i++] = f1(58, P(s0r2));
    k[i++] = f1(59, L(s0r2));
    k[i++] = f1(60, W(n0l2));
    k[i++] = f1(61, P(n0l2));
    k[i++] = f1(62, L(n0l2));
    k[i++] = f3(63, s0p, P(s0l), P(s0l2));
    k[i++] = f3(64, s0p, P(s0r), P(s0r2));
    k[i++] = f3(65, s0p, P(s0h), P(s0h2));
    k[i++] = f3(66, n0p, P(n0l), P(n0l2));
    /* label sets */
    k[i++] = f2(67, s0w, s0sr);
    k[i++] = f2(68, s0p, s0sr);
    k[i++] = f2(69, s0w, s0sl);
    k[i++] = f2(70, s0p, s0sl);
    k[i++] = f2(71, n0w, n0sl);
    k[i++] = f2(72, n0p, n0sl);
    /* the second stack item */
    k[i++] = f3(73, P(s1), s0p, n0p);
    k[i++] = f2(74, W(s1), s0w);
    k[i++] = f3(75, P(s1), L(s0), s0p);
#undef W
#undef P
#undef L
}

/* ---- scoring ------------------------------------------------------------- */

/* Adds with wrap-around instead of overflow: a valid model cannot come
 * near the limits, a corrupt one must not be undefined behaviour. */
static inline void add_w(int32_t *s, int32_t w)
{
    *s = (int32_t)((uint32_t)*s + (uint32_t)w);
}

void kbi_parser_score(const kbi_parser *p, const uint64_t *keys, int nkeys,
                      int32_t *scores)
{
    uint32_t ns = p->nslots, pos[KBI_PARSER_NFEATS];
    uint32_t row = KBI_PARSER_ROW(p->nclasses);
    uint32_t ooff[KBI_PARSER_NFEATS], ocnt[KBI_PARSER_NFEATS];
    uint32_t dense[KBI_PARSER_NFEATS];
    int nover = 0, ndense = 0;
    if (nkeys > KBI_PARSER_NFEATS)
        nkeys = KBI_PARSER_NFEATS;
    /* passes so that the cache misses of all features overlap */
    for (int i = 0; i < nkeys; i++) {
        pos[i] = kbi_parser_slot_of(keys[i], ns);
        __builtin_prefetch(&p->slots[pos[i]]);
    }
    for (int i = 0; i < nkeys; i++) {
        uint32_t j = pos[i], fp = kbi_parser_fp(keys[i]);
        for (uint32_t probe = 0; probe <= p->max_probe; probe++) {
            const kbi_parser_slot *sl = &p->slots[j];
            if (sl->fp == fp) {
                const uint32_t *w = sl->w;
                if ((w[0] >> 24) < 254) {
                    add_w(&scores[w[0] >> 24], (int16_t)(uint16_t)(w[0] & 0xffff));
                    add_w(&scores[w[1] >> 24], (int16_t)(uint16_t)(w[1] & 0xffff));
                    add_w(&scores[w[2] >> 24], (int16_t)(uint16_t)(w[2] & 0xffff));
                } else {
                    uint32_t off = w[0] & 0xffffff;
                    uint32_t cnt = (w[0] >> 24) == 255 ? w[1] : 0;
                    if ((w[0] >> 24) == 254 && off <= p->nweights &&
                        row / 2 <= p->nweights - off) {
                        dense[ndense++] = off;
                        for (uint32_t c = 0; c < row / 2; c += 16)
                            __builtin_prefetch(p->weights + off + c);
                    } else if (off <= p->nweights &&
                               cnt <= p->nweights - off) {
                        ooff[nover] = off;
                        ocnt[nover++] = cnt;
                        __builtin_prefetch(p->weights + off);
                    }
                }
                break;
            }
            if (sl->fp == 0)
                break;
            if (++j == ns)
                j = 0;
        }
    }
    for (int i = 0; i < ndense; i++) {
        const int16_t *r = (const int16_t *)(const void *)(p->weights +
                                                           dense[i]);
        for (uint32_t c = 0; c < row; c += 16)
            for (uint32_t k = 0; k < 16; k++)
                add_w(&scores[c + k], r[c + k]);
    }
    for (int i = 0; i < nover; i++) {
        const uint32_t *w = p->weights + ooff[i];
        for (uint32_t e = 0; e < ocnt[i]; e++)
            add_w(&scores[w[e] >> 24], (int16_t)(uint16_t)(w[e] & 0xffff));
    }
}

/* ---- the greedy parse ---------------------------------------------------- */

void kbi_parser_run(const kbi_parser *p, kbi_pstate *st)
{
    int nl = (int)p->nlabels, nc = (int)p->nclasses;
    uint64_t keys[KBI_PARSER_NFEATS];
    int32_t scores[256];
    while (!kbi_pstate_done(st)) {
        int can[4];
        for (int m = 0; m < 4; m++)
            can[m] = kbi_pstate_can(st, m);
        int best = -1;
        if (can[KBI_PARSER_SHIFT] + can[KBI_PARSER_REDUCE] +
                can[KBI_PARSER_LA] + can[KBI_PARSER_RA] == 1 &&
            !can[KBI_PARSER_LA] && !can[KBI_PARSER_RA]) {
            best = can[KBI_PARSER_SHIFT] ? KBI_PARSER_SHIFT
                                         : KBI_PARSER_REDUCE;
        } else {
            kbi_parser_features(st, keys);
            memset(scores, 0,
                   KBI_PARSER_ROW(p->nclasses) * sizeof *scores);
            kbi_parser_score(p, keys, KBI_PARSER_NFEATS, scores);
            int64_t bs = 0;
            for (int c = 0; c < nc; c++) {
                if (!can[kbi_parser_move(c, nl)])
                    continue;
                if (best < 0 || scores[c] > bs) {
                    best = c;
                    bs = scores[c];
                }
            }
        }
        if (best < 0) /* no labels in the model: cannot attach */
            break;
        kbi_pstate_apply(st, best, nl);
    }
}

void kbi_parser_fix_root(const kbi_parser *p, kbi_pstate *st)
{
    int32_t n = st->n, root = -1;
    /* the first token attached to the root with label root, else the first
     * attached to the root, else the first headless one */
    for (int32_t i = 0; i < n && root < 0; i++)
        if (st->head[i] == n && st->label[i] == p->root_label)
            root = i;
    for (int32_t i = 0; i < n && root < 0; i++)
        if (st->head[i] == n)
            root = i;
    for (int32_t i = 0; i < n && root < 0; i++)
        if (st->head[i] < 0)
            root = i;
    for (int32_t i = 0; i < n; i++) {
        if (i == root) {
            st->head[i] = n;
            st->label[i] = p->root_label;
        } else if (st->head[i] < 0 || st->head[i] == n) {
            st->head[i] = root;
            if (st->label[i] < 0 || st->label[i] == p->root_label)
                st->label[i] = p->dep_label;
        }
    }
}
