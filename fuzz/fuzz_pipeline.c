/* fuzz_pipeline.c - arbitrary bytes as the body of an article, through the
 * whole of kb_code_article: segmentation, tagging, parsing and its
 * repairs, the coder with the bundled dictionaries and Khabar's
 * supplement, dates, entities, places, the role checks and the merging
 * of the article's events. The first byte sets the flags (merging or not,
 * every line coded or not).
 *
 * Every event must carry a source, a target, a code, an event date and a
 * publication date, a sentence number and offsets inside the text, and
 * as many mentions as it says; no crash, no leak, no hang. Loading the
 * dictionaries, the model and the gazetteer happens once. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tests/unit/bundled.h"
#include "khabar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static kb_dict *dict;
static kb_model *model;
static kb_gazetteer *geo;

static void check(int ok)
{
    if (!ok)
        abort();
}

static void load(void)
{
    kb_error err;
    if (!load_bundled("fuzz_pipeline", &dict) ||
        kb_model_load(NULL, &model, &err) != KB_OK ||
        kb_gazetteer_load(NULL, &geo, &err) != KB_OK)
        abort();
}

static void ignore(void *user, const kb_error *e)
{
    (void)user;
    (void)e;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dict)
        load();
    if (size == 0)
        return 0;
    unsigned flags = data[0] & (KB_CODE_NO_MERGE | KB_CODE_ALL_LINES);
    kb_article a;
    memset(&a, 0, sizeof a);
    a.id = "fuzz";
    a.date = "2019-10-01";
    /* text_len 0 means "NUL-terminated" (khabar.h): a one-byte input is
     * an empty body, not a pointer past the end */
    a.text = size > 1 ? (const char *)data + 1 : "";
    a.text_len = size - 1;
    kb_coder c;
    memset(&c, 0, sizeof c);
    c.dict = dict;
    c.model = model;
    c.geo = geo;
    c.flags = flags;
    kb_result *r = kb_result_new(NULL);
    check(r != NULL);
    kb_error err;
    kb_status st = kb_code_article(&c, &a, ignore, NULL, r, &err);
    check(st == KB_OK || st == KB_ERR_NOMEM || st == KB_ERR_LIMIT);
    for (size_t i = 0; st == KB_OK && i < kb_result_count(r); i++) {
        const kb_event *e = kb_result_event(r, i);
        check(e->source && e->target && e->code && e->event_date &&
              e->pub_date && e->doc_id);
        check(e->sentence >= 1 && e->start <= e->end &&
              e->end <= a.text_len + 2);
        check(e->n_mentions >= 1 && e->mentions != NULL &&
              (size_t)e->num_mentions == e->n_mentions);
        for (size_t k = 0; k < e->n_mentions; k++)
            check(e->mentions[k].start <= e->mentions[k].end);
    }
    kb_result_free(r);
    return 0;
}
