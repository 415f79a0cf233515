/* model.c - the binary model file: checked open (mmap or memory) and an
 * atomic writer. See model.h for the layout.
 *
 * Every number in the header is distrusted: the section table must fit in
 * the file, each section must start on a 64-byte boundary after the table,
 * end inside the file (no overflow), not overlap another section, and have a
 * NUL-terminated, non-empty, unique name. Only then is a pointer handed out. */
#include "model.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../base/error.h"

enum { HEADER = 16, ENTRY = 40, NAME = 24, ALIGN = 64,
       MAX_SECTIONS = 4096 };

typedef struct section {
    char name[NAME];
    uint64_t offset, size;
} section;

struct kbi_model {
    const unsigned char *data; /* start of the file image */
    size_t size;
    void *map;      /* mmap'd region, or NULL */
    void *copy;     /* aligned copy made by open_mem, or NULL */
    uint32_t nsections;
    section *sec;
};

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static uint64_t rd64(const unsigned char *p)
{
    return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

static void wr32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void wr64(unsigned char *p, uint64_t v)
{
    wr32(p, (uint32_t)v);
    wr32(p + 4, (uint32_t)(v >> 32));
}

static int cmp_offset(const void *a, const void *b)
{
    const section *x = *(const section *const *)a;
    const section *y = *(const section *const *)b;
    return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* Checks the header of m->data/m->size and fills m->sec. */
static kb_status check(kbi_model *m, const char *name, kb_error *err)
{
    const unsigned char *d = m->data;
    size_t size = m->size;
    if (size < HEADER) {
        kbi_error_set(err, KB_ERR_SYNTAX, name, 0, 0,
                      "model file truncated: %zu bytes, the header needs %d",
                      size, HEADER);
        return KB_ERR_SYNTAX;
    }
    if (memcmp(d, KBI_MODEL_MAGIC, 8) != 0) {
        kbi_error_set(err, KB_ERR_SYNTAX, name, 0, 0,
                      "not a Khabar model file (bad magic)");
        return KB_ERR_SYNTAX;
    }
    uint32_t version = rd32(d + 8);
    if (version != KBI_MODEL_VERSION) {
        kbi_error_set(err, KB_ERR_SYNTAX, name, 0, 0,
                      "model file version %u, this build reads version %u",
                      version, KBI_MODEL_VERSION);
        return KB_ERR_SYNTAX;
    }
    uint32_t n = rd32(d + 12);
    if (n > MAX_SECTIONS || (uint64_t)HEADER + (uint64_t)n * ENTRY > size) {
        kbi_error_set(err, KB_ERR_SYNTAX, name, 0, 0,
                      "model file truncated or corrupt: %u sections do not "
                      "fit in %zu bytes", n, size);
        return KB_ERR_SYNTAX;
    }
    uint64_t table_end = (uint64_t)HEADER + (uint64_t)n * ENTRY;
    m->sec = calloc(n ? n : 1, sizeof *m->sec);
    section **order = calloc(n ? n : 1, sizeof *order);
    if (!m->sec || !order) {
        free(order);
        kbi_error_set(err, KB_ERR_NOMEM, name, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    m->nsections = n;
    kb_status st = KB_OK;
    for (uint32_t i = 0; i < n && st == KB_OK; i++) {
        const unsigned char *e = d + HEADER + (size_t)i * ENTRY;
        section *s = &m->sec[i];
        memcpy(s->name, e, NAME);
        s->offset = rd64(e + NAME);
        s->size = rd64(e + NAME + 8);
        order[i] = s;
        if (!memchr(s->name, '\0', NAME) || s->name[0] == '\0') {
            kbi_error_set(err, KB_ERR_SYNTAX, name, 0, 0,
                          "section %u: name empty or not NUL-terminated", i);
            st = KB_ERR_SYNTAX;
        } else if (s->offset % ALIGN != 0 || s->offset < table_end) {
            kbi_error_set(err, KB_ERR_SYNTAX, name, 0, 0,
                          "section %s: offset %llu not a multiple of %d after "
                          "the section table", s->name,
                          (unsigned long long)s->offset, ALIGN);
            st = KB_ERR_SYNTAX;
        } else if (s->offset > size || s->size > size - s->offset) {
            kbi_error_set(err, KB_ERR_SYNTAX, name, 0, 0,
                          "section %s: bytes %llu..%llu outside the file "
                          "(%zu bytes; truncated?)", s->name,
                          (unsigned long long)s->offset,
                          (unsigned long long)(s->offset + s->size), size);
            st = KB_ERR_SYNTAX;
        }
        for (uint32_t j = 0; j < i && st == KB_OK; j++)
            if (strcmp(m->sec[j].name, s->name) == 0) {
                kbi_error_set(err, KB_ERR_SYNTAX, name, 0, 0,
                              "section %s appears twice", s->name);
                st = KB_ERR_SYNTAX;
            }
    }
    if (st == KB_OK && n > 1) {
        qsort(order, n, sizeof *order, cmp_offset);
        for (uint32_t i = 1; i < n; i++)
            if (order[i - 1]->offset + order[i - 1]->size > order[i]->offset) {
                kbi_error_set(err, KB_ERR_SYNTAX, name, 0, 0,
                              "sections %s and %s overlap", order[i - 1]->name,
                              order[i]->name);
                st = KB_ERR_SYNTAX;
                break;
            }
    }
    free(order);
    return st;
}

static kb_status finish(kbi_model *m, const char *name, kbi_model **out,
                        kb_error *err)
{
    kb_status st = check(m, name, err);
    if (st != KB_OK) {
        kbi_model_close(m);
        return st;
    }
    *out = m;
    return KB_OK;
}

kb_status kbi_model_open_mem(const void *data, size_t size, const char *name,
                             kbi_model **out, kb_error *err)
{
    *out = NULL;
    kbi_model *m = calloc(1, sizeof *m);
    if (!m) {
        kbi_error_set(err, KB_ERR_NOMEM, name, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    if (((uintptr_t)data % ALIGN) != 0 && size > 0) {
        /* sections are promised 64-byte aligned: copy to aligned memory */
        size_t cap = (size + ALIGN - 1) / ALIGN * ALIGN;
        m->copy = aligned_alloc(ALIGN, cap);
        if (!m->copy) {
            free(m);
            kbi_error_set(err, KB_ERR_NOMEM, name, 0, 0, "out of memory");
            return KB_ERR_NOMEM;
        }
        memcpy(m->copy, data, size);
        data = m->copy;
    }
    m->data = data;
    m->size = size;
    return finish(m, name, out, err);
}

kb_status kbi_model_open(const char *path, kbi_model **out, kb_error *err)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        kbi_error_set(err, KB_ERR_IO, path, 0, 0, "cannot open model: %s",
                      strerror(errno));
        return KB_ERR_IO;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        kbi_error_set(err, KB_ERR_IO, path, 0, 0,
                      "cannot read model: not a regular file");
        return KB_ERR_IO;
    }
    kbi_model *m = calloc(1, sizeof *m);
    if (!m) {
        close(fd);
        kbi_error_set(err, KB_ERR_NOMEM, path, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    m->size = (size_t)st.st_size;
    if (m->size > 0) {
        void *p = mmap(NULL, m->size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p == MAP_FAILED) {
            int e = errno;
            close(fd);
            free(m);
            kbi_error_set(err, KB_ERR_IO, path, 0, 0, "cannot map model: %s",
                          strerror(e));
            return KB_ERR_IO;
        }
        m->map = p;
        m->data = p;
    } else {
        m->data = (const unsigned char *)"";
    }
    close(fd);
    return finish(m, path, out, err);
}

void kbi_model_close(kbi_model *m)
{
    if (!m)
        return;
    if (m->map)
        munmap(m->map, m->size);
    free(m->copy);
    free(m->sec);
    free(m);
}

const void *kbi_model_section(const kbi_model *m, const char *name,
                              size_t *size)
{
    for (uint32_t i = 0; m && i < m->nsections; i++)
        if (strcmp(m->sec[i].name, name) == 0) {
            if (size)
                *size = (size_t)m->sec[i].size;
            return m->data + m->sec[i].offset;
        }
    if (size)
        *size = 0;
    return NULL;
}

/* ---- writer ------------------------------------------------------------ */

struct kbi_model_writer {
    section *sec;
    void **data;
    size_t n, cap;
};

kbi_model_writer *kbi_model_writer_new(void)
{
    return calloc(1, sizeof(kbi_model_writer));
}

void kbi_model_writer_free(kbi_model_writer *w)
{
    if (!w)
        return;
    for (size_t i = 0; i < w->n; i++)
        free(w->data[i]);
    free(w->data);
    free(w->sec);
    free(w);
}

kb_status kbi_model_writer_add(kbi_model_writer *w, const char *name,
                               const void *data, size_t size)
{
    size_t len = strlen(name);
    if (len == 0 || len >= NAME || w->n >= MAX_SECTIONS)
        return KB_ERR_INVALID;
    for (size_t i = 0; i < w->n; i++)
        if (strcmp(w->sec[i].name, name) == 0)
            return KB_ERR_INVALID;
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 8;
        section *s = realloc(w->sec, cap * sizeof *s);
        if (!s)
            return KB_ERR_NOMEM;
        w->sec = s;
        void **d = realloc(w->data, cap * sizeof *d);
        if (!d)
            return KB_ERR_NOMEM;
        w->data = d;
        w->cap = cap;
    }
    void *copy = malloc(size ? size : 1);
    if (!copy)
        return KB_ERR_NOMEM;
    if (size)
        memcpy(copy, data, size);
    section *s = &w->sec[w->n];
    memset(s->name, 0, NAME);
    memcpy(s->name, name, len);
    s->size = size;
    w->data[w->n++] = copy;
    return KB_OK;
}

static int write_all(FILE *f, const void *p, size_t n)
{
    return n == 0 || fwrite(p, 1, n, f) == n;
}

kb_status kbi_model_writer_save(kbi_model_writer *w, const char *path,
                                kb_error *err)
{
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 5);
    if (!tmp) {
        kbi_error_set(err, KB_ERR_NOMEM, path, 0, 0, "out of memory");
        return KB_ERR_NOMEM;
    }
    memcpy(tmp, path, plen);
    memcpy(tmp + plen, ".tmp", 5);
    /* lay the sections out */
    uint64_t off = HEADER + (uint64_t)w->n * ENTRY;
    for (size_t i = 0; i < w->n; i++) {
        off = (off + ALIGN - 1) / ALIGN * ALIGN;
        w->sec[i].offset = off;
        off += w->sec[i].size;
    }
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        kbi_error_set(err, KB_ERR_IO, tmp, 0, 0, "cannot create: %s",
                      strerror(errno));
        free(tmp);
        return KB_ERR_IO;
    }
    unsigned char head[HEADER], ent[ENTRY];
    static const unsigned char zeros[ALIGN];
    memcpy(head, KBI_MODEL_MAGIC, 8);
    wr32(head + 8, KBI_MODEL_VERSION);
    wr32(head + 12, (uint32_t)w->n);
    int ok = write_all(f, head, HEADER);
    for (size_t i = 0; i < w->n && ok; i++) {
        memcpy(ent, w->sec[i].name, NAME);
        wr64(ent + NAME, w->sec[i].offset);
        wr64(ent + NAME + 8, w->sec[i].size);
        ok = write_all(f, ent, ENTRY);
    }
    uint64_t pos = HEADER + (uint64_t)w->n * ENTRY;
    for (size_t i = 0; i < w->n && ok; i++) {
        ok = write_all(f, zeros, (size_t)(w->sec[i].offset - pos));
        ok = ok && write_all(f, w->data[i], (size_t)w->sec[i].size);
        pos = w->sec[i].offset + w->sec[i].size;
    }
    ok = ok && fflush(f) == 0 && fsync(fileno(f)) == 0;
    int e = errno;
    if (fclose(f) != 0 && ok) {
        ok = 0;
        e = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = 0;
        e = errno;
    }
    if (!ok) {
        remove(tmp);
        kbi_error_set(err, KB_ERR_IO, path, 0, 0, "cannot write model: %s",
                      strerror(e));
        free(tmp);
        return KB_ERR_IO;
    }
    free(tmp);
    return KB_OK;
}
