#ifndef CANDOR_CICU_H
#define CANDOR_CICU_H

/*
 * A small C face over the system ICU. Foundation on Linux ships its own copy of ICU's
 * headers, so Swift code never includes <unicode/...> directly: this header uses plain C
 * types only, and CICU.c is the one place that talks to ICU.
 *
 * All offsets are UTF-8 byte offsets into the text the caller passed in.
 */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct CandorBreaker CandorBreaker;

enum {
    CANDOR_BREAK_WORD = 0,
    CANDOR_BREAK_SENTENCE = 1,
};

/* Kinds of word segment, from ICU's word-break rule status. */
enum {
    CANDOR_SEGMENT_OTHER = 0,   /* spaces and punctuation */
    CANDOR_SEGMENT_NUMBER = 1,
    CANDOR_SEGMENT_LETTER = 2,
    CANDOR_SEGMENT_KANA = 3,
    CANDOR_SEGMENT_IDEO = 4,
};

/* Creates a breaker; returns NULL and sets *error to a non-zero ICU error code on failure. */
CandorBreaker *candor_breaker_create(int32_t kind, int32_t *error);
void candor_breaker_destroy(CandorBreaker *breaker);

/* Points the breaker at UTF-8 text, which must stay alive while the breaker uses it. Returns an ICU error code, 0 on success. */
int32_t candor_breaker_set_text(CandorBreaker *breaker, const uint8_t *utf8, int64_t length);

/* The next boundary after the current one, or -1 at the end. For word breakers, *segment_kind gets the kind of the segment that ends there. */
int64_t candor_breaker_next(CandorBreaker *breaker, int32_t *segment_kind);

/*
 * Full Unicode case folding of a UTF-8 string, followed by the normalisation Candor's patterns rely on:
 * NFKC, curly quotes and apostrophes to their ASCII forms, all dashes to '-'.
 * Writes at most capacity bytes and returns the length needed (which may be larger than capacity), or -1 on invalid input.
 */
int32_t candor_fold_utf8(const uint8_t *source, int32_t length, uint8_t *destination, int32_t capacity);

/* The ICU version string, e.g. "72.1". */
const char *candor_icu_version(void);

#ifdef __cplusplus
}
#endif

#endif
