/* roles.c - checks of a coded event against the dependency tree of its
 * sentence: who did it (the subject of the verb, the by-phrase of a
 * passive) and to whom (something near the verb). The coder reads
 * PETRARCH patterns over a linear stream and may take its actors from any
 * phrase; these checks catch the readings the tree contradicts. Tokens
 * are tied to actor codes by the entity memory (kbi_entities_token). */
#include <stdint.h>
#include <string.h>

#include "../base/util.h"
#include "../dict/dict.h"
#include "article.h"

static int is_verb(const kbi_token *t)
{
    if (t->upos)
        return !strcmp(t->upos, "VERB") || !strcmp(t->upos, "AUX");
    return t->xpos && t->xpos[0] == 'V' && t->xpos[1] == 'B';
}

/* Does the relation of t start a clause of its own? What hangs below it
 * is not part of the phrase above ("Militants threatening to kill three
 * UN hostages": the hostages are not in the subject's phrase). */
static int clause_edge(const kbi_token *t)
{
    static const char *const rels[] = {"acl", "advcl", "ccomp", "xcomp",
                                       "csubj", "parataxis", NULL};
    for (int i = 0; rels[i]; i++)
        if (kbi_rel_is(t, rels[i]))
            return 1;
    return kbi_rel_is(t, "conj") && is_verb(t);
}

/* Does token k lie in the phrase of top: its subtree without the clauses
 * that hang in it? */
static int in_phrase(const kbi_sentence *s, int32_t k, int32_t top)
{
    for (int32_t h = k, steps = 0; h >= 0 && steps <= s->ntoks; steps++) {
        if (h == top)
            return 1;
        if (clause_edge(&s->toks[h]))
            return 0;
        h = s->toks[h].head;
    }
    return 0;
}

static int32_t child(const kbi_sentence *s, int32_t v, const char *rel)
{
    for (int32_t k = 0; k < s->ntoks; k++)
        if (s->toks[k].head == v && kbi_rel_is(&s->toks[k], rel) &&
            (strcmp(rel, "nsubj") != 0 ||
             !kbi_rel_is(&s->toks[k], "nsubj:pass")))
            return k;
    return -1;
}

static int relative_pronoun(const kbi_token *t)
{
    return t->xpos && (!strcmp(t->xpos, "WP") || !strcmp(t->xpos, "WDT") ||
                       (!strcmp(t->xpos, "IN") && t->upper &&
                        !strcmp(t->upper, "THAT")));
}

/* Is v a participle that modifies a noun ("a man wanted by police",
 * "militants holding three hostages")? 'N' for a past participle (the
 * noun is its patient), 'G' for the rest (the noun is its doer), 0 when
 * v is no such modifier. */
static int participle(const kbi_sentence *s, int32_t v)
{
    const kbi_token *t = &s->toks[v];
    if (!kbi_rel_is(t, "acl") || kbi_rel_is(t, "acl:relcl") || t->head < 0)
        return 0;
    if (child(s, v, "nsubj") >= 0 || child(s, v, "mark") >= 0)
        return 0; /* a clause of its own ("the fact that ...", "to ...") */
    /* a participle with an object is not a passive one */
    return t->xpos && !strcmp(t->xpos, "VBN") && child(s, v, "obj") < 0
               ? 'N' : 'G';
}

/* The active subject of verb v: its nsubj; the noun a relative clause or
 * an active participle modifies ("militants who seized", "militants
 * holding"); for a verb coordinated without one, its first conjunct's.
 * -1 when there is none. */
static int32_t active_subject(const kbi_sentence *s, int32_t v)
{
    for (int steps = 0; v >= 0 && steps < 4; steps++) {
        if (child(s, v, "nsubj:pass") >= 0)
            return -1;
        int32_t subj = child(s, v, "nsubj");
        const kbi_token *t = &s->toks[v];
        if (subj >= 0) {
            if (kbi_rel_is(t, "acl:relcl") && t->head >= 0 &&
                relative_pronoun(&s->toks[subj]))
                return t->head;
            return subj;
        }
        if (participle(s, v) == 'G')
            return t->head;
        /* "..., killing at least 13 people": the doer of the main verb */
        int gerund = kbi_rel_is(t, "advcl") && t->xpos &&
                     !strcmp(t->xpos, "VBG") && child(s, v, "mark") < 0;
        if (!gerund && (!kbi_rel_is(t, "conj") || !is_verb(t)))
            return -1;
        v = t->head;
    }
    return -1;
}

/* The first word of pattern p after its verb mark '*' ("- * ATTACK
 * [190]" -> "ATTACK"), copied into w; 0 when there is none. */
static int pattern_word(const char *p, char *w, size_t cap)
{
    const char *star = p ? strchr(p, '*') : NULL;
    if (!star)
        return 0;
    for (const char *c = star + 1; *c && *c != '['; c++) {
        if (*c < 'A' || *c > 'Z')
            continue;
        if (c > star + 1 && c[-1] != ' ')
            return 0; /* a synset (&NAME) or a special word */
        size_t n = 0;
        while (((c[n] >= 'A' && c[n] <= 'Z') || c[n] == '-' || c[n] == '\'') &&
               n + 1 < cap)
            n++;
        memcpy(w, c, n);
        w[n] = '\0';
        return n > 0;
    }
    return 0;
}

/* Does token k have "by" as its preposition (the parser sometimes calls
 * a bare noun an agent)? */
static int by(const kbi_sentence *s, int32_t k)
{
    for (int32_t i = 0; i < s->ntoks; i++)
        if (s->toks[i].head == k && kbi_rel_is(&s->toks[i], "case") &&
            s->toks[i].upper && !strcmp(s->toks[i].upper, "BY"))
            return 1;
    return 0;
}

/* The last word of the dictionary entry at p in an event's entry field
 * ("Phoenix.Countries.actors.txt:44333 TANZANIA_; Phoenix.agents.txt:338
 * KIDNAPPERS" holds two): its start in *w and length in *n (0 when it has
 * none). Returns where the next entry starts, or NULL when p holds none. */
static const char *entry_word(const char *p, const char **w, size_t *n)
{
    const char *z = p ? strchr(p, ' ') : NULL; /* after "file:line " */
    if (!z)
        return NULL;
    const char *end = z + 1 + strcspn(z + 1, ";");
    const char *next = *end ? end + 1 : end;
    while (end > z + 1 && end[-1] == '_')
        end--;
    const char *b = end;
    while (b > z + 1 && b[-1] != '_' && b[-1] != ' ')
        b--;
    *w = b;
    *n = (size_t)(end - b);
    while (*next == ' ')
        next++;
    return next;
}

/* Is token i a word of an actor phrase coded `code`, written w[0, n)? */
static int phrase_word(const kbi_entities *E, const kbi_sentence *s,
                       const char *code, int32_t i, const char *w, size_t n)
{
    const char *c = kbi_entities_token(E, i, NULL);
    const char *u = s->toks[i].upper;
    return n > 0 && c && strcmp(c, code) == 0 && u && strlen(u) == n &&
           memcmp(u, w, n) == 0;
}

