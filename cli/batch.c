/* batch.c - coding records on N threads with output in input order.
 *
 * Records are read on the main thread in batches; each is copied (the
 * reader's strings live only until its next record) and coded by a worker
 * into its own output buffer; the buffers are then written in order, so
 * `-j N` prints exactly what `-j 1` prints. The dictionaries and the model
 * are immutable and shared; every worker has its own kb_result. */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "parallel.h"

enum { BATCH = 512 };

typedef struct job {
    kb_record rec;
    kb_config cfg;
    char *out;        /* events, formatted */
    size_t outlen;
    char *err;        /* error message line, or NULL */
} job;

typedef struct pool {
    const kb_dict *d;
    const kb_model *m;
    kb_format fmt;
    job *jobs;
    int njobs;
    atomic_int next;
} pool;

static char *dup(const char *s) { return s ? strdup(s) : NULL; }

static void job_free(job *j)
{
    free((char *)j->rec.id);
    free((char *)j->rec.date);
    free((char *)j->rec.category);
    free((char *)j->rec.source);
    free((char *)j->rec.text);
    free((char *)j->rec.parse);
    free(j->out);
    free(j->err);
    memset(j, 0, sizeof *j);
}

static int job_copy(job *j, const kb_record *r)
{
    memset(j, 0, sizeof *j);
    j->rec = *r;
    j->rec.id = dup(r->id);
    j->rec.date = dup(r->date);
    j->rec.category = dup(r->category);
    j->rec.source = dup(r->source);
    j->rec.text = dup(r->text);
    j->rec.parse = dup(r->parse);
    j->rec.expected = NULL;
    j->rec.n_expected = 0;
    j->rec.parsed = NULL;
    if (r->config) {
        j->cfg = *r->config;
        j->rec.config = &j->cfg;
    }
    return (!r->id || j->rec.id) && (!r->date || j->rec.date) &&
           (!r->text || j->rec.text) && (!r->parse || j->rec.parse) &&
           (!r->source || j->rec.source) && (!r->category || j->rec.category);
}

/* Codes one record and formats its events (or its error) into the job. */
static void run_job(const pool *p, job *j, kb_result *res)
{
    kb_error err;
    const kb_record *r = &j->rec;
    kb_status st = !r->parse && !r->parsed && r->text && p->m
                       ? kb_code_record_text(p->d, p->m, NULL, r, res, &err)
                       : kb_code_record(p->d, NULL, r, res, &err);
    if (st != KB_OK) {
        char buf[1024];
        kb_error_format(&err, buf, sizeof buf);
        size_t n = strlen(buf) + 32;
        j->err = malloc(n);
        if (j->err)
            snprintf(j->err, n, "%s", buf);
        return;
    }
    FILE *f = open_memstream(&j->out, &j->outlen);
    if (!f)
        return;
    for (size_t i = 0; i < kb_result_count(res); i++)
        kb_write_event(f, p->fmt, r, kb_result_event(res, i));
    fclose(f);
}

static void *worker(void *arg)
{
    pool *p = arg;
    kb_result *res = kb_result_new(NULL);
    if (!res)
        return NULL;
    for (;;) {
        int i = atomic_fetch_add(&p->next, 1);
        if (i >= p->njobs)
            break;
        run_job(p, &p->jobs[i], res);
    }
    kb_result_free(res);
    return NULL;
}

/* Runs the jobs on n threads (the caller's thread included), then writes
 * them in order. Returns 1 if any record failed. */
static int flush(pool *p, int nthreads, const char *prog)
{
    int bad = 0;
    atomic_store(&p->next, 0);
    kbc_parallel(nthreads, worker, p);
    for (int i = 0; i < p->njobs; i++) {
        job *j = &p->jobs[i];
        if (j->err) {
            fprintf(stderr, "%s: %s\n", prog, j->err);
            bad = 1;
        }
        if (j->out && j->outlen)
            fwrite(j->out, 1, j->outlen, stdout);
        job_free(j);
    }
    p->njobs = 0;
    return bad;
}

int kbc_code_reader(const kb_dict *d, const kb_model *m, kb_reader *r,
                    kb_format fmt, int nthreads, const char *prog)
{
    pool p;
    memset(&p, 0, sizeof p);
    p.d = d;
    p.m = m;
    p.fmt = fmt;
    p.jobs = calloc(BATCH, sizeof *p.jobs);
    if (!p.jobs) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return 1;
    }
    int bad = 0;
    kb_record rec;
    kb_result *res = NULL;
    while (kb_reader_next(r, &rec)) {
        if (rec.parsed) {
            /* a parse that lives in the reader: code it now, in order */
            bad |= flush(&p, nthreads, prog);
            if (!res && !(res = kb_result_new(NULL)))
                break;
            job j;
            memset(&j, 0, sizeof j);
            j.rec = rec;
            run_job(&p, &j, res);
            if (j.err) {
                fprintf(stderr, "%s: %s\n", prog, j.err);
                bad = 1;
            }
            if (j.out && j.outlen)
                fwrite(j.out, 1, j.outlen, stdout);
            free(j.out);
            free(j.err);
            continue;
        }
        if (!job_copy(&p.jobs[p.njobs], &rec)) {
            job_free(&p.jobs[p.njobs]);
            fprintf(stderr, "%s: out of memory\n", prog);
            bad = 1;
            break;
        }
        if (++p.njobs == BATCH)
            bad |= flush(&p, nthreads, prog);
    }
    bad |= flush(&p, nthreads, prog);
    kb_result_free(res);
    free(p.jobs);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: cannot write output\n", prog);
        bad = 1;
    }
    return bad || kb_reader_errors(r) > 0;
}
