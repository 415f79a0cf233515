/* csv.c - comma-separated values (RFC 4180): a header line, then a line
 * per event with the JSONL's scalar fields; the place flattened into
 * place_* columns and, of the mentions, their count and the first one.
 * Fields holding a comma, a double quote, CR or LF are quoted, quotes
 * doubled; lines end in CRLF. */
#include <inttypes.h>
#include <string.h>

#include "../base/util.h"
#include "out.h"

static const char *const columns[] = {
    "event_id", "doc_id", "sentence", "record_id", "date", "pub_date",
    "event_date", "date_text", "source", "target", "code", "root_code",
    "quad_class", "goldstein", "plover_event", "plover_mode",
    "plover_context", "source_text", "target_text", "verb", "pattern",
    "pattern_at", "source_entry", "target_entry", "issues", "news_source",
    "url", "start", "end", "place_name", "place_geonameid",
    "place_admin_code", "place_admin1", "place_country",
    "place_country_cameo", "place_feature", "place_lat", "place_lon",
    "place_rule", "place_text", "num_mentions", "num_sources",
    "num_articles", "mentions", "mention1_doc_id", "mention1_sentence",
    "mention1_start", "mention1_end", "mention1_news_source",
    "mention1_pub_date", "mention1_url", "text"};
enum { NCOLUMNS = sizeof columns / sizeof columns[0] };

typedef struct row {
    FILE *f;
    int n; /* fields written */
} row;

/* One field; squeeze: whitespace runs become one blank, trimmed (the
 * sentence texts, as in the JSONL). */
static void put(row *r, const char *s, int squeeze)
{
    if (r->n++)
        putc(',', r->f);
    if (!s)
        return;
    int quote = s[strcspn(s, squeeze ? ",\"" : ",\"\r\n")] != '\0';
    if (quote)
        putc('"', r->f);
    int blank = 0, any = 0;
    for (; *s; s++) {
        if (squeeze && kbi_isspace((unsigned char)*s)) {
            blank = any;
            continue;
        }
        if (blank)
            putc(' ', r->f);
        blank = 0;
        any = 1;
        if (*s == '"')
            putc('"', r->f);
        putc(*s, r->f);
    }
    if (quote)
        putc('"', r->f);
}

static void put_int(row *r, long long v)
{
    char num[32];
    snprintf(num, sizeof num, "%lld", v);
    put(r, num, 0);
}

static void put_double(row *r, double v)
{
    char num[40];
    put(r, kbi_fmt_double(v, num, sizeof num), 0);
}

static const char *nonempty(const char *s) { return s && *s ? s : NULL; }

kb_status kbi_write_csv_header(FILE *f)
{
    row r = {f, 0};
    for (size_t i = 0; i < NCOLUMNS; i++)
        put(&r, columns[i], 0);
    fputs("\r\n", f);
    return ferror(f) ? KB_ERR_IO : KB_OK;
}

kb_status kbi_write_csv(FILE *f, const kb_record *rec, const kb_event *e)
{
    kbi_view v;
    kbi_view_init(&v, rec, e);
    row r = {f, 0};
    char num[32], root[8];
    snprintf(num, sizeof num, "%" PRIu64, v.id);
    put(&r, num, 0);
    put(&r, v.doc_id, 0);
    put_int(&r, v.sentence);
    put(&r, v.record_id, 0);
    put(&r, v.date, 0);
    put(&r, v.pub_date, 0);
    put(&r, v.event_date, 0);
    put(&r, v.date_text, 0);
    put(&r, e->source, 0);
    put(&r, e->target, 0);
    put(&r, e->code, 0);
    put(&r, kb_cameo_root(e->code, root, sizeof root), 0);
    int q = kb_cameo_quad_class(e->code);
    if (q)
        put_int(&r, q);
    else
        put(&r, NULL, 0);
    int found = 0;
    double g = kb_cameo_goldstein(e->code, &found);
    if (found)
        put_double(&r, g);
    else
        put(&r, NULL, 0);
    const kb_plover *pl = kb_cameo_plover(e->code);
    put(&r, pl ? pl->event : NULL, 0);
    put(&r, pl ? pl->mode : NULL, 0);
    put(&r, pl ? pl->context : NULL, 0);
    put(&r, e->source_text, 0);
    put(&r, e->target_text, 0);
    put(&r, e->verb, 0);
    put(&r, e->pattern, 0);
    if (e->pattern_file) {
        char where[600];
        const char *base = strrchr(e->pattern_file, '/');
        snprintf(where, sizeof where, "%s:%d",
                 base ? base + 1 : e->pattern_file, e->pattern_line);
        put(&r, where, 0);
    } else {
        put(&r, NULL, 0);
    }
    put(&r, e->source_entry, 0);
    put(&r, e->target_entry, 0);
    put(&r, e->issues, 0);
    put(&r, v.news_source, 0);
    put(&r, v.url, 0);
    put_int(&r, v.start);
    put_int(&r, v.end);
    const kb_place *p = &e->place;
    if (p->name) {
        put(&r, p->name, 0);
        put_int(&r, p->geonameid);
        put(&r, p->admin_code, 0);
        put(&r, p->admin1, 0);
        put(&r, p->country, 0);
        put(&r, p->country_cameo, 0);
        put(&r, p->feature, 0);
        put_double(&r, p->lat);
        put_double(&r, p->lon);
        put(&r, p->rule, 0);
        put(&r, p->text, 0);
    } else {
        for (int i = 0; i < 11; i++)
            put(&r, NULL, 0);
    }
    put_int(&r, v.num_mentions);
    put_int(&r, v.num_sources);
    put_int(&r, v.num_articles);
    put_int(&r, (long long)e->n_mentions);
    if (!rec && e->n_mentions) {
        const kb_mention *m = &e->mentions[0];
        char date[9], iso[11] = "";
        if (kbi_compact_date(m->pub_date, date)[0])
            snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", date, date + 4,
                     date + 6);
        put(&r, m->doc_id, 0);
        put_int(&r, m->sentence);
        put_int(&r, m->start);
        put_int(&r, m->end);
        put(&r, m->news_source, 0);
        put(&r, nonempty(iso), 0);
        put(&r, m->url, 0);
    } else {
        for (int i = 0; i < 7; i++)
            put(&r, NULL, 0);
    }
    put(&r, v.text, 1);
    fputs("\r\n", f);
    return ferror(f) ? KB_ERR_IO : KB_OK;
}
