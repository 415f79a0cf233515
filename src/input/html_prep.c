/* html_prep.c - what the HTML reader does before libxml2 sees a page.
 *
 * 1. Encoding: the page becomes valid UTF-8. The encoding is the one a BOM
 *    or a <meta charset> / <meta http-equiv content="...; charset=...">
 *    declares (converted with iconv, each undecodable byte becoming
 *    U+FFFD); without one, UTF-8 when the bytes are (mostly) UTF-8, else
 *    windows-1252. A declared UTF-16/UTF-32 without a BOM means UTF-8, as
 *    in browsers. NUL bytes and invalid UTF-8 become U+FFFD.
 *
 * 2. Markup: a small tokenizer (the rules of libxml2's HTML parser, which
 *    are close to browsers') writes the page again in a canonical form:
 *    start tags as <name a="v" ...> with at most MAX_ATTRS attributes (the
 *    parser checks attribute names pairwise, so one tag with 100,000
 *    attributes took minutes), end tags as </name>, comments, doctypes and
 *    processing instructions dropped, a '<' that opens nothing written as
 *    "&lt;", and "</" inside <script>/<style> written as "<\/" so that
 *    those elements end where the tokenizer says. libxml2 then reads an
 *    unambiguous page, and every pass is linear in its size. Newlines of
 *    dropped markup are kept so that line numbers stay right. */
#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/util.h"
#include "../base/vec.h"
#include "input.h"

enum { MAX_ATTRS = 128, MAX_NAME = 100, MAX_CHARSET = 40 };

typedef struct obuf {
    char *p;
    size_t n, cap;
    int failed;
} obuf;

static int reserve(obuf *b, size_t more)
{
    if (b->failed)
        return 0;
    if (more > SIZE_MAX - b->n - 1 ||
        !kbi_vec_reserve(NULL, (void **)&b->p, &b->cap, b->n + more + 1, 1)) {
        b->failed = 1;
        return 0;
    }
    return 1;
}

static void put(obuf *b, const char *s, size_t n)
{
    if (n == 0 || !reserve(b, n))
        return;
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

static void putc1(obuf *b, char c) { put(b, &c, 1); }

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* ---- UTF-8 ------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s[i] (not NUL), or 0. */
static size_t utf8_len(const unsigned char *s, size_t i, size_t n)
{
    unsigned c = s[i];
    if (c < 0x80)
        return c != 0;
    size_t k;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        k = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        k = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        k = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (n - i < k)
        return 0;
    if (s[i + 1] < lo || s[i + 1] > hi)
        return 0;
    for (size_t j = 2; j < k; j++)
        if ((s[i + j] & 0xC0) != 0x80)
            return 0;
    return k;
}

/* Counts valid multi-byte sequences and invalid bytes. */
static void utf8_census(const unsigned char *s, size_t n, size_t *multi,
                        size_t *bad)
{
    *multi = *bad = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t k = utf8_len(s, i, n);
        if (k) {
            (*multi)++;
            i += k;
        } else {
            (*bad)++;
            i++;
        }
    }
}

/* Copies s as valid UTF-8 without NULs (each bad byte -> U+FFFD). */
static void put_utf8_clean(obuf *b, const unsigned char *s, size_t n)
{
    if (!reserve(b, n))
        return;
    size_t run = 0; /* start of the pending valid run */
    for (size_t i = 0; i < n;) {
        size_t k = s[i] && s[i] < 0x80 ? 1 : utf8_len(s, i, n);
        if (k) {
            i += k;
            continue;
        }
        put(b, (const char *)s + run, i - run);
        put(b, replacement, 3);
        run = ++i;
    }
    put(b, (const char *)s + run, n - run);
}

/* ---- the declared encoding --------------------------------------------- */

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int starts_ci(const char *s, size_t n, const char *w)
{
    size_t k = strlen(w);
    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (lower((unsigned char)s[i]) != w[i])
            return 0;
    return 1;
}

/* The charset a <meta> tag declares: "charset" in it, then '=', then the
 * name. Returns 1 and the lowercase name in out. */
static int meta_charset(const char *t, size_t n, char out[MAX_CHARSET + 1])
{
    for (size_t i = 0; i + 7 <= n; i++) {
        if (!starts_ci(t + i, n - i, "charset"))
            continue;
        size_t j = i + 7;
        while (j < n && kbi_isspace((unsigned char)t[j]))
            j++;
        if (j >= n || t[j] != '=')
            continue;
        j++;
        while (j < n && (kbi_isspace((unsigned char)t[j]) || t[j] == '"' ||
                         t[j] == '\''))
            j++;
        size_t k = 0;
        while (j < n && k < MAX_CHARSET &&
               ((t[j] >= 'a' && t[j] <= 'z') || (t[j] >= 'A' && t[j] <= 'Z') ||
                kbi_isdigit((unsigned char)t[j]) || t[j] == '-' ||
                t[j] == '_' || t[j] == '.' || t[j] == ':'))
            out[k++] = (char)lower((unsigned char)t[j++]);
        out[k] = '\0';
        if (k)
            return 1;
    }
    return 0;
}

