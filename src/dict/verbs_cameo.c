/* verbs_cameo.c - the PETRARCH-2 verb dictionary (CAMEO.2.0.txt), see
 * PETRARCH2-CAMEO2-DICTIONARY.md §2:
 *
 *   &CEASEFIRE                      synset label (synset section only)
 *   +CEASE_FIRE                     member
 *   ####### VERB PATTERNS #######   ends the synset section
 *   ---  VISIT   [042:043]  ---     block header: name, default code
 *   SPEED {SPEEDING SPEEDS SPED }   verb line with every other form
 *   +CALL_OFF [160]                 multi-word verb with its own code
 *   - * {ARMS SHIPMENT}   [072]     pattern (verbs_cameo_pat.c)
 *   ~ a (a b ATTACK) SAY = a b 015  transformation, kept as text
 *
 * Choices made here (PETRARCH-2's own behaviour unless said otherwise):
 * - A header such as "[120]---" (blank missing) is reported and used with
 *   code 120. A header that cannot be read is reported and the lines up
 *   to the next header are dropped with it.
 * - Blocks are named by the header. A header name that comes again
 *   continues the earlier block (PETRARCH-2 keeps patterns per name).
 * - The first definition of a surface form (with the same particles)
 *   wins; later ones are dropped silently, as in PETRARCH-2.
 * - Forms are generated only for a line without {}: X, X+S (ES after
 *   S/X/Z, Y->IES), X+D / X+ED, X+ING (a final E after a consonant
 *   dropped). Listed forms that are not verbs (the stray ',') are
 *   reported and skipped one by one.
 * - Synset members get the PETRARCH-2 plural when they are one word
 *   without a trailing '_'; a trailing '_' on a multi-word member is
 *   dropped (the spec's "Improve"). A "+&NAME" member copies the members
 *   of an earlier synset.
 * - Comments: '#' lines, text from the first '#' (except on '~' lines),
 *   legacy ';' comments on verb lines, and <!-- --> lines, which do not
 *   stop pattern storage as they do in PETRARCH-2. */
#include <string.h>

#include "../base/util.h"
#include "../base/vec.h"
#include "verbs_build.h"
#include "verbs_cameo.h"

#define BAD KBI_CAMEO_BAD
#define COL(p) kbi_cameo_col(ls, (p)) /* column of p in the line at ls */

char *kbi_cameo_upper(kbi_arena *a, const char *s, size_t n)
{
    char *w = kbi_arena_strndup(a, s, n);
    if (w)
        for (char *q = w; *q; q++)
            *q = (char)kbi_toupper((unsigned char)*q);
    return w;
}

