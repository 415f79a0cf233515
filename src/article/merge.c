/* merge.c - one event per happening: duplicates within an article and
 * across a batch become one event with the list of its mentions. */
#include <stdio.h>
#include <string.h>

#include "../base/map.h"
#include "../base/vec.h"
#include "article.h"

static const char *dup(kbi_arena *a, const char *s, int *failed)
{
    if (!s)
        return NULL;
    char *d = kbi_arena_strdup(a, s);
    if (!d)
        *failed = 1;
    return d;
}

static void copy_mention(kbi_arena *a, kb_mention *d, const kb_mention *m,
                         int *failed)
{
    *d = *m;
    d->doc_id = dup(a, m->doc_id, failed);
    d->news_source = dup(a, m->news_source, failed);
    d->pub_date = dup(a, m->pub_date, failed);
    d->url = dup(a, m->url, failed);
    d->sentence_text = dup(a, m->sentence_text, failed);
}

kb_event *kbi_event_copy(kbi_arena *a, kb_event *d, const kb_event *e)
{
    int failed = 0;
    *d = *e;
    d->source = dup(a, e->source, &failed);
    d->target = dup(a, e->target, &failed);
    d->code = dup(a, e->code, &failed);
    d->source_text = dup(a, e->source_text, &failed);
    d->target_text = dup(a, e->target_text, &failed);
    d->verb = dup(a, e->verb, &failed);
    /* pattern and pattern_file belong to the dictionary */
    d->source_entry = dup(a, e->source_entry, &failed);
    d->target_entry = dup(a, e->target_entry, &failed);
    d->issues = dup(a, e->issues, &failed);
    d->doc_id = dup(a, e->doc_id, &failed);
    d->sentence_text = dup(a, e->sentence_text, &failed);
    d->pub_date = dup(a, e->pub_date, &failed);
    d->event_date = dup(a, e->event_date, &failed);
    d->date_text = dup(a, e->date_text, &failed);
    d->news_source = dup(a, e->news_source, &failed);
    d->url = dup(a, e->url, &failed);
    /* place strings other than text point into the gazetteer */
    d->place.text = dup(a, e->place.text, &failed);
    d->mentions = NULL;
    if (e->n_mentions) {
        kb_mention *m = kbi_arena_alloc(a, e->n_mentions * sizeof *m);
        if (!m)
            return NULL;
        for (size_t i = 0; i < e->n_mentions; i++)
            copy_mention(a, &m[i], &e->mentions[i], &failed);
        d->mentions = m;
    }
    return failed ? NULL : d;
}

const char *kbi_event_key(const kb_event *e, int one_a_day, char *buf,
                          size_t size)
{
    if (one_a_day || !e->place.name)
        snprintf(buf, size, "%s|%s|%s|%s", e->event_date ? e->event_date : "",
                 e->source, e->target, e->code);
    else
        snprintf(buf, size, "%s|%s|%s|%s|%lld|%s",
                 e->event_date ? e->event_date : "", e->source, e->target,
                 e->code, (long long)e->place.geonameid,
                 e->place.admin_code ? e->place.admin_code : e->place.name);
    return buf;
}

/* ---- kb_merger -------------------------------------------------------- */

typedef struct merged {
    kb_event ev;
    kb_mention *m;      /* the mentions, growing */
    size_t nm, cap;
    const char **docs;  /* distinct doc ids and sources, for the counts */
    size_t ndocs, capdocs;
    const char **srcs;
    size_t nsrcs, capsrcs;
} merged;

struct kb_merger {
    unsigned flags;
    kbi_arena arena;
    kbi_map index;      /* key -> event number */
    merged *v;
    size_t n, cap;
};

kb_merger *kb_merger_new(unsigned flags)
{
    kb_merger *m = kbi_realloc(NULL, NULL, 0, sizeof *m);
    if (!m)
        return NULL;
    memset(m, 0, sizeof *m);
    m->flags = flags;
    kbi_arena_init(&m->arena, NULL);
    kbi_map_init(&m->index, NULL);
    return m;
}

