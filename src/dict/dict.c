/* dict.c - loading a dictionary set, the shared phrase helpers and the
 * lexical rules every TABARI-style file follows. */
#include "dict.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/util.h"
#include "../base/vec.h"

kb_status kbi_load_bad(kbi_load *L, int line, int column, const char *fmt,
                       ...)
{
    kb_error e;
    va_list ap;
    va_start(ap, fmt);
    char msg[sizeof e.message];
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    kbi_diag_report(&L->d->diag, KB_ERR_SYNTAX, L->file, line, column, "%s",
                    msg);
    if (L->d->strict) {
        kbi_error_set(L->err, KB_ERR_SYNTAX, L->file, line, column, "%s", msg);
        return KB_ERR_SYNTAX;
    }
    return KB_OK;
}

/* ---- lines ------------------------------------------------------------ */

void kbi_lines_init(kbi_lines *it, const char *text, size_t len)
{
    it->p = text;
    it->end = text + len;
    it->line = 0;
    it->in_comment = 0;
}

static const char *find2(const char *s, const char *e, const char *pat)
{
    size_t m = strlen(pat);
    for (; s + m <= e; s++)
        if (memcmp(s, pat, m) == 0)
            return s;
    return NULL;
}

int kbi_lines_next(kbi_lines *it, const char **out, size_t *n, int *line)
{
    while (it->p < it->end) {
        const char *s = it->p;
        const char *e = memchr(s, '\n', (size_t)(it->end - s));
        if (!e)
            e = it->end;
        it->p = e < it->end ? e + 1 : e;
        it->line++;
        if (it->in_comment) {
            const char *c = find2(s, e, "-->");
            if (!c)
                continue;
            it->in_comment = 0;
            continue; /* the rest of a comment's closing line is dropped */
        }
        if (s < e && (*s == '#' || (e - s >= 2 && s[0] == '<' && s[1] == '!'))) {
            if (e - s >= 4 && memcmp(s, "<!--", 4) == 0 && !find2(s, e, "-->"))
                it->in_comment = 1;
            continue;
        }
        const char *c = find2(s, e, "<!--");
        if (c) {
            if (!find2(c, e, "-->"))
                it->in_comment = 1;
            e = c;
        }
        for (const char *q = s + 1; q < e; q++)
            if (*q == '#' && (q[-1] == ' ' || q[-1] == '\t')) {
                e = q;
                break;
            }
        while (e > s && kbi_isspace((unsigned char)e[-1]))
            e--;
        const char *t = s;
        while (t < e && kbi_isspace((unsigned char)*t))
            t++;
        if (t == e)
            continue;
        *out = s;
        *n = (size_t)(e - s);
        *line = it->line;
        return 1;
    }
    return 0;
}

/* ---- phrases ---------------------------------------------------------- */

kb_status kbi_phrase_make(kb_dict *d, const char *text, size_t len,
                          kbi_phrase *out)
{
    int32_t nw = 0;
    size_t i = 0;
    while (i < len) {
        while (i < len && (text[i] == ' ' || text[i] == '_' || text[i] == '\t'))
            i++;
        if (i == len)
            break;
        nw++;
        while (i < len && text[i] != ' ' && text[i] != '_' && text[i] != '\t')
            i++;
    }
    memset(out, 0, sizeof *out);
    if (nw == 0)
        return KB_ERR_SYNTAX;
    out->words = kbi_arena_alloc(&d->arena, (size_t)nw * sizeof *out->words);
    out->adjacent = kbi_arena_alloc(&d->arena, (size_t)nw);
    if (!out->words || !out->adjacent)
        return KB_ERR_NOMEM;
    i = 0;
    int adj = 0;
    while (i < len) {
        adj = 0;
        while (i < len && (text[i] == ' ' || text[i] == '_' || text[i] == '\t')) {
            if (text[i] == '_')
                adj = 1;
            i++;
        }
        if (i == len)
            break;
        size_t st = i;
        while (i < len && text[i] != ' ' && text[i] != '_' && text[i] != '\t')
            i++;
        char *w = kbi_arena_strndup(&d->arena, text + st, i - st);
        if (!w)
            return KB_ERR_NOMEM;
        for (char *q = w; *q; q++)
            *q = (char)kbi_toupper((unsigned char)*q);
        out->adjacent[out->nwords] = out->nwords ? (uint8_t)adj : 0;
        out->words[out->nwords++] = w;
    }
    return KB_OK;
}