static int code_part_ok(const char *s, size_t n)
{
    if (n > 1 && (s[n - 1] == '!' || s[n - 1] == '?'))
        n--;
    for (size_t i = 0; i < n; i++)
        if (!kbi_isdigit((unsigned char)s[i]) &&
            !((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
            return 0;
    return 1;
}

int kbi_cameo_code_ok(const char *s, size_t n)
{
    if (n == 3 && memcmp(s, "---", 3) == 0)
        return 1;
    const char *c = memchr(s, ':', n);
    if (!c)
        return n > 0 && code_part_ok(s, n);
    size_t a = (size_t)(c - s), p = n - a - 1;
    return (a > 0 || p > 0) && code_part_ok(s, a) && code_part_ok(c + 1, p);
}

/* ---- synsets ---------------------------------------------------------- */

static kb_status new_synset(kbi_cameo_reader *r, const char *ls,
                            const char *s, const char *e, int line)
{
    kbi_verbs *v = &r->d->verbs;
    const char *ne = skip_word(s + 1, e);
    r->synset = -2;
    if (skip_blank(ne, e) != e) {
        BAD(r, line, COL(skip_blank(ne, e)),
            "unexpected text after the synset name (synset dropped)");
        return KB_OK;
    }
    while (ne > s + 1 && ne[-1] == '_')
        ne--;
    if (ne == s + 1 || memchr(s + 1, '&', (size_t)(ne - s - 1))) {
        BAD(r, line, COL(s), "expected '&NAME' (synset dropped)");
        return KB_OK;
    }
    char *nm = kbi_cameo_upper(&r->d->arena, s + 1, (size_t)(ne - s - 1));
    if (!nm)
        return KB_ERR_NOMEM;
    int32_t old = kbi_map_get(&v->synset_index, nm, strlen(nm));
    if (old >= 0)
        BAD(r, line, COL(s),
            "synset '&%s' defined again (first at line %d); the new "
            "definition replaces it", nm, (int)v->synsets[old].line);
    if (!kbi_vec_reserve(r->d->alloc, (void **)&v->synsets, &v->cap_synsets,
                         v->nsynsets + 1, sizeof *v->synsets) ||
        !kbi_map_put(&v->synset_index, nm, strlen(nm), (int32_t)v->nsynsets))
        return KB_ERR_NOMEM;
    kbi_synset *sy = &v->synsets[v->nsynsets];
    memset(sy, 0, sizeof *sy);
    sy->name = nm;
    sy->first_member = (int32_t)v->nmembers;
    sy->file = r->L->file;
    sy->line = line;
    r->synset = (int32_t)v->nsynsets++;
    return KB_OK;
}

static kb_status add_member(kbi_cameo_reader *r, const kbi_phrase *ph)
{
    kbi_verbs *v = &r->d->verbs;
    if (!kbi_vec_reserve(r->d->alloc, (void **)&v->members, &v->cap_members,
                         v->nmembers + 1, sizeof *v->members))
        return KB_ERR_NOMEM;
    v->members[v->nmembers++] = *ph;
    v->synsets[r->synset].nmembers++;
    return KB_OK;
}

/* "+&NAME": the members of an earlier synset. */
static kb_status copy_members(kbi_cameo_reader *r, const char *ls,
                              const char *s, const char *e, int line)
{
    kbi_verbs *v = &r->d->verbs;
    const char *ne = e;
    while (ne > s + 2 && ne[-1] == '_')
        ne--;
    char *nm = kbi_cameo_upper(&r->d->arena, s + 2, (size_t)(ne - s - 2));
    if (!nm)
        return KB_ERR_NOMEM;
    int32_t from = kbi_map_get(&v->synset_index, nm, strlen(nm));
    if (from < 0 || from == r->synset) {
        BAD(r, line, COL(s + 1), "undefined synset '&%s'", nm);
        return KB_OK;
    }
    int32_t first = v->synsets[from].first_member;
    int32_t n = v->synsets[from].nmembers;
    for (int32_t i = 0; i < n; i++) {
        kbi_phrase ph = v->members[first + i];
        kb_status st = add_member(r, &ph);
        if (st != KB_OK)
            return st;
    }
    return KB_OK;
}

static kb_status member(kbi_cameo_reader *r, const char *ls, const char *s,
                        const char *e, int line)
{
    if (r->synset == -2)
        return KB_OK; /* its label was reported */
    if (r->synset < 0) {
        BAD(r, line, COL(s), "expected '&NAME' before its members");
        return KB_OK;
    }
    for (const char *q = s + 1; q < e; q++)
        if ((unsigned char)*q <= ' ' || strchr("{}[]()*#", *q) ||
            (*q == '&' && q != s + 1)) {
            BAD(r, line, COL(q),
                "expected one member, words joined by '_' (member dropped)");
            return KB_OK;
        }
    if (e - s >= 2 && s[1] == '&')
        return copy_members(r, ls, s, e, line);
    kbi_phrase ph;
    kb_status st = kbi_phrase_make(r->d, s + 1, (size_t)(e - s - 1), &ph);
    if (st == KB_ERR_SYNTAX) {
        BAD(r, line, COL(s), "expected a word after '+'");
        return KB_OK;
    }
    if (st != KB_OK)
        return st;
    st = add_member(r, &ph);
    if (st != KB_OK || ph.nwords > 1 || e[-1] == '_')
        return st;
    /* a one-word member also stands for its plural */
    kbi_phrase pl = ph;
    pl.words = kbi_arena_alloc(&r->d->arena, sizeof *pl.words);
    if (!pl.words || !(pl.words[0] = kbi_plural_synset(&r->d->arena,
                                                       ph.words[0])))
        return KB_ERR_NOMEM;
    return add_member(r, &pl);
}

/* ---- block headers ---------------------------------------------------- */

static kb_status open_block(kbi_cameo_reader *r, const char *name, size_t n,
                            const char *code, int line)
{
    kbi_verbs *v = &r->d->verbs;
    char *nm = kbi_cameo_upper(&r->d->arena, name, n);
    r->header_code = code;
    if (!nm || !code)
        return KB_ERR_NOMEM;
    int32_t b = kbi_map_get(&r->block_names, nm, n);
    if (b >= 0) { /* the same name again: continue that block */
        r->block = b;
        r->merged = 1;
        return KB_OK;
    }
    if (!kbi_vec_reserve(r->d->alloc, (void **)&v->blocks, &v->cap_blocks,
                         v->nblocks + 1, sizeof *v->blocks) ||
        !kbi_map_put(&r->block_names, nm, n, (int32_t)v->nblocks))
        return KB_ERR_NOMEM;
    kbi_block *bl = &v->blocks[v->nblocks];
    memset(bl, 0, sizeof *bl);
    bl->name = nm;
    bl->code = code;
    bl->live = 1;
    bl->file = r->L->file;
    bl->line = line;
    r->block = (int32_t)v->nblocks++;
    return KB_OK;
}

/* "---  NAME  [CODE]  ---". Returns KB_ERR_SYNTAX after reporting. */
static kb_status header_parse(kbi_cameo_reader *r, const char *ls,
                              const char *s, const char *e, int line)
{
    const char *p = s + 3;
    if (p < e && !kbi_isspace((unsigned char)*p)) {
        BAD(r, line, COL(p), "expected a blank after '---'");
        return KB_ERR_SYNTAX;
    }
    const char *name = skip_blank(p, e), *ne = skip_word(name, e);
    if (name == e || strchr("[]{}", *name) ||
        memchr(name, ']', (size_t)(ne - name))) {
        BAD(r, line, COL(name), "expected the block name after '---'");
        return KB_ERR_SYNTAX;
    }
    const char *c = skip_blank(ne, e), *code = "---";
    size_t ncode = 3;
    if (c < e && *c == '[') {
        const char *ce = skip_word(c, e);
        const char *rb = memchr(c, ']', (size_t)(ce - c));
        if (!rb || !kbi_cameo_code_ok(c + 1, (size_t)(rb - c - 1))) {
            BAD(r, line, COL(c), "expected a code like [042] or [---]");
            return KB_ERR_SYNTAX;
        }
        if (rb + 1 < ce)
            BAD(r, line, COL(rb + 1),
                "expected a blank after ']' (code [%.*s] used)",
                (int)(rb - c - 1), c + 1);
        code = c + 1;
        ncode = (size_t)(rb - c - 1);
        c = skip_blank(ce, e);
    }
    if (c < e && skip_word(c, e) - c == 3 && memcmp(c, "---", 3) == 0)
        c = skip_blank(c + 3, e);
    if (c < e) {
        BAD(r, line, COL(c), "expected '[code] ---' after the block name");
        return KB_ERR_SYNTAX;
    }
    return open_block(r, name, (size_t)(ne - name),
                      kbi_arena_strndup(&r->d->arena, code, ncode), line);
}

static kb_status header(kbi_cameo_reader *r, const char *ls, const char *s,
                        const char *e, int line)
{
    r->in_synsets = 0;
    r->synset = -1;
    r->block = -1;
    r->skipping = 0;
    kb_status st = header_parse(r, ls, s, e, line);
    if (st == KB_ERR_SYNTAX && !r->d->strict) {
        r->skipping = 1; /* the report stands for the block's lines too */
        return KB_OK;
    }
    return st;
}

/* ---- transformations and the line loop -------------------------------- */

static kb_status transform(kbi_cameo_reader *r, const char *ls, const char *s,
                           const char *e, int line)
{
    kbi_verbs *v = &r->d->verbs;
    const char *eq = memchr(s, '=', (size_t)(e - s));
    int n = 0;
    for (const char *p = eq ? skip_blank(eq + 1, e) : e; p < e;
         p = skip_blank(skip_word(p, e), e))
        n++;
    if (!eq || n < 3) {
        BAD(r, line, COL(eq ? eq : e),
            "expected '= SOURCE TARGET CODE' in a transformation");
        return KB_OK;
    }
    if (!kbi_vec_reserve(r->d->alloc, (void **)&v->transforms,
                         &v->cap_transforms, v->ntransforms + 1,
                         sizeof *v->transforms))
        return KB_ERR_NOMEM;
    kbi_transform *t = &v->transforms[v->ntransforms];
    t->text = kbi_arena_strndup(&r->d->arena, s, (size_t)(e - s));
    t->file = r->L->file;
    t->line = line;
    if (!t->text)
        return KB_ERR_NOMEM;
    v->ntransforms++;
    return KB_OK;
}

static int is_marker(const char *s, const char *e)
{
    while (s < e && *s == '#')
        s++;
    while (e > s && e[-1] == '#')
        e--;
    s = skip_blank(s, e);
    e = trim_end(s, e);
    return e - s == 13 && memcmp(s, "VERB PATTERNS", 13) == 0;
}

/* One non-blank line without its comment, [s, e); le ends the raw line. */
static kb_status classify(kbi_cameo_reader *r, const char *ls, const char *s,
                          const char *e, const char *le, int line)
{
    if (e - s >= 3 && memcmp(s, "---", 3) == 0)
        return header(r, ls, s, e, line);
    if (*s == '-') {
        if (r->skipping)
            return KB_OK;
        if (r->block < 0) {
            BAD(r, line, COL(s),
                "pattern line before the first '---' header");
            return KB_OK;
        }
        return kbi_cameo_pattern(r, ls, s + 1, e, le, line);
    }
    if (r->in_synsets) {
        if (*s == '&')
            return new_synset(r, ls, s, e, line);
        if (*s == '+')
            return member(r, ls, s, e, line);
        BAD(r, line, COL(s),
            "expected '&NAME' or '+MEMBER' before the VERB PATTERNS line");
        return KB_OK;
    }
    if (*s == '&') {
        BAD(r, line, COL(s), "synset label after the VERB PATTERNS line "
                             "(synsets must come first)");
        return KB_OK;
    }
    return kbi_cameo_verb_line(r, ls, s, e, line);
}

static kb_status read_lines(kbi_cameo_reader *r, const char *text, size_t len)
{
    const char *p = text, *end = text + len;
    int line = 0, in_comment = 0;
    while (p < end) {
        const char *ls = p, *le = memchr(p, '\n', (size_t)(end - p));
        le = le ? le : end;
        p = le < end ? le + 1 : le;
        line++;
        le = trim_end(ls, le);
        const char *s = skip_blank(ls, le);
        if (in_comment || (le - s >= 2 && s[0] == '<' && s[1] == '!')) {
            const char *q = s;
            while (q + 3 <= le && memcmp(q, "-->", 3) != 0)
                q++;
            in_comment = q + 3 > le;
            continue;
        }
        if (s == le)
            continue;
        if (*s == '#') {
            if (is_marker(s, le))
                r->in_synsets = 0;
            continue;
        }
        kb_status st;
        if (*s == '~') {
            st = transform(r, ls, s, le, line);
        } else {
            const char *h = memchr(s, '#', (size_t)(le - s));
            const char *e = trim_end(s, h ? h : le);
            st = classify(r, ls, s, e, le, line);
        }
        if (st != KB_OK)
            return st;
    }
    return KB_OK;
}

kb_status kbi_verbs_cameo_load(kbi_load *L, const char *text, size_t len)
{
    return kbi_verbs_cameo_load2(L, text, len, NULL, NULL, 0);
}

kb_status kbi_verbs_cameo_load2(kbi_load *L, const char *text, size_t len,
                                kbi_load *L2, const char *text2, size_t len2)
{
    kb_dict *d = L->d;
    kbi_cameo_reader r;
    memset(&r, 0, sizeof r);
    r.L = L;
    r.d = d;
    r.in_synsets = 1;
    r.synset = -1;
    r.block = -1;
    r.header_code = "---";
    kbi_map_init(&r.block_names, d->alloc);
    kbi_map_init(&r.pat_keys, d->alloc);
    kbi_arena_init(&r.keys, d->alloc);
    r.block0 = d->verbs.nblocks;
    r.pat0 = d->verbs.npatterns;
    d->verbs.dialect = 2;
    kb_status st = read_lines(&r, text, len);
    if (L2 && st == KB_OK) {
        /* the supplement: same reader, so a block header met again
         * continues the block of the first file */
        r.L = L2;
        r.in_synsets = 1;
        r.synset = -1;
        r.block = -1;
        r.skipping = 0;
        r.header_code = "---";
        st = read_lines(&r, text2, len2);
    }
    if (st == KB_OK || st == KB_ERR_SYNTAX) {
        kb_status g = kbi_cameo_group_patterns(&r);
        st = st == KB_OK ? g : st;
    }
    if (st == KB_OK && d->arena.failed)
        st = KB_ERR_NOMEM;
    kbi_map_free(&r.block_names);
    kbi_map_free(&r.pat_keys);
    kbi_arena_free(&r.keys);
    kbi_free(d->alloc, r.pat_block, r.cap_pat_block * sizeof *r.pat_block);
    return st;
}
