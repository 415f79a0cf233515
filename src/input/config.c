/* config.c - the coding options that PETRARCH <Config> elements change. */
#include <stddef.h>
#include <string.h>

#include "khabar.h"
#include "../base/error.h"
#include "../base/util.h"

void kb_config_init(kb_config *c)
{
    c->new_actor_length = 0;
    c->require_dyad = 1;
    c->comma_min = 2;
    c->comma_max = 8;
    c->comma_bmin = 0;
    c->comma_bmax = 0;
    c->comma_emin = 2;
    c->comma_emax = 8;
    c->clause_sources = 0;
    c->embedded_clauses = 0;
}

/* Largest value accepted for a count option; anything bigger is a typo. */
enum { MAX_COUNT = 100000 };

static int lower(int c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

/* Equal ignoring ASCII case, with blanks around s allowed. */
static int name_is(const char *s, const char *name)
{
    while (kbi_isspace((unsigned char)*s))
        s++;
    size_t n = strlen(name);
    for (size_t i = 0; i < n; i++)
        if (lower((unsigned char)s[i]) != name[i])
            return 0;
    s += n;
    while (kbi_isspace((unsigned char)*s))
        s++;
    return *s == '\0';
}

static int contains_false(const char *s)
{
    for (; *s; s++) {
        size_t i = 0;
        while (i < 5 && s[i] && lower((unsigned char)s[i]) == "false"[i])
            i++;
        if (i == 5)
            return 1;
    }
    return 0;
}

/* A non-negative decimal count with optional blanks around it. */
static int parse_count(const char *s, int *out)
{
    long v = 0;
    int digits = 0;
    while (kbi_isspace((unsigned char)*s))
        s++;
    if (*s == '+')
        s++;
    for (; kbi_isdigit((unsigned char)*s); s++, digits++) {
        v = v * 10 + (*s - '0');
        if (v > MAX_COUNT)
            return 0;
    }
    while (kbi_isspace((unsigned char)*s))
        s++;
    if (!digits || *s)
        return 0;
    *out = (int)v;
    return 1;
}

static int *count_field(kb_config *c, const char *option)
{
    static const struct {
        const char *name;
        size_t offset;
    } fields[] = {
        {"new_actor_length", offsetof(kb_config, new_actor_length)},
        {"comma_min", offsetof(kb_config, comma_min)},
        {"comma_max", offsetof(kb_config, comma_max)},
        {"comma_bmin", offsetof(kb_config, comma_bmin)},
        {"comma_bmax", offsetof(kb_config, comma_bmax)},
        {"comma_emin", offsetof(kb_config, comma_emin)},
        {"comma_emax", offsetof(kb_config, comma_emax)},
    };
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        if (name_is(option, fields[i].name))
            return (int *)((char *)c + fields[i].offset);
    return NULL;
}

kb_status kb_config_set(kb_config *c, const char *option, const char *value,
                        kb_error *err)
{
    if (!c || !option || !value) {
        kbi_error_set(err, KB_ERR_INVALID, NULL, 0, 0,
                      "Config needs an option and a value");
        return KB_ERR_INVALID;
    }
    if (name_is(option, "require_dyad")) {
        c->require_dyad = !contains_false(value);
        return KB_OK;
    }
    if (name_is(option, "stop_on_error"))
        return KB_OK; /* a debugging switch of the Python coder */
    int *field = count_field(c, option);
    if (!field) {
        kbi_error_set(err, KB_ERR_INVALID, NULL, 0, 0,
                      "unknown option \"%.100s\"", option);
        return KB_ERR_INVALID;
    }
    if (!parse_count(value, field)) {
        kbi_error_set(err, KB_ERR_INVALID, NULL, 0, 0,
                      "option %.100s: \"%.100s\" is not a whole number from 0 "
                      "to %d", option, value, (int)MAX_COUNT);
        return KB_ERR_INVALID;
    }
    return KB_OK;
}