/* Is token k, of the target's phrase, a word its code came from: the
 * last word of one of the dictionary entries that matched (the entry
 * "Phoenix.Countries.actors.txt:44333 TANZANIA_" in "African leaders in
 * Tanzania"; "A_; B" lists two)? Every word of the phrase is when no
 * entry names a word of it. */
static int target_word(const kbi_entities *E, const kbi_sentence *s,
                       const kb_event *e, int32_t k)
{
    int any = 0, hit = 0;
    const char *w;
    size_t n;
    for (const char *p = e->target_entry; p && *p;) {
        p = entry_word(p, &w, &n);
        for (int32_t i = 0; p && i < s->ntoks; i++)
            if (phrase_word(E, s, e->target, i, w, n)) {
                any = 1;
                hit |= i == k;
            }
    }
    return !any || hit;
}

/* Does every token of the event's target below v (with `words`, every
 * word its code came from) have, on its chain of heads up to v, a token h
 * for which marked(s, h, user) holds? 0 when no token of the target lies
 * below v. */
static int target_path_all(const kbi_entities *E, const kbi_sentence *s,
                           int32_t v, const kb_event *e, int words,
                           int (*marked)(const kbi_sentence *, int32_t,
                                         const void *),
                           const void *user)
{
    int seen = 0;
    for (int32_t k = 0; k < s->ntoks; k++) {
        const char *c = kbi_entities_token(E, k, NULL);
        if (!c || strcmp(c, e->target) != 0 || !kbi_tok_below(s, k, v) ||
            k == v || (words && !target_word(E, s, e, k)))
            continue;
        seen = 1;
        int hit = 0, steps = 0;
        for (int32_t h = k; h != v && h >= 0 && steps++ <= s->ntoks && !hit;
             h = s->toks[h].head)
            hit = marked(s, h, user);
        if (!hit)
            return 0;
    }
    return seen;
}

static int by_marked(const kbi_sentence *s, int32_t h, const void *user)
{
    (void)user;
    return by(s, h);
}

/* Does every token of the event's target below v lie in a by-phrase? */
static int target_by(const kbi_entities *E, const kbi_sentence *s, int32_t v,
                     const kb_event *e)
{
    return target_path_all(E, s, v, e, 0, by_marked, NULL);
}

/* Nouns of attacks and weapons: as a by-phrase they name the means
 * ("killed by a mortar attack"), and an actor in their place phrase is
 * where they struck, not who struck ("by a mortar attack on a US Army
 * base"). */
static const char *const strikes[] = {
    "ATTACK", "ATTACKS", "BLAST", "BLASTS", "EXPLOSION", "EXPLOSIONS",
    "BOMB", "BOMBS", "BOMBING", "BOMBINGS", "STRIKE", "STRIKES",
    "AIRSTRIKE", "AIRSTRIKES", "AIR-STRIKE", "RAID", "RAIDS", "FIRE",
    "GUNFIRE", "SHELLING", "SHELL", "SHELLS", "ROCKET", "ROCKETS", "MORTAR",
    "MORTARS", "AMBUSH", "MINE", "LANDMINE", "GRENADE", "MISSILE",
    "MISSILES", NULL};

/* Is token k, below the by-phrase head h, inside a phrase of place or
 * of aim ("on", "against", "near", "at", "in") of an attack noun h? */
static int attack_placed(const kbi_sentence *s, int32_t k, int32_t h)
{
    static const char *const at[] = {"ON", "AGAINST", "NEAR", "AT", "IN",
                                     "INTO", "OUTSIDE", NULL};
    if (k == h || !kbi_in_list(s->toks[h].upper, strikes))
        return 0;
    for (int32_t j = k, steps = 0; j != h && j >= 0 && steps <= s->ntoks;
         steps++, j = s->toks[j].head) {
        int32_t cs = child(s, j, "case");
        if (s->toks[j].head == h && kbi_rel_is(&s->toks[j], "nmod") &&
            cs >= 0 && kbi_in_list(s->toks[cs].upper, at))
            return 1;
    }
    return 0;
}

int kbi_passive_subject(const kbi_entities *E, const kbi_sentence *s,
                        int32_t v, const kb_event *e)
{
    if (v < 0)
        return 0;
    /* "troops backed by aircraft": the pattern reads the by-phrase, which
     * names the means, not the target */
    for (const char *p = e->pattern; p && (p = strstr(p, "BY")); p += 2)
        if ((p == e->pattern || p[-1] == ' ' || p[-1] == '(') &&
            (p[2] == ' ' || p[2] == '\0'))
            return target_by(E, s, v, e) ? 2 : 0;
    int32_t patient = participle(s, v) == 'N' ? s->toks[v].head : -1;
    /* "spent his final years encircled by the Israeli army": a past
     * participle with a by-phrase and no auxiliary of its own */
    int32_t agent = child(s, v, "obl:agent");
    int by_participle = s->toks[v].xpos && !strcmp(s->toks[v].xpos, "VBN") &&
                        agent >= 0 && by(s, agent) && child(s, v, "aux") < 0 &&
                        child(s, v, "nsubj") < 0;
    if (patient < 0 && child(s, v, "nsubj:pass") < 0 &&
        child(s, v, "aux:pass") < 0 && !by_participle)
        return 0; /* active */
    int by_source = 0, agent_target = 0, agent_source = 0;
    for (int32_t k = 0; k < s->ntoks; k++) {
        const char *c = kbi_entities_token(E, k, NULL);
        if (!c)
            continue;
        if (patient >= 0 && in_phrase(s, k, patient) && !kbi_tok_below(s, k, v) &&
            !strcmp(c, e->source))
            by_source = 1;
        /* the top of k's chain of heads below v */
        int32_t h = k, steps = 0;
        while (h >= 0 && s->toks[h].head != v && steps++ < s->ntoks)
            h = s->toks[h].head;
        if (h < 0 || s->toks[h].head != v)
            continue;
        if (kbi_rel_is(&s->toks[h], "nsubj:pass") && !strcmp(c, e->source))
            by_source = 1;
        if (kbi_rel_is(&s->toks[h], "obl:agent") && by(s, h) &&
            !attack_placed(s, k, h)) {
            if (!strcmp(c, e->target))
                agent_target = 1;
            if (!strcmp(c, e->source))
                agent_source = 1;
        }
    }
    if (by_source)
        return agent_target ? 1 : 2;
    /* "At least three people have been killed": with no by-phrase naming
     * the source, the doer is not told and the source was taken from
     * elsewhere (a dateline, another clause) */
    return agent_source ? 0 : 2;
}

/* Nouns that head a phrase naming the people of the actor after them
 * ("one of the rebel groups", "hundreds of villagers", "the head of the
 * UN agency"), besides the nouns of persons (person_noun). */
