/* phoenix.c - Phoenix tab-separated lines.
 *
 * Sentence records: PETRARCH's 10 columns
 *   DATE SOURCE TARGET CODE ISSUES IDS NEWSSOURCE SRC_TEXT TGT_TEXT
 *   EVENT_TEXT
 * Article events: the Phoenix data set's 26 columns
 *   id story_date year month day source source_root source_agent
 *   source_others target target_root target_agent target_others code
 *   root_code quad_class goldstein issues lat lon placeName stateName
 *   countryName ids urls sources
 * Tabs and newlines inside fields become blanks. docs/formats.md has the
 * details. */
#include <inttypes.h>
#include <string.h>

#include "out.h"

static void put(FILE *f, const char *s, int last)
{
    if (!s || !*s)
        s = "---";
    for (; *s; s++)
        putc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
    putc(last ? '\n' : '\t', f);
}

kb_status kbi_write_phoenix(FILE *f, const kb_record *rec, const kb_event *e)
{
    fprintf(f, "%s\t", rec->date ? rec->date : "");
    put(f, e->source, 0);
    put(f, e->target, 0);
    put(f, e->code, 0);
    fprintf(f, "%s\t", e->issues ? e->issues : "");
    put(f, rec->id, 0);
    fprintf(f, "%s\t", rec->source ? rec->source : "NULL");
    put(f, e->source_text, 0);
    put(f, e->target_text, 0);
    char ev[1024];
    snprintf(ev, sizeof ev, "%s%s%s", e->verb ? e->verb : "",
             e->pattern ? " " : "", e->pattern ? e->pattern : "");
    put(f, ev, 1);
    return ferror(f) ? KB_ERR_IO : KB_OK;
}

/* source/target, root, agent, others: the root is the actor's country,
 * else a transnational type (IGO, NGO, IMG ...) when the code starts with
 * one; the agent the first role/type block after it; others the remaining
 * blocks, ';'-separated ("---" blocks are no blocks). */
static void actor(FILE *f, const char *code)
{
    static const char *const transnational[] = {"IGO", "IMG", "INT",
                                                "MNC", "NGM", "NGO"};
    kbi_tsv_field(f, code, '\t');
    kbi_actor a;
    if (!kbi_actor_split(code, &a)) {
        fputs("\t\t\t", f);
        return;
    }
    char blocks[8][4];
    int n = 0;
    size_t len = strlen(code);
    for (size_t i = 0; i + 3 <= len && n < 8; i += 3) {
        memcpy(blocks[n], code + i, 3);
        blocks[n][3] = '\0';
        if (strcmp(blocks[n], "---") == 0)
            continue;
        int ok = 1;
        for (int k = 0; k < 3; k++) {
            char c = blocks[n][k];
            if (c >= 'a' && c <= 'z')
                blocks[n][k] = (char)(c - 'a' + 'A');
            else if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
                ok = 0;
        }
        if (!ok)
            break; /* as kbi_actor_split: the code ends here */
        n++;
    }
    int root = -1, agent = -1;
    for (int i = 0; i < n && root < 0 && a.country[0]; i++)
        if (strcmp(blocks[i], a.country) == 0)
            root = i;
    for (size_t t = 0; root < 0 && n > 0 && t < 6; t++)
        if (strcmp(blocks[0], transnational[t]) == 0)
            root = 0;
    for (int k = 0; k < 3 && agent < 0 && a.type[k][0]; k++)
        for (int i = 0; i < n && agent < 0; i++)
            if (i != root && strcmp(blocks[i], a.type[k]) == 0)
                agent = i;
    fprintf(f, "%s\t%s\t", root >= 0 ? blocks[root] : "",
            agent >= 0 ? blocks[agent] : "");
    int written = 0;
    for (int i = 0; i < n; i++)
        if (i != root && i != agent)
            fprintf(f, "%s%s", written++ ? ";" : "", blocks[i]);
    putc('\t', f);
}

/* Distinct values of a mention field, ';'-separated (the event's own when
 * it lists no mentions). which: 0 ids, 1 urls, 2 sources. */
static void joined(FILE *f, const kbi_view *v, int which)
{
    const kb_event *e = v->e;
    size_t n = e->n_mentions ? e->n_mentions : 1;
    int written = 0;
    for (size_t i = 0; i < n; i++) {
        char id[320];
        const char *s;
        if (e->n_mentions) {
            const kb_mention *m = &e->mentions[i];
            snprintf(id, sizeof id, "%s_%d", m->doc_id ? m->doc_id : "",
                     m->sentence);
            s = which == 0 ? id : which == 1 ? m->url : m->news_source;
        } else {
            s = which == 0 ? v->record_id : which == 1 ? v->url : v->news_source;
        }
        if (!s || !*s)
            continue;
        int dup = 0;
        for (size_t j = 0; j < i && !dup && which; j++) {
            const kb_mention *m = &e->mentions[j];
            const char *t = which == 1 ? m->url : m->news_source;
            dup = t && strcmp(s, t) == 0;
        }
        if (dup)
            continue;
        if (written++)
            putc(';', f);
        kbi_tsv_text(f, s);
    }
}

kb_status kbi_write_phoenix26(FILE *f, const kb_record *rec, const kb_event *e)
{
    kbi_view v;
    kbi_view_init(&v, rec, e);
    int y, m, d;
    fprintf(f, "%" PRIu64 "\t", v.id);
    if (kbi_date_parts(v.date, &y, &m, &d))
        fprintf(f, "%04d%02d%02d\t%04d\t%02d\t%02d\t", y, m, d, y, m, d);
    else
        fputs("\t\t\t\t", f);
    actor(f, e->source);
    actor(f, e->target);
    char root[8], num[40];
    kbi_tsv_field(f, e->code, '\t');
    kbi_tsv_field(f, kb_cameo_root(e->code, root, sizeof root), '\t');
    int q = kbi_quad_phoenix(e->code);
    if (q || kb_cameo_root(e->code, root, sizeof root))
        fprintf(f, "%d", q);
    putc('\t', f);
    int found = 0;
    double g = kb_cameo_goldstein(e->code, &found);
    if (found)
        fprintf(f, "%s", kbi_fmt_double(g, num, sizeof num));
    putc('\t', f);
    kbi_tsv_field(f, e->issues, '\t');
    const kb_place *p = &e->place;
    if (p->name) {
        fprintf(f, "%s\t", kbi_fmt_double(p->lat, num, sizeof num));
        fprintf(f, "%s\t", kbi_fmt_double(p->lon, num, sizeof num));
    } else {
        fputs("\t\t", f);
    }
    kbi_tsv_field(f, p->name, '\t');
    kbi_tsv_field(f, p->name ? p->admin1 : NULL, '\t');
    kbi_tsv_field(f, p->name ? p->country : NULL, '\t');
    joined(f, &v, 0);
    putc('\t', f);
    joined(f, &v, 1);
    putc('\t', f);
    joined(f, &v, 2);
    putc('\n', f);
    return ferror(f) ? KB_ERR_IO : KB_OK;
}
