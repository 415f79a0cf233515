/* test_geo.c - the gazetteer and place resolution (src/geo): name folding,
 * lookups in the bundled gazetteer, the false-positive rules of
 * kbi_geo_find, the article context (Georgia, Tripoli), the place cases of
 * tests/data/geo/places.tsv (accuracy printed, every miss listed, failing
 * below 90%), and damaged files: a small gazetteer built from
 * tests/data/geo/fixture is truncated at every length and has bytes
 * flipped, and must give a clear error or a working gazetteer, never a
 * crash. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "t.h"
#include "geo/geo.h"
#include "nlp/pipeline.h"

#define PLACES "tests/data/geo/places.tsv"
#define FIXTURE "tests/data/geo/fixture/"

static kb_gazetteer *G;
static kb_model *M;
static char tiny_path[256], tiny2_path[256];

/* ---- helpers -------------------------------------------------------------- */

static const char *fold(const char *s)
{
    static char buf[KBI_GEO_MAX_KEY];
    kbi_geo_fold(s, strlen(s), buf, sizeof buf);
    return buf;
}

/* The best-known entry a name has: the choice with no context. */
static int64_t lookup_choice(const kb_gazetteer *g, const char *name)
{
    kbi_geo_key k;
    if (!kbi_geo_lookup(g, name, strlen(name), &k))
        return -1;
    kbi_geo_context c;
    kbi_geo_context_init(&c, g);
    kbi_geo_mention m;
    memset(&m, 0, sizeof m);
    m.key = k.index;
    m.qualifier = -1;
    return kbi_geo_choose(&c, &m, NULL, 0);
}

static int64_t id_of(const kb_gazetteer *g, int64_t entry)
{
    kbi_geo_entry e;
    return entry >= 0 && kbi_geo_entry_get(g, (uint32_t)entry, &e)
               ? e.geonameid
               : -1;
}

/* Parses text and finds its mentions. */
static size_t find(kbi_arena *a, const char *text, kbi_geo_mention **m)
{
    kbi_sentence s;
    size_t n = 0;
    *m = NULL;
    if (kbi_pipeline_one(M, text, strlen(text), a, &s) != KB_OK)
        return 0;
    T_EQ_INT(kbi_geo_find(G, &s, text, a, m, &n), KB_OK);
    return n;
}

/* The place mention with this text (PERSON mentions are not places). */
static const kbi_geo_mention *mention(const kbi_geo_mention *m, size_t n,
                                      const char *text)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(m[i].text, text) == 0 &&
            !(m[i].flags & KBI_GEO_M_PERSON))
            return &m[i];
    return NULL;
}

static const kbi_geo_mention *person(const kbi_geo_mention *m, size_t n,
                                     const char *text)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(m[i].text, text) == 0 && (m[i].flags & KBI_GEO_M_PERSON))
            return &m[i];
    return NULL;
}

