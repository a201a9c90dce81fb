/* fuzz/split.h — the sentence splitter of one language (SPLIT_LANG) on any
 * text the loader accepts, whole and in the chunks `selaras split` reads:
 * every sentence a span of the normalised text, in order, not empty, not
 * starting or ending with a space, paragraphs numbered in order; and again
 * with the abbreviations learned from the text itself (no size threshold). */
#include "fuzz.h"
#include "selaras/learnabbr.h"
#include "selaras/segment.h"
#include "selaras/text.h"

#include <string.h>

static sl_seg *seg;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sl_error err;
    seg = sl_seg_new(SPLIT_LANG, NULL, &err);
    FUZZ_CHECK(seg);
    return 0;
}

static void check(const sl_sents *s)
{
    size_t prev_end = 0;
    unsigned prev_para = 0;
    FUZZ_CHECK(s->text_len <= s->text_cap);
    for (size_t i = 0; i < s->n; i++) {
        const sl_sent *v = &s->v[i];
        FUZZ_CHECK(v->len > 0 && v->off >= prev_end && v->off + v->len <= s->text_len);
        FUZZ_CHECK(s->text[v->off] != ' ' && s->text[v->off + v->len - 1] != ' ');
        FUZZ_CHECK(sl_utf8_valid_prefix(s->text + v->off, v->len) == v->len);
        FUZZ_CHECK(v->para >= prev_para && v->para < s->npara);
        FUZZ_CHECK(v->kind <= SL_SENT_LABEL);
        prev_end = v->off + v->len;
        prev_para = v->para;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    /* the first byte chooses the mode and the chunk size */
    int flags = data[0] & 1 ? SL_SEG_LINES : 0;
    size_t want = 1 + (data[0] >> 1);
    sl_text t;
    sl_error err;
    if (sl_text_from_mem((const char *)data + 1, size - 1, "fuzz", &t, &err))
        return 0;
    sl_sents s;
    memset(&s, 0, sizeof s);
    FUZZ_CHECK(sl_seg_split(seg, t.data, t.len, flags, &s, &err) == SL_OK);
    check(&s);
    size_t whole = s.n;
    /* in chunks, reusing the buffers: the same sentences */
    size_t nchunked = 0;
    for (size_t pos = 0; pos < t.len;) {
        size_t n = sl_seg_chunk(seg, t.data + pos, t.len - pos, want, flags);
        FUZZ_CHECK(n > 0 && n <= t.len - pos);
        FUZZ_CHECK(sl_seg_split(seg, t.data + pos, n, flags, &s, &err) == SL_OK);
        check(&s);
        nchunked += s.n;
        pos += n;
    }
    FUZZ_CHECK(nchunked == whole);
    /* with what the text itself teaches, however short it is */
    sl_learnabbr *la = sl_learnabbr_new(seg, &err);
    FUZZ_CHECK(la);
    sl_learnabbr_opts o;
    sl_learnabbr_opts_default(&o);
    o.min_words = o.min_periods = 0;
    o.min_count = 1;
    FUZZ_CHECK(sl_learnabbr_add(la, t.data, t.len, flags & SL_SEG_LINES, &err) == SL_OK);
    FUZZ_CHECK(sl_learnabbr_finish(la, &o, &err) == SL_OK);
    for (size_t i = 0; i < sl_learnabbr_count(la); i++)
        FUZZ_CHECK(sl_learnabbr_get(la, i)->type != NULL);
    sl_seg_set_learned(seg, la);
    FUZZ_CHECK(sl_seg_split(seg, t.data, t.len, flags, &s, &err) == SL_OK);
    check(&s);
    sl_seg_set_learned(seg, NULL);
    sl_learnabbr_free(la);
    sl_sents_free(&s);
    sl_text_free(&t);
    return 0;
}
