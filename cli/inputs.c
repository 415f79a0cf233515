/* inputs.c - see inputs.h. */
#define _DEFAULT_SOURCE /* lstat */
#include <dirent.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "inputs.h"

static int push(kbc_inputs *in, const char *path)
{
    if (in->n == in->cap) {
        size_t cap = in->cap ? in->cap * 2 : 16;
        char **v = realloc(in->v, cap * sizeof *v);
        if (!v)
            return 0;
        in->v = v;
        in->cap = cap;
    }
    char *p = strdup(path);
    if (!p)
        return 0;
    in->v[in->n++] = p;
    return 1;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file below dir, hidden ones left out, in name order. */
static int walk(kbc_inputs *in, const char *dir, int depth)
{
    if (depth > 64) {
        fprintf(stderr, "khabar: %s: directories nested too deep (over 64), "
                        "not read\n", dir);
        return 1;
    }
    DIR *d = opendir(dir);
    if (!d)
        return push(in, dir); /* reported when opened */
    char **names = NULL;
    size_t n = 0, cap = 0;
    int ok = 1;
    struct dirent *e;
    while (ok && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nv = realloc(names, cap * sizeof *nv);
            if (!nv) {
                ok = 0;
                break;
            }
            names = nv;
        }
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        if (!names[n]) {
            ok = 0;
            break;
        }
        strcpy(names[n], dir);
        if (len > 2 && dir[strlen(dir) - 1] != '/')
            strcat(names[n], "/");
        strcat(names[n++], e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        struct stat st, lst;
        /* a link to a file is read; a link to a directory is not
         * followed (it may loop back) */
        if (ok && lstat(names[i], &lst) == 0 && stat(names[i], &st) == 0) {
            if (S_ISDIR(st.st_mode) && !S_ISLNK(lst.st_mode))
                ok = walk(in, names[i], depth + 1);
            else if (S_ISREG(st.st_mode))
                ok = push(in, names[i]);
        }
        free(names[i]);
    }
    free(names);
    return ok;
}

int kbc_inputs_add(kbc_inputs *in, const char *arg)
{
    struct stat st;
    if (strcmp(arg, "-") == 0 || stat(arg, &st) == 0)
        return strcmp(arg, "-") != 0 && S_ISDIR(st.st_mode)
                   ? walk(in, arg, 0)
                   : push(in, arg);
    if (strpbrk(arg, "*?[")) {
        glob_t g;
        if (glob(arg, 0, NULL, &g) == 0) {
            int ok = 1;
            for (size_t i = 0; ok && i < g.gl_pathc; i++)
                ok = kbc_inputs_add(in, g.gl_pathv[i]);
            globfree(&g);
            return ok;
        }
    }
    return push(in, arg);
}

void kbc_inputs_free(kbc_inputs *in)
{
    for (size_t i = 0; i < in->n; i++)
        free(in->v[i]);
    free(in->v);
    memset(in, 0, sizeof *in);
}
