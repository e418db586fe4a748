/*
 * Only here so that SwiftPM runs `pkg-config libxml-2.0` and hands its include path (-I/usr/include/libxml2
 * on Debian) to CHTML. No Swift code imports this module: libxml2's headers stay inside CHTML.c.
 */
#include <libxml/HTMLparser.h>
