/* gdelt.c - the GDELT 2.0 event table (61 tab-separated columns) and
 * mentions table (16 columns, a line per mention), as the GDELT Event
 * Codebook 2.0 defines them. What Khabar cannot know (tone, actor
 * locations) is written as GDELT writes an absent value; docs/formats.md
 * lists every column. */
#include <inttypes.h>
#include <string.h>

#include "out.h"

/* Actor1Code ... Actor1Type3Code: 10 columns. */
static void actor(FILE *f, const char *code, const char *name)
{
    kbi_actor a;
    if (!kbi_actor_split(code, &a)) {
        fputs("\t\t\t\t\t\t\t\t\t\t", f);
        return;
    }
    /* the code without "---" blocks: "---GOV" is GDELT's "GOV" */
    for (size_t i = 0, n = strlen(code); i < n; i += 3)
        if (strncmp(code + i, "---", 3) != 0)
            fprintf(f, "%.*s", (int)(n - i < 3 ? n - i : 3), code + i);
    putc('\t', f);
    kbi_tsv_field(f, name, '\t');
    fprintf(f, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t", a.country, a.group,
            a.ethnic, a.religion[0], a.religion[1], a.type[0], a.type[1],
            a.type[2]);
}

/* Geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world
 * state (first-level division). */
static int geo_type(const kb_place *p)
{
    const char *ft = p->feature ? p->feature : "";
    int us = p->country && strcmp(p->country, "US") == 0;
    if (strcmp(ft, "country") == 0)
        return 1;
    if (strcmp(ft, "admin1") == 0 || strcmp(ft, "region") == 0)
        return us ? 2 : 5;
    return us ? 3 : 4;
}

/* "IQ.11.1234" -> parts "IQ" "11" "1234". */
static void admin_parts(const char *code, char part[3][32])
{
    memset(part, 0, 3 * sizeof part[0]);
    for (int i = 0; code && *code && i < 3; i++) {
        size_t n = strcspn(code, ".");
        snprintf(part[i], sizeof part[i], "%.*s", (int)(n < 31 ? n : 31), code);
        code += n;
        if (*code == '.')
            code++;
    }
}

/* Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID. */
static void geo(FILE *f, const kb_place *p)
{
    if (!p || !p->name) {
        fputs("0\t\t\t\t\t\t\t\t", f);
        return;
    }
    int type = geo_type(p);
    const kbi_country *c = kbi_country_by_iso2(p->country);
    if (!c && p->country_cameo)
        c = kbi_country_by_cameo(p->country_cameo);
    const char *iso2 = p->country ? p->country : c ? c->iso2 : "";
    fprintf(f, "%d\t", type);
    /* FullName: "Erbil, Arbil, Iraq" */
    kbi_tsv_text(f, p->name);
    if (type != 1 && p->admin1 && strcmp(p->admin1, p->name) != 0) {
        fputs(", ", f);
        kbi_tsv_text(f, p->admin1);
    }
    if (type != 1 && c && strcmp(c->name, p->name) != 0) {
        fputs(", ", f);
        kbi_tsv_text(f, c->name);
    }
    putc('\t', f);
    kbi_tsv_field(f, iso2, '\t');
    char part[3][32];
    admin_parts(p->admin_code, part);
    const char *cc = part[0][0] ? part[0] : iso2;
    if (type != 1 && part[1][0]) {
        kbi_tsv_text(f, cc);
        kbi_tsv_text(f, part[1]);
    }
    putc('\t', f);
    if (type != 1 && part[1][0] && part[2][0]) {
        kbi_tsv_text(f, cc);
        kbi_tsv_text(f, part[1]);
        kbi_tsv_text(f, part[2]);
    }
    putc('\t', f);
    char num[40];
    fprintf(f, "%s\t", kbi_fmt_double(p->lat, num, sizeof num));
    fprintf(f, "%s\t", kbi_fmt_double(p->lon, num, sizeof num));
    /* FeatureID: the GeoNames id; divisions their ADM1 code; countries
     * their country code */
    if (p->geonameid > 0)
        fprintf(f, "%" PRId64, p->geonameid);
    else if (type == 1)
        kbi_tsv_text(f, iso2);
    else if (part[1][0]) {
        kbi_tsv_text(f, cc);
        kbi_tsv_text(f, part[1]);
    }
    putc('\t', f);
}

/* EventBaseCode: the first three digits of a four-digit code. */
static void base_code(FILE *f, const char *code)
{
    char root[4];
    if (!kb_cameo_root(code, root, sizeof root))
        return;
    size_t n = strlen(code);
    fprintf(f, "%.*s", (int)(n > 3 ? 3 : n), code);
}

