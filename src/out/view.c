/* view.c - what every writer needs: an event's document fields whether it
 * came from a record or an article, its id, dates, numbers and escaped
 * strings. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../base/util.h"
#include "out.h"

int kbi_date_parts(const char *s, int *y, int *m, int *d)
{
    char digits[9];
    size_t n = 0;
    if (!s)
        return 0;
    size_t len = strlen(s);
    if (len == 8) {
        memcpy(digits, s, 8);
        n = 8;
    } else if (len == 10 && s[4] == '-' && s[7] == '-') {
        memcpy(digits, s, 4);
        memcpy(digits + 4, s + 5, 2);
        memcpy(digits + 6, s + 8, 2);
        n = 8;
    }
    if (n != 8)
        return 0;
    for (int i = 0; i < 8; i++)
        if (!kbi_isdigit((unsigned char)digits[i]))
            return 0;
    int yy = (digits[0] - '0') * 1000 + (digits[1] - '0') * 100 +
             (digits[2] - '0') * 10 + (digits[3] - '0');
    int mm = (digits[4] - '0') * 10 + (digits[5] - '0');
    int dd = (digits[6] - '0') * 10 + (digits[7] - '0');
    int32_t days;
    if (!kbi_days_from_civil(yy, mm, dd, &days))
        return 0;
    *y = yy;
    *m = mm;
    *d = dd;
    return 1;
}

const char *kbi_compact_date(const char *s, char buf[9])
{
    int y, m, d;
    buf[0] = '\0';
    if (kbi_date_parts(s, &y, &m, &d))
        snprintf(buf, 9, "%04u%02u%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
                 (unsigned)d % 100u);
    return buf;
}

/* YYYY-MM-DD into buf[11], "" when s is not a date. */
static void iso(const char *s, char buf[11])
{
    int y, m, d;
    buf[0] = '\0';
    if (kbi_date_parts(s, &y, &m, &d))
        snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)y % 10000u,
                 (unsigned)m % 100u, (unsigned)d % 100u);
}

static void fnv(uint64_t *h, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        *h ^= *p;
        *h *= 0x100000001b3ULL;
    }
    *h ^= 0x1f;
    *h *= 0x100000001b3ULL;
}

uint64_t kbi_event_id(const char *doc_id, int sentence, const kb_event *e)
{
    char num[16];
    snprintf(num, sizeof num, "%d", sentence);
    uint64_t h = 0xcbf29ce484222325ULL;
    fnv(&h, doc_id);
    fnv(&h, num);
    fnv(&h, e->code);
    fnv(&h, e->source);
    fnv(&h, e->target);
    h &= 0x7fffffffffffffffULL;
    return h ? h : 1;
}

void kbi_view_init(kbi_view *v, const kb_record *rec, const kb_event *e)
{
    memset(v, 0, sizeof *v);
    v->rec = rec;
    v->e = e;
    if (rec) {
        v->sentence = kbi_split_id(rec->id, v->doc_buf, sizeof v->doc_buf);
        v->doc_id = v->doc_buf;
        snprintf(v->record_id, sizeof v->record_id, "%s", rec->id ? rec->id : "");
        iso(rec->date, v->date);
        memcpy(v->pub_date, v->date, sizeof v->date);
        v->news_source = rec->source;
        v->text = rec->text;
        v->end = rec->text ? (uint32_t)strlen(rec->text) : 0;
        v->num_mentions = v->num_sources = v->num_articles = 1;
    } else {
        v->doc_id = e->doc_id ? e->doc_id : "";
        v->sentence = e->sentence;
        if (v->sentence > 0)
            snprintf(v->record_id, sizeof v->record_id, "%s_%d", v->doc_id,
                     v->sentence);
        else
            snprintf(v->record_id, sizeof v->record_id, "%s", v->doc_id);
        iso(e->pub_date, v->pub_date);
        iso(e->event_date, v->event_date);
        memcpy(v->date, v->event_date[0] ? v->event_date : v->pub_date,
               sizeof v->date);
        v->date_text = e->date_text;
        v->news_source = e->news_source;
        v->url = e->url;
        v->text = e->sentence_text;
        v->start = e->start;
        v->end = e->end;
        int listed = e->n_mentions > 0x7fffffff ? 0x7fffffff : (int)e->n_mentions;
        v->num_mentions = e->num_mentions > 0 ? e->num_mentions
                          : listed > 0        ? listed
                                              : 1;
        v->num_sources = e->num_sources > 0 ? e->num_sources : 1;
        v->num_articles = e->num_articles > 0 ? e->num_articles : 1;
    }
    v->id = kbi_event_id(v->doc_id, v->sentence, e);
}

