/* find.c - the place mentions of a parsed sentence (kbi_geo_find) and of a
 * dateline (kbi_geo_dateline).
 *
 * Matching: at each token that may start a name (a capitalised word; "al-"
 * followed by a capital; or any word when a lower-case supplement phrase
 * such as "disputed territories" starts there), the longest run of at most
 * MAX_WORDS tokens whose folded text is a gazetteer key, then:
 *   - a division word after a name that has divisions ("Kirkuk
 *     province", "X Governorate", "district", "county", "state",
 *     "region", ...) joins the mention and flags it DIVISION/DISTRICT;
 *     "province of X", "governor of X", "the state of X" flag X DIVISION;
 *   - a name followed by ", " and a country or first-level division that
 *     contains one of its candidates gets that mention as its qualifier
 *     ("Paris, Texas", "Tripoli, Lebanon");
 *   - "Iranian-backed", "US-led": a demonym or country before a hyphen
 *     counts as a demonym.
 * Rejected (documented rules; the tests in tests/unit/test_geo.c hold
 * them):
 *   R1 stop words (data/geo/stopwords.txt: days, months, titles,
 *      institutions, "Read", "More", "Editing") alone;
 *   R2 a name right after a title ("President", "Minister", "Mr.",
 *      "spokesman", ...): a person ("President Barham Salih");
 *   R3 a name right after another capitalised noun or adjective that is
 *      not a place mention, a country, a demonym or a direction
 *      ("Northern"): a surname or the second word of a name ("Barham
 *      Salih", "Mike Pompeo"; the tagger calls "Ian" an adjective);
 *   R4 a name right before another capitalised word or a number: part of
 *      an organisation or a person ("Washington Post", "Kurdistan 24",
 *      "Jordan Henderson", "Georgia Tech") - unless that word is a title
 *      or a noun that keeps the place ("Kirkuk Governor", "Baghdad
 *      Airport", "Mosul Dam"; flagged ADJ after a title), or the name is a
 *      country before an institution or a title ("US Army", "US
 *      Secretary": flagged ADJ);
 *   R5 at the start of a sentence (or after a quote or colon): a common
 *      word or a word the tagger does not call a proper noun;
 *   R6 a common English word (KBI_GEO_KEY_COMMON: "Mobile", "Reading",
 *      "Split") needs evidence that it is a place: a locative preposition
 *      before it ("in Mobile"), "the town of" before it, or a qualifier
 *      after it ("Mobile, Alabama");
 *   R7 an all-capitals word of at most four letters is an acronym ("KRG",
 *      "PMF") unless it names a country ("US", "UAE");
 *   R8 a one-word name whose places all have fewer than 30,000 people
 *      (a known population) or that is only a GeoNames alternate name of
 *      such places ("Wanda", Argentina; "Chavez", an alternate name of a
 *      Mexican town), without the evidence of R6, is returned flagged
 *      WEAK: it resolves only when the rest of the article names its
 *      country ("Houthis attacked Marib" in an article about Yemen).
 * A stop phrase is stepped over whole ("Latin America" is not America).
 * Names rejected by R2 and R3 are returned flagged PERSON (never
 * resolved), so that the context can refuse the same name elsewhere in
 * the article ("Ian Thorpe ... won by Thorpe").
 * Countries and demonyms are not subject to R2, R3, R6 and R8; a country
 * used as a modifier ("US interests", "Iraq's army") is flagged ADJ, a
 * demonym DEMONYM: weak evidence, for the context, not an event location.
 * A name some entry has as a demonym is a demonym unless a place of at
 * least 30,000 people has it as its own name ("Thai", "German"). */
#include "../base/util.h"
#include "geo.h"

#include <string.h>

enum {
    MAX_WORDS = 6, /* the longest name tried, in tokens */
    SMALL = 30000  /* R8: a place this small needs locative evidence */
};

/* ---- word classes ------------------------------------------------------- */

/* Lower-cased ASCII copy of a token (non-ASCII kept), for the lists. */
static void lower(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (; *s && n + 1 < cap; s++)
        out[n++] = (char)((*s >= 'A' && *s <= 'Z') ? *s - 'A' + 'a' : *s);
    out[n] = '\0';
}

