/* claims.c - events told as claims of responsibility.
 *
 * "The Islamic State claimed responsibility for the attack on the
 * police" and "Kirkuk province witnessed attacks and kidnappings for which
 * the Islamic State has claimed responsibility" state who attacked whom,
 * but the attack is a noun, which the verb patterns never see. Read from
 * the dependency tree:
 *   - the claim: "responsibility" as the object of claim / take / accept /
 *     admit, whose subject is a coded actor (the perpetrator);
 *   - what was claimed: the noun after "for" ("responsibility for the
 *     attacks"), or, when the claim is a relative clause "for which", the
 *     noun it modifies; and the nouns conjoined with it ("attacks and
 *     kidnappings");
 *   - the event code: the default code of the verb the noun names in the
 *     verb dictionary ("attacks" -> ATTACK 190, "kidnappings" ->
 *     KIDNAPPING 181); a noun that is not a verb there gives no event;
 *   - the target: the actor after "on" or "against" the noun, else the
 *     subject of the clause the noun is the object of ("Kirkuk province
 *     witnessed attacks"); with neither there is no event. */
#include <stdio.h>
#include <string.h>

#include "../code/result.h"
#include "../base/util.h"
#include "article.h"

static const char *const claim_verbs[] = {
    "CLAIM", "CLAIMS", "CLAIMED", "CLAIMING", "TAKE", "TAKES", "TOOK",
    "TAKEN", "TAKING", "ACCEPT", "ACCEPTS", "ACCEPTED", "ADMIT", "ADMITS",
    "ADMITTED", NULL};

/* Does token i have a child with form w (upper case) and relation rel? */
static int has_child(const kbi_sentence *s, int32_t i, const char *w,
                     const char *rel)
{
    for (int32_t k = 0; k < s->ntoks; k++)
        if (s->toks[k].head == i && kbi_rel_is(&s->toks[k], rel) &&
            s->toks[k].upper && strcmp(s->toks[k].upper, w) == 0)
            return 1;
    return 0;
}

/* The default code of the verb a noun names, or NULL. */
static const char *noun_code(const kb_dict *d, const char *upper)
{
    char w[128];
    size_t n = strlen(upper);
    if (n + 1 > sizeof w || n < 3)
        return NULL;
    for (int k = 0; k < 2; k++) {
        memcpy(w, upper, n + 1);
        if (k == 1) {
            if (w[n - 1] != 'S')
                break;
            w[n - 1] = '\0';
        }
        const kbi_vform *f = kbi_verbs_lookup(d, w);
        for (int32_t i = 0; f && i < f->nreadings; i++) {
            const kbi_reading *rd = &d->verbs.readings[f->readings[i]];
            if (rd->nbefore == 0 && rd->nafter == 0 && rd->code &&
                strcmp(rd->code, "---") != 0)
                return rd->code;
        }
    }
    return NULL;
}

/* The target of the claimed noun z, or NULL. */
static const char *target_of(const kbi_sentence *s, const kbi_entities *E,
                             int32_t z, const char **text)
{
    for (int32_t k = 0; k < s->ntoks; k++) {
        if (s->toks[k].head != z || !(kbi_rel_is(&s->toks[k], "nmod") ||
                                      kbi_rel_is(&s->toks[k], "obl")))
            continue;
        if (!has_child(s, k, "ON", "case") && !has_child(s, k, "AGAINST", "case"))
            continue;
        const char *c = kbi_entities_token(E, k, text);
        if (!kbi_uncoded(c))
            return c;
    }
    int32_t h = s->toks[z].head;
    if (kbi_rel_is(&s->toks[z], "conj") && h >= 0)
        h = s->toks[h].head; /* "attacks and kidnappings" */
    if (h < 0 || !(kbi_rel_is(&s->toks[z], "obj") ||
                   kbi_rel_is(&s->toks[z], "conj")))
        return NULL;
    int32_t subj = kbi_child(s, h, "nsubj");
    if (subj < 0)
        return NULL;
    const char *c = kbi_entities_token(E, subj, text);
    return kbi_uncoded(c) ? NULL : c;
}

