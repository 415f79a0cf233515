/* pipeline.c - kb_model and the way from text to a parsed sentence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/error.h"
#include "../base/util.h"
#include "pipeline.h"
#include "evaluate.h"
#include "project.h"

kb_status kb_model_load(const char *path, kb_model **out, kb_error *err)
{
    char buf[4096];
    if (!path)
        path = kbi_data_path("model/khabar-en.model", buf, sizeof buf);
    *out = NULL;
    kb_model *m = kbi_realloc(NULL, NULL, 0, sizeof *m);
    if (!m) {
        kbi_error_set(err, KB_ERR_NOMEM, path, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    memset(m, 0, sizeof *m);
    kb_status st = kbi_model_open(path, &m->file, err);
    if (st == KB_OK)
        st = kbi_tagger_load(m->file, &m->tagger, err);
    size_t psize = 0;
    /* a model may hold only the tagger (then sentences get no heads and
     * phrases are flat); a parser that is there must load */
    if (st == KB_OK && kbi_model_section(m->file, "parser.meta", &psize))
        st = kbi_parser_load(m->file, &m->parser, err);
    if (st != KB_OK) {
        if (err && !err->file[0]) {
            size_t n = strlen(path);
            const char *tail = n >= sizeof err->file ? path + n - sizeof err->file + 1 : path;
            memcpy(err->file, tail, strlen(tail) + 1);
        }
        kb_model_free(m);
        return st;
    }
    *out = m;
    return KB_OK;
}

void kb_model_free(kb_model *m)
{
    if (!m)
        return;
    kbi_parser_free(m->parser);
    kbi_tagger_free(m->tagger);
    kbi_model_close(m->file);
    kbi_free(NULL, m, sizeof *m);
}

static char *upper_dup(kbi_arena *a, const char *s)
{
    char *u = kbi_arena_strdup(a, s);
    if (u)
        for (char *q = u; *q; q++)
            if (*q >= 'a' && *q <= 'z')
                *q = (char)(*q - 'a' + 'A');
    return u;
}

static kb_status finish(const kb_model *m, kbi_sentence *s, kbi_arena *a)
{
    kbi_tagger_tag(m->tagger, s, a);
    if (m->parser)
        kbi_parser_parse(m->parser, s, a);
    if (a->failed)
        return KB_ERR_NOMEM;
    return kbi_project_constituents(s, a);
}

static kb_status fill(const kbi_text_doc *doc, int32_t first, int32_t n,
                      kbi_arena *a, kbi_sentence *out)
{
    memset(out, 0, sizeof *out);
    out->toks = kbi_arena_alloc(a, (size_t)(n ? n : 1) * sizeof *out->toks);
    if (!out->toks)
        return KB_ERR_NOMEM;
    for (int32_t i = 0; i < n; i++) {
        const kbi_text_token *t = &doc->toks[first + i];
        kbi_token *k = &out->toks[i];
        k->form = t->form;
        k->upper = upper_dup(a, t->form);
        if (!k->upper)
            return KB_ERR_NOMEM;
        if (t->flags & KBI_TEXT_TOK_CUT) {
            /* "U.S" whose period also ends the sentence: the dictionaries
             * write "U.S." */
            size_t len = strlen(k->upper);
            char *u = kbi_arena_alloc(a, len + 2);
            if (!u)
                return KB_ERR_NOMEM;
            memcpy(u, k->upper, len);
            u[len] = '.';
            u[len + 1] = '\0';
            k->upper = u;
        }
        k->head = -1;
        k->start = t->start;
        k->end = t->end;
    }
    out->ntoks = n;
    return KB_OK;
}

kb_status kbi_pipeline_sentence(const kb_model *m, const kbi_text_doc *doc,
                                int32_t i, kbi_arena *a, kbi_sentence *out)
{
    const kbi_text_sentence *se = &doc->sents[i];
    int32_t n = se->n;
    if (n > KBI_MAX_TOKENS)
        n = KBI_MAX_TOKENS;
    kb_status st = fill(doc, se->first, n, a, out);
    return st == KB_OK ? finish(m, out, a) : st;
}

