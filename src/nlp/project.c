/* project.c - phrase structure from a dependency parse.
 *
 * The coder reads phrases (NP, VP, PP, S, SBAR) the way Penn Treebank
 * parses give them. A dependency parse (CoNLL-U input or Khabar's own
 * parser) reaches the same representation through this projection:
 *
 *   nominal head      -> NP: left dependents and the head form the core;
 *                        prepositional modifiers wrap it:
 *                        (NP (NP core) (PP (IN p) (NP ...)))
 *   possessor         -> (NP (NP X (POS 's)) ... head)
 *   coordination      -> (NP (NP a) (CC and) (NP b)), flat when every
 *                        conjunct is a single word
 *   verb head         -> (S subject (VP aux (VP verb objects ...))),
 *                        one VP per auxiliary as in the treebank, so that
 *                        passives look like "(VP was (VP seen ... by X))"
 *   copula            -> (S subject (VP is (NP predicate)))
 *   marked clause     -> (SBAR (IN that) (S ...)); relative clauses
 *                        (SBAR (WHNP who) (S (VP ...)))
 *   oblique with case -> (PP (IN with) (NP ...)); bare temporal nouns
 *                        -> NP-TMP
 *
 * The tree is first made projective (a dependent whose span would cross
 * another is lifted to its grandparent), so every phrase covers a run of
 * tokens. Nodes are written in preorder. */
#include <string.h>

#include "project.h"

enum { KBI_PROJECT_MAX_TOKENS = 2000 };

typedef struct proj {
    kbi_sentence *s;
    kbi_arena *a;
    int32_t *head;      /* projective heads */
    int32_t *kid;       /* children of every token, by position */
    int32_t *kid_start; /* ntoks + 1 offsets into kid */
    int32_t *lo, *hi;   /* span of each token's subtree */
    uint8_t *placed;    /* words already put by a coordinator */
    int32_t cap;        /* room in s->nodes */
    int failed;
} proj;

/* ---- preparing the tree ----------------------------------------------- */

static int is_rel(const kbi_token *t, const char *rel)
{
    const char *r = t->deprel ? t->deprel : "";
    size_t n = strlen(rel);
    return strncmp(r, rel, n) == 0 && (r[n] == '\0' || r[n] == ':');
}

static int rel_is(const kbi_token *t, const char *rel)
{
    return t->deprel && strcmp(t->deprel, rel) == 0;
}

static const char *tag(const kbi_token *t) { return t->xpos ? t->xpos : ""; }

/* Heads made valid (one root, no cycles) and projective. */
static int fix_heads(proj *p)
{
    int32_t n = p->s->ntoks, root = -1;
    int32_t *h = p->head;
    for (int32_t i = 0; i < n; i++) {
        h[i] = p->s->toks[i].head;
        if (h[i] < -1 || h[i] >= n || h[i] == i)
            h[i] = -1;
        if (h[i] == -1) {
            if (root < 0)
                root = i;
            else
                h[i] = root;
        }
    }
    if (root < 0 && n > 0) {
        root = 0;
        h[0] = -1;
    }
    /* break cycles: a token that cannot reach the root hangs from it */
    for (int32_t i = 0; i < n; i++) {
        int32_t x = i, steps = 0;
        while (x >= 0 && steps <= n)
            x = h[x], steps++;
        if (steps > n)
            h[i] = root;
    }
    /* function words have no dependents in UD; when a parser gives them
     * some ("Bree ... did" with Bree under "did"), they go to the function
     * word's own head */
    for (int changed = 1, rounds = 0; changed && rounds < 8; rounds++) {
        changed = 0;
        for (int32_t i = 0; i < n; i++) {
            int32_t g = h[i];
            if (g < 0 || h[g] < 0)
                continue;
            const kbi_token *f = &p->s->toks[g];
            if (is_rel(f, "aux") || is_rel(f, "cop") || is_rel(f, "mark") ||
                is_rel(f, "case") || is_rel(f, "cc") || is_rel(f, "det") ||
                is_rel(f, "punct")) {
                h[i] = h[g];
                changed = 1;
            }
        }
    }
    /* lift non-projective arcs until none is left; the work is bounded,
     * and a tree that needs more becomes flat under its root */
    long budget = 50L * 1000 * 1000;
    int changed = 1;
    for (int rounds = 0; changed && rounds < n + 2 && budget > 0; rounds++) {
        changed = 0;
        for (int32_t d = 0; d < n && budget > 0; d++) {
            int32_t g = h[d];
            if (g < 0)
                continue;
            int32_t a = d < g ? d : g, b = d < g ? g : d;
            for (int32_t k = a + 1; k < b; k++) {
                int32_t x = k;
                while (x >= 0 && x != g && budget-- > 0)
                    x = h[x];
                if (x != g) { /* k is not under g: lift d */
                    h[d] = h[g];
                    changed = 1;
                    break;
                }
            }
        }
    }
    if (changed || budget <= 0)
        for (int32_t i = 0; i < n; i++)
            h[i] = i == root ? -1 : root;
    return root;
}

