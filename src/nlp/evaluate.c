/* evaluate.c - see evaluate.h. */
#include "evaluate.h"

#include <string.h>
#include <time.h>

#include "../base/arena.h"
#include "../base/util.h"
#include "conllu.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int same(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* Universal part of a relation: "nmod:poss" -> "nmod". */
static int same_rel(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    size_t na = strcspn(a, ":"), nb = strcspn(b, ":");
    return na == nb && memcmp(a, b, na) == 0;
}

double kbi_eval_pct(size_t a, size_t b)
{
    return b ? 100.0 * (double)a / (double)b : 0.0;
}

kb_status kbi_eval_conllu(const char *gold_path, const kbi_tagger *t,
                          kbi_parse_fn parse, void *parse_user,
                          kbi_diag *diag, kbi_eval_result *out,
                          kb_error *err)
{
    memset(out, 0, sizeof *out);
    kbi_arena a, scratch;
    kbi_arena_init(&a, NULL);
    kbi_arena_init(&scratch, NULL);
    kbi_conllu_sent *gold;
    size_t n;
    kbi_diag d0 = {0};
    if (!diag)
        diag = &d0;
    size_t before = diag->count;
    kb_status st = kbi_conllu_read_file(gold_path, &a, diag, &gold, &n, err);
    if (st != KB_OK) {
        kbi_arena_free(&a);
        return st;
    }
    out->skipped = diag->count - before;
    /* the system's copies: forms only */
    kbi_sentence *sys = kbi_arena_alloc(&a, (n + 1) * sizeof *sys);
    for (size_t k = 0; sys && k < n; k++) {
        const kbi_sentence *g = &gold[k].s;
        sys[k].ntoks = g->ntoks;
        sys[k].toks = kbi_arena_alloc(&a, (size_t)g->ntoks * sizeof *g->toks);
        if (!sys[k].toks) {
            sys = NULL;
            break;
        }
        for (int32_t i = 0; i < g->ntoks; i++) {
            kbi_token *s = &sys[k].toks[i];
            s->form = g->toks[i].form;
            s->upper = g->toks[i].upper;
            s->head = -1;
            if (!t) {
                s->xpos = g->toks[i].xpos;
                s->upos = g->toks[i].upos;
            }
        }
    }
    if (!sys) {
        kbi_arena_free(&a);
        kbi_error_set(err, KB_ERR_NOMEM, gold_path, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    if (t) {
        double t0 = now();
        for (size_t k = 0; k < n; k++) {
            kbi_arena_reset(&scratch);
            kbi_tagger_tag(t, &sys[k], &scratch);
        }
        out->tag_seconds = now() - t0;
        out->tagged = 1;
    }
    if (parse) {
        double t0 = now();
        for (size_t k = 0; k < n; k++) {
            kbi_arena_reset(&scratch);
            parse(parse_user, &sys[k], &scratch);
        }
        out->parse_seconds = now() - t0;
        out->parsed = 1;
    }
    for (size_t k = 0; k < n; k++) {
        const kbi_sentence *g = &gold[k].s;
        out->sentences++;
        for (int32_t i = 0; i < g->ntoks; i++) {
            const kbi_token *gt = &g->toks[i], *st2 = &sys[k].toks[i];
            int x = same(gt->xpos, st2->xpos), u = same(gt->upos, st2->upos);
            out->tokens++;
            out->xpos += (size_t)x;
            out->upos += (size_t)u;
            out->both += (size_t)(x && u);
            if (parse && gt->head == st2->head) {
                out->uas++;
                out->las += (size_t)same_rel(gt->deprel, st2->deprel);
            }
        }
    }
    kbi_arena_free(&scratch);
    kbi_arena_free(&a);
    return KB_OK;
}

/* ---- raw text ------------------------------------------------------------ */

double kbi_eval_f1(size_t ok, size_t gold, size_t sys)
{
    return gold + sys ? 200.0 * (double)ok / (double)(gold + sys) : 0.0;
}

size_t kbi_eval_align(const kbi_span *gold, size_t ngold, const kbi_span *sys,
                      size_t nsys, int32_t *map)
{
    size_t i = 0, j = 0, ok = 0;
    while (j < nsys) {
        const kbi_span *g = i < ngold ? &gold[i] : NULL, *s = &sys[j];
        if (g && g->start == s->start && g->end == s->end) {
            if (map)
                map[j] = (int32_t)i;
            ok++;
            i++;
            j++;
        } else if (g && (g->start < s->start ||
                         (g->start == s->start && g->end < s->end))) {
            i++; /* gold unit missed */
        } else {
            if (map)
                map[j] = -1; /* system unit with no gold twin */
            j++;
        }
    }
    return ok;
}

kb_status kbi_eval_score_doc(const kbi_eval_doc *gold, const kbi_eval_doc *sys,
                             kbi_eval_counts *c)
{
    c->gold_toks += gold->ntoks;
    c->sys_toks += sys->ntoks;
    c->ok_toks += kbi_eval_align(gold->toks, gold->ntoks, sys->toks,
                                 sys->ntoks, NULL);
    c->gold_sents += gold->nsents;
    c->sys_sents += sys->nsents;
    c->ok_sents += kbi_eval_align(gold->sents, gold->nsents, sys->sents,
                                  sys->nsents, NULL);
    c->gold_words += gold->nwords;
    c->sys_words += sys->nwords;
    if (!gold->ann || !sys->ann || !sys->nwords) {
        c->ok_words += kbi_eval_align(gold->words, gold->nwords, sys->words,
                                      sys->nwords, NULL);
        return KB_OK;
    }
    int32_t *map = kbi_realloc(NULL, NULL, 0, sys->nwords * sizeof *map);
    if (!map)
        return KB_ERR_NOMEM;
    c->ok_words += kbi_eval_align(gold->words, gold->nwords, sys->words,
                                  sys->nwords, map);
    for (size_t j = 0; j < sys->nwords; j++) {
        if (map[j] < 0)
            continue;
        const kbi_token *g = &gold->ann[map[j]], *s = &sys->ann[j];
        int u = same(g->upos, s->upos), x = same(g->xpos, s->xpos);
        c->upos += (size_t)u;
        c->xpos += (size_t)x;
        c->both += (size_t)(u && x);
        int32_t sh = s->head, gh = g->head;
        int head_ok = sh < 0 ? gh < 0
                             : (size_t)sh < sys->nwords && map[sh] >= 0 &&
                                   map[sh] == gh;
        if (head_ok) {
            c->uas++;
            c->las += (size_t)same_rel(g->deprel, s->deprel);
        }
    }
    kbi_free(NULL, map, sys->nwords * sizeof *map);
    return KB_OK;
}

/* Does a comment of cs start with key ("newdoc", "newpar")? */
static int has_comment(const kbi_conllu_sent *cs, const char *key)
{
    size_t n = strlen(key);
    for (int32_t i = 0; i < cs->ncomments; i++) {
        const char *c = cs->comments[i];
        while (*c == ' ')
            c++;
        if (strncmp(c, key, n) == 0)
            return 1;
    }
    return 0;
}

/* The multiword token starting at word i, or NULL; *m walks cs->mwts. */
static const kbi_conllu_mwt *mwt_at(const kbi_conllu_sent *cs, int32_t i,
                                    int32_t *m)
{
    while (*m < cs->nmwts && cs->mwts[*m].first < i)
        (*m)++;
    if (*m < cs->nmwts && cs->mwts[*m].first == i &&
        cs->mwts[*m].last >= i && cs->mwts[*m].last < cs->s.ntoks)
        return &cs->mwts[*m];
    return NULL;
}

static const char *form_of(const char *f)
{
    return f ? f : "";
}

/* The sentence's text: "# text", else the surface tokens with a space
 * unless SpaceAfter=No. Writes it to dst when not NULL; returns its
 * length. Sets *space_after to whether the last surface token has one. */
static size_t sent_text(const kbi_conllu_sent *cs, char *dst, int *space_after)
{
    size_t n = 0;
    int32_t m = 0;
    *space_after = 1;
    for (int32_t i = 0; i < cs->s.ntoks;) {
        const kbi_conllu_mwt *w = mwt_at(cs, i, &m);
        const char *f = form_of(w ? w->form : cs->s.toks[i].form);
        int sp = w ? w->space_after : cs->extra[i].space_after;
        i = w ? w->last + 1 : i + 1;
        *space_after = sp;
        if (cs->text)
            continue;
        size_t fl = strlen(f);
        if (dst)
            memcpy(dst + n, f, fl);
        n += fl;
        if (sp && i < cs->s.ntoks) {
            if (dst)
                dst[n] = ' ';
            n++;
        }
    }
    if (cs->text) {
        n = strlen(cs->text);
        if (dst)
            memcpy(dst, cs->text, n);
    }
    return n;
}

/* Finds form at the cursor (after whitespace) or, failing that, within the
 * next 200 bytes (forms whose spaces were removed); (size_t)-1 if not. */
static size_t find_form(const char *t, size_t tl, size_t c, const char *f,
                        size_t n)
{
    while (c < tl && kbi_isspace((unsigned char)t[c]))
        c++;
    if (c + n <= tl && memcmp(t + c, f, n) == 0)
        return c;
    size_t lim = tl < c + 200 ? tl : c + 200;
    for (size_t k = c + 1; k + n <= lim; k++)
        if (memcmp(t + k, f, n) == 0)
            return k;
    return (size_t)-1;
}

static int same_ci(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (kbi_toupper((unsigned char)a[i]) != kbi_toupper((unsigned char)b[i]))
            return 0;
    return 1;
}

static void put_span(kbi_span *v, size_t *n, size_t s, size_t e)
{
    v[*n].start = (uint32_t)s;
    v[*n].end = (uint32_t)e;
    (*n)++;
}

/* One gold document from sentences ss[0, n). */
static kb_status gold_doc(const kbi_conllu_sent *ss, size_t n, kbi_arena *a,
                          kbi_eval_gold *g, kbi_eval_doc *d)
{
    memset(d, 0, sizeof *d);
    size_t len = 0, nwords = 0, ntoks = 0;
    int sp;
    for (size_t k = 0; k < n; k++) {
        len += sent_text(&ss[k], NULL, &sp) + 2;
        nwords += (size_t)ss[k].s.ntoks;
        ntoks += (size_t)ss[k].s.ntoks; /* at least one word per token */
    }
    if (len > KBI_TEXT_MAX_INPUT)
        return KB_ERR_LIMIT;
    char *text = kbi_arena_alloc(a, len + 1);
    d->words = kbi_arena_alloc(a, (nwords + 1) * sizeof *d->words);
    d->ann = kbi_arena_alloc(a, (nwords + 1) * sizeof *d->ann);
    d->toks = kbi_arena_alloc(a, (ntoks + 1) * sizeof *d->toks);
    d->sents = kbi_arena_alloc(a, (n + 1) * sizeof *d->sents);
    if (!text || !d->words || !d->ann || !d->toks || !d->sents)
        return KB_ERR_NOMEM;
    size_t tl = 0;
    int no_space = 0;
    for (size_t k = 0; k < n; k++) {
        const kbi_conllu_sent *cs = &ss[k];
        if (tl) {
            if (has_comment(cs, "newpar")) {
                text[tl++] = '\n';
                text[tl++] = '\n';
            } else if (!no_space) {
                text[tl++] = ' ';
            }
        }
        size_t cursor = tl;
        tl += sent_text(cs, text + tl, &sp);
        text[tl] = '\0';
        no_space = !sp;
        size_t first_tok = d->ntoks, base = d->nwords;
        int32_t m = 0;
        for (int32_t i = 0; i < cs->s.ntoks;) {
            const kbi_conllu_mwt *w = mwt_at(cs, i, &m);
            const char *f = form_of(w ? w->form : cs->s.toks[i].form);
            size_t fl = strlen(f), at = find_form(text, tl, cursor, f, fl);
            size_t s = cursor, e = cursor;
            if (at == (size_t)-1) {
                g->not_found++;
            } else {
                s = at;
                e = cursor = at + fl;
            }
            put_span(d->toks, &d->ntoks, s, e);
            if (!w) {
                put_span(d->words, &d->nwords, s, e);
                i++;
                continue;
            }
            /* the words of a multiword token: parts of its span */
            size_t pos = s;
            for (; i <= w->last; i++) {
                const char *wf = form_of(cs->s.toks[i].form);
                size_t wl = strlen(wf);
                if (at != (size_t)-1 && pos + wl <= e &&
                    same_ci(text + pos, wf, wl)) {
                    put_span(d->words, &d->nwords, pos, pos + wl);
                    pos += wl;
                } else {
                    if (at != (size_t)-1)
                        g->mwt_unsplit++;
                    put_span(d->words, &d->nwords, pos, e);
                    pos = e;
                }
            }
        }
        for (int32_t i = 0; i < cs->s.ntoks; i++) {
            const kbi_token *t = &cs->s.toks[i];
            kbi_token *x = &d->ann[base + (size_t)i];
            *x = *t;
            x->head = t->head >= 0 && t->head < cs->s.ntoks
                          ? (int32_t)base + t->head
                          : -1;
        }
        if (d->ntoks > first_tok)
            put_span(d->sents, &d->nsents, d->toks[first_tok].start,
                     d->toks[d->ntoks - 1].end);
    }
    d->text = text;
    d->len = tl;
    return KB_OK;
}

kb_status kbi_eval_gold_read(const char *path, kbi_arena *a, kbi_diag *diag,
                             kbi_eval_gold *out, kb_error *err)
{
    memset(out, 0, sizeof *out);
    kbi_diag d0 = {0};
    if (!diag)
        diag = &d0;
    size_t before = diag->count, n;
    kbi_conllu_sent *ss;
    kb_status st = kbi_conllu_read_file(path, a, diag, &ss, &n, err);
    if (st != KB_OK)
        return st;
    out->skipped = diag->count - before;
    out->sentences = n;
    size_t ndocs = 0;
    for (size_t k = 0; k < n; k++)
        ndocs += k == 0 || has_comment(&ss[k], "newdoc");
    out->docs = kbi_arena_alloc(a, (ndocs + 1) * sizeof *out->docs);
    if (!out->docs) {
        kbi_error_set(err, KB_ERR_NOMEM, path, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    for (size_t k = 0; k < n;) {
        size_t k1 = k + 1;
        while (k1 < n && !has_comment(&ss[k1], "newdoc"))
            k1++;
        st = gold_doc(ss + k, k1 - k, a, out, &out->docs[out->ndocs++]);
        if (st != KB_OK) {
            if (st == KB_ERR_LIMIT)
                kbi_error_set(err, st, path, ss[k].line, 0,
                              "document text over %zu bytes",
                              KBI_TEXT_MAX_INPUT);
            else
                kbi_error_set(err, st, path, 0, 0, "out of memory");
            return st;
        }
        k = k1;
    }
    return KB_OK;
}

kb_status kbi_eval_sys_doc(const kbi_text_doc *d, kbi_arena *a,
                           kbi_eval_doc *out)
{
    memset(out, 0, sizeof *out);
    size_t nw = d->ntoks > 0 ? (size_t)d->ntoks : 0;
    size_t ns = d->nsents > 0 ? (size_t)d->nsents : 0;
    out->words = kbi_arena_alloc(a, (nw + 1) * sizeof *out->words);
    out->toks = kbi_arena_alloc(a, (nw + 1) * sizeof *out->toks);
    out->sents = kbi_arena_alloc(a, (ns + 1) * sizeof *out->sents);
    if (!out->words || !out->toks || !out->sents)
        return KB_ERR_NOMEM;
    for (size_t i = 0; i < nw; i++) {
        const kbi_text_token *t = &d->toks[i];
        put_span(out->words, &out->nwords, t->start, t->end);
        if ((t->flags & KBI_TEXT_TOK_CLITIC) && out->ntoks)
            out->toks[out->ntoks - 1].end = t->end;
        else
            put_span(out->toks, &out->ntoks, t->start, t->end);
    }
    for (size_t i = 0; i < ns; i++)
        put_span(out->sents, &out->nsents, d->sents[i].start, d->sents[i].end);
    return KB_OK;
}

/* Tags and parses every sentence of td into sd->ann. */
static kb_status analyse_doc(const kbi_eval_raw_config *cfg,
                             const kbi_text_doc *td, kbi_arena *a,
                             kbi_eval_doc *sd, double *seconds)
{
    kbi_token *ann = kbi_arena_alloc(a, (sd->nwords + 1) * sizeof *ann);
    if (!ann)
        return KB_ERR_NOMEM;
    for (size_t w = 0; w < sd->nwords; w++)
        ann[w].head = -1;
    for (int32_t i = 0; i < td->nsents; i++) {
        kbi_sentence s;
        double t0 = now();
        kb_status st = cfg->analyse(cfg->analyse_user, td, i, a, &s);
        *seconds += now() - t0;
        if (st != KB_OK)
            return st;
        int32_t first = td->sents[i].first;
        for (int32_t k = 0; k < s.ntoks && first + k < td->ntoks; k++) {
            const kbi_token *x = &s.toks[k];
            kbi_token *t = &ann[first + k];
            t->form = x->form;
            t->upos = x->upos;
            t->xpos = x->xpos;
            t->deprel = x->deprel;
            t->head = x->head >= 0 && x->head < s.ntoks ? first + x->head : -1;
        }
    }
    sd->ann = ann;
    return KB_OK;
}

kb_status kbi_eval_conllu_raw(const char *gold_path,
                              const kbi_eval_raw_config *cfg, kbi_diag *diag,
                              kbi_eval_raw_result *out, kb_error *err)
{
    memset(out, 0, sizeof *out);
    kbi_arena a, da;
    kbi_arena_init(&a, NULL);
    kbi_arena_init(&da, NULL);
    kbi_eval_gold g;
    kb_status st = kbi_eval_gold_read(gold_path, &a, diag, &g, err);
    out->docs = g.ndocs;
    out->sentences = g.sentences;
    out->skipped = g.skipped;
    out->not_found = g.not_found;
    out->mwt_unsplit = g.mwt_unsplit;
    out->analysed = cfg->analyse != NULL;
    for (size_t k = 0; st == KB_OK && k < g.ndocs; k++) {
        const kbi_eval_doc *gd = &g.docs[k];
        kbi_arena_reset(&da);
        kbi_text_doc td;
        double t0 = now();
        st = kbi_text_segment(gd->text, gd->len, cfg->text, &da, diag, &td);
        out->segment_seconds += now() - t0;
        out->bytes += gd->len;
        kbi_eval_doc sd;
        if (st == KB_OK)
            st = kbi_eval_sys_doc(&td, &da, &sd);
        if (st == KB_OK && cfg->analyse)
            st = analyse_doc(cfg, &td, &da, &sd, &out->analyse_seconds);
        if (st == KB_OK)
            st = kbi_eval_score_doc(gd, &sd, &out->c);
        if (st != KB_OK) {
            kbi_error_set(err, st, gold_path, 0, 0,
                          "document %zu: %s", k + 1, kb_status_str(st));
            break;
        }
        if (cfg->on_doc)
            cfg->on_doc(cfg->on_doc_user, gd, &sd);
    }
    kbi_arena_free(&da);
    kbi_arena_free(&a);
    return st;
}
