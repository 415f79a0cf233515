/* roles.c - checks of a coded event against the dependency tree of its
 * sentence: who did it (the subject of the verb, the by-phrase of a
 * passive) and to whom (something near the verb). The coder reads
 * PETRARCH patterns over a linear stream and may take its actors from any
 * phrase; these checks catch the readings the tree contradicts. Tokens
 * are tied to actor codes by the entity memory (kbi_entities_token). */
#include <string.h>

#include "article.h"

static int rel(const kbi_token *t, const char *r)
{
    return t->deprel && strcmp(t->deprel, r) == 0;
}

/* A passive verb whose grammatical subject (any word of it) gave the
 * event's source ("a man was shot dead by troops": the man is the one
 * shot). Returns 1 when the by-phrase gave the target (swap them), 2 when
 * it did not (drop: the doer is not among the event's actors), 0 when the
 * source is not the passive subject. */
int kbi_passive_subject(const kbi_entities *E, const kbi_sentence *s,
                        int32_t v, const kb_event *e)
{
    if (v < 0)
        return 0;
    int by_source = 0, agent_target = 0;
    for (int32_t k = 0; k < s->ntoks; k++) {
        /* the top of k's chain of heads below v */
        int32_t h = k, steps = 0;
        while (h >= 0 && s->toks[h].head != v && steps++ < s->ntoks)
            h = s->toks[h].head;
        if (h < 0 || s->toks[h].head != v)
            continue;
        const char *c = kbi_entities_token(E, k, NULL);
        if (rel(&s->toks[h], "nsubj:pass") && c && !strcmp(c, e->source))
            by_source = 1;
        if (rel(&s->toks[h], "obl:agent") && c && !strcmp(c, e->target))
            agent_target = 1;
    }
    if (!by_source)
        return 0;
    return agent_target ? 1 : 2;
}

/* Does token k lie in the subtree of token top? */
static int below(const kbi_sentence *s, int32_t k, int32_t top)
{
    for (int32_t h = k, steps = 0; h >= 0 && steps <= s->ntoks; steps++) {
        if (h == top)
            return 1;
        h = s->toks[h].head;
    }
    return 0;
}

/* The active subject of verb v says who did it: when the subject names an
 * actor and the event's source is not that actor ("Tribal elders ...
 * are negotiating with the kidnappers": source taken from elsewhere), or
 * the event's target sits inside the subject, the coder read the wrong
 * phrase. Returns 1 for such an event. */
int kbi_wrong_subject(const kbi_entities *E, const kbi_sentence *s,
                      int32_t v, const kb_event *e)
{
    if (v < 0)
        return 0;
    int32_t subj = -1;
    for (int32_t k = 0; k < s->ntoks && subj < 0; k++)
        if (s->toks[k].head == v && rel(&s->toks[k], "nsubj"))
            subj = k;
    if (subj < 0)
        return 0;
    int named = 0, source_in = 0, target_in = 0, target_out = 0;
    for (int32_t k = 0; k < s->ntoks; k++) {
        const char *c = kbi_entities_token(E, k, NULL);
        if (!c)
            continue;
        int in = below(s, k, subj);
        if (in && strncmp(c, "---", 3) != 0)
            named = 1;
        if (in && !strcmp(c, e->source))
            source_in = 1;
        if (!strcmp(c, e->target)) {
            if (in)
                target_in = 1;
            else
                target_out = 1;
        }
    }
    return (named && !source_in) || (target_in && !target_out);
}

/* How many heads up from token k to token v (0 when k is v), or -1 when
 * k is not below v. */
static int depth_below(const kbi_sentence *s, int32_t k, int32_t v)
{
    int d = 0;
    for (int32_t h = k; h >= 0 && d <= s->ntoks; d++) {
        if (h == v)
            return d;
        h = s->toks[h].head;
    }
    return -1;
}

/* An event other than a statement (CAMEO 01, 02) is done to someone
 * near its verb: its target's phrase hangs at most three heads below the
 * verb ("attacked the police stations of the city"). A target found deep
 * in a clause of a clause ("vetoed a resolution demanding a pullout of
 * Israeli forces") was not the one acted on. Returns 1 for such an
 * event. */
int kbi_far_target(const kbi_entities *E, const kbi_sentence *s, int32_t v,
                   const kb_event *e)
{
    if (v < 0 || !e->code || (e->code[0] == '0' &&
                              (e->code[1] == '1' || e->code[1] == '2')))
        return 0;
    int best = -1;
    for (int32_t k = 0; k < s->ntoks; k++) {
        const char *c = kbi_entities_token(E, k, NULL);
        if (!c || strcmp(c, e->target) != 0)
            continue;
        int d = depth_below(s, k, v);
        if (d < 0)
            return 0; /* outside the verb's clause: not judged here */
        if (best < 0 || d < best)
            best = d;
    }
    return best > 3;
}

