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
kb_status kbi_xml_open_mem(const char *data, size_t len, const char *name,
                           kb_diag_fn diag, void *user, kbi_xml_reader **out,
                           kb_error *err);
kb_status kbi_xml_open(const char *path, kb_diag_fn diag, void *user,
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

#endif
