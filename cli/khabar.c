/* khabar.c - the command-line client of libkhabar.
 *
 *   khabar validate FILE.xml   run a PETRARCH validation file
 *   khabar code [FILES|-]      code PETRARCH XML into events
 *
 * Exit status: 0 success, 1 when an input record failed, 2 usage errors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "articles.h"
#include "batch.h"
#include "inputs.h"
#include "unknown.h"
#include "khabar.h"

#ifndef KB_DATADIR
#define KB_DATADIR "data"
#endif

enum { EXIT_USAGE = 2 };

static const char *prog = "khabar";

static void print_error(const kb_error *e)
{
    char buf[1024];
    fprintf(stderr, "%s: %s\n", prog, kb_error_format(e, buf, sizeof buf));
}

static void diag_print(void *user, const kb_error *e)
{
    (void)user;
    print_error(e);
}

static const char *data_dir(void)
{
    const char *d = getenv("KHABAR_DATA");
    return d && *d ? d : KB_DATADIR;
}

static int exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Finds `name` beside `near` (a file), in `dir`, or among the bundled
 * dictionaries. Writes the path into buf; returns buf or NULL. */
static const char *find_dict(const char *name, const char *near,
                             const char *dir, char *buf, size_t size)
{
    if (!name)
        return NULL;
    if (name[0] == '/') {
        snprintf(buf, size, "%s", name);
        return exists(buf) ? buf : NULL;
    }
    if (near) {
        const char *slash = strrchr(near, '/');
        int n = slash ? (int)(slash - near) : 0;
        snprintf(buf, size, "%.*s%s%s", n, near, slash ? "/" : "", name);
        if (exists(buf))
            return buf;
    }
    if (dir) {
        snprintf(buf, size, "%s/%s", dir, name);
        if (exists(buf))
            return buf;
    }
    snprintf(buf, size, "%s/dict/%s", data_dir(), name);
    return exists(buf) ? buf : NULL;
}

/* ---- dictionary options shared by the commands ----------------------- */

typedef struct dict_opts {
    const char *dir;
    const char *verbs, *actors[8], *agents, *discards, *issues;
    int nactors;
    int strict;
    int warnings; /* list malformed entries */
} dict_opts;

/* Consumes a dictionary option at argv[*i]; returns 1 if it was one, -1
 * on a usage error. */
static int dict_option(dict_opts *o, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    const char **slot = NULL;
    if (!strcmp(a, "--strict")) {
        o->strict = 1;
        return 1;
    }
    if (!strcmp(a, "--dict-warnings")) {
        o->warnings = 1;
        return 1;
    }
    if (!strcmp(a, "--dict-dir"))
        slot = &o->dir;
    else if (!strcmp(a, "--dict") || !strcmp(a, "--verbs"))
        slot = &o->verbs;
    else if (!strcmp(a, "--agents"))
        slot = &o->agents;
    else if (!strcmp(a, "--discards"))
        slot = &o->discards;
    else if (!strcmp(a, "--issues"))
        slot = &o->issues;
    else if (!strcmp(a, "--actors")) {
        if (o->nactors == 8) {
            fprintf(stderr, "%s: at most 8 --actors files\n", prog);
            return -1;
        }
        slot = &o->actors[o->nactors++];
    } else
        return 0;
    if (*i + 1 >= argc) {
        fprintf(stderr, "%s: %s needs a file name\n", prog, a);
        return -1;
    }
    *slot = argv[++*i];
    return 1;
}

static void diag_count(void *user, const kb_error *e)
{
    (void)e;
    ++*(size_t *)user;
}

/* Loads a dictionary set. Malformed entries are listed when `show` (or in
 * strict mode), otherwise summed up in one line. */
static kb_dict *load_dict(const kb_dict_files *files, int strict, int show)
{
    size_t bad = 0;
    kb_dict_options opts = {strict, show || strict ? diag_print : diag_count,
                            &bad, NULL};
    kb_dict *d = NULL;
    kb_error err;
    if (kb_dict_load(files, &opts, &d, &err) != KB_OK) {
        print_error(&err);
        return NULL;
    }
    if (bad)
        fprintf(stderr, "%s: %zu malformed dictionary entries skipped "
                        "(--dict-warnings lists them)\n", prog, bad);
    return d;
}

/* ---- validate -------------------------------------------------------- */

static void usage_validate(FILE *f)
{
    fprintf(f,
            "usage: khabar validate FILE.xml [options]\n"
            "\n"
            "Codes every active record of a PETRARCH validation file with the\n"
            "dictionaries its <Environment> names (looked up beside the file,\n"
            "in --dict-dir, then among the bundled ones) and compares the\n"
            "events with the expected ones. Prints each failing record and\n"
            "ends with 'N passed, M failed'.\n"
            "\n"
            "  --dict-dir DIR   another place to look for dictionaries\n"
            "  --json           print a JSON summary instead\n"
            "  --parse given|own  code the given Penn Treebank parses\n"
            "                   (default) or parse each record's text with\n"
            "                   Khabar's own tokenizer, tagger and parser\n"
            "  --model FILE     the NLP model for --parse own (default: the\n"
            "                   bundled data/model/khabar-en.model)\n"
            "  --min-pass N     exit 1 only when fewer than N records pass\n"
            "                   (default: when any record fails)\n"
            "  --strict         stop at the first malformed dictionary entry\n"
            "  --dict, --actors, --agents, --discards, --issues FILE\n"
            "                   use these dictionaries instead\n");
}

typedef struct triple {
    const char *s, *t, *c;
} triple;

static int has_triple(const triple *v, int n, const char *s, const char *t,
                      const char *c)
{
    for (int i = 0; i < n; i++)
        if (!strcmp(v[i].s, s) && !strcmp(v[i].t, t) && !strcmp(v[i].c, c))
            return 1;
    return 0;
}

