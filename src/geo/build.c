/* build.c - compiles GeoNames, the country list and Khabar's supplement
 * into the gazetteer file (kbi_geo_build; tools/gazetteer.c is its
 * command line). The readers are in build_read.c, the layout of the file
 * in build_write.c.
 *
 * What becomes a name of what:
 *   countries   their name (parentheses and ", State of" dropped), the
 *               full and long names, the Latin alternative names, their
 *               demonyms ("Iraqi") and plural demonyms ("Iraqis")
 *   admin1/2    their name; the name without a division word ("Maidan
 *               Wardak Province" -> "Maidan Wardak", "Zakho District" ->
 *               "Zakho"); an admin1 named like the PPLA city in it also
 *               takes that city's alternate names ("Sulaimani")
 *   cities      name and ASCII name; Latin-script alternate names of
 *               places of at least alt_min_pop people, of capitals (PPLC,
 *               PPLA) and of district seats of unknown population (PPLA2,
 *               population 0) - not codes (no lower-case letter), not
 *               lower-case transliterations, no digits or brackets
 *   Arab world  a name starting with an article ("Al Kut", "As Samawah",
 *               "An Najaf") is also indexed without it
 *   supplement  its places, and aliases and demonyms of any entry
 * The same inputs give the same bytes: everything is sorted on full keys
 * and nothing depends on addresses, time or locale. */
#include "build.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/util.h"
#include "../base/vec.h"

static kb_status nomem(kb_error *err)
{
    kbi_error_set(err, KB_ERR_NOMEM, NULL, 0, 0, "out of memory");
    return KB_ERR_NOMEM;
}

/* ---- names ---------------------------------------------------------------- */

static int push_name(kbi_geo_builder *b, const char *fold, const char *orig,
                     uint32_t entry, int kind)
{
    if (!kbi_vec_reserve(NULL, (void **)&b->names, &b->ncap, b->nnames + 1,
                         sizeof *b->names))
        return 0;
    bname *n = &b->names[b->nnames++];
    n->fold = fold;
    n->orig = orig;
    n->entry = entry;
    n->kind = (uint8_t)kind;
    return 1;
}

static const char *const ARTICLES[] = {"al ", "el ", "an ", "ar ", "as ",
                                       "ad ", "at ", "az ", "ash ", "adh ",
                                       "ath ", "ad ", NULL};
static const char *const DIV_SUFFIX[] = {
    " province", " governorate", " region", " district", " oblast",
    " state", " county", " prefecture", " municipality", " department",
    " parish", " borough", " krai", " okrug", NULL};
static const char *const DIV_PREFIX[] = {"qada ", "qadaa ", "muhafazat ",
                                         "nahiyat ", "province of ",
                                         "wilayat ", NULL};

/* Adds orig (and the names derived from it) as a name of entry. */
static int add_name(kbi_geo_builder *b, const char *orig, uint32_t entry,
                    int kind, int arab, int division)
{
    char f[KBI_GEO_MAX_KEY];
    size_t fl = kbi_geo_fold(orig, strlen(orig), f, sizeof f);
    if (fl == 0 || fl >= sizeof f)
        return 1;
    char *key = kbi_arena_strndup(&b->a, f, fl);
    if (!key || !push_name(b, key, orig, entry, kind))
        return 0;
    int dkind = kind == KBI_GEO_K_DEMONYM ? kind : KBI_GEO_K_DERIVED;
    if (arab)
        for (int i = 0; ARTICLES[i]; i++) {
            size_t al = strlen(ARTICLES[i]);
            if (fl > al + 2 && memcmp(key, ARTICLES[i], al) == 0) {
                if (!push_name(b, key + al, key + al, entry, dkind))
                    return 0;
                break;
            }
        }
    if (division) {
        for (int i = 0; DIV_SUFFIX[i]; i++) {
            size_t sl = strlen(DIV_SUFFIX[i]);
            if (fl > sl + 2 && memcmp(key + fl - sl, DIV_SUFFIX[i], sl) == 0) {
                char *k = kbi_arena_strndup(&b->a, key, fl - sl);
                if (!k || !push_name(b, k, k, entry, dkind))
                    return 0;
                break;
            }
        }
        for (int i = 0; DIV_PREFIX[i]; i++) {
            size_t pl = strlen(DIV_PREFIX[i]);
            if (fl > pl + 2 && memcmp(key, DIV_PREFIX[i], pl) == 0) {
                if (!push_name(b, key + pl, key + pl, entry, dkind))
                    return 0;
                break;
            }
        }
    }
    return 1;
}

