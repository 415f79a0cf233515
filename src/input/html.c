/* html.c - the readable text of an HTML page (kbi_html_read).
 *
 * The page is prepared (html_prep.c: valid UTF-8, canonical markup) and
 * parsed by libxml2's HTML parser, recovering from every error and never
 * touching the network. Two walks over the tree, each linear, read it:
 *
 * Metadata. title: <meta property="og:title">, else the first <h1> (one
 * inside <article> first, then one outside header/nav/aside/footer), else
 * JSON-LD "headline", else <title>. date: <meta property=
 * "article:published_time">, else <meta itemprop="datePublished">, else
 * another publication-date <meta> (pubdate, dc.date.issued, ...), else
 * JSON-LD "datePublished", else the first <time datetime> (inside
 * <article> first); values that are not dates are passed over. url:
 * <link rel=canonical>, else og:url. source: og:site_name.
 *
 * Body. The text is cut into blocks: a block element (p, div, li, h2-h6,
 * blockquote, td, br, ...) ends the current block and starts another;
 * inline elements (a, b, span, ...) do not; unknown elements put a space.
 * Whitespace is collapsed, entities are decoded by the parser. Never read:
 * script, style, noscript, template, title, meta, link, nav, header,
 * footer, aside, form and its controls, figure/figcaption, iframe, svg,
 * media, h1 (the title), elements that are hidden (hidden, aria-hidden="true",
 * display:none, ARIA roles navigation, banner, contentinfo, complementary,
 * menu, search, dialog) and elements whose class or id names chrome
 * ("nav", "menu", "share", "social", "comment", "cookie", "related",
 * "sidebar", "newsletter", "ad", ... as a part of a name such as
 * "share-bar") unless another of their names is purely content
 * ("content", "article", "story", "entry", "post", "body", "main",
 * "text").
 *
 * A block is good when at most half of its text is link text (menus and
 * lists of links are not) and it is not a label such as "Advertisement".
 * The body is the good blocks of one container, the readability
 * heuristic:
 *   1. the element marked itemprop="articleBody" with the most good text;
 *   2. else the <article> with the most good text, if it holds at least
 *      half of the page's;
 *   3. else, from the root down, the child element holding at least 80% of
 *      its parent's good text, as long as there is one (text density
 *      decides; paragraph-level elements are not descended into).
 * Its good blocks are the paragraphs, in document order, a blank line
 * apart. */
#include <libxml/HTMLparser.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/util.h"
#include "../base/vec.h"
#include "input.h"
#include "json.h"

enum { MAX_TITLE = 1000 };

/* ---- elements ------------------------------------------------------------ */

enum {
    T_INLINE = 1, /* part of the text around it */
    T_BLOCK = 2,  /* ends a block */
    T_PARA = 4,   /* paragraph-level: not a container */
    T_SKIP = 8,   /* never body text */
    T_CHROME = 16 /* header, nav, aside, footer */
};

typedef struct tag {
    const char *name;
    unsigned flags;
} tag;

#define I T_INLINE
#define B T_BLOCK
#define P (T_BLOCK | T_PARA)
#define S T_SKIP
/* sorted by strcmp */
static const tag tags[] = {
    {"a", I},          {"abbr", I},       {"acronym", I},   {"address", B},
    {"applet", S},     {"area", S},       {"article", B},   {"aside", S | T_CHROME},
    {"audio", S},      {"b", I},          {"bdi", I},       {"bdo", I},
    {"big", I},        {"blockquote", P}, {"body", B},      {"br", B},
    {"button", S},     {"canvas", S},     {"caption", P},   {"center", B},
    {"cite", I},       {"code", I},       {"col", S},       {"colgroup", S},
    {"data", I},       {"datalist", S},   {"dd", P},        {"del", I},
    {"details", B},    {"dfn", I},        {"dialog", S},    {"dir", B},
    {"div", B},        {"dl", B},         {"dt", P},        {"em", I},
    {"embed", S},      {"fieldset", B},   {"figcaption", S}, {"figure", S},
    {"font", I},       {"footer", S | T_CHROME}, {"form", S}, {"frame", S},
    {"frameset", S},   {"h1", S},         {"h2", P},        {"h3", P},
    {"h4", P},         {"h5", P},         {"h6", P},        {"head", B},
    {"header", S | T_CHROME}, {"hgroup", B}, {"hr", B},     {"html", B},
    {"i", I},          {"iframe", S},     {"img", I},       {"input", S},
    {"ins", I},        {"kbd", I},        {"label", I},     {"legend", B},
    {"li", P},         {"link", S},       {"main", B},      {"map", S},
    {"mark", I},       {"menu", S},       {"meta", S},      {"meter", S},
    {"nav", S | T_CHROME}, {"nobr", I},   {"noembed", S},   {"noframes", S},
    {"noscript", S},   {"object", S},     {"ol", B},        {"optgroup", S},
    {"option", S},     {"output", I},     {"p", P},         {"param", S},
    {"picture", S},    {"pre", P},        {"progress", S},  {"q", I},
    {"rp", S},         {"rt", I},         {"ruby", I},      {"s", I},
    {"samp", I},       {"script", S},     {"section", B},   {"select", S},
    {"slot", S},       {"small", I},      {"source", S},    {"span", I},
    {"strike", I},     {"strong", I},     {"style", S},     {"sub", I},
    {"summary", B},    {"sup", I},        {"svg", S},       {"table", B},
    {"tbody", B},      {"td", B},         {"template", S},  {"textarea", S},
    {"tfoot", B},      {"th", B},         {"thead", B},     {"time", I},
    {"title", S},      {"tr", B},         {"track", S},     {"tt", I},
    {"u", I},          {"ul", B},         {"var", I},       {"video", S},
    {"wbr", I},        {"xmp", P}};
