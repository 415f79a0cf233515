/* coder.c - coding one sentence: discard check, parse, stream, comma
 * clauses, actor codes, then the verb scan (TABARI spec §7.5-7.10): each
 * verb phrase headed by a dictionary verb gets a code from the first
 * matching pattern of its block (or the verb's default), a source and a
 * target, and becomes events. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../base/error.h"
#include "../base/util.h"
#include "../dict/discards.h"
#include "../dict/issues.h"
#include "../nlp/pipeline.h"
#include "coder.h"
#include "result.h"

typedef struct coder {
    const kb_dict *d;
    const kb_config *cfg;
    kbi_stream *st;
    kb_result *out;
    kbi_sel *up, *lo;  /* sequence buffers, st->n elements each */
    int nup, nlo;
    int failed;
} coder;

static int live(const kbi_item *it) { return !it->deleted; }

static int is_top_comma(const kbi_item *it)
{
    return it->kind == KBI_IT_WORD && it->ne < 0 && it->tag &&
           strcmp(it->tag, ",") == 0;
}

/* Next / previous live item from i (exclusive), -1 if none. */
static int32_t next_live(const kbi_stream *st, int32_t i)
{
    for (i++; i < st->n; i++)
        if (live(&st->items[i]))
            return i;
    return -1;
}

static int32_t next_word(const kbi_stream *st, int32_t i, int32_t end)
{
    for (i++; i < end; i++)
        if (live(&st->items[i]) && st->items[i].kind == KBI_IT_WORD)
            return i;
    return -1;
}

static int32_t prev_word(const kbi_stream *st, int32_t i)
{
    for (i--; i >= 0; i--)
        if (live(&st->items[i]) && st->items[i].kind == KBI_IT_WORD)
            return i;
    return -1;
}

static int to_sel(const kbi_item *it, int32_t idx, kbi_sel *x)
{
    x->word = NULL;
    x->ne = it->ne;
    x->nec = it->nec;
    x->item = idx;
    switch (it->kind) {
    case KBI_IT_WORD: x->kind = KBI_SEL_WORD; x->word = it->text; return 1;
    case KBI_IT_NE: x->kind = KBI_SEL_NE; return 1;
    case KBI_IT_NE_END: x->kind = KBI_SEL_NE_END; return 1;
    case KBI_IT_NEC: x->kind = KBI_SEL_NEC; return 1;
    case KBI_IT_NEC_END: x->kind = KBI_SEL_NEC_END; return 1;
    default: return 0;
    }
}

/* §7.6: upper runs from `from` back to the start or the nearest comma;
 * lower runs from `from` to `end` (exclusive). */
static void sequences(coder *c, int32_t up_from, int32_t lo_from,
                      int32_t lo_end)
{
    const kbi_stream *st = c->st;
    c->nup = c->nlo = 0;
    for (int32_t i = up_from; i >= 0; i--) {
        const kbi_item *it = &st->items[i];
        if (!live(it))
            continue;
        if (is_top_comma(it))
            break;
        if (c->cfg->clause_sources && it->kind == KBI_IT_WORD &&
            it->tag && strcmp(it->tag, "IN") == 0 &&
            strcmp(it->text, "THAT") == 0 && c->nup > 0)
            break; /* the complementizer of the verb's clause */
        if (to_sel(it, i, &c->up[c->nup]))
            c->nup++;
    }
    for (int32_t i = lo_from; i < lo_end && i < st->n; i++) {
        const kbi_item *it = &st->items[i];
        if (live(it) && to_sel(it, i, &c->lo[c->nlo]))
            c->nlo++;
    }
}

/* ---- verb sites ------------------------------------------------------- */

static int is_vb(const char *tag) { return tag && tag[0] == 'V' && tag[1] == 'B'; }

