/* test_model.c - the binary model file (src/nlp/model.c): writer round
 * trip, and every kind of damaged file giving an error instead of a crash. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "t.h"
#include "nlp/model.h"

static char path[256];

static void le32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void le64(unsigned char *p, uint64_t v)
{
    le32(p, (uint32_t)v);
    le32(p + 4, (uint32_t)(v >> 32));
}

static unsigned char *read_all(const char *p, size_t *n)
{
    FILE *f = fopen(p, "rb");
    if (!f)
        return NULL;
    unsigned char *buf = malloc(1 << 16);
    *n = fread(buf, 1, 1 << 16, f);
    fclose(f);
    return buf;
}

/* A model with sections "alpha" (5 bytes), "empty" (0) and "beta" (100). */
static kb_status write_small(void)
{
    kbi_model_writer *w = kbi_model_writer_new();
    unsigned char beta[100];
    for (int i = 0; i < 100; i++)
        beta[i] = (unsigned char)(i * 7);
    T_EQ_INT(kbi_model_writer_add(w, "alpha", "hello", 5), KB_OK);
    T_EQ_INT(kbi_model_writer_add(w, "empty", "", 0), KB_OK);
    T_EQ_INT(kbi_model_writer_add(w, "beta", beta, sizeof beta), KB_OK);
    T_EQ_INT(kbi_model_writer_add(w, "alpha", "x", 1), KB_ERR_INVALID);
    T_EQ_INT(kbi_model_writer_add(w, "a-name-of-24-characters!", "x", 1),
             KB_ERR_INVALID);
    T_EQ_INT(kbi_model_writer_add(w, "", "x", 1), KB_ERR_INVALID);
    kb_error e;
    kb_status st = kbi_model_writer_save(w, path, &e);
    kbi_model_writer_free(w);
    return st;
}

static void check_small(const kbi_model *m)
{
    size_t n;
    const unsigned char *a = kbi_model_section(m, "alpha", &n);
    T_OK(a != NULL && n == 5 && memcmp(a, "hello", 5) == 0);
    T_EQ_INT((uintptr_t)a % 64, 0);
    const unsigned char *b = kbi_model_section(m, "beta", &n);
    T_OK(b != NULL && n == 100);
    T_EQ_INT((uintptr_t)b % 64, 0);
    if (b)
        T_EQ_INT(b[99], (99 * 7) & 255);
    T_OK(kbi_model_section(m, "empty", &n) != NULL && n == 0);
    T_OK(kbi_model_section(m, "gamma", &n) == NULL && n == 0);
}

static void test_round_trip(void)
{
    T_EQ_INT(write_small(), KB_OK);
    char tmp[300];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    T_OK(access(tmp, F_OK) != 0); /* renamed away */
    kbi_model *m;
    kb_error e;
    T_EQ_INT(kbi_model_open(path, &m, &e), KB_OK);
    check_small(m);
    kbi_model_close(m);
    /* from memory, also at an address that is not 64-byte aligned */
    size_t n;
    unsigned char *buf = read_all(path, &n);
    T_OK(buf != NULL);
    unsigned char *odd = malloc(n + 1);
    memcpy(odd + 1, buf, n);
    T_EQ_INT(kbi_model_open_mem(odd + 1, n, "odd", &m, &e), KB_OK);
    check_small(m);
    kbi_model_close(m);
    free(odd);
    free(buf);
}

static void test_truncated(void)
{
    T_EQ_INT(write_small(), KB_OK);
    size_t n;
    unsigned char *buf = read_all(path, &n);
    T_OK(buf != NULL && n > 0);
    int failures = 0;
    for (size_t len = 0; len < n; len++) {
        /* exact-size copy so that a sanitizer sees any over-read */
        unsigned char *c = malloc(len ? len : 1);
        memcpy(c, buf, len);
        kbi_model *m = NULL;
        kb_error e;
        if (kbi_model_open_mem(c, len, "cut", &m, &e) != KB_ERR_SYNTAX ||
            m != NULL || e.message[0] == '\0')
            failures++;
        free(c);
    }
    T_EQ_INT(failures, 0);
    free(buf);
}

/* A hand-made image: header + n entries, sections from `secs`. */
typedef struct sec {
    const char *name;
    uint64_t off, size;
} sec;

static kb_status open_image_n(const sec *s, uint32_t nfill, uint32_t n,
                              size_t size, const char *magic,
                              uint32_t version, kb_error *e)
{
    unsigned char *img = calloc(1, size);
    memcpy(img, magic, 8);
    le32(img + 8, version);
    le32(img + 12, n);
    for (uint32_t i = 0; i < nfill && 16 + 40 * (i + 1) <= size; i++) {
        unsigned char *p = img + 16 + 40 * i;
        memcpy(p, s[i].name, strlen(s[i].name) > 24 ? 24 : strlen(s[i].name));
        le64(p + 24, s[i].off);
        le64(p + 32, s[i].size);
    }
    kbi_model *m = NULL;
    kb_status st = kbi_model_open_mem(img, size, "img", &m, e);
    if (st == KB_OK) {
        for (uint32_t i = 0; i < nfill; i++) {
            size_t got;
            const char *p = kbi_model_section(m, s[i].name, &got);
            T_OK(p != NULL && got == s[i].size);
        }
    }
    kbi_model_close(m);
    free(img);
    return st;
}

