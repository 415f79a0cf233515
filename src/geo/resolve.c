/* resolve.c - the article's context and the choice among same-named
 * candidates.
 *
 * Each candidate entry gets a score, in log10 units of population:
 *   prior    log10(population + 1), plus the weight of its type: a capital
 *            (PPLC) +2, a first-level capital (PPLA) +1, PPLA2 +0.5,
 *            PPLA3/4 +0.2/+0.1, a section of a city (PPLX) -1; a country
 *            +2.5; an admin1 -1 and an admin2 -2 (a city is named more
 *            often than the division of the same name); a supplement place
 *            +1; an alternate name -0.5, a derived name -0.7
 *   context  evidence from the article's OTHER names (never the mention's
 *            own, so "Georgia" cannot vote for itself): its country up to
 *            +2 (by the weight of the evidence, 1 for a place named) plus
 *            up to +1 as it dominates the article's countries (half of
 *            that for divisions); its admin1 up to +2.5 (an admin1 itself
 *            counts as its own admin1: "Atlanta" votes for Georgia the
 *            state)
 *   qualifier "Paris, Texas": +6 for the candidates inside the qualifier
 * Filters come first: a PERSON mention, or a name the article uses for a
 * person and that has no locative preposition before it, resolves to
 * nothing; a division mention ("Kirkuk province") keeps only divisions and
 * regions when it has any, "X district"/"X County" only second-level
 * divisions when it has any; a qualifier keeps countries and admin1s; a
 * demonym keeps countries; a lower-case phrase keeps the supplement
 * phrases; a supplement place marked "context" and any candidate of a WEAK
 * mention need their country named elsewhere in the article. The best
 * score wins; ties go to the lower entry index (divisions, then countries,
 * then cities by GeoNames id), so the choice is deterministic.
 *
 * A mention adds evidence when its candidates agree on a country by these
 * priors (99% of the weight 10^score in one country): weight 1, or 0.5 for
 * a demonym or a country used as a modifier; the admin1 of the best
 * candidate too when that candidate alone has 99%. */
#include "geo.h"

#include <math.h>
#include <string.h>

static const char *const FEATURES[] = {"city", "admin1", "admin2",
                                       "country", "landmark", "region"};

static double prior(const kbi_geo_entry *e, int kind)
{
    static const double rank_w[] = {0, -1.0, 0.1, 0.2, 0.5, 1.0, 2.0, 0};
    double p = log10((double)e->population + 1.0);
    switch (e->feature) {
    case KBI_GEO_CITY:
        p += rank_w[e->rank & 7];
        break;
    case KBI_GEO_ADMIN1:
        p -= 1.0;
        break;
    case KBI_GEO_ADMIN2:
        p -= 2.0;
        break;
    case KBI_GEO_COUNTRY:
        p += 2.5;
        break;
    default:
        p += 1.0;
        break;
    }
    if (kind == KBI_GEO_K_ALT)
        p -= 0.5;
    else if (kind == KBI_GEO_K_DERIVED)
        p -= 0.7;
    return p;
}

/* Context weights for one mention: the evidence of every other key. */
typedef struct weights {
    float country[256];
    float wmax;
    const kbi_geo_evidence *ev;
    size_t n;
    uint32_t self;
} weights;

static void weights_of(const kbi_geo_context *c, uint32_t self, weights *w)
{
    memset(w, 0, sizeof *w);
    w->self = self;
    if (!c)
        return;
    w->ev = c->ev;
    w->n = c->n;
    for (size_t i = 0; i < c->n; i++) {
        const kbi_geo_evidence *e = &c->ev[i];
        if (e->key == self || e->country < 0 || e->country > 255)
            continue;
        w->country[e->country] += e->weight;
        if (w->country[e->country] > w->wmax)
            w->wmax = w->country[e->country];
    }
}

static float admin1_weight(const weights *w, int32_t admin1)
{
    float s = 0;
    for (size_t i = 0; admin1 >= 0 && i < w->n; i++)
        if (w->ev[i].key != w->self && w->ev[i].admin1 == admin1)
            s += w->ev[i].weight;
    return s;
}

