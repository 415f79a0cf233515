/* dates.c - temporal expressions -> days (see dates.h).
 *
 * One left-to-right pass: at each token the matchers below are tried in
 * order, each reading a bounded number of tokens ahead; the first that
 * matches gives an expression and the scan goes on after it. Before the
 * pass, three linear passes cut the sentence into lexical clauses and mark
 * the future-tense cues, so the tense of an expression is a few array
 * look-ups. */
#include <string.h>

#include "../base/util.h"
#include "dates.h"

/* ---- calendar ----------------------------------------------------------- */

enum { MIN_DAY = -719162, MAX_DAY = 2932896 }; /* 0001-01-01, 9999-12-31 */

void kbi_civil_from_days(int32_t days, int *y, int *m, int *d)
{
    /* H. Hinnant's civil_from_days */
    int64_t z = (int64_t)days + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t mm = mp < 10 ? mp + 3 : mp - 9;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)mm;
    *y = (int)(yoe + era * 400 + (mm <= 2));
}

char *kbi_date_format(int32_t days, char buf[11])
{
    int y, m, d;
    if (days < MIN_DAY || days > MAX_DAY) {
        memcpy(buf, "0000-00-00", 11);
        return buf;
    }
    kbi_civil_from_days(days, &y, &m, &d);
    buf[0] = (char)('0' + y / 1000);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + m / 10);
    buf[6] = (char)('0' + m % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + d / 10);
    buf[9] = (char)('0' + d % 10);
    buf[10] = '\0';
    return buf;
}

int kbi_date_parse(const char *s, int32_t *out)
{
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    char digits[8];
    for (int i = 0, k = 0; i < 10; i++) {
        if (i == 4 || i == 7)
            continue;
        if (!kbi_isdigit((unsigned char)s[i]))
            return 0;
        digits[k++] = s[i];
    }
    return kbi_parse_dict_date(digits, 8, out);
}

static int mdays(int y, int m)
{
    static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return n[m - 1] + (m == 2 && leap);
}

/* 0 = Monday ... 6 = Sunday; 1970-01-01 was a Thursday. */
static int wday(int32_t d)
{
    int r = (int)(((int64_t)d + 3) % 7);
    return r < 0 ? r + 7 : r;
}

/* y-m moved by k months. */
static void add_months(int *y, int *m, int k)
{
    int t = *y * 12 + (*m - 1) + k;
    *y = t >= 0 ? t / 12 : -1;
    *m = t >= 0 ? t % 12 + 1 : 1;
}

/* ---- what a matcher found ----------------------------------------------- */

typedef struct hit {
    int32_t end;        /* one past the last token */
    int32_t lo, hi;
    kbi_date_gran gran;
    unsigned flags;
} hit;

static int set_days(hit *h, int32_t lo, int32_t hi, kbi_date_gran g)
{
    if (lo > hi || lo < MIN_DAY || hi > MAX_DAY)
        return 0;
    h->lo = lo;
    h->hi = hi;
    h->gran = g;
    return 1;
}

static int set_day(hit *h, int32_t d)
{
    return set_days(h, d, d, KBI_DATE_DAY);
}

static int set_month(hit *h, int y, int m)
{
    int32_t lo, hi;
    if (y < 1 || y > 9999 || !kbi_days_from_civil(y, m, 1, &lo) ||
        !kbi_days_from_civil(y, m, mdays(y, m), &hi))
        return 0;
    return set_days(h, lo, hi, KBI_DATE_MONTH);
}

static int set_year(hit *h, int y)
{
    int32_t lo, hi;
    if (!kbi_days_from_civil(y, 1, 1, &lo) ||
        !kbi_days_from_civil(y, 12, 31, &hi))
        return 0;
    return set_days(h, lo, hi, KBI_DATE_YEAR);
}

/* Narrows h to its first, middle or last third (part 1, 2, 3): days 1-10,
 * 11-20, 21-end of a month; January-April, May-August, September-December
 * of a year; Monday-Tuesday, Wednesday-Thursday, Friday-Sunday of a week. */
static int narrow(hit *h, int part)
{
    int y, m, d;
    kbi_civil_from_days(h->lo, &y, &m, &d);
    int32_t lo = h->lo, hi = h->hi;
    if (h->gran == KBI_DATE_MONTH) {
        lo = h->lo + (part == 1 ? 0 : part == 2 ? 10 : 20);
        hi = part == 1 ? h->lo + 9 : part == 2 ? h->lo + 19 : h->hi;
    } else if (h->gran == KBI_DATE_YEAR) {
        int m0 = part == 1 ? 1 : part == 2 ? 5 : 9;
        if (!kbi_days_from_civil(y, m0, 1, &lo) ||
            !kbi_days_from_civil(y, m0 + 3, mdays(y, m0 + 3), &hi))
            return 0;
    } else if (h->gran == KBI_DATE_WEEK) {
        lo = h->lo + (part == 1 ? 0 : part == 2 ? 2 : 4);
        hi = h->lo + (part == 1 ? 1 : part == 2 ? 3 : 6);
    } else {
        return 0;
    }
    return set_days(h, lo, hi, KBI_DATE_SPAN);
}

/* ---- the sentence ------------------------------------------------------ */

typedef struct ctx {
    const kbi_token *t;
    int32_t n;
    int32_t pub, anchor; /* anchor: KBI_DATE_NONE when none */
    int py, pm, pd, pw;  /* the publication date: y, m, d, weekday */
    /* per token: lexical clause, its first token, future cues */
    int32_t *seg, *segfirst, *cue_prev, *cue_next, *comma_next, *weak_next;
    unsigned char *cue;  /* 0, CUE_MODAL, CUE_WORD */
    int32_t coord;       /* a bare month here continues a list of months
                            ("in January and February"); -1 if none */
} ctx;

enum { CUE_MODAL = 1, CUE_WORD = 2 };

static const char *W(const ctx *c, int32_t i)
{
    if (i < 0 || i >= c->n)
        return "";
    const char *f = c->t[i].form;
    return f ? f : "";
}