/* Finds the first <meta ...charset=...> of the page. */
static int declared_charset(const char *d, size_t n, char out[MAX_CHARSET + 1])
{
    for (const char *p = d; p < d + n;) {
        p = memchr(p, '<', (size_t)(d + n - p));
        if (!p)
            return 0;
        size_t left = (size_t)(d + n - p);
        if (starts_ci(p, left, "<body"))
            return 0;
        if (starts_ci(p, left, "<meta") && left > 5 &&
            (kbi_isspace((unsigned char)p[5]) || p[5] == '/')) {
            const char *gt = memchr(p, '>', left);
            size_t tl = gt ? (size_t)(gt - p) : left;
            if (meta_charset(p, tl, out))
                return 1;
            p += tl;
            continue;
        }
        p++;
    }
    return 0;
}

/* ---- conversion ---------------------------------------------------------- */

/* data in encoding `name` -> UTF-8 with iconv; each byte iconv cannot
 * convert becomes U+FFFD. Returns 0 when iconv does not know the name. */
static int convert(const char *d, size_t n, const char *name, obuf *b)
{
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return 0;
    char *in = (char *)d;
    size_t inleft = n, want = n + 4096;
    while (inleft > 0 && !b->failed) {
        if (!reserve(b, want))
            break;
        char *op = b->p + b->n;
        size_t oleft = b->cap - b->n - 1;
        size_t r = iconv(cd, &in, &inleft, &op, &oleft);
        b->n = (size_t)(op - b->p);
        if (r != (size_t)-1)
            continue;
        if (errno == E2BIG) { /* more room than what is left */
            want = (b->cap - b->n) * 2 + 4096;
            continue;
        }
        /* EILSEQ, EINVAL (cut sequence) or anything else: skip a byte */
        put(b, replacement, 3);
        in++;
        inleft--;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    return 1;
}

static void latin1(const unsigned char *s, size_t n, obuf *b)
{
    for (size_t i = 0; i < n; i++) {
        char two[2] = {(char)(0xC0 | (s[i] >> 6)), (char)(0x80 | (s[i] & 0x3F))};
        if (s[i] < 0x80)
            putc1(b, (char)s[i]);
        else
            put(b, two, 2);
    }
}

/* The page as UTF-8 (may still hold NULs and bad bytes from iconv). */
static void to_utf8(const char *d, size_t n, obuf *b)
{
    const unsigned char *u = (const unsigned char *)d;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        put(b, d + 3, n - 3);
        return;
    }
    if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
                   (u[0] == 0xFE && u[1] == 0xFF))) {
        int utf32 = n >= 4 && u[0] == 0xFF && u[2] == 0 && u[3] == 0;
        if (convert(d, n, utf32 ? "UTF-32" : "UTF-16", b))
            return;
    }
    char cs[MAX_CHARSET + 1];
    if (declared_charset(d, n, cs) && strcmp(cs, "utf-8") &&
        strcmp(cs, "utf8") && strncmp(cs, "utf-16", 6) &&
        strncmp(cs, "utf-32", 6) && strncmp(cs, "ucs", 3)) {
        /* HTML's labels for windows-1252 */
        if (!strcmp(cs, "iso-8859-1") || !strcmp(cs, "latin1") ||
            !strcmp(cs, "us-ascii") || !strcmp(cs, "ascii") ||
            !strcmp(cs, "iso8859-1") || !strcmp(cs, "l1"))
            strcpy(cs, "windows-1252");
        if (convert(d, n, cs, b))
            return;
    }
    size_t multi, bad;
    utf8_census(u, n, &multi, &bad);
    if (bad == 0 || multi >= bad) {
        put(b, d, n);
        return;
    }
    if (!convert(d, n, "WINDOWS-1252", b))
        latin1(u, n, b);
}

/* ---- markup -------------------------------------------------------------- */

typedef struct tk {
    const char *s;
    size_t n, i;
    obuf *out;
} tk;

