/* repair.c - corrections to the greedy parser's output for constructions
 * frequent in news and rare in the treebank.
 *
 * 1. A sentence whose root is not a verb while a finite verb hangs below
 * it.
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
 *     tense verb (VBD, UPOS VERB).
 * A sentence-opening demonym before a name may also hold the verb as its
 * complement (ccomp): "Ukrainian President Volodymyr Zelensky spoke".
 *
 * 2. A main verb read as a participle modifying its own subject: "A U.S.
 * gunship attacked militia positions ... after tanks reinforced the
 * siege" came out with "attacked" as a reduced relative (acl, VBN) of
 * "gunship", and "gunship" as the subject of "reinforced", the root. A
 * participle with an object and no auxiliary, subject or marker of its
 * own is not a passive one; when the root it hangs under is a later
 * clause that is subordinate (a "mark": after, as, when...), has a
 * second subject, or is a reporting verb (", officials said"), the
 * participle becomes the root (VBD), its noun its subject, and the old
 * root an adverbial clause (advcl) or a parenthetical report
 * (parataxis) of it.
 *
 * 3. A subordinating conjunction read as a preposition: "the violence
 * which erupted after France destroyed most of the air force" came out
 * with "after France" as an oblique and "destroyed" as a conjunct of the
 * main verb, so that France's deed went to the sentence's subject. When
 * the noun of such an "after/before/as/because..." phrase is followed at
 * once by a finite verb with no subject of its own that is not the root,
 * the noun is that verb's subject, the word its marker, and the verb an
 * adverbial clause of what the phrase hung on. A past form read as an
 * adjective of the next noun ("a day after the community imposed fresh
 * sanctions") is that verb, the noun its object.
 *
 * 4. A "with" phrase after a name hung on the name ("celebrated Eid at
 * Osgiliath with Gondor"): a name rarely takes one (in EWT train, a
 * "with" phrase right after a proper noun hangs on the verb 16 times in
 * 21), so it goes to the verb above the name as an oblique.
 *
 * 5. A coordinated verb read as an adjective: "condemned an attack ...
 * and promised aid to the villages" came out with "promised" as an
 * adjective of "aid" (amod) that has the "and"; a participle with a
 * coordinator of its own coordinates with the verb before it, and its
 * noun is its object.
 *
 * 6. A name opening the sentence read as an adverb ("Osgiliath welcomed
 * the resumption of ties"): a capitalized first word tagged RB that is
 * not a common adverb, right before a finite verb that has no subject,
 * is a proper noun and that subject.
 *
 * 7. A list of subjects split up: "Mordor, the Shire, Fornost and Bree
 * welcomed ..." came out with two subjects of one verb and an apposition;
 * a second subject after a comma is a conjunct of the first, and so are
 * the conjuncts and appositions below it. A name whose phrase ends right
 * where a second subject's begins opens that subject ("New Zealand Prime
 * Minister Jacinda Ardern arrived" came out with "Zealand" and "Jacinda"
 * as two subjects): it becomes a compound of it; and two subjects with
 * only "of" between them are one name split there ("Secretary of State
 * Mike Pompeo arrived" came out with "of" as a marker of the verb): the
 * second is a modifier (nmod) of the first. "Lions, tigers, and Gondor
 * welcomed ..." came out with "Lions" as the root and "welcomed" as its
 * conjunct: a noun root whose conjunct is a finite verb whose subject
 * comes right after the coordinator is the subject list of that verb.
 *
 * 8. A name cut off from its noun: "appealed for peace in Ithilen
 * state-run television" came out with "Ithilen" ending the "in" phrase
 * and "state-run television" as the verb's object. A name with a
 * preposition, right before a bare noun phrase (no determiner, no
 * preposition) hung on a verb, is the first word of that noun phrase,
 * which takes the name's place.
 *
 * 9. An object left hanging: "... and promised raids to the villages"
 * came out with "raids" as an unlabelled dependent (dep) of the first
 * verb. A noun attached as dep right after a verb that has no object is
 * that verb's object; so is one made the subject of something that
 * predicates nothing, a later punctuation mark or a noun without a
 * copula ("met Egyptian Foreign Minister Sameh Shoukry on Monday" came
 * out with "Sameh" as the subject of "Monday").
 *
 * 10. A name's last part hung on a word before its first: "Secretary
 * of State Antony Blinken" came out with "Blinken" as a flat part of
 * "Secretary"; a flat word right after a proper noun goes to that noun's
 * name. So does a proper noun right after a name in apposition that
 * hangs before it as a bare nmod, with no preposition ("The Prime
 * Minister of the Kurdistan Region, Masrour Barzani, arrived" had
 * "Barzani" as a nmod of "Minister").
 *
 * 11. An adjective read as a subordinator: "Iraqi Prime Minister Adil
 * Abdul-Mahdi chaired ..." came out with "Iraqi" as a marker (mark) of
 * the verb; an adjective attached as mark or case right before a noun
 * modifies that noun's phrase (amod). So does a capitalised adjective
 * hung on a later verb right before a capitalised title ("Iraqi Prime
 * Minister Mustafa al-Kadhimi met": "Iraqi" an advmod, obl or amod of
 * "met"): it modifies the title's first noun.
 *
 * 12. A speaker after the reported clause hung elsewhere: "Arafat died at
 * a French hospital, the chief doctor at the hospital said." came out
 * with "doctor" as an apposition of "hospital" and "said" without a
 * subject, so that the coder took Arafat for the speaker. A verb of
 * speech with no subject, right after a noun phrase that follows a comma,
 * takes that phrase as its subject. A day after a verb of speech is no
 * subject of it ("..., Washington's envoy to Kabul said Tuesday" had
 * "Tuesday" as the subject and the envoy hung on a noun of the reported
 * clause): it becomes a bare time adjunct (obl:unmarked) first.
 *
 * Before parsing (kbi_tags_repair): a verbless sentence's past tense read
 * as an adjective or a noun ("the new mayor left yesterday"), and a
 * hyphenated name's second part read as an adverb, a verb or a number
 * ("Iraqi Prime Minister Adil Abdul-Mahdi chaired" had "Abdul-Mahdi" RB):
 * a word of two capitalised parts right after a proper noun is one. */
