/* conllu_input.c - CoNLL-U files as input records: each sentence becomes a
 * kb_record whose `parsed` is its dependency parse with phrases projected
 * from it (nlp/project.c), ready for the coder. */
#include <stdio.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/error.h"
#include "../base/util.h"
#include "../nlp/conllu.h"
#include "../nlp/project.h"
#include "input.h"

struct kbi_conllu_input {
    char *data;
    size_t len;
    char name[256];
    char date[9];        /* default date, "" when none */
    kbi_diag diag;
    kbi_conllu_reader rd;
    kbi_arena arena;     /* the current record */
    kbi_conllu_sent sent;
    char id[300];
    char rec_date[9];
    size_t count;        /* sentences read */
    size_t errors;       /* sentences that could not be used */
};

kb_status kbi_conllu_input_open(char *data, size_t len, const char *name,
                                const char *date, kb_diag_fn diag,
                                void *user, kbi_conllu_input **out,
                                kb_error *err)
{
    kbi_conllu_input *r = kbi_realloc(NULL, NULL, 0, sizeof *r);
    if (!r) {
        kbi_free(NULL, data, len + 1);
        kbi_error_set(err, KB_ERR_NOMEM, name, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    memset(r, 0, sizeof *r);
    r->data = data;
    r->len = len;
    snprintf(r->name, sizeof r->name, "%s", name ? name : "<memory>");
    if (date)
        snprintf(r->date, sizeof r->date, "%s", date);
    r->diag.fn = diag;
    r->diag.user = user;
    kbi_arena_init(&r->arena, NULL);
    kbi_conllu_reader_init(&r->rd, r->data, len, r->name, &r->diag);
    *out = r;
    return KB_OK;
}

/* "# date = 2019-11-24" among the comments, normalised to YYYYMMDD. */
static int comment_date(const kbi_conllu_sent *s, char out[9])
{
    for (int32_t i = 0; i < s->ncomments; i++) {
        const char *c = s->comments[i];
        while (*c == ' ')
            c++;
        if (strncmp(c, "date", 4) != 0)
            continue;
        c += 4;
        while (*c == ' ' || *c == '=')
            c++;
        size_t k = 0;
        for (; *c && k < 8; c++)
            if (kbi_isdigit((unsigned char)*c))
                out[k++] = *c;
            else if (*c != '-')
                break;
        out[k] = '\0';
        int32_t day;
        return k == 8 && kbi_parse_dict_date(out, 8, &day);
    }
    return 0;
}

int kbi_conllu_input_next(kbi_conllu_input *r, kb_record *rec)
{
    if (!r)
        return 0;
    for (;;) {
        kbi_arena_reset(&r->arena);
        size_t skipped = r->rd.skipped;
        if (!kbi_conllu_next(&r->rd, &r->arena, &r->sent)) {
            r->errors += r->rd.skipped - skipped;
            return 0;
        }
        r->errors += r->rd.skipped - skipped;
        r->count++;
        kbi_conllu_sent *cs = &r->sent;
        if (cs->sent_id)
            snprintf(r->id, sizeof r->id, "%s", cs->sent_id);
        else
            snprintf(r->id, sizeof r->id, "%s_%zu", r->name, r->count);
        if (!comment_date(cs, r->rec_date))
            snprintf(r->rec_date, sizeof r->rec_date, "%s", r->date);
        kb_status st = kbi_project_constituents(&cs->s, &r->arena);
        if (st != KB_OK) {
            kbi_diag_report(&r->diag, st, r->name, cs->line, 0,
                            "sentence %s: %s", r->id,
                            st == KB_ERR_LIMIT ? "too many phrases"
                                               : "out of memory");
            r->errors++;
            continue;
        }
        memset(rec, 0, sizeof *rec);
        rec->id = r->id;
        rec->date = r->rec_date[0] ? r->rec_date : NULL;
        rec->text = cs->text;
        rec->active = 1;
        rec->line = cs->line;
        rec->parsed = &cs->s;
        return 1;
    }
}

size_t kbi_conllu_input_errors(const kbi_conllu_input *r)
{
    return r ? r->errors : 0;
}

void kbi_conllu_input_free(kbi_conllu_input *r)
{
    if (!r)
        return;
    kbi_free(NULL, r->data, r->len + 1);
    kbi_arena_free(&r->arena);
    kbi_free(NULL, r, sizeof *r);
}
