/* abbrev.c - the word lists behind tokenisation and sentence splitting.
 *
 * Written for this project from the conventions of English news copy
 * (AP/Reuters style abbreviations) and of the UD English EWT treebank
 * (which contractions and hyphen prefixes it splits). Each list is sorted
 * by its lower-case key and searched with bsearch-style loops; keys are at
 * most 15 bytes, so candidates are lower-cased into a small buffer first. */
#include <string.h>

#include "text_int.h"

enum { KEYMAX = 16 };

/* Lower-cases ASCII s[0, n) into buf; returns 0 when too long or when s
 * holds non-ASCII bytes (no list has such words). */
static int lower_key(const char *s, size_t n, char buf[KEYMAX])
{
    if (n == 0 || n >= KEYMAX)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80)
            return 0;
        buf[i] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
    }
    buf[n] = '\0';
    return 1;
}

/* Index of key in the sorted list, or -1. */
static int find(const char *const *list, size_t count, const char *key)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(list[mid], key);
        if (c == 0)
            return (int)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- abbreviations ------------------------------------------------------ */

/* cap: only when written with a capital ("Ill." is Illinois, "ill." is
 * not). Days that are also words ("Sun.", "Sat.") count only before a
 * number, like "No." */
typedef struct abbr {
    const char *key;
    uint8_t cls;
    uint8_t cap;
} abbr;

#define T TX_ABBR_TITLE
#define E TX_ABBR_END
#define D TX_ABBR_DATE
#define N TX_ABBR_NUM

static const abbr ABBRS[] = {
    {"adm", T, 1},    {"al", E, 0},      {"ala", E, 1},    {"alta", E, 1},
    {"amb", T, 1},    {"approx", T, 0},  {"apr", D, 1},    {"ariz", E, 1},
    {"ark", E, 1},    {"art", N, 0},     {"arts", N, 0},   {"assn", E, 1},
    {"atty", T, 1},   {"aug", D, 1},     {"ave", E, 1},    {"blvd", E, 1},
    {"brig", T, 1},   {"bros", E, 1},    {"calif", E, 1},  {"capt", T, 1},
    {"cdr", T, 1},    {"cf", T, 0},      {"ch", N, 0},     {"chap", N, 0},
    {"cmdr", T, 1},   {"co", E, 1},      {"col", T, 1},    {"colo", E, 1},
    {"comdr", T, 1},  {"conn", E, 1},    {"corp", E, 1},   {"cos", E, 1},
    {"cpl", T, 1},    {"cpt", T, 1},     {"dec", D, 1},    {"del", E, 1},
    {"dept", E, 0},   {"dr", T, 1},      {"drs", T, 1},    {"eg", T, 0},
    {"esp", T, 0},
    {"esq", E, 1},    {"etc", E, 0},     {"ext", N, 0},    {"feb", D, 1},
    {"fig", N, 0},    {"figs", N, 0},    {"fla", E, 1},    {"fr", T, 1},
    {"fri", D, 1},    {"ft", T, 1},      {"ga", E, 1},     {"gen", T, 1},
    {"gens", T, 1},   {"gov", T, 1},     {"govs", T, 1},   {"govt", E, 0},
    {"hon", T, 1},    {"hrs", E, 0},     {"hwy", E, 1},    {"ill", E, 1},
    {"inc", E, 1},    {"incl", T, 0},    {"ind", E, 1},    {"insp", T, 1},
    {"intl", E, 0},   {"jan", D, 1},     {"jr", E, 1},     {"jul", D, 1},
    {"jun", D, 1},    {"kan", E, 1},     {"kans", E, 1},   {"ky", E, 1},
    {"la", E, 1},     {"lbs", E, 0},     {"lt", T, 1},     {"ltd", E, 1},
    {"maj", T, 1},    {"mar", D, 1},     {"mass", E, 1},   {"md", E, 1},
    {"messrs", T, 1}, {"mfg", E, 1},     {"mich", E, 1},   {"minn", E, 1},
    {"mins", E, 0},   {"misc", E, 0},    {"miss", E, 1},   {"mlle", T, 1},
    {"mme", T, 1},    {"mmes", T, 1},    {"mo", E, 1},     {"mon", N, 1},
    {"mont", E, 1},   {"mr", T, 1},      {"mrs", T, 1},    {"ms", T, 1},
    {"msgr", T, 1},   {"mt", T, 1},      {"natl", E, 0},   {"neb", E, 1},
    {"nebr", E, 1},   {"nev", E, 1},     {"no", N, 0},     {"nos", N, 0},
    {"nov", D, 1},    {"nr", N, 0},      {"oct", D, 1},    {"okla", E, 1},
    {"ont", E, 1},    {"ore", E, 1},     {"oz", E, 0},     {"p", N, 0},
    {"pa", E, 1},     {"para", N, 0},    {"penn", E, 1},   {"pfc", T, 1},
    {"pp", N, 0},     {"pres", T, 1},    {"prof", T, 1},   {"pt", N, 0},
    {"pvt", T, 1},    {"que", E, 1},     {"rd", E, 1},     {"ref", N, 0},
    {"rep", T, 1},    {"reps", T, 1},    {"rev", T, 1},    {"rs", N, 1},
    {"sask", E, 1},   {"sat", N, 1},     {"sec", T, 1},    {"sen", T, 1},
    {"sens", T, 1},   {"sep", D, 1},     {"sept", D, 1},    {"sfc", T, 1},
    {"sgt", T, 1},    {"spc", T, 1},     {"sq", E, 1},     {"sr", E, 1},
    {"st", E, 1},     {"sun", N, 1},     {"supt", T, 1},   {"tel", N, 0},
    {"tenn", E, 1},   {"tex", E, 1},     {"thu", D, 1},    {"thur", D, 1},
    {"thurs", D, 1},  {"tue", D, 1},     {"tues", D, 1},   {"univ", E, 1},
    {"va", E, 1},     {"viz", T, 0},     {"vol", N, 0},    {"vols", N, 0},
    {"vs", T, 0},     {"vt", E, 1},      {"wash", E, 1},   {"wed", N, 1},
    {"wis", E, 1},    {"wisc", E, 1},    {"wyo", E, 1},    {"yrs", E, 0},
};

