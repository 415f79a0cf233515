/* parser_train.c - training the parser (see parser.h): averaged perceptron
 * over labelled arc-eager transitions, dynamic oracle with exploration
 * (Goldberg & Nivre 2012), projectivisation by lifting. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parser.h"
#include "parser_feat.h"

void kbi_parser_options_init(kbi_parser_options *o)
{
    memset(o, 0, sizeof *o);
    o->epochs = 15;
    o->explore_after = 1;
    o->explore_prob = 0.9;
    o->seed = 1;
    o->min_updates = 6;
    o->keep_best = 1;
    o->verbose = 1;
}

/* ---- gold trees ---------------------------------------------------------- */

typedef struct gold {
    const kbi_sentence *s;
    int32_t n;
    int32_t *head;  /* root = n */
    int32_t *label;
} gold;

static int dominates(const int32_t *head, int32_t n, int32_t h, int32_t k)
{
    for (int32_t steps = 0; k != n && steps <= n; steps++) {
        if (k == h)
            return 1;
        k = head[k];
    }
    return h == n;
}

/* Lifts the shortest non-projective arc to the grandparent until the tree is
 * projective; returns the number of lifts. */
static int projectivise(int32_t *head, int32_t n)
{
    int lifts = 0;
    for (;;) {
        int32_t best = -1, best_len = 0;
        for (int32_t d = 0; d < n; d++) {
            int32_t h = head[d];
            if (h == n)
                continue; /* everything is dominated by the root */
            int32_t lo = h < d ? h : d, hi = h < d ? d : h;
            for (int32_t k = lo + 1; k < hi; k++) {
                if (!dominates(head, n, h, k)) {
                    if (best < 0 || hi - lo < best_len) {
                        best = d;
                        best_len = hi - lo;
                    }
                    break;
                }
            }
        }
        if (best < 0)
            return lifts;
        head[best] = head[head[best]];
        lifts++;
    }
}

