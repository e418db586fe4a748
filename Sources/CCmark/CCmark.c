#include "CCmark.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The extensions library exports these node types but installs no header declaring them (they live in its
   private table.h and strikethrough.h). */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW, CMARK_NODE_TABLE_CELL, CMARK_NODE_STRIKETHROUGH;

/*
 * Every allocation of one document comes from its own arena. With malloc, the tree of a large document ends up
 * scattered through a heap that other work has fragmented, so walking it misses the cache at nearly every node,
 * and freeing it node by node costs as much again. An arena keeps nodes in the order cmark made them (close to
 * the order of the walk) and is freed in a few calls.
 *
 * cmark's allocator functions take no context, so the arena in use is a thread-local set by every entry point
 * below; a document is only ever used by one call at a time.
 */
typedef struct ArenaBlock {
    struct ArenaBlock *next;
    size_t used;
    size_t size;
    _Alignas(16) unsigned char data[];
} ArenaBlock;

typedef struct {
    ArenaBlock *head;
    /* The most recent allocation, which realloc can grow and free can take back in place. */
    unsigned char *last;
} Arena;

static _Thread_local Arena *current_arena;

enum { ARENA_HEADER = 16, ARENA_FIRST_BLOCK = 64 * 1024, ARENA_LARGEST_BLOCK = 8 * 1024 * 1024 };

static size_t arena_size_of(void *pointer) {
    return *(size_t *)((unsigned char *)pointer - ARENA_HEADER);
}

static void *arena_allocate(size_t size) {
    Arena *arena = current_arena;
    if (size > SIZE_MAX / 2) abort();
    size_t rounded = (size + 15) & ~(size_t)15;
    size_t needed = rounded + ARENA_HEADER;
    ArenaBlock *block = arena->head;
    if (block == NULL || block->size - block->used < needed) {
        size_t next = block == NULL ? ARENA_FIRST_BLOCK : block->size * 2;
        if (next > ARENA_LARGEST_BLOCK) next = ARENA_LARGEST_BLOCK;
        if (next < needed) next = needed;
        ArenaBlock *fresh = malloc(sizeof(ArenaBlock) + next);
        if (fresh == NULL) abort(); /* as cmark's own allocator does */
        fresh->next = block;
        fresh->used = 0;
        fresh->size = next;
        arena->head = fresh;
        block = fresh;
    }
    unsigned char *start = block->data + block->used;
    *(size_t *)start = rounded;
    block->used += needed;
    arena->last = start + ARENA_HEADER;
    return arena->last;
}

static void *arena_calloc(size_t count, size_t size) {
    if (size != 0 && count > SIZE_MAX / 2 / size) abort();
    void *pointer = arena_allocate(count * size);
    memset(pointer, 0, count * size);
    return pointer;
}

static void *arena_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return arena_allocate(size);
    Arena *arena = current_arena;
    size_t old = arena_size_of(pointer);
    if (size <= old) return pointer;
    ArenaBlock *block = arena->head;
    size_t rounded = (size + 15) & ~(size_t)15;
    if (pointer == arena->last && block->size - block->used >= rounded - old) {
        /* Growing the newest allocation in place: the common case for cmark's string buffers. */
        block->used += rounded - old;
        *(size_t *)((unsigned char *)pointer - ARENA_HEADER) = rounded;
        return pointer;
    }
    void *fresh = arena_allocate(size);
    memcpy(fresh, pointer, old);
    return fresh;
}

static void arena_free(void *pointer) {
    Arena *arena = current_arena;
    if (pointer == NULL || pointer != arena->last) return;
    arena->head->used -= arena_size_of(pointer) + ARENA_HEADER;
    arena->last = NULL;
}

static cmark_mem arena_allocator = {arena_calloc, arena_realloc, arena_free};

static void arena_release(Arena *arena) {
    ArenaBlock *block = arena->head;
    while (block != NULL) {
        ArenaBlock *next = block->next;
        free(block);
        block = next;
    }
    arena->head = NULL;
    arena->last = NULL;
}

struct CandorMarkdown {
    Arena arena;
    cmark_node *root;
    cmark_iter *iterator;
};

static pthread_once_t registered = PTHREAD_ONCE_INIT;

/* The extension registry is global; linting runs on several threads at once. */
static void register_extensions(void) {
    cmark_gfm_core_extensions_ensure_registered();
}

CandorMarkdown *candor_markdown_parse(const uint8_t *bytes, int64_t length) {
    pthread_once(&registered, register_extensions);
    CandorMarkdown *document = calloc(1, sizeof(CandorMarkdown));
    if (document == NULL) return NULL;
    current_arena = &document->arena;
    cmark_parser *parser = cmark_parser_new_with_mem(CMARK_OPT_FOOTNOTES, &arena_allocator);
    /* Only extensions without inline trigger characters. cmark-gfm switches an extension's characters on and off
       in one process-wide table around every inline parse, so with strikethrough ('~') or autolink (':', 'w')
       attached, one thread finishing a document switches them off under another thread still parsing. Bare URLs,
       the autolink extension's job, are blanked out of the prose by the Swift side instead. */
    static const char *const names[] = {"table", "tasklist"};
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        cmark_syntax_extension *extension = cmark_find_syntax_extension(names[i]);
        if (extension != NULL) cmark_parser_attach_syntax_extension(parser, extension);
    }
    cmark_parser_feed(parser, (const char *)bytes, (size_t)length);
    document->root = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    if (document->root != NULL) document->iterator = cmark_iter_new(document->root);
    current_arena = NULL;
    return document;
}

