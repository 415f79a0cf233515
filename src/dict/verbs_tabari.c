/* verbs_tabari.c - the TABARI / PETRARCH-1 verb dictionary language
 * (PETR.Validate.verbs.txt): synsets, verb blocks with default codes, verb
 * lines with regular or listed forms, multi-word verbs, and patterns.
 *
 *   &CURRENCY                    synset label, '+' members follow
 *   +SWISS FRANCS
 *   --- BREAK [1717] ---         block header with its default code
 *   BREAK { BROKE BROKEN }       first verb line: names the block
 *   +BREAK_DOWN {+BROKE_DOWN}    multi-word verb, '+' marks the verb word
 *   - + * IN $ [075]             pattern of the block
 */
#include <string.h>

#include "../base/util.h"
#include "../base/vec.h"
#include "dict.h"
#include "verbs_build.h"

typedef struct reader {
    kbi_load *L;
    kb_dict *d;
    int32_t block;       /* current block, -1 before the first header */
    int block_named;     /* the block's first verb line was seen */
    int32_t synset;      /* synset taking '+' members, -1 if none */
    int synset_plurals;
} reader;

#define BAD(r, line, col, ...)                                            \
    do {                                                                  \
        kb_status st_ = kbi_load_bad((r)->L, line, col, __VA_ARGS__);    \
        if (st_ != KB_OK)                                                 \
            return st_;                                                   \
    } while (0)

/* ---- synsets ---------------------------------------------------------- */

static kb_status synset_label(reader *r, const char *s, size_t n, int line)
{
    size_t k = 1;
    while (k < n && !kbi_isspace((unsigned char)s[k]))
        k++;
    const char *name = s + 1;
    size_t len = k - 1;
    int plurals = 1;
    if (len > 0 && name[len - 1] == '_') {
        plurals = 0;
        len--;
    }
    if (len == 0)
        BAD(r, line, 1, "expected a synset name after '&'");
    if (len == 0) {
        r->synset = -1;
        return KB_OK;
    }
    kbi_verbs *v = &r->d->verbs;
    if (!kbi_vec_reserve(r->d->alloc, (void **)&v->synsets, &v->cap_synsets,
                         v->nsynsets + 1, sizeof *v->synsets))
        return KB_ERR_NOMEM;
    kbi_synset *sy = &v->synsets[v->nsynsets];
    memset(sy, 0, sizeof *sy);
    char *nm = kbi_arena_strndup(&r->d->arena, name, len);
    if (!nm)
        return KB_ERR_NOMEM;
    for (char *q = nm; *q; q++)
        *q = (char)kbi_toupper((unsigned char)*q);
    sy->name = nm;
    sy->first_member = (int32_t)v->nmembers;
    sy->file = r->L->file;
    sy->line = line;
    if (!kbi_map_put(&v->synset_index, nm, len, (int32_t)v->nsynsets))
        return KB_ERR_NOMEM;
    r->synset = (int32_t)v->nsynsets++;
    r->synset_plurals = plurals;
    return KB_OK;
}

static kb_status synset_member(reader *r, const char *s, size_t n, int line)
{
    kbi_verbs *v = &r->d->verbs;
    kbi_synset *sy = &v->synsets[r->synset];
    if (sy->first_member + sy->nmembers != (int32_t)v->nmembers)
        BAD(r, line, 1, "synset members must follow their label");
    s++, n--; /* the '+' */
    while (n > 0 && kbi_isspace((unsigned char)*s))
        s++, n--;
    int plural = r->synset_plurals;
    if (n > 0 && s[n - 1] == '_') {
        plural = 0;
        n--;
    }
    kbi_phrase ph;
    kb_status st = kbi_phrase_make(r->d, s, n, &ph);
    if (st == KB_ERR_NOMEM)
        return st;
    if (st != KB_OK) {
        BAD(r, line, 2, "expected a word after '+' in synset &%s", sy->name);
        return KB_OK;
    }
    /* members are always runs of adjacent words */
    for (int32_t i = 1; i < ph.nwords; i++)
        ph.adjacent[i] = 1;
    int count = plural ? 2 : 1;
    if (!kbi_vec_reserve(r->d->alloc, (void **)&v->members, &v->cap_members,
                         v->nmembers + (size_t)count, sizeof *v->members))
        return KB_ERR_NOMEM;
    v->members[v->nmembers++] = ph;
    sy->nmembers++;
    if (plural) {
        kbi_phrase pl = ph;
        pl.words = kbi_arena_alloc(&r->d->arena,
                                   (size_t)ph.nwords * sizeof *pl.words);
        if (!pl.words)
            return KB_ERR_NOMEM;
        memcpy(pl.words, ph.words, (size_t)ph.nwords * sizeof *pl.words);
        pl.words[ph.nwords - 1] =
            kbi_plural_synset(&r->d->arena, ph.words[ph.nwords - 1]);
        if (!pl.words[ph.nwords - 1])
            return KB_ERR_NOMEM;
        v->members[v->nmembers++] = pl;
        sy->nmembers++;
    }
    return KB_OK;
}

