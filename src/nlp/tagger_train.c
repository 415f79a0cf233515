/* tagger_train.c - averaged perceptron training for the tagger (tagger.h).
 *
 * Labels are the distinct "XPOS UPOS" pairs of the training data, sorted.
 * Frequent words seen (almost) always with one label form the tag
 * dictionary; they are tagged from it and never scored. Every other token
 * is scored with the features of kbi_tagger_features, the previous labels
 * being the predicted ones, and a wrong guess moves the weights of its
 * features (+1 gold, -1 guess). Weights are averaged lazily (each entry
 * remembers when it last changed). Sentences are shuffled every epoch with
 * a fixed-seed generator, so a run is reproducible. At the end the averaged
 * weights are quantised to int16, small ones are pruned, and the tables
 * described in tagger.h are built. */
#include "tagger.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../base/error.h"

/* ---- labels -------------------------------------------------------------- */

typedef struct labelset {
    char name[255][2 * KBI_TAGGER_LABEL_BYTES];
    int n;
} labelset;

static int label_find(const labelset *L, const char *xpos, const char *upos)
{
    for (int i = 0; i < L->n; i++)
        if (strcmp(L->name[i], xpos) == 0 &&
            strcmp(L->name[i] + KBI_TAGGER_LABEL_BYTES, upos) == 0)
            return i;
    return -1;
}

static int tag_ok(const char *s)
{
    return s && *s && strlen(s) < KBI_TAGGER_LABEL_BYTES;
}

static int sent_ok(const kbi_sentence *s)
{
    for (int32_t i = 0; i < s->ntoks; i++)
        if (!s->toks[i].form || !tag_ok(s->toks[i].xpos) ||
            !tag_ok(s->toks[i].upos))
            return 0;
    return s->ntoks > 0;
}

static int cmp_label(const void *a, const void *b)
{
    return memcmp(a, b, 2 * KBI_TAGGER_LABEL_BYTES);
}

/* ---- u64 -> int32 map ------------------------------------------------------ */

typedef struct map64 {
    uint64_t *keys;
    int32_t *vals;
    size_t cap, n;
} map64;

static uint64_t key_of(uint64_t h)
{
    return h ? h : 1;
}

static int32_t map_get(const map64 *m, uint64_t h)
{
    if (!m->cap)
        return -1;
    uint64_t k = key_of(h);
    for (size_t i = (size_t)(k & (m->cap - 1));; i = (i + 1) & (m->cap - 1)) {
        if (m->keys[i] == k)
            return m->vals[i];
        if (m->keys[i] == 0)
            return -1;
    }
}

static int map_put(map64 *m, uint64_t h, int32_t v)
{
    if (2 * (m->n + 1) > m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 1024;
        uint64_t *keys = calloc(cap, sizeof *keys);
        int32_t *vals = calloc(cap, sizeof *vals);
        if (!keys || !vals) {
            free(keys);
            free(vals);
            return 0;
        }
        for (size_t i = 0; i < m->cap; i++)
            if (m->keys[i]) {
                size_t j = (size_t)(m->keys[i] & (cap - 1));
                while (keys[j])
                    j = (j + 1) & (cap - 1);
                keys[j] = m->keys[i];
                vals[j] = m->vals[i];
            }
        free(m->keys);
        free(m->vals);
        m->keys = keys;
        m->vals = vals;
        m->cap = cap;
    }
    uint64_t k = key_of(h);
    size_t i = (size_t)(k & (m->cap - 1));
    while (m->keys[i] && m->keys[i] != k)
        i = (i + 1) & (m->cap - 1);
    if (!m->keys[i])
        m->n++;
    m->keys[i] = k;
    m->vals[i] = v;
    return 1;
}

static void map_free(map64 *m)
{
    free(m->keys);
    free(m->vals);
}

/* ---- weights ------------------------------------------------------------- */

typedef struct entry {
    int32_t next;
    int32_t label;
    int32_t ts;   /* step of the last change */
    float w;
    double tot;   /* sum of w over steps up to ts */
} entry;

