/* article.h - coding whole articles (private to src/article).
 *
 * kb_code_article (article.c) runs each sentence of an article through the
 * NLP pipeline and the coder, with what only the article knows: the event
 * date of each sentence (dates.c), the actors met earlier (entities.c),
 * the places (src/geo), and which lines are not news (boiler.c). Events
 * that repeat within the article are merged into one with several
 * mentions (merge.c), and kb_merger does the same across a batch. */
#ifndef KB_ARTICLE_H
#define KB_ARTICLE_H

#include "../base/arena.h"
#include "../code/coder.h"
#include "../nlp/sentence.h"
#include "khabar.h"

/* ---- entities.c: actors beyond the dictionary ------------------------- */

typedef struct kbi_entities kbi_entities;

/* The article's entity memory, allocated from a (freed with it). */
kbi_entities *kbi_entities_new(kbi_arena *a, const kb_dict *d);

/* The coder hook (kbi_actor_hook.fn) with user = the kbi_entities: learns
 * entities from the sentence's coded phrases (titles, appositions) and
 * codes the phrases the dictionaries left uncoded that refer to one
 * (names, surnames, spelling variants, pronouns, "the group"). */
kb_status kbi_entities_hook(void *user, kbi_stream *st, const kbi_sentence *s,
                            int32_t day);

/* Folds a name for comparison: upper case, ASCII letters only, "AL-" and
 * "EL-" prefixes dropped, apostrophes and hyphens removed, doubled vowels
 * single ("AL-AARAJI" -> "ARAJI"). Returns the length written to out
 * (NUL-terminated, truncated to size - 1). */
size_t kbi_fold_name(const char *s, size_t n, char *out, size_t size);

/* ---- merge.c ---------------------------------------------------------- */

/* Copies e (its strings and mentions) into arena a; NULL when out of
 * memory. */
kb_event *kbi_event_copy(kbi_arena *a, kb_event *dst, const kb_event *e);

/* The merge key of an event: event date, source, target, code (and the
 * place unless one_a_day), written into buf. */
const char *kbi_event_key(const kb_event *e, int one_a_day, char *buf,
                          size_t size);

#endif
