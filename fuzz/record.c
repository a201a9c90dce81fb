/* fuzz/record.c — the record parser on any bytes the loader accepts:
 * loaded as a record file is (UTF-8 checked, BOM and lone CRs handled),
 * parsed, and both abstracts split as align would. */
#include "fuzz.h"
#include "selaras/langid.h"
#include "selaras/record.h"
#include "selaras/segment.h"
#include "selaras/text.h"

#include <string.h>

static sl_langid *lid;
static sl_seg *seg[2];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sl_error err;
    lid = sl_langid_new("id", "en", &err);
    seg[0] = sl_seg_new("id", NULL, &err);
    seg[1] = sl_seg_new("en", NULL, &err);
    FUZZ_CHECK(lid && seg[0] && seg[1]);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sl_text t;
    sl_error err;
    sl_error_clear(&err);
    if (sl_text_from_mem((const char *)data, size, "fuzz", &t, &err))
        return 0;
    sl_record r;
    int rc = sl_record_parse(t.data, t.len, "fuzz", lid, &r, &err);
    FUZZ_CHECK(rc == SL_OK || rc == SL_EMISSING);
    if (rc == SL_OK) {
        FUZZ_CHECK(r.abstract[0] || r.abstract[1]);
        FUZZ_CHECK(memchr(r.note, '\0', sizeof r.note));
        for (int l = 0; l < 2; l++) {
            if (!r.abstract[l])
                continue;
            size_t n = strlen(r.abstract[l]);
            FUZZ_CHECK(sl_utf8_valid_prefix(r.abstract[l], n) == n);
            sl_sents s;
            memset(&s, 0, sizeof s);
            FUZZ_CHECK(sl_seg_split(seg[l], r.abstract[l], n, 0, &s, &err) == SL_OK);
            sl_sents_free(&s);
        }
    }
    sl_record_free(&r);
    sl_text_free(&t);
    return 0;
}