#undef I
#undef B
#undef P
#undef S

static int tag_cmp(const void *k, const void *e)
{
    return strcmp(k, ((const tag *)e)->name);
}

/* Flags of an element; 0 for an unknown one. */
static unsigned tag_flags(const xmlNode *n)
{
    if (!n->name)
        return 0;
    const tag *t = bsearch(n->name, tags, sizeof tags / sizeof *tags,
                           sizeof *tags, tag_cmp);
    return t ? t->flags : 0;
}

static int is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name &&
           !strcmp((const char *)n->name, name);
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int eq_ci(const char *a, const char *b)
{
    while (*a && lower((unsigned char)*a) == lower((unsigned char)*b))
        a++, b++;
    return *a == '\0' && *b == '\0';
}

/* The value of attribute `name` ("" when it has none), or NULL. */
static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && !strcmp((const char *)a->name, name))
            return a->children && a->children->content
                       ? (const char *)a->children->content
                       : "";
    return NULL;
}

/* A blank-separated list holds tok (without case). */
static int has_token(const char *list, const char *tok)
{
    size_t n = strlen(tok);
    for (const char *p = list; *p;) {
        while (*p && kbi_isspace((unsigned char)*p))
            p++;
        const char *s = p;
        while (*p && !kbi_isspace((unsigned char)*p))
            p++;
        if ((size_t)(p - s) == n) {
            size_t k = 0;
            while (k < n && lower((unsigned char)s[k]) == tok[k])
                k++;
            if (k == n)
                return 1;
        }
    }
    return 0;
}

/* ---- what the body never reads --------------------------------------- */

static const char *const chrome_parts[] = {
    "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising",
    "banner", "bio", "breadcrumb", "breadcrumbs", "caption", "comment",
    "comments", "commentlist", "consent", "cookie", "cookies", "credit",
    "disqus", "dropdown", "footer", "gdpr", "hidden", "login", "masthead",
    "menu", "meta", "modal", "nav", "navbar", "navigation", "newsletter",
    "outbrain", "overlay", "pager", "pagination", "popup", "promo",
    "promoted", "rail", "recirc", "recommended", "related", "search",
    "share", "shares", "sharebar", "sharing", "sidebar", "signup", "skip",
    "social", "sponsor", "sponsored", "subscribe", "subscription",
    "taboola", "toolbar", "trending", "widget", "widgets", NULL};
static const char *const content_parts[] = {
    "article", "articlebody", "body", "content", "entry", "main",
    "maincontent", "post", "prose", "story", "storybody", "text", NULL};

static int in_list(const char *s, size_t n, const char *const *list)
{
    for (; *list; list++)
        if (strlen(*list) == n) {
            size_t k = 0;
            while (k < n && lower((unsigned char)s[k]) == (*list)[k])
                k++;
            if (k == n)
                return 1;
        }
    return 0;
}

/* Looks at the names of a class or id value: *chrome when a name has a
 * chrome part, *content when a name has a content part and no chrome
 * part. Parts are split at anything but letters and digits. */
