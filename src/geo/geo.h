/* geo.h - the gazetteer and place resolution (internal API).
 *
 * Three steps, in the order the article coder calls them:
 *
 *   1. kbi_geo_find: the place mentions of one parsed sentence - longest
 *      matches of gazetteer names over capitalised tokens, with the stop
 *      rules of find.c (person names, organisations, common words,
 *      sentence-initial capitals) applied;
 *   2. kbi_geo_context_add: every sentence's mentions (and the dateline,
 *      kbi_geo_dateline) feed the article's context: which countries and
 *      first-level divisions it talks about;
 *   3. kbi_geo_resolve: one mention -> one kb_place, chosen among the
 *      same-named candidates by an explicit qualifier ("Paris, Texas"),
 *      the context (other mentions only, never the mention's own name),
 *      population and feature type.
 *
 * The gazetteer (kb_gazetteer, gazetteer.c) is a mapped file, immutable
 * after loading: every function here only reads it, so one gazetteer
 * serves any number of threads. Strings in kb_place point into the mapped
 * file (valid as long as the gazetteer) or, for the mention text, into the
 * caller's arena. The file format is described in geo_file.h. */
#ifndef KB_GEO_H
#define KB_GEO_H

#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../nlp/sentence.h"
#include "khabar.h"

/* ---- names -------------------------------------------------------------- */

/* Folds a name to its lookup key (fold.c has the rules: lower case,
 * diacritics to ASCII, apostrophes and periods dropped, other punctuation
 * and dashes to single spaces). Writes at most cap bytes including the
 * NUL; returns the length of the whole key, so a result >= cap means it
 * did not fit. */
size_t kbi_geo_fold(const char *s, size_t len, char *out, size_t cap);

enum { KBI_GEO_MAX_KEY = 128 }; /* longer names are not indexed */

/* ---- entries ------------------------------------------------------------ */

typedef enum kbi_geo_feature {
    KBI_GEO_CITY = 0,   /* a populated place (GeoNames cities500) */
    KBI_GEO_ADMIN1,     /* first-level division (GeoNames admin1) */
    KBI_GEO_ADMIN2,     /* second-level division (GeoNames admin2) */
    KBI_GEO_COUNTRY,
    KBI_GEO_LANDMARK,   /* supplement: a site inside a city */
    KBI_GEO_REGION      /* supplement: a named area */
} kbi_geo_feature;

/* GeoNames feature codes of populated places, as ranks (higher: more
 * important). */
enum {
    KBI_GEO_PPL = 0, KBI_GEO_PPLX, KBI_GEO_PPLA4, KBI_GEO_PPLA3,
    KBI_GEO_PPLA2, KBI_GEO_PPLA, KBI_GEO_PPLC
};

/* Entry flags (supplement places). */
enum {
    KBI_GEO_E_LOWER = 1,   /* its name is a lower-case phrase ("disputed
                              territories"), matched in lower case */
    KBI_GEO_E_CONTEXT = 2  /* chosen only when the article talks about its
                              country */
};

/* One gazetteer entry, decoded. Strings point into the mapped file. */
typedef struct kbi_geo_entry {
    uint32_t index;
    const char *name;
    int64_t geonameid;      /* 0 unless a GeoNames populated place */
    kbi_geo_feature feature;
    int rank;               /* KBI_GEO_PPL.. for cities, 0 otherwise */
    unsigned flags;         /* KBI_GEO_E_* */
    uint32_t population;    /* divisions and countries: the sum over their
                               populated places */
    int country;            /* country index, -1 none */
    int32_t admin1;         /* entry index of its first-level division
                               (itself for an admin1), -1 none */
    const char *admin_code; /* "IQ.13" (its admin1's for a city), or NULL */
    double lat, lon;
} kbi_geo_entry;

/* Decodes entry i; returns 0 (and leaves *out zeroed) when i is out of
 * range. */
int kbi_geo_entry_get(const kb_gazetteer *g, uint32_t i, kbi_geo_entry *out);
size_t kbi_geo_entry_count(const kb_gazetteer *g);

/* ISO alpha-2 and alpha-3 codes and the entry of country index c; 0 when
 * out of range. */
int kbi_geo_country(const kb_gazetteer *g, int c, const char **iso2,
                    const char **iso3, uint32_t *entry);
/* The country index of an alpha-2 code, -1 if unknown. */
int kbi_geo_country_find(const kb_gazetteer *g, const char *iso2);

/* ---- lookup ------------------------------------------------------------- */

/* How a name matched an entry. */
enum {
    KBI_GEO_K_NAME = 0, /* the entry's own name or ASCII name */
    KBI_GEO_K_ALT,      /* a GeoNames alternate name, a supplement alias */
    KBI_GEO_K_DERIVED,  /* made by the builder: "Al " dropped, "Province"
                           dropped ... */
    KBI_GEO_K_DEMONYM   /* a demonym of a country ("Iraqi") */
};

