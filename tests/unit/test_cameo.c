/* test_cameo.c - the CAMEO reference tables: the compiled rows against the
 * data files they were generated from (so a stale src/code/cameo_data.c
 * fails here whatever the build system), and the lookups with their
 * fallbacks and refusals. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code/cameo.h"
#include "t.h"

#ifndef KB_DATADIR
#define KB_DATADIR "data"
#endif

static void test_goldstein_table_matches_tsv(void)
{
    FILE *f = fopen(KB_DATADIR "/cameo/cameo-goldstein.tsv", "r");
    T_OK(f != NULL);
    if (!f)
        return;
    char line[256], code[64];
    double w;
    size_t rows = 0, i;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || strncmp(line, "code\t", 5) == 0)
            continue;
        if (sscanf(line, "%63s %lf", code, &w) != 2)
            continue;
        rows++;
        for (i = 0; i < kbi_cameo_goldstein_nrows; i++)
            if (strcmp(kbi_cameo_goldstein_rows[i].code, code) == 0)
                break;
        if (i == kbi_cameo_goldstein_nrows ||
            kbi_cameo_goldstein_rows[i].weight != w)
            T_FAIL("row %s %g is not in cameo_data.c: run "
                   "sh tools/gen_cameo.sh", code, w);
    }
    fclose(f);
    T_EQ_INT(rows, 285);
    T_EQ_INT(kbi_cameo_goldstein_nrows, rows);
    for (i = 1; i < kbi_cameo_goldstein_nrows; i++)
        T_OK(strcmp(kbi_cameo_goldstein_rows[i - 1].code,
                    kbi_cameo_goldstein_rows[i].code) < 0);
}

static void test_plover_table_matches_file(void)
{
    FILE *f = fopen(KB_DATADIR "/cameo/CAMEO2PLOVER-2021.txt", "r");
    T_OK(f != NULL);
    if (!f)
        return;
    char line[512];
    size_t lines = 0;
    while (fgets(line, sizeof line, f)) {
        size_t n = strspn(line, "0123456789");
        if (n == 0 || line[n] != ':')
            continue;
        lines++;
        line[n] = '\0';
        if (!kb_cameo_plover(line) ||
            strcmp(kb_cameo_plover(line)->event, "") == 0)
            T_FAIL("PLOVER code %s is not in cameo_data.c", line);
    }
    fclose(f);
    T_EQ_INT(lines, 276); /* "08" and "175" come twice */
    T_EQ_INT(kbi_cameo_plover_nrows, lines - 2);
    for (size_t i = 1; i < kbi_cameo_plover_nrows; i++)
        T_OK(strcmp(kbi_cameo_plover_rows[i - 1].code,
                    kbi_cameo_plover_rows[i].code) < 0);
}

static void test_goldstein(void)
{
    static const struct { const char *code; double w; } known[] = {
        {"043", 2.8},   {"04", 1.0},     {"0874", 10.0}, {"190", -10.0},
        {"011", -0.1},  {"0110", -0.1},  {"20", -10.0},  {"1823", -10.0},
        {"0431", 2.8},  /* no row: its parent 043 */
        {"1011", -5.0}, /* no row: 101 */
        {"1451", -7.5}, {"0999", -2.0},  /* 09 */
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        int found = 0;
        double w = kb_cameo_goldstein(known[i].code, &found);
        T_EQ_INT(found, 1);
        if (fabs(w - known[i].w) > 1e-9)
            T_FAIL("goldstein(%s) = %g, expected %g", known[i].code, w,
                   known[i].w);
    }
    static const char *const unknown[] = {
        "---", "032:033", ":110", "212", "21", "00", "0", "075A",
        "080!", "01234", "", " 04", "04 ", "-10"};
    for (size_t i = 0; i < sizeof unknown / sizeof unknown[0]; i++) {
        int found = 1;
        T_OK(kb_cameo_goldstein(unknown[i], &found) == 0.0);
        T_EQ_INT(found, 0);
    }
    int found = 1;
    T_OK(kb_cameo_goldstein(NULL, &found) == 0.0);
    T_EQ_INT(found, 0);
    T_OK(kb_cameo_goldstein("043", NULL) == 2.8); /* found may be NULL */
}