static int all_digits(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

/* Does the place match an expectation of places.tsv? */
static int place_is(const kb_place *p, const char *want)
{
    if (strncmp(want, "sup:", 4) == 0)
        return p->geonameid == 0 && strcmp(p->name, want + 4) == 0 &&
               (strcmp(p->feature, "landmark") == 0 ||
                strcmp(p->feature, "region") == 0);
    if (all_digits(want))
        return p->geonameid == strtoll(want, NULL, 10);
    if (strchr(want, '.'))
        return p->admin_code && strcmp(p->admin_code, want) == 0 &&
               (strcmp(p->feature, "admin1") == 0 ||
                strcmp(p->feature, "admin2") == 0);
    return strcmp(p->feature, "country") == 0 && p->country &&
           strcmp(p->country, want) == 0;
}

/* ---- folding and lookup ----------------------------------------------------- */

static void test_fold(void)
{
    T_EQ_STR(fold("Erbil"), "erbil");
    T_EQ_STR(fold("  ERBIL "), "erbil");
    T_EQ_STR(fold("\xe1\xb8\xa8" "alabja"), "halabja");          /* Ḩalabja */
    T_EQ_STR(fold("S\xc4\x81marr\xc4\x81\xe2\x80\x99"), "samarra"); /* Sāmarrā’ */
    T_EQ_STR(fold("K\xc9\x99rk\xc3\xbck"), "kerkuk");        /* Kərkük */
    T_EQ_STR(fold("C\xc3\xb3rdoba"), "cordoba");
    T_EQ_STR(fold("Al-Anbar"), "al anbar");
    T_EQ_STR(fold("Ba'qubah"), "baqubah");
    T_EQ_STR(fold("U.S."), "us");
    T_EQ_STR(fold("Stra\xc3\x9f" "e"), "strasse");
    T_EQ_STR(fold("\xc5\x81\xc3\xb3" "d\xc5\xba"), "lodz");      /* Łódź */
    T_EQ_STR(fold("Deir ez-Zor"), "deir ez zor");
    /* non-Latin scripts stay as they are; folding is idempotent */
    const char *ar = "\xd8\xa3\xd8\xb1\xd8\xa8\xd9\x8a\xd9\x84";
    T_EQ_STR(fold(ar), ar);
    char once[KBI_GEO_MAX_KEY], twice[KBI_GEO_MAX_KEY];
    const char *odd = " \xc3\x97x\xff--Y\xe2\x80\x93z\xc3 ";
    kbi_geo_fold(odd, strlen(odd), once, sizeof once);
    kbi_geo_fold(once, strlen(once), twice, sizeof twice);
    T_EQ_STR(twice, once);
    /* too long for the buffer: the length says so */
    char small[4];
    T_OK(kbi_geo_fold("Baghdad", 7, small, sizeof small) >= sizeof small);
    T_EQ_INT(strlen(small), 3);
}

static void test_lookup(void)
{
    T_EQ_INT(id_of(G, lookup_choice(G, "Erbil")), 95446);
    T_EQ_INT(id_of(G, lookup_choice(G, "ERBIL")), 95446);
    T_EQ_INT(id_of(G, lookup_choice(G, "Arbil")), 95446);
    T_EQ_INT(id_of(G, lookup_choice(G, "Hawler")), 95446);
    T_EQ_INT(id_of(G, lookup_choice(G, "K\xc9\x99rk\xc3\xbck")), 94787);
    T_EQ_INT(id_of(G, lookup_choice(G, "Ba'qubah")), 97990);
    T_EQ_INT(id_of(G, lookup_choice(G, "Tripoli")), 2210247);
    T_EQ_INT(id_of(G, lookup_choice(G, "Paris")), 2988507);
    /* "Al-" variants both ways */
    T_EQ_INT(id_of(G, lookup_choice(G, "al-Qaim")), 92138);
    T_EQ_INT(id_of(G, lookup_choice(G, "Qaim")), 92138);
    kb_place p;
    int64_t e = lookup_choice(G, "Al-Anbar");
    T_OK(e >= 0 && kbi_geo_place(G, (uint32_t)e, &p));
    T_EQ_STR(p.admin_code, "IQ.01");
    T_EQ_STR(p.feature, "admin1");
    /* a country: every field */
    e = lookup_choice(G, "Iraq");
    T_OK(e >= 0 && kbi_geo_place(G, (uint32_t)e, &p));
    T_EQ_STR(p.name, "Iraq");
    T_EQ_STR(p.country, "IQ");
    T_EQ_STR(p.country_cameo, "IRQ");
    T_EQ_STR(p.feature, "country");
    T_EQ_INT(p.geonameid, 0);
    T_OK(p.admin_code == NULL && p.admin1 == NULL);
    /* a city: every field */
    e = lookup_choice(G, "Erbil");
    T_OK(e >= 0 && kbi_geo_place(G, (uint32_t)e, &p));
    T_EQ_STR(p.name, "Erbil");
    T_EQ_STR(p.admin_code, "IQ.11");
    T_EQ_STR(p.admin1, "Erbil");
    T_EQ_STR(p.country_cameo, "IRQ");
    T_EQ_STR(p.feature, "city");
    T_OK(p.lat > 36.18 && p.lat < 36.19 && p.lon > 44.01 && p.lon < 44.02);
    T_OK(p.rule == NULL && p.text == NULL);
    /* the candidates carry population and feature */
    kbi_geo_key k;
    T_OK(kbi_geo_lookup(G, "Georgia", 7, &k));
    int country = 0, state = 0;
    for (uint32_t j = 0; j < k.n; j++) {
        uint32_t en;
        int kind;
        kbi_geo_entry x;
        if (!kbi_geo_key_cand(G, &k, j, &en, &kind) ||
            !kbi_geo_entry_get(G, en, &x))
            continue;
        country |= x.feature == KBI_GEO_COUNTRY && x.population > 1000000;
        state |= x.feature == KBI_GEO_ADMIN1 && x.admin_code &&
                 strcmp(x.admin_code, "US.GA") == 0;
    }
    T_OK(country && state);
    T_EQ_INT(kbi_geo_lookup(G, "Nowhereville Xyzzy", 18, &k), 0);
    T_EQ_INT(kbi_geo_lookup(G, "", 0, &k), 0);
    T_EQ_INT(kbi_geo_country_find(G, "XK") >= 0, 1);
    T_EQ_INT(kbi_geo_country_find(G, "ZZ"), -1);
}

/* ---- find: the rules ------------------------------------------------------- */

/* Each sentence names no place with the given words. */
static void test_stop_rules(void)
{
    static const char *const cases[][2] = {
        {"Washington Post columnist David Ignatius reported the call.",
         "Washington"},
        {"US Secretary of State Mike Pompeo spoke to Iraqi President Barham "
         "Salih on Sunday.", "Salih"},
        {"US Secretary of State Mike Pompeo spoke to Iraqi President Barham "
         "Salih on Sunday.", "Sunday"},
        {"President Barham Salih received the delegation.", "Barham"},
        {"Police said the suspects were arrested.", "Police"},
        {"Read More: US warns Iraq on Iranian-backed militias", "Read"},
        {"Read More: US warns Iraq on Iranian-backed militias", "More"},
        {"Editing by Khrush Najari", "Editing"},
        {"Reading the statement, the minister paused.", "Reading"},
        {"The new mobile network covers the whole region.", "mobile"},
        {"State Department spokesperson told Kurdistan 24 on Saturday that "
         "the talks went well.", "Kurdistan"},
        {"The Kurdistan Regional Government (KRG) paid the salaries.",
         "KRG"},
        {"Jordan Henderson scored twice for Liverpool.", "Jordan"},
        {"The Popular Mobilization Forces (PMF) denied it.", "PMF"},
        {"More than 100 people were hurt.", "More"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        kbi_arena a;
        kbi_arena_init(&a, NULL);
        kbi_geo_mention *m;
        size_t n = find(&a, cases[i][0], &m);
        const kbi_geo_mention *x = mention(m, n, cases[i][1]);
        if (x)
            T_FAIL("\"%s\" found as a place in: %s", cases[i][1],
                   cases[i][0]);
        kbi_arena_free(&a);
    }
}

static void test_flags(void)
{
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_geo_mention *m;
    size_t n = find(&a, "Iranian-backed militias attacked US interests in "
                        "Kirkuk province and Mobile, Alabama.", &m);
    const kbi_geo_mention *x = mention(m, n, "Iranian");
    T_OK(x && (x->flags & KBI_GEO_M_DEMONYM));
    x = mention(m, n, "US");
    T_OK(x && (x->flags & KBI_GEO_M_ADJ));
    x = mention(m, n, "Kirkuk province");
    T_OK(x && (x->flags & KBI_GEO_M_DIVISION));
    x = mention(m, n, "Mobile");
    T_OK(x && x->qualifier >= 0 && (size_t)x->qualifier < n &&
         strcmp(m[x->qualifier].text, "Alabama") == 0 &&
         (m[x->qualifier].flags & KBI_GEO_M_QUALIFIER));
    /* byte offsets point at the words */
    const char *text = "Fighting resumed in Tripoli on Monday.";
    n = find(&a, text, &m);
    x = mention(m, n, "Tripoli");
    T_OK(x && x->start == 20 && x->end == 27 && x->tok_end - x->tok_start == 1);
    /* a lower-case phrase */
    n = find(&a, "The situation in disputed territories requires attention.",
             &m);
    x = mention(m, n, "disputed territories");
    T_OK(x && (x->flags & KBI_GEO_M_LOWER));
    /* a surname is returned as a PERSON mention that never resolves */
    n = find(&a, "Fans of pop star Michael Jackson cheered in Athens.", &m);
    x = person(m, n, "Jackson");
    kbi_geo_context c;
    kbi_geo_context_init(&c, G);
    kbi_geo_context_add(&c, m, n);
    kb_place p;
    T_OK(x && !kbi_geo_resolve(&c, x, m, n, &p));
    T_OK(mention(m, n, "Athens") != NULL);
    /* ... and the same name elsewhere in the article is his, unless a
     * locative preposition says otherwise */
    n = find(&a, "The verdict on Jackson is due on Monday.", &m);
    x = mention(m, n, "Jackson");
    T_OK(x && !kbi_geo_resolve(&c, x, m, n, &p));
    n = find(&a, "The team trained in Jackson.", &m);
    x = mention(m, n, "Jackson");
    T_OK(x && (x->flags & KBI_GEO_M_LOCATIVE) &&
         kbi_geo_resolve(&c, x, m, n, &p) && p.geonameid == 4431410);
    /* a small town's name without "in", "near", ... is WEAK: it resolves
     * only when the article names its country elsewhere */
    n = find(&a, "Houthi fighters attacked Marib on Monday.", &m);
    x = mention(m, n, "Marib");
    kbi_geo_context_init(&c, G);
    kbi_geo_context_add(&c, m, n);
    T_OK(x && (x->flags & KBI_GEO_M_WEAK) && !kbi_geo_resolve(&c, x, m, n, &p));
    kbi_geo_mention *m2;
    size_t n2 = find(&a, "Yemen's government appealed for help.", &m2);
    kbi_geo_context_add(&c, m2, n2);
    T_OK(x && kbi_geo_resolve(&c, x, m, n, &p) && p.geonameid == 72968);
    /* an empty sentence */
    kbi_sentence s;
    memset(&s, 0, sizeof s);
    T_EQ_INT(kbi_geo_find(G, &s, NULL, &a, &m, &n), KB_OK);
    T_OK(n == 0 && m == NULL);
    kbi_arena_free(&a);
}

/* ---- context ---------------------------------------------------------------- */

/* What a place is, as places.tsv writes it: the GeoNames id, else the
 * admin code of a division, else "sup:NAME", else the country code;
 * "none" when nothing. */
static const char *place_key(const kb_place *p, int ok)
{
    static char buf[64];
    if (!ok)
        return "none";
    if (p->geonameid)
        snprintf(buf, sizeof buf, "%lld", (long long)p->geonameid);
    else if (strcmp(p->feature, "admin1") == 0 ||
             strcmp(p->feature, "admin2") == 0)
        snprintf(buf, sizeof buf, "%s", p->admin_code);
    else if (strcmp(p->feature, "country") == 0)
        snprintf(buf, sizeof buf, "%s", p->country);
    else
        snprintf(buf, sizeof buf, "sup:%s", p->name);
    return buf;
}

/* Resolves the mention `name` after adding every sentence of the article
 * to one context. */
static const char *in_article(const char *const *sents, size_t ns,
                              const char *name, const char *hint)
{
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_geo_context c;
    kbi_geo_context_init(&c, G);
    if (hint)
        kbi_geo_context_country(&c, hint, 1);
    kbi_geo_mention *keep = NULL, *all;
    size_t nkeep = 0, nall;
    for (size_t i = 0; i < ns; i++) {
        nall = find(&a, sents[i], &all);
        kbi_geo_context_add(&c, all, nall);
        if (mention(all, nall, name)) {
            keep = all;
            nkeep = nall;
        }
    }
    const kbi_geo_mention *m = mention(keep, nkeep, name);
    kb_place p;
    const char *r = m ? place_key(&p, kbi_geo_resolve(&c, m, keep, nkeep, &p))
                      : "not found";
    kbi_arena_free(&a);
    return r;
}

static void test_context(void)
{
    /* Georgia: the country with Russia and Tbilisi, the state with
     * Atlanta */
    static const char *const ru[] = {
        "Russian tanks rolled towards Tbilisi.",
        "Moscow accused Georgia of provoking the war."};
    static const char *const us[] = {
        "Polls closed in Atlanta at 7 pm.",
        "The race in Georgia is too close to call."};
    T_EQ_STR(in_article(ru, 2, "Georgia", NULL), "GE");
    T_EQ_STR(in_article(us, 2, "Georgia", NULL), "US.GA");
    /* Tripoli: by the article's country, from a hint or from its text */
    static const char *const tr[] = {"Gunmen opened fire in Tripoli."};
    static const char *const lb[] = {
        "Lebanon's army deployed in the north.",
        "Gunmen opened fire in Tripoli."};
    T_EQ_STR(in_article(tr, 1, "Tripoli", NULL), "2210247");
    T_EQ_STR(in_article(tr, 1, "Tripoli", "LB"), "266826");
    T_EQ_STR(in_article(lb, 2, "Tripoli", NULL), "266826");
    /* a name never votes for itself: named twice, Tripoli still follows
     * the hint */
    static const char *const tt[] = {"Gunmen opened fire in Tripoli.",
                                     "Tripoli was calm on Monday."};
    T_EQ_STR(in_article(tt, 2, "Tripoli", "LB"), "266826");
    /* a supplement place that needs its country in the context */
    static const char *const dt[] = {
        "Tensions rose in the disputed territories."};
    static const char *const dti[] = {
        "Iraqi officials met on Monday.",
        "Tensions rose in the disputed territories."};
    T_EQ_STR(in_article(dt, 1, "disputed territories", NULL), "none");
    T_EQ_STR(in_article(dti, 2, "disputed territories", NULL),
             "sup:disputed territories");
}

static void test_focus_dateline(void)
{
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_geo_context c;
    kbi_geo_context_init(&c, G);
    kb_place p;
    T_EQ_INT(kbi_geo_focus(&c, &p), 0);
    kbi_sentence s;
    const char *dl = "ERBIL (Kurdistan 24) -";
    T_EQ_INT(kbi_pipeline_one(M, dl, strlen(dl), &a, &s), KB_OK);
    T_EQ_INT(kbi_geo_dateline(&c, &s, dl, &a), 1);
    T_OK(c.has_dateline);
    T_EQ_STR(c.dateline.text, "ERBIL");
    T_OK(kbi_geo_resolve(&c, &c.dateline, NULL, 0, &p));
    T_EQ_INT(p.geonameid, 95446);
    T_EQ_STR(p.text, "ERBIL");
    kbi_geo_mention *m;
    size_t n = find(&a, "Kirkuk province witnessed attacks; Iraq and Kirkuk "
                        "province again.", &m);
    kbi_geo_context_add(&c, m, n);
    T_OK(kbi_geo_focus(&c, &p));
    /* dateline weight 2 against Kirkuk province named twice: the first
     * named wins the tie */
    T_EQ_INT(p.geonameid, 95446);
    kbi_arena_free(&a);
}

/* ---- the cases of places.tsv ------------------------------------------------ */

static void test_places(void)
{
    FILE *f = fopen(PLACES, "r");
    T_OK(f != NULL);
    if (!f)
        return;
    char line[2048];
    int lineno = 0, pos = 0, pos_ok = 0, neg = 0, neg_ok = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        char *col[4];
        char *p = line;
        int nc = 0;
        while (nc < 4) {
            col[nc++] = p;
            p = strchr(p, '\t');
            if (!p)
                break;
            *p++ = '\0';
        }
        if (nc != 4) {
            T_FAIL("%s:%d: expected 4 tab-separated columns", PLACES, lineno);
            continue;
        }
        kbi_arena a;
        kbi_arena_init(&a, NULL);
        kbi_geo_mention *m;
        size_t n = find(&a, col[1], &m);
        kbi_geo_context c;
        kbi_geo_context_init(&c, G);
        if (strcmp(col[0], "-") != 0)
            kbi_geo_context_country(&c, col[0], 1);
        kbi_geo_context_add(&c, m, n);
        const kbi_geo_mention *x = mention(m, n, col[2]);
        if (strcmp(col[3], "-") == 0) {
            neg++;
            if (!x)
                neg_ok++;
            else
                printf("  miss %s:%d: \"%s\" taken for a place\n", PLACES,
                       lineno, col[2]);
        } else {
            kb_place pl;
            int ok = x && kbi_geo_resolve(&c, x, m, n, &pl);
            pos++;
            if (ok && place_is(&pl, col[3])) {
                pos_ok++;
            } else if (!x) {
                printf("  miss %s:%d: \"%s\" not found (want %s)\n", PLACES,
                       lineno, col[2], col[3]);
            } else {
                printf("  miss %s:%d: \"%s\" -> %s %s (want %s)\n", PLACES,
                       lineno, col[2], place_key(&pl, ok),
                       ok ? pl.name : "", col[3]);
            }
        }
        kbi_arena_free(&a);
    }
    fclose(f);
    printf("places: %d of %d mentions right (%.1f%%); %d of %d false "
           "positives avoided\n",
           pos_ok, pos, pos ? 100.0 * pos_ok / pos : 0.0, neg_ok, neg);
    T_OK(pos >= 120);
    T_OK(pos_ok * 10 >= pos * 9);
    T_OK(neg_ok * 10 >= neg * 9);
}

/* ---- building, loading, damage ---------------------------------------------- */

static int diags;
static void count_diag(void *user, const kb_error *e)
{
    (void)user;
    (void)e;
    diags++;
}

static kb_status build_tiny(const char *out)
{
    kbi_geo_sources src;
    memset(&src, 0, sizeof src);
    src.cities = FIXTURE "cities.txt";
    src.admin1 = FIXTURE "admin1.json";
    src.admin2 = FIXTURE "admin2.json";
    src.countries = FIXTURE "countries.tsv";
    src.supplement = FIXTURE "supplement.tsv";
    src.stopwords = FIXTURE "stopwords.txt";
    src.alt_min_pop = 1000;
    kb_error e;
    diags = 0;
    return kbi_geo_build(&src, out, count_diag, NULL, NULL, &e);
}

static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long sz = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc(sz > 0 ? (size_t)sz : 1);
    *n = buf ? fread(buf, 1, (size_t)sz, f) : 0;
    fclose(f);
    return buf;
}

