/* boiler.c - see boiler.h. Each kind is a prefix test plus, for bylines and
 * credits, a check that the rest of the line is a list of names (the words
 * capitalised, or particles like "al-", or a few words credit lines use)
 * rather than a clause ("By Monday, the troops had ..." has lowercase words
 * no byline has). */
#include "boiler.h"

#include <string.h>

typedef const unsigned char *cp;

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static int is_lower(int c) { return c >= 'a' && c <= 'z'; }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alnum(int c)
{
    return is_upper(c) || is_lower(c) || is_digit(c) || c >= 0x80;
}
static int is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
           c == '\v';
}

/* Length of a bullet, dash or arrow at p (0 if none). */
static size_t bullet(cp p, cp e)
{
    if (p < e && (*p == '*' || *p == '-' || *p == '>' || *p == '|' ||
                  *p == '#' || *p == '+'))
        return 1;
    if (e - p >= 2 && p[0] == 0xC2 && (p[1] == 0xBB || p[1] == 0xB7))
        return 2; /* » · */
    if (e - p >= 3 && p[0] == 0xE2 &&
        ((p[1] == 0x80 && (p[2] == 0x93 || p[2] == 0x94 || p[2] == 0xA2)) ||
         (p[1] == 0x96 && (p[2] == 0xA0 || p[2] == 0xBA || p[2] == 0xB6))))
        return 3; /* – — • ■ ► ▶ */
    return 0;
}

/* Length of a separator at p: ':' '|' '-' '/' '>' '»' '–' '—' (0 if none). */
static size_t separator(cp p, cp e)
{
    if (p < e && (*p == ':' || *p == '|' || *p == '-' || *p == '/' ||
                  *p == '>'))
        return 1;
    if (e - p >= 2 && p[0] == 0xC2 && p[1] == 0xBB)
        return 2;
    if (e - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
        (p[2] == 0x93 || p[2] == 0x94))
        return 3;
    return 0;
}

static cp skip_space(cp p, cp e)
{
    while (p < e && is_space(*p))
        p++;
    return p;
}

/* When [p, e) starts with the words of w (lowercase ASCII, single spaces
 * matching any run of whitespace) followed by a non-word byte or the end,
 * returns the end of the match; else NULL. */
static cp prefix(cp p, cp e, const char *w)
{
    for (; *w; w++) {
        if (*w == ' ') {
            if (p == e || !is_space(*p))
                return NULL;
            p = skip_space(p, e);
            continue;
        }
        if (p == e || lower(*p) != (unsigned char)*w)
            return NULL;
        p++;
    }
    if (p < e && (is_alnum(*p) || *p == '\''))
        return NULL;
    return p;
}

/* The rest after a prefix is a separator or nothing. */
static int sep_or_end(cp p, cp e)
{
    cp q = skip_space(p, e);
    if (q == e)
        return 1;
    size_t k = separator(q, e);
    /* a hyphen or slash joining words is no separator: "Related-party" */
    if (k == 1 && (*q == '-' || *q == '/') && q == p && q + 1 < e &&
        !is_space(q[1]))
        return 0;
    return k > 0;
}

/* Which of the prefixes ws starts the line: the end of the match or NULL. */
static cp any_prefix(cp p, cp e, const char *const *ws)
{
    for (; *ws; ws++) {
        cp q = prefix(p, e, *ws);
        if (q)
            return q;
    }
    return NULL;
}

/* s[0, n) occurs in [p, e) (exact bytes). */
static int contains(cp p, cp e, const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || (size_t)(e - p) < n)
        return 0;
    for (cp q = p; q + n <= e; q++) {
        q = memchr(q, s[0], (size_t)(e - q) - n + 1);
        if (!q)
            return 0;
        if (memcmp(q, s, n) == 0)
            return 1;
    }
    return 0;
}

