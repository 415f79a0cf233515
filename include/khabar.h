/*
 * khabar.h - the whole public API of libkhabar.
 *
 * Khabar turns news text into CAMEO-coded political events. Every exported
 * symbol is prefixed kb_. Objects are opaque; ownership is stated on each
 * function. Long-lived objects (kb_dict) are immutable after loading and may
 * be shared by threads without locks.
 */
#ifndef KHABAR_H
#define KHABAR_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(KB_BUILDING) && defined(__GNUC__)
#define KB_API __attribute__((visibility("default")))
#else
#define KB_API
#endif

#define KB_VERSION "0.1.0"

/* ---- status and errors ------------------------------------------------ */

typedef enum kb_status {
    KB_OK = 0,
    KB_ERR_NOMEM,    /* an allocation failed */
    KB_ERR_IO,       /* a file could not be opened or read */
    KB_ERR_SYNTAX,   /* malformed input: file/line/column say where */
    KB_ERR_INVALID,  /* bad argument or option value */
    KB_ERR_LIMIT     /* input exceeds a hard limit (depth, size) */
} kb_status;

/* Where and what. `file` is NUL-terminated; line and column are 1-based, 0
 * when unknown. `record` names the input record (e.g. a sentence id) when the
 * error belongs to one. */
typedef struct kb_error {
    kb_status code;
    int line;
    int column;
    char file[256];
    char record[128];
    char message[512];
} kb_error;

KB_API const char *kb_status_str(kb_status s);

/* Formats "file:line:column: message" (parts that are unknown are left out)
 * into buf; returns buf. */
KB_API char *kb_error_format(const kb_error *e, char *buf, size_t size);

/* Called for every problem found while reading input that the reader can step
 * over (a malformed dictionary line, a bad record). `user` is passed through. */
typedef void (*kb_diag_fn)(void *user, const kb_error *e);

/* Allocator hook (Lua style): realloc semantics; size 0 frees. Long-lived
 * objects and arenas get their memory through it. NULL means malloc. */
typedef struct kb_allocator {
    void *(*realloc)(void *ctx, void *ptr, size_t old_size, size_t new_size);
    void *ctx;
} kb_allocator;

/* ---- dictionaries ----------------------------------------------------- */

typedef struct kb_dict kb_dict;

/* Which files make a dictionary set. Any of them may be NULL except verbs.
 * The verb dialect (TABARI/PETRARCH-1 or PETRARCH-2 CAMEO) is detected from
 * the file content. */
typedef struct kb_dict_files {
    const char *verbs;
    const char *actors[8]; /* NULL-terminated if fewer than 8 */
    const char *agents;
    const char *discards;
    const char *issues;
    /* Supplements read after the files above, may be NULL: verb patterns
     * in the CAMEO.2.0 dialect (a block header naming a block of `verbs`
     * adds its patterns to that block) and more agents. */
    const char *verbs_supplement;
    const char *agents_supplement;
} kb_dict_files;

typedef struct kb_dict_options {
    int strict;               /* stop at the first malformed entry */
    kb_diag_fn diag;          /* receives each malformed entry; may be NULL */
    void *diag_user;
    const kb_allocator *alloc; /* NULL: malloc */
} kb_dict_options;

/* Loads a dictionary set. On success *out owns it; free with kb_dict_free.
 * Malformed entries are reported through opts->diag and skipped (unless
 * strict, in which case loading fails with KB_ERR_SYNTAX and err says where).
 * `opts` may be NULL. */
KB_API kb_status kb_dict_load(const kb_dict_files *files,
                              const kb_dict_options *opts, kb_dict **out,
                              kb_error *err);
KB_API void kb_dict_free(kb_dict *d);

/* Counts of what was loaded, for diagnostics and benchmarks. */
typedef struct kb_dict_stats {
    int verb_dialect;      /* 1 = TABARI/PETRARCH-1, 2 = PETRARCH-2 CAMEO */
    size_t verb_forms;     /* distinct surface forms */
    size_t verb_blocks;
    size_t patterns;
    size_t synsets;
    size_t actor_phrases;
    size_t agent_phrases;
    size_t discards;
    size_t issues;
    size_t diagnostics;    /* malformed entries reported */
} kb_dict_stats;

