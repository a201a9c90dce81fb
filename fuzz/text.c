/* fuzz/text.c — loading text on any bytes: strict, it accepts exactly the
 * NUL-free valid UTF-8 and names what else it sees; with repair it always
 * succeeds (unless empty) with valid UTF-8 and counts what it replaced;
 * with an encoding (the first byte picks one) it converts or fails. */
#include "fuzz.h"
#include "selaras/text.h"

#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static void valid(const sl_text *t)
{
    FUZZ_CHECK(sl_utf8_valid_prefix(t->data, t->len) == t->len);
    FUZZ_CHECK(!memchr(t->data, '\0', t->len));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const enc[] = { "UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32LE",
                                       "CP1252", "ISO-8859-1", "UTF-8" };
    const char *s = (const char *)data;
    sl_text t;
    sl_error err;
    sl_text_opts o;
    memset(&o, 0, sizeof o);
    int rc = sl_text_from_mem_opts(s, size, "fuzz", &o, &t, &err);
    size_t v = sl_utf8_valid_prefix(s, size);
    int clean = size > 0 && v == size && !memchr(s, '\0', size);
    FUZZ_CHECK((rc == SL_OK) == clean);
    if (rc == SL_OK) {
        valid(&t);
        FUZZ_CHECK(t.repaired == 0);
    } else {
        FUZZ_CHECK(rc == SL_EINPUT && err.msg[0]);
    }
    sl_text_free(&t);

    o.repair = 1;
    rc = sl_text_from_mem_opts(s, size, "fuzz", &o, &t, &err);
    FUZZ_CHECK(rc == SL_OK || rc == SL_EINPUT);
    if (rc == SL_OK) {
        valid(&t);
        FUZZ_CHECK((t.repaired == 0) == clean || size == 0);
    }
    sl_text_free(&t);

    if (size > 1) {
        o.repair = data[0] & 1;
        o.encoding = enc[(data[0] >> 1) % (sizeof enc / sizeof *enc)];
        rc = sl_text_from_mem_opts(s + 1, size - 1, "fuzz", &o, &t, &err);
        FUZZ_CHECK(rc == SL_OK || rc == SL_EINPUT);
        if (rc == SL_OK)
            valid(&t);
        sl_text_free(&t);
    }
    return 0;
}
