/* geo_file.h - the gazetteer file (data/geo/khabar-geo.bin).
 *
 * Layout (little-endian, the host order of every machine Khabar targets;
 * a marker word refuses the file on another):
 *   offset 0   char magic[8] = "KHABARGZ"
 *   offset 8   u32 version (KBI_GEO_VERSION)
 *   offset 12  u32 nsections (KBI_GEO_NSEC)
 *   offset 16  u32 0x01020304 (byte order)
 *   offset 20  u32 header checksum: FNV-1a 32 of bytes [0, table end)
 *              with this field zero, then of the meta section
 *   offset 24  40 bytes zero
 *   offset 64  nsections x { char name[16] (NUL-padded); u64 offset;
 *                            u64 size }
 *   sections, in the order below, each at a multiple of 64:
 *     meta       one kbi_geo_meta (counts, the body checksum)
 *     entries    n_entries x kbi_geo_rec: admin1 divisions [0, n_admin1),
 *                admin2 [n_admin1, n_div), countries [first_country,
 *                first_city), cities [first_city, first_sup), supplement
 *                places [first_sup, n_entries)
 *     codes      n_div x u32: string offset of each division's code
 *     countries  n_countries x kbi_geo_country_rec
 *     keys       n_keys x kbi_geo_key_rec, grouped by hash bucket
 *                (bucket = FNV-1a 64 of the folded key & (n_buckets - 1)),
 *                by folded key inside a bucket
 *     postings   n_postings x u32: entry | kind << 24 (keys with one
 *                candidate hold it in the key record instead)
 *     buckets    n_buckets + 1 x u32 (n_buckets a power of two, about a
 *                quarter of n_keys): the keys of bucket b are
 *                [buckets[b], buckets[b + 1])
 *     strings    NUL-terminated UTF-8 strings; offset 0 is ""; the last
 *                byte is NUL
 *
 * Loading maps the file and checks only the header, the table and the
 * counts against the section sizes: O(1), whatever the size. Every index
 * and offset read later is checked against those bounds when it is used,
 * so a damaged body gives wrong answers at worst, never a read outside the
 * file; kbi_geo_verify recomputes the body checksum for tests and tools. */
#ifndef KB_GEO_FILE_H
#define KB_GEO_FILE_H

#include <stdint.h>

#define KBI_GEO_MAGIC "KHABARGZ"
#define KBI_GEO_VERSION 1u
#define KBI_GEO_ORDER 0x01020304u

enum {
    KBI_GEO_HEADER = 64, KBI_GEO_SECENT = 32, KBI_GEO_SECNAME = 16,
    KBI_GEO_ALIGN = 64,
    KBI_GEO_NSEC = 8,
    KBI_GEO_MAX_POST = 1 << 24,  /* entries and keys fit in 24 bits */
    KBI_GEO_MAX_CANDS = 0xFFFF   /* postings of one key */
};

enum {
    KBI_GEO_SEC_META, KBI_GEO_SEC_ENTRIES, KBI_GEO_SEC_CODES,
    KBI_GEO_SEC_COUNTRIES, KBI_GEO_SEC_KEYS, KBI_GEO_SEC_POSTINGS,
    KBI_GEO_SEC_BUCKETS, KBI_GEO_SEC_STRINGS
};

extern const char *const kbi_geo_section_names[KBI_GEO_NSEC];

typedef struct kbi_geo_meta {
    uint32_t n_entries, n_admin1, n_div, first_country;
    uint32_t first_city, first_sup, n_keys, n_postings;
    uint32_t n_buckets, pool_size, alt_min_pop, reserved;
    uint64_t body_hash; /* FNV-1a 64 over every section after meta */
    uint64_t reserved2[3];
} kbi_geo_meta;

/* type: feature (bits 0-2), rank (bits 3-5), KBI_GEO_E_* << 6. */
typedef struct kbi_geo_rec {
    uint32_t name;    /* string offset */
    uint32_t id;      /* GeoNames id, 0 unless a city */
    int32_t lat, lon; /* 1e-5 degrees */
    uint32_t pop;
    uint16_t admin1;  /* admin1 entry index, 0xFFFF none */
    uint8_t country;  /* country index, 0xFF none */
    uint8_t type;
} kbi_geo_rec;

typedef struct kbi_geo_country_rec {
    uint32_t iso2, iso3; /* string offsets */
    uint32_t entry;
} kbi_geo_country_rec;

/* count: bits 0-15 the number of postings, bits 16-23 KBI_GEO_KEY_*,
 * bits 24-31 a fingerprint (the top byte of the key's FNV-1a 64 hash). */
typedef struct kbi_geo_key_rec {
    uint32_t str;   /* a name whose fold is the key */
    uint32_t post;  /* first posting; the posting itself when count 1 */
    uint32_t count;
} kbi_geo_key_rec;

_Static_assert(sizeof(kbi_geo_meta) == 80, "meta layout");
_Static_assert(sizeof(kbi_geo_rec) == 24, "entry layout");
_Static_assert(sizeof(kbi_geo_country_rec) == 12, "country layout");
_Static_assert(sizeof(kbi_geo_key_rec) == 12, "key layout");

/* FNV-1a 32, for the header checksum. */
static inline uint32_t kbi_geo_fnv32(const unsigned char *p, size_t n,
                                     uint32_t h)
{
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 16777619u;
    }
    return h;
}

#endif