static int label_index(const char **labels, int nl, const char *s)
{
    for (int i = 0; i < nl; i++)
        if (strcmp(labels[i], s) == 0)
            return i;
    return -1;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Fills g from s; returns 0 when the tree is unusable. */
static int gold_init(gold *g, const kbi_sentence *s, const char **labels,
                     int nl)
{
    int32_t n = s->ntoks;
    g->s = s;
    g->n = n;
    g->head = malloc(((size_t)n + 1) * sizeof *g->head);
    g->label = malloc(((size_t)n + 1) * sizeof *g->label);
    if (!g->head || !g->label)
        return -1;
    int roots = 0;
    for (int32_t i = 0; i < n; i++) {
        int32_t h = s->toks[i].head;
        if (h < -1 || h >= n || h == i)
            return 0;
        g->head[i] = h < 0 ? n : h;
        roots += h < 0;
        const char *d = s->toks[i].deprel;
        g->label[i] = d ? label_index(labels, nl, d) : -1;
        if (g->label[i] < 0)
            return 0;
    }
    g->head[n] = -1;
    g->label[n] = -1;
    if (roots == 0)
        return 0;
    for (int32_t i = 0; i < n; i++) { /* no cycles */
        int32_t k = i, steps = 0;
        while (k != n && steps++ <= n)
            k = g->head[k];
        if (k != n)
            return 0;
    }
    return 1;
}

/* ---- the perceptron ------------------------------------------------------ */

typedef struct went {
    double tot;
    float w;
    uint32_t ts;
    uint32_t cls;
} went;

typedef struct feat {
    went *e;
    uint32_t n, cap;
    uint32_t nupd;
} feat;

typedef struct model {
    uint64_t *keys;
    uint32_t *idx;
    size_t cap, count;
    feat *feats;
    size_t nfeats, featcap;
    uint32_t t; /* perceptron clock */
} model;

static size_t find(const model *m, uint64_t key)
{
    size_t mask = m->cap - 1, j = (size_t)key & mask;
    while (m->keys[j] && m->keys[j] != key)
        j = (j + 1) & mask;
    return j;
}

static int grow(model *m)
{
    size_t ncap = m->cap ? m->cap * 2 : (size_t)1 << 20;
    uint64_t *ok = m->keys;
    uint32_t *oi = m->idx;
    size_t ocap = m->cap;
    m->keys = calloc(ncap, sizeof *m->keys);
    m->idx = calloc(ncap, sizeof *m->idx);
    if (!m->keys || !m->idx) {
        free(m->keys);
        free(m->idx);
        m->keys = ok;
        m->idx = oi;
        return 0;
    }
    m->cap = ncap;
    for (size_t i = 0; i < ocap; i++)
        if (ok[i]) {
            size_t j = find(m, ok[i]);
            m->keys[j] = ok[i];
            m->idx[j] = oi[i];
        }
    free(ok);
    free(oi);
    return 1;
}

static feat *get_feat(model *m, uint64_t key, int add)
{
    if (m->cap == 0) {
        if (!add)
            return NULL;
        if (!grow(m))
            return NULL;
    }
    size_t j = find(m, key);
    if (m->keys[j])
        return &m->feats[m->idx[j]];
    if (!add)
        return NULL;
    if ((m->count + 1) * 2 > m->cap) {
        if (!grow(m))
            return NULL;
        j = find(m, key);
    }
    if (m->nfeats == m->featcap) {
        size_t nc = m->featcap ? m->featcap * 2 : 1 << 18;
        feat *nf = realloc(m->feats, nc * sizeof *nf);
        if (!nf)
            return NULL;
        m->feats = nf;
        m->featcap = nc;
    }
    m->keys[j] = key;
    m->idx[j] = (uint32_t)m->nfeats;
    m->count++;
    feat *f = &m->feats[m->nfeats++];
    memset(f, 0, sizeof *f);
    return f;
}

static int update(model *m, const uint64_t *keys, int cls, float delta)
{
    for (int i = 0; i < KBI_PARSER_NFEATS; i++) {
        feat *f = get_feat(m, keys[i], 1);
        if (!f)
            return 0;
        went *e = NULL;
        for (uint32_t k = 0; k < f->n; k++)
            if (f->e[k].cls == (uint32_t)cls) {
                e = &f->e[k];
                break;
            }
        if (!e) {
            if (f->n == f->cap) {
                uint32_t nc = f->cap ? f->cap * 2 : 2;
                went *ne = realloc(f->e, nc * sizeof *ne);
                if (!ne)
                    return 0;
                f->e = ne;
                f->cap = nc;
            }
            e = &f->e[f->n++];
            memset(e, 0, sizeof *e);
            e->cls = (uint32_t)cls;
            e->ts = m->t;
        }
        e->tot += (double)(m->t - e->ts) * e->w;
        e->ts = m->t;
        e->w += delta;
        f->nupd++;
    }
    return 1;
}

static void score_train(const model *m, const uint64_t *keys, float *scores)
{
    for (int i = 0; i < KBI_PARSER_NFEATS; i++) {
        feat *f = get_feat((model *)m, keys[i], 0);
        if (!f)
            continue;
        for (uint32_t k = 0; k < f->n; k++)
            scores[f->e[k].cls] += f->e[k].w;
    }
}

static void model_free(model *m)
{
    for (size_t i = 0; i < m->nfeats; i++)
        free(m->feats[i].e);
    free(m->feats);
    free(m->keys);
    free(m->idx);
    memset(m, 0, sizeof *m);
}

/* ---- export: averaged, pruned, quantised tables ------------------------- */

typedef struct table {
    kbi_parser_meta meta;
    kbi_parser_slot *slots;
    uint32_t *weights;
} table;

static void table_free(table *t)
{
    free(t->slots);
    free(t->weights);
    memset(t, 0, sizeof *t);
}

static double avg_weight(const model *m, const went *e)
{
    if (m->t == 0)
        return e->w;
    return (e->tot + (double)(m->t - e->ts) * e->w) / (double)m->t;
}

static int export_table(const model *m, int nlabels, int min_updates,
                        table *out)
{
    memset(out, 0, sizeof *out);
    double maxw = 0;
    uint32_t row = KBI_PARSER_ROW(2 + 2 * (uint32_t)nlabels);
    size_t keep = 0, nw = 0;
    for (size_t i = 0; i < m->nfeats; i++) {
        const feat *f = &m->feats[i];
        if (f->nupd < (uint32_t)min_updates)
            continue;
        keep++;
        nw += f->n > KBI_PARSER_SPARSE ? row / 2 : f->n;
        for (uint32_t k = 0; k < f->n; k++) {
            double a = fabs(avg_weight(m, &f->e[k]));
            if (a > maxw)
                maxw = a;
        }
    }
    double scale = maxw > 0 ? maxw / 32767.0 : 1.0;
    size_t nslots = keep + keep * 3 / 7 + 64; /* load <= 0.7 */
    if (nslots > UINT32_MAX || nw >= (size_t)1 << 24)
        return 0;
    out->slots = calloc(nslots, sizeof *out->slots);
    out->weights = malloc((nw ? nw : 1) * sizeof *out->weights);
    if (!out->slots || !out->weights) {
        table_free(out);
        return 0;
    }
    uint32_t used = 0, max_probe = 0;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        const feat *f = &m->feats[m->idx[i]];
        if (f->nupd < (uint32_t)min_updates)
            continue;
        uint64_t key = m->keys[i];
        uint32_t fp = kbi_parser_fp(key);
        uint32_t j = kbi_parser_slot_of(key, (uint32_t)nslots), probe = 0;
        while (out->slots[j].fp && out->slots[j].fp != fp) {
            if (++j == nslots)
                j = 0;
            probe++;
        }
        if (out->slots[j].fp) /* fingerprint clash: keep the first */
            continue;
        uint32_t q[256], nq = 0;
        for (uint32_t k = 0; k < f->n; k++) {
            long v = lround(avg_weight(m, &f->e[k]) / scale);
            if (v == 0)
                continue;
            if (v > 32767)
                v = 32767;
            if (v < -32767)
                v = -32767;
            q[nq++] = (f->e[k].cls << 24) | (uint32_t)(uint16_t)(int16_t)v;
        }
        if (nq == 0)
            continue;
        kbi_parser_slot *sl = &out->slots[j];
        if (nq <= KBI_PARSER_INLINE) {
            memcpy(sl->w, q, nq * sizeof *q);
        } else if (nq <= KBI_PARSER_SPARSE) {
            sl->w[0] = 0xff000000u | used;
            sl->w[1] = nq;
            memcpy(out->weights + used, q, nq * sizeof *q);
            used += nq;
        } else {
            sl->w[0] = 0xfe000000u | used;
            int16_t *r = (int16_t *)(void *)(out->weights + used);
            memset(r, 0, row * sizeof *r);
            for (uint32_t k = 0; k < nq; k++)
                r[q[k] >> 24] = (int16_t)(uint16_t)(q[k] & 0xffff);
            used += row / 2;
        }
        if (probe > max_probe)
            max_probe = probe;
        sl->fp = fp;
    }
    kbi_parser_meta *mt = &out->meta;
    mt->magic = KBI_PARSER_MAGIC;
    mt->format = KBI_PARSER_FORMAT;
    mt->nlabels = (uint32_t)nlabels;
    mt->nclasses = 2 + 2 * (uint32_t)nlabels;
    mt->nslots = (uint32_t)nslots;
    mt->nweights = used;
    mt->max_probe = max_probe;
    mt->nfeats = KBI_PARSER_NFEATS;
    mt->scale = (float)scale;
    return 1;
}

