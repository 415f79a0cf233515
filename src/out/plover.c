/* plover.c - PLOVER JSON: one object per event, the PLOVER data model's
 * fields (id, date, event, mode, context, actor, recipient, location,
 * text ...) with the CAMEO code kept beside them. Events whose CAMEO code
 * has no PLOVER reading (roots 01 and 02, non-CAMEO codes) are written
 * with "event": null, never dropped. */
#include <inttypes.h>
#include <string.h>

#include "out.h"

static void key(FILE *f, const char *name) { fprintf(f, ",\"%s\":", name); }

static void str_or_null(FILE *f, const char *s)
{
    kbi_json_str(f, s && *s ? s : NULL);
}

/* actor, actor_name, actor_country, actor_role, actor_group,
 * actor_religion, actor_ethnicity (prefix "actor" or "recipient"). */
static void party(FILE *f, const char *prefix, const char *code,
                  const char *text)
{
    kbi_actor a;
    int ok = kbi_actor_split(code, &a);
    char k[40];
    key(f, prefix);
    str_or_null(f, ok ? code : NULL);
    snprintf(k, sizeof k, "%s_name", prefix);
    key(f, k);
    str_or_null(f, ok ? text : NULL);
    snprintf(k, sizeof k, "%s_country", prefix);
    key(f, k);
    str_or_null(f, a.country);
    snprintf(k, sizeof k, "%s_role", prefix);
    key(f, k);
    putc('[', f);
    for (int i = 0; i < 3 && a.type[i][0]; i++)
        fprintf(f, "%s\"%s\"", i ? "," : "", a.type[i]);
    putc(']', f);
    snprintf(k, sizeof k, "%s_group", prefix);
    key(f, k);
    str_or_null(f, a.group);
    snprintf(k, sizeof k, "%s_religion", prefix);
    key(f, k);
    putc('[', f);
    for (int i = 0; i < 2 && a.religion[i][0]; i++)
        fprintf(f, "%s\"%s\"", i ? "," : "", a.religion[i]);
    putc(']', f);
    snprintf(k, sizeof k, "%s_ethnicity", prefix);
    key(f, k);
    str_or_null(f, a.ethnic);
}

static void location(FILE *f, const kb_place *p)
{
    if (!p->name) {
        fputs("null", f);
        return;
    }
    fputs("{\"name\":", f);
    kbi_json_str(f, p->name);
    fprintf(f, ",\"geonameid\":%" PRId64 ",\"lat\":", p->geonameid);
    kbi_json_double(f, p->lat);
    fputs(",\"lon\":", f);
    kbi_json_double(f, p->lon);
    key(f, "admin1");
    kbi_json_str(f, p->admin1);
    key(f, "country");
    kbi_json_str(f, p->country);
    key(f, "feature");
    kbi_json_str(f, p->feature);
    putc('}', f);
}

kb_status kbi_write_plover(FILE *f, const kb_record *rec, const kb_event *e)
{
    kbi_view v;
    kbi_view_init(&v, rec, e);
    const kb_plover *pl = kb_cameo_plover(e->code);
    fprintf(f, "{\"id\":\"%" PRIu64 "\"", v.id);
    key(f, "date");
    str_or_null(f, v.date);
    key(f, "event");
    str_or_null(f, pl ? pl->event : NULL);
    key(f, "mode");
    str_or_null(f, pl ? pl->mode : NULL);
    key(f, "context");
    putc('[', f);
    if (pl && pl->context && *pl->context)
        kbi_json_str(f, pl->context);
    putc(']', f);
    int q = kb_cameo_quad_class(e->code);
    key(f, "quad_code");
    if (q)
        fprintf(f, "%d", q);
    else
        fputs("null", f);
    int found = 0;
    double g = kb_cameo_goldstein(e->code, &found);
    key(f, "event_scale");
    if (found)
        kbi_json_double(f, g);
    else
        fputs("null", f);
    key(f, "cameo_code");
    kbi_json_str(f, e->code);
    party(f, "actor", e->source, e->source_text);
    party(f, "recipient", e->target, e->target_text);
    key(f, "location");
    location(f, &e->place);
    key(f, "doc_id");
    kbi_json_str(f, v.doc_id);
    fprintf(f, ",\"sentence\":%d", v.sentence);
    key(f, "pub_date");
    str_or_null(f, v.pub_date);
    key(f, "date_text");
    kbi_json_str(f, v.date_text);
    key(f, "news_source");
    kbi_json_str(f, v.news_source);
    key(f, "url");
    kbi_json_str(f, v.url);
    key(f, "text");
    kbi_json_squeezed(f, v.text);
    fprintf(f, ",\"num_mentions\":%d,\"num_sources\":%d,\"num_articles\":%d",
            v.num_mentions, v.num_sources, v.num_articles);
    fputs(",\"coder\":\"khabar\",\"coder_version\":\"" KB_VERSION "\"}\n", f);
    return ferror(f) ? KB_ERR_IO : KB_OK;
}