static int build_kids(proj *p)
{
    int32_t n = p->s->ntoks;
    p->kid_start = kbi_arena_alloc(p->a, (size_t)(n + 1) * sizeof(int32_t));
    p->kid = kbi_arena_alloc(p->a, (size_t)(n + 1) * sizeof(int32_t));
    p->lo = kbi_arena_alloc(p->a, (size_t)(n + 1) * sizeof(int32_t));
    p->hi = kbi_arena_alloc(p->a, (size_t)(n + 1) * sizeof(int32_t));
    int32_t *fill = kbi_arena_alloc(p->a, (size_t)(n + 1) * sizeof(int32_t));
    if (!p->kid_start || !p->kid || !p->lo || !p->hi || !fill)
        return 0;
    for (int32_t i = 0; i < n; i++)
        if (p->head[i] >= 0)
            p->kid_start[p->head[i] + 1]++;
    for (int32_t i = 0; i < n; i++)
        p->kid_start[i + 1] += p->kid_start[i];
    for (int32_t i = 0; i < n; i++)
        fill[i] = p->kid_start[i];
    for (int32_t i = 0; i < n; i++) /* by position, since i increases */
        if (p->head[i] >= 0)
            p->kid[fill[p->head[i]]++] = i;
    for (int32_t i = 0; i < n; i++)
        p->lo[i] = p->hi[i] = i;
    /* spans: walk each token up through its ancestors */
    for (int32_t i = 0; i < n; i++)
        for (int32_t x = p->head[i], steps = 0; x >= 0 && steps < n;
             x = p->head[x], steps++) {
            if (i < p->lo[x])
                p->lo[x] = i;
            if (i > p->hi[x])
                p->hi[x] = i;
        }
    return 1;
}

/* ---- writing nodes ---------------------------------------------------- */

static int32_t open_node(proj *p, const char *label, int32_t parent)
{
    kbi_sentence *s = p->s;
    if (p->failed || s->nnodes >= p->cap) {
        p->failed = 1;
        return -1;
    }
    kbi_node *nd = &s->nodes[s->nnodes];
    nd->label = label;
    nd->parent = parent;
    nd->tok_start = INT32_MAX;
    nd->tok_end = 0;
    return s->nnodes++;
}

/* Widens node k (and its ancestors) to cover tokens [a, b]. */
static void cover(proj *p, int32_t k, int32_t a, int32_t b)
{
    for (; k >= 0; k = p->s->nodes[k].parent) {
        kbi_node *nd = &p->s->nodes[k];
        if (a < nd->tok_start)
            nd->tok_start = a;
        if (b + 1 > nd->tok_end)
            nd->tok_end = b + 1;
    }
}

/* A bare word directly under node `parent`. */
static void leaf(proj *p, int32_t t, int32_t parent)
{
    if (p->placed[t])
        return;
    if (parent >= 0)
        cover(p, parent, t, t);
    p->placed[t] = 1;
}

/* The leading "and" and commas of conjunct k become siblings of it. */
static void coordinator(proj *p, int32_t k, int32_t parent)
{
    for (int32_t j = p->kid_start[k]; j < p->kid_start[k + 1]; j++) {
        int32_t c = p->kid[j];
        const kbi_token *t = &p->s->toks[c];
        if (c < k && (is_rel(t, "cc") || is_rel(t, "punct")))
            leaf(p, c, parent);
    }
}

/* ---- phrase kinds ----------------------------------------------------- */

static int is_verbal(const kbi_token *t)
{
    const char *x = tag(t);
    return (x[0] == 'V' && x[1] == 'B') || strcmp(x, "MD") == 0;
}

static int is_nominal(const kbi_token *t)
{
    const char *x = tag(t);
    return (x[0] == 'N' && x[1] == 'N') || !strcmp(x, "PRP") ||
           !strcmp(x, "CD") || !strcmp(x, "DT") || !strcmp(x, "WP") ||
           !strcmp(x, "EX") || !strcmp(x, "FW") || !strcmp(x, "$") ||
           !strcmp(x, "ADD") || !strcmp(x, "NFP") || !strcmp(x, "SYM");
}

