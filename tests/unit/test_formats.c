/* test_formats.c - every output format written from hand-made events and
 * read back: column counts (Phoenix 10/26, GDELT 61, mentions 16, CSV as
 * its header), the values that land in each column, escaping of tabs,
 * newlines, quotes and commas, and the format names. The outputs of the
 * fixtures are also compared with tests/data/formats/ (KB_UPDATE_GOLDEN=1
 * rewrites them). */
#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "input/json.h"
#include "khabar.h"
#include "out/out.h"
#include "t.h"

#define GOLDEN "tests/data/formats/"

/* ---- fixtures ----------------------------------------------------------- */

static const char sentence1[] =
    "The Prime Minister of the Kurdistan Region, Masrour Barzani, on Sunday "
    "received in Erbil a \"delegation\"\tfrom the federal\n  Iraqi government.";
static const char sentence1_squeezed[] =
    "The Prime Minister of the Kurdistan Region, Masrour Barzani, on Sunday "
    "received in Erbil a \"delegation\" from the federal Iraqi government.";

static const kb_mention mentions3[] = {
    {"k24-1", 1, 0, 140, "Kurdistan 24", "2019-11-26",
     "https://example.org/k24?id=1,2", sentence1},
    {"k24-1", 5, 700, 800, "Kurdistan 24", "2019-11-26",
     "https://example.org/k24?id=1,2",
     "Barzani received the delegation in Erbil, his office said."},
    {"rudaw-7", 2, 120, 190, "Rudaw", "20191127", NULL,
     "On Sunday Masrour Barzani received Iraqi officials."},
};

/* An article event: place, three mentions in two articles, awkward text. */
static kb_event article_event(void)
{
    kb_event e;
    memset(&e, 0, sizeof e);
    e.source = "IRQGOV";
    e.target = "IRQGOV";
    e.code = "043";
    e.source_text = "THE PRIME MINISTER OF THE KURDISTAN REGION";
    e.target_text = "THE FEDERAL\tIRAQI GOVERNMENT";
    e.verb = "RECEIVED";
    e.pattern = "- * DELEGATION [043]";
    e.pattern_file = "/x/data/dict/CAMEO.2.0.txt";
    e.pattern_line = 1234;
    e.source_entry = "Phoenix.agents.txt:1 PRIME_MINISTER";
    e.target_entry = NULL;
    e.issues = "";
    e.doc_id = "k24-1";
    e.sentence = 1;
    e.start = 0;
    e.end = 140;
    e.sentence_text = sentence1;
    e.pub_date = "2019-11-26";
    e.event_date = "2019-11-24";
    e.date_text = "on Sunday";
    e.news_source = "Kurdistan 24";
    e.url = "https://example.org/k24?id=1,2";
    e.place.name = "Erbil";
    e.place.geonameid = 95446;
    e.place.admin_code = "IQ.11";
    e.place.admin1 = "Arbil";
    e.place.country = "IQ";
    e.place.country_cameo = "IRQ";
    e.place.feature = "city";
    e.place.lat = 36.19257;
    e.place.lon = 44.01062;
    e.place.rule = "sentence";
    e.place.text = "Erbil,\n the capital";
    e.mentions = mentions3;
    e.n_mentions = 3;
    e.num_mentions = 3;
    e.num_sources = 2;
    e.num_articles = 2;
    return e;
}

/* An article event with no place, no mentions listed, no event date, a
 * group actor and no target; code 010 has no PLOVER type. */
static kb_event bare_event(void)
{
    kb_event e;
    memset(&e, 0, sizeof e);
    e.source = "IMGMUSISI";
    e.target = "---";
    e.code = "010";
    e.source_text = "THE TERROR GROUP";
    e.target_text = "";
    e.verb = "SAID";
    e.issues = "";
    e.doc_id = "k24-1";
    e.sentence = 7;
    e.start = 900;
    e.end = 950;
    e.sentence_text = "The terror group said it was behind the attack.";
    e.pub_date = "2019-11-26";
    return e;
}

static kb_record sentence_record(void)
{
    kb_record r;
    memset(&r, 0, sizeof r);
    r.id = "DOC9_4";
    r.date = "20191124";
    r.source = "khabar";
    r.text = "The United States  warned Iran.";
    return r;
}

static kb_event record_event(void)
{
    kb_event e;
    memset(&e, 0, sizeof e);
    e.source = "USA";
    e.target = "IRN";
    e.code = "130";
    e.source_text = "THE UNITED STATES";
    e.target_text = "IRAN";
    e.verb = "WARNED";
    e.source_entry = "Phoenix.Countries.actors.txt:50454 THE_UNITED_STATES";
    e.target_entry = "Phoenix.Countries.actors.txt:22009 IRAN_";
    e.issues = "";
    return e;
}

/* ---- reading back --------------------------------------------------------- */

/* Everything written to f, as a malloc'd string. */
static char *slurp(FILE *f)
{
    long n = ftell(f);
    char *s = malloc((size_t)(n > 0 ? n : 0) + 1);
    rewind(f);
    size_t got = n > 0 ? fread(s, 1, (size_t)n, f) : 0;
    s[got] = '\0';
    return s;
}

/* The output of one format for the events (rec for the first only). */
static char *write_all(kb_format fmt, const kb_record *rec,
                       const kb_event *const *ev, int n)
{
    FILE *f = tmpfile();
    T_OK(f != NULL);
    if (!f)
        return calloc(1, 1);
    T_EQ_INT(kb_write_header(f, fmt), KB_OK);
    for (int i = 0; i < n; i++)
        T_EQ_INT(kb_write_event(f, fmt, i == 0 ? rec : NULL, ev[i]), KB_OK);
    char *s = slurp(f);
    fclose(f);
    return s;
}