static kb_status open_image(const sec *s, uint32_t n, size_t size,
                            const char *magic, uint32_t version, kb_error *e)
{
    return open_image_n(s, n, n, size, magic, version, e);
}

static void test_bad_headers(void)
{
    kb_error e;
    sec ok[2] = {{"a", 128, 10}, {"b", 192, 64}};
    T_EQ_INT(open_image(ok, 2, 256, KBI_MODEL_MAGIC, KBI_MODEL_VERSION, &e),
             KB_OK);
    T_EQ_INT(open_image(ok, 2, 256, "KHABARMX", KBI_MODEL_VERSION, &e),
             KB_ERR_SYNTAX);
    T_OK(strstr(e.message, "magic") != NULL);
    T_EQ_INT(open_image(ok, 2, 256, KBI_MODEL_MAGIC, 2, &e), KB_ERR_SYNTAX);
    T_OK(strstr(e.message, "version") != NULL);
    /* section past the end, and offset + size wrapping around */
    sec past[1] = {{"a", 128, 129}};
    T_EQ_INT(open_image(past, 1, 256, KBI_MODEL_MAGIC, 1, &e), KB_ERR_SYNTAX);
    T_OK(strstr(e.message, "outside") != NULL);
    sec wrap[1] = {{"a", 128, UINT64_MAX - 64}};
    T_EQ_INT(open_image(wrap, 1, 256, KBI_MODEL_MAGIC, 1, &e), KB_ERR_SYNTAX);
    sec far[1] = {{"a", (uint64_t)1 << 62, 1}};
    T_EQ_INT(open_image(far, 1, 256, KBI_MODEL_MAGIC, 1, &e), KB_ERR_SYNTAX);
    /* misaligned, inside the table, overlapping, duplicate, bad names */
    sec mis[1] = {{"a", 100, 4}};
    T_EQ_INT(open_image(mis, 1, 256, KBI_MODEL_MAGIC, 1, &e), KB_ERR_SYNTAX);
    T_OK(strstr(e.message, "multiple of 64") != NULL);
    sec intable[3] = {{"a", 64, 4}, {"b", 192, 4}, {"c", 200, 0}};
    T_EQ_INT(open_image(intable, 3, 256, KBI_MODEL_MAGIC, 1, &e),
             KB_ERR_SYNTAX);
    sec over[2] = {{"a", 128, 65}, {"b", 192, 10}};
    T_EQ_INT(open_image(over, 2, 256, KBI_MODEL_MAGIC, 1, &e), KB_ERR_SYNTAX);
    T_OK(strstr(e.message, "overlap") != NULL);
    sec over2[2] = {{"a", 192, 10}, {"b", 128, 128}};
    T_EQ_INT(open_image(over2, 2, 256, KBI_MODEL_MAGIC, 1, &e),
             KB_ERR_SYNTAX);
    sec dupl[2] = {{"a", 128, 10}, {"a", 192, 10}};
    T_EQ_INT(open_image(dupl, 2, 256, KBI_MODEL_MAGIC, 1, &e), KB_ERR_SYNTAX);
    T_OK(strstr(e.message, "twice") != NULL);
    sec noname[1] = {{"", 128, 10}};
    T_EQ_INT(open_image(noname, 1, 256, KBI_MODEL_MAGIC, 1, &e),
             KB_ERR_SYNTAX);
    sec longname[1] = {{"abcdefghijklmnopqrstuvwxyz", 128, 10}};
    T_EQ_INT(open_image(longname, 1, 256, KBI_MODEL_MAGIC, 1, &e),
             KB_ERR_SYNTAX);
    /* a section table larger than the file */
    T_EQ_INT(open_image_n(ok, 2, 1000000, 256, KBI_MODEL_MAGIC, 1, &e),
             KB_ERR_SYNTAX);
    T_EQ_INT(open_image_n(ok, 2, 0xffffffffu, 256, KBI_MODEL_MAGIC, 1, &e),
             KB_ERR_SYNTAX);
    /* no sections at all is a valid (empty) model */
    T_EQ_INT(open_image(ok, 0, 16, KBI_MODEL_MAGIC, 1, &e), KB_OK);
}

static void test_io_errors(void)
{
    kbi_model *m = (kbi_model *)1;
    kb_error e;
    T_EQ_INT(kbi_model_open("/nonexistent/khabar.model", &m, &e), KB_ERR_IO);
    T_OK(m == NULL);
    T_EQ_STR(e.file, "/nonexistent/khabar.model");
    T_EQ_INT(kbi_model_open("/", &m, &e), KB_ERR_IO);
    kbi_model_writer *w = kbi_model_writer_new();
    T_EQ_INT(kbi_model_writer_save(w, "/nonexistent/dir/x.model", &e),
             KB_ERR_IO);
    kbi_model_writer_free(w);
    /* an empty file */
    FILE *f = fopen(path, "wb");
    fclose(f);
    T_EQ_INT(kbi_model_open(path, &m, &e), KB_ERR_SYNTAX);
    T_OK(strstr(e.message, "truncated") != NULL);
}

int main(void)
{
    snprintf(path, sizeof path, "/tmp/khabar-test-model-%ld.model",
             (long)getpid());
    T_RUN(test_round_trip);
    T_RUN(test_truncated);
    T_RUN(test_bad_headers);
    T_RUN(test_io_errors);
    remove(path);
    return t_done();
}