/* Does token h head a clause: a verb, or a predicate with a copula or a
 * subject? */
static int heads_clause(const proj *p, int32_t h)
{
    if (is_verbal(&p->s->toks[h]))
        return 1;
    for (int32_t i = p->kid_start[h]; i < p->kid_start[h + 1]; i++) {
        const kbi_token *k = &p->s->toks[p->kid[i]];
        if (is_rel(k, "cop") || is_rel(k, "nsubj") || is_rel(k, "csubj"))
            return 1;
    }
    return 0;
}

static void phrase(proj *p, int32_t h, int32_t parent, int depth);

/* All words of h's subtree flat under parent (too deep to structure). */
static void flat(proj *p, int32_t h, int32_t parent)
{
    cover(p, parent, p->lo[h], p->hi[h]);
}

/* The children of h that are in the set chosen by keep(), in order,
 * each as its own phrase under parent. */
typedef int (*pick_fn)(const proj *p, int32_t h, int32_t k);

static void kids(proj *p, int32_t h, int32_t parent, int depth, pick_fn keep,
                 int32_t from, int32_t to)
{
    for (int32_t i = p->kid_start[h]; i < p->kid_start[h + 1]; i++) {
        int32_t k = p->kid[i];
        if (k >= from && k <= to && keep(p, h, k))
            phrase(p, k, parent, depth + 1);
    }
}

/* ---- noun phrases ----------------------------------------------------- */

static int is_case(const kbi_token *t) { return is_rel(t, "case"); }

/* The preposition of a nominal: its first "case" child that is a word
 * before it (not a possessive 's). */
static int32_t preposition(const proj *p, int32_t h)
{
    for (int32_t i = p->kid_start[h]; i < p->kid_start[h + 1]; i++) {
        int32_t k = p->kid[i];
        const kbi_token *t = &p->s->toks[k];
        if (k < h && is_case(t) && strcmp(tag(t), "POS") != 0)
            return k;
    }
    return -1;
}

static int any(const proj *p, int32_t h, int32_t k)
{
    (void)p, (void)h, (void)k;
    return 1;
}

/* Right dependents that stay in the core of a noun phrase. */
static int tight(const kbi_token *t)
{
    return is_rel(t, "flat") || is_rel(t, "compound") || is_rel(t, "fixed") ||
           is_rel(t, "goeswith") || is_rel(t, "nummod") ||
           is_rel(t, "amod") || is_rel(t, "det") || rel_is(t, "case");
}

/* Is k one word with only premodifier words before it ("Danish media")?
 * Then "Danish media and government" stays flat, as treebank parses
 * write it, and the adjective is shared by the conjuncts. */
static int head_word(const proj *p, int32_t k)
{
    for (int32_t i = p->kid_start[k]; i < p->kid_start[k + 1]; i++) {
        int32_t c = p->kid[i];
        const kbi_token *t = &p->s->toks[c];
        if (is_rel(t, "cc") || is_rel(t, "punct") || is_rel(t, "conj"))
            continue;
        if (c < k && p->kid_start[c] == p->kid_start[c + 1] &&
            is_rel(t, "amod"))
            continue; /* not "the": "The Danish media and government" has
                         noun phrase conjuncts in the treebank */
        return 0;
    }
    return 1;
}

static int single_word(const proj *p, int32_t k)
{
    for (int32_t i = p->kid_start[k]; i < p->kid_start[k + 1]; i++) {
        const kbi_token *t = &p->s->toks[p->kid[i]];
        if (!is_rel(t, "cc") && !is_rel(t, "punct") && !is_rel(t, "conj"))
            return 0;
    }
    return 1;
}

/* A nominal phrase for h, without its preposition (pp_at >= 0: that
 * token is left out, the caller placed it). */
/* Commas and dashes at the edges of h's phrase belong outside it: a comma
 * inside an actor phrase would not end a clause for the coder. */
static void edge_punct(proj *p, int32_t h, int32_t parent)
{
    if (parent < 0)
        return;
    for (int32_t i = p->kid_start[h]; i < p->kid_start[h + 1]; i++) {
        int32_t k = p->kid[i];
        if (is_rel(&p->s->toks[k], "punct") &&
            p->kid_start[k] == p->kid_start[k + 1] &&
            (k == p->lo[h] || k == p->hi[h]))
            leaf(p, k, parent);
    }
}