static double context_bonus(const weights *w, const kbi_geo_entry *e)
{
    double b = 0;
    if (e->country >= 0 && e->country < 256 && w->wmax > 0) {
        double wc = w->country[e->country];
        double cb = 2.0 * (wc < 1 ? wc : 1) + 1.0 * wc / w->wmax;
        if (e->feature == KBI_GEO_ADMIN1 || e->feature == KBI_GEO_ADMIN2)
            cb *= 0.5;
        b += cb;
    }
    double wa = admin1_weight(w, e->admin1);
    b += 2.5 * (wa < 1 ? wa : 1);
    return b;
}

/* Which candidates a mention allows. */
static int allowed(const kbi_geo_mention *m, const kbi_geo_entry *e,
                   int kind, int has_div, const weights *w)
{
    if ((e->flags & KBI_GEO_E_CONTEXT) &&
        !(e->country >= 0 && e->country < 256 && w->country[e->country] >= 0.5))
        return 0;
    if (m->flags & KBI_GEO_M_LOWER)
        return (e->flags & KBI_GEO_E_LOWER) != 0;
    if (e->flags & KBI_GEO_E_LOWER)
        return 0;
    if (m->flags & KBI_GEO_M_DEMONYM)
        return e->feature == KBI_GEO_COUNTRY;
    if (kind == KBI_GEO_K_DEMONYM)
        return 0;
    if ((m->flags & KBI_GEO_M_QUALIFIER) && has_div &&
        !(e->feature == KBI_GEO_ADMIN1 || e->feature == KBI_GEO_COUNTRY))
        return 0;
    if ((m->flags & KBI_GEO_M_DIVISION) && has_div &&
        !(e->feature == KBI_GEO_ADMIN1 || e->feature == KBI_GEO_ADMIN2 ||
          e->feature == KBI_GEO_REGION))
        return 0;
    /* "X district", "X County": the second-level division when there is
     * one */
    if ((m->flags & KBI_GEO_M_DISTRICT) && (has_div & 2) &&
        e->feature != KBI_GEO_ADMIN2)
        return 0;
    return 1;
}

/* Which kinds of division a key names: 1 admin1 or region, 2 admin2. */
static int has_division(const kb_gazetteer *g, const kbi_geo_key *k)
{
    int r = 0;
    for (uint32_t j = 0; j < k->n; j++) {
        uint32_t e;
        int kind;
        kbi_geo_entry en;
        if (!kbi_geo_key_cand(g, k, j, &e, &kind) ||
            kind == KBI_GEO_K_DEMONYM || !kbi_geo_entry_get(g, e, &en))
            continue;
        if (en.feature == KBI_GEO_ADMIN1 || en.feature == KBI_GEO_REGION)
            r |= 1;
        else if (en.feature == KBI_GEO_ADMIN2)
            r |= 2;
    }
    return r;
}

/* Is entry e inside a candidate of the qualifier mention q? */
static int qualified(const kb_gazetteer *g, const kbi_geo_entry *e,
                     const kbi_geo_mention *q)
{
    kbi_geo_key k;
    if (!kbi_geo_key_get(g, q->key, &k))
        return 0;
    for (uint32_t j = 0; j < k.n; j++) {
        uint32_t qe;
        int kind;
        kbi_geo_entry en;
        if (!kbi_geo_key_cand(g, &k, j, &qe, &kind) ||
            kind == KBI_GEO_K_DEMONYM || !kbi_geo_entry_get(g, qe, &en))
            continue;
        if (en.feature == KBI_GEO_COUNTRY && en.country == e->country)
            return 1;
        if (en.feature == KBI_GEO_ADMIN1 && e->admin1 == (int32_t)qe &&
            e->index != qe)
            return 1;
    }
    return 0;
}

/* A WEAK mention needs the article to name its country elsewhere. */
static int supported(const weights *w, const kbi_geo_entry *e)
{
    return e->country >= 0 && e->country < 256 &&
           w->country[e->country] >= 0.5f;
}

