/* entities.c - actors the dictionaries do not know, from what the article
 * says about them.
 *
 * The article keeps a memory of the entities it has named. Phrases are
 * read left to right, sentence after sentence:
 *   - a coded phrase holding a personal name ("Iraqi President Barham
 *     Salih": IRQGOV) introduces that person with its code;
 *   - an apposition, a coded title and an uncoded name side by side with
 *     only a comma between ("the Prime Minister of the Kurdistan Region,
 *     Masrour Barzani"), gives the name the title's code;
 *   - an uncoded phrase (or one with an agent but no country, "---GOV")
 *     naming a known person by any spelling of a name word ("Barzani",
 *     "Prime Minister Barzani", "Araji's visit", "al-Aaraji") takes that
 *     person's code;
 *   - "he"/"she" take the code of the person named last, within two
 *     sentences;
 *   - "the group", "the terror group", "the terrorist organization",
 *     "the militants" take the code of the non-state group named last;
 *   - "the minister", "the prime minister" (a definite title with no
 *     country) take the code of the last entity with that agent code.
 * Anything else stays uncoded: the coder drops an actor it cannot resolve
 * rather than guess. */
#include <stdio.h>
#include <string.h>

#include "../code/stream.h"
#include "article.h"

enum { MAX_ENTS = 512, MAX_WORDS = 64 };

typedef struct ent {
    const char *code;   /* e.g. "IRQGOV" */
    const char *name;   /* personal name as written, upper case, or NULL */
    const char *keys[4]; /* folded name words (surname first) */
    int nkeys;
    uint8_t person, group;
    int32_t seen;       /* sentence number of the last mention */
} ent;

struct kbi_entities {
    kbi_arena *a;
    const kb_dict *d;
    ent v[MAX_ENTS];
    int n;
    int32_t sentence;
    int last_person, last_group; /* indices, -1 */
};

kbi_entities *kbi_entities_new(kbi_arena *a, const kb_dict *d)
{
    kbi_entities *e = kbi_arena_alloc(a, sizeof *e);
    if (!e)
        return NULL;
    e->a = a;
    e->d = d;
    e->last_person = e->last_group = -1;
    return e;
}

size_t kbi_fold_name(const char *s, size_t n, char *out, size_t size)
{
    size_t w = 0;
    if (size == 0)
        return 0;
    /* "AL-", "EL-", "AL " prefixes */
    if (n > 3 && (s[0] == 'A' || s[0] == 'a' || s[0] == 'E' || s[0] == 'e') &&
        (s[1] == 'L' || s[1] == 'l') && (s[2] == '-' || s[2] == ' ')) {
        s += 3;
        n -= 3;
    }
    for (size_t i = 0; i < n && w + 1 < size; i++) {
        int c = (unsigned char)s[i];
        if (c >= 'a' && c <= 'z')
            c -= 'a' - 'A';
        if (c < 'A' || c > 'Z')
            continue; /* apostrophes, hyphens, non-ASCII letters */
        if (w > 0 && out[w - 1] == c && strchr("AEIOU", c))
            continue; /* Aaraji -> Araji */
        out[w++] = (char)c;
    }
    out[w] = '\0';
    return w;
}

/* ---- looking at a phrase ---------------------------------------------- */

typedef struct words {
    const char *up[MAX_WORDS];  /* upper-case words */
    const char *tag[MAX_WORDS];
    int n;
} words;

static void ne_words(const kbi_stream *st, const kbi_ne *ne, words *w)
{
    w->n = 0;
    for (int32_t i = ne->start + 1; i < ne->end && w->n < MAX_WORDS; i++)
        if (st->items[i].kind == KBI_IT_WORD && !st->items[i].deleted) {
            w->up[w->n] = st->items[i].text;
            w->tag[w->n] = st->items[i].tag ? st->items[i].tag : "";
            w->n++;
        }
}

static int is_proper(const char *tag)
{
    return strcmp(tag, "NNP") == 0 || strcmp(tag, "NNPS") == 0;
}

static int in_list(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(w, *list) == 0)
            return 1;
    return 0;
}

static const char *const calendar[] = {
    "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
    "SUNDAY", "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY",
    "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER", "JAN.",
    "FEB.", "AUG.", "SEPT.", "SEP.", "OCT.", "NOV.", "DEC.", NULL};

/* A word that starts an actor or agent phrase is part of a title or a
 * known name, not of a new personal name. */
static int dict_word(const kb_dict *d, const char *w)
{
    size_t np = 0;
    kbi_phrase_index_get(&d->agents.index, w, strlen(w), &np);
    if (np)
        return 1;
    kbi_phrase_index_get(&d->actors.index, w, strlen(w), &np);
    return np > 0;
}

/* The longest run of proper-noun words that are not dictionary or
 * calendar words: [*b, *e). Returns its length. */