KB_API void kb_dict_get_stats(const kb_dict *d, kb_dict_stats *out);

/* ---- coding options --------------------------------------------------- */

/* Options that PETRARCH <Config> records change. Defaults: kb_config_init. */
typedef struct kb_config {
    int new_actor_length; /* >0: quote null actors of at most N words */
    int require_dyad;     /* drop events with a null source or target */
    int comma_min, comma_max;
    int comma_bmin, comma_bmax;
    int comma_emin, comma_emax;
    /* Article coding sets this: a verb in a clause introduced by "that"
     * ("X reported that Y warned Z") takes its source from that clause,
     * not from the sentence's first actor. 0 in PETRARCH's validation. */
    int clause_sources;
    /* Article coding sets this too: a verb that gives no event does not
     * hide the subordinate clauses with a subject of their own inside its
     * phrase ("The visit comes two days after Pompeo spoke to Salih":
     * "comes" gives nothing, "spoke" is coded). 0 in PETRARCH's
     * validation, where a verb phrase whose verb is in the dictionaries
     * is passed over whole. */
    int embedded_clauses;
} kb_config;

KB_API void kb_config_init(kb_config *c);

/* Applies one <Config option=... value=...> pair. Unknown options and bad
 * values give KB_ERR_INVALID with a message; known-but-ignored options
 * (stop_on_error, ...) return KB_OK. */
KB_API kb_status kb_config_set(kb_config *c, const char *option,
                               const char *value, kb_error *err);

/* ---- input records ---------------------------------------------------- */

/* One expected coding in a validation record. */
typedef struct kb_expected {
    const char *source;
    const char *target;
    const char *code;
} kb_expected;

/* A sentence record from PETRARCH XML. All strings are owned by the reader
 * and valid until the next kb_reader_next call or kb_reader_free. */
typedef struct kb_record {
    const char *id;
    const char *date;      /* as written: YYYYMMDD */
    const char *category;
    const char *source;    /* news source attribute, may be NULL */
    const char *text;      /* <Text>, whitespace as in the file */
    const char *parse;     /* <Parse> Penn Treebank string, may be NULL */
    int active;            /* sentence="true" (validation) */
    int line;              /* line of <Sentence> in the file */
    const kb_expected *expected;
    int n_expected;
    int expect_none;       /* noevents="True" */
    const char *expect_error; /* error="..." or NULL */
    const kb_config *config; /* options in force for this record */
    const void *parsed;    /* a parse from another source (CoNLL-U, the
                              NLP pipeline), used when parse is NULL;
                              internal to libkhabar */
} kb_record;

typedef struct kb_reader kb_reader;

/* Files named in a validation file's <Environment>, NULL when absent. */
typedef struct kb_environment {
    const char *verbfile;
    const char *actorfile;
    const char *agentfile;
    const char *discardfile;
    const char *issuefile;
} kb_environment;

/* Opens a PETRARCH XML file (validation or batch form). Free with
 * kb_reader_free. Errors in single records are reported through diag and the
 * record is skipped; a document that is not well-formed stops at the point of
 * the error (reported) after yielding every record before it. */
KB_API kb_status kb_reader_open(const char *path, kb_diag_fn diag, void *user,
                                kb_reader **out, kb_error *err);
/* Same, over a memory buffer; `name` is used in messages. */
KB_API kb_status kb_reader_open_mem(const char *data, size_t len,
                                    const char *name, kb_diag_fn diag,
                                    void *user, kb_reader **out,
                                    kb_error *err);
/* ---- Khabar's own NLP: tokenizer, tagger, parser ---------------------- */

typedef struct kb_model kb_model;

/* Loads (maps) a model file; NULL path: the bundled model. Immutable after
 * loading, shared by threads. Caller frees with kb_model_free. */
KB_API kb_status kb_model_load(const char *path, kb_model **out,
                               kb_error *err);
KB_API void kb_model_free(kb_model *m);

/* Scores of the model against a gold CoNLL-U file (percentages). upos ...
 * las: with gold tokenization (the gold words tagged and parsed). The raw_
 * fields and the F1 values: from raw text (kb_eval_conllu_raw only): each
 * document rebuilt from the "# text" lines (a blank line at "# newpar"),
 * run through the whole pipeline (text front end with default options,
 * tagger, parser), system words aligned to gold words when their character
 * spans match, and F1 over words as in the CoNLL 2018 shared task (a head
 * is right when the system head is aligned to the gold head). */
