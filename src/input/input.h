/* input.h - the readers behind kb_reader (private): PETRARCH XML
 * (xml.c) and CoNLL-U (conllu_input.c); reader.c chooses one. */
#ifndef KB_INPUT_H
#define KB_INPUT_H

#include "khabar.h"

typedef struct kbi_xml_reader kbi_xml_reader;

/* Takes ownership of data (allocated by kbi_realloc(NULL, ...), len + 1
 * bytes, NUL-terminated). */
kb_status kbi_xml_open_owned(char *data, size_t len, const char *name,
                             kb_diag_fn diag, void *user,
                             kbi_xml_reader **out, kb_error *err);
int kbi_xml_next(kbi_xml_reader *r, kb_record *rec);
const kb_environment *kbi_xml_environment(const kbi_xml_reader *r);
size_t kbi_xml_errors(const kbi_xml_reader *r);
void kbi_xml_free(kbi_xml_reader *r);

typedef struct kbi_conllu_input kbi_conllu_input;

/* Same contract for CoNLL-U: every sentence becomes a record whose
 * `parsed` holds the dependency parse with projected phrases. `date`
 * (YYYYMMDD) is used for sentences without a "# date" comment. */
kb_status kbi_conllu_input_open(char *data, size_t len, const char *name,
                                const char *date, kb_diag_fn diag,
                                void *user, kbi_conllu_input **out,
                                kb_error *err);
int kbi_conllu_input_next(kbi_conllu_input *r, kb_record *rec);
size_t kbi_conllu_input_errors(const kbi_conllu_input *r);
void kbi_conllu_input_free(kbi_conllu_input *r);

/* The first step of the text and JSON Lines readers' constructors: a
 * zeroed reader of `size` bytes, or an error (the text needs the model,
 * `what` says which, unless `has_model`; out of memory) after which
 * `data` (len + 1 bytes, the reader's to free) is freed. */
kb_status kbi_input_new(size_t size, char *data, size_t len,
                        const char *name, int has_model, const char *what,
                        void **out, kb_error *err);

typedef struct kbi_text_input kbi_text_input;

/* Raw text: one document segmented into sentences, each parsed with the
 * model when read (unless `defer`: then records carry the text only). Record ids are "<doc>_<sentence number>", doc being
 * `doc` or else the file name without directory and extension. */
kb_status kbi_text_input_open(char *data, size_t len, const char *name,
                              const char *doc, const kb_model *model,
                              int defer, const char *date,
                              kb_diag_fn diag, void *user,
                              kbi_text_input **out, kb_error *err);
int kbi_text_input_next(kbi_text_input *r, kb_record *rec);
/* News source attached to the records (a string that outlives them). */
void kbi_text_input_set_source(kbi_text_input *r, const char *source);
size_t kbi_text_input_errors(const kbi_text_input *r);
void kbi_text_input_free(kbi_text_input *r);

typedef struct kbi_jsonl_input kbi_jsonl_input;

/* JSON Lines articles: {"id":..., "date":"YYYY-MM-DD", "text":...,
 * "title":..., "url":..., "source":...} one per line; each article is
 * segmented and parsed like raw text, with doc id = the article's id. A
 * malformed line is reported with its line and column and skipped. */
kb_status kbi_jsonl_input_open(char *data, size_t len, const char *name,
                               const kb_model *model, int defer,
                               const char *date,
                               kb_diag_fn diag, void *user,
                               kbi_jsonl_input **out, kb_error *err);
int kbi_jsonl_input_next(kbi_jsonl_input *r, kb_record *rec);
size_t kbi_jsonl_input_errors(const kbi_jsonl_input *r);
void kbi_jsonl_input_free(kbi_jsonl_input *r);

/* ---- articles (articles.c: kb_article_reader; html.c) ------------------ */

/* "YYYY-MM-DD", "YYYYMMDD" or an ISO 8601 date-time that starts with one
 * ("2019-11-24T09:30:00+03:00") -> "YYYY-MM-DD" in out; leading and
 * trailing whitespace is allowed. Returns 0 when s[0, n) is not a valid
 * Gregorian date. */
int kbi_article_date(const char *s, size_t n, char out[11]);

/* The readable text of an HTML page (html.c). Strings are NUL-terminated
 * and live in the arena given to kbi_html_read; NULL when the page does
 * not say. */
typedef struct kbi_html_page {
    const char *title;   /* og:title, else <h1>, else JSON-LD "headline",
                            else <title> */
    const char *date;    /* YYYY-MM-DD from article:published_time and
                            similar <meta>, JSON-LD "datePublished", or
                            <time datetime> */
    const char *url;     /* <link rel=canonical>, else og:url */
    const char *source;  /* og:site_name */
    const char *text;    /* paragraphs separated by blank lines ("" when
                            none) */
    size_t text_len;
    int truncated_line;  /* > 0: the page nests deeper than libxml2's
                            limit (256 elements) and nothing after this
                            line was read */
} kbi_html_page;

/* Parses data[0, len) with libxml2's HTML parser (recovering, no network)
 * and extracts the page's metadata and body text (see html.c for the
 * rules). Any bytes are accepted; the encoding is the one the page
 * declares (<meta charset>, BOM), else UTF-8 when the bytes are valid
 * UTF-8, else windows-1252. Returns KB_OK, KB_ERR_NOMEM, or KB_ERR_LIMIT
 * for pages of 2 GB or more. */
struct kbi_arena;
kb_status kbi_html_read(const char *data, size_t len,
                        struct kbi_arena *arena, kbi_html_page *out);

/* The first step of kbi_html_read (html_prep.c): the page as valid UTF-8
 * without NULs (its declared or detected encoding converted) and its
 * markup written again in a canonical form that libxml2 reads in linear
 * time. *out (NUL-terminated, *out_len bytes) is freed by the caller with
 * kbi_free(NULL, *out, *out_len + 1). Returns KB_OK or KB_ERR_NOMEM. */
kb_status kbi_html_prepare(const char *data, size_t len, char **out,
                           size_t *out_len);

#endif
