/* json.c - see json.h. Iterative over nesting depth (bounded), linear in
 * the input. */
#include "json.h"

#include <string.h>

typedef struct jp {
    const char *s;
    size_t len, i;
    kbi_arena *a;
    const char *why;
} jp;

static void ws(jp *p)
{
    while (p->i < p->len && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
                             p->s[p->i] == '\n' || p->s[p->i] == '\r'))
        p->i++;
}

static int fail(jp *p, const char *why)
{
    p->why = why;
    return 0;
}

static int hex4(jp *p, unsigned *v)
{
    size_t at = p->i;
    if (p->i + 4 > p->len)
        return fail(p, "expected four hex digits after \\u");
    *v = 0;
    for (int k = 0; k < 4; k++) {
        char c = p->s[p->i++];
        unsigned d = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
                     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                                            : 16u;
        if (d == 16) {
            p->i = at;
            return fail(p, "expected four hex digits after \\u");
        }
        *v = *v * 16 + d;
    }
    return 1;
}

static size_t put_utf8(char *o, unsigned c)
{
    if (c < 0x80) {
        o[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (char)(0xC0 | (c >> 6));
        o[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (char)(0xE0 | (c >> 12));
        o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (c >> 18));
    o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* A string at p->i (the opening quote); decoded into *out when out is not
 * NULL. */
static int string(jp *p, char **out, size_t *olen)
{
    p->i++; /* '"' */
    size_t start = p->i;
    char *buf = NULL;
    if (out) {
        /* the decoded string is never longer than its source: find the
         * closing quote first, then allocate that much */
        size_t j = start;
        while (j < p->len && p->s[j] != '"')
            j += p->s[j] == '\\' ? 2 : 1;
        size_t max = (j < p->len ? j : p->len) - start;
        buf = kbi_arena_alloc(p->a, max + 1);
        if (!buf)
            return fail(p, "out of memory");
    }
    size_t n = 0;
    while (p->i < p->len) {
        unsigned char c = (unsigned char)p->s[p->i];
        if (c == '"') {
            p->i++;
            if (out) {
                buf[n] = '\0';
                *out = buf;
                *olen = n;
            }
            return 1;
        }
        if (c < 0x20)
            return fail(p, "control character in a string (escape it)");
        if (c != '\\') {
            if (buf)
                buf[n] = (char)c;
            n++;
            p->i++;
            continue;
        }
        p->i++;
        if (p->i >= p->len)
            break;
        char e = p->s[p->i++];
        unsigned cp = 0;
        switch (e) {
        case '"': cp = '"'; break;
        case '\\': cp = '\\'; break;
        case '/': cp = '/'; break;
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u':
            if (!hex4(p, &cp))
                return 0;
            if (cp >= 0xD800 && cp < 0xDC00 && p->i + 1 < p->len &&
                p->s[p->i] == '\\' && p->s[p->i + 1] == 'u') {
                size_t save = p->i;
                unsigned lo;
                p->i += 2;
                if (hex4(p, &lo) && lo >= 0xDC00 && lo < 0xE000)
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                else
                    p->i = save, p->why = NULL;
            }
            if (cp >= 0xD800 && cp < 0xE000)
                cp = 0xFFFD; /* lone surrogate */
            break;
        default:
            return fail(p, "unknown escape in a string");
        }
        char tmp[4];
        size_t k = put_utf8(tmp, cp);
        if (buf)
            memcpy(buf + n, tmp, k);
        n += k;
    }
    return fail(p, "unterminated string");
}

static int literal(jp *p, const char *w)
{
    size_t n = strlen(w);
    if (p->i + n > p->len || memcmp(p->s + p->i, w, n) != 0)
        return fail(p, "expected a value");
    p->i += n;
    return 1;
}

static int number(jp *p)
{
    size_t st = p->i;
    if (p->i < p->len && p->s[p->i] == '-')
        p->i++;
    size_t digits = p->i;
    while (p->i < p->len && ((p->s[p->i] >= '0' && p->s[p->i] <= '9') ||
                             p->s[p->i] == '.' || p->s[p->i] == 'e' ||
                             p->s[p->i] == 'E' || p->s[p->i] == '+' ||
                             p->s[p->i] == '-'))
        p->i++;
    if (p->i == digits || p->i == st)
        return fail(p, "expected a value");
    return 1;
}

/* Skips any value, nesting tracked with a small stack. */
static int skip_value(jp *p)
{
    char stack[KBI_JSON_MAX_DEPTH];
    int depth = 0;
    for (;;) {
        ws(p);
        if (p->i >= p->len)
            return fail(p, "unexpected end of the line");
        char c = p->s[p->i];
        if (c == '{' || c == '[') {
            if (depth == KBI_JSON_MAX_DEPTH)
                return fail(p, "nested too deeply");
            stack[depth++] = c == '{' ? '}' : ']';
            p->i++;
            ws(p);
            if (p->i < p->len && p->s[p->i] == stack[depth - 1]) {
                p->i++;
                depth--;
                goto after;
            }
            if (c == '{') {
                if (p->i >= p->len || p->s[p->i] != '"')
                    return fail(p, "expected a member name");
                if (!string(p, NULL, NULL))
                    return 0;
                ws(p);
                if (p->i >= p->len || p->s[p->i] != ':')
                    return fail(p, "expected ':'");
                p->i++;
            }
            continue;
        }
        if (c == '"') {
            if (!string(p, NULL, NULL))
                return 0;
        } else if (c == 't') {
            if (!literal(p, "true"))
                return 0;
        } else if (c == 'f') {
            if (!literal(p, "false"))
                return 0;
        } else if (c == 'n') {
            if (!literal(p, "null"))
                return 0;
        } else if (!number(p)) {
            return 0;
        }
    after:
        for (;;) {
            if (depth == 0)
                return 1;
            ws(p);
            if (p->i >= p->len)
                return fail(p, "unexpected end of the line");
            char d = p->s[p->i];
            if (d == stack[depth - 1]) {
                p->i++;
                depth--;
                continue;
            }
            if (d != ',')
                return fail(p, "expected ',' or a closing bracket");
            p->i++;
            if (stack[depth - 1] == '}') {
                ws(p);
                if (p->i >= p->len || p->s[p->i] != '"')
                    return fail(p, "expected a member name");
                if (!string(p, NULL, NULL))
                    return 0;
                ws(p);
                if (p->i >= p->len || p->s[p->i] != ':')
                    return fail(p, "expected ':'");
                p->i++;
            }
            break;
        }
    }
}

int kbi_json_parse_object(const char *s, size_t len, kbi_arena *a,
                          kbi_json_object *out, int *col, const char **why)
{
    jp p = {s, len, 0, a, NULL};
    out->n = 0;
    out->m = kbi_arena_alloc(a, KBI_JSON_MAX_MEMBERS * sizeof *out->m);
    int ok = out->m != NULL;
    if (!ok)
        p.why = "out of memory";
    ws(&p);
    if (ok && (p.i >= len || s[p.i] != '{'))
        ok = fail(&p, "expected '{' starting an object");
    if (ok) {
        p.i++;
        ws(&p);
        if (p.i < len && s[p.i] == '}') {
            p.i++;
        } else {
            for (;;) {
                ws(&p);
                if (p.i >= len || s[p.i] != '"') {
                    ok = fail(&p, "expected a member name");
                    break;
                }
                char *key;
                size_t klen;
                if (!(ok = string(&p, &key, &klen)))
                    break;
                ws(&p);
                if (p.i >= len || s[p.i] != ':') {
                    ok = fail(&p, "expected ':'");
                    break;
                }
                p.i++;
                ws(&p);
                kbi_json_member mb = {key, NULL, 0, 0};
                if (p.i < len && s[p.i] == '"') {
                    char *v;
                    if (!(ok = string(&p, &v, &mb.len)))
                        break;
                    mb.value = v;
                    mb.is_string = 1;
                } else {
                    size_t v0 = p.i;
                    if (!(ok = skip_value(&p)))
                        break;
                    mb.value = kbi_arena_strndup(a, s + v0, p.i - v0);
                    mb.len = p.i - v0;
                }
                if (out->n < KBI_JSON_MAX_MEMBERS)
                    out->m[out->n++] = mb;
                ws(&p);
                if (p.i < len && s[p.i] == ',') {
                    p.i++;
                    continue;
                }
                if (p.i < len && s[p.i] == '}') {
                    p.i++;
                    break;
                }
                ok = fail(&p, "expected ',' or '}'");
                break;
            }
        }
    }
    if (ok) {
        ws(&p);
        if (p.i < len)
            ok = fail(&p, "expected the end of the line after the object");
    }
    if (!ok) {
        *col = (int)(p.i < len ? p.i : len) + 1;
        *why = p.why ? p.why : "malformed JSON";
    }
    return ok;
}

const kbi_json_member *kbi_json_get(const kbi_json_object *o, const char *key)
{
    for (int i = 0; i < o->n; i++)
        if (strcmp(o->m[i].key, key) == 0)
            return &o->m[i];
    return NULL;
}
