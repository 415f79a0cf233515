/* issues.h - counting issue phrases (Phoenix.IssueCoding.txt) in a
 * sentence. */
#ifndef KB_ISSUES_H
#define KB_ISSUES_H

#include <stddef.h>

#include "dict.h"

/* Counts the issue phrases of d in text[0, len) and sets *out to
 * "CODE,n;CODE,n" (codes in order of first occurrence), allocated in
 * arena a; "" when there is none.
 *
 * Matching (PETRARCH-2 spec §7.2, on characters rather than whitespace
 * tokens): case-insensitive, a whitespace run equals one blank, a phrase
 * starts at a word boundary (start of text or after a character that is
 * not a letter or digit) and ends at one (end of text, a non-letter/digit
 * next, or a phrase whose last character is not a letter or digit, such
 * as "E.U."). At each position the shortest coded phrase counts once and
 * the scan for coded phrases resumes after it, so matches never overlap.
 * An ignore phrase ('~' or '~~' in the file) that matches anywhere
 * suppresses the issues of its own <ISSUE> section (all issues when it
 * stands outside any section); the spec's PETRARCH-2 cancels all issues,
 * which would make codes such as OIL unreachable (issues.c). *ignored
 * (may be NULL) is the strongest ignore phrase that matched: 0 none, 1
 * '~', 2 '~~'; the spec keeps no sentence/story distinction, a caller may.
 * Returns KB_OK, or KB_ERR_NOMEM when the arena is exhausted. */
kb_status kbi_issues_match(const kb_dict *d, const char *text, size_t len,
                           kbi_arena *a, const char **out, int *ignored);

#endif
