/* gazetteer.c - kb_gazetteer: the checked open of the gazetteer file (mmap
 * or memory), lookups and entry access. See geo_file.h for the layout.
 *
 * Every number in the header is distrusted: the section table must fit,
 * each section must start on a 64-byte boundary after the table and end
 * inside the file (no overflow), in table order without overlapping, and
 * its size must agree with the counts in meta. Those checks cost the same
 * whatever the file size; the body is never scanned at load. Instead each
 * index read from the body is checked when it is used (entry, key,
 * posting, string offset), so damage inside the body can only give wrong
 * answers. */
#include "geo.h"
#include "geo_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/error.h"
#include "../base/util.h"

const char *const kbi_geo_section_names[KBI_GEO_NSEC] = {
    "meta", "entries", "codes", "countries",
    "keys", "postings", "buckets", "strings"};

struct kb_gazetteer {
    const unsigned char *data;
    size_t size;
    void *map;   /* mmap'd region, or NULL */
    void *copy;  /* aligned copy made by load_mem, or NULL */
    kbi_geo_meta m;
    uint32_t n_countries;
    const kbi_geo_rec *entries;
    const uint32_t *codes;
    const kbi_geo_country_rec *countries;
    const kbi_geo_key_rec *keys;
    const uint32_t *post;
    const uint32_t *buckets;
    const char *pool;
    uint64_t sec_off[KBI_GEO_NSEC], sec_size[KBI_GEO_NSEC];
};

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static uint64_t rd64(const unsigned char *p)
{
    return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

#define BAD(...)                                                         \
    do {                                                                 \
        kbi_error_set(err, KB_ERR_SYNTAX, name, 0, 0, __VA_ARGS__);      \
        return KB_ERR_SYNTAX;                                            \
    } while (0)

/* The header and section table. */
static kb_status check_table(kb_gazetteer *g, const char *name,
                             kb_error *err)
{
    const unsigned char *d = g->data;
    size_t size = g->size;
    if (size < KBI_GEO_HEADER)
        BAD("gazetteer truncated: %zu bytes, the header needs %d", size,
            KBI_GEO_HEADER);
    if (memcmp(d, KBI_GEO_MAGIC, 8) != 0)
        BAD("not a Khabar gazetteer file (bad magic)");
    uint32_t version = rd32(d + 8);
    if (version != KBI_GEO_VERSION)
        BAD("gazetteer version %u, this build reads version %u", version,
            KBI_GEO_VERSION);
    uint32_t n = rd32(d + 12);
    if (n != KBI_GEO_NSEC)
        BAD("gazetteer header corrupt: %u sections, expected %d", n,
            KBI_GEO_NSEC);
    uint32_t order;
    memcpy(&order, d + 16, 4);
    if (order != KBI_GEO_ORDER)
        BAD("gazetteer written with another byte order or corrupt");
    size_t table_end = KBI_GEO_HEADER + (size_t)n * KBI_GEO_SECENT;
    if (table_end > size)
        BAD("gazetteer truncated: %zu bytes, the section table needs %zu",
            size, table_end);
    uint64_t prev_end = table_end;
    for (uint32_t i = 0; i < n; i++) {
        const unsigned char *e = d + KBI_GEO_HEADER + (size_t)i *
                                                          KBI_GEO_SECENT;
        char sname[KBI_GEO_SECNAME + 1];
        memcpy(sname, e, KBI_GEO_SECNAME);
        sname[KBI_GEO_SECNAME] = '\0';
        uint64_t off = rd64(e + KBI_GEO_SECNAME);
        uint64_t sz = rd64(e + KBI_GEO_SECNAME + 8);
        if (strcmp(sname, kbi_geo_section_names[i]) != 0)
            BAD("gazetteer section %u is \"%s\", expected \"%s\"", i, sname,
                kbi_geo_section_names[i]);
        if (off % KBI_GEO_ALIGN != 0 || off < prev_end)
            BAD("gazetteer section %s: offset %llu not a multiple of %d "
                "after the previous section", sname,
                (unsigned long long)off, KBI_GEO_ALIGN);
        if (off > size || sz > size - off)
            BAD("gazetteer section %s: bytes %llu..%llu outside the file "
                "(%zu bytes; truncated?)", sname, (unsigned long long)off,
                (unsigned long long)(off + sz), size);
        g->sec_off[i] = off;
        g->sec_size[i] = sz;
        prev_end = off + sz;
    }
    /* the checksum covers the header, the table and the meta section */
    unsigned char zero[4] = {0, 0, 0, 0};
    uint32_t h = kbi_geo_fnv32(d, 20, 2166136261u);
    h = kbi_geo_fnv32(zero, 4, h);
    h = kbi_geo_fnv32(d + 24, table_end - 24, h);
    h = kbi_geo_fnv32(d + g->sec_off[KBI_GEO_SEC_META],
                      (size_t)g->sec_size[KBI_GEO_SEC_META], h);
    if (h != rd32(d + 20))
        BAD("gazetteer header corrupt (checksum mismatch)");
    return KB_OK;
}

/* Sizes of the sections against the counts in meta. */
static kb_status check_meta(kb_gazetteer *g, const char *name,
                            kb_error *err)
{
    if (g->sec_size[KBI_GEO_SEC_META] != sizeof g->m)
        BAD("gazetteer meta section has %llu bytes, expected %zu",
            (unsigned long long)g->sec_size[KBI_GEO_SEC_META], sizeof g->m);
    memcpy(&g->m, g->data + g->sec_off[KBI_GEO_SEC_META], sizeof g->m);
    const kbi_geo_meta *m = &g->m;
    if (!(m->n_admin1 <= m->n_div && m->n_div <= m->first_country &&
          m->first_country <= m->first_city &&
          m->first_city <= m->first_sup && m->first_sup <= m->n_entries))
        BAD("gazetteer meta corrupt: entry ranges out of order");
    if (m->n_entries >= KBI_GEO_MAX_POST || m->n_keys >= KBI_GEO_MAX_POST ||
        m->n_admin1 >= 0xFFFF || m->first_city - m->first_country >= 0xFF)
        BAD("gazetteer meta corrupt: counts over the format's limits");
    struct {
        int sec;
        uint64_t count, elem;
        const char *what;
    } want[] = {
        {KBI_GEO_SEC_ENTRIES, m->n_entries, sizeof(kbi_geo_rec), "entries"},
        {KBI_GEO_SEC_CODES, m->n_div, 4, "division codes"},
        {KBI_GEO_SEC_COUNTRIES, m->first_city - m->first_country,
         sizeof(kbi_geo_country_rec), "countries"},
        {KBI_GEO_SEC_KEYS, m->n_keys, sizeof(kbi_geo_key_rec), "keys"},
        {KBI_GEO_SEC_POSTINGS, m->n_postings, 4, "postings"},
        {KBI_GEO_SEC_BUCKETS, (uint64_t)m->n_buckets + 1, 4,
         "bucket offsets"},
        {KBI_GEO_SEC_STRINGS, m->pool_size, 1, "string bytes"},
    };
    for (size_t i = 0; i < sizeof want / sizeof *want; i++)
        if (g->sec_size[want[i].sec] != want[i].count * want[i].elem)
            BAD("gazetteer section %s has %llu bytes, meta says %llu %s",
                kbi_geo_section_names[want[i].sec],
                (unsigned long long)g->sec_size[want[i].sec],
                (unsigned long long)want[i].count, want[i].what);
    if (m->n_buckets == 0 || (m->n_buckets & (m->n_buckets - 1)) != 0 ||
        m->n_buckets >= KBI_GEO_MAX_POST)
        BAD("gazetteer meta corrupt: %u hash buckets", m->n_buckets);
    const unsigned char *d = g->data;
    if (m->pool_size == 0 ||
        d[g->sec_off[KBI_GEO_SEC_STRINGS] + m->pool_size - 1] != '\0')
        BAD("gazetteer strings section does not end with NUL");
    g->n_countries = m->first_city - m->first_country;
    g->entries = (const kbi_geo_rec *)(const void *)(d +
                                                     g->sec_off[KBI_GEO_SEC_ENTRIES]);
    g->codes = (const uint32_t *)(const void *)(d +
                                               g->sec_off[KBI_GEO_SEC_CODES]);
    g->countries = (const kbi_geo_country_rec *)(const void *)(
        d + g->sec_off[KBI_GEO_SEC_COUNTRIES]);
    g->keys = (const kbi_geo_key_rec *)(const void *)(
        d + g->sec_off[KBI_GEO_SEC_KEYS]);
    g->post = (const uint32_t *)(const void *)(d +
                                              g->sec_off[KBI_GEO_SEC_POSTINGS]);
    g->buckets = (const uint32_t *)(const void *)(
        d + g->sec_off[KBI_GEO_SEC_BUCKETS]);
    g->pool = (const char *)(d + g->sec_off[KBI_GEO_SEC_STRINGS]);
    return KB_OK;
}

#undef BAD

static kb_status finish(kb_gazetteer *g, const char *name,
                        kb_gazetteer **out, kb_error *err)
{
    kb_status st = check_table(g, name, err);
    if (st == KB_OK)
        st = check_meta(g, name, err);
    if (st != KB_OK) {
        kb_gazetteer_free(g);
        return st;
    }
    *out = g;
    return KB_OK;
}

kb_status kbi_geo_load_mem(const void *data, size_t size, const char *name,
                           kb_gazetteer **out, kb_error *err)
{
    *out = NULL;
    kb_gazetteer *g = calloc(1, sizeof *g);
    if (!g) {
        kbi_error_set(err, KB_ERR_NOMEM, name, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    if (size > 0 && (uintptr_t)data % KBI_GEO_ALIGN != 0) {
        /* the sections are read as arrays: give them aligned memory */
        size_t cap = (size + KBI_GEO_ALIGN - 1) / KBI_GEO_ALIGN *
                     KBI_GEO_ALIGN;
        g->copy = aligned_alloc(KBI_GEO_ALIGN, cap);
        if (!g->copy) {
            free(g);
            kbi_error_set(err, KB_ERR_NOMEM, name, 0, 0, "out of memory");
            return KB_ERR_NOMEM;
        }
        memcpy(g->copy, data, size);
        data = g->copy;
    }
    g->data = size ? data : (const unsigned char *)"";
    g->size = size;
    return finish(g, name, out, err);
}

KB_API kb_status kb_gazetteer_load(const char *path, kb_gazetteer **out,
                                   kb_error *err)
{
    char buf[4096];
    if (!out) {
        kbi_error_set(err, KB_ERR_INVALID, NULL, 0, 0, "no output pointer");
        return KB_ERR_INVALID;
    }
    *out = NULL;
    if (!path)
        path = kbi_data_path("geo/khabar-geo.bin", buf, sizeof buf);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        kbi_error_set(err, KB_ERR_IO, path, 0, 0,
                      "cannot open gazetteer: %s", strerror(errno));
        return KB_ERR_IO;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        kbi_error_set(err, KB_ERR_IO, path, 0, 0,
                      "cannot read gazetteer: not a regular file");
        return KB_ERR_IO;
    }
    kb_gazetteer *g = calloc(1, sizeof *g);
    if (!g) {
        close(fd);
        kbi_error_set(err, KB_ERR_NOMEM, path, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    g->size = (size_t)st.st_size;
    g->data = (const unsigned char *)"";
    if (g->size > 0) {
        void *p = mmap(NULL, g->size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            int e = errno;
            close(fd);
            free(g);
            kbi_error_set(err, KB_ERR_IO, path, 0, 0,
                          "cannot map gazetteer: %s", strerror(e));
            return KB_ERR_IO;
        }
        g->map = p;
        g->data = p;
    }
    close(fd);
    return finish(g, path, out, err);
}

KB_API void kb_gazetteer_free(kb_gazetteer *g)
{
    if (!g)
        return;
    if (g->map)
        munmap(g->map, g->size);
    free(g->copy);
    free(g);
}

kb_status kbi_geo_verify(const kb_gazetteer *g, kb_error *err)
{
    uint64_t h = 1469598103934665603ULL;
    for (int s = KBI_GEO_SEC_META + 1; s < KBI_GEO_NSEC; s++) {
        const unsigned char *p = g->data + g->sec_off[s];
        for (uint64_t i = 0; i < g->sec_size[s]; i++) {
            h ^= p[i];
            h *= 1099511628211ULL;
        }
    }
    if (h != g->m.body_hash) {
        kbi_error_set(err, KB_ERR_SYNTAX, NULL, 0, 0,
                      "gazetteer body corrupt (checksum mismatch)");
        return KB_ERR_SYNTAX;
    }
    return KB_OK;
}

/* ---- access -------------------------------------------------------------- */

static const char *str_at(const kb_gazetteer *g, uint32_t off)
{
    return off < g->m.pool_size ? g->pool + off : "";
}

size_t kbi_geo_entry_count(const kb_gazetteer *g)
{
    return g ? g->m.n_entries : 0;
}

int kbi_geo_country(const kb_gazetteer *g, int c, const char **iso2,
                    const char **iso3, uint32_t *entry)
{
    if (!g || c < 0 || (uint32_t)c >= g->n_countries)
        return 0;
    const kbi_geo_country_rec *r = &g->countries[c];
    if (iso2)
        *iso2 = str_at(g, r->iso2);
    if (iso3)
        *iso3 = str_at(g, r->iso3);
    if (entry)
        *entry = r->entry;
    return 1;
}

int kbi_geo_country_find(const kb_gazetteer *g, const char *iso2)
{
    /* countries are sorted by alpha-2 code */
    int lo = 0, hi = g ? (int)g->n_countries : 0;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(str_at(g, g->countries[mid].iso2), iso2);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

int kbi_geo_entry_get(const kb_gazetteer *g, uint32_t i, kbi_geo_entry *out)
{
    memset(out, 0, sizeof *out);
    out->country = -1;
    out->admin1 = -1;
    if (!g || i >= g->m.n_entries)
        return 0;
    const kbi_geo_rec *r = &g->entries[i];
    out->index = i;
    out->name = str_at(g, r->name);
    out->feature = (kbi_geo_feature)(r->type & 7);
    if (out->feature > KBI_GEO_REGION)
        out->feature = KBI_GEO_REGION;
    out->rank = (r->type >> 3) & 7;
    out->flags = (unsigned)(r->type >> 6);
    out->population = r->pop;
    out->country = r->country < g->n_countries ? r->country : -1;
    out->admin1 = i < g->m.n_admin1       ? (int32_t)i
                  : r->admin1 < g->m.n_admin1 ? r->admin1
                                              : -1;
    if (out->feature == KBI_GEO_CITY) {
        out->geonameid = r->id;
    } else {
        out->rank = 0;
    }
    if (i < g->m.n_div)
        out->admin_code = str_at(g, g->codes[i]);
    else if (out->admin1 >= 0)
        out->admin_code = str_at(g, g->codes[out->admin1]);
    if (out->admin_code && !*out->admin_code)
        out->admin_code = NULL;
    out->lat = r->lat / 1e5;
    out->lon = r->lon / 1e5;
    return 1;
}

/* ---- lookup -------------------------------------------------------------- */

int kbi_geo_key_get(const kb_gazetteer *g, uint32_t i, kbi_geo_key *out)
{
    memset(out, 0, sizeof *out);
    if (!g || i >= g->m.n_keys)
        return 0;
    const kbi_geo_key_rec *k = &g->keys[i];
    uint32_t n = k->count & 0xFFFF;
    out->index = i;
    out->flags = (k->count >> 16) & 0xFF;
    if (n == 1) {
        out->post = &k->post; /* a single posting is held in the key */
        out->n = 1;
    } else if (k->post <= g->m.n_postings &&
               n <= g->m.n_postings - k->post) {
        out->post = g->post + k->post;
        out->n = n;
    }
    return 1;
}

int kbi_geo_key_cand(const kb_gazetteer *g, const kbi_geo_key *k, uint32_t j,
                     uint32_t *entry, int *kind)
{
    if (!k->post || j >= k->n)
        return 0;
    uint32_t p = k->post[j];
    if ((p & 0xFFFFFF) >= g->m.n_entries)
        return 0;
    *entry = p & 0xFFFFFF;
    *kind = (int)(p >> 24);
    return 1;
}

int kbi_geo_lookup_folded(const kb_gazetteer *g, const char *key, size_t len,
                          kbi_geo_key *out)
{
    if (!g || len == 0 || len >= KBI_GEO_MAX_KEY)
        return 0;
    uint64_t h = kbi_hash(key, len);
    uint32_t fp = (uint32_t)(h >> 56);
    uint32_t b = (uint32_t)h & (g->m.n_buckets - 1);
    uint32_t lo = g->buckets[b], hi = g->buckets[b + 1];
    if (hi > g->m.n_keys)
        hi = g->m.n_keys;
    for (uint32_t ki = lo; ki < hi; ki++) {
        const kbi_geo_key_rec *k = &g->keys[ki];
        if (k->count >> 24 != fp)
            continue;
        const char *s = str_at(g, k->str);
        char f[KBI_GEO_MAX_KEY];
        size_t fl = kbi_geo_fold(s, strlen(s), f, sizeof f);
        if (fl == len && memcmp(f, key, len) == 0)
            return kbi_geo_key_get(g, ki, out);
    }
    return 0;
}

/* Arabic article variants: "al X" -> "X"; "al" <-> "el" at the start or
 * after a space ("Ras al Ain" / "Ras el Ain"). */
int kbi_geo_lookup_variants(const kb_gazetteer *g, const char *key,
                            size_t len, kbi_geo_key *out)
{
    if (kbi_geo_lookup_folded(g, key, len, out))
        return 1;
    if (len > 3 && memcmp(key, "al ", 3) == 0 &&
        kbi_geo_lookup_folded(g, key + 3, len - 3, out))
        return 1;
    if (len >= KBI_GEO_MAX_KEY)
        return 0;
    char v[KBI_GEO_MAX_KEY];
    for (size_t i = 0; i + 3 <= len; i++) {
        if ((i == 0 || key[i - 1] == ' ') && key[i + 1] == 'l' &&
            (key[i] == 'a' || key[i] == 'e') &&
            (i + 2 == len || key[i + 2] == ' ')) {
            memcpy(v, key, len);
            v[i] = key[i] == 'a' ? 'e' : 'a';
            if (kbi_geo_lookup_folded(g, v, len, out))
                return 1;
        }
    }
    return 0;
}

int kbi_geo_lookup(const kb_gazetteer *g, const char *s, size_t len,
                   kbi_geo_key *out)
{
    char f[KBI_GEO_MAX_KEY];
    size_t fl = kbi_geo_fold(s, len, f, sizeof f);
    if (fl >= sizeof f)
        return 0;
    return kbi_geo_lookup_variants(g, f, fl, out);
}
