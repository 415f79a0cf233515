/* actors_code.c - giving each actor phrase (NE) its code from the actor
 * and agent dictionaries (TABARI spec §7.4): the first actor phrase found
 * left to right, then non-overlapping agents, combined into one code such
 * as "ARNGOV" (suffix agent) or "NGOARN" (prefix agent). */
#include <stdio.h>
#include <string.h>

#include "stream.h"

enum { MAX_NE_WORDS = 512 };

/* Tries to match phrase ph at position i of words w (n words), skipping
 * positions in `used`. On success fills pos[] and returns 1. */
static int match_phrase(const kbi_phrase *ph, const char *const *w,
                        int32_t n, int32_t i, const uint8_t *used,
                        int32_t *pos)
{
    if (used[i] || strcmp(ph->words[0], w[i]) != 0)
        return 0;
    pos[0] = i;
    int32_t q = i;
    for (int32_t k = 1; k < ph->nwords; k++) {
        if (ph->adjacent[k]) {
            q++;
            if (q >= n || used[q] || strcmp(ph->words[k], w[q]) != 0)
                return 0;
        } else {
            q++;
            while (q < n && (used[q] || strcmp(ph->words[k], w[q]) != 0))
                q++;
            if (q >= n)
                return 0;
        }
        pos[k] = q;
    }
    return 1;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* Appends "file:line TEXT" to the evidence buffer. */
static void note(char *buf, size_t size, const char *file, int32_t line,
                 const char *text)
{
    size_t n = strlen(buf);
    if (n + 1 >= size)
        return;
    snprintf(buf + n, size - n, "%s%s:%d %s", n ? "; " : "", base_name(file),
             (int)line, text);
}

/* Is `code` already in `have` at an offset that is a multiple of 3? */
static int aligned_in(const char *have, const char *code)
{
    size_t hl = strlen(have), cl = strlen(code);
    for (size_t off = 0; off + cl <= hl; off += 3)
        if (memcmp(have + off, code, cl) == 0)
            return 1;
    return 0;
}

static kb_status code_one(kbi_stream *st, int32_t ne, const kb_dict *d,
                          int32_t day)
{
    kbi_ne *e = &st->nes[ne];
    const char *w[MAX_NE_WORDS];
    int32_t n = 0;
    for (int32_t i = e->start + 1; i < e->end && n < MAX_NE_WORDS; i++)
        if (st->items[i].kind == KBI_IT_WORD)
            w[n++] = st->items[i].text;
    const char *code = NULL, *entry = NULL;
    kb_status s = kbi_code_words(d, w, n, day, st->arena, &code, &entry);
    if (s == KB_OK && code) {
        e->code = code;
        e->entry = entry;
    }
    return s;
}

/* Matches the actor phrases against the words with every hyphenated word
 * split at its hyphens, and takes the first phrase that holds all the
 * parts of each split word it touches and at least one such word (so
 * "anti-French" does not give France, nor "US-led" the United States).
 * Marks the original words used and writes the code and evidence. */
static int split_actor(const kb_dict *d, const char *const *w, int32_t n,
                       int32_t day, uint8_t *used, char *code, size_t csize,
                       char *evidence, size_t esize)
{
    enum { MAXS = 128, BUF = 2048 };
    const char *sw[MAXS];
    int32_t orig[MAXS], nparts[MAXS];
    char buf[BUF];
    size_t bp = 0;
    int32_t ns = 0;
    int any = 0;
    for (int32_t i = 0; i < n; i++) {
        const char *x = w[i];
        size_t len = strlen(x);
        int hyphen = len > 2 && strchr(x + 1, '-') && x[len - 1] != '-';
        if (!hyphen) {
            if (ns == MAXS)
                return 0;
            sw[ns] = x, orig[ns] = i, nparts[ns] = 1;
            ns++;
            continue;
        }
        int32_t first = ns, k = 0;
        for (const char *p = x; *p; k++) {
            size_t m = strcspn(p, "-");
            if (m == 0 || ns == MAXS || bp + m + 1 > BUF)
                return 0;
            memcpy(buf + bp, p, m);
            buf[bp + m] = '\0';
            sw[ns] = buf + bp, orig[ns] = i;
            ns++;
            bp += m + 1;
            p += m;
            if (*p == '-')
                p++;
        }
        for (int32_t j = first; j < ns; j++)
            nparts[j] = k;
        any = 1;
    }
    if (!any)
        return 0;
    uint8_t su[MAXS];
    for (int32_t j = 0; j < ns; j++)
        su[j] = used[orig[j]];
    int32_t pos[64];
    for (int32_t i = 0; i < ns; i++) {
        size_t np;
        const int32_t *cand = kbi_phrase_index_get(&d->actors.index, sw[i],
                                                   strlen(sw[i]), &np);
        for (size_t c = 0; c < np; c++) {
            const kbi_actor_phrase *ap = &d->actors.phrases[cand[c]];
            if (ap->ph.nwords > 64 ||
                !match_phrase(&ap->ph, sw, ns, i, su, pos))
                continue;
            /* every split word touched is matched whole */
            int whole = 1, split = 0;
            for (int32_t k = 0; k < ap->ph.nwords && whole; k++) {
                int32_t j = pos[k];
                if (nparts[j] < 2)
                    continue;
                split = 1;
                int32_t got = 0;
                for (int32_t q = 0; q < ap->ph.nwords; q++)
                    got += orig[pos[q]] == orig[j];
                whole = got == nparts[j];
            }
            if (!whole || !split)
                continue;
            for (int32_t k = 0; k < ap->ph.nwords; k++)
                used[orig[pos[k]]] = 1;
            snprintf(code, csize, "%s",
                     kbi_actor_code_on(d, ap->actor, day));
            note(evidence, esize, ap->file, ap->line, ap->text);
            return 1;
        }
    }
    return 0;
}

kb_status kbi_code_words(const kb_dict *d, const char *const *w, int32_t n,
                         int32_t day, kbi_arena *a, const char **code_out,
                         const char **entry_out)
{
    *code_out = *entry_out = NULL;
    if (n > MAX_NE_WORDS)
        n = MAX_NE_WORDS;
    uint8_t used[MAX_NE_WORDS];
    memset(used, 0, (size_t)n);
    int32_t pos[64];
    char code[256] = "";
    char evidence[512] = "";
    int have_actor = 0;
    /* the actor: first position that starts a matching phrase */
    for (int32_t i = 0; i < n && !have_actor; i++) {
        size_t np;
        const int32_t *cand = kbi_phrase_index_get(&d->actors.index, w[i],
                                                   strlen(w[i]), &np);
        for (size_t c = 0; c < np; c++) {
            const kbi_actor_phrase *ap = &d->actors.phrases[cand[c]];
            if (ap->ph.nwords > 64 || !match_phrase(&ap->ph, w, n, i, used, pos))
                continue;
            for (int32_t k = 0; k < ap->ph.nwords; k++)
                used[pos[k]] = 1;
            snprintf(code, sizeof code, "%s",
                     kbi_actor_code_on(d, ap->actor, day));
            note(evidence, sizeof evidence, ap->file, ap->line, ap->text);
            have_actor = 1;
            break;
        }
    }
    /* a name the dictionaries write with its hyphenated part split
     * ("JEAN_BERTRAND_ARISTIDE_", "CHEN_SHUI_BIAN_") while the text keeps
     * it whole ("Jean-Bertrand Aristide", "Chen Shui-bian") */
    if (!have_actor &&
        split_actor(d, w, n, day, used, code, sizeof code, evidence,
                    sizeof evidence))
        have_actor = 1;
    /* agents: left to right, no overlaps */
    int agents_done = 0;
    for (int32_t i = 0; i < n && !agents_done; i++) {
        if (used[i])
            continue;
        size_t np;
        const int32_t *cand = kbi_phrase_index_get(&d->agents.index, w[i],
                                                   strlen(w[i]), &np);
        for (size_t c = 0; c < np; c++) {
            const kbi_agent_phrase *ag = &d->agents.phrases[cand[c]];
            if (ag->ph.nwords > 64 || !match_phrase(&ag->ph, w, n, i, used, pos))
                continue;
            if (!code[0])
                snprintf(code, sizeof code, "---");
            if (aligned_in(code, ag->code)) {
                agents_done = 1;
                break;
            }
            char buf[256];
            if (ag->prefix)
                snprintf(buf, sizeof buf, "%s%s", ag->code, code);
            else
                snprintf(buf, sizeof buf, "%s%s", code, ag->code);
            memcpy(code, buf, sizeof code);
            note(evidence, sizeof evidence, ag->file, ag->line, ag->text);
            for (int32_t k = 0; k < ag->ph.nwords; k++)
                used[pos[k]] = 1;
            i = pos[ag->ph.nwords - 1];
            break;
        }
    }
    if (code[0]) {
        *code_out = kbi_arena_strdup(a, code);
        *entry_out = kbi_arena_strdup(a, evidence);
        if (!*code_out || !*entry_out)
            return KB_ERR_NOMEM;
    }
    return KB_OK;
}

kb_status kbi_stream_code_actors(kbi_stream *st, const kb_dict *d,
                                 int32_t day)
{
    /* deleted phrases too: the coder skips them, but an apposition that
     * the comma-clause deletion removed still says who the name before
     * it is (src/article/entities.c) */
    for (int32_t i = 0; i < st->nne; i++) {
        kb_status s = code_one(st, i, d, day);
        if (s != KB_OK)
            return s;
    }
    return KB_OK;
}
