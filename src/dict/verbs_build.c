/* verbs_build.c - see verbs_build.h. */
#include "verbs_build.h"

#include <string.h>

#include "../base/util.h"
#include "../base/vec.h"

/* ---- words and forms -------------------------------------------------- */

static char *upper_dup(kbi_arena *a, const char *s, size_t n)
{
    char *w = kbi_arena_strndup(a, s, n);
    if (w)
        for (char *q = w; *q; q++)
            *q = (char)kbi_toupper((unsigned char)*q);
    return w;
}

static char *concat(kbi_arena *a, const char *s, size_t n, const char *suffix)
{
    size_t m = strlen(suffix);
    char *w = kbi_arena_alloc(a, n + m + 1);
    if (!w)
        return NULL;
    memcpy(w, s, n);
    memcpy(w + n, suffix, m + 1);
    return w;
}

int kbi_regular_forms(kbi_arena *a, const char *root, const char *out[3])
{
    size_t n = strlen(root);
    int e = n > 0 && root[n - 1] == 'E';
    out[0] = concat(a, root, n, "S");
    out[1] = concat(a, root, n, e ? "D" : "ED");
    out[2] = concat(a, root, e ? n - 1 : n, "ING");
    return out[0] && out[1] && out[2] ? 3 : 0;
}

char *kbi_plural_synset(kbi_arena *a, const char *word)
{
    size_t n = strlen(word);
    if (n > 0 && word[n - 1] == 'Y')
        return concat(a, word, n - 1, "IES");
    if (n > 0 && word[n - 1] == 'S')
        return concat(a, word, n, "ES");
    return concat(a, word, n, "S");
}

/* ---- registering readings --------------------------------------------- */

static kb_status add_reading(kb_dict *d, const char *word,
                             const kbi_reading *rd)
{
    kbi_verbs *v = &d->verbs;
    size_t wl = strlen(word);
    int32_t fi = kbi_map_get(&v->form_index, word, wl);
    if (fi < 0) {
        if (!kbi_vec_reserve(d->alloc, (void **)&v->forms, &v->cap_forms,
                             v->nforms + 1, sizeof *v->forms))
            return KB_ERR_NOMEM;
        fi = (int32_t)v->nforms++;
        memset(&v->forms[fi], 0, sizeof v->forms[fi]);
        v->forms[fi].word = word;
        if (!kbi_map_put(&v->form_index, word, wl, fi))
            return KB_ERR_NOMEM;
    }
    if (!kbi_vec_reserve(d->alloc, (void **)&v->readings, &v->cap_readings,
                         v->nreadings + 1, sizeof *v->readings))
        return KB_ERR_NOMEM;
    int32_t ri = (int32_t)v->nreadings++;
    v->readings[ri] = *rd;
    kbi_vform *f = &v->forms[fi];
    int multi = rd->nbefore + rd->nafter > 0;
    int has_plain = f->nreadings > 0 &&
                    v->readings[f->readings[f->nreadings - 1]].nbefore +
                            v->readings[f->readings[f->nreadings - 1]].nafter ==
                        0;
    if (!multi && has_plain) { /* a later plain entry replaces */
        f->readings[f->nreadings - 1] = ri;
        return KB_OK;
    }
    size_t cap = f->cap;
    if (!kbi_vec_reserve(d->alloc, (void **)&f->readings, &cap,
                         (size_t)f->nreadings + 1, sizeof *f->readings))
        return KB_ERR_NOMEM;
    f->cap = cap;
    if (multi && has_plain) { /* keep the plain reading last */
        f->readings[f->nreadings] = f->readings[f->nreadings - 1];
        f->readings[f->nreadings - 1] = ri;
    } else {
        f->readings[f->nreadings] = ri;
    }
    f->nreadings++;
    return KB_OK;
}

/* Splits a verb phrase into words; finds the '+' word. Returns the number
 * of words (up to max), -1 on a misplaced '+'. */
typedef struct vwords {
    const char *w[16];
    size_t len[16];
    int n;
    int plus;   /* index of the '+' word, -1 if none */
    int gapped; /* some words are joined by a blank, not '_' */
} vwords;