/* §7.5 step 1: returns the VBN item that makes VP `vp` passive, or -1. */
static int32_t passive_verb(const kbi_stream *st, int32_t vp, int32_t head)
{
    int32_t end = st->items[vp].match;
    int32_t vbn = -1;
    for (int32_t i = head + 1; i < end; i++) {
        const kbi_item *it = &st->items[i];
        if (live(it) && it->kind == KBI_IT_WORD && it->tag &&
            strcmp(it->tag, "VBN") == 0) {
            vbn = i;
            break;
        }
    }
    if (vbn < 0)
        return -1;
    int by = 0, aux = 0;
    for (int32_t i = vbn + 1; i < end && !by; i++)
        by = live(&st->items[i]) && st->items[i].kind == KBI_IT_WORD &&
             strcmp(st->items[i].text, "BY") == 0;
    for (int32_t i = vp; i < vbn && !aux; i++) {
        const kbi_item *it = &st->items[i];
        aux = live(it) && it->kind == KBI_IT_WORD && is_vb(it->tag) &&
              (!strcmp(it->text, "WAS") || !strcmp(it->text, "IS") ||
               !strcmp(it->text, "BEEN"));
    }
    return by && aux ? vbn : -1;
}

/* Which reading of the verb at item v fits the words around it (§7.5
 * step 3). Sets *first / *last to the outermost particle items. */
static const kbi_reading *pick_reading(const coder *c, const kbi_vform *f,
                                       int32_t v, int32_t *first,
                                       int32_t *last)
{
    const kbi_stream *st = c->st;
    for (int32_t r = 0; r < f->nreadings; r++) {
        const kbi_reading *rd = &c->d->verbs.readings[f->readings[r]];
        int32_t a = v, b = v;
        int ok = 1;
        for (int32_t k = rd->nbefore - 1; k >= 0 && ok; k--) {
            a = prev_word(st, a);
            ok = a >= 0 && strcmp(st->items[a].text, rd->before[k]) == 0;
        }
        for (int32_t k = 0; k < rd->nafter && ok; k++) {
            b = next_word(st, b, st->n);
            ok = b >= 0 && strcmp(st->items[b].text, rd->after[k]) == 0;
        }
        if (ok) {
            *first = a;
            *last = b;
            return rd;
        }
    }
    return NULL;
}

/* ---- choosing source and target (§7.9) -------------------------------- */

static const char *ne_code(const coder *c, int32_t ne)
{
    return c->st->nes[ne].code;
}

static int is_null(const char *code) { return strncmp(code, "---", 3) == 0; }

static void default_source(const coder *c, kbi_assign *as)
{
    for (int pass = 0; pass < 2 && as->src < 0; pass++)
        for (int i = c->nup - 1; i >= 0; i--) {
            const kbi_sel *x = &c->up[i];
            if (pass == 0 && x->kind == KBI_SEL_NEC) {
                as->src = x->nec;
                as->src_nec = 1;
                return;
            }
            if (x->kind == KBI_SEL_NE &&
                (pass == 1 || !is_null(ne_code(c, x->ne)))) {
                as->src = x->ne;
                as->src_nec = 0;
                return;
            }
        }
}

static int coded_other(const coder *c, const kbi_sel *x, const char *srccode)
{
    if (x->kind == KBI_SEL_NEC)
        return 1;
    if (x->kind != KBI_SEL_NE)
        return 0;
    const char *code = ne_code(c, x->ne);
    return !is_null(code) && (!srccode || strcmp(code, srccode) != 0);
}

/* Does the phrase starting at lo[i] follow a preposition of place ("an
 * advance into a Baghdad suburb", "positions in the Iraqi city of
 * Najaf")? */
static int after_place(const coder *c, int i)
{
    static const char *const place[] = {
        "IN", "INTO", "NEAR", "AT", "OUTSIDE", "INSIDE", "ACROSS", "AROUND",
        "THROUGHOUT", "ALONG", "WITHIN", NULL};
    for (int j = i - 1; j >= 0; j--) {
        const kbi_sel *x = &c->lo[j];
        if (x->kind == KBI_SEL_WORD)
            return kbi_in_list(x->word, place);
    }
    return 0;
}