static void table_parser(const table *t, const char **labels, kbi_parser *p)
{
    memset(p, 0, sizeof *p);
    p->nlabels = t->meta.nlabels;
    p->nclasses = t->meta.nclasses;
    p->nslots = t->meta.nslots;
    p->nweights = t->meta.nweights;
    p->max_probe = t->meta.max_probe;
    p->scale = t->meta.scale;
    p->slots = t->slots;
    p->weights = t->weights;
    p->root_label = p->dep_label = -1;
    for (uint32_t i = 0; i < p->nlabels; i++) {
        p->labels[i] = labels[i];
        if (strcmp(labels[i], "root") == 0)
            p->root_label = (int)i;
        if (strcmp(labels[i], "dep") == 0)
            p->dep_label = (int)i;
    }
}

/* ---- training ------------------------------------------------------------ */

static uint64_t rng_next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545f4914f6cdd1dULL;
}

/* Costs of the four unlabelled moves (Goldberg & Nivre 2012, arc-eager);
 * -1 when a move is not allowed. */
static void move_costs(const kbi_pstate *st, const gold *g, int cost[4])
{
    int32_t n = st->n, b = st->b;
    int32_t s = st->sp > 0 ? st->stack[st->sp - 1] : -1;
    const int32_t *gh = g->head;
    for (int mv = 0; mv < 4; mv++)
        cost[mv] = kbi_pstate_can(st, mv) ? 0 : -1;
    if (cost[KBI_PARSER_LA] == 0) {
        int c = gh[s] > b;
        for (int32_t k = b; k < n; k++)
            c += gh[k] == s;
        cost[KBI_PARSER_LA] = c;
    }
    if (cost[KBI_PARSER_RA] == 0) {
        int c = 0;
        if (gh[b] != s) {
            if (gh[b] > b)
                c++;
            else
                for (int32_t i = 0; i < st->sp; i++)
                    c += st->stack[i] == gh[b];
        }
        for (int32_t i = 0; i < st->sp; i++) {
            int32_t k = st->stack[i];
            c += st->head[k] < 0 && gh[k] == b;
        }
        cost[KBI_PARSER_RA] = c;
    }
    if (cost[KBI_PARSER_REDUCE] == 0) {
        int c = 0;
        for (int32_t k = b; k < n; k++)
            c += gh[k] == s;
        cost[KBI_PARSER_REDUCE] = c;
    }
    if (cost[KBI_PARSER_SHIFT] == 0) {
        int c = 0;
        for (int32_t i = 0; i < st->sp; i++) {
            int32_t k = st->stack[i];
            c += gh[b] == k;
            c += st->head[k] < 0 && gh[k] == b;
        }
        cost[KBI_PARSER_SHIFT] = c;
    }
}

