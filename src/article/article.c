/* article.c - kb_code_article: an article in, its events out.
 *
 * The title and the body are read as one text (title, blank line, body;
 * event offsets point into it). Every sentence of the body is tagged,
 * parsed and coded, except datelines (kept as a place hint), boilerplate
 * lines (read-more links, credits, bylines, captions) and the title
 * (headline grammar drops the words the coder needs). Each coded sentence
 * gets its own event date, actors the dictionaries miss come from the
 * article's entity memory, and each event gets a place. Events with the
 * same date, actors and code are one event mentioned several times (a
 * repeated lede). A story discard anywhere drops the whole article. */
#include <stdio.h>
#include <string.h>

#include "../base/error.h"
#include "../base/map.h"
#include "../base/util.h"
#include "../code/result.h"
#include "../nlp/pipeline.h"
#include "article.h"

typedef struct actx {
    const kb_coder *c;
    const kb_article *a;
    kb_result *out;
    kbi_diag diag;
    const char *text;     /* title + body */
    size_t len;
    uint32_t body_start;  /* where the body begins in text */
    int32_t pub_day;
    char pub_date[16];    /* YYYY-MM-DD */
    kbi_text_doc doc;
    kbi_entities *ents;
    const char *dateline; /* text of the dateline, or NULL */
} actx;

