/* boiler.h - boilerplate lines of news articles (private): read-more
 * links, editing and reporting credits, bylines, photo captions, share and
 * subscribe prompts, copyright notices, contact lines. Such lines are kept
 * in the article but not coded.
 *
 * The classifier looks at one line at a time and is precise rather than
 * eager: a line is boilerplate only when its whole shape says so ("By John
 * Smith and Jane Doe, Reuters" is a byline, "By Monday, the troops had
 * left." is news; "Reporting by Ahmed Rasheed; Editing by Alison Williams"
 * is a credit, "Reporting on the war has been ..." is news). Linear in the
 * line length; any bytes are safe. */
#ifndef KB_BOILER_H
#define KB_BOILER_H

#include <stddef.h>

typedef enum kbi_boiler_kind {
    KBI_BOILER_NONE = 0,  /* news text (or nothing known) */
    KBI_BOILER_READ_MORE, /* "Read More: ...", "Related:", "See also:",
                             "Also read" */
    KBI_BOILER_CREDIT,    /* "Editing by ...", "Reporting by ...",
                             "Additional reporting by", "Writing by",
                             "Compiled by" */
    KBI_BOILER_BYLINE,    /* "By John Smith", "By John Smith and Jane Doe,
                             Reuters" */
    KBI_BOILER_CAPTION,   /* "(Photo: ...)", "Photo: ...", "File photo",
                             "... REUTERS/Name", "Image caption" */
    KBI_BOILER_SHARE,     /* "Share this article", "Follow us on Twitter",
                             "Subscribe ...", "Click here" */
    KBI_BOILER_COPYRIGHT, /* "© 2019 ...", "Copyright ...", "All rights
                             reserved" */
    KBI_BOILER_CONTACT,   /* "Contact: ...", "Email: ...", a short line
                             with an e-mail address */
    KBI_BOILER_KINDS
} kbi_boiler_kind;

/* The kind of line[0, len) (without its newline; surrounding whitespace,
 * bullets and a final '\r' are ignored). */
kbi_boiler_kind kbi_boiler_line(const char *line, size_t len);

/* "none", "read-more", "credit", "byline", "caption", "share",
 * "copyright", "contact"; NULL for a value out of range. */
const char *kbi_boiler_name(kbi_boiler_kind k);
/* The kind named s (as kbi_boiler_name writes it), or -1. */
int kbi_boiler_parse(const char *s);

/* A boilerplate line of a text: bytes [start, end) without the newline. */
typedef struct kbi_boiler_span {
    size_t start, end;
    kbi_boiler_kind kind;
} kbi_boiler_span;

/* Finds the next boilerplate line of text[0, len) at or after *pos (a line
 * start). Returns 1 and fills *out, moving *pos past that line; returns 0
 * (with *pos = len) when no line is left. Lines end at '\n'. Iterating
 * from pos = 0 visits the text once:
 *
 *     size_t pos = 0;
 *     kbi_boiler_span s;
 *     while (kbi_boiler_next(text, len, &pos, &s))
 *         mark sentences inside [s.start, s.end) as not coded;
 */
int kbi_boiler_next(const char *text, size_t len, size_t *pos,
                    kbi_boiler_span *out);

#endif