/* Splits s in place at sep; returns the number of fields (at most max). */
static int split(char *s, int sep, char **field, int max)
{
    int n = 0;
    field[n++] = s;
    for (char *p = s; *p; p++)
        if (*p == sep) {
            *p = '\0';
            if (n < max)
                field[n++] = p + 1;
            else
                return max + 1;
        }
    return n;
}

/* Line i (0-based) of s, copied into a static buffer. */
static char *line_of(const char *s, int i)
{
    static char buf[8192];
    for (; i > 0 && s; i--) {
        s = strchr(s, '\n');
        if (s)
            s++;
    }
    if (!s || !*s)
        return NULL;
    size_t n = strcspn(s, "\n");
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return buf;
}

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

static int parse_json(const char *s, kbi_arena *a, kbi_json_object *o)
{
    int col = 0;
    const char *why = NULL;
    int ok = kbi_json_parse_object(s, strlen(s), a, o, &col, &why);
    if (!ok)
        T_FAIL("bad JSON at column %d (%s): %s", col, why, s);
    return ok;
}

static const char *jstr(const kbi_json_object *o, const char *key)
{
    const kbi_json_member *m = kbi_json_get(o, key);
    return m ? m->value : "(missing)";
}

/* The objects of a JSON array of objects, each parsed into o[i]. */
static int json_array(const char *s, kbi_arena *a, kbi_json_object *o, int max)
{
    int n = 0, depth = 0, in_str = 0;
    const char *start = NULL;
    if (*s != '[')
        return -1;
    for (const char *p = s + 1; *p; p++) {
        if (in_str) {
            if (*p == '\\')
                p++;
            else if (*p == '"')
                in_str = 0;
            continue;
        }
        if (*p == '"')
            in_str = 1;
        else if (*p == '{' && depth++ == 0)
            start = p;
        else if (*p == '}' && --depth == 0 && n < max) {
            size_t len = (size_t)(p - start + 1);
            char *obj = kbi_arena_alloc(a, len + 1);
            memcpy(obj, start, len);
            obj[len] = '\0';
            if (!parse_json(obj, a, &o[n++]))
                return -1;
        }
    }
    return n;
}

/* RFC 4180 reader: the records of s (CRLF or LF), fields unquoted.
 * Returns the number of records; fields[r][c], ncols[r]. */
enum { MAXREC = 8, MAXCOL = 80 };
static int csv_read(const char *s, char *out, char *fields[MAXREC][MAXCOL],
                    int ncols[MAXREC])
{
    int r = 0, c = 0;
    char *o = out;
    const char *p = s;
    if (!*p)
        return 0;
    fields[0][0] = o;
    while (*p && r < MAXREC) {
        if (*p == '"' && o == fields[r][c]) {
            for (p++; *p; p++) {
                if (*p == '"' && p[1] == '"')
                    *o++ = *++p;
                else if (*p == '"')
                    break;
                else
                    *o++ = *p;
            }
            if (*p)
                p++;
            if (*p && *p != ',' && *p != '\r' && *p != '\n') {
                T_FAIL("text after a closing quote");
                return -1;
            }
            continue;
        }
        if (*p == ',' || *p == '\r' || *p == '\n') {
            *o++ = '\0';
            if (*p == ',') {
                if (c + 1 < MAXCOL)
                    c++;
                fields[r][c] = o;
                p++;
                continue;
            }
            if (*p == '\r' && p[1] == '\n')
                p++;
            else if (*p == '\r')
                T_FAIL("CR without LF");
            p++;
            ncols[r] = c + 1;
            r++;
            c = 0;
            if (r < MAXREC)
                fields[r][0] = o;
            continue;
        }
        *o++ = *p++;
    }
    return r;
}

static int col_index(char *header[MAXCOL], int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(header[i], name) == 0)
            return i;
    T_FAIL("no column %s", name);
    return 0;
}

/* Compares s with the golden file (rewrites it when KB_UPDATE_GOLDEN). */
static void golden(const char *name, const char *s)
{
    char path[256];
    snprintf(path, sizeof path, GOLDEN "%s", name);
    if (getenv("KB_UPDATE_GOLDEN")) {
        FILE *f = fopen(path, "wb");
        T_OK(f != NULL);
        if (f) {
            fputs(s, f);
            fclose(f);
        }
        return;
    }
    FILE *f = fopen(path, "rb");
    T_OK(f != NULL);
    if (!f)
        return;
    fseek(f, 0, SEEK_END);
    char *want = slurp(f);
    fclose(f);
    if (strcmp(want, s) != 0)
        T_FAIL("%s differs from the output:\n%s", path, s);
    free(want);
}

/* The id as the formats document it, computed independently. */
static uint64_t fnv_id(const char *doc, int sentence, const char *code,
                       const char *src, const char *tgt)
{
    char num[16];
    snprintf(num, sizeof num, "%d", sentence);
    const char *parts[5] = {doc, num, code, src, tgt};
    uint64_t h = 0xcbf29ce484222325ULL;
    for (int i = 0; i < 5; i++) {
        for (const unsigned char *p = (const unsigned char *)parts[i]; *p; p++)
            h = (h ^ *p) * 0x100000001b3ULL;
        h = (h ^ 0x1f) * 0x100000001b3ULL;
    }
    h &= 0x7fffffffffffffffULL;
    return h ? h : 1;
}

static char article_id[24], bare_id[24], record_id_s[24];