static int lower(int ch)
{
    return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

/* w equals one of the '|'-separated lower-case words of alts, ignoring
 * case. */
static int isin(const char *w, const char *alts)
{
    const char *p = alts;
    for (;;) {
        const char *q = w;
        while (*p && *p != '|' && *q && lower((unsigned char)*q) == *p) {
            p++;
            q++;
        }
        if (!*q && (!*p || *p == '|'))
            return 1;
        while (*p && *p != '|')
            p++;
        if (!*p)
            return 0;
        p++;
    }
}

static int is(const ctx *c, int32_t i, const char *alts)
{
    return isin(W(c, i), alts);
}

/* "Sunday", "Sept.": an upper-case letter, then at least one lower-case
 * letter (so "MAY" in a shouted headline is not a month). */
static int capital(const char *w)
{
    if (!(w[0] >= 'A' && w[0] <= 'Z'))
        return 0;
    for (const char *p = w + 1; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            return 1;
    return 0;
}

static int all_digits(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!kbi_isdigit((unsigned char)w[i]))
            return 0;
    return n > 0;
}

/* Month 1..12 of a capitalised month name or abbreviation ("Sept.",
 * "Sep"); *abbr tells which. 0 if none. */
static int month_of(const char *w, int *abbr)
{
    static const char *full[] = {"january", "february", "march", "april",
                                 "may", "june", "july", "august",
                                 "september", "october", "november",
                                 "december"};
    static const char *ab[] = {"jan|jan.", "feb|feb.", "mar|mar.",
                               "apr|apr.", "", "jun|jun.", "jul|jul.",
                               "aug|aug.", "sep|sep.|sept|sept.",
                               "oct|oct.", "nov|nov.", "dec|dec."};
    if (!capital(w))
        return 0;
    for (int i = 0; i < 12; i++) {
        if (isin(w, full[i])) {
            *abbr = 0;
            return i + 1;
        }
        if (ab[i][0] && isin(w, ab[i])) {
            *abbr = 1;
            return i + 1;
        }
    }
    return 0;
}

/* 0 = Monday ... 6 = Sunday, -1 if w is not a capitalised weekday. */
static int weekday_of(const char *w)
{
    static const char *names[] = {"monday", "tuesday", "wednesday",
                                  "thursday", "friday", "saturday",
                                  "sunday"};
    if (!capital(w))
        return -1;
    for (int i = 0; i < 7; i++)
        if (isin(w, names[i]))
            return i;
    return -1;
}

/* A day of the month: "27" (returns 1) or "27th" (returns 2); 0 if none. */
static int day_num(const char *w, int *v)
{
    size_t n = strlen(w), k = 0;
    while (k < n && kbi_isdigit((unsigned char)w[k]))
        k++;
    if (k == 0 || k > 2 || w[0] == '0')
        return 0;
    int x = k == 1 ? w[0] - '0' : (w[0] - '0') * 10 + (w[1] - '0');
    if (x < 1 || x > 31)
        return 0;
    int ord = 0;
    if (k < n) {
        if (!isin(w + k, "st|nd|rd|th"))
            return 0;
        ord = 1;
    }
    *v = x;
    return ord ? 2 : 1;
}

/* A four-digit year 1000..2999. */
static int year_num(const char *w, int *v)
{
    if (strlen(w) != 4 || !all_digits(w, 4) || (w[0] != '1' && w[0] != '2'))
        return 0;
    *v = (w[0] - '0') * 1000 + (w[1] - '0') * 100 + (w[2] - '0') * 10 +
         (w[3] - '0');
    return 1;
}

/* "a", "one" ... "twelve", or 1 to 3 digits. */
static int count_num(const char *w, int *v)
{
    static const char *words[] = {"a|an|one", "two", "three", "four",
                                  "five", "six", "seven", "eight", "nine",
                                  "ten", "eleven", "twelve"};
    for (int i = 0; i < 12; i++)
        if (isin(w, words[i])) {
            *v = i + 1;
            return 1;
        }
    size_t n = strlen(w);
    if (n >= 1 && n <= 3 && all_digits(w, n) && w[0] != '0') {
        *v = 0;
        for (size_t i = 0; i < n; i++)
            *v = *v * 10 + (w[i] - '0');
        return 1;
    }
    return 0;
}

enum { U_NONE, U_HOUR, U_DAY, U_WEEK, U_MONTH, U_YEAR };

static int unit_of(const char *w)
{
    if (isin(w, "day|days"))
        return U_DAY;
    if (isin(w, "week|weeks"))
        return U_WEEK;
    if (isin(w, "month|months"))
        return U_MONTH;
    if (isin(w, "year|years"))
        return U_YEAR;
    if (isin(w, "hour|hours"))
        return U_HOUR;
    return U_NONE;
}

static int part_of_day(const char *w)
{
    return isin(w, "morning|afternoon|evening|night");
}

/* ---- clauses and tense ------------------------------------------------- */

enum { B_NONE, B_MAIN, B_REPORT, B_SUB, B_REL };

/* Does token i open a clause, and which kind? */
static int boundary(const ctx *c, int32_t i)
{
    const char *w = W(c, i);
    if (isin(w, "that"))
        return isin(W(c, i + 1), "day|night|morning|afternoon|evening|week|"
                                 "month|year|weekend|time|same")
                   ? B_NONE
                   : B_SUB;
    if (isin(w, "which|who|whom|whose|where"))
        return B_REL;
    if (isin(w, "when|while|whereas|because|although|though|if|unless"))
        return B_SUB;
    if (isin(w, "but|;|:|--|\"|``|''"))
        return B_MAIN;
    if (isin(w, "said|says|say|told|tells|added|adds|according|announced"))
        return B_REPORT;
    return B_NONE;
}

static int be_form(const char *w)
{
    return isin(w, "is|are|am|was|were|be|'re|'m|been");
}

/* A future-tense cue: a modal or "is to", "is due", "is set to"
 * (CUE_MODAL), or "plans to", "expected to", "scheduled to" (CUE_WORD). */
static int cue_at(const ctx *c, int32_t i)
{
    const char *w = W(c, i);
    if (isin(w, "will"))
        return is(c, i - 1, "the|a|political|popular|good|ill|free|own|his|"
                            "her|their|its|our|my|your|of|against")
                       || is(c, i + 1, "of|to|.|,")
                   ? 0
                   : CUE_MODAL;
    if (isin(w, "'ll|shall|would"))
        return CUE_MODAL;
    /* should, might, must, may (lower case: "May" is the month); not
     * "should have" (past). "could" is left out: "could not be reached
     * on Sunday" is past. */
    if ((isin(w, "should|might|must") || !strcmp(w, "may")) &&
        !is(c, i + 1, "have|'ve") &&
        !(is(c, i + 1, "not|n't") && is(c, i + 2, "have|'ve")))
        return CUE_MODAL;
    if (isin(w, "wo") && is(c, i + 1, "n't"))
        return CUE_MODAL;
    if (isin(w, "gon") && is(c, i + 1, "na"))
        return CUE_MODAL;
    if (be_form(w)) {
        const char *x = W(c, i + 1);
        if (isin(x, "to") && !is(c, i + 2, "blame"))
            return CUE_MODAL;
        if (isin(x, "due|scheduled|slated|expected|set|poised|going"))
            return CUE_MODAL;
        return 0;
    }
    if (isin(w, "plan|plans|planning|planned|intend|intends|intending|"
                "expected|expects|expect|scheduled|slated") &&
        is(c, i + 1, "to|for"))
        return CUE_WORD;
    return 0;
}

/* Fills the per-token arrays: clause ids (a clause opened by "which" after
 * a comma, or by a sentence-initial "When", ends at the next comma),
 * cues, and where the next cue, comma and comma-or-"and" are. */
static void scan_clauses(ctx *c, int32_t *clause)
{
    int32_t n = c->n, id = 0, first = 0;
    int sub = 0, close_at_comma = 0, reopen = 0;
    for (int32_t i = 0; i < n; i++) {
        int b = boundary(c, i);
        if (b || reopen) {
            id += i > 0;
            first = i;
            sub = b == B_SUB || b == B_REL;
            close_at_comma = (b == B_REL && is(c, i - 1, ",")) ||
                             (b == B_SUB && i == 0);
            reopen = 0;
        }
        c->seg[i] = id;
        c->segfirst[i] = first;
        clause[i] = id * 2 + sub;
        if (close_at_comma && is(c, i, ",")) {
            close_at_comma = 0;
            reopen = 1;
        }
        c->cue[i] = (unsigned char)cue_at(c, i);
        c->cue_prev[i] = c->cue[i] ? i
                         : i > 0 && c->seg[i - 1] == id ? c->cue_prev[i - 1]
                                                        : -1;
    }
    for (int32_t i = n - 1; i >= 0; i--) {
        int same = i + 1 < n && c->seg[i + 1] == c->seg[i];
        c->cue_next[i] = c->cue[i] ? i : same ? c->cue_next[i + 1] : -1;
        int32_t cn = i + 1 < n ? c->comma_next[i + 1] : INT32_MAX;
        int32_t wn = i + 1 < n ? c->weak_next[i + 1] : INT32_MAX;
        c->comma_next[i] = is(c, i, ",") ? i : cn;
        c->weak_next[i] = is(c, i, ",|and|or") ? i : wn;
    }
}

/* Is the expression [s, e) in a future-tense clause? A cue before it in
 * its clause; a modal right after it ("Talks on Monday will ..."); or, for
 * an expression that opens its clause ("On Monday, the leaders will
 * meet"), a cue later in the clause before the next comma. */
static int future_at(const ctx *c, int32_t s, int32_t e)
{
    if (s >= c->n || e <= s)
        return 0;
    int32_t id = c->seg[s];
    if (s > 0 && c->seg[s - 1] == id && c->cue_prev[s - 1] >= 0)
        return 1;
    if (e < c->n && c->cue[e] == CUE_MODAL && c->seg[e] == id)
        return 1;
    int32_t f = c->segfirst[s];
    int b = boundary(c, f);
    int opens = s == f || (s == f + 1 && b != B_NONE && b != B_REPORT);
    if (!opens || e >= c->n)
        return 0;
    int32_t k = is(c, e, ",") ? e + 1 : e;
    if (k >= c->n)
        return 0;
    int32_t q = c->cue_next[k];
    return q >= 0 && c->seg[q] == id && c->comma_next[k] > q;
}

/* ---- matchers --------------------------------------------------------------
 *
 * Each is called at token j (after a preposition, if any, at s) and returns
 * 1 with h filled, or 0. prep is the kind of the preposition at s. */

enum { P_NONE, P_ON, P_IN, P_OVER, P_BOUND };

static int prep_of(const char *w)
{
    if (isin(w, "on"))
        return P_ON;
    if (isin(w, "in|during"))
        return P_IN;
    if (isin(w, "over|at|for|within|throughout"))
        return P_OVER;
    if (isin(w, "since|until|till|by|before|after|from|through|to"))
        return P_BOUND;
    return P_NONE;
}

/* Adds a year to a month-day when the tokens at *k give one: ", 2019",
 * "2019", "last year", "this year". Returns the year or 0. */
static int year_after(const ctx *c, int32_t *k)
{
    int y;
    if (is(c, *k, ",") && year_num(W(c, *k + 1), &y)) {
        *k += 2;
        return y;
    }
    if (is(c, *k, "of") && year_num(W(c, *k + 1), &y)) {
        *k += 2;
        return y;
    }
    if (year_num(W(c, *k), &y)) {
        *k += 1;
        return y;
    }
    int of = is(c, *k, "of");
    if (is(c, *k + of, "last|this|next") && is(c, *k + of + 1, "year")) {
        y = c->py + (is(c, *k + of, "last") ? -1 : is(c, *k + of, "next"));
        *k += 2 + of;
        return y;
    }
    return 0;
}

/* The day for month m, day d: the given year, else the latest on or before
 * the publication date (the earliest on or after it when fut). */
static int resolve_md(const ctx *c, int y, int m, int d, int fut, hit *h)
{
    int32_t x;
    if (y)
        return kbi_days_from_civil(y, m, d, &x) && set_day(h, x);
    for (int k = 0; k < 9; k++) { /* Feb 29 recurs within 8 years */
        if (kbi_days_from_civil(c->py + (fut ? k : -k), m, d, &x) &&
            (fut ? x >= c->pub : x <= c->pub))
            return set_day(h, x);
    }
    return 0;
}

/* Month m alone: the latest not after the publication month (the earliest
 * not before it when fut); mod -1 "last", 0 none/"this", 1 "next". */
static int resolve_month(const ctx *c, int m, int mod, int fut, hit *h)
{
    int y = c->py;
    if (mod == -1)
        y = m < c->pm ? c->py : c->py - 1;
    else if (mod == 1)
        y = m > c->pm ? c->py : c->py + 1;
    else if (mod == 2)
        y = c->py; /* "this September" */
    else if (fut)
        y = m >= c->pm ? c->py : c->py + 1;
    else
        y = m <= c->pm ? c->py : c->py - 1;
    return set_month(h, y, m);
}

/* today, tonight, yesterday, tomorrow, this morning, last night, the day
 * before yesterday; "earlier today", "yesterday morning". */
static int m_deictic(const ctx *c, int32_t j, int prep, hit *h)
{
    if (prep != P_NONE && prep != P_BOUND)
        return 0;
    int32_t k = j;
    if (is(c, k, "earlier|later") && is(c, k + 1, "today|tonight"))
        k++;
    int off;
    if (is(c, k, "today|tonight")) {
        off = 0;
    } else if (is(c, k, "yesterday")) {
        off = -1;
    } else if (is(c, k, "tomorrow")) {
        off = 1;
        h->flags |= KBI_DATE_FUTURE;
    } else if (is(c, k, "this") && is(c, k + 1, "morning|afternoon|evening")) {
        off = 0;
        k++;
    } else if (is(c, k, "last") && is(c, k + 1, "night")) {
        off = -1;
        k++;
    } else if (is(c, k, "the") && is(c, k + 1, "day") &&
               is(c, k + 2, "before|after") &&
               is(c, k + 3,
                  is(c, k + 2, "before") ? "yesterday" : "tomorrow")) {
        off = is(c, k + 2, "before") ? -2 : 2;
        k += 3;
    } else {
        return 0;
    }
    k++;
    if (is(c, k - 1, "yesterday|tomorrow") && part_of_day(W(c, k)))
        k++;
    h->end = k;
    return set_day(h, c->pub + off);
}

/* 2019-09-27, 9/27/2019, 9/27/19. */
static int m_numeric(const ctx *c, int32_t j, int prep, hit *h)
{
    if (prep != P_NONE && prep != P_ON && prep != P_BOUND)
        return 0;
    const char *w = W(c, j);
    size_t n = strlen(w);
    int y, m, d;
    if (n == 10 && w[4] == '-' && w[7] == '-' && all_digits(w, 4) &&
        all_digits(w + 5, 2) && all_digits(w + 8, 2)) {
        y = (w[0] - '0') * 1000 + (w[1] - '0') * 100 + (w[2] - '0') * 10 +
            (w[3] - '0');
        m = (w[5] - '0') * 10 + (w[6] - '0');
        d = (w[8] - '0') * 10 + (w[9] - '0');
    } else {
        /* M/D/YYYY or M/D/YY */
        int part[3] = {0, 0, 0}, len[3] = {0, 0, 0}, np = 0;
        for (size_t i = 0; i < n; i++) {
            if (w[i] == '/') {
                if (++np > 2)
                    return 0;
            } else if (kbi_isdigit((unsigned char)w[i]) && len[np] < 4) {
                part[np] = part[np] * 10 + (w[i] - '0');
                len[np]++;
            } else {
                return 0;
            }
        }
        if (np != 2 || len[0] < 1 || len[0] > 2 || len[1] < 1 ||
            len[1] > 2 || (len[2] != 2 && len[2] != 4))
            return 0;
        m = part[0];
        d = part[1];
        y = len[2] == 4 ? part[2] : part[2] + (part[2] <= 50 ? 2000 : 1900);
    }
    int32_t x;
    if (!kbi_days_from_civil(y, m, d, &x))
        return 0;
    h->end = j + 1;
    return set_day(h, x);
}

/* Month-day after a weekday or alone: "September 27", "Sept. 27, 2019",
 * "27 September", "the 27th of September". Sets *k past it, *y the year
 * given (0 if none). */
static int month_day(const ctx *c, int32_t j, int32_t *k, int *y, int *m,
                     int *d)
{
    int abbr, v, kind;
    int32_t i = j;
    if ((*m = month_of(W(c, i), &abbr)) && day_num(W(c, i + 1), &v)) {
        /* "May 5": not "Theresa May 5" */
        i += 2;
    } else {
        int the = is(c, i, "the");
        kind = day_num(W(c, i + the), &v);
        if (!kind || (the && kind != 2))
            return 0;
        i += the + 1;
        int of = is(c, i, "of");
        if (of && kind != 2)
            return 0;
        if (!(*m = month_of(W(c, i + of), &abbr)))
            return 0;
        i += of + 1;
    }
    *d = v;
    *k = i;
    *y = year_after(c, k);
    return 1;
}

/* Weekday names that are part of a name: "Bloody Sunday", "Good Friday". */
static int weekday_name_before(const char *w)
{
    return isin(w, "every|each|a|an|bloody|black|good|super|easter|palm|"
                   "ash|holy|maundy|shrove|fat|cyber|red|blue");
}

static int newspaper(const char *w)
{
    return isin(w, "times|telegraph|express|mirror|herald|post|tribune|"
                   "star|independent|mail|observer|sport|world|business|"
                   "review|edition|magazine|football|service|school|mass");
}

/* [early|late] [last|this|next] Sunday [night], Sunday, September 27. */
static int m_weekday(const ctx *c, int32_t s, int32_t j, int prep, hit *h)
{
    if (prep != P_NONE && prep != P_ON && prep != P_BOUND)
        return 0;
    int32_t k = j;
    int qual = is(c, k, "early|late");
    k += qual;
    if (qual && is(c, k, "on"))
        k++; /* "early on Monday" */
    int mod = 0;
    if (is(c, k, "last|past"))
        mod = -1;
    else if (is(c, k, "this"))
        mod = 2;
    else if (is(c, k, "next"))
        mod = 1;
    k += mod != 0;
    int wd = weekday_of(W(c, k));
    if (wd < 0)
        return 0;
    if (newspaper(W(c, k + 1)) || (k == j && weekday_name_before(W(c, k - 1))))
        return 0;
    k++;
    /* Sunday, September 27 [, 2019] */
    int32_t e;
    int y, m, d;
    int comma = is(c, k, ",");
    if (month_day(c, k + comma, &e, &y, &m, &d)) {
        h->end = e;
        return resolve_md(c, y, m, d, future_at(c, s, e), h);
    }
    if (part_of_day(W(c, k)))
        k++;
    h->end = k;
    int fut = future_at(c, s, k);
    int back = (c->pw - wd + 7) % 7, fwd = (wd - c->pw + 7) % 7;
    int32_t day;
    if (mod == -1)
        day = c->pub - (back ? back : 7);
    else if (mod == 1)
        day = c->pub + (fwd ? fwd : 7);
    else
        day = fut ? c->pub + fwd : c->pub - back;
    return set_day(h, day);
}

/* Month names that are also names or words: only with a day, a year or a
 * preposition, and not after a capitalised word ("Theresa May"). */
static int m_month(const ctx *c, int32_t s, int32_t j, int prep, hit *h)
{
    int32_t k;
    int y, m, d, abbr;
    if (prep == P_NONE || prep == P_ON || prep == P_BOUND) {
        if (month_day(c, j, &k, &y, &m, &d)) {
            if (!y && month_of(W(c, j), &abbr) == 5 && capital(W(c, j - 1)) &&
                j - 1 > 0 && prep == P_NONE)
                return 0; /* "Theresa May 5"? not a date */
            h->end = k;
            return resolve_md(c, y, m, d, future_at(c, s, k), h);
        }
        /* on the 27th */
        int v;
        if ((prep == P_ON || prep == P_BOUND) && is(c, j, "the") &&
            day_num(W(c, j + 1), &v) == 2 &&
            !is(c, j + 2, "of|anniversary|century")) {
            h->end = j + 2;
            int fut = future_at(c, s, j + 2);
            int yy = c->py, mm = c->pm;
            for (int i = 0; i < 4; i++) {
                int32_t x;
                if (kbi_days_from_civil(yy, mm, v, &x) &&
                    (fut ? x >= c->pub : x <= c->pub))
                    return set_day(h, x);
                add_months(&yy, &mm, fut ? 1 : -1);
            }
            return 0;
        }
    }
    if (prep == P_ON || prep == P_OVER)
        return 0;
    /* [last|this|next] September [2019 | last year] */
    k = j;
    int mod = is(c, k, "last") ? -1 : is(c, k, "this") ? 2
              : is(c, k, "next")   ? 1
                                   : 0;
    k += mod != 0;
    if (!(m = month_of(W(c, k), &abbr)))
        return 0;
    const char *prev = W(c, k - 1);
    if (m == 5 && ((capital(prev) && k - 1 > 0 && prep == P_NONE && !mod) ||
                   is(c, k + 1, "'s") ||
                   (prep == P_BOUND && !is(c, s, "since|until|till|through"))))
        return 0;
    k++;
    if ((y = year_after(c, &k))) {
        h->end = k;
        return set_month(h, y, m);
    }
    int listed = prep == P_NONE && !mod && j == c->coord;
    if ((prep == P_NONE && !mod && !listed) ||
        (abbr && !mod && prep != P_IN && !listed))
        return 0;
    h->end = k;
    return resolve_month(c, m, mod, future_at(c, s, k), h);
}

/* A period that early/mid/late can narrow: a month [year], a year,
 * last/this/next week|month|year, "the year". */
static int period(const ctx *c, int32_t s, int32_t j, hit *h)
{
    int32_t k = j;
    int y, m, abbr;
    if ((m = month_of(W(c, k), &abbr)) && !abbr) {
        k++;
        if ((y = year_after(c, &k))) {
            h->end = k;
            return set_month(h, y, m);
        }
        h->end = k;
        return resolve_month(c, m, 0, future_at(c, s, k), h);
    }
    if (year_num(W(c, k), &y)) {
        h->end = k + 1;
        return set_year(h, y);
    }
    int off;
    if (is(c, k, "last|this|next"))
        off = is(c, k, "last") ? -1 : is(c, k, "next");
    else if (is(c, k, "the"))
        off = 0;
    else
        return 0;
    h->end = k + 2;
    if (is(c, k + 1, "year"))
        return set_year(h, c->py + off);
    if (is(c, k + 1, "month")) {
        int yy = c->py, mm = c->pm;
        add_months(&yy, &mm, off);
        return set_month(h, yy, mm);
    }
    if (is(c, k + 1, "week") && !is(c, k, "the")) {
        int32_t mon = c->pub - c->pw + 7 * off;
        return set_days(h, mon, mon + 6, KBI_DATE_WEEK);
    }
    return 0;
}

/* early/mid/late X, mid-September, mid-2019, the end/beginning of X. */
static int m_part(const ctx *c, int32_t s, int32_t j, int prep, hit *h)
{
    if (prep == P_ON || prep == P_OVER)
        return 0;
    const char *w = W(c, j);
    int part = 0;
    int32_t k = j;
    if (strlen(w) > 4 && lower((unsigned char)w[0]) == 'm' &&
        lower((unsigned char)w[1]) == 'i' &&
        lower((unsigned char)w[2]) == 'd' && w[3] == '-') {
        /* one token: "mid-September", "mid-2019" */
        int m, y, abbr;
        const char *r = w + 4;
        h->end = j + 1;
        if ((m = month_of(r, &abbr)) && !abbr) {
            int32_t e = j + 1;
            if ((y = year_after(c, &e))) {
                h->end = e;
                if (!set_month(h, y, m))
                    return 0;
            } else if (!resolve_month(c, m, 0, future_at(c, s, e), h)) {
                return 0;
            }
        } else if (!(year_num(r, &y) && set_year(h, y))) {
            return 0;
        }
        return narrow(h, 2);
    }
    if (is(c, k, "early|mid|late")) {
        part = is(c, k, "early") ? 1 : is(c, k, "mid") ? 2 : 3;
        k++;
        if (is(c, k, "in"))
            k++; /* "late in 2019" */
    } else {
        int the = is(c, k, "the");
        if (!is(c, k + the, "end|beginning|start|middle") ||
            !is(c, k + the + 1, "of"))
            return 0;
        part = is(c, k + the, "end") ? 3 : is(c, k + the, "middle") ? 2 : 1;
        k += the + 2;
    }
    if (!period(c, s, k, h))
        return 0;
    return narrow(h, part);
}

/* in 2019, since 2014, during 1987-1989, in 2014-16. */
static int m_year(const ctx *c, int32_t j, int prep, hit *h)
{
    int y, y2;
    if ((prep != P_IN && prep != P_BOUND) || !year_num(W(c, j), &y))
        return 0;
    if (is(c, j + 1, "-")) {
        const char *w = W(c, j + 2);
        if (strlen(w) == 2 && all_digits(w, 2))
            y2 = y / 100 * 100 + (w[0] - '0') * 10 + (w[1] - '0');
        else if (!year_num(w, &y2))
            return 0;
        hit a = *h, b = *h;
        if (y2 <= y || !set_year(&a, y) || !set_year(&b, y2))
            return 0;
        h->end = j + 3;
        return set_days(h, a.lo, b.hi, KBI_DATE_SPAN);
    }
    if (is(c, j + 1, "%|percent|per"))
        return 0;
    h->end = j + 1;
    return set_year(h, y);
}

/* One season of year y: spring March-May, summer June-August, fall
 * (autumn) September-November, winter December y to February y+1. */
static int season_span(int which, int y, hit *h)
{
    int32_t lo, hi;
    int m0 = 3 + 3 * which, y1 = y + (which == 3), m1 = which == 3 ? 2 : m0 + 2;
    if (!kbi_days_from_civil(y, m0, 1, &lo) || y1 > 9999 ||
        !kbi_days_from_civil(y1, m1, mdays(y1, m1), &hi))
        return 0;
    return set_days(h, lo, hi, KBI_DATE_SPAN);
}

/* [in] [the] [last|this|next] spring|summer|fall|autumn|winter [of] [2019]:
 * needs a preposition, a modifier or a year ("prices fall" is not one). */
static int m_season(const ctx *c, int32_t s, int32_t j, int prep, hit *h)
{
    if (prep == P_ON || prep == P_OVER)
        return 0;
    int32_t k = j;
    int the = is(c, k, "the");
    k += the;
    int mod = is(c, k, "last|past") ? -1 : is(c, k, "this") ? 2
              : is(c, k, "next")      ? 1
                                      : 0;
    if (mod && the && mod != 1)
        return 0; /* "the last summer" */
    k += mod != 0;
    int which = is(c, k, "spring") ? 0 : is(c, k, "summer") ? 1
                : is(c, k, "fall|autumn") ? 2
                : is(c, k, "winter")      ? 3
                                          : -1;
    if (which < 0)
        return 0;
    k++;
    int y = 0, of = is(c, k, "of");
    if (year_num(W(c, k + of), &y))
        k += of + 1;
    else if (of || (!mod && prep == P_NONE) || (which == 2 && !mod && !the))
        return 0;
    h->end = k;
    if (y)
        return season_span(which, y, h);
    int fut = mod == 1 || (mod == 0 && future_at(c, s, k));
    /* the instances around the publication year, oldest first */
    hit cand[4];
    int n = 0;
    for (int yy = c->py - 2; yy <= c->py + 1; yy++) {
        cand[n] = *h;
        if (season_span(which, yy, &cand[n]))
            n++;
    }
    for (int i = 0; i < n; i++) {
        const hit *x = fut ? &cand[i] : &cand[n - 1 - i];
        int ok = mod == -1  ? x->hi < c->pub
                 : mod == 1 ? x->lo > c->pub
                 : mod == 2 ? x->hi >= c->pub || i == n - 1
                 : fut      ? x->hi >= c->pub
                            : x->lo <= c->pub;
        if (mod == 2 && !fut)
            ok = x->lo <= c->pub; /* "this summer", past tense */
        if (ok)
            return set_days(h, x->lo, x->hi, KBI_DATE_SPAN);
    }
    return 0;
}

/* [in] the first|second|third|fourth quarter [of 2019|of last year]. */
static int m_quarter(const ctx *c, int32_t s, int32_t j, int prep, hit *h)
{
    if (prep != P_IN && prep != P_BOUND && prep != P_NONE)
        return 0;
    int32_t k = j;
    int the = is(c, k, "the");
    k += the;
    int q = is(c, k, "first|1st") ? 1 : is(c, k, "second|2nd") ? 2
            : is(c, k, "third|3rd")  ? 3
            : is(c, k, "fourth|4th") ? 4
                                     : 0;
    if (!q || !is(c, k + 1, "quarter"))
        return 0;
    k += 2;
    int y = 0;
    int32_t e = k;
    if (is(c, k, "of") && (y = year_after(c, &e)) == 0)
        return 0; /* "the first quarter of each year" */
    if (!y && (prep == P_NONE || !the))
        return 0;
    h->end = y ? e : k;
    int32_t lo, hi;
    if (y) {
        if (!kbi_days_from_civil(y, 3 * q - 2, 1, &lo) ||
            !kbi_days_from_civil(y, 3 * q, mdays(y, 3 * q), &hi))
            return 0;
        return set_days(h, lo, hi, KBI_DATE_SPAN);
    }
    /* the latest such quarter begun by the publication date; when
     * future, the first not over by it */
    int fut = future_at(c, s, k);
    y = c->pm >= 3 * q - 2 ? c->py : c->py - 1;
    if (fut && c->pm > 3 * q)
        y = c->py + 1;
    else if (fut)
        y = c->py;
    if (!kbi_days_from_civil(y, 3 * q - 2, 1, &lo) ||
        !kbi_days_from_civil(y, 3 * q, mdays(y, 3 * q), &hi))
        return 0;
    return set_days(h, lo, hi, KBI_DATE_SPAN);
}

/* A weekend, Saturday-Sunday. off 0: the one just past, cut at the
 * publication day ("over the weekend" said on a Sunday is Saturday and
 * Sunday; said on a Tuesday, the Saturday and Sunday before), or when fut
 * the coming one (from the publication day if it is a weekend day); off
 * -1 ("last weekend"): the one before the current weekend when published
 * on a Saturday or Sunday, else the one just past; off 1 ("next
 * weekend"): the first that starts after the publication day. */
static int weekend(const ctx *c, int off, int fut, hit *h)
{
    int32_t sat_past = c->pub - (c->pw - 5 + 7) % 7; /* on or before pub */
    int in_weekend = c->pw >= 5;
    if (off == -1)
        return set_days(h, sat_past - 7 * in_weekend,
                        sat_past - 7 * in_weekend + 1, KBI_DATE_SPAN);
    if (off == 1)
        return set_days(h, sat_past + 7, sat_past + 8, KBI_DATE_SPAN);
    if (fut)
        return in_weekend ? set_days(h, c->pub, sat_past + 1, KBI_DATE_SPAN)
                          : set_days(h, sat_past + 7, sat_past + 8,
                                     KBI_DATE_SPAN);
    return set_days(h, sat_past, sat_past + 1 < c->pub ? sat_past + 1 : c->pub,
                    KBI_DATE_SPAN);
}

/* last/this/next week|month|year|weekend, earlier/later this X,
 * over the weekend. */
static int m_relative(const ctx *c, int32_t s, int32_t j, int prep, hit *h)
{
    int32_t k = j;
    if ((prep == P_OVER || prep == P_ON || prep == P_IN) && is(c, k, "the") &&
        is(c, k + 1, "weekend") && !is(c, s, "for|within")) {
        h->end = k + 2;
        return weekend(c, 0, future_at(c, s, k + 2), h);
    }
    if (prep != P_NONE && prep != P_BOUND)
        return 0;
    if (is(c, k - 1, "the|its|his|her|their|our|a"))
        return 0; /* "the last week of ..." */
    int q = is(c, k, "earlier") ? -1 : is(c, k, "later") ? 1 : 0;
    k += q != 0;
    int off;
    if (is(c, k, "last"))
        off = -1;
    else if (is(c, k, "this"))
        off = 0;
    else if (is(c, k, "next"))
        off = 1;
    else
        return 0;
    if (q && off)
        return 0;
    if (is(c, k + 1, "weekend")) {
        if (q)
            return 0;
        h->end = k + 2;
        return weekend(c, off, off == 1 || future_at(c, s, k + 2), h);
    }
    int u = unit_of(W(c, k + 1));
    if (u == U_NONE || u == U_DAY || u == U_HOUR ||
        is(c, k + 1, "days|weeks|months|years"))
        return 0;
    h->end = k + 2;
    int fut = future_at(c, s, k + 2);
    hit t = *h;
    if (u == U_WEEK) {
        int32_t mon = c->pub - c->pw + 7 * off;
        if (!set_days(&t, mon, mon + 6, KBI_DATE_WEEK))
            return 0;
    } else {
        int y = c->py, m = c->pm;
        if (u == U_MONTH)
            add_months(&y, &m, off);
        if (!(u == U_MONTH ? set_month(&t, y, m) : set_year(&t, y + off)))
            return 0;
    }
    int32_t lo = t.lo, hi = t.hi;
    if (off == 0) {
        /* this week: up to the publication date, or from it when future */
        if (q == -1)
            hi = c->pub - 1 >= lo ? c->pub - 1 : lo;
        else if (q == 1) {
            lo = c->pub + 1 <= hi ? c->pub + 1 : hi;
            h->flags |= KBI_DATE_FUTURE;
        } else if (fut)
            lo = c->pub;
        else
            hi = c->pub;
    }
    return set_days(h, lo, hi, t.gran);
}

/* Days of a unit, for approximate spans. */
static int32_t unit_days(int u)
{
    return u == U_WEEK ? 7 : u == U_MONTH ? 30 : u == U_YEAR ? 365 : 1;
}

/* base moved by n units (sign: -1 back, 1 forward). */
static int shift(int32_t base, int u, int n, int sign, hit *h)
{
    if (u == U_DAY || u == U_HOUR)
        return set_day(h, base + sign * (u == U_HOUR ? n / 24 : n));
    if (u == U_WEEK) {
        int32_t mid = base + sign * 7 * n;
        return set_days(h, mid - 3, mid + 3, KBI_DATE_WEEK);
    }
    int y, m, d;
    kbi_civil_from_days(base, &y, &m, &d);
    if (u == U_MONTH) {
        add_months(&y, &m, sign * n);
        return set_month(h, y, m);
    }
    return set_year(h, y + sign * n);
}

/* two days ago, a day earlier, three weeks later, a few days ago, hours
 * later. */
static int m_count(const ctx *c, int32_t j, int prep, hit *h)
{
    if (prep != P_NONE)
        return 0;
    int32_t k = j;
    int n = 0, lo_m = 0, hi_m = 0; /* approximate: lo_m..hi_m units */
    if (is(c, k, "a") && is(c, k + 1, "few")) {
        lo_m = 2;
        hi_m = 5;
        k += 2;
    } else if (is(c, k, "few|several")) {
        lo_m = is(c, k, "few") ? 2 : 3;
        hi_m = is(c, k, "few") ? 5 : 7;
        k++;
    } else if (is(c, k, "a") && is(c, k + 1, "couple") && is(c, k + 2, "of")) {
        n = 2;
        k += 3;
    } else if (count_num(W(c, k), &n)) {
        k++;
    } else if (unit_of(W(c, k)) == U_HOUR && is(c, k, "hours")) {
        n = 0; /* "hours later": the same day */
    } else {
        return 0;
    }
    int u = unit_of(W(c, k));
    if (u == U_NONE)
        return 0;
    k++;
    int sign, anchored;
    if (is(c, k, "ago")) {
        sign = -1;
        anchored = 0;
    } else if (is(c, k, "earlier|before|previously")) {
        sign = -1;
        anchored = 1;
    } else if (is(c, k, "later|after")) {
        sign = 1;
        anchored = 1;
    } else if (is(c, k, "from") && is(c, k + 1, "now")) {
        sign = 1;
        anchored = 0;
        k++;
    } else {
        return 0;
    }
    /* "before the vote", "after the attack": still counted from the
     * anchor, the nearest event the article told */
    h->end = k + 1;
    int32_t base = c->pub;
    if (anchored) {
        h->flags |= KBI_DATE_ANCHORED;
        if (c->anchor == KBI_DATE_NONE) {
            h->flags |= KBI_DATE_UNRESOLVED;
            h->lo = h->hi = KBI_DATE_NONE;
            h->gran = u == U_WEEK ? KBI_DATE_WEEK
                      : u == U_MONTH ? KBI_DATE_MONTH
                      : u == U_YEAR  ? KBI_DATE_YEAR
                                     : KBI_DATE_DAY;
            return 1;
        }
        base = c->anchor;
    }
    if (hi_m) {
        int32_t a = base + sign * lo_m * unit_days(u),
                b = base + sign * hi_m * unit_days(u);
        return set_days(h, a < b ? a : b, a < b ? b : a, KBI_DATE_SPAN);
    }
    return shift(base, u, n, sign, h);
}

/* the next day, the following day, the day before, that day, later that
 * day, the same day, the previous week. */
static int m_anchored(const ctx *c, int32_t j, int prep, hit *h)
{
    if (prep != P_NONE && prep != P_ON)
        return 0;
    int32_t k = j;
    int off, u = U_DAY;
    if (is(c, k, "later|earlier") && is(c, k + 1, "that") &&
        is(c, k + 2, "day|night|morning|afternoon|evening")) {
        off = 0;
        k += 3;
    } else if (is(c, k, "that") &&
               is(c, k + 1, "day|night|morning|afternoon|evening") &&
               !is(c, k + 2, "of")) {
        off = 0;
        k += 2;
    } else if (is(c, k, "the") && is(c, k + 1, "same") && is(c, k + 2, "day")) {
        off = 0;
        k += 3;
    } else if (is(c, k, "the") && is(c, k + 1, "day") &&
               is(c, k + 2, "before|after") &&
               !is(c, k + 3, "yesterday|tomorrow")) {
        off = is(c, k + 2, "before") ? -1 : 1;
        k += 3;
    } else if (is(c, k, "the") && is(c, k + 1, "next|following|previous") &&
               (u = is(c, k + 2, "morning|night|evening|afternoon")
                        ? U_DAY
                        : unit_of(W(c, k + 2))) != U_NONE &&
               u != U_HOUR && !is(c, k + 2, "days|weeks|months|years")) {
        off = is(c, k + 1, "previous") ? -1 : 1;
        k += 3;
    } else {
        return 0;
    }
    h->end = k;
    h->flags |= KBI_DATE_ANCHORED;
    if (c->anchor == KBI_DATE_NONE) {
        h->flags |= KBI_DATE_UNRESOLVED;
        h->lo = h->hi = KBI_DATE_NONE;
        h->gran = u == U_WEEK ? KBI_DATE_WEEK : u == U_MONTH ? KBI_DATE_MONTH
                  : u == U_YEAR ? KBI_DATE_YEAR : KBI_DATE_DAY;
        return 1;
    }
    if (u == U_DAY)
        return set_day(h, c->anchor + off);
    if (u == U_WEEK) {
        int32_t mon = c->anchor - wday(c->anchor) + 7 * off;
        return set_days(h, mon, mon + 6, KBI_DATE_WEEK);
    }
    int y, m, d;
    kbi_civil_from_days(c->anchor, &y, &m, &d);
    if (u == U_MONTH) {
        add_months(&y, &m, off);
        return set_month(h, y, m);
    }
    return set_year(h, y + off);
}

/* [in|over|during|for] the past few days, the last three weeks, the past
 * 24 hours, the past week, recent days, the coming weeks, the next few
 * days: a span ending (starting) at the publication day. "few" counts as
 * 4 units, "several" as 6; "recent" and "coming" days, weeks, months,
 * years as 7, 28, 90 and 1095 days. */
static int m_span(const ctx *c, int32_t j, int prep, hit *h)
{
    if (prep != P_NONE && prep != P_IN && prep != P_OVER)
        return 0;
    int32_t k = j;
    int the = is(c, k, "the");
    k += the;
    int kind; /* 0 past, 1 recent, 2 coming */
    if (is(c, k, "past|last"))
        kind = 0;
    else if (is(c, k, "recent"))
        kind = 1;
    else if (the && is(c, k, "coming|next"))
        kind = 2;
    else
        return 0;
    k++;
    int n = 0;
    if (is(c, k, "few|several")) {
        n = is(c, k, "few") ? 4 : 6;
        k++;
    } else if (is(c, k, "couple") && is(c, k + 1, "of")) {
        n = 2;
        k += 2;
    } else if (kind != 1 && !is(c, k, "a|an") && count_num(W(c, k), &n)) {
        k++;
    }
    int u = unit_of(W(c, k));
    int plural = is(c, k, "days|weeks|months|years|hours");
    if (u == U_NONE || (n > 1 && !plural) || (n == 1 && plural))
        return 0;
    /* "last week" is the calendar week (m_relative); "the next day" is
     * counted from the anchor (m_anchored) */
    if (!plural && (!the || kind != 0 || n))
        return 0;
    if (kind == 2 && is(c, k - 1, "next") && !n)
        return 0;
    k++;
    int32_t len;
    if (!n && plural)
        len = u == U_DAY ? 7 : u == U_WEEK ? 28 : u == U_MONTH ? 90
              : u == U_YEAR ? 1095 : 1;
    else if (u == U_HOUR)
        len = ((n ? n : 1) + 23) / 24;
    else
        len = (n ? n : 1) * unit_days(u);
    h->end = k;
    if (kind == 2) {
        h->flags |= KBI_DATE_FUTURE;
        return set_days(h, c->pub, c->pub + len, KBI_DATE_SPAN);
    }
    return set_days(h, c->pub - len, c->pub, KBI_DATE_SPAN);
}

/* ---- the pass ------------------------------------------------------------ */

static const char *span_text(kbi_arena *a, const kbi_token *t, int32_t s,
                             int32_t e)
{
    size_t len = 1;
    for (int32_t i = s; i < e; i++)
        len += (t[i].form ? strlen(t[i].form) : 0) + 1;
    char *out = kbi_arena_alloc(a, len), *p = out;
    if (!out)
        return NULL;
    for (int32_t i = s; i < e; i++) {
        int glue = i > s && t[i].start == t[i - 1].end && t[i].end > t[i].start;
        if (i > s && !glue)
            *p++ = ' ';
        size_t n = t[i].form ? strlen(t[i].form) : 0;
        memcpy(p, t[i].form ? t[i].form : "", n);
        p += n;
    }
    *p = '\0';
    return out;
}

static int match(ctx *c, int32_t s, hit *h)
{
    int prep = prep_of(W(c, s));
    int32_t j = prep != P_NONE ? s + 1 : s;
    if (prep != P_NONE && is(c, j, "both|either") && j + 1 < c->n)
        j++; /* "in both January and December" */
    memset(h, 0, sizeof *h);
    if (m_deictic(c, j, prep, h) || m_numeric(c, j, prep, h) ||
        m_weekday(c, s, j, prep, h) || m_part(c, s, j, prep, h) ||
        m_month(c, s, j, prep, h) || m_year(c, j, prep, h) ||
        m_season(c, s, j, prep, h) || m_quarter(c, s, j, prep, h) ||
        m_span(c, j, prep, h) || m_relative(c, s, j, prep, h) ||
        m_count(c, j, prep, h) || m_anchored(c, j, prep, h)) {
        if (prep == P_BOUND)
            h->flags |= KBI_DATE_BOUND;
        return h->end > s && h->end <= c->n;
    }
    return 0;
}

kb_status kbi_dates_find(const kbi_sentence *s, int32_t pub, int32_t anchor,
                         kbi_arena *a, kbi_dates *out)
{
    memset(out, 0, sizeof *out);
    if (pub < MIN_DAY || pub > MAX_DAY)
        return KB_ERR_INVALID;
    int32_t n = s && s->toks && s->ntoks > 0 ? s->ntoks : 0;
    if (n > KBI_MAX_TOKENS)
        n = KBI_MAX_TOKENS;
    if (n == 0)
        return KB_OK;
    ctx c;
    memset(&c, 0, sizeof c);
    c.t = s->toks;
    c.n = n;
    c.pub = pub;
    c.anchor = anchor == -1 || anchor < MIN_DAY || anchor > MAX_DAY
                   ? KBI_DATE_NONE
                   : anchor;
    kbi_civil_from_days(pub, &c.py, &c.pm, &c.pd);
    c.pw = wday(pub);
    size_t sz = (size_t)n * sizeof(int32_t);
    int32_t *clause = kbi_arena_alloc(a, sz);
    c.seg = kbi_arena_alloc(a, sz);
    c.segfirst = kbi_arena_alloc(a, sz);
    c.cue_prev = kbi_arena_alloc(a, sz);
    c.cue_next = kbi_arena_alloc(a, sz);
    c.comma_next = kbi_arena_alloc(a, sz);
    c.weak_next = kbi_arena_alloc(a, sz);
    c.cue = kbi_arena_alloc(a, (size_t)n);
    if (!clause || !c.seg || !c.segfirst || !c.cue_prev || !c.cue_next ||
        !c.comma_next || !c.weak_next || !c.cue)
        return KB_ERR_NOMEM;
    scan_clauses(&c, clause);

    kbi_date *items = NULL;
    int32_t cnt = 0, cap = 0;
    c.coord = -1;
    for (int32_t i = 0; i < n;) {
        hit h;
        if (cnt && items[cnt - 1].tok_end == i - 1 &&
            is(&c, i - 1, "and|or|to|through|-") &&
            (items[cnt - 1].gran == KBI_DATE_MONTH ||
             items[cnt - 1].gran == KBI_DATE_DAY))
            c.coord = i;
        if (!match(&c, i, &h)) {
            i++;
            continue;
        }
        if (cnt == cap) {
            int32_t nc = cap ? cap * 2 : 8;
            kbi_date *ni = kbi_arena_alloc(a, (size_t)nc * sizeof *ni);
            if (!ni)
                return KB_ERR_NOMEM;
            if (cnt)
                memcpy(ni, items, (size_t)cnt * sizeof *ni);
            items = ni;
            cap = nc;
        }
        kbi_date *d = &items[cnt++];
        d->tok_start = i;
        d->tok_end = h.end;
        d->start = c.t[i].start;
        d->end = c.t[h.end - 1].end;
        d->lo = h.lo;
        d->hi = h.hi;
        d->gran = h.gran;
        d->flags = h.flags;
        if (!(h.flags & KBI_DATE_UNRESOLVED)) {
            int fut = future_at(&c, i, h.end);
            if (h.lo > pub || (fut && h.hi >= pub))
                d->flags |= KBI_DATE_FUTURE;
            if ((int64_t)h.hi < (int64_t)pub - 365)
                d->flags |= KBI_DATE_HISTORIC;
        }
        d->text = span_text(a, c.t, i, h.end);
        if (!d->text)
            return KB_ERR_NOMEM;
        i = h.end;
    }
    out->items = items;
    out->n = cnt;
    out->clause = clause;
    out->ntoks = n;
    return KB_OK;
}

/* ---- THE event date ------------------------------------------------------ */

static int clausal(const kbi_token *t)
{
    const char *r = t->deprel ? t->deprel : "";
    if (t->head < 0 || !strncmp(r, "root", 4) || !strncmp(r, "ccomp", 5) ||
        !strncmp(r, "xcomp", 5) || !strncmp(r, "advcl", 5) ||
        !strncmp(r, "acl", 3) || !strncmp(r, "csubj", 5) ||
        !strncmp(r, "parataxis", 9))
        return 1;
    return !strncmp(r, "conj", 4) && t->xpos && !strncmp(t->xpos, "VB", 2);
}

/* The nearest clausal token at or above i; -1 when the heads loop or
 * leave the sentence. */
static int32_t clause_head(const kbi_sentence *s, int32_t n, int32_t i)
{
    for (int32_t steps = 0; i >= 0 && i < n && steps <= n; steps++) {
        const kbi_token *t = &s->toks[i];
        if (clausal(t))
            return i;
        if (t->head >= n)
            return -1;
        i = t->head;
    }
    return -1;
}

const kbi_date *kbi_dates_event(const kbi_sentence *s, const kbi_dates *d,
                                int32_t verb)
{
    if (!s || !d || d->n <= 0 || !d->items)
        return NULL;
    int32_t n = d->ntoks;
    if (s->ntoks < n || !s->toks)
        n = 0;
    int heads = 0;
    int32_t root = -1;
    for (int32_t i = 0; i < n; i++) {
        if (s->toks[i].head >= 0)
            heads = 1;
        else if (root < 0)
            root = i;
    }
    int32_t want = -1;
    if (heads)
        want = verb >= 0 && verb < n ? clause_head(s, n, verb) : root;
    else if (verb >= 0 && verb < n && d->clause)
        want = d->clause[verb] / 2;
    const kbi_date *best = NULL;
    int best_key = 0;
    for (int32_t i = 0; i < d->n; i++) {
        const kbi_date *x = &d->items[i];
        if (x->flags & (KBI_DATE_BOUND | KBI_DATE_UNRESOLVED))
            continue;
        int same = 0;
        if (x->tok_start >= 0 && x->tok_start < n && x->tok_end <= n) {
            if (heads) {
                int32_t h = x->tok_start;
                for (int32_t k = x->tok_start; k < x->tok_end; k++) {
                    int32_t p = s->toks[k].head;
                    if (p < x->tok_start || p >= x->tok_end) {
                        h = k;
                        break;
                    }
                }
                /* the expression's own head word is not its clause */
                int32_t up = s->toks[h].head;
                int32_t ch = clausal(&s->toks[h]) && s->toks[h].head >= 0 &&
                                     up >= 0 && up < n
                                 ? clause_head(s, n, up)
                                 : clause_head(s, n, h);
                same = want >= 0 && ch == want;
            } else if (d->clause) {
                int32_t cl = d->clause[x->tok_start];
                same = want >= 0 ? cl / 2 == want : !(cl & 1);
            }
        }
        int key = (same ? 8 : 0) + (x->flags & KBI_DATE_FUTURE ? 0 : 4) +
                  (x->gran == KBI_DATE_DAY ? 2 : 0);
        if (!best || key > best_key) {
            best = x;
            best_key = key;
        }
    }
    return best;
}