static void json_str(FILE *f, const char *s)
{
    putc('"', f);
    for (; s && *s; s++) {
        if (*s == '"' || *s == '\\')
            fprintf(f, "\\%c", *s);
        else if ((unsigned char)*s < 0x20)
            fprintf(f, "\\u%04x", *s);
        else
            putc(*s, f);
    }
    putc('"', f);
}

static void print_triples(FILE *f, const triple *v, int n, int json)
{
    if (json) {
        putc('[', f);
        for (int i = 0; i < n; i++) {
            fputs(i ? ",[" : "[", f);
            json_str(f, v[i].s);
            putc(',', f);
            json_str(f, v[i].t);
            putc(',', f);
            json_str(f, v[i].c);
            putc(']', f);
        }
        putc(']', f);
        return;
    }
    if (n == 0)
        fputs(" (none)", f);
    for (int i = 0; i < n; i++)
        fprintf(f, " %s>%s:%s", v[i].s, v[i].t, v[i].c);
}

enum { MAX_TRIPLES = 256 };

static int cmd_validate(int argc, char **argv)
{
    dict_opts o;
    memset(&o, 0, sizeof o);
    const char *file = NULL;
    int json = 0, own = 0;
    const char *model_path = NULL;
    long min_pass = -1;
    for (int i = 1; i < argc; i++) {
        int k = dict_option(&o, argc, argv, &i);
        if (k < 0)
            return EXIT_USAGE;
        if (k)
            continue;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage_validate(stdout);
            return 0;
        } else if (!strcmp(argv[i], "--json")) {
            json = 1;
        } else if (!strcmp(argv[i], "--parse") && i + 1 < argc) {
            const char *v = argv[++i];
            if (strcmp(v, "own") && strcmp(v, "given")) {
                fprintf(stderr, "%s: --parse expects 'given' or 'own'\n", prog);
                return EXIT_USAGE;
            }
            own = !strcmp(v, "own");
        } else if (!strcmp(argv[i], "--model") && i + 1 < argc) {
            model_path = argv[++i];

        } else if (!strcmp(argv[i], "--min-pass") && i + 1 == argc) {
            fprintf(stderr, "%s: --min-pass needs a count\n", prog);
            return EXIT_USAGE;
        } else if (!strcmp(argv[i], "--min-pass")) {
            char *end;
            min_pass = strtol(argv[++i], &end, 10);
            if (*end || min_pass < 0) {
                fprintf(stderr, "%s: --min-pass expects a count\n", prog);
                return EXIT_USAGE;
            }
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "%s: unknown option %s\n", prog, argv[i]);
            usage_validate(stderr);
            return EXIT_USAGE;
        } else if (!file) {
            file = argv[i];
        } else {
            fprintf(stderr, "%s: one validation file at a time\n", prog);
            return EXIT_USAGE;
        }
    }
    if (!file) {
        usage_validate(stderr);
        return EXIT_USAGE;
    }
    kb_reader *r;
    kb_error err;
    if (kb_reader_open(file, diag_print, NULL, &r, &err) != KB_OK) {
        print_error(&err);
        return 1;
    }
    /* the first record makes the reader read the <Environment> */
    kb_record rec;
    int have = kb_reader_next(r, &rec);
    static const kb_environment none;
    const kb_environment *env = kb_reader_environment(r);
    if (!env)
        env = &none;
    char pv[4096], pa[4096], pg[4096], pd[4096], pi[4096];
    kb_dict_files files;
    memset(&files, 0, sizeof files);
    files.verbs = o.verbs ? o.verbs
                          : find_dict(env->verbfile, file, o.dir, pv, sizeof pv);
    files.actors[0] = o.nactors ? o.actors[0]
                                : find_dict(env->actorfile, file, o.dir, pa,
                                            sizeof pa);
    for (int i = 1; i < o.nactors; i++)
        files.actors[i] = o.actors[i];
    files.agents = o.agents ? o.agents
                            : find_dict(env->agentfile, file, o.dir, pg, sizeof pg);
    files.discards = o.discards ? o.discards
                                : find_dict(env->discardfile, file, o.dir, pd,
                                            sizeof pd);
    files.issues = o.issues ? o.issues
                            : find_dict(env->issuefile, file, o.dir, pi, sizeof pi);
    const char *names[] = {env->verbfile, env->actorfile, env->agentfile,
                           env->discardfile, env->issuefile};
    const char *found[] = {files.verbs, files.actors[0], files.agents,
                           files.discards, files.issues};
    for (int i = 0; i < 5; i++)
        if (names[i] && !found[i]) {
            fprintf(stderr, "%s: %s: dictionary '%s' not found beside the "
                            "file, in --dict-dir or in %s/dict\n",
                    prog, file, names[i], data_dir());
            kb_reader_free(r);
            return 1;
        }
    if (!files.verbs) {
        fprintf(stderr, "%s: %s: no <Verbfile> in <Environment>; use --dict\n",
                prog, file);
        kb_reader_free(r);
        return EXIT_USAGE;
    }
    kb_dict *d = load_dict(&files, o.strict, 1);
    if (!d) {
        kb_reader_free(r);
        return 1;
    }
    kb_model *model = NULL;
    if (own && kb_model_load(model_path, &model, &err) != KB_OK) {
        print_error(&err);
        kb_dict_free(d);
        kb_reader_free(r);
        return 1;
    }
    kb_result *res = kb_result_new(NULL);
    int passed = 0, failed = 0, first_json = 1;
    if (json) {
        printf("{\"file\":");
        json_str(stdout, file);
        printf(",\"failures\":[");
    }
    for (; have; have = kb_reader_next(r, &rec)) {
        if (!rec.active)
            continue;
        kb_status st = own ? kb_code_record_text(d, model, NULL, &rec, res, &err)
                           : kb_code_record(d, NULL, &rec, res, &err);
        if (st != KB_OK && st != KB_ERR_SYNTAX)
            print_error(&err);
        triple exp[MAX_TRIPLES], got[MAX_TRIPLES];
        int ne = 0, ng = 0;
        for (int i = 0; i < rec.n_expected && ne < MAX_TRIPLES; i++) {
            const kb_expected *x = &rec.expected[i];
            if (!has_triple(exp, ne, x->source, x->target, x->code))
                exp[ne++] = (triple){x->source, x->target, x->code};
        }
        for (size_t i = 0; i < kb_result_count(res) && ng < MAX_TRIPLES; i++) {
            const kb_event *e = kb_result_event(res, i);
            if (!has_triple(got, ng, e->source, e->target, e->code))
                got[ng++] = (triple){e->source, e->target, e->code};
        }
        int ok = ne == ng;
        for (int i = 0; ok && i < ne; i++)
            ok = has_triple(got, ng, exp[i].s, exp[i].t, exp[i].c);
        if (ok) {
            passed++;
            continue;
        }
        failed++;
        const char *why = kb_result_rejection(res);
        if (json) {
            printf("%s{\"id\":", first_json ? "" : ",");
            json_str(stdout, rec.id);
            printf(",\"line\":%d,\"expected\":", rec.line);
            print_triples(stdout, exp, ne, 1);
            printf(",\"produced\":");
            print_triples(stdout, got, ng, 1);
            printf(",\"rejection\":");
            if (why)
                json_str(stdout, why);
            else
                fputs("null", stdout);
            putchar('}');
            first_json = 0;
        } else {
            printf("FAIL %s (%s:%d)\n  expected:", rec.id, file, rec.line);
            print_triples(stdout, exp, ne, 0);
            printf("\n  produced:");
            print_triples(stdout, got, ng, 0);
            if (why)
                printf(" [%s]", why);
            putchar('\n');
        }
    }
    size_t bad = kb_reader_errors(r);
    if (json)
        printf("],\"passed\":%d,\"failed\":%d,\"skipped_records\":%zu}\n",
               passed, failed, bad);
    else
        printf("%d passed, %d failed\n", passed, failed);
    if (bad)
        fprintf(stderr, "%s: %s: %zu record(s) could not be read (see the "
                        "errors above); they are not counted\n",
                prog, file, bad);
    kb_result_free(res);
    kb_model_free(model);
    kb_dict_free(d);
    kb_reader_free(r);
    if (bad)
        return 1;
    if (min_pass >= 0)
        return passed >= min_pass ? 0 : 1;
    return failed ? 1 : 0;
}

