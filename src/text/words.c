/* words.c - words inside a chunk, and what is decided about them: where a
 * word ends (letters and digits, and joiners between the right neighbours:
 * "3.5", "1,000", "10:30", "9/11", "O'Brien", "AT&T", "al-Araji"), which
 * words keep a final period (abbreviations), what is a URL or an e-mail
 * address, and which clitics and units split off a word ("do" "n't",
 * "Bush" "'s", "gon" "na", "5" "pm"). */
#include <string.h>

#include "text_int.h"

/* ---- abbreviations ------------------------------------------------------ */

/* The first character after pos that is not whitespace is a digit. */
static int digit_follows(const tx_tz *z, size_t pos)
{
    while (pos < z->n && (z->s[pos] == ' ' || z->s[pos] == '\n'))
        pos++;
    return pos < z->n && tx_is_digit(z->s[pos]);
}

/* Letters with periods: "U.S", "e.g", "Ph.D" (groups of one or two
 * letters, at least two groups), or one capital letter (an initial). */
static int dotted(const char *s, size_t ws, size_t we)
{
    size_t groups = 0, len = 0;
    int single_upper = 0;
    for (size_t p = ws; p < we;) {
        if (s[p] == '.') {
            if (len == 0)
                return 0;
            groups++;
            len = 0;
            p++;
            continue;
        }
        int c;
        size_t q = tx_unit_end(s, p, we, &c);
        if (!tx_is_letter(c) || ++len > 2)
            return 0;
        single_upper = (len == 1 && c == TX_UPPER && s[p] != 'I');
        p = q;
    }
    if (len == 0)
        return 0;
    return groups >= 1 || single_upper;
}

/* [ws, we) ends in '.' and is an abbreviation that keeps it. */
int kbi_tx_abbrev_word(const tx_tz *z, size_t ws, size_t we)
{
    const char *s = z->s;
    if (we - ws < 2 || s[we - 1] != '.')
        return 0;
    size_t be = we - 1;
    if (s[be - 1] == '.')
        return 0;
    if (dotted(s, ws, be))
        return 1;
    int k = kbi_tx_abbrev(s + ws, be - ws);
    if (k == TX_ABBR_NUM)
        return digit_follows(z, we);
    return k != TX_ABBR_NONE;
}

/* ---- URLs and e-mail addresses ------------------------------------------ */

static int starts_ci(const char *s, size_t p, size_t e, const char *w)
{
    size_t k = strlen(w);
    if (e - p < k)
        return 0;
    for (size_t i = 0; i < k; i++)
        if (tx_lower(s[p + i]) != w[i])
            return 0;
    return 1;
}

static int url_char(char c)
{
    return (unsigned char)c >= 0x80 ||
           (c > ' ' && c != '"' && c != '<' && c != '>' && c != '`');
}

/* Drops trailing punctuation that belongs to the sentence. */
static size_t trim_url(const char *s, size_t p, size_t q)
{
    long paren = 0, bracket = 0;
    for (size_t i = p; i < q; i++) {
        paren += s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
        bracket += s[i] == '[' ? 1 : s[i] == ']' ? -1 : 0;
    }
    while (q > p) {
        char c = s[q - 1];
        if (c == ')' && paren < 0)
            paren++;
        else if (c == ']' && bracket < 0)
            bracket++;
        else if (!strchr(".,;:!?'*", c))
            break;
        q--;
    }
    return q;
}