static void ids(void)
{
    snprintf(article_id, sizeof article_id, "%" PRIu64,
             fnv_id("k24-1", 1, "043", "IRQGOV", "IRQGOV"));
    snprintf(bare_id, sizeof bare_id, "%" PRIu64,
             fnv_id("k24-1", 7, "010", "IMGMUSISI", "---"));
    snprintf(record_id_s, sizeof record_id_s, "%" PRIu64,
             fnv_id("DOC9", 4, "130", "USA", "IRN"));
}

/* ---- tests ------------------------------------------------------------------ */

static void test_format_names(void)
{
    static const struct { const char *name; kb_format fmt; } ok[] = {
        {"jsonl", KB_FORMAT_JSONL},   {"phoenix", KB_FORMAT_PHOENIX},
        {"gdelt", KB_FORMAT_GDELT},   {"gdelt-mentions", KB_FORMAT_GDELT_MENTIONS},
        {"plover", KB_FORMAT_PLOVER}, {"csv", KB_FORMAT_CSV}};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        kb_format f = (kb_format)-1;
        T_EQ_INT(kb_format_parse(ok[i].name, &f), KB_OK);
        T_EQ_INT(f, ok[i].fmt);
    }
    static const char *const bad[] = {"", "JSONL", "json", "tsv", "gdelt_mentions",
                                      "mentions", "csv ", "conllu", "xml",
                                      "phoenix26", "plover-json"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        kb_format f = KB_FORMAT_CSV;
        T_EQ_INT(kb_format_parse(bad[i], &f), KB_ERR_INVALID);
        T_EQ_INT(f, KB_FORMAT_CSV); /* untouched */
    }
    kb_format f;
    T_EQ_INT(kb_format_parse(NULL, &f), KB_ERR_INVALID);
    T_EQ_INT(kb_write_event(stdout, (kb_format)99, NULL, NULL), KB_ERR_INVALID);
}

/* Sentence records keep their JSON line byte for byte. */
static void test_jsonl_record(void)
{
    kb_record r = sentence_record();
    kb_event e = record_event();
    const kb_event *ev[] = {&e};
    char *s = write_all(KB_FORMAT_JSONL, &r, ev, 1);
    T_EQ_STR(s,
             "{\"doc_id\":\"DOC9\",\"sentence\":4,\"record_id\":\"DOC9_4\","
             "\"date\":\"2019-11-24\",\"source\":\"USA\",\"target\":\"IRN\","
             "\"code\":\"130\",\"root_code\":\"13\",\"quad_class\":3,"
             "\"goldstein\":-4.4,\"plover\":{\"event\":\"THREATEN\","
             "\"mode\":\"\",\"context\":\"\"},\"source_text\":\"THE UNITED "
             "STATES\",\"target_text\":\"IRAN\",\"verb\":\"WARNED\","
             "\"pattern\":null,\"pattern_at\":null,\"source_entry\":"
             "\"Phoenix.Countries.actors.txt:50454 THE_UNITED_STATES\","
             "\"target_entry\":\"Phoenix.Countries.actors.txt:22009 IRAN_\","
             "\"issues\":\"\",\"news_source\":\"khabar\",\"text\":\"The "
             "United States warned Iran.\"}\n");
    free(s);
}

static const char *const record_keys[] = {
    "doc_id", "sentence", "record_id", "date", "source", "target", "code",
    "root_code", "quad_class", "goldstein", "plover", "source_text",
    "target_text", "verb", "pattern", "pattern_at", "source_entry",
    "target_entry", "issues", "news_source", "text"};