#undef T
#undef E
#undef D
#undef N

int kbi_tx_abbrev(const char *s, size_t n)
{
    char key[KEYMAX];
    if (!lower_key(s, n, key))
        return TX_ABBR_NONE;
    size_t lo = 0, hi = COUNT(ABBRS);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(ABBRS[mid].key, key);
        if (c == 0) {
            if (ABBRS[mid].cap && !(s[0] >= 'A' && s[0] <= 'Z'))
                return TX_ABBR_NONE;
            return ABBRS[mid].cls;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return TX_ABBR_NONE;
}

/* ---- sentence openers --------------------------------------------------- */

/* Words that open a sentence after an abbreviation that may end one. Not
 * among them: forms of "be", "have" and "do", "and", "or" and "to", which
 * open questions or nothing in news, and which Reuters wires capitalize
 * after "U.S." inside a sentence ("Narusawa said the U.S. Is unlikely to
 * push the yen up", "Moi pressed the U.S. To increase its aid"). */
static const char *const STARTERS[] = {
    "a", "about", "according", "after", "again", "all", "also", "although",
    "among", "an", "another", "any", "as", "at", "because",
    "before", "both", "but", "by", "despite", "during",
    "each", "earlier", "even", "every", "few", "for", "from",
    "he", "her", "here", "his", "how", "however", "i", "if", "in",
    "instead", "it", "its", "later", "many", "meanwhile", "more",
    "moreover", "most", "my", "no", "not", "now", "on", "once", "one",
    "only", "other", "others", "our", "over", "several", "she",
    "since", "so", "some", "such", "that", "the", "their", "then", "there",
    "these", "they", "this", "those", "though", "thus", "under",
    "until", "we", "what", "when", "where", "whether",
    "which", "while", "who", "why", "with", "without", "yet", "you", "your",
};

int kbi_tx_starter(const char *s, size_t n)
{
    char key[KEYMAX];
    if (!(s[0] >= 'A' && s[0] <= 'Z') || !lower_key(s, n, key))
        return 0;
    return find(STARTERS, COUNT(STARTERS), key) >= 0;
}

/* ---- units after numbers ------------------------------------------------ */

static const char *const UNITS[] = {
    "am", "b", "bn", "cl", "cm", "ft", "gb", "ghz", "gw", "hr", "hrs", "hz",
    "k", "kb", "kg", "kgs", "khz", "km", "kmh", "kms", "kph", "kw", "kwh",
    "lb", "lbs", "m", "mb", "mg", "mhz", "mi", "min", "mins", "ml", "mm",
    "mn", "mph", "ms", "mw", "mwh", "oz", "pm", "sec", "secs", "tb", "yr",
    "yrs",
};

int kbi_tx_unit(const char *s, size_t n)
{
    char key[KEYMAX];
    return lower_key(s, n, key) && find(UNITS, COUNT(UNITS), key) >= 0;
}

/* ---- top-level domains -------------------------------------------------- */

static const char *const TLDS[] = {
    "ae", "af", "au", "be", "biz", "br", "ca", "ch", "cn", "co", "com",
    "de", "dk", "edu", "eg", "es", "eu", "fr", "gov", "hk", "ie", "il",
    "in", "info", "io", "iq", "ir", "it", "jo", "jp", "kr", "krd", "kw",
    "lb", "ly", "me", "mil", "net", "news", "nl", "no", "nz", "org", "pk",
    "pl", "qa", "ru", "sa", "se", "sy", "tr", "tv", "tw", "uk", "us",
    "ye", "za",
};

int kbi_tx_tld(const char *s, size_t n)
{
    char key[KEYMAX];
    return lower_key(s, n, key) && find(TLDS, COUNT(TLDS), key) >= 0;
}

/* ---- hyphen prefixes that EWT keeps joined ----------------------------- */

static const char *const PREFIXES[] = {
    "a", "anti", "arch", "bi", "co", "counter", "cross", "e", "ex", "extra",
    "hyper", "infra", "intra", "macro", "mega", "meta", "micro",
    "mid", "mini", "mis", "multi", "neo", "non", "over", "post",
    "pre", "pro", "psycho", "re", "semi", "socio", "sub", "super", "trans",
    "tri", "ultra", "un", "uni", "vice",
};

int kbi_tx_hyphen_prefix(const char *s, size_t n)
{
    char key[KEYMAX];
    return lower_key(s, n, key) && find(PREFIXES, COUNT(PREFIXES), key) >= 0;
}

/* ---- contractions written without an apostrophe ------------------------ */

typedef struct fused {
    const char *key;
    uint8_t first; /* length of the first part */
} fused;

static const fused FUSED[] = {
    {"arent", 3},  {"cannot", 3},   {"cant", 2},    {"couldnt", 5},
    {"didnt", 3},  {"doesnt", 4},   {"dont", 2},    {"gimme", 3},
    {"gonna", 3},  {"gotta", 3},    {"hadnt", 3},   {"hasnt", 3},
    {"havent", 4}, {"im", 1},       {"isnt", 2},    {"ive", 1},
    {"lemme", 3},  {"shouldnt", 6}, {"thats", 4},   {"theres", 5},
    {"wanna", 3},  {"wasnt", 3},    {"werent", 4},  {"wont", 2},
    {"wouldnt", 5}, {"youre", 3},
};

size_t kbi_tx_fused(const char *s, size_t n)
{
    /* most words fail on the ending before any lookup */
    if (n < 2 || n > 8)
        return 0;
    char e = (char)(s[n - 1] | 0x20), d = (char)(s[n - 2] | 0x20);
    int maybe;
    switch (e) {
    case 't': maybe = d == 'n' || (d == 'o' && n == 6); break;
    case 'a': maybe = n == 5 && (d == 'n' || d == 't'); break;
    case 'e': maybe = (n == 5 && (d == 'm' || d == 'r')) || n == 3; break;
    case 'm': maybe = n == 2; break;
    case 's': maybe = (n == 5 && d == 't') || (n == 6 && d == 'e'); break;
    default: maybe = 0;
    }
    if (!maybe)
        return 0;
    char key[KEYMAX];
    if (!lower_key(s, n, key))
        return 0;
    size_t lo = 0, hi = COUNT(FUSED);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(FUSED[mid].key, key);
        if (c == 0)
            return FUSED[mid].first;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* ---- emoticons ---------------------------------------------------------- */

static const char *const EMOTICONS[] = {
    "(:", "):", ":'(", ":(", ":)", ":*", ":-(", ":-)", ":-/", ":-D", ":-P",
    ":-p", ":/", ":D", ":O", ":P", ":[", ":]", ":o", ":p", ":|", ";(", ";)",
    ";-)", ";D", ";P", ";p", "<3", "=(", "=)", "=D", "XD", "^^", "^_^",
    "xD",
};

int kbi_tx_emoticon(const char *s, size_t n)
{
    char key[8];
    if (n < 2 || n > 4 || !strchr("():;<=^Xx", s[0]))
        return 0;
    memcpy(key, s, n);
    key[n] = '\0';
    return find(EMOTICONS, COUNT(EMOTICONS), key) >= 0;
}

/* ---- self-check ----------------------------------------------------------- */

static int sorted(const char *const *list, size_t count, size_t stride)
{
    for (size_t i = 1; i < count; i++) {
        const char *a = *(const char *const *)((const char *)list +
                                               (i - 1) * stride);
        const char *b = *(const char *const *)((const char *)list + i * stride);
        if (strcmp(a, b) >= 0)
            return 0;
    }
    return 1;
}

int kbi_tx_lists_sorted(void)
{
    return sorted(&ABBRS[0].key, COUNT(ABBRS), sizeof ABBRS[0]) &&
           sorted(STARTERS, COUNT(STARTERS), sizeof STARTERS[0]) &&
           sorted(UNITS, COUNT(UNITS), sizeof UNITS[0]) &&
           sorted(TLDS, COUNT(TLDS), sizeof TLDS[0]) &&
           sorted(PREFIXES, COUNT(PREFIXES), sizeof PREFIXES[0]) &&
           sorted(&FUSED[0].key, COUNT(FUSED), sizeof FUSED[0]) &&
           sorted(EMOTICONS, COUNT(EMOTICONS), sizeof EMOTICONS[0]);
}
