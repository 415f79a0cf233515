/* repair.c - one correction to the greedy parser's output: a sentence
 * whose root is not a verb while a finite verb hangs below it.
 *
 * News sentences open with a demonym or a bare plural more often than the
 * treebank's: "Iraqi President Barham Salih met ...", "Turkish troops
 * attacked Kurdish fighters ...". The greedy parser sometimes makes the
 * first word the root and the main verb a clausal dependent of it (csubj,
 * acl, parataxis, dep), and the coder, which reads the verb phrase, then
 * finds no event. When the root is an adjective or a noun and one of its
 * dependents is a verb that heads a clause of its own (a subject or an
 * object, no subordinating "mark", no relative pronoun, not after the
 * copula; a relative clause under a noun root is taken for one only when
 * its subject is a relative pronoun), that verb becomes the root:
 *   - an adjective root before the verb modifies the next noun
 *     (amod);
 *   - a noun root before the verb is its subject (nsubj), unless the verb
 *     has one;
 *   - the old root's other dependents after the verb move to the verb;
 *   - a past participle (VBN) with an object and no auxiliary was a past
 *     tense verb (VBD, UPOS VERB). */
#include <string.h>

#include "parser.h"

static int is_verb(const kbi_token *t)
{
    return t->xpos && t->xpos[0] == 'V' && t->xpos[1] == 'B';
}

static int32_t child(const kbi_sentence *s, int32_t h, const char *rel)
{
    for (int32_t k = 0; k < s->ntoks; k++)
        if (s->toks[k].head == h && kbi_rel_is(&s->toks[k], rel))
            return k;
    return -1;
}

static int is_noun(const kbi_token *t)
{
    return t->xpos && t->xpos[0] == 'N' && t->xpos[1] == 'N';
}

/* Does every token reach the root? */
static int acyclic(const kbi_sentence *s)
{
    for (int32_t i = 0; i < s->ntoks; i++) {
        int32_t h = i, steps = 0;
        while (h >= 0 && steps++ <= s->ntoks)
            h = s->toks[h].head;
        if (h >= 0)
            return 0;
    }
    return 1;
}

static void rewire(kbi_sentence *s);

void kbi_parser_repair_root(kbi_sentence *s)
{
    enum { MAX = 256 };
    if (s->ntoks < 3 || s->ntoks > MAX)
        return;
    int32_t heads[MAX];
    const char *rels[MAX], *xpos[MAX], *upos[MAX];
    for (int32_t i = 0; i < s->ntoks; i++) {
        heads[i] = s->toks[i].head;
        rels[i] = s->toks[i].deprel;
        xpos[i] = s->toks[i].xpos;
        upos[i] = s->toks[i].upos;
    }
    rewire(s);
    if (!acyclic(s))
        for (int32_t i = 0; i < s->ntoks; i++) {
            s->toks[i].head = heads[i];
            s->toks[i].deprel = rels[i];
            s->toks[i].xpos = xpos[i];
            s->toks[i].upos = upos[i];
        }
}

static void rewire(kbi_sentence *s)
{
    int32_t r = -1;
    for (int32_t i = 0; i < s->ntoks; i++)
        if (s->toks[i].head < 0) {
            if (r >= 0)
                return; /* several roots: leave it */
            r = i;
        }
    if (r < 0)
        return;
    kbi_token *rt = &s->toks[r];
    if (!rt->xpos || !(rt->xpos[0] == 'J' || is_noun(rt)) ||
        child(s, r, "cop") >= 0 || child(s, r, "nsubj") >= 0)
        return;
    int32_t v = -1;
    for (int32_t k = r + 1; k < s->ntoks && v < 0; k++) {
        kbi_token *t = &s->toks[k];
        if (t->head != r || !is_verb(t) ||
            !(kbi_rel_is(t, "csubj") || kbi_rel_is(t, "acl") ||
              kbi_rel_is(t, "parataxis") || kbi_rel_is(t, "dep")) ||
            child(s, k, "mark") >= 0)
            continue;
        int32_t subj = child(s, k, "nsubj");
        if (subj >= 0 && s->toks[subj].xpos &&
            (s->toks[subj].xpos[0] == 'W' ||
             !strcmp(s->toks[subj].upper ? s->toks[subj].upper : "", "THAT")))
            continue; /* a relative clause */
        if (subj < 0 && child(s, k, "obj") < 0)
            continue;
        /* finite, or a participle with an object and no auxiliary */
        int finite = !strcmp(t->xpos, "VBD") || !strcmp(t->xpos, "VBZ") ||
                     !strcmp(t->xpos, "VBP");
        if (!finite && !(!strcmp(t->xpos, "VBN") &&
                         child(s, k, "obj") >= 0 && child(s, k, "aux") < 0 &&
                         child(s, k, "aux:pass") < 0))
            continue;
        v = k;
    }
    if (v < 0)
        return;
    kbi_token *vt = &s->toks[v];
    if (vt->xpos && !strcmp(vt->xpos, "VBN") && child(s, v, "obj") >= 0 &&
        child(s, v, "aux") < 0 && child(s, v, "aux:pass") < 0) {
        vt->xpos = "VBD";
        vt->upos = "VERB";
    }
    vt->head = -1;
    vt->deprel = "root";
    /* the old root's dependents after the verb belong to the verb */
    for (int32_t k = v + 1; k < s->ntoks; k++)
        if (s->toks[k].head == r)
            s->toks[k].head = v;
    if (rt->xpos[0] == 'J') {
        int32_t noun = -1;
        for (int32_t k = r + 1; k < v && noun < 0; k++)
            if (is_noun(&s->toks[k]))
                noun = k;
        if (noun < 0) {
            rt->head = v;
            rt->deprel = "dep";
            return;
        }
        /* the noun's old head chain ends at the root: hang it on the verb */
        for (int32_t k = r + 1; k < v; k++)
            if (s->toks[k].head == r)
                s->toks[k].head = v;
        rt->head = noun;
        rt->deprel = "amod";
    } else {
        rt->head = v;
        rt->deprel = child(s, v, "nsubj") >= 0 ? "dep" : "nsubj";
    }
}