static int split_verb(const char *s, size_t n, vwords *vw)
{
    memset(vw, 0, sizeof *vw);
    vw->plus = -1;
    size_t i = 0;
    while (i < n) {
        int sep_blank = 0;
        while (i < n && (s[i] == ' ' || s[i] == '_' || s[i] == '\t')) {
            if (s[i] != '_')
                sep_blank = 1;
            i++;
        }
        if (i == n)
            break;
        if (vw->n > 0 && sep_blank)
            vw->gapped = 1;
        if (vw->n == 16)
            return -2;
        if (s[i] == '+') {
            if (vw->plus >= 0)
                return -1;
            vw->plus = vw->n;
            i++;
        }
        size_t st = i;
        while (i < n && s[i] != ' ' && s[i] != '_' && s[i] != '\t')
            i++;
        if (i == st)
            return -1;
        vw->w[vw->n] = s + st;
        vw->len[vw->n] = i - st;
        vw->n++;
    }
    if (vw->n > 1 && vw->plus > 0 && vw->plus < vw->n - 1)
        return -1; /* only the first or last word may carry '+' */
    return vw->n;
}

/* Registers one phrase (already split) as a reading of its verb word. If
 * `inflect`, the regular forms of the verb word are registered too. */
static kb_status register_phrase(kbi_load *L, const kbi_verb_spec *vs,
                                 const vwords *vw, int inflect,
                                 const char **name)
{
    kb_dict *d = L->d;
    kbi_reading rd;
    memset(&rd, 0, sizeof rd);
    rd.code = vs->code;
    rd.block = vs->block;
    rd.file = vs->file;
    rd.line = vs->line;
    int vi = vw->n == 1 ? 0 : vw->plus;
    if (vi < 0) {
        /* "LASH OUT": a phrase no single parse word can match. It is kept
         * as written, as the reference does, and stays dead. */
        char *w = upper_dup(&d->arena, vs->phrase, vs->nphrase);
        if (!w)
            return KB_ERR_NOMEM;
        if (name)
            *name = w;
        return add_reading(d, w, &rd);
    }
    rd.nbefore = vi;
    rd.nafter = vw->n - vi - 1;
    if (rd.nbefore) {
        rd.before = kbi_arena_alloc(&d->arena, (size_t)rd.nbefore * sizeof *rd.before);
        if (!rd.before)
            return KB_ERR_NOMEM;
    }
    if (rd.nafter) {
        rd.after = kbi_arena_alloc(&d->arena, (size_t)rd.nafter * sizeof *rd.after);
        if (!rd.after)
            return KB_ERR_NOMEM;
    }
    for (int i = 0; i < vw->n; i++) {
        if (i == vi)
            continue;
        char *w = upper_dup(&d->arena, vw->w[i], vw->len[i]);
        if (!w)
            return KB_ERR_NOMEM;
        if (i < vi)
            rd.before[i] = w;
        else
            rd.after[i - vi - 1] = w;
    }
    char *verb = upper_dup(&d->arena, vw->w[vi], vw->len[vi]);
    if (!verb)
        return KB_ERR_NOMEM;
    if (name)
        *name = verb;
    kb_status st = add_reading(d, verb, &rd);
    if (st != KB_OK || !inflect)
        return st;
    const char *forms[3];
    if (!kbi_regular_forms(&d->arena, verb, forms))
        return KB_ERR_NOMEM;
    for (int i = 0; i < 3 && st == KB_OK; i++)
        st = add_reading(d, forms[i], &rd);
    return st;
}

