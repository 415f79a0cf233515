/* build_read.c - the gazetteer builder's readers: countries.tsv, the
 * supplement, GeoNames admin1/admin2 JSON and cities500, the stop-word
 * list and the POS lexicon. Each keeps the file it read (strings point
 * into it) and reports a malformed line (file:line: what) through the
 * builder's diag hook, then skips it. */
#include "build.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../base/util.h"
#include "../base/vec.h"
#include "../input/json.h"

void kbi_geo_build_report(kbi_geo_builder *b, const char *file, int line,
                          const char *fmt, ...)
{
    b->skipped++;
    if (!b->diag)
        return;
    kb_error e;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    kbi_error_set(&e, KB_ERR_SYNTAX, file, line, 0, "%s", msg);
    b->diag(b->user, &e);
}

int kbi_geo_split(char *s, char sep, char **f, int max)
{
    int n = 0;
    while (n < max) {
        f[n++] = s;
        char *p = strchr(s, sep);
        if (!p)
            break;
        *p = '\0';
        s = p + 1;
    }
    return n;
}

static kb_status load(kbi_geo_builder *b, const char *path, char **buf,
                      kb_error *err)
{
    size_t len;
    if (b->nbufs >= (int)(sizeof b->bufs / sizeof *b->bufs)) {
        kbi_error_set(err, KB_ERR_INVALID, path, 0, 0, "too many inputs");
        return KB_ERR_INVALID;
    }
    kb_status st = kbi_read_file(path, NULL, buf, &len, err);
    if (st != KB_OK)
        return st;
    b->bufs[b->nbufs] = *buf;
    b->buflens[b->nbufs++] = len;
    return KB_OK;
}

/* The next line of *p (NUL-terminated in place, "\r" dropped), or NULL. */
static char *next_line(char **p)
{
    char *s = *p;
    if (!*s)
        return NULL;
    char *nl = strchr(s, '\n');
    if (nl) {
        *nl = '\0';
        *p = nl + 1;
    } else {
        *p = s + strlen(s);
    }
    size_t n = strlen(s);
    if (n && s[n - 1] == '\r')
        s[n - 1] = '\0';
    return s;
}

/* "-33.45", "44.01193" -> 1e-5 degrees, rounded half away from zero; no
 * locale. Returns 0 unless the whole field is a number within limit. */
static int parse_coord(const char *s, int32_t limit, int32_t *out)
{
    int neg = 0;
    int64_t v = 0;
    int digits = 0, frac = 0, round = 0;
    if (*s == '-' || *s == '+')
        neg = *s++ == '-';
    for (; kbi_isdigit((unsigned char)*s); s++, digits++) {
        v = v * 10 + (*s - '0');
        if (v > 1000)
            return 0;
    }
    v *= 100000;
    if (*s == '.') {
        int64_t scale = 10000;
        for (s++; kbi_isdigit((unsigned char)*s); s++, digits++, frac++) {
            if (frac < 5) {
                v += (*s - '0') * scale;
                scale /= 10;
            } else if (frac == 5) {
                round = *s >= '5';
            }
        }
    }
    if (*s || digits == 0)
        return 0;
    v += round;
    if (v > (int64_t)limit * 100000)
        return 0;
    *out = (int32_t)(neg ? -v : v);
    return 1;
}

