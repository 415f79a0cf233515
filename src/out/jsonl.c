/* jsonl.c - events as JSON Lines: one object per event with the codes,
 * their CAMEO/PLOVER readings and the evidence that produced them.
 *
 * Sentence records (rec != NULL) give the keys doc_id ... text, unchanged
 * since the first release. Article events (rec == NULL) give the same keys,
 * "date" being the event date, then event_id, pub_date, event_date,
 * date_text, url, start, end, place, num_mentions, num_sources,
 * num_articles and mentions. */
#include <inttypes.h>
#include <string.h>

#include "out.h"

static void field(FILE *f, const char *name, const char *value, int *first)
{
    fprintf(f, "%s\"%s\":", *first ? "" : ",", name);
    kbi_json_str(f, value);
    *first = 0;
}

static const char *nonempty(const char *s) { return s && *s ? s : NULL; }

static void place(FILE *f, const kb_place *p)
{
    if (!p->name) {
        fputs("null", f);
        return;
    }
    int first = 1;
    putc('{', f);
    field(f, "name", p->name, &first);
    fprintf(f, ",\"geonameid\":%" PRId64, p->geonameid);
    field(f, "admin_code", p->admin_code, &first);
    field(f, "admin1", p->admin1, &first);
    field(f, "country", p->country, &first);
    field(f, "country_cameo", p->country_cameo, &first);
    field(f, "feature", p->feature, &first);
    fputs(",\"lat\":", f);
    kbi_json_double(f, p->lat);
    fputs(",\"lon\":", f);
    kbi_json_double(f, p->lon);
    field(f, "rule", p->rule, &first);
    field(f, "text", p->text, &first);
    putc('}', f);
}

static void mentions(FILE *f, const kb_event *e)
{
    putc('[', f);
    for (size_t i = 0; i < e->n_mentions; i++) {
        const kb_mention *m = &e->mentions[i];
        char date[9], iso[11] = "";
        if (kbi_compact_date(m->pub_date, date)[0])
            snprintf(iso, sizeof iso, "%.4s-%.2s-%.2s", date, date + 4,
                     date + 6);
        int first = 1;
        fputs(i ? ",{" : "{", f);
        field(f, "doc_id", m->doc_id, &first);
        fprintf(f, ",\"sentence\":%d,\"start\":%" PRIu32 ",\"end\":%" PRIu32,
                m->sentence, m->start, m->end);
        field(f, "news_source", m->news_source, &first);
        field(f, "pub_date", nonempty(iso), &first);
        field(f, "url", m->url, &first);
        fputs(",\"text\":", f);
        kbi_json_squeezed(f, m->sentence_text);
        putc('}', f);
    }
    putc(']', f);
}

kb_status kbi_write_jsonl(FILE *f, const kb_record *rec, const kb_event *e)
{
    kbi_view v;
    kbi_view_init(&v, rec, e);
    char root[8];
    int first = 1;
    putc('{', f);
    field(f, "doc_id", v.doc_id, &first);
    fprintf(f, ",\"sentence\":%d", v.sentence);
    if (rec) {
        char date[16];
        kbi_iso_date(rec->date, date, sizeof date);
        field(f, "record_id", rec->id, &first);
        field(f, "date", date, &first);
    } else {
        field(f, "record_id", v.record_id, &first);
        field(f, "date", nonempty(v.date), &first);
    }
    field(f, "source", e->source, &first);
    field(f, "target", e->target, &first);
    field(f, "code", e->code, &first);
    field(f, "root_code", kb_cameo_root(e->code, root, sizeof root), &first);
    int found = 0;
    double g = kb_cameo_goldstein(e->code, &found);
    int q = kb_cameo_quad_class(e->code);
    if (q)
        fprintf(f, ",\"quad_class\":%d", q);
    else
        fputs(",\"quad_class\":null", f);
    if (found)
        fprintf(f, ",\"goldstein\":%.1f", g);
    else
        fputs(",\"goldstein\":null", f);
    const kb_plover *pl = kb_cameo_plover(e->code);
    fputs(",\"plover\":", f);
    if (pl) {
        int pf = 1;
        putc('{', f);
        field(f, "event", pl->event, &pf);
        field(f, "mode", pl->mode, &pf);
        field(f, "context", pl->context, &pf);
        putc('}', f);
    } else {
        fputs("null", f);
    }
    field(f, "source_text", e->source_text, &first);
    field(f, "target_text", e->target_text, &first);
    field(f, "verb", e->verb, &first);
    field(f, "pattern", e->pattern, &first);
    if (e->pattern_file) {
        char where[600];
        const char *base = strrchr(e->pattern_file, '/');
        snprintf(where, sizeof where, "%s:%d", base ? base + 1 : e->pattern_file,
                 e->pattern_line);
        field(f, "pattern_at", where, &first);
    } else {
        field(f, "pattern_at", NULL, &first);
    }
    field(f, "source_entry", e->source_entry, &first);
    field(f, "target_entry", e->target_entry, &first);
    field(f, "issues", e->issues, &first);
    field(f, "news_source", v.news_source, &first);
    fputs(",\"text\":", f);
    kbi_json_squeezed(f, v.text);
    if (!rec) {
        fprintf(f, ",\"event_id\":\"%" PRIu64 "\"", v.id);
        field(f, "pub_date", nonempty(v.pub_date), &first);
        field(f, "event_date", nonempty(v.event_date), &first);
        field(f, "date_text", v.date_text, &first);
        field(f, "url", v.url, &first);
        fprintf(f, ",\"start\":%" PRIu32 ",\"end\":%" PRIu32, v.start, v.end);
        fputs(",\"place\":", f);
        place(f, &e->place);
        fprintf(f, ",\"num_mentions\":%d,\"num_sources\":%d,\"num_articles\":%d",
                v.num_mentions, v.num_sources, v.num_articles);
        fputs(",\"mentions\":", f);
        mentions(f, e);
    }
    fputs("}\n", f);
    return ferror(f) ? KB_ERR_IO : KB_OK;
}