/* Case-insensitive contains for a lowercase ASCII needle. */
static int contains_ci(cp p, cp e, const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || (size_t)(e - p) < n)
        return 0;
    for (cp q = p; q + n <= e; q++) {
        size_t k = 0;
        while (k < n && lower(q[k]) == (unsigned char)s[k])
            k++;
        if (k == n)
            return 1;
    }
    return 0;
}

/* ---- words ------------------------------------------------------------ */

/* Number of whitespace-separated words in [p, e). */
static size_t words(cp p, cp e)
{
    size_t n = 0;
    for (;;) {
        p = skip_space(p, e);
        if (p == e)
            return n;
        n++;
        while (p < e && !is_space(*p))
            p++;
    }
}

enum { MAX_TOKENS = 64 };

typedef struct tok {
    cp s;
    size_t n;
    int punct; /* a separator: , ; | / & : ( ) or a dash */
} tok;

/* Splits [p, e) into words and separators; -1 when there are too many. */
static int tokens(cp p, cp e, tok *out)
{
    int n = 0;
    for (;;) {
        p = skip_space(p, e);
        if (p == e)
            return n;
        if (n == MAX_TOKENS)
            return -1;
        size_t k = 0;
        if (*p == ',' || *p == ';' || *p == '|' || *p == '/' || *p == '&' ||
            *p == ':' || *p == '(' || *p == ')')
            k = 1;
        else if (e - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 &&
                 (p[2] == 0x93 || p[2] == 0x94))
            k = 3;
        else if (*p == '-' && (p + 1 == e || is_space(p[1])))
            k = 1;
        if (k) {
            out[n++] = (tok){p, k, 1};
            p += k;
            continue;
        }
        cp s = p;
        while (p < e && !is_space(*p) && *p != ',' && *p != ';' &&
               *p != '|' && *p != '/' && *p != '&' && *p != ':' &&
               *p != '(' && *p != ')')
            p++;
        out[n++] = (tok){s, (size_t)(p - s), 0};
    }
}

/* The word without a final '.', or "'s". */
static size_t stem_len(const tok *t)
{
    size_t n = t->n;
    if (n > 2 && t->s[n - 2] == '\'' && lower(t->s[n - 1]) == 's')
        n -= 2;
    while (n > 1 && (t->s[n - 1] == '.' || t->s[n - 1] == '\''))
        n--;
    return n;
}

/* The word is one of ws (lowercase), compared without case. */
static int word_in(const tok *t, const char *const *ws)
{
    size_t n = stem_len(t);
    for (; *ws; ws++) {
        if (strlen(*ws) != n)
            continue;
        size_t k = 0;
        while (k < n && lower(t->s[k]) == (unsigned char)(*ws)[k])
            k++;
        if (k == n)
            return 1;
    }
    return 0;
}

/* Lowercase parts of names: "al-Araji", "bin Salman", "van der Berg". */
static const char *const particles[] = {
    "al", "el", "ad", "as", "ash", "at", "az", "bin", "ibn", "bint", "abu",
    "ben", "van", "von", "der", "den", "de", "del", "della", "da", "di",
    "du", "dos", "das", "la", "le", "ter", "ten", "y", "e", "st", NULL};

static int is_particle(const tok *t)
{
    if (word_in(t, particles))
        return 1;
    /* "al-Araji", "el-Sisi": a particle, a hyphen, a capital */
    for (size_t i = 1; i + 1 < t->n && i < 4; i++)
        if (t->s[i] == '-' && is_upper(t->s[i + 1])) {
            tok head = {t->s, i, 0};
            return word_in(&head, particles);
        }
    return 0;
}

/* A word that can be part of a name: capitalised (or not ASCII: "Émile",
 * Arabic script), an initial, a number ("Kurdistan 24"), a particle. */
static int name_word(const tok *t)
{
    if (t->punct || t->n == 0)
        return 0;
    int c = t->s[0];
    if (is_upper(c) || c >= 0x80 || is_digit(c) || c == '@')
        return 1;
    if (c == '\'' && t->n > 1 && is_upper(t->s[1]))
        return 1;
    return is_particle(t);
}