#include <string.h>

#include "parser.h"

static int is_verb(const kbi_token *t)
{
    return t->xpos && t->xpos[0] == 'V' && t->xpos[1] == 'B';
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

/* The one token without a head, or -1 when there are none or several. */
static int32_t single_root(const kbi_sentence *s)
{
    int32_t r = -1;
    for (int32_t i = 0; i < s->ntoks; i++)
        if (s->toks[i].head < 0) {
            if (r >= 0)
                return -1;
            r = i;
        }
    return r;
}

static void rewire(kbi_sentence *s);
static void rewire_participle(kbi_sentence *s);
static void rewire_subordinate(kbi_sentence *s);
static void rewire_with(kbi_sentence *s);
static void rewire_coordinated(kbi_sentence *s);
static void rewire_name_adverb(kbi_sentence *s);
static void rewire_subject_list(kbi_sentence *s);
static void rewire_split_name(kbi_sentence *s);
static void rewire_flat(kbi_sentence *s);
static void rewire_adjective_marker(kbi_sentence *s);
static void rewire_dep_object(kbi_sentence *s);
static void rewire_trailing_speaker(kbi_sentence *s);

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
    rewire_participle(s);
    rewire_subordinate(s);
    rewire_with(s);
    rewire_coordinated(s);
    rewire_name_adverb(s);
    rewire_subject_list(s);
    rewire_split_name(s);
    rewire_flat(s);
    rewire_adjective_marker(s);
    rewire_dep_object(s);
    rewire_trailing_speaker(s);
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
    int32_t r = single_root(s);
    if (r < 0)
        return; /* none, or several: leave it */
    kbi_token *rt = &s->toks[r];
    if (!rt->xpos || !(rt->xpos[0] == 'J' || is_noun(rt)) ||
        kbi_child(s, r, "cop") >= 0 || kbi_child(s, r, "nsubj") >= 0)
        return;
    int32_t v = -1;
    for (int32_t k = r + 1; k < s->ntoks && v < 0; k++) {
        kbi_token *t = &s->toks[k];
        /* a demonym opening the sentence before a name ("Ukrainian
         * President Volodymyr Zelensky spoke") may take the verb as a
         * complement (ccomp) too */
        int demonym = r == 0 && rt->xpos[0] == 'J' && s->ntoks > 1 &&
                      s->toks[1].xpos && !strncmp(s->toks[1].xpos, "NNP", 3);
        if (t->head != r || !is_verb(t) ||
            !(kbi_rel_is(t, "csubj") || kbi_rel_is(t, "acl") ||
              kbi_rel_is(t, "parataxis") || kbi_rel_is(t, "dep") ||
              (demonym && kbi_rel_is(t, "ccomp"))) ||
            kbi_child(s, k, "mark") >= 0)
            continue;
        int32_t subj = kbi_child(s, k, "nsubj");
        if (subj >= 0 && s->toks[subj].xpos &&
            (s->toks[subj].xpos[0] == 'W' ||
             !strcmp(s->toks[subj].upper ? s->toks[subj].upper : "", "THAT")))
            continue; /* a relative clause */
        if (subj < 0 && kbi_child(s, k, "obj") < 0)
            continue;
        /* finite, or a participle with an object and no auxiliary */
        int finite = !strcmp(t->xpos, "VBD") || !strcmp(t->xpos, "VBZ") ||
                     !strcmp(t->xpos, "VBP");
        if (!finite && !(!strcmp(t->xpos, "VBN") &&
                         kbi_child(s, k, "obj") >= 0 && kbi_child(s, k, "aux") < 0 &&
                         kbi_child(s, k, "aux:pass") < 0))
            continue;
        v = k;
    }
    if (v < 0)
        return;
    kbi_token *vt = &s->toks[v];
    if (vt->xpos && !strcmp(vt->xpos, "VBN") && kbi_child(s, v, "obj") >= 0 &&
        kbi_child(s, v, "aux") < 0 && kbi_child(s, v, "aux:pass") < 0) {
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
        rt->deprel = kbi_child(s, v, "nsubj") >= 0 ? "dep" : "nsubj";
    }
}