kb_status kbi_verb_register(kbi_load *L, const kbi_verb_spec *vs,
                            const char **name)
{
    *name = NULL;
    vwords vw;
    int k = split_verb(vs->phrase, vs->nphrase, &vw);
    if (k <= 0)
        return kbi_load_bad(L, vs->line, 1,
                            k == 0    ? "expected a verb before '{' or '['"
                            : k == -2 ? "verb phrase longer than 16 words"
                                      : "expected '+' on the first or last "
                                        "word of a multi-word verb");
    if (vw.n > 1 && vw.plus < 0 && !vw.gapped)
        return kbi_load_bad(L, vs->line, 1,
                            "expected '+' to mark the verb word of a "
                            "multi-word verb");
    kb_status st = register_phrase(L, vs, &vw, vs->forms == NULL, name);
    if (st != KB_OK || !vs->forms)
        return st;
    /* listed forms: blank-separated phrases inside {} */
    const char *s = vs->forms, *e = vs->forms + vs->nforms;
    while (s < e) {
        while (s < e && kbi_isspace((unsigned char)*s))
            s++;
        const char *t = s;
        while (t < e && !kbi_isspace((unsigned char)*t))
            t++;
        if (t == s)
            break;
        vwords fw;
        int fk = split_verb(s, (size_t)(t - s), &fw);
        if (fk <= 0 || (vw.n > 1 && fw.plus < 0) ||
            (vw.n == 1 && fw.n != 1)) {
            st = kbi_load_bad(L, vs->line, 1,
                              "form '%.*s' does not fit verb '%.*s'",
                              (int)(t - s), s, (int)vs->nphrase, vs->phrase);
        } else {
            kbi_verb_spec fs = *vs;
            fs.phrase = s;
            fs.nphrase = (size_t)(t - s);
            st = register_phrase(L, &fs, &fw, 0, NULL);
        }
        if (st != KB_OK)
            return st;
        s = t;
    }
    return KB_OK;
}

char *kbi_pattern_text(kbi_arena *a, const char *s, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (s[i] == '#' && kbi_isspace((unsigned char)s[i - 1])) {
            n = i;
            break;
        }
    char *out = kbi_arena_alloc(a, n + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (kbi_isspace((unsigned char)s[i])) {
            if (k > 0 && out[k - 1] != ' ')
                out[k++] = ' ';
        } else {
            out[k++] = s[i];
        }
    }
    while (k > 0 && out[k - 1] == ' ')
        k--;
    out[k] = '\0';
    return out;
}

kb_status kbi_verbs_drop_dead(kb_dict *d)
{
    kbi_verbs *v = &d->verbs;
    for (size_t i = 0; i < v->nforms; i++) {
        kbi_vform *f = &v->forms[i];
        int32_t k = 0;
        for (int32_t j = 0; j < f->nreadings; j++)
            if (v->blocks[v->readings[f->readings[j]].block].live)
                f->readings[k++] = f->readings[j];
        f->nreadings = k;
    }
    return KB_OK;
}

/* ---- patterns --------------------------------------------------------- */

typedef struct ptok {
    const char *s;
    size_t n;
    size_t col;
    int adj_before; /* separator before it contains '_' */
    int adj_after;
} ptok;

static kb_status make_el(kb_dict *d, const ptok *t, int adjacent, kbi_pel *el,
                         const char **why)
{
    memset(el, 0, sizeof *el);
    el->adjacent = (uint8_t)adjacent;
    if (t->n == 1) {
        switch (t->s[0]) {
        case '$': el->kind = KBI_PEL_SOURCE; return KB_OK;
        case '+': el->kind = KBI_PEL_TARGET; return KB_OK;
        case '^': el->kind = KBI_PEL_SKIP; return KB_OK;
        case '%': el->kind = KBI_PEL_COMPOUND; return KB_OK;
        default: break;
        }
        el->kind = KBI_PEL_TOKEN;
    } else if (t->s[0] == '&') {
        el->kind = KBI_PEL_SYNSET;
        char *nm = upper_dup(&d->arena, t->s + 1, t->n - 1);
        if (!nm)
            return KB_ERR_NOMEM;
        el->synset = kbi_map_get(&d->verbs.synset_index, nm, strlen(nm));
        el->word = nm;
        if (el->synset < 0) {
            *why = "undefined synset";
            return KB_ERR_SYNTAX;
        }
        return KB_OK;
    } else {
        el->kind = KBI_PEL_WORD;
    }
    el->word = upper_dup(&d->arena, t->s, t->n);
    return el->word ? KB_OK : KB_ERR_NOMEM;
}

