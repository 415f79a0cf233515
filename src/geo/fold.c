/* fold.c - the one normalisation of place names, shared by the gazetteer
 * builder and the lookups: what the key of a name is.
 *
 *   ASCII letters        -> lower case
 *   Latin letters with diacritics (U+00C0..U+024F, U+1E00..U+1EFF, and
 *                           schwa U+0259) -> their base letters ("Ḩalabja"
 *                           -> "halabja", "Kərkük" -> "kerkuk", "ß" -> "ss")
 *   apostrophes, ayn/hamza signs ('  `  ´  ‘  ’  ʻ  ʼ  ʾ  ʿ) and periods
 *                        -> removed ("Sāmarrā’" -> "samarra", "U.S." -> "us")
 *   any other ASCII character, hyphens and dashes, spaces
 *                        -> one space, none at either end ("Al-Anbar" ->
 *                           "al anbar")
 *   other characters      -> kept as they are (non-Latin scripts never
 *                           match an English text, and keeping them keeps
 *                           folding idempotent: fold(fold(x)) == fold(x))
 * The table below was generated with Python's unicodedata (NFKD, combining
 * marks dropped) plus hand mappings for letters without a decomposition
 * (ø, ł, đ, ı, æ, œ, þ, ð, ħ, ŋ, ...). */
#include "geo.h"

#include <string.h>

static const char *const latin_a[] = {
  "a","a","a","a","a","a","ae","c","e","e","e","e","i","i","i","i","d","n",
  "o","o","o","o","o",NULL,"o","u","u","u","u","y","th","ss","a","a","a","a",
  "a","a","ae","c","e","e","e","e","i","i","i","i","d","n","o","o","o","o",
  "o",NULL,"o","u","u","u","u","y","th","y","a","a","a","a","a","a","c","c",
  "c","c","c","c","c","c","d","d","d","d","e","e","e","e","e","e","e","e","e",
  "e","g","g","g","g","g","g","g","g","h","h","h","h","i","i","i","i","i","i",
  "i","i","i","i","ij","ij","j","j","k","k","k","l","l","l","l","l","l","l",
  "l","l","l","n","n","n","n","n","n","n","n","n","o","o","o","o","o","o",
  "oe","oe","r","r","r","r","r","r","s","s","s","s","s","s","s","s","t","t",
  "t","t","t","t","u","u","u","u","u","u","u","u","u","u","u","u","w","w",
  "y","y","y","z","z","z","z","z","z","s","b","b","b","b","b","b","o","c","c",
  "d","d","d","d",NULL,"e","e","e","f","f","g","g",NULL,"i","i","k","k","l",
  NULL,"m","n","n","o","o","o",NULL,NULL,"p","p",NULL,NULL,NULL,"sh","sh","t",
  "t","t","t","u","u","u","v","y","y","z","z","zh","zh","zh","zh",NULL,NULL,
  NULL,NULL,"w",NULL,NULL,NULL,NULL,"dz","dz","dz","lj","lj","lj","nj","nj",
  "nj","a","a","i","i","o","o","u","u","u","u","u","u","u","u","u","u","e",
  "a","a","a","a","ae","ae","g","g","g","g","k","k","o","o","o","o","zh","zh",
  "j","dz","dz","dz","g","g",NULL,"w","n","n","a","a","ae","ae","o","o","a",
  "a","a","a","e","e","e","e","i","i","i","i","o","o","o","o","r","r","r","r",
  "u","u","u","u","s","s","t","t","y","y","h","h",NULL,"d","ou","ou","z","z",
  "a","a","e","e","o","o","o","o","o","o","o","o","y","y","l","n","t","j",
  "db","qp","a","c","c","l","t","s","z",NULL,NULL,"b","u",NULL,"e","e","j",
  "j","q","q","r","r","y","y",
};