typedef struct model {
    map64 fmap;           /* feature hash -> feature index */
    uint64_t *fhash;      /* feature index -> hash */
    int32_t *head;        /* feature index -> first entry */
    size_t nfeat, featcap;
    entry *e;
    size_t ne, ecap;
    int32_t now;
    int nomem;
} model;

static int32_t feat_add(model *m, uint64_t h)
{
    if (m->nfeat == m->featcap) {
        size_t cap = m->featcap ? 2 * m->featcap : 4096;
        int32_t *nh = realloc(m->head, cap * sizeof *nh);
        if (nh)
            m->head = nh;
        uint64_t *nf = realloc(m->fhash, cap * sizeof *nf);
        if (nf)
            m->fhash = nf;
        if (!nh || !nf) {
            m->nomem = 1;
            return -1;
        }
        m->featcap = cap;
    }
    int32_t id = (int32_t)m->nfeat;
    if (!map_put(&m->fmap, h, id)) {
        m->nomem = 1;
        return -1;
    }
    m->head[m->nfeat] = -1;
    m->fhash[m->nfeat++] = h;
    return id;
}

static void update(model *m, int32_t fid, int label, float delta)
{
    int32_t j = m->head[fid];
    while (j >= 0 && m->e[j].label != label)
        j = m->e[j].next;
    if (j < 0) {
        if (m->ne == m->ecap) {
            size_t cap = m->ecap ? 2 * m->ecap : 65536;
            entry *ne = realloc(m->e, cap * sizeof *ne);
            if (!ne) {
                m->nomem = 1;
                return;
            }
            m->e = ne;
            m->ecap = cap;
        }
        j = (int32_t)m->ne++;
        entry *x = &m->e[j];
        x->next = m->head[fid];
        x->label = label;
        x->ts = m->now;
        x->w = 0;
        x->tot = 0;
        m->head[fid] = j;
    }
    entry *x = &m->e[j];
    x->tot += (double)(m->now - x->ts) * x->w;
    x->ts = m->now;
    x->w += delta;
}

static double averaged(const model *m, const entry *x)
{
    double tot = x->tot + (double)(m->now - x->ts) * x->w;
    return m->now > 0 ? tot / m->now : 0;
}

/* ---- prepared sentences ----------------------------------------------------- */

typedef struct prepared {
    kbi_tagger_word *w;
    int *gold;   /* label index, -1 when unknown (dev only) */
    uint32_t *dict, *ldict, *lex;
    const kbi_sentence *src;
    int32_t n;
} prepared;

typedef struct trainer {
    labelset L;
    map64 dict;      /* dict hash -> class << 8 | fixed label + 1 */
    map64 words;     /* dict hash -> word index into cnt */
    int32_t *cnt;    /* label counts of each training word */
    map64 classes;   /* label-set hash -> class number */
    map64 lex;       /* dict hash -> lexicon tag-set number */
    map64 lexsets;   /* tag-set hash -> number */
    model m;
    const kbi_tagger_options *o;
} trainer;

static uint32_t class_of(trainer *T, int32_t id, int exclude);

static int prepare(trainer *T, const kbi_sentence *s, prepared *p,
                   int leave_out)
{
    p->src = s;
    p->n = s->ntoks;
    size_t n = (size_t)s->ntoks;
    p->w = malloc(n * sizeof *p->w);
    p->gold = malloc(n * sizeof *p->gold);
    p->dict = malloc(n * sizeof *p->dict);
    p->ldict = malloc(n * sizeof *p->ldict);
    p->lex = malloc(n * sizeof *p->lex);
    if (!p->w || !p->gold || !p->dict || !p->ldict || !p->lex)
        return 0;
    for (size_t i = 0; i < n; i++) {
        const kbi_token *t = &s->toks[i];
        kbi_tagger_word_init(t->form ? t->form : "", &p->w[i]);
        p->gold[i] = t->xpos && t->upos ? label_find(&T->L, t->xpos, t->upos)
                                        : -1;
        uint64_t h = kbi_tagger_dict_hash(t->form ? t->form : "");
        int32_t v = map_get(&T->dict, h);
        p->dict[i] = v < 0 ? 0 : (uint32_t)v;
        int32_t id;
        if (leave_out && p->gold[i] >= 0 && (id = map_get(&T->words, h)) >= 0) {
            p->dict[i] = (p->dict[i] & 255) | class_of(T, id, p->gold[i]) << 8;
        }
        p->ldict[i] = p->dict[i];
        if (p->w[i].form != p->w[i].lower) {
            h = kbi_tagger_dict_hash_lower(&p->w[i]);
            v = map_get(&T->dict, h);
            p->ldict[i] = v < 0 ? 0 : (uint32_t)v;
        }
        v = map_get(&T->lex, kbi_tagger_dict_hash(t->form ? t->form : ""));
        if (v < 0 && p->w[i].form != p->w[i].lower)
            v = map_get(&T->lex, kbi_tagger_dict_hash_lower(&p->w[i]));
        p->lex[i] = v < 0 ? 0 : (uint32_t)v;
    }
    if (T->o->mask_rare)
        kbi_tagger_mask_rare(p->w, p->dict, p->ldict, p->n);
    kbi_tagger_sentence_init(p->w, p->n);
    return 1;
}