static int name_run(const kb_dict *d, const words *w, int *b, int *e)
{
    int best = 0;
    for (int i = 0; i < w->n;) {
        int j = i;
        while (j < w->n && is_proper(w->tag[j]) && !dict_word(d, w->up[j]) &&
               !in_list(w->up[j], calendar))
            j++;
        if (j - i > best) {
            best = j - i;
            *b = i;
            *e = j;
        }
        i = j > i ? j : i + 1;
    }
    return best;
}

/* Is the whole phrase a personal name (two to four proper nouns)? */
static int all_name(const kb_dict *d, const words *w)
{
    int b = 0, e = 0;
    int n = name_run(d, w, &b, &e);
    return n >= 2 && n <= 4 && n == w->n;
}

/* ---- codes ------------------------------------------------------------ */

static int uncoded(const char *code)
{
    return !code || strncmp(code, "---", 3) == 0;
}

/* Non-state groups: IMG..., or a REB/INS/UAF/MIL role with no country. */
static int group_code(const char *code)
{
    if (!code || strlen(code) < 3)
        return 0;
    if (strncmp(code, "IMG", 3) == 0)
        return 1;
    for (size_t off = 0; off + 3 <= strlen(code); off += 3)
        if (!strncmp(code + off, "REB", 3) || !strncmp(code + off, "INS", 3) ||
            !strncmp(code + off, "UAF", 3))
            return 1;
    return 0;
}

static ent *add_ent(kbi_entities *E)
{
    if (E->n == MAX_ENTS) { /* forget the oldest */
        memmove(&E->v[0], &E->v[1], (MAX_ENTS - 1) * sizeof E->v[0]);
        E->n--;
        E->last_person = E->last_group = -1;
    }
    ent *x = &E->v[E->n++];
    memset(x, 0, sizeof *x);
    return x;
}

/* Records a person named by words [b, e) with code. */
static kb_status learn_person(kbi_entities *E, const words *w, int b, int e,
                              const char *code)
{
    char fold[128], name[256] = "";
    for (int i = b; i < e; i++)
        snprintf(name + strlen(name), sizeof name - strlen(name), "%s%s",
                 i > b ? " " : "", w->up[i]);
    for (int k = 0; k < E->n; k++) /* already known: refresh */
        if (E->v[k].name && strcmp(E->v[k].name, name) == 0 &&
            strcmp(E->v[k].code, code) == 0) {
            E->v[k].seen = E->sentence;
            E->last_person = k;
            return KB_OK;
        }
    ent *x = add_ent(E);
    x->code = kbi_arena_strdup(E->a, code);
    x->name = kbi_arena_strdup(E->a, name);
    x->person = 1;
    x->seen = E->sentence;
    for (int i = e - 1; i >= b && x->nkeys < 4; i--) { /* surname first */
        if (kbi_fold_name(w->up[i], strlen(w->up[i]), fold, sizeof fold) < 3)
            continue;
        x->keys[x->nkeys] = kbi_arena_strdup(E->a, fold);
        if (!x->keys[x->nkeys++])
            return KB_ERR_NOMEM;
    }
    E->last_person = (int)(x - E->v);
    return x->code && x->name ? KB_OK : KB_ERR_NOMEM;
}

static kb_status learn_code(kbi_entities *E, const char *code, int group)
{
    for (int k = E->n - 1; k >= 0; k--)
        if (!E->v[k].name && strcmp(E->v[k].code, code) == 0) {
            E->v[k].seen = E->sentence;
            if (group)
                E->last_group = k;
            return KB_OK;
        }
    ent *x = add_ent(E);
    x->code = kbi_arena_strdup(E->a, code);
    x->group = (uint8_t)group;
    x->seen = E->sentence;
    if (group)
        E->last_group = (int)(x - E->v);
    return x->code ? KB_OK : KB_ERR_NOMEM;
}

/* The most recent person whose surname (folded) is one of the phrase's
 * proper nouns, or -1. A first name alone is not enough. */
static int find_person(const kbi_entities *E, const words *w)
{
    char fold[128];
    int best = -1;
    for (int i = 0; i < w->n; i++) {
        if (!is_proper(w->tag[i]) || in_list(w->up[i], calendar))
            continue;
        if (kbi_fold_name(w->up[i], strlen(w->up[i]), fold, sizeof fold) < 3)
            continue;
        for (int k = E->n - 1; k > best; k--) {
            const ent *x = &E->v[k];
            if (!x->person)
                continue;
            if (x->nkeys > 0 && strcmp(x->keys[0], fold) == 0) {
                best = k;
                break;
            }
        }
    }
    return best;
}

static const char *const pronouns[] = {"HE", "SHE", "HIM", "HER", NULL};
static const char *const group_nouns[] = {
    "GROUP", "ORGANIZATION", "ORGANISATION", "MILITIA", "MILITIAS",
    "MILITANTS", "JIHADISTS", "INSURGENTS", "REBELS", "MOVEMENT",
    "EXTREMISTS", "TERRORISTS", "FIGHTERS", NULL};

