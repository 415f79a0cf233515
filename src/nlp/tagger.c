/* tagger.c - tagger features and inference. See tagger.h.
 *
 * Per sentence: every word is hashed once (form, lower case, prefixes,
 * suffixes, shape), the tag dictionary is consulted, then tokens are tagged
 * left to right. A token's feature hashes are computed together and their
 * table slots prefetched before scoring, so the memory loads overlap. */
#include "tagger.h"

#include <stdlib.h>
#include <string.h>

#include "../base/error.h"

struct kbi_tagger {
    const kbi_tagger_meta *meta;
    const char *labels;       /* nlabels x 32 bytes */
    const uint32_t *feats;    /* feat_slots x {fp, off << 8 | count} */
    const uint32_t *weights;  /* nweights */
    const uint32_t *dict;     /* dict_slots x {fp, class << 8 | label + 1} */
    const uint32_t *lex;      /* lex_slots x {fp, tag set number} */
    uint32_t fmask, dmask, lmask;
    int nlabels;
};

/* ---- hashing (fixed: models depend on it) -------------------------------- */

static uint64_t mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

static uint64_t fnv_step(uint64_t h, unsigned char c)
{
    return (h ^ c) * 1099511628211ULL;
}

#define FNV0 1469598103934665603ULL

static unsigned char lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

enum { F_HYPHEN = 1, F_DIGIT = 2, F_UPPER = 4, F_FIRST_UPPER = 8,
       F_ALL_UPPER = 16, F_NONASCII = 32, F_ALPHA = 64, F_LONG = 128,
       F_SENT_TITLE = 256, F_SENT_UPPER = 512 };

void kbi_tagger_sentence_init(kbi_tagger_word *w, int32_t n)
{
    int32_t alpha = 0, title = 0, upper = 0;
    for (int32_t i = 0; i < n; i++)
        if (w[i].flags & F_ALPHA) {
            alpha++;
            title += (w[i].flags & F_FIRST_UPPER) != 0;
            upper += (w[i].flags & F_ALL_UPPER) != 0;
        }
    uint32_t f = 0;
    if (alpha >= 3 && 10 * upper >= 6 * alpha)
        f = F_SENT_UPPER;
    else if (alpha >= 3 && 10 * title >= 6 * alpha)
        f = F_SENT_TITLE;
    for (int32_t i = 0; i < n; i++)
        w[i].flags |= f;
}

void kbi_tagger_word_init(const char *form, kbi_tagger_word *w)
{
    const unsigned char *s = (const unsigned char *)form;
    size_t n = strlen(form);
    uint64_t hf = FNV0, hl = FNV0, hs = FNV0;
    uint32_t flags = 0;
    int nalpha = 0, nupper = 0;
    unsigned char last = 0;
    int run = 0, slen = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i], sc;
        hf = fnv_step(hf, c);
        hl = fnv_step(hl, lower(c));
        if (i < 3)
            w->pre[i] = hl;
        if (c >= 'A' && c <= 'Z') {
            sc = 'X';
            nalpha++;
            nupper++;
            flags |= F_UPPER;
            if (i == 0)
                flags |= F_FIRST_UPPER;
        } else if (c >= 'a' && c <= 'z') {
            sc = 'x';
            nalpha++;
        } else if (c >= '0' && c <= '9') {
            sc = 'd';
            flags |= F_DIGIT;
        } else if (c >= 0x80) {
            sc = 'u';
            flags |= F_NONASCII;
        } else {
            sc = c;
            if (c == '-')
                flags |= F_HYPHEN;
        }
        run = sc == last ? run + 1 : 1;
        last = sc;
        if (run <= 2 && slen < 12) {
            hs = fnv_step(hs, sc);
            slen++;
        }
    }
    for (size_t i = n; i < 3; i++)
        w->pre[i] = 0;
    for (size_t k = 1; k <= 4; k++) {
        if (k > n) {
            w->suf[k - 1] = 0;
            continue;
        }
        uint64_t h = FNV0 ^ (uint64_t)k;
        for (size_t i = n - k; i < n; i++)
            h = fnv_step(h, lower(s[i]));
        w->suf[k - 1] = h;
    }
    if (nalpha > 0)
        flags |= F_ALPHA;
    if (nalpha > 1 && nupper == nalpha)
        flags |= F_ALL_UPPER;
    if (n > 12)
        flags |= F_LONG;
    w->form = hf;
    w->lower = hl;
    w->shape = hs;
    w->flags = flags;
}