/* Coordinated nominals under node np: (NP (NP a) , (CC and) (NP b)),
 * flat (NP a , b (CC and) c) when every conjunct is one word. Modifiers
 * after the last conjunct are shared by all of them, so the coordination
 * gets a node of its own and they follow it: (NP (NP a and b) (PP in c)). */
static void coordination(proj *p, int32_t h, int32_t np, int depth,
                         int32_t skip, int flat_words)
{
    const kbi_token *toks = p->s->toks;
    int32_t a = p->kid_start[h], b = p->kid_start[h + 1];
    int32_t last = -1;
    for (int32_t i = a; i < b; i++)
        if (is_rel(&toks[p->kid[i]], "conj"))
            last = p->kid[i];
    int shared = 0;
    for (int32_t i = a; i < b; i++) {
        int32_t k = p->kid[i];
        if (k > p->hi[last] && k != skip && !is_rel(&toks[k], "punct"))
            shared = 1;
    }
    int32_t co = shared ? open_node(p, "NP", np) : np;
    int32_t first = flat_words ? co : open_node(p, "NP", co);
    if (co < 0 || first < 0)
        return;
    leaf(p, h, first);
    int seen_conj = 0;
    for (int32_t i = a; i < b; i++) {
        int32_t k = p->kid[i];
        if (k == skip)
            continue;
        const kbi_token *t = &toks[k];
        if (k > p->hi[last]) {
            phrase(p, k, np, depth + 1); /* shared modifier */
        } else if (is_rel(t, "conj")) {
            seen_conj = 1;
            coordinator(p, k, co);
            if (flat_words)
                leaf(p, k, co);
            else
                phrase(p, k, co, depth + 1);
        } else if (k < h && !rel_is(t, "nmod:poss")) {
            flat(p, k, first);
        } else {
            phrase(p, k, seen_conj ? co : first, depth + 1);
        }
    }
}

/* A title with only plain modifiers ("Iraqi President"): no possessor,
 * no coordination, which need phrases of their own. */
static int plain_title(const proj *p, int32_t k)
{
    for (int32_t j = p->kid_start[k]; j < p->kid_start[k + 1]; j++) {
        const kbi_token *t = &p->s->toks[p->kid[j]];
        if (is_rel(t, "conj") || is_rel(t, "cc") || rel_is(t, "nmod:poss") ||
            rel_is(t, "case"))
            return 0;
    }
    return 1;
}

static void noun_phrase(proj *p, int32_t h, int32_t parent, int depth,
                        int32_t skip, const char *label)
{
    const kbi_token *toks = p->s->toks;
    int32_t a = p->kid_start[h], b = p->kid_start[h + 1];
    /* coordination: conj children with their cc */
    int has_conj = 0, all_single = head_word(p, h);
    for (int32_t i = a; i < b; i++)
        if (is_rel(&toks[p->kid[i]], "conj")) {
            has_conj = 1;
            all_single &= single_word(p, p->kid[i]);
        }
    edge_punct(p, h, parent);
    int32_t np = open_node(p, label, parent);
    if (np < 0)
        return;
    if (has_conj) {
        coordination(p, h, np, depth, skip, all_single);
        return;
    }
    /* core = left dependents, head, tight right dependents; the rest of
     * the right dependents wrap it */
    int32_t core_end = h;
    for (int32_t i = a; i < b; i++) {
        int32_t k = p->kid[i];
        if (k > h && tight(&toks[k]) && p->lo[k] == core_end + 1)
            core_end = p->hi[k];
    }
    int wrapped = 0;
    for (int32_t i = a; i < b; i++) {
        int32_t k = p->kid[i];
        if (k > core_end && k != skip && !is_rel(&toks[k], "punct") &&
            !is_rel(&toks[k], "cc") && !is_rel(&toks[k], "conj"))
            wrapped = 1;
    }
    int32_t core = wrapped ? open_node(p, "NP", np) : np;
    if (core < 0)
        return;
    leaf(p, h, core);
    /* A noun phrase keeps one prepositional modifier; later ones (and all
     * that follows them) become siblings of it, the way treebank parses
     * attach "the resumption of ties with X" ... The coder reduces "NP of
     * NP" to one actor phrase and would lose a second PP inside it. */
    int pps = 0, lifted = 0;
    for (int32_t i = a; i < b; i++) {
        int32_t k = p->kid[i];
        if (k == skip)
            continue;
        const kbi_token *t = &toks[k];
        int32_t where = (k < h || k <= core_end) ? core : np;
        if (k > core_end && parent >= 0 && preposition(p, k) >= 0 &&
            is_rel(t, "nmod") && ++pps > 1)
            lifted = 1;
        if (lifted && k > core_end) {
            phrase(p, k, parent, depth + 1);
            continue;
        }
        if (is_rel(t, "nmod") && rel_is(t, "nmod:poss")) {
            /* possessor: (NP X 's) */
            phrase(p, k, where, depth + 1);
        } else if ((k < h || k <= core_end) &&
                   (is_rel(t, "compound") || is_rel(t, "amod") ||
                    is_rel(t, "nummod") || is_rel(t, "det") ||
                    is_rel(t, "flat") || is_rel(t, "fixed") ||
                    (k < h && rel_is(t, "nmod:desc") && plain_title(p, k)))) {
            /* a title before a name ("President Barham Salih", EWT's
             * nmod:desc) is a premodifier too: one actor phrase */
            /* premodifiers are words of the phrase, as in the treebank:
             * (NP West German world government activists); coordinated
             * ones keep a phrase of their own, (ADJP awful and evil), so
             * that their "and" does not make the noun phrase a compound */
            int coord = 0;
            for (int32_t j = p->kid_start[k]; j < p->kid_start[k + 1]; j++)
                coord |= is_rel(&toks[p->kid[j]], "conj");
            int32_t into = coord ? open_node(p, tag(t)[0] == 'J' ? "ADJP" : "NML",
                                             core)
                                 : core;
            if (into < 0)
                return;
            flat(p, k, into);
        } else if (is_rel(t, "conj")) { /* flat coordination */
            coordinator(p, k, np);
            leaf(p, k, np);
        } else if (is_rel(t, "cc")) {
            leaf(p, k, np);
        } else {
            phrase(p, k, where, depth + 1);
        }
    }
}

