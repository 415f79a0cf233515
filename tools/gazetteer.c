/* gazetteer.c - compiles the gazetteer (data/geo/khabar-geo.bin) from
 * GeoNames, the country list and Khabar's supplement. Not part of the
 * library: `make gazetteer` runs it (the building code itself is the
 * library's kbi_geo_build, src/geo/build.c, so the tests can build small
 * gazetteers too).
 *
 * Usage:
 *   gazetteer --geonames DIR --countries FILE [--supplement FILE]
 *             [--stopwords FILE] [--lexicon FILE] [--alt-min-pop N (20000)]
 *             --out FILE [--check]
 * DIR holds cities500.txt, admin1.json and admin2.json. The same inputs
 * give the same bytes. --check loads the result back and verifies it and
 * times the load. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "geo/geo.h"

static void usage(void)
{
    fprintf(stderr,
            "usage: gazetteer --geonames DIR --countries FILE "
            "[--supplement FILE]\n"
            "                 [--stopwords FILE] [--lexicon FILE] "
            "[--alt-min-pop N] --out FILE [--check]\n");
    exit(2);
}

static void diag(void *user, const kb_error *e)
{
    size_t *n = user;
    char buf[1024];
    if ((*n)++ < 50)
        fprintf(stderr, "gazetteer: %s\n", kb_error_format(e, buf, sizeof buf));
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    kbi_geo_sources src;
    memset(&src, 0, sizeof src);
    src.alt_min_pop = 20000;
    const char *dir = NULL, *out = NULL;
    int check = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--check") == 0) {
            check = 1;
            continue;
        }
        if (!v)
            usage();
        i++;
        if (strcmp(a, "--geonames") == 0)
            dir = v;
        else if (strcmp(a, "--countries") == 0)
            src.countries = v;
        else if (strcmp(a, "--supplement") == 0)
            src.supplement = v;
        else if (strcmp(a, "--stopwords") == 0)
            src.stopwords = v;
        else if (strcmp(a, "--lexicon") == 0)
            src.lexicon = v;
        else if (strcmp(a, "--alt-min-pop") == 0)
            src.alt_min_pop = (uint32_t)strtoul(v, NULL, 10);
        else if (strcmp(a, "--out") == 0)
            out = v;
        else
            usage();
    }
    if (!dir || !src.countries || !out)
        usage();
    char cities[4096], admin1[4096], admin2[4096];
    snprintf(cities, sizeof cities, "%s/cities500.txt", dir);
    snprintf(admin1, sizeof admin1, "%s/admin1.json", dir);
    snprintf(admin2, sizeof admin2, "%s/admin2.json", dir);
    src.cities = cities;
    src.admin1 = admin1;
    src.admin2 = admin2;
    size_t problems = 0;
    kbi_geo_build_stats s;
    kb_error e;
    char buf[1024];
    double t0 = now();
    if (kbi_geo_build(&src, out, diag, &problems, &s, &e) != KB_OK) {
        fprintf(stderr, "gazetteer: %s\n", kb_error_format(&e, buf, sizeof buf));
        return 1;
    }
    printf("%s: %zu bytes in %.1f s\n", out, s.bytes, now() - t0);
    printf("  entries %zu: %zu admin1, %zu admin2, %zu countries, %zu cities, "
           "%zu supplement\n",
           s.entries, s.admin1, s.admin2, s.countries, s.cities, s.supplement);
    printf("  keys %zu, postings %zu, alternate names kept %zu, lines "
           "skipped %zu\n",
           s.keys, s.postings, s.alternates, s.skipped_lines);
    if (check) {
        kb_gazetteer *g;
        double t1 = now();
        if (kb_gazetteer_load(out, &g, &e) != KB_OK) {
            fprintf(stderr, "gazetteer: %s\n",
                    kb_error_format(&e, buf, sizeof buf));
            return 1;
        }
        double t2 = now();
        kb_status st = kbi_geo_verify(g, &e);
        kb_gazetteer_free(g);
        if (st != KB_OK) {
            fprintf(stderr, "gazetteer: %s\n",
                    kb_error_format(&e, buf, sizeof buf));
            return 1;
        }
        printf("  loads in %.3f ms; checksum verified\n", (t2 - t1) * 1e3);
    }
    return 0;
}