static const char *const reporting[] = {"SAID", "SAYS", "SAY", "REPORTED",
                                        "ADDED", "TOLD", "STATED", NULL};

static int in_list(const char *w, const char *const *list)
{
    for (int i = 0; w && list[i]; i++)
        if (!strcmp(w, list[i]))
            return 1;
    return 0;
}

/* The leftmost token of k's subtree. */
static int32_t leftmost(const kbi_sentence *s, int32_t k)
{
    int32_t left = k;
    for (int32_t i = 0; i < k; i++)
        for (int32_t h = i, steps = 0; h >= 0 && steps <= s->ntoks; steps++) {
            if (h == k) {
                if (i < left)
                    left = i;
                break;
            }
            h = s->toks[h].head;
        }
    return left;
}

static void rewire_participle(kbi_sentence *s)
{
    int32_t r = single_root(s);
    if (r < 0 || !is_verb(&s->toks[r]))
        return;
    /* the subject n before the root, its participle v in between */
    int32_t n = -1, v = -1, n2 = -1, mark = -1;
    for (int32_t k = 0; k < r; k++) {
        const kbi_token *t = &s->toks[k];
        if (t->head == r && kbi_rel_is(t, "nsubj") &&
            !kbi_rel_is(t, "nsubj:pass")) {
            if (n < 0)
                n = k;
            else if (n2 < 0)
                n2 = k;
        }
    }
    if (n < 0)
        return;
    for (int32_t k = n + 1; k < r && v < 0; k++) {
        const kbi_token *t = &s->toks[k];
        if (t->head == n && !strcmp(t->deprel ? t->deprel : "", "acl") &&
            t->xpos && (!strcmp(t->xpos, "VBN") || !strcmp(t->xpos, "VBD")) &&
            kbi_child(s, k, "obj") >= 0 && kbi_child(s, k, "aux") < 0 &&
            kbi_child(s, k, "aux:pass") < 0 && kbi_child(s, k, "mark") < 0 &&
            kbi_child(s, k, "nsubj") < 0)
            v = k;
    }
    if (v < 0)
        return;
    for (int32_t k = v + 1; k < r && mark < 0; k++)
        if (s->toks[k].head == r && kbi_rel_is(&s->toks[k], "mark"))
            mark = k;
    int report = in_list(s->toks[r].upper, reporting);
    int32_t from; /* where the old root's clause begins */
    if (mark >= 0)
        from = mark;
    else if (n2 > v)
        from = leftmost(s, n2);
    else if (report) {
        /* ", Palestinian security sources and witnesses said": the last
         * noun below the participle before the root is the reporter */
        int32_t subj = -1;
        for (int32_t k = r - 1; k > v && subj < 0; k--) {
            const kbi_token *t = &s->toks[k];
            if (is_noun(t) && kbi_rel_is(t, "conj"))
                subj = k;
            else if (t->head != k + 1 && !(is_noun(t) || kbi_rel_is(t, "cc") ||
                                            kbi_rel_is(t, "conj")))
                break;
        }
        if (subj < 0)
            return;
        /* the first conjunct of the reporters heads them */
        int32_t first = subj;
        while (kbi_rel_is(&s->toks[first], "conj") &&
               s->toks[first].head > v && is_noun(&s->toks[s->toks[first].head]) &&
               kbi_child(s, s->toks[first].head, "case") < 0)
            first = s->toks[first].head;
        s->toks[first].head = r;
        s->toks[first].deprel = "nsubj";
        from = leftmost(s, first);
    } else
        return;
    kbi_token *vt = &s->toks[v], *rt = &s->toks[r];
    vt->head = rt->head;
    vt->deprel = rt->deprel;
    vt->xpos = "VBD";
    vt->upos = "VERB";
    s->toks[n].head = v;
    s->toks[n].deprel = "nsubj";
    for (int32_t k = 0; k < s->ntoks; k++)
        if (s->toks[k].head == r && (k < from || k == s->ntoks - 1) &&
            k != n)
            s->toks[k].head = v;
    rt->head = v;
    rt->deprel = mark >= 0 ? "advcl" : "parataxis";
}

static const char *const subordinators[] = {
    "AFTER", "BEFORE", "SINCE", "UNTIL", "AS", "BECAUSE", "WHILE", "WHEN",
    "ALTHOUGH", "THOUGH", "ONCE", "UNLESS", NULL};

static int finite(const kbi_token *t)
{
    return t->xpos && (!strcmp(t->xpos, "VBD") || !strcmp(t->xpos, "VBZ") ||
                       !strcmp(t->xpos, "VBP"));
}