static void look_at_names(const char *v, int *chrome, int *content)
{
    const unsigned char *p = (const unsigned char *)v;
    while (*p) {
        while (*p && kbi_isspace(*p))
            p++;
        int c = 0, k = 0;
        while (*p && !kbi_isspace(*p)) {
            while (*p && !kbi_isspace(*p) && !kbi_isdigit(*p) &&
                   !((*p | 32) >= 'a' && (*p | 32) <= 'z'))
                p++;
            const unsigned char *s = p;
            while (kbi_isdigit(*p) || ((*p | 32) >= 'a' && (*p | 32) <= 'z'))
                p++;
            if (p > s) {
                c |= in_list((const char *)s, (size_t)(p - s), chrome_parts);
                k |= in_list((const char *)s, (size_t)(p - s), content_parts);
            }
        }
        *chrome |= c;
        *content |= k && !c;
    }
}

/* "display: none" / "visibility: hidden" in a style attribute. */
static int css_hidden(const char *v)
{
    static const char *const props[] = {"display", "visibility"};
    static const char *const vals[] = {"none", "hidden"};
    for (int k = 0; k < 2; k++) {
        size_t pl = strlen(props[k]), vl = strlen(vals[k]);
        for (const char *p = v; *p; p++) {
            size_t i = 0;
            while (i < pl && lower((unsigned char)p[i]) == props[k][i])
                i++;
            if (i < pl)
                continue;
            const char *q = p + pl;
            while (kbi_isspace((unsigned char)*q))
                q++;
            if (*q != ':')
                continue;
            q++;
            while (kbi_isspace((unsigned char)*q))
                q++;
            size_t j = 0;
            while (j < vl && lower((unsigned char)q[j]) == vals[k][j])
                j++;
            if (j == vl)
                return 1;
        }
    }
    return 0;
}

/* An element whose subtree the body does not read. */
static int skipped(const xmlNode *n, unsigned flags)
{
    if (flags & T_SKIP)
        return 1;
    if (!n->properties)
        return 0;
    const char *v;
    if (attr(n, "hidden"))
        return 1;
    if ((v = attr(n, "aria-hidden")) && eq_ci(v, "true"))
        return 1;
    if ((v = attr(n, "role"))) {
        static const char *const roles[] = {
            "navigation", "banner", "contentinfo", "complementary", "menu",
            "menubar", "search", "dialog", "alertdialog", "toolbar", NULL};
        for (const char *const *r = roles; *r; r++)
            if (has_token(v, *r))
                return 1;
    }
    if ((v = attr(n, "style")) && css_hidden(v))
        return 1;
    if (is(n, "body") || is(n, "html") || is(n, "main"))
        return 0;
    int chrome = 0, content = 0;
    if ((v = attr(n, "class")))
        look_at_names(v, &chrome, &content);
    if ((v = attr(n, "id")))
        look_at_names(v, &chrome, &content);
    return chrome && !content;
}

/* ---- walking ------------------------------------------------------------- */

/* Visits the subtree of root in document order without recursion:
 * enter() returns 1 to go into a node's children; leave() is called for
 * each node entered. */
typedef struct walker walker;
struct walker {
    int (*enter)(walker *w, xmlNode *n);
    void (*leave)(walker *w, xmlNode *n);
};

static void walk(xmlNode *root, walker *w)
{
    xmlNode *n = root;
    for (;;) {
        int in = w->enter(w, n);
        if (in && n->children) {
            n = n->children;
            continue;
        }
        if (in)
            w->leave(w, n);
        for (;;) {
            if (n == root)
                return;
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
            w->leave(w, n);
        }
    }
}

/* ---- collapsed text -------------------------------------------------------- */

typedef struct obuf {
    char *p;
    size_t n, cap;
    int failed;
} obuf;

