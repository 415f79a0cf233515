/* clauses.c - deleting short comma-delimited clauses (TABARI spec §7.3):
 * an initial clause, a terminal clause and internal clauses whose word
 * counts fall inside the configured windows. Only commas outside actor
 * phrases count. */
#include <string.h>

#include "stream.h"

static int is_comma(const kbi_item *it)
{
    return it->kind == KBI_IT_WORD && !it->deleted && it->ne < 0 &&
           it->tag && strcmp(it->tag, ",") == 0;
}

static int counts_as_word(const kbi_item *it)
{
    if (it->kind != KBI_IT_WORD || it->deleted)
        return 0;
    char c = it->text[0];
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int words_between(const kbi_stream *st, int32_t a, int32_t b)
{
    int n = 0;
    for (int32_t i = a; i < b; i++)
        n += counts_as_word(&st->items[i]);
    return n;
}

/* Removes every item lying wholly inside [a, b). */
static void delete_span(kbi_stream *st, int32_t a, int32_t b)
{
    for (int32_t i = a; i < b; i++) {
        kbi_item *it = &st->items[i];
        switch (it->kind) {
        case KBI_IT_WORD:
            it->deleted = 1;
            break;
        case KBI_IT_OPEN: case KBI_IT_NE: case KBI_IT_NEC:
            if (it->match >= a && it->match < b)
                it->deleted = 1;
            break;
        default:
            if (it->match >= a && it->match < b)
                it->deleted = 1;
            break;
        }
    }
}

/* Position of the final punctuation, or st->n when there is none. */
static int32_t final_punct(const kbi_stream *st)
{
    for (int32_t i = st->n - 1; i >= 0; i--) {
        const kbi_item *it = &st->items[i];
        if (it->kind != KBI_IT_WORD || it->deleted)
            continue;
        return it->tag && strcmp(it->tag, ".") == 0 ? i : st->n;
    }
    return st->n;
}

static int in_window(int n, int lo, int hi) { return n >= lo && n <= hi; }

void kbi_stream_delete_commas(kbi_stream *st, const kb_config *c)
{
    int32_t end = final_punct(st);
    if (c->comma_bmax != 0) {
        for (int32_t i = 0; i < end; i++)
            if (is_comma(&st->items[i])) {
                if (in_window(words_between(st, 0, i), c->comma_bmin,
                              c->comma_bmax))
                    delete_span(st, 0, i);
                break;
            }
    }
    if (c->comma_emax != 0) {
        for (int32_t i = end - 1; i >= 0; i--)
            if (is_comma(&st->items[i])) {
                if (in_window(words_between(st, i + 1, end), c->comma_emin,
                              c->comma_emax))
                    delete_span(st, i + 1, end);
                break;
            }
    }
    if (c->comma_max != 0) {
        int32_t prev = -1;
        for (int32_t i = 0; i < end; i++) {
            if (!is_comma(&st->items[i]))
                continue;
            if (prev >= 0 && in_window(words_between(st, prev + 1, i),
                                       c->comma_min, c->comma_max)) {
                /* an apposition set off by commas right after an actor
                 * phrase ("Yahya Rasool, the spokesman for ..., spoke")
                 * goes with both its commas, so that the phrase before it
                 * stays next to its verb (§7.6 reads back to a comma) */
                int32_t j = prev - 1;
                while (j >= 0 && st->items[j].kind == KBI_IT_CLOSE)
                    j--;
                int appos = j >= 0 && st->items[j].kind == KBI_IT_NE_END &&
                            !st->items[j].deleted;
                delete_span(st, prev, appos ? i + 1 : i);
            }
            prev = i;
        }
    }
    /* a comma with no words before it, or none after it, goes */
    for (int32_t i = 0; i < end; i++)
        if (is_comma(&st->items[i])) {
            if (words_between(st, 0, i) == 0)
                st->items[i].deleted = 1;
            break;
        }
    for (int32_t i = end - 1; i >= 0; i--)
        if (is_comma(&st->items[i])) {
            if (words_between(st, i + 1, end) == 0)
                st->items[i].deleted = 1;
            break;
        }
}