void kbi_tagger_mask_rare(kbi_tagger_word *w, const uint32_t *dict,
                          const uint32_t *ldict, int32_t n)
{
    for (int32_t i = 0; i < n; i++) {
        if ((dict[i] >> 8) == 0)
            w[i].form = 0x72617265666f726dULL;
        if ((ldict[i] >> 8) == 0)
            w[i].lower = 0x726172656c6f7772ULL;
    }
}

uint64_t kbi_tagger_dict_hash(const char *form)
{
    uint64_t h = FNV0;
    for (const unsigned char *s = (const unsigned char *)form; *s; s++)
        h = fnv_step(h, *s);
    return mix(h ^ 0x7461676469637400ULL);
}

uint64_t kbi_tagger_dict_hash_lower(const kbi_tagger_word *w)
{
    return mix(w->lower ^ 0x7461676469637400ULL);
}

static const kbi_tagger_word NONE_WORD = {
    0x1111111111111111ULL, 0x2222222222222222ULL, 0x3333333333333333ULL,
    {0, 0, 0}, {0, 0, 0, 0}, 0xffffffffu};
static const kbi_tagger_word END_WORD = {
    0x4444444444444444ULL, 0x5555555555555555ULL, 0x6666666666666666ULL,
    {0, 0, 0}, {0, 0, 0, 0}, 0xfffffffeu};

#define FEAT(tpl, v) mix(((uint64_t)(tpl) << 56) ^ mix(v))
#define FEAT2(tpl, a, b) mix(((uint64_t)(tpl) << 56) ^ mix(a) ^ (mix(b) * 31))