typedef struct kb_eval {
    size_t sentences, tokens, skipped;
    double upos, xpos, uas, las;
    int parsed;                /* the model has a parser: uas/las valid */
    double tag_tokens_per_s;   /* tagging speed during the run */
    double parse_tokens_per_s;
    int raw;                   /* the raw-text fields below are filled */
    double tokens_f1, words_f1, sentences_f1;
    double raw_upos, raw_xpos, raw_uas, raw_las;
} kb_eval;

KB_API kb_status kb_eval_conllu(const kb_model *m, const char *gold_path,
                                kb_diag_fn diag, void *user, kb_eval *out,
                                kb_error *err);
/* kb_eval_conllu plus the raw-text scores (about twice the time). */
KB_API kb_status kb_eval_conllu_raw(const kb_model *m, const char *gold_path,
                                    kb_diag_fn diag, void *user,
                                    kb_eval *out, kb_error *err);

/* Input formats kb_reader_open_file / _buffer accept. */
typedef enum kb_input_format {
    KB_INPUT_AUTO,    /* by extension (.xml .conllu .txt .jsonl), then by
                         content (XML '<', JSON '{', CoNLL-U, else text) */
    KB_INPUT_XML,     /* PETRARCH XML with Penn Treebank parses */
    KB_INPUT_CONLLU,  /* CoNLL-U dependency parses */
    KB_INPUT_TEXT,    /* raw text: one document, parsed with the model */
    KB_INPUT_JSONL,   /* JSON Lines articles {"id","date","text",...} */
    KB_INPUT_HTML     /* an HTML page (articles only) */
} kb_input_format;

typedef struct kb_reader_options {
    const kb_model *model; /* needed for raw text */
    kb_input_format format;
    const char *date;    /* YYYYMMDD or YYYY-MM-DD for inputs that carry
                            no date (CoNLL-U without "# date ="), or NULL */
    kb_diag_fn diag;     /* receives each bad record; may be NULL */
    void *diag_user;
    int defer_parse;     /* raw text / JSON Lines: records carry the
                            sentence text only (parse and parsed NULL);
                            code them with kb_code_record_text, e.g. on
                            worker threads */
} kb_reader_options;

/* "xml", "conllu", "text", "jsonl", "html" (or "auto") -> *out; KB_ERR_INVALID
 * otherwise. */
KB_API kb_status kb_input_format_parse(const char *name, kb_input_format *out);

/* The format of an input named `name` (may be NULL) holding d[0, len)
 * (d may be NULL: by name only): the extension (.xml .conllu .conll .txt
 * .jsonl .json .html .htm), else the first bytes: '<' and an HTML tag
 * HTML, other '<' XML, '{' JSON Lines, "1<TAB>" CoNLL-U, else text. */
KB_API kb_input_format kb_input_format_detect(const char *name,
                                              const char *d, size_t len);

/* Opens any supported input. `o` may be NULL (auto, no date, no diag). */
KB_API kb_status kb_reader_open_file(const char *path,
                                     const kb_reader_options *o,
                                     kb_reader **out, kb_error *err);
KB_API kb_status kb_reader_open_buffer(const char *data, size_t len,
                                       const char *name,
                                       const kb_reader_options *o,
                                       kb_reader **out, kb_error *err);

/* Returns 1 and fills *rec with the next record, 0 at the end. */
KB_API int kb_reader_next(kb_reader *r, kb_record *rec);
KB_API const kb_environment *kb_reader_environment(const kb_reader *r);
/* Number of records skipped because of errors so far. */
KB_API size_t kb_reader_errors(const kb_reader *r);
KB_API void kb_reader_free(kb_reader *r);

/* ---- coding ----------------------------------------------------------- */