static const char *const people_of[] = {
    "ONE", "SOME", "MANY", "MOST", "ALL", "BOTH", "EACH", "TWO", "THREE",
    "HUNDREDS", "THOUSANDS", "DOZENS", "SCORES", "TENS", "MILLIONS",
    "MEMBER", "MEMBERS", "HEAD", "HEADS", "DELEGATION", "DELEGATIONS",
    "GROUP", "GROUPS", "REPRESENTATIVES", "ENVOY", "ENVOYS", "CHIEF",
    "CHIEFS", "AIDE", "AIDES", "STAFF", "UNIT", "UNITS", "TEAM", "TEAMS",
    "CONTINGENT", "FORCES", "TROOPS", "POLICE", "ARMY", "NAVY", "CABINET",
    "COUNCIL", "PARLIAMENT", "COURT", "PARTY", "MINISTRY", "AGENCY",
    "EMBASSY", "OFFICE", "WING", "BRANCH", "FAMILY", "FAMILIES", "PEOPLE",
    "YOUTH", "CLERGY", "ELITE", "REGIME", "AUTHORITIES", NULL};

/* A noun of a person by its ending: leader, negotiator, president,
 * activist, spokesman, Palestinian, employee, secretary (and plurals). */
static int person_noun(const char *w)
{
    static const char *const ends[] = {"OR", "ER", "IST", "ANT", "ENT", "MAN",
                                       "MEN", "IAN", "EE", "ARY", "ATE",
                                       NULL};
    size_t n = w ? strlen(w) : 0;
    if (n > 3 && w[n - 1] == 'S' && w[n - 2] != 'S')
        n--;
    for (int i = 0; ends[i]; i++) {
        size_t m = strlen(ends[i]);
        if (n > m + 2 && strncmp(w + n - m, ends[i], m) == 0)
            return 1;
    }
    return 0;
}

/* Is one of the words that matched the source's dictionary entries (the
 * first word of each entry in e->source_entry: "Phoenix.agents.txt:1821
 * MILITARY_OFFICIAL") tied to the subject's head subj by words that name
 * the doer (compound, amod, flat, appos, conj: "the Israeli army")
 * rather than by a possessive or a preposition ("a Canadian husband's
 * love", "the plight of the British worker")? 1 also when no such word
 * is found (nothing to judge). */
static int source_at_head(const kbi_sentence *s, int32_t subj,
                          const kb_event *e)
{
    const char *head = s->toks[subj].upper;
    if (head && (kbi_in_list(head, people_of) || person_noun(head)))
        return 1;
    const char *tag = s->toks[subj].xpos;
    if (tag && !strncmp(tag, "NNP", 3))
        return 1; /* a name: "Britain's Tony Blair" */
    int found = 0;
    for (const char *p = e->source_entry; p && *p;) {
        const char *end = strstr(p, "; ");
        const char *stop = end ? end : p + strlen(p);
        const char *sp = memchr(p, ' ', (size_t)(stop - p));
        const char *txt = memchr(p, ':', (size_t)(stop - p));
        if (sp && txt && txt < sp && strstr(p, ".txt") && strstr(p, ".txt") < sp) {
            char w[64];
            size_t n = 0;
            for (const char *c = sp + 1; c < stop && *c != '_' && *c != ' ' &&
                                         n + 1 < sizeof w; c++)
                w[n++] = *c;
            w[n] = '\0';
            for (int32_t k = 0; n > 0 && k < s->ntoks; k++) {
                const char *u = s->toks[k].upper;
                if (!u || !kbi_tok_below(s, k, subj) ||
                    !(strcmp(u, w) == 0 ||
                      (n >= 4 && strncmp(u, w, n) == 0)))
                    continue;
                found = 1;
                int ok = 1, steps = 0;
                for (int32_t h = k; h != subj && h >= 0 &&
                                    steps++ <= s->ntoks;
                     h = s->toks[h].head) {
                    const kbi_token *t = &s->toks[h];
                    if (!strcmp(t->deprel ? t->deprel : "", "nmod") ||
                        kbi_rel_is(t, "nmod:poss") || clause_edge(t)) {
                        ok = 0;
                        break;
                    }
                }
                if (ok)
                    return 1;
            }
        }
        p = end ? end + 2 : NULL;
    }
    return !found;
}

/* Is token k in the phrase of subject subj, or of another subject of
 * the same verb (the parser sometimes splits one: "Thousands of rightist
 * | Israelis accused ...")? */
static int in_subject(const kbi_sentence *s, int32_t k, int32_t subj)
{
    const kbi_token *t = &s->toks[subj];
    if (in_phrase(s, k, subj))
        return 1;
    if (!kbi_rel_is(t, "nsubj") || kbi_rel_is(t, "nsubj:pass"))
        return 0;
    for (int32_t i = 0; i < s->ntoks; i++)
        if (i != subj && s->toks[i].head == t->head &&
            kbi_rel_is(&s->toks[i], "nsubj") &&
            !kbi_rel_is(&s->toks[i], "nsubj:pass") && in_phrase(s, k, i))
            return 1;
    return 0;
}