static void put(obuf *b, const char *s, size_t n)
{
    if (b->failed || n == 0)
        return;
    if (!kbi_vec_reserve(NULL, (void **)&b->p, &b->cap, b->n + n + 1, 1)) {
        b->failed = 1;
        return;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

/* Length of a white-space character at s[i] (0 if none); *invisible when
 * it is dropped without leaving a space (zero width space, BOM, soft
 * hyphen). */
static size_t space_at(const unsigned char *s, size_t i, size_t n,
                       int *invisible)
{
    *invisible = 0;
    unsigned c = s[i];
    if (c < 0x80)
        return kbi_isspace((int)c) ? 1 : 0;
    if (c == 0xC2 && i + 1 < n) {
        if (s[i + 1] == 0xA0)
            return 2;
        if (s[i + 1] == 0xAD) {
            *invisible = 1;
            return 2;
        }
    }
    if (i + 2 >= n)
        return 0;
    unsigned c1 = s[i + 1], c2 = s[i + 2];
    if (c == 0xE2 && c1 == 0x80) {
        if (c2 == 0x8B) {
            *invisible = 1;
            return 3;
        }
        if (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF)
            return 3;
    }
    if ((c == 0xE2 && c1 == 0x81 && c2 == 0x9F) ||
        (c == 0xE3 && c1 == 0x80 && c2 == 0x80))
        return 3;
    if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) {
        *invisible = 1;
        return 3;
    }
    return 0;
}

/* Appends s with white space collapsed: a pending space (*space) is
 * written before the next visible character unless b holds nothing after
 * `base` yet. Stops at `max` bytes of b (0: no limit), cutting at a
 * character. Returns the visible bytes added. */
static size_t add_text(obuf *b, size_t base, int *space, const char *s,
                       size_t max)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = strlen(s), added = 0, i = 0;
    int inv;
    while (i < n) {
        size_t k = space_at(u, i, n, &inv);
        if (k) {
            *space |= !inv;
            i += k;
            continue;
        }
        size_t j = i + 1; /* a run of visible bytes */
        while (j < n && !space_at(u, j, n, &inv))
            j++;
        size_t sp = *space && b->n > base;
        *space = 0;
        if (max && b->n + sp + (j - i) > max) {
            size_t room = max > b->n + sp ? max - b->n - sp : 0;
            while (room > 0 && (u[i + room] & 0xC0) == 0x80)
                room--; /* cut at a character */
            if (room) {
                put(b, " ", sp);
                put(b, s + i, room);
            }
            return added + room;
        }
        put(b, " ", sp);
        put(b, s + i, j - i);
        added += j - i;
        i = j;
    }
    return added;
}

/* ---- metadata -------------------------------------------------------------- */

typedef struct meta {
    walker w;
    kbi_arena *tmp;
    int in_article, in_chrome;
    const char *og_title, *og_url, *site, *canonical;
    char date[4][11];   /* by rank: published_time, itemprop, other meta,
                           JSON-LD */
    char time_article[11], time_any[11];
    const xmlNode *title, *h1_article, *h1_plain, *h1_any;
    const char *headline; /* JSON-LD */
} meta;

static const char *const date_metas[] = {
    "pubdate", "publishdate", "publish-date", "publish_date", "date",
    "dc.date.issued", "dc.date", "dcterms.issued", "dcterms.created",
    "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published",
    "original-publish-date", "article:published", NULL};

static void set_date(char slot[11], const char *v)
{
    if (!slot[0] && v)
        kbi_article_date(v, strlen(v), slot);
}

static void on_meta(meta *m, const xmlNode *n)
{
    const char *content = attr(n, "content");
    if (!content)
        return;
    const char *keys[3] = {attr(n, "property"), attr(n, "name"),
                           attr(n, "itemprop")};
    for (int k = 0; k < 3; k++) {
        const char *key = keys[k];
        if (!key)
            continue;
        if (eq_ci(key, "og:title") && !m->og_title)
            m->og_title = content;
        else if (eq_ci(key, "og:url") && !m->og_url)
            m->og_url = content;
        else if (eq_ci(key, "og:site_name") && !m->site)
            m->site = content;
        else if (eq_ci(key, "article:published_time") ||
                 eq_ci(key, "og:article:published_time"))
            set_date(m->date[0], content);
        else if (eq_ci(key, "datepublished"))
            set_date(m->date[1], content);
        else
            for (const char *const *d = date_metas; *d; d++)
                if (eq_ci(key, *d))
                    set_date(m->date[2], content);
    }
}

/* The JSON string literal that is the value of "key" in s, or NULL;
 * *len is its length with the quotes. */