/* A place from the gazetteer, as attached to an event. */
typedef struct kb_place {
    const char *name;          /* GeoNames name ("Erbil"); NULL: no place */
    int64_t geonameid;         /* GeoNames id of a populated place; 0 for
                                  divisions, countries and the supplement */
    const char *admin_code;    /* GeoNames admin code of the place or its
                                  division ("IQ.11", "IQ.13.1234"), or NULL */
    const char *admin1;        /* first-level division name, or NULL */
    const char *country;       /* ISO 3166-1 alpha-2 ("IQ"), or NULL */
    const char *country_cameo; /* CAMEO country code ("IRQ"), or NULL */
    const char *feature;       /* "city", "admin1", "admin2", "country",
                                  "landmark", "region" */
    double lat, lon;
    const char *rule;          /* what chose it: "sentence", "dateline",
                                  "focus" */
    const char *text;          /* the words in the article that named it */
} kb_place;

/* One sentence an event was coded from. */
typedef struct kb_mention {
    const char *doc_id;
    int sentence;              /* 1-based */
    uint32_t start, end;       /* bytes of the sentence in the article */
    const char *news_source;   /* may be NULL */
    const char *pub_date;      /* YYYY-MM-DD */
    const char *url;           /* may be NULL */
    const char *sentence_text;
} kb_mention;

/* One coded event. Strings belong to the kb_result (pattern and
 * pattern_file to the kb_dict), valid until the next coding call. */
typedef struct kb_event {
    const char *source;      /* actor code, "---" if none */
    const char *target;
    const char *code;        /* CAMEO code as written in the dictionary */
    const char *source_text; /* words that gave the source */
    const char *target_text;
    const char *verb;        /* verb word as in the sentence */
    const char *pattern;     /* pattern text that fired, or NULL (default) */
    const char *pattern_file;
    int pattern_line;        /* 0 when the verb's default code applied */
    const char *source_entry; /* dictionary entry "file:line PHRASE" or NULL */
    const char *target_entry;
    const char *issues;      /* "CODE,n;CODE,n" or "" */

    /* Filled when the event was coded from an article (kb_code_article);
     * zero/NULL for kb_code_record. */
    const char *doc_id;        /* the article's id */
    int sentence;              /* 1-based sentence number in the article */
    uint32_t start, end;       /* bytes of that sentence in the article
                                  text (title first, then body) */
    const char *sentence_text; /* the sentence as written */
    const char *pub_date;      /* publication date YYYY-MM-DD */
    const char *event_date;    /* when it happened, YYYY-MM-DD */
    const char *date_text;     /* the words that set event_date; NULL when
                                  it is the publication date */
    const char *news_source;   /* the article's source, may be NULL */
    const char *url;           /* the article's url, may be NULL */
    kb_place place;            /* place.name NULL: no location */
    /* Mentions: the sentences this event was coded from (one per sentence
     * until merged; kb_merger joins duplicates across a batch). */
    const kb_mention *mentions;
    size_t n_mentions;
    int num_mentions, num_sources, num_articles;
} kb_event;

typedef struct kb_result kb_result;

KB_API kb_result *kb_result_new(const kb_allocator *alloc);
KB_API void kb_result_free(kb_result *r);
KB_API size_t kb_result_count(const kb_result *r);
KB_API const kb_event *kb_result_event(const kb_result *r, size_t i);
/* Sentences read into r: 1 after kb_code_record; after kb_code_article
 * the sentences of the article's body (title, lead credit and datelines
 * left out), whether they were coded or set aside. */
KB_API size_t kb_result_sentences(const kb_result *r);
/* Why a sentence produced nothing: NULL, or "sentencediscard",
 * "storydiscard", "dateline", "bad_input_parse"; for an article,
 * "storydiscard" or "topic" (a sports, markets, technology or
 * entertainment story). */
KB_API const char *kb_result_rejection(const kb_result *r);

/* Codes one record (its <Text> and <Parse>) with dictionary d, under config
 * c (NULL: the record's own, else defaults). Events are appended to out
 * after clearing it. Returns KB_ERR_SYNTAX with err set when the parse is
 * malformed (the result then carries rejection "bad_input_parse"). */
KB_API kb_status kb_code_record(const kb_dict *d, const kb_config *c,
                                const kb_record *rec, kb_result *out,
                                kb_error *err);

/* Codes rec->text parsed by Khabar's own NLP (the record's <Parse>, if
 * any, is ignored). Same contract as kb_code_record. */