/* ---- code ------------------------------------------------------------ */

static void usage_code(FILE *f)
{
    fprintf(f,
            "usage: khabar code [options] [FILES|-]\n"
            "\n"
            "Codes news into events, one per line, on standard output.\n"
            "Articles (raw text: a file per article, its first line the\n"
            "title when a blank line follows; JSON Lines: an article per\n"
            "line; HTML pages) are split into sentences, tagged, parsed and\n"
            "coded with their context: event dates, actors named earlier in\n"
            "the article, places; boilerplate lines are not coded, and\n"
            "duplicate events are merged (within an article and across the\n"
            "batch) into one event with its mentions, written at the end.\n"
            "Parsed sentences (PETRARCH XML with Penn Treebank parses,\n"
            "CoNLL-U) are coded one by one. Reads standard input when no\n"
            "file (or '-') is given. Uses the bundled Phoenix dictionaries\n"
            "and Khabar's supplement (data/khabar) unless dictionaries are\n"
            "named: then exactly the named files are used (--dict is\n"
            "required).\n"
            "\n"
            "  --format jsonl|phoenix|gdelt|gdelt-mentions|plover|csv\n"
            "                    output format (default jsonl; docs/formats.md)\n"
            "  --input xml|conllu|text|jsonl|html|auto  input format (default:\n"
            "                    by extension, then by content)\n"
            "  --date YYYY-MM-DD publication date of articles that carry none\n"
            "                    (raw text), date of CoNLL-U sentences without\n"
            "                    a '# date =' comment\n"
            "  --no-merge        one event per mention, written as coded\n"
            "  --one-a-day       merge on date, source, target and code only\n"
            "                    (the Phoenix one-a-day filter)\n"
            "  --all-lines       code boilerplate lines too\n"
            "  --sentences       code raw text and JSON Lines sentence by\n"
            "                    sentence, without the article's context (no\n"
            "                    event dates, places, inferred actors, merging)\n"
            "  --gazetteer FILE  places (default: bundled data/geo)\n"
            "  --no-places       do not look for places\n"
            "  --model FILE      NLP model for raw text (default: bundled)\n"
            "  -j N              code on N threads (also -jN, --jobs N); the\n"
            "                    output is the same, in the same order, as\n"
            "                    with -j 1\n"
            "  --dict FILE       verb dictionary (TABARI or CAMEO.2.0 dialect)\n"
            "  --actors FILE     actor dictionary (repeat for several)\n"
            "  --agents FILE     agent dictionary\n"
            "  --discards FILE   discard list\n"
            "  --issues FILE     issue list\n"
            "  --dict-dir DIR    where to look for the files named above\n"
            "  --strict          stop at the first malformed dictionary entry\n"
            "  --dict-warnings   list every malformed dictionary entry\n");
}

/* The format of a file: its extension, else its first 4 KiB. */
static kb_input_format detect_file(const char *path)
{
    char head[4096];
    size_t n = 0;
    FILE *f = fopen(path, "rb");
    if (f) {
        n = fread(head, 1, sizeof head, f);
        fclose(f);
    }
    return kb_input_format_detect(path, f ? head : NULL, n);
}

