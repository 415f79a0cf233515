/* build_write.c - the gazetteer builder's output: the sections of the file
 * (entries, division codes, countries, keys grouped by hash bucket,
 * postings, bucket offsets, the string pool) laid out from the builder's
 * sorted state, the checksums, and the atomic write. See geo_file.h. */
#include "build.h"
#include "geo_file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/util.h"
#include "../base/vec.h"

static kb_status nomem(kb_error *err)
{
    kbi_error_set(err, KB_ERR_NOMEM, NULL, 0, 0, "out of memory");
    return KB_ERR_NOMEM;
}

static int cmp_name(const void *x, const void *y)
{
    const bname *a = x, *c = y;
    int r = strcmp(a->fold, c->fold);
    if (r)
        return r;
    if (a->entry != c->entry)
        return a->entry < c->entry ? -1 : 1;
    if (a->kind != c->kind)
        return a->kind < c->kind ? -1 : 1;
    return strcmp(a->orig, c->orig);
}

/* ---- output --------------------------------------------------------------- */

typedef struct buf {
    unsigned char *p;
    size_t n, cap;
} buf;

static int buf_add(buf *b, const void *p, size_t n)
{
    if (!kbi_vec_reserve(NULL, (void **)&b->p, &b->cap, b->n + n, 1))
        return 0;
    if (n)
        memcpy(b->p + b->n, p, n);
    b->n += n;
    return 1;
}

typedef struct pool {
    buf b;
    kbi_map ix;   /* string -> offset; keys copied into a */
    kbi_arena a;
} pool;

/* Offset of s in the string pool, adding it once. */
static int64_t intern(pool *p, const char *s)
{
    if (!s || !*s)
        return 0;
    size_t n = strlen(s);
    int32_t v = kbi_map_get(&p->ix, s, n);
    if (v >= 0)
        return v;
    if (p->b.n + n + 1 > INT32_MAX)
        return -1;
    int64_t off = (int64_t)p->b.n;
    const char *key = kbi_arena_strndup(&p->a, s, n);
    if (!key || !buf_add(&p->b, s, n + 1) ||
        !kbi_map_put(&p->ix, key, n, (int32_t)off))
        return -1;
    return off;
}

static void wr32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void wr64(unsigned char *p, uint64_t v)
{
    wr32(p, (uint32_t)v);
    wr32(p + 4, (uint32_t)(v >> 32));
}

static uint32_t clamp_pop(uint64_t pop)
{
    return pop > UINT32_MAX ? UINT32_MAX : (uint32_t)pop;
}

/* A key while laying out the index: its names start at names[first]. */
typedef struct group {
    size_t first;
    uint64_t hash;
    uint32_t bucket;
} group;

static int cmp_group(const void *x, const void *y)
{
    const group *a = x, *c = y;
    if (a->bucket != c->bucket)
        return a->bucket < c->bucket ? -1 : 1;
    return a->first < c->first ? -1 : a->first > c->first;
}

typedef struct sections {
    buf s[KBI_GEO_NSEC];
} sections;

static int put_entry(buf *out, pool *pl, const bplace *p, int feature)
{
    kbi_geo_rec r;
    memset(&r, 0, sizeof r);
    int64_t name = intern(pl, p->name);
    if (name < 0)
        return 0;
    r.name = (uint32_t)name;
    r.id = feature == KBI_GEO_CITY ? p->id : 0;
    r.lat = p->lat;
    r.lon = p->lon;
    r.pop = clamp_pop(p->pop);
    r.admin1 = p->admin1 >= 0 ? (uint16_t)p->admin1 : 0xFFFF;
    r.country = p->country >= 0 ? (uint8_t)p->country : 0xFF;
    r.type = (uint8_t)(feature | (p->rank & 7) << 3 | (p->flags & 3) << 6);
    return buf_add(out, &r, sizeof r);
}