/* Uses a gazetteer the way the coder does; must not crash whatever it is. */
static void exercise(const kb_gazetteer *g)
{
    static const char *const names[] = {"Erbil", "Tripoli", "Georgia",
                                        "Iraqi", "Hawler", "Green Zone",
                                        "disputed", "Paris", "US", "x"};
    kbi_geo_context c;
    kbi_geo_context_init(&c, g);
    kbi_geo_context_country(&c, "IQ", 1);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        kbi_geo_key k;
        if (!kbi_geo_lookup(g, names[i], strlen(names[i]), &k))
            continue;
        for (uint32_t j = 0; j < k.n; j++) {
            uint32_t en;
            int kind;
            kbi_geo_entry x;
            if (kbi_geo_key_cand(g, &k, j, &en, &kind))
                kbi_geo_entry_get(g, en, &x);
        }
        kbi_geo_mention m;
        memset(&m, 0, sizeof m);
        m.key = k.index;
        m.qualifier = -1;
        m.text = names[i];
        kbi_geo_context_add(&c, &m, 1);
        kb_place p;
        if (kbi_geo_resolve(&c, &m, NULL, 0, &p)) {
            volatile size_t l = strlen(p.name) + strlen(p.feature) +
                                (p.country ? strlen(p.country) : 0) +
                                (p.admin1 ? strlen(p.admin1) : 0);
            (void)l;
        }
    }
    kb_place p;
    kbi_geo_focus(&c, &p);
    for (uint32_t i = 0; i < 2000; i++) {
        kbi_geo_key k;
        kbi_geo_key_get(g, i, &k);
        kb_place q;
        kbi_geo_place(g, i, &q);
    }
}