static size_t total_size(const char *const *paths, int n)
{
    size_t sum = 0;
    for (int i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") && stat(paths[i], &st) == 0)
            sum += (size_t)st.st_size;
    }
    return sum;
}

static const char *bundled_khabar(const char *name, char *buf, size_t size)
{
    snprintf(buf, size, "%s/khabar/%s", data_dir(), name);
    return exists(buf) ? buf : NULL;
}

static char *read_stdin(size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
        }
        size_t k = fread(buf + n, 1, cap - n, stdin);
        if (k == 0)
            break;
        n += k;
    }
    *len = n;
    return buf;
}

static const char *bundled(const char *dir, const char *name, char *buf,
                           size_t size)
{
    return find_dict(name, NULL, dir, buf, size);
}

/* The dictionaries of `code` and `actors`: exactly the files named, or
 * else the bundled Phoenix set with Khabar's supplement. NULL after
 * reporting; *usage set when the options were wrong. */
static kb_dict *load_code_dict(const dict_opts *op, int *usage)
{
    const dict_opts o = *op;
    char b[8][4096], sb[2][4096];
    kb_dict_files files;
    memset(&files, 0, sizeof files);
    /* Dictionaries named on the command line form the whole set; the
     * bundled Phoenix files are used only when none is named. */
    int own = o.verbs || o.nactors || o.agents || o.discards || o.issues;
    if (own) {
        files.verbs = o.verbs;
        for (int i = 0; i < o.nactors; i++)
            files.actors[i] = o.actors[i];
        files.agents = o.agents;
        files.discards = o.discards;
        files.issues = o.issues;
        if (!files.verbs) {
            fprintf(stderr, "%s: --dict FILE is needed when other "
                            "dictionaries are named\n", prog);
            *usage = 1;
            return NULL;
        }
    }
    files.verbs = own ? files.verbs
                      : bundled(o.dir, "CAMEO.2.0.txt", b[0], 4096);
    if (!own) {
        /* Khabar's own supplement (data/khabar) first: its entries
         * replace Phoenix's for the same phrase */
        int k = 0;
        if (bundled_khabar("Khabar.actors.txt", b[7], 4096))
            files.actors[k++] = b[7];
        files.actors[k++] = bundled(o.dir, "Phoenix.Countries.actors.txt", b[1], 4096);
        files.actors[k++] = bundled(o.dir, "Phoenix.International.actors.txt", b[2], 4096);
        files.actors[k++] = bundled(o.dir, "Phoenix.MilNonState.actors.txt", b[3], 4096);
        files.agents = bundled(o.dir, "Phoenix.agents.txt", b[4], 4096);
        files.discards = bundled(o.dir, "Phoenix.discards.txt", b[5], 4096);
        files.issues = bundled(o.dir, "Phoenix.IssueCoding.txt", b[6], 4096);
        files.verbs_supplement = bundled_khabar("Khabar.verbs.txt", sb[0], 4096);
        files.agents_supplement = bundled_khabar("Khabar.agents.txt", sb[1], 4096);
    }
    if (!files.verbs) {
        fprintf(stderr, "%s: no verb dictionary: bundled data not found in %s "
                        "(set KHABAR_DATA or use --dict)\n", prog, data_dir());
        return NULL;
    }
    return load_dict(&files, o.strict, o.warnings);
}