/* The last token of k's subtree, tokens being in order. */
static int32_t rightmost(const kbi_sentence *s, int32_t k)
{
    int32_t right = k;
    for (int32_t i = k + 1; i < s->ntoks; i++)
        for (int32_t h = i, steps = 0; h >= 0 && steps <= s->ntoks; steps++) {
            if (h == k) {
                right = i;
                break;
            }
            h = s->toks[h].head;
        }
    return right;
}

static void rewire_subordinate(kbi_sentence *s)
{
    for (int32_t p = 0; p + 2 < s->ntoks; p++) {
        kbi_token *pt = &s->toks[p];
        if (!kbi_rel_is(pt, "case") || !in_list(pt->upper, subordinators))
            continue;
        int32_t n = pt->head;
        if (n <= p || n >= s->ntoks ||
            !(is_noun(&s->toks[n]) || !strcmp(s->toks[n].xpos ? s->toks[n].xpos
                                                              : "", "PRP")))
            continue;
        int32_t right = rightmost(s, n), v = right + 1;
        /* "as U.S. and Iraqi forces prepared for ...": the verb was taken
         * into the noun's phrase as a participle */
        for (int32_t k = n + 1; k <= right; k++) {
            const kbi_token *t = &s->toks[k];
            int32_t th = t->head;
            if (!strcmp(t->deprel ? t->deprel : "", "acl") && t->xpos &&
                (!strcmp(t->xpos, "VBN") || !strcmp(t->xpos, "VBD")) &&
                (th == n || (th > n && s->toks[th].head == n &&
                             kbi_rel_is(&s->toks[th], "conj"))) &&
                kbi_child(s, k, "nsubj") < 0 && kbi_child(s, k, "mark") < 0 &&
                kbi_child(s, k, "aux") < 0 && kbi_child(s, k, "aux:pass") < 0) {
                v = k;
                s->toks[k].xpos = "VBD";
                break;
            }
        }
        if (v >= s->ntoks)
            continue;
        /* "a day after the community imposed fresh sanctions": the verb
         * was read as an adjective of its object */
        int32_t obj = -1;
        if (v == right + 1 && kbi_rel_is(&s->toks[v], "amod") &&
            s->toks[v].xpos && (!strcmp(s->toks[v].xpos, "VBN") ||
                                !strcmp(s->toks[v].xpos, "VBD")) &&
            s->toks[v].head > v && is_noun(&s->toks[s->toks[v].head]) &&
            s->toks[s->toks[v].head].head != n)
            obj = s->toks[v].head;
        /* "after France had destroyed": the auxiliary's verb */
        if ((kbi_rel_is(&s->toks[v], "aux") || kbi_rel_is(&s->toks[v], "cop")) &&
            s->toks[v].head > v)
            v = s->toks[v].head;
        kbi_token *vt = &s->toks[v];
        int32_t h = s->toks[n].head;
        if (obj >= 0 && (h == obj || kbi_tok_below(s, h, obj)))
            obj = -1; /* the phrase hangs in the would-be object */
        if (!is_verb(vt) || vt->head < 0 || h < 0 || h == v ||
            kbi_child(s, v, "nsubj") >= 0 || kbi_child(s, v, "csubj") >= 0 ||
            kbi_child(s, v, "mark") >= 0 ||
            (obj < 0 && !finite(vt) && kbi_child(s, v, "aux") < 0 &&
             kbi_child(s, v, "aux:pass") < 0))
            continue;
        if (obj >= 0) { /* only now that the clause is certain */
            vt->xpos = "VBD";
            vt->upos = "VERB";
            s->toks[obj].head = v;
            s->toks[obj].deprel = "obj";
        }
        s->toks[n].head = v;
        s->toks[n].deprel = kbi_child(s, v, "aux:pass") >= 0 ? "nsubj:pass"
                                                         : "nsubj";
        pt->head = v;
        pt->deprel = "mark";
        vt->head = h;
        vt->deprel = "advcl";
    }
}

static void rewire_with(kbi_sentence *s)
{
    for (int32_t c = 1; c < s->ntoks; c++) {
        const kbi_token *ct = &s->toks[c];
        if (!kbi_rel_is(ct, "case") || !ct->upper || strcmp(ct->upper, "WITH"))
            continue;
        int32_t n = ct->head;
        if (n <= c || n >= s->ntoks)
            continue;
        kbi_token *nt = &s->toks[n];
        int32_t g = nt->head;
        if (strcmp(nt->deprel ? nt->deprel : "", "nmod") != 0 || g < 0 ||
            g >= c || !s->toks[g].xpos || strncmp(s->toks[g].xpos, "NNP", 3))
            continue;
        const kbi_token *prev = &s->toks[c - 1];
        if (!prev->xpos || strncmp(prev->xpos, "NNP", 3))
            continue; /* the name ends right before "with" */
        int32_t v = s->toks[g].head;
        if (v < 0 || !is_verb(&s->toks[v]))
            continue;
        nt->head = v;
        nt->deprel = "obl";
    }
}