typedef struct { int32_t phrase, nwords, bucket; } sort_item;

static int cmp_items(const void *a, const void *b)
{
    const sort_item *x = a, *y = b;
    if (x->bucket != y->bucket)
        return x->bucket < y->bucket ? -1 : 1;
    if (x->nwords != y->nwords)
        return x->nwords > y->nwords ? -1 : 1;
    return x->phrase < y->phrase ? -1 : (x->phrase > y->phrase);
}

kb_status kbi_phrase_index_build(kb_dict *d, kbi_phrase_index *idx,
                                 const void *base, size_t n, size_t stride)
{
    memset(idx, 0, sizeof *idx);
    kbi_map_init(&idx->first, d->alloc);
    if (n == 0)
        return KB_OK;
    sort_item *it = kbi_realloc(d->alloc, NULL, 0, n * sizeof *it);
    if (!it)
        return KB_ERR_NOMEM;
    int32_t nb = 0;
    for (size_t i = 0; i < n; i++) {
        const kbi_phrase *p =
            (const kbi_phrase *)(const void *)((const char *)base + i * stride);
        const char *w = p->words[0];
        size_t wl = strlen(w);
        int32_t b = kbi_map_get(&idx->first, w, wl);
        if (b < 0) {
            b = nb++;
            if (!kbi_map_put(&idx->first, w, wl, b)) {
                kbi_free(d->alloc, it, n * sizeof *it);
                return KB_ERR_NOMEM;
            }
        }
        it[i].phrase = (int32_t)i;
        it[i].nwords = p->nwords;
        it[i].bucket = b;
    }
    qsort(it, n, sizeof *it, cmp_items);
    idx->items = kbi_arena_alloc(&d->arena, n * sizeof *idx->items);
    idx->bucket_start =
        kbi_arena_alloc(&d->arena, ((size_t)nb + 1) * sizeof *idx->bucket_start);
    if (!idx->items || !idx->bucket_start) {
        kbi_free(d->alloc, it, n * sizeof *it);
        return KB_ERR_NOMEM;
    }
    int32_t b = 0;
    for (size_t i = 0; i < n; i++) {
        while (b <= it[i].bucket)
            idx->bucket_start[b++] = (int32_t)i;
        idx->items[i] = it[i].phrase;
    }
    while (b <= nb)
        idx->bucket_start[b++] = (int32_t)n;
    idx->nbuckets = (size_t)nb;
    idx->nitems = n;
    kbi_free(d->alloc, it, n * sizeof *it);
    return KB_OK;
}

void kbi_phrase_index_free(kb_dict *d, kbi_phrase_index *idx)
{
    (void)d;
    kbi_map_free(&idx->first);
}

const int32_t *kbi_phrase_index_get(const kbi_phrase_index *idx,
                                    const char *word, size_t len, size_t *n)
{
    int32_t b = kbi_map_get(&idx->first, word, len);
    if (b < 0) {
        *n = 0;
        return NULL;
    }
    *n = (size_t)(idx->bucket_start[b + 1] - idx->bucket_start[b]);
    return idx->items + idx->bucket_start[b];
}

/* ---- lookups ---------------------------------------------------------- */

const kbi_vform *kbi_verbs_lookup(const kb_dict *d, const char *word)
{
    int32_t i = kbi_map_get(&d->verbs.form_index, word, strlen(word));
    return i < 0 ? NULL : &d->verbs.forms[i];
}

const char *kbi_actor_code_on(const kb_dict *d, int32_t a, int32_t day)
{
    const kbi_actor *ac = &d->actors.actors[a];
    const char *unrestricted = NULL;
    for (int32_t i = 0; i < ac->ncodes; i++) {
        const kbi_actor_code *c = &d->actors.codes[ac->first_code + i];
        if (!c->restricted)
            unrestricted = c->code;
        else if (day >= c->lo && day <= c->hi)
            return c->code;
    }
    return unrestricted ? unrestricted : "---";
}

