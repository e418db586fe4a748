#include "CHTML.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct CandorHTML {
    htmlDocPtr doc;
    xmlNodePtr node;
    /* 0: node not yet started, 1: node entered, 2: node left. */
    int phase;
    /* The next attribute to look at when the element just started has alt or title attributes. */
    xmlAttrPtr attribute;
    xmlChar *scratch;
    int started;
};

static pthread_once_t initialized = PTHREAD_ONCE_INIT;

/* libxml2 must be initialised once, before any thread parses. */
static void initialize(void) {
    xmlInitParser();
}

CandorHTML *candor_html_parse(const uint8_t *bytes, int64_t length) {
    pthread_once(&initialized, initialize);
    if (length > INT32_MAX) return NULL;
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET
        /* The bytes are already checked UTF-8: a <meta charset="latin1"> must not re-decode them. */
        | HTML_PARSE_IGNORE_ENC
        /* Without it, a text node over 10 MB or nesting deeper than 256 stops the parse. */
        | XML_PARSE_HUGE;
    htmlDocPtr doc = htmlReadMemory((const char *)bytes, (int)length, NULL, "UTF-8", options);
    if (doc == NULL) return NULL;
    CandorHTML *document = calloc(1, sizeof(CandorHTML));
    if (document == NULL) {
        xmlFreeDoc(doc);
        return NULL;
    }
    document->doc = doc;
    return document;
}

static int is_prose_attribute(xmlAttrPtr attribute) {
    if (attribute->name == NULL) return 0;
    return xmlStrcasecmp(attribute->name, BAD_CAST "alt") == 0 || xmlStrcasecmp(attribute->name, BAD_CAST "title") == 0;
}

static xmlAttrPtr next_prose_attribute(xmlAttrPtr attribute) {
    while (attribute != NULL && !is_prose_attribute(attribute)) attribute = attribute->next;
    return attribute;
}

/* Moves to the next node of a depth-first walk (phase 1: entered, 2: left). Returns 0 at the end. */
static int advance(CandorHTML *document) {
    xmlNodePtr node = document->node;
    if (!document->started) {
        document->started = 1;
        document->node = document->doc->children;
        document->phase = 1;
        return document->node != NULL;
    }
    if (document->phase == 1 && node->type == XML_ELEMENT_NODE) {
        if (node->children != NULL) {
            document->node = node->children;
            document->phase = 1;
        } else {
            document->phase = 2;
        }
        return 1;
    }
    if (node->next != NULL) {
        document->node = node->next;
        document->phase = 1;
        return 1;
    }
    xmlNodePtr parent = node->parent;
    if (parent == NULL || parent == (xmlNodePtr)document->doc) return 0;
    document->node = parent;
    document->phase = 2;
    return 1;
}

int32_t candor_html_next(CandorHTML *document, CandorHTMLEvent *event) {
    if (document == NULL) return 0;
    if (document->scratch != NULL) {
        xmlFree(document->scratch);
        document->scratch = NULL;
    }
    memset(event, 0, sizeof(*event));
    if (document->attribute != NULL) {
        xmlAttrPtr attribute = document->attribute;
        document->attribute = next_prose_attribute(attribute->next);
        document->scratch = xmlNodeListGetString(document->doc, attribute->children, 1);
        event->type = CANDOR_HTML_ATTRIBUTE;
        event->name = (const char *)attribute->name;
        event->line = (int32_t)xmlGetLineNo(document->node);
        event->text = document->scratch != NULL ? document->scratch : BAD_CAST "";
        event->length = (int64_t)strlen((const char *)event->text);
        return 1;
    }
    while (advance(document)) {
        xmlNodePtr node = document->node;
        switch (node->type) {
        case XML_ELEMENT_NODE:
            event->type = document->phase == 1 ? CANDOR_HTML_START : CANDOR_HTML_END;
            event->name = node->name != NULL ? (const char *)node->name : "";
            event->line = (int32_t)xmlGetLineNo(node);
            if (document->phase == 1) {
                document->attribute = next_prose_attribute(node->properties);
                for (xmlAttrPtr a = document->attribute; a != NULL; a = next_prose_attribute(a->next)) {
                    event->prose_attributes += 1;
                }
            }
            return 1;
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
            if (document->phase != 1) continue;
            event->type = CANDOR_HTML_TEXT;
            event->line = (int32_t)xmlGetLineNo(node);
            event->text = node->content != NULL ? node->content : BAD_CAST "";
            event->length = (int64_t)strlen((const char *)event->text);
            return 1;
        default:
            continue;
        }
    }
    return 0;
}

void candor_html_free(CandorHTML *document) {
    if (document == NULL) return;
    if (document->scratch != NULL) xmlFree(document->scratch);
    xmlFreeDoc(document->doc);
    free(document);
}

int32_t candor_html_entity(const uint8_t *name, int64_t length) {
    char buffer[40];
    if (length <= 0 || length >= (int64_t)sizeof(buffer)) return -1;
    memcpy(buffer, name, (size_t)length);
    buffer[length] = 0;
    const htmlEntityDesc *entity = htmlEntityLookup(BAD_CAST buffer);
    return entity != NULL ? (int32_t)entity->value : -1;
}
