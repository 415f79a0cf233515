/* test_json.c - the JSON Lines object reader: decoded strings, skipped
 * values, and each error with its column. */
#include <string.h>

#include "input/json.h"
#include "t.h"

static void test_values(void)
{
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    kbi_json_object o;
    int col = 0;
    const char *why = NULL;
    const char *line = "{\"id\": 12, \"text\":\"caf\\u00e9 \\ud83d\\ude00\\n\","
                       " \"n\":[1,{\"x\":[true,null]}], \"t\" : \"a\\\"b\"}";
    T_OK(kbi_json_parse_object(line, strlen(line), &a, &o, &col, &why));
    T_EQ_INT(o.n, 4);
    const kbi_json_member *m = kbi_json_get(&o, "text");
    T_OK(m && m->is_string);
    if (m)
        T_EQ_STR(m->value, "caf\xc3\xa9 \xf0\x9f\x98\x80\n");
    m = kbi_json_get(&o, "id");
    T_OK(m && !m->is_string);
    if (m)
        T_EQ_STR(m->value, "12");
    m = kbi_json_get(&o, "t");
    if (m)
        T_EQ_STR(m->value, "a\"b");
    T_OK(kbi_json_get(&o, "missing") == NULL);
    /* a lone surrogate becomes U+FFFD */
    const char *lone = "{\"s\":\"\\ud800x\"}";
    T_OK(kbi_json_parse_object(lone, strlen(lone), &a, &o, &col, &why));
    T_EQ_STR(o.m[0].value, "\xef\xbf\xbdx");
    kbi_arena_free(&a);
}

static void test_errors(void)
{
    static const struct {
        const char *in;
        int col;
        const char *why;
    } cases[] = {
        {"", 1, "expected '{'"},
        {"[1]", 1, "expected '{'"},
        {"{\"a\" 1}", 6, "expected ':'"},
        {"{\"a\":1,}", 8, "expected a member name"},
        {"{\"a\":1 \"b\":2}", 8, "expected ',' or '}'"},
        {"{\"a\":\"x}", 9, "unterminated string"},
        {"{\"a\":\"\\q\"}", 9, "unknown escape"},
        {"{\"a\":\"\\u12\"}", 9, "hex digits"},
        {"{\"a\":tru}", 6, "expected a value"},
        {"{\"a\":1}x", 8, "end of the line"},
        {"{\"a\":\"\x01\"}", 7, "control character"},
        {"{\"a\":[1,2}", 10, "expected ','"},
    };
    kbi_arena a;
    kbi_arena_init(&a, NULL);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        kbi_json_object o;
        int col = 0;
        const char *why = "";
        T_OK(!kbi_json_parse_object(cases[i].in, strlen(cases[i].in), &a, &o,
                                    &col, &why));
        T_EQ_INT(col, cases[i].col);
        if (!strstr(why, cases[i].why))
            T_FAIL("case %zu: '%s' lacks '%s'", i, why, cases[i].why);
    }
    /* nesting deeper than the limit is an error, not a crash */
    char deep[400] = "{\"a\":";
    for (int i = 0; i < 100; i++)
        strcat(deep, "[");
    kbi_json_object o;
    int col;
    const char *why;
    T_OK(!kbi_json_parse_object(deep, strlen(deep), &a, &o, &col, &why));
    T_OK(strstr(why, "deeply") != NULL);
    kbi_arena_free(&a);
}

int main(void)
{
    T_RUN(test_values);
    T_RUN(test_errors);
    return t_done();
}