kb_status kbi_pipeline_one(const kb_model *m, const char *src, size_t len,
                           kbi_arena *a, kbi_sentence *out)
{
    kbi_text_doc doc;
    kb_status st = kbi_text_segment(src, len, NULL, a, NULL, &doc);
    if (st != KB_OK)
        return st;
    int32_t n = doc.ntoks > KBI_MAX_TOKENS ? KBI_MAX_TOKENS : doc.ntoks;
    st = fill(&doc, 0, n, a, out);
    return st == KB_OK ? finish(m, out, a) : st;
}

/* ---- evaluation -------------------------------------------------------- */

static void parse_cb(void *user, kbi_sentence *s, kbi_arena *a)
{
    kbi_parser_parse(user, s, a);
}

kb_status kb_eval_conllu(const kb_model *m, const char *gold_path,
                         kb_diag_fn diag, void *user, kb_eval *out,
                         kb_error *err)
{
    memset(out, 0, sizeof *out);
    kbi_diag dg = {diag, user, 0};
    kbi_eval_result r;
    kb_status st = kbi_eval_conllu(gold_path, m->tagger,
                                   m->parser ? parse_cb : NULL, m->parser,
                                   &dg, &r, err);
    if (st != KB_OK)
        return st;
    out->sentences = r.sentences;
    out->tokens = r.tokens;
    out->skipped = r.skipped;
    out->upos = kbi_eval_pct(r.upos, r.tokens);
    out->xpos = kbi_eval_pct(r.xpos, r.tokens);
    out->uas = kbi_eval_pct(r.uas, r.tokens);
    out->las = kbi_eval_pct(r.las, r.tokens);
    out->parsed = r.parsed;
    out->tag_tokens_per_s = r.tag_seconds > 0 ? (double)r.tokens / r.tag_seconds : 0;
    out->parse_tokens_per_s =
        r.parse_seconds > 0 ? (double)r.tokens / r.parse_seconds : 0;
    return KB_OK;
}

static kb_status analyse_cb(void *user, const kbi_text_doc *doc, int32_t i,
                            kbi_arena *a, kbi_sentence *out)
{
    const kb_model *m = user;
    return kbi_pipeline_sentence(m, doc, i, a, out);
}

kb_status kb_eval_conllu_raw(const kb_model *m, const char *gold_path,
                             kb_diag_fn diag, void *user, kb_eval *out,
                             kb_error *err)
{
    kb_status st = kb_eval_conllu(m, gold_path, diag, user, out, err);
    if (st != KB_OK)
        return st;
    /* the gold file's problems were reported by the first pass */
    kbi_eval_raw_config cfg = {NULL, analyse_cb, (void *)m, NULL, NULL};
    kbi_eval_raw_result r;
    st = kbi_eval_conllu_raw(gold_path, &cfg, NULL, &r, err);
    if (st != KB_OK)
        return st;
    const kbi_eval_counts *c = &r.c;
    out->raw = 1;
    out->tokens_f1 = kbi_eval_f1(c->ok_toks, c->gold_toks, c->sys_toks);
    out->words_f1 = kbi_eval_f1(c->ok_words, c->gold_words, c->sys_words);
    out->sentences_f1 = kbi_eval_f1(c->ok_sents, c->gold_sents, c->sys_sents);
    out->raw_upos = kbi_eval_f1(c->upos, c->gold_words, c->sys_words);
    out->raw_xpos = kbi_eval_f1(c->xpos, c->gold_words, c->sys_words);
    out->raw_uas = kbi_eval_f1(c->uas, c->gold_words, c->sys_words);
    out->raw_las = kbi_eval_f1(c->las, c->gold_words, c->sys_words);
    return KB_OK;
}
