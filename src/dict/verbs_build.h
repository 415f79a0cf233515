/* verbs_build.h - building the verb tables: registering verb forms with
 * their readings, tokenising TABARI-style patterns into elements, the
 * plural rules. Used by the verb dictionary readers. */
#ifndef KB_VERBS_BUILD_H
#define KB_VERBS_BUILD_H

#include "dict.h"

/* A verb line as written: phrase ("BREAK", "+BREAK_DOWN", "WIRE_+TAP"),
 * the text inside {} or NULL, the code in force and the block. */
typedef struct kbi_verb_spec {
    const char *phrase;
    size_t nphrase;
    const char *forms;   /* NULL: regular forms are generated */
    size_t nforms;
    const char *code;    /* arena string */
    int32_t block;
    const char *file;
    int32_t line;
} kbi_verb_spec;

/* Registers the base phrase and its forms. *name receives the verb word
 * (the '+' word of a multi-word verb) as an arena string, NULL when the
 * line could not be used. Malformed lines are reported through L. */
kb_status kbi_verb_register(kbi_load *L, const kbi_verb_spec *vs,
                            const char **name);

/* Regular forms of a root (TABARI rule): +S; E-final: +D and (E dropped)
 * +ING; otherwise +ED and +ING. Writes up to 3 arena strings into out and
 * returns how many, 0 when out of memory. */
int kbi_regular_forms(kbi_arena *a, const char *root, const char *out[3]);

/* Synset plural: final Y -> IES, final S -> +ES, else +S. */
char *kbi_plural_synset(kbi_arena *a, const char *word);

/* Tokenises the pattern text between the leading '-' and the '[' into
 * upper and lower element lists (TABARI spec §3.5). On a malformed
 * pattern returns KB_ERR_SYNTAX with *col (0-based within s) and *why. */
kb_status kbi_pattern_parse(kb_dict *d, const char *s, size_t n,
                            kbi_pattern *p, int *col, const char **why);

/* The pattern line as evidence: comment (" #...") cut, blank runs
 * squeezed, trimmed. Returns an arena string or NULL. */
char *kbi_pattern_text(kbi_arena *a, const char *s, size_t n);

/* Drops readings that belong to blocks replaced by a later block. */
kb_status kbi_verbs_drop_dead(kb_dict *d);

#endif