static const char *const TITLES[] = {
    "president", "minister", "secretary", "mr", "mr.", "mrs", "mrs.", "ms",
    "ms.", "dr", "dr.", "gen", "gen.", "general", "sheikh", "shaikh",
    "king", "queen", "prince", "princess", "senator", "sen.", "rep.",
    "governor", "gov.", "mayor", "ayatollah", "imam", "pope", "chancellor",
    "commander", "colonel", "col.", "lt.", "lieutenant", "sgt.", "sergeant",
    "captain", "capt.", "major", "maj.", "judge", "justice", "ambassador",
    "envoy", "spokesman", "spokeswoman", "spokesperson", "adviser",
    "advisor", "director", "chairman", "chairwoman", "chief", "speaker",
    "cardinal", "bishop", "rev.", "father", "brother", "sister", "sir",
    "lord", "lady", "dame", "emir", "sultan", "premier", "vice", "deputy",
    "pm", "mp", "leader", "officer", "official", "columnist", "reporter",
    "correspondent", "editor", "analyst", "professor", "prof.", "coach",
    "striker", "midfielder", "defender", "goalkeeper", "player", "singer",
    "actor", "actress", "star", "manager", "ceo", "founder", "mullah",
    "sheriff", "attorney", "prosecutor", "councillor", "councilor",
    "cleric", "mufti", "patriarch", "rabbi", "saint", "st.", NULL};

/* Capitalised words after a name that keep it a place. */
static const char *const KEEP_AFTER[] = {
    "governor", "governorate", "mayor", "police", "airport",
    "international", "council", "provincial", "operations", "command",
    "border", "crossing", "checkpoint", "prison", "hospital", "dam",
    "bridge", "square", "refinery", "port", "camp", "base", "front",
    "city", "municipality", "district", "province", "region", "plain",
    "plains", "valley", "mountains", "district", "countryside", "suburb",
    "suburbs", NULL};

/* Capitalised words before a name that do not make it a surname. */
static const char *const LEFT_OK[] = {
    "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "central", "northeastern", "northwestern", "southeastern",
    "southwestern", "north-east", "north-west", "south-east", "south-west",
    "upper", "lower", "greater", "downtown", "rural", "metropolitan",
    "occupied", "the", "in", "at", "from", "to", "of", "near", "and",
    "across", NULL};

static const char *const LOCATIVE[] = {
    "in", "at", "near", "from", "to", "into", "outside", "around",
    "towards", "toward", "across", "through", "via", "inside",
    "throughout", "between", "across", "within", NULL};

static const char *const CONNECTORS[] = {
    "al", "el", "de", "del", "da", "do", "dos", "das", "di", "du", "la",
    "le", "les", "of", "the", "and", "upon", "on", "sur", "am", "an", "im",
    "bin", "ibn", "bani", "ad", "ar", "as", "az", "ash", "en", "y", "e",
    "i", "-", "ez", "es", "ed", "er", "et", "at", "van", "von", "der",
    "den", NULL};

/* Arabic articles written before a hyphen ("al-", "ez-", "ash-"). */
static const char *const ARTICLES[] = {"al", "el", "ad", "ar", "as", "at",
                                       "az", "ash", "an", "ez", "es", "ed",
                                       "er", "en", "et", NULL};

/* Capitalised words after a country that keep it an adjective ("US Army",
 * "Iraq Oil Ministry"); other capitalised words make it part of a name
 * ("Jordan Henderson", "Georgia Tech"). */
static const char *const COUNTRY_ADJ[] = {
    "army", "navy", "air", "force", "forces", "military", "embassy",
    "government", "ministry", "parliament", "congress", "senate", "state",
    "department", "central", "national", "defense", "defence", "foreign",
    "interior", "security", "special", "federal", "oil", "war", "troops",
    "coast", "border", "supreme", "high", "electoral", "election",
    "elections", "health", "finance", "justice", "intelligence", "police",
    "officials", "authorities", NULL};

static int division_word(const char *w, int *district)
{
    static const char *const DIV[] = {
        "province", "governorate", "region", "state", "oblast",
        "prefecture", "emirate", "wilaya", "wilayat", "canton",
        "territory", "department", "municipality", "muhafazah", NULL};
    static const char *const DIST[] = {"district", "county", "parish",
                                       "borough", "subdistrict", NULL};
    char l[32];
    lower(w, l, sizeof l);
    *district = kbi_in_list(l, DIST);
    return *district || kbi_in_list(l, DIV);
}

