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

/* The code and words of the actor phrase holding token tok of the last
 * sentence the hook saw (NULL when none); valid until that sentence's
 * result is cleared. */
const char *kbi_entities_token(const kbi_entities *E, int32_t tok,
                               const char **text);

/* The i-th name of the last sentence the dictionaries did not know, with
 * the code the article gave it (NULL if none) and how; 0 past the end or
 * when the hook did not see the sentence. */
int kbi_entities_unknown(const kbi_entities *E, int i, const char **name,
                         const char **code, const char **evidence);
/* Forgets the last sentence (call before coding the next one). */
void kbi_entities_next_sentence(kbi_entities *E);

/* ---- roles.c: events against the dependency tree ---------------------- */

/* Verb token v is passive (or a past participle modifying a noun: "a
 * man wanted by police"): 1 when its subject gave the event's source and
 * the by-phrase the target (swap them); 2 (drop) when its subject gave
 * the source otherwise, or when no by-phrase gave the source (the doer is
 * not told); 0 when v is active or its by-phrase gave the source. */
int kbi_passive_subject(const kbi_entities *E, const kbi_sentence *s,
                        int32_t v, const kb_event *e);
/* The active subject of v (its nsubj, or the noun an active participle
 * or a relative clause modifies, or its first conjunct's) names an actor
 * other than the source in its own phrase (not in a clause hanging in
 * it), holds the target, or is a noun that is no actor at all ("AIDS
 * hits"). */
int kbi_wrong_subject(const kbi_entities *E, const kbi_sentence *s,
                      int32_t v, const kb_event *e);
/* An event whose target sits below v only inside an adverbial, relative
 * or parenthetical clause ("vetoed a resolution demanding a pullout of
 * Israeli forces"); or, but for statements, whose target hangs more than
 * three heads below v, or (a deed, not words: not 03 or 10-13) only in a
 * clause of its own below v ("killed a Palestinian as he approached a
 * fence between Israel and Gaza") or, but for meetings and visits (04),
 * only as a place ("in the Gaza Strip", "near the Afghan border"). */
int kbi_far_target(const kbi_entities *E, const kbi_sentence *s, int32_t v,
                   const kb_event *e);
/* The word that follows "*" in the event's pattern ("- * FLIGHTS",
 * "- * &PEOPLE"; not a prepositional group) occurs below v only as a
 * modifier of a noun or inside a clause hung on one ("released its
 * annual population report", "signed a bill that will allow military
 * rule"), never as an argument of v or the head of a phrase inside one:
 * the pattern matched a word, not what was done. */
int kbi_loose_pattern(const kb_dict *d, const kbi_sentence *s, int32_t v,
                      const kb_event *e);
/* The event's pattern is the verb and a bare prepositional group ("- *
 * (FOR) [042:043]": "left for Baghdad"), the target was found below v,
 * but never inside a phrase of that preposition ("goes for a walk with
 * British Prime Minister Tony Blair"): the group named no one. */
int kbi_prep_group_elsewhere(const kbi_entities *E, const kbi_sentence *s,
                             int32_t v, const kb_event *e);
/* An actor whose country came from the "of" phrase of a noun of people
 * named by what they did to someone: "the kidnappers of two Chinese
 * engineers" are not Chinese (the phrase names their victims). */
int kbi_victims_country(const kbi_entities *E, const kbi_sentence *s,
                        const kb_event *e);
/* An actor whose country came from the "in" phrase of a noun of people
 * or things often abroad: "coalition forces in Afghanistan", "military
 * helicopters in Japan", "a journalist in Iraq" (where they are, not
 * whose they are). */
int kbi_placed_country(const kbi_entities *E, const kbi_sentence *s,
                       const kb_event *e);
/* A target named only by buildings after a preposition of place ("was
 * transferred to a hospital in Cairo"): where, not whom. */
int kbi_building_target(const kbi_entities *E, const kbi_sentence *s,
                        const kb_event *e);
/* A target phrase held by someone else: "stormed insurgent-held police
 * stations" (the insurgents', not the police). */
int kbi_held_target(const kbi_entities *E, const kbi_sentence *s,
                    const kb_event *e);
/* An actor named only by a country compounded with a noun of a topic:
 * "support for the Iraq war", "the Iraq issue" (a topic, not Iraq). */
int kbi_topic_country(const kbi_entities *E, const kbi_sentence *s,
                      const kb_event *e);
