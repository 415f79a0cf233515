/* test_entities.c - actors beyond the dictionary (src/article/entities.c):
 * the cases of tests/data/entities/cases.tsv (see its header), each a
 * small article coded by kb_code_article with the bundled Phoenix
 * dictionaries, Khabar's supplement and the bundled model. The events of
 * the article's last sentence are compared with the expected ones: titles
 * and appositions, later mentions by surname in any spelling, names split
 * at "of", pronouns, "the group", "the minister", and actors that must
 * stay uncoded. Every miss is printed with its line in the data file and
 * what was produced (with the evidence: dictionary entry or "article:
 * same person as ..."), then the right cases per rule and in all; the
 * test fails when the share of right cases falls below MIN_ACCURACY (set
 * from the measured figure: the cases say what is right, not what Khabar
 * does, so some are expected to miss) or the file has fewer than
 * MIN_CASES cases. Geography is left out (no gazetteer): places do not
 * change actor codes.
 *
 *     test_entities           run the cases
 *     test_entities -v [ID]   also print every case's events (or one's)
 */
#include <stdlib.h>
#include <string.h>

#include "bundled.h"
#include "t.h"
#include "khabar.h"

#define DATA KB_DATADIR "/../tests/data/entities/cases.tsv"

/* Percent of cases that must be right: 39 of 87 (44.8%) were when the
 * cases were written, 53 (60.9%) at the end of that session (2026-11-26;
 * docs/accuracy.md, "Actors beyond the dictionary"). Raised from 58% to
 * 60% when a role check of the next session cost two cases unnoticed,
 * to 75% when the fifth session reached 68 of 88 (77.3%), and to 84%
 * when the sixth reached 77 of 89 (86.5%). Raise it as entities.c and
 * the parser improve. */
#define MIN_ACCURACY 84.0
#define MIN_CASES 60

enum { NCOLS = 5, MAX_EXPECT = 8 };

static kb_dict *dict;
static kb_model *model;

static int load_all(void)
{
    if (!load_bundled("test_entities", &dict))
        return 0;
    kb_error err;
    if (kb_model_load(NULL, &model, &err) != KB_OK) {
        char buf[1024];
        fprintf(stderr, "test_entities: %s\n",
                kb_error_format(&err, buf, sizeof buf));
        return 0;
    }
    return 1;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        len += fread(buf + len, 1, cap - len - 1, f);
        if (len + 1 < cap)
            break;
        char *more = realloc(buf, cap * 2);
        if (!more) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = more;
        cap *= 2;
    }
    fclose(f);
    if (buf)
        buf[len] = '\0';
    return buf;
}

/* ---- expected events ---------------------------------------------------- */

typedef struct expect {
    char src[32], tgt[32], code[16];
} expect;

/* "SRC>TGT:CODE ..." or "-" -> e[]; returns the count, -1 if malformed. */
static int parse_expected(const char *s, expect *e)
{
    if (strcmp(s, "-") == 0)
        return 0;
    int n = 0;
    while (*s) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        size_t len = strcspn(s, " ");
        const char *gt = memchr(s, '>', len);
        const char *colon = gt ? memchr(gt, ':', len - (size_t)(gt - s))
                               : NULL;
        if (n == MAX_EXPECT || !gt || !colon || gt == s || colon == gt + 1 ||
            colon + 1 == s + len || (size_t)(gt - s) >= sizeof e->src ||
            (size_t)(colon - gt - 1) >= sizeof e->tgt ||
            (size_t)(s + len - colon - 1) >= sizeof e->code)
            return -1;
        snprintf(e[n].src, sizeof e[n].src, "%.*s", (int)(gt - s), s);
        snprintf(e[n].tgt, sizeof e[n].tgt, "%.*s", (int)(colon - gt - 1),
                 gt + 1);
        snprintf(e[n].code, sizeof e[n].code, "%.*s",
                 (int)(s + len - colon - 1), colon + 1);
        n++;
        s += len;
    }
    return n;
}

/* want: '*', a code, or codes separated by '|' ("NGAREB|NGAREBUAF"). */
static int field_matches(const char *want, const char *got)
{
    if (strcmp(want, "*") == 0)
        return 1;
    size_t n = got ? strlen(got) : 0;
    for (const char *p = want; got && *p;) {
        size_t len = strcspn(p, "|");
        if (len == n && memcmp(p, got, n) == 0)
            return 1;
        p += len;
        if (*p == '|')
            p++;
    }
    return 0;
}

static int event_matches(const expect *x, const kb_event *e)
{
    return field_matches(x->src, e->source) &&
           field_matches(x->tgt, e->target) && field_matches(x->code, e->code);
}

/* An event with an actor left without a country or group ("---",
 * "---GOV": "the minister" of no known country) names nobody: it neither
 * satisfies nor spoils a case. */
static int unresolved(const kb_event *e)
{
    return !strncmp(e->source, "---", 3) || !strncmp(e->target, "---", 3);
}

/* ---- one case ------------------------------------------------------------ */

