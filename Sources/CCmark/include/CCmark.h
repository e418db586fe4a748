#ifndef CANDOR_CCMARK_H
#define CANDOR_CCMARK_H

/*
 * A small C face over cmark-gfm (libcmark-gfm-dev, libcmark-gfm-extensions-dev). Swift never sees
 * cmark's own headers: the extension node types (table, strikethrough, ...) are run-time globals
 * there, so this shim folds every node type into the fixed enum below and Swift walks a flat
 * stream of events.
 *
 * Lines and columns are cmark's source positions: 1-based, columns in bytes, end column inclusive,
 * relative to the bytes passed to candor_markdown_parse. Inline positions can be off (continuation
 * lines, links), so the caller checks them against the source.
 */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct CandorMarkdown CandorMarkdown;

enum {
    CANDOR_MD_OTHER = 0,
    CANDOR_MD_DOCUMENT,
    CANDOR_MD_BLOCK_QUOTE,
    CANDOR_MD_LIST,
    CANDOR_MD_ITEM,
    CANDOR_MD_CODE_BLOCK,
    CANDOR_MD_HTML_BLOCK,
    CANDOR_MD_PARAGRAPH,
    CANDOR_MD_HEADING,
    CANDOR_MD_THEMATIC_BREAK,
    CANDOR_MD_FOOTNOTE_DEFINITION,
    CANDOR_MD_TABLE,
    CANDOR_MD_TABLE_ROW,
    CANDOR_MD_TABLE_CELL,
    CANDOR_MD_TEXT,
    CANDOR_MD_SOFTBREAK,
    CANDOR_MD_LINEBREAK,
    CANDOR_MD_CODE,
    CANDOR_MD_HTML_INLINE,
    CANDOR_MD_EMPH,
    CANDOR_MD_STRONG,
    CANDOR_MD_STRIKETHROUGH,
    CANDOR_MD_LINK,
    CANDOR_MD_IMAGE,
    CANDOR_MD_FOOTNOTE_REFERENCE,
};

enum {
    /* TABLE_ROW: the header row. */
    CANDOR_MD_FLAG_HEADER = 1,
    /* LINK: the link text is its own destination (<http://...>, <a@b.org>): not prose. */
    CANDOR_MD_FLAG_AUTOLINK = 2,
};

typedef struct {
    int32_t kind;
    /* 1 when a node is entered, 0 when it is left. Leaf nodes are only entered. */
    int32_t entering;
    int32_t flags;
    int32_t start_line;
    int32_t start_column;
    int32_t end_line;
    int32_t end_column;
    /* TEXT, CODE, CODE_BLOCK, HTML_*: the node's content, valid until the document is freed. */
    const uint8_t *literal;
    int64_t literal_length;
} CandorMarkdownEvent;

/* Parses CommonMark with the GFM table and tasklist extensions, and footnotes. Safe to call from several
   threads at once. Returns NULL only when memory runs out. */
CandorMarkdown *candor_markdown_parse(const uint8_t *bytes, int64_t length);

/* Fills *event with the next event of a depth-first walk; returns 0 when the walk is over. */
int32_t candor_markdown_next(CandorMarkdown *document, CandorMarkdownEvent *event);

void candor_markdown_free(CandorMarkdown *document);

#ifdef __cplusplus
}
#endif

#endif