static void test_jsonl_article(void)
{
    kb_event a = article_event(), b = bare_event();
    const kb_event *ev[] = {&a, &b};
    char *s = write_all(KB_FORMAT_JSONL, NULL, ev, 2);
    T_EQ_INT(count_lines(s), 2);
    golden("article.jsonl", s);
    kbi_arena ar;
    kbi_arena_init(&ar, NULL);
    kbi_json_object o, place, m[4];
    if (parse_json(line_of(s, 0), &ar, &o)) {
        /* the sentence-level keys first, in their order */
        T_OK(o.n > 21);
        for (int i = 0; i < 21 && i < o.n; i++)
            T_EQ_STR(o.m[i].key, record_keys[i]);
        T_EQ_STR(jstr(&o, "doc_id"), "k24-1");
        T_EQ_STR(jstr(&o, "sentence"), "1");
        T_EQ_STR(jstr(&o, "record_id"), "k24-1_1");
        T_EQ_STR(jstr(&o, "date"), "2019-11-24");
        T_EQ_STR(jstr(&o, "event_date"), "2019-11-24");
        T_EQ_STR(jstr(&o, "pub_date"), "2019-11-26");
        T_EQ_STR(jstr(&o, "date_text"), "on Sunday");
        T_EQ_STR(jstr(&o, "text"), sentence1_squeezed);
        T_EQ_STR(jstr(&o, "target_text"), "THE FEDERAL\tIRAQI GOVERNMENT");
        T_EQ_STR(jstr(&o, "pattern_at"), "CAMEO.2.0.txt:1234");
        T_EQ_STR(jstr(&o, "news_source"), "Kurdistan 24");
        T_EQ_STR(jstr(&o, "url"), "https://example.org/k24?id=1,2");
        T_EQ_STR(jstr(&o, "event_id"), article_id);
        T_EQ_STR(jstr(&o, "start"), "0");
        T_EQ_STR(jstr(&o, "end"), "140");
        T_EQ_STR(jstr(&o, "num_mentions"), "3");
        T_EQ_STR(jstr(&o, "num_sources"), "2");
        T_EQ_STR(jstr(&o, "num_articles"), "2");
        T_EQ_STR(jstr(&o, "goldstein"), "2.8");
        const kbi_json_member *pm = kbi_json_get(&o, "place");
        T_OK(pm && !pm->is_string);
        if (pm && parse_json(pm->value, &ar, &place)) {
            T_EQ_INT(place.n, 11);
            T_EQ_STR(jstr(&place, "name"), "Erbil");
            T_EQ_STR(jstr(&place, "geonameid"), "95446");
            T_EQ_STR(jstr(&place, "admin_code"), "IQ.11");
            T_EQ_STR(jstr(&place, "admin1"), "Arbil");
            T_EQ_STR(jstr(&place, "country"), "IQ");
            T_EQ_STR(jstr(&place, "country_cameo"), "IRQ");
            T_EQ_STR(jstr(&place, "feature"), "city");
            T_EQ_STR(jstr(&place, "lat"), "36.19257");
            T_EQ_STR(jstr(&place, "lon"), "44.01062");
            T_EQ_STR(jstr(&place, "rule"), "sentence");
            T_EQ_STR(jstr(&place, "text"), "Erbil,\n the capital");
        }
        const kbi_json_member *mm = kbi_json_get(&o, "mentions");
        T_OK(mm != NULL);
        if (mm) {
            T_EQ_INT(json_array(mm->value, &ar, m, 4), 3);
            T_EQ_STR(jstr(&m[0], "text"), sentence1_squeezed);
            T_EQ_STR(jstr(&m[1], "sentence"), "5");
            T_EQ_STR(jstr(&m[1], "start"), "700");
            T_EQ_STR(jstr(&m[2], "doc_id"), "rudaw-7");
            T_EQ_STR(jstr(&m[2], "news_source"), "Rudaw");
            T_EQ_STR(jstr(&m[2], "pub_date"), "2019-11-27"); /* normalised */
            T_EQ_STR(jstr(&m[2], "url"), "null");
        }
    }
    if (parse_json(line_of(s, 1), &ar, &o)) {
        T_EQ_STR(jstr(&o, "date"), "2019-11-26"); /* no event date: pub date */
        T_EQ_STR(jstr(&o, "event_date"), "null");
        T_EQ_STR(jstr(&o, "place"), "null");
        T_EQ_STR(jstr(&o, "mentions"), "[]");
        T_EQ_STR(jstr(&o, "num_mentions"), "1"); /* at least one */
        T_EQ_STR(jstr(&o, "plover"), "null");
        T_EQ_STR(jstr(&o, "url"), "null");
        T_EQ_STR(jstr(&o, "record_id"), "k24-1_7");
    }
    kbi_arena_free(&ar);
    free(s);
}

static void test_phoenix(void)
{
    kb_record r = sentence_record();
    kb_event re = record_event(), a = article_event(), b = bare_event();
    const kb_event *ev[] = {&re, &a, &b};
    char *s = write_all(KB_FORMAT_PHOENIX, &r, ev, 3);
    T_EQ_INT(count_lines(s), 3);
    golden("events.phoenix", s);
    char *c[40];
    char *l = line_of(s, 0);
    T_EQ_INT(split(l, '\t', c, 40), 10);
    T_EQ_STR(c[0], "20191124");
    T_EQ_STR(c[5], "DOC9_4");

    l = line_of(s, 1);
    T_EQ_INT(split(l, '\t', c, 40), 26);
    T_EQ_STR(c[0], article_id);
    T_EQ_STR(c[1], "20191124");
    T_EQ_STR(c[2], "2019");
    T_EQ_STR(c[3], "11");
    T_EQ_STR(c[4], "24");
    T_EQ_STR(c[5], "IRQGOV");
    T_EQ_STR(c[6], "IRQ");
    T_EQ_STR(c[7], "GOV");
    T_EQ_STR(c[8], "");
    T_EQ_STR(c[13], "043");
    T_EQ_STR(c[14], "04");
    T_EQ_STR(c[15], "1");
    T_EQ_STR(c[16], "2.8");
    T_EQ_STR(c[18], "36.19257");
    T_EQ_STR(c[19], "44.01062");
    T_EQ_STR(c[20], "Erbil");
    T_EQ_STR(c[21], "Arbil");
    T_EQ_STR(c[22], "IQ");
    T_EQ_STR(c[23], "k24-1_1;k24-1_5;rudaw-7_2");
    T_EQ_STR(c[24], "https://example.org/k24?id=1,2");
    T_EQ_STR(c[25], "Kurdistan 24;Rudaw");

    l = line_of(s, 2);
    T_EQ_INT(split(l, '\t', c, 40), 26);
    T_EQ_STR(c[1], "20191126");
    T_EQ_STR(c[5], "IMGMUSISI");
    T_EQ_STR(c[6], "IMG");
    T_EQ_STR(c[7], "");
    T_EQ_STR(c[8], "MUS;ISI");
    T_EQ_STR(c[9], "---");
    T_EQ_STR(c[10], "");
    T_EQ_STR(c[15], "0"); /* Phoenix: roots 01-02 are class 0 */
    T_EQ_STR(c[18], "");
    T_EQ_STR(c[20], "");
    T_EQ_STR(c[23], "k24-1_7");
    T_EQ_STR(c[24], "");
    T_EQ_STR(c[25], "");
    free(s);
}