/* ---- clauses ---------------------------------------------------------- */

static int is_subject(const kbi_token *t)
{
    return is_rel(t, "nsubj") || is_rel(t, "csubj") || is_rel(t, "expl");
}

static int is_aux(const kbi_token *t)
{
    return is_rel(t, "aux") || is_rel(t, "cop");
}

static int is_negation(const kbi_token *t)
{
    const char *u = t->upper ? t->upper : "";
    return is_rel(t, "advmod") && (!strcmp(u, "NOT") || !strcmp(u, "N'T") ||
                                   !strcmp(u, "NEVER"));
}

/* The verb group of clause h: the first auxiliary, copula, infinitival
 * "to" or negation right before the verb chain, else h. */
static int32_t chain_start(const proj *p, int32_t h)
{
    int32_t start = h;
    if (!is_verbal(&p->s->toks[h]))
        for (int32_t i = p->kid_start[h]; i < p->kid_start[h + 1]; i++) {
            int32_t k = p->kid[i];
            if (k < h && is_rel(&p->s->toks[k], "cop") && k < start)
                start = k;
        }
    /* adverbs join the verb group only when an auxiliary stands before
     * them: "was fiercely opposed" is one group, but in "X also said"
     * the adverb stays outside the VP, as in treebank parses */
    int32_t edge = start;
    for (int32_t i = p->kid_start[h + 1] - 1; i >= p->kid_start[h]; i--) {
        int32_t k = p->kid[i];
        if (k > h)
            continue;
        const kbi_token *t = &p->s->toks[k];
        int to = is_rel(t, "mark") && !strcmp(tag(t), "TO");
        if (p->hi[k] != edge - 1)
            break;
        if (is_aux(t) || is_negation(t) || to)
            start = edge = p->lo[k];
        else if (is_rel(t, "advmod"))
            edge = p->lo[k];
        else
            break;
    }
    return start;
}

static int right_of_verb(const proj *p, int32_t h, int32_t k)
{
    const kbi_token *t = &p->s->toks[k];
    return k > h && !is_rel(t, "conj") && !(is_rel(t, "cc"));
}

/* The VP chain of clause h from token `from`: each auxiliary opens a VP
 * holding the next one; the innermost holds the verb (or the copula and
 * its predicate) and the right dependents. */
