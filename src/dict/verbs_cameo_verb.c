/* verbs_cameo_verb.c - verb lines of the PETRARCH-2 verb dictionary:
 *
 *   SAY {SAYS SAID SAYING}       the forms listed are all there is
 *   GRILL [110]                  own code; regular forms generated
 *   +CALL_OFF [160]              multi-word: CALL, CALLS, ... + OFF
 *   WIRE_+TAP                    a particle before the verb word
 *
 * Each surface form gets a kbi_vform; each distinct particle list of a
 * line one kbi_reading, shared by the forms that have it. The first
 * definition of a form with given particles wins (PETRARCH-2 §2.3). */
#include <string.h>

#include "../base/util.h"
#include "../base/vec.h"
#include "verbs_cameo.h"

#define BAD KBI_CAMEO_BAD
#define COL(p) kbi_cameo_col(ls, (p)) /* column of p in the line at ls */

enum { MAX_VWORDS = 8 };

/* A verb as written: "SAY", "+CALL_OFF", "WIRE_+TAP". */
typedef struct vspec {
    const char *w[MAX_VWORDS];
    size_t n[MAX_VWORDS];
    int nw, plus;           /* plus: the inflected word */
    const char **before, **after; /* particles, arena copies */
    int nbefore, nafter;
} vspec;

/* Splits [s, e) into vs; on a problem sets *at and returns a message. */
static const char *vspec_split(const char *s, const char *e, vspec *vs,
                               const char **at)
{
    memset(vs, 0, sizeof *vs);
    vs->plus = -1;
    const char *p = s;
    for (;;) {
        *at = p;
        if (vs->nw == MAX_VWORDS)
            return "at most 8 words in a multi-word verb";
        if (p < e && *p == '+') {
            if (vs->plus >= 0)
                return "expected only one '+' in a multi-word verb";
            vs->plus = vs->nw;
            p++;
        }
        const char *w = p;
        while (p < e && *p != '_') {
            if (strchr("+&{}[]()*,;#", *p) || (unsigned char)*p < 0x21) {
                *at = p;
                return *p == '+' ? "expected '+' only at the start of a word"
                                 : "expected a verb form (letters, digits, "
                                   "'-', '.', '\\'')";
            }
            p++;
        }
        if (p == w)
            return "expected a word before and after each '_'";
        vs->w[vs->nw] = w;
        vs->n[vs->nw++] = (size_t)(p - w);
        if (p == e)
            break;
        p++;
    }
    *at = s;
    if (vs->nw > 1 && vs->plus < 0)
        return "expected '+' on the inflected word of a multi-word verb";
    if (vs->plus < 0)
        vs->plus = 0;
    return NULL;
}

static kb_status vspec_particles(kb_dict *d, vspec *vs)
{
    vs->nbefore = vs->plus;
    vs->nafter = vs->nw - vs->plus - 1;
    vs->before = kbi_arena_alloc(&d->arena, (size_t)(vs->nbefore + 1) *
                                                sizeof *vs->before);
    vs->after = kbi_arena_alloc(&d->arena, (size_t)(vs->nafter + 1) *
                                               sizeof *vs->after);
    if (!vs->before || !vs->after)
        return KB_ERR_NOMEM;
    for (int i = 0; i < vs->nw; i++) {
        if (i == vs->plus)
            continue;
        char *w = kbi_cameo_upper(&d->arena, vs->w[i], vs->n[i]);
        if (!w)
            return KB_ERR_NOMEM;
        if (i < vs->plus)
            vs->before[i] = w;
        else
            vs->after[i - vs->plus - 1] = w;
    }
    return KB_OK;
}

static int same_words(const char **a, int na, const char **b, int nb)
{
    if (na != nb)
        return 0;
    for (int i = 0; i < na; i++)
        if (strcmp(a[i], b[i]) != 0)
            return 0;
    return 1;
}

/* One verb line being registered: its code and the reading made for the
 * last particle list (shared by the forms with the same particles). */
typedef struct vline {
    const char *code;
    int line;
    int32_t reading;         /* -1 until the first form needs one */
} vline;