/* The word that follows the verb in the event's pattern ("- * ATTACK
 * [190]" of "said") occurs below v only in a clause of its own, as a
 * verb ("said Israel would not dare attack Iran") or, under a verb of
 * speech, as any word for a deed ("told Rumsfeld the nation was working
 * to prevent any terror attack") or an intent whose clause is about
 * someone else ("said Brazil would come up with a plan"): what the clause
 * tells, not v's event. */
int kbi_keyword_clause(const kbi_entities *E, const kbi_sentence *s,
                       int32_t v, const kb_event *e);

/* Is a token of a phrase coded `code` a capitalized plural noun ("two
 * Israelis"): people named by their country, not a place? */
int kbi_plural_actor(const kbi_entities *E, const kbi_sentence *s,
                     const char *code);

/* The source or the target was coded only from phrases naming a document
 * or a body after a place ("the Kyoto Protocol overcame its final
 * hurdle": not Japan; "the Paris Club", "the Paris accord") or a currency
 * ("500 mln U.S. dlrs", "the Swiss franc"), with no other name in them. */
int kbi_document_actor(const kbi_entities *E, const kbi_sentence *s,
                       const kb_event *e);

/* ---- claims.c --------------------------------------------------------- */

/* Events stated as claims of responsibility ("X claimed responsibility
 * for the attacks on Y", "attacks ... for which X has claimed
 * responsibility"): X against the attacks' target, coded as the verb of
 * the attack noun. Adds them to r (unless r has the same event). */
kb_status kbi_claims(const kb_dict *d, const kbi_sentence *s,
                     const kbi_entities *E, struct kb_result *r);

/* ---- filter.c: what is not political news ------------------------------ */

/* The topic other than politics that text s[0, n) is about ("sports",
 * "markets", "technology", "entertainment"), or NULL when politics holds
 * its own. `sentence`: judged as one sentence (a stricter count). */
const char *kbi_topic_other(const char *s, size_t n, int sentence);
/* The same for a whole article, its title's words counting twice. */
const char *kbi_topic_article(const char *title, size_t tl, const char *body,
                              size_t bl);

/* Splits a lead credit ("Reuters - ", "SPACE.com - TORONTO, Canada -- ")
 * off the start of s[0, n) by turning each separator into a paragraph
 * break, in place; returns where the news begins (0: no credit). */
size_t kbi_lead_credit(char *s, size_t n);

/* Why the event of verb token v did not happen as told: "modal",
 * "negated", "conditional", "question", "complement" (of wanting,
 * planning, denying, being due...), "purpose" ("flew in to launch
 * talks"), "plan" ("is to visit"), "modifier" (a participle used as an
 * adjective: "convicted spy Azzam Azzam"), "history" ("40 years after he
 * defected"), or NULL. */
const char *kbi_unreal(const kbi_sentence *s, int32_t v);

/* Is the event a figure of speech: force (18-20) with a business among
 * its actors? */
int kbi_figurative_force(const char *code, const char *source,
                         const char *target);

/* "The opposition leader launched an attack on the government": force
 * (18-20) by an actor who has only words (opposition, parliament, media,
 * judges...) through an attack verb is criticism: returns "111", else
 * NULL. */
const char *kbi_verbal_attack(const char *code, const char *source,
                              const char *verb);

/* "Suspected separatists bombed a power line", "a woman ... blew herself
 * up": force (19) by a bombing verb whose source is not a state's forces
 * (no MIL, GOV, COP or SPY code, no "forces", "jets", "warplanes" in its
 * phrase), or by a suicide bomber with any verb, is CAMEO's non-military
 * bombing: returns "183", else NULL. */
const char *kbi_bombing(const char *code, const char *source,
                        const char *verb, const char *source_text);

/* Cooperation, aid or a show of force (06, 07, 15) whose target is
 * forces of no country ("---MIL", "---COP"): what was sent or deployed
 * ("the US is sending up to 600 marines"), the source's own, not a
 * counterpart. */
int kbi_forces_sent(const char *code, const char *target);

/* Words, meetings or praise (01-05) whose source is an onlooker of the
 * markets or of events ("Helsinki bankers said", "economists say",
 * "military experts say", "a U.S. rice trader visited Tokyo"): comment,
 * not a political actor's act. */
int kbi_commentator(const char *code, const char *source_text);

/* Words, talks, deals or aid (01-08) where one side's phrase names a
 * company ("Ford Motor Co", "<Ecolab Co>", "a contract from the U.S.
 * Army" to "Raytheon Co"): commerce, not a political event. */