static void rewire_coordinated(kbi_sentence *s)
{
    for (int32_t a = 1; a < s->ntoks; a++) {
        kbi_token *at = &s->toks[a];
        if (strcmp(at->deprel ? at->deprel : "", "amod") != 0 || !at->xpos ||
            (strcmp(at->xpos, "VBN") && strcmp(at->xpos, "VBD")))
            continue;
        int32_t cc = kbi_child(s, a, "cc");
        int32_t n = at->head;
        if (cc < 0 || cc >= a || n <= a || n >= s->ntoks)
            continue;
        /* the verb before it that the noun hangs on */
        int32_t v = s->toks[n].head;
        if (v < 0 || v >= a || !is_verb(&s->toks[v]))
            continue;
        at->head = v;
        at->deprel = "conj";
        at->xpos = "VBD";
        at->upos = "VERB";
        s->toks[n].head = a;
        s->toks[n].deprel = "obj";
    }
}

static const char *const common_adverbs[] = {
    "ALSO", "NEVER", "ONLY", "JUST", "STILL", "NOW", "THEN", "SOON", "OFTEN",
    "ALREADY", "EVEN", "ONCE", "TOGETHER", "HENCE", "THUS", "INSTEAD",
    "MEANWHILE", "HOWEVER", "YET", "AGAIN", "PERHAPS", "MAYBE", "TODAY",
    "YESTERDAY", "TOMORROW", "HERE", "THERE", "SO", "NOT", "ALWAYS",
    "SOMETIMES", "LATER", "EARLIER", "FIRST", "LAST", "NEXT", "ABOUT",
    "ALMOST", "RATHER", "QUITE", "VERY", "TOO", "WELL", "BACK", "AWAY",
    "ELSEWHERE", "OTHERWISE", "NEVERTHELESS", "NONETHELESS", "FURTHER",
    "MOREOVER", "BESIDES", "INDEED", "ANYWAY", "LIKEWISE", "HOW", "WHY",
    "WHERE", "WHEN", NULL};

static void rewire_name_adverb(kbi_sentence *s)
{
    if (s->ntoks < 2)
        return;
    kbi_token *t = &s->toks[0];
    int32_t v = t->head;
    size_t n = t->form ? strlen(t->form) : 0;
    if (!t->xpos || strcmp(t->xpos, "RB") != 0 || n < 3 ||
        t->form[0] < 'A' || t->form[0] > 'Z' ||
        (n > 2 && !strcmp(t->form + n - 2, "ly")) ||
        in_list(t->upper, common_adverbs) || v != 1 ||
        !finite(&s->toks[1]) || kbi_child(s, 1, "nsubj") >= 0 ||
        kbi_child(s, 1, "nsubj:pass") >= 0)
        return;
    t->xpos = "NNP";
    t->upos = "PROPN";
    t->deprel = "nsubj";
}

/* Does m have a conjunct introduced by "and" or "or" (the end of a list
 * "A, B, C and D")? */
static int ends_list(const kbi_sentence *s, int32_t m)
{
    for (int32_t k = m + 1; k < s->ntoks; k++) {
        if (s->toks[k].head != m || !kbi_rel_is(&s->toks[k], "conj"))
            continue;
        int32_t cc = kbi_child(s, k, "cc");
        if (cc >= 0 && s->toks[cc].upper && (!strcmp(s->toks[cc].upper, "AND") ||
                                             !strcmp(s->toks[cc].upper, "OR")))
            return 1;
    }
    return 0;
}

/* Hangs the conjuncts and appositions of m on list head l, as conjuncts. */
static void flatten_list(kbi_sentence *s, int32_t m, int32_t l)
{
    for (int32_t k = m + 1; k < s->ntoks; k++) {
        kbi_token *t = &s->toks[k];
        if (t->head == m && (kbi_rel_is(t, "conj") || kbi_rel_is(t, "appos"))) {
            t->head = l;
            t->deprel = "conj";
        }
    }
}