/* Phoenix's actor columns for codes without a country. */
static void test_phoenix_actors(void)
{
    kb_event e = bare_event();
    e.source = "---GOV";
    e.target = "IGOUNO";
    const kb_event *ev[] = {&e};
    char *s = write_all(KB_FORMAT_PHOENIX, NULL, ev, 1);
    char *c[40];
    T_EQ_INT(split(line_of(s, 0), '\t', c, 40), 26);
    T_EQ_STR(c[5], "---GOV");
    T_EQ_STR(c[6], "");
    T_EQ_STR(c[7], "GOV");
    T_EQ_STR(c[8], "");
    T_EQ_STR(c[9], "IGOUNO");
    T_EQ_STR(c[10], "IGO");
    T_EQ_STR(c[11], "");
    T_EQ_STR(c[12], "UNO");
    free(s);
    e.source = "SYRREBMILKUR";
    e.target = "usagov";
    s = write_all(KB_FORMAT_PHOENIX, NULL, ev, 1);
    T_EQ_INT(split(line_of(s, 0), '\t', c, 40), 26);
    T_EQ_STR(c[6], "SYR");
    T_EQ_STR(c[7], "REB");
    T_EQ_STR(c[8], "MIL;KUR");
    T_EQ_STR(c[10], "USA");
    T_EQ_STR(c[11], "GOV");
    free(s);
}

static void test_gdelt(void)
{
    kb_record r = sentence_record();
    kb_event re = record_event(), a = article_event(), b = bare_event();
    kb_event d = article_event();
    d.code = "1823";
    d.event_date = "2019-12-31";
    d.place.feature = "admin1";
    d.place.name = "Arbil";
    d.place.geonameid = 0;
    d.place.country = NULL; /* the CAMEO code finds the country */
    const kb_event *ev[] = {&re, &a, &b, &d};
    char *s = write_all(KB_FORMAT_GDELT, &r, ev, 4);
    T_EQ_INT(count_lines(s), 4);
    golden("events.gdelt", s);
    char *c[80];
    for (int i = 0; i < 4; i++) {
        char *l = line_of(s, i);
        T_EQ_INT(split(l, '\t', c, 80), 61);
    }
    char *l = line_of(s, 0);
    split(l, '\t', c, 80);
    T_EQ_STR(c[0], record_id_s);
    T_EQ_STR(c[1], "20191124");
    T_EQ_STR(c[5], "USA");
    T_EQ_STR(c[6], "THE UNITED STATES");
    T_EQ_STR(c[7], "USA");
    T_EQ_STR(c[15], "IRN");
    T_EQ_STR(c[25], "0"); /* sentence 4 is not in the lede */
    T_EQ_STR(c[29], "3");
    T_EQ_STR(c[30], "-4.4");
    T_EQ_STR(c[31], "1");
    T_EQ_STR(c[51], "0"); /* no place */
    T_EQ_STR(c[59], "20191124000000");
    T_EQ_STR(c[60], "DOC9");

    l = line_of(s, 1);
    split(l, '\t', c, 80);
    T_EQ_STR(c[0], article_id);
    T_EQ_STR(c[1], "20191124");
    T_EQ_STR(c[2], "201911");
    T_EQ_STR(c[3], "2019");
    T_EQ_STR(c[4], "2019.9699"); /* (11 * 30 + 24) / 365 */
    T_EQ_STR(c[5], "IRQGOV");
    T_EQ_STR(c[6], "THE PRIME MINISTER OF THE KURDISTAN REGION");
    T_EQ_STR(c[7], "IRQ");
    T_EQ_STR(c[8], "");
    T_EQ_STR(c[12], "GOV");
    T_EQ_STR(c[13], "");
    T_EQ_STR(c[16], "THE FEDERAL IRAQI GOVERNMENT"); /* tab -> blank */
    T_EQ_STR(c[25], "1");
    T_EQ_STR(c[26], "043");
    T_EQ_STR(c[27], "043");
    T_EQ_STR(c[28], "04");
    T_EQ_STR(c[29], "1");
    T_EQ_STR(c[30], "2.8");
    T_EQ_STR(c[31], "3");
    T_EQ_STR(c[32], "2");
    T_EQ_STR(c[33], "2");
    T_EQ_STR(c[34], "0");
    T_EQ_STR(c[35], "0"); /* Actor1Geo_Type */
    T_EQ_STR(c[43], "0"); /* Actor2Geo_Type */
    T_EQ_STR(c[51], "4");
    T_EQ_STR(c[52], "Erbil, Arbil, Iraq");
    T_EQ_STR(c[53], "IQ");
    T_EQ_STR(c[54], "IQ11");
    T_EQ_STR(c[55], "");
    T_EQ_STR(c[56], "36.19257");
    T_EQ_STR(c[57], "44.01062");
    T_EQ_STR(c[58], "95446");
    T_EQ_STR(c[59], "20191126000000");
    T_EQ_STR(c[60], "https://example.org/k24?id=1,2");

    l = line_of(s, 2);
    split(l, '\t', c, 80);
    T_EQ_STR(c[5], "IMGMUSISI");
    T_EQ_STR(c[7], "");
    T_EQ_STR(c[8], "ISI");
    T_EQ_STR(c[10], "MUS");
    T_EQ_STR(c[12], "IMG");
    T_EQ_STR(c[15], ""); /* "---": no actor */
    T_EQ_STR(c[24], "");
    T_EQ_STR(c[25], "0");
    T_EQ_STR(c[27], "010");
    T_EQ_STR(c[29], "1");
    T_EQ_STR(c[31], "1");
    T_EQ_STR(c[51], "0");
    T_EQ_STR(c[60], "k24-1"); /* no url: the doc id */

    l = line_of(s, 3);
    split(l, '\t', c, 80);
    T_EQ_STR(c[4], "2020.0712"); /* the codebook's formula, taken literally */
    T_EQ_STR(c[26], "1823");
    T_EQ_STR(c[27], "182");
    T_EQ_STR(c[28], "18");
    T_EQ_STR(c[29], "4");
    T_EQ_STR(c[51], "5"); /* a first-level division */
    T_EQ_STR(c[52], "Arbil, Iraq");
    T_EQ_STR(c[53], "IQ");
    T_EQ_STR(c[58], "IQ11");
    free(s);

    b.source = "---GOV"; /* no country: GDELT's "GOV" */
    const kb_event *one[] = {&b};
    s = write_all(KB_FORMAT_GDELT, NULL, one, 1);
    T_EQ_INT(split(line_of(s, 0), '\t', c, 80), 61);
    T_EQ_STR(c[5], "GOV");
    T_EQ_STR(c[7], "");
    T_EQ_STR(c[12], "GOV");
    free(s);
}