static kb_status make_sections(kbi_geo_builder *b, sections *S, pool *pl,
                               kbi_geo_meta *m, kb_error *err)
{
    kbi_geo_ranges r = kbi_geo_ranges_of(b);
    buf *E = &S->s[KBI_GEO_SEC_ENTRIES];
    int ok = buf_add(&pl->b, "", 1); /* offset 0: "" */
    for (size_t i = 0; ok && i < b->nadmin1; i++)
        ok = put_entry(E, pl, &b->admin1[i], KBI_GEO_ADMIN1);
    for (size_t i = 0; ok && i < b->nadmin2; i++)
        ok = put_entry(E, pl, &b->admin2[i], KBI_GEO_ADMIN2);
    for (size_t i = 0; ok && i < b->ncountries; i++) {
        const bcountry *c = &b->countries[i];
        char clean[256];
        kbi_geo_clean_country(c->name, clean, sizeof clean);
        bplace p;
        memset(&p, 0, sizeof p);
        p.name = c->display ? c->display : clean;
        p.lat = c->lat;
        p.lon = c->lon;
        p.pop = c->pop;
        p.admin1 = -1;
        p.country = (int)i;
        ok = put_entry(E, pl, &p, KBI_GEO_COUNTRY);
        kbi_geo_country_rec cr;
        int64_t i2 = intern(pl, c->iso2), i3 = intern(pl, c->iso3);
        ok = ok && i2 >= 0 && i3 >= 0;
        cr.iso2 = (uint32_t)i2;
        cr.iso3 = (uint32_t)i3;
        cr.entry = r.country + (uint32_t)i;
        ok = ok && buf_add(&S->s[KBI_GEO_SEC_COUNTRIES], &cr, sizeof cr);
    }
    for (size_t i = 0; ok && i < b->ncities; i++)
        ok = put_entry(E, pl, &b->cities[i], KBI_GEO_CITY);
    for (size_t i = 0; ok && i < b->nsup; i++)
        ok = put_entry(E, pl, &b->sup[i], b->sup[i].feature);
    for (size_t i = 0; ok && i < b->nadmin1 + b->nadmin2; i++) {
        const bplace *p = i < b->nadmin1 ? &b->admin1[i]
                                         : &b->admin2[i - b->nadmin1];
        int64_t off = intern(pl, p->code);
        uint32_t o = (uint32_t)off;
        ok = off >= 0 && buf_add(&S->s[KBI_GEO_SEC_CODES], &o, 4);
    }
    if (!ok)
        return nomem(err);

    /* keys: names sorted by key, one posting per (key, entry); the keys
     * then grouped by hash bucket */
    if (b->nnames)
        qsort(b->names, b->nnames, sizeof *b->names, cmp_name);
    uint32_t nkeys = 0, npost = 0;
    for (size_t i = 0; i < b->nnames; i++)
        nkeys += i == 0 || strcmp(b->names[i - 1].fold, b->names[i].fold);
    uint32_t nb = 1;
    while (nb < nkeys / 4)
        nb *= 2;
    group *grp = calloc(nkeys ? nkeys : 1, sizeof *grp);
    uint32_t *off = calloc((size_t)nb + 1, 4);
    if (!grp || !off) {
        free(grp);
        free(off);
        return nomem(err);
    }
    uint32_t gi = 0;
    for (size_t i = 0; i < b->nnames; i++)
        if (i == 0 || strcmp(b->names[i - 1].fold, b->names[i].fold)) {
            const char *f = b->names[i].fold;
            grp[gi].first = i;
            grp[gi].hash = kbi_hash(f, strlen(f));
            grp[gi].bucket = (uint32_t)grp[gi].hash & (nb - 1);
            off[grp[gi].bucket + 1]++;
            gi++;
        }
    qsort(grp, nkeys, sizeof *grp, cmp_group);
    for (uint32_t x = 0; x < nb; x++)
        off[x + 1] += off[x];
    for (uint32_t x = 0; ok && x < nkeys; x++) {
        size_t i = grp[x].first, j = i;
        kbi_geo_key_rec k;
        const char *fold = b->names[i].fold;
        int64_t str = intern(pl, b->names[i].orig);
        k.str = (uint32_t)str;
        k.post = npost;
        uint32_t count = 0, first = 0;
        unsigned flags = 0;
        for (; j < b->nnames && strcmp(b->names[j].fold, fold) == 0; j++) {
            if (b->names[j].entry == KBI_GEO_LOWSTART_ENTRY) {
                flags |= KBI_GEO_KEY_LOWSTART;
                continue;
            }
            if (b->names[j].entry == KBI_GEO_STOPONLY_ENTRY)
                continue;
            if (j > i && b->names[j].entry == b->names[j - 1].entry)
                continue;
            uint32_t p = b->names[j].entry | (uint32_t)b->names[j].kind << 24;
            ok = ok && buf_add(&S->s[KBI_GEO_SEC_POSTINGS], &p, 4);
            if (count++ == 0)
                first = p;
        }
        if (count == 1) {
            /* a single posting lives in the key record */
            S->s[KBI_GEO_SEC_POSTINGS].n -= 4;
            k.post = first;
        } else {
            npost += count;
        }
        size_t fl = strlen(fold);
        if (kbi_map_get(&b->stop, fold, fl) >= 0)
            flags |= KBI_GEO_KEY_STOP;
        if (!strchr(fold, ' ') && kbi_map_get(&b->common, fold, fl) >= 0)
            flags |= KBI_GEO_KEY_COMMON;
        if (count > KBI_GEO_MAX_CANDS) {
            kbi_geo_build_report(b, "keys", 0,
                                 "\"%s\" names %u places; the first %d kept",
                                 fold, count, KBI_GEO_MAX_CANDS);
            count = KBI_GEO_MAX_CANDS;
        }
        k.count = count | (uint32_t)flags << 16 |
                  (uint32_t)(grp[x].hash >> 56) << 24;
        ok = ok && str >= 0 && buf_add(&S->s[KBI_GEO_SEC_KEYS], &k, sizeof k);
    }
    ok = ok && buf_add(&S->s[KBI_GEO_SEC_BUCKETS], off, ((size_t)nb + 1) * 4);
    free(grp);
    free(off);
    ok = ok && buf_add(&S->s[KBI_GEO_SEC_STRINGS], pl->b.p, pl->b.n);
    if (!ok)
        return nomem(err);
    memset(m, 0, sizeof *m);
    m->n_entries = r.end;
    m->n_admin1 = (uint32_t)b->nadmin1;
    m->n_div = r.country;
    m->first_country = r.country;
    m->first_city = r.city;
    m->first_sup = r.sup;
    m->n_keys = nkeys;
    m->n_postings = npost;
    m->n_buckets = nb;
    m->pool_size = (uint32_t)pl->b.n;
    m->alt_min_pop = b->alt_min_pop;
    return KB_OK;
}

