/* fuzz_geo.c - the gazetteer loader (kbi_geo_load_mem) and everything that
 * reads a loaded gazetteer: lookups, entries, keys, kbi_geo_find over a
 * sentence, the context, resolution and the focus.
 *
 * Whatever the bytes, loading must either fail with a message or give a
 * gazetteer whose every answer lies inside the input: the body is only
 * bounds-checked when used, so a damaged body may answer wrongly but never
 * read outside the file. The last bytes of the input also become the
 * forms of a second sentence, so odd UTF-8 reaches the matcher. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "geo/geo.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok)
{
    if (!ok)
        abort();
}

static void touch(const char *s)
{
    if (s) {
        volatile size_t n = strlen(s);
        (void)n;
    }
}

static void place(const kb_place *p)
{
    touch(p->name);
    touch(p->admin_code);
    touch(p->admin1);
    touch(p->country);
    touch(p->country_cameo);
    touch(p->feature);
    touch(p->text);
}

/* The tokens of a sentence, with tags and offsets into `text`. */
static kbi_sentence sentence(kbi_arena *a, const char *text,
                             const char *const *forms, const char *const *tags,
                             int n)
{
    kbi_sentence s;
    memset(&s, 0, sizeof s);
    s.toks = kbi_arena_alloc(a, (size_t)(n ? n : 1) * sizeof *s.toks);
    if (!s.toks)
        return s;
    s.ntoks = n;
    uint32_t at = 0;
    for (int i = 0; i < n; i++) {
        kbi_token *t = &s.toks[i];
        t->form = t->upper = forms[i];
        t->xpos = tags[i];
        t->head = -1;
        t->deprel = i % 3 ? "compound" : NULL;
        const char *hit = text ? strstr(text + at, forms[i]) : NULL;
        if (hit) {
            t->start = (uint32_t)(hit - text);
            t->end = t->start + (uint32_t)strlen(forms[i]);
            at = t->end;
        }
    }
    return s;
}

static void run(const kb_gazetteer *g, kbi_geo_context *c,
                const kbi_sentence *s, const char *text, kbi_arena *a)
{
    kbi_geo_mention *m = NULL;
    size_t n = 0;
    if (kbi_geo_find(g, s, text, a, &m, &n) != KB_OK)
        return;
    check(n == 0 || m != NULL);
    kbi_geo_context_add(c, m, n);
    for (size_t i = 0; i < n; i++) {
        check(m[i].tok_start >= 0 && m[i].tok_start < m[i].tok_end &&
              m[i].tok_end <= s->ntoks && m[i].text != NULL);
        check(m[i].qualifier < (int32_t)n);
        kb_place p;
        if (kbi_geo_resolve(c, &m[i], m, n, &p))
            place(&p);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    kb_gazetteer *g = NULL;
    kb_error e;
    kb_status st = kbi_geo_load_mem(data, size, "fuzz", &g, &e);
    if (st != KB_OK) {
        check(g == NULL && e.message[0] != '\0' &&
              memchr(e.message, '\0', sizeof e.message) != NULL);
        return 0;
    }
    kbi_geo_verify(g, &e);
    static const char *const names[] = {
        "Erbil", "Tripoli", "Georgia", "Iraqi", "Green Zone", "disputed",
        "al-Qaim", "Ras al Ain", "U.S.", "", "\xff\xfe", "a"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        kbi_geo_key k;
        if (!kbi_geo_lookup(g, names[i], strlen(names[i]), &k))
            continue;
        for (uint32_t j = 0; j < k.n && j < 64; j++) {
            uint32_t en;
            int kind;
            kbi_geo_entry x;
            if (kbi_geo_key_cand(g, &k, j, &en, &kind) &&
                kbi_geo_entry_get(g, en, &x))
                touch(x.name), touch(x.admin_code);
        }
    }
    size_t ne = kbi_geo_entry_count(g);
    for (uint32_t i = 0; i < 300; i++) {
        kb_place p;
        if (kbi_geo_place(g, (uint32_t)(i * 7919u % (ne + 1)), &p))
            place(&p);
        kbi_geo_key k;
        kbi_geo_key_get(g, i, &k);
        const char *iso2, *iso3;
        uint32_t ce;
        if (kbi_geo_country(g, (int)i, &iso2, &iso3, &ce))
            touch(iso2), touch(iso3);
    }
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_geo_context c;
    kbi_geo_context_init(&c, g);
    kbi_geo_context_country(&c, "IQ", 1);
    static const char text[] =
        "Police in Mobile , Alabama said Tripoli , Lebanon and Erbil in "
        "Kirkuk province near the disputed territories and Iranian-backed "
        "al-Qaim .";
    static const char *const forms[] = {
        "Police", "in", "Mobile", ",", "Alabama", "said", "Tripoli", ",",
        "Lebanon", "and", "Erbil", "in", "Kirkuk", "province", "near", "the",
        "disputed", "territories", "and", "Iranian-backed", "al-Qaim", "."};
    static const char *const tags[] = {
        "NNS", "IN", "NNP", ",", "NNP", "VBD", "NNP", ",", "NNP", "CC", "NNP",
        "IN", "NNP", "NN", "IN", "DT", "VBN", "NNS", "CC", "JJ", "NNP", "."};
    kbi_sentence s = sentence(&a, text, forms, tags, 22);
    run(g, &c, &s, text, &a);
    /* the input's last bytes as forms */
    size_t tail = size < 160 ? size : 160;
    char *buf = kbi_arena_alloc(&a, tail + 1);
    const char *tf[40];
    const char *tt[40];
    int nt = 0;
    if (buf) {
        memcpy(buf, data + size - tail, tail);
        buf[tail] = '\0';
        for (char *p = buf; nt < 40 && p < buf + tail;) {
            char *sp = memchr(p, ' ', (size_t)(buf + tail - p));
            if (sp)
                *sp = '\0';
            if (*p) {
                tf[nt] = p;
                tt[nt] = nt % 2 ? "NNP" : "NN";
                nt++;
            }
            if (!sp)
                break;
            p = sp + 1;
        }
        kbi_sentence s2 = sentence(&a, NULL, tf, tt, nt);
        run(g, &c, &s2, NULL, &a);
        kbi_geo_dateline(&c, &s2, NULL, &a);
    }
    kb_place p;
    if (kbi_geo_focus(&c, &p))
        place(&p);
    kbi_arena_free(&a);
    kb_gazetteer_free(g);
    return 0;
}