static void test_tiny(void)
{
    T_EQ_INT(build_tiny(tiny_path), KB_OK);
    T_OK(diags >= 3); /* the malformed line, object and row */
    T_EQ_INT(build_tiny(tiny2_path), KB_OK);
    size_t n1, n2;
    unsigned char *b1 = slurp(tiny_path, &n1), *b2 = slurp(tiny2_path, &n2);
    T_OK(b1 && b2 && n1 == n2 && memcmp(b1, b2, n1) == 0); /* deterministic */
    free(b2);
    kb_gazetteer *g;
    kb_error e;
    T_EQ_INT(kb_gazetteer_load(tiny_path, &g, &e), KB_OK);
    T_EQ_INT(kbi_geo_verify(g, &e), KB_OK);
    /* "Hawler": a GeoNames alternate of the city, an alias (supplement)
     * of the province */
    kb_place p;
    kbi_geo_key k;
    int city = 0, province = 0;
    T_OK(kbi_geo_lookup(g, "Hawler", 6, &k));
    for (uint32_t j = 0; j < k.n; j++) {
        uint32_t en;
        int kind;
        if (kbi_geo_key_cand(g, &k, j, &en, &kind) &&
            kbi_geo_place(g, en, &p)) {
            city |= p.geonameid == 95446 && kind == KBI_GEO_K_ALT;
            province |= strcmp(p.feature, "admin1") == 0 &&
                        strcmp(p.admin_code, "IQ.11") == 0;
        }
    }
    T_OK(city && province);
    T_EQ_INT(id_of(g, lookup_choice(g, "Hawler")), 95446);
    int64_t x;
    T_EQ_INT(id_of(g, lookup_choice(g, "Erbil")), 95446);
    T_EQ_INT(id_of(g, lookup_choice(g, "Tripoli")), 2210247);
    x = lookup_choice(g, "U.S.");
    T_OK(x >= 0 && kbi_geo_place(g, (uint32_t)x, &p) &&
         strcmp(p.name, "United States") == 0);
    T_OK(kbi_geo_lookup(g, "Sunday", 6, &k) == 0 ||
         (k.flags & KBI_GEO_KEY_STOP));
    T_OK(kbi_geo_lookup(g, "disputed", 8, &k) &&
         (k.flags & KBI_GEO_KEY_LOWSTART));
    exercise(g);
    kb_gazetteer_free(g);

    /* every truncation: a clear error, never a crash */
    int bad = 0;
    for (size_t len = 0; b1 && len < n1; len++) {
        kb_gazetteer *t = NULL;
        memset(&e, 0, sizeof e);
        kb_status st = kbi_geo_load_mem(b1, len, "tiny", &t, &e);
        if (st == KB_OK || t != NULL || e.message[0] == '\0' ||
            strcmp(e.file, "tiny") != 0) {
            bad++;
            kb_gazetteer_free(t);
        }
    }
    T_EQ_INT(bad, 0);
    /* flipped bytes: the header is checked, the body is bounds-checked on
     * use (and kbi_geo_verify notices) */
    int header_missed = 0, body_unnoticed = 0;
    /* header, table and meta (the first section, 80 bytes at 64-byte
     * alignment after the table) */
    size_t meta_end = 64 + 8 * 32 + 80;
    unsigned char *c = malloc(n1 ? n1 : 1);
    for (size_t i = 0; b1 && c && i < n1; i++) {
        memcpy(c, b1, n1);
        c[i] ^= (unsigned char)(0x5A ^ (i & 0xFF));
        if (c[i] == b1[i])
            c[i] ^= 1;
        kb_gazetteer *t = NULL;
        kb_status st = kbi_geo_load_mem(c, n1, "flip", &t, &e);
        if (st != KB_OK) {
            T_OK(t == NULL && e.message[0] != '\0');
            continue;
        }
        if (i < meta_end)
            header_missed++;
        exercise(t);
        if (kbi_geo_verify(t, &e) == KB_OK)
            body_unnoticed++;
        kb_gazetteer_free(t);
    }
    T_EQ_INT(header_missed, 0);
    /* only bytes no section covers (alignment padding, the meta's
     * reserved words) can change unnoticed */
    T_OK(body_unnoticed < 400);
    free(c);
    free(b1);
}