static int64_t choose(const kb_gazetteer *g, const weights *w,
                      const kbi_geo_mention *m, const kbi_geo_mention *qual,
                      int use_context)
{
    kbi_geo_key k;
    if (!g || !kbi_geo_key_get(g, m->key, &k))
        return -1;
    int has_div = (m->flags & (KBI_GEO_M_DIVISION | KBI_GEO_M_QUALIFIER)) &&
                  has_division(g, &k);
    int64_t best = -1;
    double best_s = -1e300;
    for (uint32_t j = 0; j < k.n; j++) {
        uint32_t ei;
        int kind;
        kbi_geo_entry e;
        if (!kbi_geo_key_cand(g, &k, j, &ei, &kind) ||
            !kbi_geo_entry_get(g, ei, &e) || !allowed(m, &e, kind, has_div, w))
            continue;
        if ((m->flags & KBI_GEO_M_WEAK) && !supported(w, &e))
            continue;
        double s = prior(&e, kind);
        if (use_context)
            s += context_bonus(w, &e);
        if (qual && qualified(g, &e, qual))
            s += 6.0;
        if (s > best_s) {
            best_s = s;
            best = ei;
        }
    }
    return best;
}

int64_t kbi_geo_choose(const kbi_geo_context *c, const kbi_geo_mention *m,
                       const kbi_geo_mention *sent, size_t nsent)
{
    if (!c || !m || (m->flags & KBI_GEO_M_PERSON))
        return -1;
    if (!(m->flags & KBI_GEO_M_LOCATIVE))
        for (size_t i = 0; i < c->n; i++)
            if (c->ev[i].person && c->ev[i].key == m->key)
                return -1;
    weights w;
    weights_of(c, m->key, &w);
    const kbi_geo_mention *q = NULL;
    if (sent && m->qualifier >= 0 && (size_t)m->qualifier < nsent)
        q = &sent[m->qualifier];
    return choose(c->g, &w, m, q, 1);
}

int kbi_geo_place(const kb_gazetteer *g, uint32_t i, kb_place *out)
{
    kbi_geo_entry e, a1;
    memset(out, 0, sizeof *out);
    if (!kbi_geo_entry_get(g, i, &e))
        return 0;
    out->name = e.name;
    out->geonameid = e.geonameid;
    out->admin_code = e.admin_code;
    if (e.admin1 >= 0 && kbi_geo_entry_get(g, (uint32_t)e.admin1, &a1))
        out->admin1 = a1.name;
    if (e.country >= 0)
        kbi_geo_country(g, e.country, &out->country, &out->country_cameo,
                        NULL);
    out->feature = FEATURES[e.feature <= KBI_GEO_REGION ? e.feature : 0];
    out->lat = e.lat;
    out->lon = e.lon;
    return 1;
}

int kbi_geo_resolve(const kbi_geo_context *c, const kbi_geo_mention *m,
                    const kbi_geo_mention *sent, size_t nsent, kb_place *out)
{
    memset(out, 0, sizeof *out);
    int64_t e = kbi_geo_choose(c, m, sent, nsent);
    if (e < 0 || !kbi_geo_place(c->g, (uint32_t)e, out))
        return 0;
    out->text = m->text;
    return 1;
}

/* ---- context --------------------------------------------------------------- */

void kbi_geo_context_init(kbi_geo_context *c, const kb_gazetteer *g)
{
    memset(c, 0, sizeof *c);
    c->g = g;
}

static void add_evidence(kbi_geo_context *c, uint32_t key, int country,
                         int32_t admin1, float weight, int place)
{
    if (c->n >= KBI_GEO_MAX_EVIDENCE || country < -1 || country > 255)
        return;
    kbi_geo_evidence *e = &c->ev[c->n++];
    e->key = key;
    e->country = (int16_t)country;
    e->admin1 = admin1;
    e->weight = weight;
    e->place = (uint8_t)place;
    e->person = 0;
}