enum { MAX_PTOK = 64 };

/* Splits s into words separated by runs of blanks/underscores; a run that
 * contains '_' makes its neighbours adjacent. */
static int split_side(const char *s, size_t n, size_t base, ptok *out,
                      int lead_adj, int trail_adj)
{
    int k = 0, adj = lead_adj;
    size_t i = 0;
    while (i < n) {
        int run_adj = 0, had_run = 0;
        while (i < n && (s[i] == ' ' || s[i] == '_' || s[i] == '\t')) {
            if (s[i] == '_')
                run_adj = 1;
            had_run = 1;
            i++;
        }
        if (had_run)
            adj = (k == 0) ? (lead_adj || run_adj) : run_adj;
        if (i == n) {
            if (k > 0)
                out[k - 1].adj_after = run_adj || trail_adj;
            return k;
        }
        if (k == MAX_PTOK)
            return -1;
        if (k > 0)
            out[k - 1].adj_after = adj;
        size_t st = i;
        while (i < n && s[i] != ' ' && s[i] != '_' && s[i] != '\t')
            i++;
        out[k].s = s + st;
        out[k].n = i - st;
        out[k].col = base + st;
        out[k].adj_before = adj;
        out[k].adj_after = trail_adj;
        k++;
        adj = 0;
    }
    return k;
}

kb_status kbi_pattern_parse(kb_dict *d, const char *s, size_t n,
                            kbi_pattern *p, int *col, const char **why)
{
    /* "_ " is TABARI's exact-word mark: here an ordinary gap */
    char buf[1024];
    if (n >= sizeof buf) {
        *col = 0;
        *why = "pattern longer than 1023 characters";
        return KB_ERR_SYNTAX;
    }
    memcpy(buf, s, n);
    buf[n] = '\0';
    for (size_t i = 0; i + 1 < n; i++)
        if (buf[i] == '_' && buf[i + 1] == ' ')
            buf[i] = ' ';
    while (n > 0 && kbi_isspace((unsigned char)buf[n - 1]))
        n--;
    if (n > 0 && buf[n - 1] == '_')
        buf[--n] = ' ';
    const char *star = memchr(buf, '*', n);
    const char *again =
        star ? memchr(star + 1, '*', n - (size_t)(star - buf) - 1) : NULL;
    if (!star || again) {
        *col = again ? (int)(again - buf) : 0;
        *why = "expected exactly one '*' marking the verb";
        return KB_ERR_SYNTAX;
    }
    size_t sp = (size_t)(star - buf);
    ptok up[MAX_PTOK], lo[MAX_PTOK];
    int nu = split_side(buf, sp, 0, up, 0, 0);
    int nl = split_side(buf + sp + 1, n - sp - 1, sp + 1, lo, 0, 0);
    if (nu < 0 || nl < 0) {
        *col = 0;
        *why = "pattern has more than 64 elements on one side";
        return KB_ERR_SYNTAX;
    }
    p->nupper = nu;
    p->nlower = nl;
    p->upper = kbi_arena_alloc(&d->arena, (size_t)(nu + 1) * sizeof *p->upper);
    p->lower = kbi_arena_alloc(&d->arena, (size_t)(nl + 1) * sizeof *p->lower);
    if (!p->upper || !p->lower)
        return KB_ERR_NOMEM;
    for (int i = 0; i < nu; i++) { /* nearest the verb first */
        const ptok *t = &up[nu - 1 - i];
        kb_status st = make_el(d, t, t->adj_after, &p->upper[i], why);
        if (st != KB_OK) {
            *col = (int)t->col;
            return st;
        }
    }
    for (int i = 0; i < nl; i++) {
        kb_status st = make_el(d, &lo[i], lo[i].adj_before, &p->lower[i], why);
        if (st != KB_OK) {
            *col = (int)lo[i].col;
            return st;
        }
    }
    return KB_OK;
}
