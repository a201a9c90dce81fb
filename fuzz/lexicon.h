/* fuzz/lexicon.h — a text lexicon reader (LEX_FORMAT) on any bytes: it
 * either adds pairs or fails, and a failure leaves the lexicon as it was. */
#include "fuzz.h"
#include "selaras/lexicon.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sl_error err;
    sl_lexicon *lex = sl_lexicon_new("id", "en", &err);
    FUZZ_CHECK(lex);
    /* a first entry, so that a failed add has something to keep */
    FUZZ_CHECK(sl_lexicon_add_text(lex, "rumah\thouse\n", 12, "seed", SL_LEX_TSV, &err) == SL_OK);
    size_t before = sl_lexicon_size(lex);
    int rc = sl_lexicon_add_text(lex, (const char *)data, size, "fuzz", LEX_FORMAT, &err);
    FUZZ_CHECK(rc == SL_OK || rc == SL_EINPUT);
    if (rc)
        FUZZ_CHECK(sl_lexicon_size(lex) == before);
    else
        FUZZ_CHECK(sl_lexicon_size(lex) >= before);
    const char *const *out;
    size_t n = sl_lexicon_lookup(lex, "rumah", 5, &out);
    for (size_t k = 0; k < n; k++)
        FUZZ_CHECK(out[k] != NULL);
    sl_lexicon_free(lex);
    return 0;
}