KB_API kb_status kb_code_record_text(const kb_dict *d, const kb_model *m,
                                     const kb_config *c, const kb_record *rec,
                                     kb_result *out, kb_error *err);

/* ---- articles ----------------------------------------------------------- */

/* The gazetteer: places from GeoNames, country names and demonyms, and
 * Khabar's own supplement, compiled into one mapped file. Immutable after
 * loading, shared by threads. NULL path: the bundled data/geo file. */
typedef struct kb_gazetteer kb_gazetteer;
KB_API kb_status kb_gazetteer_load(const char *path, kb_gazetteer **out,
                                   kb_error *err);
KB_API void kb_gazetteer_free(kb_gazetteer *g);

/* One news article. Strings are the caller's (or the article reader's). */
typedef struct kb_article {
    const char *id;      /* document id; events carry it as doc_id */
    const char *date;    /* publication date YYYY-MM-DD or YYYYMMDD */
    const char *title;   /* may be NULL */
    const char *text;    /* the body, paragraphs separated by blank lines */
    size_t text_len;     /* its length in bytes; 0: text is NUL-terminated */
    const char *source;  /* news source, may be NULL */
    const char *url;     /* may be NULL */
    const char *file;    /* where it was read (messages), may be NULL */
    int line;            /* line in that file, 0 if none */
} kb_article;

/* Input formats of articles: raw text (a file per article, the first line
 * its title when a blank line follows), JSON Lines (an article per line)
 * and HTML (the readable text of the page). */
typedef struct kb_article_reader kb_article_reader;

/* Opens a file of articles (format KB_INPUT_AUTO, _TEXT, _JSONL or
 * _HTML); `date` is the publication date of inputs without one (may be
 * NULL). A bad article is reported through diag with its id/line and
 * skipped. */
KB_API kb_status kb_article_reader_open(const char *path, int format,
                                        const char *date, kb_diag_fn diag,
                                        void *user, kb_article_reader **out,
                                        kb_error *err);
KB_API kb_status kb_article_reader_open_buffer(const char *data, size_t len,
                                               const char *name, int format,
                                               const char *date,
                                               kb_diag_fn diag, void *user,
                                               kb_article_reader **out,
                                               kb_error *err);
/* Returns 1 and fills *a (valid until the next call), 0 at the end. */
KB_API int kb_article_reader_next(kb_article_reader *r, kb_article *a);
KB_API size_t kb_article_reader_errors(const kb_article_reader *r);
KB_API void kb_article_reader_free(kb_article_reader *r);

/* A name the dictionaries do not know, met while coding an article: a
 * run of proper nouns in an actor phrase that no actor entry matched. */
typedef struct kb_unknown {
    const char *name;      /* as written ("Masrour Barzani") */
    const char *code;      /* the code the article gave it (apposition,
                              title, an earlier mention), or NULL */
    const char *evidence;  /* how that code was found, or NULL */
    const char *doc_id;
    int sentence;          /* 1-based */
    const char *sentence_text;
} kb_unknown;

/* Receives each kb_unknown; called on the thread coding the article. */
typedef void (*kb_unknown_fn)(void *user, const kb_unknown *u);

/* What article coding uses. dict and model are required; geo may be NULL
 * (no places). */
typedef struct kb_coder {
    const kb_dict *dict;
    const kb_model *model;
    const kb_gazetteer *geo;
    const kb_config *config;   /* NULL: defaults */
    unsigned flags;            /* KB_CODE_* */
    kb_unknown_fn unknown;     /* names the dictionaries lack, or NULL */
    void *unknown_user;
} kb_coder;

enum {
    KB_CODE_NO_MERGE = 1,      /* one event per mention, even in an article */
    KB_CODE_ALL_LINES = 2      /* code boilerplate lines too */
};

/* Codes a whole article: splits it into sentences, sets boilerplate lines
 * and a repeated lede aside, resolves event dates against the publication
 * date, resolves actors the dictionaries miss (titles, appositions,
 * coreference), finds places, and merges the article's duplicate events
 * (unless KB_CODE_NO_MERGE). The events, with their mentions, replace the
 * contents of out. One sentence that cannot be parsed is reported through
 * diag and skipped. */
