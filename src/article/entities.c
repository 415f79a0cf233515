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
 *     "Prime Minister Barzani", "Araji's visit", "al-Aaraji"; other
 *     vowels in the same places, "Saleh" for "Salih", "Zelenskiy" for
 *     "Zelensky") takes that person's code;
 *   - "he"/"she" take the code of the person named last, within two
 *     sentences (as a subject, of the last sentence's subject, and of no
 *     one after "..., the official said"); "him"/"her" as an object are
 *     not their own sentence's subject;
 *   - "the group", "the terror group", "the terrorist organization",
 *     "the militants" take the code of the non-state group named last;
 *   - "the minister", "Prime Minister" (title words with no country)
 *     take the code of the last entity named with those title words.
 * Anything else stays uncoded: the coder drops an actor it cannot resolve
 * rather than guess. */
#include <stdio.h>
#include <string.h>

#include "../code/stream.h"
#include "../base/util.h"
#include "article.h"

enum { MAX_ENTS = 512, MAX_WORDS = 64, MAX_UNKNOWN = 32 };

typedef struct ent {
    const char *code;   /* e.g. "IRQGOV" */
    const char *name;   /* personal name as written, upper case, or NULL */
    const char *keys[4]; /* folded name words (surname first) */
    int nkeys;
    const char *title;  /* agent words of the phrase that named it
                           ("PRIME MINISTER"), or NULL */
    uint8_t person, group;
    int32_t seen;       /* sentence number of the last mention */
} ent;

struct kbi_entities {
    kbi_arena *a;
    const kb_dict *d;
    ent v[MAX_ENTS];
    int n;
    int32_t sentence;
    int32_t day;                 /* the sentence's date */
    int last_person, last_group; /* indices, -1 */
    int last_subject;            /* the person last named as the subject
                                    of a sentence's main verb, -1 */
    int32_t unnamed_subject;     /* the last sentence whose main verb's
                                    subject was a person left unnamed
                                    ("the official said"), or -10 */
    /* the last sentence's actor phrase of each token (code and words),
     * for rules that read the dependency tree (claims.c) */
    const char **tokcode, **toktext;
    int32_t ntok;
    /* names of the last sentence the dictionaries did not know */
    struct unk {
        int32_t ne, b, e;      /* NE and its name words [b, e) */
        const char *name;
        const char *code, *evidence; /* set when the sentence is done */
    } unk[MAX_UNKNOWN];
    int nunk;
    int hooked;               /* the hook saw the last sentence */
    const kbi_sentence *sent; /* the sentence being hooked */
};

kbi_entities *kbi_entities_new(kbi_arena *a, const kb_dict *d)
{
    kbi_entities *e = kbi_arena_alloc(a, sizeof *e);
    if (!e)
        return NULL;
    e->a = a;
    e->d = d;
    e->last_person = e->last_group = e->last_subject = -1;
    e->unnamed_subject = -10;
    return e;
}

/* The ASCII letter under a letter of U+00C0..U+017F ("Ç" C, "ş" s,
 * "ğ" g, "ü" u), 0 for others. */
static int latin_base(unsigned cp)
{
    static const char base[] =
        /* U+00C0 */ "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTs"
        /* U+00E0 */ "aaaaaaaceeeeiiiidnooooo/ouuuuyty"
        /* U+0100 */ "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGg"
        /* U+0120 */ "GgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlL"
        /* U+0140 */ "lLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSs"
        /* U+0160 */ "SsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
    if (cp < 0xC0 || cp > 0x17F)
        return 0;
    int c = base[cp - 0xC0];
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ? c : 0;
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
        if ((c == 0xC3 || c == 0xC4 || c == 0xC5) && i + 1 < n) {
            /* Latin-1 and Latin Extended-A letters: their base letter */
            unsigned cp = ((unsigned)(c & 0x1F) << 6) |
                          ((unsigned char)s[i + 1] & 0x3F);
            c = latin_base(cp);
            i++;
        }
        if (c >= 'a' && c <= 'z')
            c -= 'a' - 'A';
        if (c < 'A' || c > 'Z')
            continue; /* apostrophes, hyphens, other letters */
        if (w > 0 && out[w - 1] == c && strchr("AEIOUY", c))
            continue; /* Aaraji -> Araji, Zelenskyy -> Zelensky */
        out[w++] = (char)c;
    }
    out[w] = '\0';
    return w;
}

/* ---- looking at a phrase ---------------------------------------------- */

typedef struct words {
    const char *up[MAX_WORDS];  /* upper-case words */
    const char *tag[MAX_WORDS];
    int32_t tok[MAX_WORDS];     /* their tokens, -1 when made up */
    uint8_t cap[MAX_WORDS];     /* a capitalised content word not first in
                                   its sentence: a name, whatever its tag */
    int n;
} words;

/* Unknown names are often mistagged ("al-Kadhimi" NN, "Abdul-Mahdi"
 * RB): a capitalised noun, adjective, adverb, verb or number word inside
 * the sentence counts as a name word too. */
static int cap_word(const kbi_sentence *s, int32_t t, const char *tag)
{
    if (!s || t <= 0 || t >= s->ntoks || !s->toks[t].form)
        return 0;
    int c = (unsigned char)s->toks[t].form[0];
    if (!((c >= 'A' && c <= 'Z') || c == 0xC3 || c == 0xC4 || c == 0xC5))
        return 0;
    return tag[0] == 'N' || tag[0] == 'J' || tag[0] == 'R' ||
           tag[0] == 'V' || strcmp(tag, "CD") == 0;
}