/* The publication date as YYYYMMDD000000, "" when unknown. */
static void timestamp(FILE *f, const char *date)
{
    char d[9];
    if (kbi_compact_date(date, d)[0])
        fprintf(f, "%s000000", d);
}

kb_status kbi_write_gdelt(FILE *f, const kb_record *rec, const kb_event *e)
{
    kbi_view v;
    kbi_view_init(&v, rec, e);
    int y, m, d;
    char num[40], root[4];
    fprintf(f, "%" PRIu64 "\t", v.id);
    if (kbi_date_parts(v.date, &y, &m, &d)) {
        double frac = (double)(m * 30 + d) / 365.0;
        fprintf(f, "%04d%02d%02d\t%04d%02d\t%04d\t", y, m, d, y, m, y);
        char fd[32];
        /* YYYY.FFFF, FFFF = (month * 30 + day) / 365 as the codebook has
         * it; printed by hand so no locale turns '.' into ',' */
        long ffff = (long)(frac * 10000.0 + 0.5);
        snprintf(fd, sizeof fd, "%ld.%04ld", (long)y + ffff / 10000,
                 ffff % 10000);
        fprintf(f, "%s\t", fd);
    } else {
        fputs("\t\t\t\t", f);
    }
    actor(f, e->source, e->source_text);
    actor(f, e->target, e->target_text);
    fprintf(f, "%d\t", v.sentence >= 1 && v.sentence <= 3);
    kbi_tsv_field(f, e->code, '\t');
    base_code(f, e->code);
    putc('\t', f);
    kbi_tsv_field(f, kb_cameo_root(e->code, root, sizeof root), '\t');
    int q = kbi_quad_gdelt(e->code);
    if (q)
        fprintf(f, "%d", q);
    putc('\t', f);
    int found = 0;
    double g = kb_cameo_goldstein(e->code, &found);
    if (found)
        fputs(kbi_fmt_double(g, num, sizeof num), f);
    putc('\t', f);
    fprintf(f, "%d\t%d\t%d\t0\t", v.num_mentions, v.num_sources,
            v.num_articles);
    geo(f, NULL); /* Actor1Geo: not known */
    geo(f, NULL); /* Actor2Geo */
    geo(f, &e->place);
    timestamp(f, v.pub_date);
    putc('\t', f);
    kbi_tsv_field(f, v.url ? v.url : v.doc_id, '\n');
    return ferror(f) ? KB_ERR_IO : KB_OK;
}

/* One mention line. */
static void mention(FILE *f, const kbi_view *v, const char *doc_id,
                    int sentence, uint32_t start, const char *source,
                    const char *pub_date, const char *url, const char *text)
{
    const kb_event *e = v->e;
    fprintf(f, "%" PRIu64 "\t", v->id);
    timestamp(f, v->pub_date);
    putc('\t', f);
    timestamp(f, pub_date);
    fprintf(f, "\t%d\t", url && *url ? 1 : 2);
    kbi_tsv_field(f, source, '\t');
    kbi_tsv_field(f, url && *url ? url : doc_id, '\t');
    fprintf(f, "%d\t", sentence);
    const char *words[3] = {e->source_text, e->target_text, e->verb};
    for (int i = 0; i < 3; i++) {
        long at = kbi_find_words(text, words[i]);
        fprintf(f, "%ld\t", at < 0 ? -1L : at + (long)start);
    }
    /* InRawText, Confidence, MentionDocLen, MentionDocTone,
     * MentionDocTranslationInfo, Extras */
    fprintf(f, "1\t100\t%lu\t0\t\t\n",
            v->rec && text ? (unsigned long)strlen(text) : 0UL);
}

kb_status kbi_write_gdelt_mentions(FILE *f, const kb_record *rec,
                                   const kb_event *e)
{
    kbi_view v;
    kbi_view_init(&v, rec, e);
    if (rec || e->n_mentions == 0)
        mention(f, &v, v.doc_id, v.sentence, v.start, v.news_source,
                v.pub_date, v.url, v.text);
    else
        for (size_t i = 0; i < e->n_mentions; i++) {
            const kb_mention *m = &e->mentions[i];
            mention(f, &v, m->doc_id ? m->doc_id : "", m->sentence, m->start,
                    m->news_source, m->pub_date, m->url, m->sentence_text);
        }
    return ferror(f) ? KB_ERR_IO : KB_OK;
}