static void test_gdelt_mentions(void)
{
    kb_record r = sentence_record();
    kb_event re = record_event(), a = article_event(), b = bare_event();
    const kb_event *ev[] = {&re, &a, &b};
    char *s = write_all(KB_FORMAT_GDELT_MENTIONS, &r, ev, 3);
    T_EQ_INT(count_lines(s), 1 + 3 + 1);
    golden("mentions.gdelt", s);
    char *c[40];
    for (int i = 0; i < 5; i++)
        T_EQ_INT(split(line_of(s, i), '\t', c, 40), 16);
    split(line_of(s, 0), '\t', c, 40);
    T_EQ_STR(c[0], record_id_s);
    T_EQ_STR(c[1], "20191124000000");
    T_EQ_STR(c[3], "2");     /* no url */
    T_EQ_STR(c[5], "DOC9");
    T_EQ_STR(c[6], "4");
    T_EQ_STR(c[7], "0");     /* THE UNITED STATES */
    T_EQ_STR(c[8], "26");    /* Iran, after two blanks */
    T_EQ_STR(c[9], "19");    /* warned */
    T_EQ_STR(c[12], "31");   /* the record is the document */

    split(line_of(s, 1), '\t', c, 40);
    T_EQ_STR(c[0], article_id);
    T_EQ_STR(c[1], "20191126000000");
    T_EQ_STR(c[2], "20191126000000");
    T_EQ_STR(c[3], "1");
    T_EQ_STR(c[4], "Kurdistan 24");
    T_EQ_STR(c[5], "https://example.org/k24?id=1,2");
    T_EQ_STR(c[6], "1");
    T_EQ_STR(c[7], "0");
    T_EQ_STR(c[8], "109");   /* "the federal\n  Iraqi government" */
    T_EQ_STR(c[9], "71");    /* "received" */
    T_EQ_STR(c[10], "1");
    T_EQ_STR(c[11], "100");
    T_EQ_STR(c[13], "0");
    T_EQ_STR(c[14], "");
    T_EQ_STR(c[15], "");

    split(line_of(s, 2), '\t', c, 40);
    T_EQ_STR(c[0], article_id);
    T_EQ_STR(c[6], "5");
    T_EQ_STR(c[7], "-1");
    T_EQ_STR(c[9], "708");   /* 700 + "Barzani " */

    split(line_of(s, 3), '\t', c, 40);
    T_EQ_STR(c[2], "20191127000000");
    T_EQ_STR(c[3], "2");
    T_EQ_STR(c[4], "Rudaw");
    T_EQ_STR(c[5], "rudaw-7");
    T_EQ_STR(c[9], "146");   /* 120 + 26 */

    split(line_of(s, 4), '\t', c, 40);
    T_EQ_STR(c[0], bare_id);
    T_EQ_STR(c[5], "k24-1");
    T_EQ_STR(c[6], "7");
    T_EQ_STR(c[7], "900");   /* "The terror group" at the sentence start */
    T_EQ_STR(c[8], "-1");
    T_EQ_STR(c[9], "917");
    free(s);
}