/* ---- blocks and verb lines -------------------------------------------- */

/* Finds "[code]" in s; returns 1 with the code span, 0 if there is no '[',
 * -1 if the bracket is not closed or empty (column in *col). */
static int find_code(const char *s, size_t n, const char **code,
                     size_t *clen, size_t *open)
{
    const char *b = memchr(s, '[', n);
    if (!b)
        return 0;
    *open = (size_t)(b - s);
    const char *e = memchr(b, ']', n - *open);
    if (!e)
        return -1;
    const char *c = b + 1;
    while (c < e && kbi_isspace((unsigned char)*c))
        c++;
    const char *ce = e;
    while (ce > c && kbi_isspace((unsigned char)ce[-1]))
        ce--;
    if (ce == c)
        return -2;
    *code = c;
    *clen = (size_t)(ce - c);
    return 1;
}

static kb_status block_header(reader *r, const char *s, size_t n, int line)
{
    const char *code = "---";
    size_t clen = 3, open = 0;
    int k = find_code(s, n, &code, &clen, &open);
    if (k < 0) {
        BAD(r, line, (int)open + 1,
            k == -1 ? "expected ']' to close the block code"
                    : "expected a code inside '[]'");
        code = "---", clen = 3;
    }
    kbi_verbs *v = &r->d->verbs;
    if (!kbi_vec_reserve(r->d->alloc, (void **)&v->blocks, &v->cap_blocks,
                         v->nblocks + 1, sizeof *v->blocks))
        return KB_ERR_NOMEM;
    kbi_block *b = &v->blocks[v->nblocks];
    memset(b, 0, sizeof *b);
    b->code = kbi_arena_strndup(&r->d->arena, code, clen);
    if (!b->code)
        return KB_ERR_NOMEM;
    b->name = "";
    b->first_pattern = (int32_t)v->npatterns;
    b->live = 1;
    b->file = r->L->file;
    b->line = line;
    r->block = (int32_t)v->nblocks++;
    r->block_named = 0;
    return KB_OK;
}

/* The first verb line of a block names it; an older live block with the
 * same name is replaced (its readings are dropped at the end). */
static void name_block(reader *r, const char *name)
{
    kbi_verbs *v = &r->d->verbs;
    kbi_block *b = &v->blocks[r->block];
    b->name = name;
    for (int32_t i = 0; i < r->block; i++)
        if (v->blocks[i].live && strcmp(v->blocks[i].name, name) == 0)
            v->blocks[i].live = 0;
    r->block_named = 1;
}

static kb_status verb_line(reader *r, const char *s, size_t n, int line)
{
    if (r->block < 0)
        BAD(r, line, 1, "verb line before any '--- VERB [code] ---' header");
    if (r->block < 0)
        return KB_OK;
    /* phrase, optional {forms}, optional [code] */
    size_t pend = 0;
    while (pend < n && s[pend] != '{' && s[pend] != '[')
        pend++;
    const char *forms = NULL;
    size_t nforms = 0;
    if (pend < n && s[pend] == '{') {
        const char *e = memchr(s + pend, '}', n - pend);
        if (!e)
            BAD(r, line, (int)pend + 1, "expected '}' to close the form list");
        if (!e)
            return KB_OK;
        forms = s + pend + 1;
        nforms = (size_t)(e - forms);
    }
    const char *code = NULL;
    size_t clen = 0, open = 0;
    int k = find_code(s, n, &code, &clen, &open);
    if (k < 0)
        BAD(r, line, (int)open + 1,
            k == -1 ? "expected ']' to close the verb code"
                    : "expected a code inside '[]'");
    if (k < 0)
        return KB_OK;
    const char *codestr = r->d->verbs.blocks[r->block].code;
    if (k == 1 && !(codestr = kbi_arena_strndup(&r->d->arena, code, clen)))
        return KB_ERR_NOMEM;
    kbi_verb_spec vs = {s, pend, forms, nforms, codestr, r->block,
                        r->L->file, line};
    const char *name = NULL;
    kb_status st = kbi_verb_register(r->L, &vs, &name);
    if (st != KB_OK)
        return st;
    if (name && !r->block_named)
        name_block(r, name);
    return KB_OK;
}