static int alnum(char c)
{
    return tx_is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int kbi_tx_scheme_at(const char *s, size_t p, size_t e)
{
    char c = (char)(s[p] | 0x20);
    if ((c != 'h' && c != 'w' && c != 'f' && c != 'm') || e - p < 4)
        return 0;
    return starts_ci(s, p, e, "http://") || starts_ci(s, p, e, "https://") ||
           starts_ci(s, p, e, "ftp://") || starts_ci(s, p, e, "www.") ||
           starts_ci(s, p, e, "mailto:");
}

/* End of the URL or e-mail address starting at p, or 0. */
size_t kbi_tx_url_end(const tx_tz *z, size_t p, size_t e)
{
    const char *s = z->s;
    size_t q;
    if (kbi_tx_scheme_at(s, p, e)) {
        for (q = p; q < e && url_char(s[q]); q++)
            ;
        q = trim_url(s, p, q);
        return q > p + 7 ? q : 0;
    }
    if (!z->urlish || !alnum(s[p]))
        return 0;
    /* local@domain.tld, or domain.tld/path */
    q = p;
    while (q < e && (alnum(s[q]) || strchr("._%+-", s[q])))
        q++;
    int mail = q < e && s[q] == '@';
    size_t d = mail ? q + 1 : p, last = d;
    size_t dots = 0;
    q = d;
    while (q < e && (alnum(s[q]) || s[q] == '-' || s[q] == '.')) {
        if (s[q] == '.' && q + 1 < e && alnum(s[q + 1])) {
            dots++;
            last = q + 1;
        }
        q++;
    }
    size_t tl = last;
    while (tl < e && alnum(s[tl]))
        tl++;
    if (!dots || tl - last < 2)
        return 0;
    if (mail)
        return tl;
    if (tl < e && s[tl] == '/' && kbi_tx_tld(s + last, tl - last)) {
        for (q = tl; q < e && url_char(s[q]); q++)
            ;
        return trim_url(s, p, q);
    }
    return 0;
}

/* ---- words -------------------------------------------------------------- */

static int all_digits(const char *s, size_t p, size_t q)
{
    if (p >= q)
        return 0;
    for (; p < q; p++)
        if (!tx_is_digit(s[p]))
            return 0;
    return 1;
}

/* End of the run of letters and digits at p. */
static size_t alnum_run(const char *s, size_t p, size_t e)
{
    while (p < e) {
        int c;
        size_t q = tx_unit_end(s, p, e, &c);
        if (!tx_is_word(c))
            break;
        p = q;
    }
    return p;
}

/* Whether the hyphen at p joins the segment [seg, p) to what follows. */
static int join_hyphen(tx_tz *z, size_t seg, size_t p, size_t e, int *phone)
{
    const char *s = z->s;
    if (all_digits(s, seg, p)) {
        size_t r = alnum_run(s, p + 1, e);
        if (all_digits(s, p + 1, r)) {
            /* "5-10" splits, "555-123-4567", "571-9571" and "2004-11-17"
             * do not */
            if (*phone || (p - seg == 3 && r - p - 1 == 4))
                return 1;
            if (r + 1 < e && s[r] == '-' && tx_is_digit(s[r + 1])) {
                *phone = 1;
                return 1;
            }
            return 0;
        }
    }
    if (!(z->flags & KBI_TEXT_SPLIT_HYPHENS))
        return 1;
    return kbi_tx_hyphen_prefix(s + seg, p - seg);
}

static unsigned number(const char *s, size_t p, size_t q)
{
    unsigned v = 0;
    for (; p < q && v < 100000; p++)
        v = v * 10 + (unsigned)(s[p] - '0');
    return v;
}

/* Whether the slash at p joins digits: dates ("9/11", "12/27/2004",
 * "3/03") do, fractions and ranges ("1/2", "20/20", "2001/02") do not. */
static int join_slash(const char *s, size_t seg, size_t p, size_t e,
                      int *date)
{
    size_t r = p + 1;
    while (r < e && tx_is_digit(s[r]))
        r++;
    if (*date || !all_digits(s, seg, p) || r == p + 1)
        return *date;
    if (r < e && s[r] == '/' && r + 1 < e && tx_is_digit(s[r + 1]))
        return *date = 1;
    unsigned a = number(s, seg, p), b = number(s, p + 1, r);
    if (p - seg > 2 || r - p - 1 > 2 || a == 0 || a > 12 || b == 0 ||
        b > 31)
        return 0;
    return *date = (a >= b || b >= 10 || s[p + 1] == '0');
}

/* A capitalised word ("The") starts at p. */
static int cap_word_at(const char *s, size_t p, size_t e)
{
    if (p + 1 >= e || tx_cls_at(s, p) != TX_UPPER)
        return 0;
    int c;
    size_t q = tx_unit_end(s, p, e, &c);
    return q < e && tx_cls_at(s, q) == TX_LOWER;
}

/* Scans the word that starts at p (word_start) and returns its end. */
size_t kbi_tx_scan_word(tx_tz *z, size_t p, size_t e)
{
    const char *s = z->s;
    size_t ws = p, seg, part = p; /* part: after the last hyphen etc. */
    int phone = 0, date = 0;
    if (!tx_is_word(tx_cls_at(s, p)))
        p++; /* the sign, period, apostrophe or "@" */
    seg = p;
    while (p < e) {
        int c;
        size_t q = tx_unit_end(s, p, e, &c);
        if (tx_is_word(c)) {
            p = q;
            continue;
        }
        char ch = s[p];
        int pc = tx_cls_before(s, ws, p);
        int nc = p + 1 < e ? tx_cls_at(s, p + 1) : TX_SPACE;
        switch (ch) {
        case '.':
            if (pc == TX_DIGIT && nc == TX_DIGIT)
                break;
            if (tx_is_word(nc)) {
                int k = kbi_tx_abbrev(s + ws, p - ws);
                if (k != TX_ABBR_NONE && k != TX_ABBR_NUM)
                    return p + 1; /* "Mr.Smith" */
                if (p - seg >= 2 && cap_word_at(s, p + 1, e))
                    return p; /* "end.The" */
                break;
            }
            if ((p + 2 < e && s[p + 1] == '.' && s[p + 2] == '.') ||
                !kbi_tx_abbrev_word(z, part, p + 1)) /* "R-Ariz." */
                return p; /* "U.S..." is "U.S" "..." */
            if (!(z->flags & KBI_TEXT_SPLIT_HYPHENS) && p + 2 < e &&
                s[p + 1] == '-' && tx_is_word(tx_cls_at(s, p + 2))) {
                p += 2; /* "U.S.-led" */
                seg = part = p;
                continue;
            }
            return p + 1;
        case ',':
            if (pc == TX_DIGIT && p + 3 < e && all_digits(s, p + 1, p + 4) &&
                (p + 4 == e || !tx_is_word(tx_cls_at(s, p + 4))))
                break;
            return p;
        case ':':
            if (pc == TX_DIGIT && nc == TX_DIGIT)
                break;
            return p;
        case '/':
            if (pc == TX_DIGIT && nc == TX_DIGIT &&
                join_slash(s, seg, p, e, &date))
                break;
            return p;
        case '-':
            if (tx_is_word(pc) && tx_is_word(nc) && join_hyphen(z, seg, p, e, &phone))
                break;
            return p;
        case '&':
            if (pc == TX_UPPER && nc == TX_UPPER)
                break;
            return p;
        case '\'':
            if (tx_is_letter(pc) && tx_is_letter(nc)) {
                p++;
                continue; /* same segment: "O'Brien", "don't" */
            }
            if (pc == TX_DIGIT && p + 1 < e && tx_lower(s[p + 1]) == 's' &&
                (p + 2 == e || !tx_is_word(tx_cls_at(s, p + 2)))) {
                p += 2; /* "80's"; word() splits "969's" */
                continue;
            }
            return p;
        case '_':
        case '@':
            if (tx_is_word(pc) && tx_is_word(nc))
                break;
            return p;
        case '*':
            if (tx_is_letter(pc) && tx_is_letter(nc))
                break;
            return p;
        case '$':
            /* "US$", "C$" before an amount */
            if (nc == TX_DIGIT && p - ws <= 3 && p > ws) {
                size_t i = ws;
                while (i < p && s[i] >= 'A' && s[i] <= 'Z')
                    i++;
                if (i == p)
                    return p + 1;
            }
            return p;
        default:
            return p;
        }
        if (ch != '.')
            part = p + 1;
        p++;
        seg = p;
    }
    return p;
}

/* Emits the word [ws, we), splitting off clitics and units. */
int kbi_tx_word(tx_tz *z, size_t ws, size_t we)
{
    const char *s = z->s;
    size_t n = we - ws, k = kbi_tx_fused(s + ws, n);
    if (!k && n > 3 && tx_lower(s[we - 3]) == 'n' && s[we - 2] == '\'' &&
        tx_lower(s[we - 1]) == 't')
        k = n - 3;
    else if (!k && n > 2 && s[we - 2] == '\'' &&
             (tx_lower(s[we - 1]) == 's' || tx_lower(s[we - 1]) == 'm' ||
              tx_lower(s[we - 1]) == 'd'))
        k = n - 2;
    else if (!k && n > 3 && s[we - 3] == '\'' &&
             ((tx_lower(s[we - 2]) == 'r' && tx_lower(s[we - 1]) == 'e') ||
              (tx_lower(s[we - 2]) == 'v' && tx_lower(s[we - 1]) == 'e') ||
              (tx_lower(s[we - 2]) == 'l' && tx_lower(s[we - 1]) == 'l')))
        k = n - 3;
    if (k && k < n && (tx_is_letter(tx_cls_before(s, ws, ws + k)) ||
                       (k == n - 2 && tx_is_digit(s[ws + k - 1]) &&
                        tx_lower(s[we - 1]) == 's' && s[ws + k - 1] != '0')))
        return kbi_tx_emit(z, ws, ws + k, 0) && kbi_tx_emit(z, ws + k, we, TX_T_CLITIC);
    if (tx_is_digit(s[ws])) {
        size_t j = ws;
        while (j < we && (tx_is_digit(s[j]) || s[j] == '.' || s[j] == ',' ||
                          s[j] == ':'))
            j++;
        if (j < we && tx_is_digit(s[j - 1]) && kbi_tx_unit(s + j, we - j))
            return kbi_tx_emit(z, ws, j, 0) && kbi_tx_emit(z, j, we, 0);
    }
    return kbi_tx_emit(z, ws, we, 0);
}