static void test_plover(void)
{
    kb_record r = sentence_record();
    kb_event re = record_event(), a = article_event(), b = bare_event();
    const kb_event *ev[] = {&re, &a, &b};
    char *s = write_all(KB_FORMAT_PLOVER, &r, ev, 3);
    T_EQ_INT(count_lines(s), 3);
    golden("events.plover", s);
    kbi_arena ar;
    kbi_arena_init(&ar, NULL);
    kbi_json_object o, loc;
    if (parse_json(line_of(s, 0), &ar, &o)) {
        T_EQ_STR(jstr(&o, "id"), record_id_s);
        T_EQ_STR(jstr(&o, "event"), "THREATEN");
        T_EQ_STR(jstr(&o, "mode"), "null");
        T_EQ_STR(jstr(&o, "context"), "[]");
        T_EQ_STR(jstr(&o, "actor"), "USA");
        T_EQ_STR(jstr(&o, "actor_country"), "USA");
        T_EQ_STR(jstr(&o, "recipient"), "IRN");
        T_EQ_STR(jstr(&o, "location"), "null");
        T_EQ_STR(jstr(&o, "text"), "The United States warned Iran.");
    }
    if (parse_json(line_of(s, 1), &ar, &o)) {
        T_EQ_STR(jstr(&o, "id"), article_id);
        T_EQ_STR(jstr(&o, "date"), "2019-11-24");
        T_EQ_STR(jstr(&o, "event"), "CONSULT");
        T_EQ_STR(jstr(&o, "mode"), "visit");
        T_EQ_STR(jstr(&o, "quad_code"), "1");
        T_EQ_STR(jstr(&o, "event_scale"), "2.8");
        T_EQ_STR(jstr(&o, "cameo_code"), "043");
        T_EQ_STR(jstr(&o, "actor"), "IRQGOV");
        T_EQ_STR(jstr(&o, "actor_country"), "IRQ");
        T_EQ_STR(jstr(&o, "actor_role"), "[\"GOV\"]");
        T_EQ_STR(jstr(&o, "recipient_name"), "THE FEDERAL\tIRAQI GOVERNMENT");
        T_EQ_STR(jstr(&o, "text"), sentence1_squeezed);
        T_EQ_STR(jstr(&o, "coder"), "khabar");
        T_EQ_STR(jstr(&o, "coder_version"), KB_VERSION);
        const kbi_json_member *lm = kbi_json_get(&o, "location");
        if (lm && parse_json(lm->value, &ar, &loc)) {
            T_EQ_STR(jstr(&loc, "name"), "Erbil");
            T_EQ_STR(jstr(&loc, "geonameid"), "95446");
            T_EQ_STR(jstr(&loc, "lat"), "36.19257");
            T_EQ_STR(jstr(&loc, "admin1"), "Arbil");
            T_EQ_STR(jstr(&loc, "country"), "IQ");
        } else {
            T_FAIL("no location object");
        }
    }
    if (parse_json(line_of(s, 2), &ar, &o)) {
        T_EQ_STR(jstr(&o, "event"), "null"); /* 010: no PLOVER type */
        T_EQ_STR(jstr(&o, "cameo_code"), "010");
        T_EQ_STR(jstr(&o, "actor_group"), "ISI");
        T_EQ_STR(jstr(&o, "actor_religion"), "[\"MUS\"]");
        T_EQ_STR(jstr(&o, "actor_role"), "[\"IMG\"]");
        T_EQ_STR(jstr(&o, "recipient"), "null");
        T_EQ_STR(jstr(&o, "recipient_role"), "[]");
    }
    kbi_arena_free(&ar);
    free(s);
}

static void test_csv(void)
{
    kb_record r = sentence_record();
    kb_event re = record_event(), a = article_event(), b = bare_event();
    const kb_event *ev[] = {&re, &a, &b};
    char *s = write_all(KB_FORMAT_CSV, &r, ev, 3);
    golden("events.csv", s);
    char *buf = malloc(strlen(s) + 1);
    static char *f[MAXREC][MAXCOL];
    int n[MAXREC];
    int nrec = csv_read(s, buf, f, n);
    T_EQ_INT(nrec, 4);
    for (int i = 1; i < nrec; i++)
        T_EQ_INT(n[i], n[0]);
    int h = n[0];
    T_EQ_INT(h, 52);
    T_EQ_STR(f[0][0], "event_id");
    T_EQ_STR(f[0][h - 1], "text");
    /* the record */
    T_EQ_STR(f[1][col_index(f[0], h, "event_id")], record_id_s);
    T_EQ_STR(f[1][col_index(f[0], h, "record_id")], "DOC9_4");
    T_EQ_STR(f[1][col_index(f[0], h, "date")], "2019-11-24");
    T_EQ_STR(f[1][col_index(f[0], h, "event_date")], "");
    T_EQ_STR(f[1][col_index(f[0], h, "goldstein")], "-4.4");
    T_EQ_STR(f[1][col_index(f[0], h, "text")], "The United States warned Iran.");
    /* the article event: quoting of commas, quotes, newlines */
    T_EQ_STR(f[2][col_index(f[0], h, "text")], sentence1_squeezed);
    T_EQ_STR(f[2][col_index(f[0], h, "url")], "https://example.org/k24?id=1,2");
    T_EQ_STR(f[2][col_index(f[0], h, "place_text")], "Erbil,\n the capital");
    T_EQ_STR(f[2][col_index(f[0], h, "target_text")], "THE FEDERAL\tIRAQI GOVERNMENT");
    T_EQ_STR(f[2][col_index(f[0], h, "date")], "2019-11-24");
    T_EQ_STR(f[2][col_index(f[0], h, "pub_date")], "2019-11-26");
    T_EQ_STR(f[2][col_index(f[0], h, "plover_event")], "CONSULT");
    T_EQ_STR(f[2][col_index(f[0], h, "place_geonameid")], "95446");
    T_EQ_STR(f[2][col_index(f[0], h, "place_lon")], "44.01062");
    T_EQ_STR(f[2][col_index(f[0], h, "mentions")], "3");
    T_EQ_STR(f[2][col_index(f[0], h, "mention1_doc_id")], "k24-1");
    T_EQ_STR(f[2][col_index(f[0], h, "mention1_url")], "https://example.org/k24?id=1,2");
    T_EQ_STR(f[2][col_index(f[0], h, "pattern_at")], "CAMEO.2.0.txt:1234");
    /* the bare event */
    T_EQ_STR(f[3][col_index(f[0], h, "place_name")], "");
    T_EQ_STR(f[3][col_index(f[0], h, "plover_event")], "");
    T_EQ_STR(f[3][col_index(f[0], h, "mentions")], "0");
    T_EQ_STR(f[3][col_index(f[0], h, "num_mentions")], "1");
    /* quotes are doubled in the raw text, CRLF ends each record */
    T_OK(strstr(s, "\"\"delegation\"\"") != NULL);
    T_OK(strstr(s, "text\r\n") != NULL);
    free(buf);
    free(s);
}

static void test_header_only_csv(void)
{
    static const kb_format others[] = {KB_FORMAT_JSONL, KB_FORMAT_PHOENIX,
                                       KB_FORMAT_GDELT, KB_FORMAT_GDELT_MENTIONS,
                                       KB_FORMAT_PLOVER};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        FILE *f = tmpfile();
        if (!f)
            continue;
        T_EQ_INT(kb_write_header(f, others[i]), KB_OK);
        T_EQ_INT(ftell(f), 0);
        fclose(f);
    }
}