const char *kbi_fmt_double(double v, char *buf, size_t size)
{
    if (!size)
        return buf;
    buf[0] = '\0';
    if (!isfinite(v))
        return buf;
    /* plain decimals for the values the formats hold (coordinates,
     * weights); the fewest digits that read back to v */
    int plain = fabs(v) < 1e15 && (v == 0 || fabs(v) >= 1e-3);
    for (int prec = plain ? 0 : 1; prec <= 17; prec++) {
        if (plain)
            snprintf(buf, size, "%.*f", prec, v);
        else
            snprintf(buf, size, "%.*g", prec, v);
        /* a locale may have written ',' for the decimal point */
        for (char *p = buf; *p; p++)
            if (*p == ',')
                *p = '.';
        char *end = NULL;
        double back = strtod(buf, &end);
        /* outside the C locale strtod stops at '.': then the loop ends at
         * 17 digits, still exact */
        if (end && *end == '\0' && back == v)
            break;
    }
    if (strcmp(buf, "-0") == 0)
        memmove(buf, buf + 1, 2);
    return buf;
}

void kbi_json_str(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    putc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20)
                fprintf(f, "\\u%04x", *p);
            else
                putc(*p, f);
        }
    }
    putc('"', f);
}

void kbi_json_squeezed(FILE *f, const char *s)
{
    if (!s) {
        fputs("null", f);
        return;
    }
    putc('"', f);
    int blank = 0, any = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (kbi_isspace(*p)) {
            blank = any;
            continue;
        }
        if (blank)
            putc(' ', f);
        blank = 0;
        any = 1;
        if (*p == '"' || *p == '\\') {
            putc('\\', f);
            putc(*p, f);
        } else if (*p < 0x20) {
            fprintf(f, "\\u%04x", *p);
        } else {
            putc(*p, f);
        }
    }
    putc('"', f);
}

void kbi_json_double(FILE *f, double v)
{
    char buf[40];
    kbi_fmt_double(v, buf, sizeof buf);
    fputs(buf[0] ? buf : "null", f);
}

void kbi_tsv_text(FILE *f, const char *s)
{
    int blank = 0, any = 0;
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (kbi_isspace(*p) || *p < 0x20) {
            blank = any;
            continue;
        }
        if (blank)
            putc(' ', f);
        blank = 0;
        any = 1;
        putc(*p, f);
    }
}

void kbi_tsv_field(FILE *f, const char *s, int sep)
{
    kbi_tsv_text(f, s);
    putc(sep, f);
}

static int word_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           kbi_isdigit(c) || c >= 0x80;
}

/* Length of the match of words at text+i, or 0. */
static size_t match_at(const char *text, size_t i, const char *w)
{
    size_t j = i;
    while (*w) {
        if (kbi_isspace((unsigned char)*w)) {
            while (kbi_isspace((unsigned char)*w))
                w++;
            if (!kbi_isspace((unsigned char)text[j]))
                return 0;
            while (kbi_isspace((unsigned char)text[j]))
                j++;
            continue;
        }
        if (kbi_toupper((unsigned char)text[j]) != kbi_toupper((unsigned char)*w))
            return 0;
        j++;
        w++;
    }
    return j - i;
}

long kbi_find_words(const char *text, const char *words)
{
    if (!text || !words)
        return -1;
    while (kbi_isspace((unsigned char)*words))
        words++;
    size_t wl = strlen(words);
    while (wl > 0 && kbi_isspace((unsigned char)words[wl - 1]))
        wl--;
    if (wl == 0 || strspn(words, "-") == wl)
        return -1;
    char w[512];
    if (wl >= sizeof w)
        wl = sizeof w - 1;
    memcpy(w, words, wl);
    w[wl] = '\0';
    for (size_t i = 0; text[i]; i++) {
        if (i > 0 && word_char((unsigned char)text[i - 1]) &&
            word_char((unsigned char)w[0]))
            continue;
        size_t n = match_at(text, i, w);
        if (n && !(word_char((unsigned char)text[i + n]) &&
                   word_char((unsigned char)w[wl - 1])))
            return (long)i;
    }
    return -1;
}

static int root_of(const char *code)
{
    char buf[4];
    if (!kb_cameo_root(code, buf, sizeof buf))
        return 0;
    return (buf[0] - '0') * 10 + (buf[1] - '0');
}

int kbi_quad_gdelt(const char *code)
{
    int r = root_of(code);
    if (!r)
        return 0;
    return r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
}

int kbi_quad_phoenix(const char *code)
{
    int r = root_of(code);
    if (r == 16)
        return 3;
    return r <= 2 ? 0 : kbi_quad_gdelt(code);
}
