/* build.h - the gazetteer builder's working state, shared by build_read.c
 * (reading the sources) and build.c (names -> keys, layout, writing). */
#ifndef KB_GEO_BUILD_H
#define KB_GEO_BUILD_H

#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../base/error.h"
#include "../base/map.h"
#include "geo.h"
#include "geo_file.h"

typedef struct bplace {
    const char *name;       /* display name */
    const char *ascii;      /* cities: the ASCII name, or NULL */
    const char *alts;       /* cities: GeoNames alternates, comma-separated */
    const char *code;       /* divisions: "IQ.13"; cities: their admin2 code
                               "IQ.13.94787" for centres; supplement: the
                               admin1 code or NULL */
    const char *cc;         /* supplement: ISO alpha-2 as written */
    uint32_t id;            /* GeoNames id (cities) */
    int32_t lat, lon;       /* 1e-5 degrees */
    int has_pos;
    double wlat, wlon, w;   /* population-weighted centre being summed */
    uint64_t pop;
    int admin1;             /* index in b->admin1, -1 */
    int country;            /* index in b->countries, -1 */
    int feature, rank;
    unsigned flags;         /* KBI_GEO_E_* */
} bplace;

typedef struct bcountry {
    const char *iso2, *iso3, *name, *display, *long_name, *demonyms,
        *alts;
    int32_t lat, lon;
    uint64_t pop;
} bcountry;

/* A name of an entry, before folding. */
typedef struct bname {
    const char *fold;  /* key */
    const char *orig;  /* as written (its fold is `fold`) */
    uint32_t entry;    /* final entry index */
    uint8_t kind;      /* KBI_GEO_K_* */
} bname;

/* An alias or demonym row of the supplement, applied after the layout. */
typedef struct balias {
    const char *names;   /* '|'-separated */
    const char *target;  /* geonameid, admin code or ISO alpha-2 */
    int kind;            /* KBI_GEO_K_ALT or KBI_GEO_K_DEMONYM */
    const char *file;
    int line;
} balias;

typedef struct kbi_geo_builder {
    kbi_arena a;
    kb_diag_fn diag;
    void *user;
    size_t skipped;
    uint32_t alt_min_pop;
    bcountry *countries;
    size_t ncountries, ccap;
    bplace *admin1, *admin2, *cities, *sup;
    size_t nadmin1, a1cap, nadmin2, a2cap, ncities, ccities, nsup, scap;
    balias *aliases;
    size_t naliases, alcap;
    kbi_map stop, common;    /* folded words */
    const char **stops;      /* the stop words, in file order */
    size_t nstops, stopcap;
    kbi_map country_ix, admin1_ix, admin2_ix; /* code -> index */
    bname *names;
    size_t nnames, ncap;
    size_t alternates;
    char *bufs[8];           /* the files read, kept for the strings */
    size_t buflens[8];
    int nbufs;
} kbi_geo_builder;

/* Reports a skipped input line through the diag hook. */
void kbi_geo_build_report(kbi_geo_builder *b, const char *file, int line,
                          const char *fmt, ...) KBI_PRINTF(4, 5);

/* build_read.c: each fills the builder from one source. */
kb_status kbi_geo_read_countries(kbi_geo_builder *b, const char *path,
                                 kb_error *err);
kb_status kbi_geo_read_supplement(kbi_geo_builder *b, const char *path,
                                  kb_error *err);
kb_status kbi_geo_read_admin(kbi_geo_builder *b, const char *path,
                             int level, kb_error *err);
kb_status kbi_geo_read_cities(kbi_geo_builder *b, const char *path,
                              kb_error *err);
kb_status kbi_geo_read_words(kbi_geo_builder *b, const char *path,
                             int lexicon, kb_error *err);

/* Entry index ranges, in file order: admin1 from 0, then admin2, countries,
 * cities and the supplement. */
typedef struct kbi_geo_ranges {
    uint32_t admin2, country, city, sup, end;
} kbi_geo_ranges;

static inline kbi_geo_ranges kbi_geo_ranges_of(const kbi_geo_builder *b)
{
    kbi_geo_ranges r;
    r.admin2 = (uint32_t)b->nadmin1;
    r.country = r.admin2 + (uint32_t)b->nadmin2;
    r.city = r.country + (uint32_t)b->ncountries;
    r.sup = r.city + (uint32_t)b->ncities;
    r.end = r.sup + (uint32_t)b->nsup;
    return r;
}

/* The entry of a name that only marks a KBI_GEO_KEY_LOWSTART key, and of
 * a stop phrase that names nothing ("Latin America"): no posting. */
#define KBI_GEO_LOWSTART_ENTRY UINT32_MAX
#define KBI_GEO_STOPONLY_ENTRY (UINT32_MAX - 1)

/* "Korea (Republic of)" -> "Korea", "Korea (North)" -> "North Korea",
 * "Palestine, State of" -> "Palestine" (build.c). */
void kbi_geo_clean_country(const char *s, char *out, size_t cap);

/* build_write.c: lays the sorted builder state out as the gazetteer file
 * and writes it atomically to path; fills *m and *bytes. Sorts b->names. */
kb_status kbi_geo_write(kbi_geo_builder *b, const char *path,
                        kbi_geo_meta *m, size_t *bytes, kb_error *err);

/* Splits s at `sep` into at most max fields (pointers into s, which is
 * modified); returns the number of fields. */
int kbi_geo_split(char *s, char sep, char **f, int max);

#endif
