/* parallel.h - running one worker function on several threads. */
#ifndef KHABAR_CLI_PARALLEL_H
#define KHABAR_CLI_PARALLEL_H

/* Runs worker(arg) on nthreads threads, the caller's included (at most 64;
 * threads that cannot be started are left out, the caller's always
 * runs), and returns when all have returned. The workers share arg and
 * take their jobs from it. */
void kbc_parallel(int nthreads, void *(*worker)(void *), void *arg);

#endif