static void ne_words_of(const kbi_stream *st, const kbi_ne *ne, words *w,
                        const kbi_sentence *s, int deleted_too)
{
    w->n = 0;
    for (int32_t i = ne->start + 1; i < ne->end && w->n < MAX_WORDS; i++)
        if (st->items[i].kind == KBI_IT_WORD &&
            (deleted_too || !st->items[i].deleted)) {
            w->up[w->n] = st->items[i].text;
            w->tag[w->n] = st->items[i].tag ? st->items[i].tag : "";
            w->tok[w->n] = st->items[i].tok;
            w->cap[w->n] = (uint8_t)cap_word(s, w->tok[w->n], w->tag[w->n]);
            w->n++;
        }
}

static void ne_words(const kbi_stream *st, const kbi_ne *ne, words *w,
                     const kbi_sentence *s)
{
    ne_words_of(st, ne, w, s, 0);
}

static int is_proper(const char *tag)
{
    return strcmp(tag, "NNP") == 0 || strcmp(tag, "NNPS") == 0;
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
    /* an actor of one word ("IRAQI", "ISIS"); a first name that merely
     * begins some known person's name ("MIKE") is still a name word */
    const int32_t *c = kbi_phrase_index_get(&d->actors.index, w, strlen(w),
                                            &np);
    for (size_t k = 0; k < np; k++)
        if (d->actors.phrases[c[k]].ph.nwords == 1)
            return 1;
    return 0;
}

static const char *const function_words[] = {
    "THE", "A", "AN", "OF", "FOR", "AND", "IN", "ON", "TO", ",", "'S", NULL};

static int agent_word(const kb_dict *d, const char *w)
{
    if (kbi_in_list(w, function_words))
        return 0;
    size_t np = 0;
    kbi_phrase_index_get(&d->agents.index, w, strlen(w), &np);
    return np > 0;
}

/* The phrase's agent words joined by blanks ("PRIME MINISTER"), or NULL
 * when it has none. */
static const char *title_of(kbi_arena *a, const kb_dict *d, const words *w)
{
    char buf[256] = "";
    for (int i = 0; i < w->n; i++)
        if (agent_word(d, w->up[i]) && !kbi_in_list(w->up[i], calendar))
            snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s",
                     buf[0] ? " " : "", w->up[i]);
    return buf[0] ? kbi_arena_strdup(a, buf) : NULL;
}

/* Words that make a run of proper nouns the name of an organisation, a
 * place or a publication rather than of a person. */
static const char *const org_words[] = {
    "UNITED", "NATIONS", "NATIONAL", "COUNCIL", "PARTY", "FRONT", "ARMY",
    "FORCES", "FORCE", "MINISTRY", "DEPARTMENT", "COMMITTEE", "UNION",
    "ASSOCIATION", "ORGANIZATION", "ORGANISATION", "AGENCY", "BANK",
    "GROUP", "CORP", "CORP.", "INC", "INC.", "COMPANY", "STATE", "STATES",
    "REPUBLIC", "KINGDOM", "GOVERNMENT", "COURT", "ASSEMBLY", "SENATE",
    "CONGRESS", "PARLIAMENT", "POLICE", "UNIVERSITY", "INSTITUTE",
    "CENTER", "CENTRE", "NEWS", "TIMES", "POST", "PRESS", "TV", "RADIO",
    "BRIGADE", "BRIGADES", "MOVEMENT", "ALLIANCE", "COALITION", "LEAGUE",
    "FEDERATION", "REGION", "PROVINCE", "ISLAMIC", "DEMOCRATIC", "CITY",
    "OFFICE", "COMMISSION", "FUND", "FOUNDATION", "SOCIETY", "AIRLINES",
    "GUARD", "GUARDS", "NAVY", "COMMAND", "AUTHORITY", "ZONE", "ISLANDS",
    "COMMUNITY", "CABINET", "MILITIA", "BUREAU", "SERVICE", "SERVICES",
    NULL};

/* Is words [b, e) the name of an organisation or a place? */
static int org_name(const words *w, int b, int e)
{
    for (int i = b; i < e; i++)
        if (kbi_in_list(w->up[i], org_words))
            return 1;
    return 0;
}

/* The longest run of proper-noun words that are not dictionary or
 * calendar words: [*b, *e). Returns its length. A run with a word of an
 * organisation's name ("Kurdistan Region" in "Kurdistan Region Prime
 * Minister Masrour Barzani") is taken only when there is no other. */
