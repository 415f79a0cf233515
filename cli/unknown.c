/* unknown.c - see unknown.h.
 *
 * Names are grouped by a key that ignores what transliteration varies:
 * case, "al-"/"el-" prefixes, hyphens and apostrophes, doubled vowels
 * ("Qasim al-Aaraji" and "Qasim al-Araji" are one name). The entry is
 * written under the spelling seen most often; the suggested code is the
 * one the articles gave the name most often (by apposition, title or an
 * earlier mention), or [---] with a note to fill it in. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "unknown.h"

enum { MAX_CONTEXTS = 3, MAX_VARIANTS = 4, MAX_CODES = 4 };

typedef struct counted {
    char *s;
    size_t n;
} counted;

typedef struct uname {
    char *key;
    counted spell[MAX_VARIANTS];
    counted code[MAX_CODES];
    char *how[MAX_CODES];        /* evidence of each code */
    char *ctx[MAX_CONTEXTS];     /* "doc sentence: text" */
    size_t nctx;
    size_t mentions;
    char *last_doc;
    size_t docs;
} uname;

struct kbc_unknowns {
    pthread_mutex_t lock;
    uname *v;
    size_t n, cap;
};

kbc_unknowns *kbc_unknowns_new(void)
{
    kbc_unknowns *t = calloc(1, sizeof *t);
    if (t)
        pthread_mutex_init(&t->lock, NULL);
    return t;
}

void kbc_unknowns_free(kbc_unknowns *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++) {
        uname *u = &t->v[i];
        free(u->key);
        for (int k = 0; k < MAX_VARIANTS; k++)
            free(u->spell[k].s);
        for (int k = 0; k < MAX_CODES; k++) {
            free(u->code[k].s);
            free(u->how[k]);
        }
        for (size_t k = 0; k < u->nctx; k++)
            free(u->ctx[k]);
        free(u->last_doc);
    }
    free(t->v);
    pthread_mutex_destroy(&t->lock);
    free(t);
}

/* The grouping key of a name. */
static void name_key(const char *s, char *out, size_t size)
{
    size_t w = 0;
    int word_start = 1;
    for (const char *p = s; *p && w + 1 < size; p++) {
        int c = (unsigned char)*p;
        if (word_start && (c == 'a' || c == 'A' || c == 'e' || c == 'E') &&
            (p[1] == 'l' || p[1] == 'L') && (p[2] == '-' || p[2] == ' ')) {
            p += 2; /* al-, el- */
            continue;
        }
        word_start = c == ' ';
        if (c >= 'a' && c <= 'z')
            c -= 32;
        if (c == ' ' && w > 0 && out[w - 1] != ' ') {
            out[w++] = ' ';
            continue;
        }
        if (c < 'A' || c > 'Z')
            continue;
        if (w > 0 && out[w - 1] == c && strchr("AEIOU", c))
            continue;
        out[w++] = (char)c;
    }
    while (w > 0 && out[w - 1] == ' ')
        w--;
    out[w] = '\0';
}

/* Counts s in the small table c (n slots); returns the slot or -1. */
static int count_in(counted *c, int n, const char *s)
{
    for (int k = 0; k < n; k++)
        if (c[k].s && strcmp(c[k].s, s) == 0) {
            c[k].n++;
            return k;
        }
    for (int k = 0; k < n; k++)
        if (!c[k].s) {
            c[k].s = strdup(s);
            c[k].n = c[k].s ? 1 : 0;
            return c[k].s ? k : -1;
        }
    return -1;
}

static uname *find(kbc_unknowns *t, const char *key)
{
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->v[i].key, key) == 0)
            return &t->v[i];
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        uname *v = realloc(t->v, cap * sizeof *v);
        if (!v)
            return NULL;
        t->v = v;
        t->cap = cap;
    }
    uname *u = &t->v[t->n];
    memset(u, 0, sizeof *u);
    u->key = strdup(key);
    if (!u->key)
        return NULL;
    t->n++;
    return u;
}

