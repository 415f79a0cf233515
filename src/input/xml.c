/* xml.c - PETRARCH XML input (validation files and batch input) read with
 * libxml2's streaming xmlTextReader.
 *
 * The document is kept in memory and handed to libxml2 in pieces that end
 * at a '>', so the parser never runs more than one tag ahead of the record
 * being assembled: every record closed before a well-formedness error is
 * yielded before that error stops the reading. Errors go to a handler set
 * on this reader; the few that libxml2 sends to its per-thread hooks
 * instead are caught by pointing those hooks here only while libxml2 runs
 * for us. Entities declared in the document are not expanded in text, so
 * a document cannot pull in local files. */
#include <libxml/xmlreader.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "khabar.h"
#include "input.h"
#include "../base/arena.h"
#include "../base/error.h"
#include "../base/util.h"
#include "../base/vec.h"

/* Character data being gathered for one element. */
typedef struct collector {
    int active;
    int depth;          /* depth of the element whose text this is */
    int trim;           /* strip surrounding blanks (file names) */
    const char **slot;  /* where the finished string goes */
    kbi_arena *arena;   /* what it is allocated from */
    char *buf;
    size_t n, cap;
} collector;

/* The record being assembled. */
typedef struct building {
    kb_record rec;
    int depth;          /* depth of its <Sentence> */
    int problem_line;   /* first problem found inside, if any */
    char problem[200];
    int nomem;
} building;

struct kbi_xml_reader {
    xmlTextReaderPtr xr;
    char *data;         /* our copy of the document */
    size_t len, pos;    /* pos: how much libxml2 has been given */
    int mark_line;      /* a line start found before: line number ... */
    size_t mark_off;    /* ... and byte offset */
    char name[256];
    kb_diag_fn diag;
    void *user;
    size_t errors;
    int done;           /* nothing more will be read */
    int pending;        /* positioned on a <Sentence> not yet handled */
    int failed;         /* a fatal XML error arrived; `fatal` has it */
    kb_error fatal;
    int in_env;
    kb_config config;   /* options in force at the current point */
    kb_environment env;
    kbi_arena env_arena;
    kbi_arena arena;    /* the current record's strings */
    collector text;
    kb_expected *exp;
    size_t nexp, expcap;
    building b;
};

/* ---- reporting --------------------------------------------------------- */

static void report(kbi_xml_reader *r, kb_status code, int line, int column,
                   const char *record, const char *fmt, ...) KBI_PRINTF(6, 7);

static void report(kbi_xml_reader *r, kb_status code, int line, int column,
                   const char *record, const char *fmt, ...)
{
    if (!r->diag)
        return;
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    kb_error e;
    kbi_error_set(&e, code, r->name, line, column, "%s", msg);
    if (record)
        snprintf(e.record, sizeof e.record, "%s", record);
    r->diag(r->user, &e);
}

/* Whether line:column is where the input ends (blanks aside). */
static int at_end(const kbi_xml_reader *r, int line, int column)
{
    if (r->pos != r->len || line < 1 || column < 1)
        return 0;
    size_t i = 0;
    for (int l = 1; l < line && i < r->len; i++)
        if (r->data[i] == '\n')
            l++;
    i += (size_t)column - 1;
    for (; i < r->len; i++)
        if (!kbi_isspace((unsigned char)r->data[i]))
            return 0;
    return 1;
}

static int has_start_tag(const kbi_xml_reader *r)
{
    for (size_t i = 0; i + 1 < r->len; i++) {
        unsigned char c = (unsigned char)r->data[i + 1];
        if (r->data[i] == '<' &&
            ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
             c == ':' || c >= 0x80))
            return 1;
    }
    return 0;
}

/* libxml2 calls this for every problem it finds in this reader's input.
 * The first fatal error is held back until the records before it have
 * been handed out; later messages are consequences of it. */
