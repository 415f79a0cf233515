/* corpus.c - turns the benchmark corpora into JSON Lines articles.
 *
 *   corpus reuters FILE.sgm...        Reuters-21578 stories (id NEWID,
 *                                     date, title, body)
 *   corpus agnews FILE.csv CLASS...   AG News items of the given classes
 *                                     (1 World, 2 Sports, 3 Business,
 *                                     4 Sci/Tech): title and description
 *
 * The corpora are research-use only: they are read from ../shared by
 * `make bench` and never copied into the project. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return NULL;
    }
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    if (buf)
        buf[n] = '\0';
    *len = n;
    return buf;
}

/* Writes s[0, n) as a JSON string, decoding the few SGML/HTML entities
 * the corpora use. */
static void json_str(const char *s, size_t n)
{
    putchar('"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '&') {
            static const struct { const char *e, *to; } ents[] = {
                {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}, {"&#3;", ""},
                {"#36;", "$"}, {"#39;", "'"}, {"&quot;", "\""}};
            int done = 0;
            for (size_t k = 0; k < sizeof ents / sizeof *ents && !done; k++) {
                size_t l = strlen(ents[k].e);
                if (i + l <= n && memcmp(s + i, ents[k].e, l) == 0) {
                    for (const char *t = ents[k].to; *t; t++)
                        putchar(*t == '"' ? '\'' : *t);
                    i += l - 1;
                    done = 1;
                }
            }
            if (done)
                continue;
        }
        if (c == '#' && i + 4 <= n && (!memcmp(s + i, "#36;", 4) ||
                                       !memcmp(s + i, "#39;", 4))) {
            putchar(s[i + 1] == '3' && s[i + 2] == '6' ? '$' : '\'');
            i += 3;
            continue;
        }
        if (c == '\\' && i + 1 < n && s[i + 1] != '\\') {
            putchar(' '); /* AG News writes "\" for a line break */
            continue;
        }
        if (c == '"' || c == '\\')
            printf("\\%c", c);
        else if (c == '\n')
            fputs("\\n", stdout);
        else if (c < 0x20)
            putchar(' ');
        else
            putchar(c);
    }
    putchar('"');
}

/* Text between <tag> and </tag> inside [s, e), or NULL. */
static const char *element(const char *s, const char *e, const char *tag,
                           size_t *len)
{
    char open[32], close[32];
    snprintf(open, sizeof open, "<%s>", tag);
    snprintf(close, sizeof close, "</%s>", tag);
    const char *a = strstr(s, open);
    if (!a || a >= e)
        return NULL;
    a += strlen(open);
    const char *b = strstr(a, close);
    if (!b || b > e)
        return NULL;
    *len = (size_t)(b - a);
    return a;
}

static int reuters(const char *path)
{
    static const char *const months[] = {"JAN", "FEB", "MAR", "APR", "MAY",
                                         "JUN", "JUL", "AUG", "SEP", "OCT",
                                         "NOV", "DEC"};
    size_t len;
    char *buf = slurp(path, &len);
    if (!buf)
        return 1;
    for (const char *p = buf; (p = strstr(p, "<REUTERS")) != NULL;) {
        const char *end = strstr(p, "</REUTERS>");
        if (!end)
            break;
        const char *id = strstr(p, "NEWID=\"");
        size_t tl = 0, bl = 0, dl = 0;
        const char *title = element(p, end, "TITLE", &tl);
        const char *body = element(p, end, "BODY", &bl);
        const char *date = element(p, end, "DATE", &dl);
        if (body && id && id < end && date && dl >= 11) {
            /* " 1-MAR-1987 ..." or "26-FEB-1987 ..." */
            while (dl > 0 && *date == ' ')
                date++, dl--;
            int day = atoi(date), m = 0;
            const char *mon = strchr(date, '-');
            for (int k = 0; mon && k < 12; k++)
                if (!memcmp(mon + 1, months[k], 3))
                    m = k + 1;
            const char *year = mon ? strchr(mon + 1, '-') : NULL;
            printf("{\"id\":\"reuters-%d\",\"date\":\"%.4s-%02d-%02d\",",
                   atoi(id + 7), year ? year + 1 : "1987", m, day);
            if (title) {
                fputs("\"title\":", stdout);
                json_str(title, tl);
                putchar(',');
            }
            fputs("\"source\":\"Reuters\",\"text\":", stdout);
            json_str(body, bl);
            puts("}");
        }
        p = end;
    }
    free(buf);
    return 0;
}

/* One CSV field at *p (quoted, "" for a quote); moves *p past it. */
static const char *csv_field(const char **p, size_t *len)
{
    const char *s = *p;
    if (*s != '"') {
        const char *e = strpbrk(s, ",\n");
        e = e ? e : s + strlen(s);
        *len = (size_t)(e - s);
        *p = *e == ',' ? e + 1 : e;
        return s;
    }
    static char *buf;
    static size_t cap;
    size_t n = 0;
    for (s++; *s; s++) {
        if (*s == '"' && s[1] == '"') {
            s++;
        } else if (*s == '"') {
            s++;
            break;
        }
        if (n + 2 >= cap) {
            cap = cap ? cap * 2 : 4096;
            buf = realloc(buf, cap);
            if (!buf)
                exit(1);
        }
        buf[n++] = *s;
    }
    if (buf)
        buf[n] = '\0';
    *p = *s == ',' ? s + 1 : s;
    *len = n;
    return buf ? buf : "";
}

static int agnews(const char *path, int argc, char **argv)
{
    size_t len;
    char *buf = slurp(path, &len);
    if (!buf)
        return 1;
    int line = 0;
    for (const char *p = buf; *p;) {
        line++;
        size_t cl, tl, dl;
        const char *c = csv_field(&p, &cl);
        int cls = atoi(c);
        const char *t = csv_field(&p, &tl);
        char *title = strndup(t, tl);
        const char *d = csv_field(&p, &dl);
        int want = 0;
        for (int k = 0; k < argc; k++)
            want |= atoi(argv[k]) == cls;
        if (want && title) {
            printf("{\"id\":\"ag-%d\",\"date\":\"2004-08-15\",\"title\":", line);
            json_str(title, strlen(title));
            fputs(",\"text\":", stdout);
            json_str(d, dl);
            puts("}");
        }
        free(title);
        while (*p == '\n' || *p == '\r')
            p++;
    }
    free(buf);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && !strcmp(argv[1], "reuters")) {
        int bad = 0;
        for (int i = 2; i < argc; i++)
            bad |= reuters(argv[i]);
        return bad;
    }
    if (argc >= 4 && !strcmp(argv[1], "agnews"))
        return agnews(argv[2], argc - 3, argv + 3);
    fprintf(stderr, "usage: corpus reuters FILE.sgm... | corpus agnews "
                    "FILE.csv CLASS...\n");
    return 2;
}
