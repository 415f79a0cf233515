/* articles.c - kb_article_reader: news articles from raw text, JSON Lines
 * and HTML pages.
 *
 * Raw text: the file is one article; its id is the file name without
 * directory and extension ("stdin" for standard input or a buffer without
 * a name). Its first non-blank line is the title when a blank line
 * follows it; the body is the rest. The date is the `date` argument.
 *
 * JSON Lines: one article per line, {"id", "date", "text"} and optional
 * "title", "url", "source" (null is the same as absent). "id" is a string
 * or a number; without one the id is "<file name>:<line>" (file name
 * without directory), so that events can still be traced to their line.
 * "date" is YYYY-MM-DD or YYYYMMDD (an ISO date-time such as
 * 2019-11-24T09:30:00Z is read as its date); without one the `date`
 * argument applies, and without that the article has no date (NULL). A
 * line that is not a JSON object, an article without a string "text",
 * a member of the wrong type or a bad date is reported through diag with
 * the line and the column of the value, counted, and skipped; the other
 * lines are read.
 *
 * HTML: the page is one article (html.c reads it); its id is the file
 * name as for raw text; its date is the page's own, else the `date`
 * argument.
 *
 * In every format an article with neither title nor text is reported and
 * skipped. */
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/error.h"
#include "../base/util.h"
#include "input.h"
#include "json.h"

struct kb_article_reader {
    int format;       /* KB_INPUT_TEXT, _JSONL or _HTML */
    char *data;       /* the whole input, len + 1 bytes */
    size_t len, pos;
    int line;         /* JSON Lines: the line just read */
    int done;         /* text, HTML: the article was handed out */
    char name[256];   /* for messages */
    char base[256];   /* file name without directory */
    char doc[256];    /* id of a text or HTML article */
    char date[11];    /* default date YYYY-MM-DD, or "" */
    kb_diag_fn diag;
    void *user;
    kbi_arena arena;  /* the current article's strings */
    size_t errors;
};

/* ---- dates --------------------------------------------------------------- */

static size_t digits(const char *s, size_t i, size_t n, size_t k, int *v)
{
    *v = 0;
    for (size_t j = 0; j < k; j++) {
        if (i + j >= n || !kbi_isdigit((unsigned char)s[i + j]))
            return 0;
        *v = *v * 10 + (s[i + j] - '0');
    }
    return k;
}

int kbi_article_date(const char *s, size_t n, char out[11])
{
    size_t i = 0;
    while (i < n && kbi_isspace((unsigned char)s[i]))
        i++;
    int y, m, d;
    if (!digits(s, i, n, 4, &y))
        return 0;
    i += 4;
    int dash = i < n && s[i] == '-';
    i += (size_t)dash;
    if (!digits(s, i, n, 2, &m))
        return 0;
    i += 2;
    if (dash) {
        if (i >= n || s[i] != '-')
            return 0;
        i++;
    }
    if (!digits(s, i, n, 2, &d))
        return 0;
    i += 2;
    /* the end, or a time: "T09:30", " 09:30" */
    if (i < n && (s[i] == 'T' || s[i] == 't' || s[i] == ' ') && i + 1 < n &&
        kbi_isdigit((unsigned char)s[i + 1]))
        i = n;
    while (i < n && kbi_isspace((unsigned char)s[i]))
        i++;
    int32_t day;
    if (i != n || !kbi_days_from_civil(y, m, d, &day))
        return 0;
    int v[3] = {y, m, d}, w[3] = {4, 2, 2};
    size_t k = 11;
    out[--k] = '\0';
    for (int f = 2; f >= 0; f--) {
        for (int j = 0; j < w[f]; j++, v[f] /= 10)
            out[--k] = (char)('0' + v[f] % 10);
        if (f)
            out[--k] = '-';
    }
    return 1;
}

/* ---- opening --------------------------------------------------------------- */

/* The format of an input: KB_INPUT_TEXT, _JSONL, _HTML, or -1 with err
 * set when it is not an article format. KB_INPUT_AUTO goes by
 * kb_input_format_detect (extension, then first bytes). */
static int resolve(int format, const char *name, const char *shown,
                   const char *d, size_t n, kb_error *err)
{
    static const char not_articles[] =
        "%s holds parsed sentences, not articles: read it with "
        "kb_reader_open_file (khabar code reads both)";
    if (format == KB_INPUT_AUTO)
        format = (int)kb_input_format_detect(name, d, n);
    name = shown;
    switch (format) {
    case KB_INPUT_TEXT:
    case KB_INPUT_JSONL:
    case KB_INPUT_HTML:
        return format;
    case KB_INPUT_XML:
        kbi_error_set(err, KB_ERR_INVALID, name, 0, 0, not_articles,
                      "PETRARCH XML");
        return -1;
    case KB_INPUT_CONLLU:
        kbi_error_set(err, KB_ERR_INVALID, name, 0, 0, not_articles,
                      "CoNLL-U");
        return -1;
    default:
        kbi_error_set(err, KB_ERR_INVALID, name, 0, 0,
                      "unknown article format %d", format);
        return -1;
    }
}