void kb_merger_free(kb_merger *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++) {
        merged *g = &m->v[i];
        kbi_free(NULL, g->m, g->cap * sizeof *g->m);
        kbi_free(NULL, g->docs, g->capdocs * sizeof *g->docs);
        kbi_free(NULL, g->srcs, g->capsrcs * sizeof *g->srcs);
    }
    kbi_free(NULL, m->v, m->cap * sizeof *m->v);
    kbi_map_free(&m->index);
    kbi_arena_free(&m->arena);
    kbi_free(NULL, m, sizeof *m);
}

/* Adds s to the set (pointer array) unless an equal string is there. */
static int add_distinct(const char ***set, size_t *n, size_t *cap,
                        const char *s)
{
    if (!s)
        s = "";
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*set)[i], s) == 0)
            return 1;
    if (!kbi_vec_reserve(NULL, (void **)set, cap, *n + 1, sizeof **set))
        return 0;
    (*set)[(*n)++] = s;
    return 1;
}

static int add_mentions(merged *g, const kb_mention *ms, size_t n)
{
    if (!kbi_vec_reserve(NULL, (void **)&g->m, &g->cap, g->nm + n,
                         sizeof *g->m))
        return 0;
    for (size_t i = 0; i < n; i++) {
        g->m[g->nm++] = ms[i];
        if (!add_distinct(&g->docs, &g->ndocs, &g->capdocs, ms[i].doc_id) ||
            !add_distinct(&g->srcs, &g->nsrcs, &g->capsrcs,
                          ms[i].news_source))
            return 0;
    }
    g->ev.mentions = g->m;
    g->ev.n_mentions = g->nm;
    g->ev.num_mentions = (int)g->nm;
    g->ev.num_articles = (int)g->ndocs;
    g->ev.num_sources = (int)g->nsrcs;
    return 1;
}

kb_status kb_merger_add(kb_merger *m, const kb_result *r)
{
    char key[1024];
    for (size_t i = 0; i < kb_result_count(r); i++) {
        const kb_event *e = kb_result_event(r, i);
        kbi_event_key(e, (m->flags & KB_MERGE_ONE_A_DAY) != 0, key,
                      sizeof key);
        int32_t at = kbi_map_get(&m->index, key, strlen(key));
        if (at < 0) {
            if (!kbi_vec_reserve(NULL, (void **)&m->v, &m->cap, m->n + 1,
                                 sizeof *m->v))
                return KB_ERR_NOMEM;
            merged *g = &m->v[m->n];
            memset(g, 0, sizeof *g);
            char *k = kbi_arena_strdup(&m->arena, key);
            if (!k || !kbi_event_copy(&m->arena, &g->ev, e) ||
                !kbi_map_put(&m->index, k, strlen(k), (int32_t)m->n))
                return KB_ERR_NOMEM;
            at = (int32_t)m->n++;
            /* the copy's mentions live in the arena: take them over */
            const kb_mention *ms = g->ev.mentions;
            size_t nms = g->ev.n_mentions;
            g->ev.mentions = NULL;
            g->ev.n_mentions = 0;
            if (!add_mentions(g, ms, nms))
                return KB_ERR_NOMEM;
            continue;
        }
        merged *g = &m->v[at];
        kb_mention *ms = kbi_arena_alloc(&m->arena,
                                         (e->n_mentions + 1) * sizeof *ms);
        if (!ms)
            return KB_ERR_NOMEM;
        int failed = 0;
        for (size_t k = 0; k < e->n_mentions; k++)
            copy_mention(&m->arena, &ms[k], &e->mentions[k], &failed);
        if (failed || !add_mentions(g, ms, e->n_mentions))
            return KB_ERR_NOMEM;
    }
    return KB_OK;
}

size_t kb_merger_count(const kb_merger *m) { return m ? m->n : 0; }

const kb_event *kb_merger_event(const kb_merger *m, size_t i)
{
    return m && i < m->n ? &m->v[i].ev : NULL;
}
