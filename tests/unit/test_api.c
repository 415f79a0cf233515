/* test_api.c - the public API end to end: loading dictionaries, coding a
 * record, results, error formatting, and allocation failure at every
 * point of loading and coding (the allocator hook fails the Nth call). */
#include <stdlib.h>
#include <string.h>

#include "khabar.h"
#include "t.h"

#define DICT KB_DATADIR "/dict/"

static const kb_dict_files validate_files = {
    .verbs = DICT "PETR.Validate.verbs.txt",
    .actors = {DICT "PETR.Validate.actors.txt", NULL},
    .agents = DICT "PETR.Validate.agents.txt",
    .discards = DICT "PETR.Validate.discards.txt"};

static kb_record sample_record(void)
{
    kb_record r;
    memset(&r, 0, sizeof r);
    r.id = "API-1";
    r.date = "19950104";
    r.text = "Gondor's foreign minister denounced Mordor for its aggression.";
    r.parse = "(ROOT (S (NP (NP (NNP Gondor) (POS 's)) (JJ foreign) (NN minister))"
              " (VP (VBD denounced) (NP (NNP Mordor)) (PP (IN for) (NP (PRP$ its) (NN aggression))))"
              " (. .)))";
    r.active = 1;
    return r;
}

static void test_load_and_code(void)
{
    kb_dict *d = NULL;
    kb_error err;
    T_EQ_INT(kb_dict_load(&validate_files, NULL, &d, &err), KB_OK);
    kb_result *res = kb_result_new(NULL);
    kb_record r = sample_record();
    T_EQ_INT(kb_code_record(d, NULL, &r, res, &err), KB_OK);
    T_EQ_INT(kb_result_count(res), 1);
    const kb_event *e = kb_result_event(res, 0);
    T_OK(e != NULL);
    if (e) {
        T_EQ_STR(e->source, "GONGOVFRM");
        T_EQ_STR(e->target, "MOR");
        T_EQ_STR(e->verb, "DENOUNCED");
        T_EQ_STR(e->code, "122");
        T_OK(e->source_entry && strstr(e->source_entry, "PETR.Validate.actors.txt:"));
        T_OK(e->source_text && strstr(e->source_text, "GONDOR"));
    }
    T_OK(kb_result_event(res, 1) == NULL);
    T_OK(kb_result_rejection(res) == NULL);
    /* an unbalanced parse is a located syntax error, not a crash */
    r.parse = "(ROOT (S (NP (NNP Gondor)) (VP (VBD denounced) (NP (NNP Mordor)))";
    T_EQ_INT(kb_code_record(d, NULL, &r, res, &err), KB_ERR_SYNTAX);
    T_EQ_STR(kb_result_rejection(res), "bad_input_parse");
    T_EQ_INT(kb_result_count(res), 0);
    T_EQ_STR(err.record, "API-1");
    /* a bad date is reported with the record */
    r = sample_record();
    r.date = "19951304";
    T_EQ_INT(kb_code_record(d, NULL, &r, res, &err), KB_ERR_INVALID);
    T_OK(strstr(err.message, "19951304") != NULL);
    kb_result_free(res);
    kb_dict_free(d);
}

static void test_missing_files(void)
{
    kb_dict *d = (kb_dict *)1;
    kb_error err;
    kb_dict_files f = validate_files;
    f.agents = DICT "no-such-file.txt";
    T_EQ_INT(kb_dict_load(&f, NULL, &d, &err), KB_ERR_IO);
    T_OK(d == NULL);
    T_OK(strstr(err.file, "no-such-file.txt") != NULL);
    kb_dict_files none;
    memset(&none, 0, sizeof none);
    T_EQ_INT(kb_dict_load(&none, NULL, &d, &err), KB_ERR_INVALID);
}

static void test_error_format(void)
{
    kb_error e;
    memset(&e, 0, sizeof e);
    e.code = KB_ERR_SYNTAX;
    snprintf(e.file, sizeof e.file, "verbs.txt");
    e.line = 12;
    e.column = 4;
    snprintf(e.message, sizeof e.message, "expected ']'");
    char buf[256];
    T_EQ_STR(kb_error_format(&e, buf, sizeof buf), "verbs.txt:12:4: expected ']'");
    e.column = 0;
    T_EQ_STR(kb_error_format(&e, buf, sizeof buf), "verbs.txt:12: expected ']'");
    snprintf(e.record, sizeof e.record, "DEMO-01");
    e.file[0] = '\0';
    T_EQ_STR(kb_error_format(&e, buf, sizeof buf), "record DEMO-01: expected ']'");
    char tiny[8];
    T_EQ_INT(strlen(kb_error_format(&e, tiny, sizeof tiny)), 7);
    T_EQ_STR(kb_status_str(KB_ERR_NOMEM), "out of memory");
}

/* Every allocation made while loading and coding may fail; each failure
 * must come back as KB_ERR_NOMEM with nothing leaked. */
static void test_allocation_failures(void)
{
    t_failing f = {.left = -1};
    kb_allocator al = {t_failing_realloc, &f};
    kb_dict_options o = {0, NULL, NULL, &al};
    kb_dict *d = NULL;
    kb_error err;
    T_EQ_INT(kb_dict_load(&validate_files, &o, &d, &err), KB_OK);
    kb_dict_free(d);
    long total = f.calls;
    T_OK(total > 10);
    T_EQ_INT(f.live, 0);
    int bad = 0;
    for (long n = 0; n < total; n++) {
        f.left = n;
        f.live = 0;
        d = NULL;
        kb_status st = kb_dict_load(&validate_files, &o, &d, &err);
        if (st == KB_OK) /* the failure hit nothing that mattered */
            kb_dict_free(d);
        else if (st != KB_ERR_NOMEM || d != NULL)
            bad++;
        if (f.live != 0)
            bad++;
    }
    T_EQ_INT(bad, 0);
    /* coding */
    f.left = -1;
    T_EQ_INT(kb_dict_load(&validate_files, NULL, &d, &err), KB_OK);
    kb_record r = sample_record();
    f.calls = 0;
    f.live = 0;
    kb_result *res = kb_result_new(&al);
    T_EQ_INT(kb_code_record(d, NULL, &r, res, &err), KB_OK);
    kb_result_free(res);
    total = f.calls;
    for (long n = 0; n < total; n++) {
        f.left = n;
        f.live = 0;
        res = kb_result_new(&al);
        if (!res)
            continue;
        kb_status st = kb_code_record(d, NULL, &r, res, &err);
        if (st != KB_OK && st != KB_ERR_NOMEM)
            bad++;
        if (st == KB_OK && kb_result_count(res) > 1)
            bad++;
        kb_result_free(res);
        if (f.live != 0)
            bad++;
    }
    T_EQ_INT(bad, 0);
    kb_dict_free(d);
}

int main(void)
{
    T_RUN(test_load_and_code);
    T_RUN(test_missing_files);
    T_RUN(test_error_format);
    T_RUN(test_allocation_failures);
    return t_done();
}
