/* t.h - the unit-test harness: a handful of macros, no framework.
 *
 *     static void test_something(void) { T_EQ_INT(1 + 1, 2); }
 *     int main(void) { T_RUN(test_something); return t_done(); }
 */
#ifndef KB_T_H
#define KB_T_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int t_failures, t_checks;

#define T_FAIL(...)                                                        \
    do {                                                                   \
        t_failures++;                                                      \
        fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);                    \
        fprintf(stderr, __VA_ARGS__);                                      \
        fputc('\n', stderr);                                               \
    } while (0)

#define T_OK(c)                                                            \
    do {                                                                   \
        t_checks++;                                                        \
        if (!(c))                                                          \
            T_FAIL("expected: %s", #c);                                    \
    } while (0)

#define T_EQ_INT(a, b)                                                     \
    do {                                                                   \
        long long a_ = (long long)(a), b_ = (long long)(b);                \
        t_checks++;                                                        \
        if (a_ != b_)                                                      \
            T_FAIL("%s == %lld, expected %lld", #a, a_, b_);               \
    } while (0)

#define T_EQ_STR(a, b)                                                     \
    do {                                                                   \
        const char *a_ = (a), *b_ = (b);                                   \
        t_checks++;                                                        \
        if (!a_ || !b_ || strcmp(a_, b_) != 0)                             \
            T_FAIL("%s == \"%s\", expected \"%s\"", #a, a_ ? a_ : "(null)", \
                   b_ ? b_ : "(null)");                                    \
    } while (0)

#define T_RUN(fn)                                                          \
    do {                                                                   \
        int before_ = t_failures;                                          \
        fn();                                                              \
        if (t_failures != before_)                                         \
            fprintf(stderr, "FAILED %s\n", #fn);                           \
    } while (0)

static inline int t_done(void)
{
    printf("%d checks, %d failures\n", t_checks, t_failures);
    return t_failures ? 1 : 0;
}

/* An allocator (kb_allocator.realloc with ctx = a t_failing) that lets
 * `left` allocations succeed and fails the next one: only that one, or
 * every one after it when `sticky`; left < 0 never fails. `live` counts
 * the blocks not freed, `calls` the allocations asked for, `failed` tells
 * that one failed. */
typedef struct t_failing {
    long left;
    int sticky;
    int failed;
    long live;
    long calls;
} t_failing;

static inline void *t_failing_realloc(void *ctx, void *p, size_t old,
                                      size_t size)
{
    t_failing *f = ctx;
    (void)old;
    if (size == 0) {
        if (p)
            f->live--;
        free(p);
        return NULL;
    }
    f->calls++;
    if (f->left == 0) {
        f->failed = 1;
        if (!f->sticky)
            f->left = -1;
        return NULL;
    }
    if (f->left > 0)
        f->left--;
    void *q = realloc(p, size);
    if (q && !p)
        f->live++;
    return q;
}

#endif
