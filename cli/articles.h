/* articles.h - the CLI's threaded loop over articles. */
#ifndef KB_CLI_ARTICLES_H
#define KB_CLI_ARTICLES_H

#include <stddef.h>

#include "khabar.h"

/* One `khabar code` run over article inputs. */
typedef struct kbc_run {
    const char *prog;
    kb_format fmt;
    int nthreads;
    kb_merger *merger;     /* NULL: events written as their article is
                              coded (--no-merge) */
    size_t total_bytes;    /* of all inputs, for the ETA; 0 unknown */
    int no_events;         /* count only (khabar actors) */
    /* counts: errors are articles or records lost (reported and
     * skipped); warnings are problems reported in articles that were
     * still coded (an invalid UTF-8 byte replaced) */
    size_t articles, sentences, events, mentions, errors, warnings, bytes;
    int tty;               /* stderr is a terminal: show progress */
    double t0, last;
} kbc_run;

void kbc_run_start(kbc_run *run);

/* Codes every article of r. Returns 1 when an article failed or could
 * not be read (it is reported and skipped; the others are coded). */
int kbc_code_articles(const kb_coder *c, kb_article_reader *r, kbc_run *run);

/* Writes the merged events (if merging), ends the progress line and
 * prints the summary on stderr. Returns 1 when output failed. */
int kbc_run_finish(kbc_run *run);

#endif