/* Words a byline's first name cannot start with: "By Monday, ...". */
static const char *const not_names[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "today", "tomorrow", "yesterday", "tonight", "then", "now",
    "noon", "midnight", "midday", "dawn", "dusk", "nightfall", "sunset",
    "sunrise", "christmas", "easter", "ramadan", "eid", "nowruz", "contrast",
    "comparison", "far", "all", "law", "decree", "default", "design",
    "chance", "mistake", "accident", "way", "this", "that", "these", "those",
    "its", "his", "her", "their", "our", "my", "your", "it", "he", "she",
    "we", "they", "i", "you", "some", "most", "many", "several", "mid",
    "early", "late", "last", "next", "end", "spring", "summer", "autumn",
    "fall", "winter", "year", "week", "month", "one", "no", "any", "every",
    "each", "both", "either", "such", "what", "how", "late", "nightfall",
    "evening", "morning", "afternoon", "lunchtime", "daybreak", "then",
    NULL};

/* Lowercase words bylines carry: "By John Smith, staff writer". */
static const char *const byline_words[] = {
    "and", "of", "the", "in", "for", "at", "from", "with", "on", "via",
    "staff", "writer", "writers", "correspondent", "correspondents",
    "reporter", "reporters", "editor", "editors", "contributor",
    "contributors", "contributing", "news", "service", "bureau", "chief",
    "senior", "special", "political", "diplomatic", "foreign", "security",
    "affairs", "desk", "agency", "agencies", "wire", "wires", "team",
    "online", "digital", "photographer", "analyst", "columnist", "producer",
    "international", "national", "updated", "published", "posted", "am",
    "pm", "a.m", "p.m", "gmt", "utc", "edt", "est", "bst", "cet", "ast",
    "min", "mins", "read", "ago", "hours", "hour", "minutes", "last", NULL};

/* Credit keywords: "Reporting by", "Additional reporting by", ... */
static const char *const credit_heads[] = {
    "reporting", "additional", "editing", "edited", "writing", "written",
    "compiled", "translation", "translated", "research", "researched",
    "graphics", "graphic", "production", "produced", "design", "designed",
    "with", "and", "fact-checking", "fact-checked", "verification",
    "verified", "interviews", "photography", "photos", "video", NULL};

/* Lowercase words credit lines carry between names. */
static const char *const credit_words[] = {
    "and", "in", "with", "by", "from", "at", "of", "for", "via", "editing",
    "writing", "reporting", "additional", "compiled", "edited", "written",
    "research", "graphics", "translation", "translated", "production",
    "produced", "photography", "video", NULL};

/* ---- the kinds ----------------------------------------------------------- */

/* "Reporting by Ahmed Rasheed; Editing by Alison Williams" (also inside
 * parentheses). */
static int credit(cp p, cp e)
{
    if (p < e && *p == '(') {
        p++;
        if (e > p && e[-1] == ')')
            e--;
    }
    /* "The Associated Press contributed to this report." */
    if (words(p, e) <= 25 && (contains_ci(p, e, "contributed to this report") ||
                              contains_ci(p, e, "contributed reporting")))
        return 1;
    tok t[MAX_TOKENS];
    int n = tokens(p, e, t);
    if (n < 3)
        return 0;
    int i = 0, real = 0;
    while (i < n && i < 5 && !t[i].punct && word_in(&t[i], credit_heads)) {
        if (!word_in(&t[i], (const char *const[]){"with", "and", NULL}))
            real = 1;
        i++;
    }
    static const char *const by[] = {"by", NULL};
    if (!real || i >= n || !word_in(&t[i], by) || t[i].n != 2)
        return 0;
    i++;
    if (i >= n || !name_word(&t[i]))
        return 0;
    for (; i < n; i++)
        if (!t[i].punct && !name_word(&t[i]) && !word_in(&t[i], credit_words))
            return 0;
    return 1;
}

/* "By John Smith", "By John Smith and Jane Doe, Reuters", "BY JOHN SMITH |
 * Kurdistan 24". */
