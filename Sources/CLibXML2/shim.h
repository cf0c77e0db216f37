#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
/* xmlversion.h first, then drop ICU: libxml2's ICU types clash with Foundation's. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlerror.h>
#include <libxml/encoding.h>
#include <libxml/uri.h>
#include <libxml/xmlsave.h>

/* xmlFree is a global function pointer, which Swift 6 rejects; wrap it. */
static inline void cxml_free(void *p) { xmlFree(p); }

/* A no-op sink for libxml2's variadic generic-error callback. */
static void cxml_silent_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void cxml_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, cxml_silent_error);
    xmlSetStructuredErrorFunc(NULL, NULL);
    /* The handlers above are per thread; these are the defaults of threads started later. */
    xmlThrDefSetGenericErrorFunc(NULL, cxml_silent_error);
    xmlThrDefSetStructuredErrorFunc(NULL, NULL);
}
#endif
