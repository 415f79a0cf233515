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
#include "../geo/geo.h"
#include "../nlp/pipeline.h"
#include "article.h"
#include "boiler.h"
#include "dates.h"

typedef struct actx {
    const kb_coder *c;
    const kb_article *a;
    kb_result *out;
    kbi_diag diag;
    const char *text;     /* title + body */
    size_t len;
    uint32_t body_start;  /* where the body begins in text */
    uint32_t credit_end;  /* end of a lead credit ("Reuters - ") */
    int32_t pub_day;
    char pub_date[16];    /* YYYY-MM-DD */
    /* the article's fields as events carry them, in out->arena (events
     * must not point at the caller's article or at this struct) */
    const char *doc_id, *pub_iso, *news_source, *url;
    kbi_text_doc doc;
    kbi_entities *ents;
    int32_t anchor;       /* date of the last dated event, -1 */
    kb_config config;     /* the coder's, with clause_sources and
                             embedded_clauses set */
    /* places: the article's context, and per sentence its mentions and
     * the one its events happened at (-1 none) */
    kbi_geo_context *geo;
    struct splaces {
        kbi_geo_mention *m;
        size_t n;
        int32_t at;
        int locative;  /* "in Erbil": the sentence says where */
    } *places;
} actx;

static void day_string(int32_t day, int iso, char *buf, size_t size)
{
    int y, m, d;
    kbi_civil_from_days(day, &y, &m, &d);
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
    return kbi_boiler_line(x->text + b, e - b) != KBI_BOILER_NONE;
}

/* The day a date expression stands for (a range: its last day not after
 * publication), or the publication date when there is none; *text gets
 * its words. */
static int32_t resolve_day(const actx *x, const kbi_date *d, const char **text)
{
    if (text)
        *text = NULL;
    if (!d)
        return x->pub_day;
    int32_t day = d->hi < x->pub_day ? d->hi : x->pub_day;
    if (d->lo > day)
        day = d->lo;
    if (text)
        *text = d->text;
    return day;
}

/* The token of an event's verb (or claimed noun), -1 if not found. */
static int32_t verb_token(const kbi_sentence *s, const char *verb)
{
    for (int32_t i = 0; verb && i < s->ntoks; i++)
        if (s->toks[i].upper && strcmp(s->toks[i].upper, verb) == 0)
            return i;
    return -1;
}

/* Appends the events of one coded sentence to x->out with the article's
 * fields and each event's own date: that of the expression in its verb's
 * clause. An event told as a plan or as history (a future or an old
 * date) is not today's news and is dropped. */