static int cmd_code(int argc, char **argv)
{
    dict_opts o;
    memset(&o, 0, sizeof o);
    kb_format fmt = KB_FORMAT_JSONL;
    kb_reader_options ropt = {NULL, KB_INPUT_AUTO, NULL, diag_print, NULL, 1};
    const char *model_path = NULL, *geo_path = NULL;
    int nthreads = 1, no_merge = 0, one_a_day = 0, all_lines = 0, no_geo = 0;
    int sentences = 0;
    kbc_inputs in;
    memset(&in, 0, sizeof in);
    for (int i = 1; i < argc; i++) {
        int k = dict_option(&o, argc, argv, &i);
        if (k < 0) {
            kbc_inputs_free(&in);
            return EXIT_USAGE;
        }
        if (k)
            continue;
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage_code(stdout);
            return 0;
        } else if ((!strcmp(argv[i], "--input") || !strcmp(argv[i], "--date")) &&
                   i + 1 == argc) {
            fprintf(stderr, "%s: %s needs a value\n", prog, argv[i]);
            return EXIT_USAGE;
        } else if (!strcmp(argv[i], "--input")) {
            if (kb_input_format_parse(argv[++i], &ropt.format) != KB_OK) {
                fprintf(stderr, "%s: unknown input format '%s' (xml, conllu, "
                                "text, jsonl, html, auto)\n", prog, argv[i]);
                return EXIT_USAGE;
            }
        } else if (!strcmp(argv[i], "--date")) {
            ropt.date = argv[++i];
        } else if (!strcmp(argv[i], "--model") && i + 1 < argc) {
            model_path = argv[++i];
        } else if (!strcmp(argv[i], "--gazetteer") && i + 1 < argc) {
            geo_path = argv[++i];
        } else if (!strcmp(argv[i], "--no-places")) {
            no_geo = 1;
        } else if (!strcmp(argv[i], "--no-merge")) {
            no_merge = 1;
        } else if (!strcmp(argv[i], "--one-a-day")) {
            one_a_day = 1;
        } else if (!strcmp(argv[i], "--all-lines")) {
            all_lines = 1;
        } else if (!strcmp(argv[i], "--sentences")) {
            sentences = 1;
        } else if (!strncmp(argv[i], "-j", 2) ||
                   !strcmp(argv[i], "--jobs") ||
                   !strncmp(argv[i], "--jobs=", 7)) {
            /* -j N, -jN, --jobs N, --jobs=N */
            const char *a = argv[i];
            const char *v = a[1] == 'j' && a[2] ? a + 2
                            : strchr(a, '=')    ? strchr(a, '=') + 1
                            : i + 1 < argc      ? argv[++i]
                                                : "";
            char *end = NULL;
            long n = strtol(v, &end, 10);
            if (!*v || !end || *end || n < 1 || n > 64) {
                fprintf(stderr, "%s: -j expects a thread count from 1 to 64\n",
                        prog);
                return EXIT_USAGE;
            }
            nthreads = (int)n;
        } else if (!strcmp(argv[i], "--format") && i + 1 == argc) {
            fprintf(stderr, "%s: --format needs a name (jsonl, phoenix, gdelt, "
                            "gdelt-mentions, plover, csv)\n", prog);
            return EXIT_USAGE;
        } else if (!strcmp(argv[i], "--format")) {
            if (kb_format_parse(argv[++i], &fmt) != KB_OK) {
                fprintf(stderr, "%s: unknown format '%s' (jsonl, phoenix, "
                                "gdelt, gdelt-mentions, plover, csv)\n",
                        prog, argv[i]);
                return EXIT_USAGE;
            }
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "%s: unknown option %s\n", prog, argv[i]);
            usage_code(stderr);
            return EXIT_USAGE;
        } else if (!kbc_inputs_add(&in, argv[i])) {
            fprintf(stderr, "%s: out of memory\n", prog);
            kbc_inputs_free(&in);
            return 1;
        }
    }
    int usage_error = 0;
    kb_dict *d = load_code_dict(&o, &usage_error);
    if (!d) {
        kbc_inputs_free(&in);
        return usage_error ? EXIT_USAGE : 1;
    }
    /* raw text needs the model; it is mapped, so loading costs little */
    kb_model *model = NULL;
    kb_error model_err;
    memset(&model_err, 0, sizeof model_err);
    if (ropt.format == KB_INPUT_AUTO || ropt.format == KB_INPUT_TEXT ||
        ropt.format == KB_INPUT_JSONL || ropt.format == KB_INPUT_HTML)
        kb_model_load(model_path, &model, &model_err);
    ropt.model = model;
    kb_result *res = kb_result_new(NULL);
    int bad = 0;
    if (in.n == 0 && !kbc_inputs_add(&in, "-")) {
        fprintf(stderr, "%s: out of memory\n", prog);
        bad = 1;
    }
    const char *const *inputs = (const char *const *)in.v;
    int ninputs = (int)in.n;
    /* articles: raw text, JSON Lines, HTML */
    kb_gazetteer *geo = NULL;
    kb_coder coder;
    memset(&coder, 0, sizeof coder);
    coder.dict = d;
    coder.model = model;
    coder.flags = (no_merge ? KB_CODE_NO_MERGE : 0) |
                  (all_lines ? KB_CODE_ALL_LINES : 0);
    kbc_run run;
    memset(&run, 0, sizeof run);
    run.prog = prog;
    run.fmt = fmt;
    run.nthreads = nthreads;
    int articles = 0;
    if (kb_write_header(stdout, fmt) != KB_OK)
        bad = 1;
    for (int i = 0; i < ninputs; i++) {
        kb_reader *r;
        kb_error err;
        kb_status st;
        char *mem = NULL;
        size_t len = 0;
        if (!strcmp(inputs[i], "-")) {
            mem = read_stdin(&len);
            if (!mem) {
                fprintf(stderr, "%s: out of memory reading stdin\n", prog);
                bad = 1;
                continue;
            }
        }
        kb_input_format f = ropt.format;
        if (f == KB_INPUT_AUTO)
            f = mem ? kb_input_format_detect(NULL, mem, len)
                    : detect_file(inputs[i]);
        if (f == KB_INPUT_HTML ||
            (!sentences && (f == KB_INPUT_TEXT || f == KB_INPUT_JSONL))) {
            if (!model) {
                print_error(&model_err);
                free(mem);
                bad = 1;
                continue;
            }
            if (!articles++) {
                if (!no_geo) {
                    kb_error gerr;
                    if (kb_gazetteer_load(geo_path, &geo, &gerr) != KB_OK) {
                        print_error(&gerr);
                        fprintf(stderr, "%s: coding without places\n", prog);
                    }
                }
                coder.geo = geo;
                if (!no_merge)
                    run.merger = kb_merger_new(one_a_day ? KB_MERGE_ONE_A_DAY
                                                         : 0);
                run.total_bytes = total_size(inputs, ninputs);
                kbc_run_start(&run);
            }
            kb_article_reader *ar;
            st = mem ? kb_article_reader_open_buffer(mem, len, "<stdin>", (int)f,
                                                     ropt.date, diag_print,
                                                     NULL, &ar, &err)
                     : kb_article_reader_open(inputs[i], (int)f, ropt.date,
                                              diag_print, NULL, &ar, &err);
            if (st != KB_OK) {
                print_error(&err);
                run.errors++;
                bad = 1;
            } else {
                bad |= kbc_code_articles(&coder, ar, &run);
                kb_article_reader_free(ar);
            }
            free(mem);
            continue;
        }
        kb_reader_options one = ropt;
        one.format = f;
        if (mem)
            st = kb_reader_open_buffer(mem, len, "<stdin>", &one, &r, &err);
        else
            st = kb_reader_open_file(inputs[i], &one, &r, &err);
        if (st != KB_OK) {
            if (mem || strcmp(inputs[i], "-"))
                print_error(&err);
            if (!model && model_err.message[0])
                print_error(&model_err);
            free(mem);
            bad = 1;
            continue;
        }
        bad |= kbc_code_reader(d, model, r, fmt, nthreads, prog);
        kb_reader_free(r);
        free(mem);
    }
    if (articles)
        bad |= kbc_run_finish(&run);
    kb_merger_free(run.merger);
    kbc_inputs_free(&in);
    kb_gazetteer_free(geo);
    kb_result_free(res);
    kb_model_free(model);
    kb_dict_free(d);
    return bad;
}