KB_API kb_status kb_code_article(const kb_coder *c, const kb_article *a,
                                 kb_diag_fn diag, void *user,
                                 kb_result *out, kb_error *err);

/* Merges events across a batch of articles, GDELT style: duplicates (same
 * event date, source, target, code and place; without the place under
 * KB_MERGE_ONE_A_DAY) become one event whose mentions list every
 * sentence, with num_mentions, num_sources and num_articles; the kept
 * event is the first one added. Events are returned in the order they
 * were first added. The merger copies the events' strings, except the
 * pattern (the kb_dict's) and the place names (the kb_gazetteer's): those
 * must outlive it. A pointer from kb_merger_event is valid until the next
 * kb_merger_add or kb_merger_free. */
typedef struct kb_merger kb_merger;
enum { KB_MERGE_ONE_A_DAY = 1 /* key without the place: the Phoenix filter */ };
KB_API kb_merger *kb_merger_new(unsigned flags);
KB_API void kb_merger_free(kb_merger *m);
KB_API kb_status kb_merger_add(kb_merger *m, const kb_result *r);
KB_API size_t kb_merger_count(const kb_merger *m);
KB_API const kb_event *kb_merger_event(const kb_merger *m, size_t i);

/* ---- CAMEO reference tables -------------------------------------------- */

/* Goldstein weight of a CAMEO code (falls back to parent codes); returns 0
 * and sets *found = 0 when the code is unknown. `found` may be NULL. */
KB_API double kb_cameo_goldstein(const char *code, int *found);
/* QuadClass 1-4 as GDELT counts it (01-05 verbal cooperation, 06-08
 * material cooperation, 09-13 verbal conflict, 14-20 material conflict),
 * 0 if unknown. The Phoenix writer applies Phoenix's own variant. */
KB_API int kb_cameo_quad_class(const char *code);
/* Root code ("04" for "043"), written into buf; returns buf or NULL. */
KB_API const char *kb_cameo_root(const char *code, char *buf, size_t size);
/* PLOVER type/mode/context of a CAMEO code, NULL if unmapped. */
typedef struct kb_plover {
    const char *event;
    const char *mode;
    const char *context;
} kb_plover;
KB_API const kb_plover *kb_cameo_plover(const char *code);

/* ---- output formats --------------------------------------------------- */

typedef enum kb_format {
    KB_FORMAT_JSONL,   /* one JSON object per event (default) */
    KB_FORMAT_PHOENIX, /* PETRARCH/Phoenix 26-column tab-separated lines */
    KB_FORMAT_GDELT,   /* GDELT 2.0 event table, 61 columns */
    KB_FORMAT_GDELT_MENTIONS, /* GDELT 2.0 mentions table, 16 columns:
                                 a line per mention */
    KB_FORMAT_PLOVER,  /* PLOVER JSON, one object per line */
    KB_FORMAT_CSV      /* comma-separated with a header line */
} kb_format;

/* Writes what comes before the first event (the CSV header); nothing for
 * the other formats. */
KB_API kb_status kb_write_header(FILE *f, kb_format fmt);

/* Writes the parse of a record read from CoNLL-U, raw text or JSON Lines
 * (its `parsed`) as one CoNLL-U sentence with "# sent_id" and "# text";
 * token offsets go to MISC as TokenRange=start:end. KB_ERR_INVALID when
 * the record has no such parse, KB_ERR_IO when the stream fails. */
KB_API kb_status kb_write_conllu(FILE *f, const kb_record *rec);

/* "jsonl", "phoenix", "gdelt", "gdelt-mentions", "plover" or "csv" ->
 * *out; KB_ERR_INVALID for other names. */
KB_API kb_status kb_format_parse(const char *name, kb_format *out);

/* Writes event e as one line of format fmt (one line per mention for
 * KB_FORMAT_GDELT_MENTIONS). rec is the record it was coded from by
 * kb_code_record, or NULL for events of kb_code_article / kb_merger (which
 * carry their article fields). Returns KB_ERR_IO when the stream fails. */
KB_API kb_status kb_write_event(FILE *f, kb_format fmt, const kb_record *rec,
                                const kb_event *e);

#ifdef __cplusplus
}
#endif
#endif