static void unprepare(prepared *p)
{
    free(p->w);
    free(p->gold);
    free(p->dict);
    free(p->ldict);
    free(p->lex);
}

/* Scores token i; fills f/ids (feature hashes and indices, -1 if absent). */
static int predict(const trainer *T, const prepared *p, int32_t i, int p1,
                   int p2, int avg, uint64_t *f, int32_t *ids, int *nf)
{
    const model *m = &T->m;
    double scores[255];
    *nf = kbi_tagger_features(p->w, p->dict, p->ldict, p->lex, p->n, i,
                              p1, p2, f);
    for (int l = 0; l < T->L.n; l++)
        scores[l] = 0;
    for (int k = 0; k < *nf; k++) {
        ids[k] = map_get(&m->fmap, f[k]);
        for (int32_t j = ids[k] >= 0 ? m->head[ids[k]] : -1; j >= 0;
             j = m->e[j].next)
            scores[m->e[j].label] += avg ? averaged(m, &m->e[j]) : m->e[j].w;
    }
    int best = 0;
    for (int l = 1; l < T->L.n; l++)
        if (scores[l] > scores[best])
            best = l;
    return best;
}

typedef struct counts {
    size_t n, xpos, upos, both;
} counts;

/* Tags p (greedy); trains when `learn`. */
static void run(trainer *T, const prepared *p, int learn, int avg, counts *c)
{
    uint64_t f[KBI_TAGGER_MAX_FEATS];
    int32_t ids[KBI_TAGGER_MAX_FEATS];
    int p1 = -1, p2 = -1;
    for (int32_t i = 0; i < p->n; i++) {
        int guess = (int)(p->dict[i] & 255) - 1;
        if (guess < 0) {
            int nf;
            guess = predict(T, p, i, p1, p2, avg, f, ids, &nf);
            if (learn) {
                T->m.now++;
                int gold = p->gold[i];
                if (guess != gold)
                    for (int k = 0; k < nf; k++) {
                        int32_t id = ids[k] >= 0 ? ids[k] : feat_add(&T->m, f[k]);
                        if (id < 0)
                            return;
                        update(&T->m, id, gold, 1.0f);
                        update(&T->m, id, guess, -1.0f);
                    }
                /* continue from the prediction, as at tagging time */
            }
        }
        const kbi_token *t = &p->src->toks[i];
        const char *gx = T->L.name[guess];
        const char *gu = gx + KBI_TAGGER_LABEL_BYTES;
        int okx = t->xpos && strcmp(gx, t->xpos) == 0;
        int oku = t->upos && strcmp(gu, t->upos) == 0;
        c->n++;
        c->xpos += (size_t)okx;
        c->upos += (size_t)oku;
        c->both += (size_t)(okx && oku);
        p2 = p1;
        p1 = guess;
    }
}

/* ---- the tag dictionary --------------------------------------------------- */