static int byline(cp p, cp e)
{
    cp q = prefix(p, e, "by");
    if (!q || q == e || !is_space(*q))
        return 0;
    tok t[MAX_TOKENS];
    int n = tokens(q, e, t);
    if (n < 1 || n > 24 || t[0].punct)
        return 0;
    if (!is_upper(t[0].s[0]) && t[0].s[0] < 0x80)
        return 0; /* "by all accounts", "by 2020" */
    if (word_in(&t[0], not_names))
        return 0;
    /* the name runs to the first separator or connector */
    int i = 0;
    while (i < n && !t[i].punct && name_word(&t[i]))
        i++;
    if (i < n && !t[i].punct && !word_in(&t[i], byline_words))
        return 0; /* "By Washington standards ..." */
    for (; i < n; i++)
        if (!t[i].punct && !name_word(&t[i]) && !word_in(&t[i], byline_words))
            return 0;
    return 1;
}

static int read_more(cp p, cp e)
{
    static const char *const free_form[] = {
        "read more", "continue reading", "click to read",
        "read the full story", "read the full article",
        "read the original article", NULL};
    static const char *const with_sep[] = {
        "related articles", "related stories", "related story",
        "related news", "related coverage", "related content",
        "related reading", "related links", "related topics", "related posts",
        "related", "read also", "also read", "see also", "also see",
        "more on this story", "more on this topic", "more on this",
        "further reading", "recommended reading", "recommended",
        "you may also like", "you might also like", "you may be interested in",
        "don't miss", "must read", "most read", "editor's picks",
        "more stories", "more news", "top stories", NULL};
    if (any_prefix(p, e, free_form))
        return 1;
    for (const char *const *w = with_sep; *w; w++) {
        cp q = prefix(p, e, *w);
        if (q)
            return sep_or_end(q, e);
    }
    return 0;
}

static int caption(cp p, cp e)
{
    static const char *const heads[] = {
        "photo", "photos", "photograph", "photographs", "picture", "pictures",
        "pictured", "image", "images", "caption", "file photo", "file image",
        "file picture", "video", "graphic", "illustration", NULL};
    static const char *const after[] = {
        "by", "credit", "courtesy", "caption", "copyright", "source", NULL};
    cp s = p;
    if (s < e && (*s == '(' || *s == '['))
        s++;
    for (const char *const *w = heads; *w; w++) {
        cp q = prefix(s, e, *w);
        if (!q)
            continue;
        cp r = skip_space(q, e);
        if (r == e || *r == ':' || *r == ')' || *r == ']')
            return 1;
        /* "Photo by John Smith/Reuters", short */
        if (r > q && any_prefix(r, e, after) && words(p, e) <= 12)
            return 1;
        /* "File photo of ...", "FILE PHOTO - ..." */
        if (!strncmp(*w, "file ", 5) &&
            (separator(r, e) || *r == ',' || prefix(r, e, "of")))
            return 1;
    }
    if (prefix(s, e, "media caption") || prefix(s, e, "image source"))
        return 1;
    /* photo credits anywhere in the line */
    static const char *const marks[] = {
        "REUTERS/", "AP Photo/", "(AP Photo", "AFP PHOTO",
        "AFP/", "/AFP", "via Getty Images", "/Getty Images", "(Getty Images",
        "/ Getty Images", "/File Photo", "/File photo", "(Photo:", "(Photo by",
        "(Photo credit", "(photo:", "(Photo courtesy", "(File photo",
        "(File Photo", "(Picture:", "(Image:", "Photo credit:", NULL};
    for (const char *const *m = marks; *m; m++)
        if (contains(p, e, *m))
            return 1;
    return 0;
}

static int platform_words(cp p, cp e)
{
    static const char *const platforms[] = {
        "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin",
        "email", "e-mail", "print", "reddit", "pinterest", "copy", "link",
        "share", "tweet", "messenger", "viber", "instagram", "youtube",
        "tiktok", "flipboard", "pocket", "comments", "comment", NULL};
    tok t[MAX_TOKENS];
    int n = tokens(p, e, t);
    if (n < 2)
        return 0;
    for (int i = 0; i < n; i++)
        if (!t[i].punct && !word_in(&t[i], platforms))
            return 0;
    return 1;
}

