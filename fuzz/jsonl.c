/* fuzz/jsonl.c — the JSON Lines reader on any bytes: the file as
 * sl_input reads it (lines, blank lines, a last line without its end),
 * each line decoded as a worker thread does. Every item either has both
 * texts, valid UTF-8, or a status and an error naming the file. */
#define _GNU_SOURCE /* memfd_create */
#include "fuzz.h"
#include "selaras/input.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int fd = -1;
static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fd = memfd_create("fuzz.jsonl", 0);
    FUZZ_CHECK(fd >= 0);
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FUZZ_CHECK(ftruncate(fd, 0) == 0);
    FUZZ_CHECK(pwrite(fd, data, size, 0) == (ssize_t)size);
    sl_error err;
    /* the first byte, when there is one, chooses --presplit */
    int flags = SL_INPUT_JSONL | (size && (data[0] & 1) ? SL_INPUT_PRESPLIT : 0);
    sl_input *in = sl_input_open(path, flags, &err);
    FUZZ_CHECK(in);
    sl_item it[4];
    size_t n;
    while ((n = sl_input_next(in, it, 4)) > 0) {
        for (size_t k = 0; k < n; k++) {
            sl_item_prepare(&it[k]);
            if (it[k].status == SL_OK) {
                FUZZ_CHECK(it[k].name && it[k].kind == SL_ITEM_PAIR);
                for (int s = 0; s < 2; s++)
                    FUZZ_CHECK(sl_utf8_valid_prefix(it[k].t[s].data, it[k].t[s].len) ==
                               it[k].t[s].len);
            } else {
                FUZZ_CHECK(it[k].err.msg[0] && !it[k].name);
            }
            sl_item_free(&it[k]);
        }
    }
    sl_input_close(in);
    return 0;
}
