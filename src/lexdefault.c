/* lexdefault.c — the lexicon selaras uses unless told otherwise: the
 * built-in core vocabulary (src/rules/lexicon_id_en.txt) and FreeDict
 * eng-ind where it is installed, both for Indonesian -> English only. */
#include "lexicon_impl.h"
#include "selaras/rules.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* The built-in core lexicon: src/rules/BUILTIN_LEX.txt, for id -> en. */
#define BUILTIN_LEX "lexicon_id_en"

/* Is lex's pair Indonesian -> English, the one pair with defaults? */
static int id_en(const sl_lexicon *lex)
{
    return strcmp(sl_lexread_code(lex->rd, SL_LEX_SRC), "id") == 0 &&
           strcmp(sl_lexread_code(lex->rd, SL_LEX_TGT), "en") == 0;
}

const char *sl_lexicon_default_path(void)
{
    static const char *const paths[] = {
        "/usr/share/dictd/freedict-eng-ind.index",
        "/usr/local/share/dictd/freedict-eng-ind.index",
    };
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
        if (access(paths[i], R_OK) != 0)
            continue;
        /* the index is useless without its data beside it */
        char d[128];
        size_t base = strlen(paths[i]) - strlen(".index");
        snprintf(d, sizeof d, "%.*s.dict.dz", (int)base, paths[i]);
        if (access(d, R_OK) == 0)
            return paths[i];
        snprintf(d, sizeof d, "%.*s.dict", (int)base, paths[i]);
        if (access(d, R_OK) == 0)
            return paths[i];
    }
    return NULL;
}

int sl_lexicon_add_builtin(sl_lexicon *lex, sl_error *err)
{
    if (!lex)
        return sl_error_set(err, SL_EUSAGE, NULL, 0, -1, "no lexicon");
    if (!id_en(lex))
        return SL_OK;
    const char *text = sl_rules_builtin(BUILTIN_LEX);
    if (!text)
        return sl_error_set(err, SL_EINTERNAL, NULL, 0, -1,
                            "the built-in lexicon %s is missing", BUILTIN_LEX);
    /* a curated list: a side that is one stop word is meant */
    return sl_lexread_text(lex, text, strlen(text), "rules/" BUILTIN_LEX ".txt", SL_LEX_TSV, 1,
                           err);
}

sl_lexicon *sl_lexicon_load_default(const char *path, const char *src_lang, const char *tgt_lang,
                                    int *missing, sl_error *err)
{
    if (missing)
        *missing = 0;
    const char *p = path ? path : sl_lexicon_default_path();
    sl_lexicon *lex = sl_lexicon_new(src_lang, tgt_lang, err);
    if (!lex)
        return NULL;
    /* FreeDict eng-ind is the default for Indonesian -> English only */
    if (!path && !id_en(lex)) {
        if (missing)
            *missing = 3;
        return lex;
    }
    if (sl_lexicon_add_builtin(lex, err) != SL_OK) {
        sl_lexicon_free(lex);
        return NULL;
    }
    if (!p) {
        if (missing)
            *missing = 1;
        return lex;
    }
    if (sl_lexicon_add_file(lex, p, SL_LEX_AUTO, err) != SL_OK) {
        if (path) {
            sl_lexicon_free(lex);
            return NULL;
        }
        /* the default dictionary is broken: keep the built-in core */
        if (missing)
            *missing = 2;
    }
    return lex;
}