static void rewire_subject_list(kbi_sentence *s)
{
    /* two subjects of one verb, the second after a comma */
    for (int32_t v = 0; v < s->ntoks; v++) {
        if (!is_verb(&s->toks[v]))
            continue;
        int32_t first = -1;
        for (int32_t k = 0; k < v; k++) {
            kbi_token *t = &s->toks[k];
            if (t->head != v || !kbi_rel_is(t, "nsubj") ||
                kbi_rel_is(t, "nsubj:pass"))
                continue;
            if (first < 0) {
                first = k;
                continue;
            }
            int32_t left = leftmost(s, k);
            /* a name right before the second subject's phrase opens it:
             * "New Zealand | Prime Minister Jacinda Ardern arrived" */
            const char *fx = s->toks[first].xpos;
            int32_t end = rightmost(s, first);
            /* a name split at "of": "Secretary | of | State Mike Pompeo
             * arrived" came out with two subjects and "of" as a marker
             * of the verb; the second is a modifier of the first */
            if (left >= 2 && end + 2 == left && s->toks[left - 1].upper &&
                !strcmp(s->toks[left - 1].upper, "OF") &&
                is_noun(&s->toks[first]) && is_noun(t) &&
                !kbi_rel_is(&s->toks[left - 1], "case")) {
                s->toks[left - 1].head = k;
                s->toks[left - 1].deprel = "case";
                t->head = first;
                t->deprel = "nmod";
                continue;
            }
            const char *lx = s->toks[left].xpos, *ex = s->toks[end].xpos;
            /* (or a common noun before a proper one: "Turkish Vice |
             * President Fuat Oktay") */
            if (fx && fx[0] == 'N' && end + 1 == left && ex && ex[0] == 'N' &&
                lx && (!strncmp(fx, "NNP", 3) ? (lx[0] == 'N' || lx[0] == 'J' ||
                                                 lx[0] == 'D')
                                              : !strncmp(lx, "NNP", 3))) {
                s->toks[first].head = k;
                s->toks[first].deprel = "compound";
                first = k;
                continue;
            }
            if (left < 1 || !s->toks[left - 1].upper ||
                strcmp(s->toks[left - 1].upper, ",") || !ends_list(s, k))
                continue;
            t->head = first;
            t->deprel = "conj";
            flatten_list(s, k, first);
        }
    }
    /* a noun root whose conjunct is the verb of the last subject */
    int32_t r = single_root(s);
    if (r < 0 || !is_noun(&s->toks[r]) || kbi_child(s, r, "cop") >= 0)
        return;
    for (int32_t v = r + 1; v < s->ntoks; v++) {
        kbi_token *vt = &s->toks[v];
        if (vt->head != r || !kbi_rel_is(vt, "conj") || !finite(vt))
            continue;
        int32_t subj = kbi_child(s, v, "nsubj"), cc = kbi_child(s, v, "cc");
        if (subj < 0 || cc < 0 || cc >= subj || subj >= v)
            return;
        vt->head = -1;
        vt->deprel = "root";
        s->toks[r].head = v;
        s->toks[r].deprel = "nsubj";
        s->toks[subj].head = r;
        s->toks[subj].deprel = "conj";
        s->toks[cc].head = subj;
        /* what followed the verb hangs on it */
        for (int32_t k = v + 1; k < s->ntoks; k++)
            if (s->toks[k].head == r)
                s->toks[k].head = v;
        return;
    }
}

static void rewire_split_name(kbi_sentence *s)
{
    for (int32_t m = 1; m + 1 < s->ntoks; m++) {
        kbi_token *mt = &s->toks[m];
        if (!mt->xpos || strncmp(mt->xpos, "NNP", 3) != 0 ||
            !(kbi_rel_is(mt, "nmod") || kbi_rel_is(mt, "obl")) ||
            kbi_rel_is(mt, "nmod:poss"))
            continue;
        int32_t cs = kbi_child(s, m, "case");
        if (cs < 0 || cs > m)
            continue;
        /* the noun phrase right after the name */
        int32_t n = -1;
        for (int32_t k = m + 1; k < s->ntoks && n < 0; k++) {
            const kbi_token *t = &s->toks[k];
            if (is_noun(t) && leftmost(s, k) == m + 1)
                n = k;
            else if (!(t->xpos && (t->xpos[0] == 'J' || is_noun(t))))
                break;
        }
        if (n < 0)
            continue;
        kbi_token *nt = &s->toks[n];
        int32_t v = nt->head;
        if (v < 0 || !is_verb(&s->toks[v]) ||
            !(kbi_rel_is(nt, "obj") || kbi_rel_is(nt, "obl")) ||
            kbi_child(s, n, "case") >= 0 || kbi_child(s, n, "det") >= 0 ||
            kbi_child(s, n, "nmod:poss") >= 0 || kbi_child(s, n, "amod") != m + 1)
            continue; /* the bare phrase opens with an adjective */
        nt->head = mt->head;
        nt->deprel = mt->deprel;
        mt->head = n;
        mt->deprel = "compound";
        s->toks[cs].head = n;
        for (int32_t k = m + 1; k < s->ntoks; k++)
            if (s->toks[k].head == m && k != cs)
                s->toks[k].head = n;
    }
}

/* "Secretary of State Antony Blinken" came out with "Blinken" as a flat
 * part of "Secretary", across "of State Antony": a name's parts hang on
 * its first word, so a flat word right after a proper noun that is not
 * its head goes to that noun's name. */
/* "Iraqi Prime Minister Adil Abdul-Mahdi chaired" came out with "Iraqi"
 * as a marker (mark) of the verb: an adjective is no subordinator; one
 * right before a noun phrase modifies it, as the noun after it does. */
static int capitalised(const kbi_token *t)
{
    return t->form && t->form[0] >= 'A' && t->form[0] <= 'Z';
}