static const char *json_value(const char *s, const char *key, size_t *len)
{
    size_t kl = strlen(key);
    for (const char *p = strstr(s, key); p; p = strstr(p + 1, key)) {
        if (p == s || p[-1] != '"' || p[kl] != '"')
            continue;
        const char *q = p + kl + 1;
        while (kbi_isspace((unsigned char)*q))
            q++;
        if (*q != ':')
            continue;
        q++;
        while (kbi_isspace((unsigned char)*q))
            q++;
        if (*q != '"')
            continue;
        const char *e = q + 1;
        while (*e && *e != '"')
            e += (*e == '\\' && e[1]) ? 2 : 1;
        if (*e != '"')
            return NULL;
        *len = (size_t)(e - q) + 1;
        return q;
    }
    return NULL;
}

/* Decodes a JSON string literal with the JSON Lines reader. */
static const char *json_string(kbi_arena *a, const char *lit, size_t len)
{
    char *obj = kbi_arena_alloc(a, len + 8);
    if (!obj)
        return NULL;
    memcpy(obj, "{\"v\":", 5);
    memcpy(obj + 5, lit, len);
    memcpy(obj + 5 + len, "}", 2);
    kbi_json_object o;
    int col;
    const char *why;
    if (!kbi_json_parse_object(obj, len + 6, a, &o, &col, &why))
        return NULL;
    const kbi_json_member *v = kbi_json_get(&o, "v");
    return v && v->is_string ? v->value : NULL;
}

static void on_json_ld(meta *m, const xmlNode *script)
{
    for (const xmlNode *c = script->children; c; c = c->next) {
        if (!c->content)
            continue;
        const char *s = (const char *)c->content;
        size_t len;
        const char *lit;
        if (!m->date[3][0] && (lit = json_value(s, "datePublished", &len))) {
            const char *v = json_string(m->tmp, lit, len);
            set_date(m->date[3], v);
        }
        if (!m->headline && (lit = json_value(s, "headline", &len)))
            m->headline = json_string(m->tmp, lit, len);
    }
}

static int meta_enter(walker *w, xmlNode *n)
{
    meta *m = (meta *)w;
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    const char *name = (const char *)n->name;
    if (!name)
        return 1;
    if (!strcmp(name, "meta")) {
        on_meta(m, n);
    } else if (!strcmp(name, "link")) {
        const char *rel = attr(n, "rel"), *href = attr(n, "href");
        if (rel && href && *href && !m->canonical &&
            has_token(rel, "canonical"))
            m->canonical = href;
    } else if (!strcmp(name, "title")) {
        if (!m->title)
            m->title = n;
    } else if (!strcmp(name, "h1")) {
        if (m->in_article && !m->h1_article)
            m->h1_article = n;
        if (!m->in_chrome && !m->h1_plain)
            m->h1_plain = n;
        if (!m->h1_any)
            m->h1_any = n;
    } else if (!strcmp(name, "time")) {
        const char *dt = attr(n, "datetime");
        if (dt) {
            if (m->in_article)
                set_date(m->time_article, dt);
            set_date(m->time_any, dt);
        }
    } else if (!strcmp(name, "script")) {
        const char *type = attr(n, "type");
        if (type && !strncmp(type, "application/ld+json", 19))
            on_json_ld(m, n);
        return 0;
    } else if (!strcmp(name, "article")) {
        m->in_article++;
    } else if (tag_flags(n) & T_CHROME) {
        m->in_chrome++;
    }
    /* <time itemprop="datePublished" datetime=...> and friends */
    const char *ip = attr(n, "itemprop");
    if (ip && eq_ci(ip, "datePublished")) {
        set_date(m->date[1], attr(n, "content"));
        set_date(m->date[1], attr(n, "datetime"));
    }
    return 1;
}

static void meta_leave(walker *w, xmlNode *n)
{
    meta *m = (meta *)w;
    if (is(n, "article"))
        m->in_article--;
    else if (n->type == XML_ELEMENT_NODE && (tag_flags(n) & T_CHROME))
        m->in_chrome--;
}

/* The collapsed text of an element (at most MAX_TITLE bytes). */
typedef struct gather {
    walker w;
    obuf b;
    int space;
} gather;

static int gather_enter(walker *w, xmlNode *n)
{
    gather *g = (gather *)w;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            add_text(&g->b, 0, &g->space, (const char *)n->content,
                     MAX_TITLE);
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    unsigned f = tag_flags(n);
    if ((f & T_SKIP) && !is(n, "h1") && !is(n, "title"))
        return 0;
    if (!(f & T_INLINE))
        g->space = 1;
    return 1;
}

static void gather_leave(walker *w, xmlNode *n)
{
    gather *g = (gather *)w;
    if (!(tag_flags(n) & T_INLINE))
        g->space = 1;
}