int kbi_tagger_features(const kbi_tagger_word *w, const uint32_t *dict,
                        const uint32_t *ldict, const uint32_t *lex,
                        int32_t n, int32_t i, int p1, int p2, uint64_t *f)
{
    uint64_t x0 = lex[i];
    uint64_t xm1 = i >= 1 ? lex[i - 1] : 0xffffe;
    uint64_t x1 = i + 1 < n ? lex[i + 1] : 0xfffff;
    uint64_t l0 = ldict[i] >> 8;
    const kbi_tagger_word *c = &w[i];
    const kbi_tagger_word *m1 = i >= 1 ? &w[i - 1] : &NONE_WORD;
    const kbi_tagger_word *m2 = i >= 2 ? &w[i - 2] : &NONE_WORD;
    const kbi_tagger_word *n1 = i + 1 < n ? &w[i + 1] : &END_WORD;
    const kbi_tagger_word *n2 = i + 2 < n ? &w[i + 2] : &END_WORD;
    /* ambiguity classes: 0 unknown word, 0xfffff past the end */
    uint64_t a0 = dict[i] >> 8;
    uint64_t am1 = i >= 1 ? dict[i - 1] >> 8 : 0xffffe;
    uint64_t a1 = i + 1 < n ? dict[i + 1] >> 8 : 0xfffff;
    uint64_t a2 = i + 2 < n ? dict[i + 2] >> 8 : 0xfffff;
    uint64_t t1 = (uint64_t)(p1 + 2), t2 = (uint64_t)(p2 + 2);
    int k = 0;
    f[k++] = FEAT(1, 0);
    f[k++] = FEAT(2, c->form);
    f[k++] = FEAT(3, c->lower);
    for (int j = 0; j < 3; j++)
        if (c->pre[j])
            f[k++] = FEAT(4 + j, c->pre[j]);
    for (int j = 0; j < 4; j++)
        if (c->suf[j])
            f[k++] = FEAT(7 + j, c->suf[j]);
    f[k++] = FEAT(11, c->shape);
    f[k++] = FEAT(12, (uint64_t)c->flags | (uint64_t)(i == 0) << 32);
    f[k++] = FEAT(13, t1);
    f[k++] = FEAT(14, t2);
    f[k++] = FEAT(15, t1 << 16 | t2);
    f[k++] = FEAT2(16, t1, c->lower);
    f[k++] = FEAT(17, m1->lower);
    f[k++] = FEAT(18, m1->suf[2]);
    f[k++] = FEAT(19, m2->lower);
    f[k++] = FEAT(20, n1->lower);
    f[k++] = FEAT(21, n1->suf[2]);
    f[k++] = FEAT(22, n2->lower);
    f[k++] = FEAT2(23, m1->lower, c->lower);
    f[k++] = FEAT2(24, c->lower, n1->lower);
    f[k++] = FEAT(25, n1->shape);
    f[k++] = FEAT(26, m1->shape);
    f[k++] = FEAT2(27, t1, c->suf[2]);
    f[k++] = FEAT2(28, t1, n1->lower);
    f[k++] = FEAT(29, a1);
    f[k++] = FEAT(30, a1 << 24 | a2);
    f[k++] = FEAT2(31, t1, a1);
    f[k++] = FEAT2(32, c->shape, (uint64_t)(i == 0));
    f[k++] = FEAT2(33, m1->form, c->form);
    f[k++] = FEAT(34, n1->suf[0]);
    f[k++] = FEAT2(35, c->suf[1], n1->suf[1]);
    f[k++] = FEAT2(36, t1 << 16 | t2, c->suf[2]);
    f[k++] = FEAT(37, a0);
    f[k++] = FEAT2(38, t1, a0);
    f[k++] = FEAT(39, a0 << 24 | a1);
    f[k++] = FEAT(40, am1 << 24 | a0);
    f[k++] = FEAT2(41, a0 == 0, c->suf[2]);
    f[k++] = FEAT2(42, a0 == 0, c->flags);
    f[k++] = FEAT2(43, t1, c->shape);
    f[k++] = FEAT2(44, l0, c->flags);
    f[k++] = FEAT2(45, l0, t1);
    f[k++] = FEAT2(46, c->flags, n1->flags);
    f[k++] = FEAT(47, x0);
    f[k++] = FEAT2(48, x0, c->flags);
    f[k++] = FEAT2(49, x0, t1);
    f[k++] = FEAT(50, x1);
    f[k++] = FEAT(51, xm1 << 24 | x0);
    f[k++] = FEAT2(52, x0, c->suf[2]);
    return k;
}

/* ---- loading ------------------------------------------------------------- */

static const void *need(const kbi_model *m, const char *name, size_t size,
                        kb_error *err, int *bad)
{
    size_t got;
    const void *p = kbi_model_section(m, name, &got);
    if (*bad)
        return NULL;
    if (!p || got != size) {
        kbi_error_set(err, KB_ERR_SYNTAX, NULL, 0, 0,
                      "tagger model: section %s %s (size %zu, expected %zu)",
                      name, p ? "has the wrong size" : "missing", got, size);
        *bad = 1;
        return NULL;
    }
    return p;
}

static int pow2(uint32_t x)
{
    return x != 0 && (x & (x - 1)) == 0;
}

static int has_empty(const uint32_t *slots, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (slots[2 * i + 1] == 0)
            return 1;
    return 0;
}