static const char *const latin_b[] = {
  "a","a","b","b","b","b","b","b","c","c","d","d","d","d","d","d","d","d","d",
  "d","e","e","e","e","e","e","e","e","e","e","f","f","g","g","h","h","h","h",
  "h","h","h","h","h","h","i","i","i","i","k","k","k","k","k","k","l","l","l",
  "l","l","l","l","l","m","m","m","m","m","m","n","n","n","n","n","n","n","n",
  "o","o","o","o","o","o","o","o","p","p","p","p","r","r","r","r","r","r","r",
  "r","s","s","s","s","s","s","s","s","s","s","t","t","t","t","t","t","t","t",
  "u","u","u","u","u","u","u","u","u","u","v","v","v","v","w","w","w","w","w",
  "w","w","w","w","w","x","x","x","x","y","y","z","z","z","z","z","z","h","t",
  "w","y",NULL,"s",NULL,NULL,"ss",NULL,"a","a","a","a","a","a","a","a","a",
  "a","a","a","a","a","a","a","a","a","a","a","a","a","a","a","e","e","e","e",
  "e","e","e","e","e","e","e","e","e","e","e","e","i","i","i","i","o","o","o",
  "o","o","o","o","o","o","o","o","o","o","o","o","o","o","o","o","o","o","o",
  "o","o","u","u","u","u","u","u","u","u","u","u","u","u","u","u","y","y","y",
  "y","y","y","y","y","ll","ll","v","v","y","y",
};

_Static_assert(sizeof latin_a / sizeof *latin_a == 0x250 - 0xC0,
               "latin_a covers U+00C0..U+024F");
_Static_assert(sizeof latin_b / sizeof *latin_b == 0x100,
               "latin_b covers U+1E00..U+1EFF");

/* Decodes one UTF-8 sequence at s (n > 0 bytes left); returns its length
 * and the code point, or length 1 and -1 for a byte that starts no valid
 * sequence. */
static size_t utf8_next(const unsigned char *s, size_t n, long *cp)
{
    unsigned c = s[0];
    size_t len;
    long v;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07;
    } else {
        *cp = -1;
        return 1;
    }
    if (len > n) {
        *cp = -1;
        return 1;
    }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = -1;
            return 1;
        }
        v = v << 6 | (s[i] & 0x3F);
    }
    *cp = v;
    return len;
}

/* Appends byte c to out unless it is a space that would double one or
 * start the key. */
static void put(char *out, size_t cap, size_t *n, int *pending, char c)
{
    if (c == ' ') {
        *pending = *n > 0;
        return;
    }
    if (*pending) {
        if (*n < cap)
            out[*n] = ' ';
        (*n)++;
        *pending = 0;
    }
    if (*n < cap)
        out[*n] = c;
    (*n)++;
}

size_t kbi_geo_fold(const char *s, size_t len, char *out, size_t cap)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0, i = 0;
    int pending = 0;
    if (cap == 0)
        return 0;
    cap--; /* room for the NUL */
    while (i < len) {
        long cp;
        size_t k = utf8_next(p + i, len - i, &cp);
        if (cp >= 0 && cp < 0x80) {
            int c = (int)cp;
            if (c >= 'A' && c <= 'Z')
                put(out, cap, &n, &pending, (char)(c - 'A' + 'a'));
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                put(out, cap, &n, &pending, (char)c);
            else if (c == '\'' || c == '`' || c == '.')
                ; /* dropped */
            else
                put(out, cap, &n, &pending, ' ');
        } else {
            const char *r = NULL;
            int keep = 0;
            if (cp >= 0xC0 && cp < 0x250)
                r = latin_a[cp - 0xC0];
            else if (cp >= 0x1E00 && cp < 0x1F00)
                r = latin_b[cp - 0x1E00];
            else if (cp == 0x259)
                r = "e";
            else if (cp == 0xB4 || cp == 0x2018 || cp == 0x2019 ||
                     cp == 0x2BB || cp == 0x2BC || cp == 0x2BE ||
                     cp == 0x2BF || cp == 0x2032)
                r = ""; /* apostrophes, ayn and hamza signs, prime */
            else if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x2015) ||
                     cp == 0x2212 || cp == 0xD7 || cp == 0xF7)
                r = " "; /* spaces, hyphens and dashes, signs */
            else
                keep = 1;
            if (keep || (!r && cp >= 0)) {
                /* U+00D7-like holes of the table and other scripts: the
                 * bytes as they are */
                for (size_t j = 0; j < k; j++)
                    put(out, cap, &n, &pending, (char)p[i + j]);
            } else if (!r) {
                put(out, cap, &n, &pending, ' '); /* invalid byte */
            } else {
                for (; *r; r++)
                    put(out, cap, &n, &pending, *r);
            }
        }
        i += k;
    }
    if (n > cap) {
        out[cap] = '\0';
        return n; /* too long: the caller sees n > cap */
    }
    out[n] = '\0';
    return n;
}