static void test_load_errors(void)
{
    kb_gazetteer *g = (kb_gazetteer *)&g;
    kb_error e;
    T_EQ_INT(kb_gazetteer_load("tests/data/geo/no-such-file.bin", &g, &e),
             KB_ERR_IO);
    T_OK(g == NULL && strstr(e.message, "cannot open gazetteer"));
    T_EQ_INT(kb_gazetteer_load("tests/data/geo", &g, &e), KB_ERR_IO);
    T_EQ_INT(kb_gazetteer_load(PLACES, &g, &e), KB_ERR_SYNTAX);
    T_OK(strstr(e.message, "bad magic") != NULL);
    T_EQ_INT(kbi_geo_load_mem("", 0, "empty", &g, &e), KB_ERR_SYNTAX);
    T_OK(strstr(e.message, "truncated") != NULL);
    /* wrong version, checksum */
    size_t n;
    unsigned char *b = slurp(tiny_path, &n);
    if (b && n > 64) {
        b[8] = 99;
        T_EQ_INT(kbi_geo_load_mem(b, n, "v", &g, &e), KB_ERR_SYNTAX);
        T_OK(strstr(e.message, "version 99") != NULL);
    }
    free(b);
    /* a build with a missing input says which */
    kbi_geo_sources src;
    memset(&src, 0, sizeof src);
    src.cities = FIXTURE "nope.txt";
    src.admin1 = FIXTURE "admin1.json";
    src.countries = FIXTURE "countries.tsv";
    T_EQ_INT(kbi_geo_build(&src, tiny2_path, NULL, NULL, NULL, &e), KB_ERR_IO);
    T_OK(strstr(e.file, "nope.txt") != NULL);
}

int main(void)
{
    kb_error e;
    snprintf(tiny_path, sizeof tiny_path, "/tmp/khabar-geo-%d.bin",
             (int)getpid());
    snprintf(tiny2_path, sizeof tiny2_path, "/tmp/khabar-geo-%d-2.bin",
             (int)getpid());
    if (kb_gazetteer_load(NULL, &G, &e) != KB_OK ||
        kb_model_load(NULL, &M, &e) != KB_OK) {
        fprintf(stderr, "test_geo: %s\n", e.message);
        return 1;
    }
    T_RUN(test_fold);
    T_RUN(test_lookup);
    T_RUN(test_stop_rules);
    T_RUN(test_flags);
    T_RUN(test_context);
    T_RUN(test_focus_dateline);
    T_RUN(test_places);
    T_RUN(test_tiny);
    T_RUN(test_load_errors);
    kb_model_free(M);
    kb_gazetteer_free(G);
    unlink(tiny_path);
    unlink(tiny2_path);
    return t_done();
}