kb_status kbi_tagger_load(const kbi_model *m, kbi_tagger **out, kb_error *err)
{
    *out = NULL;
    const uint16_t probe = 1;
    if (*(const unsigned char *)&probe != 1) {
        kbi_error_set(err, KB_ERR_INVALID, NULL, 0, 0,
                      "tagger model: big-endian hosts are not supported");
        return KB_ERR_INVALID;
    }
    int bad = 0;
    const kbi_tagger_meta *meta =
        need(m, "tagger.meta", sizeof *meta, err, &bad);
    if (bad)
        return KB_ERR_SYNTAX;
    if (memcmp(meta->magic, "KBTAGGER", 8) != 0 ||
        meta->format != KBI_TAGGER_FORMAT || meta->nlabels == 0 ||
        meta->nlabels > 255 || !pow2(meta->feat_slots) ||
        !pow2(meta->dict_slots) || !pow2(meta->lex_slots) ||
        meta->lex_slots > (1u << 28) || meta->feat_slots > (1u << 28) ||
        meta->dict_slots > (1u << 28) || meta->nweights > (1u << 24)) {
        kbi_error_set(err, KB_ERR_SYNTAX, NULL, 0, 0,
                      "tagger model: bad tagger.meta (format %u, this build "
                      "reads %u)", meta->format, KBI_TAGGER_FORMAT);
        return KB_ERR_SYNTAX;
    }
    kbi_tagger t = {0};
    t.meta = meta;
    t.nlabels = (int)meta->nlabels;
    t.labels = need(m, "tagger.labels",
                    (size_t)meta->nlabels * 2 * KBI_TAGGER_LABEL_BYTES, err,
                    &bad);
    t.feats = need(m, "tagger.feats", (size_t)meta->feat_slots * 8, err, &bad);
    t.weights = need(m, "tagger.weights", (size_t)meta->nweights * 4, err,
                     &bad);
    t.dict = need(m, "tagger.dict", (size_t)meta->dict_slots * 8, err, &bad);
    t.lex = need(m, "tagger.lex", (size_t)meta->lex_slots * 8, err, &bad);
    if (bad)
        return KB_ERR_SYNTAX;
    const char *why = NULL;
    for (int i = 0; i < t.nlabels && !why; i++) {
        const char *l = t.labels + (size_t)i * 2 * KBI_TAGGER_LABEL_BYTES;
        if (!l[0] || !l[KBI_TAGGER_LABEL_BYTES] ||
            !memchr(l, '\0', KBI_TAGGER_LABEL_BYTES) ||
            !memchr(l + KBI_TAGGER_LABEL_BYTES, '\0', KBI_TAGGER_LABEL_BYTES))
            why = "a label is empty or not NUL-terminated";
    }
    for (uint32_t i = 0; i < meta->feat_slots && !why; i++) {
        uint32_t v = t.feats[2 * i + 1];
        if (v && ((v & 255) == 0 ||
                  (uint64_t)(v >> 8) + (v & 255) > meta->nweights))
            why = "a feature points outside tagger.weights";
    }
    for (uint32_t i = 0; i < meta->nweights && !why; i++)
        if ((t.weights[i] & 255) >= meta->nlabels)
            why = "a weight has a label out of range";
    for (uint32_t i = 0; i < meta->dict_slots && !why; i++)
        if ((t.dict[2 * i + 1] & 255) > meta->nlabels)
            why = "a dictionary entry has a label out of range";
    if (!why && (!has_empty(t.feats, meta->feat_slots) ||
                 !has_empty(t.dict, meta->dict_slots) ||
                 !has_empty(t.lex, meta->lex_slots)))
        why = "a hash table has no empty slot";
    if (why) {
        kbi_error_set(err, KB_ERR_SYNTAX, NULL, 0, 0, "tagger model: %s", why);
        return KB_ERR_SYNTAX;
    }
    t.fmask = meta->feat_slots - 1;
    t.dmask = meta->dict_slots - 1;
    t.lmask = meta->lex_slots - 1;
    kbi_tagger *p = malloc(sizeof *p);
    if (!p) {
        kbi_error_set(err, KB_ERR_NOMEM, NULL, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    *p = t;
    *out = p;
    return KB_OK;
}

void kbi_tagger_free(kbi_tagger *t)
{
    free(t);
}

int kbi_tagger_nlabels(const kbi_tagger *t)
{
    return t->nlabels;
}

void kbi_tagger_label(const kbi_tagger *t, int i, const char **xpos,
                      const char **upos)
{
    const char *l = t->labels + (size_t)i * 2 * KBI_TAGGER_LABEL_BYTES;
    *xpos = l;
    *upos = l + KBI_TAGGER_LABEL_BYTES;
}

/* ---- tagging ------------------------------------------------------------- */

static uint32_t lookup(const uint32_t *slots, uint32_t mask, uint64_t h)
{
    uint32_t fp = (uint32_t)(h >> 32);
    for (uint32_t i = (uint32_t)h & mask;; i = (i + 1) & mask) {
        uint32_t v = slots[2 * i + 1];
        if (v == 0 || slots[2 * i] == fp)
            return v;
    }
}

void kbi_tagger_tag(const kbi_tagger *t, kbi_sentence *s, kbi_arena *a)
{
    int32_t n = s->ntoks;
    if (n <= 0)
        return;
    kbi_tagger_word *w = kbi_arena_alloc(a, (size_t)n * sizeof *w);
    uint32_t *dict = kbi_arena_alloc(a, 3 * (size_t)n * sizeof *dict);
    uint32_t *ldict = dict + n, *lex = dict + 2 * (size_t)n;
    if (!w || !dict) {
        /* no scratch memory: every token gets the first label rather than
         * leaving NULL tags behind */
        for (int32_t i = 0; i < n; i++)
            kbi_tagger_label(t, 0, &s->toks[i].xpos, &s->toks[i].upos);
        return;
    }
    for (int32_t i = 0; i < n; i++) {
        const char *form = s->toks[i].form ? s->toks[i].form : "";
        kbi_tagger_word_init(form, &w[i]);
        dict[i] = lookup(t->dict, t->dmask, kbi_tagger_dict_hash(form));
        ldict[i] = w[i].form == w[i].lower
                       ? dict[i]
                       : lookup(t->dict, t->dmask,
                                kbi_tagger_dict_hash_lower(&w[i]));
        lex[i] = lookup(t->lex, t->lmask, kbi_tagger_dict_hash(form));
        if (lex[i] == 0 && w[i].form != w[i].lower)
            lex[i] = lookup(t->lex, t->lmask,
                            kbi_tagger_dict_hash_lower(&w[i]));
    }
    if (t->meta->mask_rare)
        kbi_tagger_mask_rare(w, dict, ldict, n);
    kbi_tagger_sentence_init(w, n);
    int p1 = -1, p2 = -1;
    uint64_t f[KBI_TAGGER_MAX_FEATS];
    int32_t scores[256];
    for (int32_t i = 0; i < n; i++) {
        int best = (int)(dict[i] & 255) - 1;
        if (best < 0) {
            int nf = kbi_tagger_features(w, dict, ldict, lex, n, i, p1, p2,
                                         f);
            for (int k = 0; k < nf; k++)
                __builtin_prefetch(&t->feats[2 * ((uint32_t)f[k] & t->fmask)]);
            memset(scores, 0, (size_t)t->nlabels * sizeof *scores);
            for (int k = 0; k < nf; k++) {
                uint32_t v = lookup(t->feats, t->fmask, f[k]);
                const uint32_t *e = t->weights + (v >> 8);
                for (uint32_t j = 0, c = v & 255; j < c; j++)
                    scores[e[j] & 255] += (int16_t)(e[j] >> 16);
            }
            best = 0;
            for (int l = 1; l < t->nlabels; l++)
                if (scores[l] > scores[best])
                    best = l;
        }
        kbi_tagger_label(t, best, &s->toks[i].xpos, &s->toks[i].upos);
        p2 = p1;
        p1 = best;
    }
}