/* The ambiguity class of word `id` (labels with at least 5% of its
 * occurrences), numbered in order of first appearance; 0 for words seen
 * fewer than 3 times, which look like unknown words at tagging time.
 * `exclude` (a label, or -1) leaves one occurrence out: training tokens get
 * the class their word would have without them, as unseen text would. */
static uint32_t class_of(trainer *T, int32_t id, int exclude)
{
    const int32_t *c = T->cnt + (size_t)id * (size_t)T->L.n;
    int32_t total = 0;
    for (int l = 0; l < T->L.n; l++)
        total += c[l] - (l == exclude);
    if (total < 3)
        return 0;
    uint64_t h = 0x636c617373ULL;
    for (int l = 0; l < T->L.n; l++) {
        int32_t cl = c[l] - (l == exclude);
        if (cl > 0 && 20 * cl >= total)
            h = (h ^ (uint64_t)(l + 1)) * 0x100000001b3ULL;
    }
    int32_t cls = map_get(&T->classes, h);
    if (cls < 0) {
        cls = (int32_t)T->classes.n + 1;
        if (!map_put(&T->classes, h, cls))
            T->m.nomem = 1;
    }
    return (uint32_t)cls;
}

static int build_dict(trainer *T, const kbi_sentence *s, size_t n)
{
    map64 *words = &T->words;
    uint64_t *hashes = NULL;
    size_t nw = 0, cap = 0;
    int ok = 1;
    for (size_t k = 0; k < n && ok; k++) {
        if (!sent_ok(&s[k]))
            continue;
        for (int32_t i = 0; i < s[k].ntoks && ok; i++) {
            const kbi_token *t = &s[k].toks[i];
            uint64_t h = kbi_tagger_dict_hash(t->form);
            int32_t id = map_get(words, h);
            if (id < 0) {
                if (nw == cap) {
                    cap = cap ? 2 * cap : 4096;
                    int32_t *nc = realloc(T->cnt, cap * (size_t)T->L.n *
                                                      sizeof *nc);
                    uint64_t *nh = realloc(hashes, cap * sizeof *nh);
                    if (nc)
                        T->cnt = nc;
                    if (nh)
                        hashes = nh;
                    if (!nc || !nh) {
                        ok = 0;
                        break;
                    }
                }
                id = (int32_t)nw++;
                memset(T->cnt + (size_t)id * T->L.n, 0,
                       (size_t)T->L.n * sizeof *T->cnt);
                hashes[id] = h;
                ok = map_put(words, h, id);
            }
            T->cnt[(size_t)id * T->L.n + label_find(&T->L, t->xpos, t->upos)]++;
        }
    }
    for (size_t id = 0; id < nw && ok; id++) {
        const int32_t *c = T->cnt + id * (size_t)T->L.n;
        int32_t total = 0, best = 0;
        for (int l = 0; l < T->L.n; l++) {
            total += c[l];
            if (c[l] > c[best])
                best = l;
        }
        uint32_t v = class_of(T, (int32_t)id, -1) << 8;
        if (total >= T->o->dict_min_count &&
            c[best] >= T->o->dict_min_ratio * total)
            v |= (uint32_t)best + 1;
        if (v)
            ok = map_put(&T->dict, hashes[id], (int32_t)v);
    }
    free(hashes);
    return ok && !T->m.nomem;
}

/* ---- the external lexicon ------------------------------------------------ */

/* Festival POSLEX: lines ("word" ((tag logprob) (tag logprob) ...) () ).
 * A word's tag set is the tags within a factor of 20 of its most likely
 * one; sets are numbered in order of first appearance in the file. */