static int parse_u64(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    if (!*s) {
        *out = 0;
        return 1;
    }
    for (; *s; s++) {
        if (!kbi_isdigit((unsigned char)*s) || v > UINT64_MAX / 20)
            return 0;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    *out = v;
    return 1;
}

static int is_code(const char *s, size_t n)
{
    if (strlen(s) != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

static bplace *new_place(kbi_geo_builder *b, bplace **arr, size_t *n,
                         size_t *cap)
{
    if (!kbi_vec_reserve(NULL, (void **)arr, cap, *n + 1, sizeof **arr))
        return NULL;
    bplace *p = &(*arr)[(*n)++];
    memset(p, 0, sizeof *p);
    p->admin1 = p->country = -1;
    (void)b;
    return p;
}

static kb_status nomem(const char *path, kb_error *err)
{
    kbi_error_set(err, KB_ERR_NOMEM, path, 0, 0, "out of memory");
    return KB_ERR_NOMEM;
}

/* ---- countries.tsv ----------------------------------------------------- */

kb_status kbi_geo_read_countries(kbi_geo_builder *b, const char *path,
                                 kb_error *err)
{
    char *buf, *p;
    kb_status st = load(b, path, &buf, err);
    if (st != KB_OK)
        return st;
    p = buf;
    int line = 0;
    for (char *s; (s = next_line(&p));) {
        line++;
        if (!*s || *s == '#' || strncmp(s, "alpha2\t", 7) == 0)
            continue;
        char *f[10];
        int n = kbi_geo_split(s, '\t', f, 10);
        int32_t lat = 0, lon = 0;
        if (n < 8 || !is_code(f[0], 2) || !is_code(f[1], 3) || !*f[2]) {
            kbi_geo_build_report(b, path, line,
                                 "expected alpha2, alpha3, name, long_name, "
                                 "demonym, alt_names, lat, lon");
            continue;
        }
        if ((*f[6] || *f[7]) && (!parse_coord(f[6], 90, &lat) ||
                                 !parse_coord(f[7], 180, &lon))) {
            kbi_geo_build_report(b, path, line, "bad latitude/longitude");
            continue;
        }
        if (!kbi_vec_reserve(NULL, (void **)&b->countries, &b->ccap,
                             b->ncountries + 1, sizeof *b->countries))
            return nomem(path, err);
        bcountry *c = &b->countries[b->ncountries++];
        memset(c, 0, sizeof *c);
        c->iso2 = f[0];
        c->iso3 = f[1];
        c->name = f[2];
        c->long_name = f[3];
        c->demonyms = f[4];
        c->alts = f[5];
        c->lat = lat;
        c->lon = lon;
    }
    return KB_OK;
}

/* ---- supplement.tsv ----------------------------------------------------- */

static int feature_of(const char *s)
{
    static const char *const names[] = {"city", "admin1", "admin2",
                                        "country", "landmark", "region"};
    for (int i = 0; i < 6; i++)
        if (strcmp(s, names[i]) == 0)
            return i;
    return -1;
}

static kb_status sup_place(kbi_geo_builder *b, char **f, int n,
                           const char *path, int line)
{
    /* place NAMES CC ADMIN1 LAT LON FEATURE POP FLAGS */
    int32_t lat, lon;
    uint64_t pop;
    int feat = n >= 7 ? feature_of(f[6]) : -1;
    if (n < 9 || !*f[1] || !is_code(f[2], 2) || !parse_coord(f[4], 90, &lat) ||
        !parse_coord(f[5], 180, &lon) || feat < KBI_GEO_LANDMARK ||
        !parse_u64(f[7], &pop)) {
        kbi_geo_build_report(b, path, line,
                             "place: expected NAMES, country, admin1 or -, "
                             "lat, lon, landmark|region, population, flags");
        return KB_OK;
    }
    bplace *p = new_place(b, &b->sup, &b->nsup, &b->scap);
    if (!p)
        return KB_ERR_NOMEM;
    p->name = f[1];
    p->cc = f[2];
    p->code = strcmp(f[3], "-") == 0 ? NULL : f[3];
    p->lat = lat;
    p->lon = lon;
    p->has_pos = 1;
    p->feature = feat;
    p->pop = pop;
    if (strstr(f[8], "lower"))
        p->flags |= KBI_GEO_E_LOWER;
    if (strstr(f[8], "context"))
        p->flags |= KBI_GEO_E_CONTEXT;
    return KB_OK;
}

kb_status kbi_geo_read_supplement(kbi_geo_builder *b, const char *path,
                                  kb_error *err)
{
    char *buf, *p;
    kb_status st = load(b, path, &buf, err);
    if (st != KB_OK)
        return st;
    p = buf;
    int line = 0;
    for (char *s; (s = next_line(&p));) {
        line++;
        if (!*s || *s == '#')
            continue;
        char *f[12];
        int n = kbi_geo_split(s, '\t', f, 12);
        if (strcmp(f[0], "place") == 0) {
            if (sup_place(b, f, n, path, line) != KB_OK)
                return nomem(path, err);
        } else if (strcmp(f[0], "alias") == 0 ||
                   strcmp(f[0], "demonym") == 0) {
            if (n < 3 || !*f[1] || !*f[2]) {
                kbi_geo_build_report(b, path, line,
                                     "%s: expected NAMES and a target", f[0]);
                continue;
            }
            if (!kbi_vec_reserve(NULL, (void **)&b->aliases, &b->alcap,
                                 b->naliases + 1, sizeof *b->aliases))
                return nomem(path, err);
            balias *al = &b->aliases[b->naliases++];
            al->names = f[1];
            al->target = f[2];
            /* hand-chosen aliases count as names, not as GeoNames
             * alternates */
            al->kind = f[0][0] == 'a' ? KBI_GEO_K_NAME : KBI_GEO_K_DEMONYM;
            al->file = path;
            al->line = line;
        } else if (strcmp(f[0], "country") == 0) {
            /* country NAME ISO2 ISO3 LAT LON */
            int32_t lat, lon;
            if (n < 6 || !*f[1] || !is_code(f[2], 2) || !is_code(f[3], 3) ||
                !parse_coord(f[4], 90, &lat) || !parse_coord(f[5], 180, &lon)) {
                kbi_geo_build_report(b, path, line,
                                     "country: expected NAME, alpha2, "
                                     "alpha3, lat, lon");
                continue;
            }
            if (!kbi_vec_reserve(NULL, (void **)&b->countries, &b->ccap,
                                 b->ncountries + 1, sizeof *b->countries))
                return nomem(path, err);
            bcountry *c = &b->countries[b->ncountries++];
            memset(c, 0, sizeof *c);
            c->iso2 = f[2];
            c->iso3 = f[3];
            c->name = f[1];
            c->long_name = c->demonyms = c->alts = "";
            c->lat = lat;
            c->lon = lon;
        } else if (strcmp(f[0], "display") == 0) {
            /* display NAME ISO2: the name a country is shown with */
            size_t i;
            for (i = 0; n >= 3 && i < b->ncountries; i++)
                if (strcmp(b->countries[i].iso2, f[2]) == 0)
                    break;
            if (n < 3 || i == b->ncountries) {
                kbi_geo_build_report(b, path, line,
                                     "display: expected NAME and a known "
                                     "alpha2 code (after countries.tsv)");
                continue;
            }
            b->countries[i].display = f[1];
        } else {
            kbi_geo_build_report(b, path, line,
                                 "unknown row kind \"%s\" (place, alias, "
                                 "demonym, country, display)", f[0]);
        }
    }
    return KB_OK;
}

/* ---- admin1.json / admin2.json ------------------------------------------ */

kb_status kbi_geo_read_admin(kbi_geo_builder *b, const char *path, int level,
                             kb_error *err)
{
    char *buf;
    kb_status st = load(b, path, &buf, err);
    if (st != KB_OK)
        return st;
    int line = 1;
    char *s = buf;
    while (*s) {
        if (*s == '\n')
            line++;
        if (*s != '{') {
            s++;
            continue;
        }
        /* one object: to the matching '}' outside strings */
        char *e = s + 1;
        int in_str = 0, obj_line = line;
        for (; *e && (in_str || *e != '}'); e++) {
            if (*e == '\n')
                line++;
            if (in_str && *e == '\\' && e[1])
                e++;
            else if (*e == '"')
                in_str = !in_str;
        }
        if (!*e) {
            kbi_geo_build_report(b, path, obj_line, "unterminated object");
            break;
        }
        kbi_json_object o;
        int col;
        const char *why;
        if (!kbi_json_parse_object(s, (size_t)(e + 1 - s), &b->a, &o, &col,
                                   &why)) {
            kbi_geo_build_report(b, path, obj_line, "%s", why);
            s = e + 1;
            continue;
        }
        s = e + 1;
        const kbi_json_member *code = kbi_json_get(&o, "code");
        const kbi_json_member *name = kbi_json_get(&o, "name");
        int dots = 0;
        for (size_t i = 0; code && code->is_string && i < code->len; i++)
            dots += code->value[i] == '.';
        if (!code || !name || !code->is_string || !name->is_string ||
            !name->len || dots != level || code->len < 4 ||
            strlen(code->value) != code->len || code->value[2] != '.') {
            kbi_geo_build_report(b, path, obj_line,
                                 "expected {\"code\": \"CC.%s\", \"name\": "
                                 "...}", level == 1 ? "A1" : "A1.A2");
            continue;
        }
        bplace *p = level == 1
                        ? new_place(b, &b->admin1, &b->nadmin1, &b->a1cap)
                        : new_place(b, &b->admin2, &b->nadmin2, &b->a2cap);
        if (!p)
            return nomem(path, err);
        p->name = name->value;
        p->code = code->value;
        p->feature = level == 1 ? KBI_GEO_ADMIN1 : KBI_GEO_ADMIN2;
    }
    return KB_OK;
}

/* ---- cities500.txt ------------------------------------------------------- */

static int rank_of(const char *fcode, int *skip)
{
    *skip = strcmp(fcode, "PPLH") == 0 || strcmp(fcode, "PPLQ") == 0 ||
            strcmp(fcode, "PPLW") == 0; /* historical, abandoned, destroyed */
    if (strcmp(fcode, "PPLC") == 0 || strcmp(fcode, "PPLG") == 0)
        return KBI_GEO_PPLC; /* capital, or seat of government (La Paz) */
    if (strcmp(fcode, "PPLA") == 0)
        return KBI_GEO_PPLA;
    if (strcmp(fcode, "PPLA2") == 0)
        return KBI_GEO_PPLA2;
    if (strcmp(fcode, "PPLA3") == 0)
        return KBI_GEO_PPLA3;
    if (strcmp(fcode, "PPLA4") == 0 || strcmp(fcode, "PPLA5") == 0)
        return KBI_GEO_PPLA4;
    if (strcmp(fcode, "PPLX") == 0)
        return KBI_GEO_PPLX;
    return KBI_GEO_PPL;
}

kb_status kbi_geo_read_cities(kbi_geo_builder *b, const char *path,
                              kb_error *err)
{
    char *buf, *p;
    kb_status st = load(b, path, &buf, err);
    if (st != KB_OK)
        return st;
    p = buf;
    int line = 0;
    for (char *s; (s = next_line(&p));) {
        line++;
        if (!*s)
            continue;
        char *f[20];
        int n = kbi_geo_split(s, '\t', f, 20);
        uint64_t id, pop;
        int32_t lat, lon;
        if (n < 15 || !parse_u64(f[0], &id) || id == 0 || id > UINT32_MAX ||
            !*f[1] || !parse_coord(f[4], 90, &lat) ||
            !parse_coord(f[5], 180, &lon) || !is_code(f[8], 2) ||
            !parse_u64(f[14], &pop)) {
            kbi_geo_build_report(b, path, line,
                                 "expected 19 tab-separated GeoNames "
                                 "columns (id, name, asciiname, "
                                 "alternatenames, lat, lon, ...)");
            continue;
        }
        int skip, rank = rank_of(f[7], &skip);
        if (strcmp(f[6], "P") != 0 || skip)
            continue; /* not a living populated place: not an error */
        int32_t c = kbi_map_get(&b->country_ix, f[8], 2);
        if (c < 0) {
            kbi_geo_build_report(b, path, line, "unknown country code %s",
                                 f[8]);
            continue;
        }
        bplace *pl = new_place(b, &b->cities, &b->ncities, &b->ccities);
        if (!pl)
            return nomem(path, err);
        pl->id = (uint32_t)id;
        pl->name = f[1];
        pl->ascii = f[2];
        pl->alts = f[3];
        pl->lat = lat;
        pl->lon = lon;
        pl->has_pos = 1;
        pl->pop = pop;
        pl->country = c;
        pl->feature = KBI_GEO_CITY;
        pl->rank = rank;
        if (*f[10]) {
            char code[64];
            snprintf(code, sizeof code, "%s.%s", f[8], f[10]);
            pl->admin1 = kbi_map_get(&b->admin1_ix, code, strlen(code));
            if (*f[11]) {
                snprintf(code, sizeof code, "%s.%s.%s", f[8], f[10], f[11]);
                pl->code = kbi_arena_strdup(&b->a, code);
                if (!pl->code)
                    return nomem(path, err);
            }
        }
    }
    return KB_OK;
}

/* ---- stop words and the POS lexicon ---------------------------------------- */

/* A lexicon line: ("word" ((tag logp) (tag logp) ) () ). The word is
 * common when its best tag is not a proper noun. */
static int lexicon_common(const char *s, const char **w, size_t *wl)
{
    if (s[0] != '(' || s[1] != '"')
        return 0;
    const char *q = strchr(s + 2, '"');
    if (!q)
        return 0;
    *w = s + 2;
    *wl = (size_t)(q - (s + 2));
    double best_proper = -1e9, best_other = -1e9;
    const char *t = q + 1;
    while ((t = strchr(t, '('))) {
        t++;
        char tag[16];
        int k = 0;
        while (*t == '(')
            t++;
        while (*t && *t != ' ' && *t != ')' && k < 15)
            tag[k++] = *t++;
        tag[k] = '\0';
        /* log probability: digits after the space, no locale */
        while (*t == ' ')
            t++;
        int neg = *t == '-';
        if (neg)
            t++;
        double v = 0, scale = 1;
        int any = 0;
        for (; kbi_isdigit((unsigned char)*t); t++, any = 1)
            v = v * 10 + (*t - '0');
        if (*t == '.')
            for (t++; kbi_isdigit((unsigned char)*t); t++) {
                scale /= 10;
                v += (*t - '0') * scale;
            }
        if (!any || !k)
            continue;
        if (neg)
            v = -v;
        if (strncmp(tag, "nnp", 3) == 0) {
            if (v > best_proper)
                best_proper = v;
        } else if (v > best_other) {
            best_other = v;
        }
    }
    return best_other > best_proper;
}

kb_status kbi_geo_read_words(kbi_geo_builder *b, const char *path,
                             int lexicon, kb_error *err)
{
    char *buf, *p;
    kb_status st = load(b, path, &buf, err);
    if (st != KB_OK)
        return st;
    p = buf;
    for (char *s; (s = next_line(&p));) {
        const char *w = s;
        size_t wl;
        if (lexicon) {
            if (!lexicon_common(s, &w, &wl))
                continue;
        } else {
            if (!*s || *s == '#')
                continue;
            wl = strlen(s);
        }
        char f[KBI_GEO_MAX_KEY];
        size_t fl = kbi_geo_fold(w, wl, f, sizeof f);
        if (fl == 0 || fl >= sizeof f)
            continue;
        char *k = kbi_arena_strndup(&b->a, f, fl);
        if (!k || !kbi_map_put(lexicon ? &b->common : &b->stop, k, fl, 1))
            return nomem(path, err);
        if (!lexicon) {
            if (!kbi_vec_reserve(NULL, (void **)&b->stops, &b->stopcap,
                                 b->nstops + 1, sizeof *b->stops))
                return nomem(path, err);
            b->stops[b->nstops++] = k;
        }
    }
    return KB_OK;
}