/* Collapsed, trimmed copy of s (or of element e's text) in the arena;
 * NULL when empty. */
static const char *clean(kbi_arena *a, const char *s, const xmlNode *e,
                         int *failed)
{
    gather g = {{gather_enter, gather_leave}, {0}, 0};
    if (e)
        walk((xmlNode *)e, &g.w);
    else if (s)
        add_text(&g.b, 0, &g.space, s, MAX_TITLE);
    const char *r = NULL;
    if (g.b.failed)
        *failed = 1;
    else if (g.b.n) {
        r = kbi_arena_strndup(a, g.b.p, g.b.n);
        if (!r)
            *failed = 1;
    }
    kbi_free(NULL, g.b.p, g.b.cap);
    return r;
}

/* ---- body ------------------------------------------------------------------ */

typedef struct einfo {
    uint32_t pre, end; /* walk numbers: the subtree is (pre, end) */
} einfo;

typedef struct block {
    size_t start, len;  /* bytes in body.out */
    size_t chars, link; /* visible bytes, of which in links */
    uint32_t pos;       /* walk number of its first text node */
    int good;
} block;

typedef struct body {
    walker w;
    kbi_arena *tmp;
    obuf out;
    int space;
    size_t start, chars, link; /* the current block */
    uint32_t pos, counter;
    int in_link;
    block *blocks;
    size_t nblocks, bcap;
    xmlNode **articles, **bodies;
    size_t narticles, acap, nbodies, bdcap;
    int failed;
} body;

static int label(const char *s, size_t n)
{
    static const char *const labels[] = {
        "advertisement", "advertising", "sponsored", "sponsored content",
        "story continues below", "story continues below advertisement",
        "continue reading below", "continue reading", "skip to content",
        "skip to main content", "loading...", "loading",
        "scroll to continue with content", "ad", "close", "menu", NULL};
    return in_list(s, n, labels);
}

static void flush(body *b)
{
    b->space = 0;
    if (b->chars == 0) {
        b->out.n = b->start;
        return;
    }
    if (!kbi_vec_reserve(NULL, (void **)&b->blocks, &b->bcap, b->nblocks + 1,
                         sizeof *b->blocks)) {
        b->failed = 1;
        return;
    }
    block *k = &b->blocks[b->nblocks++];
    k->start = b->start;
    k->len = b->out.n - b->start;
    k->chars = b->chars;
    k->link = b->link;
    k->pos = b->pos;
    k->good = b->link * 2 <= b->chars && !label(b->out.p + k->start, k->len);
    b->start = b->out.n;
    b->chars = b->link = 0;
}

static int push(xmlNode ***v, size_t *n, size_t *cap, xmlNode *x)
{
    if (!kbi_vec_reserve(NULL, (void **)v, cap, *n + 1, sizeof **v))
        return 0;
    (*v)[(*n)++] = x;
    return 1;
}

static int body_enter(walker *w, xmlNode *n)
{
    body *b = (body *)w;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        uint32_t idx = b->counter++;
        if (!n->content)
            return 0;
        size_t before = b->chars;
        size_t added = add_text(&b->out, b->start, &b->space,
                                (const char *)n->content, 0);
        if (added && before == 0)
            b->pos = idx;
        b->chars += added;
        if (b->in_link)
            b->link += added;
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    unsigned f = tag_flags(n);
    if (skipped(n, f))
        return 0;
    einfo *e = kbi_arena_alloc(b->tmp, sizeof *e);
    if (!e) {
        b->failed = 1;
        return 0;
    }
    e->pre = b->counter++;
    e->end = e->pre + 1;
    n->_private = e;
    if (f & T_BLOCK)
        flush(b);
    else if (!(f & T_INLINE))
        b->space = 1;
    if (is(n, "a") && attr(n, "href"))
        b->in_link++;
    const char *ip = attr(n, "itemprop");
    if (ip && has_token(ip, "articlebody") &&
        !push(&b->bodies, &b->nbodies, &b->bdcap, n))
        b->failed = 1;
    if (is(n, "article") && !push(&b->articles, &b->narticles, &b->acap, n))
        b->failed = 1;
    return 1;
}

