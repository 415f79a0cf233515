/* conllu_out.c - a record's dependency parse as CoNLL-U (khabar parse). */
#include <stdint.h>
#include <string.h>

#include "../nlp/conllu.h"
#include "out.h"

kb_status kb_write_conllu(FILE *f, const kb_record *rec)
{
    if (!rec || !rec->parsed)
        return KB_ERR_INVALID;
    const kbi_sentence *s = rec->parsed;
    kbi_conllu_sent meta;
    memset(&meta, 0, sizeof meta);
    meta.sent_id = rec->id;
    /* "# text" must be one line */
    char buf[4096];
    meta.text = rec->text ? kbi_squeeze(rec->text, buf, sizeof buf) : NULL;
    kb_status st = kbi_conllu_write(f, s, &meta);
    if (st == KB_OK && ferror(f))
        st = KB_ERR_IO;
    return st;
}