static void civil_from_days(int32_t z, int *y, int *m, int *d)
{
    /* H. Hinnant's algorithm, days since 1970-01-01 */
    z += 719468;
    int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    int32_t doe = z - era * 146097;
    int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int32_t yy = yoe + era * 400;
    int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int32_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

static void day_string(int32_t day, int iso, char *buf, size_t size)
{
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    snprintf(buf, size, iso ? "%04d-%02d-%02d" : "%04d%02d%02d", y, m, d);
}

/* "YYYY-MM-DD" or "YYYYMMDD" -> days. */
static int parse_pub_date(const char *s, int32_t *day)
{
    if (!s)
        return 0;
    char digits[9];
    size_t n = 0, len = strlen(s);
    if (len == 10 && s[4] == '-' && s[7] == '-') {
        for (size_t i = 0; i < len; i++)
            if (i != 4 && i != 7)
                digits[n++] = s[i];
    } else if (len == 8) {
        memcpy(digits, s, 8);
        n = 8;
    }
    digits[n] = '\0';
    for (size_t i = 0; i < n; i++)
        if (!kbi_isdigit((unsigned char)digits[i]))
            return 0;
    return n == 8 && kbi_parse_dict_date(digits, 8, day);
}

/* Is sentence se on a line the boilerplate rules set aside? */
static int boilerplate(const actx *x, const kbi_text_sentence *se)
{
    size_t b = se->start, e = se->start;
    while (b > 0 && x->text[b - 1] != '\n')
        b--;
    while (e < x->len && x->text[e] != '\n')
        e++;
    static const char *const heads[] = {"Read More", "Read more",
                                        "Editing by", "Reporting by", NULL};
    for (const char *const *h = heads; *h; h++)
        if (e - b >= strlen(*h) && memcmp(x->text + b, *h, strlen(*h)) == 0)
            return 1; /* placeholder until boiler.c */
    return 0;
}

/* Appends the events of one coded sentence to x->out with the article's
 * fields. */
static kb_status take_events(actx *x, const kb_result *r, int32_t si,
                             const char *stext, const char *event_date,
                             const char *date_text)
{
    const kbi_text_sentence *se = &x->doc.sents[si];
    for (size_t i = 0; i < kb_result_count(r); i++) {
        kb_event *e = kbi_result_add(x->out);
        if (!e || !kbi_event_copy(&x->out->arena, e, kb_result_event(r, i)))
            return KB_ERR_NOMEM;
        e->doc_id = x->a->id;
        e->sentence = (int)si + 1;
        e->start = se->start;
        e->end = se->end;
        e->sentence_text = stext;
        e->pub_date = x->pub_date;
        e->event_date = event_date;
        e->date_text = date_text;
        e->news_source = x->a->source;
        e->url = x->a->url;
        kb_mention *m = kbi_arena_alloc(&x->out->arena, sizeof *m);
        if (!m)
            return KB_ERR_NOMEM;
        m->doc_id = e->doc_id;
        m->sentence = e->sentence;
        m->start = e->start;
        m->end = e->end;
        m->news_source = e->news_source;
        m->pub_date = e->pub_date;
        m->url = e->url;
        m->sentence_text = stext;
        e->mentions = m;
        e->n_mentions = 1;
        e->num_mentions = e->num_articles = e->num_sources = 1;
    }
    return KB_OK;
}

static int place_rank(const kb_place *p)
{
    if (!p->name || !p->rule)
        return 0;
    return strcmp(p->rule, "sentence") == 0 ? 3
         : strcmp(p->rule, "dateline") == 0 ? 2 : 1;
}

/* Merges the article's events with the same date, actors and code: the
 * first one stays, with every mention and the most specific place. */
static kb_status merge_in_article(actx *x)
{
    kb_result *out = x->out;
    if (out->n < 2)
        return KB_OK;
    kbi_map idx;
    kbi_map_init(&idx, NULL);
    int32_t *group = kbi_arena_alloc(&out->work, out->n * sizeof *group);
    size_t *count = kbi_arena_alloc(&out->work, out->n * sizeof *count);
    if (!group || !count) {
        kbi_map_free(&idx);
        return KB_ERR_NOMEM;
    }
    size_t ng = 0;
    char key[1024];
    for (size_t i = 0; i < out->n; i++) {
        kbi_event_key(&out->events[i], 1, key, sizeof key);
        char *k = kbi_arena_strdup(&out->work, key);
        int32_t g = k ? kbi_map_get(&idx, k, strlen(k)) : -1;
        if (!k || (g < 0 && !kbi_map_put(&idx, k, strlen(k), (int32_t)i))) {
            kbi_map_free(&idx);
            return KB_ERR_NOMEM;
        }
        group[i] = g < 0 ? (int32_t)i : g;
        if (g < 0)
            count[i] = 0, ng++;
        count[group[i]] += out->events[i].n_mentions;
    }
    kbi_map_free(&idx);
    if (ng == out->n)
        return KB_OK;
    /* the leaders get arrays for all their mentions */
    kb_mention **ms = kbi_arena_alloc(&out->work, out->n * sizeof *ms);
    if (!ms)
        return KB_ERR_NOMEM;
    for (size_t i = 0; i < out->n; i++) {
        if (group[i] != (int32_t)i)
            continue;
        ms[i] = kbi_arena_alloc(&out->arena, count[i] * sizeof **ms);
        if (!ms[i])
            return KB_ERR_NOMEM;
        out->events[i].n_mentions = 0;
    }
    for (size_t i = 0; i < out->n; i++) {
        kb_event *lead = &out->events[group[i]];
        const kb_event *e = &out->events[i];
        memcpy(ms[group[i]] + lead->n_mentions, e->mentions,
               e->n_mentions * sizeof *e->mentions);
        lead->n_mentions += e->n_mentions;
        if (place_rank(&e->place) > place_rank(&lead->place))
            lead->place = e->place;
    }
    size_t w = 0;
    for (size_t i = 0; i < out->n; i++) {
        if (group[i] != (int32_t)i)
            continue;
        kb_event *e = &out->events[i];
        e->mentions = ms[i];
        e->num_mentions = (int)e->n_mentions;
        out->events[w++] = *e;
    }
    out->n = w;
    return KB_OK;
}

static kb_status fail(kb_error *err, const kb_article *a, kb_status st,
                      const char *msg)
{
    kbi_error_set(err, st, a->file, a->line, 0, "%s", msg);
    if (err && a->id)
        snprintf(err->record, sizeof err->record, "%s", a->id);
    return st;
}

/* Codes sentence si. Parse failures are reported and skipped. */
static kb_status code_one(actx *x, int32_t si, kbi_arena *sa, kb_result *tmp,
                          kb_error *err)
{
    const kbi_text_sentence *se = &x->doc.sents[si];
    kbi_arena_reset(sa);
    kbi_sentence sent;
    kb_status st = kbi_pipeline_sentence(x->c->model, &x->doc, si, sa, &sent);
    if (st == KB_ERR_NOMEM)
        return fail(err, x->a, st, "out of memory");
    if (st != KB_OK) {
        kbi_diag_report(&x->diag, st, x->a->file, x->a->line, 0,
                        "article %s, sentence %d: cannot parse (%s)",
                        x->a->id ? x->a->id : "?", (int)si + 1,
                        kb_status_str(st));
        return KB_OK;
    }
    char *stext = kbi_arena_strndup(&x->out->arena, x->text + se->start,
                                    se->end - se->start);
    char event_date[16], ymd[16], id[300];
    int32_t day = x->pub_day;
    const char *date_text = NULL;
    day_string(day, 1, event_date, sizeof event_date);
    day_string(day, 0, ymd, sizeof ymd);
    snprintf(id, sizeof id, "%s_%d", x->a->id ? x->a->id : "article",
             (int)si + 1);
    kb_record rec;
    memset(&rec, 0, sizeof rec);
    rec.id = id;
    rec.date = ymd;
    rec.text = stext;
    rec.source = x->a->source;
    rec.active = 1;
    rec.line = x->a->line;
    kbi_actor_hook hook = {kbi_entities_hook, x->ents};
    kbi_result_clear(tmp);
    kb_error e2;
    st = stext ? kbi_code_sentence_hooked(x->c->dict, x->c->config, &rec,
                                          &sent, &hook, tmp, &e2)
               : KB_ERR_NOMEM;
    if (st == KB_ERR_NOMEM)
        return fail(err, x->a, st, "out of memory");
    if (st != KB_OK) {
        kbi_diag_report(&x->diag, st, x->a->file, x->a->line, 0,
                        "article %s, sentence %d: %s",
                        x->a->id ? x->a->id : "?", (int)si + 1, e2.message);
        return KB_OK;
    }
    if (tmp->rejection && strcmp(tmp->rejection, "storydiscard") == 0) {
        x->out->rejection = "storydiscard";
        return KB_OK;
    }
    char *ed = kbi_arena_strdup(&x->out->arena, event_date);
    if (!ed)
        return fail(err, x->a, KB_ERR_NOMEM, "out of memory");
    st = take_events(x, tmp, si, stext, ed, date_text);
    return st == KB_OK ? KB_OK : fail(err, x->a, st, "out of memory");
}

kb_status kb_code_article(const kb_coder *c, const kb_article *a,
                          kb_diag_fn diag, void *user, kb_result *out,
                          kb_error *err)
{
    if (!out)
        return KB_ERR_INVALID;
    kbi_result_clear(out);
    if (!c || !c->dict || !c->model || !a || (!a->text && !a->title))
        return fail(err, a ? a : &(kb_article){0}, KB_ERR_INVALID,
                    !c || !c->dict ? "no dictionaries"
                    : !c->model    ? "no NLP model"
                                   : "the article has no text");
    actx x;
    memset(&x, 0, sizeof x);
    x.c = c;
    x.a = a;
    x.out = out;
    x.diag.fn = diag;
    x.diag.user = user;
    if (!parse_pub_date(a->date, &x.pub_day))
        return fail(err, a, KB_ERR_INVALID,
                    a->date ? "expected a publication date YYYY-MM-DD"
                            : "the article has no date (give one with "
                              "--date YYYY-MM-DD)");
    day_string(x.pub_day, 1, x.pub_date, sizeof x.pub_date);
    /* title, blank line, body */
    size_t tl = a->title ? strlen(a->title) : 0;
    size_t bl = a->text ? (a->text_len ? a->text_len : strlen(a->text)) : 0;
    char *text = kbi_arena_alloc(&out->work, tl + 2 + bl + 1);
    if (!text)
        return fail(err, a, KB_ERR_NOMEM, "out of memory");
    size_t n = 0;
    if (tl) {
        memcpy(text, a->title, tl);
        memcpy(text + tl, "\n\n", 2);
        n = tl + 2;
    }
    x.body_start = (uint32_t)n;
    if (bl)
        memcpy(text + n, a->text, bl);
    n += bl;
    text[n] = '\0';
    x.text = text;
    x.len = n;
    kbi_text_options o = {0, 0, a->file};
    kb_status st = kbi_text_segment(text, n, &o, &out->work, &x.diag, &x.doc);
    if (st != KB_OK)
        return fail(err, a, st, st == KB_ERR_LIMIT ? "article too large"
                                                   : "out of memory");
    x.ents = kbi_entities_new(&out->work, c->dict);
    kb_result *tmp = kb_result_new(NULL);
    if (!x.ents || !tmp) {
        kb_result_free(tmp);
        return fail(err, a, KB_ERR_NOMEM, "out of memory");
    }
    kbi_arena sa;
    kbi_arena_init(&sa, NULL);
    for (int32_t i = 0; i < x.doc.nsents && st == KB_OK && !out->rejection;
         i++) {
        const kbi_text_sentence *se = &x.doc.sents[i];
        if (se->flags & KBI_TEXT_SENT_DATELINE) {
            if (!x.dateline)
                x.dateline = kbi_arena_strndup(&out->work, text + se->start,
                                               se->end - se->start);
            continue;
        }
        if (se->start < x.body_start)
            continue; /* the title */
        if (!(c->flags & KB_CODE_ALL_LINES) && boilerplate(&x, se))
            continue;
        st = code_one(&x, i, &sa, tmp, err);
    }
    kbi_arena_free(&sa);
    kb_result_free(tmp);
    if (st != KB_OK)
        return st;
    if (out->rejection) { /* a story discard: nothing of it is news */
        out->n = 0;
        return KB_OK;
    }
    if (!(c->flags & KB_CODE_NO_MERGE))
        st = merge_in_article(&x);
    if (st == KB_OK && (out->arena.failed || out->work.failed))
        st = KB_ERR_NOMEM;
    return st == KB_OK ? KB_OK : fail(err, a, st, "out of memory");
}