static void default_target(const coder *c, kbi_assign *as)
{
    const char *sc = as->src >= 0 && !as->src_nec ? ne_code(c, as->src) : NULL;
    const kbi_sel *hit = NULL;
    /* Khabar's departure from the TABARI rule (the first coded phrase
     * after the verb, else the first uncoded one): a phrase that names
     * only an agent ("50 Shi'ite militiamen", ---UAF) is the target when
     * the first coded phrase after it is only a place ("in a Baghdad
     * suburb") */
    for (int i = 0; i < c->nlo && !hit; i++) {
        const kbi_sel *x = &c->lo[i];
        if (coded_other(c, x, sc)) {
            if (!after_place(c, i))
                break;
            for (int j = 0; j < i && !hit; j++) {
                const kbi_sel *y = &c->lo[j];
                if (y->kind == KBI_SEL_NE && is_null(ne_code(c, y->ne)) &&
                    ne_code(c, y->ne)[3] != '\0')
                    hit = y;
            }
            break;
        }
    }
    for (int i = 0; i < c->nlo && !hit; i++)
        if (coded_other(c, &c->lo[i], sc))
            hit = &c->lo[i];
    for (int i = 0; i < c->nlo && !hit; i++)
        if (c->lo[i].kind == KBI_SEL_NE && is_null(ne_code(c, c->lo[i].ne)))
            hit = &c->lo[i];
    for (int i = 0; i < c->nup && !hit; i++)
        if (coded_other(c, &c->up[i], sc))
            hit = &c->up[i];
    for (int i = 0; i < c->nup && !hit; i++) {
        const kbi_sel *x = &c->up[i];
        if (x->kind == KBI_SEL_NE && is_null(ne_code(c, x->ne)) &&
            !(as->src == x->ne && !as->src_nec))
            hit = x;
    }
    if (!hit)
        return;
    as->tgt_nec = hit->kind == KBI_SEL_NEC;
    as->tgt = as->tgt_nec ? hit->nec : hit->ne;
}

/* ---- events (§7.10) --------------------------------------------------- */

enum { MAX_SIDE = 64 };

typedef struct side {
    const char *code[MAX_SIDE];
    int32_t ne[MAX_SIDE];
    int n;
} side;

static void side_add(coder *c, side *s, const char *code, int32_t ne)
{
    /* "A/B/C" codes stand for several actors */
    const char *p = code;
    while (s->n < MAX_SIDE) {
        const char *q = strchr(p, '/');
        size_t len = q ? (size_t)(q - p) : strlen(p);
        const char *part = q || p != code
                               ? kbi_arena_strndup(&c->out->work, p, len)
                               : code;
        if (!part) {
            c->failed = 1;
            return;
        }
        s->code[s->n] = part;
        s->ne[s->n++] = ne;
        if (!q)
            break;
        p = q + 1;
    }
}

static const char *quoted_or_null(coder *c, int32_t ne)
{
    const kbi_ne *e = &c->st->nes[ne];
    if (strcmp(e->code, "---") != 0 || c->cfg->new_actor_length <= 0 ||
        e->nwords > c->cfg->new_actor_length)
        return e->code;
    size_t n = strlen(e->text);
    char *q = kbi_arena_alloc(&c->out->work, n + 3);
    if (!q) {
        c->failed = 1;
        return e->code;
    }
    q[0] = '"';
    memcpy(q + 1, e->text, n);
    q[n + 1] = '"';
    return q;
}

static void expand(coder *c, int32_t who, int nec, side *s)
{
    s->n = 0;
    if (!nec) {
        side_add(c, s, quoted_or_null(c, who), who);
        return;
    }
    const kbi_nec *k = &c->st->necs[who];
    for (int32_t i = 0; i < k->nne; i++) {
        int32_t ne = k->first_ne + i;
        const char *code = quoted_or_null(c, ne);
        if (strcmp(code, "---") != 0)
            side_add(c, s, code, ne);
    }
    if (s->n == 0) {
        s->code[0] = "---";
        s->ne[0] = k->nne ? k->first_ne : -1;
        s->n = 1;
    }
}