int kbi_company_named(const char *code, const char *source_text,
                      const char *target_text);

/* Are both actors companies (MNC..., ...BUS)? Such deals are not
 * political events. */
int kbi_business_only(const char *source, const char *target);

/* A statement (01) by a company ("Delta Air Lines said it began service
 * to Tokyo", "traders said China bought wheat") about anyone but a
 * government, an armed or political group or an international body:
 * commerce, not a political event. */
int kbi_company_statement(const char *code, const char *source,
                          const char *target);

/* A statement, appeal or intent (01-03) between a country and one of its
 * own actors, one side being the bare country code ("FRAGOV>FRA"). */
int kbi_self_statement(const char *code, const char *source,
                       const char *target);

/* A target that is the bare country of its own source ("RUSCOP>RUS"):
 * a place read as an actor (protests, 14, and administrative sanctions,
 * 172, excepted; the caller keeps people: "killed two Israelis",
 * kbi_plural_actor). */
int kbi_own_country_target(const char *code, const char *source,
                           const char *target);

/* A statement or appeal (01, 02) whose target is the press ("told
 * Reuters", "said in a television interview"): the channel, not an actor. */
int kbi_press_audience(const char *code, const char *target);

/* A pattern's prepositional group ("- * (TO)") whose preposition occurs
 * after the verb v only as another part of speech (the "to" of an
 * infinitive): the pattern matched words, not a prepositional phrase. */
int kbi_pattern_prep_missing(const kbi_sentence *s, int32_t v,
                             const char *pattern);

/* "Declined to say", "refused to comment" coded as anything but
 * declining comment (011): withholding words rejects nothing and no one
 * ("declined to say what growth rate would be acceptable" is no 12). */
int kbi_no_comment(const kbi_sentence *s, int32_t v, const char *code);
/* A visit (042, 043) read from a verb of motion with an object and a
 * "to" group: the subject carried or sent something ("is flying the
 * migrants to Libya"), it did not travel there to meet anyone. */
int kbi_carried(const kbi_sentence *s, int32_t v, const char *code,
                const char *pattern);
/* A visit (042, 043) whose verb goes "home", or "back" to the source's
 * own country or for a source with none ("returned home from Britain",
 * "Prince Harry flew back to the UK"): no visit. */
int kbi_going_home(const kbi_sentence *s, int32_t v, const char *code,
                   const char *source, const char *target);

/* "Kidnappers seized four truck drivers": seizure (171, of property)
 * whose target is people is an abduction (181), or an arrest (173) when
 * the source is the state's (police, military, government, courts).
 * Returns the better code, or NULL. */
const char *kbi_seized_people(const char *code, const char *source,
                              const char *target_text);

/* The event is a light verb's block default ("took" 171, "linked" 060)
 * or a vague verb's ("voted" 030, "defended" 074, "died" 190) with no
 * pattern behind it: not an event. */
int kbi_light_default(const char *verb, const char *pattern);

/* Folds a name for comparison: upper case, ASCII letters only, "AL-" and
 * "EL-" prefixes dropped, apostrophes and hyphens removed, doubled vowels
 * single ("AL-AARAJI" -> "ARAJI"). Returns the length written to out
 * (NUL-terminated, truncated to size - 1). */
size_t kbi_fold_name(const char *s, size_t n, char *out, size_t size);

/* ---- actor codes -------------------------------------------------------- */

/* No code, or one with no country ("---GOV"). */
static inline int kbi_uncoded(const char *code)
{
    return !code || strncmp(code, "---", 3) == 0;
}

/* Does the code hold the 3-letter block b at a block boundary? */
static inline int kbi_code_has_block(const char *code, const char *b)
{
    size_t n = code ? strlen(code) : 0;
    for (size_t off = 0; off + 3 <= n; off += 3)
        if (strncmp(code + off, b, 3) == 0)
            return 1;
    return 0;
}

/* ---- merge.c ---------------------------------------------------------- */

/* Copies e (its strings and mentions) into arena a; NULL when out of
 * memory. */
kb_event *kbi_event_copy(kbi_arena *a, kb_event *dst, const kb_event *e);

/* The merge key of an event: event date, source, target, code (and the
 * place unless one_a_day), written into buf. */
const char *kbi_event_key(const kb_event *e, int one_a_day, char *buf,
                          size_t size);

#endif