static void body_leave(walker *w, xmlNode *n)
{
    body *b = (body *)w;
    einfo *e = n->_private;
    if (e)
        e->end = b->counter;
    unsigned f = tag_flags(n);
    if (f & T_BLOCK)
        flush(b);
    else if (!(f & T_INLINE))
        b->space = 1;
    if (is(n, "a") && attr(n, "href") && b->in_link > 0)
        b->in_link--;
}

/* First block whose pos is >= p. */
static size_t first_at(const body *b, uint32_t p)
{
    size_t lo = 0, hi = b->nblocks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->blocks[mid].pos < p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Good text inside element n (sums[] are prefix sums over the blocks). */
static size_t good_text(const body *b, const size_t *sums, const xmlNode *n)
{
    const einfo *e = n ? n->_private : NULL;
    if (!e)
        return 0;
    return sums[first_at(b, e->end)] - sums[first_at(b, e->pre)];
}

static const xmlNode *best_of(const body *b, const size_t *sums,
                              xmlNode **v, size_t n, size_t *text)
{
    const xmlNode *best = NULL;
    *text = 0;
    for (size_t i = 0; i < n; i++) {
        size_t t = good_text(b, sums, v[i]);
        if (t > *text) {
            *text = t;
            best = v[i];
        }
    }
    return best;
}

/* The element whose blocks are the body (see the rules at the top). */
static const xmlNode *container(const body *b, const size_t *sums,
                                const xmlNode *root)
{
    size_t t, all = good_text(b, sums, root);
    const xmlNode *c = best_of(b, sums, b->bodies, b->nbodies, &t);
    if (c)
        return c;
    c = best_of(b, sums, b->articles, b->narticles, &t);
    if (c && t * 2 >= all)
        return c;
    c = root;
    for (;;) {
        size_t here = good_text(b, sums, c), top = 0;
        const xmlNode *next = NULL;
        for (const xmlNode *k = c->children; k; k = k->next) {
            if (k->type != XML_ELEMENT_NODE || !k->_private ||
                (tag_flags(k) & (T_INLINE | T_PARA)))
                continue;
            size_t kt = good_text(b, sums, k);
            if (kt > top) {
                top = kt;
                next = k;
            }
        }
        if (!next || top == 0 || top * 10 < here * 8)
            return c;
        c = next;
    }
}

/* Joins the good blocks inside c into the arena. */
static kb_status body_text(const body *b, const xmlNode *c, kbi_arena *a,
                           kbi_html_page *out)
{
    const einfo *e = c->_private;
    size_t from = first_at(b, e->pre), to = first_at(b, e->end), total = 0;
    for (size_t i = from; i < to; i++)
        if (b->blocks[i].good)
            total += b->blocks[i].len + 2;
    char *t = kbi_arena_alloc(a, total + 1);
    if (!t)
        return KB_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = from; i < to; i++) {
        const block *k = &b->blocks[i];
        if (!k->good)
            continue;
        if (n) {
            memcpy(t + n, "\n\n", 2);
            n += 2;
        }
        memcpy(t + n, b->out.p + k->start, k->len);
        n += k->len;
    }
    t[n] = '\0';
    out->text = t;
    out->text_len = n;
    return KB_OK;
}

static kb_status read_body(xmlNode *root, kbi_arena *tmp, kbi_arena *a,
                           kbi_html_page *out)
{
    body b;
    memset(&b, 0, sizeof b);
    b.w.enter = body_enter;
    b.w.leave = body_leave;
    b.tmp = tmp;
    walk(root, &b.w);
    flush(&b);
    kb_status st = KB_OK;
    size_t *sums = NULL;
    if (b.failed || b.out.failed)
        st = KB_ERR_NOMEM;
    else if (b.nblocks && root->_private) {
        sums = kbi_realloc(NULL, NULL, 0, (b.nblocks + 1) * sizeof *sums);
        if (!sums) {
            st = KB_ERR_NOMEM;
        } else {
            sums[0] = 0;
            for (size_t i = 0; i < b.nblocks; i++)
                sums[i + 1] = sums[i] + (b.blocks[i].good ? b.blocks[i].chars : 0);
            st = body_text(&b, container(&b, sums, root), a, out);
        }
    }
    kbi_free(NULL, sums, (b.nblocks + 1) * sizeof *sums);
    kbi_free(NULL, b.out.p, b.out.cap);
    kbi_free(NULL, b.blocks, b.bcap * sizeof *b.blocks);
    kbi_free(NULL, b.articles, b.acap * sizeof *b.articles);
    kbi_free(NULL, b.bodies, b.bdcap * sizeof *b.bodies);
    return st;
}