static int share(cp p, cp e)
{
    static const char *const free_form[] = {
        "share this", "share on", "share via", "share article",
        "share story", "share the story", "share the article", "follow us",
        "subscribe", "click here", "tap here", "like us on", "join us on",
        "sign up for", "sign up to", "sign up now", "sign up here",
        "download our app", "download the app", "get the app",
        "get our newsletter", "tweet this", "email this", "print this",
        "print article", "share your", "join our", "comments", NULL};
    /* "Share:", "Share |", "Share" alone (not "Share - basic 22p") */
    static const char *const with_sep[] = {"share", "sign up", "follow",
                                           "comment", "newsletter", NULL};
    cp q = any_prefix(p, e, free_form);
    if (q) {
        /* "Comments" only as a heading: "Comments (12)" */
        if (prefix(p, e, "comments"))
            return sep_or_end(q, e) || (q < e && skip_space(q, e) < e &&
                                        *skip_space(q, e) == '(');
        return 1;
    }
    for (const char *const *w = with_sep; *w; w++) {
        q = prefix(p, e, *w);
        if (q) {
            q = skip_space(q, e);
            if (q == e || *q == ':' || *q == '|')
                return 1;
        }
    }
    /* "Follow Kurdistan 24 on Twitter", "Follow Jane on X: @jane" */
    if (prefix(p, e, "follow")) {
        static const char *const on[] = {
            " on twitter", " on facebook", " on instagram", " on telegram",
            " on linkedin", " on youtube", " on tiktok", " on whatsapp",
            " on x:", " on x @", NULL};
        if (words(p, e) <= 12)
            for (const char *const *w = on; *w; w++)
                if (contains_ci(p, e, *w))
                    return 1;
        static const char *const ends[] = {
            " on twitter", " on facebook", " on instagram", " on telegram",
            " on linkedin", " on youtube", " on x", " on tiktok",
            " on whatsapp", " on threads", " on bluesky", NULL};
        cp r = e;
        while (r > p && (r[-1] == '.' || r[-1] == '!' || is_space(r[-1])))
            r--;
        if (words(p, r) > 10)
            return 0;
        for (const char *const *w = ends; *w; w++) {
            size_t n = strlen(*w);
            if ((size_t)(r - p) > n) {
                cp s = r - n;
                size_t k = 0;
                while (k < n && lower(s[k]) == (unsigned char)(*w)[k])
                    k++;
                if (k == n)
                    return 1;
            }
        }
    }
    return platform_words(p, e);
}

static int copyright(cp p, cp e)
{
    if (e - p >= 2 && p[0] == 0xC2 && p[1] == 0xA9)
        return 1; /* © */
    cp q = prefix(p, e, "(c)");
    if (!q && e - p >= 3 && p[0] == '(' && lower(p[1]) == 'c' && p[2] == ')')
        q = p + 3;
    if (q) {
        q = skip_space(q, e);
        return q < e && is_digit(*q);
    }
    q = prefix(p, e, "copyright");
    if (q) {
        q = skip_space(q, e);
        if (q == e || *q == ':' || is_digit(*q) || *q == '(' ||
            (e - q >= 2 && q[0] == 0xC2 && q[1] == 0xA9) ||
            prefix(q, e, "by") || prefix(q, e, "notice"))
            return 1;
    }
    return words(p, e) <= 25 && contains_ci(p, e, "all rights reserved");
}