/* ---- actors --------------------------------------------------------- */

static void usage_actors(FILE *f)
{
    fprintf(f,
            "usage: khabar actors --unknown [options] [FILES|-]\n"
            "\n"
            "Codes the articles (raw text, JSON Lines, HTML; as `khabar code`)\n"
            "and lists the names of people and groups the dictionaries do not\n"
            "know, most frequent first, as actor entries ready to review and\n"
            "paste into a dictionary: the spelling seen most often, the other\n"
            "spellings as synonyms, the code the articles suggest (from a\n"
            "title, an apposition or an earlier mention) or [---], and up to\n"
            "three sentences where the name was found.\n"
            "\n"
            "  --min N           names seen at least N times (default 2)\n"
            "  --top N           at most N names (default: all)\n"
            "  --date YYYY-MM-DD publication date of articles without one\n"
            "  --input text|jsonl|html|auto  input format\n"
            "  -j N              code on N threads\n"
            "  --model FILE      NLP model (default: bundled)\n"
            "  --dict, --actors, --agents, --discards, --issues, --dict-dir,\n"
            "  --strict, --dict-warnings  as for `khabar code`\n");
}

static int count_arg(const char *opt, const char *v, long max, long *out)
{
    char *end = NULL;
    long n = v ? strtol(v, &end, 10) : -1;
    if (!v || !end || *end || n < 0 || n > max) {
        fprintf(stderr, "%s: %s expects a number from 0 to %ld\n", prog, opt,
                max);
        return 0;
    }
    *out = n;
    return 1;
}

static int cmd_actors(int argc, char **argv)
{
    dict_opts o;
    memset(&o, 0, sizeof o);
    int unknown = 0;
    long min = 2, top = 0, nthreads = 1;
    const char *date = NULL, *model_path = NULL;
    kb_input_format format = KB_INPUT_AUTO;
    kbc_inputs in;
    memset(&in, 0, sizeof in);
    for (int i = 1; i < argc; i++) {
        int k = dict_option(&o, argc, argv, &i);
        if (k < 0) {
            kbc_inputs_free(&in);
            return EXIT_USAGE;
        }
        if (k)
            continue;
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage_actors(stdout);
            kbc_inputs_free(&in);
            return 0;
        } else if (!strcmp(a, "--unknown")) {
            unknown = 1;
        } else if (!strncmp(a, "-j", 2) && a[2]) { /* -jN */
            if (!count_arg("-j", a + 2, 64, &nthreads)) {
                kbc_inputs_free(&in);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--min") || !strcmp(a, "--top") ||
                   !strcmp(a, "-j")) {
            long *dst = a[2] == 'm' ? &min : a[2] == 't' ? &top : &nthreads;
            if (!count_arg(a, v, a[1] == 'j' ? 64 : 100000000L, dst)) {
                kbc_inputs_free(&in);
                return EXIT_USAGE;
            }
            i++;
        } else if (!strcmp(a, "--date") && v) {
            date = argv[++i];
        } else if (!strcmp(a, "--model") && v) {
            model_path = argv[++i];
        } else if (!strcmp(a, "--input") && v) {
            if (kb_input_format_parse(argv[++i], &format) != KB_OK ||
                format == KB_INPUT_XML || format == KB_INPUT_CONLLU) {
                fprintf(stderr, "%s: --input expects text, jsonl, html or "
                                "auto\n", prog);
                kbc_inputs_free(&in);
                return EXIT_USAGE;
            }
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "%s: unknown option %s\n", prog, a);
            usage_actors(stderr);
            kbc_inputs_free(&in);
            return EXIT_USAGE;
        } else if (!kbc_inputs_add(&in, a)) {
            fprintf(stderr, "%s: out of memory\n", prog);
            kbc_inputs_free(&in);
            return 1;
        }
    }
    if (nthreads < 1)
        nthreads = 1;
    if (!unknown) {
        fprintf(stderr, "%s: actors: say what to list (--unknown)\n", prog);
        usage_actors(stderr);
        kbc_inputs_free(&in);
        return EXIT_USAGE;
    }
    int usage_error = 0;
    kb_dict *d = load_code_dict(&o, &usage_error);
    kb_model *model = NULL;
    kb_error err;
    if (d && kb_model_load(model_path, &model, &err) != KB_OK)
        print_error(&err);
    kbc_unknowns *table = kbc_unknowns_new();
    /* places are not actors to add: the gazetteer tells them apart */
    kb_gazetteer *geo = NULL;
    if (d && model && kb_gazetteer_load(NULL, &geo, &err) != KB_OK) {
        print_error(&err);
        geo = NULL;
    }
    if (!d || !model || !table) {
        kb_gazetteer_free(geo);
        if (!table)
            fprintf(stderr, "%s: out of memory\n", prog);
        kbc_unknowns_free(table);
        kb_model_free(model);
        kb_dict_free(d);
        kbc_inputs_free(&in);
        return usage_error ? EXIT_USAGE : 1;
    }
    if (in.n == 0)
        kbc_inputs_add(&in, "-");
    kb_coder coder;
    memset(&coder, 0, sizeof coder);
    coder.dict = d;
    coder.model = model;
    coder.geo = geo;
    coder.unknown = kbc_unknowns_add;
    coder.unknown_user = table;
    kbc_run run;
    memset(&run, 0, sizeof run);
    run.prog = prog;
    run.nthreads = (int)nthreads;
    run.no_events = 1;
    run.total_bytes = total_size((const char *const *)in.v, (int)in.n);
    kbc_run_start(&run);
    int bad = 0;
    for (size_t i = 0; i < in.n; i++) {
        char *mem = NULL;
        size_t len = 0;
        if (!strcmp(in.v[i], "-") && !(mem = read_stdin(&len))) {
            fprintf(stderr, "%s: out of memory reading stdin\n", prog);
            bad = 1;
            continue;
        }
        kb_input_format f = format != KB_INPUT_AUTO ? format
                            : mem ? kb_input_format_detect(NULL, mem, len)
                                  : detect_file(in.v[i]);
        if (f == KB_INPUT_XML || f == KB_INPUT_CONLLU) {
            fprintf(stderr, "%s: %s: parsed sentences (XML, CoNLL-U) are not "
                            "articles; give raw text, JSON Lines or HTML\n",
                    prog, in.v[i]);
            free(mem);
            bad = 1;
            continue;
        }
        kb_article_reader *ar;
        kb_status st = mem ? kb_article_reader_open_buffer(mem, len, "<stdin>",
                                                           (int)f, date,
                                                           diag_print, NULL,
                                                           &ar, &err)
                           : kb_article_reader_open(in.v[i], (int)f, date,
                                                    diag_print, NULL, &ar,
                                                    &err);
        if (st != KB_OK) {
            print_error(&err);
            bad = 1;
        } else {
            bad |= kbc_code_articles(&coder, ar, &run);
            kb_article_reader_free(ar);
        }
        free(mem);
    }
    bad |= kbc_run_finish(&run);
    kbc_unknowns_write(table, stdout, (size_t)min, (size_t)top);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: cannot write output\n", prog);
        bad = 1;
    }
    kbc_unknowns_free(table);
    kb_gazetteer_free(geo);
    kb_model_free(model);
    kb_dict_free(d);
    kbc_inputs_free(&in);
    return bad;
}