static kb_status emit(kb_result *r, const char *src, const char *src_text,
                      const char *tgt, const char *tgt_text,
                      const char *code, const char *noun, int32_t tok)
{
    if (strcmp(src, tgt) == 0)
        return KB_OK;
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->events[i].source, src) &&
            !strcmp(r->events[i].target, tgt) &&
            !strcmp(r->events[i].code, code))
            return KB_OK;
    kb_event *e = kbi_result_add(r);
    if (!e)
        return KB_ERR_NOMEM;
    e->source = kbi_arena_strdup(&r->arena, src);
    e->target = kbi_arena_strdup(&r->arena, tgt);
    e->code = kbi_arena_strdup(&r->arena, code);
    e->source_text = src_text ? kbi_arena_strdup(&r->arena, src_text) : NULL;
    e->target_text = tgt_text ? kbi_arena_strdup(&r->arena, tgt_text) : NULL;
    e->verb = kbi_arena_strdup(&r->arena, noun);
    e->pattern = "claim of responsibility";
    e->source_entry = "article: claimed responsibility";
    e->issues = "";
    kbi_result_set_token(r, r->n - 1, tok);
    return r->arena.failed ? KB_ERR_NOMEM : KB_OK;
}

/* The claimed nouns: z and its conjuncts. */
static kb_status claimed(const kb_dict *d, const kbi_sentence *s,
                         const kbi_entities *E, kb_result *r, int32_t z,
                         const char *src, const char *src_text)
{
    for (int32_t k = z; k < s->ntoks; k++) {
        if (k != z && !(s->toks[k].head == z && kbi_rel_is(&s->toks[k], "conj")))
            continue;
        const char *code = s->toks[k].upper ? noun_code(d, s->toks[k].upper)
                                            : NULL;
        const char *tt = NULL;
        const char *tgt = code ? target_of(s, E, k, &tt) : NULL;
        if (tgt) {
            kb_status st = emit(r, src, src_text, tgt, tt, code,
                                s->toks[k].upper, k);
            if (st != KB_OK)
                return st;
        }
    }
    return KB_OK;
}

kb_status kbi_claims(const kb_dict *d, const kbi_sentence *s,
                     const kbi_entities *E, kb_result *r)
{
    for (int32_t t = 0; t < s->ntoks; t++) {
        const kbi_token *tk = &s->toks[t];
        if (!tk->upper || strcmp(tk->upper, "RESPONSIBILITY") != 0 ||
            tk->head < 0 || !kbi_rel_is(tk, "obj"))
            continue;
        int32_t h = tk->head;
        if (!kbi_in_list(s->toks[h].upper, claim_verbs))
            continue;
        int32_t p = kbi_child(s, h, "nsubj");
        const char *src_text = NULL;
        const char *src = p >= 0 ? kbi_entities_token(E, p, &src_text) : NULL;
        if (kbi_uncoded(src))
            continue;
        kb_status st = KB_OK;
        /* "responsibility for the attacks" */
        for (int32_t k = 0; k < s->ntoks && st == KB_OK; k++)
            if ((s->toks[k].head == t || s->toks[k].head == h) &&
                (kbi_rel_is(&s->toks[k], "nmod") || kbi_rel_is(&s->toks[k], "obl")) &&
                has_child(s, k, "FOR", "case") &&
                strcmp(s->toks[k].upper ? s->toks[k].upper : "", "WHICH") != 0)
                st = claimed(d, s, E, r, k, src, src_text);
        /* "attacks ... for which X claimed responsibility" */
        if (st == KB_OK && kbi_rel_is(&s->toks[h], "acl") && s->toks[h].head >= 0)
            for (int32_t k = 0; k < s->ntoks && st == KB_OK; k++)
                if (s->toks[k].head == h && s->toks[k].upper &&
                    strcmp(s->toks[k].upper, "WHICH") == 0 &&
                    has_child(s, k, "FOR", "case"))
                    st = claimed(d, s, E, r, s->toks[h].head, src, src_text);
        if (st != KB_OK)
            return st;
    }
    return KB_OK;
}