static int is_stdin(const char *name)
{
    return !name || !strcmp(name, "-") || !strcmp(name, "<stdin>") ||
           !strcmp(name, "stdin");
}

/* Takes ownership of data (len + 1 bytes, NUL-terminated). */
static kb_status open_owned(char *data, size_t len, const char *name,
                            int format, const char *date, kb_diag_fn diag,
                            void *user, kb_article_reader **out,
                            kb_error *err)
{
    const char *shown = is_stdin(name) ? "<stdin>" : name;
    char d[11] = "";
    if (date && *date && !kbi_article_date(date, strlen(date), d)) {
        kbi_free(NULL, data, len + 1);
        kbi_error_set(err, KB_ERR_INVALID, NULL, 0, 0,
                      "expected a date YYYY-MM-DD, got '%s'", date);
        return KB_ERR_INVALID;
    }
    int f = resolve(format, is_stdin(name) ? NULL : name, shown, data, len,
                    err);
    if (f < 0) {
        kbi_free(NULL, data, len + 1);
        return KB_ERR_INVALID;
    }
    kb_article_reader *r = kbi_realloc(NULL, NULL, 0, sizeof *r);
    if (!r) {
        kbi_free(NULL, data, len + 1);
        kbi_error_set(err, KB_ERR_NOMEM, shown, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    memset(r, 0, sizeof *r);
    r->format = f;
    r->data = data;
    r->len = len;
    snprintf(r->name, sizeof r->name, "%s", shown);
    const char *b = is_stdin(name) ? "stdin" : strrchr(name, '/');
    b = b ? (b[0] == '/' ? b + 1 : b) : name;
    snprintf(r->base, sizeof r->base, "%s", b);
    snprintf(r->doc, sizeof r->doc, "%s", b);
    char *dot = strrchr(r->doc, '.');
    if (dot && dot != r->doc)
        *dot = '\0';
    memcpy(r->date, d, sizeof d);
    r->diag = diag;
    r->user = user;
    kbi_arena_init(&r->arena, NULL);
    *out = r;
    return KB_OK;
}

kb_status kb_article_reader_open_buffer(const char *data, size_t len,
                                        const char *name, int format,
                                        const char *date, kb_diag_fn diag,
                                        void *user, kb_article_reader **out,
                                        kb_error *err)
{
    if (!out || (!data && len)) {
        kbi_error_set(err, KB_ERR_INVALID, name, 0, 0, "no input");
        return KB_ERR_INVALID;
    }
    *out = NULL;
    char *copy = kbi_realloc(NULL, NULL, 0, len + 1);
    if (!copy) {
        kbi_error_set(err, KB_ERR_NOMEM, name, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    if (len)
        memcpy(copy, data, len);
    copy[len] = '\0';
    return open_owned(copy, len, name, format, date, diag, user, out, err);
}

static kb_status read_stdin(char **out, size_t *len, kb_error *err)
{
    size_t cap = 65536, n = 0;
    char *buf = kbi_realloc(NULL, NULL, 0, cap);
    while (buf) {
        if (cap - n < 2) {
            char *nb = kbi_realloc(NULL, buf, cap, cap * 2);
            if (!nb)
                break;
            buf = nb;
            cap *= 2;
        }
        size_t k = fread(buf + n, 1, cap - n - 1, stdin);
        n += k;
        if (k == 0) {
            if (ferror(stdin)) {
                kbi_free(NULL, buf, cap);
                kbi_error_set(err, KB_ERR_IO, "<stdin>", 0, 0, "read error");
                return KB_ERR_IO;
            }
            char *nb = kbi_realloc(NULL, buf, cap, n + 1);
            if (nb) {
                buf = nb;
                buf[n] = '\0';
                *out = buf;
                *len = n;
                return KB_OK;
            }
            break;
        }
    }
    kbi_free(NULL, buf, cap);
    kbi_error_set(err, KB_ERR_NOMEM, "<stdin>", 0, 0, "out of memory");
    return KB_ERR_NOMEM;
}

kb_status kb_article_reader_open(const char *path, int format,
                                 const char *date, kb_diag_fn diag,
                                 void *user, kb_article_reader **out,
                                 kb_error *err)
{
    if (!out || !path) {
        kbi_error_set(err, KB_ERR_INVALID, path, 0, 0, "no file name");
        return KB_ERR_INVALID;
    }
    *out = NULL;
    char *data;
    size_t len;
    kb_status st = !strcmp(path, "-")
                       ? read_stdin(&data, &len, err)
                       : kbi_read_file(path, NULL, &data, &len, err);
    if (st != KB_OK)
        return st;
    return open_owned(data, len, path, format, date, diag, user, out, err);
}

/* ---- reading ----------------------------------------------------------------- */

static void report(kb_article_reader *r, kb_status code, int line, int col,
                   const char *id, const char *fmt, const char *what)
{
    if (!r->diag)
        return;
    kb_error e;
    kbi_error_set(&e, code, r->name, line, col, fmt, what);
    if (id)
        snprintf(e.record, sizeof e.record, "%s", id);
    r->diag(r->user, &e);
}

/* An article skipped because of an error. */
static void bad(kb_article_reader *r, int line, int col, const char *id,
                const char *fmt, const char *what)
{
    r->errors++;
    report(r, KB_ERR_SYNTAX, line, col, id, fmt, what);
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!kbi_isspace((unsigned char)s[i]))
            return 0;
    return 1;
}

static void fill(kb_article_reader *r, kb_article *a, const char *id,
                 const char *date, const char *title, const char *text,
                 size_t text_len)
{
    memset(a, 0, sizeof *a);
    a->id = id;
    a->date = date && *date ? date : NULL;
    a->title = title && *title ? title : NULL;
    a->text = text;
    a->text_len = text_len;
    a->file = r->name;
}

/* The end of the line that starts at i (the '\n' or n). */
static size_t line_end(const char *s, size_t i, size_t n)
{
    const char *nl = memchr(s + i, '\n', n - i);
    return nl ? (size_t)(nl - s) : n;
}

static int next_text(kb_article_reader *r, kb_article *a)
{
    if (r->done)
        return 0;
    r->done = 1;
    const char *s = r->data;
    size_t n = r->len, i = 0;
    if (n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
        i = 3;
    /* the first non-blank line */
    for (;;) {
        size_t e = line_end(s, i, n);
        if (e == n || !blank(s + i, e - i))
            break;
        i = e + 1;
    }
    const char *title = NULL;
    size_t body = i, e = line_end(s, i, n);
    if (e < n) {
        size_t e2 = line_end(s, e + 1, n);
        if (blank(s + e + 1, e2 - (e + 1)) && !blank(s + i, e - i)) {
            size_t ts = i, te = e;
            while (ts < te && kbi_isspace((unsigned char)s[ts]))
                ts++;
            while (te > ts && kbi_isspace((unsigned char)s[te - 1]))
                te--;
            kbi_arena_reset(&r->arena);
            title = kbi_arena_strndup(&r->arena, s + ts, te - ts);
            if (!title) {
                bad(r, 0, 0, r->doc, "%s", "out of memory");
                return 0;
            }
            /* the body starts at its first non-blank line */
            body = e2 < n ? e2 + 1 : n;
            for (;;) {
                size_t be = line_end(s, body, n);
                if (be == n || !blank(s + body, be - body))
                    break;
                body = be + 1;
            }
        }
    }
    if (!title && blank(s + body, n - body)) {
        bad(r, 0, 0, r->doc, "%s", "the article has no text");
        return 0;
    }
    fill(r, a, r->doc, r->date, title, s + body, n - body);
    return 1;
}

static int next_html(kb_article_reader *r, kb_article *a)
{
    if (r->done)
        return 0;
    r->done = 1;
    kbi_arena_reset(&r->arena);
    kbi_html_page p;
    kb_status st = kbi_html_read(r->data, r->len, &r->arena, &p);
    if (st != KB_OK) {
        bad(r, 0, 0, r->doc, "%s",
            st == KB_ERR_NOMEM ? "out of memory reading the page"
                               : "the page is too large (2 GB or more)");
        return 0;
    }
    if (p.truncated_line)
        report(r, KB_ERR_LIMIT, p.truncated_line, 0, r->doc, "%s",
               "elements nest more than 256 deep here: the rest of the "
               "page is not read");
    if (!p.title && blank(p.text, p.text_len)) {
        bad(r, 0, 0, r->doc, "%s", "no readable text in the page");
        return 0;
    }
    fill(r, a, r->doc, p.date ? p.date : r->date, p.title, p.text,
         p.text_len);
    a->url = p.url;
    a->source = p.source;
    return 1;
}

/* 1-based byte column of the value of top-level member `key` of the JSON
 * object in s[0, n), or 1 when it is not found. */
static int member_column(const char *s, size_t n, const char *key)
{
    size_t kl = strlen(key);
    int depth = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            depth--;
        } else if (c == '"') {
            size_t st = i + 1, j = st;
            while (j < n && s[j] != '"')
                j += s[j] == '\\' ? 2 : 1;
            if (j >= n)
                return 1;
            if (depth == 1 && j - st == kl && !memcmp(s + st, key, kl)) {
                size_t k = j + 1;
                while (k < n && kbi_isspace((unsigned char)s[k]))
                    k++;
                if (k < n && s[k] == ':') {
                    k++;
                    while (k < n && kbi_isspace((unsigned char)s[k]))
                        k++;
                    return k < (size_t)1 << 30 ? (int)k + 1 : 1;
                }
            }
            i = j;
        }
    }
    return 1;
}

/* The member, NULL when absent or null. */
static const kbi_json_member *member(const kbi_json_object *o, const char *k)
{
    const kbi_json_member *m = kbi_json_get(o, k);
    return m && (m->is_string || strcmp(m->value, "null")) ? m : NULL;
}

/* A scalar that is not a string: a number, true or false. */
static int is_number(const kbi_json_member *m)
{
    return !m->is_string && m->value[0] != '{' && m->value[0] != '[' &&
           strcmp(m->value, "true") && strcmp(m->value, "false");
}

static int next_jsonl(kb_article_reader *r, kb_article *a)
{
    while (r->pos < r->len) {
        const char *s = r->data + r->pos;
        size_t n = line_end(r->data, r->pos, r->len) - r->pos;
        r->pos += n + (r->pos + n < r->len);
        r->line++;
        if (blank(s, n))
            continue;
        kbi_arena_reset(&r->arena);
        kbi_json_object o;
        int col;
        const char *why;
        if (!kbi_json_parse_object(s, n, &r->arena, &o, &col, &why)) {
            bad(r, r->line, col, NULL, "%s", why);
            continue;
        }
        const kbi_json_member *id = member(&o, "id");
        const char *idv;
        char gen[300];
        if (id && (id->is_string ? id->value[0] != '\0' : is_number(id))) {
            idv = id->value;
        } else if (id && !id->is_string) {
            bad(r, r->line, member_column(s, n, "id"), NULL, "%s",
                "expected \"id\" as a string or a number");
            continue;
        } else {
            snprintf(gen, sizeof gen, "%s:%d", r->base, r->line);
            idv = kbi_arena_strdup(&r->arena, gen);
        }
        const kbi_json_member *text = member(&o, "text");
        if (!text) {
            bad(r, r->line, 1, idv, "%s",
                "expected a \"text\" member (a string)");
            continue;
        }
        static const char *const strings[] = {"text", "title", "url",
                                              "source"};
        const kbi_json_member *m[4] = {text, NULL, NULL, NULL};
        int ok = 1;
        for (int k = 0; k < 4 && ok; k++) {
            m[k] = member(&o, strings[k]);
            if (m[k] && !m[k]->is_string) {
                char msg[64];
                snprintf(msg, sizeof msg, "expected \"%s\" as a string",
                         strings[k]);
                bad(r, r->line, member_column(s, n, strings[k]), idv, "%s",
                    msg);
                ok = 0;
            }
        }
        if (!ok)
            continue;
        const kbi_json_member *date = member(&o, "date");
        char d[11];
        const char *dv = r->date;
        if (date) {
            if ((!date->is_string && !is_number(date)) ||
                !kbi_article_date(date->value, strlen(date->value), d)) {
                bad(r, r->line, member_column(s, n, "date"), idv,
                    "expected \"date\" as YYYY-MM-DD or YYYYMMDD, got '%s'",
                    date->value);
                continue;
            }
            dv = kbi_arena_strdup(&r->arena, d);
        }
        const char *title = m[1] ? m[1]->value : NULL;
        if ((!title || blank(title, strlen(title))) &&
            blank(text->value, text->len)) {
            bad(r, r->line, member_column(s, n, "text"), idv, "%s",
                "the article has no text");
            continue;
        }
        if (!idv || !dv || r->arena.failed) {
            bad(r, r->line, 1, NULL, "%s", "out of memory");
            continue;
        }
        fill(r, a, idv, dv, title, text->value, text->len);
        a->url = m[2] && m[2]->value[0] ? m[2]->value : NULL;
        a->source = m[3] && m[3]->value[0] ? m[3]->value : NULL;
        a->line = r->line;
        return 1;
    }
    return 0;
}

int kb_article_reader_next(kb_article_reader *r, kb_article *a)
{
    if (!r || !a)
        return 0;
    if (r->format == KB_INPUT_JSONL)
        return next_jsonl(r, a);
    if (r->format == KB_INPUT_HTML)
        return next_html(r, a);
    return next_text(r, a);
}

size_t kb_article_reader_errors(const kb_article_reader *r)
{
    return r ? r->errors : 0;
}

void kb_article_reader_free(kb_article_reader *r)
{
    if (!r)
        return;
    kbi_free(NULL, r->data, r->len + 1);
    kbi_arena_free(&r->arena);
    kbi_free(NULL, r, sizeof *r);
}