/* ---- patterns --------------------------------------------------------- */

static kb_status pattern_line(reader *r, const char *s, size_t n, int line)
{
    if (r->block < 0)
        BAD(r, line, 1, "pattern before any '--- VERB [code] ---' header");
    if (r->block < 0)
        return KB_OK;
    const char *code = NULL;
    size_t clen = 0, open = 0;
    int k = find_code(s, n, &code, &clen, &open);
    if (k <= 0)
        BAD(r, line, k == 0 ? (int)n + 1 : (int)open + 1,
            k == 0    ? "expected '[code]' at the end of the pattern"
            : k == -1 ? "expected ']' to close the pattern code"
                      : "expected a code inside '[]'");
    if (k <= 0)
        return KB_OK;
    if (memchr(s, '{', open))
        return KB_OK; /* TABARI alternatives: not part of this language */
    kbi_pattern p;
    memset(&p, 0, sizeof p);
    int col = 0;
    const char *why = NULL;
    kb_status st = kbi_pattern_parse(r->d, s + 1, open - 1, &p, &col, &why);
    if (st == KB_ERR_NOMEM)
        return st;
    if (st != KB_OK)
        BAD(r, line, col + 2, "%s", why);
    if (st != KB_OK)
        return KB_OK;
    p.code = kbi_arena_strndup(&r->d->arena, code, clen);
    p.text = kbi_pattern_text(&r->d->arena, s, n);
    if (!p.code || !p.text)
        return KB_ERR_NOMEM;
    p.file = r->L->file;
    p.line = line;
    kbi_verbs *v = &r->d->verbs;
    kbi_block *b = &v->blocks[r->block];
    if (b->first_pattern + b->npatterns != (int32_t)v->npatterns)
        BAD(r, line, 1, "pattern separated from its block by another block");
    if (b->first_pattern + b->npatterns != (int32_t)v->npatterns)
        return KB_OK;
    if (!kbi_vec_reserve(r->d->alloc, (void **)&v->patterns, &v->cap_patterns,
                         v->npatterns + 1, sizeof *v->patterns))
        return KB_ERR_NOMEM;
    v->patterns[v->npatterns++] = p;
    b->npatterns++;
    return KB_OK;
}

/* ---- the file --------------------------------------------------------- */

static kb_status one_line(reader *r, const char *s, size_t n, int line)
{
    while (n > 0 && kbi_isspace((unsigned char)*s))
        s++, n--;
    if (s[0] == '&')
        return synset_label(r, s, n, line);
    if (s[0] == '+' && r->synset >= 0)
        return synset_member(r, s, n, line);
    r->synset = -1;
    if (n >= 3 && memcmp(s, "---", 3) == 0)
        return block_header(r, s, n, line);
    if (s[0] == '-')
        return pattern_line(r, s, n, line);
    return verb_line(r, s, n, line);
}

kb_status kbi_verbs_tabari_load(kbi_load *L, const char *text, size_t len)
{
    reader r = {L, L->d, -1, 0, -1, 0};
    L->d->verbs.dialect = 1;
    kbi_lines it;
    kbi_lines_init(&it, text, len);
    const char *s;
    size_t n;
    int line;
    while (kbi_lines_next(&it, &s, &n, &line)) {
        kb_status st = one_line(&r, s, n, line);
        if (st != KB_OK)
            return st;
    }
    return kbi_verbs_drop_dead(L->d);
}

int kbi_verbs_detect_dialect(const char *text, size_t len)
{
    static const char mark[] = "####### VERB PATTERNS #######";
    size_t m = sizeof mark - 1;
    for (size_t i = 0; i + m <= len; i++)
        if (text[i] == '#' && memcmp(text + i, mark, m) == 0)
            return 2;
    return 1;
}