static void verb_chain(proj *p, int32_t h, int32_t parent, int depth,
                       int32_t from, int32_t right_end)
{
    const kbi_token *toks = p->s->toks;
    int nominal_pred = !is_verbal(&toks[h]);
    int32_t vp = open_node(p, "VP", parent);
    if (vp < 0)
        return;
    /* auxiliaries, negation and "to" between from and the head; for a
     * nominal predicate, what follows the copula belongs to the predicate */
    int32_t pred = -1;
    int pending = 0; /* an auxiliary waits for its inner VP */
    for (int32_t i = p->kid_start[h]; i < p->kid_start[h + 1]; i++) {
        int32_t k = p->kid[i];
        if (k < from || k > h)
            continue;
        const kbi_token *t = &toks[k];
        if (pending && !is_negation(t) && !is_rel(t, "advmod")) {
            int32_t inner = open_node(p, "VP", vp);
            if (inner < 0)
                return;
            vp = inner;
            pending = 0;
        }
        if (pred >= 0) {
            phrase(p, k, pred, depth + 1);
        } else if (nominal_pred && is_rel(t, "cop")) {
            leaf(p, k, vp);
            pred = open_node(p, tag(&toks[h])[0] == 'J' ? "ADJP" : "NP", vp);
            if (pred < 0)
                return;
        } else if (is_aux(t) || (is_rel(t, "mark") && !strcmp(tag(t), "TO"))) {
            leaf(p, k, vp);
            pending = 1;
        } else if (is_negation(t)) {
            leaf(p, k, vp);
        } else if (pending && is_rel(t, "advmod")) {
            phrase(p, k, vp, depth + 1); /* (VP was (ADVP fiercely) (VP ..)) */
        } else {
            phrase(p, k, vp, depth + 1);
        }
    }
    if (pending) {
        int32_t inner = open_node(p, "VP", vp);
        if (inner < 0)
            return;
        vp = inner;
    }
    int32_t into = pred >= 0 ? pred : vp;
    leaf(p, h, into);
    for (int32_t i = p->kid_start[h]; i < p->kid_start[h + 1]; i++) {
        int32_t k = p->kid[i];
        if (k > h && k <= right_end && right_of_verb(p, h, k))
            phrase(p, k, into, depth + 1);
    }
}

static int has_subject(const proj *p, int32_t h)
{
    for (int32_t i = p->kid_start[h]; i < p->kid_start[h + 1]; i++)
        if (is_subject(&p->s->toks[p->kid[i]]))
            return 1;
    return 0;
}

static void clause(proj *p, int32_t h, int32_t parent, int depth,
                   const char *label)
{
    const kbi_token *toks = p->s->toks;
    int32_t a = p->kid_start[h], b = p->kid_start[h + 1];
    /* marker: (SBAR (IN that) (S ...)) */
    int32_t mark = -1, wh = -1;
    for (int32_t i = a; i < b; i++) {
        int32_t k = p->kid[i];
        const kbi_token *t = &toks[k];
        if (k < h && is_rel(t, "mark") && strcmp(tag(t), "TO") != 0 &&
            k == p->lo[h]) {
            mark = k;
        }
        if (k < h && is_subject(t) && tag(t)[0] == 'W' && k == p->lo[h])
            wh = k;
    }
    int32_t s_parent = parent;
    if (mark >= 0 || wh >= 0) {
        int32_t sbar = open_node(p, "SBAR", parent);
        if (sbar < 0)
            return;
        if (mark >= 0)
            leaf(p, mark, sbar);
        else {
            int32_t whnp = open_node(p, "WHNP", sbar);
            if (whnp < 0)
                return;
            leaf(p, wh, whnp);
        }
        s_parent = sbar;
        label = "S";
    }
    int32_t s = open_node(p, label, s_parent);
    if (s < 0)
        return;
    int32_t from = chain_start(p, h);
    /* S-level: everything left of the verb group */
    for (int32_t i = a; i < b; i++) {
        int32_t k = p->kid[i];
        if (k < from && k != mark && k != wh)
            phrase(p, k, s, depth + 1);
    }
    /* the right edge of the first verb phrase: before its conjuncts and
     * the final punctuation of the clause */
    int32_t right_end = p->hi[h];
    int32_t first_conj = -1;
    for (int32_t i = a; i < b; i++) {
        int32_t k = p->kid[i];
        if (k > h && is_rel(&toks[k], "conj")) {
            first_conj = k;
            break;
        }
    }
    if (first_conj >= 0)
        right_end = p->lo[first_conj] - 1;
    int32_t final_punct = -1;
    if (b > a) {
        int32_t k = p->kid[b - 1];
        if (k > h && is_rel(&toks[k], "punct") && p->hi[k] == p->hi[h])
            final_punct = k;
    }
    if (final_punct >= 0 && right_end >= final_punct)
        right_end = final_punct - 1;
    int32_t vpp = s;
    if (first_conj >= 0) { /* (VP (VP ...) (CC and) (VP ...)) */
        vpp = open_node(p, "VP", s);
        if (vpp < 0)
            return;
    }
    verb_chain(p, h, vpp, depth, from, right_end);
    for (int32_t i = a; i < b; i++) {
        int32_t k = p->kid[i];
        if (k <= right_end || k == final_punct)
            continue;
        const kbi_token *t = &toks[k];
        if (is_rel(t, "conj") && is_verbal(&toks[k]) && !has_subject(p, k)) {
            coordinator(p, k, vpp);
            verb_chain(p, k, vpp, depth + 1, chain_start(p, k), p->hi[k]);
        } else if (is_rel(t, "conj")) {
            coordinator(p, k, vpp);
            phrase(p, k, vpp, depth + 1);
        } else {
            phrase(p, k, vpp, depth + 1);
        }
    }
    if (final_punct >= 0)
        leaf(p, final_punct, s);
}