/* Key flags. */
enum {
    KBI_GEO_KEY_STOP = 1,   /* never a place alone (data/geo/stopwords.txt:
                               days, months, titles, "More", ...) */
    KBI_GEO_KEY_COMMON = 2, /* also a common English word (the POS
                               lexicon): needs locative evidence */
    KBI_GEO_KEY_LOWSTART = 4 /* the first word of a lower-case phrase
                               ("disputed"): try phrases from here */
};

/* A key of the gazetteer and its candidates. */
typedef struct kbi_geo_key {
    uint32_t index;
    unsigned flags;         /* KBI_GEO_KEY_* */
    const uint32_t *post;   /* candidates: entry | kind << 24 */
    uint32_t n;
} kbi_geo_key;

/* Looks the name s[0, len) up: folded, then its Arabic article variants
 * (kbi_geo_lookup_variants). Returns 1 and fills *out when found. */
int kbi_geo_lookup(const kb_gazetteer *g, const char *s, size_t len,
                   kbi_geo_key *out);
/* A key already folded, exactly. */
int kbi_geo_lookup_folded(const kb_gazetteer *g, const char *key, size_t len,
                          kbi_geo_key *out);
/* A folded key, else without a leading "al ", else with one "al"/"el"
 * article swapped ("ras al ain" finds "Ras el Ain"). */
int kbi_geo_lookup_variants(const kb_gazetteer *g, const char *key,
                            size_t len, kbi_geo_key *out);
/* Key number i (the index of a kbi_geo_key), 0 if out of range. */
int kbi_geo_key_get(const kb_gazetteer *g, uint32_t i, kbi_geo_key *out);

/* Candidate j of key k: entry index and kind (KBI_GEO_K_*); 0 when the
 * posting is out of range or damaged. */
int kbi_geo_key_cand(const kb_gazetteer *g, const kbi_geo_key *k, uint32_t j,
                     uint32_t *entry, int *kind);

/* ---- mentions in a sentence --------------------------------------------- */

enum {
    KBI_GEO_M_DEMONYM = 1,   /* "Iraqi", "Iranian-backed": a country as an
                                adjective; weak evidence, not a location */
    KBI_GEO_M_ADJ = 2,       /* a country name modifying a noun ("US
                                interests", "Iraq's army", "Kurdistan PM") */
    KBI_GEO_M_DIVISION = 4,  /* "X province/governorate/state/region/..." */
    KBI_GEO_M_DISTRICT = 8,  /* "X district/county" */
    KBI_GEO_M_QUALIFIER = 16, /* the "Texas" of "Paris, Texas" */
    KBI_GEO_M_LOWER = 32,    /* a lower-case phrase ("disputed areas"):
                                only KBI_GEO_E_LOWER entries apply */
    KBI_GEO_M_LOCATIVE = 64, /* after "in", "at", "near", "from", ... */
    KBI_GEO_M_PERSON = 128,  /* NOT a place: a name after a title or a
                                first name ("Ian Thorpe"); kept so that the
                                context knows the name is a person's, and
                                never resolved */
    KBI_GEO_M_WEAK = 256     /* a common word or a small town's name
                                without a locative preposition before it
                                ("Wanda", "Marib"): resolves only when
                                other names of the article support its
                                country; adds no evidence */
};

typedef struct kbi_geo_mention {
    int32_t tok_start, tok_end; /* tokens [start, end), division word
                                   included */
    uint32_t start, end;        /* bytes of the source text */
    const char *text;           /* the words as written (arena) */
    uint32_t key;               /* its gazetteer key */
    unsigned flags;             /* KBI_GEO_M_* */
    int32_t qualifier;          /* index in the same array of the mention
                                   that qualifies it, -1 none */
} kbi_geo_mention;

/* Finds the place mentions of sentence s. `text` is the text the token
 * offsets point into (NULL: the mention text is built from the forms).
 * The array is allocated from arena a; *out is NULL when n is 0. Returns
 * KB_ERR_NOMEM when the arena fails, else KB_OK. */
kb_status kbi_geo_find(const kb_gazetteer *g, const kbi_sentence *s,
                       const char *text, kbi_arena *a,
                       kbi_geo_mention **out, size_t *n);

/* ---- the article's context ---------------------------------------------- */

enum { KBI_GEO_MAX_EVIDENCE = 256 };

typedef struct kbi_geo_evidence {
    uint32_t key;      /* the name that gave it (UINT32_MAX: a hint) */
    int16_t country;   /* country index, -1 */
    int32_t admin1;    /* admin1 entry, -1 */
    float weight;
    uint8_t place;     /* a location, not a demonym/adjective */
    uint8_t person;    /* the name was seen as a person's */
} kbi_geo_evidence;