static kb_status reading_for(kbi_cameo_reader *r, vline *vl, const vspec *vs)
{
    kbi_verbs *v = &r->d->verbs;
    if (vl->reading >= 0) {
        const kbi_reading *o = &v->readings[vl->reading];
        if (same_words(o->before, o->nbefore, vs->before, vs->nbefore) &&
            same_words(o->after, o->nafter, vs->after, vs->nafter))
            return KB_OK;
    }
    if (!kbi_vec_reserve(r->d->alloc, (void **)&v->readings, &v->cap_readings,
                         v->nreadings + 1, sizeof *v->readings))
        return KB_ERR_NOMEM;
    kbi_reading *rd = &v->readings[v->nreadings];
    memset(rd, 0, sizeof *rd);
    rd->before = vs->before;
    rd->nbefore = vs->nbefore;
    rd->after = vs->after;
    rd->nafter = vs->nafter;
    rd->code = vl->code;
    rd->block = r->block;
    rd->file = r->L->file;
    rd->line = vl->line;
    vl->reading = (int32_t)v->nreadings++;
    return KB_OK;
}

static int32_t form_of(kbi_cameo_reader *r, const char *word)
{
    kbi_verbs *v = &r->d->verbs;
    size_t wl = strlen(word);
    int32_t fi = kbi_map_get(&v->form_index, word, wl);
    if (fi >= 0)
        return fi;
    if (!kbi_vec_reserve(r->d->alloc, (void **)&v->forms, &v->cap_forms,
                         v->nforms + 1, sizeof *v->forms) ||
        !kbi_map_put(&v->form_index, word, wl, (int32_t)v->nforms))
        return -1;
    memset(&v->forms[v->nforms], 0, sizeof v->forms[v->nforms]);
    v->forms[v->nforms].word = word;
    return (int32_t)v->nforms++;
}

/* Registers surface form `word` (arena, upper case) with vs's particles,
 * unless that form already has a reading with the same particles. */
static kb_status add_form(kbi_cameo_reader *r, vline *vl, const char *word,
                          const vspec *vs)
{
    kbi_verbs *v = &r->d->verbs;
    int32_t fi = form_of(r, word);
    if (fi < 0)
        return KB_ERR_NOMEM;
    kbi_vform *f = &v->forms[fi];
    for (int32_t i = 0; i < f->nreadings; i++) {
        const kbi_reading *o = &v->readings[f->readings[i]];
        if (same_words(o->before, o->nbefore, vs->before, vs->nbefore) &&
            same_words(o->after, o->nafter, vs->after, vs->nafter))
            return KB_OK; /* the first definition wins */
    }
    kb_status st = reading_for(r, vl, vs);
    if (st != KB_OK)
        return st;
    size_t cap = f->cap;
    if (!kbi_vec_reserve(r->d->alloc, (void **)&f->readings, &cap,
                         (size_t)f->nreadings + 1, sizeof *f->readings))
        return KB_ERR_NOMEM;
    f->cap = cap;
    int32_t at = f->nreadings;
    const kbi_reading *last =
        at > 0 ? &v->readings[f->readings[at - 1]] : NULL;
    if (vs->nbefore + vs->nafter > 0 && last &&
        last->nbefore + last->nafter == 0) { /* keep the plain one last */
        f->readings[at] = f->readings[at - 1];
        at--;
    }
    f->readings[at] = vl->reading;
    f->nreadings++;
    return KB_OK;
}

/* PETRARCH-2's regular forms of X: k = 0 X, 1 third person, 2 past,
 * 3 gerund. */
static char *inflect(kbi_arena *a, const char *x, size_t n, int k)
{
    char last = x[n - 1];
    const char *suf = "";
    size_t keep = n;
    if (k == 1 && (last == 'S' || last == 'X' || last == 'Z'))
        suf = "ES";
    else if (k == 1 && last == 'Y') {
        keep--;
        suf = "IES";
    } else if (k == 1)
        suf = "S";
    else if (k == 2)
        suf = last == 'E' ? "D" : "ED";
    else if (k == 3) {
        suf = "ING";
        if (last == 'E' && n >= 2 && !strchr("AEIOU", x[n - 2]))
            keep--;
    }
    size_t m = strlen(suf);
    char *w = kbi_arena_alloc(a, keep + m + 1);
    if (w) {
        memcpy(w, x, keep);
        memcpy(w + keep, suf, m + 1);
    }
    return w;
}

/* Registers verb vs: its inflected word and, if `generate`, the regular
 * forms of that word, all with vs's particles. */