static int32_t kind_of(cmark_node *node) {
    cmark_node_type type = cmark_node_get_type(node);
    switch (type) {
    case CMARK_NODE_DOCUMENT: return CANDOR_MD_DOCUMENT;
    case CMARK_NODE_BLOCK_QUOTE: return CANDOR_MD_BLOCK_QUOTE;
    case CMARK_NODE_LIST: return CANDOR_MD_LIST;
    case CMARK_NODE_ITEM: return CANDOR_MD_ITEM;
    case CMARK_NODE_CODE_BLOCK: return CANDOR_MD_CODE_BLOCK;
    case CMARK_NODE_HTML_BLOCK: return CANDOR_MD_HTML_BLOCK;
    case CMARK_NODE_PARAGRAPH: return CANDOR_MD_PARAGRAPH;
    case CMARK_NODE_HEADING: return CANDOR_MD_HEADING;
    case CMARK_NODE_THEMATIC_BREAK: return CANDOR_MD_THEMATIC_BREAK;
    case CMARK_NODE_FOOTNOTE_DEFINITION: return CANDOR_MD_FOOTNOTE_DEFINITION;
    case CMARK_NODE_TEXT: return CANDOR_MD_TEXT;
    case CMARK_NODE_SOFTBREAK: return CANDOR_MD_SOFTBREAK;
    case CMARK_NODE_LINEBREAK: return CANDOR_MD_LINEBREAK;
    case CMARK_NODE_CODE: return CANDOR_MD_CODE;
    case CMARK_NODE_HTML_INLINE: return CANDOR_MD_HTML_INLINE;
    case CMARK_NODE_EMPH: return CANDOR_MD_EMPH;
    case CMARK_NODE_STRONG: return CANDOR_MD_STRONG;
    case CMARK_NODE_LINK: return CANDOR_MD_LINK;
    case CMARK_NODE_IMAGE: return CANDOR_MD_IMAGE;
    case CMARK_NODE_FOOTNOTE_REFERENCE: return CANDOR_MD_FOOTNOTE_REFERENCE;
    default: break;
    }
    /* Extension types are assigned when the extensions register, so they cannot be switch cases. */
    if (type == CMARK_NODE_TABLE) return CANDOR_MD_TABLE;
    if (type == CMARK_NODE_TABLE_ROW) return CANDOR_MD_TABLE_ROW;
    if (type == CMARK_NODE_TABLE_CELL) return CANDOR_MD_TABLE_CELL;
    if (type == CMARK_NODE_STRIKETHROUGH) return CANDOR_MD_STRIKETHROUGH;
    return CANDOR_MD_OTHER;
}

/* An autolink's text is its destination, as written (<http://x.org>) or less the mailto: cmark adds (<a@x.org>).
   A link whose text merely ends its URL ([report](/report)) is prose. */
static int is_autolink(cmark_node *link) {
    cmark_node *child = cmark_node_first_child(link);
    if (child == NULL || cmark_node_next(child) != NULL || cmark_node_get_type(child) != CMARK_NODE_TEXT) return 0;
    const char *url = cmark_node_get_url(link);
    const char *text = cmark_node_get_literal(child);
    if (url == NULL || text == NULL || text[0] == 0) return 0;
    if (strncmp(url, "mailto:", 7) == 0 && strcmp(url + 7, text) == 0) return 1;
    return strcmp(url, text) == 0;
}

int32_t candor_markdown_next(CandorMarkdown *document, CandorMarkdownEvent *event) {
    if (document == NULL || document->iterator == NULL) return 0;
    /* Reading a literal can allocate (cmark copies it to add a NUL). */
    current_arena = &document->arena;
    for (;;) {
        cmark_event_type type = cmark_iter_next(document->iterator);
        if (type == CMARK_EVENT_DONE || type == CMARK_EVENT_NONE) return 0;
        cmark_node *node = cmark_iter_get_node(document->iterator);
        memset(event, 0, sizeof(*event));
        event->kind = kind_of(node);
        event->entering = type == CMARK_EVENT_ENTER;
        event->start_line = cmark_node_get_start_line(node);
        event->start_column = cmark_node_get_start_column(node);
        event->end_line = cmark_node_get_end_line(node);
        event->end_column = cmark_node_get_end_column(node);
        switch (event->kind) {
        case CANDOR_MD_TEXT:
        case CANDOR_MD_CODE:
        case CANDOR_MD_CODE_BLOCK:
        case CANDOR_MD_HTML_BLOCK:
        case CANDOR_MD_HTML_INLINE: {
            const char *literal = cmark_node_get_literal(node);
            if (literal != NULL) {
                event->literal = (const uint8_t *)literal;
                event->literal_length = (int64_t)strlen(literal);
            }
            break;
        }
        case CANDOR_MD_TABLE_ROW:
            if (cmark_gfm_extensions_get_table_row_is_header(node)) event->flags |= CANDOR_MD_FLAG_HEADER;
            break;
        case CANDOR_MD_LINK:
            if (event->entering && is_autolink(node)) event->flags |= CANDOR_MD_FLAG_AUTOLINK;
            break;
        default:
            break;
        }
        return 1;
    }
}

void candor_markdown_free(CandorMarkdown *document) {
    if (document == NULL) return;
    /* The tree, the iterator and every string live in the arena: no need to free them node by node. */
    arena_release(&document->arena);
    free(document);
}
