/* articles.c - coding articles on N threads, in input order.
 *
 * Articles are read on the main thread in batches and copied (the
 * reader's strings live only until its next article); workers code them,
 * each into the job's own kb_result; the results are then taken in input
 * order: written at once (--no-merge) or added to the batch merger, which
 * prints every event, with its mentions, at the end. Either way `-j N`
 * gives exactly the output of `-j 1`. */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "articles.h"
#include "parallel.h"

enum { BATCH = 256 };

typedef struct ajob {
    kb_article a;
    kb_result *res;
    char *err;          /* error line, or NULL */
    size_t ndiag;       /* sentences reported by diag */
    char *diag;         /* their messages, newline-separated */
    size_t diaglen;
    kb_unknown *unk;    /* names the dictionaries lack, copied, handed on
                           in input order */
    size_t nunk, capunk;
} ajob;

typedef struct apool {
    const kb_coder *c;
    ajob *jobs;
    int njobs;
    atomic_int next;
} apool;

static char *sdup(const char *s) { return s ? strdup(s) : NULL; }

static void job_free(ajob *j)
{
    for (size_t k = 0; k < j->nunk; k++) {
        free((char *)j->unk[k].name);
        free((char *)j->unk[k].code);
        free((char *)j->unk[k].evidence);
        free((char *)j->unk[k].doc_id);
        free((char *)j->unk[k].sentence_text);
    }
    free(j->unk);
    free((char *)j->a.id);
    free((char *)j->a.date);
    free((char *)j->a.title);
    free((char *)j->a.text);
    free((char *)j->a.source);
    free((char *)j->a.url);
    free((char *)j->a.file);
    free(j->err);
    free(j->diag);
    kb_result_free(j->res);
    memset(j, 0, sizeof *j);
}

static int job_copy(ajob *j, const kb_article *a)
{
    memset(j, 0, sizeof *j);
    j->a = *a;
    j->a.id = sdup(a->id);
    j->a.date = sdup(a->date);
    j->a.title = sdup(a->title);
    j->a.source = sdup(a->source);
    j->a.url = sdup(a->url);
    j->a.file = sdup(a->file);
    size_t n = a->text ? (a->text_len ? a->text_len : strlen(a->text)) : 0;
    char *t = a->text ? malloc(n + 1) : NULL;
    if (t) {
        memcpy(t, a->text, n);
        t[n] = '\0';
    }
    j->a.text = t;
    j->a.text_len = n;
    j->res = kb_result_new(NULL);
    return j->res && (!a->id || j->a.id) && (!a->date || j->a.date) &&
           (!a->title || j->a.title) && (!a->text || j->a.text) &&
           (!a->source || j->a.source) && (!a->url || j->a.url) &&
           (!a->file || j->a.file);
}

/* diag sink of one job: messages are kept and printed in order later */
static void job_diag(void *user, const kb_error *e)
{
    ajob *j = user;
    char buf[1024];
    kb_error_format(e, buf, sizeof buf);
    size_t n = strlen(buf);
    char *d = realloc(j->diag, j->diaglen + n + 2);
    if (!d)
        return;
    memcpy(d + j->diaglen, buf, n);
    d[j->diaglen + n] = '\n';
    d[j->diaglen + n + 1] = '\0';
    j->diag = d;
    j->diaglen += n + 1;
    j->ndiag++;
}

/* unknown-name sink of one job: copies, handed on in input order */
static void job_unknown(void *user, const kb_unknown *u)
{
    ajob *j = user;
    if (j->nunk == j->capunk) {
        size_t cap = j->capunk ? j->capunk * 2 : 16;
        kb_unknown *v = realloc(j->unk, cap * sizeof *v);
        if (!v)
            return;
        j->unk = v;
        j->capunk = cap;
    }
    kb_unknown *c = &j->unk[j->nunk];
    *c = *u;
    c->name = sdup(u->name);
    c->code = sdup(u->code);
    c->evidence = sdup(u->evidence);
    c->doc_id = sdup(u->doc_id);
    c->sentence_text = sdup(u->sentence_text);
    if ((u->name && !c->name) || (u->code && !c->code) ||
        (u->evidence && !c->evidence) || (u->doc_id && !c->doc_id) ||
        (u->sentence_text && !c->sentence_text)) {
        free((char *)c->name);
        free((char *)c->code);
        free((char *)c->evidence);
        free((char *)c->doc_id);
        free((char *)c->sentence_text);
        return;
    }
    j->nunk++;
}

static void *worker(void *arg)
{
    apool *p = arg;
    for (;;) {
        int i = atomic_fetch_add(&p->next, 1);
        if (i >= p->njobs)
            break;
        ajob *j = &p->jobs[i];
        kb_error err;
        kb_coder c = *p->c;
        if (c.unknown) { /* collected per job, passed on in order */
            c.unknown = job_unknown;
            c.unknown_user = j;
        }
        if (kb_code_article(&c, &j->a, job_diag, j, j->res, &err) != KB_OK) {
            char buf[1024];
            kb_error_format(&err, buf, sizeof buf);
            size_t n = strlen(buf) + 64;
            j->err = malloc(n);
            if (j->err)
                snprintf(j->err, n, "article %s: %s",
                         j->a.id ? j->a.id : "?", buf);
        }
    }
    return NULL;
}