static int class_cost(const kbi_pstate *st, const gold *g, const int mc[4],
                      int c, int nl)
{
    int mv = kbi_parser_move(c, nl);
    int k = mc[mv];
    if (k < 0)
        return -1;
    int32_t s = st->sp > 0 ? st->stack[st->sp - 1] : -1;
    if (mv == KBI_PARSER_LA && g->head[s] == st->b && g->label[s] != c - 2)
        k++;
    if (mv == KBI_PARSER_RA && g->head[st->b] == s &&
        g->label[st->b] != c - 2 - nl)
        k++;
    return k;
}

int kbi_parser_oracle_run(const kbi_sentence *s, unsigned long seed,
                          int nrandom, int32_t *head, const char **deprel,
                          int *lifted, int *cost)
{
    const char *labels[KBI_PARSER_MAX_LABELS];
    int nl = 0;
    *lifted = *cost = 0;
    for (int32_t k = 0; k < s->ntoks; k++) {
        const char *d = s->toks[k].deprel;
        if (d && label_index(labels, nl, d) < 0) {
            if (nl == KBI_PARSER_MAX_LABELS)
                return 0;
            labels[nl++] = d;
        }
    }
    gold g;
    memset(&g, 0, sizeof g);
    void *mem = malloc(kbi_pstate_size(s->ntoks));
    int ok = mem && s->ntoks > 0 && gold_init(&g, s, labels, nl) == 1;
    if (ok) {
        *lifted = projectivise(g.head, g.n);
        uint64_t rng = seed ? (uint64_t)seed : 1;
        kbi_pstate st;
        kbi_pstate_init(&st, s, mem);
        int nc = 2 + 2 * nl;
        for (int step = 0; !kbi_pstate_done(&st); step++) {
            int mc[4], pick = -1, pc = 0;
            move_costs(&st, &g, mc);
            if (step < nrandom) {
                int nvalid = 0;
                for (int c = 0; c < nc; c++)
                    nvalid += class_cost(&st, &g, mc, c, nl) >= 0;
                int r = (int)(rng_next(&rng) % (uint64_t)nvalid);
                for (int c = 0; c < nc && pick < 0; c++)
                    if (class_cost(&st, &g, mc, c, nl) >= 0 && r-- == 0) {
                        pick = c;
                        pc = class_cost(&st, &g, mc, c, nl);
                    }
            } else {
                for (int c = 0; c < nc; c++) {
                    int k = class_cost(&st, &g, mc, c, nl);
                    if (k >= 0 && (pick < 0 || k < pc)) {
                        pick = c;
                        pc = k;
                    }
                }
            }
            *cost += pc;
            kbi_pstate_apply(&st, pick, nl);
        }
        for (int32_t k = 0; k < s->ntoks; k++) {
            head[k] = st.head[k] >= s->ntoks ? -1 : st.head[k];
            deprel[k] = st.label[k] >= 0 ? labels[st.label[k]] : NULL;
        }
    }
    free(g.head);
    free(g.label);
    free(mem);
    return ok;
}