/* First letter upper case (ASCII, Latin-1, Latin Extended-A/Additional
 * even code points): an approximation that suffices for names. */
static int is_cap(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    if (p[0] >= 'A' && p[0] <= 'Z')
        return 1;
    if (p[0] == 0xC3)
        return p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97;
    if (p[0] == 0xC4 || p[0] == 0xC5)
        return ((p[0] << 6 | (p[1] & 0x3F)) & 1) == 0;
    if (p[0] == 0xE1 && (p[1] == 0xB8 || p[1] == 0xB9 || p[1] == 0xBA ||
                         p[1] == 0xBB))
        return (p[2] & 1) == 0;
    /* "al-Araji", "el-Sisi", "ez-Zor": an article, a hyphen, a capital */
    const char *h = strchr(s, '-');
    if (h && h - s <= 4 && h > s) {
        char art[8];
        memcpy(art, s, (size_t)(h - s));
        art[h - s] = '\0';
        return kbi_in_list(art, ARTICLES) && is_cap(h + 1);
    }
    return 0;
}

static int is_word(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC3;
}

/* "KRG", "PMF": an acronym (abbreviations with periods, "N.Y.", are
 * not). */
static int all_caps_short(const char *s)
{
    size_t n = 0;
    for (; *s; s++, n++)
        if (!(*s >= 'A' && *s <= 'Z'))
            return 0;
    return n >= 2 && n <= 4;
}

static int is_number(const char *s)
{
    int digit = 0;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9')
            digit = 1;
        else if (*s != ',' && *s != '.')
            return 0;
    }
    return digit;
}

static int proper(const kbi_token *t)
{
    return t->xpos && (strcmp(t->xpos, "NNP") == 0 ||
                       strcmp(t->xpos, "NNPS") == 0);
}

/* Could the capitalised word before a name be a first name (or the first
 * part of a longer name)? A noun or adjective by its tag - the tagger
 * calls some first names adjectives ("Ian") - but not a direction
 * ("Northern"), not a demonym or country ("Iraqi", "US"), not a verb of a
 * title-case headline. `low` is the lower-cased form. */
static int first_name(const kb_gazetteer *g, const kbi_token *t,
                      const char *low)
{
    static const char *const TAGS[] = {"NNP", "NNPS", "NN", "NNS", "JJ",
                                       "FW", NULL};
    if (!is_cap(t->form) || !t->xpos || !kbi_in_list(t->xpos, TAGS) ||
        kbi_in_list(low, LEFT_OK))
        return 0;
    kbi_geo_key k;
    if (kbi_geo_lookup(g, t->form, strlen(t->form), &k))
        for (uint32_t j = 0; j < k.n; j++) {
            uint32_t e;
            int kind;
            kbi_geo_entry en;
            if (kbi_geo_key_cand(g, &k, j, &e, &kind) &&
                (kind == KBI_GEO_K_DEMONYM ||
                 (kbi_geo_entry_get(g, e, &en) &&
                  en.feature == KBI_GEO_COUNTRY)))
                return 0;
        }
    return 1;
}

/* Tokens after which a word is sentence-initial. */
static int opener(const char *f)
{
    return strcmp(f, "\"") == 0 || strcmp(f, "'") == 0 ||
           strcmp(f, "``") == 0 || strcmp(f, "(") == 0 ||
           strcmp(f, "[") == 0 || strcmp(f, ":") == 0 ||
           strcmp(f, "--") == 0 || strcmp(f, "-") == 0 ||
           strcmp(f, "-LRB-") == 0;
}

/* "the town of X", "the city of X", "the village of X" */
static int place_of(const kbi_token *T, int32_t i)
{
    static const char *const KINDS[] = {"town", "city", "village",
                                        "district", "province", "region",
                                        "port", "capital", NULL};
    char w[16];
    if (i < 2 || strcmp(T[i - 1].form, "of") != 0)
        return 0;
    lower(T[i - 2].form, w, sizeof w);
    return kbi_in_list(w, KINDS);
}

/* ---- what a key names ----------------------------------------------------- */

typedef struct keyinfo {
    int country;   /* a country by name or alias */
    int demonym;   /* only demonyms */
    int lower;     /* has lower-case phrase entries */
    int division;  /* has admin1/admin2/region entries */
    int alt_only;  /* every candidate only by a GeoNames alternate name */
    uint32_t max_pop;
} keyinfo;