void kbi_geo_context_add(kbi_geo_context *c, const kbi_geo_mention *m,
                         size_t n)
{
    if (!c || !c->g)
        return;
    weights none;
    memset(&none, 0, sizeof none);
    for (size_t i = 0; i < n; i++) {
        kbi_geo_key k;
        if (!kbi_geo_key_get(c->g, m[i].key, &k))
            continue;
        if (m[i].flags & KBI_GEO_M_WEAK)
            continue;
        if (m[i].flags & KBI_GEO_M_PERSON) {
            size_t at = c->n;
            add_evidence(c, m[i].key, -1, -1, 0, 0);
            if (at < c->n)
                c->ev[at].person = 1;
            continue;
        }
        int has_div = (m[i].flags & (KBI_GEO_M_DIVISION |
                                     KBI_GEO_M_QUALIFIER)) &&
                      has_division(c->g, &k);
        /* the share of each country in 10^prior */
        double total = 0, best = -1e300, bestw = 0;
        double share[256];
        memset(share, 0, sizeof share);
        kbi_geo_entry be;
        memset(&be, 0, sizeof be);
        be.admin1 = -1;
        for (uint32_t j = 0; j < k.n; j++) {
            uint32_t ei;
            int kind;
            kbi_geo_entry e;
            if (!kbi_geo_key_cand(c->g, &k, j, &ei, &kind) ||
                !kbi_geo_entry_get(c->g, ei, &e) ||
                !allowed(&m[i], &e, kind, has_div, &none) || e.country < 0)
                continue;
            double p = prior(&e, kind);
            if (p > best) {
                /* rescale what was summed to the new maximum */
                double f = best > -1e299 ? pow(10.0, best - p) : 0;
                total *= f;
                for (int x = 0; x < 256; x++)
                    share[x] *= f;
                bestw *= f;
                best = p;
                be = e;
                bestw = 0;
            }
            double wgt = pow(10.0, p - best);
            total += wgt;
            share[e.country] += wgt;
            if (ei == be.index)
                bestw += wgt;
        }
        if (total <= 0 || be.country < 0 || share[be.country] < 0.99 * total)
            continue;
        int weak = (m[i].flags & (KBI_GEO_M_DEMONYM | KBI_GEO_M_ADJ)) != 0;
        int32_t a1 = bestw >= 0.99 * total ? be.admin1 : -1;
        add_evidence(c, m[i].key, be.country, a1, weak ? 0.5f : 1.0f, !weak);
    }
}

int kbi_geo_context_country(kbi_geo_context *c, const char *iso2,
                            float weight)
{
    if (!c || !c->g || !iso2)
        return 0;
    int ci = kbi_geo_country_find(c->g, iso2);
    if (ci < 0)
        return 0;
    add_evidence(c, UINT32_MAX, ci, -1, weight, 0);
    return 1;
}

int kbi_geo_focus(const kbi_geo_context *c, kb_place *out)
{
    memset(out, 0, sizeof *out);
    if (!c || !c->g || c->n == 0)
        return 0;
    /* the key named most often as a place */
    size_t best = SIZE_MAX;
    float best_w = 0;
    for (size_t i = 0; i < c->n; i++) {
        if (!c->ev[i].place)
            continue;
        float s = 0;
        int seen = 0;
        for (size_t j = 0; j < c->n; j++)
            if (c->ev[j].place && c->ev[j].key == c->ev[i].key) {
                s += c->ev[j].weight;
                seen |= j < i;
            }
        if (!seen && s > best_w) {
            best_w = s;
            best = i;
        }
    }
    if (best != SIZE_MAX) {
        kbi_geo_mention m;
        memset(&m, 0, sizeof m);
        m.key = c->ev[best].key;
        m.qualifier = -1;
        int64_t e = kbi_geo_choose(c, &m, NULL, 0);
        if (e >= 0)
            return kbi_geo_place(c->g, (uint32_t)e, out);
    }
    /* else the strongest country */
    weights w;
    weights_of(c, UINT32_MAX - 1, &w);
    int bc = -1;
    for (int i = 0; i < 256; i++)
        if (w.country[i] > 0 && (bc < 0 || w.country[i] > w.country[bc]))
            bc = i;
    uint32_t ce;
    if (bc < 0 || !kbi_geo_country(c->g, bc, NULL, NULL, &ce))
        return 0;
    return kbi_geo_place(c->g, ce, out);
}
