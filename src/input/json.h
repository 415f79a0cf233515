/* json.h - a small JSON reader for one-object-per-line input (JSON
 * Lines): string members are decoded, other values are checked and
 * skipped. */
#ifndef KB_JSON_H
#define KB_JSON_H

#include <stddef.h>

#include "../base/arena.h"

typedef struct kbi_json_member {
    const char *key;
    const char *value;  /* decoded UTF-8 for strings; other values as
                           written ("12", "null", "[1,2]") */
    size_t len;         /* value length in bytes (strings may hold NUL) */
    int is_string;
} kbi_json_member;

typedef struct kbi_json_object {
    kbi_json_member *m;
    int n;
} kbi_json_object;

enum { KBI_JSON_MAX_DEPTH = 64, KBI_JSON_MAX_MEMBERS = 256 };

/* Parses s[0, len) as one JSON object (whitespace around it allowed).
 * Top-level members are kept (at most KBI_JSON_MAX_MEMBERS; later ones
 * are checked and skipped). On error returns 0 with *col (1-based byte
 * column) and *why. */
int kbi_json_parse_object(const char *s, size_t len, kbi_arena *a,
                          kbi_json_object *out, int *col, const char **why);

/* The member named key, or NULL. */
const kbi_json_member *kbi_json_get(const kbi_json_object *o, const char *key);

#endif