static kb_status read_lexicon(trainer *T, const char *path, FILE *log)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return KB_ERR_IO;
    char line[4096];
    size_t words = 0;
    while (fgets(line, sizeof line, f)) {
        char *p = line;
        if (p[0] != '(' || p[1] != '"')
            continue;
        p += 2;
        char word[1024];
        size_t n = 0;
        while (*p && *p != '"' && n + 1 < sizeof word) {
            if (*p == '\\' && p[1])
                p++;
            word[n++] = *p++;
        }
        word[n] = '\0';
        if (*p != '"' || n == 0)
            continue;
        p++;
        char tags[16][16];
        double lp[16], best = -1e9;
        int nt = 0;
        char *q = p;
        while (nt < 16 && (q = strchr(q, '(')) != NULL) {
            char tag[16];
            double v;
            if (sscanf(q, "(%15[^ ()] %lf)", tag, &v) == 2) {
                strcpy(tags[nt], tag);
                lp[nt++] = v;
                if (v > best)
                    best = v;
            }
            q++;
        }
        if (nt == 0)
            continue;
        uint64_t h = 0x6c6578ULL;
        for (int k = 0; k < nt; k++)
            if (lp[k] >= best - 3.0) {
                for (const char *c = tags[k]; *c; c++)
                    h = (h ^ (unsigned char)*c) * 0x100000001b3ULL;
                h = (h ^ ',') * 0x100000001b3ULL;
            }
        int32_t id = map_get(&T->lexsets, h);
        if (id < 0) {
            id = (int32_t)T->lexsets.n + 1;
            if (!map_put(&T->lexsets, h, id))
                break;
        }
        if (!map_put(&T->lex, kbi_tagger_dict_hash(word), id))
            break;
        words++;
    }
    fclose(f);
    if (log)
        fprintf(log, "tagger: lexicon %s: %zu words in %zu tag sets\n", path,
                words, T->lexsets.n);
    return KB_OK;
}

/* ---- output ------------------------------------------------------------- */

static uint32_t table_size(size_t n)
{
    uint32_t s = 16;
    while (s < n + n / 2 + 1)
        s *= 2;
    return s;
}

static void slot_put(uint32_t *slots, uint32_t mask, uint64_t h, uint32_t v)
{
    uint32_t i = (uint32_t)h & mask;
    while (slots[2 * i + 1])
        i = (i + 1) & mask;
    slots[2 * i] = (uint32_t)(h >> 32);
    slots[2 * i + 1] = v;
}

typedef struct wl {
    int label;
    double w;
} wl;

static int cmp_wl(const void *a, const void *b)
{
    return ((const wl *)a)->label - ((const wl *)b)->label;
}