static void key_info(const kb_gazetteer *g, const kbi_geo_key *k,
                     keyinfo *ki)
{
    int other = 0, dem = 0, named = 0;
    memset(ki, 0, sizeof *ki);
    ki->alt_only = 1;
    for (uint32_t j = 0; j < k->n; j++) {
        uint32_t e;
        int kind;
        kbi_geo_entry en;
        if (!kbi_geo_key_cand(g, k, j, &e, &kind) ||
            !kbi_geo_entry_get(g, e, &en))
            continue;
        if (kind == KBI_GEO_K_DEMONYM) {
            dem = 1;
            continue;
        }
        other = 1;
        if (kind != KBI_GEO_K_ALT)
            ki->alt_only = 0;
        if (kind == KBI_GEO_K_NAME && en.population >= SMALL)
            named = 1;
        if (en.population > ki->max_pop)
            ki->max_pop = en.population;
        if (en.feature == KBI_GEO_COUNTRY)
            ki->country = 1;
        if (en.feature == KBI_GEO_ADMIN1 || en.feature == KBI_GEO_ADMIN2 ||
            en.feature == KBI_GEO_REGION)
            ki->division = 1;
        if (en.flags & KBI_GEO_E_LOWER)
            ki->lower = 1;
    }
    /* a demonym unless a sizeable place has it as its own name ("Thai" is
     * an alternate name of a Malaysian town, "German" a parish of the Isle
     * of Man) */
    ki->demonym = dem && !named;
    ki->alt_only &= other;
}

/* ---- matching -------------------------------------------------------------- */

typedef struct raw {
    kbi_geo_mention m;
    int need_qual;   /* R6: dropped unless qualified; R8 (2): WEAK */
    int country;
} raw;

/* Folds tokens [i, j) joined by spaces. Returns 0 when too long. */
static int join_fold(const kbi_sentence *s, int32_t i, int32_t j, char *out,
                     size_t cap, size_t *len)
{
    char buf[KBI_GEO_MAX_KEY * 2];
    size_t n = 0;
    for (int32_t k = i; k < j; k++) {
        size_t l = strlen(s->toks[k].form);
        if (n + l + 1 >= sizeof buf)
            return 0;
        if (k > i)
            buf[n++] = ' ';
        memcpy(buf + n, s->toks[k].form, l);
        n += l;
    }
    *len = kbi_geo_fold(buf, n, out, cap);
    return *len > 0 && *len < cap;
}

static int lookup_span(const kb_gazetteer *g, const kbi_sentence *s,
                       int32_t i, int32_t j, kbi_geo_key *k)
{
    char f[KBI_GEO_MAX_KEY];
    size_t fl;
    if (!join_fold(s, i, j, f, sizeof f, &fl))
        return 0;
    return kbi_geo_lookup_variants(g, f, fl, k);
}

static const char *mention_text(const kbi_sentence *s, const char *text,
                                int32_t i, int32_t j, kbi_arena *a)
{
    uint32_t st = s->toks[i].start, en = s->toks[j - 1].end;
    if (text && en > st)
        return kbi_arena_strndup(a, text + st, en - st);
    size_t n = 0;
    for (int32_t k = i; k < j; k++)
        n += strlen(s->toks[k].form) + 1;
    char *out = kbi_arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    n = 0;
    for (int32_t k = i; k < j; k++) {
        size_t l = strlen(s->toks[k].form);
        if (k > i)
            out[n++] = ' ';
        memcpy(out + n, s->toks[k].form, l);
        n += l;
    }
    out[n] = '\0';
    return out;
}

/* Can tokens [i, j) be a name? Capitalised words, with connectors ("de",
 * "al", "of", "-") inside, the first and last capitalised; or (lower_ok)
 * all lower-case words. */
static int name_shape(const kbi_sentence *s, int32_t i, int32_t j,
                      int lower_ok)
{
    if (!is_word(s->toks[i].form))
        return 0;
    if (is_cap(s->toks[i].form)) {
        for (int32_t k = i + 1; k < j; k++) {
            const char *f = s->toks[k].form;
            char l[16];
            lower(f, l, sizeof l);
            if (is_cap(f))
                continue;
            if (k == j - 1 || !kbi_in_list(l, CONNECTORS))
                return 0;
        }
        return 1;
    }
    if (!lower_ok)
        return 0;
    for (int32_t k = i; k < j; k++)
        if (!is_word(s->toks[k].form) || is_cap(s->toks[k].form))
            return 0;
    return 1;
}

