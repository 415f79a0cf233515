/* jsonl_input.c - JSON Lines articles as input records. Each line holds
 * one article; its title (if any) and text are segmented and parsed like
 * raw text, and its sentences are records "<id>_<n>". */
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/error.h"
#include "../base/util.h"
#include "input.h"
#include "json.h"

struct kbi_jsonl_input {
    char *data;
    size_t len, pos;
    int line;
    char name[256];
    char date[9];         /* default date */
    const kb_model *model;
    int defer;
    kb_diag_fn diag;
    void *user;
    kbi_arena arena;      /* the current article's fields */
    kbi_text_input *text; /* the current article's sentences */
    char source[256];
    size_t errors;
};

kb_status kbi_jsonl_input_open(char *data, size_t len, const char *name,
                               const kb_model *model, int defer,
                               const char *date,
                               kb_diag_fn diag, void *user,
                               kbi_jsonl_input **out, kb_error *err)
{
    void *mem;
    kb_status st = kbi_input_new(sizeof(kbi_jsonl_input), data, len, name,
                                 model || defer, "JSON Lines articles", &mem,
                                 err);
    if (st != KB_OK)
        return st;
    kbi_jsonl_input *r = mem;
    r->data = data;
    r->len = len;
    r->model = model;
    r->defer = defer;
    snprintf(r->name, sizeof r->name, "%s", name ? name : "<memory>");
    if (date)
        snprintf(r->date, sizeof r->date, "%s", date);
    r->diag = diag;
    r->user = user;
    kbi_arena_init(&r->arena, NULL);
    *out = r;
    return KB_OK;
}

static void bad(kbi_jsonl_input *r, int col, const char *id, const char *fmt,
                const char *what)
{
    r->errors++;
    if (!r->diag)
        return;
    kb_error e;
    kbi_error_set(&e, KB_ERR_SYNTAX, r->name, r->line, col, fmt, what);
    if (id)
        snprintf(e.record, sizeof e.record, "%s", id);
    r->diag(r->user, &e);
}

/* "2019-11-24" / "20191124" -> YYYYMMDD */
static int iso_date(const char *in, char out[9])
{
    size_t k = 0;
    for (; *in && k < 8; in++)
        if (kbi_isdigit((unsigned char)*in))
            out[k++] = *in;
        else if (*in != '-')
            break;
    out[k] = '\0';
    int32_t day;
    return *in == '\0' && k == 8 && kbi_parse_dict_date(out, 8, &day);
}

/* Reads lines until one holds a usable article; opens its text input. */
static int next_article(kbi_jsonl_input *r)
{
    while (r->pos < r->len) {
        const char *s = r->data + r->pos;
        const char *e = memchr(s, '\n', r->len - r->pos);
        size_t n = e ? (size_t)(e - s) : r->len - r->pos;
        r->pos += n + (e != NULL);
        r->line++;
        size_t k = 0;
        while (k < n && kbi_isspace((unsigned char)s[k]))
            k++;
        if (k == n)
            continue; /* blank line */
        kbi_arena_reset(&r->arena);
        kbi_json_object o;
        int col;
        const char *why;
        if (!kbi_json_parse_object(s, n, &r->arena, &o, &col, &why)) {
            bad(r, col, NULL, "%s", why);
            continue;
        }
        const kbi_json_member *id = kbi_json_get(&o, "id");
        const kbi_json_member *text = kbi_json_get(&o, "text");
        const kbi_json_member *title = kbi_json_get(&o, "title");
        const kbi_json_member *date = kbi_json_get(&o, "date");
        const kbi_json_member *src = kbi_json_get(&o, "source");
        const char *idv = id && id->value && strcmp(id->value, "null")
                              ? id->value : NULL;
        if (!idv) {
            bad(r, 1, NULL, "%s", "expected an \"id\" member");
            continue;
        }
        if (!text || !text->is_string) {
            bad(r, 1, idv, "%s", "expected a string \"text\" member");
            continue;
        }
        char d[9];
        if (date && date->is_string) {
            if (!iso_date(date->value, d)) {
                bad(r, 1, idv, "expected \"date\" as YYYY-MM-DD, got '%s'",
                    date->value);
                continue;
            }
        } else if (r->date[0]) {
            memcpy(d, r->date, sizeof d);
        } else {
            bad(r, 1, idv, "%s",
                "expected a \"date\" member (or give --date YYYY-MM-DD)");
            continue;
        }
        /* title and text, a paragraph apart */
        size_t tl = title && title->is_string ? title->len : 0;
        size_t total = tl + (tl ? 2 : 0) + text->len;
        char *buf = kbi_realloc(NULL, NULL, 0, total + 1);
        if (!buf) {
            bad(r, 1, idv, "%s", "out of memory");
            continue;
        }
        if (tl) {
            memcpy(buf, title->value, tl);
            memcpy(buf + tl, "\n\n", 2);
        }
        memcpy(buf + total - text->len, text->value, text->len);
        buf[total] = '\0';
        kb_error err;
        if (kbi_text_input_open(buf, total, r->name, idv, r->model, r->defer,
                                d, r->diag,
                                r->user, &r->text, &err) != KB_OK) {
            bad(r, 1, idv, "%s", err.message);
            r->text = NULL;
            continue;
        }
        if (src && src->is_string) {
            snprintf(r->source, sizeof r->source, "%s", src->value);
            kbi_text_input_set_source(r->text, r->source);
        }
        return 1;
    }
    return 0;
}

int kbi_jsonl_input_next(kbi_jsonl_input *r, kb_record *rec)
{
    if (!r)
        return 0;
    for (;;) {
        if (r->text && kbi_text_input_next(r->text, rec))
            return 1;
        if (r->text) {
            r->errors += kbi_text_input_errors(r->text);
            kbi_text_input_free(r->text);
            r->text = NULL;
        }
        if (!next_article(r))
            return 0;
    }
}

size_t kbi_jsonl_input_errors(const kbi_jsonl_input *r)
{
    return r ? r->errors + kbi_text_input_errors(r->text) : 0;
}

void kbi_jsonl_input_free(kbi_jsonl_input *r)
{
    if (!r)
        return;
    kbi_text_input_free(r->text);
    kbi_free(NULL, r->data, r->len + 1);
    kbi_arena_free(&r->arena);
    kbi_free(NULL, r, sizeof *r);
}
