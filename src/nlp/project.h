/* project.h - phrase structure (kbi_node) projected from the dependency
 * heads and relations of a kbi_sentence, so that the coder can read
 * dependency parses (see project.c for the rules). */
#ifndef KB_PROJECT_H
#define KB_PROJECT_H

#include "sentence.h"

/* Replaces s->nodes with phrases built from the tokens' head, deprel and
 * xpos. Invalid heads (out of range, cycles, several roots) are repaired,
 * not rejected. Returns KB_ERR_NOMEM, or KB_ERR_LIMIT past
 * KBI_MAX_NODES. */
kb_status kbi_project_constituents(kbi_sentence *s, kbi_arena *a);

#endif