/* The rules R1-R8 for a match [i, j) of key k. Returns 1 to keep (the
 * mention's flags and extent set), 2 for a person's name (R2, R3: kept as
 * a PERSON mention), 0 to drop. */
static int judge(const kb_gazetteer *g, const kbi_sentence *s, int32_t i,
                 int32_t j, const kbi_geo_key *k, const keyinfo *ki,
                 int prev_mention_end, raw *r)
{
    const kbi_token *T = s->toks;
    int32_t n = s->ntoks;
    int lowercase = !is_cap(T[i].form);
    int single = j - i == 1;
    int country = ki->country, demonym = ki->demonym;
    int weak = country || demonym;
    char prev[32] = "", next[32] = "";
    if (i > 0)
        lower(T[i - 1].form, prev, sizeof prev);
    int district = 0;
    int divword = j < n && division_word(T[j].form, &district) &&
                  !lowercase;
    memset(r, 0, sizeof *r);
    r->m.tok_start = i;
    r->m.tok_end = j;
    r->m.key = k->index;
    r->m.qualifier = -1;
    r->country = country;
    int locative = i > 0 && kbi_in_list(prev, LOCATIVE);
    if (locative)
        r->m.flags |= KBI_GEO_M_LOCATIVE;
    if (lowercase) {
        if (!ki->lower)
            return 0;
        r->m.flags |= KBI_GEO_M_LOWER;
        return 1;
    }
    if (divword) {
        if (ki->division) {
            r->m.tok_end = j + 1;
            r->m.flags |= KBI_GEO_M_DIVISION |
                          (district ? KBI_GEO_M_DISTRICT : 0);
            return 1;
        }
    }
    if (i >= 2 && strcmp(prev, "of") == 0) {
        /* "the province of X", "the state of X" (not "a district of X",
         * which is usually part of the city X) */
        static const char *const BEFORE[] = {"province", "governorate",
                                             "state", "oblast",
                                             "prefecture", "governor",
                                             NULL};
        char p2[32];
        lower(T[i - 2].form, p2, sizeof p2);
        if (kbi_in_list(p2, BEFORE))
            r->m.flags |= KBI_GEO_M_DIVISION;
    }
    /* R1 */
    if ((k->flags & KBI_GEO_KEY_STOP) && !country)
        return 0;
    /* R7 */
    if (single && all_caps_short(T[i].form) && !country)
        return 0;
    /* R2 */
    if (i > 0 && kbi_in_list(prev, TITLES) && !weak)
        return 2;
    /* R5 */
    int initial = i == 0 || opener(T[i - 1].form);
    if (initial && !weak) {
        if ((k->flags & KBI_GEO_KEY_COMMON) || !proper(&T[i]))
            return 0;
    }
    if (demonym) {
        r->m.flags |= KBI_GEO_M_DEMONYM;
        return 1;
    }
    /* R3 */
    if (!initial && i > 0 && i != prev_mention_end && !country &&
        first_name(g, &T[i - 1], prev))
        return 2;
    /* R4 */
    if (j < n && (is_cap(T[j].form) || is_number(T[j].form)) &&
        !opener(T[j].form)) {
        lower(T[j].form, next, sizeof next);
        if (country && (kbi_in_list(next, COUNTRY_ADJ) || kbi_in_list(next, TITLES) ||
                        kbi_in_list(next, KEEP_AFTER) || is_number(T[j].form)))
            r->m.flags |= KBI_GEO_M_ADJ;
        else if (country)
            return 0;
        else if (is_number(T[j].form))
            return 0;
        else if (kbi_in_list(next, TITLES))
            r->m.flags |= KBI_GEO_M_ADJ; /* "Kurdistan PM", "Kirkuk
                                             Governor": the office's place */
        else if (!kbi_in_list(next, KEEP_AFTER))
            return 0;
    }
    /* a country modifying a noun */
    if (country && T[j - 1].deprel &&
        (strcmp(T[j - 1].deprel, "compound") == 0 ||
         strcmp(T[j - 1].deprel, "amod") == 0 ||
         strcmp(T[j - 1].deprel, "nmod:poss") == 0))
        r->m.flags |= KBI_GEO_M_ADJ;
    /* R6: "in Mobile", "the town of Hit", or a qualifier (else dropped);
     * R8: the same for small places and alternate names of small places
     * (else WEAK) */
    if (!country && single && !locative && !place_of(T, i) &&
        !(r->m.flags & KBI_GEO_M_DIVISION)) {
        if (k->flags & KBI_GEO_KEY_COMMON)
            r->need_qual = 1;
        else if (ki->max_pop < SMALL && (ki->alt_only || ki->max_pop > 0))
            r->need_qual = 2;
    }
    return 1;
}