static int is_letter(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static int is_blank(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
static int name_start(int c)
{
    return is_letter(c) || c == '_' || c == ':' || c == '.';
}
static int name_char(int c)
{
    return name_start(c) || kbi_isdigit(c) || c == '-';
}

static int at(const tk *t, size_t k) /* the byte k ahead, or 0 */
{
    return t->i + k < t->n ? (unsigned char)t->s[t->i + k] : 0;
}

/* Drops s[from, to) but keeps its newlines. */
static void drop(tk *t, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (t->s[k] == '\n')
            putc1(t->out, '\n');
}

static void skip_blanks(tk *t)
{
    while (t->i < t->n && is_blank(at(t, 0))) {
        if (t->s[t->i] == '\n')
            putc1(t->out, '\n');
        t->i++;
    }
}

/* A name of at most MAX_NAME bytes (the rest of a longer one is
 * skipped); returns its length, 0 when none starts here. */
static size_t name(tk *t, size_t *start)
{
    *start = t->i;
    if (!name_start(at(t, 0)))
        return 0;
    while (t->i < t->n && name_char(at(t, 0)))
        t->i++;
    size_t len = t->i - *start;
    return len > MAX_NAME ? MAX_NAME : len;
}

/* Writes an attribute value between double quotes. */
static void put_value(tk *t, size_t from, size_t to)
{
    putc1(t->out, '"');
    size_t run = from;
    for (size_t k = from; k < to; k++)
        if (t->s[k] == '"') {
            put(t->out, t->s + run, k - run);
            put(t->out, "&quot;", 6);
            run = k + 1;
        }
    put(t->out, t->s + run, to - run);
    putc1(t->out, '"');
}

/* One attribute (or a bogus token, skipped); *kept counts those written. */
static void attribute(tk *t, int *kept)
{
    size_t ns, nl = name(t, &ns);
    if (!nl) { /* not a name: skip to a blank or the end of the tag */
        size_t from = t->i;
        while (t->i < t->n && !is_blank(at(t, 0)) && at(t, 0) != '>' &&
               !(at(t, 0) == '/' && at(t, 1) == '>'))
            t->i++;
        drop(t, from, t->i);
        return;
    }
    int keep = *kept < MAX_ATTRS;
    if (keep) {
        putc1(t->out, ' ');
        put(t->out, t->s + ns, nl);
        (*kept)++;
    }
    size_t save = t->i;
    while (t->i < t->n && is_blank(at(t, 0)))
        t->i++;
    if (at(t, 0) != '=') {
        t->i = save;
        return;
    }
    drop(t, save, t->i);
    t->i++;
    skip_blanks(t);
    size_t vs, ve;
    int q = at(t, 0);
    if (q == '"' || q == '\'') {
        vs = ++t->i;
        const char *e = memchr(t->s + vs, q, t->n - vs);
        ve = e ? (size_t)(e - t->s) : t->n;
        t->i = e ? ve + 1 : t->n;
    } else {
        vs = t->i;
        while (t->i < t->n && !is_blank(at(t, 0)) && at(t, 0) != '>')
            t->i++;
        ve = t->i;
    }
    if (keep) {
        putc1(t->out, '=');
        put_value(t, vs, ve);
    } else {
        drop(t, vs, ve);
    }
}

/* The content of <script>/<style> up to its end tag. */
static void raw_text(tk *t, const char *tag, size_t tl)
{
    size_t from = t->i;
    for (;;) {
        const char *lt = memchr(t->s + t->i, '<', t->n - t->i);
        if (!lt) {
            t->i = t->n;
            break;
        }
        t->i = (size_t)(lt - t->s);
        if (at(t, 1) == '/') {
            size_t k = t->i + 2, j = 0;
            while (j < tl && k + j < t->n &&
                   lower((unsigned char)t->s[k + j]) == lower((unsigned char)tag[j]))
                j++;
            if (j == tl && (k + j == t->n || !name_char((unsigned char)t->s[k + j])))
                break; /* the end tag */
            put(t->out, t->s + from, t->i + 1 - from);
            put(t->out, "\\", 1); /* "</" -> "<\/" */
            t->i++;
            from = t->i;
            continue;
        }
        t->i++;
    }
    put(t->out, t->s + from, t->i - from);
}

static void start_tag(tk *t)
{
    t->i++; /* '<' */
    size_t ns, nl = name(t, &ns);
    putc1(t->out, '<');
    put(t->out, t->s + ns, nl);
    int kept = 0;
    for (;;) {
        skip_blanks(t);
        int c = at(t, 0);
        if (t->i >= t->n || c == '>') {
            putc1(t->out, '>');
            t->i += t->i < t->n;
            break;
        }
        if (c == '/' && at(t, 1) == '>') {
            put(t->out, "/>", 2);
            t->i += 2;
            return; /* no content */
        }
        attribute(t, &kept);
    }
    static const char *const raw[] = {"script", "style"};
    for (int k = 0; k < 2; k++)
        if (nl == strlen(raw[k]) && starts_ci(t->s + ns, nl, raw[k]))
            raw_text(t, raw[k], nl);
}

/* "</name ...>" -> "</name>" */
static void end_tag(tk *t)
{
    t->i += 2;
    size_t ns, nl = name(t, &ns);
    put(t->out, "</", 2);
    put(t->out, t->s + ns, nl);
    putc1(t->out, '>');
    size_t from = t->i;
    const char *gt = memchr(t->s + t->i, '>', t->n - t->i);
    t->i = gt ? (size_t)(gt - t->s) + 1 : t->n;
    drop(t, from, t->i);
}

/* "<!--" to "-->" or "--!>" (or "<!-->", "<!--->"), dropped. */
static void comment(tk *t)
{
    size_t from = t->i, k = t->i + 4;
    if (k < t->n && t->s[k] == '>')
        t->i = k + 1;
    else if (k + 1 < t->n && t->s[k] == '-' && t->s[k + 1] == '>')
        t->i = k + 2;
    else {
        t->i = t->n;
        for (; k + 2 < t->n; k++) {
            const char *d = memchr(t->s + k, '-', t->n - k);
            if (!d)
                break;
            k = (size_t)(d - t->s);
            if (k + 2 < t->n && t->s[k + 1] == '-' && t->s[k + 2] == '>') {
                t->i = k + 3;
                break;
            }
            if (k + 3 < t->n && t->s[k + 1] == '-' && t->s[k + 2] == '!' &&
                t->s[k + 3] == '>') {
                t->i = k + 4;
                break;
            }
        }
    }
    drop(t, from, t->i);
}

/* "<!DOCTYPE ...>", "<![CDATA[...>", "<?...>": dropped up to '>'. */
static void declaration(tk *t)
{
    size_t from = t->i;
    const char *gt = memchr(t->s + t->i, '>', t->n - t->i);
    t->i = gt ? (size_t)(gt - t->s) + 1 : t->n;
    drop(t, from, t->i);
}

static void markup(const char *s, size_t n, obuf *out)
{
    tk t = {s, n, 0, out};
    if (!reserve(out, n + n / 8 + 64))
        return;
    while (t.i < n && !out->failed) {
        const char *lt = memchr(s + t.i, '<', n - t.i);
        size_t e = lt ? (size_t)(lt - s) : n;
        put(out, s + t.i, e - t.i);
        t.i = e;
        if (e == n)
            break;
        int c1 = at(&t, 1);
        if (is_letter(c1))
            start_tag(&t);
        else if (c1 == '/' && is_letter(at(&t, 2)))
            end_tag(&t);
        else if (c1 == '!' && at(&t, 2) == '-' && at(&t, 3) == '-')
            comment(&t);
        else if (c1 == '!' || c1 == '?')
            declaration(&t);
        else {
            put(out, "&lt;", 4);
            t.i++;
        }
    }
}

kb_status kbi_html_prepare(const char *data, size_t len, char **out,
                           size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    obuf u = {0}, c = {0}, m = {0};
    to_utf8(data, len, &u);
    const char *s = u.p ? u.p : "";
    size_t n = u.n;
    size_t multi, bad = 0;
    utf8_census((const unsigned char *)s, n, &multi, &bad);
    if (!u.failed && (bad || memchr(s, '\0', n))) {
        put_utf8_clean(&c, (const unsigned char *)s, n);
        s = c.p ? c.p : "";
        n = c.n;
    }
    if (!u.failed && !c.failed)
        markup(s, n, &m);
    int failed = u.failed || c.failed || m.failed;
    kbi_free(NULL, u.p, u.cap);
    kbi_free(NULL, c.p, c.cap);
    if (failed) {
        kbi_free(NULL, m.p, m.cap);
        return KB_ERR_NOMEM;
    }
    if (!reserve(&m, 0)) {
        kbi_free(NULL, m.p, m.cap);
        return KB_ERR_NOMEM;
    }
    m.p[m.n] = '\0';
    *out = m.p;
    *out_len = m.n;
    /* the caller frees m.cap bytes: shrink to len + 1 */
    char *shrunk = kbi_realloc(NULL, m.p, m.cap, m.n + 1);
    if (shrunk)
        *out = shrunk;
    else {
        char *copy = kbi_realloc(NULL, NULL, 0, m.n + 1);
        if (!copy) {
            kbi_free(NULL, m.p, m.cap);
            *out = NULL;
            return KB_ERR_NOMEM;
        }
        memcpy(copy, m.p, m.n + 1);
        kbi_free(NULL, m.p, m.cap);
        *out = copy;
    }
    return KB_OK;
}