typedef struct epoch_stats {
    size_t states, errors;
} epoch_stats;

static int train_sentence(model *m, const gold *g, int nl, int explore,
                          double p, uint64_t *rng, void *mem,
                          epoch_stats *es)
{
    kbi_pstate st;
    kbi_pstate_init(&st, g->s, mem);
    int nc = 2 + 2 * nl;
    uint64_t keys[KBI_PARSER_NFEATS];
    float scores[256];
    while (!kbi_pstate_done(&st)) {
        int mc[4];
        move_costs(&st, g, mc);
        if (mc[KBI_PARSER_LA] < 0 && mc[KBI_PARSER_RA] < 0 &&
            (mc[KBI_PARSER_SHIFT] < 0 || mc[KBI_PARSER_REDUCE] < 0)) {
            kbi_pstate_apply(&st, mc[KBI_PARSER_SHIFT] >= 0
                                      ? KBI_PARSER_SHIFT
                                      : KBI_PARSER_REDUCE, nl);
            continue;
        }
        kbi_parser_features(&st, keys);
        memset(scores, 0, sizeof scores);
        score_train(m, keys, scores);
        int pred = -1, best = -1, pc = 0, bc = 0;
        for (int c = 0; c < nc; c++) {
            int k = class_cost(&st, g, mc, c, nl);
            if (k < 0)
                continue;
            if (pred < 0 || scores[c] > scores[pred]) {
                pred = c;
                pc = k;
            }
            if (best < 0 || k < bc || (k == bc && scores[c] > scores[best])) {
                best = c;
                bc = k;
            }
        }
        m->t++;
        es->states++;
        int next = pred;
        if (pc > bc) {
            es->errors++;
            if (!update(m, keys, best, 1.0f) || !update(m, keys, pred, -1.0f))
                return 0;
            if (!(explore &&
                  (double)(rng_next(rng) >> 11) / 9007199254740992.0 < p))
                next = best;
        }
        kbi_pstate_apply(&st, next, nl);
    }
    return 1;
}