/* ---- dispatch --------------------------------------------------------- */

/* Relations whose lone nominal word is still a noun phrase. */
static int is_argument(const kbi_token *t)
{
    static const char *const rels[] = {
        "nsubj", "obj", "iobj", "obl", "nmod", "appos", "conj", "root",
        "vocative", "dislocated", "csubj", "xcomp", "ccomp", "orphan",
        "list", "parataxis", "dep", "nsubj:pass"};
    if (rel_is(t, "nmod:poss"))
        return tag(t)[0] == 'N'; /* "his" stays a word, "Gondor" a phrase */
    for (size_t i = 0; i < sizeof rels / sizeof rels[0]; i++)
        if (is_rel(t, rels[i]))
            return 1;
    return 0;
}

static void phrase(proj *p, int32_t h, int32_t parent, int depth)
{
    if (p->failed || p->placed[h])
        return;
    if (depth > 200) {
        flat(p, h, parent);
        return;
    }
    const kbi_token *t = &p->s->toks[h];
    if (is_aux(t) || is_rel(t, "mark") || is_rel(t, "case") ||
        is_rel(t, "cc") || is_rel(t, "punct")) {
        flat(p, h, parent); /* function words are words, not phrases */
        return;
    }
    if (p->kid_start[h] == p->kid_start[h + 1] && !is_verbal(t) &&
        !(is_nominal(t) && is_argument(t))) {
        leaf(p, h, parent); /* a single word that is not a phrase */
        return;
    }
    if (heads_clause(p, h)) {
        clause(p, h, parent, depth, "S");
        return;
    }
    int32_t prep = preposition(p, h);
    if (prep >= 0 && !is_rel(t, "conj")) {
        edge_punct(p, h, parent);
        int32_t pp = open_node(p, "PP", parent);
        if (pp < 0)
            return;
        phrase(p, prep, pp, depth + 1);
        noun_phrase(p, h, pp, depth, prep, "NP");
        return;
    }
    if (is_nominal(t)) {
        const char *label = (is_rel(t, "obl") && strstr(t->deprel, "tmod")) ||
                                    (is_rel(t, "nmod") && strstr(t->deprel, "tmod"))
                                ? "NP-TMP"
                                : "NP";
        noun_phrase(p, h, parent, depth, -1, label);
        return;
    }
    const char *x = tag(t);
    const char *label = x[0] == 'J' ? "ADJP" : x[0] == 'R' ? "ADVP" : "X";
    int32_t n = open_node(p, label, parent);
    if (n < 0)
        return;
    leaf(p, h, n);
    kids(p, h, n, depth, any, 0, p->s->ntoks);
}

/* A comma at the edge of a phrase moves out of it, up to the first phrase
 * it stands inside of, as in treebank parses: "(S (S ...) , (NP X) (VP
 * said))". The coder treats commas inside actor phrases as words, so a
 * clause-ending comma must not be left inside one. */
static int is_comma_tok(const kbi_sentence *s, int32_t k)
{
    return s->toks[k].xpos && strcmp(s->toks[k].xpos, ",") == 0;
}