static void rewire_adjective_marker(kbi_sentence *s)
{
    for (int32_t k = 0; k + 1 < s->ntoks; k++) {
        kbi_token *t = &s->toks[k];
        const kbi_token *n = &s->toks[k + 1];
        if (!t->xpos || t->xpos[0] != 'J')
            continue;
        if ((kbi_rel_is(t, "mark") || kbi_rel_is(t, "case")) && is_noun(n)) {
            int32_t h = k + 1;
            if ((kbi_rel_is(n, "amod") || kbi_rel_is(n, "compound")) &&
                n->head > k + 1 && n->head < s->ntoks)
                h = n->head;
            t->head = h;
            t->deprel = "amod";
            continue;
        }
        /* "Iraqi Prime Minister Mustafa al-Kadhimi met" with "Iraqi" an
         * adverb of "met": a capitalised adjective before a capitalised
         * title modifies the title's first noun */
        if (!capitalised(t) || !capitalised(n) || t->head <= k + 1 ||
            t->head >= s->ntoks || !is_verb(&s->toks[t->head]) ||
            kbi_rel_is(t, "xcomp") || kbi_rel_is(t, "ccomp"))
            continue;
        int32_t h = k + 1;
        for (int steps = 0; steps < 8 && h < s->ntoks && !is_noun(&s->toks[h]) &&
                            (kbi_rel_is(&s->toks[h], "amod") ||
                             kbi_rel_is(&s->toks[h], "compound")) &&
                            s->toks[h].head > h && s->toks[h].head < s->ntoks;
             steps++)
            h = s->toks[h].head;
        if (h < s->ntoks && is_noun(&s->toks[h]) && s->toks[h].head != k) {
            t->head = h;
            t->deprel = "amod";
        }
    }
}

static void rewire_flat(kbi_sentence *s)
{
    for (int32_t k = 1; k < s->ntoks; k++) {
        kbi_token *t = &s->toks[k];
        const kbi_token *p = &s->toks[k - 1];
        /* a proper noun hung far away as a bare nmod (no preposition of
         * its own: "Masrour | Barzani" with "Barzani" a nmod of
         * "Minister") is a flat part too */
        int bare = t->deprel && !strcmp(t->deprel, "nmod") && t->xpos &&
                   !strncmp(t->xpos, "NNP", 3) && kbi_child(s, k, "case") < 0 &&
                   (kbi_rel_is(p, "appos") || kbi_rel_is(p, "flat"));
        if ((!kbi_rel_is(t, "flat") && !bare) || t->head == k - 1 ||
            t->head < 0 || t->head >= k - 1 || !p->xpos ||
            strncmp(p->xpos, "NNP", 3) != 0 || p->head == k)
            continue; /* (a word hung on t would make a cycle) */
        int32_t first = kbi_rel_is(p, "flat") && p->head >= 0 && p->head < k - 1
                            ? p->head
                            : k - 1;
        t->head = first;
        t->deprel = "flat";
    }
}

static void rewire_dep_object(kbi_sentence *s)
{
    for (int32_t n = 1; n < s->ntoks; n++) {
        kbi_token *nt = &s->toks[n];
        if (!is_noun(nt))
            continue;
        /* a subject of something that predicates nothing: a later
         * punctuation mark or a noun with no copula ("met Egyptian Foreign
         * Minister Sameh Shoukry on Monday" came out with "Sameh" as the
         * subject of "Monday") */
        static const char *const punct[] = {".", ",", ":", "-RRB-", NULL};
        int32_t h = nt->head;
        int stray = kbi_rel_is(nt, "nsubj") && !kbi_rel_is(nt, "nsubj:pass") &&
                    h > n && h < s->ntoks &&
                    (in_list(s->toks[h].xpos, punct) ||
                     (is_noun(&s->toks[h]) && kbi_child(s, h, "cop") < 0));
        if (strcmp(nt->deprel ? nt->deprel : "", "dep") != 0 && !stray)
            continue;
        int32_t left = leftmost(s, n), v = left - 1;
        if (v < 0 || v == nt->head || !is_verb(&s->toks[v]) ||
            kbi_child(s, v, "obj") >= 0 || kbi_rel_is(&s->toks[v], "aux") ||
            kbi_rel_is(&s->toks[v], "cop"))
            continue;
        if (kbi_tok_below(s, v, n))
            continue; /* v lies inside n's subtree */
        nt->head = v;
        nt->deprel = "obj";
    }
}

/* "Arafat died this morning at a French hospital, the chief doctor at
 * the hospital said.": a verb of speech after the reported clause with no
 * subject, right after a noun phrase that follows a comma and that the
 * parser hung elsewhere (here as an apposition of "hospital"): that
 * phrase is the speaker. */