typedef struct verb_ctx {
    int32_t verb_item;
    const char *code;
    const kbi_pattern *pat;
    int passive;
    int voice_code; /* the code came from a PETRARCH-2 [active:passive] */
} verb_ctx;

static int same_event(const kb_event *e, const char *s, const char *t,
                      const char *code)
{
    return !strcmp(e->source, s) && !strcmp(e->target, t) &&
           !strcmp(e->code, code);
}

static const char *entry_of(const coder *c, int32_t ne)
{
    return ne >= 0 && c->st->nes[ne].entry ? c->st->nes[ne].entry : NULL;
}

static const char *text_of(const coder *c, int32_t ne)
{
    return ne >= 0 ? c->st->nes[ne].text : "";
}

static void emit_event(coder *c, const verb_ctx *v, const side *a, int ia,
                       const side *b, int ib, const char *code)
{
    const char *s = a->code[ia], *t = b->code[ib];
    int32_t sne = a->ne[ia], tne = b->ne[ib];
    if (!code[0] || strcmp(s, t) == 0)
        return;
    /* passive voice: the subject is the target ("X was attacked by Y"),
     * except under PETRARCH-2's [active:passive] codes, whose passive code
     * is written for the subject as source */
    if (v->passive && !v->voice_code) {
        const char *x = s;
        s = t, t = x;
        int32_t y = sne;
        sne = tne, tne = y;
    }
    if (c->cfg->require_dyad && (!strcmp(s, "---") || !strcmp(t, "---")))
        return;
    for (size_t i = 0; i < c->out->n; i++)
        if (same_event(&c->out->events[i], s, t, code))
            return;
    kb_event *e = kbi_result_add(c->out);
    kbi_arena *ar = &c->out->arena;
    if (!e) {
        c->failed = 1;
        return;
    }
    e->source = kbi_arena_strdup(ar, s);
    e->target = kbi_arena_strdup(ar, t);
    e->code = kbi_arena_strdup(ar, code);
    e->source_text = kbi_arena_strdup(ar, text_of(c, sne));
    e->target_text = kbi_arena_strdup(ar, text_of(c, tne));
    const kbi_item *vi = &c->st->items[v->verb_item];
    e->verb = kbi_arena_strdup(ar, vi->text);
    kbi_result_set_token(c->out, c->out->n - 1, vi->tok);
    e->pattern = v->pat ? v->pat->text : NULL;
    e->pattern_file = v->pat ? v->pat->file : NULL;
    e->pattern_line = v->pat ? v->pat->line : 0;
    const char *se = entry_of(c, sne), *te = entry_of(c, tne);
    e->source_entry = se ? kbi_arena_strdup(ar, se) : NULL;
    e->target_entry = te ? kbi_arena_strdup(ar, te) : NULL;
    e->issues = "";
    if (!e->source || !e->target || !e->code || !e->source_text ||
        !e->target_text || !e->verb || (se && !e->source_entry) ||
        (te && !e->target_entry))
        c->failed = 1;
}

static void build_events(coder *c, const verb_ctx *v, const kbi_assign *as)
{
    side src, tgt;
    expand(c, as->src, as->src_nec, &src);
    expand(c, as->tgt, as->tgt_nec, &tgt);
    const char *colon = strchr(v->code, ':');
    if (!colon) {
        for (int i = 0; i < src.n; i++)
            for (int j = 0; j < tgt.n; j++)
                emit_event(c, v, &src, i, &tgt, j, v->code);
        return;
    }
    char x[64], y[64];
    snprintf(x, sizeof x, "%.*s", (int)(colon - v->code), v->code);
    snprintf(y, sizeof y, "%s", colon + 1);
    if (c->d->verbs.dialect == 2) {
        /* PETRARCH-2: [active:passive] */
        const char *code = v->passive ? y : x;
        verb_ctx vv = *v;
        vv.voice_code = 1;
        v = &vv;
        for (int i = 0; i < src.n; i++)
            for (int j = 0; j < tgt.n; j++)
                emit_event(c, v, &src, i, &tgt, j, code);
        return;
    }
    if (is_null(tgt.code[0]))
        tgt = src;
    else if (is_null(src.code[0]))
        src = tgt;
    for (int i = 0; i < src.n; i++)
        for (int j = 0; j < tgt.n; j++) {
            emit_event(c, v, &src, i, &tgt, j, x);
            emit_event(c, v, &tgt, j, &src, i, y);
        }
}