static void test_quad_class(void)
{
    static const struct { const char *code; int q; } cases[] = {
        {"01", 1},   {"010", 1},  {"057", 1},  {"0512", 1}, {"06", 2},
        {"0874", 2}, {"08", 2},   {"09", 3},   {"10", 3},   {"13", 3},
        {"145", 4},  {"1454", 4}, {"14", 4},
        {"15", 4},   {"173", 4},  {"204", 4},  {"20", 4},   {"---", 0},
        {"21", 0},   {"212", 0},  {"00", 0},   {"042:043", 0},
        {"075A", 0}, {"", 0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        if (kb_cameo_quad_class(cases[i].code) != cases[i].q)
            T_FAIL("quad_class(%s) = %d, expected %d", cases[i].code,
                   kb_cameo_quad_class(cases[i].code), cases[i].q);
    T_EQ_INT(kb_cameo_quad_class(NULL), 0);
}

static void test_root(void)
{
    char buf[8];
    T_EQ_STR(kb_cameo_root("043", buf, sizeof buf), "04");
    T_OK(kb_cameo_root("043", buf, sizeof buf) == buf);
    T_EQ_STR(kb_cameo_root("1823", buf, sizeof buf), "18");
    T_EQ_STR(kb_cameo_root("20", buf, sizeof buf), "20");
    T_EQ_STR(kb_cameo_root("0999", buf, sizeof buf), "09");
    static const char *const none[] = {"---", "212", "075A", "032:033",
                                       ":110", "0", "", "01234", "080!"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        T_OK(kb_cameo_root(none[i], buf, sizeof buf) == NULL);
    T_OK(kb_cameo_root(NULL, buf, sizeof buf) == NULL);
    T_OK(kb_cameo_root("043", buf, 2) == NULL);  /* no room for "04" */
    T_OK(kb_cameo_root("043", NULL, 8) == NULL);
    T_EQ_STR(kb_cameo_root("043", buf, 3), "04");
}

static void check_plover(const char *code, const char *event,
                         const char *mode, const char *context)
{
    const kb_plover *p = kb_cameo_plover(code);
    if (!p) {
        T_FAIL("plover(%s) is NULL", code);
        return;
    }
    T_EQ_STR(p->event, event);
    T_EQ_STR(p->mode, mode);
    T_EQ_STR(p->context, context);
}

static void test_plover(void)
{
    check_plover("030", "AGREE", "", "diplomatic");
    check_plover("03", "AGREE", "", "");
    check_plover("041", "CONSULT", "phone", "");
    check_plover("091", "ACCUSE", "investigate", "crime; corruption");
    check_plover("0861", "RETREAT", "access", "peacekeeping"); /* trimmed */
    check_plover("08", "CONCEDE", "", "");      /* first of two "08" rows */
    check_plover("084", "RETREAT", "", "");
    check_plover("175", "ASSAULT", "pro_autocracy", "military");
    check_plover("191", "COERCE", "restrict", "military");
    check_plover("1712", "ASSAULT", "seize", "human_security");
    check_plover("0357", "AGREE", "", "");      /* no row: 035 */
    check_plover("1011", "REQUEST", "assist", "economic");
    check_plover("2041", "ASSAULT", "unconventional", "cbrn");
    static const char *const none[] = {"010", "01", "02", "0231", "---",
                                       "042:043", "212", "075A", ""};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        if (kb_cameo_plover(none[i]))
            T_FAIL("plover(%s) should be NULL", none[i]);
    T_OK(kb_cameo_plover(NULL) == NULL);
}

int main(void)
{
    T_RUN(test_goldstein_table_matches_tsv);
    T_RUN(test_plover_table_matches_file);
    T_RUN(test_goldstein);
    T_RUN(test_quad_class);
    T_RUN(test_root);
    T_RUN(test_plover);
    return t_done();
}
