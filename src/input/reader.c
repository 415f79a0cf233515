/* reader.c - kb_reader: one interface over the input formats. The format
 * comes from the caller, the file extension, or the first bytes. */
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/error.h"
#include "../base/util.h"
#include "input.h"

struct kb_reader {
    kb_input_format format;
    kbi_xml_reader *xml;
    kbi_conllu_input *conllu;
    kbi_text_input *text;
    kbi_jsonl_input *jsonl;
};

static const kb_environment no_environment;

kb_status kbi_input_new(size_t size, char *data, size_t len,
                        const char *name, int has_model, const char *what,
                        void **out, kb_error *err)
{
    *out = NULL;
    if (!has_model) {
        kbi_free(NULL, data, len + 1);
        kbi_error_set(err, KB_ERR_INVALID, name, 0, 0, "%s need the NLP model",
                      what);
        return KB_ERR_INVALID;
    }
    void *r = kbi_realloc(NULL, NULL, 0, size);
    if (!r) {
        kbi_free(NULL, data, len + 1);
        kbi_error_set(err, KB_ERR_NOMEM, name, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    memset(r, 0, size);
    *out = r;
    return KB_OK;
}

kb_status kb_input_format_parse(const char *name, kb_input_format *out)
{
    if (!name)
        return KB_ERR_INVALID;
    if (!strcmp(name, "auto"))
        *out = KB_INPUT_AUTO;
    else if (!strcmp(name, "xml"))
        *out = KB_INPUT_XML;
    else if (!strcmp(name, "conllu"))
        *out = KB_INPUT_CONLLU;
    else if (!strcmp(name, "text"))
        *out = KB_INPUT_TEXT;
    else if (!strcmp(name, "jsonl"))
        *out = KB_INPUT_JSONL;
    else if (!strcmp(name, "html"))
        *out = KB_INPUT_HTML;
    else
        return KB_ERR_INVALID;
    return KB_OK;
}

/* By extension, then by the first bytes (detect.c). */
static kb_input_format detect(const char *name, const char *d, size_t len)
{
    return kb_input_format_detect(name, d, len);
}

/* "2019-11-24" or "20191124" -> "20191124"; 0 if malformed. */
static int norm_date(const char *in, char out[9])
{
    size_t k = 0;
    for (const char *p = in; *p; p++) {
        if (kbi_isdigit((unsigned char)*p)) {
            if (k == 8)
                return 0;
            out[k++] = *p;
        } else if (*p != '-') {
            return 0;
        }
    }
    out[k] = '\0';
    int32_t day;
    return k == 8 && kbi_parse_dict_date(out, 8, &day);
}

/* Takes ownership of data (len + 1 bytes from kbi_realloc(NULL, ...)). */
static kb_status open_owned(char *data, size_t len, const char *name,
                            const kb_reader_options *o, kb_reader **out,
                            kb_error *err)
{
    kb_reader_options none = {NULL, KB_INPUT_AUTO, NULL, NULL, NULL, 0};
    if (!o)
        o = &none;
    char date[9] = "";
    if (o->date && !norm_date(o->date, date)) {
        kbi_free(NULL, data, len + 1);
        kbi_error_set(err, KB_ERR_INVALID, NULL, 0, 0,
                      "expected a date YYYY-MM-DD, got '%s'", o->date);
        return KB_ERR_INVALID;
    }
    kb_input_format f = o->format;
    if (f == KB_INPUT_AUTO)
        f = detect(name, data, len);
    if (f == KB_INPUT_HTML) {
        kbi_free(NULL, data, len + 1);
        kbi_error_set(err, KB_ERR_INVALID, name, 0, 0,
                      "HTML is read as articles: khabar code, or "
                      "kb_article_reader_open");
        return KB_ERR_INVALID;
    }
    kb_reader *r = kbi_realloc(NULL, NULL, 0, sizeof *r);
    if (!r) {
        kbi_free(NULL, data, len + 1);
        kbi_error_set(err, KB_ERR_NOMEM, name, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    memset(r, 0, sizeof *r);
    r->format = f;
    const char *dt = date[0] ? date : NULL;
    kb_status st;
    if (f == KB_INPUT_XML)
        st = kbi_xml_open_owned(data, len, name, o->diag, o->diag_user,
                                &r->xml, err);
    else if (f == KB_INPUT_CONLLU)
        st = kbi_conllu_input_open(data, len, name, dt, o->diag, o->diag_user,
                                   &r->conllu, err);
    else if (f == KB_INPUT_JSONL)
        st = kbi_jsonl_input_open(data, len, name, o->model, o->defer_parse,
                                  dt, o->diag,
                                  o->diag_user, &r->jsonl, err);
    else
        st = kbi_text_input_open(data, len, name, NULL, o->model,
                                 o->defer_parse, dt, o->diag,
                                 o->diag_user, &r->text, err);
    if (st != KB_OK) {
        kbi_free(NULL, r, sizeof *r);
        return st;
    }
    *out = r;
    return KB_OK;
}

kb_status kb_reader_open_buffer(const char *data, size_t len,
                                const char *name, const kb_reader_options *o,
                                kb_reader **out, kb_error *err)
{
    if (!out || (!data && len)) {
        kbi_error_set(err, KB_ERR_INVALID, name, 0, 0, "no input");
        return KB_ERR_INVALID;
    }
    *out = NULL;
    if (!name)
        name = "<memory>";
    char *copy = kbi_realloc(NULL, NULL, 0, len + 1);
    if (!copy) {
        kbi_error_set(err, KB_ERR_NOMEM, name, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    if (len)
        memcpy(copy, data, len);
    copy[len] = '\0';
    return open_owned(copy, len, name, o, out, err);
}

kb_status kb_reader_open_file(const char *path, const kb_reader_options *o,
                              kb_reader **out, kb_error *err)
{
    if (!out || !path) {
        kbi_error_set(err, KB_ERR_INVALID, path, 0, 0, "no file name");
        return KB_ERR_INVALID;
    }
    *out = NULL;
    char *data;
    size_t len;
    kb_status st = kbi_read_file(path, NULL, &data, &len, err);
    if (st != KB_OK)
        return st;
    return open_owned(data, len, path, o, out, err);
}

kb_status kb_reader_open_mem(const char *data, size_t len, const char *name,
                             kb_diag_fn diag, void *user, kb_reader **out,
                             kb_error *err)
{
    kb_reader_options o = {NULL, KB_INPUT_XML, NULL, diag, user, 0};
    return kb_reader_open_buffer(data, len, name, &o, out, err);
}

kb_status kb_reader_open(const char *path, kb_diag_fn diag, void *user,
                         kb_reader **out, kb_error *err)
{
    kb_reader_options o = {NULL, KB_INPUT_XML, NULL, diag, user, 0};
    return kb_reader_open_file(path, &o, out, err);
}

int kb_reader_next(kb_reader *r, kb_record *rec)
{
    if (!r)
        return 0;
    if (r->xml)
        return kbi_xml_next(r->xml, rec);
    if (r->conllu)
        return kbi_conllu_input_next(r->conllu, rec);
    if (r->jsonl)
        return kbi_jsonl_input_next(r->jsonl, rec);
    return kbi_text_input_next(r->text, rec);
}

const kb_environment *kb_reader_environment(const kb_reader *r)
{
    if (!r)
        return NULL;
    return r->xml ? kbi_xml_environment(r->xml) : &no_environment;
}

size_t kb_reader_errors(const kb_reader *r)
{
    if (!r)
        return 0;
    if (r->xml)
        return kbi_xml_errors(r->xml);
    if (r->conllu)
        return kbi_conllu_input_errors(r->conllu);
    if (r->jsonl)
        return kbi_jsonl_input_errors(r->jsonl);
    return kbi_text_input_errors(r->text);
}

void kb_reader_free(kb_reader *r)
{
    if (!r)
        return;
    kbi_xml_free(r->xml);
    kbi_conllu_input_free(r->conllu);
    kbi_text_input_free(r->text);
    kbi_jsonl_input_free(r->jsonl);
    kbi_free(NULL, r, sizeof *r);
}
