/* match.c - matching one side of a verb pattern against a word sequence
 * (TABARI spec §7.7). The sequence holds words and actor-phrase
 * boundaries; pattern elements are words, synsets and the tokens $ + ^ %
 * that assign or skip actor phrases. */
#include <string.h>

#include "coder.h"

static int is_boundary(const kbi_sel *x, int nec)
{
    if (nec)
        return x->kind == KBI_SEL_NEC || x->kind == KBI_SEL_NEC_END;
    return x->kind == KBI_SEL_NE || x->kind == KBI_SEL_NE_END;
}

/* Does synset member m sit at p? Upper side: its last word at p, earlier
 * words at p+1...; lower side: its first word at p. Returns the member's
 * length or 0. */
static int member_at(const kbi_phrase *m, const kbi_sel *S, int nS, int p,
                     int upper)
{
    if (p + m->nwords > nS)
        return 0;
    for (int k = 0; k < m->nwords; k++) {
        const kbi_sel *x = &S[p + k];
        const char *want = upper ? m->words[m->nwords - 1 - k] : m->words[k];
        if (x->kind != KBI_SEL_WORD || strcmp(x->word, want) != 0)
            return 0;
    }
    return m->nwords;
}

static int synset_at(const kb_dict *d, int32_t sy, const kbi_sel *S, int nS,
                     int p, int upper)
{
    const kbi_synset *s = &d->verbs.synsets[sy];
    for (int32_t i = 0; i < s->nmembers; i++) {
        int k = member_at(&d->verbs.members[s->first_member + i], S, nS, p,
                          upper);
        if (k)
            return k;
    }
    return 0;
}

/* Position of the far boundary of NE `ne` in S, searching from p in the
 * reading direction of S. */
static int ne_far_edge(const kbi_sel *S, int nS, int p, int32_t ne)
{
    for (int q = p; q < nS; q++)
        if (S[q].ne == ne && is_boundary(&S[q], 0))
            return q;
    return nS - 1;
}

static int act(const kbi_pel *e, const kbi_sel *S, int nS, int *p,
               int *inNE, int upper, kbi_assign *as)
{
    const kbi_sel *x = &S[*p];
    switch (e->kind) {
    case KBI_PEL_SOURCE:
        if (*inNE) {
            as->src = x->ne;
            as->src_nec = 0;
        }
        return 1;
    case KBI_PEL_TARGET:
        if (*inNE) {
            as->tgt = x->ne;
            as->tgt_nec = 0;
        }
        return 1;
    case KBI_PEL_SKIP:
        if (*inNE) {
            *p = ne_far_edge(S, nS, *p, x->ne);
            *inNE = 0;
        }
        return 1;
    case KBI_PEL_COMPOUND: {
        int q = *p;
        if (upper) {
            while (q < nS && S[q].kind != KBI_SEL_NEC)
                q++;
            if (q == nS)
                return 0;
            as->src = as->tgt = S[q].nec;
            as->src_nec = as->tgt_nec = 1;
        } else {
            while (q >= 0 && S[q].kind != KBI_SEL_NEC)
                q--;
            if (q < 0)
                return 0;
            as->tgt = S[q].nec;
            as->tgt_nec = 1;
        }
        return 1;
    }
    default:
        return 1; /* other one-character tokens do nothing */
    }
}

int kbi_match_side(const kb_dict *d, const kbi_pel *E, int nE,
                   const kbi_sel *S, int nS, int upper, kbi_assign *as)
{
    if (nE == 0)
        return 1;
    if (nS == 0)
        return 0;
    int i = 0, p = 0, inNE = 0, inNEC = 0;
    for (;;) {
        const kbi_sel *x = &S[p];
        if (x->kind != KBI_SEL_WORD) {
            if (is_boundary(x, 0))
                inNE = !inNE;
            else
                inNEC = !inNEC;
            if (++p >= nS)
                return 0;
            continue;
        }
        const kbi_pel *e = &E[i];
        int advance = 1, hit = 0;
        switch (e->kind) {
        case KBI_PEL_WORD:
            hit = strcmp(e->word, x->word) == 0;
            break;
        case KBI_PEL_SYNSET:
            advance = e->synset >= 0 ? synset_at(d, e->synset, S, nS, p, upper)
                                     : 0;
            hit = advance > 0;
            if (!hit)
                advance = 1;
            break;
        default: /* tokens act only inside actor phrases */
            if (inNE || inNEC) {
                if (!act(e, S, nS, &p, &inNE, upper, as))
                    return 0;
                hit = 1;
            }
            break;
        }
        if (hit) {
            if (++i == nE)
                return 1;
        } else if (e->adjacent) {
            return 0;
        }
        p += advance;
        if (p >= nS)
            return 0;
    }
}