void kbc_unknowns_add(void *user, const kb_unknown *un)
{
    kbc_unknowns *t = user;
    char key[256];
    name_key(un->name, key, sizeof key);
    if (!key[0])
        return;
    pthread_mutex_lock(&t->lock);
    uname *u = find(t, key);
    if (u) {
        u->mentions++;
        if (!u->last_doc || strcmp(u->last_doc, un->doc_id) != 0) {
            free(u->last_doc);
            u->last_doc = strdup(un->doc_id);
            u->docs++;
        }
        count_in(u->spell, MAX_VARIANTS, un->name);
        if (un->code) {
            int k = count_in(u->code, MAX_CODES, un->code);
            if (k >= 0 && !u->how[k] && un->evidence)
                u->how[k] = strdup(un->evidence);
        }
        if (u->nctx < MAX_CONTEXTS && un->sentence_text) {
            size_t n = strlen(un->sentence_text) + strlen(un->doc_id) + 32;
            char *c = malloc(n);
            if (c) {
                snprintf(c, n, "%s:%d: %s", un->doc_id, un->sentence,
                         un->sentence_text);
                for (char *p = c; *p; p++)
                    if (*p == '\n' || *p == '\r' || *p == '\t')
                        *p = ' ';
                u->ctx[u->nctx++] = c;
            }
        }
    }
    pthread_mutex_unlock(&t->lock);
}

static int by_mentions(const void *a, const void *b)
{
    const uname *x = *(const uname *const *)a, *y = *(const uname *const *)b;
    if (x->mentions != y->mentions)
        return x->mentions < y->mentions ? 1 : -1;
    return strcmp(x->key, y->key);
}

static const counted *most(const counted *c, int n)
{
    const counted *best = NULL;
    for (int k = 0; k < n; k++)
        if (c[k].s && (!best || c[k].n > best->n))
            best = &c[k];
    return best;
}

size_t kbc_unknowns_write(const kbc_unknowns *t, FILE *f, size_t min,
                          size_t top)
{
    const uname **v = malloc((t->n + 1) * sizeof *v);
    if (!v)
        return 0;
    for (size_t i = 0; i < t->n; i++)
        v[i] = &t->v[i];
    qsort(v, t->n, sizeof *v, by_mentions);
    size_t written = 0;
    fprintf(f, "# Names the dictionaries do not know, most frequent first, as\n"
               "# actor entries (Phoenix format) to review before use.\n");
    for (size_t i = 0; i < t->n && (!top || written < top); i++) {
        const uname *u = v[i];
        if (u->mentions < min)
            break;
        const counted *sp = most(u->spell, MAX_VARIANTS);
        const counted *cd = most(u->code, MAX_CODES);
        if (!sp)
            continue; /* its spelling could not be kept (out of memory) */
        fputc('\n', f);
        for (const char *p = sp->s; *p; p++) {
            int c = (unsigned char)*p;
            fputc(c == ' ' ? '_' : (c >= 'a' && c <= 'z' ? c - 32 : c), f);
        }
        fprintf(f, "  # %zu mention%s in %zu article%s\n", u->mentions,
                u->mentions == 1 ? "" : "s", u->docs, u->docs == 1 ? "" : "s");
        for (int k = 0; k < MAX_VARIANTS; k++)
            if (u->spell[k].s && &u->spell[k] != sp) {
                fputc('+', f);
                for (const char *p = u->spell[k].s; *p; p++) {
                    int c = (unsigned char)*p;
                    fputc(c == ' ' ? '_' : (c >= 'a' && c <= 'z' ? c - 32 : c),
                          f);
                }
                fputc('\n', f);
            }
        if (cd) {
            int k = (int)(cd - u->code);
            fprintf(f, "\t[%s]  # suggested: %zu of the mentions%s%s\n", cd->s,
                    cd->n, u->how[k] ? "; " : "", u->how[k] ? u->how[k] : "");
        } else {
            fprintf(f, "\t[---]  # no code could be inferred: fill it in\n");
        }
        for (size_t k = 0; k < u->nctx; k++)
            fprintf(f, "# %.200s\n", u->ctx[k]);
        written++;
    }
    free(v);
    return written;
}
