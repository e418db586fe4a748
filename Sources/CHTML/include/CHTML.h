#ifndef CANDOR_CHTML_H
#define CANDOR_CHTML_H

/*
 * A small C face over libxml2's HTML parser (libxml2-dev, pkg-config libxml-2.0). Swift never sees
 * libxml2's headers (Foundation on Linux carries its own XML module): Swift walks a flat stream of
 * events over the parsed tree, with plain C types only.
 *
 * libxml2 gives no column for a node, so the caller finds each text in the source itself.
 */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct CandorHTML CandorHTML;

enum {
    CANDOR_HTML_START = 1,      /* an element starts: name */
    CANDOR_HTML_END = 2,        /* an element ends: name */
    CANDOR_HTML_TEXT = 3,       /* a text or CDATA node: text (entities decoded) */
    CANDOR_HTML_ATTRIBUTE = 4,  /* an alt or title attribute of the element just started: name, text */
};

typedef struct {
    int32_t type;
    /* The node's line, as libxml2 recorded it (for a text node, a line it touches). */
    int32_t line;
    /* START: how many ATTRIBUTE events follow. */
    int32_t prose_attributes;
    /* Element or attribute name, lower case, NUL-terminated. */
    const char *name;
    /* TEXT, ATTRIBUTE: UTF-8, valid until the next call. */
    const uint8_t *text;
    int64_t length;
} CandorHTMLEvent;

/* Parses HTML as UTF-8 (whatever a <meta charset> says) with error recovery. NULL only when libxml2
   gives up completely. */
CandorHTML *candor_html_parse(const uint8_t *bytes, int64_t length);

/* Fills *event with the next event of a depth-first walk; returns 0 when the walk is over. */
int32_t candor_html_next(CandorHTML *document, CandorHTMLEvent *event);

void candor_html_free(CandorHTML *document);

/* The code point of a named character reference (`rsquo`, without & and ;) as libxml2's HTML parser
   decodes it, or -1 when libxml2 does not know the name. */
int32_t candor_html_entity(const uint8_t *name, int64_t length);

#ifdef __cplusplus
}
#endif

#endif