static kb_status save(trainer *T, kbi_model_writer *wr, FILE *log)
{
    model *m = &T->m;
    double maxw = 0;
    for (size_t j = 0; j < m->ne; j++) {
        double a = fabs(averaged(m, &m->e[j]));
        if (a > maxw)
            maxw = a;
    }
    double scale = maxw > 0 ? 32767.0 / maxw : 1.0;
    double cut = T->o->prune;
    /* keep features with at least one surviving weight */
    uint32_t *weights = malloc((m->ne + 1) * sizeof *weights);
    uint32_t *foff = malloc((m->nfeat + 1) * sizeof *foff);
    uint32_t *fcnt = malloc((m->nfeat + 1) * sizeof *fcnt);
    wl *tmp = malloc(256 * sizeof *tmp);
    if (!weights || !foff || !fcnt || !tmp) {
        free(weights);
        free(foff);
        free(fcnt);
        free(tmp);
        return KB_ERR_NOMEM;
    }
    size_t nw = 0, kept = 0;
    for (size_t fi = 0; fi < m->nfeat; fi++) {
        int k = 0;
        for (int32_t j = m->head[fi]; j >= 0; j = m->e[j].next) {
            double a = averaged(m, &m->e[j]);
            long q = lround(a * scale);
            if (fabs(a) < cut || q == 0)
                continue;
            tmp[k].label = m->e[j].label;
            tmp[k++].w = (double)q;
        }
        foff[fi] = (uint32_t)nw;
        fcnt[fi] = (uint32_t)k;
        if (!k)
            continue;
        kept++;
        qsort(tmp, (size_t)k, sizeof *tmp, cmp_wl);
        for (int j = 0; j < k; j++) {
            int16_t q = (int16_t)tmp[j].w;
            weights[nw++] = (uint32_t)tmp[j].label | (uint32_t)(uint16_t)q << 16;
        }
    }
    free(tmp);
    kbi_tagger_meta meta;
    memset(&meta, 0, sizeof meta);
    memcpy(meta.magic, "KBTAGGER", 8);
    meta.format = KBI_TAGGER_FORMAT;
    meta.nlabels = (uint32_t)T->L.n;
    meta.feat_slots = table_size(kept);
    meta.nweights = (uint32_t)nw;
    meta.dict_slots = table_size(T->dict.n);
    meta.lex_slots = table_size(T->lex.n);
    meta.mask_rare = T->o->mask_rare ? 1 : 0;
    kb_status st = KB_OK;
    uint32_t *fs = calloc((size_t)meta.feat_slots * 2, sizeof *fs);
    uint32_t *ds = calloc((size_t)meta.dict_slots * 2, sizeof *ds);
    uint32_t *ls = calloc((size_t)meta.lex_slots * 2, sizeof *ls);
    if (!fs || !ds || !ls || nw >= (1u << 24)) {
        st = nw >= (1u << 24) ? KB_ERR_LIMIT : KB_ERR_NOMEM;
    } else {
        for (size_t fi = 0; fi < m->nfeat; fi++)
            if (fcnt[fi])
                slot_put(fs, meta.feat_slots - 1, m->fhash[fi],
                         foff[fi] << 8 | fcnt[fi]);
        for (size_t i = 0; i < T->dict.cap; i++)
            if (T->dict.keys[i])
                slot_put(ds, meta.dict_slots - 1, T->dict.keys[i],
                         (uint32_t)T->dict.vals[i]);
        for (size_t i = 0; i < T->lex.cap; i++)
            if (T->lex.keys[i])
                slot_put(ls, meta.lex_slots - 1, T->lex.keys[i],
                         (uint32_t)T->lex.vals[i]);
        if ((st = kbi_model_writer_add(wr, "tagger.meta", &meta,
                                       sizeof meta)) == KB_OK &&
            (st = kbi_model_writer_add(wr, "tagger.labels", T->L.name,
                                       (size_t)T->L.n * 2 *
                                           KBI_TAGGER_LABEL_BYTES)) == KB_OK &&
            (st = kbi_model_writer_add(wr, "tagger.feats", fs,
                                       (size_t)meta.feat_slots * 8)) == KB_OK &&
            (st = kbi_model_writer_add(wr, "tagger.weights", weights,
                                       nw * 4)) == KB_OK &&
            (st = kbi_model_writer_add(wr, "tagger.dict", ds,
                                       (size_t)meta.dict_slots * 8)) == KB_OK)
            st = kbi_model_writer_add(wr, "tagger.lex", ls,
                                      (size_t)meta.lex_slots * 8);
        if (log)
            fprintf(log, "tagger: %d labels, %zu dictionary entries, %zu of %zu "
                    "features and %zu of %zu weights kept (prune %g), "
                    "%.1f MB\n", T->L.n, T->dict.n, kept, m->nfeat, nw, m->ne,
                    cut, (meta.feat_slots * 8.0 + (double)nw * 4.0 +
                          meta.dict_slots * 8.0 + meta.lex_slots * 8.0) / 1e6);
    }
    free(fs);
    free(ds);
    free(ls);
    free(weights);
    free(foff);
    free(fcnt);
    return st;
}

/* ---- driver ------------------------------------------------------------- */

void kbi_tagger_options_init(kbi_tagger_options *o)
{
    o->epochs = 8;
    o->seed = 1;
    o->dict_min_count = 20;
    o->dict_min_ratio = 0.99;
    o->prune = 1.0;
    o->lexicon = NULL;
    o->mask_rare = 1;
}