/* "Iranian-backed", "US-led": a demonym or country before the last
 * hyphen of a word whose rest is lower case. */
static int hyphen_demonym(const kb_gazetteer *g, const kbi_sentence *s,
                          int32_t i, raw *r)
{
    const char *f = s->toks[i].form;
    const char *h = strrchr(f, '-');
    if (!h || h == f || !h[1] || is_cap(h + 1) || !is_cap(f))
        return 0;
    kbi_geo_key k;
    keyinfo ki;
    if (!kbi_geo_lookup(g, f, (size_t)(h - f), &k))
        return 0;
    key_info(g, &k, &ki);
    if (!ki.country && !ki.demonym)
        return 0;
    memset(r, 0, sizeof *r);
    r->m.tok_start = i;
    r->m.tok_end = i + 1;
    r->m.key = k.index;
    r->m.qualifier = -1;
    r->m.flags = KBI_GEO_M_DEMONYM;
    r->m.start = s->toks[i].start;
    r->m.end = s->toks[i].start + (uint32_t)(h - f);
    if (r->m.end > s->toks[i].end)
        r->m.end = s->toks[i].end;
    r->country = 1;
    return 1;
}

/* Does a candidate of `qual` (a country or admin1) contain a candidate of
 * `m`? */
static int contains(const kb_gazetteer *g, const kbi_geo_mention *m,
                    const kbi_geo_mention *qual)
{
    kbi_geo_key km, kq;
    if (!kbi_geo_key_get(g, m->key, &km) || !kbi_geo_key_get(g, qual->key, &kq))
        return 0;
    for (uint32_t a = 0; a < kq.n; a++) {
        uint32_t qe, me;
        int qk, mk;
        kbi_geo_entry q, e;
        if (!kbi_geo_key_cand(g, &kq, a, &qe, &qk) || qk == KBI_GEO_K_DEMONYM ||
            !kbi_geo_entry_get(g, qe, &q))
            continue;
        if (q.feature != KBI_GEO_COUNTRY && q.feature != KBI_GEO_ADMIN1)
            continue;
        for (uint32_t b = 0; b < km.n; b++) {
            if (!kbi_geo_key_cand(g, &km, b, &me, &mk) ||
                !kbi_geo_entry_get(g, me, &e) || me == qe)
                continue;
            if (q.feature == KBI_GEO_COUNTRY ? e.country == q.country
                                             : e.admin1 == (int32_t)qe)
                return 1;
        }
    }
    return 0;
}

