/* dates.h - temporal expressions in a sentence, resolved to calendar days.
 *
 * kbi_dates_find reads one sentence (its token forms only: tags and heads
 * are not needed) and returns every temporal expression of newswire English
 * it knows, each resolved against the publication date (and, for "the next
 * day", "two days later", against an anchor: the date of the event the
 * article told just before):
 *
 *   today, tonight, yesterday, tomorrow, this morning, last night
 *   (on) Sunday, last/this/next Sunday, Sunday night, early Monday,
 *     Monday's (attack)                      -> the weekday before the
 *     publication day (the same weekday: that day); in a future-tense
 *     clause the weekday on or after it
 *   (on) September 27, Sept. 27, Sep 27, 27 September, September 27, 2019,
 *     Sunday, September 27, on the 27th, 2019-09-27, 9/27/2019 (US order)
 *   in September, September 2019, mid-September, early/late September,
 *     in 2019, in early 2019, mid-2019, late last year, the end of March,
 *     in both January and February, during 1987-1989, in 2014-16
 *   last summer, in the fall of 2019, next winter (spring March-May,
 *     summer June-August, fall September-November, winter December-
 *     February); in the fourth quarter of 2019, in the first quarter
 *   last/this/next week|month|year|weekend, earlier/later this week|month|
 *     year, over the weekend
 *   two days ago, three weeks ago, a year ago (numbers one to twelve in
 *     words, or digits)
 *   a day earlier, two days after|later|before, the next|following|
 *     previous day, the day before|after, the same day, that day|night,
 *     later that day                          -> relative to the anchor
 *   in the past few days, over the past three days, in recent days|weeks,
 *     in the coming days                      -> a span ending (starting)
 *     at the publication date
 *   since 2014, until March, by Friday, after Sunday's vote
 *                                             -> flagged KBI_DATE_BOUND:
 *     the limit of a period, never an event date
 *
 * What is not a date: "the Sunday Times", "Bloody Sunday", "every
 * Sunday", "Theresa May", "may" and "march" in lower case, a month name
 * alone without "in", "since", "last", "early"... ("March on Washington"),
 * a bare number ("1,000 people"), a year used as a modifier ("the 2019
 * budget": only "in 2019", "since 2019", "early 2019" and the like are
 * dates), "9/11" (a slash date needs its year).
 *
 * Tense: a clause is future when it holds "will", "'ll", "shall", "would",
 * "should", "might", "must", "may" (lower case; not "should have"),
 * "is/are to", "is due", "is set to", "is expected to", "is going to",
 * "plans to", "expected to", "scheduled to" before the expression; or a
 * modal right after it ("Talks on Monday will ..."); or, when the
 * expression opens its clause ("On Monday, the leaders will meet"), a cue
 * later in that clause before the next comma. "could" is not a cue ("could
 * not be reached on Sunday" is past). Clauses are cut at
 * "that", "which", "who", "when", "because", "if", "but", quotes,
 * semicolons, colons, dashes and reporting verbs ("said", "told").
 *
 * Weeks run Monday to Sunday. Everything is linear in the number of
 * tokens, reads only toks[0, ntoks), and allocates only from the caller's
 * arena. */
#ifndef KB_DATES_H
#define KB_DATES_H

#include <stdint.h>

#include "../base/arena.h"
#include "../nlp/sentence.h"
#include "khabar.h"

typedef enum kbi_date_gran {
    KBI_DATE_DAY,   /* one day: lo == hi */
    KBI_DATE_WEEK,  /* a calendar week, or about a week ("three weeks ago":
                       the day 21 days back, plus or minus 3) */
    KBI_DATE_MONTH, /* a calendar month */
    KBI_DATE_YEAR,  /* a calendar year */
    KBI_DATE_SPAN   /* any other run of days: "over the weekend",
                       "mid-September", "in the past few days",
                       "late last year" */
} kbi_date_gran;

/* Flags of a kbi_date. */
enum {
    /* After the publication date, or said of a plan (a future-tense
     * clause) and not over before the publication date. */
    KBI_DATE_FUTURE = 1,
    /* Ends more than 365 days before the publication date ("in 1975"). */
    KBI_DATE_HISTORIC = 2,
    /* Counted from the anchor ("two days later", "the next day"). */
    KBI_DATE_ANCHORED = 4,
    /* A limit of a period ("since 2014", "until March", "by Friday"):
     * lo..hi is what the words name, but it is not when an event was. */
    KBI_DATE_BOUND = 8,
    /* Relative to an anchor that the caller did not give: lo and hi are
     * KBI_DATE_NONE. */
    KBI_DATE_UNRESOLVED = 16
};

#define KBI_DATE_NONE INT32_MIN

typedef struct kbi_date {
    int32_t tok_start, tok_end; /* tokens [tok_start, tok_end) */
    uint32_t start, end;        /* bytes of the source text (the tokens'
                                   offsets; 0/0 when the tokens have none) */
    int32_t lo, hi;             /* days since 1970-01-01, lo <= hi */
    kbi_date_gran gran;
    unsigned flags;             /* KBI_DATE_* */
    const char *text;           /* the words, from the token forms (one space
                                   between tokens unless their offsets touch):
                                   "Sept. 27, 2019"; in the arena */
} kbi_date;

typedef struct kbi_dates {
    kbi_date *items;            /* in sentence order, not overlapping */
    int32_t n;
    /* For kbi_dates_event: the lexical clause of each token (clause id * 2,
     * + 1 when it is subordinate), ntoks entries; NULL when the sentence
     * is empty. */
    int32_t *clause;
    int32_t ntoks;
} kbi_dates;

/* Finds the temporal expressions of sentence s. pub: the publication date
 * (days since 1970-01-01, within years 1..9999); anchor: the date of the
 * event the article told just before, or -1 for none (so 1969-12-31 cannot
 * be an anchor; values outside years 1..9999 are none too). Everything in
 * *out is allocated from arena a and lives as long as it. Returns KB_OK,
 * KB_ERR_INVALID when pub is out of range, or KB_ERR_NOMEM (then *out is
 * empty). Any token sequence is accepted: NULL forms read as empty words;
 * tokens past KBI_MAX_TOKENS are not read. */
kb_status kbi_dates_find(const kbi_sentence *s, int32_t pub, int32_t anchor,
                         kbi_arena *a, kbi_dates *out);

/* THE event date of the sentence, among d's expressions: the one in the
 * same clause as token `verb` (the event's verb; -1: the main verb),
 * then a past or present one rather than a future one, then a day ("on
 * Sunday") rather than a range, then the first. Clauses come from the
 * dependency heads when the sentence has them (the chain of heads up to
 * the nearest clausal token: root, ccomp, advcl, acl, csubj, parataxis,
 * xcomp, a verb's conj), else from the lexical clauses found by
 * kbi_dates_find. Never returns a KBI_DATE_BOUND or KBI_DATE_UNRESOLVED
 * expression; NULL when there is none. s must be the sentence d was found
 * in. The pointer is into d->items. */
const kbi_date *kbi_dates_event(const kbi_sentence *s, const kbi_dates *d,
                                int32_t verb);

/* y-m-d of a day number (proleptic Gregorian). */
void kbi_civil_from_days(int32_t days, int *y, int *m, int *d);

/* Writes "YYYY-MM-DD" (11 bytes with the NUL) into buf; returns buf. */
char *kbi_date_format(int32_t days, char buf[11]);

/* Parses "YYYY-MM-DD" (exactly) into days; returns 1 on success. */
int kbi_date_parse(const char *s, int32_t *out);

#endif
