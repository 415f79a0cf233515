/* fuzz_dates.c - temporal expressions (kbi_dates_find, kbi_dates_event).
 *
 * The first 5 bytes pick the publication date (anywhere in years
 * 1..9999), the anchor (none, near the publication date, or anywhere) and
 * whether the tokens get dependency heads (made from the bytes: cycles,
 * out-of-range heads, odd relations); the rest is text, segmented by the
 * text front end. Each sentence must give expressions in order, not
 * overlapping, inside the sentence, lo <= hi inside the calendar (or
 * unresolved), with text; the event date must be one of them or NULL, for
 * any verb index. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article/dates.h"
#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok)
{
    if (!ok)
        abort();
}

enum { MIN_DAY = -719162, MAX_DAY = 2932896 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t head[5] = {0, 0, 0, 0, 0};
    size_t skip = size < 5 ? size : 5;
    memcpy(head, data, skip);
    uint32_t r = (uint32_t)head[0] | (uint32_t)head[1] << 8 |
                 (uint32_t)head[2] << 16 | (uint32_t)head[3] << 24;
    int32_t pub = MIN_DAY + (int32_t)(r % (uint32_t)(MAX_DAY - MIN_DAY + 1));
    if (!(head[4] & 8))
        pub = 18000 + (int32_t)(r % 4000); /* mostly modern dates */
    int32_t anchor = -1;
    if ((head[4] & 3) == 1)
        anchor = pub - (int32_t)(head[1] % 40);
    else if ((head[4] & 3) == 2)
        anchor = (int32_t)r; /* anything, in range or not */
    int with_heads = head[4] & 4;
    const char *text = (const char *)data + skip;
    size_t len = size - skip;

    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_text_doc doc;
    check(kbi_text_segment(text, len, NULL, &a, NULL, &doc) == KB_OK);
    static const char *rels[] = {"root", "obl", "ccomp", "advcl", "conj",
                                 "acl:relcl", NULL, "nmod:tmod"};
    for (int32_t si = 0; si < doc.nsents; si++) {
        const kbi_text_sentence *ts = &doc.sents[si];
        kbi_sentence s;
        memset(&s, 0, sizeof s);
        s.ntoks = ts->n;
        s.toks = kbi_arena_alloc(&a, (size_t)ts->n * sizeof *s.toks);
        check(s.toks != NULL);
        for (int32_t i = 0; i < ts->n; i++) {
            const kbi_text_token *t = &doc.toks[ts->first + i];
            kbi_token *k = &s.toks[i];
            k->form = t->form;
            k->start = t->start;
            k->end = t->end;
            k->head = -1;
            if (with_heads) {
                uint32_t h = (t->start * 2654435761u) ^ r;
                k->head = (int32_t)(h % (uint32_t)(ts->n + 2)) - 1;
                k->deprel = rels[h >> 29];
                k->xpos = h & 16 ? "VBD" : "NN";
            }
        }
        kbi_dates d;
        kb_status st = kbi_dates_find(&s, pub, anchor, &a, &d);
        check(st == KB_OK);
        for (int32_t i = 0; i < d.n; i++) {
            const kbi_date *x = &d.items[i];
            check(x->tok_start >= 0 && x->tok_start < x->tok_end &&
                  x->tok_end <= s.ntoks);
            check(i == 0 || x->tok_start >= d.items[i - 1].tok_end);
            check(x->text != NULL);
            check(x->start == s.toks[x->tok_start].start &&
                  x->end == s.toks[x->tok_end - 1].end);
            if (x->flags & KBI_DATE_UNRESOLVED)
                check(x->lo == KBI_DATE_NONE && x->hi == KBI_DATE_NONE);
            else
                check(x->lo <= x->hi && x->lo >= MIN_DAY && x->hi <= MAX_DAY);
            check((unsigned)x->gran <= KBI_DATE_SPAN);
        }
        int32_t verbs[] = {-1, 0, s.ntoks / 2, s.ntoks - 1, s.ntoks, 1 << 30};
        for (size_t v = 0; v < sizeof verbs / sizeof *verbs; v++) {
            const kbi_date *e = kbi_dates_event(&s, &d, verbs[v]);
            check(e == NULL || (e >= d.items && e < d.items + d.n &&
                                !(e->flags & (KBI_DATE_BOUND |
                                              KBI_DATE_UNRESOLVED))));
        }
    }
    kbi_arena_free(&a);
    return 0;
}