kb_status kbi_geo_find(const kb_gazetteer *g, const kbi_sentence *s,
                       const char *text, kbi_arena *a,
                       kbi_geo_mention **out, size_t *nout)
{
    *out = NULL;
    *nout = 0;
    if (!g || !s || s->ntoks <= 0)
        return KB_OK;
    int32_t n = s->ntoks;
    raw *r = kbi_arena_alloc(a, (size_t)n * sizeof *r);
    if (!r)
        return KB_ERR_NOMEM;
    size_t nr = 0;
    int prev_end = -1;
    for (int32_t i = 0; i < n; i++) {
        const char *f = s->toks[i].form;
        if (!f || !is_word(f))
            continue;
        int found = 0;
        int32_t jmax = i + MAX_WORDS < n ? i + MAX_WORDS : n;
        if (!is_cap(f)) {
            /* lower-case phrases start with a word flagged LOWSTART */
            kbi_geo_key k0;
            if (!kbi_geo_lookup(g, f, strlen(f), &k0) ||
                !(k0.flags & KBI_GEO_KEY_LOWSTART))
                continue;
        }
        for (int32_t j = jmax; j > i && !found; j--) {
            kbi_geo_key k;
            keyinfo ki;
            if (!name_shape(s, i, j, 1) || !lookup_span(g, s, i, j, &k))
                continue;
            key_info(g, &k, &ki);
            if (!name_shape(s, i, j, ki.lower))
                continue;
            int v = judge(g, s, i, j, &k, &ki, prev_end, &r[nr]);
            if (!v && (k.flags & KBI_GEO_KEY_STOP) && j - i > 1) {
                i = j - 1; /* a stop phrase: step over it */
                found = 1;
            } else if (v) {
                if (v == 2)
                    r[nr].m.flags = KBI_GEO_M_PERSON;
                r[nr].m.start = s->toks[i].start;
                r[nr].m.end = s->toks[r[nr].m.tok_end - 1].end;
                if (v == 1)
                    prev_end = r[nr].m.tok_end;
                i = r[nr].m.tok_end - 1;
                nr++;
                found = 1;
            }
        }
        if (!found && strchr(f, '-') && hyphen_demonym(g, s, i, &r[nr]))
            nr++;
    }
    /* qualifiers: "NAME , COUNTRY-or-ADMIN1" */
    for (size_t x = 0; x + 1 < nr; x++) {
        kbi_geo_mention *m = &r[x].m, *q = &r[x + 1].m;
        if (m->tok_end < n && strcmp(s->toks[m->tok_end].form, ",") == 0 &&
            q->tok_start == m->tok_end + 1 &&
            !((m->flags | q->flags) & (KBI_GEO_M_DEMONYM | KBI_GEO_M_PERSON)) &&
            contains(g, m, q)) {
            m->qualifier = (int32_t)(x + 1);
            q->flags |= KBI_GEO_M_QUALIFIER;
        }
    }
    /* without a qualifier, R6 matches are dropped and R8 matches become
     * WEAK (renumbering qualifiers) */
    kbi_geo_mention *m = kbi_arena_alloc(a, (nr ? nr : 1) * sizeof *m);
    int32_t *map = kbi_arena_alloc(a, (nr ? nr : 1) * sizeof *map);
    if (!m || !map)
        return KB_ERR_NOMEM;
    size_t k = 0;
    for (size_t x = 0; x < nr; x++) {
        map[x] = -1;
        if (r[x].need_qual == 1 && r[x].m.qualifier < 0)
            continue;
        if (r[x].need_qual == 2 && r[x].m.qualifier < 0)
            r[x].m.flags |= KBI_GEO_M_WEAK;
        map[x] = (int32_t)k;
        m[k] = r[x].m;
        m[k].text = r[x].m.end > r[x].m.start && text
                        ? kbi_arena_strndup(a, text + r[x].m.start,
                                            r[x].m.end - r[x].m.start)
                        : mention_text(s, text, r[x].m.tok_start,
                                       r[x].m.tok_end, a);
        if (!m[k].text)
            return KB_ERR_NOMEM;
        k++;
    }
    for (size_t x = 0; x < k; x++)
        if (m[x].qualifier >= 0)
            m[x].qualifier = map[m[x].qualifier];
    *out = k ? m : NULL;
    *nout = k;
    return KB_OK;
}

/* ---- datelines -------------------------------------------------------------- */

int kbi_geo_dateline(kbi_geo_context *c, const kbi_sentence *s,
                     const char *text, kbi_arena *a)
{
    if (!c || !c->g || !s)
        return 0;
    int32_t stop = 0;
    while (stop < s->ntoks && is_word(s->toks[stop].form) && stop < MAX_WORDS)
        stop++;
    for (int32_t i = 0; i < stop; i++)
        for (int32_t j = stop; j > i; j--) {
            kbi_geo_key k;
            if (!lookup_span(c->g, s, i, j, &k) ||
                (k.flags & KBI_GEO_KEY_STOP))
                continue;
            kbi_geo_mention *m = &c->dateline;
            memset(m, 0, sizeof *m);
            m->tok_start = i;
            m->tok_end = j;
            m->start = s->toks[i].start;
            m->end = s->toks[j - 1].end;
            m->key = k.index;
            m->qualifier = -1;
            m->text = mention_text(s, text, i, j, a);
            if (!m->text)
                return 0;
            c->has_dateline = 1;
            kbi_geo_context_add(c, m, 1);
            /* the dateline counts twice */
            kbi_geo_context_add(c, m, 1);
            return 1;
        }
    return 0;
}
