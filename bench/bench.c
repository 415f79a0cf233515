/* bench.c - dictionary load time and coding throughput on given parses.
 *
 *   bench DATADIR VALIDATION.xml [RUNS]
 *
 * Reports medians over RUNS (default 7) and a checksum of the coded
 * events, so that a faster run that codes differently shows up. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "khabar.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_d);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

typedef struct rec_copy {
    kb_record r;
    kb_config cfg;
} rec_copy;

static char *dup(const char *s) { return s ? strdup(s) : NULL; }

static rec_copy *read_records(const char *path, int *n)
{
    kb_reader *r;
    kb_error err;
    if (kb_reader_open(path, NULL, NULL, &r, &err) != KB_OK) {
        char buf[1024];
        fprintf(stderr, "bench: %s\n", kb_error_format(&err, buf, sizeof buf));
        return NULL;
    }
    int cap = 512, k = 0;
    rec_copy *v = calloc((size_t)cap, sizeof *v);
    kb_record rec;
    while (v && kb_reader_next(r, &rec)) {
        if (!rec.active || !rec.parse)
            continue;
        if (k == cap) {
            rec_copy *nv = realloc(v, (size_t)(cap *= 2) * sizeof *v);
            if (!nv)
                break;
            v = nv;
        }
        memset(&v[k], 0, sizeof v[k]);
        v[k].r.id = dup(rec.id);
        v[k].r.date = dup(rec.date);
        v[k].r.text = dup(rec.text);
        v[k].r.parse = dup(rec.parse);
        v[k].r.active = 1;
        if (rec.config)
            v[k].cfg = *rec.config;
        else
            kb_config_init(&v[k].cfg);
        k++;
    }
    for (int i = 0; i < k; i++)
        v[i].r.config = &v[i].cfg;
    kb_reader_free(r);
    *n = k;
    return v;
}

static void free_records(rec_copy *v, int n)
{
    for (int i = 0; i < n; i++) {
        free((char *)v[i].r.id);
        free((char *)v[i].r.date);
        free((char *)v[i].r.text);
        free((char *)v[i].r.parse);
    }
    free(v);
}

static uint64_t mix(uint64_t h, const char *s)
{
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return (h ^ 0xff) * 1099511628211ULL;
}

static int bench_load(const char *label, const kb_dict_files *f, int runs,
                      kb_dict **keep)
{
    double t[64];
    for (int i = 0; i < runs; i++) {
        kb_dict *d;
        kb_error err;
        double a = now();
        if (kb_dict_load(f, NULL, &d, &err) != KB_OK) {
            char buf[1024];
            fprintf(stderr, "bench: %s\n", kb_error_format(&err, buf, sizeof buf));
            return 1;
        }
        t[i] = now() - a;
        if (i == runs - 1)
            *keep = d;
        else
            kb_dict_free(d);
    }
    kb_dict_stats s;
    kb_dict_get_stats(*keep, &s);
    printf("load %-10s median %7.2f ms  (%zu verb forms, %zu patterns, %zu "
           "actor phrases, %zu agent phrases)\n",
           label, median(t, runs) * 1e3, s.verb_forms, s.patterns,
           s.actor_phrases, s.agent_phrases);
    return 0;
}

static void bench_code(const char *label, const kb_dict *d, rec_copy *v,
                       int n, int runs, int use_record_config)
{
    kb_result *res = kb_result_new(NULL);
    double t[64];
    uint64_t sum = 1469598103934665603ULL;
    size_t events = 0;
    int reps = 20;
    for (int i = 0; i < runs; i++) {
        double a = now();
        for (int r = 0; r < reps; r++)
            for (int k = 0; k < n; k++) {
                kb_error err;
                kb_code_record(d, use_record_config ? NULL : &v[k].cfg,
                               &v[k].r, res, &err);
                if (i == 0 && r == 0)
                    for (size_t e = 0; e < kb_result_count(res); e++) {
                        const kb_event *ev = kb_result_event(res, e);
                        sum = mix(mix(mix(mix(sum, v[k].r.id), ev->source),
                                      ev->target), ev->code);
                        events++;
                    }
            }
        t[i] = now() - a;
    }
    double m = median(t, runs);
    printf("code %-10s %6d sentences x %d: median %7.1f ms, %9.0f "
           "sentences/s, %zu events, checksum %016llx\n",
           label, n, reps, m * 1e3, n * reps / m, events,
           (unsigned long long)sum);
    kb_result_free(res);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench DATADIR VALIDATION.xml [RUNS]\n");
        return 2;
    }
    const char *dir = argv[1];
    int runs = argc > 3 ? atoi(argv[3]) : 7;
    if (runs < 1 || runs > 64)
        runs = 7;
    char p[9][4096];
    const char *names[] = {"CAMEO.2.0.txt", "Phoenix.Countries.actors.txt",
                           "Phoenix.International.actors.txt",
                           "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt",
                           "Phoenix.discards.txt", "Phoenix.IssueCoding.txt",
                           "PETR.Validate.verbs.txt", "PETR.Validate.actors.txt"};
    for (int i = 0; i < 9; i++)
        snprintf(p[i], sizeof p[i], "%s/dict/%s", dir, names[i]);
    char ag[4096], dc[4096];
    snprintf(ag, sizeof ag, "%s/dict/PETR.Validate.agents.txt", dir);
    snprintf(dc, sizeof dc, "%s/dict/PETR.Validate.discards.txt", dir);
    kb_dict_files phx = {.verbs = p[0], .actors = {p[1], p[2], p[3], NULL},
                         .agents = p[4], .discards = p[5], .issues = p[6]};
    kb_dict_files val = {.verbs = p[7], .actors = {p[8], NULL}, .agents = ag,
                         .discards = dc};
    kb_dict *dp = NULL, *dv = NULL;
    if (bench_load("phoenix", &phx, runs, &dp) ||
        bench_load("validate", &val, runs, &dv))
        return 1;
    int n = 0;
    rec_copy *v = read_records(argv[2], &n);
    if (!v)
        return 1;
    bench_code("validate", dv, v, n, runs, 1);
    bench_code("phoenix", dp, v, n, runs, 1);
    free_records(v, n);
    kb_dict_free(dp);
    kb_dict_free(dv);
    return 0;
}