static kb_status add_verb(kbi_cameo_reader *r, vline *vl, vspec *vs,
                          int generate)
{
    kb_dict *d = r->d;
    kb_status st = vspec_particles(d, vs);
    char *x = kbi_cameo_upper(&d->arena, vs->w[vs->plus], vs->n[vs->plus]);
    if (st != KB_OK || !x)
        return KB_ERR_NOMEM;
    st = add_form(r, vl, x, vs);
    size_t n = strlen(x);
    for (int k = 1; generate && n > 0 && k <= 3 && st == KB_OK; k++) {
        char *w = inflect(&d->arena, x, n, k);
        st = w ? add_form(r, vl, w, vs) : KB_ERR_NOMEM;
    }
    return st;
}

/* The listed forms between '{' and '}'. */
static kb_status listed_forms(kbi_cameo_reader *r, vline *vl, const char *ls,
                              const char *s, const char *e, int multi)
{
    for (const char *p = skip_blank(s, e); p < e; p = skip_blank(p, e)) {
        const char *t = p, *at;
        p = skip_word(p, e);
        vspec fs;
        const char *why = vspec_split(t, p, &fs, &at);
        if (!why && multi && fs.nw == 1)
            why = "expected a multi-word form with '+' like the verb";
        if (why) {
            BAD(r, vl->line, COL(at), "%s: '%.*s' skipped", why,
                (int)(p - t), t);
            continue;
        }
        kb_status st = add_verb(r, vl, &fs, 0);
        if (st != KB_OK)
            return st;
    }
    return KB_OK;
}

/* Splits a verb line into verb, {forms} and [code]; NULL when well formed. */
static const char *verb_parts(const char *s, const char **e, const char **fb,
                              const char **fe, const char **cb,
                              const char **ce, const char **at)
{
    *fb = *fe = *cb = *ce = NULL;
    const char *end = *e;
    if (end[-1] == ']') {
        const char *lb = end - 1;
        while (lb > s && *lb != '[')
            lb--;
        *at = lb;
        if (*lb != '[' || !kbi_cameo_code_ok(lb + 1, (size_t)(end - lb - 2)))
            return "expected a code like [042] or [---] at the end";
        *cb = lb + 1;
        *ce = end - 1;
        end = trim_end(s, lb);
    }
    *at = s;
    if (end <= s)
        return "expected a verb before the code";
    const char *ob = memchr(s, '{', (size_t)(end - s));
    if (ob) {
        const char *cbr = memchr(ob, '}', (size_t)(end - ob));
        *at = ob;
        if (!cbr)
            return "expected '}' after the forms";
        *at = skip_blank(cbr + 1, end);
        if (*at != end)
            return "unexpected text after '}'";
        *fb = ob + 1;
        *fe = cbr;
        end = trim_end(s, ob);
    }
    *at = skip_blank(skip_word(s, end), end);
    if (*at != end || end == s)
        return "expected one verb (words joined by '_') before '{' or '['";
    *e = end;
    return NULL;
}

kb_status kbi_cameo_verb_line(kbi_cameo_reader *r, const char *ls,
                              const char *s, const char *e, int line)
{
    if (r->skipping)
        return KB_OK;
    if (r->block < 0) {
        BAD(r, line, COL(s), "verb line before the first '---' header");
        return KB_OK;
    }
    const char *semi = memchr(s, ';', (size_t)(e - s)); /* legacy comment */
    if (semi)
        e = trim_end(s, semi);
    if (e == s)
        return KB_OK;
    const char *fb, *fe, *cb, *ce, *at;
    const char *why = verb_parts(s, &e, &fb, &fe, &cb, &ce, &at);
    vspec vs;
    if (!why)
        why = vspec_split(s, e, &vs, &at);
    if (why) {
        BAD(r, line, COL(at), "%s (line skipped)", why);
        return KB_OK;
    }
    vline vl = {r->header_code, line, -1};
    if (cb && !(vl.code = kbi_arena_strndup(&r->d->arena, cb,
                                            (size_t)(ce - cb))))
        return KB_ERR_NOMEM;
    kb_status st = add_verb(r, &vl, &vs, fb == NULL);
    if (st != KB_OK || !fb)
        return st;
    return listed_forms(r, &vl, ls, fb, fe, vs.nw > 1);
}

