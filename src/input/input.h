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

#endif