static kb_status take_events(actx *x, const kb_result *r, int32_t si,
                             const char *stext, const kbi_sentence *sent,
                             const kbi_dates *dts)
{
    const kbi_text_sentence *se = &x->doc.sents[si];
    for (size_t i = 0; i < kb_result_count(r); i++) {
        const kb_event *src = kb_result_event(r, i);
        int32_t v = kbi_result_token(r, i);
        if (v < 0 || v >= sent->ntoks)
            v = verb_token(sent, src->verb);
        if (kbi_unreal(sent, v))
            continue; /* a plan, a denial, a condition, a question */
        if (kbi_light_default(src->verb, src->pattern))
            continue; /* "took over as head": no pattern, no event */
        if (kbi_pattern_prep_missing(sent, v, src->pattern) ||
            kbi_carried(sent, v, src->code, src->pattern) ||
            kbi_no_comment(sent, v, src->code) ||
            kbi_going_home(sent, v, src->code, src->source, src->target))
            continue; /* "(TO)" matched the "to" of an infinitive; "flew
                         back to the UK" */
        if (!strncmp(src->source, "---", 3) && !strncmp(src->target, "---", 3))
            continue; /* no actor the coder could place */
        if (kbi_figurative_force(src->code, src->source, src->target) ||
            kbi_business_only(src->source, src->target) ||
            kbi_self_statement(src->code, src->source, src->target))
            continue; /* "targeting small businesses", company deals,
                         "France said French reporters were alive" */
        int voice = kbi_passive_subject(x->ents, sent, v, src);
        if (voice == 2)
            continue; /* "was killed in an airstrike": the victim did nothing */
        const char *fsrc = voice == 1 ? src->target : src->source;
        const char *ftgt = voice == 1 ? src->source : src->target;
        if ((kbi_own_country_target(src->code, fsrc, ftgt) &&
             !kbi_plural_actor(x->ents, sent, ftgt)) ||
            kbi_press_audience(src->code, ftgt) ||
            kbi_company_statement(src->code, fsrc, ftgt) ||
            kbi_forces_sent(src->code, ftgt) ||
            kbi_commentator(src->code, voice == 1 ? src->target_text
                                                  : src->source_text) ||
            kbi_company_named(src->code, src->source_text, src->target_text) ||
            kbi_document_actor(x->ents, sent, src))
            continue; /* "Russian police ... in Moscow", "told Reuters",
                         "Ford said", "sending 600 marines", "the Kyoto
                         Protocol overcame" */
        if (voice == 0 && strcmp(src->pattern ? src->pattern : "",
                                 "claim of responsibility") != 0 &&
            (kbi_wrong_subject(x->ents, sent, v, src) ||
             kbi_far_target(x->ents, sent, v, src) ||
             kbi_loose_pattern(x->c->dict, sent, v, src) ||
             kbi_prep_group_elsewhere(x->ents, sent, v, src) ||
             kbi_victims_country(x->ents, sent, src) ||
             kbi_placed_country(x->ents, sent, src) ||
             kbi_building_target(x->ents, sent, src) ||
             kbi_held_target(x->ents, sent, src) ||
             kbi_topic_country(x->ents, sent, src) ||
             kbi_keyword_clause(x->ents, sent, v, src)))
            continue; /* the actors came from the wrong phrases */
        const kbi_date *d = kbi_dates_event(sent, dts, v);
        if (d && (d->flags & (KBI_DATE_FUTURE | KBI_DATE_HISTORIC)))
            continue;
        const char *dtext;
        int32_t day = resolve_day(x, d, &dtext);
        char iso[16];
        day_string(day, 1, iso, sizeof iso);
        if (d)
            x->anchor = day;
        kb_event *e = kbi_result_add(x->out);
        if (!e || !kbi_event_copy(&x->out->arena, e, src))
            return KB_ERR_NOMEM;
        if (voice == 1) { /* the by-phrase did it */
            const char *t;
            t = e->source, e->source = e->target, e->target = t;
            t = e->source_text, e->source_text = e->target_text,
            e->target_text = t;
            t = e->source_entry, e->source_entry = e->target_entry,
            e->target_entry = t;
        }
        const char *verbal = kbi_verbal_attack(e->code, e->source, e->verb);
        if (verbal)
            e->code = verbal; /* "launched an attack on the government" */
        const char *bombing = kbi_bombing(e->code, e->source, e->verb,
                                          e->source_text);
        if (bombing)
            e->code = bombing; /* "separatists bombed a power line" */
        const char *seized = kbi_seized_people(e->code, e->source,
                                               e->target_text);
        if (seized)
            e->code = seized; /* "seized four truck drivers" */
        const char *event_date = kbi_arena_strdup(&x->out->arena, iso);
        const char *date_text = dtext ? kbi_arena_strdup(&x->out->arena,
                                                         dtext)
                                      : NULL;
        if (!event_date || (dtext && !date_text))
            return KB_ERR_NOMEM;
        e->doc_id = x->doc_id;
        e->sentence = (int)si + 1;
        e->start = se->start;
        e->end = se->end;
        e->sentence_text = stext;
        e->pub_date = x->pub_iso;
        e->event_date = event_date;
        e->date_text = date_text;
        e->news_source = x->news_source;
        e->url = x->url;
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
    return strcmp(p->rule, "locative") == 0   ? 4
         : strcmp(p->rule, "sentence") == 0 ? 3
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
    size_t *filled = kbi_arena_alloc(&out->work, out->n * sizeof *filled);
    if (!ms || !filled)
        return KB_ERR_NOMEM;
    for (size_t i = 0; i < out->n; i++) {
        if (group[i] != (int32_t)i)
            continue;
        ms[i] = kbi_arena_alloc(&out->arena, count[i] * sizeof **ms);
        if (!ms[i])
            return KB_ERR_NOMEM;
    }
    for (size_t i = 0; i < out->n; i++) {
        size_t g = (size_t)group[i];
        kb_event *lead = &out->events[g];
        const kb_event *e = &out->events[i];
        memcpy(ms[g] + filled[g], e->mentions,
               e->n_mentions * sizeof *e->mentions);
        filled[g] += e->n_mentions;
        if (place_rank(&e->place) > place_rank(&lead->place))
            lead->place = e->place;
    }
    size_t w = 0;
    for (size_t i = 0; i < out->n; i++) {
        if (group[i] != (int32_t)i)
            continue;
        kb_event *e = &out->events[i];
        e->mentions = ms[i];
        e->n_mentions = filled[i];
        e->num_mentions = (int)filled[i];
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

/* A mention that can be where an event happened: not a demonym, an
 * adjective, a qualifier or a person's name. */
static int usable(const kbi_geo_mention *m)
{
    return !(m->flags & (KBI_GEO_M_DEMONYM | KBI_GEO_M_ADJ |
                         KBI_GEO_M_QUALIFIER | KBI_GEO_M_PERSON));
}

static const char *const locative_words[] = {
    "in", "at", "near", "inside", "outside", "across", "throughout",
    "around", "from", NULL};

/* Which mention of a sentence its events happened at: the first one after
 * a locative preposition ("received in Erbil": *locative set), else the
 * first division or city ("Kirkuk province witnessed attacks"), else the
 * first country named as a place; never a demonym, a name used as an
 * adjective ("Iraqi", "US interests") or the complement of a title ("the
 * Prime Minister of the Kurdistan Region"). -1 when none. */
static int32_t event_place(const kb_gazetteer *g, const kbi_sentence *s,
                           const kbi_geo_mention *m, size_t n, int *locative)
{
    int32_t best = -1, rank = 0;
    for (size_t i = 0; i < n; i++) {
        if (!usable(&m[i]))
            continue;
        int r = 1;
        int32_t p = m[i].tok_start - 1;
        if (p >= 0 && s->toks[p].form) {
            char low[16];
            size_t k = 0;
            for (; s->toks[p].form[k] && k + 1 < sizeof low; k++)
                low[k] = (char)((s->toks[p].form[k] >= 'A' &&
                                 s->toks[p].form[k] <= 'Z')
                                    ? s->toks[p].form[k] + 32
                                    : s->toks[p].form[k]);
            low[k] = '\0';
            for (const char *const *w = locative_words; *w; w++)
                if (strcmp(low, *w) == 0)
                    r = 4;
            if (strcmp(low, "of") == 0 ||
                (p > 0 && strcmp(low, "the") == 0 && s->toks[p - 1].upper &&
                 strcmp(s->toks[p - 1].upper, "OF") == 0))
                continue; /* "the Prime Minister of the Kurdistan Region" */
        }
        if (r < 4) {
            kbi_geo_key k;
            uint32_t e;
            int kind;
            kbi_geo_entry en;
            r = 1;
            if (kbi_geo_key_get(g, m[i].key, &k) && k.n > 0 &&
                kbi_geo_key_cand(g, &k, 0, &e, &kind) &&
                kbi_geo_entry_get(g, e, &en) && en.feature != KBI_GEO_COUNTRY)
                r = 2;
            if (m[i].flags & (KBI_GEO_M_DIVISION | KBI_GEO_M_DISTRICT))
                r = 3;
        }
        if (r > rank) {
            rank = r;
            best = (int32_t)i;
        }
    }
    *locative = rank == 4;
    return best;
}

/* Finds the places of sentence si (parsed as s) and keeps them. */
static kb_status find_places(actx *x, int32_t si, const kbi_sentence *s,
                             kbi_arena *sa)
{
    kbi_geo_mention *m = NULL;
    size_t n = 0;
    if (kbi_geo_find(x->c->geo, s, x->text, sa, &m, &n) != KB_OK)
        return KB_ERR_NOMEM;
    kbi_geo_context_add(x->geo, m, n);
    struct splaces *sp = &x->places[si];
    sp->at = event_place(x->c->geo, s, m, n, &sp->locative);
    if (n == 0)
        return KB_OK;
    sp->m = kbi_arena_alloc(&x->out->work, n * sizeof *m);
    if (!sp->m)
        return KB_ERR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        sp->m[i] = m[i];
        sp->m[i].text = kbi_arena_strdup(&x->out->work, m[i].text);
    }
    sp->n = n;
    return x->out->work.failed ? KB_ERR_NOMEM : KB_OK;
}

/* Gives every event its place once the article's context is known: the
 * place of its sentence, else the dateline, else the article's focus. */
static void place_events(actx *x)
{
    kb_place dateline, focus;
    memset(&dateline, 0, sizeof dateline);
    memset(&focus, 0, sizeof focus);
    if (x->geo->has_dateline &&
        kbi_geo_resolve(x->geo, &x->geo->dateline, NULL, 0, &dateline))
        dateline.rule = "dateline";
    if (kbi_geo_focus(x->geo, &focus))
        focus.rule = "focus";
    for (size_t i = 0; i < x->out->n; i++) {
        kb_event *e = &x->out->events[i];
        const struct splaces *sp = &x->places[e->sentence - 1];
        kb_place p;
        int found = 0;
        if (sp->at >= 0 &&
            kbi_geo_resolve(x->geo, &sp->m[sp->at], sp->m, sp->n, &p)) {
            p.rule = sp->locative ? "locative" : "sentence";
            found = 1;
        }
        /* the chosen mention may not resolve (a small town whose country
         * the article never names): any other place of the sentence */
        for (size_t k = 0; !found && k < sp->n; k++)
            if ((int32_t)k != sp->at && usable(&sp->m[k]) &&
                kbi_geo_resolve(x->geo, &sp->m[k], sp->m, sp->n, &p)) {
                p.rule = "sentence";
                found = 1;
            }
        if (found) {
            e->place = p;
        } else if (dateline.name) {
            e->place = dateline;
        } else if (focus.name) {
            e->place = focus;
        }
    }
}

/* A dateline or a lead credit: not coded, but its place, if it names
 * one, is where the article was written. */
static void dateline(actx *x, int32_t si, kbi_arena *sa)
{
    kbi_sentence ds;
    kbi_arena_reset(sa);
    if (x->geo && !x->geo->has_dateline &&
        kbi_pipeline_sentence(x->c->model, &x->doc, si, sa, &ds) == KB_OK)
        kbi_geo_dateline(x->geo, &ds, x->text, &x->out->work);
}

/* Is name a place the gazetteer knows (a name of its own, not only a
 * common word)? */
static int known_place(const actx *x, const char *name)
{
    kbi_geo_key k;
    if (!x->c->geo || !kbi_geo_lookup(x->c->geo, name, strlen(name), &k))
        return 0;
    return !(k.flags & (KBI_GEO_KEY_STOP | KBI_GEO_KEY_COMMON)) && k.n > 0;
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
    if (x->geo && find_places(x, si, &sent, sa) != KB_OK)
        return fail(err, x->a, KB_ERR_NOMEM, "out of memory");
    char *stext = kbi_arena_strndup(&x->out->arena, x->text + se->start,
                                    se->end - se->start);
    char ymd[16], id[300];
    int32_t day;
    kbi_dates dts;
    memset(&dts, 0, sizeof dts);
    st = kbi_dates_find(&sent, x->pub_day, x->anchor, sa, &dts);
    if (st == KB_ERR_NOMEM)
        return fail(err, x->a, st, "out of memory");
    if (st != KB_OK) /* a publication date out of range: no dates */
        memset(&dts, 0, sizeof dts);
    /* the sentence's date (what date-restricted actor codes use): that of
     * its main verb; each event then gets the date of its own verb */
    day = resolve_day(x, kbi_dates_event(&sent, &dts, -1), NULL);
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
    rec.config = &x->config;
    kbi_actor_hook hook = {kbi_entities_hook, x->ents};
    kbi_entities_next_sentence(x->ents);
    kbi_result_clear(tmp);
    kb_error e2;
    st = stext ? kbi_code_sentence_hooked(x->c->dict, &x->config, &rec,
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
    if (!tmp->rejection &&
        kbi_claims(x->c->dict, &sent, x->ents, tmp) != KB_OK)
        return fail(err, x->a, KB_ERR_NOMEM, "out of memory");
    if (x->c->unknown && !tmp->rejection) {
        kb_unknown u;
        memset(&u, 0, sizeof u);
        u.doc_id = x->doc_id;
        u.sentence = (int)si + 1;
        u.sentence_text = stext;
        for (int k = 0; kbi_entities_unknown(x->ents, k, &u.name, &u.code,
                                             &u.evidence);
             k++)
            if (!u.code && known_place(x, u.name))
                continue; /* "Najaf": a place, not an actor to add */
            else
                x->c->unknown(x->c->unknown_user, &u);
    }
    st = take_events(x, tmp, si, stext, &sent, &dts);
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
    x.anchor = -1;
    if (c->config)
        x.config = *c->config;
    else
        kb_config_init(&x.config);
    x.config.clause_sources = 1;
    x.config.embedded_clauses = 1;
    if (!parse_pub_date(a->date, &x.pub_day))
        return fail(err, a, KB_ERR_INVALID,
                    a->date ? "expected a publication date YYYY-MM-DD"
                            : "the article has no date (give one with "
                              "--date YYYY-MM-DD)");
    day_string(x.pub_day, 1, x.pub_date, sizeof x.pub_date);
    x.doc_id = kbi_arena_strdup(&out->arena, a->id ? a->id : "article");
    x.pub_iso = kbi_arena_strdup(&out->arena, x.pub_date);
    x.news_source = a->source ? kbi_arena_strdup(&out->arena, a->source) : NULL;
    x.url = a->url ? kbi_arena_strdup(&out->arena, a->url) : NULL;
    if (!x.doc_id || !x.pub_iso || (a->source && !x.news_source) ||
        (a->url && !x.url))
        return fail(err, a, KB_ERR_NOMEM, "out of memory");
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
    x.credit_end = x.body_start + (uint32_t)kbi_lead_credit(text + x.body_start,
                                                            bl);
    kbi_text_options o = {0, 0, a->file};
    kb_status st = kbi_text_segment(text, n, &o, &out->work, &x.diag, &x.doc);
    if (st != KB_OK)
        return fail(err, a, st, st == KB_ERR_LIMIT ? "article too large"
                                                   : "out of memory");
    /* the sentences of the body, coded or not: the measure of a batch */
    for (int32_t i = 0; i < x.doc.nsents; i++)
        if (x.doc.sents[i].start >= x.credit_end &&
            !(x.doc.sents[i].flags & KBI_TEXT_SENT_DATELINE))
            out->sentences++;
    if (!(c->flags & KB_CODE_ALL_LINES) &&
        kbi_topic_article(text, x.body_start, text + x.body_start,
                          n - x.body_start)) {
        out->rejection = "topic";
        return KB_OK; /* not a political story */
    }
    x.ents = kbi_entities_new(&out->work, c->dict);
    kb_result *tmp = kb_result_new(out->alloc);
    if (!x.ents || !tmp) {
        kb_result_free(tmp);
        return fail(err, a, KB_ERR_NOMEM, "out of memory");
    }
    if (c->geo) {
        x.geo = kbi_arena_alloc(&out->work, sizeof *x.geo);
        x.places = kbi_arena_alloc(&out->work, (size_t)(x.doc.nsents + 1) *
                                                   sizeof *x.places);
        if (!x.geo || !x.places) {
            kb_result_free(tmp);
            return fail(err, a, KB_ERR_NOMEM, "out of memory");
        }
        kbi_geo_context_init(x.geo, c->geo);
        for (int32_t i = 0; i < x.doc.nsents; i++)
            x.places[i].at = -1;
    }
    kbi_arena sa;
    kbi_arena_init(&sa, out->alloc); /* the caller's allocator */
    for (int32_t i = 0; i < x.doc.nsents && st == KB_OK && !out->rejection;
         i++) {
        const kbi_text_sentence *se = &x.doc.sents[i];
        if (se->start >= x.body_start &&
            ((se->flags & KBI_TEXT_SENT_DATELINE) || se->end <= x.credit_end)) {
            dateline(&x, i, &sa); /* "ERBIL (Kurdistan 24) -", "Reuters" */
            continue;
        }
        if (se->start < x.body_start)
            continue; /* the title */
        if (!(c->flags & KB_CODE_ALL_LINES) &&
            kbi_topic_other(text + se->start, se->end - se->start, 1))
            continue; /* a sentence about the game */
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
    if (x.geo)
        place_events(&x);
    if (!(c->flags & KB_CODE_NO_MERGE))
        st = merge_in_article(&x);
    if (st == KB_OK && (out->arena.failed || out->work.failed))
        st = KB_ERR_NOMEM;
    return st == KB_OK ? KB_OK : fail(err, a, st, "out of memory");
}
