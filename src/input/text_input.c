/* text_input.c - a raw text file as input records: the text is segmented
 * into sentences by the text front end, and each sentence is tagged,
 * parsed and projected with the NLP model when it is read. Datelines
 * ("ERBIL (Kurdistan 24) -") are not records. */
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/error.h"
#include "../nlp/pipeline.h"
#include "input.h"

struct kbi_text_input {
    char *data;
    size_t len;
    const kb_model *model;
    int defer;           /* records without parses */
    char doc[256];       /* document id: the file name without directory
                            and extension */
    char date[9];
    const char *source;  /* news source of the records, or NULL */
    kbi_diag diag;
    kbi_arena doc_arena; /* the segmentation */
    kbi_arena arena;     /* the current record */
    kbi_text_doc seg;
    int32_t next;        /* next sentence */
    char id[300];
    kbi_sentence sent;
    size_t errors;
};

static void doc_id(const char *name, char *out, size_t size)
{
    const char *b = strrchr(name, '/');
    b = b ? b + 1 : name;
    snprintf(out, size, "%s", b);
    char *dot = strrchr(out, '.');
    if (dot && dot != out)
        *dot = '\0';
}

kb_status kbi_text_input_open(char *data, size_t len, const char *name,
                              const char *doc, const kb_model *model,
                              int defer, const char *date,
                              kb_diag_fn diag, void *user,
                              kbi_text_input **out, kb_error *err)
{
    void *mem;
    kb_status st = kbi_input_new(sizeof(kbi_text_input), data, len, name,
                                 model || defer, "raw text files", &mem,
                                 err);
    if (st != KB_OK)
        return st;
    kbi_text_input *r = mem;
    r->data = data;
    r->len = len;
    r->model = model;
    r->defer = defer;
    if (doc)
        snprintf(r->doc, sizeof r->doc, "%s", doc);
    else
        doc_id(name ? name : "text", r->doc, sizeof r->doc);
    if (date)
        snprintf(r->date, sizeof r->date, "%s", date);
    r->diag.fn = diag;
    r->diag.user = user;
    kbi_arena_init(&r->doc_arena, NULL);
    kbi_arena_init(&r->arena, NULL);
    kbi_text_options o = {0, 0, name};
    st = kbi_text_segment(data, len, &o, &r->doc_arena, &r->diag, &r->seg);
    if (st != KB_OK) {
        kbi_error_set(err, st, name, 0, 0, "%s",
                      st == KB_ERR_LIMIT ? "input too large" : "out of memory");
        kbi_text_input_free(r);
        return st;
    }
    *out = r;
    return KB_OK;
}

int kbi_text_input_next(kbi_text_input *r, kb_record *rec)
{
    while (r && r->next < r->seg.nsents) {
        int32_t i = r->next++;
        const kbi_text_sentence *se = &r->seg.sents[i];
        if (se->flags & KBI_TEXT_SENT_DATELINE)
            continue;
        kbi_arena_reset(&r->arena);
        kb_status st = r->defer ? KB_OK
                                : kbi_pipeline_sentence(r->model, &r->seg, i,
                                                        &r->arena, &r->sent);
        char *text = kbi_arena_strndup(&r->arena, r->data + se->start,
                                       se->end - se->start);
        if (st != KB_OK || !text) {
            r->errors++;
            kbi_diag_report(&r->diag, st, r->doc, 0, 0,
                            "sentence %d: cannot parse (%s)", (int)i + 1,
                            kb_status_str(st));
            continue;
        }
        snprintf(r->id, sizeof r->id, "%s_%d", r->doc, (int)i + 1);
        memset(rec, 0, sizeof *rec);
        rec->id = r->id;
        rec->date = r->date[0] ? r->date : NULL;
        rec->text = text;
        rec->active = 1;
        rec->parsed = r->defer ? NULL : &r->sent;
        rec->source = r->source;
        return 1;
    }
    return 0;
}

void kbi_text_input_set_source(kbi_text_input *r, const char *source)
{
    r->source = source;
}

size_t kbi_text_input_errors(const kbi_text_input *r)
{
    return r ? r->errors : 0;
}

void kbi_text_input_free(kbi_text_input *r)
{
    if (!r)
        return;
    kbi_free(NULL, r->data, r->len + 1);
    kbi_arena_free(&r->doc_arena);
    kbi_arena_free(&r->arena);
    kbi_free(NULL, r, sizeof *r);
}