#if LIBXML_VERSION >= 21200
static void on_xml_error(void *arg, const xmlError *e)
#else
static void on_xml_error(void *arg, xmlErrorPtr e)
#endif
{
    kbi_xml_reader *r = arg;
    if (!e || e->level == XML_ERR_WARNING || e->level == XML_ERR_NONE ||
        r->failed)
        return;
    char msg[400];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "XML error");
    size_t n = strlen(msg);
    while (n > 0 && kbi_isspace((unsigned char)msg[n - 1]))
        msg[--n] = '\0';
    for (char *p = msg; *p; p++) /* some messages have a second line */
        if (*p == '\n')
            *p = ' ';
    /* the push parser says "extra content" when the input just stops */
    if (e->code == XML_ERR_DOCUMENT_END && at_end(r, e->line, e->int2))
        snprintf(msg, sizeof msg, "%s",
                 has_start_tag(r) ? "the document ends inside an element "
                                    "(expected its closing tag)"
                                  : "empty document: no XML element");
    int line = e->line, column = e->int2;
    if (line <= 0 && r->xr) { /* not from the parser: say where it is */
        line = xmlTextReaderGetParserLineNumber(r->xr);
        column = xmlTextReaderGetParserColumnNumber(r->xr);
    }
    if (e->level == XML_ERR_FATAL) {
        r->failed = 1;
        kbi_error_set(&r->fatal, KB_ERR_SYNTAX, r->name, line, column, "%s",
                      msg);
        return;
    }
    report(r, KB_ERR_SYNTAX, line, column, NULL, "%s", msg);
}

/* Ends the reading, reporting why when it was not a clean end. */
static void stop(kbi_xml_reader *r, int ret)
{
    if (r->done)
        return;
    r->done = 1;
    if (r->failed) {
        r->errors++;
        if (r->diag)
            r->diag(r->user, &r->fatal);
    } else if (ret < 0) {
        r->errors++;
        report(r, KB_ERR_SYNTAX, xmlTextReaderGetParserLineNumber(r->xr),
               xmlTextReaderGetParserColumnNumber(r->xr), NULL,
               "cannot read the XML document");
    }
}

/* ---- feeding and walking ----------------------------------------------- */

/* libxml2's input callback: the next piece of the document, up to and
 * including the next '>'. */
static int feed(void *ctx, char *buf, int len)
{
    kbi_xml_reader *r = ctx;
    size_t left = r->len - r->pos;
    if (len <= 0 || left == 0)
        return 0;
    size_t n = left < (size_t)len ? left : (size_t)len;
    const char *gt = memchr(r->data + r->pos, '>', n);
    if (gt)
        n = (size_t)(gt - (r->data + r->pos)) + 1;
    memcpy(buf, r->data + r->pos, n);
    r->pos += n;
    return (int)n;
}

/* A few libxml2 errors (encoding conversion) skip the reader's handler and
 * go to the thread's error hooks, which print to stderr by default. While
 * libxml2 runs for us, those hooks point here; they are put back after. */
typedef struct saved_hooks {
    xmlStructuredErrorFunc sfn;
    void *sctx;
    xmlGenericErrorFunc gfn;
    void *gctx;
} saved_hooks;

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void hooks_on(kbi_xml_reader *r, saved_hooks *h)
{
    h->sfn = xmlStructuredError;
    h->sctx = xmlStructuredErrorContext;
    h->gfn = xmlGenericError;
    h->gctx = xmlGenericErrorContext;
    xmlSetStructuredErrorFunc(r, on_xml_error);
    xmlSetGenericErrorFunc(r, quiet);
}

static void hooks_off(const saved_hooks *h)
{
    xmlSetStructuredErrorFunc(h->sctx, h->sfn);
    xmlSetGenericErrorFunc(h->gctx, h->gfn);
}

static int read_node(kbi_xml_reader *r)
{
    if (r->done)
        return 0;
    saved_hooks h;
    hooks_on(r, &h);
    int ret = xmlTextReaderRead(r->xr);
    hooks_off(&h);
    if (ret != 1) {
        stop(r, ret);
        return 0;
    }
    return 1;
}