/* Per article; a plain struct the caller may keep on its stack. */
typedef struct kbi_geo_context {
    const kb_gazetteer *g;
    kbi_geo_evidence ev[KBI_GEO_MAX_EVIDENCE];
    size_t n;
    int has_dateline;
    kbi_geo_mention dateline;
} kbi_geo_context;

void kbi_geo_context_init(kbi_geo_context *c, const kb_gazetteer *g);
/* Adds the evidence of one sentence's mentions: each mention whose
 * candidates agree on a country (and on an admin1) by their population and
 * rank adds it; a demonym adds its country with a lower weight; a PERSON
 * mention marks its name as a person's, so that the same name elsewhere
 * in the article is not resolved unless a locative preposition precedes
 * it ("Ian Thorpe ... won by Thorpe"). Past KBI_GEO_MAX_EVIDENCE names the
 * rest is ignored. */
void kbi_geo_context_add(kbi_geo_context *c, const kbi_geo_mention *m,
                         size_t n);
/* A country the article is known to be about (ISO alpha-2), e.g. from
 * its source; returns 0 when the code is unknown. */
int kbi_geo_context_country(kbi_geo_context *c, const char *iso2,
                            float weight);
/* The dateline sentence ("ERBIL (Kurdistan 24) -"): its first place name
 * (before a parenthesis, comma or dash; capitals accepted) becomes the
 * dateline, adds evidence with weight 2 and is kept in c->dateline.
 * Returns 1 when one was found. */
int kbi_geo_dateline(kbi_geo_context *c, const kbi_sentence *s,
                     const char *text, kbi_arena *a);

/* ---- resolution --------------------------------------------------------- */

/* Chooses the entry mention m names, given the context c and the
 * mentions of its sentence (for m->qualifier; may be NULL when
 * m->qualifier is -1). Returns the entry index, or -1 when no candidate
 * qualifies (a PERSON mention, a name the article uses for a person, a
 * supplement place that needs a context its article lacks). */
int64_t kbi_geo_choose(const kbi_geo_context *c, const kbi_geo_mention *m,
                       const kbi_geo_mention *sent, size_t nsent);

/* kbi_geo_choose, then fills every field of *out but rule (left NULL for
 * the caller); out->text is m->text. Returns 1, or 0 (out zeroed) when
 * nothing qualifies. */
int kbi_geo_resolve(const kbi_geo_context *c, const kbi_geo_mention *m,
                    const kbi_geo_mention *sent, size_t nsent, kb_place *out);

/* Fills *out from entry i (rule and text NULL); 0 when out of range. */
int kbi_geo_place(const kb_gazetteer *g, uint32_t i, kb_place *out);

/* The article's focus: the place named most often as a location by the
 * mentions added to c (ties: the first named), else its strongest country.
 * Returns 1 and fills *out (text NULL) or 0 when the article named
 * nothing. */
int kbi_geo_focus(const kbi_geo_context *c, kb_place *out);

/* ---- building (tools/gazetteer.c, tests) -------------------------------- */

typedef struct kbi_geo_sources {
    const char *cities;     /* GeoNames cities500.txt (19 columns) */
    const char *admin1;     /* admin1.json [{"code","name"}] */
    const char *admin2;     /* admin2.json, may be NULL */
    const char *countries;  /* countries.tsv */
    const char *supplement; /* data/geo/supplement.tsv, may be NULL */
    const char *stopwords;  /* data/geo/stopwords.txt, may be NULL */
    const char *lexicon;    /* Festival POS lexicon (poslexR), may be NULL */
    uint32_t alt_min_pop;   /* alternate names of smaller places than this
                               are dropped (capitals and PPLA/PPLA2 keep
                               theirs) */
} kbi_geo_sources;

typedef struct kbi_geo_build_stats {
    size_t entries, cities, admin1, admin2, countries, supplement;
    size_t keys, postings, alternates, skipped_lines, bytes;
} kbi_geo_build_stats;

/* Compiles the sources into a gazetteer file at out_path (written to
 * out_path.tmp, then renamed). The same inputs give the same bytes.
 * Malformed input lines are reported through diag (file:line: message)
 * and skipped. stats may be NULL. */
kb_status kbi_geo_build(const kbi_geo_sources *src, const char *out_path,
                        kb_diag_fn diag, void *user,
                        kbi_geo_build_stats *stats, kb_error *err);

/* Loads a gazetteer from memory the caller keeps alive while it is used
 * (tests, fuzzing); same checks as kb_gazetteer_load. */
kb_status kbi_geo_load_mem(const void *data, size_t size, const char *name,
                           kb_gazetteer **out, kb_error *err);

/* Recomputes the checksum of the whole file (kb_gazetteer_load checks only
 * the header: the body is mapped, not read). KB_ERR_SYNTAX with a message
 * when it differs. */
kb_status kbi_geo_verify(const kb_gazetteer *g, kb_error *err);

#endif
