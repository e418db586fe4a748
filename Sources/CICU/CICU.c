#include "CICU.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/uversion.h>

struct CandorBreaker {
    UBreakIterator *iterator;
    UText *text;
    int32_t kind;
};

CandorBreaker *candor_breaker_create(int32_t kind, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    /* "en@ss=standard" keeps sentence breaks out of abbreviations such as "Mr." and "Dr.". */
    const char *locale = kind == CANDOR_BREAK_SENTENCE ? "en@ss=standard" : "en";
    UBreakIterator *iterator = ubrk_open(kind == CANDOR_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD,
                                         locale, NULL, 0, &status);
    if (U_FAILURE(status)) {
        if (error) *error = (int32_t)status;
        return NULL;
    }
    CandorBreaker *breaker = calloc(1, sizeof(CandorBreaker));
    if (!breaker) {
        ubrk_close(iterator);
        if (error) *error = (int32_t)U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = iterator;
    breaker->kind = kind;
    if (error) *error = 0;
    return breaker;
}

void candor_breaker_destroy(CandorBreaker *breaker) {
    if (!breaker) return;
    ubrk_close(breaker->iterator);
    if (breaker->text) utext_close(breaker->text);
    free(breaker);
}

int32_t candor_breaker_set_text(CandorBreaker *breaker, const uint8_t *utf8, int64_t length) {
    UErrorCode status = U_ZERO_ERROR;
    /* Breaking over a UTF-8 UText keeps offsets in source bytes and avoids a UTF-16 copy. */
    breaker->text = utext_openUTF8(breaker->text, (const char *)utf8, length, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    ubrk_setUText(breaker->iterator, breaker->text, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    return 0;
}

int64_t candor_breaker_next(CandorBreaker *breaker, int32_t *segment_kind) {
    int32_t boundary = ubrk_next(breaker->iterator);
    if (boundary == UBRK_DONE) return -1;
    if (segment_kind && breaker->kind == CANDOR_BREAK_WORD) {
        int32_t status = ubrk_getRuleStatus(breaker->iterator);
        if (status >= UBRK_WORD_IDEO) *segment_kind = CANDOR_SEGMENT_IDEO;
        else if (status >= UBRK_WORD_KANA) *segment_kind = CANDOR_SEGMENT_KANA;
        else if (status >= UBRK_WORD_LETTER) *segment_kind = CANDOR_SEGMENT_LETTER;
        else if (status >= UBRK_WORD_NUMBER) *segment_kind = CANDOR_SEGMENT_NUMBER;
        else *segment_kind = CANDOR_SEGMENT_OTHER;
    }
    return (int64_t)boundary;
}

static UChar normalise_punctuation(UChar c) {
    switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: case 0xFF07:
        return 0x0027; /* ' */
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB: case 0xFF02:
        return 0x0022; /* " */
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212: case 0xFE58:
    case 0xFE63: case 0xFF0D:
        return 0x002D; /* - */
    default:
        return c;
    }
}

int32_t candor_fold_utf8(const uint8_t *source, int32_t length, uint8_t *destination, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UChar stack_a[256], stack_b[256];
    UChar *a = stack_a, *b = stack_b;
    int32_t a_len = 0, b_len = 0;
    int32_t result = -1;

    u_strFromUTF8(a, 256, &a_len, (const char *)source, length, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        status = U_ZERO_ERROR;
        a = malloc(sizeof(UChar) * (size_t)(a_len + 1));
        if (!a) return -1;
        u_strFromUTF8(a, a_len + 1, &a_len, (const char *)source, length, &status);
    }
    if (U_FAILURE(status)) goto done;

    /* Fold first, then NFKC: folding can produce sequences that NFKC composes. */
    int32_t folded_cap = a_len * 3 + 16;
    b = folded_cap <= 256 ? stack_b : malloc(sizeof(UChar) * (size_t)folded_cap);
    if (!b) goto done;
    b_len = u_strFoldCase(b, folded_cap, a, a_len, U_FOLD_CASE_DEFAULT, &status);
    if (U_FAILURE(status)) goto done;

    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) goto done;
    if (a != stack_a) free(a);
    int32_t normal_cap = b_len * 3 + 16;
    a = normal_cap <= 256 ? stack_a : malloc(sizeof(UChar) * (size_t)normal_cap);
    if (!a) goto done;
    a_len = unorm2_normalize(nfkc, b, b_len, a, normal_cap, &status);
    if (U_FAILURE(status)) goto done;

    for (int32_t i = 0; i < a_len; i++) a[i] = normalise_punctuation(a[i]);

    int32_t needed = 0;
    u_strToUTF8((char *)destination, capacity, &needed, a, a_len, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING || U_SUCCESS(status)) {
        result = needed;
    }

done:
    if (a && a != stack_a) free(a);
    if (b && b != stack_b) free(b);
    return result;
}

const char *candor_icu_version(void) {
    static char buffer[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, buffer);
    return buffer;
}