/* ---- the verb scan ---------------------------------------------------- */

static void scan_range(coder *c, int32_t from, int32_t to, int depth);

/* Does the clause of the SBAR whose items are [from, to) name its own
 * subject: (SBAR (IN after) (S (NP France) (VP ...)))? Relative clauses
 * ((S (VP ...)) after WHNP) and gerunds ("after learning of ...") do
 * not. */
static int has_subject(const kbi_stream *st, int32_t from, int32_t to)
{
    for (int32_t i = from; i < to; i++) {
        const kbi_item *it = &st->items[i];
        if (!live(it))
            continue;
        if (it->kind == KBI_IT_OPEN && !strcmp(it->text, "S")) {
            int32_t k = next_live(st, i);
            while (k >= 0 && k < to && st->items[k].kind == KBI_IT_NEC)
                k = next_live(st, k);
            if (k < 0 || k >= to)
                return 0;
            const kbi_item *x = &st->items[k];
            return x->kind == KBI_IT_NE ||
                   (x->kind == KBI_IT_OPEN && !strcmp(x->text, "NP"));
        }
        if (it->kind == KBI_IT_OPEN && strcmp(it->text, "WHNP") != 0 &&
            strcmp(it->text, "WHADVP") != 0)
            return 0; /* something else before the clause */
    }
    return 0;
}

/* With cfg->embedded_clauses: the subordinate clauses (SBAR) with a
 * subject of their own inside the verb phrase [vp, vend), which the scan
 * passes over once it has read the verb, are scanned too when the verb
 * gave no event (16 levels at most). */
static void scan_clauses(coder *c, int32_t vp, int32_t vend, int depth)
{
    const kbi_stream *st = c->st;
    if (!c->cfg->embedded_clauses || depth >= 16)
        return;
    for (int32_t j = vp + 1; j < vend && j < st->n && !c->failed; j++) {
        const kbi_item *it = &st->items[j];
        if (live(it) && it->kind == KBI_IT_OPEN && !strcmp(it->text, "SBAR") &&
            it->match > j && it->match <= vend) {
            if (has_subject(st, j + 1, it->match))
                scan_range(c, j + 1, it->match, depth + 1);
            j = it->match;
        }
    }
}

/* Codes the verb site at VP item vp; returns the item to continue from. */
static int32_t code_site(coder *c, int32_t vp, int32_t head, int depth)
{
    const kbi_stream *st = c->st;
    int32_t vend = st->items[vp].match;
    int32_t verb = passive_verb(st, vp, head);
    int passive = verb >= 0;
    if (!passive)
        verb = head;
    const kbi_vform *f = kbi_verbs_lookup(c->d, st->items[verb].text);
    if (!f || f->nreadings == 0)
        return vp + 1;
    int32_t first = verb, last = verb;
    const kbi_reading *rd = pick_reading(c, f, verb, &first, &last);
    if (!rd)
        return vp + 1;
    sequences(c, first - 1, last + 1, vend);
    verb_ctx v = {verb, NULL, NULL, passive, 0};
    kbi_assign as = {-1, -1, 0, 0};
    const kbi_block *b = &c->d->verbs.blocks[rd->block];
    for (int32_t i = 0; i < b->npatterns; i++) {
        const kbi_pattern *p = &c->d->verbs.patterns[b->first_pattern + i];
        kbi_assign try = {-1, -1, 0, 0};
        if (strcmp(p->code, "---") == 0)
            continue;
        if (kbi_match_side(c->d, p->upper, p->nupper, c->up, c->nup, 1, &try) &&
            kbi_match_side(c->d, p->lower, p->nlower, c->lo, c->nlo, 0, &try)) {
            v.code = p->code;
            v.pat = p;
            as = try;
            break;
        }
    }
    if (!v.code && strcmp(rd->code, "---") != 0)
        v.code = rd->code;
    if (!v.code)
        return vp + 1;
    if (as.src < 0)
        default_source(c, &as);
    if (as.src >= 0 && as.tgt < 0)
        default_target(c, &as);
    size_t before = c->out->n;
    if (as.src >= 0 && as.tgt >= 0)
        build_events(c, &v, &as);
    if (c->out->n == before)
        scan_clauses(c, vp, vend, depth); /* no event from this verb */
    return vend + 1;
}