static int node_type(kbi_xml_reader *r) { return xmlTextReaderNodeType(r->xr); }
static int node_depth(kbi_xml_reader *r) { return xmlTextReaderDepth(r->xr); }
static int node_empty(kbi_xml_reader *r)
{
    return xmlTextReaderIsEmptyElement(r->xr) == 1;
}

static int node_is(kbi_xml_reader *r, const char *name)
{
    const xmlChar *n = xmlTextReaderConstLocalName(r->xr);
    return n && strcmp((const char *)n, name) == 0;
}

/* Byte offset of the start of `line`, walking on from the last answer
 * (lines asked for mostly grow). Sets r->mark_line to the line reached. */
static size_t line_offset(kbi_xml_reader *r, int line)
{
    if (line < r->mark_line || r->mark_line < 1) {
        r->mark_line = 1;
        r->mark_off = 0;
    }
    while (r->mark_line < line) {
        const char *nl =
            memchr(r->data + r->mark_off, '\n', r->len - r->mark_off);
        if (!nl)
            break;
        r->mark_off = (size_t)(nl - r->data) + 1;
        r->mark_line++;
    }
    return r->mark_off;
}

/* libxml2 dates an element by the line where its start tag ends; a tag
 * spread over lines began at the '<' found walking back from there. */
static int tag_start_line(kbi_xml_reader *r, int line)
{
    size_t i = line_offset(r, line);
    if (r->mark_line != line)
        return line;
    int l = line;
    while (i > 0) {
        char c = r->data[--i];
        if (c == '>')
            return line;
        if (c == '<')
            return l;
        if (c == '\n')
            l--;
    }
    return line;
}

/* Line of the current element. libxml2 keeps element lines in 16 bits;
 * past that the parser's position (at most one tag ahead) stands in. */
static int node_line(kbi_xml_reader *r)
{
    xmlNodePtr n = xmlTextReaderCurrentNode(r->xr);
    int line = n && n->line > 0 && n->line < 65535
                   ? n->line
                   : xmlTextReaderGetParserLineNumber(r->xr);
    return tag_start_line(r, line);
}

