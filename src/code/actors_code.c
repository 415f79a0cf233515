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