/* Codes the verb sites of items [from, to). */
static void scan_range(coder *c, int32_t from, int32_t to, int depth)
{
    const kbi_stream *st = c->st;
    int32_t i = from;
    while (i < to && i < st->n && !c->failed) {
        const kbi_item *it = &st->items[i];
        if (live(it) && it->kind == KBI_IT_OPEN && !strcmp(it->text, "VP")) {
            int32_t h = next_live(st, i);
            if (h >= 0 && st->items[h].kind == KBI_IT_WORD &&
                is_vb(st->items[h].tag)) {
                i = code_site(c, i, h, depth);
                continue;
            }
        }
        i++;
    }
}

static void scan(coder *c) { scan_range(c, 0, c->st->n, 0); }

/* ---- the record ------------------------------------------------------- */

static kb_status reject(kb_result *out, const char *why)
{
    out->rejection = why;
    return KB_OK;
}

static kb_status code_sentence(const kb_dict *d, const kb_config *cfg,
                               const kb_record *rec, kbi_sentence *s,
                               int32_t day, const kbi_actor_hook *hook,
                               kb_result *out, kb_error *err);

/* What every record goes through before its parse is read: the discard
 * check on its text, then its date. Returns an error, or KB_OK with *day
 * set (the record may have been rejected: out->rejection). */
static kb_status prepare(const kb_dict *d, const kb_record *rec,
                         kb_result *out, int32_t *day, kb_error *err)
{
    if (rec->text) {
        int k = kbi_discard_match(d, rec->text, strlen(rec->text), NULL);
        if (k)
            return reject(out, k == 2 ? "storydiscard" : "sentencediscard");
    }
    if (!rec->date || !rec->date[0])
        kbi_error_set(err, KB_ERR_INVALID, NULL, rec->line, 0,
                      "the sentence has no date (give one with --date "
                      "YYYY-MM-DD or a '# date =' comment)");
    else if (!kbi_parse_dict_date(rec->date, strlen(rec->date), day))
        kbi_error_set(err, KB_ERR_INVALID, NULL, rec->line, 0,
                      "expected a date YYYYMMDD, got '%s'", rec->date);
    else
        return KB_OK;
    if (err && rec->id)
        snprintf(err->record, sizeof err->record, "%s", rec->id);
    return KB_ERR_INVALID;
}

kb_status kb_code_record(const kb_dict *d, const kb_config *cfg,
                         const kb_record *rec, kb_result *out, kb_error *err)
{
    kbi_result_clear(out);
    out->sentences = 1;
    int32_t day = 0;
    kb_status st = prepare(d, rec, out, &day, err);
    if (st != KB_OK || out->rejection)
        return st;
    if (!rec->parse && rec->parsed)
        return code_sentence(d, cfg, rec, (kbi_sentence *)(uintptr_t)rec->parsed,
                             day, NULL, out, err);
    if (!rec->parse)
        return reject(out, "noparse");
    kbi_sentence s;
    st = kbi_ptb_parse(rec->parse, strlen(rec->parse), "<Parse>", &out->work,
                       &s, err);
    if (st != KB_OK) {
        if (err && rec->id)
            snprintf(err->record, sizeof err->record, "%s", rec->id);
        out->rejection = "bad_input_parse";
        return st;
    }
    return code_sentence(d, cfg, rec, &s, day, NULL, out, err);
}