/* A stream that cannot be written: every format says KB_ERR_IO. */
static void test_write_error(void)
{
    FILE *f = fopen("/dev/null", "r");
    if (!f)
        return;
    kb_event a = article_event();
    for (int fmt = KB_FORMAT_JSONL; fmt <= KB_FORMAT_CSV; fmt++)
        T_EQ_INT(kb_write_event(f, (kb_format)fmt, NULL, &a), KB_ERR_IO);
    fclose(f);
}

static void test_actor_split(void)
{
    static const struct {
        const char *code, *country, *group, *ethnic, *rel1, *rel2, *t1, *t2;
    } cases[] = {
        {"IRQGOV", "IRQ", "", "", "", "", "GOV", ""},
        {"USA", "USA", "", "", "", "", "", ""},
        {"IGOUNO", "", "UNO", "", "", "", "IGO", ""},
        {"IMGMUSISI", "", "ISI", "", "MUS", "", "IMG", ""},
        {"NGOUSAARBMOS", "USA", "", "ARB", "MOS", "", "NGO", ""},
        {"LBNCHRMAR", "LBN", "", "", "CHR", "MAR", "", ""},
        {"MAR", "MAR", "", "", "", "", "", ""}, /* Morocco */
        {"SYRREBMIL", "SYR", "", "", "", "", "REB", "MIL"},
        {"AFRGOV", "AFR", "", "", "", "", "GOV", ""},
        {"IRQKUR", "IRQ", "", "KUR", "", "", "", ""},
        {"irqgov", "IRQ", "", "", "", "", "GOV", ""},
        {"---GOV", "", "", "", "", "", "GOV", ""},
        {"---MEDGOV", "", "", "", "", "", "MED", "GOV"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kbi_actor a;
        T_EQ_INT(kbi_actor_split(cases[i].code, &a), 1);
        T_EQ_STR(a.country, cases[i].country);
        T_EQ_STR(a.group, cases[i].group);
        T_EQ_STR(a.ethnic, cases[i].ethnic);
        T_EQ_STR(a.religion[0], cases[i].rel1);
        T_EQ_STR(a.religion[1], cases[i].rel2);
        T_EQ_STR(a.type[0], cases[i].t1);
        T_EQ_STR(a.type[1], cases[i].t2);
    }
    kbi_actor a;
    T_EQ_INT(kbi_actor_split("---", &a), 0);
    T_EQ_INT(kbi_actor_split("", &a), 0);
    T_EQ_INT(kbi_actor_split(NULL, &a), 0);
    T_EQ_INT(kbi_actor_split("US", &a), 0);
    /* every region and country code is found, in sorted order */
    for (size_t i = 1; i < kbi_ncountries; i++)
        T_OK(strcmp(kbi_countries[i - 1].cameo, kbi_countries[i].cameo) < 0);
    T_OK(kbi_country_by_cameo("IRQ") && !strcmp(kbi_country_by_cameo("IRQ")->iso2, "IQ"));
    T_OK(kbi_country_by_iso2("US") && !strcmp(kbi_country_by_iso2("US")->cameo, "USA"));
    T_OK(kbi_country_by_cameo("GOV") == NULL);
}

static void test_numbers_and_words(void)
{
    char b[40];
    T_EQ_STR(kbi_fmt_double(36.19257, b, sizeof b), "36.19257");
    T_EQ_STR(kbi_fmt_double(-4.4, b, sizeof b), "-4.4");
    T_EQ_STR(kbi_fmt_double(100, b, sizeof b), "100");
    T_EQ_STR(kbi_fmt_double(-0.0, b, sizeof b), "0");
    T_EQ_STR(kbi_fmt_double(0.0005, b, sizeof b), "0.0005");
    T_EQ_STR(kbi_fmt_double(0.1 + 0.2, b, sizeof b), "0.30000000000000004");
    T_EQ_INT(kbi_find_words("He said the thing", "THE"), 8);
    T_EQ_INT(kbi_find_words("Then he left", "HE"), 5);
    T_EQ_INT(kbi_find_words("the  United\nStates", "UNITED STATES"), 5);
    T_EQ_INT(kbi_find_words("Other", "THE"), -1);
    T_EQ_INT(kbi_find_words("a b", "---"), -1);
    T_EQ_INT(kbi_find_words("a b", ""), -1);
    T_EQ_INT(kbi_find_words(NULL, "A"), -1);
    T_EQ_INT(kbi_quad_gdelt("09"), 3);
    T_EQ_INT(kbi_quad_gdelt("145"), 4);
    T_EQ_INT(kbi_quad_gdelt("0874"), 2);
    T_EQ_INT(kbi_quad_gdelt("---"), 0);
    T_EQ_INT(kbi_quad_phoenix("020"), 0);
    T_EQ_INT(kbi_quad_phoenix("16"), 3);
    T_EQ_INT(kbi_quad_phoenix("03"), 1);
}

int main(void)
{
    ids();
    T_RUN(test_format_names);
    T_RUN(test_jsonl_record);
    T_RUN(test_jsonl_article);
    T_RUN(test_phoenix);
    T_RUN(test_phoenix_actors);
    T_RUN(test_gdelt);
    T_RUN(test_gdelt_mentions);
    T_RUN(test_plover);
    T_RUN(test_csv);
    T_RUN(test_header_only_csv);
    T_RUN(test_write_error);
    T_RUN(test_actor_split);
    T_RUN(test_numbers_and_words);
    return t_done();
}