static uint64_t splitmix(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static double pct(size_t a, size_t b)
{
    return b ? 100.0 * (double)a / (double)b : 0;
}

kb_status kbi_tagger_train(const kbi_sentence *train, size_t n,
                           const kbi_sentence *dev, size_t ndev,
                           const kbi_tagger_options *o, kbi_model_writer *w,
                           FILE *log)
{
    trainer *T = calloc(1, sizeof *T);
    if (!T)
        return KB_ERR_NOMEM;
    T->o = o;
    kb_status st = KB_OK;
    /* labels */
    for (size_t k = 0; k < n && st == KB_OK; k++) {
        if (!sent_ok(&train[k]))
            continue;
        for (int32_t i = 0; i < train[k].ntoks; i++) {
            const kbi_token *t = &train[k].toks[i];
            if (label_find(&T->L, t->xpos, t->upos) >= 0)
                continue;
            if (T->L.n == 255) {
                st = KB_ERR_LIMIT;
                break;
            }
            char *l = T->L.name[T->L.n++];
            memset(l, 0, 2 * KBI_TAGGER_LABEL_BYTES);
            strcpy(l, t->xpos);
            strcpy(l + KBI_TAGGER_LABEL_BYTES, t->upos);
        }
    }
    if (st == KB_OK && T->L.n == 0)
        st = KB_ERR_INVALID;
    if (st == KB_OK && o->lexicon)
        st = read_lexicon(T, o->lexicon, log);
    if (st == KB_OK) {
        qsort(T->L.name, (size_t)T->L.n, sizeof T->L.name[0], cmp_label);
        if (!build_dict(T, train, n))
            st = KB_ERR_NOMEM;
    }
    prepared *tp = calloc(n + 1, sizeof *tp), *dp = calloc(ndev + 1, sizeof *dp);
    size_t *order = calloc(n + 1, sizeof *order);
    size_t ntp = 0;
    if (!tp || !dp || !order)
        st = KB_ERR_NOMEM;
    for (size_t k = 0; k < n && st == KB_OK; k++)
        if (sent_ok(&train[k])) {
            if (!prepare(T, &train[k], &tp[ntp++], 1))
                st = KB_ERR_NOMEM;
        }
    for (size_t k = 0; k < ndev && st == KB_OK; k++)
        if (!prepare(T, &dev[k], &dp[k], 0))
            st = KB_ERR_NOMEM;
    if (log && st == KB_OK)
        fprintf(log, "tagger: %zu training sentences (%zu skipped), %zu dev, "
                "%d labels, %zu words in %d ambiguity classes\n", ntp,
                n - ntp, ndev, T->L.n, T->dict.n, (int)T->classes.n);
    uint64_t rng = o->seed;
    for (size_t k = 0; k < ntp; k++)
        order[k] = k;
    for (int ep = 0; ep < o->epochs && st == KB_OK; ep++) {
        clock_t c0 = clock();
        for (size_t k = ntp; k > 1; k--) {
            size_t j = (size_t)(splitmix(&rng) % k);
            size_t x = order[k - 1];
            order[k - 1] = order[j];
            order[j] = x;
        }
        counts tc = {0}, dc = {0};
        for (size_t k = 0; k < ntp && !T->m.nomem; k++)
            run(T, &tp[order[k]], 1, 0, &tc);
        if (T->m.nomem) {
            st = KB_ERR_NOMEM;
            break;
        }
        for (size_t k = 0; k < ndev; k++)
            run(T, &dp[k], 0, 1, &dc);
        if (log) {
            fprintf(log, "epoch %d: train XPOS %.2f%% UPOS %.2f%%", ep + 1,
                    pct(tc.xpos, tc.n), pct(tc.upos, tc.n));
            if (ndev)
                fprintf(log, "; dev (averaged) XPOS %.2f%% UPOS %.2f%%",
                        pct(dc.xpos, dc.n), pct(dc.upos, dc.n));
            fprintf(log, "; %zu features, %zu weights, %.1f s\n", T->m.nfeat,
                    T->m.ne, (double)(clock() - c0) / CLOCKS_PER_SEC);
            fflush(log);
        }
    }
    if (st == KB_OK)
        st = save(T, w, log);
    for (size_t k = 0; k < ntp; k++)
        unprepare(&tp[k]);
    for (size_t k = 0; k < ndev; k++)
        unprepare(&dp[k]);
    free(tp);
    free(dp);
    free(order);
    map_free(&T->dict);
    map_free(&T->words);
    map_free(&T->classes);
    map_free(&T->lex);
    map_free(&T->lexsets);
    free(T->cnt);
    map_free(&T->m.fmap);
    free(T->m.fhash);
    free(T->m.head);
    free(T->m.e);
    free(T);
    return st;
}