static void rewire_trailing_speaker(kbi_sentence *s)
{
    enum { MAXT = 256 }; /* kbi_parser_repair_root's limit */
    int32_t left[MAXT], right[MAXT];
    int spans = 0;
    if (s->ntoks > MAXT)
        return;
    /* days and times are never the subject after the verb ("..., the
     * envoy said Tuesday" came out with "Tuesday" as the subject) */
    static const char *const when[] = {
        "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
        "SUNDAY", "TODAY", "YESTERDAY", "TONIGHT", NULL};
    for (int32_t k = 1; k < s->ntoks; k++) {
        kbi_token *t = &s->toks[k];
        if (kbi_rel_is(t, "nsubj") && !kbi_rel_is(t, "nsubj:pass") &&
            t->head >= 0 && t->head < k && in_list(t->upper, when) &&
            in_list(s->toks[t->head].upper, reporting))
            t->deprel = "obl:unmarked";
    }
    for (int32_t v = 3; v < s->ntoks; v++) {
        kbi_token *vt = &s->toks[v];
        if (!in_list(vt->upper, reporting) || !is_verb(vt) ||
            kbi_child(s, v, "nsubj") >= 0 || kbi_child(s, v, "nsubj:pass") >= 0 ||
            kbi_child(s, v, "expl") >= 0 || kbi_child(s, v, "aux:pass") >= 0)
            continue;
        if (!spans) { /* each token's subtree span, once per change */
            for (int32_t i = 0; i < s->ntoks; i++)
                left[i] = right[i] = i;
            for (int32_t i = 0; i < s->ntoks; i++)
                for (int32_t h = s->toks[i].head, steps = 0;
                     h >= 0 && h < s->ntoks && steps <= s->ntoks; steps++) {
                    if (i < left[h])
                        left[h] = i;
                    if (i > right[h])
                        right[h] = i;
                    h = s->toks[h].head;
                }
            spans = 1;
        }
        /* the head of the phrase that ends right before v */
        int32_t n = -1;
        for (int32_t k = v - 1; k >= 0 && n < 0; k--) {
            if (!is_noun(&s->toks[k]) || s->toks[k].head == v ||
                right[k] != v - 1)
                continue;
            /* the comma, hung on the phrase or before it */
            int32_t l = left[k];
            if ((s->toks[l].xpos && !strcmp(s->toks[l].xpos, ",")) ||
                (l >= 1 && s->toks[l - 1].xpos &&
                 !strcmp(s->toks[l - 1].xpos, ",")))
                n = k;
        }
        if (n < 0 || kbi_tok_below(s, v, n))
            continue;
        s->toks[n].head = v;
        s->toks[n].deprel = "nsubj";
        spans = 0;
    }
}

/* ---- before parsing: tags --------------------------------------------- */

/* Past tenses that are also adjectives or nouns ("left", "set", "cut"). */
static const char *const past_forms[] = {
    "LEFT", "MET", "HELD", "SENT", "LED", "FLED", "HIT", "SHOT", "SET", "PUT",
    "CUT", "WON", "LOST", "SOLD", "BOUGHT", "KEPT", "BEGAN", "WENT", "CAME",
    "TOOK", "GAVE", "MADE", "SAID", "TOLD", "SPOKE", "FOUGHT", "STRUCK",
    "BROKE", "FELL", "ROSE", "SAW", "FOUND", "BUILT", "SPENT", "PAID", NULL};

/* A hyphenated word of two capitalised parts ("Abdul-Mahdi",
 * "Amir-Abdollahian", "Al-Aaraji") right after a proper noun, inside the
 * sentence: the second part of a name, whatever the tagger made of it
 * (RB, VBP, CD: EWT has few such names). "Israeli-Palestinian" and
 * "Anti-American" follow no name. */
static int hyphen_name(const kbi_sentence *s, int32_t i)
{
    const kbi_token *t = &s->toks[i], *p = &s->toks[i - 1];
    const char *f = t->form;
    if (!f || !p->xpos || strncmp(p->xpos, "NNP", 3) != 0 ||
        !t->xpos || !strncmp(t->xpos, "NNP", 3))
        return 0;
    const char *h = strchr(f, '-');
    return f[0] >= 'A' && f[0] <= 'Z' && f[1] >= 'a' && f[1] <= 'z' && h &&
           h[1] >= 'A' && h[1] <= 'Z' && h[2] >= 'a' && h[2] <= 'z' &&
           !strchr(h + 1, '-');
}

void kbi_tags_repair(kbi_sentence *s)
{
    for (int32_t i = 1; i < s->ntoks; i++)
        if (hyphen_name(s, i)) {
            s->toks[i].xpos = "NNP";
            s->toks[i].upos = "PROPN";
        }
    for (int32_t i = 0; i < s->ntoks; i++) {
        const char *x = s->toks[i].xpos;
        if (x && ((x[0] == 'V' && x[1] == 'B') || !strcmp(x, "MD")))
            return; /* the sentence has a verb */
    }
    for (int32_t i = 1; i < s->ntoks; i++) {
        kbi_token *t = &s->toks[i];
        if (!t->xpos || !(t->xpos[0] == 'J' || is_noun(t)) ||
            !in_list(t->upper, past_forms) || !is_noun(&s->toks[i - 1]))
            continue;
        t->xpos = "VBD";
        t->upos = "VERB";
        return;
    }
}