/* ---- progress --------------------------------------------------------- */

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress(kbc_run *run, int final)
{
    if (!run->tty)
        return;
    double t = now(), dt = t - run->t0;
    if (!final && t - run->last < 0.2)
        return;
    run->last = t;
    double rate = dt > 0 ? (double)run->sentences / dt : 0;
    char eta[32] = "";
    if (run->total_bytes > 0 && run->bytes > 0 && !final) {
        double left = dt * (double)(run->total_bytes - run->bytes) /
                      (double)run->bytes;
        snprintf(eta, sizeof eta, ", ETA %dm%02ds", (int)left / 60,
                 (int)left % 60);
    }
    fprintf(stderr, "\r%zu articles, %zu events, %.0f sentences/s%s   %s",
            run->articles, run->events, rate, eta, final ? "\n" : "");
    fflush(stderr);
}

/* Runs the jobs, then takes them in order. */
static int flush(apool *p, kbc_run *run)
{
    int bad = 0;
    atomic_store(&p->next, 0);
    kbc_parallel(run->nthreads, worker, p);
    for (int i = 0; i < p->njobs; i++) {
        ajob *j = &p->jobs[i];
        if (j->diag)
            fprintf(stderr, "%s", j->diag);
        for (size_t k = 0; k < j->nunk; k++)
            p->c->unknown(p->c->unknown_user, &j->unk[k]);
        run->warnings += j->ndiag;
        if (j->err) {
            fprintf(stderr, "%s: %s\n", run->prog, j->err);
            run->errors++;
            bad = 1;
        }
        run->articles++;
        run->sentences += kb_result_sentences(j->res);
        run->bytes += j->a.text_len;
        if (!j->err) {
            size_t n = kb_result_count(j->res);
            if (run->no_events) {
                run->events += n;
            } else if (run->merger) {
                if (kb_merger_add(run->merger, j->res) != KB_OK) {
                    fprintf(stderr, "%s: article %s: out of memory while "
                                    "merging its events\n", run->prog,
                            j->a.id ? j->a.id : "?");
                    run->errors++;
                    bad = 1;
                }
            } else {
                for (size_t k = 0; k < n; k++)
                    if (kb_write_event(stdout, run->fmt, NULL,
                                       kb_result_event(j->res, k)) != KB_OK)
                        bad = 1;
                run->events += n;
            }
            for (size_t k = 0; k < n; k++)
                run->mentions += (size_t)kb_result_event(j->res, k)->num_mentions;
        }
        job_free(j);
        progress(run, 0);
    }
    p->njobs = 0;
    return bad;
}

int kbc_code_articles(const kb_coder *c, kb_article_reader *r, kbc_run *run)
{
    apool p;
    memset(&p, 0, sizeof p);
    p.c = c;
    p.jobs = calloc(BATCH, sizeof *p.jobs);
    if (!p.jobs) {
        fprintf(stderr, "%s: out of memory\n", run->prog);
        return 1;
    }
    int bad = 0;
    kb_article a;
    while (kb_article_reader_next(r, &a)) {
        if (!job_copy(&p.jobs[p.njobs], &a)) {
            job_free(&p.jobs[p.njobs]);
            fprintf(stderr, "%s: out of memory\n", run->prog);
            bad = 1;
            break;
        }
        if (++p.njobs == BATCH)
            bad |= flush(&p, run);
    }
    bad |= flush(&p, run);
    free(p.jobs);
    run->errors += kb_article_reader_errors(r);
    return bad || kb_article_reader_errors(r) > 0;
}

void kbc_run_start(kbc_run *run)
{
    run->tty = isatty(fileno(stderr));
    run->t0 = run->last = now();
}

int kbc_run_finish(kbc_run *run)
{
    int bad = 0;
    if (run->merger) {
        size_t n = kb_merger_count(run->merger);
        for (size_t i = 0; i < n; i++)
            if (kb_write_event(stdout, run->fmt, NULL,
                               kb_merger_event(run->merger, i)) != KB_OK)
                bad = 1;
        run->events += n;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: cannot write output\n", run->prog);
        bad = 1;
    }
    progress(run, 1);
    fprintf(stderr, "%s: %zu articles, %zu sentences, %zu events "
                    "(%zu mentions), %zu errors",
            run->prog, run->articles, run->sentences, run->events,
            run->mentions, run->errors);
    if (run->warnings)
        fprintf(stderr, ", %zu warnings", run->warnings);
    fputc('\n', stderr);
    return bad;
}
