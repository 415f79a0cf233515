/* pipeline.h - raw text to parsed sentences: the text front end, the
 * tagger, the parser and the phrase projection, in that order. */
#ifndef KB_PIPELINE_H
#define KB_PIPELINE_H

#include "../text/text.h"
#include "parser.h"
#include "sentence.h"
#include "tagger.h"

struct kb_model {
    kbi_model *file;
    kbi_tagger *tagger;
    kbi_parser *parser;
};

/* Builds the parsed sentence for sentence i of a segmented document of
 * `src`: tokens (with offsets into src), tags, dependencies, phrases. */
kb_status kbi_pipeline_sentence(const kb_model *m, const kbi_text_doc *doc,
                                int32_t i, kbi_arena *a, kbi_sentence *out);

/* The whole of src[0, len) as one sentence (a validation record's text). */
kb_status kbi_pipeline_one(const kb_model *m, const char *src, size_t len,
                           kbi_arena *a, kbi_sentence *out);

#endif