static void eval(const kbi_parser *p, const gold *gs, size_t n, void *mem,
                 size_t *tok, size_t *uas, size_t *las)
{
    *tok = *uas = *las = 0;
    for (size_t i = 0; i < n; i++) {
        const gold *g = &gs[i];
        kbi_pstate st;
        kbi_pstate_init(&st, g->s, mem);
        kbi_parser_run(p, &st);
        kbi_parser_fix_root(p, &st);
        for (int32_t k = 0; k < g->n; k++) {
            (*tok)++;
            if (st.head[k] == g->head[k]) {
                (*uas)++;
                *las += st.label[k] == g->label[k];
            }
        }
    }
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static kb_status write_table(const table *t, const char **labels, int nl,
                             kbi_model_writer *w)
{
    size_t lsize = 0;
    for (int i = 0; i < nl; i++)
        lsize += strlen(labels[i]) + 1;
    char *lb = malloc(lsize + 1);
    if (!lb)
        return KB_ERR_NOMEM;
    size_t pos = 0;
    for (int i = 0; i < nl; i++) {
        size_t len = strlen(labels[i]) + 1;
        memcpy(lb + pos, labels[i], len);
        pos += len;
    }
    kb_status st = kbi_model_writer_add(w, KBI_PARSER_SEC_META, &t->meta,
                                        sizeof t->meta);
    if (st == KB_OK)
        st = kbi_model_writer_add(w, KBI_PARSER_SEC_LABELS, lb, lsize);
    if (st == KB_OK)
        st = kbi_model_writer_add(w, KBI_PARSER_SEC_SLOTS, t->slots,
                                  t->meta.nslots * sizeof *t->slots);
    if (st == KB_OK)
        st = kbi_model_writer_add(w, KBI_PARSER_SEC_WEIGHTS, t->weights,
                                  t->meta.nweights * sizeof *t->weights);
    free(lb);
    return st;
}

kb_status kbi_parser_train(const kbi_sentence *train, size_t n,
                           const kbi_sentence *dev, size_t ndev,
                           const kbi_parser_options *o, kbi_model_writer *w,
                           FILE *log)
{
    double t0 = now();
    kb_status status = KB_ERR_NOMEM;
    const char *labels[KBI_PARSER_MAX_LABELS + 1];
    int nl = 0;
    gold *tg = calloc(n ? n : 1, sizeof *tg);
    gold *dg = calloc(ndev ? ndev : 1, sizeof *dg);
    size_t *order = calloc(n ? n : 1, sizeof *order);
    model m;
    memset(&m, 0, sizeof m);
    table best, cur;
    memset(&best, 0, sizeof best);
    memset(&cur, 0, sizeof cur);
    void *mem = NULL;
    size_t ntg = 0, ndg = 0;
    if (!tg || !dg || !order)
        goto done;

    /* labels: every relation of the training set, sorted */
    int32_t maxlen = 1;
    for (size_t i = 0; i < n; i++) {
        if (train[i].ntoks > maxlen)
            maxlen = train[i].ntoks;
        for (int32_t k = 0; k < train[i].ntoks; k++) {
            const char *d = train[i].toks[k].deprel;
            if (!d || label_index(labels, nl, d) >= 0)
                continue;
            if (nl == KBI_PARSER_MAX_LABELS) {
                if (log)
                    fprintf(log, "parser: more than %d relations\n",
                            KBI_PARSER_MAX_LABELS);
                status = KB_ERR_LIMIT;
                goto done;
            }
            labels[nl++] = d;
        }
    }
    for (size_t i = 0; i < ndev; i++)
        if (dev[i].ntoks > maxlen)
            maxlen = dev[i].ntoks;
    if (nl == 0) {
        if (log)
            fprintf(log, "parser: no labelled training sentences\n");
        status = KB_ERR_INVALID;
        goto done;
    }
    qsort(labels, (size_t)nl, sizeof *labels, cmp_str);
    mem = malloc(kbi_pstate_size(maxlen));
    if (!mem)
        goto done;

    size_t skipped = 0, nonproj = 0, lifted = 0, toks = 0;
    for (size_t i = 0; i < n; i++) {
        if (train[i].ntoks <= 0) {
            skipped++;
            continue;
        }
        int r = gold_init(&tg[ntg], &train[i], labels, nl);
        if (r < 0) {
            free(tg[ntg].head);
            free(tg[ntg].label);
            goto done;
        }
        if (r == 0) {
            skipped++;
            free(tg[ntg].head);
            free(tg[ntg].label);
            continue;
        }
        int lifts = projectivise(tg[ntg].head, tg[ntg].n);
        if (lifts) {
            nonproj++;
            lifted += (size_t)lifts;
        }
        toks += (size_t)tg[ntg].n;
        ntg++;
    }
    size_t dskipped = 0;
    for (size_t i = 0; i < ndev; i++) {
        if (dev[i].ntoks <= 0)
            continue;
        int r = gold_init(&dg[ndg], &dev[i], labels, nl);
        if (r < 0) {
            free(dg[ndg].head);
            free(dg[ndg].label);
            goto done;
        }
        if (r == 0) { /* e.g. a relation unseen in training */
            dskipped++;
            free(dg[ndg].head);
            free(dg[ndg].label);
            continue;
        }
        ndg++;
    }
    if (log) {
        fprintf(log,
                "parser: %zu training sentences (%zu tokens), %d relations; "
                "%zu skipped (empty or invalid tree)\n",
                ntg, toks, nl, skipped);
        fprintf(log,
                "parser: %zu non-projective sentences kept and projectivised "
                "by lifting %zu arcs to an ancestor (the lifted arcs keep "
                "their relation)\n",
                nonproj, lifted);
        if (ndev)
            fprintf(log, "parser: %zu dev sentences (%zu skipped)\n", ndg,
                    dskipped);
    }
    if (ntg == 0) {
        status = KB_ERR_INVALID;
        goto done;
    }

    uint64_t rng = o->seed ? (uint64_t)o->seed : 1;
    for (size_t i = 0; i < ntg; i++)
        order[i] = i;
    double best_las = -1;
    int best_epoch = 0;
    for (int ep = 1; ep <= o->epochs; ep++) {
        for (size_t i = ntg; i > 1; i--) {
            size_t j = (size_t)(rng_next(&rng) % i);
            size_t tmp = order[i - 1];
            order[i - 1] = order[j];
            order[j] = tmp;
        }
        epoch_stats es = {0, 0};
        int explore = ep > o->explore_after;
        for (size_t i = 0; i < ntg; i++)
            if (!train_sentence(&m, &tg[order[i]], nl, explore,
                                o->explore_prob, &rng, mem, &es))
                goto done;
        if (!export_table(&m, nl, o->min_updates, &cur))
            goto done;
        size_t dt = 0, du = 0, dl = 0;
        if (ndg) {
            kbi_parser pp;
            table_parser(&cur, labels, &pp);
            eval(&pp, dg, ndg, mem, &dt, &du, &dl);
        }
        double las = dt ? 100.0 * (double)dl / (double)dt : 0;
        if (log && o->verbose) {
            fprintf(log,
                    "parser: epoch %2d  train err %.2f%%  features %zu "
                    "(kept %u slots, %u weights)",
                    ep, es.states ? 100.0 * (double)es.errors /
                                        (double)es.states : 0.0,
                    m.nfeats, cur.meta.nslots, cur.meta.nweights);
            if (dt)
                fprintf(log, "  dev UAS %.2f LAS %.2f",
                        100.0 * (double)du / (double)dt, las);
            fprintf(log, "  %.0fs\n", now() - t0);
            fflush(log);
        }
        if (!o->keep_best || !ndg || las > best_las) {
            table_free(&best);
            best = cur;
            memset(&cur, 0, sizeof cur);
            best_las = las;
            best_epoch = ep;
        } else {
            table_free(&cur);
        }
    }
    if (!best.slots && !export_table(&m, nl, o->min_updates, &best))
        goto done;
    status = write_table(&best, labels, nl, w);
    if (log) {
        size_t bytes = sizeof best.meta +
                       best.meta.nslots * sizeof *best.slots +
                       best.meta.nweights * sizeof *best.weights;
        fprintf(log,
                "parser: kept epoch %d; %u slots, %u weights, %.1f MB; "
                "%.0fs\n",
                best_epoch, best.meta.nslots, best.meta.nweights,
                (double)bytes / 1e6, now() - t0);
    }
done:
    if (tg)
        for (size_t i = 0; i < ntg; i++) {
            free(tg[i].head);
            free(tg[i].label);
        }
    if (dg)
        for (size_t i = 0; i < ndg; i++) {
            free(dg[i].head);
            free(dg[i].label);
        }
    free(tg);
    free(dg);
    free(order);
    free(mem);
    model_free(&m);
    table_free(&best);
    table_free(&cur);
    return status;
}