/* ---- parse ----------------------------------------------------------- */

static void usage_parse(FILE *f)
{
    fprintf(f,
            "usage: khabar parse [options] [FILES|-]\n"
            "\n"
            "Tokenizes, tags and parses raw text (or JSON Lines articles)\n"
            "with Khabar's own model and writes CoNLL-U: UPOS, XPOS, heads,\n"
            "relations, and TokenRange=start:end (byte offsets into the\n"
            "input) in MISC.\n"
            "\n"
            "  --input text|jsonl|conllu|auto  input format (default: auto)\n"
            "  --model FILE      the NLP model (default: bundled)\n"
            "  --date YYYY-MM-DD date for JSON Lines articles without one\n");
}

static int cmd_parse(int argc, char **argv)
{
    kb_reader_options ropt = {NULL, KB_INPUT_AUTO, "19700101", diag_print, NULL, 0};
    const char *model_path = NULL;
    const char *inputs[256];
    int ninputs = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage_parse(stdout);
            return 0;
        } else if ((!strcmp(a, "--input") || !strcmp(a, "--model") ||
                    !strcmp(a, "--date")) && i + 1 == argc) {
            fprintf(stderr, "%s: %s needs a value\n", prog, a);
            return EXIT_USAGE;
        } else if (!strcmp(a, "--input")) {
            if (kb_input_format_parse(argv[++i], &ropt.format) != KB_OK ||
                ropt.format == KB_INPUT_XML) {
                fprintf(stderr, "%s: unknown input format '%s' (text, jsonl, "
                                "conllu, auto)\n", prog, argv[i]);
                return EXIT_USAGE;
            }
        } else if (!strcmp(a, "--model")) {
            model_path = argv[++i];
        } else if (!strcmp(a, "--date")) {
            ropt.date = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "%s: unknown option %s\n", prog, a);
            usage_parse(stderr);
            return EXIT_USAGE;
        } else if (ninputs < 256) {
            inputs[ninputs++] = a;
        }
    }
    kb_model *model = NULL;
    kb_error err;
    if (kb_model_load(model_path, &model, &err) != KB_OK) {
        print_error(&err);
        return 1;
    }
    ropt.model = model;
    if (ninputs == 0)
        inputs[ninputs++] = "-";
    int bad = 0;
    for (int i = 0; i < ninputs; i++) {
        kb_reader *r = NULL;
        kb_status st;
        char *mem = NULL;
        if (!strcmp(inputs[i], "-")) {
            size_t len = 0;
            mem = read_stdin(&len);
            st = mem ? kb_reader_open_buffer(mem, len, "stdin", &ropt, &r, &err)
                     : KB_ERR_NOMEM;
        } else {
            st = kb_reader_open_file(inputs[i], &ropt, &r, &err);
        }
        if (st != KB_OK) {
            print_error(&err);
            free(mem);
            bad = 1;
            continue;
        }
        kb_record rec;
        while (kb_reader_next(r, &rec)) {
            st = kb_write_conllu(stdout, &rec);
            if (st == KB_ERR_INVALID) {
                fprintf(stderr, "%s: %s: only raw text, JSON Lines and CoNLL-U "
                                "can be parsed\n", prog, inputs[i]);
                bad = 1;
                break;
            }
            if (st != KB_OK) {
                fprintf(stderr, "%s: cannot write output\n", prog);
                bad = 1;
                break;
            }
        }
        bad |= kb_reader_errors(r) > 0;
        kb_reader_free(r);
        free(mem);
    }
    kb_model_free(model);
    return bad;
}

/* ---- eval-parse ------------------------------------------------------ */