kb_status kbi_code_sentence_hooked(const kb_dict *d, const kb_config *cfg,
                                   const kb_record *rec, kbi_sentence *s,
                                   const kbi_actor_hook *hook,
                                   kb_result *out, kb_error *err)
{
    int32_t day = 0;
    kb_status st = prepare(d, rec, out, &day, err);
    if (st != KB_OK || out->rejection)
        return st;
    return code_sentence(d, cfg, rec, s, day, hook, out, err);
}

kb_status kbi_code_sentence(const kb_dict *d, const kb_config *cfg,
                            const kb_record *rec, kbi_sentence *s,
                            kb_result *out, kb_error *err)
{
    return kbi_code_sentence_hooked(d, cfg, rec, s, NULL, out, err);
}

/* Everything after the parse: stream, clauses, actors, verbs, events,
 * under cfg (NULL: the record's own options, else the defaults). `out` has
 * been cleared; s lives in out->work. */
static kb_status code_sentence(const kb_dict *d, const kb_config *cfg,
                               const kb_record *rec, kbi_sentence *s,
                               int32_t day, const kbi_actor_hook *hook,
                               kb_result *out, kb_error *err)
{
    kb_config defaults;
    if (!cfg)
        cfg = rec->config;
    if (!cfg) {
        kb_config_init(&defaults);
        cfg = &defaults;
    }
    kbi_stream st;
    kb_status stt = kbi_stream_build(s, &out->work, &st);
    if (stt != KB_OK) {
        kbi_error_set(err, stt, NULL, rec->line, 0, "%s",
                      stt == KB_ERR_LIMIT ? "parse nested too deeply"
                                          : "out of memory");
        return stt;
    }
    if (st.dateline)
        return reject(out, "dateline");
    kbi_stream_delete_commas(&st, cfg);
    stt = kbi_stream_code_actors(&st, d, day);
    if (stt == KB_OK && hook)
        stt = hook->fn(hook->user, &st, s, day);
    if (stt != KB_OK) {
        kbi_error_set(err, stt, NULL, rec->line, 0, "out of memory");
        return stt;
    }
    coder c = {d, cfg, &st, out, NULL, NULL, 0, 0, 0};
    c.up = kbi_arena_alloc(&out->work, (size_t)(st.n + 1) * sizeof *c.up);
    c.lo = kbi_arena_alloc(&out->work, (size_t)(st.n + 1) * sizeof *c.lo);
    if (!c.up || !c.lo) {
        kbi_error_set(err, KB_ERR_NOMEM, NULL, rec->line, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    scan(&c);
    if (!c.failed && out->n > 0 && d->issues.n > 0 && rec->text) {
        const char *issues = "";
        if (kbi_issues_match(d, rec->text, strlen(rec->text), &out->arena,
                             &issues, NULL) != KB_OK)
            c.failed = 1;
        for (size_t i = 0; i < out->n; i++)
            out->events[i].issues = issues;
    }
    if (c.failed || out->arena.failed) {
        kbi_error_set(err, KB_ERR_NOMEM, NULL, rec->line, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    return KB_OK;
}

kb_status kb_code_record_text(const kb_dict *d, const kb_model *m,
                              const kb_config *cfg, const kb_record *rec,
                              kb_result *out, kb_error *err)
{
    kbi_result_clear(out);
    out->sentences = 1;
    if (!m || !rec->text) {
        kbi_error_set(err, KB_ERR_INVALID, NULL, rec->line, 0, "%s",
                      m ? "the record has no text" : "no NLP model");
        return KB_ERR_INVALID;
    }
    kbi_sentence s;
    kb_status st = kbi_pipeline_one(m, rec->text, strlen(rec->text),
                                    &out->work, &s);
    if (st != KB_OK) {
        kbi_error_set(err, st, NULL, rec->line, 0, "%s",
                      st == KB_ERR_NOMEM ? "out of memory"
                                         : "sentence too long to parse");
        return st;
    }
    return kbi_code_sentence(d, cfg, rec, &s, out, err);
}
