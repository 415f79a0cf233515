/* parallel.c - see parallel.h. */
#include <pthread.h>

#include "parallel.h"

void kbc_parallel(int nthreads, void *(*worker)(void *), void *arg)
{
    pthread_t th[64];
    int started = 0;
    for (int t = 1; t < nthreads && t < 64; t++)
        if (pthread_create(&th[started], NULL, worker, arg) == 0)
            started++;
    worker(arg);
    for (int t = 0; t < started; t++)
        pthread_join(th[t], NULL);
}
