/* fuzz/lexicon_dictd.c — the dictd reader (FreeDict's format) on any pair
 * of files: the input is the .index file, a 0x1E byte, and the .dict file
 * (plain: gzread passes plain data through), written to a private scratch
 * directory, since the reader takes a path. */
#include "fuzz.h"
#include "selaras/lexicon.h"

#include <string.h>
#include <unistd.h>

static char dir[64], idx[96], dict[96];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(dir, sizeof dir, "/tmp/selaras-fuzz-dictd-XXXXXX");
    FUZZ_CHECK(mkdtemp(dir));
    snprintf(idx, sizeof idx, "%s/d.index", dir);
    snprintf(dict, sizeof dict, "%s/d.dict", dir);
    return 0;
}

static void put(const char *path, const uint8_t *s, size_t n)
{
    FILE *f = fopen(path, "wb");
    FUZZ_CHECK(f);
    FUZZ_CHECK(fwrite(s, 1, n, f) == n || n == 0);
    FUZZ_CHECK(fclose(f) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *sep = memchr(data, 0x1E, size);
    size_t ni = sep ? (size_t)(sep - data) : size;
    put(idx, data, ni);
    put(dict, sep ? sep + 1 : data, sep ? size - ni - 1 : 0);
    sl_error err;
    sl_lexicon *lex = sl_lexicon_new("id", "en", &err);
    FUZZ_CHECK(lex);
    int rc = sl_lexicon_add_file(lex, idx, SL_LEX_DICTD, &err);
    FUZZ_CHECK(rc == SL_OK || rc == SL_EINPUT);
    if (rc)
        FUZZ_CHECK(sl_lexicon_size(lex) == 0);
    sl_lexicon_free(lex);
    return 0;
}