static kb_status write_file(sections *S, kbi_geo_meta *m, const char *path,
                            size_t *bytes, kb_error *err)
{
    uint64_t h = 1469598103934665603ULL;
    for (int s = 1; s < KBI_GEO_NSEC; s++)
        for (size_t i = 0; i < S->s[s].n; i++) {
            h ^= S->s[s].p[i];
            h *= 1099511628211ULL;
        }
    m->body_hash = h;
    S->s[KBI_GEO_SEC_META].n = 0;
    if (!buf_add(&S->s[KBI_GEO_SEC_META], m, sizeof *m))
        return nomem(err);
    buf out = {0};
    size_t table_end = KBI_GEO_HEADER + KBI_GEO_NSEC * KBI_GEO_SECENT;
    unsigned char head[KBI_GEO_HEADER + KBI_GEO_NSEC * KBI_GEO_SECENT];
    memset(head, 0, sizeof head);
    memcpy(head, KBI_GEO_MAGIC, 8);
    wr32(head + 8, KBI_GEO_VERSION);
    wr32(head + 12, KBI_GEO_NSEC);
    uint32_t order = KBI_GEO_ORDER;
    memcpy(head + 16, &order, 4);
    uint64_t off = table_end;
    for (int s = 0; s < KBI_GEO_NSEC; s++) {
        off = (off + KBI_GEO_ALIGN - 1) / KBI_GEO_ALIGN * KBI_GEO_ALIGN;
        unsigned char *e = head + KBI_GEO_HEADER + s * KBI_GEO_SECENT;
        memcpy(e, kbi_geo_section_names[s], strlen(kbi_geo_section_names[s]));
        wr64(e + KBI_GEO_SECNAME, off);
        wr64(e + KBI_GEO_SECNAME + 8, S->s[s].n);
        off += S->s[s].n;
    }
    wr32(head + 20, kbi_geo_fnv32(S->s[KBI_GEO_SEC_META].p, sizeof *m,
                                  kbi_geo_fnv32(head, table_end,
                                                2166136261u)));
    static const unsigned char zeros[KBI_GEO_ALIGN];
    int ok = buf_add(&out, head, table_end);
    for (int s = 0; ok && s < KBI_GEO_NSEC; s++) {
        size_t pad = (KBI_GEO_ALIGN - out.n % KBI_GEO_ALIGN) % KBI_GEO_ALIGN;
        ok = buf_add(&out, zeros, pad) && buf_add(&out, S->s[s].p, S->s[s].n);
    }
    if (!ok) {
        free(out.p);
        return nomem(err);
    }
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 5);
    if (!tmp) {
        free(out.p);
        return nomem(err);
    }
    memcpy(tmp, path, plen);
    memcpy(tmp + plen, ".tmp", 5);
    FILE *f = fopen(tmp, "wb");
    int e = errno;
    ok = f && fwrite(out.p, 1, out.n, f) == out.n;
    if (f) {
        ok = ok && fflush(f) == 0;
        e = errno;
        if (fclose(f) != 0 && ok) {
            ok = 0;
            e = errno;
        }
    }
    if (ok && rename(tmp, path) != 0) {
        ok = 0;
        e = errno;
    }
    if (!ok) {
        if (f)
            remove(tmp);
        kbi_error_set(err, KB_ERR_IO, path, 0, 0,
                      "cannot write gazetteer: %s", strerror(e));
    }
    *bytes = out.n;
    free(tmp);
    free(out.p);
    return ok ? KB_OK : KB_ERR_IO;
}

kb_status kbi_geo_write(kbi_geo_builder *b, const char *path,
                        kbi_geo_meta *m, size_t *bytes, kb_error *err)
{
    sections S;
    memset(&S, 0, sizeof S);
    pool pl;
    memset(&pl, 0, sizeof pl);
    kbi_map_init(&pl.ix, NULL);
    kbi_arena_init(&pl.a, NULL);
    kb_status st = make_sections(b, &S, &pl, m, err);
    if (st == KB_OK)
        st = write_file(&S, m, path, bytes, err);
    for (int s = 0; s < KBI_GEO_NSEC; s++)
        free(S.s[s].p);
    free(pl.b.p);
    kbi_map_free(&pl.ix);
    kbi_arena_free(&pl.a);
    return st;
}