/* ---- the page -------------------------------------------------------------- */

static const char *first_date(kbi_arena *a, const meta *m)
{
    const char *d[] = {m->date[0], m->date[1], m->date[2], m->date[3],
                       m->time_article, m->time_any};
    for (size_t i = 0; i < sizeof d / sizeof *d; i++)
        if (d[i][0])
            return kbi_arena_strdup(a, d[i]);
    return NULL;
}

static kb_status read_doc(htmlDocPtr doc, kbi_arena *a, kbi_html_page *out)
{
    xmlNode *html = xmlDocGetRootElement(doc);
    if (!html)
        return KB_OK;
    kbi_arena tmp;
    kbi_arena_init(&tmp, NULL);
    meta m;
    memset(&m, 0, sizeof m);
    m.w.enter = meta_enter;
    m.w.leave = meta_leave;
    m.tmp = &tmp;
    walk(html, &m.w);
    int failed = 0;
    const char *t = clean(a, m.og_title, NULL, &failed);
    const xmlNode *h1[] = {m.h1_article, m.h1_plain, m.h1_any};
    for (int i = 0; i < 3 && !t; i++)
        if (h1[i])
            t = clean(a, NULL, h1[i], &failed);
    if (!t)
        t = clean(a, m.headline, NULL, &failed);
    if (!t && m.title)
        t = clean(a, NULL, m.title, &failed);
    out->title = t;
    out->url = clean(a, m.canonical ? m.canonical : m.og_url, NULL, &failed);
    out->source = clean(a, m.site, NULL, &failed);
    out->date = first_date(a, &m);
    if (failed || tmp.failed || a->failed) {
        kbi_arena_free(&tmp);
        return KB_ERR_NOMEM;
    }
    /* the whole page, not only <body>: libxml2 2.9 does not know HTML5
     * elements and leaves an <article> that follows a leading <script>
     * inside the implied <head> */
    kb_status st = read_body(html, &tmp, a, out);
    kbi_arena_free(&tmp);
    return st;
}

/* libxml2 reports a few problems (encoding, I/O) to the thread's error
 * hooks, which print to stderr; they are silenced while it runs. */
static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

#if LIBXML_VERSION >= 21200
static void quiet_structured(void *ctx, const xmlError *e)
#else
static void quiet_structured(void *ctx, xmlErrorPtr e)
#endif
{
    (void)ctx;
    (void)e;
}

kb_status kbi_html_read(const char *data, size_t len, kbi_arena *arena,
                        kbi_html_page *out)
{
    memset(out, 0, sizeof *out);
    out->text = "";
    char *page;
    size_t plen;
    kb_status st = kbi_html_prepare(data ? data : "", data ? len : 0, &page,
                                    &plen);
    if (st != KB_OK)
        return st;
    if (plen > INT_MAX) {
        kbi_free(NULL, page, plen + 1);
        return KB_ERR_LIMIT;
    }
    xmlInitParser();
    xmlStructuredErrorFunc sfn = xmlStructuredError;
    void *sctx = xmlStructuredErrorContext;
    xmlGenericErrorFunc gfn = xmlGenericError;
    void *gctx = xmlGenericErrorContext;
    xmlSetStructuredErrorFunc(NULL, quiet_structured);
    xmlSetGenericErrorFunc(NULL, quiet);
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    htmlDocPtr doc = NULL;
    if (ctxt && plen)
        doc = htmlCtxtReadMemory(ctxt, page, (int)plen, NULL, "UTF-8",
                                 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                     HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                     HTML_PARSE_IGNORE_ENC);
    xmlSetStructuredErrorFunc(sctx, sfn);
    xmlSetGenericErrorFunc(gctx, gfn);
    kbi_free(NULL, page, plen + 1);
    if (!ctxt)
        return KB_ERR_NOMEM;
    const xmlError *le = &ctxt->lastError;
    if (le->code == XML_ERR_NO_MEMORY)
        st = KB_ERR_NOMEM;
    else if (le->code == XML_ERR_INTERNAL_ERROR && le->message &&
             strstr(le->message, "Excessive depth"))
        out->truncated_line = le->line > 0 ? le->line : 1;
    htmlFreeParserCtxt(ctxt);
    if (doc && st == KB_OK)
        st = read_doc(doc, arena, out);
    if (doc)
        xmlFreeDoc(doc);
    return st;
}