/* commas[k] = number of commas among tokens [0, k) */
static void float_commas(kbi_sentence *s, const int32_t *commas)
{
    for (int32_t t = 0; t < s->ntoks; t++) {
        if (!is_comma_tok(s, t))
            continue;
        int32_t deep = -1; /* deepest node covering t (preorder: the last) */
        for (int32_t i = 0; i < s->nnodes; i++)
            if (s->nodes[i].tok_start <= t && t < s->nodes[i].tok_end)
                deep = i;
        /* once t leaves a node, the deepest node covering it is the
         * parent: siblings never overlap */
        while (deep > 0) {
            kbi_node *n = &s->nodes[deep];
            int others = commas[n->tok_end] - commas[n->tok_start] - 1;
            if (others > 0) /* "X, in remarks ...," keeps both commas */
                break;
            if (n->tok_start == t && n->tok_end == t + 1)
                n->tok_end = t; /* the comma was all it held: empty at t */
            else if (n->tok_start == t)
                n->tok_start = t + 1;
            else if (n->tok_end == t + 1)
                n->tok_end = t;
            else
                break;
            deep = n->parent;
        }
    }
}

/* The comma closing a parenthetical ("X, in remarks on Monday, urged")
 * joins the phrase holding the opening one, as in treebank parses. */
static void close_parentheticals(kbi_sentence *s, const int32_t *commas)
{
    for (int32_t t = 1; t < s->ntoks; t++) {
        if (!s->toks[t].xpos || strcmp(s->toks[t].xpos, ",") != 0)
            continue;
        int32_t best = -1;
        for (int32_t i = 1; i < s->nnodes; i++) {
            const kbi_node *n = &s->nodes[i];
            if (n->tok_end != t || strcmp(n->label, "NP") != 0 ||
                s->nodes[n->parent].tok_end <= t)
                continue; /* its parent must already hold the comma */
            int inside = commas[n->tok_end] - commas[n->tok_start];
            if (inside % 2 == 1 &&
                (best < 0 || n->tok_start <= s->nodes[best].tok_start))
                best = i; /* the outermost such phrase */
        }
        if (best >= 0)
            s->nodes[best].tok_end = t + 1;
    }
}

kb_status kbi_project_constituents(kbi_sentence *s, kbi_arena *a)
{
    s->nodes = NULL;
    s->nnodes = 0;
    if (s->ntoks == 0)
        return KB_OK;
    if (s->ntoks > KBI_PROJECT_MAX_TOKENS) {
        /* repairing and lifting are quadratic: a sentence this long (no
         * news sentence is) gets one flat phrase */
        s->nodes = kbi_arena_alloc(a, sizeof *s->nodes);
        if (!s->nodes)
            return KB_ERR_NOMEM;
        s->nodes[0] = (kbi_node){"ROOT", -1, 0, s->ntoks};
        s->nnodes = 1;
        return KB_OK;
    }
    proj p = {s, a, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0};
    p.head = kbi_arena_alloc(a, (size_t)s->ntoks * sizeof *p.head);
    p.placed = kbi_arena_alloc(a, (size_t)s->ntoks);
    /* at most: a root, and a few nodes per token */
    size_t cap = (size_t)s->ntoks * 8 + 8;
    if (cap > KBI_MAX_NODES)
        cap = KBI_MAX_NODES;
    p.cap = (int32_t)cap;
    s->nodes = kbi_arena_alloc(a, cap * sizeof *s->nodes);
    if (!p.head || !p.placed || !s->nodes)
        return KB_ERR_NOMEM;
    int32_t root = fix_heads(&p);
    if (!build_kids(&p))
        return KB_ERR_NOMEM;
    int32_t r = open_node(&p, "ROOT", -1);
    phrase(&p, root, r, 0);
    if (p.failed)
        return KB_ERR_LIMIT;
    /* punctuation and words left outside every phrase belong to the root */
    cover(&p, r, 0, s->ntoks - 1);
    int32_t *commas = kbi_arena_alloc(a, (size_t)(s->ntoks + 1) * sizeof *commas);
    if (!commas)
        return KB_ERR_NOMEM;
    for (int32_t k = 0; k < s->ntoks; k++)
        commas[k + 1] = commas[k] + is_comma_tok(s, k);
    float_commas(s, commas);
    close_parentheticals(s, commas);
    for (int32_t i = 0; i < s->nnodes; i++)
        if (s->nodes[i].tok_start == INT32_MAX) { /* empty phrase */
            s->nodes[i].tok_start = s->nodes[i].parent >= 0
                                        ? s->nodes[s->nodes[i].parent].tok_start
                                        : 0;
            s->nodes[i].tok_end = s->nodes[i].tok_start;
        }
    return KB_OK;
}
