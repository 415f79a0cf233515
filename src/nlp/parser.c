/* parser.c - loading the parser sections and parsing (see parser.h). */
#include "parser.h"

#include <stdlib.h>
#include <string.h>

#include "../base/error.h"
#include "parser_feat.h"

static kb_status bad(kb_error *err, const char *sec, const char *what)
{
    kbi_error_set(err, KB_ERR_SYNTAX, NULL, 0, 0, "model section %s: %s", sec,
                  what);
    return KB_ERR_SYNTAX;
}

kb_status kbi_parser_load(const kbi_model *m, kbi_parser **out, kb_error *err)
{
    *out = NULL;
    size_t msize = 0, lsize = 0, ssize = 0, wsize = 0;
    const kbi_parser_meta *meta =
        kbi_model_section(m, KBI_PARSER_SEC_META, &msize);
    const char *labels = kbi_model_section(m, KBI_PARSER_SEC_LABELS, &lsize);
    const kbi_parser_slot *slots =
        kbi_model_section(m, KBI_PARSER_SEC_SLOTS, &ssize);
    const uint32_t *weights =
        kbi_model_section(m, KBI_PARSER_SEC_WEIGHTS, &wsize);
    if (!meta)
        return bad(err, KBI_PARSER_SEC_META, "missing");
    if (msize < sizeof *meta)
        return bad(err, KBI_PARSER_SEC_META, "truncated");
    if (meta->magic != KBI_PARSER_MAGIC)
        return bad(err, KBI_PARSER_SEC_META, "bad magic");
    if (meta->format != KBI_PARSER_FORMAT)
        return bad(err, KBI_PARSER_SEC_META, "unsupported format version");
    if (meta->nfeats != KBI_PARSER_NFEATS)
        return bad(err, KBI_PARSER_SEC_META,
                   "trained with other feature templates");
    if (meta->nlabels == 0 || meta->nlabels > KBI_PARSER_MAX_LABELS ||
        meta->nclasses != 2 + 2 * meta->nlabels)
        return bad(err, KBI_PARSER_SEC_META, "bad label count");
    if (meta->nslots == 0 || meta->max_probe >= meta->nslots)
        return bad(err, KBI_PARSER_SEC_META, "bad table size");
    if (!labels)
        return bad(err, KBI_PARSER_SEC_LABELS, "missing");
    if (!slots)
        return bad(err, KBI_PARSER_SEC_SLOTS, "missing");
    if (ssize / sizeof *slots < meta->nslots)
        return bad(err, KBI_PARSER_SEC_SLOTS, "truncated");
    if (!weights && meta->nweights > 0)
        return bad(err, KBI_PARSER_SEC_WEIGHTS, "missing");
    if (meta->nweights > 0 && wsize / sizeof *weights < meta->nweights)
        return bad(err, KBI_PARSER_SEC_WEIGHTS, "truncated");

    kbi_parser *p = calloc(1, sizeof *p);
    if (!p) {
        kbi_error_set(err, KB_ERR_NOMEM, NULL, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    p->nlabels = meta->nlabels;
    p->nclasses = meta->nclasses;
    p->nslots = meta->nslots;
    p->nweights = meta->nweights;
    p->max_probe = meta->max_probe;
    p->scale = meta->scale;
    p->slots = slots;
    p->weights = weights;
    p->root_label = p->dep_label = -1;
    size_t pos = 0;
    for (uint32_t i = 0; i < meta->nlabels; i++) {
        const char *z = pos < lsize ? memchr(labels + pos, '\0', lsize - pos)
                                    : NULL;
        if (!z || z == labels + pos) {
            free(p);
            return bad(err, KBI_PARSER_SEC_LABELS, "truncated label list");
        }
        p->labels[i] = labels + pos;
        if (strcmp(p->labels[i], "root") == 0)
            p->root_label = (int)i;
        if (strcmp(p->labels[i], "dep") == 0)
            p->dep_label = (int)i;
        pos = (size_t)(z - labels) + 1;
    }
    *out = p;
    return KB_OK;
}

void kbi_parser_free(kbi_parser *p) { free(p); }

static void fallback(kbi_sentence *s)
{
    for (int32_t i = 0; i < s->ntoks; i++) {
        s->toks[i].head = i == 0 ? -1 : 0;
        s->toks[i].deprel = i == 0 ? "root" : "dep";
    }
}

void kbi_parser_parse(const kbi_parser *p, kbi_sentence *s, kbi_arena *a)
{
    if (s->ntoks <= 0)
        return;
    kbi_tags_repair(s);
    void *mem = kbi_arena_alloc(a, kbi_pstate_size(s->ntoks));
    if (!mem) {
        fallback(s);
        return;
    }
    kbi_pstate st;
    kbi_pstate_init(&st, s, mem);
    kbi_parser_run(p, &st);
    kbi_parser_fix_root(p, &st);
    for (int32_t i = 0; i < s->ntoks; i++) {
        kbi_token *t = &s->toks[i];
        t->head = st.head[i] >= s->ntoks ? -1 : st.head[i];
        int l = st.label[i];
        t->deprel = l >= 0 && (uint32_t)l < p->nlabels ? p->labels[l]
                    : t->head < 0                      ? "root"
                                                       : "dep";
    }
    kbi_parser_repair_root(s);
}