/* Decodes the "\n" escapes of the article column in place. */
static void unescape(char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++) {
        if (r[0] == '\\' && r[1] == 'n') {
            *w++ = '\n';
            r++;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

/* Is the event from the article's last sentence (nothing but blanks after
 * it)? */
static int last_sentence(const kb_event *e, const char *text, size_t len)
{
    if (e->end > len)
        return 0;
    for (size_t i = e->end; i < len; i++)
        if (text[i] != ' ' && text[i] != '\n' && text[i] != '\t' &&
            text[i] != '\r')
            return 0;
    return 1;
}

static void print_event(FILE *f, const kb_event *e)
{
    fprintf(f, "    s%d %s>%s:%s  [%s | %s]\n", e->sentence, e->source,
            e->target, e->code, e->source_entry ? e->source_entry : "-",
            e->target_entry ? e->target_entry : "-");
}

static int n_cases, n_right;

/* Right and total cases per rule (column 3), in order of appearance. */
enum { MAX_RULES = 32 };
static struct tally {
    char rule[32];
    int right, total;
} rules[MAX_RULES];
static int n_rules;

static void count_rule(const char *rule, int ok)
{
    int k = 0;
    while (k < n_rules && strcmp(rules[k].rule, rule) != 0)
        k++;
    if (k == n_rules) {
        if (n_rules == MAX_RULES)
            return;
        snprintf(rules[k].rule, sizeof rules[k].rule, "%s", rule);
        n_rules++;
    }
    rules[k].right += ok;
    rules[k].total++;
}

/* Codes one case; returns 1 if the last sentence gave every expected
 * event and no other that names somebody. */
static int run_case(int line, char **col, kb_result *r, int verbose)
{
    const char *id = col[0], *date = col[1], *want = col[4];
    char *text = col[3];
    expect x[MAX_EXPECT];
    int nx = parse_expected(want, x);
    if (nx < 0) {
        T_FAIL("%s:%d: bad expected events \"%s\"", DATA, line, want);
        return 0;
    }
    unescape(text);
    kb_article a;
    memset(&a, 0, sizeof a);
    a.id = id;
    a.date = date;
    a.text = text;
    a.text_len = strlen(text);
    a.file = DATA;
    a.line = line;
    kb_coder c;
    memset(&c, 0, sizeof c);
    c.dict = dict;
    c.model = model;
    c.flags = KB_CODE_NO_MERGE; /* each event stays with its sentence */
    kb_error err;
    memset(&err, 0, sizeof err);
    kb_status st = kb_code_article(&c, &a, NULL, NULL, r, &err);
    if (st != KB_OK) {
        char buf[1024];
        T_FAIL("%s:%d %s: %s", DATA, line, id,
               kb_error_format(&err, buf, sizeof buf));
        return 0;
    }
    /* every expected event produced, every produced event expected */
    int found[MAX_EXPECT] = {0}, extra = 0;
    size_t n = kb_result_count(r);
    for (size_t i = 0; i < n; i++) {
        const kb_event *e = kb_result_event(r, i);
        if (!last_sentence(e, a.text, a.text_len))
            continue;
        int any = 0;
        for (int k = 0; k < nx; k++)
            if (event_matches(&x[k], e))
                found[k] = any = 1;
        if (!any && !unresolved(e))
            extra++;
    }
    int ok = extra == 0;
    for (int k = 0; k < nx; k++)
        ok = ok && found[k];
    if (!ok || verbose) {
        FILE *f = ok ? stdout : stderr;
        fprintf(f, "%s %s:%d %s [%s]\n  article: %s\n  expected: %s\n",
                ok ? "ok" : "MISS", DATA, line, id, col[2], text, want);
        fprintf(f, "  produced (last sentence first):\n");
        for (int pass = 0; pass < 2; pass++)
            for (size_t i = 0; i < n; i++) {
                const kb_event *e = kb_result_event(r, i);
                if (last_sentence(e, a.text, a.text_len) == !pass)
                    print_event(f, e);
            }
        if (n == 0)
            fprintf(f, "    (none)\n");
    }
    return ok;
}

static void test_cases(int verbose, const char *only)
{
    char *buf = slurp(DATA);
    T_OK(buf != NULL);
    if (!buf)
        return;
    kb_result *r = kb_result_new(NULL);
    int line = 0;
    for (char *p = buf, *next; p && *p; p = next) {
        line++;
        next = strchr(p, '\n');
        if (next)
            *next++ = '\0';
        if (*p == '#' || *p == '\0')
            continue;
        char *col[NCOLS];
        int k = 0;
        for (char *q = p; k < NCOLS && q; k++) {
            col[k] = q;
            q = strchr(q, '\t');
            if (q)
                *q++ = '\0';
        }
        if (k != NCOLS || strchr(col[NCOLS - 1], '\t')) {
            T_FAIL("%s:%d: expected %d tab-separated columns", DATA, line,
                   NCOLS);
            continue;
        }
        if (only && strcmp(only, col[0]) != 0)
            continue;
        int ok = run_case(line, col, r, verbose);
        n_cases++;
        n_right += ok;
        count_rule(col[2], ok);
    }
    kb_result_free(r);
    free(buf);
    double acc = n_cases ? 100.0 * n_right / n_cases : 0;
    for (int k = 0; k < n_rules; k++)
        printf("  %-14s %2d of %2d\n", rules[k].rule, rules[k].right,
               rules[k].total);
    printf("entities: %d of %d cases right (%.1f%%), threshold %.0f%%\n",
           n_right, n_cases, acc, MIN_ACCURACY);
    if (only)
        return;
    t_checks += 2;
    if (n_cases < MIN_CASES)
        T_FAIL("%s: %d cases, expected at least %d", DATA, n_cases,
               MIN_CASES);
    if (acc < MIN_ACCURACY)
        T_FAIL("entities: accuracy %.1f%% below %.0f%%", acc, MIN_ACCURACY);
}

int main(int argc, char **argv)
{
    int verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    const char *only = verbose && argc > 2 ? argv[2] : NULL;
    if (!load_all())
        return 1;
    test_cases(verbose, only);
    kb_model_free(model);
    kb_dict_free(dict);
    return t_done();
}