static int name_run(const kb_dict *d, const words *w, int *b, int *e)
{
    int best = 0, org_best = 0, ob = 0, oe = 0;
    for (int i = 0; i < w->n;) {
        int j = i;
        while (j < w->n && (is_proper(w->tag[j]) || w->cap[j]) &&
               !kbi_in_list(w->up[j], calendar)) {
            /* a dictionary word ends the name, unless it stands between
             * two of its words ("Mohammed Shia al-Sudani") */
            if (dict_word(d, w->up[j]) &&
                !(j > i && j + 1 < w->n &&
                  (is_proper(w->tag[j + 1]) || w->cap[j + 1]) &&
                  !dict_word(d, w->up[j + 1])))
                break;
            j++;
        }
        int org = org_name(w, i, j);
        if (org && j - i > org_best) {
            org_best = j - i;
            ob = i;
            oe = j;
        } else if (!org && j - i > best) {
            best = j - i;
            *b = i;
            *e = j;
        }
        i = j > i ? j : i + 1;
    }
    if (best == 0 && org_best > 0) {
        *b = ob;
        *e = oe;
        return org_best;
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

/* Non-state groups: IMG..., or a REB/INS/UAF/MIL role with no country. */
static int group_code(const char *code)
{
    if (!code || strlen(code) < 3)
        return 0;
    if (strncmp(code, "IMG", 3) == 0)
        return 1;
    return kbi_code_has_block(code, "REB") ||
           kbi_code_has_block(code, "INS") || kbi_code_has_block(code, "UAF");
}

static ent *add_ent(kbi_entities *E)
{
    if (E->n == MAX_ENTS) { /* forget the oldest */
        memmove(&E->v[0], &E->v[1], (MAX_ENTS - 1) * sizeof E->v[0]);
        E->n--;
        E->last_person = E->last_group = E->last_subject = -1;
    }
    ent *x = &E->v[E->n++];
    memset(x, 0, sizeof *x);
    return x;
}

/* Is every blank-separated word of a also a word of b? */
static int words_within(const char *a, const char *b)
{
    while (*a) {
        size_t n = strcspn(a, " ");
        int found = 0;
        for (const char *p = b; *p && !found;) {
            size_t m = strcspn(p, " ");
            found = m == n && memcmp(a, p, n) == 0;
            p += m;
            while (*p == ' ')
                p++;
        }
        if (!found)
            return 0;
        a += n;
        while (*a == ' ')
            a++;
    }
    return 1;
}

/* An entity is named with several titles over an article ("the Prime
 * Minister of the Kurdistan Region", "the Kurdistan Regional Government"):
 * it keeps all their words. */
static void add_title(kbi_entities *E, ent *x, const char *title)
{
    if (!title || (x->title && words_within(title, x->title)))
        return;
    if (!x->title) {
        x->title = title;
        return;
    }
    char buf[512];
    snprintf(buf, sizeof buf, "%s %s", x->title, title);
    const char *t = kbi_arena_strdup(E->a, buf);
    if (t)
        x->title = t;
}

/* Records a person named by words [b, e) with code. */
static kb_status learn_person(kbi_entities *E, const words *w, int b, int e,
                              const char *code, const char *title)
{
    if (org_name(w, b, e))
        return KB_OK; /* "United Nations" is nobody's name */
    char fold[128], name[256] = "";
    for (int i = b; i < e; i++)
        snprintf(name + strlen(name), sizeof name - strlen(name), "%s%s",
                 i > b ? " " : "", w->up[i]);
    for (int k = 0; k < E->n; k++) /* already known: refresh */
        if (E->v[k].name && strcmp(E->v[k].name, name) == 0 &&
            strcmp(E->v[k].code, code) == 0) {
            E->v[k].seen = E->sentence;
            add_title(E, &E->v[k], title);
            E->last_person = k;
            return KB_OK;
        }
    /* built whole before it joins the memory: an entity half made when
     * memory ran out must not be found later */
    ent y;
    memset(&y, 0, sizeof y);
    y.code = kbi_arena_strdup(E->a, code);
    y.name = kbi_arena_strdup(E->a, name);
    y.title = title;
    y.person = 1;
    y.seen = E->sentence;
    if (!y.code || !y.name)
        return KB_ERR_NOMEM;
    for (int i = e - 1; i >= b && y.nkeys < 4; i--) { /* surname first */
        if (kbi_fold_name(w->up[i], strlen(w->up[i]), fold, sizeof fold) < 3)
            continue;
        y.keys[y.nkeys] = kbi_arena_strdup(E->a, fold);
        if (!y.keys[y.nkeys++])
            return KB_ERR_NOMEM;
    }
    ent *x = add_ent(E);
    *x = y;
    E->last_person = (int)(x - E->v);
    return KB_OK;
}

static kb_status learn_code(kbi_entities *E, const char *code, int group,
                            const char *title)
{
    for (int k = E->n - 1; k >= 0; k--)
        if (!E->v[k].name && strcmp(E->v[k].code, code) == 0) {
            E->v[k].seen = E->sentence;
            add_title(E, &E->v[k], title);
            if (group)
                E->last_group = k;
            return KB_OK;
        }
    const char *c = kbi_arena_strdup(E->a, code);
    if (!c)
        return KB_ERR_NOMEM;
    ent *x = add_ent(E);
    x->code = c;
    x->title = title;
    x->group = (uint8_t)group;
    x->seen = E->sentence;
    if (group)
        E->last_group = (int)(x - E->v);
    return KB_OK;
}

/* Does word i of w start with a capital letter in the text? */
static int capitalised(const kbi_entities *E, const words *w, int i)
{
    int32_t t = w->tok[i];
    if (!E->sent || t < 0 || t >= E->sent->ntoks || !E->sent->toks[t].form)
        return 0;
    int c = (unsigned char)E->sent->toks[t].form[0];
    return (c >= 'A' && c <= 'Z') || c == 0xC3 || c == 0xC4 || c == 0xC5;
}

/* Are two folded names one name in two transliterations: the same
 * letters but for vowels in the same places ("SALIH", "SALEH"; "HAFTAR",
 * "HIFTER"), a final "IY" or "YY" read as "Y" ("ZELENSKIY", "ZELENSKYY",
 * "ZELENSKY")? "REAGAN" and "REGAN" are two names. */
static int same_spelled(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    if (na >= 3 && a[na - 1] == 'Y' && (a[na - 2] == 'I' || a[na - 2] == 'Y'))
        na--;
    if (nb >= 3 && b[nb - 1] == 'Y' && (b[nb - 2] == 'I' || b[nb - 2] == 'Y'))
        nb--;
    if (na != nb || na < 4)
        return 0;
    int diff = 0;
    for (size_t i = 0; i < na; i++) {
        char x = (i == na - 1 && a[i] == 'I') ? 'Y' : a[i];
        char y = (i == nb - 1 && b[i] == 'I') ? 'Y' : b[i];
        if (x == y)
            continue;
        if (!strchr("AEIOUY", x) || !strchr("AEIOUY", y))
            return 0;
        diff++;
    }
    return diff > 0 || na != strlen(a) || nb != strlen(b);
}

static int same_name(const char *a, const char *b) { return !strcmp(a, b); }

/* The most recent person whose surname (folded, at least `min` letters)
 * matches one of the phrase's name words by `match`, or -1. */
static int find_person_by(const kbi_entities *E, const words *w, size_t min,
                          int (*match)(const char *, const char *))
{
    char fold[128];
    int best = -1;
    for (int i = 0; i < w->n; i++) {
        /* unknown names are often mistagged ("Al-Kadhimi" NN): any
         * capitalised word may be a known surname */
        if ((!is_proper(w->tag[i]) && !capitalised(E, w, i)) ||
            kbi_in_list(w->up[i], calendar))
            continue;
        for (int two = 0; two < 2; two++) {
            /* one word, or two that the surname writes as one ("Abdul
             * Mahdi" for "Abdul-Mahdi") */
            char both[128];
            const char *x0 = w->up[i];
            if (two) {
                if (i + 1 >= w->n ||
                    (!is_proper(w->tag[i + 1]) && !capitalised(E, w, i + 1)) ||
                    snprintf(both, sizeof both, "%s%s", w->up[i],
                             w->up[i + 1]) >= (int)sizeof both)
                    break;
                x0 = both;
            }
            if (kbi_fold_name(x0, strlen(x0), fold, sizeof fold) < min)
                continue;
            for (int k = E->n - 1; k > best; k--) {
                const ent *x = &E->v[k];
                if (x->person && x->nkeys > 0 && match(x->keys[0], fold)) {
                    best = k;
                    break;
                }
            }
        }
    }
    return best;
}

/* The most recent person a phrase names by surname (a first name alone is
 * not enough), else by another spelling of it, or -1. */
static int find_person(const kbi_entities *E, const words *w)
{
    int k = find_person_by(E, w, 3, same_name);
    return k >= 0 ? k : find_person_by(E, w, 4, same_spelled);
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

static int resolve_title(kbi_entities *E, kbi_stream *st, kbi_ne *ne,
                         const words *w);

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
    if (w->n == 1 && kbi_in_list(w->up[0], pronouns)) {
        k = E->last_person;
        /* "him" and "her" as an object are not the subject of their own
         * sentence ("Turkish Vice President Fuat Oktay met him"; "it was
         * important for him to be there" may be): the person named
         * before it */
        int32_t pt = w->tok[0];
        int object = E->sent && pt >= 0 && pt < E->sent->ntoks &&
                     (kbi_rel_is(&E->sent->toks[pt], "obj") ||
                      kbi_rel_is(&E->sent->toks[pt], "iobj"));
        if ((!strcmp(w->up[0], "HIM") || !strcmp(w->up[0], "HER")) &&
            object && k >= 0 && k == E->last_subject &&
            E->v[k].seen == E->sentence) {
            int other = -1;
            for (int j = 0; j < E->n; j++)
                if (j != k && E->v[j].person &&
                    E->sentence - E->v[j].seen <= 2 &&
                    (other < 0 || E->v[j].seen >= E->v[other].seen))
                    other = j;
            if (other < 0)
                return 1;
            k = other;
        }
        /* "he" and "she" go on with the last sentence's subject rather
         * than the last name ("Salih received Safadi ... He praised
         * Jordan's support") */
        int32_t t = w->tok[0];
        int subject = E->sent && t >= 0 && t < E->sent->ntoks &&
                      kbi_rel_is(&E->sent->toks[t], "nsubj") &&
                      (!strcmp(w->up[0], "HE") || !strcmp(w->up[0], "SHE"));
        /* ... and a subject left unnamed ("..., the official said. He
         * also said ...") is not the last name either */
        if (subject && E->unnamed_subject >= E->sentence - 1 &&
            (E->last_subject < 0 ||
             E->v[E->last_subject].seen < E->unnamed_subject))
            return 1;
        if (subject && E->last_subject >= 0 &&
            E->sentence - E->v[E->last_subject].seen <= 1)
            k = E->last_subject;
        if (k >= 0 && E->sentence - E->v[k].seen <= 2)
            return set_code(st, ne, E->v[k].code, "pronoun for",
                            E->v[k].name);
        return 1;
    }
    if (!resolve_title(E, st, ne, w))
        return 0;
    if (!kbi_uncoded(ne->code) || w->n < 2 || strcmp(w->up[0], "THE") != 0)
        return 1;
    const char *head = head_noun(w);
    if (head && kbi_in_list(head, group_nouns) && ne->code &&
        (strcmp(ne->code, "---") == 0 || group_code(ne->code))) {
        k = E->last_group;
        if (k >= 0 && E->sentence - E->v[k].seen <= 5)
            return set_code(st, ne, E->v[k].code, "the group named before:",
                            E->v[k].code);
        return 1;
    }
    return 1;
}

/* "Prime Minister", "the prime minister", "the minister": a phrase of
 * title words only (and "the"), with an agent code but no country, is the
 * entity last named with those title words, within ten sentences. */
static int resolve_title(kbi_entities *E, kbi_stream *st, kbi_ne *ne,
                         const words *w)
{
    if (!ne->code || strlen(ne->code) <= 3)
        return 1;
    /* title words, "the", and at most a name ("Prime Minister Barzani") */
    int nb = 0, nend = 0;
    int names = name_run(E->d, w, &nb, &nend);
    for (int i = 0; i < w->n; i++)
        if (strcmp(w->up[i], "THE") != 0 && !agent_word(E->d, w->up[i]) &&
            !(i >= nb && i < nend))
            return 1;
    const char *title = title_of(E->a, E->d, w);
    if (!title)
        return !E->a->failed;
    for (int j = E->n - 1; j >= 0; j--) {
        const ent *x = &E->v[j];
        if (x->title && words_within(title, x->title) &&
            !kbi_uncoded(x->code) && E->sentence - x->seen <= 10) {
            /* "President Fuat Oktay" is not the president named before */
            char fold[128];
            if (names > 0 && x->person && x->nkeys > 0 &&
                kbi_fold_name(w->up[nend - 1], strlen(w->up[nend - 1]), fold,
                              sizeof fold) >= 3 &&
                strcmp(fold, x->keys[0]) != 0)
                continue;
            const char *code = x->code;
            if (!set_code(st, ne, code, "the title named before:",
                          x->name ? x->name : x->code))
                return 0;
            return names == 0 ||
                   learn_person(E, w, nb, nend, code, title) == KB_OK;
        }
    }
    return 1;
}

static const char *const locative[] = {
    "IN", "AT", "NEAR", "INSIDE", "OUTSIDE", "ACROSS", "THROUGHOUT",
    "AROUND", NULL};

/* A place named as where something happened ("received in Erbil a
 * delegation", "talks at Geneva"): proper nouns right after a locative
 * preposition. The dictionaries code many places as their country; as an
 * adjunct the place is not a participant. */
static int locative_place(const kbi_stream *st, const kbi_ne *ne,
                          const words *w)
{
    int32_t i = ne->start - 1;
    while (i >= 0 && (st->items[i].kind == KBI_IT_OPEN ||
                      st->items[i].kind == KBI_IT_NEC))
        i--;
    if (i < 0 || st->items[i].kind != KBI_IT_WORD || st->items[i].deleted ||
        !kbi_in_list(st->items[i].text, locative))
        return 0;
    int proper = 0;
    for (int k = 0; k < w->n; k++) {
        if (is_proper(w->tag[k]))
            proper++;
        else if (strcmp(w->up[k], "THE") != 0)
            return 0;
    }
    return proper > 0 && proper <= 4;
}

/* Are NEs a and b one proper name the parse split at "of" ("US
 * Secretary" | of | "State Mike Pompeo")? Both all proper nouns, with
 * only "of" between them. */
static int split_name(const kbi_stream *st, const kbi_ne *a, const words *wa,
                      const kbi_ne *b, const words *wb)
{
    int ofs = 0;
    for (int32_t i = a->end + 1; i < b->start; i++) {
        const kbi_item *it = &st->items[i];
        if (it->deleted)
            return 0;
        if (it->kind == KBI_IT_WORD) {
            if (strcmp(it->text, "OF") != 0)
                return 0;
            ofs++;
        } else if (it->kind != KBI_IT_OPEN && it->kind != KBI_IT_CLOSE) {
            return 0;
        }
    }
    if (ofs != 1 || wa->n == 0 || wb->n == 0 || wa->n + wb->n + 1 > MAX_WORDS)
        return 0;
    for (int i = 0; i < wa->n; i++)
        if (!is_proper(wa->tag[i]))
            return 0;
    for (int i = 0; i < wb->n; i++)
        if (!is_proper(wb->tag[i]))
            return 0;
    return 1;
}

/* Codes the two halves of a split name as the whole name. */
static kb_status join_split(kbi_entities *E, kbi_stream *st, kbi_ne *a,
                            const words *wa, kbi_ne *b, const words *wb,
                            int32_t day)
{
    words all;
    all.n = 0;
    for (int i = 0; i < wa->n; i++, all.n++) {
        all.up[all.n] = wa->up[i];
        all.tag[all.n] = wa->tag[i];
        all.tok[all.n] = wa->tok[i];
        all.cap[all.n] = wa->cap[i];
    }
    all.up[all.n] = "OF";
    all.tok[all.n] = -1;
    all.cap[all.n] = 0;
    all.tag[all.n++] = "IN";
    for (int i = 0; i < wb->n; i++, all.n++) {
        all.up[all.n] = wb->up[i];
        all.tag[all.n] = wb->tag[i];
        all.tok[all.n] = wb->tok[i];
        all.cap[all.n] = wb->cap[i];
    }
    const char *code = NULL, *entry = NULL;
    kb_status r = kbi_code_words(E->d, all.up, all.n, day, st->arena, &code,
                                 &entry);
    if (r != KB_OK || kbi_uncoded(code))
        return r;
    if (!set_code(st, a, code, "one name with", b->text) ||
        !set_code(st, b, code, "one name with", a->text))
        return KB_ERR_NOMEM;
    int nb = 0, ne = 0;
    if (name_run(E->d, &all, &nb, &ne) >= 2)
        return learn_person(E, &all, nb, ne, code,
                            title_of(E->a, E->d, &all));
    return KB_OK;
}

/* Are NEs a and b side by side with nothing but phrase brackets between
 * them? */
static int adjacent(const kbi_stream *st, const kbi_ne *a, const kbi_ne *b)
{
    for (int32_t i = a->end + 1; i < b->start; i++) {
        const kbi_item *it = &st->items[i];
        if (it->deleted ||
            (it->kind != KBI_IT_OPEN && it->kind != KBI_IT_CLOSE))
            return 0;
    }
    return 1;
}

/* Is the phrase one to four proper nouns of no dictionary entry? */
static int all_proper(const kb_dict *d, const words *w)
{
    int b = 0, e = 0;
    int n = name_run(d, w, &b, &e);
    return n >= 1 && n <= 4 && n == w->n;
}

/* How many words of the phrase form a personal name. */
static int name_words(const kb_dict *d, const words *w)
{
    int b = 0, e = 0;
    return name_run(d, w, &b, &e);
}

/* Are NEs a and b side by side with only a comma between them (with
 * `deleted_too`, counting the words the comma-clause deletion removed)? */
static int apposed_of(const kbi_stream *st, const kbi_ne *a, const kbi_ne *b,
                      int deleted_too)
{
    int commas = 0;
    for (int32_t i = a->end + 1; i < b->start; i++) {
        const kbi_item *it = &st->items[i];
        if (it->deleted && !deleted_too)
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

static int apposed(const kbi_stream *st, const kbi_ne *a, const kbi_ne *b)
{
    return apposed_of(st, a, b, 0);
}

const char *kbi_entities_token(const kbi_entities *E, int32_t tok,
                               const char **text)
{
    if (tok < 0 || tok >= E->ntok || !E->tokcode[tok])
        return NULL;
    if (text)
        *text = E->toktext[tok];
    return E->tokcode[tok];
}

/* Remembers each token's phrase (after resolution). */
static kb_status map_tokens(kbi_entities *E, const kbi_stream *st,
                            const kbi_sentence *s)
{
    E->ntok = 0;
    E->tokcode = kbi_arena_alloc(E->a, (size_t)(s->ntoks + 1) *
                                           sizeof *E->tokcode);
    E->toktext = kbi_arena_alloc(E->a, (size_t)(s->ntoks + 1) *
                                           sizeof *E->toktext);
    if (!E->tokcode || !E->toktext)
        return KB_ERR_NOMEM;
    E->ntok = s->ntoks;
    for (int32_t i = 0; i < st->nne; i++) {
        const kbi_ne *ne = &st->nes[i];
        if (st->items[ne->start].deleted)
            continue;
        for (int32_t k = ne->start + 1; k < ne->end; k++) {
            int32_t t = st->items[k].tok;
            if (st->items[k].kind == KBI_IT_WORD && t >= 0 && t < s->ntoks) {
                E->tokcode[t] = ne->code;
                E->toktext[t] = ne->text;
            }
        }
    }
    return KB_OK;
}

/* Keeps the proper-noun run of a phrase (at least min words) that no
 * actor entry knows, as written. */
static void note_unknown(kbi_entities *E, const kbi_sentence *s, int32_t ne,
                         const words *w, int min)
{
    int b = 0, e = 0;
    if (E->nunk == MAX_UNKNOWN || name_run(E->d, w, &b, &e) < min)
        return;
    /* a name the dictionaries code by itself is known */
    const char *code = NULL, *entry = NULL;
    if (kbi_code_words(E->d, w->up + b, e - b, E->day, E->a, &code,
                       &entry) != KB_OK || (code && !kbi_uncoded(code)))
        return;
    char name[256] = "";
    for (int i = b; i < e; i++) {
        int32_t t = w->tok[i];
        const char *f = t >= 0 && t < s->ntoks && s->toks[t].form
                            ? s->toks[t].form : w->up[i];
        snprintf(name + strlen(name), sizeof name - strlen(name), "%s%s",
                 i > b ? " " : "", f);
    }
    struct unk *u = &E->unk[E->nunk];
    u->name = kbi_arena_strdup(E->a, name);
    if (!u->name)
        return;
    u->ne = ne;
    u->b = b;
    u->e = e;
    E->nunk++;
}

int kbi_entities_unknown(const kbi_entities *E, int i, const char **name,
                         const char **code, const char **evidence)
{
    if (!E->hooked || i < 0 || i >= E->nunk)
        return 0;
    *name = E->unk[i].name;
    *code = E->unk[i].code;
    *evidence = E->unk[i].evidence;
    return 1;
}

/* Is a word of w the subject (nsubj) of the sentence's root? */
static int main_subject(const kbi_sentence *s, const words *w)
{
    for (int i = 0; i < w->n; i++) {
        int32_t t = w->tok[i];
        if (t < 0 || t >= s->ntoks || !kbi_rel_is(&s->toks[t], "nsubj"))
            continue;
        int32_t h = s->toks[t].head;
        if (h >= 0 && h < s->ntoks && kbi_rel_is(&s->toks[h], "root"))
            return 1;
    }
    return 0;
}

/* The subject of the sentence's main verb, or of a verb of speech hung
 * on it ("..., the official said": parataxis of the root), when it is
 * one person by a common noun alone ("the official", "a senior Bank of
 * Japan official", "the spokesman"); -1 otherwise. The comma-clause
 * deletion may have taken such a speaker out of the coder's phrases, so
 * the tree is read. */
static int32_t unnamed_speaker(const kbi_sentence *s)
{
    static const char *const one[] = {
        "OFFICIAL", "SPOKESMAN", "SPOKESWOMAN", "SPOKESPERSON", "SOURCE",
        "DIPLOMAT", "ECONOMIST", "ANALYST", "BANKER", "DEALER", "EXECUTIVE",
        "AIDE", "ADVISER", "ADVISOR", "NEGOTIATOR", "DELEGATE", "OFFICER",
        "REPRESENTATIVE", "WITNESS", "MAN", "WOMAN", NULL};
    static const char *const dets[] = {"THE", "A", "AN", NULL};
    for (int32_t t = 0; t < s->ntoks; t++) {
        const kbi_token *k = &s->toks[t];
        int32_t h = k->head;
        if (!kbi_rel_is(k, "nsubj") || kbi_rel_is(k, "nsubj:pass") || h < 0 ||
            h >= s->ntoks || !kbi_in_list(k->upper, one))
            continue;
        const kbi_token *v = &s->toks[h];
        int main = kbi_rel_is(v, "root") ||
                   (kbi_rel_is(v, "parataxis") && v->head >= 0 &&
                    v->head < s->ntoks &&
                    kbi_rel_is(&s->toks[v->head], "root"));
        if (!main)
            continue;
        for (int32_t d = 0; d < t; d++)
            if (s->toks[d].head == t && kbi_rel_is(&s->toks[d], "det") &&
                kbi_in_list(s->toks[d].upper, dets))
                return t;
    }
    return -1;
}

/* A name in apposition to a title phrase in the tree, which the coder's
 * phrases may have lost to the comma-clause deletion ("The president of
 * Ukraine, Volodymyr Zelenskyy, arrived"): the proper nouns of an appos
 * of the phrase's head, into *aw. Returns 1 when they make a personal
 * name. */
static int appos_name(const kb_dict *d, const kbi_sentence *s,
                      const words *w, words *aw)
{
    aw->n = 0;
    int32_t head = -1;
    for (int i = 0; i < w->n && head < 0; i++) {
        int32_t t = w->tok[i];
        if (t < 0 || t >= s->ntoks)
            continue;
        int32_t h = s->toks[t].head, inside = 0;
        for (int j = 0; j < w->n && !inside; j++)
            inside = w->tok[j] == h;
        if (!inside)
            head = t;
    }
    if (head < 0)
        return 0;
    for (int32_t a = head + 1; a < s->ntoks; a++) {
        const kbi_token *at = &s->toks[a];
        if (at->head != head)
            continue;
        /* the name's first word: the appos, or a compound part before it */
        int32_t first = a;
        while (first - 1 > head && s->toks[first - 1].head == a &&
               kbi_rel_is(&s->toks[first - 1], "compound"))
            first--;
        /* an apposition, or a bare nmod after a comma ("Iraq's National
         * Security Adviser, Qasim al-Araji," with "al-Araji" a nmod) */
        int comma = first > 0 && s->toks[first - 1].form &&
                    !strcmp(s->toks[first - 1].form, ",");
        int bare = at->deprel && !strcmp(at->deprel, "nmod") &&
                   kbi_child(s, a, "case") < 0 && comma;
        if (!kbi_rel_is(at, "appos") && !bare)
            continue;
        /* its compound and flat parts, in order, all proper nouns */
        for (int32_t t = first; t < s->ntoks && aw->n < MAX_WORDS; t++) {
            const kbi_token *k = &s->toks[t];
            if (t != a && !(k->head == a && (kbi_rel_is(k, "flat") ||
                                             kbi_rel_is(k, "compound"))))
                break;
            if (!k->upper || !k->xpos || strncmp(k->xpos, "NNP", 3) != 0)
                return 0;
            aw->up[aw->n] = k->upper;
            aw->tag[aw->n] = k->xpos;
            aw->tok[aw->n] = t;
            aw->cap[aw->n] = (uint8_t)cap_word(s, t, k->xpos);
            aw->n++;
        }
        return all_name(d, aw);
    }
    return 0;
}

/* An apposition: gives the name phrase `name` (words nw) the code of
 * the title phrase `title` (words tw) and learns the person. Returns 0
 * when out of memory. */
static int name_by_title(kbi_entities *E, kbi_stream *st, kbi_ne *name,
                         const words *nw, const kbi_ne *title,
                         const words *tw)
{
    return set_code(st, name, title->code, "apposition to", title->text) &&
           learn_person(E, nw, 0, nw->n, title->code,
                        title_of(E->a, E->d, tw)) == KB_OK;
}

kb_status kbi_entities_hook(void *user, kbi_stream *st, const kbi_sentence *s,
                            int32_t day)
{
    kbi_entities *E = user;
    E->sentence++;
    E->day = day;
    E->nunk = 0;
    E->hooked = 1;
    E->sent = s;
    if (unnamed_speaker(s) >= 0)
        E->unnamed_subject = E->sentence;
    words w, pw;
    kbi_ne *prev = NULL;
    for (int32_t i = 0; i < st->nne; i++) {
        kbi_ne *ne = &st->nes[i];
        if (st->items[ne->start].deleted) {
            /* an apposition that the comma-clause deletion removed
             * ("Yahya Rasool, the spokesman for the Iraqi armed forces,
             * spoke ..."): its title still names the person before it */
            if (prev && !kbi_uncoded(ne->code) && kbi_uncoded(prev->code) &&
                apposed_of(st, prev, ne, 1)) {
                ne_words(st, prev, &pw, s);
                ne_words_of(st, ne, &w, s, 1);
                if (pw.n > 0 && all_name(E->d, &pw) &&
                    !name_by_title(E, st, prev, &pw, ne, &w))
                    return KB_ERR_NOMEM;
            } else if (prev && kbi_uncoded(ne->code) &&
                       !kbi_uncoded(prev->code) &&
                       apposed_of(st, prev, ne, 1)) {
                /* ... and the other way round: "The president of Ukraine,
                 * Volodymyr Zelenskyy, arrived": the name is the title's */
                ne_words(st, prev, &pw, s);
                ne_words_of(st, ne, &w, s, 1);
                if (w.n > 0 && all_name(E->d, &w) &&
                    !name_by_title(E, st, ne, &w, prev, &pw))
                    return KB_ERR_NOMEM;
            }
            prev = NULL;
            continue;
        }
        ne_words(st, ne, &w, s);
        if (w.n == 0)
            continue;
        int lp0 = E->last_person;
        int32_t seen0 = lp0 >= 0 ? E->v[lp0].seen : -1;
        if (locative_place(st, ne, &w)) {
            ne->code = "---";
            ne->entry = NULL;
            prev = NULL;
            continue;
        }
        if (prev) {
            ne_words(st, prev, &pw, s);
            if (split_name(st, prev, &pw, ne, &w)) {
                kb_status r = join_split(E, st, prev, &pw, ne, &w, day);
                if (r != KB_OK)
                    return r;
            }
        }
        /* apposition: title, name / name, title */
        if (prev && apposed(st, prev, ne)) {
            ne_words(st, prev, &pw, s);
            if (!kbi_uncoded(prev->code) && kbi_uncoded(ne->code) &&
                all_name(E->d, &w)) {
                if (!name_by_title(E, st, ne, &w, prev, &pw))
                    return KB_ERR_NOMEM;
            } else if (kbi_uncoded(prev->code) && !kbi_uncoded(ne->code) &&
                       all_name(E->d, &pw)) {
                if (!name_by_title(E, st, prev, &pw, ne, &w))
                    return KB_ERR_NOMEM;
            }
        }
        /* a title right before a name: "Prime Minister | Barzani" */
        if (prev && kbi_uncoded(ne->code) && !kbi_uncoded(prev->code) &&
            adjacent(st, prev, ne) && all_proper(E->d, &w)) {
            ne_words(st, prev, &pw, s);
            if (title_of(E->a, E->d, &pw) && name_words(E->d, &pw) == 0) {
                note_unknown(E, s, i, &w, 1);
                if (!set_code(st, ne, prev->code, "titled", prev->text) ||
                    learn_person(E, &w, 0, w.n, prev->code,
                                 title_of(E->a, E->d, &pw)) != KB_OK)
                    return KB_ERR_NOMEM;
                prev = ne;
                continue;
            }
        }
        if (kbi_uncoded(ne->code)) {
            note_unknown(E, s, i, &w, 1);
            if (!resolve(E, st, ne, &w))
                return KB_ERR_NOMEM;
        } else {
            int b = 0, e = 0;
            kb_status r = KB_OK;
            const char *title = title_of(E->a, E->d, &w);
            note_unknown(E, s, i, &w, 2); /* "Iraqi President Barham Salih" */
            words aw;
            if (name_run(E->d, &w, &b, &e) >= 2 && !org_name(&w, b, e))
                r = learn_person(E, &w, b, e, ne->code, title);
            else if (title && appos_name(E->d, s, &w, &aw))
                r = learn_person(E, &aw, 0, aw.n, ne->code, title);
            else
                r = learn_code(E, ne->code, group_code(ne->code), title);
            if (r != KB_OK)
                return r;
        }
        /* a person this phrase named, as the subject of the main verb */
        if (E->last_person >= 0 && E->v[E->last_person].person &&
            (E->last_person != lp0 || E->v[E->last_person].seen != seen0) &&
            main_subject(s, &w))
            E->last_subject = E->last_person;

        prev = ne;
    }
    /* the codes the unknown names ended with (the stream dies with the
     * coder's call) */
    for (int k = 0; k < E->nunk; k++) {
        const kbi_ne *ne = &st->nes[E->unk[k].ne];
        E->unk[k].code = kbi_uncoded(ne->code) ? NULL
                                           : kbi_arena_strdup(E->a, ne->code);
        E->unk[k].evidence = E->unk[k].code && ne->entry
                                 ? kbi_arena_strdup(E->a, ne->entry) : NULL;
    }
    return map_tokens(E, st, s);
}


void kbi_entities_next_sentence(kbi_entities *E)
{
    E->hooked = 0;
    E->sent = NULL;
    E->nunk = 0;
    E->ntok = 0;
}
