/* fuzz_verbs_cameo.c - the PETRARCH-2 verb dictionary reader on arbitrary
 * bytes. The first byte chooses strict mode; after loading, every index
 * the coder will follow is checked, so a bad table aborts here rather
 * than later in the matcher. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dict.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_pels(const kbi_verbs *v, const kbi_pel *el, int32_t n)
{
    for (int32_t i = 0; i < n; i++) {
        if (el[i].kind > KBI_PEL_TOKEN || el[i].adjacent > 1)
            abort();
        if (el[i].kind == KBI_PEL_SYNSET &&
            (el[i].synset < 0 || (size_t)el[i].synset >= v->nsynsets))
            abort();
        if (el[i].kind == KBI_PEL_WORD && (!el[i].word || !el[i].word[0]))
            abort();
    }
}

static void check(const kb_dict *d)
{
    const kbi_verbs *v = &d->verbs;
    for (size_t i = 0; i < v->nforms; i++) {
        const kbi_vform *f = &v->forms[i];
        if (kbi_verbs_lookup(d, f->word) != f)
            abort();
        int plain = 0;
        for (int32_t j = 0; j < f->nreadings; j++) {
            if (f->readings[j] < 0 || (size_t)f->readings[j] >= v->nreadings)
                abort();
            const kbi_reading *r = &v->readings[f->readings[j]];
            if (plain) /* the plain reading must come last */
                abort();
            plain = r->nbefore + r->nafter == 0;
        }
    }
    for (size_t i = 0; i < v->nreadings; i++)
        if (v->readings[i].block < 0 ||
            (size_t)v->readings[i].block >= v->nblocks || !v->readings[i].code)
            abort();
    size_t total = 0;
    for (size_t b = 0; b < v->nblocks; b++) {
        const kbi_block *bl = &v->blocks[b];
        if ((size_t)bl->first_pattern != total)
            abort();
        total += (size_t)bl->npatterns;
    }
    if (total != v->npatterns)
        abort();
    for (size_t i = 0; i < v->npatterns; i++) {
        const kbi_pattern *p = &v->patterns[i];
        check_pels(v, p->upper, p->nupper);
        check_pels(v, p->lower, p->nlower);
        if (!p->code || !p->text)
            abort();
    }
    for (size_t s = 0; s < v->nsynsets; s++)
        if ((size_t)(v->synsets[s].first_member + v->synsets[s].nmembers) >
            v->nmembers)
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    if (size)
        memcpy(text, data, size);
    text[size] = '\0';
    kb_dict *d = kbi_dict_new(NULL);
    d->strict = size > 0 && (data[0] & 1);
    kb_error err;
    kbi_load L = {d, "fuzz.txt", &err};
    kb_status st = kbi_verbs_cameo_load(&L, text, size);
    if (st == KB_OK && kbi_dict_finish(d) == KB_OK)
        check(d);
    kb_dict_free(d);
    free(text);
    return 0;
}