static void usage_eval(FILE *f)
{
    fprintf(f,
            "usage: khabar eval-parse [options] GOLD.conllu...\n"
            "\n"
            "Tags and parses the gold sentences from their words alone (gold\n"
            "tokenization) and reports UPOS, XPOS, UAS and LAS (relations\n"
            "compared on their universal part) as percentages. Then does the\n"
            "same from raw text: each document is rebuilt from the \"# text\"\n"
            "lines (a blank line at \"# newpar\"), segmented, tagged and parsed\n"
            "as `khabar parse` would, its words aligned to the gold words by\n"
            "character span (CoNLL 2018 shared task), and reports token, word\n"
            "and sentence F1 and UPOS, XPOS, UAS, LAS F1 over the words.\n"
            "Hyphenated words stay whole (the default tokenization) while UD\n"
            "English splits them, which costs about 0.6 points of token F1.\n"
            "\n"
            "  --model FILE   the NLP model (default: bundled)\n"
            "  --json         one JSON object per file: file, sentences,\n"
            "                 tokens, upos, xpos, uas, las (gold tokenization),\n"
            "                 tokens_f1, words_f1, sentences_f1, raw_upos,\n"
            "                 raw_xpos, raw_uas, raw_las (raw text)\n");
}

static int cmd_eval(int argc, char **argv)
{
    const char *model_path = NULL;
    int json = 0, nfiles = 0;
    const char *files[64];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage_eval(stdout);
            return 0;
        } else if (!strcmp(a, "--json")) {
            json = 1;
        } else if (!strcmp(a, "--model") && i + 1 < argc) {
            model_path = argv[++i];
        } else if (a[0] == '-') {
            fprintf(stderr, "%s: unknown option %s\n", prog, a);
            usage_eval(stderr);
            return EXIT_USAGE;
        } else if (nfiles < 64) {
            files[nfiles++] = a;
        }
    }
    if (nfiles == 0) {
        usage_eval(stderr);
        return EXIT_USAGE;
    }
    kb_model *model = NULL;
    kb_error err;
    if (kb_model_load(model_path, &model, &err) != KB_OK) {
        print_error(&err);
        return 1;
    }
    int bad = 0;
    for (int i = 0; i < nfiles; i++) {
        kb_eval ev;
        if (kb_eval_conllu_raw(model, files[i], diag_print, NULL, &ev, &err) !=
            KB_OK) {
            print_error(&err);
            bad = 1;
            continue;
        }
        bad |= ev.skipped > 0;
        if (json) {
            printf("{\"file\":");
            json_str(stdout, files[i]);
            printf(",\"sentences\":%zu,\"tokens\":%zu,\"upos\":%.2f,"
                   "\"xpos\":%.2f,",
                   ev.sentences, ev.tokens, ev.upos, ev.xpos);
            if (ev.parsed)
                printf("\"uas\":%.2f,\"las\":%.2f,", ev.uas, ev.las);
            else
                printf("\"uas\":null,\"las\":null,");
            printf("\"tokens_f1\":%.2f,\"words_f1\":%.2f,"
                   "\"sentences_f1\":%.2f,\"raw_upos\":%.2f,"
                   "\"raw_xpos\":%.2f,",
                   ev.tokens_f1, ev.words_f1, ev.sentences_f1, ev.raw_upos,
                   ev.raw_xpos);
            if (ev.parsed)
                printf("\"raw_uas\":%.2f,\"raw_las\":%.2f}\n", ev.raw_uas,
                       ev.raw_las);
            else
                printf("\"raw_uas\":null,\"raw_las\":null}\n");
        } else {
            printf("%s: %zu sentences, %zu tokens\n", files[i], ev.sentences,
                   ev.tokens);
            printf("  UPOS %.2f  XPOS %.2f", ev.upos, ev.xpos);
            if (ev.parsed)
                printf("  UAS %.2f  LAS %.2f", ev.uas, ev.las);
            else
                printf("  (the model has no parser)");
            printf("\n");
            printf("  raw text: tokens F1 %.2f  words F1 %.2f  sentences F1 "
                   "%.2f  UPOS %.2f  XPOS %.2f",
                   ev.tokens_f1, ev.words_f1, ev.sentences_f1, ev.raw_upos,
                   ev.raw_xpos);
            if (ev.parsed)
                printf("  UAS %.2f  LAS %.2f", ev.raw_uas, ev.raw_las);
            printf("\n");
        }
    }
    kb_model_free(model);
    return bad;
}

/* ---- main ------------------------------------------------------------ */

static void usage(FILE *f)
{
    fprintf(f,
            "usage: khabar COMMAND [options]\n"
            "\n"
            "Commands:\n"
            "  code      code parsed sentences (PETRARCH XML, CoNLL-U) into events\n"
            "  validate  run a PETRARCH validation file and report the score\n"
            "  parse     tokenize, tag and parse raw text into CoNLL-U\n"
            "  eval-parse  score the tagger and parser on gold CoNLL-U\n"
            "  help      show this text (khabar COMMAND --help for a command)\n"
            "\n"
            "Options: --version\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "version")) {
        printf("khabar %s\n", KB_VERSION);
        return 0;
    }
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        usage(stdout);
        return 0;
    }
    if (!strcmp(cmd, "validate"))
        return cmd_validate(argc - 1, argv + 1);
    if (!strcmp(cmd, "code"))
        return cmd_code(argc - 1, argv + 1);
    if (!strcmp(cmd, "parse"))
        return cmd_parse(argc - 1, argv + 1);
    if (!strcmp(cmd, "actors"))
        return cmd_actors(argc - 1, argv + 1);
    if (!strcmp(cmd, "eval-parse"))
        return cmd_eval(argc - 1, argv + 1);
    fprintf(stderr, "%s: unknown command '%s'\n", prog, cmd);
    usage(stderr);
    return EXIT_USAGE;
}
