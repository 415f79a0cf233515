/* out.h - the output writers (private). */
#ifndef KB_OUT_H
#define KB_OUT_H

#include <stdio.h>

#include "khabar.h"

kb_status kbi_write_jsonl(FILE *f, const kb_record *rec, const kb_event *e);
kb_status kbi_write_phoenix(FILE *f, const kb_record *rec, const kb_event *e);

/* "STORY_12" -> doc "STORY", returns 12; ids without a numeric "_N" suffix
 * are the doc id themselves (sentence 0). */
int kbi_split_id(const char *id, char *doc, size_t size);
/* "20080806" -> "2008-08-06" (as written when not 8 digits). */
void kbi_iso_date(const char *d, char *buf, size_t size);
/* Collapses whitespace runs to one blank and trims; returns buf. */
const char *kbi_squeeze(const char *s, char *buf, size_t size);

#endif