/* ---- loading ---------------------------------------------------------- */

typedef kb_status (*reader_fn)(kbi_load *, const char *, size_t);

static kb_status load_file(kb_dict *d, const char *path, reader_fn fn,
                           int is_verbs, kb_error *err)
{
    char *text;
    size_t len;
    kb_status st = kbi_read_file(path, d->alloc, &text, &len, err);
    if (st != KB_OK)
        return st;
    kbi_load L = {d, kbi_arena_strdup(&d->arena, path), err};
    if (!L.file) {
        kbi_free(d->alloc, text, len + 1);
        kbi_error_set(err, KB_ERR_NOMEM, path, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    if (is_verbs) {
        d->verbs.dialect = kbi_verbs_detect_dialect(text, len);
        fn = d->verbs.dialect == 2 ? kbi_verbs_cameo_load : kbi_verbs_tabari_load;
    }
    st = fn(&L, text, len);
    kbi_free(d->alloc, text, len + 1);
    if (st == KB_ERR_NOMEM)
        kbi_error_set(err, KB_ERR_NOMEM, path, 0, 0, "out of memory");
    return st;
}

/* A CAMEO.2.0 verb file and its supplement, read as one dictionary. */
static kb_status load_verbs_pair(kb_dict *d, const char *path,
                                 const char *path2, kb_error *err)
{
    char *text = NULL, *text2 = NULL;
    size_t len = 0, len2 = 0;
    kb_status st = kbi_read_file(path, d->alloc, &text, &len, err);
    if (st == KB_OK)
        st = kbi_read_file(path2, d->alloc, &text2, &len2, err);
    kbi_load L = {d, kbi_arena_strdup(&d->arena, path), err};
    kbi_load L2 = {d, kbi_arena_strdup(&d->arena, path2), err};
    if (st == KB_OK && (!L.file || !L2.file)) {
        kbi_error_set(err, KB_ERR_NOMEM, path, 0, 0, "out of memory");
        st = KB_ERR_NOMEM;
    }
    if (st == KB_OK && (kbi_verbs_detect_dialect(text, len) != 2 ||
                        kbi_verbs_detect_dialect(text2, len2) != 2)) {
        kbi_error_set(err, KB_ERR_INVALID, path2, 0, 0,
                      "a verb supplement needs both files in the CAMEO.2.0 "
                      "dialect");
        st = KB_ERR_INVALID;
    }
    if (st == KB_OK) {
        d->verbs.dialect = 2;
        st = kbi_verbs_cameo_load2(&L, text, len, &L2, text2, len2);
        if (st == KB_ERR_NOMEM)
            kbi_error_set(err, KB_ERR_NOMEM, path, 0, 0, "out of memory");
    }
    if (text)
        kbi_free(d->alloc, text, len + 1);
    if (text2)
        kbi_free(d->alloc, text2, len2 + 1);
    return st;
}

kb_dict *kbi_dict_new(const kb_allocator *al)
{
    kb_dict *d = kbi_realloc(al, NULL, 0, sizeof *d);
    if (!d)
        return NULL;
    memset(d, 0, sizeof *d);
    d->alloc = al;
    d->verbs.dialect = 1;
    kbi_arena_init(&d->arena, al);
    kbi_map_init(&d->verbs.form_index, al);
    kbi_map_init(&d->verbs.synset_index, al);
    kbi_map_init(&d->actors.index.first, al);
    kbi_map_init(&d->agents.index.first, al);
    return d;
}

kb_status kbi_dict_finish(kb_dict *d)
{
    kbi_phrase_index_free(d, &d->actors.index);
    kbi_phrase_index_free(d, &d->agents.index);
    kb_status st = kbi_phrase_index_build(d, &d->actors.index,
                                          d->actors.phrases, d->actors.nphrases,
                                          sizeof *d->actors.phrases);
    if (st == KB_OK)
        st = kbi_phrase_index_build(d, &d->agents.index, d->agents.phrases,
                                    d->agents.nphrases,
                                    sizeof *d->agents.phrases);
    if (st == KB_OK && d->arena.failed)
        st = KB_ERR_NOMEM;
    return st;
}

kb_status kb_dict_load(const kb_dict_files *files, const kb_dict_options *opts,
                       kb_dict **out, kb_error *err)
{
    kb_error dummy;
    if (!err)
        err = &dummy;
    *out = NULL;
    if (!files || !files->verbs) {
        kbi_error_set(err, KB_ERR_INVALID, NULL, 0, 0,
                      "a verb dictionary is required");
        return KB_ERR_INVALID;
    }
    kb_dict *d = kbi_dict_new(opts ? opts->alloc : NULL);
    if (!d) {
        kbi_error_set(err, KB_ERR_NOMEM, NULL, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    if (opts) {
        d->strict = opts->strict;
        d->diag.fn = opts->diag;
        d->diag.user = opts->diag_user;
    }
    kb_status st = files->verbs_supplement
                       ? load_verbs_pair(d, files->verbs,
                                         files->verbs_supplement, err)
                       : load_file(d, files->verbs, NULL, 1, err);
    for (int i = 0; st == KB_OK && i < 8 && files->actors[i]; i++)
        st = load_file(d, files->actors[i], kbi_actors_load, 0, err);
    if (st == KB_OK && files->agents)
        st = load_file(d, files->agents, kbi_agents_load, 0, err);
    if (st == KB_OK && files->agents_supplement)
        st = load_file(d, files->agents_supplement, kbi_agents_load, 0, err);
    if (st == KB_OK && files->discards)
        st = load_file(d, files->discards, kbi_discards_load, 0, err);
    if (st == KB_OK && files->issues)
        st = load_file(d, files->issues, kbi_issues_load, 0, err);
    if (st == KB_OK)
        st = kbi_dict_finish(d);
    if (st != KB_OK) {
        if (st == KB_ERR_NOMEM && err->code != KB_ERR_NOMEM)
            kbi_error_set(err, KB_ERR_NOMEM, NULL, 0, 0, "out of memory");
        kb_dict_free(d);
        return st;
    }
    *out = d;
    return KB_OK;
}

#define FREE_ARR(p, cap) kbi_free(d->alloc, (p), (cap) * sizeof *(p))

void kb_dict_free(kb_dict *d)
{
    if (!d)
        return;
    kbi_verbs *v = &d->verbs;
    for (size_t i = 0; i < v->nforms; i++)
        FREE_ARR(v->forms[i].readings, v->forms[i].cap);
    FREE_ARR(v->forms, v->cap_forms);
    FREE_ARR(v->readings, v->cap_readings);
    FREE_ARR(v->blocks, v->cap_blocks);
    FREE_ARR(v->patterns, v->cap_patterns);
    FREE_ARR(v->synsets, v->cap_synsets);
    FREE_ARR(v->members, v->cap_members);
    FREE_ARR(v->transforms, v->cap_transforms);
    kbi_map_free(&v->form_index);
    kbi_map_free(&v->synset_index);
    FREE_ARR(d->actors.actors, d->actors.cap_actors);
    FREE_ARR(d->actors.codes, d->actors.cap_codes);
    FREE_ARR(d->actors.phrases, d->actors.cap_phrases);
    kbi_phrase_index_free(d, &d->actors.index);
    FREE_ARR(d->agents.phrases, d->agents.cap_phrases);
    kbi_phrase_index_free(d, &d->agents.index);
    FREE_ARR(d->discards.items, d->discards.cap);
    FREE_ARR(d->issues.items, d->issues.cap);
    kbi_arena_free(&d->arena);
    const kb_allocator *al = d->alloc;
    kbi_free(al, d, sizeof *d);
}

void kb_dict_get_stats(const kb_dict *d, kb_dict_stats *s)
{
    memset(s, 0, sizeof *s);
    s->verb_dialect = d->verbs.dialect;
    s->verb_forms = d->verbs.nforms;
    s->verb_blocks = d->verbs.nblocks;
    s->patterns = d->verbs.npatterns;
    s->synsets = d->verbs.nsynsets;
    s->actor_phrases = d->actors.nphrases;
    s->agent_phrases = d->agents.nphrases;
    s->discards = d->discards.n;
    s->issues = d->issues.n;
    s->diagnostics = d->diag.count;
}