int kbi_wrong_subject(const kbi_entities *E, const kbi_sentence *s,
                      int32_t v, const kb_event *e)
{
    if (v < 0)
        return 0;
    int32_t subj = active_subject(s, v);
    if (subj < 0)
        return 0;
    int head_noun = kbi_tok_below(s, v, subj); /* a participle or relative */
    const kbi_token *st = &s->toks[subj];
    /* a common noun: a name the parser split ("South | African
     * President ...") is left alone */
    int noun = st->upos ? !strcmp(st->upos, "NOUN")
                        : (st->xpos && st->xpos[0] == 'N' &&
                           strncmp(st->xpos, "NNP", 3) != 0);
    int any = 0, source_in = 0, target_in = 0, target_out = 0;
    for (int32_t k = 0; k < s->ntoks; k++) {
        const char *c = kbi_entities_token(E, k, NULL);
        if (!c || !strcmp(c, "---"))
            continue; /* no token, or a phrase with no actor */
        int in = in_subject(s, k, subj);
        if (in) {
            any = 1;
            if (!strcmp(c, e->source))
                source_in = 1;
        }
        if (!strcmp(c, e->target)) {
            if (kbi_tok_below(s, k, subj) && (!head_noun || !kbi_tok_below(s, k, v)))
                target_in = 1;
            else
                target_out = 1;
        }
    }
    /* "A Canadian husband's love for his wife has led to ...": the
     * subject is a thing, its actor only a possessor or a modifier */
    if (source_in && noun && !source_at_head(s, subj, e))
        return 1;
    /* the subject names an actor (even an unnamed one: "officials and
     * residents said") other than the source, or is a noun and no actor
     * ("AIDS hits a broader population"): the source came from elsewhere */
    if (!source_in && (any || noun))
        return 1;
    return target_in && !target_out;
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

/* Does the chain of heads from k up to v cross a clause of its own (an
 * xcomp excepted: "forced the plane to land")? */
static int across_clause(const kbi_sentence *s, int32_t k, int32_t v)
{
    for (int32_t h = k, steps = 0; h != v && h >= 0 && steps <= s->ntoks;
         steps++) {
        const kbi_token *t = &s->toks[h];
        if (clause_edge(t) && !kbi_rel_is(t, "xcomp"))
            return 1;
        h = t->head;
    }
    return 0;
}

static int place_marked(const kbi_sentence *s, int32_t h, const void *user)
{
    (void)s;
    return ((const uint8_t *)user)[h];
}

/* Is every token of the event's target below v (with `words`, every
 * word its code came from) inside a phrase of place ("in", "near",
 * "outside"...) between it and v? Sentences longer than 1024 tokens are
 * not judged. */
static int only_place(const kbi_entities *E, const kbi_sentence *s,
                      int32_t v, const kb_event *e, int words)
{
    static const char *const where[] = {
        "IN", "NEAR", "OUTSIDE", "INSIDE", "ACROSS", "ALONG", "AROUND",
        "THROUGHOUT", "WITHIN", "BEYOND", "NEARBY", "OUTSKIRTS", NULL};
    enum { MAXT = 1024 };
    if (s->ntoks > MAXT)
        return 0;
    uint8_t placed[MAXT]; /* token heads a phrase of place */
    memset(placed, 0, (size_t)s->ntoks);
    for (int32_t i = 0; i < s->ntoks; i++) {
        const kbi_token *t = &s->toks[i];
        if (t->head >= 0 && t->head < s->ntoks && kbi_rel_is(t, "case") &&
            kbi_in_list(t->upper, where))
            placed[t->head] = 1;
    }
    return target_path_all(E, s, v, e, words, place_marked, placed);
}

/* Is h's clause introduced by "if" or "unless"? */
static int has_mark(const kbi_sentence *s, int32_t h)
{
    for (int32_t i = 0; i < h; i++)
        if (s->toks[i].head == h && kbi_rel_is(&s->toks[i], "mark") &&
            s->toks[i].upper && (!strcmp(s->toks[i].upper, "IF") ||
                                 !strcmp(s->toks[i].upper, "UNLESS")))
            return 1;
    return 0;
}

/* Does the chain of heads from k up to v cross an adverbial, relative or
 * parenthetical clause (what a statement is about is its complement,
 * ccomp or xcomp; "said ... as his allies defended him from questions
 * about his valor in Vietnam")? */
static int across_adjunct(const kbi_sentence *s, int32_t k, int32_t v,
                          int threat)
{
    for (int32_t h = k, steps = 0; h != v && h >= 0 && steps <= s->ntoks;
         steps++) {
        const kbi_token *t = &s->toks[h];
        /* a noun's content clause with its own subject is what the noun
         * says ("no evidence Iran is developing weapons") */
        int content = kbi_rel_is(t, "acl") && !kbi_rel_is(t, "acl:relcl") &&
                      child(s, h, "nsubj") >= 0;
        /* a threat's condition names the threatened ("unless US forces
         * withdraw") */
        int condition = threat && kbi_rel_is(t, "advcl") && has_mark(s, h);
        if ((kbi_rel_is(t, "advcl") || kbi_rel_is(t, "acl") ||
             kbi_rel_is(t, "parataxis") || kbi_rel_is(t, "csubj")) &&
            !content && !condition)
            return 1;
        h = t->head;
    }
    return 0;
}

/* Nouns of an act done by someone: "praised the release of prisoners",
 * "welcomed the bringing of charges against the cleric". */
static const char *const act_nouns[] = {
    "RELEASE", "RELEASES", "BRINGING", "ARREST", "ARRESTS", "CAPTURE",
    "CONVICTION", "SENTENCING", "TRIAL", "EXTRADITION", "EXPULSION",
    "DEPORTATION", "KILLING", "KILLINGS", "ELECTION", "APPOINTMENT",
    "NOMINATION", "DISMISSAL", "OUSTER", "REMOVAL", "INDICTMENT",
    "PROSECUTION", "CHARGES", "CHARGING", "FREEING", NULL};

static int act_marked(const kbi_sentence *s, int32_t h, const void *user)
{
    int32_t v = *(const int32_t *)user;
    const kbi_token *t = &s->toks[h];
    return t->head == v && kbi_rel_is(t, "obj") &&
           kbi_in_list(t->upper, act_nouns);
}

int kbi_far_target(const kbi_entities *E, const kbi_sentence *s, int32_t v,
                   const kb_event *e)
{
    if (v < 0 || !e->code || strlen(e->code) < 2)
        return 0;
    /* praise or support (05) of an act is for whoever did it, not for
     * those it was done to ("praised the release of several political
     * prisoners in Myanmar") */
    if (e->code[0] == '0' && e->code[1] == '5' &&
        target_path_all(E, s, v, e, 1, act_marked, &v))
        return 1;
    int anywhere = 0, adjunct_only = 1;
    for (int32_t k = 0; k < s->ntoks; k++) {
        const char *c = kbi_entities_token(E, k, NULL);
        if (!c || strcmp(c, e->target) != 0)
            continue;
        if (!kbi_tok_below(s, k, v)) {
            adjunct_only = 0;
            continue;
        }
        anywhere = 1;
        if (!across_adjunct(s, k, v, e->code[0] == '1' && e->code[1] == '3'))
            adjunct_only = 0;
    }
    if (anywhere && adjunct_only)
        return 1;
    {
        /* what a statement is about is in what it says or whom it is
         * said to, not in when or where it was said ("said during his
         * meeting with Allawi", "said Monday after the assassination in
         * Damascus"); nor is an act's target named only by when it
         * happened ("held talks on Saturday before the U.N. Security
         * Council was to vote") */
        int said = 0, around = 0;
        for (int32_t k = 0; k < s->ntoks; k++) {
            const char *words = NULL;
            const char *c = kbi_entities_token(E, k, &words);
            if (!c || strcmp(c, e->target) != 0 || !kbi_tok_below(s, k, v) ||
                k == v)
                continue;
            /* of the target's own phrase only the words its code came
             * from ("Council" of "Saturday before the U.N. Security
             * Council"); other phrases of the same code count whole */
            if (words && e->target_text && !strcmp(words, e->target_text) &&
                !target_word(E, s, e, k))
                continue;
            static const char *const when_where[] = {
                "DURING", "AFTER", "BEFORE", "FOLLOWING", "AMID", NULL};
            /* the time phrase may hang anywhere between it and v: on the
             * verb, or on another time word ("on Saturday before the U.N.
             * Security Council was to vote", "a day after the U.S.
             * government sanctioned") */
            int when = 0;
            for (int32_t h = k, steps = 0; h != v && h >= 0 && !when &&
                                          steps <= s->ntoks;
                 steps++, h = s->toks[h].head) {
                int32_t cs = child(s, h, "case");
                if (cs < 0)
                    cs = child(s, h, "mark");
                when = cs >= 0 && kbi_in_list(s->toks[cs].upper, when_where);
                /* ... in v's own clause, not in what v says ("says the
                 * issue came up during talks with China's military
                 * chief") */
                int up = 0;
                for (int32_t u = s->toks[h].head;
                     when && u != v && u >= 0 && u < s->ntoks &&
                     up++ <= s->ntoks;
                     u = s->toks[u].head)
                    if (clause_edge(&s->toks[u]))
                        when = 0;
            }
            if (when)
                around = 1;
            else
                said = 1;
        }
        if (around && !said)
            return 1;
        if (e->code[0] == '0' && (e->code[1] == '1' || e->code[1] == '2'))
            return 0;
    }
    int best = -1, near = 0;
    for (int32_t k = 0; k < s->ntoks; k++) {
        const char *c = kbi_entities_token(E, k, NULL);
        if (!c || strcmp(c, e->target) != 0)
            continue;
        int d = depth_below(s, k, v);
        if (d < 0)
            return 0; /* outside the verb's clause: not judged here */
        if (best < 0 || d < best)
            best = d;
        if (!across_clause(s, k, v))
            near = 1;
    }
    /* words (demands, criticism, rejections, threats: 10-13, and
     * intents, 03) are often about someone in a clause of their own:
     * "warned that Bush's plan would hinder..." */
    int root = (e->code[0] - '0') * 10 + (e->code[1] - '0');
    int verbal = root == 3 || (root >= 10 && root <= 13);
    if (best > 3 || (best >= 0 && !near && !verbal))
        return 1;
    /* a deed's target named only as where it happened ("attacked
     * hideouts near the Afghan border", "killed two militants in the
     * Gaza Strip"): the place is not the one acted on; a visit (042,
     * 043) is hosted by it, but talks need someone to talk with ("met
     * African leaders in Tanzania") */
    int visit = root == 4 && (e->code[2] == '2' || e->code[2] == '3');
    if (best < 0 || verbal || visit)
        return 0;
    /* talks are held with the one named, not with the place named after
     * it ("held talks with African Union mediators in Abuja"); a deed on
     * something in a country ("withdrew diplomats from its mission in
     * Tehran", "bombing the airstrip in northern Chad") is one on the
     * country, unless the whole phrase is where it happened */
    return only_place(E, s, v, e, root == 4);
}

/* Is the subject of clause c (its nsubj) another actor than the speaker
 * whose code is `source`: one of another country or group (the first
 * three letters), the speaker's own being known? */
static int other_subject(const kbi_entities *E, const kbi_sentence *s,
                         int32_t c, const char *source)
{
    int32_t subj = child(s, c, "nsubj");
    if (subj < 0)
        subj = child(s, c, "nsubj:pass");
    if (subj < 0)
        return 0;
    const kbi_token *t = &s->toks[subj];
    if (t->xpos && (!strcmp(t->xpos, "PRP") || !strcmp(t->xpos, "PRP$") ||
                    !strcmp(t->xpos, "EX")))
        return 0;
    const char *code = kbi_entities_token(E, subj, NULL);
    return code && source && strncmp(code, "---", 3) != 0 &&
           strncmp(source, "---", 3) != 0 && strncmp(code, source, 3) != 0;
}

static const char *const speech_verbs[] = {
    "SAY", "SAYS", "SAID", "SAYING", "TELL", "TELLS", "TOLD", "TELLING",
    "REPORT", "REPORTS", "REPORTED", "ANNOUNCE", "ANNOUNCES", "ANNOUNCED",
    "STATE", "STATES", "STATED", "ADD", "ADDS", "ADDED", NULL};

int kbi_keyword_clause(const kbi_entities *E, const kbi_sentence *s,
                       int32_t v, const kb_event *e)
{
    char w[64];
    const char *code = e->code;
    if (v < 0 || !code || strlen(code) < 2 ||
        !pattern_word(e->pattern, w, sizeof w))
        return 0;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    int words = (root >= 1 && root <= 2) || (root >= 10 && root <= 13);
    size_t n = strlen(w);
    /* a verb of speech reports what its clause says: a deed read from a
     * noun of the clause is not the speaker's ("told Rumsfeld ... to
     * prevent any terror attack"), nor an intent when the clause is
     * about someone else ("said Brazil would come up with a plan"; "said
     * it would send aid" is the speaker's), though words may be ("stated
     * that ISIS has become a severe threat": 012); other verbs' patterns
     * may read a noun inside a clause ("rejected the offer of
     * mediating") */
    int nouns = !words && kbi_in_list(s->toks[v].upper, speech_verbs);
    int near = 0, far = 0;
    for (int32_t k = 0; k < s->ntoks; k++) {
        const kbi_token *t = &s->toks[k];
        if (k == v || !t->upper || strncmp(t->upper, w, n) != 0 ||
            !kbi_tok_below(s, k, v) || (!nouns && !is_verb(t)))
            continue;
        /* a clause with a subject of its own between the keyword and v
         * (the outermost one below v)? A clause without one is part of
         * what v says ("accused Turkey of killing civilians") */
        int32_t clause = -1;
        for (int32_t h = k; h != v && h >= 0; h = s->toks[h].head) {
            const kbi_token *ht = &s->toks[h];
            if (clause_edge(ht) && !kbi_rel_is(ht, "xcomp") &&
                (child(s, h, "nsubj") >= 0 || child(s, h, "nsubj:pass") >= 0))
                clause = h;
        }
        int inside = clause >= 0;
        if (inside && root == 3 && !is_verb(t))
            inside = other_subject(E, s, clause, e->source);
        /* what a verb of speech says is its object or its clause, not
         * when or where it was said ("told a news conference at the end
         * of an official visit to Mexico", "said on his return from a
         * visit to Japan") */
        if (nouns && !inside) {
            int32_t top = k;
            while (s->toks[top].head != v && s->toks[top].head >= 0)
                top = s->toks[top].head;
            inside = kbi_rel_is(&s->toks[top], "obl") ||
                     kbi_rel_is(&s->toks[top], "advcl");
        }
        if (inside)
            far = 1;
        else
            near = 1;
    }
    return far && !near;
}

static int capital(const kbi_token *t)
{
    return t->form && t->form[0] >= 'A' && t->form[0] <= 'Z';
}

/* Does every phrase coded c name a document or a body named after a place
 * ("the Kyoto Protocol", "the Oslo Accords", "the Paris Club", "the Paris
 * accord") or a currency ("U.S. dlrs", "the Swiss franc")? */
static int named_document(const kbi_entities *E, const kbi_sentence *s,
                          const char *c)
{
    static const char *const kinds[] = {
        "PROTOCOL", "ACCORD", "ACCORDS", "AGREEMENT", "TREATY", "CONVENTION",
        "CONVENTIONS", "DECLARATION", "CHARTER", "CLUB", "PROCESS",
        "INITIATIVE", "CONSENSUS", "ROUND",
        /* newspapers: "The Seattle Times", "the Washington Post" */
        "TIMES", "POST", "JOURNAL", "HERALD", "TRIBUNE", "GAZETTE",
        "CHRONICLE", NULL};
    /* lower-case after a place name: "the Paris accord" */
    static const char *const pacts[] = {
        "PROTOCOL", "ACCORD", "ACCORDS", "AGREEMENT", "TREATY", "CONVENTION",
        "CONVENTIONS", "CHARTER", "CLUB", NULL};
    static const char *const articles[] = {"THE", "A", "AN", NULL};
    /* "500 mln U.S. dlrs", "the Swiss franc": a currency */
    static const char *const money[] = {
        "DOLLAR", "DOLLARS", "DLR", "DLRS", "FRANC", "FRANCS", "MARK",
        "MARKS", "YEN", "POUND", "POUNDS", "STERLING", "PESO", "PESOS",
        "RUPEE", "RUPEES", "LIRA", "CRUZADO", "CRUZADOS", "CURRENCY", NULL};
    int any = 0;
    for (int32_t k = 0; k < s->ntoks; k++) {
        const char *ck = kbi_entities_token(E, k, NULL);
        if (!ck || strcmp(ck, c) != 0)
            continue;
        /* the run of tokens of this phrase */
        int32_t end = k;
        while (end + 1 < s->ntoks) {
            const char *cn = kbi_entities_token(E, end + 1, NULL);
            if (!cn || strcmp(cn, c) != 0)
                break;
            end++;
        }
        int doc = 0;
        for (int32_t j = k + 1; j <= end && !doc; j++) {
            const kbi_token *t = &s->toks[j], *b = &s->toks[j - 1];
            /* "the Paris accord" (a name before it, not an adjective:
             * "the Saudi initiative" is Saudi Arabia's) */
            int after_name = b->xpos && !strncmp(b->xpos, "NNP", 3) &&
                             capital(b);
            int after_any = capital(b) || (b->upper &&
                                           !strcmp(b->upper, "CURRENCY"));
            doc = (kbi_in_list(t->upper, kinds) && capital(t)) ||
                  (kbi_in_list(t->upper, pacts) && after_name) ||
                  (kbi_in_list(t->upper, money) && after_any);
            /* the name before it must be the phrase's only one: not
             * "the reaffirmation by the U.S. of the Louvre accord" */
            int32_t first = j;
            while (first - 1 >= k && (capital(&s->toks[first - 1]) ||
                                      (s->toks[first - 1].upper &&
                                       !strcmp(s->toks[first - 1].upper,
                                               "CURRENCY"))))
                first--;
            for (int32_t q = k; doc && q < first; q++)
                if (capital(&s->toks[q]) &&
                    !kbi_in_list(s->toks[q].upper, articles))
                    doc = 0;
        }
        if (!doc)
            return 0;
        any = 1;
        k = end;
    }
    return any;
}

int kbi_document_actor(const kbi_entities *E, const kbi_sentence *s,
                       const kb_event *e)
{
    return (e->source && named_document(E, s, e->source)) ||
           (e->target && named_document(E, s, e->target));
}

int kbi_plural_actor(const kbi_entities *E, const kbi_sentence *s,
                     const char *code)
{
    /* plural words of places' names */
    static const char *const plural_names[] = {
        "STATES", "EMIRATES", "NETHERLANDS", "PHILIPPINES", "ISLANDS",
        "BAHAMAS", "MALDIVES", "SEYCHELLES", "COMOROS", "NATIONS",
        "TERRITORIES", "HEIGHTS", NULL};
    for (int32_t k = 0; code && k < s->ntoks; k++) {
        const char *c = kbi_entities_token(E, k, NULL);
        const char *x = s->toks[k].xpos;
        if (c && !strcmp(c, code) && x && k > 0 && capital(&s->toks[k]) &&
            (!strcmp(x, "NNS") || !strcmp(x, "NNPS")) &&
            !kbi_in_list(s->toks[k].upper, plural_names))
            return 1; /* "Israelis", not "service members" or "towns" */
    }
    return 0;
}

/* ---- a pattern's word far from the verb --------------------------------- */

/* Is token k a word of what v acts on, rather than an adjective or a
 * possessive ("military" for "- * &MILITARY") or a word of a relative
 * clause hung on a noun ("a bill that will allow military rule")? A
 * compound noun's first part may carry its meaning ("a credit line" for
 * "- * CREDIT") and stays, and so do names ("its Gulf War enemy"). */
static int core_word(const kbi_sentence *s, int32_t k, int32_t v)
{
    for (int32_t h = k, steps = 0; h != v && h >= 0 && steps <= s->ntoks;
         steps++, h = s->toks[h].head) {
        const kbi_token *t = &s->toks[h];
        if (kbi_rel_is(t, "amod") || kbi_rel_is(t, "nmod:poss") ||
            (t->deprel && !strcmp(t->deprel, "acl:relcl")))
            return 0;
        /* a clause of its own: with a subject of its own ("while two US
         * soldiers were killed in a rocket attack", "on suspicion he
         * emptied an ammunition clip") or a participle of manner
         * ("describing the battles as self-defence against attacks") */
        if (!kbi_rel_is(t, "advcl") && !kbi_rel_is(t, "acl") &&
            !kbi_rel_is(t, "parataxis"))
            continue;
        int32_t mk = child(s, h, "mark");
        int to = 0; /* an infinitive has no subject of its own */
        for (int32_t j = 0; j < s->ntoks && !to; j++)
            to = s->toks[j].head == h && kbi_rel_is(&s->toks[j], "mark") &&
                 s->toks[j].upper && !strcmp(s->toks[j].upper, "TO");
        int own = (child(s, h, "nsubj") >= 0 ||
                   child(s, h, "nsubj:pass") >= 0) && !to;
        int manner = kbi_rel_is(t, "advcl") && t->xpos &&
                     !strcmp(t->xpos, "VBG") && mk < 0 &&
                     child(s, h, "obj") >= 0;
        if (own || manner)
            return 0;
    }
    return 1;
}

static int word_at_core(const kbi_sentence *s, int32_t v, const char *w,
                        size_t n, int *seen)
{
    for (int32_t k = 0; k < s->ntoks; k++) {
        const char *u = s->toks[k].upper;
        if (k == v || !u || strlen(u) != n || memcmp(u, w, n) != 0 ||
            !kbi_tok_below(s, k, v))
            continue;
        *seen = 1;
        if (core_word(s, k, v))
            return 1;
    }
    return 0;
}

int kbi_loose_pattern(const kb_dict *d, const kbi_sentence *s, int32_t v,
                      const kb_event *e)
{
    const char *p = e->pattern, *star = p ? strchr(p, '*') : NULL;
    if (!d || !star || v < 0 || v >= s->ntoks ||
        kbi_in_list(s->toks[v].upper, speech_verbs))
        return 0; /* what is said has its own check (kbi_keyword_clause) */
    const char *c = star + 1;
    while (*c == ' ')
        c++;
    if (*c == '{') {
        /* a phrase ("{ROCKET ATTACK}"): its last word is its head */
        const char *z = strchr(c, '}');
        if (!z)
            return 0;
        while (z > c && z[-1] == ' ')
            z--;
        const char *b = z;
        while (b > c + 1 && b[-1] != ' ')
            b--;
        if (b >= z || *b == '&' || (size_t)(z - b) >= 64)
            return 0;
        int seen = 0;
        return !word_at_core(s, v, b, (size_t)(z - b), &seen) && seen;
    }
    int synset = *c == '&';
    if (synset)
        c++;
    size_t n = 0;
    while (c[n] && c[n] != ' ' && c[n] != '}' && c[n] != '[' && c[n] != '(')
        n++;
    if (n == 0 || n >= 64)
        return 0; /* a group with its preposition, or nothing after "*" */
    int seen = 0;
    /* a preposition ("- * AT [190]") belongs to no phrase of its own */
    static const char *const preps[] = {"AT", "IN", "ON", "WITH", "TO", "FOR",
                                        "FROM", "BY", "OF", "AGAINST", "INTO",
                                        "OVER", "ABOUT", "UP", "OFF", "OUT",
                                        NULL};
    char word[64];
    memcpy(word, c, n);
    word[n] = '\0';
    if (!synset && kbi_in_list(word, preps))
        return 0;
    if (!synset)
        return !word_at_core(s, v, c, n, &seen) && seen;
    char name[64];
    memcpy(name, c, n);
    name[n] = '\0';
    while (n > 0 && name[n - 1] == '_')
        name[--n] = '\0';
    int32_t sy = kbi_map_get(&d->verbs.synset_index, name, n);
    if (sy < 0 || (size_t)sy >= d->verbs.nsynsets)
        return 0;
    const kbi_synset *ss = &d->verbs.synsets[sy];
    for (int32_t i = 0; i < ss->nmembers; i++) {
        const kbi_phrase *m = &d->verbs.members[ss->first_member + i];
        if (m->nwords < 1)
            continue;
        const char *w = m->words[m->nwords - 1];
        if (word_at_core(s, v, w, strlen(w), &seen))
            return 0;
    }
    return seen;
}

/* ---- a bare prepositional group without the target ----------------------- */

int kbi_prep_group_elsewhere(const kbi_entities *E, const kbi_sentence *s,
                             int32_t v, const kb_event *e)
{
    enum { MAXT = 1024 };
    const char *p = e->pattern, *star = p ? strchr(p, '*') : NULL;
    if (!star || v < 0 || v >= s->ntoks || s->ntoks > MAXT)
        return 0;
    const char *c = star + 1;
    while (*c == ' ')
        c++;
    if (*c != '(')
        return 0;
    c++;
    size_t n = 0;
    while ((c[n] >= 'A' && c[n] <= 'Z') || c[n] == '-')
        n++;
    const char *q = c + n;
    while (*q == ' ')
        q++;
    if (n == 0 || *q != ')')
        return 0; /* "(FOR TALKS)", "(TO +)": words or a slot of their own */
    /* prepositions of the one acted on ("agreed with", "called on", "left
     * for"); a place ("met ... at the palace") is no actor's phrase */
    static const char *const argument[] = {"TO", "FOR", "WITH", "ON",
                                           "AGAINST", NULL};
    char prep[16];
    if (n >= sizeof prep)
        return 0;
    memcpy(prep, c, n);
    prep[n] = '\0';
    if (!kbi_in_list(prep, argument))
        return 0;
    for (q++; *q == ' '; q++)
        ;
    if (*q != '[')
        return 0;
    uint8_t group[MAXT]; /* token heads a phrase of the pattern's preposition */
    memset(group, 0, (size_t)s->ntoks);
    int any = 0;
    for (int32_t i = 0; i < s->ntoks; i++) {
        const kbi_token *t = &s->toks[i];
        const char *u = t->upper;
        if (!u || strlen(u) != n || memcmp(u, c, n) != 0 ||
            !kbi_rel_is(t, "case") || t->head < 0 || t->head >= s->ntoks ||
            !kbi_tok_below(s, t->head, v))
            continue;
        group[t->head] = 1;
        any = 1;
    }
    if (!any)
        return 0;
    int seen = 0;
    for (int32_t k = 0; k < s->ntoks; k++) {
        const char *code = kbi_entities_token(E, k, NULL);
        if (code && !strcmp(code, e->target) && kbi_tok_below(s, k, v) &&
            target_word(E, s, e, k))
            seen = 1;
    }
    return seen && !target_path_all(E, s, v, e, 1, place_marked, group);
}

/* The word the first entry of an event's entry field matched when that
 * entry is an actor's (a country's or a group's, from any actors file:
 * "Khabar.actors.txt:174 IRAQ_; Phoenix.agents.txt:1569 JOURNALIST"
 * gives "IRAQ"), not an agent's. */
static int first_actor_word(const char *entry, const char **w, size_t *n)
{
    const char *sp = entry ? strchr(entry, ' ') : NULL;
    const char *semi = entry ? strchr(entry, ';') : NULL;
    if (!sp || (semi && semi < sp))
        return 0;
    const char *ag = strstr(entry, "agents");
    if (ag && ag < sp)
        return 0;
    return entry_word(entry, w, n) != NULL && *n > 0;
}

/* ---- the country of the victims ------------------------------------------ */

/* Nouns of people named by what they did to someone: their "of" phrase
 * names the victims, not their country ("the kidnappers of two Chinese
 * engineers" are not Chinese; "the foreign minister of Iran" is
 * Iranian). */
static const char *const doers_of[] = {
    "KIDNAPPERS", "KIDNAPPER", "CAPTORS", "CAPTOR", "ABDUCTORS", "KILLERS",
    "KILLER", "MURDERERS", "MURDERER", "ATTACKERS", "ATTACKER", "ASSASSINS",
    "ASSASSIN", "ABDUCTOR", NULL};

/* Is the country word of an actor phrase coded `code` (the last word of
 * the first entry of `entry`, when that entry is an actor's: "CHINESE"
 * of "...:9584 CHINESE_; Phoenix.agents.txt:338 KIDNAPPERS") inside a
 * phrase of one of the prepositions `preps` hung on a noun of `heads`,
 * in the same clause? */
static int country_under(const kbi_entities *E, const kbi_sentence *s,
                         const char *code, const char *entry,
                         const char *const *preps, const char *const *heads)
{
    const char *w;
    size_t n;
    if (!code || !entry || !first_actor_word(entry, &w, &n))
        return 0;
    for (int32_t k = 0; k < s->ntoks; k++) {
        if (!phrase_word(E, s, code, k, w, n))
            continue;
        for (int32_t h = k, steps = 0; h >= 0 && steps <= s->ntoks; steps++) {
            const kbi_token *t = &s->toks[h];
            int32_t up = t->head;
            if (up < 0 || up >= s->ntoks || clause_edge(t))
                break;
            int32_t cs = child(s, h, "case");
            if (kbi_rel_is(t, "nmod") && cs >= 0 &&
                kbi_in_list(s->toks[cs].upper, preps) &&
                kbi_in_list(s->toks[up].upper, heads))
                return 1;
            h = up;
        }
    }
    return 0;
}

/* country_under for the event's source or its target. */
static int either_under(const kbi_entities *E, const kbi_sentence *s,
                        const kb_event *e, const char *const *preps,
                        const char *const *heads)
{
    return country_under(E, s, e->source, e->source_entry, preps, heads) ||
           country_under(E, s, e->target, e->target_entry, preps, heads);
}

static const char *const of_prep[] = {"OF", NULL};

int kbi_victims_country(const kbi_entities *E, const kbi_sentence *s,
                        const kb_event *e)
{
    return either_under(E, s, e, of_prep, doers_of);
}

/* ---- where an actor is, not whose it is ---------------------------------- */

/* Nouns of people or things often away from home: a place in their "in"
 * phrase names where they are, not their country ("coalition forces in
 * Afghanistan", "military helicopters in Japan", "a journalist in
 * Iraq"). The police, residents, workers or officials of a place are
 * usually its own and are not listed. */
static const char *const abroad[] = {
    "FORCES", "FORCE", "TROOPS", "SOLDIERS", "SOLDIER", "MARINES",
    "PEACEKEEPERS", "COALITION", "HELICOPTERS", "HELICOPTER", "JETS",
    "PLANES", "WARPLANES", "AIRCRAFT", "WARSHIPS", "SHIPS", "JOURNALIST",
    "JOURNALISTS", "REPORTER", "REPORTERS", "CORRESPONDENT",
    "CORRESPONDENTS", "DIPLOMAT", "DIPLOMATS", "ENVOY", "ENVOYS",
    "AMBASSADOR", "HOSTAGE", "HOSTAGES", "FOREIGNERS", "CONTRACTORS",
    "CONTRACTOR", "ENGINEERS", "ENGINEER", "TOURISTS",
    "TOURIST", "OBSERVERS", "INSPECTORS", "MONITORS", "MISSIONARIES",
    "MISSIONARY", "VOLUNTEERS", "EXPATRIATES", NULL};

static const char *const at_preps[] = {"IN", "AT", "ON", "INSIDE", NULL};

int kbi_placed_country(const kbi_entities *E, const kbi_sentence *s,
                       const kb_event *e)
{
    return either_under(E, s, e, at_preps, abroad);
}

/* ---- a building where something happened ---------------------------------- */

/* Buildings the agent dictionary gives a sector ("hospital" health,
 * "school" education): after a preposition of place or direction they
 * say where ("was transferred to a hospital in Cairo"), not to whom. */
static const char *const buildings[] = {
    "HOSPITAL", "HOSPITALS", "CLINIC", "CLINICS", "MOSQUE", "MOSQUES",
    "CHURCH", "CHURCHES", "SCHOOL", "SCHOOLS", "TEMPLE", "TEMPLES",
    "SYNAGOGUE", "SHRINE", "UNIVERSITY", "PRISON", "PRISONS", "JAIL",
    NULL};

int kbi_building_target(const kbi_entities *E, const kbi_sentence *s,
                        const kb_event *e)
{
    static const char *const where[] = {
        "TO", "IN", "AT", "INTO", "FROM", "NEAR", "OUTSIDE", "INSIDE",
        "NEARBY", "OUT", "TOWARD", "TOWARDS", NULL};
    int seen = 0;
    for (int32_t k = 0; k < s->ntoks; k++) {
        const char *c = kbi_entities_token(E, k, NULL);
        if (!c || !e->target || strcmp(c, e->target) != 0 ||
            !target_word(E, s, e, k))
            continue;
        /* the building itself, or a word of its phrase ("Cairo" in "a
         * hospital in Cairo") */
        int32_t b = k;
        for (int32_t steps = 0; b >= 0 && b < s->ntoks && steps <= s->ntoks &&
                                !kbi_in_list(s->toks[b].upper, buildings) &&
                                !clause_edge(&s->toks[b]);
             steps++)
            b = s->toks[b].head;
        if (b < 0 || b >= s->ntoks ||
            !kbi_in_list(s->toks[b].upper, buildings))
            return 0; /* a word of the code outside any building */
        int32_t cs = child(s, b, "case");
        if (cs < 0 || !kbi_in_list(s->toks[cs].upper, where))
            return 0; /* "attacked a school", "fired on a mosque" */
        seen = 1;
    }
    return seen;
}

/* ---- a place held by someone else ---------------------------------------- */

int kbi_held_target(const kbi_entities *E, const kbi_sentence *s,
                    const kb_event *e)
{
    /* "stormed insurgent-held police stations": the stations are the
     * insurgents', not the police's */
    for (int32_t k = 0; k < s->ntoks; k++) {
        const char *u = s->toks[k].upper;
        size_t n = u ? strlen(u) : 0;
        int32_t h = s->toks[k].head;
        if (n < 6 || h < 0 || h >= s->ntoks ||
            !(kbi_rel_is(&s->toks[k], "amod") ||
              kbi_rel_is(&s->toks[k], "compound")) ||
            !((n > 5 && !strcmp(u + n - 5, "-HELD")) ||
              (n > 11 && !strcmp(u + n - 11, "-CONTROLLED"))))
            continue;
        /* a place held stays a place ("bombed the rebel-held city of
         * Fallujah"): only a target of no country is judged */
        for (int32_t j = 0; e->target && !strncmp(e->target, "---", 3) &&
                            j < s->ntoks; j++) {
            const char *c = kbi_entities_token(E, j, NULL);
            if (c && !strcmp(c, e->target) && j != k &&
                (j == h || s->toks[j].head == h))
                return 1;
        }
    }
    return 0;
}

/* ---- a country naming a topic --------------------------------------------- */

/* Nouns of a topic: a country's name compounded with them names the
 * topic, not the country as an actor ("support for the Iraq war", "on
 * the Iraq issue", "his Gaza disengagement plan"). */
static const char *const topics[] = {
    "ISSUE", "ISSUES", "QUESTION", "WAR", "CRISIS", "PROBLEM", "FILE",
    "CONFLICT", "DEBATE", "DISPUTE", "POLICY", "POLICIES", "PLAN",
    "PULLOUT", "WITHDRAWAL", "DISENGAGEMENT", "STRATEGY", NULL};

static int topic_country(const kbi_entities *E, const kbi_sentence *s,
                         const char *code, const char *entry)
{
    const char *w;
    size_t n;
    int seen = 0;
    if (!code || !entry || !first_actor_word(entry, &w, &n))
        return 0;
    for (int32_t k = 0; k < s->ntoks; k++) {
        if (!phrase_word(E, s, code, k, w, n))
            continue;
        seen = 1;
        /* up a chain of compounds to a noun of a topic */
        int32_t h = k;
        int steps = 0;
        while (kbi_rel_is(&s->toks[h], "compound") &&
               s->toks[h].head >= 0 && s->toks[h].head < s->ntoks &&
               steps++ <= s->ntoks &&
               !kbi_in_list(s->toks[s->toks[h].head].upper, topics))
            h = s->toks[h].head;
        if (!kbi_rel_is(&s->toks[h], "compound") || s->toks[h].head < 0 ||
            s->toks[h].head >= s->ntoks ||
            !kbi_in_list(s->toks[s->toks[h].head].upper, topics))
            return 0; /* one mention of the country as itself */
    }
    return seen;
}

int kbi_topic_country(const kbi_entities *E, const kbi_sentence *s,
                      const kb_event *e)
{
    /* what a statement is about is its target ("said talks on the North
     * Korean nuclear crisis"): statements (01) are not judged */
    if (!e->code || !strncmp(e->code, "01", 2))
        return 0;
    return topic_country(E, s, e->source, e->source_entry) ||
           topic_country(E, s, e->target, e->target_entry);
}