static int is_text(int type)
{
    return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
           type == XML_READER_TYPE_WHITESPACE ||
           type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

/* ---- collecting element text ------------------------------------------- */

static void collect_start(kbi_xml_reader *r, const char **slot, kbi_arena *a,
                          int trim)
{
    collector *c = &r->text;
    if (node_empty(r)) {
        *slot = "";
        return;
    }
    c->active = 1;
    c->depth = node_depth(r);
    c->trim = trim;
    c->slot = slot;
    c->arena = a;
    c->n = 0;
}

/* Returns 0 when out of memory. */
static int collect_text(kbi_xml_reader *r)
{
    collector *c = &r->text;
    const xmlChar *v = xmlTextReaderConstValue(r->xr);
    size_t k = v ? strlen((const char *)v) : 0;
    if (!kbi_vec_reserve(NULL, (void **)&c->buf, &c->cap, c->n + k + 1, 1))
        return 0;
    memcpy(c->buf + c->n, v, k);
    c->n += k;
    return 1;
}

/* At an end tag: finishes the collection when it is the collected
 * element's. Returns 0 when out of memory. */
static int collect_end(kbi_xml_reader *r)
{
    collector *c = &r->text;
    if (!c->active || node_depth(r) != c->depth)
        return 1;
    c->active = 0;
    const char *s = c->buf ? c->buf : "";
    size_t n = c->n;
    if (c->trim) {
        while (n > 0 && kbi_isspace((unsigned char)*s))
            s++, n--;
        while (n > 0 && kbi_isspace((unsigned char)s[n - 1]))
            n--;
    }
    *c->slot = kbi_arena_strndup(c->arena, s, n);
    return *c->slot != NULL;
}

/* ---- outside records: environment, options, <Stop> --------------------- */

static void apply_config(kbi_xml_reader *r)
{
    xmlChar *opt = xmlTextReaderGetAttribute(r->xr, BAD_CAST "option");
    xmlChar *val = xmlTextReaderGetAttribute(r->xr, BAD_CAST "value");
    kb_error e;
    if (kb_config_set(&r->config, (const char *)opt, (const char *)val, &e) !=
        KB_OK)
        report(r, e.code, node_line(r), 0, NULL, "<Config>: %s", e.message);
    xmlFree(opt);
    xmlFree(val);
}

static void env_element(kbi_xml_reader *r)
{
    static const struct {
        const char *name;
        size_t offset;
    } files[] = {
        {"Verbfile", offsetof(kb_environment, verbfile)},
        {"Actorfile", offsetof(kb_environment, actorfile)},
        {"Agentfile", offsetof(kb_environment, agentfile)},
        {"Discardfile", offsetof(kb_environment, discardfile)},
        {"Issuefile", offsetof(kb_environment, issuefile)},
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        if (node_is(r, files[i].name)) {
            const char **slot =
                (const char **)((char *)&r->env + files[i].offset);
            collect_start(r, slot, &r->env_arena, 1);
            return;
        }
}

/* An entity reference left in element text: only the predefined
 * entities and character references are expanded (expanding entities
 * declared in the document would also let it pull in local files). */
static void unexpanded(kbi_xml_reader *r, const char *record)
{
    const xmlChar *name = xmlTextReaderConstName(r->xr);
    report(r, KB_ERR_INVALID, xmlTextReaderGetParserLineNumber(r->xr), 0,
           record, "entity &%.80s; left out: declared entities are not "
           "expanded", name ? (const char *)name : "");
}

static void outside_node(kbi_xml_reader *r)
{
    int type = node_type(r);
    if (is_text(type)) {
        if (r->text.active && !collect_text(r))
            report(r, KB_ERR_NOMEM, node_line(r), 0, NULL, "out of memory");
    } else if (type == XML_READER_TYPE_ENTITY_REFERENCE) {
        if (r->text.active)
            unexpanded(r, NULL);
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
        if (!collect_end(r))
            report(r, KB_ERR_NOMEM, node_line(r), 0, NULL, "out of memory");
        if (node_is(r, "Environment"))
            r->in_env = 0;
    } else if (type == XML_READER_TYPE_ELEMENT && !r->text.active) {
        if (node_is(r, "Environment"))
            r->in_env = !node_empty(r);
        else if (node_is(r, "Config"))
            apply_config(r);
        else if (node_is(r, "Stop"))
            stop(r, 0);
        else if (r->in_env)
            env_element(r);
    }
}

/* Reads on until a <Sentence> start tag. Returns 0 at the end. */
static int seek_sentence(kbi_xml_reader *r)
{
    while (read_node(r)) {
        if (node_type(r) == XML_READER_TYPE_ELEMENT && node_is(r, "Sentence"))
            return 1;
        outside_node(r);
    }
    return 0;
}

/* ---- records ----------------------------------------------------------- */

static void problem(kbi_xml_reader *r, const char *fmt, ...) KBI_PRINTF(2, 3);

static void problem(kbi_xml_reader *r, const char *fmt, ...)
{
    building *b = &r->b;
    if (b->problem[0])
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b->problem, sizeof b->problem, fmt, ap);
    va_end(ap);
    b->problem_line = node_line(r);
}

/* An attribute of the current element as an arena string, or NULL. */
static const char *attr(kbi_xml_reader *r, const char *name)
{
    xmlChar *v = xmlTextReaderGetAttribute(r->xr, BAD_CAST name);
    if (!v)
        return NULL;
    char *s = kbi_arena_strdup(&r->arena, (const char *)v);
    xmlFree(v);
    if (!s)
        r->b.nomem = 1;
    return s;
}

static int is_true(const char *s)
{
    if (!s)
        return 0;
    while (kbi_isspace((unsigned char)*s))
        s++;
    for (int i = 0; i < 4; i++, s++)
        if (kbi_toupper((unsigned char)*s) != "TRUE"[i])
            return 0;
    while (kbi_isspace((unsigned char)*s))
        s++;
    return *s == '\0';
}

static void on_coding(kbi_xml_reader *r)
{
    building *b = &r->b;
    const char *none = attr(r, "noevents"), *error = attr(r, "error");
    if (none) {
        b->rec.expect_none = b->rec.expect_none || is_true(none);
        return;
    }
    if (error) {
        b->rec.expect_error = error;
        return;
    }
    kb_expected x = {attr(r, "sourcecode"), attr(r, "targetcode"),
                     attr(r, "eventcode")};
    if (!x.source || !x.target || !x.code) {
        problem(r, "<EventCoding> needs sourcecode, targetcode and "
                   "eventcode (or noevents or error)");
        return;
    }
    if (!kbi_vec_reserve(NULL, (void **)&r->exp, &r->expcap, r->nexp + 1,
                         sizeof *r->exp)) {
        b->nomem = 1;
        return;
    }
    r->exp[r->nexp++] = x;
}

/* Starts a record at the current <Sentence>. */
static void begin_record(kbi_xml_reader *r)
{
    building *b = &r->b;
    kbi_arena_reset(&r->arena);
    memset(b, 0, sizeof *b);
    r->nexp = 0;
    r->text.active = 0;
    b->depth = node_depth(r);
    b->rec.line = node_line(r);
    b->rec.id = attr(r, "id");
    b->rec.date = attr(r, "date");
    b->rec.category = attr(r, "category");
    b->rec.source = attr(r, "source");
    const char *active = attr(r, "sentence");
    b->rec.active = active ? is_true(active) : 1;
    kb_config *c = kbi_arena_alloc(&r->arena, sizeof *c);
    if (c)
        *c = r->config;
    else
        b->nomem = 1;
    b->rec.config = c;
}

static int valid_date(const char *s)
{
    int32_t days;
    return s && strlen(s) == 8 && kbi_parse_dict_date(s, 8, &days);
}

/* The record is complete: returns 1 to yield it, 0 when it was reported
 * and skipped. */
static int finish_record(kbi_xml_reader *r)
{
    building *b = &r->b;
    const kb_record *rec = &b->rec;
    const char *id = rec->id && rec->id[0] ? rec->id : NULL;
    int line = b->problem[0] ? b->problem_line : rec->line;
    kb_status code = KB_ERR_SYNTAX;
    char msg[300] = "";
    if (b->nomem) {
        code = KB_ERR_NOMEM;
        snprintf(msg, sizeof msg, "out of memory");
    } else if (b->problem[0])
        snprintf(msg, sizeof msg, "%s", b->problem);
    else if (!id)
        snprintf(msg, sizeof msg, "<Sentence> has no id");
    else if (!rec->date)
        snprintf(msg, sizeof msg, "<Sentence> has no date");
    else if (!valid_date(rec->date))
        snprintf(msg, sizeof msg,
                 "date \"%.40s\" is not a calendar date written YYYYMMDD",
                 rec->date);
    else if (!rec->text && !rec->parse)
        snprintf(msg, sizeof msg, "<Sentence> has neither <Text> nor <Parse>");
    if (msg[0]) {
        r->errors++;
        report(r, code, line, 0, id, "%s; record skipped", msg);
        return 0;
    }
    b->rec.expected = r->exp;
    b->rec.n_expected = (int)r->nexp;
    return 1;
}

static void record_element(kbi_xml_reader *r)
{
    building *b = &r->b;
    if (node_is(r, "EventCoding"))
        on_coding(r);
    else if (node_is(r, "Text"))
        collect_start(r, &b->rec.text, &r->arena, 0);
    else if (node_is(r, "Parse"))
        collect_start(r, &b->rec.parse, &r->arena, 0);
    else if (node_is(r, "Skip"))
        b->rec.active = 0;
    else if (node_is(r, "Config"))
        apply_config(r); /* takes effect from the next record */
}

/* Reads the record whose <Sentence> is the current node. Returns 1 when it
 * is good, 0 when it was skipped, -1 when the input ended inside it. */
static int read_record(kbi_xml_reader *r)
{
    begin_record(r);
    if (node_empty(r))
        return finish_record(r);
    while (read_node(r)) {
        int type = node_type(r);
        if (is_text(type)) {
            if (r->text.active && !collect_text(r))
                r->b.nomem = 1;
        } else if (type == XML_READER_TYPE_ENTITY_REFERENCE) {
            if (r->text.active)
                unexpanded(r, r->b.rec.id);
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            if (r->text.active) {
                if (!collect_end(r))
                    r->b.nomem = 1;
            } else if (node_depth(r) == r->b.depth) {
                return finish_record(r);
            }
        } else if (type == XML_READER_TYPE_ELEMENT && !r->text.active) {
            record_element(r);
        }
    }
    return -1;
}

/* ---- the public functions ---------------------------------------------- */

int kbi_xml_next(kbi_xml_reader *r, kb_record *rec)
{
    if (!r)
        return 0;
    for (;;) {
        if (r->pending)
            r->pending = 0;
        else if (!seek_sentence(r))
            return 0;
        int got = read_record(r);
        if (got > 0) {
            *rec = r->b.rec;
            return 1;
        }
        if (got < 0)
            return 0;
    }
}

/* Takes `data` (allocated with kbi_realloc(NULL, ...), len + 1 bytes). */
kb_status kbi_xml_open_owned(char *data, size_t len, const char *name,
                             kb_diag_fn diag, void *user, kbi_xml_reader **out,
                             kb_error *err)
{
    kbi_xml_reader *r = kbi_realloc(NULL, NULL, 0, sizeof *r);
    if (!r) {
        kbi_free(NULL, data, len + 1);
        kbi_error_set(err, KB_ERR_NOMEM, name, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    memset(r, 0, sizeof *r);
    r->data = data;
    r->len = len;
    snprintf(r->name, sizeof r->name, "%s", name);
    r->diag = diag;
    r->user = user;
    kb_config_init(&r->config);
    kbi_arena_init(&r->env_arena, NULL);
    kbi_arena_init(&r->arena, NULL);
    xmlInitParser();
    saved_hooks h;
    hooks_on(r, &h);
    r->xr = xmlReaderForIO(feed, NULL, r, r->name, NULL, XML_PARSE_NONET);
    hooks_off(&h);
    if (!r->xr) {
        kbi_xml_free(r);
        kbi_error_set(err, KB_ERR_NOMEM, name, 0, 0,
                      "cannot create an XML reader");
        return KB_ERR_NOMEM;
    }
    xmlTextReaderSetStructuredErrorHandler(r->xr, on_xml_error, r);
    /* read up to the first record so that the environment is known */
    r->pending = seek_sentence(r);
    *out = r;
    return KB_OK;
}

const kb_environment *kbi_xml_environment(const kbi_xml_reader *r)
{
    return r ? &r->env : NULL;
}

size_t kbi_xml_errors(const kbi_xml_reader *r) { return r ? r->errors : 0; }

void kbi_xml_free(kbi_xml_reader *r)
{
    if (!r)
        return;
    if (r->xr)
        xmlFreeTextReader(r->xr);
    kbi_free(NULL, r->data, r->len + 1);
    kbi_free(NULL, r->text.buf, r->text.cap);
    kbi_free(NULL, r->exp, r->expcap * sizeof *r->exp);
    kbi_arena_free(&r->env_arena);
    kbi_arena_free(&r->arena);
    kbi_free(NULL, r, sizeof *r);
}