static int is_arab(const char *iso2)
{
    static const char list[] =
        "IQ SY LB JO PS SA YE OM AE QA BH KW EG LY TN DZ MA MR SD EH";
    return iso2 && strlen(iso2) == 2 && strstr(list, iso2) != NULL;
}

/* A GeoNames alternate name worth indexing for English news. */
static int alt_ok(const char *s, size_t n)
{
    int upper = 0, lower = 0;
    if (n == 0 || n > 60)
        return 0;
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        unsigned c = p[i];
        if (c >= '0' && c <= '9')
            return 0;
        if (c == '(' || c == ')' || c == '/' || c == ',' || c == '[' ||
            c == ';' || c == ':')
            return 0;
        if (c >= 'A' && c <= 'Z')
            upper = 1;
        else if (c >= 'a' && c <= 'z')
            lower = 1;
        else if (c >= 0x80) {
            /* Latin only: U+0080..U+024F (lead bytes C2..C9), U+1E00..
             * U+1EFF (E1 B8..BB), quotes and modifier letters */
            if (c >= 0xC2 && c <= 0xC9) {
                if (c == 0xC3 && i + 1 < n && p[i + 1] >= 0x80 &&
                    p[i + 1] <= 0x9E && p[i + 1] != 0x97)
                    upper |= i == 0;
                i++;
            } else if (c == 0xCA && i + 1 < n && p[i + 1] >= 0xBB &&
                       p[i + 1] <= 0xBF) {
                i++;
            } else if (c == 0xE1 && i + 2 < n && p[i + 1] >= 0xB8 &&
                       p[i + 1] <= 0xBB) {
                upper |= i == 0;
                i += 2;
            } else if (c == 0xE2 && i + 2 < n && p[i + 1] == 0x80 &&
                       (p[i + 2] == 0x98 || p[i + 2] == 0x99)) {
                i += 2;
            } else {
                return 0;
            }
        }
    }
    return upper && lower;
}

/* Cleans a country name: "Korea (Republic of)" -> "Korea", "Korea
 * (North)" -> "North Korea", "Palestine, State of" -> "Palestine",
 * "Congo [DRC]" -> "Congo". */
