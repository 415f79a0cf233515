/* check.c - kbi_text_check: the promises of kbi_text_segment, checked on
 * its output. The unit test and the fuzz target run it on every input. */
#include <string.h>

#include "text_int.h"

/* Whether the normalised slice src[s, e) consists of whitespace only
 * (and holds some, when `some`). */
static int blank(const char *src, size_t s, size_t e, kbi_arena *a, int some)
{
    if (s >= e)
        return !some;
    char *n = kbi_text_normalise(src + s, e - s, a);
    if (!n)
        return 1; /* out of memory: nothing to say */
    if (some && !*n)
        return 0;
    for (; *n; n++)
        if (*n != ' ' && *n != '\n')
            return 0;
    return 1;
}

const char *kbi_text_check(const char *src, size_t len,
                           const kbi_text_doc *d, kbi_arena *a)
{
    if (d->ntoks < 0 || d->nsents < 0 || (d->ntoks == 0) != (d->nsents == 0))
        return "token and sentence counts disagree";
    size_t prev = 0;
    for (int32_t i = 0; i < d->ntoks; i++) {
        const kbi_text_token *t = &d->toks[i];
        if (!t->form || !t->form[0])
            return "empty token form";
        if (t->start > t->end || t->end > len || t->start < prev)
            return "token offsets out of order";
        if (t->start == t->end && !(t->flags & KBI_TEXT_TOK_CHANGED))
            return "empty token span";
        for (const char *f = t->form; *f; f++)
            if (*f == ' ' || *f == '\n')
                return "whitespace inside a token form";
        char *n = kbi_text_normalise(src + t->start, t->end - t->start, a);
        if (n && strcmp(n, t->form) != 0 && t->start < t->end)
            return "form is not the normalised source";
        if (!blank(src, prev, t->start, a, 0))
            return "text between tokens was dropped";
        if (i + 1 < d->ntoks &&
            !blank(src, t->end, d->toks[i + 1].start, a, t->space_after))
            return t->space_after ? "space_after set but no space follows"
                                  : "space_after unset before a gap";
        prev = t->end;
    }
    if (!blank(src, prev, len, a, 0))
        return "text after the last token was dropped";
    int32_t next = 0;
    for (int32_t i = 0; i < d->nsents; i++) {
        const kbi_text_sentence *s = &d->sents[i];
        if (s->first != next || s->n < 1 || s->first + s->n > d->ntoks)
            return "sentences do not cover the tokens in order";
        if (s->start != d->toks[s->first].start ||
            s->end != d->toks[s->first + s->n - 1].end)
            return "sentence offsets differ from its tokens";
        next = s->first + s->n;
    }
    if (next != d->ntoks)
        return "tokens after the last sentence";
    return NULL;
}