/* An e-mail address somewhere in [p, e). */
static int has_email(cp p, cp e)
{
    for (cp at = p; at < e; at++) {
        at = memchr(at, '@', (size_t)(e - at));
        if (!at)
            return 0;
        cp l = at;
        while (l > p && (is_alnum(l[-1]) || l[-1] == '.' || l[-1] == '_' ||
                         l[-1] == '-' || l[-1] == '+' || l[-1] == '%'))
            l--;
        /* domain: labels with at least one dot between two of them */
        cp r = at + 1;
        int dot = 0, label = 0, ok = 0;
        while (r < e && (is_alnum(*r) || *r == '.' || *r == '-')) {
            if (*r == '.') {
                dot = label > 0;
                label = 0;
            } else {
                label++;
                ok |= dot;
            }
            r++;
        }
        if (l < at && ok)
            return 1;
    }
    return 0;
}

static int contact(cp p, cp e)
{
    static const char *const heads[] = {
        "contact us", "contact me", "contact the author",
        "contact the reporter", "contact the writer", "contact the editor",
        "contact the editors", "contact the newsroom", "to contact the",
        "for more information contact", "for more information, contact",
        "email us", "e-mail us", "send tips", "send us", "write to us",
        NULL};
    static const char *const with_sep[] = {
        "contact", "contacts", "email", "e-mail", "tel", "phone", "fax",
        "tips", "press contact", "media contact", "media inquiries",
        "press inquiries", NULL};
    if (any_prefix(p, e, heads))
        return 1;
    for (const char *const *w = with_sep; *w; w++) {
        cp q = prefix(p, e, *w);
        if (q) {
            q = skip_space(q, e);
            if (q < e && *q == ':')
                return 1;
        }
    }
    return words(p, e) <= 12 && has_email(p, e);
}

kbi_boiler_kind kbi_boiler_line(const char *line, size_t len)
{
    if (!line)
        return KBI_BOILER_NONE;
    cp p = (cp)line, e = p + len;
    for (;;) {
        p = skip_space(p, e);
        size_t b = bullet(p, e);
        if (!b)
            break;
        p += b;
    }
    while (e > p && is_space(e[-1]))
        e--;
    if (p == e)
        return KBI_BOILER_NONE;
    /* boilerplate starts with a capital, a digit or a symbol; a line in
     * lowercase continues a sentence wrapped at the end of the line
     * before ("by President Reagan.", "share on sales of ...") */
    if (is_lower(*p))
        return words(p, e) <= 3 && has_email(p, e) ? KBI_BOILER_CONTACT
                                                   : KBI_BOILER_NONE;
    if (credit(p, e))
        return KBI_BOILER_CREDIT;
    if (byline(p, e))
        return KBI_BOILER_BYLINE;
    if (read_more(p, e))
        return KBI_BOILER_READ_MORE;
    if (caption(p, e))
        return KBI_BOILER_CAPTION;
    if (copyright(p, e))
        return KBI_BOILER_COPYRIGHT;
    if (contact(p, e))
        return KBI_BOILER_CONTACT;
    if (share(p, e))
        return KBI_BOILER_SHARE;
    return KBI_BOILER_NONE;
}

static const char *const names[KBI_BOILER_KINDS] = {
    "none", "read-more", "credit", "byline", "caption", "share",
    "copyright", "contact"};

const char *kbi_boiler_name(kbi_boiler_kind k)
{
    return (unsigned)k < KBI_BOILER_KINDS ? names[k] : NULL;
}

int kbi_boiler_parse(const char *s)
{
    for (int k = 0; s && k < KBI_BOILER_KINDS; k++)
        if (!strcmp(s, names[k]))
            return k;
    return -1;
}

int kbi_boiler_next(const char *text, size_t len, size_t *pos,
                    kbi_boiler_span *out)
{
    if (!text || !pos) {
        if (pos)
            *pos = len;
        return 0;
    }
    while (*pos < len) {
        size_t s = *pos;
        const char *nl = memchr(text + s, '\n', len - s);
        size_t end = nl ? (size_t)(nl - text) : len;
        *pos = nl ? end + 1 : len;
        kbi_boiler_kind k = kbi_boiler_line(text + s, end - s);
        if (k != KBI_BOILER_NONE) {
            if (out) {
                out->start = s;
                out->end = end;
                out->kind = k;
            }
            return 1;
        }
    }
    *pos = len;
    return 0;
}
