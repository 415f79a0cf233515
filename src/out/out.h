/* out.h - the output writers (private).
 *
 * Every writer takes the record an event was coded from (kb_code_record)
 * or NULL (article events, which carry their own doc id, dates, text and
 * mentions). kbi_view hides the difference: it is what the writers read
 * for "which document, which sentence, which date". docs/formats.md
 * describes every column. */
#ifndef KB_OUT_H
#define KB_OUT_H

#include <stdint.h>
#include <stdio.h>

#include "khabar.h"

kb_status kbi_write_jsonl(FILE *f, const kb_record *rec, const kb_event *e);
/* The PETRARCH 10-column line of a sentence record (rec != NULL). */
kb_status kbi_write_phoenix(FILE *f, const kb_record *rec, const kb_event *e);
/* The Phoenix data set's 26 columns (article events; rec may be given). */
kb_status kbi_write_phoenix26(FILE *f, const kb_record *rec,
                              const kb_event *e);
kb_status kbi_write_gdelt(FILE *f, const kb_record *rec, const kb_event *e);
kb_status kbi_write_gdelt_mentions(FILE *f, const kb_record *rec,
                                   const kb_event *e);
kb_status kbi_write_plover(FILE *f, const kb_record *rec, const kb_event *e);
kb_status kbi_write_csv(FILE *f, const kb_record *rec, const kb_event *e);
kb_status kbi_write_csv_header(FILE *f);

/* "STORY_12" -> doc "STORY", returns 12; ids without a numeric "_N" suffix
 * are the doc id themselves (sentence 0). */
int kbi_split_id(const char *id, char *doc, size_t size);
/* "20080806" -> "2008-08-06" (as written when not 8 digits). */
void kbi_iso_date(const char *d, char *buf, size_t size);
/* Collapses whitespace runs to one blank and trims; returns buf. */
const char *kbi_squeeze(const char *s, char *buf, size_t size);

/* ---- what the writers share (view.c) ----------------------------------- */

/* An event's document fields, from the record or from the event. */
typedef struct kbi_view {
    const kb_record *rec;
    const kb_event *e;
    const char *doc_id;      /* never NULL */
    int sentence;            /* 1-based; 0 unknown */
    char record_id[320];     /* rec->id, or "DOC_SENTENCE" */
    char date[11];           /* YYYY-MM-DD: the event date (article events:
                                event_date, else pub_date; records: their
                                date); "" when there is none */
    char pub_date[11];       /* YYYY-MM-DD or "" */
    char event_date[11];     /* YYYY-MM-DD or "" (records: "") */
    const char *date_text;   /* may be NULL */
    const char *news_source; /* may be NULL */
    const char *url;         /* may be NULL */
    const char *text;        /* the sentence as written, may be NULL */
    uint32_t start, end;     /* bytes of the sentence in the article */
    int num_mentions, num_sources, num_articles; /* each at least 1 */
    uint64_t id;             /* kbi_event_id */
    char doc_buf[256];
} kbi_view;

void kbi_view_init(kbi_view *v, const kb_record *rec, const kb_event *e);

/* The event's stable 63-bit id: FNV-1a 64 over doc id, sentence, code,
 * source and target (0x1f between them), top bit cleared, never 0. */
uint64_t kbi_event_id(const char *doc_id, int sentence, const kb_event *e);

/* "YYYY-MM-DD" or "YYYYMMDD" with a valid month and day -> y, m, d;
 * returns 1, else 0. */
int kbi_date_parts(const char *s, int *y, int *m, int *d);
/* The date as YYYYMMDD into buf[9] ("" when invalid); returns buf. */
const char *kbi_compact_date(const char *s, char buf[9]);

/* A double in the shortest form that reads back to the same value, with
 * '.' as decimal point whatever the locale; "" for NaN/infinity. */
const char *kbi_fmt_double(double v, char *buf, size_t size);

/* Strings for the formats. */
void kbi_json_str(FILE *f, const char *s);          /* "..." or null */
void kbi_json_squeezed(FILE *f, const char *s);     /* squeezed, or null */
void kbi_json_double(FILE *f, double v);            /* number or null */
/* A tab-separated field: NULL -> "", tabs/newlines -> blanks, whitespace
 * runs squeezed; then the separator ('\t' or '\n'). */
void kbi_tsv_field(FILE *f, const char *s, int sep);
/* Tab/newline-free text for a TSV field, squeezed (no separator). */
void kbi_tsv_text(FILE *f, const char *s);

/* Byte offset of words (upper-cased dictionary text, blanks between
 * words) in text, matched without regard to ASCII case or the amount of
 * whitespace, at word boundaries; -1 when absent. */
long kbi_find_words(const char *text, const char *words);

/* QuadClass by the GDELT and the Phoenix data set conventions (0 when the
 * code is not CAMEO; Phoenix gives 0 to roots 01-02 too). */
int kbi_quad_gdelt(const char *code);
int kbi_quad_phoenix(const char *code);

/* ---- actor codes (actor.c) --------------------------------------------- */

/* A CAMEO actor code split into its 3-letter blocks, GDELT style. Empty
 * strings for parts that are absent. */
typedef struct kbi_actor {
    char country[4];     /* country or region (CAMEO/ISO 3166 alpha-3) */
    char group[4];       /* known group: the first block of no other kind */
    char ethnic[4];
    char religion[2][4];
    char type[3][4];     /* role/type codes in order (GOV, MIL, IGO ...) */
    char extra[16];      /* blocks that found no slot, concatenated */
} kbi_actor;

/* Splits code ("IRQGOV", "IGOUNO", "IMGMUSISI"); "---", NULL and codes
 * shorter than 3 give an empty split. Returns 1 when code names an actor. */
int kbi_actor_split(const char *code, kbi_actor *a);

/* ---- countries (countries.c, countries_data.c) ------------------------- */

typedef struct kbi_country {
    const char *cameo;   /* CAMEO / ISO 3166-1 alpha-3 ("IRQ", "AFR") */
    const char *iso2;    /* ISO 3166-1 alpha-2, "" for regions/historical */
    const char *name;    /* a short English name ("Iraq", "Africa") */
} kbi_country;

extern const kbi_country kbi_countries[]; /* sorted by cameo */
extern const size_t kbi_ncountries;

const kbi_country *kbi_country_by_cameo(const char *code3);
const kbi_country *kbi_country_by_iso2(const char *iso2);

#endif