/* The last word of a phrase that is a noun. */
static const char *head_noun(const words *w)
{
    for (int i = w->n - 1; i >= 0; i--)
        if (w->tag[i][0] == 'N')
            return w->up[i];
    return NULL;
}

static int set_code(kbi_stream *st, kbi_ne *ne, const char *code,
                    const char *why, const char *name)
{
    char ev[300];
    snprintf(ev, sizeof ev, "article: %s%s%s", why, name ? " " : "",
             name ? name : "");
    ne->code = kbi_arena_strdup(st->arena, code);
    ne->entry = kbi_arena_strdup(st->arena, ev);
    return ne->code && ne->entry;
}

/* Resolves an uncoded phrase from the memory. Returns 0 when out of
 * memory. */
static int resolve(kbi_entities *E, kbi_stream *st, kbi_ne *ne,
                   const words *w)
{
    int k = find_person(E, w);
    if (k >= 0) {
        E->v[k].seen = E->sentence;
        E->last_person = k;
        return set_code(st, ne, E->v[k].code, "same person as",
                        E->v[k].name);
    }
    if (w->n == 1 && in_list(w->up[0], pronouns)) {
        k = E->last_person;
        if (k >= 0 && E->sentence - E->v[k].seen <= 2)
            return set_code(st, ne, E->v[k].code, "pronoun for",
                            E->v[k].name);
        return 1;
    }
    if (w->n < 2 || strcmp(w->up[0], "THE") != 0)
        return 1;
    const char *head = head_noun(w);
    if (head && in_list(head, group_nouns) && ne->code &&
        strcmp(ne->code, "---") == 0) {
        k = E->last_group;
        if (k >= 0 && E->sentence - E->v[k].seen <= 5)
            return set_code(st, ne, E->v[k].code, "the group named before:",
                            E->v[k].code);
        return 1;
    }
    /* "the prime minister": an agent code with no country */
    if (ne->code && strlen(ne->code) > 3) {
        const char *agent = ne->code + 3;
        size_t al = strlen(agent);
        for (int j = E->n - 1; j >= 0; j--) {
            const ent *x = &E->v[j];
            size_t cl = strlen(x->code);
            if (E->sentence - x->seen > 3 || cl <= al || uncoded(x->code))
                continue;
            if (strcmp(x->code + cl - al, agent) == 0)
                return set_code(st, ne, x->code, "the title named before:",
                                x->name ? x->name : x->code);
        }
    }
    return 1;
}

/* Are NEs a and b side by side with only a comma between them? */
static int apposed(const kbi_stream *st, const kbi_ne *a, const kbi_ne *b)
{
    int commas = 0;
    for (int32_t i = a->end + 1; i < b->start; i++) {
        const kbi_item *it = &st->items[i];
        if (it->deleted)
            return 0;
        if (it->kind == KBI_IT_WORD) {
            if (strcmp(it->text, ",") != 0)
                return 0;
            commas++;
        } else if (it->kind != KBI_IT_OPEN && it->kind != KBI_IT_CLOSE) {
            return 0;
        }
    }
    return commas == 1;
}

kb_status kbi_entities_hook(void *user, kbi_stream *st, const kbi_sentence *s,
                            int32_t day)
{
    (void)s;
    (void)day;
    kbi_entities *E = user;
    E->sentence++;
    words w, pw;
    kbi_ne *prev = NULL;
    for (int32_t i = 0; i < st->nne; i++) {
        kbi_ne *ne = &st->nes[i];
        if (st->items[ne->start].deleted) {
            prev = NULL;
            continue;
        }
        ne_words(st, ne, &w);
        if (w.n == 0)
            continue;
        /* apposition: title, name / name, title */
        if (prev && apposed(st, prev, ne)) {
            ne_words(st, prev, &pw);
            if (!uncoded(prev->code) && uncoded(ne->code) &&
                all_name(E->d, &w)) {
                if (!set_code(st, ne, prev->code, "apposition to", prev->text) ||
                    learn_person(E, &w, 0, w.n, prev->code) != KB_OK)
                    return KB_ERR_NOMEM;
            } else if (uncoded(prev->code) && !uncoded(ne->code) &&
                       all_name(E->d, &pw)) {
                if (!set_code(st, prev, ne->code, "apposition to", ne->text) ||
                    learn_person(E, &pw, 0, pw.n, ne->code) != KB_OK)
                    return KB_ERR_NOMEM;
            }
        }
        if (uncoded(ne->code)) {
            if (!resolve(E, st, ne, &w))
                return KB_ERR_NOMEM;
        } else {
            int b = 0, e = 0;
            kb_status r = KB_OK;
            if (name_run(E->d, &w, &b, &e) >= 2)
                r = learn_person(E, &w, b, e, ne->code);
            else
                r = learn_code(E, ne->code, group_code(ne->code));
            if (r != KB_OK)
                return r;
        }
        prev = ne;
    }
    return KB_OK;
}