void kbi_geo_clean_country(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    const char *par = NULL;
    size_t parlen = 0;
    for (const char *p = s; *p && n + 1 < cap; p++) {
        if (*p == '(' || *p == '[') {
            char close = *p == '(' ? ')' : ']';
            const char *e = strchr(p, close);
            par = p + 1;
            parlen = e ? (size_t)(e - par) : strlen(par);
            if (!e)
                break;
            p = e;
            continue;
        }
        if (*p == ',')
            break;
        out[n++] = *p;
    }
    while (n && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
    if (par && parlen == 5 &&
        (strncmp(par, "North", 5) == 0 || strncmp(par, "South", 5) == 0) &&
        n + 7 < cap) {
        memmove(out + 6, out, n + 1);
        memcpy(out, par, 5);
        out[5] = ' ';
    }
}

static int add_country_names(kbi_geo_builder *b, const bcountry *c,
                             uint32_t entry)
{
    char buf[256];
    int ok = 1;
    kbi_geo_clean_country(c->name, buf, sizeof buf);
    char *clean = kbi_arena_strdup(&b->a, buf);
    ok = clean && add_name(b, clean, entry, KBI_GEO_K_NAME, 0, 0);
    ok = ok && add_name(b, c->name, entry, KBI_GEO_K_NAME, 0, 0);
    if (c->display)
        ok = ok && add_name(b, c->display, entry, KBI_GEO_K_NAME, 0, 0);
    if (*c->long_name)
        ok = ok && add_name(b, c->long_name, entry, KBI_GEO_K_NAME, 0, 0);
    /* alternative names: '|'-separated */
    for (const char *p = c->alts; ok && *p;) {
        const char *e = strchr(p, '|');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        char raw[256];
        if (l < sizeof raw) {
            memcpy(raw, p, l);
            raw[l] = '\0';
            kbi_geo_clean_country(raw, buf, sizeof buf);
            char *alt = kbi_arena_strdup(&b->a, buf);
            ok = alt && add_name(b, alt, entry, KBI_GEO_K_ALT, 0, 0);
        }
        p = e ? e + 1 : p + l;
    }
    /* demonyms: ", "-separated; plurals of "-an" and "-i" */
    for (const char *p = c->demonyms; ok && *p;) {
        while (*p == ' ')
            p++;
        const char *e = strchr(p, ',');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        char *d = kbi_arena_strndup(&b->a, p, l);
        ok = d && add_name(b, d, entry, KBI_GEO_K_DEMONYM, 0, 0);
        if (ok && l > 2 && (d[l - 1] == 'i' ||
                            (d[l - 2] == 'a' && d[l - 1] == 'n'))) {
            char pl[128];
            snprintf(pl, sizeof pl, "%s%s", d, "s");
            char *ps = kbi_arena_strdup(&b->a, pl);
            ok = ps && add_name(b, ps, entry, KBI_GEO_K_DEMONYM, 0, 0);
        }
        p = e ? e + 1 : p + l;
    }
    return ok;
}

/* ---- layout --------------------------------------------------------------- */

static int cmp_country(const void *x, const void *y)
{
    return strcmp(((const bcountry *)x)->iso2, ((const bcountry *)y)->iso2);
}

static int cmp_code(const void *x, const void *y)
{
    return strcmp(((const bplace *)x)->code, ((const bplace *)y)->code);
}

static int cmp_id(const void *x, const void *y)
{
    uint32_t a = ((const bplace *)x)->id, c = ((const bplace *)y)->id;
    return a < c ? -1 : a > c;
}

/* Sorts places by code, drops duplicates (reported) and indexes them. */
static kb_status index_codes(kbi_geo_builder *b, bplace *p, size_t *n,
                             kbi_map *ix, const char *what, kb_error *err)
{
    if (*n)
        qsort(p, *n, sizeof *p, cmp_code);
    size_t k = 0;
    for (size_t i = 0; i < *n; i++) {
        if (k && strcmp(p[k - 1].code, p[i].code) == 0) {
            kbi_geo_build_report(b, what, 0, "code %s appears twice",
                                 p[i].code);
            continue;
        }
        p[k++] = p[i];
    }
    *n = k;
    for (size_t i = 0; i < k; i++)
        if (!kbi_map_put(ix, p[i].code, strlen(p[i].code), (int32_t)i))
            return nomem(err);
    return KB_OK;
}

static void centre_add(bplace *p, const bplace *city)
{
    double w = (double)city->pop + 1.0;
    p->wlat += w * city->lat;
    p->wlon += w * city->lon;
    p->w += w;
    p->pop += city->pop;
}

static void centre_finish(bplace *p, int32_t lat, int32_t lon)
{
    if (p->w > 0) {
        double la = p->wlat / p->w, lo = p->wlon / p->w;
        p->lat = (int32_t)(la < 0 ? la - 0.5 : la + 0.5);
        p->lon = (int32_t)(lo < 0 ? lo - 0.5 : lo + 0.5);
    } else {
        p->lat = lat;
        p->lon = lon;
    }
    p->has_pos = 1;
}

/* Sorts everything, sums the divisions' populations and centres and
 * resolves the supplement's codes. */
static kb_status layout(kbi_geo_builder *b, kb_error *err)
{
    kb_status st;
    /* countries were indexed before the cities were read */
    st = index_codes(b, b->admin1, &b->nadmin1, &b->admin1_ix, "admin1",
                     err);
    if (st != KB_OK)
        return st;
    st = index_codes(b, b->admin2, &b->nadmin2, &b->admin2_ix, "admin2",
                     err);
    if (st != KB_OK)
        return st;
    for (size_t i = 0; i < b->nadmin1; i++)
        b->admin1[i].country = kbi_map_get(&b->country_ix,
                                           b->admin1[i].code, 2);
    for (size_t i = 0; i < b->nadmin2; i++) {
        bplace *p = &b->admin2[i];
        const char *dot = strchr(p->code + 3, '.');
        p->country = kbi_map_get(&b->country_ix, p->code, 2);
        p->admin1 = dot ? kbi_map_get(&b->admin1_ix, p->code,
                                      (size_t)(dot - p->code))
                        : -1;
    }
    return KB_OK;
}

static kb_status sums(kbi_geo_builder *b, kb_error *err)
{
    if (b->ncities)
        qsort(b->cities, b->ncities, sizeof *b->cities, cmp_id);
    size_t k = 0;
    for (size_t i = 0; i < b->ncities; i++) {
        if (k && b->cities[k - 1].id == b->cities[i].id) {
            kbi_geo_build_report(b, "cities", 0, "GeoNames id %u twice",
                                 b->cities[i].id);
            continue;
        }
        b->cities[k++] = b->cities[i];
    }
    b->ncities = k;
    for (size_t i = 0; i < b->ncities; i++) {
        const bplace *c = &b->cities[i];
        if (c->admin1 >= 0)
            centre_add(&b->admin1[c->admin1], c);
        if (c->code) {
            int32_t a2 = kbi_map_get(&b->admin2_ix, c->code, strlen(c->code));
            if (a2 >= 0)
                centre_add(&b->admin2[a2], c);
        }
        b->countries[c->country].pop += c->pop;
    }
    for (size_t i = 0; i < b->nadmin1; i++) {
        bplace *p = &b->admin1[i];
        const bcountry *c = p->country >= 0 ? &b->countries[p->country] : NULL;
        centre_finish(p, c ? c->lat : 0, c ? c->lon : 0);
    }
    for (size_t i = 0; i < b->nadmin2; i++) {
        bplace *p = &b->admin2[i];
        if (p->admin1 >= 0)
            centre_finish(p, b->admin1[p->admin1].lat,
                          b->admin1[p->admin1].lon);
        else if (p->country >= 0)
            centre_finish(p, b->countries[p->country].lat,
                          b->countries[p->country].lon);
        else
            centre_finish(p, 0, 0);
    }
    for (size_t i = 0; i < b->nsup; i++) {
        bplace *p = &b->sup[i];
        p->country = kbi_map_get(&b->country_ix, p->cc, 2);
        if (p->country < 0)
            kbi_geo_build_report(b, "supplement", 0,
                                 "%s: unknown country %s", p->name, p->cc);
        if (p->code) {
            p->admin1 = kbi_map_get(&b->admin1_ix, p->code, strlen(p->code));
            if (p->admin1 < 0)
                kbi_geo_build_report(b, "supplement", 0,
                                     "%s: unknown admin1 code %s", p->name,
                                     p->code);
        }
    }
    (void)err;
    return KB_OK;
}

static const bplace *city_by_id(const kbi_geo_builder *b, uint32_t id,
                                size_t *at)
{
    size_t lo = 0, hi = b->ncities;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (b->cities[mid].id == id) {
            *at = mid;
            return &b->cities[mid];
        }
        if (b->cities[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Adds every alternate of a city that alt_ok accepts to entry. */
static int add_alts(kbi_geo_builder *b, const bplace *c, uint32_t entry,
                    int arab)
{
    for (const char *p = c->alts; *p;) {
        const char *e = strchr(p, ',');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (alt_ok(p, l)) {
            char *s = kbi_arena_strndup(&b->a, p, l);
            if (!s || !add_name(b, s, entry, KBI_GEO_K_ALT, arab, 0))
                return 0;
            b->alternates++;
        }
        p = e ? e + 1 : p + l;
    }
    return 1;
}

/* 1 when fold(a) == fold(b). */
static int same_fold(const char *a, const char *c)
{
    char x[KBI_GEO_MAX_KEY], y[KBI_GEO_MAX_KEY];
    size_t xl = kbi_geo_fold(a, strlen(a), x, sizeof x);
    size_t yl = kbi_geo_fold(c, strlen(c), y, sizeof y);
    return xl == yl && xl < sizeof x && memcmp(x, y, xl) == 0;
}

static kb_status collect_names(kbi_geo_builder *b, kb_error *err)
{
    kbi_geo_ranges r = kbi_geo_ranges_of(b);
    for (size_t i = 0; i < b->nadmin1; i++) {
        const bplace *p = &b->admin1[i];
        int arab = p->country >= 0 && is_arab(b->countries[p->country].iso2);
        if (!add_name(b, p->name, (uint32_t)i, KBI_GEO_K_NAME, arab, 1))
            return nomem(err);
    }
    for (size_t i = 0; i < b->nadmin2; i++) {
        const bplace *p = &b->admin2[i];
        int arab = p->country >= 0 && is_arab(b->countries[p->country].iso2);
        if (!add_name(b, p->name, r.admin2 + (uint32_t)i, KBI_GEO_K_NAME,
                      arab, 1))
            return nomem(err);
    }
    for (size_t i = 0; i < b->ncountries; i++)
        if (!add_country_names(b, &b->countries[i], r.country + (uint32_t)i))
            return nomem(err);
    for (size_t i = 0; i < b->ncities; i++) {
        const bplace *c = &b->cities[i];
        uint32_t e = r.city + (uint32_t)i;
        int arab = is_arab(b->countries[c->country].iso2);
        if (!add_name(b, c->name, e, KBI_GEO_K_NAME, arab, 0) ||
            !add_name(b, c->ascii, e, KBI_GEO_K_NAME, arab, 0))
            return nomem(err);
        /* capitals, and district seats whose population GeoNames does
         * not know (many in Iraq and Syria) */
        int capital = c->rank == KBI_GEO_PPLC || c->rank == KBI_GEO_PPLA ||
                      (c->rank == KBI_GEO_PPLA2 && c->pop == 0);
        if ((c->pop >= b->alt_min_pop || capital) && !add_alts(b, c, e, arab))
            return nomem(err);
        /* an admin1 named like its capital takes the capital's names */
        if (c->rank >= KBI_GEO_PPLA && c->admin1 >= 0) {
            const bplace *a1 = &b->admin1[c->admin1];
            if (same_fold(a1->name, c->name) ||
                same_fold(a1->name, c->ascii)) {
                uint32_t ae = (uint32_t)c->admin1;
                if (!add_name(b, c->name, ae, KBI_GEO_K_ALT, arab, 0) ||
                    !add_name(b, c->ascii, ae, KBI_GEO_K_ALT, arab, 0) ||
                    !add_alts(b, c, ae, arab))
                    return nomem(err);
            }
        }
    }
    for (size_t i = 0; i < b->nsup; i++) {
        /* '|'-separated names; the first is the display name */
        bplace *p = &b->sup[i];
        char *names = kbi_arena_strdup(&b->a, p->name);
        if (!names)
            return nomem(err);
        char *f[32];
        int n = kbi_geo_split(names, '|', f, 32);
        p->name = f[0];
        int arab = p->country >= 0 && is_arab(b->countries[p->country].iso2);
        for (int k = 0; k < n; k++) {
            if (!add_name(b, f[k], r.sup + (uint32_t)i,
                          k ? KBI_GEO_K_ALT : KBI_GEO_K_NAME, arab, 0))
                return nomem(err);
            if (p->flags & KBI_GEO_E_LOWER) {
                /* its first word marks where lower-case phrases start */
                char w[KBI_GEO_MAX_KEY];
                size_t wl = kbi_geo_fold(f[k], strlen(f[k]), w, sizeof w);
                char *sp = wl < sizeof w ? strchr(w, ' ') : NULL;
                char *first = sp ? kbi_arena_strndup(&b->a, w,
                                                     (size_t)(sp - w))
                                 : NULL;
                if (sp && (!first || !push_name(b, first, first, KBI_GEO_LOWSTART_ENTRY,
                                                KBI_GEO_K_NAME)))
                    return nomem(err);
            }
        }
    }
    /* stop phrases are keys even when they name nothing, so that the
     * matcher can step over them whole ("Latin America") */
    for (size_t i = 0; i < b->nstops; i++)
        if (!push_name(b, b->stops[i], b->stops[i], KBI_GEO_STOPONLY_ENTRY,
                       KBI_GEO_K_NAME))
            return nomem(err);
    /* aliases and demonyms of existing entries */
    for (size_t i = 0; i < b->naliases; i++) {
        const balias *al = &b->aliases[i];
        int64_t e = -1;
        const char *t = al->target;
        size_t at;
        uint64_t id = 0;
        int digits = *t != '\0';
        for (const char *q = t; *q; q++)
            digits &= kbi_isdigit((unsigned char)*q);
        if (digits) {
            for (const char *q = t; *q && id < UINT32_MAX; q++)
                id = id * 10 + (uint64_t)(*q - '0');
            if (id <= UINT32_MAX && city_by_id(b, (uint32_t)id, &at))
                e = r.city + (int64_t)at;
        } else if (strchr(t, '.')) {
            int32_t k = kbi_map_get(&b->admin1_ix, t, strlen(t));
            if (k >= 0)
                e = k;
            else if ((k = kbi_map_get(&b->admin2_ix, t, strlen(t))) >= 0)
                e = r.admin2 + k;
        } else {
            int32_t k = kbi_map_get(&b->country_ix, t, strlen(t));
            if (k >= 0)
                e = r.country + k;
        }
        if (e < 0) {
            kbi_geo_build_report(b, al->file, al->line,
                                 "alias target %s not found", t);
            continue;
        }
        char *names = kbi_arena_strdup(&b->a, al->names);
        if (!names)
            return nomem(err);
        char *f[32];
        int n = kbi_geo_split(names, '|', f, 32);
        for (int k = 0; k < n; k++)
            if (!add_name(b, f[k], (uint32_t)e, al->kind, 0, 0))
                return nomem(err);
    }
    return KB_OK;
}

/* ---- the whole build -------------------------------------------------------- */

static void builder_free(kbi_geo_builder *b)
{
    free(b->countries);
    free(b->admin1);
    free(b->admin2);
    free(b->cities);
    free(b->sup);
    free(b->aliases);
    free(b->names);
    free(b->stops);
    kbi_map_free(&b->stop);
    kbi_map_free(&b->common);
    kbi_map_free(&b->country_ix);
    kbi_map_free(&b->admin1_ix);
    kbi_map_free(&b->admin2_ix);
    for (int i = 0; i < b->nbufs; i++)
        kbi_free(NULL, b->bufs[i], b->buflens[i] + 1);
    kbi_arena_free(&b->a);
}

static kb_status read_all(kbi_geo_builder *b, const kbi_geo_sources *src,
                          kb_error *err)
{
    kb_status st = KB_OK;
    if (src->stopwords)
        st = kbi_geo_read_words(b, src->stopwords, 0, err);
    if (st == KB_OK && src->lexicon)
        st = kbi_geo_read_words(b, src->lexicon, 1, err);
    if (st == KB_OK)
        st = kbi_geo_read_countries(b, src->countries, err);
    if (st == KB_OK && src->supplement)
        st = kbi_geo_read_supplement(b, src->supplement, err);
    if (st != KB_OK)
        return st;
    if (b->ncountries)
        qsort(b->countries, b->ncountries, sizeof *b->countries, cmp_country);
    size_t k = 0;
    for (size_t i = 0; i < b->ncountries; i++) {
        if (k && strcmp(b->countries[k - 1].iso2, b->countries[i].iso2) == 0) {
            kbi_geo_build_report(b, src->countries, 0,
                                 "country %s appears twice",
                                 b->countries[i].iso2);
            continue;
        }
        b->countries[k++] = b->countries[i];
    }
    b->ncountries = k;
    if (k >= 0xFF) {
        kbi_error_set(err, KB_ERR_LIMIT, src->countries, 0, 0,
                      "%zu countries: the format holds at most 254", k);
        return KB_ERR_LIMIT;
    }
    for (size_t i = 0; i < k; i++)
        if (!kbi_map_put(&b->country_ix, b->countries[i].iso2, 2, (int32_t)i))
            return nomem(err);
    st = kbi_geo_read_admin(b, src->admin1, 1, err);
    if (st == KB_OK && src->admin2)
        st = kbi_geo_read_admin(b, src->admin2, 2, err);
    if (st == KB_OK)
        st = layout(b, err);
    if (st == KB_OK && b->nadmin1 >= 0xFFFF) {
        kbi_error_set(err, KB_ERR_LIMIT, src->admin1, 0, 0,
                      "%zu admin1 divisions: the format holds at most "
                      "65534", b->nadmin1);
        return KB_ERR_LIMIT;
    }
    if (st == KB_OK)
        st = kbi_geo_read_cities(b, src->cities, err);
    if (st == KB_OK)
        st = sums(b, err);
    return st;
}

kb_status kbi_geo_build(const kbi_geo_sources *src, const char *out_path,
                        kb_diag_fn diag, void *user,
                        kbi_geo_build_stats *stats, kb_error *err)
{
    if (!src || !src->cities || !src->admin1 || !src->countries || !out_path) {
        kbi_error_set(err, KB_ERR_INVALID, NULL, 0, 0,
                      "the gazetteer needs cities, admin1, countries and an "
                      "output path");
        return KB_ERR_INVALID;
    }
    kbi_geo_builder b;
    memset(&b, 0, sizeof b);
    kbi_arena_init(&b.a, NULL);
    kbi_map_init(&b.stop, NULL);
    kbi_map_init(&b.common, NULL);
    kbi_map_init(&b.country_ix, NULL);
    kbi_map_init(&b.admin1_ix, NULL);
    kbi_map_init(&b.admin2_ix, NULL);
    b.diag = diag;
    b.user = user;
    b.alt_min_pop = src->alt_min_pop;
    kb_status st = read_all(&b, src, err);
    if (st == KB_OK)
        st = collect_names(&b, err);
    kbi_geo_ranges r = kbi_geo_ranges_of(&b);
    if (st == KB_OK && r.end >= KBI_GEO_MAX_POST) {
        kbi_error_set(err, KB_ERR_LIMIT, NULL, 0, 0,
                      "%u entries: the format holds fewer than %d", r.end,
                      KBI_GEO_MAX_POST);
        st = KB_ERR_LIMIT;
    }
    kbi_geo_meta m;
    memset(&m, 0, sizeof m);
    size_t bytes = 0;
    if (st == KB_OK)
        st = kbi_geo_write(&b, out_path, &m, &bytes, err);
    if (stats && st == KB_OK) {
        memset(stats, 0, sizeof *stats);
        stats->entries = r.end;
        stats->cities = b.ncities;
        stats->admin1 = b.nadmin1;
        stats->admin2 = b.nadmin2;
        stats->countries = b.ncountries;
        stats->supplement = b.nsup;
        stats->keys = m.n_keys;
        stats->postings = m.n_postings;
        stats->alternates = b.alternates;
        stats->skipped_lines = b.skipped;
        stats->bytes = bytes;
    }
    builder_free(&b);
    return st;
}
